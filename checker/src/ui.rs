//! How the checker speaks to the person in front of it: the language, whether to colour,
//! how wide the screen is. Decided once at start-up ([`Ui::detect`]) and passed to what
//! prints; nothing else reads the environment for these.

use crate::lang::Lang;
use crate::messages::Msg;
use crate::paint::{Colorize, Painted};
use crate::text;
use std::io::IsTerminal;

/// The language and the colours of this run, and the screen's width.
#[derive(Clone, Copy, Debug)]
pub struct Ui {
    pub lang: Lang,
    /// Whether the output is coloured. The one source of truth: the switch of `paint`
    /// is set from it in [`Ui::detect`], and nothing paints unless it is on.
    pub color: bool,
}

impl Ui {
    /// The language (`--lang`, else the locale) and the colours: on a terminal, unless
    /// `NO_COLOR`; always with `CLICOLOR_FORCE`; never when `plain` (grading writes
    /// files and reports that must carry no terminal codes). Sets `paint`'s switch to
    /// agree, so that no painted text slips through when colours are off.
    pub fn detect(lang: Option<Lang>, plain: bool) -> Ui {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        let color = !plain
            && (set("CLICOLOR_FORCE") || (std::io::stdout().is_terminal() && !set("NO_COLOR")));
        crate::paint::set_enabled(color);
        Ui {
            lang: Lang::detect(lang),
            color,
        }
    }

    pub fn msg(&self) -> Msg {
        Msg(self.lang)
    }

    /// The screen's width, asked each time (a terminal may be resized while watch mode
    /// runs); `None` when the output is not a terminal and `COLUMNS` is not set.
    pub fn width(&self) -> Option<usize> {
        text::terminal_width()
    }

    /// Text fitted to the screen's width (see [`text::fit`]).
    pub fn fit(&self, text: &str) -> String {
        text::fit(text, self.width())
    }

    /// A lesson's text (its Markdown) for standard output, wrapped to the screen's width.
    pub fn render(&self, markdown: &str) -> String {
        text::render_width(markdown, self.color, self.width())
    }

    /// `text` painted by `style` when colours are on, as it is otherwise:
    /// `ui.paint("✓", |s| s.green().bold())`.
    pub fn paint(&self, text: &str, style: impl FnOnce(Painted) -> Painted) -> String {
        if self.color {
            style(text.normal()).to_string()
        } else {
            text.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paints_only_when_colours_are_on() {
        let plain = Ui {
            lang: Lang::En,
            color: false,
        };
        assert_eq!(plain.paint("✓", |s| s.green().bold()), "✓");
    }
}
