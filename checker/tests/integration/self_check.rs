//! The real lessons: every reference passes every hidden test, every stub fails, every
//! known mistake (solutions/mistakes, through `dev check`) fails and is recognised, and
//! every correct variant (checker/tests/variants) is accepted.

use crate::support::{Workbook, assert_status, repo_root, serial, stdout};
use std::path::PathBuf;

#[test]
fn dev_check_proves_every_lesson_sound() {
    let _serial = serial();
    let wb = Workbook::real();
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("lessons are sound"), "{out}");
    for lesson in ["unit", "dense", "conv", "pool", "cnn"] {
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
    for entry in std::fs::read_dir(wb.path().join("solutions/src")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            wb.path().join("exercises/src").join(entry.file_name()),
        )
        .unwrap();
    }
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
