//! `dev mutants <lesson>`: mutation analysis of a lesson's hidden tests, for its author.
//!
//! Every mutant of the lesson's reference module (`lesson::mutants`: an operator, a
//! bound, a literal, a statement or a body changed in one place) is built, in one cargo
//! call, and run on the hidden tests like a known mistake; the verdict that judges a
//! student judges it. A mutant that passes every test survives: a wrong program the
//! tests let through, unless the lesson marks it `[[equivalent]]` with a reason. Exit 0
//! when none survives unmarked and every mark names a surviving mutant, else 1.

use crate::app::App;
use crate::course::{self, Course};
use crate::exit::Exit;
use crate::harness::run::{Outcome, RunResult};
use crate::harness::{self, LessonRun, MutantProgress, ReferenceFault, StudentRun};
use crate::lesson::mutants::{self, Mutant};
use crate::messages::MutantCounts;
use crate::paint::Colorize as _;
use crate::pipeline::Assessment;
use crate::report::reference::{TrustedLimits, reference_problem};
use crate::verdict;
use anyhow::{Context as _, Result};

/// How a mutant fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Killed,
    Survived,
    Unbuilt,
}

/// `from`: a correct module to mutate instead of the reference (a variant written with
/// loops has more places to change than one written with iterators).
pub(crate) fn dev_mutants(app: &App, id: &str, from: Option<&std::path::Path>) -> Result<Exit> {
    let m = app.ui.msg();
    let say = |line: String| app.ui.fit(&line);
    let lesson = match app.lesson(id) {
        Ok(lesson) => lesson,
        Err(exit) => return Ok(exit),
    };
    let layout = &app.course.layout;
    let module = match from {
        Some(path) => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
        None => layout.solution(&lesson.module),
    };
    let file = layout.show(&module);
    let source = std::fs::read_to_string(&module)
        .with_context(|| format!("cannot read {}", module.display()))?;

    // The reference's own outputs, as `dev check` has them (cached after it).
    let solutions = Course::of(
        layout.with_exercises(layout.root.join("solutions")),
        app.course.lessons.clone(),
    );
    let run = harness::run_lessons(&solutions, &[lesson], app.ui.color, &|| {})?
        .pop()
        .context("no run of the reference")?;
    let reference = run.reference.clone();
    let assessment = Assessment::from(verdict::judge(lesson, run));
    let (cx, limits) = (app.context(), TrustedLimits::Generous);
    if let Some(found) = reference_problem(&cx, app.course, lesson, &assessment, limits) {
        // Mutants of a reference that fails its own tests say nothing.
        print!("{}", found.text);
        return Ok(Exit::Failed);
    }

    // Two runs on one lesson would write over each other's harness: one waits.
    let _lock = match lock_workspace(layout, lesson) {
        Ok(Some(lock)) => lock,
        Ok(None) => {
            eprintln!("{}", say(m.mutants_waiting(&lesson.id)));
            wait_for_workspace(layout, lesson)?
        }
        Err(error) => return Err(error),
    };
    let all = mutants::mutants(&source);
    if all.is_empty() {
        println!("{}", say(m.mutants_none(&lesson.id, &file)));
        return Ok(Exit::Passed);
    }
    println!(
        "{}",
        say(m.mutants_found(&lesson.id, all.len(), &file, from.is_some()))
    );
    // The module unchanged is run first, in the same harness: it must pass (a variant
    // that fails says nothing of its mutants; the reference proves the harness).
    let modules: Vec<String> = std::iter::once(source.clone())
        .chain(all.iter().map(|mutant| mutant.apply(&source)))
        .collect();
    // A spinner while cargo builds (it says nothing meanwhile), then a bar of the runs;
    // both drawn only on a terminal, where a line says each step otherwise.
    let bar = crate::bar::Bar::spinner();
    let progress = |step: MutantProgress| match step {
        MutantProgress::Building(count) => {
            let line = say(m.mutants_building(count));
            if bar.is_hidden() {
                eprintln!("{line}");
            }
            bar.set_message(line);
        }
        MutantProgress::Running { done, of } => {
            if done == 0 {
                let line = say(m.mutants_running(of));
                if bar.is_hidden() {
                    eprintln!("{line}");
                }
                bar.set_message(line);
                bar.set_length(of as u64);
            }
            bar.set_position(done as u64);
        }
    };
    let judge = |outcomes: std::collections::HashMap<usize, Outcome>| {
        let run = LessonRun {
            student: StudentRun::Ran(RunResult::quiet(outcomes)),
            reference: reference.clone(),
        };
        verdict::judge(lesson, run).passed()
    };
    // A mutant's outputs so far, of the cases of the tests it ran, already fail when they
    // fail with the reference's outputs standing in for the cases not yet run.
    let expected = reference.clone().unwrap_or_default();
    let fails = |so_far: &std::collections::HashMap<usize, Outcome>, ran: &[usize]| {
        let mut outcomes: std::collections::HashMap<usize, Outcome> = expected
            .iter()
            .filter(|(id, _)| !ran.contains(id))
            .map(|(id, outcome)| (*id, outcome.clone()))
            .collect();
        outcomes.extend(so_far.iter().map(|(id, outcome)| (*id, outcome.clone())));
        !judge(outcomes)
    };
    let mut runs = harness::mutant_runs(
        app.course,
        lesson,
        &modules,
        app.ui.color,
        &progress,
        &fails,
    )?;
    bar.finish_and_clear();
    let original = runs.remove(0);

    let mut counts = MutantCounts {
        total: all.len(),
        ..MutantCounts::default()
    };
    match original {
        Err(ReferenceFault::DoesNotCompile { diagnostics, .. }) => {
            println!("{}", say(m.mutants_original_unbuilt(&lesson.id, &file)));
            for diagnostic in diagnostics {
                println!("{}", diagnostic.rendered.trim_end());
            }
            // The reference built for `dev check`: if not here, the harness is at fault.
            return Ok(match from {
                Some(_) => Exit::Failed,
                None => Exit::Internal,
            });
        }
        Ok(ref outcomes) if judge(outcomes.clone()) => {}
        _ => {
            println!("{}", say(m.mutants_from_fails(&lesson.id, &file)));
            return Ok(match from {
                Some(_) => Exit::Failed,
                None => Exit::Internal,
            });
        }
    }
    let mut fates = Vec::new();
    for result in runs {
        let fate = match result {
            Ok(outcomes) => match judge(outcomes) {
                true => Fate::Survived,
                false => Fate::Killed,
            },
            // A build that failed in any way (rustc's errors, rustc crashing).
            Err(_) => Fate::Unbuilt,
        };
        fates.push(fate);
    }

    // The marks of this file (the reference's name no `file`): each names a mutant
    // that survives, or it is wrong.
    let reference_file = layout.show(&layout.solution(&lesson.module));
    let of_this_file =
        |mark: &&mutants::Equivalent| mark.file.as_deref().unwrap_or(&reference_file) == file;
    let marked = |mutant: &Mutant| {
        lesson
            .equivalents
            .iter()
            .position(|mark| of_this_file(&mark) && mark.names(mutant, &source))
    };
    let at = |mutant: &Mutant| format!("{file}:{}:{}", mutant.line, mutant.column);
    let mut survivors = 0;
    for (mutant, fate) in all.iter().zip(&fates) {
        let change = m.mutant_change(mutant.find(&source), &mutant.with);
        match (fate, marked(mutant)) {
            (Fate::Killed, _) => counts.killed += 1,
            (Fate::Unbuilt, _) => counts.unbuilt += 1,
            (Fate::Survived, Some(mark)) => {
                counts.equivalent += 1;
                let reason = app.ui.lang.pick(&lesson.equivalents[mark].reason);
                println!("{}", say(m.mutant_equivalent(&at(mutant), &change, reason)));
            }
            (Fate::Survived, None) => {
                counts.survived += 1;
                survivors += 1;
                println!("\n{}", say(m.mutant_survives(&at(mutant), &change)));
                let (before, after) = mutant.diff(&source);
                for (sign, text) in [("-", before), ("+", after)] {
                    for line in shown_lines(&text) {
                        println!("    {} {line}", app.ui.paint(sign, |s| s.bold()));
                    }
                }
            }
        }
    }
    // A mark that names no mutant, or one the tests kill, is wrong.
    let mut wrong_marks = 0;
    for mark in lesson.equivalents.iter().filter(of_this_file) {
        let named: Vec<usize> = all
            .iter()
            .enumerate()
            .filter(|(_, mutant)| mark.names(mutant, &source))
            .map(|(i, _)| i)
            .collect();
        let problem = match named[..] {
            [] => Some(m.mutant_mark_unused(&file)),
            [_, _, ..] => {
                let columns: Vec<usize> = named.iter().map(|&i| all[i].column).collect();
                Some(m.mutant_mark_ambiguous(&columns))
            }
            [i] if fates[i] == Fate::Killed => Some(m.mutant_mark_killed()),
            [_] => None,
        };
        if let Some(problem) = problem {
            wrong_marks += 1;
            print!(
                "\n{}",
                app.context().relative(&course::render_error_in(
                    app.ui.lang,
                    &lesson.file,
                    &lesson.source,
                    Some(mark.span.clone()),
                    &problem,
                    &[],
                ))
            );
        }
    }

    println!("\n{}", say(m.mutants_summary(&lesson.id, &counts)));
    if survivors == 0 && wrong_marks == 0 {
        println!("{}", say(m.mutants_all_killed(&lesson.id)));
        Ok(Exit::Passed)
    } else {
        println!(
            "{}",
            say(m.mutants_survive(&lesson.id, survivors, wrong_marks, from.is_some()))
        );
        Ok(Exit::Failed)
    }
}

/// The lock of the lesson's mutants' workspace, if no other run holds it.
fn lock_workspace(
    layout: &crate::course::Layout,
    lesson: &crate::lesson::Lesson,
) -> Result<Option<std::fs::File>> {
    let file = open_lock(layout, lesson)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(error)) => {
            Err(error).context("cannot lock the mutants' workspace")
        }
    }
}

/// The lock of the lesson's mutants' workspace, once the run that holds it ends.
fn wait_for_workspace(
    layout: &crate::course::Layout,
    lesson: &crate::lesson::Lesson,
) -> Result<std::fs::File> {
    let file = open_lock(layout, lesson)?;
    file.lock().context("cannot lock the mutants' workspace")?;
    Ok(file)
}

fn open_lock(
    layout: &crate::course::Layout,
    lesson: &crate::lesson::Lesson,
) -> Result<std::fs::File> {
    let dir = harness::mutant_crates::workspace_dir(layout, lesson);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join("lock");
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))
}

/// The lines of a diff to show: all of a short one, the first and last two of a long one
/// (a function's body replaced).
fn shown_lines(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= 6 {
        return lines.iter().map(|l| l.to_string()).collect();
    }
    let mut shown: Vec<String> = lines[..2].iter().map(|l| l.to_string()).collect();
    shown.push("    …".to_string());
    shown.extend(lines[lines.len() - 2..].iter().map(|l| l.to_string()));
    shown
}

#[cfg(test)]
mod tests {
    use super::shown_lines;

    #[test]
    fn a_long_change_shows_its_ends() {
        assert_eq!(shown_lines("a\nb"), vec!["a", "b"]);
        let long = (1..=9)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(shown_lines(&long), vec!["1", "2", "    …", "8", "9"]);
    }
}
