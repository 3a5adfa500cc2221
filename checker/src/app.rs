//! The state every command shares (the course, the [`Ui`]: language, colours and
//! width, and progress), and what commands say of lessons with it: headings, the
//! lesson's text, a pass, the end of the course. Each command is a function over an
//! [`App`] in a file of its own under `commands/`; checks go through its [`Checker`].

use crate::course::{BrokenLesson, Course};
use crate::exit::Exit;
use crate::lesson::Lesson;
use crate::paint::Colorize;
use crate::pipeline::{self, Checked, Checker};
use crate::progress::Store;
use crate::report::Context;
use crate::ui::Ui;
use crate::verdict::Verdict;
use anyhow::Result;

pub struct App<'c> {
    /// The course as loaded: read, never changed, so a lesson borrowed from it does not
    /// hold the whole `App` (whose progress changes).
    pub(crate) course: &'c Course,
    /// The language, the colours and the width, decided once at start-up.
    pub(crate) ui: Ui,
    pub(crate) store: Store,
}

impl<'c> App<'c> {
    pub(crate) fn context(&self) -> Context<'_> {
        Context::new(self.ui, &self.course.layout)
    }

    /// The lesson a student named. A lesson whose file is broken is said so here (the
    /// caller stops, with exit status 2), as is an id that names no lesson.
    pub(crate) fn lesson(&self, id: &str) -> Result<&'c Lesson, Exit> {
        self.course.find(id).ok_or_else(|| {
            if let Some(broken) = self.course.find_broken(id) {
                print!("{}", self.broken_report(broken));
                return Exit::Usage;
            }
            let all = self.course.ids();
            let text = self
                .ui
                .msg()
                .unknown_lesson(id, self.course.suggest(id), &all.join(", "));
            eprintln!("{}", self.ui.fit(&text));
            Exit::Usage
        })
    }

    /// The first lesson not passed yet.
    pub(crate) fn current(&self) -> Option<&'c Lesson> {
        self.course
            .lessons
            .iter()
            .find(|l| !self.store.passed(&l.id))
    }

    /// A lesson's place among all the course's lessons (broken ones too), from 0.
    pub(crate) fn position(&self, lesson: &Lesson) -> usize {
        pipeline::position(self.course, lesson)
    }

    /// A lesson's number (from 1), as its heading shows it: a broken lesson before it
    /// keeps its number, so numbers do not move when a file breaks or is fixed.
    pub(crate) fn number_of(&self, lesson: &Lesson) -> usize {
        self.position(lesson) + 1
    }

    pub(crate) fn heading(&self, lesson: &Lesson) -> String {
        let title = self.ui.lang.pick(&lesson.title);
        self.heading_of(self.number_of(lesson), title, &lesson.id)
    }

    fn heading_of(&self, number: usize, title: &str, id: &str) -> String {
        let text = self
            .ui
            .msg()
            .lesson_heading(number, self.course.total(), title, id);
        let text = format!("━━ {text} ━━");
        self.ui.paint(&text, |s| s.bold())
    }

    /// A lesson whose file does not load, as a student meets it: its heading, that it is
    /// broken and not their fault, and what to tell the instructor.
    pub(crate) fn broken_report(&self, broken: &BrokenLesson) -> String {
        let title = match &broken.title {
            Some(title) => self.ui.lang.pick(title),
            None => &broken.file,
        };
        let heading = self.heading_of(broken.position + 1, title, &broken.id);
        let report = crate::report::broken_file_report(&self.context(), broken);
        format!("{heading}\n\n{report}")
    }

    /// The broken lessons not passed that come before `lesson` (all of them without
    /// one): those a student has reached.
    pub(crate) fn broken_reached(&self, lesson: Option<&Lesson>) -> Vec<&'c BrokenLesson> {
        let before = lesson.map_or(usize::MAX, |l| self.position(l));
        let course: &'c Course = self.course;
        course
            .broken
            .iter()
            .filter(|b| b.position < before && !self.store.passed(&b.id))
            .collect()
    }

    pub(crate) fn edit_line(&self, lesson: &Lesson) -> String {
        let file = self
            .course
            .layout
            .show(&self.course.layout.exercise(&lesson.module));
        self.ui.msg().edit_file(&file)
    }

    /// The check pipeline over this state (see [`Checker`]).
    pub(crate) fn checker(&mut self) -> Checker<'_, 'c> {
        Checker {
            course: self.course,
            ui: self.ui,
            store: &mut self.store,
        }
    }

    /// Checks lessons and records their results (see [`Checker::check`]), saying before
    /// the first build that it prepares.
    pub(crate) fn check_lessons(&mut self, lessons: &[&'c Lesson]) -> Result<Vec<Checked<'c>>> {
        let ui = self.ui;
        // A blank line after it: on a new student's first `next` it comes between the
        // lesson's text and the verdict.
        let preparing = || eprintln!("{}\n", ui.fit(&ui.msg().preparing()));
        self.checker().check(lessons, &preparing)
    }

    /// The lessons that passed and whose files have changed since, in course order: all
    /// of them, or those before `before`.
    pub(crate) fn changed_since_passing(&self, before: Option<&Lesson>) -> Vec<&'c Lesson> {
        self.course
            .lessons
            .iter()
            .take_while(|l| before.is_none_or(|b| b.id != l.id))
            .filter(|l| {
                self.store.passed(&l.id)
                    && !(self.store).passed_with(&l.id, &pipeline::fingerprint(self.course, l))
            })
            .collect()
    }

    /// `✓ Passed! …`, with the points when they are awarded now (once per lesson).
    /// What a passing check prints: the tick, the points, where the reference is, what
    /// the lesson's tests show of the student's outputs (`room` says how much space
    /// there is), and the `show` command that fits.
    pub(crate) fn pass_lines(
        &self,
        lesson: &Lesson,
        verdict: &Verdict,
        awarded: bool,
        room: crate::exhibit::Room,
    ) -> String {
        let m = self.ui.msg();
        let check = self.ui.paint("✓", |s| s.green().bold());
        let points = if awarded {
            format!(" {}", m.points(lesson.points))
        } else {
            String::new()
        };
        let points = self.ui.paint(&points, |s| s.green());
        let reference = self
            .course
            .layout
            .show(&self.course.layout.solution(&lesson.module));
        // A lesson's `after_passing` suggests a `show`.
        let show = (lesson.after_passing.as_ref())
            .map(|after| format!("  {}\n", m.try_show(&after.text, &after.command)))
            .unwrap_or_default();
        let mut exhibits = String::new();
        if let Verdict::Ran { exhibits: all, .. } = verdict {
            let width = self.ui.width().unwrap_or(80).min(100);
            for exhibit in all {
                let drawn = crate::exhibit::render(exhibit, m, self.ui.color, width, room);
                if !drawn.is_empty() {
                    exhibits.push('\n');
                    exhibits.push_str(&drawn);
                }
            }
        }
        let lines = self.ui.fit(&format!(
            "{check} {}{points}\n  {}\n{show}",
            m.passed(lesson.tests.len(), lesson.case_count()),
            m.compare_with_reference(&reference)
        ));
        format!("{lines}{exhibits}")
    }

    pub(crate) fn introduce(&self, lesson: &Lesson) -> String {
        format!(
            "{}\n\n{}\n{}\n",
            self.heading(lesson),
            self.ui.render(self.ui.lang.pick(&lesson.text)),
            self.ui.fit(&self.edit_line(lesson))
        )
    }

    /// The end of the course; while a lesson's file is broken, the end of what works.
    pub(crate) fn completion(&self) -> String {
        let (m, points, total) = (self.ui.msg(), self.points_earned(), self.points_total());
        let broken: Vec<&str> = (self.broken_reached(None).iter())
            .map(|b| b.id.as_str())
            .collect();
        match broken.is_empty() {
            true => self.ui.fit(&m.course_complete(points, total)),
            false => self.ui.fit(&m.course_done_but_broken(
                points,
                total,
                broken.len(),
                &broken.join(", "),
            )),
        }
    }

    /// How many lessons have passed.
    pub(crate) fn lessons_done(&self) -> usize {
        self.course
            .lessons
            .iter()
            .filter(|l| self.store.passed(&l.id))
            .count()
    }

    /// The points of the lessons that pass (as last checked). A lesson's points are
    /// announced at its first pass only, but count only while it passes.
    pub(crate) fn points_earned(&self) -> u32 {
        self.course
            .lessons
            .iter()
            .filter(|l| self.store.passed(&l.id))
            .map(|l| l.points)
            .sum()
    }

    pub(crate) fn points_total(&self) -> u32 {
        self.course.lessons.iter().map(|l| l.points).sum()
    }
}
