//! Naming the mistake, not just the failure: a student's failing outputs compared with
//! the outputs of the lesson's known mistakes.

use crate::harness::run::Outcome;
use crate::lesson::Lesson;
use crate::verdict::{Verdict, close};
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

/// The first known mistake whose outputs match every failing case that has an output:
/// the same values, or a panic where the mistake panics too. Cases the student has not
/// implemented or that produced nothing are left out.
///
/// When the student's failures are all panics, a panic alone says little; the mistake
/// is named only if it panics on exactly the same cases (code that reads the width as
/// the height, say, panics on every non-square image and on nothing else).
pub fn diagnose(
    lesson: &Lesson,
    verdict: &Verdict,
    mistakes: &[Option<HashMap<usize, Outcome>>],
) -> Option<usize> {
    let failing: Vec<(f64, &Outcome, usize)> = verdict
        .tests()
        .iter()
        .flat_map(|t| {
            t.failures
                .iter()
                .map(move |f| (lesson.tests[t.test].tolerance, f))
        })
        .filter_map(|(tolerance, f)| match &f.got {
            Some(got @ Outcome::Value(_)) => Some((tolerance, got, f.id)),
            Some(got @ Outcome::Panic { message, .. })
                if !message.starts_with("not yet implemented") =>
            {
                Some((tolerance, got, f.id))
            }
            _ => None,
        })
        .collect();
    if failing.is_empty() {
        return None;
    }
    let only_panics = failing
        .iter()
        .all(|(_, got, _)| matches!(got, Outcome::Panic { .. }));
    let student_panics: HashSet<usize> = failing.iter().map(|(_, _, id)| *id).collect();
    mistakes.iter().position(|outputs| {
        let Some(outputs) = outputs else { return false };
        let matches_each =
            failing
                .iter()
                .all(|(tolerance, got, id)| match (got, outputs.get(id)) {
                    (Outcome::Value(g), Some(Outcome::Value(m))) => same(g, m, *tolerance),
                    (Outcome::Panic { .. }, Some(Outcome::Panic { .. })) => true,
                    _ => false,
                });
        if !only_panics {
            return matches_each;
        }
        let mistake_panics: HashSet<usize> = outputs
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Panic { .. }))
            .map(|(id, _)| *id)
            .collect();
        matches_each && mistake_panics == student_panics
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
