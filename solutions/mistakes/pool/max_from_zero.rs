//! Mistake: starts each maximum from 0.0 instead of −∞, so a window of negative values gives 0.

use ndarray::Array2;

/// Max pooling.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    let (h, w) = input.dim();
    Array2::from_shape_fn((h / size, w / size), |(r, c)| {
        let mut max = 0.0;
        for i in 0..size {
            for j in 0..size {
                max = f32::max(max, input[[r * size + i, c * size + j]]);
            }
        }
        max
    })
}
