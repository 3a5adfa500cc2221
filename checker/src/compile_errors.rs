//! What a compile error means to a student of this course: the slips its lessons provoke,
//! recognised from rustc's error code, spans and suggestions, so the report can say each
//! in one sentence of the student's language before rustc's own text.

use crate::harness::build::Diagnostic;

/// A compile error this course's students often meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    /// An integer literal where an `f32` is needed: `0` for `0.0`.
    IntegerForFloat,
    /// The shape of a new array as two arguments: `Array2::zeros(h, w)`.
    ShapeNotTuple,
    /// ndarray indexed with single brackets: `a[i, j]` for `a[[i, j]]`.
    SingleBracketIndex,
    /// A view (`row`, `column`, `slice`) where an owned array is expected.
    ViewForOwned,
    /// A value where a reference is expected: a missing `&`.
    MissingBorrow,
    /// A function whose last expression ends with `;`, so it returns `()`: `sum;`.
    SemicolonAfterValue,
    /// A function that ends without its value (after a loop, say): it returns `()`.
    NoValueReturned,
    /// A bracket opened and not closed, or closed by the wrong one: `v.mapv(|x| x * k }`.
    UnclosedDelimiter,
}

/// The slip a diagnostic shows, if it is one of the course's.
pub fn recognise(d: &Diagnostic) -> Option<Slip> {
    let label = d.label.as_deref().unwrap_or("");
    // rustc's labels of E0308 name the two types: "expected `X`, found `Y`".
    let (expected, found) = label.split_once(", found").unwrap_or((label, ""));
    match d.code.as_deref() {
        Some("E0308") if found.trim() == "`()`" => {
            let semicolon = d.suggestions.iter().any(String::is_empty)
                || d.rendered.contains("remove this semicolon");
            Some(if semicolon {
                Slip::SemicolonAfterValue
            } else {
                Slip::NoValueReturned
            })
        }
        Some("E0308") => {
            if expected.contains("OwnedRepr") && found.contains("ViewRepr") {
                Some(Slip::ViewForOwned)
            } else if d.suggestions.iter().any(|s| s == ".0")
                || (expected.contains("`f32`") && found.trim() == "integer")
            {
                Some(Slip::IntegerForFloat)
            } else if d.suggestions.iter().any(|s| s.starts_with('&'))
                || (expected.starts_with("expected `&")
                    && found.trim_start().starts_with("`ArrayBase"))
            {
                Some(Slip::MissingBorrow)
            } else {
                None
            }
        }
        // `s += x` or `x * 2` with an integer on one side and an f32 on the other.
        Some("E0277") if d.message.contains("{integer}") && d.message.contains("f32") => {
            Some(Slip::IntegerForFloat)
        }
        // `Array2::zeros(h, w)`: two arguments for one (E0061), and a `usize` that is not
        // a 2-D shape (E0271, about ndarray's `ShapeBuilder`).
        Some("E0061") => d
            .source
            .as_ref()
            .filter(|(_, span, _)| {
                ["zeros", "ones", "from_elem"]
                    .iter()
                    .any(|f| span.ends_with(f))
            })
            .map(|_| Slip::ShapeNotTuple),
        Some("E0271") if d.message.contains("ShapeBuilder") => Some(Slip::ShapeNotTuple),
        // rustc's syntax errors of brackets (no code): "unclosed delimiter",
        // "mismatched closing delimiter: `}`", "unexpected closing delimiter".
        None if d.message.contains("delimiter") => Some(Slip::UnclosedDelimiter),
        // A syntax error (no code) at a comma inside `name[...`: `a[i, j]`.
        None => d
            .source
            .as_ref()
            .filter(|(before, span, _)| span == "," && inside_single_index(before))
            .map(|_| Slip::SingleBracketIndex),
        _ => None,
    }
}

/// Whether the text before a comma leaves an index `name[` open (not `name[[`, nor a
/// slice literal `[a, b]` that follows no name).
fn inside_single_index(before: &str) -> bool {
    let Some(open) = before.rfind('[') else {
        return false;
    };
    if before[open..].contains(']') {
        return false;
    }
    let head = &before[..open];
    let named = head
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ')' || c == ']');
    named && !head.ends_with('[')
}

/// The slips of a list of diagnostics, each once, in the order they first occur.
pub fn slips<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Vec<Slip> {
    let mut out = Vec::new();
    for slip in diagnostics.into_iter().filter_map(recognise) {
        if !out.contains(&slip) {
            out.push(slip);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(code: Option<&str>, message: &str, label: &str) -> Diagnostic {
        Diagnostic {
            message: message.to_string(),
            label: Some(label.to_string()),
            rendered: String::new(),
            primary: None,
            code: code.map(str::to_string),
            source: None,
            suggestions: Vec::new(),
        }
    }

    #[test]
    fn an_integer_for_a_float_by_its_suggestion_or_its_types() {
        let mut d = diagnostic(
            Some("E0308"),
            "mismatched types",
            "expected `f32`, found integer",
        );
        assert_eq!(recognise(&d), Some(Slip::IntegerForFloat));
        d.label = None;
        d.suggestions = vec![".0".into()];
        assert_eq!(recognise(&d), Some(Slip::IntegerForFloat));
        let d = diagnostic(
            Some("E0277"),
            "cannot add-assign `&f32` to `{integer}`",
            "no implementation for `{integer} += &f32`",
        );
        assert_eq!(recognise(&d), Some(Slip::IntegerForFloat));
    }

    #[test]
    fn a_view_for_an_owned_array_and_a_missing_borrow() {
        let d = diagnostic(
            Some("E0308"),
            "mismatched types",
            "expected `&ArrayBase<OwnedRepr<f32>, ..., f32>`, found `ArrayBase<ViewRepr<&f32>, ..., f32>`",
        );
        assert_eq!(recognise(&d), Some(Slip::ViewForOwned));
        let mut d = diagnostic(
            Some("E0308"),
            "mismatched types",
            "expected `&ArrayBase<OwnedRepr<f32>, ..., f32>`, found `ArrayBase<OwnedRepr<f32>, ..., f32>`",
        );
        assert_eq!(recognise(&d), Some(Slip::MissingBorrow));
        d.label = None;
        d.suggestions = vec!["&".into()];
        assert_eq!(recognise(&d), Some(Slip::MissingBorrow));
    }

    #[test]
    fn a_function_that_returns_nothing() {
        // `a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();` as dot's last line.
        let mut d = diagnostic(
            Some("E0308"),
            "mismatched types",
            "expected `f32`, found `()`",
        );
        d.rendered = "error[E0308]: mismatched types\n  |     - help: remove this semicolon to return this value".into();
        assert_eq!(recognise(&d), Some(Slip::SemicolonAfterValue));
        d.rendered = String::new();
        d.suggestions = vec![String::new()];
        assert_eq!(recognise(&d), Some(Slip::SemicolonAfterValue));
        // A body that ends with a `for` loop, the sum never returned.
        d.suggestions.clear();
        assert_eq!(recognise(&d), Some(Slip::NoValueReturned));
    }

    #[test]
    fn a_shape_of_two_arguments() {
        let mut d = diagnostic(
            Some("E0061"),
            "this function takes 1 argument but 2 arguments were supplied",
            "",
        );
        d.source = Some((
            "    let out = ".into(),
            "Array2::zeros".into(),
            "(h, w);".into(),
        ));
        assert_eq!(recognise(&d), Some(Slip::ShapeNotTuple));
        d.source = Some(("    ".into(), "relu".into(), "(a, b);".into()));
        assert_eq!(recognise(&d), None);
    }

    #[test]
    fn single_brackets_only_after_a_name() {
        let mut d = diagnostic(
            None,
            "expected one of `!`, `.`, `::`, `?`, `]`, `{`, or an operator, found `,`",
            "",
        );
        d.source = Some((
            "    sum += image[r + i".into(),
            ",".into(),
            " c + j];".into(),
        ));
        assert_eq!(recognise(&d), Some(Slip::SingleBracketIndex));
        d.source = Some(("    let v = image[[r".into(), ",".into(), " c]];".into()));
        assert_eq!(recognise(&d), None);
        d.source = Some(("    let v = vec![1".into(), ",".into(), " 2".into()));
        assert_eq!(recognise(&d), None);
    }

    #[test]
    fn brackets_that_do_not_pair() {
        for message in [
            "mismatched closing delimiter: `}`",
            "this file contains an unclosed delimiter",
            "unexpected closing delimiter: `)`",
        ] {
            assert_eq!(
                recognise(&diagnostic(None, message, "")),
                Some(Slip::UnclosedDelimiter),
                "{message}"
            );
        }
        assert_eq!(recognise(&diagnostic(None, "expected `;`", "")), None);
    }

    #[test]
    fn each_slip_is_said_once() {
        let d = diagnostic(
            Some("E0308"),
            "mismatched types",
            "expected `f32`, found integer",
        );
        assert_eq!(slips([&d, &d]), vec![Slip::IntegerForFloat]);
        assert!(slips([&diagnostic(Some("E0425"), "cannot find value", "")]).is_empty());
    }
}
