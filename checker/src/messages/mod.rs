//! Every sentence the checker says, in Japanese and in English, side by side.
//!
//! Layout (tables, matrices, colours) lives in `report.rs`; the words live here, so a
//! translator reads each pair together.

use crate::harness::run::TimeUse;
use crate::lesson::Localized;

/// The language of everything the checker prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// 日本語
    Ja,
    /// English
    En,
}

impl Lang {
    /// `--lang` if given, else the locale: `LC_ALL`, `LC_MESSAGES`, then `LANG` (as POSIX orders them).
    pub fn detect(arg: Option<Lang>) -> Lang {
        arg.unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .unwrap_or_default();
            if locale.starts_with("ja") {
                Lang::Ja
            } else {
                Lang::En
            }
        })
    }

    pub fn pick(self, text: &Localized) -> &str {
        match self {
            Lang::Ja => &text.ja,
            Lang::En => &text.en,
        }
    }
}

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

macro_rules! say {
    ($self:ident, ja: $ja:expr, en: $en:expr $(,)?) => {
        match $self.0 {
            Lang::Ja => $ja,
            Lang::En => $en,
        }
    };
}

// Messages of later features, each in a file of its own (declared after `say!`).
mod compare;
mod day;
mod exhibit;
mod instructor;
mod modules;

pub use day::{Again, Key};

impl Msg {
    pub fn welcome(self) -> String {
        say!(self,
            ja: format!("cnnlings へようこそ。\n\
                レッスンごとに exercises/src/ のファイルを一つずつ書き、`{RUN} next` で確かめていきます。\n\
                チェッカーは隠しテストであなたのコードを調べ、どこが違うのかを説明します。\n\
                困ったら `{RUN} hint`、全体の進み具合は `{RUN} list` で見られます。"),
            en: format!("Welcome to cnnlings!\n\
                In each lesson you write one file in exercises/src/ and check it with `{RUN} next`.\n\
                The checker runs hidden tests on your code and explains what is wrong.\n\
                Stuck? `{RUN} hint`. Your progress: `{RUN} list`."),
        )
    }

    pub fn lesson_heading(self, number: usize, total: usize, title: &str) -> String {
        say!(self, ja: format!("レッスン {number}/{total}: {title}"), en: format!("Lesson {number}/{total}: {title}"))
    }

    pub fn edit_file(self, path: &str) -> String {
        say!(self, ja: format!("編集するファイル: {path}"), en: format!("The file to edit: {path}"))
    }

    pub fn preparing(self) -> String {
        say!(self,
            ja: "初回の準備をしています（依存するクレートをコンパイルします。最初の一回だけ、1 分ほどかかります）…".to_string(),
            en: "Preparing the checker: compiling the dependencies (once only; it takes about a minute)…".to_string(),
        )
    }

    pub fn passed(self, tests: usize, cases: usize) -> String {
        say!(self,
            ja: format!("合格です。隠しテスト {tests} 個（{cases} ケース）をすべて通りました。"),
            en: match tests {
                1 => format!("Passed! The hidden test ({}) agrees with your code.", count(cases as u64, "case", "cases")),
                _ => format!("Passed! All {tests} hidden tests ({cases} cases) agree with your code."),
            },
        )
    }

    pub fn points(self, points: u32) -> String {
        say!(self, ja: format!("+{points} 点"), en: format!("+{points} points"))
    }

    pub fn compare_with_reference(self, path: &str) -> String {
        say!(self,
            ja: format!("模範解答と見比べてみましょう: {path}"),
            en: format!("Compare your code with the reference solution: {path}"),
        )
    }

    pub fn up_next(self) -> String {
        say!(self, ja: "次のレッスン".to_string(), en: "Up next".to_string())
    }

    pub fn run_next_to_start(self) -> String {
        say!(self,
            ja: format!("準備ができたら `{RUN} next` で始めましょう。"),
            en: format!("When you are ready, start it with `{RUN} next`."),
        )
    }

    pub fn course_complete(self, points: u32, total: u32) -> String {
        say!(self,
            ja: format!("全レッスン修了です。おめでとうございます！（{total} 点中 {points} 点）\n\
                どのレッスンも `{RUN} check <レッスン>` でいつでも確かめ直せます。"),
            en: format!("You have finished every lesson. Congratulations! ({points} of {total} points)\n\
                You can check any lesson again at any time with `{RUN} check <lesson>`."),
        )
    }

    pub fn not_implemented(self, location: &str) -> String {
        say!(self,
            ja: format!("まだ実装されていません。{location} の todo!() を、あなたのコードに書き換えましょう。"),
            en: format!("Not implemented yet: replace the todo!() at {location} with your code."),
        )
    }

    pub fn failed_summary(
        self,
        failed: usize,
        tests: usize,
        failed_cases: usize,
        cases: usize,
    ) -> String {
        say!(self,
            ja: format!("隠しテスト {tests} 個のうち {failed} 個が通りませんでした（{cases} ケース中 {failed_cases} ケースが不一致）。"),
            en: format!("{failed} of {tests} hidden {} failed ({failed_cases} of {cases} {} wrong).",
                noun(tests as u64, "test", "tests"), noun(cases as u64, "case", "cases")),
        )
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
                ja: format!("{cases} ケース中 1 ケースが不一致です（ケース {first}{seed_ja}）:"),
                en: format!("1 of {cases} cases is wrong (case {first}{seed_en}):"),
            ),
            _ => say!(self,
                ja: format!("{cases} ケース中 {failed} ケースが不一致です。最初の不一致（ケース {first}{seed_ja}）:"),
                en: format!("{failed} of {cases} cases are wrong. The first (case {first}{seed_en}):"),
            ),
        }
    }

    pub fn also_failing(self) -> String {
        say!(self,
            ja: "ほかにも、次のテストが通っていません:".to_string(),
            en: "These tests fail too:".to_string(),
        )
    }

    pub fn cases_count(self, failed: usize, cases: usize) -> String {
        match cases {
            1 => String::new(),
            _ => say!(self,
                ja: format!("— {cases} ケース中 {failed} ケースが不一致"),
                en: format!("— {failed} of {cases} cases wrong"),
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
        say!(self, ja: format!("シード {seed} のケース:"), en: format!("The case drawn with seed {seed}:"))
    }

    pub fn called_with(self, call: &str) -> String {
        say!(self, ja: format!("{call} の入力:"), en: format!("{call} with"))
    }

    pub fn inputs_of(self) -> String {
        say!(self, ja: "入力:".to_string(), en: "Inputs:".to_string())
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
            ja: format!("あなたのコードがパニックを起こしました{at_ja}:\n{message}"),
            en: format!("Your code panicked{at_en}:\n{message}"),
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

    pub fn student_output(self, stream: &str, bytes: u64) -> String {
        say!(self,
            ja: format!("あなたのコードの出力（{stream}、{bytes} バイト）:"),
            en: format!("Your code printed ({stream}, {}):", count(bytes, "byte", "bytes")),
        )
    }

    pub fn output_cut(self, bytes: u64) -> String {
        say!(self, ja: format!("…（{bytes} バイト省略）…"), en: format!("… ({} cut) …", count(bytes, "byte", "bytes")))
    }

    pub fn does_not_compile(self, files: &str) -> String {
        say!(self,
            ja: format!("{files} がコンパイルできません。"),
            en: format!("{files} does not compile."),
        )
    }

    /// Before rustc's own text of the errors.
    pub fn rustc_messages(self) -> String {
        say!(self, ja: "rustc のメッセージ:".to_string(), en: "rustc says:".to_string())
    }

    /// One sentence for a compile error this course's students often meet.
    pub fn compile_slip(self, slip: crate::compile_errors::Slip) -> String {
        use crate::compile_errors::Slip::*;
        match slip {
            IntegerForFloat => say!(self,
                ja: "f32 の値が必要なところに、整数が書かれています。f32 の値は `0.0` や `2.0` のように小数点を付けて書きます（`0` は整数です）。".to_string(),
                en: "An integer stands where an f32 is needed. Write f32 values with a decimal point: `0.0` and `2.0`, not `0` and `2`.".to_string(),
            ),
            ShapeNotTuple => say!(self,
                ja: "新しい配列の形は、1 つのタプルで渡します。`Array2::zeros(h, w)` ではなく、かっこを二重にして `Array2::zeros((h, w))` と書きます。".to_string(),
                en: "The shape of a new array is one tuple: write `Array2::zeros((h, w))`, with double parentheses, not `Array2::zeros(h, w)`.".to_string(),
            ),
            SingleBracketIndex => say!(self,
                ja: "ndarray の要素は、角かっこを二重にして `a[[i, j]]` のように取り出します。`a[i, j]` とは書けません。".to_string(),
                en: "An element of an ndarray is `a[[i, j]]`, with double brackets; `a[i, j]` does not compile.".to_string(),
            ),
            ViewForOwned => say!(self,
                ja: "配列（`&Array1<f32>` など）を受け取る関数に、ビューを渡しています。`row()`、`column()`、`slice()` などが返すのは、元の配列の一部を指すビューです。`&a.row(j).to_owned()` のように `.to_owned()` で配列にしてから渡しましょう。".to_string(),
                en: "You pass a view where a function takes an array (such as `&Array1<f32>`). `row()`, `column()` and `slice()` return views into an array; make one an array with `.to_owned()` and pass that: `&a.row(j).to_owned()`.".to_string(),
            ),
            MissingBorrow => say!(self,
                ja: "この関数は参照（`&Array1<f32>` など）を受け取りますが、値をそのまま渡しています。引数の前に `&` を付けましょう。".to_string(),
                en: "The function takes a reference (such as `&Array1<f32>`), and you pass the value itself. Put `&` before the argument.".to_string(),
            ),
        }
    }

    pub fn file_missing(self, file: &str, lesson: &str) -> String {
        say!(self,
            ja: format!("{file} がありません。\n最初の状態（スタブ）に戻すには `{RUN} reset {lesson}` を実行してください。"),
            en: format!("{file} is missing.\nTo get the stub back, run `{RUN} reset {lesson}`."),
        )
    }

    pub fn file_not_utf8(self, file: &str, lesson: &str) -> String {
        say!(self,
            ja: format!("{file} が UTF-8 のテキストではありません。エディタで UTF-8 として保存し直してください。\nスタブからやり直すなら `{RUN} reset {lesson}` です（今のファイルはバックアップとして残ります）。"),
            en: format!("{file} is not UTF-8 text. Save it again as UTF-8 in your editor.\nTo start over from the stub, run `{RUN} reset {lesson}` (your file is kept as a backup)."),
        )
    }

    pub fn cannot_call(self, file: &str) -> String {
        say!(self,
            ja: format!("隠しテストが {file} のコードを呼び出せません。"),
            en: format!("The hidden tests cannot call the code in {file}."),
        )
    }

    pub fn calls_function(self, signature: &str) -> String {
        say!(self,
            ja: format!("テストはこの関数を呼びます: pub {signature}"),
            en: format!("They call this function: pub {signature}"),
        )
    }

    pub fn scenario_needs(self, name: &str) -> String {
        say!(self,
            ja: format!("シナリオ「{name}」が、あなたのコードの型や関数を使えません。"),
            en: format!("The scenario \"{name}\" cannot use the types and functions of your code."),
        )
    }

    pub fn rustc_says(self, message: &str) -> String {
        say!(self, ja: format!("rustc: {message}"), en: format!("rustc: {message}"))
    }

    pub fn keep_signatures(self) -> String {
        say!(self,
            ja: "名前・引数・戻り値の型は、最初のファイル（スタブ）のとおりに保ってください。".to_string(),
            en: "Keep the names, parameters and return types as the stub had them.".to_string(),
        )
    }

    pub fn cargo_failed(self) -> String {
        say!(self,
            ja: "cargo がビルドに失敗しました（rustc のエラーではありません）。cargo のメッセージ:".to_string(),
            en: "cargo failed to build the checker's harness (this is not an error in your code). cargo says:".to_string(),
        )
    }

    pub fn hint_heading(self, number: usize, total: usize) -> String {
        say!(self, ja: format!("ヒント {number}/{total}"), en: format!("Hint {number} of {total}"))
    }

    pub fn more_hints(self, lesson: Option<&str>) -> String {
        let command = match lesson {
            Some(id) => format!("{RUN} hint {id}"),
            None => format!("{RUN} hint"),
        };
        say!(self,
            ja: format!("もう一度 `{command}` で次のヒントが出ます。"),
            en: format!("Run `{command}` again for the next hint."),
        )
    }

    pub fn all_hints_shown(self) -> String {
        say!(self,
            ja: "ヒントはこれで全部です。".to_string(),
            en: "That was the last hint.".to_string(),
        )
    }

    pub fn no_hints(self, id: &str) -> String {
        say!(self, ja: format!("レッスン {id} にはヒントがありません。"), en: format!("Lesson {id} has no hints."))
    }

    pub fn list_heading(self) -> [&'static str; 4] {
        say!(self, ja: ["レッスン", "題名", "状態", "点数"], en: ["lesson", "title", "state", "points"])
    }

    pub fn state_done(self) -> &'static str {
        say!(self, ja: "合格", en: "done")
    }

    pub fn state_current(self) -> &'static str {
        say!(self, ja: "取り組み中", en: "current")
    }

    /// A lesson that passed once and fails now.
    pub fn state_failing(self) -> &'static str {
        say!(self, ja: "やり直し", en: "failing")
    }

    pub fn state_pending(self) -> &'static str {
        say!(self, ja: "未着手", en: "pending")
    }

    pub fn list_total(self, done: usize, total: usize, points: u32, max: u32) -> String {
        say!(self,
            ja: format!("{total} レッスン中 {done} レッスンに合格、{max} 点中 {points} 点"),
            en: format!("{done} of {total} {} done, {points} of {max} points", noun(total as u64, "lesson", "lessons")),
        )
    }

    pub fn verify_passed(self, lessons: usize) -> String {
        say!(self,
            ja: format!("{lessons} レッスンすべてに合格しています。"),
            en: match lessons {
                1 => "The lesson passes.".to_string(),
                _ => format!("All {lessons} lessons pass."),
            },
        )
    }

    pub fn verify_failed(self, failed: &str) -> String {
        say!(self,
            ja: format!("合格していないレッスン: {failed}"),
            en: format!("Lessons that do not pass yet: {failed}"),
        )
    }

    pub fn lesson_passed_short(self) -> &'static str {
        say!(self, ja: "合格", en: "passed")
    }

    pub fn lesson_failed_short(self) -> &'static str {
        say!(self, ja: "不合格", en: "failed")
    }

    pub fn lesson_not_started_short(self) -> &'static str {
        say!(self, ja: "未実装", en: "not implemented yet")
    }

    pub fn lesson_no_compile_short(self) -> &'static str {
        say!(self, ja: "コンパイルエラー", en: "does not compile")
    }

    pub fn unknown_lesson(self, id: &str, suggestion: Option<&str>, all: &str) -> String {
        match suggestion {
            Some(s) => say!(self,
                ja: format!("レッスン `{id}` はありません。`{s}` のことですか？（レッスン: {all}）"),
                en: format!("There is no lesson `{id}`. Did you mean `{s}`? (lessons: {all})"),
            ),
            None => say!(self,
                ja: format!("レッスン `{id}` はありません（レッスン: {all}）。"),
                en: format!("There is no lesson `{id}` (lessons: {all})."),
            ),
        }
    }

    pub fn lesson_errors(self, count: usize) -> String {
        say!(self,
            ja: format!("レッスンファイルに {count} 個の誤りがあります。直してからもう一度実行してください。"),
            en: match count {
                1 => "The lesson files have an error. Fix it and run the checker again.".to_string(),
                _ => format!("The lesson files have {count} errors. Fix them and run the checker again."),
            },
        )
    }

    pub fn not_a_workbook(self, dir: &str) -> String {
        say!(self,
            ja: format!("{dir} とその親フォルダに cnnlings のワークブック（lessons/ と exercises/）が見つかりません。リポジトリのフォルダで実行してください。"),
            en: format!("No cnnlings workbook (lessons/ and exercises/) in {dir} or above it. Run the checker inside the repository."),
        )
    }

    pub fn progress_reset(self, path: &str, why: &str) -> String {
        say!(self,
            ja: format!("進み具合のファイル {path} が読めないので、最初からとして扱います（元のファイルは .bak として残しました）: {why}"),
            en: format!("The progress file {path} cannot be read, so progress starts afresh (the old file is kept as .bak): {why}"),
        )
    }

    pub fn internal_error(self) -> String {
        say!(self, ja: "チェッカーが処理を続けられません:".to_string(), en: "The checker cannot go on:".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Msg = Msg(Lang::En);
    const JA: Msg = Msg(Lang::Ja);

    #[test]
    fn english_counts_agree_with_their_nouns() {
        assert_eq!(count(1u64, "case", "cases"), "1 case");
        assert_eq!(count(0u64, "case", "cases"), "0 cases");
        assert_eq!(
            EN.passed(1, 1),
            "Passed! The hidden test (1 case) agrees with your code."
        );
        assert_eq!(
            EN.failed_summary(1, 1, 1, 1),
            "1 of 1 hidden test failed (1 of 1 case wrong)."
        );
        assert_eq!(
            EN.failed_summary(2, 5, 3, 40),
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
    fn japanese_says_what_failed_in_the_decided_words() {
        assert_eq!(
            JA.failed_summary(5, 14, 32, 125),
            "隠しテスト 14 個のうち 5 個が通りませんでした（125 ケース中 32 ケースが不一致）。"
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
