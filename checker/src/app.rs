//! The commands: what `next`, `list`, `check`, `hint`, `verify` and `dev check` do.
//!
//! Exit status: 0 passed, 1 failed, 2 a usage or lesson-file error.

use crate::cli::{Cli, Command, DevCommand};
use crate::course::{Course, Layout};
use crate::harness;
use crate::lesson::Lesson;
use crate::messages::{Lang, Msg};
use crate::progress::Store;
use crate::report::{self, Context};
use crate::text;
use crate::verdict::{self, Verdict};
use anyhow::Result;
use colored::Colorize;
use std::io::IsTerminal;
use std::process::ExitCode;

const PASSED: u8 = 0;
const FAILED: u8 = 1;
const USAGE: u8 = 2;

struct App {
    course: Course,
    lang: Lang,
    color: bool,
    store: Store,
}

/// Whether to colour the output: a terminal, unless `NO_COLOR`; or `CLICOLOR_FORCE`.
fn use_color() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    if set("CLICOLOR_FORCE") {
        return true;
    }
    std::io::stdout().is_terminal() && !set("NO_COLOR")
}

pub fn run(cli: Cli) -> ExitCode {
    let lang = Lang::detect(cli.lang);
    let color = use_color();
    colored::control::set_override(color);
    let msg = Msg(lang);
    let start = match &cli.root {
        Some(root) => root.clone(),
        None => std::env::current_dir().unwrap_or_else(|_| ".".into()),
    };
    let Some(layout) = Layout::discover(&start) else {
        eprintln!("{}", msg.not_a_workbook(&start.display().to_string()));
        return ExitCode::from(USAGE);
    };
    let course = match Course::load(layout) {
        Ok(course) => course,
        Err(errors) => {
            eprint!("{}", errors.rendered);
            eprintln!("\n{}", msg.lesson_errors(errors.count));
            return ExitCode::from(USAGE);
        }
    };
    let (store, problem) = Store::open(&course.layout.state_dir());
    if let Some(problem) = problem {
        eprintln!(
            "{}",
            msg.progress_reset(&course.layout.show(store.path()), &problem)
        );
    }
    let mut app = App {
        course,
        lang,
        color,
        store,
    };
    let result = match cli.command {
        Command::Next => app.next(),
        Command::List => app.list(),
        Command::Check { lesson } => app.check(&lesson),
        Command::Hint { lesson } => app.hint(lesson.as_deref()),
        Command::Verify => app.verify(),
        Command::Dev(DevCommand::Check) => app.dev_check(),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("{} {error:#}", msg.internal_error());
            ExitCode::from(USAGE)
        }
    }
}

impl App {
    fn msg(&self) -> Msg {
        Msg(self.lang)
    }

    fn context(&self) -> Context<'_> {
        Context {
            lang: self.lang,
            color: self.color,
            layout: &self.course.layout,
        }
    }

    fn lesson(&self, id: &str) -> Result<&Lesson, ExitCode> {
        self.course.find(id).ok_or_else(|| {
            let all: Vec<&str> = self.course.lessons.iter().map(|l| l.id.as_str()).collect();
            eprintln!(
                "{}",
                self.msg()
                    .unknown_lesson(id, self.course.suggest(id), &all.join(", "))
            );
            ExitCode::from(USAGE)
        })
    }

    /// The first lesson not passed yet.
    fn current(&self) -> Option<&Lesson> {
        self.course
            .lessons
            .iter()
            .find(|l| !self.store.passed(&l.id))
    }

    fn number_of(&self, lesson: &Lesson) -> usize {
        self.course
            .lessons
            .iter()
            .position(|l| l.id == lesson.id)
            .map_or(0, |i| i + 1)
    }

    fn heading(&self, lesson: &Lesson) -> String {
        let text = self.msg().lesson_heading(
            self.number_of(lesson),
            self.course.lessons.len(),
            self.lang.pick(&lesson.title),
        );
        let text = format!("━━ {text} ({}) ━━", lesson.id);
        if self.color {
            text.bold().to_string()
        } else {
            text
        }
    }

    fn edit_line(&self, lesson: &Lesson) -> String {
        let file = self
            .course
            .layout
            .show(&self.course.layout.exercise(&lesson.module));
        self.msg().edit_file(&file)
    }

    /// Runs lessons' hidden tests and reaches their verdicts.
    fn judge(&self, lessons: &[&Lesson]) -> Result<Vec<Verdict>> {
        let msg = self.msg();
        let on_first_build = || eprintln!("{}", msg.preparing());
        let runs = harness::run_lessons(&self.course, lessons, self.color, &on_first_build)?;
        Ok(lessons
            .iter()
            .zip(runs)
            .map(|(lesson, run)| verdict::judge(lesson, run))
            .collect())
    }

    fn pass_lines(&self, lesson: &Lesson) -> String {
        let m = self.msg();
        let check = if self.color {
            "✓".green().bold().to_string()
        } else {
            "✓".to_string()
        };
        let points = m.points(lesson.points);
        let points = if self.color {
            points.green().to_string()
        } else {
            points
        };
        let reference = self
            .course
            .layout
            .show(&self.course.layout.solution(&lesson.module));
        format!(
            "{check} {} {points}\n  {}\n",
            m.passed(lesson.tests.len(), lesson.case_count()),
            m.compare_with_reference(&reference)
        )
    }

    fn introduce(&self, lesson: &Lesson) -> String {
        format!(
            "{}\n\n{}\n{}\n",
            self.heading(lesson),
            text::render(self.lang.pick(&lesson.text), self.color),
            self.edit_line(lesson)
        )
    }

    fn next(&mut self) -> Result<u8> {
        let m = self.msg();
        if !self.store.progress.welcomed {
            println!("{}\n", m.welcome());
            self.store.progress.welcomed = true;
        }
        let Some(lesson) = self.current().cloned() else {
            println!("{}", self.completion());
            self.store.save()?;
            return Ok(PASSED);
        };
        let verdict = self.judge(&[&lesson])?.remove(0);
        let first_time = !self.store.lesson(&lesson.id).introduced;
        if first_time || verdict.not_started() {
            print!("{}", self.introduce(&lesson));
            self.store.lesson(&lesson.id).introduced = true;
        } else {
            println!("{}\n{}", self.heading(&lesson), self.edit_line(&lesson));
        }
        println!();
        let code = if verdict.passed() {
            print!("{}", self.pass_lines(&lesson));
            self.store.lesson(&lesson.id).passed = true;
            match self.current().cloned() {
                Some(next) => {
                    println!("\n{}:\n", m.up_next());
                    print!("{}", self.introduce(&next));
                    println!("\n{}", m.run_next_to_start());
                    self.store.lesson(&next.id).introduced = true;
                }
                None => println!("\n{}", self.completion()),
            }
            PASSED
        } else {
            print!(
                "{}",
                report::failure_report(&self.context(), &lesson, &verdict)
            );
            FAILED
        };
        self.store.save()?;
        Ok(code)
    }

    fn completion(&self) -> String {
        let earned = self
            .course
            .lessons
            .iter()
            .filter(|l| self.store.passed(&l.id))
            .map(|l| l.points)
            .sum();
        let total = self.course.lessons.iter().map(|l| l.points).sum();
        self.msg().course_complete(earned, total)
    }

    fn check(&mut self, id: &str) -> Result<u8> {
        let lesson = match self.lesson(id) {
            Ok(lesson) => lesson.clone(),
            Err(_) => return Ok(USAGE),
        };
        let verdict = self.judge(&[&lesson])?.remove(0);
        println!("{}\n{}\n", self.heading(&lesson), self.edit_line(&lesson));
        if verdict.passed() {
            print!("{}", self.pass_lines(&lesson));
            self.store.lesson(&lesson.id).passed = true;
            self.store.save()?;
            Ok(PASSED)
        } else {
            print!(
                "{}",
                report::failure_report(&self.context(), &lesson, &verdict)
            );
            Ok(FAILED)
        }
    }

    fn hint(&mut self, id: Option<&str>) -> Result<u8> {
        let m = self.msg();
        let lesson = match id {
            Some(id) => match self.lesson(id) {
                Ok(lesson) => lesson.clone(),
                Err(_) => return Ok(USAGE),
            },
            None => match self.current() {
                Some(lesson) => lesson.clone(),
                None => {
                    println!("{}", self.completion());
                    return Ok(PASSED);
                }
            },
        };
        println!("{}\n", self.heading(&lesson));
        if lesson.hints.is_empty() {
            println!("{}", m.no_hints(&lesson.id));
            return Ok(PASSED);
        }
        let shown = (self.store.lesson(&lesson.id).hints + 1).min(lesson.hints.len());
        for (i, hint) in lesson.hints.iter().take(shown).enumerate() {
            let heading = m.hint_heading(i + 1, lesson.hints.len());
            let heading = if self.color {
                heading.bold().to_string()
            } else {
                heading
            };
            println!(
                "{heading}\n{}",
                text::render(self.lang.pick(hint), self.color)
            );
        }
        println!(
            "{}",
            if shown < lesson.hints.len() {
                m.more_hints(id)
            } else {
                m.all_hints_shown()
            }
        );
        self.store.lesson(&lesson.id).hints = shown;
        self.store.save()?;
        Ok(PASSED)
    }

    fn list(&self) -> Result<u8> {
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

    fn verify(&mut self) -> Result<u8> {
        let m = self.msg();
        let lessons: Vec<Lesson> = self.course.lessons.clone();
        let refs: Vec<&Lesson> = lessons.iter().collect();
        let verdicts = self.judge(&refs)?;
        let mut failed = Vec::new();
        for (lesson, verdict) in lessons.iter().zip(&verdicts) {
            let (mark, state) = if verdict.passed() {
                self.store.lesson(&lesson.id).passed = true;
                ("✓", m.lesson_passed_short())
            } else {
                failed.push(lesson.id.clone());
                let state = match verdict {
                    Verdict::CompileError { .. }
                    | Verdict::CargoFailed(_)
                    | Verdict::Unreadable(_) => m.lesson_no_compile_short(),
                    v if v.not_started() => m.lesson_not_started_short(),
                    _ => m.lesson_failed_short(),
                };
                ("✗", state)
            };
            let line = format!(
                "{mark} {:<8} {}: {state}",
                lesson.id,
                self.lang.pick(&lesson.title)
            );
            let line = match (self.color, verdict.passed()) {
                (true, true) => line.green().to_string(),
                (true, false) => line.red().to_string(),
                _ => line,
            };
            println!("{line}");
        }
        self.store.save()?;
        println!();
        if failed.is_empty() {
            println!("{}", m.verify_passed(lessons.len()));
            Ok(PASSED)
        } else {
            println!("{}", m.verify_failed(&failed.join(", ")));
            Ok(FAILED)
        }
    }

    /// Every reference passes every hidden test, and every stub fails.
    fn dev_check(&mut self) -> Result<u8> {
        let lessons: Vec<Lesson> = self.course.lessons.clone();
        let refs: Vec<&Lesson> = lessons.iter().collect();
        let mut problems = 0;
        // The references, checked as if a student had written them.
        let solutions = self.course.layout.root.join("solutions");
        let stub_layout = self.course.layout.clone();
        self.course.layout = stub_layout.with_exercises(solutions);
        let as_student = self.judge(&refs);
        self.course.layout = stub_layout;
        for (lesson, verdict) in lessons.iter().zip(as_student?) {
            if verdict.passed() {
                println!(
                    "✓ {}: the reference passes all {} tests ({} cases)",
                    lesson.id,
                    lesson.tests.len(),
                    lesson.case_count()
                );
            } else {
                problems += 1;
                println!("✗ {}: the reference fails its own hidden tests:", lesson.id);
                print!(
                    "{}",
                    report::failure_report(&self.context(), lesson, &verdict)
                );
            }
        }
        for (lesson, verdict) in lessons.iter().zip(self.judge(&refs)?) {
            let file = self
                .course
                .layout
                .show(&self.course.layout.exercise(&lesson.module));
            match &verdict {
                Verdict::CompileError { .. } | Verdict::CargoFailed(_) | Verdict::Unreadable(_) => {
                    problems += 1;
                    println!("✗ {}: the stub {file} cannot be built:", lesson.id);
                    print!(
                        "{}",
                        report::failure_report(&self.context(), lesson, &verdict)
                    );
                }
                v if v.passed() => {
                    problems += 1;
                    println!(
                        "✗ {}: the stub {file} passes every test; an exercise must start unsolved",
                        lesson.id
                    );
                }
                v if v.tests().iter().any(|t| t.passed()) => {
                    let passing: Vec<String> = v
                        .tests()
                        .iter()
                        .filter(|t| t.passed())
                        .map(|t| lesson.tests[t.test].name.en.clone())
                        .collect();
                    println!(
                        "✓ {}: the stub fails (though it passes: {})",
                        lesson.id,
                        passing.join("; ")
                    );
                }
                _ => println!("✓ {}: the stub fails every test", lesson.id),
            }
        }
        println!();
        if problems == 0 {
            println!("All {} lessons are sound.", lessons.len());
            Ok(PASSED)
        } else {
            println!("{problems} problems found.");
            Ok(FAILED)
        }
    }
}
