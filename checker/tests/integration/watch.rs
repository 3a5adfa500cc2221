//! Watch mode, driven as a student would: in a pseudo-terminal with keys, and without one.

use crate::support::{Workbook, serial};
use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The first check of a test run may compile the harness's dependencies.
const FIRST_CHECK: Duration = Duration::from_secs(300);
/// Any later check, or a key's answer.
const SOON: Duration = Duration::from_secs(60);

/// Everything a child has printed so far, read by a thread of its own.
#[derive(Clone, Default)]
pub struct Screen(Arc<Mutex<String>>);

impl Screen {
    fn read_from(mut from: impl Read + Send + 'static) -> Screen {
        let screen = Screen::default();
        let text = Arc::clone(&screen.0);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // A pseudo-terminal whose child has gone reads as an error: the end.
            while let Ok(n) = from.read(&mut buf) {
                if n == 0 {
                    break;
                }
                text.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        screen
    }

    pub fn text(&self) -> String {
        self.0.lock().unwrap().clone()
    }

    /// Waits until `needle` appears after byte `from` of the output; returns where it ends.
    #[track_caller]
    pub fn wait_for(&self, needle: &str, from: usize, timeout: Duration) -> usize {
        let start = Instant::now();
        loop {
            let text = self.text();
            if let Some(at) = text.get(from..).and_then(|rest| rest.find(needle)) {
                return from + at + needle.len();
            }
            assert!(
                start.elapsed() < timeout,
                "waited {timeout:?} for {needle:?}; the output so far:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The checker in a pseudo-terminal, killed if a test ends early.
pub struct Pty {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    pub screen: Screen,
}

impl Pty {
    /// In a window of 100 × 40.
    pub fn spawn(wb: &Workbook, args: &[&str]) -> Pty {
        Pty::spawn_sized(wb, args, 100, 40)
    }

    pub fn spawn_sized(wb: &Workbook, args: &[&str], cols: u16, rows: u16) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_checker"));
        command.args(args);
        command.cwd(wb.path());
        command.env("CNNLINGS_TARGET_DIR", wb.harness_target());
        command.env("LANG", "C.UTF-8");
        command.env("NO_COLOR", "1");
        command.env("TERM", "xterm-256color");
        for name in ["LC_ALL", "LC_MESSAGES", "CLICOLOR_FORCE", "COLUMNS"] {
            command.env_remove(name);
        }
        let child = pair.slave.spawn_command(command).unwrap();
        // The child holds the terminal now; the master sees its end when the child exits.
        drop(pair.slave);
        let screen = Screen::read_from(pair.master.try_clone_reader().unwrap());
        let writer = pair.master.take_writer().unwrap();
        Pty {
            child,
            writer,
            _master: pair.master,
            screen,
        }
    }

    /// Types keys, as one burst.
    pub fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The exit status, waiting at most `timeout`.
    #[track_caller]
    pub fn exit_code(&mut self, timeout: Duration) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(
                start.elapsed() < timeout,
                "the checker did not exit within {timeout:?}; the output so far:\n{}",
                self.screen.text()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Saves a file as many editors do: write a temporary file, then rename it over the old.
fn save_by_rename(path: &Path, content: &str) {
    let tmp = path.with_extension("rs.swp");
    std::fs::write(&tmp, content).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

fn fixture_student(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/students")
            .join(format!("{name}.rs")),
    )
    .unwrap()
}

#[test]
fn watch_in_a_terminal_rechecks_on_save_and_takes_keys() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let mut pty = Pty::spawn(&wb, &["watch"]);
    let screen = pty.screen.clone();

    // The first screen: the progress bar, the lesson, the stub's verdict, the keys.
    let at = screen.wait_for("[q] quit", 0, FIRST_CHECK);
    let first = screen.text();
    assert!(first.contains("[□□] 0/2 lessons done"), "{first}");
    assert!(first.contains("Lesson 1/2: Scaling (scale)"), "{first}");
    assert!(first.contains("Not implemented yet"), "{first}");
    assert!(
        !first.contains("[n] next lesson"),
        "n is offered only after a pass: {first}"
    );

    // A wrong answer saved by rename is checked again, then a correct one.
    save_by_rename(&wb.exercise("scale"), &fixture_student("scale_wrong"));
    let at = screen.wait_for("hidden tests failed", at, SOON);
    let at = screen.wait_for("[q] quit", at, SOON);
    save_by_rename(&wb.exercise("scale"), &fixture_student("scale_pass"));
    let at = screen.wait_for("✓ Passed!", at, SOON);
    let at = screen.wait_for("[n] next lesson", at, SOON);
    assert!(screen.text()[..at].contains("[■□] 1/2 lessons done"));

    // `r` starts a check; `h` and `q`, typed while it runs, wait for it and are obeyed.
    pty.keys("rhq");
    let at = screen.wait_for("Checking scale", at, SOON);
    let at = screen.wait_for("✓ Passed!", at, SOON);
    let at = screen.wait_for("Hint 1 of 2", at, SOON);
    let at = screen.wait_for("In ndarray, `v * k` works.", at, SOON);
    screen.wait_for("Press h again for the next hint.", at, SOON);
    assert_eq!(pty.exit_code(SOON), 0, "{}", screen.text());

    // The pass and the hint are remembered, as `next` and `hint` remember them.
    let progress = wb.read(".cnnlings/progress.toml");
    assert!(progress.contains("passed = true"), "{progress}");
    assert!(progress.contains("hints = 1"), "{progress}");
    // `q` gave the terminal back: the last thing printed is not left in raw mode.
    assert!(!screen.text().ends_with('\u{1b}'));
}

#[test]
fn watch_moves_on_with_n_and_resets_with_x_after_asking() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    let mut pty = Pty::spawn(&wb, &["watch", "--lang", "ja"]);
    let screen = pty.screen.clone();
    let at = screen.wait_for("[q] 終了", 0, FIRST_CHECK);
    assert!(
        screen.text().contains("[n] 次のレッスン"),
        "{}",
        screen.text()
    );

    pty.keys("n");
    let at = screen.wait_for("レッスン 2/2：行の和（grid）", at, SOON);
    let at = screen.wait_for("[q] 終了", at, SOON);

    // `x` asks first; any key but y leaves the file alone.
    wb.student("grid", "grid_scenario_mismatch");
    let at = screen.wait_for("[q] 終了", at, SOON);
    pty.keys("x");
    let at = screen.wait_for("[y/N]", at, SOON);
    pty.keys("n");
    let at = screen.wait_for("そのままにしました", at, SOON);
    assert_eq!(
        wb.read("exercises/src/grid.rs"),
        fixture_student("grid_scenario_mismatch")
    );

    pty.keys("x");
    let at = screen.wait_for("[y/N]", at, SOON);
    pty.keys("y");
    let at = screen.wait_for("最初の状態に戻しました", at, SOON);
    screen.wait_for("[q] 終了", at, SOON);
    let text = screen.text()[at..].to_string();
    assert!(text.contains(".cnnlings/backup/grid-"), "{}", screen.text());
    assert!(wb.read("exercises/src/grid.rs").contains("todo!()"));
    pty.keys("q");
    assert_eq!(pty.exit_code(SOON), 0, "{}", screen.text());
}

/// Stops a child gently (as Ctrl-C would), and for good if it does not stop.
struct Stop(Child);

impl Drop for Stop {
    fn drop(&mut self) {
        // SAFETY: sends SIGINT to a child this test started and has not waited for.
        unsafe {
            libc::kill(self.0.id() as libc::pid_t, libc::SIGINT);
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn watch_without_a_terminal_says_so_and_rechecks_on_save() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let mut command: Command = wb.checker(&["watch"]);
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let screen = Screen::read_from(child.stdout.take().unwrap());
    let _stop = Stop(child);

    let at = screen.wait_for("keys are off", 0, SOON);
    let at = screen.wait_for("Not implemented yet", at, FIRST_CHECK);
    let at = screen.wait_for("it is checked again.", at, SOON);
    assert!(
        !screen.text().contains("[q] quit"),
        "no keys without a terminal"
    );

    // A plain write, a deletion and a re-creation are each seen.
    std::fs::write(wb.exercise("scale"), fixture_student("scale_wrong")).unwrap();
    let at = screen.wait_for("hidden tests failed", at, SOON);
    std::fs::remove_file(wb.exercise("scale")).unwrap();
    let at = screen.wait_for("exercises/src/scale.rs is missing", at, SOON);
    std::fs::write(wb.exercise("scale"), fixture_student("scale_pass")).unwrap();
    screen.wait_for("✓ Passed!", at, SOON);

    // A file the lesson does not read is not watched.
    let before = screen.text().len();
    std::fs::write(wb.path().join("exercises/src/notes.rs"), "// notes\n").unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        !screen.text()[before..].contains("Checking"),
        "{}",
        screen.text()
    );
}

/// Watch mode's screens without a terminal, from the stub to a pass: what a student
/// sees, in one language.
fn watch_screens(lang: &str, footer: &str) -> String {
    let _serial = serial();
    let wb = Workbook::fixture();
    let mut command: Command = wb.checker(&["watch", "--lang", lang]);
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = command.spawn().unwrap();
    let screen = Screen::read_from(child.stdout.take().unwrap());
    let stop = Stop(child);
    let at = screen.wait_for(footer, 0, FIRST_CHECK);
    std::fs::write(wb.exercise("scale"), fixture_student("scale_pass")).unwrap();
    let at = screen.wait_for("✓", at, SOON);
    let end = screen.wait_for(footer, at, SOON);
    drop(stop);
    let text = screen.text()[..end].to_string();
    let mut settings = wb.settings();
    settings.set_snapshot_suffix(lang);
    settings.bind(|| insta::assert_snapshot!("watch_screens", text));
    text
}

#[test]
fn watch_screens_in_english_and_japanese() {
    watch_screens("en", "it is checked again.");
    watch_screens("ja", "自動でチェックし直します。");
}

/// The small window: 80 columns, 24 rows.
const SMALL: (NonZeroU16, NonZeroU16) =
    (NonZeroU16::new(80).unwrap(), NonZeroU16::new(24).unwrap());

/// What a window of `cols` × `rows` shows after this output: each row numbered, so the
/// snapshot shows the whole window, blank rows too.
fn window(output: &str, cols: NonZeroU16, rows: NonZeroU16) -> String {
    let mut parser = vt100::Parser::new(rows, cols, 0);
    parser.process(output.as_bytes());
    parser
        .screen()
        .rows(0, cols.get())
        .enumerate()
        .map(|(i, row)| format!("{:2}│{}", i + 1, row.trim_end()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Watch mode in a window of 80 × 24, as a student with a small terminal sees it: the
/// stub, a known mistake whose report is longer than the window, a pass, and the end.
fn watch_in_a_small_window(lang: &str, words: &SmallWindowWords) {
    let _serial = serial();
    let wb = Workbook::fixture();
    let mut pty = Pty::spawn_sized(
        &wb,
        &["watch", "--lang", lang],
        SMALL.0.get(),
        SMALL.1.get(),
    );
    let screen = pty.screen.clone();
    let mut settings = wb.settings();
    settings.set_snapshot_suffix(lang);
    let snapshot = |name: &str, at: usize| {
        let shown = window(&screen.text()[..at], SMALL.0, SMALL.1);
        settings.bind(|| insta::assert_snapshot!(name, shown));
        shown
    };

    let at = screen.wait_for(words.quit, 0, FIRST_CHECK);
    let stub = snapshot("watch_80x24_stub", at);
    assert!(stub.contains(words.bar_start), "{stub}");

    // A known mistake: the summary, the mistake, the bar and the keys all show, and
    // the details that do not fit are cut, with a key for the whole report.
    save_by_rename(&wb.exercise("scale"), &fixture_student("scale_wrong"));
    let at = screen.wait_for(words.checking, at, SOON);
    let at = screen.wait_for(words.quit, at, SOON);
    let mistake = snapshot("watch_80x24_mistake", at);
    for must in [words.bar_start, words.summary, words.mistake, words.whole] {
        assert!(
            mistake.contains(must),
            "{must:?} is not on the screen:\n{mistake}"
        );
    }
    // The lesson text was shown once; `t` shows it again, `f` the whole report.
    assert!(!mistake.contains(words.text), "{mistake}");
    // `t` and `h` draw the screen again: the bar and the summary stay in the window.
    pty.keys("t");
    let at = screen.wait_for(words.text, at, SOON);
    let at = screen.wait_for(words.quit, at, SOON);
    let text = window(&screen.text()[..at], SMALL.0, SMALL.1);
    for must in [words.bar_start, words.text, words.summary, words.quit] {
        assert!(
            text.contains(must),
            "{must:?} is not on the screen:\n{text}"
        );
    }
    pty.keys("h");
    let at = screen.wait_for(words.hint, at, SOON);
    let at = screen.wait_for(words.quit, at, SOON);
    let hint = window(&screen.text()[..at], SMALL.0, SMALL.1);
    for must in [words.bar_start, words.hint, words.summary, words.quit] {
        assert!(
            hint.contains(must),
            "{must:?} is not on the screen:\n{hint}"
        );
    }
    assert!(!hint.contains(words.text), "the text is gone:\n{hint}");
    pty.keys("f");
    let at = screen.wait_for(words.last_detail, at, SOON);
    let at = screen.wait_for(words.quit, at, SOON);

    // Both lessons pass; at the end, hint and reset are no longer offered.
    save_by_rename(&wb.exercise("scale"), &fixture_student("scale_pass"));
    let at = screen.wait_for("✓", at, SOON);
    let at = screen.wait_for(words.quit, at, SOON);
    pty.keys("n");
    let at = screen.wait_for(words.grid, at, SOON);
    let at = screen.wait_for(words.quit, at, SOON);
    save_by_rename(&wb.exercise("grid"), &wb.read("solutions/src/grid.rs"));
    let at = screen.wait_for("✓", at, SOON);
    let at = screen.wait_for(words.quit, at, SOON);
    pty.keys("n");
    let at = screen.wait_for(words.done, at, SOON);
    let at = screen.wait_for(words.quit, at, SOON);
    let done = snapshot("watch_80x24_done", at);
    assert!(
        !done.contains("[h]") && !done.contains("[x]") && !done.contains("[t]"),
        "{done}"
    );
    pty.keys("q");
    assert_eq!(pty.exit_code(SOON), 0, "{}", screen.text());
}

/// What the small-window test looks for, in one language.
struct SmallWindowWords {
    quit: &'static str,
    checking: &'static str,
    bar_start: &'static str,
    summary: &'static str,
    mistake: &'static str,
    whole: &'static str,
    text: &'static str,
    hint: &'static str,
    grid: &'static str,
    last_detail: &'static str,
    done: &'static str,
}

#[test]
fn watch_fits_a_window_of_80_by_24_in_english() {
    watch_in_a_small_window(
        "en",
        &SmallWindowWords {
            quit: "[q] quit",
            checking: "Checking scale",
            bar_start: "[□□] 0/2 lessons done",
            summary: "✗ 2 of 2 hidden tests failed",
            mistake: "You add k instead of multiplying by it.",
            whole: "press f",
            text: "Multiply every element by k.",
            hint: "Hint 1 of 2",
            grid: "(grid)",
            last_detail: "tolerance 0.0001)",
            done: "You have finished every lesson",
        },
    );
}

#[test]
fn watch_fits_a_window_of_80_by_24_in_japanese() {
    watch_in_a_small_window(
        "ja",
        &SmallWindowWords {
            quit: "[q] 終了",
            checking: "scale をチェック",
            bar_start: "[□□] 0/2 レッスン合格",
            summary: "✗ ",
            mistake: "k を掛けずに足しています。",
            whole: "f キー",
            text: "ベクトルの各要素を k 倍します。",
            hint: "ヒント 1/2",
            grid: "（grid）",
            last_detail: "許容誤差",
            done: "全レッスン修了です",
        },
    );
}

/// A lesson text much longer than the window, first shown with a failure: the bar, the
/// summary and the mistake still show, and the text is cut with a key to read it whole.
/// The lesson is one that had passed: a save that breaks it is checked again in watch
/// mode as in `next`, and the screen says that it had passed.
#[test]
fn watch_keeps_the_summary_in_view_under_a_long_text() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let lesson = wb.read("lessons/01-scale.toml");
    let long: String = (1..=30)
        .map(|i| format!("Paragraph {i} of a long lesson text.\\n\\n"))
        .collect();
    let lesson = lesson.replace(
        "en = \"Multiply every element by k.",
        &format!("en = \"{long}Multiply every element by k."),
    );
    wb.write("lessons/01-scale.toml", &lesson);
    wb.student("scale", "scale_pass");
    crate::support::assert_status(&wb.run(&["check", "scale"]).0, 0);

    let mut pty = Pty::spawn_sized(&wb, &["watch"], SMALL.0.get(), SMALL.1.get());
    let screen = pty.screen.clone();
    let at = screen.wait_for("(grid)", 0, FIRST_CHECK);
    let at = screen.wait_for("[q] quit", at, SOON);
    save_by_rename(&wb.exercise("scale"), &fixture_student("scale_wrong"));
    let at = screen.wait_for("Checking scale, grid", at, SOON);
    let at = screen.wait_for("[q] quit", at, SOON);
    let shown = window(&screen.text()[..at], SMALL.0, SMALL.1);
    let mut settings = wb.settings();
    settings.set_snapshot_suffix("en");
    settings.bind(|| insta::assert_snapshot!("watch_80x24_long_text", shown));
    assert!(shown.starts_with(" 1│[□□] 0/2 lessons done"), "{shown}");
    for must in [
        "Paragraph 1 of",
        "more lines of the lesson text: press t",
        "scale passed before, but fails now",
        "✗ 2 of 2 hidden tests failed",
        "You add k instead of multiplying by it.",
    ] {
        assert!(
            shown.contains(must),
            "{must:?} is not on the screen:\n{shown}"
        );
    }
    pty.keys("q");
    assert_eq!(pty.exit_code(SOON), 0, "{}", screen.text());
}

/// A report whose details say what the wrong values have in common (every sign flipped),
/// first shown under the lesson text in a window of 80 × 24: the details are cut, the
/// pattern sentence is not, and the screen stays within the window.
#[test]
fn watch_shows_the_pattern_sentence_in_a_small_window() {
    let _serial = serial();
    let wb = Workbook::fixture();
    save_by_rename(&wb.exercise("scale"), &fixture_student("scale_negated"));
    let mut pty = Pty::spawn_sized(&wb, &["watch"], SMALL.0.get(), SMALL.1.get());
    let screen = pty.screen.clone();
    let at = screen.wait_for("[q] quit", 0, FIRST_CHECK);
    let shown = window(&screen.text()[..at], SMALL.0, SMALL.1);
    let mut settings = wb.settings();
    settings.set_snapshot_suffix("en");
    settings.bind(|| insta::assert_snapshot!("watch_80x24_pattern", shown));
    assert!(shown.starts_with(" 1│[□□] 0/2 lessons done"), "{shown}");
    for must in [
        "Multiply every element by k.",
        "✗ 2 of 2 hidden tests failed",
        "Every value has the right size and the wrong sign",
        "press f",
        "[q] quit",
    ] {
        assert!(
            shown.contains(must),
            "{must:?} is not on the screen:\n{shown}"
        );
    }
    pty.keys("q");
    assert_eq!(pty.exit_code(SOON), 0, "{}", screen.text());
}
