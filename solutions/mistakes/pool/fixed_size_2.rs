//! Mistake: always pools 2×2 windows, like the lecture's example, and ignores `size`.

use ndarray::Array2;

/// Max pooling.
pub fn max_pool2d(input: &Array2<f32>, _size: usize) -> Array2<f32> {
    let (h, w) = input.dim();
    Array2::from_shape_fn((h / 2, w / 2), |(r, c)| {
        let mut max = f32::NEG_INFINITY;
        for i in 0..2 {
            for j in 0..2 {
                max = max.max(input[[r * 2 + i, c * 2 + j]]);
            }
        }
        max
    })
}
