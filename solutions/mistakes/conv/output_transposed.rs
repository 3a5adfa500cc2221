//! Mistake: stores the sum for position (row r, column c) at `out[[c, r]]`, so the output comes out transposed.

use ndarray::Array2;

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let (h, w) = image.dim();
    let (kh, kw) = kernel.dim();
    let mut out = Array2::zeros((w - kw + 1, h - kh + 1));
    for r in 0..h - kh + 1 {
        for c in 0..w - kw + 1 {
            let mut sum = 0.0;
            for i in 0..kh {
                for j in 0..kw {
                    sum += image[[r + i, c + j]] * kernel[[i, j]];
                }
            }
            out[[c, r]] = sum;
        }
    }
    out
}
