//! Correct: each window's sum is accumulated in f64 and rounded to f32 once.

use ndarray::{Array2, s};

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let (h, w) = image.dim();
    let (kh, kw) = kernel.dim();
    Array2::from_shape_fn((h - kh + 1, w - kw + 1), |(r, c)| {
        let patch = image.slice(s![r..r + kh, c..c + kw]);
        let sum: f64 = patch
            .iter()
            .zip(kernel.iter())
            .map(|(&p, &k)| f64::from(p) * f64::from(k))
            .sum();
        sum as f32
    })
}
