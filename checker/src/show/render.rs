//! Drawing `show`'s pictures as text: frames of a sliding window, heatmaps and bar
//! charts. Everything here takes plain data ([`model`](super::model)) and returns text.

use super::model::{Matrix, Network, Origin, Sliding, Stage, Why, range_of};
use crate::lang::{Lang, say};
use crate::lesson::draw::shape_text as shape;
use crate::lesson::picture::Draw;
use crate::messages::count;
use crate::text::beside;

/// How much colour the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// 24-bit colour (`COLORTERM=truecolor`).
    True,
    /// The 256 colours of xterm (`TERM=…-256color`).
    Palette,
    /// No colour: heatmaps as an ASCII ramp.
    None,
}

impl Depth {
    /// The depth of this terminal, when the checker colours its output at all.
    pub fn detect(color: bool) -> Depth {
        if !color {
            return Depth::None;
        }
        let var = |name: &str| std::env::var(name).unwrap_or_default().to_lowercase();
        let colorterm = var("COLORTERM");
        if colorterm.contains("truecolor") || colorterm.contains("24bit") {
            Depth::True
        } else if var("TERM").contains("256") {
            Depth::Palette
        } else {
            Depth::None
        }
    }
}

/// The language, and whether and how to colour.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    /// Bold and coloured words (the checker's own colour decision).
    pub color: bool,
    pub depth: Depth,
}

impl Style {
    /// `text` in the SGR colour `code`, when colours are on.
    fn paint(&self, code: &str, text: &str) -> String {
        match self.color {
            true => format!("\u{1b}[{code}m{text}\u{1b}[0m"),
            false => text.to_string(),
        }
    }

    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    fn mark(&self, text: &str) -> String {
        self.paint("1;33", text)
    }

    fn bad(&self, text: &str) -> String {
        self.paint("1;31", text)
    }
}

/// A number as a person writes it: `4`, `-0.5`, `0.25` (two decimals at most).
pub fn number(x: f32) -> String {
    cnnlings_runtime::elem::decimals(x, 2)
}

/// A factor of a product: a negative one in brackets, `(-2)`.
fn factor(x: f32) -> String {
    let text = number(x);
    if text.starts_with('-') {
        format!("({text})")
    } else {
        text
    }
}

/// A difference, however small: `0.0003` rather than `0`.
fn small(x: f32) -> String {
    if x >= 0.01 || !x.is_finite() {
        number(x)
    } else {
        format!("{x:.1e}")
    }
}

/// One line saying where the values come from.
pub fn origin_line(style: &Style, function: &str, file: &str, origin: &Origin) -> String {
    let lang = style.lang;
    match origin {
        Origin::Student => say!(lang,
            ja: format!("あなたの {function}（{file}）で計算しました。"),
            en: format!("Computed by your {function} ({file})."),
        ),
        Origin::Reference(why) => {
            let why = match why {
                Why::Missing(path) => say!(lang,
                    ja: format!("{path} がありません"),
                    en: format!("{path} is missing"),
                ),
                Why::Stub(at) => say!(lang,
                    ja: format!("あなたの {function} はまだ todo!() です（{at}）"),
                    en: format!("your {function} is still todo!() ({at})"),
                ),
                Why::Panicked(at, message) => say!(lang,
                    ja: format!("あなたのコードがパニックしました（{at}：{message}）"),
                    en: format!("your code panicked ({at}: {message})"),
                ),
                Why::DoesNotCompile(lesson) => say!(lang,
                    ja: format!("あなたのコードがコンパイルできません（`check {lesson}` で理由が見られます）"),
                    en: format!("your code does not compile (`check {lesson}` shows why)"),
                ),
                Why::TimedOut => say!(lang,
                    ja: "あなたのコードが制限時間内に終わりません".into(),
                    en: "your code did not finish in time".into(),
                ),
                Why::NoValue => say!(lang,
                    ja: "あなたのコードが値を返しませんでした".into(),
                    en: "your code gave no value".into(),
                ),
                Why::Shape(got, want) => {
                    let (got, want) = (shape(got), shape(want));
                    say!(lang,
                        ja: format!("あなたの {function} の結果の形が {got} です（{want} のはず）"),
                        en: format!("your {function} returned the shape {got}, not {want}"),
                    )
                }
            };
            let text = say!(lang,
                ja: format!("模範解答で計算しました：{why}。"),
                en: format!("Computed by the reference: {why}."),
            );
            style.mark(&text)
        }
    }
}

/// A grid of numbers, cells of equal width; `mark(r, c)` cells in brackets (and
/// coloured), `hide(r, c)` cells shown as `·`, `flag(r, c)` cells followed by `!`.
fn number_grid(
    style: &Style,
    grid: &Matrix,
    mark: &dyn Fn(usize, usize) -> bool,
    hide: &dyn Fn(usize, usize) -> bool,
    flag: &dyn Fn(usize, usize) -> bool,
) -> Vec<String> {
    let cell = grid
        .cells
        .iter()
        .map(|&x| number(x).len())
        .max()
        .unwrap_or(1);
    (0..grid.rows)
        .map(|r| {
            let mut line = String::new();
            for c in 0..grid.cols {
                let text = if hide(r, c) {
                    "·".to_string()
                } else {
                    number(grid.get(r, c))
                };
                let text = format!("{text:>cell$}");
                let body = match (mark(r, c), flag(r, c)) {
                    (true, _) => style.mark(&format!("[{text}]")),
                    (false, true) => style.bad(&format!(" {text}!")),
                    (false, false) => format!(" {text} "),
                };
                line.push_str(&body);
            }
            line
        })
        .collect()
}

fn differs(a: f32, b: f32) -> bool {
    (a - b).abs() > 1e-4 * (1.0 + b.abs()) || a.is_nan() != b.is_nan()
}

/// The frames of a sliding window's `show`: one per position of the window, then the
/// whole result.
/// `function` is the student's function that computed them, `file` its module's file.
pub fn sliding_frames(style: &Style, s: &Sliding, function: &str, file: &str) -> Vec<String> {
    let none = |_: usize, _: usize| false;
    let (kh, kw) = s.window;
    let is_conv = s.kernel.is_some();
    let origin = origin_line(style, function, file, &s.origin);
    let positions: Vec<(usize, usize)> = (0..s.output.rows)
        .flat_map(|r| (0..s.output.cols).map(move |c| (r, c)))
        .collect();
    let total = positions.len();
    let mut frames = Vec::new();
    for (k, &(r, c)) in positions.iter().enumerate() {
        let (top, left) = (r * s.stride, c * s.stride);
        let (lang, at) = (style.lang, k + 1);
        let (h, w) = (s.image.rows, s.image.cols);
        let title = match is_conv {
            true => say!(lang,
                ja: format!("畳み込み：{kh}×{kw} のカーネルを {h}×{w} の画像の上でずらします（{total} か所のうち {at} か所目）"),
                en: format!("Convolution: the {kh}×{kw} kernel slides over the {h}×{w} image (position {at} of {total})"),
            ),
            false => say!(lang,
                ja: format!("マックス・プーリング：{kh}×{kw} の区画で {h}×{w} の画像を縮めます（{total} か所のうち {at} か所目）"),
                en: format!("Max pooling: a {kh}×{kw} window shrinks the {h}×{w} image (position {at} of {total})"),
            ),
        };
        let in_window =
            |i: usize, j: usize| (top..top + kh).contains(&i) && (left..left + kw).contains(&j);
        let image = number_grid(style, &s.image, &in_window, &none, &none);
        let done = |i: usize, j: usize| i * s.output.cols + j <= k;
        let wrong = |i: usize, j: usize| differs(s.output.get(i, j), s.reference.get(i, j));
        let output = number_grid(
            style,
            &s.output,
            &|i, j| (i, j) == (r, c),
            &|i, j| !done(i, j),
            &|i, j| done(i, j) && wrong(i, j),
        );
        let mut lines = vec![style.bold(&title), String::new()];
        lines.extend(image_kernel_output(style, image, s.kernel.as_ref(), output));
        lines.push(String::new());
        let value = s.output.get(r, c);
        let right = s.reference.get(r, c);
        // The sum or the maximum as arithmetic says it, which is the reference's value: a
        // line "4、8、7、1 の最大値は 4" or "… + 1×1 = 3" would teach a false fact. The
        // student's own value stands in the output grid, marked, and in the ✗ line below.
        let stated = if differs(value, right) { right } else { value };
        let patch: Vec<f32> = (top..top + kh)
            .flat_map(|i| (left..left + kw).map(move |j| (i, j)))
            .map(|(i, j)| s.image.get(i, j))
            .collect();
        let sum = match &s.kernel {
            Some(kernel) => {
                for i in 0..kh {
                    let terms: Vec<String> = (0..kw)
                        .map(|j| {
                            format!("{}×{}", factor(patch[i * kw + j]), factor(kernel.get(i, j)))
                        })
                        .collect();
                    let lead = if i == 0 { "  " } else { "+ " };
                    let tail = if i + 1 == kh { " =" } else { "" };
                    lines.push(format!("  {lead}{}{tail}", terms.join(" + ")));
                }
                lines
                    .pop()
                    .map(|last| format!("{last} {}", style.mark(&number(stated))))
            }
            None => {
                let cells: Vec<String> = patch.iter().map(|&x| number(x)).collect();
                let value = style.mark(&number(stated));
                Some(say!(style.lang,
                    ja: format!("  {} の最大値は {value}", cells.join("、")),
                    en: format!("  max({}) = {value}", cells.join(", ")),
                ))
            }
        };
        lines.extend(sum);
        if differs(value, right) {
            // The line above ends in the right value: say it again in the words of the
            // frame (its products' sum, its window's maximum), with the student's beside
            // it. "The reference gives 4: yours is off by -1" left a student to work out
            // which was which.
            let (right, value) = (number(right), number(value));
            let products = kh * kw;
            let text = match is_conv {
                true => say!(style.lang,
                    ja: format!("  ✗ この {products} 個の積の和は {right} です。あなたの {function} は {value} を返しました。"),
                    en: format!("  ✗ These {products} products add up to {right}; your {function} gave {value}."),
                ),
                false => say!(style.lang,
                    ja: format!("  ✗ 最大値は {right} です。あなたの {function} は {value} を返しました。"),
                    en: format!("  ✗ The maximum is {right}; your {function} gave {value}."),
                ),
            };
            lines.push(style.bad(&text));
        }
        lines.push(String::new());
        lines.push(origin.clone());
        frames.push(lines.join("\n") + "\n");
    }
    frames.push(summary_frame(style, s, &origin));
    frames
}

fn summary_frame(style: &Style, s: &Sliding, origin: &str) -> String {
    let none = |_: usize, _: usize| false;
    let image = number_grid(style, &s.image, &none, &none, &none);
    let wrong = |i: usize, j: usize| differs(s.output.get(i, j), s.reference.get(i, j));
    let output = number_grid(style, &s.output, &none, &none, &wrong);
    let (h, w, oh, ow) = (s.image.rows, s.image.cols, s.output.rows, s.output.cols);
    let lang = style.lang;
    let (before, after, part) = (h * w, oh * ow, s.window.0 * s.window.1);
    let title = match (s.kernel.is_some(), before == after * part, part) {
        (true, _, _) => say!(lang,
            ja: format!("畳み込みの結果：{h}×{w} の画像から {oh}×{ow} の結果ができました"),
            en: format!("The convolution's result: the {h}×{w} image gives {oh}×{ow}"),
        ),
        (false, true, 4) => say!(lang,
            ja: format!("プーリングの結果：{before} 画素が {after} 画素に、画像は 4 分の 1 になりました"),
            en: format!("Pooling's result: {before} pixels become {after}, a quarter of the image"),
        ),
        (false, true, _) => say!(lang,
            ja: format!("プーリングの結果：{before} 画素が {after} 画素に、画像は {part} 分の 1 になりました"),
            en: format!("Pooling's result: {before} pixels become {after}, 1/{part} of the image"),
        ),
        (false, false, _) => say!(lang,
            ja: format!("プーリングの結果：{before} 画素が {after} 画素になりました（余りの行と列は捨てます）"),
            en: format!("Pooling's result: {before} pixels become {after} (leftover rows and columns are dropped)"),
        ),
    };
    let mut lines = vec![style.bold(&title), String::new()];
    lines.extend(image_kernel_output(style, image, s.kernel.as_ref(), output));
    let wrong_cells = (0..oh)
        .flat_map(|i| (0..ow).map(move |j| (i, j)))
        .filter(|&(i, j)| wrong(i, j))
        .count();
    lines.push(String::new());
    if wrong_cells > 0 {
        let reference = number_grid(style, &s.reference, &none, &none, &none);
        let title = say!(style.lang, ja: "模範解答", en: "reference");
        lines.extend(beside(&[titled(style, title, reference)], 0));
        let text = say!(style.lang,
            ja: format!("  ✗ ! の {wrong_cells} マスが模範解答と違います。"),
            en: format!("  ✗ The {wrong_cells} cells marked ! differ from the reference."),
        );
        lines.push(style.bad(&text));
        lines.push(String::new());
    }
    lines.push(origin.to_string());
    lines.join("\n") + "\n"
}

/// Lines under a bold title.
fn titled(style: &Style, title: &str, lines: Vec<String>) -> Vec<String> {
    [vec![style.bold(title)], lines].concat()
}

/// A sliding window's grids side by side, each under its title: the image, the kernel
/// (a convolution's), the output.
fn image_kernel_output(
    style: &Style,
    image: Vec<String>,
    kernel: Option<&Matrix>,
    output: Vec<String>,
) -> Vec<String> {
    let (lang, none) = (style.lang, |_: usize, _: usize| false);
    let mut blocks = vec![titled(style, say!(lang, ja: "画像", en: "image"), image)];
    if let Some(kernel) = kernel {
        let kernel = number_grid(style, kernel, &none, &none, &none);
        blocks.push(titled(
            style,
            say!(lang, ja: "カーネル", en: "kernel"),
            kernel,
        ));
    }
    blocks.push(titled(style, say!(lang, ja: "結果", en: "output"), output));
    beside(&blocks, 4)
}

/// An RGB colour for a value of a heatmap scaled to `-1..=1` (`signed`) or `0..=1`.
pub fn heat(t: f32, gray: bool) -> (u8, u8, u8) {
    let t = t.clamp(-1.0, 1.0);
    let level = |x: f32| (x * 255.0).round() as u8;
    if gray {
        // Ink on paper, as the digits lesson says: 0 is white, the most ink black.
        let v = 255 - level(t.abs());
        (v, v, v)
    } else if t >= 0.0 {
        (level(t), level(t * 0.55), level(t * 0.1))
    } else {
        (level(-t * 0.15), level(-t * 0.45), level(-t))
    }
}

fn color_code(style: &Style, (r, g, b): (u8, u8, u8), background: bool) -> String {
    let layer = if background { 48 } else { 38 };
    match style.depth {
        Depth::True => format!("\u{1b}[{layer};2;{r};{g};{b}m"),
        Depth::Palette => {
            let q = |x: u8| (u16::from(x) * 5 + 127) / 255;
            let index = 16 + 36 * q(r) + 6 * q(g) + q(b);
            format!("\u{1b}[{layer};5;{index}m")
        }
        Depth::None => String::new(),
    }
}

/// The ASCII ramp, from nothing to the largest value; zero is a middle dot so that a
/// map of zeros still shows where it is.
/// The ASCII ramp, as the digits lesson draws a digit: `.` for 0, then `:`, `o` and `#`
/// for ever larger values (for a digit: 1 to 5, 6 to 10, 11 to 16).
const RAMP: [char; 4] = ['.', ':', 'o', '#'];

/// One cell of the ASCII ramp, two characters wide so that a map is about as wide as it
/// is tall: `##`, `oo`, `::`, `. ` for a value scaled to `-1..=1`; a negative value has
/// `-` in front (`-#`).
pub fn ramp_cell(t: f32) -> String {
    let x = t.abs().clamp(0.0, 1.0);
    let level = if x < 0.05 {
        0
    } else {
        ((x * 3.0).ceil() as usize).clamp(1, RAMP.len() - 1)
    };
    let c = RAMP[level];
    match (level, t < 0.0) {
        (0, _) => format!("{c} "),
        (_, true) => format!("-{c}"),
        (_, false) => format!("{c}{c}"),
    }
}

/// Under an ASCII heatmap: how to read it.
fn ramp_legend(style: &Style) -> String {
    say!(style.lang,
        ja: "文字の見方：. は 0、: o # の順に値が大きく、前に - が付くと負の値です。",
        en: "Reading it: . is 0; :, o and # ever larger; a - in front, negative.",
    )
    .to_string()
}

/// A heatmap of a grid, values scaled by `scale` (their largest absolute value):
/// half blocks (two rows a line) in colour, else two characters a cell from a ramp.
pub fn heatmap(style: &Style, grid: &Matrix, scale: f32, gray: bool) -> Vec<String> {
    let scale = if scale > 0.0 { scale } else { 1.0 };
    let t = |r: usize, c: usize| grid.get(r, c) / scale;
    if style.depth == Depth::None {
        return (0..grid.rows)
            .map(|r| (0..grid.cols).map(|c| ramp_cell(t(r, c))).collect())
            .collect();
    }
    (0..grid.rows.div_ceil(2))
        .map(|line| {
            let mut text = String::new();
            for c in 0..grid.cols {
                // The upper half block in the top row's colour, on the bottom row's.
                let top = heat(t(2 * line, c), gray);
                text.push_str(&color_code(style, top, false));
                if 2 * line + 1 < grid.rows {
                    let bottom = heat(t(2 * line + 1, c), gray);
                    text.push_str(&color_code(style, bottom, true));
                }
                text.push_str("▀\u{1b}[0m");
            }
            text
        })
        .collect()
}

/// A row of small vertical bars (▁ to █) for a vector of values, scaled to its range.
fn sparkline(values: &[f32]) -> String {
    let (low, high) = range_of(values);
    let (low, high) = (low.min(0.0), high.max(0.0));
    let span = if high > low { high - low } else { 1.0 };
    values
        .iter()
        .map(|&x| {
            let i = (((x - low) / span) * 7.0).round().clamp(0.0, 7.0) as usize;
            ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'][i]
        })
        .collect()
}

/// A stage's heading: its title and its shape, `畳み込み 1（8×6×6）`, `全結合 1（32 ユニット）`,
/// with `*` when the reference drew it.
fn stage_heading(style: &Style, stage: &Stage) -> String {
    let title = style.lang.pick(&stage.title);
    let shape = match (stage.draw, stage.shape.as_slice()) {
        (Draw::Units, [units]) => say!(style.lang,
            ja: format!("{units} ユニット"),
            en: count(*units as u64, "unit", "units"),
        ),
        _ => shape(&stage.shape),
    };
    let star = star(stage);
    say!(style.lang,
        ja: format!("{title}（{shape}）{star}"),
        en: format!("{title} ({shape}){star}"),
    )
}

/// The maps of a stage as one panel: its title, then the maps `per_row` a row, a
/// column apart (two in the ASCII ramp), rows of maps a blank line apart.
fn maps_panel(style: &Style, stage: &Stage, per_row: usize) -> Vec<String> {
    let maps = stage.maps();
    let (low, high) = range_of(&stage.cells);
    let scale = low.abs().max(high.abs());
    let gap = if style.depth == Depth::None { 2 } else { 1 };
    let mut lines = vec![style.bold(&stage_heading(style, stage))];
    for (i, chunk) in maps.chunks(per_row.max(1)).enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let pictures: Vec<Vec<String>> = chunk
            .iter()
            .map(|m| heatmap(style, m, scale, false))
            .collect();
        lines.extend(beside(&pictures, gap));
    }
    lines
}

/// The probabilities as ten columns of bars (three lines of eighths), the classes
/// under them and a mark under the answer.
fn probabilities_panel(style: &Style, stage: &Stage, answer: usize) -> Vec<String> {
    const LEVELS: usize = 3;
    let title = format!(
        "{}{}",
        say!(style.lang, ja: "確率", en: "probabilities"),
        star(stage)
    );
    let mut lines = vec![style.bold(&title)];
    for level in (0..LEVELS).rev() {
        let mut line = String::new();
        for (class, &p) in stage.cells.iter().enumerate() {
            let eighths = (p.clamp(0.0, 1.0) * (LEVELS * 8) as f32).round() as usize;
            let here = eighths.saturating_sub(level * 8).min(8);
            let block = match here {
                0 => ' ',
                n => ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'][n - 1],
            };
            let block = block.to_string();
            line.push_str(&if class == answer {
                style.mark(&block)
            } else {
                block
            });
            line.push(' ');
        }
        lines.push(line.trim_end().to_string());
    }
    let classes: Vec<String> = (0..stage.cells.len()).map(|c| c.to_string()).collect();
    lines.push(classes.join(" "));
    lines.push(format!("{}▲", " ".repeat(answer * 2)));
    lines
}

/// The screen of a network's `show`: the input, each stage's feature maps as heatmaps with
/// their shapes, the dense layers as bars, the ten probabilities with the answer marked.
/// In colour it fits 80 × 24; the ASCII ramp takes a line per row of cells.
/// `function` is what the screen calls the student's network, `file` its module's file.
pub fn network_screen(style: &Style, n: &Network, function: &str, file: &str) -> String {
    let lang = style.lang;
    let answer = n.answer();
    let mut lines = Vec::new();
    let (count, index, label) = (n.count, n.index, n.label);
    let title = say!(lang,
        ja: format!("CNN の中身：テスト用の {count} 枚のうち {index} 番の画像（正解は {label}）を、学習済みの重みで読みます"),
        en: format!("Inside the CNN: test image {index} of the {count} (a {label}), read with the trained weights"),
    );
    lines.push(style.bold(&title));
    let mut notes: Vec<String> = Vec::new();
    let (rows, cols) = (n.image.rows, n.image.cols);
    let input = say!(lang,
        ja: format!("入力（{rows}×{cols}）"),
        en: format!("input ({rows}×{cols})"),
    );
    let mut panels = vec![titled(style, &input, heatmap(style, &n.image, 1.0, true))];
    // The stages drawn as maps, as many a row as each says; then the units as bars, and
    // the probabilities.
    for stage in &n.stages {
        note(style, stage, file, &mut notes);
        if let Draw::Maps { per_row } = stage.draw
            && stage.shape.len() == 3
        {
            panels.push(maps_panel(style, stage, per_row));
        }
    }
    let mut dense = Vec::new();
    for stage in n.stages.iter().filter(|s| s.draw == Draw::Units) {
        dense.push(style.bold(&stage_heading(style, stage)));
        dense.push(sparkline(&stage.cells));
    }
    panels.push(dense);
    if let Some(probs) = n.stages.last() {
        panels.push(probabilities_panel(style, probs, answer));
    }
    lines.extend(crate::text::pack(&panels, 80, 2));
    if style.depth == Depth::None {
        lines.push(ramp_legend(style));
    }
    let p = n.probabilities().get(answer).copied().unwrap_or(0.0) * 100.0;
    let verdict = match answer == label {
        true => say!(lang,
            ja: format!("答えは {answer}（確率 {p:.1}%）：正解です。"),
            en: format!("The answer is {answer} ({p:.1}%): right."),
        ),
        false => say!(lang,
            ja: format!("答えは {answer}（確率 {p:.1}%）：正解は {label} なので、間違いです。"),
            en: format!("The answer is {answer} ({p:.1}%): wrong, it is a {label}."),
        ),
    };
    lines.push(style.bold(&verdict));
    notes.dedup();
    if notes.is_empty() {
        lines.push(origin_line(style, function, file, &Origin::Student));
    }
    lines.extend(notes);
    lines.join("\n") + "\n"
}

/// `*` after a stage drawn by the reference.
fn star(stage: &Stage) -> &'static str {
    match stage.origin {
        Origin::Student => "",
        Origin::Reference(_) => "*",
    }
}

/// What the screen says of a stage: `*` and why the reference drew it (of `file`, the
/// module's file, in the student's words: "your cnn.rs is still todo!()"), or by how much
/// the student's values are off.
fn note(style: &Style, stage: &Stage, file: &str, notes: &mut Vec<String>) {
    match &stage.origin {
        Origin::Reference(_) => {
            let name = file.rsplit('/').next().unwrap_or(file);
            let plain = Style {
                color: false,
                ..*style
            };
            let why = origin_line(&plain, name, file, &stage.origin);
            notes.push(style.mark(&format!("* {why}")));
        }
        Origin::Student if stage.off_by > 1e-4 => {
            let (heading, off_by) = (stage_heading(style, stage), small(stage.off_by));
            let text = say!(style.lang,
                ja: format!("✗ {heading}：模範解答と最大 {off_by} 違います。"),
                en: format!("✗ {heading}: off from the reference's by up to {off_by}."),
            );
            notes.push(style.bad(&text));
        }
        Origin::Student => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_person_writes_them() {
        assert_eq!(number(4.0), "4");
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(number(0.254), "0.25");
        assert_eq!(number(-0.001), "0");
    }

    #[test]
    fn bars_and_ramps() {
        assert_eq!(sparkline(&[0.0, 1.0]), "▁█");
        let style = Style {
            lang: Lang::En,
            color: false,
            depth: Depth::None,
        };
        let grid = Matrix::new(1, 3, vec![0.0, 0.5, 1.0]);
        assert_eq!(
            heatmap(&style, &grid, 1.0, true),
            vec![". oo##".to_string()]
        );
        // A digit's pixels as the digits lesson draws them: 0, 1 to 5, 6 to 10, 11 to 16.
        let digit = Matrix::new(1, 5, vec![0.0, 1.0, 5.0, 6.0, 16.0]);
        assert_eq!(
            heatmap(&style, &digit, 16.0, true),
            vec![". ::::oo##".to_string()]
        );
        let signed = Matrix::new(1, 2, vec![-1.0, -0.2]);
        assert_eq!(
            heatmap(&style, &signed, 1.0, false),
            vec!["-#-:".to_string()]
        );
    }

    #[test]
    fn colours_by_the_terminal_s_depth() {
        let mut style = Style {
            lang: Lang::En,
            color: true,
            depth: Depth::True,
        };
        assert_eq!(
            color_code(&style, (255, 140, 25), false),
            "\u{1b}[38;2;255;140;25m"
        );
        let grid = Matrix::new(2, 1, vec![1.0, -1.0]);
        let cells = heatmap(&style, &grid, 1.0, false);
        assert_eq!(
            cells.len(),
            1,
            "two rows of cells in one line of half blocks"
        );
        assert!(
            cells[0].contains('▀') && cells[0].contains("48;2;38;115;255"),
            "{cells:?}"
        );
        style.depth = Depth::Palette;
        assert_eq!(color_code(&style, (255, 0, 0), true), "\u{1b}[48;5;196m");
        assert_eq!(Depth::detect(false), Depth::None);
    }
}
