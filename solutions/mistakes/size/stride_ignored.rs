//! Mistake: does not divide by the stride.

/// The parameters of a fully connected layer.
pub fn dense_params(inputs: usize, outputs: usize) -> usize {
    inputs * outputs + outputs
}

/// The parameters of a convolution layer.
pub fn conv_params(in_channels: usize, out_channels: usize, kernel: usize) -> usize {
    out_channels * (in_channels * kernel * kernel + 1)
}

/// The side of a convolution's output.
pub fn conv_output_size(input: usize, kernel: usize, _stride: usize, padding: usize) -> usize {
    input + 2 * padding - kernel + 1
}

/// The side of a max pooling's output.
pub fn pool_output_size(input: usize, size: usize) -> usize {
    input / size
}
