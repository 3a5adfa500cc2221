//! The verdict: every case's output compared with what it must be, in the checker's process.
//!
//! A case passes only when the student's harness wrote an output for it and that output
//! matches the expected value or the reference's output. No output is a failure.

use crate::exit::Exit;
use crate::harness::codegen;
use crate::harness::run::{Captured, Ending, Outcome, TimeUse};
use crate::harness::{
    FileProblem, LessonRun, ReferenceFault, ReferenceOutputs, StudentRun, build::Diagnostic,
    codegen::Harness,
};
use crate::lesson::code_lines::{self, CodePlace};
use crate::lesson::compare::{allowed, within};
use crate::lesson::{Compare, EntryKind, Expected, Lesson};
use cnnlings_runtime::{Cells, Value};
use std::ops::Range;

/// The panic message of `todo!()`.
const TODO_MESSAGE: &str = "not yet implemented";

/// Why a case produced no output.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    /// The time limit was reached while this case ran; how the time went.
    TimedOut(TimeUse),
    StackOverflow,
    OutOfMemory,
    /// The process was killed by this signal.
    Signal(i32),
    /// The process exited with this status before the case finished.
    Exited(i32),
    /// An earlier case ended the process; this one never ran.
    NotRun,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    NotImplemented {
        location: String,
    },
    Panic {
        message: String,
        location: String,
    },
    Missing(Missing),
    Shape {
        expected: Vec<usize>,
        got: Vec<usize>,
    },
    Values(ValueDiff),
    /// Parts of a tuple that differ, each with its index in the tuple (the lesson's
    /// entry labels them); the parts not listed are right.
    Parts(Vec<(usize, Failure)>),
    /// One number outside the test's bounds (`at_least`, `at_most`).
    Bounds {
        got: f64,
        at_least: Option<f64>,
        at_most: Option<f64>,
    },
    /// The harness could not give the student's code this case or read its result:
    /// a fault of the checker, not of the student.
    Harness(String),
}

/// Expected and got, cell by cell.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueDiff {
    pub shape: Vec<usize>,
    pub expected: Cells,
    pub got: Cells,
    pub wrong: Vec<bool>,
    /// The flat index of the worst cell.
    pub worst: usize,
    pub tolerance: f64,
    /// The relative tolerance, when the test gives one.
    pub relative: Option<f64>,
}

impl ValueDiff {
    pub fn wrong_count(&self) -> usize {
        self.wrong.iter().filter(|w| **w).count()
    }
}

#[derive(Debug, Clone)]
pub struct CaseFailure {
    /// The case's index within its test (from 0).
    pub index: usize,
    /// The case's id in the run.
    pub id: usize,
    pub failure: Failure,
    /// What the student's code produced, if anything.
    pub got: Option<Outcome>,
}

#[derive(Debug, Clone)]
pub struct TestVerdict {
    pub test: usize,
    pub cases: usize,
    pub failures: Vec<CaseFailure>,
}

impl TestVerdict {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// A test's output to draw for the student (see [`crate::lesson::Show`]): the student's
/// own output and the case's inputs.
#[derive(Debug, Clone)]
pub struct Exhibit {
    /// The test it comes from (an index into the lesson's).
    pub test: usize,
    pub show: crate::lesson::Show,
    pub output: Value,
    pub inputs: Vec<Value>,
    /// The whole output, when `output` is one part of a tuple.
    pub whole: Option<Value>,
}

#[derive(Debug)]
pub enum Verdict {
    Ran {
        tests: Vec<TestVerdict>,
        stdout: Captured,
        stderr: Captured,
        /// What the student's outputs show, for tests with a `show` (their first case).
        exhibits: Vec<Exhibit>,
    },
    CompileError {
        diagnostics: Vec<Diagnostic>,
        harness: Harness,
    },
    CargoFailed(String),
    Unreadable(FileProblem),
    /// The lesson itself is broken (its reference or its file): the student's code
    /// cannot be judged. Never empty.
    LessonFault(Vec<LessonFault>),
}

/// A fault of the lesson found while checking it: the reference solution, or a test of
/// the lesson file, does not work.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonFault {
    pub kind: FaultKind,
    /// The test it shows in, if known.
    pub test: Option<usize>,
    /// The harness entry it is in, if known (a compile error).
    pub entry: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FaultKind {
    /// The reference, or a test's code with it, does not compile; `rustc` says why.
    DoesNotCompile {
        rustc: String,
        /// Where in a scenario's code rustc put the error, if it is there.
        place: Option<CodePlace>,
        /// The name rustc could not find, if that is the error.
        unresolved: Option<Unresolved>,
    },
    /// cargo failed without a word from rustc.
    CargoFailed(String),
    /// The reference panicked on a case (the index within its test).
    Panics {
        case: usize,
        message: String,
        location: String,
    },
    /// The reference's run stopped before this test had its outputs.
    Stopped(Missing),
    /// The reference gave no usable output for a case.
    NoOutput { case: usize, why: String },
    /// The reference's output for a case differs from the `expected` the lesson writes
    /// (the index within its test): the lesson's value is most likely wrong.
    DiffersFromExpected { case: usize },
    /// A helper of the lesson's (`lessons/helpers/<name>.rs`, `lesson.helpers[helper]`)
    /// does not compile with the reference; rustc says why, at this place of the helper.
    HelperDoesNotCompile {
        helper: usize,
        /// The bytes of the helper's text rustc points at.
        span: Option<Range<usize>>,
        /// The line (from 1).
        line: usize,
        rustc: String,
    },
}

impl LessonFault {
    /// Where in the lesson file the fault is best shown: a scenario's code or a
    /// signature for a compile error, else the test.
    pub fn span(&self, lesson: &Lesson) -> Option<Range<usize>> {
        let test = self.test.and_then(|t| lesson.tests.get(t));
        if matches!(self.kind, FaultKind::DoesNotCompile { .. }) {
            match self
                .entry
                .and_then(|e| lesson.entries.get(e))
                .map(|e| &e.kind)
            {
                Some(EntryKind::Call(f)) => return lesson.spans.functions.get(*f).cloned(),
                Some(EntryKind::Snippet { code, .. }) => {
                    let test = test?;
                    let Some(code_span) = &test.code_span else {
                        return Some(test.span.clone());
                    };
                    let line = match &self.kind {
                        FaultKind::DoesNotCompile {
                            place: Some(place), ..
                        } => code_lines::span_of(&lesson.source, code_span, code, *place),
                        _ => None,
                    };
                    return line.or(Some(code_span.clone()));
                }
                None => {}
            }
        }
        // A value the reference disagrees with is shown at the `expected` that gives it.
        if matches!(self.kind, FaultKind::DiffersFromExpected { .. })
            && let Some(span) = test.and_then(|t| t.expected_span.clone())
        {
            return Some(span);
        }
        test.map(|t| t.span.clone())
    }
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Ran { tests, .. } if tests.iter().all(TestVerdict::passed))
    }

    /// The exit status of a check with this verdict: passed, failed, or (for a broken
    /// lesson) the status of a lesson-file error.
    pub fn exit_code(&self) -> Exit {
        match self {
            v if v.passed() => Exit::Passed,
            Verdict::LessonFault(_) => Exit::Usage,
            _ => Exit::Failed,
        }
    }

    /// The verdicts of the tests, if the code ran.
    pub fn tests(&self) -> &[TestVerdict] {
        match self {
            Verdict::Ran { tests, .. } => tests,
            _ => &[],
        }
    }

    /// Every failure is an untouched `todo!()`: of this lesson's module or, when one is
    /// to blame, of an earlier one's (`Assessment::not_started` tells them apart).
    pub fn only_todos(&self) -> bool {
        let Verdict::Ran { tests, .. } = self else {
            return false;
        };
        let mut failures = tests.iter().flat_map(|t| &t.failures).peekable();
        failures.peek().is_some()
            && failures.all(|f| matches!(f.failure, Failure::NotImplemented { .. }))
    }
}

/// Judges one output by a test's rule.
pub fn judge_output(compare: &Compare, expected: &Value, got: &Value) -> Option<Failure> {
    match *compare {
        Compare::Close {
            tolerance,
            relative,
        } => compare_by(expected, got, tolerance, relative),
        Compare::Bounds { at_least, at_most } => {
            let number = match got {
                Value::Array { shape, cells } if shape.is_empty() => cells.number(0),
                _ => None,
            };
            let Some(number) = number else {
                return Some(Failure::Harness(format!(
                    "bounds judge one number, and the output is {}",
                    got.describe()
                )));
            };
            (!within(number, at_least, at_most)).then_some(Failure::Bounds {
                got: number,
                at_least,
                at_most,
            })
        }
        Compare::Parts(ref rules) => {
            let (Value::Tuple(expected), Value::Tuple(got)) = (expected, got) else {
                return Some(Failure::Harness(format!(
                    "the output is {}, not a tuple as expected",
                    got.describe()
                )));
            };
            if expected.len() != rules.len() || got.len() != rules.len() {
                return Some(Failure::Harness(format!(
                    "the output has {} parts, not {}",
                    got.len(),
                    rules.len()
                )));
            }
            let parts: Vec<(usize, Failure)> = rules
                .iter()
                .zip(expected.iter().zip(got))
                .enumerate()
                .filter_map(|(i, (rule, (e, g)))| {
                    judge_output(rule.as_ref()?, e, g).map(|f| (i, f))
                })
                .collect();
            (!parts.is_empty()).then_some(Failure::Parts(parts))
        }
    }
}

/// Compares one output with what it must be, within an absolute tolerance.
#[cfg(test)]
pub fn compare(expected: &Value, got: &Value, tolerance: f64) -> Option<Failure> {
    compare_by(expected, got, tolerance, None)
}

/// Compares one output with what it must be: numbers and arrays cell by cell (a kind
/// compared within a tolerance, such as `f32`, within `tolerance` and `relative`; the
/// others exactly), tuples part by part.
pub fn compare_by(
    expected: &Value,
    got: &Value,
    tolerance: f64,
    relative: Option<f64>,
) -> Option<Failure> {
    let (se, e, sg, g) = match (expected, got) {
        (Value::Tuple(e), Value::Tuple(g)) if e.len() == g.len() => {
            let parts: Vec<(usize, Failure)> = e
                .iter()
                .zip(g)
                .enumerate()
                .filter_map(|(i, (e, g))| compare_by(e, g, tolerance, relative).map(|f| (i, f)))
                .collect();
            return (!parts.is_empty()).then_some(Failure::Parts(parts));
        }
        (
            Value::Array {
                shape: se,
                cells: e,
            },
            Value::Array {
                shape: sg,
                cells: g,
            },
        ) if e.kind() == g.kind() => (se, e, sg, g),
        (e, g) => {
            return Some(Failure::Harness(format!(
                "the output is {}, not {} as expected",
                g.describe(),
                e.describe()
            )));
        }
    };
    if se != sg {
        return Some(Failure::Shape {
            expected: se.clone(),
            got: sg.clone(),
        });
    }
    let near = |x: f64, y: f64| close_by(x as f32, y as f32, tolerance, relative);
    let wrong: Vec<bool> = (0..e.len()).map(|i| !e.same_cell(g, i, &near)).collect();
    if !wrong.contains(&true) {
        return None;
    }
    // The worst cell is the farthest off; of a kind compared exactly, the first wrong one.
    let distance = |i: usize| match (e.tolerant(i), g.tolerant(i)) {
        (Some(x), Some(y)) if (y - x).is_nan() => f64::INFINITY,
        (Some(x), Some(y)) => (y - x).abs(),
        _ => 1.0,
    };
    let worst = (0..e.len())
        .filter(|&i| wrong[i])
        .max_by(|&a, &b| distance(a).total_cmp(&distance(b)).then(b.cmp(&a)))
        .unwrap_or(0);
    Some(Failure::Values(ValueDiff {
        shape: se.clone(),
        expected: e.clone(),
        got: g.clone(),
        wrong,
        worst,
        tolerance,
        relative,
    }))
}

/// `|got − expected| ≤ tolerance × max(1, |expected|)`; NaN never passes, an infinity only itself.
pub fn close(expected: f32, got: f32, tolerance: f64) -> bool {
    close_by(expected, got, tolerance, None)
}

/// As [`close`]; with `relative`, `|got − expected| ≤ relative × |expected| + tolerance`.
pub fn close_by(expected: f32, got: f32, tolerance: f64, relative: Option<f64>) -> bool {
    if expected.is_nan() || got.is_nan() {
        return false;
    }
    if expected.is_infinite() || got.is_infinite() {
        return expected == got;
    }
    let (e, g) = (f64::from(expected), f64::from(got));
    (g - e).abs() <= allowed(e, tolerance, relative)
}

/// Why the process left a case without output.
///
/// The process stopped at the case that had started and not finished; when none had (it
/// died before the first case, or between two), at the first case without an output.
/// That case is told what stopped the process; the cases after it never ran.
fn missing(
    run: &crate::harness::run::RunResult,
    id: usize,
    first_missing: Option<usize>,
) -> Missing {
    let stopped_at = match run.unfinished {
        Some(case) => Some(case),
        None if !run.done => first_missing,
        None => None,
    };
    if stopped_at != Some(id) {
        return Missing::NotRun;
    }
    let stderr = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stderr.head),
        String::from_utf8_lossy(run.stderr.shown_tail())
    );
    stopped(run.ending, &stderr)
}

/// How a process that stopped early ended, from its ending and its stderr.
fn stopped(ending: Ending, stderr: &str) -> Missing {
    match ending {
        Ending::TimedOut(time_use) => Missing::TimedOut(time_use),
        _ if stderr.contains("has overflowed its stack") => Missing::StackOverflow,
        _ if stderr.contains("memory allocation of") => Missing::OutOfMemory,
        // The processor-time limit: it computed all along.
        Ending::Signaled(libc::SIGXCPU) => Missing::TimedOut(TimeUse::Computing),
        Ending::Signaled(signal) => Missing::Signal(signal),
        Ending::Exited(code) => Missing::Exited(code),
    }
}

/// The test a case belongs to, and its index within that test.
pub(crate) fn case_position(lesson: &Lesson, id: usize) -> Option<(usize, usize)> {
    let mut first = 0;
    for (t, test) in lesson.tests.iter().enumerate() {
        if id < first + test.cases.len() {
            return Some((t, id - first));
        }
        first += test.cases.len();
    }
    None
}

/// The fault of a compile error in one of the lesson's helpers, at its place there.
fn helper_fault(
    lesson: &Lesson,
    harness: &Harness,
    d: &crate::harness::build::Diagnostic,
) -> Option<LessonFault> {
    let (file, line, column) = d.primary.as_ref()?;
    let at = harness.helper_files.iter().position(|f| f == file)?;
    let helper = lesson.helpers.get(at)?;
    let marked = d
        .source
        .as_ref()
        .map_or("", |(_, marked, _)| marked.as_str());
    Some(LessonFault {
        kind: FaultKind::HelperDoesNotCompile {
            helper: at,
            span: helper.span_at(*line, *column, marked),
            line: *line,
            rustc: rustc_words(d),
        },
        test: None,
        entry: None,
    })
}

/// The faults of the lesson that its reference outputs show: a reference that does
/// not compile or finish, or that gives no value for a case whose expected value is
/// the reference's. One fault per test, for its first case.
pub fn reference_faults(lesson: &Lesson, reference: &ReferenceOutputs) -> Vec<LessonFault> {
    let mut faults: Vec<LessonFault> = Vec::new();
    let outputs = match reference {
        Ok(outputs) => outputs,
        Err(ReferenceFault::DoesNotCompile {
            diagnostics,
            harness,
        }) => {
            for d in diagnostics {
                if let Some(fault) = helper_fault(lesson, harness, d) {
                    if !faults.contains(&fault) {
                        faults.push(fault);
                    }
                    continue;
                }
                let line = d
                    .primary
                    .as_ref()
                    .filter(|(p, ..)| *p == harness.main_rs)
                    .map(|(_, l, _)| *l);
                let entry =
                    line.and_then(|l| harness.entry_lines.iter().position(|r| r.contains(&l)));
                let place = entry.and_then(|e| snippet_place(d, harness.snippet_starts.get(e)?));
                // A scenario's code is its test's; a function's signature is the lesson's.
                let test = entry
                    .filter(|e| {
                        matches!(
                            lesson.entries.get(*e).map(|e| &e.kind),
                            Some(EntryKind::Snippet { .. })
                        )
                    })
                    .and_then(|e| lesson.tests.iter().position(|t| t.entry == e));
                // Errors in the reference's own files are shown as rustc renders them.
                let rustc = match line {
                    Some(_) => rustc_words(d),
                    None => d.rendered.trim_end().to_string(),
                };
                let fault = LessonFault {
                    kind: FaultKind::DoesNotCompile {
                        rustc,
                        place,
                        unresolved: place.and_then(|_| unresolved_name(&d.message)),
                    },
                    test,
                    entry,
                };
                if !faults.contains(&fault) {
                    faults.push(fault);
                }
            }
            if faults.is_empty() {
                faults.push(LessonFault {
                    kind: FaultKind::DoesNotCompile {
                        rustc: String::new(),
                        place: None,
                        unresolved: None,
                    },
                    test: None,
                    entry: None,
                });
            }
            return faults;
        }
        Err(ReferenceFault::CargoFailed(stderr)) => {
            return vec![LessonFault {
                kind: FaultKind::CargoFailed(stderr.clone()),
                test: None,
                entry: None,
            }];
        }
        Err(ReferenceFault::DidNotFinish {
            ending,
            unfinished,
            stderr,
        }) => {
            let test = unfinished
                .and_then(|id| case_position(lesson, id))
                .map(|(t, _)| t);
            return vec![LessonFault {
                kind: FaultKind::Stopped(stopped(*ending, stderr)),
                test,
                entry: None,
            }];
        }
    };
    for (id, test, case) in lesson.cases() {
        if case.expected != Expected::Reference {
            continue;
        }
        let Some((t, index)) = case_position(lesson, id) else {
            continue;
        };
        if faults.iter().any(|f| f.test == Some(t)) {
            continue;
        }
        let kind = match outputs.get(&id) {
            Some(Outcome::Value(_)) => continue,
            Some(Outcome::Panic { message, location }) => FaultKind::Panics {
                case: index,
                message: message.clone(),
                location: location.clone(),
            },
            Some(Outcome::Error(why)) => FaultKind::NoOutput {
                case: index,
                why: why.clone(),
            },
            None => FaultKind::NoOutput {
                case: index,
                why: String::new(),
            },
        };
        faults.push(LessonFault {
            kind,
            test: Some(t),
            entry: Some(test.entry),
        });
    }
    faults
}

/// The tests whose `expected` the reference's own outputs disagree with, one fault per
/// test, for its first such case. A student's check says the lesson is at fault there
/// rather than the student's code, which may well be right (`dev check` says the same to
/// the author at the `expected`, from the reference's verdict).
pub fn expected_faults(lesson: &Lesson, reference: &ReferenceOutputs) -> Vec<LessonFault> {
    let Ok(outputs) = reference else {
        return Vec::new();
    };
    let mut faults: Vec<LessonFault> = Vec::new();
    for (id, test, case) in lesson.cases() {
        let (Expected::Given(expected), Some(Outcome::Value(got))) =
            (&case.expected, outputs.get(&id))
        else {
            continue;
        };
        let Some((t, index)) = case_position(lesson, id) else {
            continue;
        };
        if faults.iter().any(|f| f.test == Some(t))
            || judge_output(&test.compare, expected, got).is_none()
        {
            continue;
        }
        faults.push(LessonFault {
            kind: FaultKind::DiffersFromExpected { case: index },
            test: Some(t),
            entry: Some(test.entry),
        });
    }
    faults
}

/// rustc's message with the label of its primary span: "mismatched types: expected
/// `f32`, found `f64`".
pub fn rustc_words(d: &Diagnostic) -> String {
    match &d.label {
        Some(label) => format!("{}: {label}", d.message),
        None => d.message.clone(),
    }
}

/// Where in a scenario's code an error of rustc is, given the line of `main.rs` where
/// the code starts (see [`codegen::SNIPPET_INDENT`]); `None` outside the code.
fn snippet_place(d: &Diagnostic, start: &Option<usize>) -> Option<CodePlace> {
    let (_, line, column) = d.primary.as_ref()?;
    let line = line.checked_sub((*start)?)?;
    let column = column.checked_sub(1 + codegen::SNIPPET_INDENT)?;
    let width = d
        .source
        .as_ref()
        .map_or(1, |(_, marked, _)| marked.chars().count());
    Some(CodePlace {
        line,
        column,
        width,
    })
}

/// A name that rustc could not find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// A module, the first of a path: `digits` of `crate::digits::load`.
    Module(String),
    /// An item named alone: `scale` of `scale(&v, 2.0)`.
    Item(String),
}

/// The name rustc could not find, from its message: the module of "cannot find `digits`
/// in `crate`" (E0433) and of "unresolved import `crate::digits::load`" (E0432), the
/// item of "cannot find function `scale` in this scope" (E0425).
pub fn unresolved_name(message: &str) -> Option<Unresolved> {
    let about = ["cannot find", "failed to resolve", "unresolved import"];
    if !about.iter().any(|start| message.starts_with(start)) {
        return None;
    }
    let quoted = message.split('`').nth(1)?;
    let name = quoted
        .split("::")
        .find(|segment| !matches!(*segment, "crate" | "self" | "super" | ""))?
        .to_string();
    let module = [
        "in `crate`",
        "in the crate root",
        "unresolved import",
        "unresolved module",
    ]
    .iter()
    .any(|says| message.contains(says));
    Some(match module {
        true => Unresolved::Module(name),
        false => Unresolved::Item(name),
    })
}

/// Reaches the verdict of a lesson from its run.
///
/// A broken lesson is said before anything about the student's code, unless the
/// student's own files do not compile: that is true and theirs to fix either way.
pub fn judge(lesson: &Lesson, run: LessonRun) -> Verdict {
    let faults = reference_faults(lesson, &run.reference);
    let own_errors = match &run.student {
        StudentRun::CompileError {
            diagnostics,
            harness,
        } => diagnostics.iter().any(|d| {
            d.primary
                .as_ref()
                .is_some_and(|(file, ..)| harness.module_files.contains(file))
        }),
        StudentRun::Unreadable(_) => true,
        _ => false,
    };
    if !faults.is_empty() && !own_errors {
        return Verdict::LessonFault(faults);
    }
    let result = match run.student {
        StudentRun::CompileError {
            diagnostics,
            harness,
        } => {
            return Verdict::CompileError {
                diagnostics,
                harness,
            };
        }
        StudentRun::CargoFailed(stderr) => return Verdict::CargoFailed(stderr),
        StudentRun::Unreadable(problem) => return Verdict::Unreadable(problem),
        StudentRun::Ran(result) => result,
    };
    let mut tests: Vec<TestVerdict> = (0..lesson.tests.len())
        .map(|t| TestVerdict {
            test: t,
            cases: lesson.tests[t].cases.len(),
            failures: vec![],
        })
        .collect();
    let first_missing = lesson
        .cases()
        .map(|(id, ..)| id)
        .find(|id| !result.outcomes.contains_key(id));
    let mut index_in_test = vec![0usize; lesson.tests.len()];
    let mut exhibits = Vec::new();
    for (id, test, case) in lesson.cases() {
        let t = lesson
            .tests
            .iter()
            .position(|x| std::ptr::eq(x, test))
            .unwrap_or(0);
        let index = index_in_test[t];
        index_in_test[t] += 1;
        if let (Some((show, part)), 0, Some(Outcome::Value(got))) =
            (test.show, index, result.outcomes.get(&id))
        {
            let output = match (part, got) {
                (None, got) => Some(got),
                (Some(part), Value::Tuple(parts)) => parts.get(part),
                (Some(_), _) => None,
            };
            if let Some(output) = output {
                exhibits.push(Exhibit {
                    test: t,
                    show,
                    output: output.clone(),
                    inputs: case.args.clone(),
                    whole: part.map(|_| got.clone()),
                });
            }
        }
        // Every case expecting the reference's output has one: faults were found above.
        let expected = match (&case.expected, &run.reference) {
            (Expected::Given(value), _) => Some(value),
            (Expected::Reference, Ok(outputs)) => match outputs.get(&id) {
                Some(Outcome::Value(value)) => Some(value),
                _ => None,
            },
            (Expected::Reference, Err(_)) => None,
        };
        let failure = match (result.outcomes.get(&id), expected) {
            (Some(Outcome::Value(got)), Some(expected)) => {
                judge_output(&test.compare, expected, got)
            }
            (Some(Outcome::Value(_)), None) => Some(Failure::Harness(
                "the reference gave no output for this case".to_string(),
            )),
            (Some(Outcome::Panic { message, location }), _)
                if message == TODO_MESSAGE || message.starts_with("not yet implemented: ") =>
            {
                Some(Failure::NotImplemented {
                    location: location.clone(),
                })
            }
            (Some(Outcome::Panic { message, location }), _) => Some(Failure::Panic {
                message: message.clone(),
                location: location.clone(),
            }),
            (Some(Outcome::Error(why)), _) => Some(Failure::Harness(why.clone())),
            (None, _) => Some(Failure::Missing(missing(&result, id, first_missing))),
        };
        if let Some(failure) = failure {
            let got = result.outcomes.get(&id).cloned();
            tests[t].failures.push(CaseFailure {
                index,
                id,
                failure,
                got,
            });
        }
    }
    Verdict::Ran {
        tests,
        stdout: result.stdout,
        stderr: result.stderr,
        exhibits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_rustc_could_not_find_is_read_from_its_message() {
        use Unresolved::{Item, Module};
        let name = |message: &str| unresolved_name(message);
        let module = |name: &str| Some(Module(name.to_string()));
        let item = |name: &str| Some(Item(name.to_string()));
        assert_eq!(name("cannot find `digits` in `crate`"), module("digits"));
        assert_eq!(
            name("cannot find function `scale` in this scope"),
            item("scale")
        );
        assert_eq!(
            name("unresolved import `crate::digits::load`"),
            module("digits")
        );
        assert_eq!(
            name("failed to resolve: use of undeclared type `Grid`"),
            item("Grid")
        );
        assert_eq!(name("mismatched types"), None);
    }

    fn array(shape: &[usize], data: &[f32]) -> Value {
        Value::array(shape.to_vec(), data.to_vec())
    }

    #[test]
    fn parts_are_judged_each_by_its_rule_and_unjudged_parts_never_fail() {
        let rules = Compare::Parts(vec![
            Some(Compare::Bounds {
                at_least: Some(0.96),
                at_most: None,
            }),
            None,
        ]);
        let pair = |accuracy: f32, losses: &[f32]| {
            Value::Tuple(vec![
                Value::scalar(accuracy),
                array(&[losses.len()], losses),
            ])
        };
        let reference = pair(0.97, &[1.0, 0.5]);
        assert_eq!(
            judge_output(&rules, &reference, &pair(0.965, &[9.0, f32::NAN])),
            None
        );
        let Some(Failure::Parts(parts)) =
            judge_output(&rules, &reference, &pair(0.95, &[1.0, 0.5]))
        else {
            panic!("a low accuracy fails");
        };
        assert_eq!(parts.len(), 1);
        assert!(matches!(parts[0], (0, Failure::Bounds { .. })));
        assert!(matches!(
            judge_output(&rules, &reference, &Value::scalar(0.99f32)),
            Some(Failure::Harness(_))
        ));
    }

    #[test]
    fn tolerance_is_relative_above_one_and_absolute_below() {
        assert!(close(1000.0, 1000.05, 1e-4));
        assert!(!close(1000.0, 1000.2, 1e-4));
        assert!(close(0.0, 0.00009, 1e-4));
        assert!(!close(0.0, 0.0002, 1e-4));
    }

    #[test]
    fn nan_and_infinities_never_pass_by_accident() {
        assert!(!close(f32::NAN, f32::NAN, 1.0));
        assert!(!close(1.0, f32::NAN, 1.0));
        assert!(!close(1.0, f32::INFINITY, 1e30));
        assert!(close(f32::INFINITY, f32::INFINITY, 0.0));
        assert!(!close(f32::INFINITY, f32::NEG_INFINITY, 1.0));
    }

    #[test]
    fn reports_shapes_and_the_worst_cell() {
        assert_eq!(
            compare(&array(&[3, 3], &[0.0; 9]), &array(&[2, 2], &[0.0; 4]), 1e-4),
            Some(Failure::Shape {
                expected: vec![3, 3],
                got: vec![2, 2]
            })
        );
        let Some(Failure::Values(diff)) = compare(
            &array(&[1, 3], &[4.0, 3.0, 5.0]),
            &array(&[1, 3], &[4.0, 2.0, 8.0]),
            1e-4,
        ) else {
            panic!("values differ")
        };
        assert_eq!(diff.wrong, vec![false, true, true]);
        assert_eq!(diff.worst, 2);
        assert_eq!(
            compare(&array(&[2], &[1.0, 2.0]), &array(&[2], &[1.0, 2.0]), 0.0),
            None
        );
        assert!(compare(&Value::scalar(3usize), &Value::scalar(4usize), 1.0).is_some());
    }

    #[test]
    fn new_types_compare_exactly_and_tuples_part_by_part() {
        let labels = Value::array(vec![4], vec![1usize, 0, 3, 3]);
        let Some(Failure::Values(diff)) =
            compare(&labels, &Value::array(vec![4], vec![1usize, 2, 3, 0]), 1e9)
        else {
            panic!("labels differ")
        };
        assert_eq!(diff.wrong, vec![false, true, false, true]);
        assert_eq!(diff.worst, 1, "the first wrong label");
        assert!(compare(&Value::scalar(true), &Value::scalar(false), 1.0).is_some());
        assert!(compare(&Value::scalar(7u64), &Value::scalar(7u64), 0.0).is_none());
        let grads = |b: f32| {
            Value::Tuple(vec![
                array(&[2], &[1.0, 2.0]),
                array(&[1, 2], &[3.0, 4.0]),
                array(&[1], &[b]),
            ])
        };
        assert_eq!(compare(&grads(0.5), &grads(0.5), 1e-4), None);
        let Some(Failure::Parts(parts)) = compare(&grads(0.5), &grads(-0.5), 1e-4) else {
            panic!("a part differs")
        };
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].0, 2);
        assert!(matches!(
            compare(&Value::scalar(1.0f32), &Value::scalar(1usize), 1.0),
            Some(Failure::Harness(_))
        ));
    }
}
