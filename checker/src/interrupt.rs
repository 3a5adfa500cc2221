//! Ctrl-C during a check: stop every child process group and leave no partial state.
//!
//! Children run in process groups of their own, so the terminal's Ctrl-C does not reach
//! them; the handler kills them itself. State files are only ever replaced by a rename,
//! so an interrupted checker leaves the old state whole.

use std::sync::Mutex;

static RUNNING: Mutex<Vec<libc::pid_t>> = Mutex::new(Vec::new());

/// Installs the handler; called once at start.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(groups) = RUNNING.lock() {
            for &group in groups.iter() {
                // SAFETY: sends a signal to a process group this checker created.
                unsafe {
                    libc::killpg(group, libc::SIGKILL);
                }
            }
        }
        // A screen in raw mode (watch, show) gives the terminal back first.
        crate::terminal::leave_raw_mode();
        std::process::exit(130);
    });
}

/// Remembers a child's process group while it runs.
pub fn track(group: libc::pid_t) {
    if let Ok(mut groups) = RUNNING.lock() {
        groups.push(group);
    }
}

pub fn untrack(group: libc::pid_t) {
    if let Ok(mut groups) = RUNNING.lock() {
        groups.retain(|&g| g != group);
    }
}
