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
}
