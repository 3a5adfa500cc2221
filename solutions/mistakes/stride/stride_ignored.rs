//! Mistake: the stride is not applied: every position of the kernel is kept.

use ndarray::{Array2, s};

use crate::conv::conv2d;

/// The image with `padding` rows and columns of zeros around it: (H + 2p, W + 2p).
pub fn pad(image: &Array2<f32>, padding: usize) -> Array2<f32> {
    let (h, w) = image.dim();
    let mut padded = Array2::zeros((h + 2 * padding, w + 2 * padding));
    padded
        .slice_mut(s![padding..padding + h, padding..padding + w])
        .assign(image);
    padded
}

/// Convolution with zero padding and a stride: the kernel moves `stride` cells at a
/// time, starting at the top-left corner of the padded image.
pub fn conv2d_strided(
    image: &Array2<f32>,
    kernel: &Array2<f32>,
    stride: usize,
    padding: usize,
) -> Array2<f32> {
    // Every position with stride 1, then every stride-th row and column of it, from 0.
    // (This computes positions it throws away; a loop over the kept ones only is faster.)
    let _ = stride;
    conv2d(&pad(image, padding), kernel)
}
