//! テスト用のヘルパー：コースの手書き数字のネットワークを、学生の `Cnn`（cnn.rs）に入れます。
//! `helpers = ["digits_cnn"]` と書いたレッスンのシナリオから呼べます。
//!
//! A helper of the tests: the course's network for the digits, in the student's own `Cnn`
//! (cnn.rs). Scenarios of lessons with `helpers = ["digits_cnn"]` call it.

use crate::cnn::{Cnn, ConvLayer, DenseLayer};
use ndarray::prelude::*;

/// 講義の 5 層のネットワーク（8×8 の画像用）を、3,658 個の数を 1 行に並べた `row` から
/// 作ります。`row` は `data/digits-cnn.csv`（学習済みの重み）か
/// `data/digits-cnn-start.csv`（決まった初期値）の 1 行で、シナリオの入力に
/// `{ name = "weights", type = "Array2<f32>", dataset = "data/digits-cnn.csv",
/// split = "all", rows = "all", columns = "0..3658" }` と書いて受け取ります。
///
/// The lecture's five-layer network for 8×8 images, from `row`, the 3,658 numbers of one
/// line of `data/digits-cnn.csv` (the trained weights) or `data/digits-cnn-start.csv`
/// (the seeded start), which a scenario reads as the input above. The columns, each
/// array row-major: conv1's filters 0..72 (8×1×3×3), its bias 72..80, conv2's filters
/// 80..1232 (16×8×3×3), its bias 1232..1248, fc1's weights 1248..3296 (32×64), its bias
/// 3296..3328, fc2's weights 3328..3648 (10×32), its bias 3648..3658; pooling by 2.
pub fn digits_cnn(row: &Array2<f32>) -> Cnn {
    let values: Vec<f32> = row.iter().copied().collect();
    assert_eq!(
        values.len(),
        3658,
        "digits_cnn takes one row of 3,658 weights (columns \"0..3658\")"
    );
    let part = |from: usize, to: usize| values[from..to].to_vec();
    let filters = |shape: (usize, usize, usize, usize), from: usize, to: usize| {
        Array4::from_shape_vec(shape, part(from, to)).expect("the filters' count fits their shape")
    };
    let weights = |shape: (usize, usize), from: usize, to: usize| {
        Array2::from_shape_vec(shape, part(from, to)).expect("the weights' count fits their shape")
    };
    Cnn {
        conv1: ConvLayer {
            filters: filters((8, 1, 3, 3), 0, 72),
            bias: Array1::from(part(72, 80)),
        },
        conv2: ConvLayer {
            filters: filters((16, 8, 3, 3), 80, 1232),
            bias: Array1::from(part(1232, 1248)),
        },
        pool: 2,
        fc1: DenseLayer {
            weights: weights((32, 64), 1248, 3296),
            bias: Array1::from(part(3296, 3328)),
        },
        fc2: DenseLayer {
            weights: weights((10, 32), 3328, 3648),
            bias: Array1::from(part(3648, 3658)),
        },
    }
}
