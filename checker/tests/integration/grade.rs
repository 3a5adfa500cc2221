//! Grading as a course stakes marks on it: exact points, private tests, answers out of
//! reach, and a whole class at once.

use crate::support::{Workbook, assert_status, serial, stdout};
use serde_json::Value;

/// A number of points as whole hundredths, failing if it is not one.
#[track_caller]
fn hundredths(value: &Value) -> i64 {
    let x = value.as_f64().expect("a number") * 100.0;
    assert!(
        (x - x.round()).abs() < 1e-6,
        "{value} is not whole hundredths"
    );
    x.round() as i64
}

/// The fixture course with a third test on `grid`, so 10 points are shared by 3 tests.
fn three_tests_on_ten_points() -> Workbook {
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    let extra = "\n[[fixed]]\nname = { ja = \"1 行\", en = \"one row\" }\ncall = \"row_sums\"\nargs = [[[1, 2, 3]]]\nexpected = [6]\n";
    let grid = grid.replacen("\n[[scenario]]", &format!("{extra}\n[[scenario]]"), 1);
    wb.write("lessons/02-grid.toml", &grid);
    wb
}

#[test]
fn full_marks_are_exactly_the_maximum_in_every_format_from_a_relative_path() {
    let _serial = serial();
    let wb = three_tests_on_ten_points();
    let (output, _) = wb.run(&["grade", "--exercises", "solutions", "--format", "json"]);
    assert_status(&output, 0);
    let grades: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(grades["score"], grades["max_score"]);
    assert_eq!(hundredths(&grades["max_score"]), 1500);
    for lesson in grades["lessons"].as_array().unwrap() {
        let tests = lesson["tests"].as_array().unwrap();
        let shares: i64 = tests.iter().map(|t| hundredths(&t["max_score"])).sum();
        assert_eq!(shares, hundredths(&lesson["max_score"]), "{}", lesson["id"]);
        assert_eq!(lesson["score"], lesson["max_score"]);
    }
    let grid: Vec<i64> = grades["lessons"][1]["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| hundredths(&t["max_score"]))
        .collect();
    assert_eq!(grid, [334, 333, 333]);

    let (output, _) = wb.run(&[
        "grade",
        "--exercises",
        "solutions",
        "--format",
        "gradescope",
    ]);
    let results: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(hundredths(&results["score"]), 1500);
    let sum: i64 = results["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| hundredths(&t["max_score"]))
        .sum();
    assert_eq!(sum, 1500);

    let (output, _) = wb.run(&["grade", "--exercises", "solutions"]);
    assert!(stdout(&output).contains("15/15"), "{}", stdout(&output));
    assert!(stdout(&output).contains("10/10"), "{}", stdout(&output));
}

#[test]
fn full_marks_in_every_format() {
    let _serial = serial();
    let wb = three_tests_on_ten_points();
    for format in ["text", "json", "junit", "gradescope"] {
        let name = format!("full_marks_as_{format}");
        wb.settings().bind(|| {
            crate::support::assert_cmd_snapshot!(
                name,
                wb.checker(&["grade", "--exercises", "solutions", "--format", format])
            )
        });
    }
}

/// Private lessons that replace only `scale`: one hidden, secret test the student never saw.
fn private_scale(wb: &Workbook) -> tempfile::TempDir {
    let private = tempfile::tempdir().unwrap();
    let extra = "\n[[fixed]]\nname = { ja = \"非公開：k = 0\", en = \"private: k = 0\" }\ncall = \"scale\"\nargs = [[4, -4], 0]\nexpected = [0, 0]\nvisibility = \"after_due_date\"\nsecret = true\n";
    let scale = wb.read("lessons/01-scale.toml").replacen(
        "\n[[random]]",
        &format!("{extra}\n[[random]]"),
        1,
    );
    std::fs::write(private.path().join("01-scale.toml"), scale).unwrap();
    private
}

#[test]
fn private_lessons_replace_by_name_and_secret_tests_say_only_that_they_failed() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    let private = private_scale(&wb);
    let lessons = private.path().to_str().unwrap();
    let (output, _) = wb.run(&["grade", "--format", "gradescope", "--lessons", lessons]);
    assert_status(&output, 1);
    let results: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let tests = results["tests"].as_array().unwrap();
    // scale's three tests from the private file, and grid's two from the course.
    assert_eq!(tests.len(), 5);
    let secret = &tests[1];
    assert_eq!(secret["name"], "scale: private: k = 0");
    assert_eq!(secret["visibility"], "after_due_date");
    assert_eq!(tests[0]["visibility"], "visible");
    let text = secret["output"].as_str().unwrap();
    assert!(
        text.contains("1 of 1 cases failed. This test is private"),
        "{text}"
    );
    assert!(!text.contains("-4") && !text.contains("expected"), "{text}");
    assert!(tests[0]["output"].as_str().unwrap().contains("expected"));

    let (output, _) = wb.run(&[
        "--lang",
        "ja",
        "grade",
        "--format",
        "json",
        "--lessons",
        lessons,
    ]);
    let grades: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let text = grades["lessons"][0]["tests"][1]["output"].as_str().unwrap();
    assert!(
        text.contains("1 ケース中 1 ケースが通りませんでした。非公開のテスト"),
        "{text}"
    );
}

#[test]
fn what_student_code_prints_reaches_no_format_with_control_characters() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.write(
        "exercises/src/scale.rs",
        "use ndarray::Array1;\npub fn scale(_v: &Array1<f32>, _k: f32) -> Array1<f32> {\n    panic!(\"\\u{1b}[31mred\\u{1b}[0m nul\\0 bell\\u{7} done\")\n}\n",
    );
    for format in ["json", "gradescope", "junit"] {
        let (output, _) = wb.run(&["grade", "--format", format]);
        let text = stdout(&output);
        assert!(text.contains("red nul bell done"), "{format}: {text}");
        for bad in ["\\u001b", "\\u0000", "\\u0007", "\u{1b}", "\0", "\u{7}"] {
            assert!(!text.contains(bad), "{format} holds {bad:?}: {text}");
        }
    }
}

#[test]
fn a_submission_that_mounts_or_includes_the_reference_scores_zero_and_is_told_why() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let solutions = wb.path().join("solutions").join("src");
    // Three lines that scored full marks when grading mounted student files as they were.
    wb.write(
        "exercises/src/scale.rs",
        &format!(
            "#[path = {:?}]\nmod reference;\npub use reference::scale;\n",
            solutions.join("scale.rs")
        ),
    );
    let grid = wb.read("solutions/src/grid.rs");
    wb.write(
        "exercises/src/grid.rs",
        &format!(
            "{grid}\npub const REFERENCE: &str = include_str!({:?});\n",
            solutions.join("grid.rs")
        ),
    );
    let (output, _) = wb.run(&["grade", "--format", "json"]);
    assert_status(&output, 1);
    let grades: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(grades["score"], 0.0);
    let scale = grades["lessons"][0]["output"].as_str().unwrap();
    assert!(
        scale.starts_with(
            "✗ Grading refused exercises/src/scale.rs: line 1 uses `#[path]`, which mounts another file."
        ),
        "{scale}"
    );
    assert!(scale.contains("This lesson scores 0."));
    let grid = grades["lessons"][1]["output"].as_str().unwrap();
    assert!(
        grid.contains("uses `include_str`, which reads a file while compiling"),
        "{grid}"
    );
    wb.settings()
        .bind(|| crate::support::assert_cmd_snapshot!(wb.checker(&["--lang", "ja", "grade"])));
}

/// A class folder: a whole workbook, `src/` folders, a loop, a compile error, nothing at
/// all, and a link to the reference.
fn class(wb: &Workbook) -> tempfile::TempDir {
    let class = tempfile::tempdir().unwrap();
    let fixtures = crate::support::repo_root().join("checker/tests/fixtures/students");
    let submit = |id: &str, folder: &str, scale: Option<&str>| {
        let src = class.path().join(id).join(folder);
        std::fs::create_dir_all(&src).unwrap();
        for module in ["lib", "grid"] {
            std::fs::write(
                src.join(format!("{module}.rs")),
                wb.read(&format!("exercises/src/{module}.rs")),
            )
            .unwrap();
        }
        if let Some(scale) = scale {
            std::fs::copy(fixtures.join(format!("{scale}.rs")), src.join("scale.rs")).unwrap();
        }
    };
    submit("alice", "exercises/src", Some("scale_pass"));
    std::fs::write(
        class.path().join("alice/exercises/src/grid.rs"),
        wb.read("solutions/src/grid.rs"),
    )
    .unwrap();
    submit("bob", "src", Some("scale_wrong"));
    submit("carol", "src", Some("scale_compile_error"));
    submit("dave", "src", Some("scale_loop"));
    std::fs::create_dir_all(class.path().join("erin")).unwrap();
    submit("frank", "src", None);
    std::os::unix::fs::symlink(
        wb.path().join("solutions/src/scale.rs"),
        class.path().join("frank/src/scale.rs"),
    )
    .unwrap();
    std::fs::write(class.path().join("notes.txt"), "not a submission").unwrap();
    class
}

#[test]
fn a_class_is_graded_into_a_gradebook_and_one_json_per_student() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let class = class(&wb);
    let grades = tempfile::tempdir().unwrap();
    let out = grades.path().join("out");
    let (output, _) = wb.run(&[
        "grade",
        "--class",
        class.path().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("Graded 6 submissions into"),
        "{}",
        stdout(&output)
    );
    let book = std::fs::read_to_string(out.join("gradebook.csv")).unwrap();
    wb.settings()
        .bind(|| insta::assert_snapshot!("class_gradebook", book));
    for id in ["alice", "bob", "carol", "dave", "erin", "frank"] {
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(format!("{id}.json"))).unwrap())
                .unwrap();
        assert_eq!(json["student"], id);
        assert_eq!(json["lessons"].as_array().unwrap().len(), 2);
    }
    let alice: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("alice.json")).unwrap()).unwrap();
    assert_eq!(alice["score"], alice["max_score"]);
    let carol: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("carol.json")).unwrap()).unwrap();
    let compile = carol["lessons"][0]["output"].as_str().unwrap();
    assert!(compile.contains("carol/src/scale.rs"), "{compile}");
    assert!(!compile.contains("cnnlings/grade"), "{compile}");
}

/// Code that compiles but does not fit the tests (a scenario needs a struct the file
/// lacks) fails to build in the generated harness: the gradebook's note says the tests
/// cannot call the student's file, not 'main.rs does not compile', a file no one wrote.
#[test]
fn a_file_that_does_not_fit_the_tests_is_noted_as_such_not_as_main_rs() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    wb.student("grid", "grid_scenario_mismatch");
    let (output, _) = wb.run(&["grade", "--format", "json"]);
    assert_status(&output, 1);
    let grades: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        grades["lessons"][1]["note"],
        "The hidden tests cannot call the code in grid.rs."
    );
    let (output, _) = wb.run(&["--lang", "ja", "grade"]);
    assert!(
        stdout(&output).contains("grid: 隠しテストが grid.rs のコードを呼び出せません。"),
        "{}",
        stdout(&output)
    );
}

/// A class folder that is not there is the instructor's slip: said in their language,
/// with the usage status, not 'the checker cannot go on: cannot read …' (status 3). And
/// `--format` with `--class`, which writes CSV and JSON, is refused, not ignored.
#[test]
fn a_class_folder_that_is_not_there_is_a_usage_error() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.settings().bind(|| {
        crate::support::assert_cmd_snapshot!(
            "grade_class_folder_missing_ja",
            wb.checker(&["--lang", "ja", "grade", "--class", "submissions"])
        );
    });
    let (output, _) = wb.run(&["grade", "--class", "submissions"]);
    assert_status(&output, 2);
    let said = crate::support::stderr(&output);
    assert!(
        said.starts_with("There is no folder ") && said.trim_end().ends_with("/submissions."),
        "{said}"
    );
    let (output, _) = wb.run(&["grade", "--class", ".", "--format", "junit"]);
    assert_status(&output, 2);
}

/// Processes that keep one processor busy for as long as they live.
struct Spinners(Vec<std::process::Child>);

impl Drop for Spinners {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// On a busy machine a time-out says nothing of the code, and grading costs no points
/// for it: the lesson is run again, alone, until its code has used the processor time
/// it may. A loop is then stopped by that limit, and its note names a loop, not 'the
/// machine was busy, so it may well be fast enough'. Here the grader and two spinners
/// share one processor, so the looping code gets a third of it at most (less when the
/// machine is loaded besides): the run again waits while the code wants a processor, so
/// the verdict does not depend on how busy the machine is.
#[cfg(target_os = "linux")]
#[test]
fn a_loop_graded_on_a_busy_machine_is_named_a_loop() {
    let _serial = serial();
    assert!(
        std::process::Command::new("taskset")
            .args(["-c", "0", "true"])
            .status()
            .is_ok_and(|s| s.success()),
        "this test needs taskset (util-linux) to crowd one processor"
    );
    let wb = Workbook::fixture();
    wb.student("scale", "scale_loop");
    let grade = || {
        std::process::Command::new("taskset")
            .args([
                "-c",
                "0",
                env!("CARGO_BIN_EXE_checker"),
                "grade",
                "--format",
                "json",
            ])
            .current_dir(wb.path())
            .env("CNNLINGS_TARGET_DIR", wb.harness_target())
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    // Built first, on a quiet processor: only the run is crowded.
    assert_status(&grade(), 1);
    let spin = || {
        std::process::Command::new("taskset")
            .args(["-c", "0", "sh", "-c", "while :; do :; done"])
            .spawn()
            .unwrap()
    };
    let spinners = Spinners(vec![spin(), spin()]);
    let output = grade();
    drop(spinners);
    assert_status(&output, 1);
    let grades: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let note = grades["lessons"][0]["note"].as_str().unwrap();
    assert_eq!(
        note, "Stopped at the time limit (2 s). Look for a loop that never ends.",
        "{grades:#}"
    );
}

/// Gradescope always gets a results.json: from loose module files (how students often
/// upload), a whole workbook, a folder that is not there, an empty one, or one without a
/// module file; the student reads what to hand in, in the course's language.
#[test]
fn gradescope_always_gets_a_result_whatever_was_uploaded() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let uploads = tempfile::tempdir().unwrap();
    let loose = uploads.path().join("loose");
    std::fs::create_dir_all(&loose).unwrap();
    for module in ["scale", "grid"] {
        std::fs::write(
            loose.join(format!("{module}.rs")),
            wb.read(&format!("solutions/src/{module}.rs")),
        )
        .unwrap();
    }
    let workbook = uploads.path().join("workbook");
    std::fs::create_dir_all(workbook.join("exercises/src")).unwrap();
    std::fs::write(
        workbook.join("exercises/src/scale.rs"),
        wb.read("solutions/src/scale.rs"),
    )
    .unwrap();
    let empty = uploads.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let other = uploads.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("main.rs"), "fn main() {}\n").unwrap();
    let results = wb.path().join("results.json");
    let grade = |folder: &str, lang: &str| -> (i32, Value) {
        let folder = uploads.path().join(folder);
        let (output, _) = wb.run(&[
            "--lang",
            lang,
            "grade",
            "--format",
            "gradescope",
            "--exercises",
            folder.to_str().unwrap(),
            "--output",
            results.to_str().unwrap(),
        ]);
        let text = std::fs::read_to_string(&results).unwrap();
        std::fs::remove_file(&results).unwrap();
        (
            output.status.code().unwrap(),
            serde_json::from_str(&text).unwrap(),
        )
    };
    let (status, value) = grade("loose", "en");
    assert_eq!((status, hundredths(&value["score"])), (0, 1500), "{value}");
    let (status, value) = grade("workbook", "en");
    assert_eq!((status, hundredths(&value["score"])), (1, 500), "{value}");
    let grid = value["tests"][2]["output"].as_str().unwrap();
    assert!(grid.contains("grid.rs"), "{grid}");
    for (folder, says) in [
        ("missing", "there is no folder"),
        ("empty", "is empty."),
        ("other", "holds none of the lesson files"),
    ] {
        let (status, value) = grade(folder, "en");
        assert_eq!(status, 1, "{folder}: {value}");
        assert_eq!(value["score"], 0.0);
        assert_eq!(value["tests"].as_array().unwrap().len(), 4);
        let output = value["output"].as_str().unwrap();
        assert!(output.contains(says), "{folder}: {output}");
        assert!(
            output.contains("(scale.rs, grid.rs): the files themselves, your exercises/ folder, or the whole workbook"),
            "{output}"
        );
    }
    let (_, value) = grade("empty", "ja");
    let output = value["output"]
        .as_str()
        .unwrap()
        .replace(&uploads.path().display().to_string(), "[UPLOADS]");
    wb.settings()
        .bind(|| insta::assert_snapshot!("gradescope_nothing_to_grade_ja", output));
    // The other formats take a missing folder as the grader's slip.
    let missing = uploads.path().join("missing");
    let (output, _) = wb.run(&["grade", "--exercises", missing.to_str().unwrap()]);
    assert_status(&output, 2);
}
