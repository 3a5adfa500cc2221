//! `list`: every lesson with its state and points.

use crate::app::App;
use crate::exit::Exit;
use crate::paint::Colorize;
use crate::table::{self, Align};
use anyhow::Result;

pub(crate) fn list(app: &App) -> Result<Exit> {
    print!("{}", list_text(app));
    Ok(Exit::Passed)
}

/// The table of lessons and the total, as `list` prints it.
pub(crate) fn list_text(app: &App) -> String {
    let m = app.ui.msg();
    let mut out = String::new();
    let current = app.current().map(|l| l.id.clone());
    let [h_lesson, h_title, h_state, h_points] = m.list_heading();
    let mut rows: Vec<(usize, Vec<String>)> = app
        .course
        .lessons
        .iter()
        .map(|l| {
            let fingerprint = crate::pipeline::fingerprint(app.course, l);
            let state = if app.store.passed_with(&l.id, &fingerprint) {
                m.state_done()
            } else if app.store.passed(&l.id) {
                // It passed, and a file it reads has changed since: `next` checks it.
                m.state_changed()
            } else if current.as_deref() == Some(l.id.as_str()) {
                m.state_current()
            } else if app.store.awarded(&l.id) {
                // It passed once and fails now: not a lesson still to start.
                m.state_failing()
            } else {
                m.state_pending()
            };
            let earned = if app.store.passed(&l.id) { l.points } else { 0 };
            let title = app.ui.lang.pick(&l.title).to_string();
            let position = app.position(l);
            let row = vec![
                format!("{}", position + 1),
                l.id.clone(),
                title,
                state.to_string(),
                format!("{earned}/{}", l.points),
            ];
            (position, row)
        })
        .collect();
    // A lesson whose file does not load, in its place: broken, its points not counted
    // (a pass of it stays in the progress, and counts again once the file is fixed).
    for broken in &app.course.broken {
        let title = match &broken.title {
            Some(title) => app.ui.lang.pick(title).to_string(),
            None => broken.file.clone(),
        };
        let points = broken.points.map_or("-".to_string(), |p| p.to_string());
        let row = vec![
            format!("{}", broken.position + 1),
            broken.id.clone(),
            title,
            m.state_broken().to_string(),
            format!("-/{points}"),
        ];
        rows.push((broken.position, row));
    }
    rows.sort_by_key(|(position, _)| *position);
    let rows: Vec<Vec<String>> = rows.into_iter().map(|(_, row)| row).collect();
    let header = ["#", h_lesson, h_title, h_state, h_points];
    let lines = table::render(
        &header,
        &rows,
        &[
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Left,
        ],
    );
    for (i, text) in lines.into_iter().enumerate() {
        let state = i.checked_sub(1).map(|r| rows[r][3].as_str());
        let text = match (app.ui.color, state) {
            (true, None) => text.bold().to_string(),
            (true, Some(s)) if s == m.state_done() => text.green().to_string(),
            (true, Some(s)) if s == m.state_current() => text.yellow().bold().to_string(),
            (true, Some(s)) if s == m.state_failing() => text.red().to_string(),
            (true, Some(s)) if s == m.state_changed() => text.yellow().to_string(),
            (true, Some(s)) if s == m.state_broken() => text.red().to_string(),
            _ => text,
        };
        out.push_str(&format!("{text}\n"));
    }
    let (done, earned, max) = (app.lessons_done(), app.points_earned(), app.points_total());
    out.push_str(&format!(
        "\n{}\n",
        m.list_total(done, app.course.total(), earned, max)
    ));
    // What to tell the instructor of each broken lesson the student has reached.
    for broken in app.broken_reached(app.current()) {
        out.push_str(&format!("\n{}\n", app.broken_report(broken).trim_end()));
    }
    out
}
