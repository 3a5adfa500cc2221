//! Naming the mistake, not just the failure: a student's failing outputs compared with
//! the outputs of the lesson's known mistakes.

use crate::harness::run::Outcome;
use crate::lesson::{EntryKind, Lesson};
use crate::verdict::{Verdict, case_position, close};
use cnnlings_runtime::Value;
use std::collections::{HashMap, HashSet};

/// Whether two outputs are the same, cell by cell within the tolerance; NaN and
/// infinities count as the same when both sides have them in the same cell, since a
/// mistake that overflows overflows in the student's code too.
fn same(a: &Value, b: &Value, tolerance: f64) -> bool {
    let cell = |x: f64, y: f64| {
        let (x, y) = (x as f32, y as f32);
        close(x, y, tolerance) || (x.is_nan() && y.is_nan()) || (x.is_infinite() && x == y)
    };
    match (a, b) {
        (
            Value::Array {
                shape: sa,
                cells: ca,
            },
            Value::Array {
                shape: sb,
                cells: cb,
            },
        ) => sa == sb && ca.len() == cb.len() && (0..ca.len()).all(|i| ca.same_cell(cb, i, &cell)),
        (Value::Tuple(pa), Value::Tuple(pb)) => {
            pa.len() == pb.len() && pa.iter().zip(pb).all(|(a, b)| same(a, b, tolerance))
        }
        _ => false,
    }
}

/// A failing case the diagnosis can compare: its tolerance, what the student's code
/// gave, its case id and the entry (function or scenario) its test calls.
struct Failing<'a> {
    tolerance: f64,
    got: &'a Outcome,
    id: usize,
    entry: usize,
}

/// The known mistakes a failing verdict matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnosis {
    /// Indices into the lesson's mistakes; empty when the failures match none.
    pub mistakes: Vec<usize>,
    /// The mistakes explain the failures of some functions only: others failed in a way
    /// no known mistake explains, so the student has more to fix than the mistakes say.
    pub partial: bool,
    /// Found case by case rather than one a function: they may be in one function, and
    /// where they show together, no one of them explains the output.
    pub by_case: bool,
}

/// The known mistakes that the student's failures match.
///
/// First, the first mistake whose outputs match every failing case that has an output:
/// the same values, or a panic where the mistake panics too. Cases the student has not
/// implemented or that produced nothing are left out.
///
/// Failing that, mistakes function by function: the failures of the tests of a function
/// must all match one mistake. A known mistake is one module with one error, so it
/// matches its own function's tests and gives the right answer everywhere else. Two or
/// more mistakes that explain every function's failures are several mistakes at once.
/// Scenarios, which call several functions, show the errors together and match no
/// single mistake; they are left out of this second look. Mistakes that explain some
/// functions' failures but not all (another function, or a scenario, failed in a way
/// none explains) are named as a `partial` diagnosis: a student with an overflowing
/// softmax and a forgotten ReLU inside `forward` learns of the softmax at least.
///
/// Failing that too, case by case: the mistakes that give exactly the student's output
/// (or a panic of the same kind) on the most failing cases, one after another, until
/// no mistake explains a case left; see the comment there.
///
/// When the failures compared are all panics, a panic alone says little; the mistake
/// is named only if it panics on exactly the same cases (code that reads the width as
/// the height, say, panics on every non-square image and on nothing else).
pub fn diagnose(
    lesson: &Lesson,
    verdict: &Verdict,
    mistakes: &[Option<HashMap<usize, Outcome>>],
    reference: Option<&HashMap<usize, Outcome>>,
) -> Diagnosis {
    let failing: Vec<Failing> = verdict
        .tests()
        .iter()
        .flat_map(|t| t.failures.iter().map(move |f| (&lesson.tests[t.test], f)))
        .filter_map(|(test, f)| {
            let got = match &f.got {
                Some(got @ Outcome::Value(_)) => got,
                Some(got @ Outcome::Panic { message, .. })
                    if !message.starts_with("not yet implemented") =>
                {
                    got
                }
                _ => return None,
            };
            Some(Failing {
                tolerance: test.tolerance,
                got,
                id: f.id,
                entry: test.entry,
            })
        })
        .collect();
    if failing.is_empty() {
        return Diagnosis::default();
    }
    let all: Vec<&Failing> = failing.iter().collect();
    if let Some(one) = matching(&all, mistakes, |_| true) {
        return Diagnosis {
            mistakes: vec![one],
            partial: false,
            by_case: false,
        };
    }
    let calls = |f: &&Failing| matches!(lesson.entries[f.entry].kind, EntryKind::Call(_));
    let mut entries: Vec<usize> = failing.iter().filter(calls).map(|f| f.entry).collect();
    entries.sort_unstable();
    entries.dedup();
    let mut found = Vec::new();
    let mut unexplained = false;
    for entry in entries {
        let group: Vec<&Failing> = failing.iter().filter(|f| f.entry == entry).collect();
        let of_entry = |id: usize| {
            case_position(lesson, id).is_some_and(|(test, _)| lesson.tests[test].entry == entry)
        };
        match matching(&group, mistakes, of_entry) {
            Some(mistake) if !found.contains(&mistake) => found.push(mistake),
            Some(_) => {}
            None => unexplained = true,
        }
    }
    if !unexplained && !found.is_empty() {
        // One mistake that explained every function failed the first look: a scenario's
        // failures are beyond it.
        let partial = found.len() == 1;
        return Diagnosis {
            mistakes: found,
            partial,
            by_case: false,
        };
    }
    // Third, case by case: two mistakes in one function hide each other where both show
    // (a transposed index panics on every non-square matrix, so a ReLU added as well
    // shows only on the square ones). Each case that one mistake gives exactly is
    // explained by it; the mistakes that explain the most cases no other explains are
    // named, in turn, and the failures left over make the diagnosis partial.
    let explains = |mistake: usize, f: &Failing| {
        mistakes
            .get(mistake)
            .and_then(Option::as_ref)
            .and_then(|outputs| outputs.get(&f.id))
            .is_some_and(|m| gives(f, m))
    };
    // A scenario's one number (the worst error of a gradient, say) is a summary: two
    // mistakes give the same one by chance, as 1.0 for any gradient off by its own size.
    // Such cases name no mistake; they are left over.
    let summary = |f: &Failing| {
        !calls(&f)
            && matches!(f.got, Outcome::Value(Value::Array { cells, .. }) if cells.len() == 1)
    };
    let mut left: Vec<&Failing> = failing
        .iter()
        .filter(|f| !found.iter().any(|&m| explains(m, f)))
        .collect();
    let summaries = left.iter().filter(|f| summary(f)).count();
    left.retain(|f| !summary(f));
    // A panic alone says little (see above), nor does an empty array (code that loops
    // over no cell gives one, whatever it gets wrong): a mistake is named for a value
    // with cells that it gives exactly, or for panics when it explains every panic left,
    // or panics on exactly the cases where the student's code panics.
    let student_panics: HashSet<usize> = failing
        .iter()
        .filter(|f| matches!(f.got, Outcome::Panic { .. }))
        .map(|f| f.id)
        .collect();
    let panics_alike = |mistake: usize| {
        mistakes
            .get(mistake)
            .and_then(Option::as_ref)
            .is_some_and(|outputs| {
                let theirs: HashSet<usize> = outputs
                    .iter()
                    .filter(|(_, o)| matches!(o, Outcome::Panic { .. }))
                    .map(|(id, _)| *id)
                    .collect();
                theirs == student_panics
            })
    };
    // Nor is a mistake named that fails where the student's code passes: that code is not
    // this mistake, only alike on a few cases by chance (a bias added twice and a dot
    // product that stops early both give ReLU's 0 where their sums fall below 0). Needs
    // the reference's outputs; without them, this is not checked.
    let failing_ids: HashSet<usize> = verdict
        .tests()
        .iter()
        .flat_map(|t| t.failures.iter().map(|f| f.id))
        .collect();
    let fails_where_student_passes = |mistake: usize| {
        let (Some(reference), Some(Some(outputs))) = (reference, mistakes.get(mistake)) else {
            return false;
        };
        reference.iter().any(|(id, right)| {
            let tolerance = match case_position(lesson, *id) {
                Some((test, _)) if !failing_ids.contains(id) => lesson.tests[test].tolerance,
                _ => return false,
            };
            match (right, outputs.get(id)) {
                (Outcome::Value(r), Some(Outcome::Value(m))) => !same(r, m, tolerance),
                (Outcome::Value(_), _) => true,
                _ => false,
            }
        })
    };
    let credible = |mistake: usize, left: &[&Failing]| {
        if fails_where_student_passes(mistake) {
            return false;
        }
        let has_cells = |f: &&&Failing| matches!(f.got, Outcome::Value(v) if !is_empty(v));
        let panicked = |f: &&&Failing| matches!(f.got, Outcome::Panic { .. });
        left.iter().filter(has_cells).any(|f| explains(mistake, f))
            || (left.iter().filter(panicked).count() > 0
                && left.iter().filter(panicked).all(|f| explains(mistake, f)))
            || panics_alike(mistake)
    };
    let by_function = found.len();
    loop {
        let best = (0..mistakes.len())
            .filter(|m| !found.contains(m) && credible(*m, &left))
            .map(|m| (m, left.iter().filter(|f| explains(m, f)).count()))
            .filter(|&(_, n)| n > 0)
            // The most cases; on a tie, the mistake listed first.
            .max_by_key(|&(m, n)| (n, std::cmp::Reverse(m)));
        let Some((mistake, _)) = best else { break };
        found.push(mistake);
        left.retain(|f| !explains(mistake, f));
    }
    Diagnosis {
        partial: !found.is_empty() && (!left.is_empty() || summaries > 0),
        by_case: found.len() > by_function,
        mistakes: found,
    }
}

/// Whether a value has no cell at all (an array with a side of 0, or a tuple of such).
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Array { cells, .. } => cells.len() == 0,
        Value::Tuple(parts) => parts.iter().all(is_empty),
    }
}

/// Whether a mistake's outcome on a failing case is the student's: the same values, or
/// a panic of the same kind.
fn gives(f: &Failing, mistake: &Outcome) -> bool {
    match (f.got, mistake) {
        (Outcome::Value(g), Outcome::Value(m)) => same(g, m, f.tolerance),
        (Outcome::Panic { message: g, .. }, Outcome::Panic { message: m, .. }) => {
            panic_kind(g) == panic_kind(m)
        }
        _ => false,
    }
}

/// The first mistake whose outputs match every one of `failing`, which are the student's
/// failures among the cases `in_scope`.
fn matching(
    failing: &[&Failing],
    mistakes: &[Option<HashMap<usize, Outcome>>],
    in_scope: impl Fn(usize) -> bool,
) -> Option<usize> {
    let only_panics = failing
        .iter()
        .all(|f| matches!(f.got, Outcome::Panic { .. }));
    let student_panics: HashSet<usize> = failing.iter().map(|f| f.id).collect();
    mistakes.iter().position(|outputs| {
        let Some(outputs) = outputs else { return false };
        let matches_each = failing.iter().all(|f| match (f.got, outputs.get(&f.id)) {
            (Outcome::Value(g), Some(Outcome::Value(m))) => same(g, m, f.tolerance),
            // Where panics are all there is to compare, they must be panics of one kind:
            // a student's own `assert_eq!(kh, kw)` (a square-kernels-only version) fails
            // on the same non-square kernels as a transposed kernel, but it is not one.
            (Outcome::Panic { message: g, .. }, Some(Outcome::Panic { message: m, .. })) => {
                !only_panics || panic_kind(g) == panic_kind(m)
            }
            _ => false,
        });
        if !only_panics {
            return matches_each;
        }
        let mistake_panics: HashSet<usize> = outputs
            .iter()
            .filter(|(id, o)| matches!(o, Outcome::Panic { .. }) && in_scope(**id))
            .map(|(id, _)| *id)
            .collect();
        matches_each && mistake_panics == student_panics
    })
}

/// What a panic is, for telling two panics apart: an index past the end, a `usize` below
/// zero or arrays of shapes that do not fit, whatever the numbers and the wording; any
/// other panic by its first line without its numbers.
fn panic_kind(message: &str) -> String {
    use crate::panics::{KnownPanic, recognise};
    match recognise(message) {
        Some(KnownPanic::Index { .. }) => "index".to_string(),
        Some(KnownPanic::Subtract) => "subtract".to_string(),
        Some(KnownPanic::MatrixProduct { .. } | KnownPanic::Shapes) => "shapes".to_string(),
        None => message
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_of_one_kind_are_told_from_panics_of_another() {
        let index = panic_kind("ndarray: index [2, 0] is out of bounds for array of shape [2, 3]");
        assert_eq!(
            index,
            panic_kind("index out of bounds: the len is 4 but the index is 4")
        );
        assert_ne!(
            index,
            panic_kind(
                "assertion `left == right` failed: square kernels only\n  left: 2\n right: 3"
            )
        );
        assert_eq!(
            panic_kind(
                "ndarray: inputs 3 × 2 and 3 × 1 are not compatible for matrix multiplication"
            ),
            panic_kind("Zip: Producer dimension mismatch, expected: [3], got: [2]")
        );
        assert_eq!(panic_kind("boom 12"), panic_kind("boom 3"));
        assert_ne!(panic_kind("boom"), panic_kind("bang"));
    }

    #[test]
    fn the_same_overflow_is_the_same_output() {
        let nan = Value::array(vec![2], vec![f32::NAN, 1.0]);
        assert!(same(&nan, &nan.clone(), 1e-4));
        let other = Value::array(vec![2], vec![0.5f32, 1.0]);
        assert!(!same(&nan, &other, 1e-4));
        let wrong_shape = Value::array(vec![1, 2], vec![f32::NAN, 1.0]);
        assert!(!same(&nan, &wrong_shape, 1e-4));
        let pair = Value::Tuple(vec![nan.clone(), Value::scalar(3usize)]);
        assert!(same(&pair, &pair.clone(), 1e-4));
        let other_pair = Value::Tuple(vec![nan, Value::scalar(4usize)]);
        assert!(!same(&pair, &other_pair, 1e-4));
    }
}
