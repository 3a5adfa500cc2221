//! The course: the workbook's folders and every lesson in order, validated together.

use crate::lang::Lang;
use crate::lang::say;
use crate::lesson::{self, Bilingual, Lesson, LessonError};
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Where the workbook lives.
#[derive(Debug, Clone)]
pub struct Layout {
    pub root: PathBuf,
    /// The crate whose modules are checked as the student's: `exercises/` normally.
    pub exercises: PathBuf,
    /// The folder of the modules checked as the student's: `exercises/src/` normally,
    /// the pristine stubs when `dev check` proves that every stub fails.
    pub modules: PathBuf,
    /// The folder of lesson files: `lessons/` normally.
    pub lessons: PathBuf,
    /// Grading's private lessons (`grade --lessons DIR`): each file here replaces the
    /// lesson file of the same name in `lessons`, and files of new names are added.
    pub overlay: Option<PathBuf>,
}

impl Layout {
    /// The nearest folder, from `start` upwards, that holds `lessons/` and `exercises/`.
    pub fn discover(start: &Path) -> Option<Layout> {
        start
            .ancestors()
            .find(|dir| dir.join("lessons").is_dir() && dir.join("exercises").is_dir())
            .map(|dir| Layout {
                root: dir.to_path_buf(),
                exercises: dir.join("exercises"),
                modules: dir.join("exercises").join("src"),
                lessons: dir.join("lessons"),
                overlay: None,
            })
    }

    /// The same workbook, checking another crate's modules as the student's.
    pub fn with_exercises(&self, exercises: PathBuf) -> Layout {
        Layout {
            modules: exercises.join("src"),
            exercises,
            ..self.clone()
        }
    }

    /// The same workbook, checking the modules of another folder as the student's.
    pub fn with_modules(&self, modules: PathBuf) -> Layout {
        Layout {
            modules,
            ..self.clone()
        }
    }

    /// What the student's harness packages are called after, when the modules checked as
    /// the student's are not the student's own: `dev check` runs the references and the
    /// stubs as a student's, and under packages of their own it leaves the student's
    /// builds as they were (the next check needs no full rebuild).
    pub fn student_package_suffix(&self) -> &'static str {
        if self.modules == self.root.join("solutions").join("src") {
            "-as-reference"
        } else if self.modules == self.stubs_dir() {
            "-as-stub"
        } else {
            ""
        }
    }

    pub fn lessons_dir(&self) -> PathBuf {
        self.lessons.clone()
    }

    /// The student's file of a module.
    pub fn exercise(&self, module: &str) -> PathBuf {
        self.modules.join(format!("{module}.rs"))
    }

    /// The pristine stub of a module, which the student never edits: `reset` copies it
    /// back, and `dev check` proves that it fails.
    pub fn stub(&self, module: &str) -> PathBuf {
        self.stubs_dir().join(format!("{module}.rs"))
    }

    /// The folder of the pristine stubs: `lessons/stubs/`.
    pub fn stubs_dir(&self) -> PathBuf {
        self.lessons.join("stubs")
    }

    /// The file of a scenario helper: `lessons/helpers/<name>.rs`, or when grading with
    /// private lessons, the overlay's `helpers/<name>.rs` if there is one.
    pub fn helper(&self, name: &str) -> PathBuf {
        let file = format!("{name}.rs");
        self.overlay
            .iter()
            .map(|dir| dir.join("helpers").join(&file))
            .find(|path| path.is_file())
            .unwrap_or_else(|| self.lessons.join("helpers").join(file))
    }

    /// The reference of a module.
    pub fn solution(&self, module: &str) -> PathBuf {
        self.root
            .join("solutions")
            .join("src")
            .join(format!("{module}.rs"))
    }

    /// The `lib.rs` of the student's crate and of the references' crate, which declare
    /// every lesson's module.
    pub fn lib_files(&self) -> [PathBuf; 2] {
        let solutions = self.root.join("solutions");
        [&self.exercises, &solutions].map(|krate| krate.join("src").join("lib.rs"))
    }

    /// A known mistake of a lesson's module: a whole module file, beside the reference.
    pub fn mistake(&self, module: &str, file: &str) -> PathBuf {
        self.root
            .join("solutions")
            .join("mistakes")
            .join(module)
            .join(file)
    }

    /// A path as the student should read it: relative to the workbook.
    pub fn show(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// Where the checker keeps what it generates and builds.
    pub fn work_dir(&self) -> PathBuf {
        self.root.join("target").join("cnnlings")
    }

    /// Where the student's progress is kept.
    pub fn state_dir(&self) -> PathBuf {
        self.root.join(".cnnlings")
    }
}

#[derive(Debug)]
pub struct Course {
    pub layout: Layout,
    /// The lessons that load, in course order.
    pub lessons: Vec<Lesson>,
    /// The lesson files that do not, in course order: each costs its own lesson only.
    /// Students are told such a lesson is broken and to tell their instructor; every other
    /// lesson works as before.
    pub broken: Vec<BrokenLesson>,
    /// Every problem of the lesson files, rendered for the instructor, when there is one:
    /// `dev` and `grade` refuse to work on a course with a broken lesson.
    pub errors: Option<CourseErrors>,
}

/// A lesson file that does not load: it does not parse, a field is wrong, or it clashes
/// with another lesson file (an id or a module taken by an earlier lesson, a `uses` of a
/// later lesson's module, a reference or a data file that is not there).
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenLesson {
    /// Its id as the file gives it; when the file gives none that can be used (it does
    /// not parse, or the id is another lesson's), its file name's: `04-conv.toml` → `conv`.
    pub id: String,
    /// The module it teaches, when the file says (or, when it does not, its id when the
    /// student has a file of that name): a later lesson's check still reads the student's
    /// file of it, as when the lesson loads, so that passes stay passes.
    pub module: Option<String>,
    pub title: Option<Bilingual>,
    pub points: Option<u32>,
    /// The file as the course shows it: `lessons/04-conv.toml`.
    pub file: String,
    /// Its place among all the course's lesson files, from 0.
    pub position: usize,
    /// What is wrong, each with its line when it has one.
    pub problems: Vec<Problem>,
}

/// One problem of a broken lesson file, as a student passes it on to the instructor.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The line of the lesson file (from 1), when the problem is at one.
    pub line: Option<usize>,
    pub message: Bilingual,
}

impl BrokenLesson {
    /// Where a problem is: `lessons/04-conv.toml:12`, or the file alone.
    pub fn place(&self, problem: &Problem) -> String {
        match problem.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        }
    }
}

/// Every problem found in the lesson files, rendered for a person.
#[derive(Debug)]
pub struct CourseErrors {
    pub rendered: String,
    /// The same in Japanese.
    pub rendered_ja: String,
    pub count: usize,
}

impl CourseErrors {
    pub fn rendered_in(&self, lang: crate::lang::Lang) -> &str {
        say!(lang, ja: &self.rendered_ja, en: &self.rendered)
    }
}

impl Course {
    /// Whether a lesson's file is one of the private lessons (`--lessons DIR`), not the
    /// course's own.
    pub fn is_private(&self, lesson: &Lesson) -> bool {
        self.layout
            .overlay
            .as_ref()
            .is_some_and(|dir| Path::new(&lesson.file).starts_with(self.layout.show(dir)))
    }

    /// Reads and validates every lesson; all problems are reported at once. A problem of
    /// one lesson file breaks that lesson only (see [`Course::broken`] and
    /// [`Course::errors`]); only a course without lessons to read is an error.
    pub fn load(layout: Layout) -> Result<Course, CourseErrors> {
        let mut report = Reporter::default();
        let mut files = Vec::new();
        for dir in std::iter::once(layout.lessons_dir()).chain(layout.overlay.clone()) {
            match fs::read_dir(&dir) {
                Ok(entries) => {
                    let found = entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|x| x == "toml"));
                    for path in found {
                        // An overlay's file takes the place of the course's of the same name.
                        files.retain(|f: &PathBuf| f.file_name() != path.file_name());
                        files.push(path);
                    }
                }
                Err(e) => {
                    report.plain(cannot_read(&layout.show(&dir), &e));
                    return Err(report.finish());
                }
            }
        }
        let dir = layout
            .overlay
            .clone()
            .unwrap_or_else(|| layout.lessons_dir());
        files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        if files.is_empty() {
            let dir = layout.show(&dir);
            report.plain(
                say!(ja: format!("{dir} にレッスン（*.toml ファイル）がありません。"),
                    en: format!("there are no lessons (*.toml files) in {dir}")),
            );
        }
        if report.count > 0 {
            return Err(report.finish());
        }
        let mut sources: Vec<(PathBuf, String)> = Vec::new();
        // The place of each of `sources` among the files.
        let mut positions = Vec::new();
        for (position, path) in files.iter().enumerate() {
            let name = layout.show(path);
            match fs::read(path).map(String::from_utf8) {
                Ok(Ok(source)) => {
                    // Lines as an editor on Windows ends them (`\r\n`) are read as `\n`, as
                    // TOML allows: a text or a `find` of several lines is then the same
                    // text whatever the editor, and lines and columns do not change.
                    sources.push((path.clone(), source.replace("\r\n", "\n")));
                    positions.push(position);
                }
                Ok(Err(bad)) => {
                    // At the first byte that is not UTF-8, shown with the lines before it.
                    let at = bad.utf8_error().valid_up_to();
                    let shown = String::from_utf8_lossy(bad.as_bytes()).into_owned();
                    let message = say!(ja: "ここに UTF-8 ではないバイトがあります。レッスンファイルは UTF-8 のテキストです。エディタで UTF-8 として保存し直してください。".to_string(),
                        en: "this byte is not UTF-8: a lesson file is UTF-8 text. Save it again as UTF-8 in your editor".to_string());
                    let width = shown[at..].chars().next().map_or(0, char::len_utf8);
                    let error = LessonError::new(Some(at..at + width), message);
                    report.lesson(position, &name, &shown, &error);
                }
                Err(_) if path.is_dir() => {
                    let message = say!(ja: format!("{name} はフォルダで、レッスンファイルではありません。レッスンは 1 つの `.toml` ファイルです。フォルダの名前を変えるか、外へ移してください。"),
                        en: format!("{name} is a folder, not a lesson file: a lesson is one `.toml` file. Rename the folder or move it out"));
                    report.plain_in(position, message);
                }
                Err(e) => report.plain_in(position, cannot_read(&name, &e)),
            }
        }
        let mut lessons: Vec<Loaded> = Vec::new();
        let parsed = parse_all(&sources);
        for (((path, source), parsed), &position) in sources.iter().zip(parsed).zip(&positions) {
            let name = layout.show(path);
            match parsed {
                Ok(mut lesson) => {
                    lesson.file = name;
                    lessons.push((position, path.clone(), source.clone(), lesson));
                }
                Err(errors) => {
                    // `functions` against the reference even when tests have errors: an
                    // `args` that no longer fits a signature is as often the signature
                    // changed by mistake, which only the reference can tell.
                    // So is a data file that does not exist: its generators' errors (a
                    // name not in `[[datasets]]`) follow from a typo at its `file` line.
                    let spans: Vec<_> = errors.iter().filter_map(|e| e.span.clone()).collect();
                    dataset_errors(&layout, source)
                        .into_iter()
                        .chain(signature_errors(&layout, source))
                        .filter(|e| e.span.as_ref().is_none_or(|s| !spans.contains(s)))
                        .chain(errors)
                        .for_each(|e| report.lesson(position, &name, source, &e));
                }
            }
        }
        // Each helper's file, read into its lesson and folded into its fingerprint.
        let modules: Vec<(String, String)> = lessons
            .iter()
            .map(|(_, _, _, l)| (l.module.clone(), l.id.clone()))
            .collect();
        for (position, path, source, lesson) in &mut lessons {
            let name = layout.show(path);
            for helper in &mut lesson.helpers {
                if let Some((module, id)) = modules.iter().find(|(m, _)| *m == helper.name) {
                    let message = say!(ja: format!("`{module}` はレッスン `{id}` のモジュールです。ヘルパーは同じ名前のモジュールとして組み込まれるので、別の名前にしてください。"),
                        en: format!("`{module}` is the module of lesson `{id}`: a helper is mounted as a module of its name, so name it differently"));
                    let error = LessonError::new(Some(helper.span.clone()), message);
                    report.lesson(*position, &name, source, &error);
                    continue;
                }
                let file = layout.helper(&helper.name);
                let shown = layout.show(&file);
                if let Err(message) = lesson::helpers::read(helper, file, shown) {
                    let error = LessonError::new(Some(helper.span.clone()), message);
                    report.lesson(*position, &name, source, &error);
                }
            }
            lesson.fingerprint = lesson::helpers::fingerprint(lesson.fingerprint, &lesson.helpers);
        }
        for (i, (position, path, source, lesson)) in lessons.iter().enumerate() {
            let name = layout.show(path);
            let mut error = |span: Option<&std::ops::Range<usize>>, message: Bilingual| {
                let error = LessonError::new(span.cloned(), message);
                report.lesson(*position, &name, source, &error)
            };
            if let Some((_, earlier, _, _)) =
                lessons[..i].iter().find(|(_, _, _, l)| l.id == lesson.id)
            {
                let (id, earlier) = (&lesson.id, layout.show(earlier));
                let message = say!(ja: format!("id `{id}` は {earlier} ですでに使われています。"),
                    en: format!("the id `{id}` is already used by {earlier}"));
                error(Some(&lesson.spans.id), message);
            }
            let same_module = lessons[..i]
                .iter()
                .find(|(_, _, _, l)| l.module == lesson.module);
            if let Some((_, earlier, _, other)) = same_module {
                let (module, id, earlier) = (&lesson.module, &other.id, layout.show(earlier));
                let message = say!(ja: format!("`{module}` モジュールは、すでにレッスン `{id}`（{earlier}）のものです。レッスンごとに別のモジュールにします。"),
                    en: format!("the module `{module}` is already lesson `{id}`'s ({earlier}): each lesson teaches a module of its own"));
                error(lesson.spans.modules.first(), message);
            }
            check_uses(&lessons, i, &mut error);
            check_helpers(&lessons, i, &mut error);
            check_shows(&lessons, i, &mut error);
            // Only the reference must exist now: a student's missing file is reported
            // when that lesson is checked, and `dev check` looks for every stub.
            let modules = std::iter::once(&lesson.module).chain(&lesson.uses);
            for (module, span) in modules.zip(&lesson.spans.modules) {
                let file = layout.solution(module);
                if !file.is_file() {
                    let file = layout.show(&file);
                    let message = say!(ja: format!("モジュール `{module}` のファイル {file} がありません。"),
                        en: format!("the module `{module}` has no file {file}"));
                    error(Some(span), message);
                }
            }
            for mistake in &lesson.mistakes {
                let lesson::MistakeCode::File(file) = &mistake.code else {
                    continue;
                };
                let (span, file) = (&mistake.span, layout.mistake(&lesson.module, file));
                if !file.is_file() {
                    let file = layout.show(&file);
                    let message = say!(ja: format!("よくある間違いのファイル {file} がありません。"),
                        en: format!("the known mistake has no file {file}"));
                    error(Some(span), message);
                }
            }
            // The student's file may be half-written; a function missing there is reported
            // when it is checked. The reference must have every function now.
            let reference = layout.solution(&lesson.module);
            if let Ok(text) = fs::read_to_string(&reference) {
                // A reference that does not parse is left to `dev check`, which shows rustc's words.
                let signatures = signatures(&text);
                let shown = layout.show(&reference);
                for (function, span) in lesson.functions.iter().zip(&lesson.spans.functions) {
                    if !defines_fn(&text, &function.name) {
                        let message = say!(ja: format!("{shown} に関数 `{}` がありません。", function.name),
                            en: format!("{shown} has no function `{}`", function.name));
                        error(Some(span), message);
                    } else if let Some(problem) = disagreement(&signatures, function, &shown) {
                        error(Some(span), problem);
                    }
                }
            }
        }
        read_data(&layout, &lessons, &mut report);
        let taken: Vec<String> = lessons
            .iter()
            .filter(|(position, ..)| !report.broken.contains_key(position))
            .map(|(.., lesson)| lesson.id.clone())
            .collect();
        let mut broken = Vec::new();
        for (&position, problems) in &report.broken {
            let path = &files[position];
            let loaded = lessons.iter().find(|(p, ..)| *p == position);
            let source = sources
                .iter()
                .zip(&positions)
                .find(|(_, p)| **p == position)
                .map(|((_, source), _)| source.as_str());
            broken.push(broken_lesson(
                &layout,
                path,
                position,
                loaded.map(|(.., lesson)| lesson),
                source,
                problems.clone(),
                &taken,
            ));
        }
        let errors = (report.count > 0).then(|| report.finish());
        let lessons = lessons
            .into_iter()
            .filter(|(position, ..)| broken.iter().all(|b| b.position != *position))
            .map(|(.., lesson)| lesson)
            .collect();
        Ok(Course {
            layout,
            lessons,
            broken,
            errors,
        })
    }

    /// A course of these lessons, read elsewhere (a check of other modules, a picture's
    /// lesson added): none broken.
    pub fn of(layout: Layout, lessons: Vec<Lesson>) -> Course {
        Course {
            layout,
            lessons,
            broken: Vec::new(),
            errors: None,
        }
    }

    /// How many lessons the course has, broken ones included.
    pub fn total(&self) -> usize {
        self.lessons.len() + self.broken.len()
    }

    /// The place among all lesson files (from 0) of the lesson at `index` in `lessons`:
    /// the numbers students see stay the same when a lesson file breaks or is fixed.
    pub fn position_of(&self, index: usize) -> usize {
        // `broken` is in course order: each broken file at or before the place reached
        // so far pushes the lesson one place on.
        self.broken.iter().fold(index, |place, broken| {
            place + usize::from(broken.position <= place)
        })
    }

    /// The broken lesson of this id, in any case.
    pub fn find_broken(&self, id: &str) -> Option<&BrokenLesson> {
        let id = id.to_lowercase();
        self.broken.iter().find(|b| b.id.to_lowercase() == id)
    }

    /// Every lesson id in course order, broken lessons' included.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<(usize, &str)> = (self.lessons.iter().enumerate())
            .map(|(i, l)| (self.position_of(i), l.id.as_str()))
            .chain(self.broken.iter().map(|b| (b.position, b.id.as_str())))
            .collect();
        ids.sort_by_key(|(position, _)| *position);
        ids.into_iter().map(|(_, id)| id).collect()
    }

    /// The lesson of this id, in any case (`Conv` finds `conv`): ids are lowercase
    /// words, and a student types what the heading shows.
    pub fn find(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id).or_else(|| {
            self.lessons
                .iter()
                .find(|l| l.id.to_lowercase() == id.to_lowercase())
        })
    }

    /// The lesson ids closest to a mistyped one.
    pub fn suggest(&self, id: &str) -> Option<&str> {
        self.lessons
            .iter()
            .map(|l| {
                let score = strsim::jaro_winkler(&id.to_lowercase(), &l.id.to_lowercase());
                (score, l.id.as_str())
            })
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    }
}

/// Parses lesson files, on as many threads as there are processors: drawing and checking
/// every test's cases is most of a course's loading, and each file is on its own.
fn parse_all(sources: &[(PathBuf, String)]) -> Vec<Result<Lesson, Vec<LessonError>>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(sources.len());
    if threads <= 1 {
        return sources.iter().map(|(_, s)| lesson::parse(s)).collect();
    }
    let mut parsed: Vec<(usize, Result<Lesson, Vec<LessonError>>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|first| {
                scope.spawn(move || {
                    let mine = sources.iter().enumerate().skip(first).step_by(threads);
                    mine.map(|(i, (_, source))| (i, lesson::parse(source)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(parsed) => parsed,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    parsed.sort_by_key(|(i, _)| *i);
    parsed.into_iter().map(|(_, result)| result).collect()
}

/// What is wrong with a lesson's `uses`: its own module, a module named twice, or the
/// module of a lesson that comes later (which is also how a cycle shows).
fn check_uses(
    lessons: &[Loaded],
    i: usize,
    error: &mut impl FnMut(Option<&std::ops::Range<usize>>, Bilingual),
) {
    let lesson = &lessons[i].3;
    for (k, (module, span)) in lesson
        .uses
        .iter()
        .zip(&lesson.spans.modules[1..])
        .enumerate()
    {
        if *module == lesson.module {
            let message = say!(ja: format!("`{module}` はこのレッスン自身のモジュールです。`uses` には、このレッスンが使う前のレッスンのモジュールを書きます。"),
                en: format!("`{module}` is this lesson's own module: `uses` lists the earlier modules it builds on"));
            error(Some(span), message);
        } else if lesson.uses[..k].contains(module) {
            let message = say!(ja: format!("`{module}` が二回書かれています。"),
                en: format!("`{module}` is listed twice"));
            error(Some(span), message);
        } else if let Some(later) = lessons[i + 1..]
            .iter()
            .find(|(_, _, _, l)| l.module == *module)
            // A module that an earlier lesson teaches too is that lesson's: the later
            // one is told its module is taken, and this `uses` is right.
            && !lessons[..i].iter().any(|(_, _, _, l)| l.module == *module)
        {
            let (later, this) = (&later.3, &lesson.module);
            let id = &later.id;
            let (cycle, cycle_ja) = match later.uses.contains(this) {
                true => (
                    format!("; `{id}` uses `{this}` in turn, a cycle"),
                    format!("`{id}` も `{this}` を使っていて、循環しています。"),
                ),
                false => (String::new(), String::new()),
            };
            let message = say!(ja: format!("`{module}` は後のレッスン `{id}` のモジュールです。{cycle_ja}レッスンが使えるのは、前のレッスンのモジュールだけです（順序はファイル名で決まります）。"),
                en: format!("`{module}` is the module of lesson `{id}`, which comes later{cycle}: a lesson uses only the modules of earlier lessons (file names set the order)"));
            error(Some(span), message);
        }
    }
}

/// What is wrong with the `show` of lesson `i`: a name an earlier lesson's `[show]`
/// took, or an `after_passing` that names a show no lesson declares.
fn check_shows(
    lessons: &[Loaded],
    i: usize,
    error: &mut impl FnMut(Option<&std::ops::Range<usize>>, Bilingual),
) {
    let lesson = &lessons[i].3;
    if let Some(picture) = &lesson.picture {
        let name = &picture.name;
        let mut earlier = lessons[..i].iter().map(|(_, _, _, l)| l);
        if let Some(other) = earlier.find(|l| l.picture.as_ref().is_some_and(|p| &p.name == name)) {
            let id = &other.id;
            let message = say!(ja: format!(
                "`show {name}` はすでにレッスン `{id}` のものです。`[show]` ごとに別の名前にします。"
            ),
            en: format!(
                "`show {name}` is already lesson `{id}`'s: each `[show]` has a name of its own"
            ));
            error(Some(&picture.span), message);
        }
    }
    if let Some(after) = &lesson.after_passing {
        let names: Vec<&str> = (lessons.iter())
            .filter_map(|(_, _, _, l)| l.picture.as_ref().map(|p| p.name.as_str()))
            .collect();
        let name = after.show();
        if !names.contains(&name) {
            let message = match names.is_empty() {
                true => {
                    say!(ja: format!("`show {name}` を `[show]` に書いたレッスンがありません。"),
                    en: format!("no lesson declares `show {name}` in its `[show]`"))
                }
                false => say!(ja: format!(
                    "`show {name}` を書いたレッスンはありません。書かれているのは `{}` です。",
                    names.join("`、`")
                ),
                en: format!(
                    "no lesson declares `show {name}`; the shows are `{}`",
                    names.join("`, `")
                )),
            };
            error(Some(&after.span), message);
        }
    }
}

/// What is wrong with the helpers of lesson `i`: a module a helper uses that the
/// lesson's harness cannot mount (a later lesson's, or none of the course's). (A helper
/// named after a lesson's module is said when the helpers are read.)
fn check_helpers(
    lessons: &[Loaded],
    i: usize,
    error: &mut impl FnMut(Option<&std::ops::Range<usize>>, Bilingual),
) {
    let lesson = &lessons[i].3;
    for helper in &lesson.helpers {
        let name = &helper.name;
        // A helper that does not lex gets rustc's words when the lesson is built.
        let Some(references) = crate::lesson::refs::references(&helper.source) else {
            continue;
        };
        let file = &helper.file;
        for reference in references.into_iter().filter(|r| !r.only_super) {
            let module = &reference.module;
            let taught = lessons.iter().position(|(_, _, _, l)| &l.module == module);
            let fine = match taught {
                Some(j) => j <= i,
                None => lesson.helpers.iter().any(|h| &h.name == module),
            };
            if fine {
                continue;
            }
            let message = match taught {
                Some(j) => {
                    let id = &lessons[j].3.id;
                    say!(ja: format!("ヘルパー `{name}`（{file}）が `crate::{module}` を使っていますが、これは後のレッスン `{id}` のモジュールです。ヘルパーが使えるのは、このレッスンとそれより前のレッスンのモジュールだけです。"),
                        en: format!("the helper `{name}` ({file}) uses `crate::{module}`, the module of lesson `{id}`, which comes after this one: a helper may use this lesson's module and earlier lessons' modules"))
                }
                None => {
                    say!(ja: format!("ヘルパー `{name}`（{file}）が `crate::{module}` を使っていますが、そのようなレッスンのモジュールも、このレッスンのヘルパーもありません。"),
                        en: format!("the helper `{name}` ({file}) uses `crate::{module}`, which is no lesson's module nor a helper of this lesson"))
                }
            };
            error(Some(&helper.span), message);
        }
    }
}

/// What a name that rustc could not find in a lesson's scenario is in the course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CourseName {
    /// The module of an earlier lesson.
    Module(String),
    /// A public item of an earlier lesson's module (in its reference), and whether the
    /// lesson has that module in `uses`.
    Item { module: String, used: bool },
}

impl Course {
    /// What a name that rustc could not find in a scenario of `lesson` is in the course:
    /// an earlier lesson's module that `uses` lacks (`module`: the name is the first of
    /// a path), or a public item of one (the name alone).
    pub fn name_in_course(&self, lesson: &Lesson, name: &str, module: bool) -> Option<CourseName> {
        let index = self.lessons.iter().position(|l| l.id == lesson.id)?;
        let earlier = &self.lessons[..index];
        if module {
            let missing =
                earlier.iter().any(|l| l.module == name) && !lesson.uses.iter().any(|u| u == name);
            return missing.then(|| CourseName::Module(name.to_string()));
        }
        earlier.iter().find_map(|l| {
            let text = fs::read_to_string(self.layout.solution(&l.module)).ok()?;
            defines_public_item(&text, name).then(|| CourseName::Item {
                module: l.module.clone(),
                used: lesson.uses.contains(&l.module),
            })
        })
    }
}

/// Whether Rust source text has a public item of this name at any level outside
/// braces' contents other than modules (`pub fn`, `pub struct`, `pub(crate) const`, …).
fn defines_public_item(text: &str, name: &str) -> bool {
    use proc_macro2::{TokenStream, TokenTree};
    let Ok(tokens) = text.parse::<TokenStream>() else {
        return false;
    };
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let word = |at: usize| match tokens.get(at) {
        Some(TokenTree::Ident(i)) => Some(i.to_string()),
        _ => None,
    };
    let kinds = [
        "fn", "struct", "enum", "const", "static", "type", "trait", "union",
    ];
    (0..tokens.len()).any(|at| {
        if word(at).as_deref() != Some("pub") {
            return false;
        }
        // `pub(crate)`: the visibility's group, then the item.
        let mut next = at + 1;
        if matches!(tokens.get(next), Some(TokenTree::Group(_))) {
            next += 1;
        }
        // `pub const fn`, `pub unsafe fn`.
        while matches!(word(next).as_deref(), Some("const" | "unsafe" | "async"))
            && word(next + 1).is_some_and(|w| kinds.contains(&w.as_str()))
        {
            next += 1;
        }
        word(next).is_some_and(|k| kinds.contains(&k.as_str()))
            && word(next + 1).as_deref() == Some(name)
    })
}

/// Each data file of a lesson's `[[datasets]]` that cannot be read, read from the file
/// alone: for a lesson whose other errors keep it from loading.
fn dataset_errors(layout: &Layout, source: &str) -> Vec<LessonError> {
    let Ok(raw) = toml::from_str::<lesson::model::RawLesson>(source) else {
        return Vec::new();
    };
    raw.datasets
        .iter()
        .filter_map(|declared| {
            let file = &declared.get_ref().file;
            let e = fs::metadata(layout.root.join(file.get_ref()))
                .and_then(|m| match m.is_dir() {
                    true => Err(std::io::ErrorKind::IsADirectory.into()),
                    false => Ok(()),
                })
                .err()?;
            let said = lesson::dataset::unreadable(&layout.root, file.get_ref(), &e);
            Some(LessonError::new(Some(file.span()), said.message))
        })
        .collect()
}

/// Each signature of a lesson's `functions` that its reference disagrees with, read from
/// the file alone: for a lesson whose other errors keep it from loading.
fn signature_errors(layout: &Layout, source: &str) -> Vec<LessonError> {
    let Ok(raw) = toml::from_str::<lesson::model::RawLesson>(source) else {
        return Vec::new();
    };
    let module = raw.module.get_ref();
    if lesson::names::module_problem(module).is_some()
        || !module
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Vec::new();
    }
    let reference = layout.solution(module);
    let Ok(text) = fs::read_to_string(&reference) else {
        return Vec::new();
    };
    let found = signatures(&text);
    let shown = layout.show(&reference);
    raw.functions
        .iter()
        .filter_map(|f| {
            let function = lesson::types::Signature::parse(f.get_ref()).ok()?;
            let problem = disagreement(&found, &function, &shown)?;
            Some(LessonError::new(Some(f.span()), problem))
        })
        .collect()
}

/// How the reference's own signature of a function disagrees with the lesson's, if it
/// does. A type the lesson format cannot name (a generic, a view) is not compared:
/// `dev check` builds the reference and finds any mismatch there.
fn disagreement(
    signatures: &[syn::Signature],
    function: &lesson::types::Signature,
    reference: &str,
) -> Option<Bilingual> {
    use lesson::types::{Mode, Type};
    let found = signatures.iter().find(|sig| sig.ident == function.name)?;
    let name = &function.name;
    let text = |ty: &syn::Type| {
        let tokens = quote::ToTokens::to_token_stream(ty).to_string();
        tokens
            .replace(" < ", "<")
            .replace(" <", "<")
            .replace("< ", "<")
            .replace(" >", ">")
            .replace("& ", "&")
            .replace(" ,", ",")
            .replace(" :: ", "::")
    };
    // The lesson's type of a Rust type, and how it is taken.
    let value_type = |ty: &syn::Type| -> Option<(Type, Mode)> {
        let (inner, mode) = match ty {
            syn::Type::Reference(r) if r.mutability.is_none() => (&*r.elem, Mode::Ref),
            syn::Type::Reference(r) => (&*r.elem, Mode::Mut),
            other => (other, Mode::Value),
        };
        Type::parse(&text(inner).replace("ndarray::", ""))
            .ok()
            .map(|t| (t, mode))
    };
    let params: Vec<&syn::Type> = found
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            syn::FnArg::Typed(typed) => Some(&*typed.ty),
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    if params.len() != found.inputs.len() || !found.generics.params.is_empty() {
        return None;
    }
    if params.len() != function.params.len() {
        let (lesson, found) = (function.params.len(), params.len());
        return Some(
            say!(ja: format!("`{name}` の引数は、`functions` では {lesson} 個、{reference} では {found} 個です。"),
                en: format!("`{name}` takes {lesson} {} in `functions` but {found} in {reference}", if lesson == 1 { "parameter" } else { "parameters" })),
        );
    }
    // The same names in another order: parameters swapped, whose types may agree
    // (`conv2d(kernel, image)` for `(image, kernel)`), so that only the values differ.
    let names: Vec<String> = found
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            syn::FnArg::Typed(typed) => match &*typed.pat {
                syn::Pat::Ident(ident) => Some(ident.ident.to_string()),
                _ => None,
            },
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    let lesson_names: Vec<&str> = function.params.iter().map(|p| p.name.as_str()).collect();
    let mut sorted = (names.clone(), lesson_names.clone());
    sorted.0.sort();
    sorted.1.sort_unstable();
    if names.len() == params.len() && names != lesson_names && sorted.0 == sorted.1 {
        let (lesson, found) = (lesson_names.join(", "), names.join(", "));
        return Some(
            say!(ja: format!("`{name}` の引数の順序が違います。`functions` では ({lesson})、{reference} では ({found}) です。"),
                en: format!("the parameters of `{name}` are in another order: `functions` has ({lesson}), {reference} has ({found})")),
        );
    }
    for (i, (ty, want)) in params.iter().zip(&function.params).enumerate() {
        let Some((got, mode)) = value_type(ty) else {
            continue;
        };
        if got != want.ty || mode != want.mode {
            let (n, param) = (i + 1, &want.name);
            let (lesson, found) = (want.mode.write(&want.ty), text(ty));
            return Some(
                say!(ja: format!("`{name}` の {n} 番目の引数（`{param}`）は、`functions` では `{lesson}`、{reference} では `{found}` です。"),
                    en: format!("parameter {n} of `{name}` (`{param}`) is `{lesson}` in `functions` but `{found}` in {reference}")),
            );
        }
    }
    let returns = match &found.output {
        syn::ReturnType::Default if function.returns.is_unit() => None,
        syn::ReturnType::Default => Some("()".to_string()),
        syn::ReturnType::Type(_, ty) => match value_type(ty) {
            Some((got, Mode::Value)) if got == function.returns => None,
            Some(_) => Some(text(ty)),
            None => None,
        },
    };
    returns.map(|got| {
        let lesson = &function.returns;
        say!(ja: format!("`{name}` が返す型は、`functions` では `{lesson}`、{reference} では `{got}` です。"),
            en: format!("`{name}` returns `{lesson}` in `functions` but `{got}` in {reference}"))
    })
}

/// The signatures of the functions at the top level of a Rust file (not in `impl`s or
/// modules); none if it does not lex. Only the signatures are parsed: a whole file's
/// bodies took syn ~16 ms per course load in the unoptimised checker.
fn signatures(text: &str) -> Vec<syn::Signature> {
    use proc_macro2::{Delimiter, TokenStream, TokenTree};
    let Ok(tokens) = text.parse::<TokenStream>() else {
        return Vec::new();
    };
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut found = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        if !matches!(token, TokenTree::Ident(i) if i == "fn") {
            continue;
        }
        let signature: TokenStream = tokens[at..]
            .iter()
            .take_while(|t| match t {
                TokenTree::Group(g) => g.delimiter() != Delimiter::Brace,
                TokenTree::Punct(p) => p.as_char() != ';',
                _ => true,
            })
            .cloned()
            .collect();
        if let Ok(signature) = syn::parse2::<syn::Signature>(signature) {
            found.push(signature);
        }
    }
    found
}

/// Whether Rust source text defines a function of this name (a textual look, not a parse).
fn defines_fn(text: &str, name: &str) -> bool {
    text.match_indices(&format!("fn {name}")).any(|(at, m)| {
        let next = text[at + m.len()..].chars().next();
        !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// An error in a lesson file as rustc shows one: the message, then the file, line and
/// column with the line itself marked, then any notes; without a span, the file's name.
/// In Japanese, labelled 「エラー」 (the message and notes must be Japanese already).
pub fn render_error_in(
    lang: Lang,
    name: &str,
    source: &str,
    span: Option<std::ops::Range<usize>>,
    message: &str,
    notes: &[String],
) -> String {
    let file = SimpleFile::new(name, source);
    let diagnostic = match span {
        Some(span) => Diagnostic::error()
            .with_message(message)
            .with_labels(vec![Label::primary((), span)]),
        None => Diagnostic::error().with_message(format!("{name}: {message}")),
    };
    let diagnostic = diagnostic.with_notes(notes.to_vec());
    let config = term::Config {
        display_style: term::DisplayStyle::Rich,
        ..Default::default()
    };
    let rendered = term::emit_into_string(&config, &file, &diagnostic)
        .unwrap_or_else(|_| format!("error: {name}: {message}\n"));
    // codespan names the severity in English, always first and without colour.
    // In Japanese the label takes a full-width colon: 「エラー：…」.
    say!(lang,
        ja: match (
            rendered.strip_prefix("error: "),
            rendered.strip_prefix("error"),
        ) {
            (Some(rest), _) => format!("{}：{rest}", error_label(Lang::Ja)),
            (None, Some(rest)) => format!("{}{rest}", error_label(Lang::Ja)),
            (None, None) => rendered,
        },
        en: rendered,
    )
}

/// What an error is labelled, as rustc's "error".
fn error_label(lang: Lang) -> &'static str {
    say!(lang, ja: "エラー", en: "error")
}

/// That a file or folder cannot be read, and why.
fn cannot_read(name: &str, e: &std::io::Error) -> Bilingual {
    let ja = match e.kind() {
        std::io::ErrorKind::NotFound => format!("{name} がありません。"),
        std::io::ErrorKind::PermissionDenied => format!("{name} を読む権限がありません。"),
        // Anything rarer is the system's own words, quoted.
        _ => format!("{name} を読めません（システムの説明：「{e}」）。"),
    };
    say!(ja: ja, en: format!("cannot read {name}: {e}"))
}

/// Reads every data file the lessons declare (each file once), checks its sha256, and
/// checks each generator that reads it; the errors point at the lesson's lines.
fn read_data(layout: &Layout, lessons: &[Loaded], report: &mut Reporter) {
    use crate::lesson::dataset::Summary;
    let summaries = layout.work_dir().join("data-summaries");
    for (position, path, source, lesson) in lessons {
        let name = layout.show(path);
        let mut summaries_of: Vec<(String, Summary)> = Vec::new();
        for file in &lesson.datasets {
            // Each lesson's files are checked on their own (a hash, and a summary kept
            // by checksum), so each lesson's generators can read them.
            let summary = file.load(&layout.root, &summaries);
            match summary {
                Ok(summary) => {
                    summaries_of.push((file.file.clone(), summary));
                }
                Err(e) => {
                    let span = match e.checksum {
                        true => file.sha256_span.clone(),
                        false => file.span.clone(),
                    };
                    let error = LessonError::new(Some(span), e.message);
                    report.lesson(*position, &name, source, &error);
                }
            }
        }
        for data_use in &lesson.data_uses {
            let Some((_, summary)) = summaries_of
                .iter()
                .find(|(file, _)| file == &data_use.generator.file)
            else {
                continue;
            };
            if let Err(message) = data_use.generator.check(summary, data_use.cases) {
                let error = LessonError::new(Some(data_use.span.clone()), message);
                report.lesson(*position, &name, source, &error);
            }
        }
    }
}

/// A lesson file read and parsed: its place among the files, its path, its text, and
/// the lesson.
type Loaded = (usize, PathBuf, String, Lesson);

/// A broken lesson file as students see it: what the file still says of itself (an id, a
/// title, its points, its module) when it can be read, else its file name's id.
fn broken_lesson(
    layout: &Layout,
    path: &Path,
    position: usize,
    loaded: Option<&Lesson>,
    source: Option<&str>,
    problems: Vec<Problem>,
    taken: &[String],
) -> BrokenLesson {
    let table = source.and_then(|s| toml::from_str::<toml::Table>(s).ok());
    let field = |key: &str| table.as_ref().and_then(|t| t.get(key));
    let word = |key: &str| field(key).and_then(|v| v.as_str()).map(str::to_string);
    let id = loaded
        .map(|l| l.id.clone())
        .or_else(|| word("id").filter(|id| lesson::names::check_id(id).is_ok()));
    let module = loaded
        .map(|l| l.module.clone())
        .or_else(|| word("module").filter(|m| lesson::names::check_module(m).is_ok()));
    let title = loaded.map(|l| l.title.clone()).or_else(|| {
        let title = field("title")?;
        let text = |lang: &str| title.get(lang)?.as_str().map(str::to_string);
        Some(Bilingual {
            ja: text("ja")?,
            en: text("en")?,
        })
    });
    // Only points written in the file: a default could be a misspelt `points` line's.
    let points = loaded.map(|l| l.points).or_else(|| {
        let points = field("points")?.as_integer()?;
        u32::try_from(points).ok()
    });
    // An id another lesson has (a copied file whose id was not changed) would name that
    // lesson: the file's name says which lesson this one was meant to be.
    let named = id_from_file_name(path);
    let id = match id {
        Some(id) if !taken.contains(&id) => id,
        Some(id) => named.filter(|n| !taken.contains(n)).unwrap_or(id),
        None => named.unwrap_or_else(|| layout.show(path)),
    };
    // A file that names no module is taken to teach the module of its id when the
    // student has a file of that name, as `dev new` lays lessons out.
    let module = module.or_else(|| layout.exercise(&id).is_file().then(|| id.clone()));
    BrokenLesson {
        id,
        module,
        title,
        points,
        file: layout.show(path),
        position,
        problems,
    }
}

/// The id a lesson file's name gives: `04-conv.toml` → `conv`, `max_pool.toml` →
/// `max_pool`; none when what is left is not an id.
fn id_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let id = stem
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['-', '_'])
        .to_lowercase();
    lesson::names::check_id(&id).is_ok().then_some(id)
}

/// The line (from 1) of a byte offset in a text.
fn line_at(source: &str, offset: usize) -> usize {
    let before = source.get(..offset).unwrap_or(source);
    before.matches('\n').count() + 1
}

/// The errors of a course's lesson files, said in file order and, within a file, in line
/// order (an error about the whole file after its lines, as `toml_error` orders one file's),
/// whichever check found them: a lesson's own, then those across lessons (an id or a
/// module taken by an earlier lesson), then its data.
#[derive(Default)]
struct Reporter {
    /// Each error, rendered in English and in Japanese, with where it is.
    errors: Vec<Reported>,
    count: usize,
    /// The problems of each broken lesson file, by its place among the files.
    broken: BTreeMap<usize, Vec<Problem>>,
}

struct Reported {
    /// The file's place among the files (none: no file), then the error's offset in it
    /// (none: the file as a whole).
    at: (Option<usize>, usize),
    en: String,
    ja: String,
}

impl Reporter {
    /// An error about no line of one lesson file: it breaks that lesson.
    fn plain_in(&mut self, position: usize, message: Bilingual) {
        self.push(Some(position), None, Self::plain_text(&message));
        self.broken_at(position, None, message);
    }

    /// An error about no line of a lesson file.
    fn plain(&mut self, message: Bilingual) {
        self.push(None, None, Self::plain_text(&message));
    }

    fn plain_text(message: &Bilingual) -> (String, String) {
        (
            format!("{}: {}\n", error_label(Lang::En), message.en),
            // In Japanese the label takes a full-width colon, as in a rendered error.
            format!("{}：{}\n", error_label(Lang::Ja), message.ja),
        )
    }

    /// An error in a lesson file: it breaks that lesson.
    fn lesson(&mut self, position: usize, name: &str, source: &str, error: &LessonError) {
        let line = error.span.as_ref().map(|span| line_at(source, span.start));
        self.broken_at(position, line, error.message.clone());
        let [en, ja] = [(Lang::En, &error.message.en), (Lang::Ja, &error.message.ja)].map(
            |(lang, message)| render_error_in(lang, name, source, error.span.clone(), message, &[]),
        );
        let offset = error.span.as_ref().map(|span| span.start);
        self.push(Some(position), offset, (en, ja));
    }

    fn push(&mut self, position: Option<usize>, offset: Option<usize>, (en, ja): (String, String)) {
        self.count += 1;
        let at = (position, offset.unwrap_or(usize::MAX));
        self.errors.push(Reported { at, en, ja });
    }

    /// A problem of a broken lesson, among the others in line order.
    fn broken_at(&mut self, position: usize, line: Option<usize>, message: Bilingual) {
        let problems = self.broken.entry(position).or_default();
        problems.push(Problem { line, message });
        problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    }

    fn finish(mut self) -> CourseErrors {
        // Stable: errors at the same place keep the order they were found in.
        self.errors.sort_by_key(|e| e.at);
        CourseErrors {
            rendered: self.errors.iter().map(|e| e.en.as_str()).collect(),
            rendered_ja: self.errors.iter().map(|e| e.ja.as_str()).collect(),
            count: self.count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_said_in_file_then_line_order_whichever_check_found_them() {
        let source = "id = \"a\"\nmodule = \"m\"\n";
        let error = |start: usize, what: &str| {
            let message = say!(ja: format!("{what}（日本語）"), en: what);
            LessonError::new(Some(start..start + 2), message)
        };
        let mut report = Reporter::default();
        // As the checks find them: one lesson's own error, then two across lessons.
        report.lesson(
            1,
            "lessons/02-b.toml",
            source,
            &error(9, "second file, line 2"),
        );
        report.lesson(
            0,
            "lessons/01-a.toml",
            source,
            &error(9, "first file, line 2"),
        );
        report.lesson(
            1,
            "lessons/02-b.toml",
            source,
            &error(0, "second file, line 1"),
        );
        report.plain_in(
            0,
            say!(ja: "first file, whole（日本語）", en: "first file, whole"),
        );
        report.lesson(
            0,
            "lessons/01-a.toml",
            source,
            &error(0, "first file, line 1"),
        );
        let lines: Vec<Option<usize>> = report.broken[&0].iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(1), Some(2), None]);
        let errors = report.finish();
        assert_eq!(errors.count, 5);
        let said = [
            "first file, line 1",
            "first file, line 2",
            "first file, whole",
            "second file, line 1",
            "second file, line 2",
        ];
        for (text, suffix) in [(&errors.rendered, ""), (&errors.rendered_ja, "（日本語）")] {
            let at: Vec<usize> = said
                .iter()
                .map(|what| {
                    text.find(&format!("{what}{suffix}"))
                        .unwrap_or_else(|| panic!("{what} in\n{text}"))
                })
                .collect();
            assert!(at.is_sorted(), "{at:?} in\n{text}");
        }
        assert!(
            errors.rendered.contains("lessons/01-a.toml:2:1"),
            "{}",
            errors.rendered
        );
    }

    #[test]
    fn only_top_level_function_signatures_are_read() {
        let source = "type F = fn(i32) -> i32;\n\
                      pub(crate) const fn one() -> usize { 1 }\n\
                      fn generic<T>(x: T) -> T where T: Copy { x }\n\
                      impl S { fn method(&self) {} }\n\
                      mod inner { pub fn hidden() {} }\n\
                      extern \"C\" { fn ffi(); }\n\
                      macro_rules! m { () => { fn made() {} } }\n\
                      pub fn last(a: &[f32]) -> f32 { a[0] }";
        let names: Vec<String> = signatures(source)
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        assert_eq!(names, ["one", "generic", "last"]);
        assert!(signatures("fn broken( {").is_empty());
    }

    #[test]
    fn finds_a_signature_that_disagrees_with_the_reference() {
        let reference = signatures(
            "use ndarray::Array1;\n\
             pub fn scale(v: &Array1<f32>, k: f32) -> Array1<f32> { v * k }\n\
             pub fn count(v: &ndarray::Array1<f32>) -> usize { v.len() }\n\
             pub fn view(v: ArrayView1<f32>) -> f32 { v[0] }\n\
             pub fn step(w: &mut ndarray::Array2<f32>, lr: f32) { *w *= lr; }\n\
             pub fn grads(x: &Array1<f32>) -> (Array1<f32>, Array1<usize>) { todo!() }\n",
        );
        let check = |signature: &str| {
            disagreement(
                &reference,
                &lesson::types::Signature::parse(signature).unwrap(),
                "the reference",
            )
            .map(|message| message.en)
        };
        assert_eq!(
            check("fn scale(v: &Array1<f32>, k: f32) -> Array1<f32>"),
            None
        );
        assert_eq!(check("fn count(v: &Array1<f32>) -> usize"), None);
        assert_eq!(
            check("fn scale(v: &Array1<f32>, k: usize) -> Array1<f32>").as_deref(),
            Some(
                "parameter 2 of `scale` (`k`) is `usize` in `functions` but `f32` in the reference"
            )
        );
        assert_eq!(
            check("fn scale(v: &Array1<f32>) -> Array1<f32>").as_deref(),
            Some("`scale` takes 1 parameter in `functions` but 2 in the reference")
        );
        assert_eq!(
            check("fn count(v: &Array1<f32>) -> f32").as_deref(),
            Some("`count` returns `f32` in `functions` but `usize` in the reference")
        );
        assert_eq!(
            check("fn view(v: &Array1<f32>) -> f32"),
            None,
            "not comparable"
        );
        assert_eq!(check("fn step(w: &mut Array2<f32>, lr: f32)"), None);
        assert_eq!(
            check("fn step(w: &Array2<f32>, lr: f32) -> f32").as_deref(),
            Some(
                "parameter 1 of `step` (`w`) is `&Array2<f32>` in `functions` but `&mut ndarray::Array2<f32>` in the reference"
            )
        );
        assert_eq!(
            check("fn grads(x: &Array1<f32>) -> (Array1<f32>, Array1<usize>)"),
            None
        );
        assert_eq!(
            check("fn scale(k: f32, v: &Array1<f32>) -> Array1<f32>").as_deref(),
            Some(
                "the parameters of `scale` are in another order: `functions` has (k, v), the reference has (v, k)"
            ),
            "said before the types, which differ because of it"
        );
        assert_eq!(
            check("fn grads(x: &Array1<f32>) -> (Array1<f32>, Array1<f32>)").as_deref(),
            Some(
                "`grads` returns `(Array1<f32>, Array1<f32>)` in `functions` but `(Array1<f32>, Array1<usize>)` in the reference"
            )
        );
    }

    #[test]
    fn finds_public_items_by_name() {
        let text = "pub fn conv2d() {}\npub(crate) struct Cnn;\npub const fn k() -> usize { 1 }\nfn private() {}\nconst C: usize = 1;";
        assert!(defines_public_item(text, "conv2d"));
        assert!(defines_public_item(text, "Cnn"));
        assert!(defines_public_item(text, "k"));
        assert!(!defines_public_item(text, "private"));
        assert!(!defines_public_item(text, "C"));
        assert!(!defines_public_item(text, "conv"));
    }

    #[test]
    fn a_lesson_file_name_gives_an_id() {
        let id = |name: &str| id_from_file_name(Path::new(name));
        assert_eq!(id("lessons/04-conv.toml").as_deref(), Some("conv"));
        assert_eq!(id("12_max_pool.toml").as_deref(), Some("max_pool"));
        assert_eq!(id("digits.toml").as_deref(), Some("digits"));
        assert_eq!(id("04-.toml"), None);
        assert_eq!(id("04-Ü.toml"), None);
    }

    #[test]
    fn lessons_keep_their_places_around_broken_files() {
        let layout = Layout {
            root: PathBuf::from("/w"),
            exercises: PathBuf::from("/w/exercises"),
            modules: PathBuf::from("/w/exercises/src"),
            lessons: PathBuf::from("/w/lessons"),
            overlay: None,
        };
        let broken = |position| BrokenLesson {
            id: format!("b{position}"),
            module: None,
            title: None,
            points: None,
            file: String::new(),
            position,
            problems: Vec::new(),
        };
        // Files 0 and 3 are broken: the three lessons that load are at 1, 2 and 4.
        let mut course = Course::of(layout, Vec::new());
        course.broken = vec![broken(0), broken(3)];
        let places: Vec<usize> = (0..3).map(|i| course.position_of(i)).collect();
        assert_eq!(places, [1, 2, 4]);
        course.broken = vec![broken(2)];
        let places: Vec<usize> = (0..3).map(|i| course.position_of(i)).collect();
        assert_eq!(places, [0, 1, 3]);
    }

    #[test]
    fn finds_function_definitions_by_whole_name() {
        assert!(defines_fn("pub fn conv2d(a: &A) -> B {}", "conv2d"));
        assert!(!defines_fn("pub fn conv2d_slow(a: &A) -> B {}", "conv2d"));
        assert!(!defines_fn("// conv2d", "conv2d"));
    }
}
