//! Grades: the score of every test and lesson, and the formats they are written in
//! (a table for people, JSON for scripts, JUnit XML for CI, Gradescope's results.json,
//! a gradebook CSV for a class).
//!
//! A test earns its points when every one of its cases passes; a lesson earns the sum
//! of its tests' points, so partial credit comes per test. Points are counted in whole
//! hundredths ([`points`]), so full marks are exactly the maximum.

pub mod class;
pub mod formats;
pub mod guard;
pub mod pipeline;
pub mod points;
pub mod proof;

use crate::lang::Lang;
use crate::lang::say;
use crate::lesson::{Lesson, Test, TestKind};
use crate::pipeline::Assessment;
use crate::report::{self, Context};
use crate::verdict::{Failure, Missing, Verdict};
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
    /// The failure report of this test; empty when it passed. Only text: no colours,
    /// no control characters but line breaks and tabs.
    pub output: String,
    /// Who sees this test's result in Gradescope: `visible`, `hidden`, `after_due_date`
    /// or `after_published`.
    pub visibility: &'static str,
    /// Whether the report hides this test's inputs and values.
    pub secret: bool,
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
    /// One line on why the lesson lost all its points at once or ran out of time, for a
    /// gradebook's note; else empty.
    pub note: String,
    pub tests: Vec<GradedTest>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Grades {
    pub score: Points,
    pub max_score: Points,
    pub passed: bool,
    /// What the student should know of the whole submission (there was nothing to
    /// grade, and what to hand in); else empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub output: String,
    /// What the kernel's sandbox could not enforce while the submission's code ran (no
    /// Landlock, or an old one), for the instructor's output and gradebook; else empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unsandboxed: String,
    pub lessons: Vec<GradedLesson>,
}

/// A lesson as grading found it: judged on its tests, or refused before it was built
/// (with the reason, for the student).
pub type Judged = Result<Assessment, String>;

fn kind_name(kind: TestKind) -> &'static str {
    match kind {
        TestKind::Fixed => "fixed",
        TestKind::Random => "random",
        TestKind::Scenario => "scenario",
    }
}

/// Grades every lesson from its verdict.
pub fn grade(cx: &Context, lessons: &[&Lesson], judged: &[Judged]) -> Grades {
    let graded: Vec<GradedLesson> = lessons
        .iter()
        .zip(judged)
        .map(|(lesson, judged)| grade_lesson(cx, lesson, judged))
        .collect();
    Grades {
        score: graded.iter().map(|l| l.score).sum(),
        max_score: graded.iter().map(|l| l.max_score).sum(),
        passed: graded.iter().all(|l| l.passed),
        output: String::new(),
        unsandboxed: cx
            .msg()
            .sandbox_missing_note(crate::harness::sandbox::protection())
            .unwrap_or_default(),
        lessons: graded,
    }
}

fn grade_lesson(cx: &Context, lesson: &Lesson, judged: &Judged) -> GradedLesson {
    let max_score = Points::whole(lesson.points);
    let weights: Vec<f64> = lesson.tests.iter().map(|t| t.points).collect();
    let shares = points::apportion(max_score, &weights);
    let assessment = match judged {
        Ok(assessment) => assessment,
        Err(reason) => {
            return GradedLesson {
                id: lesson.id.clone(),
                title: cx.ui.lang.pick(&lesson.title).to_string(),
                score: Points::ZERO,
                max_score,
                passed: false,
                output: clean(reason),
                note: first_line(reason),
                tests: lesson
                    .tests
                    .iter()
                    .zip(&shares)
                    .map(|(test, share)| GradedTest {
                        name: cx.ui.lang.pick(&test.name).to_string(),
                        kind: kind_name(test.kind),
                        score: Points::ZERO,
                        max_score: *share,
                        passed: false,
                        cases: test.cases.len(),
                        failed_cases: test.cases.len(),
                        output: clean(reason),
                        visibility: test.visibility.as_str(),
                        secret: test.secret,
                    })
                    .collect(),
            };
        }
    };
    let verdict = &assessment.verdict;
    let ran = matches!(verdict, Verdict::Ran { .. });
    // Without a run (a compile error, say) every test fails for the same reason.
    let whole = if ran {
        String::new()
    } else {
        report::failure_report(cx, lesson, assessment)
    };
    // A recognised mistake is said with every failing test: each may be read alone.
    let known = report::known_mistakes(cx, lesson, &assessment.diagnosis)
        .into_iter()
        .chain(report::sandbox_stopped(cx, &assessment.verdict))
        .map(|text| format!("{text}\n"))
        .collect::<String>();
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
                Some(t) if !t.passed() && test.secret => {
                    format!(
                        "{known}{}",
                        secret_report(cx.ui.lang, test, t.failures.len())
                    )
                }
                Some(t) if !t.passed() => {
                    format!("{known}{}", report::test_report(cx, lesson, t))
                }
                Some(_) => String::new(),
                None => whole.clone(),
            };
            GradedTest {
                name: cx.ui.lang.pick(&test.name).to_string(),
                kind: kind_name(test.kind),
                score: if passed { *share } else { Points::ZERO },
                max_score: *share,
                passed,
                cases: test.cases.len(),
                failed_cases,
                output: clean(&output),
                visibility: test.visibility.as_str(),
                secret: test.secret,
            }
        })
        .collect();
    GradedLesson {
        id: lesson.id.clone(),
        title: cx.ui.lang.pick(&lesson.title).to_string(),
        score: tests.iter().map(|t| t.score).sum(),
        max_score,
        passed: verdict.passed(),
        note: note(cx, lesson, verdict, &whole),
        output: clean(&whole),
        tests,
    }
}

/// The first line of a report, without its mark.
fn first_line(text: &str) -> String {
    let line = clean(text.lines().next().unwrap_or_default());
    line.trim_start_matches('✗').trim().to_string()
}

/// Why a lesson lost its points at once (it did not build, or ran out of time).
fn note(cx: &Context, lesson: &Lesson, verdict: &Verdict, whole: &str) -> String {
    let m = cx.msg();
    match verdict {
        Verdict::Ran { tests, .. } => {
            let timed_out = tests
                .iter()
                .flat_map(|t| &t.failures)
                .find_map(|f| match f.failure {
                    Failure::Missing(Missing::TimedOut(time_use)) => Some(time_use),
                    _ => None,
                });
            // A lesson left as its stub (or with a todo!() still in it) is told from a
            // wrong attempt, which has no note: both score 0.
            let todo = || {
                tests
                    .iter()
                    .flat_map(|t| &t.failures)
                    .find_map(|f| match &f.failure {
                        Failure::NotImplemented { location } => Some(location.as_str()),
                        _ => None,
                    })
            };
            match timed_out {
                Some(time_use) => m.timed_out(lesson.time_limit.as_secs_f64(), time_use),
                None if verdict.only_todos() => {
                    let file = todo()
                        .and_then(|at| at.split(':').next())
                        .unwrap_or_default();
                    let name = std::path::Path::new(file).file_name();
                    m.still_todo(&name.map_or(file.into(), |n| n.to_string_lossy()))
                }
                None => String::new(),
            }
        }
        // Which file: a lesson that does not build because of an earlier one's file
        // (unit.rs, for dense) would otherwise seem to be broken itself.
        Verdict::CompileError {
            diagnostics,
            harness,
            ..
        } => {
            let mut files: Vec<String> = Vec::new();
            // Only the student's files: an error in the generated harness (a `main.rs` the
            // student never saw) means their code does not fit the tests.
            let theirs = diagnostics.iter().filter_map(|d| {
                d.primary
                    .as_ref()
                    .filter(|(path, ..)| harness.module_files.contains(path))
            });
            if theirs.clone().next().is_none() && !diagnostics.is_empty() {
                return m.cannot_call(&format!("{}.rs", lesson.module));
            }
            for (path, ..) in theirs {
                let name = path.file_name();
                if let Some(name) = name.map(|n| n.to_string_lossy().into_owned())
                    && !files.contains(&name)
                {
                    files.push(name);
                }
            }
            match (files.is_empty(), cx.ui.lang) {
                (true, Lang::En) => "does not compile".to_string(),
                (true, Lang::Ja) => "コンパイルできません".to_string(),
                (false, _) => m.does_not_compile(&files.join(", ")),
            }
        }
        _ => first_line(whole),
    }
}

/// A secret test that failed: its name and how many cases failed, nothing of its inputs,
/// values or outputs.
fn secret_report(lang: Lang, test: &Test, failed: usize) -> String {
    let name = lang.pick(&test.name);
    let cases = test.cases.len();
    say!(lang,
        ja: format!("✗ {name}\n    {cases} ケース中 {failed} ケースが通りませんでした。非公開のテストなので、入力と値は示しません。\n"),
        en: format!("✗ {name}\n    {failed} of {cases} cases failed. This test is private: its inputs and values are not shown.\n"),
    )
}

/// Text fit for JSON, XML and Gradescope: what a student's program printed may hold
/// terminal colours, NUL bytes and other control characters; only line breaks and tabs stay.
pub fn clean(text: &str) -> String {
    without_escapes(text)
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// `text` without its terminal escape sequences (ECMA-48): a control sequence
/// (`ESC [` or `CSI`, parameters, one final byte), a string command such as a window
/// title (`ESC ]` … `BEL` or `ESC \`), and the two-byte `ESC x`. Only the escape
/// and its sequence go; the text between stays.
fn without_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let control = match c {
            '\u{1b}' => chars.next_if(|&n| ('\u{40}'..='\u{5f}').contains(&n)),
            '\u{9b}' => Some('['),
            _ => {
                out.push(c);
                continue;
            }
        };
        match control {
            // Parameters and intermediates (0x20–0x3f), then the final byte.
            Some('[') => {
                while chars.next_if(|n| (' '..='?').contains(n)).is_some() {}
                chars.next_if(|n| ('@'..='~').contains(n));
            }
            // A string, up to BEL or ESC \ (the string terminator).
            Some(']' | 'P' | 'X' | '^' | '_') => {
                while let Some(n) = chars.next() {
                    if n == '\u{7}' || (n == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_strips_colours_and_control_characters() {
        let printed = "\u{1b}[31mred\u{1b}[0m\0nul\u{7}bell\r\n\ttab \u{1b}]0;title\u{7}end\u{9b}";
        assert_eq!(clean(printed), "rednulbell\n\ttab end");
    }

    #[test]
    fn escapes_go_and_the_text_between_them_stays() {
        let printed = "\u{1b}[1;38;5;196mbold\u{1b}[0m \u{9b}2Kline \u{1b}]8;;url\u{1b}\\link\u{1b}]8;;\u{1b}\\ \u{1b}Mup";
        assert_eq!(without_escapes(printed), "bold line link up");
    }
}
