//! Every sentence of the page, Japanese beside English. `{function}` is the name the
//! lesson's `[show]` gives the student's code, filled here; the page's script fills the
//! other `{name}` places. A sentence keeps its places in either language, in its own order.

use crate::lang::{Lang, say};

/// (key, Japanese, English).
const TEXTS: &[(&str, &str, &str)] = &[
    (
        "title_network",
        "あなたのネットワークがテスト用の入力を読むようす",
        "Your network reading a test input",
    ),
    (
        "title_conv",
        "あなたの {function}：畳み込み",
        "Your {function}: a convolution",
    ),
    (
        "title_pool",
        "あなたの {function}：マックス・プーリング",
        "Your {function}: max pooling",
    ),
    (
        "lead_network",
        "左から右へ、入力が層を通るたびに形を変え、最後に各クラスの確率になります。特徴マップをクリックすると、そのマスがどう計算されたかが見られます。",
        "From left to right, the input passes through each layer and ends as the probability of each class. Click a feature map to see how one of its cells was computed.",
    ),
    (
        "lead_conv",
        "{kh}×{kw} のカーネルを {rows}×{cols} の画像の上でずらし、重なった {n} マスの積を足します。結果のマスをクリックするか、ボタンで 1 マスずつ進めてください。",
        "The {kh}×{kw} kernel slides over the {rows}×{cols} image; the {n} products under it add up to one cell of the output. Click a cell of the output, or step with the buttons.",
    ),
    (
        "lead_pool",
        "{kh}×{kw} の区画ごとに最大値だけを残し、画像を縮めます。結果のマスをクリックするか、ボタンで 1 マスずつ進めてください。",
        "Each {kh}×{kw} window keeps only its maximum, and the image shrinks. Click a cell of the output, or step with the buttons.",
    ),
    ("digit", "テスト用の入力", "Test input"),
    (
        "digit_option",
        "{index} 番（正解は {label}）",
        "#{index} (a {label})",
    ),
    ("input", "入力", "input"),
    ("layer_id", "{name}（{id}）", "{name} ({id})"),
    ("colon", "：", ": "),
    ("image", "画像", "image"),
    ("kernel", "カーネル", "kernel"),
    ("output", "結果", "output"),
    ("maps", "特徴マップ {n} 枚", "{n} feature maps"),
    ("units", "ユニット {n} 個", "{n} units"),
    (
        "map_label",
        "{layer} の特徴マップ {map}（{shape}）",
        "{layer}, feature map {map} ({shape})",
    ),
    (
        "units_label",
        "{layer} の {n} 個のユニット",
        "the {n} units of {layer}",
    ),
    (
        "pixels",
        "{rows}×{cols} 画素、濃いほどインクが多い",
        "{rows}×{cols} pixels, darker is more ink",
    ),
    (
        "answer",
        "答えは {answer}（{p}）",
        "The answer is {answer} ({p})",
    ),
    ("right", "正解です。", "right."),
    ("wrong", "正解は {label} です。", "the label is {label}."),
    ("reference_badge", "模範解答の値", "reference's"),
    (
        "off_by",
        "✗ 模範解答と最大 {d} 違います",
        "✗ up to {d} off the reference",
    ),
    (
        "differs_legend",
        "! のマスは模範解答と違います。",
        "Cells marked ! differ from the reference.",
    ),
    (
        "legend_maps",
        "色は層ごとに、暗いほど小さく、明るいほど大きい値です（灰色で印刷しても読めます）。",
        "Colours are per layer: darker is smaller, lighter is larger (it reads in grey too).",
    ),
    ("range", "最小 {lo}、最大 {hi}", "min {lo}, max {hi}"),
    ("detail", "計算の中身", "How it was computed"),
    (
        "cell_title",
        "{layer}・マップ {map}・{row} 行 {col} 列（{n} マスのうち {k} マス目）",
        "{layer}, map {map}, row {row}, column {col} (cell {k} of {n})",
    ),
    (
        "cell_title_plain",
        "{row} 行 {col} 列（{n} マスのうち {k} マス目）",
        "row {row}, column {col} (cell {k} of {n})",
    ),
    (
        "unit_title",
        "{layer}・ユニット {unit}（{n} 個のうち）",
        "{layer}, unit {unit} (of {n})",
    ),
    ("window", "入力の窓", "input window"),
    ("channel", "入力チャンネル {c}", "input channel {c}"),
    ("products", "積", "products"),
    ("subtotal", "小計 {s}", "subtotal {s}"),
    ("sum", "積の和", "sum of the products"),
    ("bias", "バイアス", "bias"),
    ("total", "和 + バイアス", "sum + bias"),
    (
        "relu_line",
        "ReLU：max(0, {z}) = {a}",
        "ReLU: max(0, {z}) = {a}",
    ),
    (
        "relu_next",
        "次の ReLU の層では {a} になります。",
        "The next ReLU layer makes it {a}.",
    ),
    ("yours", "あなたのコードの値：{v}", "Your code's value: {v}"),
    (
        "reference_value",
        "模範解答の値：{v}",
        "The reference's value: {v}",
    ),
    (
        "wrong_conv",
        "✗ この {n} 個の積の和にバイアスを足すと {right} です。あなたのコードは {value} を返しました。",
        "✗ These {n} products plus the bias add up to {right}; your code gave {value}.",
    ),
    (
        "wrong_sum",
        "✗ この {n} 個の積の和は {right} です。あなたの {function} は {value} を返しました。",
        "✗ These {n} products add up to {right}; your {function} gave {value}.",
    ),
    ("max_line", "{cells} の最大値は {m}", "max({cells}) = {m}"),
    (
        "wrong_max",
        "✗ 最大値は {right} です。あなたのコードは {value} を返しました。",
        "✗ The maximum is {right}; your code gave {value}.",
    ),
    (
        "max_from",
        "{layer} のマップ {map} の {size}×{size} の区画",
        "the {size}×{size} window of {layer}'s map {map}",
    ),
    (
        "dense_line",
        "{n} 個の入力それぞれに重みを掛けて足し、バイアスを足します。大きい積を {k} 個：",
        "Each of the {n} inputs times its weight, added up, plus the bias. The {k} largest products:",
    ),
    (
        "dense_rest",
        "残り {r} 個の積の和：{s}",
        "the other {r} products add up to {s}",
    ),
    ("input_n", "入力 {i}", "input {i}"),
    (
        "softmax_line",
        "softmax：exp(z) をその合計で割ると、足して 1 になる確率になります。",
        "softmax: exp(z) divided by their total gives probabilities that add up to 1.",
    ),
    ("class", "クラス", "class"),
    ("probability", "確率", "probability"),
    ("prev", "◀ 前のマス", "◀ previous"),
    ("next", "次のマス ▶", "next ▶"),
    ("play", "▶ 自動で進める", "▶ play"),
    ("pause", "❚❚ 止める", "❚❚ pause"),
    ("close", "閉じる ✕", "close ✕"),
    (
        "keys",
        "← → キーでも進められます。",
        "The ← and → keys step too.",
    ),
    (
        "no_script",
        "このページを見るには JavaScript を有効にしてください（ページの外には何も取りに行きません）。",
        "Turn on JavaScript to see this page (it fetches nothing from outside).",
    ),
    (
        "footer",
        "cnnlings の show が作ったページです。サーバーもネットワークも使いません。",
        "Written by cnnlings' show. It needs no server and no network.",
    ),
];

fn pick(lang: Lang, ja: &str, en: &str, function: &str) -> String {
    say!(lang, ja: ja, en: en).replace("{function}", function)
}

/// The page's sentences in `lang`, `{function}` filled, as a JSON object from key to text.
pub fn texts(lang: Lang, function: &str) -> serde_json::Map<String, serde_json::Value> {
    TEXTS
        .iter()
        .map(|(key, ja, en)| {
            let text = pick(lang, ja, en, function);
            ((*key).to_string(), serde_json::Value::from(text))
        })
        .collect()
}

/// One sentence of the page in `lang`, `{function}` filled (the key must be in the table).
pub fn text(lang: Lang, key: &str, function: &str) -> String {
    TEXTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, ja, en)| pick(lang, ja, en, function))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_has_both_languages_and_the_same_places() {
        let places = |text: &str| {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            names.sort();
            names
        };
        for (key, ja, en) in TEXTS {
            assert!(!ja.is_empty() && !en.is_empty(), "{key}");
            assert_eq!(places(ja), places(en), "{key}");
            // Outside its places, Japanese holds no English but the code's own names.
            let mut rest = ja.to_string();
            for name in places(ja) {
                rest = rest.replace(&format!("{{{name}}}"), "");
            }
            for word in ["cnnlings", "JavaScript", "softmax", "ReLU", "CNN", "show"] {
                rest = rest.replace(word, "");
            }
            for word in ["max", "exp", "z"] {
                rest = rest.replace(word, "");
            }
            assert!(
                !rest.chars().any(|c| c.is_ascii_alphabetic()),
                "English in Japanese: {key}: {ja}"
            );
        }
        let keys: std::collections::BTreeSet<_> = TEXTS.iter().map(|(k, _, _)| k).collect();
        assert_eq!(keys.len(), TEXTS.len(), "a key twice");
    }
}
