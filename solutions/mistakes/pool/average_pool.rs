//! Mistake: takes the average of each window (average pooling) instead of the maximum.

use ndarray::Array2;

/// Max pooling.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    let (h, w) = input.dim();
    Array2::from_shape_fn((h / size, w / size), |(r, c)| {
        let mut sum = 0.0;
        for i in 0..size {
            for j in 0..size {
                sum += input[[r * size + i, c * size + j]];
            }
        }
        sum / (size * size) as f32
    })
}
