//! toml's errors about a lesson file, as its author reads them in English and Japanese.
//!
//! toml reports two kinds of error. Those of the file's structure (an unknown field, a
//! missing one, a value of the wrong type) come from serde in a few fixed forms: each is
//! read and said again in both languages, the unknown field with the closest one
//! suggested. Those of TOML's syntax come from toml's parser in some forty forms: the
//! common ones are translated; for any other, the Japanese says that the file cannot be
//! read as TOML, where (the caret), and quotes toml's own words after it, marked as
//! toml's (「toml の説明」), since no translation of ours can replace the detail.

use super::{Bilingual, LessonError};

/// toml's error as ours.
/// The errors of a lesson file that does not fit the format, as many as can be found in
/// one reading: toml stops at the first, so after an unknown field on a line of its own
/// (a typo such as `tolerence = 0.1`) that line is blanked and the file read again, up to
/// [`MAX_ERRORS`] times. The blanked lines keep their length, so every error's place is
/// its place in the file as written.
pub fn all_of<T: serde::de::DeserializeOwned>(
    source: &str,
    first: &toml::de::Error,
) -> Vec<LessonError> {
    let mut errors = vec![of(first)];
    let mut text = source.to_string();
    let mut error = first.clone();
    while errors.len() < MAX_ERRORS {
        let Some(line) = unknown_field_line(&text, &error) else {
            break;
        };
        let replacement = corrected(&text[line.clone()], error.message());
        text.replace_range(line, &replacement);
        match toml::from_str::<T>(&text) {
            Ok(_) => break,
            // Most likely the field that was misspelt: the first error said so.
            Err(next) if next.message().starts_with("missing field `") => break,
            Err(next) => {
                errors.push(of(&next));
                error = next;
            }
        }
    }
    // In the order of the file, as an author reads it.
    errors.sort_by_key(|e| e.span.as_ref().map_or(usize::MAX, |s| s.start));
    errors
}

/// A line with an unknown field, to read on with: the field most likely meant with the
/// same value (`sed = 2001` becomes `seed=2001 `), so that the next reading does not
/// stop at that field missing; else blank. Either way as long as the line was, so that
/// every later place in the file stays where it is.
fn corrected(line: &str, message: &str) -> String {
    let width = line.len();
    let meant = message
        .strip_prefix("unknown field `")
        .and_then(|rest| closest_field(rest).2)
        .map(|name| name.trim_matches('`').to_string());
    if let (Some(name), Some((_, value))) = (meant, line.split_once('='))
        && name.len() + 1 + value.trim().len() <= width
    {
        return format!("{name}={:<1$}", value.trim(), width - name.len() - 1);
    }
    " ".repeat(width)
}

/// The most errors one reading of a lesson file reports.
const MAX_ERRORS: usize = 10;

/// The byte range of the line that holds an unknown field and its whole value (the
/// line alone is valid TOML), without its line feed.
fn unknown_field_line(text: &str, error: &toml::de::Error) -> Option<std::ops::Range<usize>> {
    if !error.message().starts_with("unknown field `") {
        return None;
    }
    let at = error.span()?.start;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[start..end];
    // The field must begin its line: one inside an inline table cannot be taken alone.
    if !text[start..at].trim().is_empty() {
        return None;
    }
    toml::from_str::<toml::Table>(line).ok()?;
    Some(start..end)
}

pub fn of(error: &toml::de::Error) -> LessonError {
    let message = error.message().trim();
    LessonError::new(error.span(), translate(message))
}

/// What toml's message says, in both languages.
fn translate(message: &str) -> Bilingual {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return unknown_field(rest);
    }
    // A text without one of its languages: a hint, a title, a test's name.
    let both = (
        "every text of a lesson is written in both languages",
        "レッスンの文章は、どれも日本語と英語の両方で書きます。",
    );
    match between(message, "missing field `", "`") {
        Some("en") => {
            return Bilingual::new(
                format!("英語の文章（`en`）がありません。{}", both.1),
                format!("the English text (`en`) is missing: {}", both.0),
            );
        }
        Some("ja") => {
            return Bilingual::new(
                format!("日本語の文章（`ja`）がありません。{}", both.1),
                format!("the Japanese text (`ja`) is missing: {}", both.0),
            );
        }
        Some(field) => {
            return Bilingual::new(format!("必要な項目 `{field}` がありません。"), message);
        }
        None => {}
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (written, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let choices = quoted(expected).join("、");
        return Bilingual::new(
            format!("`{written}` はここに書けません。書けるのは {choices} のどれかです。"),
            message,
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Bilingual::new(
            format!(
                "ここには{}を書きます。書かれているのは{}です。",
                expected_ja(expected),
                found_ja(found)
            ),
            format!(
                "expected {}, found {}",
                expected_en(expected),
                found_en(found)
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Bilingual::new(
            format!(
                "{}は使えません。{}を書いてください。",
                found_ja(found),
                expected_ja(expected).trim_start()
            ),
            format!(
                "{} is not allowed here: write {}",
                found_en(found),
                expected_en(expected)
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (length, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Bilingual::new(
            format!(
                "要素が {length} 個あります。{}を書いてください。",
                expected_ja(expected).trim_start()
            ),
            format!(
                "this list has {length} items: write {}",
                expected_en(expected)
            ),
        );
    }
    if let Some(field) = between(message, "duplicate field `", "`") {
        return Bilingual::new(format!("項目 `{field}` が二回書かれています。"), message);
    }
    Bilingual::new(syntax_ja(message), message)
}

/// `unknown field `x`, expected one of `a`, `b``, after its first backtick.
/// The field an unknown one is most likely a misspelling of (as toml quotes it, in
/// backticks), from the rest of toml's message after "unknown field `".
fn closest_field(rest: &str) -> (&str, Vec<String>, Option<String>) {
    let (unknown, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let candidates = quoted(expected);
    let closest = candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(unknown, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name.clone());
    (unknown, candidates, closest)
}

fn unknown_field(rest: &str) -> Bilingual {
    let (unknown, candidates, closest) = closest_field(rest);
    match closest {
        Some(name) => Bilingual::new(
            format!("`{unknown}` という項目はありません。{name} の書き間違いではありませんか？"),
            format!("unknown field `{unknown}`: did you mean {name}?"),
        ),
        None if candidates.is_empty() => Bilingual::new(
            format!("`{unknown}` という項目はありません。ここには項目を書きません。"),
            format!("unknown field `{unknown}`: no field is written here"),
        ),
        None => Bilingual::new(
            format!(
                "`{unknown}` という項目はありません。ここに書ける項目は {} です。",
                candidates.join("、")
            ),
            format!(
                "unknown field `{unknown}`; the fields here are {}",
                candidates.join(", ")
            ),
        ),
    }
}

/// The text between `start` and the next `end`, if `text` starts with `start`.
fn between<'t>(text: &'t str, start: &str, end: &str) -> Option<&'t str> {
    let rest = text.strip_prefix(start)?;
    rest.split_once(end).map(|(inside, _)| inside)
}

/// Each `name` in backticks, with its backticks.
fn quoted(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(|name| format!("`{name}`"))
        .collect()
}

/// What serde says it expected, in English words an author knows (serde names Rust
/// types: `usize`, `f64`, `struct Localized`).
fn expected_en(expected: &str) -> String {
    let expected = expected.trim();
    if let Some(n) = expected
        .strip_prefix("an array of length ")
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
    {
        return format!("a list of {n} items");
    }
    let text = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a string" | "a borrowed string" | "a character" => "a string (in quotes)",
        "a boolean" => "`true` or `false`",
        "a sequence" | "an array" | "a tuple" => "a list (in `[` and `]`)",
        "struct Localized" => "a text in both languages, `{ ja = \"…\", en = \"…\" }`",
        e if e.starts_with("struct ") || e.starts_with("a map") || e.starts_with("a table") => {
            "a table (in `{` and `}`, or under a `[heading]`)"
        }
        e if e.starts_with("enum ") || e.starts_with("variant ") || e.starts_with("one of ") => {
            "one of the names this field takes"
        }
        _ => return expected.to_string(),
    };
    text.to_string()
}

/// What serde says it found (`string "five"`, `integer `-1``), in English words.
fn found_en(found: &str) -> String {
    let found = found.trim();
    let kinds = [
        ("string ", "the string "),
        ("integer ", "the whole number "),
        ("floating point ", "the number "),
        ("boolean ", ""),
        ("character ", "the character "),
        ("table", "a table"),
        ("array", "a list"),
    ];
    for (serde, en) in kinds {
        if let Some(value) = found.strip_prefix(serde) {
            return format!("{en}{value}");
        }
    }
    match found {
        "sequence" => "a list",
        "map" | "newtype struct" | "tuple struct" | "struct variant" => "a table",
        "unit value" | "unit" => "an empty value",
        other => other,
    }
    .to_string()
}

/// What serde says it expected, in Japanese: `u32`, `a sequence`, `struct Localized`.
fn expected_ja(expected: &str) -> String {
    let expected = expected.trim();
    if let Some(n) = expected
        .strip_prefix("an array of length ")
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
    {
        return format!("要素が {n} 個のリスト");
    }
    let text = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "0 以上の整数",
        "i8" | "i16" | "i32" | "i64" | "isize" => "整数",
        "f32" | "f64" => "数",
        "a string" | "a borrowed string" | "a character" => "文字列（引用符で囲みます）",
        "a boolean" => "`true` か `false`",
        "a sequence" | "an array" | "a tuple" => "リスト（`[` と `]` で囲みます）",
        "struct Localized" => "日本語と英語の組 `{ ja = \"…\", en = \"…\" }`",
        e if e.starts_with("struct ") || e.starts_with("a map") || e.starts_with("a table") => {
            "テーブル（`{` と `}`、または `[見出し]`）"
        }
        e if e.starts_with("enum ") || e.starts_with("variant ") || e.starts_with("one of ") => {
            "決められた名前の一つ"
        }
        _ => "別の形の値",
    };
    spaced(text)
}

/// Japanese text to put between Japanese words: a space on a side that is ASCII.
fn spaced(text: &str) -> String {
    let before = if text.starts_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    };
    let after = if text.ends_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    };
    format!("{before}{text}{after}")
}

/// What serde says it found (`string "five"`, `integer `-1``), in Japanese.
fn found_ja(found: &str) -> String {
    let found = found.trim();
    let kinds = [
        ("string ", "文字列 "),
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("boolean ", "真偽値 "),
        ("character ", "文字 "),
        // toml's own names of a value.
        ("table", "テーブル"),
        ("array", "リスト"),
    ];
    for (en, ja) in kinds {
        if let Some(value) = found.strip_prefix(en) {
            return spaced(&format!("{ja}{value}"));
        }
    }
    let text = match found {
        "sequence" => "リスト",
        "map" => "テーブル",
        "unit value" | "unit" => "空の値",
        "newtype struct" | "tuple struct" | "struct variant" => "テーブル",
        _ => "別の形の値",
    };
    spaced(text)
}

/// A syntax error of toml's parser, in Japanese: the common ones said again, any other
/// quoted after a sentence of ours.
fn syntax_ja(message: &str) -> String {
    // toml adds what it expected: `unclosed array, expected `]``.
    let what = message.split(", expected").next().unwrap_or(message).trim();
    let known = match what {
        "extra `=`" | "extra assignment between key-value pairs" => "`=` が余分です。",
        "key with no value" | "missing value" | "missing value for key" => {
            "キーの後に `=` と値がありません。"
        }
        "string values must be quoted" => "文字列は引用符（\"）で囲みます。",
        "unclosed array" => "リストの `[` が閉じていません。",
        "unclosed table" => "表の見出しの `[` が閉じていません。",
        "unclosed array table" => "`[[` で始めた見出しが `]]` で閉じていません。",
        "unclosed inline table" => "`{` が閉じていません。",
        "missing comma between array elements" => "リストの要素の間に `,` がありません。",
        "missing comma between key-value pairs" => "`{ }` の中の項目の間に `,` がありません。",
        "missing assignment between key-value pairs" => "キーと値の間に `=` がありません。",
        "extra comma in inline table" => "`{ }` の中に余分な `,` があります。",
        "extra comma in array" => "リストに余分な `,` があります。",
        "duplicate key" => "同じキーが二回書かれています。",
        "invalid key" => "キーとして読めません。",
        _ => "",
    };
    match known {
        "" => format!("TOML として読めません（toml の説明：「{message}」）。"),
        known => format!("TOML として読めません。{known}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_misspelt_field_on_a_line_of_its_own_is_found_in_one_reading() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Table {
            title: String,
            tolerance: Option<f64>,
            inner: Option<Inner>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Inner {
            cases: Option<u32>,
        }
        let all = |source: &str| -> Vec<(String, std::ops::Range<usize>)> {
            let first = toml::from_str::<Table>(source).unwrap_err();
            all_of::<Table>(source, &first)
                .into_iter()
                .map(|e| (e.message.en, e.span.unwrap_or_default()))
                .collect()
        };
        let source = "title = \"a\"\ntolerence = 0.1\n[inner]\ncasse = 3\n";
        let found = all(source);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].0.contains("`tolerence`"), "{found:?}");
        assert!(found[1].0.contains("`casse`"), "{found:?}");
        // Each place is where the field is in the file as written.
        assert_eq!(&source[found[1].1.clone()], "casse");
        // A misspelt required field is said once, not again as a missing one, and the
        // reading goes on past it.
        let found = all("titel = \"a\"\ntolerence = 1\n");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].0.contains("did you mean `title`"), "{found:?}");
        assert_eq!(
            corrected(
                "sed = 2001",
                "unknown field `sed`, expected `seed` or `cases`"
            ),
            "seed=2001 "
        );
        assert_eq!(
            corrected("x = 1", "unknown field `x`, expected `tolerance`"),
            "     "
        );
        // Inside an inline table the line cannot be taken alone: one error, as before.
        assert_eq!(
            all("title = \"a\"\ninner = { casse = 3 }\ntolerence = 1\n").len(),
            1
        );
    }

    fn ja(source: &str) -> String {
        match toml::from_str::<super::super::model::RawLesson>(source) {
            Ok(_) => String::new(),
            Err(e) => of(&e).message.ja,
        }
    }

    #[test]
    fn structure_errors_are_said_in_english_words_not_serdes() {
        assert_eq!(
            translate("invalid type: floating point `30.5`, expected usize").en,
            "expected a whole number, 0 or more, found the number `30.5`"
        );
        assert_eq!(
            translate("invalid type: string \"small\", expected f64").en,
            "expected a number, found the string \"small\""
        );
        assert_eq!(
            translate("invalid type: string \"pool\", expected a sequence").en,
            "expected a list (in `[` and `]`), found the string \"pool\""
        );
        assert_eq!(
            translate("invalid value: integer `-3`, expected usize").en,
            "the whole number `-3` is not allowed here: write a whole number, 0 or more"
        );
        assert_eq!(
            translate("invalid length 3, expected an array of length 2").en,
            "this list has 3 items: write a list of 2 items"
        );
        // A text in one string instead of both languages: the form to write, in both.
        let title = ja("format = 1\nid = \"a\"\nmodule = \"a\"\ntitle = \"Pooling\"\n");
        assert_eq!(
            title,
            "ここには日本語と英語の組 `{ ja = \"…\", en = \"…\" }` を書きます。書かれているのは文字列 \"Pooling\" です。"
        );
        assert_eq!(
            translate("invalid type: string \"one window\", expected struct Localized").en,
            "expected a text in both languages, `{ ja = \"…\", en = \"…\" }`, found the string \"one window\""
        );
    }

    #[test]
    fn structure_errors_are_said_in_japanese() {
        assert_eq!(
            translate("unknown field `tolerence`, expected one of `tolerance`, `points`").ja,
            "`tolerence` という項目はありません。`tolerance` の書き間違いではありませんか？"
        );
        assert_eq!(
            translate("missing field `module`").ja,
            "必要な項目 `module` がありません。"
        );
        assert_eq!(
            translate("missing field `en`").ja,
            "英語の文章（`en`）がありません。レッスンの文章は、どれも日本語と英語の両方で書きます。"
        );
        assert_eq!(
            translate("invalid type: string \"five\", expected u32").ja,
            "ここには 0 以上の整数を書きます。書かれているのは文字列 \"five\" です。"
        );
        assert_eq!(
            translate("invalid value: integer `-1`, expected u32").ja,
            "整数 `-1` は使えません。0 以上の整数を書いてください。"
        );
        assert_eq!(
            translate("unknown variant `secret`, expected `visible` or `hidden`").ja,
            "`secret` はここに書けません。書けるのは `visible`、`hidden` のどれかです。"
        );
        assert_eq!(
            translate("invalid length 3, expected an array of length 2").ja,
            "要素が 3 個あります。要素が 2 個のリストを書いてください。"
        );
    }

    #[test]
    fn syntax_errors_say_where_and_quote_toml_only_when_unknown() {
        assert_eq!(
            ja("format = = 1\n"),
            "TOML として読めません。`=` が余分です。"
        );
        assert_eq!(
            translate("something new, expected `x`").ja,
            "TOML として読めません（toml の説明：「something new, expected `x`」）。"
        );
    }
}
