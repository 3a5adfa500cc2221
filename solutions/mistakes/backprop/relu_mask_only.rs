//! Backpropagation through a unit's activation and a fully connected layer: given how
//! the loss changes with a layer's output, how it changes with its input and weights.

use ndarray::{Array1, Array2, Axis, Zip};

/// The gradient through ReLU: `grad_out` where the input was positive, 0 elsewhere
/// (also at exactly 0, where ReLU is flat on its left).
pub fn relu_backward(input: &Array1<f32>, grad_out: &Array1<f32>) -> Array1<f32> {
    // The mistake: returns ReLU's slope (1 or 0), not the slope times grad_out.
    Zip::from(input)
        .and(grad_out)
        .map_collect(|&x, &_g| if x > 0.0 { 1.0 } else { 0.0 })
}

/// The gradients of a fully connected layer `out = weights·input + bias`, given the
/// gradient `grad_out` of the loss with respect to `out`:
/// (with respect to the input, the weights, the bias).
pub fn dense_backward(
    input: &Array1<f32>,
    weights: &Array2<f32>,
    grad_out: &Array1<f32>,
) -> (Array1<f32>, Array2<f32>, Array1<f32>) {
    // Input i reaches every output j through weights[[j, i]]: sum over the column.
    let grad_input = weights.t().dot(grad_out);
    // Weight [[j, i]] multiplies input[i] into output j: an outer product.
    let column = grad_out.view().insert_axis(Axis(1));
    let row = input.view().insert_axis(Axis(0));
    let grad_weights = &column * &row;
    // The bias is added as it is: its gradient is the output's.
    (grad_input, grad_weights, grad_out.clone())
}
