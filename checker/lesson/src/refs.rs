//! Which of the crate's modules a module file refers to: `crate::<module>` and
//! `super::<module>` paths, in `use` declarations or anywhere else.
//!
//! The file is read as Rust tokens (with `proc-macro2`'s lexer), so comments, strings
//! and doc comments never count, and a half-written file needs only to lex, not to parse.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use std::str::FromStr;

/// One module a file refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub module: String,
    /// The module's items named after it (`max_pool2d` in `crate::pool::max_pool2d`), in
    /// the order first seen.
    pub items: Vec<String>,
    /// Seen only as `super::<module>`, which names a module only from a lesson module
    /// itself: in a nested `mod tests`, `super::dot` is a function.
    pub only_super: bool,
}

/// The modules `source` refers to, in the order first seen; `None` when it does not even
/// lex as Rust (an unclosed bracket or string), so nothing can be said.
pub fn references(source: &str) -> Option<Vec<Reference>> {
    let tokens = TokenStream::from_str(source).ok()?;
    let mut found = Vec::new();
    scan(tokens, &mut found);
    Some(found)
}

/// Adds a reference, merging it with an earlier one to the same module.
fn add(found: &mut Vec<Reference>, module: String, items: Vec<String>, via_super: bool) {
    match found.iter_mut().find(|r| r.module == module) {
        Some(reference) => {
            reference.only_super &= via_super;
            for item in items {
                if !reference.items.contains(&item) {
                    reference.items.push(item);
                }
            }
        }
        None => found.push(Reference {
            module,
            items,
            only_super: via_super,
        }),
    }
}

fn is_punct(token: Option<&TokenTree>, c: char) -> bool {
    matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// Whether `tokens[at..]` starts with `::`.
fn is_path_sep(tokens: &[TokenTree], at: usize) -> bool {
    is_punct(tokens.get(at), ':') && is_punct(tokens.get(at + 1), ':')
}

fn ident(token: Option<&TokenTree>) -> Option<String> {
    match token {
        Some(TokenTree::Ident(i)) => Some(i.to_string().trim_start_matches("r#").to_string()),
        _ => None,
    }
}

fn scan(stream: TokenStream, found: &mut Vec<Reference>) {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    for (at, token) in tokens.iter().enumerate() {
        if let TokenTree::Group(group) = token {
            scan(group.stream(), found);
            continue;
        }
        let Some(root) = ident(Some(token)) else {
            continue;
        };
        // `$crate` in a macro, `a::crate`, `super::super`: not a path from the crate root.
        let preceded =
            at > 0 && (is_punct(tokens.get(at - 1), '$') || is_punct(tokens.get(at - 1), ':'));
        if !(root == "crate" || root == "super") || preceded || !is_path_sep(&tokens, at + 1) {
            continue;
        }
        let via_super = root == "super";
        match tokens.get(at + 3) {
            Some(TokenTree::Ident(_)) => {
                let module = ident(tokens.get(at + 3)).unwrap_or_default();
                add(found, module, items_after(&tokens, at + 4), via_super);
            }
            // `crate::{unit::dot, conv}`: each element starts with a module.
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                for element in inner.split(|t| is_punct(Some(t), ',')) {
                    if let Some(module) = ident(element.first()).filter(|m| m != "self") {
                        add(found, module, items_after(element, 1), via_super);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The items named by `::item` or `::{a, b}` at `tokens[at..]`.
fn items_after(tokens: &[TokenTree], at: usize) -> Vec<String> {
    if !is_path_sep(tokens, at) {
        return Vec::new();
    }
    match tokens.get(at + 2) {
        Some(TokenTree::Ident(_)) => ident(tokens.get(at + 2)).into_iter().collect(),
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            inner
                .split(|t| is_punct(Some(t), ','))
                .filter_map(|element| ident(element.first()))
                .filter(|item| item != "self")
                .collect()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modules(source: &str) -> Vec<(String, Vec<String>, bool)> {
        references(source)
            .unwrap()
            .into_iter()
            .map(|r| (r.module, r.items, r.only_super))
            .collect()
    }

    fn plain(module: &str, items: &[&str]) -> (String, Vec<String>, bool) {
        (
            module.to_string(),
            items.iter().map(|s| s.to_string()).collect(),
            false,
        )
    }

    #[test]
    fn finds_use_declarations_and_paths_in_code() {
        let source = "use crate::unit::dot;\nuse crate::conv::{conv2d, self};\n\
                      fn f() { crate::pool::max_pool2d(&a, 2); crate::unit::relu(x); }";
        assert_eq!(
            modules(source),
            vec![
                plain("unit", &["dot", "relu"]),
                plain("conv", &["conv2d"]),
                plain("pool", &["max_pool2d"]),
            ]
        );
    }

    #[test]
    fn finds_grouped_and_nested_imports() {
        let source = "use crate::{unit::{dot, relu}, dense::dense, conv};";
        assert_eq!(
            modules(source),
            vec![
                plain("unit", &["dot", "relu"]),
                plain("dense", &["dense"]),
                plain("conv", &[]),
            ]
        );
    }

    #[test]
    fn comments_strings_and_docs_do_not_count() {
        let source = "// use crate::unit::dot;\n/* crate::conv */\n/// See crate::pool.\n\
                      fn f() -> &'static str { \"crate::dense\" }\nconst C: char = ':';\n\
                      const R: &str = r#\"crate::cnn\"#;";
        assert_eq!(modules(source), vec![]);
    }

    #[test]
    fn super_paths_are_marked_and_macro_crate_is_not_a_reference() {
        let source = "use super::unit::dot;\nmod tests { use super::*; use super::dot; }\n\
                      macro_rules! m { () => { $crate::conv::conv2d } }";
        assert_eq!(
            modules(source),
            vec![
                ("unit".to_string(), vec!["dot".to_string()], true),
                ("dot".to_string(), vec![], true),
            ]
        );
    }

    #[test]
    fn a_file_that_does_not_lex_says_nothing() {
        assert_eq!(references("use crate::unit::dot;\nfn f() {"), None);
    }
}
