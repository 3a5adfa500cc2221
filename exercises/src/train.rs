//! レッスン 12：ネットワークが学習します。損失の勾配を CNN のすべての重みとバイアスについて
//! 求め（誤差逆伝播）、勾配と逆の向きに少しずつ動かします（勾配降下法）。
//!
//! Lesson 12: the network learns. Find the gradient of the loss with respect to every
//! weight and bias of the CNN (backpropagation), and move each a little against its
//! gradient (gradient descent).

// 完成したらこの行は消してください。作りかけの関数と、まだ使っていない use についての
// 警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished
// stubs and the imports you have not used yet.
#![allow(unused_variables, unused_imports)]

use ndarray::{Array1, Array2, Array3};

use crate::backprop::{dense_backward, relu_backward};
use crate::cnn::{Cnn, ConvLayer, DenseLayer, softmax};
use crate::convback::{conv2d_backward, max_pool2d_backward};
use crate::loss::{cross_entropy, softmax_cross_entropy_grad};

/// 画像 1 枚についての損失と、その勾配を求めます。
///
/// 損失は `cross_entropy(&cnn.forward(image), label)` です。勾配は、`cnn` のすべての重みと
/// バイアスについての損失の勾配で、`cnn` と同じ形の `Cnn` に入れて返します
/// （`pool` は `cnn.pool` のままにします）。`forward` を、途中の値を残しながらたどり、
/// 出力から入力へ向かって、これまでのレッスンの関数で逆にたどります。
///
/// The loss on one image, and its gradient.
///
/// The loss is `cross_entropy(&cnn.forward(image), label)`. The gradient is that of
/// the loss with respect to every weight and bias of `cnn`, returned in a `Cnn` of the
/// same shapes (with `pool` left as `cnn.pool`). Go through `forward` keeping the
/// values in between, then back from the output to the input with the functions of
/// the earlier lessons.
pub fn cnn_gradients(cnn: &Cnn, image: &Array2<f32>, label: usize) -> (f32, Cnn) {
    todo!()
}

/// 勾配降下法の 1 歩です。`cnn` のすべての重みとバイアスから、
/// `learning_rate`（学習率）×その勾配を引きます。
///
/// One step of gradient descent: from every weight and bias of `cnn`, subtract
/// `learning_rate` times its gradient.
pub fn sgd_step(cnn: &mut Cnn, grads: &Cnn, learning_rate: f32) {
    todo!()
}

/// 1 エポックの学習です。形 (n, H, W) の画像を、渡された順に 1 枚ずつ使い、
/// 1 枚ごとに `cnn_gradients` で勾配を求めて `sgd_step` で 1 歩進みます。
/// 返すのは、各画像で（その 1 歩の前に）測った損失の平均です。画像がなければ 0 です。
///
/// One epoch of training: go through the images (n, H, W) one at a time, in the order
/// given; for each, find the gradient with `cnn_gradients` and take one `sgd_step`.
/// Returns the mean of the losses measured on each image (before its step), or 0 when
/// there are no images.
pub fn train_epoch(
    cnn: &mut Cnn,
    images: &Array3<f32>,
    labels: &Array1<usize>,
    learning_rate: f32,
) -> f32 {
    todo!()
}
