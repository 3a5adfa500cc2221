//! Student code in the kernel's sandbox (Landlock): a file written outside its own folder,
//! a connection to this machine and a folder listed are stopped, and the report says what
//! was stopped, once; a listed folder leaks no name into any grade. Where the sandbox is
//! off (`CNNLINGS_SANDBOX=off`, as on a kernel without Landlock) the checker says once what
//! is missing and goes on as before, and grading says it in its output and gradebook.
//!
//! On a kernel without Landlock the checker says so on every command that runs code; the
//! tests then check that it did, and that it went on without the sandbox.

use crate::support::{Workbook, assert_status, regex_escape, serial, stderr, stdout};
use serde_json::Value;
use std::process::Output;

/// What the checker says, in English, where it runs without Landlock (the start of it
/// depends on why; this is its end).
const UNSANDBOXED: &str = "The code under test runs with its time and memory limits only";

/// Whether the checker ran its harnesses without Landlock, from what it said.
fn unsandboxed(output: &Output) -> bool {
    stderr(output).contains(UNSANDBOXED)
}

/// `scale` that does `line` first, then scales.
fn scale_that(line: &str) -> String {
    format!(
        "use ndarray::Array1;\n\npub fn scale(v: &Array1<f32>, k: f32) -> Array1<f32> {{\n    {line}\n    v * k\n}}\n"
    )
}

#[test]
fn check_stops_a_file_written_outside_its_own_folder_and_says_so_once() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let outside = tempfile::tempdir().unwrap();
    let escaped = outside.path().join("escaped.txt");
    let line = format!(
        "std::fs::write(\"{}\", \"written by the code under test\").unwrap();",
        escaped.display()
    );
    wb.write("exercises/src/scale.rs", &scale_that(&line));
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 1);
    if unsandboxed(&output) {
        assert!(
            escaped.exists(),
            "without the sandbox the code ran as written"
        );
        return;
    }
    assert!(!escaped.exists(), "the file outside was not written");
    let out = stdout(&output);
    assert_eq!(
        out.matches("so the sandbox stopped it").count(),
        1,
        "said once: {out}"
    );
    let mut settings = wb.settings();
    settings.add_filter(
        &regex_escape(&outside.path().display().to_string()),
        "[OUTSIDE]",
    );
    // The column of the `unwrap` moves with the length of the temporary folder's name.
    settings.add_filter(r"scale\.rs:4:\d+", "scale.rs:4:[COLUMN]");
    settings.bind(|| insta::assert_snapshot!("sandbox_stops_a_file_outside", out));

    let (output, _) = wb.run(&["--lang", "ja", "check", "scale"]);
    let out = stdout(&output);
    assert!(
        out.contains(&format!(
            "→ あなたのコードがファイル {} を開こうとしました。レッスンのコードはファイルもネットワークも使わずに動くので、サンドボックスが止めました。",
            escaped.display()
        )),
        "{out}"
    );
}

#[test]
fn check_stops_a_connection_to_a_port_of_this_machine() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let line = format!("std::net::TcpStream::connect(\"{address}\").unwrap();");
    wb.write("exercises/src/scale.rs", &scale_that(&line));
    let (output, _) = wb.run(&["check", "scale"]);
    listener.set_nonblocking(true).unwrap();
    let connected = listener.accept().is_ok();
    if unsandboxed(&output) {
        assert!(connected, "without the sandbox the code connected");
        return;
    }
    assert_status(&output, 1);
    assert!(!connected, "no connection reached the port");
    let out = stdout(&output);
    assert!(
        out.contains(&format!(
            "→ Your code tried to connect to {address}: lessons run without files or network, so the sandbox stopped it."
        )),
        "{out}"
    );
    assert_eq!(out.matches("the sandbox stopped it").count(), 1, "{out}");
}

/// A submission that lists folders with `Path::read_dir` (no token the scan refuses) and
/// panics with what it found: the private lessons' folder and the workbook. No name in
/// them reaches any format; without the sandbox they do, which is why it is there.
#[test]
fn a_graded_listing_of_folders_leaks_no_file_name() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let private = tempfile::tempdir().unwrap();
    std::fs::write(
        private.path().join("01-scale.toml"),
        wb.read("lessons/01-scale.toml"),
    )
    .unwrap();
    std::fs::write(private.path().join("week3-answers-7f3a.txt"), "42").unwrap();
    let list = |folder: &std::path::Path| {
        format!(
            "std::path::Path::new(\"{}\").read_dir().unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect::<Vec<_>>().join(\" \")",
            folder.display()
        )
    };
    let code = format!(
        "use ndarray::Array1;\n\npub fn scale(v: &Array1<f32>, k: f32) -> Array1<f32> {{\n    let private = {};\n    let workbook = {};\n    panic!(\"found {{private}} and {{workbook}} in {{}}\", v * k)\n}}\n",
        list(private.path()),
        list(wb.path()),
    );
    wb.write("exercises/src/scale.rs", &code);
    let lessons = private.path().to_str().unwrap();
    let names = ["week3-answers-7f3a", "01-scale.toml", "Cargo.toml"];
    let leaked = |text: &str| names.iter().any(|name| text.contains(name));
    let mut unprotected = false;
    for format in ["gradescope", "json", "text", "junit"] {
        let (output, _) = wb.run(&["grade", "--format", format, "--lessons", lessons]);
        assert_status(&output, 1);
        let all = format!("{}{}", stdout(&output), stderr(&output));
        if unsandboxed(&output) {
            unprotected = true;
            continue;
        }
        assert!(!leaked(&all), "{format}: {all}");
        if format == "gradescope" {
            let results: Value = serde_json::from_str(&stdout(&output)).unwrap();
            let first = results["tests"][0]["output"].as_str().unwrap();
            assert!(
                first.contains(&format!(
                    "→ Your code tried to list a folder, {}: lessons run without files or network",
                    private.path().display()
                )),
                "{first}"
            );
        }
    }
    // The same submission with the sandbox off: the names are there to read.
    let output = off(
        &wb,
        &["grade", "--format", "gradescope", "--lessons", lessons],
    );
    assert!(unsandboxed(&output), "{}", stderr(&output));
    let results = stdout(&output);
    assert!(leaked(&results), "{results}");
    assert!(
        results.contains(
            "Graded without the kernel sandbox (Landlock): limits and the token scan only."
        ),
        "{results}"
    );
    assert!(!unprotected || leaked(&results));
}

/// With the sandbox off, honest code passes as before; the checker says once what is
/// missing, in the student's language, and grading says it in its table and gradebook.
#[test]
fn without_the_sandbox_the_checker_says_once_what_is_missing_and_goes_on() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    let output = off(&wb, &["check", "scale"]);
    assert_status(&output, 0);
    assert_eq!(
        stderr(&output),
        "The kernel's sandbox (Landlock) is switched off (CNNLINGS_SANDBOX=off). The code under test runs with its time and memory limits only: nothing keeps it from your files, the network and other processes.\n"
    );
    let output = off(&wb, &["--lang", "ja", "check", "scale"]);
    assert_status(&output, 0);
    assert_eq!(
        stderr(&output),
        "カーネルのサンドボックス（Landlock）を切ってあります（CNNLINGS_SANDBOX=off）。テストするコードには時間とメモリの制限だけがかかり、あなたのファイル、ネットワーク、ほかのプロセスに触れることを止めるものはありません。\n"
    );
    // Commands that run no code say nothing of it.
    let output = off(&wb, &["list"]);
    assert_eq!(stderr(&output), "");

    let output = off(&wb, &["grade"]);
    assert!(
        stdout(&output).ends_with(
            "\nGraded without the kernel sandbox (Landlock): limits and the token scan only.\n"
        ),
        "{}",
        stdout(&output)
    );
    let class = tempfile::tempdir().unwrap();
    let src = class.path().join("alice/src");
    std::fs::create_dir_all(&src).unwrap();
    for module in ["lib", "grid", "scale"] {
        std::fs::write(
            src.join(format!("{module}.rs")),
            wb.read(&format!("exercises/src/{module}.rs")),
        )
        .unwrap();
    }
    let out = class.path().join("grades");
    let output = off(
        &wb,
        &[
            "--lang",
            "ja",
            "grade",
            "--class",
            class.path().to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_status(&output, 0);
    let book = std::fs::read_to_string(out.join("gradebook.csv")).unwrap();
    assert!(
        book.contains(
            "カーネルのサンドボックス（Landlock）なしで採点しました（時間・メモリの制限とトークンの検査のみ）。"
        ),
        "{book}"
    );
}

/// The checker with the sandbox switched off, as on a kernel without Landlock.
fn off(wb: &Workbook, args: &[&str]) -> Output {
    wb.checker(args)
        .env("CNNLINGS_SANDBOX", "off")
        .output()
        .unwrap()
}

/// `watch` clears the terminal before its first screen: it says what is missing on that
/// screen, above the keys, once, and not before it.
#[test]
fn watch_says_what_is_missing_on_its_first_screen() {
    use std::io::Read;
    let _serial = serial();
    let wb = Workbook::fixture();
    let mut child = wb
        .checker(&["watch"])
        .env("CNNLINGS_SANDBOX", "off")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let mut stdout = child.stdout.take().unwrap();
    let reader = {
        let seen = seen.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n @ 1..) = stdout.read(&mut buffer) {
                seen.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        })
    };
    let start = std::time::Instant::now();
    while !seen.lock().unwrap().contains("it is checked again.")
        && start.elapsed() < std::time::Duration::from_secs(600)
    {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    let _ = reader.join();
    let screen = seen.lock().unwrap().clone();
    assert!(screen.contains("Not implemented yet"), "{screen}");
    assert_eq!(screen.matches(UNSANDBOXED).count(), 1, "{screen}");
    let notice = screen.find(UNSANDBOXED).unwrap();
    assert!(
        notice > screen.find("Not implemented yet").unwrap(),
        "{screen}"
    );
    assert!(!unsandboxed(&output), "{}", stderr(&output));
}
