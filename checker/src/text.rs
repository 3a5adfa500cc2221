//! Lesson texts in the terminal: headings, code and matrices as the instructor wrote them.

use colored::Colorize;

/// Renders a lesson text: `# headings` in bold, code blocks (fenced or indented) kept
/// exactly as written (so matrices stay aligned), `inline code` highlighted.
pub fn render(text: &str, color: bool) -> String {
    let mut out = String::new();
    let mut in_fence = false;
    for line in text.trim_matches('\n').lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        let rendered = if in_fence || line.starts_with("    ") || line.starts_with('\t') {
            let code = if in_fence {
                format!("    {line}")
            } else {
                line.to_string()
            };
            if color { code.cyan().to_string() } else { code }
        } else if let Some(heading) = line.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim();
            if color {
                heading.bold().underline().to_string()
            } else {
                heading.to_string()
            }
        } else {
            inline_code(line, color)
        };
        out.push_str(&rendered);
        out.push('\n');
    }
    out
}

fn inline_code(line: &str, color: bool) -> String {
    if !color {
        return line.to_string();
    }
    line.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                part.cyan().to_string()
            } else {
                part.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_code_blocks_and_strips_heading_marks() {
        let text = "# Convolution\nSlide the `kernel`.\n```\n0 1\n1 0\n```\n    4 3 5\n";
        assert_eq!(
            render(text, false),
            "Convolution\nSlide the `kernel`.\n    0 1\n    1 0\n    4 3 5\n"
        );
    }
}
