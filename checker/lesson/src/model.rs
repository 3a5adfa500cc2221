//! The lesson file as written: a serde model of `lessons/*.toml` (format 1).
//!
//! `lessons/README.md` documents every field for instructors; keep the two in step.
//! Fields that later checks need to point at are `Spanned`, so an error can name
//! the line and column. Every text in both languages (`{ ja, en }`) is a [`Bilingual`].

use super::Bilingual;
use serde::Deserialize;
use toml::Spanned;

/// The lesson format version this checker reads.
pub(crate) const FORMAT: i64 = 1;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLesson {
    /// The lesson format version: [`FORMAT`].
    pub(crate) format: Spanned<i64>,
    /// Short id the student types: `checker check conv`.
    pub(crate) id: Spanned<String>,
    /// The module checked: `exercises/src/<module>.rs` and `solutions/src/<module>.rs`.
    pub module: Spanned<String>,
    /// Earlier modules this one builds on; compiled in alongside it.
    #[serde(default)]
    pub(crate) uses: Vec<Spanned<String>>,
    /// Scenario helpers: files `lessons/helpers/<name>.rs` compiled into its harnesses.
    #[serde(default)]
    pub(crate) helpers: Vec<Spanned<String>>,
    /// Points for passing the lesson.
    pub(crate) points: Option<Spanned<u32>>,
    /// Seconds allowed for running all hidden tests.
    pub(crate) time_limit: Option<Spanned<f64>>,
    /// MiB of address space for the process that runs student code.
    pub(crate) memory_limit: Option<Spanned<u64>>,
    /// The default tolerance of every test.
    pub(crate) tolerance: Option<Spanned<f64>>,
    /// How the harnesses are built: "debug" (the default) or "release" (optimised).
    pub(crate) profile: Option<Spanned<String>>,
    /// Rust signatures of the functions the tests call.
    #[serde(default)]
    pub functions: Vec<Spanned<String>>,
    pub(crate) title: Bilingual,
    pub(crate) text: Bilingual,
    #[serde(default)]
    pub(crate) hints: Vec<Bilingual>,
    #[serde(default)]
    pub(crate) fixed: Vec<Spanned<RawFixed>>,
    #[serde(default)]
    pub(crate) random: Vec<Spanned<RawRandom>>,
    #[serde(default)]
    pub(crate) scenario: Vec<Spanned<RawScenario>>,
    /// Known wrong answers, recognised in a student's failing outputs.
    #[serde(default)]
    pub(crate) mistakes: Vec<Spanned<RawMistake>>,
    /// Data files the tests read, each with its sha256.
    #[serde(default)]
    pub datasets: Vec<Spanned<RawDataset>>,
    /// What `checker show <name>` draws with the student's code (`lesson/picture.rs`).
    pub(crate) show: Option<Spanned<super::picture::RawPicture>>,
    /// The `show` a passing lesson suggests.
    pub(crate) after_passing: Option<Spanned<super::picture::RawAfterPassing>>,
    /// Mutants of the reference that compute the same function (`dev mutants`).
    #[serde(default)]
    pub(crate) equivalent: Vec<Spanned<RawEquivalent>>,
}

/// `[[equivalent]]`: a mutant of the reference (`dev mutants`) that computes the same
/// function, and why: it is then not counted as a survivor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEquivalent {
    /// The module mutated (`dev mutants --from FILE`), as the workbook names it; the
    /// reference when absent.
    pub(crate) file: Option<Spanned<String>>,
    /// The line of `solutions/src/<module>.rs` where the change starts, and its column
    /// (needed only when the same change is made twice on that line).
    pub(crate) line: Spanned<i64>,
    pub(crate) column: Option<Spanned<i64>>,
    /// The text the mutant replaces, and what it puts there.
    pub(crate) find: Spanned<String>,
    pub(crate) with: String,
    pub(crate) reason: Bilingual,
}

/// `[[datasets]]`: a data file shipped with the course.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// Relative to the course's root folder: `data/digits.csv.gz`.
    pub file: Spanned<String>,
    /// The file's sha256, in hexadecimal.
    pub(crate) sha256: Spanned<String>,
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
pub(crate) struct RawMistake {
    /// Its name, for edits of the reference: it names the harness and `dev check`'s lines.
    pub(crate) name: Option<Spanned<String>>,
    /// The reference with these edits, in order, is the mistake.
    pub(crate) replace: Option<Spanned<Vec<Spanned<RawEdit>>>>,
    /// The module with the mistake, in `solutions/mistakes/<module>/`.
    pub(crate) file: Option<Spanned<String>>,
    /// What to tell the student: a sentence that teaches.
    pub(crate) message: Bilingual,
}

/// One edit of a known mistake: `find` (exactly once in the reference) becomes `with`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEdit {
    pub(crate) find: Spanned<String>,
    pub(crate) with: String,
}

/// `[[fixed]]`: a call with given arguments and a given result.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFixed {
    pub(crate) name: Bilingual,
    pub(crate) call: Spanned<String>,
    pub(crate) args: Spanned<Vec<Spanned<toml::Value>>>,
    pub(crate) expected: Spanned<toml::Value>,
    pub(crate) tolerance: Option<Spanned<f64>>,
    /// A relative tolerance: `|got − expected| ≤ relative × |expected| + tolerance`.
    pub(crate) relative: Option<Spanned<f64>>,
    /// This test's share of the lesson's points (all tests of a lesson give one, or none do).
    pub(crate) points: Option<Spanned<f64>>,
    /// Who sees this test's result in Gradescope (default: visible).
    #[serde(default)]
    pub(crate) visibility: Visibility,
    /// Grade reports say that this test failed, never its inputs, values or outputs.
    #[serde(default)]
    pub(crate) secret: bool,
}

/// `[[random]]`: random arguments, compared with the reference.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRandom {
    pub(crate) name: Bilingual,
    pub(crate) call: Spanned<String>,
    pub(crate) seed: u64,
    pub(crate) cases: Option<Spanned<usize>>,
    pub(crate) dims: Option<Spanned<toml::Table>>,
    pub(crate) args: Spanned<Vec<Spanned<RawGenerator>>>,
    pub(crate) decimals: Option<Spanned<u32>>,
    pub(crate) tolerance: Option<Spanned<f64>>,
    /// A relative tolerance: `|got − expected| ≤ relative × |expected| + tolerance`.
    pub(crate) relative: Option<Spanned<f64>>,
    /// The output (one number) must be at least this; the reference's is not compared.
    pub(crate) at_least: Option<Spanned<f64>>,
    /// The output (one number) must be at most this.
    pub(crate) at_most: Option<Spanned<f64>>,
    /// This test's share of the lesson's points (all tests of a lesson give one, or none do).
    pub(crate) points: Option<Spanned<f64>>,
    /// Who sees this test's result in Gradescope (default: visible).
    #[serde(default)]
    pub(crate) visibility: Visibility,
    /// Grade reports say that this test failed, never its inputs, values or outputs.
    #[serde(default)]
    pub(crate) secret: bool,
}

/// A generator of one argument (in `[[random]]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGenerator {
    pub(crate) shape: Option<Vec<toml::Value>>,
    pub(crate) range: Option<[f64; 2]>,
    pub(crate) dim: Option<toml::Value>,
    pub(crate) value: Option<toml::Value>,
    /// Rows of a data file declared in `[[datasets]]`, with the four fields below.
    pub(crate) dataset: Option<String>,
    pub(crate) split: Option<String>,
    pub(crate) rows: Option<toml::Value>,
    pub(crate) columns: Option<toml::Value>,
    pub(crate) row_shape: Option<Vec<toml::Value>>,
}

/// `[[scenario]]`: a Rust snippet whose value is the test's output.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScenario {
    pub(crate) name: Bilingual,
    pub(crate) code: Spanned<String>,
    pub(crate) returns: Spanned<String>,
    #[serde(default)]
    pub(crate) inputs: Vec<Spanned<RawInput>>,
    pub(crate) seed: Option<u64>,
    pub(crate) cases: Option<Spanned<usize>>,
    pub(crate) dims: Option<Spanned<toml::Table>>,
    pub(crate) decimals: Option<Spanned<u32>>,
    pub(crate) expected: Option<Spanned<toml::Value>>,
    pub(crate) tolerance: Option<Spanned<f64>>,
    /// A relative tolerance: `|got − expected| ≤ relative × |expected| + tolerance`.
    pub(crate) relative: Option<Spanned<f64>>,
    /// The output (one number) must be at least this; the reference's is not compared.
    pub(crate) at_least: Option<Spanned<f64>>,
    /// The output (one number) must be at most this.
    pub(crate) at_most: Option<Spanned<f64>>,
    /// This test's share of the lesson's points (all tests of a lesson give one, or none do).
    pub(crate) points: Option<Spanned<f64>>,
    /// Who sees this test's result in Gradescope (default: visible).
    #[serde(default)]
    pub(crate) visibility: Visibility,
    /// Grade reports say that this test failed, never its inputs, values or outputs.
    #[serde(default)]
    pub(crate) secret: bool,
    /// What to draw for the student from this test's output when the lesson passes.
    pub(crate) show: Option<Spanned<RawShow>>,
    /// A tuple judged part by part: one entry a part (see [`RawPart`]).
    pub(crate) parts: Option<Spanned<Vec<Spanned<RawPart>>>>,
}

/// How one part of a scenario's tuple is judged: `{}` (equal to the reference's within
/// the test's tolerance), `{ relative = 1e-3 }`, `{ at_least = 0.96 }`, or
/// `{ judge = false }` (not judged: returned to be shown); and what a report calls it
/// (`name`, else "part .1").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPart {
    pub(crate) name: Option<Bilingual>,
    pub(crate) tolerance: Option<Spanned<f64>>,
    pub(crate) relative: Option<Spanned<f64>>,
    pub(crate) at_least: Option<Spanned<f64>>,
    pub(crate) at_most: Option<Spanned<f64>>,
    pub(crate) judge: Option<bool>,
}

/// `show = { view = "predictions", images = "images", labels = "labels" }` or
/// `show = { view = "loss_curve" }`: a view of a scenario's output (see [`super::Show`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawShow {
    pub(crate) view: String,
    /// `predictions`: the input holding the images, `Array3<f32>` (n, H, W).
    pub(crate) images: Option<String>,
    /// `predictions`: the input holding the labels, `Array1<usize>`.
    pub(crate) labels: Option<String>,
    /// For a scenario that returns a tuple: the part to draw (from 0).
    pub(crate) part: Option<usize>,
    /// `loss_curve`, for a tuple: the part holding the trained network's accuracy (f32).
    pub(crate) accuracy: Option<usize>,
    /// `loss_curve`, for a tuple: the part holding the network's accuracy before it was
    /// trained (f32), shown beside the accuracy after.
    pub(crate) start_accuracy: Option<usize>,
}

/// A named input of a scenario: a generator with a name and a type.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawInput {
    pub(crate) name: String,
    #[serde(rename = "type")]
    pub(crate) ty: String,
    pub(crate) shape: Option<Vec<toml::Value>>,
    pub(crate) range: Option<[f64; 2]>,
    pub(crate) dim: Option<toml::Value>,
    pub(crate) value: Option<toml::Value>,
    pub(crate) dataset: Option<String>,
    pub(crate) split: Option<String>,
    pub(crate) rows: Option<toml::Value>,
    pub(crate) columns: Option<toml::Value>,
    pub(crate) row_shape: Option<Vec<toml::Value>>,
}

impl RawInput {
    pub(crate) fn generator(&self) -> RawGenerator {
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
