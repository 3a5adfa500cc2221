//! A lesson, parsed and validated: its texts, the functions it tests, and every hidden case.
//!
//! Loading turns the file as written ([`model`]) into a [`Lesson`], finding every mistake
//! in a lesson file before anything is built. Random cases are checked then, and drawn
//! only when a check needs them ([`draw`]).

pub mod compare;
pub mod dataset;
pub mod dims;
pub mod draw;
pub mod model;
pub mod names;
pub mod split;
pub mod toml_error;
pub mod types;

pub use cnnlings_runtime::Bilingual;
pub use compare::Compare;
use dataset::{DataFile, DataGen};
use dims::Dims;
pub use draw::Cases;
use draw::{Draw, DrawSize, Generator};
use model::RawLesson;
pub use model::{Localized, Visibility};
use std::ops::Range;
use std::time::Duration;
use toml::Spanned;
use types::{Label, Mode, Signature, Type, Value};

/// A problem in a lesson file, with the bytes it is about when known. Its message is
/// in English and in Japanese: the type has no room for a message in one language only.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonError {
    pub span: Option<Range<usize>>,
    pub message: Bilingual,
}

impl LessonError {
    pub fn new(span: Option<Range<usize>>, message: Bilingual) -> LessonError {
        LessonError { span, message }
    }

    /// An error about a field, written in both languages.
    fn at<T>(spanned: &Spanned<T>, en: impl Into<String>, ja: impl Into<String>) -> LessonError {
        LessonError::said(spanned, Bilingual::new(en, ja))
    }

    /// An error about a field, as a check that knows both languages gave it.
    fn said<T>(spanned: &Spanned<T>, message: Bilingual) -> LessonError {
        LessonError::new(Some(spanned.span()), message)
    }

    /// An error about the lesson as a whole.
    fn whole(en: impl Into<String>, ja: impl Into<String>) -> LessonError {
        LessonError::new(None, Bilingual::new(en, ja))
    }

    fn field(e: compare::FieldError) -> LessonError {
        LessonError::new(Some(e.span), Bilingual::new(e.en, e.ja))
    }
}

/// A scenario's `parts`: each part of the tuple it returns, judged by its own rule.
fn parts_of(
    scenario: &model::RawScenario,
    parts: &Spanned<Vec<Spanned<model::RawPart>>>,
    returns: &Type,
    tolerance: f64,
    errors: &mut Vec<LessonError>,
) -> Option<Compare> {
    let push =
        |errors: &mut Vec<LessonError>, e: compare::FieldError| errors.push(LessonError::field(e));
    let outside = [&scenario.relative, &scenario.at_least, &scenario.at_most];
    if outside.iter().any(|f| f.is_some()) || scenario.expected.is_some() {
        push(
            errors,
            compare::FieldError {
                span: parts.span(),
                en: "a scenario with `parts` judges each part there: move `relative`, `at_least`, `at_most` into the parts (and give no `expected`)".to_string(),
                ja: "`parts` のあるシナリオでは、判定は部分ごとに書きます。`relative`、`at_least`、`at_most` は `parts` の中に移してください（`expected` は書きません）。".to_string(),
            },
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
                push(
                    errors,
                    compare::FieldError {
                        span: t.span(),
                        en: format!(
                            "`tolerance = {}` must be a number of 0 or more",
                            t.get_ref()
                        ),
                        ja: format!(
                            "`tolerance = {}` は 0 以上の数にしてください。",
                            t.get_ref()
                        ),
                    },
                );
            }
            compare::RawPart {
                judge: p.judge.unwrap_or(true),
                fields: compare::RawCompare {
                    tolerance: p.tolerance.as_ref().map_or(tolerance, |t| *t.get_ref()),
                    relative: p.relative.as_ref(),
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
        .map_err(|e| push(errors, e))
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
                format!("`show`'s `part = {part}` is not a part of {returns}: parts count from 0"),
                format!(
                    "`show` の `part = {part}` は {returns} の部分ではありません。部分は 0 から数えます。"
                ),
            );
        }
    };
    fn fail<T>(
        errors: &mut Vec<LessonError>,
        span: &Range<usize>,
        en: String,
        ja: String,
    ) -> Option<T> {
        errors.push(LessonError::new(Some(span.clone()), Bilingual::new(en, ja)));
        None
    }
    // The input a field names, which must be of type `want`.
    let input = |field: &str, name: &Option<String>, want: &Type, errors: &mut Vec<LessonError>| {
        let Some(name) = name else {
            return fail(
                errors,
                &span,
                format!(
                    "`show` with view `digits` needs `{field}`: the name of the input that holds them ({want})"
                ),
                format!(
                    "`show` の view `digits` には `{field}` が要ります。それを入れた入力の名前です（{want}）。"
                ),
            );
        };
        match names.iter().position(|n| n == name) {
            Some(i) if &params[i] == want => Some(i),
            Some(i) => fail(
                errors,
                &span,
                format!(
                    "`show`'s `{field}` names the input `{name}`, of type {}; it must be {want}",
                    params[i]
                ),
                format!(
                    "`show` の `{field}` が指す入力 `{name}` の型は {} です。{want} にしてください。",
                    params[i]
                ),
            ),
            None => fail(
                errors,
                &span,
                format!(
                    "`show`'s `{field}` names `{name}`, which is not an input of this scenario"
                ),
                format!("`show` の `{field}` が指す `{name}` は、このシナリオの入力にありません。"),
            ),
        }
    };
    let array = |kind, dims| Type::Array(kind, dims);
    use cnnlings_runtime::Kind;
    match show.view.as_str() {
        "digits" => {
            let want = array(Kind::Usize, 1);
            if returns != &want {
                return fail(
                    errors,
                    &span,
                    format!(
                        "`show` with view `digits` draws predicted classes: the scenario must return {want}, not {returns}"
                    ),
                    format!(
                        "view `digits` は予測したクラスを描きます。シナリオは {returns} ではなく {want} を返すようにしてください。"
                    ),
                );
            }
            let images = input("images", &show.images, &array(Kind::F32, 3), errors)?;
            let labels = input("labels", &show.labels, &want, errors)?;
            Some((Show::Digits { images, labels }, show.part))
        }
        "loss_curve" => {
            let want = array(Kind::F32, 1);
            if returns != &want {
                return fail(
                    errors,
                    &span,
                    format!(
                        "`show` with view `loss_curve` plots the loss after each epoch: the scenario must return {want}, not {returns}"
                    ),
                    format!(
                        "view `loss_curve` はエポックごとの損失をグラフにします。シナリオは {returns} ではなく {want} を返すようにしてください。"
                    ),
                );
            }
            if show.images.is_some() || show.labels.is_some() {
                return fail(
                    errors,
                    &span,
                    "`show` with view `loss_curve` takes no `images` or `labels`".to_string(),
                    "view `loss_curve` には `images` も `labels` も要りません。".to_string(),
                );
            }
            let accuracy = match (show.accuracy, whole) {
                (None, _) => None,
                (Some(i), Type::Tuple(types)) if types.get(i) == Some(&Type::Scalar(Kind::F32)) => {
                    Some(i)
                }
                (Some(i), _) => {
                    return fail(
                        errors,
                        &span,
                        format!("`show`'s `accuracy = {i}` must be a part of type f32 of {whole}"),
                        format!(
                            "`show` の `accuracy = {i}` は、{whole} の f32 の部分を指してください。"
                        ),
                    );
                }
            };
            Some((Show::LossCurve { accuracy }, show.part))
        }
        other => fail(
            errors,
            &span,
            format!("`show` has no view `{other}`; the views are {VIEWS}"),
            format!("`show` に view `{other}` はありません。使える view は {VIEWS} です。"),
        ),
    }
}

/// What the harness calls for a case: a lesson function, or a scenario's snippet.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryKind {
    /// A call of `functions[index]`.
    Call(usize),
    /// A scenario's code, with its named inputs.
    Snippet { code: String, inputs: Vec<String> },
}

/// One entry point of the generated harness.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: EntryKind,
    pub params: Vec<Type>,
    /// How each parameter is passed (a scenario's inputs are values).
    pub modes: Vec<Mode>,
    /// What the function or the scenario's code returns.
    pub returns: Type,
    /// The value compared: what it returns, with the values of its `&mut` parameters
    /// after the call ([`types::output_of`]).
    pub output: Type,
    /// The labels of the output's parts, when a report shows them one by one.
    pub labels: Option<Vec<Label>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestKind {
    Fixed,
    Random,
    Scenario,
}

/// What a case's output is compared with.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// A value written in the lesson.
    Given(Value),
    /// The reference solution's output on the same inputs.
    Reference,
}

/// One hidden test as the lesson declares it; it may hold many cases.
#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    pub name: Localized,
    pub kind: TestKind,
    pub entry: usize,
    pub tolerance: f64,
    /// How its outputs are judged.
    pub compare: Compare,
    pub cases: Cases,
    /// The names of the arguments, for reports.
    pub arg_names: Vec<String>,
    /// What passing this test earns when grading.
    pub points: f64,
    /// Who sees this test's result in Gradescope.
    pub visibility: Visibility,
    /// Grade reports hide this test's inputs, values and outputs.
    pub secret: bool,
    /// Where the test is written in the lesson file.
    pub span: Range<usize>,
    /// Where a scenario's `code` is written.
    pub code_span: Option<Range<usize>>,
    /// What the student is shown of this test's output when the lesson passes: a view,
    /// and for a tuple, the part it draws.
    pub show: Option<(Show, Option<usize>)>,
}

/// A view of a scenario's output, drawn for the student when the lesson passes: what
/// their own code computed, made visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// The output is predicted classes (`Array1<usize>`) of images: a few images drawn
    /// with their label and the prediction, the wrong ones first, and the accuracy.
    /// The fields are the indices of the inputs that hold the images (`Array3<f32>`)
    /// and the labels (`Array1<usize>`).
    Digits { images: usize, labels: usize },
    /// The output is the loss after each epoch of training (`Array1<f32>`): a plot of
    /// it falling, and how far it fell; with the index of the tuple's part that holds
    /// the trained network's accuracy (`f32`), that too.
    LossCurve { accuracy: Option<usize> },
}

/// The views a `show` may name, for messages.
const VIEWS: &str = "`digits`, `loss_curve`";

/// One concrete run of an entry: its arguments and what its output must be.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub args: Vec<Value>,
    pub expected: Expected,
    /// The seed the arguments were drawn from, if they were drawn.
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub id: String,
    pub module: String,
    pub uses: Vec<String>,
    pub points: u32,
    pub time_limit: Duration,
    /// Bytes of address space for the process that runs student code.
    pub memory_limit: u64,
    /// How its harnesses are built.
    pub profile: Profile,
    pub title: Localized,
    pub text: Localized,
    pub hints: Vec<Localized>,
    pub functions: Vec<Signature>,
    pub entries: Vec<Entry>,
    pub tests: Vec<Test>,
    pub mistakes: Vec<Mistake>,
    /// A hash of the lesson file's text and of every drawn input: outputs computed from
    /// the lesson are cached under it.
    pub fingerprint: u64,
    /// Where fields are written in the file, for errors found later.
    pub spans: Spans,
    /// The lesson file as the course shows it (`lessons/04-conv.toml`) and its text,
    /// so that a fault found when the lesson runs can point at its line.
    pub file: String,
    pub source: std::sync::Arc<str>,
    /// What its random cases will draw.
    pub drawn: DrawSize,
    /// The data files it declares; the course reads them.
    pub datasets: Vec<DataFile>,
    /// Each generator that reads a data file, for the checks the course makes once
    /// the file is read.
    pub data_uses: Vec<DataUse>,
}

/// A generator that reads a data file, where it is written and how many cases use it.
#[derive(Debug, Clone, PartialEq)]
pub struct DataUse {
    pub span: Range<usize>,
    pub generator: DataGen,
    pub cases: usize,
}

/// How a lesson's harnesses are built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// Without optimisation: the quickest build, for lessons whose tests run fast.
    #[default]
    Debug,
    /// Optimised (`opt-level = 3`, overflow checks and debug assertions kept), for a
    /// lesson whose tests train a network.
    Release,
}

impl Profile {
    /// The `opt-level` of the lesson's harness packages.
    pub fn opt_level(self) -> u8 {
        match self {
            Profile::Debug => 0,
            Profile::Release => 3,
        }
    }
}

/// Byte ranges of fields that checks across the course point at.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spans {
    pub id: Range<usize>,
    /// The module, then each of `uses`.
    pub modules: Vec<Range<usize>>,
    /// Each of `functions`, in order.
    pub functions: Vec<Range<usize>>,
    /// Each of `mistakes`' files, in order.
    pub mistakes: Vec<Range<usize>>,
}

/// A known wrong answer: a module file in `solutions/mistakes/<module>/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    /// The file name, e.g. `flipped_kernel.rs`.
    pub file: String,
    /// The file's stem, e.g. `flipped_kernel`: its name in reports and harnesses.
    pub name: String,
    pub message: Localized,
}

impl Lesson {
    /// Every case of the lesson in order, with the test it belongs to.
    pub fn cases(&self) -> impl Iterator<Item = (usize, &Test, &Case)> {
        self.tests
            .iter()
            .flat_map(|test| test.cases.iter().map(move |case| (test, case)))
            .enumerate()
            .map(|(i, (test, case))| (i, test, case))
    }

    /// The line (from 1) of a byte offset in the lesson file.
    pub fn line_of(&self, offset: usize) -> usize {
        let before = self.source.get(..offset).unwrap_or(&self.source);
        before.matches('\n').count() + 1
    }

    pub fn case_count(&self) -> usize {
        self.tests.iter().map(|t| t.cases.len()).sum()
    }
}

// Every number a lesson file gives is bounded; lessons/README.md states each bound.
const DEFAULT_TIME_LIMIT: f64 = 5.0;
const TIME_LIMIT_MIN: f64 = 0.1;
/// Ten minutes: a check longer than this is not an exercise.
const TIME_LIMIT_MAX: f64 = 600.0;
const DEFAULT_MEMORY_LIMIT_MIB: u64 = 1024;
const MEMORY_LIMIT_MIN_MIB: u64 = 16;
/// 64 GiB of address space.
const MEMORY_LIMIT_MAX_MIB: u64 = 65_536;
const DEFAULT_TOLERANCE: f64 = 1e-4;
const DEFAULT_POINTS: u32 = 10;
const POINTS_MAX: u32 = 1000;
const DEFAULT_RANDOM_CASES: usize = 20;
const CASES_MAX: usize = 10_000;
const DEFAULT_DECIMALS: u32 = 2;
const DECIMALS_MAX: u32 = 6;

/// Parses and validates one lesson file. Checks that need the rest of the course
/// (unique ids, module files) are done by the course.
pub fn parse(source: &str) -> Result<Lesson, Vec<LessonError>> {
    let raw: RawLesson = toml::from_str(source).map_err(|e| vec![toml_error::of(&e)])?;
    let mut errors = Vec::new();
    let mut lesson = build(raw, &mut errors);
    // Cached outputs depend on the text and on how inputs are drawn from it.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(source, &mut hasher);
    std::hash::Hash::hash(include_str!("draw.rs"), &mut hasher);
    std::hash::Hash::hash(include_str!("dims.rs"), &mut hasher);
    std::hash::Hash::hash(include_str!("dataset.rs"), &mut hasher);
    std::hash::Hash::hash(include_str!("split.rs"), &mut hasher);
    std::hash::Hash::hash(include_str!("../../runtime/src/elem.rs"), &mut hasher);
    lesson.fingerprint = std::hash::Hasher::finish(&hasher);
    lesson.source = std::sync::Arc::from(source);
    if errors.is_empty() {
        Ok(lesson)
    } else {
        Err(errors)
    }
}

fn is_identifier(text: &str) -> bool {
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
            format!("this checker reads lesson format {reads}, this file says {says}"),
            format!(
                "このチェッカーが読むのは `format = {reads}` のレッスンです。このファイルは `format = {says}` です。"
            ),
        ));
    }
    let id = raw.id.get_ref();
    if let Err(e) = names::check_id(id) {
        errors.push(LessonError::said(&raw.id, e));
    }
    for module in std::iter::once(&raw.module).chain(&raw.uses) {
        if let Err(e) = names::check_module(module.get_ref()) {
            errors.push(LessonError::said(module, e));
        }
    }
    let time_limit = match &raw.time_limit {
        Some(t) if !(TIME_LIMIT_MIN..=TIME_LIMIT_MAX).contains(t.get_ref()) => {
            errors.push(LessonError::at(
                t,
                format!("`time_limit` is in seconds, from {TIME_LIMIT_MIN} to {TIME_LIMIT_MAX}"),
                format!("`time_limit` は秒数で、{TIME_LIMIT_MIN} から {TIME_LIMIT_MAX} までです。"),
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
                format!(
                    "`profile = \"{other}\"` is not a build profile: use \"debug\" (the default) or \"release\" (optimised, for training)"
                ),
                format!(
                    "`profile = \"{other}\"` というビルドの種類はありません。\"debug\"（既定）か \"release\"（最適化あり、学習向け）を書いてください。"
                ),
            ));
            Profile::Debug
        }
    };
    let memory_mib = match &raw.memory_limit {
        Some(m) if !(MEMORY_LIMIT_MIN_MIB..=MEMORY_LIMIT_MAX_MIB).contains(m.get_ref()) => {
            errors.push(LessonError::at(
                m,
                format!(
                    "`memory_limit` is in MiB, from {MEMORY_LIMIT_MIN_MIB} to {MEMORY_LIMIT_MAX_MIB}"
                ),
                format!(
                    "`memory_limit` は MiB 単位で、{MEMORY_LIMIT_MIN_MIB} から {MEMORY_LIMIT_MAX_MIB} までです。"
                ),
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
                format!("`points` is a whole number from 0 to {POINTS_MAX}"),
                format!("`points` は 0 から {POINTS_MAX} までの整数です。"),
            ));
            DEFAULT_POINTS
        }
        Some(p) => *p.get_ref(),
        None => DEFAULT_POINTS,
    };
    check_localized(&raw.title, ("title", "タイトル"), errors);
    check_localized(&raw.text, ("text", "本文"), errors);
    for hint in &raw.hints {
        check_localized(hint, ("hint", "ヒント"), errors);
    }

    let mut functions: Vec<Signature> = Vec::new();
    for text in &raw.functions {
        match Signature::parse(text.get_ref()) {
            Ok(sig) if functions.iter().any(|f| f.name == sig.name) => {
                errors.push(LessonError::at(
                    text,
                    format!("`{}` is declared twice", sig.name),
                    format!("`{}` が二回宣言されています。", sig.name),
                ));
            }
            Ok(sig) => functions.push(sig),
            Err(e) => errors.push(LessonError::said(text, e)),
        }
    }

    let mut lesson = Lesson {
        id: id.clone(),
        module: raw.module.get_ref().clone(),
        uses: raw.uses.iter().map(|u| u.get_ref().clone()).collect(),
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
        fingerprint: 0,
        file: String::new(),
        source: std::sync::Arc::from(""),
        drawn: DrawSize::default(),
        datasets: Vec::new(),
        data_uses: Vec::new(),
        spans: Spans {
            id: raw.id.span(),
            modules: std::iter::once(&raw.module)
                .chain(&raw.uses)
                .map(Spanned::span)
                .collect(),
            functions: raw.functions.iter().map(Spanned::span).collect(),
            mistakes: raw
                .mistakes
                .iter()
                .map(|m| m.get_ref().file.span())
                .collect(),
        },
    };
    for raw_mistake in &raw.mistakes {
        let mistake = raw_mistake.get_ref();
        let file = mistake.file.get_ref();
        let name = file.strip_suffix(".rs").unwrap_or_default();
        if name.is_empty() || !is_identifier(name) {
            errors.push(LessonError::at(
                &mistake.file,
                format!("`{file}` is not a module file name like `flipped_kernel.rs`"),
                format!("`{file}` はモジュールのファイル名ではありません。英小文字、数字、`_` の名前に `.rs` を付けます。"),
            ));
        } else if lesson.mistakes.iter().any(|m| m.name == name) {
            errors.push(LessonError::at(
                &mistake.file,
                format!("`{file}` is listed twice"),
                format!("`{file}` が二回書かれています。"),
            ));
        }
        check_localized(
            &mistake.message,
            ("mistake message", "よくある間違いのメッセージ"),
            errors,
        );
        lesson.mistakes.push(Mistake {
            file: file.clone(),
            name: name.to_string(),
            message: mistake.message.clone(),
        });
    }
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
                format!("`{file}` is not a path inside the course, like `data/digits.csv.gz`"),
                format!("`{file}` は、コースのフォルダの中を指す相対パスではありません。"),
            ));
        } else if lesson.datasets.iter().any(|d| &d.file == file) {
            errors.push(LessonError::at(
                &declared.file,
                format!("`{file}` is declared twice"),
                format!("`{file}` が二回宣言されています。"),
            ));
        }
        if sha.len() != 64 || !sha.chars().all(|c| c.is_ascii_hexdigit()) {
            errors.push(LessonError::at(
                &declared.sha256,
                "`sha256` is 64 hexadecimal digits, as `sha256sum` prints them",
                "`sha256` は 16 進数 64 桁です（`sha256sum` が表示するとおりに書きます）。",
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
            "the lesson has no hidden tests: add [[fixed]], [[random]] or [[scenario]]",
            "このレッスンには隠しテストがありません。[[fixed]]、[[random]]、[[scenario]] のどれかを加えてください。",
        ));
    }
    lesson
}

/// Checks the generator of one argument or input. One that reads a data file is kept
/// in the lesson too, to be checked once the course has read the file.
fn generator(
    lesson: &mut Lesson,
    raw: &Spanned<model::RawGenerator>,
    ty: &Type,
    what: &Bilingual,
    cases: usize,
    errors: &mut Vec<LessonError>,
) -> Option<Generator> {
    if raw.get_ref().dataset.is_none() {
        return Generator::new(raw.get_ref(), ty, what)
            .map_err(|e| errors.push(LessonError::said(raw, e)))
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
            errors.push(LessonError::said(raw, e));
            None
        }
    }
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
            "some tests give `points` and some do not: give them on every test of the lesson, or on none",
            "`points` を書いたテストと書いていないテストがあります。レッスンのすべてのテストに書くか、どれにも書かないでください。",
        ));
        return;
    }
    if let Some(bad) = given
        .iter()
        .find(|p| !(p.get_ref().is_finite() && *p.get_ref() >= 0.0))
    {
        errors.push(LessonError::at(
            bad,
            "a test's `points` must be a number ≥ 0",
            "テストの `points` は 0 以上の数にしてください。",
        ));
        return;
    }
    let sum: f64 = given.iter().map(|p| *p.get_ref()).sum();
    if (sum - f64::from(lesson.points)).abs() > 1e-9 {
        errors.push(LessonError::at(
            given[0],
            format!(
                "the tests' points add up to {sum}, but the lesson has `points = {}`",
                lesson.points
            ),
            format!(
                "テストの `points` の合計は {sum} ですが、レッスンは `points = {}` です。",
                lesson.points
            ),
        ));
        return;
    }
    for (test, points) in lesson.tests.iter_mut().zip(given) {
        test.points = *points.get_ref();
    }
}

/// A text of the lesson, which must be written in both languages; `what` names it in
/// English and in Japanese.
fn check_localized(text: &Localized, what: (&str, &str), errors: &mut Vec<LessonError>) {
    let (en, ja) = what;
    for (lang, value) in [("ja", &text.ja), ("en", &text.en)] {
        if value.trim().is_empty() {
            errors.push(LessonError::whole(
                format!("a {en} is empty in `{lang}`"),
                format!("{ja}の `{lang}` が空です。"),
            ));
        }
    }
}

fn tolerance_of(value: &Option<Spanned<f64>>, default: f64, errors: &mut Vec<LessonError>) -> f64 {
    match value {
        Some(t) if !(t.get_ref().is_finite() && *t.get_ref() >= 0.0) => {
            errors.push(LessonError::at(
                t,
                "`tolerance` is a finite number, 0 or more",
                "`tolerance` は 0 以上の有限の数にしてください。",
            ));
            default
        }
        Some(t) => *t.get_ref(),
        None => default,
    }
}

fn compare_of(raw: compare::RawCompare, errors: &mut Vec<LessonError>) -> Compare {
    Compare::from_fields(&raw).unwrap_or_else(|e| {
        errors.push(LessonError::field(e));
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
    if found.is_none() {
        let known: Vec<&str> = lesson.functions.iter().map(|f| f.name.as_str()).collect();
        let name = call.get_ref();
        let error = if known.is_empty() {
            LessonError::at(
                call,
                format!("`{name}` is not declared: add its signature to `functions`"),
                format!(
                    "`{name}` は宣言されていません。`functions` にシグネチャを加えてください。"
                ),
            )
        } else {
            let known = known.join(", ");
            LessonError::at(
                call,
                format!("`{name}` is not in `functions` (declared: {known})"),
                format!("`{name}` は `functions` にありません（宣言されているのは {known}）。"),
            )
        };
        errors.push(error);
    }
    found
}

/// A test's name, in errors.
const TEST_NAME: (&str, &str) = ("test name", "テストの名前");

/// An argument, as errors about it name it: "argument `x` (f32)".
fn argument(param: &types::Param) -> Bilingual {
    Bilingual::new(
        format!("argument `{}` ({})", param.name, param.ty),
        format!("引数 `{}`（{}）", param.name, param.ty),
    )
}

/// `args` of a call that does not give every argument.
fn argument_count<T>(args: &Spanned<Vec<T>>, sig: &Signature) -> LessonError {
    let (name, takes, given) = (&sig.name, sig.params.len(), args.get_ref().len());
    LessonError::at(
        args,
        format!("`{name}` takes {takes} arguments, `args` has {given}"),
        format!("`{name}` の引数は {takes} 個ですが、`args` には {given} 個あります。"),
    )
}

fn fixed_test(
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
            Err(e) => errors.push(LessonError::said(arg, e.about(&argument(param)))),
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
            let what = Bilingual::new(
                format!("`expected` ({output}{en})"),
                format!("`expected`（{output}{ja}）"),
            );
            errors.push(LessonError::said(&fixed.expected, e.about(&what)));
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
        cases: Cases::given(vec![Case {
            args: values,
            expected: Expected::Given(expected),
            seed: None,
        }]),
    })
}

/// A test's random cases, checked now and drawn when first needed; what they will
/// draw counts towards the lesson's limit.
fn checked_cases<T>(
    lesson: &mut Lesson,
    raw: &Spanned<T>,
    draw: Draw,
    errors: &mut Vec<LessonError>,
) -> Option<Cases> {
    let size = draw
        .check()
        .map_err(|e| errors.push(LessonError::said(raw, e)))
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
            format!(
                "the lesson's random cases draw {values} values in all, more than a check can store ({max}): draw fewer cases or smaller arrays"
            ),
            format!(
                "このレッスンの乱数のケースは、全部で {values} 個の値を作ります。一回のチェックで扱える {max} 個を超えています。ケースを減らすか、配列を小さくしてください。"
            ),
        ));
    }
    Some(Cases::drawn(draw))
}

fn decimals_of(raw: &Option<Spanned<u32>>, errors: &mut Vec<LessonError>) -> u32 {
    match raw {
        Some(d) if *d.get_ref() > DECIMALS_MAX => {
            errors.push(LessonError::at(
                d,
                format!("`decimals` is a whole number from 0 to {DECIMALS_MAX}"),
                format!("`decimals` は 0 から {DECIMALS_MAX} までの整数です。"),
            ));
            DEFAULT_DECIMALS
        }
        Some(d) => *d.get_ref(),
        None => DEFAULT_DECIMALS,
    }
}

fn dims_of(raw: &Option<Spanned<toml::Table>>, errors: &mut Vec<LessonError>) -> Option<Dims> {
    match raw {
        None => Some(Dims::default()),
        Some(table) => Dims::from_toml(table.get_ref())
            .map_err(|e| errors.push(LessonError::said(table, e)))
            .ok(),
    }
}

fn case_count(
    raw: &Option<Spanned<usize>>,
    default: usize,
    errors: &mut Vec<LessonError>,
) -> usize {
    match raw {
        Some(n) if !(1..=CASES_MAX).contains(n.get_ref()) => {
            errors.push(LessonError::at(
                n,
                format!("`cases` is a whole number from 1 to {CASES_MAX}"),
                format!("`cases` は 1 から {CASES_MAX} までの整数です。"),
            ));
            default
        }
        Some(n) => *n.get_ref(),
        None => default,
    }
}

fn random_test(
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
        if let Some(g) = generator(lesson, arg, &param.ty, &what, count, errors) {
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
        cases,
    })
}

fn scenario_test(
    lesson: &mut Lesson,
    raw: &Spanned<model::RawScenario>,
    default_tolerance: f64,
    errors: &mut Vec<LessonError>,
) -> Option<Test> {
    let scenario = raw.get_ref();
    check_localized(&scenario.name, TEST_NAME, errors);
    let tolerance = tolerance_of(&scenario.tolerance, default_tolerance, errors);
    let returns = Type::parse(scenario.returns.get_ref())
        .map_err(|e| errors.push(LessonError::said(&scenario.returns, e)))
        .ok()?;
    if returns.is_unit() {
        errors.push(LessonError::at(
            &scenario.returns,
            "a scenario returns the value its test compares: `()` leaves nothing to compare",
            "シナリオは、テストで比べる値を返します。`()` では比べるものがありません。",
        ));
        return None;
    }
    let compare = match &scenario.parts {
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
            "the scenario's `code` is empty",
            "シナリオの `code` が空です。",
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
                format!("`{}` is not a variable name", i.name),
                format!("`{}` は変数名になりません。", i.name),
            ));
        } else if names.contains(&i.name) {
            errors.push(LessonError::at(
                input,
                format!("the input `{}` is named twice", i.name),
                format!("入力 `{}` の名前が二回使われています。", i.name),
            ));
        }
        let ty = match Type::parse(&i.ty) {
            Ok(ty) => ty,
            Err(e) => {
                errors.push(LessonError::said(input, e));
                continue;
            }
        };
        let what = Bilingual::new(format!("input `{}`", i.name), format!("入力 `{}`", i.name));
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
                let what = Bilingual::new(
                    format!("`expected` ({returns})"),
                    format!("`expected`（{returns}）"),
                );
                errors.push(LessonError::said(e, message.about(&what)));
                return None;
            }
        },
        None => Expected::Reference,
    };
    let dims = dims_of(&scenario.dims, errors)?;
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
                "a scenario with random inputs needs a `seed`",
                "乱数の入力があるシナリオには `seed` が要ります。",
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
                .map_err(|e| errors.push(LessonError::said(raw, e)))
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
    let labels = types::output_of(&returns, &[]).1;
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
        cases,
        show,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
