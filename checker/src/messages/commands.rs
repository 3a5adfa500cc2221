//! The small commands and start-up: hints, the list, verify, an unknown lesson, a
//! folder that is not a workbook, progress read again, an internal error.

use super::{Msg, RUN, noun};
use crate::lang::say;

impl Msg {
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

    /// A lesson that passed, and a file it reads has changed since.
    pub fn state_changed(self) -> &'static str {
        say!(self, ja: "要再チェック", en: "changed")
    }

    /// A lesson that passed once and fails now.
    pub fn state_failing(self) -> &'static str {
        say!(self, ja: "やり直し", en: "failing")
    }

    /// A lesson whose file does not load.
    pub fn state_broken(self) -> &'static str {
        say!(self, ja: "レッスンに問題あり", en: "broken")
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
            ja: format!("合格していないレッスン：{failed}"),
            en: format!("Lessons that do not pass yet: {failed}"),
        )
    }

    /// A lesson's line in `verify`'s list after its mark and id: its title and state.
    pub fn verify_line(self, title: &str, state: &str) -> String {
        say!(self, ja: format!("{title}：{state}"), en: format!("{title}: {state}"))
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

    /// A lesson whose file does not load, in `verify`'s list: where, and whom to tell.
    pub fn lesson_file_broken_short(self, place: &str) -> String {
        say!(self,
            ja: format!("レッスンファイルに問題があります（{place}）。先生に知らせてください"),
            en: format!("the lesson file is broken ({place}): please tell your instructor"),
        )
    }

    pub fn lesson_no_compile_short(self) -> &'static str {
        say!(self, ja: "コンパイルエラー", en: "does not compile")
    }

    pub fn unknown_lesson(self, id: &str, suggestion: Option<&str>, all: &str) -> String {
        match suggestion {
            Some(s) => say!(self,
                ja: format!("レッスン `{id}` はありません。`{s}` のことですか？（レッスン：{all}）"),
                en: format!("There is no lesson `{id}`. Did you mean `{s}`? (lessons: {all})"),
            ),
            None => say!(self,
                ja: format!("レッスン `{id}` はありません（レッスン：{all}）。"),
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
            ja: format!("進み具合のファイル {path} が読めないので、最初からとして扱います（元のファイルは .bak として残しました）：{why}"),
            en: format!("The progress file {path} cannot be read, so progress starts afresh (the old file is kept as .bak): {why}"),
        )
    }

    pub fn internal_error(self) -> String {
        say!(self, ja: "チェッカーが処理を続けられません：".to_string(), en: "The checker cannot go on:".to_string())
    }
}
