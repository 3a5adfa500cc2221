//! A lesson's `[[mistakes]]`, checked: each known mistake is the reference with a few
//! edits (`name` and `replace`), or a whole module file (`file`).
//!
//! Whether each edit's `find` is in the reference is not known here (the reference is
//! read when the mistake's harness is written, see [`super::edit`]): a reference that
//! changed makes `dev check` say so, at the edit, without keeping anyone from working.

use super::LessonError;
use super::checked::{Mistake, MistakeCode};
use super::edit::Edit;
use super::load::{check_localized, is_identifier};
use super::model::RawMistake;
use crate::lang::say;
use toml::Spanned;

/// The known mistakes of a lesson, in order; what is wrong with them goes to `errors`.
pub(crate) fn mistakes(raw: &[Spanned<RawMistake>], errors: &mut Vec<LessonError>) -> Vec<Mistake> {
    let mut mistakes: Vec<Mistake> = Vec::new();
    for raw_mistake in raw {
        let mistake = raw_mistake.get_ref();
        check_localized(
            &mistake.message,
            ("よくある間違いのメッセージ", "mistake message"),
            errors,
        );
        let Some((name, code, span)) = code_of(raw_mistake, errors) else {
            continue;
        };
        if mistakes.iter().any(|m| m.name == name) {
            errors.push(LessonError::new(
                Some(span.clone()),
                say!(ja: format!("`{name}` という名前のよくある間違いが、すでに書かれています。"),
                    en: format!("a known mistake called `{name}` is listed already")),
            ));
        }
        mistakes.push(Mistake {
            name,
            message: mistake.message.clone(),
            code,
            span,
        });
    }
    mistakes
}

/// A mistake's name, its code and where it is named; `None` when it cannot be made out.
fn code_of(
    raw: &Spanned<RawMistake>,
    errors: &mut Vec<LessonError>,
) -> Option<(String, MistakeCode, std::ops::Range<usize>)> {
    let mistake = raw.get_ref();
    match (&mistake.file, &mistake.name, &mistake.replace) {
        (Some(file), None, None) => {
            let text = file.get_ref();
            let name = text.strip_suffix(".rs").unwrap_or_default();
            if name.is_empty() || !is_identifier(name) {
                errors.push(LessonError::at(
                    file,
                    say!(ja: format!("`{text}` はモジュールのファイル名ではありません。英小文字、数字、`_` の名前に `.rs` を付けます。"),
                        en: format!("`{text}` is not a module file name like `flipped_kernel.rs`")),
                ));
                return None;
            }
            Some((
                name.to_string(),
                MistakeCode::File(text.clone()),
                file.span(),
            ))
        }
        (None, Some(name), Some(replace)) => {
            let text = name.get_ref();
            if text.is_empty() || !is_identifier(text) {
                errors.push(LessonError::at(
                    name,
                    say!(ja: format!("`{text}` は名前として使えません。`flipped_kernel` のように、英小文字、数字、`_` で書きます。"),
                        en: format!("`{text}` is not a name like `flipped_kernel`: lowercase letters, digits and `_`")),
                ));
                return None;
            }
            let edits = edits_of(replace, errors)?;
            Some((text.clone(), MistakeCode::Edits(edits), name.span()))
        }
        (Some(file), _, _) => {
            errors.push(LessonError::at(
                file,
                say!(ja: "よくある間違いは、`file`（モジュール全体）か、`name` と `replace`（模範解答の書き換え）のどちらか一方で書きます。",
                    en: "a known mistake is a whole `file` or `name` with `replace` (edits of the reference), not both"),
            ));
            None
        }
        (None, Some(name), None) => {
            errors.push(LessonError::at(
                name,
                say!(ja: "このよくある間違いには `replace` がありません。模範解答をどう書き換えると間違いになるかを `replace = [{ find = \"…\", with = \"…\" }]` と書いてください。",
                    en: "this known mistake has no `replace`: list the edits that make the reference wrong, `replace = [{ find = \"…\", with = \"…\" }]`"),
            ));
            None
        }
        (None, None, Some(replace)) => {
            errors.push(LessonError::at(
                replace,
                say!(ja: "このよくある間違いには `name` がありません。`name = \"flipped_kernel\"` のように名前を付けてください。",
                    en: "this known mistake has no `name`: give it one, like `name = \"flipped_kernel\"`"),
            ));
            None
        }
        (None, None, None) => {
            errors.push(LessonError::at(
                raw,
                say!(ja: "よくある間違いには、`name` と `replace`（模範解答の書き換え）か、`file`（モジュール全体）が要ります。",
                    en: "a known mistake needs `name` and `replace` (edits of the reference), or a whole `file`"),
            ));
            None
        }
    }
}

/// The edits of `replace`, each with a `find` that is not empty and changes something.
fn edits_of(
    replace: &Spanned<Vec<Spanned<super::model::RawEdit>>>,
    errors: &mut Vec<LessonError>,
) -> Option<Vec<Edit>> {
    if replace.get_ref().is_empty() {
        errors.push(LessonError::at(
            replace,
            say!(ja: "`replace` が空です。よくある間違いは、模範解答をどこか書き換えたものです。",
                en: "`replace` is empty: a known mistake changes the reference somewhere"),
        ));
        return None;
    }
    let before = errors.len();
    let edits: Vec<Edit> = replace
        .get_ref()
        .iter()
        .map(|raw| {
            let edit = raw.get_ref();
            let find = edit.find.get_ref();
            if find.trim().is_empty() {
                errors.push(LessonError::at(
                    &edit.find,
                    say!(ja: "`find` が空です。書き換える模範解答の文字列を書いてください。",
                        en: "`find` is empty: write the text of the reference to replace"),
                ));
            } else if *find == edit.with {
                errors.push(LessonError::at(
                    &edit.find,
                    say!(ja: "`with` が `find` と同じです。この書き換えでは何も変わりません。",
                        en: "`with` is the same as `find`: this edit changes nothing"),
                ));
            }
            Edit {
                find: find.clone(),
                with: edit.with.clone(),
                span: edit.find.span(),
            }
        })
        .collect();
    (errors.len() == before).then_some(edits)
}

#[cfg(test)]
mod tests {
    use crate::{MistakeCode, parse};

    const LESSON: &str = r#"
format = 1
id = "add"
module = "add"
functions = ["fn add(a: f32, b: f32) -> f32"]
title = { ja = "足し算", en = "Addition" }
text = { ja = "足します。", en = "Add." }

[[fixed]]
name = { ja = "例", en = "example" }
call = "add"
args = [1, 2]
expected = 3
"#;

    const MESSAGE: &str = r#"message = { ja = "引いています。", en = "You subtract." }"#;

    fn errors_of(mistake: &str) -> Vec<(String, String)> {
        crate::load::errors_with_text(&format!("{LESSON}\n[[mistakes]]\n{mistake}\n{MESSAGE}\n"))
    }

    #[test]
    fn a_mistake_is_edits_of_the_reference_or_a_whole_file() {
        let source = format!(
            "{LESSON}\n[[mistakes]]\nname = \"subtracts\"\nreplace = [\n  {{ find = \"a + b\", with = \"a - b\" }},\n  {{ find = \"a\", with = \"b\" }},\n]\n{MESSAGE}\n\n[[mistakes]]\nfile = \"doubles.rs\"\n{MESSAGE}\n"
        );
        let lesson = parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
        let [subtracts, doubles] = &lesson.mistakes[..] else {
            panic!("{:?}", lesson.mistakes)
        };
        assert_eq!(subtracts.name, "subtracts");
        let MistakeCode::Edits(edits) = &subtracts.code else {
            panic!("{:?}", subtracts.code)
        };
        assert_eq!(edits.len(), 2);
        assert_eq!(
            (edits[0].find.as_str(), edits[0].with.as_str()),
            ("a + b", "a - b")
        );
        // Each edit keeps where its `find` is written, for an error at its line.
        assert_eq!(&source[edits[1].span.clone()], "\"a\"");
        assert_eq!(&source[subtracts.span.clone()], "\"subtracts\"");
        assert_eq!(doubles.name, "doubles");
        assert_eq!(doubles.code, MistakeCode::File("doubles.rs".into()));
    }

    #[test]
    fn a_mistake_says_what_it_is_once_and_changes_something() {
        let edits = r#"replace = [{ find = "a + b", with = "a - b" }]"#;
        assert_eq!(
            errors_of(&format!("file = \"x.rs\"\nname = \"x\"\n{edits}")),
            vec![(
                "a known mistake is a whole `file` or `name` with `replace` (edits of the reference), not both".to_string(),
                "\"x.rs\"".to_string()
            )]
        );
        assert!(errors_of(edits)[0].0.contains("has no `name`"));
        assert!(errors_of("name = \"x\"")[0].0.contains("has no `replace`"));
        assert!(errors_of("")[0].0.contains("needs `name` and `replace`"));
        assert!(
            errors_of("name = \"Bad Name\"\nreplace = [{ find = \"a\", with = \"b\" }]")[0]
                .0
                .contains("is not a name")
        );
        assert_eq!(
            errors_of("name = \"x\"\nreplace = []"),
            vec![(
                "`replace` is empty: a known mistake changes the reference somewhere".to_string(),
                "[]".to_string()
            )]
        );
        assert_eq!(
            errors_of(
                "name = \"x\"\nreplace = [{ find = \"a\", with = \"a\" }, { find = \" \", with = \"b\" }]"
            ),
            vec![
                (
                    "`with` is the same as `find`: this edit changes nothing".to_string(),
                    "\"a\"".to_string()
                ),
                (
                    "`find` is empty: write the text of the reference to replace".to_string(),
                    "\" \"".to_string()
                ),
            ]
        );
        let twice = format!("name = \"x\"\n{edits}\n{MESSAGE}\n[[mistakes]]\nfile = \"x.rs\"");
        assert_eq!(
            errors_of(&twice),
            vec![(
                "a known mistake called `x` is listed already".to_string(),
                "\"x.rs\"".to_string()
            )]
        );
    }
}
