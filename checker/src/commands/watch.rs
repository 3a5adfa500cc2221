//! `watch`: the current lesson, checked again at every save, with keys for the rest.
//!
//! A screen is: the progress bar, the lesson, the check's result, then the keys. Keys:
//! `h` next hint, `l` list, `n` next lesson (once passed), `r` check again, `x` reset
//! (asks first), `q` quit. Without a terminal the keys are off and only saves count.

use crate::app::{App, PASSED, USAGE};
use crate::lesson::Lesson;
use crate::report;
use crate::text;
use crate::watch::{Event, Files, Terminal};
use anyhow::Result;
use colored::Colorize;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

/// What watch mode is looking at.
struct Session {
    lesson: Option<Lesson>,
    /// Whether the last check of `lesson` passed.
    passed: bool,
    /// The lesson's files as the last check read them, so a save that changes nothing
    /// (or the checker's own reset, already checked) is not checked twice.
    seen: Vec<Option<Vec<u8>>>,
    /// A line to show above the keys on the next screen (what a reset did).
    notice: Option<String>,
}

impl App {
    pub(crate) fn watch(&mut self) -> Result<u8> {
        let m = self.msg();
        let (events, rx) = mpsc::channel();
        let dir = self.course.layout.exercises.join("src");
        let files = match Files::watch(&dir, events.clone()) {
            Ok(files) => files,
            Err(e) => {
                let shown = self.course.layout.show(&dir);
                eprintln!("{}", m.watch_cannot_watch(&shown, &e.to_string()));
                return Ok(USAGE);
            }
        };
        let term = Terminal::start(events);
        if !term.keys() {
            term.show(&format!("{}\n", m.watch_no_terminal()));
        }
        let mut session = Session {
            lesson: self.current().cloned(),
            passed: false,
            seen: Vec::new(),
            notice: None,
        };
        self.watch_check(&term, &files, &mut session);
        while let Ok(event) = rx.recv() {
            match event {
                Event::Saved => self.check_if_changed(&term, &files, &mut session),
                Event::WatchError(why) => {
                    let dir = self.course.layout.show(&dir);
                    term.show(&format!("{}\n", m.watch_cannot_watch(&dir, &why)));
                }
                Event::Key('q') => break,
                Event::Key('r') => self.watch_check(&term, &files, &mut session),
                Event::Key('h') => self.watch_hint(&term, &session),
                Event::Key('l') => {
                    term.show("\n");
                    if let Err(e) = term.cooked(|| self.list()) {
                        term.show(&format!("{} {e:#}\n", m.internal_error()));
                    }
                    term.show(&format!("\n{}\n", self.footer(&term, &session)));
                }
                Event::Key('n') => {
                    if session.passed {
                        session.lesson = self.current().cloned();
                        self.watch_check(&term, &files, &mut session);
                    } else {
                        term.show(&format!("\n{}\n", m.watch_not_passed_yet()));
                    }
                }
                Event::Key('x') => {
                    self.watch_reset(&term, &rx, &mut session);
                    self.check_if_changed(&term, &files, &mut session);
                }
                Event::Key(_) => {}
            }
        }
        Ok(PASSED)
    }

    /// The files a lesson's check reads: its module and the modules it uses.
    fn lesson_files(&self, lesson: &Lesson) -> Vec<PathBuf> {
        std::iter::once(&lesson.module)
            .chain(&lesson.uses)
            .map(|module| self.course.layout.exercise(module))
            .collect()
    }

    fn contents(&self, lesson: &Lesson) -> Vec<Option<Vec<u8>>> {
        self.lesson_files(lesson)
            .iter()
            .map(|f| std::fs::read(f).ok())
            .collect()
    }

    fn check_if_changed(&mut self, term: &Terminal, files: &Files, session: &mut Session) {
        let changed = session
            .lesson
            .as_ref()
            .is_some_and(|lesson| self.contents(lesson) != session.seen);
        if changed {
            self.watch_check(term, files, session);
        }
    }

    /// Checks the lesson on screen and draws the screen anew.
    fn watch_check(&mut self, term: &Terminal, files: &Files, session: &mut Session) {
        let m = self.msg();
        let Some(lesson) = session.lesson.clone() else {
            files.only(&[]);
            term.clear();
            term.show(&format!(
                "{}\n\n{}\n\n{}\n",
                self.progress_bar(),
                self.completion(),
                self.footer(term, session)
            ));
            return;
        };
        let watched = self.lesson_files(&lesson);
        files.only(&watched.iter().map(PathBuf::as_path).collect::<Vec<_>>());
        term.show(&format!("\n{}\n", m.watch_checking(&lesson.id)));
        // Read before the check: a save during the check then counts as a change.
        session.seen = self.contents(&lesson);
        let preparing = || term.show(&format!("{}\n", m.preparing()));
        let verdict = match self.judge_with(&[&lesson], &preparing) {
            Ok(mut verdicts) if !verdicts.is_empty() => verdicts.remove(0),
            Ok(_) => return,
            Err(e) => {
                term.show(&format!("{} {e:#}\n", m.internal_error()));
                return;
            }
        };
        let mut screen = format!("{}\n\n", self.progress_bar_after(&lesson, verdict.passed()));
        let first_time = !self.store.lesson(&lesson.id).introduced;
        if first_time || verdict.not_started() {
            screen.push_str(&self.introduce(&lesson));
            self.store.lesson(&lesson.id).introduced = true;
        } else {
            screen.push_str(&format!(
                "{}\n{}\n",
                self.heading(&lesson),
                self.edit_line(&lesson)
            ));
        }
        screen.push('\n');
        session.passed = verdict.passed();
        if verdict.passed() {
            screen.push_str(&self.pass_lines(&lesson));
            self.store.lesson(&lesson.id).passed = true;
            // Without keys there is no `n`: the next lesson follows at once, as with `next`.
            if !term.keys() {
                session.lesson = self.current().cloned();
                session.passed = false;
                screen.push_str(&self.up_next(files, session));
            }
        } else {
            let report = report::failure_report(&self.context(), &lesson, &verdict)
                .replace(&m.try_again(), &m.watch_try_again())
                .replace(&m.write_then_run(), &m.watch_write_then_save(term.keys()));
            screen.push_str(&report);
        }
        if let Err(e) = self.store.save() {
            screen.push_str(&format!("{} {e:#}\n", m.internal_error()));
        }
        if let Some(notice) = session.notice.take() {
            screen.push_str(&format!("\n{notice}\n"));
        }
        screen.push_str(&format!("\n{}\n", self.footer(term, session)));
        term.clear();
        term.show(&screen);
    }

    /// The lesson after a pass, introduced, and its files watched from now on.
    fn up_next(&mut self, files: &Files, session: &mut Session) -> String {
        let Some(next) = session.lesson.clone() else {
            return format!("\n{}\n", self.completion());
        };
        self.store.lesson(&next.id).introduced = true;
        session.seen = self.contents(&next);
        let watched = self.lesson_files(&next);
        files.only(&watched.iter().map(PathBuf::as_path).collect::<Vec<_>>());
        format!("\n{}:\n\n{}", self.msg().up_next(), self.introduce(&next))
    }

    /// `[■■□□□] 2/5 lessons done`, counting a lesson that has just passed.
    fn progress_bar_after(&self, lesson: &Lesson, passed: bool) -> String {
        let done = self
            .course
            .lessons
            .iter()
            .filter(|l| self.store.passed(&l.id) || (passed && l.id == lesson.id))
            .count();
        self.bar(done)
    }

    fn progress_bar(&self) -> String {
        self.bar(self.lessons_done())
    }

    fn bar(&self, done: usize) -> String {
        let total = self.course.lessons.len();
        let (full, empty) = ("■".repeat(done), "□".repeat(total.saturating_sub(done)));
        let full = if self.color {
            full.green().to_string()
        } else {
            full
        };
        format!("[{full}{empty}] {}", self.msg().watch_progress(done, total))
    }

    /// What saving does, and the keys (when there are keys).
    fn footer(&self, term: &Terminal, session: &Session) -> String {
        let m = self.msg();
        let mut footer = String::new();
        if let Some(lesson) = &session.lesson {
            footer.push_str(&m.watch_on_save(&self.exercise_shown(lesson)));
        }
        if term.keys() {
            let keys = m.watch_keys(session.passed && session.lesson.is_some());
            let keys = if self.color {
                keys.bold().to_string()
            } else {
                keys
            };
            if !footer.is_empty() {
                footer.push('\n');
            }
            footer.push_str(&keys);
        }
        footer
    }

    /// `h`: the next hint of the lesson on screen, remembered as `hint` remembers it.
    fn watch_hint(&mut self, term: &Terminal, session: &Session) {
        let m = self.msg();
        let Some(lesson) = &session.lesson else {
            term.show(&format!("\n{}\n", self.completion()));
            return;
        };
        if lesson.hints.is_empty() {
            term.show(&format!("\n{}\n", m.no_hints(&lesson.id)));
            return;
        }
        let total = lesson.hints.len();
        let shown = (self.store.lesson(&lesson.id).hints + 1).min(total);
        let heading = m.hint_heading(shown, total);
        let heading = if self.color {
            heading.bold().to_string()
        } else {
            heading
        };
        let after = if shown < total {
            m.watch_more_hints()
        } else {
            m.all_hints_shown()
        };
        let hint = text::render(self.lang.pick(&lesson.hints[shown - 1]), self.color);
        term.show(&format!("\n{heading}\n{hint}{after}\n"));
        self.store.lesson(&lesson.id).hints = shown;
        if let Err(e) = self.store.save() {
            term.show(&format!("{} {e:#}\n", m.internal_error()));
        }
    }

    /// `x`: asks, then resets as `reset` does; the next screen says what happened.
    fn watch_reset(&mut self, term: &Terminal, rx: &Receiver<Event>, session: &mut Session) {
        let m = self.msg();
        let Some(lesson) = session.lesson.clone() else {
            term.show(&format!("\n{}\n", m.watch_nothing_to_reset()));
            return;
        };
        let file = self.exercise_shown(&lesson);
        let stub = match self.stub_of(&lesson) {
            Ok(stub) => stub,
            Err(why) => {
                term.show(&format!("\n{}\n", m.reset_no_stub(&file, &why)));
                return;
            }
        };
        if self.is_stub(&lesson, &stub) {
            term.show(&format!("\n{}\n", m.reset_already_stub(&file)));
            return;
        }
        term.show(&format!("\n{}", m.reset_ask(&file)));
        // The answer is the next key; saves meanwhile are looked at after it.
        let answer = loop {
            match rx.recv() {
                Ok(Event::Key(c)) => break Some(c),
                Ok(_) => continue,
                Err(_) => break None,
            }
        };
        term.show(&format!("{}\n", answer.unwrap_or(' ')));
        if answer != Some('y') {
            term.show(&format!("{}\n", m.reset_declined(&file)));
            return;
        }
        match self.restore_stub(&lesson, &stub) {
            Ok(restored) => {
                let backup = restored.backup.map(|b| self.course.layout.show(&b));
                session.notice = Some(m.reset_done(&file, backup.as_deref(), restored.was_passed));
            }
            Err(e) => term.show(&format!("{} {e:#}\n", m.internal_error())),
        }
    }
}
