//! `hint [<lesson>]`: one more hint each time, remembered.

use crate::app::App;
use crate::exit::Exit;
use crate::lesson::Lesson;
use crate::paint::Colorize;
use anyhow::Result;

pub(crate) fn hint(app: &mut App, id: Option<&str>) -> Result<Exit> {
    let m = app.ui.msg();
    let lesson = match id {
        Some(id) => match app.lesson(id) {
            Ok(lesson) => lesson,
            Err(exit) => return Ok(exit),
        },
        None => match app.current() {
            Some(lesson) => lesson,
            None => {
                println!("{}", app.completion());
                return Ok(Exit::Passed);
            }
        },
    };
    println!("{}\n", app.heading(lesson));
    if lesson.hints.is_empty() {
        println!("{}", m.no_hints(&lesson.id));
        return Ok(Exit::Passed);
    }
    let shown = (app.store.lesson(&lesson.id).hints + 1).min(lesson.hints.len());
    for i in 0..shown {
        println!("{}", hint_text(app, lesson, i));
    }
    let more = if shown < lesson.hints.len() {
        m.more_hints(id)
    } else {
        m.all_hints_shown()
    };
    println!("{}", app.ui.fit(&more));
    app.store.lesson(&lesson.id).hints = shown;
    app.store.save()?;
    Ok(Exit::Passed)
}

/// Hint `i` (from 0) of a lesson as `hint` shows it: its heading, then its text.
pub(crate) fn hint_text(app: &App, lesson: &Lesson, i: usize) -> String {
    let heading = app.ui.msg().hint_heading(i + 1, lesson.hints.len());
    let heading = app.ui.paint(&heading, |s| s.bold());
    let text = lesson
        .hints
        .get(i)
        .map(|hint| app.ui.render(app.ui.lang.pick(hint)))
        .unwrap_or_default();
    format!("{heading}\n{text}")
}
