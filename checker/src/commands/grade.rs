//! `grade`: every lesson's hidden tests with points, as a table, JSON, JUnit or
//! Gradescope; with `--class`, a whole class into a gradebook.

use crate::app::App;
use crate::cli::GradeFormat;
use crate::exit::Exit;
use crate::grade::pipeline::{self, Submission};
use crate::grade::{self, Grades, class};
use crate::lang::say;
use anyhow::{Context as _, Result};
use std::path::Path;

/// Grades one submission: the workbook's `exercises/`, or `exercises` (a crate folder
/// holding `src/`, a whole workbook, or a folder of loose module files).
pub(crate) fn grade(
    app: &mut App,
    format: GradeFormat,
    output: Option<&Path>,
    exercises: Option<&Path>,
) -> Result<Exit> {
    let layout = &app.course.layout;
    let files = pipeline::module_files(&app.course.lessons);
    let submission = match exercises {
        None => Submission::find(
            String::new(),
            layout.exercises.clone(),
            &layout.exercises,
            &layout.show(&layout.exercises),
            &files,
        ),
        Some(dir) => {
            // Relative to the current folder, like every path on the command line.
            let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
            let shown = layout.show(&dir);
            // A mistyped folder is the grader's slip; but Gradescope must always have
            // a result, and its folder is the student's upload: nothing uploaded is a 0.
            if !dir.is_dir() && format != GradeFormat::Gradescope {
                eprintln!("{}", app.ui.fit(&app.ui.msg().no_exercises_folder(&shown)));
                return Ok(Exit::Usage);
            }
            Submission::find(String::new(), dir.clone(), &dir, &shown, &files)
        }
    };
    let references = match pipeline::proven_references(&app.checker())? {
        Ok(references) => references,
        Err(broken) => return refuse_to_grade(app, &broken, format, output),
    };
    let mut graded: Option<Grades> = None;
    pipeline::grade_submissions(
        &app.checker(),
        &references,
        &[submission],
        &mut |_, grades| {
            graded = Some(grades.clone());
            Ok(())
        },
    )?;
    let grades = graded.context("no grades")?;
    let text = match format {
        GradeFormat::Text => grade::formats::text(&grades, app.ui.lang),
        GradeFormat::Json => grade::formats::json(&grades),
        GradeFormat::Junit => grade::formats::junit(&grades),
        GradeFormat::Gradescope => grade::formats::gradescope(&grades, app.ui.lang),
    };
    write_or_print(output, &text)?;
    Ok(if grades.passed {
        Exit::Passed
    } else {
        Exit::Failed
    })
}

/// A lesson's reference fails its own tests: nothing is graded (a correct submission
/// would lose points), the instructor reads why, and the status is 2. Gradescope still
/// gets a `results.json`, which says the autograder is broken.
fn refuse_to_grade(
    app: &App,
    broken: &grade::proof::Broken,
    format: GradeFormat,
    output: Option<&Path>,
) -> Result<Exit> {
    eprint!("{}", broken.text);
    if format == GradeFormat::Gradescope {
        let results =
            grade::formats::gradescope_broken(&app.ui.msg().gradescope_broken(), &broken.text);
        write_or_print(output, &results)?;
    }
    Ok(Exit::Usage)
}

/// Grades every submission in `dir` into a gradebook and one JSON per student.
pub(crate) fn grade_class(app: &mut App, dir: &Path, output: Option<&Path>) -> Result<Exit> {
    // A mistyped folder is the instructor's slip, not the checker's failure.
    if !dir.is_dir() {
        eprintln!(
            "{}",
            say!(app.ui.lang,
                ja: format!("{} というフォルダはありません。", dir.display()),
                en: format!("There is no folder {}.", dir.display()),
            )
        );
        return Ok(Exit::Usage);
    }
    let submissions = class::submissions(dir, &pipeline::module_files(&app.course.lessons))?;
    if submissions.is_empty() {
        eprintln!(
            "{}",
            say!(app.ui.lang,
                ja: format!("{} に提出物のフォルダがありません。", dir.display()),
                en: format!("{} holds no submission folders.", dir.display()),
            )
        );
        return Ok(Exit::Usage);
    }
    let references = match pipeline::proven_references(&app.checker())? {
        Ok(references) => references,
        Err(broken) => return refuse_to_grade(app, &broken, GradeFormat::Text, None),
    };
    let out = output.unwrap_or(Path::new("grades"));
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let bar = crate::bar::Bar::new(submissions.len() as u64);
    let mut rows: Vec<(String, Grades)> = Vec::new();
    pipeline::grade_submissions(
        &app.checker(),
        &references,
        &submissions,
        &mut |submission, grades| {
            let file = out.join(format!("{}.json", submission.id));
            std::fs::write(&file, class::student_json(&submission.id, grades))
                .with_context(|| format!("cannot write {}", file.display()))?;
            rows.push((submission.id.clone(), grades.clone()));
            bar.set_message(submission.id.clone());
            bar.inc(1);
            Ok(())
        },
    )?;
    bar.finish_and_clear();
    let book = out.join("gradebook.csv");
    std::fs::write(&book, class::gradebook(&app.course.lessons, &rows))
        .with_context(|| format!("cannot write {}", book.display()))?;
    let noted = rows
        .iter()
        .filter(|(_, g)| g.lessons.iter().any(|l| !l.note.is_empty()))
        .count();
    let shown = book.display();
    let done = say!(app.ui.lang,
        ja: format!("{} 人分の提出物を採点し、{shown} に書きました（学生ごとの JSON も同じフォルダにあります）。{noted} 人分に注記があります。", rows.len()),
        en: format!("Graded {} submissions into {shown} (one JSON per student beside it); {noted} have a note to read.", rows.len()),
    );
    println!("{}", app.ui.fit(&done));
    Ok(Exit::Passed)
}

/// Writes `text` to `output`, or prints it.
fn write_or_print(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
