//! マックス・プーリングと畳み込みの誤差逆伝播です。
//!
//! Backpropagation through max pooling and convolution.

use ndarray::{Array2, s};

/// マックス・プーリング（`size`×`size` の区画、ストライド `size`）を
/// 逆にたどった勾配です。区画ごとの勾配は、その区画でいちばん大きかった
/// マス 1 つだけに渡します（最大値が複数あれば、行優先で最初のマス）。
/// ほかのマスと、プーリングで捨てた行と列は 0 です。
///
/// The gradient through max pooling (`size`×`size` windows, stride `size`):
/// each window's gradient goes to its largest cell only, the first in
/// row-major order on a tie; every other cell, and the rows and columns
/// pooling dropped, get 0.
pub fn max_pool2d_backward(
    input: &Array2<f32>,
    size: usize,
    grad_out: &Array2<f32>,
) -> Array2<f32> {
    let mut grad_input = Array2::zeros(input.dim());
    for ((r, c), &g) in grad_out.indexed_iter() {
        let window = input.slice(s![r * size..(r + 1) * size, c * size..(c + 1) * size]);
        // `>` で比べるので、等しい最大値のうち最初のマスが残ります。
        // あとのマスが選ばれるのは、真に大きいときだけです。
        // `>` keeps the first of equal maxima: a later cell must be strictly
        // larger.
        let mut best = (0, 0);
        for ((i, j), &x) in window.indexed_iter() {
            if x > window[best] {
                best = (i, j);
            }
        }
        grad_input[[r * size + best.0, c * size + best.1]] = g;
    }
    grad_input
}

/// `conv2d(image, kernel)` の勾配です。`grad_out` は出力についての
/// 損失の勾配です。返すのは（画像についての勾配, カーネルについての勾配）です。
///
/// The gradients of `conv2d(image, kernel)` given the gradient `grad_out` of
/// the loss with respect to its output: (with respect to the image, to the
/// kernel).
pub fn conv2d_backward(
    image: &Array2<f32>,
    kernel: &Array2<f32>,
    grad_out: &Array2<f32>,
) -> (Array2<f32>, Array2<f32>) {
    let (kh, kw) = kernel.dim();
    let mut grad_image = Array2::zeros(image.dim());
    let mut grad_kernel = Array2::zeros(kernel.dim());
    // 出力のマス (i, j) は、カーネルと、(i, j) から始まる切り出しの
    // 積の総和でした。だからその勾配は、カーネルを通ってその切り出しへ、
    // 切り出しを通ってカーネルへ戻ります。（まとめると、grad_kernel は
    // conv2d(image, grad_out) で、grad_image は、まわりを 0 で埋めた
    // grad_out を 180° 回したカーネルで畳み込んだものです。）
    // Output cell (i, j) was the sum of kernel × the patch at (i, j): its
    // gradient flows back to that patch through the kernel, and to the kernel
    // through that patch. (Summed up, grad_kernel is conv2d(image, grad_out),
    // and grad_image is the "full" convolution of grad_out with the kernel
    // turned by 180°.)
    for ((i, j), &g) in grad_out.indexed_iter() {
        let patch = s![i..i + kh, j..j + kw];
        grad_image.slice_mut(patch).scaled_add(g, kernel);
        grad_kernel.scaled_add(g, &image.slice(patch));
    }
    (grad_image, grad_kernel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conv::conv2d;
    use crate::pool::max_pool2d;
    use ndarray::array;

    #[test]
    fn each_window_sends_its_gradient_to_its_maximum_only() {
        let input = array![
            [1.0, 3.0, 2.0, 0.0, 9.0],
            [5.0, 2.0, 1.0, 4.0, 9.0],
            [9.0, 9.0, 9.0, 9.0, 9.0]
        ];
        let grad = max_pool2d_backward(&input, 2, &array![[10.0, -20.0]]);
        let expected = array![
            [0.0, 0.0, 0.0, 0.0, 0.0],
            [10.0, 0.0, 0.0, -20.0, 0.0],
            [0.0; 5]
        ];
        assert_eq!(grad, expected);
    }

    #[test]
    fn on_a_tie_the_first_cell_in_row_major_order_takes_it() {
        let input = array![[-1.0, 7.0], [7.0, 7.0]];
        assert_eq!(
            max_pool2d_backward(&input, 2, &array![[3.0]]),
            array![[0.0, 3.0], [0.0, 0.0]]
        );
        let flat = array![[-2.0, -2.0, -2.0], [-2.0, -2.0, -2.0], [-2.0, -2.0, -2.0]];
        let expected = array![[1.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]];
        assert_eq!(max_pool2d_backward(&flat, 3, &array![[1.0]]), expected);
    }

    /// でたらめに見えて、毎回同じ値になる配列です。
    /// 画像、カーネル、出力の重みづけに使います。
    ///
    /// A random-looking but fixed image, kernel and weighting of the output.
    fn sample(h: usize, w: usize, salt: f32) -> Array2<f32> {
        Array2::from_shape_fn((h, w), |(i, j)| {
            ((i * 7 + j * 3) as f32 * 0.37 + salt).sin()
        })
    }

    #[test]
    fn conv2d_backward_agrees_with_central_differences() {
        let image = sample(5, 7, 0.1);
        let kernel = sample(2, 3, 1.3);
        let c = sample(4, 5, 2.9);
        let loss = |x: &Array2<f32>, k: &Array2<f32>| f64::from((conv2d(x, k) * &c).sum());
        let (gi, gk) = conv2d_backward(&image, &kernel, &c);
        assert_eq!((gi.dim(), gk.dim()), ((5, 7), (2, 3)));
        let h = 1e-2;
        for ((i, j), &g) in gi.indexed_iter() {
            let (mut up, mut down) = (image.clone(), image.clone());
            up[[i, j]] += h;
            down[[i, j]] -= h;
            let n = (loss(&up, &kernel) - loss(&down, &kernel)) / (2.0 * f64::from(h));
            assert!((n - f64::from(g)).abs() < 1e-3, "image {i},{j}: {n} vs {g}");
        }
        for ((i, j), &g) in gk.indexed_iter() {
            let (mut up, mut down) = (kernel.clone(), kernel.clone());
            up[[i, j]] += h;
            down[[i, j]] -= h;
            let n = (loss(&image, &up) - loss(&image, &down)) / (2.0 * f64::from(h));
            assert!(
                (n - f64::from(g)).abs() < 1e-3,
                "kernel {i},{j}: {n} vs {g}"
            );
        }
    }

    #[test]
    fn the_kernel_gradient_is_a_convolution_of_the_image_with_grad_out() {
        let image = sample(6, 5, 0.4);
        let grad_out = sample(4, 2, 0.8);
        let kernel = sample(3, 4, 0.2);
        let (_, gk) = conv2d_backward(&image, &kernel, &grad_out);
        let direct = conv2d(&image, &grad_out);
        assert!((gk - direct).iter().all(|d| d.abs() < 1e-5));
    }

    #[test]
    fn max_pool2d_backward_agrees_with_central_differences_away_from_ties() {
        let input = sample(5, 7, 0.5);
        let c = sample(2, 3, 1.7);
        let loss = |x: &Array2<f32>| f64::from((max_pool2d(x, 2) * &c).sum());
        let grad = max_pool2d_backward(&input, 2, &c);
        let h = 1e-3;
        for ((i, j), &g) in grad.indexed_iter() {
            let (mut up, mut down) = (input.clone(), input.clone());
            up[[i, j]] += h;
            down[[i, j]] -= h;
            let n = (loss(&up) - loss(&down)) / (2.0 * f64::from(h));
            assert!((n - f64::from(g)).abs() < 1e-2, "{i},{j}: {n} vs {g}");
        }
    }
}
