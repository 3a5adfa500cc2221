//! Function signatures of a lesson, and values written in TOML.
//!
//! The types themselves ([`Type`]) and what each kind of number is ([`cnnlings_runtime::Elem`])
//! live in the runtime crate, which the harnesses share: this file only reads them from a
//! lesson file.

use crate::lang::say;
use cnnlings_runtime::{Bilingual, Literal};
pub use cnnlings_runtime::{Type, Value};

/// How a function takes a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// By value: `k: f32`.
    Value,
    /// By reference: `a: &Array2<f32>`.
    Ref,
    /// By mutable reference: `w: &mut Array2<f32>`; its value after the call is an output.
    Mut,
}

impl Mode {
    /// The parameter's type as Rust writes it: `&mut Array2<f32>`.
    pub fn write(self, ty: &Type) -> String {
        match self {
            Mode::Value => ty.to_string(),
            Mode::Ref => format!("&{ty}"),
            Mode::Mut => format!("&mut {ty}"),
        }
    }
}

/// One parameter of a function.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub ty: Type,
    pub mode: Mode,
}

/// A part of a case's output, as reports label it.
#[derive(Debug, Clone, PartialEq)]
pub enum Label {
    /// Part `i` of a tuple the code returned.
    Index(usize),
    /// What a function with `&mut` parameters returned.
    Returned,
    /// The value of a `&mut` parameter after the call.
    After(String),
    /// A part a scenario's `parts` names (`name = { ja = "…", en = "…" }`).
    Named(super::Bilingual),
}

/// The type of a Rust parameter written in a lesson: a value (numbers), a reference
/// (arrays) or a mutable reference (either).
fn param_type(name: &str, written: &str) -> Result<(Type, Mode), Bilingual> {
    let written = written.trim();
    let (mode, ty_text) = match written.strip_prefix('&') {
        Some(rest) => match rest.trim_start().strip_prefix("mut ") {
            Some(inner) => (Mode::Mut, inner.trim()),
            None => (Mode::Ref, rest.trim()),
        },
        None => (Mode::Value, written),
    };
    let ty = Type::parse(ty_text)?;
    match (&ty, mode) {
        (Type::Tuple(_), _) => Err(
            say!(ja: format!("`{name}`：タプルは引数として渡せません。部分ごとに別の引数にしてください。"),
                en: format!("`{name}`: a tuple is not a parameter the tests pass; take its parts as parameters of their own")),
        ),
        (_, Mode::Mut) | (Type::Array(..), Mode::Ref) | (Type::Scalar(_), Mode::Value) => {
            Ok((ty, mode))
        }
        (Type::Array(..), _) => Err(
            say!(ja: format!("配列は参照で渡します。`{name}` の型は `&{ty}` と書いてください。"),
                en: format!("arrays are passed by reference: write `&{ty}` for `{name}`")),
        ),
        (Type::Scalar(_), _) => Err(
            say!(ja: format!("`{ty}` は値で渡します。`{name}` の型は `{ty}` と書いてください。"),
                en: format!("`{ty}` is passed by value: write `{ty}` for `{name}`")),
        ),
    }
}

/// A function the hidden tests call, parsed from its Rust signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub name: String,
    pub params: Vec<Param>,
    /// What it returns; `()` for a function that only changes its `&mut` parameters.
    pub returns: Type,
    /// The signature as the lesson wrote it, for messages.
    pub text: String,
}

impl Signature {
    /// Parses `fn name(a: &Array2<f32>, w: &mut Array1<f32>, n: usize) -> Array2<f32>`
    /// (`pub` is allowed; without `->` the function returns `()`).
    pub fn parse(text: &str) -> Result<Signature, Bilingual> {
        let bad = |ja: &str, en: &str| {
            say!(ja: format!("{ja}。`fn 名前(引数: 型, ...) -> 型` の形で書いてください。"),
                en: format!("{en}; write it as `fn name(arg: Type, ...) -> Type`"))
        };
        let rest = text.trim();
        let rest = rest.strip_prefix("pub ").unwrap_or(rest).trim_start();
        let rest = rest.strip_prefix("fn ").ok_or_else(|| {
            bad(
                "シグネチャは `fn` で始まります",
                "a signature starts with `fn`",
            )
        })?;
        let (name, rest) = rest
            .split_once('(')
            .ok_or_else(|| bad("名前の後に `(` がありません", "no `(` after the name"))?;
        let name = name.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(bad(
                &format!("`{name}` は関数の名前になりません"),
                &format!("`{name}` is not a function name"),
            ));
        }
        let (params, rest) = split_params(rest)
            .ok_or_else(|| bad("引数の後に `)` がありません", "no `)` after the parameters"))?;
        let mut parsed: Vec<Param> = Vec::new();
        for param in params.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            let (pname, ty) = param.split_once(':').ok_or_else(|| {
                bad(
                    &format!("`{param}` に型がありません"),
                    &format!("`{param}` has no type"),
                )
            })?;
            let pname = pname.trim().trim_start_matches("mut ").trim();
            let (ty, mode) = param_type(pname, ty)?;
            parsed.push(Param {
                name: pname.to_string(),
                ty,
                mode,
            });
        }
        let rest = rest.trim();
        let returns = match rest.strip_prefix("->") {
            Some(returns) => Type::parse(returns.trim())?,
            None if rest.is_empty() => Type::unit(),
            None => {
                return Err(bad(
                    "引数の後は `-> 型` しか書けません",
                    "no `-> Type` after the parameters",
                ));
            }
        };
        let signature = Signature {
            name: name.to_string(),
            params: parsed,
            returns,
            text: text.trim().to_string(),
        };
        if signature.returns.is_unit() && signature.changed().next().is_none() {
            return Err(
                say!(ja: format!("`{name}` は何も返さず、`&mut` の引数もありません。テストで比べるものがないので、`-> 型` を書いてください。"),
                    en: format!("`{name}` returns nothing and takes no `&mut` parameter: the tests would have nothing to compare; write `-> Type`")),
            );
        }
        Ok(signature)
    }

    /// The indices of its `&mut` parameters, whose values after the call are outputs.
    pub fn changed(&self) -> impl Iterator<Item = usize> + '_ {
        self.params
            .iter()
            .enumerate()
            .filter(|(_, p)| p.mode == Mode::Mut)
            .map(|(i, _)| i)
    }
}

/// Splits `a: &A, b: B) -> R` into the parameters and what follows the `)`, at the
/// commas outside brackets.
fn split_params(text: &str) -> Option<(Vec<&str>, &str)> {
    let mut depth = 0i32;
    let mut start = 0;
    let mut params = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' | '<' | '[' => depth += 1,
            ')' if depth == 0 => {
                params.push(&text[start..i]);
                return Some((params, &text[i + 1..]));
            }
            ')' | '>' | ']' => depth -= 1,
            ',' if depth == 0 => {
                params.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    None
}

/// What a call outputs: the type of the value compared, and the labels of its parts when
/// a report shows them one by one.
pub(crate) fn output_of(returns: &Type, changed: &[(String, Type)]) -> (Type, Option<Vec<Label>>) {
    if changed.is_empty() {
        let labels = match returns {
            Type::Tuple(parts) if !parts.is_empty() => {
                Some((0..parts.len()).map(Label::Index).collect())
            }
            _ => None,
        };
        return (returns.clone(), labels);
    }
    let mut types = Vec::new();
    let mut labels = Vec::new();
    if !returns.is_unit() {
        types.push(returns.clone());
        labels.push(Label::Returned);
    }
    for (name, ty) in changed {
        types.push(ty.clone());
        labels.push(Label::After(name.clone()));
    }
    match (types.len(), labels.first()) {
        // A function that changes one parameter and returns nothing outputs that value.
        (1, Some(Label::After(_))) => (types.remove(0), None),
        _ => (Type::Tuple(types), Some(labels)),
    }
}

/// Converts a TOML value into a value of `ty`: a number or boolean, nested lists for an
/// array, a list of its parts for a tuple.
pub(crate) fn value_from_toml(ty: &Type, value: &toml::Value) -> Result<Value, Bilingual> {
    match ty {
        Type::Scalar(kind) => {
            let cells = kind.from_literals(&[literal(value)])?;
            Ok(Value::Array {
                shape: Vec::new(),
                cells,
            })
        }
        Type::Array(kind, ndim) => {
            let mut shape = Vec::new();
            let mut literals = Vec::new();
            flatten(value, 0, (ty, *ndim), &mut shape, &mut literals)?;
            let cells = kind.from_literals(&literals)?;
            Ok(Value::Array { shape, cells })
        }
        Type::Tuple(types) => {
            let n = types.len();
            let toml::Value::Array(items) = value else {
                let found = literal(value);
                return Err(
                    say!(ja: format!("{ty} 型の値は、{n} 個の部分を並べたリストで書きます。書かれているのは {} です。", found.describe_ja()),
                        en: format!("a value of type {ty} is a list of its {n} parts, found {}", found.describe())),
                );
            };
            if items.len() != n {
                let m = items.len();
                return Err(
                    say!(ja: format!("{ty} 型の値は、{n} 個の部分を並べたリストで書きます。書かれているのは {m} 個です。"),
                        en: format!("a value of type {ty} is a list of its {n} parts, found {m} items")),
                );
            }
            types
                .iter()
                .zip(items)
                .enumerate()
                .map(|(i, (t, v))| {
                    value_from_toml(t, v)
                        .map_err(|e| e.after(&format!("部分 {i}"), &format!("part {i}")))
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Tuple)
        }
    }
}

/// A TOML value as a [`Literal`]; lists and other values are described for messages.
fn literal(value: &toml::Value) -> Literal<'static> {
    let other = |en, ja| Literal::Other { en, ja };
    match value {
        toml::Value::Integer(n) => Literal::Integer(*n),
        toml::Value::Float(x) => Literal::Float(*x),
        toml::Value::Boolean(b) => Literal::Bool(*b),
        toml::Value::Array(_) => other("a list", "リスト"),
        toml::Value::String(_) => other("a string", "文字列"),
        toml::Value::Table(_) => other("a table", "テーブル"),
        toml::Value::Datetime(_) => other("a date", "日付"),
    }
}

/// Walks nested lists depth-first, checking that every row at a depth has the same
/// length; `array` is the array's type and its number of dimensions.
fn flatten(
    value: &toml::Value,
    depth: usize,
    array: (&Type, usize),
    shape: &mut Vec<usize>,
    out: &mut Vec<Literal<'static>>,
) -> Result<(), Bilingual> {
    let (ty, ndim) = array;
    if depth == ndim {
        if let toml::Value::Array(_) = value {
            return Err(
                say!(ja: format!("深さ {depth} には値を一つ書きます。リストが書かれています（{ty} 型の値はリストを {ndim} 重に入れ子にします）。"),
                    en: format!("expected a single value at depth {depth}, found a list (a value of type {ty} nests lists {ndim} deep)")),
            );
        }
        out.push(literal(value));
        return Ok(());
    }
    let toml::Value::Array(items) = value else {
        let (d, found) = (depth + 1, literal(value));
        return Err(
            say!(ja: format!("深さ {d} にはリストを書きます（{ty} 型の値はリストを {ndim} 重に入れ子にします）。書かれているのは {} です。", found.describe_ja()),
                en: format!("expected a list at depth {d} ({ty} nests lists {ndim} deep), found {}", found.describe())),
        );
    };
    match shape.get(depth) {
        None => shape.push(items.len()),
        Some(&len) if len != items.len() => {
            let (d, n) = (depth + 1, items.len());
            return Err(
                say!(ja: format!("行の長さがそろっていません。深さ {d} のリストに {n} 個ありますが、前のリストには {len} 個です。"),
                    en: format!("the matrix is ragged: a list at depth {d} has {n} items, an earlier one has {len}")),
            );
        }
        Some(_) => {}
    }
    items
        .iter()
        .try_for_each(|item| flatten(item, depth + 1, array, shape, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toml_value(text: &str) -> toml::Value {
        toml::from_str::<toml::Table>(&format!("x = {text}")).unwrap()["x"].clone()
    }

    #[test]
    fn parses_a_signature() {
        let s =
            Signature::parse("pub fn max_pool2d(input: &Array2<f32>, size: usize) -> Array2<f32>")
                .unwrap();
        assert_eq!(s.name, "max_pool2d");
        let params: Vec<(&str, String, Mode)> = s
            .params
            .iter()
            .map(|p| (p.name.as_str(), p.ty.to_string(), p.mode))
            .collect();
        assert_eq!(
            params,
            vec![
                ("input", "Array2<f32>".to_string(), Mode::Ref),
                ("size", "usize".to_string(), Mode::Value)
            ]
        );
        assert_eq!(s.returns.to_string(), "Array2<f32>");
    }

    #[test]
    fn parses_tuples_mutable_parameters_and_unit_returns() {
        let s = Signature::parse(
            "fn dense_backward(x: &Array1<f32>, w: &Array2<f32>, g: &Array1<f32>) -> (Array1<f32>, Array2<f32>, Array1<f32>)",
        )
        .unwrap();
        assert_eq!(
            s.returns.to_string(),
            "(Array1<f32>, Array2<f32>, Array1<f32>)"
        );
        let step = Signature::parse("fn step(w: &mut Array2<f32>, lr: f32, seed: u64)").unwrap();
        assert!(step.returns.is_unit());
        assert_eq!(step.params[0].mode, Mode::Mut);
        assert_eq!(step.changed().collect::<Vec<_>>(), vec![0]);
        assert!(Signature::parse("fn flip(b: &mut bool) -> ()").is_ok());
        assert!(
            Signature::parse("fn nothing(x: f32)")
                .unwrap_err()
                .en
                .contains("nothing to compare")
        );
        assert!(
            Signature::parse("fn pair(p: (f32, f32)) -> f32")
                .unwrap_err()
                .en
                .contains("tuple")
        );
    }

    #[test]
    fn outputs_label_their_parts() {
        let f32_ = Type::parse("f32").unwrap();
        let w = Type::parse("Array2<f32>").unwrap();
        assert_eq!(output_of(&f32_, &[]), (f32_.clone(), None));
        let one = vec![("w".to_string(), w.clone())];
        assert_eq!(output_of(&Type::unit(), &one), (w.clone(), None));
        let (ty, labels) = output_of(&f32_, &one);
        assert_eq!(ty.to_string(), "(f32, Array2<f32>)");
        assert_eq!(
            labels,
            Some(vec![Label::Returned, Label::After("w".into())])
        );
        let pair = Type::parse("(f32, bool)").unwrap();
        assert_eq!(
            output_of(&pair, &[]).1,
            Some(vec![Label::Index(0), Label::Index(1)])
        );
    }

    #[test]
    fn rejects_arrays_by_value_and_unknown_types() {
        assert!(
            Signature::parse("fn f(a: Array2<f32>) -> f32")
                .unwrap_err()
                .en
                .contains("by reference")
        );
        assert!(
            Signature::parse("fn f(a: &Vec<f32>) -> f32")
                .unwrap_err()
                .en
                .contains("not a type")
        );
        assert!(
            Signature::parse("fn f(a: f32) f32")
                .unwrap_err()
                .en
                .contains("->")
        );
    }

    #[test]
    fn converts_nested_lists_and_rejects_ragged_ones() {
        let v = toml_value("[[1, 2.5], [-3, 4]]");
        let matrix = Type::parse("Array2<f32>").unwrap();
        assert_eq!(
            value_from_toml(&matrix, &v).unwrap(),
            Value::array(vec![2, 2], vec![1.0f32, 2.5, -3.0, 4.0])
        );
        let ragged = toml_value("[[1, 2], [3]]");
        assert!(
            value_from_toml(&matrix, &ragged)
                .unwrap_err()
                .en
                .contains("ragged")
        );
        let cube = Type::parse("Array3<f32>").unwrap();
        assert!(
            value_from_toml(&cube, &v)
                .unwrap_err()
                .en
                .contains("depth 3")
        );
        let usize_ = Type::parse("usize").unwrap();
        assert!(value_from_toml(&usize_, &toml::Value::Integer(-1)).is_err());
    }

    #[test]
    fn converts_every_new_type() {
        let labels = Type::parse("Array1<usize>").unwrap();
        assert_eq!(
            value_from_toml(&labels, &toml_value("[3, 0, 9]")).unwrap(),
            Value::array(vec![3], vec![3usize, 0, 9])
        );
        assert!(
            value_from_toml(&labels, &toml_value("[3, 0.5]"))
                .unwrap_err()
                .en
                .contains("non-negative integer (usize)")
        );
        let flag = Type::parse("bool").unwrap();
        assert_eq!(
            value_from_toml(&flag, &toml_value("true")).unwrap(),
            Value::scalar(true)
        );
        let seed = Type::parse("u64").unwrap();
        assert_eq!(
            value_from_toml(&seed, &toml_value("42")).unwrap(),
            Value::scalar(42u64)
        );
        let grads = Type::parse("(Array1<f32>, f32)").unwrap();
        assert_eq!(
            value_from_toml(&grads, &toml_value("[[1, 2], 0.5]")).unwrap(),
            Value::Tuple(vec![
                Value::array(vec![2], vec![1.0f32, 2.0]),
                Value::scalar(0.5f32)
            ])
        );
        assert!(
            value_from_toml(&grads, &toml_value("[[1, 2]]"))
                .unwrap_err()
                .en
                .contains("2 parts")
        );
        assert!(
            value_from_toml(&grads, &toml_value("[[1, 2], true]"))
                .unwrap_err()
                .en
                .starts_with("part 1: expected a number")
        );
    }
}
