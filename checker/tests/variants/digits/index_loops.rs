//! Plain loops over indices, with a counter.

use ndarray::{Array1, Array2};

pub fn normalize(image: &Array2<f32>) -> Array2<f32> {
    let (h, w) = image.dim();
    let mut out = Array2::zeros((h, w));
    for r in 0..h {
        for c in 0..w {
            out[[r, c]] = image[[r, c]] / 16.0;
        }
    }
    out
}

pub fn accuracy(predicted: &Array1<usize>, labels: &Array1<usize>) -> f32 {
    let n = predicted.len();
    if n == 0 {
        return 0.0;
    }
    let mut right = 0;
    for i in 0..n {
        if predicted[i] == labels[i] {
            right += 1;
        }
    }
    right as f32 / n as f32
}
