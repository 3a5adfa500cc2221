//! `show NAME`: the student's own code at work, frame by frame or as a screen, as the
//! lesson that declares `[show]` with that name says (`lesson/picture.rs`).

use crate::app::App;
use crate::exit::Exit;
use crate::lesson::Lesson;
use crate::lesson::picture::View;
use crate::show::render::{self, Depth, Style};
use crate::show::{self, model, player, png};
use anyhow::Result;
use std::io::IsTerminal;
use std::path::Path;

/// A `[show]` the reference cannot draw (a stage's code that does not compile): the
/// lesson file's fault, said as such (status 2); any other error goes on up.
fn picture_fault(app: &App, error: anyhow::Error, lesson: &Lesson, what: &str) -> Result<Exit> {
    if error.downcast_ref::<model::PictureFault>().is_none() {
        return Err(error);
    }
    let m = app.ui.msg();
    eprintln!(
        "{}",
        app.ui
            .fit(&m.show_picture_broken(what, &lesson.file, &lesson.id))
    );
    Ok(Exit::Usage)
}

pub(crate) fn show(
    app: &mut App,
    what: &str,
    no_animate: bool,
    test: Option<usize>,
    digit: usize,
    png_dir: Option<&Path>,
    html: Option<&Path>,
) -> Result<Exit> {
    let style = Style {
        lang: app.ui.lang,
        color: app.ui.color,
        depth: Depth::detect(app.ui.color),
    };
    let ui = app.ui;
    let m = ui.msg();
    let on_first_build = || eprintln!("{}", ui.fit(&m.preparing()));
    let runner = model::Runner {
        course: app.course,
        color: app.ui.color,
        on_first_build: &on_first_build,
    };
    let layout = &app.course.layout;
    let course = app.course;
    let declared = (course.lessons.iter()).find_map(|l| {
        (l.picture.as_ref())
            .filter(|p| p.name == what)
            .map(|p| (l, p))
    });
    // A lesson whose file is broken is said so, as when it is checked: the lesson of
    // that name, or a module the show's lesson uses.
    let broken_module = |module: &str| {
        (course.broken.iter()).find(|b| b.module.as_deref().unwrap_or(&b.id) == module)
    };
    let broken = match declared {
        None => broken_module(what).or_else(|| course.broken.iter().find(|b| b.id == what)),
        Some((lesson, _)) => lesson.uses.iter().find_map(|m| broken_module(m)),
    };
    if let Some(broken) = broken {
        print!("{}", app.broken_report(broken));
        return Ok(Exit::Usage);
    }
    let Some((lesson, picture)) = declared else {
        let names: Vec<&str> = (course.lessons.iter())
            .filter_map(|l| l.picture.as_ref().map(|p| p.name.as_str()))
            .collect();
        eprintln!("{}", app.ui.fit(&m.no_such_show(what, &names)));
        return Ok(Exit::Usage);
    };
    let file = layout.show(&layout.exercise(&lesson.module));
    let written = match &picture.view {
        View::Slide { image, second } => {
            let function = &picture.function;
            let example = match test {
                None => (image.clone(), second.clone()),
                Some(n) => {
                    let examples = model::lesson_examples(lesson, function);
                    match n.checked_sub(1).and_then(|i| examples.get(i)) {
                        Some((_, example)) => example.clone(),
                        None => {
                            let mut text = format!("{}\n", m.show_tests(what));
                            for (i, (name, _)) in examples.iter().enumerate() {
                                text.push_str(&format!("  {} {}\n", i + 1, app.ui.lang.pick(name)));
                            }
                            print!("{text}");
                            return Ok(if n == 0 { Exit::Passed } else { Exit::Usage });
                        }
                    }
                }
            };
            let sliding = match model::slide(&runner, lesson, what, function, example) {
                Ok(sliding) => sliding,
                Err(error) => return picture_fault(app, error, lesson, what),
            };
            if let Some(path) = html {
                let page = show::html::sliding_page(app.ui.lang, &sliding, function, &file);
                return Ok(write_page(app, path, &page));
            }
            let frames = render::sliding_frames(&style, &sliding, function, &file);
            let keys =
                !no_animate && std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
            if !(keys && player::play(&frames, app.ui.lang)) {
                print!("{}", frames.join("\n"));
            }
            match png_dir {
                Some(dir) => png::sliding(dir, what, &sliding),
                None => Ok(Vec::new()),
            }
        }
        View::Network(plan) => {
            let data = model::digits(app.course, plan)?;
            if digit >= data.images.len() {
                let last = data.images.len().saturating_sub(1);
                eprintln!("{}", app.ui.fit(&m.no_such_input(last, digit)));
                return Ok(Exit::Usage);
            }
            let function = &picture.function;
            if let Some(path) = html {
                let networks = show::html::digit_choice(digit, data.images.len())
                    .into_iter()
                    .map(|index| model::network(&runner, lesson, what, plan, &data, index))
                    .collect::<Result<Vec<_>>>();
                let networks = match networks {
                    Ok(networks) => networks,
                    Err(error) => return picture_fault(app, error, lesson, what),
                };
                let page = show::html::network_page(
                    app.ui.lang,
                    &networks,
                    plan,
                    &data.weights,
                    function,
                    &file,
                );
                return Ok(write_page(app, path, &page));
            }
            let network = match model::network(&runner, lesson, what, plan, &data, digit) {
                Ok(network) => network,
                Err(error) => return picture_fault(app, error, lesson, what),
            };
            let screen = render::network_screen(&style, &network, function, &file);
            print!("{screen}");
            match png_dir {
                Some(dir) => show::overview::write(dir, what, function, &network),
                None => Ok(Vec::new()),
            }
        }
    };
    let written = match written {
        Ok(written) => written,
        Err(error) => {
            let dir = png_dir.map(|d| d.display().to_string()).unwrap_or_default();
            let text = m.png_unwritable(&dir, &format!("{error:#}"));
            eprintln!("{}", app.ui.fit(&text));
            return Ok(Exit::Failed);
        }
    };
    if !written.is_empty() {
        let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        println!("{}", app.ui.fit(&m.png_written(&files)));
    }
    Ok(Exit::Passed)
}

/// `--html FILE`: the page written (its folder made if missing), and where it is said;
/// a file that cannot be written is said, with the cause.
fn write_page(app: &App, path: &Path, page: &str) -> Exit {
    let written = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => std::fs::create_dir_all(dir),
        None => Ok(()),
    }
    .and_then(|()| std::fs::write(path, page));
    let file = path.display().to_string();
    let m = app.ui.msg();
    match written {
        Ok(()) => {
            let text = m.page_written(&file, page.len().div_ceil(1024));
            println!("{}", app.ui.fit(&text));
            Exit::Passed
        }
        Err(error) => {
            eprintln!(
                "{}",
                app.ui.fit(&m.page_unwritable(&file, &error.to_string()))
            );
            Exit::Internal
        }
    }
}
