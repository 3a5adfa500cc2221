//! What the checker says about the modules a lesson builds on: a module it cannot use,
//! and a lesson that fails because of a module from an earlier lesson.

use super::{Msg, RUN};
use crate::blame::{Blame, Reason};
use crate::course::Layout;
use crate::harness::codegen::ModuleProblem;
use crate::lang::{Lang, say};

impl Msg {
    /// A student's file refers to a module the harness cannot mount.
    pub fn module_problem(self, layout: &Layout, id: &str, problem: &ModuleProblem) -> String {
        match problem {
            ModuleProblem::Later {
                file,
                module,
                lesson,
            } => {
                let file = layout.show(file);
                say!(self,
                    ja: format!("{file} が `crate::{module}` を使っています。これはレッスン {lesson} のモジュールで、レッスン {id} より後に学びます。\n\
                        レッスンは、それより前のレッスンの上にだけ組み立てます（一つずつ確かめられるように）。必要な処理は {file} の中に書いてください。"),
                    en: format!("{file} uses `crate::{module}`, the module of lesson {lesson}, which comes after lesson {id}.\n\
                        A lesson builds only on the lessons before it, so that each can be checked on its own: write what you need in {file} itself."),
                )
            }
            ModuleProblem::Unknown {
                file,
                module,
                earlier,
            } => {
                let file = layout.show(file);
                let expected = layout.show(&layout.exercise(module));
                let earlier = earlier
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let (can_ja, can_en) = if earlier.is_empty() {
                    (
                        "これは最初のレッスンなので、使える前のモジュールはありません。"
                            .to_string(),
                        "This is the first lesson: there is no earlier module to use.".to_string(),
                    )
                } else {
                    (
                        format!("ここで使えるのは、前のレッスンのモジュール {earlier} です。"),
                        format!("Here you can use the modules of the earlier lessons: {earlier}."),
                    )
                };
                say!(self,
                    ja: format!("{file} が `crate::{module}` を使っていますが、`{module}` というモジュールはありません（{expected} がありません）。\n{can_ja}"),
                    en: format!("{file} uses `crate::{module}`, but there is no module `{module}` (no file {expected}).\n{can_en}"),
                )
            }
        }
    }
}

/// `a`, `a and b`, `a, b and c`; 「a」「a と b」「a、b、c」.
fn and_list(lang: Lang, items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match (lang, items.as_slice()) {
        (_, [one]) => one.clone(),
        (Lang::Ja, [a, b]) => format!("{a} と {b}"),
        (Lang::Ja, _) => items.join("、"),
        (Lang::En, [rest @ .., last]) => format!("{} and {last}", rest.join(", ")),
        (Lang::En, []) => String::new(),
    }
}

impl Msg {
    /// A lesson fails because of an earlier lesson's module: name it and what to do.
    pub fn blamed(self, id: &str, blame: &Blame, file: &str) -> String {
        let lesson = &blame.lesson;
        let module = &blame.module;
        let (what_ja, what_en) = if blame.items.is_empty() {
            (
                format!("`{module}` モジュール"),
                format!("module `{module}`"),
            )
        } else {
            (
                and_list(Lang::Ja, &blame.items),
                and_list(Lang::En, &blame.items),
            )
        };
        // 「`cnn` モジュールを」 but 「`forward` を」: a space only after code.
        let what_ja_o = if blame.items.is_empty() {
            format!("{what_ja}を")
        } else {
            format!("{what_ja} を")
        };
        let check = format!("`{RUN} check {lesson}`");
        match blame.reason {
            Reason::NotWritten => say!(self,
                ja: format!("{id} は、レッスン {lesson} であなたが書く {what_ja}（{file}）を使いますが、まだ書かれていません（todo!() のままです）。\n\
                    先にレッスン {lesson} を仕上げましょう：{check}"),
                en: format!("{id} uses your {what_en} from lesson {lesson} ({file}), which is not written yet (still a todo!()).\n\
                    Finish lesson {lesson} first: {check}"),
            ),
            Reason::Panicked => say!(self,
                ja: format!("{id} は、レッスン {lesson} であなたが書いた {what_ja}（{file}）を使いますが、そこでパニックを起こしました（詳しくは下に）。\n\
                    先にレッスン {lesson} を確かめましょう：{check}"),
                en: format!("{id} uses your {what_en} from lesson {lesson} ({file}), and the code there panicked (details below).\n\
                    Check lesson {lesson} first: {check}"),
            ),
            Reason::PanickedOnArguments => say!(self,
                ja: format!("{id} のコードが、レッスン {lesson} であなたが書いた {what_ja}（{file}）を呼び出し、そこでパニックが起きました（詳しくは下に）。\n\
                    レッスン {lesson} のテストには合格しているので、原因はおそらく {id} から渡した値です。渡している配列の長さや形を確かめましょう。"),
                en: format!("Your {id} code called your {what_en} from lesson {lesson} ({file}), and it panicked there (details below).\n\
                    Lesson {lesson} passes its tests, so the cause is most likely what {id} passes to it: check the lengths and shapes of the arrays you pass."),
            ),
            Reason::DoesNotCompile => say!(self,
                ja: format!("{id} は、レッスン {lesson} であなたが書いた {what_ja_o}使いますが、{file} がコンパイルできません。\n\
                    先にそちらを直しましょう：{check}"),
                en: format!("{id} uses your {what_en} from lesson {lesson}, but {file} does not compile.\n\
                    Fix it first: {check}"),
            ),
            Reason::FailsItsTests => say!(self,
                ja: format!("{id} は、レッスン {lesson} であなたが書いた {what_ja_o}使いますが、今のコードはレッスン {lesson} のテストに通りません。\n\
                    先にレッスン {lesson} を合格させましょう（{id} のコードは正しいかもしれません）：{check}"),
                en: format!("{id} uses your {what_en} from lesson {lesson}, and your code there does not pass lesson {lesson}'s tests now.\n\
                    Make lesson {lesson} pass first (your {id} code may well be right): {check}"),
            ),
        }
    }

    /// The state `verify` shows of a lesson that waits for an earlier one.
    pub fn lesson_blamed_short(self, state: &str, lesson: &str) -> String {
        say!(self,
            ja: format!("{state}（先にレッスン {lesson} を）"),
            en: format!("{state} (lesson {lesson} first)"),
        )
    }

    /// `verify`'s line of a lesson not checked because a lesson it builds on did not pass.
    pub fn lesson_waiting_short(self, lesson: &str) -> String {
        say!(self,
            ja: format!("レッスン {lesson} の合格待ち（まだ確かめていません）"),
            en: format!("waiting for lesson {lesson} to pass (not checked yet)"),
        )
    }
}
