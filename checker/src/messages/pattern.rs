//! What a wrong array has in common with the right one (`report::pattern`), and what
//! that usually means.

use super::Msg;
use crate::lang::say;

impl Msg {
    /// Every value negated.
    pub fn pattern_negated(self) -> String {
        say!(self,
            ja: "どの値も、大きさは合っていて、符号だけが逆です（正しい値の −1 倍）。マイナスが 1 つ多いか足りないか、引き算の順番（a − b と b − a）が逆になっていないかを確かめましょう。".to_string(),
            en: "Every value has the right size and the wrong sign (−1 times the expected one). Look for a minus sign too many or too few, or a subtraction the wrong way round (a − b for b − a).".to_string(),
        )
    }

    /// Every value the expected one times `factor` (already tidied: 2, 0.5, 0.37…).
    pub fn pattern_scaled(self, factor: f64, text: &str) -> String {
        let whole = factor.round();
        let over = (1.0 / factor).round();
        if factor == whole {
            say!(self,
                ja: format!("どの値も、正しい値のちょうど {text} 倍です。同じものを {text} 回足していないか、余分な {text} をかけていないかを確かめましょう。"),
                en: format!("Every value is exactly {text} times the expected one. Check that nothing is added {text} times over, and that no extra factor {text} is multiplied in."),
            )
        } else if factor == 1.0 / over {
            let n = over.abs();
            say!(self,
                ja: format!("どの値も、正しい値のちょうど {text} 倍（1/{n}）です。余分に {n} で割っていないか（平均をとらないところで平均をとっていないか）を確かめましょう。"),
                en: format!("Every value is exactly {text} times (1/{n} of) the expected one. Check that nothing is divided by {n} once too often (an average taken where a sum belongs)."),
            )
        } else {
            say!(self,
                ja: format!("どの値も、正しい値の {text} 倍です。どこかで余分な数をかけているか、割っています。"),
                en: format!("Every value is {text} times the expected one: somewhere your code multiplies or divides by a number too many."),
            )
        }
    }

    /// Every value the expected one plus `amount` (as text, with its sign).
    pub fn pattern_shifted(self, above: bool, amount: &str) -> String {
        match above {
            true => say!(self,
                ja: format!("どの値も、正しい値よりちょうど {amount} 大きくなっています。余分に足している数（バイアスを 2 回足すなど）や、0 から始まっていない合計がないかを確かめましょう。"),
                en: format!("Every value is exactly {amount} above the expected one. Look for a number added once too often (a bias added twice, say) or a sum that does not start at 0."),
            ),
            false => say!(self,
                ja: format!("どの値も、正しい値よりちょうど {amount} 小さくなっています。足し忘れている数（バイアスなど）や、余分に引いている数がないかを確かめましょう。"),
                en: format!("Every value is exactly {amount} below the expected one. Look for a number not added (a bias, say) or one subtracted once too often."),
            ),
        }
    }

    /// Each matrix transposed.
    pub fn pattern_transposed(self) -> String {
        say!(self,
            ja: "あなたの結果は、正しい値の行と列を入れ替えたもの（転置）です。[i][j] に入るべき値が [j][i] に入っています。添字の順番か、転置（.t()）のあるなしを確かめましょう。".to_string(),
            en: "Your output is the expected one with rows and columns swapped (transposed): the value for [i][j] is at [j][i]. Check the order of your indices, and where a transpose (.t()) belongs.".to_string(),
        )
    }

    /// Each matrix rotated by 180°.
    pub fn pattern_rotated(self) -> String {
        say!(self,
            ja: "あなたの結果は、正しい値を上下も左右も逆にしたもの（180° 回したもの）です。カーネルを反転するかしないかと、添字を逆の端から数えていないかを確かめましょう。".to_string(),
            en: "Your output is the expected one turned upside down and left to right (rotated by 180°). Check whether the kernel should be flipped, and that no index counts from the wrong end.".to_string(),
        )
    }

    /// Each matrix upside down.
    pub fn pattern_rows_reversed(self) -> String {
        say!(self,
            ja: "あなたの結果は、正しい値の上下を逆にしたものです。行の添字を下の端から数えていないか、反転を行だけにしていないかを確かめましょう。".to_string(),
            en: "Your output is the expected one upside down. Check that no row index counts from the bottom, and that a flip is not of the rows alone.".to_string(),
        )
    }

    /// Each matrix left to right.
    pub fn pattern_columns_reversed(self) -> String {
        say!(self,
            ja: "あなたの結果は、正しい値の左右を逆にしたものです。列の添字を右の端から数えていないか、反転を列だけにしていないかを確かめましょう。".to_string(),
            en: "Your output is the expected one left to right. Check that no column index counts from the right, and that a flip is not of the columns alone.".to_string(),
        )
    }

    /// Only the cells that should be 0 differ.
    pub fn pattern_not_zeroed(self) -> String {
        say!(self,
            ja: "違うのは、正しい値が 0 のところだけです。ほかは合っています。そこは 0 にすべきところです（ReLU で止まったユニット、最大値でなかったマスなど）。0 にする条件が抜けていないか、条件が逆になっていないかを確かめましょう。".to_string(),
            en: "Only the cells that should be 0 differ; all the others are right. Those cells should be 0 (a unit that ReLU stopped, a cell that was not the maximum): check that the condition that leaves them at 0 is there, and the right way round.".to_string(),
        )
    }

    /// Only the cells the student's code left at 0 differ.
    pub fn pattern_left_zero(self) -> String {
        say!(self,
            ja: "違うのは、あなたの結果が 0 のところだけです。そこにも値が入るはずです。ほかは合っています。値を入れ忘れているところがないか、0 にする条件が広すぎないか（`>` と `>=` など）を確かめましょう。".to_string(),
            en: "Only the cells where your output is 0 differ: they should have values too, and all the others are right. Check that no cell is left unfilled, and that the condition that sets 0 is not too wide (`>` for `>=`, say).".to_string(),
        )
    }

    /// The values add up to the expected total, in other cells.
    pub fn pattern_moved(self) -> String {
        say!(self,
            ja: "値の合計は正しい値の合計と同じですが、入っているマスが違います。どの値をどのマスに書くか（添字の順番、行と列、勾配ならどのマスに渡すか）を確かめましょう。".to_string(),
            en: "Your values add up to the right total, but they sit in the wrong cells. Check which cell each value is written to: the order of the indices, rows and columns, and for a gradient, which cell it is passed to.".to_string(),
        )
    }
}
