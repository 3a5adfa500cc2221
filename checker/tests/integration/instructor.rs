//! The instructor's side: scaffolding a lesson, grading in every format, private lessons.

use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, serial, stderr, stdout};

/// The fixture course with `scale` wrong (it adds) and `grid` solved.
fn half_done() -> Workbook {
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    wb.write("exercises/src/grid.rs", &wb.read("solutions/src/grid.rs"));
    wb
}

#[test]
fn grade_as_a_table() {
    let _serial = serial();
    let wb = half_done();
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["grade"])));
}

#[test]
fn grade_as_json() {
    let _serial = serial();
    let wb = half_done();
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["grade", "--format", "json"])));
}

#[test]
fn grade_as_junit() {
    let _serial = serial();
    let wb = half_done();
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["grade", "--format", "junit"])));
}

#[test]
fn grade_for_gradescope_has_every_field_it_reads() {
    let _serial = serial();
    let wb = half_done();
    let results = wb.path().join("results.json");
    let (output, _) = wb.run(&[
        "grade",
        "--format",
        "gradescope",
        "--output",
        results.to_str().unwrap(),
    ]);
    assert_status(&output, 1);
    let text = std::fs::read_to_string(&results).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    // grid's row sums pass; its scenario uses the student's own (wrong) scale.
    assert_eq!(value["score"], 5.0);
    let tests = value["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 4);
    for test in tests {
        assert!(test["name"].is_string() && test["output"].is_string());
        assert!(test["score"].is_number() && test["max_score"].is_number());
        assert!(["passed", "failed"].contains(&test["status"].as_str().unwrap()));
        assert!(
            ["visible", "hidden", "after_due_date", "after_published"]
                .contains(&test["visibility"].as_str().unwrap())
        );
    }
    assert!(
        tests[0]["output"]
            .as_str()
            .unwrap()
            .contains("This is a known mistake. You add k")
    );
    wb.settings()
        .bind(|| insta::assert_snapshot!("gradescope_results", text));
}

#[test]
fn grade_reads_a_students_copy_with_private_lessons_and_changes_nothing() {
    let _serial = serial();
    let wb = Workbook::fixture();
    // The student's copy, elsewhere: scale solved, grid not.
    let student = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(student.path().join("src")).unwrap();
    for module in ["scale", "grid", "lib"] {
        let from = if module == "scale" {
            "solutions"
        } else {
            "exercises"
        };
        let text = wb.read(&format!("{from}/src/{module}.rs"));
        std::fs::write(
            student.path().join("src").join(format!("{module}.rs")),
            text,
        )
        .unwrap();
    }
    // Private lessons: the public ones plus a hidden case the student never saw.
    let private = tempfile::tempdir().unwrap();
    for lesson in ["01-scale.toml", "02-grid.toml"] {
        std::fs::write(
            private.path().join(lesson),
            wb.read(&format!("lessons/{lesson}")),
        )
        .unwrap();
    }
    let scale = std::fs::read_to_string(private.path().join("01-scale.toml")).unwrap();
    let extra = "\n[[fixed]]\nname = { ja = \"非公開：k = 0\", en = \"private: k = 0\" }\ncall = \"scale\"\nargs = [[4, -4], 0]\nexpected = [0, 0]\n";
    let scale = scale.replacen("\n[[random]]", &format!("{extra}\n[[random]]"), 1);
    std::fs::write(private.path().join("01-scale.toml"), scale).unwrap();

    let before = std::fs::read_to_string(student.path().join("src/scale.rs")).unwrap();
    let (output, _) = wb.run(&[
        "grade",
        "--format",
        "json",
        "--exercises",
        student.path().to_str().unwrap(),
        "--lessons",
        private.path().to_str().unwrap(),
    ]);
    assert_status(&output, 1);
    let grades: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let scale = &grades["lessons"][0];
    assert_eq!(scale["passed"], true);
    assert_eq!(
        scale["tests"].as_array().unwrap().len(),
        3,
        "the private test counts"
    );
    assert_eq!(grades["lessons"][1]["passed"], false);
    assert_eq!(
        std::fs::read_to_string(student.path().join("src/scale.rs")).unwrap(),
        before
    );
    assert_eq!(
        std::fs::read_dir(student.path()).unwrap().count(),
        1,
        "nothing written beside src/"
    );
    assert!(
        !wb.path().join(".cnnlings").exists(),
        "grading keeps no progress"
    );
}

#[test]
fn a_new_lesson_from_dev_new_is_sound_once_its_placeholders_are_written() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let (output, _) = wb.run(&["dev", "new", "double"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("created lessons/03-double.toml"),
        "{}",
        stdout(&output)
    );
    // The next step proves this lesson alone: seconds, not the whole course's minutes.
    assert!(
        stdout(&output).contains("`cargo run -p checker -- dev check double`"),
        "{}",
        stdout(&output)
    );
    // The pristine stub, and the student's copy of it.
    assert_eq!(
        wb.read("lessons/stubs/double.rs"),
        wb.read("exercises/src/double.rs")
    );
    // Their comments say it in Japanese, then in English, as the course's own do: the
    // solutions crate's test holds every reference to that, and `solution` shows it.
    for file in ["lessons/stubs/double.rs", "solutions/src/double.rs"] {
        let text = wb.read(file);
        let comments: Vec<&str> = text
            .lines()
            .map(str::trim_start)
            .filter(|line| line.starts_with("//"))
            .collect();
        let japanese = |line: &&str| line.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
        assert!(comments.first().is_some_and(japanese), "{file}:\n{text}");
        assert!(
            comments.last().is_some_and(|line| !japanese(line)),
            "{file}:\n{text}"
        );
    }
    assert!(
        wb.read("solutions/src/lib.rs")
            .contains("// レッスン 3：double\n// Lesson 3: double.\npub mod double;\n"),
        "{}",
        wb.read("solutions/src/lib.rs")
    );
    // Its placeholders, written (each says TODO until then, and `dev check` names it).
    for file in [
        "lessons/stubs/double.rs",
        "exercises/src/double.rs",
        "solutions/src/double.rs",
    ] {
        wb.write(file, &wb.read(file).replace("TODO: ", ""));
    }
    let lesson = wb.read("lessons/03-double.toml");
    let edited = lesson
        .replace("ja = \"TODO: double の題名\"", "ja = \"そのまま返す\"")
        .replace("en = \"TODO: the title of double\"", "en = \"Return it unchanged\"")
        .replace("TODO: ", "")
        .replace("points = 10 ", "points = 4 ")
        .replace(
            "expected = [1, -2, 3]\n",
            "expected = [1, -2, 3]\n\n[[fixed]]\nname = { ja = \"空でない 1 要素\", en = \"one element\" }\ncall = \"double\"\nargs = [[-7.5]]\nexpected = [-7.5]\n",
        );
    assert_ne!(edited, lesson);
    wb.write("lessons/03-double.toml", &edited);
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("✓ double: the reference passes all 3 hidden tests"),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("✓ double: the stub fails every test"));
    let (output, _) = wb.run(&["list"]);
    assert!(
        stdout(&output).contains("3  double  Return it unchanged  pending  0/4"),
        "{}",
        stdout(&output)
    );
    let (output, _) = wb.run(&["dev", "new", "double"]);
    assert_status(&output, 2);
    assert!(stderr(&output).contains("exists already"));
}

#[test]
fn per_test_points_must_add_up_to_the_lessons() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let lesson = wb.read("lessons/01-scale.toml");
    let edited = lesson
        .replace("expected = [3, -6]\n", "expected = [3, -6]\npoints = 1\n")
        .replace("seed = 10\n", "seed = 10\npoints = 3\n");
    wb.write("lessons/01-scale.toml", &edited);
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("the tests' points add up to 4, but the lesson has `points = 5`"),
        "{}",
        stderr(&output)
    );
    wb.write(
        "lessons/01-scale.toml",
        &edited.replace("points = 3\n", "points = 4\n"),
    );
    wb.student("scale", "scale_pass");
    let (output, _) = wb.run(&["grade", "--format", "json"]);
    let grades: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(grades["lessons"][0]["tests"][0]["max_score"], 1.0);
    assert_eq!(grades["lessons"][0]["tests"][1]["max_score"], 4.0);
}

#[test]
fn dev_new_takes_exactly_the_ids_the_loader_takes() {
    let _serial = serial();
    let wb = Workbook::fixture();
    for id in ["max_pool", "max-pool2"] {
        let (output, _) = wb.run(&["dev", "new", id]);
        assert_status(&output, 0);
        // The next command names the lesson by its id, which `dev check` takes, not
        // by its module (`max_pool2`, which it refuses).
        assert!(
            stdout(&output).contains(&format!("`cargo run -p checker -- dev check {id}`")),
            "{}",
            stdout(&output)
        );
        assert!(
            wb.read(&format!(
                "lessons/0{}-{id}.toml",
                if id == "max_pool" { 3 } else { 4 }
            ))
            .contains(&format!("`cargo run -p checker -- dev check {id}`"))
        );
    }
    assert!(
        wb.read("solutions/src/lib.rs")
            .contains("pub mod max_pool2;")
    );
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("4  max-pool2"),
        "{}",
        stdout(&output)
    );
    for id in ["type", "Max", "2d", "max pool", "ndarray", "gen"] {
        let (output, _) = wb.run(&["dev", "new", id]);
        assert_status(&output, 2);
        assert!(!wb.path().join(format!("exercises/src/{id}.rs")).exists());
    }
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "dev_new_refuses_a_keyword",
            wb.checker(&["dev", "new", "type"])
        );
        assert_cmd_snapshot!(
            "dev_new_refuses_a_keyword_ja",
            wb.checker(&["dev", "new", "type", "--lang", "ja"])
        );
    });
}

#[test]
fn dev_check_finds_a_module_missing_from_lib_rs() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.write(
        "solutions/src/lib.rs",
        &wb.read("solutions/src/lib.rs")
            .replace("pub mod grid;\n", ""),
    );
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 1);
    assert!(
        stdout(&output).contains(
            "✗ grid: solutions/src/lib.rs does not declare `pub mod grid;`, so cargo never builds the module"
        ),
        "{}",
        stdout(&output)
    );
}

#[test]
fn dev_check_marks_a_mistake_that_passes_and_no_tick_for_the_lesson() {
    let _serial = serial();
    let wb = Workbook::fixture();
    // A "mistake" that is the reference itself passes every test.
    wb.write(
        "solutions/mistakes/scale/first_only.rs",
        &wb.read("solutions/src/scale.rs"),
    );
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(out.contains("✗ scale: the known mistake solutions/mistakes/scale/first_only.rs passes every hidden test"), "{out}");
    assert!(
        !out.contains("known mistakes fail and are recognised"),
        "{out}"
    );
}

/// The guide's "complete example", copied as a new lesson with only its id and module
/// changed, is sound: an author who starts from it starts from a lesson that works (its
/// scenario once built `cnn`'s `ConvLayer`, which the `conv` module does not have).
#[test]
fn the_guides_complete_example_is_a_sound_lesson() {
    let _serial = serial();
    let wb = Workbook::real();
    let (output, _) = wb.run(&["dev", "new", "conv-copy"]);
    assert_status(&output, 0);
    let guide =
        std::fs::read_to_string(crate::support::repo_root().join("lessons/README.md")).unwrap();
    let example = guide
        .split_once("## A complete example\n\n```toml\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(example, _)| example)
        .expect("the guide has a complete example");
    let lesson = example
        .replacen("id = \"conv\"", "id = \"conv-copy\"", 1)
        .replacen("module = \"conv\"", "module = \"conv_copy\"", 1);
    let file = std::fs::read_dir(wb.path().join("lessons"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with("-conv-copy.toml"))
        .unwrap();
    wb.write(&format!("lessons/{file}"), &lesson);
    wb.write(
        "solutions/src/conv_copy.rs",
        &wb.read("solutions/src/conv.rs"),
    );
    for stub in ["lessons/stubs/conv_copy.rs", "exercises/src/conv_copy.rs"] {
        wb.write(stub, &wb.read("lessons/stubs/conv.rs"));
    }
    let (output, _) = wb.run(&["dev", "check", "conv-copy"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("The lesson is sound."),
        "{}",
        stdout(&output)
    );
}

/// The fixture course solved, and a private copy of `scale` in `private/` whose fixed
/// case has `edit` applied.
fn private_scale_edited(edit: impl Fn(&str) -> String) -> Workbook {
    let wb = Workbook::fixture();
    wb.install("solutions/src");
    wb.write(
        "private/01-scale.toml",
        &edit(&wb.read("lessons/01-scale.toml")),
    );
    wb
}

/// A private scenario that indexes past the end: the reference panics on it.
/// Where [`PANICKING_SCENARIO`] starts once appended to the fixture's `01-scale.toml`, as
/// `private/01-scale.toml:LINE:1`: after the file's own lines and a blank one.
fn panicking_scenario_at(wb: &Workbook) -> String {
    let line = wb.read("lessons/01-scale.toml").lines().count() + 2;
    format!("private/01-scale.toml:{line}:1")
}

const PANICKING_SCENARIO: &str = "\n[[scenario]]\nname = { ja = \"非公開：6 番目の要素\", en = \"private: the sixth element\" }\nreturns = \"f32\"\ncode = \"scale(&v, 2.0)[5]\"\ninputs = [{ name = \"v\", type = \"Array1<f32>\", value = [1, 2, 3] }]\n";

/// A private lesson with a wrong `expected` once gave a perfect student 8.75/10, and one
/// whose reference panicked gave every student 0: `dev check --lessons` proves them at
/// their lines, and grading refuses to grade with them (status 2), writing no grades.
#[test]
fn a_private_lesson_whose_reference_fails_it_is_proven_wrong_and_never_graded() {
    let _serial = serial();
    let wb = private_scale_edited(|toml| toml.replace("expected = [3, -6]", "expected = [3, -7]"));
    let (output, _) = wb.run(&["dev", "check", "--lessons", "private"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("✗ scale: the reference fails its own hidden tests (a fixed case's `expected` may be wrong)"),
        "{out}"
    );
    // At the `expected` the reference disagrees with, not at the `[[fixed]]` above it.
    assert!(out.contains("┌─ private/01-scale.toml:18:12"), "{out}");
    // Only the private lesson is proven.
    assert!(!out.contains("grid"), "{out}");

    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "grade_refuses_a_wrong_expected",
            wb.checker(&["grade", "--lessons", "private"])
        );
        assert_cmd_snapshot!(
            "grade_refuses_a_wrong_expected_ja",
            wb.checker(&["--lang", "ja", "grade", "--lessons", "private"])
        );
    });
    let class = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(class.path().join("alice/src")).unwrap();
    let grades = wb.path().join("grades");
    let (output, _) = wb.run(&[
        "grade",
        "--lessons",
        "private",
        "--class",
        class.path().to_str().unwrap(),
        "--output",
        grades.to_str().unwrap(),
    ]);
    assert_status(&output, 2);
    assert!(stderr(&output).contains("No grades were written."));
    assert!(!grades.exists(), "no gradebook, no folder");

    // The panicking reference: the same refusal, at the scenario's line.
    wb.write(
        "private/01-scale.toml",
        &format!("{}{PANICKING_SCENARIO}", wb.read("lessons/01-scale.toml")),
    );
    let (output, _) = wb.run(&["dev", "check", "--lessons", "private", "scale"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("error: the reference solution panicked in case 1 of this test"),
        "{out}"
    );
    let at = panicking_scenario_at(&wb);
    assert!(out.contains(&format!("┌─ {at}")), "{out}");
    assert!(out.contains("index 5 is out of bounds"), "{out}");
    let (output, _) = wb.run(&["grade", "--lessons", "private", "--format", "json"]);
    assert_status(&output, 2);
    assert_eq!(stdout(&output), "", "no grades");
    assert!(
        stderr(&output).contains(&format!("┌─ {at}")),
        "{}",
        stderr(&output)
    );
}

/// On Gradescope a broken lesson still gives a results.json: score 0, no tests, a
/// sentence for the student, and the instructor's diagnosis where students do not see it.
#[test]
fn gradescope_hears_that_the_autograder_is_broken() {
    let _serial = serial();
    let wb = private_scale_edited(|toml| format!("{toml}{PANICKING_SCENARIO}"));
    let results = wb.path().join("results.json");
    for (lang, student) in [
        ("en", "the autograder itself is broken"),
        ("ja", "自動採点そのものに問題があります"),
    ] {
        let (output, _) = wb.run(&[
            "--lang",
            lang,
            "grade",
            "--format",
            "gradescope",
            "--lessons",
            "private",
            "--output",
            results.to_str().unwrap(),
        ]);
        assert_status(&output, 2);
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&results).unwrap()).unwrap();
        assert_eq!(value["score"], 0.0);
        assert_eq!(value["tests"].as_array().unwrap().len(), 0);
        assert_eq!(value["stdout_visibility"], "hidden");
        assert!(
            value["output"].as_str().unwrap().contains(student),
            "{value}"
        );
        let error = value["extra_data"]["autograder_error"].as_str().unwrap();
        assert!(error.contains(&panicking_scenario_at(&wb)), "{error}");
    }
    // A lesson file that does not load: the same.
    wb.write(
        "private/01-scale.toml",
        "format = 1\nid = \"scale\"\nmodul = \"scale\"\n",
    );
    std::fs::remove_file(&results).unwrap();
    let (output, _) = wb.run(&[
        "grade",
        "--format",
        "gradescope",
        "--lessons",
        "private",
        "--output",
        results.to_str().unwrap(),
    ]);
    assert_status(&output, 2);
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&results).unwrap()).unwrap();
    assert_eq!(value["score"], 0.0);
    let error = value["extra_data"]["autograder_error"].as_str().unwrap();
    assert!(error.contains("private/01-scale.toml:3:1"), "{error}");
}

/// A sound private lesson (a hidden test more) is proven, and a solved workbook graded
/// with it has full marks.
#[test]
fn a_sound_private_lesson_is_proven_and_grades_a_solved_workbook_at_full_marks() {
    let _serial = serial();
    let wb = private_scale_edited(|toml| {
        toml.replacen(
            "\n[[random]]",
            "\n[[fixed]]\nname = { ja = \"非公開：k = 0\", en = \"private: k = 0\" }\ncall = \"scale\"\nargs = [[4, -4], 0]\nexpected = [0, 0]\nsecret = true\n\n[[random]]",
            1,
        )
    });
    let (output, _) = wb.run(&["dev", "check", "--lessons", "private"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(
        out.contains("✓ scale: the reference passes all 3 hidden tests (10 cases)"),
        "{out}"
    );
    assert!(
        out.contains("✓ scale: both known mistakes fail and are recognised"),
        "{out}"
    );
    let (output, _) = wb.run(&["grade", "--lessons", "private", "--format", "json"]);
    assert_status(&output, 0);
    let grades: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(grades["score"], grades["max_score"]);
    assert_eq!(grades["score"], 15.0);
    assert_eq!(grades["lessons"][0]["tests"].as_array().unwrap().len(), 3);
    // A folder with no lesson file proves nothing: said, with the usage status.
    std::fs::create_dir_all(wb.path().join("nothing")).unwrap();
    let (output, _) = wb.run(&["dev", "check", "--lessons", "nothing"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("nothing holds no lesson files (*.toml)"),
        "{}",
        stderr(&output)
    );
}
