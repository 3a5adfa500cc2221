//! `check <lesson>`: any lesson, in any order.

use crate::app::{App, FAILED, PASSED, USAGE};
use crate::report;
use anyhow::Result;

impl App {
    pub(crate) fn check(&mut self, id: &str) -> Result<u8> {
        let lesson = match self.lesson(id) {
            Ok(lesson) => lesson.clone(),
            Err(_) => return Ok(USAGE),
        };
        let verdict = self.judge(&[&lesson])?.remove(0);
        println!("{}\n{}\n", self.heading(&lesson), self.edit_line(&lesson));
        if verdict.passed() {
            print!("{}", self.pass_lines(&lesson));
            self.store.lesson(&lesson.id).passed = true;
            self.store.save()?;
            Ok(PASSED)
        } else {
            print!(
                "{}",
                report::for_student(&self.context(), &lesson, &verdict)
            );
            Ok(FAILED)
        }
    }
}
