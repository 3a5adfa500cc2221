//! What may name a lesson and a module: one rule, used by the loader and by `dev new`.

use crate::lang::say;
use cnnlings_runtime::Bilingual;

/// Module names the workbook or the generated harness already gives a meaning to.
const TAKEN_MODULES: &[&str] = &["lib", "main", "std", "core", "alloc", "ndarray"];

/// Why a name cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Characters outside the rule.
    Shape,
    /// A Rust keyword.
    Keyword,
    /// A name the workbook or the checker already uses.
    Taken,
}

/// A lesson id: what a student types (`checker check max-pool`).
pub fn check_id(id: &str) -> Result<(), Bilingual> {
    let valid = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !id.ends_with(['-', '_']);
    if valid {
        Ok(())
    } else {
        Err(
            say!(ja: format!("`{id}` はレッスンの id になりません。英小文字、数字、`-`、`_` を使い、英小文字で始めてください。"),
                en: format!("`{id}` is not a lesson id: use lowercase letters, digits, `-` and `_`, starting with a letter")),
        )
    }
}

/// A module name: the file `exercises/src/<module>.rs` and `mod <module>;` in Rust.
pub fn check_module(module: &str) -> Result<(), Bilingual> {
    module_problem(module).map_or(Ok(()), |problem| {
        Err(match problem {
            NameProblem::Shape => say!(ja: format!("`{module}` はモジュール名になりません。英小文字、数字、`_` を使い、英小文字で始めてください。"),
                en: format!("`{module}` is not a module name: use lowercase letters, digits and `_`, starting with a letter")),
            NameProblem::Keyword => say!(ja: format!("`{module}` は Rust のキーワードなので、モジュール名に使えません。"),
                en: format!("`{module}` is a Rust keyword and cannot name a module")),
            NameProblem::Taken => say!(ja: format!("`{module}` はモジュール名に使えません。ワークブックかチェッカーがすでに使っている名前です。"),
                en: format!("`{module}` cannot name a module: the workbook or the checker uses that name")),
        })
    })
}

/// What is wrong with a module name, if anything.
pub fn module_problem(module: &str) -> Option<NameProblem> {
    let shaped = module.starts_with(|c: char| c.is_ascii_lowercase())
        && module
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !shaped {
        return Some(NameProblem::Shape);
    }
    // syn knows Rust's keywords and reserved words; `gen` is reserved from edition 2024,
    // the edition of the harness.
    if syn::parse_str::<syn::Ident>(module).is_err() || module == "gen" {
        return Some(NameProblem::Keyword);
    }
    if TAKEN_MODULES.contains(&module) || module.starts_with("cnnlings") {
        return Some(NameProblem::Taken);
    }
    None
}

/// The module `dev new` gives a lesson of this id: the id with `-` as `_`.
pub fn module_for(id: &str) -> String {
    id.replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_modules() {
        for id in ["conv", "max-pool", "max_pool", "conv2d", "a"] {
            assert_eq!(check_id(id), Ok(()), "{id}");
            assert_eq!(check_module(&module_for(id)), Ok(()), "{id}");
        }
        for id in [
            "",
            "Conv",
            "2d",
            "-x",
            "x-",
            "max pool",
            "プーリング",
            "a.b",
        ] {
            assert!(check_id(id).is_err(), "{id}");
        }
        for module in ["type", "fn", "self", "crate", "async", "gen", "abstract"] {
            assert!(
                check_module(module).unwrap_err().en.contains("keyword"),
                "{module}"
            );
        }
        for module in ["lib", "ndarray", "cnnlings_runtime", "max-pool", "_x"] {
            assert!(check_module(module).is_err(), "{module}");
        }
    }
}
