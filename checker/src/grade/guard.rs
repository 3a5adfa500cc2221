//! What grading refuses in a student's files: whatever could reach the reference
//! solutions or their outputs while the student's code is built or run. Other files
//! (`#[path]`, `mod name;`, `include!` and its kin), the file system, the environment,
//! other programs, the network, and code outside Rust (`extern`, `asm!`, link attributes).
//!
//! This is a scan of the code's tokens, so comments and strings never count; it is no
//! sandbox (the README says what it does and does not promise).

use crate::lang::Lang;
use crate::lang::say;
use proc_macro2::{Delimiter, TokenStream, TokenTree};
use std::path::Path;
use std::str::FromStr;

/// Why a token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// `#[path = "…"]`: mounts another file as a module.
    PathAttribute,
    /// `mod name;`: a module read from another file.
    ModuleFile,
    /// `include!`, `include_str!`, `include_bytes!`.
    Include,
    FileSystem,
    Environment,
    Programs,
    Network,
    /// `extern`, `asm!`: code outside Rust.
    Foreign,
    /// `#[no_mangle]`, `#[link]` and the like.
    Linking,
    /// The harness runtime (`cnnlings_runtime`), which reads the inputs and writes results.
    Runtime,
}

impl Why {
    fn says(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Why::PathAttribute, Lang::En) => "mounts another file",
            (Why::PathAttribute, Lang::Ja) => "別のファイルを読み込みます",
            (Why::ModuleFile, Lang::En) => "reads a module from another file",
            (Why::ModuleFile, Lang::Ja) => "別のファイルからモジュールを読み込みます",
            (Why::Include, Lang::En) => "reads a file while compiling",
            (Why::Include, Lang::Ja) => "コンパイル時にファイルを読み込みます",
            (Why::FileSystem, Lang::En) => "uses the file system",
            (Why::FileSystem, Lang::Ja) => "ファイルシステムを使います",
            (Why::Environment, Lang::En) => "reads the environment",
            (Why::Environment, Lang::Ja) => "環境変数を読みます",
            (Why::Programs, Lang::En) => "starts or stops programs",
            (Why::Programs, Lang::Ja) => "プログラムを起動・終了します",
            (Why::Network, Lang::En) => "opens network connections",
            (Why::Network, Lang::Ja) => "ネットワークにつなぎます",
            (Why::Foreign, Lang::En) => "runs code outside Rust",
            (Why::Foreign, Lang::Ja) => "Rust 以外のコードを動かします",
            (Why::Linking, Lang::En) => "changes how the program is linked",
            (Why::Linking, Lang::Ja) => "プログラムのリンクを変えます",
            (Why::Runtime, Lang::En) => "reaches the checker's own runtime",
            (Why::Runtime, Lang::Ja) => "採点プログラム自身のランタイムに触れます",
        }
    }
}

/// A refused token: where it is and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub line: usize,
    /// The token as written, e.g. `include_str` or `#[path]`.
    pub token: String,
    pub why: Why,
}

/// What the scan of one file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scan {
    Clean,
    Refused(Found),
    /// The text is not Rust tokens; rustc will say why (and if rustc accepts it after
    /// all, grading refuses it, since it could not look inside).
    Unreadable,
}

/// Scans one file's source.
pub fn scan(source: &str) -> Scan {
    match TokenStream::from_str(source) {
        Ok(tokens) => match walk(tokens, false) {
            Some(found) => Scan::Refused(found),
            None => Scan::Clean,
        },
        Err(_) => Scan::Unreadable,
    }
}

fn ident_why(name: &str, in_attribute: bool) -> Option<Why> {
    Some(match name {
        "include" | "include_str" | "include_bytes" => Why::Include,
        "fs" => Why::FileSystem,
        "env" | "option_env" => Why::Environment,
        "process" | "Command" => Why::Programs,
        "net" => Why::Network,
        "extern" | "asm" | "global_asm" | "naked_asm" => Why::Foreign,
        "no_mangle" | "export_name" | "link_section" => Why::Linking,
        "cnnlings_runtime" => Why::Runtime,
        "path" if in_attribute => Why::PathAttribute,
        "link" | "link_name" if in_attribute => Why::Linking,
        _ => return None,
    })
}

fn walk(tokens: TokenStream, in_attribute: bool) -> Option<Found> {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) => {
                let text = ident.to_string();
                let name = text.strip_prefix("r#").unwrap_or(&text);
                let line = ident.span().start().line;
                if let Some(why) = ident_why(name, in_attribute) {
                    let token = match why {
                        Why::PathAttribute => "#[path]".to_string(),
                        _ => name.to_string(),
                    };
                    return Some(Found { line, token, why });
                }
                // A module must be written out here: `mod name { … }`, never `mod name;`.
                if text == "mod" {
                    let inline = matches!(tokens.get(i + 1), Some(TokenTree::Ident(_)))
                        && matches!(tokens.get(i + 2), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace);
                    if !inline {
                        let name = match tokens.get(i + 1) {
                            Some(TokenTree::Ident(n)) => format!("mod {n};"),
                            _ => "mod".to_string(),
                        };
                        return Some(Found {
                            line,
                            token: name,
                            why: Why::ModuleFile,
                        });
                    }
                }
            }
            TokenTree::Group(group) => {
                // `#[…]` and `#![…]` are attributes.
                let attribute = group.delimiter() == Delimiter::Bracket
                    && match i.checked_sub(1).map(|p| &tokens[p]) {
                        Some(TokenTree::Punct(p)) if p.as_char() == '#' => true,
                        Some(TokenTree::Punct(p)) if p.as_char() == '!' => {
                            matches!(i.checked_sub(2).map(|p| &tokens[p]), Some(TokenTree::Punct(p)) if p.as_char() == '#')
                        }
                        _ => false,
                    };
                if let Some(found) = walk(group.stream(), in_attribute || attribute) {
                    return Some(found);
                }
            }
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
    None
}

/// The student's message for a refused file: which line, what it does, what graded
/// code may not do, and that the lesson scores 0.
pub fn refusal(lang: Lang, file: &str, found: &Found) -> String {
    let Found { line, token, why } = found;
    let does = why.says(lang);
    say!(lang,
        ja: format!(
            "✗ 採点では {file} を受け付けませんでした。{line} 行目の `{token}` は{does}。\n  \
             採点するのは、このファイルに書いたレッスンのコードだけです。正しい答えに手が届かないよう、\
             ほかのファイルや環境変数を読むこと、プログラムを起動すること、Rust 以外のコードを動かすことはできません。\
             このレッスンは 0 点です。\n"
        ),
        en: format!(
            "✗ Grading refused {file}: line {line} uses `{token}`, which {does}.\n  \
             Graded code is the lesson's own code in its file: it may not read other files or \
             the environment, start programs, or run code outside Rust, so that no code can \
             reach the reference answers. This lesson scores 0.\n"
        ),
    )
}

/// The message for a file whose tokens the scan could not read but rustc compiled.
pub fn unreadable(lang: Lang, file: &str) -> String {
    say!(lang,
        ja: format!(
            "✗ 採点では {file} を受け付けませんでした。コンパイルはできますが、採点側が Rust のトークンとして読めないため、\
             コードが何に触れるかを確かめられません。このレッスンは 0 点です。\n"
        ),
        en: format!(
            "✗ Grading refused {file}: it compiles, but the grader cannot read it as Rust tokens, \
             so it cannot check what the code reaches. This lesson scores 0.\n"
        ),
    )
}

/// The message for a module file that is a symbolic link (or lies behind one).
pub fn linked(lang: Lang, file: &str) -> String {
    say!(lang,
        ja: format!(
            "✗ 採点では {file} を受け付けませんでした。シンボリックリンクか、シンボリックリンクのフォルダの中にあります。\
             ファイルそのものを提出してください。このレッスンは 0 点です。\n"
        ),
        en: format!(
            "✗ Grading refused {file}: it is a symbolic link, or lies in a folder that is one. \
             Submit the file itself. This lesson scores 0.\n"
        ),
    )
}

/// Whether `file`, or a folder between `root` and it, is a symbolic link. `root` itself
/// is the grader's to choose and is trusted.
pub fn behind_a_link(root: &Path, file: &Path) -> bool {
    let Ok(below) = file.strip_prefix(root) else {
        return true;
    };
    let mut path = root.to_path_buf();
    below.components().any(|part| {
        path.push(part);
        std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(source: &str) -> (Why, usize, String) {
        match scan(source) {
            Scan::Refused(f) => (f.why, f.line, f.token),
            other => panic!("{source:?} was not refused: {other:?}"),
        }
    }

    #[test]
    fn refuses_mounting_the_reference_by_path() {
        let source = "#[path = \"/autograder/source/solutions/src/conv.rs\"]\nmod reference;\npub use reference::conv2d;\n";
        assert_eq!(
            refused(source),
            (Why::PathAttribute, 1, "#[path]".to_string())
        );
        assert_eq!(refused("mod reference;").0, Why::ModuleFile);
        assert_eq!(
            refused("#[cfg_attr(all(), path = \"x.rs\")] mod r;").0,
            Why::PathAttribute
        );
        // A module by a macro's name is a module from another file all the same.
        assert_eq!(
            refused("macro_rules! m { ($m:ident) => { mod $m; } }").0,
            Why::ModuleFile
        );
    }

    #[test]
    fn refuses_reading_files_however_spelt() {
        assert_eq!(
            refused("const A: &str = include_str!(\"/x\");").0,
            Why::Include
        );
        assert_eq!(refused("fn f() { include!(\"/x\"); }").0, Why::Include);
        assert_eq!(refused("macro_rules! m { ($i:ident) => { $i!(\"/x\") } }\nconst B: &[u8] = m!(include_bytes);").1, 2);
        assert_eq!(
            refused("fn f() { let _ = std::fs::read(\"/x\"); }").0,
            Why::FileSystem
        );
        assert_eq!(refused("use std::{io, fs as files};").0, Why::FileSystem);
        assert_eq!(
            refused("fn f() { std::process::Command::new(\"cat\"); }").0,
            Why::Programs
        );
        assert_eq!(
            refused("fn f() { std::env::var(\"HOME\"); }").0,
            Why::Environment
        );
        assert_eq!(
            refused("unsafe extern \"C\" { fn open(p: *const u8, f: i32) -> i32; }").0,
            Why::Foreign
        );
        assert_eq!(
            refused("fn f() { unsafe { std::arch::asm!(\"nop\") } }").0,
            Why::Foreign
        );
        assert_eq!(
            refused("#[unsafe(no_mangle)] pub fn read() {}").0,
            Why::Linking
        );
        assert_eq!(refused("fn f() { let r#fs = 1; }").0, Why::FileSystem);
        assert_eq!(
            refused("fn f() { ::cnnlings_runtime::run(g, &[]); }").0,
            Why::Runtime
        );
    }

    #[test]
    fn honest_code_comments_and_strings_pass() {
        let source = r#"
//! Convolution. We never include the kernel flip; see fs and env in the lecture.
use ndarray::{Array2, Zip, s};

/// Slides the kernel over the image (no `#[path]` here).
pub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {
    let path = "include_str!(\"/etc/passwd\")"; // a string, not a macro
    let _ = path;
    Zip::from(image.windows(kernel.dim())).map_collect(|w| (&w * kernel).sum())
}

#[cfg(test)]
mod tests {
    #[test]
    fn works() {}
}
"#;
        assert_eq!(scan(source), Scan::Clean);
    }

    #[test]
    fn text_that_is_not_rust_tokens_is_left_to_rustc() {
        assert_eq!(scan("fn f( {"), Scan::Unreadable);
    }

    #[test]
    fn links_are_found_at_the_file_or_a_folder_above_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("src")).unwrap();
        std::fs::write(root.join("src/a.rs"), "").unwrap();
        std::os::unix::fs::symlink(root.join("src/a.rs"), root.join("src/b.rs")).unwrap();
        std::os::unix::fs::symlink(root.join("src"), root.join("linked")).unwrap();
        assert!(!behind_a_link(root, &root.join("src/a.rs")));
        assert!(behind_a_link(root, &root.join("src/b.rs")));
        assert!(behind_a_link(root, &root.join("linked/a.rs")));
    }
}
