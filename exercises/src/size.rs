//! レッスン 3：層の大きさを数えます。パラメータ（重みとバイアス）の数と、
//! 畳み込みやプーリングの出力の大きさです。
//!
//! Lesson 3: count the size of a layer: its parameters (weights and biases), and the
//! size of what a convolution or a pooling outputs.

// 完成したらこの行は消してください。作りかけの関数についての警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

/// 全結合層のパラメータの数です。入力と出力の組ごとに重みが 1 つ、
/// 出力ごとにバイアスが 1 つあります。
/// たとえば 640×480 の画像（307,200 画素）から 1,000 ユニットへの全結合層は
/// 307,201,000 個です。
///
/// The number of parameters of a fully connected layer: one weight for each pair
/// of an input and an output, and one bias per output. For example, a layer of
/// 1,000 units on a 640×480 image (307,200 pixels) has 307,201,000.
pub fn dense_params(inputs: usize, outputs: usize) -> usize {
    todo!()
}

/// 畳み込み層のパラメータの数です。カーネルは `kernel`×`kernel` の正方形です。
/// 出力チャンネルごとに、入力チャンネルの数だけカーネルがあり、
/// バイアスは出力チャンネルごとに 1 つです。
/// たとえば 1 チャンネルの画像に 3×3 のフィルタ 32 個なら 320 個です。
///
/// The number of parameters of a convolution layer with square
/// `kernel`×`kernel` kernels. Each output channel has one kernel per input
/// channel, and one bias of its own. For example, 32 filters of 3×3 on a
/// one-channel image have 320.
pub fn conv_params(in_channels: usize, out_channels: usize, kernel: usize) -> usize {
    todo!()
}

/// 畳み込みの出力の一辺の長さです。入力の一辺 `input` の周りに `padding` マスずつ
/// 0 を足し、一辺 `kernel` のカーネルを `stride` マスずつずらします。
/// `(input + 2·padding − kernel) / stride + 1` で、割り算は切り捨てです。
/// たとえば 28、カーネル 3、ストライド 1、パディング 0 なら 26 です。
///
/// The side of a convolution's output: `padding` zeros are added on each side of
/// an input of side `input`, and a kernel of side `kernel` moves `stride` cells at
/// a time. It is `(input + 2·padding − kernel) / stride + 1`, rounded down. For
/// example, 28 with kernel 3, stride 1 and padding 0 gives 26.
pub fn conv_output_size(input: usize, kernel: usize, stride: usize, padding: usize) -> usize {
    todo!()
}

/// マックス・プーリング（`size`×`size` の区画、ずらす幅も `size`）の出力の
/// 一辺の長さです。余った行と列は捨てるので、`input / size`（切り捨て）です。
///
/// The side of a max pooling's output, with `size`×`size` windows moved `size`
/// cells at a time. Leftover rows and columns are dropped: `input / size`,
/// rounded down.
pub fn pool_output_size(input: usize, size: usize) -> usize {
    todo!()
}
