//! Correct: index loops, no conv2d, and a padding that reads the image where it is.

use ndarray::{Array2, s};

/// The image with zeros around it.
pub fn pad(image: &Array2<f32>, padding: usize) -> Array2<f32> {
    let (h, w) = image.dim();
    let mut out = Array2::<f32>::zeros((h + 2 * padding, w + 2 * padding));
    for r in 0..h {
        for c in 0..w {
            out[[r + padding, c + padding]] = image[[r, c]];
        }
    }
    out
}

/// Convolution with padding and stride.
pub fn conv2d_strided(
    image: &Array2<f32>,
    kernel: &Array2<f32>,
    stride: usize,
    padding: usize,
) -> Array2<f32> {
    let padded = pad(image, padding);
    let (ph, pw) = padded.dim();
    let (kh, kw) = kernel.dim();
    let rows = (ph - kh) / stride + 1;
    let cols = (pw - kw) / stride + 1;
    let mut out = Array2::zeros((rows, cols));
    for i in 0..rows {
        for j in 0..cols {
            let (r, c) = (i * stride, j * stride);
            let patch = padded.slice(s![r..r + kh, c..c + kw]);
            let mut sum = 0.0;
            for a in 0..kh {
                for b in 0..kw {
                    sum += patch[[a, b]] * kernel[[a, b]];
                }
            }
            out[[i, j]] = sum;
        }
    }
    out
}
