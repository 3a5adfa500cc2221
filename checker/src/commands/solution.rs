//! `solution <lesson>`: the reference solution, once the lesson has passed.

use super::reset::exercise_shown;
use crate::app::App;
use crate::exit::Exit;
use crate::paint::Colorize;
use anyhow::{Context, Result};

pub(crate) fn solution(app: &App, id: &str) -> Result<Exit> {
    let m = app.ui.msg();
    let lesson = match app.lesson(id) {
        Ok(lesson) => lesson,
        Err(exit) => return Ok(exit),
    };
    println!("{}\n", app.heading(lesson));
    // Once passed, the solution stays open, even if the student's file fails later.
    if !app.store.awarded(&lesson.id) {
        println!("{}", app.ui.fit(&m.solution_locked(&lesson.id)));
        return Ok(Exit::Failed);
    }
    let layout = &app.course.layout;
    let path = layout.solution(&lesson.module);
    let code = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", layout.show(&path)))?;
    let heading = m.solution_heading(&layout.show(&path));
    let heading = app.ui.paint(&heading, |s| s.bold());
    println!("{heading}\n");
    for line in code.trim_end().lines() {
        if line.trim().is_empty() {
            println!();
        } else {
            println!("    {line}");
        }
    }
    println!(
        "\n{}",
        app.ui
            .fit(&m.solution_compare(&exercise_shown(app, lesson)))
    );
    Ok(Exit::Passed)
}
