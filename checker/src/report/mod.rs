//! A lesson's report: the model every place prints from. [`Report`] holds a failing
//! lesson's report in sections (what failed, the details, what failing tests drew, what
//! to do next); each place prints the sections it has room for: the terminal all of them
//! ([`Report::text`]), watch mode fits them to its screen, grading keeps the failure
//! ([`failure_report`], [`test_report`]).
//!
//! The text of each section is written by a file of its own: `failure.rs` (tests that
//! ran and failed), `compile.rs` (code that does not build), `broken.rs` (unreadable
//! files, broken lessons), `captured.rs` (what the code printed), `layout.rs` (values
//! laid out as text). Every sentence comes from `messages/`.

use crate::course::Layout;
use crate::lesson::{Lesson, Test};
use crate::messages::{Again, Msg};
use crate::paint::Colorize;
use crate::pipeline::Assessment;
use crate::ui::Ui;
use crate::verdict::Verdict;
use std::fmt::Write as _;

/// Writes a sentence (or several lines of them) and a newline, each line fitted to the
/// screen's width. Matrices, rustc's text and the student's output are written as they are.
macro_rules! put {
    ($out:expr, $cx:expr, $($arg:tt)*) => {{
        let text = format!($($arg)*);
        $out.push_str(&crate::text::fit(&text, $cx.width));
        $out.push('\n');
    }};
}

mod broken;
mod captured;
mod compile;
mod failure;
mod layout;
mod pattern;
pub mod reference;
mod sandboxed;

pub use broken::broken_file_report;
pub use failure::{fixed_test, known_mistakes, test_report};
pub use sandboxed::sandbox_stopped;

/// Everything the report needs to know besides the verdict.
pub struct Context<'a> {
    pub ui: Ui,
    pub layout: &'a Layout,
    /// The width sentences are fitted to ([`crate::text::fit`]); `None` leaves them whole.
    pub width: Option<usize>,
}

impl<'a> Context<'a> {
    /// The context of a check of the workbook `layout`, fitted to the screen's width.
    pub fn new(ui: Ui, layout: &'a Layout) -> Context<'a> {
        Context {
            ui,
            layout,
            width: ui.width(),
        }
    }

    pub fn msg(&self) -> Msg {
        self.ui.msg()
    }

    /// The widest a line of side-by-side blocks may get: the screen's width, at most 100.
    fn max_width(&self) -> usize {
        self.width
            .map_or(layout::MAX_WIDTH, |w| w.min(layout::MAX_WIDTH))
    }

    /// The mark of a failure, red when colours are on.
    fn cross(&self) -> String {
        self.ui.paint("✗", |s| s.red().bold())
    }

    /// Absolute paths of the workbook shown relative to it.
    pub fn relative(&self, text: &str) -> String {
        let root = format!("{}/", self.layout.root.display());
        text.replace(&root, "")
    }
}

/// The report of a lesson that failed (or has not been started), section by section.
pub struct Report {
    /// What failed, in a line or two: the earlier lesson to fix first, the summary and the
    /// known mistake it matches. A screen keeps it whole.
    pub head: String,
    /// Everything after: the failing tests in detail, rustc's errors, captured output.
    /// A screen may cut it.
    pub details: String,
    /// What the failing tests with a `show` drew of the student's outputs (the digits
    /// their network misread); empty when none. Too tall for watch's screen.
    pub exhibits: String,
    /// The line that ends the report: what to do next, if anything.
    pub advice: Option<String>,
    /// The sentence of the details that says what the wrong values have in common with
    /// the right ones ("every sign flipped"), if they say one: a screen that cuts the
    /// details keeps it.
    pub pattern: Option<String>,
}

impl Report {
    /// The report of a failing lesson; `again` says how the student checks again (the
    /// command they ran, or a save in watch mode).
    pub fn new(cx: &Context, lesson: &Lesson, assessment: &Assessment, again: Again) -> Report {
        let (head, details) = failure_sections(cx, lesson, assessment);
        Report {
            head,
            details,
            exhibits: failed_exhibits(cx, &assessment.verdict),
            advice: advice(cx, assessment, again),
            pattern: failure::first_pattern(cx, &assessment.verdict),
        }
    }

    /// The whole report as a terminal prints it, every section in order.
    pub fn text(&self) -> String {
        let mut out = format!("{}{}{}", self.head, self.details, self.exhibits);
        if let Some(advice) = &self.advice {
            out.push_str(advice);
            out.push('\n');
        }
        out
    }
}

/// The report as a student gets it on the terminal (see [`Report::text`]).
pub fn for_student(cx: &Context, lesson: &Lesson, assessment: &Assessment, again: Again) -> String {
    Report::new(cx, lesson, assessment, again).text()
}

/// The failure alone, without pictures or advice: what grading and `dev check` print.
pub fn failure_report(cx: &Context, lesson: &Lesson, assessment: &Assessment) -> String {
    let (head, details) = failure_sections(cx, lesson, assessment);
    format!("{head}{details}")
}

/// The head and the details of a failing lesson's report.
fn failure_sections(cx: &Context, lesson: &Lesson, assessment: &Assessment) -> (String, String) {
    let m = cx.msg();
    let mut head = String::new();
    let mut details = String::new();
    // An earlier lesson to fix first comes before anything else; its module's own
    // `todo!()`s need no detail.
    if let Some(blame) = &assessment.blame {
        let file = cx.layout.show(&blame.file);
        let text = m.blamed(&lesson.id, blame, &file);
        put!(head, cx, "{} {}", cx.cross(), text.replace('\n', "\n  "));
        if blame.reason == crate::blame::Reason::NotWritten {
            return (head, details);
        }
        let _ = writeln!(head);
    }
    match &assessment.verdict {
        Verdict::CompileError {
            diagnostics,
            harness,
            ..
        } => compile::compile_error(cx, lesson, diagnostics, harness, &mut head, &mut details),
        Verdict::CargoFailed(stderr) => compile::cargo_failed(cx, stderr, &mut head, &mut details),
        Verdict::Unreadable(problem) => broken::unreadable(cx, lesson, problem, &mut head),
        Verdict::LessonFault(faults) => head = broken::lesson_fault_report(cx, lesson, faults),
        Verdict::Ran { .. } => failure::ran(cx, lesson, assessment, &mut head, &mut details),
    }
    (head, details)
}

/// What a failing test with a `show` drew of the student's outputs: the digits their
/// network misread, a loss that rose. Only tests that failed themselves, so that a
/// picture of a test that passed does not push the failure out of sight.
fn failed_exhibits(cx: &Context, verdict: &Verdict) -> String {
    let Verdict::Ran {
        tests, exhibits, ..
    } = verdict
    else {
        return String::new();
    };
    let width = cx.width.unwrap_or(80).min(100);
    let mut out = String::new();
    for exhibit in exhibits {
        let failed = tests.iter().any(|t| t.test == exhibit.test && !t.passed());
        if !failed {
            continue;
        }
        let drawn = crate::exhibit::render(
            exhibit,
            cx.msg(),
            cx.ui.color,
            width,
            crate::exhibit::Room::Report,
        );
        if !drawn.is_empty() {
            out.push('\n');
            out.push_str(drawn.trim_end());
            out.push('\n');
        }
    }
    out
}

/// The line that ends a student's report: what to do next, if anything.
fn advice(cx: &Context, assessment: &Assessment, again: Again) -> Option<String> {
    let m = cx.msg();
    // A lesson that waits for an earlier one to be written: its blame said what to do.
    let waits =
        (assessment.blame.as_ref()).is_some_and(|b| b.reason == crate::blame::Reason::NotWritten);
    let advice = if waits {
        return None;
    } else if assessment.not_started() {
        format!("  {}", m.write_then(again))
    } else if matches!(assessment.verdict, Verdict::Ran { .. }) {
        format!("\n{}", m.try_again(again))
    } else {
        return None;
    };
    Some(crate::text::fit(&advice, cx.width))
}

/// A test's name in the student's language.
fn lang_name(cx: &Context, test: &Test) -> String {
    cx.ui.lang.pick(&test.name).to_string()
}
