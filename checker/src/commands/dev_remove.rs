//! `dev remove <lesson>`: undoes `dev new`. Deletes the lesson file, its stub and the
//! student's copy (kept in `.cnnlings/backup/` when it differs from the stub), the
//! reference, the known mistakes and the correct variants of its module, and takes its
//! `pub mod` line (with the comment above it) out of both `lib.rs` files.

use super::dev::declares_module;
use super::reset::{backup_path, is_yes};
use crate::app::App;
use crate::exit::Exit;
use crate::lesson::Lesson;
use crate::lesson::refs;
use anyhow::{Context as _, Result};
use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

pub(crate) fn dev_remove(app: &mut App, id: &str, yes: bool) -> Result<Exit> {
    let m = app.ui.msg();
    let lesson = match app.lesson(id) {
        Ok(lesson) => lesson,
        Err(exit) => return Ok(exit),
    };
    let layout = &app.course.layout;
    let users = users_of(app, lesson);
    if !users.is_empty() {
        let text = m.dev_remove_used(&lesson.id, &lesson.module, &users);
        eprintln!("{}", app.ui.fit(&text));
        return Ok(Exit::Usage);
    }
    let module = lesson.module.as_str();
    let exercise = layout.exercise(module);
    let stub = layout.stub(module);
    let files: Vec<PathBuf> = [
        layout.root.join(&lesson.file),
        stub.clone(),
        exercise.clone(),
        layout.solution(module),
        layout.mistake(module, ""),
        layout
            .root
            .join("checker")
            .join("tests")
            .join("variants")
            .join(module),
    ]
    .into_iter()
    .filter(|f| f.exists())
    .collect();
    let libs: Vec<PathBuf> = [
        layout.exercises.join("src").join("lib.rs"),
        layout.root.join("solutions").join("src").join("lib.rs"),
    ]
    .into_iter()
    .filter(|lib| std::fs::read_to_string(lib).is_ok_and(|text| declares_module(&text, module)))
    .collect();
    let shown = |paths: &[PathBuf]| -> Vec<String> {
        paths
            .iter()
            .map(|p| {
                let mut name = layout.show(p);
                if p.is_dir() {
                    name.push('/');
                }
                name
            })
            .collect()
    };
    // The student's copy is kept when it is not the stub: it may hold work.
    let keep = exercise.exists() && std::fs::read(&exercise).ok() != std::fs::read(&stub).ok();
    if !yes {
        if !std::io::stdin().is_terminal() {
            eprintln!("{}", app.ui.fit(&m.dev_remove_needs_yes(&lesson.id)));
            return Ok(Exit::Usage);
        }
        let kept = keep.then(|| layout.show(&exercise));
        let question = m.dev_remove_ask(
            &lesson.id,
            &shown(&files),
            module,
            &shown(&libs),
            kept.as_deref(),
        );
        print!("{question}");
        std::io::stdout().flush()?;
        let mut answer = String::new();
        // End of input (Ctrl-D) is a "no", like any answer but yes.
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !is_yes(&answer) {
            println!("{}", m.dev_remove_declined(&lesson.id));
            return Ok(Exit::Failed);
        }
    }
    let backup = if keep {
        let backup = backup_path(&layout.state_dir().join("backup"), module)?;
        std::fs::copy(&exercise, &backup)
            .with_context(|| format!("cannot keep a backup at {}", backup.display()))?;
        Some(backup)
    } else {
        None
    };
    for (file, name) in files.iter().zip(shown(&files)) {
        remove(file)?;
        println!("{}", m.dev_removed(&name));
    }
    for lib in &libs {
        let text = std::fs::read_to_string(lib)
            .with_context(|| format!("cannot read {}", lib.display()))?;
        if let Some(text) = undeclare(&text, module) {
            std::fs::write(lib, text).with_context(|| format!("cannot write {}", lib.display()))?;
        }
    }
    if !libs.is_empty() {
        println!("{}", m.dev_unregistered(module, &shown(&libs)));
    }
    if let Some(backup) = backup {
        let text = m.dev_remove_kept(&layout.show(&exercise), &layout.show(&backup));
        println!("{}", app.ui.fit(&text));
    }
    let left = app.course.lessons.len() - 1;
    println!("\n{}", app.ui.fit(&m.dev_remove_done(&lesson.id, left)));
    Ok(Exit::Passed)
}

/// The files of other lessons that build on a lesson's module: their `uses`, or their
/// reference's or stub's code (`crate::<module>`), each as `dev remove` names it.
fn users_of(app: &App, lesson: &Lesson) -> Vec<String> {
    let m = app.ui.msg();
    let layout = &app.course.layout;
    let mut users = Vec::new();
    for other in app.course.lessons.iter().filter(|l| l.id != lesson.id) {
        if other.uses.contains(&lesson.module) {
            users.push(m.dev_remove_user(&other.file, true));
            continue;
        }
        for file in [layout.solution(&other.module), layout.stub(&other.module)] {
            let refers = std::fs::read_to_string(&file)
                .ok()
                .and_then(|text| refs::references(&text))
                .is_some_and(|found| found.iter().any(|r| r.module == lesson.module));
            if refers {
                users.push(m.dev_remove_user(&layout.show(&file), false));
            }
        }
    }
    users
}

fn remove(path: &Path) -> Result<()> {
    let removed = match path.is_dir() {
        true => std::fs::remove_dir_all(path),
        false => std::fs::remove_file(path),
    };
    removed.with_context(|| format!("cannot remove {}", path.display()))
}

/// A `lib.rs` without its `mod <module>;` line and the comment lines right above it (the
/// ones `dev new` writes, `// Lesson 13: scale.`); `None` when it declares no such module.
fn undeclare(lib: &str, module: &str) -> Option<String> {
    let lines: Vec<&str> = lib.split_inclusive('\n').collect();
    let at = lines.iter().position(|l| declares_module(l, module))?;
    let mut start = at;
    while start > 0 {
        let above = lines[start - 1].trim_start();
        if above.starts_with("//") && !above.starts_with("//!") && !above.starts_with("///") {
            start -= 1;
        } else {
            break;
        }
    }
    let mut kept: Vec<&str> = lines[..start].to_vec();
    kept.extend(&lines[at + 1..]);
    Some(kept.concat())
}

#[cfg(test)]
mod tests {
    use super::undeclare;

    #[test]
    fn takes_out_the_module_line_and_its_comment() {
        let lib = "//! The crate.\n\n// Lesson 1: unit.\npub mod unit;\n// レッスン 2：scale\n// Lesson 2: scale.\npub mod scale;\n// Lesson 3.\npub mod grid;\n";
        assert_eq!(
            undeclare(lib, "scale").as_deref(),
            Some(
                "//! The crate.\n\n// Lesson 1: unit.\npub mod unit;\n// Lesson 3.\npub mod grid;\n"
            )
        );
        assert_eq!(
            undeclare(lib, "unit").as_deref(),
            Some(
                "//! The crate.\n\n// レッスン 2：scale\n// Lesson 2: scale.\npub mod scale;\n// Lesson 3.\npub mod grid;\n"
            )
        );
        assert_eq!(undeclare(lib, "conv"), None);
        // The last line, without a newline.
        assert_eq!(
            undeclare("pub mod a;\npub mod b;", "b").as_deref(),
            Some("pub mod a;\n")
        );
    }
}
