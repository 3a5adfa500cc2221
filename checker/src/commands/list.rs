//! `list`: every lesson with its state and points.

use crate::app::{App, PASSED};
use anyhow::Result;
use colored::Colorize;

impl App {
    pub(crate) fn list(&self) -> Result<u8> {
        let m = self.msg();
        let current = self.current().map(|l| l.id.clone());
        let [h_lesson, h_title, h_state, h_points] = m.list_heading();
        let rows: Vec<[String; 5]> = self
            .course
            .lessons
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let state = if self.store.passed(&l.id) {
                    m.state_done()
                } else if current.as_deref() == Some(l.id.as_str()) {
                    m.state_current()
                } else {
                    m.state_pending()
                };
                let earned = if self.store.passed(&l.id) {
                    l.points
                } else {
                    0
                };
                [
                    format!("{}", i + 1),
                    l.id.clone(),
                    self.lang.pick(&l.title).to_string(),
                    state.to_string(),
                    format!("{earned}/{}", l.points),
                ]
            })
            .collect();
        let header = [
            "#".to_string(),
            h_lesson.to_string(),
            h_title.to_string(),
            h_state.to_string(),
            h_points.to_string(),
        ];
        let width = |c: usize| {
            rows.iter()
                .chain([&header])
                .map(|r| unicode_width::UnicodeWidthStr::width(r[c].as_str()))
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..5).map(width).collect();
        let line = |row: &[String; 5]| {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    format!(
                        "{cell}{}",
                        " ".repeat(w - unicode_width::UnicodeWidthStr::width(cell.as_str()))
                    )
                })
                .collect();
            cells.join("  ").trim_end().to_string()
        };
        let head = line(&header);
        println!(
            "{}",
            if self.color {
                head.bold().to_string()
            } else {
                head
            }
        );
        for row in &rows {
            let text = line(row);
            let text = match (self.color, row[3].as_str()) {
                (true, s) if s == m.state_done() => text.green().to_string(),
                (true, s) if s == m.state_current() => text.yellow().bold().to_string(),
                _ => text,
            };
            println!("{text}");
        }
        let done = self
            .course
            .lessons
            .iter()
            .filter(|l| self.store.passed(&l.id))
            .count();
        let earned = self
            .course
            .lessons
            .iter()
            .filter(|l| self.store.passed(&l.id))
            .map(|l| l.points)
            .sum();
        let max = self.course.lessons.iter().map(|l| l.points).sum();
        println!(
            "\n{}",
            m.list_total(done, self.course.lessons.len(), earned, max)
        );
        Ok(PASSED)
    }
}
