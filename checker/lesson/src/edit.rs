//! Small edits of a module's text: a known mistake written as the reference with a line
//! or two changed (`replace = [{ find = "…", with = "…" }]`), applied when its harness is
//! written, so that the mistake follows the reference as it changes.
//!
//! [`apply`] is all of it: a module's text and edits in, the edited text or the edit that
//! does not apply (its `find` is not in the text, or is there more than once) out, with
//! the line of the text nearest to what it looked for. It reads no file and knows no
//! lesson: whatever edits a reference (a known mistake, a generated mutant) can use it.

use super::Bilingual;
use crate::lang::say;
use std::ops::Range;

/// One edit: the text `find`, which must occur exactly once, replaced by `with`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub(crate) find: String,
    pub(crate) with: String,
    /// Where `find` is written in the lesson file (empty for an edit not written there).
    pub span: Range<usize>,
}

/// Why an edit does not apply.
#[derive(Debug, Clone, PartialEq)]
pub struct EditError {
    /// The index of the edit that does not apply; the edits before it did.
    pub edit: usize,
    pub(crate) problem: EditProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum EditProblem {
    /// `find` is not in the text. With the line of the text (from 1) that is nearest to
    /// it, and that line, when the text has one.
    NotFound { nearest: Option<(usize, String)> },
    /// `find` is in the text more than once: the line (from 1) where each occurrence starts.
    Repeated { lines: Vec<usize> },
}

/// `text` with `edits` applied in order, each to the text the ones before it left.
pub fn apply(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut text = text.to_string();
    for (index, edit) in edits.iter().enumerate() {
        let starts = occurrences(&text, &edit.find);
        match starts[..] {
            [at] => text.replace_range(at..at + edit.find.len(), &edit.with),
            [] => {
                return Err(EditError {
                    edit: index,
                    problem: EditProblem::NotFound {
                        nearest: nearest_line(&text, &edit.find),
                    },
                });
            }
            _ => {
                let lines = starts.iter().map(|&at| line_of(&text, at)).collect();
                return Err(EditError {
                    edit: index,
                    problem: EditProblem::Repeated { lines },
                });
            }
        }
    }
    Ok(text)
}

/// The edit (its index) whose `with` holds line `line` (from 1) of the text `edits` make
/// of `text`: where rustc's error in an edited copy comes from, to show it at the edit in
/// the lesson file rather than in a generated file. `None` when no edit wrote that line
/// (or an edit does not apply).
pub fn edit_at_line(text: &str, edits: &[Edit], line: usize) -> Option<usize> {
    let mut text = text.to_string();
    // Where each edit's `with` is in the text so far.
    let mut placed: Vec<Range<usize>> = Vec::new();
    for edit in edits {
        let [at] = occurrences(&text, &edit.find)[..] else {
            return None;
        };
        let end = at + edit.find.len();
        for range in &mut placed {
            if range.end <= at {
                continue;
            }
            if range.start >= end {
                *range = range.start + edit.with.len() - edit.find.len()
                    ..range.end + edit.with.len() - edit.find.len();
            } else {
                // Overlapping this edit: now the whole of both.
                let last = range.end.max(end);
                *range = range.start.min(at)..last + edit.with.len() - edit.find.len();
            }
        }
        text.replace_range(at..end, &edit.with);
        placed.push(at..at + edit.with.len());
    }
    // The latest edit that wrote the line wins: it is the one that made it as it is.
    placed.iter().rposition(|range| {
        let first = line_of(&text, range.start);
        let last = line_of(&text, range.end.saturating_sub(1).max(range.start));
        (first..=last).contains(&line)
    })
}

/// Where `find` starts in `text`, overlapping occurrences included (`aa` is twice in
/// `aaa`: replacing either is not what an author can have meant).
fn occurrences(text: &str, find: &str) -> Vec<usize> {
    if find.is_empty() {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find(find)) {
        starts.push(from + at);
        // On to the next character boundary after this start.
        from += at + text[from + at..].chars().next().map_or(1, char::len_utf8);
    }
    starts
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// The line of `text` nearest to what `find` looks for: for the first line of `find`
/// that no line of the text holds, the line most like it; when each line of `find` is
/// somewhere in the text (they are not together, or not indented so), the line holding
/// its longest.
fn nearest_line(text: &str, find: &str) -> Option<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let wanted: Vec<&str> = find
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let longest = *wanted.iter().max_by_key(|w| w.len())?;
    let missing = wanted
        .iter()
        .find(|w| !lines.iter().any(|line| line.contains(**w)));
    let (index, line) = match missing {
        Some(w) => lines
            .iter()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| (strsim::normalized_levenshtein(w, line.trim()), i, line))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, i, line)| (i, line))?,
        None => lines
            .iter()
            .enumerate()
            .find(|(_, line)| line.contains(longest))?,
    };
    Some((index + 1, line.trim().to_string()))
}

impl EditError {
    /// What is wrong, for the author of the lesson file: `file` is the module the edits
    /// were applied to, as the author reads its name (`solutions/src/conv.rs`).
    pub fn message(&self, file: &str) -> Bilingual {
        // After earlier edits, the lines are those of the text they left.
        let (after, after_ja) = match self.edit {
            0 => ("", " "),
            _ => (
                " (as the edits above it left it)",
                "（上の書き換えを済ませたあとの内容）",
            ),
        };
        match &self.problem {
            EditProblem::NotFound { nearest } => {
                let (near, near_ja) = match nearest {
                    Some((line, text)) => (
                        format!("; the nearest line is {line}: `{text}`"),
                        format!("いちばん近いのは {line} 行目の `{text}` です。"),
                    ),
                    None => (String::new(), String::new()),
                };
                say!(ja: format!("この `find` の文字列が {file}{after_ja}にありません。模範解答が変わったか、写し間違いです。{near_ja}"),
                    en: format!("this `find` is not in {file}{after}: the reference has changed, or the text is not copied exactly{near}"))
            }
            EditProblem::Repeated { lines } => {
                let count = lines.len();
                let list: Vec<String> = lines.iter().map(usize::to_string).collect();
                say!(ja: format!("この `find` の文字列は {file}{after_ja}に {count} 回（{} 行目）あります。一か所に決まるよう、前後も含めて長くしてください。", list.join("、")),
                    en: format!("this `find` is in {file}{after} {count} times (lines {}): make it longer, so that it names one place", list.join(", ")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(find: &str, with: &str) -> Edit {
        Edit {
            find: find.into(),
            with: with.into(),
            span: 0..0,
        }
    }

    const MODULE: &str = "fn relu(x: f32) -> f32 {\n    x.max(0.0)\n}\n\nfn unit(x: f32, b: f32) -> f32 {\n    relu(x + b)\n}\n";

    #[test]
    fn edits_apply_in_order_each_to_what_the_last_left() {
        let edited = apply(
            MODULE,
            &[
                edit("x.max(0.0)", "x.max(1.0)"),
                edit("max(1.0)", "min(1.0)"),
                edit("relu(x + b)", "relu(x) + b"),
            ],
        );
        assert_eq!(
            edited.as_deref(),
            Ok(
                "fn relu(x: f32) -> f32 {\n    x.min(1.0)\n}\n\nfn unit(x: f32, b: f32) -> f32 {\n    relu(x) + b\n}\n"
            )
        );
        let two_lines = apply(MODULE, &[edit("{\n    relu(x + b)\n}", "{\n    x + b\n}")]);
        assert!(two_lines.is_ok_and(|t| t.contains("    x + b\n") && !t.contains("relu(x + b)")));
    }

    #[test]
    fn an_edited_line_is_traced_to_its_edit() {
        let edits = [
            edit("x.max(0.0)", "x.max(1.0)\n        .abs()"),
            edit("relu(x + b)", "relu(x) + b"),
            edit("max(1.0)", "min(1.0)"),
        ];
        // fn relu … {  /  x.min(1.0)  /  .abs()  /  }  /  (blank)  /  fn unit … {  /  relu(x) + b
        assert_eq!(edit_at_line(MODULE, &edits, 1), None);
        assert_eq!(edit_at_line(MODULE, &edits, 2), Some(2));
        assert_eq!(edit_at_line(MODULE, &edits, 3), Some(0));
        assert_eq!(edit_at_line(MODULE, &edits, 7), Some(1));
        assert_eq!(edit_at_line(MODULE, &edits, 8), None);
        assert_eq!(edit_at_line(MODULE, &[edit("nowhere", "x")], 2), None);
    }

    #[test]
    fn a_find_not_in_the_text_names_the_nearest_line() {
        let error = apply(MODULE, &[edit("relu(x + b)", "b"), edit("x.max(0.5)", "x")]);
        assert_eq!(
            error,
            Err(EditError {
                edit: 1,
                problem: EditProblem::NotFound {
                    nearest: Some((2, "x.max(0.0)".into()))
                }
            })
        );
        let message = error.err().map(|e| e.message("solutions/src/unit.rs"));
        assert_eq!(
            message.map(|m| (m.en, m.ja)),
            Some((
                "this `find` is not in solutions/src/unit.rs (as the edits above it left it): the reference has changed, or the text is not copied exactly; the nearest line is 2: `x.max(0.0)`".into(),
                "この `find` の文字列が solutions/src/unit.rs（上の書き換えを済ませたあとの内容）にありません。模範解答が変わったか、写し間違いです。いちばん近いのは 2 行目の `x.max(0.0)` です。".into()
            ))
        );
        // Each line is there, but not indented as written: the first one's line.
        let indented = apply(MODULE, &[edit("{\nrelu(x + b)\n}", "")]);
        assert!(matches!(
            indented,
            Err(EditError { edit: 0, problem: EditProblem::NotFound { nearest: Some((n, _)) } }) if n == 6
        ));
    }

    #[test]
    fn a_find_in_the_text_twice_names_both_lines() {
        let error = apply(MODULE, &[edit("relu(x", "relu(-x")]);
        assert_eq!(
            error,
            Err(EditError {
                edit: 0,
                problem: EditProblem::Repeated { lines: vec![1, 6] }
            })
        );
        let message = error.err().map(|e| e.message("solutions/src/unit.rs"));
        assert_eq!(
            message.map(|m| (m.en, m.ja)),
            Some((
                "this `find` is in solutions/src/unit.rs 2 times (lines 1, 6): make it longer, so that it names one place".into(),
                "この `find` の文字列は solutions/src/unit.rs に 2 回（1、6 行目）あります。一か所に決まるよう、前後も含めて長くしてください。".into()
            ))
        );
        // Overlapping occurrences count: which `aa` of `aaa` would be meant?
        assert!(matches!(
            apply("aaa", &[edit("aa", "b")]),
            Err(EditError {
                problem: EditProblem::Repeated { .. },
                ..
            })
        ));
        assert_eq!(occurrences("日本日本", "日本"), vec![0, 6]);
    }
}
