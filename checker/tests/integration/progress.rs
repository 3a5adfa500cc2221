//! Progress that stays true: a pass is remembered with a fingerprint of what the check
//! read (workbook-relative paths and contents), so a moved workbook keeps its passes.

use crate::support::{Workbook, assert_status, serial, stdout};

/// The state column of `list` for a lesson, as printed (below the header's "state").
fn state(list: &str, lesson: &str) -> String {
    let column = list.lines().find_map(|line| line.find("state"));
    let row = list
        .lines()
        .find(|line| line.split_whitespace().nth(1) == Some(lesson));
    let (Some(column), Some(row)) = (column, row) else {
        panic!("no state of {lesson} in:\n{list}");
    };
    row[column..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn a_solved_workbook_moved_to_another_folder_lists_every_lesson_as_done() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.install("solutions/src");
    let (output, _) = wb.run(&["verify"]);
    assert_status(&output, 0);
    let moved = wb.moved();
    drop(wb);
    let (output, _) = moved.run(&["list"]);
    assert_status(&output, 0);
    let list = stdout(&output);
    for lesson in ["scale", "grid"] {
        assert_eq!(state(&list, lesson), "done", "{list}");
    }
    // An edit after the move is still seen.
    let scale = moved.read("exercises/src/scale.rs");
    moved.write("exercises/src/scale.rs", &format!("{scale}// edited\n"));
    let (output, _) = moved.run(&["list"]);
    assert_eq!(state(&stdout(&output), "scale"), "changed");
}

#[test]
fn a_pass_fingerprinted_by_an_older_checker_is_checked_again_and_kept() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.install("solutions/src");
    // As an older checker wrote it: a 64-bit hash of absolute paths.
    wb.write(
        ".cnnlings/progress.toml",
        "format = 1\nwelcomed = true\n\n[lessons.scale]\npassed = true\nintroduced = true\n\
         awarded = true\npassed_with = \"0123456789abcdef\"\n",
    );
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
    assert_eq!(state(&stdout(&output), "scale"), "changed");
    let (output, _) = wb.run(&["next"]);
    assert_status(&output, 0);
    let (output, _) = wb.run(&["list"]);
    let list = stdout(&output);
    assert_eq!(state(&list, "scale"), "done", "{list}");
    assert!(
        !wb.read(".cnnlings/progress.toml")
            .contains("0123456789abcdef")
    );
}
