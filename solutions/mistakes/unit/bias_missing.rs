//! Mistake: `unit` forgets to add the bias before the activation.

use ndarray::Array1;

/// The dot product of two vectors.
pub fn dot(a: &Array1<f32>, b: &Array1<f32>) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// ReLU.
pub fn relu(x: f32) -> f32 {
    x.max(0.0)
}

/// One unit.
pub fn unit(inputs: &Array1<f32>, weights: &Array1<f32>, _bias: f32) -> f32 {
    relu(dot(inputs, weights))
}
