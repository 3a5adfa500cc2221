//! Written with iterators and `from_shape_fn`; the column sums through `dot` on a view.

use ndarray::{Array1, Array2};

pub fn relu_backward(input: &Array1<f32>, grad_out: &Array1<f32>) -> Array1<f32> {
    input
        .iter()
        .zip(grad_out)
        .map(|(&x, &g)| if x <= 0.0 { 0.0 } else { g })
        .collect()
}

pub fn dense_backward(
    input: &Array1<f32>,
    weights: &Array2<f32>,
    grad_out: &Array1<f32>,
) -> (Array1<f32>, Array2<f32>, Array1<f32>) {
    let grad_input = grad_out.dot(weights);
    let grad_weights = Array2::from_shape_fn(weights.raw_dim(), |(j, i)| grad_out[j] * input[i]);
    (grad_input, grad_weights, grad_out.mapv(|g| g))
}
