//! Scenario helpers: Rust files of the instructor's in `lessons/helpers/`, written once and
//! compiled into the harness of every lesson that lists them (`helpers = ["digits_cnn"]`),
//! so that several lessons' scenarios call one function (`digits_cnn(&weights)`) instead
//! of each copying its code.
//!
//! A helper is mounted as a module of its own name at the harness crate's root, beside
//! the lesson's modules, and its public items are in scope in every scenario of the
//! lesson. It may use the lesson's own module and the modules of earlier lessons
//! (`use crate::cnn::Cnn;`): they are mounted with it, the student's for the student's
//! harness and the reference's for the reference's. It is the instructor's code, as a
//! scenario's is: grading does not scan it, and a panic in it is not put on the student.
//!
//! Loading a lesson ([`super::parse`]) checks the names in `helpers`; the course reads
//! the files ([`read`]), checks what they use, and folds their text into the lesson's
//! fingerprint ([`fingerprint`]), so that cached outputs go stale when a helper changes.

use super::Bilingual;
use crate::lang::say;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// A helper a lesson lists, and (once the course has read it) its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Helper {
    /// Its name: the module `lessons/helpers/<name>.rs` is mounted as.
    pub name: String,
    /// Where the lesson names it, in `helpers`.
    pub span: Range<usize>,
    /// Its file, as an absolute path, for the harness to mount.
    pub path: PathBuf,
    /// Its file as the course shows it: `lessons/helpers/digits_cnn.rs`.
    pub file: String,
    /// Its text, for errors at its lines and for the fingerprint.
    pub source: Arc<str>,
}

impl Helper {
    /// A helper named in a lesson file, before the course reads it.
    pub(crate) fn named(name: String, span: Range<usize>) -> Helper {
        Helper {
            name,
            span,
            path: PathBuf::new(),
            file: String::new(),
            source: Arc::from(""),
        }
    }

    /// The byte range in its text of a place rustc names by line and column (both from
    /// 1, the column in characters) and the text it marks there, if they fit the text.
    pub fn span_at(&self, line: usize, column: usize, marked: &str) -> Option<Range<usize>> {
        let start_of_line = match line {
            0 => return None,
            1 => 0,
            n => self
                .source
                .match_indices('\n')
                .nth(n - 2)
                .map(|(at, _)| at + 1)?,
        };
        let text = &self.source[start_of_line..];
        let text = &text[..text.find('\n').unwrap_or(text.len())];
        let offset = match column {
            0 => return None,
            c => text.char_indices().nth(c - 1).map(|(at, _)| at)?,
        };
        let start = start_of_line + offset;
        let end = start + marked.len().min(text.len() - offset);
        Some(start..end.max(start))
    }
}

/// The fingerprint of a lesson whose own is `lesson`, with the text of each of its
/// helpers: outputs cached under it go stale when a helper changes.
pub fn fingerprint(lesson: u64, helpers: &[Helper]) -> u64 {
    use std::hash::{Hash, Hasher};
    if helpers.is_empty() {
        return lesson;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    lesson.hash(&mut hasher);
    for helper in helpers {
        helper.name.hash(&mut hasher);
        helper.source.hash(&mut hasher);
    }
    hasher.finish()
}

/// Reads a helper's file into it, or says why it cannot be read.
pub fn read(helper: &mut Helper, path: PathBuf, shown: String) -> Result<(), Bilingual> {
    let name = &helper.name;
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            say!(ja: format!("ヘルパー `{name}` のファイル {shown} は UTF-8 のテキストではありません。"),
                en: format!("the helper `{name}` ({shown}) is not UTF-8 text"))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(say!(ja: format!("ヘルパー `{name}` がありません。{shown} に書いてください（シナリオから呼ぶ `pub` の関数を書いた Rust のファイルです）。"),
                en: format!("there is no helper `{name}`: write it in {shown} (a Rust file whose `pub` functions the scenarios call)")));
        }
        Err(e) => {
            return Err(say!(ja: format!("ヘルパー `{name}` のファイル {shown} を読めません（システムの説明：「{e}」）。"),
                en: format!("cannot read the helper `{name}` ({shown}): {e}")));
        }
    };
    helper.path = path;
    helper.file = shown;
    helper.source = Arc::from(text);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper(text: &str) -> Helper {
        Helper {
            source: Arc::from(text),
            ..Helper::named("digits_cnn".into(), 0..1)
        }
    }

    #[test]
    fn the_fingerprint_changes_with_a_helper_s_text() {
        let lesson = 42;
        let one = fingerprint(lesson, &[helper("pub fn a() -> f32 { 1.0 }")]);
        let same = fingerprint(lesson, &[helper("pub fn a() -> f32 { 1.0 }")]);
        let edited = fingerprint(lesson, &[helper("pub fn a() -> f32 { 2.0 }")]);
        assert_eq!(one, same);
        assert_ne!(one, edited, "an edited helper makes cached outputs stale");
        assert_ne!(one, fingerprint(lesson, &[]));
        assert_ne!(one, fingerprint(43, &[helper("pub fn a() -> f32 { 1.0 }")]));
        // Without helpers, the lesson's own fingerprint stands, so caches made before
        // helpers existed stay good.
        assert_eq!(fingerprint(lesson, &[]), lesson);
    }

    #[test]
    fn a_place_of_rustc_s_is_a_span_of_the_helper_s_text() {
        let h = helper("use x;\npub fn é(a: f32) -> f32 {\n    a + oops\n}\n");
        let span = h.span_at(3, 9, "oops").unwrap();
        assert_eq!(&h.source[span], "oops");
        // Columns count characters, not bytes.
        let span = h.span_at(2, 8, "é").unwrap();
        assert_eq!(&h.source[span], "é");
        assert_eq!(h.span_at(9, 1, "x"), None);
        assert_eq!(h.span_at(1, 40, "x"), None);
        assert_eq!(h.span_at(0, 1, "x"), None);
        // A mark longer than the line is cut at its end.
        let span = h.span_at(1, 5, "x;\nmore").unwrap();
        assert_eq!(&h.source[span], "x;");
    }
}
