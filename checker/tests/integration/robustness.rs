//! Student code that loops, hoards memory, overflows its stack, exits or floods the
//! output: each is a failure with a short message, within the time limit plus a little.

use crate::support::assert_cmd_snapshot;
use crate::support::{WORKBOOK_MARK, Workbook, assert_status, serial, stdout};
use std::path::Path;
use std::time::Duration;

/// The fixture lesson's time limit is 2 s; a build and the reference run come on top.
/// The bound tells a check that stopped its code from one that waited for it (the
/// sleeping fixture sleeps 300 s), not how fast the machine is: a build on a machine
/// loaded by other builds took more than 15 s.
const BOUND: Duration = Duration::from_secs(120);

fn check_scale(fixture: &str) -> (String, Duration) {
    let wb = Workbook::fixture();
    wb.student("scale", fixture);
    let before = wb.read("exercises/src/scale.rs");
    let (output, elapsed) = wb.run(&["check", "scale"]);
    assert_status(&output, 1);
    assert_eq!(
        wb.read("exercises/src/scale.rs"),
        before,
        "the student's file is untouched"
    );
    (stdout(&output), elapsed)
}

#[test]
fn an_endless_loop_is_stopped_at_the_time_limit() {
    let _serial = serial();
    let (out, elapsed) = check_scale("scale_loop");
    assert!(out.contains("Stopped at the time limit (2 s)"), "{out}");
    assert!(out.contains("cases could not run"), "{out}");
    assert!(elapsed < BOUND, "took {elapsed:?}");
}

#[test]
fn code_that_sleeps_is_stopped_and_said_to_wait_not_compute() {
    let _serial = serial();
    let (out, elapsed) = check_scale("scale_sleep");
    assert!(out.contains("Stopped at the time limit (2 s)"), "{out}");
    assert!(
        out.contains("spent most of it waiting, not computing"),
        "{out}"
    );
    assert!(!out.contains("Look for a loop that never ends"), "{out}");
    assert!(elapsed < BOUND, "took {elapsed:?}");
}

#[test]
fn unbounded_memory_reaches_the_memory_limit() {
    let _serial = serial();
    let (out, elapsed) = check_scale("scale_memory");
    assert!(
        out.contains("The memory limit (1024 MiB) was reached"),
        "{out}"
    );
    assert!(elapsed < BOUND, "took {elapsed:?}");
}

#[test]
fn a_stack_overflow_is_named() {
    let _serial = serial();
    let (out, _) = check_scale("scale_stack_overflow");
    assert!(out.contains("The stack overflowed"), "{out}");
}

#[test]
fn exiting_early_is_never_a_pass() {
    let _serial = serial();
    let (out, _) = check_scale("scale_exit");
    assert!(
        out.contains("exited (status 0) before this test finished"),
        "{out}"
    );
}

#[test]
fn printed_noise_is_capped_and_cannot_forge_results() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_noise");
    wb.settings()
        .bind(|| assert_cmd_snapshot!(wb.checker(&["check", "scale"])));
}

#[test]
fn an_abort_is_named() {
    let _serial = serial();
    let (out, _) = check_scale("scale_abort");
    assert!(out.contains("The process aborted (SIGABRT)."), "{out}");
}

#[test]
fn nan_and_infinity_never_pass() {
    let _serial = serial();
    let (out, _) = check_scale("scale_nan");
    assert!(out.contains("got NaN") || out.contains("got inf"), "{out}");
    assert!(out.contains("2 of 2 hidden tests failed"), "{out}");
}

/// The processes whose command line is exactly `sleep 300`.
/// The `sleep 300` processes started for the workbook at `dir` (other test runs on the
/// machine may have their own).
/// The `sleep` processes of the test's workbook still there after a grace of up to 30 s:
/// a process killed with SIGKILL on a busy machine takes a moment to be gone from /proc
/// (the grace ends as soon as none is left).
fn stray_sleepers(dir: &Path) -> Vec<u32> {
    let start = std::time::Instant::now();
    loop {
        let left = sleepers(dir);
        if left.is_empty() || start.elapsed() > Duration::from_secs(30) {
            return left;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The sleeping code's processes: its harness (which has the harness's inputs in its
/// environment) and the `sleep 300` it starts, where no sandbox refuses to start it.
fn sleepers(dir: &Path) -> Vec<u32> {
    let mark = format!("{WORKBOOK_MARK}={}", dir.display());
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ")).is_ok_and(|environ| {
                let mut vars = environ.split(|&b| b == 0);
                vars.clone().any(|var| var == mark.as_bytes())
                    && (vars.any(|var| var.starts_with(b"CNNLINGS_INPUTS="))
                        || std::fs::read(format!("/proc/{pid}/cmdline"))
                            .is_ok_and(|c| c == b"sleep\x00300\x00"))
            })
        })
        .collect()
}

#[test]
fn a_long_sleep_and_its_child_processes_end_at_the_time_limit() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_sleep");
    let start = std::time::Instant::now();
    let output = wb
        .checker(&["check", "scale"])
        .env(WORKBOOK_MARK, wb.path())
        .output()
        .unwrap();
    let elapsed = start.elapsed();
    assert_status(&output, 1);
    let out = stdout(&output);
    assert!(out.contains("Stopped at the time limit"), "{out}");
    assert!(elapsed < BOUND, "took {elapsed:?}");
    let stray = stray_sleepers(wb.path());
    assert!(stray.is_empty(), "processes left behind: {stray:?}");
}

#[test]
fn ctrl_c_during_a_check_leaves_no_process_and_no_partial_state() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    assert_status(&wb.run(&["check", "scale"]).0, 0);
    let progress = wb.read(".cnnlings/progress.toml");
    wb.student("scale", "scale_sleep");
    let mut child = wb
        .checker(&["check", "scale"])
        .env(WORKBOOK_MARK, wb.path())
        .spawn()
        .unwrap();
    // Wait until the student's code is running (its child `sleep 300` exists): the build
    // before it may take long on a busy machine, which is not what this test is about.
    let start = std::time::Instant::now();
    while sleepers(wb.path()).is_empty() && start.elapsed() < 8 * BOUND {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !sleepers(wb.path()).is_empty(),
        "the student's code never started"
    );
    // SAFETY: sends SIGINT to the checker we started.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let interrupted = std::time::Instant::now();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    // Ctrl-C ends the check at once, not at the time limit (the code sleeps 300 s).
    assert!(
        interrupted.elapsed() < BOUND,
        "took {:?}",
        interrupted.elapsed()
    );
    let stray = stray_sleepers(wb.path());
    assert!(stray.is_empty(), "processes left behind: {stray:?}");
    assert_eq!(wb.read(".cnnlings/progress.toml"), progress);
    // The run's own folder went with it (the folder of the runs stays: the first check
    // made it).
    let runs = wb.path().join("target/cnnlings/runs");
    let left: Vec<_> = std::fs::read_dir(&runs)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "run folders left behind: {left:?}");
}

#[test]
fn two_checkers_at_once_both_finish_with_the_right_verdict() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| wb.checker(&["check", "scale"]).output().unwrap());
        let b = s.spawn(|| {
            wb.checker(&["check", "scale", "--lang", "ja"])
                .output()
                .unwrap()
        });
        (a.join().unwrap(), b.join().unwrap())
    });
    assert_status(&a, 0);
    assert_status(&b, 0);
    // The progress file is whole, whichever wrote last.
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).contains("1 of 2 lessons done"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_missing_file_says_how_to_restore_it() {
    let _serial = serial();
    let wb = Workbook::fixture();
    std::fs::remove_file(wb.exercise("scale")).unwrap();
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 1);
    assert!(
        stdout(&output).contains("exercises/src/scale.rs is missing."),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("cargo run -p checker -- reset scale"));
    // Another lesson, which does not use `scale`, still cannot be blocked by it.
    let (output, _) = wb.run(&["list"]);
    assert_status(&output, 0);
}

#[test]
fn a_file_that_is_not_utf8_is_named_and_kept() {
    let _serial = serial();
    let wb = Workbook::fixture();
    std::fs::write(wb.exercise("scale"), b"pub fn scale(\xff\xfe) {}\n").unwrap();
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 1);
    assert!(
        stdout(&output).contains("is not UTF-8 text"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        std::fs::read(wb.exercise("scale")).unwrap(),
        b"pub fn scale(\xff\xfe) {}\n"
    );
}

#[test]
fn no_command_writes_under_exercises() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    let listing = |wb: &Workbook| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(wb.path().join("exercises/src"))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = listing(&wb);
    for args in [
        &["next"][..],
        &["check", "grid"],
        &["hint"],
        &["list"],
        &["verify"],
    ] {
        wb.run(args);
    }
    assert_eq!(listing(&wb), before);
}

#[test]
fn forged_records_on_any_file_descriptor_change_nothing() {
    let _serial = serial();
    let (out, _) = check_scale("scale_forge");
    assert!(out.contains("2 of 2 hidden tests failed"), "{out}");
}

/// Without cargo the checker cannot build anything: it says so and ends with its own
/// status (3), which a script tells from a failing test (1) and a usage error (2).
#[test]
fn without_cargo_the_checker_says_so_and_exits_3() {
    let _serial = serial();
    let wb = Workbook::fixture();
    let empty = tempfile::tempdir().unwrap();
    let output = wb
        .checker(&["check", "scale"])
        .env("PATH", empty.path())
        .env_remove("CARGO")
        .output()
        .unwrap();
    assert_status(&output, 3);
    let err = crate::support::stderr(&output);
    assert!(err.contains("cargo"), "{err}");
}

/// Snapshots hold what a quiet machine says of a time-out; on a loaded one the same
/// code is said to be crowded out, and the snapshot filters put the quiet words back.
#[test]
fn snapshots_show_a_quiet_machines_time_out() {
    let wb = Workbook::fixture();
    let busy = "Stopped at the time limit (2 s). But the machine was busy: your code ran \
                only 12 % of the time it was ready to run, so it may well be fast enough. \
                Check again when the machine is less busy.\n\
                dave,0,\"scale: Stopped at the time limit (2 s). But the machine was busy: \
                your code ran only 3 % of the time it was ready to run, so it may well be \
                fast enough. Check again when the machine is less busy.\"\n\
                制限時間（2 秒）を超えたので止めました。ただ、このときコンピュータは混み合っていて、\
                あなたのコードは CPU を使いたい時間の 12 % しか使えていません。コードが遅いとは限りません。\
                ほかの処理が終わってから、もう一度チェックしてください。";
    wb.settings().bind(|| {
        insta::assert_snapshot!(busy, @r"
        Stopped at the time limit (2 s). Look for a loop that never ends.
        dave,0,scale: Stopped at the time limit (2 s). Look for a loop that never ends.
        制限時間（2 秒）を超えたので止めました。終わらないループがないか確かめてください。
        ");
    });
}

/// A workbook copied or moved with its build folder: the harness crates written before
/// name the runtime crate where it was. cargo refuses a workspace whose members name one
/// package at two places, so each check writes every member's manifest again.
#[test]
fn a_workbook_moved_with_its_build_folder_still_checks() {
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_pass");
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 0);
    // As if the runtime had been elsewhere when `grid`'s harness was written.
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime");
    let elsewhere = wb.path().join("elsewhere");
    for file in ["Cargo.toml", "src/lib.rs"] {
        wb.write(
            &format!("elsewhere/{file}"),
            &std::fs::read_to_string(runtime.join(file)).unwrap(),
        );
    }
    let harness = wb.path().join("target/cnnlings/harness");
    let manifest = harness.join("grid-student/Cargo.toml");
    let written = std::fs::read_to_string(&manifest).unwrap();
    let runtime_text = runtime.display().to_string();
    assert!(written.contains(&runtime_text), "{written}");
    let moved = written.replace(&runtime_text, &elsewhere.display().to_string());
    std::fs::write(&manifest, moved).unwrap();
    let before = wb.read("exercises/src/scale.rs");
    wb.write("exercises/src/scale.rs", &format!("{before}// edited\n"));
    let (output, _) = wb.run(&["check", "scale"]);
    assert_status(&output, 0);
    assert!(stdout(&output).contains("Passed!"), "{}", stdout(&output));
}
