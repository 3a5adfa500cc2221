//! The cnnlings checker: runs hidden tests on a student's modules and explains what is wrong.

mod app;
mod bar;
mod blame;
mod cli;
mod commands;
mod compile_errors;
mod course;
mod diagnosis;
mod exhibit;
mod exit;
mod grade;
mod harness;
mod interrupt;
mod messages;
mod paint;
mod panics;
mod pipeline;
mod progress;
mod report;
mod show;
mod table;
mod terminal;
mod text;
mod timings;
mod ui;
mod verdict;
mod watch;

use std::process::ExitCode;

// The crates below the checker, under the names its modules use: `crate::lesson::Lesson`,
// `crate::lang::say`, `crate::files::write_if_changed`.
use cnnlings_lesson as lesson;
use cnnlings_lesson::files;
use cnnlings_runtime::lang;

// Student code runs under `setrlimit` limits in its own process group (`killpg` on a
// time-out or Ctrl-C): Unix only. Say so at build time rather than fail at run time.
#[cfg(not(unix))]
compile_error!(
    "the cnnlings checker runs on Linux and other Unix systems (it limits student code \
     with setrlimit and process groups); on Windows, use WSL"
);

fn main() -> ExitCode {
    // Called by cargo as the harness crates' rustc wrapper: write down and pass on.
    if let Some(dir) = std::env::var_os(harness::direct::RECORD_DIR) {
        return harness::direct::wrap(std::path::Path::new(&dir));
    }
    timings::start();
    quiet_when_the_reader_goes();
    interrupt::install();
    let cli = cli::parse();
    commands::run(cli)
}

/// `checker list | head -1`: when the reader of the output goes away, the checker ends
/// quietly, as `cat` does, instead of panicking in whichever `println!` comes next.
/// Rust ignores SIGPIPE, which turns a closed pipe into a panic; the default action ends
/// the process at once. Commands save progress before they print it, and child
/// processes get the default action anyway, so nothing is left half done.
fn quiet_when_the_reader_goes() {
    // SAFETY: called first thing, before any thread exists; it sets a signal's action
    // to its default, which runs no code of this program.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
