//! `dev mutants`: mutation analysis of a lesson's hidden tests, for its author.

use super::Msg;
use crate::lang::say;

/// What became of the mutants of a lesson, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MutantCounts {
    pub total: usize,
    /// Failed at least one hidden test (or did not finish).
    pub killed: usize,
    /// Passed every hidden test and is not marked equivalent.
    pub survived: usize,
    /// Passed every hidden test and is marked `[[equivalent]]`.
    pub equivalent: usize,
    /// rustc rejected it: neither killed nor survived.
    pub unbuilt: usize,
}

impl MutantCounts {
    /// The share of the mutants that compile and are not marked equivalent that the
    /// tests kill, in whole percent (100 when there are none).
    pub fn kill_rate(&self) -> usize {
        let judged = self.killed + self.survived;
        match judged {
            0 => 100,
            n => self.killed * 100 / n,
        }
    }
}

impl Msg {
    /// `variant`: the module mutated is a correct variant (`--from`), not the reference.
    pub fn mutants_found(self, id: &str, count: usize, file: &str, variant: bool) -> String {
        match variant {
            true => say!(self,
                ja: format!("{id}：{file} からミュータント（この正しいモジュールを一か所だけ書き換えたもの）を {count} 個作りました。それぞれに隠しテストを実行します。"),
                en: format!("{id}: {} of {file} (this correct module with one small change each); each runs the hidden tests.",
                    super::count(count as u64, "mutant", "mutants")),
            ),
            false => say!(self,
                ja: format!("{id}：{file} からミュータント（一か所だけ書き換えた模範解答）を {count} 個作りました。それぞれに隠しテストを実行します。"),
                en: format!("{id}: {} of {file} (the reference with one small change each); each runs the hidden tests.",
                    super::count(count as u64, "mutant", "mutants")),
            ),
        }
    }

    /// Another `dev mutants` of the lesson holds its workspace.
    pub fn mutants_waiting(self, id: &str) -> String {
        say!(self,
            ja: format!("このワークブックでは、別の `dev mutants {id}` が動いています。終わるのを待ってから始めます…"),
            en: format!("Another `dev mutants {id}` is running in this workbook; waiting for it to finish…"),
        )
    }

    /// The module, unchanged, does not build in the mutants' harness: rustc's errors follow.
    pub fn mutants_original_unbuilt(self, id: &str, file: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：書き換える前の {file} が、ミュータントのハーネスでビルドできません。rustc のエラーです："),
            en: format!("✗ {id}: {file}, unchanged, does not build in the mutants' harness; rustc says:"),
        )
    }

    pub fn mutants_from_fails(self, id: &str, file: &str) -> String {
        say!(self,
            ja: format!("✗ {id}：{file} は、書き換える前から隠しテストに通りません。正しいモジュールのミュータントでなければ、何もわかりません。"),
            en: format!("✗ {id}: {file} fails the hidden tests as it is: only the mutants of a correct module say anything."),
        )
    }

    pub fn mutants_none(self, id: &str, file: &str) -> String {
        say!(self,
            ja: format!("{id}：{file} には書き換えられるところがありません。"),
            en: format!("{id}: {file} has nothing to mutate."),
        )
    }

    pub fn mutants_building(self, count: usize) -> String {
        say!(self,
            ja: format!("ミュータント {count} 個を、cargo の 1 回の呼び出しでビルドしています…"),
            en: format!("Building {} in one cargo call…", super::count(count as u64, "mutant", "mutants")),
        )
    }

    pub fn mutants_running(self, count: usize) -> String {
        say!(self,
            ja: format!("ミュータント {count} 個に隠しテストを実行しています…"),
            en: format!("Running the hidden tests on {}…", super::count(count as u64, "mutant", "mutants")),
        )
    }

    /// A change as one line: `` `0.0` → `1.0` ``, or the text deleted.
    pub fn mutant_change(self, find: &str, with: &str) -> String {
        let find = shortened(find);
        match with.is_empty() {
            true => say!(self,
                ja: format!("`{find}` を削除"),
                en: format!("`{find}` deleted"),
            ),
            false => format!("`{find}` → `{}`", shortened(with)),
        }
    }

    pub fn mutant_survives(self, at: &str, change: &str) -> String {
        say!(self,
            ja: format!("✗ 生き残ったミュータント：{at}　{change}"),
            en: format!("✗ survives: {at}  {change}"),
        )
    }

    pub fn mutant_equivalent(self, at: &str, change: &str, reason: &str) -> String {
        say!(self,
            ja: format!("≈ 同じ働きをすると書かれています：{at}　{change}（{reason}）"),
            en: format!("≈ marked equivalent: {at}  {change} ({reason})"),
        )
    }

    pub fn mutant_mark_unused(self, file: &str) -> String {
        say!(self,
            ja: format!("この印は {file} のどのミュータントにも当たりません。{file} が変わったか、`line`、`find`、`with` が `dev mutants` の表示と違います。"),
            en: format!("this mark names no mutant of {file}: {file} has changed, or `line`, `find` or `with` is not as `dev mutants` shows it"),
        )
    }

    pub fn mutant_mark_ambiguous(self, columns: &[usize]) -> String {
        let list = |sep: &str| {
            columns
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(sep)
        };
        say!(self,
            ja: format!("この印は、同じ行で同じ書き換えをするミュータント {} 個（{} 列目）に当たります。どれのことか、`column = …` で示してください。", columns.len(), list("、")),
            en: format!("this mark names {} mutants that make the same change on that line (columns {}): say which with `column = …`", columns.len(), list(", ")),
        )
    }

    pub fn mutant_mark_killed(self) -> String {
        say!(self,
            ja: "このミュータントは隠しテストで検出されます。同じ働きではないので、この印を消してください。".to_string(),
            en: "the hidden tests kill this mutant: it is not equivalent, so remove the mark".to_string(),
        )
    }

    pub fn mutants_summary(self, id: &str, c: &MutantCounts) -> String {
        let rate = c.kill_rate();
        let judged = c.killed + c.survived;
        say!(self,
            ja: format!("{id}：ミュータント {} 個。コンパイルでき、同じ働きと書かれていない {judged} 個のうち {} 個を、隠しテストが見分けました（{rate} %）。生き残り {} 個、同じ働きと書かれたもの {} 個、コンパイルできなかったもの {} 個です。",
                c.total, c.killed, c.survived, c.equivalent, c.unbuilt),
            en: format!("{id}: {}; the hidden tests kill {} of the {judged} that compile and are not marked equivalent ({rate} %); {} {}, {} {} marked equivalent, {} did not compile.",
                super::count(c.total as u64, "mutant", "mutants"), c.killed, c.survived,
                super::noun(c.survived as u64, "survives", "survive"), c.equivalent,
                super::noun(c.equivalent as u64, "is", "are"), c.unbuilt),
        )
    }

    pub fn mutants_all_killed(self, id: &str) -> String {
        say!(self,
            ja: format!("✓ {id}：コンパイルできるミュータントは、どれも隠しテストで検出されるか、同じ働きと書かれています。"),
            en: format!("✓ {id}: every mutant that compiles is killed by the hidden tests or marked equivalent."),
        )
    }

    /// `variant`: the mutants are of a correct variant (`--from`), not of the reference.
    pub fn mutants_survive(
        self,
        id: &str,
        survivors: usize,
        marks: usize,
        variant: bool,
    ) -> String {
        let marks_ja = match marks {
            0 => String::new(),
            n => format!("直すべき `[[equivalent]]` の印が {n} 個あります。"),
        };
        let marks_en = match marks {
            0 => String::new(),
            1 => " One `[[equivalent]]` mark is wrong.".to_string(),
            n => format!(" {n} `[[equivalent]]` marks are wrong."),
        };
        let (from_ja, from_en) = match variant {
            true => ("書き換える前のモジュール", "the module it was made from"),
            false => ("模範解答", "the reference"),
        };
        say!(self,
            ja: format!("✗ {id}：生き残ったミュータントが {survivors} 個あります。{marks_ja}生き残りごとに、{from_ja}と見分けるテストを足すか（学生が書きそうな間違いなら、よくある間違いとして）、本当に同じ働きをするなら理由を添えて `[[equivalent]]` に書いてください（lessons/README.md）。"),
            en: format!("✗ {id}: {} {}.{marks_en} For each survivor, add a test that tells it from {from_en} (a known mistake, if a student would plausibly write it), or, if it truly computes the same function, mark it `[[equivalent]]` with the reason (lessons/README.md).",
                super::count(survivors as u64, "mutant", "mutants"), super::noun(survivors as u64, "survives", "survive")),
        )
    }

    /// `dev check`'s pointer to `dev mutants`, once every lesson is sound: `ids` are the
    /// lessons it checked (the command names the first), `options` what the student must
    /// repeat (`--lessons DIR`, or empty).
    pub fn dev_try_mutants(self, ids: &[&str], options: &str) -> String {
        let run = super::RUN;
        match ids {
            [id] => say!(self,
                ja: format!("{id} の隠しテストがどれだけ間違いを見逃さないかは、`{run} dev mutants {id}{options}` で確かめられます。"),
                en: format!("To see how many wrong programs the hidden tests of {id} let through, run `{run} dev mutants {id}{options}`."),
            ),
            [first, ..] => say!(self,
                ja: format!("隠しテストがどれだけ間違いを見逃さないかは、レッスンごとに `{run} dev mutants <レッスン>{options}` で確かめられます（たとえば `{run} dev mutants {first}{options}`）。"),
                en: format!("To see how many wrong programs a lesson's hidden tests let through, run `{run} dev mutants <lesson>{options}` (for example `{run} dev mutants {first}{options}`)."),
            ),
            [] => say!(self,
                ja: format!("隠しテストがどれだけ間違いを見逃さないかは、`{run} dev mutants <レッスン>{options}` で確かめられます。"),
                en: format!("To see how many wrong programs the hidden tests let through, run `{run} dev mutants <lesson>{options}`."),
            ),
        }
    }
}

/// A change's text on one line, at most 48 characters.
fn shortened(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    match line.chars().count() > 48 {
        true => format!("{}…", line.chars().take(47).collect::<String>()),
        false => line,
    }
}
