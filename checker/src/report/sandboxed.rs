//! What the kernel sandbox stopped, said once at the head of a failing report: a
//! student's code that tried to open a file or a connection panics with Rust's
//! `Permission denied (os error 13)`, which alone would not say why.

use super::Context;
use crate::harness::sandbox;
use crate::verdict::{Failure, Verdict};

/// The sentence on what the sandbox stopped, from the first panic that is its refusal;
/// `None` when no failing case was stopped by it.
pub fn sandbox_stopped(cx: &Context, verdict: &Verdict) -> Option<String> {
    let Verdict::Ran { tests, .. } = verdict else {
        return None;
    };
    tests
        .iter()
        .flat_map(|t| &t.failures)
        .find_map(|f| match &f.failure {
            Failure::Panic { message, location } => {
                sandbox::stopped(message, source_line(location).as_deref())
            }
            _ => None,
        })
        .map(|stopped| cx.msg().sandbox_stopped(&stopped))
}

/// The line of code a panic's `file:line:column` points at, if it can be read.
fn source_line(location: &str) -> Option<String> {
    let mut parts = location.rsplitn(3, ':');
    let (_column, line, file) = (parts.next()?, parts.next()?, parts.next()?);
    let line: usize = line.parse().ok()?;
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().nth(line.checked_sub(1)?).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::source_line;

    #[test]
    fn reads_the_line_a_location_points_at() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.rs");
        std::fs::write(
            &file,
            "fn f() {\n    std::fs::write(\"/x\", \"\").unwrap();\n}\n",
        )
        .unwrap();
        let at = |l: &str| source_line(&format!("{}:{l}", file.display()));
        assert_eq!(
            at("2:33").as_deref(),
            Some("    std::fs::write(\"/x\", \"\").unwrap();")
        );
        assert_eq!(at("9:1"), None);
        assert_eq!(at("0:1"), None);
        assert_eq!(source_line("nowhere"), None);
    }
}
