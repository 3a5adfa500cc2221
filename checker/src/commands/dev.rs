//! `dev check`: proof that every lesson is sound, for instructors.
//!
//! Loading already rejects malformed lessons (unknown fields, a text missing in one
//! language, a function the reference lacks). This adds what only running can show:
//! every reference passes every hidden test (so every fixed expected value agrees with
//! it), every pristine stub (`lessons/stubs/`) fails, and every known mistake fails and is
//! recognised as itself.

use crate::app::App;
use crate::course::{self, Course};
use crate::diagnosis;
use crate::exit::Exit;
use crate::harness::run::{Outcome, RunResult};
use crate::harness::{self, LessonRun, MistakeFault, StudentRun};
use crate::lesson::{self, Lesson};
use crate::messages::DevFault;
use crate::pipeline::{Assessment, Checker};
use crate::progress::Store;
use crate::report;
use crate::report::reference::{TrustedLimits, reference_problem};
use crate::verdict::{self, Verdict};
use anyhow::{Context as _, Result};
use std::collections::HashMap;

/// `only`: the ids of the lessons to check (all of them when empty); the others are
/// still loaded, and built on, but not proved.
pub(crate) fn dev_check<'c>(app: &mut App<'c>, only: &[String]) -> Result<Exit> {
    let m = app.ui.msg();
    let lessons: &'c [Lesson] = &app.course.lessons;
    let mut refs: Vec<&'c Lesson> = Vec::new();
    for id in only {
        match app.lesson(id) {
            Ok(lesson) if !refs.iter().any(|l| l.id == lesson.id) => refs.push(lesson),
            Ok(_) => {}
            Err(exit) => return Ok(exit),
        }
    }
    // In the course's order, whatever the order on the command line.
    refs.sort_by_key(|l| app.number_of(l));
    if only.is_empty() {
        refs = lessons.iter().collect();
        // `--lessons DIR`: the private lessons, those whose file is in DIR.
        if let Some(dir) = &app.course.layout.overlay {
            refs.retain(|l| app.course.is_private(l));
            if refs.is_empty() {
                let dir = app.course.layout.show(dir);
                eprintln!("{}", app.ui.fit(&m.dev_overlay_empty(&dir)));
                return Ok(Exit::Usage);
            }
        }
    }
    let mut problems = 0;
    let ui = app.ui;
    let say = |line: String| ui.fit(&line);

    // The course as loaded, with the student's modules read from another folder.
    let workbook = &app.course.layout;
    let with_layout = |layout| Course::of(layout, lessons.to_vec());
    // The references, checked as if a student had written them.
    let solutions = with_layout(workbook.with_exercises(workbook.root.join("solutions")));
    let runs = harness::run_lessons(&solutions, &refs, app.ui.color, &|| {});
    let mut references = Vec::new();
    // Lessons whose reference does not work: their stubs and mistakes cannot be judged.
    let mut broken = Vec::new();
    for (&lesson, run) in refs.iter().zip(runs?) {
        references.push(run.reference.clone());
        let assessment = Assessment::from(verdict::judge(lesson, run));
        let (cx, limits) = (app.context(), TrustedLimits::Generous);
        match reference_problem(&cx, app.course, lesson, &assessment, limits) {
            None => println!(
                "{}",
                say(m.dev_reference_passes(&lesson.id, lesson.tests.len(), lesson.case_count()))
            ),
            Some(found) => {
                if found.broken {
                    broken.push(lesson.id.clone());
                }
                print!("{}", found.text);
                problems += 1;
            }
        }
    }

    // What `show` draws, with the references: a stage's code that does not compile is
    // found here, at its line, not first by a student's `show`.
    let pictured: Vec<&Lesson> = (refs.iter().copied())
        .filter(|l| !broken.contains(&l.id))
        .collect();
    let (lines, found) = super::dev_show::prove_all(app, &solutions, &pictured);
    for line in lines {
        print!("{line}{}", if line.ends_with('\n') { "" } else { "\n" });
    }
    problems += found;

    let mut problem = |line: String| {
        println!("{}", say(line));
        problems += 1;
    };

    // The pristine stubs (`lessons/stubs/`), as a student first sees them, whatever
    // the workbook's own exercises hold now, and with no progress (the references' run
    // above built what they need: there is no first build to announce).
    let stubs = Checker {
        course: &with_layout(workbook.with_modules(workbook.stubs_dir())),
        ui: app.ui,
        store: &mut Store::empty(&workbook.state_dir()),
    }
    .assess(&refs, &|| {});
    for (&lesson, assessment) in refs.iter().zip(stubs?) {
        let file = workbook.show(&workbook.stub(&lesson.module));
        if broken.contains(&lesson.id) {
            continue;
        }
        match &assessment.verdict {
            Verdict::CompileError { .. } | Verdict::CargoFailed(_) | Verdict::Unreadable(_) => {
                problem(m.dev_stub_unbuildable(&lesson.id, &file));
                print!(
                    "{}",
                    report::failure_report(&app.context(), lesson, &assessment)
                );
            }
            v if v.passed() => problem(m.dev_stub_passes(&lesson.id, &file)),
            v => {
                let passing: Vec<&str> = v
                    .tests()
                    .iter()
                    .filter(|t| t.passed())
                    .map(|t| app.ui.lang.pick(&lesson.tests[t.test].name))
                    .collect();
                println!("{}", say(m.dev_stub_fails(&lesson.id, &passing)));
            }
        }
    }

    // The known mistakes: each must fail, and be named as itself.
    for (&lesson, reference) in refs.iter().zip(references) {
        if lesson.mistakes.is_empty() || broken.contains(&lesson.id) {
            continue;
        }
        let runs = harness::mistake_runs(app.course, lesson, app.ui.color)?;
        let outputs: Vec<_> = runs.iter().map(|r| r.as_ref().ok().cloned()).collect();
        let mut recognised = 0;
        for (i, mistake) in lesson.mistakes.iter().enumerate() {
            let file = mistake_label(&app.course.layout, lesson, mistake);
            let Some(mistake_outputs) = &outputs[i] else {
                match runs.get(i) {
                    // The reference changed under an edit: at the edit, in the lesson file.
                    Some(Err(MistakeFault::Unapplied(error))) => {
                        problem(m.dev_mistake_unapplied(&lesson.id, &file));
                        print!("{}", unapplied_diagnostic(app, lesson, mistake, error));
                    }
                    // rustc's words, as for a reference or a stub that does not compile.
                    // An error in a line an edit wrote is shown at that edit.
                    Some(Err(MistakeFault::Trusted(harness::ReferenceFault::DoesNotCompile {
                        diagnostics,
                        harness,
                    }))) => {
                        problem(m.dev_mistake_does_not_compile(&lesson.id, &file));
                        let (at_edits, elsewhere): (Vec<_>, Vec<_>) = diagnostics
                            .iter()
                            .map(|d| (d, edit_diagnostic(app, lesson, mistake, harness, d)))
                            .partition(|(_, at_edit)| at_edit.is_some());
                        for (_, at_edit) in at_edits {
                            print!("{}", at_edit.unwrap_or_default());
                        }
                        if !elsewhere.is_empty() {
                            println!("\n{}\n", m.rustc_messages());
                        }
                        for (d, _) in elsewhere {
                            println!("{}", app.context().relative(d.rendered.trim_end()));
                        }
                    }
                    _ => problem(m.dev_mistake_does_not_run(&lesson.id, &file)),
                }
                continue;
            };
            let run = LessonRun {
                student: StudentRun::Ran(RunResult::quiet(mistake_outputs.clone())),
                reference: reference.clone(),
            };
            let verdict = verdict::judge(lesson, run);
            // A mistake is recognised when it explains all its failures, not some.
            let named = Some(diagnosis::diagnose(
                lesson,
                &verdict,
                &outputs,
                reference.as_ref().ok(),
            ))
            .filter(|d| !d.partial)
            .map(|d| d.mistakes)
            .unwrap_or_default();
            if verdict.passed() {
                problem(m.dev_mistake_passes(&lesson.id, &file));
            } else if let [j] = named[..]
                && j != i
                && outputs[j]
                    .as_ref()
                    .is_some_and(|o| same_outputs(o, mistake_outputs))
            {
                let other = lesson.mistakes[j].name.as_str();
                problem(m.dev_mistakes_identical(&lesson.id, &file, other));
            } else if named != [i] {
                let names: Vec<&str> = named
                    .iter()
                    .map(|&j| lesson.mistakes[j].name.as_str())
                    .collect();
                let other = (!names.is_empty()).then(|| names.join(", "));
                problem(m.dev_mistake_misnamed(&lesson.id, &file, other.as_deref()));
            } else {
                recognised += 1;
            }
        }
        // ✓ only when every mistake fails and is named as itself; each one that does
        // not is a ✗ line above.
        if recognised == lesson.mistakes.len() {
            println!("{}", say(m.dev_mistakes_recognised(&lesson.id, recognised)));
        }
    }
    // A mistake file that no lesson lists is never used: say so.
    for &lesson in &refs {
        let dir = app.course.layout.mistake(&lesson.module, "");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let listed = lesson
                .mistakes
                .iter()
                .any(|m| m.code == lesson::MistakeCode::File(name.clone()));
            if name.ends_with(".rs") && !listed {
                problem(m.dev_mistake_unlisted(&lesson.id, &app.course.layout.show(&entry.path())));
            }
        }
    }

    // Every lesson's module is declared in both crates, or `cargo build` of the
    // workbook never compiles it (the harness mounts files by path and would not notice).
    for &lesson in &refs {
        for lib in app.course.layout.lib_files() {
            let declared = std::fs::read_to_string(&lib)
                .is_ok_and(|text| declares_module(&text, &lesson.module));
            if !declared {
                let lib = app.course.layout.show(&lib);
                problem(m.dev_module_undeclared(&lesson.id, &lesson.module, &lib));
            }
        }
    }
    // What `dev new` wrote for the author to rewrite, each at its line.
    for &lesson in &refs {
        let found = super::dev_placeholders::find(&app.course.layout, lesson);
        if !found.is_empty() {
            problem(m.dev_placeholders(&lesson.id, found.len()));
            for placeholder in &found {
                println!("{}", placeholder.render());
            }
        }
    }
    // Large inputs are allowed, but the author should know what they cost.
    for &lesson in &refs {
        if lesson.drawn.values > LARGE_INPUTS {
            let (rows, cols) = lesson.drawn.largest.unwrap_or_default();
            println!(
                "{}",
                say(m.dev_large_inputs(
                    &lesson.id,
                    lesson.drawn.values,
                    (lesson.drawn.values * 9) >> 20,
                    (rows, cols)
                ))
            );
        }
    }

    println!();
    if problems == 0 {
        println!("{}", m.dev_sound(refs.len()));
        let ids: Vec<&str> = refs.iter().map(|l| l.id.as_str()).collect();
        let options = match &app.course.layout.overlay {
            Some(dir) => format!(" --lessons {}", app.course.layout.show(dir)),
            None => String::new(),
        };
        println!("{}", say(m.dev_try_mutants(&ids, &options)));
        Ok(Exit::Passed)
    } else {
        println!("{}", say(m.dev_problems(problems)));
        Ok(Exit::Failed)
    }
}

/// A known mistake as `dev check` names it: its file (`solutions/mistakes/conv/x.rs`), or,
/// written as edits, its name and where it is written (`x (lessons/04-conv.toml:88)`).
fn mistake_label(layout: &course::Layout, lesson: &Lesson, mistake: &lesson::Mistake) -> String {
    match &mistake.code {
        lesson::MistakeCode::File(file) => layout.show(&layout.mistake(&lesson.module, file)),
        lesson::MistakeCode::Edits(_) => format!(
            "{} ({}:{})",
            mistake.name,
            lesson.file,
            lesson.line_of(mistake.span.start)
        ),
    }
}

/// An edit of a known mistake that no longer applies to the reference, at its `find` in
/// the lesson file.
fn unapplied_diagnostic(
    app: &App,
    lesson: &Lesson,
    mistake: &lesson::Mistake,
    error: &lesson::edit::EditError,
) -> String {
    let lesson::MistakeCode::Edits(edits) = &mistake.code else {
        return String::new();
    };
    let layout = &app.course.layout;
    let reference = layout.show(&layout.solution(&lesson.module));
    let message = error.message(&reference);
    let lang = app.ui.lang;
    let message = lang.pick(&message);
    course::render_error_in(
        lang,
        &lesson.file,
        &lesson.source,
        edits.get(error.edit).map(|e| e.span.clone()),
        message,
        &[],
    )
}

/// rustc's error in a known mistake's edited copy of the reference, at the edit in the
/// lesson file that wrote the line (`replace = [{ find = …, with = … }]`), with rustc's
/// words and the line as edited; `None` for an error elsewhere.
fn edit_diagnostic(
    app: &App,
    lesson: &Lesson,
    mistake: &lesson::Mistake,
    harness: &harness::codegen::Harness,
    d: &harness::build::Diagnostic,
) -> Option<String> {
    let lesson::MistakeCode::Edits(edits) = &mistake.code else {
        return None;
    };
    let (file, line, _) = d.primary.as_ref()?;
    if harness.module_files.first() != Some(file) {
        return None;
    }
    let layout = &app.course.layout;
    let reference = std::fs::read_to_string(layout.solution(&lesson.module)).ok()?;
    let edit = edits.get(lesson::edit::edit_at_line(&reference, edits, *line)?)?;
    let m = app.ui.msg();
    let mut notes = vec![m.dev_rustc_said(&verdict::rustc_words(d))];
    if let Some((before, marked, after)) = &d.source {
        notes.push(m.dev_edited_line(format!("{before}{marked}{after}").trim()));
    }
    Some(course::render_error_in(
        app.ui.lang,
        &lesson.file,
        &lesson.source,
        Some(edit.span.clone()),
        &m.dev_fault(DevFault::EditDoesNotCompile(&mistake.name)),
        &notes,
    ))
}

/// Whether two known mistakes give the same outputs in every case (a panic counts as the
/// same wherever it is), so that no test can tell them apart.
fn same_outputs(a: &HashMap<usize, Outcome>, b: &HashMap<usize, Outcome>) -> bool {
    a.len() == b.len()
        && a.iter().all(|(case, x)| match (x, b.get(case)) {
            (Outcome::Panic { .. }, Some(Outcome::Panic { .. })) => true,
            (x, Some(y)) => x == y,
            (_, None) => false,
        })
}

/// Random values in a lesson above which `dev check` says what they cost (1 Mi values,
/// about 9 MiB as the harness reads them, at 9 bytes a value).
const LARGE_INPUTS: u64 = 1 << 20;

/// Whether a `lib.rs` declares `mod <module>;` (a textual look: `pub mod`, `pub(crate) mod`).
pub(super) fn declares_module(lib: &str, module: &str) -> bool {
    lib.lines()
        .any(|line| declared_module(line) == Some(module))
}

/// The module a line declares: `pub mod padding;` → `padding`.
pub(super) fn declared_module(line: &str) -> Option<&str> {
    let code = line.split("//").next()?.trim().strip_suffix(';')?;
    match code.split_whitespace().collect::<Vec<_>>()[..] {
        [.., "mod", name] => Some(name),
        _ => None,
    }
}

/// The number of a new lesson's file: after the last lesson's (`13` after `12-train.toml`),
/// so that it comes last in file-name order even after a lesson was removed.
fn next_number(lessons: &[Lesson]) -> usize {
    let numbered = lessons.iter().filter_map(|l| {
        let name = std::path::Path::new(&l.file).file_name()?.to_str()?;
        let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<usize>().ok()
    });
    numbered.max().unwrap_or(0).max(lessons.len()) + 1
}

/// The lesson file `dev new` writes: every field, explained, in both languages.
const LESSON_TEMPLATE: &str = r#"# A new lesson. Every field is explained in lessons/README.md.
# Check it with `cargo run -p checker -- dev check {id}`: it fails while a text below
# (or a comment of the stub or the reference) still says TODO, the placeholders to rewrite.

format = 1            # the lesson format version
id = "{id}"         # what students type: `checker check {id}`
module = "{name}"     # exercises/src/{name}.rs (stub) and solutions/src/{name}.rs (reference)
uses = []             # earlier modules this one builds on, e.g. ["a_module", "another"]
helpers = []          # scenario helpers shared by lessons: lessons/helpers/<name>.rs, e.g. ["a_helper"]
points = 10           # points for passing
time_limit = 5.0      # seconds for running all hidden tests
memory_limit = 1024   # MiB for the process that runs student code
tolerance = 1e-4      # |got - expected| <= tolerance * max(1, |expected|)
profile = "debug"     # "release" builds optimised: for a lesson whose tests train a network

# The functions the tests call, as Rust signatures.
functions = [
  "fn {name}(input: &Array1<f32>) -> Array1<f32>",
]

[title]
ja = "TODO: {id} の題名"
en = "TODO: the title of {id}"

[text]
ja = """
# 何を学ぶか
TODO: ここに本文を書きます。講義のどこに当たるか、何を作るか、小さな例を一つ。

# 作るもの（exercises/src/{name}.rs）
`{name}(input)`：TODO: 何を返すか
"""
en = """
# What this lesson teaches
TODO: write the text here: where it is in the lecture, what to build, one small example.

# What to build (exercises/src/{name}.rs)
`{name}(input)`: TODO: what it returns
"""

# Hints come one at a time: from a gentle nudge to nearly the answer.
[[hints]]
ja = "TODO: 最初のヒント"
en = "TODO: the first hint"

# A fixed case: arguments and the expected result, written out.
[[fixed]]
name = { ja = "TODO: 小さな例", en = "TODO: a small example" }
call = "{name}"
args = [[1, -2, 3]]
expected = [1, -2, 3]

# Random cases, compared with the reference solution on the same arguments.
[[random]]
name = { ja = "TODO: いろいろな長さ", en = "TODO: vectors of several lengths" }
call = "{name}"
seed = 1
cases = 20
dims = { n = [1, 9] }
args = [{ shape = ["n"], range = [-5.0, 5.0] }]

# Data files the tests read, with their sha256 (see "Data sets" in lessons/README.md);
# a generator then takes rows of one, e.g. { dataset = "data/images.csv.gz",
# split = "test", rows = "all", columns = "0..64", row_shape = [8, 8] }.
# [[datasets]]
# file = "data/images.csv.gz"
# sha256 = "…"          # 64 hexadecimal digits, as `sha256sum data/images.csv.gz` prints them

# A scenario: Rust code for what data cannot say (structs, methods). One that returns
# one number may be judged by bounds instead: at_least = 0.97 (an accuracy), at_most.
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

# A known mistake: the reference with one typical mistake in it, as edits of
# solutions/src/{name}.rs (each `find` there exactly once, replaced by `with`, in
# order), and a sentence that teaches, shown when a student's outputs match it.
# [[mistakes]]
# name = "negated"
# message = { ja = "…", en = "…" }
# replace = [{ find = "input.clone()", with = "-input" }]
"#;

/// The stub and the reference `dev new` writes. Each comment says it in Japanese, then in
/// English, as every stub and reference of the course does (`solution` shows the reference
/// to Japanese students too, and the solutions crate's test holds every reference to it).
const STUB_TEMPLATE: &str = r#"//! TODO: 新しいレッスンです。学生が作るものをここに書いてください。
//!
//! TODO: a new lesson: describe here what the student builds.

// 完成したらこの行は消してください。作りかけの関数についての警告を出さないためだけの行です。
// Remove this line once the module is done: it only silences warnings about the unfinished stub.
#![allow(unused_variables)]

use ndarray::Array1;

/// TODO: この関数が何を返すのかを、学生に向けて書いてください。
///
/// TODO: describe what this function must return, for the student.
pub fn {name}(input: &Array1<f32>) -> Array1<f32> {
    todo!()
}
"#;

const REFERENCE_TEMPLATE: &str = r#"//! 新しいレッスンの模範解答です。学生は合格したあとで読みます。
//!
//! A new lesson: the reference solution, read by students after they pass.

use ndarray::Array1;

/// TODO: 入力をそのまま返します。レッスンのいちばんわかりやすい答えに書き換えてください。
///
/// TODO: returns the input unchanged: replace this with the lesson's clearest answer.
pub fn {name}(input: &Array1<f32>) -> Array1<f32> {
    input.clone()
}
"#;

/// Scaffolds a lesson: its file, a stub (kept in `lessons/stubs/`, copied to the
/// student's `exercises/src/`), a reference, and the `mod` lines.
pub(crate) fn dev_new(app: &mut App, id: &str) -> Result<Exit> {
    let layout = &app.course.layout;
    // The loader's own rules, so that what `dev new` makes always loads.
    let name = lesson::names::module_for(id);
    let problem = match lesson::names::check_id(id) {
        Err(_) => Some(lesson::names::NameProblem::Shape),
        Ok(()) => lesson::names::module_problem(&name),
    };
    if let Some(problem) = problem {
        eprintln!(
            "{}",
            app.ui
                .fit(&app.ui.msg().dev_new_bad_name(id, &name, problem))
        );
        return Ok(Exit::Usage);
    }
    let name = name.as_str();
    let number = next_number(&app.course.lessons);
    let lesson_file = layout.lessons_dir().join(format!("{number:02}-{id}.toml"));
    let stub = layout.stub(name);
    let exercise = layout.exercise(name);
    let reference = layout.solution(name);
    let taken = app.course.find(id).is_some()
        || app.course.lessons.iter().any(|l| l.module == name)
        || [&lesson_file, &stub, &exercise, &reference]
            .iter()
            .any(|f| f.exists());
    if taken {
        eprintln!("{}", app.ui.fit(&app.ui.msg().dev_new_taken(id)));
        return Ok(Exit::Usage);
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
    for lib in layout.lib_files() {
        let text = std::fs::read_to_string(&lib)
            .with_context(|| format!("cannot read {}", lib.display()))?;
        // Its place in the course, as `list` numbers it (the file's number may be
        // higher, after a lesson was removed).
        let place = app.course.lessons.len() + app.course.broken.len() + 1;
        let line =
            format!("// レッスン {place}：{name}\n// Lesson {place}: {name}.\npub mod {name};\n");
        let text = format!("{}\n{line}", text.trim_end());
        std::fs::write(&lib, text).with_context(|| format!("cannot write {}", lib.display()))?;
    }
    let m = app.ui.msg();
    for file in [&lesson_file, &stub, &exercise, &reference] {
        println!("{}", m.dev_new_created(&layout.show(file)));
    }
    println!("{}\n", m.dev_new_registered(name));
    let next = m.dev_new_next(
        id,
        &layout.show(&lesson_file),
        &layout.show(&reference),
        &layout.show(&stub),
        &layout.show(&exercise),
    );
    println!("{}", app.ui.fit(&next));
    println!("{}", app.ui.fit(&m.dev_new_placeholders(id)));
    Ok(Exit::Passed)
}

#[cfg(test)]
mod tests {
    use super::{declares_module, same_outputs};
    use crate::harness::run::Outcome;
    use std::collections::HashMap;

    #[test]
    fn two_mistakes_are_the_same_when_every_case_gives_the_same_output() {
        let panic = |location: &str| Outcome::Panic {
            location: location.to_string(),
            message: "boom".to_string(),
        };
        let a = HashMap::from([(0, panic("a.rs:1:1")), (1, Outcome::Error("x".into()))]);
        let b = HashMap::from([(0, panic("b.rs:9:9")), (1, Outcome::Error("x".into()))]);
        assert!(same_outputs(&a, &b));
        let c = HashMap::from([(0, panic("b.rs:9:9")), (1, Outcome::Error("y".into()))]);
        assert!(!same_outputs(&a, &c));
        let d = HashMap::from([(0, panic("b.rs:9:9"))]);
        assert!(!same_outputs(&a, &d));
    }

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
