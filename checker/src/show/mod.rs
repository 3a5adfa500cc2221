//! `show`: the lecture's CNN Explainer in the terminal, driven by the student's own code.
//!
//! [`model`] computes what to draw by running harnesses (the student's modules, and the
//! reference's where those fail); [`render`] draws frames, heatmaps and bar charts as
//! text, [`png`] as pictures, from the same plain data; [`player`] steps through frames.

pub mod model;
pub mod player;
pub mod png;
pub mod render;

use crate::lang::Lang;
use crate::messages::RUN;

/// After a lesson of one of these modules passes, the `show` that draws it, in a line
/// for the closing message (none for other modules).
pub fn suggestion(lang: Lang, module: &str) -> Option<String> {
    let text = match (module, lang) {
        ("conv", Lang::Ja) => format!(
            "あなたの conv2d がカーネルをずらしていくようすを見てみましょう：`{RUN} show conv`"
        ),
        ("conv", Lang::En) => {
            format!(
                "Watch your conv2d slide the kernel over the lecture's image: `{RUN} show conv`"
            )
        }
        ("pool", Lang::Ja) => {
            format!("あなたの max_pool2d が画像を縮めるようすを見てみましょう：`{RUN} show pool`")
        }
        ("pool", Lang::En) => format!("Watch your max_pool2d shrink an image: `{RUN} show pool`"),
        ("cnn", Lang::Ja) => format!(
            "あなたの CNN の各層が手書き数字をどう見ているか、のぞいてみましょう：`{RUN} show cnn`"
        ),
        ("cnn", Lang::En) => {
            format!(
                "See what each layer of your CNN makes of a handwritten digit: `{RUN} show cnn`"
            )
        }
        ("digits", Lang::Ja) => {
            format!("ほかの数字も読ませてみましょう（0〜359）：`{RUN} show cnn --digit 42`")
        }
        ("digits", Lang::En) => {
            format!("Let your network read other digits (0-359): `{RUN} show cnn --digit 42`")
        }
        _ => return None,
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passing_conv_pool_cnn_or_digits_suggests_the_matching_show() {
        for module in ["conv", "pool", "cnn", "digits"] {
            let en = suggestion(Lang::En, module).unwrap_or_default();
            let ja = suggestion(Lang::Ja, module).unwrap_or_default();
            assert!(en.contains(&format!("{RUN} show ")), "{en}");
            assert!(
                ja.contains(&format!("{RUN} show ")) && !ja.contains("Watch"),
                "{ja}"
            );
        }
        assert_eq!(suggestion(Lang::En, "unit"), None);
    }
}
