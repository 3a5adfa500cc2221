//! Mistake: makes one output per input (`input.len()`) instead of one per row of the weights.

use ndarray::{Array1, Array2};

/// A fully connected layer.
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, bias: &Array1<f32>) -> Array1<f32> {
    let mut out = Array1::zeros(input.len());
    for j in 0..input.len() {
        let mut sum = bias[j];
        for i in 0..input.len() {
            sum += weights[[j, i]] * input[i];
        }
        out[j] = sum;
    }
    out
}
