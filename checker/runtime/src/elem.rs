//! The kinds of number a value holds: the one place that says what each kind is.
//!
//! Each kind is an `impl Elem` for its Rust type and a line of the table at the end
//! ([`kinds!`]). Everything else is written once for every kind: scalars and arrays of
//! it (`usize`, `Array1<usize>`), tuples, the wire format, the TOML form of a lesson,
//! drawing random inputs, comparing outputs and showing them in reports. Adding a kind
//! (say `i32`) is one `impl Elem` and one line of the table, plus its line in the
//! lesson guide (`lessons/README.md`).

use crate::bilingual::Bilingual;

/// A single value as a lesson file writes it (a TOML number or boolean); lists are
/// taken apart before their items get here.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Literal<'a> {
    Integer(i64),
    Float(f64),
    Bool(bool),
    /// Anything else (a list, a string, a date, a table), named for messages in English
    /// and in Japanese.
    Other {
        en: &'a str,
        ja: &'a str,
    },
}

impl Literal<'_> {
    /// The literal as an error message shows it: "found `x`", "found a list".
    pub fn describe(&self) -> String {
        match self {
            Literal::Other { en, .. } => en.to_string(),
            written => written.code(),
        }
    }

    /// The same in Japanese: 「`x`」, 「リスト」.
    pub fn describe_ja(&self) -> String {
        match self {
            Literal::Other { ja, .. } => ja.to_string(),
            written => written.code(),
        }
    }

    fn code(&self) -> String {
        match self {
            Literal::Integer(n) => format!("`{n}`"),
            Literal::Float(x) => format!("`{x}`"),
            Literal::Bool(b) => format!("`{b}`"),
            Literal::Other { en, .. } => en.to_string(),
        }
    }

    /// "expected …, found …" for a literal of the wrong form: `en` and `ja` say what
    /// was expected.
    fn wrong(&self, ja: &str, en: &str) -> Bilingual {
        Bilingual::new(
            format!(
                "{ja}を書いてください。書かれているのは {} です。",
                self.describe_ja()
            ),
            format!("expected {en}, found {}", self.describe()),
        )
    }
}

/// Where random values come from: the checker's seeded generator.
pub trait Source {
    /// A number drawn uniformly from `low..=high`.
    fn float(&mut self, low: f64, high: f64) -> f64;
    /// A whole number drawn uniformly from `low..=high`.
    fn integer(&mut self, low: i64, high: i64) -> i64;
}

/// A kind of number a value can hold, and everything the checker does with it.
pub trait Elem: Stored + Copy + PartialEq + std::fmt::Debug + Send + Sync + 'static {
    /// Its Rust name, as lessons write it: `f32`.
    const NAME: &'static str;
    /// Appends one cell to a wire line, as one word.
    fn put(self, out: &mut String);
    /// Reads a word written by [`put`](Elem::put).
    fn get(word: &str) -> Option<Self>;
    /// A value written in a lesson file (`expected`, `args`, `value`).
    fn from_literal(literal: Literal) -> Result<Self, Bilingual>;
    /// Checks `range = [low, high]` of a random input of this kind.
    fn check_range(low: f64, high: f64) -> Result<(), Bilingual>;
    /// Draws one value from a range that passed [`check_range`](Elem::check_range);
    /// floats are rounded to `decimals` places.
    fn draw(low: f64, high: f64, decimals: u32, source: &mut dyn Source) -> Self;
    /// The value as a number compared within a test's tolerance, for a kind that is;
    /// `None` for a kind compared exactly.
    fn tolerant(self) -> Option<f64>;
    /// The value as a plain number, for a kind that is one (bounds such as `at_least`
    /// judge it); `None` for `bool`.
    fn number(self) -> Option<f64>;
    /// The value as a report shows it.
    fn text(self) -> String;
}

/// Random values and range bounds stay within this, so every one is a finite `f32`.
pub const RANGE_MAX: f64 = 1e30;
/// The largest whole number a range may give: every integer up to it is an exact `f64`.
pub const INTEGER_MAX: f64 = 9_007_199_254_740_992.0;

/// The bounds of a range of floats.
fn float_range(low: f64, high: f64) -> Result<(), Bilingual> {
    let bounded = |x: f64| x.is_finite() && x.abs() <= RANGE_MAX;
    match bounded(low) && bounded(high) && low <= high {
        true => Ok(()),
        false => Err(Bilingual::new(
            format!(
                "`range` には -{RANGE_MAX:e} から {RANGE_MAX:e} までの数を二つ、小さい方から書いてください。"
            ),
            format!("`range` is two numbers from -{RANGE_MAX:e} to {RANGE_MAX:e}, low ≤ high"),
        )),
    }
}

/// The bounds of a range of whole numbers from `min` up.
fn whole_range(low: f64, high: f64, min: f64, max: f64, name: &str) -> Result<(), Bilingual> {
    let whole = |x: f64| x.fract() == 0.0 && (min..=max).contains(&x);
    match whole(low) && whole(high) && low <= high {
        true => Ok(()),
        false => Err(Bilingual::new(
            format!(
                "{name} の `range` には {min} から {max} までの整数を二つ、小さい方から書いてください。"
            ),
            format!("`range` of a {name} is two whole numbers from {min} to {max}, low ≤ high"),
        )),
    }
}

/// A whole number from a lesson file, at least 0.
fn natural(literal: Literal, name: &str) -> Result<u64, Bilingual> {
    match literal {
        Literal::Integer(n) if n >= 0 => Ok(n as u64),
        other => Err(other.wrong(
            &format!("0 以上の整数（{name}）"),
            &format!("a non-negative integer ({name})"),
        )),
    }
}

impl Elem for f32 {
    const NAME: &'static str = "f32";

    fn put(self, out: &mut String) {
        // The bits, so nothing is lost, NaN included.
        out.push_str(&format!("{:08x}", self.to_bits()));
    }

    fn get(word: &str) -> Option<Self> {
        u32::from_str_radix(word, 16).ok().map(f32::from_bits)
    }

    fn from_literal(literal: Literal) -> Result<Self, Bilingual> {
        match literal {
            Literal::Integer(n) => Ok(n as f32),
            Literal::Float(x) => Ok(x as f32),
            other => Err(other.wrong("数", "a number")),
        }
    }

    fn check_range(low: f64, high: f64) -> Result<(), Bilingual> {
        float_range(low, high)
    }

    fn draw(low: f64, high: f64, decimals: u32, source: &mut dyn Source) -> Self {
        let scale = 10f64.powi(decimals as i32);
        ((source.float(low, high) * scale).round() / scale) as f32
    }

    fn tolerant(self) -> Option<f64> {
        Some(f64::from(self))
    }

    fn number(self) -> Option<f64> {
        Some(f64::from(self))
    }

    fn text(self) -> String {
        number(self)
    }
}

impl Elem for usize {
    const NAME: &'static str = "usize";

    fn put(self, out: &mut String) {
        out.push_str(&self.to_string());
    }

    fn get(word: &str) -> Option<Self> {
        word.parse().ok()
    }

    fn from_literal(literal: Literal) -> Result<Self, Bilingual> {
        natural(literal, Self::NAME).and_then(|n| {
            usize::try_from(n).map_err(|_| {
                Bilingual::new(
                    format!("`{n}` は usize には大きすぎます。"),
                    format!("`{n}` is too large for a usize"),
                )
            })
        })
    }

    fn check_range(low: f64, high: f64) -> Result<(), Bilingual> {
        whole_range(low, high, 0.0, INTEGER_MAX, Self::NAME)
    }

    fn draw(low: f64, high: f64, _: u32, source: &mut dyn Source) -> Self {
        source.integer(low as i64, high as i64) as usize
    }

    fn tolerant(self) -> Option<f64> {
        None
    }

    fn number(self) -> Option<f64> {
        Some(self as f64)
    }

    fn text(self) -> String {
        self.to_string()
    }
}

impl Elem for u64 {
    const NAME: &'static str = "u64";

    fn put(self, out: &mut String) {
        out.push_str(&self.to_string());
    }

    fn get(word: &str) -> Option<Self> {
        word.parse().ok()
    }

    fn from_literal(literal: Literal) -> Result<Self, Bilingual> {
        natural(literal, Self::NAME)
    }

    fn check_range(low: f64, high: f64) -> Result<(), Bilingual> {
        whole_range(low, high, 0.0, INTEGER_MAX, Self::NAME)
    }

    fn draw(low: f64, high: f64, _: u32, source: &mut dyn Source) -> Self {
        source.integer(low as i64, high as i64) as u64
    }

    fn tolerant(self) -> Option<f64> {
        None
    }

    fn number(self) -> Option<f64> {
        Some(self as f64)
    }

    fn text(self) -> String {
        self.to_string()
    }
}

impl Elem for bool {
    const NAME: &'static str = "bool";

    fn put(self, out: &mut String) {
        out.push(if self { '1' } else { '0' });
    }

    fn get(word: &str) -> Option<Self> {
        match word {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }

    fn from_literal(literal: Literal) -> Result<Self, Bilingual> {
        match literal {
            Literal::Bool(b) => Ok(b),
            other => Err(other.wrong("`true` か `false` ", "`true` or `false`")),
        }
    }

    /// `range = [0, 1]` draws either at random; `[1, 1]` always `true`.
    fn check_range(low: f64, high: f64) -> Result<(), Bilingual> {
        whole_range(low, high, 0.0, 1.0, Self::NAME)
    }

    fn draw(low: f64, high: f64, _: u32, source: &mut dyn Source) -> Self {
        source.integer(low as i64, high as i64) == 1
    }

    fn tolerant(self) -> Option<f64> {
        None
    }

    fn number(self) -> Option<f64> {
        None
    }

    fn text(self) -> String {
        self.to_string()
    }
}

/// Numbers as a person reads them: `4`, `-0.25`, `0.3333`, `1.2e-7`.
pub fn number(x: f32) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "inf".to_string()
        } else {
            "-inf".to_string()
        };
    }
    let a = x.abs();
    if a != 0.0 && !(1e-4..1e7).contains(&a) {
        return format!("{x:.3e}");
    }
    decimals(x, 4)
}

/// `x` rounded to at most `places` decimals, the trailing zeros dropped: `4`, `-0.5`,
/// `0.25` for 0.254 and two places; never `-0`. (`show` writes two places, a report
/// four.)
pub fn decimals(x: f32, places: usize) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let text = format!("{x:.places$}");
    let text = match text.contains('.') {
        true => text.trim_end_matches('0').trim_end_matches('.'),
        false => &text,
    };
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// How a kind's cells are stored in a [`Cells`]; written by [`kinds!`] for each kind.
pub trait Stored: Sized {
    const KIND: Kind;
    fn wrap(cells: Vec<Self>) -> Cells;
    /// The cells, if they are of this kind.
    fn unwrap(cells: Cells) -> Result<Vec<Self>, Cells>;
}

/// The table of kinds: writes [`Kind`], [`Cells`] and what every kind shares.
macro_rules! kinds {
    ($($kind:ident($t:ty)),* $(,)?) => {
        /// A kind of number a value holds.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($kind,)*
        }

        /// The cells of a value, of one kind, in row-major order (the last index changes
        /// fastest).
        #[derive(Debug, Clone, PartialEq)]
        pub enum Cells {
            $($kind(Vec<$t>),)*
        }

        $(impl Stored for $t {
            const KIND: Kind = Kind::$kind;
            fn wrap(cells: Vec<Self>) -> Cells {
                Cells::$kind(cells)
            }
            fn unwrap(cells: Cells) -> Result<Vec<Self>, Cells> {
                match cells {
                    Cells::$kind(cells) => Ok(cells),
                    #[allow(unreachable_patterns, reason = "a table of one kind")]
                    other => Err(other),
                }
            }
        })*

        impl Kind {
            /// Every kind, in the table's order.
            pub const ALL: &[Kind] = &[$(Kind::$kind),*];

            /// The Rust name: `f32`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$kind => <$t as Elem>::NAME,)*
                }
            }

            /// The kind of a Rust name.
            pub fn parse(name: &str) -> Option<Kind> {
                Kind::ALL.iter().copied().find(|k| k.name() == name)
            }

            /// Checks a `range` of this kind.
            pub fn check_range(self, low: f64, high: f64) -> Result<(), Bilingual> {
                match self {
                    $(Kind::$kind => <$t as Elem>::check_range(low, high),)*
                }
            }

            /// `count` values drawn from a checked range.
            pub fn draw(self, count: usize, low: f64, high: f64, decimals: u32, source: &mut dyn Source) -> Cells {
                match self {
                    $(Kind::$kind => Cells::$kind(
                        (0..count).map(|_| <$t as Elem>::draw(low, high, decimals, source)).collect(),
                    ),)*
                }
            }

            /// Cells from a lesson file's literals.
            pub fn from_literals(self, literals: &[Literal]) -> Result<Cells, Bilingual> {
                match self {
                    $(Kind::$kind => literals
                        .iter()
                        .map(|l| <$t as Elem>::from_literal(*l))
                        .collect::<Result<Vec<_>, _>>()
                        .map(Cells::$kind),)*
                }
            }

            /// `count` cells read from wire words.
            pub fn get<'w>(self, words: &mut impl Iterator<Item = &'w str>, count: usize) -> Result<Cells, String> {
                fn all<'w, T: Elem>(words: &mut impl Iterator<Item = &'w str>, count: usize) -> Result<Vec<T>, String> {
                    (0..count)
                        .map(|_| {
                            let word = words.next().ok_or("a value ends too early")?;
                            T::get(word).ok_or_else(|| format!("`{word}` is not a {}", T::NAME))
                        })
                        .collect()
                }
                match self {
                    $(Kind::$kind => all::<$t>(words, count).map(Cells::$kind),)*
                }
            }
        }

        impl Cells {
            pub fn kind(&self) -> Kind {
                match self {
                    $(Cells::$kind(_) => Kind::$kind,)*
                }
            }

            pub fn len(&self) -> usize {
                match self {
                    $(Cells::$kind(cells) => cells.len(),)*
                }
            }

            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }

            /// Appends every cell to a wire line, each after a space.
            pub fn put(&self, out: &mut String) {
                match self {
                    $(Cells::$kind(cells) => cells.iter().for_each(|c| {
                        out.push(' ');
                        c.put(out);
                    }),)*
                }
            }

            /// Cell `i` as a report shows it.
            pub fn text(&self, i: usize) -> String {
                match self {
                    $(Cells::$kind(cells) => cells.get(i).map_or_else(String::new, |c| c.text()),)*
                }
            }

            /// Cell `i` as a number compared within a tolerance, for a kind that is.
            pub fn tolerant(&self, i: usize) -> Option<f64> {
                match self {
                    $(Cells::$kind(cells) => cells.get(i).and_then(|c| c.tolerant()),)*
                }
            }

            /// Cell `i` as a plain number, for a kind that is one.
            pub fn number(&self, i: usize) -> Option<f64> {
                match self {
                    $(Cells::$kind(cells) => cells.get(i).and_then(|c| c.number()),)*
                }
            }

            /// Whether cell `i` here and cell `i` of `other` are the same value: for a
            /// tolerant kind as `close` says, else exactly. Cells of two kinds never are.
            pub fn same_cell(&self, other: &Cells, i: usize, close: &dyn Fn(f64, f64) -> bool) -> bool {
                match (self, other) {
                    $((Cells::$kind(a), Cells::$kind(b)) => match (a.get(i), b.get(i)) {
                        (Some(x), Some(y)) => match (x.tolerant(), y.tolerant()) {
                            (Some(x), Some(y)) => close(x, y),
                            _ => x == y,
                        },
                        _ => false,
                    },)*
                    #[allow(unreachable_patterns, reason = "a table of one kind")]
                    _ => false,
                }
            }
        }
    };
}

kinds! {
    F32(f32),
    Usize(usize),
    U64(u64),
    Bool(bool),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(4.0), "4");
        assert_eq!(number(-0.25), "-0.25");
        assert_eq!(number(1.0 / 3.0), "0.3333");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(1.5e-7), "1.500e-7");
        assert_eq!(number(f32::NAN), "NaN");
    }

    #[test]
    fn decimals_round_and_drop_trailing_zeros() {
        assert_eq!(decimals(0.254, 2), "0.25");
        assert_eq!(decimals(-0.001, 2), "0");
        assert_eq!(decimals(1e6, 2), "1000000");
        assert_eq!(decimals(f32::NEG_INFINITY, 2), "-inf");
        assert_eq!(decimals(f32::NAN, 2), "NaN");
    }

    #[test]
    fn every_kind_has_its_name_and_its_tolerance() {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(names, ["f32", "usize", "u64", "bool"]);
        assert_eq!(Kind::parse("u64"), Some(Kind::U64));
        assert_eq!(Kind::parse("i32"), None);
        assert_eq!(1.5f32.tolerant(), Some(1.5));
        assert_eq!(3usize.tolerant(), None);
    }

    #[test]
    fn literals_and_ranges_are_checked_per_kind() {
        assert_eq!(f32::from_literal(Literal::Integer(-2)), Ok(-2.0));
        assert!(usize::from_literal(Literal::Integer(-1)).is_err());
        assert_eq!(bool::from_literal(Literal::Bool(true)), Ok(true));
        assert!(bool::from_literal(Literal::Integer(1)).is_err());
        assert!(usize::check_range(0.0, 9.0).is_ok());
        assert!(usize::check_range(0.5, 9.0).is_err());
        assert!(bool::check_range(0.0, 2.0).is_err());
        assert!(f32::check_range(2.0, 1.0).is_err());
    }

    #[test]
    fn cells_compare_by_kind() {
        let close = |e: f64, g: f64| (e - g).abs() <= 0.1;
        let a = Cells::F32(vec![1.0, 2.0]);
        let b = Cells::F32(vec![1.05, 3.0]);
        assert!(a.same_cell(&b, 0, &close));
        assert!(!a.same_cell(&b, 1, &close));
        let labels = Cells::Usize(vec![3, 4]);
        assert!(labels.same_cell(&Cells::Usize(vec![3, 5]), 0, &close));
        assert!(!labels.same_cell(&Cells::Usize(vec![3, 5]), 1, &close));
        assert!(!labels.same_cell(&a, 0, &close), "kinds never mix");
        assert_eq!(Cells::Bool(vec![true]).text(0), "true");
    }
}
