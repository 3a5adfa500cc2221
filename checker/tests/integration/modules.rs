//! A lesson builds on the student's earlier modules: which ones a harness mounts, what a
//! reference to a module it cannot mount says, and which lesson is blamed when an earlier
//! module makes a later lesson fail.

use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, serial, stdout};

/// The fixture course with the lesson grid declaring no `uses`: what it mounts comes
/// from what the files refer to.
fn undeclared() -> Workbook {
    let wb = Workbook::fixture();
    let lesson = wb.read("lessons/02-grid.toml");
    assert!(lesson.contains("uses = [\"scale\"]"));
    wb.write(
        "lessons/02-grid.toml",
        &lesson.replace("uses = [\"scale\"]", "uses = []"),
    );
    wb
}

#[test]
fn a_lesson_sees_the_earlier_modules_its_files_refer_to() {
    let _serial = serial();
    let wb = undeclared();
    // The reference (`use crate::scale::scale;`) and the student's grouped import both
    // build, each with its own side's scale.
    wb.student("scale", "scale_pass");
    wb.student("grid", "grid_grouped_use");
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 0);
    // The student's scale is theirs: a wrong one makes grid fail.
    wb.student("scale", "scale_wrong");
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 1);
}

#[test]
fn a_broken_module_the_lesson_does_not_use_never_blocks_it() {
    let _serial = serial();
    let wb = undeclared();
    wb.student("scale", "scale_compile_error");
    wb.student("grid", "grid_own_scale");
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 0);
}

#[test]
fn a_helper_module_of_the_students_own_is_mounted() {
    let _serial = serial();
    let wb = undeclared();
    wb.student("grid", "grid_helper");
    wb.settings()
        .bind(|| assert_cmd_snapshot!("module_unknown", wb.checker(&["check", "grid"])));
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "module_unknown_ja",
            wb.checker(&["check", "grid", "--lang", "ja"])
        )
    });
    wb.write(
        "exercises/src/helpers.rs",
        "use ndarray::Array1;\n\npub fn times(v: &Array1<f32>, k: f32) -> Array1<f32> {\n    v * k\n}\n",
    );
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 0);
}

#[test]
fn a_later_lessons_module_is_refused_with_a_reason() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_uses_grid");
    wb.settings()
        .bind(|| assert_cmd_snapshot!("module_later", wb.checker(&["check", "scale"])));
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "module_later_ja",
            wb.checker(&["check", "scale", "--lang", "ja"])
        )
    });
}

/// The fixture course with grid solved and scale as given.
fn grid_solved_with_scale(fixture: Option<&str>) -> Workbook {
    let wb = Workbook::fixture();
    wb.write("exercises/src/grid.rs", &wb.read("solutions/src/grid.rs"));
    if let Some(fixture) = fixture {
        wb.student("scale", fixture);
    }
    wb
}

#[test]
fn a_finished_lesson_on_a_stub_names_the_stub_lesson() {
    let _serial = serial();
    let wb = grid_solved_with_scale(None);
    wb.settings()
        .bind(|| assert_cmd_snapshot!("blame_not_written", wb.checker(&["check", "grid"])));
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "blame_not_written_ja",
            wb.checker(&["check", "grid", "--lang", "ja"])
        )
    });
    // `verify` does not check it before scale passes, and says so.
    let (output, _) = wb.run(&["verify"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("✗ grid     Row sums: waiting for lesson scale to pass (not checked yet)"),
        "{out}"
    );
}

#[test]
fn verify_does_not_run_a_lesson_on_an_earlier_module_that_loops() {
    let _serial = serial();
    let wb = grid_solved_with_scale(Some("scale_loop"));
    for (lang, scale, grid) in [
        (
            "en",
            "✗ scale",
            "✗ grid     Row sums: waiting for lesson scale to pass (not checked yet)",
        ),
        (
            "ja",
            "✗ scale",
            "レッスン scale の合格待ち（まだ確かめていません）",
        ),
    ] {
        let (output, _) = wb.run(&["--lang", lang, "verify"]);
        assert_status(&output, 1);
        let out = stdout(&output);
        assert!(out.contains(scale), "{out}");
        assert!(out.contains(grid), "{out}");
    }
}

#[test]
fn a_panic_in_an_earlier_lessons_file_names_that_lesson() {
    let _serial = serial();
    let wb = grid_solved_with_scale(Some("scale_panic"));
    wb.settings()
        .bind(|| assert_cmd_snapshot!("blame_panicked", wb.checker(&["check", "grid"])));
}

#[test]
fn a_compile_error_in_an_earlier_lessons_file_names_that_lesson() {
    let _serial = serial();
    let wb = grid_solved_with_scale(Some("scale_compile_error"));
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "blame_does_not_compile",
            wb.checker(&["check", "grid", "--lang", "ja"])
        )
    });
}

#[test]
fn wrong_outputs_over_a_failing_earlier_lesson_name_that_lesson() {
    let _serial = serial();
    let wb = grid_solved_with_scale(Some("scale_wrong"));
    wb.settings()
        .bind(|| assert_cmd_snapshot!("blame_fails_its_tests", wb.checker(&["check", "grid"])));
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "blame_fails_its_tests_ja",
            wb.checker(&["check", "grid", "--lang", "ja"])
        )
    });
}

#[test]
fn a_remembered_pass_of_an_earlier_lesson_counts_only_while_its_file_is_unchanged() {
    let _serial = serial();
    let wb = grid_solved_with_scale(Some("scale_pass"));
    assert_status(&wb.run(&["check", "scale"]).0, 0);
    wb.student("scale", "scale_wrong");
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("your code there does not pass lesson scale's tests now"),
        "{out}"
    );
}

#[test]
fn a_lessons_own_mistake_over_a_passing_earlier_lesson_blames_no_one() {
    let _serial = serial();
    let wb = grid_solved_with_scale(Some("scale_pass"));
    wb.student("grid", "grid_scenario_mismatch");
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 1);
    assert!(
        !stdout(&output).contains("uses your"),
        "{}",
        stdout(&output)
    );
    // A stub of its own is "not started", whatever the earlier lesson holds.
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("Not implemented yet") && !out.contains("uses your"),
        "{out}"
    );
}

#[test]
fn grading_mounts_the_earlier_modules_a_submission_refers_to() {
    let _serial = serial();
    let wb = undeclared();
    wb.student("scale", "scale_pass");
    wb.student("grid", "grid_grouped_use");
    let (output, _) = wb.run(&["grade", "--format", "json"]);
    assert_status(&output, 0);
    // A reference to a later lesson's module is explained there too.
    wb.student("scale", "scale_uses_grid");
    let (output, _) = wb.run(&["grade", "--format", "json"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(out.contains("which comes after lesson scale"), "{out}");
}

/// A panic inside an earlier lesson's module that passes its own tests comes from what
/// the later lesson gave it (dense handing dot a column for a row): the report sends
/// the student to their own call, not back to the earlier lesson, and verify does too.
#[test]
fn a_panic_in_a_passing_earlier_module_points_at_the_call() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.student("unit", "unit_loop")
        .student("dense", "dense_columns_into_dot");
    for lang in ["ja", "en"] {
        let output = wb
            .checker(&["--lang", lang, "check", "dense"])
            .env("COLUMNS", "80")
            .output()
            .unwrap();
        assert_status(&output, 1);
        let out = stdout(&output);
        let head: String = out.lines().take(8).collect::<Vec<_>>().join("\n");
        wb.settings()
            .bind(|| insta::assert_snapshot!(format!("blame_panicked_on_arguments_{lang}"), head));
    }
    let (output, _) = wb.run(&["verify"]);
    let out = stdout(&output);
    assert!(out.contains("✓ unit"), "{out}");
    assert!(!out.contains("lesson unit first"), "{out}");
}
