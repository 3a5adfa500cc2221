//! `show NAME --html FILE`: the lecture's CNN Explainer as one self-contained page,
//! drawn from the same plain data as the terminal ([`model`](super::model)), as the
//! lesson's `[show]` declares it: the stages' names, titles and `explain`, and the
//! arrays of the weights each layer reads. It names no lesson of the course.
//!
//! The page is written with `format!`, not a template crate: it is one fixed frame (the
//! style sheet and the script, `page.css` and `page.js`, included as they are) around
//! one block of JSON data (the values, the weights and the sentences in one language),
//! and the script draws everything from that data. So a student needs no build step, no
//! server and no network (the page's Content-Security-Policy forbids every fetch), and
//! the checker no dependency beyond serde_json, which it has.

pub mod text;

use super::model::{Matrix, Network, Origin, Sliding};
use super::render::{Depth, Style, origin_line};
use crate::lang::{Lang, say};
use crate::lesson::draw::shape_text as shape;
use crate::lesson::picture::{self, Draw, Explain};
use serde_json::{Value, json};

const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// How many test digits the `cnn` page holds, each computed beforehand.
pub const DIGITS: usize = 24;

/// The test digits the page offers, `first` first: the digit asked for with `--digit`,
/// then the ones after it, wrapping round, [`DIGITS`] in all (or every one, if fewer).
pub fn digit_choice(first: usize, count: usize) -> Vec<usize> {
    (0..DIGITS.min(count))
        .map(|i| (first + i) % count)
        .collect()
}

/// A number as JSON, as short as reads back as the same `f32`; not finite as null.
fn number(x: f32) -> Value {
    if !x.is_finite() {
        return Value::Null;
    }
    format!("{x:?}")
        .parse::<f64>()
        .map(Value::from)
        .unwrap_or(Value::Null)
}

fn numbers(xs: &[f32]) -> Value {
    Value::Array(xs.iter().map(|&x| number(x)).collect())
}

fn grid(g: &Matrix) -> Value {
    json!({ "rows": g.rows, "cols": g.cols, "cells": numbers(&g.cells) })
}

fn plain(lang: Lang) -> Style {
    Style {
        lang,
        color: false,
        depth: Depth::None,
    }
}

/// Why the values are the reference's, as the terminal says it; none for the student's.
fn origin_text(lang: Lang, function: &str, file: &str, origin: &Origin) -> Value {
    match origin {
        Origin::Student => Value::Null,
        Origin::Reference(_) => Value::from(origin_line(&plain(lang), function, file, origin)),
    }
}

/// What the page calls each stage, and how it explains one of its values: a stage's
/// id (its name, numbered if used twice), its title, the kind of arithmetic (`explain`),
/// the stage it reads and, for a layer, its weights and biases out of `weights`.
fn stage_plans(lang: Lang, plan: &picture::Network, ids: &[String], weights: &[f32]) -> Vec<Value> {
    let mut arrays = std::collections::HashMap::new();
    let mut start = 0;
    for (name, count) in &plan.arrays {
        arrays.insert(
            name.as_str(),
            weights.get(start..start + count).unwrap_or(&[]),
        );
        start += count;
    }
    let array = |name: &str| numbers(arrays.get(name).copied().unwrap_or(&[]));
    (plan.stages.iter().zip(ids).enumerate())
        .map(|(i, (stage, id))| {
            let (explain, layer) = match &stage.explain {
                None => (Value::Null, Value::Null),
                Some(Explain::Conv { weights, bias }) => (
                    Value::from("conv"),
                    json!({ "weights": array(weights), "bias": array(bias) }),
                ),
                Some(Explain::Dense { weights, bias }) => (
                    Value::from("dense"),
                    json!({ "weights": array(weights), "bias": array(bias) }),
                ),
                Some(Explain::Relu) => (Value::from("relu"), Value::Null),
                Some(Explain::Pool) => (Value::from("pool"), Value::Null),
                Some(Explain::Softmax) => (Value::from("softmax"), Value::Null),
            };
            let source = match i {
                0 => "input".to_string(),
                _ => ids.get(i - 1).cloned().unwrap_or_default(),
            };
            // A layer followed by a ReLU says what the ReLU makes of its value.
            let next = (plan.stages.get(i + 1))
                .filter(|s| s.explain == Some(Explain::Relu))
                .and_then(|_| ids.get(i + 1));
            json!({
                "id": id,
                "title": lang.pick(&stage.title),
                "explain": explain,
                "source": source,
                "next": next,
                "probabilities": stage.draw == Draw::Probabilities,
                "layer": layer,
            })
        })
        .collect()
}

/// The page of a network: `networks` (the test inputs, one network each) through the
/// student's code, called `function`, with the `weights` of the row `plan` declares.
pub fn network_page(
    lang: Lang,
    networks: &[Network],
    plan: &picture::Network,
    weights: &[f32],
    function: &str,
    file: &str,
) -> String {
    let ids = networks.first().map(Network::stage_ids).unwrap_or_default();
    // A stage drawn by the reference is said as the terminal says it, after the module's
    // file: "your cnn.rs is still todo!()".
    let module = file.rsplit('/').next().unwrap_or(file);
    let stages = stage_plans(lang, plan, &ids, weights);
    let digits: Vec<Value> = networks
        .iter()
        .map(|n| {
            let stages: Vec<Value> = (n.stages.iter().zip(n.stage_ids()))
                .map(|(stage, id)| {
                    json!({
                        "id": id,
                        "shape": stage.shape,
                        "shapeText": shape(&stage.shape),
                        "cells": numbers(&stage.cells),
                        "reference": numbers(&stage.reference),
                        "origin": origin_text(lang, module, file, &stage.origin),
                        "offBy": number(stage.off_by),
                    })
                })
                .collect();
            json!({
                "index": n.index,
                "label": n.label,
                "image": grid(&n.image),
                "stages": stages,
            })
        })
        .collect();
    let data = json!({
        "kind": "network",
        "function": function,
        "text": text::texts(lang, function),
        "stages": stages,
        "inputs": digits,
    });
    page(lang, &text::text(lang, "title_network", function), &data)
}

/// The page of a sliding window: the declared example through the student's `function`,
/// a convolution when it has a kernel, max pooling when it has a size.
pub fn sliding_page(lang: Lang, s: &Sliding, function: &str, file: &str) -> String {
    let kind = match s.kernel {
        Some(_) => "conv",
        None => "pool",
    };
    let data = json!({
        "kind": kind,
        "function": function,
        "text": text::texts(lang, function),
        "image": grid(&s.image),
        "kernel": s.kernel.as_ref().map(grid),
        "window": [s.window.0, s.window.1],
        "stride": s.stride,
        "output": grid(&s.output),
        "reference": grid(&s.reference),
        "origin": origin_text(lang, function, file, &s.origin),
    });
    page(
        lang,
        &text::text(lang, &format!("title_{kind}"), function),
        &data,
    )
}

/// JSON that cannot end the `<script>` element it stands in.
fn inline_json(data: &Value) -> String {
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Text for HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn page(lang: Lang, title: &str, data: &Value) -> String {
    let code = say!(lang, ja: "ja", en: "en");
    let title = escape(title);
    let no_script = escape(&text::text(lang, "no_script", ""));
    let json = inline_json(data);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header><h1>{title}</h1><p id=\"lead\"></p><div id=\"controls\"></div></header>\n\
         <main>\n<noscript><p>{no_script}</p></noscript>\n\
         <section id=\"overview\"></section>\n\
         <section id=\"detail\" hidden aria-live=\"polite\"></section>\n</main>\n\
         <footer id=\"footer\"></footer>\n\
         <script type=\"application/json\" id=\"data\">{json}</script>\n\
         <script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_nan_is_null() {
        assert_eq!(number(0.1).to_string(), "0.1");
        assert_eq!(number(-2.0).to_string(), "-2.0");
        assert_eq!(number(f32::NAN), Value::Null);
    }

    #[test]
    fn data_cannot_close_its_script_element() {
        let text = inline_json(&json!({ "a": "</script><b>&" }));
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back["a"], "</script><b>&");
    }

    #[test]
    fn the_digits_start_at_the_one_asked_for_and_wrap_round() {
        assert_eq!(digit_choice(0, 360).len(), DIGITS);
        assert_eq!(digit_choice(350, 360)[10], 0);
        assert_eq!(digit_choice(2, 3), vec![2, 0, 1]);
    }
}
