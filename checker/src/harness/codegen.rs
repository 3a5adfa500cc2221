//! Writes the harness crates: one per lesson and side, in a cargo workspace of their own.
//!
//! A harness mounts with `#[path]` the lesson's module file, the modules the lesson
//! declares in `uses`, and every module of an earlier lesson that these files refer to
//! (`use crate::unit::dot;`), transitively: a student builds on their own earlier work,
//! the reference on the reference's, and a broken exercise that a lesson does not use
//! never blocks checking it.

use crate::course::{Course, Layout};
use crate::files::write_if_changed;
use crate::lesson::edit::{self, EditError};
use crate::lesson::types::Mode;
use crate::lesson::{EntryKind, Lesson, MistakeCode};
use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::fs;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

/// Whose code a harness runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Student,
    Reference,
    /// The lesson's known mistake of this index, in place of the reference module.
    Mistake(usize),
}

/// The harnesses of one lesson.
#[derive(Debug, Clone)]
pub struct LessonHarnesses {
    pub student: Harness,
    pub reference: Harness,
    /// One per known mistake, in the lesson's order.
    pub mistakes: Vec<Harness>,
}

/// A module a harness mounts.
#[derive(Debug, Clone, PartialEq)]
pub struct Mounted {
    pub module: String,
    /// Its file, as an absolute path.
    pub file: PathBuf,
    /// The index of the lesson whose module it is (none for a helper module of the
    /// student's own, or a module of `uses` that no lesson teaches).
    pub lesson: Option<usize>,
    /// What the lesson's own file names of it (`max_pool2d`), to say what it uses.
    pub items: Vec<String>,
}

/// A module that a student's file refers to and that the harness cannot mount.
#[derive(Debug, Clone, PartialEq)]
pub enum ModuleProblem {
    /// The module of a lesson that comes later in the course (or the same lesson's).
    Later {
        file: PathBuf,
        module: String,
        lesson: String,
    },
    /// No lesson has this module and there is no file for it.
    Unknown {
        file: PathBuf,
        module: String,
        /// The modules of the earlier lessons, which the file may use.
        earlier: Vec<String>,
    },
}

/// A generated harness crate.
#[derive(Debug, Clone)]
pub struct Harness {
    pub package: String,
    /// The module files it mounts, as absolute paths: the lesson's own first.
    pub module_files: Vec<PathBuf>,
    /// The lesson's scenario helpers it mounts (`lessons/helpers/<name>.rs`), as absolute
    /// paths: the instructor's code, never the student's.
    pub helper_files: Vec<PathBuf>,
    /// Why the student's files cannot be built as they are (never for trusted code).
    pub problem: Option<ModuleProblem>,
    pub main_rs: PathBuf,
    /// The lines of `main.rs` that belong to each entry, to tell which test a compile error is in.
    pub entry_lines: Vec<RangeInclusive<usize>>,
    /// The line of `main.rs` where each scenario's code starts (none for a call), its
    /// lines following one to one, each indented by [`SNIPPET_INDENT`] spaces: the map
    /// from rustc's line and column back to the lesson file's.
    pub snippet_starts: Vec<Option<usize>>,
    /// A known mistake written as edits of the reference: the edit that no longer applies
    /// to it. The harness then mounts the reference unchanged, and is not to be built.
    pub unapplied: Option<Box<EditError>>,
}

/// How far each line of a scenario's code is indented in `main.rs`.
pub const SNIPPET_INDENT: usize = 16;

/// The harness runtime crate (`cnnlings-runtime`), which every harness depends on by
/// path: the very copy this checker was built with, so both ends speak the same wire
/// format (and workbooks that share a harness target folder, as the checker's tests do,
/// compile it once); the workbook's own copy if the checker was moved away from its source.
pub fn runtime_dir(layout: &Layout) -> PathBuf {
    let own = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime");
    if own.join("Cargo.toml").is_file() {
        own
    } else {
        layout.root.join("checker").join("runtime")
    }
}

/// A hash of the runtime crate's manifest and sources as the harnesses build them, or
/// `None` if they cannot be read.
pub fn runtime_fingerprint(layout: &Layout) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Option<()> {
        for entry in fs::read_dir(dir).ok()? {
            let path = entry.ok()?.path();
            if path.is_dir() {
                walk(&path, files)?;
            } else {
                files.push(path);
            }
        }
        Some(())
    }
    let dir = runtime_dir(layout);
    let mut files = vec![dir.join("Cargo.toml")];
    walk(&dir.join("src"), &mut files)?;
    files[1..].sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for file in files {
        file.strip_prefix(&dir).ok()?.hash(&mut hasher);
        fs::read(&file).ok()?.hash(&mut hasher);
    }
    Some(hasher.finish())
}

/// The `[dependencies]` line of the runtime crate, for a harness's manifest.
pub(super) fn runtime_dependency(layout: &Layout) -> Result<String> {
    let dir = runtime_dir(layout);
    if !dir.join("Cargo.toml").is_file() {
        bail!(
            "the harness runtime is missing from the workbook: {} should hold the crate \
             `cnnlings-runtime`, which comes with the course (restore it, e.g. with \
             `git checkout -- checker/runtime`)",
            dir.display()
        );
    }
    Ok(format!(
        "\"cnnlings-runtime\" = {{ path = {} }}\n",
        toml::Value::String(dir.display().to_string())
    ))
}

/// Where the harness workspace lives.
pub fn workspace_dir(layout: &Layout) -> PathBuf {
    layout.work_dir().join("harness")
}

pub fn package_name(lesson: &Lesson, side: Side) -> String {
    match side {
        Side::Student => format!("{}-student", lesson.id),
        Side::Reference => format!("{}-reference", lesson.id),
        Side::Mistake(i) => format!("{}-mistake-{}", lesson.id, lesson.mistakes[i].name),
    }
}

/// The file of a module on a side: the student's, or the reference's (a mistake uses
/// the reference's other modules).
fn file_of(layout: &Layout, module: &str, side: Side) -> PathBuf {
    match side {
        Side::Student => layout.exercise(module),
        Side::Reference | Side::Mistake(_) => layout.solution(module),
    }
}

/// The modules a harness of lesson `index` mounts on a side, and, for the student's side,
/// the first reference to a module it cannot mount.
///
/// The lesson's module comes first (a known mistake in its place), then its declared
/// `uses`, then, transitively, every module these files refer to (`crate::<module>`, or
/// `super::<module>` when that names a module) that belongs to an earlier lesson or has
/// a file of its own beside them (a helper module the student made).
pub fn mount(course: &Course, index: usize, side: Side) -> (Vec<Mounted>, Option<ModuleProblem>) {
    mount_in(&course.layout, &course.lessons, index, side)
}

/// As [`mount`], with the modules of `layout` (grading mounts a submission's folder).
pub fn mount_in(
    layout: &Layout,
    lessons: &[Lesson],
    index: usize,
    side: Side,
) -> (Vec<Mounted>, Option<ModuleProblem>) {
    let lesson = &lessons[index];
    let lesson_of = |module: &str| lessons.iter().position(|l| l.module == module);
    let main = match side {
        Side::Mistake(i) => match &lesson.mistakes[i].code {
            MistakeCode::File(file) => layout.mistake(&lesson.module, file),
            MistakeCode::Edits(_) => edited_module(layout, lesson, i),
        },
        _ => file_of(layout, &lesson.module, side),
    };
    let mut mounted = vec![Mounted {
        module: lesson.module.clone(),
        file: main,
        lesson: Some(index),
        items: Vec::new(),
    }];
    for module in &lesson.uses {
        if !mounted.iter().any(|m| &m.module == module) {
            mounted.push(Mounted {
                module: module.clone(),
                file: file_of(layout, module, side),
                lesson: lesson_of(module),
                items: Vec::new(),
            });
        }
    }
    // The modules the lesson's helpers use (the course has checked that each is this
    // lesson's or an earlier one's), mounted for the side as the lesson's own are.
    for helper in &lesson.helpers {
        let Some(references) = crate::lesson::refs::references(&helper.source) else {
            continue;
        };
        for reference in references {
            let taught = lesson_of(&reference.module).filter(|&j| j <= index);
            if taught.is_some() && !mounted.iter().any(|m| m.module == reference.module) {
                mounted.push(Mounted {
                    file: file_of(layout, &reference.module, side),
                    module: reference.module,
                    lesson: taught,
                    items: Vec::new(),
                });
            }
        }
    }
    let mut problem = None;
    let mut next = 0;
    while next < mounted.len() {
        let file = mounted[next].file.clone();
        let from_main = next == 0;
        next += 1;
        // A file that cannot be read is reported as such when the lesson is checked; one
        // that does not lex gets rustc's own message.
        let Some(references) = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| crate::lesson::refs::references(&text))
        else {
            continue;
        };
        for reference in references {
            if let Some(known) = mounted.iter_mut().find(|m| m.module == reference.module) {
                if from_main {
                    known.items.extend(reference.items);
                }
                continue;
            }
            let helper = file_of(layout, &reference.module, side);
            let is_helper =
                !matches!(reference.module.as_str(), "lib" | "main") && helper.is_file();
            let taught = lesson_of(&reference.module);
            match taught {
                Some(j) if j < index => {}
                None if is_helper => {}
                // `super::x` names a module only when there is one called x.
                None if reference.only_super => continue,
                Some(j) => {
                    if side == Side::Student && problem.is_none() {
                        problem = Some(ModuleProblem::Later {
                            file: file.clone(),
                            module: reference.module,
                            lesson: lessons[j].id.clone(),
                        });
                    }
                    continue;
                }
                None => {
                    if side == Side::Student && problem.is_none() {
                        problem = Some(ModuleProblem::Unknown {
                            file: file.clone(),
                            module: reference.module,
                            earlier: lessons[..index].iter().map(|l| l.module.clone()).collect(),
                        });
                    }
                    continue;
                }
            }
            mounted.push(Mounted {
                module: reference.module,
                file: helper,
                lesson: taught,
                items: if from_main {
                    reference.items
                } else {
                    Vec::new()
                },
            });
        }
    }
    (mounted, problem)
}

/// Writes the workspace and the harnesses of the lessons in `wanted` (indices into the
/// course); unchanged files are left alone, so cargo rebuilds only what changed.
///
/// The workspace lists every lesson's harnesses, so each must exist for cargo to read
/// it, but only those that will be built need to be up to date: the others are written
/// only the first time (a harness is written again before it is built). Mounting a
/// harness scans the module files it mounts, so writing all ~120 harnesses of a course
/// took ~70 ms of every check; a check of one lesson writes about ten.
///
/// Returns the harnesses of `wanted`, in the course's order of lessons.
pub fn write(course: &Course, wanted: &[usize]) -> Result<Vec<(usize, LessonHarnesses)>> {
    let layout = &course.layout;
    let dir = workspace_dir(layout);
    let runtime = runtime_dependency(layout)?;
    let student_deps = dependencies(&layout.root, "exercises")? + &runtime;
    let reference_deps = dependencies(&layout.root, "solutions")? + &runtime;
    let mut members = Vec::new();
    let mut harnesses = Vec::new();
    for (index, lesson) in course.lessons.iter().enumerate() {
        let sides = [Side::Student, Side::Reference]
            .into_iter()
            .chain((0..lesson.mistakes.len()).map(Side::Mistake));
        if wanted.contains(&index) {
            let mut written = sides
                .map(|side| {
                    let deps = match side {
                        Side::Student => &student_deps,
                        _ => &reference_deps,
                    };
                    write_one(course, index, side, deps)
                })
                .collect::<Result<Vec<_>>>()?;
            let mistakes = written.split_off(2);
            let reference = written.pop();
            let student = written.pop();
            let (Some(student), Some(reference)) = (student, reference) else {
                bail!("lesson `{}` has no student or reference harness", lesson.id);
            };
            harnesses.push((
                index,
                LessonHarnesses {
                    student,
                    reference,
                    mistakes,
                },
            ));
        } else {
            for side in sides {
                let package = package_of(layout, lesson, side);
                let crate_dir = dir.join(&package);
                let deps = match side {
                    Side::Student => &student_deps,
                    _ => &reference_deps,
                };
                if crate_dir.join("src").join("main.rs").is_file() {
                    // Its manifest still is: cargo reads every member's, and one that
                    // names the runtime where a moved or copied workbook had it makes
                    // the whole workspace fail ("package collision in the lockfile").
                    write_manifest(&crate_dir, &package, lesson, deps)?;
                } else {
                    write_one(course, index, side, deps)?;
                }
            }
        }
        let sides = [Side::Student, Side::Reference]
            .into_iter()
            .chain((0..lesson.mistakes.len()).map(Side::Mistake));
        members.extend(sides.map(|side| package_of(layout, lesson, side)));
    }
    let manifest = format!(
        "# Generated by the cnnlings checker from lessons/*.toml. Do not edit.\n\
         [workspace]\nresolver = \"3\"\nmembers = {members:?}\n\n\
         [profile.dev]\n# Line tables let a panic name the student's line; nothing more is needed.\n\
         debug = \"line-tables-only\"\n\n{DEPENDENCY_PROFILES}{OPTIMISED_PROFILE}"
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    // Start from the workbook's lock file so the harness uses the very versions the
    // exercises were built with, and needs no download.
    let lock = dir.join("Cargo.lock");
    let workbook_lock = layout.root.join("Cargo.lock");
    if !lock.exists() && workbook_lock.exists() {
        fs::copy(&workbook_lock, &lock)
            .with_context(|| format!("cannot copy {}", workbook_lock.display()))?;
    }
    Ok(harnesses)
}

/// The package name of a lesson's harness on a side, in this layout (a student's
/// package carries the layout's suffix).
fn package_of(layout: &Layout, lesson: &Lesson, side: Side) -> String {
    let mut package = package_name(lesson, side);
    if side == Side::Student {
        package.push_str(layout.student_package_suffix());
    }
    package
}

/// How the harnesses' dependencies are built, the same in checks and grading so both
/// share them. Without debug information (nobody steps through them); ndarray and the
/// runtime optimised: what is not generic in them (shapes, strides, iterators, reading
/// and writing values) runs in every test, and ran unoptimised the digits lesson took
/// 2.3 s instead of 1.6 and a student's training 19 s instead of 11, for ~4 CPU-s
/// more on the first build.
pub(super) const DEPENDENCY_PROFILES: &str = "[profile.dev.package.\"*\"]\ndebug = false\n\n\
     [profile.dev.package.ndarray]\nopt-level = 3\n\n\
     [profile.dev.package.cnnlings-runtime]\nopt-level = 3\n";

/// The cargo profile of the harnesses of the lessons built optimised (`profile =
/// "release"`, the trainings), built into `optimised/` of the target folder. Their
/// own code as the dev profile's, with its overflow checks, debug assertions and line
/// tables (an overflow still panics at the student's line) and incremental (a rebuild
/// after an edit stays ~0.2 s of CPU), only optimised. Their dependencies (ndarray, the
/// runtime) built a second time, once per workbook, without debug assertions: with
/// them, ndarray checks every index of an index loop twice, and a student's training
/// took 10.0 s of CPU against 4.5 (`checker/scripts/measure-train.sh` says more). The
/// lessons built in the dev profile keep ndarray's detailed out-of-bounds message
/// (`index [3, 0] is out of bounds for array of shape [3, 4]`); the optimised ones say
/// only `ndarray: index out of bounds`, and the report explains both.
pub(super) const OPTIMISED_PROFILE: &str = "\n[profile.optimised]\ninherits = \"dev\"\nopt-level = 3\n\n\
     [profile.optimised.package.\"*\"]\ndebug-assertions = false\noverflow-checks = false\n";

/// The cargo profile a lesson's harnesses are built in: `--profile` of its cargo calls.
pub fn cargo_profile(profile: crate::lesson::Profile) -> &'static str {
    match profile {
        crate::lesson::Profile::Debug => "dev",
        crate::lesson::Profile::Release => "optimised",
    }
}

/// The folder of the target folder that the lesson's harnesses are built into.
pub fn profile_dir(profile: crate::lesson::Profile) -> &'static str {
    match profile {
        crate::lesson::Profile::Debug => "debug",
        crate::lesson::Profile::Release => "optimised",
    }
}

fn write_one(course: &Course, index: usize, side: Side, deps: &str) -> Result<Harness> {
    let layout = &course.layout;
    let lesson = &course.lessons[index];
    let package = package_of(layout, lesson, side);
    let dir = workspace_dir(layout).join(&package);
    // A known mistake written as edits: its module, edited, before it is mounted.
    let unapplied = match side {
        Side::Mistake(i) => write_edited_module(layout, lesson, i)?.map(Box::new),
        _ => None,
    };
    let (mounted, problem) = mount(course, index, side);
    let harness = write_crate(&dir, package, lesson, mounted, problem, deps)?;
    Ok(Harness {
        unapplied,
        ..harness
    })
}

/// Where the module of a known mistake written as edits is written: in its harness crate,
/// beside `main.rs`.
fn edited_module(layout: &Layout, lesson: &Lesson, mistake: usize) -> PathBuf {
    workspace_dir(layout)
        .join(package_of(layout, lesson, Side::Mistake(mistake)))
        .join("src")
        .join(format!("{}.rs", lesson.module))
}

/// Writes the module of the lesson's known mistake `mistake` if it is written as edits:
/// the reference with the edits applied, or, when one no longer applies (the reference
/// changed), the reference as it is, and that edit's error.
fn write_edited_module(
    layout: &Layout,
    lesson: &Lesson,
    mistake: usize,
) -> Result<Option<EditError>> {
    let MistakeCode::Edits(edits) = &lesson.mistakes[mistake].code else {
        return Ok(None);
    };
    let reference = layout.solution(&lesson.module);
    write_edited(&reference, edits, &edited_module(layout, lesson, mistake))
}

/// Writes `module` with `edits` applied to `to` (if it changed), for a harness to mount
/// in its place: any edited copy of a module (a known mistake, a generated mutant). When
/// an edit does not apply, `to` is the module unchanged, so the harness still builds,
/// and the error says which edit and why.
pub fn write_edited(module: &Path, edits: &[edit::Edit], to: &Path) -> Result<Option<EditError>> {
    let text =
        fs::read_to_string(module).with_context(|| format!("cannot read {}", module.display()))?;
    let (edited, unapplied) = match edit::apply(&text, edits) {
        Ok(edited) => (edited, None),
        Err(error) => (text, Some(error)),
    };
    write_if_changed(to, &edited)?;
    Ok(unapplied)
}

/// Writes one harness crate in `dir` that mounts `mounted`.
fn write_crate(
    dir: &Path,
    package: String,
    lesson: &Lesson,
    mounted: Vec<Mounted>,
    problem: Option<ModuleProblem>,
    deps: &str,
) -> Result<Harness> {
    write_manifest(dir, &package, lesson, deps)?;
    let (main, (entry_lines, snippet_starts)) = main_rs(lesson, &mounted);
    let main_rs = dir.join("src").join("main.rs");
    write_if_changed(&main_rs, &main)?;
    Ok(Harness {
        package,
        module_files: mounted.iter().map(|m| m.file.clone()).collect(),
        helper_files: lesson.helpers.iter().map(|h| h.path.clone()).collect(),
        problem,
        main_rs,
        entry_lines,
        snippet_starts,
        unapplied: None,
    })
}

/// Writes the manifest of the harness crate `package` in `dir`, if it changed.
pub(super) fn write_manifest(dir: &Path, package: &str, lesson: &Lesson, deps: &str) -> Result<()> {
    let manifest = format!(
        "# Generated by the cnnlings checker for lesson `{}`. Do not edit.\n\
         [package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n{deps}",
        lesson.id
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)
}

/// A student harness that grading asks for: its package name, its lesson, and the
/// module files it mounts (private copies of the student's files, each named
/// `<module>.rs`, the lesson's own first).
pub struct GradeCrate<'a> {
    pub package: String,
    pub lesson: &'a Lesson,
    pub module_files: Vec<PathBuf>,
}

/// Grading only: writes student harnesses in a workspace of grade's own at `dir`, which
/// builds into the same target folder as the checks (so the dependencies are shared)
/// but never incrementally: each crate is built once and its next build is another
/// student's. The harness runtime is the workbook's runtime crate, as for checks:
/// compiled once for every harness.
pub fn write_grade_workspace(
    layout: &Layout,
    dir: &Path,
    crates: Vec<GradeCrate>,
) -> Result<Vec<Harness>> {
    let deps = dependencies(&layout.root, "exercises")? + &runtime_dependency(layout)?;
    let members: Vec<String> = crates.iter().map(|c| c.package.clone()).collect();
    let manifest = format!(
        "# Generated by the cnnlings checker for grading. Do not edit.\n\
         [workspace]\nresolver = \"3\"\nmembers = {members:?}\n\n\
         [profile.dev]\ndebug = \"line-tables-only\"\nincremental = false\n\n\
         {DEPENDENCY_PROFILES}{OPTIMISED_PROFILE}"
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    let lock = dir.join("Cargo.lock");
    let workbook_lock = layout.root.join("Cargo.lock");
    if !lock.exists() && workbook_lock.exists() {
        fs::copy(&workbook_lock, &lock)
            .with_context(|| format!("cannot copy {}", workbook_lock.display()))?;
    }
    crates
        .into_iter()
        .map(|c| {
            let mounted = c
                .module_files
                .into_iter()
                .map(|file| Mounted {
                    module: file
                        .file_stem()
                        .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
                    file,
                    lesson: None,
                    items: Vec::new(),
                })
                .collect();
            let crate_dir = dir.join(&c.package);
            write_crate(&crate_dir, c.package, c.lesson, mounted, None, &deps)
        })
        .collect()
}

fn rust_type(ty: &crate::lesson::types::Type) -> String {
    ty.rust("ndarray::")
}

/// The lines of `main.rs` each entry occupies, and where each scenario's code starts.
pub(super) type Lines = (Vec<RangeInclusive<usize>>, Vec<Option<usize>>);

/// The generated `main.rs`, and where each entry stands in it.
fn main_rs(lesson: &Lesson, mounted: &[Mounted]) -> (String, Lines) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! Generated by the cnnlings checker for lesson `{}`. Do not edit.",
        lesson.id
    );
    let _ = writeln!(out, "#![allow(warnings)]");
    for Mounted { module, file, .. } in mounted {
        let _ = writeln!(
            out,
            "#[path = {:?}]\nmod {module};",
            file.display().to_string()
        );
    }
    // The lesson's helpers, each a module of its name; not the student's files.
    for helper in &lesson.helpers {
        let _ = writeln!(
            out,
            "#[path = {:?}]\nmod {};",
            helper.path.display().to_string(),
            helper.name
        );
    }
    let _ = writeln!(out);
    let files: Vec<String> = mounted
        .iter()
        .map(|m| m.file.display().to_string())
        .collect();
    let _ = writeln!(out, "const STUDENT_FILES: &[&str] = &{files:?};\n");
    let lines = write_call(&mut out, lesson, "crate");
    let _ = writeln!(
        out,
        "fn main() {{\n    cnnlings_runtime::run(call, STUDENT_FILES);\n}}"
    );
    (out, lines)
}

/// Writes the harness's `fn call`, which runs an entry of `lesson` by its number, to
/// `out`; it finds the lesson's module and its helpers in the module `scope` (`crate`,
/// or `self` for a mutant's module of its own, see `mutant_crates`), which the
/// scenarios' own `crate::<module>::` paths are made to name too.
pub(super) fn write_call(out: &mut String, lesson: &Lesson, scope: &str) -> Lines {
    // A mutant's `call` is its module's, called from the crate's root.
    if scope != "crate" {
        out.push_str("pub(crate) ");
    }
    let _ = writeln!(
        out,
        "fn call(__entry: usize, __args: &mut cnnlings_runtime::Args) -> Result<cnnlings_runtime::Value, String> {{\n    \
         use cnnlings_runtime::IntoWire as _;\n    match __entry {{"
    );
    let mut entry_lines = Vec::new();
    let mut snippet_starts = Vec::new();
    for (i, entry) in lesson.entries.iter().enumerate() {
        let mut snippet_start = None;
        let first = out.lines().count() + 1;
        let _ = writeln!(out, "        {i} => {{");
        let returns = rust_type(&entry.returns);
        // The output: what it returns, then each `&mut` parameter after the call (see
        // `lesson::types::output_of`), one part alone as itself.
        let mut outputs = Vec::new();
        match &entry.kind {
            EntryKind::Call(f) => {
                let function = &lesson.functions[*f];
                let mut call_args = Vec::new();
                if !entry.returns.is_unit() {
                    outputs.push("__out.into_wire()".to_string());
                }
                for (j, (ty, mode)) in entry.params.iter().zip(&entry.modes).enumerate() {
                    let binding = match mode {
                        Mode::Mut => "mut ",
                        _ => "",
                    };
                    let _ = writeln!(
                        out,
                        "            let {binding}__arg{j}: {} = __args.take()?;",
                        rust_type(ty)
                    );
                    call_args.push(match mode {
                        Mode::Value => format!("__arg{j}"),
                        Mode::Ref => format!("&__arg{j}"),
                        Mode::Mut => {
                            outputs.push(format!("__arg{j}.into_wire()"));
                            format!("&mut __arg{j}")
                        }
                    });
                }
                let _ = writeln!(
                    out,
                    "            let __out: {returns} = {scope}::{}::{}({});",
                    lesson.module,
                    function.name,
                    call_args.join(", ")
                );
            }
            EntryKind::Snippet { code, inputs } => {
                let _ = writeln!(
                    out,
                    "            #[allow(unused_imports)]\n            use {scope}::{}::*;",
                    lesson.module
                );
                let _ = writeln!(
                    out,
                    "            #[allow(unused_imports)]\n            use ndarray::prelude::*;"
                );
                for helper in &lesson.helpers {
                    let _ = writeln!(
                        out,
                        "            #[allow(unused_imports)]\n            use {scope}::{}::*;",
                        helper.name
                    );
                }
                // Inputs are the scenario's own: its code may change them.
                for (name, ty) in inputs.iter().zip(&entry.params) {
                    let _ = writeln!(
                        out,
                        "            let mut {name}: {} = __args.take()?;",
                        rust_type(ty)
                    );
                }
                outputs.push("__out.into_wire()".to_string());
                let _ = writeln!(out, "            let __out: {returns} = {{");
                snippet_start = Some(out.lines().count() + 1);
                let code = in_scope(code, lesson, scope);
                for line in code.lines() {
                    let _ = writeln!(out, "{:SNIPPET_INDENT$}{line}", "");
                }
                let _ = writeln!(out, "            }};");
            }
        }
        let output = match &outputs[..] {
            [one] => one.clone(),
            parts => format!("cnnlings_runtime::Value::Tuple(vec![{}])", parts.join(", ")),
        };
        let _ = writeln!(out, "            Ok({output})\n        }}");
        entry_lines.push(first..=out.lines().count());
        snippet_starts.push(snippet_start);
    }
    let _ = writeln!(
        out,
        "        _ => Err(format!(\"no entry {{__entry}}\")),\n    }}\n}}\n"
    );
    (entry_lines, snippet_starts)
}

/// `code` with its `crate::<name>::` paths to the lesson's module and helpers naming
/// them in `scope` instead (unchanged when `scope` is `crate`).
pub(super) fn in_scope(code: &str, lesson: &Lesson, scope: &str) -> String {
    let mut code = code.to_string();
    if scope != "crate" {
        let names = std::iter::once(&lesson.module).chain(lesson.helpers.iter().map(|h| &h.name));
        for name in names {
            code = code.replace(&format!("crate::{name}::"), &format!("{scope}::{name}::"));
        }
    }
    code
}

/// The `[dependencies]` of `crate_dir/Cargo.toml`, made to work from the harness:
/// `workspace = true` entries are resolved from the workbook's manifest, paths made absolute.
pub(super) fn dependencies(root: &Path, crate_dir: &str) -> Result<String> {
    let read = |path: &Path| -> Result<toml::Table> {
        let text =
            fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        toml::from_str(&text)
            .with_context(|| format!("{} is not a valid Cargo.toml", path.display()))
    };
    let manifest_dir = root.join(crate_dir);
    let manifest = read(&manifest_dir.join("Cargo.toml"))?;
    let workspace = read(&root.join("Cargo.toml")).ok();
    let workspace_deps = workspace
        .as_ref()
        .and_then(|w| w.get("workspace")?.get("dependencies")?.as_table().cloned())
        .unwrap_or_default();
    let deps = manifest
        .get("dependencies")
        .and_then(|d| d.as_table())
        .cloned()
        .unwrap_or_default();
    if !deps.contains_key("ndarray") {
        bail!(
            "{crate_dir}/Cargo.toml must depend on ndarray: the harness passes arrays as ndarray types"
        );
    }
    let mut out = String::new();
    for (name, spec) in deps {
        let from_workspace = spec.get("workspace").and_then(|w| w.as_bool()) == Some(true);
        let mut spec = match spec {
            toml::Value::Table(t) if from_workspace => {
                let mut resolved = match workspace_deps.get(&name) {
                    Some(toml::Value::String(version)) => toml::Table::from_iter([(
                        "version".to_string(),
                        toml::Value::String(version.clone()),
                    )]),
                    Some(toml::Value::Table(t)) => t.clone(),
                    _ => bail!(
                        "{crate_dir}/Cargo.toml: `{name}` comes from the workspace, which does not declare it"
                    ),
                };
                for (key, value) in t.into_iter().filter(|(k, _)| k != "workspace") {
                    resolved.insert(key, value);
                }
                resolved
            }
            toml::Value::Table(t) => t,
            other => toml::Table::from_iter([("version".to_string(), other)]),
        };
        if let Some(toml::Value::String(path)) = spec.get("path") {
            // Paths in `[workspace.dependencies]` are relative to the workspace root.
            let base = if from_workspace {
                root
            } else {
                manifest_dir.as_path()
            };
            let absolute = base.join(path).display().to_string();
            spec.insert("path".to_string(), toml::Value::String(absolute));
        }
        // One inline table per line, so the entries stay under `[dependencies]`.
        let _ = writeln!(
            out,
            "{} = {}",
            toml::Value::String(name),
            toml::Value::Table(spec)
        );
    }
    Ok(out)
}
