//! Mistake: reads `dim()` as (width, height) instead of (rows, columns), which swaps the sizes for non-square images.

use ndarray::Array2;

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let (w, h) = image.dim();
    let (kw, kh) = kernel.dim();
    let mut out = Array2::zeros((h - kh + 1, w - kw + 1));
    for y in 0..h - kh + 1 {
        for x in 0..w - kw + 1 {
            let mut sum = 0.0;
            for i in 0..kh {
                for j in 0..kw {
                    sum += image[[y + i, x + j]] * kernel[[i, j]];
                }
            }
            out[[y, x]] = sum;
        }
    }
    out
}
