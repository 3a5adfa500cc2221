//! `next`: the current lesson, checked; on success, the next one introduced.

use crate::app::{App, FAILED, PASSED};
use crate::report;
use anyhow::Result;

impl App {
    pub(crate) fn next(&mut self) -> Result<u8> {
        let m = self.msg();
        if !self.store.progress.welcomed {
            println!("{}\n", m.welcome());
            self.store.progress.welcomed = true;
        }
        let Some(lesson) = self.current().cloned() else {
            println!("{}", self.completion());
            self.store.save()?;
            return Ok(PASSED);
        };
        let verdict = self.judge(&[&lesson])?.remove(0);
        let first_time = !self.store.lesson(&lesson.id).introduced;
        if first_time || verdict.not_started() {
            print!("{}", self.introduce(&lesson));
            self.store.lesson(&lesson.id).introduced = true;
        } else {
            println!("{}\n{}", self.heading(&lesson), self.edit_line(&lesson));
        }
        println!();
        let code = if verdict.passed() {
            print!("{}", self.pass_lines(&lesson));
            self.store.lesson(&lesson.id).passed = true;
            match self.current().cloned() {
                Some(next) => {
                    println!("\n{}:\n", m.up_next());
                    print!("{}", self.introduce(&next));
                    println!("\n{}", m.run_next_to_start());
                    self.store.lesson(&next.id).introduced = true;
                }
                None => println!("\n{}", self.completion()),
            }
            PASSED
        } else {
            print!(
                "{}",
                report::for_student(&self.context(), &lesson, &verdict)
            );
            FAILED
        };
        self.store.save()?;
        Ok(code)
    }
}
