//! The checker names no lesson: no text of the non-test code of `checker/src` or of the
//! lesson crate below it (`checker/lesson/src`), a string or a help text, holds a lesson
//! id, a module, a function or type a lesson calls, a helper or a data file of the
//! course's `lessons/*.toml`. What a lesson needs the checker to know
//! is declared in its lesson file. A leftover fails the test with its file:line:col.
//!
//! Comments, doc comments and `#[cfg(test)]` items may name the course: they explain or
//! test it with its lessons.

use crate::support::repo_root;
use proc_macro2::{Delimiter, TokenStream, TokenTree};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::str::FromStr as _;

/// Every `.rs` file under a folder.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The names of the course: every lesson's id, module, the modules it uses, its
/// helpers, the functions and types it declares and calls, and its data files (as
/// written, and the file's name).
fn course_names(lessons: &Path) -> BTreeSet<String> {
    fn walk(key: &str, value: &toml::Value, names: &mut BTreeSet<String>) {
        match value {
            toml::Value::String(text) => match key {
                "id" | "module" | "uses" | "helpers" | "call" | "function" | "dataset" => {
                    names.insert(text.clone());
                }
                // `fn name(…) -> …`, `struct Name { … }`.
                "functions" => {
                    let mut words = text.split(|c: char| !(c.is_alphanumeric() || c == '_'));
                    while let Some(word) = words.next() {
                        if ["fn", "struct"].contains(&word)
                            && let Some(name) = words.next()
                        {
                            names.insert(name.to_string());
                        }
                    }
                }
                _ => {}
            },
            toml::Value::Array(items) => items.iter().for_each(|v| walk(key, v, names)),
            toml::Value::Table(table) => {
                for (inner, v) in table {
                    walk(inner, v, names);
                    if key == "datasets"
                        && inner == "file"
                        && let Some(file) = v.as_str()
                    {
                        names.insert(file.to_string());
                        names.insert(file.rsplit('/').next().unwrap().to_string());
                    }
                }
            }
            _ => {}
        }
    }
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(lessons).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let lesson: toml::Value = toml::from_str(&text).unwrap();
            walk("", &lesson, &mut names);
        }
    }
    names
}

/// Each string literal of the code outside comments, doc comments and `#[cfg(test)]`
/// items, with its line and column.
fn strings_of(tokens: TokenStream, found: &mut Vec<(usize, usize, String)>) {
    let mut tokens = tokens.into_iter().peekable();
    let mut skip_item = false;
    while let Some(token) = tokens.next() {
        match token {
            // An attribute: `#[…]` or `#![…]`.
            TokenTree::Punct(p) if p.as_char() == '#' => {
                if matches!(tokens.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '!') {
                    tokens.next();
                }
                let Some(TokenTree::Group(attribute)) = tokens.next() else {
                    continue;
                };
                let text = attribute.stream().to_string();
                if text.starts_with("doc") {
                    continue;
                }
                if text.replace(' ', "") == "cfg(test)" {
                    skip_item = true;
                    continue;
                }
                strings_of(attribute.stream(), found);
            }
            // The end of an item a `#[cfg(test)]` leaves out: its body or its `;`.
            TokenTree::Group(group) if skip_item && group.delimiter() == Delimiter::Brace => {
                skip_item = false;
            }
            TokenTree::Punct(p) if skip_item && p.as_char() == ';' => skip_item = false,
            _ if skip_item => {}
            TokenTree::Group(group) => strings_of(group.stream(), found),
            TokenTree::Literal(literal) => {
                let text = literal.to_string();
                if text.ends_with('"') || text.ends_with('#') {
                    let at = literal.span().start();
                    found.push((at.line, at.column + 1, text));
                }
            }
            _ => {}
        }
    }
}

/// Words of the lesson format's and the checker's own vocabulary that the course also
/// uses as names: generic parts of a CNN, not lessons.
#[rustfmt::skip]
const ALLOWED: &[&str] = &[
    // `explain = "…"`: the arithmetic `show --html` explains for a stage of a network,
    // and the kind of a sliding window's page.
    "conv", "relu", "pool", "dense", "softmax",
    // A `slide`'s window side (`size = 2`), the argument a pooling function is given.
    "size",
    // The step of a sliding window, a key of its page's data.
    "stride",
    // `loss_curve`'s `accuracy = <part>`.
    "accuracy",
    // "10 units": what a dense stage's shape counts.
    "unit",
    // Older spellings the lesson format still reads, so that lesson files written
    // before `split = "training"` and `view = "predictions"` load unchanged.
    "train", "digits",
];

/// The course's names a string literal (as written, quotes included) holds: the whole
/// string, a name quoted in it (`` `name` ``, `"name"`), or a name no English word is
/// (with `_`, `-`, `/`, `.`, a digit or a capital) anywhere in it as a word or a path.
/// "the size of", "digits and `_`" are English, not the lessons `size` and `digits`.
fn names_in<'a>(literal: &str, names: &'a BTreeSet<String>) -> Vec<&'a str> {
    let text = literal
        .trim_start_matches('r')
        .trim_matches('#')
        .trim_matches('"');
    let words: BTreeSet<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .collect();
    let english = |name: &str| name.chars().all(|c| c.is_ascii_lowercase());
    names
        .iter()
        .map(String::as_str)
        .filter(|name| {
            text == *name
                || [
                    format!("`{name}`"),
                    format!("\\\"{name}\\\""),
                    format!("\"{name}\""),
                ]
                .iter()
                .any(|quoted| text.contains(quoted.as_str()))
                || (!english(name)
                    && (words.contains(name) || (name.contains(['/', '.']) && text.contains(name))))
        })
        .filter(|name| !ALLOWED.contains(name))
        .collect()
}

#[test]
fn the_checker_names_no_lesson_of_the_course() {
    let root = repo_root();
    let names = course_names(&root.join("lessons"));
    for name in [
        "conv",
        "conv2d",
        "Cnn",
        "data/digits.csv.gz",
        "digits.csv.gz",
    ] {
        assert!(names.contains(name), "`{name}` not read from the lessons");
    }
    let mut leftovers = Vec::new();
    let sources = ["checker/src", "checker/lesson/src"].map(|dir| rust_files(&root.join(dir)));
    assert!(
        sources.iter().all(|files| files.len() > 10),
        "both crates read: {sources:?}"
    );
    for file in sources.into_iter().flatten() {
        let text = std::fs::read_to_string(&file).unwrap();
        let tokens = TokenStream::from_str(&text).unwrap();
        let mut strings = Vec::new();
        strings_of(tokens, &mut strings);
        let shown = file.strip_prefix(&root).unwrap().display().to_string();
        for (line, column, string) in strings {
            let named = names_in(&string, &names);
            if !named.is_empty() {
                leftovers.push(format!("{shown}:{line}:{column}: {named:?} in {string}"));
            }
        }
    }
    assert!(
        leftovers.is_empty(),
        "the checker names the course's lessons ({}):\n{}",
        leftovers.len(),
        leftovers.join("\n")
    );
}

#[test]
fn a_name_is_found_in_code_not_in_english_comments_or_tests() {
    let names: BTreeSet<String> = ["lenet", "conv2d", "data/lenet.csv.gz"]
        .map(String::from)
        .into();
    let code = r#"
        //! "lenet" in a doc comment
        /// "lenet" in a doc comment
        fn a() { let _ = ("lenet", "of the lenet", "a `lenet` b", "call conv2d", "data/lenet.csv.gz"); }
        // "lenet" in a comment
        #[cfg(test)]
        mod tests { fn b() { let _ = "lenet"; } }
        #[arg(help = "lenet")]
        struct C;
    "#;
    let mut strings = Vec::new();
    strings_of(TokenStream::from_str(code).unwrap(), &mut strings);
    let named: Vec<(usize, Vec<&str>)> = strings
        .iter()
        .map(|(line, _, text)| (*line, names_in(text, &names)))
        .filter(|(_, named)| !named.is_empty())
        .collect();
    assert_eq!(
        named,
        vec![
            (4, vec!["lenet"]),
            (4, vec!["lenet"]),
            (4, vec!["conv2d"]),
            (4, vec!["data/lenet.csv.gz"]),
            (8, vec!["lenet"])
        ]
    );
}
