//! Every sentence the checker says, in Japanese and in English, side by side.
//!
//! Layout (tables, matrices, colours) lives in `report/`; the words live here, so a
//! translator reads each pair together.

use crate::lang::Lang;

/// The command a student types, before the subcommand.
pub const RUN: &str = "cargo run -p checker --";

/// The messages in one language.
#[derive(Debug, Clone, Copy)]
pub struct Msg(pub Lang);

/// An English count with its noun: `1 case`, `3 cases`.
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// An English noun for a count: `case` for 1, else `cases`.
fn noun<'a>(n: impl Into<u64>, one: &'a str, many: &'a str) -> &'a str {
    if n.into() == 1 { one } else { many }
}

impl From<Msg> for Lang {
    fn from(msg: Msg) -> Lang {
        msg.0
    }
}

impl From<&Msg> for Lang {
    fn from(msg: &Msg) -> Lang {
        msg.0
    }
}

// The sentences, by topic, each in a file of its own.
mod authoring;
mod commands;
mod compare;
mod compile;
mod day;
mod exhibit;
mod failure;
mod flow;
mod instructor;
pub use instructor::{Absent, DevFault};
mod modules;
mod mutants;
pub use mutants::MutantCounts;
mod pattern;
mod sandbox;
mod show;

pub use day::{Again, Key};

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Msg = Msg(Lang::En);
    const JA: Msg = Msg(Lang::Ja);

    /// The integration tests' snapshot filter (tests/integration/support.rs) removes the
    /// first build's notice by these words, since which test builds first varies.
    #[test]
    fn the_first_build_notice_starts_as_the_snapshot_filter_expects() {
        assert!(EN.preparing().starts_with("Preparing the tests"));
        assert!(JA.preparing().starts_with("初回の準備"));
    }

    #[test]
    fn english_counts_agree_with_their_nouns() {
        assert_eq!(count(1u64, "case", "cases"), "1 case");
        assert_eq!(count(0u64, "case", "cases"), "0 cases");
        assert_eq!(
            EN.passed(1, 1),
            "Passed! The hidden test (1 case) agrees with your code."
        );
        assert_eq!(
            EN.failed_summary(1, 1, 1, 1, 0),
            "1 of 1 hidden test failed (1 of 1 case wrong)."
        );
        assert_eq!(
            EN.failed_summary(2, 5, 3, 40, 0),
            "2 of 5 hidden tests failed (3 of 40 cases wrong)."
        );
        assert_eq!(
            EN.cases_failed(1, 8, 3, None),
            "1 of 8 cases is wrong (case 3):"
        );
        assert_eq!(EN.wrong_cells(1, 4), "1 of 4 values differs (marked *).");
        assert_eq!(
            EN.not_run(1),
            "1 case could not run: the process had stopped in an earlier test."
        );
        assert_eq!(
            EN.student_output("stdout", 1),
            "Your code printed (stdout, 1 byte):"
        );
        assert_eq!(EN.rows_above(1), "(1 row above)");
        assert_eq!(
            EN.list_total(1, 1, 10, 10),
            "1 of 1 lesson done, 10 of 10 points"
        );
    }

    #[test]
    fn a_listed_test_tells_wrong_cases_from_cases_that_could_not_run() {
        assert_eq!(EN.cases_count(3, 0, 40), "— 3 of 40 cases wrong");
        assert_eq!(EN.cases_count(0, 40, 40), "— 40 of 40 cases could not run");
        assert_eq!(
            EN.cases_count(1, 9, 10),
            "— 1 of 10 cases wrong, 9 could not run"
        );
        assert_eq!(EN.cases_count(1, 0, 1), "");
        assert_eq!(EN.cases_count(0, 1, 1), "— could not run");
        assert_eq!(
            JA.cases_count(0, 40, 40),
            "— 40 ケース中 40 ケースは実行できず"
        );
        assert_eq!(
            JA.cases_count(1, 9, 10),
            "— 10 ケース中 1 ケースが不一致、9 ケースは実行できず"
        );
    }

    #[test]
    fn an_index_outside_a_2d_array_suggests_swapped_rows_and_columns() {
        use crate::panics::recognise;
        let panic = recognise("ndarray: index [3, 0] is out of bounds for array of shape [3, 4]")
            .expect("recognised");
        assert!(
            JA.panic_meaning(&panic)
                .contains("行と列（縦と横）を取り違えていないか")
        );
        assert!(EN.panic_meaning(&panic).contains("rows and columns"));
        let panic = recognise("ndarray: index 3 is out of bounds for array of shape [3]")
            .expect("recognised");
        assert!(!EN.panic_meaning(&panic).contains("rows and columns"));
    }

    #[test]
    fn a_matrix_product_of_the_wrong_shapes_is_explained() {
        use crate::panics::recognise;
        let panic = recognise(
            "ndarray: inputs 3 × 2 and 3 × 1 are not compatible for matrix multiplication",
        )
        .expect("recognised");
        let ja = JA.panic_meaning(&panic);
        assert!(
            ja.contains("形の合わない行列の積です（3 × 2 と 3 × 1）"),
            "{ja}"
        );
        assert!(ja.contains("a の列の数と b の行の数"), "{ja}");
        let en = EN.panic_meaning(&panic);
        assert!(en.contains("(3 × 2 and 3 × 1)"), "{en}");
        let panic = recognise("Zip: Producer dimension mismatch, expected: [3], got: [2]")
            .expect("recognised");
        assert!(JA.panic_meaning(&panic).contains("形の違う配列どうし"));
    }

    #[test]
    fn dev_check_of_one_lesson_says_it_in_the_singular() {
        assert_eq!(EN.dev_sound(1), "The lesson is sound.");
        assert_eq!(EN.dev_sound(12), "All 12 lessons are sound.");
        assert_eq!(JA.dev_sound(1), "このレッスンに問題はありません。");
    }

    #[test]
    fn nan_and_infinity_are_explained_apart() {
        assert!(JA.nan_got(true).starts_with("NaN は「数でない値」"));
        assert!(JA.nan_got(false).starts_with("inf は無限大です。"));
        assert!(EN.nan_got(false).contains("log (ln) of 0"));
    }

    /// A case with its seed ends in a bracket: no space before the particle after it;
    /// and the reference's number is written as reports write numbers.
    #[test]
    fn dev_check_says_a_case_as_japanese_is_written() {
        let bounds = ["`at_least = 10`".to_string()];
        let fault = |case| DevFault::OutOfBounds {
            case,
            got: 4.910_156_3,
            bounds: &bounds,
        };
        assert_eq!(
            JA.dev_fault(fault("1（シード 1）")),
            "ケース 1（シード 1）の模範解答の結果は 4.9102 で、`at_least = 10` の外です。模範解答は、自分のテストの範囲に収まらなければなりません"
        );
        assert_eq!(
            EN.dev_fault(fault("1 (seed 1)")),
            "the reference's result for case 1 (seed 1) is 4.9102, outside `at_least = 10`: the reference must pass its own bounds"
        );
        assert_eq!(
            JA.dev_fault(DevFault::ReachesTodo("3")),
            "模範解答が、ケース 3 で todo!() に達しました"
        );
    }

    #[test]
    fn japanese_names_the_output_streams_in_japanese() {
        assert_eq!(
            JA.student_output("stdout", 1360),
            "あなたのコードが出力した内容（標準出力、1360 バイト）："
        );
        assert_eq!(
            JA.student_output("stderr", 2),
            "あなたのコードが出力した内容（標準エラー出力、2 バイト）："
        );
    }

    #[test]
    fn japanese_says_what_failed_in_the_decided_words() {
        assert_eq!(
            JA.failed_summary(5, 14, 32, 125, 0),
            "隠しテスト 14 個のうち 5 個が通りませんでした（125 ケース中 32 ケースが不一致）。"
        );
        assert_eq!(
            JA.failed_summary(14, 14, 1, 81, 80),
            "隠しテスト 14 個のうち 14 個が通りませんでした（81 ケース中 1 ケースが不一致、80 ケースは実行できず）。"
        );
        assert_eq!(JA.state_current(), "取り組み中");
        assert_eq!(
            JA.list_total(5, 5, 100, 100),
            "5 レッスン中 5 レッスンに合格、100 点中 100 点"
        );
        assert!(
            JA.panicked("", "boom")
                .starts_with("あなたのコードがパニックを起こしました")
        );
        assert_eq!((JA.expected(), JA.got()), ("正しい値", "あなたの結果"));
        let all = [
            JA.worst_cell("[0]", "1", "2", "1", "0.0001"),
            JA.scalar_differs("1", "2", "1", "0.0001"),
            JA.shape_mismatch("2×2", "3×3"),
            JA.not_implemented("exercises/src/unit.rs:12:5"),
        ];
        for text in all {
            for banned in ["期待値", "あなたの値", "待っています"] {
                assert!(!text.contains(banned), "{text}");
            }
        }
    }
}
