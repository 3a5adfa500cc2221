//! `check <lesson>`: any lesson, in any order.

use crate::app::App;
use crate::exhibit::Room;
use crate::exit::Exit;
use crate::messages::Again;
use crate::report;
use anyhow::Result;

impl<'c> App<'c> {
    pub(crate) fn check(&mut self, id: &str) -> Result<Exit> {
        let lesson = match self.lesson(id) {
            Ok(lesson) => lesson,
            Err(exit) => return Ok(exit),
        };
        let checked = self.check_lessons(&[lesson])?.remove(0);
        let (assessment, awarded) = (&checked.assessment, checked.awarded);
        println!("{}\n{}\n", self.heading(lesson), self.edit_line(lesson));
        if assessment.passed() {
            print!(
                "{}",
                self.pass_lines(lesson, &assessment.verdict, awarded, Room::Report)
            );
            crate::timings::mark("report printed");
            Ok(Exit::Passed)
        } else {
            let again = Again::Check(&lesson.id);
            print!(
                "{}",
                report::for_student(&self.context(), lesson, assessment, again)
            );
            Ok(assessment.exit_code())
        }
    }
}
