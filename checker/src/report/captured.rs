//! What the student's code printed while the tests ran: the first lines and the last,
//! cleaned of control characters, with what lies between counted.

use super::Context;
use crate::harness::run::Captured;
use std::fmt::Write as _;

/// Writes a captured stream (`stdout` or `stderr`), if anything was printed.
pub(super) fn write_captured(out: &mut String, cx: &Context, stream: &str, captured: &Captured) {
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
