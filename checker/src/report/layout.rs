//! How values are laid out as text: numbers, shapes, indices, arrays drawn as matrices
//! (a window around the worst cell when large) and blocks placed side by side.

use crate::messages::Msg;
use crate::paint::Colorize;
use cnnlings_runtime::{Cells, Value};
use unicode_width::UnicodeWidthStr;

/// Numbers as a person reads them: `4`, `-0.25`, `0.3333`, `1.2e-7`.
pub(super) use cnnlings_runtime::elem::number;

pub(super) fn shape_text(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n})"),
        _ => crate::lesson::draw::shape_text(shape),
    }
}

pub(super) fn index_text(shape: &[usize], flat: usize) -> String {
    if shape.is_empty() {
        return String::new();
    }
    let mut rest = flat;
    let mut index = vec![0; shape.len()];
    for (d, &n) in shape.iter().enumerate().rev() {
        index[d] = rest % n.max(1);
        rest /= n.max(1);
    }
    let index: Vec<String> = index.iter().map(usize::to_string).collect();
    format!("[{}]", index.join(", "))
}

/// The largest block shown in full; a larger array is shown around its worst cell.
const MAX_ROWS: usize = 10;
const MAX_COLS: usize = 10;

/// A value drawn as lines of text. `mark` flags cells to highlight; `focus` is the
/// cell to keep in view when the value is too large to show whole.
#[cfg(test)]
fn draw(
    m: Msg,
    value: &Cells,
    shape: &[usize],
    mark: Option<&[bool]>,
    focus: usize,
    color: bool,
) -> Vec<String> {
    let fit = CellFit {
        width: cell_width(value),
        columns: MAX_COLS,
    };
    draw_with_width(m, value, shape, mark, focus, color, fit)
}

/// How the cells of a drawn value are laid out: each `width` columns wide, and at most
/// `columns` of them on a line.
#[derive(Clone, Copy, Debug)]
pub(super) struct CellFit {
    pub width: usize,
    pub columns: usize,
}

impl CellFit {
    /// Cells `width` wide, as many as fit in `room` columns of screen beside the marks of
    /// columns left out (`… ` and ` …`): at most [`MAX_COLS`], at least 2.
    pub fn within(room: usize, width: usize) -> CellFit {
        CellFit {
            width,
            columns: (room.saturating_sub(4) / (width + 2)).clamp(2, MAX_COLS),
        }
    }
}

pub(super) fn cell_width(value: &Cells) -> usize {
    (0..value.len())
        .map(|i| value.text(i).width())
        .max()
        .unwrap_or(1)
}

pub(super) fn draw_with_width(
    m: Msg,
    value: &Cells,
    shape: &[usize],
    mark: Option<&[bool]>,
    focus: usize,
    color: bool,
    fit: CellFit,
) -> Vec<String> {
    let CellFit { width, columns } = fit;
    let cell = |i: usize| value.text(i);
    let (rows, cols) = match shape {
        [] => (1, 1),
        [n] => (1, *n),
        _ => (shape[shape.len() - 2], shape[shape.len() - 1]),
    };
    let plane = rows * cols;
    let planes = value.len().checked_div(plane).unwrap_or(0);
    let mut lines = Vec::new();
    if value.is_empty() {
        lines.push(m.empty_value());
        return lines;
    }
    // Which planes (the leading indices of a 3-D or 4-D array) to show.
    let focus_plane = focus / plane.max(1);
    let shown_planes: Vec<usize> = if planes <= 2 {
        (0..planes).collect()
    } else {
        vec![focus_plane]
    };
    let window = |n: usize, at: usize, max: usize| {
        if n <= max {
            0..n
        } else {
            let start = at.saturating_sub(max / 2).min(n - max);
            start..start + max
        }
    };
    let (focus_row, focus_col) = ((focus % plane) / cols, focus % cols);
    let row_range = window(rows, focus_row, MAX_ROWS);
    let col_range = window(cols, focus_col, columns.max(1));
    for p in shown_planes {
        if shape.len() > 2 {
            let lead = index_text(&shape[..shape.len() - 2], p);
            let lead = lead.trim_end_matches(']');
            lines.push(format!("{lead}, :, :]"));
        }
        if row_range.start > 0 {
            lines.push(format!("  ⋮ {}", m.rows_above(row_range.start)));
        }
        for r in row_range.clone() {
            let mut line = String::new();
            if col_range.start > 0 {
                line.push_str("… ");
            }
            for c in col_range.clone() {
                let i = p * plane + r * cols + c;
                let text = format!("{:>width$}", cell(i));
                let marked = mark.is_some_and(|m| m[i]);
                let shown = match (marked, color) {
                    (true, true) => format!(" {} ", text.red().bold()),
                    (true, false) => format!(" {text}*"),
                    (false, _) => format!(" {text} "),
                };
                line.push_str(&shown);
            }
            if col_range.end < cols {
                line.push_str(" …");
            }
            lines.push(line.trim_end().to_string());
        }
        if row_range.end < rows {
            lines.push(format!("  ⋮ {}", m.rows_below(rows - row_range.end)));
        }
    }
    if planes > 2 {
        lines.push(format!("  {}", m.planes_shown(1, planes)));
    }
    lines
}

/// Blocks of lines under their titles, placed side by side as far as the width allows,
/// then on further rows.
pub(super) fn side_by_side(
    blocks: &[(String, Vec<String>)],
    indent: &str,
    max_width: usize,
) -> String {
    let titled: Vec<Vec<String>> = (blocks.iter())
        .map(|(title, lines)| std::iter::once(title).chain(lines).cloned().collect())
        .collect();
    let mut out = String::new();
    for line in crate::text::pack(&titled, max_width.saturating_sub(indent.len()), 4) {
        out.push_str(format!("{indent}{line}").trim_end());
        out.push('\n');
    }
    out
}

/// The widest a report line gets before blocks go below one another.
pub(super) const MAX_WIDTH: usize = 100;

/// Inputs are shown when they are small enough to read: numbers and arrays of at most
/// two dimensions and twelve columns, 160 numbers in all.
pub(super) fn inputs_are_small(args: &[Value]) -> bool {
    let cells: usize = args.iter().map(Value::cell_count).sum();
    cells <= 160
        && args.iter().all(|a| match a {
            Value::Array { shape, .. } => shape.len() <= 2 && shape.last().is_none_or(|&c| c <= 12),
            Value::Tuple(_) => false,
        })
}

/// A value in one line: a number, an array's shape, a tuple's parts.
pub(super) fn value_line(value: &Value) -> String {
    match value {
        Value::Array { shape, cells } if shape.is_empty() => cells.text(0),
        Value::Array { shape, .. } => shape_text(shape),
        Value::Tuple(parts) => {
            let parts: Vec<String> = parts.iter().map(value_line).collect();
            format!("({})", parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::text::visible_width;

    #[test]
    fn draws_matrices_aligned_with_marks() {
        let lines = draw(
            Msg(Lang::En),
            &Cells::F32(vec![4.0, 3.0, 5.0, -4.0, 3.0, 15.0]),
            &[2, 3],
            Some(&[false, false, true, false, false, false]),
            2,
            false,
        );
        assert_eq!(lines, vec!["  4   3   5*", " -4   3  15"]);
        assert_eq!(index_text(&[2, 3], 5), "[1, 2]");
    }

    #[test]
    fn large_arrays_show_a_window_around_the_worst_cell() {
        let data = Cells::F32((0..400).map(|i| i as f32).collect());
        let lines = draw(Msg(Lang::En), &data, &[20, 20], None, 399, false);
        assert!(lines[0].contains("rows above"));
        assert!(lines.last().is_some_and(|l| l.ends_with("399")));
    }

    #[test]
    fn a_wide_matrix_shows_the_columns_that_fit_the_screen() {
        // train's fc1 weights, 10 columns of 7 characters: 99 columns drawn whole, on a
        // screen of 80 with the report's indent of 6.
        let data = Cells::F32((0..40).map(|i| -0.2583 + i as f32 / 1000.0).collect());
        let width = cell_width(&data);
        let lines = draw_with_width(
            Msg(Lang::En),
            &data,
            &[4, 10],
            None,
            39,
            false,
            CellFit::within(74, width),
        );
        for line in &lines {
            assert!(visible_width(line) <= 74, "{line:?}");
        }
        // The worst cell stays in view, the columns left out are marked.
        assert!(lines[3].ends_with("-0.2193"), "{lines:?}");
        assert!(lines[3].starts_with("… "), "{lines:?}");
        // A screen too narrow for even that shows 2 columns, not none.
        assert_eq!(CellFit::within(5, width).columns, 2);
        assert_eq!(CellFit::within(200, width).columns, MAX_COLS);
    }

    #[test]
    fn side_by_side_pads_by_display_width() {
        let text = side_by_side(
            &[
                ("正しい値".into(), vec!["1".into()]),
                ("got".into(), vec!["2".into()]),
            ],
            "",
            MAX_WIDTH,
        );
        assert_eq!(text, "正しい値    got\n1           2\n");
    }
}
