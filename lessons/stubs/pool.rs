//! Lesson 4: build max pooling, which shrinks an image by keeping the largest value of each window.

// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::Array2;

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
