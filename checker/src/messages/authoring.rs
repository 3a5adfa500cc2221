//! For lesson authors: the placeholders `dev new` leaves, `dev remove` and `dev preview`.

use super::{Msg, RUN};
use crate::lang::say;

impl Msg {
    /// `dev check`: the lesson's `[show]` runs with the reference, as `show <name>` would.
    pub fn dev_show_runs(self, id: &str, name: &str) -> String {
        say!(self,
            ja: format!("✓ {id}：`show {name}` は模範解答で描けます"),
            en: format!("✓ {id}: `show {name}` draws with the reference"),
        )
    }

    /// `dev check`: the lesson's `[show]` does not run with the reference (below).
    pub fn dev_show_broken(self, id: &str, name: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：`show {name}` が模範解答で描けません。学生が `show {name}` を使う前に直してください（下の行）："),
            en: format!("✗ {id}: `show {name}` cannot draw with the reference: fix it before a student runs `show {name}` (below):"),
        )
    }

    /// `show`: the reference cannot draw the lesson's `[show]`: the lesson file's fault.
    pub fn show_picture_broken(self, what: &str, file: &str, id: &str) -> String {
        say!(self,
            ja: format!("`show {what}` の絵を描けません。レッスンファイル {file} の `[show]` が壊れています。あなたのコードのせいではありません。先生に伝えてください（`{RUN} dev check {id}` で、直す場所がわかります）。"),
            en: format!("`show {what}` cannot draw: the `[show]` of the lesson file {file} is broken. It is not your code's fault: tell your instructor (`{RUN} dev check {id}` shows what to fix)."),
        )
    }

    /// A line of a `[show]`'s code (`build` or a stage's `code`) that rustc rejects.
    pub fn dev_show_line_does_not_compile(self) -> String {
        say!(self,
            ja: "`[show]` のコードのこの行が、模範解答と一緒にコンパイルできません".to_string(),
            en: "this line of the `[show]`'s code does not compile with the reference solution".to_string(),
        )
    }

    /// The reference compiles with the `[show]` but gives no picture (a panic, a time-out).
    pub fn dev_show_does_not_run(self) -> String {
        say!(self,
            ja: "模範解答がこの `[show]` の絵を最後まで計算できません（パニックになったか、時間切れです）".to_string(),
            en: "the reference does not compute this `[show]`'s picture to the end (it panicked or ran out of time)".to_string(),
        )
    }

    /// A lesson that still holds `dev new`'s placeholders; each follows on its own line.
    pub fn dev_placeholders(self, id: &str, count: usize) -> String {
        say!(self,
            ja: format!("✗ {id}：`dev new` のひな形の仮の文（TODO と書いたところ）が {count} か所残っています。次の行を、このレッスンの言葉に書き換えてください："),
            en: match count {
                1 => format!("✗ {id}: a placeholder of `dev new` (marked TODO) is still to be written, at this line:"),
                n => format!("✗ {id}: {n} placeholders of `dev new` (marked TODO) are still to be written, at these lines:"),
            },
        )
    }

    /// After `dev new`: how the placeholders are found, and how to read the lesson.
    pub fn dev_new_placeholders(self, id: &str) -> String {
        say!(self,
            ja: format!("書き換えるところには TODO と書いてあります。残っているうちは `dev check {id}` がその行を示して失敗します。\
                学生にどう見えるかは `{RUN} dev preview {id}` で確かめられます。"),
            en: format!("Every placeholder to rewrite says TODO: `dev check {id}` fails, naming each one left at its line. \
                `{RUN} dev preview {id}` shows the lesson as students will read it."),
        )
    }

    /// `dev remove` refuses: other lessons build on the module.
    pub fn dev_remove_used(self, id: &str, module: &str, users: &[String]) -> String {
        let list = users.iter().map(|u| format!("\n  {u}")).collect::<String>();
        say!(self,
            ja: format!("レッスン `{id}` は削除できません。そのモジュール `{module}` を、次のファイルが使っています：{list}\n先にそこから `{module}` を外してください。"),
            en: format!("Lesson `{id}` cannot be removed: its module `{module}` is used by{list}\nTake `{module}` out of them first."),
        )
    }

    /// What one file says of the module: the lesson's `uses`, or a reference to it in code.
    pub fn dev_remove_user(self, file: &str, by_uses: bool) -> String {
        match by_uses {
            true => say!(self,
                ja: format!("{file}（`uses` に書いてあります）"),
                en: format!("{file} (in its `uses`)"),
            ),
            false => say!(self,
                ja: format!("{file}（コードの中で使っています）"),
                en: format!("{file} (in its code)"),
            ),
        }
    }

    /// The question `dev remove` asks, with everything it will delete.
    pub fn dev_remove_ask(
        self,
        id: &str,
        files: &[String],
        module: &str,
        libs: &[String],
        kept: Option<&str>,
    ) -> String {
        let list: String = files.iter().map(|f| format!("  {f}\n")).collect();
        let libs = libs.join(self.and());
        let kept_ja = kept
            .map(|f| format!("{f} はスタブと違うので、消す前に .cnnlings/backup/ に残します。\n"))
            .unwrap_or_default();
        let kept_en = kept
            .map(|f| format!("{f} differs from the stub: it is kept in .cnnlings/backup/ first.\n"))
            .unwrap_or_default();
        if libs.is_empty() {
            return say!(self,
                ja: format!("レッスン `{id}` を削除しますか？ 次のファイルを消します：\n{list}{kept_ja}[y/N] "),
                en: format!("Remove lesson `{id}`? This deletes these files:\n{list}{kept_en}[y/N] "),
            );
        }
        say!(self,
            ja: format!("レッスン `{id}` を削除しますか？ 次のファイルを消して、{libs} から `pub mod {module};` を外します：\n{list}{kept_ja}[y/N] "),
            en: format!("Remove lesson `{id}`? This deletes these files and takes `pub mod {module};` out of {libs}:\n{list}{kept_en}[y/N] "),
        )
    }

    fn and(self) -> &'static str {
        say!(self, ja: " と ", en: " and ")
    }

    pub fn dev_remove_needs_yes(self, id: &str) -> String {
        say!(self,
            ja: format!("端末から実行されていないので、確認の質問ができません。本当に削除するなら `{RUN} dev remove {id} --yes` を実行してください。"),
            en: format!("Removing a lesson asks first, and there is no terminal to ask in. To remove it anyway, run `{RUN} dev remove {id} --yes`."),
        )
    }

    pub fn dev_remove_declined(self, id: &str) -> String {
        say!(self,
            ja: format!("レッスン `{id}` はそのままにしました。"),
            en: format!("Lesson `{id}` is left as it was."),
        )
    }

    pub fn dev_removed(self, file: &str) -> String {
        say!(self, ja: format!("削除しました：{file}"), en: format!("removed {file}"))
    }

    pub fn dev_remove_kept(self, file: &str, backup: &str) -> String {
        say!(self,
            ja: format!("{file} はスタブと違っていたので、{backup} に残してあります。"),
            en: format!("{file} differed from the stub: it is kept as {backup}."),
        )
    }

    pub fn dev_unregistered(self, module: &str, libs: &[String]) -> String {
        let libs = libs.join(self.and());
        say!(self,
            ja: format!("{libs} から `pub mod {module};` を外しました"),
            en: format!("took `pub mod {module};` out of {libs}"),
        )
    }

    pub fn dev_remove_done(self, id: &str, left: usize) -> String {
        say!(self,
            ja: format!("レッスン `{id}` を削除しました。残りのレッスンは {left} 個です。"),
            en: format!("Lesson `{id}` is removed; {}.", match left {
                1 => "1 lesson is left".to_string(),
                n => format!("{n} lessons are left"),
            }),
        )
    }

    /// `dev preview`'s heading of the fixed tests.
    pub fn preview_fixed(self, count: usize) -> String {
        match count {
            0 => say!(self,
                ja: "このレッスンに固定テストはありません。".to_string(),
                en: "The lesson has no fixed tests.".to_string(),
            ),
            n => say!(self,
                ja: format!("固定テスト（{n} 個）。失敗したときのレポートには、こう表示されます："),
                en: format!("The fixed tests ({n}), as a report shows them when they fail:"),
            ),
        }
    }

    /// `dev preview`: the tests whose inputs are drawn or written as code.
    pub fn preview_other_tests(self, count: usize) -> String {
        say!(self,
            ja: format!("このほかに {count} 個のテストがあります（乱数の入力やシナリオ）。入力はチェックのたびに作られ、失敗したケースだけがレポートに出ます。"),
            en: match count {
                1 => "One more test draws its inputs at random or runs a scenario: a report shows its cases when they fail.".to_string(),
                n => format!("{n} more tests draw their inputs at random or run scenarios: a report shows their cases when they fail."),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn the_removal_question_lists_every_file_in_both_languages() {
        let files = ["lessons/13-scale.toml".to_string()];
        let libs = ["a/lib.rs".to_string(), "b/lib.rs".to_string()];
        let en = Msg(Lang::En).dev_remove_ask("scale", &files, "scale", &libs, None);
        assert!(
            en.contains("a/lib.rs and b/lib.rs:\n  lessons/13-scale.toml\n[y/N] "),
            "{en}"
        );
        let ja = Msg(Lang::Ja).dev_remove_ask("scale", &files, "scale", &libs, Some("x.rs"));
        assert!(ja.contains("a/lib.rs と b/lib.rs"), "{ja}");
        assert!(ja.contains("x.rs はスタブと違う"), "{ja}");
    }
}
