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
        let grades = grade::grade(&self.context(), &lessons, &verdicts);
        let text = match format {
            GradeFormat::Text => grade::text(&grades, self.lang),
            GradeFormat::Json => grade::json(&grades),
            GradeFormat::Junit => grade::junit(&grades),
            GradeFormat::Gradescope => grade::gradescope(&grades),
        };
        match output {
            Some(path) => std::fs::write(path, &text)
                .with_context(|| format!("cannot write {}", path.display()))?,
            None => print!("{text}"),
        }
        Ok(if grades.passed { PASSED } else { FAILED })
    }
}
