//! Correct: the loss and its gradient from a log-softmax (log Σ exp from the largest
//! logit, the loss capped at −ln 1e-7 as cross_entropy is), the pooling gradient found
//! with a strict `>` here, and ReLU's mask taken from the values after ReLU (a > 0
//! exactly where z > 0).

use ndarray::{Array1, Array2, Array3, Axis, Zip, s};

use crate::backprop::{dense_backward, relu_backward};
use crate::cnn::{Cnn, ConvLayer, DenseLayer};
use crate::convback::conv2d_backward;
use crate::pool::max_pool2d;
use crate::unit::relu;

/// 画像 1 枚の損失（`cnn.forward(image)` と `label` の交差エントロピー）と、
/// すべての重みとバイアスについての損失の勾配です。勾配は `cnn` と同じ形の
/// `Cnn` に入れて返します。
///
/// The loss of `cnn.forward(image)` against `label` (cross-entropy), and its
/// gradient with respect to every weight and bias, in a `Cnn` of the same
/// shapes.
pub fn cnn_gradients(cnn: &Cnn, image: &Array2<f32>, label: usize) -> (f32, Cnn) {
    // `Cnn::forward` と同じ順伝播です。逆伝播で使う途中の値を残しておきます。
    // The forward pass of `Cnn::forward`, keeping what the backward pass needs.
    let input = image.clone().insert_axis(Axis(0));
    let z1 = cnn.conv1.forward(&input);
    let a1 = z1.mapv(relu);
    let z2 = cnn.conv2.forward(&a1);
    let a2 = z2.mapv(relu);
    let pooled: Vec<Array2<f32>> = a2
        .outer_iter()
        .map(|channel| max_pool2d(&channel.to_owned(), cnn.pool))
        .collect();
    let (ph, pw) = pooled.first().map_or((0, 0), |p| p.dim());
    let flat: Array1<f32> = pooled.iter().flat_map(|p| p.iter().copied()).collect();
    let z3 = cnn.fc1.forward(&flat);
    let a3 = z3.mapv(relu);
    let logits = cnn.fc2.forward(&a3);
    // log-softmax: log Σ exp(x) computed from the largest logit, the loss capped as
    // cross_entropy caps it (−ln 1e-7).
    let max = logits.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x));
    let log_sum = max + logits.iter().map(|&x| (x - max).exp()).sum::<f32>().ln();
    let loss = (log_sum - logits[label]).min(-(1e-7f32).ln());

    // 逆伝播です。同じ層を逆の順にたどり、各層は、出力についての勾配から、
    // 入力についての勾配とパラメータについての勾配を求めます。
    // The backward pass: the same layers in reverse, each turning the gradient
    // with respect to its output into the gradients of its input and of its
    // parameters.
    let mut grad_logits = logits.mapv(|x| (x - log_sum).exp());
    grad_logits[label] -= 1.0;
    let (grad_a3, grad_w4, grad_b4) = dense_backward(&a3, &cnn.fc2.weights, &grad_logits);
    let grad_z3 = relu_backward(&z3, &grad_a3);
    let (grad_flat, grad_w3, grad_b3) = dense_backward(&flat, &cnn.fc1.weights, &grad_z3);
    // 1 列に並べたときと同じ（チャンネル, 行, 列）の順で元の形に戻し、
    // それからプーリングを逆にたどります。
    // Unflatten in the same (channel, row, column) order, then undo the
    // pooling.
    let mut grad_a2 = Array3::zeros(a2.dim());
    for (c, mut channel) in grad_a2.outer_iter_mut().enumerate() {
        let start = c * ph * pw;
        let grad_pooled = Array2::from_shape_fn((ph, pw), |(i, j)| grad_flat[start + i * pw + j]);
        let a2_channel = a2.index_axis(Axis(0), c).to_owned();
        channel.assign(&pool_backward(&a2_channel, cnn.pool, &grad_pooled));
    }
    let grad_z2 = relu_backward_3d(&a2, &grad_a2);
    let (grad_a1, grad_conv2) = conv_layer_backward(&cnn.conv2, &a1, &grad_z2);
    let grad_z1 = relu_backward_3d(&a1, &grad_a1);
    let (_, grad_conv1) = conv_layer_backward(&cnn.conv1, &input, &grad_z1);

    let grads = Cnn {
        conv1: grad_conv1,
        conv2: grad_conv2,
        pool: cnn.pool,
        fc1: DenseLayer {
            weights: grad_w3,
            bias: grad_b3,
        },
        fc2: DenseLayer {
            weights: grad_w4,
            bias: grad_b4,
        },
    };
    (loss, grads)
}

/// 複数チャンネルのすべてのマスについて、ReLU を逆にたどった勾配です。
///
/// ReLU's gradient on every cell of a stack of channels.
/// Each window's gradient to its first largest cell, found with a strict `>`.
fn pool_backward(input: &Array2<f32>, size: usize, grad_out: &Array2<f32>) -> Array2<f32> {
    let mut grad = Array2::zeros(input.dim());
    for ((r, c), &g) in grad_out.indexed_iter() {
        let mut best = (r * size, c * size);
        for i in r * size..(r + 1) * size {
            for j in c * size..(c + 1) * size {
                if input[[i, j]] > input[best] {
                    best = (i, j);
                }
            }
        }
        grad[best] += g;
    }
    grad
}

/// The mask from the values after ReLU: a > 0 exactly where z > 0.
fn relu_backward_3d(input: &Array3<f32>, grad_out: &Array3<f32>) -> Array3<f32> {
    Zip::from(input)
        .and(grad_out)
        .map_collect(|&x, &g| if x > 0.0 { g } else { 0.0 })
}

/// `layer.forward(input)` の勾配です。`grad_out` の形は (out_ch, H', W') です。
/// 返すのは、入力についての勾配と、フィルタとバイアスについての勾配
/// （`ConvLayer` に入れたもの）です。
///
/// The gradients of `layer.forward(input)` given `grad_out`, of shape
/// (out_ch, H', W'): with respect to the input, and to the filters and biases
/// (as a `ConvLayer`).
fn conv_layer_backward(
    layer: &ConvLayer,
    input: &Array3<f32>,
    grad_out: &Array3<f32>,
) -> (Array3<f32>, ConvLayer) {
    let mut grad_input = Array3::zeros(input.dim());
    let mut grad_filters = ndarray::Array4::zeros(layer.filters.dim());
    // out[o] = Σ_c conv2d(input[c], filters[o][c]) + bias[o] の項を
    // 1 つずつ逆にたどります。
    // out[o] = Σ_c conv2d(input[c], filters[o][c]) + bias[o]: each term on its
    // own.
    for (o, grad_map) in grad_out.outer_iter().enumerate() {
        let grad_map = grad_map.to_owned();
        for (c, channel) in input.outer_iter().enumerate() {
            let kernel = layer.filters.slice(s![o, c, .., ..]).to_owned();
            let (grad_channel, grad_kernel) =
                conv2d_backward(&channel.to_owned(), &kernel, &grad_map);
            grad_input
                .index_axis_mut(Axis(0), c)
                .scaled_add(1.0, &grad_channel);
            grad_filters
                .slice_mut(s![o, c, .., ..])
                .assign(&grad_kernel);
        }
    }
    // バイアスは出力チャンネルのすべてのマスに足されるので、
    // その勾配はそのチャンネルの勾配の合計です。
    // The bias is added to every cell of its map: its gradient is the map's
    // sum.
    let grad_bias = grad_out.outer_iter().map(|map| map.sum()).collect();
    let grads = ConvLayer {
        filters: grad_filters,
        bias: grad_bias,
    };
    (grad_input, grads)
}

/// 勾配降下法の 1 歩です。どのパラメータからも `learning_rate` × その勾配を
/// 引きます。
///
/// One step of gradient descent: every parameter −= `learning_rate` × its
/// gradient.
pub fn sgd_step(cnn: &mut Cnn, grads: &Cnn, learning_rate: f32) {
    let step = |param: &mut f32, &grad: &f32| *param -= learning_rate * grad;
    Zip::from(&mut cnn.conv1.filters)
        .and(&grads.conv1.filters)
        .for_each(step);
    Zip::from(&mut cnn.conv1.bias)
        .and(&grads.conv1.bias)
        .for_each(step);
    Zip::from(&mut cnn.conv2.filters)
        .and(&grads.conv2.filters)
        .for_each(step);
    Zip::from(&mut cnn.conv2.bias)
        .and(&grads.conv2.bias)
        .for_each(step);
    Zip::from(&mut cnn.fc1.weights)
        .and(&grads.fc1.weights)
        .for_each(step);
    Zip::from(&mut cnn.fc1.bias)
        .and(&grads.fc1.bias)
        .for_each(step);
    Zip::from(&mut cnn.fc2.weights)
        .and(&grads.fc2.weights)
        .for_each(step);
    Zip::from(&mut cnn.fc2.bias)
        .and(&grads.fc2.bias)
        .for_each(step);
}

/// 1 エポックの学習です。形 (n, H, W) の画像を渡された順に 1 枚ずつ使い、
/// 1 枚ごとに勾配降下法で 1 歩進みます。返すのは、各画像でその 1 歩の前に
/// 測った損失の平均です（画像がなければ 0）。
///
/// One pass over the images (n, H, W) in the order given, one step per image;
/// returns the mean of the losses measured before each step (0 for no images).
pub fn train_epoch(
    cnn: &mut Cnn,
    images: &Array3<f32>,
    labels: &Array1<usize>,
    learning_rate: f32,
) -> f32 {
    let mut total = 0.0;
    for (image, &label) in images.outer_iter().zip(labels) {
        let (loss, grads) = cnn_gradients(cnn, &image.to_owned(), label);
        sgd_step(cnn, &grads, learning_rate);
        total += loss;
    }
    if labels.is_empty() {
        0.0
    } else {
        total / images.len_of(Axis(0)) as f32
    }
}
