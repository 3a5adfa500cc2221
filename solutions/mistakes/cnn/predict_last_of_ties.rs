//! Mistake: predict keeps the last of equal probabilities (`max_by` returns the last maximum); a tie gives the smallest index.

use ndarray::{Array1, Array2, Array3, Array4, Axis, s};

use crate::conv::conv2d;
use crate::dense::dense;
use crate::pool::max_pool2d;
use crate::unit::relu;

/// A convolution layer with several input and output channels.
pub struct ConvLayer {
    /// The filters, of shape (out_ch, in_ch, kh, kw): one kh×kw kernel per (output, input) pair.
    pub filters: Array4<f32>,
    /// One bias per output channel.
    pub bias: Array1<f32>,
}

impl ConvLayer {
    /// (in_ch, H, W) → (out_ch, H − kh + 1, W − kw + 1):
    /// `out[o] = Σ_c conv2d(input[c], filters[o][c]) + bias[o]`, with no activation.
    pub fn forward(&self, input: &Array3<f32>) -> Array3<f32> {
        let (out_ch, _, kh, kw) = self.filters.dim();
        let (_, h, w) = input.dim();
        let mut output = Array3::zeros((out_ch, h + 1 - kh, w + 1 - kw));
        for (o, mut map) in output.outer_iter_mut().enumerate() {
            for (c, channel) in input.outer_iter().enumerate() {
                let kernel = self.filters.slice(s![o, c, .., ..]);
                map += &conv2d(&channel.to_owned(), &kernel.to_owned());
            }
            map += self.bias[o];
        }
        output
    }
}

/// A fully connected layer.
pub struct DenseLayer {
    /// The weights, of shape (outputs, inputs).
    pub weights: Array2<f32>,
    /// One bias per output.
    pub bias: Array1<f32>,
}

impl DenseLayer {
    /// The layer's output for `input`, with no activation (see [`dense`]).
    pub fn forward(&self, input: &Array1<f32>) -> Array1<f32> {
        dense(input, &self.weights, &self.bias)
    }
}

/// Turns logits into probabilities: `exp(x[i]) / Σ_j exp(x[j])`, which are positive and sum to 1.
pub fn softmax(logits: &Array1<f32>) -> Array1<f32> {
    let max = logits.fold(f32::NEG_INFINITY, |max, &x| max.max(x));
    let exps = logits.mapv(|x| (x - max).exp());
    let sum = exps.sum();
    exps / sum
}

/// The lecture's five-layer CNN: two convolutions, a pooling, two fully connected layers.
pub struct Cnn {
    /// The first convolution: one input channel (the grayscale image).
    pub conv1: ConvLayer,
    /// The second convolution: its input channels are conv1's output channels.
    pub conv2: ConvLayer,
    /// The size (and stride) of the max-pooling windows.
    pub pool: usize,
    /// The hidden fully connected layer.
    pub fc1: DenseLayer,
    /// The output layer: one logit per class.
    pub fc2: DenseLayer,
}

impl Cnn {
    /// The class probabilities for a grayscale image.
    pub fn forward(&self, image: &Array2<f32>) -> Array1<f32> {
        let input = image.clone().insert_axis(Axis(0));
        let x = self.conv1.forward(&input).mapv(relu);
        let x = self.conv2.forward(&x).mapv(relu);
        let pooled: Vec<Array2<f32>> = x
            .outer_iter()
            .map(|channel| max_pool2d(&channel.to_owned(), self.pool))
            .collect();
        let flat: Array1<f32> = pooled.iter().flat_map(|p| p.iter().copied()).collect();
        let hidden = self.fc1.forward(&flat).mapv(relu);
        softmax(&self.fc2.forward(&hidden))
    }

    /// The most probable class: the index of the largest probability (the first one on ties).
    pub fn predict(&self, image: &Array2<f32>) -> usize {
        let probs = self.forward(image);
        probs
            .iter()
            .enumerate()
            .fold(0, |best, (i, &p)| if p >= probs[best] { i } else { best })
    }
}
