//! Random cases: generators checked when a lesson loads, values drawn when it is checked.
//!
//! Loading draws every case's sizes (cheap: a few integers) so that an empty range, a
//! negative size or an array too large is reported with the lesson's other errors. The
//! values themselves are drawn the first time a check needs them, so a lesson of large
//! images costs nothing to `list`. Both walks draw from the same seeds in the same order,
//! so the values never depend on when they are drawn.

use super::dataset::{DataFile, DataGen, RawData};
use super::dims::{Dims, Expr};
use super::model::RawGenerator;
use super::types::{self, Type, Value};
use super::{Case, Expected};
use crate::lang::say;
use cnnlings_runtime::{Bilingual, Kind};
use rand::{Rng, SeedableRng};
use std::sync::{Arc, OnceLock};

/// A drawn size (a dim, or one side of an array) is at most this.
pub(crate) const SIZE_MAX: i64 = 1 << 20;
/// The most values one drawn array may hold: 4 Mi, 16 MiB as `f32`.
pub(crate) const ARRAY_MAX: u64 = 1 << 22;
/// The most random values a lesson may draw in all (64 Mi, about 580 MiB as the
/// harness reads them); more cannot be stored for a check.
pub(crate) const LESSON_VALUES_MAX: u64 = 1 << 26;

/// A checked generator: how one argument of a case is made.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Generator {
    /// Values of `kind` drawn from `low..=high` (each kind says how), one or an array.
    Uniform {
        kind: Kind,
        shape: Vec<Expr>,
        low: f64,
        high: f64,
    },
    Dim(Expr),
    Fixed(Value),
    /// Rows of a data file.
    Data(DataGen),
}

impl Generator {
    /// The sizes this generator's shape or `dim` names.
    pub(crate) fn size_names(&self) -> Vec<&str> {
        match self {
            Generator::Uniform { shape, .. } => shape.iter().flat_map(Expr::names).collect(),
            Generator::Dim(expr) => expr.names(),
            Generator::Fixed(_) | Generator::Data(_) => Vec::new(),
        }
    }

    /// Checks a generator of one argument of type `ty`; `what` names it in errors.
    pub fn new(raw: &RawGenerator, ty: &Type, what: &Bilingual) -> Result<Generator, Bilingual> {
        let fail = |ja: String, en: String| Err(say!(ja: ja, en: en).about(what));
        let about = |e: Bilingual| e.about(what);
        if raw.split.is_some()
            || raw.rows.is_some()
            || raw.columns.is_some()
            || raw.row_shape.is_some()
        {
            return fail(
                "`split`、`rows`、`columns`、`row_shape` は `dataset` と一緒に書きます。".into(),
                "`split`, `rows`, `columns` and `row_shape` go with `dataset`".into(),
            );
        }
        let given = [
            raw.shape.is_some(),
            raw.range.is_some(),
            raw.dim.is_some(),
            raw.value.is_some(),
        ];
        if let Some(value) = &raw.value {
            if given.iter().filter(|g| **g).count() > 1 {
                return fail(
                    "`value` は単独で書きます。`shape`、`range`、`dim` とは一緒に書けません。"
                        .into(),
                    "`value` stands alone, without `shape`, `range` or `dim`".into(),
                );
            }
            return types::value_from_toml(ty, value)
                .map(Generator::Fixed)
                .map_err(about);
        }
        if let Some(dim) = &raw.dim {
            if raw.shape.is_some() || raw.range.is_some() {
                return fail(
                    "`dim` は単独で書きます。`shape` や `range` とは一緒に書けません。".into(),
                    "`dim` stands alone, without `shape` or `range`".into(),
                );
            }
            if *ty != Type::Scalar(Kind::Usize) {
                return fail(
                    format!("`dim` が与えるのは usize ですが、型は {ty} です。"),
                    format!("`dim` gives a usize, but the type is {ty}"),
                );
            }
            return Expr::from_toml(dim).map(Generator::Dim).map_err(about);
        }
        let Some([low, high]) = raw.range else {
            return fail(
                "`range = [最小, 最大]`（配列なら `shape` も）、`dim`、`value` のどれかを書いてください。"
                    .into(),
                "give `range = [low, high]` (with `shape` for an array), `dim` or `value`".into(),
            );
        };
        let kind = match ty {
            Type::Scalar(kind) | Type::Array(kind, _) => *kind,
            Type::Tuple(_) => {
                return fail(
                    "タプルは乱数で作れません。`value` で書くか、部分ごとに別の入力にしてください。"
                        .into(),
                    "a tuple is not drawn; give it with `value`, or draw its parts as inputs of their own"
                        .into(),
                );
            }
        };
        kind.check_range(low, high).map_err(about)?;
        let shape = match (&raw.shape, ty) {
            (None, Type::Scalar(_)) => Vec::new(),
            (Some(shape), Type::Array(_, n)) if shape.len() == *n => shape
                .iter()
                .map(Expr::from_toml)
                .collect::<Result<_, _>>()
                .map_err(about)?,
            (Some(shape), Type::Array(_, n)) => {
                let m = shape.len();
                return fail(
                    format!("{ty} 型には `shape` にサイズが {n} 個要りますが、{m} 個です。"),
                    format!("the type {ty} needs {n} sizes in `shape`, found {m}"),
                );
            }
            (None, Type::Array(..)) => {
                return fail(
                    "配列には `shape` が要ります。".into(),
                    "an array needs a `shape`".into(),
                );
            }
            (_, _) => {
                return fail(
                    format!("{ty} は `range` から作れません。"),
                    format!("a {ty} cannot be drawn from a `range`"),
                );
            }
        };
        Ok(Generator::Uniform {
            kind,
            shape,
            low,
            high,
        })
    }
}

/// Checks a generator that reads a data file (`raw.dataset` is given); the errors in
/// English and Japanese, `what` naming the argument.
pub(crate) fn data_generator(
    raw: &RawGenerator,
    ty: &Type,
    what: &Bilingual,
    files: &[DataFile],
) -> Result<Generator, Bilingual> {
    if raw.shape.is_some() || raw.range.is_some() || raw.dim.is_some() || raw.value.is_some() {
        return Err(say!(ja: "`dataset` と一緒に書くのは `split`、`rows`、`columns`、`row_shape` です。`shape`、`range`、`dim`、`value` は書けません。",
            en: "`dataset` takes `split`, `rows`, `columns` and `row_shape`, not `shape`, `range`, `dim` or `value`")
        .about(what));
    }
    let data = RawData {
        dataset: raw.dataset.as_deref().unwrap_or_default(),
        split: raw.split.as_deref(),
        rows: raw.rows.as_ref(),
        columns: raw.columns.as_ref(),
        row_shape: raw.row_shape.as_deref(),
    };
    DataGen::new(&data, ty, files)
        .map(Generator::Data)
        .map_err(|e| e.about(what))
}

/// How a test's cases are drawn: `count` cases from `seed`, `seed + 1`, ….
#[derive(Debug, Clone, PartialEq)]
pub struct Draw {
    pub(crate) seed: u64,
    pub(crate) count: usize,
    pub(crate) dims: Dims,
    pub(crate) generators: Vec<Generator>,
    pub(crate) decimals: u32,
    pub(crate) expected: Expected,
    /// Whether the cases depend on their seed (reports name it only then).
    pub(crate) seeded: bool,
}

/// What drawing a test's cases will make, known before any value is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DrawSize {
    /// Random values in all its cases.
    pub values: u64,
    /// The largest array of one case, as (rows, columns) of its last two sizes.
    pub largest: Option<(usize, usize)>,
    /// Values in the largest array.
    pub(crate) largest_values: u64,
}

impl Draw {
    /// Draws every case's sizes, without a value: the errors loading reports, with the
    /// case and its seed, and the size of what [`cases`](Self::cases) will draw.
    pub(crate) fn check(&self) -> Result<DrawSize, Bilingual> {
        let mut size = DrawSize::default();
        for i in 0..self.count {
            for shape in self.case(i, false)?.1 {
                let values = volume(&shape);
                size.values += values;
                if values > size.largest_values {
                    size.largest_values = values;
                    size.largest = match shape[..] {
                        [.., rows, cols] => Some((rows, cols)),
                        [n] => Some((1, n)),
                        [] => None,
                    };
                }
            }
        }
        Ok(size)
    }

    /// Draws every case. Call only after [`check`](Self::check) has passed: a case it
    /// would reject is left out rather than drawn.
    pub fn cases(&self) -> Vec<Case> {
        (0..self.count)
            .filter_map(|i| self.case(i, true).ok())
            .map(|(case, _)| case)
            .collect()
    }

    /// Case `i`, with its values if `values` (else with empty arrays), and the shape
    /// of each of its arrays.
    fn case(&self, i: usize, values: bool) -> Result<(Case, Vec<Vec<usize>>), Bilingual> {
        let case_seed = self.seed.wrapping_add(i as u64);
        let mut rng = Seeded(rand_chacha::ChaCha8Rng::seed_from_u64(case_seed));
        let within = |n: i64| match n {
            n if n < 0 => Err(say!(ja: format!("サイズが負になりました（{n}）。"),
                en: format!("a size came out negative ({n})"))),
            n if n > SIZE_MAX => Err(
                say!(ja: format!("サイズが {n} になり、上限の {SIZE_MAX} を超えました。"),
                    en: format!("a size came out as {n}, above {SIZE_MAX}")),
            ),
            n => Ok(n as usize),
        };
        let fail = |e: Bilingual| {
            e.after(
                &format!("ケース {}（シード {case_seed}）", i + 1),
                &format!("case {} (seed {case_seed})", i + 1),
            )
        };
        let sizes = self.dims.draw(&mut rng.0).map_err(fail)?;
        let mut shapes = Vec::new();
        let mut args = Vec::new();
        for generator in &self.generators {
            let arg = match generator {
                Generator::Fixed(v) => v.clone(),
                Generator::Data(data) if values => data.draw(case_seed).ok_or_else(|| {
                    fail(
                        say!(ja: format!("{} がまだ読み込まれていません。", data.file),
                            en: format!("{} has not been read", data.file)),
                    )
                })?,
                // Its size is checked when the course reads the file.
                Generator::Data(_) => Value::scalar(0usize),
                Generator::Dim(e) => Value::scalar(e.eval(&sizes).and_then(within).map_err(fail)?),
                Generator::Uniform {
                    kind,
                    shape,
                    low,
                    high,
                } => {
                    let shape = shape
                        .iter()
                        .map(|e| e.eval(&sizes).and_then(within))
                        .collect::<Result<Vec<usize>, Bilingual>>()
                        .map_err(fail)?;
                    let len = volume(&shape);
                    if len > ARRAY_MAX {
                        let shape = shape_text(&shape);
                        return Err(fail(
                            say!(ja: format!("形 {shape} の配列には値が {len} 個あります。テストの配列は {ARRAY_MAX} 個までです。"),
                                en: format!("an array of shape {shape} holds {len} values; a test's array holds at most {ARRAY_MAX}")),
                        ));
                    }
                    let count = if values { len as usize } else { 0 };
                    let cells = kind.draw(count, *low, *high, self.decimals, &mut rng);
                    shapes.push(shape.clone());
                    Value::Array { shape, cells }
                }
            };
            args.push(arg);
        }
        let case = Case {
            args,
            expected: self.expected.clone(),
            seed: self.seeded.then_some(case_seed),
        };
        Ok((case, shapes))
    }
}

/// The checker's seeded generator, as the kinds of [`cnnlings_runtime::Elem`] draw from it.
struct Seeded(rand_chacha::ChaCha8Rng);

impl cnnlings_runtime::Source for Seeded {
    fn float(&mut self, low: f64, high: f64) -> f64 {
        self.0.random_range(low..=high)
    }

    fn integer(&mut self, low: i64, high: i64) -> i64 {
        self.0.random_range(low..=high)
    }
}

/// The number of values of an array of this shape (saturating: a shape can be absurd).
fn volume(shape: &[usize]) -> u64 {
    shape
        .iter()
        .fold(1u64, |n, &side| n.saturating_mul(side as u64))
}

/// A shape as its sides: `3×4`, `8×6×6`, `10`.
pub fn shape_text(shape: &[usize]) -> String {
    let sides: Vec<String> = shape.iter().map(usize::to_string).collect();
    sides.join("×")
}

/// A test's cases: written in the lesson, or drawn the first time they are needed.
/// Clones share what is drawn.
#[derive(Debug, Clone)]
pub struct Cases {
    count: usize,
    source: Source,
}

#[derive(Debug, Clone)]
enum Source {
    Given(Vec<Case>),
    Drawn {
        draw: Arc<Draw>,
        cases: Arc<OnceLock<Vec<Case>>>,
    },
}

impl Cases {
    pub(crate) fn given(cases: Vec<Case>) -> Cases {
        Cases {
            count: cases.len(),
            source: Source::Given(cases),
        }
    }

    /// Cases drawn from a checked [`Draw`], when first needed.
    pub(crate) fn drawn(draw: Draw) -> Cases {
        Cases {
            count: draw.count,
            source: Source::Drawn {
                draw: Arc::new(draw),
                cases: Arc::default(),
            },
        }
    }

    /// How many cases there are, without drawing them.
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// Whether the values have been drawn (always, for cases written in the lesson).
    #[cfg(test)]
    fn is_drawn(&self) -> bool {
        match &self.source {
            Source::Given(_) => true,
            Source::Drawn { cases, .. } => cases.get().is_some(),
        }
    }

    /// Every case, drawn now if not yet.
    pub(crate) fn all(&self) -> &[Case] {
        match &self.source {
            Source::Given(cases) => cases,
            Source::Drawn { draw, cases } => cases.get_or_init(|| draw.cases()),
        }
    }
}

impl std::ops::Deref for Cases {
    type Target = [Case];

    fn deref(&self) -> &[Case] {
        self.all()
    }
}

impl<'a> IntoIterator for &'a Cases {
    type Item = &'a Case;
    type IntoIter = std::slice::Iter<'a, Case>;

    fn into_iter(self) -> Self::IntoIter {
        self.all().iter()
    }
}

impl PartialEq for Cases {
    fn eq(&self, other: &Cases) -> bool {
        self.all() == other.all()
    }
}

impl From<Vec<Case>> for Cases {
    fn from(cases: Vec<Case>) -> Cases {
        Cases::given(cases)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(count: usize, dims: &str, shape: &[&str]) -> Draw {
        let table: toml::Table = toml::from_str(dims).unwrap();
        Draw {
            seed: 40,
            count,
            dims: Dims::from_toml(&table).unwrap(),
            generators: vec![Generator::Uniform {
                kind: Kind::F32,
                shape: shape.iter().map(|s| Expr::parse(s).unwrap()).collect(),
                low: -1.0,
                high: 1.0,
            }],
            decimals: 2,
            expected: Expected::Reference,
            seeded: true,
        }
    }

    #[test]
    fn checking_draws_no_value_and_drawing_later_gives_the_same_cases() {
        let d = draw(30, "h = [1, 5]\nw = [\"h\", 7]", &["h", "w"]);
        let size = d.check().unwrap();
        let cases = Cases::drawn(d.clone());
        assert_eq!(cases.len(), 30);
        assert!(!cases.is_drawn(), "counting draws nothing");
        let drawn = cases.all();
        assert!(cases.is_drawn());
        assert_eq!(drawn, d.cases(), "the same seeds give the same values");
        let values: usize = drawn.iter().map(|c| c.args[0].cell_count()).sum();
        assert_eq!(size.values, values as u64);
        assert_eq!(drawn[3].seed, Some(43));
        let shared = cases.clone();
        assert!(shared.is_drawn(), "clones share what was drawn");
    }

    #[test]
    fn sizes_are_bounded_before_anything_is_drawn() {
        let huge = draw(1, "n = [1000000, 1000000]", &["n", "n"]);
        assert!(huge.check().unwrap_err().en.contains("at most 4194304"));
        let overflow = draw(1, "n = [1048576, 1048576]", &["n", "n", "n"]);
        assert!(overflow.check().is_err(), "no overflow, no panic");
        let negative = draw(3, "n = [0, 2]\nm = \"n - 3\"", &["m"]);
        assert!(negative.check().unwrap_err().en.contains("negative"));
        let vga = draw(20, "h = [480, 480]\nw = [640, 640]", &["h", "w"]);
        let size = vga.check().unwrap();
        assert_eq!(size.values, 20 * 640 * 480);
        assert_eq!(size.largest, Some((480, 640)));
    }
}
