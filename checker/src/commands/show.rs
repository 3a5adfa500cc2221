//! `show conv|pool|cnn`: the student's own code at work, frame by frame or as a screen.

use crate::app::App;
use crate::cli::ShowWhat;
use crate::exit::Exit;
use crate::lang::say;
use crate::show::render::{self, Depth, Style};
use crate::show::{model, player, png};
use anyhow::Result;
use std::io::IsTerminal;
use std::path::Path;

impl<'c> App<'c> {
    pub(crate) fn show(
        &mut self,
        what: ShowWhat,
        no_animate: bool,
        test: Option<usize>,
        digit: usize,
        png_dir: Option<&Path>,
    ) -> Result<Exit> {
        let style = Style {
            lang: self.ui.lang,
            color: self.ui.color,
            depth: Depth::detect(self.ui.color),
        };
        let ui = self.ui;
        let on_first_build = || eprintln!("{}", ui.fit(&ui.msg().preparing()));
        let runner = model::Runner {
            course: self.course,
            color: self.ui.color,
            on_first_build: &on_first_build,
        };
        let layout = &self.course.layout;
        // `show` draws the course's own modules; a course without them has nothing to show.
        let module = match what {
            ShowWhat::Conv => "conv",
            ShowWhat::Pool => "pool",
            ShowWhat::Cnn => "cnn",
        };
        let needed: &[&str] = match what {
            ShowWhat::Cnn => &["unit", "dense", "conv", "pool", "cnn"],
            _ => &[module],
        };
        let missing = needed
            .iter()
            .find(|m| !self.course.lessons.iter().any(|l| l.module == **m));
        // A lesson whose file is broken is said so, as when it is checked.
        let broken = missing.and_then(|m| {
            (self.course.broken.iter()).find(|b| b.module.as_deref().unwrap_or(&b.id) == *m)
        });
        if let Some(broken) = broken {
            print!("{}", self.broken_report(broken));
            return Ok(Exit::Usage);
        }
        if let Some(missing) = missing {
            let text = say!(self.ui.lang,
                ja: format!("このコースには `{missing}` のレッスンがないので、`show {module}` は使えません。"),
                en: format!("This course has no `{missing}` lesson, so there is nothing for `show {module}` to draw."),
            );
            eprintln!("{}", self.ui.fit(&text));
            return Ok(Exit::Usage);
        }
        let written = match what {
            ShowWhat::Conv | ShowWhat::Pool => {
                let example = match test {
                    None => model::lecture(module),
                    Some(n) => {
                        let examples = model::lesson_examples(self.course, module);
                        match n.checked_sub(1).and_then(|i| examples.get(i)) {
                            Some((_, example)) => example.clone(),
                            None => {
                                let mut text = say!(self.ui.lang,
                                    ja: format!("`show {module} --test N` で見られるレッスンのテストです：\n"),
                                    en: format!("The lesson's tests that `show {module} --test N` shows:\n"),
                                );
                                for (i, (name, _)) in examples.iter().enumerate() {
                                    text.push_str(&format!(
                                        "  {} {}\n",
                                        i + 1,
                                        self.ui.lang.pick(name)
                                    ));
                                }
                                print!("{text}");
                                return Ok(if n == 0 { Exit::Passed } else { Exit::Usage });
                            }
                        }
                    }
                };
                let sliding = model::slide(&runner, example)?;
                let name = module;
                let file = layout.show(&layout.exercise(module));
                let frames = render::sliding_frames(&style, &sliding, &file);
                let keys = !no_animate
                    && std::io::stdout().is_terminal()
                    && std::io::stdin().is_terminal();
                if !(keys && player::play(&frames, self.ui.lang)) {
                    print!("{}", frames.join("\n"));
                }
                match png_dir {
                    Some(dir) => png::sliding(dir, name, &sliding),
                    None => Ok(Vec::new()),
                }
            }
            ShowWhat::Cnn => {
                let data = model::digits(self.course)?;
                if digit >= data.images.len() {
                    let last = data.images.len().saturating_sub(1);
                    let text = say!(self.ui.lang,
                        ja: format!("テスト用の数字は 0 から {last} までです（--digit {digit} はありません）。"),
                        en: format!("The test digits are numbered 0 to {last} (there is no --digit {digit})."),
                    );
                    eprintln!("{}", self.ui.fit(&text));
                    return Ok(Exit::Usage);
                }
                let network = model::network(&runner, &data, digit)?;
                let file = layout.show(&layout.exercise("cnn"));
                print!("{}", render::network_screen(&style, &network, &file));
                match png_dir {
                    Some(dir) => png::network(dir, &network),
                    None => Ok(Vec::new()),
                }
            }
        };
        let written = match written {
            Ok(written) => written,
            Err(error) => {
                let dir = png_dir.map(|d| d.display().to_string()).unwrap_or_default();
                let text = say!(self.ui.lang,
                    ja: format!("PNG ファイルを {dir} に書き出せません：{error:#}"),
                    en: format!("Cannot write the PNG files into {dir}: {error:#}"),
                );
                eprintln!("{}", self.ui.fit(&text));
                return Ok(Exit::Failed);
            }
        };
        if !written.is_empty() {
            let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            let text = say!(self.ui.lang,
                ja: format!("PNG ファイルを書き出しました：{}", files.join("、")),
                en: format!("Wrote the PNG files {}.", files.join(", ")),
            );
            println!("{}", self.ui.fit(&text));
        }
        Ok(Exit::Passed)
    }
}
