//! マックス・プーリングです。区画ごとにいちばん大きい値を残して、
//! 画像を小さくします。
//!
//! Max pooling: shrink an image by keeping the largest value of each window.

use ndarray::{Array2, Zip};

/// `size`×`size` の区画、ストライド `size` のマックス・プーリングです。
/// 結果の形は (H / size, W / size)（切り捨て）で、下端と右端に余った行と列は
/// 捨てます。
///
/// Max pooling with `size`×`size` windows and stride `size`: the output has
/// shape (H / size, W / size), rounded down, so leftover rows and columns at
/// the bottom and right are dropped.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    // `exact_chunks` は欠けのない区画だけを返します。最大値は 0.0 ではなく
    // −∞ から探し始めます。負の値ばかりの区画では、最大値も負だからです。
    // `exact_chunks` yields only whole blocks. Start the maximum from −∞, never
    // from 0.0: a block of negative values has a negative maximum.
    Zip::from(input.exact_chunks((size, size)))
        .map_collect(|block| block.fold(f32::NEG_INFINITY, |max, &x| max.max(x)))
}
