//! Reference solutions of the cnnlings lessons: one module per lesson, with the
//! same names and signatures as the stubs in `exercises`.
//!
//! Read a module here once you have passed its lesson, and compare it with yours.

// Lesson 1: a unit, a weighted sum then an activation.
pub mod unit;
// Lesson 2: a fully connected layer.
pub mod dense;
// Lesson 3: 2-D convolution.
pub mod conv;
// Lesson 4: max pooling.
pub mod pool;
// Lesson 5: the whole CNN, built from the four modules above.
pub mod cnn;
