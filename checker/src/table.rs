//! Plain text tables, aligned by display width so Japanese titles line up too.

use unicode_width::UnicodeWidthStr;

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// The lines of a table: the header, then each row; columns two spaces apart.
pub fn render(header: &[&str], rows: &[Vec<String>], align: &[Align]) -> Vec<String> {
    let width = |c: usize| {
        rows.iter()
            .map(|r| r.get(c).map_or(0, |cell| cell.width()))
            .chain([header.get(c).map_or(0, |h| h.width())])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let padded: Vec<String> = cells
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| {
                let pad = " ".repeat(w.saturating_sub(cell.width()));
                match align.get(c) {
                    Some(Align::Right) => format!("{pad}{cell}"),
                    _ => format!("{cell}{pad}"),
                }
            })
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    std::iter::once(line(&mut header.iter().copied()))
        .chain(
            rows.iter()
                .map(|row| line(&mut row.iter().map(String::as_str))),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_wide_characters_and_right_columns() {
        let rows = vec![
            vec!["畳み込み".to_string(), "5".to_string()],
            vec!["pool".to_string(), "10".to_string()],
        ];
        let lines = render(&["title", "n"], &rows, &[Align::Left, Align::Right]);
        assert_eq!(lines, vec!["title      n", "畳み込み   5", "pool      10"]);
    }
}
