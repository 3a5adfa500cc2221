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
    /// Check the current lesson again each time you save it; keys for hints, the list and more.
    Watch,
    /// Put a lesson's file back as the stub; your version is kept as a backup.
    Reset {
        /// The lesson's id, as `list` shows it.
        lesson: String,
        /// Reset without asking first.
        #[arg(long, short)]
        yes: bool,
    },
    /// Show a lesson's reference solution, once the lesson has passed.
    Solution {
        /// The lesson's id, as `list` shows it.
        lesson: String,
    },
    /// Grade the workbook: every lesson's hidden tests, with points, for people or machines.
    /// The exit status is non-zero unless every lesson passes (with --class: unless every
    /// submission was graded). Student code is built from private copies of its module files
    /// and may not read files, start programs or mount other files (see the README).
    Grade {
        /// How to write the grades (not with --class, which writes CSV and JSON).
        #[arg(long, value_enum, default_value = "text")]
        format: GradeFormat,
        /// Grade the student modules of this crate folder (the one holding `src/`)
        /// instead of `exercises/`; nothing in it is changed. Relative to the current folder.
        #[arg(long, value_name = "DIR", conflicts_with = "class")]
        exercises: Option<PathBuf>,
        /// Private lessons, e.g. copies with extra tests that students never saw. Each lesson
        /// file in DIR replaces the course's file of the same name in `lessons/`; a file with a
        /// new name adds a lesson; the course's other lessons stay. Relative to the current folder.
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
        /// Grade a whole class: every folder in DIR is one student's submission (their
        /// `exercises/` folder or a whole copy of the workbook), named by the student's id.
        /// Writes gradebook.csv and one JSON per student into --output (default: `grades`).
        #[arg(long, value_name = "DIR")]
        class: Option<PathBuf>,
        /// Write the grades to this file instead of standard output (with --class: the folder
        /// to write the gradebook and the students' JSON into).
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Tools for instructors.
    #[command(subcommand)]
    Dev(DevCommand),
}

/// The formats of `grade`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GradeFormat {
    /// A table for people.
    Text,
    /// Every lesson and test with its score, for scripts.
    Json,
    /// JUnit XML, for CI.
    Junit,
    /// Gradescope's results.json.
    Gradescope,
}

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Prove every lesson sound: it loads, the reference passes every hidden test, the stub
    /// fails, and every known mistake fails and is recognised.
    Check,
    /// Start a new lesson: a lesson file with every field explained, a stub and a reference,
    /// registered so that it shows in `list` at once.
    New {
        /// The new lesson's id: lowercase letters, digits, `-` and `_`, starting with a letter.
        /// Its module is the id with `-` as `_` (not a Rust keyword).
        name: String,
    },
}
