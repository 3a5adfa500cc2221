//! The course: the workbook's folders and every lesson in order, validated together.

use crate::lesson::{self, Lesson, LessonError};
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;
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

    /// The reference of a module.
    pub fn solution(&self, module: &str) -> PathBuf {
        self.root
            .join("solutions")
            .join("src")
            .join(format!("{module}.rs"))
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
    pub lessons: Vec<Lesson>,
}

/// Every problem found in the lesson files, rendered for a person.
#[derive(Debug)]
pub struct CourseErrors {
    pub rendered: String,
    pub count: usize,
}

impl Course {
    /// Reads and validates every lesson; all problems are reported at once.
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
                    report.plain(&format!("cannot read {}: {e}", layout.show(&dir)));
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
            report.plain(&format!(
                "there are no lessons (*.toml files) in {}",
                layout.show(&dir)
            ));
        }
        let mut lessons: Vec<(PathBuf, String, Lesson)> = Vec::new();
        for path in files {
            let name = layout.show(&path);
            let source = match fs::read(&path).map(String::from_utf8) {
                Ok(Ok(source)) => source,
                Ok(Err(_)) => {
                    report.plain(&format!("{name}: the file is not UTF-8 text"));
                    continue;
                }
                Err(e) => {
                    report.plain(&format!("cannot read {name}: {e}"));
                    continue;
                }
            };
            match lesson::parse(&source) {
                Ok(lesson) => lessons.push((path, source, lesson)),
                Err(errors) => errors.iter().for_each(|e| report.lesson(&name, &source, e)),
            }
        }
        for (i, (path, source, lesson)) in lessons.iter().enumerate() {
            let name = layout.show(path);
            let mut error = |span: Option<&std::ops::Range<usize>>, message: String| {
                let error = LessonError {
                    span: span.cloned(),
                    message,
                };
                report.lesson(&name, source, &error)
            };
            if let Some((earlier, _, _)) = lessons[..i].iter().find(|(_, _, l)| l.id == lesson.id) {
                let message = format!(
                    "the id `{}` is already used by {}",
                    lesson.id,
                    layout.show(earlier)
                );
                error(Some(&lesson.spans.id), message);
            }
            // Only the reference must exist now: a student's missing file is reported
            // when that lesson is checked, and `dev check` looks for every stub.
            let modules = std::iter::once(&lesson.module).chain(&lesson.uses);
            for (module, span) in modules.zip(&lesson.spans.modules) {
                let file = layout.solution(module);
                if !file.is_file() {
                    error(
                        Some(span),
                        format!("the module `{module}` has no file {}", layout.show(&file)),
                    );
                }
            }
            for (mistake, span) in lesson.mistakes.iter().zip(&lesson.spans.mistakes) {
                let file = layout.mistake(&lesson.module, &mistake.file);
                if !file.is_file() {
                    error(
                        Some(span),
                        format!("the known mistake has no file {}", layout.show(&file)),
                    );
                }
            }
            // The student's file may be half-written; a function missing there is reported
            // when it is checked. The reference must have every function now.
            let reference = layout.solution(&lesson.module);
            if let Ok(text) = fs::read_to_string(&reference) {
                for (function, span) in lesson.functions.iter().zip(&lesson.spans.functions) {
                    if !defines_fn(&text, &function.name) {
                        let message = format!(
                            "{} has no function `{}`",
                            layout.show(&reference),
                            function.name
                        );
                        error(Some(span), message);
                    }
                }
            }
        }
        if report.count > 0 {
            return Err(report.finish());
        }
        Ok(Course {
            layout,
            lessons: lessons.into_iter().map(|(_, _, l)| l).collect(),
        })
    }

    pub fn find(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    /// The lesson ids closest to a mistyped one.
    pub fn suggest(&self, id: &str) -> Option<&str> {
        self.lessons
            .iter()
            .map(|l| (strsim::jaro_winkler(id, &l.id), l.id.as_str()))
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    }
}

/// Whether Rust source text defines a function of this name (a textual look, not a parse).
fn defines_fn(text: &str, name: &str) -> bool {
    text.match_indices(&format!("fn {name}")).any(|(at, m)| {
        let next = text[at + m.len()..].chars().next();
        !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[derive(Default)]
struct Reporter {
    out: String,
    count: usize,
}

impl Reporter {
    fn plain(&mut self, message: &str) {
        self.count += 1;
        self.out.push_str(&format!("error: {message}\n"));
    }

    fn lesson(&mut self, name: &str, source: &str, error: &LessonError) {
        self.count += 1;
        let file = SimpleFile::new(name, source);
        let diagnostic = match &error.span {
            // The label's header names the file, line and column, as rustc does.
            Some(span) => Diagnostic::error()
                .with_message(&error.message)
                .with_labels(vec![Label::primary((), span.clone())]),
            None => Diagnostic::error().with_message(format!("{name}: {}", error.message)),
        };
        let config = term::Config {
            display_style: term::DisplayStyle::Rich,
            ..Default::default()
        };
        match term::emit_into_string(&config, &file, &diagnostic) {
            Ok(text) => self.out.push_str(&text),
            Err(_) => self
                .out
                .push_str(&format!("error: {name}: {}\n", error.message)),
        }
    }

    fn finish(self) -> CourseErrors {
        CourseErrors {
            rendered: self.out,
            count: self.count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_function_definitions_by_whole_name() {
        assert!(defines_fn("pub fn conv2d(a: &A) -> B {}", "conv2d"));
        assert!(!defines_fn("pub fn conv2d_slow(a: &A) -> B {}", "conv2d"));
        assert!(!defines_fn("// conv2d", "conv2d"));
    }
}
