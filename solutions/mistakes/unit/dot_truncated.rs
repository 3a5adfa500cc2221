//! Mistake: `dot` stops one element early (`0..len - 1`), so the last product is never added.

use ndarray::Array1;

/// The dot product of two vectors.
pub fn dot(a: &Array1<f32>, b: &Array1<f32>) -> f32 {
    let mut sum = 0.0;
    for i in 0..a.len() - 1 {
        sum += a[i] * b[i];
    }
    sum
}

/// ReLU.
pub fn relu(x: f32) -> f32 {
    x.max(0.0)
}

/// One unit.
pub fn unit(inputs: &Array1<f32>, weights: &Array1<f32>, bias: f32) -> f32 {
    relu(dot(inputs, weights) + bias)
}
