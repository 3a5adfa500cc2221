//! A whole class at once: every folder of a class folder is one student's submission;
//! the grades go into a gradebook CSV (one row per student) and one JSON per student.
//!
//! The CSV is what Moodle's grade import and a spreadsheet read as they are: a header
//! row, the student's id (the folder's name), the points of each lesson, the total and a
//! note, separated by commas, numbers with a decimal point. It is UTF-8; a byte-order
//! mark is written only when the file holds text beyond ASCII (a Japanese name or note),
//! because Excel reads a UTF-8 file without one in the system's code page (Shift_JIS in
//! Japan). Moodle and Google Sheets accept the mark, and a file of ASCII alone is the same
//! in every encoding, so it needs none.

use super::Grades;
use super::pipeline::Submission;
use crate::lesson::Lesson;
use anyhow::{Context as _, Result};
use serde::Serialize;
use std::path::Path;

/// The submissions in `dir`: one per folder (hidden folders and plain files skipped),
/// in order of name. A folder holds `exercises/src/` (a whole workbook), `src/`, or the
/// module files themselves (see [`Submission::find`]).
pub fn submissions(dir: &Path, module_files: &[String]) -> Result<Vec<Submission>> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    Ok(names
        .into_iter()
        .map(|id| {
            let folder = dir.join(&id);
            Submission::find(id.clone(), dir.to_path_buf(), &folder, &id, module_files)
        })
        .collect())
}

/// The gradebook: a header, then one row per student.
pub fn gradebook(lessons: &[Lesson], rows: &[(String, Grades)]) -> Vec<u8> {
    let mut text = String::new();
    let mut header = vec!["student".to_string()];
    header.extend(lessons.iter().map(|l| l.id.clone()));
    header.extend(["total".to_string(), "note".to_string()]);
    push_record(&mut text, &header);
    for (id, grades) in rows {
        let mut record = vec![id.clone()];
        record.extend(grades.lessons.iter().map(|l| l.score.to_string()));
        record.push(grades.score.to_string());
        record.push(then(&note(grades), &grades.unsandboxed));
        push_record(&mut text, &record);
    }
    if text.is_ascii() {
        text.into_bytes()
    } else {
        format!("\u{feff}{text}").into_bytes()
    }
}

/// One line of CSV (RFC 4180): a field holding a comma, a quote or a line break is
/// quoted, its quotes doubled; every other field is written as it is.
fn push_record(text: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            text.push('"');
            text.push_str(&field.replace('"', "\"\""));
            text.push('"');
        } else {
            text.push_str(field);
        }
    }
    text.push('\n');
}

/// The notes of a student's lessons; one note for all when every lesson has the same
/// (a submission that is missing).
fn note(grades: &Grades) -> String {
    let first = grades.lessons.first().map(|l| l.note.as_str());
    if first.is_some_and(|n| !n.is_empty())
        && grades
            .lessons
            .iter()
            .all(|l| Some(l.note.as_str()) == first)
    {
        return first.unwrap_or_default().to_string();
    }
    // Lessons with the same note are named together: a file that does not compile or
    // is refused costs every lesson that mounts it, and is said once.
    let mut groups: Vec<(Vec<&str>, &str)> = Vec::new();
    for lesson in grades.lessons.iter().filter(|l| !l.note.is_empty()) {
        match groups.iter_mut().find(|(_, note)| *note == lesson.note) {
            Some((ids, _)) => ids.push(&lesson.id),
            None => groups.push((vec![&lesson.id], &lesson.note)),
        }
    }
    // Notes are sentences: after a full stop the next follows as a sentence would
    // ("… never ends. grid: …", 「…ください。grid: …」), not after "; " (".; ").
    let mut joined = String::new();
    for (ids, note) in &groups {
        joined = then(&joined, &format!("{}: {note}", ids.join(", ")));
    }
    joined
}

/// Two notes as one, each a sentence: after 。 nothing between them, after a full stop a
/// space, else "; ".
fn then(first: &str, second: &str) -> String {
    match (first.chars().last(), second.is_empty()) {
        (None, _) => second.to_string(),
        (_, true) => first.to_string(),
        (Some('。' | '）'), false) => format!("{first}{second}"),
        (Some('.' | '!' | '?' | ')'), false) => format!("{first} {second}"),
        (Some(_), false) => format!("{first}; {second}"),
    }
}

/// One student's JSON: the grades of `grade --format json`, with the student's id.
pub fn student_json(id: &str, grades: &Grades) -> String {
    #[derive(Serialize)]
    struct Student<'a> {
        student: &'a str,
        #[serde(flatten)]
        grades: &'a Grades,
    }
    serde_json::to_string_pretty(&Student {
        student: id,
        grades,
    })
    .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::GradedLesson;
    use crate::grade::points::Points;

    fn grades(scores: &[(u32, &str)]) -> Grades {
        let lessons: Vec<GradedLesson> = scores
            .iter()
            .enumerate()
            .map(|(i, (score, note))| GradedLesson {
                id: format!("l{i}"),
                title: String::new(),
                score: Points::whole(*score),
                max_score: Points::whole(10),
                passed: *score == 10,
                output: String::new(),
                note: note.to_string(),
                tests: Vec::new(),
            })
            .collect();
        Grades {
            score: lessons.iter().map(|l| l.score).sum(),
            max_score: lessons.iter().map(|l| l.max_score).sum(),
            passed: false,
            output: String::new(),
            unsandboxed: String::new(),
            lessons,
        }
    }

    fn lessons() -> Vec<Lesson> {
        let source = |id: &str| {
            format!(
                "format = 1\nid = \"{id}\"\nmodule = \"{id}\"\nfunctions = [\"fn f(x: f32) -> f32\"]\n\
                 title = {{ ja = \"t\", en = \"t\" }}\ntext = {{ ja = \"t\", en = \"t\" }}\n\
                 [[fixed]]\nname = {{ ja = \"n\", en = \"n\" }}\ncall = \"f\"\nargs = [1]\nexpected = 1\n"
            )
        };
        ["l0", "l1"]
            .iter()
            .map(|id| crate::lesson::parse(&source(id)).expect("a valid lesson"))
            .collect()
    }

    #[test]
    fn an_ascii_gradebook_has_no_byte_order_mark() {
        let rows = vec![
            (
                "s001".to_string(),
                grades(&[(10, ""), (0, "does not compile")]),
            ),
            (
                "s002, \"quoted\"".to_string(),
                grades(&[(10, ""), (10, "")]),
            ),
        ];
        let text = String::from_utf8(gradebook(&lessons(), &rows)).unwrap();
        assert_eq!(
            text,
            "student,l0,l1,total,note\n\
             s001,10,0,10,l1: does not compile\n\
             \"s002, \"\"quoted\"\"\",10,10,20,\n"
        );
    }

    /// A note that runs over lines stays one field of one row.
    #[test]
    fn a_field_with_a_line_break_is_quoted() {
        let mut text = String::new();
        push_record(&mut text, &["s1".into(), "a\nb".into(), String::new()]);
        assert_eq!(text, "s1,\"a\nb\",\n");
    }

    /// unit.rs that does not compile costs unit and every lesson built on it: the note
    /// says so once, not once per lesson.
    #[test]
    fn lessons_with_the_same_note_are_named_together() {
        let same = "unit.rs does not compile.";
        let noted = note(&grades(&[
            (0, same),
            (0, "Look for a loop."),
            (0, same),
            (10, ""),
        ]));
        assert_eq!(
            noted,
            "l0, l2: unit.rs does not compile. l1: Look for a loop."
        );
    }

    /// Notes follow one another as sentences do in their language: after 。 nothing, after
    /// a full stop a space, and "; " only after a note that ends without one.
    #[test]
    fn notes_follow_one_another_as_sentences() {
        let ja = note(&grades(&[
            (0, "unit.rs がコンパイルできません。"),
            (0, "終わらないループがないか確かめてください。"),
        ]));
        assert_eq!(
            ja,
            "l0: unit.rs がコンパイルできません。l1: 終わらないループがないか確かめてください。"
        );
        let bare = note(&grades(&[(0, "does not compile"), (0, "Look for a loop.")]));
        assert_eq!(bare, "l0: does not compile; l1: Look for a loop.");
    }

    #[test]
    fn a_gradebook_with_japanese_starts_with_a_byte_order_mark_for_excel() {
        let rows = vec![(
            "山田".to_string(),
            grades(&[(10, ""), (0, "コンパイルできません")]),
        )];
        let bytes = gradebook(&lessons(), &rows);
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        let row: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
        assert_eq!(row[0], "山田");
        assert_eq!(row[3], "10");
    }
}
