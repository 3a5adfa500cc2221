//! Mistake: adds the +1 before dividing by the stride: (H + 2p - kh + 1) / stride.

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
    // The mistake: the + 1 is added before dividing by the stride.
    let (rows, cols) = ((ph - kh + 1) / stride, (pw - kw + 1) / stride);
    Array2::from_shape_fn((rows, cols), |(i, j)| {
        let window = padded.slice(s![i * stride..i * stride + kh, j * stride..j * stride + kw]);
        (&window * kernel).sum()
    })
}
