//! Mistake: assumes a square kernel, taking its row count for both sides.

use ndarray::Array2;

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let (h, w) = image.dim();
    let k = kernel.nrows();
    Array2::from_shape_fn((h - k + 1, w - k + 1), |(r, c)| {
        let mut sum = 0.0;
        for i in 0..k {
            for j in 0..k {
                sum += image[[r + i, c + j]] * kernel[[i, j]];
            }
        }
        sum
    })
}
