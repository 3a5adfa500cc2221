//! Drawing what a student's own code computed, when a lesson passes: handwritten digits
//! with what their network read (the wrong ones first), the loss their training brought
//! down. Plain text fitted to the width: an ASCII ramp without colour, a grey scale
//! with it. The values come from the verdict ([`Exhibit`]); nothing here runs code.

use crate::lesson::Show;
use crate::messages::Msg;
use crate::paint::Colorize;
use crate::verdict::Exhibit;
use cnnlings_runtime::Value;
use unicode_width::UnicodeWidthStr;

/// Where an exhibit is drawn: the full report of `check` and `next`, or watch mode's
/// screen, which has room for fewer digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    Report,
    Watch,
}

/// The exhibit drawn, ending with a newline; empty if its values are not what its view
/// draws (the lesson was checked for that when it loaded, so this is a harness fault).
pub fn render(exhibit: &Exhibit, msg: Msg, color: bool, width: usize, room: Room) -> String {
    match exhibit.show {
        Show::Predictions { images, labels } => {
            let (Some(images), Some(labels)) =
                (exhibit.inputs.get(images), exhibit.inputs.get(labels))
            else {
                return String::new();
            };
            // Watch mode's screen (80 × 24) holds the count, not the pictures: `check`
            // and `next` draw them.
            let count = match room {
                Room::Report => 8,
                Room::Watch => 0,
            };
            digits(images, labels, &exhibit.output, msg, color, width, count).unwrap_or_default()
        }
        Show::LossCurve {
            accuracy,
            start_accuracy,
        } => {
            let height = match room {
                Room::Report => PLOT_HEIGHT,
                Room::Watch => PLOT_HEIGHT_WATCH,
            };
            let part = |part: Option<usize>| match (part, &exhibit.whole) {
                (Some(i), Some(Value::Tuple(parts))) => {
                    parts.get(i).and_then(|p| p.as_scalar::<f32>())
                }
                _ => None,
            };
            let accuracy = Accuracy {
                before: part(start_accuracy),
                after: part(accuracy),
            };
            loss_curve(&exhibit.output, accuracy, msg, width, height)
        }
    }
}

/// The numbers of an array value, with its shape.
fn numbers(value: &Value) -> Option<(&[usize], Vec<f64>)> {
    match value {
        Value::Array { shape, cells } => Some((
            shape,
            (0..cells.len())
                .map(|i| cells.number(i))
                .collect::<Option<_>>()?,
        )),
        Value::Tuple(_) => None,
    }
}

fn digits(
    images: &Value,
    labels: &Value,
    predicted: &Value,
    msg: Msg,
    color: bool,
    width: usize,
    count: usize,
) -> Option<String> {
    let (shape, pixels) = numbers(images)?;
    let &[n, h, w] = shape else { return None };
    let labels: Vec<usize> = numbers(labels)?.1.iter().map(|&x| x as usize).collect();
    let predicted: Vec<usize> = numbers(predicted)?.1.iter().map(|&x| x as usize).collect();
    if labels.len() != n || predicted.len() != n || n == 0 {
        return None;
    }
    let right = (0..n).filter(|&i| labels[i] == predicted[i]).count();
    let fit = |text: String| crate::text::fit(&text, Some(width));
    let mut out = format!(
        "{}\n",
        fit(msg.digits_read(right, n, 100.0 * right as f64 / n as f64))
    );
    // The wrong ones first, then the right ones, each in the data's order.
    let wrong = (0..n).filter(|&i| labels[i] != predicted[i]);
    let shown: Vec<usize> = wrong
        .chain((0..n).filter(|&i| labels[i] == predicted[i]))
        .take(count)
        .collect();
    if shown.is_empty() {
        return Some(out);
    }
    let wrong_shown = shown.iter().filter(|&&i| labels[i] != predicted[i]).count();
    out.push_str(&format!(
        "{}\n\n",
        fit(msg.digits_drawn(n - right, wrong_shown, shown.len()))
    ));
    // The darkest pixel of all sets the scale (the data's are 0–16; normalised, 0–1).
    let top = pixels
        .iter()
        .copied()
        .fold(0.0f64, f64::max)
        .max(f64::MIN_POSITIVE);
    // Two characters a pixel, so that a digit is about as wide as it is tall.
    let cell = (2 * w).max(10);
    let gap = 3;
    let per_row = ((width + gap) / (cell + gap)).clamp(1, shown.len());
    // One line of the row of digits: a text for each, `cell` columns wide, `gap` apart.
    let mut put_line = |texts: &[String]| {
        let mut line = String::new();
        for (k, text) in texts.iter().enumerate() {
            if k > 0 {
                line.push_str(&" ".repeat(gap));
            }
            line.push_str(text);
            // Colour codes take no room: pad by what is seen.
            let seen = crate::text::visible_width(text);
            line.push_str(&" ".repeat(cell.saturating_sub(seen)));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    };
    for row in shown.chunks(per_row) {
        for y in 0..h {
            let drawn: Vec<String> = (row.iter())
                .map(|&i| {
                    let level = |x: usize| (pixels[(i * h + y) * w + x] / top).clamp(0.0, 1.0);
                    (0..w).map(|x| pixel(level(x), color)).collect()
                })
                .collect();
            put_line(&drawn);
        }
        let captions = [
            row.iter()
                .map(|&i| msg.digit_label(labels[i]))
                .collect::<Vec<_>>(),
            row.iter()
                .map(|&i| {
                    let mark = match (labels[i] == predicted[i], color) {
                        (true, true) => "✓".green().to_string(),
                        (true, false) => "✓".to_string(),
                        (false, true) => "✗".red().bold().to_string(),
                        (false, false) => "✗".to_string(),
                    };
                    format!("{} {mark}", msg.digit_read(predicted[i]))
                })
                .collect(),
        ];
        for texts in captions {
            put_line(&texts);
        }
        put_line(&[]);
    }
    Some(out)
}

/// One pixel, two characters: a grey background with colour (0 white, the most ink
/// black), else the ASCII ramp.
fn pixel(level: f64, color: bool) -> String {
    if color {
        // The 24 greys of the 256-colour palette, 232 (black) to 255 (white): as the
        // digits lesson says, 0 is white and the most ink (16) black.
        let grey = 255 - (level * 23.0).round() as u8;
        format!("\x1b[48;5;{grey}m  \x1b[0m")
    } else {
        // The ramp of `show` and of the digits lesson's own drawing: `. `, `::`, `oo`, `##`.
        crate::show::render::ramp_cell(level as f32)
    }
}

/// Rows of the plot in a report, and on watch mode's screen (80 × 24 holds the rest).
const PLOT_HEIGHT: usize = 8;
const PLOT_HEIGHT_WATCH: usize = 4;

/// The network's accuracy on the test images, before and after training, where known.
struct Accuracy {
    before: Option<f32>,
    after: Option<f32>,
}

fn loss_curve(series: &Value, accuracy: Accuracy, msg: Msg, width: usize, height: usize) -> String {
    let Some((_, losses)) = numbers(series) else {
        return String::new();
    };
    if losses.is_empty() {
        return String::new();
    }
    let finite: Vec<f64> = losses.iter().copied().filter(|x| x.is_finite()).collect();
    let fit = |text: String| crate::text::fit(&text, Some(width));
    let mut out = format!("{}\n\n", fit(msg.loss_curve_title()));
    if finite.is_empty() {
        out.push_str(&format!("{}\n", fit(msg.loss_not_numbers())));
        return out;
    }
    // The axis starts at 0 when no loss is below it (a loss usually is not), so a rise of
    // 16.085 to 16.118 looks as small as it is, not like a climb over the whole height.
    let low = finite.iter().copied().fold(0.0, f64::min);
    let high = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let labels = [format!("{high:.3}"), format!("{low:.3}")];
    let margin = labels.iter().map(String::len).max().unwrap_or(0);
    // Columns per epoch: as wide as fits, at most 6; more epochs than columns are
    // sampled evenly, the last one kept.
    let axis_name = msg.epoch_axis();
    let room = width
        .saturating_sub(margin + 2 + 2 + UnicodeWidthStr::width(axis_name.as_str()))
        .max(1);
    let every = losses.len().div_ceil(room);
    let mut points: Vec<f64> = losses.iter().copied().step_by(every).collect();
    if every > 1 && (losses.len() - 1) % every != 0 {
        points.pop();
        points.push(losses[losses.len() - 1]);
    }
    let step = (room / points.len()).clamp(1, 6);
    let row_of = |x: f64| -> usize {
        if high > low {
            (((high - x) / (high - low)) * (height - 1) as f64).round() as usize
        } else {
            height / 2
        }
    };
    for r in 0..height {
        let label = match r {
            0 => labels[0].as_str(),
            r if r == height - 1 => labels[1].as_str(),
            _ => "",
        };
        let mut line = format!("{label:>margin$} |");
        for &x in &points {
            let mark = if x.is_finite() && row_of(x) == r {
                '*'
            } else {
                ' '
            };
            line.push_str(&" ".repeat(step - 1));
            line.push(mark);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&format!(
        "{:>margin$} +{}\n",
        "",
        "-".repeat(step * points.len())
    ));
    // The first and the last epoch under their points, and what the axis counts.
    let last = losses.len().to_string();
    let mut axis = format!("{:>margin$}  {:>w$}", "", "1", w = step);
    let filled = step * points.len();
    if points.len() > 1 {
        let pad = filled.saturating_sub(step + last.len());
        axis.push_str(&" ".repeat(pad));
        axis.push_str(&last);
    }
    out.push_str(&format!("{axis}  {axis_name}\n"));
    if let (Some(first), Some(final_)) = (
        losses.iter().copied().find(|x| x.is_finite()),
        losses.iter().copied().rev().find(|x| x.is_finite()),
    ) {
        out.push_str(&format!(
            "\n{}\n",
            fit(msg.loss_change(first, final_, losses.len()))
        ));
    }
    let percent = |a: f32| 100.0 * f64::from(a);
    let said = match (accuracy.before, accuracy.after) {
        (Some(before), Some(after)) => {
            Some(msg.accuracy_before_after(percent(before), percent(after)))
        }
        (None, Some(after)) => Some(msg.trained_accuracy(percent(after))),
        _ => None,
    };
    if let Some(said) = said {
        out.push_str(&format!("{}\n", fit(said)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn digits_exhibit(labels: Vec<usize>, predicted: Vec<usize>) -> Exhibit {
        let n = labels.len();
        // Image i has ink in its first i + 1 pixels, so each is told apart.
        let pixels: Vec<f32> = (0..n * 4)
            .map(|k| if k % 4 <= k / 4 { 16.0 } else { 0.0 })
            .collect();
        Exhibit {
            test: 0,
            show: Show::Predictions {
                images: 0,
                labels: 1,
            },
            output: Value::array(vec![n], predicted),
            inputs: vec![
                Value::array(vec![n, 2, 2], pixels),
                Value::array(vec![n], labels),
            ],
            whole: None,
        }
    }

    #[test]
    fn digits_count_the_right_ones_and_draw_the_wrong_ones_first() {
        let exhibit = digits_exhibit(vec![1, 2, 3, 4], vec![1, 7, 3, 9]);
        let out = render(&exhibit, Msg(Lang::En), false, 80, Room::Report);
        assert!(
            out.contains("read 2 of the 4 digits right: 50.0 %"),
            "{out}"
        );
        assert!(
            out.contains("Here are the 2 it misread, then 2 it read right."),
            "{out}"
        );
        // Only misread digits drawn: said so, not 'the wrong ones first'.
        assert_eq!(
            Msg(Lang::Ja).digits_drawn(10, 8, 8),
            "読み間違えた数字のうち 8 枚を描きます。"
        );
        assert_eq!(
            Msg(Lang::En).digits_drawn(10, 8, 8),
            "Here are 8 of the 10 it misread."
        );
        let labels = out.lines().find(|l| l.starts_with("label")).unwrap_or("");
        let order: Vec<&str> = labels
            .split("label")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(order, ["2", "4", "1", "3"], "{out}");
        assert_eq!(out.matches('✗').count(), 2, "{out}");
    }

    #[test]
    fn digits_fit_the_width_and_a_watch_screen_draws_fewer() {
        let exhibit = digits_exhibit((0..10).collect(), (0..10).collect());
        let report = render(&exhibit, Msg(Lang::Ja), false, 40, Room::Report);
        assert!(
            report.lines().all(|l| UnicodeWidthStr::width(l) <= 40),
            "{report}"
        );
        // Wherever the sentence is wrapped, it is all there.
        let joined: String = report.lines().collect::<String>().replace(' ', "");
        assert!(
            joined.contains("10枚を正しく読みました（正解率100.0%）"),
            "{report}"
        );
        assert_eq!(report.matches("正解 ").count(), 8);
        let watch = render(&exhibit, Msg(Lang::En), false, 80, Room::Watch);
        assert_eq!(watch.matches("label").count(), 0);
        assert_eq!(watch.lines().count(), 1, "{watch}");
        assert!(watch.contains("read 10 of the 10 digits right"), "{watch}");
    }

    #[test]
    fn digits_with_colour_are_grey_cells_and_marks_are_coloured() {
        crate::paint::set_enabled(true);
        let exhibit = digits_exhibit(vec![1, 2], vec![1, 5]);
        let out = render(&exhibit, Msg(Lang::En), true, 80, Room::Report);
        assert!(out.contains("\x1b[48;5;255m  "), "{out:?}");
        assert!(out.contains("\x1b[48;5;232m  "), "{out:?}");
    }

    #[test]
    fn digits_of_the_wrong_shape_draw_nothing() {
        let mut exhibit = digits_exhibit(vec![1, 2], vec![1, 2]);
        exhibit.output = Value::array(vec![3], vec![1usize, 2, 3]);
        assert_eq!(render(&exhibit, Msg(Lang::En), false, 80, Room::Report), "");
    }

    fn curve(losses: Vec<f32>) -> String {
        curve_in(losses, Lang::En, Room::Report)
    }

    fn curve_in(losses: Vec<f32>, lang: Lang, room: Room) -> String {
        let exhibit = Exhibit {
            test: 0,
            show: Show::LossCurve {
                accuracy: None,
                start_accuracy: None,
            },
            output: Value::array(vec![losses.len()], losses),
            inputs: vec![],
            whole: None,
        };
        render(&exhibit, Msg(lang), false, 80, room)
    }

    #[test]
    fn a_falling_loss_is_plotted_from_top_left_to_bottom_right() {
        let out = curve(vec![2.0, 1.0, 0.5, 0.25]);
        let rows: Vec<&str> = out.lines().filter(|l| l.contains('|')).collect();
        assert_eq!(rows.len(), PLOT_HEIGHT);
        assert!(
            rows[0].starts_with("2.000 |") && rows[0].ends_with('*'),
            "{out}"
        );
        assert!(rows[PLOT_HEIGHT - 1].starts_with("0.000 |"), "{out}");
        assert!(!rows[PLOT_HEIGHT - 1].contains('*'), "{out}");
        assert!(rows[PLOT_HEIGHT - 2].ends_with('*'), "{out}");
        assert!(
            out.contains("The loss fell from 2.000 to 0.250 in 4 epochs."),
            "{out}"
        );
        assert!(out.lines().all(|l| l.len() <= 80), "{out}");
    }

    #[test]
    fn a_small_rise_stays_small_because_the_axis_starts_at_zero() {
        let out = curve(vec![16.085, 16.1, 16.118]);
        let rows: Vec<&str> = out.lines().filter(|l| l.contains('|')).collect();
        assert_eq!(rows[0].matches('*').count(), 3, "{out}");
        assert!(rows[PLOT_HEIGHT - 1].starts_with(" 0.000 |"), "{out}");
        assert!(out.contains("The loss rose from 16.085 to 16.118"), "{out}");
        let negative = curve(vec![1.0, -1.0]);
        assert!(negative.contains("-1.000 |"), "{negative}");
    }

    #[test]
    fn one_point_a_flat_series_and_nan_are_drawn_without_panicking() {
        let one = curve(vec![0.5]);
        assert_eq!(one.matches('*').count(), 1, "{one}");
        let flat = curve(vec![1.0, 1.0, 1.0]);
        assert_eq!(flat.matches('*').count(), 3, "{flat}");
        let nan = curve(vec![f32::NAN, 1.0, f32::INFINITY, 0.5]);
        assert_eq!(nan.matches('*').count(), 2, "{nan}");
        assert!(nan.contains("fell from 1.000 to 0.500"), "{nan}");
        let none = curve(vec![f32::NAN]);
        assert!(none.contains("not numbers"), "{none}");
        assert_eq!(curve(vec![]), "");
    }

    #[test]
    fn watch_mode_draws_a_lower_plot() {
        let out = curve_in(vec![1.0, 0.5, 0.25], Lang::Ja, Room::Watch);
        assert_eq!(out.lines().filter(|l| l.contains('|')).count(), 4, "{out}");
        assert!(
            out.contains("損失は 3 エポックで 1.000 から 0.250 に下がりました。"),
            "{out}"
        );
        assert!(!out.chars().any(|c| c.is_ascii_alphabetic()), "{out}");
    }

    #[test]
    fn the_trained_accuracy_follows_the_curve() {
        let losses = Value::array(vec![2], vec![0.7f32, 0.1]);
        let exhibit = Exhibit {
            test: 0,
            show: Show::LossCurve {
                accuracy: Some(0),
                start_accuracy: None,
            },
            output: losses.clone(),
            inputs: vec![],
            whole: Some(Value::Tuple(vec![Value::scalar(0.9722f32), losses.clone()])),
        };
        let out = render(&exhibit, Msg(Lang::Ja), false, 80, Room::Report);
        assert!(out.contains("正解率は 97.2 %"), "{out}");
        // Where the network started, beside where it ended.
        let exhibit = Exhibit {
            show: Show::LossCurve {
                accuracy: Some(0),
                start_accuracy: Some(2),
            },
            whole: Some(Value::Tuple(vec![
                Value::scalar(0.9722f32),
                losses,
                Value::scalar(0.0972f32),
            ])),
            ..exhibit
        };
        let out = render(&exhibit, Msg(Lang::Ja), false, 200, Room::Report);
        assert!(
            out.contains("テスト用の数字での正解率は、学習の前の 9.7 % から、学習の後は 97.2 % になりました。"),
            "{out}"
        );
        let out = render(&exhibit, Msg(Lang::En), false, 200, Room::Report);
        assert!(
            out.contains("Your network read 9.7 % of the test digits right before training, and 97.2 % after."),
            "{out}"
        );
    }

    #[test]
    fn a_long_series_fits_the_width() {
        let long: Vec<f32> = (0..200).map(|i| 1.0 / (1.0 + i as f32)).collect();
        let out = curve(long);
        assert!(out.lines().all(|l| l.len() <= 80), "{out}");
        assert!(out.contains(" 200  epoch"), "{out}");
    }
}
