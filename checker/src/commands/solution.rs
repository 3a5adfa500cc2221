//! `solution <lesson>`: the reference solution, once the lesson has passed.

use crate::app::App;
use crate::exit::Exit;
use anyhow::{Context, Result};
use colored::Colorize;

impl<'c> App<'c> {
    pub(crate) fn solution(&self, id: &str) -> Result<Exit> {
        let m = self.ui.msg();
        let lesson = match self.lesson(id) {
            Ok(lesson) => lesson,
            Err(exit) => return Ok(exit),
        };
        println!("{}\n", self.heading(lesson));
        // Once passed, the solution stays open, even if the student's file fails later.
        if !self.store.awarded(&lesson.id) {
            println!("{}", self.ui.fit(&m.solution_locked(&lesson.id)));
            return Ok(Exit::Failed);
        }
        let layout = &self.course.layout;
        let path = layout.solution(&lesson.module);
        let code = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", layout.show(&path)))?;
        let heading = m.solution_heading(&layout.show(&path));
        let heading = self.ui.paint(&heading, |s| s.bold());
        println!("{heading}\n");
        for line in code.trim_end().lines() {
            if line.trim().is_empty() {
                println!();
            } else {
                println!("    {line}");
            }
        }
        println!(
            "\n{}",
            self.ui
                .fit(&m.solution_compare(&self.exercise_shown(lesson)))
        );
        Ok(Exit::Passed)
    }
}
