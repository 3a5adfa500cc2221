//! あなたの CNN です。レッスンごとに 1 つずつ作っていきます。下のモジュールが
//! それぞれ 1 つのレッスンです。`todo!()` を埋めたら、
//! `cargo run -p checker -- next` でチェックしてください。
//!
//! Your CNN, one lesson at a time. Each module below is a lesson: fill in the
//! `todo!()`s, then run `cargo run -p checker -- next` to check your work.

// レッスン 1：ユニット。重みをかけた総和を求め、活性化関数に通します。
// Lesson 1: a unit, a weighted sum then an activation.
pub mod unit;
// レッスン 2：全結合層。
// Lesson 2: a fully connected layer.
pub mod dense;
// レッスン 3：パラメータの数と出力の大きさを数えます（なぜ畳み込みなのか）。
// Lesson 3: counting parameters and output sizes (why convolution).
pub mod size;
// レッスン 4：2 次元の畳み込み。
// Lesson 4: 2-D convolution.
pub mod conv;
// レッスン 5：マックス・プーリング。
// Lesson 5: max pooling.
pub mod pool;
// レッスン 6：ゼロパディングとストライド。
// Lesson 6: zero padding and stride.
pub mod stride;
// レッスン 7：CNN 全体。上のあなたのモジュールから組み立てます。
// Lesson 7: the whole CNN, built from your modules above.
pub mod cnn;
// レッスン 8：あなたの CNN が本物の手書き数字を読みます。
// Lesson 8: your CNN reads real handwritten digits.
pub mod digits;
// レッスン 9：予測がどれだけ外れているか。交差エントロピーとその勾配。
// Lesson 9: how wrong a prediction is: cross-entropy and its gradient.
pub mod loss;
// レッスン 10：ReLU と全結合層の勾配（誤差逆伝播）。
// Lesson 10: gradients of ReLU and of a fully connected layer.
pub mod backprop;
// レッスン 11：マックス・プーリングと畳み込みの勾配。
// Lesson 11: gradients of max pooling and of convolution.
pub mod convback;
// レッスン 12：あなたのネットワークが学習します。CNN 全体の勾配と勾配降下法。
// Lesson 12: your network learns: gradients of the whole CNN and gradient descent.
pub mod train;
