//! Max pooling: shrink an image by keeping the largest value of each window.

use ndarray::{Array2, Zip};

/// Max pooling with `size`×`size` windows and stride `size`: output (H / size, W / size),
/// rounded down, so leftover rows and columns at the bottom and right are dropped.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    // `exact_chunks` yields only whole blocks. Start the maximum from −∞, never from 0.0:
    // a block of negative values has a negative maximum.
    Zip::from(input.exact_chunks((size, size)))
        .map_collect(|block| block.fold(f32::NEG_INFINITY, |max, &x| max.max(x)))
}
