//! A lesson as loading leaves it: what the rest of the checker reads (its tests, their
//! cases and how they are judged, the harness's entry points).

use super::dataset::{DataFile, DataGen};
use super::draw::{Cases, DrawSize};
use super::edit::Edit;
use super::types::{Label, Mode, Signature, Type, Value};
use super::{Bilingual, Compare, Visibility};
use std::ops::Range;
use std::time::Duration;

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
    pub(crate) output: Type,
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
    pub name: Bilingual,
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
    /// Where the test's `expected` is written, if it gives one: a reference that
    /// disagrees with it is said there.
    pub expected_span: Option<Range<usize>>,
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
    Predictions { images: usize, labels: usize },
    /// The output is the loss after each epoch of training (`Array1<f32>`): a plot of
    /// it falling, and how far it fell; with the index of the tuple's part that holds
    /// the trained network's accuracy (`f32`), that too, and with the part that holds
    /// its accuracy before training, where it started.
    LossCurve {
        accuracy: Option<usize>,
        start_accuracy: Option<usize>,
    },
}

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
    /// The scenario helpers it lists (`lessons/helpers/<name>.rs`), read by the course.
    pub helpers: Vec<super::Helper>,
    pub points: u32,
    pub time_limit: Duration,
    /// Bytes of address space for the process that runs student code.
    pub memory_limit: u64,
    /// How its harnesses are built.
    pub profile: Profile,
    pub title: Bilingual,
    pub text: Bilingual,
    pub hints: Vec<Bilingual>,
    pub functions: Vec<Signature>,
    pub entries: Vec<Entry>,
    pub tests: Vec<Test>,
    pub mistakes: Vec<Mistake>,
    /// Mutants of the reference marked as computing the same function (`dev mutants`).
    pub equivalents: Vec<super::mutants::Equivalent>,
    /// A hash of the lesson file's text, of how its inputs are drawn and of its helpers'
    /// text: outputs computed from the lesson are cached under it.
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
    /// The names of declared functions whose signature could not be read: that error
    /// is said once, at `functions`, not again at every test that calls them.
    pub unreadable: Vec<String>,
    /// What `show <name>` draws, when the lesson declares it.
    pub picture: Option<super::picture::Picture>,
    /// The `show` the lesson suggests once it passes.
    pub after_passing: Option<super::picture::AfterPassing>,
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
    /// Optimised, for a lesson whose tests train a network: the harness's own code
    /// keeps its overflow checks and debug assertions, its dependencies do not (see
    /// `harness::codegen::OPTIMISED_PROFILE`).
    Release,
}

/// Byte ranges of fields that checks across the course point at.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spans {
    pub id: Range<usize>,
    /// The module, then each of `uses`.
    pub modules: Vec<Range<usize>>,
    /// Each of `functions`, in order.
    pub functions: Vec<Range<usize>>,
}

/// A known wrong answer: the reference with a few edits, or a whole module file.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    /// Its name in harnesses and `dev check` (`flipped_kernel`): written, or a file's stem.
    pub name: String,
    pub message: Bilingual,
    pub code: MistakeCode,
    /// Where its `name` (or `file`) is written in the lesson file.
    pub span: Range<usize>,
}

/// Where a known mistake's module comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum MistakeCode {
    /// The reference module with these edits, applied in order when its harness is written.
    Edits(Vec<Edit>),
    /// A whole module file in `solutions/mistakes/<module>/`, e.g. `flipped_kernel.rs`.
    File(String),
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
