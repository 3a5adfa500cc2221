//! Your CNN, one lesson at a time. Each module below is a lesson: fill in the
//! `todo!()`s, then run `cargo run -p checker -- next` to check your work.

// Lesson 1: a unit, a weighted sum then an activation.
pub mod unit;
// Lesson 2: a fully connected layer.
pub mod dense;
// Lesson 3: 2-D convolution.
pub mod conv;
// Lesson 4: max pooling.
pub mod pool;
// Lesson 5: the whole CNN, built from your four modules above.
pub mod cnn;
