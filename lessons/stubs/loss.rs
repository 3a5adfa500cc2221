//! レッスン 9：予測がどれだけ外れているかを、損失（交差エントロピー）で測ります。
//! 学習は、この損失を小さくするように重みを調整することです。
//!
//! Lesson 9: measure how wrong a prediction is with a loss (cross-entropy).
//! Learning means adjusting the weights to make this loss smaller.

// 完成したらこの行は消してください。作りかけの関数と、まだ使っていない use についての
// 警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished
// stubs and the imports you have not used yet.
#![allow(unused_variables, unused_imports)]

use ndarray::Array1;

use crate::cnn::softmax;

/// 交差エントロピーです。正解のクラス `label` の確率 p について −ln(p) を返します。
/// p が 0 だと無限大になるので、p が 1e-7 より小さいときは 1e-7 として計算します。
/// 確率 1 で正解なら 0、確率 0.1 なら約 2.303 です。
///
/// The cross-entropy: −ln(p), where p is the probability of the right class `label`.
/// At p = 0 this would be infinite, so take p as 1e-7 when it is smaller than that.
/// A right answer with probability 1 costs 0; with probability 0.1, about 2.303.
pub fn cross_entropy(probs: &Array1<f32>, label: usize) -> f32 {
    todo!()
}

/// ロジット（softmax に通す前の値）についての損失の勾配です。
/// `cross_entropy(softmax(logits), label)` を各ロジットで微分したもので、
/// `softmax(logits)` から、正解の位置 `label` だけ 1 を引いたもの（one-hot を引いたもの）です。
///
/// The gradient of the loss with respect to the logits (the values before softmax):
/// the derivative of `cross_entropy(softmax(logits), label)` with respect to each
/// logit. It is `softmax(logits)` with 1 taken away at the right class `label`
/// (softmax minus the one-hot vector).
pub fn softmax_cross_entropy_grad(logits: &Array1<f32>, label: usize) -> Array1<f32> {
    todo!()
}
