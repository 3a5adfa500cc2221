//! Correct: index loops instead of iterators, with `if` for the activation.

use ndarray::Array1;

/// The dot product of two vectors.
pub fn dot(a: &Array1<f32>, b: &Array1<f32>) -> f32 {
    let mut sum = 0.0;
    for i in 0..a.len() {
        sum += a[i] * b[i];
    }
    sum
}

/// ReLU.
pub fn relu(x: f32) -> f32 {
    if x > 0.0 { x } else { 0.0 }
}

/// One unit.
pub fn unit(inputs: &Array1<f32>, weights: &Array1<f32>, bias: f32) -> f32 {
    let z = dot(inputs, weights) + bias;
    relu(z)
}
