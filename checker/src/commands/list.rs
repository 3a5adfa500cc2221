//! `list`: every lesson with its state and points.

use crate::app::App;
use crate::exit::Exit;
use crate::table::{self, Align};
use anyhow::Result;
use colored::Colorize;

impl<'c> App<'c> {
    pub(crate) fn list(&self) -> Result<Exit> {
        print!("{}", self.list_text());
        Ok(Exit::Passed)
    }

    /// The table of lessons and the total, as `list` prints it.
    pub(crate) fn list_text(&self) -> String {
        let m = self.ui.msg();
        let mut out = String::new();
        let current = self.current().map(|l| l.id.clone());
        let [h_lesson, h_title, h_state, h_points] = m.list_heading();
        let mut rows: Vec<(usize, Vec<String>)> = self
            .course
            .lessons
            .iter()
            .map(|l| {
                let fingerprint = crate::pipeline::fingerprint(self.course, l);
                let state = if self.store.passed_with(&l.id, &fingerprint) {
                    m.state_done()
                } else if self.store.passed(&l.id) {
                    // It passed, and a file it reads has changed since: `next` checks it.
                    m.state_changed()
                } else if current.as_deref() == Some(l.id.as_str()) {
                    m.state_current()
                } else if self.store.awarded(&l.id) {
                    // It passed once and fails now: not a lesson still to start.
                    m.state_failing()
                } else {
                    m.state_pending()
                };
                let earned = if self.store.passed(&l.id) {
                    l.points
                } else {
                    0
                };
                let title = self.ui.lang.pick(&l.title).to_string();
                let position = self.position(l);
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
        for broken in &self.course.broken {
            let title = match &broken.title {
                Some(title) => self.ui.lang.pick(title).to_string(),
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
            let text = match (self.ui.color, state) {
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
        let (done, earned, max) = (
            self.lessons_done(),
            self.points_earned(),
            self.points_total(),
        );
        out.push_str(&format!(
            "\n{}\n",
            m.list_total(done, self.course.total(), earned, max)
        ));
        // What to tell the instructor of each broken lesson the student has reached.
        for broken in self.broken_reached(self.current()) {
            out.push_str(&format!("\n{}\n", self.broken_report(broken).trim_end()));
        }
        out
    }
}
