//! Every comment of a reference solution is written in Japanese first, then in English.
//!
//! `checker solution <lesson>` prints the whole reference file to a student who has
//! passed, comments and tests included, and a Japanese student must not find
//! English-only comments there. The stubs in `lessons/stubs/` set the pattern: each
//! `//!`, `///` or `//` comment says it in Japanese, then says it again in English.

use std::path::Path;

/// Whether a line holds Japanese: hiragana, katakana or kanji.
fn has_japanese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
    })
}

/// The comment blocks of a source file: consecutive lines that are comments of the same
/// kind (`//!`, `///` or `//`) at the same indentation, as (first line number, texts).
fn comment_blocks(source: &str) -> Vec<(usize, Vec<&str>)> {
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut previous: Option<(&str, &str)> = None;
    for (number, line) in source.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let kind = ["//!", "///", "//"]
            .into_iter()
            .find(|kind| trimmed.starts_with(kind));
        match kind {
            Some(kind) => {
                let text = trimmed[kind.len()..].trim();
                match blocks.last_mut() {
                    Some((_, texts)) if previous == Some((kind, indent)) => texts.push(text),
                    _ => blocks.push((number + 1, vec![text])),
                }
                previous = Some((kind, indent));
            }
            None => previous = None,
        }
    }
    blocks
}

#[test]
fn every_comment_of_a_reference_says_it_in_japanese_then_in_english() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<_> = std::fs::read_dir(&src)
        .expect("solutions/src can be read")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    files.sort();
    // lib.rs and at least one reference, however many lessons the course has.
    assert!(
        files.len() > 1,
        "the references are found in {}",
        src.display()
    );
    let mut wrong = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("a reference is UTF-8 text");
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        for (line, texts) in comment_blocks(&source) {
            let written: Vec<&&str> = texts.iter().filter(|t| !t.is_empty()).collect();
            let japanese_first = written.first().is_some_and(|t| has_japanese(t));
            let english_last = written.last().is_some_and(|t| !has_japanese(t));
            if !(japanese_first && english_last) {
                wrong.push(format!("solutions/src/{name}:{line}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "these comments are not in Japanese first, then English (as in lessons/stubs/), \
         and `checker solution --lang ja` shows them to Japanese students:\n{}",
        wrong.join("\n")
    );
}
