//! Mistake: reads the weights as (inputs, outputs), `weights[[i, j]]`, which transposes them and only runs when they are square.

use ndarray::{Array1, Array2};

/// A fully connected layer.
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, bias: &Array1<f32>) -> Array1<f32> {
    let mut out = Array1::zeros(bias.len());
    for j in 0..bias.len() {
        let mut sum = 0.0;
        for i in 0..input.len() {
            sum += weights[[i, j]] * input[i];
        }
        out[j] = sum + bias[j];
    }
    out
}
