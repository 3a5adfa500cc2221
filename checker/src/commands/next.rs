//! `next`: the current lesson, checked; on success, the next one introduced.
//!
//! Lessons that passed before and whose files have changed since are checked again in
//! the same run: a pass is only shown while it is true.
//!
//! A lesson whose file is broken does not stop the course: `next` says so each time it
//! passes it (what to tell the instructor, exit status 2) and goes on with the lesson
//! after it; once the file is fixed, that lesson is the first not passed, and `next`
//! comes back to it. A broken lesson early in the course blocks no one.

use crate::app::App;
use crate::course::BrokenLesson;
use crate::exit::Exit;
use crate::lesson::Lesson;
use crate::messages::Again;
use crate::report;
use anyhow::Result;

pub(crate) fn next(app: &mut App) -> Result<Exit> {
    let m = app.ui.msg();
    let welcome = !app.store.progress.welcomed;
    app.store.progress.welcomed = true;
    let current = app.current();
    // Broken lessons before the current one: said first, each time.
    let skipped = app.broken_reached(current);
    let mut lessons = app.changed_since_passing(current);
    let rechecked: Vec<String> = lessons.iter().map(|l| l.id.clone()).collect();
    lessons.extend(current);
    // A new student's first run: the welcome and the first lesson are shown whatever
    // the verdict, so they come before the check, which on a fresh clone first builds
    // the tests' dependencies (seconds the student can spend reading).
    let early = match lessons[..] {
        [lesson] if welcome && rechecked.is_empty() => {
            println!("{}\n", app.ui.fit(&m.welcome()));
            print!("{}", broken_notes(app, &skipped));
            println!("{}", app.introduce(lesson));
            true
        }
        _ => false,
    };
    let checked = app.check_lessons(&lessons)?;
    // A lesson that passed before and fails now comes first: it is the current one.
    let shown = checked
        .iter()
        .position(|c| !c.assessment.passed() || current.is_some_and(|l| l.id == c.lesson.id));
    let Some(shown) = shown else {
        // Every lesson passes, and each that changed passes still.
        if welcome {
            println!("{}\n", app.ui.fit(&m.welcome()));
        }
        print!("{}", broken_notes(app, &skipped));
        if !rechecked.is_empty() {
            println!(
                "{}\n",
                app.ui.fit(&m.rechecked_changed(&rechecked.join(", ")))
            );
        }
        println!("{}", app.completion());
        return Ok(exit_after(&skipped, Exit::Passed));
    };
    let (lesson, assessment) = (checked[shown].lesson, &checked[shown].assessment);
    let was_passed = current.is_none_or(|c| c.id != lesson.id);
    let intro = (!early && (!app.store.lesson(&lesson.id).introduced || assessment.not_started()))
        .then(|| app.introduce(lesson));
    app.store.lesson(&lesson.id).introduced = true;
    let next = if assessment.passed() {
        app.current()
    } else {
        None
    };
    if let Some(next) = next {
        app.store.lesson(&next.id).introduced = true;
    }
    // Saved before it is printed: a reader that goes away early loses no progress.
    app.store.save()?;

    if !early {
        if welcome {
            println!("{}\n", app.ui.fit(&m.welcome()));
        }
        print!("{}", broken_notes(app, &skipped));
        match intro {
            Some(intro) => print!("{intro}"),
            None => println!("{}\n{}", app.heading(lesson), app.edit_line(lesson)),
        }
        println!();
    }
    if !assessment.passed() {
        if was_passed {
            println!("{}\n", app.ui.fit(&m.passed_before(&lesson.id)));
        }
        print!(
            "{}",
            report::for_student(&app.context(), lesson, assessment, Again::Next)
        );
        return Ok(exit_after(&skipped, assessment.verdict.exit_code()));
    }
    print!(
        "{}",
        app.pass_lines(
            lesson,
            &assessment.verdict,
            checked[shown].awarded,
            crate::exhibit::Room::Report
        )
    );
    // Broken lessons between this one and the next: said before it.
    let reached: Vec<_> = (app.broken_reached(next).into_iter())
        .filter(|b| !skipped.contains(b))
        .collect();
    if !reached.is_empty() {
        print!("\n{}", broken_notes(app, &reached));
    }
    print_up_next(app, next);
    let said: Vec<_> = skipped.into_iter().chain(reached).collect();
    Ok(exit_after(&said, Exit::Passed))
}

/// What `next` says of the broken lessons it passes: each one's report, and that the
/// student goes on meanwhile; then a blank line.
fn broken_notes(app: &App, broken: &[&BrokenLesson]) -> String {
    let m = app.ui.msg();
    broken
        .iter()
        .map(|b| {
            let go_on = app.ui.fit(&m.broken_go_on());
            format!("{}\n{go_on}\n\n", app.broken_report(b))
        })
        .collect()
}

/// The exit status of a `next` that said the lessons `broken` are: a lesson-file
/// error (2) when it said any, whatever the current lesson's check.
fn exit_after(broken: &[&BrokenLesson], exit: Exit) -> Exit {
    match broken.is_empty() {
        true => exit,
        false => Exit::Usage,
    }
}

/// After a pass: the lesson that follows, introduced, or the end of the course.
fn print_up_next(app: &App, next: Option<&Lesson>) {
    let m = app.ui.msg();
    match next {
        Some(next) => {
            println!("\n{}\n", m.up_next());
            print!("{}", app.introduce(next));
            println!("\n{}", m.run_next_to_start());
        }
        None => println!("\n{}", app.completion()),
    }
}
