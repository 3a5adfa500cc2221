//! Terminal colours and emphasis: `"✓".green().bold()`, written as ECMA-48 escape codes
//! (SGR) only while painting is on ([`set_enabled`], from `Ui::detect`); plain text
//! otherwise. The codes are those `colored` wrote before: `\x1b[1;32m✓\x1b[0m`.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether painted text carries its codes: off until `Ui::detect` decides.
static ENABLED: AtomicBool = AtomicBool::new(false);

/// Switches painting on or off, for every thread.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::SeqCst);
}

const BOLD: u8 = 1;
const UNDERLINE: u8 = 2;

/// Text with its colour and emphasis; shown with them while painting is on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Painted {
    text: String,
    /// [`BOLD`] and [`UNDERLINE`].
    styles: u8,
    /// The foreground colour's SGR code (31 red … 36 cyan).
    color: Option<u8>,
}

impl Painted {
    /// The escape that starts it, `\x1b[1;32m`; empty for plain text.
    fn start(&self) -> String {
        let mut codes: Vec<String> = Vec::new();
        if self.styles & BOLD != 0 {
            codes.push("1".into());
        }
        if self.styles & UNDERLINE != 0 {
            codes.push("4".into());
        }
        codes.extend(self.color.map(|c| c.to_string()));
        match codes.is_empty() {
            true => String::new(),
            false => format!("\x1b[{}m", codes.join(";")),
        }
    }
}

impl fmt::Display for Painted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let start = self.start();
        if !ENABLED.load(Ordering::SeqCst) || start.is_empty() {
            return fmt::Display::fmt(&self.text, f);
        }
        // Painted text inside: after each of its resets, this text's own codes again.
        let reset = "\x1b[0m";
        let inner = self.text.replace(reset, &format!("{reset}{start}"));
        f.write_str(&start)?;
        fmt::Display::fmt(&inner, f)?;
        f.write_str(reset)
    }
}

/// Colour and emphasis for text: `"x".red()`, `name.bold().underline()`.
pub trait Colorize: Sized {
    fn painted(self) -> Painted;

    fn normal(self) -> Painted {
        self.painted()
    }
    fn bold(self) -> Painted {
        let mut p = self.painted();
        p.styles |= BOLD;
        p
    }
    fn underline(self) -> Painted {
        let mut p = self.painted();
        p.styles |= UNDERLINE;
        p
    }
    fn red(self) -> Painted {
        colored(self, 31)
    }
    fn green(self) -> Painted {
        colored(self, 32)
    }
    fn yellow(self) -> Painted {
        colored(self, 33)
    }
    fn magenta(self) -> Painted {
        colored(self, 35)
    }
    fn cyan(self) -> Painted {
        colored(self, 36)
    }
}

fn colored(text: impl Colorize, code: u8) -> Painted {
    Painted {
        color: Some(code),
        ..text.painted()
    }
}

impl Colorize for Painted {
    fn painted(self) -> Painted {
        self
    }
}

impl Colorize for &str {
    fn painted(self) -> Painted {
        Painted {
            text: self.to_string(),
            ..Painted::default()
        }
    }
}

impl Colorize for String {
    fn painted(self) -> Painted {
        Painted {
            text: self,
            ..Painted::default()
        }
    }
}

impl Colorize for &String {
    fn painted(self) -> Painted {
        self.as_str().painted()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes `colored` wrote, so that what a terminal shows does not change; the
    /// switch is not touched here (other tests share it): a painted text is read whole.
    #[test]
    fn codes_are_bold_then_underline_then_the_colour() {
        assert_eq!("✓".green().bold().start(), "\x1b[1;32m");
        assert_eq!("# A".bold().underline().start(), "\x1b[1;4m");
        assert_eq!("x".red().start(), "\x1b[31m");
        assert_eq!("x".normal().start(), "");
    }
}
