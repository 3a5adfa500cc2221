//! The cnnlings checker: runs hidden tests on a student's modules and explains what is wrong.

mod app;
mod cli;
mod commands;
mod course;
mod diagnosis;
mod grade;
mod harness;
mod interrupt;
mod lesson;
mod messages;
mod progress;
mod report;
mod table;
mod text;
mod verdict;
mod watch;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    interrupt::install();
    let cli = cli::Cli::parse();
    app::run(cli)
}
