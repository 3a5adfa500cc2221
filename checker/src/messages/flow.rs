//! A lesson's way through the course: the welcome, a lesson's heading, a pass, what
//! comes next, the course complete.

use super::{Msg, RUN, count, noun};
use crate::lang::say;

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

    pub fn lesson_heading(self, number: usize, total: usize, title: &str, id: &str) -> String {
        say!(self,
            ja: format!("レッスン {number}/{total}：{title}（{id}）"),
            en: format!("Lesson {number}/{total}: {title} ({id})"),
        )
    }

    pub fn edit_file(self, path: &str) -> String {
        say!(self, ja: format!("編集するファイル：{path}"), en: format!("The file to edit: {path}"))
    }

    pub fn preparing(self) -> String {
        say!(self,
            ja: "初回の準備をしています（テストが使うクレートをコンパイルします。最初の一回だけ、少し時間がかかります）…".to_string(),
            en: "Preparing the tests: compiling the crates they use (once only; it takes a little while)…".to_string(),
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
            ja: format!("模範解答と見比べてみましょう：{path}"),
            en: format!("Compare your code with the reference solution: {path}"),
        )
    }

    pub fn up_next(self) -> String {
        say!(self, ja: "次のレッスン：".to_string(), en: "Up next:".to_string())
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

    /// A lesson whose file does not load, reached or named by a student: as a broken
    /// lesson is said when it runs (`lesson_broken`), and what to tell the instructor
    /// follows (the file, the line, the cause).
    pub fn lesson_file_broken(self) -> String {
        say!(self,
            ja: "このレッスンのファイル自体に問題があるため、このレッスンは今は使えません。あなたのせいではありません。\n  次の行を先生に知らせてください：".to_string(),
            en: "This lesson's file itself is broken, so the lesson cannot be used for now. It is not your fault.\n  Please tell your instructor what follows:".to_string(),
        )
    }

    /// After a broken lesson that `next` has reached: the student goes on meanwhile.
    pub fn broken_go_on(self) -> String {
        say!(self,
            ja: format!("それまでは次のレッスンに進めます。ファイルが直ったら、`{RUN} next` でこのレッスンに戻ります。"),
            en: format!("Meanwhile you can go on with the next lessons; once the file is fixed, `{RUN} next` brings you back to this one."),
        )
    }

    /// The end of the course, with lessons still broken (`broken` of them, named in
    /// `ids`): not complete yet.
    pub fn course_done_but_broken(
        self,
        points: u32,
        total: u32,
        broken: usize,
        ids: &str,
    ) -> String {
        say!(self,
            ja: format!("使えるレッスンはすべて合格です（{total} 点中 {points} 点）。\n\
                レッスン {ids} はファイルに問題があるため、まだ取り組めません。先生に知らせてください。直ったら `{RUN} next` で取り組めます。"),
            en: format!("You have passed every lesson that works ({points} of {total} points).\n\
                {} {ids} cannot be done yet: {} broken. Please tell your instructor; once {} fixed, `{RUN} next` takes you there.",
                noun(broken as u64, "Lesson", "Lessons"),
                noun(broken as u64, "its file is", "their files are"),
                noun(broken as u64, "it is", "they are")),
        )
    }

    /// In watch mode, below a lesson: a broken lesson before it, skipped.
    pub fn broken_skipped(self, number: usize, id: &str, place: &str) -> String {
        say!(self,
            ja: format!("レッスン {number}（{id}）は、ファイルに問題があるため飛ばしています（{place}）。あなたのせいではありません。先生に知らせてください。"),
            en: format!("Lesson {number} ({id}) is skipped: its file is broken ({place}). It is not your fault; please tell your instructor."),
        )
    }
}
