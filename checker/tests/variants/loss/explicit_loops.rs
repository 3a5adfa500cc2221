//! Written with loops and an explicit one-hot vector, the softmax computed here.

use ndarray::Array1;

pub fn cross_entropy(probs: &Array1<f32>, label: usize) -> f32 {
    let p = if probs[label] < 1e-7 { 1e-7 } else { probs[label] };
    -(p.ln())
}

pub fn softmax_cross_entropy_grad(logits: &Array1<f32>, label: usize) -> Array1<f32> {
    let mut largest = f32::NEG_INFINITY;
    for &x in logits {
        largest = largest.max(x);
    }
    let exps: Vec<f32> = logits.iter().map(|&x| (x - largest).exp()).collect();
    let total: f32 = exps.iter().sum();
    let mut grad = Array1::zeros(logits.len());
    for i in 0..logits.len() {
        let one_hot = if i == label { 1.0 } else { 0.0 };
        grad[i] = exps[i] / total - one_hot;
    }
    grad
}
