//! Counting before computing: how many parameters a layer has, and how large its output is.

/// The parameters of a fully connected layer: one weight per (input, output) pair,
/// plus one bias per output.
pub fn dense_params(inputs: usize, outputs: usize) -> usize {
    inputs * outputs + outputs
}

/// The parameters of a convolution layer with square `kernel`×`kernel` filters: each
/// output channel has one kernel per input channel, plus a single bias of its own.
pub fn conv_params(in_channels: usize, out_channels: usize, kernel: usize) -> usize {
    out_channels * (in_channels * kernel * kernel + 1)
}

/// The side of a convolution's output: the kernel fits `input + 2·padding − kernel`
/// cells after its first position, taken `stride` cells at a time, rounded down.
pub fn conv_output_size(input: usize, kernel: usize, stride: usize, padding: usize) -> usize {
    // Add before subtracting: a usize cannot go below 0, and with padding the kernel
    // may be larger than the input itself.
    (input + 2 * padding - kernel) / stride + 1
}

/// The side of a max pooling's output with `size`×`size` windows: leftovers are dropped.
pub fn pool_output_size(input: usize, size: usize) -> usize {
    input / size
}
