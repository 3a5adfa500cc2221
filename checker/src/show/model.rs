//! What `show` draws, computed by running code the way a check does: a harness built
//! from a small lesson written here (scenarios that return the values to draw), run in
//! a child process under the limits, for the student's modules and for the reference.
//! Nothing here draws: the renderers take the plain data this module returns.

use crate::course::Course;
use crate::harness::run::{Ending, Outcome};
use crate::harness::{self, FileProblem, StudentRun};
use crate::lesson::Bilingual;
use crate::lesson::Lesson;
use crate::lesson::dataset;
pub use crate::lesson::picture::Matrix;
use crate::lesson::picture::{self, Draw, Second};
use anyhow::{Context as _, Result, anyhow, bail};
use cnnlings_runtime::Value;
use std::fmt::Write as _;

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

/// The reference cannot run what a `[show]` declares (a stage's code that does not
/// compile, say): the lesson's fault, which `dev check` shows at the lesson's line.
#[derive(Debug)]
pub struct PictureFault(pub harness::ReferenceFault);

impl std::fmt::Display for PictureFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the reference cannot be run for the picture")
    }
}

impl std::error::Error for PictureFault {}

/// What runs the harnesses: the course, whether cargo's messages are coloured, and what
/// to say before the first build.
pub struct Runner<'a> {
    pub course: &'a Course,
    pub color: bool,
    pub on_first_build: &'a dyn Fn(),
}

/// Builds and runs a lesson written by `show` (its TOML text) for the student and the
/// reference, with the course's other lessons, so that its harness mounts the very
/// module files a check of `declaring` (the lesson whose `[show]` it draws) would.
fn run(runner: &Runner, declaring: &Lesson, source: &str) -> Result<Outputs> {
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
        Err(fault) => return Err(PictureFault(fault).into()),
    };
    let layout = &course.layout;
    let whole = |why: Why| (0..cases).map(|_| Err(why.clone())).collect();
    let student = match run.student {
        StudentRun::Unreadable(FileProblem::Missing(path) | FileProblem::NotUtf8(path)) => {
            whole(Why::Missing(layout.show(&path)))
        }
        StudentRun::Unreadable(FileProblem::Module(_))
        | StudentRun::CompileError { .. }
        | StudentRun::CargoFailed(_) => whole(Why::DoesNotCompile(declaring.id.clone())),
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
fn toml_matrix(grid: &Matrix) -> String {
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

fn lesson_head(id: &str, module: &str, uses: &[String]) -> String {
    let uses: Vec<String> = uses.iter().map(|u| format!("\"{u}\"")).collect();
    format!(
        "format = 1\nid = \"{id}\"\nmodule = \"{module}\"\nuses = [{}]\npoints = 0\n\
         time_limit = 10.0\nmemory_limit = 1024\n\n\
         [title]\nja = \"{id}\"\nen = \"{id}\"\n\n[text]\nja = \"{id}\"\nen = \"{id}\"\n",
        uses.join(", ")
    )
}

/// What a sliding window's `show` draws: an input, what slides over it, and the output
/// of the student's function next to the reference's.
#[derive(Debug, Clone, PartialEq)]
pub struct Sliding {
    pub image: Matrix,
    /// The kernel (convolution) or none (max pooling, whose window is `window`²).
    pub kernel: Option<Matrix>,
    pub window: (usize, usize),
    pub stride: usize,
    /// The function's output as drawn: the student's, or the reference's (see `origin`).
    pub output: Matrix,
    pub reference: Matrix,
    pub origin: Origin,
}

/// An image and what slides over it (a kernel or a window's size) through `function`,
/// the function a sliding window's `[show]` (named `show`) of `lesson` names.
pub fn slide(
    runner: &Runner,
    lesson: &Lesson,
    show: &str,
    function: &str,
    (image, second): (Matrix, Second),
) -> Result<Sliding> {
    let mut source = lesson_head(&format!("show_{show}"), &lesson.module, &lesson.uses);
    let (call, argument) = match &second {
        Second::Kernel(kernel) => (
            format!("{function}(&image, &kernel)"),
            format!(
                "{{ name = \"kernel\", type = \"Array2<f32>\", value = {} }}",
                toml_matrix(kernel)
            ),
        ),
        Second::Size(size) => (
            format!("{function}(&image, size)"),
            format!("{{ name = \"size\", type = \"usize\", value = {size} }}"),
        ),
    };
    let _ = write!(
        source,
        "\n[[scenario]]\nname = {{ ja = \"show\", en = \"show\" }}\nreturns = \"Array2<f32>\"\n\
         code = \"{call}\"\ninputs = [\n  {{ name = \"image\", type = \"Array2<f32>\", value = {} }},\n  {argument},\n]\n",
        toml_matrix(&image)
    );
    let outputs = run(runner, lesson, &source)?;
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
    // A kernel slides one cell at a time; a pooling window by its own size.
    let (window, stride, kernel) = match second {
        Second::Kernel(kernel) => ((kernel.rows, kernel.cols), 1, Some(kernel)),
        Second::Size(size) => ((size, size), size.max(1), None),
    };
    Ok(Sliding {
        image,
        kernel,
        window,
        stride,
        output: Matrix::new(rows, cols, cells),
        reference: Matrix::new(rows, cols, reference_cells),
        origin,
    })
}

/// The fixed tests of `lesson` that call `function` (as a sliding window's `[show]`
/// names it) with a matrix and a kernel or a size: their names and examples.
pub fn lesson_examples(lesson: &Lesson, function: &str) -> Vec<(Bilingual, (Matrix, Second))> {
    use crate::lesson::{EntryKind, TestKind};
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
                (Some(image), Some(second)) => match grid_of(second) {
                    Some(kernel) => Some((image, Second::Kernel(kernel))),
                    None => second
                        .as_scalar::<usize>()
                        .filter(|&size| size > 0)
                        .map(|size| (image, Second::Size(size))),
                },
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
fn grid_of(value: &Value) -> Option<Matrix> {
    match array_of(value)? {
        (shape, cells) if shape.len() == 2 => Some(Matrix::new(shape[0], shape[1], cells)),
        _ => None,
    }
}

/// One stage of a network as its `show` draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// Its name, as its lesson's `[[show.stages]]` names it (conv1, relu, …).
    pub name: String,
    /// What the screen calls it (畳み込み 1, convolution 1).
    pub title: Bilingual,
    /// How the screen draws it.
    pub draw: Draw,
    /// The shape of its output: (channels, rows, columns) or (units).
    pub shape: Vec<usize>,
    pub cells: Vec<f32>,
    pub origin: Origin,
    /// The largest difference from the reference's values, when drawn from the student's.
    pub off_by: f32,
    /// The reference's values, cell for cell (the same as `cells` when they are drawn).
    pub reference: Vec<f32>,
}

impl Stage {
    /// Its maps, one grid per channel (a vector is one grid of one row).
    pub fn maps(&self) -> Vec<Matrix> {
        match self.shape[..] {
            [channels, rows, cols] => (0..channels)
                .map(|c| {
                    let start = c * rows * cols;
                    let cells = self.cells.get(start..start + rows * cols).unwrap_or(&[]);
                    Matrix::new(rows, cols, cells.to_vec())
                })
                .collect(),
            _ => vec![Matrix::new(1, self.cells.len(), self.cells.clone())],
        }
    }
}

/// What a network's `show` draws: a test input and each stage of the network on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Which test digit (from 0) and its label.
    pub index: usize,
    pub label: usize,
    /// The image as the network sees it: the pixels ÷ 16.
    pub image: Matrix,
    pub stages: Vec<Stage>,
    /// How many test digits there are.
    pub count: usize,
}

impl Network {
    /// Each stage's name, numbered where a name is used more than once (relu1, relu2…),
    /// so that a page or a picture can tell the stages apart.
    pub fn stage_ids(&self) -> Vec<String> {
        let count = |name: &str| self.stages.iter().filter(|s| s.name == name).count();
        let mut seen = std::collections::HashMap::new();
        (self.stages.iter())
            .map(|s| {
                if count(&s.name) < 2 {
                    return s.name.clone();
                }
                let n = seen.entry(s.name.as_str()).or_insert(0);
                *n += 1;
                format!("{}{n}", s.name)
            })
            .collect()
    }

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

/// The images a network's `[show]` reads (as its data file holds them) with their
/// labels, and the weights' arrays.
pub struct Digits {
    pub images: Vec<Vec<f32>>,
    pub labels: Vec<usize>,
    pub weights: Vec<f32>,
}

pub fn digits(course: &Course, plan: &picture::Network) -> Result<Digits> {
    let root = &course.layout.root;
    let read = |name: &str| {
        let bytes =
            std::fs::read(root.join(name)).with_context(|| format!("cannot read {name}"))?;
        dataset::parse_table(&bytes, name.ends_with(".gz")).map_err(|e| anyhow!("{name}: {}", e.en))
    };
    let input = &plan.input;
    let file = &input.file;
    let table = read(file)?;
    let width = input.columns.end.max(input.label + 1);
    if table.columns < width {
        bail!("{file}: expected {width} columns, found {}", table.columns);
    }
    let rows = dataset::rows_in(input.split, table.rows);
    let mut images = Vec::new();
    let mut labels = Vec::new();
    for row in rows {
        let values = &table.values[row * table.columns..(row + 1) * table.columns];
        images.push(
            values[input.columns.clone()]
                .iter()
                .map(|&x| x as f32)
                .collect(),
        );
        labels.push(values[input.label] as usize);
    }
    let file = &plan.weights_file;
    let weights = read(file)?;
    let total: usize = plan.arrays.iter().map(|(_, count)| count).sum();
    if weights.values.len() != total {
        bail!(
            "{file}: expected {total} weights, found {}",
            weights.values.len()
        );
    }
    Ok(Digits {
        images,
        labels,
        weights: weights.values.iter().map(|&x| x as f32).collect(),
    })
}

/// The code of the scenario that computes stage `i` of a network: `build`, then the
/// code of every stage up to `i`, each piece from a line of its own, then `x`.
pub fn stage_code(plan: &picture::Network, i: usize) -> String {
    let stages = plan.stages.iter().take(i + 1).map(|s| &s.code);
    let mut code = String::new();
    for piece in std::iter::once(&plan.build).chain(stages) {
        code.push_str(piece);
        if !code.ends_with('\n') {
            code.push('\n');
        }
    }
    code.push_str("x\n");
    code
}

/// Input `index` through the network that the `[show]` of `lesson` (named `show`)
/// declares: every stage is a case of its own, so a stage that panics falls back to the
/// reference alone.
pub fn network(
    runner: &Runner,
    lesson: &Lesson,
    show: &str,
    plan: &picture::Network,
    data: &Digits,
    index: usize,
) -> Result<Network> {
    let count = data.images.len();
    let (Some(pixels), Some(&label)) = (data.images.get(index), data.labels.get(index)) else {
        bail!("no test digit {index}");
    };
    let input = &plan.input;
    let image = Matrix::new(
        input.rows,
        input.cols,
        pixels.iter().map(|x| x / input.scale).collect(),
    );
    let mut inputs = format!(
        "  {{ name = \"image\", type = \"Array2<f32>\", value = {} }},\n",
        toml_matrix(&image)
    );
    let mut start = 0;
    for (name, count) in &plan.arrays {
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
    let mut source = lesson_head(&format!("show_{show}"), &lesson.module, &lesson.uses);
    for (i, stage) in plan.stages.iter().enumerate() {
        let code = stage_code(plan, i);
        let _ = write!(
            source,
            "\n[[scenario]]\nname = {{ ja = \"{i}\", en = \"{i}\" }}\nreturns = \"{}\"\n\
             code = '''\n{code}'''\ninputs = [\n{inputs}]\n",
            stage.returns
        );
    }
    let outputs = run(runner, lesson, &source)?;
    let mut stages = Vec::new();
    for (i, declared) in plan.stages.iter().enumerate() {
        let name = &declared.name;
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
            name: name.clone(),
            title: declared.title.clone(),
            draw: declared.draw,
            shape,
            cells,
            origin,
            off_by,
            reference,
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
    fn matrices_read_back_as_toml() {
        let text = toml_matrix(&Matrix::new(2, 2, vec![0.1, -2.0, 3.5, 1e-8]));
        assert_eq!(text, "[[0.1, -2.0], [3.5, 1e-8]]");
        assert_eq!(range_of(&[f32::NAN, 2.0, -1.0]), (-1.0, 2.0));
        assert_eq!(range_of(&[]), (0.0, 0.0));
    }
}
