//! 全結合層です。どの出力も、すべての入力に重みをかけた総和です。
//!
//! A fully connected layer: every output is a weighted sum of every input.

use ndarray::{Array1, Array2};

/// 活性化のない全結合層です。`weights` の形は（出力の数, 入力の数）で、
/// `out[j] = Σ_i weights[[j, i]]·input[i] + bias[j]` です。
/// 行列とベクトルの積 `weights.dot(input)` で、すべての出力を一度に求めます。
///
/// A fully connected layer without activation, with `weights` of shape
/// (outputs, inputs): `out[j] = Σ_i weights[[j, i]]·input[i] + bias[j]`.
/// The matrix-vector product `weights.dot(input)` gives that sum for every
/// output at once.
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, bias: &Array1<f32>) -> Array1<f32> {
    weights.dot(input) + bias
}
