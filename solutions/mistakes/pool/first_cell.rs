//! Mistake: keeps the first (top-left) cell of each window, as a search for the maximum
//! that starts at the first value and never takes a larger one does.

use ndarray::Array2;

/// Max pooling.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    let (h, w) = input.dim();
    let mut out = Array2::zeros((h / size, w / size));
    for r in 0..h / size {
        for c in 0..w / size {
            let mut max = input[[r * size, c * size]];
            for i in 0..size {
                for j in 0..size {
                    if input[[r * size + i, c * size + j]] > max {
                        max = input[[r * size, c * size]];
                    }
                }
            }
            out[[r, c]] = max;
        }
    }
    out
}
