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
        let fingerprint = self.fingerprint(lesson);
        let verdict = self.judge(&[lesson])?.remove(0);
        // Saved before it is printed: a reader that goes away early loses no progress.
        let awarded = self.record(lesson, &verdict, &fingerprint);
        self.store.save()?;
        println!("{}\n{}\n", self.heading(lesson), self.edit_line(lesson));
        crate::timings::mark("progress saved");
        if verdict.passed() {
            print!(
                "{}",
                self.pass_lines(lesson, &verdict, awarded, Room::Report)
            );
            crate::timings::mark("report printed");
            Ok(Exit::Passed)
        } else {
            let again = Again::Check(&lesson.id);
            print!(
                "{}",
                report::for_student(&self.context(), lesson, &verdict, again)
            );
            Ok(verdict.exit_code())
        }
    }
}
