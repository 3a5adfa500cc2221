//! How a test's output is judged: equal to what it must be within a tolerance (absolute,
//! or relative for gradients), or one number within bounds (`at_least`, `at_most`).

use super::LessonError;
use super::types::Type;
use crate::lang::say;
use cnnlings_runtime::Kind;
use toml::Spanned;

/// The rule a test's outputs are judged by.
#[derive(Debug, Clone, PartialEq)]
pub enum Compare {
    /// Cell by cell: `|got − expected| ≤ tolerance × max(1, |expected|)`, or with
    /// `relative`: `|got − expected| ≤ relative × |expected| + tolerance`.
    Close {
        tolerance: f64,
        relative: Option<f64>,
    },
    /// One number, `at_least ≤ got ≤ at_most` (either bound may be absent); the
    /// reference's output is not compared.
    Bounds {
        at_least: Option<f64>,
        at_most: Option<f64>,
    },
    /// A tuple judged part by part (a scenario's `parts`): each part by its own rule,
    /// or not at all (`None`: a part returned to be shown, such as the loss of each
    /// epoch beside the accuracy that is judged).
    Parts(Vec<Option<Compare>>),
}

/// One entry of a scenario's `parts`, as written.
pub(crate) struct RawPart<'a> {
    /// `judge = false`: the part is not judged.
    pub(crate) judge: bool,
    pub(crate) fields: RawCompare<'a>,
}

impl Compare {
    /// Checks a scenario's `parts` against the tuple it returns: one entry a part.
    pub(crate) fn from_parts(
        parts: &[RawPart],
        returns: &Type,
        span: std::ops::Range<usize>,
    ) -> Result<Compare, LessonError> {
        let Type::Tuple(types) = returns else {
            return Err(LessonError::new(
                Some(span),
                say!(ja: format!("`parts` はタプルを部分ごとに判定しますが、このシナリオは {returns} を返します。"),
                    en: format!("`parts` judges a tuple part by part, but the scenario returns {returns}")),
            ));
        };
        if parts.len() != types.len() {
            return Err(LessonError::new(
                Some(span),
                say!(ja: format!("{returns} の部分は {} 個ですが、`parts` は {} 個です。部分ごとに一つずつ書いてください。", types.len(), parts.len()),
                    en: format!("`parts` has {} entries for the {} parts of {returns}: give one for each", parts.len(), types.len())),
            ));
        }
        if parts.iter().all(|p| !p.judge) {
            return Err(LessonError::new(
                Some(span),
                say!(ja: "`parts` のすべてが `judge = false` です。少なくとも一つの部分は判定してください。",
                    en: "every entry of `parts` has `judge = false`: judge at least one part"),
            ));
        }
        parts
            .iter()
            .map(|part| match part.judge {
                false => Ok(None),
                true => Compare::from_fields(&part.fields).map(Some),
            })
            .collect::<Result<_, _>>()
            .map(Compare::Parts)
    }
}

/// The largest difference allowed from `expected` in one cell.
pub fn allowed(expected: f64, tolerance: f64, relative: Option<f64>) -> f64 {
    match relative {
        None => tolerance * expected.abs().max(1.0),
        Some(r) => r * expected.abs() + tolerance,
    }
}

/// Whether a number is within the bounds; NaN never is.
pub fn within(got: f64, at_least: Option<f64>, at_most: Option<f64>) -> bool {
    !got.is_nan() && at_least.is_none_or(|low| got >= low) && at_most.is_none_or(|high| got <= high)
}

/// The comparison fields of a test, as written.
pub(crate) struct RawCompare<'a> {
    pub(crate) tolerance: f64,
    pub(crate) relative: Option<&'a Spanned<f64>>,
    pub(crate) at_least: Option<&'a Spanned<f64>>,
    pub(crate) at_most: Option<&'a Spanned<f64>>,
    /// Where `expected` is written, if it is.
    pub(crate) expected: Option<std::ops::Range<usize>>,
    /// Where `tolerance` is written, if it is.
    pub(crate) tolerance_span: Option<std::ops::Range<usize>>,
    /// What the test returns.
    pub(crate) returns: &'a Type,
}

/// The largest bound or relative tolerance a lesson may give.
const BOUND_MAX: f64 = 1e30;

impl Compare {
    /// Checks the comparison fields of a test.
    pub(crate) fn from_fields(raw: &RawCompare) -> Result<Compare, LessonError> {
        if let Some(r) = raw.relative {
            let value = *r.get_ref();
            if !(value.is_finite() && value > 0.0 && value < 1.0) {
                return Err(LessonError::at(
                    r,
                    say!(ja: format!("`relative = {value}`：相対許容誤差は 0 より大きく 1 より小さい数です（たとえば 1e-3）"),
                        en: format!("`relative = {value}`: a relative tolerance is a number above 0 and below 1, such as 1e-3")),
                ));
            }
            if let Some(bound) = raw.at_least.or(raw.at_most) {
                return Err(LessonError::at(
                    bound,
                    say!(ja: "許容誤差（`relative`）と基準（`at_least`、`at_most`）は、一つのテストに両方は書けません",
                        en: "a test compares with a tolerance (`relative`) or with bounds (`at_least`, `at_most`), not both"),
                ));
            }
            return Ok(Compare::Close {
                tolerance: raw.tolerance,
                relative: Some(value),
            });
        }
        if raw.at_least.is_none() && raw.at_most.is_none() {
            return Ok(Compare::Close {
                tolerance: raw.tolerance,
                relative: None,
            });
        }
        for bound in [raw.at_least, raw.at_most].into_iter().flatten() {
            let value = *bound.get_ref();
            if !(value.is_finite() && value.abs() <= BOUND_MAX) {
                return Err(LessonError::at(
                    bound,
                    say!(ja: format!("基準 {value} には結果が届きません。有限の数を書いてください（精度なら 0 から 1 です）"),
                        en: format!("the bound {value} is not a number a result can reach: give a finite number (an accuracy is from 0 to 1)")),
                ));
            }
        }
        let (low, high) = (
            raw.at_least.map(|b| *b.get_ref()),
            raw.at_most.map(|b| *b.get_ref()),
        );
        if let (Some(low), Some(high), Some(at_most)) = (low, high, raw.at_most)
            && low > high
        {
            return Err(LessonError::at(
                at_most,
                say!(ja: format!("`at_least = {low}` が `at_most = {high}` より大きいので、どの結果も通りません"),
                    en: format!("`at_least = {low}` is above `at_most = {high}`: no result can pass")),
            ));
        }
        let first = raw.at_least.or(raw.at_most);
        if let Some(first) = first
            && !matches!(
                raw.returns,
                Type::Scalar(Kind::F32 | Kind::Usize | Kind::U64)
            )
        {
            return Err(LessonError::at(
                first,
                say!(ja: format!("`at_least` と `at_most` が判定するのは一つの数ですが、このテストは {} を返します。f32（精度や損失）か usize を返してください", raw.returns),
                    en: format!("`at_least` and `at_most` judge one number, but the test returns {}: return an f32 (an accuracy, a loss) or a usize", raw.returns)),
            ));
        }
        if let (Some(first), Some(_)) = (first, &raw.expected) {
            return Err(LessonError::at(
                first,
                say!(ja: "基準（`at_least`、`at_most`）のあるテストには `expected` を書きません。基準が合格の条件です",
                    en: "a test with bounds has no `expected`: the bounds say what passes"),
            ));
        }
        if let (Some(first), Some(_)) = (first, &raw.tolerance_span) {
            return Err(LessonError::at(
                first,
                say!(ja: "基準のあるテストには `tolerance` を書きません。基準そのものを少しゆるめてください",
                    en: "a test with bounds has no `tolerance`: write the bound itself a little lower (or higher)"),
            ));
        }
        Ok(Compare::Bounds {
            at_least: low,
            at_most: high,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(judge: bool, returns: &Type) -> RawPart<'_> {
        RawPart {
            judge,
            fields: RawCompare {
                tolerance: 1e-4,
                relative: None,
                at_least: None,
                at_most: None,
                expected: None,
                tolerance_span: None,
                returns,
            },
        }
    }

    #[test]
    fn parts_are_one_a_part_and_judge_at_least_one() {
        let f32_ = Type::Scalar(Kind::F32);
        let series = Type::Array(Kind::F32, 1);
        let pair = Type::Tuple(vec![f32_.clone(), series.clone()]);
        let judged = Compare::from_parts(&[part(true, &f32_), part(false, &series)], &pair, 0..1);
        assert_eq!(
            judged.ok(),
            Some(Compare::Parts(vec![
                Some(Compare::Close {
                    tolerance: 1e-4,
                    relative: None
                }),
                None
            ]))
        );
        let short = Compare::from_parts(&[part(true, &f32_)], &pair, 0..1);
        assert!(short.is_err_and(|e| e.message.en.contains("1 entries for the 2 parts")));
        let none = Compare::from_parts(&[part(false, &f32_), part(false, &series)], &pair, 0..1);
        assert!(none.is_err_and(|e| e.message.ja.contains("少なくとも一つ")));
        let not_a_tuple = Compare::from_parts(&[part(true, &f32_)], &f32_, 0..1);
        assert!(not_a_tuple.is_err_and(|e| e.message.en.contains("returns f32")));
    }

    #[test]
    fn relative_tolerance_scales_with_the_value_and_bounds_reject_nan() {
        assert_eq!(allowed(-2.0, 1e-4, None), 2e-4);
        assert_eq!(allowed(0.5, 1e-4, None), 1e-4);
        assert!((allowed(1e-5, 1e-9, Some(1e-2)) - 1.01e-7).abs() < 1e-15);
        assert!(within(0.97, Some(0.97), None));
        assert!(!within(0.969, Some(0.97), None));
        assert!(!within(f64::NAN, None, Some(1.0)));
        assert!(within(0.5, Some(0.0), Some(1.0)));
    }
}
