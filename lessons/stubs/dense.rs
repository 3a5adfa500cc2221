//! Lesson 2: build a fully connected layer, where every output is a weighted sum of every input.

// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::{Array1, Array2};

/// A fully connected layer, with no activation.
///
/// `weights` has one row per output and one column per input: shape (outputs, inputs).
/// `bias` has one value per output. The result has one value per output:
/// `out[j] = weights[[j, 0]]·input[0] + weights[[j, 1]]·input[1] + … + bias[j]`.
/// The number of outputs need not equal the number of inputs.
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, bias: &Array1<f32>) -> Array1<f32> {
    todo!()
}
