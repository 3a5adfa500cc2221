//! Code that does not build (rustc's errors, the slips named first, a harness that
//! cannot call the student's functions) and files that cannot be read.

use super::{Msg, RUN};
use crate::lang::say;

impl Msg {
    pub fn does_not_compile(self, files: &str) -> String {
        say!(self,
            ja: format!("{files} がコンパイルできません。"),
            en: format!("{files} does not compile."),
        )
    }

    /// Before rustc's own text of the errors.
    pub fn rustc_messages(self) -> String {
        say!(self, ja: "rustc のメッセージ：".to_string(), en: "rustc says:".to_string())
    }

    /// One sentence for a compile error this course's students often meet.
    pub fn compile_slip(self, slip: crate::compile_errors::Slip) -> String {
        use crate::compile_errors::Slip::*;
        match slip {
            IntegerForFloat => say!(self,
                ja: "f32 の値が必要なところに、整数が書かれています。f32 の値は `0.0` や `2.0` のように小数点を付けて書きます（`0` は整数です）。".to_string(),
                en: "An integer stands where an f32 is needed. Write f32 values with a decimal point: `0.0` and `2.0`, not `0` and `2`.".to_string(),
            ),
            ShapeNotTuple => say!(self,
                ja: "新しい配列の形は、1 つのタプルで渡します。`Array2::zeros(h, w)` ではなく、かっこを二重にして `Array2::zeros((h, w))` と書きます。".to_string(),
                en: "The shape of a new array is one tuple: write `Array2::zeros((h, w))`, with double parentheses, not `Array2::zeros(h, w)`.".to_string(),
            ),
            SingleBracketIndex => say!(self,
                ja: "ndarray の要素は、角かっこを二重にして `a[[i, j]]` のように取り出します。`a[i, j]` とは書けません。".to_string(),
                en: "An element of an ndarray is `a[[i, j]]`, with double brackets; `a[i, j]` does not compile.".to_string(),
            ),
            ViewForOwned => say!(self,
                ja: "配列（`&Array1<f32>` など）を受け取る関数に、ビューを渡しています。`row()`、`column()`、`slice()` などが返すのは、元の配列の一部を指すビューです。`&a.row(j).to_owned()` のように `.to_owned()` で配列にしてから渡しましょう。".to_string(),
                en: "You pass a view where a function takes an array (such as `&Array1<f32>`). `row()`, `column()` and `slice()` return views into an array; make one an array with `.to_owned()` and pass that: `&a.row(j).to_owned()`.".to_string(),
            ),
            SemicolonAfterValue => say!(self,
                ja: "関数の最後の式の後ろに `;` が付いています。Rust では、`;` を付けない最後の式が関数の値になります。`;` を付けると値は捨てられ、何も返しません。最後の `;` を消しましょう。".to_string(),
                en: "The last expression of the function ends with `;`. In Rust, the last expression without `;` is the function's value; with `;`, the value is dropped and the function returns nothing. Remove that last `;`.".to_string(),
            ),
            NoValueReturned => say!(self,
                ja: "関数が値を返していません。計算した値（たとえば `sum`）を、関数の最後の行に `;` を付けずに書きましょう。".to_string(),
                en: "The function returns no value. Write the value you computed (`sum`, say) as its last line, without `;`.".to_string(),
            ),
            UnclosedDelimiter => say!(self,
                ja: "かっこの組が合っていません。開いたかっこ（`(`、`[`、`{`）を閉じ忘れているか、別の種類のかっこで閉じています。rustc が示す行で、開きかっこと閉じかっこを一組ずつ確かめましょう。".to_string(),
                en: "Your brackets do not pair up: one that opens (`(`, `[`, `{`) is not closed, or is closed by another kind. Pair each opening bracket with its closing one at the lines rustc shows.".to_string(),
            ),
            MissingBorrow => say!(self,
                ja: "この関数は参照（`&Array1<f32>` など）を受け取りますが、値をそのまま渡しています。引数の前に `&` を付けましょう。".to_string(),
                en: "The function takes a reference (such as `&Array1<f32>`), and you pass the value itself. Put `&` before the argument.".to_string(),
            ),
        }
    }

    pub fn file_missing(self, file: &str, lesson: &str) -> String {
        say!(self,
            ja: format!("{file} がありません。\n最初の状態（スタブ）に戻すには `{RUN} reset {lesson}` を実行してください。"),
            en: format!("{file} is missing.\nTo get the stub back, run `{RUN} reset {lesson}`."),
        )
    }

    pub fn file_not_utf8(self, file: &str, lesson: &str) -> String {
        say!(self,
            ja: format!("{file} が UTF-8 のテキストではありません。エディタで UTF-8 として保存し直してください。\nスタブからやり直すなら `{RUN} reset {lesson}` です（今のファイルはバックアップとして残ります）。"),
            en: format!("{file} is not UTF-8 text. Save it again as UTF-8 in your editor.\nTo start over from the stub, run `{RUN} reset {lesson}` (your file is kept as a backup)."),
        )
    }

    /// A gradebook note: the lesson's code still has its stub's `todo!()` where the tests
    /// went (in part or in whole: the failures are all "not implemented").
    pub fn still_todo(self, file: &str) -> String {
        say!(self,
            ja: format!("{file} に todo!() が残っています。まだ書かれていない部分があります。"),
            en: format!("{file} still has a todo!(): a part is not written yet."),
        )
    }

    pub fn cannot_call(self, file: &str) -> String {
        say!(self,
            ja: format!("隠しテストが {file} のコードを呼び出せません。"),
            en: format!("The hidden tests cannot call the code in {file}."),
        )
    }

    pub fn calls_function(self, signature: &str) -> String {
        say!(self,
            ja: format!("テストはこの関数を呼びます：pub {signature}"),
            en: format!("They call this function: pub {signature}"),
        )
    }

    pub fn scenario_needs(self, name: &str) -> String {
        say!(self,
            ja: format!("シナリオ「{name}」が、あなたのコードの型や関数を使えません。"),
            en: format!("The scenario \"{name}\" cannot use the types and functions of your code."),
        )
    }

    /// A helper of the tests (`lessons/helpers/…`, at `place`, its file and line) does not
    /// compile with the student's modules.
    pub fn helper_needs(self, place: &str) -> String {
        say!(self,
            ja: format!("テストのヘルパー（{place}）が、あなたのコードの型や関数を使えません。"),
            en: format!("The tests' helper ({place}) cannot use the types and functions of your code."),
        )
    }

    pub fn rustc_says(self, message: &str) -> String {
        say!(self, ja: format!("rustc: {message}"), en: format!("rustc: {message}"))
    }

    pub fn keep_signatures(self) -> String {
        say!(self,
            ja: "名前・引数・戻り値の型は、最初のファイル（スタブ）のとおりに保ってください。".to_string(),
            en: "Keep the names, parameters and return types as the stub had them.".to_string(),
        )
    }

    pub fn cargo_failed(self) -> String {
        say!(self,
            ja: "cargo がビルドに失敗しました（rustc のエラーではありません）。cargo のメッセージ：".to_string(),
            en: "cargo failed to build the checker's harness (this is not an error in your code). cargo says:".to_string(),
        )
    }
}
