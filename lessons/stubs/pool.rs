//! レッスン 5：マックス・プーリングを作ります。区画ごとにいちばん大きい値を残して、
//! 画像を小さくします。
//!
//! Lesson 5: build max pooling, which shrinks an image by keeping the largest value of each window.

// 完成したらこの行は消してください。作りかけの関数についての警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::Array2;

/// マックス・プーリングです。入力を重ならない `size`×`size` の区画に区切り
/// （ずらす幅も `size`）、各区画の最大値を残します。
///
/// 形 (H, W) の入力から、形 (H / size, W / size)（切り捨て）の結果ができます。
/// 下端と右端に余った行と列は捨てます。結果の `[[r, c]]` は、`[[r·size, c·size]]`
/// から始まる区画の最大値です。値は負のこともあり、そのときは最大値も負です。
/// たとえば 2×2 の区画 `4, 8, 7, 1` からは `8` が残ります。
///
/// Max pooling: cut the input into `size`×`size` windows that do not overlap
/// (stride `size`), and keep the maximum of each window.
///
/// An input of shape (H, W) gives an output of shape (H / size, W / size), rounded
/// down: rows and columns left over at the bottom and right are dropped. The output
/// cell `[[r, c]]` is the maximum of the window starting at `[[r·size, c·size]]`.
/// Values may be negative, so the maximum may be too. For example, the 2×2 window
/// `4, 8, 7, 1` gives `8`.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    todo!()
}
