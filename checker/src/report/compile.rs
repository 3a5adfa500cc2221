//! A lesson whose code does not build: rustc's errors in the student's files (with the
//! slips this course's students often make named first), errors in the generated harness
//! (the code exists but does not fit the tests), or cargo itself failing.

use super::{Context, lang_name};
use crate::harness::{build::Diagnostic, codegen::Harness};
use crate::lesson::{EntryKind, Lesson};
use std::fmt::Write as _;

/// The report of a compile error, written after `head`'s blame (if any).
pub(super) fn compile_error(
    cx: &Context,
    lesson: &Lesson,
    diagnostics: &[Diagnostic],
    harness: &Harness,
    head: &mut String,
    out: &mut String,
) {
    let m = cx.msg();
    let cross = cx.cross();
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
        return;
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
        let entry = line.and_then(|l| harness.entry_lines.iter().position(|r| r.contains(&l)));
        let helper = d.primary.as_ref().and_then(|(file, line, _)| {
            let at = harness.helper_files.iter().position(|f| f == file)?;
            Some(format!("{}:{line}", lesson.helpers.get(at)?.file))
        });
        let context = match (helper, entry.map(|e| &lesson.entries[e].kind)) {
            (Some(place), _) => m.helper_needs(&place),
            (None, Some(EntryKind::Call(f))) => m.calls_function(&lesson.functions[*f].text),
            (None, Some(EntryKind::Snippet { .. })) => {
                let name = lesson
                    .tests
                    .iter()
                    .find(|t| Some(t.entry) == entry)
                    .map(|t| lang_name(cx, t));
                m.scenario_needs(&name.unwrap_or_default())
            }
            (None, None) => String::new(),
        };
        let text = format!(
            "{context}\n{}",
            m.rustc_says(&cx.relative(&crate::verdict::rustc_words(d)))
        );
        if !said.contains(&text) {
            put!(out, cx, "\n  {}", text.trim_start().replace('\n', "\n  "));
            said.push(text);
        }
    }
    put!(out, cx, "\n  {}", m.keep_signatures());
}

/// Cargo failed before rustc could say anything: its own words, as they are.
pub(super) fn cargo_failed(cx: &Context, stderr: &str, head: &mut String, out: &mut String) {
    let cross = cx.cross();
    let m = cx.msg();
    let _ = writeln!(head, "{cross} {}", m.cargo_failed());
    let _ = writeln!(out, "{}", cx.relative(stderr.trim_end()));
}
