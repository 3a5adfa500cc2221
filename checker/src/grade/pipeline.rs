//! Grading submissions with the answers out of reach: the reference outputs are
//! computed first and kept in memory (never cached in a file); each student's module
//! files are scanned ([`guard`]) and copied to a private folder, and their harnesses are
//! built from those copies in a workspace of grade's own; then every harness runs under
//! the lesson's limits, as many at once as the machine has cores.
//!
//! A submission that is missing, refused, does not compile or loops only costs its own
//! lessons: the batch goes on.

use super::guard::{self, Scan};
use super::proof::{self, Broken};
use super::{Grades, Judged};
use crate::harness::codegen::{self, GradeCrate};
use crate::harness::run::{self, Limits, RunResult};
use crate::harness::{self, FileProblem, LessonRun, ReferenceOutputs, StudentRun, build};
use crate::lesson::Lesson;
use crate::pipeline::{Assessment, Checker};
use crate::verdict;
use anyhow::Result;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, mpsc};

/// One student's work to grade.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The student's id (the folder's name in a class; empty for one workbook).
    pub id: String,
    /// The folder the grader chose; nothing between it and a module file may be a link.
    pub root: PathBuf,
    /// The folder of the student's module files (`src/`, `exercises/src/`, or a folder of
    /// loose module files), or why there is none.
    pub modules: Result<PathBuf, Absent>,
    /// How reports name that folder (or, when there is none, the folder given).
    pub shown: String,
}

pub use crate::messages::Absent;

impl Submission {
    /// Where a submission's module files are in `folder`: `exercises/src/` (a whole
    /// workbook), `src/` (an `exercises/` folder), or `folder` itself when it holds a
    /// lesson's module file (`conv.rs`: loose files, as students often upload them).
    /// `shown` names `folder` in reports; `root` is where links are refused from.
    pub fn find(
        id: String,
        root: PathBuf,
        folder: &Path,
        shown: &str,
        module_files: &[String],
    ) -> Submission {
        let (modules, shown) = if folder.join("exercises").join("src").is_dir() {
            (
                Ok(folder.join("exercises").join("src")),
                format!("{shown}/exercises/src"),
            )
        } else if folder.join("src").is_dir() {
            (Ok(folder.join("src")), format!("{shown}/src"))
        } else if module_files.iter().any(|f| folder.join(f).is_file()) {
            (Ok(folder.to_path_buf()), shown.to_string())
        } else {
            let absent = match std::fs::read_dir(folder) {
                Err(_) => Absent::NoFolder,
                Ok(mut entries) => match entries.next() {
                    None => Absent::Empty,
                    Some(_) => Absent::NoModuleFile,
                },
            };
            (Err(absent), shown.to_string())
        };
        Submission {
            id,
            root,
            modules,
            shown,
        }
    }
}

/// The file names of the course's modules, in course order: what a submission holds.
pub fn module_files(lessons: &[Lesson]) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for lesson in lessons {
        let file = format!("{}.rs", lesson.module);
        if !files.contains(&file) {
            files.push(file);
        }
    }
    files
}

/// How many submissions are built by one cargo call.
pub const CHUNK: usize = 8;

/// What became of one lesson of one submission before anything ran.
enum Prepared {
    /// Built from these private copies; `unscanned` if the scan could not read a file.
    Ready {
        files: Vec<PathBuf>,
        unscanned: Option<String>,
    },
    Unreadable(FileProblem),
    Refused(String),
}

/// The machine's cores: how many harnesses run at once, so that a loop in one
/// submission never slows an honest one into its time limit.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// The reference outputs of every lesson, in memory, each lesson proven by them
/// ([`proof`]); the lessons whose reference fails its own tests, if any.
pub fn proven_references(checker: &Checker) -> Result<Result<Vec<ReferenceOutputs>, Broken>> {
    let course = &checker.course;
    let lessons: Vec<&Lesson> = course.lessons.iter().collect();
    let msg = checker.ui.msg();
    let references =
        harness::reference_outputs(course, &lessons, &|| eprintln!("{}", msg.preparing()))?;
    Ok(match proof::prove(checker, &lessons, &references) {
        Some(broken) => Err(broken),
        None => Ok(references),
    })
}

/// How many chunks' slots there are: a chunk is built into the slots of the chunk
/// [`SLOT_SETS`] before it, once that one has run and been judged, so that up to two
/// chunks run while the next is built.
const SLOT_SETS: usize = 3;

/// Grades `submissions` in chunks of [`CHUNK`] against `references` (from
/// [`proven_references`]); `done` hears of each as it is graded, in order.
///
/// Building and running overlap: each chunk is copied and built (one cargo call) while
/// the harnesses of the chunks before it run, and the harnesses of every built chunk
/// run from one queue, as many at once as there are cores, the longest time limits of
/// a chunk first. No chunk waits for the last run of the one before it: a loop waiting
/// out a long limit (train's 120 s) holds one core, and the other goes on with the next
/// chunk's runs. A chunk is judged once its runs are back.
pub fn grade_submissions(
    checker: &Checker,
    references: &[ReferenceOutputs],
    submissions: &[Submission],
    done: &mut dyn FnMut(&Submission, &Grades) -> Result<()>,
) -> Result<()> {
    let lessons: Vec<&Lesson> = checker.course.lessons.iter().collect();
    let lessons = &lessons[..];
    let scratch = grade_dir(checker).join("runs");
    let scratch = &scratch;
    let queue = RunQueue::default();
    let queue = &queue;
    let (sender, results) = mpsc::channel::<RunDone>();
    std::thread::scope(|scope| {
        for _ in 0..cores() {
            let sender = sender.clone();
            scope.spawn(move || run_from(queue, lessons, scratch, &sender));
        }
        drop(sender);
        let graded = (|| {
            let mut running: VecDeque<Running<'_>> = VecDeque::new();
            for (k, chunk) in submissions.chunks(CHUNK).enumerate() {
                // The slots of chunk k - SLOT_SETS are this chunk's: it is judged first.
                while running.front().is_some_and(|r| r.k + SLOT_SETS <= k) {
                    judge_next(checker, lessons, references, &mut running, &results, done)?;
                }
                let built = build_chunk(checker, lessons, chunk, k % SLOT_SETS * CHUNK)?;
                queue.push(k, lessons, &built.jobs);
                running.push_back(Running {
                    k,
                    chunk,
                    results: (0..built.jobs.len()).map(|_| None).collect(),
                    left: built.jobs.len(),
                    built,
                });
                // Chunks whose runs are all back are judged now, not after the last build.
                while let Ok(run) = results.try_recv() {
                    keep(&mut running, run);
                }
                while running.front().is_some_and(|r| r.left == 0) {
                    judge_next(checker, lessons, references, &mut running, &results, done)?;
                }
            }
            while !running.is_empty() {
                judge_next(checker, lessons, references, &mut running, &results, done)?;
            }
            Ok(())
        })();
        queue.close();
        graded
    })
}

/// A chunk built and queued, with the results of its runs as they come back.
struct Running<'s> {
    k: usize,
    chunk: &'s [Submission],
    built: BuiltChunk,
    /// The results, in the order of `built.jobs`.
    results: Vec<Option<Result<RunResult>>>,
    /// How many of its runs are not back yet.
    left: usize,
}

/// One run done: its chunk, its place among the chunk's jobs, and its result.
type RunDone = (usize, usize, Result<RunResult>);

/// Waits for the runs of the first chunk of `running` to be back, and judges it.
fn judge_next(
    checker: &Checker,
    lessons: &[&Lesson],
    references: &[ReferenceOutputs],
    running: &mut VecDeque<Running<'_>>,
    results: &mpsc::Receiver<RunDone>,
    done: &mut dyn FnMut(&Submission, &Grades) -> Result<()>,
) -> Result<()> {
    while running.front().is_some_and(|r| r.left > 0) {
        // Every run sends its result; none comes only if every runner is gone.
        let Ok(run) = results.recv() else {
            break;
        };
        keep(running, run);
    }
    match running.pop_front() {
        Some(r) => judge_chunk(
            checker, lessons, references, r.chunk, r.built, r.results, done,
        ),
        None => Ok(()),
    }
}

/// Puts a run's result in its chunk's place.
fn keep(running: &mut VecDeque<Running<'_>>, (k, i, result): RunDone) {
    if let Some(r) = running.iter_mut().find(|r| r.k == k)
        && let Some(place) = r.results.get_mut(i)
    {
        *place = Some(result);
        r.left -= 1;
    }
}

/// A run to make: its chunk, its place among the chunk's jobs, its lesson, the executable.
type Job = (usize, usize, usize, PathBuf);

/// The runs waiting for a core, in the order they are taken, until it is closed.
#[derive(Default)]
struct RunQueue {
    state: Mutex<(VecDeque<Job>, bool)>,
    ready: Condvar,
}

impl RunQueue {
    /// Queues a built chunk's runs after those queued before, the longest time limits
    /// first: a long run started last would keep its chunk waiting alone at the end.
    fn push(&self, k: usize, lessons: &[&Lesson], jobs: &[(usize, usize, PathBuf)]) {
        let mut order: Vec<usize> = (0..jobs.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(lessons[jobs[i].1].time_limit));
        if let Ok(mut state) = self.state.lock() {
            for i in order {
                let (_, l, exe) = &jobs[i];
                state.0.push_back((k, i, *l, exe.clone()));
            }
        }
        self.ready.notify_all();
    }

    /// The next run, waiting for one; `None` once the queue is closed.
    fn pop(&self) -> Option<Job> {
        let mut state = self.state.lock().ok()?;
        loop {
            if state.1 {
                return None;
            }
            if let Some(job) = state.0.pop_front() {
                return Some(job);
            }
            state = self.ready.wait(state).ok()?;
        }
    }

    /// No more runs: the runners stop (runs still queued are dropped; by then every
    /// chunk was judged, or grading failed).
    fn close(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.1 = true;
        }
        self.ready.notify_all();
    }
}

/// A runner: takes runs from `queue` until it closes, and sends each result back. A
/// time-out on a busy machine says nothing of the code: a loop and honest code starved
/// of a processor look alike. Each is run again at once ([`run::run_fairly`]) and waited
/// for as long as it wants a processor, however little of one the machine gives it (the
/// CPU limit still holds): honest code then finishes, and a loop is stopped by that
/// limit and named as a loop, whatever the load, and whatever else runs meanwhile.
fn run_from(
    queue: &RunQueue,
    lessons: &[&Lesson],
    scratch: &Path,
    results: &mpsc::Sender<RunDone>,
) {
    while let Some((k, i, l, exe)) = queue.pop() {
        let lesson = lessons[l];
        let limits = Limits {
            time: lesson.time_limit,
            memory: lesson.memory_limit,
        };
        // A run that panicked still sends a result, or its chunk would wait for ever.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run::run_fairly(&exe, &run::inputs_text(lesson), limits, scratch)
        }))
        .unwrap_or_else(|_| Err(anyhow::anyhow!("the run of {} panicked", exe.display())));
        if results.send((k, i, result)).is_err() {
            break;
        }
    }
}

fn grade_dir(checker: &Checker) -> PathBuf {
    checker.course.layout.work_dir().join("grade")
}

/// Checks, scans and copies one lesson's module files of one submission into `private`;
/// an error is the grader's (a copy that cannot be written), never the student's.
fn prepare(
    checker: &Checker,
    lesson: &Lesson,
    submission: &Submission,
    private: &Path,
) -> Result<Prepared> {
    let lang = checker.ui.lang;
    let modules = match &submission.modules {
        Ok(modules) => modules,
        Err(absent) => {
            return Ok(Prepared::Refused(nothing_to_grade(
                checker, submission, *absent,
            )));
        }
    };
    let mut files = Vec::new();
    let mut unscanned = None;
    // The modules a check would mount: the lesson's, its uses, and the earlier lessons'
    // modules the student's files refer to.
    let lessons = &checker.course.lessons;
    let index = lessons.iter().position(|l| l.id == lesson.id).unwrap_or(0);
    let layout = checker.course.layout.with_modules(modules.clone());
    let (mounted, problem) = codegen::mount_in(&layout, lessons, index, codegen::Side::Student);
    if let Some(problem) = problem {
        return Ok(Prepared::Unreadable(FileProblem::Module(problem)));
    }
    for module in mounted.iter().map(|m| &m.module) {
        let original = modules.join(format!("{module}.rs"));
        let shown = format!("{}/{module}.rs", submission.shown);
        if guard::behind_a_link(&submission.root, &original) {
            return Ok(Prepared::Refused(guard::linked(lang, &shown)));
        }
        let source = match std::fs::read(&original) {
            Err(_) => return Ok(Prepared::Unreadable(FileProblem::Missing(original))),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => return Ok(Prepared::Unreadable(FileProblem::NotUtf8(original))),
            },
        };
        match guard::scan(&source) {
            Scan::Clean => {}
            Scan::Refused(found) => {
                return Ok(Prepared::Refused(guard::refusal(lang, &shown, &found)));
            }
            Scan::Unreadable => unscanned = Some(guard::unreadable(lang, &shown)),
        }
        let copy = private.join(format!("{module}.rs"));
        crate::files::write_if_changed(&copy, &source)?;
        files.push(copy);
    }
    Ok(Prepared::Ready { files, unscanned })
}

/// Why a submission with no module files scores 0, and what to hand in instead.
pub fn nothing_to_grade(checker: &Checker, submission: &Submission, absent: Absent) -> String {
    let files = module_files(&checker.course.lessons);
    checker
        .ui
        .msg()
        .nothing_to_grade(absent, &submission.shown, &files)
}

/// A chunk copied and built: what became of each lesson of each submission, the
/// harnesses, and the runs to make (slot, lesson, executable).
struct BuiltChunk {
    /// The first of the chunk's slots.
    base: usize,
    prepared: Vec<Vec<Prepared>>,
    harnesses: Vec<codegen::Harness>,
    built: build::BuildOutput,
    jobs: Vec<(usize, usize, PathBuf)>,
}

/// The private copies of the submission in `slot`.
fn private_dir(checker: &Checker, slot: usize) -> PathBuf {
    grade_dir(checker)
        .join("files")
        .join(slot.to_string())
        .join("src")
}

/// Scans and copies `chunk`'s files into the slots from `base` on, and builds their
/// harnesses in one cargo call.
fn build_chunk(
    checker: &Checker,
    lessons: &[&Lesson],
    chunk: &[Submission],
    base: usize,
) -> Result<BuiltChunk> {
    let layout = &checker.course.layout;
    // Slots are reused every SLOT_SETS chunks, so the target folder keeps that many
    // chunks' builds.
    let mut prepared = Vec::new();
    let mut crates = Vec::new();
    for (slot, submission) in (base..).zip(chunk) {
        // Copies are rewritten only when they differ, so an unchanged file is not rebuilt.
        let private = private_dir(checker, slot);
        let mut row = Vec::new();
        for lesson in lessons {
            let p = prepare(checker, lesson, submission, &private)?;
            if let Prepared::Ready { files, .. } = &p {
                crates.push(GradeCrate {
                    package: package(slot, lesson),
                    lesson,
                    module_files: files.clone(),
                });
            }
            row.push(p);
        }
        prepared.push(row);
    }
    let packages: Vec<_> = crates
        .iter()
        .map(|c| (c.package.clone(), c.lesson.profile))
        .collect();
    let workspace = grade_dir(checker).join("harness");
    let harnesses = codegen::write_grade_workspace(layout, &workspace, crates)?;
    let built = if packages.is_empty() {
        build::BuildOutput::default()
    } else {
        build::build(layout, &workspace, &packages, false)?
    };
    let mut jobs = Vec::new();
    for (slot, row) in (base..).zip(&prepared) {
        for (l, lesson) in lessons.iter().enumerate() {
            if let (Prepared::Ready { .. }, Some(exe)) =
                (&row[l], built.executables.get(&package(slot, lesson)))
            {
                jobs.push((slot, l, exe.clone()));
            }
        }
    }
    Ok(BuiltChunk {
        base,
        prepared,
        harnesses,
        built,
        jobs,
    })
}

/// Judges a chunk that ran, and tells `done` of each submission in it.
fn judge_chunk(
    checker: &Checker,
    lessons: &[&Lesson],
    references: &[ReferenceOutputs],
    chunk: &[Submission],
    chunk_built: BuiltChunk,
    mut results: Vec<Option<Result<RunResult>>>,
    done: &mut dyn FnMut(&Submission, &Grades) -> Result<()>,
) -> Result<()> {
    let BuiltChunk {
        base,
        prepared,
        harnesses,
        built,
        jobs,
    } = chunk_built;
    for (slot, (submission, row)) in (base..).zip(chunk.iter().zip(prepared)) {
        // Reports name the student's files as the private copies, which are then named
        // as the student's own (`name_the_students_files`), never the workbook's.
        let private = private_dir(checker, slot);
        let copies = checker.course.layout.with_modules(private.clone());
        let cx = crate::report::Context::new(checker.ui, &copies);
        let mut judged: Vec<Judged> = Vec::new();
        for (l, (lesson, p)) in lessons.iter().zip(row).enumerate() {
            let name = package(slot, lesson);
            let reference = references[l].clone();
            let student = match p {
                Prepared::Refused(reason) => {
                    judged.push(Err(reason));
                    continue;
                }
                Prepared::Unreadable(problem) => StudentRun::Unreadable(problem),
                Prepared::Ready { unscanned, .. } => {
                    let job = jobs.iter().position(|(s, j, _)| *s == slot && *j == l);
                    match (job, unscanned) {
                        (Some(_), Some(reason)) => {
                            judged.push(Err(reason));
                            continue;
                        }
                        (Some(i), None) => match results.get_mut(i).and_then(Option::take) {
                            Some(Ok(run)) => StudentRun::Ran(run),
                            Some(Err(e)) => StudentRun::CargoFailed(format!("{e:#}")),
                            None => StudentRun::CargoFailed(String::new()),
                        },
                        (None, _) => match harnesses.iter().find(|h| h.package == name) {
                            Some(harness) => StudentRun::not_built(&built, harness),
                            None => StudentRun::CargoFailed(built.cargo_stderr.clone()),
                        },
                    }
                }
            };
            let outputs = reference.as_ref().ok().cloned();
            let verdict = verdict::judge(lesson, LessonRun { student, reference });
            let diagnosis = checker.diagnose(lesson, &verdict, outputs.as_ref());
            judged.push(Ok(Assessment {
                verdict,
                blame: None,
                diagnosis,
            }));
        }
        let mut grades = super::grade(&cx, lessons, &judged);
        if let Err(absent) = submission.modules {
            grades.output = nothing_to_grade(checker, submission, absent);
        }
        let original = submission.modules.as_ref().ok().cloned();
        name_the_students_files(
            &mut grades,
            checker,
            &private,
            original.as_deref(),
            &submission.shown,
        );
        done(submission, &grades)?;
    }
    Ok(())
}

/// The package of a submission's slot and a lesson.
fn package(slot: usize, lesson: &Lesson) -> String {
    format!("grade-{slot}-{}", lesson.id)
}

/// Reports name the private copies; the student should read their own file's name.
fn name_the_students_files(
    grades: &mut Grades,
    checker: &Checker,
    private: &Path,
    original: Option<&Path>,
    shown: &str,
) {
    let layout = &checker.course.layout;
    let mut from = vec![private.display().to_string(), layout.show(private)];
    if let Some(original) = original {
        from.push(original.display().to_string());
        from.push(layout.show(original));
    }
    let fix = |text: &mut String| {
        for from in &from {
            if text.contains(from.as_str()) {
                *text = text.replace(from.as_str(), shown);
            }
        }
    };
    for lesson in &mut grades.lessons {
        fix(&mut lesson.output);
        for test in &mut lesson.tests {
            fix(&mut test.output);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Absent, Submission};
    use std::path::Path;

    fn find(folder: &Path) -> (Result<std::path::PathBuf, Absent>, String) {
        let files = ["scale.rs".to_string(), "grid.rs".to_string()];
        let found = Submission::find(String::new(), folder.into(), folder, "up", &files);
        (found.modules, found.shown)
    }

    #[test]
    fn finds_the_module_files_in_every_shape_of_upload() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        for (folder, file) in [
            ("workbook", "exercises/src/scale.rs"),
            ("crate", "src/lib.rs"),
            ("loose", "grid.rs"),
            ("other", "main.rs"),
        ] {
            let path = at(folder).join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        std::fs::create_dir_all(at("empty")).unwrap();
        assert_eq!(
            find(&at("workbook")),
            (Ok(at("workbook/exercises/src")), "up/exercises/src".into())
        );
        assert_eq!(find(&at("crate")), (Ok(at("crate/src")), "up/src".into()));
        assert_eq!(find(&at("loose")), (Ok(at("loose")), "up".into()));
        assert_eq!(find(&at("other")).0, Err(Absent::NoModuleFile));
        assert_eq!(find(&at("empty")).0, Err(Absent::Empty));
        assert_eq!(find(&at("missing")).0, Err(Absent::NoFolder));
    }
}
