//! `dev check`: proof that every lesson is sound, for instructors.
//!
//! Loading already rejects malformed lessons (unknown fields, a text missing in one
//! language, a function the reference lacks). This adds what only running can show:
//! every reference passes every hidden test (so every fixed expected value agrees with
//! it), every pristine stub (`lessons/stubs/`) fails, and every known mistake fails and is
//! recognised as itself.

use crate::app::{App, FAILED, PASSED, USAGE};
use crate::diagnosis;
use crate::harness::run::{Captured, Ending, RunResult};
use crate::harness::{self, LessonRun, StudentRun};
use crate::lesson::{self, Lesson};
use crate::report;
use crate::verdict::{self, Verdict};
use anyhow::{Context as _, Result};

impl App {
    pub(crate) fn dev_check(&mut self) -> Result<u8> {
        let m = self.msg();
        let lessons: Vec<Lesson> = self.course.lessons.clone();
        let refs: Vec<&Lesson> = lessons.iter().collect();
        let mut problems = 0;
        let mut problem = |line: String| {
            println!("{line}");
            problems += 1;
        };

        // The references, checked as if a student had written them.
        let workbook = self.course.layout.clone();
        self.course.layout = workbook.with_exercises(workbook.root.join("solutions"));
        let runs = harness::run_lessons(&self.course, &refs, self.color, &|| {});
        self.course.layout = workbook.clone();
        let mut references = Vec::new();
        for (lesson, run) in lessons.iter().zip(runs?) {
            references.push(run.reference.clone());
            let verdict = verdict::judge(lesson, run);
            if verdict.passed() {
                println!(
                    "{}",
                    m.dev_reference_passes(&lesson.id, lesson.tests.len(), lesson.case_count())
                );
            } else {
                problem(m.dev_reference_fails(&lesson.id));
                print!(
                    "{}",
                    report::failure_report(&self.context(), lesson, &verdict)
                );
            }
        }

        // The pristine stubs (`lessons/stubs/`), as a student first sees them, whatever
        // the workbook's own exercises hold now.
        self.course.layout = workbook.with_modules(workbook.stubs_dir());
        let stubs = self.judge(&refs);
        self.course.layout = workbook.clone();
        for (lesson, verdict) in lessons.iter().zip(stubs?) {
            let file = workbook.show(&workbook.stub(&lesson.module));
            match &verdict {
                Verdict::CompileError { .. } | Verdict::CargoFailed(_) | Verdict::Unreadable(_) => {
                    problem(m.dev_stub_unbuildable(&lesson.id, &file));
                    print!(
                        "{}",
                        report::failure_report(&self.context(), lesson, &verdict)
                    );
                }
                v if v.passed() => problem(m.dev_stub_passes(&lesson.id, &file)),
                v => {
                    let passing: Vec<&str> = v
                        .tests()
                        .iter()
                        .filter(|t| t.passed())
                        .map(|t| self.lang.pick(&lesson.tests[t.test].name))
                        .collect();
                    println!("{}", m.dev_stub_fails(&lesson.id, &passing));
                }
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
                    problem(m.dev_mistake_does_not_run(&lesson.id, &file));
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
                    problem(m.dev_mistake_passes(&lesson.id, &file));
                } else if named != Some(i) {
                    let other = named.map(|other| lesson.mistakes[other].name.as_str());
                    problem(m.dev_mistake_misnamed(&lesson.id, &file, other));
                } else {
                    recognised += 1;
                }
            }
            // ✓ only when every mistake fails and is named as itself; each one that does
            // not is a ✗ line above.
            if recognised == lesson.mistakes.len() {
                println!("{}", m.dev_mistakes_recognised(&lesson.id, recognised));
            }
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
                    problem(
                        m.dev_mistake_unlisted(&lesson.id, &self.course.layout.show(&entry.path())),
                    );
                }
            }
        }

        // Every lesson's module is declared in both crates, or `cargo build` of the
        // workbook never compiles it (the harness mounts files by path and would not notice).
        for lesson in &lessons {
            for krate in [
                &self.course.layout.exercises,
                &self.course.layout.root.join("solutions"),
            ] {
                let lib = krate.join("src").join("lib.rs");
                let declared = std::fs::read_to_string(&lib)
                    .is_ok_and(|text| declares_module(&text, &lesson.module));
                if !declared {
                    let lib = self.course.layout.show(&lib);
                    problem(m.dev_module_undeclared(&lesson.id, &lesson.module, &lib));
                }
            }
        }
        // Large inputs are allowed, but the author should know what they cost.
        for lesson in &lessons {
            if lesson.drawn.values > LARGE_INPUTS {
                let (rows, cols) = lesson.drawn.largest.unwrap_or_default();
                println!(
                    "{}",
                    m.dev_large_inputs(
                        &lesson.id,
                        lesson.drawn.values,
                        (lesson.drawn.values * 9) >> 20,
                        (rows, cols)
                    )
                );
            }
        }

        println!();
        if problems == 0 {
            println!("{}", m.dev_sound(lessons.len()));
            Ok(PASSED)
        } else {
            println!("{}", m.dev_problems(problems));
            Ok(FAILED)
        }
    }
}

/// Random values in a lesson above which `dev check` says what they cost (4 Mi values,
/// about 36 MiB as the harness reads them, at 9 bytes a value).
const LARGE_INPUTS: u64 = 1 << 22;

/// Whether a `lib.rs` declares `mod <module>;` (a textual look: `pub mod`, `pub(crate) mod`).
fn declares_module(lib: &str, module: &str) -> bool {
    lib.lines().any(|line| {
        let code = line.split("//").next().unwrap_or_default().trim();
        let Some(code) = code.strip_suffix(';') else {
            return false;
        };
        let words: Vec<&str> = code.split_whitespace().collect();
        matches!(words[..], [.., "mod", name] if name == module)
    })
}

/// The lesson file `dev new` writes: every field, explained, in both languages.
const LESSON_TEMPLATE: &str = r#"# A new lesson. Every field is explained in lessons/README.md.
# Check it with `cargo run -p checker -- dev check`.

format = 1            # the lesson format version
id = "{id}"         # what students type: `checker check {id}`
module = "{name}"     # exercises/src/{name}.rs (stub) and solutions/src/{name}.rs (reference)
uses = []             # earlier modules this one builds on, e.g. ["conv", "pool"]
points = 10           # points for passing
time_limit = 5.0      # seconds for running all hidden tests
memory_limit = 1024   # MiB for the process that runs student code
tolerance = 1e-4      # |got - expected| <= tolerance * max(1, |expected|)

# The functions the tests call, as Rust signatures.
functions = [
  "fn {name}(input: &Array1<f32>) -> Array1<f32>",
]

[title]
ja = "{id}（題名を書きます）"
en = "{id} (write the title)"

[text]
ja = """
# 何を学ぶか
（ここに本文を書きます。講義のどこに当たるか、何を作るか、小さな例を一つ。）

# 作るもの（exercises/src/{name}.rs）
`{name}(input)`：（何を返すか）
"""
en = """
# What this lesson teaches
(Write the text here: where it is in the lecture, what to build, one small example.)

# What to build (exercises/src/{name}.rs)
`{name}(input)`: (what it returns)
"""

# Hints come one at a time: from a gentle nudge to nearly the answer.
[[hints]]
ja = "（最初のヒント）"
en = "(The first hint.)"

# A fixed case: arguments and the expected result, written out.
[[fixed]]
name = { ja = "小さな例", en = "a small example" }
call = "{name}"
args = [[1, -2, 3]]
expected = [1, -2, 3]

# Random cases, compared with the reference solution on the same arguments.
[[random]]
name = { ja = "いろいろな長さ", en = "vectors of several lengths" }
call = "{name}"
seed = 1
cases = 20
dims = { n = [1, 9] }
args = [{ shape = ["n"], range = [-5.0, 5.0] }]

# A scenario: Rust code for what data cannot say (structs, methods).
# [[scenario]]
# name = { ja = "…", en = "…" }
# returns = "Array1<f32>"
# code = """
# {name}(&input)
# """
# seed = 2
# cases = 10
# dims = { n = [1, 9] }
# inputs = [{ name = "input", type = "Array1<f32>", shape = ["n"], range = [-5.0, 5.0] }]

# A known mistake: a module in solutions/mistakes/{name}/ with one typical mistake,
# and a sentence that teaches, shown when a student's outputs match it.
# [[mistakes]]
# file = "forgot_something.rs"
# message = { ja = "…", en = "…" }
"#;

const STUB_TEMPLATE: &str = r#"//! A new lesson: describe here what the student builds.

// Remove this line once the module is done: it only silences warnings about the unfinished stub.
#![allow(unused_variables)]

use ndarray::Array1;

/// Describe what this function must return, for the student.
pub fn {name}(input: &Array1<f32>) -> Array1<f32> {
    todo!()
}
"#;

const REFERENCE_TEMPLATE: &str = r#"//! A new lesson: the reference solution, read by students after they pass.

use ndarray::Array1;

/// Returns the input unchanged: replace this with the lesson's clearest answer.
pub fn {name}(input: &Array1<f32>) -> Array1<f32> {
    input.clone()
}
"#;

impl App {
    /// Scaffolds a lesson: its file, a stub (kept in `lessons/stubs/`, copied to the
    /// student's `exercises/src/`), a reference, and the `mod` lines.
    pub(crate) fn dev_new(&mut self, id: &str) -> Result<u8> {
        let layout = &self.course.layout;
        // The loader's own rules, so that what `dev new` makes always loads.
        let name = lesson::names::module_for(id);
        let problem = match lesson::names::check_id(id) {
            Err(_) => Some(lesson::names::NameProblem::Shape),
            Ok(()) => lesson::names::module_problem(&name),
        };
        if let Some(problem) = problem {
            eprintln!("{}", self.msg().dev_new_bad_name(id, &name, problem));
            return Ok(USAGE);
        }
        let name = name.as_str();
        let number = self.course.lessons.len() + 1;
        let lesson_file = layout.lessons_dir().join(format!("{number:02}-{id}.toml"));
        let stub = layout.stub(name);
        let exercise = layout.exercise(name);
        let reference = layout.solution(name);
        let taken = self.course.find(id).is_some()
            || self.course.lessons.iter().any(|l| l.module == name)
            || [&lesson_file, &stub, &exercise, &reference]
                .iter()
                .any(|f| f.exists());
        if taken {
            eprintln!("{}", self.msg().dev_new_taken(id));
            return Ok(USAGE);
        }
        let fill = |template: &str| template.replace("{id}", id).replace("{name}", name);
        std::fs::write(&lesson_file, fill(LESSON_TEMPLATE))
            .with_context(|| format!("cannot write {}", lesson_file.display()))?;
        // The pristine stub, and the student's copy of it.
        for file in [&stub, &exercise] {
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            std::fs::write(file, fill(STUB_TEMPLATE))
                .with_context(|| format!("cannot write {}", file.display()))?;
        }
        std::fs::write(&reference, fill(REFERENCE_TEMPLATE))
            .with_context(|| format!("cannot write {}", reference.display()))?;
        for lib in [
            layout.exercises.join("src").join("lib.rs"),
            layout.root.join("solutions").join("src").join("lib.rs"),
        ] {
            let text = std::fs::read_to_string(&lib)
                .with_context(|| format!("cannot read {}", lib.display()))?;
            let line = format!("// Lesson {number}: {name}.\npub mod {name};\n");
            let text = format!("{}\n{line}", text.trim_end());
            std::fs::write(&lib, text)
                .with_context(|| format!("cannot write {}", lib.display()))?;
        }
        let m = self.msg();
        for file in [&lesson_file, &stub, &exercise, &reference] {
            println!("{}", m.dev_new_created(&layout.show(file)));
        }
        println!("{}\n", m.dev_new_registered(name));
        println!(
            "{}",
            m.dev_new_next(
                &layout.show(&lesson_file),
                &layout.show(&reference),
                &layout.show(&stub),
                &layout.show(&exercise)
            )
        );
        Ok(PASSED)
    }
}

#[cfg(test)]
mod tests {
    use super::declares_module;

    #[test]
    fn finds_a_module_declaration() {
        assert!(declares_module("pub mod conv;\npub mod pool;\n", "pool"));
        assert!(declares_module("mod conv ;", "conv"));
        assert!(declares_module("pub(crate) mod conv;", "conv"));
        assert!(!declares_module("// pub mod conv;\n", "conv"));
        assert!(!declares_module("pub mod deconv;\n", "conv"));
        assert!(!declares_module("pub mod conv2;\n", "conv"));
    }
}
