//! `dev remove <lesson>`: undoes `dev new`. Deletes the lesson file, its stub and the
//! student's copy (kept in `.cnnlings/backup/` when it differs from the stub), the
//! reference, the known mistakes and the correct variants of its module, and takes its
//! `pub mod` line (with the comment above it) out of both `lib.rs` files.

use super::dev::{declared_module, declares_module};
use super::reset::{backup_path, is_yes};
use crate::app::App;
use crate::exit::Exit;
use crate::lesson::refs;
use anyhow::{Context as _, Result};
use std::collections::HashMap;
use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

/// Works on a course with broken lesson files too (the command line lets it through):
/// removing the broken lesson is often the fix.
pub(crate) fn dev_remove(app: &mut App, id: &str, yes: bool) -> Result<Exit> {
    let m = app.ui.msg();
    let Some(lesson) = removable(app, id) else {
        return Ok(app.lesson(id).err().unwrap_or(Exit::Usage));
    };
    let layout = &app.course.layout;
    let users = match &lesson.module {
        Some(module) => users_of(app, &lesson.id, module),
        None => Vec::new(),
    };
    if let (false, Some(module)) = (users.is_empty(), &lesson.module) {
        let text = m.dev_remove_used(&lesson.id, module, &users);
        eprintln!("{}", app.ui.fit(&text));
        return Ok(Exit::Usage);
    }
    let module = lesson.module.as_deref().unwrap_or_default();
    let exercise = layout.exercise(module);
    let stub = layout.stub(module);
    let mut files = vec![layout.root.join(&lesson.file)];
    if lesson.module.is_some() {
        files.extend([
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
        ]);
    }
    files.retain(|f| f.exists());
    let libs: Vec<PathBuf> = (layout.lib_files().into_iter())
        .filter(|lib| {
            lesson.module.is_some()
                && std::fs::read_to_string(lib).is_ok_and(|text| declares_module(&text, module))
        })
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
    let keep = lesson.module.is_some()
        && exercise.exists()
        && std::fs::read(&exercise).ok() != std::fs::read(&stub).ok();
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
    // The lessons after it move up one place: `dev new`'s comments (`// レッスン 14：…`,
    // `// Lesson 14: …`) say their new places.
    let numbers = numbers_without(app, &lesson.file);
    for lib in &libs {
        let text = std::fs::read_to_string(lib)
            .with_context(|| format!("cannot read {}", lib.display()))?;
        if let Some(text) = undeclare(&text, module) {
            let text = renumber(&text, |module| numbers.get(module).copied());
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
    let left = (app.course.lessons.len() + app.course.broken.len()).saturating_sub(1);
    println!("\n{}", app.ui.fit(&m.dev_remove_done(&lesson.id, left)));
    Ok(Exit::Passed)
}

/// The lesson `dev remove` would take out: one that loads, or a broken lesson file.
/// A broken file's module is its own only when no other lesson file teaches it (a
/// copy of a lesson that took another's module must not take that lesson's files).
fn removable(app: &App, id: &str) -> Option<Removable> {
    if let Some(lesson) = app.course.find(id) {
        return Some(Removable {
            id: lesson.id.clone(),
            module: Some(lesson.module.clone()),
            file: lesson.file.clone(),
        });
    }
    let broken = app.course.find_broken(id)?;
    let module = broken.module.clone().filter(|module| {
        let taught = |other: Option<&String>| other == Some(module);
        !app.course.lessons.iter().any(|l| taught(Some(&l.module)))
            && !(app.course.broken.iter())
                .any(|b| b.file != broken.file && taught(b.module.as_ref()))
    });
    Some(Removable {
        id: broken.id.clone(),
        module,
        file: broken.file.clone(),
    })
}

/// Each module's place in the course (from 1) once the lesson file `removed` is gone.
fn numbers_without(app: &App, removed: &str) -> HashMap<String, usize> {
    let course = app.course;
    let mut placed: Vec<(usize, &str, Option<&str>)> = (course.lessons.iter().enumerate())
        .map(|(i, l)| {
            (
                course.position_of(i),
                l.file.as_str(),
                Some(l.module.as_str()),
            )
        })
        .collect();
    placed
        .extend((course.broken.iter()).map(|b| (b.position, b.file.as_str(), b.module.as_deref())));
    placed.sort_by_key(|&(position, _, _)| position);
    placed
        .into_iter()
        .filter(|&(_, file, _)| file != removed)
        .enumerate()
        .filter_map(|(i, (_, _, module))| Some((module?.to_string(), i + 1)))
        .collect()
}

/// The files of other lessons that build on a lesson's module: their `uses`, or their
/// reference's or stub's code (`crate::<module>`), each as `dev remove` names it.
fn users_of(app: &App, id: &str, module: &str) -> Vec<String> {
    let m = app.ui.msg();
    let layout = &app.course.layout;
    let mut users = Vec::new();
    for other in app.course.lessons.iter().filter(|l| l.id != id) {
        if other.uses.iter().any(|used| used == module) {
            users.push(m.dev_remove_user(&other.file, true));
            continue;
        }
        for file in [layout.solution(&other.module), layout.stub(&other.module)] {
            let refers = std::fs::read_to_string(&file)
                .ok()
                .and_then(|text| refs::references(&text))
                .is_some_and(|found| found.iter().any(|r| r.module == module));
            if refers {
                users.push(m.dev_remove_user(&layout.show(&file), false));
            }
        }
    }
    users
}

/// A lesson `dev remove` takes out, loaded or broken.
struct Removable {
    id: String,
    /// Its module, when it is its own to remove (a broken file may not say, or may name
    /// another lesson's).
    module: Option<String>,
    /// The lesson file as the course shows it.
    file: String,
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

/// A `lib.rs` whose lesson comments (`// レッスン 14：padding`, `// Lesson 14: padding.`,
/// right above `pub mod padding;`) give each module's place in `number`; other lines,
/// and modules of no lesson, as they were.
fn renumber(lib: &str, number: impl Fn(&str) -> Option<usize>) -> String {
    let mut lines: Vec<String> = lib.split_inclusive('\n').map(str::to_string).collect();
    for at in 0..lines.len() {
        let Some(n) = declared_module(&lines[at]).and_then(&number) else {
            continue;
        };
        let mut above = at;
        while above > 0 && lines[above - 1].trim_start().starts_with("// ") {
            above -= 1;
            let line = &mut lines[above];
            for word in ["// レッスン ", "// Lesson "] {
                let Some(start) = line.find(word).map(|i| i + word.len()) else {
                    continue;
                };
                let digits = line[start..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .count();
                if digits > 0 {
                    line.replace_range(start..start + digits, &n.to_string());
                }
            }
        }
    }
    lines.concat()
}

#[cfg(test)]
mod tests {
    use super::{renumber, undeclare};

    #[test]
    fn lesson_comments_say_the_new_places() {
        let lib = "//! The crate.\n\n// レッスン 1：ユニット。\n// Lesson 1: a unit.\npub mod unit;\n\
                   // レッスン 14：padding\n// Lesson 14: padding.\npub mod padding;\npub mod helpers;\n";
        let number = |module: &str| match module {
            "unit" => Some(1),
            "padding" => Some(13),
            _ => None,
        };
        assert_eq!(
            renumber(lib, number),
            "//! The crate.\n\n// レッスン 1：ユニット。\n// Lesson 1: a unit.\npub mod unit;\n\
             // レッスン 13：padding\n// Lesson 13: padding.\npub mod padding;\npub mod helpers;\n"
        );
    }

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
