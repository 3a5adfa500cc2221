//! Lesson 1: build the unit of a network, a weighted sum of its inputs followed by an activation.

// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::Array1;

/// The dot product of two vectors of the same length: `a[0]·b[0] + a[1]·b[1] + …`.
///
/// For example, `[1, 2, 3]` and `[4, 5, 6]` give `1·4 + 2·5 + 3·6 = 32`.
pub fn dot(a: &Array1<f32>, b: &Array1<f32>) -> f32 {
    todo!()
}

/// The ReLU activation: `x` when `x` is positive, `0` otherwise.
///
/// For example, `relu(2.5) = 2.5` and `relu(-1.0) = 0.0`.
pub fn relu(x: f32) -> f32 {
    todo!()
}

/// One unit: the weighted sum of the inputs (use your `dot`), plus the bias,
/// passed through your `relu`. That is, `relu(dot(inputs, weights) + bias)`.
pub fn unit(inputs: &Array1<f32>, weights: &Array1<f32>, bias: f32) -> f32 {
    todo!()
}
