//! Where a place in a scenario's code stands in its lesson file, so that rustc's errors
//! on the generated harness are shown at the lesson's own line and column, not as the
//! whole `code = """…"""` block.

use std::ops::Range;

/// A place in a scenario's code, as rustc marks it: the line (from 0), the column in
/// characters (from 0) and how many characters are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodePlace {
    pub line: usize,
    pub column: usize,
    pub width: usize,
}

/// The bytes of the lesson file at `place` of the code `code`, whose TOML string (its
/// quotes included) is `code_span` of `source`. A line whose text in the file is not the
/// code's (an escape such as `\t`) is marked whole; `None` when the file's lines are not
/// the code's one for one (a one-line `"…\n…"` string), so the caller marks the string.
pub fn span_of(
    source: &str,
    code_span: &Range<usize>,
    code: &str,
    place: CodePlace,
) -> Option<Range<usize>> {
    let raw = source.get(code_span.clone())?;
    let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        3
    } else if raw.starts_with('"') || raw.starts_with('\'') {
        1
    } else {
        return None;
    };
    let mut start = code_span.start + quote;
    let mut body = raw.get(quote..raw.len().checked_sub(quote)?)?;
    // TOML drops a newline right after the opening `"""` from the value.
    if quote == 3 {
        for newline in ["\r\n", "\n"] {
            if let Some(rest) = body.strip_prefix(newline) {
                start += newline.len();
                body = rest;
                break;
            }
        }
    }
    let mut lines = Vec::new();
    for line in body.split('\n') {
        lines.push((start, line.trim_end_matches('\r')));
        start += line.len() + 1;
    }
    if lines.len() != code.split('\n').count() {
        return None;
    }
    let (at, text) = *lines.get(place.line)?;
    if code.lines().nth(place.line) != Some(text) {
        // The line as written: from its first to its last character that is not a space.
        let first = text.len() - text.trim_start().len();
        let last = text.trim_end().len().max(first);
        return Some(at + first..at + last);
    }
    let byte = |chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(b, _)| b)
    };
    let begin = byte(place.column).min(text.len());
    let end = byte(place.column + place.width.max(1)).max(begin);
    Some(at + begin..at + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(line: usize, column: usize, width: usize) -> CodePlace {
        CodePlace {
            line,
            column,
            width,
        }
    }

    /// The text of the file that a place maps to.
    fn mapped<'a>(source: &'a str, code: &str, at: CodePlace) -> Option<&'a str> {
        let start = source.find("code = ")? + "code = ".len();
        let end = source.rfind("\"\"\"").map_or(source.len(), |e| e + 3);
        let span = span_of(source, &(start..end), code, at)?;
        source.get(span)
    }

    #[test]
    fn a_line_of_a_multi_line_string_maps_to_its_line_and_column() {
        let source =
            "name = 1\ncode = \"\"\"\nlet grid = Grid { cells };\ngrid.scaled_sum(k)\n\"\"\"\n";
        let code = "let grid = Grid { cells };\ngrid.scaled_sum(k)\n";
        assert_eq!(mapped(source, code, place(1, 5, 10)), Some("scaled_sum"));
        assert_eq!(mapped(source, code, place(0, 0, 3)), Some("let"));
        // A width of 0 still marks one character.
        assert_eq!(mapped(source, code, place(1, 0, 0)), Some("g"));
        assert_eq!(mapped(source, code, place(5, 0, 1)), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = "code = \"\"\"\nlet 重み = w;\nf(&重み)\n\"\"\"";
        let code = "let 重み = w;\nf(&重み)\n";
        assert_eq!(mapped(source, code, place(1, 2, 3)), Some("&重み"));
    }

    #[test]
    fn a_line_written_with_an_escape_is_marked_whole() {
        let source = "code = \"\"\"\nlet s = \"a\\tb\";\n  s.len()  \n\"\"\"";
        let code = "let s = \"a\tb\";\n  s.len()  \n";
        assert_eq!(
            mapped(source, code, place(0, 9, 1)),
            Some("let s = \"a\\tb\";")
        );
        assert_eq!(mapped(source, code, place(1, 2, 1)), Some("s"));
    }

    #[test]
    fn a_one_line_string_of_several_code_lines_is_not_mapped() {
        let source = "code = \"let a = 1;\\na\"";
        let span = 7..source.len();
        assert_eq!(
            span_of(source, &span, "let a = 1;\na", place(1, 0, 1)),
            None
        );
        let source = "code = \"a + b\"";
        let span = 7..source.len();
        let at = span_of(source, &span, "a + b", place(0, 4, 1));
        assert_eq!(at.and_then(|at| source.get(at)), Some("b"));
    }
}
