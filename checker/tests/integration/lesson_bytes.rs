//! Lesson files as an instructor's editor or file manager may leave them: lines ended
//! with `\r\n`, a byte that is not UTF-8, a folder named like a lesson file. Each is
//! read, or said at its own line, in both languages.

use crate::support::{Workbook, assert_status, serial, stderr, stdout};

#[test]
fn a_lesson_file_with_windows_line_ends_is_read_as_written() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let lesson = wb.read("lessons/01-scale.toml");
    // A `find` of two lines: with `\r\n` kept, it is not the reference's text.
    let two_lines = lesson.replace(
        r#"replace = [{ find = "v * k", with = "v + k" }]"#,
        "replace = [{ find = '''-> Array1<f32> {\n    v * k''', with = '''-> Array1<f32> {\n    v + k''' }]",
    );
    assert_ne!(two_lines, lesson);
    wb.write("lessons/01-scale.toml", &two_lines.replace('\n', "\r\n"));
    let (output, _) = wb.run(&["dev", "check", "scale"]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(
        out.contains("✓ scale: both known mistakes fail and are recognised"),
        "{out}"
    );
}

#[test]
fn a_byte_that_is_not_utf8_is_shown_at_its_line_and_column() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let lesson = wb.read("lessons/01-scale.toml");
    // A Latin-1 `é` in the title, `en = "Sc\xe9aling"`, as an old editor saves it.
    let at = lesson.find("en = \"Scaling\"").unwrap() + "en = \"Sc".len();
    let line = lesson[..at].matches('\n').count() + 1;
    let start = lesson[..at].rfind('\n').map_or(0, |i| i + 1);
    let column = lesson[start..at].chars().count() + 1;
    let mut bytes = lesson.as_bytes()[..at].to_vec();
    bytes.push(0xe9);
    bytes.extend_from_slice(&lesson.as_bytes()[at..]);
    std::fs::write(wb.path().join("lessons/01-scale.toml"), bytes).unwrap();
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    let en = stderr(&output);
    assert!(
        en.contains(&format!(
            "error: this byte is not UTF-8: a lesson file is UTF-8 text. Save it again as UTF-8 in your editor\n  ┌─ lessons/01-scale.toml:{line}:{column}"
        )),
        "{en}"
    );
    let (output, _) = wb.run(&["--lang", "ja", "dev", "check"]);
    let ja = stderr(&output);
    assert!(
        ja.contains("エラー：ここに UTF-8 ではないバイトがあります。"),
        "{ja}"
    );
    // A student's list marks the lesson broken, and goes on with the others.
    let (output, _) = wb.run(&["list"]);
    assert!(stdout(&output).contains("broken"), "{}", stdout(&output));
}

#[test]
fn a_folder_named_like_a_lesson_file_is_said_to_be_a_folder() {
    let _serial = serial();
    let wb = Workbook::fixture();
    std::fs::create_dir(wb.path().join("lessons/03-extra.toml")).unwrap();
    let (output, _) = wb.run(&["dev", "check"]);
    assert_status(&output, 2);
    let en = stderr(&output);
    assert!(
        en.contains("error: lessons/03-extra.toml is a folder, not a lesson file: a lesson is one `.toml` file."),
        "{en}"
    );
    let (output, _) = wb.run(&["--lang", "ja", "dev", "check"]);
    let ja = stderr(&output);
    assert!(
        ja.contains("エラー：lessons/03-extra.toml はフォルダで、レッスンファイルではありません。"),
        "{ja}"
    );
    assert!(!ja.contains("os error"), "{ja}");
}
