//! レッスン 1：ネットワークの部品であるユニットを作ります。入力に重みをかけた総和を求め、
//! 活性化関数に通します。
//!
//! Lesson 1: build the unit of a network, a weighted sum of its inputs followed by an activation.

// 完成したらこの行は消してください。作りかけの関数についての警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::Array1;

/// 同じ長さの 2 つのベクトルの内積 `a[0]·b[0] + a[1]·b[1] + …` を返します。
/// たとえば `[1, 2, 3]` と `[4, 5, 6]` なら `1·4 + 2·5 + 3·6 = 32` です。
///
/// The dot product of two vectors of the same length: `a[0]·b[0] + a[1]·b[1] + …`.
/// For example, `[1, 2, 3]` and `[4, 5, 6]` give `1·4 + 2·5 + 3·6 = 32`.
pub fn dot(a: &Array1<f32>, b: &Array1<f32>) -> f32 {
    todo!()
}

/// 活性化関数 ReLU です。`x` が正なら `x`、そうでなければ `0` を返します。
/// たとえば `relu(2.5) = 2.5`、`relu(-1.0) = 0.0` です。
///
/// The ReLU activation: `x` when `x` is positive, `0` otherwise.
/// For example, `relu(2.5) = 2.5` and `relu(-1.0) = 0.0`.
pub fn relu(x: f32) -> f32 {
    todo!()
}

/// ユニット 1 つの出力です。入力と重みの内積（自分で書いた `dot`）にバイアスを足し、
/// 自分で書いた `relu` に通します。つまり `relu(dot(inputs, weights) + bias)` です。
///
/// One unit: the weighted sum of the inputs (use your `dot`), plus the bias,
/// passed through your `relu`. That is, `relu(dot(inputs, weights) + bias)`.
pub fn unit(inputs: &Array1<f32>, weights: &Array1<f32>, bias: f32) -> f32 {
    todo!()
}
