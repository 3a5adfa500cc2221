//! For instructors: scaffolding, known mistakes and grading.

use super::{Msg, RUN};
use crate::lang::say;
use crate::lesson::names::NameProblem;
use crate::verdict::{FaultKind, Missing};

/// Why a submission has no module files to grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    /// The folder does not exist.
    NoFolder,
    /// The folder holds nothing.
    Empty,
    /// The folder holds files, but no `src/`, no `exercises/src/` and no module file.
    NoModuleFile,
}

impl Msg {
    /// The known mistakes recognised in the student's outputs (their messages are the
    /// lesson's): one, or several at once, one per function (or, `by_case`, found case
    /// by case, perhaps in one function). `partial`: they explain only some of the failures.
    pub fn known_mistakes(self, messages: &[&str], partial: bool, by_case: bool) -> String {
        let list =
            |mark: &str| -> String { messages.iter().map(|m| format!("\n  {mark}{m}")).collect() };
        match (messages, partial) {
            ([], _) => String::new(),
            ([_, _, ..], false) if by_case => say!(self,
                ja: format!("→ よくある間違いが {} つ重なっています。{}", messages.len(), list("・")),
                en: format!("→ These are {} known mistakes at once.{}", messages.len(), list("- ")),
            ),
            ([_, _, ..], true) if by_case => say!(self,
                ja: format!("→ 失敗の一部が、よくある間違い {} つに当てはまります。{}\n  残りの失敗は、どれか 1 つでは説明できません。これらが同じところで重なって出ているか、ほかにも直すところがあります。", messages.len(), list("・")),
                en: format!("→ Some of the failures are {} known mistakes.{}\n  No one of them explains the other failures: they may show there together, or something else needs fixing too.", messages.len(), list("- ")),
            ),
            ([message], false) => say!(self,
                ja: format!("→ よくある間違いに当てはまります。{message}"),
                en: format!("→ This is a known mistake. {message}"),
            ),
            (several, false) => say!(self,
                ja: format!("→ よくある間違いが {} つ重なっています。関数ごとに 1 つずつです。{}", several.len(), list("・")),
                en: format!("→ These are {} known mistakes at once, one in each function.{}", several.len(), list("- ")),
            ),
            ([message], true) => say!(self,
                ja: format!("→ 失敗の一部が、よくある間違いに当てはまります。{message}\n  ただ、ほかの失敗はこれでは説明できません。ほかにも直すところがあります。"),
                en: format!("→ Some of the failures are a known mistake. {message}\n  It does not explain the other failures: something else needs fixing too."),
            ),
            (several, true) => say!(self,
                ja: format!("→ 失敗の一部が、よくある間違い {} つに当てはまります。関数ごとに 1 つずつです。{}\n  ただ、ほかの失敗はこれらでは説明できません。ほかにも直すところがあります。", several.len(), list("・")),
                en: format!("→ Some of the failures are {} known mistakes, one in each function.{}\n  They do not explain the other failures: something else needs fixing too.", several.len(), list("- ")),
            ),
        }
    }

    /// The headline of a broken lesson, for the student.
    pub fn lesson_broken(self) -> String {
        say!(self,
            ja: "このレッスン自体に問題があるため、あなたのコードを判定できません。あなたのコードのせいではありません。\n  次の行を先生に知らせてください：".to_string(),
            en: "This lesson itself is broken, so your code cannot be judged. It is not your code's fault.\n  Please tell your instructor what follows:".to_string(),
        )
    }

    /// A broken lesson in `verify`'s list.
    pub fn lesson_broken_short(self) -> &'static str {
        say!(self, ja: "レッスン自体に問題があります", en: "the lesson itself is broken")
    }

    /// One fault of a broken lesson, in a few words: in `test`, or in the signature `function`.
    pub fn lesson_fault_cause(
        self,
        kind: &FaultKind,
        test: Option<&str>,
        function: Option<&str>,
    ) -> String {
        let (ja_test, en_test) = match test {
            Some(name) => (format!("テスト「{name}」"), format!("the test \"{name}\"")),
            None => ("テスト".to_string(), "a test".to_string()),
        };
        match (kind, function) {
            (FaultKind::DoesNotCompile { .. }, Some(function)) => say!(self,
                ja: format!("`functions` のシグネチャ `{function}` が模範解答と合いません。"),
                en: format!("the signature `{function}` in `functions` does not fit the reference solution."),
            ),
            (FaultKind::DoesNotCompile { .. }, None) if test.is_some() => say!(self,
                ja: format!("{ja_test}のコードが、模範解答ではコンパイルできません。"),
                en: format!("{en_test} does not compile with the reference solution."),
            ),
            (FaultKind::DoesNotCompile { .. }, None) => say!(self,
                ja: "模範解答がコンパイルできません。".to_string(),
                en: "the reference solution does not compile.".to_string(),
            ),
            (FaultKind::HelperDoesNotCompile { .. }, _) => say!(self,
                ja: "テストのヘルパーが、模範解答と一緒にコンパイルできません。".to_string(),
                en: "a helper of the tests does not compile with the reference solution.".to_string(),
            ),
            (FaultKind::CargoFailed(_), _) => say!(self,
                ja: "cargo が模範解答をビルドできませんでした。".to_string(),
                en: "cargo could not build the reference solution.".to_string(),
            ),
            (FaultKind::Panics { case, .. }, _) => say!(self,
                ja: format!("模範解答が{ja_test}のケース {} でパニックを起こしました。", case + 1),
                en: format!("the reference solution panicked in {en_test}, case {}.", case + 1),
            ),
            (FaultKind::Stopped(Missing::TimedOut(_)), _) => say!(self,
                ja: format!("模範解答が{ja_test}で制限時間内に終わりませんでした。"),
                en: format!("the reference solution did not finish {en_test} in time."),
            ),
            (FaultKind::Stopped(_), _) => say!(self,
                ja: format!("模範解答の実行が{ja_test}の途中で止まりました。"),
                en: format!("the reference solution stopped during {en_test}."),
            ),
            (FaultKind::NoOutput { case, .. }, _) => say!(self,
                ja: format!("模範解答が{ja_test}のケース {} で結果を返しませんでした。", case + 1),
                en: format!("the reference solution gave no result in {en_test}, case {}.", case + 1),
            ),
            (FaultKind::DiffersFromExpected { .. }, _) => say!(self,
                ja: format!("{ja_test}の `expected` の値が、模範解答の結果と違います。"),
                en: format!("the `expected` value of {en_test} differs from the reference solution's result."),
            ),
        }
    }

    /// `grade --exercises DIR` with no folder DIR (but for Gradescope, which grades it as
    /// a submission with nothing in it).
    pub fn no_exercises_folder(self, dir: &str) -> String {
        say!(self,
            ja: format!("{dir} というフォルダはありません。--exercises には、学生のモジュールのファイルがあるフォルダ（src/ を含むクレートのフォルダ、ワークブック全体、またはファイルを直接入れたフォルダ）を指定してください。"),
            en: format!("There is no folder {dir}. Give --exercises the folder of a student's module files: a crate folder holding src/, a whole workbook, or a folder of the files themselves."),
        )
    }

    /// A submission with no module files: what was looked for, where, and what to hand in.
    pub fn nothing_to_grade(self, absent: Absent, shown: &str, files: &[String]) -> String {
        let files = say!(self, ja: files.join("、"), en: files.join(", "));
        let what = match absent {
            Absent::NoFolder => say!(self,
                ja: format!("{shown} というフォルダがありません。"),
                en: format!("there is no folder {shown}."),
            ),
            Absent::Empty => say!(self,
                ja: format!("{shown} は空です。"),
                en: format!("{shown} is empty."),
            ),
            Absent::NoModuleFile => say!(self,
                ja: format!("{shown} には、レッスンのファイルも src/ も exercises/src/ もありません。"),
                en: format!("{shown} holds none of the lesson files, and no src/ or exercises/src/ folder."),
            ),
        };
        say!(self,
            ja: format!("✗ 採点するものがありません。{what}\n  ワークブックの exercises/src/ にあるモジュールのファイル（{files}）を提出してください。ファイルをそのまま入れても、exercises/ フォルダごとでも、ワークブック全体でもかまいません。すべてのレッスンが 0 点です。\n"),
            en: format!("✗ Nothing to grade: {what}\n  Hand in your module files from exercises/src/ of your workbook ({files}): the files themselves, your exercises/ folder, or the whole workbook. Every lesson scores 0.\n"),
        )
    }

    /// Grading refused: lessons whose reference fails its own tests.
    pub fn grade_refused(self, ids: &[String]) -> String {
        let list = ids.join(", ");
        say!(self,
            ja: format!("✗ 採点しませんでした。レッスン {list} の模範解答が、そのレッスン自身の隠しテストに通りません。このまま採点すると、正しい答えからも点を引いてしまいます。成績はどこにも書き出していません。"),
            en: format!("✗ Nothing was graded: the reference solution fails its own hidden tests in {} {list}, so correct work would lose points there. No grades were written.",
                super::noun(ids.len() as u64, "lesson", "lessons")),
        )
    }

    /// After the problems of a refused grading: what to do.
    pub fn grade_refused_next(self, command: &str) -> String {
        say!(self,
            ja: format!("レッスンファイル（または模範解答）を直し、`{RUN} {command}` で確かめてから、もう一度採点してください。"),
            en: format!("Fix the lesson file (or the reference), prove it with `{RUN} {command}`, and grade again."),
        )
    }

    /// Gradescope's `output` when the autograder's own lessons are broken: for the student.
    pub fn gradescope_broken(self) -> String {
        say!(self,
            ja: "この提出物は採点できませんでした。自動採点そのものに問題があります（先生のレッスンの一つが、正しく動きません）。あなたの答えのせいではありません。ここにある 0 点は成績ではありません。先生に知らせてください。直ったあとで、もう一度採点されます。".to_string(),
            en: "This submission could not be graded: the autograder itself is broken (one of the instructor's lessons does not work). It is not your work's fault, and the 0 here is not a grade. Please tell your instructor; your work will be graded again once the autograder is fixed.".to_string(),
        )
    }

    /// `dev check --lessons DIR` with no lesson file in DIR.
    pub fn dev_overlay_empty(self, dir: &str) -> String {
        say!(self,
            ja: format!("{dir} にレッスンファイル（*.toml）がありません。確かめる非公開のレッスンがありません。"),
            en: format!("{dir} holds no lesson files (*.toml): there are no private lessons to prove."),
        )
    }

    pub fn dev_reference_passes(self, id: &str, tests: usize, cases: usize) -> String {
        say!(self,
            ja: format!("✓ {id}：模範解答は隠しテスト {tests} 個（{cases} ケース）にすべて通ります"),
            en: format!("✓ {id}: the reference passes {} ({})",
                match tests { 1 => "the hidden test".to_string(), _ => format!("all {tests} hidden tests") },
                super::count(cases as u64, "case", "cases")),
        )
    }

    pub fn dev_reference_fails(self, id: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：模範解答が自分の隠しテストに通りません（固定ケースの expected が違うのかもしれません）："),
            en: format!("✗ {id}: the reference fails its own hidden tests (a fixed case's `expected` may be wrong):"),
        )
    }

    /// A case's number in its test, with its seed if it was drawn: `4 (seed 6)`.
    pub fn dev_case(self, number: usize, seed: Option<u64>) -> String {
        match seed {
            Some(seed) => {
                say!(self, ja: format!("{number}（シード {seed}）"), en: format!("{number} (seed {seed})"))
            }
            None => number.to_string(),
        }
    }

    /// How a run of the reference stopped, in a few words for its author.
    pub fn dev_stopped(self, how: &Missing) -> String {
        match how {
            Missing::TimedOut(_) => {
                say!(self, ja: "時間切れになりました".to_string(), en: "it ran out of time".to_string())
            }
            Missing::StackOverflow => {
                say!(self, ja: "スタックがあふれました".to_string(), en: "its stack overflowed".to_string())
            }
            Missing::OutOfMemory => {
                say!(self, ja: "メモリが足りなくなりました".to_string(), en: "it ran out of memory".to_string())
            }
            Missing::Signal(signal) => {
                say!(self, ja: format!("シグナル {signal} で止められました"), en: format!("it was killed by signal {signal}"))
            }
            Missing::Exited(code) => {
                say!(self, ja: format!("終了コード {code} で終わりました"), en: format!("it exited with status {code}"))
            }
            Missing::NotRun => {
                say!(self, ja: "前のケースで止まりました".to_string(), en: "an earlier case stopped it".to_string())
            }
        }
    }

    /// Why a lesson's file and its reference do not work together, at the file's line.
    pub fn dev_fault(self, fault: DevFault<'_>) -> String {
        match fault {
            DevFault::TestDoesNotCompile => say!(self,
                ja: "このテストのコードが、模範解答と一緒にコンパイルできません".to_string(),
                en: "this test's code does not compile with the reference solution".to_string(),
            ),
            DevFault::EditDoesNotCompile(mistake) => say!(self,
                ja: format!("よくある間違い {mistake} のこの書き換えで、コードがコンパイルできなくなります"),
                en: format!("with this edit, the known mistake {mistake} does not compile"),
            ),
            DevFault::HelperDoesNotCompile(id) => say!(self,
                ja: format!("このヘルパーが、レッスン `{id}` の模範解答と一緒にコンパイルできません"),
                en: format!("this helper does not compile with the reference solution of lesson `{id}`"),
            ),
            DevFault::LineDoesNotCompile => say!(self,
                ja: "シナリオのこの行が、模範解答と一緒にコンパイルできません".to_string(),
                en: "this line of the scenario does not compile with the reference solution".to_string(),
            ),
            DevFault::ModuleNotUsed(module) => say!(self,
                ja: format!("この行はモジュール `{module}` を使っていますが、`{module}` はこのレッスンの `uses` にありません。`uses` に \"{module}\" を加えてください"),
                en: format!("this line uses the module `{module}`, which is not in this lesson's `uses`: add \"{module}\" to `uses`"),
            ),
            DevFault::ItemOfModule {
                name,
                module,
                used: false,
            } => say!(self,
                ja: format!("`{name}` はモジュール `{module}` のものですが、`{module}` はこのレッスンの `uses` にありません。`uses` に \"{module}\" を加え、`crate::{module}::{name}` と書いてください（シナリオで名前だけで書けるのは、レッスン自身のモジュールとヘルパーのものだけです）"),
                en: format!("`{name}` is in the module `{module}`, which is not in this lesson's `uses`: add \"{module}\" to `uses` and write `crate::{module}::{name}` (a scenario names alone only the items of its lesson's module and helpers)"),
            ),
            DevFault::ItemOfModule {
                name,
                module,
                used: true,
            } => say!(self,
                ja: format!("`{name}` はモジュール `{module}` のものです。`crate::{module}::{name}` と書いてください（シナリオで名前だけで書けるのは、レッスン自身のモジュールとヘルパーのものだけです）"),
                en: format!("`{name}` is in the module `{module}`: write `crate::{module}::{name}` (a scenario names alone only the items of its lesson's module and helpers)"),
            ),
            DevFault::SignatureDoesNotFit => say!(self,
                ja: "このシグネチャが模範解答に合いません".to_string(),
                en: "this signature does not fit the reference solution".to_string(),
            ),
            DevFault::DoesNotCompile => say!(self,
                ja: "模範解答がコンパイルできません".to_string(),
                en: "the reference solution does not compile".to_string(),
            ),
            DevFault::CargoFailed => say!(self,
                ja: "cargo が模範解答をビルドできませんでした".to_string(),
                en: "cargo could not build the reference solution".to_string(),
            ),
            DevFault::Panicked(case) => say!(self,
                ja: format!("模範解答が、このテストの{}でパニックを起こしました", case_ja(case)),
                en: format!("the reference solution panicked in case {case} of this test"),
            ),
            DevFault::TooSlow => say!(self,
                ja: "模範解答が、このテストを時間内に終えられませんでした（`time_limit` の 4 倍、最低 10 秒）".to_string(),
                en: "the reference solution did not finish this test in time (4 times `time_limit`, at least 10 s)".to_string(),
            ),
            DevFault::Stopped(how) => say!(self,
                ja: format!("模範解答が、このテストの途中で止まりました：{how}"),
                en: format!("the reference solution stopped during this test: {how}"),
            ),
            DevFault::NoResult(case) => say!(self,
                ja: format!("模範解答が、このテストの{}で結果を返しませんでした", case_ja(case)),
                en: format!("the reference solution gave no result for case {case} of this test"),
            ),
            DevFault::DiffersFromExpected(Some(case)) => say!(self,
                ja: format!("{}で、模範解答の結果が `expected` と違います。`expected` は正しいですか？", case_ja(case)),
                en: format!("the reference's result for case {case} differs from `expected`: is `expected` right?"),
            ),
            // A test of one case (every fixed one): no number to give.
            DevFault::DiffersFromExpected(None) => say!(self,
                ja: "模範解答の結果が `expected` と違います。`expected` は正しいですか？".to_string(),
                en: "the reference's result differs from `expected`: is `expected` right?".to_string(),
            ),
            DevFault::OutOfBounds { case, got, bounds } => say!(self,
                ja: format!("{}の模範解答の結果は {} で、{} の外です。模範解答は、自分のテストの範囲に収まらなければなりません", case_ja(case), number(got), bounds.join("、")),
                en: format!("the reference's result for case {case} is {}, outside {}: the reference must pass its own bounds", number(got), bounds.join(" and ")),
            ),
            DevFault::ReachesTodo(case) => say!(self,
                ja: format!("模範解答が、{}で todo!() に達しました", case_ja(case)),
                en: format!("the reference solution reaches a todo!() in case {case}"),
            ),
            DevFault::OverTimeLimit(seconds) => say!(self,
                ja: format!("模範解答が `time_limit`（{seconds} 秒）以内に終わりませんでした。時間はハーネスの起動から数えます"),
                en: format!("the reference solution did not finish within `time_limit` ({seconds} s), which counts from the harness's start"),
            ),
            DevFault::StoppedInCase(case, how) => say!(self,
                ja: format!("模範解答が{}で止まりました：{how}", case_ja(case)),
                en: format!("the reference solution stopped in case {case}: {how}"),
            ),
            DevFault::HarnessFailed(case) => say!(self,
                ja: format!("ハーネスが、このテストの{}を実行できませんでした", case_ja(case)),
                en: format!("the harness could not run case {case} of this test"),
            ),
        }
    }

    /// A note under a fault: what rustc said, after our sentence. One line is quoted as
    /// the words of a third party; a rendered error (in the reference's own file) follows.
    /// A note under an edit of a known mistake that does not compile: the line it made.
    pub fn dev_edited_line(self, line: &str) -> String {
        say!(self, ja: format!("書き換えたあとの行：{line}"), en: format!("the line as edited: {line}"))
    }

    pub fn dev_rustc_said(self, rustc: &str) -> String {
        match rustc.contains('\n') {
            false => {
                say!(self, ja: format!("rustc の説明：「{rustc}」"), en: format!("rustc: {rustc}"))
            }
            true => {
                say!(self, ja: format!("rustc の説明：\n{rustc}"), en: format!("rustc: {rustc}"))
            }
        }
    }

    /// A note under a fault: where the reference panicked, and with what message.
    pub fn dev_panicked_at(self, location: &str, message: &str) -> String {
        say!(self,
            ja: format!("{location} でパニック：{message}"),
            en: format!("panicked at {location}: {message}"),
        )
    }

    /// A note under a fault: where the reference reached a `todo!()`.
    pub fn dev_at(self, location: &str) -> String {
        say!(self, ja: format!("場所：{location}"), en: format!("at {location}"))
    }

    /// Before a student's report of the reference's wrong values: who "you" is there.
    pub fn dev_report_is_the_references(self) -> String {
        say!(self,
            ja: "下の報告の「あなたの結果」は、模範解答の出力です。".to_string(),
            en: "In the report below, \"your output\" is the reference's.".to_string(),
        )
    }

    pub fn dev_reference_fails_tests(self, id: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：模範解答が自分の隠しテストに通りません："),
            en: format!("✗ {id}: the reference fails its own hidden tests:"),
        )
    }

    pub fn dev_reference_does_not_compile(self, id: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：模範解答がコンパイルできません："),
            en: format!("✗ {id}: the reference solution does not compile:"),
        )
    }

    pub fn dev_lesson_broken(self, id: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：レッスンファイルと模範解答が合いません（下の行）。スタブとよくある間違いは、直るまで確かめません："),
            en: format!("✗ {id}: the lesson file and its reference solution do not work together (below);\n  its stub and known mistakes are checked once they do:"),
        )
    }

    pub fn dev_stub_unbuildable(self, id: &str, file: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：スタブ {file} をビルドできません："),
            en: format!("✗ {id}: the stub {file} cannot be built:"),
        )
    }

    pub fn dev_stub_passes(self, id: &str, file: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：スタブ {file} がすべてのテストに通ってしまいます。演習は未解決の状態から始まる必要があります"),
            en: format!("✗ {id}: the stub {file} passes every test; an exercise must start unsolved"),
        )
    }

    pub fn dev_stub_fails(self, id: &str, passing: &[&str]) -> String {
        match passing {
            [] => say!(self,
                ja: format!("✓ {id}：スタブはすべてのテストに落ちます"),
                en: format!("✓ {id}: the stub fails every test"),
            ),
            _ => {
                let passing = passing.join("; ");
                say!(self,
                    ja: format!("✓ {id}：スタブは落ちます（通るのは次のテストだけです：{passing}）"),
                    en: format!("✓ {id}: the stub fails (it passes only: {passing})"),
                )
            }
        }
    }

    pub fn dev_mistake_does_not_compile(self, id: &str, file: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：よくある間違い {file} がコンパイルできません"),
            en: format!("✗ {id}: the known mistake {file} does not compile"),
        )
    }

    pub fn dev_mistake_does_not_run(self, id: &str, file: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：よくある間違い {file} がビルドできないか、最後まで実行できません"),
            en: format!("✗ {id}: the known mistake {file} does not build or does not finish"),
        )
    }

    /// A known mistake written as edits whose edit no longer applies to the reference.
    pub fn dev_mistake_unapplied(self, id: &str, mistake: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：よくある間違い {mistake} の書き換えが、いまの模範解答に当てはまりません（下の行）"),
            en: format!("✗ {id}: the known mistake {mistake} no longer applies to the reference (below)"),
        )
    }

    pub fn dev_mistake_passes(self, id: &str, file: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：よくある間違い {file} がすべての隠しテストに通ってしまいます。見分けるテストを足してください"),
            en: format!("✗ {id}: the known mistake {file} passes every hidden test; add a test that tells it apart"),
        )
    }

    pub fn dev_mistake_misnamed(self, id: &str, file: &str, named: Option<&str>) -> String {
        match named {
            Some(other) => say!(self,
                ja: format!("✗ {id}：よくある間違い {file} は落ちますが、{other} と判定されます。両者を見分けるテストを足すか、順番を入れ替えてください"),
                en: format!("✗ {id}: the known mistake {file} fails, but is named as {other}; add a test that tells them apart, or reorder them"),
            ),
            None => say!(self,
                ja: format!("✗ {id}：よくある間違い {file} は落ちますが、そうだと認識されません"),
                en: format!("✗ {id}: the known mistake {file} fails, but is not recognised"),
            ),
        }
    }

    /// Two known mistakes whose outputs are the same in every case.
    pub fn dev_mistakes_identical(self, id: &str, file: &str, other: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：よくある間違い {file} と {other} は、どのケースでも同じ出力になるので見分けられません。両者で結果が変わるテストを足すか、どちらか一方だけを残してください"),
            en: format!("✗ {id}: the known mistakes {file} and {other} give the same output in every case, so no test tells them apart: add a test on which they differ, or keep only one of them"),
        )
    }

    pub fn dev_mistakes_recognised(self, id: &str, total: usize) -> String {
        say!(self,
            ja: match total {
                1 => format!("✓ {id}：よくある間違い 1 個はテストに落ち、正しく見分けられます"),
                n => format!("✓ {id}：よくある間違い {n} 個は、どれもテストに落ち、正しく見分けられます"),
            },
            en: match total {
                1 => format!("✓ {id}: its known mistake fails and is recognised"),
                2 => format!("✓ {id}: both known mistakes fail and are recognised"),
                n => format!("✓ {id}: all {n} known mistakes fail and are recognised"),
            },
        )
    }

    pub fn dev_mistake_unlisted(self, id: &str, file: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：{file} がレッスンの [[mistakes]] に載っていません"),
            en: format!("✗ {id}: {file} is not listed in the lesson's [[mistakes]]"),
        )
    }

    pub fn dev_module_undeclared(self, id: &str, module: &str, lib: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：{lib} に `pub mod {module};` がありません。これがないと、cargo はこのモジュールをビルドしません"),
            en: format!("✗ {id}: {lib} does not declare `pub mod {module};`, so cargo never builds the module"),
        )
    }

    /// A lesson whose random cases are large: allowed, with what it costs.
    pub fn dev_large_inputs(
        self,
        id: &str,
        values: u64,
        mib: u64,
        largest: (usize, usize),
    ) -> String {
        let (rows, cols) = largest;
        say!(self,
            ja: format!("⚠ {id}：乱数のケースの入力は全部で {values} 個の値（約 {mib} MiB）です。チェックのたびに書き出して読み込むので、\n  \
                その時間も制限時間に入ります。{rows}×{cols} のような大きな配列は、レポートでは最も違うセルのまわり 10×10 だけを見せます。"),
            en: format!("⚠ {id}: its random cases draw {values} values in all (about {mib} MiB as the harness reads them).\n  \
                Every check writes and reads them, within the time limit. A report shows arrays as large as\n  \
                {rows}×{cols} only as the 10×10 window around the worst cell."),
        )
    }

    pub fn dev_sound(self, lessons: usize) -> String {
        match lessons {
            1 => say!(self,
                ja: "このレッスンに問題はありません。".to_string(),
                en: "The lesson is sound.".to_string(),
            ),
            _ => say!(self,
                ja: format!("{lessons} レッスンすべてに問題はありません。"),
                en: format!("All {lessons} lessons are sound."),
            ),
        }
    }

    pub fn dev_problems(self, count: usize) -> String {
        say!(self,
            ja: format!("問題が {count} 個見つかりました（上の ✗ の行）。"),
            en: match count {
                1 => "1 problem found (the line marked ✗ above).".to_string(),
                n => format!("{n} problems found (the lines marked ✗ above)."),
            },
        )
    }

    /// Why `dev new` refuses an id: the loader's own rules.
    pub fn dev_new_bad_name(self, id: &str, module: &str, problem: NameProblem) -> String {
        match problem {
            NameProblem::Shape => say!(self,
                ja: format!("`{id}` はレッスンの id に使えません。英小文字・数字・`-`・`_` を使い、英小文字で始めて、英小文字か数字で終えてください。"),
                en: format!("`{id}` cannot be a lesson id: use lowercase letters, digits, `-` and `_`, starting with a letter and ending with a letter or digit."),
            ),
            NameProblem::Keyword => say!(self,
                ja: format!("`{module}` は Rust のキーワードなので、モジュール名（id の `-` を `_` にしたもの）に使えません。別の id にしてください。"),
                en: format!("`{module}` is a Rust keyword, so it cannot be the module's name (the id with `-` as `_`). Choose another id."),
            ),
            NameProblem::Taken => say!(self,
                ja: format!("`{module}` というモジュール名は、ワークブックかチェッカーがすでに使っています。別の id にしてください。"),
                en: format!("The module name `{module}` is already used by the workbook or the checker. Choose another id."),
            ),
        }
    }

    pub fn dev_new_taken(self, name: &str) -> String {
        say!(self,
            ja: format!("`{name}` という名前のレッスンかモジュールが、すでにあります。"),
            en: format!("A lesson or module named `{name}` exists already."),
        )
    }

    pub fn dev_new_created(self, file: &str) -> String {
        say!(self, ja: format!("作成しました：{file}"), en: format!("created {file}"))
    }

    pub fn dev_new_registered(self, name: &str) -> String {
        say!(self,
            ja: format!("exercises/src/lib.rs と solutions/src/lib.rs に `pub mod {name};` を加えました"),
            en: format!("registered `pub mod {name};` in exercises/src/lib.rs and solutions/src/lib.rs"),
        )
    }

    pub fn dev_new_next(
        self,
        id: &str,
        lesson: &str,
        reference: &str,
        stub: &str,
        exercise: &str,
    ) -> String {
        say!(self,
            ja: format!("次に、{lesson} に本文・テスト・ヒントを、{reference} に模範解答を、\
                {stub} にスタブを書いて {exercise} に写し、`{RUN} dev check {id}` でレッスンに問題がないことを確かめてください。"),
            en: format!("Next: write the lesson's texts, tests and hints in {lesson}, the reference in \
                {reference}, the stub in {stub} (then copy it to {exercise}), \
                then prove the lesson sound with `{RUN} dev check {id}`."),
        )
    }
}

/// 「ケース 3 」 or 「ケース 3（シード 12）」, to put before a particle: a space after a
/// number, none after a closing bracket.
fn case_ja(case: &str) -> String {
    match case.ends_with('）') {
        true => format!("ケース {case}"),
        false => format!("ケース {case} "),
    }
}

/// A number as reports write it (`4.9102`, not `4.9101563`).
fn number(x: f32) -> String {
    cnnlings_runtime::elem::number(x)
}

/// What `dev check` says is wrong between a lesson's file and its reference (the case
/// numbers are [`Msg::dev_case`]'s, the ways to stop [`Msg::dev_stopped`]'s).
pub enum DevFault<'a> {
    TestDoesNotCompile,
    /// A line of a scenario's code, which rustc's error is at.
    LineDoesNotCompile,
    /// A line that names a module of the course that `uses` lacks.
    ModuleNotUsed(&'a str),
    /// A name alone that is an item of another module of the course, in `uses` or not.
    ItemOfModule {
        name: &'a str,
        module: &'a str,
        used: bool,
    },
    SignatureDoesNotFit,
    DoesNotCompile,
    CargoFailed,
    Panicked(&'a str),
    TooSlow,
    Stopped(&'a str),
    NoResult(&'a str),
    /// The case, unless the test has only one.
    DiffersFromExpected(Option<&'a str>),
    OutOfBounds {
        case: &'a str,
        got: f32,
        bounds: &'a [String],
    },
    ReachesTodo(&'a str),
    OverTimeLimit(f64),
    StoppedInCase(&'a str, &'a str),
    HarnessFailed(&'a str),
    /// A helper (`lessons/helpers/`) does not compile with this lesson's reference.
    HelperDoesNotCompile(&'a str),
    /// An edit of a known mistake (named) wrote a line that does not compile.
    EditDoesNotCompile(&'a str),
}
