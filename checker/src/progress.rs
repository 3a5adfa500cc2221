//! The student's progress: which lessons passed, how many hints were shown.
//!
//! Kept in `.cnnlings/progress.toml`, replaced atomically (write a temporary file, then
//! rename), so an interrupted checker leaves the old file whole. A file that cannot be
//! read is kept as `.bak` and progress starts afresh, with a message, never a crash.

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonProgress {
    #[serde(default)]
    pub passed: bool,
    /// How many hints have been shown.
    #[serde(default)]
    pub hints: usize,
    /// Whether the lesson's text has been shown once.
    #[serde(default)]
    pub introduced: bool,
    /// Whether the lesson's points have been announced: at its first pass, and only then.
    #[serde(default)]
    pub awarded: bool,
    /// The fingerprint of the lesson and of the files its check read when it last passed
    /// (see `pipeline::fingerprint`), so a later change to them is checked again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed_with: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub format: u32,
    #[serde(default)]
    pub welcomed: bool,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            format: 1,
            welcomed: false,
            lessons: BTreeMap::new(),
        }
    }
}

/// Progress and the file it lives in.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    pub progress: Progress,
}

impl Store {
    /// Reads the progress; a damaged file is moved aside and reported in the second value.
    pub fn open(state_dir: &Path) -> (Store, Option<String>) {
        let path = state_dir.join("progress.toml");
        let (progress, problem) = match std::fs::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Progress::default(), None),
            Err(e) => (Progress::default(), Some(e.to_string())),
            Ok(text) => match toml::from_str::<Progress>(&text) {
                Ok(mut p) if p.format == 1 => {
                    // Progress from before points were remembered: a pass had them.
                    for lesson in p.lessons.values_mut() {
                        lesson.awarded |= lesson.passed;
                    }
                    (p, None)
                }
                Ok(p) => (
                    Progress::default(),
                    Some(format!("unknown format {}", p.format)),
                ),
                Err(e) => (Progress::default(), Some(e.message().to_string())),
            },
        };
        if problem.is_some() {
            let _ = std::fs::rename(&path, path.with_extension("toml.bak"));
        }
        (Store { path, progress }, problem)
    }

    /// No progress, and nothing read: for commands that must change nothing (grading).
    pub fn empty(state_dir: &Path) -> Store {
        Store {
            path: state_dir.join("progress.toml"),
            progress: Progress::default(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn lesson(&mut self, id: &str) -> &mut LessonProgress {
        self.progress.lessons.entry(id.to_string()).or_default()
    }

    pub fn passed(&self, id: &str) -> bool {
        self.progress.lessons.get(id).is_some_and(|l| l.passed)
    }

    /// Whether the lesson has ever passed (its points were announced then).
    pub fn awarded(&self, id: &str) -> bool {
        self.progress.lessons.get(id).is_some_and(|l| l.awarded)
    }

    /// Whether the lesson passed with exactly this fingerprint: nothing it reads has
    /// changed since.
    pub fn passed_with(&self, id: &str, fingerprint: &str) -> bool {
        self.progress
            .lessons
            .get(id)
            .is_some_and(|l| l.passed && l.passed_with.as_deref() == Some(fingerprint))
    }

    /// Records a check: a pass with the fingerprint of what it read, or a failure, which
    /// takes the pass back. Returns whether the lesson's points are awarded now, which
    /// happens at its first pass only.
    pub fn record(&mut self, id: &str, passed: bool, fingerprint: &str) -> bool {
        let lesson = self.lesson(id);
        lesson.passed = passed;
        if !passed {
            lesson.passed_with = None;
            return false;
        }
        lesson.passed_with = Some(fingerprint.to_string());
        !std::mem::replace(&mut lesson.awarded, true)
    }

    pub fn save(&self) -> Result<()> {
        let text = toml::to_string(&self.progress).context("cannot write the progress")?;
        let text = format!("# cnnlings progress. `cargo run -p checker -- list` shows it.\n{text}");
        crate::files::write_if_changed(&self.path, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_recovers_from_a_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, problem) = Store::open(dir.path());
        assert!(problem.is_none());
        store.lesson("scale").passed = true;
        store.save().unwrap();
        let (store, _) = Store::open(dir.path());
        assert!(store.passed("scale"));

        std::fs::write(
            dir.path().join("progress.toml"),
            "format = 1\n[lessons.scale]\npased = true\n",
        )
        .unwrap();
        let (store, problem) = Store::open(dir.path());
        assert!(problem.unwrap().contains("pased"));
        assert!(!store.passed("scale"));
        assert!(dir.path().join("progress.toml.bak").exists());
    }

    #[test]
    fn a_failure_takes_a_pass_back_and_points_come_once() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = Store::open(dir.path());
        assert!(
            store.record("scale", true, "a"),
            "the first pass awards the points"
        );
        assert!(store.passed_with("scale", "a"));
        assert!(!store.passed_with("scale", "b"), "a change is no pass yet");
        assert!(
            !store.record("scale", true, "a"),
            "a second pass awards nothing"
        );
        assert!(!store.record("scale", false, "b"));
        assert!(!store.passed("scale") && !store.passed_with("scale", "a"));
        assert!(store.awarded("scale"), "it did pass once");
        assert!(
            !store.record("scale", true, "c"),
            "nor does a pass after a failure"
        );
    }

    #[test]
    fn a_pass_from_an_older_progress_file_keeps_its_points() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("progress.toml"),
            "format = 1\n[lessons.scale]\npassed = true\n",
        )
        .unwrap();
        let (store, problem) = Store::open(dir.path());
        assert!(problem.is_none());
        assert!(store.passed("scale") && store.awarded("scale"));
        assert!(
            !store.passed_with("scale", "anything"),
            "checked again once"
        );
    }
}
