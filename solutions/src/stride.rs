//! ゼロパディングとストライドです。画像の大きさを保つ畳み込みや、
//! 画像をもっと速く小さくする畳み込みができます。
//!
//! Zero padding and stride: a convolution that keeps the image's size, or
//! shrinks it faster.

use ndarray::{Array2, s};

use crate::conv::conv2d;

/// 画像の上下左右を `padding` マスずつ 0 で囲んだものです。
/// 形は (H + 2p, W + 2p) になります（p は `padding`）。
///
/// The image with `padding` rows and columns of zeros around it:
/// (H + 2p, W + 2p), where p is `padding`.
pub fn pad(image: &Array2<f32>, padding: usize) -> Array2<f32> {
    let (h, w) = image.dim();
    let mut padded = Array2::zeros((h + 2 * padding, w + 2 * padding));
    padded
        .slice_mut(s![padding..padding + h, padding..padding + w])
        .assign(image);
    padded
}

/// ゼロパディングとストライドのある畳み込みです。カーネルは、パディングした
/// 画像の左上の角から、`stride` マスずつ進みます。
///
/// Convolution with zero padding and a stride: the kernel moves `stride` cells
/// at a time, starting at the top-left corner of the padded image.
pub fn conv2d_strided(
    image: &Array2<f32>,
    kernel: &Array2<f32>,
    stride: usize,
    padding: usize,
) -> Array2<f32> {
    // まずストライド 1 ですべての位置を計算し、0 行目・0 列目から数えて
    // `stride` 行ごと・`stride` 列ごとに取り出します。（捨てる位置まで
    // 計算しているので、残す位置だけをループで計算するほうが速くなります。）
    // Every position with stride 1, then every stride-th row and column of it,
    // from 0. (This computes positions it throws away; a loop over the kept
    // ones only is faster.)
    let every = conv2d(&pad(image, padding), kernel);
    every.slice(s![..;stride, ..;stride]).to_owned()
}
