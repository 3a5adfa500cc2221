//! Mistake: the output has the right shape, but the window moves one cell at a time.

use ndarray::{Array2, s};

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
    let padded = pad(image, padding);
    let (ph, pw) = padded.dim();
    let (kh, kw) = kernel.dim();
    let (rows, cols) = ((ph - kh) / stride + 1, (pw - kw) / stride + 1);
    Array2::from_shape_fn((rows, cols), |(i, j)| {
        // The mistake: the window starts at (i, j), not at (i * stride, j * stride).
        let window = padded.slice(s![i..i + kh, j..j + kw]);
        (&window * kernel).sum()
    })
}
