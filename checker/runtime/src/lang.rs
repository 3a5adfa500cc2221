//! The two languages the checker speaks, and the one way to write a sentence in both.
//!
//! Here, beside [`Bilingual`], so that every crate of the checker may speak: the lesson
//! crate (whose errors are [`Bilingual`]) and the checker, which name this module
//! `crate::lang` (`use cnnlings_runtime::lang;` at their root). Every sentence
//! a user reads is written with [`say!`], Japanese first, then English:
//! `say!(lang, ja: …, en: …)` is the sentence in `lang` (a [`Lang`], or what speaks one,
//! such as `messages::Msg`), `say!(ja: …, en: …)` is both, a [`Bilingual`] (every error
//! about a lesson file is one).

/// A text in both languages; neither is optional: every message about a lesson file,
/// and every text a lesson file writes as `{ ja, en }`. The harness runtime defines it,
/// since its own errors about a lesson's values are in both languages too.
pub use crate::bilingual::Bilingual;

/// The language of everything the checker prints (`--lang`, with the feature `clap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Lang {
    /// 日本語
    Ja,
    /// English
    En,
}

impl Lang {
    /// `--lang` if given, else the locale: `LC_ALL`, `LC_MESSAGES`, then `LANG` (as POSIX orders them).
    pub fn detect(arg: Option<Lang>) -> Lang {
        arg.unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .unwrap_or_default();
            if locale.starts_with("ja") {
                Lang::Ja
            } else {
                Lang::En
            }
        })
    }

    /// The text in this language, of one written in both (a message, or a lesson
    /// file's `{ ja, en }`).
    pub fn pick(self, text: &Bilingual) -> &str {
        match self {
            Lang::Ja => &text.ja,
            Lang::En => &text.en,
        }
    }
}

/// A sentence in both languages, Japanese first: with a language first, the sentence in
/// it (`say!(lang, ja: …, en: …)`, each an expression of the same type); without, both as
/// a [`Bilingual`] (`say!(ja: …, en: …)`, each anything that becomes a `String`).
#[macro_export]
macro_rules! say {
    (ja: $ja:expr, en: $en:expr $(,)?) => {
        $crate::lang::Bilingual {
            ja: ($ja).into(),
            en: ($en).into(),
        }
    };
    ($lang:expr, ja: $ja:expr, en: $en:expr $(,)?) => {
        match $crate::lang::Lang::from($lang) {
            $crate::lang::Lang::Ja => $ja,
            $crate::lang::Lang::En => $en,
        }
    };
}
pub use crate::say;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn say_picks_the_language_it_is_given() {
        let pick = |lang: Lang| say!(lang, ja: "はい", en: "yes");
        assert_eq!((pick(Lang::Ja), pick(Lang::En)), ("はい", "yes"));
    }

    #[test]
    fn say_without_a_language_keeps_both_japanese_first() {
        let both: Bilingual = say!(ja: "はい", en: format!("y{}", "es"));
        assert_eq!((both.ja.as_str(), both.en.as_str()), ("はい", "yes"));
        assert_eq!(Lang::Ja.pick(&both), "はい");
        assert_eq!(Lang::En.pick(&both), "yes");
    }
}
