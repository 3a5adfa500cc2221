//! `reset <lesson>`: the stub back in place, the student's version kept as a backup.
//!
//! The pristine stubs live in `lessons/stubs/<module>.rs`, where the student does not
//! edit; `exercises/src/<module>.rs` starts as a copy. The student's file is copied to
//! `.cnnlings/backup/<module>-<time>.rs` first, so a reset never loses work.

use crate::app::App;
use crate::exit::Exit;
use crate::lesson::Lesson;
use anyhow::{Context, Result};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// What a reset did.
pub(crate) struct Restored {
    /// Where the student's version was kept (none when the file was missing).
    pub backup: Option<PathBuf>,
    /// Whether the lesson had passed before.
    pub was_passed: bool,
}

pub(crate) fn reset(app: &mut App, id: &str, yes: bool) -> Result<Exit> {
    let m = app.ui.msg();
    let lesson = match app.lesson(id) {
        Ok(lesson) => lesson,
        Err(exit) => return Ok(exit),
    };
    let file = exercise_shown(app, lesson);
    let stub = match stub_of(app, lesson) {
        Ok(stub) => stub,
        Err(stub) => {
            eprintln!("{}", app.ui.fit(&m.reset_no_stub(&file, &stub)));
            return Ok(Exit::Usage);
        }
    };
    if is_stub(app, lesson, &stub) {
        println!("{}", app.ui.fit(&m.reset_already_stub(&file)));
        return Ok(Exit::Passed);
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            eprintln!("{}", app.ui.fit(&m.reset_needs_yes(&lesson.id)));
            return Ok(Exit::Usage);
        }
        print!("{}", m.reset_ask(&file));
        std::io::stdout().flush()?;
        let mut answer = String::new();
        // End of input (Ctrl-D) is a "no", like any answer but yes.
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !is_yes(&answer) {
            println!("{}", m.reset_declined(&file));
            return Ok(Exit::Failed);
        }
    }
    let restored = restore_stub(app, lesson, &stub)?;
    let backup = restored.backup.map(|b| app.course.layout.show(&b));
    let done = m.reset_done(&file, backup.as_deref(), restored.was_passed);
    println!("{}", app.ui.fit(&done));
    Ok(Exit::Passed)
}

/// The lesson's file as the student should read its name.
pub(crate) fn exercise_shown(app: &App, lesson: &Lesson) -> String {
    app.course
        .layout
        .show(&app.course.layout.exercise(&lesson.module))
}

/// The pristine stub of a lesson's module (`lessons/stubs/<module>.rs`), or, when it
/// cannot be read as text, its path as the student should read it.
///
/// The stubs live apart from the student's files, so neither the student's edits nor
/// their commits can change what a reset brings back.
pub(crate) fn stub_of(app: &App, lesson: &Lesson) -> Result<String, String> {
    let layout = &app.course.layout;
    let path = layout.stub(&lesson.module);
    std::fs::read(&path)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| layout.show(&path))
}

/// Whether the student's file is the stub already.
pub(crate) fn is_stub(app: &App, lesson: &Lesson, stub: &str) -> bool {
    std::fs::read(app.course.layout.exercise(&lesson.module))
        .is_ok_and(|text| text == stub.as_bytes())
}

/// Keeps the student's file as a backup, writes the stub, and marks the lesson not passed.
pub(crate) fn restore_stub(app: &mut App, lesson: &Lesson, stub: &str) -> Result<Restored> {
    let layout = &app.course.layout;
    let file = layout.exercise(&lesson.module);
    let backup = if file.exists() {
        let backup = backup_path(&layout.state_dir().join("backup"), &lesson.module)?;
        std::fs::copy(&file, &backup)
            .with_context(|| format!("cannot keep a backup at {}", backup.display()))?;
        Some(backup)
    } else {
        None
    };
    crate::files::write_if_changed(&file, stub)?;
    let progress = app.store.lesson(&lesson.id);
    let was_passed = progress.passed;
    progress.passed = false;
    app.store.save()?;
    Ok(Restored { backup, was_passed })
}

/// `y`, `yes` or `はい`, in any case and with any spaces around.
pub(super) fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "ｙ" | "はい"
    )
}

/// `<dir>/<module>-<YYYYMMDD-HHMMSS>.rs` (UTC), with `-2`, `-3`… if that name is taken.
pub(super) fn backup_path(dir: &Path, module: &str) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stamp = timestamp(seconds);
    let mut path = dir.join(format!("{module}-{stamp}.rs"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{module}-{stamp}-{n}.rs"));
        n += 1;
    }
    Ok(path)
}

/// Seconds since 1970 as `YYYYMMDD-HHMMSS` (UTC), by the civil-from-days algorithm.
fn timestamp(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_calendar_dates() {
        assert_eq!(timestamp(0), "19700101-000000");
        assert_eq!(timestamp(951_782_400), "20000229-000000");
        assert_eq!(timestamp(1_767_225_599), "20251231-235959");
    }

    #[test]
    fn only_yes_means_yes() {
        assert!(is_yes("y\n") && is_yes(" YES ") && is_yes("はい"));
        assert!(!is_yes("") && !is_yes("n") && !is_yes("yeah"));
    }
}
