//! What a passing lesson shows of the student's own outputs: digits their network read,
//! the loss their training brought down.

use super::Msg;
use crate::lang::{Lang, say};

impl Msg {
    /// How many digits the student's network read right.
    pub fn digits_read(self, right: usize, total: usize, percent: f64) -> String {
        say!(self,
            ja: format!("あなたのネットワークは、{total} 枚のうち {right} 枚を正しく読みました（正解率 {percent:.1} %）。"),
            en: format!("Your network read {right} of the {total} digits right: {percent:.1} %."),
        )
    }

    /// Above the drawn digits: which they are. `wrong` digits of all were misread;
    /// `shown` are drawn, the first `wrong_shown` of them misread.
    pub fn digits_drawn(self, wrong: usize, wrong_shown: usize, shown: usize) -> String {
        let right_shown = shown - wrong_shown;
        match (self.0, wrong_shown, right_shown) {
            (Lang::Ja, 0, _) => format!("そのうち {shown} 枚を描きます。"),
            (Lang::En, 0, 1) => "Here is one of them.".to_string(),
            (Lang::En, 0, _) => format!("Here are {shown} of them."),
            (Lang::Ja, _, 0) if wrong_shown == wrong => {
                format!("読み間違えた {wrong} 枚を描きます。")
            }
            (Lang::En, 1, 0) if wrong == 1 => "Here is the one it misread.".to_string(),
            (Lang::En, _, 0) if wrong_shown == wrong => {
                format!("Here are the {wrong} it misread.")
            }
            (Lang::Ja, _, 0) => format!("読み間違えた数字のうち {shown} 枚を描きます。"),
            (Lang::En, _, 0) => format!("Here are {shown} of the {wrong} it misread."),
            (Lang::Ja, _, _) => format!(
                "読み間違えた {wrong_shown} 枚と、正しく読めた {right_shown} 枚を描きます。"
            ),
            (Lang::En, _, _) => {
                format!("Here are the {wrong_shown} it misread, then {right_shown} it read right.")
            }
        }
    }

    /// Under a digit: its label.
    pub fn digit_label(self, label: usize) -> String {
        say!(self, ja: format!("正解 {label}"), en: format!("label {label}"))
    }

    /// Under a digit: what the network read.
    pub fn digit_read(self, read: usize) -> String {
        say!(self, ja: format!("予測 {read}"), en: format!("read  {read}"))
    }

    /// Above the loss curve.
    pub fn loss_curve_title(self) -> String {
        say!(self,
            ja: "エポックごとの損失（学習データでの平均）：".to_string(),
            en: "The loss after each epoch (the mean over the training images):".to_string(),
        )
    }

    /// The axis under the loss curve.
    pub fn epoch_axis(self) -> String {
        say!(self, ja: "エポック".to_string(), en: "epoch".to_string())
    }

    /// Under the loss curve: how far it fell (or rose).
    pub fn loss_change(self, first: f64, last: f64, epochs: usize) -> String {
        match (self.0, last <= first) {
            (Lang::Ja, true) => {
                format!("損失は {epochs} エポックで {first:.3} から {last:.3} に下がりました。")
            }
            (Lang::En, true) => {
                format!("The loss fell from {first:.3} to {last:.3} in {epochs} epochs.")
            }
            (Lang::Ja, false) => {
                format!("損失は {epochs} エポックで {first:.3} から {last:.3} に上がりました。")
            }
            (Lang::En, false) => {
                format!("The loss rose from {first:.3} to {last:.3} in {epochs} epochs.")
            }
        }
    }

    /// Under the loss curve: the trained network on the test images.
    pub fn trained_accuracy(self, percent: f64) -> String {
        say!(self,
            ja: format!("学習したネットワークの、テスト用の数字での正解率は {percent:.1} % です。"),
            en: format!("Your trained network reads {percent:.1} % of the test digits right."),
        )
    }

    /// Under the loss curve: the network on the test images before and after training.
    pub fn accuracy_before_after(self, before: f64, after: f64) -> String {
        say!(self,
            ja: format!("テスト用の数字での正解率は、学習の前の {before:.1} % から、学習の後は {after:.1} % になりました。"),
            en: format!("Your network read {before:.1} % of the test digits right before training, and {after:.1} % after."),
        )
    }

    /// A loss curve without a single finite value.
    pub fn loss_not_numbers(self) -> String {
        say!(self,
            ja: "損失が数になっていません（NaN か無限大）。".to_string(),
            en: "The losses are not numbers (NaN or infinite).".to_string(),
        )
    }
}
