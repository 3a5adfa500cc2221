//! Lesson texts in the terminal: headings, emphasis, code and matrices as the instructor
//! wrote them, and paragraphs that fit the terminal's width.
//!
//! Widths are display widths (a Japanese character takes two columns). A paragraph
//! wider than the terminal is re-flowed: English breaks at spaces, Japanese between
//! characters, never putting 、。）」 and the like at the start of a line (kinsoku), best
//! after punctuation or a particle and never inside a word of kanji or katakana when a
//! line can break elsewhere (see [`Break`]).
//! Code blocks are never wrapped, so matrices stay aligned.

use crate::paint::Colorize;
use std::io::IsTerminal;
use unicode_width::UnicodeWidthChar;

/// The display width of a line on the screen: wide characters count 2, and colour
/// codes (`ESC [ … m`) count nothing.
pub fn visible_width(line: &str) -> usize {
    let mut width = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    width
}

/// The width to wrap to: `COLUMNS` if set, else the terminal's width; `None` (no
/// wrapping) when standard output is not a terminal and `COLUMNS` is not set.
pub fn terminal_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    if columns.is_none() && !std::io::stdout().is_terminal() {
        return None;
    }
    columns
        .or_else(|| {
            crossterm::terminal::size()
                .ok()
                .map(|(w, _)| usize::from(w))
        })
        .filter(|&w| w >= 20)
}

/// Fits finished text (messages, reports; colour codes allowed) to `width` columns:
/// every line wider than that is wrapped by display width, at spaces and between
/// Japanese characters with the kinsoku rules of lesson texts, never inside a word or a
/// number. Continuation lines are indented under the first line's text, after its
/// indentation and its mark (`✗ `, `→ `, `- `, …). Lines that fit stay as they are.
pub fn fit(text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text.to_string();
    };
    let lines: Vec<String> = text.split('\n').map(|line| fit_line(line, width)).collect();
    lines.join("\n")
}

/// A space that does not break a line, inside code while fitting.
const NO_BREAK: char = '\u{a0}';

/// One line of [`fit`].
fn fit_line(line: &str, width: usize) -> String {
    // Each character with the colour codes just before it; codes at the end kept apart.
    let mut cells: Vec<(char, String)> = Vec::new();
    let mut pending = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            pending.push(c);
            for d in chars.by_ref() {
                pending.push(d);
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        cells.push((c, std::mem::take(&mut pending)));
    }
    if cells.iter().map(|(c, _)| char_width(*c)).sum::<usize>() <= width {
        return line.to_string();
    }
    // A command in backticks stays on one line when it can: its spaces do not break.
    let mut code = false;
    for (c, _) in &mut cells {
        match *c {
            '`' => code = !code,
            ' ' if code => *c = NO_BREAK,
            _ => {}
        }
    }
    // A very deep indentation would leave no room: then continuation lines start at 0.
    let indent = Some(hanging_indent(&cells))
        .filter(|&i| i * 2 < width)
        .unwrap_or(0);
    let lines = wrap(&cells, width, indent);
    let mut out = String::new();
    for (n, row) in lines.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        for (c, codes) in row {
            out.push_str(codes);
            out.push(if *c == NO_BREAK { ' ' } else { *c });
        }
    }
    out.push_str(&pending);
    out
}

/// The columns a continuation line is indented by: the leading spaces, then a mark and
/// its space (`✗ `, `✓ `, `○ `, `→ `, `- `, `• `) if the line starts with one.
fn hanging_indent(cells: &[(char, String)]) -> usize {
    let spaces = cells.iter().take_while(|(c, _)| *c == ' ').count();
    let mark = cells.get(spaces).map(|(c, _)| *c);
    let after = cells.get(spaces + 1).map(|(c, _)| *c);
    let marked =
        matches!(mark, Some('✗' | '✓' | '○' | '→' | '-' | '•' | '*' | '・')) && after == Some(' ');
    if marked {
        spaces + 1 + char_width(mark.unwrap_or(' ')).max(1)
    } else if mark == Some('・') {
        // The Japanese bullet is full width and takes no space after it.
        spaces + char_width('・')
    } else {
        spaces
    }
}

/// Renders a lesson text: `# headings` in bold, code blocks (fenced or indented) kept
/// exactly as written, `inline code` highlighted, `**emphasis**` bold (plain without
/// colour), and paragraphs wider than `width` re-flowed to fit it.
pub fn render_width(text: &str, color: bool, width: Option<usize>) -> String {
    let mut out = String::new();
    let mut in_fence = false;
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut String| {
        if !paragraph.is_empty() {
            out.push_str(&render_paragraph(paragraph, Style::Plain, color, width));
            paragraph.clear();
        }
    };
    for line in text.trim_matches('\n').lines() {
        if line.trim_start().starts_with("```") {
            flush(&mut paragraph, &mut out);
            in_fence = !in_fence;
            continue;
        }
        if in_fence || line.starts_with("    ") || line.starts_with('\t') {
            flush(&mut paragraph, &mut out);
            let code = if in_fence {
                format!("    {line}")
            } else {
                line.to_string()
            };
            out.push_str(&if color { code.cyan().to_string() } else { code });
            out.push('\n');
        } else if let Some(heading) = line.strip_prefix('#') {
            flush(&mut paragraph, &mut out);
            let heading = heading.trim_start_matches('#').trim();
            out.push_str(&render_paragraph(&[heading], Style::Heading, color, width));
        } else if line.trim().is_empty() {
            flush(&mut paragraph, &mut out);
            out.push('\n');
        } else {
            if list_marker(line).is_some() {
                flush(&mut paragraph, &mut out);
            }
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Style {
    #[default]
    Plain,
    Heading,
    Code,
    Strong,
}

/// A list item's marker and the indentation before it: `- `, `* `, `・`, `1. `.
fn list_marker(line: &str) -> Option<usize> {
    let body = line.trim_start();
    let indent = line.len() - body.len();
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    let marker = if body.starts_with("- ") || body.starts_with("* ") || body.starts_with('・') {
        2
    } else if digits > 0 && body[digits..].starts_with(". ") {
        digits + 2
    } else {
        return None;
    };
    Some(indent + marker)
}

/// One paragraph: as written when it fits, else joined and wrapped to the width.
fn render_paragraph(lines: &[&str], base: Style, color: bool, width: Option<usize>) -> String {
    let rows: Vec<Vec<(char, Style)>> = lines.iter().map(|l| cells(l, base, color)).collect();
    let fits = |row: &Vec<(char, Style)>| width.is_none_or(|w| row_width(row) <= w);
    let rows = if rows.iter().all(fits) {
        rows
    } else {
        let indent = lines.first().and_then(|l| list_marker(l)).unwrap_or(0);
        let joined = join(&rows);
        wrap(&joined, width.unwrap_or(usize::MAX), indent)
    };
    rows.iter().map(|row| paint(row, color) + "\n").collect()
}

/// The characters of a line with their style. Without colour, backticks stay (they mark
/// code plainly) and `**` goes; with colour, both become styles.
fn cells(line: &str, base: Style, color: bool) -> Vec<(char, Style)> {
    let mut out = Vec::new();
    let mut code = false;
    let mut strong = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '`' {
            code = !code;
            if !color {
                out.push((c, base));
            }
            continue;
        }
        if c == '*' && !code && chars.peek() == Some(&'*') {
            chars.next();
            strong = !strong;
            continue;
        }
        let style = if code {
            Style::Code
        } else if strong {
            Style::Strong
        } else {
            base
        };
        out.push((c, style));
    }
    out
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

fn row_width(row: &[(char, Style)]) -> usize {
    row.iter().map(|&(c, _)| char_width(c)).sum()
}

fn wide(c: char) -> bool {
    char_width(c) >= 2
}

/// The lines of a paragraph as one: a line break becomes a space in English and
/// nothing between Japanese characters. Continuation lines lose their indentation.
fn join(rows: &[Vec<(char, Style)>]) -> Vec<(char, Style)> {
    let mut out: Vec<(char, Style)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let row: &[(char, Style)] = if i == 0 {
            row
        } else {
            let start = row.iter().position(|&(c, _)| c != ' ').unwrap_or(row.len());
            &row[start..]
        };
        while out.last().is_some_and(|&(c, _)| c == ' ') {
            out.pop();
        }
        if let (Some(&(last, style)), Some(&(first, _))) = (out.last(), row.first())
            && !wide(last)
            && !wide(first)
        {
            out.push((' ', style));
        }
        out.extend_from_slice(row);
    }
    out
}

/// Characters that must not start a line (Japanese kinsoku, and closing punctuation).
fn no_line_start(c: char) -> bool {
    "、。，．・：；？！ー～…‥）」』】〕〉》］｝ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.;:!?)]}%"
        .contains(c)
}

/// Characters that must not end a line: opening brackets.
fn no_line_end(c: char) -> bool {
    "（「『【〔〈《［｛([{".contains(c)
}

/// How good a place to break a line before `row[i]` is. English breaks at spaces only.
/// Japanese has no spaces between words, so a break between two characters is judged by
/// what they are: after 、。） or before 「（ is best, and so is the end of a run of
/// hiragana before a word (after a particle: 「ケースが｜不一致」); a break inside a run of
/// katakana or kanji splits a word (「ケー｜ス」, 「不一｜致」) and comes last of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    /// Kinsoku forbids it, or it would split an English word or a number.
    Never,
    /// Inside a word: a run of kanji or katakana (「不一致」, 「カーネル」, 「ユニット数」).
    InsideWord,
    /// Between a word and its ending: 「正｜しい」, 「カーネル｜を」, 「畳み｜込み」.
    Poor,
    /// Between two characters that may part: inside a run of hiragana, or beside a
    /// Latin letter.
    Fair,
    /// At a space, after 、。）」 and the like, before 「（, or after a particle.
    Good,
}

/// What a Japanese character is, for [`break_before`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Kanji,
    Hiragana,
    Katakana,
    /// Any other wide character (full-width punctuation, letters, symbols).
    OtherWide,
    Narrow,
}

fn script(c: char) -> Script {
    match c {
        '\u{3041}'..='\u{309f}' => Script::Hiragana,
        // ー belongs to the katakana word it lengthens; ・ separates words.
        '\u{30a0}'..='\u{30ff}' if c != '・' => Script::Katakana,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '々' | '〆' => Script::Kanji,
        _ if wide(c) => Script::OtherWide,
        _ => Script::Narrow,
    }
}

/// Punctuation after which a Japanese line breaks best: 、。）」 and their kin.
fn closing(c: char) -> bool {
    "、。，．：；？！）」』】〕〉》］｝".contains(c)
}

/// Hiragana that are a whole word after a noun (particles): after one of them a line may
/// break before the next word, while after other single hiragana (okurigana, as in
/// 「畳み込み」) it had better not.
fn particle(c: char) -> bool {
    "はがをにでとのもへやか".contains(c)
}

/// How good a break before `row[i]` is (see [`Break`]).
/// `japanese` says whether the text holds Japanese: then the spaces of a formula
/// (「3 × 3 のカーネル」) and of a number with its counter are poor places too.
fn break_before<T>(row: &[(char, T)], i: usize, japanese: bool) -> Break {
    if i == 0 || i >= row.len() {
        return Break::Never;
    }
    let (before, after) = (row[i - 1].0, row[i].0);
    if before == ' ' || after == ' ' {
        // A number keeps its Japanese counter: 「1 行」, 「9 ケース」.
        let space = if before == ' ' { i - 1 } else { i };
        let number = space > 0 && row[space - 1].0.is_ascii_digit();
        let counter = row.get(space + 1).is_some_and(|&(c, _)| wide(c));
        // An operator of a formula written in Japanese text: 「3 × 3」, 「H − k + 1」.
        // An operator stands between spaces; a minus sign stuck to a number (-5.27) is
        // part of the number.
        let operator_at = |at: usize| {
            row.get(at).is_some_and(|&(c, _)| "×÷+−-=·".contains(c))
                && (at == 0 || row[at - 1].0 == ' ')
                && row.get(at + 1).is_none_or(|&(c, _)| c == ' ')
        };
        let formula = japanese && ((space > 0 && operator_at(space - 1)) || operator_at(space + 1));
        // A sign that may not start a line keeps its space too: 「100.0 %」, "31.4 %".
        let closing_after = row.get(space + 1).is_some_and(|&(c, _)| no_line_start(c));
        return if (number && counter) || formula || closing_after {
            Break::Poor
        } else {
            Break::Good
        };
    }
    if !(wide(before) || wide(after)) || no_line_start(after) || no_line_end(before) {
        return Break::Never;
    }
    if closing(before) || no_line_end(after) {
        return Break::Good;
    }
    match (script(before), script(after)) {
        (Script::Kanji | Script::Katakana, Script::Kanji | Script::Katakana) => Break::InsideWord,
        (Script::Kanji | Script::Katakana, Script::Hiragana) => Break::Poor,
        (Script::Hiragana, Script::Hiragana) => Break::Fair,
        (Script::Hiragana, _) => {
            // The end of a run of hiragana: a word ends here unless the run is a single
            // okurigana inside a word (「畳み｜込み」, 「組み｜合わせ」).
            let run = row[..i]
                .iter()
                .rev()
                .take_while(|(c, _)| script(*c) == Script::Hiragana)
                .count();
            let word_before = i > run && script(row[i - run - 1].0) == Script::Kanji;
            if run == 1 && word_before && !particle(before) {
                Break::Poor
            } else {
                Break::Good
            }
        }
        _ => Break::Fair,
    }
}

/// Where a word too long for a line breaks best: after punctuation, before a bracket.
fn soft_break<T>(row: &[(char, T)], i: usize) -> bool {
    let (before, after) = (row[i - 1].0, row[i].0);
    (matches!(before, '.' | ',' | ':' | '/') && after != ':') || after == '('
}

/// Where the line that starts at `start` breaks, given every place it may break (with
/// how good it is and how many columns the line would fill) and the room it has: the
/// best kind of break that fills at least half the line, the last of that kind; if no
/// kind does, the best kind there is. So English breaks at its last space as always,
/// and Japanese leaves a line a little short rather than split a word.
fn choose_break(candidates: &[(usize, Break, usize)], room: usize) -> Option<usize> {
    let kinds = [Break::Good, Break::Fair, Break::Poor, Break::InsideWord];
    let last_of = |kind: Break| candidates.iter().rev().find(|(_, k, _)| *k == kind);
    kinds
        .iter()
        .filter_map(|&kind| last_of(kind))
        .find(|(_, _, used)| used * 2 >= room)
        .or_else(|| kinds.iter().find_map(|&kind| last_of(kind)))
        .map(|(at, _, _)| *at)
}

/// Greedy wrapping to `width` columns; lines after the first are indented by `indent`.
fn wrap<T: Clone + Default>(row: &[(char, T)], width: usize, indent: usize) -> Vec<Vec<(char, T)>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let japanese = row.iter().any(|&(c, _)| script(c) != Script::Narrow);
    while start < row.len() {
        let pad = if lines.is_empty() { 0 } else { indent };
        if pad > 0 {
            while start < row.len() && row[start].0 == ' ' {
                start += 1;
            }
            if start == row.len() {
                break;
            }
        }
        let room = width.saturating_sub(pad).max(1);
        let mut used = 0;
        let mut end = start;
        // Every place the line may break: (before which character, how good, columns used).
        let mut candidates: Vec<(usize, Break, usize)> = Vec::new();
        while end < row.len() {
            let w = char_width(row[end].0);
            if used + w > room && row[end].0 != ' ' {
                break;
            }
            used += w;
            end += 1;
            let kind = break_before(row, end, japanese);
            if kind > Break::Never {
                let filled = used
                    - row[start..end]
                        .iter()
                        .rev()
                        .take_while(|(c, _)| *c == ' ')
                        .count();
                candidates.push((end, kind, filled));
            }
        }
        let cut = if end >= row.len() {
            row.len()
        } else {
            // A word longer than the line (code, mostly): after a `.`, `,` or `::`, or
            // before a `(`, if it has one; else where it must be cut.
            choose_break(&candidates, room)
                .or_else(|| (start + 1..end).rev().find(|&i| soft_break(row, i)))
                .unwrap_or(end.max(start + 1))
        };
        let mut line: Vec<(char, T)> = vec![(' ', T::default()); pad];
        line.extend_from_slice(&row[start..cut]);
        while line.last().is_some_and(|&(c, _)| c == ' ') {
            line.pop();
        }
        lines.push(line);
        start = cut;
        while start < row.len() && row[start].0 == ' ' {
            start += 1;
        }
    }
    lines
}

/// A row as text: runs of one style painted together.
fn paint(row: &[(char, Style)], color: bool) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < row.len() {
        let style = row[i].1;
        let run: String = row[i..]
            .iter()
            .take_while(|&&(_, s)| s == style)
            .map(|&(c, _)| c)
            .collect();
        i += run.chars().count();
        let painted = match (color, style) {
            (false, _) | (true, Style::Plain) => run,
            (true, Style::Heading) => run.bold().underline().to_string(),
            (true, Style::Code) => run.cyan().to_string(),
            (true, Style::Strong) => run.bold().magenta().to_string(),
        };
        out.push_str(&painted);
    }
    out
}

/// Blocks of lines side by side, `gap` spaces apart, top-aligned, each as wide as its
/// widest line on the screen; the lines' ends trimmed.
pub fn beside(blocks: &[Vec<String>], gap: usize) -> Vec<String> {
    let height = blocks.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = blocks
        .iter()
        .map(|b| b.iter().map(|l| visible_width(l)).max().unwrap_or(0))
        .collect();
    (0..height)
        .map(|row| {
            let mut line = String::new();
            for (i, block) in blocks.iter().enumerate() {
                let cell = block.get(row).map(String::as_str).unwrap_or("");
                line.push_str(cell);
                if i + 1 < blocks.len() {
                    let fill = (widths[i] + gap).saturating_sub(visible_width(cell));
                    line.push_str(&" ".repeat(fill));
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// Blocks of lines packed left to right, `gap` spaces apart ([`beside`]), in rows no
/// wider than `width` (a block wider than that has a row of its own).
pub fn pack(panels: &[Vec<String>], width: usize, gap: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut row: Vec<Vec<String>> = Vec::new();
    let mut used = 0;
    for panel in panels {
        let w = panel.iter().map(|l| visible_width(l)).max().unwrap_or(0);
        if !row.is_empty() && used + gap + w > width {
            lines.extend(beside(&row, gap));
            row.clear();
            used = 0;
        }
        used += if row.is_empty() { w } else { gap + w };
        row.push(panel.clone());
    }
    if !row.is_empty() {
        lines.extend(beside(&row, gap));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_side_by_side_by_display_width() {
        let lines = beside(&[vec!["画像".into(), "0 1".into()], vec!["x".into()]], 2);
        assert_eq!(lines, vec!["画像  x".to_string(), "0 1".to_string()]);
    }
    use std::sync::Mutex;
    use unicode_width::UnicodeWidthStr;

    /// Colour is switched on for all threads at once: tests that need it take turns.
    static COLOR: Mutex<()> = Mutex::new(());

    fn with_color<T>(f: impl FnOnce() -> T) -> T {
        let _turn = COLOR.lock().unwrap_or_else(|e| e.into_inner());
        crate::paint::set_enabled(true);
        let result = f();
        crate::paint::set_enabled(false);
        result
    }

    #[test]
    fn keeps_code_blocks_and_strips_heading_marks() {
        let text = "# Convolution\nSlide the `kernel`.\n```\n0 1\n1 0\n```\n    4 3 5\n";
        assert_eq!(
            render_width(text, false, None),
            "Convolution\nSlide the `kernel`.\n    0 1\n    1 0\n    4 3 5\n"
        );
    }

    #[test]
    fn emphasis_is_plain_without_colour_and_bold_with_it() {
        assert_eq!(
            render_width("It is **not** flipped.", false, None),
            "It is not flipped.\n"
        );
        let coloured = with_color(|| render_width("It is **not** flipped.", true, None));
        assert!(
            coloured.contains("\u{1b}[1;35mnot\u{1b}[0m"),
            "{coloured:?}"
        );
        assert!(!coloured.contains("**"));
    }

    #[test]
    fn paragraphs_that_fit_keep_their_lines() {
        let text = "One short line.\nAnother one.";
        assert_eq!(
            render_width(text, false, Some(40)),
            "One short line.\nAnother one.\n"
        );
    }

    #[test]
    fn english_wraps_at_spaces_to_the_width() {
        let text = "Convolution gathers the information of nearby pixels\ninto one value, and the kernel is not flipped.";
        let out = render_width(text, false, Some(30));
        for line in out.lines() {
            assert!(line.width() <= 30, "{line:?} in\n{out}");
            assert!(!line.starts_with(' ') && !line.ends_with(' '), "{line:?}");
        }
        let words: Vec<&str> = out.split_whitespace().collect();
        assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn japanese_wraps_by_display_width_without_kinsoku_breaks() {
        let text = "畳み込みにはカーネル（フィルタ）を使います。画像からカーネルと\n同じ大きさの部分を切り出し、同じ位置どうしの掛け算の合計を求めます。";
        for width in 20..40 {
            let out = render_width(text, false, Some(width));
            for line in out.lines() {
                assert!(line.width() <= width, "{width}: {line:?}");
                let first = line.chars().next().unwrap();
                assert!(!no_line_start(first), "{width}: a line starts with {first}");
                let last = line.chars().last().unwrap();
                assert!(!no_line_end(last), "{width}: a line ends with {last}");
            }
            // Nothing is lost or added: joining the lines gives the text back.
            assert_eq!(out.replace('\n', ""), text.replace('\n', ""), "{width}");
        }
    }

    #[test]
    fn mixed_text_keeps_words_whole_and_spaces_between_them() {
        let text = "結果は (H − kh + 1) × (W − kw + 1) です。パディングはなし、ずらす幅は 1 です。";
        let out = render_width(text, false, Some(24));
        for line in out.lines() {
            assert!(line.width() <= 24, "{line:?}");
        }
        assert!(!out.contains("k\nh") && !out.contains("k\nw"), "{out}");
    }

    #[test]
    fn code_blocks_are_never_wrapped() {
        let code = "    元画像（5x5）     カーネル（3x3）   畳み込み結果\n    0 1 1 0 1         1 0 1             4 3 5";
        let out = render_width(code, false, Some(20));
        assert_eq!(out, format!("{code}\n"));
    }

    #[test]
    fn list_items_wrap_under_their_text() {
        let text = "- the first item is long enough to wrap\n- the second";
        let out = render_width(text, false, Some(20));
        assert_eq!(
            out,
            "- the first item is\n  long enough to\n  wrap\n- the second\n"
        );
    }

    #[test]
    fn emphasis_and_code_survive_a_line_break() {
        let out =
            with_color(|| render_width("aaaa **bold words here** and `some code`", true, Some(12)));
        assert!(!out.contains("**") && !out.contains('`'), "{out:?}");
        for line in out.lines() {
            let plain: String = strip_ansi(line);
            assert!(plain.width() <= 12, "{plain:?}");
        }
    }

    fn strip_ansi(text: &str) -> String {
        crate::grade::clean(text)
    }

    #[test]
    fn long_code_breaks_after_a_dot_or_before_a_bracket() {
        let out = render_width(
            "Zip::from(image.windows(k)).map_collect(f)",
            false,
            Some(20),
        );
        assert_eq!(out, "Zip::from(image.\nwindows(k)).\nmap_collect(f)\n");
    }

    #[test]
    fn report_lines_never_break_inside_a_number() {
        let line =
            "✗ 隠しテスト 9 個のうち 4 個が通りませんでした（125 ケース中 25 ケースが不一致）。";
        for width in 20..60 {
            let out = fit(line, Some(width));
            for (i, row) in out.lines().enumerate() {
                assert!(row.width() <= width, "{width}: {row:?}");
                assert!(
                    !no_line_start(row.trim_start().chars().next().unwrap()),
                    "{width}: {row:?}"
                );
                if i > 0 {
                    assert!(
                        row.starts_with("  ") && !row.starts_with("   "),
                        "{width}: {row:?}"
                    );
                }
            }
            // The numbers are whole on some line.
            let joined: String = out.lines().map(str::trim_start).collect();
            assert!(
                joined.contains("125") && joined.contains("25 ケース"),
                "{width}: {out}"
            );
            for number in ["125", "25", "9", "4"] {
                let pieces = out.lines().filter(|l| l.contains(number)).count();
                assert!(pieces >= 1, "{width}: {number} lost in\n{out}");
            }
            assert_eq!(joined.replace(' ', ""), line.replace(' ', ""), "{width}");
        }
    }

    #[test]
    fn fitting_keeps_short_lines_colours_and_indentation() {
        assert_eq!(fit("short\n    line", Some(20)), "short\n    line");
        assert_eq!(
            fit("no width at all, so no wrapping", None),
            "no width at all, so no wrapping"
        );
        let out = fit(
            "    The worst cell is [1, 2]: expected 4, got 5 (difference 1; tolerance 0.0001).",
            Some(40),
        );
        assert_eq!(
            out,
            "    The worst cell is [1, 2]: expected\n    4, got 5 (difference 1; tolerance\n    0.0001)."
        );
        let red = with_color(|| format!("✗ {} and some more words after it", "red words".red()));
        let out = fit(&red, Some(16));
        assert!(
            out.contains("\u{1b}[31m") && out.contains("\u{1b}[0m"),
            "{out:?}"
        );
        for line in out.lines() {
            assert!(strip_ansi(line).width() <= 16, "{line:?}");
        }
        assert_eq!(
            strip_ansi(&out),
            "✗ red words and\n  some more\n  words after it"
        );
    }

    #[test]
    fn a_command_in_backticks_stays_whole_when_it_fits() {
        let out = fit(
            "Fix it, save, and run `cargo run -p checker -- next` again.",
            Some(40),
        );
        assert_eq!(
            out,
            "Fix it, save, and run\n`cargo run -p checker -- next` again."
        );
    }

    /// Sentences from the checker's Japanese messages and lessons.
    const JAPANESE: [&str; 6] = [
        "✗ 隠しテスト 2 個のうち 2 個が通りませんでした（9 ケース中 9 ケースが不一致）。",
        "    8 ケース中 8 ケースが不一致です。最初の不一致（ケース 1、シード 10）：",
        "    いちばん離れているのは [1] です。正しい値は -6、あなたの結果は 1（差 7、許容誤差 0.0001）。",
        "→ よくある間違いに当てはまります。k を掛けずに足しています。拡大は掛け算です。",
        "畳み込みにはカーネル（フィルタ）を使います。画像からカーネルと同じ大きさの部分を切り出し、同じ位置どうしの掛け算の合計を求めます。",
        "全結合層では、前の層のすべてのユニットが次の層のすべてのユニットにつながります。プーリングは画像を小さくします。",
    ];

    /// Words a line must never split, wherever the sentence is cut.
    const WORDS: [&str; 14] = [
        "不一致",
        "ケース",
        "シード",
        "最初",
        "正しい",
        "許容誤差",
        "隠しテスト",
        "カーネル",
        "畳み込み",
        "掛け算",
        "ユニット",
        "全結合層",
        "プーリング",
        "当てはまります",
    ];

    #[test]
    fn japanese_never_splits_a_katakana_or_kanji_word() {
        for line in JAPANESE {
            for width in 24..=80 {
                let out = fit(line, Some(width));
                let rows: Vec<&str> = out.lines().collect();
                for row in &rows {
                    assert!(row.width() <= width, "{width}: {row:?}");
                }
                for pair in rows.windows(2) {
                    let (end, next) = (pair[0], pair[1].trim_start());
                    let joined = format!("{end}{next}");
                    for word in WORDS {
                        let split = (1..word.chars().count()).any(|k| {
                            let head: String = word.chars().take(k).collect();
                            let tail: String = word.chars().skip(k).collect();
                            end.ends_with(&head) && next.starts_with(&tail)
                        });
                        assert!(!split, "{width}: {word} split in\n{out}");
                    }
                    assert!(joined.contains(next));
                }
                // Nothing is lost: the lines joined give the sentence back.
                let joined: String = rows.iter().map(|r| r.trim_start()).collect();
                assert_eq!(joined.replace(' ', ""), line.replace(' ', ""), "{width}");
            }
        }
    }

    #[test]
    fn japanese_breaks_after_punctuation_and_particles() {
        assert_eq!(
            fit(JAPANESE[0], Some(40)),
            "✗ 隠しテスト 2 個のうち 2 個が\n  通りませんでした（9 ケース中\n  9 ケースが不一致）。"
        );
        assert_eq!(
            render_width(JAPANESE[4], false, Some(40)),
            "畳み込みにはカーネル（フィルタ）を\n使います。画像からカーネルと同じ大きさの\n部分を切り出し、同じ位置どうしの掛け算の\n合計を求めます。\n"
        );
    }

    #[test]
    fn a_japanese_bullet_hangs_its_lines_under_its_text() {
        let item = "  ・畳み込み層のバイアスを数えていません。出力チャンネルごとに、カーネルのほかにバイアスが 1 つあります。";
        let out = fit(item, Some(60));
        let rows: Vec<&str> = out.lines().collect();
        assert!(rows.len() > 1, "{out}");
        for row in &rows[1..] {
            assert!(
                row.starts_with("    ") && !row.starts_with("     "),
                "{out}"
            );
        }
    }

    #[test]
    fn a_number_keeps_its_counter() {
        let line = "→ よくある間違いに当てはまります。バイアスが足されていません。各出力は、重みの 1 行と入力の内積に、その出力のバイアス bias[j] を足したものです。";
        let out = fit(line, Some(80));
        assert!(!out.contains(" 1\n"), "{out}");
        assert!(out.contains("1 行"), "{out}");
        for width in 24..=80 {
            let out = fit(JAPANESE[0], Some(width));
            for number in ["2", "9"] {
                assert!(!out.contains(&format!(" {number}\n")), "{width}: {out}");
            }
        }
        // A formula in Japanese text stays whole when the line can break elsewhere.
        let hint = "畳み込み層のバイアスは、カーネルごとではなく出力チャンネルごとに 1 つです。3 × 3 のカーネルの重みは 3 個ではなく 9 個です。";
        for width in 30..=80 {
            let out = fit(hint, Some(width));
            assert!(out.contains("3 × 3"), "{width}: {out}");
        }
        // A negative number is not an operator: the line may break before it.
        let out = fit(
            "    正しい値は 5.2662、あなたの結果は -5.27（差 10.5362、許容誤差",
            Some(40),
        );
        assert!(out.contains("あなたの結果は\n"), "{out}");
        // A percent sign stays with its number, in both languages.
        let out = fit("10 枚を正しく読みました（正解率 100.0 %）。", Some(36));
        assert!(out.contains("100.0 %"), "{out}");
        assert_eq!(
            fit("it read 31.4 % right", Some(12)),
            "it read\n31.4 % right"
        );
        // English numbers part from their words as before.
        assert_eq!(fit("it has 12 rows", Some(9)), "it has 12\nrows");
    }

    #[test]
    fn a_japanese_word_longer_than_the_line_is_still_cut() {
        let out = fit("プログラミングコンテストチャレンジ", Some(20));
        assert_eq!(out, "プログラミングコンテ\nストチャレンジ");
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let out = render_width("abcdefghijklmnopqrstuvwxyz", false, Some(10));
        assert_eq!(out, "abcdefghij\nklmnopqrst\nuvwxyz\n");
    }
}
