//! Correct: sizes found by counting the positions one by one.

/// The parameters of a fully connected layer.
pub fn dense_params(inputs: usize, outputs: usize) -> usize {
    let mut count = 0;
    for _ in 0..outputs {
        count += inputs + 1;
    }
    count
}

/// The parameters of a convolution layer.
pub fn conv_params(in_channels: usize, out_channels: usize, kernel: usize) -> usize {
    let weights = out_channels * in_channels * kernel * kernel;
    let biases = out_channels;
    weights + biases
}

/// Every position of the kernel's first cell, stride cells apart, where it still fits.
pub fn conv_output_size(input: usize, kernel: usize, stride: usize, padding: usize) -> usize {
    let padded = input + 2 * padding;
    (0..padded)
        .step_by(stride)
        .take_while(|&start| start + kernel <= padded)
        .count()
}

/// Every whole window.
pub fn pool_output_size(input: usize, size: usize) -> usize {
    (1..=input).filter(|end| end % size == 0).count()
}
