//! A student's path through the fixture course: first run, wrong answers, passing, hints.

use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, serial, stdout};

#[test]
fn first_next_welcomes_and_shows_the_stub_calmly() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["next"])));
}

#[test]
fn first_next_in_japanese_from_lang() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let mut command = wb.checker(&["next"]);
    command.env("LANG", "ja_JP.UTF-8");
    wb.settings().bind(|| assert_cmd_snapshot!(command));
}

/// A new student's first `next` shows the welcome and the first lesson before the check,
/// which on a fresh clone first builds the tests' dependencies: here the check cannot
/// even start (no cargo), and the lesson is on screen all the same.
#[test]
fn first_next_shows_the_lesson_before_the_check_starts() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let empty = tempfile::tempdir().unwrap();
    let output = wb
        .checker(&["next"])
        .env("PATH", empty.path())
        .env_remove("CARGO")
        .output()
        .unwrap();
    assert_status(&output, 3);
    let out = stdout(&output);
    assert!(out.starts_with("Welcome to cnnlings!"), "{out}");
    assert!(out.contains("Lesson 1/2: Scaling (scale)"), "{out}");
    assert!(
        out.contains("The file to edit: exercises/src/scale.rs"),
        "{out}"
    );
    // Only once: the run that can check does not show them again below.
    assert_eq!(out.matches("Lesson 1/2").count(), 1, "{out}");
}

#[test]
fn passing_saves_progress_and_introduces_the_next_lesson() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["next"])));
    assert!(wb.read(".cnnlings/progress.toml").contains("passed = true"));
    // The next `next` works on the second lesson, whose stub is untouched.
    let (output, _) = wb.run(&["next"]);
    assert_status(&output, 1);
    assert!(
        stdout(&output).contains("Lesson 2/2: Row sums"),
        "{}",
        stdout(&output)
    );
    wb.settings()
        .bind(|| assert_cmd_snapshot!("list_after_one_lesson", wb.checker(&["list"])));
}

#[test]
fn a_wrong_answer_shows_inputs_expected_and_got() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "scale"])));
}

#[test]
fn a_wrong_answer_in_japanese() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "scale", "--lang", "ja"])));
}

#[test]
fn a_wrong_shape_names_both_shapes() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong_shape");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "scale"])));
}

#[test]
fn a_compile_error_points_into_the_students_file() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_compile_error");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "scale"])));
}

#[test]
fn a_type_error_is_rustcs_own_message() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_type_error");
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("exercises/src/scale.rs does not compile"),
        "{out}"
    );
    assert!(out.contains("--> exercises/src/scale.rs:4:"), "{out}");
    assert!(
        !out.contains("main.rs") && !out.contains("cnnlings_runtime"),
        "no generated code: {out}"
    );
}

#[test]
fn a_changed_signature_is_named_with_the_expected_one() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong_signature");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "scale"])));
}

#[test]
fn a_scenario_that_cannot_use_the_students_types_is_named() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass")
        .student("grid", "grid_scenario_mismatch");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "grid"])));
}

#[test]
fn a_panic_shows_its_message_and_the_students_line() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_panic");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "scale"])));
}

/// A panic inside ndarray (a `dot` of vectors of different lengths, as a `dense` with
/// transposed weights does) is put on the student's line that called it, not on ndarray's
/// file in cargo's registry, which a student cannot act on.
#[test]
fn a_panic_inside_ndarray_names_the_students_line() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_dot_panic");
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("Your code panicked at exercises/src/scale.rs:5:"),
        "{out}"
    );
    assert!(!out.contains("registry"), "{out}");
}

/// A NaN where a number belongs is explained (where NaN comes from), not measured: "the
/// difference is NaN" told a student nothing.
#[test]
fn a_nan_result_says_where_nan_comes_from() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_nan");
    for (lang, words) in [
        ("ja", "NaN は「数でない値」"),
        ("en", "NaN (\"not a number\")"),
    ] {
        let output = wb
            .checker(&["--lang", lang, "check", "scale"])
            .env("COLUMNS", "80")
            .output()
            .unwrap();
        assert_status(&output, 1);
        let out = stdout(&output);
        assert!(out.contains(words), "{out}");
        assert!(
            !out.contains("差 NaN") && !out.contains("difference NaN"),
            "{out}"
        );
        let name = format!("nan_result_{lang}");
        wb.settings().bind(|| insta::assert_snapshot!(name, out));
    }
}

/// The panics a student meets most (an index past the end, a usize below zero) are
/// explained in the student's language under Rust's own message.
#[test]
fn a_common_panic_is_explained_in_both_languages() {
    let _serial = serial();
    let wb = Workbook::fixture();
    for fixture in ["scale_panic", "scale_subtract"] {
        wb.student("scale", fixture);
        for lang in ["ja", "en"] {
            let output = wb
                .checker(&["--lang", lang, "check", "scale"])
                .env("COLUMNS", "80")
                .output()
                .unwrap();
            assert_status(&output, 1);
            let name = format!("common_panic_{fixture}_{lang}");
            wb.settings()
                .bind(|| insta::assert_snapshot!(name, stdout(&output)));
        }
    }
}

#[test]
fn a_broken_exercise_does_not_block_checking_another() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_compile_error");
    wb.write(
        "exercises/src/grid.rs",
        &std::fs::read_to_string(wb.path().join("solutions/src/grid.rs")).unwrap(),
    );
    // grid uses scale, so it needs a compiling scale: a broken *other* lesson must not matter.
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 1);
    assert!(stdout(&output).contains("exercises/src/scale.rs does not compile"));
    wb.student("scale", "scale_pass")
        .student("grid", "grid_scenario_mismatch");
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 0);
}

#[test]
fn hints_come_one_at_a_time_and_are_remembered() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let (first, _) = wb.run(&["hint"]);
    assert_status(&first, 0);
    assert!(stdout(&first).contains("Hint 1 of 2") && !stdout(&first).contains("Hint 2 of 2"));
    wb.settings()
        .bind(|| assert_cmd_snapshot!("second_hint", wb.checker(&["hint"])));
    let (third, _) = wb.run(&["hint", "scale"]);
    assert!(stdout(&third).contains("That was the last hint."));
    assert!(wb.read(".cnnlings/progress.toml").contains("hints = 2"));
}

#[test]
fn verify_fails_until_every_lesson_passes() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    wb.settings()
        .bind(|| assert_cmd_snapshot!("verify_one_of_two", wb.checker(&["verify"])));
    wb.write("exercises/src/grid.rs", &wb.read("solutions/src/grid.rs"));
    let (output, _) = wb.run(&["verify"]);
    assert_status(&output, 0);
    assert!(stdout(&output).contains("All 2 lessons pass."));
}

#[test]
fn an_unknown_lesson_suggests_the_closest_id() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "scal"])));
}

#[test]
fn finishing_the_course_congratulates() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    wb.write("exercises/src/grid.rs", &wb.read("solutions/src/grid.rs"));
    assert_status(&wb.run(&["next"]).0, 0);
    let (output, _) = wb.run(&["next"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("You have finished every lesson"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_lesson_id_is_found_in_any_case() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    let (output, _) = wb.run(&["check", "Scale"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("Lesson 1/2: Scaling (scale)"),
        "{}",
        stdout(&output)
    );
    // A near miss in another case is still suggested.
    let (output, _) = wb.run(&["hint", "SCAL"]);
    assert_status(&output, 2);
    assert!(
        crate::support::stderr(&output).contains("Did you mean `scale`?"),
        "{}",
        crate::support::stderr(&output)
    );
}

/// Runs the checker with its standard output going to a pipe nobody reads.
fn run_into_a_closed_pipe(wb: &Workbook, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    wb.checker(args)
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn every_command_ends_quietly_when_its_reader_goes_away() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    for args in [&["list"][..], &["next"], &["hint"], &["verify"]] {
        let output = run_into_a_closed_pipe(&wb, args);
        let stderr = crate::support::stderr(&output);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
        assert_ne!(output.status.code(), Some(101), "{args:?}: {stderr}");
    }
    // What `next` found was saved before it was printed.
    assert!(wb.read(".cnnlings/progress.toml").contains("passed = true"));
}

#[test]
fn a_crash_before_the_first_case_says_what_it_was() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_before_main");
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(out.contains("Stopped at the time limit (2 s)"), "{out}");
    wb.settings()
        .bind(|| insta::assert_snapshot!("a_crash_before_the_first_case", out));
}

/// The moment the student's network reads handwriting: when `digits` passes, the report
/// says how many of the 360 test digits it read right and draws some, the wrong ones
/// first, with the label and what it read.
#[test]
fn a_passing_digits_lesson_draws_what_the_network_read() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.install("solutions/src");
    for lang in ["en", "ja"] {
        let mut check = wb.checker(&["--lang", lang, "check", "digits"]);
        check.env("COLUMNS", "80");
        let output = check.output().unwrap();
        assert_status(&output, 0);
        let name = format!("digits_pass_{lang}");
        wb.settings()
            .bind(|| insta::assert_snapshot!(name, stdout(&output)));
    }
}

/// A failing test with a `show` draws what the student's code computed, so that the
/// student sees what their mistake does: pixels divided by 255 leave the network almost
/// blind, and the digits it misread come first. A passing test's picture stays away.
#[test]
fn a_failing_digits_lesson_draws_the_digits_the_network_misread() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.install("solutions/src");
    let mistake = wb.mistake("lessons/08-digits.toml", "divided_by_255");
    wb.write("exercises/src/digits.rs", &mistake);
    let mut check = wb.checker(&["check", "digits"]);
    check.env("COLUMNS", "80");
    let output = check.output().unwrap();
    assert_status(&output, 1);
    let out = stdout(&output);
    let drawn = out
        .find("Your network read 113 of the 360 digits right: 31.4 %.")
        .unwrap_or_else(|| panic!("{out}"));
    // After the failures, before the line that says what to do.
    assert!(
        out.find("known mistake").is_some_and(|at| at < drawn),
        "{out}"
    );
    assert!(
        out.find("Fix it, save").is_some_and(|at| at > drawn),
        "{out}"
    );
    assert!(out.contains("Here are 8 of the 247 it misread."), "{out}");
    assert_eq!(out.matches("read  1 ✗").count(), 6, "{out}");
    // The picture fits 80 columns (the matrices above it are written as they are).
    assert!(
        out[drawn..].lines().all(|l| l.chars().count() <= 80),
        "{out}"
    );
}

/// Max pooling that keeps each window's top-left cell (a search for the maximum that never
/// takes the larger value, or every size-th pixel) is a known mistake: the student read
/// only the expected and their values before.
#[test]
fn pooling_that_keeps_the_first_cell_is_named() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.student("pool", "pool_top_left");
    for (lang, words) in [
        ("ja", "各区画の左上の値を、そのまま結果にしています。"),
        ("en", "Your result is the top-left cell of each window"),
    ] {
        let (output, _) = wb.run(&["--lang", lang, "check", "pool"]);
        assert_status(&output, 1);
        let out = stdout(&output);
        assert!(out.contains(words), "{out}");
    }
}

/// Panics alone name a known mistake only when they are panics of its kind: a student's
/// own `assert_eq!(kh, kw)` (square kernels only) panics on the very cases a transposed
/// kernel does, and was told "Your image gradient uses the transposed kernel", which it
/// does not. Its pooling's `>=` on ties is still named.
#[test]
fn a_students_own_assertion_is_not_taken_for_a_known_mistake() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.install("solutions/src")
        .student("convback", "convback_square_kernels_only");
    let (output, _) = wb.run(&["check", "convback"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(!out.contains("transposed kernel"), "{out}");
    assert!(
        out.contains("→ Some of the failures are a known mistake."),
        "{out}"
    );
    assert!(out.contains("`>=`"), "{out}");
}

/// Gradients wrong in a way the lesson knows no mistake for: a relu_backward with no
/// mask at all (it matched two known mistakes on some cases each, and was told it had
/// both: it does pass the gradient at 0, but it never puts the gradient itself through
/// ReLU), and a grad_input twice too large (a scenario's worst error, 1.0, was what
/// keeping only the last output gives too, and that mistake was named). Each hears the
/// pattern of its values, and no mistake it does not have.
#[test]
fn gradients_wrong_in_an_unknown_way_are_said_by_their_pattern() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.install("solutions/src");
    let solved = wb.read("exercises/src/backprop.rs");
    for (find, with, pattern, not_had) in [
        (
            ".map_collect(|&x, &g| if x > 0.0 { g } else { 0.0 })",
            ".map_collect(|&_x, &g| g)",
            "Only the cells that should be 0 differ; all the others are right.",
            "puts the gradient itself through ReLU",
        ),
        (
            "let grad_input = weights.t().dot(grad_out);",
            "let grad_input = weights.t().dot(grad_out) * 2.0;",
            "Every value is exactly 2 times the expected one",
            "known mistake",
        ),
    ] {
        let wrong = solved.replace(find, with);
        assert_ne!(wrong, solved);
        wb.write("exercises/src/backprop.rs", &wrong);
        let (output, _) = wb.run(&["check", "backprop", "--lang", "en"]);
        assert_status(&output, 1);
        let out = stdout(&output);
        assert!(!out.contains(not_had), "{out}");
        assert!(out.contains(pattern), "{out}");
    }
}

/// A train_epoch that computes the gradients but never calls sgd_step is a known
/// mistake: a student who left the step out read only that every weight differed.
#[test]
fn training_that_never_steps_is_named() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.install("solutions/src");
    let solved = wb.read("exercises/src/train.rs");
    let never = solved.replace("        sgd_step(cnn, &grads, learning_rate);\n", "");
    assert_ne!(never, solved);
    wb.write("exercises/src/train.rs", &never);
    for (lang, words) in [
        ("en", "`train_epoch` never updates the weights"),
        ("ja", "`train_epoch` で、重みを更新していません。"),
    ] {
        let (output, _) = wb.run(&["--lang", lang, "check", "train"]);
        assert_status(&output, 1);
        let out = stdout(&output);
        assert!(out.contains(words), "{out}");
    }
}

/// A mistake the lesson does not know is not named after one it knows that gives the
/// same ReLU 0 on a few cases: that mistake fails where the student's code passes.
#[test]
fn a_mistake_alike_on_a_few_zeros_is_not_named() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.install("solutions/src")
        .student("unit", "unit_bias_twice");
    let (output, _) = wb.run(&["check", "unit", "--lang", "en"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(out.contains("Expected 2.25, got 2.5"), "{out}");
    assert!(!out.contains("known mistake"), "{out}");
}

/// Two mistakes in one function, where one panics first: a transposed index panics on
/// every non-square matrix, which hid the ReLU added too. Case by case, both are named
/// (the ReLU by the symmetric layer, where transposing changes nothing), and the cases
/// where they show together are said to be explained by no one of them.
#[test]
fn a_panicking_mistake_does_not_hide_a_second_one_in_the_same_function() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.install("solutions/src")
        .student("dense", "dense_transposed_and_relu");
    for (lang, words) in [
        (
            "en",
            [
                "Some of the failures are 2 known mistakes.",
                "Your layer uses the weights transposed",
                "Your layer applies ReLU",
            ],
        ),
        (
            "ja",
            [
                "失敗の一部が、よくある間違い 2 つに当てはまります。",
                "重みを転置して",
                "出力を ReLU に通していて",
            ],
        ),
    ] {
        let (output, _) = wb.run(&["check", "dense", "--lang", lang]);
        assert_status(&output, 1);
        let out = stdout(&output);
        for words in words {
            assert!(out.contains(words), "{words}\n{out}");
        }
    }
}

#[test]
fn two_known_mistakes_at_once_are_both_named() {
    let _serial = serial();
    let wb = Workbook::real();
    // Every earlier lesson solved (loss uses the student's own softmax, from cnn).
    wb.install("solutions/src")
        .student("loss", "loss_two_mistakes");
    for lang in ["en", "ja"] {
        let (output, _) = wb.run(&["check", "loss", "--lang", lang]);
        assert_status(&output, 1);
        // The verdict's head: the summary and both mistakes, before the failing tests.
        let head: String = stdout(&output)
            .lines()
            .take_while(|line| !line.starts_with("✗ right") && !line.starts_with("✗ 確率"))
            .map(|line| format!("{line}\n"))
            .collect();
        wb.settings().bind(|| {
            insta::assert_snapshot!(format!("two_known_mistakes_{lang}"), head);
        });
    }
    // One known mistake and a bug no lesson knows, in the other function: the mistake is
    // named as explaining some of the failures only, so that the student knows there is
    // more to fix (naming none hid the one the checker did recognise).
    let known_and_unknown = wb.read("exercises/src/loss.rs").replace(
        "    let grad = softmax(logits);\n    grad",
        "    softmax(logits) * 2.0",
    );
    wb.write("exercises/src/loss.rs", &known_and_unknown);
    let (output, _) = wb.run(&["check", "loss"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("→ Some of the failures are a known mistake."),
        "{out}"
    );
    assert!(
        out.contains("It does not explain the other failures: something else needs fixing too."),
        "{out}"
    );
}

/// A known mistake in one function and another that shows with it (a dot product that
/// stops one short, and a unit that adds the bias after ReLU, which with that dot matches
/// no one known mistake): case by case both are named, the second where it shows alone,
/// with a word that they do not explain every failure.
#[test]
fn a_known_mistake_beside_an_unknown_one_is_named_as_part_of_the_failures() {
    let _serial = serial();
    let wb = Workbook::real();
    wb.student("unit", "unit_dot_short_bias_after_relu");
    for lang in ["ja", "en"] {
        let output = wb
            .checker(&["--lang", lang, "check", "unit"])
            .env("COLUMNS", "80")
            .output()
            .unwrap();
        assert_status(&output, 1);
        let head: String = stdout(&output)
            .lines()
            .take_while(|line| !line.starts_with("✗ a dot") && !line.starts_with("✗ 負の数"))
            .map(|line| format!("{line}\n"))
            .collect();
        wb.settings().bind(|| {
            insta::assert_snapshot!(format!("known_and_unknown_mistake_{lang}"), head);
        });
    }
}

/// A lesson whose `expected` is wrong once told a student with correct code that it was
/// wrong. The reference disagrees with that `expected`, so the lesson is at fault: the
/// student is told so, at the line to pass on, and the check exits 2 as for a lesson
/// file's error; a student whose code is wrong hears the same (the lesson cannot judge).
#[test]
fn a_wrong_expected_is_the_lessons_fault_not_the_students() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let lesson = wb.read("lessons/01-scale.toml");
    wb.write(
        "lessons/01-scale.toml",
        &lesson.replace("expected = [3, -6]", "expected = [3, -7]"),
    );
    wb.write("exercises/src/scale.rs", &wb.read("solutions/src/scale.rs"));
    wb.settings().bind(|| {
        assert_cmd_snapshot!("wrong_expected_student", wb.checker(&["check", "scale"]));
        assert_cmd_snapshot!(
            "wrong_expected_student_ja",
            wb.checker(&["check", "scale", "--lang", "ja"])
        );
    });
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 2);
    assert!(
        stdout(&output).contains("lessons/01-scale.toml:18: the `expected` value"),
        "{}",
        stdout(&output)
    );
}
