//! What `show` draws, computed by running code the way a check does: a harness built
//! from a small lesson written here (scenarios that return the values to draw), run in
//! a child process under the limits, for the student's modules and for the reference.
//! Nothing here draws: the renderers take the plain data this module returns.

use crate::course::Course;
use crate::harness::run::{Ending, Outcome};
use crate::harness::{self, FileProblem, StudentRun};
use crate::lesson::dataset;
use crate::lesson::split::{self, Split};
use anyhow::{Context as _, Result, anyhow, bail};
use cnnlings_runtime::Value;
use std::fmt::Write as _;

/// A 2-D grid of numbers, row after row.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub rows: usize,
    pub cols: usize,
    pub cells: Vec<f32>,
}

impl Grid {
    pub fn new(rows: usize, cols: usize, cells: Vec<f32>) -> Grid {
        Grid { rows, cols, cells }
    }

    pub fn get(&self, r: usize, c: usize) -> f32 {
        self.cells.get(r * self.cols + c).copied().unwrap_or(0.0)
    }
}

/// The smallest and the largest of some numbers, ignoring what is not finite.
pub fn range_of(values: &[f32]) -> (f32, f32) {
    let finite = values.iter().copied().filter(|x| x.is_finite());
    let low = finite.clone().fold(f32::INFINITY, f32::min);
    let high = finite.fold(f32::NEG_INFINITY, f32::max);
    if low > high { (0.0, 0.0) } else { (low, high) }
}

/// Why a value is the reference's and not the student's.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// The module file is missing (the path as the course shows it).
    Missing(String),
    /// The code stops at a `todo!()` (where).
    Stub(String),
    /// The code panicked (where, and its message).
    Panicked(String, String),
    /// rustc rejects the code (the lesson to check to see why).
    DoesNotCompile(String),
    /// The run took longer than the time limit.
    TimedOut,
    /// The run ended before giving this value, or gave a value of another type.
    NoValue,
    /// The value has another shape (what came back, what was expected).
    Shape(Vec<usize>, Vec<usize>),
}

/// Where the values on screen come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// The student's own code.
    Student,
    /// The reference's code, because of this.
    Reference(Why),
}

/// The outputs of one show lesson: per case, the student's value or why there is
/// none, and the reference's value.
struct Outputs {
    student: Vec<Result<Value, Why>>,
    reference: Vec<Value>,
}

/// `Value` as an array of f32: its shape and cells.
fn array_of(value: &Value) -> Option<(Vec<usize>, Vec<f32>)> {
    match value {
        Value::Array { shape, cells } => {
            let numbers = (0..cells.len())
                .map(|i| cells.number(i).map(|x| x as f32))
                .collect::<Option<Vec<f32>>>()?;
            Some((shape.clone(), numbers))
        }
        Value::Tuple(_) => None,
    }
}

/// What runs the harnesses: the course, whether cargo's messages are coloured, and what
/// to say before the first build.
pub struct Runner<'a> {
    pub course: &'a Course,
    pub color: bool,
    pub on_first_build: &'a dyn Fn(),
}

/// Builds and runs a lesson written by `show` (its TOML text) for the student and the
/// reference, with the course's other lessons, so that its harness mounts the very
/// module files a check of `module` would.
fn run(runner: &Runner, source: &str) -> Result<Outputs> {
    let course = runner.course;
    let mut lesson = crate::lesson::parse(source).map_err(|errors| {
        let messages: Vec<String> = errors.into_iter().map(|e| e.message.en).collect();
        anyhow!("the picture's harness is wrong: {}", messages.join("; "))
    })?;
    lesson.file = format!("({})", lesson.id);
    let mut lessons = course.lessons.clone();
    lessons.push(lesson);
    let course = Course::of(course.layout.clone(), lessons);
    let Some(lesson) = course.lessons.last() else {
        bail!("no lesson to show");
    };
    let runs = harness::run_lessons(&course, &[lesson], runner.color, runner.on_first_build)?;
    let Some(run) = runs.into_iter().next() else {
        bail!("the picture's harness gave nothing");
    };
    let cases = lesson.case_count();
    let reference = match run.reference {
        Ok(outcomes) => (0..cases)
            .map(|i| match outcomes.get(&i) {
                Some(Outcome::Value(v)) => Ok(v.clone()),
                _ => Err(anyhow!("the reference gave no value for picture {i}")),
            })
            .collect::<Result<Vec<Value>>>()?,
        Err(fault) => bail!("the reference cannot be run for the picture: {fault:?}"),
    };
    let layout = &course.layout;
    let whole = |why: Why| (0..cases).map(|_| Err(why.clone())).collect();
    let student = match run.student {
        StudentRun::Unreadable(FileProblem::Missing(path) | FileProblem::NotUtf8(path)) => {
            whole(Why::Missing(layout.show(&path)))
        }
        StudentRun::Unreadable(FileProblem::Module(_))
        | StudentRun::CompileError { .. }
        | StudentRun::CargoFailed(_) => whole(Why::DoesNotCompile(lesson.module.clone())),
        StudentRun::Ran(ran) => (0..cases)
            .map(|i| match ran.outcomes.get(&i) {
                Some(Outcome::Value(v)) => Ok(v.clone()),
                Some(Outcome::Panic { location, message }) => {
                    let location = layout.show(std::path::Path::new(location));
                    if message.starts_with("not yet implemented") {
                        Err(Why::Stub(location))
                    } else {
                        let message = message.lines().next().unwrap_or_default().to_string();
                        Err(Why::Panicked(location, message))
                    }
                }
                _ if matches!(ran.ending, Ending::TimedOut(_)) => Err(Why::TimedOut),
                _ => Err(Why::NoValue),
            })
            .collect(),
    };
    Ok(Outputs { student, reference })
}

/// The student's array where it has the reference's shape, else the reference's with why.
fn pick(student: &Result<Value, Why>, reference: &Value) -> Result<(Vec<usize>, Vec<f32>, Origin)> {
    let (shape, cells) =
        array_of(reference).ok_or_else(|| anyhow!("the reference gave no array"))?;
    let why = match student {
        Ok(value) => match array_of(value) {
            Some((got, values)) if got == shape => return Ok((shape, values, Origin::Student)),
            Some((got, _)) => Why::Shape(got, shape.clone()),
            None => Why::NoValue,
        },
        Err(why) => why.clone(),
    };
    Ok((shape, cells, Origin::Reference(why)))
}

/// A matrix as a TOML array of arrays.
fn toml_matrix(grid: &Grid) -> String {
    let rows: Vec<String> = (0..grid.rows)
        .map(|r| {
            let row: Vec<String> = (0..grid.cols)
                .map(|c| toml_number(grid.get(r, c)))
                .collect();
            format!("[{}]", row.join(", "))
        })
        .collect();
    format!("[{}]", rows.join(", "))
}

fn toml_number(x: f32) -> String {
    // Debug prints the shortest form that reads back as the same f32, with a `.0`.
    format!("{x:?}")
}

fn lesson_head(id: &str, module: &str, uses: &[&str]) -> String {
    let uses: Vec<String> = uses.iter().map(|u| format!("\"{u}\"")).collect();
    format!(
        "format = 1\nid = \"{id}\"\nmodule = \"{module}\"\nuses = [{}]\npoints = 0\n\
         time_limit = 10.0\nmemory_limit = 1024\n\n\
         [title]\nja = \"{id}\"\nen = \"{id}\"\n\n[text]\nja = \"{id}\"\nen = \"{id}\"\n",
        uses.join(", ")
    )
}

/// The lecture's convolution: the 5×5 image, the 3×3 kernel.
pub fn lecture_image() -> Grid {
    let row = [0.0, 1.0, 1.0, 0.0, 1.0];
    Grid::new(5, 5, row.repeat(5))
}

pub fn lecture_kernel() -> Grid {
    Grid::new(3, 3, vec![1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0])
}

/// The pooling picture: a 4×4 image whose first window holds the lecture's 4, 8, 7, 1.
pub fn pool_image() -> Grid {
    Grid::new(
        4,
        4,
        vec![
            4.0, 8.0, 2.0, 0.0, //
            7.0, 1.0, 5.0, 3.0, //
            1.0, 6.0, 9.0, 2.0, //
            0.0, 3.0, 4.0, 4.0,
        ],
    )
}

/// What `show conv` and `show pool` draw: an input, what slides over it, and the output
/// of the student's function next to the reference's.
#[derive(Debug, Clone, PartialEq)]
pub struct Sliding {
    pub image: Grid,
    /// The kernel (convolution) or none (max pooling, whose window is `window`²).
    pub kernel: Option<Grid>,
    pub window: (usize, usize),
    pub stride: usize,
    /// The function's output as drawn: the student's, or the reference's (see `origin`).
    pub output: Grid,
    pub reference: Grid,
    pub origin: Origin,
}

fn sliding(
    runner: &Runner,
    module: &str,
    call: &str,
    image: Grid,
    kernel: Option<Grid>,
    window: usize,
) -> Result<Sliding> {
    let mut source = lesson_head(&format!("show_{module}"), module, &[]);
    let second = match &kernel {
        Some(kernel) => format!(
            "  {{ name = \"kernel\", type = \"Array2<f32>\", value = {} }},\n",
            toml_matrix(kernel)
        ),
        None => format!("  {{ name = \"size\", type = \"usize\", value = {window} }},\n"),
    };
    let _ = write!(
        source,
        "\n[[scenario]]\nname = {{ ja = \"show\", en = \"show\" }}\nreturns = \"Array2<f32>\"\n\
         code = \"{call}\"\ninputs = [\n  {{ name = \"image\", type = \"Array2<f32>\", value = {} }},\n{second}]\n",
        toml_matrix(&image)
    );
    let outputs = run(runner, &source)?;
    let (Some(student), Some(reference)) = (outputs.student.first(), outputs.reference.first())
    else {
        bail!("the picture's harness gave nothing");
    };
    let (shape, cells, origin) = pick(student, reference)?;
    let (_, reference_cells) = array_of(reference).context("no reference array")?;
    let (rows, cols) = match shape[..] {
        [rows, cols] => (rows, cols),
        _ => bail!("the reference gave no matrix"),
    };
    let window = match &kernel {
        Some(k) => (k.rows, k.cols),
        None => (window, window),
    };
    Ok(Sliding {
        image,
        kernel,
        window,
        stride: if window == (0, 0) { 1 } else { window.0.max(1) },
        output: Grid::new(rows, cols, cells),
        reference: Grid::new(rows, cols, reference_cells),
        origin,
    })
}

/// What slides over what: an image, and a kernel (convolution) or a window size (pooling).
#[derive(Debug, Clone, PartialEq)]
pub enum Example {
    Conv(Grid, Grid),
    Pool(Grid, usize),
}

/// The lecture's example of a module: the 5×5 image and 3×3 kernel, or 4, 8, 7, 1 → 8.
pub fn lecture(module: &str) -> Example {
    match module {
        "conv" => Example::Conv(lecture_image(), lecture_kernel()),
        _ => Example::Pool(pool_image(), 2),
    }
}

/// The fixed tests of the lesson of `module` that call its function (`conv2d`,
/// `max_pool2d`) with a matrix and a kernel or a size: their names and examples.
pub fn lesson_examples(
    course: &Course,
    module: &str,
) -> Vec<(crate::lesson::model::Localized, Example)> {
    use crate::lesson::{EntryKind, TestKind};
    let Some(lesson) = course.lessons.iter().find(|l| l.module == module) else {
        return Vec::new();
    };
    let function = if module == "conv" {
        "conv2d"
    } else {
        "max_pool2d"
    };
    let mut examples = Vec::new();
    for test in lesson.tests.iter().filter(|t| t.kind == TestKind::Fixed) {
        let Some(entry) = lesson.entries.get(test.entry) else {
            continue;
        };
        let EntryKind::Call(index) = entry.kind else {
            continue;
        };
        if lesson.functions.get(index).map(|f| f.name.as_str()) != Some(function) {
            continue;
        }
        for case in &test.cases {
            let example = match (case.args.first().and_then(grid_of), case.args.get(1)) {
                (Some(image), Some(second)) if module == "conv" => {
                    grid_of(second).map(|kernel| Example::Conv(image, kernel))
                }
                (Some(image), Some(second)) => second
                    .as_scalar::<usize>()
                    .filter(|&size| size > 0)
                    .map(|size| Example::Pool(image, size)),
                _ => None,
            };
            if let Some(example) = example {
                examples.push((test.name.clone(), example));
            }
        }
    }
    examples
}

/// A matrix value as a grid.
fn grid_of(value: &Value) -> Option<Grid> {
    match array_of(value)? {
        (shape, cells) if shape.len() == 2 => Some(Grid::new(shape[0], shape[1], cells)),
        _ => None,
    }
}

/// An example through the student's `conv2d` or `max_pool2d`.
pub fn slide(runner: &Runner, example: Example) -> Result<Sliding> {
    match example {
        Example::Conv(image, kernel) => {
            let mut s = sliding(
                runner,
                "conv",
                "conv2d(&image, &kernel)",
                image,
                Some(kernel),
                0,
            )?;
            s.stride = 1;
            Ok(s)
        }
        Example::Pool(image, size) => sliding(
            runner,
            "pool",
            "max_pool2d(&image, size)",
            image,
            None,
            size,
        ),
    }
}

/// One stage of the network as `show cnn` draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// Its name: conv1, relu, conv2, relu, pool, fc1, relu, fc2, softmax.
    pub name: &'static str,
    /// The shape of its output: (channels, rows, columns) or (units).
    pub shape: Vec<usize>,
    pub cells: Vec<f32>,
    pub origin: Origin,
    /// The largest difference from the reference's values, when drawn from the student's.
    pub off_by: f32,
}

impl Stage {
    /// Its maps, one grid per channel (a vector is one grid of one row).
    pub fn maps(&self) -> Vec<Grid> {
        match self.shape[..] {
            [channels, rows, cols] => (0..channels)
                .map(|c| {
                    let start = c * rows * cols;
                    let cells = self.cells.get(start..start + rows * cols).unwrap_or(&[]);
                    Grid::new(rows, cols, cells.to_vec())
                })
                .collect(),
            _ => vec![Grid::new(1, self.cells.len(), self.cells.clone())],
        }
    }
}

/// What `show cnn` draws: a test digit and each stage of the network on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Which test digit (from 0) and its label.
    pub index: usize,
    pub label: usize,
    /// The image as the network sees it: the pixels ÷ 16.
    pub image: Grid,
    pub stages: Vec<Stage>,
    /// How many test digits there are.
    pub count: usize,
}

impl Network {
    /// The probabilities (the last stage).
    pub fn probabilities(&self) -> &[f32] {
        self.stages.last().map(|s| &s.cells[..]).unwrap_or(&[])
    }

    /// The network's answer: the most probable class (the first on ties).
    pub fn answer(&self) -> usize {
        let probs = self.probabilities();
        (0..probs.len()).fold(0, |best, i| if probs[i] > probs[best] { i } else { best })
    }
}

/// The stages of the network, each with the code that computes it from the ones before.
const STAGES: [(&str, &str, &str); 9] = [
    (
        "conv1",
        "Array3<f32>",
        "let x = cnn.conv1.forward(&image.clone().insert_axis(Axis(0)));",
    ),
    ("relu", "Array3<f32>", "let x = x.mapv(crate::unit::relu);"),
    ("conv2", "Array3<f32>", "let x = cnn.conv2.forward(&x);"),
    ("relu", "Array3<f32>", "let x = x.mapv(crate::unit::relu);"),
    (
        "pool",
        "Array3<f32>",
        "let pooled: Vec<Array2<f32>> = x.outer_iter().map(|c| crate::pool::max_pool2d(&c.to_owned(), cnn.pool)).collect();\n\
         let (ph, pw) = pooled.first().map(|p| p.dim()).unwrap_or((0, 0));\n\
         let x = Array3::from_shape_vec((pooled.len(), ph, pw), pooled.iter().flat_map(|p| p.iter().copied()).collect()).expect(\"pooled maps of one shape\");",
    ),
    (
        "fc1",
        "Array1<f32>",
        "let x = cnn.fc1.forward(&x.iter().copied().collect::<Array1<f32>>());",
    ),
    ("relu", "Array1<f32>", "let x = x.mapv(crate::unit::relu);"),
    ("fc2", "Array1<f32>", "let x = cnn.fc2.forward(&x);"),
    // The probabilities are the student's whole `Cnn::forward`, not the stages above
    // put together: a mistake of `forward` itself (a ReLU left out) shows there.
    (
        "softmax",
        "Array1<f32>",
        "let _ = x;\nlet x = cnn.forward(&image);",
    ),
];

/// The sizes of the course's network, as data/digits-cnn.csv holds its weights.
const WEIGHTS: [&str; 8] = [
    "conv1_filters",
    "conv1_bias",
    "conv2_filters",
    "conv2_bias",
    "fc1_weights",
    "fc1_bias",
    "fc2_weights",
    "fc2_bias",
];

const WEIGHT_COUNTS: [usize; 8] = [72, 8, 1152, 16, 2048, 32, 320, 10];

/// The test split's digits (pixels 0–16) and labels, and the course's trained weights.
pub struct Digits {
    pub images: Vec<Vec<f32>>,
    pub labels: Vec<usize>,
    pub weights: Vec<f32>,
}

pub fn digits(course: &Course) -> Result<Digits> {
    let root = &course.layout.root;
    let read =
        |name: &str| std::fs::read(root.join(name)).with_context(|| format!("cannot read {name}"));
    let table = dataset::parse_table(&read("data/digits.csv.gz")?, true)
        .map_err(|e| anyhow!("data/digits.csv.gz: {}", e.en))?;
    if table.columns != 65 {
        bail!(
            "data/digits.csv.gz: expected 65 columns, found {}",
            table.columns
        );
    }
    let mut images = Vec::new();
    let mut labels = Vec::new();
    for row in split::rows(table.rows, Split::Test) {
        let values = &table.values[row * 65..row * 65 + 65];
        images.push(values[..64].iter().map(|&x| x as f32).collect());
        labels.push(values[64] as usize);
    }
    let weights = dataset::parse_table(&read("data/digits-cnn.csv")?, false)
        .map_err(|e| anyhow!("data/digits-cnn.csv: {}", e.en))?;
    let total: usize = WEIGHT_COUNTS.iter().sum();
    if weights.values.len() != total {
        bail!(
            "data/digits-cnn.csv: expected {total} weights, found {}",
            weights.values.len()
        );
    }
    Ok(Digits {
        images,
        labels,
        weights: weights.values.iter().map(|&x| x as f32).collect(),
    })
}

/// A test digit through the student's `Cnn` with the course's trained weights: every
/// stage is a case of its own, so a stage that panics falls back to the reference alone.
pub fn network(runner: &Runner, data: &Digits, index: usize) -> Result<Network> {
    let count = data.images.len();
    let (Some(pixels), Some(&label)) = (data.images.get(index), data.labels.get(index)) else {
        bail!("no test digit {index}");
    };
    let image = Grid::new(8, 8, pixels.iter().map(|x| x / 16.0).collect());
    let mut inputs = format!(
        "  {{ name = \"image\", type = \"Array2<f32>\", value = {} }},\n",
        toml_matrix(&image)
    );
    let mut build = String::from("let cnn = crate::cnn::Cnn {\n");
    let mut start = 0;
    for (name, count) in WEIGHTS.iter().zip(WEIGHT_COUNTS) {
        let values: Vec<String> = data.weights[start..start + count]
            .iter()
            .map(|&x| toml_number(x))
            .collect();
        start += count;
        let _ = writeln!(
            inputs,
            "  {{ name = \"{name}\", type = \"Array1<f32>\", value = [{}] }},",
            values.join(", ")
        );
    }
    let w = |name: &str, shape: &str| {
        format!("Array::from_shape_vec({shape}, {name}.to_vec()).expect(\"weights\")")
    };
    let _ = write!(
        build,
        "    conv1: crate::cnn::ConvLayer {{ filters: {}, bias: conv1_bias.clone() }},\n\
         conv2: crate::cnn::ConvLayer {{ filters: {}, bias: conv2_bias.clone() }},\n\
         pool: 2,\n\
         fc1: crate::cnn::DenseLayer {{ weights: {}, bias: fc1_bias.clone() }},\n\
         fc2: crate::cnn::DenseLayer {{ weights: {}, bias: fc2_bias.clone() }},\n}};\n",
        w("conv1_filters", "(8, 1, 3, 3)"),
        w("conv2_filters", "(16, 8, 3, 3)"),
        w("fc1_weights", "(32, 64)"),
        w("fc2_weights", "(10, 32)"),
    );
    let mut source = lesson_head("show_cnn", "cnn", &["unit", "conv", "pool", "dense"]);
    for stage in 0..STAGES.len() {
        let mut code = build.clone();
        for (_, _, line) in &STAGES[..=stage] {
            code.push_str(line);
            code.push('\n');
        }
        code.push_str("x\n");
        let _ = write!(
            source,
            "\n[[scenario]]\nname = {{ ja = \"{stage}\", en = \"{stage}\" }}\nreturns = \"{}\"\n\
             code = '''\n{code}'''\ninputs = [\n{inputs}]\n",
            STAGES[stage].1
        );
    }
    let outputs = run(runner, &source)?;
    let mut stages = Vec::new();
    for (i, (name, _, _)) in STAGES.iter().enumerate() {
        let (Some(student), Some(reference)) = (outputs.student.get(i), outputs.reference.get(i))
        else {
            bail!("the picture's harness gave nothing for {name}");
        };
        let (shape, cells, origin) = pick(student, reference)?;
        let (_, reference) = array_of(reference).context("no reference array")?;
        let off_by = cells
            .iter()
            .zip(&reference)
            .map(|(a, b)| (a - b).abs())
            .fold(
                0.0,
                |m: f32, d| if d.is_nan() { f32::INFINITY } else { m.max(d) },
            );
        stages.push(Stage {
            name,
            shape,
            cells,
            origin,
            off_by,
        });
    }
    Ok(Network {
        index,
        label,
        image,
        stages,
        count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lecture_s_numbers() {
        assert_eq!(lecture_image().get(4, 1), 1.0);
        assert_eq!(lecture_kernel().cells.iter().sum::<f32>(), 6.0);
        let pool = pool_image();
        assert_eq!(
            [
                pool.get(0, 0),
                pool.get(0, 1),
                pool.get(1, 0),
                pool.get(1, 1)
            ],
            [4.0, 8.0, 7.0, 1.0]
        );
    }

    #[test]
    fn matrices_read_back_as_toml() {
        let text = toml_matrix(&Grid::new(2, 2, vec![0.1, -2.0, 3.5, 1e-8]));
        assert_eq!(text, "[[0.1, -2.0], [3.5, 1e-8]]");
        assert_eq!(range_of(&[f32::NAN, 2.0, -1.0]), (-1.0, 2.0));
        assert_eq!(range_of(&[]), (0.0, 0.0));
    }
}
