//! Correct: predict finds the largest probability, then the first position that holds it.

use ndarray::{Array1, Array2, Array3, Array4, Axis, s};

use crate::conv::conv2d;
use crate::dense::dense;
use crate::pool::max_pool2d;
use crate::unit::relu;

/// 入力と出力が複数チャンネルの畳み込み層です。
///
/// A convolution layer with several input and output channels.
pub struct ConvLayer {
    /// フィルタ。形は (out_ch, in_ch, kh, kw) で、出力チャンネルと
    /// 入力チャンネルの組ごとに kh×kw のカーネルが 1 つあります。
    ///
    /// The filters, of shape (out_ch, in_ch, kh, kw): one kh×kw kernel per
    /// (output, input) pair of channels.
    pub filters: Array4<f32>,
    /// 出力チャンネルごとのバイアス。
    ///
    /// One bias per output channel.
    pub bias: Array1<f32>,
}

impl ConvLayer {
    /// 形 (in_ch, H, W) の入力から、形 (out_ch, H − kh + 1, W − kw + 1) の
    /// 出力を作ります。活性化はしません。
    /// `out[o] = Σ_c conv2d(input[c], filters[o][c]) + bias[o]` です。
    ///
    /// (in_ch, H, W) → (out_ch, H − kh + 1, W − kw + 1):
    /// `out[o] = Σ_c conv2d(input[c], filters[o][c]) + bias[o]`, with no
    /// activation.
    pub fn forward(&self, input: &Array3<f32>) -> Array3<f32> {
        let (out_ch, _, kh, kw) = self.filters.dim();
        let (_, h, w) = input.dim();
        let mut output = Array3::zeros((out_ch, h + 1 - kh, w + 1 - kw));
        for (o, mut map) in output.outer_iter_mut().enumerate() {
            // どの出力チャンネルも、すべての入力チャンネルを、
            // それぞれ専用のカーネルで見ます。
            // Every output channel looks at every input channel, each through
            // its own kernel.
            for (c, channel) in input.outer_iter().enumerate() {
                let kernel = self.filters.slice(s![o, c, .., ..]);
                map += &conv2d(&channel.to_owned(), &kernel.to_owned());
            }
            map += self.bias[o];
        }
        output
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
    /// `input` に対するこの層の出力です。活性化はしません（[`dense`] と同じ）。
    ///
    /// The layer's output for `input`, with no activation (see [`dense`]).
    pub fn forward(&self, input: &Array1<f32>) -> Array1<f32> {
        dense(input, &self.weights, &self.bias)
    }
}

/// ロジットを確率に変えます：`exp(x[i]) / Σ_j exp(x[j])`。
/// 結果はどれも正で、合計は 1 です。
///
/// Turns logits into probabilities: `exp(x[i]) / Σ_j exp(x[j])`, which are
/// positive and sum to 1.
pub fn softmax(logits: &Array1<f32>) -> Array1<f32> {
    // どのロジットからもいちばん大きいロジットを引きます。数学的には結果は
    // 変わりませんが、大きなロジットでも `exp` が無限大にあふれなくなります
    // （いちばん大きい項が exp(0) = 1 になります）。
    // Subtracting the largest logit changes nothing mathematically, but keeps
    // `exp` from overflowing to infinity on large logits (the largest term
    // becomes exp(0) = 1).
    let max = logits.fold(f32::NEG_INFINITY, |max, &x| max.max(x));
    let exps = logits.mapv(|x| (x - max).exp());
    let sum = exps.sum();
    exps / sum
}

/// 講義の 5 層の CNN です：畳み込み 2 つ、プーリング 1 つ、全結合 2 つ。
///
/// The lecture's five-layer CNN: two convolutions, a pooling, two fully
/// connected layers.
pub struct Cnn {
    /// 1 つ目の畳み込み層。入力は 1 チャンネル（モノクロ画像）です。
    ///
    /// The first convolution: one input channel (the grayscale image).
    pub conv1: ConvLayer,
    /// 2 つ目の畳み込み層。入力チャンネルは conv1 の出力チャンネルです。
    ///
    /// The second convolution: its input channels are conv1's output channels.
    pub conv2: ConvLayer,
    /// マックス・プーリングの区画の大きさ（ストライドも同じ）。
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
    /// モノクロ画像について、各クラスの確率を返します。
    ///
    /// The class probabilities for a grayscale image.
    pub fn forward(&self, image: &Array2<f32>) -> Array1<f32> {
        // 画像を 1 チャンネルの入力にします。形は (1, H, W) です。
        // The image as one channel: (1, H, W).
        let input = image.clone().insert_axis(Axis(0));
        let x = self.conv1.forward(&input).mapv(relu);
        let x = self.conv2.forward(&x).mapv(relu);
        let pooled: Vec<Array2<f32>> = x
            .outer_iter()
            .map(|channel| max_pool2d(&channel.to_owned(), self.pool))
            .collect();
        // （チャンネル, 行, 列）の順に 1 列に並べます。チャンネル 0 を
        // 行ごとに全部、次にチャンネル 1 を全部、…の順です。
        // Flatten in (channel, row, column) order: all of channel 0 row by row,
        // then channel 1, …
        let flat: Array1<f32> = pooled.iter().flat_map(|p| p.iter().copied()).collect();
        let hidden = self.fc1.forward(&flat).mapv(relu);
        softmax(&self.fc2.forward(&hidden))
    }

    /// 確率がいちばん大きいクラスの番号です（最大値が複数あれば、
    /// その中でいちばん小さい番号）。
    ///
    /// The most probable class: the index of the largest probability (the first
    /// one on ties).
    pub fn predict(&self, image: &Array2<f32>) -> usize {
        let probs = self.forward(image);
        let largest = probs.iter().fold(f32::NEG_INFINITY, |m, &p| m.max(p));
        probs.iter().position(|&p| p == largest).unwrap_or(0)
    }
}
