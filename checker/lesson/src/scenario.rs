//! A lesson's `[[scenario]]`s, checked: the code, its inputs and what it returns, how
//! its parts are judged (`parts`) and what is shown of it (`show`).

use super::checked::{Case, Entry, EntryKind, Expected, Lesson, Show, Test, TestKind};
use super::dataset;
use super::draw::{Cases, Draw, Generator};
use super::hidden::{
    TEST_NAME, case_count, checked_cases, compare_of, decimals_of, dims_of, generator, sizes_known,
    tolerance_of,
};
use super::load::{check_localized, is_identifier};
use super::types::{self, Mode, Type};
use super::{Compare, LessonError, Visibility, compare, model};
use crate::lang::{Bilingual, say};
use std::ops::Range;
use toml::Spanned;

pub(super) fn scenario_test(
    lesson: &mut Lesson,
    raw: &Spanned<model::RawScenario>,
    default_tolerance: f64,
    errors: &mut Vec<LessonError>,
) -> Option<Test> {
    let scenario = raw.get_ref();
    check_localized(&scenario.name, TEST_NAME, errors);
    let tolerance = tolerance_of(&scenario.tolerance, default_tolerance, errors);
    let returns = Type::parse(scenario.returns.get_ref())
        .map_err(|e| errors.push(LessonError::at(&scenario.returns, e)))
        .ok()?;
    if returns.is_unit() {
        errors.push(LessonError::at(
            &scenario.returns,
            say!(ja: "シナリオは、テストで比べる値を返します。`()` では比べるものがありません。",
                en: "a scenario returns the value its test compares: `()` leaves nothing to compare"),
        ));
        return None;
    }
    // Parts that only give names leave the judging to the scenario (`expected` too).
    let judged_parts = scenario.parts.as_ref().filter(|parts| {
        parts.get_ref().iter().any(|p| {
            let p = p.get_ref();
            p.tolerance.is_some()
                || p.relative.is_some()
                || p.at_least.is_some()
                || p.at_most.is_some()
                || p.judge.is_some()
        })
    });
    for part in scenario.parts.iter().flat_map(|parts| parts.get_ref()) {
        if let Some(name) = &part.get_ref().name
            && (name.ja.trim().is_empty() || name.en.trim().is_empty())
        {
            errors.push(LessonError::at(
                part,
                say!(ja: "部分の `name` は、両方の言語で書いてください。",
                    en: "a part's `name` needs words in both languages"),
            ));
        }
    }
    if let Some(parts) = &scenario.parts
        && judged_parts.is_none()
    {
        let count = match &returns {
            Type::Tuple(types) => types.len(),
            _ => 1,
        };
        let given = parts.get_ref().len();
        if given != count {
            errors.push(LessonError::at(
                parts,
                say!(ja: format!("`parts` は {given} 個の部分に名前を付けていますが、{returns} の部分は {count} 個です。部分ごとに 1 つずつ、順に書きます。"),
                    en: format!("`parts` names {given} parts, but {returns} has {count}: one entry a part, in order")),
            ));
        }
    }
    let compare = match judged_parts {
        None => compare_of(
            compare::RawCompare {
                tolerance,
                relative: scenario.relative.as_ref(),
                at_least: scenario.at_least.as_ref(),
                at_most: scenario.at_most.as_ref(),
                expected: scenario.expected.as_ref().map(Spanned::span),
                tolerance_span: scenario.tolerance.as_ref().map(Spanned::span),
                returns: &returns,
            },
            errors,
        ),
        Some(parts) => parts_of(scenario, parts, &returns, tolerance, errors)?,
    };
    if scenario.code.get_ref().trim().is_empty() {
        errors.push(LessonError::at(
            &scenario.code,
            say!(ja: "シナリオの `code` が空です。", en: "the scenario's `code` is empty"),
        ));
    }
    let mut names: Vec<String> = Vec::new();
    let mut params = Vec::new();
    let mut generators = Vec::new();
    for input in &scenario.inputs {
        let i = input.get_ref();
        if !is_identifier(&i.name) || i.name.starts_with("__") {
            errors.push(LessonError::at(
                input,
                say!(ja: format!("`{}` は変数名になりません。", i.name),
                    en: format!("`{}` is not a variable name", i.name)),
            ));
        } else if names.contains(&i.name) {
            errors.push(LessonError::at(
                input,
                say!(ja: format!("入力 `{}` の名前が二回使われています。", i.name),
                    en: format!("the input `{}` is named twice", i.name)),
            ));
        }
        let ty = match Type::parse(&i.ty) {
            Ok(ty) => ty,
            Err(e) => {
                errors.push(LessonError::at(input, e));
                continue;
            }
        };
        let what = say!(ja: format!("入力 `{}`", i.name), en: format!("input `{}`", i.name));
        let count = case_count(&scenario.cases, 1, &mut Vec::new());
        let raw = Spanned::new(input.span(), i.generator());
        if let Some(g) = generator(lesson, &raw, &ty, &what, count, errors) {
            generators.push(g);
        }
        names.push(i.name.clone());
        params.push(ty);
    }
    if generators.len() != scenario.inputs.len() {
        return None;
    }
    let expected = match &scenario.expected {
        Some(e) => match types::value_from_toml(&returns, e.get_ref()) {
            Ok(v) => Expected::Given(v),
            Err(message) => {
                let what = say!(ja: format!("`expected`（{returns}）"),
                    en: format!("`expected` ({returns})"));
                errors.push(LessonError::at(e, message.about(&what)));
                return None;
            }
        },
        None => Expected::Reference,
    };
    let dims = dims_of(&scenario.dims, errors)?;
    let mut known = true;
    for (input, g) in scenario.inputs.iter().zip(&generators) {
        let name = &input.get_ref().name;
        let what = say!(ja: format!("入力 `{name}`"), en: format!("input `{name}`"));
        known &= sizes_known(g, &dims, input, &what, errors);
    }
    if !known {
        return None;
    }
    let count = case_count(&scenario.cases, 1, errors);
    let draws_anything = generators.iter().any(|g| !matches!(g, Generator::Fixed(_)));
    // Every row of a split is the same whatever the seed.
    let needs_seed = generators.iter().any(|g| match g {
        Generator::Fixed(_) => false,
        Generator::Data(data) => data.rows != dataset::Rows::All,
        _ => true,
    });
    let seed = match scenario.seed {
        Some(seed) => seed,
        None if needs_seed => {
            errors.push(LessonError::at(
                raw,
                say!(ja: "乱数の入力があるシナリオには `seed` が要ります。",
                    en: "a scenario with random inputs needs a `seed`"),
            ));
            return None;
        }
        None => 0,
    };
    let draw = Draw {
        seed,
        count,
        dims,
        generators,
        decimals: decimals_of(&scenario.decimals, errors),
        expected,
        seeded: needs_seed || scenario.seed.is_some(),
    };
    let cases = match draws_anything {
        true => checked_cases(lesson, raw, draw, errors)?,
        // Fixed inputs only: nothing to draw, and no seed to report.
        false => Cases::given(
            draw.check()
                .map_err(|e| errors.push(LessonError::at(raw, e)))
                .ok()
                .map(|_| draw.cases())?
                .into_iter()
                .map(|case| Case { seed: None, ..case })
                .collect(),
        ),
    };
    let show = match &scenario.show {
        Some(raw) => Some(show_of(raw, &returns, &names, &params, errors)?),
        None => None,
    };
    let mut labels = types::output_of(&returns, &[]).1;
    // The parts' names, where `parts` gives them.
    if let (Some(labels), Some(parts)) = (&mut labels, &scenario.parts) {
        for (label, part) in labels.iter_mut().zip(parts.get_ref()) {
            if let Some(name) = &part.get_ref().name {
                *label = types::Label::Named(name.clone());
            }
        }
    }
    lesson.entries.push(Entry {
        kind: EntryKind::Snippet {
            code: scenario.code.get_ref().clone(),
            inputs: names.clone(),
        },
        modes: vec![Mode::Value; params.len()],
        params,
        output: returns.clone(),
        returns,
        labels,
    });
    Some(Test {
        name: scenario.name.clone(),
        kind: TestKind::Scenario,
        entry: lesson.entries.len() - 1,
        tolerance,
        compare,
        arg_names: names,
        points: 0.0,
        visibility: Visibility::Visible,
        secret: false,
        span: raw.span(),
        code_span: Some(scenario.code.span()),
        expected_span: scenario.expected.as_ref().map(Spanned::span),
        cases,
        show,
    })
}

/// A scenario's `parts`: each part of the tuple it returns, judged by its own rule.
fn parts_of(
    scenario: &model::RawScenario,
    parts: &Spanned<Vec<Spanned<model::RawPart>>>,
    returns: &Type,
    tolerance: f64,
    errors: &mut Vec<LessonError>,
) -> Option<Compare> {
    // `tolerance` and `relative` are defaults for the parts; a bound is one part's.
    let outside = [&scenario.at_least, &scenario.at_most];
    if outside.iter().any(|f| f.is_some()) || scenario.expected.is_some() {
        errors.push(
            LessonError::new(
                Some(parts.span()),
                say!(ja: "`parts` のあるシナリオでは、判定は部分ごとに書きます。`at_least` と `at_most` は `parts` の中に移してください（`expected` は書きません）。",
                    en: "a scenario with `parts` judges each part there: move `at_least` and `at_most` into the parts (and give no `expected`)"),
            ),
        );
        return None;
    }
    let types: &[Type] = match returns {
        Type::Tuple(types) => types,
        _ => &[],
    };
    let raw: Vec<compare::RawPart> = parts
        .get_ref()
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let p = part.get_ref();
            if let Some(t) = &p.tolerance
                && !(t.get_ref().is_finite() && *t.get_ref() >= 0.0)
            {
                errors.push(LessonError::new(
                    Some(t.span()),
                    say!(ja: format!("`tolerance = {}` は 0 以上の数にしてください。", t.get_ref()),
                        en: format!("`tolerance = {}` must be a number of 0 or more", t.get_ref())),
                ));
            }
            let bounded = p.at_least.is_some() || p.at_most.is_some();
            compare::RawPart {
                judge: p.judge.unwrap_or(true),
                fields: compare::RawCompare {
                    tolerance: p.tolerance.as_ref().map_or(tolerance, |t| *t.get_ref()),
                    relative: p
                        .relative
                        .as_ref()
                        .or(scenario.relative.as_ref().filter(|_| !bounded)),
                    at_least: p.at_least.as_ref(),
                    at_most: p.at_most.as_ref(),
                    expected: None,
                    tolerance_span: p.tolerance.as_ref().map(Spanned::span),
                    returns: types.get(i).unwrap_or(returns),
                },
            }
        })
        .collect();
    Compare::from_parts(&raw, returns, parts.span())
        .map_err(|e| errors.push(e))
        .ok()
}

/// A scenario's `show`, checked against what the scenario returns and its inputs.
fn show_of(
    raw: &Spanned<model::RawShow>,
    returns: &Type,
    names: &[String],
    params: &[Type],
    errors: &mut Vec<LessonError>,
) -> Option<(Show, Option<usize>)> {
    let show = raw.get_ref();
    let span = raw.span();
    // The value drawn: the output, or one part of it.
    let whole = returns;
    let returns = match (show.part, returns) {
        (None, returns) => returns,
        (Some(part), Type::Tuple(types)) if part < types.len() => &types[part],
        (Some(part), returns) => {
            return fail(
                errors,
                &span,
                say!(ja: format!("`show` の `part = {part}` は {returns} の部分ではありません。部分は 0 から数えます。"),
                    en: format!("`show`'s `part = {part}` is not a part of {returns}: parts count from 0")),
            );
        }
    };
    fn fail<T>(
        errors: &mut Vec<LessonError>,
        span: &Range<usize>,
        message: Bilingual,
    ) -> Option<T> {
        errors.push(LessonError::new(Some(span.clone()), message));
        None
    }
    // The input a field names, which must be of type `want`.
    let input = |field: &str, name: &Option<String>, want: &Type, errors: &mut Vec<LessonError>| {
        let Some(name) = name else {
            return fail(
                errors,
                &span,
                say!(ja: format!("`show` の view `predictions` には `{field}` が要ります。それを入れた入力の名前です（{want}）。"),
                    en: format!("`show` with view `predictions` needs `{field}`: the name of the input that holds them ({want})")),
            );
        };
        match names.iter().position(|n| n == name) {
            Some(i) if &params[i] == want => Some(i),
            Some(i) => fail(
                errors,
                &span,
                say!(ja: format!("`show` の `{field}` が指す入力 `{name}` の型は {} です。{want} にしてください。", params[i]),
                    en: format!("`show`'s `{field}` names the input `{name}`, of type {}; it must be {want}", params[i])),
            ),
            None => fail(
                errors,
                &span,
                say!(ja: format!("`show` の `{field}` が指す `{name}` は、このシナリオの入力にありません。"),
                    en: format!("`show`'s `{field}` names `{name}`, which is not an input of this scenario")),
            ),
        }
    };
    let array = |kind, dims| Type::Array(kind, dims);
    use cnnlings_runtime::Kind;
    match show.view.as_str() {
        // "digits" is how lesson files named this view before "predictions".
        "predictions" | "digits" => {
            let want = array(Kind::Usize, 1);
            if returns != &want {
                return fail(
                    errors,
                    &span,
                    say!(ja: format!("view `predictions` は予測したクラスを描きます。シナリオは {returns} ではなく {want} を返すようにしてください。"),
                        en: format!("`show` with view `predictions` draws predicted classes: the scenario must return {want}, not {returns}")),
                );
            }
            let images = input("images", &show.images, &array(Kind::F32, 3), errors)?;
            let labels = input("labels", &show.labels, &want, errors)?;
            Some((Show::Predictions { images, labels }, show.part))
        }
        "loss_curve" => {
            let want = array(Kind::F32, 1);
            if returns != &want {
                return fail(
                    errors,
                    &span,
                    say!(ja: format!("view `loss_curve` はエポックごとの損失をグラフにします。シナリオは {returns} ではなく {want} を返すようにしてください。"),
                        en: format!("`show` with view `loss_curve` plots the loss after each epoch: the scenario must return {want}, not {returns}")),
                );
            }
            if show.images.is_some() || show.labels.is_some() {
                return fail(
                    errors,
                    &span,
                    say!(ja: "view `loss_curve` には `images` も `labels` も要りません。",
                        en: "`show` with view `loss_curve` takes no `images` or `labels`"),
                );
            }
            // `accuracy` and `start_accuracy` each name an f32 part of the tuple.
            let mut part_of = |field: &str, part: Option<usize>| match (part, whole) {
                (None, _) => Ok(None),
                (Some(i), Type::Tuple(types)) if types.get(i) == Some(&Type::Scalar(Kind::F32)) => {
                    Ok(Some(i))
                }
                (Some(i), _) => Err(fail::<()>(
                    errors,
                    &span,
                    say!(ja: format!("`show` の `{field} = {i}` は、{whole} の f32 の部分を指してください。"),
                        en: format!("`show`'s `{field} = {i}` must be a part of type f32 of {whole}")),
                )),
            };
            let Ok(accuracy) = part_of("accuracy", show.accuracy) else {
                return None;
            };
            let Ok(start_accuracy) = part_of("start_accuracy", show.start_accuracy) else {
                return None;
            };
            Some((
                Show::LossCurve {
                    accuracy,
                    start_accuracy,
                },
                show.part,
            ))
        }
        other => fail(
            errors,
            &span,
            say!(ja: format!("`show` に view `{other}` はありません。使える view は {VIEWS_JA} です。"),
                en: format!("`show` has no view `{other}`; the views are {VIEWS}")),
        ),
    }
}

/// The views a `show` may name, for messages in English and in Japanese.
const VIEWS: &str = "`predictions`, `loss_curve`";
const VIEWS_JA: &str = "`predictions`、`loss_curve`";
