//! Mutation analysis of a lesson's hidden tests (`dev mutants`): the places in a reference
//! module where a small change makes another program (a mutant), found with syn, and the
//! lesson's `[[equivalent]]` marks of mutants that compute the same function.
//!
//! The operators are those of cargo-mutants and PIT: a binary operator replaced (`+ - * /`,
//! `%`, `&& ||` and their compound assignments), a comparison moved across its boundary
//! (`<` and `<=`, `>` and `>=`, `==` and `!=`), `max` and `min` swapped, a range bound
//! shifted by one, two indices of `[[i, j]]` swapped, a literal replaced (`0.0` and `1.0`,
//! an integer by the next, a float's constant such as `f32::NEG_INFINITY` by `0.0`), a unary `-` or `!` deleted, a statement deleted (an assignment
//! such as `+= bias`, a call such as `v.push(x);`), a function body replaced by a default.
//! It knows no lesson: a mutant is an edit of a module's text at a span.

use super::load::check_localized;
use super::model::RawEquivalent;
use super::{Bilingual, LessonError};
use crate::lang::say;
use proc_macro2::Span;
use std::ops::Range;
use syn::spanned::Spanned as _;
use syn::visit::{self, Visit};
use toml::Spanned;

/// One mutant: the module's text with `span` replaced by `with`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mutant {
    /// The bytes of the module's text that change.
    pub(crate) span: Range<usize>,
    pub with: String,
    /// The line (from 1) where the change starts, and its column (from 1, in characters).
    pub line: usize,
    pub column: usize,
}

impl Mutant {
    /// The text the mutant replaces.
    pub fn find<'s>(&self, source: &'s str) -> &'s str {
        source.get(self.span.clone()).unwrap_or_default()
    }

    /// The module's text with the mutant in it.
    pub fn apply(&self, source: &str) -> String {
        let mut text = source.to_string();
        text.replace_range(self.span.clone(), &self.with);
        text
    }

    /// The whole lines the change touches, before and after it: a diff to show.
    pub fn diff(&self, source: &str) -> (String, String) {
        let start = source[..self.span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = source[self.span.end..]
            .find('\n')
            .map_or(source.len(), |i| self.span.end + i);
        let before = &source[start..end];
        let after = format!(
            "{}{}{}",
            &source[start..self.span.start],
            self.with,
            &source[self.span.end..end]
        );
        (before.to_string(), after)
    }
}

/// Every mutant of a module's text, in the order of the text; none when it does not parse
/// as Rust. Code under `#[cfg(test)]` or `#[test]` is not mutated.
pub fn mutants(source: &str) -> Vec<Mutant> {
    let Ok(file) = syn::parse_file(source) else {
        return Vec::new();
    };
    let mut finder = Finder {
        source,
        found: Vec::new(),
    };
    finder.visit_file(&file);
    let mut found = finder.found;
    found.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.with).cmp(&(b.span.start, b.span.end, &b.with))
    });
    found.dedup_by(|a, b| a.span == b.span && a.with == b.with);
    found.retain(|m| m.find(source) != m.with);
    found
}

struct Finder<'s> {
    source: &'s str,
    found: Vec<Mutant>,
}

impl Finder<'_> {
    /// The byte range of a span in the text, when it is one.
    fn range(&self, span: Span) -> Option<Range<usize>> {
        let range = span.byte_range();
        (range.start < range.end && self.source.get(range.clone()).is_some()).then_some(range)
    }

    fn text(&self, span: Span) -> Option<&str> {
        self.source.get(self.range(span)?)
    }

    fn add(&mut self, span: Span, with: impl Into<String>) {
        let Some(range) = self.range(span) else {
            return;
        };
        let before = &self.source[..range.start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        self.found.push(Mutant {
            span: range,
            with: with.into(),
            line,
            column,
        });
    }

    /// `expr` shifted by `by` (`n - 1`), in parentheses unless it needs none.
    fn shifted(&self, expr: &syn::Expr, by: &str) -> Option<String> {
        let text = self.text(expr.span())?;
        let plain = matches!(
            expr,
            syn::Expr::Path(_)
                | syn::Expr::Lit(_)
                | syn::Expr::MethodCall(_)
                | syn::Expr::Call(_)
                | syn::Expr::Field(_)
                | syn::Expr::Index(_)
                | syn::Expr::Paren(_)
        );
        Some(match plain {
            true => format!("{text} {by}"),
            false => format!("({text}) {by}"),
        })
    }
}

/// Whether attributes keep an item out of the analysis: tests are not the reference.
fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        let path = attr.path();
        path.is_ident("test")
            || (path.is_ident("cfg")
                && attr
                    .parse_args::<syn::Ident>()
                    .is_ok_and(|ident| ident == "test"))
    })
}

/// What a binary operator becomes (cargo-mutants' and PIT's replacements).
fn replacements(op: &syn::BinOp) -> &'static [&'static str] {
    use syn::BinOp::*;
    match op {
        Add(_) => &["-", "*"],
        Sub(_) => &["+"],
        Mul(_) => &["+", "/"],
        Div(_) => &["*"],
        Rem(_) => &["/"],
        And(_) => &["||"],
        Or(_) => &["&&"],
        Lt(_) => &["<="],
        Le(_) => &["<"],
        Gt(_) => &[">="],
        Ge(_) => &[">"],
        Eq(_) => &["!="],
        Ne(_) => &["=="],
        AddAssign(_) => &["-=", "*="],
        SubAssign(_) => &["+="],
        MulAssign(_) => &["+=", "/="],
        DivAssign(_) => &["*="],
        _ => &[],
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if is_test(&item.attrs) {
            return;
        }
        self.body(&item.sig, &item.block);
        visit::visit_item_fn(self, item);
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        if is_test(&item.attrs) {
            return;
        }
        self.body(&item.sig, &item.block);
        visit::visit_impl_item_fn(self, item);
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if !is_test(&item.attrs) {
            visit::visit_item_mod(self, item);
        }
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        if !is_test(&item.attrs) {
            visit::visit_item_impl(self, item);
        }
    }

    // Types hold no computation; an array's length is not worth a build.
    fn visit_type(&mut self, _: &'ast syn::Type) {}

    fn visit_expr_binary(&mut self, expr: &'ast syn::ExprBinary) {
        for with in replacements(&expr.op) {
            self.add(expr.op.span(), *with);
        }
        visit::visit_expr_binary(self, expr);
    }

    fn visit_expr_unary(&mut self, expr: &'ast syn::ExprUnary) {
        if matches!(expr.op, syn::UnOp::Neg(_) | syn::UnOp::Not(_))
            && let Some(operand) = self.text(expr.expr.span())
        {
            let operand = operand.to_string();
            self.add(expr.span(), operand);
        }
        visit::visit_expr_unary(self, expr);
    }

    fn visit_expr_method_call(&mut self, expr: &'ast syn::ExprMethodCall) {
        match expr.method.to_string().as_str() {
            "max" => self.add(expr.method.span(), "min"),
            "min" => self.add(expr.method.span(), "max"),
            _ => {}
        }
        visit::visit_expr_method_call(self, expr);
    }

    fn visit_expr_path(&mut self, expr: &'ast syn::ExprPath) {
        // `f32::max(a, b)`, `fold(f32::NEG_INFINITY, f32::max)`: a path of more than one
        // segment (a lone `max` is a variable).
        let segments = &expr.path.segments;
        if segments.len() > 1
            && let Some(last) = segments.last()
        {
            let name = last.ident.to_string();
            match name.as_str() {
                "max" => self.add(last.ident.span(), "min"),
                "min" => self.add(last.ident.span(), "max"),
                // A float's constant (`f32::NEG_INFINITY`, `f64::EPSILON`) is a literal too:
                // a maximum folded from 0 is the classic slip.
                _ if segments.len() == 2
                    && matches!(segments[0].ident.to_string().as_str(), "f32" | "f64")
                    && name.chars().all(|c| c.is_ascii_uppercase() || c == '_') =>
                {
                    self.add(expr.span(), "0.0");
                }
                _ => {}
            }
        }
        visit::visit_expr_path(self, expr);
    }

    fn visit_expr_range(&mut self, expr: &'ast syn::ExprRange) {
        if let Some(end) = &expr.end {
            for by in ["- 1", "+ 1"] {
                if let Some(with) = self.shifted(end, by) {
                    self.add(end.span(), with);
                }
            }
        }
        if let Some(start) = &expr.start
            && let Some(with) = self.shifted(start, "+ 1")
        {
            self.add(start.span(), with);
        }
        visit::visit_expr_range(self, expr);
    }

    fn visit_expr_index(&mut self, expr: &'ast syn::ExprIndex) {
        if let syn::Expr::Array(array) = &*expr.index {
            let parts: Option<Vec<String>> = array
                .elems
                .iter()
                .map(|e| self.text(e.span()).map(str::to_string))
                .collect();
            if let Some(parts) = parts {
                for i in 1..parts.len() {
                    if parts[i - 1] == parts[i] {
                        continue;
                    }
                    let mut swapped = parts.clone();
                    swapped.swap(i - 1, i);
                    let with = format!("[{}]", swapped.join(", "));
                    self.add(array.span(), with);
                }
            }
        }
        visit::visit_expr_index(self, expr);
    }

    fn visit_expr_lit(&mut self, expr: &'ast syn::ExprLit) {
        match &expr.lit {
            syn::Lit::Float(float) => {
                let zero = float.base10_parse::<f64>().is_ok_and(|v| v == 0.0);
                let with = if zero { "1.0" } else { "0.0" };
                let suffix = float.suffix();
                self.add(float.span(), format!("{with}{suffix}"));
            }
            syn::Lit::Int(int) => {
                if let Ok(value) = int.base10_parse::<u64>() {
                    let with = match value {
                        1 => 0,
                        n => n.saturating_add(1),
                    };
                    self.add(int.span(), format!("{with}{}", int.suffix()));
                }
            }
            _ => {}
        }
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        for stmt in &block.stmts {
            if let syn::Stmt::Expr(expr, Some(_)) = stmt {
                let deletable = match expr {
                    syn::Expr::Assign(_) | syn::Expr::MethodCall(_) | syn::Expr::Call(_) => true,
                    syn::Expr::Binary(binary) => matches!(
                        binary.op,
                        syn::BinOp::AddAssign(_)
                            | syn::BinOp::SubAssign(_)
                            | syn::BinOp::MulAssign(_)
                            | syn::BinOp::DivAssign(_)
                    ),
                    _ => false,
                };
                if deletable {
                    self.add(stmt.span(), "");
                }
            }
        }
        visit::visit_block(self, block);
    }
}

impl Finder<'_> {
    /// A function's body replaced by a default value (an empty body for no value).
    fn body(&mut self, sig: &syn::Signature, block: &syn::Block) {
        let with = match &sig.output {
            syn::ReturnType::Default => "{}",
            syn::ReturnType::Type(_, ty) if matches!(&**ty, syn::Type::Tuple(t) if t.elems.is_empty()) => {
                "{}"
            }
            syn::ReturnType::Type(..) => "{ Default::default() }",
        };
        self.add(block.span(), with);
    }
}

/// A survivor marked in the lesson file as computing the same function as the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Equivalent {
    /// The module mutated, relative to the workbook (`dev mutants --from`); the
    /// reference when `None`.
    pub file: Option<String>,
    /// The line of the reference module where the change starts, and the column when
    /// the same change is made twice on the line.
    pub(crate) line: usize,
    pub(crate) column: Option<usize>,
    pub(crate) find: String,
    pub(crate) with: String,
    pub reason: Bilingual,
    /// Where the mark is written in the lesson file.
    pub span: Range<usize>,
}

impl Equivalent {
    /// Whether this mark names `mutant` of the module `source` (white space aside).
    pub fn names(&self, mutant: &Mutant, source: &str) -> bool {
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.line == mutant.line
            && self.column.is_none_or(|c| c == mutant.column)
            && words(&self.find) == words(mutant.find(source))
            && words(&self.with) == words(&mutant.with)
    }
}

/// The lesson's `[[equivalent]]` marks; what is wrong with them goes to `errors`.
pub(crate) fn equivalents(
    raw: &[Spanned<RawEquivalent>],
    errors: &mut Vec<LessonError>,
) -> Vec<Equivalent> {
    let mut marks: Vec<Equivalent> = Vec::new();
    for raw_mark in raw {
        let mark = raw_mark.get_ref();
        let before = errors.len();
        check_localized(
            &mark.reason,
            (
                "同じ働きをするミュータントの理由",
                "reason of an equivalent mutant",
            ),
            errors,
        );
        let line = *mark.line.get_ref();
        if line < 1 {
            errors.push(LessonError::at(
                &mark.line,
                say!(ja: format!("`line = {line}` は行番号になりません。模範解答の行は 1 から数えます。"),
                    en: format!("`line = {line}`: lines of the reference count from 1")),
            ));
        }
        if mark.find.get_ref().trim().is_empty() {
            errors.push(LessonError::at(
                &mark.find,
                say!(ja: "`find` が空です。ミュータントが書き換える模範解答の文字列を書いてください。",
                    en: "`find` is empty: write the text of the reference that the mutant replaces"),
            ));
        } else if *mark.find.get_ref() == mark.with {
            errors.push(LessonError::at(
                &mark.find,
                say!(ja: "`with` が `find` と同じです。何も変えないミュータントはありません。",
                    en: "`with` is the same as `find`: no mutant changes nothing"),
            ));
        }
        let column = mark.column.as_ref().map(|c| *c.get_ref());
        if let Some(raw_column) = &mark.column
            && *raw_column.get_ref() < 1
        {
            let column = raw_column.get_ref();
            errors.push(LessonError::at(
                raw_column,
                say!(ja: format!("`column = {column}` は列の番号になりません。列は 1 から数えます。"),
                    en: format!("`column = {column}`: columns count from 1")),
            ));
        }
        let equivalent = Equivalent {
            file: mark.file.as_ref().map(|f| f.get_ref().clone()),
            line: usize::try_from(line).unwrap_or_default(),
            column: column.and_then(|c| usize::try_from(c).ok()),
            find: mark.find.get_ref().clone(),
            with: mark.with.clone(),
            reason: mark.reason.clone(),
            span: raw_mark.span(),
        };
        if errors.len() == before
            && marks.iter().any(|m| {
                (&m.file, m.line, m.column, m.find.as_str(), m.with.as_str())
                    == (
                        &equivalent.file,
                        equivalent.line,
                        equivalent.column,
                        equivalent.find.as_str(),
                        equivalent.with.as_str(),
                    )
            })
        {
            errors.push(LessonError::at(
                &mark.find,
                say!(ja: format!("このミュータント（{line} 行目）は、すでに同じ働きをすると書かれています。"),
                    en: format!("this mutant (line {line}) is marked equivalent already")),
            ));
        }
        if errors.len() == before {
            marks.push(equivalent);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(source: &str) -> Vec<(usize, String, String)> {
        mutants(source)
            .iter()
            .map(|m| (m.line, m.find(source).to_string(), m.with.clone()))
            .collect()
    }

    fn has(source: &str, find: &str, with: &str) -> bool {
        changes(source)
            .iter()
            .any(|(_, f, w)| f == find && w == with)
    }

    #[test]
    fn operators_comparisons_and_max_are_replaced() {
        let source = "fn f(a: f32, b: f32) -> f32 {\n    if a < b { a.max(b) * 2.0 } else { f32::min(a, b) - b / a }\n}\n";
        assert!(has(source, "<", "<="));
        assert!(has(source, "*", "+") && has(source, "*", "/"));
        assert!(has(source, "-", "+") && has(source, "/", "*"));
        assert!(has(source, "max", "min") && has(source, "min", "max"));
        assert!(has(source, "2.0", "0.0"));
        let fold =
            "fn m(v: &[f32]) -> f32 {\n    v.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x))\n}\n";
        assert!(has(fold, "f32::NEG_INFINITY", "0.0") && has(fold, "max", "min"));
        // Each on its line, and applied at its place.
        let all = mutants(source);
        assert!(
            all.iter()
                .all(|m| m.line == 2 || m.with == "{ Default::default() }")
        );
        let lt = all.iter().find(|m| m.with == "<=").map(|m| m.apply(source));
        assert!(lt.is_some_and(|t| t.contains("if a <= b {")));
    }

    #[test]
    fn ranges_indices_literals_and_statements() {
        let source = "fn g(x: &Array2<f32>, n: usize) -> f32 {\n    let mut s = 0.0;\n    for i in 1..n {\n        s += x[[i, 0]];\n    }\n    -s\n}\n";
        assert!(has(source, "n", "n - 1") && has(source, "n", "n + 1"));
        assert!(has(source, "1", "1 + 1"));
        assert!(has(source, "[i, 0]", "[0, i]"));
        assert!(has(source, "0.0", "1.0") && has(source, "0", "1") && has(source, "1", "0"));
        assert!(has(source, "s += x[[i, 0]];", ""));
        assert!(has(source, "-s", "s"));
        let body = mutants(source)
            .into_iter()
            .find(|m| m.with == "{ Default::default() }");
        assert!(body.is_some_and(|m| m.line == 1 && m.find(source).ends_with("-s\n}")));
        // The lines of a diff are whole lines.
        let shift = mutants(source).into_iter().find(|m| m.with == "n - 1");
        assert_eq!(
            shift.map(|m| m.diff(source)),
            Some((
                "    for i in 1..n {".to_string(),
                "    for i in 1..n - 1 {".to_string()
            ))
        );
    }

    #[test]
    fn tests_are_not_mutated_and_unparsable_text_has_no_mutants() {
        let source = "fn f() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() { assert!(1 + 1 == 2); }\n}\n";
        assert_eq!(changes(source), Vec::new());
        assert_eq!(mutants("fn ("), Vec::new());
    }

    const LESSON: &str = r#"
format = 1
id = "relu"
module = "relu"
functions = ["fn relu(x: f32) -> f32"]
title = { ja = "ReLU", en = "ReLU" }
text = { ja = "負の値を 0 にします。", en = "Negative values become 0." }

[[fixed]]
name = { ja = "例", en = "example" }
call = "relu"
args = [2]
expected = 2
"#;

    const REASON: &str = r#"reason = { ja = "同じです。", en = "the same" }"#;

    /// The errors of a lesson with these `[[equivalent]]` marks: each message, and the
    /// text of the lesson file it points at.
    fn errors_of(marks: &[&str]) -> Vec<(String, String)> {
        let marks: String = marks
            .iter()
            .map(|m| format!("\n[[equivalent]]\n{m}\n"))
            .collect();
        crate::load::errors_with_text(&format!("{LESSON}{marks}"))
    }

    #[test]
    fn marks_are_read_and_checked_at_their_line() {
        let good = format!("line = 9\ncolumn = 10\nfind = \"<\"\nwith = \"<=\"\n{REASON}");
        let source = format!("{LESSON}\n[[equivalent]]\n{good}\n");
        let lesson = crate::parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            lesson
                .equivalents
                .iter()
                .map(|m| (m.line, m.column, m.find.as_str(), m.with.as_str()))
                .collect::<Vec<_>>(),
            vec![(9, Some(10), "<", "<=")]
        );
        assert_eq!(lesson.equivalents[0].reason.en, "the same");
        assert_eq!(
            errors_of(&[&format!("line = 0\nfind = \"<\"\nwith = \"<=\"\n{REASON}")]),
            vec![(
                "`line = 0`: lines of the reference count from 1".to_string(),
                "0".to_string()
            )]
        );
        assert_eq!(
            errors_of(&[&format!("line = 2\nfind = \"x\"\nwith = \"x\"\n{REASON}")]),
            vec![(
                "`with` is the same as `find`: no mutant changes nothing".to_string(),
                "\"x\"".to_string()
            )]
        );
        assert!(
            errors_of(&[&format!("line = 2\nfind = \" \"\nwith = \"x\"\n{REASON}")])[0]
                .0
                .contains("`find` is empty")
        );
        assert!(
            errors_of(&[
                "line = 2\nfind = \"<\"\nwith = \"<=\"\nreason = { ja = \"\", en = \"x\" }"
            ])[0]
                .0
                .contains("reason of an equivalent mutant is empty")
        );
        assert_eq!(
            errors_of(&[&good, &good]),
            vec![(
                "this mutant (line 9) is marked equivalent already".to_string(),
                "\"<\"".to_string()
            )]
        );
        // An unknown key is named, as everywhere in a lesson file.
        let typo = errors_of(&[&format!("{good}\ncolum = 3")]);
        assert!(typo.iter().any(|(e, _)| e.contains("colum")), "{typo:?}");
    }

    #[test]
    fn a_mark_names_its_mutant_whatever_the_white_space() {
        let source = "fn f(a: f32) -> f32 {\n    a.max(0.0)\n}\n";
        let mark = Equivalent {
            file: None,
            line: 2,
            column: None,
            find: "max".into(),
            with: "min".into(),
            reason: Bilingual {
                ja: "同じ".into(),
                en: "same".into(),
            },
            span: 0..0,
        };
        let all = mutants(source);
        assert_eq!(all.iter().filter(|m| mark.names(m, source)).count(), 1);
        let at = Equivalent {
            column: Some(7),
            ..mark.clone()
        };
        assert_eq!(all.iter().filter(|m| at.names(m, source)).count(), 1);
        let elsewhere = Equivalent {
            column: Some(8),
            ..mark.clone()
        };
        assert!(!all.iter().any(|m| elsewhere.names(m, source)));
        let elsewhere = Equivalent { line: 3, ..mark };
        assert!(!all.iter().any(|m| elsewhere.names(m, source)));
    }
}
