//! Mistake: pads the image with zeros so the output has the input's size ("same"), but the lesson asks for no padding ("valid").

use ndarray::Array2;

/// Convolution.
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let (h, w) = image.dim();
    let (kh, kw) = kernel.dim();
    let (top, left) = (kh / 2, kw / 2);
    Array2::from_shape_fn((h, w), |(r, c)| {
        let mut sum = 0.0;
        for i in 0..kh {
            for j in 0..kw {
                // The pixel under kernel cell (i, j), or 0 outside the image.
                let (y, x) = ((r + i).checked_sub(top), (c + j).checked_sub(left));
                if let (Some(y), Some(x)) = (y, x)
                    && y < h
                    && x < w
                {
                    sum += image[[y, x]] * kernel[[i, j]];
                }
            }
        }
        sum
    })
}
