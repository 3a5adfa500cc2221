//! The command line, as the student and the instructor type it.
//!
//! Every command's and argument's help is written once, where it is declared, Japanese
//! first as [`say!`] writes a sentence: `help!(ja: …, en: …)`. [`parse_from`] keeps the
//! language asked for; in Japanese, clap's own words (headings, usage, errors) are
//! Japanese too.

use crate::lang::Lang;
use crate::lang::say;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Between the Japanese and the English of a [`help!`] text: Unicode's picture of the
/// unit separator, a character no help text holds (and that clap keeps, unlike a control).
const BETWEEN_LANGUAGES: char = '␟';

/// A help text in both languages, Japanese first, as one `&'static str` for clap's derive
/// attributes (`about = help!(ja: …, en: …)`, `help = …`); [`in_lang`] keeps one of them.
/// The English is clap's style: no full stop at the end.
macro_rules! help {
    (ja: $ja:literal, en: $en:literal $(,)?) => {
        concat!($ja, '␟', $en)
    };
}

#[derive(Debug, Parser)]
#[command(
    name = "checker",
    version,
    about = help!(
        ja: "cnnlings：畳み込みニューラルネットワークを、部品から一つずつ組み立てて学ぶワークブックです。\
             このチェッカーは、あなたのコードを隠しテストで調べ、どこが違うのかを説明します。",
        en: "cnnlings: build a convolutional neural network piece by piece; this checker runs \
             hidden tests on each piece and tells you what is wrong",
    )
)]
pub struct Cli {
    #[arg(long, global = true, value_enum, help = help!(
        ja: "レッスンとメッセージの言語です。指定しなければ LC_ALL、LC_MESSAGES、LANG から決めます。",
        en: "The language of the lessons and of every message (default: from LC_ALL, LC_MESSAGES or LANG)",
    ))]
    pub lang: Option<Lang>,

    #[arg(long, global = true, value_name = "DIR", help = help!(
        ja: "ワークブックのフォルダ（指定しなければ、今のフォルダから上へたどって探します）。",
        en: "The workbook folder (default: found from the current folder upwards)",
    ))]
    pub root: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = help!(
        ja: "今のレッスンを表示して、あなたのコードをチェックします。合格したら次のレッスンへ進みます。",
        en: "Show the current lesson and check your code; on success, move on to the next one",
    ))]
    Next,
    #[command(about = help!(
        ja: "すべてのレッスンを、状態と点数といっしょに一覧にします。",
        en: "List every lesson with its state and points",
    ))]
    List,
    #[command(about = help!(
        ja: "レッスンを一つチェックします（順番は自由です）。",
        en: "Check one lesson, in any order",
    ))]
    Check {
        #[arg(help = help!(
            ja: "レッスンの名前。`list` に表示されるものです。",
            en: "The lesson's id, as `list` shows it",
        ))]
        lesson: String,
    },
    #[command(about = help!(
        ja: "レッスンのヒントを一つずつ表示します。",
        en: "Show one more hint for a lesson (the current one by default)",
    ))]
    Hint {
        #[arg(help = help!(
            ja: "レッスンの名前（指定しなければ今のレッスン）。",
            en: "The lesson's id (default: the current lesson)",
        ))]
        lesson: Option<String>,
    },
    #[command(about = help!(
        ja: "すべてのレッスンをチェックします。一つでも合格していなければ、終了コードが 0 以外になります。",
        en: "Check every lesson; the exit status is non-zero if any fails",
    ))]
    Verify,
    #[command(about = help!(
        ja: "ファイルを保存するたびに、今のレッスンをチェックし直します。ヒントや一覧はキーで出せます。",
        en: "Check the current lesson again each time you save it; keys for hints, the list and more",
    ))]
    Watch,
    #[command(about = help!(
        ja: "レッスンのファイルを最初の状態（スタブ）に戻します。今の内容はバックアップに残します。",
        en: "Put a lesson's file back as the stub; your version is kept as a backup",
    ))]
    Reset {
        #[arg(help = help!(
            ja: "レッスンの名前。`list` に表示されるものです。",
            en: "The lesson's id, as `list` shows it",
        ))]
        lesson: String,
        #[arg(long, short, help = help!(
            ja: "確認せずにリセットします。",
            en: "Reset without asking first",
        ))]
        yes: bool,
    },
    #[command(about = help!(
        ja: "レッスンの模範解答を表示します（合格したレッスンだけ）。",
        en: "Show a lesson's reference solution, once the lesson has passed",
    ))]
    Solution {
        #[arg(help = help!(
            ja: "レッスンの名前。`list` に表示されるものです。",
            en: "The lesson's id, as `list` shows it",
        ))]
        lesson: String,
    },
    #[command(about = help!(
        ja: "ワークブックを採点します。すべてのレッスンの隠しテストを実行し、点数を人にも機械にも読める形で書き出します。\
             終了コードは、すべてのレッスンに合格すれば 0（--class では、全員を採点できれば 0）、合格しないレッスンがあれば 1、\
             使い方の誤りか、模範解答が自分のテストに通らないレッスンがあれば 2 です（このときは何も採点しません）。\
             学生のコードは、モジュールファイルの複製からビルドします。そのコードからは、ファイルを読むことも、\
             プログラムを起動することも、ほかのファイルを取り込むこともできません（README を参照）。",
        en: "Grade the workbook: every lesson's hidden tests, with points, for people or machines. \
             The exit status is 0 when every lesson passes (with --class: when every submission \
             was graded), 1 when one does not, 2 for a usage error or a lesson whose reference fails \
             its own tests (then nothing is graded). Student code is built from private copies of its \
             module files and may not read files, start programs or mount other files (see the README)",
    ))]
    Grade {
        #[arg(long, value_enum, default_value = "text", conflicts_with = "class", help = help!(
            ja: "採点結果の形式です。--class では使いません（CSV と JSON を書き出します）。",
            en: "How to write the grades (not with --class, which writes CSV and JSON)",
        ))]
        format: GradeFormat,
        #[arg(long, value_name = "DIR", conflicts_with = "class", help = help!(
            ja: "exercises/ の代わりに、このフォルダにある学生のモジュールを採点します。src/ を含むクレートのフォルダ、\
                 ワークブック全体、モジュールのファイルをそのまま入れたフォルダのどれでもかまいません。\
                 中身は変更しません。今のフォルダからの相対パスです。",
            en: "Grade the student modules of this folder instead of `exercises/`: a crate folder \
                 holding `src/`, a whole workbook, or a folder of the module files themselves; \
                 nothing in it is changed. Relative to the current folder",
        ))]
        exercises: Option<PathBuf>,
        #[arg(long, value_name = "DIR", help = help!(
            ja: "非公開のレッスン。たとえば、学生に見せていない追加のテストを加えた複製です。\
                 このフォルダのレッスンファイルは、lessons/ の同じ名前のファイルの代わりに使います。\
                 新しい名前のファイルはレッスンとして加わり、ほかのレッスンはそのまま残ります。今のフォルダからの相対パスです。",
            en: "Private lessons, e.g. copies with extra tests that students never saw. Each lesson \
                 file in DIR replaces the course's file of the same name in `lessons/`; a file with a \
                 new name adds a lesson; the course's other lessons stay. Relative to the current folder",
        ))]
        lessons: Option<PathBuf>,
        #[arg(long, value_name = "DIR", help = help!(
            ja: "クラス全体を採点します。このフォルダの中の各フォルダが一人分の提出物（その学生の exercises/ か、\
                 ワークブック全体の複製）で、フォルダ名が学生の ID です。\
                 gradebook.csv と学生ごとの JSON を --output のフォルダ（既定は grades）に書き出します。",
            en: "Grade a whole class: every folder in DIR is one student's submission (their \
                 `exercises/` folder or a whole copy of the workbook), named by the student's id. \
                 Writes gradebook.csv and one JSON per student into --output (default: `grades`)",
        ))]
        class: Option<PathBuf>,
        #[arg(long, value_name = "PATH", help = help!(
            ja: "採点結果を標準出力ではなく、このファイルに書き出します（--class では、成績表と学生ごとの JSON を書き出すフォルダ）。",
            en: "Write the grades to this file instead of standard output (with --class: the folder \
                 to write the gradebook and the students' JSON into)",
        ))]
        output: Option<PathBuf>,
    },
    #[command(about = help!(
        ja: "あなたのコードが計算するようすを、CNN Explainer のように見せます。画像の上をずらしていく窓や、\
             あなたのネットワークを通っていく入力など、レッスンに書かれたものを描きます。\
             まだ書いていない部分は模範解答で計算し、そのことを表示します。",
        en: "Watch your own code at work, as CNN Explainer shows a network: a window sliding \
             over an image, or an input through your network, as the lessons declare them. \
             What you have not written yet is drawn by the reference, and labelled so",
    ))]
    Show {
        #[arg(value_name = "WHAT", help = help!(
            ja: "見せるもの：レッスンが付けた名前です（どのレッスンにもない名前なら、一覧を表示します）。",
            en: "What to show, by the name its lesson gives it (a name no lesson gives lists them)",
        ))]
        what: String,
        #[arg(long, help = help!(
            ja: "キーで 1 コマずつ進める代わりに、すべてのコマを続けて表示します（出力が端末でないときは常にこうなります）。",
            en: "Print every frame one after another instead of stepping through them with keys \
                 (always so when the output is not a terminal)",
        ))]
        no_animate: bool,
        #[arg(long, value_name = "N", help = help!(
            ja: "ずらしていく窓で、レッスンの例の代わりに、レッスンの N 番目の固定テストを見せます（1 から。0 なら一覧を表示します）。",
            en: "For a sliding window: instead of the lesson's example, the N-th fixed hidden \
                 test of the lesson (from 1; 0 lists them)",
        ))]
        test: Option<usize>,
        #[arg(long, value_name = "N", default_value_t = 0, help = help!(
            ja: "ネットワークで、読ませるテスト用の入力の番号（0 から。既定は 0）。",
            en: "For a network: the test input to read (from 0; default 0)",
        ))]
        digit: usize,
        #[arg(long, value_name = "DIR", help = help!(
            ja: "絵を PNG ファイルとして、このフォルダにも書き出します（なければ作ります）。\
                 ネットワークでは全体に名前を付けた 1 枚の絵（WHAT.png）、ずらしていく窓では画像・カーネル・結果です。",
            en: "Also write PNG pictures into this folder (made if missing): for a network one \
                 labelled picture of it all (WHAT.png), for a sliding window the image, kernel and \
                 output",
        ))]
        png: Option<PathBuf>,
        #[arg(long, value_name = "FILE", conflicts_with_all = ["png", "no_animate"], help = help!(
            ja: "代わりに、ブラウザで開くページを 1 つ書き出します（サーバーもネットワークもいりません）。\
                 ネットワークでは 24 個のテスト用の入力で全体を、ずらしていく窓ではその計算を見せ、\
                 値をクリックすると計算の中身が見られます。",
            en: "Write one page to open in a browser instead (no server, no network): a network \
                 on 24 test inputs, or a sliding window, where a click on a value shows its \
                 arithmetic",
        ))]
        html: Option<PathBuf>,
    },
    #[command(subcommand, about = help!(
        ja: "先生のための道具です。",
        en: "Tools for instructors",
    ))]
    Dev(DevCommand),
}

/// The formats of `grade`, each described in [`Described`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GradeFormat {
    Text,
    Json,
    Junit,
    Gradescope,
}

/// The values of an option (`--lang ja`, `--format json`), each described in both
/// languages with [`help!`]; [`in_lang`] shows the description in the student's language.
trait Described: clap::ValueEnum + Clone + Send + Sync + 'static {
    fn described(&self) -> &'static str;
}

impl Described for GradeFormat {
    fn described(&self) -> &'static str {
        match self {
            GradeFormat::Text => help!(ja: "人が読む表", en: "A table for people"),
            GradeFormat::Json => help!(
                ja: "レッスンとテストごとの点数。スクリプトで読みます",
                en: "Every lesson and test with its score, for scripts",
            ),
            GradeFormat::Junit => help!(ja: "CI のための JUnit XML", en: "JUnit XML, for CI"),
            GradeFormat::Gradescope => help!(
                ja: "Gradescope の results.json",
                en: "Gradescope's results.json",
            ),
        }
    }
}

impl Described for Lang {
    fn described(&self) -> &'static str {
        match self {
            Lang::Ja => help!(ja: "日本語", en: "Japanese (日本語)"),
            Lang::En => help!(ja: "英語", en: "English"),
        }
    }
}

/// clap's parser of the values of `E`, with their descriptions in `lang`.
#[derive(Clone)]
struct ValuesIn<E> {
    lang: Lang,
    values: std::marker::PhantomData<E>,
}

impl<E: Described> ValuesIn<E> {
    /// `arg` with this parser, if `E` is the type of its values.
    fn on(arg: &clap::Arg, lang: Lang) -> Option<clap::Arg> {
        (arg.get_value_parser().type_id() == std::any::TypeId::of::<E>()).then(|| {
            let parser = ValuesIn::<E> {
                lang,
                values: std::marker::PhantomData,
            };
            arg.clone().value_parser(parser)
        })
    }
}

impl<E: Described> clap::builder::TypedValueParser for ValuesIn<E> {
    type Value = E;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<E, clap::Error> {
        clap::builder::EnumValueParser::<E>::new().parse_ref(command, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(E::value_variants().iter().filter_map(|v| {
            let value = v.to_possible_value()?;
            Some(value.help(in_language(v.described(), self.lang)))
        })))
    }
}

/// One language of a [`help!`] text (all of it, if it is not one).
fn in_language(text: &str, lang: Lang) -> &str {
    match text.split_once(BETWEEN_LANGUAGES) {
        Some((ja, en)) => say!(lang, ja: ja, en: en),
        None => text,
    }
}

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    #[command(about = help!(
        ja: "すべてのレッスンが正しく作られているかを確かめます。読み込めること、模範解答がすべての隠しテストに通ること、\
             スタブが落ちること、よくある間違いがそれぞれ落ちて、正しく見分けられることを調べます。",
        en: "Prove every lesson sound: it loads, the reference passes every hidden test, the stub \
             fails, and every known mistake fails and is recognised",
    ))]
    Check {
        #[arg(help = help!(
            ja: "このレッスンだけを確かめます（`list` に出る名前。書いている途中のレッスンなど）。\
                 レッスンファイルは、どれも読み込んで誤りがないかを確かめます。",
            en: "Prove only these lessons (ids, as `list` shows them), the one you are writing, \
                 say; every lesson file is still loaded and checked for errors",
        ))]
        lessons: Vec<String>,
        #[arg(long = "lessons", value_name = "DIR", help = help!(
            ja: "非公開のレッスンを確かめます。`grade --lessons` と同じように読みます\
                 （このフォルダのファイルは lessons/ の同じ名前のファイルの代わりになり、\
                 新しい名前のファイルはレッスンとして加わります）。\
                 確かめるのは、このフォルダのレッスンか、指定したレッスンです。今のフォルダからの相対パスです。",
            en: "Prove private lessons, read as `grade --lessons DIR` reads them (a file in DIR \
                 replaces the course's file of the same name, a new name adds a lesson): the \
                 lessons of DIR, or the ids given. Relative to the current folder",
        ))]
        overlay: Option<PathBuf>,
    },
    #[command(about = help!(
        ja: "新しいレッスンを作ります。すべての項目に説明を付けたレッスンファイル、スタブ、模範解答を作り、\
             すぐ `list` に表示されるように登録します。",
        en: "Start a new lesson: a lesson file with every field explained, a stub and a reference, \
             registered so that it shows in `list` at once",
    ))]
    New {
        #[arg(help = help!(
            ja: "新しいレッスンの名前。英小文字・数字・`-`・`_` で、英小文字から始めます。\
                 モジュール名は `-` を `_` にしたものです（Rust のキーワードは使えません）。",
            en: "The new lesson's id: lowercase letters, digits, `-` and `_`, starting with a letter. \
                 Its module is the id with `-` as `_` (not a Rust keyword)",
        ))]
        name: String,
    },
    #[command(about = help!(
        ja: "`dev new` の逆です。レッスンファイル、スタブ、学生の写し（スタブと違うときはバックアップに残します）、\
             模範解答、よくある間違い、正しい別解と、両方の lib.rs の `pub mod` の行を消します。\
             ほかのレッスンがそのモジュールを使っているときは、消しません。",
        en: "Undo `dev new`: delete a lesson's file, stub, student's copy (kept as a backup when it \
             is not the stub), reference, known mistakes and variants, and its `pub mod` lines. \
             Refused while another lesson uses its module",
    ))]
    Remove {
        #[arg(help = help!(
            ja: "レッスンの名前。`list` に表示されるものです。",
            en: "The lesson's id, as `list` shows it",
        ))]
        lesson: String,
        #[arg(long, short, help = help!(
            ja: "確認せずに削除します。",
            en: "Remove without asking first",
        ))]
        yes: bool,
    },
    #[command(about = help!(
        ja: "レッスンを、学生が読むとおりに表示します。前のレッスンを解かなくても、本文、すべてのヒント、\
             固定テスト（失敗したときのレポートでの見え方）を確かめられます（言語は --lang で選びます）。",
        en: "Show a lesson as its students will read it, without solving the lessons before it: \
             its text, every hint, and its fixed tests as a report shows them (in --lang)",
    ))]
    Preview {
        #[arg(help = help!(
            ja: "レッスンの名前。`list` に表示されるものです。",
            en: "The lesson's id, as `list` shows it",
        ))]
        lesson: String,
    },
    #[command(about = help!(
        ja: "レッスンの隠しテストのミューテーション解析です。模範解答を一か所ずつ書き換え\
             （演算子、比較、範囲の端、定数、文、関数の本体）、\
             できたミュータントそれぞれに隠しテストを実行して、通ってしまうものを示します。\
             終了コードは、生き残りがない（lessons/README.md の `[[equivalent]]` に書いたものを除く）とき 0、あるとき 1 です。",
        en: "Mutation analysis of a lesson's hidden tests: mutate its reference in one place at a \
             time (an operator, a comparison, a bound, a literal, a statement, a body), run the \
             tests on each mutant, and list those that pass. Exit 0 when none survives unmarked \
             (see `[[equivalent]]` in lessons/README.md), 1 otherwise",
    ))]
    Mutants {
        #[arg(help = help!(
            ja: "レッスンの名前。`list` に表示されるものです。",
            en: "The lesson's id, as `list` shows it",
        ))]
        lesson: String,
        #[arg(long = "lessons", value_name = "DIR", help = help!(
            ja: "非公開のレッスンを、`grade --lessons` と同じように読みます\
                 （このフォルダのファイルは lessons/ の同じ名前のファイルの代わりになります）。今のフォルダからの相対パスです。",
            en: "Read private lessons as `grade --lessons DIR` does (a file in DIR replaces the \
                 course's file of the same name). Relative to the current folder",
        ))]
        overlay: Option<PathBuf>,
        #[arg(long, value_name = "FILE", help = help!(
            ja: "模範解答の代わりに、この正しいモジュールを書き換えます。たとえばループで書いた別解\
                 （checker/tests/variants/）です。書き換える前のままで、レッスンに合格しなければなりません。",
            en: "Mutate this correct module instead of the reference, e.g. a variant written with \
                 loops (checker/tests/variants/): it must pass the lesson as it is",
        ))]
        from: Option<PathBuf>,
    },
}

/// Parses the command line in the student's language: `--help` and every usage error are
/// in Japanese when the language is Japanese (from `--lang` or the locale), as rustlings'
/// are in English. A usage error exits with status 2, as clap's own do.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = Lang::detect(lang_in(&args));
    match parse_from(lang, args) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    }
}

/// The `--lang` a command line asks for, read before clap parses it.
fn lang_in(args: &[std::ffi::OsString]) -> Option<Lang> {
    use clap::ValueEnum as _;
    let mut args = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => continue,
        };
        if arg == "--" {
            break;
        }
        return value.and_then(|v| Lang::from_str(v, true).ok());
    }
    None
}

/// How a parse ended when it did not give a [`Cli`]: help, a version, or a usage error,
/// already in the language.
pub struct Exit {
    text: String,
    code: i32,
    to_stdout: bool,
}

impl Exit {
    pub fn exit(self) -> ! {
        if self.to_stdout {
            print!("{}", self.text);
        } else {
            eprint!("{}", self.text);
        }
        std::process::exit(self.code)
    }

    #[cfg(test)]
    fn text(&self) -> &str {
        &self.text
    }
}

/// Parses `args` (the program name first) with help and errors in `lang`.
pub fn parse_from(lang: Lang, args: Vec<std::ffi::OsString>) -> Result<Cli, Exit> {
    use clap::{CommandFactory as _, FromArgMatches as _};
    let command = in_lang(Cli::command(), lang);
    let command = say!(lang, ja: japanese(command), en: command);
    let matches = match command.clone().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(error) => return Err(exit_for(lang, error, command)),
    };
    Cli::from_arg_matches(&matches).map_err(|error| exit_for(lang, error, command))
}

fn exit_for(lang: Lang, error: clap::Error, command: clap::Command) -> Exit {
    use clap::error::ErrorKind;
    let code = error.exit_code();
    let kind = error.kind();
    let to_stdout = matches!(kind, ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    let text = say!(lang,
        ja: match kind {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.render().to_string(),
            _ => japanese_error(&error, &command),
        },
        en: error.render().to_string(),
    );
    Exit {
        text,
        code,
        to_stdout,
    }
}

/// A usage error in Japanese: what is wrong, a suggestion if clap has one, the usage, and
/// where to read more.
fn japanese_error(error: &clap::Error, command: &clap::Command) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind: ContextKind| -> Option<String> {
        match error.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join("、")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => Some(
                v.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("、"),
            ),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut text = match error.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "`{}` というコマンドはありません。",
            get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => format!("`{arg}` という引数は使えません。"),
        ErrorKind::MissingRequiredArgument => format!("{arg} を指定してください。"),
        ErrorKind::MissingSubcommand => "コマンドを指定してください。".to_string(),
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue)
                .filter(|v| !v.is_empty())
                .map(|v| format!("使える値：{v}"))
                .unwrap_or_default();
            if value.is_empty() {
                format!("{arg} に値を指定してください。{valid}")
            } else {
                format!("{arg} に `{value}` は使えません。{valid}")
            }
        }
        ErrorKind::ArgumentConflict => format!(
            "{arg} は {} といっしょには使えません。",
            get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => format!("{arg} の値 `{value}` が正しくありません。"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} の値の数が正しくありません。")
        }
        ErrorKind::InvalidUtf8 => "引数が UTF-8 の文字列ではありません。".to_string(),
        _ => "コマンドラインが正しくありません。".to_string(),
    };
    let suggested =
        get(ContextKind::SuggestedSubcommand).or_else(|| get(ContextKind::SuggestedArg));
    if let Some(suggested) = suggested {
        text.push_str(&format!("`{suggested}` のことですか？"));
    }
    // clap's usage of the command that failed, which is the Japanese one set by
    // `override_usage`, after clap's own heading.
    let usage =
        get(ContextKind::Usage).unwrap_or_else(|| command.clone().render_usage().to_string());
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    format!("エラー：{text}\n\n使い方：{usage}\n\n詳しくは `--help` を付けて実行してください。\n")
}

/// The command with each of its `help!` texts, and its subcommands', in `lang`.
fn in_lang(mut command: clap::Command, lang: Lang) -> clap::Command {
    let pick = |text: &clap::builder::StyledStr| in_language(&text.to_string(), lang).to_string();
    if let Some(about) = command.get_about().map(pick) {
        command = command.about(about);
    }
    let helps: Vec<(String, String)> = command
        .get_arguments()
        .filter_map(|arg| Some((arg.get_id().to_string(), pick(arg.get_help()?))))
        .collect();
    for (id, help) in helps {
        command = command.mut_arg(id, |arg| arg.help(help));
    }
    // The values' descriptions, in the language too.
    let valued: Vec<clap::Arg> = command
        .get_arguments()
        .filter_map(|arg| {
            ValuesIn::<Lang>::on(arg, lang).or_else(|| ValuesIn::<GradeFormat>::on(arg, lang))
        })
        .collect();
    for arg in valued {
        command = command.mut_arg(arg.get_id().clone(), |_| arg);
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| in_lang(sub, lang));
    }
    command
}

/// Placeholders of values, in Japanese.
fn japanese_value_name(name: &str) -> Option<&'static str> {
    match name {
        "DIR" => Some("フォルダ"),
        "FILE" => Some("ファイル"),
        "PATH" => Some("パス"),
        "LESSON" | "LESSONS" => Some("レッスン"),
        "NAME" => Some("名前"),
        "FORMAT" => Some("形式"),
        "LANG" => Some("言語"),
        "WHAT" => Some("見せるもの"),
        _ => None,
    }
}

/// What clap's `[possible values: …]` and `[default: …]` say, in Japanese, from the
/// values' descriptions in Japanese (`使える値：text（人が読む表）、…。`), if `arg` has
/// values to choose from.
fn japanese_values(arg: &clap::Arg) -> Option<String> {
    let values = arg.get_possible_values();
    if values.is_empty() {
        return None;
    }
    let values: Vec<String> = (values.iter())
        .map(|value| match value.get_help() {
            Some(help) => format!("{}（{help}）", value.get_name()),
            None => value.get_name().to_string(),
        })
        .collect();
    let mut text = format!("使える値：{}。", values.join("、"));
    if let Some(default) = arg.get_default_values().first() {
        text.push_str(&format!(
            "指定しなければ {} です。",
            default.to_string_lossy()
        ));
    }
    Some(text)
}

/// The command with its help, usage and headings in Japanese.
fn japanese(command: clap::Command) -> clap::Command {
    let command = command.disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help("バージョンを表示します。"),
    );
    let mut command = japanese_at(command, "checker");
    // clap adds its `help` command when the command is built: build it now, then say
    // what `help` does in Japanese too.
    command.build();
    japanese_help_command(command, "checker")
}

/// clap's `help` command of `command` and of its subcommands, in Japanese.
fn japanese_help_command(mut command: clap::Command, prefix: &str) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = if name == "help" {
            let usage = format!("{prefix} help [コマンド]");
            command.mut_subcommand("help", |help| {
                help.about(format!(
                    "コマンドの説明を表示します（`{prefix} help <コマンド>`）。"
                ))
                .override_usage(usage)
                .help_template("{about-with-newline}\n使い方：{usage}\n")
            })
        } else {
            let prefix = format!("{prefix} {name}");
            command.mut_subcommand(&name, |sub| japanese_help_command(sub, &prefix))
        };
    }
    command
}

fn japanese_at(mut command: clap::Command, usage_prefix: &str) -> clap::Command {
    command = command.disable_help_flag(true).arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .help("このヘルプを表示します。"),
    );
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in &ids {
        command = command.mut_arg(id, |mut arg| {
            if !arg.get_action().takes_values() {
                return arg;
            }
            // The Japanese help names the values and the default itself.
            if let Some(values) = japanese_values(&arg) {
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                arg = arg.help(format!("{help}{values}"));
            }
            arg = arg.hide_possible_values(true).hide_default_value(true);
            let names: Option<Vec<String>> = arg
                .get_value_names()
                .map(|n| n.iter().map(ToString::to_string).collect());
            let names = names.unwrap_or_else(|| vec![id.to_uppercase()]);
            if let [name] = names.as_slice()
                && let Some(ja) = japanese_value_name(name)
            {
                arg = arg.value_name(ja);
            }
            arg
        });
    }
    // The usage, as clap would write it, with Japanese placeholders.
    let positionals: Vec<String> = command
        .get_positionals()
        .map(|p| {
            let name = p
                .get_value_names()
                .and_then(|n| n.first().map(ToString::to_string))
                .unwrap_or_else(|| p.get_id().to_string());
            if p.is_required_set() {
                format!(" <{name}>")
            } else {
                format!(" [{name}]")
            }
        })
        .collect();
    let has_subcommands = command.has_subcommands();
    let usage = format!(
        "{usage_prefix} [オプション]{}{}",
        positionals.concat(),
        if has_subcommands {
            " <コマンド>"
        } else {
            ""
        }
    );
    let mut template = String::from("{about-with-newline}\n使い方：{usage}\n");
    if has_subcommands {
        template.push_str("\nコマンド：\n{subcommands}\n");
    }
    if !positionals.is_empty() {
        template.push_str("\n引数：\n{positionals}\n");
    }
    template.push_str("\nオプション：\n{options}\n{after-help}");
    command = command.override_usage(usage).help_template(template);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let prefix = format!("{usage_prefix} {name}");
        command = command.mut_subcommand(&name, |sub| japanese_at(sub, &prefix));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lang: Lang, args: &[&str]) -> Result<Cli, Exit> {
        let args = std::iter::once("checker").chain(args.iter().copied());
        parse_from(lang, args.map(Into::into).collect())
    }

    fn help(lang: Lang, args: &[&str]) -> String {
        match run(lang, args) {
            Ok(cli) => panic!("parsed: {cli:?}"),
            Err(exit) => exit.text().to_string(),
        }
    }

    /// Words of clap's own English that must not show in Japanese.
    const ENGLISH: [&str; 9] = [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "Print",
        "error:",
        "[default",
        "possible values",
        "For more",
    ];

    #[test]
    fn help_is_japanese_in_japanese() {
        for args in [
            &["--help"][..],
            &["check", "--help"],
            &["grade", "--help"],
            &["dev", "--help"],
            &["dev", "new", "--help"],
            &["dev", "check", "--help"],
            &["dev", "remove", "--help"],
            &["dev", "preview", "--help"],
            &["dev", "mutants", "--help"],
        ] {
            let text = help(Lang::Ja, args);
            assert!(text.contains("使い方：checker"), "{args:?}:\n{text}");
            assert!(!text.contains("LESSON"), "{args:?}:\n{text}");
            for word in ENGLISH {
                assert!(!text.contains(word), "{args:?}: `{word}` in\n{text}");
            }
            let english = help(Lang::En, args);
            assert!(english.contains("Usage: checker"), "{args:?}:\n{english}");
            assert!(!english.contains('。'), "{args:?}:\n{english}");
            assert!(!(text + &english).contains(BETWEEN_LANGUAGES), "{args:?}");
        }
        let english = help(Lang::En, &["--help"]);
        assert!(
            english.contains("Usage:") && english.contains("Commands:"),
            "{english}"
        );
    }

    #[test]
    fn values_are_described_in_the_language() {
        let text = help(Lang::Ja, &["grade", "--help"]);
        for words in [
            "使える値：text（人が読む表）、json（",
            "gradescope（Gradescope の results.json）。指定しなければ text です。",
            "使える値：ja（日本語）、en（英語）。",
        ] {
            assert!(text.contains(words), "`{words}` not in\n{text}");
        }
        let english = help(Lang::En, &["grade", "--help"]);
        for words in [
            "- text:       A table for people",
            "- ja: Japanese (日本語)",
        ] {
            assert!(english.contains(words), "`{words}` not in\n{english}");
        }
        assert!(!english.contains("使える値"), "{english}");
        // The values still parse as what they are.
        for lang in [Lang::Ja, Lang::En] {
            let cli = run(lang, &["--lang", "en", "grade", "--format", "junit"])
                .ok()
                .expect("parses");
            assert!(matches!(
                cli.command,
                Command::Grade {
                    format: GradeFormat::Junit,
                    ..
                }
            ));
            assert_eq!(cli.lang, Some(Lang::En));
        }
        let text = help(Lang::Ja, &["grade", "--format", "csv"]);
        assert!(
            text.contains("`csv` は使えません。使える値：text、json、junit、gradescope"),
            "{text}"
        );
    }

    #[test]
    fn usage_errors_are_japanese_in_japanese() {
        for (args, words) in [
            (
                &["chek", "conv"][..],
                "`chek` というコマンドはありません。`check` のことですか？",
            ),
            (&["check"], "<レッスン> を指定してください。"),
            (&["list", "--colour"], "`--colour` という引数は使えません。"),
            (
                &["--lang", "fr", "list"],
                "`fr` は使えません。使える値：ja、en",
            ),
            (&[], "使い方：checker [オプション] <コマンド>"),
        ] {
            let text = help(Lang::Ja, args);
            assert!(text.contains(words), "{args:?}:\n{text}");
            for word in ENGLISH {
                assert!(!text.contains(word), "{args:?}: `{word}` in\n{text}");
            }
        }
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |a: &[&str]| {
            a.iter()
                .map(Into::into)
                .collect::<Vec<std::ffi::OsString>>()
        };
        assert_eq!(
            lang_in(&args(&["checker", "--lang", "ja", "list"])),
            Some(Lang::Ja)
        );
        assert_eq!(
            lang_in(&args(&["checker", "list", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in(&args(&["checker", "list"])), None);
        assert_eq!(lang_in(&args(&["checker", "--lang"])), None);
    }

    #[test]
    fn a_valid_command_line_parses_in_both_languages() {
        for lang in [Lang::Ja, Lang::En] {
            let cli = run(lang, &["--lang", "ja", "check", "conv"])
                .ok()
                .expect("parses");
            assert!(matches!(cli.command, Command::Check { ref lesson } if lesson == "conv"));
            assert_eq!(cli.lang, Some(Lang::Ja));
        }
    }
}
