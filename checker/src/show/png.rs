//! `--png DIR`: the same pictures as PNG files, for slides and reports. Each map is drawn
//! cell by cell as a square of [`CELL`] pixels in the terminal's colours (gray for the
//! input, orange for positive and blue for negative values), maps [`GAP`] pixels apart.

use super::model::{Matrix, Sliding, range_of};
use super::render::heat;
use anyhow::{Context as _, Result};
use std::path::{Path, PathBuf};

/// The side of one cell, in pixels.
pub const CELL: usize = 16;
/// The space between maps, in pixels (white).
pub const GAP: usize = 4;

/// An RGB picture.
pub(super) struct Picture {
    pub(super) width: usize,
    pub(super) height: usize,
    pub(super) pixels: Vec<u8>,
}

impl Picture {
    pub(super) fn new(width: usize, height: usize) -> Picture {
        Picture {
            width,
            height,
            pixels: vec![255; width * height * 3],
        }
    }

    pub(super) fn fill(&mut self, x: usize, y: usize, w: usize, h: usize, (r, g, b): (u8, u8, u8)) {
        for row in y..(y + h).min(self.height) {
            for col in x..(x + w).min(self.width) {
                let i = (row * self.width + col) * 3;
                self.pixels[i..i + 3].copy_from_slice(&[r, g, b]);
            }
        }
    }

    pub(super) fn write(&self, path: &Path) -> Result<()> {
        let file = std::fs::File::create(path).with_context(|| path.display().to_string())?;
        let mut encoder = png::Encoder::new(
            std::io::BufWriter::new(file),
            u32::try_from(self.width)?,
            u32::try_from(self.height)?,
        );
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&self.pixels)?;
        writer.finish()?;
        Ok(())
    }
}

/// Maps side by side, `per_row` a row, each value scaled by `scale` (gray: 0 to 1).
pub(super) fn maps(grids: &[Matrix], per_row: usize, scale: f32, gray: bool) -> Picture {
    let per_row = per_row.max(1);
    let (rows, cols) = grids.first().map(|g| (g.rows, g.cols)).unwrap_or((0, 0));
    let across = grids.len().min(per_row);
    let down = grids.len().div_ceil(per_row);
    let width = (across * (cols * CELL + GAP)).saturating_sub(GAP).max(1);
    let height = (down * (rows * CELL + GAP)).saturating_sub(GAP).max(1);
    let mut picture = Picture::new(width, height);
    let scale = if scale > 0.0 { scale } else { 1.0 };
    for (i, grid) in grids.iter().enumerate() {
        let (x0, y0) = (
            (i % per_row) * (cols * CELL + GAP),
            (i / per_row) * (rows * CELL + GAP),
        );
        for r in 0..grid.rows {
            for c in 0..grid.cols {
                let color = heat(grid.get(r, c) / scale, gray);
                picture.fill(x0 + c * CELL, y0 + r * CELL, CELL, CELL, color);
            }
        }
    }
    picture
}

pub(super) fn scale_of(cells: &[f32]) -> f32 {
    let (low, high) = range_of(cells);
    low.abs().max(high.abs())
}

/// `show NAME --png DIR` of a sliding window: the image, the kernel and the output, a
/// file each, named after the show.
pub fn sliding(dir: &Path, name: &str, s: &Sliding) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let mut written = Vec::new();
    let mut parts = vec![("image", &s.image, true), ("output", &s.output, false)];
    if let Some(kernel) = &s.kernel {
        parts.insert(1, ("kernel", kernel, false));
    }
    for (part, grid, gray) in parts {
        let scale = if gray {
            scale_of(&s.image.cells)
        } else {
            scale_of(&grid.cells)
        };
        let path = dir.join(format!("{name}-{part}.png"));
        maps(std::slice::from_ref(grid), 1, scale, gray).write(&path)?;
        written.push(path);
    }
    Ok(written)
}
