//! A lesson, parsed and validated: its texts, the functions it tests, and every hidden case.
//!
//! Loading ([`load`]) turns the file as written ([`model`]) into a [`Lesson`]
//! ([`checked`]), finding every mistake in a lesson file before anything is built: the
//! lesson's own fields there, its `[[fixed]]` and `[[random]]` tests in [`hidden`], its
//! `[[scenario]]`s in [`scenario`], every number against [`bounds`]. Each mistake is a
//! [`LessonError`] ([`error`]), in Japanese and English; [`toml_error`] reads the file into
//! the model and says toml's and serde's errors from their kinds. Random cases are
//! checked when the lesson loads, and drawn only when a check needs them ([`draw`]).
//!
//! A crate of its own, below the checker (which names it `crate::lesson`) and above the
//! runtime, whose `lang` it speaks with (`crate::lang::say`, as in the checker).

pub(crate) mod bounds;
pub(crate) mod checked;
pub mod code_lines;
pub mod compare;
pub mod dataset;
pub(crate) mod dims;
pub mod draw;
pub mod edit;
pub(crate) mod error;
pub mod files;
pub mod helpers;
pub(crate) mod hidden;
pub mod load;
pub(crate) mod mistake;
pub mod model;
pub mod mutants;
pub mod names;
pub mod picture;
pub mod refs;
pub(crate) mod scenario;
pub(crate) mod split;
pub(crate) mod toml_error;
pub mod types;

pub use checked::{
    Case, EntryKind, Expected, Lesson, Mistake, MistakeCode, Profile, Show, Test, TestKind,
};
pub use cnnlings_runtime::Bilingual;
pub use compare::Compare;
pub use error::LessonError;
pub use helpers::Helper;
pub use load::parse;
pub use model::Visibility;

use cnnlings_runtime::lang;
