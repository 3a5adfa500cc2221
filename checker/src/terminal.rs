//! The terminal's raw mode, on for the screens that read keys themselves (watch mode,
//! `show`'s player) and given back once, whatever ends them: a quit, a panic or Ctrl-C
//! (the handler in `interrupt.rs`).

use crossterm::terminal;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set while raw mode is on, so that leaving it (on quit, panic or Ctrl-C) happens once.
static RAW: AtomicBool = AtomicBool::new(false);

/// Gives the terminal back if raw mode is on (also from the Ctrl-C handler).
pub fn leave_raw_mode() {
    if RAW.swap(false, Ordering::SeqCst) {
        let _ = terminal::disable_raw_mode();
        // `show` hides the cursor while it plays; showing it again is harmless elsewhere.
        let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
    }
}

/// Raw mode for a screen that reads keys itself: false if the terminal has none. A panic
/// or Ctrl-C gives the terminal back.
pub fn enter_raw_mode() -> bool {
    if terminal::enable_raw_mode().is_err() {
        return false;
    }
    RAW.store(true, Ordering::SeqCst);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_raw_mode();
        previous(info);
    }));
    true
}

/// Whether raw mode is on (a line feed then no longer returns the cursor).
pub fn in_raw_mode() -> bool {
    RAW.load(Ordering::SeqCst)
}
