//! A fully connected layer: every output is a weighted sum of every input.

use ndarray::{Array1, Array2};

/// A fully connected layer without activation:
/// `out[j] = Σ_i weights[[j, i]]·input[i] + bias[j]`, with `weights` of shape (outputs, inputs).
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, bias: &Array1<f32>) -> Array1<f32> {
    weights.dot(input) + bias
}
