//! Loading one lesson file: toml's parse into the model, then every field of the lesson
//! checked and turned into a [`Lesson`]; the tests are built by [`hidden`] and
//! [`scenario`].

use super::bounds::{
    DEFAULT_MEMORY_LIMIT_MIB, DEFAULT_POINTS, DEFAULT_TIME_LIMIT, DEFAULT_TOLERANCE,
    MEMORY_LIMIT_MAX_MIB, MEMORY_LIMIT_MIN_MIB, POINTS_MAX, TIME_LIMIT_MAX, TIME_LIMIT_MIN,
};
use super::checked::{Entry, EntryKind, Lesson, Profile, Spans};
use super::dataset::DataFile;
use super::draw::DrawSize;
use super::hidden::{fixed_test, random_test, tolerance_of};
use super::model::{self, RawLesson};
use super::scenario::scenario_test;
use super::types::{self, Signature, Type};
use super::{Bilingual, LessonError, Visibility, names, toml_error};
use crate::lang::say;
use std::time::Duration;
use toml::Spanned;

/// The errors of a lesson file's text, each as its English message and the text it
/// points at (empty when it points nowhere): what the tests of a lesson's parts compare.
#[cfg(test)]
pub(crate) fn errors_with_text(source: &str) -> Vec<(String, String)> {
    match parse(source) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| {
                let at = e.span.map_or(String::new(), |s| source[s].to_string());
                (e.message.en, at)
            })
            .collect(),
    }
}

/// Parses and validates one lesson file. Checks that need the rest of the course
/// (unique ids, module files) are done by the course.
pub fn parse(source: &str) -> Result<Lesson, Vec<LessonError>> {
    let raw: RawLesson = toml_error::from_str(source)?;
    let mut errors = Vec::new();
    let signatures: Vec<_> = raw.functions.iter().map(|f| f.span()).collect();
    let mut lesson = build(raw, &mut errors);
    for error in &mut errors {
        if error.span.as_ref().is_some_and(|s| signatures.contains(s)) {
            at_the_bad_type(source, error);
        }
    }
    // Cached outputs depend on the text and on how inputs are drawn from it.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(source, &mut hasher);
    std::hash::Hash::hash(&drawing_code(), &mut hasher);
    lesson.fingerprint = std::hash::Hasher::finish(&hasher);
    lesson.source = std::sync::Arc::from(source);
    if errors.is_empty() {
        Ok(lesson)
    } else {
        Err(errors)
    }
}

/// An error about a signature of `functions` that names a type the checker does not
/// know, put at that type in the string rather than the whole signature, and with the
/// type it most likely is, when one is close (`Array2<f23>`: `Array2<f32>`).
fn at_the_bad_type(source: &str, error: &mut LessonError) {
    let Some(span) = error.span.clone() else {
        return;
    };
    let Some(bad) = error.message.en.split('`').nth(1).map(str::to_string) else {
        return;
    };
    if Type::parse(&bad).is_ok() {
        return;
    }
    if let Some(text) = source.get(span.clone())
        && let [(at, _)] = text.match_indices(bad.as_str()).collect::<Vec<_>>()[..]
    {
        error.span = Some(span.start + at..span.start + at + bad.len());
    }
    if let Some(near) = closest_type(&bad) {
        error.message = say!(ja: format!("`{bad}` は使える型ではありません。`{near}` のことですか？"),
            en: format!("`{bad}` is not a type the checker knows: did you mean `{near}`?"));
    }
}

/// The type the checker knows that is closest to `bad`, within two letters of it; a
/// number of another family weighs more than a letter (`f64` is `f32`, not `u64`).
fn closest_type(bad: &str) -> Option<String> {
    use cnnlings_runtime::Kind;
    let kinds = Kind::ALL.iter().map(|k| k.name());
    let known = kinds
        .clone()
        .map(str::to_string)
        .chain((1..=4).flat_map(|n| kinds.clone().map(move |k| format!("Array{n}<{k}>"))));
    // The first letter of the number's kind: `f` of `Array2<f23>`.
    let family = |t: &str| t.rsplit('<').next().and_then(|k| k.chars().next());
    known
        .map(|k| (strsim::levenshtein(bad, &k), k))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, k)| distance + 2 * usize::from(family(k) != family(bad)))
        .map(|(_, k)| k)
}

/// A hash of the code that draws a lesson's inputs, computed once: hashed again for
/// every lesson, its ~60 KB took ~5 ms of each course load in the unoptimised checker.
pub fn drawing_code() -> u64 {
    static HASH: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *HASH.get_or_init(|| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for code in [
            include_str!("draw.rs"),
            include_str!("dims.rs"),
            include_str!("dataset.rs"),
            include_str!("split.rs"),
            include_str!("../../runtime/src/elem.rs"),
        ] {
            std::hash::Hash::hash(code, &mut hasher);
        }
        std::hash::Hasher::finish(&hasher)
    })
}

/// The name in a signature that may not parse: `fn flatten(…) -> Vec<f32>` → `flatten`.
fn function_name(signature: &str) -> Option<String> {
    let rest = signature
        .trim_start()
        .strip_prefix("pub ")
        .unwrap_or(signature.trim_start());
    let rest = rest.trim_start().strip_prefix("fn")?;
    let name: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

pub(super) fn is_identifier(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn build(raw: RawLesson, errors: &mut Vec<LessonError>) -> Lesson {
    if *raw.format.get_ref() != model::FORMAT {
        let (reads, says) = (model::FORMAT, raw.format.get_ref());
        errors.push(LessonError::at(
            &raw.format,
            say!(ja: format!("このチェッカーが読むのは `format = {reads}` のレッスンです。このファイルは `format = {says}` です。"),
                en: format!("this checker reads lesson format {reads}, this file says {says}")),
        ));
    }
    let id = raw.id.get_ref();
    if let Err(e) = names::check_id(id) {
        errors.push(LessonError::at(&raw.id, e));
    }
    for module in std::iter::once(&raw.module).chain(&raw.uses) {
        if let Err(e) = names::check_module(module.get_ref()) {
            errors.push(LessonError::at(module, e));
        }
    }
    let mut helpers: Vec<super::Helper> = Vec::new();
    for name in &raw.helpers {
        let text = name.get_ref();
        if let Err(e) = names::check_module(text) {
            errors.push(LessonError::at(name, e));
        } else if helpers.iter().any(|h| &h.name == text) {
            errors.push(LessonError::at(
                name,
                say!(ja: format!("ヘルパー `{text}` が二回書かれています。"),
                    en: format!("the helper `{text}` is listed twice")),
            ));
        } else if text == raw.module.get_ref() || raw.uses.iter().any(|u| u.get_ref() == text) {
            errors.push(LessonError::at(
                name,
                say!(ja: format!("`{text}` はこのレッスンのモジュールです。ヘルパーは同じ名前のモジュールとして組み込まれるので、別の名前にしてください。"),
                    en: format!("`{text}` is a module of this lesson: a helper is mounted as a module of its name, so name it differently")),
            ));
        } else {
            helpers.push(super::Helper::named(text.clone(), name.span()));
        }
    }
    let time_limit = match &raw.time_limit {
        Some(t) if !(TIME_LIMIT_MIN..=TIME_LIMIT_MAX).contains(t.get_ref()) => {
            errors.push(LessonError::at(
                t,
                say!(ja: format!("`time_limit` は秒数で、{TIME_LIMIT_MIN} から {TIME_LIMIT_MAX} までです。"),
                    en: format!("`time_limit` is in seconds, from {TIME_LIMIT_MIN} to {TIME_LIMIT_MAX}")),
            ));
            DEFAULT_TIME_LIMIT
        }
        Some(t) => *t.get_ref(),
        None => DEFAULT_TIME_LIMIT,
    };
    let tolerance = tolerance_of(&raw.tolerance, DEFAULT_TOLERANCE, errors);
    let profile = match raw.profile.as_ref().map(|p| (p, p.get_ref().as_str())) {
        None | Some((_, "debug")) => Profile::Debug,
        Some((_, "release")) => Profile::Release,
        Some((p, other)) => {
            errors.push(LessonError::at(
                p,
                say!(ja: format!("`profile = \"{other}\"` というビルドの種類はありません。\"debug\"（既定）か \"release\"（最適化あり、学習向け）を書いてください。"),
                    en: format!("`profile = \"{other}\"` is not a build profile: use \"debug\" (the default) or \"release\" (optimised, for training)")),
            ));
            Profile::Debug
        }
    };
    let memory_mib = match &raw.memory_limit {
        Some(m) if !(MEMORY_LIMIT_MIN_MIB..=MEMORY_LIMIT_MAX_MIB).contains(m.get_ref()) => {
            errors.push(LessonError::at(
                m,
                say!(ja: format!("`memory_limit` は MiB 単位で、{MEMORY_LIMIT_MIN_MIB} から {MEMORY_LIMIT_MAX_MIB} までです。"),
                    en: format!("`memory_limit` is in MiB, from {MEMORY_LIMIT_MIN_MIB} to {MEMORY_LIMIT_MAX_MIB}")),
            ));
            DEFAULT_MEMORY_LIMIT_MIB
        }
        Some(m) => *m.get_ref(),
        None => DEFAULT_MEMORY_LIMIT_MIB,
    };
    let points = match &raw.points {
        Some(p) if *p.get_ref() > POINTS_MAX => {
            errors.push(LessonError::at(
                p,
                say!(ja: format!("`points` は 0 から {POINTS_MAX} までの整数です。"),
                    en: format!("`points` is a whole number from 0 to {POINTS_MAX}")),
            ));
            DEFAULT_POINTS
        }
        Some(p) => *p.get_ref(),
        None => DEFAULT_POINTS,
    };
    check_localized(&raw.title, ("タイトル", "title"), errors);
    check_localized(&raw.text, ("本文", "text"), errors);
    for hint in &raw.hints {
        check_localized(hint, ("ヒント", "hint"), errors);
    }

    let mut functions: Vec<Signature> = Vec::new();
    let mut unreadable = Vec::new();
    for text in &raw.functions {
        match Signature::parse(text.get_ref()) {
            Ok(sig) if functions.iter().any(|f| f.name == sig.name) => {
                errors.push(LessonError::at(
                    text,
                    say!(ja: format!("`{}` が二回宣言されています。", sig.name),
                        en: format!("`{}` is declared twice", sig.name)),
                ));
            }
            Ok(sig) => functions.push(sig),
            Err(e) => {
                errors.push(LessonError::at(text, e));
                unreadable.extend(function_name(text.get_ref()));
            }
        }
    }

    let mut lesson = Lesson {
        id: id.clone(),
        module: raw.module.get_ref().clone(),
        uses: raw.uses.iter().map(|u| u.get_ref().clone()).collect(),
        helpers,
        points,
        time_limit: Duration::from_secs_f64(time_limit),
        memory_limit: memory_mib.saturating_mul(1024 * 1024),
        profile,
        title: raw.title,
        text: raw.text,
        hints: raw.hints,
        functions,
        entries: Vec::new(),
        tests: Vec::new(),
        mistakes: Vec::new(),
        equivalents: Vec::new(),
        fingerprint: 0,
        file: String::new(),
        source: std::sync::Arc::from(""),
        drawn: DrawSize::default(),
        datasets: Vec::new(),
        data_uses: Vec::new(),
        unreadable,
        picture: None,
        after_passing: None,
        spans: Spans {
            id: raw.id.span(),
            modules: std::iter::once(&raw.module)
                .chain(&raw.uses)
                .map(Spanned::span)
                .collect(),
            functions: raw.functions.iter().map(Spanned::span).collect(),
        },
    };
    lesson.mistakes = super::mistake::mistakes(&raw.mistakes, errors);
    lesson.equivalents = super::mutants::equivalents(&raw.equivalent, errors);
    for raw_file in &raw.datasets {
        let declared = raw_file.get_ref();
        let file = declared.file.get_ref();
        let sha = declared.sha256.get_ref().to_ascii_lowercase();
        if file.is_empty()
            || std::path::Path::new(file).is_absolute()
            || file.split(['/', '\\']).any(|part| part == "..")
        {
            errors.push(LessonError::at(
                &declared.file,
                say!(ja: format!("`{file}` は、コースのフォルダの中を指す相対パスではありません。"),
                    en: format!("`{file}` is not a path inside the course, like `data/images.csv.gz`")),
            ));
        } else if lesson.datasets.iter().any(|d| &d.file == file) {
            errors.push(LessonError::at(
                &declared.file,
                say!(ja: format!("`{file}` が二回宣言されています。"),
                    en: format!("`{file}` is declared twice")),
            ));
        }
        if sha.len() != 64 || !sha.chars().all(|c| c.is_ascii_hexdigit()) {
            errors.push(LessonError::at(
                &declared.sha256,
                say!(ja: "`sha256` は 16 進数 64 桁です（`sha256sum` が表示するとおりに書きます）。",
                    en: "`sha256` is 64 hexadecimal digits, as `sha256sum` prints them"),
            ));
        }
        lesson.datasets.push(DataFile {
            file: file.clone(),
            sha256: sha,
            span: declared.file.span(),
            sha256_span: declared.sha256.span(),
            cell: std::sync::Arc::default(),
        });
    }
    lesson.picture = (raw.show.as_ref())
        .and_then(|p| super::picture::picture(p, &lesson.functions, &lesson.datasets, errors));
    lesson.after_passing =
        (raw.after_passing.as_ref()).and_then(|a| super::picture::after_passing(a, errors));
    // One harness entry per function, whether or not a test calls it.
    lesson.entries = lesson
        .functions
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let changed: Vec<(String, Type)> = f
                .changed()
                .map(|p| (f.params[p].name.clone(), f.params[p].ty.clone()))
                .collect();
            let (output, labels) = types::output_of(&f.returns, &changed);
            Entry {
                kind: EntryKind::Call(i),
                params: f.params.iter().map(|p| p.ty.clone()).collect(),
                modes: f.params.iter().map(|p| p.mode).collect(),
                returns: f.returns.clone(),
                output,
                labels,
            }
        })
        .collect();

    // Each test with the points it declares, if any.
    let mut declared: Vec<Option<&Spanned<f64>>> = Vec::new();
    for fixed in &raw.fixed {
        if let Some(test) = fixed_test(&lesson, fixed, tolerance, errors) {
            lesson.tests.push(test);
            declared.push(fixed.get_ref().points.as_ref());
            let raw = fixed.get_ref();
            set_grading(&mut lesson, raw.visibility, raw.secret);
        }
    }
    for random in &raw.random {
        if let Some(test) = random_test(&mut lesson, random, tolerance, errors) {
            lesson.tests.push(test);
            declared.push(random.get_ref().points.as_ref());
            let raw = random.get_ref();
            set_grading(&mut lesson, raw.visibility, raw.secret);
        }
    }
    for scenario in &raw.scenario {
        if let Some(test) = scenario_test(&mut lesson, scenario, tolerance, errors) {
            lesson.tests.push(test);
            declared.push(scenario.get_ref().points.as_ref());
            let raw = scenario.get_ref();
            set_grading(&mut lesson, raw.visibility, raw.secret);
        }
    }
    share_points(&mut lesson, &declared, errors);
    if raw.fixed.is_empty() && raw.random.is_empty() && raw.scenario.is_empty() {
        errors.push(LessonError::whole(
            say!(ja: "このレッスンには隠しテストがありません。[[fixed]]、[[random]]、[[scenario]] のどれかを加えてください。",
                en: "the lesson has no hidden tests: add [[fixed]], [[random]] or [[scenario]]"),
        ));
    }
    lesson
}

/// Who sees the last test's result, and whether its details stay secret.
fn set_grading(lesson: &mut Lesson, visibility: Visibility, secret: bool) {
    if let Some(test) = lesson.tests.last_mut() {
        test.visibility = visibility;
        test.secret = secret;
    }
}

/// Gives each test its points: as declared (all tests declare, summing to the lesson's
/// points), or else the lesson's points shared equally.
fn share_points(
    lesson: &mut Lesson,
    declared: &[Option<&Spanned<f64>>],
    errors: &mut Vec<LessonError>,
) {
    let given: Vec<&Spanned<f64>> = declared.iter().flatten().copied().collect();
    if given.is_empty() {
        let share = f64::from(lesson.points) / lesson.tests.len().max(1) as f64;
        lesson.tests.iter_mut().for_each(|t| t.points = share);
        return;
    }
    if given.len() != declared.len() {
        errors.push(LessonError::at(
            given[0],
            say!(ja: "`points` を書いたテストと書いていないテストがあります。レッスンのすべてのテストに書くか、どれにも書かないでください。",
                en: "some tests give `points` and some do not: give them on every test of the lesson, or on none"),
        ));
        return;
    }
    if let Some(bad) = given
        .iter()
        .find(|p| !(p.get_ref().is_finite() && *p.get_ref() >= 0.0))
    {
        errors.push(LessonError::at(
            bad,
            say!(ja: "テストの `points` は 0 以上の数にしてください。",
                en: "a test's `points` must be a number ≥ 0"),
        ));
        return;
    }
    let sum: f64 = given.iter().map(|p| *p.get_ref()).sum();
    if (sum - f64::from(lesson.points)).abs() > 1e-9 {
        errors.push(LessonError::at(
            given[0],
            say!(ja: format!("テストの `points` の合計は {sum} ですが、レッスンは `points = {}` です。", lesson.points),
                en: format!("the tests' points add up to {sum}, but the lesson has `points = {}`", lesson.points)),
        ));
        return;
    }
    for (test, points) in lesson.tests.iter_mut().zip(given) {
        test.points = *points.get_ref();
    }
}

/// A text of the lesson, which must be written in both languages; `what` names it in
/// Japanese and in English, in that order.
pub(super) fn check_localized(text: &Bilingual, what: (&str, &str), errors: &mut Vec<LessonError>) {
    let (ja, en) = what;
    for (lang, value) in [("ja", &text.ja), ("en", &text.en)] {
        if value.trim().is_empty() {
            errors.push(LessonError::whole(
                say!(ja: format!("{ja}の `{lang}` が空です。"),
                    en: format!("a {en} is empty in `{lang}`")),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{Label, Value};

    #[test]
    fn a_misspelt_type_is_the_closest_of_its_family() {
        let near = |bad: &str| closest_type(bad);
        assert_eq!(near("Array2<f23>").as_deref(), Some("Array2<f32>"));
        assert_eq!(near("f64").as_deref(), Some("f32"));
        assert_eq!(near("Array1<f64>").as_deref(), Some("Array1<f32>"));
        assert_eq!(near("usze").as_deref(), Some("usize"));
        assert_eq!(near("Vec<f32>"), None);
    }

    const HEAD: &str = r#"
format = 1
id = "add"
module = "add"
functions = ["fn add(a: &Array1<f32>, b: &Array1<f32>) -> Array1<f32>"]
title = { ja = "足し算", en = "Addition" }
text = { ja = "足します。", en = "Add." }
"#;

    fn errors_of(tail: &str) -> Vec<String> {
        match parse(&format!("{HEAD}{tail}")) {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| e.message.en).collect(),
        }
    }

    #[test]
    fn a_valid_lesson_draws_its_cases() {
        let lesson = parse(&format!(
            r#"{HEAD}
[[fixed]]
name = {{ ja = "例", en = "example" }}
call = "add"
args = [[1, 2], [3, -4]]
expected = [4, -2]

[[random]]
name = {{ ja = "乱数", en = "random" }}
call = "add"
seed = 7
cases = 5
dims = {{ n = [1, 6] }}
args = [{{ shape = ["n"], range = [-1, 1] }}, {{ shape = ["n"], range = [-1, 1] }}]
"#
        ))
        .unwrap();
        assert_eq!(lesson.tests.len(), 2);
        assert_eq!(lesson.case_count(), 6);
        let drawn = &lesson.tests[1].cases;
        assert_eq!(drawn[4].seed, Some(11));
        for case in drawn {
            let (
                Value::Array {
                    shape: a,
                    cells: cnnlings_runtime::Cells::F32(data),
                },
                Value::Array { shape: b, .. },
            ) = (&case.args[0], &case.args[1])
            else {
                panic!("arrays expected")
            };
            assert_eq!(a, b, "both arguments share the size n");
            assert!(
                data.iter()
                    .all(|x| (-1.0..=1.0).contains(x) && (x * 100.0).round() == x * 100.0)
            );
        }
    }

    #[test]
    fn an_empty_text_is_named_in_each_language() {
        let Err(errors) = parse(&format!("{HEAD}hints = [{{ ja = \"\", en = \"Add.\" }}]\n"))
        else {
            panic!("an empty hint passed")
        };
        let message = &errors[0].message;
        assert_eq!(message.ja, "ヒントの `ja` が空です。");
        assert_eq!(message.en, "a hint is empty in `ja`");
    }

    #[test]
    fn names_the_mistakes_of_a_lesson() {
        assert_eq!(
            errors_of(
                "[[fixed]]\nname = { ja = \"a\", en = \"a\" }\ncall = \"ad\"\nargs = []\nexpected = 1\n"
            ),
            vec!["`ad` is not in `functions` (declared: add)"]
        );
        let ragged = errors_of(
            "[[fixed]]\nname = { ja = \"a\", en = \"a\" }\ncall = \"add\"\nargs = [[1, 2], [3]]\nexpected = [[1], [2, 3]]\n",
        );
        assert!(
            ragged[0].contains("ragged") || ragged[0].contains("expected"),
            "{ragged:?}"
        );
        let typo = errors_of("tolerence = 0.1\n");
        assert_eq!(
            typo,
            vec!["unknown field `tolerence`: did you mean `tolerance`?"]
        );
        assert!(errors_of("")[0].contains("no hidden tests"));
        // A signature that cannot be read is said once, not again at each test calling it.
        let unreadable = parse(&format!(
            "{}[[fixed]]\nname = {{ ja = \"a\", en = \"a\" }}\ncall = \"add\"\nargs = []\nexpected = 1\n",
            HEAD.replace("-> Array1<f32>", "-> Vec<f32>")
        ))
        .err()
        .unwrap_or_default();
        assert_eq!(unreadable.len(), 1, "{unreadable:?}");
        assert!(
            !unreadable[0].message.en.contains("not declared"),
            "{unreadable:?}"
        );
        assert_eq!(
            function_name("pub fn flatten(x: &Array3<f32>) -> Vec<f32>"),
            Some("flatten".into())
        );
    }

    #[test]
    fn helpers_are_module_names_listed_once_and_not_the_lesson_s_own() {
        let test = "[[fixed]]\nname = { ja = \"a\", en = \"a\" }\ncall = \"add\"\nargs = [[1], [2]]\nexpected = [3]\n";
        let lesson = parse(&format!("{HEAD}helpers = [\"digits_cnn\"]\n{test}")).unwrap();
        assert_eq!(lesson.helpers.len(), 1);
        assert_eq!(lesson.helpers[0].name, "digits_cnn");
        let errors = |helpers: &str| errors_of(&format!("helpers = {helpers}\n{test}"));
        assert_eq!(
            errors(r#"["grids", "grids"]"#),
            vec!["the helper `grids` is listed twice"]
        );
        assert!(errors(r#"["add"]"#)[0].contains("is a module of this lesson"));
        assert!(errors(r#"["fn"]"#)[0].contains("keyword"));
        assert!(errors(r#"["Grids"]"#)[0].contains("not a module name"));
    }

    /// A scenario returning (sum, difference), its parts named.
    fn named_parts(parts: &str, judging: &str) -> String {
        format!(
            r#"{HEAD}
[[scenario]]
name = {{ ja = "和と差", en = "sum and difference" }}
returns = "(Array1<f32>, Array1<f32>)"
code = "(add(&a, &b), add(&a, &(-&b)))"
inputs = [{{ name = "a", type = "Array1<f32>", value = [1, 2] }}, {{ name = "b", type = "Array1<f32>", value = [3, 4] }}]
parts = {parts}
{judging}
"#
        )
    }

    #[test]
    fn named_parts_label_a_tuple_and_may_only_name() {
        let sum = r#"{ name = { ja = "和", en = "the sum" } }"#;
        let difference = r#"{ name = { ja = "差", en = "the difference" } }"#;
        // Names alone: the scenario judges as usual, `expected` included.
        let lesson = parse(&named_parts(
            &format!("[{sum}, {difference}]"),
            "expected = [[4, 6], [-2, -2]]",
        ))
        .unwrap();
        let labels = lesson.entries[lesson.tests[0].entry]
            .labels
            .as_ref()
            .unwrap();
        let Label::Named(name) = &labels[1] else {
            panic!("{labels:?}")
        };
        assert_eq!(
            (name.ja.as_str(), name.en.as_str()),
            ("差", "the difference")
        );
        // With a judging part, and a `relative` of the scenario's as the parts' default.
        let judged = format!(
            r#"[{{ name = {{ ja = "和", en = "the sum" }}, tolerance = 0.1 }}, {difference}]"#
        );
        assert!(parse(&named_parts(&judged, "relative = 1e-3")).is_ok());
        let errors = |text: String| -> Vec<String> {
            parse(&text)
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| e.message.en)
                .collect()
        };
        assert_eq!(
            errors(named_parts(&format!("[{sum}]"), "")),
            vec![
                "`parts` names 1 parts, but (Array1<f32>, Array1<f32>) has 2: one entry a part, in order"
            ]
        );
        assert_eq!(
            errors(named_parts(
                &format!(r#"[{sum}, {{ name = {{ ja = "差", en = " " }} }}]"#),
                ""
            )),
            vec!["a part's `name` needs words in both languages"]
        );
    }
}
