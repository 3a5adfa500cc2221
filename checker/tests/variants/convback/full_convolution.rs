//! The input gradient as the "full" convolution of grad_out with the kernel turned by
//! 180°, the kernel gradient as conv2d(image, grad_out); pooling by the index of the
//! first maximum.

use ndarray::{Array2, s};

use crate::conv::conv2d;

pub fn max_pool2d_backward(
    input: &Array2<f32>,
    size: usize,
    grad_out: &Array2<f32>,
) -> Array2<f32> {
    let mut grad = Array2::<f32>::zeros(input.raw_dim());
    let (oh, ow) = grad_out.dim();
    for r in 0..oh {
        for c in 0..ow {
            let cells: Vec<(usize, usize)> = (0..size)
                .flat_map(|i| (0..size).map(move |j| (r * size + i, c * size + j)))
                .collect();
            let mut best = cells[0];
            for &cell in &cells[1..] {
                if input[cell] > input[best] {
                    best = cell;
                }
            }
            grad[best] += grad_out[[r, c]];
        }
    }
    grad
}

pub fn conv2d_backward(
    image: &Array2<f32>,
    kernel: &Array2<f32>,
    grad_out: &Array2<f32>,
) -> (Array2<f32>, Array2<f32>) {
    let (kh, kw) = kernel.dim();
    let (oh, ow) = grad_out.dim();
    let mut padded = Array2::<f32>::zeros((oh + 2 * (kh - 1), ow + 2 * (kw - 1)));
    padded
        .slice_mut(s![kh - 1..kh - 1 + oh, kw - 1..kw - 1 + ow])
        .assign(grad_out);
    let turned = kernel.slice(s![..;-1, ..;-1]).to_owned();
    let grad_image = conv2d(&padded, &turned);
    let grad_kernel = conv2d(image, grad_out);
    (grad_image, grad_kernel)
}
