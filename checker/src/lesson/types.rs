//! The Rust types a lesson can speak of, function signatures, and values written in TOML.

use crate::harness::wire::WireValue;
use std::fmt;

/// A type of a parameter, a scenario input or a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    F32,
    Usize,
    /// An `f32` array with this many dimensions (1 to 4).
    Array(usize),
}

impl ValueType {
    /// Parses `f32`, `usize` or `ArrayN<f32>`.
    pub fn parse(text: &str) -> Result<ValueType, String> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        match compact.as_str() {
            "f32" => return Ok(ValueType::F32),
            "usize" => return Ok(ValueType::Usize),
            _ => {}
        }
        if let Some(n) = compact
            .strip_prefix("Array")
            .and_then(|rest| rest.strip_suffix("<f32>"))
            && let Ok(n @ 1..=4) = n.parse::<usize>()
        {
            return Ok(ValueType::Array(n));
        }
        Err(format!(
            "`{text}` is not a type the checker knows; use f32, usize, Array1<f32>, Array2<f32>, Array3<f32> or Array4<f32>"
        ))
    }

    /// Whether a parameter of this type is passed by reference (arrays are).
    pub fn by_reference(self) -> bool {
        matches!(self, ValueType::Array(_))
    }

    /// Converts a TOML value (a number or nested arrays) into a value of this type.
    pub fn value_from_toml(self, value: &toml::Value) -> Result<WireValue, String> {
        match self {
            ValueType::F32 => number(value).map(WireValue::F32),
            ValueType::Usize => match value {
                toml::Value::Integer(n) if *n >= 0 => Ok(WireValue::Usize(*n as usize)),
                other => Err(format!(
                    "expected a non-negative integer (usize), found {}",
                    describe(other)
                )),
            },
            ValueType::Array(ndim) => {
                let mut shape = Vec::new();
                let mut data = Vec::new();
                flatten(value, 0, ndim, &mut shape, &mut data)?;
                Ok(WireValue::Array { shape, data })
            }
        }
    }
}

impl fmt::Display for ValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueType::F32 => f.write_str("f32"),
            ValueType::Usize => f.write_str("usize"),
            ValueType::Array(n) => write!(f, "Array{n}<f32>"),
        }
    }
}

fn describe(value: &toml::Value) -> String {
    match value {
        toml::Value::Array(_) => "a list".to_string(),
        other => format!("`{other}`"),
    }
}

fn number(value: &toml::Value) -> Result<f32, String> {
    match value {
        toml::Value::Integer(n) => Ok(*n as f32),
        toml::Value::Float(x) => Ok(*x as f32),
        other => Err(format!("expected a number, found {}", describe(other))),
    }
}

/// Walks nested lists depth-first, checking that every row at a depth has the same length.
fn flatten(
    value: &toml::Value,
    depth: usize,
    ndim: usize,
    shape: &mut Vec<usize>,
    data: &mut Vec<f32>,
) -> Result<(), String> {
    if depth == ndim {
        return number(value).map(|x| data.push(x)).map_err(|e| {
            format!(
                "{e} at depth {depth} (a value of type Array{ndim}<f32> nests lists {ndim} deep)"
            )
        });
    }
    let toml::Value::Array(items) = value else {
        return Err(format!(
            "expected a list at depth {} (Array{ndim}<f32> nests lists {ndim} deep), found {}",
            depth + 1,
            describe(value)
        ));
    };
    match shape.get(depth) {
        None => shape.push(items.len()),
        Some(&len) if len != items.len() => {
            return Err(format!(
                "the matrix is ragged: a list at depth {} has {} items, an earlier one has {len}",
                depth + 1,
                items.len()
            ));
        }
        Some(_) => {}
    }
    items
        .iter()
        .try_for_each(|item| flatten(item, depth + 1, ndim, shape, data))
}

/// A function the hidden tests call, parsed from its Rust signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub name: String,
    pub params: Vec<(String, ValueType)>,
    pub returns: ValueType,
    /// The signature as the lesson wrote it, for messages.
    pub text: String,
}

impl Signature {
    /// Parses `fn name(a: &Array2<f32>, n: usize) -> Array2<f32>` (`pub` is allowed).
    pub fn parse(text: &str) -> Result<Signature, String> {
        let bad = |why: &str| format!("{why}; write it as `fn name(arg: Type, ...) -> Type`");
        let rest = text.trim();
        let rest = rest.strip_prefix("pub ").unwrap_or(rest).trim_start();
        let rest = rest
            .strip_prefix("fn ")
            .ok_or_else(|| bad("a signature starts with `fn`"))?;
        let (name, rest) = rest
            .split_once('(')
            .ok_or_else(|| bad("no `(` after the name"))?;
        let name = name.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(bad(&format!("`{name}` is not a function name")));
        }
        let (params, rest) = rest
            .rsplit_once(')')
            .ok_or_else(|| bad("no `)` after the parameters"))?;
        let returns = rest
            .trim()
            .strip_prefix("->")
            .ok_or_else(|| bad("no `-> Type` after the parameters"))?;
        let returns = ValueType::parse(returns.trim())?;
        let mut parsed = Vec::new();
        for param in params.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (pname, ty) = param
                .split_once(':')
                .ok_or_else(|| bad(&format!("`{param}` has no type")))?;
            let ty = ty.trim();
            let (by_ref, ty_text) = match ty.strip_prefix('&') {
                Some(inner) => (true, inner.trim()),
                None => (false, ty),
            };
            let ty = ValueType::parse(ty_text)?;
            if by_ref != ty.by_reference() {
                return Err(if ty.by_reference() {
                    format!(
                        "arrays are passed by reference: write `&{ty}` for `{}`",
                        pname.trim()
                    )
                } else {
                    format!(
                        "`{ty}` is passed by value: write `{ty}` for `{}`",
                        pname.trim()
                    )
                });
            }
            parsed.push((pname.trim().to_string(), ty));
        }
        Ok(Signature {
            name: name.to_string(),
            params: parsed,
            returns,
            text: text.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_signature() {
        let s =
            Signature::parse("pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32>")
                .unwrap();
        assert_eq!(s.name, "max_pool2d");
        assert_eq!(
            s.params,
            vec![
                ("input".into(), ValueType::Array(2)),
                ("size".into(), ValueType::Usize)
            ]
        );
        assert_eq!(s.returns, ValueType::Array(2));
    }

    #[test]
    fn rejects_arrays_by_value_and_unknown_types() {
        assert!(
            Signature::parse("fn f(a: Array2<f32>) -> f32")
                .unwrap_err()
                .contains("by reference")
        );
        assert!(
            Signature::parse("fn f(a: &Vec<f32>) -> f32")
                .unwrap_err()
                .contains("not a type")
        );
        assert!(Signature::parse("fn f(a: f32)").unwrap_err().contains("->"));
    }

    #[test]
    fn converts_nested_lists_and_rejects_ragged_ones() {
        let v: toml::Value =
            toml::from_str::<toml::Table>("x = [[1, 2.5], [-3, 4]]").unwrap()["x"].clone();
        assert_eq!(
            ValueType::Array(2).value_from_toml(&v).unwrap(),
            WireValue::Array {
                shape: vec![2, 2],
                data: vec![1.0, 2.5, -3.0, 4.0]
            }
        );
        let ragged: toml::Value =
            toml::from_str::<toml::Table>("x = [[1, 2], [3]]").unwrap()["x"].clone();
        assert!(
            ValueType::Array(2)
                .value_from_toml(&ragged)
                .unwrap_err()
                .contains("ragged")
        );
        assert!(
            ValueType::Array(3)
                .value_from_toml(&v)
                .unwrap_err()
                .contains("depth 3")
        );
        assert!(
            ValueType::Usize
                .value_from_toml(&toml::Value::Integer(-1))
                .is_err()
        );
    }
}
