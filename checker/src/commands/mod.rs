//! One file per command, each a function over the [`App`] that [`run`] makes from the
//! command line.

mod check;
mod dev;
mod dev_mutants;
mod dev_placeholders;
mod dev_preview;
mod dev_remove;
mod dev_show;
mod grade;
mod hint;
mod list;
mod next;
mod reset;
mod show;
mod solution;
mod verify;
mod watch;

use crate::app::App;
use crate::cli::{Cli, Command, DevCommand};
use crate::course::{Course, Layout};
use crate::exit::Exit;
use crate::paint::Colorize as _;
use crate::progress::Store;
use crate::ui::Ui;
use std::process::ExitCode;

/// From the command line to a loaded course, the state every command shares, and the
/// command: its exit status (see [`Exit`]).
pub fn run(cli: Cli) -> ExitCode {
    // Grading reads a student's modules and private lessons from elsewhere, and changes
    // nothing: no colours in its output, no progress read or written.
    let grading = matches!(cli.command, Command::Grade { .. });
    let ui = Ui::detect(cli.lang, grading);
    let lang = ui.lang;
    let msg = ui.msg();
    let start = match &cli.root {
        // Relative to the current folder, made absolute so generated files can name it.
        Some(root) => std::path::absolute(root).unwrap_or_else(|_| root.clone()),
        None => std::env::current_dir().unwrap_or_else(|_| ".".into()),
    };
    let Some(mut layout) = Layout::discover(&start) else {
        eprintln!(
            "{}",
            ui.fit(&msg.not_a_workbook(&start.display().to_string()))
        );
        return ExitCode::from(Exit::Usage);
    };
    // Private lessons over the course's (`grade --lessons`, `dev check --lessons`); paths
    // typed on the command line are relative to the current folder.
    let overlay = match &cli.command {
        Command::Grade { lessons, .. } => lessons.as_ref(),
        Command::Dev(DevCommand::Check { overlay, .. }) => overlay.as_ref(),
        Command::Dev(DevCommand::Mutants { overlay, .. }) => overlay.as_ref(),
        _ => None,
    };
    if let Some(dir) = overlay {
        layout.overlay = Some(std::path::absolute(dir).unwrap_or_else(|_| dir.clone()));
    }
    crate::timings::mark("start and command line");
    // Lesson-file errors, each at its line, and the command stops. Gradescope still gets
    // a result: the autograder is broken, not the work.
    let refuse = |errors: &crate::course::CourseErrors| {
        eprint!("{}", errors.rendered_in(lang));
        eprintln!("\n{}", ui.fit(&msg.lesson_errors(errors.count)));
        if let Command::Grade {
            format: crate::cli::GradeFormat::Gradescope,
            class: None,
            output,
            ..
        } = &cli.command
        {
            let results = crate::grade::formats::gradescope_broken(
                &msg.gradescope_broken(),
                errors.rendered_in(lang),
            );
            let written = match output {
                Some(path) => std::fs::write(path, &results).is_ok(),
                None => {
                    print!("{results}");
                    true
                }
            };
            if !written {
                return ExitCode::from(Exit::Internal);
            }
        }
        ExitCode::from(Exit::Usage)
    };
    let course = match Course::load(layout) {
        Ok(course) => course,
        Err(errors) => return refuse(&errors),
    };
    crate::timings::mark("course loaded");
    // A broken lesson file costs students that lesson only; the instructor's commands
    // see every error, and refuse a course with one (grading it would cost every student
    // that lesson's points).
    // `dev remove` goes on: taking out the broken lesson is often the fix.
    let instructor = grading
        || matches!(cli.command, Command::Dev(ref dev) if !matches!(dev, DevCommand::Remove { .. }));
    if let (true, Some(errors)) = (instructor, &course.errors) {
        return refuse(errors);
    }
    let (store, problem) = match grading {
        true => (Store::empty(&course.layout.state_dir()), None),
        false => Store::open(&course.layout.state_dir()),
    };
    if let Some(problem) = problem {
        let text = msg.progress_reset(&course.layout.show(store.path()), &problem);
        eprintln!("{}", ui.fit(&text));
    }
    // Said once, before any student code runs: what the kernel's sandbox cannot enforce
    // here (watch says it on its first screen).
    let says_what_is_missing = !matches!(
        cli.command,
        Command::Watch
            | Command::List
            | Command::Hint { .. }
            | Command::Reset { .. }
            | Command::Solution { .. }
            | Command::Dev(
                DevCommand::New { .. } | DevCommand::Remove { .. } | DevCommand::Preview { .. }
            )
    );
    if let (true, Some(text)) = (
        says_what_is_missing,
        msg.sandbox_missing(crate::harness::sandbox::protection()),
    ) {
        eprintln!("{}", ui.fit(&ui.paint(&text, |s| s.yellow())));
    }
    let mut app = App {
        course: &course,
        ui,
        store,
    };
    let app = &mut app;
    let result = match cli.command {
        Command::Next => next::next(app),
        Command::List => list::list(app),
        Command::Check { lesson } => check::check(app, &lesson),
        Command::Hint { lesson } => hint::hint(app, lesson.as_deref()),
        Command::Verify => verify::verify(app),
        Command::Watch => watch::watch(app),
        Command::Reset { lesson, yes } => reset::reset(app, &lesson, yes),
        Command::Solution { lesson } => solution::solution(app, &lesson),
        Command::Grade {
            class: Some(class),
            output,
            ..
        } => {
            // Relative to the current folder, like every path on the command line.
            let class = std::path::absolute(&class).unwrap_or(class);
            grade::grade_class(app, &class, output.as_deref())
        }
        Command::Grade {
            format,
            output,
            exercises,
            ..
        } => grade::grade(app, format, output.as_deref(), exercises.as_deref()),
        Command::Show {
            what,
            no_animate,
            test,
            digit,
            png,
            html,
        } => show::show(
            app,
            &what,
            no_animate,
            test,
            digit,
            png.as_deref(),
            html.as_deref(),
        ),
        Command::Dev(DevCommand::Check { lessons, .. }) => dev::dev_check(app, &lessons),
        Command::Dev(DevCommand::New { name }) => dev::dev_new(app, &name),
        Command::Dev(DevCommand::Remove { lesson, yes }) => {
            dev_remove::dev_remove(app, &lesson, yes)
        }
        Command::Dev(DevCommand::Preview { lesson }) => dev_preview::dev_preview(app, &lesson),
        Command::Dev(DevCommand::Mutants { lesson, from, .. }) => {
            dev_mutants::dev_mutants(app, &lesson, from.as_deref())
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("{} {error:#}", msg.internal_error());
            ExitCode::from(Exit::Internal)
        }
    }
}
