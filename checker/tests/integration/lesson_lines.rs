//! Ten careless breaks of a lesson, as an instructor makes them: each is reported at its
//! own line of the lesson file, in the instructor's language (in Japanese with no English
//! of ours; rustc's words come quoted after our sentence).

use crate::lesson_files::words_of_ours;
use crate::support::assert_cmd_snapshot;
use crate::support::{Workbook, assert_status, serial, stderr, stdout};

/// One careless break: the text replaced (once) in a file of the fixture course, the
/// command that finds it, and the place it must be reported at.
struct Careless {
    name: &'static str,
    file: &'static str,
    from: &'static str,
    to: &'static str,
    /// On the fixture course with the lesson `digits` (a data set), not the plain one.
    data: bool,
    /// `dev check` of this lesson (an error rustc finds); `None`: found as lessons load.
    dev_check: Option<&'static str>,
    /// `file:line:col` of the error, as codespan prints it.
    at: &'static str,
}

const fn loads(
    name: &'static str,
    from: &'static str,
    to: &'static str,
    at: &'static str,
) -> Careless {
    Careless {
        name,
        file: "lessons/01-scale.toml",
        from,
        to,
        data: false,
        dev_check: None,
        at,
    }
}

const CARELESS: [Careless; 10] = [
    // A scenario that halves the sums with a helper taking `&mut`, called with `&`.
    Careless {
        name: "shared_for_mut",
        file: "lessons/02-grid.toml",
        from: "grid.scaled_sums(k)\n",
        to: "let mut sums = grid.scaled_sums(k);\nlet halve = |v: &mut Array1<f32>| *v /= 2.0;\nhalve(&sums);\nsums\n",
        data: false,
        dev_check: Some("grid"),
        at: "lessons/02-grid.toml:22:7",
    },
    Careless {
        name: "module_not_in_uses",
        file: "lessons/03-digits.toml",
        from: "let grad = half_square_sum_grad(&x);",
        to: "let grad = crate::scale::scale(&half_square_sum_grad(&x), 1.0);",
        data: true,
        dev_check: Some("digits"),
        at: "lessons/03-digits.toml:72:19",
    },
    Careless {
        name: "misspelt_data_file",
        file: "lessons/03-digits.toml",
        from: "file = \"data/digits.csv.gz\"",
        to: "file = \"data/digit.csv.gz\"",
        data: true,
        dev_check: None,
        at: "lessons/03-digits.toml:16:8",
    },
    Careless {
        name: "swapped_reference_parameters",
        file: "solutions/src/scale.rs",
        from: "pub fn scale(v: &Array1<f32>, k: f32)",
        to: "pub fn scale(k: f32, v: &Array1<f32>)",
        data: false,
        dev_check: None,
        at: "lessons/01-scale.toml:6:14",
    },
    loads(
        "unknown_field",
        "time_limit = 2.0",
        "time_limt = 2.0",
        "lessons/01-scale.toml:5:1",
    ),
    loads(
        "misspelt_type",
        "fn scale(v: &Array1<f32>",
        "fn scale(v: &Array1<f23>",
        "lessons/01-scale.toml:6:28",
    ),
    loads(
        "size_not_in_dims",
        "shape = [\"n\"]",
        "shape = [\"m\"]",
        "lessons/01-scale.toml:26:9",
    ),
    loads(
        "expected_of_the_wrong_shape",
        "expected = [3, -6]",
        "expected = [[3, -6]]",
        "lessons/01-scale.toml:18:12",
    ),
    loads(
        "call_not_in_functions",
        "call = \"scale\"\nargs = [[1",
        "call = \"scael\"\nargs = [[1",
        "lessons/01-scale.toml:16:8",
    ),
    loads(
        "hint_without_en",
        "{ ja = \"答え: `v * k`\", en = \"The answer: `v * k`\" }",
        "{ ja = \"答え: `v * k`\" }",
        "lessons/01-scale.toml:11:3",
    ),
];

impl Careless {
    fn workbook(&self) -> Workbook {
        let wb = match self.data {
            true => crate::data::digits(),
            false => Workbook::fixture(),
        };
        let text = wb.read(self.file);
        let edited = text.replacen(self.from, self.to, 1);
        assert_ne!(edited, text, "{}: the edit must change the file", self.name);
        wb.write(self.file, &edited);
        wb
    }

    fn args(&self, lang: &'static str) -> Vec<&'static str> {
        match self.dev_check {
            Some(id) => vec!["--lang", lang, "dev", "check", id],
            None => vec!["--lang", lang, "dev", "check"],
        }
    }
}

/// Each break is said at its line (and column), in both languages; the Japanese says
/// no English of ours.
#[test]
fn every_careless_break_is_reported_at_its_line_in_both_languages() {
    let _serial = serial();
    for careless in &CARELESS {
        let wb = careless.workbook();
        for lang in ["ja", "en"] {
            let name = format!("careless_{}_{lang}", careless.name);
            wb.settings()
                .bind(|| assert_cmd_snapshot!(name, wb.checker(&careless.args(lang))));
            let (output, _) = wb.run(&careless.args(lang));
            // dev check prints its findings; loading prints its errors.
            let said = match careless.dev_check {
                Some(_) => {
                    assert_status(&output, 1);
                    stdout(&output)
                }
                None => {
                    assert_status(&output, 2);
                    stderr(&output)
                }
            };
            let first = said
                .lines()
                .find_map(|line| line.trim().strip_prefix("┌─ "))
                .unwrap_or_else(|| panic!("{}: no place in\n{said}", careless.name));
            assert_eq!(first, careless.at, "{}:\n{said}", careless.name);
            if lang == "ja" {
                let english = words_of_ours(&said, &wb);
                assert!(
                    english.is_empty(),
                    "{}: English words {english:?} in\n{said}",
                    careless.name
                );
            }
        }
    }
}
