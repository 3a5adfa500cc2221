//! Mistake: applies relu to the result, but convolution has no activation of its own.

use ndarray::{Array2, Zip};

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    Zip::from(image.windows(kernel.dim())).map_collect(|patch| {
        let sum = Zip::from(&patch)
            .and(kernel)
            .fold(0.0, |sum, &p, &k| sum + p * k);
        sum.max(0.0)
    })
}
