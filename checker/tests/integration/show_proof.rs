//! `dev check` proves a lesson's `[show]` with the reference: code of a network's stage
//! or of its `build` that does not compile is found there, at its own line and column of
//! the lesson file, and a student's `show` calls the lesson broken, not their code.

use crate::support::{Workbook, assert_status, serial, stderr, stdout};

/// The line (from 1) and column (from 1, in characters) of `text` in `file`.
fn place(file: &str, text: &str) -> (usize, usize) {
    let at = file.find(text).unwrap();
    let line = file[..at].matches('\n').count() + 1;
    let start = file[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, file[start..at].chars().count() + 1)
}

#[test]
fn a_show_stage_that_does_not_compile_is_found_by_dev_check_at_its_line() {
    let _serial = serial();
    let wb = Workbook::real();
    let lesson = wb.read("lessons/07-cnn.toml");
    // A misspelt method in a one-line stage, and a wrong type in the `build` block.
    let broken = lesson
        .replacen(
            "let x = cnn.conv2.forward(&x);",
            "let x = cnn.conv2.forwrd(&x);",
            1,
        )
        .replacen("    pool: 2,\n", "    pool: 2u8,\n", 1);
    assert_ne!(broken, lesson);
    wb.write("lessons/07-cnn.toml", &broken);
    let (stage_line, stage_col) = place(&broken, "forwrd(&x)");
    let (build_line, build_col) = place(&broken, "2u8,");

    let (output, _) = wb.run(&["dev", "check", "cnn"]);
    assert_status(&output, 1);
    let en = stdout(&output);
    assert!(
        en.contains("✗ cnn: `show cnn` cannot draw with the reference"),
        "{en}"
    );
    assert!(
        en.contains(&format!(
            "error: this line of the `[show]`'s code does not compile with the reference solution\n    ┌─ lessons/07-cnn.toml:{stage_line}:{stage_col}"
        )),
        "{en}"
    );
    assert!(
        en.contains(&format!("lessons/07-cnn.toml:{build_line}:{build_col}")),
        "{en}"
    );
    assert!(en.contains("no method named `forwrd`"), "{en}");
    // Said once, though every later stage's code repeats the broken one.
    assert_eq!(
        en.matches(&format!(":{stage_line}:{stage_col}")).count(),
        1,
        "{en}"
    );

    let (output, _) = wb.run(&["--lang", "ja", "dev", "check", "cnn"]);
    assert_status(&output, 1);
    let ja = stdout(&output);
    assert!(
        ja.contains("✗ cnn：`show cnn` が模範解答で描けません。"),
        "{ja}"
    );
    assert!(
        ja.contains("エラー：`[show]` のコードのこの行が、模範解答と一緒にコンパイルできません"),
        "{ja}"
    );

    // The student's `show` says the lesson is broken (status 2), not a checker failure.
    let (output, _) = wb.run(&["show", "cnn", "--no-animate"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output).contains("`show cnn` cannot draw: the `[show]` of the lesson file lessons/07-cnn.toml is broken. It is not your code's fault"),
        "{}",
        stderr(&output)
    );
    let (output, _) = wb.run(&["--lang", "ja", "show", "cnn", "--no-animate"]);
    assert_status(&output, 2);
    assert!(
        stderr(&output)
            .contains("レッスンファイル lessons/07-cnn.toml の `[show]` が壊れています。"),
        "{}",
        stderr(&output)
    );

    // Fixed, the show is proven: a ✓ line.
    wb.write("lessons/07-cnn.toml", &lesson);
    let (output, _) = wb.run(&["dev", "check", "cnn"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("✓ cnn: `show cnn` draws with the reference"),
        "{}",
        stdout(&output)
    );
}
