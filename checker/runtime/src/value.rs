//! The types a lesson names and their values: numbers, arrays of them, and tuples.

use crate::bilingual::Bilingual;
use crate::elem::{Cells, Elem, Kind};
use std::fmt;

/// A Rust type a lesson's functions and scenarios take and return.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    /// A single number: `f32`, `usize`, `u64`, `bool`.
    Scalar(Kind),
    /// An ndarray array of this kind with this many dimensions: `Array2<f32>`.
    Array(Kind, usize),
    /// A tuple of these types; `()` has none.
    Tuple(Vec<Type>),
}

/// The most dimensions an array may have.
pub const MAX_DIMS: usize = 4;

/// The most parts a tuple may have (the harness converts tuples up to this size).
pub const MAX_PARTS: usize = 12;

impl Type {
    /// `()`: what a function that only changes its `&mut` parameters returns.
    pub fn unit() -> Type {
        Type::Tuple(Vec::new())
    }

    pub fn is_unit(&self) -> bool {
        matches!(self, Type::Tuple(parts) if parts.is_empty())
    }

    /// Parses a type as Rust writes it: `f32`, `Array1<usize>`, `(Array2<f32>, f32)`, `()`.
    pub fn parse(text: &str) -> Result<Type, Bilingual> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        Type::parse_compact(&compact).ok_or_else(|| {
            let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            let text = text.trim();
            let (kinds, kinds_ja) = (kinds.join(", "), kinds.join("、"));
            Bilingual::new(
                format!(
                    "`{text}` は使える型ではありません。{kinds_ja}、その配列（Array1<f32> から \
                     Array{MAX_DIMS}<f32>、Array1<usize> など）、またはそれらのタプル（(Array1<f32>, f32) など、部分は {MAX_PARTS} 個まで）を書いてください。"
                ),
                format!(
                    "`{text}` is not a type the checker knows; use {kinds}, an array of one of them \
                     (Array1<f32> to Array{MAX_DIMS}<f32>, Array1<usize>, …) or a tuple of these types \
                     such as (Array1<f32>, f32), of at most {MAX_PARTS} parts"
                ),
            )
        })
    }

    fn parse_compact(text: &str) -> Option<Type> {
        if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            let parts = split_top_level(inner)?;
            return match (&parts[..], inner.ends_with(',')) {
                // `(T)` is T, as in Rust.
                ([one], false) => Type::parse_compact(one),
                _ if parts.len() > MAX_PARTS => None,
                _ => parts
                    .iter()
                    .map(|p| Type::parse_compact(p))
                    .collect::<Option<Vec<_>>>()
                    .map(Type::Tuple),
            };
        }
        if let Some(kind) = Kind::parse(text) {
            return Some(Type::Scalar(kind));
        }
        let rest = text.strip_prefix("Array")?;
        let (n, kind) = rest.strip_suffix('>')?.split_once('<')?;
        let n: usize = n.parse().ok()?;
        ((1..=MAX_DIMS).contains(&n)).then_some(Type::Array(Kind::parse(kind)?, n))
    }

    /// The Rust type, with `array_path` before array types (`ndarray::` in generated code).
    pub fn rust(&self, array_path: &str) -> String {
        match self {
            Type::Scalar(kind) => kind.name().to_string(),
            Type::Array(kind, n) => format!("{array_path}Array{n}<{}>", kind.name()),
            Type::Tuple(parts) if parts.len() == 1 => format!("({},)", parts[0].rust(array_path)),
            Type::Tuple(parts) => {
                let parts: Vec<String> = parts.iter().map(|p| p.rust(array_path)).collect();
                format!("({})", parts.join(", "))
            }
        }
    }

    /// Whether a value of this type fits it: the same structure, kinds and dimensions.
    pub fn fits(&self, value: &Value) -> bool {
        match (self, value) {
            (Type::Scalar(kind), Value::Array { shape, cells }) => {
                shape.is_empty() && cells.kind() == *kind
            }
            (Type::Array(kind, n), Value::Array { shape, cells }) => {
                shape.len() == *n && cells.kind() == *kind
            }
            (Type::Tuple(types), Value::Tuple(values)) => {
                types.len() == values.len() && types.iter().zip(values).all(|(t, v)| t.fits(v))
            }
            _ => false,
        }
    }
}

/// Splits `a,(b,c),d` at its top-level commas; `None` if the brackets do not match.
fn split_top_level(text: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '<' => depth += 1,
            ')' | '>' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        if depth < 0 {
            return None;
        }
    }
    if depth != 0 {
        return None;
    }
    let last = &text[start..];
    if !last.is_empty() || parts.is_empty() && !text.is_empty() {
        parts.push(last);
    }
    Some(parts)
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rust(""))
    }
}

/// A value of a [`Type`], as it crosses the process boundary.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A single number (an empty shape) or an array of them.
    Array { shape: Vec<usize>, cells: Cells },
    /// A tuple's parts in order; `()` has none.
    Tuple(Vec<Value>),
}

impl Value {
    pub fn scalar<T: Elem>(x: T) -> Value {
        Value::Array {
            shape: Vec::new(),
            cells: T::wrap(vec![x]),
        }
    }

    /// An array of `shape` from its cells in row-major order.
    pub fn array<T: Elem>(shape: Vec<usize>, cells: Vec<T>) -> Value {
        Value::Array {
            shape,
            cells: T::wrap(cells),
        }
    }

    pub fn unit() -> Value {
        Value::Tuple(Vec::new())
    }

    /// The single number of kind `T`, if the value is one.
    pub fn as_scalar<T: Elem>(&self) -> Option<T> {
        match self {
            Value::Array { shape, cells } if shape.is_empty() => {
                T::unwrap(cells.clone()).ok()?.first().copied()
            }
            _ => None,
        }
    }

    /// How many numbers it holds.
    pub fn cell_count(&self) -> usize {
        match self {
            Value::Array { cells, .. } => cells.len(),
            Value::Tuple(parts) => parts.iter().map(Value::cell_count).sum(),
        }
    }

    /// What the value is, in words for a message (never its Debug form).
    pub fn describe(&self) -> String {
        match self {
            Value::Array { shape, cells } if shape.is_empty() => {
                format!("a {}", cells.kind().name())
            }
            Value::Array { shape, cells } => format!(
                "an array of {} dimensions of {}",
                shape.len(),
                cells.kind().name()
            ),
            Value::Tuple(parts) if parts.is_empty() => "()".to_string(),
            Value::Tuple(parts) => format!("a tuple of {}", parts.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_parse_and_print_as_rust_writes_them() {
        for text in [
            "f32",
            "usize",
            "u64",
            "bool",
            "Array1<usize>",
            "Array4<f32>",
            "(Array1<f32>, Array2<f32>, Array1<f32>)",
            "((f32, bool), Array2<f32>)",
            "()",
        ] {
            assert_eq!(
                Type::parse(text).map(|t| t.to_string()).map_err(|e| e.en),
                Ok(text.to_string())
            );
        }
        assert_eq!(Type::parse("Array2 < f32 >"), Ok(Type::Array(Kind::F32, 2)));
        assert_eq!(Type::parse("(f32)"), Ok(Type::Scalar(Kind::F32)));
        for bad in [
            "Array5<f32>",
            "Vec<f32>",
            "(f32,",
            "i32",
            "Array1<Array1<f32>>",
            "",
        ] {
            assert!(
                Type::parse(bad).unwrap_err().en.contains("not a type"),
                "{bad}"
            );
        }
        assert_eq!(
            Type::parse("ArrayX<f32>").unwrap_err().en,
            "`ArrayX<f32>` is not a type the checker knows; use f32, usize, u64, bool, an array of one \
             of them (Array1<f32> to Array4<f32>, Array1<usize>, …) or a tuple of these types such as \
             (Array1<f32>, f32), of at most 12 parts"
        );
        let parts = |n: usize| format!("({})", vec!["f32"; n].join(", "));
        assert!(Type::parse(&parts(MAX_PARTS)).is_ok());
        assert!(Type::parse(&parts(MAX_PARTS + 1)).is_err());
    }

    #[test]
    fn values_fit_their_types() {
        let labels = Value::array(vec![3], vec![1usize, 0, 2]);
        assert!(Type::Array(Kind::Usize, 1).fits(&labels));
        assert!(!Type::Array(Kind::F32, 1).fits(&labels));
        let pair = Value::Tuple(vec![Value::scalar(1.5f32), Value::scalar(true)]);
        assert!(Type::parse("(f32, bool)").is_ok_and(|t| t.fits(&pair)));
        assert!(Type::unit().fits(&Value::unit()));
        assert_eq!(pair.cell_count(), 2);
        assert_eq!(Value::scalar(7u64).as_scalar::<u64>(), Some(7));
    }
}
