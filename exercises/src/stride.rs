//! レッスン 6：パディングとストライドです。画像の周りを 0 で囲み、カーネルを
//! 何マスかずつ飛ばしてずらす畳み込みを作ります。
//!
//! Lesson 6: padding and stride. Surround the image with zeros, and build a
//! convolution whose kernel jumps several cells at a time.

// 完成したらこの行は消してください。作りかけの関数と、まだ使っていない use についての
// 警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished
// stubs and the imports you have not used yet.
#![allow(unused_variables, unused_imports)]

use ndarray::Array2;

use crate::conv::conv2d;

/// ゼロパディングです。画像の上下左右を `padding` マスずつ 0 で囲みます。
///
/// 形 (H, W) の画像から、形 (H + 2·padding, W + 2·padding) の配列ができます。
/// 元の画像の `[[r, c]]` は、結果の `[[r + padding, c + padding]]` に移ります。
/// `padding` が 0 なら、画像がそのまま返ります。
///
/// Zero padding: surround the image with `padding` rows and columns of zeros on
/// every side.
///
/// An image of shape (H, W) gives an array of shape (H + 2·padding, W + 2·padding).
/// The image's cell `[[r, c]]` moves to `[[r + padding, c + padding]]`. With
/// `padding` 0 the image comes back unchanged.
pub fn pad(image: &Array2<f32>, padding: usize) -> Array2<f32> {
    todo!()
}

/// パディングとストライドのある畳み込みです。
///
/// まず画像を `pad(image, padding)` で囲み、カーネルを左上から `stride` マスずつ
/// ずらしながら畳み込みます。`conv2d(&pad(image, padding), kernel)` の結果から、
/// 0 行目・0 列目から数えて `stride` 行ごと・`stride` 列ごとに取り出したものと同じです。
/// 結果の形は ((H + 2p − kh) / stride + 1, (W + 2p − kw) / stride + 1) です
/// （割り算は切り捨て）。
///
/// A convolution with padding and a stride.
///
/// Surround the image with `pad(image, padding)`, then slide the kernel from the
/// top-left corner, `stride` cells at a time. The result is every `stride`-th row
/// and column of `conv2d(&pad(image, padding), kernel)`, counting from row 0 and
/// column 0. Its shape is ((H + 2p − kh) / stride + 1, (W + 2p − kw) / stride + 1),
/// rounded down.
pub fn conv2d_strided(
    image: &Array2<f32>,
    kernel: &Array2<f32>,
    stride: usize,
    padding: usize,
) -> Array2<f32> {
    todo!()
}
