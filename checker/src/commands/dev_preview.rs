//! `dev preview <lesson>`: a lesson as its students will read it, without solving the
//! lessons before it: its heading and text (as `next` introduces it), every hint (as
//! `hint` shows them), and its fixed tests (as a failing report shows a case). Nothing
//! is built or run, and no progress is read or written.

use super::hint::hint_text;
use crate::app::App;
use crate::exit::Exit;
use crate::lesson::TestKind;
use crate::report;
use anyhow::Result;

pub(crate) fn dev_preview(app: &App, id: &str) -> Result<Exit> {
    let m = app.ui.msg();
    let lesson = match app.lesson(id) {
        Ok(lesson) => lesson,
        Err(exit) => return Ok(exit),
    };
    println!("{}", app.introduce(lesson));
    if lesson.hints.is_empty() {
        println!("{}\n", m.no_hints(&lesson.id));
    }
    for i in 0..lesson.hints.len() {
        println!("{}", hint_text(app, lesson, i));
    }
    let fixed: Vec<_> = lesson
        .tests
        .iter()
        .filter(|t| t.kind == TestKind::Fixed)
        .collect();
    println!("{}", app.ui.fit(&m.preview_fixed(fixed.len())));
    let cx = app.context();
    for test in &fixed {
        println!("\n{}", report::fixed_test(&cx, lesson, test).trim_end());
    }
    let others = lesson.tests.len() - fixed.len();
    if others > 0 {
        println!("\n{}", app.ui.fit(&m.preview_other_tests(others)));
    }
    Ok(Exit::Passed)
}
