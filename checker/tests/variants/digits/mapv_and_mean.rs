//! `mapv` for the pixels; the accuracy as the mean of ones and zeros.

use ndarray::{Array1, Array2, Zip};

pub fn normalize(image: &Array2<f32>) -> Array2<f32> {
    image.mapv(|x| x * (1.0 / 16.0))
}

pub fn accuracy(predicted: &Array1<usize>, labels: &Array1<usize>) -> f32 {
    let hits = Zip::from(predicted)
        .and(labels)
        .map_collect(|p, l| if p == l { 1.0f32 } else { 0.0 });
    hits.mean().unwrap_or(0.0)
}
