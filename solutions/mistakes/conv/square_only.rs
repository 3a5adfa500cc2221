//! Mistake: uses the image's number of rows for both output sizes, as if every image were square.

use ndarray::Array2;

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let n = image.nrows();
    let (kh, kw) = kernel.dim();
    Array2::from_shape_fn((n - kh + 1, n - kw + 1), |(r, c)| {
        let mut sum = 0.0;
        for i in 0..kh {
            for j in 0..kw {
                sum += image[[r + i, c + j]] * kernel[[i, j]];
            }
        }
        sum
    })
}
