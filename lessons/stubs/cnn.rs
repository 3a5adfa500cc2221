//! Lesson 5: put the whole CNN together, from your own `conv`, `pool`, `dense` and `unit`.

// Remove this line once the module is done: it only silences warnings about the unfinished
// stubs and the imports you have not used yet.
#![allow(unused_variables, unused_imports)]

use ndarray::{Array1, Array2, Array3, Array4};

use crate::conv::conv2d;
use crate::dense::dense;
use crate::pool::max_pool2d;
use crate::unit::relu;

/// A convolution layer with several input and output channels.
pub struct ConvLayer {
    /// The filters, of shape (out_ch, in_ch, kh, kw): one kh×kw kernel for each
    /// pair of an output channel and an input channel.
    pub filters: Array4<f32>,
    /// One bias per output channel.
    pub bias: Array1<f32>,
}

impl ConvLayer {
    /// Convolves an input of shape (in_ch, H, W) into an output of shape
    /// (out_ch, H − kh + 1, W − kw + 1), with no activation.
    ///
    /// Output channel `o` is the sum, over every input channel `c`, of
    /// `conv2d(input[c], filters[o][c])`, plus `bias[o]` added to every cell.
    pub fn forward(&self, input: &Array3<f32>) -> Array3<f32> {
        todo!()
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
    /// The same as your `dense(input, weights, bias)`: no activation.
    pub fn forward(&self, input: &Array1<f32>) -> Array1<f32> {
        todo!()
    }
}

/// Turns logits into probabilities: `out[i] = exp(x[i]) / (exp(x[0]) + exp(x[1]) + …)`.
///
/// The results are positive and sum to 1. It must also work for large logits such as
/// `[1000, 1001, 1002]` (where `exp` alone overflows to infinity) and for very negative ones.
pub fn softmax(logits: &Array1<f32>) -> Array1<f32> {
    todo!()
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

    /// The most probable class: the index of the largest value of `forward`
    /// (the first such index if several are equal).
    pub fn predict(&self, image: &Array2<f32>) -> usize {
        todo!()
    }
}
