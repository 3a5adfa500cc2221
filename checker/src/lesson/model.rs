//! The lesson file as written: a serde model of `lessons/*.toml` (format 1).
//!
//! `lessons/README.md` documents every field for instructors; keep the two in step.
//! Fields that later checks need to point at are `Spanned`, so an error can name
//! the line and column. Every text in both languages (`{ ja, en }`) is a [`Bilingual`].

use super::Bilingual;
use serde::Deserialize;
use toml::Spanned;

/// The lesson format version this checker reads.
pub const FORMAT: i64 = 1;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLesson {
    /// The lesson format version: [`FORMAT`].
    pub format: Spanned<i64>,
    /// Short id the student types: `checker check conv`.
    pub id: Spanned<String>,
    /// The module checked: `exercises/src/<module>.rs` and `solutions/src/<module>.rs`.
    pub module: Spanned<String>,
    /// Earlier modules this one builds on; compiled in alongside it.
    #[serde(default)]
    pub uses: Vec<Spanned<String>>,
    /// Scenario helpers: files `lessons/helpers/<name>.rs` compiled into its harnesses.
    #[serde(default)]
    pub helpers: Vec<Spanned<String>>,
    /// Points for passing the lesson.
    pub points: Option<Spanned<u32>>,
    /// Seconds allowed for running all hidden tests.
    pub time_limit: Option<Spanned<f64>>,
    /// MiB of address space for the process that runs student code.
    pub memory_limit: Option<Spanned<u64>>,
    /// The default tolerance of every test.
    pub tolerance: Option<Spanned<f64>>,
    /// How the harnesses are built: "debug" (the default) or "release" (optimised).
    pub profile: Option<Spanned<String>>,
    /// Rust signatures of the functions the tests call.
    #[serde(default)]
    pub functions: Vec<Spanned<String>>,
    pub title: Bilingual,
    pub text: Bilingual,
    #[serde(default)]
    pub hints: Vec<Bilingual>,
    #[serde(default)]
    pub fixed: Vec<Spanned<RawFixed>>,
    #[serde(default)]
    pub random: Vec<Spanned<RawRandom>>,
    #[serde(default)]
    pub scenario: Vec<Spanned<RawScenario>>,
    /// Known wrong answers, recognised in a student's failing outputs.
    #[serde(default)]
    pub mistakes: Vec<Spanned<RawMistake>>,
    /// Data files the tests read, each with its sha256.
    #[serde(default)]
    pub datasets: Vec<Spanned<RawDataset>>,
    /// What `checker show <name>` draws with the student's code (`lesson/picture.rs`).
    pub show: Option<Spanned<super::picture::RawPicture>>,
    /// The `show` a passing lesson suggests.
    pub after_passing: Option<Spanned<super::picture::RawAfterPassing>>,
    /// Mutants of the reference that compute the same function (`dev mutants`).
    #[serde(default)]
    pub equivalent: Vec<Spanned<RawEquivalent>>,
}

/// `[[equivalent]]`: a mutant of the reference (`dev mutants`) that computes the same
/// function, and why: it is then not counted as a survivor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEquivalent {
    /// The module mutated (`dev mutants --from FILE`), as the workbook names it; the
    /// reference when absent.
    pub file: Option<Spanned<String>>,
    /// The line of `solutions/src/<module>.rs` where the change starts, and its column
    /// (needed only when the same change is made twice on that line).
    pub line: Spanned<i64>,
    pub column: Option<Spanned<i64>>,
    /// The text the mutant replaces, and what it puts there.
    pub find: Spanned<String>,
    pub with: String,
    pub reason: Bilingual,
}

/// `[[datasets]]`: a data file shipped with the course.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// Relative to the course's root folder: `data/digits.csv.gz`.
    pub file: Spanned<String>,
    /// The file's sha256, in hexadecimal.
    pub sha256: Spanned<String>,
}

/// When a student sees a test's result in Gradescope (its own words for them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Visible,
    Hidden,
    AfterDueDate,
    AfterPublished,
}

impl Visibility {
    /// The name Gradescope and the lesson file use.
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Visible => "visible",
            Visibility::Hidden => "hidden",
            Visibility::AfterDueDate => "after_due_date",
            Visibility::AfterPublished => "after_published",
        }
    }
}

/// `[[mistakes]]`: a known wrong answer and what to say when a student's code matches it.
/// Written as edits of the reference (`name` and `replace`), or as a whole module (`file`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMistake {
    /// Its name, for edits of the reference: it names the harness and `dev check`'s lines.
    pub name: Option<Spanned<String>>,
    /// The reference with these edits, in order, is the mistake.
    pub replace: Option<Spanned<Vec<Spanned<RawEdit>>>>,
    /// The module with the mistake, in `solutions/mistakes/<module>/`.
    pub file: Option<Spanned<String>>,
    /// What to tell the student: a sentence that teaches.
    pub message: Bilingual,
}

/// One edit of a known mistake: `find` (exactly once in the reference) becomes `with`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEdit {
    pub find: Spanned<String>,
    pub with: String,
}

/// `[[fixed]]`: a call with given arguments and a given result.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFixed {
    pub name: Bilingual,
    pub call: Spanned<String>,
    pub args: Spanned<Vec<Spanned<toml::Value>>>,
    pub expected: Spanned<toml::Value>,
    pub tolerance: Option<Spanned<f64>>,
    /// A relative tolerance: `|got − expected| ≤ relative × |expected| + tolerance`.
    pub relative: Option<Spanned<f64>>,
    /// This test's share of the lesson's points (all tests of a lesson give one, or none do).
    pub points: Option<Spanned<f64>>,
    /// Who sees this test's result in Gradescope (default: visible).
    #[serde(default)]
    pub visibility: Visibility,
    /// Grade reports say that this test failed, never its inputs, values or outputs.
    #[serde(default)]
    pub secret: bool,
}

/// `[[random]]`: random arguments, compared with the reference.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRandom {
    pub name: Bilingual,
    pub call: Spanned<String>,
    pub seed: u64,
    pub cases: Option<Spanned<usize>>,
    pub dims: Option<Spanned<toml::Table>>,
    pub args: Spanned<Vec<Spanned<RawGenerator>>>,
    pub decimals: Option<Spanned<u32>>,
    pub tolerance: Option<Spanned<f64>>,
    /// A relative tolerance: `|got − expected| ≤ relative × |expected| + tolerance`.
    pub relative: Option<Spanned<f64>>,
    /// The output (one number) must be at least this; the reference's is not compared.
    pub at_least: Option<Spanned<f64>>,
    /// The output (one number) must be at most this.
    pub at_most: Option<Spanned<f64>>,
    /// This test's share of the lesson's points (all tests of a lesson give one, or none do).
    pub points: Option<Spanned<f64>>,
    /// Who sees this test's result in Gradescope (default: visible).
    #[serde(default)]
    pub visibility: Visibility,
    /// Grade reports say that this test failed, never its inputs, values or outputs.
    #[serde(default)]
    pub secret: bool,
}

/// A generator of one argument (in `[[random]]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGenerator {
    pub shape: Option<Vec<toml::Value>>,
    pub range: Option<[f64; 2]>,
    pub dim: Option<toml::Value>,
    pub value: Option<toml::Value>,
    /// Rows of a data file declared in `[[datasets]]`, with the four fields below.
    pub dataset: Option<String>,
    pub split: Option<String>,
    pub rows: Option<toml::Value>,
    pub columns: Option<toml::Value>,
    pub row_shape: Option<Vec<toml::Value>>,
}

/// `[[scenario]]`: a Rust snippet whose value is the test's output.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    pub name: Bilingual,
    pub code: Spanned<String>,
    pub returns: Spanned<String>,
    #[serde(default)]
    pub inputs: Vec<Spanned<RawInput>>,
    pub seed: Option<u64>,
    pub cases: Option<Spanned<usize>>,
    pub dims: Option<Spanned<toml::Table>>,
    pub decimals: Option<Spanned<u32>>,
    pub expected: Option<Spanned<toml::Value>>,
    pub tolerance: Option<Spanned<f64>>,
    /// A relative tolerance: `|got − expected| ≤ relative × |expected| + tolerance`.
    pub relative: Option<Spanned<f64>>,
    /// The output (one number) must be at least this; the reference's is not compared.
    pub at_least: Option<Spanned<f64>>,
    /// The output (one number) must be at most this.
    pub at_most: Option<Spanned<f64>>,
    /// This test's share of the lesson's points (all tests of a lesson give one, or none do).
    pub points: Option<Spanned<f64>>,
    /// Who sees this test's result in Gradescope (default: visible).
    #[serde(default)]
    pub visibility: Visibility,
    /// Grade reports say that this test failed, never its inputs, values or outputs.
    #[serde(default)]
    pub secret: bool,
    /// What to draw for the student from this test's output when the lesson passes.
    pub show: Option<Spanned<RawShow>>,
    /// A tuple judged part by part: one entry a part (see [`RawPart`]).
    pub parts: Option<Spanned<Vec<Spanned<RawPart>>>>,
}

/// How one part of a scenario's tuple is judged: `{}` (equal to the reference's within
/// the test's tolerance), `{ relative = 1e-3 }`, `{ at_least = 0.96 }`, or
/// `{ judge = false }` (not judged: returned to be shown); and what a report calls it
/// (`name`, else "part .1").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    pub name: Option<Bilingual>,
    pub tolerance: Option<Spanned<f64>>,
    pub relative: Option<Spanned<f64>>,
    pub at_least: Option<Spanned<f64>>,
    pub at_most: Option<Spanned<f64>>,
    pub judge: Option<bool>,
}

/// `show = { view = "predictions", images = "images", labels = "labels" }` or
/// `show = { view = "loss_curve" }`: a view of a scenario's output (see [`super::Show`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShow {
    pub view: String,
    /// `predictions`: the input holding the images, `Array3<f32>` (n, H, W).
    pub images: Option<String>,
    /// `predictions`: the input holding the labels, `Array1<usize>`.
    pub labels: Option<String>,
    /// For a scenario that returns a tuple: the part to draw (from 0).
    pub part: Option<usize>,
    /// `loss_curve`, for a tuple: the part holding the trained network's accuracy (f32).
    pub accuracy: Option<usize>,
    /// `loss_curve`, for a tuple: the part holding the network's accuracy before it was
    /// trained (f32), shown beside the accuracy after.
    pub start_accuracy: Option<usize>,
}

/// A named input of a scenario: a generator with a name and a type.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInput {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub shape: Option<Vec<toml::Value>>,
    pub range: Option<[f64; 2]>,
    pub dim: Option<toml::Value>,
    pub value: Option<toml::Value>,
    pub dataset: Option<String>,
    pub split: Option<String>,
    pub rows: Option<toml::Value>,
    pub columns: Option<toml::Value>,
    pub row_shape: Option<Vec<toml::Value>>,
}

impl RawInput {
    pub fn generator(&self) -> RawGenerator {
        RawGenerator {
            shape: self.shape.clone(),
            range: self.range,
            dim: self.dim.clone(),
            value: self.value.clone(),
            dataset: self.dataset.clone(),
            split: self.split.clone(),
            rows: self.rows.clone(),
            columns: self.columns.clone(),
            row_shape: self.row_shape.clone(),
        }
    }
}
