//! Mistake: keeps the partial windows at the bottom and right edges (output size rounded up) instead of dropping them.

use ndarray::Array2;

/// Max pooling.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    let (h, w) = input.dim();
    Array2::from_shape_fn((h.div_ceil(size), w.div_ceil(size)), |(r, c)| {
        let mut max = f32::NEG_INFINITY;
        for i in r * size..((r + 1) * size).min(h) {
            for j in c * size..((c + 1) * size).min(w) {
                max = max.max(input[[i, j]]);
            }
        }
        max
    })
}
