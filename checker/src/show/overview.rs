//! `show NAME --png DIR` of a network: one labelled picture of the whole network, for
//! slides and reports: a title, each stage's maps (as [`png`](super::png) draws them)
//! under its name and shape, left to right with arrows, the classes with their
//! probabilities and the answer marked, and a legend. The labels are the stages' names as
//! the lesson's `[[show.stages]]` writes them (a name used twice numbered: relu1, relu2)
//! in an 8×8 bitmap font, which has no kanji: they read the same in either language.

use super::model::{Network, Origin, Stage};
use super::png::{CELL, GAP, Picture, maps, scale_of};
use super::render::{heat, number};
use crate::lesson::draw::shape_text as shape;
use crate::lesson::picture::Draw;
use anyhow::{Context as _, Result};
use std::path::{Path, PathBuf};

/// The white border round the picture, in pixels.
pub const MARGIN: usize = 16;
/// Where the layers start, below the title.
pub const TOP: usize = 56;
/// The height of a layer's labels above its maps.
pub const LABELS: usize = 44;
/// The space between a layer and the next (an arrow stands in it).
pub const BETWEEN: usize = 36;
/// The length of a probability of 1 in the class chart.
pub const BAR: usize = 160;

const INK: (u8, u8, u8) = (0, 0, 0);
const GREY: (u8, u8, u8) = (90, 90, 90);
const MARK: (u8, u8, u8) = (176, 0, 32);

/// The glyph of a character in the 8×8 font: ASCII and Latin-1 (× is there); none else.
fn glyph(c: char) -> Option<[u8; 8]> {
    let code = c as usize;
    match code {
        0..=127 => font8x8::legacy::BASIC_LEGACY.get(code).copied(),
        0xA0..=0xFF => font8x8::legacy::LATIN_LEGACY.get(code - 0xA0).copied(),
        _ => None,
    }
}

/// The width of `text` at `scale`, in pixels.
fn text_width(text: &str, scale: usize) -> usize {
    text.chars().count() * 8 * scale
}

impl Picture {
    /// `text` with its top left corner at (x, y), each font pixel `scale`² pixels.
    fn text(&mut self, x: usize, y: usize, text: &str, scale: usize, color: (u8, u8, u8)) {
        for (i, c) in text.chars().enumerate() {
            let Some(rows) = glyph(c) else { continue };
            for (r, bits) in rows.iter().enumerate() {
                for col in 0..8 {
                    if bits & (1 << col) != 0 {
                        let px = x + (i * 8 + col) * scale;
                        self.fill(px, y + r * scale, scale, scale, color);
                    }
                }
            }
        }
    }

    /// Another picture pasted with its top left corner at (x, y).
    fn paste(&mut self, other: &Picture, x: usize, y: usize) {
        for row in 0..other.height {
            for col in 0..other.width {
                let (tx, ty) = (x + col, y + row);
                if tx >= self.width || ty >= self.height {
                    continue;
                }
                let from = (row * other.width + col) * 3;
                let to = (ty * self.width + tx) * 3;
                self.pixels[to..to + 3].copy_from_slice(&other.pixels[from..from + 3]);
            }
        }
    }
}

/// One column of the overview: its labels and its picture.
struct Column {
    name: String,
    shape: String,
    note: String,
    /// Whether the note is a warning (the reference's values, or a difference).
    marked: bool,
    picture: Picture,
}

fn stage_column(stage: &Stage, name: String) -> Column {
    let scale = scale_of(&stage.cells);
    let per_row = if stage.shape.len() == 3 { 2 } else { 1 };
    let grids = stage.maps();
    let picture = if stage.shape.len() == 3 {
        maps(&grids, per_row, scale, false)
    } else {
        // A vector stands as a column of units.
        let cells = &stage.cells;
        let mut p = Picture::new(CELL, cells.len() * CELL / 2);
        let s = if scale > 0.0 { scale } else { 1.0 };
        for (i, &x) in cells.iter().enumerate() {
            p.fill(0, i * CELL / 2, CELL, CELL / 2, heat(x / s, false));
        }
        p
    };
    let (note, marked) = match &stage.origin {
        Origin::Reference(_) => ("* reference".to_string(), true),
        Origin::Student if stage.off_by > 1e-4 || stage.off_by.is_nan() => {
            (format!("! off by {}", number(stage.off_by)), true)
        }
        Origin::Student => (format!("|max| {}", number(scale)), false),
    };
    Column {
        name,
        shape: shape(&stage.shape),
        note,
        marked,
        picture,
    }
}

/// The classes as bars, the answer marked.
fn classes(stage: &Stage, answer: usize) -> Picture {
    let rows = stage.cells.len();
    let row = 20;
    let mut p = Picture::new(2 * 8 * 2 + 8 + BAR + 8 + 7 * 8 * 2, rows * row);
    for (k, &prob) in stage.cells.iter().enumerate() {
        let y = k * row;
        let color = if k == answer { INK } else { GREY };
        p.text(0, y + 2, &format!("{k}"), 2, color);
        let length = (prob.clamp(0.0, 1.0) * BAR as f32).round() as usize;
        p.fill(40, y + 4, BAR, 10, (225, 225, 225));
        p.fill(
            40,
            y + 4,
            length,
            10,
            if k == answer { INK } else { (59, 82, 139) },
        );
        let percent = format!("{:.1}%", prob * 100.0);
        p.text(
            40 + BAR + 8,
            y + 3,
            &percent,
            if k == answer { 2 } else { 1 },
            color,
        );
    }
    p
}

/// `show NAME --png DIR`: `DIR/NAME.png`, the whole network on the input, computed by
/// `function` (the name the lesson's `[show]` gives the network).
pub fn write(dir: &Path, name: &str, function: &str, n: &Network) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let answer = n.answer();
    let mut columns = vec![Column {
        name: "input".into(),
        shape: shape(&[n.image.rows, n.image.cols]),
        note: "ink: 0-1".into(),
        marked: false,
        picture: maps(std::slice::from_ref(&n.image), 1, 1.0, true),
    }];
    let mut probabilities = None;
    for (stage, id) in n.stages.iter().zip(n.stage_ids()) {
        if stage.draw == Draw::Probabilities {
            let mut column = stage_column(stage, id);
            column.picture = classes(stage, answer);
            if !column.marked {
                column.note = "probabilities".into();
            }
            probabilities = Some(column);
        } else {
            columns.push(stage_column(stage, id));
        }
    }
    columns.extend(probabilities);
    let widths: Vec<usize> = columns
        .iter()
        .map(|c| {
            let labels = text_width(&c.name, 2)
                .max(text_width(&c.shape, 1))
                .max(text_width(&c.note, 1));
            labels.max(c.picture.width)
        })
        .collect();
    let tallest = columns.iter().map(|c| c.picture.height).max().unwrap_or(0);
    let width = 2 * MARGIN + widths.iter().sum::<usize>() + BETWEEN * (columns.len() - 1);
    let height = TOP + LABELS + tallest + 2 * GAP + 40 + MARGIN;
    let mut picture = Picture::new(width, height);

    let verdict = if answer == n.label { "right" } else { "wrong" };
    let p = n.probabilities().get(answer).copied().unwrap_or(0.0) * 100.0;
    let title = format!(
        "Test input {} (a {}) through {function}: the answer is {answer} ({p:.1}%), {verdict}",
        n.index, n.label
    );
    picture.text(MARGIN, MARGIN, &title, 2, INK);

    let mut x = MARGIN;
    for (i, (column, w)) in columns.iter().zip(&widths).enumerate() {
        picture.text(x, TOP, &column.name, 2, INK);
        picture.text(x, TOP + 20, &column.shape, 1, GREY);
        let color = if column.marked { MARK } else { GREY };
        picture.text(x, TOP + 32, &column.note, 1, color);
        picture.paste(&column.picture, x, TOP + LABELS);
        if i + 1 < columns.len() {
            let y = TOP + LABELS + column.picture.height.min(tallest) / 2;
            picture.text(x + w + (BETWEEN - 16) / 2, y, "->", 1, GREY);
        }
        x += w + BETWEEN;
    }
    let mut legend = String::from(
        "orange: positive, blue: negative, brighter: larger (each layer scaled to its |max|)",
    );
    if n.stages
        .iter()
        .any(|s| matches!(s.origin, Origin::Reference(_)))
    {
        legend.push_str("; * the reference's values: your code is not written yet or failed");
    }
    picture.text(MARGIN, height - MARGIN - 10, &legend, 1, GREY);

    let path = dir.join(format!("{name}.png"));
    picture.write(&path)?;
    Ok(vec![path])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_digits_and_the_times_sign_have_glyphs() {
        for c in ['a', 'Z', '7', '%', '×', '|'] {
            assert!(
                glyph(c).is_some_and(|g| g.iter().any(|&row| row != 0)),
                "{c}"
            );
        }
        assert_eq!(glyph('畳'), None);
        let mut p = Picture::new(24, 8);
        p.text(0, 0, "I", 1, INK);
        assert!(p.pixels.contains(&0), "the I is drawn");
        assert_eq!(text_width("conv1", 2), 80);
    }
}
