//! Grading as a course stakes marks on it: exact points, private tests, answers out of
//! reach, and a whole class at once.

use crate::support::{Workbook, assert_status, serial, stdout};
use serde_json::Value;

/// A number of points as whole hundredths, failing if it is not one.
#[track_caller]
fn hundredths(value: &Value) -> i64 {
    let x = value.as_f64().expect("a number") * 100.0;
    assert!(
        (x - x.round()).abs() < 1e-6,
        "{value} is not whole hundredths"
    );
    x.round() as i64
}

/// The fixture course with a third test on `grid`, so 10 points are shared by 3 tests.
fn three_tests_on_ten_points() -> Workbook {
    let wb = Workbook::fixture();
    let grid = wb.read("lessons/02-grid.toml");
    let extra = "\n[[fixed]]\nname = { ja = \"1 行\", en = \"one row\" }\ncall = \"row_sums\"\nargs = [[[1, 2, 3]]]\nexpected = [6]\n";
    let grid = grid.replacen("\n[[scenario]]", &format!("{extra}\n[[scenario]]"), 1);
    wb.write("lessons/02-grid.toml", &grid);
    wb
}

#[test]
fn full_marks_are_exactly_the_maximum_in_every_format_from_a_relative_path() {
    let _serial = serial();
    let wb = three_tests_on_ten_points();
    let (output, _) = wb.run(&["grade", "--exercises", "solutions", "--format", "json"]);
    assert_status(&output, 0);
    let grades: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(grades["score"], grades["max_score"]);
    assert_eq!(hundredths(&grades["max_score"]), 1500);
    for lesson in grades["lessons"].as_array().unwrap() {
        let tests = lesson["tests"].as_array().unwrap();
        let shares: i64 = tests.iter().map(|t| hundredths(&t["max_score"])).sum();
        assert_eq!(shares, hundredths(&lesson["max_score"]), "{}", lesson["id"]);
        assert_eq!(lesson["score"], lesson["max_score"]);
    }
    let grid: Vec<i64> = grades["lessons"][1]["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| hundredths(&t["max_score"]))
        .collect();
    assert_eq!(grid, [334, 333, 333]);

    let (output, _) = wb.run(&[
        "grade",
        "--exercises",
        "solutions",
        "--format",
        "gradescope",
    ]);
    let results: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(hundredths(&results["score"]), 1500);
    let sum: i64 = results["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| hundredths(&t["max_score"]))
        .sum();
    assert_eq!(sum, 1500);

    let (output, _) = wb.run(&["grade", "--exercises", "solutions"]);
    assert!(stdout(&output).contains("15/15"), "{}", stdout(&output));
    assert!(stdout(&output).contains("10/10"), "{}", stdout(&output));
}
