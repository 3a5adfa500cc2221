//! レッスン 8：本物の手書き数字を読みます。画素の値をネットワーク向けにそろえ、
//! 予測がどれだけ当たったかを数えます。
//!
//! Lesson 8: read real handwritten digits. Scale the pixel values for the network,
//! and count how many predictions are right.

// 完成したらこの行は消してください。作りかけの関数についての警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::{Array1, Array2};

/// 画素の値を 0〜1 にそろえます。手書き数字のデータの画素は 0〜16 の値なので、
/// どの画素も 16 で割ります。形は変わりません。
///
/// Scales the pixel values to 0–1. The pixels of the digits are values from 0 to 16,
/// so divide every pixel by 16. The shape stays the same.
pub fn normalize(image: &Array2<f32>) -> Array2<f32> {
    todo!()
}

/// 正解率です。`predicted[i]` と `labels[i]` が一致した割合を 0〜1 で返します。
/// たとえば 5 個のうち 3 個が一致なら 0.6 です。予測が 1 つもなければ 0 を返します。
///
/// The accuracy: the share of positions where `predicted[i]` equals `labels[i]`,
/// from 0 to 1. For example, 3 right out of 5 gives 0.6. With no predictions at all,
/// return 0.
pub fn accuracy(predicted: &Array1<usize>, labels: &Array1<usize>) -> f32 {
    todo!()
}
