//! ネットワークの部品であるユニットです。入力に重みをかけた総和を求め、
//! 活性化関数に通します。
//!
//! The unit of a network: a weighted sum of its inputs, then an activation.

use ndarray::{Array1, Zip};

/// 同じ長さの 2 つのベクトルの内積 `Σ a[i]·b[i]` です。
///
/// The dot product `Σ a[i]·b[i]` of two vectors of the same length.
pub fn dot(a: &Array1<f32>, b: &Array1<f32>) -> f32 {
    Zip::from(a).and(b).fold(0.0, |sum, &x, &y| sum + x * y)
}

/// 活性化関数 ReLU です。`x` が正なら `x`、そうでなければ `0` です。
///
/// The ReLU activation (rectified linear unit): `x` if it is positive,
/// otherwise `0`.
pub fn relu(x: f32) -> f32 {
    x.max(0.0)
}

/// ユニット 1 つの出力です。入力に重みをかけた総和にバイアスを足し、
/// [`relu`] に通します。
///
/// One unit: the weighted sum of the inputs plus the bias, activated by
/// [`relu`].
pub fn unit(inputs: &Array1<f32>, weights: &Array1<f32>, bias: f32) -> f32 {
    relu(dot(inputs, weights) + bias)
}
