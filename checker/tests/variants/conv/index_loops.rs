//! Correct: four nested index loops over output positions and kernel cells.

use ndarray::Array2;

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let (h, w) = image.dim();
    let (kh, kw) = kernel.dim();
    let mut out = Array2::zeros((h - kh + 1, w - kw + 1));
    for r in 0..h - kh + 1 {
        for c in 0..w - kw + 1 {
            let mut sum = 0.0;
            for i in 0..kh {
                for j in 0..kw {
                    sum += image[[r + i, c + j]] * kernel[[i, j]];
                }
            }
            out[[r, c]] = sum;
        }
    }
    out
}
