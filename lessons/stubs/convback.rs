//! レッスン 11：プーリングと畳み込みを逆にたどり、勾配を求めます。
//!
//! Lesson 11: go back through pooling and convolution, and find their gradients.

// 完成したらこの行は消してください。作りかけの関数についての警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::Array2;

/// マックス・プーリング（`size`×`size` の区画、ずらす幅も `size`）を逆にたどります。
///
/// 結果の形は入力と同じです。区画ごとに、`grad_out` のその区画の値を、区画の中で
/// いちばん大きかったマス 1 つだけに渡し、ほかのマスは 0 にします。最大値が複数あるときは、
/// 行ごとに左から右へ、上の行から順に見て最初のマスに渡します。プーリングで捨てた
/// 行と列も 0 です。
///
/// Goes back through max pooling (`size`×`size` windows, stride `size`).
///
/// The result has the input's shape. Each window's value of `grad_out` goes to the
/// window's largest cell only; every other cell gets 0. When several cells share the
/// maximum, the first in row-major order (row by row, left to right) takes it. The rows
/// and columns that pooling dropped get 0 too.
pub fn max_pool2d_backward(
    input: &Array2<f32>,
    size: usize,
    grad_out: &Array2<f32>,
) -> Array2<f32> {
    todo!()
}

/// 畳み込み `conv2d(image, kernel)` を逆にたどります。`grad_out` は出力についての
/// 損失の勾配で、形は (H − kh + 1, W − kw + 1) です。返すのは、画像についての勾配
/// （形 (H, W)）と、カーネルについての勾配（形 (kh, kw)）です。
///
/// 出力のマス (i, j) は、(i, j) から始まる切り出しとカーネルの積の総和でした。
/// だから `grad_out[[i, j]]` は、その切り出しのマスにはカーネルの値をかけて、
/// カーネルのマスには切り出しの値をかけて、足し込まれます。
///
/// Goes back through the convolution `conv2d(image, kernel)`, where `grad_out` is the
/// gradient of the loss with respect to its output, of shape (H − kh + 1, W − kw + 1).
/// Returns the gradient with respect to the image (shape (H, W)) and with respect to
/// the kernel (shape (kh, kw)).
///
/// Output cell (i, j) was the sum of the products of the kernel with the patch that
/// starts at (i, j). So `grad_out[[i, j]]` is added to each cell of that patch times
/// the kernel's value there, and to each cell of the kernel times the patch's value.
pub fn conv2d_backward(
    image: &Array2<f32>,
    kernel: &Array2<f32>,
    grad_out: &Array2<f32>,
) -> (Array2<f32>, Array2<f32>) {
    todo!()
}
