//! Correct: slices each patch and sums its element-wise product with the kernel (allocating per window).

use ndarray::{Array2, s};

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let (h, w) = image.dim();
    let (kh, kw) = kernel.dim();
    Array2::from_shape_fn((h - kh + 1, w - kw + 1), |(r, c)| {
        (&image.slice(s![r..r + kh, c..c + kw]) * kernel).sum()
    })
}
