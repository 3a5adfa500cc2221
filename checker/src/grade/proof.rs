//! Proof that every lesson graded is sound, before anyone is graded: each reference
//! passes its own hidden tests under the lesson's limits, judged as `dev check` judges
//! it. A lesson whose reference fails one (a wrong `expected`, a panic, a time-out, a
//! scenario that does not compile) would take points from every correct submission, so
//! grading refuses to start. Private lessons (`--lessons DIR`) may never have been
//! proven at all (`dev check --lessons DIR` proves them).
//!
//! The reference outputs are computed anyway when grading, so the proof costs no build
//! and no run of its own.

use crate::harness::run::RunResult;
use crate::harness::{LessonRun, ReferenceOutputs, StudentRun};
use crate::lesson::Lesson;
use crate::pipeline::{Assessment, Checker};
use crate::report::Context;
use crate::report::reference::{TrustedLimits, reference_problem};
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
pub fn prove(
    checker: &Checker,
    lessons: &[&Lesson],
    references: &[ReferenceOutputs],
) -> Option<Broken> {
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
        let assessment = Assessment::from(verdict::judge(lesson, run));
        let cx = Context::new(checker.ui, &checker.course.layout);
        let limits = TrustedLimits::Lesson;
        if let Some(problem) = reference_problem(&cx, checker.course, lesson, &assessment, limits) {
            ids.push(lesson.id.clone());
            problems.push_str(&problem.text);
        }
    }
    if ids.is_empty() {
        return None;
    }
    let m = checker.ui.msg();
    let course = &checker.course;
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
        checker.ui.fit(&m.grade_refused(&ids)),
        checker.ui.fit(&m.grade_refused_next(&command))
    );
    Some(Broken { text })
}
