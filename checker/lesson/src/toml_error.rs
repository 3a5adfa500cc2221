//! A lesson file read into its serde model, every error said in Japanese and English
//! from the structured kinds of toml's parser and of serde, never from their words.
//!
//! Three readings, each stopping the next: toml's grammar ([`toml_parser`], every error
//! of the file with what it expected there), toml's table (`DeTable`: a key written
//! twice; such rare errors quote toml's own words, marked as toml's), then the model,
//! deserialised from that table by [`Node`], a serde `Deserializer` whose error type is
//! ours ([`Problem`]): it knows which kind of value each field asked for and where each
//! value is written, and it sets an unknown key aside (its closest field suggested) and
//! reads on, so that every misspelt key of a file is found in one reading, as cargo does.

use super::{Bilingual, LessonError};
use crate::lang::say;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use std::cell::RefCell;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml_parser::lexer::{Token, TokenKind};

/// Reads `source` into `T`, or says every error found in it, in the order of the file.
pub(crate) fn from_str<T: de::DeserializeOwned>(source: &str) -> Result<T, Vec<LessonError>> {
    // An empty file (an editor's new file, a copy that failed) is said as such, not as
    // its first missing field.
    if source.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(vec![LessonError::new(
            Some(0..0),
            say!(ja: "このファイルは空です。レッスンファイルは `format = 1`、`id`、`module` から始めます。`dev new <id>` で、書き込むだけのひな形ができます。".to_string(),
                en: "this file is empty: a lesson file starts with `format = 1`, `id` and `module`. `dev new <id>` writes one to fill in".to_string()),
        )]);
    }
    let tokens = toml_parser::Source::new(source).lex().into_vec();
    let mut syntax: Vec<toml_parser::ParseError> = Vec::new();
    toml_parser::parser::parse_document(&tokens, &mut (), &mut syntax);
    // The first only: toml reads on after one, and what it then finds follows from it
    // (after an unclosed `[`, every later line is "missing a comma").
    if let Some(first) = syntax.first() {
        let at = first.unexpected().map(|s| s.start());
        let closed = at.and_then(|at| {
            closed_at_once(source, at).or_else(|| closed_too_late(source, &tokens, at))
        });
        return Err(vec![closed.unwrap_or_else(|| syntax_error(source, first))]);
    }
    // A text of several lines that the file ends in: said at its opening quotes, not at
    // the end of the file.
    if let Some(unclosed) = unclosed_text(source, &tokens) {
        return Err(vec![unclosed]);
    }
    let table = DeTable::parse(source).map_err(|e| {
        let message = e.message().trim();
        vec![LessonError::new(
            e.span(),
            say!(ja: format!("TOML として読めません（toml の説明：「{message}」）。"),
                en: message),
        )]
    })?;
    let span = table.span();
    let root = Spanned::new(span, DeValue::Table(table.into_inner()));
    let unknown = RefCell::new(Vec::new());
    let read = T::deserialize(Node {
        value: &root,
        unknown: &unknown,
    });
    let mut errors = unknown.into_inner();
    match read {
        Ok(value) if errors.is_empty() => return Ok(value),
        Ok(_) => {}
        Err(problem) => errors.push(problem.said()),
    }
    errors.sort_by_key(|e| e.span.as_ref().map_or(usize::MAX, |s| s.start));
    Err(errors)
}

/// A text of several lines closed at once, `ja = ""` where `"""` was meant: toml reads
/// the text's lines as keys and stops at the first that is not a comment (a Markdown
/// heading `# …` is one), lines below. When only blank and comment lines lie between an
/// error at `at` and a line `key = ""`, the error is said at that `""`.
fn closed_at_once(source: &str, at: usize) -> Option<LessonError> {
    let line_start = source.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let mut end = line_start;
    for line in source[..line_start].split_inclusive('\n').rev() {
        let start = end - line.len();
        end = start;
        let text = line.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let (key, value) = text.split_once('=')?;
        let key = key.trim();
        let is_key = !key.is_empty()
            && (key.chars()).all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !is_key || !matches!(value.trim(), "\"\"" | "''") {
            return None;
        }
        let quotes = start + line.rfind(value.trim())?;
        return Some(LessonError::new(
            Some(quotes..quotes + 2),
            say!(ja: "この `\"\"` で文字列が閉じています。何行にもわたる文は `\"\"\"` で始めて `\"\"\"` で閉じます。".to_string(),
                en: "this `\"\"` closes the string at once: a text of several lines opens and closes with `\"\"\"`".to_string()),
        ));
    }
    None
}

/// The line (from 1) of byte `at` of `source`.
fn line_of(source: &str, at: usize) -> usize {
    source.get(..at).map_or(0, |s| s.matches('\n').count()) + 1
}

/// The quotes that open and close a text of several lines, `"""` or `'''`.
fn multi_line_quotes(kind: TokenKind) -> Option<&'static str> {
    match kind {
        TokenKind::MlBasicString => Some("\"\"\""),
        TokenKind::MlLiteralString => Some("'''"),
        _ => None,
    }
}

/// A text of several lines whose closing quotes are missing, so that it runs to the end
/// of the file: toml says so at the end, this at its opening quotes.
fn unclosed_text(source: &str, tokens: &[Token]) -> Option<LessonError> {
    tokens.iter().find_map(|token| {
        let quotes = multi_line_quotes(token.kind())?;
        let span = token.span();
        let text = source.get(span.start()..span.end())?;
        if text.len() >= 2 * quotes.len() && text.ends_with(quotes) {
            return None;
        }
        Some(LessonError::new(
            Some(span.start()..span.start() + quotes.len()),
            say!(ja: format!("この `{quotes}` で始まる文字列が、ファイルの終わりまで閉じていません。文字列の最後の行のあとに `{quotes}` を書いてください。"),
                en: format!("the text that opens with this `{quotes}` is never closed: the file ends inside it. Write `{quotes}` after its last line")),
        ))
    })
}

/// A text of several lines whose closing quotes are missing, closed instead by the
/// opening quotes of the next text (`en = """`): toml reads the lines after those as
/// keys, and stops at the first that is not a comment, lines below. When the text that
/// ends before the error's line (only blank and comment lines between) ends in a line
/// `key = """`, the error is said at that line.
fn closed_too_late(source: &str, tokens: &[Token], at: usize) -> Option<LessonError> {
    let line_start = source.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let mut before = tokens.iter().rev().filter(|t| t.span().end() <= line_start);
    let last = before.find(|t| {
        !matches!(
            t.kind(),
            TokenKind::Whitespace | TokenKind::Newline | TokenKind::Comment
        )
    })?;
    let quotes = multi_line_quotes(last.kind())?;
    let span = last.span();
    let text = source.get(span.start()..span.end())?;
    let inside = text.strip_suffix(quotes)?;
    let last_line_at = inside.rfind('\n')? + 1;
    let (key, rest) = inside[last_line_at..].split_once('=')?;
    let key = key.trim();
    let is_key = !key.is_empty()
        && (key.chars()).all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && rest.trim().is_empty();
    if !is_key {
        return None;
    }
    let key_at = span.start() + last_line_at + inside[last_line_at..].find(key)?;
    let opened = line_of(source, span.start());
    Some(LessonError::new(
        Some(key_at..span.end()),
        say!(ja: format!("{opened} 行目の `{quotes}` で始まる文字列が、ここまで続いています。この `{quotes}` が文字列の終わりと読まれ、`{key} =` も文字列の一部になっています。この行の前に、文字列を閉じる `{quotes}` が抜けていませんか？"),
            en: format!("the text that opens with `{quotes}` at line {opened} runs on to here: this `{quotes}` is read as its end, and `{key} =` as part of it. Is the `{quotes}` that closes that text missing above this line?")),
    ))
}

/// A mistake of TOML's grammar: what was found where, and what may be written there.
fn syntax_error(source: &str, error: &toml_parser::ParseError) -> LessonError {
    let span = error.unexpected().map(|s| s.start()..s.end());
    let found = span
        .clone()
        .and_then(|s| source.get(s))
        .unwrap_or("")
        .trim();
    let expected = error.expected().unwrap_or_default();
    // The characters that may be written here, as the file writes them.
    let literals = |newline: &str| -> Vec<String> {
        let literal = |text: &str| match text {
            "\n" => newline.to_string(),
            text => format!("`{}`", text.escape_debug()),
        };
        (expected.iter())
            .map(|e| match e {
                toml_parser::Expected::Literal(text) => Some(literal(text)),
                _ => None,
            })
            .collect::<Option<_>>()
            .unwrap_or_default()
    };
    let here = match literals("改行").as_slice() {
        [] => String::new(),
        [one] => format!("ここには {one} を書きます。"),
        all => format!("ここには {} のどれかを書きます。", all.join("、")),
    };
    let ja = match (expected, found) {
        ([], found) if !found.is_empty() => format!("`{found}` が余分です。"),
        (_, "") if here.is_empty() => "この書き方は TOML にありません。".to_string(),
        (_, "") => here,
        (_, found) => format!("`{found}` はここに書けません。{here}"),
    };
    let words: Vec<String> = (expected.iter())
        .map(|e| match e {
            toml_parser::Expected::Description(text) => text.to_string(),
            toml_parser::Expected::Literal(text) if *text == "\n" => "newline".to_string(),
            toml_parser::Expected::Literal(text) => format!("`{}`", text.escape_debug()),
            _ => "etc".to_string(),
        })
        .collect();
    let en = match error.expected() {
        None => error.description().to_string(),
        Some([]) => format!("{}, expected nothing", error.description()),
        Some(_) => format!("{}, expected {}", error.description(), words.join(", ")),
    };
    LessonError::new(
        span,
        say!(ja: format!("TOML として読めません。{ja}"), en: en),
    )
}

/// The value a field asks for: the kind of what a `Deserializer` was asked to read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    Natural,
    Whole,
    Number,
    Text,
    Bool,
    List(Option<usize>),
    /// A text in both languages, `{ ja, en }`.
    Both,
    Table,
    OneOf(&'static [&'static str]),
}

/// A value as the file has it, as serde describes it.
fn found(unexpected: Unexpected) -> Bilingual {
    match unexpected {
        Unexpected::Str(s) => say!(ja: format!("文字列 {s:?}"), en: format!("the string {s:?}")),
        Unexpected::Signed(n) => {
            say!(ja: format!("整数 `{n}`"), en: format!("the whole number `{n}`"))
        }
        Unexpected::Unsigned(n) => {
            say!(ja: format!("整数 `{n}`"), en: format!("the whole number `{n}`"))
        }
        Unexpected::Float(x) => {
            say!(ja: format!("小数 `{x:?}`"), en: format!("the number `{x:?}`"))
        }
        Unexpected::Bool(b) => say!(ja: format!("真偽値 `{b}`"), en: format!("`{b}`")),
        Unexpected::Seq => say!(ja: "リスト", en: "a list"),
        Unexpected::Map | Unexpected::NewtypeStruct => say!(ja: "テーブル", en: "a table"),
        _ => say!(ja: "別の形の値", en: "another kind of value"),
    }
}

impl Want {
    fn said(self) -> Bilingual {
        match self {
            Want::Natural => say!(ja: "0 以上の整数", en: "a whole number, 0 or more"),
            Want::Whole => say!(ja: "整数", en: "a whole number"),
            Want::Number => say!(ja: "数", en: "a number"),
            Want::Text => say!(ja: "文字列（引用符で囲みます）", en: "a string (in quotes)"),
            Want::Bool => say!(ja: "`true` か `false`", en: "`true` or `false`"),
            Want::List(Some(n)) => {
                say!(ja: format!("要素が {n} 個のリスト"), en: format!("a list of {n} items"))
            }
            Want::List(None) => {
                say!(ja: "リスト（`[` と `]` で囲みます）", en: "a list (in `[` and `]`)")
            }
            Want::Both => say!(ja: "日本語と英語の組 `{ ja = \"…\", en = \"…\" }`",
                en: "a text in both languages, `{ ja = \"…\", en = \"…\" }`"),
            Want::Table => say!(ja: "テーブル（`{` と `}`、または `[見出し]`）",
                en: "a table (in `{` and `}`, or under a `[heading]`)"),
            Want::OneOf(names) => say!(ja: "決められた名前の一つ", en: one_of_en(names)),
        }
    }
}

fn one_of_en(names: &[&str]) -> String {
    match names {
        [] => "one of the names this field takes".to_string(),
        _ => format!("one of {}", quoted(names).join(", ")),
    }
}

/// The names an enum takes, as serde lists them.
fn variants_en(names: &[&str]) -> String {
    match quoted(names).as_slice() {
        [] => "there are no variants".to_string(),
        [one] => format!("expected {one}"),
        [a, b] => format!("expected {a} or {b}"),
        all => format!("expected one of {}", all.join(", ")),
    }
}

fn quoted(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| format!("`{n}`")).collect()
}

/// What went wrong in the model, where, and the kind of value that was asked for.
#[derive(Debug)]
struct Problem {
    kind: Kind,
    span: Option<Range<usize>>,
    want: Option<Want>,
}

#[derive(Debug)]
enum Kind {
    Missing(&'static str),
    Type(Bilingual),
    Value(Bilingual),
    Length(usize),
    Variant(String, &'static [&'static str]),
    Duplicate(&'static str),
    Other(String),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message().en)
    }
}

impl std::error::Error for Problem {}

impl de::Error for Problem {
    fn custom<T: std::fmt::Display>(message: T) -> Problem {
        Problem::new(Kind::Other(message.to_string()))
    }
    fn invalid_type(unexpected: Unexpected, _: &dyn de::Expected) -> Problem {
        Problem::new(Kind::Type(found(unexpected)))
    }
    fn invalid_value(unexpected: Unexpected, _: &dyn de::Expected) -> Problem {
        Problem::new(Kind::Value(found(unexpected)))
    }
    fn invalid_length(len: usize, _: &dyn de::Expected) -> Problem {
        Problem::new(Kind::Length(len))
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Problem {
        Problem::new(Kind::Variant(variant.to_string(), expected))
    }
    fn missing_field(field: &'static str) -> Problem {
        Problem::new(Kind::Missing(field))
    }
    fn duplicate_field(field: &'static str) -> Problem {
        Problem::new(Kind::Duplicate(field))
    }
}

impl Problem {
    fn new(kind: Kind) -> Problem {
        Problem {
            kind,
            span: None,
            want: None,
        }
    }

    fn said(self) -> LessonError {
        LessonError::new(self.span.clone(), self.message())
    }

    fn message(&self) -> Bilingual {
        let want = (self.want.map(Want::said))
            .unwrap_or(say!(ja: "別の形の値", en: "another kind of value"));
        let (want_ja, want_en) = (spaced(&want.ja), want.en.as_str());
        match &self.kind {
            Kind::Missing(field) => missing(field),
            Kind::Type(found) => {
                say!(ja: format!("ここには{want_ja}を書きます。書かれているのは{}です。", spaced(&found.ja)),
                    en: format!("expected {want_en}, found {}", found.en))
            }
            Kind::Value(found) => {
                say!(ja: format!("{}は使えません。{}を書いてください。", spaced(&found.ja), want_ja.trim_start()),
                    en: format!("{} is not allowed here: write {want_en}", found.en))
            }
            Kind::Length(n) => {
                say!(ja: format!("要素が {n} 個あります。{}を書いてください。", want_ja.trim_start()),
                    en: format!("this list has {n} items: write {want_en}"))
            }
            Kind::Variant(written, expected) => {
                say!(ja: format!("`{written}` はここに書けません。書けるのは {} のどれかです。", quoted(expected).join("、")),
                    en: format!("unknown variant `{written}`, {}", variants_en(expected)))
            }
            Kind::Duplicate(field) => say!(ja: format!("項目 `{field}` が二回書かれています。"),
                en: format!("duplicate field `{field}`")),
            Kind::Other(message) => {
                say!(ja: format!("この値は読めません（説明：「{message}」）。"),
                    en: message.clone())
            }
        }
    }
}

/// A field that must be written and is not.
fn missing(field: &str) -> Bilingual {
    let both = say!(ja: "レッスンの文章は、どれも日本語と英語の両方で書きます。",
        en: "every text of a lesson is written in both languages");
    match field {
        "en" => say!(ja: format!("英語の文章（`en`）がありません。{}", both.ja),
            en: format!("the English text (`en`) is missing: {}", both.en)),
        "ja" => say!(ja: format!("日本語の文章（`ja`）がありません。{}", both.ja),
            en: format!("the Japanese text (`ja`) is missing: {}", both.en)),
        field => say!(ja: format!("必要な項目 `{field}` がありません。"),
            en: format!("missing field `{field}`")),
    }
}

/// Japanese text to put between Japanese words: a space on a side that is ASCII.
fn spaced(text: &str) -> String {
    let text = text.trim();
    let space = |ascii: bool| if ascii { " " } else { "" };
    let before = space(text.starts_with(|c: char| c.is_ascii()));
    let after = space(text.ends_with(|c: char| c.is_ascii()));
    format!("{before}{text}{after}")
}

/// A value of the file being read into the model, and where the unknown keys found so
/// far are kept.
#[derive(Clone, Copy)]
struct Node<'de> {
    value: &'de Spanned<DeValue<'de>>,
    unknown: &'de RefCell<Vec<LessonError>>,
}

impl<'de> Node<'de> {
    /// `read` on this value, its errors placed at it and said as wanting `want`, unless
    /// a value inside it already placed them.
    fn read<V>(
        self,
        want: Option<Want>,
        read: impl FnOnce(Self) -> Result<V, Problem>,
    ) -> Result<V, Problem> {
        read(self).map_err(|mut problem| {
            problem.span.get_or_insert_with(|| self.value.span());
            problem.want = problem.want.or(want);
            problem
        })
    }

    fn at(self, value: &'de Spanned<DeValue<'de>>) -> Node<'de> {
        Node { value, ..self }
    }
}

impl<'de> IntoDeserializer<'de, Problem> for Node<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

macro_rules! wanting {
    ($($method:ident => $want:expr),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
            self.read(Some($want), |node| node.deserialize_any(visitor))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Node<'de> {
    type Error = Problem;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
        self.read(None, |node| match node.value.get_ref() {
            DeValue::String(s) => visitor.visit_str(s),
            DeValue::Integer(n) => match i64::from_str_radix(n.as_str(), n.radix()) {
                Ok(n) => visitor.visit_i64(n),
                Err(_) => match u64::from_str_radix(n.as_str(), n.radix()) {
                    Ok(n) => visitor.visit_u64(n),
                    Err(_) => Err(de::Error::invalid_value(
                        Unexpected::Other(n.as_str()),
                        &"a 64-bit integer",
                    )),
                },
            },
            DeValue::Float(x) => match x.as_str().parse::<f64>() {
                Ok(x) => visitor.visit_f64(x),
                Err(_) => Err(de::Error::invalid_value(
                    Unexpected::Other(x.as_str()),
                    &"a number",
                )),
            },
            DeValue::Boolean(b) => visitor.visit_bool(*b),
            DeValue::Datetime(d) => visitor.visit_string(d.to_string()),
            DeValue::Array(items) => {
                let mut items = de::value::SeqDeserializer::new(items.iter().map(|i| node.at(i)));
                let value = visitor.visit_seq(&mut items)?;
                items.end().map(|()| value)
            }
            DeValue::Table(table) => visitor.visit_map(Fields {
                node,
                entries: table.iter().map(|(k, v)| (k, v, None)).collect(),
                next: 0,
            }),
        })
    }

    wanting! {
        deserialize_u8 => Want::Natural, deserialize_u16 => Want::Natural,
        deserialize_u32 => Want::Natural, deserialize_u64 => Want::Natural,
        deserialize_i8 => Want::Whole, deserialize_i16 => Want::Whole,
        deserialize_i32 => Want::Whole, deserialize_i64 => Want::Whole,
        deserialize_f32 => Want::Number, deserialize_f64 => Want::Number,
        deserialize_str => Want::Text, deserialize_string => Want::Text,
        deserialize_char => Want::Text, deserialize_bool => Want::Bool,
        deserialize_seq => Want::List(None), deserialize_map => Want::Table,
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Problem> {
        self.read(Some(Want::List(Some(len))), |node| {
            node.deserialize_any(visitor)
        })
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Problem> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Problem> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.value.span();
            return visitor.visit_map(serde_spanned::de::SpannedDeserializer::new(self, span));
        }
        let want = if fields == ["ja", "en"] {
            Want::Both
        } else {
            Want::Table
        };
        self.read(Some(want), |node| match node.value.get_ref() {
            DeValue::Table(table) => visitor.visit_map(Fields {
                node,
                entries: node.fields_of(table, fields),
                next: 0,
            }),
            _ => node.deserialize_any(visitor),
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Problem> {
        self.read(Some(Want::OneOf(variants)), |node| {
            match node.value.get_ref() {
                DeValue::String(s) => visitor.visit_enum(s.as_ref().into_deserializer()),
                _ => node.deserialize_any(visitor),
            }
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Problem> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit unit_struct tuple_struct identifier
    }
}

impl<'de> Node<'de> {
    /// The entries of a table read as a struct of `fields`: each unknown key set aside
    /// as an error, and read as the field most likely meant when that field is close and
    /// not written, so that a misspelt field is said once, not again as a missing one.
    fn fields_of(
        self,
        table: &'de DeTable<'de>,
        fields: &'static [&'static str],
    ) -> Vec<Entry<'de>> {
        let written = |name: &str| table.keys().any(|k| k.get_ref() == name);
        let mut entries = Vec::new();
        for (key, value) in table {
            let name: &str = key.get_ref();
            if fields.contains(&name) {
                entries.push((key, value, None));
                continue;
            }
            let closest = closest(name, fields);
            let message = unknown_field(name, fields, closest);
            (self.unknown.borrow_mut()).push(LessonError::new(Some(key.span()), message));
            if let Some(meant) = closest.filter(|meant| !written(meant)) {
                entries.push((key, value, Some(meant)));
            }
        }
        entries
    }
}

/// A key of a table, its value, and the field it is read as when not its own name.
type Entry<'de> = (
    &'de Spanned<std::borrow::Cow<'de, str>>,
    &'de Spanned<DeValue<'de>>,
    Option<&'static str>,
);

/// A table's entries, handed to a visitor one by one.
struct Fields<'de> {
    node: Node<'de>,
    entries: Vec<Entry<'de>>,
    next: usize,
}

impl<'de> de::MapAccess<'de> for Fields<'de> {
    type Error = Problem;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Problem> {
        let Some((key, _, meant)) = self.entries.get(self.next) else {
            return Ok(None);
        };
        let name: &str = meant.unwrap_or(key.get_ref());
        let name = de::value::StrDeserializer::<Problem>::new(name);
        seed.deserialize(name).map(Some).map_err(|mut problem| {
            problem.span.get_or_insert(key.span());
            problem
        })
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Problem> {
        let (_, value, _) = self.entries[self.next];
        self.next += 1;
        seed.deserialize(self.node.at(value))
    }
}

/// The field an unknown one is most likely a misspelling of.
fn closest(unknown: &str, fields: &'static [&'static str]) -> Option<&'static str> {
    fields
        .iter()
        .map(|field| (strsim::jaro_winkler(unknown, field), *field))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, field)| field)
}

fn unknown_field(unknown: &str, fields: &[&str], closest: Option<&str>) -> Bilingual {
    match closest {
        Some(name) => {
            say!(ja: format!("`{unknown}` という項目はありません。`{name}` の書き間違いではありませんか？"),
                en: format!("unknown field `{unknown}`: did you mean `{name}`?"))
        }
        None if fields.is_empty() => {
            say!(ja: format!("`{unknown}` という項目はありません。ここには項目を書きません。"),
                en: format!("unknown field `{unknown}`: no field is written here"))
        }
        None => {
            say!(ja: format!("`{unknown}` という項目はありません。ここに書ける項目は {} です。", quoted(fields).join("、")),
                en: format!("unknown field `{unknown}`; the fields here are {}", quoted(fields).join(", ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Table {
        title: String,
        tolerance: Option<f64>,
        count: Option<u32>,
        pair: Option<[f64; 2]>,
        inner: Option<Inner>,
        name: Option<super::super::Bilingual>,
        visibility: Option<super::super::Visibility>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        cases: Option<Spanned<u32>>,
    }

    fn errors(source: &str) -> Vec<(String, String, String)> {
        match from_str::<Table>(source) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|e| {
                    let at = e.span.and_then(|s| source.get(s)).unwrap_or("").to_string();
                    (e.message.ja, e.message.en, at)
                })
                .collect(),
        }
    }

    fn ja(source: &str) -> String {
        errors(source)
            .first()
            .map(|e| e.0.clone())
            .unwrap_or_default()
    }

    fn en(source: &str) -> String {
        errors(source)
            .first()
            .map(|e| e.1.clone())
            .unwrap_or_default()
    }

    #[test]
    fn every_misspelt_field_is_found_in_one_reading_at_its_key() {
        let source = "titel = \"a\"\ntolerence = 0.1\n[inner]\ncasse = 3\n";
        let found = errors(source);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].1, "unknown field `titel`: did you mean `title`?");
        assert_eq!(
            found[1].0,
            "`tolerence` という項目はありません。`tolerance` の書き間違いではありませんか？"
        );
        // Each place is the key as written, in the order of the file; the misspelt
        // required `title` is not said again as missing.
        assert_eq!(found[2].2, "casse");
        // Inside an inline table too.
        let found = errors("title = \"a\"\ninner = { casse = 3 }\ntolerence = 1\n");
        assert_eq!(found.len(), 2, "{found:?}");
        // The value read as the field meant is checked as that field.
        assert_eq!(
            en("title = \"a\"\ncont = \"five\"\n"),
            "unknown field `cont`: did you mean `count`?"
        );
        assert_eq!(errors("title = \"a\"\ncont = \"five\"\n").len(), 2);
        assert_eq!(
            en("title = \"a\"\nzzz = 1\n"),
            "unknown field `zzz`; the fields here are `title`, `tolerance`, `count`, `pair`, `inner`, `name`, `visibility`"
        );
    }

    #[test]
    fn a_value_of_the_wrong_kind_says_what_the_field_takes_in_both_languages() {
        assert_eq!(
            en("title = \"a\"\ncount = 30.5\n"),
            "expected a whole number, 0 or more, found the number `30.5`"
        );
        assert_eq!(
            ja("title = \"a\"\ncount = \"five\"\n"),
            "ここには 0 以上の整数を書きます。書かれているのは文字列 \"five\" です。"
        );
        assert_eq!(
            en("title = \"a\"\ntolerance = \"small\"\n"),
            "expected a number, found the string \"small\""
        );
        assert_eq!(
            en("title = \"a\"\ncount = -3\n"),
            "the whole number `-3` is not allowed here: write a whole number, 0 or more"
        );
        assert_eq!(
            ja("title = \"a\"\ncount = -1\n"),
            "整数 `-1` は使えません。0 以上の整数を書いてください。"
        );
        assert_eq!(
            en("title = \"a\"\npair = [1.0, 2.0, 3.0]\n"),
            "this list has 3 items: write a list of 2 items"
        );
        assert_eq!(
            ja("title = \"a\"\npair = [1.0, 2.0, 3.0]\n"),
            "要素が 3 個あります。要素が 2 個のリストを書いてください。"
        );
        assert_eq!(
            ja("title = \"a\"\nname = \"Pooling\"\n"),
            "ここには日本語と英語の組 `{ ja = \"…\", en = \"…\" }` を書きます。書かれているのは文字列 \"Pooling\" です。"
        );
        assert_eq!(
            ja("title = \"a\"\nvisibility = \"secret\"\n"),
            "`secret` はここに書けません。書けるのは `visible`、`hidden`、`after_due_date`、`after_published` のどれかです。"
        );
        // The error is at the value, as written.
        assert_eq!(
            errors("title = \"a\"\n[inner]\ncases = \"x\"\n")[0].2,
            "\"x\""
        );
    }

    #[test]
    fn a_missing_field_is_named_and_a_missing_language_explained() {
        assert_eq!(ja("tolerance = 1.0\n"), "必要な項目 `title` がありません。");
        assert_eq!(
            ja("title = \"a\"\nname = { ja = \"名前\" }\n"),
            "英語の文章（`en`）がありません。レッスンの文章は、どれも日本語と英語の両方で書きます。"
        );
        assert_eq!(
            errors("title = \"a\"\nname = { ja = \"名前\" }\n")[0].2,
            "{ ja = \"名前\" }"
        );
    }

    #[test]
    fn syntax_errors_say_where_and_what_may_be_written_there() {
        let found = errors("title = = 1\n");
        assert_eq!(found[0].0, "TOML として読めません。`=` が余分です。");
        assert_eq!(found[0].1, "extra `=`, expected nothing");
        assert_eq!(found[0].2, "=");
        // The first only: what follows an unclosed `[` is not said again on every line.
        let unclosed = errors("title = [1, 2\ncount = 1\ntolerance = 1.0\n");
        assert_eq!(unclosed.len(), 1, "{unclosed:?}");
        assert!(unclosed[0].0.starts_with("TOML として読めません。"));
        assert_eq!(
            ja("title = [ = 1]\n"),
            "TOML として読めません。`=` はここに書けません。"
        );
        // A text closed at once: said at its `""`, not at its first line that is not a
        // comment (the heading is one), three lines below.
        let closed = errors("title = \"x\"\n[name]\nja = \"\"\n# 見出し\n\n本文です。\n\"\"\"\n");
        assert_eq!(closed.len(), 1, "{closed:?}");
        assert!(
            closed[0]
                .1
                .starts_with("this `\"\"` closes the string at once"),
            "{closed:?}"
        );
        assert_eq!(closed[0].2, "\"\"");
        // A text whose closing `"""` is missing runs on to the next text's opening
        // `"""`: said there, with the line where it opens, not where toml stops.
        let source =
            "[text]\nja = \"\"\"\n本文です。\nen = \"\"\"\n# Heading\n\nThe text.\n\"\"\"\n";
        let late = errors(source);
        assert_eq!(late.len(), 1, "{late:?}");
        assert_eq!(late[0].2, "en = \"\"\"");
        assert_eq!(
            late[0].1,
            "the text that opens with `\"\"\"` at line 2 runs on to here: this `\"\"\"` is read as its end, and `en =` as part of it. Is the `\"\"\"` that closes that text missing above this line?"
        );
        assert!(
            late[0]
                .0
                .starts_with("2 行目の `\"\"\"` で始まる文字列が、ここまで続いています。")
        );
        // A text that the file ends in: said at its opening quotes, in both languages.
        let source = "title = \"a\"\ncode = '''\nlet x = 1;\nx\n";
        let open = errors(source);
        assert_eq!(open.len(), 1, "{open:?}");
        assert_eq!(open[0].2, "'''");
        assert!(
            open[0]
                .1
                .starts_with("the text that opens with this `'''` is never closed")
        );
        assert!(!open[0].0.contains("toml"), "{open:?}");
        // An empty file is said to be empty, in both languages.
        for empty in ["", "\n  \n"] {
            let found = errors(empty);
            assert_eq!(found.len(), 1, "{found:?}");
            assert!(found[0].1.starts_with("this file is empty"), "{found:?}");
            assert!(
                found[0].0.starts_with("このファイルは空です。"),
                "{found:?}"
            );
        }
        // A key written twice is toml's own finding, quoted.
        assert!(ja("title = \"a\"\ntitle = \"b\"\n").contains("toml の説明"));
    }
}
