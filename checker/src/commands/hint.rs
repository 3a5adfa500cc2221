//! `hint [<lesson>]`: one more hint each time, remembered.

use crate::app::App;
use crate::exit::Exit;
use crate::lesson::Lesson;
use anyhow::Result;
use colored::Colorize;

impl<'c> App<'c> {
    pub(crate) fn hint(&mut self, id: Option<&str>) -> Result<Exit> {
        let m = self.ui.msg();
        let lesson = match id {
            Some(id) => match self.lesson(id) {
                Ok(lesson) => lesson,
                Err(exit) => return Ok(exit),
            },
            None => match self.current() {
                Some(lesson) => lesson,
                None => {
                    println!("{}", self.completion());
                    return Ok(Exit::Passed);
                }
            },
        };
        println!("{}\n", self.heading(lesson));
        if lesson.hints.is_empty() {
            println!("{}", m.no_hints(&lesson.id));
            return Ok(Exit::Passed);
        }
        let shown = (self.store.lesson(&lesson.id).hints + 1).min(lesson.hints.len());
        for i in 0..shown {
            println!("{}", self.hint_text(lesson, i));
        }
        let more = if shown < lesson.hints.len() {
            m.more_hints(id)
        } else {
            m.all_hints_shown()
        };
        println!("{}", self.ui.fit(&more));
        self.store.lesson(&lesson.id).hints = shown;
        self.store.save()?;
        Ok(Exit::Passed)
    }

    /// Hint `i` (from 0) of a lesson as `hint` shows it: its heading, then its text.
    pub(crate) fn hint_text(&self, lesson: &Lesson, i: usize) -> String {
        let heading = self.ui.msg().hint_heading(i + 1, lesson.hints.len());
        let heading = self.ui.paint(&heading, |s| s.bold());
        let text = lesson
            .hints
            .get(i)
            .map(|hint| self.ui.render(self.ui.lang.pick(hint)))
            .unwrap_or_default();
        format!("{heading}\n{text}")
    }
}
