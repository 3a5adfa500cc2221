//! Correct: a convolution layer counted as a dense layer on one patch, biases factored out.

/// The parameters of a fully connected layer.
pub fn dense_params(inputs: usize, outputs: usize) -> usize {
    (inputs + 1) * outputs
}

/// Each output channel sees one patch of in_channels·kernel² values, like a dense unit.
pub fn conv_params(in_channels: usize, out_channels: usize, kernel: usize) -> usize {
    dense_params(in_channels * kernel.pow(2), out_channels)
}

/// The side of a convolution's output.
pub fn conv_output_size(input: usize, kernel: usize, stride: usize, padding: usize) -> usize {
    let room = input + padding * 2 - kernel;
    room / stride + 1
}

/// The side of a max pooling's output.
pub fn pool_output_size(input: usize, size: usize) -> usize {
    (input - input % size) / size
}
