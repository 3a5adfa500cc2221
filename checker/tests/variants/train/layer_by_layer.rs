//! The earlier lessons' functions, put together in another order: the input's
//! gradient of a convolution as a full convolution with the kernel turned by 180°,
//! the channels of a layer summed input channel first, the steps taken with
//! `scaled_add` and the mean loss summed in f64.

use ndarray::{Array1, Array2, Array3, Array4, Axis, s};

use crate::backprop::{dense_backward, relu_backward};
use crate::cnn::{Cnn, ConvLayer, DenseLayer, softmax};
use crate::conv::conv2d;
use crate::convback::{conv2d_backward, max_pool2d_backward};
use crate::loss::{cross_entropy, softmax_cross_entropy_grad};
use crate::pool::max_pool2d;

/// What the backward pass needs of a forward pass.
struct Trace {
    input: Array3<f32>,
    z1: Array3<f32>,
    a1: Array3<f32>,
    z2: Array3<f32>,
    a2: Array3<f32>,
    flat: Array1<f32>,
    z3: Array1<f32>,
    a3: Array1<f32>,
    logits: Array1<f32>,
}

fn relu3(x: &Array3<f32>) -> Array3<f32> {
    x.mapv(|v| if v > 0.0 { v } else { 0.0 })
}

fn trace(cnn: &Cnn, image: &Array2<f32>) -> Trace {
    let input = image.view().insert_axis(Axis(0)).to_owned();
    let z1 = cnn.conv1.forward(&input);
    let a1 = relu3(&z1);
    let z2 = cnn.conv2.forward(&a1);
    let a2 = relu3(&z2);
    let mut flat = Vec::new();
    for channel in a2.outer_iter() {
        flat.extend(max_pool2d(&channel.to_owned(), cnn.pool).iter().copied());
    }
    let flat = Array1::from(flat);
    let z3 = cnn.fc1.forward(&flat);
    let a3 = z3.mapv(|v| v.max(0.0));
    let logits = cnn.fc2.forward(&a3);
    Trace {
        input,
        z1,
        a1,
        z2,
        a2,
        flat,
        z3,
        a3,
        logits,
    }
}

/// The gradient of `conv2d(image, kernel)` with respect to the image: grad_out padded
/// with zeros, convolved with the kernel turned by 180°.
fn image_gradient(kernel: &Array2<f32>, grad_out: &Array2<f32>) -> Array2<f32> {
    let (kh, kw) = kernel.dim();
    let (oh, ow) = grad_out.dim();
    let mut padded = Array2::zeros((oh + 2 * (kh - 1), ow + 2 * (kw - 1)));
    padded
        .slice_mut(s![kh - 1..kh - 1 + oh, kw - 1..kw - 1 + ow])
        .assign(grad_out);
    let turned = kernel.slice(s![..;-1, ..;-1]).to_owned();
    conv2d(&padded, &turned)
}

fn conv_back(
    layer: &ConvLayer,
    input: &Array3<f32>,
    grad_out: &Array3<f32>,
) -> (Array3<f32>, ConvLayer) {
    let (outs, ins, kh, kw) = layer.filters.dim();
    let mut grad_input = Array3::zeros(input.dim());
    let mut filters = Array4::zeros((outs, ins, kh, kw));
    for c in 0..ins {
        let channel = input.index_axis(Axis(0), c).to_owned();
        for o in 0..outs {
            let kernel = layer.filters.slice(s![o, c, .., ..]).to_owned();
            let g = grad_out.index_axis(Axis(0), o).to_owned();
            let (_, grad_kernel) = conv2d_backward(&channel, &kernel, &g);
            filters.slice_mut(s![o, c, .., ..]).assign(&grad_kernel);
            let gi = image_gradient(&kernel, &g);
            let mut slot = grad_input.index_axis_mut(Axis(0), c);
            slot += &gi;
        }
    }
    let bias = grad_out.sum_axis(Axis(2)).sum_axis(Axis(1));
    (grad_input, ConvLayer { filters, bias })
}

pub fn cnn_gradients(cnn: &Cnn, image: &Array2<f32>, label: usize) -> (f32, Cnn) {
    let t = trace(cnn, image);
    let loss = cross_entropy(&softmax(&t.logits), label);
    let g_logits = softmax_cross_entropy_grad(&t.logits, label);
    let (g_a3, w4, b4) = dense_backward(&t.a3, &cnn.fc2.weights, &g_logits);
    let g_z3 = relu_backward(&t.z3, &g_a3);
    let (g_flat, w3, b3) = dense_backward(&t.flat, &cnn.fc1.weights, &g_z3);
    let (ch, h, w) = t.a2.dim();
    let (ph, pw) = (h / cnn.pool, w / cnn.pool);
    let g_pooled = g_flat
        .into_shape_with_order((ch, ph, pw))
        .unwrap_or_else(|_| Array3::zeros((ch, ph, pw)));
    let mut g_z2 = Array3::zeros((ch, h, w));
    for c in 0..ch {
        let a = t.a2.index_axis(Axis(0), c).to_owned();
        let g = max_pool2d_backward(&a, cnn.pool, &g_pooled.index_axis(Axis(0), c).to_owned());
        for ((i, j), v) in g.indexed_iter() {
            g_z2[[c, i, j]] = if t.z2[[c, i, j]] > 0.0 { *v } else { 0.0 };
        }
    }
    let (g_a1, conv2) = conv_back(&cnn.conv2, &t.a1, &g_z2);
    let mut g_z1 = g_a1;
    g_z1.zip_mut_with(&t.z1, |g, &z| {
        if z <= 0.0 {
            *g = 0.0;
        }
    });
    let (_, conv1) = conv_back(&cnn.conv1, &t.input, &g_z1);
    let grads = Cnn {
        conv1,
        conv2,
        pool: cnn.pool,
        fc1: DenseLayer {
            weights: w3,
            bias: b3,
        },
        fc2: DenseLayer {
            weights: w4,
            bias: b4,
        },
    };
    (loss, grads)
}

pub fn sgd_step(cnn: &mut Cnn, grads: &Cnn, learning_rate: f32) {
    let rate = -learning_rate;
    cnn.conv1.filters.scaled_add(rate, &grads.conv1.filters);
    cnn.conv1.bias.scaled_add(rate, &grads.conv1.bias);
    cnn.conv2.filters.scaled_add(rate, &grads.conv2.filters);
    cnn.conv2.bias.scaled_add(rate, &grads.conv2.bias);
    cnn.fc1.weights.scaled_add(rate, &grads.fc1.weights);
    cnn.fc1.bias.scaled_add(rate, &grads.fc1.bias);
    cnn.fc2.weights.scaled_add(rate, &grads.fc2.weights);
    cnn.fc2.bias.scaled_add(rate, &grads.fc2.bias);
}

pub fn train_epoch(
    cnn: &mut Cnn,
    images: &Array3<f32>,
    labels: &Array1<usize>,
    learning_rate: f32,
) -> f32 {
    let mut total = 0.0f64;
    let mut count = 0usize;
    for (image, &label) in images.axis_iter(Axis(0)).zip(labels.iter()) {
        let (loss, grads) = cnn_gradients(cnn, &image.to_owned(), label);
        sgd_step(cnn, &grads, learning_rate);
        total += f64::from(loss);
        count += 1;
    }
    if count == 0 {
        0.0
    } else {
        (total / count as f64) as f32
    }
}
