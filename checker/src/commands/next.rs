//! `next`: the current lesson, checked; on success, the next one introduced.
//!
//! Lessons that passed before and whose files have changed since are checked again in
//! the same run: a pass is only shown while it is true.

use crate::app::App;
use crate::exit::Exit;
use crate::lesson::Lesson;
use crate::messages::Again;
use crate::report;
use anyhow::Result;

impl<'c> App<'c> {
    pub(crate) fn next(&mut self) -> Result<Exit> {
        let m = self.ui.msg();
        let welcome = !self.store.progress.welcomed;
        self.store.progress.welcomed = true;
        let current = self.current();
        let mut lessons = self.changed_since_passing(current);
        let rechecked: Vec<String> = lessons.iter().map(|l| l.id.clone()).collect();
        lessons.extend(current);
        let fingerprints: Vec<String> = lessons.iter().map(|l| self.fingerprint(l)).collect();
        // A new student's first run: the welcome and the first lesson are shown whatever
        // the verdict, so they come before the check, which on a fresh clone first builds
        // the tests' dependencies (seconds the student can spend reading).
        let early = match lessons[..] {
            [lesson] if welcome && rechecked.is_empty() => {
                println!("{}\n", self.ui.fit(&m.welcome()));
                println!("{}", self.introduce(lesson));
                true
            }
            _ => false,
        };
        let verdicts = if lessons.is_empty() {
            Vec::new()
        } else {
            self.judge(&lessons)?
        };
        let mut awarded = Vec::new();
        for ((lesson, verdict), fingerprint) in lessons.iter().zip(&verdicts).zip(&fingerprints) {
            awarded.push(self.record(lesson, verdict, fingerprint));
        }
        // A lesson that passed before and fails now comes first: it is the current one.
        let shown =
            lessons
                .iter()
                .zip(&verdicts)
                .zip(&awarded)
                .position(|((lesson, verdict), _)| {
                    !verdict.passed() || current.is_some_and(|c| c.id == lesson.id)
                });
        let Some(shown) = shown else {
            // Every lesson passes, and each that changed passes still.
            self.store.save()?;
            if welcome {
                println!("{}\n", self.ui.fit(&m.welcome()));
            }
            if !rechecked.is_empty() {
                println!(
                    "{}\n",
                    self.ui.fit(&m.rechecked_changed(&rechecked.join(", ")))
                );
            }
            println!("{}", self.completion());
            return Ok(Exit::Passed);
        };
        let (lesson, verdict) = (lessons[shown], &verdicts[shown]);
        let was_passed = current.is_none_or(|c| c.id != lesson.id);
        let intro = (!early
            && (!self.store.lesson(&lesson.id).introduced || verdict.not_started()))
        .then(|| self.introduce(lesson));
        self.store.lesson(&lesson.id).introduced = true;
        let next = if verdict.passed() {
            self.current()
        } else {
            None
        };
        if let Some(next) = next {
            self.store.lesson(&next.id).introduced = true;
        }
        // Saved before it is printed: a reader that goes away early loses no progress.
        self.store.save()?;

        if !early {
            if welcome {
                println!("{}\n", self.ui.fit(&m.welcome()));
            }
            match intro {
                Some(intro) => print!("{intro}"),
                None => println!("{}\n{}", self.heading(lesson), self.edit_line(lesson)),
            }
            println!();
        }
        if !verdict.passed() {
            if was_passed {
                println!("{}\n", self.ui.fit(&m.passed_before(&lesson.id)));
            }
            print!(
                "{}",
                report::for_student(&self.context(), lesson, verdict, Again::Next)
            );
            return Ok(verdict.exit_code());
        }
        print!(
            "{}",
            self.pass_lines(
                lesson,
                verdict,
                awarded[shown],
                crate::exhibit::Room::Report
            )
        );
        self.print_up_next(next);
        Ok(Exit::Passed)
    }

    /// After a pass: the lesson that follows, introduced, or the end of the course.
    fn print_up_next(&self, next: Option<&Lesson>) {
        let m = self.ui.msg();
        match next {
            Some(next) => {
                println!("\n{}:\n", m.up_next());
                print!("{}", self.introduce(next));
                println!("\n{}", m.run_next_to_start());
            }
            None => println!("\n{}", self.completion()),
        }
    }
}
