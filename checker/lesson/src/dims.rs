//! Named sizes of random tests (`dims`): integer expressions, ranges, and drawing them.

use crate::lang::say;
use cnnlings_runtime::Bilingual;
use rand::Rng;

/// An integer expression over named sizes: `c2 * ((h - k + 1) / p)`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Number(i64),
    Name(String),
    Binary(Box<Expr>, char, Box<Expr>),
}

impl Expr {
    pub fn parse(text: &str) -> Result<Expr, Bilingual> {
        let tokens = tokenize(text)?;
        let mut parser = Parser {
            tokens: &tokens,
            at: 0,
        };
        let expr = parser.sum()?;
        match parser.tokens.get(parser.at) {
            None => Ok(expr),
            Some(token) => Err(
                say!(ja: format!("`{text}` の `{token}` は式として読めません。"),
                    en: format!("unexpected `{token}` in `{text}`")),
            ),
        }
    }

    pub(crate) fn from_toml(value: &toml::Value) -> Result<Expr, Bilingual> {
        match value {
            toml::Value::Integer(n) => Ok(Expr::Number(*n)),
            toml::Value::String(s) => Expr::parse(s),
            other => Err(
                say!(ja: format!("サイズ（整数か、引用符で囲んだ式）を書いてください。書かれているのは `{other}` です。"),
                    en: format!("expected a size (an integer or an expression in quotes), found `{other}`")),
            ),
        }
    }

    /// The size names the expression refers to.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Expr::Number(_) => vec![],
            Expr::Name(name) => vec![name.as_str()],
            Expr::Binary(a, _, b) => {
                let mut names = a.names();
                names.extend(b.names());
                names
            }
        }
    }

    pub(crate) fn eval(&self, sizes: &Sizes) -> Result<i64, Bilingual> {
        match self {
            Expr::Number(n) => Ok(*n),
            Expr::Name(name) => sizes.get(name).ok_or_else(|| {
                say!(ja: format!("`{name}` というサイズはありません"), en: format!("unknown size `{name}`"))
            }),
            Expr::Binary(a, op, b) => {
                let (a, b) = (a.eval(sizes)?, b.eval(sizes)?);
                let value = match op {
                    '+' => a.checked_add(b),
                    '-' => a.checked_sub(b),
                    '*' => a.checked_mul(b),
                    _ if b == 0 => {
                        return Err(say!(ja: "0 で割っています", en: "a division by zero"));
                    }
                    _ => Some(a.div_euclid(b)),
                };
                value.ok_or_else(|| say!(ja: "値があふれました", en: "an overflow"))
            }
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<String>, Bilingual> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if "+-*/()".contains(c) {
            tokens.push(c.to_string());
            chars.next();
        } else if c.is_ascii_alphanumeric() || c == '_' {
            let mut word = String::new();
            while let Some(&c) = chars
                .peek()
                .filter(|c| c.is_ascii_alphanumeric() || **c == '_')
            {
                word.push(c);
                chars.next();
            }
            tokens.push(word);
        } else {
            return Err(
                say!(ja: format!("サイズの式（`{text}`）に `{c}` は使えません。"),
                    en: format!("`{c}` cannot appear in a size expression (`{text}`)")),
            );
        }
    }
    Ok(tokens)
}

struct Parser<'t> {
    tokens: &'t [String],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.at).map(String::as_str)
    }

    fn binary(
        &mut self,
        ops: &str,
        next: fn(&mut Self) -> Result<Expr, Bilingual>,
    ) -> Result<Expr, Bilingual> {
        let mut left = next(self)?;
        while let Some(op) = self
            .peek()
            .and_then(|t| t.chars().next())
            .filter(|c| ops.contains(*c))
        {
            self.at += 1;
            left = Expr::Binary(Box::new(left), op, Box::new(next(self)?));
        }
        Ok(left)
    }

    fn sum(&mut self) -> Result<Expr, Bilingual> {
        self.binary("+-", Self::product)
    }

    fn product(&mut self) -> Result<Expr, Bilingual> {
        self.binary("*/", Self::atom)
    }

    fn atom(&mut self) -> Result<Expr, Bilingual> {
        let token = self
            .peek()
            .ok_or_else(|| {
                say!(ja: "サイズの式が途中で終わっています。", en: "a size expression ends too early")
            })?
            .to_string();
        self.at += 1;
        if token == "(" {
            let inner = self.sum()?;
            if self.peek() != Some(")") {
                return Err(say!(ja: "`(` が閉じていません。", en: "a `(` is not closed"));
            }
            self.at += 1;
            return Ok(inner);
        }
        if let Ok(n) = token.parse() {
            return Ok(Expr::Number(n));
        }
        if token.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            return Ok(Expr::Name(token));
        }
        Err(
            say!(ja: format!("`{token}` は式として読めません。"), en: format!("unexpected `{token}`")),
        )
    }
}

/// How one size is chosen.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DimSpec {
    /// Drawn uniformly from `low..=high`.
    Range(Expr, Expr),
    /// Computed from other sizes.
    Derived(Expr),
}

impl DimSpec {
    fn names(&self) -> Vec<&str> {
        match self {
            DimSpec::Range(low, high) => low.names().into_iter().chain(high.names()).collect(),
            DimSpec::Derived(expr) => expr.names(),
        }
    }
}

/// The sizes of a test, in an order where each depends only on earlier ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Dims {
    ordered: Vec<(String, DimSpec)>,
}

impl Dims {
    /// Reads a `dims` table; `name` errors say which size is wrong.
    pub(crate) fn from_toml(table: &toml::Table) -> Result<Dims, Bilingual> {
        let mut pending = Vec::new();
        for (name, value) in table {
            let spec = match value {
                toml::Value::Array(bounds) => match &bounds[..] {
                    [low, high] => {
                        let bound = |b| Expr::from_toml(b).map_err(|e| size(name, e));
                        DimSpec::Range(bound(low)?, bound(high)?)
                    }
                    _ => {
                        return Err(
                            say!(ja: format!("サイズ `{name}`：範囲は `[最小, 最大]` と書きます。"),
                                en: format!("size `{name}`: a range is written `[low, high]`")),
                        );
                    }
                },
                other => DimSpec::Derived(Expr::from_toml(other).map_err(|e| size(name, e))?),
            };
            pending.push((name.clone(), spec));
        }
        for (name, spec) in &pending {
            if let Some(unknown) = spec.names().into_iter().find(|n| !table.contains_key(*n)) {
                return Err(
                    say!(ja: format!("サイズ `{name}` が使う `{unknown}` は `dims` にありません。"),
                        en: format!("size `{name}` refers to `{unknown}`, which is not in `dims`")),
                );
            }
        }
        let mut ordered: Vec<(String, DimSpec)> = Vec::new();
        while !pending.is_empty() {
            let ready = pending.iter().position(|(_, spec)| {
                spec.names()
                    .iter()
                    .all(|n| ordered.iter().any(|(done, _)| done == n))
            });
            let Some(ready) = ready else {
                let names: Vec<&str> = pending.iter().map(|(n, _)| n.as_str()).collect();
                let names_ja: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                return Err(
                    say!(ja: format!("サイズ {} が互いを使っていて、循環しています。", names_ja.join("、")),
                        en: format!("the sizes {} depend on each other in a cycle", names.join(", "))),
                );
            };
            ordered.push(pending.remove(ready));
        }
        Ok(Dims { ordered })
    }

    /// Whether `name` is one of these sizes.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.ordered.iter().any(|(n, _)| n == name)
    }

    /// Draws every size for one case.
    pub fn draw(&self, rng: &mut impl Rng) -> Result<Sizes<'_>, Bilingual> {
        let mut sizes = Sizes::default();
        for (name, spec) in &self.ordered {
            let value = match spec {
                DimSpec::Range(low, high) => {
                    let bound = |b: &Expr| b.eval(&sizes).map_err(|e| size(name, e));
                    let (low, high) = (bound(low)?, bound(high)?);
                    if low > high {
                        return Err(
                            say!(ja: format!("サイズ `{name}`：範囲 {low}..={high} に数がありません。"),
                                en: format!("size `{name}`: the range {low}..={high} is empty")),
                        );
                    }
                    rng.random_range(low..=high)
                }
                DimSpec::Derived(expr) => expr.eval(&sizes).map_err(|e| size(name, e))?,
            };
            sizes.0.push((name, value));
        }
        Ok(sizes)
    }
}

/// The sizes of one case by name, in the order they were drawn. A lesson has a handful,
/// looked up for every case of every test when a course loads: a list is faster than a
/// map here.
#[derive(Debug, Default)]
pub(crate) struct Sizes<'a>(Vec<(&'a str, i64)>);

impl<'a> Sizes<'a> {
    pub fn get(&self, name: &str) -> Option<i64> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
}

impl<'a> FromIterator<(&'a str, i64)> for Sizes<'a> {
    fn from_iter<I: IntoIterator<Item = (&'a str, i64)>>(pairs: I) -> Self {
        Sizes(pairs.into_iter().collect())
    }
}

/// An error about one size, saying which.
fn size(name: &str, error: Bilingual) -> Bilingual {
    error.after(&format!("サイズ `{name}`"), &format!("size `{name}`"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn evaluates_with_precedence_and_floor_division() {
        let sizes: Sizes = [("h", 9), ("p", 2)].into_iter().collect();
        assert_eq!(
            Expr::parse("3 * (h - 2) / p + 1").unwrap().eval(&sizes),
            Ok(11)
        );
        assert_eq!(Expr::parse("h - p - 1").unwrap().eval(&sizes), Ok(6));
        assert!(Expr::parse("h +").is_err());
        assert!(Expr::parse("(h").is_err());
        assert!(Expr::parse("h % 2").is_err());
    }

    #[test]
    fn orders_sizes_by_dependency_and_finds_cycles() {
        let table: toml::Table = toml::from_str(
            r#"flat = "c * (h / p)"
h = ["p", 9]
p = [1, 3]
c = 2"#,
        )
        .unwrap();
        let dims = Dims::from_toml(&table).unwrap();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        for _ in 0..50 {
            let s = dims.draw(&mut rng).unwrap();
            let [p, h, flat] = ["p", "h", "flat"].map(|n| s.get(n).unwrap());
            assert!(p <= h && h <= 9);
            assert_eq!(flat, 2 * (h / p));
        }
        let cycle: toml::Table = toml::from_str("a = \"b\"\nb = \"a + 1\"").unwrap();
        assert!(Dims::from_toml(&cycle).unwrap_err().en.contains("cycle"));
        let unknown: toml::Table = toml::from_str("a = [1, \"q\"]").unwrap();
        assert!(Dims::from_toml(&unknown).unwrap_err().en.contains("`q`"));
    }

    #[test]
    fn a_bound_that_cannot_be_computed_names_its_size() {
        let table: toml::Table =
            toml::from_str("s = [0, 0]\nh = [1, 4]\nw = [\"h / s\", 9]").unwrap();
        let dims = Dims::from_toml(&table).unwrap();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let error = dims.draw(&mut rng).unwrap_err();
        assert_eq!(error.en, "size `w`: a division by zero");
        assert_eq!(error.ja, "サイズ `w`：0 で割っています");
    }
}
