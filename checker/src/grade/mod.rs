//! Grades: the score of every test and lesson, and the formats they are written in
//! (a table for people, JSON for scripts, JUnit XML for CI, Gradescope's results.json,
//! a gradebook CSV for a class).
//!
//! A test earns its points when every one of its cases passes; a lesson earns the sum
//! of its tests' points, so partial credit comes per test. Points are counted in whole
//! hundredths ([`points`]), so full marks are exactly the maximum.

pub mod formats;
pub mod points;

use crate::lesson::{Lesson, TestKind};
use crate::report::{self, Context};
use crate::verdict::Verdict;
use points::Points;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct GradedTest {
    pub name: String,
    pub kind: &'static str,
    pub score: Points,
    pub max_score: Points,
    pub passed: bool,
    pub cases: usize,
    pub failed_cases: usize,
    /// The failure report of this test; empty when it passed.
    pub output: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GradedLesson {
    pub id: String,
    pub title: String,
    pub score: Points,
    pub max_score: Points,
    pub passed: bool,
    /// What stopped every test at once (a compile error, a missing file, code that
    /// grading refuses); else empty.
    pub output: String,
    pub tests: Vec<GradedTest>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Grades {
    pub score: Points,
    pub max_score: Points,
    pub passed: bool,
    pub lessons: Vec<GradedLesson>,
}

/// A lesson as grading found it: judged on its tests, or refused before it was built
/// (with the reason, for the student).
pub type Judged = Result<Verdict, String>;

fn kind_name(kind: TestKind) -> &'static str {
    match kind {
        TestKind::Fixed => "fixed",
        TestKind::Random => "random",
        TestKind::Scenario => "scenario",
    }
}

/// Grades every lesson from its verdict.
pub fn grade(cx: &Context, lessons: &[Lesson], judged: &[Judged]) -> Grades {
    let graded: Vec<GradedLesson> = lessons
        .iter()
        .zip(judged)
        .map(|(lesson, judged)| grade_lesson(cx, lesson, judged))
        .collect();
    Grades {
        score: graded.iter().map(|l| l.score).sum(),
        max_score: graded.iter().map(|l| l.max_score).sum(),
        passed: graded.iter().all(|l| l.passed),
        lessons: graded,
    }
}

fn grade_lesson(cx: &Context, lesson: &Lesson, judged: &Judged) -> GradedLesson {
    let max_score = Points::whole(lesson.points);
    let weights: Vec<f64> = lesson.tests.iter().map(|t| t.points).collect();
    let shares = points::apportion(max_score, &weights);
    let verdict = match judged {
        Ok(verdict) => verdict,
        Err(reason) => {
            return GradedLesson {
                id: lesson.id.clone(),
                title: cx.lang.pick(&lesson.title).to_string(),
                score: Points::ZERO,
                max_score,
                passed: false,
                output: reason.clone(),
                tests: lesson
                    .tests
                    .iter()
                    .zip(&shares)
                    .map(|(test, share)| GradedTest {
                        name: cx.lang.pick(&test.name).to_string(),
                        kind: kind_name(test.kind),
                        score: Points::ZERO,
                        max_score: *share,
                        passed: false,
                        cases: test.cases.len(),
                        failed_cases: test.cases.len(),
                        output: reason.clone(),
                    })
                    .collect(),
            };
        }
    };
    let ran = matches!(verdict, Verdict::Ran { .. });
    // Without a run (a compile error, say) every test fails for the same reason.
    let whole = if ran {
        String::new()
    } else {
        report::failure_report(cx, lesson, verdict)
    };
    // A recognised mistake is said with every failing test: each may be read alone.
    let known = match verdict {
        Verdict::Ran {
            diagnosis: Some(i), ..
        } => {
            let message = cx.lang.pick(&lesson.mistakes[*i].message).trim();
            format!("{}\n", cx.msg().known_mistake(message))
        }
        _ => String::new(),
    };
    let tests: Vec<GradedTest> = lesson
        .tests
        .iter()
        .zip(&shares)
        .enumerate()
        .map(|(i, (test, share))| {
            let test_verdict = verdict.tests().iter().find(|t| t.test == i);
            let passed = test_verdict.is_some_and(|t| t.passed());
            let failed_cases = test_verdict.map_or(test.cases.len(), |t| t.failures.len());
            let output = match test_verdict {
                Some(t) if !t.passed() => {
                    format!("{known}{}", report::test_report(cx, lesson, t))
                }
                Some(_) => String::new(),
                None => whole.clone(),
            };
            GradedTest {
                name: cx.lang.pick(&test.name).to_string(),
                kind: kind_name(test.kind),
                score: if passed { *share } else { Points::ZERO },
                max_score: *share,
                passed,
                cases: test.cases.len(),
                failed_cases,
                output,
            }
        })
        .collect();
    GradedLesson {
        id: lesson.id.clone(),
        title: cx.lang.pick(&lesson.title).to_string(),
        score: tests.iter().map(|t| t.score).sum(),
        max_score,
        passed: verdict.passed(),
        output: whole,
        tests,
    }
}
