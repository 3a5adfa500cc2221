//! 本物の手書き数字です。8×8 の数字の画素をネットワーク向けにそろえ、
//! 予測がどれだけ当たったかを数えます。
//!
//! Real handwriting: the 8×8 digits, scaled for the network, and how often it
//! is right.

use ndarray::{Array1, Array2};

/// 0〜16 の画素の値（UCI の手書き数字）を 0〜1 にそろえます。
///
/// Pixel values 0–16 (the UCI digits) scaled to 0–1.
pub fn normalize(image: &Array2<f32>) -> Array2<f32> {
    image / 16.0
}

/// 正解率です。予測が正解ラベルと一致した割合を 0〜1 で返します
/// （予測が 1 つもなければ 0）。
///
/// The share of predictions that agree with the labels, from 0 to 1 (0 for no
/// predictions).
pub fn accuracy(predicted: &Array1<usize>, labels: &Array1<usize>) -> f32 {
    if predicted.is_empty() {
        return 0.0;
    }
    let right = predicted.iter().zip(labels).filter(|(p, l)| p == l).count();
    right as f32 / predicted.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn normalize_maps_0_to_16_onto_0_to_1() {
        let image = array![[0.0, 8.0], [16.0, 4.0]];
        assert_eq!(normalize(&image), array![[0.0, 0.5], [1.0, 0.25]]);
    }

    #[test]
    fn accuracy_counts_the_agreements() {
        let predicted = array![3, 1, 4, 1, 5];
        let labels = array![3, 1, 4, 7, 9];
        assert_eq!(accuracy(&predicted, &labels), 0.6);
        assert_eq!(accuracy(&array![], &array![]), 0.0);
    }
}
