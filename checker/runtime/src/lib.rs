//! The values of cnnlings: what a lesson's tests pass to the code under test and get back.
//!
//! One crate for both sides of the process boundary. The checker uses it to read
//! lessons, draw inputs, compare and show outputs; every generated harness uses it to
//! turn inputs into Rust values, call the code under test and write what it returned.
//!
//! - [`bilingual`]: [`Bilingual`], a message for a lesson's author in English and Japanese.
//! - [`lang`]: [`Lang`], the language the checker speaks, and [`say!`], the one way to
//!   write a sentence in both (with the feature `clap`, `Lang` is `--lang`'s value).
//! - [`elem`]: the kinds of number a value holds (`f32`, `usize`, `u64`, `bool`). **A new
//!   kind is one line of its table and one `impl Elem`**; arrays, tuples, the wire
//!   format, reading from TOML, drawing, comparing and showing follow from it.
//! - [`value`]: [`Type`] (a Rust type a lesson names) and [`Value`] (a value of one).
//! - [`wire`]: values and records as lines of text.
//! - `convert`: Rust values to and from [`Value`], in the harness.
//! - `run`: a harness's `main`.
//!
//! The last two are the feature `harness` (on by default), which brings in ndarray; the
//! checker turns it off, and so builds without ndarray.

pub mod bilingual;
#[cfg(feature = "harness")]
pub mod convert;
pub mod elem;
#[cfg(feature = "harness")]
mod harness;
pub mod lang;
pub mod value;
pub mod wire;

pub use bilingual::Bilingual;
#[cfg(feature = "harness")]
pub use convert::{Args, FromWire, IntoWire};
pub use elem::{Cells, Elem, Kind, Literal, Source};
#[cfg(feature = "harness")]
pub use harness::run;
pub use lang::Lang;
pub use value::{Type, Value};
