//! The command line, as the student and the instructor type it.

use crate::messages::Lang;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// cnnlings: build a convolutional neural network piece by piece; this checker runs
/// hidden tests on each piece and tells you what is wrong.
#[derive(Debug, Parser)]
#[command(name = "checker", version)]
pub struct Cli {
    /// The language of the lessons and of every message (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// The workbook folder (default: found from the current folder upwards).
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the current lesson and check your code; on success, move on to the next one.
    Next,
    /// List every lesson with its state and points.
    List,
    /// Check one lesson, in any order.
    Check {
        /// The lesson's id, as `list` shows it (e.g. conv).
        lesson: String,
    },
    /// Show one more hint for a lesson (the current one by default).
    Hint {
        /// The lesson's id (default: the current lesson).
        lesson: Option<String>,
    },
    /// Check every lesson; the exit status is non-zero if any fails.
    Verify,
    /// Tools for instructors.
    #[command(subcommand)]
    Dev(DevCommand),
}

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Prove every lesson sound: it loads, the reference passes every hidden test, the stub fails.
    Check,
}
