//! Scenario helpers shared by lessons (`lessons/helpers/`), through the fixture lessons
//! `total` and `peak` (`tests/fixtures/helpers/`, laid over the fixture course), which
//! share `lessons/helpers/grids.rs`.

use crate::data::lay_over;
use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, serial, stderr, stdout};
use std::path::Path;

/// The fixture course with the lessons `total` and `peak` and their helper.
fn helpers() -> Workbook {
    let wb = Workbook::fixture();
    let overlay = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/helpers");
    lay_over(&overlay, &overlay, &wb);
    wb
}

const HELPER: &str = "lessons/helpers/grids.rs";

#[test]
fn two_lessons_share_one_helper_built_on_each_side_s_modules() {
    let _serial = serial();
    let wb = helpers();
    let (output, _) = wb.run(&["dev", "check", "total", "peak"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(!out.contains('✗'), "{out}");
    // A student who solved every lesson passes both, the helper building the student's
    // own `Grid`.
    wb.install("solutions/src");
    for lesson in ["total", "peak"] {
        let (output, _) = wb.run(&["check", lesson]);
        assert_status(&output, 0);
        let main = wb.read(&format!(
            "target/cnnlings/harness/{lesson}-student/src/main.rs"
        ));
        let helper = wb.path().join(HELPER).display().to_string();
        let grid = wb.exercise("grid").display().to_string();
        assert!(
            main.contains(&format!("#[path = {helper:?}]\nmod grids;")),
            "{main}"
        );
        assert!(
            main.contains(&format!("#[path = {grid:?}]\nmod grid;")),
            "{main}"
        );
        // The helper is the instructor's: not among the student's files.
        let files = main
            .lines()
            .find(|l| l.starts_with("const STUDENT_FILES"))
            .unwrap_or_default();
        assert!(!files.contains("grids.rs"), "{files}");
        let reference = wb.read(&format!(
            "target/cnnlings/harness/{lesson}-reference/src/main.rs"
        ));
        let grid = wb
            .path()
            .join("solutions/src/grid.rs")
            .display()
            .to_string();
        assert!(
            reference.contains(&format!("#[path = {grid:?}]\nmod grid;")),
            "{reference}"
        );
    }
}

#[test]
fn a_helper_edited_makes_a_pass_stale() {
    let _serial = serial();
    let wb = helpers();
    wb.install("solutions/src");
    let (output, _) = wb.run(&["check", "total"]);
    assert_status(&output, 0);
    let state = |wb: &Workbook| {
        let (output, _) = wb.run(&["list", "--lang", "en"]);
        let out = stdout(&output);
        out.lines()
            .find(|l| l.contains("total"))
            .unwrap_or_default()
            .to_string()
    };
    let before = state(&wb);
    assert!(before.contains("done"), "{before}");
    // Only a comment changes: the lesson file and the student's files are as they were.
    let helper = wb.read(HELPER);
    wb.write(HELPER, &format!("{helper}// A comment.\n"));
    let after = state(&wb);
    assert_ne!(
        before, after,
        "the helper's text is part of the lesson's fingerprint"
    );
}

#[test]
fn a_helper_that_does_not_compile_is_shown_at_its_line() {
    let _serial = serial();
    let wb = helpers();
    let helper = wb.read(HELPER);
    wb.write(
        HELPER,
        &helper.replace("Grid { cells }", "Grid { cells, scale: 2.0 }"),
    );
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "helpers_broken_dev_check_en",
            wb.checker(&["dev", "check", "total", "--lang", "en"])
        );
        assert_cmd_snapshot!(
            "helpers_broken_dev_check_ja",
            wb.checker(&["dev", "check", "total", "--lang", "ja"])
        );
        // A student is told the lesson is broken, and where.
        assert_cmd_snapshot!(
            "helpers_broken_check_en",
            wb.checker(&["check", "peak", "--lang", "en"])
        );
        assert_cmd_snapshot!(
            "helpers_broken_check_ja",
            wb.checker(&["check", "peak", "--lang", "ja"])
        );
    });
}

#[test]
fn a_helper_that_does_not_fit_the_student_s_module_says_so() {
    let _serial = serial();
    let wb = helpers();
    wb.install("solutions/src");
    wb.student("grid", "grid_renamed_cells");
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "helpers_student_module_en",
            wb.checker(&["check", "total", "--lang", "en"])
        );
        assert_cmd_snapshot!(
            "helpers_student_module_ja",
            wb.checker(&["check", "total", "--lang", "ja"])
        );
    });
}

#[test]
fn helpers_are_checked_when_the_lessons_load() {
    let wb = helpers();
    // A helper with no file, one that uses a later lesson's module, one named after a
    // lesson's module.
    let total = wb.read("lessons/03-total.toml");
    wb.write(
        "lessons/03-total.toml",
        &total.replace(
            r#"helpers = ["grids"]"#,
            r#"helpers = ["grids", "missing", "scale"]"#,
        ),
    );
    let helper = wb.read(HELPER);
    wb.write(
        HELPER,
        &format!(
            "{helper}\npub fn later() -> f32 {{ crate::peak::peak(&Array2::zeros((1, 1))) }}\n"
        ),
    );
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "helpers_load_errors_en",
            wb.checker(&["dev", "check", "--lang", "en"])
        );
        assert_cmd_snapshot!(
            "helpers_load_errors_ja",
            wb.checker(&["dev", "check", "--lang", "ja"])
        );
    });
}

#[test]
fn grading_mounts_the_helpers_and_a_private_one_replaces_the_course_s() {
    let _serial = serial();
    let wb = helpers();
    let (output, _) = wb.run(&["grade", "--exercises", "solutions", "--format", "json"]);
    assert_status(&output, 0);
    let grades: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    for id in ["total", "peak"] {
        let lessons = grades["lessons"].as_array().unwrap();
        let lesson = lessons.iter().find(|l| l["id"] == id).unwrap();
        assert_eq!(lesson["score"], lesson["max_score"], "{id}: {grades}");
    }
    // A private helper (`grade --lessons DIR`, `DIR/helpers/grids.rs`) is the one graded
    // with: here one that does not compile, so grading proves both lessons broken, at
    // the private helper's line, and grades nothing.
    let helper = wb.read(HELPER);
    wb.write(
        "private/helpers/grids.rs",
        &helper.replace("Grid { cells }", "Grid { cells, scale: 2.0 }"),
    );
    let (output, _) = wb.run(&["grade", "--exercises", "solutions", "--lessons", "private"]);
    assert_status(&output, 2);
    let said = format!("{}{}", stdout(&output), stderr(&output));
    assert!(said.contains("┌─ private/helpers/grids.rs:8:19"), "{said}");
    assert!(!said.contains("lessons/helpers/grids.rs"), "{said}");
    assert_eq!(wb.read(HELPER), helper);
}
