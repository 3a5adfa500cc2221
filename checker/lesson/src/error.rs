//! A mistake in a lesson file, said in English and in Japanese.

use super::Bilingual;
use std::ops::Range;
use toml::Spanned;

/// A problem in a lesson file, with the bytes it is about when known. Its message is
/// in English and in Japanese: the type has no room for a message in one language only.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonError {
    pub span: Option<Range<usize>>,
    pub message: Bilingual,
}

impl LessonError {
    pub fn new(span: Option<Range<usize>>, message: Bilingual) -> LessonError {
        LessonError { span, message }
    }

    /// An error about a field: `LessonError::at(field, say!(ja: …, en: …))`.
    pub(super) fn at<T>(spanned: &Spanned<T>, message: Bilingual) -> LessonError {
        LessonError::new(Some(spanned.span()), message)
    }

    /// An error about the lesson as a whole.
    pub(super) fn whole(message: Bilingual) -> LessonError {
        LessonError::new(None, message)
    }
}
