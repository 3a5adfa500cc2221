//! A message for a lesson's author, in both languages the checker speaks.

/// A message in Japanese and English. Every error about a lesson file is one: neither
/// text is optional, so a message cannot be written in one language only. Japanese comes
/// first wherever both are written, as in the checker's `say!(ja: …, en: …)`. A lesson
/// file's texts (`{ ja = "…", en = "…" }`) are one too (with the `serde` feature).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Bilingual {
    pub ja: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Bilingual {
        Bilingual {
            ja: ja.into(),
            en: en.into(),
        }
    }

    /// The message with a prefix in each language, e.g. the argument it is about:
    /// `引数 `a`（f32）：…` / `argument `a` (f32): …`.
    pub fn after(self, ja: &str, en: &str) -> Bilingual {
        Bilingual {
            ja: format!("{ja}：{}", self.ja),
            en: format!("{en}: {}", self.en),
        }
    }

    /// The message about something named in both languages: `what` before it.
    pub fn about(self, what: &Bilingual) -> Bilingual {
        self.after(&what.ja, &what.en)
    }
}
