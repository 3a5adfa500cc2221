//! 予測がどれだけ外れているかを測ります。交差エントロピーと、
//! ロジットについての勾配です。
//!
//! How wrong a prediction is: cross-entropy, and its gradient with respect to
//! the logits.

use ndarray::Array1;

use crate::cnn::softmax;

/// 正解のクラスについての交差エントロピー −ln(p[label]) です。
/// 確率は 1e-7 より小さければ 1e-7 として計算します。そのため、自信を持って
/// 外した答えの損失は、無限大ではなく約 16.1 で止まります。
///
/// The cross-entropy of the probabilities against the right class:
/// −ln(p[label]). The probability is taken as at least 1e-7, so a confident
/// wrong answer costs about 16.1 instead of infinity.
pub fn cross_entropy(probs: &Array1<f32>, label: usize) -> f32 {
    -probs[label].max(1e-7).ln()
}

/// `cross_entropy(softmax(logits), label)` のロジットについての勾配で、
/// softmax(logits) − one_hot(label) です。正解のクラスの値だけが負になり、
/// 勾配と逆向きに動かすと、正解のロジットは上がり、ほかは下がります。
///
/// The gradient of `cross_entropy(softmax(logits), label)` with respect to the
/// logits: softmax(logits) − one_hot(label). A step against it pushes the
/// right class's logit up and every other one down.
pub fn softmax_cross_entropy_grad(logits: &Array1<f32>, label: usize) -> Array1<f32> {
    let mut grad = softmax(logits);
    grad[label] -= 1.0;
    grad
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn a_sure_right_answer_costs_nothing_and_a_sure_wrong_one_is_capped() {
        assert_eq!(cross_entropy(&array![0.0, 1.0, 0.0], 1), 0.0);
        let capped = cross_entropy(&array![1.0, 0.0], 1);
        assert!((capped - 16.118_095).abs() < 1e-4, "{capped}");
        // 10 クラスに均等な確率なら、損失は ln 10 です。
        // Uniform over ten classes: ln 10.
        let uniform = Array1::from_elem(10, 0.1);
        assert!((cross_entropy(&uniform, 3) - 10f32.ln()).abs() < 1e-6);
    }

    #[test]
    fn the_gradient_is_softmax_minus_one_hot_and_sums_to_zero() {
        let grad = softmax_cross_entropy_grad(&array![0.0, 0.0], 0);
        assert_eq!(grad, array![-0.5, 0.5]);
        let grad = softmax_cross_entropy_grad(&array![2.0, -1.0, 0.5, 3.0], 2);
        assert!(grad.sum().abs() < 1e-6);
        assert!(grad[2] < 0.0 && grad.iter().enumerate().all(|(i, &g)| i == 2 || g > 0.0));
    }

    #[test]
    fn the_gradient_agrees_with_central_differences() {
        let logits = array![0.3, -1.2, 2.0, 0.7, -0.4];
        let label = 3;
        let loss = |x: &Array1<f32>| f64::from(cross_entropy(&softmax(x), label));
        let grad = softmax_cross_entropy_grad(&logits, label);
        let h = 1e-2;
        for i in 0..logits.len() {
            let (mut up, mut down) = (logits.clone(), logits.clone());
            up[i] += h;
            down[i] -= h;
            let numeric = (loss(&up) - loss(&down)) / (2.0 * f64::from(h));
            assert!(
                (numeric - f64::from(grad[i])).abs() < 1e-3,
                "{i}: {numeric} vs {}",
                grad[i]
            );
        }
    }
}
