//! Correct: one dot product per row of the weights, collected into the output.

use ndarray::{Array1, Array2};

/// A fully connected layer.
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, bias: &Array1<f32>) -> Array1<f32> {
    weights
        .rows()
        .into_iter()
        .zip(bias)
        .map(|(row, b)| row.dot(input) + b)
        .collect()
}
