//! The verdict: every case's output compared with what it must be, in the checker's process.
//!
//! A case passes only when the student's harness wrote an output for it and that output
//! matches the expected value or the reference's output. No output is a failure.

use crate::harness::run::{Captured, Ending, Outcome};
use crate::harness::wire::WireValue;
use crate::harness::{FileProblem, LessonRun, StudentRun, build::Diagnostic, codegen::Harness};
use crate::lesson::{Expected, Lesson};

/// The panic message of `todo!()`.
const TODO_MESSAGE: &str = "not yet implemented";

/// Why a case produced no output.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    /// The time limit was reached while this case ran.
    TimedOut,
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
    /// The reference itself has no output: a fault of the lesson, not of the student.
    Lesson(String),
}

/// Expected and got, cell by cell.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueDiff {
    pub shape: Vec<usize>,
    pub expected: Vec<f32>,
    pub got: Vec<f32>,
    pub wrong: Vec<bool>,
    /// The flat index of the worst cell.
    pub worst: usize,
    pub tolerance: f64,
    pub is_usize: bool,
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

#[derive(Debug)]
pub enum Verdict {
    Ran {
        tests: Vec<TestVerdict>,
        stdout: Captured,
        stderr: Captured,
        /// The known mistake (an index into the lesson's) that the failures match.
        diagnosis: Option<usize>,
    },
    CompileError {
        diagnostics: Vec<Diagnostic>,
        harness: Harness,
    },
    CargoFailed(String),
    Unreadable(FileProblem),
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Ran { tests, .. } if tests.iter().all(TestVerdict::passed))
    }

    /// The verdicts of the tests, if the code ran.
    pub fn tests(&self) -> &[TestVerdict] {
        match self {
            Verdict::Ran { tests, .. } => tests,
            _ => &[],
        }
    }

    /// Every failure is an untouched `todo!()`: the student has not started.
    pub fn not_started(&self) -> bool {
        let Verdict::Ran { tests, .. } = self else {
            return false;
        };
        let mut failures = tests.iter().flat_map(|t| &t.failures).peekable();
        failures.peek().is_some()
            && failures.all(|f| matches!(f.failure, Failure::NotImplemented { .. }))
    }
}

/// Compares one output with what it must be.
pub fn compare(expected: &WireValue, got: &WireValue, tolerance: f64) -> Option<Failure> {
    let (shape, e, g, is_usize) = match (expected, got) {
        (WireValue::F32(e), WireValue::F32(g)) => (vec![], vec![*e], vec![*g], false),
        (WireValue::Usize(e), WireValue::Usize(g)) => {
            return (e != g).then(|| {
                Failure::Values(ValueDiff {
                    shape: vec![],
                    expected: vec![*e as f32],
                    got: vec![*g as f32],
                    wrong: vec![true],
                    worst: 0,
                    tolerance: 0.0,
                    is_usize: true,
                })
            });
        }
        (WireValue::Array { shape: se, data: e }, WireValue::Array { shape: sg, data: g }) => {
            if se != sg {
                return Some(Failure::Shape {
                    expected: se.clone(),
                    got: sg.clone(),
                });
            }
            (se.clone(), e.clone(), g.clone(), false)
        }
        (e, g) => {
            return Some(Failure::Shape {
                expected: shape_of(e),
                got: shape_of(g),
            });
        }
    };
    let wrong: Vec<bool> = e
        .iter()
        .zip(&g)
        .map(|(e, g)| !close(*e, *g, tolerance))
        .collect();
    if !wrong.contains(&true) {
        return None;
    }
    let distance = |i: usize| {
        let d = (f64::from(g[i]) - f64::from(e[i])).abs();
        if d.is_nan() { f64::INFINITY } else { d }
    };
    let worst = (0..e.len())
        .filter(|&i| wrong[i])
        .max_by(|&a, &b| distance(a).total_cmp(&distance(b)).then(b.cmp(&a)))
        .unwrap_or(0);
    Some(Failure::Values(ValueDiff {
        shape,
        expected: e,
        got: g,
        wrong,
        worst,
        tolerance,
        is_usize,
    }))
}

fn shape_of(value: &WireValue) -> Vec<usize> {
    match value {
        WireValue::Array { shape, .. } => shape.clone(),
        _ => vec![],
    }
}

/// `|got − expected| ≤ tolerance × max(1, |expected|)`; NaN never passes, an infinity only itself.
pub fn close(expected: f32, got: f32, tolerance: f64) -> bool {
    if expected.is_nan() || got.is_nan() {
        return false;
    }
    if expected.is_infinite() || got.is_infinite() {
        return expected == got;
    }
    let (e, g) = (f64::from(expected), f64::from(got));
    (g - e).abs() <= tolerance * e.abs().max(1.0)
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
    match run.ending {
        Ending::TimedOut => Missing::TimedOut,
        _ if stderr.contains("has overflowed its stack") => Missing::StackOverflow,
        _ if stderr.contains("memory allocation of") => Missing::OutOfMemory,
        Ending::Signaled(libc::SIGXCPU) => Missing::TimedOut,
        Ending::Signaled(signal) => Missing::Signal(signal),
        Ending::Exited(code) => Missing::Exited(code),
    }
}

/// Reaches the verdict of a lesson from its run.
pub fn judge(lesson: &Lesson, run: LessonRun) -> Verdict {
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
    for (id, test, case) in lesson.cases() {
        let t = lesson
            .tests
            .iter()
            .position(|x| std::ptr::eq(x, test))
            .unwrap_or(0);
        let index = index_in_test[t];
        index_in_test[t] += 1;
        let expected = match (&case.expected, &run.reference) {
            (Expected::Given(value), _) => Ok(value.clone()),
            (Expected::Reference, Ok(outputs)) => match outputs.get(&id) {
                Some(Outcome::Value(value)) => Ok(value.clone()),
                Some(other) => Err(format!("the reference gave no value: {other:?}")),
                None => Err("the reference gave no output".to_string()),
            },
            (Expected::Reference, Err(why)) => Err(why.clone()),
        };
        let failure = match (result.outcomes.get(&id), expected) {
            (_, Err(why)) => Some(Failure::Lesson(why)),
            (Some(Outcome::Value(got)), Ok(expected)) => compare(&expected, got, test.tolerance),
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
            (Some(Outcome::Error(why)), _) => Some(Failure::Lesson(why.clone())),
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
        diagnosis: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn array(shape: &[usize], data: &[f32]) -> WireValue {
        WireValue::Array {
            shape: shape.to_vec(),
            data: data.to_vec(),
        }
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
        assert!(compare(&WireValue::Usize(3), &WireValue::Usize(4), 1.0).is_some());
    }
}
