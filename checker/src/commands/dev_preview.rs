//! `dev preview <lesson>`: a lesson as its students will read it, without solving the
//! lessons before it: its heading and text (as `next` introduces it), every hint (as
//! `hint` shows them), and its fixed tests (as a failing report shows a case). Nothing
//! is built or run, and no progress is read or written.

use crate::app::App;
use crate::exit::Exit;
use crate::lesson::TestKind;
use crate::report;
use anyhow::Result;

impl<'c> App<'c> {
    pub(crate) fn dev_preview(&self, id: &str) -> Result<Exit> {
        let m = self.ui.msg();
        let lesson = match self.lesson(id) {
            Ok(lesson) => lesson,
            Err(exit) => return Ok(exit),
        };
        println!("{}", self.introduce(lesson));
        if lesson.hints.is_empty() {
            println!("{}\n", m.no_hints(&lesson.id));
        }
        for i in 0..lesson.hints.len() {
            println!("{}", self.hint_text(lesson, i));
        }
        let fixed: Vec<_> = lesson
            .tests
            .iter()
            .filter(|t| t.kind == TestKind::Fixed)
            .collect();
        println!("{}", self.ui.fit(&m.preview_fixed(fixed.len())));
        let cx = self.context();
        for test in &fixed {
            println!("\n{}", report::fixed_test(&cx, lesson, test).trim_end());
        }
        let others = lesson.tests.len() - fixed.len();
        if others > 0 {
            println!("\n{}", self.ui.fit(&m.preview_other_tests(others)));
        }
        Ok(Exit::Passed)
    }
}
