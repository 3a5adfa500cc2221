//! A reference that fails its own lesson, said for the lesson's author at the lines of
//! the lesson file: `dev check` and grading's proof judge references by this.

use super::Context;
use crate::course::{self, Course, CourseName};
use crate::lesson::{Expected, Lesson};
use crate::messages::{DevFault, Msg};
use crate::pipeline::Assessment;
use crate::verdict::{Failure, FaultKind, LessonFault, Missing, TestVerdict, Unresolved, Verdict};

/// The limits the reference ran under, which its time-out is told against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustedLimits {
    /// 4 × `time_limit`, at least 10 s (`dev check`'s trusted run; its run as a student's
    /// code is held to `time_limit` and fails a test if slower).
    Generous,
    /// The lesson's own `time_limit` and `memory_limit` (grading's run of the reference).
    Lesson,
}

/// A reference that fails its own lesson, for the lesson's author.
pub struct ReferenceProblem {
    /// The headline and each fault at its line of the lesson file, with the cause.
    pub text: String,
    /// The lesson file and its reference do not work together at all (a fault, a compile
    /// error): nothing else of the lesson can be judged until they do.
    pub broken: bool,
}

/// Whether the reference, checked as a student's code (`assessment`), fails its own
/// lesson, and where and why: `dev check` and grading prove lessons by this.
pub fn reference_problem(
    cx: &Context,
    course: &Course,
    lesson: &Lesson,
    assessment: &Assessment,
    limits: TrustedLimits,
) -> Option<ReferenceProblem> {
    let verdict = &assessment.verdict;
    if verdict.passed() {
        return None;
    }
    let m = cx.msg();
    let mut text = String::new();
    let mut line = |line: String| text.push_str(&format!("{}\n", cx.ui.fit(&line)));
    let broken = match verdict {
        Verdict::LessonFault(faults) => {
            line(m.dev_lesson_broken(&lesson.id));
            for fault in faults {
                text.push_str(&cx.relative(&fault_diagnostic(m, course, lesson, fault, limits)));
            }
            true
        }
        Verdict::CompileError { .. } | Verdict::CargoFailed(_) | Verdict::Unreadable(_) => {
            line(m.dev_reference_does_not_compile(&lesson.id));
            text.push_str(&super::failure_report(cx, lesson, assessment));
            true
        }
        Verdict::Ran { tests, .. } => {
            // A wrong `expected` is the likely cause only when every failure is a
            // value that differs from one the lesson gives.
            let expected_wrong = tests.iter().all(|t| {
                t.failures.iter().all(|f| {
                    matches!(
                        f.failure,
                        Failure::Values(_) | Failure::Shape { .. } | Failure::Parts(_)
                    ) && matches!(
                        lesson.tests[t.test].cases.get(f.index).map(|c| &c.expected),
                        Some(Expected::Given(_))
                    )
                })
            });
            line(match expected_wrong {
                true => m.dev_reference_fails(&lesson.id),
                false => m.dev_reference_fails_tests(&lesson.id),
            });
            for test in tests.iter().filter(|t| !t.passed()) {
                text.push_str(&cx.relative(&failing_test_diagnostic(m, lesson, test)));
            }
            // Values that differ are worth seeing side by side; the diagnostics
            // above say all there is about a panic or a time-out.
            let values = tests.iter().flat_map(|t| &t.failures).any(|f| {
                matches!(
                    f.failure,
                    Failure::Values(_) | Failure::Shape { .. } | Failure::Parts(_)
                )
            });
            if values {
                let mut line = |line: String| text.push_str(&format!("{}\n", cx.ui.fit(&line)));
                line(m.dev_report_is_the_references());
                text.push_str(&super::failure_report(cx, lesson, assessment));
            }
            false
        }
    };
    Some(ReferenceProblem { text, broken })
}

/// A fault of a broken lesson, at its line of the lesson file, for its author: our
/// sentence first, then rustc's or the panic's words.
fn fault_diagnostic(
    m: Msg,
    course: &Course,
    lesson: &Lesson,
    fault: &LessonFault,
    limits: TrustedLimits,
) -> String {
    // A helper's error is shown at its line of the helper's file.
    if let FaultKind::HelperDoesNotCompile {
        helper,
        span,
        rustc,
        ..
    } = &fault.kind
        && let Some(helper) = lesson.helpers.get(*helper)
    {
        return course::render_error_in(
            m.0,
            &helper.file,
            &helper.source,
            span.clone(),
            &m.dev_fault(DevFault::HelperDoesNotCompile(&lesson.id)),
            &[format!("rustc: {rustc}")],
        );
    }
    let case = |case: usize| case_text(m, lesson, fault.test, case);
    let (message, notes) = match &fault.kind {
        FaultKind::DoesNotCompile {
            rustc,
            place,
            unresolved,
        } => {
            let found = unresolved.as_ref().and_then(|name| {
                let (name, module) = match name {
                    Unresolved::Module(name) => (name.as_str(), true),
                    Unresolved::Item(name) => (name.as_str(), false),
                };
                Some((name, course.name_in_course(lesson, name, module)?))
            });
            let message = match (fault.test, fault.entry, &found) {
                (Some(_), _, Some((_, CourseName::Module(module)))) => {
                    m.dev_fault(DevFault::ModuleNotUsed(module))
                }
                (Some(_), _, Some((name, CourseName::Item { module, used }))) => {
                    m.dev_fault(DevFault::ItemOfModule {
                        name,
                        module,
                        used: *used,
                    })
                }
                (Some(_), _, None) if place.is_some() => m.dev_fault(DevFault::LineDoesNotCompile),
                (Some(_), _, None) => m.dev_fault(DevFault::TestDoesNotCompile),
                (None, Some(_), _) => m.dev_fault(DevFault::SignatureDoesNotFit),
                (None, None, _) => m.dev_fault(DevFault::DoesNotCompile),
            };
            (message, vec![m.dev_rustc_said(rustc)])
        }
        FaultKind::HelperDoesNotCompile { rustc, .. } => (
            m.dev_fault(DevFault::HelperDoesNotCompile(&lesson.id)),
            vec![format!("rustc: {rustc}")],
        ),
        FaultKind::CargoFailed(stderr) => (
            m.dev_fault(DevFault::CargoFailed),
            vec![stderr.trim_end().to_string()],
        ),
        FaultKind::Panics {
            case: number,
            message,
            location,
        } => (
            m.dev_fault(DevFault::Panicked(&case(*number))),
            vec![m.dev_panicked_at(location, message)],
        ),
        FaultKind::Stopped(Missing::TimedOut(_)) => match limits {
            TrustedLimits::Generous => (m.dev_fault(DevFault::TooSlow), vec![]),
            TrustedLimits::Lesson => (
                m.dev_fault(DevFault::OverTimeLimit(lesson.time_limit.as_secs_f64())),
                vec![],
            ),
        },
        FaultKind::Stopped(how) => (m.dev_fault(DevFault::Stopped(&m.dev_stopped(how))), vec![]),
        FaultKind::DiffersFromExpected { case: number } => {
            let many = fault
                .test
                .and_then(|t| lesson.tests.get(t))
                .is_some_and(|t| t.cases.len() > 1);
            let number = many.then(|| case(*number));
            (
                m.dev_fault(DevFault::DiffersFromExpected(number.as_deref())),
                vec![],
            )
        }
        FaultKind::NoOutput { case: number, why } => (
            m.dev_fault(DevFault::NoResult(&case(*number))),
            match why.is_empty() {
                true => vec![],
                false => vec![why.clone()],
            },
        ),
    };
    course::render_error_in(
        m.0,
        &lesson.file,
        &lesson.source,
        fault.span(lesson),
        &message,
        &notes,
    )
}

/// A case's number in its test, with its seed if it was drawn: `4 (seed 6)`.
fn case_text(m: Msg, lesson: &Lesson, test: Option<usize>, case: usize) -> String {
    let seed = test
        .and_then(|t| lesson.tests.get(t))
        .and_then(|t| t.cases.get(case))
        .and_then(|c| c.seed);
    m.dev_case(case + 1, seed)
}

/// A test the reference fails (checked as a student's code), at its line, with the cause.
fn failing_test_diagnostic(m: Msg, lesson: &Lesson, verdict: &TestVerdict) -> String {
    let test = &lesson.tests[verdict.test];
    let Some(first) = verdict.failures.first() else {
        return String::new();
    };
    let case = case_text(m, lesson, Some(verdict.test), first.index);
    // A value that differs from the lesson's is said at its `expected`, where the
    // author looks first; anything else at the test.
    let mut span = test.span.clone();
    let (message, notes) = match cause(&first.failure) {
        Failure::Values(_) | Failure::Shape { .. } | Failure::Parts(_) => {
            let case = (test.cases.len() > 1).then_some(case.as_str());
            span = test.expected_span.clone().unwrap_or(span);
            (m.dev_fault(DevFault::DiffersFromExpected(case)), vec![])
        }
        Failure::Bounds {
            got,
            at_least,
            at_most,
        } => {
            let bounds: Vec<String> = [("at_least", at_least), ("at_most", at_most)]
                .iter()
                .filter_map(|(name, b)| b.map(|b| format!("`{name} = {b}`")))
                .collect();
            let fault = DevFault::OutOfBounds {
                case: &case,
                got: *got as f32,
                bounds: &bounds,
            };
            (m.dev_fault(fault), vec![])
        }
        Failure::NotImplemented { location } => (
            m.dev_fault(DevFault::ReachesTodo(&case)),
            vec![m.dev_at(location)],
        ),
        Failure::Panic { message, location } => (
            m.dev_fault(DevFault::Panicked(&case)),
            vec![m.dev_panicked_at(location, message)],
        ),
        Failure::Missing(Missing::TimedOut(_)) => (
            m.dev_fault(DevFault::OverTimeLimit(lesson.time_limit.as_secs_f64())),
            vec![],
        ),
        Failure::Missing(how) => (
            m.dev_fault(DevFault::StoppedInCase(&case, &m.dev_stopped(how))),
            vec![],
        ),
        Failure::Harness(why) => (
            m.dev_fault(DevFault::HarnessFailed(&case)),
            vec![why.clone()],
        ),
    };
    course::render_error_in(
        m.0,
        &lesson.file,
        &lesson.source,
        Some(span),
        &message,
        &notes,
    )
}

/// What a failure of the reference is about: in a tuple, a part that missed its bound
/// (`parts = [{ at_least = … }]`; the reference is not compared with itself), else itself.
fn cause(failure: &Failure) -> &Failure {
    match failure {
        Failure::Parts(parts) => parts
            .iter()
            .map(|(_, part)| cause(part))
            .find(|part| matches!(part, Failure::Bounds { .. }))
            .unwrap_or(failure),
        other => other,
    }
}
