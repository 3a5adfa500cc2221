//! The words the student reads: lesson texts that do not steer wrong, the wording decided
//! for Japanese, and messages that fit the screen and the language.

use crate::support::{Workbook, assert_status, repo_root, serial, stdout};

/// Every text and hint of the real lessons, as (file, language, text).
fn lesson_texts() -> Vec<(String, &'static str, String)> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(repo_root().join("lessons"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let lesson: toml::Table = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let mut pairs = vec![lesson["text"].clone()];
        if let Some(hints) = lesson.get("hints").and_then(|h| h.as_array()) {
            pairs.extend(hints.iter().cloned());
        }
        for key in ["fixed", "random", "scenario"] {
            for test in lesson
                .get(key)
                .and_then(|t| t.as_array())
                .into_iter()
                .flatten()
            {
                pairs.push(test["name"].clone());
            }
        }
        for mistake in lesson
            .get("mistakes")
            .and_then(|m| m.as_array())
            .into_iter()
            .flatten()
        {
            pairs.push(mistake["message"].clone());
        }
        for pair in pairs {
            for lang in ["ja", "en"] {
                let text = pair[lang].as_str().unwrap().to_string();
                out.push((name.clone(), lang, text));
            }
        }
    }
    out
}

/// `name[a, b]`: ndarray indexing with single brackets, which does not compile.
fn single_bracket_index(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for i in 1..chars.len() {
        let is_name = chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '_';
        if chars[i] != '[' || !is_name || chars.get(i + 1) == Some(&'[') {
            continue;
        }
        let inside: String = chars[i + 1..].iter().take_while(|&&c| c != ']').collect();
        if inside.contains(',') && !inside.contains('[') {
            let start = i.saturating_sub(10);
            return Some(
                chars[start..(i + inside.len() + 2).min(chars.len())]
                    .iter()
                    .collect(),
            );
        }
    }
    None
}

#[test]
fn lesson_texts_index_ndarray_with_double_brackets() {
    let wrong: Vec<String> = lesson_texts()
        .into_iter()
        .filter_map(|(file, lang, text)| {
            // A text may name the wrong form to warn against it, in backticks after a "not".
            let text = text.replace("`weights[j, i]`", "");
            single_bracket_index(&text).map(|found| format!("{file} ({lang}): {found}"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "single-bracket indexing:\n{}",
        wrong.join("\n")
    );
    assert!(
        single_bracket_index("out = weights[j, 0] * x")
            .is_some_and(|f| f.ends_with("weights[j, 0]"))
    );
    assert_eq!(single_bracket_index("weights[[j, 0]] and [1, 2]"), None);
}

#[test]
fn japanese_lesson_texts_use_the_decided_wording() {
    // 期待値 means E[X] in this course; ReLU is something a value goes through; one way
    // of writing fractions; a pooling window is a 区画, as the pool lesson says (窓 is
    // a word the lessons never teach).
    let banned = [
        "窓",
        "期待値",
        "ReLU をかけ",
        "ReLU がかか",
        "ReLU もかけ",
        "¼",
        "⅑",
        "パニックし",
    ];
    let found: Vec<String> = lesson_texts()
        .into_iter()
        .filter(|(_, lang, _)| *lang == "ja")
        .flat_map(|(file, _, text)| {
            banned
                .iter()
                .filter(|b| text.contains(**b))
                .map(|b| format!("{file}: {b}"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn lesson_texts_say_what_students_asked_about() {
    let texts = lesson_texts();
    let text_of = |file: &str, lang: &str| {
        texts
            .iter()
            .find(|(f, l, _)| f == file && *l == lang)
            .map(|(.., t)| t.clone())
            .unwrap()
    };
    for lang in ["ja", "en"] {
        // Dense invites the student's own `dot`, and has no activation, unlike a unit.
        let dense = text_of("02-dense.toml", lang);
        assert!(dense.contains("use crate::unit::dot;"), "{lang}: {dense}");
        // The sum of a convolution is not a similarity: an all-ones patch scores as high.
        let conv = text_of("04-conv.toml", lang);
        assert!(
            conv.contains("全部が 1 の部分") || conv.contains("a patch of all 1s"),
            "{lang}: the all-ones patch is missing"
        );
        // Pooling quarters the pixels, halving each side.
        let pool = text_of("05-pool.toml", lang);
        assert!(
            pool.contains("4 分の 1") || pool.contains("quarter"),
            "{lang}: {pool}"
        );
        // Keras flattens (row, column, channel); this course (channel, row, column).
        let cnn = text_of("07-cnn.toml", lang);
        assert!(
            cnn.contains("Flatten"),
            "{lang}: Keras' Flatten is not mentioned"
        );
    }
    assert!(
        text_of("07-cnn.toml", "ja").contains("最も小さい番号"),
        "the tie rule of predict"
    );
    assert!(
        text_of("07-cnn.toml", "en").contains("smallest"),
        "the tie rule of predict"
    );
    assert!(!text_of("04-conv.toml", "en").contains("tells how similar"));
}

/// The compile errors this course provokes, each with its sentence before rustc's text:
/// (module, fixture, the sentence's words in Japanese and in English).
const SLIPS: [(&str, &str, &str, &str); 7] = [
    (
        "unit",
        "unit_integer_literal",
        "小数点を付けて",
        "decimal point",
    ),
    (
        "conv",
        "conv_zeros_shape",
        "Array2::zeros((h, w))",
        "Array2::zeros((h, w))",
    ),
    ("conv", "conv_single_brackets", "a[[i, j]]", "a[[i, j]]"),
    ("dense", "dense_view", ".to_owned()", ".to_owned()"),
    ("dense", "dense_missing_borrow", "`&` を付け", "Put `&`"),
    (
        "unit",
        "unit_semicolon",
        "最後の `;` を消しましょう",
        "Remove that last `;`",
    ),
    (
        "unit",
        "unit_no_value",
        "関数が値を返していません",
        "returns no value",
    ),
];

#[test]
fn compile_errors_of_the_course_come_with_a_sentence_before_rustcs_text() {
    let _serial = serial();
    let wb = Workbook::real();
    for (module, fixture, ja, en) in SLIPS {
        wb.student(module, fixture);
        for (lang, words) in [("ja", ja), ("en", en)] {
            let (output, _) = wb.run(&["--lang", lang, "check", module]);
            assert_status(&output, 1);
            let out = stdout(&output);
            let sentence = out.find(words);
            let rustc = out.find("error");
            assert!(
                sentence.is_some_and(|s| rustc.is_some_and(|r| s < r)),
                "{fixture} ({lang}): the sentence must come before rustc's text:\n{out}"
            );
            wb.settings()
                .bind(|| insta::assert_snapshot!(format!("compile_slip_{fixture}_{lang}"), out));
        }
        // Put the stub back, so the next fixture's lesson is alone in failing.
        let stub = repo_root()
            .join("lessons")
            .join("stubs")
            .join(format!("{module}.rs"));
        std::fs::copy(stub, wb.exercise(module)).unwrap();
    }
}

/// A report in Japanese on a 40-column screen: every sentence fits, no number is cut.
#[test]
fn a_report_fits_a_narrow_screen_and_breaks_no_number() {
    use unicode_width::UnicodeWidthStr;
    let _serial = serial();
    let wb = Workbook::fixture();
    wb.student("scale", "scale_wrong");
    for lang in ["ja", "en"] {
        let output = wb
            .checker(&["--lang", lang, "check", "scale"])
            .env("COLUMNS", "40")
            .output()
            .unwrap();
        assert_status(&output, 1);
        let out = stdout(&output);
        for line in out.lines() {
            // Sentences are fitted; matrices show the columns that fit (`…` for the rest).
            assert!(
                line.width() <= 40,
                "{lang}: {line:?} is wider than 40:\n{out}"
            );
        }
        let joined: String = out
            .lines()
            .map(str::trim_start)
            .collect::<Vec<_>>()
            .join("\n");
        let whole = match lang {
            "ja" => ["9 ケース中 9 ケースが不一致", "8 ケース中 8 ケースが不一致"],
            _ => ["(9 of 9 cases wrong)", "8 of 8 cases are wrong"],
        };
        let flat = joined.replace(['\n', ' '], "");
        for words in whole {
            assert!(
                flat.contains(&words.replace(' ', "")),
                "{lang}: {words:?} lost in\n{out}"
            );
        }
        // No number is cut: no line ends in a digit where the next begins with one.
        let sentences: Vec<&str> = out
            .lines()
            .filter(|l| !l.starts_with("      "))
            .map(str::trim_start)
            .collect();
        for pair in sentences.windows(2) {
            let cut = pair[0].ends_with(|c: char| c.is_ascii_digit())
                && pair[1].starts_with(|c: char| c.is_ascii_digit());
            assert!(!cut, "{lang}: a number is cut between {pair:?}");
        }
        wb.settings()
            .bind(|| insta::assert_snapshot!(format!("a_report_on_40_columns_{lang}"), out));
    }
}

/// Every doc comment of the pristine stubs speaks both languages, Japanese first.
#[test]
fn stub_comments_are_in_japanese_first_then_english() {
    let japanese = |line: &str| {
        line.chars().any(|c| {
            ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)
        })
    };
    let stubs = repo_root().join("lessons").join("stubs");
    let mut checked = 0;
    for entry in std::fs::read_dir(&stubs).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Contiguous doc lines (`//!` or `///`) form one block.
        let mut blocks: Vec<Vec<&str>> = Vec::new();
        let mut previous_was_doc = false;
        for line in source.lines() {
            let trimmed = line.trim_start();
            let doc = trimmed
                .strip_prefix("//!")
                .or_else(|| trimmed.strip_prefix("///"));
            match doc {
                Some(text) if previous_was_doc => blocks.last_mut().unwrap().push(text),
                Some(text) => blocks.push(vec![text]),
                None => {}
            }
            previous_was_doc = doc.is_some();
        }
        assert!(!blocks.is_empty(), "{name} has no doc comments");
        for block in blocks {
            let first = block.iter().find(|l| !l.trim().is_empty()).unwrap();
            assert!(
                japanese(first),
                "{name}: a doc comment starts in English: {first:?}"
            );
            let english = block
                .iter()
                .any(|l| !japanese(l) && l.split_whitespace().count() >= 3);
            assert!(english, "{name}: a doc comment has no English: {block:?}");
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} doc comments found");
}
