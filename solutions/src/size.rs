//! 計算する前に数えます。層のパラメータの数と、出力の大きさです。
//!
//! Counting before computing: how many parameters a layer has, and how large
//! its output is.

/// 全結合層のパラメータの数です。入力と出力の組ごとに重みが 1 つ、
/// 出力ごとにバイアスが 1 つです。
///
/// The parameters of a fully connected layer: one weight per (input, output)
/// pair, plus one bias per output.
pub fn dense_params(inputs: usize, outputs: usize) -> usize {
    inputs * outputs + outputs
}

/// `kernel`×`kernel` の正方形のカーネルを使う畳み込み層のパラメータの数です。
/// 出力チャンネルごとに、入力チャンネルの数だけカーネルがあり、
/// それとは別にバイアスが 1 つあります。
///
/// The parameters of a convolution layer with square `kernel`×`kernel`
/// kernels: each output channel has one kernel per input channel, plus a
/// single bias of its own.
pub fn conv_params(in_channels: usize, out_channels: usize, kernel: usize) -> usize {
    out_channels * (in_channels * kernel * kernel + 1)
}

/// 畳み込みの出力の一辺の長さです。カーネルを最初の位置に置いたあと、
/// まだ `input + 2·padding − kernel` マス進めます。`stride` マスずつ進むので、
/// 進める回数は割り算の切り捨てです。それに最初の位置の 1 つを足します。
///
/// The side of a convolution's output: after its first position, the kernel
/// can still move `input + 2·padding − kernel` cells. It moves `stride` cells
/// at a time, so it takes that divided by `stride` steps (rounded down), plus 1
/// for the first position.
pub fn conv_output_size(input: usize, kernel: usize, stride: usize, padding: usize) -> usize {
    // 引き算の前に足し算をします。usize は負の値になれず、パディングが
    // あるときはカーネルが入力そのものより大きいこともあるからです。
    // Add before subtracting: a usize cannot go below 0, and with padding the
    // kernel may be larger than the input itself.
    (input + 2 * padding - kernel) / stride + 1
}

/// `size`×`size` の区画のマックス・プーリングの出力の一辺の長さです。
/// 余った行と列は捨てるので、割り算は切り捨てです。
///
/// The side of a max pooling's output with `size`×`size` windows: leftover
/// rows and columns are dropped, so the division rounds down.
pub fn pool_output_size(input: usize, size: usize) -> usize {
    input / size
}
