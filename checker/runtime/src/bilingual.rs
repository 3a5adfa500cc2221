//! A message for a lesson's author, in both languages the checker speaks.

/// A message in English and Japanese. Every error about a lesson file is one: neither
/// text is optional, so a message cannot be written in one language only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual {
    pub ja: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Bilingual {
        Bilingual {
            en: en.into(),
            ja: ja.into(),
        }
    }

    /// The message with a prefix in each language, e.g. the argument it is about:
    /// `argument `a` (f32): …` / `引数 `a`（f32）：…`.
    pub fn after(self, en: &str, ja: &str) -> Bilingual {
        Bilingual {
            en: format!("{en}: {}", self.en),
            ja: format!("{ja}：{}", self.ja),
        }
    }

    /// The message about something named in both languages: `what` before it.
    pub fn about(self, what: &Bilingual) -> Bilingual {
        self.after(&what.en, &what.ja)
    }
}
