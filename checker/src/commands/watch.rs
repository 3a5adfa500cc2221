//! `watch`: the current lesson, checked again at every save, with keys for the rest.
//!
//! A screen is: the progress bar, the lesson, the check's result, then the keys. On a
//! terminal it fits the window: the bar, the summary and the named mistake always show,
//! and what does not fit (the failing tests in detail, a long lesson text) is cut, with
//! a key that shows it whole. The lesson text is shown the first time only; `t` shows it
//! again. `h`, `t`, `l` and `f` draw the screen again with the hint, the text, the list
//! or the whole report in place of the report, so the bar and the result stay. Keys: `h` next hint, `t` lesson text, `l` list, `n` next lesson (once passed),
//! `r` check again, `x` reset (asks first), `f` the whole report (when cut), `q` quit.
//! Only the keys that do something are offered. Without a terminal the keys are off and
//! only saves count.

use super::list::list_text;
use super::reset::{exercise_shown, is_stub, restore_stub, stub_of};
use crate::app::App;
use crate::exit::Exit;
use crate::lesson::Lesson;
use crate::messages::{Again, Key};
use crate::paint::Colorize;
use crate::pipeline::{self, Checked};
use crate::report::Report;
use crate::watch::{Event, Files, Terminal, rows};
use anyhow::Result;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

/// What watch mode is looking at.
struct Session<'c> {
    /// The lesson on screen; `None` once every lesson has passed.
    lesson: Option<&'c Lesson>,
    /// Whether the last check of `lesson` passed.
    passed: bool,
    /// The lesson's files as the last check read them, so a save that changes nothing
    /// (or the checker's own reset, already checked) is not checked twice.
    seen: Vec<Option<Vec<u8>>>,
    /// A line to show above the keys on the next screen (what a reset did).
    notice: Option<String>,
    /// The whole report, when the screen had to cut it (`f` shows it).
    cut_report: Option<String>,
    /// The check's result as the last screen showed it (the summary and the named
    /// mistake, or the pass): `h`, `t` and `l` show it again under what they show.
    verdict: String,
}

pub(crate) fn watch(app: &mut App) -> Result<Exit> {
    let m = app.ui.msg();
    let (events, rx) = mpsc::channel();
    let dir = app.course.layout.exercises.join("src");
    let files = match Files::watch(&dir, events.clone()) {
        Ok(files) => files,
        Err(e) => {
            let shown = app.course.layout.show(&dir);
            eprintln!("{}", m.watch_cannot_watch(&shown, &e.to_string()));
            return Ok(Exit::Usage);
        }
    };
    let term = Terminal::start(events);
    if !term.keys() {
        term.show(&format!("{}\n", m.watch_no_terminal()));
    }
    let mut session = Session {
        lesson: app.current(),
        passed: false,
        seen: Vec::new(),
        // What the kernel's sandbox cannot enforce here, on the first screen: a
        // line printed before it would be cleared away.
        notice: m.sandbox_missing(crate::harness::sandbox::protection()),
        cut_report: None,
        verdict: String::new(),
    };
    watch_check(app, &term, &files, &mut session);
    while let Ok(event) = rx.recv() {
        let offered = keys_offered(&term, &session);
        match event {
            Event::Saved => check_if_changed(app, &term, &files, &mut session),
            Event::WatchError(why) => {
                let dir = app.course.layout.show(&dir);
                term.show(&format!("{}\n", m.watch_cannot_watch(&dir, &why)));
            }
            Event::Key(c) if !offered.iter().any(|k| k.letter() == c) => {}
            Event::Key('q') => break,
            Event::Key('r') => watch_check(app, &term, &files, &mut session),
            Event::Key('h') => watch_hint(app, &term, &session),
            Event::Key('t') => {
                if let Some(lesson) = &session.lesson {
                    let text = app.ui.render(app.ui.lang.pick(&lesson.text));
                    let edit = app.edit_line(lesson);
                    redraw(app, &term, &session, &format!("{text}\n{edit}\n"), true);
                }
            }
            Event::Key('f') => {
                if let Some(report) = &session.cut_report {
                    // The whole report starts with the result: not twice.
                    redraw(app, &term, &session, report, false);
                }
            }
            Event::Key('l') => {
                let list = list_text(app);
                redraw(app, &term, &session, &list, true);
            }
            Event::Key('n') => {
                session.lesson = app.current();
                watch_check(app, &term, &files, &mut session);
            }
            Event::Key('x') => {
                watch_reset(app, &term, &rx, &mut session);
                check_if_changed(app, &term, &files, &mut session);
            }
            Event::Key(_) => {}
        }
    }
    Ok(Exit::Passed)
}

/// The keys that do something now, in the order the footer shows them.
fn keys_offered(term: &Terminal, session: &Session) -> Vec<Key> {
    if !term.keys() {
        return Vec::new();
    }
    let mut keys = Vec::new();
    if let Some(lesson) = &session.lesson {
        if !lesson.hints.is_empty() {
            keys.push(Key::Hint);
        }
        keys.push(Key::Text);
    }
    keys.push(Key::List);
    if session.passed && session.lesson.is_some() {
        keys.push(Key::Next);
    }
    keys.push(Key::Check);
    if session.cut_report.is_some() {
        keys.push(Key::Whole);
    }
    if session.lesson.is_some() {
        keys.push(Key::Reset);
    }
    keys.push(Key::Quit);
    keys
}

fn contents(app: &App, lesson: &Lesson) -> Vec<Option<Vec<u8>>> {
    pipeline::lesson_files(app.course, lesson)
        .iter()
        .map(|f| std::fs::read(f).ok())
        .collect()
}

fn check_if_changed<'c>(
    app: &mut App<'c>,
    term: &Terminal,
    files: &Files,
    session: &mut Session<'c>,
) {
    let changed = session
        .lesson
        .as_ref()
        .is_none_or(|lesson| contents(app, lesson) != session.seen);
    if changed {
        watch_check(app, term, files, session);
    }
}

/// Watches the files `lesson` reads, or every lesson's once all have passed.
fn watch_files(app: &App, files: &Files, lesson: Option<&Lesson>) {
    let watched: Vec<PathBuf> = match lesson {
        Some(lesson) => pipeline::lesson_files(app.course, lesson),
        None => app
            .course
            .lessons
            .iter()
            .map(|l| app.course.layout.exercise(&l.module))
            .collect(),
    };
    files.only(&watched.iter().map(PathBuf::as_path).collect::<Vec<_>>());
}

/// Checks the lesson on screen and draws the screen anew. Once every lesson has
/// passed, checks again those whose files changed since, and shows the first that
/// fails (or the end of the course).
fn watch_check<'c>(app: &mut App<'c>, term: &Terminal, files: &Files, session: &mut Session<'c>) {
    let m = app.ui.msg();
    session.cut_report = None;
    // The lessons that passed and changed since come first, as `next` checks them.
    let current = session.lesson;
    let mut lessons = app.changed_since_passing(current);
    let rechecked = lessons.len();
    lessons.extend(current);
    watch_files(app, files, session.lesson);
    if lessons.is_empty() {
        session.passed = false;
        return draw_done(app, term, session);
    }
    let ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
    term.show(&format!("\n{}\n", m.watch_checking(&ids.join(", "))));
    // Read before the check: a save during the check then counts as a change.
    let seen: Vec<_> = lessons.iter().map(|l| contents(app, l)).collect();
    let preparing = || term.show(&format!("{}\n", m.preparing()));
    let checked = match app.checker().check(&lessons, &preparing) {
        Ok(checked) if checked.len() == lessons.len() => checked,
        Ok(_) => return,
        Err(e) => {
            term.show(&format!("{} {e:#}\n", m.internal_error()));
            return;
        }
    };
    // The first changed lesson that fails now, else the lesson on screen.
    let failing = checked[..rechecked]
        .iter()
        .position(|c| !c.assessment.passed());
    let Some(shown) = failing.or(current.map(|_| rechecked)) else {
        return draw_done(app, term, session);
    };
    let lesson = lessons[shown];
    session.lesson = Some(lesson);
    session.seen = seen[shown].clone();
    session.passed = checked[shown].assessment.passed();
    // A lesson checked again because it changed had passed before.
    let was_passed = shown < rechecked;
    let mut screen = lesson_screen(app, term, session, &checked[shown], was_passed);
    // After a pass without keys, the next lesson is on screen: watch its files.
    watch_files(app, files, session.lesson);
    // Saved after the screen is made: it marks the lesson text as shown.
    if let Err(e) = app.store.save() {
        screen.push_str(&format!("{} {e:#}\n", m.internal_error()));
    }
    term.clear();
    term.show(&screen);
}

/// Every lesson has passed: the bar, the congratulations and the keys.
fn draw_done(app: &App, term: &Terminal, session: &mut Session) {
    session.verdict = format!("{}\n", app.completion());
    term.clear();
    term.show(&format!(
        "{}\n\n{}\n{}\n",
        progress_bar(app),
        session.verdict,
        footer_text(app, term, session)
    ));
}

/// The screen again with `panel` (a hint, the lesson text, the list, the whole report)
/// in place of the report: the progress bar and the heading above it, and below it
/// the result (`verdict`: unless the panel holds it) and the keys. Nothing scrolls
/// away below a screen that stays; a panel taller than the window pushes the bar up,
/// the result and the keys stay in sight.
fn redraw(app: &App, term: &Terminal, session: &Session, panel: &str, verdict: bool) {
    let mut screen = format!("{}\n\n", progress_bar(app));
    if let Some(lesson) = session.lesson {
        screen.push_str(&format!("{}\n\n", app.heading(lesson)));
    }
    screen.push_str(panel.trim_end_matches('\n'));
    screen.push_str("\n\n");
    if verdict && !session.verdict.is_empty() {
        screen.push_str(&session.verdict);
        if !session.verdict.ends_with("\n\n") {
            screen.push('\n');
        }
    }
    screen.push_str(&format!("{}\n", footer_text(app, term, session)));
    term.clear();
    term.show(&screen);
}

/// The screen of a checked lesson, built from its parts and fitted to the terminal.
fn lesson_screen<'c>(
    app: &mut App<'c>,
    term: &Terminal,
    session: &mut Session<'c>,
    checked: &Checked,
    was_passed: bool,
) -> String {
    let (lesson, assessment) = (checked.lesson, &checked.assessment);
    let m = app.ui.msg();
    let bar = progress_bar(app);
    let heading = app.heading(lesson);
    let edit = app.edit_line(lesson);
    // The text is shown the first time only; `t` shows it again.
    let text = match app.store.lesson(&lesson.id).introduced {
        true => None,
        false => Some(app.ui.render(app.ui.lang.pick(&lesson.text))),
    };
    app.store.lesson(&lesson.id).introduced = true;
    let mut result = String::new();
    let mut details = String::new();
    let mut advice = None;
    let mut pattern = None;
    if assessment.passed() {
        result = app.pass_lines(
            lesson,
            &assessment.verdict,
            checked.awarded,
            crate::exhibit::Room::Watch,
        );
        // Without keys there is no `n`: the next lesson follows at once, as with `next`.
        if !term.keys() {
            session.lesson = app.current();
            session.passed = false;
            details = up_next_watched(app, session);
        }
    } else {
        if was_passed {
            result = format!("{}\n\n", app.ui.fit(&m.passed_before(&lesson.id)));
        }
        // The screen has no room for the pictures of the failing tests: check and next draw them.
        let again = Again::Watch { keys: term.keys() };
        let report = Report::new(&app.context(), lesson, assessment, again);
        result.push_str(&report.head);
        details = report.details;
        advice = report.advice;
        pattern = report.pattern;
    }
    session.verdict = result.clone();
    let mut bottom = String::new();
    if let Some(advice) = &advice {
        bottom.push_str(&format!("{advice}\n"));
    }
    // A broken lesson before this one is skipped, never silently.
    for broken in app.broken_reached(Some(lesson)) {
        let place = broken
            .problems
            .first()
            .map_or_else(|| broken.file.clone(), |p| broken.place(p));
        let note = m.broken_skipped(broken.position + 1, &broken.id, &place);
        bottom.push_str(&format!("\n{}\n", app.ui.fit(&note)));
    }
    if let Some(notice) = session.notice.take() {
        bottom.push_str(&format!("\n{}\n", app.ui.fit(&notice)));
    }

    // What must show: the bar, the heading, the result and the bottom. The text and
    // the details share the rows that are left, the text first.
    let top = format!("{bar}\n\n{heading}\n");
    let Some((width, height)) = term.size() else {
        let text = text.map(|t| format!("\n{t}\n")).unwrap_or_default();
        session.cut_report = None;
        let footer = footer_text(app, term, session);
        return format!("{top}{text}{edit}\n\n{result}{details}{bottom}\n{footer}\n");
    };
    let mut full_report = format!("{result}{details}");
    if let Some(advice) = &advice {
        full_report.push_str(&format!("{advice}\n"));
    }
    // The footer's keys depend on whether the report is cut: count it with `f`.
    session.cut_report = Some(String::new());
    let footer = footer_text(app, term, session);
    let fixed = rows(&top, width)
        + rows(&format!("{edit}\n\n"), width)
        + rows(&result, width)
        + rows(&bottom, width)
        + rows(&format!("\n{footer}\n"), width)
        // The line the cursor rests on.
        + 1;
    // One row stays for the details, if only for the note that they are cut.
    let for_details = usize::from(!details.is_empty());
    let mut left = height.saturating_sub(fixed + for_details);
    // The pattern sentence of the details ("every sign flipped") is the most useful line
    // of a report: when the text and the details do not both fit, rows are kept for it
    // below the result, in case the cut details would hide it.
    let text_rows = text
        .as_ref()
        .map_or(0, |t| rows(&format!("\n{t}\n"), width));
    let lifted = match &pattern {
        Some(sentence) if text_rows + rows(&details, width) > left + for_details => {
            format!("\n{}\n", app.ui.fit(sentence))
        }
        _ => String::new(),
    };
    left = left.saturating_sub(rows(&lifted, width));
    let text = text.map(|t| {
        let t = format!("\n{t}\n");
        // A cut text ends with a note and a blank line: one row is kept for the blank.
        let (shown, cut) = fit(&t, width, left.saturating_sub(1));
        let t = match cut {
            0 => shown,
            _ => format!("{shown}{}\n\n", app.ui.fit(&m.watch_text_cut(cut))),
        };
        left = left.saturating_sub(rows(&t, width));
        t
    });
    let (mut details_shown, mut cut) = fit(&details, width, left + for_details);
    // The details shown say the pattern themselves: its rows go back to them.
    let in_details = |shown: &str| {
        let start: String = pattern.iter().flat_map(|p| p.chars().take(12)).collect();
        shown.contains(&start)
    };
    let lifted = match lifted.is_empty() || !in_details(&details_shown) {
        true => lifted,
        false => {
            (details_shown, cut) = fit(&details, width, left + for_details + rows(&lifted, width));
            String::new()
        }
    };
    let details_shown = match cut {
        0 => details_shown,
        _ => format!("{details_shown}{}\n", app.ui.fit(&m.watch_report_cut(cut))),
    };
    session.cut_report = (cut > 0).then_some(full_report);
    let footer = footer_text(app, term, session);
    let text = text.unwrap_or_default();
    format!("{top}{text}{edit}\n\n{result}{lifted}{details_shown}{bottom}\n{footer}\n")
}

/// The lesson after a pass, introduced, and its files watched from now on.
fn up_next_watched<'c>(app: &mut App<'c>, session: &mut Session<'c>) -> String {
    let Some(next) = session.lesson else {
        return format!("\n{}\n", app.completion());
    };
    app.store.lesson(&next.id).introduced = true;
    session.seen = contents(app, next);
    format!("\n{}\n\n{}", app.ui.msg().up_next(), app.introduce(next))
}

fn progress_bar(app: &App) -> String {
    let done = app.lessons_done();
    let total = app.course.total();
    let (full, empty) = ("■".repeat(done), "□".repeat(total.saturating_sub(done)));
    let full = app.ui.paint(&full, |s| s.green());
    format!(
        "[{full}{empty}] {}",
        app.ui.msg().watch_progress(done, total)
    )
}

/// What saving does, and the keys that do something now (when there are keys).
fn footer_text(app: &App, term: &Terminal, session: &Session) -> String {
    let m = app.ui.msg();
    let mut footer = String::new();
    if let Some(lesson) = &session.lesson {
        footer.push_str(&app.ui.fit(&m.watch_on_save(&exercise_shown(app, lesson))));
    }
    let keys = keys_offered(term, session);
    if !keys.is_empty() {
        let width = term.size().map_or(usize::MAX, |(w, _)| w);
        let keys = m.watch_keys(&keys, width);
        let keys = app.ui.paint(&keys, |s| s.bold());
        if !footer.is_empty() {
            footer.push('\n');
        }
        footer.push_str(&keys);
    }
    footer
}

/// `h`: the next hint of the lesson on screen, remembered as `hint` remembers it.
fn watch_hint(app: &mut App, term: &Terminal, session: &Session) {
    let m = app.ui.msg();
    let Some(lesson) = &session.lesson else {
        return;
    };
    if lesson.hints.is_empty() {
        redraw(app, term, session, &m.no_hints(&lesson.id), true);
        return;
    }
    let total = lesson.hints.len();
    let shown = (app.store.lesson(&lesson.id).hints + 1).min(total);
    let heading = m.hint_heading(shown, total);
    let heading = app.ui.paint(&heading, |s| s.bold());
    let after = if shown < total {
        m.watch_more_hints()
    } else {
        m.all_hints_shown()
    };
    let hint = app.ui.render(app.ui.lang.pick(&lesson.hints[shown - 1]));
    app.store.lesson(&lesson.id).hints = shown;
    let saved = app.store.save();
    redraw(
        app,
        term,
        session,
        &format!("{heading}\n{hint}{after}\n"),
        true,
    );
    if let Err(e) = saved {
        term.show(&format!("{} {e:#}\n", m.internal_error()));
    }
}

/// `x`: asks, then resets as `reset` does; the next screen says what happened.
fn watch_reset<'c>(
    app: &mut App<'c>,
    term: &Terminal,
    rx: &Receiver<Event>,
    session: &mut Session<'c>,
) {
    let m = app.ui.msg();
    let Some(lesson) = session.lesson else {
        return;
    };
    let file = exercise_shown(app, lesson);
    let stub = match stub_of(app, lesson) {
        Ok(stub) => stub,
        Err(why) => {
            term.show(&format!("\n{}\n", m.reset_no_stub(&file, &why)));
            return;
        }
    };
    if is_stub(app, lesson, &stub) {
        term.show(&format!("\n{}\n", m.reset_already_stub(&file)));
        return;
    }
    term.show(&format!("\n{}", m.reset_ask(&file)));
    // The answer is the next key; saves meanwhile are looked at after it.
    let answer = loop {
        match rx.recv() {
            Ok(Event::Key(c)) => break Some(c),
            Ok(_) => continue,
            Err(_) => break None,
        }
    };
    term.show(&format!("{}\n", answer.unwrap_or(' ')));
    if answer != Some('y') {
        term.show(&format!("{}\n", m.reset_declined(&file)));
        return;
    }
    match restore_stub(app, lesson, &stub) {
        Ok(restored) => {
            let backup = restored.backup.map(|b| app.course.layout.show(&b));
            session.notice = Some(m.reset_done(&file, backup.as_deref(), restored.was_passed));
        }
        Err(e) => term.show(&format!("{} {e:#}\n", m.internal_error())),
    }
}

/// The first lines of `text` that fit in `rows` terminal rows of `width` columns, with
/// one row kept for the line that says what was cut; and how many lines were cut.
fn fit(text: &str, width: usize, room: usize) -> (String, usize) {
    if rows(text, width) <= room {
        return (text.to_string(), 0);
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut used = 0;
    let mut kept = 0;
    for line in &lines {
        let need = rows(&format!("{line}\n"), width);
        if used + need + 1 > room {
            break;
        }
        used += need;
        kept += 1;
    }
    let shown = lines[..kept].iter().map(|l| format!("{l}\n")).collect();
    (shown, lines.len() - kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_keeps_whole_lines_and_counts_the_rest() {
        assert_eq!(fit("a\nb\n", 80, 2), ("a\nb\n".to_string(), 0));
        assert_eq!(fit("a\nb\nc\n", 80, 2), ("a\n".to_string(), 2));
        // A line of 100 columns takes two rows of 80.
        let long = format!("{}\nb\nc\n", "x".repeat(100));
        assert_eq!(fit(&long, 80, 4), (long.clone(), 0));
        assert_eq!(fit(&long, 80, 2), (String::new(), 3));
        assert_eq!(fit(&long, 80, 3), (format!("{}\n", "x".repeat(100)), 2));
    }
}
