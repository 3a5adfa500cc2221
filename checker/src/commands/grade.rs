//! `grade`: every lesson's hidden tests with points, as a table, JSON, JUnit or Gradescope.

use crate::app::{App, FAILED, PASSED};
use crate::cli::GradeFormat;
use crate::grade;
use anyhow::{Context as _, Result};
use std::path::Path;

impl App {
    pub(crate) fn grade(&mut self, format: GradeFormat, output: Option<&Path>) -> Result<u8> {
        let lessons = self.course.lessons.clone();
        let verdicts = self.judge(&lessons.iter().collect::<Vec<_>>())?;
        let judged: Vec<grade::Judged> = verdicts.into_iter().map(Ok).collect();
        let grades = grade::grade(&self.context(), &lessons, &judged);
        let text = match format {
            GradeFormat::Text => grade::formats::text(&grades, self.lang),
            GradeFormat::Json => grade::formats::json(&grades),
            GradeFormat::Junit => grade::formats::junit(&grades),
            GradeFormat::Gradescope => grade::formats::gradescope(&grades),
        };
        match output {
            Some(path) => std::fs::write(path, &text)
                .with_context(|| format!("cannot write {}", path.display()))?,
            None => print!("{text}"),
        }
        Ok(if grades.passed { PASSED } else { FAILED })
    }
}
