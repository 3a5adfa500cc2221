//! `verify`: every lesson at once; the exit status says whether all pass.

use crate::app::App;
use crate::exit::Exit;
use crate::lesson::Lesson;
use crate::verdict::Verdict;
use anyhow::Result;
use colored::Colorize;

impl<'c> App<'c> {
    pub(crate) fn verify(&mut self) -> Result<Exit> {
        let m = self.ui.msg();
        let lessons = &self.course.lessons;
        let refs: Vec<&Lesson> = lessons.iter().collect();
        let fingerprints: Vec<String> = lessons.iter().map(|l| self.fingerprint(l)).collect();
        // Every lesson may be broken: then nothing is built.
        let verdicts = match refs.is_empty() {
            true => Vec::new(),
            false => self.judge(&refs)?,
        };
        // Saved before it is printed: a reader that goes away early loses no progress.
        for ((lesson, verdict), fingerprint) in lessons.iter().zip(&verdicts).zip(&fingerprints) {
            self.record(lesson, verdict, fingerprint);
        }
        self.store.save()?;
        let mut failed = Vec::new();
        // Each lesson's line in course order, broken lessons' in their places.
        let mut lines: Vec<(usize, String)> = Vec::new();
        for broken in &self.course.broken {
            failed.push((broken.position, broken.id.clone()));
            let place = broken
                .problems
                .first()
                .map_or_else(|| broken.file.clone(), |p| broken.place(p));
            let title = match &broken.title {
                Some(title) => self.ui.lang.pick(title),
                None => &broken.file,
            };
            let state = m.lesson_file_broken_short(&place);
            let line = format!("✗ {:<8} {title}: {state}", broken.id);
            let line = match self.ui.color {
                true => line.red().to_string(),
                false => line,
            };
            lines.push((broken.position, line));
        }
        for (lesson, verdict) in lessons.iter().zip(&verdicts) {
            let (mark, state) = if verdict.passed() {
                ("✓", m.lesson_passed_short().to_string())
            } else {
                failed.push((self.position(lesson), lesson.id.clone()));
                let state = match verdict {
                    Verdict::CompileError { .. }
                    | Verdict::CargoFailed(_)
                    | Verdict::Unreadable(_) => m.lesson_no_compile_short(),
                    Verdict::LessonFault(_) => m.lesson_broken_short(),
                    v if v.not_started() => m.lesson_not_started_short(),
                    _ => m.lesson_failed_short(),
                };
                // A lesson that fails because of an earlier one says which to fix first.
                let state = match verdict.blame() {
                    Some(blame) if blame.reason != crate::blame::Reason::PanickedOnArguments => {
                        m.lesson_blamed_short(state, &blame.lesson)
                    }
                    _ => state.to_string(),
                };
                ("✗", state)
            };
            let line = format!(
                "{mark} {:<8} {}: {state}",
                lesson.id,
                self.ui.lang.pick(&lesson.title)
            );
            let line = match (self.ui.color, verdict.passed()) {
                (true, true) => line.green().to_string(),
                (true, false) => line.red().to_string(),
                _ => line,
            };
            lines.push((self.position(lesson), line));
        }
        lines.sort_by_key(|(position, _)| *position);
        for (_, line) in lines {
            println!("{line}");
        }
        println!();
        failed.sort();
        let failed: Vec<String> = failed.into_iter().map(|(_, id)| id).collect();
        if failed.is_empty() {
            println!("{}", m.verify_passed(lessons.len()));
            Ok(Exit::Passed)
        } else {
            println!("{}", self.ui.fit(&m.verify_failed(&failed.join(", "))));
            // A broken lesson is a lesson-file error, whether its file does not load or
            // the lesson fails when it runs.
            let broken = !self.course.broken.is_empty()
                || verdicts
                    .iter()
                    .any(|v| matches!(v, Verdict::LessonFault(_)));
            Ok(if broken { Exit::Usage } else { Exit::Failed })
        }
    }
}
