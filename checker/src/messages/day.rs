//! The student's day: watch mode, reset and solution.

use super::{Msg, RUN};
use crate::lang::say;

/// How the student checks again, which the last line of a failure report names: the
/// command they ran (with the lesson they named), or a save in watch mode.
#[derive(Debug, Clone, Copy)]
pub enum Again<'a> {
    Next,
    Check(&'a str),
    /// Watch mode; `keys` when a key can show the hint.
    Watch {
        keys: bool,
    },
}

/// A key of watch mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Hint,
    Text,
    List,
    Next,
    Check,
    Whole,
    Reset,
    Quit,
}

impl Key {
    pub fn letter(self) -> char {
        match self {
            Key::Hint => 'h',
            Key::Text => 't',
            Key::List => 'l',
            Key::Next => 'n',
            Key::Check => 'r',
            Key::Whole => 'f',
            Key::Reset => 'x',
            Key::Quit => 'q',
        }
    }
}

/// The last line of a report: what to do next.
impl Msg {
    /// After a failure.
    pub fn try_again(self, again: Again) -> String {
        match again {
            Again::Next => say!(self,
                ja: format!("直して保存したら、もう一度 `{RUN} next` を実行してください。"),
                en: format!("Fix it, save, and run `{RUN} next` again."),
            ),
            Again::Check(id) => say!(self,
                ja: format!("直して保存したら、もう一度 `{RUN} check {id}` を実行してください。"),
                en: format!("Fix it, save, and run `{RUN} check {id}` again."),
            ),
            Again::Watch { .. } => say!(self,
                ja: "直して保存すると、すぐにチェックし直します。".to_string(),
                en: "Fix it and save: it is checked again at once.".to_string(),
            ),
        }
    }

    /// After an untouched stub: where the hint is, for the lesson in question.
    pub fn write_then(self, again: Again) -> String {
        match again {
            Again::Next => say!(self,
                ja: format!("関数を書いて保存したら、もう一度 `{RUN} next` を実行してください。ヒントは `{RUN} hint` です。"),
                en: format!("Write the function, save the file, and run `{RUN} next` again. A hint: `{RUN} hint`."),
            ),
            Again::Check(id) => say!(self,
                ja: format!("関数を書いて保存したら、もう一度 `{RUN} check {id}` を実行してください。ヒントは `{RUN} hint {id}` です。"),
                en: format!("Write the function, save the file, and run `{RUN} check {id}` again. A hint: `{RUN} hint {id}`."),
            ),
            Again::Watch { keys: true } => say!(self,
                ja: "関数を書いて保存すると、すぐにチェックします。ヒントは h キーです。".to_string(),
                en: "Write the function and save: it is checked at once. Press h for a hint.".to_string(),
            ),
            Again::Watch { keys: false } => say!(self,
                ja: format!("関数を書いて保存すると、すぐにチェックします。ヒントは `{RUN} hint` です。"),
                en: format!("Write the function and save: it is checked at once. A hint: `{RUN} hint`."),
            ),
        }
    }

    /// Before the report of a lesson that had passed and fails now.
    pub fn passed_before(self, id: &str) -> String {
        say!(self,
            ja: format!("{id} は合格していましたが、その後の変更で通らなくなりました。"),
            en: format!("{id} passed before, but fails now that its files have changed."),
        )
    }

    /// `next` when every lesson had passed and something changed since: what it checks.
    pub fn rechecked_changed(self, ids: &str) -> String {
        say!(self,
            ja: format!("合格したあとで変わったレッスンを、もう一度チェックしました：{ids}"),
            en: format!("Checked again, as they changed since they passed: {ids}"),
        )
    }
}

/// Watch mode.
impl Msg {
    /// The progress line's words, after the bar: `[■■□□□] 2/5 …`.
    pub fn watch_progress(self, done: usize, total: usize) -> String {
        say!(self,
            ja: format!("{done}/{total} レッスン合格"),
            en: format!("{done}/{total} lessons done"),
        )
    }

    /// The keys, at the foot of every watch screen: those that do something now, on as
    /// many lines of `width` columns as they need.
    pub fn watch_keys(self, keys: &[Key], width: usize) -> String {
        let mut lines: Vec<String> = vec![String::new()];
        for key in keys {
            let label = format!("[{}] {}", key.letter(), self.key_label(*key));
            let Some(line) = lines.last_mut() else { break };
            let wide = |s: &str| unicode_width::UnicodeWidthStr::width(s);
            if line.is_empty() {
                line.push_str(&label);
            } else if wide(line) + 2 + wide(&label) < width {
                line.push_str("  ");
                line.push_str(&label);
            } else {
                lines.push(label);
            }
        }
        lines.join("\n")
    }

    fn key_label(self, key: Key) -> &'static str {
        match key {
            Key::Hint => say!(self, ja: "ヒント", en: "hint"),
            Key::Text => say!(self, ja: "説明", en: "lesson text"),
            Key::List => say!(self, ja: "一覧", en: "list"),
            Key::Next => say!(self, ja: "次のレッスン", en: "next lesson"),
            Key::Check => say!(self, ja: "再チェック", en: "check again"),
            Key::Whole => say!(self, ja: "結果の全文", en: "whole report"),
            Key::Reset => say!(self, ja: "リセット", en: "reset"),
            Key::Quit => say!(self, ja: "終了", en: "quit"),
        }
    }

    /// In place of the lines of a lesson text that do not fit the window.
    pub fn watch_text_cut(self, lines: usize) -> String {
        say!(self,
            ja: format!("（説明の続き {lines} 行は t キーで読めます）"),
            en: match lines {
                1 => "(1 more line of the lesson text: press t)".to_string(),
                _ => format!("({lines} more lines of the lesson text: press t)"),
            },
        )
    }

    /// In place of the lines of a report that do not fit the window.
    pub fn watch_report_cut(self, lines: usize) -> String {
        say!(self,
            ja: format!("（結果の続き {lines} 行は f キーで見られます）"),
            en: match lines {
                1 => "(1 more line of the report: press f)".to_string(),
                _ => format!("({lines} more lines of the report: press f)"),
            },
        )
    }

    /// Under the keys: what saving does.
    pub fn watch_on_save(self, file: &str) -> String {
        say!(self,
            ja: format!("{file} を保存するたびに、自動でチェックし直します。"),
            en: format!("Every time you save {file}, it is checked again."),
        )
    }

    /// Without a terminal: said once, at the start.
    pub fn watch_no_terminal(self) -> String {
        say!(self,
            ja: "端末から実行されていないので、キー操作は使えません。保存するたびにチェックし直します（止めるには Ctrl-C）。".to_string(),
            en: "No terminal, so keys are off: each save is checked again. Stop with Ctrl-C.".to_string(),
        )
    }

    pub fn watch_checking(self, id: &str) -> String {
        say!(self, ja: format!("{id} をチェックしています…"), en: format!("Checking {id}…"))
    }

    /// After a hint shown in watch mode, when more remain.
    pub fn watch_more_hints(self) -> String {
        say!(self,
            ja: "もう一度 h を押すと、次のヒントが出ます。".to_string(),
            en: "Press h again for the next hint.".to_string(),
        )
    }

    pub fn watch_cannot_watch(self, dir: &str, why: &str) -> String {
        say!(self,
            ja: format!("{dir} の変更を見張れません：{why}"),
            en: format!("Cannot watch {dir} for changes: {why}"),
        )
    }
}

/// `reset <lesson>`.
impl Msg {
    /// The question, on a terminal; the answer follows on the same line.
    pub fn reset_ask(self, file: &str) -> String {
        say!(self,
            ja: format!("{file} を最初の状態（スタブ）に戻しますか？ 今の内容はバックアップに残します。[y/N] "),
            en: format!("Reset {file} to the stub? Your version is kept as a backup. [y/N] "),
        )
    }

    pub fn reset_done(self, file: &str, backup: Option<&str>, was_passed: bool) -> String {
        let backup_ja = match backup {
            Some(path) => format!("\nそれまでの内容は {path} に保存してあります。"),
            None => String::new(),
        };
        let backup_en = match backup {
            Some(path) => format!("\nYour version is saved as {path}."),
            None => String::new(),
        };
        let passed_ja = if was_passed {
            "\nこのレッスンは、もう一度合格するまで未合格として扱います。"
        } else {
            ""
        };
        let passed_en = if was_passed {
            "\nThe lesson counts as not passed until it passes again."
        } else {
            ""
        };
        say!(self,
            ja: format!("{file} を最初の状態に戻しました。{backup_ja}{passed_ja}"),
            en: format!("{file} is back to the stub.{backup_en}{passed_en}"),
        )
    }

    pub fn reset_declined(self, file: &str) -> String {
        say!(self,
            ja: format!("{file} はそのままにしました。"),
            en: format!("{file} is left as it was."),
        )
    }

    pub fn reset_needs_yes(self, id: &str) -> String {
        say!(self,
            ja: format!("端末から実行されていないので、確認の質問ができません。本当にリセットするなら `{RUN} reset {id} --yes` を実行してください。"),
            en: format!("A reset asks first, and there is no terminal to ask in. To reset anyway, run `{RUN} reset {id} --yes`."),
        )
    }

    pub fn reset_already_stub(self, file: &str) -> String {
        say!(self,
            ja: format!("{file} はすでに最初の状態です。何も変えていません。"),
            en: format!("{file} is the stub already; nothing changed."),
        )
    }

    /// The stub is missing or unreadable: nothing changed.
    pub fn reset_no_stub(self, file: &str, stub: &str) -> String {
        say!(self,
            ja: format!("{file} をリセットできません。最初の状態（スタブ）を収めた {stub} が読めないためです。ファイルは変えていません。\n\
                {stub} を、配布されたワークブックから元に戻してください（git を使っているなら `git checkout -- {stub}`）。"),
            en: format!("Cannot reset {file}: its stub {stub} cannot be read, so nothing was changed.\n\
                The stubs come with the workbook: get {stub} back from the workbook as you received it (with git, `git checkout -- {stub}`)."),
        )
    }
}

/// `solution <lesson>`.
impl Msg {
    pub fn solution_heading(self, path: &str) -> String {
        say!(self,
            ja: format!("模範解答（{path}）："),
            en: format!("The reference solution ({path}):"),
        )
    }

    pub fn solution_compare(self, file: &str) -> String {
        say!(self,
            ja: format!("あなたの {file} と見比べてみましょう。あなたのコードも合格しているので、書き方が違ってもどちらも正解です。"),
            en: format!("Compare it with your {file}: yours passed too, so both are right, however different they look."),
        )
    }

    pub fn solution_locked(self, id: &str) -> String {
        say!(self,
            ja: format!("このレッスンの模範解答は、合格すると見られるようになります。\n\
                行き詰まったら、まずヒントをどうぞ：`{RUN} hint {id}`"),
            en: format!("The reference solution opens once you pass this lesson.\n\
                Stuck? A hint may be all you need: `{RUN} hint {id}`"),
        )
    }
}
