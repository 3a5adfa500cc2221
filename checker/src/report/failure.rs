//! The failure text of a lesson whose tests ran: the summary, the known mistake it
//! matches, the first failing tests in detail (inputs, expected and got side by side,
//! the worst cell), the others listed by name, and what the code printed.

use super::captured::write_captured;
use super::layout::{
    CellFit, cell_width, draw_with_width, index_text, inputs_are_small, number, shape_text,
    side_by_side, value_line,
};
use super::{Context, lang_name};
use crate::diagnosis::Diagnosis;
use crate::lang::say;
use crate::lesson::types::Label;
use crate::lesson::{EntryKind, Lesson, Test};
use crate::messages::Msg;
use crate::paint::Colorize;
use crate::panics::KnownPanic;
use crate::pipeline::Assessment;
use crate::text::visible_width;
use crate::verdict::{CaseFailure, Failure, Missing, TestVerdict, ValueDiff, Verdict};
use cnnlings_runtime::{Cells, Value};
use std::fmt::Write as _;

/// How many failing tests are shown in detail; the others are listed by name.
const DETAILED_TESTS: usize = 3;

/// The report of a lesson whose tests ran and failed (or that has not been started),
/// written after `head`'s blame (if any).
pub(super) fn ran(
    cx: &Context,
    lesson: &Lesson,
    assessment: &Assessment,
    head: &mut String,
    out: &mut String,
) {
    let m = cx.msg();
    let cross = cx.cross();
    let Verdict::Ran {
        tests,
        stdout,
        stderr,
        ..
    } = &assessment.verdict
    else {
        return;
    };
    if assessment.not_started() {
        // The todo!() nearest the top of the file is where the student starts.
        let location = tests
            .iter()
            .flat_map(|t| &t.failures)
            .filter_map(|f| match &f.failure {
                Failure::NotImplemented { location } => Some(cx.relative(location)),
                _ => None,
            })
            .min_by_key(|l| {
                let mut parts = l.rsplitn(3, ':').skip(1);
                let line = parts
                    .next()
                    .and_then(|n| n.parse::<usize>().ok())
                    .unwrap_or(usize::MAX);
                (parts.next().map(str::to_string), line)
            })
            .unwrap_or_default();
        let circle = cx.ui.paint("○", |s| s.yellow().bold());
        put!(head, cx, "{circle} {}", m.not_implemented(&location));
        return;
    }
    let failed: Vec<_> = tests.iter().filter(|t| !t.passed()).collect();
    let failed_cases: usize = failed.iter().map(|t| t.failures.len()).sum();
    let not_run = failed
        .iter()
        .flat_map(|t| &t.failures)
        .filter(|f| matches!(f.failure, Failure::Missing(Missing::NotRun)))
        .count();
    put!(
        head,
        cx,
        "{cross} {}",
        m.failed_summary(
            failed.len(),
            tests.len(),
            failed_cases - not_run,
            lesson.case_count(),
            not_run
        )
    );
    if let Some(text) = known_mistakes(cx, lesson, &assessment.diagnosis) {
        let text = cx.ui.paint(&text, |s| s.yellow().bold());
        put!(head, cx, "\n{text}");
    } else if let Some(first) = fix_first(tests, &failed) {
        // Tests pass up to one that fails, and others after it fail: a computation right
        // up to a stage (a gradient right up to a layer, as backpropagation goes from the
        // output back). The stage that fails first is the one to fix first.
        let text = m.fix_first(&lang_name(cx, &lesson.tests[first.test]));
        put!(head, cx, "\n{text}");
    }
    if let Some(text) = super::sandbox_stopped(cx, &assessment.verdict) {
        let text = cx.ui.paint(&text, |s| s.yellow().bold());
        put!(head, cx, "\n{text}");
    }
    // The first few failing tests in detail: a student fixes one thing at a time.
    let (detailed, listed) = failed.split_at(failed.len().min(DETAILED_TESTS));
    for verdict in detailed {
        let _ = writeln!(out);
        out.push_str(&test_report(cx, lesson, verdict));
    }
    if !listed.is_empty() {
        put!(out, cx, "\n{}", m.also_failing());
        for verdict in listed {
            let test = &lesson.tests[verdict.test];
            let not_run = verdict
                .failures
                .iter()
                .filter(|f| matches!(f.failure, Failure::Missing(Missing::NotRun)))
                .count();
            let wrong = verdict.failures.len() - not_run;
            let cases = m.cases_count(wrong, not_run, verdict.cases);
            let title = m.test_title(&lang_name(cx, test), test.kind);
            let line = format!("{cross} {title} {cases}");
            put!(out, cx, "{}", line.trim_end());
        }
    }
    write_captured(out, cx, "stdout", stdout);
    write_captured(out, cx, "stderr", stderr);
}

/// The first failing test, if it is not the lesson's first and others fail after it.
fn fix_first<'v>(tests: &[TestVerdict], failed: &[&'v TestVerdict]) -> Option<&'v TestVerdict> {
    let (first, after) = failed.split_first()?;
    let passed_before = (tests.iter()).any(|t| t.test < first.test && t.passed());
    (passed_before && !after.is_empty()).then_some(*first)
}

/// The pattern sentence of the first failing test shown in detail (`report::pattern`:
/// "every sign flipped", "2 times too large"), as its details write it, if it has one.
pub(super) fn first_pattern(cx: &Context, verdict: &Verdict) -> Option<String> {
    let Verdict::Ran { tests, .. } = verdict else {
        return None;
    };
    let test = tests.iter().find(|t| !t.passed())?;
    let first =
        (test.failures.iter()).find(|f| !matches!(f.failure, Failure::Missing(Missing::NotRun)))?;
    let pattern = pattern_of(&first.failure)?;
    Some(super::pattern::sentence(cx.msg(), pattern))
}

/// The first pattern a failure's details state: its values', or its first part's that
/// has one, in the order write_parts shows them.
fn pattern_of(failure: &Failure) -> Option<super::pattern::Pattern> {
    match failure {
        Failure::Values(diff) => super::pattern::find(diff),
        Failure::Parts(parts) => parts.iter().find_map(|(_, part)| pattern_of(part)),
        _ => None,
    }
}

/// The known mistakes a failing verdict matches, said with the lesson's messages; `None`
/// when it matches none.
pub fn known_mistakes(cx: &Context, lesson: &Lesson, diagnosis: &Diagnosis) -> Option<String> {
    let messages: Vec<&str> = diagnosis
        .mistakes
        .iter()
        .map(|&i| cx.ui.lang.pick(&lesson.mistakes[i].message).trim())
        .collect();
    (!messages.is_empty()).then(|| {
        cx.msg()
            .known_mistakes(&messages, diagnosis.partial, diagnosis.by_case)
    })
}

fn call_text(lesson: &Lesson, test: &Test) -> String {
    match &lesson.entries[test.entry].kind {
        EntryKind::Call(f) => format!(
            "{}({})",
            lesson.functions[*f].name,
            test.arg_names.join(", ")
        ),
        EntryKind::Snippet { .. } => String::new(),
    }
}

/// Writes the inputs of a case, if small, as labelled blocks.
fn write_inputs(out: &mut String, cx: &Context, lesson: &Lesson, test: &Test, args: &[Value]) {
    let call = call_text(lesson, test);
    let heading = if call.is_empty() {
        cx.msg().inputs_of()
    } else {
        cx.msg().called_with(&call)
    };
    if !inputs_are_small(args) {
        let count = test.arg_names.len().min(args.len());
        let pieces: Vec<String> = test
            .arg_names
            .iter()
            .zip(args)
            .enumerate()
            .map(|(i, (name, a))| match a {
                Value::Array { shape, .. } if !shape.is_empty() => {
                    cx.msg()
                        .input_shape(name, &shape_text(shape), i + 1 < count)
                }
                other => cx
                    .msg()
                    .input_value(name, &value_line(other), i + 1 < count),
            })
            .collect();
        // As many shapes on a line as fit; the rest below, indented.
        let mut line = format!("    {heading}");
        for (i, piece) in pieces.iter().enumerate() {
            if visible_width(&line) + 1 + visible_width(piece) > cx.max_width() && i > 0 {
                let _ = writeln!(out, "{line}");
                line = String::from("     ");
            }
            // No space after full-width punctuation (「入力：images：360×8×8、labels：(360)」).
            if !line.ends_with(['：', '、']) {
                line.push(' ');
            }
            line.push_str(piece);
        }
        let _ = writeln!(out, "{line}");
        return;
    }
    put!(out, cx, "    {heading}");
    let blocks: Vec<(String, Vec<String>)> = test
        .arg_names
        .iter()
        .zip(args)
        .map(|(name, a)| match a {
            Value::Array { shape, cells } if !shape.is_empty() => (
                format!("{name} {}", shape_text(shape)),
                draw_with_width(
                    cx.msg(),
                    cells,
                    shape,
                    None,
                    0,
                    false,
                    CellFit::within(cx.max_width().saturating_sub(6), cell_width(cells)),
                ),
            ),
            other => (format!("{name} = {}", value_line(other)), vec![]),
        })
        .collect();
    out.push_str(&side_by_side(&blocks, "      ", cx.max_width()));
}

fn write_diff(out: &mut String, cx: &Context, diff: &ValueDiff) {
    let m = cx.msg();
    // The worst cell as numbers, for a kind compared within a tolerance.
    let numbers = match (
        diff.expected.tolerant(diff.worst),
        diff.got.tolerant(diff.worst),
    ) {
        (Some(e), Some(g)) => Some((e, g, number((g - e).abs() as f32))),
        _ => None,
    };
    // Sentences follow each other with a space in English, none in Japanese.
    let sep = say!(cx.ui.lang, ja: "", en: " ");
    // A NaN or an infinity where a number belongs: its difference says nothing, where
    // it comes from does.
    let nan = numbers
        .as_ref()
        .is_some_and(|(e, g, _)| !g.is_finite() && e.is_finite());
    if diff.shape.is_empty() {
        // One value: a sentence says it all.
        let (e, g) = (diff.expected.text(0), diff.got.text(0));
        let line = match &numbers {
            Some((_, got, _)) if nan => format!(
                "{}{sep}{}",
                m.scalar_differs(&e, &g, "", ""),
                m.nan_got(got.is_nan())
            ),
            Some((.., difference)) => {
                m.scalar_differs(&e, &g, difference, &tolerance_text(cx, diff))
            }
            None => m.scalar_differs(&e, &g, "", ""),
        };
        put!(out, cx, "    {line}");
        return;
    }
    // One width for both, so that the same cell sits in the same column.
    let width = cell_width(&diff.expected).max(cell_width(&diff.got));
    let draw_one = |values: &Cells, mark: Option<&[bool]>| {
        draw_with_width(
            m,
            values,
            &diff.shape,
            mark,
            diff.worst,
            cx.ui.color,
            // Each block fits the screen on its own (the two go one below the other
            // when they do not fit side by side).
            CellFit::within(cx.max_width().saturating_sub(6), width),
        )
    };
    let exp_lines = draw_one(&diff.expected, None);
    let got_lines = draw_one(&diff.got, Some(&diff.wrong));
    let suffix = format!(" {}", shape_text(&diff.shape));
    out.push_str(&side_by_side(
        &[
            (format!("{}{suffix}", m.expected()), exp_lines),
            (format!("{}{suffix}", m.got()), got_lines),
        ],
        "      ",
        cx.max_width(),
    ));
    let total = diff.expected.len();
    if total > 1 {
        let wrong = diff.wrong_count();
        let line = if cx.ui.color {
            m.wrong_cells_colored(wrong, total)
        } else {
            m.wrong_cells(wrong, total)
        };
        put!(out, cx, "    {line}");
    }
    if let (Some((e, g, _)), true) = (&numbers, nan) {
        let cell = index_text(&diff.shape, diff.worst);
        let line = format!(
            "{}{sep}{}",
            m.worst_cell_nan(&cell, &number(*e as f32), &number(*g as f32)),
            m.nan_got(g.is_nan())
        );
        put!(out, cx, "    {line}");
    } else if let Some((e, g, difference)) = numbers {
        let tolerance = tolerance_text(cx, diff);
        let cell = index_text(&diff.shape, diff.worst);
        let line = m.worst_cell(
            &cell,
            &number(e as f32),
            &number(g as f32),
            &difference,
            &tolerance,
        );
        put!(out, cx, "    {line}");
    }
    if let Some(pattern) = super::pattern::find(diff) {
        put!(out, cx, "    {}", super::pattern::sentence(m, pattern));
    }
}

/// The `&mut` parameter whose value after the call is a test's whole output (its
/// function returns `()`), to say what the values shown are.
fn changed_alone<'l>(lesson: &'l Lesson, test: &Test) -> Option<&'l str> {
    let EntryKind::Call(f) = lesson.entries[test.entry].kind else {
        return None;
    };
    let function = &lesson.functions[f];
    let mut changed = function.changed();
    match (function.returns.is_unit(), changed.next(), changed.next()) {
        (true, Some(p), None) => Some(&function.params[p].name),
        _ => None,
    }
}

/// The failures of a tuple's parts, each under its label; the parts not shown are right.
fn write_parts(
    out: &mut String,
    cx: &Context,
    lesson: &Lesson,
    test: &Test,
    parts: &[(usize, Failure)],
    indent: &str,
) {
    let m = cx.msg();
    let labels = lesson.entries[test.entry].labels.as_deref();
    for (i, failure) in parts {
        let label = match labels.and_then(|l| l.get(*i)) {
            Some(Label::Returned) => m.part_returned(),
            Some(Label::After(name)) => m.part_after(name),
            Some(Label::Named(name)) => m.part_named(cx.ui.lang.pick(name)),
            Some(Label::Index(_)) | None => m.part_index(*i),
        };
        put!(out, cx, "    {indent}{label}");
        // The part's lines are indented below its label: fitted to what is left.
        let inner_cx = &Context {
            ui: cx.ui,
            layout: cx.layout,
            width: cx.width.map(|w| w.saturating_sub(2 + indent.len())),
        };
        let cx = inner_cx;
        let mut inner = String::new();
        match failure {
            Failure::Parts(nested) => write_parts(&mut inner, cx, lesson, test, nested, "  "),
            Failure::Values(diff) => write_diff(&mut inner, cx, diff),
            Failure::Shape { expected, got } => {
                let text = m.shape_mismatch(&shape_text(expected), &shape_text(got));
                for line in text.lines() {
                    put!(inner, cx, "    {line}");
                }
            }
            Failure::Harness(why) => put!(inner, cx, "    {}", m.harness_fault(why)),
            // A part judged by bounds (`parts = [{ at_least = 0.96 }, …]`).
            Failure::Bounds {
                got,
                at_least,
                at_most,
            } => {
                for line in bounds_failed(m, *got, *at_least, *at_most).lines() {
                    put!(inner, cx, "    {line}");
                }
            }
            // A part's failure is always one of the above.
            _ => {}
        }
        for line in inner.lines() {
            let _ = writeln!(out, "  {indent}{line}");
        }
    }
}

/// The tolerance of a comparison as a report states it.
fn tolerance_text(cx: &Context, diff: &ValueDiff) -> String {
    match diff.relative {
        Some(relative) => cx.msg().relative_tolerance(relative, diff.tolerance),
        None => format!("{}", diff.tolerance),
    }
}

fn write_failure(
    out: &mut String,
    cx: &Context,
    lesson: &Lesson,
    test: &Test,
    failure: &CaseFailure,
) {
    let m = cx.msg();
    let case = &test.cases[failure.index];
    let show_inputs = !matches!(
        failure.failure,
        Failure::NotImplemented { .. } | Failure::Missing(Missing::NotRun)
    );
    if show_inputs && !case.args.is_empty() {
        write_inputs(out, cx, lesson, test, &case.args);
    }
    let indented = |text: String| {
        let text: String = text.lines().map(|l| format!("    {l}\n")).collect();
        crate::text::fit(&text, cx.width)
    };
    match &failure.failure {
        Failure::NotImplemented { location } => {
            out.push_str(&indented(m.not_implemented_short(&cx.relative(location))))
        }
        Failure::Panic { message, location } => {
            out.push_str(&indented(m.panicked(&cx.relative(location), message)));
            if let Some(panic) = crate::panics::recognise(message) {
                out.push_str(&indented(m.panic_meaning(&panic)));
                let unsaid = matches!(panic, KnownPanic::Index { index: None, .. });
                if unsaid && lesson.profile == crate::lesson::Profile::Release {
                    out.push_str(&indented(m.index_unknown_when_optimised()));
                }
            }
        }
        Failure::Shape { expected, got } => {
            if let Some(name) = changed_alone(lesson, test) {
                put!(out, cx, "    {}", m.part_after(name));
            }
            out.push_str(&indented(
                m.shape_mismatch(&shape_text(expected), &shape_text(got)),
            ));
        }
        Failure::Values(diff) => {
            if let Some(name) = changed_alone(lesson, test) {
                put!(out, cx, "    {}", m.part_after(name));
            }
            write_diff(out, cx, diff)
        }
        Failure::Parts(parts) => write_parts(out, cx, lesson, test, parts, ""),
        Failure::Bounds {
            got,
            at_least,
            at_most,
        } => out.push_str(&indented(bounds_failed(m, *got, *at_least, *at_most))),
        Failure::Missing(why) => {
            let text = match why {
                Missing::TimedOut(time_use) => {
                    m.timed_out(lesson.time_limit.as_secs_f64(), *time_use)
                }
                Missing::StackOverflow => m.stack_overflow(),
                Missing::OutOfMemory => m.out_of_memory(lesson.memory_limit >> 20),
                Missing::Signal(s) => m.killed_by_signal(*s),
                Missing::Exited(code) => m.exited_early(*code),
                Missing::NotRun => m.not_run(1),
            };
            out.push_str(&indented(text));
        }
        Failure::Harness(why) => out.push_str(&indented(m.harness_fault(why))),
    }
}
/// One failing test: its name, then its first failing case in detail.
pub fn test_report(cx: &Context, lesson: &Lesson, verdict: &TestVerdict) -> String {
    let m = cx.msg();
    let mut out = String::new();
    let cross = cx.cross();
    let test = &lesson.tests[verdict.test];
    let title = m.test_title(&lang_name(cx, test), test.kind);
    let title = cx.ui.paint(&title, |s| s.bold());
    put!(out, cx, "{cross} {title}");
    let not_run = verdict
        .failures
        .iter()
        .filter(|f| matches!(f.failure, Failure::Missing(Missing::NotRun)))
        .count();
    let Some(first) = verdict
        .failures
        .iter()
        .find(|f| !matches!(f.failure, Failure::Missing(Missing::NotRun)))
    else {
        put!(out, cx, "    {}", m.not_run(not_run));
        return out;
    };
    if verdict.cases > 1 {
        let seed = test.cases[first.index].seed;
        put!(
            out,
            cx,
            "    {}",
            m.cases_failed(verdict.failures.len(), verdict.cases, first.index + 1, seed)
        );
    } else if let Some(seed) = test.cases[first.index].seed {
        put!(out, cx, "    {}", m.case_seed(seed));
    }
    write_failure(&mut out, cx, lesson, test, first);
    if not_run > 0 {
        put!(out, cx, "    {}", m.not_run(not_run));
    }
    out
}

/// How a value missed its bounds (`at_least`, `at_most`), in the student's language.
fn bounds_failed(m: Msg, got: f64, at_least: Option<f64>, at_most: Option<f64>) -> String {
    let bound = |b: Option<f64>| b.map(|b| format!("{b}"));
    m.bounds_failed(
        &number(got as f32),
        bound(at_least).as_deref(),
        bound(at_most).as_deref(),
    )
}

/// A fixed test as a report shows it, before anything has run: its title, the call with
/// its inputs (as a failing case shows them), and the value the lesson expects, under the
/// labels a failure would give it. What `dev preview` prints of a lesson's fixed tests.
pub fn fixed_test(cx: &Context, lesson: &Lesson, test: &Test) -> String {
    let m = cx.msg();
    let mut out = String::new();
    let title = m.test_title(&lang_name(cx, test), test.kind);
    put!(out, cx, "{}", cx.ui.paint(&title, |s| s.bold()));
    for case in &test.cases {
        if !case.args.is_empty() {
            write_inputs(&mut out, cx, lesson, test, &case.args);
        }
        let crate::lesson::Expected::Given(expected) = &case.expected else {
            continue;
        };
        match expected {
            Value::Tuple(parts) => {
                let labels = lesson.entries[test.entry].labels.as_deref();
                for (i, part) in parts.iter().enumerate() {
                    let label = match labels.and_then(|l| l.get(i)) {
                        Some(Label::Returned) => m.part_returned(),
                        Some(Label::After(name)) => m.part_after(name),
                        Some(Label::Named(name)) => m.part_named(cx.ui.lang.pick(name)),
                        Some(Label::Index(_)) | None => m.part_index(i),
                    };
                    put!(out, cx, "    {label}");
                    write_expected(&mut out, cx, part, "  ");
                }
            }
            value => {
                if let Some(name) = changed_alone(lesson, test) {
                    put!(out, cx, "    {}", m.part_after(name));
                }
                write_expected(&mut out, cx, value, "");
            }
        }
    }
    out
}

/// An expected value: a number on its line, an array drawn as a report draws it.
fn write_expected(out: &mut String, cx: &Context, value: &Value, indent: &str) {
    let m = cx.msg();
    match value {
        Value::Array { shape, cells } if !shape.is_empty() => {
            let lines = draw_with_width(
                m,
                cells,
                shape,
                None,
                0,
                false,
                CellFit::within(
                    cx.max_width().saturating_sub(6 + indent.len()),
                    cell_width(cells),
                ),
            );
            let block = side_by_side(
                &[(format!("{} {}", m.expected(), shape_text(shape)), lines)],
                &format!("      {indent}"),
                cx.max_width(),
            );
            out.push_str(&block);
        }
        Value::Tuple(parts) => {
            for (i, part) in parts.iter().enumerate() {
                put!(out, cx, "    {indent}{}", m.part_index(i));
                write_expected(out, cx, part, &format!("{indent}  "));
            }
        }
        other => put!(
            out,
            cx,
            "    {indent}{}: {}",
            m.expected(),
            value_line(other)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(test: usize, failed: bool) -> TestVerdict {
        let failures = match failed {
            true => vec![CaseFailure {
                index: 0,
                id: 0,
                failure: Failure::Missing(Missing::NotRun),
                got: None,
            }],
            false => vec![],
        };
        TestVerdict {
            test,
            cases: 1,
            failures,
        }
    }

    fn first_to_fix(states: &[bool]) -> Option<usize> {
        let tests: Vec<TestVerdict> = (states.iter().enumerate())
            .map(|(i, &failed)| verdict(i, failed))
            .collect();
        let failed: Vec<&TestVerdict> = tests.iter().filter(|t| !t.passed()).collect();
        fix_first(&tests, &failed).map(|t| t.test)
    }

    #[test]
    fn the_first_failure_after_passing_tests_is_the_one_to_fix_first() {
        // train with dense 1's gradient wrong: the loss and dense 2 pass, dense 1,
        // conv 2 and conv 1 fail.
        assert_eq!(first_to_fix(&[false, false, true, true, true]), Some(2));
        // Everything wrong from the first test: nothing to point at.
        assert_eq!(first_to_fix(&[true, true, false]), None);
        // One failure alone is the report's first test already.
        assert_eq!(first_to_fix(&[false, true, false]), None);
        assert_eq!(first_to_fix(&[false, false]), None);
    }
}
