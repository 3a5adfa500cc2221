//! Mistake: hard-codes the lecture's 3×3 kernel size instead of using the kernel's own shape.

use ndarray::Array2;

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let (h, w) = image.dim();
    Array2::from_shape_fn((h - 2, w - 2), |(r, c)| {
        let mut sum = 0.0;
        for i in 0..3 {
            for j in 0..3 {
                sum += image[[r + i, c + j]] * kernel[[i, j]];
            }
        }
        sum
    })
}
