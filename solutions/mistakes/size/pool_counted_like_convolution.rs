//! Mistake: counts pooling windows with the convolution's formula, (input − size) / size + 1,
//! which goes below zero (a panic for a `usize`) when the input is smaller than a window.

/// The parameters of a fully connected layer.
pub fn dense_params(inputs: usize, outputs: usize) -> usize {
    inputs * outputs + outputs
}

/// The parameters of a convolution layer.
pub fn conv_params(in_channels: usize, out_channels: usize, kernel: usize) -> usize {
    out_channels * (in_channels * kernel * kernel + 1)
}

/// The side of a convolution's output.
pub fn conv_output_size(input: usize, kernel: usize, stride: usize, padding: usize) -> usize {
    (input + 2 * padding - kernel) / stride + 1
}

/// The side of a max pooling's output.
pub fn pool_output_size(input: usize, size: usize) -> usize {
    (input - size) / size + 1
}
