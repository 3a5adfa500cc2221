//! A progress line on stderr for the long runs of an instructor (`grade --class`,
//! `dev mutants`): a bar with a count, a message, the time taken and the time left, or,
//! before the count is known, a spinner with the time taken. Drawn only when stderr is a
//! terminal, redrawn four times a second so that its clock moves while nothing else
//! does, and wiped when done.

use std::io::{IsTerminal as _, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Default)]
struct State {
    /// How many steps there are; `None` for a spinner.
    len: Option<u64>,
    pos: u64,
    message: String,
    ticks: usize,
}

/// A progress line; [`Bar::finish_and_clear`] (or dropping it) wipes it.
pub struct Bar {
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
}

impl Bar {
    /// A bar of `len` steps.
    pub fn new(len: u64) -> Bar {
        Bar::start(Some(len))
    }

    /// A spinner, until [`Bar::set_length`] gives it steps.
    pub fn spinner() -> Bar {
        Bar::start(None)
    }

    fn start(len: Option<u64>) -> Bar {
        let state = Arc::new(Mutex::new(State {
            len,
            ..State::default()
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let ticker = std::io::stderr().is_terminal().then(|| {
            let (state, stop) = (state.clone(), stop.clone());
            let started = Instant::now();
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    // A spinner waits for its message.
                    if let Ok(mut state) = state.lock()
                        && (state.len.is_some() || !state.message.is_empty())
                    {
                        state.ticks += 1;
                        let line = line(&state, started.elapsed());
                        let width = crossterm::terminal::size().map_or(80, |(w, _)| w as usize);
                        let line = cut(&line, width.saturating_sub(1));
                        eprint!("\r\x1b[2K{line}");
                        let _ = std::io::stderr().flush();
                    }
                    std::thread::sleep(Duration::from_millis(250));
                }
                eprint!("\r\x1b[2K");
            })
        });
        Bar {
            state,
            stop,
            ticker,
        }
    }

    /// Whether nothing is drawn (stderr is not a terminal): say each step in a line then.
    pub fn is_hidden(&self) -> bool {
        self.ticker.is_none()
    }

    fn with(&self, change: impl FnOnce(&mut State)) {
        if let Ok(mut state) = self.state.lock() {
            change(&mut state);
        }
    }

    pub fn set_message(&self, message: impl Into<String>) {
        let message = message.into();
        self.with(|s| s.message = message);
    }

    pub fn set_length(&self, len: u64) {
        self.with(|s| s.len = Some(len));
    }

    pub fn set_position(&self, pos: u64) {
        self.with(|s| s.pos = pos);
    }

    pub fn inc(&self, steps: u64) {
        self.with(|s| s.pos += steps);
    }

    /// Stops drawing and wipes the line.
    pub fn finish_and_clear(mut self) {
        self.finish();
    }

    fn finish(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The line for `state` after `elapsed`: `███░░ 3/5 message (12s, 8s left)`, or
/// `⠙ message (12s)` for a spinner.
fn line(state: &State, elapsed: Duration) -> String {
    const WIDTH: u64 = 30;
    let taken = clock(elapsed);
    match state.len {
        None => {
            let spin = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
            let frame = spin[state.ticks % spin.len()];
            format!("{frame} {} ({taken})", state.message)
        }
        Some(len) => {
            let pos = state.pos.min(len);
            let filled = (pos * WIDTH).checked_div(len).unwrap_or(WIDTH) as usize;
            let bar = format!(
                "{}{}",
                "█".repeat(filled),
                "░".repeat(WIDTH as usize - filled)
            );
            let left = match pos {
                0 => "?".to_string(),
                _ => clock(elapsed.mul_f64((len - pos) as f64 / pos as f64)),
            };
            format!("{bar} {pos}/{len} {} ({taken}, {left} left)", state.message)
        }
    }
}

/// The start of `line` that fits in `width` columns: a line that wrapped would be
/// drawn again below itself.
fn cut(line: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar as _;
    let mut used = 0;
    line.chars()
        .take_while(|c| {
            used += c.width().unwrap_or(0);
            used <= width
        })
        .collect()
}

/// `42s`, `3m 05s`, `1h 02m`.
fn clock(time: Duration) -> String {
    let s = time.as_secs();
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m {:02}s", s / 60, s % 60),
        _ => format!("{}h {:02}m", s / 3600, s / 60 % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_shows_its_count_and_the_time_left() {
        let state = State {
            len: Some(4),
            pos: 1,
            message: "s001".into(),
            ticks: 0,
        };
        let shown = line(&state, Duration::from_secs(10));
        assert_eq!(
            shown,
            format!(
                "{}{} 1/4 s001 (10s, 30s left)",
                "█".repeat(7),
                "░".repeat(23)
            )
        );
    }

    #[test]
    fn a_spinner_shows_its_message_and_the_time_taken() {
        let state = State {
            message: "building".into(),
            ..State::default()
        };
        assert_eq!(line(&state, Duration::from_secs(65)), "⠋ building (1m 05s)");
    }
}
