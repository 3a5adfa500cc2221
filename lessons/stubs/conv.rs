//! Lesson 3: build 2-D convolution, sliding a small kernel over an image.

// Remove this line once the module is done: it only silences warnings about the unfinished stubs.
#![allow(unused_variables)]

use ndarray::Array2;

/// Convolution as deep learning means it: place the kernel on every position
/// where it fits entirely inside the image, multiply each kernel value with the
/// pixel under it, and sum. Do not flip the kernel.
///
/// Stride 1, no padding: an image of shape (H, W) and a kernel of shape (kh, kw)
/// give an output of shape (H − kh + 1, W − kw + 1). Images need not be square,
/// and kernels may have any size that fits, not only 3×3. The output cell
/// `[[r, c]]` is the sum over the kernel of `image[[r + i, c + j]]·kernel[[i, j]]`.
///
/// The lecture's example: the 5×5 image whose rows are all `0 1 1 0 1`, with the
/// kernel `[[1, 0, 1], [1, 1, 1], [0, 0, 1]]`, gives `[[4, 3, 5], [4, 3, 5], [4, 3, 5]]`.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    todo!()
}
