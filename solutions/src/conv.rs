//! ディープラーニングでいう 2 次元の畳み込みです。カーネルをずらしながら、
//! 重なった値をかけて合計します。
//!
//! 2-D convolution as deep learning means it: slide the kernel, multiply, sum.

use ndarray::{Array2, Zip};

/// パディングなし、ストライド 1 の畳み込みです。結果の各マスは、カーネルと
/// その下の切り出しの、重なるマスどうしの積の総和です。結果の形は
/// (H − kh + 1, W − kw + 1) です。
///
/// Convolution with no padding and stride 1: each output cell is the sum of
/// the products of the kernel with the patch under it, so the output has
/// shape (H − kh + 1, W − kw + 1).
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    // `windows` は、画像からはみ出さない切り出しだけを、結果と同じ形に
    // 並べて返します。カーネルは反転させず、そのまま使います（数学では
    // 相互相関と呼ぶ計算です）。
    // `windows` yields exactly the patches that fit, already laid out in the
    // output's shape. The kernel is used as it is, not flipped (mathematically:
    // cross-correlation).
    Zip::from(image.windows(kernel.dim())).map_collect(|patch| {
        Zip::from(&patch)
            .and(kernel)
            .fold(0.0, |sum, &p, &k| sum + p * k)
    })
}
