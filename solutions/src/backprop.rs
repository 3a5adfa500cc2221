//! ReLU と全結合層の誤差逆伝播です。層の出力についての損失の勾配から、
//! 入力と重みについての勾配を求めます。
//!
//! Backpropagation through a unit's activation and a fully connected layer:
//! given how the loss changes with a layer's output, how it changes with its
//! input and weights.

use ndarray::{Array1, Array2, Axis, Zip};

/// ReLU を逆にたどった勾配です。入力が正だったところは `grad_out` のまま、
/// それ以外は 0 です（ちょうど 0 のところも 0 とします。ReLU はその左側で
/// 平らだからです）。
///
/// The gradient through ReLU: `grad_out` where the input was positive, 0
/// elsewhere (also at exactly 0, where ReLU is flat on its left).
pub fn relu_backward(input: &Array1<f32>, grad_out: &Array1<f32>) -> Array1<f32> {
    Zip::from(input)
        .and(grad_out)
        .map_collect(|&x, &g| if x > 0.0 { g } else { 0.0 })
}

/// 全結合層 `out = weights·input + bias` の勾配です。`grad_out` は `out` に
/// ついての損失の勾配です。返すのは（入力についての勾配, 重みについての勾配,
/// バイアスについての勾配）の 3 つです。
///
/// The gradients of a fully connected layer `out = weights·input + bias`,
/// given the gradient `grad_out` of the loss with respect to `out`:
/// (with respect to the input, the weights, the bias).
pub fn dense_backward(
    input: &Array1<f32>,
    weights: &Array2<f32>,
    grad_out: &Array1<f32>,
) -> (Array1<f32>, Array2<f32>, Array1<f32>) {
    // 入力 i は、weights[[j, i]] を通って、すべての出力 j に届きます。
    // だから重みの列 i に沿って足し合わせます（転置した重みとの積）。
    // Input i reaches every output j through weights[[j, i]]: sum over the
    // column (a product with the transposed weights).
    let grad_input = weights.t().dot(grad_out);
    // 重み [[j, i]] は input[i] にかかって出力 j に入ります。
    // だから勾配は grad_out[j]·input[i]、つまり外積です。
    // Weight [[j, i]] multiplies input[i] into output j: an outer product.
    let column = grad_out.view().insert_axis(Axis(1));
    let row = input.view().insert_axis(Axis(0));
    let grad_weights = &column * &row;
    // バイアスはそのまま足されるので、その勾配は出力の勾配と同じです。
    // The bias is added as it is: its gradient is the output's.
    (grad_input, grad_weights, grad_out.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dense::dense;
    use ndarray::array;

    #[test]
    fn relu_passes_the_gradient_where_the_input_was_positive_only() {
        let input = array![-1.0, 0.0, 2.0, 0.5];
        let grad = array![5.0, 6.0, 7.0, -8.0];
        assert_eq!(relu_backward(&input, &grad), array![0.0, 0.0, 7.0, -8.0]);
    }

    #[test]
    fn dense_backward_has_the_shapes_of_input_weights_and_bias() {
        let input = array![1.0, -2.0, 0.5];
        let weights = array![[1.0, 0.0, -1.0], [2.0, 1.0, 0.5]];
        let grad_out = array![1.0, -1.0];
        let (gi, gw, gb) = dense_backward(&input, &weights, &grad_out);
        assert_eq!(gi, array![-1.0, -1.0, -1.5]);
        assert_eq!(gw, array![[1.0, -2.0, 0.5], [-1.0, 2.0, -0.5]]);
        assert_eq!(gb, grad_out);
    }

    /// 損失 L = Σ_j c[j]·out[j] の、out についての勾配は c です。
    ///
    /// The loss L = Σ_j c[j]·out[j] has gradient c with respect to out.
    #[test]
    fn dense_backward_agrees_with_central_differences() {
        let input = array![0.4, -1.1, 0.9, 2.0];
        let weights = array![
            [0.5, -0.3, 0.8, 0.1],
            [-0.7, 0.2, 0.05, 1.0],
            [0.3, 0.3, -0.6, -0.2]
        ];
        let bias = array![0.1, -0.2, 0.3];
        let c = array![1.5, -0.5, 2.0];
        let loss =
            |x: &Array1<f32>, w: &Array2<f32>, b: &Array1<f32>| f64::from(dense(x, w, b).dot(&c));
        let (gi, gw, gb) = dense_backward(&input, &weights, &c);
        let h = 1e-2;
        let close = |numeric: f64, analytic: f32| (numeric - f64::from(analytic)).abs() < 1e-3;
        for i in 0..input.len() {
            let (mut up, mut down) = (input.clone(), input.clone());
            up[i] += h;
            down[i] -= h;
            let n =
                (loss(&up, &weights, &bias) - loss(&down, &weights, &bias)) / (2.0 * f64::from(h));
            assert!(close(n, gi[i]), "input {i}");
        }
        for ((j, i), &g) in gw.indexed_iter() {
            let (mut up, mut down) = (weights.clone(), weights.clone());
            up[[j, i]] += h;
            down[[j, i]] -= h;
            let n = (loss(&input, &up, &bias) - loss(&input, &down, &bias)) / (2.0 * f64::from(h));
            assert!(close(n, g), "weight {j},{i}");
        }
        for j in 0..bias.len() {
            let (mut up, mut down) = (bias.clone(), bias.clone());
            up[j] += h;
            down[j] -= h;
            let n = (loss(&input, &weights, &up) - loss(&input, &weights, &down))
                / (2.0 * f64::from(h));
            assert!(close(n, gb[j]), "bias {j}");
        }
    }
}
