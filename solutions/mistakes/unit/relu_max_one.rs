//! Mistake: `relu` takes the maximum with 1 instead of 0.

use ndarray::Array1;

/// The dot product of two vectors.
pub fn dot(a: &Array1<f32>, b: &Array1<f32>) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// ReLU.
pub fn relu(x: f32) -> f32 {
    x.max(1.0)
}

/// One unit.
pub fn unit(inputs: &Array1<f32>, weights: &Array1<f32>, bias: f32) -> f32 {
    relu(dot(inputs, weights) + bias)
}
