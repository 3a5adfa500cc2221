//! レッスン 2：全結合層を作ります。どの出力も、すべての入力に重みをかけた総和です。
//!
//! Lesson 2: build a fully connected layer, where every output is a weighted sum of every input.

// 完成したらこの行は消してください。作りかけの関数についての警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::{Array1, Array2};

/// 全結合層です。活性化はしません（ReLU に通さず、負の値もそのまま返します）。
///
/// `weights` は出力ごとに 1 行、入力ごとに 1 列で、形は（出力の数, 入力の数）です。
/// `bias` は出力ごとに 1 つです。結果は出力の数だけの値で、
/// `out[j] = weights[[j, 0]]·input[0] + weights[[j, 1]]·input[1] + … + bias[j]` です。
/// 出力の数と入力の数は同じとは限りません。レッスン 1 の `dot` を使うなら、
/// ファイルの先頭に `use crate::unit::dot;` と書きます。
///
/// A fully connected layer, with no activation (no ReLU: negative values are returned as they are).
///
/// `weights` has one row per output and one column per input: shape (outputs, inputs).
/// `bias` has one value per output. The result has one value per output:
/// `out[j] = weights[[j, 0]]·input[0] + weights[[j, 1]]·input[1] + … + bias[j]`.
/// The number of outputs need not equal the number of inputs. To reuse your `dot` from
/// lesson 1, write `use crate::unit::dot;` at the top of the file.
pub fn dense(input: &Array1<f32>, weights: &Array2<f32>, bias: &Array1<f32>) -> Array1<f32> {
    todo!()
}
