//! The student's day besides checking: reset, solution and the hints' memory.

use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, serial, stderr, stdout};
use crate::watch::Pty;
use std::process::Command;
use std::time::Duration;

/// Makes the workbook a git repository whose `HEAD` holds its files as they are now, as
/// a student's clone would be.
fn commit_all(wb: &Workbook) {
    let git = |args: &[&str]| {
        let output = Command::new("git")
            .args(["-c", "user.email=t@t", "-c", "user.name=t"])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(wb.path())
            .output()
            .unwrap();
        assert!(output.status.success(), "git {args:?}: {output:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "the workbook"]);
}

/// The snapshot settings, with the backup's time hidden.
fn settings(wb: &Workbook) -> insta::Settings {
    let mut settings = wb.settings();
    settings.add_filter(r"\d{8}-\d{6}(-\d+)?\.rs", "[TIME].rs");
    settings
}

fn backups(wb: &Workbook) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(wb.path().join(".cnnlings/backup")) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn reset_restores_the_stub_and_keeps_a_named_backup() {
    let wb = Workbook::fixture();
    let stub = wb.read("lessons/stubs/scale.rs");
    wb.student("scale", "scale_wrong");
    let mine = wb.read("exercises/src/scale.rs");
    settings(&wb).bind(|| assert_cmd_snapshot!(wb.checker(&["reset", "scale", "--yes"])));
    assert_eq!(wb.read("exercises/src/scale.rs"), stub);
    let kept = backups(&wb);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), mine);
    assert!(
        kept[0]
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("scale-")
    );
}

#[test]
fn reset_in_japanese_of_a_passed_lesson() {
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    wb.write(
        ".cnnlings/progress.toml",
        "format = 1\n[lessons.scale]\npassed = true\nhints = 1\n",
    );
    settings(&wb)
        .bind(|| assert_cmd_snapshot!(wb.checker(&["reset", "scale", "--yes", "--lang", "ja"])));
    // The lesson is to be passed again; the hints already seen stay seen.
    let progress = wb.read(".cnnlings/progress.toml");
    assert!(progress.contains("passed = false"), "{progress}");
    assert!(progress.contains("hints = 1"), "{progress}");
    // Twice in a second: two backups, neither overwritten.
    wb.student("scale", "scale_wrong");
    let (output, _) = wb.run(&["reset", "scale", "--yes"]);
    assert_status(&output, 0);
    assert_eq!(backups(&wb).len(), 2);
}

#[test]
fn reset_of_the_stub_itself_changes_nothing() {
    let wb = Workbook::fixture();
    let (output, _) = wb.run(&["reset", "grid", "--yes"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("is the stub already"),
        "{output:?}"
    );
    assert!(backups(&wb).is_empty());
}

#[test]
fn reset_without_a_terminal_asks_for_yes_and_changes_nothing() {
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    settings(&wb).bind(|| {
        assert_cmd_snapshot!(
            "reset_needs_yes",
            wb.checker(&["reset", "scale"])
                .stdin(std::process::Stdio::null())
        )
    });
    settings(&wb).bind(|| {
        assert_cmd_snapshot!(
            "reset_needs_yes_ja",
            wb.checker(&["reset", "scale", "--lang", "ja"])
                .stdin(std::process::Stdio::null())
        )
    });
    assert!(wb.read("exercises/src/scale.rs").contains("x + k"));
    assert!(backups(&wb).is_empty());
}

#[test]
fn reset_without_its_stub_file_says_where_it_belongs_and_changes_nothing() {
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    std::fs::remove_file(wb.path().join("lessons/stubs/scale.rs")).unwrap();
    settings(&wb).bind(|| {
        assert_cmd_snapshot!(
            "reset_without_stub",
            wb.checker(&["reset", "scale", "--yes"])
        )
    });
    settings(&wb).bind(|| {
        assert_cmd_snapshot!(
            "reset_without_stub_ja",
            wb.checker(&["reset", "scale", "--yes", "--lang", "ja"])
        )
    });
    assert!(wb.read("exercises/src/scale.rs").contains("x + k"));
    assert!(backups(&wb).is_empty());
}

#[test]
fn reset_brings_back_the_pristine_stub_not_a_half_done_file() {
    let wb = Workbook::fixture();
    let stub = wb.read("lessons/stubs/scale.rs");
    // A half-done file still has a todo!(), and the student committed it.
    wb.write(
        "exercises/src/scale.rs",
        "use ndarray::Array1;\n/// Half done.\npub fn scale(v: &Array1<f32>, k: f32) -> Array1<f32> {\n    let _ = k;\n    todo!()\n}\n",
    );
    commit_all(&wb);
    let (output, _) = wb.run(&["reset", "scale", "--yes"]);
    assert_status(&output, 0);
    assert_eq!(wb.read("exercises/src/scale.rs"), stub);
}

#[test]
fn reset_an_unknown_lesson_is_a_usage_error() {
    let wb = Workbook::fixture();
    let (output, _) = wb.run(&["reset", "scal", "--yes"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("Did you mean `scale`?"),
        "{output:?}"
    );
}

#[test]
fn reset_asks_on_a_terminal_and_takes_no_for_an_answer() {
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    let mut pty = Pty::spawn(&wb, &["reset", "scale"]);
    pty.screen.wait_for("[y/N]", 0, Duration::from_secs(30));
    pty.keys("n\r");
    assert_eq!(pty.exit_code(Duration::from_secs(30)), 1);
    // The reader thread may still be catching up with the last lines after the exit.
    pty.screen
        .wait_for("is left as it was", 0, Duration::from_secs(30));
    assert!(wb.read("exercises/src/scale.rs").contains("x + k"));

    let mut pty = Pty::spawn(&wb, &["reset", "scale", "--lang", "ja"]);
    pty.screen.wait_for("[y/N]", 0, Duration::from_secs(30));
    pty.keys("y\r");
    assert_eq!(pty.exit_code(Duration::from_secs(30)), 0);
    pty.screen
        .wait_for("最初の状態に戻しました", 0, Duration::from_secs(30));
    assert!(wb.read("exercises/src/scale.rs").contains("todo!()"));
}

#[test]
fn solution_before_passing_suggests_a_hint() {
    let wb = Workbook::fixture();
    settings(&wb).bind(|| assert_cmd_snapshot!(wb.checker(&["solution", "scale"])));
    settings(&wb).bind(|| {
        assert_cmd_snapshot!(
            "solution_before_passing_ja",
            wb.checker(&["solution", "scale", "--lang", "ja"])
        )
    });
}

#[test]
fn solution_after_passing_shows_the_reference_and_where_it_is() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 0);
    settings(&wb).bind(|| assert_cmd_snapshot!(wb.checker(&["solution", "scale"])));
    settings(&wb).bind(|| {
        assert_cmd_snapshot!(
            "solution_after_passing_ja",
            wb.checker(&["solution", "scale", "--lang", "ja"])
        )
    });
    // Passing one lesson opens only that lesson's solution.
    let (output, _) = wb.run(&["solution", "grid"]);
    assert_status(&output, 1);
}

#[test]
fn hints_in_japanese_are_remembered_between_commands() {
    let wb = Workbook::fixture();
    settings(&wb)
        .bind(|| assert_cmd_snapshot!("first_hint_ja", wb.checker(&["hint", "--lang", "ja"])));
    assert!(wb.read(".cnnlings/progress.toml").contains("hints = 1"));
    settings(&wb).bind(|| {
        assert_cmd_snapshot!(
            "second_hint_ja",
            wb.checker(&["hint", "scale", "--lang", "ja"])
        )
    });
    assert!(wb.read(".cnnlings/progress.toml").contains("hints = 2"));
    // Past the last hint, the last stays the last.
    let (output, _) = wb.run(&["hint"]);
    assert_status(&output, 0);
    assert!(stdout(&output).contains("That was the last hint."));
    assert!(wb.read(".cnnlings/progress.toml").contains("hints = 2"));
    // A lesson without hints says so.
    let (output, _) = wb.run(&["hint", "grid", "--lang", "ja"]);
    assert_status(&output, 0);
    assert!(stdout(&output).contains("レッスン grid にはヒントがありません。"));
}

#[test]
fn reset_finds_the_stub_even_after_the_student_committed_their_work() {
    let wb = Workbook::fixture();
    commit_all(&wb);
    let stub = wb.read("lessons/stubs/scale.rs");
    wb.student("scale", "scale_pass");
    let status = Command::new("git")
        .args([
            "-c",
            "user.email=s@s",
            "-c",
            "user.name=s",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(["commit", "-qam", "my work"])
        .current_dir(wb.path())
        .status()
        .unwrap();
    assert!(status.success());
    let (output, _) = wb.run(&["reset", "scale", "--yes"]);
    assert_status(&output, 0);
    assert_eq!(wb.read("exercises/src/scale.rs"), stub);
}

#[test]
fn points_are_awarded_once() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    let (first, _) = wb.run(&["check", "scale"]);
    assert_status(&first, 0);
    assert!(stdout(&first).contains("+5 points"), "{}", stdout(&first));
    let (again, _) = wb.run(&["check", "scale"]);
    assert_status(&again, 0);
    assert!(!stdout(&again).contains("points"), "{}", stdout(&again));
    // Nor after a failure and a second pass: the points count while the lesson passes.
    wb.student("scale", "scale_wrong");
    assert_status(&wb.run(&["check", "scale"]).0, 1);
    wb.student("scale", "scale_pass");
    let (third, _) = wb.run(&["check", "scale"]);
    assert!(!stdout(&third).contains("points"), "{}", stdout(&third));
    assert!(stdout(&wb.run(&["list"]).0).contains("5 of 15 points"));
}

#[test]
fn a_pass_that_fails_later_is_no_longer_shown_as_passed() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    wb.write("exercises/src/grid.rs", &wb.read("solutions/src/grid.rs"));
    assert_status(&wb.run(&["verify"]).0, 0);
    // A check that fails takes the pass back, in `list` as everywhere.
    wb.student("grid", "grid_scenario_mismatch");
    assert_status(&wb.run(&["check", "grid"]).0, 1);
    let (list, _) = wb.run(&["list"]);
    assert!(
        stdout(&list).contains("1 of 2 lessons done"),
        "{}",
        stdout(&list)
    );

    // `next` after the end checks again what changed since it passed: here scale.
    wb.write("exercises/src/grid.rs", &wb.read("solutions/src/grid.rs"));
    assert_status(&wb.run(&["next"]).0, 0);
    wb.student("scale", "scale_wrong");
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "next_checks_again_what_changed_after_the_end",
            wb.checker(&["next"])
        );
        // grid fails now only because of the student's scale: its pass stands, to be
        // checked again ("changed"), and scale is the lesson to work on.
        assert_cmd_snapshot!("list_after_a_pass_fails", wb.checker(&["list"]));
    });
    let (list, _) = wb.run(&["list", "--lang", "ja"]);
    assert!(stdout(&list).contains("要再チェック"), "{}", stdout(&list));
    // Unchanged files are not checked again: the end is the end.
    wb.student("scale", "scale_pass");
    assert_status(&wb.run(&["next"]).0, 0);
    let (end, _) = wb.run(&["next"]);
    assert!(
        stdout(&end).contains("You have finished every lesson")
            && !stdout(&end).contains("Checked again"),
        "{}",
        stdout(&end)
    );
}

#[test]
fn the_advice_after_check_names_the_lesson_checked() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let (output, _) = wb.run(&["check", "grid", "--lang", "ja"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(
        out.contains("`cargo run -p checker -- check grid`"),
        "{out}"
    );
    assert!(out.contains("`cargo run -p checker -- hint grid`"), "{out}");
    assert!(
        !out.contains("-- next`") && !out.contains("-- hint`"),
        "{out}"
    );
}

#[test]
fn a_lesson_that_passed_and_now_fails_on_its_own_is_failing() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    wb.write("exercises/src/grid.rs", &wb.read("solutions/src/grid.rs"));
    assert_status(&wb.run(&["verify"]).0, 0);
    // grid's own mistake, then scale's: scale is the lesson to work on, and grid, which
    // passed once, fails on its own: "failing", not "pending" as if never started.
    wb.student("grid", "grid_scenario_mismatch");
    assert_status(&wb.run(&["check", "grid"]).0, 1);
    wb.student("scale", "scale_wrong");
    assert_status(&wb.run(&["check", "scale"]).0, 1);
    let (list, _) = wb.run(&["list"]);
    let list = stdout(&list);
    assert!(list.contains("1  scale   Scaling   current  0/5"), "{list}");
    assert!(
        list.contains("2  grid    Row sums  failing  0/10"),
        "{list}"
    );
    let (list, _) = wb.run(&["list", "--lang", "ja"]);
    assert!(stdout(&list).contains("やり直し"), "{}", stdout(&list));
}
