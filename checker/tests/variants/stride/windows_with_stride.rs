//! Correct: ndarray's strided windows, and padding built cell by cell.

use ndarray::{Array2, Zip};

/// The image with zeros around it.
pub fn pad(image: &Array2<f32>, padding: usize) -> Array2<f32> {
    let (h, w) = image.dim();
    Array2::from_shape_fn((h + 2 * padding, w + 2 * padding), |(r, c)| {
        let inside = (padding..padding + h).contains(&r) && (padding..padding + w).contains(&c);
        if inside { image[[r - padding, c - padding]] } else { 0.0 }
    })
}

/// Convolution with padding and stride.
pub fn conv2d_strided(
    image: &Array2<f32>,
    kernel: &Array2<f32>,
    stride: usize,
    padding: usize,
) -> Array2<f32> {
    let padded = pad(image, padding);
    Zip::from(padded.windows_with_stride(kernel.dim(), (stride, stride)))
        .map_collect(|patch| (&patch * kernel).sum())
}
