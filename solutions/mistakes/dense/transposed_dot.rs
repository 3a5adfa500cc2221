//! Mistake: multiplies by the transposed weights (`weights.t().dot(input)`), which only runs when they are square.

use ndarray::{Array1, Array2};

/// A fully connected layer.
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, bias: &Array1<f32>) -> Array1<f32> {
    weights.t().dot(input) + bias
}
