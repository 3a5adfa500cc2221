//! Mistake: forgets to add the bias.

use ndarray::{Array1, Array2};

/// A fully connected layer.
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, _bias: &Array1<f32>) -> Array1<f32> {
    weights.dot(input)
}
