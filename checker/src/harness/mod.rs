//! Turning lessons into outputs: generate harness crates, build them, run them.
//!
//! The checker never links student code. For each lesson it builds a student harness
//! (the student's module files) and a reference harness (the solutions), runs each in
//! a child process, and hands the outputs to the verdict.

pub mod build;
pub mod codegen;
pub mod direct;
pub mod mutant_crates;
pub mod run;
pub mod sandbox;

use crate::course::Course;
use crate::lesson::Lesson;
use anyhow::Result;
use build::Diagnostic;
use cnnlings_runtime::wire;
use codegen::{Harness, LessonHarnesses};
use run::{Limits, Outcome, RunResult};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::time::Duration;

/// What became of the student's side of a lesson.
#[derive(Debug)]
pub enum StudentRun {
    /// rustc rejected the code; the harness says which files are the student's.
    CompileError {
        diagnostics: Vec<Diagnostic>,
        harness: Harness,
    },
    /// A module file is missing or not text; nothing was built.
    Unreadable(FileProblem),
    /// cargo failed without a word from rustc (e.g. a dependency could not be fetched).
    CargoFailed(String),
    Ran(RunResult),
}

impl StudentRun {
    /// A student's harness that built no executable: rustc's errors about it, else
    /// cargo's own words (a failure before rustc, or after it said nothing).
    pub fn not_built(built: &build::BuildOutput, harness: &Harness) -> StudentRun {
        match built.errors.get(&harness.package) {
            Some(diagnostics) => StudentRun::CompileError {
                diagnostics: diagnostics.clone(),
                harness: harness.clone(),
            },
            None => StudentRun::CargoFailed(built.cargo_stderr.clone()),
        }
    }
}

/// Why a student's module file cannot be compiled at all.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    Missing(PathBuf),
    NotUtf8(PathBuf),
    /// The file refers to a module the harness cannot mount (a later lesson's, or none).
    Module(codegen::ModuleProblem),
}

/// The first of a harness's module files that is missing or not UTF-8 text, else the
/// first module they refer to that cannot be mounted.
fn unreadable(harness: &Harness) -> Option<FileProblem> {
    harness
        .module_files
        .iter()
        .find_map(|file| match std::fs::read(file) {
            Err(_) => Some(FileProblem::Missing(file.clone())),
            Ok(bytes) if std::str::from_utf8(&bytes).is_err() => {
                Some(FileProblem::NotUtf8(file.clone()))
            }
            Ok(_) => None,
        })
        .or_else(|| harness.problem.clone().map(FileProblem::Module))
}

/// The reference outputs of a lesson, or why there are none (a fault of the lesson).
pub type ReferenceOutputs = Result<HashMap<usize, Outcome>, ReferenceFault>;

/// Why trusted code (the reference, a known mistake) gave no outputs: the lesson's fault.
#[derive(Debug, Clone)]
pub enum ReferenceFault {
    /// rustc rejected the harness; the harness says which entry each error is in.
    DoesNotCompile {
        diagnostics: Vec<Diagnostic>,
        /// Boxed: a harness is large beside the other faults.
        harness: Box<Harness>,
    },
    /// cargo failed without a word from rustc.
    CargoFailed(String),
    /// The run ended before its last record.
    DidNotFinish {
        ending: run::Ending,
        /// The case that had started and not finished, if any.
        unfinished: Option<usize>,
        /// The start of what it wrote to stderr.
        stderr: String,
    },
}

/// Why a known mistake gave no outputs.
#[derive(Debug, Clone)]
pub enum MistakeFault {
    /// It is written as edits of the reference, and this one no longer applies to it.
    Unapplied(crate::lesson::edit::EditError),
    /// Its harness did not build or run.
    Trusted(ReferenceFault),
}

#[derive(Debug)]
pub struct LessonRun {
    pub student: StudentRun,
    pub reference: ReferenceOutputs,
}

/// Called once before a build that compiles the dependencies for the first time.
pub type OnFirstBuild<'a> = &'a dyn Fn();

/// The index of each of `lessons` in the course.
fn indices(course: &Course, lessons: &[&Lesson]) -> Result<Vec<usize>> {
    lessons
        .iter()
        .map(|lesson| {
            course
                .lessons
                .iter()
                .position(|l| l.id == lesson.id)
                .ok_or_else(|| anyhow::anyhow!("lesson `{}` is not in the course", lesson.id))
        })
        .collect()
}

/// Writes the harnesses of `lessons` (and makes sure the course's others exist), and
/// returns theirs, in the order of `lessons`.
fn write_harnesses(course: &Course, lessons: &[&Lesson]) -> Result<Vec<LessonHarnesses>> {
    let wanted = indices(course, lessons)?;
    let mut written: HashMap<usize, LessonHarnesses> =
        codegen::write(course, &wanted)?.into_iter().collect();
    wanted
        .iter()
        .map(|index| {
            written
                .remove(index)
                .ok_or_else(|| anyhow::anyhow!("no harness was written for lesson {index}"))
        })
        .collect()
}

/// Checks `lessons` (of `course`): one cargo call builds every harness needed.
pub fn run_lessons(
    course: &Course,
    lessons: &[&Lesson],
    color: bool,
    on_first_build: OnFirstBuild,
) -> Result<Vec<LessonRun>> {
    let layout = &course.layout;
    let all = write_harnesses(course, lessons)?;
    crate::timings::mark("harness crates written");
    let mut cached: Vec<Option<HashMap<usize, Outcome>>> = Vec::new();
    let mut packages = Vec::new();
    for (lesson, harnesses) in lessons.iter().zip(&all) {
        let profile = lesson.profile;
        if unreadable(&harnesses.student).is_none() {
            packages.push((harnesses.student.package.clone(), profile));
        }
        let cache = read_cache(course, lesson, &harnesses.reference);
        if cache.is_none() {
            packages.push((harnesses.reference.package.clone(), profile));
        }
        // Checking one lesson, build its known mistakes in the same cargo call the first
        // time, so that naming a mistake on a later failure costs no build of its own.
        // Not for an optimised lesson: each of its mistakes is a long build and a long
        // run (a training), paid only if the student fails and a diagnosis is wanted.
        // Nor while the student's file is still the lesson's stub, which needs no
        // diagnosis: a new student's first check builds two harnesses, not ten.
        let pristine = |module: &str| {
            let read = |path: std::path::PathBuf| std::fs::read(path).ok();
            read(layout.exercise(module))
                .is_some_and(|file| Some(file) == read(layout.stub(module)))
        };
        if lessons.len() == 1
            && lesson.profile == crate::lesson::Profile::Debug
            && !pristine(&lesson.module)
        {
            // Whether a cache exists is enough here; reading it waits for a failure.
            let missing = harnesses.mistakes.iter().filter(|h| {
                h.unapplied.is_none()
                    && !cache_path(course, lesson, h).is_some_and(|path| path.is_file())
            });
            packages.extend(missing.map(|h| (h.package.clone(), profile)));
        }
        cached.push(cache);
    }
    if build::is_first_build(layout, &packages) {
        on_first_build();
    }
    crate::timings::mark("caches read");
    let built = build::build(layout, &codegen::workspace_dir(layout), &packages, color)?;
    crate::timings::mark("cargo build");
    let scratch = layout.work_dir().join("runs");
    // Known mistakes built just now are run at once, so their outputs are cached and
    // later checks need neither build nor run them until a student fails.
    if let ([lesson], [harnesses]) = (lessons, all.as_slice()) {
        let inputs = run::inputs_text(lesson);
        for harness in &harnesses.mistakes {
            if built.executables.contains_key(&harness.package) {
                let _ = run_trusted(
                    course,
                    lesson,
                    harness,
                    &built,
                    &inputs,
                    &scratch,
                    Trusted::Mistake,
                )?;
            }
        }
    }
    crate::timings::mark("new known mistakes run");
    let mut results = Vec::new();
    for ((lesson, cache), harnesses) in lessons.iter().zip(cached).zip(all) {
        let LessonHarnesses {
            student, reference, ..
        } = harnesses;
        let inputs = run::inputs_text(lesson);
        crate::timings::mark("cases drawn");
        // The reference's run (the first check of a lesson) and the student's are
        // independent: on two cores a first `check train` waits for one training, not two.
        let run_student = || -> Result<StudentRun> {
            let built_student = built.executables.get(&student.package);
            let run = match (unreadable(&student), built_student) {
                (Some(problem), _) => StudentRun::Unreadable(problem),
                (None, Some(exe)) => {
                    let limits = Limits {
                        time: lesson.time_limit,
                        memory: lesson.memory_limit,
                    };
                    let ran = match read_cache(course, lesson, &student) {
                        Some(outcomes) => RunResult::quiet(outcomes),
                        None => {
                            // A verdict that does not depend on the machine's load, as
                            // grading's.
                            let ran = run::run_fairly(exe, &inputs, limits, &scratch)?;
                            if ran.is_quiet() {
                                write_cache(course, lesson, &student, &ran.outcomes);
                            }
                            ran
                        }
                    };
                    crate::timings::mark("student harness run");
                    StudentRun::Ran(ran)
                }
                (None, None) => StudentRun::not_built(&built, &student),
            };
            Ok(run)
        };
        let (reference, student) = match cache {
            Some(outputs) => (Ok(outputs), run_student()?),
            None => std::thread::scope(|scope| -> Result<_> {
                let reference = scope.spawn(|| {
                    run_trusted(
                        course,
                        lesson,
                        &reference,
                        &built,
                        &inputs,
                        &scratch,
                        Trusted::Reference,
                    )
                });
                let student = run_student();
                let reference = reference
                    .join()
                    .map_err(|_| anyhow::anyhow!("the reference's run stopped unexpectedly"))??;
                crate::timings::mark("reference outputs");
                Ok((reference, student?))
            })?,
        };
        results.push(LessonRun { student, reference });
    }
    Ok(results)
}

/// The outputs of each known mistake of a lesson (`None` where a mistake could not be
/// built or run), from the cache or from one cargo call for all that are missing.
pub fn mistake_outputs(
    course: &Course,
    lesson: &Lesson,
    color: bool,
) -> Result<Vec<Option<HashMap<usize, Outcome>>>> {
    Ok(mistake_runs(course, lesson, color)?
        .into_iter()
        .map(Result::ok)
        .collect())
}

/// As [`mistake_outputs`], with why a mistake has none (rustc's errors, or the edit that
/// no longer applies to the reference, for its author).
pub fn mistake_runs(
    course: &Course,
    lesson: &Lesson,
    color: bool,
) -> Result<Vec<Result<HashMap<usize, Outcome>, MistakeFault>>> {
    if lesson.mistakes.is_empty() {
        return Ok(Vec::new());
    }
    let layout = &course.layout;
    let harnesses = write_harnesses(course, &[lesson])?
        .pop()
        .map(|h| h.mistakes)
        .unwrap_or_default();
    // A mistake whose edits no longer apply is neither read from a cache nor built.
    let cached: Vec<_> = harnesses
        .iter()
        .map(|h| match h.unapplied {
            None => read_cache(course, lesson, h),
            Some(_) => None,
        })
        .collect();
    let missing: Vec<(String, crate::lesson::Profile)> = harnesses
        .iter()
        .zip(&cached)
        .filter(|(h, c)| c.is_none() && h.unapplied.is_none())
        .map(|(h, _)| (h.package.clone(), lesson.profile))
        .collect();
    // Built, and the cases drawn, only if a mistake has no outputs yet.
    let (built, inputs) = match missing.is_empty() {
        true => (build::BuildOutput::default(), String::new()),
        false => (
            build::build(layout, &codegen::workspace_dir(layout), &missing, color)?,
            run::inputs_text(lesson),
        ),
    };
    let scratch = layout.work_dir().join("runs");
    harnesses
        .iter()
        .zip(cached)
        .map(|(harness, cache)| match (cache, &harness.unapplied) {
            (Some(outputs), _) => Ok(Ok(outputs)),
            (None, Some(error)) => Ok(Err(MistakeFault::Unapplied(error.as_ref().clone()))),
            (None, None) => Ok(run_trusted(
                course,
                lesson,
                harness,
                &built,
                &inputs,
                &scratch,
                Trusted::Mistake,
            )?
            .map_err(MistakeFault::Trusted)),
        })
        .collect()
}

/// What `dev mutants` is doing, for its progress display.
#[derive(Debug, Clone, Copy)]
pub enum MutantProgress {
    /// Building this many mutants, in one cargo call.
    Building(usize),
    /// Running them: this many of so many have run.
    Running { done: usize, of: usize },
}

/// Whether a mutant's outputs so far, of the cases (ids) it has run, already fail.
pub type FailsSoFar<'a> = dyn Fn(&HashMap<usize, Outcome>, &[usize]) -> bool + 'a;

/// The outputs of each mutant of `lesson`'s module (`dev mutants`): `modules` are the
/// mutated texts of its module. Those not cached are built as one crate
/// ([`mutant_crates`]) and run on the lesson's tests one test at a time, in order, until
/// `fails` says the outputs so far (of the cases of the tests run) already fail: most
/// mutants fail an early test, and the costly ones (training, in `train`) come last.
/// Each runs under the lesson's own limits, as a student's code does. The error is why
/// one has no outputs (rustc's errors for a mutant that does not compile).
pub fn mutant_runs(
    course: &Course,
    lesson: &Lesson,
    modules: &[String],
    color: bool,
    progress: &dyn Fn(MutantProgress),
    fails: &FailsSoFar<'_>,
) -> Result<Vec<Result<HashMap<usize, Outcome>, ReferenceFault>>> {
    let [index] = indices(course, &[lesson])?[..] else {
        anyhow::bail!("lesson `{}` is not in the course", lesson.id);
    };
    let harnesses = mutant_crates::write_modules(course, index, modules)?;
    // A mark of an equivalent mutant changes no output: it keeps the outputs cached.
    let keyed = Lesson {
        fingerprint: mutant_fingerprint(lesson),
        ..lesson.clone()
    };
    let lesson = &keyed;
    let cached: Vec<_> = harnesses
        .iter()
        .map(|h| read_cache(course, lesson, h))
        .collect();
    let missing: Vec<usize> = (0..harnesses.len())
        .filter(|&i| cached[i].is_none())
        .collect();
    let of = missing.len();
    let built = match missing.is_empty() {
        true => build::BuildOutput::default(),
        false => {
            progress(MutantProgress::Building(of));
            mutant_crates::build(course, index, &harnesses, missing, color)?
        }
    };
    // The case ids of each test, in the lesson's order.
    let mut tests: Vec<Vec<usize>> = vec![Vec::new(); lesson.tests.len()];
    for (id, test, _) in lesson.cases() {
        if let Some(t) = lesson.tests.iter().position(|x| std::ptr::eq(x, test)) {
            tests[t].push(id);
        }
    }
    let scratch = course.layout.work_dir().join("runs");
    let mut done = 0;
    harnesses
        .iter()
        .zip(cached)
        .map(|(harness, cache)| match cache {
            Some(outputs) => Ok(Ok(outputs)),
            None => {
                progress(MutantProgress::Running { done, of });
                let ran = run_mutant(course, lesson, harness, &built, &tests, &scratch, fails);
                done += 1;
                ran
            }
        })
        .collect()
}

/// The fingerprint of `lesson` for its mutants' cached outputs: as its own, but without
/// its `[[equivalent]]` tables and its comment lines, which change no output.
fn mutant_fingerprint(lesson: &Lesson) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    crate::lesson::load::drawing_code().hash(&mut hasher);
    let mut in_mark = false;
    for line in lesson.source.lines() {
        let line = line.trim_start();
        if line.starts_with('[') && !line.starts_with("[[equivalent]]") {
            in_mark = false;
        }
        if line.starts_with("[[equivalent]]") {
            in_mark = true;
        }
        let comment = line.starts_with('#') && !line.starts_with("#[");
        if !in_mark && !comment {
            line.hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// Runs a mutant's tests, each test's cases in a run of their own, until its outputs
/// so far fail (`fails`) or a run does not finish (its missing outputs fail then), and
/// caches what it gave.
fn run_mutant(
    course: &Course,
    lesson: &Lesson,
    harness: &Harness,
    built: &build::BuildOutput,
    tests: &[Vec<usize>],
    scratch: &std::path::Path,
    fails: &FailsSoFar<'_>,
) -> Result<Result<HashMap<usize, Outcome>, ReferenceFault>> {
    let Some(exe) = built.executables.get(&harness.package) else {
        // Its errors, said as for a known mistake that does not compile.
        return run_trusted(
            course,
            lesson,
            harness,
            built,
            "",
            scratch,
            Trusted::Mistake,
        );
    };
    let limits = Limits {
        time: lesson.time_limit,
        memory: lesson.memory_limit,
    };
    let mut outcomes = HashMap::new();
    let mut ran = Vec::new();
    for ids in tests.iter().filter(|ids| !ids.is_empty()) {
        let inputs = run::inputs_text_where(lesson, |id| ids.contains(&id));
        let result = run::run_fairly(exe, &inputs, limits, scratch)?;
        outcomes.extend(result.outcomes);
        ran.extend(ids);
        if !result.done || fails(&outcomes, &ran) {
            break;
        }
    }
    write_cache(course, lesson, harness, &outcomes);
    Ok(Ok(outcomes))
}

/// Grading only: the reference outputs of `lessons`, built and run now and kept in
/// memory. The cache is neither read nor written, so no file holds them while student
/// code is built and run.
pub fn reference_outputs(
    course: &Course,
    lessons: &[&Lesson],
    on_first_build: OnFirstBuild,
) -> Result<Vec<ReferenceOutputs>> {
    let layout = &course.layout;
    let harnesses: Vec<Harness> = write_harnesses(course, lessons)?
        .into_iter()
        .map(|h| h.reference)
        .collect();
    let packages: Vec<(String, crate::lesson::Profile)> = harnesses
        .iter()
        .zip(lessons)
        .map(|(h, lesson)| (h.package.clone(), lesson.profile))
        .collect();
    if build::is_first_build(layout, &packages) {
        on_first_build();
    }
    let built = build::build(layout, &codegen::workspace_dir(layout), &packages, false)?;
    let scratch = layout.work_dir().join("runs");
    lessons
        .iter()
        .zip(&harnesses)
        .map(|(lesson, harness)| {
            let inputs = run::inputs_text(lesson);
            run_trusted(
                course,
                lesson,
                harness,
                &built,
                &inputs,
                &scratch,
                Trusted::Grading,
            )
        })
        .collect()
}

/// Whose trusted code runs, which decides what is kept of its outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trusted {
    /// The reference: cached, and a fault of the lesson if it does not finish.
    Reference,
    /// A known mistake: cached, even if it does not finish.
    Mistake,

    /// The reference while grading: kept in memory only, and run under the lesson's
    /// own limits, as a student's code is.
    Grading,
}

/// Runs a harness whose code is trusted (the reference or a known mistake) and caches
/// its outputs unless grading; the error says what went wrong, for a lesson author.
/// A known mistake that does not finish keeps the outputs it gave, cached
/// like any others: run again at every check, a slow mistake would cost its time limit
/// each time (nine mistakes of a lesson of 640×480 images took minutes).
fn run_trusted(
    course: &Course,
    lesson: &Lesson,
    harness: &Harness,
    built: &build::BuildOutput,
    inputs: &str,
    scratch: &std::path::Path,
    role: Trusted,
) -> Result<Result<HashMap<usize, Outcome>, ReferenceFault>> {
    let Some(exe) = built.executables.get(&harness.package) else {
        return Ok(Err(match built.errors.get(&harness.package) {
            Some(diagnostics) => ReferenceFault::DoesNotCompile {
                diagnostics: diagnostics.clone(),
                harness: Box::new(harness.clone()),
            },
            None => ReferenceFault::CargoFailed(built.cargo_stderr.clone()),
        }));
    };
    let result = match role {
        // Grading holds the reference to the limits a student has: a reference that
        // needs more would cost every correct submission its points (see
        // `grade::proof`). A time-out on a busy machine says nothing of the code: it is
        // run again, waited for as long as it wants a processor.
        Trusted::Grading => {
            let limits = Limits {
                time: lesson.time_limit,
                memory: lesson.memory_limit,
            };
            run::run_fairly(exe, inputs, limits, scratch)?
        }
        // Trusted code should still end, even in a lesson with a slow reference; on a
        // busy machine, a time-out while crowded out is run again as grading does, so
        // that `dev check` does not blame a lesson for the machine's load.
        Trusted::Reference | Trusted::Mistake => {
            let limits = Limits {
                time: (lesson.time_limit * 4).max(Duration::from_secs(10)),
                memory: lesson.memory_limit.max(4 << 30),
            };
            run::run_fairly(exe, inputs, limits, scratch)?
        }
    };
    if !result.done && role != Trusted::Mistake {
        return Ok(Err(ReferenceFault::DidNotFinish {
            ending: result.ending,
            unfinished: result.unfinished,
            stderr: String::from_utf8_lossy(&result.stderr.head).into_owned(),
        }));
    }
    if role != Trusted::Grading {
        write_cache(course, lesson, harness, &result.outcomes);
    }
    Ok(Ok(result.outcomes))
}

/// The outputs of trusted code depend only on the lesson, its module files and the
/// harness runtime (the workbook's copy, which the harness builds): a key over all of
/// them names the cache file. So do the student's, when their run ended normally and
/// printed nothing (see [`RunResult::is_quiet`]): a re-check of unchanged files (in
/// `verify`, or `r` in watch mode) reads them instead of running the code again. The key holds no path
/// of the workbook, so workbooks that share a harness target folder (the checker's own
/// tests) share the outputs too.
fn cache_path(course: &Course, lesson: &Lesson, harness: &Harness) -> Option<PathBuf> {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    // The cache's own format: panic locations relative to the workbook.
    2u8.hash(&mut hasher);
    codegen::runtime_fingerprint(&course.layout)?.hash(&mut hasher);
    lesson.fingerprint.hash(&mut hasher);
    // How it was built: the optimised lessons' dependencies panic with other messages
    // (ndarray's out-of-bounds message without the index and shape).
    if lesson.profile == crate::lesson::Profile::Release {
        codegen::OPTIMISED_PROFILE.hash(&mut hasher);
    }
    // Code that the sandbox stops runs through without it: outputs of one are not the other's.
    sandbox::protection().hash(&mut hasher);
    let main = std::fs::read_to_string(&harness.main_rs).ok()?;
    let root = course.layout.root.display().to_string();
    main.replace(&root, WORKBOOK).hash(&mut hasher);
    for file in &harness.module_files {
        std::fs::read(file).ok()?.hash(&mut hasher);
    }
    let name = format!("{}-{:016x}", harness.package, hasher.finish());
    Some(outputs_dir(&course.layout).join(name))
}

/// Where the outputs of trusted code are kept: beside the harness builds, and gone with
/// them.
fn outputs_dir(layout: &crate::course::Layout) -> PathBuf {
    build::target_dir(layout).join("cnnlings-outputs")
}

fn read_cache(
    course: &Course,
    lesson: &Lesson,
    harness: &Harness,
) -> Option<HashMap<usize, Outcome>> {
    let text = std::fs::read_to_string(cache_path(course, lesson, harness)?).ok()?;
    let (token, records) = text.split_once('\n')?;
    let (mut outcomes, _, done) = run::parse_records(records, token);
    // A panic's location was kept relative to the workbook that ran it (see `write_cache`).
    let root = course.layout.root.display().to_string();
    for outcome in outcomes.values_mut() {
        if let Outcome::Panic { location, .. } = outcome
            && let Some(rest) = location.strip_prefix(WORKBOOK)
        {
            *location = format!("{root}{rest}");
        }
    }
    done.then_some(outcomes)
}

/// What stands for the workbook's root in a cached panic location.
const WORKBOOK: &str = "<workbook>";

fn write_cache(
    course: &Course,
    lesson: &Lesson,
    harness: &Harness,
    outcomes: &HashMap<usize, Outcome>,
) {
    let Some(path) = cache_path(course, lesson, harness) else {
        return;
    };
    let mut text = String::from("cache\n");
    let mut ids: Vec<_> = outcomes.keys().copied().collect();
    ids.sort_unstable();
    for id in ids {
        match &outcomes[&id] {
            Outcome::Value(v) => {
                text.push_str(&format!("cache ok {id} "));
                wire::encode_value(v, &mut text);
            }
            Outcome::Panic { location, message } => {
                // Workbooks that share the cache differ in where they are.
                let root = course.layout.root.display().to_string();
                let location = match location.strip_prefix(&root) {
                    Some(rest) => format!("{WORKBOOK}{rest}"),
                    None => location.clone(),
                };
                text.push_str(&format!(
                    "cache panic {id} {} {}",
                    wire::escape(&location),
                    wire::escape(message)
                ));
            }
            // An output the harness could not even produce is not worth keeping.
            Outcome::Error(_) => return,
        }
        text.push('\n');
    }
    text.push_str("cache done\n");
    // A cache that cannot be written only costs a run next time.
    let _ = crate::files::write_if_changed(&path, &text);
}

#[cfg(test)]
mod tests {
    use super::mutant_fingerprint;
    use crate::lesson::load::parse;

    const RELU: &str = include_str!("../../tests/fixtures/mutants/lessons/03-relu.toml");

    #[test]
    fn a_mark_or_a_comment_keeps_the_mutants_outputs_and_a_case_does_not() {
        let key = |text: &str| mutant_fingerprint(&parse(text).unwrap());
        let marked = format!(
            "{RELU}\n# Another.\n[[equivalent]]\nline = 9\nfind = \"0.0\"\nwith = \"1.0\"\n\
             reason = {{ ja = \"例\", en = \"an example\" }}\n"
        );
        assert_eq!(key(RELU), key(&marked));
        let case = RELU.replace(
            "args = [0.5]\nexpected = 0.5",
            "args = [0.25]\nexpected = 0.25",
        );
        assert_ne!(case, RELU);
        assert_ne!(key(RELU), key(&case));
    }
}
