//! Backpropagation through max pooling and convolution.

use ndarray::{Array2, s};

/// The gradient through max pooling (`size`×`size` windows, stride `size`): each
/// window's gradient goes to its largest cell only, the first in row-major order on
/// a tie; every other cell, and the rows and columns pooling dropped, get 0.
pub fn max_pool2d_backward(
    input: &Array2<f32>,
    size: usize,
    grad_out: &Array2<f32>,
) -> Array2<f32> {
    let mut grad_input = Array2::zeros(input.dim());
    for ((r, c), &g) in grad_out.indexed_iter() {
        let window = input.slice(s![r * size..(r + 1) * size, c * size..(c + 1) * size]);
        // `>` keeps the first of equal maxima: a later cell must be strictly larger.
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

/// The gradients of `conv2d(image, kernel)` given the gradient `grad_out` of the loss
/// with respect to its output: (with respect to the image, to the kernel).
pub fn conv2d_backward(
    image: &Array2<f32>,
    kernel: &Array2<f32>,
    grad_out: &Array2<f32>,
) -> (Array2<f32>, Array2<f32>) {
    let (kh, kw) = kernel.dim();
    let mut grad_image = Array2::zeros(image.dim());
    let mut grad_kernel = Array2::zeros(kernel.dim());
    // Output cell (i, j) was the sum of kernel × the patch at (i, j): its gradient flows
    // back to that patch through the kernel, and to the kernel through that patch.
    // (Summed up, grad_kernel is conv2d(image, grad_out), and grad_image is the "full"
    // convolution of grad_out with the kernel turned by 180°.)
    for ((i, j), &g) in grad_out.indexed_iter() {
        grad_kernel.scaled_add(g, &image.slice(s![i..i + kh, j..j + kw]));
    }
    // The "full" convolution of grad_out with the kernel.
    let (oh, ow) = grad_out.dim();
    let mut padded = Array2::zeros((oh + 2 * (kh - 1), ow + 2 * (kw - 1)));
    padded
        .slice_mut(s![kh - 1..kh - 1 + oh, kw - 1..kw - 1 + ow])
        .assign(grad_out);
    for ((p, q), cell) in grad_image.indexed_iter_mut() {
        let mut sum = 0.0;
        for a in 0..kh {
            for b in 0..kw {
                sum += padded[[p + a, q + b]] * kernel[[b, a]];
            }
        }
        *cell = sum;
    }
    (grad_image, grad_kernel)
}

