//! A failing check's report: the summary, the failing cases, the values side by side,
//! how the code stopped (a panic, a time-out, a signal) and what it printed.

use super::{Msg, count, noun};
use crate::harness::run::TimeUse;
use crate::lang::{Lang, say};
use crate::panics::KnownPanic;

impl Msg {
    pub fn not_implemented(self, location: &str) -> String {
        say!(self,
            ja: format!("まだ実装されていません。{location} の todo!() を、あなたのコードに書き換えましょう。"),
            en: format!("Not implemented yet: replace the todo!() at {location} with your code."),
        )
    }

    /// `failed` of `tests` tests failed: `wrong` of `cases` cases failed when they ran,
    /// and `not_run` could not run (the process had stopped in an earlier case).
    pub fn failed_summary(
        self,
        failed: usize,
        tests: usize,
        wrong: usize,
        cases: usize,
        not_run: usize,
    ) -> String {
        let tests_noun = noun(tests as u64, "test", "tests");
        let cases_noun = noun(cases as u64, "case", "cases");
        match not_run {
            0 => say!(self,
                ja: format!("隠しテスト {tests} 個のうち {failed} 個が通りませんでした（{cases} ケース中 {wrong} ケースが不一致）。"),
                en: format!("{failed} of {tests} hidden {tests_noun} failed ({wrong} of {cases} {cases_noun} wrong)."),
            ),
            _ => say!(self,
                ja: format!("隠しテスト {tests} 個のうち {failed} 個が通りませんでした（{cases} ケース中 {wrong} ケースが不一致、{not_run} ケースは実行できず）。"),
                en: format!("{failed} of {tests} hidden {tests_noun} failed ({wrong} of {cases} {cases_noun} wrong, {not_run} could not run)."),
            ),
        }
    }

    pub fn test_kind(self, kind: crate::lesson::TestKind) -> &'static str {
        use crate::lesson::TestKind::*;
        match (self.0, kind) {
            (Lang::Ja, Fixed) => "固定",
            (Lang::Ja, Random) => "ランダム",
            (Lang::Ja, Scenario) => "シナリオ",
            (Lang::En, Fixed) => "fixed",
            (Lang::En, Random) => "random",
            (Lang::En, Scenario) => "scenario",
        }
    }

    pub fn cases_failed(
        self,
        failed: usize,
        cases: usize,
        first: usize,
        seed: Option<u64>,
    ) -> String {
        let seed_ja = seed.map(|s| format!("、シード {s}")).unwrap_or_default();
        let seed_en = seed.map(|s| format!(", seed {s}")).unwrap_or_default();
        match failed {
            1 => say!(self,
                ja: format!("{cases} ケース中 1 ケースが不一致です（ケース {first}{seed_ja}）："),
                en: format!("1 of {cases} cases is wrong (case {first}{seed_en}):"),
            ),
            _ => say!(self,
                ja: format!("{cases} ケース中 {failed} ケースが不一致です。最初の不一致（ケース {first}{seed_ja}）："),
                en: format!("{failed} of {cases} cases are wrong. The first (case {first}{seed_en}):"),
            ),
        }
    }

    /// The first failing test, after tests that pass: the one to fix first.
    pub fn fix_first(self, name: &str) -> String {
        say!(self,
            ja: format!("→ 最初に通らなかったテストは「{name}」です。まずこれを直しましょう。後のテストは、これが原因で通らないだけかもしれません。"),
            en: format!("→ The first test to fail is “{name}”: fix it first. The tests after it may fail only because of it."),
        )
    }

    pub fn also_failing(self) -> String {
        say!(self,
            ja: "ほかにも、次のテストが通っていません：".to_string(),
            en: "These tests fail too:".to_string(),
        )
    }

    /// A failing test's cases in the short list: `wrong` of `cases` gave a wrong answer
    /// and `not_run` could not run (the process had stopped in an earlier test).
    pub fn cases_count(self, wrong: usize, not_run: usize, cases: usize) -> String {
        match (cases, wrong, not_run) {
            (_, _, 0) if cases == 1 => String::new(),
            (1, _, _) => {
                say!(self, ja: "— 実行できず".to_string(), en: "— could not run".to_string())
            }
            (_, _, 0) => say!(self,
                ja: format!("— {cases} ケース中 {wrong} ケースが不一致"),
                en: format!("— {wrong} of {cases} cases wrong"),
            ),
            (_, 0, _) => say!(self,
                ja: format!("— {cases} ケース中 {not_run} ケースは実行できず"),
                en: format!("— {not_run} of {cases} cases could not run"),
            ),
            _ => say!(self,
                ja: format!("— {cases} ケース中 {wrong} ケースが不一致、{not_run} ケースは実行できず"),
                en: format!("— {wrong} of {cases} cases wrong, {not_run} could not run"),
            ),
        }
    }

    /// An array with no cells, in a report.
    pub fn empty_value(self) -> String {
        say!(self, ja: "（空の配列）".to_string(), en: "(empty)".to_string())
    }

    /// Rows of a large array left out above the ones shown.
    pub fn rows_above(self, rows: usize) -> String {
        say!(self, ja: format!("（上に {rows} 行）"), en: format!("({} above)", count(rows as u64, "row", "rows")))
    }

    /// Rows of a large array left out below the ones shown.
    pub fn rows_below(self, rows: usize) -> String {
        say!(self, ja: format!("（下に {rows} 行）"), en: format!("({} below)", count(rows as u64, "row", "rows")))
    }

    /// Of a 3-D or 4-D array, only the plane with the worst cell is shown.
    pub fn planes_shown(self, shown: usize, planes: usize) -> String {
        say!(self,
            ja: format!("（{planes} 面のうち {shown} 面を表示）"),
            en: format!("({shown} of {planes} planes shown)"),
        )
    }

    pub fn case_seed(self, seed: u64) -> String {
        say!(self, ja: format!("シード {seed} のケース："), en: format!("The case drawn with seed {seed}:"))
    }

    pub fn called_with(self, call: &str) -> String {
        say!(self, ja: format!("{call} の入力："), en: format!("{call} with"))
    }

    pub fn inputs_of(self) -> String {
        say!(self, ja: "入力：".to_string(), en: "Inputs:".to_string())
    }

    /// One input of a case too large to print, by its shape, and what follows it when
    /// another comes after: 「images：360×8×8、」, "images: 360×8×8,".
    pub fn input_shape(self, name: &str, shape: &str, more: bool) -> String {
        let (then_ja, then_en) = if more { ("、", ",") } else { ("", "") };
        say!(self, ja: format!("{name}：{shape}{then_ja}"), en: format!("{name}: {shape}{then_en}"))
    }

    /// A small input beside large ones: 「pool = 2、」, "pool = 2,".
    pub fn input_value(self, name: &str, value: &str, more: bool) -> String {
        let (then_ja, then_en) = if more { ("、", ",") } else { ("", "") };
        say!(self, ja: format!("{name} = {value}{then_ja}"), en: format!("{name} = {value}{then_en}"))
    }

    pub fn expected(self) -> &'static str {
        say!(self, ja: "正しい値", en: "expected")
    }

    pub fn got(self) -> &'static str {
        say!(self, ja: "あなたの結果", en: "your output")
    }

    pub fn worst_cell(
        self,
        cell: &str,
        expected: &str,
        got: &str,
        difference: &str,
        tolerance: &str,
    ) -> String {
        say!(self,
            ja: format!("いちばん離れているのは {cell} です。正しい値は {expected}、あなたの結果は {got}（差 {difference}、許容誤差 {tolerance}）。"),
            en: format!("The worst cell is {cell}: expected {expected}, got {got} (difference {difference}; tolerance {tolerance})."),
        )
    }

    /// The worst cell when the student's value there is NaN or infinite.
    pub fn worst_cell_nan(self, cell: &str, expected: &str, got: &str) -> String {
        say!(self,
            ja: format!("いちばん離れているのは {cell} です。正しい値は {expected}、あなたの結果は {got} です。"),
            en: format!("The worst cell is {cell}: expected {expected}, got {got}."),
        )
    }

    /// Where a NaN (`nan`) or an infinity comes from, after a value that should have
    /// been a number.
    pub fn nan_got(self, nan: bool) -> String {
        match nan {
            true => say!(self,
                ja: "NaN は「数でない値」で、0 ÷ 0 や ∞ − ∞、あふれた exp などから生まれます。割り算や exp をしているところを確かめましょう。".to_string(),
                en: "NaN (\"not a number\") comes from 0 ÷ 0, ∞ − ∞ or an exp that overflowed: check where your code divides or takes exp.".to_string(),
            ),
            false => say!(self,
                ja: "inf は無限大です。0 の log（ln）や 0 での割り算、あふれた exp などから生まれます。log をとる値や割る数が 0 にならないか確かめましょう。".to_string(),
                en: "inf is infinity: it comes from the log (ln) of 0, a division by 0 or an exp that overflowed. Check that what you take the log of, or divide by, cannot be 0.".to_string(),
            ),
        }
    }

    /// One number that differs; `difference` is empty for whole numbers (an index).
    pub fn scalar_differs(
        self,
        expected: &str,
        got: &str,
        difference: &str,
        tolerance: &str,
    ) -> String {
        if difference.is_empty() {
            return say!(self,
                ja: format!("正しい値は {expected}、あなたの結果は {got} です。"),
                en: format!("Expected {expected}, got {got}."),
            );
        }
        say!(self,
            ja: format!("正しい値は {expected}、あなたの結果は {got} です（差 {difference}、許容誤差 {tolerance}）。"),
            en: format!("Expected {expected}, got {got} (difference {difference}; tolerance {tolerance})."),
        )
    }

    /// The heading of a tuple's part that differs: `.1` of `(a, b, c)`.
    pub fn part_index(self, i: usize) -> String {
        say!(self, ja: format!("戻り値の {} つ目（.{i}）：", i + 1), en: format!("Part .{i} of the tuple:"))
    }

    /// The heading of a tuple's part that the lesson names (`fc1.bias`, 「損失」).
    pub fn part_named(self, name: &str) -> String {
        say!(self, ja: format!("{name}："), en: format!("{name}:"))
    }

    /// The heading of the value a function with `&mut` parameters returned.
    pub fn part_returned(self) -> String {
        say!(self, ja: "戻り値：".to_string(), en: "The returned value:".to_string())
    }

    /// The heading of a `&mut` parameter's value after the call.
    pub fn part_after(self, name: &str) -> String {
        say!(self,
            ja: format!("呼び出しの後の `{name}`："),
            en: format!("`{name}` after the call:"),
        )
    }

    pub fn test_title(self, name: &str, kind: crate::lesson::TestKind) -> String {
        let kind = self.test_kind(kind);
        say!(self, ja: format!("{name}（{kind}）"), en: format!("{name} ({kind})"))
    }

    pub fn wrong_cells(self, wrong: usize, total: usize) -> String {
        say!(self,
            ja: format!("{total} 個の値のうち {wrong} 個が違います（* の付いた値）。"),
            en: format!("{wrong} of {total} values {} (marked *).", noun(wrong as u64, "differs", "differ")),
        )
    }

    pub fn wrong_cells_colored(self, wrong: usize, total: usize) -> String {
        say!(self,
            ja: format!("{total} 個の値のうち {wrong} 個が違います（赤い値）。"),
            en: format!("{wrong} of {total} values {} (in red).", noun(wrong as u64, "differs", "differ")),
        )
    }

    pub fn shape_mismatch(self, expected: &str, got: &str) -> String {
        say!(self,
            ja: format!("結果の形が違います。正しい形は {expected}、あなたの結果は {got} です。"),
            en: format!("The output has the wrong shape: expected {expected}, got {got}."),
        )
    }

    pub fn panicked(self, location: &str, message: &str) -> String {
        let at_ja = if location.is_empty() {
            String::new()
        } else {
            format!("（{location}）")
        };
        let at_en = if location.is_empty() {
            String::new()
        } else {
            format!(" at {location}")
        };
        say!(self,
            ja: format!("あなたのコードがパニックを起こしました{at_ja}：\n{message}"),
            en: format!("Your code panicked{at_en}:\n{message}"),
        )
    }

    /// What a panic the student meets often means, and where to look.
    pub fn panic_meaning(self, panic: &KnownPanic) -> String {
        match panic {
            KnownPanic::Index {
                index: Some(index),
                shape: Some(shape),
            } if shape.contains(',') => say!(self,
                ja: format!("→ 配列の範囲の外を読もうとしました。形 {shape} の配列に、添字 {index} を使っています。添字は、どの軸も 0 から「長さ − 1」までです。形は（行の数、列の数）の順です。行と列（縦と横）を取り違えていないか、ループの範囲を確かめましょう。"),
                en: format!("→ Your code read outside an array: index {index} on an array of shape {shape}. On each axis, indices run from 0 to length − 1, and a shape is (rows, columns): check that rows and columns (height and width) are not swapped, and your loops' ranges."),
            ),
            KnownPanic::Index {
                index: Some(index),
                shape: Some(shape),
            } => say!(self,
                ja: format!("→ 配列の範囲の外を読もうとしました。形 {shape} の配列に、添字 {index} を使っています。添字は 0 から「長さ − 1」までです。ループの範囲や、`i + 1` のような添字を確かめましょう。"),
                en: format!("→ Your code read outside an array: index {index} on an array of shape {shape}. Indices run from 0 to length − 1: check your loop's range and indices such as `i + 1`."),
            ),
            KnownPanic::Index { .. } => say!(self,
                ja: "→ 配列の範囲の外を読もうとしました。添字は 0 から「長さ − 1」までです。ループの範囲や、`i + 1` のような添字を確かめましょう。".to_string(),
                en: "→ Your code read outside an array. Indices run from 0 to length − 1: check your loop's range and indices such as `i + 1`.".to_string(),
            ),
            KnownPanic::Subtract => say!(self,
                ja: "→ usize の引き算が 0 より小さくなりました（たとえば `0 - 1`）。usize は負の数を表せません。長さや添字から引く式（`len - 1`、`i - 1` など）を確かめましょう。".to_string(),
                en: "→ A usize subtraction went below zero (`0 - 1`, say): a usize cannot be negative. Check where you subtract from a length or an index (`len - 1`, `i - 1`).".to_string(),
            ),
            KnownPanic::MatrixProduct { left, right } => say!(self,
                ja: format!("→ 形の合わない行列の積です（{left} と {right}）。`a.dot(b)` では、a の列の数と b の行の数（b がベクトルなら長さ）が同じでなければなりません。重みの形は（出力の数, 入力の数）です。行列を転置していないか、かける順番が逆でないかを確かめましょう。"),
                en: format!("→ A matrix product of shapes that do not fit ({left} and {right}). In `a.dot(b)`, a's number of columns must equal b's number of rows (its length, if b is a vector). Weights have the shape (outputs, inputs): check that no matrix is transposed and that the product is not in reverse order."),
            ),
            KnownPanic::Shapes => say!(self,
                ja: "→ 形の違う配列どうしを、要素ごとに計算しようとしました（`+`、`Zip`、`assign` などは、同じ形の配列を求めます）。それぞれの配列の形を確かめましょう。形は（行の数, 列の数）の順です。".to_string(),
                en: "→ Your code combined arrays of different shapes element by element (`+`, `Zip`, `assign` and the like need arrays of the same shape). Check each array's shape; a shape is (rows, columns).".to_string(),
            ),
        }
    }

    /// After [`Self::panic_meaning`] of ndarray's out-of-bounds message without an index
    /// and a shape: a lesson built optimised (a training) has ndarray say no more.
    pub fn index_unknown_when_optimised(self) -> String {
        say!(self,
            ja: "このレッスンは、学習が速く終わるように最適化してビルドしています。そのため ndarray は、使った添字も配列の形も表示しません。コードで使っている添字を、配列の形（`.dim()` や `.shape()`）と比べてみましょう。".to_string(),
            en: "This lesson is built optimised, so that training ends soon: ndarray then names neither the index nor the array's shape. Compare the indices your code uses with the array's shape (`.dim()`, `.shape()`).".to_string(),
        )
    }

    pub fn not_implemented_short(self, location: &str) -> String {
        say!(self,
            ja: format!("まだ実装されていません（{location} の todo!()）。"),
            en: format!("Not implemented yet (the todo!() at {location})."),
        )
    }

    /// The code ran out of time; `time_use` says how it spent it.
    pub fn timed_out(self, seconds: f64, time_use: TimeUse) -> String {
        match time_use {
            TimeUse::Crowded { percent } => say!(self,
                ja: format!("制限時間（{seconds} 秒）を超えたので止めました。ただ、このときコンピュータは混み合っていて、あなたのコードは CPU を使いたい時間の {percent} % しか使えていません。コードが遅いとは限りません。ほかの処理が終わってから、もう一度チェックしてください。"),
                en: format!("Stopped at the time limit ({seconds} s). But the machine was busy: your code ran only {percent} % of the time it was ready to run, so it may well be fast enough. Check again when the machine is less busy."),
            ),
            TimeUse::Waiting => say!(self,
                ja: format!("制限時間（{seconds} 秒）を超えたので止めました。あなたのコードは計算せず、ほとんどの時間を待って過ごしています。sleep や、順番が回ってこないロックやチャネルがないか確かめてください。"),
                en: format!("Stopped at the time limit ({seconds} s). Your code spent most of it waiting, not computing: look for a sleep, or a lock or channel whose turn never comes."),
            ),
            TimeUse::Computing | TimeUse::Unknown => say!(self,
                ja: format!("制限時間（{seconds} 秒）を超えたので止めました。終わらないループがないか確かめてください。"),
                en: format!("Stopped at the time limit ({seconds} s). Look for a loop that never ends."),
            ),
        }
    }

    pub fn stack_overflow(self) -> String {
        say!(self,
            ja: "スタックがあふれました（終わらない再帰がないか確かめてください）。".to_string(),
            en: "The stack overflowed (look for a recursion that never ends).".to_string(),
        )
    }

    pub fn out_of_memory(self, mib: u64) -> String {
        say!(self,
            ja: format!("メモリの上限（{mib} MiB）に達しました。大きすぎる配列を作っていないか確かめてください。"),
            en: format!("The memory limit ({mib} MiB) was reached. Look for an array far larger than needed."),
        )
    }

    pub fn killed_by_signal(self, signal: i32) -> String {
        match signal {
            libc::SIGABRT => say!(self,
                ja: "プロセスが異常終了しました（abort、SIGABRT）。".to_string(),
                en: "The process aborted (SIGABRT).".to_string(),
            ),
            libc::SIGSEGV | libc::SIGBUS => say!(self,
                ja: format!("プロセスがメモリの不正なアクセスで止まりました（シグナル {signal}）。"),
                en: format!("The process crashed on a bad memory access (signal {signal})."),
            ),
            libc::SIGXFSZ => say!(self,
                ja: format!("出力が大きすぎます（{} MiB を超えました）。配列の大きさを確かめてください。", crate::harness::run::MAX_RESULTS_BYTES >> 20),
                en: format!("Your code's output was too large (over {} MiB). Check the size of the arrays it returns.", crate::harness::run::MAX_RESULTS_BYTES >> 20),
            ),
            libc::SIGFPE | libc::SIGILL => say!(self,
                ja: format!("プロセスが不正な演算で止まりました（シグナル {signal}）。"),
                en: format!("The process crashed on an invalid operation (signal {signal})."),
            ),
            _ => say!(self,
                ja: format!("プロセスがシグナル {signal} で終了しました。"),
                en: format!("The process was ended by signal {signal}."),
            ),
        }
    }

    pub fn exited_early(self, code: i32) -> String {
        say!(self,
            ja: format!("テストの途中でプロセスが終了しました（終了コード {code}）。process::exit を呼んでいませんか。"),
            en: format!("The process exited (status {code}) before this test finished. Does your code call process::exit?"),
        )
    }

    pub fn not_run(self, cases: usize) -> String {
        say!(self,
            ja: format!("その前のテストでプロセスが止まったので、{cases} ケースは実行できませんでした。"),
            en: format!("{} could not run: the process had stopped in an earlier test.", count(cases as u64, "case", "cases")),
        )
    }

    /// The harness could not run a case or read its result: the checker's fault.
    pub fn harness_fault(self, why: &str) -> String {
        say!(self,
            ja: format!("このテストはチェッカー側の問題で判定できません。あなたのコードのせいではありません。先生に知らせてください（{why}）。"),
            en: format!("This test cannot be judged because of a problem in the checker, not in your code. Please tell your instructor ({why})."),
        )
    }

    /// What the student's code printed on `stream` (`stdout` or `stderr`), named in
    /// Japanese as a Japanese book names it (標準出力, 標準エラー出力).
    pub fn student_output(self, stream: &str, bytes: u64) -> String {
        let ja_stream = match stream {
            "stdout" => "標準出力",
            "stderr" => "標準エラー出力",
            other => other,
        };
        say!(self,
            ja: format!("あなたのコードが出力した内容（{ja_stream}、{bytes} バイト）："),
            en: format!("Your code printed ({stream}, {}):", count(bytes, "byte", "bytes")),
        )
    }

    pub fn output_cut(self, bytes: u64) -> String {
        say!(self, ja: format!("…（{bytes} バイト省略）…"), en: format!("… ({} cut) …", count(bytes, "byte", "bytes")))
    }
}
