//! For instructors: scaffolding, known mistakes and grading.

#[allow(unused_imports, reason = "the first messages of this file are yet to come")]
use super::{Lang, Msg, RUN};

#[allow(dead_code, reason = "the first messages of this file are yet to come")]
impl Msg {}
