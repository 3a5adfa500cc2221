//! `dev check` of a lesson's `[show]`: what `show <name>` draws is built and run with the
//! reference, as `show` builds and runs it, so that a stage's code that does not compile
//! is found here, at its own line of the lesson file, and not first by a student.

use crate::app::App;
use crate::course::{self, Course};
use crate::harness::codegen::{Harness, SNIPPET_INDENT};
use crate::harness::{ReferenceFault, build::Diagnostic};
use crate::lesson::Lesson;
use crate::lesson::code_lines::{self, CodePlace};
use crate::lesson::picture::{Network, Picture, View};
use crate::show::model::{self, PictureFault, Runner};
use std::ops::Range;

/// Runs the `[show]` of `lesson` with the references (`solutions`: the course whose
/// student modules are the references). `None` when it draws, else what to print: the
/// ✗ line and each problem at its line of the lesson file.
pub(super) fn prove(app: &App, solutions: &Course, lesson: &Lesson) -> Option<Result<(), String>> {
    let picture = lesson.picture.as_ref()?;
    let m = app.ui.msg();
    let runner = Runner {
        course: solutions,
        color: app.ui.color,
        on_first_build: &|| {},
    };
    let ran = match &picture.view {
        View::Slide { image, second } => {
            let example = (image.clone(), second.clone());
            model::slide(&runner, lesson, &picture.name, &picture.function, example).map(drop)
        }
        View::Network(plan) => model::digits(solutions, plan)
            .and_then(|data| model::network(&runner, lesson, &picture.name, plan, &data, 0))
            .map(drop),
    };
    let Err(error) = ran else {
        return Some(Ok(()));
    };
    let mut text = format!(
        "{}\n",
        app.ui.fit(&m.dev_show_broken(&lesson.id, &picture.name))
    );
    let lang = app.ui.lang;
    let at_name = |message: &str, notes: &[String]| {
        let span = Some(picture.span.clone());
        course::render_error_in(lang, &lesson.file, &lesson.source, span, message, notes)
    };
    match error.downcast_ref::<PictureFault>() {
        Some(PictureFault(ReferenceFault::DoesNotCompile {
            diagnostics,
            harness,
        })) => {
            let mut shown: Vec<Option<Range<usize>>> = Vec::new();
            for d in diagnostics {
                let span = match &picture.view {
                    View::Network(plan) => stage_span(lesson, plan, harness, d),
                    View::Slide { .. } => None,
                };
                if shown.contains(&span) {
                    continue;
                }
                let rustc = match &d.label {
                    Some(label) => format!("{}: {label}", d.message),
                    None => d.message.clone(),
                };
                let notes = [m.dev_rustc_said(&rustc)];
                let message = m.dev_show_line_does_not_compile();
                let span = span.clone().or_else(|| Some(picture.span.clone()));
                text.push_str(&course::render_error_in(
                    lang,
                    &lesson.file,
                    &lesson.source,
                    span.clone(),
                    &message,
                    &notes,
                ));
                shown.push(span);
            }
        }
        Some(PictureFault(_)) => text.push_str(&at_name(&m.dev_show_does_not_run(), &[])),
        None => text.push_str(&at_name(
            &m.dev_show_does_not_run(),
            &[format!("{error:#}")],
        )),
    }
    Some(Err(text))
}

/// Where rustc's error `d` in the harness of a network's stages is written in the lesson
/// file: the line and column of `build` or of a stage's `code` that the snippet's line
/// came from (see [`model::stage_code`]).
fn stage_span(
    lesson: &Lesson,
    plan: &Network,
    harness: &Harness,
    d: &Diagnostic,
) -> Option<Range<usize>> {
    let (file, line, column) = d.primary.as_ref()?;
    if *file != harness.main_rs {
        return None;
    }
    let entry = harness.entry_lines.iter().position(|r| r.contains(line))?;
    let start = (*harness.snippet_starts.get(entry)?)?;
    let mut at = line.checked_sub(start)?;
    let column = column.checked_sub(1 + SNIPPET_INDENT)?;
    let width = d
        .source
        .as_ref()
        .map_or(1, |(_, marked, _)| marked.chars().count());
    let stages = plan.stages.iter().take(entry + 1);
    let pieces = std::iter::once((&plan.build, &plan.build_span))
        .chain(stages.map(|s| (&s.code, &s.code_span)));
    for (code, span) in pieces {
        let lines = code.lines().count().max(1);
        if at < lines {
            let place = CodePlace {
                line: at,
                column,
                width,
            };
            return code_lines::span_of(&lesson.source, span, code, place).or(Some(span.clone()));
        }
        at -= lines;
    }
    None
}

/// The lessons' `[show]`s run with the references: the ✓ lines and the problems.
pub(super) fn prove_all(
    app: &App,
    solutions: &Course,
    lessons: &[&Lesson],
) -> (Vec<String>, usize) {
    let mut lines = Vec::new();
    let mut problems = 0;
    for lesson in lessons {
        match prove(app, solutions, lesson) {
            None => {}
            Some(Ok(())) => {
                let name = lesson
                    .picture
                    .as_ref()
                    .map_or("", |p: &Picture| p.name.as_str());
                lines.push(app.ui.fit(&app.ui.msg().dev_show_runs(&lesson.id, name)));
            }
            Some(Err(text)) => {
                problems += 1;
                lines.push(text);
            }
        }
    }
    (lines, problems)
}
