//! A lesson's `[show]`: what `checker show <name>` draws with the student's own code,
//! and `after_passing`, the `show` a passing lesson suggests. Written by the lesson, so
//! the checker names no lesson, module or function of the course.
//!
//! Two views: `slide`, a window sliding over a matrix (a function of the lesson called
//! with the matrix and a kernel or a window size, frame by frame), and `network`, an input
//! of a data set through a network built from a data file's weights, stage by stage.

use super::Bilingual;
use super::LessonError;
use super::dataset::{DataFile, DataGen, RawData};
use super::split::Split;
use super::types::{Signature, Type};
use crate::lang::say;
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

/// `[show]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPicture {
    /// What the student types after `show`: `show conv`.
    pub(crate) name: Spanned<String>,
    /// `"slide"` (the default) or `"network"`.
    pub(crate) view: Option<Spanned<String>>,
    /// What the screen calls the student's code: a function of the lesson's (`slide`),
    /// or the name the network goes by (`network`, "Computed by your Cnn").
    pub(crate) function: Spanned<String>,
    /// `slide`: the matrix the window slides over.
    pub(crate) image: Option<Spanned<Vec<Vec<f64>>>>,
    /// `slide`: the kernel, the function's second argument (a convolution).
    pub(crate) kernel: Option<Spanned<Vec<Vec<f64>>>>,
    /// `slide`: the window's size, the function's second argument (pooling).
    pub(crate) size: Option<Spanned<usize>>,
    /// `network`: the images it reads, one a row of a data file, with their labels.
    pub(crate) input: Option<Spanned<RawInput>>,
    /// `network`: the data file whose one row holds the weights, cut into named arrays.
    pub(crate) weights: Option<Spanned<RawWeights>>,
    /// `network`: Rust code that builds the network from the weights' arrays.
    pub(crate) build: Option<Spanned<String>>,
    /// `network`: its stages, each computed from the ones before.
    #[serde(default)]
    pub(crate) stages: Vec<Spanned<RawStage>>,
}

/// `[show.input]`: the images a network reads.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawInput {
    pub(crate) dataset: String,
    pub(crate) split: Option<String>,
    pub(crate) columns: Option<toml::Value>,
    pub(crate) row_shape: Option<Vec<toml::Value>>,
    /// The column of each image's label.
    pub(crate) label: usize,
    /// The network reads each value divided by this (16 for pixels from 0 to 16).
    pub(crate) scale: Option<f64>,
}

/// `[show.weights]`: a data file of one row, cut into arrays in order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWeights {
    pub(crate) dataset: String,
    pub(crate) arrays: Vec<RawArray>,
}

/// One array of the weights: the name `build` knows it by and how many numbers it holds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArray {
    pub(crate) name: String,
    pub(crate) count: usize,
}

/// `[[show.stages]]`: one stage of a network.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStage {
    pub(crate) name: String,
    pub(crate) title: Bilingual,
    pub(crate) returns: Spanned<String>,
    pub(crate) code: Spanned<String>,
    /// `"maps"`, `"units"`, `"probabilities"` or `"none"` (only in the PNG files).
    pub(crate) draw: Spanned<String>,
    /// `maps`: how many maps a row.
    pub(crate) per_row: Option<usize>,
    /// How `show --html` explains one of its values: `"conv"`, `"relu"`, `"pool"`,
    /// `"dense"` or `"softmax"` (none: the page shows its values only).
    pub(crate) explain: Option<Spanned<String>>,
    /// `conv` and `dense`: the array of `[show.weights]` that holds its kernels
    /// (out_ch, in_ch, kh, kw) or its weight matrix (outputs, inputs), row after row.
    pub(crate) weights: Option<Spanned<String>>,
    /// `conv` and `dense`: the array of `[show.weights]` that holds its biases.
    pub(crate) bias: Option<Spanned<String>>,
}

/// `after_passing = { show = "cnn --digit 42", ja = "…", en = "…" }` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAfterPassing {
    pub(crate) show: String,
    pub(crate) ja: String,
    pub(crate) en: String,
}

/// A matrix of numbers, row after row: written in a lesson file, or drawn by `show`.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    pub rows: usize,
    pub cols: usize,
    pub cells: Vec<f32>,
}

impl Matrix {
    pub fn new(rows: usize, cols: usize, cells: Vec<f32>) -> Matrix {
        Matrix { rows, cols, cells }
    }

    /// The number at row `r`, column `c`; 0 outside.
    pub fn get(&self, r: usize, c: usize) -> f32 {
        self.cells.get(r * self.cols + c).copied().unwrap_or(0.0)
    }
}

/// What a `show` draws, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub name: String,
    /// Where `name` is written.
    pub span: Range<usize>,
    pub function: String,
    pub view: View,
}

#[derive(Debug, Clone, PartialEq)]
pub enum View {
    /// `function(&image, &kernel)` or `function(&image, size)`, frame by frame.
    Slide {
        image: Matrix,
        second: Second,
    },
    Network(Network),
}

/// The second argument of a sliding window's function.
#[derive(Debug, Clone, PartialEq)]
pub enum Second {
    Kernel(Matrix),
    Size(usize),
}

/// A network's input, weights and stages.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    pub input: Input,
    pub weights_file: String,
    /// The arrays of the weights' row, in order: a name and a count each.
    pub arrays: Vec<(String, usize)>,
    pub build: String,
    /// Where `build` is written (its string, quotes included).
    pub build_span: Range<usize>,
    pub stages: Vec<Stage>,
}

/// The images a network reads: rows of a data file's split.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub file: String,
    /// `None`: every row of the file.
    pub split: Option<Split>,
    pub columns: Range<usize>,
    pub rows: usize,
    pub cols: usize,
    pub label: usize,
    pub scale: f32,
}

/// One stage of a network.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub name: String,
    pub title: Bilingual,
    pub returns: String,
    /// Its code, after the code of the stages before; it leaves its output in `x`.
    pub code: String,
    /// Where `code` is written (its string, quotes included).
    pub code_span: Range<usize>,
    pub draw: Draw,
    /// How `show --html` explains one of its values, if it does.
    pub explain: Option<Explain>,
}

/// How `show --html` explains one value of a stage, from the stage before it.
#[derive(Debug, Clone, PartialEq)]
pub enum Explain {
    /// A convolution layer: a window of each input map times its kernel, plus a bias.
    Conv { weights: String, bias: String },
    /// ReLU, value by value.
    Relu,
    /// Max pooling, map by map.
    Pool,
    /// A fully connected layer: every input times its weight, plus a bias.
    Dense { weights: String, bias: String },
    /// Softmax of the stage before.
    Softmax,
}

/// How the screen draws a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Draw {
    /// Feature maps as heatmaps, this many a row.
    Maps { per_row: usize },
    /// A vector of units as a row of bars.
    Units,
    /// The class probabilities, the answer marked.
    Probabilities,
    /// Not on the screen, only in the PNG files.
    Nothing,
}

/// The `show` a passing lesson suggests, with its arguments, and the sentence before it.
#[derive(Debug, Clone, PartialEq)]
pub struct AfterPassing {
    /// The whole command after `show`: `cnn --digit 42`.
    pub command: String,
    pub text: Bilingual,
    pub span: Range<usize>,
}

impl AfterPassing {
    /// The show it names: the command's first word.
    pub fn show(&self) -> &str {
        self.command.split_whitespace().next().unwrap_or_default()
    }
}

/// What `show` names may be: lowercase letters, digits, `-` and `_`, from a letter.
fn check_name(name: &Spanned<String>, errors: &mut Vec<LessonError>) {
    let text = name.get_ref();
    let valid = text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !valid {
        errors.push(LessonError::at(
            name,
            say!(ja: format!(
                    "`{text}` は `show` のあとに書く名前になりません。英小文字、数字、`-`、`_` を使い、英小文字で始めてください。"
                ),
                en: format!(
                    "`{text}` cannot follow `show`: use lowercase letters, digits, `-` and `_`, starting with a letter"
                )),
        ));
    }
}

fn matrix(raw: &Spanned<Vec<Vec<f64>>>, what: &str, errors: &mut Vec<LessonError>) -> Matrix {
    let rows = raw.get_ref();
    let cols = rows.first().map_or(0, Vec::len);
    if cols == 0 || rows.iter().any(|r| r.len() != cols) {
        errors.push(LessonError::at(
            raw,
            say!(ja: format!("`{what}` は行列です。数の行を、どの行も同じ長さで（空にせず）書きます。"),
                en: format!("`{what}` is a matrix: rows of numbers, every row as long, none empty")),
        ));
    }
    Matrix {
        rows: rows.len(),
        cols,
        cells: rows.iter().flatten().map(|&x| x as f32).collect(),
    }
}

/// Checks `[show]` against the lesson's functions and data files.
pub fn picture(
    raw: &Spanned<RawPicture>,
    functions: &[Signature],
    datasets: &[DataFile],
    errors: &mut Vec<LessonError>,
) -> Option<Picture> {
    let whole = raw.get_ref();
    check_name(&whole.name, errors);
    let before = errors.len();
    let view = match whole.view.as_ref().map(|v| (v, v.get_ref().as_str())) {
        None | Some((_, "slide")) => slide(raw, functions, errors),
        Some((_, "network")) => network(raw, datasets, errors).map(View::Network),
        Some((v, other)) => {
            errors.push(LessonError::at(
                v,
                say!(ja: format!(
                        "`show` に `{other}` という描き方はありません。描き方は `slide`、`network` です。"
                    ),
                    en: format!("`show` has no view `{other}`; the views are `slide`, `network`")),
            ));
            None
        }
    };
    let view = view.filter(|_| errors.len() == before)?;
    Some(Picture {
        name: whole.name.get_ref().clone(),
        span: whole.name.span(),
        function: whole.function.get_ref().clone(),
        view,
    })
}

fn slide(
    raw: &Spanned<RawPicture>,
    functions: &[Signature],
    errors: &mut Vec<LessonError>,
) -> Option<View> {
    let whole = raw.get_ref();
    let name = whole.function.get_ref();
    let Some(image) = &whole.image else {
        errors.push(LessonError::at(
            raw,
            say!(ja: "`slide` には、窓をずらしていく行列 `image` が要ります。",
                en: "a `slide` needs `image`, the matrix the window slides over"),
        ));
        return None;
    };
    let image = matrix(image, "image", errors);
    let (second, wants) = match (&whole.kernel, &whole.size) {
        (Some(kernel), None) => (
            Second::Kernel(matrix(kernel, "kernel", errors)),
            "Array2<f32>",
        ),
        (None, Some(size)) if *size.get_ref() >= 1 => (Second::Size(*size.get_ref()), "usize"),
        (None, Some(size)) => {
            errors.push(LessonError::at(
                size,
                say!(ja: "`size` は窓の一辺の大きさで、1 以上です。",
                    en: "`size` is the window's side, 1 or more"),
            ));
            return None;
        }
        _ => {
            errors.push(LessonError::at(
                raw,
                say!(ja: "`slide` では、関数に渡す `kernel`（行列）か `size`（窓の一辺）のどちらか一つを書きます。",
                    en: "a `slide` gives its function either `kernel` (a matrix) or `size` (a window's side), one of the two"),
            ));
            return None;
        }
    };
    let matrix_type = "Array2<f32>";
    // A matrix is passed by reference, a size by value.
    let amp = if wants == "usize" { "" } else { "&" };
    let fits = functions.iter().find(|f| &f.name == name).map(|f| {
        let params: Vec<String> = f.params.iter().map(|p| p.ty.to_string()).collect();
        params == [matrix_type, wants] && f.returns.to_string() == matrix_type
    });
    match fits {
        Some(true) => Some(View::Slide { image, second }),
        Some(false) => {
            errors.push(LessonError::at(
                &whole.function,
                say!(ja: format!(
                        "窓をずらすには、`{name}` が (&{matrix_type}, {amp}{wants}) を受け取り {matrix_type} を返す関数でなければなりません。"
                    ),
                    en: format!(
                        "`{name}` must take (&{matrix_type}, {amp}{wants}) and return {matrix_type} to slide a window"
                    )),
            ));
            None
        }
        None => {
            errors.push(LessonError::at(
                &whole.function,
                say!(ja: format!("`{name}` はこのレッスンの `functions` にありません。"),
                    en: format!("`{name}` is not one of the lesson's `functions`")),
            ));
            None
        }
    }
}

fn network(
    raw: &Spanned<RawPicture>,
    datasets: &[DataFile],
    errors: &mut Vec<LessonError>,
) -> Option<Network> {
    let whole = raw.get_ref();
    let (Some(input), Some(weights), Some(build)) = (&whole.input, &whole.weights, &whole.build)
    else {
        errors.push(LessonError::at(
            raw,
            say!(ja: "`network` には `input`、`weights`、`build`、`[[show.stages]]` が要ります。",
                en: "a `network` needs `input`, `weights`, `build` and `[[show.stages]]`"),
        ));
        return None;
    };
    let rows_all = toml::Value::String("all".into());
    let spec = input.get_ref();
    let images = DataGen::new(
        &RawData {
            dataset: &spec.dataset,
            split: spec.split.as_deref(),
            rows: Some(&rows_all),
            columns: spec.columns.as_ref(),
            row_shape: spec.row_shape.as_deref(),
        },
        &Type::parse("Array3<f32>").ok()?,
        datasets,
    );
    let images = match images {
        Ok(images) => images,
        Err(message) => {
            errors.push(LessonError::at(input, message));
            return None;
        }
    };
    let file = &weights.get_ref().dataset;
    if !datasets.iter().any(|d| &d.file == file) {
        errors.push(LessonError::at(
            weights,
            say!(ja: format!(
                    "データファイル `{file}` が `[[datasets]]` にありません。`sha256` と一緒に書いてください。"
                ),
                en: format!("the data file `{file}` is not in `[[datasets]]`: add it with its `sha256`")),
        ));
    }
    let scale = spec.scale.unwrap_or(1.0);
    if !(scale.is_finite() && scale > 0.0) {
        errors.push(LessonError::at(
            input,
            say!(ja: "`scale` は値を割る数で、0 より大きい数です。",
                en: "`scale` divides each value: a number above 0"),
        ));
    }
    let [rows, cols] = images.row_shape[..] else {
        return None;
    };
    let mut stages = Vec::new();
    for stage in &whole.stages {
        let s = stage.get_ref();
        let returns = s.returns.get_ref();
        if let Err(message) = Type::parse(returns) {
            errors.push(LessonError::at(&s.returns, message));
        }
        let draw = match (s.draw.get_ref().as_str(), s.per_row) {
            ("maps", per_row) => Draw::Maps {
                per_row: per_row.unwrap_or(8).max(1),
            },
            ("units", _) => Draw::Units,
            ("probabilities", _) => Draw::Probabilities,
            ("none", _) => Draw::Nothing,
            (other, _) => {
                errors.push(LessonError::at(
                    &s.draw,
                    say!(ja: format!(
                            "段の描き方に `{other}` はありません。描き方は `maps`、`units`、`probabilities`、`none` です。"
                        ),
                        en: format!(
                            "a stage has no drawing `{other}`; they are `maps`, `units`, `probabilities`, `none`"
                        )),
                ));
                Draw::Nothing
            }
        };
        let wants = match draw {
            Draw::Maps { .. } => Some("Array3<f32>"),
            Draw::Units | Draw::Probabilities => Some("Array1<f32>"),
            Draw::Nothing => None,
        };
        if let Some(wants) = wants.filter(|w| returns != w) {
            let how = s.draw.get_ref();
            errors.push(LessonError::at(
                &s.returns,
                say!(ja: format!("`{how}` と描く段は {wants} を返します。"),
                    en: format!("a stage drawn as `{how}` returns {wants}")),
            ));
        }
        let explain = explain(stage, &weights.get_ref().arrays, errors);
        stages.push(Stage {
            name: s.name.clone(),
            title: s.title.clone(),
            returns: returns.clone(),
            code: s.code.get_ref().clone(),
            code_span: s.code.span(),
            draw,
            explain,
        });
    }
    if stages.last().map(|s| s.draw) != Some(Draw::Probabilities) {
        errors.push(LessonError::at(
            raw,
            say!(ja: "`network` の最後の段は答えで、`probabilities` と描きます。",
                en: "a `network`'s last stage is its answer, drawn as `probabilities`"),
        ));
    }
    Some(Network {
        input: Input {
            file: images.file,
            split: images.split,
            columns: images.columns,
            rows,
            cols,
            label: spec.label,
            scale: scale as f32,
        },
        weights_file: weights.get_ref().dataset.clone(),
        arrays: (weights.get_ref().arrays.iter())
            .map(|a| (a.name.clone(), a.count))
            .collect(),
        build: build.get_ref().clone(),
        build_span: build.span(),
        stages,
    })
}

/// A stage's `explain`, with the arrays of `[show.weights]` a layer's arithmetic reads.
fn explain(
    stage: &Spanned<RawStage>,
    arrays: &[RawArray],
    errors: &mut Vec<LessonError>,
) -> Option<Explain> {
    let s = stage.get_ref();
    // `weights` and `bias` where no layer reads them.
    let misplaced = |errors: &mut Vec<LessonError>| {
        if let Some(key) = s.weights.as_ref().or(s.bias.as_ref()) {
            errors.push(LessonError::at(
                key,
                say!(ja: "`weights` と `bias` は、`explain = \"conv\"` か `\"dense\"` の段に書きます。",
                    en: "`weights` and `bias` belong to a stage with `explain = \"conv\"` or `\"dense\"`"),
            ));
        }
    };
    let Some(how) = &s.explain else {
        misplaced(errors);
        return None;
    };
    let array = |key: &Option<Spanned<String>>, errors: &mut Vec<LessonError>| {
        let Some(key) = key else {
            errors.push(LessonError::at(
                how,
                say!(ja: format!(
                        "`explain = \"{}\"` の段には、`[show.weights]` の配列の名前で `weights` と `bias` を書きます。",
                        how.get_ref()
                    ),
                    en: format!(
                        "a stage with `explain = \"{}\"` needs `weights` and `bias`, names of arrays of `[show.weights]`",
                        how.get_ref()
                    )),
            ));
            return None;
        };
        let name = key.get_ref();
        if !arrays.iter().any(|a| &a.name == name) {
            errors.push(LessonError::at(
                key,
                say!(ja: format!("`[show.weights]` に `{name}` という配列はありません。"),
                    en: format!("`[show.weights]` has no array `{name}`")),
            ));
            return None;
        }
        Some(name.clone())
    };
    let layer = |errors: &mut Vec<LessonError>| {
        let weights = array(&s.weights, errors);
        let bias = if s.weights.is_some() {
            array(&s.bias, errors)
        } else {
            None
        };
        weights.zip(bias)
    };
    match how.get_ref().as_str() {
        "conv" => layer(errors).map(|(weights, bias)| Explain::Conv { weights, bias }),
        "dense" => layer(errors).map(|(weights, bias)| Explain::Dense { weights, bias }),
        "relu" | "pool" | "softmax" => {
            misplaced(errors);
            match how.get_ref().as_str() {
                "relu" => Some(Explain::Relu),
                "pool" => Some(Explain::Pool),
                _ => Some(Explain::Softmax),
            }
        }
        unknown => {
            errors.push(LessonError::at(
                how,
                say!(ja: format!(
                        "`explain` に `{unknown}` はありません。書けるのは `conv`、`relu`、`pool`、`dense`、`softmax` です。"
                    ),
                    en: format!(
                        "`explain` has no `{unknown}`; it is `conv`, `relu`, `pool`, `dense` or `softmax`"
                    )),
            ));
            None
        }
    }
}

/// Checks `after_passing`: a show's name and its arguments, and a sentence in both
/// languages. That the show exists is checked with the whole course.
pub(crate) fn after_passing(
    raw: &Spanned<RawAfterPassing>,
    errors: &mut Vec<LessonError>,
) -> Option<AfterPassing> {
    let r = raw.get_ref();
    let command = r.show.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = errors.len();
    if command.is_empty() {
        errors.push(LessonError::at(
            raw,
            say!(ja: "`show` が空です。学生が `show` のあとに打つとおりに、見せるものの名前を書きます。",
                en: "`show` is empty: it names what to show, as a student types it after `show`"),
        ));
    }
    for (lang, text) in [("ja", &r.ja), ("en", &r.en)] {
        if text.trim().is_empty() {
            errors.push(LessonError::at(
                raw,
                say!(ja: format!("`after_passing` の `{lang}` が空です。"),
                    en: format!("`after_passing` is empty in `{lang}`")),
            ));
        }
    }
    (errors.len() == before).then(|| AfterPassing {
        command,
        text: Bilingual {
            ja: r.ja.clone(),
            en: r.en.clone(),
        },
        span: raw.span(),
    })
}

#[cfg(test)]
mod tests {
    use crate::parse;

    const HEAD: &str = r#"
format = 1
id = "pool"
module = "pool"
functions = [
  "fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32>",
  "fn total(input: &Array2<f32>) -> f32",
]
title = { ja = "プーリング", en = "Pooling" }
text = { ja = "縮めます。", en = "Shrink." }

[[fixed]]
name = { ja = "例", en = "example" }
call = "total"
args = [[[1, 2]]]
expected = 3
"#;

    fn errors_of(tail: &str) -> Vec<String> {
        match parse(&format!("{HEAD}{tail}")) {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| e.message.en).collect(),
        }
    }

    #[test]
    fn a_sliding_window_takes_its_lesson_s_function_and_a_size() {
        let lesson = parse(&format!(
            "{HEAD}\n[show]\nname = \"pool\"\nfunction = \"max_pool2d\"\nimage = [[4, 8], [7, 1]]\nsize = 2\n"
        ));
        let picture = lesson.ok().and_then(|l| l.picture);
        let Some(super::Picture { name, view, .. }) = picture else {
            panic!("no picture");
        };
        assert_eq!(name, "pool");
        assert!(
            matches!(view, super::View::Slide { image, second: super::Second::Size(2) } if image.cells == [4.0, 8.0, 7.0, 1.0])
        );
    }

    #[test]
    fn a_sliding_window_that_cannot_be_called_is_said() {
        let show = "\n[show]\nname = \"pool\"\nimage = [[4, 8], [7, 1]]\n";
        assert_eq!(
            errors_of(&format!("{show}function = \"max_pool\"\nsize = 2\n")),
            ["`max_pool` is not one of the lesson's `functions`"]
        );
        assert_eq!(
            errors_of(&format!("{show}function = \"total\"\nsize = 2\n")),
            ["`total` must take (&Array2<f32>, usize) and return Array2<f32> to slide a window"]
        );
        assert_eq!(
            errors_of(&format!("{show}function = \"max_pool2d\"\n")),
            [
                "a `slide` gives its function either `kernel` (a matrix) or `size` (a window's side), one of the two"
            ]
        );
        assert_eq!(
            errors_of(&format!(
                "{show}function = \"max_pool2d\"\nsize = 2\nview = \"slides\"\n"
            )),
            ["`show` has no view `slides`; the views are `slide`, `network`"]
        );
        assert_eq!(
            errors_of(
                "\n[show]\nname = \"Pool\"\nfunction = \"max_pool2d\"\nimage = [[1, 2], [3]]\nsize = 1\n"
            ),
            [
                "`Pool` cannot follow `show`: use lowercase letters, digits, `-` and `_`, starting with a letter",
                "`image` is a matrix: rows of numbers, every row as long, none empty"
            ]
        );
    }

    #[test]
    fn a_network_reads_declared_data_and_ends_in_probabilities() {
        let network = r#"
[show]
name = "net"
view = "network"
function = "Net"
build = "let net = 1;"
input = { dataset = "data/x.csv", split = "test", columns = "0..4", row_shape = [2, 2], label = 4 }
weights = { dataset = "data/w.csv", arrays = [{ name = "w", count = 4 }] }

[[show.stages]]
name = "maps"
title = { ja = "マップ", en = "maps" }
returns = "Array1<f32>"
draw = "maps"
code = "let x = image.clone();"
"#;
        let errors = errors_of(network);
        assert!(
            errors[0].starts_with(
                "the data file `data/x.csv` is not declared: add it to `[[datasets]]`"
            ),
            "{errors:?}"
        );
        let declared = "\n[[datasets]]\nfile = \"data/x.csv\"\nsha256 = \"0000000000000000000000000000000000000000000000000000000000000000\"\n\n[[datasets]]\nfile = \"data/w.csv\"\nsha256 = \"0000000000000000000000000000000000000000000000000000000000000000\"\n";
        assert_eq!(
            errors_of(&format!("{declared}{network}")),
            [
                "a stage drawn as `maps` returns Array3<f32>",
                "a `network`'s last stage is its answer, drawn as `probabilities`"
            ]
        );
    }

    #[test]
    fn a_stage_s_explain_names_arrays_of_the_weights() {
        let lesson = |stage: &str| {
            format!(
                r#"
[[datasets]]
file = "data/x.csv"
sha256 = "0000000000000000000000000000000000000000000000000000000000000000"

[[datasets]]
file = "data/w.csv"
sha256 = "0000000000000000000000000000000000000000000000000000000000000000"

[show]
name = "net"
view = "network"
function = "Net"
build = "let net = 1;"
input = {{ dataset = "data/x.csv", split = "test", columns = "0..4", row_shape = [2, 2], label = 4 }}
weights = {{ dataset = "data/w.csv", arrays = [{{ name = "w", count = 4 }}, {{ name = "b", count = 2 }}] }}

[[show.stages]]
name = "answer"
title = {{ ja = "答え", en = "answer" }}
returns = "Array1<f32>"
draw = "probabilities"
code = "let x = image.iter().copied().collect::<Array1<f32>>();"
{stage}
"#
            )
        };
        assert_eq!(
            errors_of(&lesson(
                "explain = \"dense\"\nweights = \"w\"\nbias = \"b\""
            )),
            Vec::<String>::new()
        );
        assert_eq!(
            errors_of(&lesson(
                "explain = \"dense\"\nweights = \"w\"\nbias = \"c\""
            )),
            ["`[show.weights]` has no array `c`"]
        );
        assert_eq!(
            errors_of(&lesson("explain = \"conv\"")),
            [
                "a stage with `explain = \"conv\"` needs `weights` and `bias`, names of arrays of `[show.weights]`"
            ]
        );
        assert_eq!(
            errors_of(&lesson("explain = \"relu\"\nbias = \"b\"")),
            ["`weights` and `bias` belong to a stage with `explain = \"conv\"` or `\"dense\"`"]
        );
        assert_eq!(
            errors_of(&lesson("explain = \"sigmoid\"")),
            ["`explain` has no `sigmoid`; it is `conv`, `relu`, `pool`, `dense` or `softmax`"]
        );
    }

    #[test]
    fn after_passing_names_a_show_with_its_arguments() {
        let lesson = parse(&format!(
            "after_passing = {{ show = \"cnn  --digit 42\", ja = \"読ませましょう\", en = \"Read more\" }}\n{HEAD}"
        ));
        let after = lesson.ok().and_then(|l| l.after_passing);
        let after = after.map(|a| (a.show().to_string(), a.command));
        assert_eq!(
            after,
            Some(("cnn".to_string(), "cnn --digit 42".to_string()))
        );
        let empty = parse(&format!(
            "after_passing = {{ show = \" \", ja = \"\", en = \"x\" }}\n{HEAD}"
        ));
        let errors: Vec<String> = (empty.err().into_iter().flatten())
            .map(|e| e.message.en)
            .collect();
        assert_eq!(
            errors,
            [
                "`show` is empty: it names what to show, as a student types it after `show`",
                "`after_passing` is empty in `ja`"
            ]
        );
    }
}
