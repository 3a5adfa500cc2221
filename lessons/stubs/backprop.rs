//! レッスン 10：誤差逆伝播です。出力についての損失の勾配から、ReLU と全結合層の
//! 入力・重み・バイアスについての勾配を求めます。
//!
//! Lesson 10: backpropagation. From the gradient of the loss with respect to an
//! output, find the gradients through ReLU and a fully connected layer: with respect
//! to the input, the weights and the bias.

// 完成したらこの行は消してください。作りかけの関数についての警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::{Array1, Array2};

/// ReLU を逆にたどります。入力が正だったところは `grad_out` をそのまま通し、
/// それ以外（ちょうど 0 のところも）は 0 にします。
///
/// Goes back through ReLU: where the input was positive, `grad_out` passes as it is;
/// everywhere else (exactly 0 included) the gradient is 0.
pub fn relu_backward(input: &Array1<f32>, grad_out: &Array1<f32>) -> Array1<f32> {
    todo!()
}

/// 全結合層 `out = weights·input + bias` を逆にたどります。`grad_out` は出力についての
/// 損失の勾配です。返すのは次の 3 つです。
///
/// - 入力についての勾配：`grad_input[i] = Σ_j weights[[j, i]]·grad_out[j]`（形は入力と同じ）
/// - 重みについての勾配：`grad_weights[[j, i]] = grad_out[j]·input[i]`（形は重みと同じ）
/// - バイアスについての勾配：`grad_out` そのもの
///
/// Goes back through a fully connected layer `out = weights·input + bias`, where
/// `grad_out` is the gradient of the loss with respect to the output. Returns:
///
/// - with respect to the input: `grad_input[i] = Σ_j weights[[j, i]]·grad_out[j]` (the input's shape)
/// - with respect to the weights: `grad_weights[[j, i]] = grad_out[j]·input[i]` (the weights' shape)
/// - with respect to the bias: `grad_out` itself
pub fn dense_backward(
    input: &Array1<f32>,
    weights: &Array2<f32>,
    grad_out: &Array1<f32>,
) -> (Array1<f32>, Array2<f32>, Array1<f32>) {
    todo!()
}
