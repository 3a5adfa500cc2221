//! The real lessons: every reference passes every hidden test, every stub fails, every
//! known mistake (edits of the reference in the lesson files, through `dev check`) fails
//! and is recognised, and
//! every correct variant (checker/tests/variants) is accepted.

use crate::support::{Workbook, assert_status, repo_root, serial, stdout};
use std::path::PathBuf;

/// Run on a workbook whose exercises are all solved: the stubs `dev check` proves
/// unsolved are the pristine ones of `lessons/stubs/`, whatever the student has written.
#[test]
fn dev_check_proves_every_lesson_sound() {
    let _serial = serial();
    let wb = solved_workbook();
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("lessons are sound"), "{out}");
    let lessons = course_ids();
    assert!(
        out.contains(&format!("All {} lessons are sound", lessons.len())),
        "{out}"
    );
    for lesson in &lessons {
        assert!(
            out.contains(&format!("✓ {lesson}: the reference passes")),
            "{out}"
        );
        assert!(
            out.contains(&format!("✓ {lesson}: the stub fails")),
            "{out}"
        );
    }
}

/// The ids of the course's lessons, from its lesson files: the course an instructor has
/// made, however many lessons it has now.
fn course_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(repo_root().join("lessons")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "toml") {
            let lesson: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            ids.push(lesson["id"].as_str().unwrap().to_string());
        }
    }
    assert!(!ids.is_empty(), "no lessons");
    ids
}

/// The files of `checker/tests/<kind>/<module>/`, by module.
fn collection(kind: &str) -> Vec<(String, PathBuf)> {
    let dir = repo_root().join("checker").join("tests").join(kind);
    let mut files = Vec::new();
    for module in std::fs::read_dir(&dir).unwrap() {
        let module = module.unwrap();
        for file in std::fs::read_dir(module.path()).unwrap() {
            files.push((
                module.file_name().to_string_lossy().into_owned(),
                file.unwrap().path(),
            ));
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no files in {}", dir.display());
    files
}

/// A real workbook where every exercise is solved, so that a lesson's `uses` are sound.
fn solved_workbook() -> Workbook {
    let wb = Workbook::real();
    wb.install("solutions/src");
    wb
}

/// Puts each file in place of its module and checks the lesson of that module.
fn check_each(kind: &str, expected_status: i32) {
    let _serial = serial();
    let wb = solved_workbook();
    let mut wrong = Vec::new();
    for (module, file) in collection(kind) {
        let solution = wb.read(&format!("solutions/src/{module}.rs"));
        std::fs::copy(&file, wb.exercise(&module)).unwrap();
        let (output, _) = wb.run(&["check", &module]);
        if output.status.code() != Some(expected_status) {
            wrong.push(format!(
                "{}: exit {:?}\n{}",
                file.display(),
                output.status.code(),
                stdout(&output)
            ));
        }
        wb.write(&format!("exercises/src/{module}.rs"), &solution);
    }
    assert!(
        wrong.is_empty(),
        "{} of them were judged wrongly:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_correct_variant_passes_its_lesson() {
    check_each("variants", 0);
}

#[test]
fn dev_check_proves_the_pristine_stubs_unsolved_in_a_solved_workbook() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.install("solutions/src");
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("✓ scale: the stub fails every test"), "{out}");
    assert!(out.contains("✓ grid: the stub fails every test"), "{out}");
}

#[test]
fn dev_check_names_a_missing_stub() {
    let _serial = serial();
    let wb = Workbook::fixture();
    std::fs::remove_file(wb.path().join("lessons/stubs/grid.rs")).unwrap();
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("✗ grid: the stub lessons/stubs/grid.rs cannot be built"),
        "{out}"
    );
}
