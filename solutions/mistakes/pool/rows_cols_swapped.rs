//! Mistake: reads `dim()` as (width, height) instead of (rows, columns), which swaps the sizes for non-square inputs.

use ndarray::Array2;

/// Max pooling.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    let (w, h) = input.dim();
    Array2::from_shape_fn((h / size, w / size), |(r, c)| {
        let mut max = f32::NEG_INFINITY;
        for i in 0..size {
            for j in 0..size {
                max = max.max(input[[r * size + i, c * size + j]]);
            }
        }
        max
    })
}
