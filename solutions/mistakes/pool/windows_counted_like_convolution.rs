//! Mistake: counts the windows with the convolution's formula, (H − size) / size + 1, which
//! goes below zero (a panic for a `usize`) when the input is smaller than a window.

use ndarray::Array2;

/// Max pooling.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    let (h, w) = input.dim();
    let (out_h, out_w) = ((h - size) / size + 1, (w - size) / size + 1);
    Array2::from_shape_fn((out_h, out_w), |(r, c)| {
        let mut max = f32::NEG_INFINITY;
        for i in 0..size {
            for j in 0..size {
                max = max.max(input[[r * size + i, c * size + j]]);
            }
        }
        max
    })
}
