//! What a wrong array has in common with the right one, when it is more than cells that
//! differ: every value negated or scaled by one factor, shifted by one amount, the
//! matrix transposed or reversed, or only the cells that should be 0 (or only those the
//! code left at 0) wrong. A report says it under the values, so that a mistake the lesson
//! does not know still gets a name: a gradient with its sign flipped, twice too large,
//! a kernel flipped the wrong way, a ReLU mask forgotten.

use super::layout::number;
use crate::messages::Msg;
use crate::verdict::{ValueDiff, close_by};

/// A relation between the expected values and the student's that holds in every cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pattern {
    /// Each value is the expected one with its sign flipped.
    Negated,
    /// Each value is the expected one times this factor (not 1, 0 or −1).
    Scaled(f64),
    /// Each value is the expected one plus this amount.
    Shifted(f64),
    /// Each matrix (the last two axes) is the expected one transposed.
    Transposed,
    /// Each matrix is the expected one upside down and left to right.
    Rotated,
    /// Each matrix is the expected one upside down.
    RowsReversed,
    /// Each matrix is the expected one left to right.
    ColumnsReversed,
    /// The only cells that differ are those that should be 0.
    NotZeroed,
    /// The only cells that differ are those the student's code left at 0.
    LeftZero,
    /// The values add up to the expected total, in other cells.
    Moved,
}

/// The pattern the student's values follow, if one holds in every cell; `None` for
/// values that are not numbers, for a single value and for NaN or infinities.
pub fn find(diff: &ValueDiff) -> Option<Pattern> {
    let n = diff.expected.len();
    if n < 2 || diff.got.len() != n || diff.wrong_count() == 0 {
        return None;
    }
    let e: Vec<f64> = (0..n)
        .map(|i| diff.expected.tolerant(i))
        .collect::<Option<_>>()?;
    let g: Vec<f64> = (0..n)
        .map(|i| diff.got.tolerant(i))
        .collect::<Option<_>>()?;
    if e.iter().chain(&g).any(|x| !x.is_finite()) {
        return None;
    }
    let close = |expected: f64, got: f64| {
        close_by(expected as f32, got as f32, diff.tolerance, diff.relative)
    };
    let zero = |x: f64| close(0.0, x);
    // Whether `got` is `expected` with its cells moved: `to(i)` is the cell of the
    // expected values that lands at cell `i`.
    let moved = |to: &dyn Fn(usize) -> usize| (0..n).all(|i| close(e[to(i)], g[i]));
    // A sign, a factor or an amount is worth naming when it moves two cells at least.
    // A sign flipped comes first: a matrix whose second row is its first negated (the
    // text's example of a gradient) is also its own negation upside down.
    let several = diff.wrong_count() >= 2;
    if several && (0..n).all(|i| close(-e[i], g[i])) {
        return Some(Pattern::Negated);
    }
    if let [.., h, w] = diff.shape[..] {
        let cell = |i: usize, r: usize, c: usize| i - i % (h * w) + r * w + c;
        let (row, column) = (|i: usize| i % (h * w) / w, |i: usize| i % w);
        if h == w && h > 1 && moved(&|i| cell(i, column(i), row(i))) {
            return Some(Pattern::Transposed);
        }
        if h > 1 && w > 1 && moved(&|i| cell(i, h - 1 - row(i), w - 1 - column(i))) {
            return Some(Pattern::Rotated);
        }
        if h > 1 && moved(&|i| cell(i, h - 1 - row(i), column(i))) {
            return Some(Pattern::RowsReversed);
        }
        if w > 1 && moved(&|i| cell(i, row(i), w - 1 - column(i))) {
            return Some(Pattern::ColumnsReversed);
        }
    }
    let squares: f64 = e.iter().map(|x| x * x).sum();
    if several && squares > 0.0 {
        let factor = e.iter().zip(&g).map(|(e, g)| e * g).sum::<f64>() / squares;
        let plain = [1.0, 0.0, -1.0].iter().any(|k| (factor - k).abs() < 1e-3);
        if !plain && (0..n).all(|i| close(factor * e[i], g[i])) {
            return Some(Pattern::Scaled(tidy(factor)));
        }
    }
    let amount = g.iter().zip(&e).map(|(g, e)| g - e).sum::<f64>() / n as f64;
    if several && !zero(amount) && (0..n).all(|i| close(e[i] + amount, g[i])) {
        return Some(Pattern::Shifted(amount));
    }
    let wrong = |i: &usize| diff.wrong[*i];
    if (0..n).filter(wrong).all(|i| zero(e[i])) {
        return Some(Pattern::NotZeroed);
    }
    if (0..n).filter(wrong).all(|i| zero(g[i])) {
        return Some(Pattern::LeftZero);
    }
    // The same total in other cells: the very values in other cells, or a gradient shared
    // out where it belongs to one cell (cells that should be 0 got part of it). A total
    // alone says nothing: values each a little off can keep their sum, and probabilities
    // add up to 1 whatever the mistake (two distributions are told only as a reordering).
    let (total, theirs) = (e.iter().sum::<f64>(), g.iter().sum::<f64>());
    let within = diff.tolerance * n as f64;
    if several && total.abs() > within && (total - theirs).abs() <= within {
        let sorted = |v: &[f64]| {
            let mut v = v.to_vec();
            v.sort_by(f64::total_cmp);
            v
        };
        let reordered = sorted(&e)
            .iter()
            .zip(&sorted(&g))
            .all(|(e, g)| close(*e, *g));
        let distribution =
            |v: &[f64]| v.iter().all(|x| (0.0..=1.0).contains(x)) && close(v.iter().sum(), 1.0);
        let shared_out =
            (0..n).filter(wrong).any(|i| zero(e[i])) && !(distribution(&e) && distribution(&g));
        if reordered || shared_out {
            return Some(Pattern::Moved);
        }
    }
    None
}

/// What the pattern is and usually means, as the report says it.
pub fn sentence(m: Msg, pattern: Pattern) -> String {
    match pattern {
        Pattern::Negated => m.pattern_negated(),
        Pattern::Scaled(factor) => m.pattern_scaled(factor, &number(factor as f32)),
        Pattern::Shifted(amount) => m.pattern_shifted(amount > 0.0, &number(amount.abs() as f32)),
        Pattern::Transposed => m.pattern_transposed(),
        Pattern::Rotated => m.pattern_rotated(),
        Pattern::RowsReversed => m.pattern_rows_reversed(),
        Pattern::ColumnsReversed => m.pattern_columns_reversed(),
        Pattern::NotZeroed => m.pattern_not_zeroed(),
        Pattern::LeftZero => m.pattern_left_zero(),
        Pattern::Moved => m.pattern_moved(),
    }
}

/// A factor as a person would say it: a whole number or one over a whole number when it
/// is within rounding of one.
fn tidy(factor: f64) -> f64 {
    let whole = factor.round();
    if whole != 0.0 && (factor - whole).abs() < 1e-3 * whole.abs() {
        return whole;
    }
    let over = (1.0 / factor).round();
    if over != 0.0 && (1.0 / factor - over).abs() < 1e-3 * over.abs() {
        return 1.0 / over;
    }
    factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use cnnlings_runtime::Cells;

    fn diff(shape: &[usize], expected: &[f32], got: &[f32]) -> ValueDiff {
        let wrong: Vec<bool> = expected
            .iter()
            .zip(got)
            .map(|(e, g)| !close_by(*e, *g, 1e-4, None))
            .collect();
        ValueDiff {
            shape: shape.to_vec(),
            expected: Cells::F32(expected.to_vec()),
            got: Cells::F32(got.to_vec()),
            wrong,
            worst: 0,
            tolerance: 1e-4,
            relative: None,
        }
    }

    #[test]
    fn a_gradient_with_its_sign_flipped_is_negated() {
        let d = diff(
            &[2, 3],
            &[1.0, -2.0, 0.5, -1.0, 2.0, -0.5],
            &[-1.0, 2.0, -0.5, 1.0, -2.0, 0.5],
        );
        assert_eq!(find(&d), Some(Pattern::Negated));
    }

    #[test]
    fn twice_and_half_are_whole_factors() {
        let d = diff(&[3], &[1.0, -2.0, 3.0], &[2.0, -4.0, 6.0]);
        assert_eq!(find(&d), Some(Pattern::Scaled(2.0)));
        let d = diff(&[3], &[1.0, -2.0, 3.0], &[0.5, -1.0, 1.5]);
        assert_eq!(find(&d), Some(Pattern::Scaled(0.5)));
        let d = diff(&[3], &[1.0, -2.0, 3.0], &[0.3, -0.6, 0.9]);
        assert!(matches!(find(&d), Some(Pattern::Scaled(k)) if (k - 0.3).abs() < 1e-6));
    }

    #[test]
    fn matrices_transposed_or_reversed_are_told_apart() {
        let e = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0];
        let d = diff(&[3, 3], &e, &[1.0, 4.0, 7.0, 2.0, 5.0, 8.0, 3.0, 6.0, 9.0]);
        assert_eq!(find(&d), Some(Pattern::Transposed));
        let d = diff(&[3, 3], &e, &[9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0]);
        assert_eq!(find(&d), Some(Pattern::Rotated));
        let d = diff(&[3, 3], &e, &[7.0, 8.0, 9.0, 4.0, 5.0, 6.0, 1.0, 2.0, 3.0]);
        assert_eq!(find(&d), Some(Pattern::RowsReversed));
        let d = diff(&[3, 3], &e, &[3.0, 2.0, 1.0, 6.0, 5.0, 4.0, 9.0, 8.0, 7.0]);
        assert_eq!(find(&d), Some(Pattern::ColumnsReversed));
        // Each plane of a stack on its own.
        let mut two = e.to_vec();
        two.extend(e.iter().map(|x| x + 10.0));
        let mut t = vec![1.0, 4.0, 7.0, 2.0, 5.0, 8.0, 3.0, 6.0, 9.0];
        t.extend(t.clone().iter().map(|x| x + 10.0));
        assert_eq!(find(&diff(&[2, 3, 3], &two, &t)), Some(Pattern::Transposed));
    }

    #[test]
    fn a_mask_forgotten_or_too_wide_is_said_by_its_zeros() {
        let d = diff(&[4], &[0.0, 0.0, 7.0, -8.0], &[5.0, 6.0, 7.0, -8.0]);
        assert_eq!(find(&d), Some(Pattern::NotZeroed));
        let d = diff(&[4], &[5.0, 0.0, 7.0, -8.0], &[0.0, 0.0, 7.0, -8.0]);
        assert_eq!(find(&d), Some(Pattern::LeftZero));
        // A max pooling's gradient shared out over its window, as an average's is.
        let d = diff(&[2, 2], &[0.0, 2.0, 0.0, 0.0], &[0.5, 0.5, 0.5, 0.5]);
        assert_eq!(find(&d), Some(Pattern::Moved));
        // The same values in other cells (a flatten in the wrong order).
        let d = diff(&[4], &[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]);
        assert_eq!(find(&d), Some(Pattern::Moved));
        let d = diff(&[3], &[1.0, 2.0, 3.0], &[1.5, 2.5, 3.5]);
        assert_eq!(find(&d), Some(Pattern::Shifted(0.5)));
    }

    #[test]
    fn a_total_kept_by_chance_or_by_nature_is_not_a_move() {
        // Every value a little off (a weight decay), the sum kept within the tolerance.
        let d = diff(
            &[3],
            &[-14.0411, 3.0, 11.0411],
            &[-14.0407, 2.9996, 11.0411],
        );
        assert_eq!(find(&d), None);
        // Probabilities add up to 1 whatever the mistake, even with a 0 among them.
        let d = diff(&[3], &[0.7, 0.2, 0.1], &[0.5, 0.3, 0.2]);
        assert_eq!(find(&d), None);
        let d = diff(&[3], &[0.0, 1.0, 0.0], &[0.3, 0.6, 0.1]);
        assert_eq!(find(&d), None);
        // Unless they are the same probabilities in other cells.
        let d = diff(&[3], &[0.7, 0.2, 0.1], &[0.2, 0.7, 0.1]);
        assert_eq!(find(&d), Some(Pattern::Moved));
    }

    #[test]
    fn values_that_differ_in_no_one_way_have_no_pattern() {
        let d = diff(&[3], &[1.0, 2.0, 3.0], &[1.0, 5.0, -3.5]);
        assert_eq!(find(&d), None);
        // One wrong cell alone says nothing of a factor.
        let d = diff(&[3], &[0.0, 0.0, 3.0], &[0.0, 0.0, 6.0]);
        assert_eq!(find(&d), None);
        let d = diff(&[2], &[1.0, 2.0], &[f32::NAN, -2.0]);
        assert_eq!(find(&d), None);
    }
}
