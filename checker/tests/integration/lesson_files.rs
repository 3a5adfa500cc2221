//! Mistakes in lesson files: one message each, with file:line:col, and exit status 2.

use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, repo_root, serial, stderr, stdout};

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
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
}

/// toml stops at the first unknown field; the checker reads on past each, so an author
/// sees every typo of the file at once, in the file's order, in their language.
#[test]
fn every_misspelt_field_is_named_in_one_run() {
    let _serial = serial();
    let wb = broken(|l| {
        l.replace("time_limit = 2.0", "time_limt = 2.0")
            .replace("seed = 10", "sed = 10")
            .replace("cases = 8", "case = 8")
    });
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "misspelt_fields_ja",
            wb.checker(&["--lang", "ja", "dev", "check"])
        )
    });
    let (output, _) = wb.run(&["--lang", "en", "dev", "check"]);
    assert_status(&output, 2);
    let said = stderr(&output);
    let at = |word: &str| said.find(word).unwrap_or_else(|| panic!("{word}: {said}"));
    assert!(
        at("`time_limt`") < at("`sed`") && at("`sed`") < at("`case`"),
        "{said}"
    );
    assert!(said.contains("3 errors"), "{said}");
}

#[test]
fn a_ragged_matrix_is_an_error() {
    let _serial = serial();
    let wb = broken(|l| l.replace("args = [[1, -2], 3]", "args = [[[1, -2], [3]], 3]"));
    let (output, _) = wb.run(&["dev", "check"]);
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
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
}

#[test]
fn an_expected_value_of_the_wrong_type_is_an_error() {
    let _serial = serial();
    let wb = broken(|l| l.replace("expected = [3, -6]", "expected = [[3, -6]]"));
    let (output, _) = wb.run(&["dev", "check"]);
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
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
}

/// A copy of a lesson given a new id but the same module: the copy is told that its
/// module is taken, and the lesson that uses that module is not blamed for it.
#[test]
fn two_lessons_with_one_module_name_the_copy() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let copy = wb
        .read("lessons/01-scale.toml")
        .replace("id = \"scale\"", "id = \"scale2\"");
    wb.write("lessons/03-scale2.toml", &copy);
    for (lang, says) in [
        (
            "en",
            "the module `scale` is already lesson `scale`'s (lessons/01-scale.toml)",
        ),
        (
            "ja",
            "`scale` モジュールは、すでにレッスン `scale`（lessons/01-scale.toml）のものです。",
        ),
    ] {
        let (output, _) = wb.run(&["--lang", lang, "dev", "check"]);
        assert_status(&output, 2);
        let err = stderr(&output);
        assert!(err.contains(says), "{err}");
        assert!(err.contains("lessons/03-scale2.toml:"), "{err}");
        assert!(!err.contains("02-grid.toml"), "{err}");
    }
}

#[test]
fn a_toml_syntax_error_points_at_the_line() {
    let _serial = serial();
    let wb = broken(|l| l.replace("points = 5", "points = = 5"));
    let (output, _) = wb.run(&["dev", "check"]);
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
    let (output, _) = wb.run(&["dev", "check"]);
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
    let (output, _) = wb.run(&["dev", "check"]);
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
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("the Japanese text (`ja`) is missing"),
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
    let (output, _) = wb.run(&["dev", "check"]);
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

/// An author writing one lesson proves that one alone (the others are still loaded),
/// and a Japanese author reads every diagnostic in Japanese, at its line of the file.
#[test]
fn dev_check_of_one_lesson_in_japanese_finds_a_wrong_expected_value() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    wb.write(
        "lessons/02-grid.toml",
        &grid.replace("expected = [6, -5]", "expected = [6, 5]"),
    );
    let output = wb
        .checker(&["dev", "check", "grid", "--lang", "ja"])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(!out.contains("scale"), "only grid is proved:\n{out}");
    for english in ["error", "reference", "differs", "case"] {
        assert!(!out.contains(english), "`{english}` in Japanese:\n{out}");
    }
    wb.settings()
        .bind(|| insta::assert_snapshot!("dev_check_one_lesson_ja", out));
    let (output, _) = wb.run(&["dev", "check", "grdi"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("Did you mean `grid`?"),
        "{}",
        stderr(&output)
    );
}

/// Two known mistakes that give the same output everywhere cannot be told apart, and
/// dev check says so, rather than "reorder them", which would not help.
#[test]
fn dev_check_says_when_two_known_mistakes_are_the_same() {
    let _serial = serial();
    let wb = Workbook::fixture();
    // The same slip as `adds` (`v + k`), written the other way round.
    let lesson = wb.read("lessons/01-scale.toml");
    wb.write(
        "lessons/01-scale.toml",
        &format!(
            "{lesson}\n[[mistakes]]\nname = \"adds_too\"\nmessage = {{ ja = \"足しています。\", en = \"You add.\" }}\nreplace = [{{ find = \"v * k\", with = \"k + v\" }}]\n"
        ),
    );
    let (output, _) = wb.run(&["dev", "check", "scale"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("give the same output in every case") && out.contains("adds_too"),
        "{out}"
    );
}

/// A known mistake that does not compile is shown with rustc's words at its line, as a
/// reference or a stub is, not only 'does not build or does not finish'.
#[test]
fn dev_check_shows_why_a_known_mistake_does_not_compile() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let mistake = "solutions/mistakes/scale/first_only.rs";
    wb.write(
        mistake,
        &wb.read(mistake).replace("out[0] *= k", "out[0] *= kk"),
    );
    // Written as edits, its rustc error is shown at the edit that wrote the line, not in
    // the edited copy the harness mounts.
    let lesson = wb.read("lessons/01-scale.toml");
    wb.write(
        "lessons/01-scale.toml",
        &lesson.replace("with = \"v + k\"", "with = \"v + kv\""),
    );
    let (output, _) = wb.run(&["dev", "check", "scale"]);
    assert_status(&output, 1);
    let said = stdout(&output);
    assert!(
        said.contains(
            "✗ scale: the known mistake solutions/mistakes/scale/first_only.rs does not compile"
        ),
        "{said}"
    );
    assert!(
        said.contains("error[E0425]: cannot find value `kk`"),
        "{said}"
    );
    assert!(
        said.contains("--> solutions/mistakes/scale/first_only.rs:"),
        "{said}"
    );
    assert!(
        said.contains(
            "✗ scale: the known mistake adds (lessons/01-scale.toml:30) does not compile"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "error: with this edit, the known mistake adds does not compile\n   ┌─ lessons/01-scale.toml:32:21"
        ) && said.contains("= rustc: cannot find value `kv` in this scope")
            && said.contains("= the line as edited: v + kv")
            && !said.contains("harness/scale-mistake-adds"),
        "{said}"
    );
}

/// A known mistake written as edits follows the reference; when the reference changes
/// under an edit (`v * k` is now `k * v`), dev check says so at the edit's `find`, with
/// the reference's nearest line, in the author's language, and still proves the rest:
/// the reference, the stub, and the whole-file mistake beside it.
#[test]
fn dev_check_says_where_an_edit_of_a_known_mistake_no_longer_applies() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let reference = wb.read("solutions/src/scale.rs");
    wb.write(
        "solutions/src/scale.rs",
        &reference.replace("    v * k\n", "    k * v\n"),
    );
    for lang in ["en", "ja"] {
        let output = wb
            .checker(&["dev", "check", "scale", "--lang", lang])
            .env("COLUMNS", "80")
            .output()
            .unwrap();
        assert_status(&output, 1);
        let out = stdout(&output);
        assert!(
            out.contains("✓ scale: the reference passes") || out.contains("✓ scale：模範解答は"),
            "{out}"
        );
        wb.settings().bind(|| {
            insta::assert_snapshot!(format!("dev_check_stale_edit_{lang}"), out);
        });
    }
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
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
}

#[test]
fn sizes_too_large_to_draw_are_found_when_the_lesson_loads() {
    let _serial = serial();
    let wb = broken(|l| l.replace("dims = { n = [1, 7] }", "dims = { n = [1, 7000000] }"));
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("(seed 10): a size came out as"),
        "{}",
        stderr(&output)
    );
}

/// A signature changed in `functions` makes its tests' `args` wrong too; the cause, that
/// the reference disagrees, is said first, at the signature, not only the `args` error.
#[test]
fn a_signature_that_disagrees_with_the_reference_is_said_beside_the_args_it_breaks() {
    let _serial = serial();
    let wb = broken(|l| l.replace("k: f32) -> Array1<f32>\"]", "k: usize) -> Array1<f32>\"]"));
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    let said = stderr(&output);
    let signature = said
        .find("parameter 2 of `scale` (`k`) is `usize` in `functions` but `f32` in solutions/src/scale.rs")
        .unwrap_or_else(|| panic!("{said}"));
    let args = said
        .find("argument `k` (usize)")
        .unwrap_or_else(|| panic!("{said}"));
    assert!(signature < args, "{said}");
    assert!(said.contains("2 errors"), "{said}");
}

/// A size that `dims` does not have is the author's typo, the same in every case: said
/// once, in the author's language, at the argument that names it, not as "case 1
/// (seed 10): unknown size" at the test's heading.
#[test]
fn a_shape_naming_a_size_not_in_dims_is_said_at_its_argument() {
    let _serial = serial();
    let wb = broken(|l| l.replace("shape = [\"n\"]", "shape = [\"m\"]"));
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "unknown_size_in_shape_ja",
            wb.checker(&["--lang", "ja", "dev", "check"])
        )
    });
    let (output, _) = wb.run(&["--lang", "en", "dev", "check"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains(
            "error: argument `v` (Array1<f32>): the size `m` is not in `dims`\n   ┌─ lessons/01-scale.toml:26:9"
        ),
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
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
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
        .bind(|| assert_cmd_snapshot!(wb.checker(&["dev", "check"])));
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
        .bind(|| assert_cmd_snapshot!("show_unknown_view", wb.checker(&["dev", "check"])));
    let wrong = grid.replace(
        "cases = 4\n",
        "cases = 4\nshow = { view = \"predictions\", images = \"cells\", labels = \"k\" }\n",
    );
    wb.write("lessons/02-grid.toml", &wrong);
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "show_wrong_return_ja",
            wb.checker(&["--lang", "ja", "dev", "check"])
        )
    });
    let curve = grid.replace(
        "cases = 4\n",
        "cases = 4\nshow = { view = \"loss_curve\" }\n",
    );
    wb.write("lessons/02-grid.toml", &curve);
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 0);
}

/// A part judged by a bound that fails says so under the part's name, as a whole test
/// with a bound does ('The result is 9, above the 4 this test allows.'): the heading
/// was printed with nothing below it, and a student whose trained network missed the
/// accuracy read only 'the accuracy:'.
#[test]
fn a_part_that_misses_its_bound_says_by_how_much() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    let edited = grid
        .replace(
            "returns = \"Array1<f32>\"\ncode = \"\"\"\nlet grid = Grid { cells };\ngrid.scaled_sums(k)\n",
            "returns = \"(f32, Array1<f32>)\"\ncode = \"\"\"\nlet grid = Grid { cells };\nlet sums = grid.scaled_sums(k);\n(sums.len() as f32, sums)\n",
        )
        .replace(
            "cases = 4\n",
            "cases = 4\nparts = [{ name = { ja = \"行の数\", en = \"the number of rows\" }, at_most = 4 }, {}]\n",
        );
    assert_ne!(edited, grid);
    wb.write("lessons/02-grid.toml", &edited);
    wb.student("scale", "scale_pass");
    wb.write(
        "exercises/src/grid.rs",
        &wb.read("solutions/src/grid.rs")
            .replace("scale(&row_sums(&self.cells), k)", "Array1::zeros(9)"),
    );
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 1);
    let said = stdout(&output);
    assert!(
        said.contains(
            "    the number of rows:\n      The result is 9, above the 4 this test allows."
        ),
        "{said}"
    );
    let (output, _) = wb.run(&["--lang", "ja", "check", "grid"]);
    let said = stdout(&output);
    assert!(
        said.contains("    行の数：\n      結果は 9 で、基準の 4 を超えています。"),
        "{said}"
    );
}

/// A reference that misses a part's bound is told so by `dev check`, as for a test's own
/// bound, not 'differs from `expected`', which the scenario does not have.
#[test]
fn dev_check_says_when_the_reference_misses_a_parts_bound() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    let edited = grid
        .replace(
            "returns = \"Array1<f32>\"\ncode = \"\"\"\nlet grid = Grid { cells };\ngrid.scaled_sums(k)\n",
            "returns = \"(f32, Array1<f32>)\"\ncode = \"\"\"\nlet grid = Grid { cells };\nlet sums = grid.scaled_sums(k);\n(sums.len() as f32, sums)\n",
        )
        .replace("cases = 4\n", "cases = 4\nparts = [{ at_most = 0 }, {}]\n");
    assert_ne!(edited, grid);
    wb.write("lessons/02-grid.toml", &edited);
    let (output, _) = wb.run(&["dev", "check", "grid"]);
    assert_status(&output, 1);
    let said = stdout(&output);
    assert!(
        said.contains("outside `at_most = 0`: the reference must pass its own bounds"),
        "{said}"
    );
    assert!(!said.contains("differs from `expected`"), "{said}");
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
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    let err = stderr(&output);
    assert!(err.contains("lessons/02-grid.toml:24:9"), "{err}");
    assert!(err.contains("`parts` judges a tuple part by part"), "{err}");
    let (output, _) = wb.run(&["--lang", "ja", "dev", "check"]);
    assert!(
        stderr(&output).contains("タプルを部分ごとに判定します"),
        "{}",
        stderr(&output)
    );
}

/// One broken lesson file: what it shows, and how the fixture course is broken.
struct Broken {
    name: &'static str,
    /// The file edited, and the text replaced (once) in it.
    file: &'static str,
    from: &'static str,
    to: &'static str,
    /// On the fixture course with the lesson `digits` (a data set), not the plain one.
    data: bool,
}

const fn edit(name: &'static str, from: &'static str, to: &'static str) -> Broken {
    Broken {
        name,
        file: "lessons/01-scale.toml",
        from,
        to,
        data: false,
    }
}

/// The broken lessons snapshotted in both languages: the kinds of mistake an author
/// makes most, one of each.
const SNAPSHOTTED: [Broken; 5] = [
    edit("toml_syntax", "points = 5", "points = = 5"),
    edit("unknown_field", "time_limit = 2.0", "time_limt = 2.0"),
    edit(
        "bad_dims",
        "dims = { n = [1, 7] }",
        "dims = { n = [1, \"7 % 2\"] }",
    ),
    edit(
        "bad_type",
        "k: f32) -> Array1<f32>\"]",
        "k: f64) -> Array1<f32>\"]",
    ),
    Broken {
        name: "bad_dataset",
        file: "lessons/03-digits.toml",
        from: "split = \"training\", rows = 40, columns = 64 }",
        to: "split = \"tran\", rows = 40, columns = 64 }",
        data: true,
    },
];

/// Every other kind of broken lesson the fixtures can show: with [`SNAPSHOTTED`], what
/// the test of Japanese output reads.
const MORE_BROKEN: [Broken; 28] = [
    edit("string_for_number", "points = 5", "points = \"five\""),
    edit("negative_points", "points = 5", "points = -5"),
    edit("missing_field", "module = \"scale\"\n", ""),
    edit(
        "missing_ja",
        "title = { ja = \"拡大\", en = \"Scaling\" }",
        "title = { en = \"Scaling\" }",
    ),
    edit(
        "empty_ja",
        "title = { ja = \"拡大\", en = \"Scaling\" }",
        "title = { ja = \" \", en = \"Scaling\" }",
    ),
    edit("unclosed_list", "args = [[1, -2], 3]", "args = [[1, -2], 3"),
    edit(
        "unknown_visibility",
        "call = \"scale\"\nargs = [[1",
        "visibility = \"secret\"\ncall = \"scale\"\nargs = [[1",
    ),
    edit(
        "ragged",
        "args = [[1, -2], 3]",
        "args = [[[1, -2], [3]], 3]",
    ),
    edit(
        "expected_shape",
        "expected = [3, -6]",
        "expected = [[3, -6]]",
    ),
    edit("argument_count", "args = [[1, -2], 3]", "args = [[1, -2]]"),
    edit(
        "undeclared_call",
        "call = \"scale\"\nargs = [[1",
        "call = \"scael\"\nargs = [[1",
    ),
    edit(
        "bounds",
        "cases = 8",
        "cases = 0\ndecimals = 9\ntolerance = -1",
    ),
    edit("range", "range = [-4, 4]", "range = [4, -4]"),
    edit(
        "size_too_large",
        "dims = { n = [1, 7] }",
        "dims = { n = [1, 7000000] }",
    ),
    edit(
        "size_cycle",
        "dims = { n = [1, 7] }",
        "dims = { n = \"m\", m = \"n\" }",
    ),
    edit(
        "no_shape",
        ", range = [-4, 4] }",
        ", range = [-4, 4], dim = 3 }",
    ),
    edit("bad_signature", "\"fn scale(v:", "\"scale(v:"),
    edit(
        "by_value_array",
        "fn scale(v: &Array1<f32>",
        "fn scale(v: Array1<f32>",
    ),
    edit("bad_id", "id = \"scale\"", "id = \"Scale\""),
    edit("keyword_module", "module = \"scale\"", "module = \"type\""),
    edit(
        "uses_itself",
        "module = \"scale\"\n",
        "module = \"scale\"\nuses = [\"scale\", \"grid\"]\n",
    ),
    edit(
        "mistake_file",
        "file = \"first_only.rs\"",
        "file = \"first_only.txt\"",
    ),
    edit(
        "mistake_edits",
        "name = \"adds\"",
        "name = \"Adds\"\nfile = \"adds.rs\"",
    ),
    edit(
        "no_function",
        "k: f32) -> Array1<f32>\"]",
        "k: f32) -> Array1<f32>\", \"fn shrink(v: &Array1<f32>) -> f32\"]",
    ),
    Broken {
        name: "duplicate_id_and_missing_module",
        file: "lessons/02-grid.toml",
        from: "id = \"grid\"\nmodule = \"grid\"",
        to: "id = \"scale\"\nmodule = \"gird\"",
        data: false,
    },
    Broken {
        name: "scenario_without_seed",
        file: "lessons/02-grid.toml",
        from: "seed = 3\n",
        to: "",
        data: false,
    },
    Broken {
        name: "changed_data",
        file: "lessons/03-digits.toml",
        from: "sha256 = \"09f66e",
        to: "sha256 = \"19f66e",
        data: true,
    },
    Broken {
        name: "column_past_the_file",
        file: "lessons/03-digits.toml",
        from: "rows = 40, columns = 64",
        to: "rows = 40, columns = 65",
        data: true,
    },
];

impl Broken {
    fn workbook(&self) -> Workbook {
        let wb = match self.data {
            true => crate::data::digits(),
            false => Workbook::fixture(),
        };
        let text = wb.read(self.file);
        let edited = text.replacen(self.from, self.to, 1);
        assert_ne!(
            edited, text,
            "{}: the edit must change the lesson",
            self.name
        );
        wb.write(self.file, &edited);
        wb
    }
}

/// A broken lesson as the instructor sees it, in Japanese and in English: the same
/// errors at the same lines, each in its language.
#[test]
fn broken_lessons_are_reported_in_the_instructors_language() {
    let _serial = serial();
    for broken in &SNAPSHOTTED {
        let wb = broken.workbook();
        for lang in ["ja", "en"] {
            let name = format!("broken_lesson_{}_{lang}", broken.name);
            wb.settings()
                .bind(|| assert_cmd_snapshot!(name, wb.checker(&["--lang", lang, "dev", "check"])));
        }
    }
}

/// The ASCII words of ours in the checker's output about broken lessons, which must be
/// none in Japanese. Allowed are only words that are not ours: what the output quotes
/// (the lines of the lesson file under `│`, toml's or the system's words marked
/// 「…の説明：「…」」), the words of the workbook's files (identifiers, types, values
/// and paths the author wrote), the keys of the lesson format (the fields of
/// `lesson/model.rs`), the values it takes, and Rust's and a few technical names.
pub(crate) fn words_of_ours(output: &str, workbook: &Workbook) -> Vec<String> {
    use std::collections::BTreeSet;
    fn words(text: &str) -> impl Iterator<Item = &str> {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
    }
    let mut allowed: BTreeSet<String> = BTreeSet::new();
    let mut files = vec![workbook.path().to_path_buf()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            for entry in std::fs::read_dir(&path).unwrap() {
                files.push(entry.unwrap().path());
            }
            continue;
        }
        let relative = path.strip_prefix(workbook.path()).unwrap();
        allowed.extend(words(&relative.to_string_lossy()).map(str::to_string));
        if let Ok(text) = std::fs::read_to_string(&path) {
            allowed.extend(words(&text).map(str::to_string));
        }
    }
    let model = std::fs::read_to_string(repo_root().join("checker/lesson/src/model.rs")).unwrap();
    for line in model.lines() {
        let line = line.trim();
        if let Some((field, _)) = (line
            .strip_prefix("pub ")
            .or(line.strip_prefix("pub(crate) ")))
        .and_then(|l| l.split_once(':'))
        {
            allowed.insert(field.to_string());
        }
        if let Some(renamed) = line.trim().strip_prefix("#[serde(rename = \"") {
            allowed.extend(renamed.split('"').next().map(str::to_string));
        }
    }
    // The values the format takes (`profile`, `visibility`, `split`, `rows`, `show`'s
    // views, TOML's booleans), and names that are no English of ours.
    let values = "debug release visible hidden after_published after_due_date train test all \
                  digits loss_curve true false";
    let rust = "fn mut f32 f64 usize u64 bool Array1 Array2 Array3 Array4 Rust";
    let technical = "TOML UTF MiB CSV gzip sha256 sha256sum id rustc";
    allowed.extend(
        [values, rust, technical]
            .iter()
            .flat_map(|list| list.split_whitespace())
            .map(str::to_string),
    );
    let mut found = BTreeSet::new();
    for line in output.lines() {
        let trimmed = line.trim_start();
        let gutter = trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start();
        if trimmed.starts_with("┌─") || gutter.starts_with('│') {
            continue;
        }
        // A third party's words, quoted after a sentence of ours.
        let mut ours = line.to_string();
        while let Some(at) = ours.find("の説明：「") {
            let end = ours[at..].find("」）").map_or(ours.len(), |e| at + e);
            ours.replace_range(at..end, "");
        }
        for word in words(&ours) {
            let number = word.parse::<f64>().is_ok();
            let checksum = word.len() >= 8 && word.chars().all(|c| c.is_ascii_hexdigit());
            if !(number || checksum || allowed.contains(word)) {
                found.insert(word.to_string());
            }
        }
    }
    found.into_iter().collect()
}

/// Every broken lesson of the fixtures, read in Japanese, says nothing in English of
/// ours; the same scan of the English output finds plenty, so it is no empty check.
#[test]
fn broken_lessons_in_japanese_have_no_english_words_of_ours() {
    let _serial = serial();
    for broken in SNAPSHOTTED.iter().chain(&MORE_BROKEN) {
        let wb = broken.workbook();
        let (output, _) = wb.run(&["--lang", "ja", "dev", "check"]);
        assert_status(&output, 2);
        let ja = stderr(&output);
        assert!(ja.contains("エラー："), "{}: {ja}", broken.name);
        let english = words_of_ours(&ja, &wb);
        assert!(
            english.is_empty(),
            "{}: English words {english:?} in\n{ja}",
            broken.name
        );
        let (output, _) = wb.run(&["--lang", "en", "dev", "check"]);
        let en = stderr(&output);
        assert!(
            words_of_ours(&en, &wb).len() >= 2,
            "{}: the scan finds no English in English\n{en}",
            broken.name
        );
    }
}
