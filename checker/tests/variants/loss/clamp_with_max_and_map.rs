//! The clamp written with `f32::max` the other way round; the gradient by `indexed_iter`.

use ndarray::Array1;

use crate::cnn::softmax;

pub fn cross_entropy(probs: &Array1<f32>, label: usize) -> f32 {
    let p = f32::max(1e-7, probs[label]);
    -f32::ln(p)
}

pub fn softmax_cross_entropy_grad(logits: &Array1<f32>, label: usize) -> Array1<f32> {
    let probs = softmax(logits);
    Array1::from_iter(
        probs
            .indexed_iter()
            .map(|(i, &p)| if i == label { p - 1.0 } else { p }),
    )
}
