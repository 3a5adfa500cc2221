//! Mistake: moves the window by 1 (stride 1) instead of by its size, so the windows overlap.

use ndarray::Array2;

/// Max pooling.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    let (h, w) = input.dim();
    Array2::from_shape_fn((h - size + 1, w - size + 1), |(r, c)| {
        let mut max = f32::NEG_INFINITY;
        for i in 0..size {
            for j in 0..size {
                max = max.max(input[[r + i, c + j]]);
            }
        }
        max
    })
}
