//! Your CNN, one lesson at a time. Each module below is a lesson: fill in the
//! `todo!()`s, then run `cargo run -p checker -- next` to check your work.

// Lesson 1: a unit, a weighted sum then an activation.
pub mod unit;
// Lesson 2: a fully connected layer.
pub mod dense;
// Lesson 3: counting parameters and output sizes (why convolution).
pub mod size;
// Lesson 4: 2-D convolution.
pub mod conv;
// Lesson 5: max pooling.
pub mod pool;
// Lesson 6: zero padding and stride.
pub mod stride;
// Lesson 7: the whole CNN, built from your modules above.
pub mod cnn;
// Lesson 8: your CNN reads real handwritten digits.
pub mod digits;
// Lesson 9: how wrong a prediction is: cross-entropy and its gradient.
pub mod loss;
// Lesson 10: gradients of ReLU and of a fully connected layer.
pub mod backprop;
// Lesson 11: gradients of max pooling and of convolution.
pub mod convback;
// Lesson 12: your network learns: gradients of the whole CNN and gradient descent.
pub mod train;
