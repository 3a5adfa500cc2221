//! Correct: the weighted sum is accumulated in f64 and rounded to f32 at the end.

use ndarray::Array1;

/// The dot product of two vectors.
pub fn dot(a: &Array1<f32>, b: &Array1<f32>) -> f32 {
    let sum: f64 = a
        .iter()
        .zip(b.iter())
        .map(|(&x, &y)| f64::from(x) * f64::from(y))
        .sum();
    sum as f32
}

/// ReLU.
pub fn relu(x: f32) -> f32 {
    f32::max(x, 0.0)
}

/// One unit.
pub fn unit(inputs: &Array1<f32>, weights: &Array1<f32>, bias: f32) -> f32 {
    relu((f64::from(dot(inputs, weights)) + f64::from(bias)) as f32)
}
