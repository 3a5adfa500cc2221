//! A lesson author's day: `dev new`'s placeholders, `dev preview`, `dev remove`.

use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, serial, stderr, stdout};
use crate::watch::Pty;
use std::path::Path;
use std::time::Duration;

/// Every file of a folder, with its bytes, in order (the harness's `target` left out).
fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("target") && !path.ends_with(".cnnlings") {
                    walk(root, &path, out);
                }
            } else {
                let name = path.strip_prefix(root).unwrap().display().to_string();
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

fn names(files: &[(String, Vec<u8>)]) -> Vec<&str> {
    files.iter().map(|(name, _)| name.as_str()).collect()
}

/// `dev new`'s lesson as it comes, with its reference and stubs: every placeholder says
/// TODO, and `dev check` names each at its line, in both languages.
#[test]
fn dev_new_placeholders_fail_dev_check_at_their_lines() {
    let _serial = serial();
    let wb = Workbook::fixture();
    assert_status(&wb.run(&["dev", "new", "double"]).0, 0);
    let (output, _) = wb.run(&["dev", "check", "double"]);
    assert_status(&output, 1);
    let out = stdout(&output);
    // The lesson file's texts, the stub's and the reference's comments; never the
    // template's explanations in TOML comments.
    for place in [
        "lessons/03-double.toml:22:7  ja = \"TODO: double の題名\"",
        "lessons/03-double.toml:44:7  en = \"TODO: the first hint\"",
        "lessons/stubs/double.rs:1:5  //! TODO:",
        "solutions/src/double.rs:9:5  /// TODO:",
    ] {
        assert!(out.contains(place), "{place} in\n{out}");
    }
    // Line 3 says TODO in the comment that explains the placeholders.
    assert!(!out.contains("lessons/03-double.toml:3:"), "{out}");
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "dev_check_names_placeholders",
            wb.checker(&["dev", "check", "double"])
        );
        assert_cmd_snapshot!(
            "dev_check_names_placeholders_ja",
            wb.checker(&["dev", "check", "double", "--lang", "ja"])
        );
    });
    // Written, the lesson is sound.
    for file in [
        "lessons/03-double.toml",
        "lessons/stubs/double.rs",
        "exercises/src/double.rs",
        "solutions/src/double.rs",
    ] {
        wb.write(file, &wb.read(file).replace("TODO: ", ""));
    }
    let (output, _) = wb.run(&["dev", "check", "double"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("The lesson is sound."),
        "{}",
        stdout(&output)
    );
}

/// A lesson as its students read it, though no lesson before it is solved, in both
/// languages: the text, every hint, the fixed tests as a report shows them.
#[test]
fn dev_preview_shows_a_lesson_without_solving_the_ones_before() {
    let wb = Workbook::fixture();
    wb.settings().bind(|| {
        assert_cmd_snapshot!("dev_preview_grid", wb.checker(&["dev", "preview", "grid"]));
        assert_cmd_snapshot!(
            "dev_preview_grid_ja",
            wb.checker(&["dev", "preview", "grid", "--lang", "ja"])
        );
        assert_cmd_snapshot!(
            "dev_preview_scale",
            wb.checker(&["dev", "preview", "scale"])
        );
    });
    // Nothing ran: no progress, no hints counted as seen.
    assert!(!wb.path().join(".cnnlings").exists());
    let (output, _) = wb.run(&["dev", "preview", "sclae"]);
    assert_status(&output, 2);
    assert!(stderr(&output).contains("Did you mean `scale`?"));
}

/// The real course's last lesson, previewed in a fresh workbook.
#[test]
fn dev_preview_reads_the_last_lesson_of_the_real_course() {
    let wb = Workbook::real();
    let mut lessons: Vec<String> = std::fs::read_dir(wb.path().join("lessons"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    lessons.sort();
    let last = lessons.last().unwrap();
    let source = wb.read(&format!("lessons/{last}"));
    let lesson: toml::Table = toml::from_str(&source).unwrap();
    let id = lesson["id"].as_str().unwrap();
    let title = lesson["title"]["en"].as_str().unwrap();
    let (output, _) = wb.run(&["dev", "preview", id]);
    assert_status(&output, 0);
    let out = stdout(&output);
    assert!(
        out.contains(&format!(
            "Lesson {}/{}: {title} ({id})",
            lessons.len(),
            lessons.len()
        )),
        "{out}"
    );
    assert!(!wb.path().join(".cnnlings").exists());
}

/// `dev remove` undoes `dev new`: the workbook is as it was, byte for byte, and the
/// student's copy that was not the stub is kept.
#[test]
fn dev_remove_undoes_dev_new() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let before = files(wb.path());
    assert_status(&wb.run(&["dev", "new", "double"]).0, 0);
    wb.write("solutions/mistakes/double/off_by_one.rs", "// a mistake\n");
    let work = "// the student's work\n";
    wb.write("exercises/src/double.rs", work);
    let (output, _) = wb.run(&["dev", "remove", "double", "--yes"]);
    assert_status(&output, 0);
    assert_eq!(names(&files(wb.path())), names(&before));
    assert!(files(wb.path()) == before, "a file changed");
    let backups: Vec<_> = std::fs::read_dir(wb.path().join(".cnnlings/backup"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap(), work);
    let mut settings = wb.settings();
    settings.add_filter(r"double-\d{8}-\d{6}\.rs", "double-[TIME].rs");
    settings.bind(|| insta::assert_snapshot!("dev_remove_done", stdout(&output)));

    // A lesson made after a removal still comes last.
    assert_status(&wb.run(&["dev", "new", "a"]).0, 0);
    assert_status(&wb.run(&["dev", "new", "b"]).0, 0);
    assert_status(&wb.run(&["dev", "remove", "a", "--yes"]).0, 0);
    assert_status(&wb.run(&["dev", "new", "c"]).0, 0);
    assert!(wb.path().join("lessons/05-c.toml").exists());
}

/// A broken lesson file stops every other `dev` command, but `dev remove` takes it out:
/// often the fix. The lessons after it move up, and `dev new`'s comments in both
/// `lib.rs` files say their new places; a broken copy that took another lesson's module
/// takes only its own file.
#[test]
fn dev_remove_takes_out_a_broken_lesson_and_renumbers() {
    let _serial = serial();
    let wb = Workbook::fixture();
    assert_status(&wb.run(&["dev", "new", "double"]).0, 0);
    assert_status(&wb.run(&["dev", "new", "triple"]).0, 0);
    assert!(
        wb.read("exercises/src/lib.rs")
            .contains("// レッスン 4：triple\n// Lesson 4: triple.\n")
    );
    // `double` no longer parses (its title is not closed).
    wb.write(
        "lessons/03-double.toml",
        "format = 1\nid = \"double\"\ntitle = { ja = \"x\"\n",
    );
    // A copy of `scale` that kept its module.
    wb.write(
        "lessons/09-copy.toml",
        &wb.read("lessons/01-scale.toml")
            .replace("id = \"scale\"", "id = \"copy\""),
    );
    assert_status(&wb.run(&["dev", "check"]).0, 2);

    let (output, _) = wb.run(&["dev", "remove", "double", "--yes"]);
    assert_status(&output, 0);
    for gone in [
        "lessons/03-double.toml",
        "lessons/stubs/double.rs",
        "exercises/src/double.rs",
        "solutions/src/double.rs",
    ] {
        assert!(
            !wb.path().join(gone).exists(),
            "{gone}\n{}",
            stdout(&output)
        );
    }
    for lib in ["exercises/src/lib.rs", "solutions/src/lib.rs"] {
        let text = wb.read(lib);
        assert!(!text.contains("double"), "{lib}: {text}");
        assert!(
            text.contains("// レッスン 3：triple\n// Lesson 3: triple.\npub mod triple;"),
            "{lib}: {text}"
        );
    }

    let (output, _) = wb.run(&["dev", "remove", "copy", "--yes"]);
    assert_status(&output, 0);
    assert_eq!(
        stdout(&output).matches("removed ").count(),
        1,
        "{}",
        stdout(&output)
    );
    for kept in [
        "lessons/stubs/scale.rs",
        "exercises/src/scale.rs",
        "solutions/src/scale.rs",
    ] {
        assert!(wb.path().join(kept).exists(), "{kept}");
    }
    assert!(wb.read("exercises/src/lib.rs").contains("pub mod scale;"));
    // The course loads whole again: `dev preview` builds nothing and refuses a broken one.
    assert_status(&wb.run(&["dev", "preview", "triple"]).0, 0);
}

/// It refuses an id that is no lesson, a module another lesson builds on, and, without
/// a terminal to ask in, to go on without `--yes`; it asks in a terminal.
#[test]
fn dev_remove_refuses_and_asks() {
    let wb = Workbook::fixture();
    let before = files(wb.path());
    let (output, _) = wb.run(&["dev", "remove", "gird", "--yes"]);
    assert_status(&output, 2);
    assert!(stderr(&output).contains("Did you mean `grid`?"));
    wb.settings().bind(|| {
        assert_cmd_snapshot!(
            "dev_remove_refuses_a_used_module",
            wb.checker(&["dev", "remove", "scale", "--yes"])
        );
        assert_cmd_snapshot!(
            "dev_remove_refuses_a_used_module_ja",
            wb.checker(&["dev", "remove", "scale", "--yes", "--lang", "ja"])
        );
    });
    let (output, _) = wb.run(&["dev", "remove", "grid"]);
    assert_status(&output, 2);
    assert!(stderr(&output).contains("dev remove grid --yes"));
    assert!(files(wb.path()) == before, "a refusal changed a file");

    let mut pty = Pty::spawn(&wb, &["dev", "remove", "grid"]);
    pty.screen.wait_for("[y/N]", 0, Duration::from_secs(30));
    let question = pty.screen.text();
    for file in [
        "lessons/02-grid.toml",
        "lessons/stubs/grid.rs",
        "exercises/src/grid.rs",
        "solutions/src/grid.rs",
    ] {
        assert!(question.contains(file), "{file} in\n{question}");
    }
    pty.keys("n\r");
    assert_eq!(pty.exit_code(Duration::from_secs(30)), 1);
    assert!(files(wb.path()) == before, "a no changed a file");

    let mut pty = Pty::spawn(&wb, &["dev", "remove", "grid", "--lang", "ja"]);
    pty.screen.wait_for("[y/N]", 0, Duration::from_secs(30));
    pty.keys("y\r");
    assert_eq!(pty.exit_code(Duration::from_secs(30)), 0);
    assert!(!wb.path().join("lessons/02-grid.toml").exists());
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
    assert!(!stdout(&output).contains("grid"), "{}", stdout(&output));
}
