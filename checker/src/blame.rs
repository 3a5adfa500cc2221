//! Blaming the right lesson: when a lesson fails because of a module it builds on (the
//! student's `pool` still a stub while `cnn` is finished), the report names that lesson.
//!
//! The signals, cheapest first: the file of a compile error, the file of a panic or a
//! `todo!()`, and, when the outputs are wrong, the verdicts of the lessons whose modules
//! were mounted: at hand when lessons are checked together, remembered when a lesson
//! passed with its files as they are, and otherwise one more check of them (whose builds
//! and reference outputs are cached).

use crate::course::Course;
use crate::harness::codegen::{self, Mounted, Side};
use crate::lesson::Lesson;
use crate::verdict::{Failure, Verdict};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Why an earlier lesson's module makes this lesson fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// It is still a `todo!()`.
    NotWritten,
    /// It panicked.
    Panicked,
    /// It panicked, but its own lesson passes: most likely on what this lesson passed
    /// it (`dot` given vectors of two lengths by `dense`).
    PanickedOnArguments,
    /// It does not compile.
    DoesNotCompile,
    /// Its own lesson does not pass.
    FailsItsTests,
}

/// The earlier lesson to fix first.
#[derive(Debug, Clone, PartialEq)]
pub struct Blame {
    /// The id of the lesson whose module it is.
    pub lesson: String,
    pub module: String,
    /// The student's file of that module.
    pub file: PathBuf,
    /// What the failing lesson's file names of it (`max_pool2d`); may be empty.
    pub items: Vec<String>,
    pub reason: Reason,
}

/// The file of a location `path:line:column`.
fn location_file(location: &str) -> &Path {
    Path::new(location.rsplitn(3, ':').last().unwrap_or(location))
}

/// The blame a verdict shows by itself: a compile error or a panic in another lesson's file.
fn blame_in_verdict(
    verdict: &Verdict,
    used: &[(usize, Mounted)],
    course: &[Lesson],
) -> Option<Blame> {
    let blame = |(index, mounted): &(usize, Mounted), reason| Blame {
        lesson: course[*index].id.clone(),
        module: mounted.module.clone(),
        file: mounted.file.clone(),
        items: mounted.items.clone(),
        reason,
    };
    let in_file = |file: &Path| used.iter().find(|(_, m)| m.file == file);
    match verdict {
        Verdict::CompileError { diagnostics, .. } => diagnostics
            .iter()
            .filter_map(|d| d.primary.as_ref())
            .find_map(|(file, ..)| in_file(file))
            .map(|used| blame(used, Reason::DoesNotCompile)),
        Verdict::Ran { tests, .. } => tests.iter().flat_map(|t| &t.failures).find_map(|f| match &f
            .failure
        {
            Failure::NotImplemented { location } => {
                in_file(location_file(location)).map(|u| blame(u, Reason::NotWritten))
            }
            Failure::Panic { location, .. } => {
                in_file(location_file(location)).map(|u| blame(u, Reason::Panicked))
            }
            _ => None,
        }),
        _ => None,
    }
}

/// Whether lessons pass, by id, as far as known: filled in by the caller's `passes`
/// (which checks the lessons given it, or knows they passed with their files as they are;
/// `None` when that check cannot be made).
pub type Known = HashMap<String, bool>;

/// The blame of every one of `lessons`' verdicts (checked together), if an earlier
/// lesson's module is at fault. A used lesson among them is not checked again; the
/// others are put to `passes`.
pub fn assign(
    course: &Course,
    lessons: &[&Lesson],
    verdicts: &[Verdict],
    passes: &mut dyn FnMut(&[&Lesson], &mut Known) -> Option<()>,
) -> Vec<Option<Blame>> {
    let mut known: Known = lessons
        .iter()
        .zip(verdicts.iter())
        .map(|(lesson, verdict)| (lesson.id.clone(), verdict.passed()))
        .collect();
    lessons
        .iter()
        .zip(verdicts)
        .map(|(lesson, verdict)| match verdict.passed() {
            true => None,
            false => blame(course, lesson, verdict, &mut known, passes),
        })
        .collect()
}

fn blame(
    whole: &Course,
    lesson: &Lesson,
    verdict: &Verdict,
    known: &mut Known,
    passes: &mut dyn FnMut(&[&Lesson], &mut Known) -> Option<()>,
) -> Option<Blame> {
    let course = &whole.lessons;
    let index = course.iter().position(|l| l.id == lesson.id)?;
    let (mounted, _) = codegen::mount(whole, index, Side::Student);
    // The modules of other lessons, in the course's order: the earliest is the root.
    let mut used: Vec<(usize, Mounted)> = mounted
        .into_iter()
        .skip(1)
        .filter_map(|m| Some((m.lesson.filter(|&j| j != index)?, m)))
        .collect();
    used.sort_by_key(|(j, _)| *j);
    if used.is_empty() {
        return None;
    }
    if let Some(mut blame) = blame_in_verdict(verdict, &used, course) {
        // A panic in a module whose own lesson passes comes, most likely, from what
        // this lesson gave it: the student is sent to their own call, not back.
        if blame.reason == Reason::Panicked
            && let Some(j) = course.iter().position(|l| l.id == blame.lesson)
            && passes(&[&course[j]], known).is_some()
            && known.get(&blame.lesson) == Some(&true)
        {
            blame.reason = Reason::PanickedOnArguments;
        }
        return Some(blame);
    }
    // Wrong outputs, or a panic in the lesson's own file: do the lessons it builds on
    // pass? Not for a lesson not started (its own `todo!()`), nor one that does not build.
    if !matches!(verdict, Verdict::Ran { .. }) || verdict.only_todos() {
        return None;
    }
    let lessons: Vec<&Lesson> = used.iter().map(|(j, _)| &course[*j]).collect();
    passes(&lessons, known)?;
    used.iter()
        .find(|(j, _)| known.get(&course[*j].id) == Some(&false))
        .map(|(j, m)| Blame {
            lesson: course[*j].id.clone(),
            module: m.module.clone(),
            file: m.file.clone(),
            items: m.items.clone(),
            reason: Reason::FailsItsTests,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_names_its_file() {
        assert_eq!(
            location_file("/w/exercises/src/pool.rs:12:5"),
            Path::new("/w/exercises/src/pool.rs")
        );
        assert_eq!(location_file(""), Path::new(""));
    }
}
