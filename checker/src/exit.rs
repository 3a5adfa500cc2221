//! How the checker ends: one exit status for every command, decided in one place.
//!
//! 0 passed, 1 failed, 2 a usage or lesson-file error, 3 the checker could not do its
//! work. Scripts and CI (grading a class) can tell "the student's code fails" (1) from
//! "someone must fix the command line or a lesson" (2) and from "the machine or the
//! checker broke" (3), which no student can fix.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: every test passed, or the command did what it was asked.
    Passed,
    /// 1: a test failed (or the command was refused for the student's own files).
    Failed,
    /// 2: the command line or a lesson file is wrong: the user or the instructor can
    /// fix it, and the message says how.
    Usage,
    /// 3: the checker could not do its work: cargo missing, a full disk, a bug of the
    /// checker. The message says what failed.
    Internal,
}

impl Exit {
    /// The status the process ends with.
    pub fn code(self) -> u8 {
        match self {
            Exit::Passed => 0,
            Exit::Failed => 1,
            Exit::Usage => 2,
            Exit::Internal => 3,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_ending_has_its_own_status() {
        let all = [Exit::Passed, Exit::Failed, Exit::Usage, Exit::Internal];
        let codes: Vec<u8> = all.iter().map(|e| e.code()).collect();
        assert_eq!(codes, [0, 1, 2, 3]);
    }
}
