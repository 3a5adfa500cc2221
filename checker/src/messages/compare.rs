//! Comparisons beyond equality: bounds on one number, relative tolerances.

use super::Msg;
use crate::lang::{Lang, say};

impl Msg {
    /// One number outside a test's bounds: what was required, and what came out.
    pub fn bounds_failed(self, got: &str, at_least: Option<&str>, at_most: Option<&str>) -> String {
        match (self.0, at_least, at_most) {
            (Lang::Ja, Some(low), Some(high)) => {
                format!("結果は {got} で、基準の {low} 以上 {high} 以下に入りません。")
            }
            (Lang::En, Some(low), Some(high)) => {
                format!("The result is {got}; this test needs a result from {low} to {high}.")
            }
            (Lang::Ja, Some(low), None) => {
                format!("結果は {got} で、基準の {low} に届きません。")
            }
            (Lang::En, Some(low), None) => {
                format!("The result is {got}, short of the {low} this test requires.")
            }
            (Lang::Ja, None, Some(high)) => {
                format!("結果は {got} で、基準の {high} を超えています。")
            }
            (Lang::En, None, Some(high)) => {
                format!("The result is {got}, above the {high} this test allows.")
            }
            (Lang::Ja, None, None) => format!("結果は {got} です。"),
            (Lang::En, None, None) => format!("The result is {got}."),
        }
    }

    /// A relative tolerance, as the worst cell's line shows it.
    pub fn relative_tolerance(self, relative: f64, tolerance: f64) -> String {
        say!(self,
            ja: format!("{relative} × |正しい値| + {tolerance}"),
            en: format!("{relative} × |expected| + {tolerance}"),
        )
    }
}
