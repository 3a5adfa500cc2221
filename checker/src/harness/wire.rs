//! The wire format between the checker and a harness: values and records as lines of text.
//!
//! This file is compiled twice: into the checker, and (copied verbatim) into every
//! generated harness. It uses only `std`, so both sides agree on every byte.
//! Floats travel as the hexadecimal bits of the `f32`, so nothing is lost, NaN included.

/// A value as it crosses the process boundary.
#[derive(Debug, Clone, PartialEq)]
pub enum WireValue {
    F32(f32),
    Usize(usize),
    /// An `f32` array in row-major order (the last index changes fastest).
    Array {
        shape: Vec<usize>,
        data: Vec<f32>,
    },
}

/// The first line of an inputs file.
pub const INPUTS_HEADER: &str = "cnnlings-inputs 1";

/// Appends `value` to `out` as one line without the line break.
pub fn encode_value(value: &WireValue, out: &mut String) {
    use std::fmt::Write;
    match value {
        WireValue::F32(x) => {
            let _ = write!(out, "f32 {:08x}", x.to_bits());
        }
        WireValue::Usize(n) => {
            let _ = write!(out, "usize {n}");
        }
        WireValue::Array { shape, data } => {
            let _ = write!(out, "array {}", shape.len());
            for d in shape {
                let _ = write!(out, " {d}");
            }
            for x in data {
                let _ = write!(out, " {:08x}", x.to_bits());
            }
        }
    }
}

/// Reads a value written by [`encode_value`].
pub fn decode_value(line: &str) -> Result<WireValue, String> {
    let mut words = line.split_ascii_whitespace();
    let kind = words.next().ok_or("an empty value")?;
    let number = |word: Option<&str>| -> Result<usize, String> {
        let word = word.ok_or("a value ends too early")?;
        word.parse().map_err(|_| format!("`{word}` is not a size"))
    };
    let float = |word: &str| -> Result<f32, String> {
        u32::from_str_radix(word, 16)
            .map(f32::from_bits)
            .map_err(|_| format!("`{word}` is not an f32"))
    };
    let value = match kind {
        "f32" => WireValue::F32(float(words.next().ok_or("an f32 without bits")?)?),
        "usize" => WireValue::Usize(number(words.next())?),
        "array" => {
            let ndim = number(words.next())?;
            let shape = (0..ndim)
                .map(|_| number(words.next()))
                .collect::<Result<Vec<_>, _>>()?;
            let data = words.by_ref().map(float).collect::<Result<Vec<_>, _>>()?;
            if data.len() != shape.iter().product::<usize>() {
                return Err(format!(
                    "an array of shape {shape:?} with {} values",
                    data.len()
                ));
            }
            return Ok(WireValue::Array { shape, data });
        }
        other => return Err(format!("unknown value kind `{other}`")),
    };
    match words.next() {
        None => Ok(value),
        Some(extra) => Err(format!("unexpected `{extra}` after a value")),
    }
}

/// Escapes text so that it fits in one space-separated word.
#[allow(
    dead_code,
    reason = "the harness writes escaped text; the checker only reads it"
)]
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

    #[test]
    fn values_and_text_round_trip() {
        for value in [
            WireValue::F32(f32::NAN),
            WireValue::F32(-0.0),
            WireValue::Usize(7),
            WireValue::Array {
                shape: vec![2, 0],
                data: vec![],
            },
            WireValue::Array {
                shape: vec![1, 2],
                data: vec![f32::INFINITY, -1.5],
            },
        ] {
            let mut line = String::new();
            encode_value(&value, &mut line);
            let back = decode_value(&line).unwrap();
            let bits = |v: &WireValue| match v {
                WireValue::F32(x) => vec![x.to_bits()],
                WireValue::Array { data, .. } => data.iter().map(|x| x.to_bits()).collect(),
                WireValue::Usize(n) => vec![*n as u32],
            };
            assert_eq!(bits(&back), bits(&value));
        }
        assert!(decode_value("array 2 2 2 3f800000").is_err());
        for text in ["", "a b\\c\nd\te", "\\s"] {
            assert_eq!(unescape(&escape(text)), text);
            assert!(!escape(text).contains(' '));
        }
    }
}
