//! Written with index loops over plain shapes.

use ndarray::{Array1, Array2};

pub fn relu_backward(input: &Array1<f32>, grad_out: &Array1<f32>) -> Array1<f32> {
    let mut grad = Array1::zeros(input.len());
    for i in 0..input.len() {
        if input[i] > 0.0 {
            grad[i] = grad_out[i];
        }
    }
    grad
}

pub fn dense_backward(
    input: &Array1<f32>,
    weights: &Array2<f32>,
    grad_out: &Array1<f32>,
) -> (Array1<f32>, Array2<f32>, Array1<f32>) {
    let (outputs, inputs) = weights.dim();
    let mut grad_input = Array1::zeros(inputs);
    let mut grad_weights = Array2::zeros((outputs, inputs));
    for j in 0..outputs {
        for i in 0..inputs {
            grad_input[i] += weights[[j, i]] * grad_out[j];
            grad_weights[[j, i]] = grad_out[j] * input[i];
        }
    }
    let grad_bias = grad_out.to_owned();
    (grad_input, grad_weights, grad_bias)
}
