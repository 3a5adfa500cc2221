//! `dev check`: proof that every lesson is sound, for instructors.
//!
//! Loading already rejects malformed lessons (unknown fields, a text missing in one
//! language, a function the reference lacks). This adds what only running can show:
//! every reference passes every hidden test (so every fixed expected value agrees with
//! it), every stub fails, and every known mistake fails and is recognised as itself.

use crate::app::{App, FAILED, PASSED};
use crate::diagnosis;
use crate::harness::run::{Captured, Ending, RunResult};
use crate::harness::{self, LessonRun, StudentRun};
use crate::lesson::Lesson;
use crate::report;
use crate::verdict::{self, Verdict};
use anyhow::Result;

impl App {
    pub(crate) fn dev_check(&mut self) -> Result<u8> {
        let lessons: Vec<Lesson> = self.course.lessons.clone();
        let refs: Vec<&Lesson> = lessons.iter().collect();
        let mut problems = Vec::new();

        // The references, checked as if a student had written them.
        let workbook = self.course.layout.clone();
        self.course.layout = workbook.with_exercises(workbook.root.join("solutions"));
        let runs = harness::run_lessons(&self.course, &refs, self.color, &|| {});
        self.course.layout = workbook;
        let mut references = Vec::new();
        for (lesson, run) in lessons.iter().zip(runs?) {
            references.push(run.reference.clone());
            let verdict = verdict::judge(lesson, run);
            if verdict.passed() {
                let (tests, cases) = (lesson.tests.len(), lesson.case_count());
                println!(
                    "✓ {}: the reference passes all {tests} hidden tests ({cases} cases)",
                    lesson.id
                );
            } else {
                println!("✗ {}: the reference fails its own hidden tests:", lesson.id);
                print!(
                    "{}",
                    report::failure_report(&self.context(), lesson, &verdict)
                );
                problems.push(format!("{}: the reference fails", lesson.id));
            }
        }

        // The stubs, as a student first sees them.
        for (lesson, verdict) in lessons.iter().zip(self.judge(&refs)?) {
            let file = self
                .course
                .layout
                .show(&self.course.layout.exercise(&lesson.module));
            match &verdict {
                Verdict::CompileError { .. } | Verdict::CargoFailed(_) | Verdict::Unreadable(_) => {
                    println!("✗ {}: the stub {file} cannot be built:", lesson.id);
                    print!(
                        "{}",
                        report::failure_report(&self.context(), lesson, &verdict)
                    );
                    problems.push(format!("{}: the stub cannot be built", lesson.id));
                }
                v if v.passed() => {
                    println!(
                        "✗ {}: the stub {file} passes every test; an exercise must start unsolved",
                        lesson.id
                    );
                    problems.push(format!("{}: the stub passes", lesson.id));
                }
                v if v.tests().iter().any(|t| t.passed()) => {
                    let passing: Vec<&str> = v
                        .tests()
                        .iter()
                        .filter(|t| t.passed())
                        .map(|t| lesson.tests[t.test].name.en.as_str())
                        .collect();
                    println!(
                        "✓ {}: the stub fails (it passes only: {})",
                        lesson.id,
                        passing.join("; ")
                    );
                }
                _ => println!("✓ {}: the stub fails every test", lesson.id),
            }
        }

        // The known mistakes: each must fail, and be named as itself.
        for (lesson, reference) in lessons.iter().zip(references) {
            if lesson.mistakes.is_empty() {
                continue;
            }
            let outputs = harness::mistake_outputs(&self.course, lesson, self.color)?;
            let mut recognised = 0;
            for (i, mistake) in lesson.mistakes.iter().enumerate() {
                let file = self
                    .course
                    .layout
                    .show(&self.course.layout.mistake(&lesson.module, &mistake.file));
                let Some(mistake_outputs) = &outputs[i] else {
                    println!(
                        "✗ {}: the known mistake {file} does not build or does not finish",
                        lesson.id
                    );
                    problems.push(format!("{}: {} does not run", lesson.id, mistake.name));
                    continue;
                };
                let run = LessonRun {
                    student: StudentRun::Ran(RunResult {
                        outcomes: mistake_outputs.clone(),
                        unfinished: None,
                        done: true,
                        ending: Ending::Exited(0),
                        stdout: Captured::default(),
                        stderr: Captured::default(),
                    }),
                    reference: reference.clone(),
                };
                let verdict = verdict::judge(lesson, run);
                let named = diagnosis::diagnose(lesson, &verdict, &outputs);
                if verdict.passed() {
                    println!(
                        "✗ {}: the known mistake {file} passes every hidden test",
                        lesson.id
                    );
                    problems.push(format!("{}: {} passes", lesson.id, mistake.name));
                } else if named != Some(i) {
                    let as_what = match named {
                        Some(other) => format!("it is named as {}", lesson.mistakes[other].name),
                        None => "it is not recognised".to_string(),
                    };
                    println!(
                        "✗ {}: the known mistake {file} fails, but {as_what}",
                        lesson.id
                    );
                    problems.push(format!("{}: {} is not recognised", lesson.id, mistake.name));
                } else {
                    recognised += 1;
                }
            }
            let total = lesson.mistakes.len();
            println!(
                "✓ {}: {recognised} of {total} known mistakes fail and are recognised",
                lesson.id
            );
        }
        // A mistake file that no lesson lists is never used: say so.
        for lesson in &lessons {
            let dir = self.course.layout.mistake(&lesson.module, "");
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".rs") && !lesson.mistakes.iter().any(|m| m.file == name) {
                    let file = self.course.layout.show(&entry.path());
                    println!(
                        "✗ {}: {file} is not listed in the lesson's [[mistakes]]",
                        lesson.id
                    );
                    problems.push(format!("{}: {name} is not listed", lesson.id));
                }
            }
        }

        println!();
        if problems.is_empty() {
            println!("All {} lessons are sound.", lessons.len());
            Ok(PASSED)
        } else {
            match problems.len() {
                1 => println!("1 problem found:"),
                n => println!("{n} problems found:"),
            }
            for problem in &problems {
                println!("  - {problem}");
            }
            Ok(FAILED)
        }
    }
}
