//! Student code that loops, hoards memory, overflows its stack, exits or floods the
//! output: each is a failure with a short message, within the time limit plus a little.

use crate::support::{Workbook, assert_status, serial, stdout};
use insta_cmd::assert_cmd_snapshot;
use std::time::Duration;

/// The fixture lesson's time limit is 2 s; a build and the reference run come on top.
const BOUND: Duration = Duration::from_secs(15);

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
