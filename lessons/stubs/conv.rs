//! レッスン 4：2 次元の畳み込みを作ります。小さなカーネルを画像の上でずらしていきます。
//!
//! Lesson 4: build 2-D convolution, sliding a small kernel over an image.

// 完成したらこの行は消してください。作りかけの関数についての警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::Array2;

/// ディープラーニングでいう畳み込みです。カーネルが画像からはみ出さない位置すべてに
/// カーネルを重ね、カーネルの値とその下の画素の値をかけて合計します。
/// カーネルは反転させません。
///
/// ずらす幅は 1、パディングはなしです。形 (H, W) の画像と形 (kh, kw) のカーネルから、
/// 形 (H − kh + 1, W − kw + 1) の結果ができます。画像は正方形とは限らず、
/// カーネルも 3×3 とは限りません。結果の `[[r, c]]` は、カーネル全体についての
/// `image[[r + i, c + j]]·kernel[[i, j]]` の合計です。
///
/// 講義の例：すべての行が `0 1 1 0 1` の 5×5 の画像と、カーネル
/// `[[1, 0, 1], [1, 1, 1], [0, 0, 1]]` から `[[4, 3, 5], [4, 3, 5], [4, 3, 5]]` ができます。
///
/// Convolution as deep learning means it: place the kernel on every position
/// where it fits entirely inside the image, multiply each kernel value with the
/// pixel under it, and sum. Do not flip the kernel.
///
/// Stride 1, no padding: an image of shape (H, W) and a kernel of shape (kh, kw)
/// give an output of shape (H − kh + 1, W − kw + 1). Images need not be square,
/// and kernels may have any size that fits, not only 3×3. The output cell
/// `[[r, c]]` is the sum over the kernel of `image[[r + i, c + j]]·kernel[[i, j]]`.
///
/// The lecture's example: the 5×5 image whose rows are all `0 1 1 0 1`, with the
/// kernel `[[1, 0, 1], [1, 1, 1], [0, 0, 1]]`, gives `[[4, 3, 5], [4, 3, 5], [4, 3, 5]]`.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    todo!()
}
