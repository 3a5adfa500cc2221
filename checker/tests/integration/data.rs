//! Data sets, bounds, relative tolerances and optimised builds, through the fixture
//! lesson `digits` (`tests/fixtures/data/`, laid over the fixture course).

use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, repo_root, serial, stderr, stdout};
use std::path::Path;

/// The fixture course with the lesson `digits` and the repository's digits.
pub(crate) fn digits() -> Workbook {
    let wb = Workbook::fixture();
    let overlay = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
    lay_over(&overlay, &overlay, &wb);
    let data = std::fs::read(repo_root().join("data/digits.csv.gz")).unwrap();
    std::fs::create_dir_all(wb.path().join("data")).unwrap();
    std::fs::write(wb.path().join("data/digits.csv.gz"), data).unwrap();
    wb
}

pub(crate) fn lay_over(root: &Path, dir: &Path, wb: &Workbook) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if path.is_dir() {
            lay_over(root, &path, wb);
        } else if relative != "README.md" {
            wb.write(&relative, &std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The lesson `digits` with one edit.
pub(crate) fn edited(edit: impl Fn(&str) -> String) -> Workbook {
    let wb = digits();
    let lesson = wb.read("lessons/03-digits.toml");
    let changed = edit(&lesson);
    assert_ne!(changed, lesson, "the edit must change the lesson");
    wb.write("lessons/03-digits.toml", &changed);
    wb
}

#[test]
fn dev_check_proves_the_data_lesson_sound() {
    let _serial = serial();
    let wb = digits();
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(!out.contains('✗'), "{out}");
    // Only the lesson that asks for it is built optimised, in a profile of its own.
    for package in [
        "digits-student-as-reference",
        "digits-reference",
        "digits-mistake-no_half",
    ] {
        assert_eq!(built_in(&wb, package), "optimised", "{package}");
    }
    assert_eq!(built_in(&wb, "scale-reference"), "debug");
}

/// The folder of the harness target folder that `package`'s last build went to (its
/// profile's): from the note the checker keeps of the executable it built.
pub(crate) fn built_in(wb: &Workbook, package: &str) -> String {
    let stamp = wb.harness_target().join("cnnlings-stamps").join(package);
    let text = std::fs::read_to_string(&stamp).unwrap_or_else(|e| panic!("{package}: {e}"));
    let executable = Path::new(text.lines().nth(1).unwrap());
    let relative = executable.strip_prefix(wb.harness_target()).unwrap();
    let profile = relative.components().next().unwrap();
    profile.as_os_str().to_string_lossy().into_owned()
}

#[test]
fn an_accuracy_short_of_its_bound_says_what_was_required() {
    let _serial = serial();
    let wb = digits();
    std::fs::copy(
        wb.path().join("solutions/mistakes/digits/farthest.rs"),
        wb.exercise("digits"),
    )
    .unwrap();
    let (output, _) = wb.run(&["check", "digits"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("The result is 0, short of the 0.88 this test requires."),
        "{out}"
    );
    assert!(out.contains("You pick the farthest mean."), "{out}");
    let (output, _) = wb.run(&["check", "digits", "--lang", "ja"]);
    let out = stdout(&output);
    assert!(
        out.contains("結果は 0 で、基準の 0.88 に届きません。"),
        "{out}"
    );
}

#[test]
fn a_short_accuracy_reads_well_in_both_languages() {
    let _serial = serial();
    let wb = digits();
    std::fs::copy(
        wb.path().join("solutions/mistakes/digits/farthest.rs"),
        wb.exercise("digits"),
    )
    .unwrap();
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "data_short_accuracy_en",
            wb.checker(&["check", "digits", "--lang", "en"])
        );
        assert_cmd_snapshot!(
            "data_short_accuracy_ja",
            wb.checker(&["check", "digits", "--lang", "ja"])
        );
    });
}

#[test]
fn a_changed_data_file_is_refused_in_both_languages() {
    let _serial = serial();
    let wb = digits();
    // One byte more at the end of the file: its sum changes.
    let mut data = std::fs::read(wb.path().join("data/digits.csv.gz")).unwrap();
    data.push(0);
    std::fs::write(wb.path().join("data/digits.csv.gz"), data).unwrap();
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "data_changed_file_en",
            wb.checker(&["dev", "check", "--lang", "en"])
        );
        assert_cmd_snapshot!(
            "data_changed_file_ja",
            wb.checker(&["dev", "check", "--lang", "ja"])
        );
    });
}

/// Grading builds the release lesson optimised in its own workspace, and judges bounds.
#[test]
fn grading_judges_the_bound_and_builds_the_release_lesson_optimised() {
    let _serial = serial();
    let wb = digits();
    std::fs::copy(
        wb.path().join("solutions/mistakes/digits/farthest.rs"),
        wb.exercise("digits"),
    )
    .unwrap();
    for name in ["grid", "scale"] {
        std::fs::copy(
            wb.path().join(format!("solutions/src/{name}.rs")),
            wb.exercise(name),
        )
        .unwrap();
    }
    let (output, _) = wb.run(&["grade", "--format", "json"]);
    // Not full marks.
    assert_status(&output, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let digits = report["lessons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "digits")
        .unwrap();
    let tests = digits["tests"].as_array().unwrap();
    let accuracy = tests
        .iter()
        .find(|t| t["name"] == "at least 88% right on the 360 test images")
        .unwrap();
    assert_eq!(accuracy["passed"], false, "{accuracy}");
    assert!(
        accuracy["output"]
            .as_str()
            .unwrap()
            .contains("short of the 0.88 this test requires"),
        "{accuracy}"
    );
    let passed = tests.iter().filter(|t| t["passed"] == true).count();
    assert_eq!(passed, tests.len() - 1, "only the accuracy fails: {digits}");
    assert_eq!(built_in(&wb, "grade-0-digits"), "optimised");
    assert_eq!(built_in(&wb, "grade-0-scale"), "debug");
}

#[test]
fn a_loss_and_gradient_wrong_together_do_not_pass() {
    let _serial = serial();
    let wb = digits();
    std::fs::copy(
        wb.path().join("solutions/mistakes/digits/no_half.rs"),
        wb.exercise("digits"),
    )
    .unwrap();
    let (output, _) = wb.run(&["check", "digits"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    // The gradient agrees with the student's own loss, but neither with the reference.
    assert!(out.contains("the loss"), "{out}");
    assert!(out.contains("0.001 × |expected| + 0.000001"), "{out}");
    assert!(
        !out.contains("the gradient agrees with differences"),
        "the finite-difference check passes: {out}"
    );
}

#[test]
fn a_solved_data_lesson_passes() {
    let _serial = serial();
    let wb = digits();
    std::fs::copy(
        wb.path().join("solutions/src/digits.rs"),
        wb.exercise("digits"),
    )
    .unwrap();
    let (output, _) = wb.run(&["check", "digits"]);
    assert_status(&output, 0);
}

/// Every bad value is refused when the lesson loads, at its line, in both languages.
#[test]
fn bad_data_bound_and_profile_values_are_lesson_errors() {
    let _serial = serial();
    let cases: [(&str, &str, &str, &str); 5] = [
        (
            "sha256 = \"09f66e",
            "sha256 = \"19f66e",
            "has sha256 09f66e6d",
            "sha256 は 09f66e6d",
        ),
        (
            "dataset = \"data/digits.csv.gz\", split = \"training\", rows = 40, columns = 64",
            "dataset = \"data/digts.csv.gz\", split = \"training\", rows = 40, columns = 64",
            "the data file `data/digts.csv.gz` is not in `[[datasets]]`",
            "データファイル `data/digts.csv.gz` は `[[datasets]]` にありません",
        ),
        (
            "at_least = 0.88",
            "at_least = inf",
            "the bound inf is not a number a result can reach",
            "基準 inf には結果が届きません",
        ),
        (
            "profile = \"release\"",
            "profile = \"fast\"",
            "`profile = \"fast\"` is not a build profile",
            "`profile = \"fast\"` というビルドの種類はありません",
        ),
        (
            "columns = \"0..64\", row_shape = [8, 8] },\n  { dataset = \"data/digits.csv.gz\", split = \"training\", rows = 40",
            "columns = \"0..65\", row_shape = [8, 8] },\n  { dataset = \"data/digits.csv.gz\", split = \"training\", rows = 40",
            "`row_shape` holds 64 values, but `columns` gives 65",
            "`row_shape` は 64 個の値ですが、`columns` は 65 列です",
        ),
    ];
    for (from, to, en, ja) in cases {
        let wb = edited(|l| l.replacen(from, to, 1));
        let (output, _) = wb.run(&["dev", "check"]);
        assert_status(&output, 2);
        let err = stderr(&output);
        assert!(err.contains(en), "{err}");
        assert!(err.contains("lessons/03-digits.toml:"), "a line: {err}");
        let (output, _) = wb.run(&["dev", "check", "--lang", "ja"]);
        let err = stderr(&output);
        assert!(err.contains(ja), "{err}");
    }
    // A column past the file's last is found once the file is read.
    let wb = edited(|l| l.replacen("rows = 40, columns = 64", "rows = 40, columns = 65", 1));
    let (output, _) = wb.run(&["dev", "check", "--lang", "ja"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("列 65 はありません"),
        "{}",
        stderr(&output)
    );
}

/// In a lesson built optimised, ndarray's out-of-bounds panic says neither the index nor
/// the shape: the report still names the student's line and explains the message.
#[test]
fn an_index_past_the_end_in_an_optimised_lesson_names_the_line_and_explains() {
    let _serial = serial();
    let wb = digits();
    wb.student("digits", "digits_past_the_end");
    let (output, _) = wb.run(&["check", "digits", "--lang", "en"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(out.contains("ndarray: index out of bounds"), "{out}");
    assert!(out.contains("exercises/src/digits.rs:37"), "{out}");
    assert!(out.contains("This lesson is built optimised"), "{out}");
    // Both failing tests name the student's line: the runtime symbolises the first panic
    // of every test's code (not only the first few of a run, which put the second test's
    // panic in ndarray's file).
    assert_eq!(
        out.matches("exercises/src/digits.rs:37").count(),
        2,
        "{out}"
    );
    let mut settings = wb.settings();
    settings.add_filter(r"/\S*/registry/src/[^/\s]+/", "[cargo registry]/");
    settings.bind(|| {
        assert_cmd_snapshot!(
            "data_index_past_the_end_en",
            wb.checker(&["check", "digits", "--lang", "en"])
        );
        assert_cmd_snapshot!(
            "data_index_past_the_end_ja",
            wb.checker(&["check", "digits", "--lang", "ja"])
        );
    });
}
