//! `dev check`: proof that every lesson is sound, for instructors.

use crate::app::{App, FAILED, PASSED};
use crate::lesson::Lesson;
use crate::report;
use crate::verdict::Verdict;
use anyhow::Result;

impl App {
    /// Every reference passes every hidden test, and every stub fails.
    pub(crate) fn dev_check(&mut self) -> Result<u8> {
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
