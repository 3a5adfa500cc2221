//! Data sets: CSV files of numbers shipped with the course (gzipped when named `*.gz`), declared in a
//! lesson with their sha256, and generators that take rows of them.
//!
//! Loading a lesson checks the generators' fields; loading the course checks each file's
//! sha256 and its summary (rows, columns, which columns hold whole numbers; see
//! [`DataFile::load`]), so a missing or changed file, a column out of range or a label
//! that is not a whole number is a lesson error at its line. The summary is kept by
//! checksum beside the harness builds, so loading the course costs a hash, not a parse
//! (tens of milliseconds in the checker's unoptimised build); the values themselves are
//! read only when a check draws them.
//! The rows of a case are drawn when the case is, from its seed: inputs of one case that
//! name the same file, split and `rows` get the same rows (images and their labels match).

use super::split::{self, Split};
use super::types::{Type, Value};
use crate::lang::say;
use cnnlings_runtime::{Bilingual, Cells, Kind};
use rand::SeedableRng;
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The values of a data file: `rows` rows of `columns` numbers, row after row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: usize,
    pub columns: usize,
    pub values: Vec<f64>,
}

/// What the checks of a lesson need to know of a data file.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub(crate) rows: usize,
    pub(crate) columns: usize,
    /// For each column, whether every value in it is a whole number, 0 or more.
    pub(crate) whole: Vec<bool>,
}

impl Summary {
    fn of(table: &Table) -> Summary {
        let whole = (0..table.columns)
            .map(|c| {
                (0..table.rows).all(|r| {
                    let x = table.values[r * table.columns + c];
                    x >= 0.0 && x.fract() == 0.0
                })
            })
            .collect();
        Summary {
            rows: table.rows,
            columns: table.columns,
            whole,
        }
    }

    fn text(&self) -> String {
        let flags: String = self
            .whole
            .iter()
            .map(|w| if *w { '1' } else { '0' })
            .collect();
        format!("{} {} {flags}\n", self.rows, self.columns)
    }

    fn parse(text: &str) -> Option<Summary> {
        let mut words = text.split_whitespace();
        let rows = words.next()?.parse().ok()?;
        let columns = words.next()?.parse().ok()?;
        let whole: Vec<bool> = words.next()?.chars().map(|c| c == '1').collect();
        (whole.len() == columns && rows > 0).then_some(Summary {
            rows,
            columns,
            whole,
        })
    }
}

/// A data file's values, read the first time a case draws from it.
#[derive(Debug, Default)]
pub(crate) struct DataCell {
    /// Set by the course once the file's checksum is right.
    path: OnceLock<std::path::PathBuf>,
    table: OnceLock<Option<Arc<Table>>>,
}

impl DataCell {
    /// The file's values; `None` before the course has checked the file, or if it has
    /// changed since.
    pub(crate) fn table(&self) -> Option<&Table> {
        let path = self.path.get()?;
        self.table
            .get_or_init(|| {
                let bytes = std::fs::read(path).ok()?;
                let gzipped = path.extension().is_some_and(|x| x == "gz");
                parse_table(&bytes, gzipped).ok().map(Arc::new)
            })
            .as_deref()
    }

    /// A cell whose values are already known (for tests).
    #[cfg(test)]
    pub(crate) fn with_table(table: Table) -> DataCell {
        let cell = DataCell::default();
        let _ = cell.path.set(std::path::PathBuf::new());
        let _ = cell.table.set(Some(Arc::new(table)));
        cell
    }
}

/// A file a lesson declares in `[[datasets]]`.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// As the lesson writes it: relative to the course's root.
    pub file: String,
    /// Lowercase hexadecimal.
    pub(crate) sha256: String,
    pub span: Range<usize>,
    /// Where `sha256` is written.
    pub sha256_span: Range<usize>,
    /// Its values, shared with the generators that read it.
    pub(crate) cell: Arc<DataCell>,
}

impl PartialEq for DataFile {
    fn eq(&self, other: &DataFile) -> bool {
        (&self.file, &self.sha256) == (&other.file, &other.sha256)
    }
}

/// A problem with a data file, in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub message: Bilingual,
    /// Whether it is about the checksum (then it points at `sha256`).
    pub checksum: bool,
}

impl DataFile {
    /// Checks the file below `root` against its sha256 and gives its summary: from
    /// `summaries` (a folder of them, by checksum) when it is there, else by reading
    /// the file, and then kept there. The generators can read the file from now on.
    pub fn load(&self, root: &Path, summaries: &Path) -> Result<Summary, DataError> {
        let path = root.join(&self.file);
        let bytes = std::fs::read(&path).map_err(|e| unreadable(root, &self.file, &e))?;
        let sum = sha256_hex(&bytes);
        if sum != self.sha256 {
            let file = &self.file;
            return Err(DataError {
                message: say!(ja: format!("データファイル {file} の sha256 は {sum} で、ここに書かれた値と違います。ファイルが変わったか、値の書き間違いです"),
                    en: format!("the data file {file} has sha256 {sum}, not the one written here: the file has changed, or the sum is wrong")),
                checksum: true,
            });
        }
        let kept = summaries.join(&sum);
        let summary = match std::fs::read_to_string(&kept)
            .ok()
            .and_then(|t| Summary::parse(&t))
        {
            Some(summary) => summary,
            None => {
                let table =
                    parse_table(&bytes, self.file.ends_with(".gz")).map_err(|e| DataError {
                        message: say!(ja: format!("データファイル {} を CSV として読めません（{}）", self.file, e.ja),
                            en: format!("the data file {} cannot be read as CSV: {}", self.file, e.en)),
                        checksum: false,
                    })?;
                let summary = Summary::of(&table);
                // A summary that cannot be kept is only computed again next time.
                let _ = std::fs::create_dir_all(summaries);
                let _ = crate::files::write_if_changed(&kept, &summary.text());
                let _ = self.cell.table.set(Some(Arc::new(table)));
                summary
            }
        };
        let _ = self.cell.path.set(path);
        Ok(summary)
    }
}

/// Why the data file `file` (as the lesson writes it, below `root`) cannot be read, in
/// both languages: the kind of the system's error said in our words (its own words only
/// for a rare kind, quoted), and for a file that does not exist the closest name in its
/// folder, when one is close (a typo).
pub fn unreadable(root: &Path, file: &str, e: &std::io::Error) -> DataError {
    use std::io::ErrorKind;
    let message = match e.kind() {
        ErrorKind::NotFound => {
            let near = closest_file(root, file);
            let (ja, en) = match near {
                Some(near) => (
                    format!("{near} のことですか？"),
                    format!(": did you mean {near}?"),
                ),
                None => (String::new(), String::new()),
            };
            say!(ja: format!("データファイル {file} がありません。{ja}"),
                en: format!("the data file {file} does not exist{en}"))
        }
        ErrorKind::PermissionDenied => {
            say!(ja: format!("データファイル {file} を読む権限がありません。"),
            en: format!("the data file {file} may not be read: permission denied"))
        }
        ErrorKind::IsADirectory => {
            say!(ja: format!("データファイル {file} はフォルダで、ファイルではありません。"),
            en: format!("the data file {file} is a folder, not a file"))
        }
        ErrorKind::NotADirectory => {
            say!(ja: format!("データファイル {file} に届きません。途中のフォルダがファイルになっています。"),
            en: format!("the data file {file} cannot be reached: a folder on its path is a file"))
        }
        ErrorKind::OutOfMemory => {
            say!(ja: format!("データファイル {file} がメモリに収まりません。"),
            en: format!("the data file {file} does not fit in memory"))
        }
        // Anything rarer is the system's own words, quoted.
        _ => say!(ja: format!("データファイル {file} を読めません（システムの説明：「{e}」）。"),
            en: format!("cannot read the data file {file}: {e}")),
    };
    DataError {
        message,
        checksum: false,
    }
}

/// The file of `file`'s folder whose name is closest to its name, as the lesson would
/// write it (`data/digits.csv.gz` for `data/digit.csv.gz`), if one is close.
fn closest_file(root: &Path, file: &str) -> Option<String> {
    let written = Path::new(file);
    let name = written.file_name()?.to_string_lossy().into_owned();
    let folder = written.parent().unwrap_or(Path::new(""));
    std::fs::read_dir(root.join(folder))
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .map(|other| (strsim::jaro_winkler(&name, &other), other))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, other)| match folder.as_os_str().is_empty() {
            true => other,
            false => format!("{}/{other}", folder.display()),
        })
}

/// The sha256 of `bytes` as lowercase hexadecimal.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses CSV without a header, every field a number and every row as long as the first.
pub fn parse_table(bytes: &[u8], gzipped: bool) -> Result<Table, Bilingual> {
    let text = match gzipped {
        true => {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(bytes)
                .read_to_end(&mut out)
                .map_err(|e| say!(ja: "gzip として展開できません", en: format!("not gzip: {e}")))?;
            out
        }
        false => bytes.to_vec(),
    };
    // Numbers and commas only (no quoting, no header): fields are found byte by byte
    // and each read by `f64::from_str`, which is far quicker in the checker's
    // unoptimised build than a CSV reader or iterator adaptors (60 ms for the digits).
    let mut values = Vec::with_capacity(text.len() / 2);
    let (mut rows, mut columns, mut width, mut start) = (0usize, 0usize, 0usize, 0usize);
    let mut line = 1;
    let mut i = 0;
    while i <= text.len() {
        let end_of_line = i == text.len() || text[i] == b'\n';
        if end_of_line || text[i] == b',' {
            let field = std::str::from_utf8(&text[start..i])
                .map_err(|_| {
                    say!(ja: format!("{line} 行目が UTF-8 のテキストではありません"),
                        en: format!("line {line} is not UTF-8 text"))
                })?
                .trim();
            let blank_line = end_of_line && width == 0 && field.is_empty();
            if !blank_line {
                let value: f64 = field.parse().map_err(|_| {
                    say!(ja: format!("{line} 行目の列 {width}：`{field}` は数ではありません"),
                        en: format!("line {line}, column {width}: `{field}` is not a number"))
                })?;
                values.push(value);
                width += 1;
            }
            if end_of_line && width > 0 {
                if rows == 0 {
                    columns = width;
                } else if width != columns {
                    return Err(
                        say!(ja: format!("{line} 行目の値は {width} 個ですが、それより前の行は {columns} 個です"),
                            en: format!("line {line} has {width} values, the lines before it {columns}")),
                    );
                }
                rows += 1;
                width = 0;
            }
            if end_of_line {
                line += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if rows == 0 || columns == 0 {
        return Err(say!(ja: "ファイルに行がありません", en: "the file has no rows"));
    }
    Ok(Table {
        rows,
        columns,
        values,
    })
}

/// Which rows of the split a generator takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Rows {
    All,
    Drawn(usize),
}

/// A checked data-set generator.
#[derive(Debug, Clone)]
pub struct DataGen {
    pub file: String,
    /// `None`: every row of the file.
    pub(crate) split: Option<Split>,
    pub(crate) rows: Rows,
    pub(crate) columns: Range<usize>,
    /// The shape of one row's values.
    pub(crate) row_shape: Vec<usize>,
    /// Whether the values are `usize` (labels) rather than `f32`.
    pub(crate) whole: bool,
    pub(crate) cell: Arc<DataCell>,
}

impl PartialEq for DataGen {
    fn eq(&self, other: &DataGen) -> bool {
        (
            &self.file,
            self.split,
            self.rows,
            &self.columns,
            &self.row_shape,
            self.whole,
        ) == (
            &other.file,
            other.split,
            other.rows,
            &other.columns,
            &other.row_shape,
            other.whole,
        )
    }
}

/// The fields of a generator that reads a data set, as written.
pub struct RawData<'a> {
    pub(crate) dataset: &'a str,
    pub(crate) split: Option<&'a str>,
    pub(crate) rows: Option<&'a toml::Value>,
    pub(crate) columns: Option<&'a toml::Value>,
    pub(crate) row_shape: Option<&'a [toml::Value]>,
}

impl DataGen {
    /// Checks a data-set generator of type `ty` against the lesson's declared files.
    /// The errors are in English and Japanese.
    pub fn new(raw: &RawData, ty: &Type, files: &[DataFile]) -> Result<DataGen, Bilingual> {
        let Some(declared) = files.iter().find(|f| f.file == raw.dataset) else {
            let known: Vec<&str> = files.iter().map(|f| f.file.as_str()).collect();
            let file = raw.dataset;
            return Err(match known.is_empty() {
                true => {
                    say!(ja: format!("データファイル `{file}` が宣言されていません。`[[datasets]]` に `sha256` と一緒に書いてください"),
                    en: format!("the data file `{file}` is not declared: add it to `[[datasets]]` with its `sha256`"))
                }
                false => {
                    say!(ja: format!("データファイル `{file}` は `[[datasets]]` にありません（宣言されているのは {}）", known.join(", ")),
                    en: format!("the data file `{file}` is not in `[[datasets]]` (declared: {})", known.join(", ")))
                }
            });
        };
        let split = match raw.split {
            // "train", the usual name in "train/test", is how lesson files said it
            // before "training": the same split, so that they still load.
            Some("training" | "train") => Some(Split::Train),
            Some("test") => Some(Split::Test),
            Some("all") => None,
            Some(other) => {
                return Err(
                    say!(ja: format!("`split = \"{other}\"`：分割は \"training\"（訓練用）、\"test\"（テスト用）、\"all\"（全部）のどれかです"),
                    en: format!("`split = \"{other}\"`: a split is \"training\", \"test\" or \"all\"")),
                );
            }
            None => {
                return Err(
                    say!(ja: "`split = \"training\"`、\"test\"、\"all\" のどれかを書いてください",
                    en: "give `split = \"training\"`, \"test\" or \"all\""),
                );
            }
        };
        let rows = match raw.rows {
            Some(toml::Value::String(s)) if s == "all" => Rows::All,
            Some(toml::Value::Integer(n)) if *n >= 1 => Rows::Drawn(*n as usize),
            Some(_) | None => {
                return Err(say!(ja: "`rows` は \"all\" か、1 以上の行数です",
                    en: "`rows` is \"all\" or a whole number of rows, 1 or more"));
            }
        };
        let columns = match raw.columns {
            Some(toml::Value::Integer(c)) if *c >= 0 => (*c as usize)..(*c as usize + 1),
            Some(toml::Value::String(s)) => parse_range(s)?,
            Some(_) | None => {
                return Err(
                    say!(ja: "`columns` に、列を一つ（`64`）か範囲（`\"0..64\"`）で書いてください。列は 0 から数えます"
                        .to_string(),
                    en: "give `columns`: one column (`64`) or a range (`\"0..64\"`), counted from 0"
                        .to_string()),
                );
            }
        };
        let width = columns.len();
        let row_shape = match raw.row_shape {
            Some(sizes) => sizes
                .iter()
                .map(|s| match s {
                    toml::Value::Integer(n) if *n >= 1 => Ok(*n as usize),
                    _ => Err(say!(ja: "`row_shape` は 1 以上の大きさのリストです",
                        en: "`row_shape` is a list of sizes, each 1 or more")),
                })
                .collect::<Result<Vec<_>, _>>()?,
            None => Vec::new(),
        };
        if raw.row_shape.is_some() && row_shape.iter().product::<usize>() != width {
            let product = row_shape.iter().product::<usize>();
            return Err(
                say!(ja: format!("`row_shape` は {product} 個の値ですが、`columns` は {width} 列です"),
                en: format!("`row_shape` holds {product} values, but `columns` gives {width}")),
            );
        }
        let (whole, ndim) = match ty {
            Type::Array(Kind::F32, n) => (false, *n),
            Type::Array(Kind::Usize, n) => (true, *n),
            other => {
                return Err(
                    say!(ja: format!("データセットから取り出せるのは配列（ファイルの 1 行が配列の 1 行）で、{other} ではありません"),
                    en: format!("a data set gives an array (a row of it for each row of the file), not a {other}")),
                );
            }
        };
        let row_shape = match (raw.row_shape.is_some(), ndim, width) {
            (true, n, _) if row_shape.len() + 1 == n => row_shape,
            (true, n, _) => {
                let (want, have) = (n - 1, row_shape.len());
                return Err(
                    say!(ja: format!("{ty} の大きさは {n} 個です。行の数のあとに、`row_shape` の {want} 個が続きます（{have} 個ではありません）"),
                    en: format!("{ty} has {n} sizes: the number of rows, then {want} in `row_shape`, not {have}")),
                );
            }
            (false, 1, 1) => Vec::new(),
            (false, 2, w) => vec![w],
            (false, 1, w) => {
                return Err(
                    say!(ja: format!("{ty} に入るのは 1 列ですが、`columns` は {w} 列です。Array2<f32> にするか、大きさの多い配列と `row_shape` を使ってください"),
                    en: format!("{ty} takes one column, but `columns` gives {w}: use Array2<f32>, or `row_shape` with an array of more sizes")),
                );
            }
            (false, n, _) => {
                let want = n - 1;
                return Err(
                    say!(ja: format!("{ty} には {want} 個の大きさの `row_shape` が要ります（8×8 の画像なら `row_shape = [8, 8]`）"),
                    en: format!("{ty} needs `row_shape` with {want} sizes (e.g. `row_shape = [8, 8]` for 8×8 images)")),
                );
            }
        };
        Ok(DataGen {
            file: declared.file.clone(),
            split,
            rows,
            columns,
            row_shape,
            whole,
            cell: Arc::clone(&declared.cell),
        })
    }

    /// Checks the generator against its file's summary; the errors in both languages.
    pub fn check(&self, table: &Summary, cases: usize) -> Result<(), Bilingual> {
        if self.columns.end > table.columns {
            return Err(
                say!(ja: format!("{} の列は {} 個（0 から {}）です。列 {} はありません", self.file, table.columns, table.columns - 1, self.columns.end - 1),
                en: format!("{} has {} columns (0 to {}): there is no column {}", self.file, table.columns, table.columns - 1, self.columns.end - 1)),
            );
        }
        let available = match self.split {
            Some(split) => split::count(table.rows, split),
            None => table.rows,
        };
        if let Rows::Drawn(n) = self.rows
            && n > available
        {
            return Err(
                say!(ja: format!("`rows = {n}` ですが、この分割には {available} 行しかありません"),
                en: format!("`rows = {n}`, but the split has {available} rows")),
            );
        }
        let rows = match self.rows {
            Rows::All => available,
            Rows::Drawn(n) => n,
        };
        let values = (rows as u64)
            .saturating_mul(self.columns.len() as u64)
            .saturating_mul(cases as u64);
        if values > super::draw::LESSON_VALUES_MAX {
            return Err(
                say!(ja: format!("このテストはデータセットから {values} 個の値を取り出し、上限（{} 個）を超えます。行かケースを減らしてください", super::draw::LESSON_VALUES_MAX),
                en: format!("the test's cases take {values} values of the data set, more than a check can store ({}): take fewer rows or cases", super::draw::LESSON_VALUES_MAX)),
            );
        }
        if self.whole
            && let Some(column) = self.columns.clone().find(|c| !table.whole[*c])
        {
            return Err(
                say!(ja: format!("usize は 0 以上の整数ですが、{} の列 {column} にはそうでない値があります", self.file),
                en: format!("a usize is a whole number, 0 or more, but column {column} of {} holds other values", self.file)),
            );
        }
        Ok(())
    }

    /// The value of case with seed `seed`; `None` before the course has read the file.
    pub fn draw(&self, seed: u64) -> Option<Value> {
        let table = self.cell.table()?;
        let mut rows = rows_in(self.split, table.rows);
        if let Rows::Drawn(n) = self.rows {
            // A generator of its own, so that inputs of the case that take the same rows
            // agree, whatever else the case draws.
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
            let n = n.min(rows.len());
            for k in 0..n {
                let j = rand::Rng::random_range(&mut rng, k..rows.len());
                rows.swap(k, j);
            }
            rows.truncate(n);
            rows.sort_unstable();
        }
        let mut shape = vec![rows.len()];
        shape.extend(&self.row_shape);
        let data: Vec<f32> = rows
            .iter()
            .flat_map(|row| {
                let start = row * table.columns;
                table.values[start + self.columns.start..start + self.columns.end].iter()
            })
            .map(|x| *x as f32)
            .collect();
        // Labels were checked to be whole numbers when the course read the file.
        let cells = match self.whole {
            true => Cells::Usize(data.iter().map(|x| *x as usize).collect()),
            false => Cells::F32(data),
        };
        Some(Value::Array { shape, cells })
    }
}

/// The rows of a file of `rows` rows in `split` (`None`: every row).
pub fn rows_in(split: Option<Split>, rows: usize) -> Vec<usize> {
    match split {
        Some(split) => split::rows(rows, split),
        None => (0..rows).collect(),
    }
}

/// `"0..64"` (0 to 63) or `"0..=63"`.
fn parse_range(text: &str) -> Result<Range<usize>, Bilingual> {
    let bad = || {
        say!(ja: format!("`columns = \"{text}\"`：列を一つ（`64`）か範囲（`\"0..64\"`、列 0 から 63）で書いてください"),
            en: format!("`columns = \"{text}\"`: write one column (`64`) or a range (`\"0..64\"`)"))
    };
    let (from, to, inclusive) = match text.split_once("..=") {
        Some((a, b)) => (a, b, true),
        None => {
            let (a, b) = text.split_once("..").ok_or_else(bad)?;
            (a, b, false)
        }
    };
    let from: usize = from.trim().parse().map_err(|_| bad())?;
    let to: usize = to.trim().parse().map_err(|_| bad())?;
    let end = if inclusive { to + 1 } else { to };
    if from >= end {
        return Err(
            say!(ja: format!("`columns = \"{text}\"` には列が一つもありません"),
                en: format!("`columns = \"{text}\"` holds no column")),
        );
    }
    Ok(from..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_file_that_cannot_be_read_is_said_in_both_languages_with_the_closest_name() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("data/folder.csv")).unwrap();
        std::fs::write(root.path().join("data/digits.csv.gz"), b"").unwrap();
        let read = |file: &str| {
            let e = std::fs::read(root.path().join(file)).unwrap_err();
            let said = unreadable(root.path(), file, &e).message;
            (said.en, said.ja)
        };
        assert_eq!(
            read("data/digit.csv.gz"),
            (
                "the data file data/digit.csv.gz does not exist: did you mean data/digits.csv.gz?"
                    .to_string(),
                "データファイル data/digit.csv.gz がありません。data/digits.csv.gz のことですか？"
                    .to_string()
            )
        );
        assert_eq!(
            read("data/weights.bin").1,
            "データファイル data/weights.bin がありません。"
        );
        assert_eq!(
            read("data/folder.csv").1,
            "データファイル data/folder.csv はフォルダで、ファイルではありません。"
        );
    }

    fn declared(file: &str) -> DataFile {
        DataFile {
            file: file.to_string(),
            sha256: String::new(),
            span: 0..0,
            sha256_span: 0..0,
            cell: Arc::default(),
        }
    }

    fn generator(fields: &str, ty: &str, files: &[DataFile]) -> Result<DataGen, Bilingual> {
        let table: toml::Table = toml::from_str(fields).unwrap();
        let row_shape = table.get("row_shape").and_then(|v| v.as_array());
        let raw = RawData {
            dataset: table["dataset"].as_str().unwrap(),
            split: table.get("split").and_then(|v| v.as_str()),
            rows: table.get("rows"),
            columns: table.get("columns"),
            row_shape: row_shape.map(|v| v.as_slice()),
        };
        DataGen::new(&raw, &Type::parse(ty).unwrap(), files)
    }

    #[test]
    fn reads_plain_and_gzipped_csv() {
        let table = parse_table(b"1,2,3\n4,5,6\n", false).unwrap();
        assert_eq!((table.rows, table.columns), (2, 3));
        assert_eq!(table.values[5], 6.0);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"1,2\n3,4\n").unwrap();
        let table = parse_table(&gz.finish().unwrap(), true).unwrap();
        assert_eq!(table.values, vec![1.0, 2.0, 3.0, 4.0]);
        assert!(parse_table(b"1,2\n3\n", false).is_err(), "ragged rows");
        assert!(
            parse_table(b"1,x\n", false)
                .unwrap_err()
                .en
                .contains("`x` is not a number")
        );
        assert!(parse_table(b"1,2", true).is_err(), "not gzip");
    }

    #[test]
    fn the_shipped_digits_match_their_sum_and_shape() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut file = declared("data/digits.csv.gz");
        file.sha256 = "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22".into();
        let kept = tempfile::tempdir().unwrap();
        let summary = file.load(&root, kept.path()).unwrap();
        assert_eq!((summary.rows, summary.columns), (1797, 65));
        assert!(
            summary.whole.iter().all(|w| *w),
            "pixels and labels are whole"
        );
        assert!(file.cell.table().is_some(), "read once, kept for drawing");
        let again = DataFile {
            sha256: file.sha256.clone(),
            ..declared("data/digits.csv.gz")
        };
        assert_eq!(
            again.load(&root, kept.path()).unwrap(),
            summary,
            "from the kept summary"
        );
        assert_eq!(
            again.cell.table().map(|t| t.rows),
            Some(1797),
            "read when drawn"
        );
        file.sha256 = "0".repeat(64);
        assert!(file.load(&root, kept.path()).unwrap_err().checksum);
    }

    #[test]
    fn checks_the_fields_and_draws_matching_rows() {
        let mut files = [declared("d.csv")];
        let images = generator(
            "dataset = 'd.csv'\nsplit = 'test'\nrows = 2\ncolumns = '0..4'\nrow_shape = [2, 2]",
            "Array3<f32>",
            &files,
        )
        .unwrap();
        let labels = generator(
            "dataset = 'd.csv'\nsplit = 'test'\nrows = 2\ncolumns = 4",
            "Array1<f32>",
            &files,
        )
        .unwrap();
        assert_eq!(images.draw(1), None, "nothing before the file is read");
        // Ten rows: row r holds r*10 .. r*10+3 and the label r.
        let values = (0..10)
            .flat_map(|r| (0..4).map(move |c| (r * 10 + c) as f64).chain([r as f64]))
            .collect();
        let table = Table {
            rows: 10,
            columns: 5,
            values,
        };
        let summary = Summary::of(&table);
        files[0].cell = Arc::new(DataCell::with_table(table.clone()));
        let images = DataGen {
            cell: Arc::clone(&files[0].cell),
            ..images
        };
        let labels = DataGen {
            cell: Arc::clone(&files[0].cell),
            ..labels
        };
        assert_eq!(images.check(&summary, 3), Ok(()));
        assert_eq!(
            images.draw(3),
            images.draw(3),
            "the same seed, the same rows"
        );
        let any = generator(
            "dataset = 'd.csv'\nsplit = 'all'\nrows = 3\ncolumns = 4",
            "Array1<f32>",
            &files,
        )
        .unwrap();
        let drawn: Vec<_> = (0..10).map(|seed| any.draw(seed)).collect();
        assert!(
            drawn.iter().any(|d| d != &drawn[0]),
            "other seeds, other rows"
        );
        let test_rows = split::rows(10, Split::Test);
        for seed in 0..5 {
            let (
                Some(Value::Array {
                    shape,
                    cells: Cells::F32(data),
                }),
                Some(Value::Array {
                    cells: Cells::F32(labels_data),
                    ..
                }),
            ) = (images.draw(seed), labels.draw(seed))
            else {
                panic!("arrays expected")
            };
            assert_eq!(shape, vec![2, 2, 2]);
            for (i, label) in labels_data.iter().enumerate() {
                assert!(test_rows.contains(&(*label as usize)));
                assert_eq!(data[i * 4], label * 10.0, "the image of the same row");
            }
        }
        let bad = |fields: &str, ty: &str| generator(fields, ty, &files).unwrap_err().en;
        assert!(bad("dataset = 'e.csv'", "Array2<f32>").contains("not in `[[datasets]]`"));
        assert!(
            bad(
                "dataset = 'd.csv'\nsplit = 'dev'\nrows = 'all'\ncolumns = 1",
                "Array1<f32>"
            )
            .contains("\"training\", \"test\" or \"all\"")
        );
        assert!(
            bad(
                "dataset = 'd.csv'\nsplit = 'all'\nrows = 'all'\ncolumns = '0..4'",
                "Array3<f32>"
            )
            .contains("row_shape")
        );
        assert!(
            bad(
                "dataset = 'd.csv'\nsplit = 'all'\nrows = 'all'\ncolumns = '0..4'\nrow_shape = [3, 2]",
                "Array3<f32>"
            )
            .contains("holds 6 values")
        );
        let wide = generator(
            "dataset = 'd.csv'\nsplit = 'all'\nrows = 'all'\ncolumns = '0..=5'",
            "Array2<f32>",
            &files,
        )
        .unwrap();
        assert!(
            wide.check(&summary, 1)
                .unwrap_err()
                .en
                .contains("no column 5")
        );
        let many = generator(
            "dataset = 'd.csv'\nsplit = 'test'\nrows = 3\ncolumns = 4",
            "Array1<f32>",
            &files,
        )
        .unwrap();
        assert!(
            many.check(&summary, 1)
                .unwrap_err()
                .en
                .contains("has 2 rows")
        );
    }
}
