//! `check <lesson>`: any lesson, in any order.

use crate::app::App;
use crate::exhibit::Room;
use crate::exit::Exit;
use crate::messages::Again;
use crate::report;
use anyhow::Result;

pub(crate) fn check(app: &mut App, id: &str) -> Result<Exit> {
    let lesson = match app.lesson(id) {
        Ok(lesson) => lesson,
        Err(exit) => return Ok(exit),
    };
    let checked = app.check_lessons(&[lesson])?.remove(0);
    let (assessment, awarded) = (&checked.assessment, checked.awarded);
    println!("{}\n{}\n", app.heading(lesson), app.edit_line(lesson));
    if assessment.passed() {
        print!(
            "{}",
            app.pass_lines(lesson, &assessment.verdict, awarded, Room::Report)
        );
        crate::timings::mark("report printed");
        Ok(Exit::Passed)
    } else {
        let again = Again::Check(&lesson.id);
        print!(
            "{}",
            report::for_student(&app.context(), lesson, assessment, again)
        );
        Ok(assessment.verdict.exit_code())
    }
}
