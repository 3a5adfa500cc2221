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
                Ok(p) if p.format == 1 => (p, None),
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

    pub fn save(&self) -> Result<()> {
        let text = toml::to_string(&self.progress).context("cannot write the progress")?;
        let text = format!("# cnnlings progress. `cargo run -p checker -- list` shows it.\n{text}");
        crate::harness::codegen::write_if_changed(&self.path, &text)
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
}
