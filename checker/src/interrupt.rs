//! Ctrl-C during a check: stop every child process group and leave no partial state.
//!
//! Children run in process groups of their own, so the terminal's Ctrl-C does not reach
//! them; the handler kills them itself. State files are only ever replaced by a rename,
//! so an interrupted checker leaves the old state whole.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

static RUNNING: Mutex<Vec<libc::pid_t>> = Mutex::new(Vec::new());

/// The folders of the runs under way, removed when Ctrl-C stops them.
static FOLDERS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

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
        // Their folders go with them, as a run that ends removes its own.
        if let Ok(folders) = FOLDERS.lock() {
            for folder in folders.iter() {
                let _ = std::fs::remove_dir_all(folder);
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

/// Remembers a run's own folder while it is there.
pub fn track_folder(folder: &Path) {
    if let Ok(mut folders) = FOLDERS.lock() {
        folders.push(folder.to_path_buf());
    }
}

pub fn untrack_folder(folder: &Path) {
    if let Ok(mut folders) = FOLDERS.lock() {
        folders.retain(|f| f != folder);
    }
}
