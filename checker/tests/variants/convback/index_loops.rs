//! Plain index loops over every cell.

use ndarray::Array2;

pub fn max_pool2d_backward(
    input: &Array2<f32>,
    size: usize,
    grad_out: &Array2<f32>,
) -> Array2<f32> {
    let (h, w) = input.dim();
    let mut grad = Array2::zeros((h, w));
    for r in 0..h / size {
        for c in 0..w / size {
            let (mut bi, mut bj) = (r * size, c * size);
            for i in r * size..r * size + size {
                for j in c * size..c * size + size {
                    if input[[i, j]] > input[[bi, bj]] {
                        bi = i;
                        bj = j;
                    }
                }
            }
            grad[[bi, bj]] = grad_out[[r, c]];
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
    let mut grad_image = Array2::zeros(image.dim());
    let mut grad_kernel = Array2::zeros((kh, kw));
    for i in 0..oh {
        for j in 0..ow {
            let g = grad_out[[i, j]];
            for a in 0..kh {
                for b in 0..kw {
                    grad_image[[i + a, j + b]] += g * kernel[[a, b]];
                    grad_kernel[[a, b]] += g * image[[i + a, j + b]];
                }
            }
        }
    }
    (grad_image, grad_kernel)
}
