//! A mistake in a lesson file, said in English and in Japanese.

use super::Bilingual;
use super::compare;
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

    /// An error about a field, written in both languages.
    pub(super) fn at<T>(
        spanned: &Spanned<T>,
        en: impl Into<String>,
        ja: impl Into<String>,
    ) -> LessonError {
        LessonError::said(spanned, Bilingual::new(en, ja))
    }

    /// An error about a field, as a check that knows both languages gave it.
    pub(super) fn said<T>(spanned: &Spanned<T>, message: Bilingual) -> LessonError {
        LessonError::new(Some(spanned.span()), message)
    }

    /// An error about the lesson as a whole.
    pub(super) fn whole(en: impl Into<String>, ja: impl Into<String>) -> LessonError {
        LessonError::new(None, Bilingual::new(en, ja))
    }

    pub(super) fn field(e: compare::FieldError) -> LessonError {
        LessonError::new(Some(e.span), Bilingual::new(e.en, e.ja))
    }
}
