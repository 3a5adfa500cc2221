//! Mistakes in lesson files: one message each, with file:line:col, and exit status 2.

use crate::support::{Workbook, assert_status, serial, stderr, stdout};
use insta_cmd::assert_cmd_snapshot;

fn broken(edit: impl Fn(&str) -> String) -> Workbook {
    let wb = Workbook::fixture();
    let lesson = wb.read("lessons/01-scale.toml");
    let edited = edit(&lesson);
    assert_ne!(edited, lesson, "the edit must change the lesson");
    wb.write("lessons/01-scale.toml", &edited);
    wb
}

#[test]
fn a_misspelt_field_suggests_the_right_one() {
    let _serial = serial();
    let wb = broken(|l| l.replace("time_limit = 2.0", "time_limt = 2.0"));
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["next"])));
}

#[test]
fn a_ragged_matrix_is_an_error() {
    let _serial = serial();
    let wb = broken(|l| l.replace("args = [[1, -2], 3]", "args = [[[1, -2], [3]], 3]"));
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("lessons/01-scale.toml:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_call_of_an_undeclared_function_names_the_declared_ones() {
    let _serial = serial();
    let wb = broken(|l| {
        l.replace(
            "call = \"scale\"\nargs = [[1",
            "call = \"scael\"\nargs = [[1",
        )
    });
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["list"])));
}

#[test]
fn an_expected_value_of_the_wrong_type_is_an_error() {
    let _serial = serial();
    let wb = broken(|l| l.replace("expected = [3, -6]", "expected = [[3, -6]]"));
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("`expected` (Array1<f32>)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_duplicate_id_and_a_missing_module_are_both_reported() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    wb.write(
        "lessons/03-copy.toml",
        &grid.replace("module = \"grid\"", "module = \"gird\""),
    );
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["list"])));
}

#[test]
fn a_toml_syntax_error_points_at_the_line() {
    let _serial = serial();
    let wb = broken(|l| l.replace("points = 5", "points = = 5"));
    let (output, _) = wb.run(&["next"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("lessons/01-scale.toml:4:10"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_damaged_progress_file_is_reported_and_recovered_from() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.write(".cnnlings/progress.toml", "this is not toml [");
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
    assert!(
        stderr(&output).contains("progress starts afresh"),
        "{}",
        stderr(&output)
    );
    assert!(wb.path().join(".cnnlings/progress.toml.bak").exists());
}

#[test]
fn a_value_of_the_wrong_type_is_an_error() {
    let _serial = serial();
    let wb = broken(|l| l.replace("points = 5", "points = \"five\""));
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("lessons/01-scale.toml:4:"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("\"five\""), "{}", stderr(&output));
}

#[test]
fn a_missing_field_is_named() {
    let _serial = serial();
    let wb = broken(|l| l.replace("module = \"scale\"\n", ""));
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("missing field `module`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_text_missing_in_one_language_is_named() {
    let _serial = serial();
    let wb = broken(|l| {
        l.replace(
            "title = { ja = \"拡大\", en = \"Scaling\" }",
            "title = { en = \"Scaling\" }",
        )
    });
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("missing field `ja`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_function_the_reference_does_not_have_is_an_error() {
    let _serial = serial();
    let wb = broken(|l| {
        l.replace(
            "functions = [\"fn scale(v: &Array1<f32>, k: f32) -> Array1<f32>\"]",
            "functions = [\"fn scale(v: &Array1<f32>, k: f32) -> Array1<f32>\", \"fn shrink(v: &Array1<f32>) -> f32\"]",
        )
    });
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("solutions/src/scale.rs has no function `shrink`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn dev_check_proves_the_fixture_course_sound() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
}

#[test]
fn dev_check_finds_a_wrong_expected_value_a_solved_stub_and_an_unlisted_mistake() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    wb.write(
        "lessons/02-grid.toml",
        &grid.replace("expected = [6, -5]", "expected = [6, 5]"),
    );
    wb.write("lessons/stubs/scale.rs", &wb.read("solutions/src/scale.rs"));
    wb.write(
        "solutions/mistakes/scale/negates.rs",
        "use ndarray::Array1;\npub fn scale(v: &Array1<f32>, k: f32) -> Array1<f32> { v * -k }\n",
    );
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
}

#[test]
fn dev_check_in_japanese() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check", "--lang", "ja"])));
}

#[test]
fn every_number_in_a_lesson_file_is_bounded() {
    let _serial = serial();
    let wb = broken(|l| {
        l.replace("time_limit = 2.0", "time_limit = 1e30\nmemory_limit = 8")
            .replace("points = 5", "points = 5000\ntolerance = -1")
            .replace("cases = 8", "cases = 0\ndecimals = 9")
            .replace("range = [-4, 4]", "range = [-1e300, 4]")
    });
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["list"])));
}

#[test]
fn sizes_too_large_to_draw_are_found_when_the_lesson_loads() {
    let _serial = serial();
    let wb = broken(|l| l.replace("dims = { n = [1, 7] }", "dims = { n = [1, 7000000] }"));
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("(seed 10): a size came out as"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn uses_names_only_earlier_lessons_modules() {
    let _serial = serial();
    // scale uses itself, and grid, which comes later and uses scale: a cycle.
    let wb = broken(|l| {
        l.replace(
            "module = \"scale\"\n",
            "module = \"scale\"\nuses = [\"scale\", \"grid\"]\n",
        )
    });
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["list"])));
}

#[test]
fn a_signature_that_disagrees_with_the_reference_is_found_when_the_lesson_loads() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let reference = wb.read("solutions/src/scale.rs");
    wb.write(
        "solutions/src/scale.rs",
        &reference.replace(
            "k: f32) -> Array1<f32> {\n    v * k",
            "k: usize) -> Array1<f32> {\n    v * k as f32",
        ),
    );
    assert_ne!(wb.read("solutions/src/scale.rs"), reference);
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["list"])));
}

#[test]
fn a_lesson_of_640_by_480_images_is_listed_without_drawing_and_checked_with_a_warning() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    let vga = "\n[[random]]\nname = { ja = \"カメラの画像の大きさ\", en = \"a camera image's size\" }\ncall = \"row_sums\"\nseed = 1\ncases = 4\ndims = { h = [480, 480], w = [640, 640] }\nargs = [{ shape = [\"h\", \"w\"], range = [0, 1] }]\n";
    wb.write(
        "lessons/02-grid.toml",
        &grid.replacen("\n[[scenario]]", &format!("{vga}\n[[scenario]]"), 1),
    );
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("✓ grid: the reference passes all 3 hidden tests (9 cases)"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("⚠ grid: its random cases draw 1228824 values in all"),
        "{}",
        stdout(&output)
    );
}

/// The fixture course with the scenario of `grid` calling a method the reference lacks.
fn scenario_that_does_not_compile() -> Workbook {
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    wb.write(
        "lessons/02-grid.toml",
        &grid.replace("grid.scaled_sums(k)", "grid.scaled_sum(k)"),
    );
    wb
}

#[test]
fn a_scenario_that_does_not_compile_with_the_reference_is_the_lessons_fault() {
    let _serial = serial();
    let wb = scenario_that_does_not_compile();
    wb.settings().bind(|| {
        assert_cmd_snapshot!("scenario_fault_dev_check", wb.checker(&["dev", "check"]));
        // The student's code is the stub; they are not told their file is broken.
        assert_cmd_snapshot!("scenario_fault_student", wb.checker(&["check", "grid"]));
        assert_cmd_snapshot!(
            "scenario_fault_student_ja",
            wb.checker(&["check", "grid", "--lang", "ja"])
        );
    });
}

#[test]
fn a_student_whose_own_file_does_not_compile_hears_that_first_even_in_a_broken_lesson() {
    let _serial = serial();
    let wb = scenario_that_does_not_compile();
    wb.write("exercises/src/grid.rs", "pub fn row_sums( {\n");
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 1);
    assert!(
        stdout(&output).contains("exercises/src/grid.rs does not compile"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_signature_the_reference_does_not_fit_is_found_by_dev_check() {
    let _serial = serial();
    let wb = Workbook::fixture();
    // A return type the lesson format cannot name is compared only by building.
    let reference = wb.read("solutions/src/grid.rs");
    let edited = reference
        .replace(
            "pub fn row_sums(m: &Array2<f32>) -> Array1<f32> {\n    m.sum_axis(Axis(1))",
            "pub fn row_sums(m: &Array2<f32>) -> Vec<f32> {\n    m.sum_axis(Axis(1)).to_vec()",
        )
        .replace(
            "scale(&row_sums(&self.cells), k)",
            "scale(&Array1::from(row_sums(&self.cells)), k)",
        );
    assert_ne!(edited, reference);
    wb.write("solutions/src/grid.rs", &edited);
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 2);
    assert!(
        stdout(&output).contains(
            "lessons/02-grid.toml:5: the signature `fn row_sums(m: &Array2<f32>) -> Array1<f32>` in `functions` does not fit the reference solution."
        ),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_reference_that_panics_is_the_lessons_fault() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let reference = wb.read("solutions/src/grid.rs");
    let edited = reference.replace(
        "        scale(&row_sums(&self.cells), k)",
        "        assert!(k < 1.0, \"k is too large\");\n        scale(&row_sums(&self.cells), k)",
    );
    assert_ne!(edited, reference);
    wb.write("solutions/src/grid.rs", &edited);
    wb.settings().bind(|| {
        assert_cmd_snapshot!("reference_panics_dev_check", wb.checker(&["dev", "check"]));
        assert_cmd_snapshot!("reference_panics_student", wb.checker(&["check", "grid"]));
    });
}

#[test]
fn a_reference_that_never_finishes_is_the_lessons_fault() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let reference = wb.read("solutions/src/scale.rs");
    let edited = reference.replace(
        "    v * k\n",
        "    if v.len() >= 4 {\n        loop {\n            std::hint::spin_loop();\n        }\n    }\n    v * k\n",
    );
    assert_ne!(edited, reference);
    wb.write("solutions/src/scale.rs", &edited);
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 2);
    let out = stdout(&output);
    assert!(
        out.contains("This lesson itself is broken")
            && out.contains(
                "lessons/01-scale.toml:20: the reference solution did not finish the test \"vectors of several lengths\" in time."
            ),
        "{out}"
    );
    assert!(!out.contains("exercises/src/scale.rs does not"), "{out}");
}

#[test]
fn a_reference_that_panics_on_a_fixed_case_is_not_blamed_on_expected() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let reference = wb.read("solutions/src/grid.rs");
    let edited = reference.replace(
        "    m.sum_axis(Axis(1))",
        "    assert!(m.get((0, 1)) != Some(&2.0), \"the lecture's example\");\n    m.sum_axis(Axis(1))",
    );
    assert_ne!(edited, reference);
    wb.write("solutions/src/grid.rs", &edited);
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 1);
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
}

/// A `show` that names no view, or a view that cannot draw what the scenario returns,
/// is an error at its line, in the reader's language.
#[test]
fn a_show_that_cannot_draw_its_scenario_is_an_error_at_its_line() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    let unknown = grid.replace("cases = 4\n", "cases = 4\nshow = { view = \"digit\" }\n");
    assert_ne!(unknown, grid);
    wb.write("lessons/02-grid.toml", &unknown);
    wb.settings()
        .bind(|| assert_cmd_snapshot!("show_unknown_view", wb.checker(&["list"])));
    let wrong = grid.replace(
        "cases = 4\n",
        "cases = 4\nshow = { view = \"digits\", images = \"cells\", labels = \"k\" }\n",
    );
    wb.write("lessons/02-grid.toml", &wrong);
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "show_wrong_return_ja",
            wb.checker(&["--lang", "ja", "list"])
        )
    });
    let curve = grid.replace(
        "cases = 4\n",
        "cases = 4\nshow = { view = \"loss_curve\" }\n",
    );
    wb.write("lessons/02-grid.toml", &curve);
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
}

/// `parts` judges a tuple: on a scenario that returns an array it is an error at its
/// line, in both languages.
#[test]
fn parts_on_a_scenario_that_returns_no_tuple_is_an_error() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    let edited = grid.replace(
        "cases = 4\n",
        "cases = 4\nparts = [{ at_least = 0.5 }, { judge = false }]\n",
    );
    assert_ne!(edited, grid);
    wb.write("lessons/02-grid.toml", &edited);
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 2);
    let err = stderr(&output);
    assert!(err.contains("lessons/02-grid.toml:24:9"), "{err}");
    assert!(err.contains("`parts` judges a tuple part by part"), "{err}");
    let (output, _) = wb.run(&["--lang", "ja", "list"]);
    assert!(
        stderr(&output).contains("タプルを部分ごとに判定します"),
        "{}",
        stderr(&output)
    );
}
