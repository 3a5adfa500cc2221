//! For instructors: scaffolding, known mistakes and grading.

use super::{Lang, Msg};

impl Msg {
    /// A known mistake recognised in the student's outputs; `message` is the lesson's.
    pub fn known_mistake(self, message: &str) -> String {
        say!(self,
            ja: format!("→ よくある間違いに当てはまります。{message}"),
            en: format!("→ This is a known mistake. {message}"),
        )
    }

    pub fn no_src_folder(self, dir: &str) -> String {
        say!(self,
            ja: format!("{dir} に src/ フォルダがありません。--exercises には、モジュールのファイルが src/ にあるクレートのフォルダを指定してください。"),
            en: format!("{dir} has no src/ folder. Give --exercises the crate folder whose src/ holds the modules."),
        )
    }
}
