//! The formats grades are written in: a table for people, JSON for scripts, JUnit XML
//! for CI, Gradescope's `results.json`. Every number comes from [`Points`], so what one
//! format says adds up in every other.

use super::Grades;
use super::points::Points;
use crate::lang::Lang;
use crate::lang::say;
use crate::table::{self, Align};
use serde::Serialize;
use std::fmt::Write as _;

/// A table for people.
pub fn text(grades: &Grades, lang: Lang) -> String {
    let (h_lesson, h_tests, h_score, total) = say!(lang,
        ja: ("レッスン", "通ったテスト", "得点", "合計"),
        en: ("lesson", "tests passed", "score", "total"),
    );
    let mut rows: Vec<Vec<String>> = grades
        .lessons
        .iter()
        .map(|l| {
            let passed = l.tests.iter().filter(|t| t.passed).count();
            vec![
                l.id.clone(),
                format!("{passed}/{}", l.tests.len()),
                format!("{}/{}", l.score, l.max_score),
            ]
        })
        .collect();
    rows.push(vec![
        total.to_string(),
        String::new(),
        format!("{}/{}", grades.score, grades.max_score),
    ]);
    let mut lines = table::render(
        &[h_lesson, h_tests, h_score],
        &rows,
        &[Align::Left, Align::Right, Align::Right],
    );
    // A rule above the total, as wide as the table.
    let rule = "-".repeat(
        lines
            .iter()
            .map(|l| unicode_width::UnicodeWidthStr::width(l.as_str()))
            .max()
            .unwrap_or(0),
    );
    lines.insert(lines.len() - 1, rule);
    let mut out: String = lines.iter().map(|l| format!("{l}\n")).collect();
    // Why a lesson lost its points at once, so the table is never the whole story.
    let notes: Vec<String> = grades
        .lessons
        .iter()
        .filter(|l| !l.note.is_empty())
        .map(|l| format!("{}: {}\n", l.id, l.note))
        .collect();
    if !notes.is_empty() {
        out.push('\n');
        out.extend(notes);
    }
    if !grades.unsandboxed.is_empty() {
        out.push_str(&format!("\n{}\n", grades.unsandboxed));
    }
    out
}

/// JSON for scripts: every lesson and test with its score.
pub fn json(grades: &Grades) -> String {
    serde_json::to_string_pretty(grades).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Gradescope's `results.json`: one entry per hidden test, and a summary in `lang`.
pub fn gradescope(grades: &Grades, lang: Lang) -> String {
    #[derive(Serialize)]
    struct Results<'a> {
        score: Points,
        output: String,
        visibility: &'static str,
        stdout_visibility: &'static str,
        tests: Vec<GradescopeTest<'a>>,
    }
    #[derive(Serialize)]
    struct GradescopeTest<'a> {
        name: String,
        number: String,
        score: Points,
        max_score: Points,
        status: &'static str,
        output: &'a str,
        visibility: &'static str,
    }
    let tests = grades
        .lessons
        .iter()
        .enumerate()
        .flat_map(|(l, lesson)| {
            lesson
                .tests
                .iter()
                .enumerate()
                .map(move |(t, test)| GradescopeTest {
                    name: format!("{}: {}", lesson.id, test.name),
                    number: format!("{}.{}", l + 1, t + 1),
                    score: test.score,
                    max_score: test.max_score,
                    status: if test.passed { "passed" } else { "failed" },
                    output: &test.output,
                    visibility: test.visibility,
                })
        })
        .collect();
    let passed = grades.lessons.iter().filter(|l| l.passed).count();
    let results = Results {
        score: grades.score,
        output: {
            let (lessons, score, max) = (grades.lessons.len(), grades.score, grades.max_score);
            let summary = say!(lang,
                ja: {
                    format!("{lessons} レッスン中 {passed} レッスンに合格、{max} 点中 {score} 点。")
                },
                en: format!("{passed} of {lessons} lessons pass; {score} of {max} points."),
            );
            // Nothing to grade: what to hand in comes first; what the sandbox could not
            // enforce, last.
            let summary = match grades.output.is_empty() {
                true => summary,
                false => format!("{}\n{summary}", grades.output.trim_end()),
            };
            match grades.unsandboxed.is_empty() {
                true => summary,
                false => format!("{summary}\n{}", grades.unsandboxed),
            }
        },
        visibility: "visible",
        stdout_visibility: "hidden",
        tests,
    };
    serde_json::to_string_pretty(&results).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Gradescope's `results.json` when the autograder itself is broken (a lesson whose
/// reference fails its own tests, a lesson file that does not load): score 0 and no tests,
/// `output` telling the student it is no grade of their work, and the instructor's
/// diagnosis in `extra_data.autograder_error`, which students never see. Gradescope shows
/// it rather than its own "the autograder failed", and a regrade once the lesson is fixed
/// replaces the 0.
pub fn gradescope_broken(student: &str, instructor: &str) -> String {
    #[derive(Serialize)]
    struct Broken<'a> {
        score: Points,
        output: &'a str,
        visibility: &'static str,
        stdout_visibility: &'static str,
        extra_data: Extra,
        tests: Vec<()>,
    }
    #[derive(Serialize)]
    struct Extra {
        autograder_error: String,
    }
    let results = Broken {
        score: Points::ZERO,
        output: student,
        visibility: "visible",
        stdout_visibility: "hidden",
        extra_data: Extra {
            autograder_error: super::clean(instructor),
        },
        tests: Vec::new(),
    };
    serde_json::to_string_pretty(&results).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows no other control characters.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// JUnit XML for CI: a test suite per lesson, a test case per hidden test.
pub fn junit(grades: &Grades) -> String {
    let tests: usize = grades.lessons.iter().map(|l| l.tests.len()).sum();
    let failures: usize = grades
        .lessons
        .iter()
        .flat_map(|l| &l.tests)
        .filter(|t| !t.passed)
        .count();
    // Points as properties (JUnit has no field for them), exact as everywhere else.
    let points = |out: &mut String, indent: &str, score: Points, max: Points| {
        let _ = writeln!(
            out,
            "{indent}<properties>\n{indent}  <property name=\"score\" value=\"{score}\"/>\n\
             {indent}  <property name=\"max_score\" value=\"{max}\"/>\n{indent}</properties>"
        );
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"cnnlings\" tests=\"{tests}\" failures=\"{failures}\">"
    );
    for lesson in &grades.lessons {
        let failed = lesson.tests.iter().filter(|t| !t.passed).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\">",
            xml_escape(&lesson.id),
            lesson.tests.len()
        );
        points(&mut out, "    ", lesson.score, lesson.max_score);
        for test in &lesson.tests {
            let name = xml_escape(&test.name);
            let class = xml_escape(&format!("cnnlings.{}", lesson.id));
            let _ = writeln!(out, "    <testcase name=\"{name}\" classname=\"{class}\">");
            points(&mut out, "      ", test.score, test.max_score);
            if !test.passed {
                let message = format!("{} of {} cases failed", test.failed_cases, test.cases);
                let _ = writeln!(
                    out,
                    "      <failure message=\"{message}\">{}</failure>",
                    xml_escape(test.output.trim_end())
                );
            }
            let _ = writeln!(out, "    </testcase>");
        }
        let _ = writeln!(out, "  </testsuite>");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::{GradedLesson, GradedTest};

    fn sample() -> Grades {
        let test = |name: &str, passed: bool| GradedTest {
            name: name.to_string(),
            kind: "fixed",
            score: Points::whole(if passed { 5 } else { 0 }),
            max_score: Points::whole(5),
            passed,
            cases: 2,
            failed_cases: if passed { 0 } else { 2 },
            output: if passed {
                String::new()
            } else {
                "expected 3 <got 4> & more".to_string()
            },
            visibility: if passed { "visible" } else { "after_due_date" },
            secret: false,
        };
        Grades {
            score: Points::whole(5),
            max_score: Points::whole(10),
            passed: false,
            output: String::new(),
            unsandboxed: String::new(),
            lessons: vec![GradedLesson {
                id: "scale".into(),
                title: "Scaling".into(),
                score: Points::whole(5),
                max_score: Points::whole(10),
                passed: false,
                output: String::new(),
                note: String::new(),
                tests: vec![test("a small \"example\"", true), test("random", false)],
            }],
        }
    }

    #[test]
    fn junit_escapes_and_counts() {
        let xml = junit(&sample());
        assert!(xml.contains("tests=\"2\" failures=\"1\""));
        assert!(xml.contains("name=\"a small &quot;example&quot;\""));
        assert!(xml.contains("expected 3 &lt;got 4&gt; &amp; more"));
        assert!(xml.contains("<property name=\"max_score\" value=\"10\"/>"));
        assert!(xml.contains("<property name=\"score\" value=\"5\"/>"));
    }

    #[test]
    fn gradescope_has_the_fields_it_reads() {
        let value: serde_json::Value =
            serde_json::from_str(&gradescope(&sample(), Lang::En)).unwrap();
        assert_eq!(value["score"], 5.0);
        let first = &value["tests"][0];
        for field in [
            "name",
            "score",
            "max_score",
            "status",
            "output",
            "visibility",
        ] {
            assert!(!first[field].is_null(), "{field}");
        }
        assert_eq!(value["tests"][1]["status"], "failed");
        assert_eq!(value["tests"][1]["visibility"], "after_due_date");
        assert_eq!(value["output"], "0 of 1 lessons pass; 5 of 10 points.");
    }

    /// What the student reads on Gradescope is in the course's language, summary too.
    #[test]
    fn gradescope_sums_up_in_japanese() {
        let value: serde_json::Value =
            serde_json::from_str(&gradescope(&sample(), Lang::Ja)).unwrap();
        assert_eq!(
            value["output"],
            "1 レッスン中 0 レッスンに合格、10 点中 5 点。"
        );
    }
}
