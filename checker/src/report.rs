//! How a verdict looks on the terminal: matrices side by side, wrong cells marked, short sentences.

use crate::course::Layout;
use crate::harness::FileProblem;
use crate::harness::run::Captured;
use crate::lesson::types::Label;
use crate::lesson::{EntryKind, Lesson, Test};
use crate::messages::{Again, Lang, Msg};
use crate::verdict::{CaseFailure, Failure, LessonFault, Missing, TestVerdict, ValueDiff, Verdict};
use cnnlings_runtime::{Cells, Value};
use colored::Colorize;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// Everything the report needs to know besides the verdict.
pub struct Context<'a> {
    pub lang: Lang,
    pub color: bool,
    pub layout: &'a Layout,
    /// The width sentences are fitted to ([`crate::text::fit`]); `None` leaves them whole.
    pub width: Option<usize>,
}

/// Writes a sentence (or several lines of them) and a newline, each line fitted to the
/// screen's width. Matrices, rustc's text and the student's output are written as they are.
macro_rules! put {
    ($out:expr, $cx:expr, $($arg:tt)*) => {{
        let text = format!($($arg)*);
        $out.push_str(&crate::text::fit(&text, $cx.width));
        $out.push('\n');
    }};
}

impl Context<'_> {
    pub fn msg(&self) -> Msg {
        Msg(self.lang)
    }

    /// The widest a line of side-by-side blocks may get: the screen's width, at most 100.
    fn max_width(&self) -> usize {
        self.width.map_or(MAX_WIDTH, |w| w.min(MAX_WIDTH))
    }

    /// The mark of a failure, red when colours are on.
    fn cross(&self) -> String {
        if self.color {
            "✗".red().bold().to_string()
        } else {
            "✗".to_string()
        }
    }

    /// Absolute paths of the workbook shown relative to it.
    pub fn relative(&self, text: &str) -> String {
        let root = format!("{}/", self.layout.root.display());
        text.replace(&root, "")
    }
}

/// Numbers as a person reads them: `4`, `-0.25`, `0.3333`, `1.2e-7`.
pub use cnnlings_runtime::elem::number;

fn shape_text(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n})"),
        _ => shape
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("×"),
    }
}

fn index_text(shape: &[usize], flat: usize) -> String {
    if shape.is_empty() {
        return String::new();
    }
    let mut rest = flat;
    let mut index = vec![0; shape.len()];
    for (d, &n) in shape.iter().enumerate().rev() {
        index[d] = rest % n.max(1);
        rest /= n.max(1);
    }
    format!(
        "[{}]",
        index
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The largest block shown in full; a larger array is shown around its worst cell.
const MAX_ROWS: usize = 10;
const MAX_COLS: usize = 10;

/// A value drawn as lines of text. `mark` flags cells to highlight; `focus` is the
/// cell to keep in view when the value is too large to show whole.
fn draw(
    m: Msg,
    value: &Cells,
    shape: &[usize],
    mark: Option<&[bool]>,
    focus: usize,
    color: bool,
) -> Vec<String> {
    draw_with_width(m, value, shape, mark, focus, color, cell_width(value))
}

fn cell_width(value: &Cells) -> usize {
    (0..value.len())
        .map(|i| value.text(i).width())
        .max()
        .unwrap_or(1)
}

fn draw_with_width(
    m: Msg,
    value: &Cells,
    shape: &[usize],
    mark: Option<&[bool]>,
    focus: usize,
    color: bool,
    width: usize,
) -> Vec<String> {
    let cell = |i: usize| value.text(i);
    let (rows, cols) = match shape {
        [] => (1, 1),
        [n] => (1, *n),
        _ => (shape[shape.len() - 2], shape[shape.len() - 1]),
    };
    let plane = rows * cols;
    let planes = value.len().checked_div(plane).unwrap_or(0);
    let mut lines = Vec::new();
    if value.is_empty() {
        lines.push(m.empty_value());
        return lines;
    }
    // Which planes (the leading indices of a 3-D or 4-D array) to show.
    let focus_plane = focus / plane.max(1);
    let shown_planes: Vec<usize> = if planes <= 2 {
        (0..planes).collect()
    } else {
        vec![focus_plane]
    };
    let window = |n: usize, at: usize, max: usize| {
        if n <= max {
            0..n
        } else {
            let start = at.saturating_sub(max / 2).min(n - max);
            start..start + max
        }
    };
    let (focus_row, focus_col) = ((focus % plane) / cols, focus % cols);
    let row_range = window(rows, focus_row, MAX_ROWS);
    let col_range = window(cols, focus_col, MAX_COLS);
    for p in shown_planes {
        if shape.len() > 2 {
            let lead = index_text(&shape[..shape.len() - 2], p);
            let lead = lead.trim_end_matches(']');
            lines.push(format!("{lead}, :, :]"));
        }
        if row_range.start > 0 {
            lines.push(format!("  ⋮ {}", m.rows_above(row_range.start)));
        }
        for r in row_range.clone() {
            let mut line = String::new();
            if col_range.start > 0 {
                line.push_str("… ");
            }
            for c in col_range.clone() {
                let i = p * plane + r * cols + c;
                let text = format!("{:>width$}", cell(i));
                let marked = mark.is_some_and(|m| m[i]);
                match (marked, color) {
                    (true, true) => {
                        let _ = write!(line, " {} ", text.red().bold());
                    }
                    (true, false) => {
                        let _ = write!(line, " {text}*");
                    }
                    (false, _) => {
                        let _ = write!(line, " {text} ");
                    }
                }
            }
            if col_range.end < cols {
                line.push_str(" …");
            }
            lines.push(line.trim_end().to_string());
        }
        if row_range.end < rows {
            lines.push(format!("  ⋮ {}", m.rows_below(rows - row_range.end)));
        }
    }
    if planes > 2 {
        lines.push(format!("  {}", m.planes_shown(1, planes)));
    }
    lines
}

use crate::text::visible_width;

/// Blocks of lines placed side by side, each under its title.
/// Blocks of lines placed side by side as far as the width allows, then on further rows.
fn side_by_side(blocks: &[(String, Vec<String>)], indent: &str, max_width: usize) -> String {
    let width_of = |(title, lines): &(String, Vec<String>)| {
        lines
            .iter()
            .map(|l| visible_width(l))
            .chain([visible_width(title)])
            .max()
            .unwrap_or(0)
    };
    let mut out = String::new();
    let mut start = 0;
    while start < blocks.len() {
        let mut end = start + 1;
        let mut used = indent.len() + width_of(&blocks[start]);
        while end < blocks.len() && used + 4 + width_of(&blocks[end]) <= max_width {
            used += 4 + width_of(&blocks[end]);
            end += 1;
        }
        out.push_str(&one_row(&blocks[start..end], indent));
        start = end;
    }
    out
}

/// How many failing tests are shown in detail; the others are listed by name.
const DETAILED_TESTS: usize = 3;

/// The widest a report line gets before blocks go below one another.
const MAX_WIDTH: usize = 100;

fn one_row(blocks: &[(String, Vec<String>)], indent: &str) -> String {
    let widths: Vec<usize> = blocks
        .iter()
        .map(|(title, lines)| {
            lines
                .iter()
                .map(|l| visible_width(l))
                .chain([visible_width(title)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let height = blocks
        .iter()
        .map(|(_, lines)| lines.len() + 1)
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for row in 0..height {
        let mut line = String::from(indent);
        for (b, (title, lines)) in blocks.iter().enumerate() {
            let text = if row == 0 {
                title.as_str()
            } else {
                lines.get(row - 1).map_or("", String::as_str)
            };
            line.push_str(text);
            if b + 1 < blocks.len() {
                line.push_str(&" ".repeat(widths[b] - visible_width(text) + 4));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Inputs are shown when they are small enough to read: numbers and arrays of at most
/// two dimensions and twelve columns, 160 numbers in all.
fn inputs_are_small(args: &[Value]) -> bool {
    let cells: usize = args.iter().map(Value::cell_count).sum();
    cells <= 160
        && args.iter().all(|a| match a {
            Value::Array { shape, .. } => shape.len() <= 2 && shape.last().is_none_or(|&c| c <= 12),
            Value::Tuple(_) => false,
        })
}

/// A value in one line: a number, an array's shape, a tuple's parts.
fn value_line(value: &Value) -> String {
    match value {
        Value::Array { shape, cells } if shape.is_empty() => cells.text(0),
        Value::Array { shape, .. } => shape_text(shape),
        Value::Tuple(parts) => {
            let parts: Vec<String> = parts.iter().map(value_line).collect();
            format!("({})", parts.join(", "))
        }
    }
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
        let shapes: Vec<String> = test
            .arg_names
            .iter()
            .zip(args)
            .map(|(name, a)| match a {
                Value::Array { shape, .. } if !shape.is_empty() => {
                    format!("{name}: {}", shape_text(shape))
                }
                other => format!("{name} = {}", value_line(other)),
            })
            .collect();
        // As many shapes on a line as fit; the rest below, indented.
        let mut line = format!("    {heading}");
        for (i, shape) in shapes.iter().enumerate() {
            let piece = if i + 1 < shapes.len() {
                format!("{shape},")
            } else {
                shape.clone()
            };
            if visible_width(&line) + 1 + piece.len() > cx.max_width() && i > 0 {
                let _ = writeln!(out, "{line}");
                line = String::from("     ");
            }
            line.push(' ');
            line.push_str(&piece);
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
                draw(cx.msg(), cells, shape, None, 0, false),
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
    if diff.shape.is_empty() {
        // One value: a sentence says it all.
        let (e, g) = (diff.expected.text(0), diff.got.text(0));
        let line = match &numbers {
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
        draw_with_width(m, values, &diff.shape, mark, diff.worst, cx.color, width)
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
        let line = if cx.color {
            m.wrong_cells_colored(wrong, total)
        } else {
            m.wrong_cells(wrong, total)
        };
        put!(out, cx, "    {line}");
    }
    if let Some((e, g, difference)) = numbers {
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
            Some(Label::Index(_)) | None => m.part_index(*i),
        };
        put!(out, cx, "    {indent}{label}");
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
            out.push_str(&indented(m.panicked(&cx.relative(location), message)))
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
        } => {
            let bound = |b: &Option<f64>| b.map(|b| format!("{b}"));
            out.push_str(&indented(m.bounds_failed(
                &number(*got as f32),
                bound(at_least).as_deref(),
                bound(at_most).as_deref(),
            )))
        }
        Failure::Missing(why) => {
            let text = match why {
                Missing::TimedOut => m.timed_out(lesson.time_limit.as_secs_f64()),
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

fn write_captured(out: &mut String, cx: &Context, stream: &str, captured: &Captured) {
    if captured.is_empty() {
        return;
    }
    let m = cx.msg();
    put!(out, cx, "\n{}", m.student_output(stream, captured.total));
    let clean = |line: &str| -> String {
        line.chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .take(160)
            .collect()
    };
    // The first lines and the last ones; what lies between is counted, not shown.
    let head = String::from_utf8_lossy(&captured.head).into_owned();
    let tail = String::from_utf8_lossy(captured.shown_tail()).into_owned();
    let whole = captured.cut() == 0 && tail.is_empty();
    let all: Vec<&str> = if whole {
        head.lines().collect()
    } else {
        vec![]
    };
    let (first, last): (Vec<&str>, Vec<&str>) = if whole && all.len() <= HEAD_LINES + TAIL_LINES {
        (all, vec![])
    } else if whole {
        (
            all[..HEAD_LINES].to_vec(),
            all[all.len() - TAIL_LINES..].to_vec(),
        )
    } else {
        let tail_lines: Vec<&str> = tail.lines().collect();
        (
            head.lines().take(HEAD_LINES).collect(),
            tail_lines[tail_lines.len().saturating_sub(TAIL_LINES)..].to_vec(),
        )
    };
    let shown: u64 = first.iter().chain(&last).map(|l| l.len() as u64 + 1).sum();
    for line in &first {
        let _ = writeln!(out, "  │ {}", clean(line));
    }
    if captured.total > shown && !last.is_empty() {
        let _ = writeln!(out, "  │ {}", m.output_cut(captured.total - shown));
    }
    for line in &last {
        let _ = writeln!(out, "  │ {}", clean(line));
    }
}

const HEAD_LINES: usize = 8;
const TAIL_LINES: usize = 4;

/// One failing test: its name, then its first failing case in detail.
pub fn test_report(cx: &Context, lesson: &Lesson, verdict: &TestVerdict) -> String {
    let m = cx.msg();
    let mut out = String::new();
    let cross = cx.cross();
    let test = &lesson.tests[verdict.test];
    let title = m.test_title(&lang_name(cx, test), test.kind);
    let title = if cx.color {
        title.bold().to_string()
    } else {
        title
    };
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

/// The report as a student gets it, ending with what to do next (`again` says how they
/// check again: the command they ran, or a save in watch mode).
pub fn for_student(cx: &Context, lesson: &Lesson, verdict: &Verdict, again: Again) -> String {
    let report = failure_parts(cx, lesson, verdict);
    let mut out = format!("{}{}", report.head, report.details);
    out.push_str(&failed_exhibits(cx, verdict));
    if let Some(advice) = advice(cx, verdict, again) {
        put!(out, cx, "{advice}");
    }
    out
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
            cx.color,
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
pub fn advice(cx: &Context, verdict: &Verdict, again: Again) -> Option<String> {
    let m = cx.msg();
    // A lesson that waits for an earlier one to be written: its blame said what to do.
    let waits = verdict
        .blame()
        .is_some_and(|b| b.reason == crate::blame::Reason::NotWritten);
    let advice = if waits {
        return None;
    } else if verdict.not_started() {
        format!("  {}", m.write_then(again))
    } else if matches!(verdict, Verdict::Ran { .. }) {
        format!("\n{}", m.try_again(again))
    } else {
        return None;
    };
    Some(crate::text::fit(&advice, cx.width))
}

/// The report of a lesson that failed (or has not been started).
pub fn failure_report(cx: &Context, lesson: &Lesson, verdict: &Verdict) -> String {
    let report = failure_parts(cx, lesson, verdict);
    format!("{}{}", report.head, report.details)
}

/// A failure report in two parts, so a screen can keep the first whole and cut the second.
pub struct Parts {
    /// What failed, in a line or two: the summary and the known mistake it matches.
    pub head: String,
    /// Everything after: the failing tests in detail, rustc's errors, captured output.
    pub details: String,
}

/// The report of a lesson that failed (or has not been started), in its two parts.
pub fn failure_parts(cx: &Context, lesson: &Lesson, verdict: &Verdict) -> Parts {
    let m = cx.msg();
    let mut head = String::new();
    let mut out = String::new();
    let cross = cx.cross();
    let parts = |head: String, details: String| Parts { head, details };
    // An earlier lesson to fix first comes before anything else; its module's own
    // `todo!()`s need no detail.
    if let Some(blame) = verdict.blame() {
        let file = cx.layout.show(&blame.file);
        let text = m.blamed(&lesson.id, blame, &file);
        put!(head, cx, "{cross} {}", text.replace('\n', "\n  "));
        if blame.reason == crate::blame::Reason::NotWritten {
            return parts(head, out);
        }
        let _ = writeln!(head);
    }
    match verdict {
        Verdict::CompileError {
            diagnostics,
            harness,
            ..
        } => {
            let student: Vec<_> = diagnostics
                .iter()
                .filter(|d| {
                    d.primary
                        .as_ref()
                        .is_some_and(|(file, ..)| harness.module_files.contains(file))
                })
                .collect();
            let file = cx.layout.show(&cx.layout.exercise(&lesson.module));
            if !student.is_empty() {
                let files: Vec<String> = harness
                    .module_files
                    .iter()
                    .filter(|f| {
                        student
                            .iter()
                            .any(|d| d.primary.as_ref().is_some_and(|(p, ..)| p == *f))
                    })
                    .map(|f| cx.layout.show(f))
                    .collect();
                put!(
                    head,
                    cx,
                    "{cross} {}",
                    m.does_not_compile(&files.join(", "))
                );
                // The errors this course's students often meet, each in one sentence first.
                for slip in crate::compile_errors::slips(student.iter().copied()) {
                    put!(head, cx, "  → {}", m.compile_slip(slip));
                }
                put!(out, cx, "\n{}\n", m.rustc_messages());
                for d in student {
                    let _ = writeln!(out, "{}", cx.relative(d.rendered.trim_end()));
                }
                return parts(head, out);
            }
            // The errors are in the generated harness: the code exists but does not fit the tests.
            put!(head, cx, "{cross} {}", m.cannot_call(&file));
            let mut said = Vec::new();
            for d in diagnostics {
                let line = d
                    .primary
                    .as_ref()
                    .filter(|(p, ..)| *p == harness.main_rs)
                    .map(|(_, l, _)| *l);
                let entry =
                    line.and_then(|l| harness.entry_lines.iter().position(|r| r.contains(&l)));
                let context = match entry.map(|e| &lesson.entries[e].kind) {
                    Some(EntryKind::Call(f)) => m.calls_function(&lesson.functions[*f].text),
                    Some(EntryKind::Snippet { .. }) => {
                        let name = lesson
                            .tests
                            .iter()
                            .find(|t| Some(t.entry) == entry)
                            .map(|t| lang_name(cx, t));
                        m.scenario_needs(&name.unwrap_or_default())
                    }
                    None => String::new(),
                };
                let text = format!(
                    "{context}\n{}",
                    m.rustc_says(&cx.relative(&match &d.label {
                        Some(label) => format!("{}: {label}", d.message),
                        None => d.message.clone(),
                    }))
                );
                if !said.contains(&text) {
                    put!(out, cx, "\n  {}", text.trim_start().replace('\n', "\n  "));
                    said.push(text);
                }
            }
            put!(out, cx, "\n  {}", m.keep_signatures());
            return parts(head, out);
        }
        Verdict::CargoFailed(stderr) => {
            let _ = writeln!(head, "{cross} {}", m.cargo_failed());
            let _ = writeln!(out, "{}", cx.relative(stderr.trim_end()));
            return parts(head, out);
        }
        Verdict::Unreadable(problem) => {
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
                FileProblem::Missing(file) => {
                    m.file_missing(&cx.layout.show(file), &lesson_of(file))
                }
                FileProblem::NotUtf8(file) => {
                    m.file_not_utf8(&cx.layout.show(file), &lesson_of(file))
                }
                FileProblem::Module(problem) => m.module_problem(cx.layout, &lesson.id, problem),
            };
            put!(head, cx, "{cross} {}", text.replace('\n', "\n  "));
            return parts(head, out);
        }
        Verdict::LessonFault(faults) => {
            return parts(lesson_fault_report(cx, lesson, faults), out);
        }
        Verdict::Ran { .. } => {}
    }
    let Verdict::Ran {
        tests,
        stdout,
        stderr,
        ..
    } = verdict
    else {
        return parts(head, out);
    };
    if verdict.not_started() {
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
        let circle = if cx.color {
            "○".yellow().bold().to_string()
        } else {
            "○".to_string()
        };
        put!(head, cx, "{circle} {}", m.not_implemented(&location));
        return parts(head, out);
    }
    let failed: Vec<_> = tests.iter().filter(|t| !t.passed()).collect();
    let failed_cases: usize = failed.iter().map(|t| t.failures.len()).sum();
    put!(
        head,
        cx,
        "{cross} {}",
        m.failed_summary(failed.len(), tests.len(), failed_cases, lesson.case_count())
    );
    if let Verdict::Ran {
        diagnosis: Some(mistake),
        ..
    } = verdict
    {
        let message = cx.lang.pick(&lesson.mistakes[*mistake].message);
        let text = m.known_mistake(message.trim());
        let text = if cx.color {
            text.yellow().bold().to_string()
        } else {
            text
        };
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
            let cases = m.cases_count(verdict.failures.len(), verdict.cases);
            let title = m.test_title(&lang_name(cx, test), test.kind);
            let line = format!("{cross} {title} {cases}");
            put!(out, cx, "{}", line.trim_end());
        }
    }
    write_captured(&mut out, cx, "stdout", stdout);
    write_captured(&mut out, cx, "stderr", stderr);
    parts(head, out)
}

/// A broken lesson, as a student hears of it: not their code's fault, and what to tell
/// the instructor (each fault with the lesson file's line).
fn lesson_fault_report(cx: &Context, lesson: &Lesson, faults: &[LessonFault]) -> String {
    let m = cx.msg();
    let mut out = format!("{} {}\n", cx.cross(), m.lesson_broken());
    let mut said = Vec::new();
    for fault in faults {
        let place = match fault.span(lesson) {
            Some(span) => format!("{}:{}", lesson.file, lesson.line_of(span.start)),
            None => lesson.file.clone(),
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

fn lang_name(cx: &Context, test: &Test) -> String {
    cx.lang.pick(&test.name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_matrices_aligned_with_marks() {
        let lines = draw(
            Msg(Lang::En),
            &Cells::F32(vec![4.0, 3.0, 5.0, -4.0, 3.0, 15.0]),
            &[2, 3],
            Some(&[false, false, true, false, false, false]),
            2,
            false,
        );
        assert_eq!(lines, vec!["  4   3   5*", " -4   3  15"]);
        assert_eq!(index_text(&[2, 3], 5), "[1, 2]");
    }

    #[test]
    fn large_arrays_show_a_window_around_the_worst_cell() {
        let data = Cells::F32((0..400).map(|i| i as f32).collect());
        let lines = draw(Msg(Lang::En), &data, &[20, 20], None, 399, false);
        assert!(lines[0].contains("rows above"));
        assert!(lines.last().is_some_and(|l| l.ends_with("399")));
    }

    #[test]
    fn side_by_side_pads_by_display_width() {
        let text = side_by_side(
            &[
                ("正しい値".into(), vec!["1".into()]),
                ("got".into(), vec!["2".into()]),
            ],
            "",
            MAX_WIDTH,
        );
        assert_eq!(text, "正しい値    got\n1           2\n");
    }
}
