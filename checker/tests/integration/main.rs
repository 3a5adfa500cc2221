//! The integration tests of the checker: one binary, a module per area.
//!
//! Every test works on a copy of a workbook in a temporary folder, so nothing here
//! touches the repository's own exercises.

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set itself up should stop at once"
)]

mod authoring;
mod course_names;
mod data;
mod day;
mod grade;
mod helpers;
mod instructor;
mod isolation;
mod kinds;
mod language;
mod layers;
mod lesson_bytes;
mod lesson_files;
mod lesson_lines;
mod modules;
mod mutants;
mod progress;
mod robustness;
mod sandbox;
mod self_check;
mod show;
mod show_html;
mod show_proof;
mod student;
mod support;
mod watch;
