//! Proof that every lesson graded is sound, before anyone is graded: each reference
//! passes its own hidden tests under the lesson's limits, judged as `dev check` judges
//! it. A lesson whose reference fails one (a wrong `expected`, a panic, a time-out, a
//! scenario that does not compile) would take points from every correct submission, so
//! grading refuses to start. Private lessons (`--lessons DIR`) may never have been
//! proven at all (`dev check --lessons DIR` proves them).
//!
//! The reference outputs are computed anyway when grading, so the proof costs no build
//! and no run of its own.

use crate::app::App;
use crate::commands::TrustedLimits;
use crate::harness::run::RunResult;
use crate::harness::{LessonRun, ReferenceOutputs, StudentRun};
use crate::lesson::Lesson;
use crate::verdict;
use std::collections::HashMap;

/// The lessons whose reference fails its own tests, and what the instructor reads.
#[derive(Debug)]
pub struct Broken {
    /// Every problem at its line of the lesson file, with the cause and what to do.
    pub text: String,
}

/// Proves `lessons` with their reference outputs (as grading computed them: under each
/// lesson's own limits); `None` when every reference passes every test.
pub fn prove(app: &App, lessons: &[&Lesson], references: &[ReferenceOutputs]) -> Option<Broken> {
    let mut ids = Vec::new();
    let mut problems = String::new();
    for (lesson, reference) in lessons.iter().zip(references) {
        // The reference's outputs, judged as a student's would be.
        let outputs = reference
            .as_ref()
            .map_or_else(|_| HashMap::new(), Clone::clone);
        let run = LessonRun {
            student: StudentRun::Ran(RunResult::quiet(outputs)),
            reference: reference.clone(),
        };
        let verdict = verdict::judge(lesson, run);
        if let Some(problem) = app.reference_problem(lesson, &verdict, TrustedLimits::Lesson) {
            ids.push(lesson.id.clone());
            problems.push_str(&problem.text);
        }
    }
    if ids.is_empty() {
        return None;
    }
    let m = app.ui.msg();
    let course = &app.course;
    // Private lessons are proven with `--lessons`; the course's own by their ids.
    let private = lessons
        .iter()
        .any(|l| ids.contains(&l.id) && course.is_private(l));
    let command = match (&course.layout.overlay, private) {
        (Some(dir), true) => format!("dev check --lessons {}", course.layout.show(dir)),
        _ => format!("dev check {}", ids.join(" ")),
    };
    let text = format!(
        "{}\n\n{problems}\n{}\n",
        app.ui.fit(&m.grade_refused(&ids)),
        app.ui.fit(&m.grade_refused_next(&command))
    );
    Some(Broken { text })
}
