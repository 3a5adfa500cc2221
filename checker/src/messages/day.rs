//! The student's day: watch mode, reset and solution.

use super::{Lang, Msg, RUN};

/// Watch mode.
impl Msg {
    /// The progress line's words, after the bar: `[■■□□□] 2/5 …`.
    pub fn watch_progress(self, done: usize, total: usize) -> String {
        say!(self,
            ja: format!("{done}/{total} レッスン合格"),
            en: format!("{done}/{total} lessons done"),
        )
    }

    /// The keys, shown at the foot of every watch screen; `n` only once the lesson passed.
    pub fn watch_keys(self, passed: bool) -> String {
        let (next_ja, next_en) = if passed {
            ("  [n] 次のレッスン", "  [n] next lesson")
        } else {
            ("", "")
        };
        say!(self,
            ja: format!("[h] ヒント  [l] 一覧{next_ja}  [r] 再チェック  [x] リセット  [q] 終了"),
            en: format!("[h] hint  [l] list{next_en}  [r] check again  [x] reset  [q] quit"),
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

    /// Replaces the report's "run `next` again": in watch mode a save is enough.
    pub fn watch_try_again(self) -> String {
        say!(self,
            ja: "直して保存すると、すぐにチェックし直します。".to_string(),
            en: "Fix it and save: it is checked again at once.".to_string(),
        )
    }

    /// Replaces the report's "write the function, then run `next`" for a stub; the hint
    /// is a key when there are keys, else a command for another terminal.
    pub fn watch_write_then_save(self, keys: bool) -> String {
        if keys {
            return say!(self,
                ja: "関数を書いて保存すると、すぐにチェックします。ヒントは h キーです。".to_string(),
                en: "Write the function and save: it is checked at once. Press h for a hint.".to_string(),
            );
        }
        say!(self,
            ja: format!("関数を書いて保存すると、すぐにチェックします。ヒントは `{RUN} hint` です。"),
            en: format!("Write the function and save: it is checked at once. A hint: `{RUN} hint`."),
        )
    }

    /// `n` pressed before the lesson passed.
    pub fn watch_not_passed_yet(self) -> String {
        say!(self,
            ja: "このレッスンに合格すると、n で次へ進めます。".to_string(),
            en: "Pass this lesson first; then n moves on to the next.".to_string(),
        )
    }

    /// After a hint shown in watch mode, when more remain.
    pub fn watch_more_hints(self) -> String {
        say!(self,
            ja: "もう一度 h を押すと、次のヒントが出ます。".to_string(),
            en: "Press h again for the next hint.".to_string(),
        )
    }

    /// `x` pressed when every lesson is done: there is no lesson on screen to reset.
    pub fn watch_nothing_to_reset(self) -> String {
        say!(self,
            ja: format!("リセットするレッスンがありません。特定のレッスンは `{RUN} reset <レッスン>` でリセットできます。"),
            en: format!("There is no lesson on screen to reset. To reset one, run `{RUN} reset <lesson>`."),
        )
    }

    pub fn watch_cannot_watch(self, dir: &str, why: &str) -> String {
        say!(self,
            ja: format!("{dir} の変更を見張れません: {why}"),
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
            ja: format!("模範解答（{path}）:"),
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
                行き詰まったら、まずヒントをどうぞ: `{RUN} hint {id}`"),
            en: format!("The reference solution opens once you pass this lesson.\n\
                Stuck? A hint may be all you need: `{RUN} hint {id}`"),
        )
    }
}
