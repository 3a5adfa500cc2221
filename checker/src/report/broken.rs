//! What stops a check before any test runs and is not a compile error: a student's file
//! that cannot be read, or a lesson that is broken (the instructor's to fix): its file
//! does not load, or it does and the lesson fails when it runs.

use super::{Context, lang_name};
use crate::course::BrokenLesson;
use crate::harness::FileProblem;
use crate::lesson::{EntryKind, Lesson};
use crate::verdict::{FaultKind, LessonFault};

/// A file of the student's that is missing or not UTF-8, or a module that cannot be
/// found, and how to get it back.
pub(super) fn unreadable(cx: &Context, lesson: &Lesson, problem: &FileProblem, head: &mut String) {
    let m = cx.msg();
    let cross = cx.cross();
    // The file may be a module this lesson uses: reset that module's lesson (modules and
    // lesson ids share their names in a course laid out as `dev new` makes them).
    let lesson_of = |file: &std::path::Path| {
        if *file == cx.layout.exercise(&lesson.module) {
            lesson.id.clone()
        } else {
            file.file_stem()
                .map_or_else(|| lesson.id.clone(), |s| s.to_string_lossy().into_owned())
        }
    };
    let text = match problem {
        FileProblem::Missing(file) => m.file_missing(&cx.layout.show(file), &lesson_of(file)),
        FileProblem::NotUtf8(file) => m.file_not_utf8(&cx.layout.show(file), &lesson_of(file)),
        FileProblem::Module(problem) => m.module_problem(cx.layout, &lesson.id, problem),
    };
    put!(head, cx, "{cross} {}", text.replace('\n', "\n  "));
}

/// A broken lesson, as a student hears of it: not their code's fault, and what to tell
/// the instructor (each fault with the lesson file's line).
pub(super) fn lesson_fault_report(cx: &Context, lesson: &Lesson, faults: &[LessonFault]) -> String {
    let m = cx.msg();
    let mut out = format!("{} {}\n", cx.cross(), m.lesson_broken());
    let mut said = Vec::new();
    for fault in faults {
        let helper = match &fault.kind {
            FaultKind::HelperDoesNotCompile { helper, line, .. } => {
                lesson.helpers.get(*helper).map(|h| (h, *line))
            }
            _ => None,
        };
        let place = match (helper, fault.span(lesson)) {
            (Some((helper, line)), _) => format!("{}:{line}", helper.file),
            (None, Some(span)) => format!("{}:{}", lesson.file, lesson.line_of(span.start)),
            (None, None) => lesson.file.clone(),
        };
        let test = fault
            .test
            .and_then(|t| lesson.tests.get(t))
            .map(|t| lang_name(cx, t));
        let function = fault
            .entry
            .and_then(|e| match lesson.entries.get(e).map(|e| &e.kind) {
                Some(EntryKind::Call(f)) if test.is_none() => {
                    lesson.functions.get(*f).map(|f| f.text.clone())
                }
                _ => None,
            });
        let line = format!(
            "  {place}: {}",
            m.lesson_fault_cause(&fault.kind, test.as_deref(), function.as_deref())
        );
        if !said.contains(&line) {
            out.push_str(&line);
            out.push('\n');
            said.push(line);
        }
    }
    out
}

/// A lesson whose file does not load, as a student hears of it: as a lesson found broken
/// when it runs, with each problem's line and cause in a few words (the first line of the
/// error the instructor sees in full).
pub fn broken_file_report(cx: &Context, broken: &BrokenLesson) -> String {
    let m = cx.msg();
    let mut out = format!("{} {}\n", cx.cross(), m.lesson_file_broken());
    let mut said = Vec::new();
    for problem in &broken.problems {
        let cause = cx.ui.lang.pick(&problem.message);
        let cause = cause.lines().next().unwrap_or_default();
        let line = format!("  {}: {cause}\n", broken.place(problem));
        if !said.contains(&line) {
            out.push_str(&line);
            said.push(line);
        }
    }
    out
}
