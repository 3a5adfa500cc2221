//! The placeholders `dev new` writes, found by `dev check`: every text of the template an
//! author must rewrite says `TODO`, in the lesson file's strings and in the stub's and the
//! reference's comments, so a lesson fresh from `dev new` is never called sound.

use crate::course::Layout;
use crate::lesson::Lesson;
use std::ops::Range;

/// The word that marks a placeholder of `dev new`'s template.
pub(crate) const MARKER: &str = "TODO";

/// A placeholder left in one of a lesson's files: where it is, and its line as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placeholder {
    /// The file as the course shows it (`lessons/13-scale.toml`).
    pub file: String,
    /// Line and column, from 1 (the column counts characters).
    pub line: usize,
    pub column: usize,
    /// The line, trimmed.
    pub text: String,
}

impl Placeholder {
    /// `lessons/13-scale.toml:21:7  ja = "TODO: the title"`, as an editor opens it.
    pub fn render(&self) -> String {
        format!(
            "  {}:{}:{}  {}",
            self.file, self.line, self.column, self.text
        )
    }
}

/// Every placeholder of a lesson: in its file's strings (never in its comments, which
/// `dev new` writes to explain the fields), then in its stub's and its reference's text.
pub(crate) fn find(layout: &Layout, lesson: &Lesson) -> Vec<Placeholder> {
    let mut found: Vec<Placeholder> = in_strings(&lesson.source)
        .into_iter()
        .map(|at| placeholder(&lesson.file, &lesson.source, at))
        .collect();
    for path in [layout.stub(&lesson.module), layout.solution(&lesson.module)] {
        let Ok(text) = std::fs::read_to_string(&path) else {
            // A missing or unreadable file is reported by the rest of `dev check`.
            continue;
        };
        let file = layout.show(&path);
        found.extend(
            text.match_indices(MARKER)
                .filter(|(at, _)| is_word(&text, *at))
                .map(|(at, _)| placeholder(&file, &text, at)),
        );
    }
    found
}

/// The byte offsets of the marker inside the string values of a TOML document.
fn in_strings(source: &str) -> Vec<usize> {
    let Ok(document) = toml::de::DeTable::parse(source) else {
        // The loader has read the file already; a file it reads always parses.
        return Vec::new();
    };
    let mut strings = Vec::new();
    for (_, value) in document.get_ref() {
        collect_strings(value, &mut strings);
    }
    let mut offsets: Vec<usize> = strings
        .into_iter()
        .flat_map(|span| {
            let literal = source.get(span.clone()).unwrap_or_default();
            literal
                .match_indices(MARKER)
                .map(move |(at, _)| span.start + at)
                .collect::<Vec<_>>()
        })
        .filter(|&at| is_word(source, at))
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    offsets
}

fn collect_strings(value: &toml::Spanned<toml::de::DeValue>, out: &mut Vec<Range<usize>>) {
    use toml::de::DeValue;
    match value.get_ref() {
        DeValue::String(_) => out.push(value.span()),
        DeValue::Array(items) => {
            for item in items {
                collect_strings(item, out);
            }
        }
        DeValue::Table(table) => {
            for (_, item) in table {
                collect_strings(item, out);
            }
        }
        _ => {}
    }
}

/// Whether the marker at `at` is a word of its own (`TODO`, not `TODOS` or `xTODO`).
fn is_word(text: &str, at: usize) -> bool {
    let before = text.get(..at).and_then(|t| t.chars().next_back());
    let after = text.get(at + MARKER.len()..).and_then(|t| t.chars().next());
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !letter(before) && !letter(after)
}

fn placeholder(file: &str, text: &str, at: usize) -> Placeholder {
    let before = text.get(..at).unwrap_or_default();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = text
        .get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| at + i);
    Placeholder {
        file: file.to_string(),
        line: before.matches('\n').count() + 1,
        column: text.get(start..at).unwrap_or_default().chars().count() + 1,
        text: text.get(start..end).unwrap_or_default().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_marker_in_strings_and_not_in_comments() {
        let source = "# TODO in a comment is the template's explanation\n\
                      title = { ja = \"TODO: 題名\", en = \"TODO: the title\" }\n\
                      text = \"\"\"\n# A heading\nTODO: write\n\"\"\"\n\
                      call = \"TODOS\" # TODO\n\
                      args = [[\"x\", \"a TODO\"]]\n";
        let offsets = in_strings(source);
        let found: Vec<Placeholder> = offsets
            .into_iter()
            .map(|at| placeholder("lesson.toml", source, at))
            .collect();
        let places: Vec<(usize, usize)> = found.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(places, vec![(2, 17), (2, 34), (5, 1), (8, 18)]);
        assert_eq!(
            found[0].text,
            "title = { ja = \"TODO: 題名\", en = \"TODO: the title\" }"
        );
        assert_eq!(
            found[0].render(),
            "  lesson.toml:2:17  title = { ja = \"TODO: 題名\", en = \"TODO: the title\" }"
        );
    }

    #[test]
    fn a_lesson_without_the_marker_has_no_placeholder() {
        assert!(in_strings("text = \"replace the todo!() with your code\"\n").is_empty());
    }
}
