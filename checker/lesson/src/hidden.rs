//! A lesson's `[[fixed]]` and `[[random]]` tests, checked, and what every test shares:
//! the function it calls, its tolerance and comparison, its cases and their generators.

use super::bounds::{CASES_MAX, DECIMALS_MAX, DEFAULT_DECIMALS, DEFAULT_RANDOM_CASES};
use super::checked::{Case, DataUse, Expected, Lesson, Test, TestKind};
use super::dims::Dims;
use super::draw::{self, Cases, Draw, Generator};
use super::load::check_localized;
use super::types::{self, Signature, Type};
use super::{Bilingual, Compare, LessonError, Visibility, compare, model};
use crate::lang::say;
use toml::Spanned;

/// Checks the generator of one argument or input. One that reads a data file is kept
/// in the lesson too, to be checked once the course has read the file.
pub(super) fn generator(
    lesson: &mut Lesson,
    raw: &Spanned<model::RawGenerator>,
    ty: &Type,
    what: &Bilingual,
    cases: usize,
    errors: &mut Vec<LessonError>,
) -> Option<Generator> {
    if raw.get_ref().dataset.is_none() {
        return Generator::new(raw.get_ref(), ty, what)
            .map_err(|e| errors.push(LessonError::at(raw, e)))
            .ok();
    }
    match draw::data_generator(raw.get_ref(), ty, what, &lesson.datasets) {
        Ok(generator) => {
            if let Generator::Data(data) = &generator {
                lesson.data_uses.push(DataUse {
                    span: raw.span(),
                    generator: data.clone(),
                    cases,
                });
            }
            Some(generator)
        }
        Err(e) => {
            errors.push(LessonError::at(raw, e));
            None
        }
    }
}

pub(super) fn tolerance_of(
    value: &Option<Spanned<f64>>,
    default: f64,
    errors: &mut Vec<LessonError>,
) -> f64 {
    match value {
        Some(t) if !(t.get_ref().is_finite() && *t.get_ref() >= 0.0) => {
            errors.push(LessonError::at(
                t,
                say!(ja: "`tolerance` は 0 以上の有限の数にしてください。",
                    en: "`tolerance` is a finite number, 0 or more"),
            ));
            default
        }
        Some(t) => *t.get_ref(),
        None => default,
    }
}

pub(super) fn compare_of(raw: compare::RawCompare, errors: &mut Vec<LessonError>) -> Compare {
    Compare::from_fields(&raw).unwrap_or_else(|e| {
        errors.push(e);
        Compare::Close {
            tolerance: raw.tolerance,
            relative: None,
        }
    })
}

fn function<'l>(
    lesson: &'l Lesson,
    call: &Spanned<String>,
    errors: &mut Vec<LessonError>,
) -> Option<(usize, &'l Signature)> {
    let found = lesson
        .functions
        .iter()
        .enumerate()
        .find(|(_, f)| &f.name == call.get_ref());
    // Its signature could not be read, which was said where it is declared.
    if found.is_none() && !lesson.unreadable.contains(call.get_ref()) {
        let known: Vec<&str> = lesson.functions.iter().map(|f| f.name.as_str()).collect();
        let name = call.get_ref();
        let error = if known.is_empty() {
            LessonError::at(
                call,
                say!(ja: format!("`{name}` は宣言されていません。`functions` にシグネチャを加えてください。"),
                    en: format!("`{name}` is not declared: add its signature to `functions`")),
            )
        } else {
            let known = known.join(", ");
            LessonError::at(
                call,
                say!(ja: format!("`{name}` は `functions` にありません（宣言されているのは {known}）。"),
                    en: format!("`{name}` is not in `functions` (declared: {known})")),
            )
        };
        errors.push(error);
    }
    found
}

/// A test's name, in errors.
pub(super) const TEST_NAME: (&str, &str) = ("テストの名前", "test name");

/// An argument, as errors about it name it: "argument `x` (f32)".
fn argument(param: &types::Param) -> Bilingual {
    say!(ja: format!("引数 `{}`（{}）", param.name, param.ty),
        en: format!("argument `{}` ({})", param.name, param.ty))
}

/// `args` of a call that does not give every argument.
fn argument_count<T>(args: &Spanned<Vec<T>>, sig: &Signature) -> LessonError {
    let (name, takes, given) = (&sig.name, sig.params.len(), args.get_ref().len());
    LessonError::at(
        args,
        say!(ja: format!("`{name}` の引数は {takes} 個ですが、`args` には {given} 個あります。"),
            en: format!("`{name}` takes {takes} arguments, `args` has {given}")),
    )
}

pub(super) fn fixed_test(
    lesson: &Lesson,
    raw: &Spanned<model::RawFixed>,
    default_tolerance: f64,
    errors: &mut Vec<LessonError>,
) -> Option<Test> {
    let fixed = raw.get_ref();
    check_localized(&fixed.name, TEST_NAME, errors);
    let (entry, sig) = function(lesson, &fixed.call, errors)?;
    let tolerance = tolerance_of(&fixed.tolerance, default_tolerance, errors);
    let compare = compare_of(
        compare::RawCompare {
            tolerance,
            relative: fixed.relative.as_ref(),
            at_least: None,
            at_most: None,
            expected: Some(fixed.expected.span()),
            tolerance_span: fixed.tolerance.as_ref().map(Spanned::span),
            returns: &lesson.entries[entry].output,
        },
        errors,
    );
    let args = fixed.args.get_ref();
    if args.len() != sig.params.len() {
        errors.push(argument_count(&fixed.args, sig));
        return None;
    }
    let mut values = Vec::new();
    for (arg, param) in args.iter().zip(&sig.params) {
        match types::value_from_toml(&param.ty, arg.get_ref()) {
            Ok(v) => values.push(v),
            Err(e) => errors.push(LessonError::at(arg, e.about(&argument(param)))),
        }
    }
    let output = &lesson.entries[entry].output;
    let expected = match types::value_from_toml(output, fixed.expected.get_ref()) {
        Ok(v) => v,
        Err(e) => {
            let (en, ja) = match sig.changed().next() {
                Some(_) => (
                    ": what it returns (if anything), then each `&mut` parameter after the call",
                    "：返す値（あれば）、続いて呼び出し後の各 `&mut` 引数",
                ),
                None => ("", ""),
            };
            let what = say!(ja: format!("`expected`（{output}{ja}）"),
                en: format!("`expected` ({output}{en})"));
            errors.push(LessonError::at(&fixed.expected, e.about(&what)));
            return None;
        }
    };
    (values.len() == args.len()).then(|| Test {
        show: None,
        name: fixed.name.clone(),
        kind: TestKind::Fixed,
        entry,
        tolerance,
        compare,
        arg_names: sig.params.iter().map(|p| p.name.clone()).collect(),
        points: 0.0,
        visibility: Visibility::Visible,
        secret: false,
        span: raw.span(),
        code_span: None,
        expected_span: Some(fixed.expected.span()),
        cases: Cases::given(vec![Case {
            args: values,
            expected: Expected::Given(expected),
            seed: None,
        }]),
    })
}

/// A test's random cases, checked now and drawn when first needed; what they will
/// draw counts towards the lesson's limit.
pub(super) fn checked_cases<T>(
    lesson: &mut Lesson,
    raw: &Spanned<T>,
    draw: Draw,
    errors: &mut Vec<LessonError>,
) -> Option<Cases> {
    let size = draw
        .check()
        .map_err(|e| errors.push(LessonError::at(raw, e)))
        .ok()?;
    let before = lesson.drawn.values;
    lesson.drawn.values = before.saturating_add(size.values);
    if size.largest_values > lesson.drawn.largest_values {
        lesson.drawn.largest_values = size.largest_values;
        lesson.drawn.largest = size.largest;
    }
    if before <= draw::LESSON_VALUES_MAX && lesson.drawn.values > draw::LESSON_VALUES_MAX {
        let (values, max) = (lesson.drawn.values, draw::LESSON_VALUES_MAX);
        errors.push(LessonError::at(
            raw,
            say!(ja: format!("このレッスンの乱数のケースは、全部で {values} 個の値を作ります。一回のチェックで扱える {max} 個を超えています。ケースを減らすか、配列を小さくしてください。"),
                en: format!("the lesson's random cases draw {values} values in all, more than a check can store ({max}): draw fewer cases or smaller arrays")),
        ));
    }
    Some(Cases::drawn(draw))
}

pub(super) fn decimals_of(raw: &Option<Spanned<u32>>, errors: &mut Vec<LessonError>) -> u32 {
    match raw {
        Some(d) if *d.get_ref() > DECIMALS_MAX => {
            errors.push(LessonError::at(
                d,
                say!(ja: format!("`decimals` は 0 から {DECIMALS_MAX} までの整数です。"),
                    en: format!("`decimals` is a whole number from 0 to {DECIMALS_MAX}")),
            ));
            DEFAULT_DECIMALS
        }
        Some(d) => *d.get_ref(),
        None => DEFAULT_DECIMALS,
    }
}

/// Whether every size a generator names is in the test's `dims`; if not, that is said
/// once at the argument, not as a failure of every case.
pub(super) fn sizes_known<T>(
    generator: &Generator,
    dims: &Dims,
    raw: &Spanned<T>,
    what: &Bilingual,
    errors: &mut Vec<LessonError>,
) -> bool {
    match generator.size_names().into_iter().find(|n| !dims.has(n)) {
        None => true,
        Some(name) => {
            let message = say!(ja: format!("サイズ `{name}` は `dims` にありません。"),
                en: format!("the size `{name}` is not in `dims`"));
            errors.push(LessonError::at(raw, message.about(what)));
            false
        }
    }
}

pub(super) fn dims_of(
    raw: &Option<Spanned<toml::Table>>,
    errors: &mut Vec<LessonError>,
) -> Option<Dims> {
    match raw {
        None => Some(Dims::default()),
        Some(table) => Dims::from_toml(table.get_ref())
            .map_err(|e| errors.push(LessonError::at(table, e)))
            .ok(),
    }
}

pub(super) fn case_count(
    raw: &Option<Spanned<usize>>,
    default: usize,
    errors: &mut Vec<LessonError>,
) -> usize {
    match raw {
        Some(n) if !(1..=CASES_MAX).contains(n.get_ref()) => {
            errors.push(LessonError::at(
                n,
                say!(ja: format!("`cases` は 1 から {CASES_MAX} までの整数です。"),
                    en: format!("`cases` is a whole number from 1 to {CASES_MAX}")),
            ));
            default
        }
        Some(n) => *n.get_ref(),
        None => default,
    }
}

pub(super) fn random_test(
    lesson: &mut Lesson,
    raw: &Spanned<model::RawRandom>,
    default_tolerance: f64,
    errors: &mut Vec<LessonError>,
) -> Option<Test> {
    let random = raw.get_ref();
    check_localized(&random.name, TEST_NAME, errors);
    let (entry, sig) = function(lesson, &random.call, errors)?;
    let sig = sig.clone();
    let output = lesson.entries[entry].output.clone();
    let tolerance = tolerance_of(&random.tolerance, default_tolerance, errors);
    let compare = compare_of(
        compare::RawCompare {
            tolerance,
            relative: random.relative.as_ref(),
            at_least: random.at_least.as_ref(),
            at_most: random.at_most.as_ref(),
            expected: None,
            tolerance_span: random.tolerance.as_ref().map(Spanned::span),
            returns: &output,
        },
        errors,
    );
    let count = case_count(&random.cases, DEFAULT_RANDOM_CASES, errors);
    let decimals = decimals_of(&random.decimals, errors);
    let dims = dims_of(&random.dims, errors)?;
    let args = random.args.get_ref();
    if args.len() != sig.params.len() {
        errors.push(argument_count(&random.args, &sig));
        return None;
    }
    let mut generators = Vec::new();
    for (arg, param) in args.iter().zip(&sig.params) {
        let what = argument(param);
        if let Some(g) = generator(lesson, arg, &param.ty, &what, count, errors)
            && sizes_known(&g, &dims, arg, &what, errors)
        {
            generators.push(g);
        }
    }
    if generators.len() != args.len() {
        return None;
    }
    let draw = Draw {
        seed: random.seed,
        count,
        dims,
        generators,
        decimals,
        expected: Expected::Reference,
        seeded: true,
    };
    let cases = checked_cases(lesson, raw, draw, errors)?;
    Some(Test {
        show: None,
        name: random.name.clone(),
        kind: TestKind::Random,
        entry,
        tolerance,
        compare,
        arg_names: sig.params.iter().map(|p| p.name.clone()).collect(),
        points: 0.0,
        visibility: Visibility::Visible,
        secret: false,
        span: raw.span(),
        code_span: None,
        expected_span: None,
        cases,
    })
}
