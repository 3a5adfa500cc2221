//! Stepping through frames with keys: space or → next, ← back, p play or pause, q quit.
//! The terminal is given back on every way out: q, Ctrl-C, a panic, the end of input.

use crate::lang::{Lang, say};
use crate::terminal::{enter_raw_mode, leave_raw_mode};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, terminal};
use std::io::Write;
use std::time::Duration;

/// How long a frame stays when playing.
const PLAY_STEP: Duration = Duration::from_millis(900);

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Next,
    Back,
    Play,
    Quit,
    Interrupt,
    Nothing,
}

fn step_of(code: KeyCode, modifiers: KeyModifiers) -> Step {
    let ctrl = modifiers.contains(KeyModifiers::CONTROL);
    match code {
        KeyCode::Char('c') if ctrl => Step::Interrupt,
        KeyCode::Char(' ') | KeyCode::Right | KeyCode::Enter | KeyCode::Char('l' | 'n') => {
            Step::Next
        }
        KeyCode::Left | KeyCode::Backspace | KeyCode::Char('h' | 'b') => Step::Back,
        KeyCode::Char('p' | 'P') => Step::Play,
        KeyCode::Char('q' | 'Q') | KeyCode::Esc => Step::Quit,
        _ => Step::Nothing,
    }
}

fn keys_line(lang: Lang, playing: bool, at: usize, total: usize) -> String {
    let state = match playing {
        true => say!(lang, ja: "再生中", en: "playing"),
        false => say!(lang, ja: "停止中", en: "paused"),
    };
    say!(lang,
        ja: format!("[{at}/{total} {state}]  スペース・→ 次へ   ← 戻る   p 再生・停止   q 終了"),
        en: format!("[{at}/{total} {state}]  space or → next   ← back   p play/pause   q quit"),
    )
}

fn draw(frame: &str, keys: &str) {
    let mut out = std::io::stdout().lock();
    let _ = crossterm::queue!(
        out,
        terminal::Clear(terminal::ClearType::All),
        cursor::MoveTo(0, 0)
    );
    let _ = out.write_all(frame.replace('\n', "\r\n").as_bytes());
    let _ = out.write_all(format!("\r\n{keys}").as_bytes());
    let _ = out.flush();
}

/// Plays `frames` with keys. Returns false without drawing if the terminal gives no keys.
pub fn play(frames: &[String], lang: Lang) -> bool {
    if frames.is_empty() || !enter_raw_mode() {
        return false;
    }
    let _ = crossterm::execute!(std::io::stdout(), cursor::Hide);
    let last = frames.len() - 1;
    let (mut at, mut playing) = (0, false);
    let mut interrupted = false;
    loop {
        draw(&frames[at], &keys_line(lang, playing, at + 1, frames.len()));
        let wait = if playing {
            PLAY_STEP
        } else {
            Duration::from_secs(3600)
        };
        let step = match event::poll(wait) {
            Ok(true) => match event::read() {
                Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                    step_of(key.code, key.modifiers)
                }
                Ok(_) => Step::Nothing,
                Err(_) => Step::Quit,
            },
            Ok(false) if playing => Step::Next,
            Ok(false) => Step::Nothing,
            Err(_) => Step::Quit,
        };
        match step {
            Step::Next => at = (at + 1).min(last),
            Step::Back => at = at.saturating_sub(1),
            Step::Play => {
                playing = !playing;
                if playing && at == last {
                    at = 0;
                }
            }
            Step::Quit => break,
            Step::Interrupt => {
                interrupted = true;
                break;
            }
            Step::Nothing => {}
        }
        if playing && at == last {
            playing = false;
        }
    }
    leave_raw_mode();
    println!();
    if interrupted {
        std::process::exit(130);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_step_as_the_help_line_says() {
        let none = KeyModifiers::NONE;
        assert_eq!(step_of(KeyCode::Char(' '), none), Step::Next);
        assert_eq!(step_of(KeyCode::Right, none), Step::Next);
        assert_eq!(step_of(KeyCode::Left, none), Step::Back);
        assert_eq!(step_of(KeyCode::Char('p'), none), Step::Play);
        assert_eq!(step_of(KeyCode::Char('q'), none), Step::Quit);
        assert_eq!(
            step_of(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Step::Interrupt
        );
        assert!(!keys_line(Lang::Ja, false, 1, 10).is_ascii());
    }
}
