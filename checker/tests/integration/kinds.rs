//! Value types beyond `f32` arrays, through the fixture lesson `kinds`
//! (`tests/fixtures/kinds/`, laid over the fixture course): a `&mut` parameter with a
//! `()` return, `Array1<usize>` labels, `u64` and `bool` parameters, tuples returned by
//! a function and by a scenario, in fixed, random and scenario tests.

use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, serial, stderr, stdout};
use std::path::Path;

/// The fixture course with the lesson `kinds`.
fn kinds() -> Workbook {
    let wb = Workbook::fixture();
    let overlay = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kinds");
    lay_over(&overlay, &overlay, &wb);
    wb
}

fn lay_over(root: &Path, dir: &Path, wb: &Workbook) {
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

#[test]
fn dev_check_proves_the_kinds_lesson_sound() {
    let _serial = serial();
    let wb = kinds();
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(!out.contains('✗'), "{out}");
    assert!(
        out.contains("kinds: both known mistakes fail and are recognised"),
        "{out}"
    );
}

#[test]
fn the_reference_passes_every_new_type() {
    let _serial = serial();
    let wb = kinds();
    std::fs::copy(
        wb.path().join("solutions/src/kinds.rs"),
        wb.exercise("kinds"),
    )
    .unwrap();
    let (output, _) = wb.run(&["check", "kinds"]);
    assert_status(&output, 0);
    assert!(stdout(&output).contains("All 6 hidden tests (20 cases)"));
}

#[test]
fn wrong_labels_updates_and_tuples_are_shown_part_by_part() {
    let _serial = serial();
    let wb = kinds();
    wb.student("kinds", "kinds_all_wrong");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "kinds"])));
}

#[test]
fn a_wrong_sign_in_a_tuple_is_named_in_japanese() {
    let _serial = serial();
    let wb = kinds();
    std::fs::copy(
        wb.path().join("solutions/mistakes/kinds/keeps_sign.rs"),
        wb.exercise("kinds"),
    )
    .unwrap();
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "kinds", "--lang", "ja"])));
}

/// A tuple's part is reported indented below its label; its sentences are fitted to the
/// room left there. They were fitted to the whole screen and then indented two more
/// columns: train's 「いちばん離れているのは [2, 0, 0, 0] です。…」 took 82 of 80.
#[test]
fn the_sentences_of_a_tuples_part_fit_the_screen() {
    use unicode_width::UnicodeWidthStr;
    let _serial = serial();
    let wb = kinds();
    std::fs::copy(
        wb.path().join("solutions/mistakes/kinds/keeps_sign.rs"),
        wb.exercise("kinds"),
    )
    .unwrap();
    for lang in ["ja", "en"] {
        let output = wb
            .checker(&["check", "kinds", "--lang", lang])
            .env("COLUMNS", "50")
            .output()
            .unwrap();
        assert_status(&output, 1);
        let out = stdout(&output);
        // Sentences, not the rows of numbers of a matrix (which are never cut).
        let sentences = out
            .lines()
            .filter(|l| l.chars().any(|c| c.is_alphabetic() && c != 'e'));
        for line in sentences {
            assert!(
                line.width() <= 50,
                "{lang}: {line:?} is wider than 50:\n{out}"
            );
        }
    }
}

#[test]
fn values_of_the_wrong_type_are_lesson_errors() {
    let _serial = serial();
    for (from, to, says) in [
        (
            "expected = [2, [-1, 2, -3]]",
            "expected = [2]",
            "is a list of its 2 parts",
        ),
        (
            "args = [[1, -2, 3], 4, true]",
            "args = [[1, -2, 3], 4, 1]",
            "expected `true` or `false`",
        ),
        (
            "args = [[1, -2, 3], 4, true]",
            "args = [[1, -2, 3], -4, true]",
            "non-negative integer (u64)",
        ),
        (
            "{ range = [0, 1000000] }",
            "{ range = [0, 0.5] }",
            "whole numbers",
        ),
        (
            "\"fn step(w: &mut Array2<f32>, grad: &Array2<f32>, lr: f32)\"",
            "\"fn step(w: &Array2<f32>, grad: &Array2<f32>, lr: f32)\"",
            "nothing to compare",
        ),
    ] {
        let wb = kinds();
        let lesson = wb.read("lessons/03-kinds.toml");
        assert!(lesson.contains(from), "{from}");
        wb.write("lessons/03-kinds.toml", &lesson.replacen(from, to, 1));
        let (output, _) = wb.run(&["dev", "check"]);
        assert_status(&output, 2);
        assert!(
            stderr(&output).contains(says),
            "{says}: {}",
            stderr(&output)
        );
    }
}
