//! Real handwriting: the 8×8 digits, scaled for the network, and how often it is right.

use ndarray::{Array1, Array2};

/// Pixel values 0–16 (the UCI digits) scaled to 0–1.
pub fn normalize(image: &Array2<f32>) -> Array2<f32> {
    image / 16.0
}

/// The share of predictions that agree with the labels, from 0 to 1 (0 for no predictions).
pub fn accuracy(predicted: &Array1<usize>, labels: &Array1<usize>) -> f32 {
    let right = predicted.iter().zip(labels).filter(|(p, l)| p == l).count();
    (right / predicted.len()) as f32
}
