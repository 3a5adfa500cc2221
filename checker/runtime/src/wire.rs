//! The wire format between the checker and a harness: values and records as lines of text.
//!
//! A value is one line of space-separated words: `f32 3f800000` (a number: its kind and
//! its cell), `array usize 1 3 2 0 1` (kind, dimensions, shape, cells), `tuple 2 …` (the
//! number of parts, then each part). Floats travel as the hexadecimal bits of the `f32`,
//! so nothing is lost, NaN included.

use crate::elem::Kind;
use crate::value::{MAX_DIMS, Value};

/// The first line of an inputs file.
pub const INPUTS_HEADER: &str = "cnnlings-inputs 2";

/// The most parts a tuple may have, and how deep tuples may nest, on the wire.
const MAX_PARTS: usize = 64;
const MAX_DEPTH: usize = 8;

/// Appends `value` to `out` as one line without the line break.
pub fn encode_value(value: &Value, out: &mut String) {
    match value {
        Value::Array { shape, cells } if shape.is_empty() => {
            out.push_str(cells.kind().name());
            cells.put(out);
        }
        Value::Array { shape, cells } => {
            out.push_str("array ");
            out.push_str(cells.kind().name());
            out.push_str(&format!(" {}", shape.len()));
            for d in shape {
                out.push_str(&format!(" {d}"));
            }
            cells.put(out);
        }
        Value::Tuple(parts) => {
            out.push_str(&format!("tuple {}", parts.len()));
            for part in parts {
                out.push(' ');
                encode_value(part, out);
            }
        }
    }
}

/// Reads a value written by [`encode_value`].
pub fn decode_value(line: &str) -> Result<Value, String> {
    let mut words = line.split_ascii_whitespace();
    let value = decode(&mut words, 0)?;
    match words.next() {
        None => Ok(value),
        Some(extra) => Err(format!("unexpected `{extra}` after a value")),
    }
}

fn decode<'w>(words: &mut impl Iterator<Item = &'w str>, depth: usize) -> Result<Value, String> {
    let size = |word: Option<&str>| -> Result<usize, String> {
        let word = word.ok_or("a value ends too early")?;
        word.parse().map_err(|_| format!("`{word}` is not a size"))
    };
    let kind_of = |word: &str| Kind::parse(word).ok_or(format!("unknown value kind `{word}`"));
    match words.next().ok_or("an empty value")? {
        "array" => {
            let kind = kind_of(words.next().ok_or("an array without a kind")?)?;
            let ndim = size(words.next())?;
            if !(1..=MAX_DIMS).contains(&ndim) {
                return Err(format!("an array of {ndim} dimensions"));
            }
            let shape = (0..ndim)
                .map(|_| size(words.next()))
                .collect::<Result<Vec<_>, _>>()?;
            let count = shape
                .iter()
                .try_fold(1usize, |n, &d| n.checked_mul(d))
                .ok_or("an array too large")?;
            let cells = kind.get(words, count)?;
            Ok(Value::Array { shape, cells })
        }
        "tuple" => {
            let n = size(words.next())?;
            if n > MAX_PARTS || depth >= MAX_DEPTH {
                return Err("a tuple too large or too deep".to_string());
            }
            (0..n)
                .map(|_| decode(words, depth + 1))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Tuple)
        }
        word => {
            let cells = kind_of(word)?.get(words, 1)?;
            Ok(Value::Array {
                shape: Vec::new(),
                cells,
            })
        }
    }
}

/// Escapes text so that it fits in one space-separated word.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ' ' => out.push_str("\\s"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    if out.is_empty() {
        out.push_str("\\0");
    }
    out
}

/// Undoes [`escape`].
pub fn unescape(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => out.push(' '),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => {}
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(value: &Value) -> Value {
        let mut line = String::new();
        encode_value(value, &mut line);
        assert!(!line.contains('\n'));
        decode_value(&line).unwrap_or_else(|e| panic!("{line}: {e}"))
    }

    #[test]
    fn values_and_text_round_trip() {
        for value in [
            Value::scalar(-0.0f32),
            Value::scalar(7usize),
            Value::scalar(u64::MAX),
            Value::scalar(true),
            Value::array::<f32>(vec![2, 0], vec![]),
            Value::array(vec![1, 2], vec![f32::INFINITY, -1.5]),
            Value::array(vec![3], vec![2usize, 0, 9]),
            Value::unit(),
            Value::Tuple(vec![
                Value::array(vec![2], vec![1.0f32, 2.0]),
                Value::Tuple(vec![Value::scalar(false), Value::unit()]),
                Value::scalar(3.5f32),
            ]),
        ] {
            assert_eq!(round_trip(&value), value);
        }
        // NaN is not equal to itself: compare its bits.
        let nan = round_trip(&Value::scalar(f32::NAN));
        assert!(nan.as_scalar::<f32>().is_some_and(f32::is_nan));
        for text in ["", "a b\\c\nd\te", "\\s"] {
            assert_eq!(unescape(&escape(text)), text);
            assert!(!escape(text).contains(' '));
        }
    }

    #[test]
    fn broken_lines_are_errors() {
        for line in [
            "array f32 2 2 2 3f800000",
            "array f32 5 1 1 1 1 1 0",
            "array i32 1 1 0",
            "usize -1",
            "bool 2",
            "tuple 2 f32 0",
            "f32 0 0",
            "tuple 99999999999 f32 0",
            "",
        ] {
            assert!(decode_value(line).is_err(), "{line}");
        }
    }
}
