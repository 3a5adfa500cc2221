//! Where a command's time goes, for whoever makes the checker faster: with
//! `CNNLINGS_TIMINGS=1` in the environment, each phase of a check prints its duration
//! to stderr (`checker/scripts/measure-check.sh` reads them). Silent otherwise.

use std::sync::Mutex;
use std::time::Instant;

/// The end of the last phase, once timing is on.
static LAST: Mutex<Option<Instant>> = Mutex::new(None);

/// The CPU time of the waited-for children at the end of the last phase.
static LAST_CHILDREN: Mutex<f64> = Mutex::new(0.0);

/// The user and system CPU time, in ms, of the children this process has waited for
/// (cargo with its rustc, a harness): on a loaded machine their wall time says little.
fn children_cpu_ms() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } != 0 {
        return 0.0;
    }
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

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
    let children = children_cpu_ms();
    if let Ok(mut before) = LAST_CHILDREN.lock() {
        // A phase that ran children prints their CPU time on a line of its own, so
        // that the scripts reading `timing <phase>: <ms> ms` read it as before.
        if children - *before >= 0.05 {
            eprintln!(
                "timing {name}, children's CPU: {:.1} ms",
                children - *before
            );
        }
        *before = children;
    }
}
