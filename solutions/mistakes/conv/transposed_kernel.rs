//! Mistake: uses the kernel transposed (`kernel[[j, i]]`), which only runs for square kernels and gives wrong sums.

use ndarray::Array2;

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let (h, w) = image.dim();
    let (kh, kw) = kernel.dim();
    Array2::from_shape_fn((h - kh + 1, w - kw + 1), |(r, c)| {
        let mut sum = 0.0;
        for i in 0..kh {
            for j in 0..kw {
                sum += image[[r + i, c + j]] * kernel[[j, i]];
            }
        }
        sum
    })
}
