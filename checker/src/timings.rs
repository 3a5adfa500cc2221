//! Where a command's time goes, for whoever makes the checker faster: with
//! `CNNLINGS_TIMINGS=1` in the environment, each phase of a check prints its duration
//! to stderr (`checker/scripts/measure-check.sh` reads them). Silent otherwise.

use std::sync::Mutex;
use std::time::Instant;

/// The end of the last phase, once timing is on.
static LAST: Mutex<Option<Instant>> = Mutex::new(None);

fn enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| {
        std::env::var_os("CNNLINGS_TIMINGS").is_some_and(|v| v != "0" && !v.is_empty())
    })
}

/// Starts the clock (the process's start, as near as the checker can tell).
pub fn start() {
    if enabled()
        && let Ok(mut last) = LAST.lock()
    {
        *last = Some(Instant::now());
    }
}

/// Ends the phase called `name`: prints how long it took since the last mark.
pub fn mark(name: &str) {
    if !enabled() {
        return;
    }
    let Ok(mut last) = LAST.lock() else {
        return;
    };
    let now = Instant::now();
    if let Some(before) = *last {
        eprintln!(
            "timing {name}: {:.1} ms",
            (now - before).as_secs_f64() * 1000.0
        );
    }
    *last = Some(now);
}
