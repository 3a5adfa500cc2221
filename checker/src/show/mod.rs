//! `show`: the lecture's CNN Explainer in the terminal, driven by the student's own code,
//! drawing what a lesson's `[show]` declares (`lesson/picture.rs`): it names no lesson.
//!
//! [`model`] computes what to draw by running harnesses (the student's modules, and the
//! reference's where those fail); [`render`] draws frames, heatmaps and bar charts as
//! text, [`png`] and [`overview`] as pictures, [`html`] as a page for the browser, from
//! the same plain data; [`player`] steps through frames.

pub mod html;
pub mod model;
pub mod overview;
pub mod player;
pub mod png;
pub mod render;
