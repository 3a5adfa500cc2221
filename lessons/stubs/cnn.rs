//! レッスン 7：CNN 全体を組み立てます。材料は、自分で書いた `conv`、`pool`、`dense`、`unit` です。
//!
//! Lesson 7: put the whole CNN together, from your own `conv`, `pool`, `dense` and `unit`.

// 完成したらこの行は消してください。作りかけの関数と、まだ使っていない use についての
// 警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished
// stubs and the imports you have not used yet.
#![allow(unused_variables, unused_imports)]

use ndarray::{Array1, Array2, Array3, Array4};

use crate::conv::conv2d;
use crate::dense::dense;
use crate::pool::max_pool2d;
use crate::unit::relu;

/// 入力と出力が複数チャンネルの畳み込み層です。
///
/// A convolution layer with several input and output channels.
pub struct ConvLayer {
    /// フィルタ。形は (out_ch, in_ch, kh, kw) で、出力チャンネルと入力チャンネルの
    /// 組ごとに kh×kw のカーネルが 1 つあります。
    ///
    /// The filters, of shape (out_ch, in_ch, kh, kw): one kh×kw kernel for each
    /// pair of an output channel and an input channel.
    pub filters: Array4<f32>,
    /// 出力チャンネルごとのバイアス。
    ///
    /// One bias per output channel.
    pub bias: Array1<f32>,
}

impl ConvLayer {
    /// 形 (in_ch, H, W) の入力を畳み込み、形 (out_ch, H − kh + 1, W − kw + 1) の
    /// 出力を返します。活性化はしません。
    ///
    /// 出力チャンネル `o` は、すべての入力チャンネル `c` についての
    /// `conv2d(input[c], filters[o][c])` の合計に、`bias[o]` を全マスに足したものです。
    ///
    /// Convolves an input of shape (in_ch, H, W) into an output of shape
    /// (out_ch, H − kh + 1, W − kw + 1), with no activation.
    ///
    /// Output channel `o` is the sum, over every input channel `c`, of
    /// `conv2d(input[c], filters[o][c])`, plus `bias[o]` added to every cell.
    pub fn forward(&self, input: &Array3<f32>) -> Array3<f32> {
        todo!()
    }
}

/// 全結合層です。
///
/// A fully connected layer.
pub struct DenseLayer {
    /// 重み。形は（出力の数, 入力の数）です。
    ///
    /// The weights, of shape (outputs, inputs).
    pub weights: Array2<f32>,
    /// 出力ごとのバイアス。
    ///
    /// One bias per output.
    pub bias: Array1<f32>,
}

impl DenseLayer {
    /// 自分で書いた `dense(input, weights, bias)` と同じです。活性化はしません。
    ///
    /// The same as your `dense(input, weights, bias)`: no activation.
    pub fn forward(&self, input: &Array1<f32>) -> Array1<f32> {
        todo!()
    }
}

/// ロジットを確率に変えます：`out[i] = exp(x[i]) / (exp(x[0]) + exp(x[1]) + …)`。
///
/// 結果はどれも正で、合計は 1 です。`exp` だけでは無限大にあふれてしまう
/// `[1000, 1001, 1002]` のような大きな値や、とても小さな負の値でも正しく動くようにします。
///
/// Turns logits into probabilities: `out[i] = exp(x[i]) / (exp(x[0]) + exp(x[1]) + …)`.
///
/// The results are positive and sum to 1. It must also work for large logits such as
/// `[1000, 1001, 1002]` (where `exp` alone overflows to infinity) and for very negative ones.
pub fn softmax(logits: &Array1<f32>) -> Array1<f32> {
    todo!()
}

/// 講義の 5 層の CNN です：畳み込み 2 つ、プーリング 1 つ、全結合 2 つ。
///
/// The lecture's five-layer CNN: two convolutions, a pooling, two fully connected layers.
pub struct Cnn {
    /// 1 つ目の畳み込み層。入力は 1 チャンネル（モノクロ画像）です。
    ///
    /// The first convolution: one input channel (the grayscale image).
    pub conv1: ConvLayer,
    /// 2 つ目の畳み込み層。入力チャンネルは conv1 の出力チャンネルです。
    ///
    /// The second convolution: its input channels are conv1's output channels.
    pub conv2: ConvLayer,
    /// マックス・プーリングの区画の大きさ（ずらす幅も同じ）。
    ///
    /// The size (and stride) of the max-pooling windows.
    pub pool: usize,
    /// 中間の全結合層。
    ///
    /// The hidden fully connected layer.
    pub fc1: DenseLayer,
    /// 出力層。クラスごとに 1 つのロジットを出します。
    ///
    /// The output layer: one logit per class.
    pub fc2: DenseLayer,
}

impl Cnn {
    /// 形 (H, W) のモノクロ画像について、各クラスの確率を次の順に計算します。
    ///
    /// 1. 画像を 1 チャンネルの入力にする。形は (1, H, W)
    /// 2. `conv1`、それから全部の値を `relu` に通す
    /// 3. `conv2`、それから全部の値を `relu` に通す
    /// 4. 各チャンネルに大きさ `pool` の `max_pool2d`
    /// 5. （チャンネル, 行, 列）の順に 1 列に並べる。チャンネル 0 を行ごとに全部、
    ///    次にチャンネル 1 を全部、…
    /// 6. `fc1`、それから全部の値を `relu` に通す
    /// 7. `fc2`、それから `softmax`
    ///
    /// The class probabilities for a grayscale image of shape (H, W), in this order:
    ///
    /// 1. the image as an input of one channel, shape (1, H, W);
    /// 2. `conv1`, then `relu` on every value;
    /// 3. `conv2`, then `relu` on every value;
    /// 4. `max_pool2d` on each channel, with windows of size `pool`;
    /// 5. flatten into one vector in (channel, row, column) order: all of channel 0
    ///    row by row, then all of channel 1, and so on;
    /// 6. `fc1`, then `relu` on every value;
    /// 7. `fc2`, then `softmax`.
    pub fn forward(&self, image: &Array2<f32>) -> Array1<f32> {
        todo!()
    }

    /// 確率がいちばん大きいクラス、つまり `forward` の最大値の番号を返します
    /// （最大値が複数あれば、その中でいちばん小さい番号）。
    ///
    /// The most probable class: the index of the largest value of `forward`
    /// (the first such index if several are equal).
    pub fn predict(&self, image: &Array2<f32>) -> usize {
        todo!()
    }
}
