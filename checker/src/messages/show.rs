//! What `show` says around its pictures: a name no lesson declares, the list of a
//! lesson's tests, an input out of range, the PNG files, and the line after a lesson
//! passes. (The pictures' own words are in `show/render.rs`.)

use super::{Msg, RUN};
use crate::lang::{Lang, say};
use crate::lesson::Bilingual;

impl Msg {
    /// `show NAME` where no lesson declares NAME; `names` are those that do.
    pub fn no_such_show(self, what: &str, names: &[&str]) -> String {
        let listed = |sep: &str| {
            let shows: Vec<String> = names.iter().map(|n| format!("`show {n}`")).collect();
            shows.join(sep)
        };
        match (self.0, names.is_empty()) {
            (Lang::Ja, true) => format!(
                "`show {what}` で描けるものはありません。このコースには `[show]` を書いたレッスンがありません。"
            ),
            (Lang::Ja, false) => format!(
                "`show {what}` で描けるものはありません。レッスンに書かれているのは {} です。",
                listed("、")
            ),
            (Lang::En, true) => format!(
                "There is nothing called `{what}` for `show` to draw: no lesson of this course declares a `[show]`."
            ),
            (Lang::En, false) => format!(
                "There is nothing called `{what}` for `show` to draw. The lessons declare {}.",
                listed(", ")
            ),
        }
    }

    /// Above the list of a lesson's fixed tests that `show NAME --test N` draws.
    pub fn show_tests(self, what: &str) -> String {
        say!(self,
            ja: format!("`show {what} --test N` で見られるレッスンのテストです："),
            en: format!("The lesson's tests that `show {what} --test N` shows:"),
        )
    }

    /// `--digit` beyond the inputs there are.
    pub fn no_such_input(self, last: usize, digit: usize) -> String {
        say!(self,
            ja: format!("テスト用の数字は 0 から {last} までです（--digit {digit} はありません）。"),
            en: format!("The test digits are numbered 0 to {last} (there is no --digit {digit})."),
        )
    }

    pub fn png_unwritable(self, dir: &str, error: &str) -> String {
        say!(self,
            ja: format!("PNG ファイルを {dir} に書き出せません：{error}"),
            en: format!("Cannot write the PNG files into {dir}: {error}"),
        )
    }

    pub fn png_written(self, files: &[String]) -> String {
        say!(self,
            ja: format!("PNG ファイルを書き出しました：{}", files.join("、")),
            en: format!("Wrote the PNG files {}.", files.join(", ")),
        )
    }

    /// `show --html FILE`: the page written, and how big it is.
    pub fn page_written(self, file: &str, kb: usize) -> String {
        say!(self,
            ja: format!(
                "ページを {file} に書き出しました（{kb} KB）。ブラウザで開いてください（ファイルをダブルクリックすれば開けます。サーバーもネットワークもいりません）。"
            ),
            en: format!(
                "Wrote the page {file} ({kb} KB). Open it in a browser (double-click the file; it needs no server and no network)."
            ),
        )
    }

    pub fn page_unwritable(self, file: &str, error: &str) -> String {
        say!(self,
            ja: format!("ページを {file} に書き出せません：{error}"),
            en: format!("Cannot write the page {file}: {error}"),
        )
    }

    /// After a lesson passes: its `after_passing` sentence and the command to type.
    pub fn try_show(self, text: &Bilingual, command: &str) -> String {
        let text = self.0.pick(text);
        say!(self,
            ja: format!("{text}：`{RUN} show {command}`"),
            en: format!("{text}: `{RUN} show {command}`"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_after_passing_ends_with_the_show_to_type() {
        let text = Bilingual {
            ja: "見てみましょう".into(),
            en: "Watch it".into(),
        };
        assert_eq!(
            Msg(Lang::En).try_show(&text, "cnn --digit 42"),
            format!("Watch it: `{RUN} show cnn --digit 42`")
        );
        assert_eq!(
            Msg(Lang::Ja).try_show(&text, "conv"),
            format!("見てみましょう：`{RUN} show conv`")
        );
    }

    #[test]
    fn an_unknown_show_lists_the_declared_ones_in_the_reader_s_language() {
        let ja = Msg(Lang::Ja).no_such_show("x", &["a", "b"]);
        assert!(
            ja.contains("`show a`、`show b`") && !ja.contains("There"),
            "{ja}"
        );
        let en = Msg(Lang::En).no_such_show("x", &[]);
        assert!(en.contains("no lesson of this course declares"), "{en}");
    }
}
