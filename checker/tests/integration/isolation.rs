//! A broken lesson file costs only its lesson: students go on with the others and are
//! told, at the broken one, that it is not their fault and what to tell the instructor;
//! the instructor's commands still see every error and stop.

use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, serial, stderr, stdout};

/// The fixture course with the reference solutions as the student's files, and one
/// lesson file edited.
fn with_broken(file: &str, edit: impl Fn(&str) -> String) -> Workbook {
    let wb = Workbook::fixture();
    wb.install("solutions/src");
    let lesson = wb.read(file);
    let edited = edit(&lesson);
    assert_ne!(edited, lesson, "the edit must change the lesson");
    wb.write(file, &edited);
    wb
}

/// What a student must never be told of a lesson file: to fix it.
#[track_caller]
fn never_fix_it(output: &std::process::Output) {
    let said = format!("{}{}", stdout(output), stderr(output));
    for words in ["Fix it", "fix it", "Fix them", "直して"] {
        assert!(!said.contains(words), "{words}: {said}");
    }
}

#[test]
fn a_misspelt_field_costs_only_its_lesson() {
    let _serial = serial();
    let wb = with_broken("lessons/02-grid.toml", |l| {
        l.replace("uses = [\"scale\"]", "usess = [\"scale\"]")
    });
    // Every other lesson works.
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("Lesson 1/2"),
        "{}",
        stdout(&output)
    );
    // The broken one, named, says so in the student's language, with its line.
    wb.settings().bind(|| {
        assert_cmd_snapshot!("isolation_check_broken_en", wb.checker(&["check", "grid"]));
        assert_cmd_snapshot!(
            "isolation_check_broken_ja",
            wb.checker(&["--lang", "ja", "check", "grid"])
        );
        assert_cmd_snapshot!("isolation_list_broken", wb.checker(&["list"]));
    });
    for args in [
        &["check", "grid"][..],
        &["--lang", "ja", "check", "grid"],
        &["hint", "grid"],
        &["solution", "grid"],
        &["reset", "grid", "--yes"],
        &["list"],
    ] {
        let (output, _) = wb.run(args);
        never_fix_it(&output);
        let broken = stdout(&output);
        assert!(
            broken.contains("lessons/02-grid.toml:4:")
                && (broken.contains("tell your instructor") || broken.contains("先生に知らせて")),
            "{args:?}: {broken}"
        );
        let status = if args == ["list"] { 0 } else { 2 };
        assert_status(&output, status);
    }
    assert_eq!(
        wb.read("exercises/src/grid.rs"),
        wb.read("solutions/src/grid.rs"),
        "reset of a broken lesson changes nothing"
    );
    // The instructor sees every error, as before, and nothing is graded.
    for args in [&["dev", "check"][..], &["grade"]] {
        let (output, _) = wb.run(args);
        assert_status(&output, 2);
        let err = stderr(&output);
        assert!(err.contains("unknown field `usess`"), "{args:?}: {err}");
        assert!(err.contains("lessons/02-grid.toml:4:1"), "{args:?}: {err}");
        assert!(err.contains("Fix it and run the checker again."), "{err}");
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    }
}

/// A file that does not parse has no id to read: its file name gives it one. `next`
/// says so, goes on with the lesson after it, and exits 2.
#[test]
fn a_file_that_does_not_parse_is_passed_with_a_note() {
    let _serial = serial();
    let wb = with_broken("lessons/01-scale.toml", |l| {
        l.replace("points = 5", "points = = 5")
    });
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
    let list = stdout(&output);
    let row = |id: &str| {
        let row = list
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some(id));
        row.unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        row("scale"),
        ["1", "scale", "lessons/01-scale.toml", "broken", "-/-"],
        "{list}"
    );
    assert!(row("grid").contains(&"current"), "{list}");
    wb.settings().bind(|| {
        assert_cmd_snapshot!("isolation_next_past_broken", wb.checker(&["next"]));
        assert_cmd_snapshot!(
            "isolation_next_past_broken_ja",
            wb.checker(&["--lang", "ja", "next"])
        );
    });
    // grid uses scale's module: the student's file of it is still mounted.
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 0);
    let (output, _) = wb.run(&["--lang", "ja", "check", "scale"]);
    assert_status(&output, 2);
    never_fix_it(&output);
    assert!(
        stdout(&output).contains("lessons/01-scale.toml:4: "),
        "{}",
        stdout(&output)
    );
    // verify reports it and goes on to the others.
    let (output, _) = wb.run(&["verify"]);
    assert_status(&output, 2);
    let out = stdout(&output);
    assert!(
        out.contains("✗ scale    lessons/01-scale.toml: the lesson file is broken (lessons/01-scale.toml:4): please tell your instructor"),
        "{out}"
    );
    assert!(out.contains("✓ grid"), "{out}");
    // Once the file is fixed, `next` comes back to it.
    wb.write(
        "lessons/01-scale.toml",
        &wb.read("lessons/01-scale.toml")
            .replace("points = = 5", "points = 5"),
    );
    let (output, _) = wb.run(&["next"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("━━ Lesson 1/2: Scaling (scale) ━━"), "{out}");
    assert!(out.contains("You have finished every lesson."), "{out}");
}

/// A copy of a lesson whose id was not changed: the later file is the broken one, and
/// its file name says which lesson it was meant to be.
#[test]
fn a_duplicate_id_breaks_the_later_file() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.install("solutions/src");
    wb.write("lessons/03-rows.toml", &wb.read("lessons/02-grid.toml"));
    wb.settings()
        .bind(|| assert_cmd_snapshot!("isolation_duplicate_id", wb.checker(&["check", "rows"])));
    let (output, _) = wb.run(&["check", "grid"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("Lesson 2/3"),
        "{}",
        stdout(&output)
    );
    let (output, _) = wb.run(&["list"]);
    let list = stdout(&output);
    let row = |n: &str| list.lines().find(|l| l.starts_with(n)).unwrap_or_default();
    assert!(
        row("3 ").contains("rows") && row("3 ").contains("broken"),
        "{list}"
    );
    assert!(
        row("2 ").contains("grid") && row("2 ").contains("done"),
        "{list}"
    );
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    let err = stderr(&output);
    assert!(
        err.contains("the id `grid` is already used by lessons/02-grid.toml"),
        "{err}"
    );
}

/// Passes are never lost: a lesson that breaks keeps its pass in the progress file, the
/// lessons after it keep theirs (no file they read changed), and the numbers stay put.
#[test]
fn passes_survive_a_lesson_file_breaking_and_being_fixed() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.install("solutions/src");
    for lesson in ["scale", "grid"] {
        assert_status(&wb.run(&["check", lesson]).0, 0);
    }
    assert_status(&wb.run(&["next"]).0, 0);
    let progress = wb.read(".cnnlings/progress.toml");
    let good = wb.read("lessons/01-scale.toml");
    wb.write(
        "lessons/01-scale.toml",
        &good.replace("[[fixed]]", "[[fixd]]"),
    );
    let (output, _) = wb.run(&["list"]);
    let list = stdout(&output);
    assert!(list.contains("1  scale   Scaling   broken"), "{list}");
    assert!(list.contains("2  grid    Row sums  done "), "{list}");
    let (output, _) = wb.run(&["next"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("You have finished every lesson."),
        "a broken lesson that passed before is not to do again: {}",
        stdout(&output)
    );
    assert_eq!(wb.read(".cnnlings/progress.toml"), progress);
    wb.write("lessons/01-scale.toml", &good);
    let (output, _) = wb.run(&["list"]);
    let list = stdout(&output);
    assert!(list.contains("1  scale   Scaling   done "), "{list}");
    assert!(list.contains("2  grid    Row sums  done "), "{list}");
    assert_eq!(wb.read(".cnnlings/progress.toml"), progress);
}
