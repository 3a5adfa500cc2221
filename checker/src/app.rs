//! The application: from the command line to a loaded course and the state every
//! command shares (the course, the [`Ui`]: language, colours and width, and progress).
//! Each command is a method of [`App`] in a file of its own under `commands/`.
//!
//! Exit status: see [`Exit`].

use crate::cli::{Cli, Command, DevCommand};
use crate::course::{BrokenLesson, Course, Layout};
use crate::exit::Exit;
use crate::lesson::Lesson;
use crate::pipeline::{self, Checked, Checker};
use crate::progress::Store;
use crate::report::Context;
use crate::ui::Ui;
use crate::verdict::Verdict;
use anyhow::Result;
use colored::Colorize;
use std::process::ExitCode;

pub struct App<'c> {
    /// The course as loaded: read, never changed, so a lesson borrowed from it does not
    /// hold the whole `App` (whose progress changes).
    pub(crate) course: &'c Course,
    /// The language, the colours and the width, decided once at start-up.
    pub(crate) ui: Ui,
    pub(crate) store: Store,
}

pub fn run(cli: Cli) -> ExitCode {
    // Grading reads a student's modules and private lessons from elsewhere, and changes
    // nothing: no colours in its output, no progress read or written.
    let grading = matches!(cli.command, Command::Grade { .. });
    let ui = Ui::detect(cli.lang, grading);
    let lang = ui.lang;
    let msg = ui.msg();
    let start = match &cli.root {
        // Relative to the current folder, made absolute so generated files can name it.
        Some(root) => std::path::absolute(root).unwrap_or_else(|_| root.clone()),
        None => std::env::current_dir().unwrap_or_else(|_| ".".into()),
    };
    let Some(mut layout) = Layout::discover(&start) else {
        eprintln!(
            "{}",
            ui.fit(&msg.not_a_workbook(&start.display().to_string()))
        );
        return ExitCode::from(Exit::Usage);
    };
    // Private lessons over the course's (`grade --lessons`, `dev check --lessons`); paths
    // typed on the command line are relative to the current folder.
    let overlay = match &cli.command {
        Command::Grade { lessons, .. } => lessons.as_ref(),
        Command::Dev(DevCommand::Check { overlay, .. }) => overlay.as_ref(),
        _ => None,
    };
    if let Some(dir) = overlay {
        layout.overlay = Some(std::path::absolute(dir).unwrap_or_else(|_| dir.clone()));
    }
    crate::timings::mark("start and command line");
    // Lesson-file errors, each at its line, and the command stops. Gradescope still gets
    // a result: the autograder is broken, not the work.
    let refuse = |errors: &crate::course::CourseErrors| {
        eprint!("{}", errors.rendered_in(lang));
        eprintln!("\n{}", ui.fit(&msg.lesson_errors(errors.count)));
        if let Command::Grade {
            format: crate::cli::GradeFormat::Gradescope,
            class: None,
            output,
            ..
        } = &cli.command
        {
            let results = crate::grade::formats::gradescope_broken(
                &msg.gradescope_broken(),
                errors.rendered_in(lang),
            );
            let written = match output {
                Some(path) => std::fs::write(path, &results).is_ok(),
                None => {
                    print!("{results}");
                    true
                }
            };
            if !written {
                return ExitCode::from(Exit::Internal);
            }
        }
        ExitCode::from(Exit::Usage)
    };
    let course = match Course::load(layout) {
        Ok(course) => course,
        Err(errors) => return refuse(&errors),
    };
    crate::timings::mark("course loaded");
    // A broken lesson file costs students that lesson only; the instructor's commands
    // see every error, and refuse a course with one (grading it would cost every student
    // that lesson's points).
    let instructor = grading || matches!(cli.command, Command::Dev(_));
    if let (true, Some(errors)) = (instructor, &course.errors) {
        return refuse(errors);
    }
    let (store, problem) = match grading {
        true => (Store::empty(&course.layout.state_dir()), None),
        false => Store::open(&course.layout.state_dir()),
    };
    if let Some(problem) = problem {
        let text = msg.progress_reset(&course.layout.show(store.path()), &problem);
        eprintln!("{}", ui.fit(&text));
    }
    let mut app = App {
        course: &course,
        ui,
        store,
    };
    let result = match cli.command {
        Command::Next => app.next(),
        Command::List => app.list(),
        Command::Check { lesson } => app.check(&lesson),
        Command::Hint { lesson } => app.hint(lesson.as_deref()),
        Command::Verify => app.verify(),
        Command::Watch => app.watch(),
        Command::Reset { lesson, yes } => app.reset(&lesson, yes),
        Command::Solution { lesson } => app.solution(&lesson),
        Command::Grade {
            class: Some(class),
            output,
            ..
        } => {
            // Relative to the current folder, like every path on the command line.
            let class = std::path::absolute(&class).unwrap_or(class);
            app.grade_class(&class, output.as_deref())
        }
        Command::Grade {
            format,
            output,
            exercises,
            ..
        } => app.grade(format, output.as_deref(), exercises.as_deref()),
        Command::Show {
            what,
            no_animate,
            test,
            digit,
            png,
        } => app.show(&what, no_animate, test, digit, png.as_deref()),
        Command::Dev(DevCommand::Check { lessons, .. }) => app.dev_check(&lessons),
        Command::Dev(DevCommand::New { name }) => app.dev_new(&name),
        Command::Dev(DevCommand::Remove { lesson, yes }) => app.dev_remove(&lesson, yes),
        Command::Dev(DevCommand::Preview { lesson }) => app.dev_preview(&lesson),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("{} {error:#}", msg.internal_error());
            ExitCode::from(Exit::Internal)
        }
    }
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
        let preparing = self.preparing();
        self.checker().check(lessons, &preparing)
    }

    /// What to do before the first build: say that the checker prepares the tests.
    pub(crate) fn preparing(&self) -> impl Fn() + use<> {
        let ui = self.ui;
        // A blank line after it: on a new student's first `next` it comes between the
        // lesson's text and the verdict.
        move || eprintln!("{}\n", ui.fit(&ui.msg().preparing()))
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
