//! Correct: index loops over the windows, each maximum starting from f32::NEG_INFINITY.

use ndarray::Array2;

/// Max pooling.
pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32> {
    let (h, w) = input.dim();
    let mut out = Array2::zeros((h / size, w / size));
    for r in 0..h / size {
        for c in 0..w / size {
            let mut max = f32::NEG_INFINITY;
            for i in 0..size {
                for j in 0..size {
                    let x = input[[r * size + i, c * size + j]];
                    if x > max {
                        max = x;
                    }
                }
            }
            out[[r, c]] = max;
        }
    }
    out
}
