//! 2-D convolution as deep learning means it: slide the kernel, multiply, sum.

use ndarray::{Array2, Zip};

/// Valid convolution with stride 1: each output cell is the sum of the products of
/// the kernel with the patch under it, so the output has shape (H − kh + 1, W − kw + 1).
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    // `windows` yields exactly the patches that fit, already laid out in the output's shape.
    // The kernel is used as it is, not flipped (mathematically: cross-correlation).
    Zip::from(image.windows(kernel.dim())).map_collect(|patch| {
        Zip::from(&patch)
            .and(kernel)
            .fold(0.0, |sum, &p, &k| sum + p * k)
    })
}
