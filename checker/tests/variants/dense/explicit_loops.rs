//! Correct: two nested index loops over outputs and inputs.

use ndarray::{Array1, Array2};

/// A fully connected layer.
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, bias: &Array1<f32>) -> Array1<f32> {
    let (outputs, inputs) = weights.dim();
    let mut out = Array1::zeros(outputs);
    for j in 0..outputs {
        let mut sum = bias[j];
        for i in 0..inputs {
            sum += weights[[j, i]] * input[i];
        }
        out[j] = sum;
    }
    out
}
