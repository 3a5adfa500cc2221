//! `verify`: every lesson, each after those it builds on; the exit status says whether all pass.

use crate::app::App;
use crate::exit::Exit;
use crate::harness::codegen::{self, Side};
use crate::lesson::Lesson;
use crate::paint::Colorize;
use crate::pipeline::Checked;
use crate::verdict::Verdict;
use anyhow::Result;

pub(crate) fn verify(app: &mut App) -> Result<Exit> {
    let m = app.ui.msg();
    let lessons = &app.course.lessons;
    let checked = check_in_waves(app)?;
    let mut failed = Vec::new();
    // Each lesson's line in course order, broken lessons' in their places.
    let mut lines: Vec<(usize, String)> = Vec::new();
    for broken in &app.course.broken {
        failed.push((broken.position, broken.id.clone()));
        let place = broken
            .problems
            .first()
            .map_or_else(|| broken.file.clone(), |p| broken.place(p));
        let title = match &broken.title {
            Some(title) => app.ui.lang.pick(title),
            None => &broken.file,
        };
        let state = m.lesson_file_broken_short(&place);
        let line = format!("✗ {:<8} {}", broken.id, m.verify_line(title, &state));
        lines.push((broken.position, app.ui.paint(&line, |s| s.red())));
    }
    for (lesson, checked) in lessons.iter().zip(&checked) {
        let assessment = match checked {
            Ok(checked) => &checked.assessment,
            Err(waited_for) => {
                failed.push((app.position(lesson), lesson.id.clone()));
                let state = m.lesson_waiting_short(&lessons[*waited_for].id);
                let title = app.ui.lang.pick(&lesson.title);
                let line = format!("✗ {:<8} {}", lesson.id, m.verify_line(title, &state));
                lines.push((app.position(lesson), app.ui.paint(&line, |s| s.red())));
                continue;
            }
        };
        let verdict = &assessment.verdict;
        let (mark, state) = if verdict.passed() {
            ("✓", m.lesson_passed_short().to_string())
        } else {
            failed.push((app.position(lesson), lesson.id.clone()));
            let state = match verdict {
                Verdict::CompileError { .. } | Verdict::CargoFailed(_) | Verdict::Unreadable(_) => {
                    m.lesson_no_compile_short()
                }
                Verdict::LessonFault(_) => m.lesson_broken_short(),
                _ if assessment.not_started() => m.lesson_not_started_short(),
                _ => m.lesson_failed_short(),
            };
            // A lesson that fails because of an earlier one says which to fix first.
            let state = match &assessment.blame {
                Some(blame) if blame.reason != crate::blame::Reason::PanickedOnArguments => {
                    m.lesson_blamed_short(state, &blame.lesson)
                }
                _ => state.to_string(),
            };
            ("✗", state)
        };
        let title = app.ui.lang.pick(&lesson.title);
        let line = format!("{mark} {:<8} {}", lesson.id, m.verify_line(title, &state));
        let line = match verdict.passed() {
            true => app.ui.paint(&line, |s| s.green()),
            false => app.ui.paint(&line, |s| s.red()),
        };
        lines.push((app.position(lesson), line));
    }
    lines.sort_by_key(|(position, _)| *position);
    for (_, line) in lines {
        println!("{line}");
    }
    println!();
    failed.sort();
    let failed: Vec<String> = failed.into_iter().map(|(_, id)| id).collect();
    if failed.is_empty() {
        println!("{}", m.verify_passed(lessons.len()));
        Ok(Exit::Passed)
    } else {
        println!("{}", app.ui.fit(&m.verify_failed(&failed.join(", "))));
        // A broken lesson is a lesson-file error, whether its file does not load or
        // the lesson fails when it runs.
        let broken = !app.course.broken.is_empty()
            || (checked.iter().flatten())
                .any(|c| matches!(c.assessment.verdict, Verdict::LessonFault(_)));
        Ok(if broken { Exit::Usage } else { Exit::Failed })
    }
}

/// Every lesson of the course checked and recorded, or the lesson it waited for (its
/// progress then stays as it was). Lessons are checked in waves, each lesson once every lesson whose module its harness
/// compiles in has been judged: when one of those did not pass (failed, did not
/// build, timed out), the lesson is neither built nor run, and waits for the
/// earliest such lesson (a `conv2d` that loops forever would otherwise run into the
/// time limit of every lesson built on it, the optimised `train` included).
fn check_in_waves<'c>(app: &mut App<'c>) -> Result<Vec<Result<Checked<'c>, usize>>> {
    let lessons = &app.course.lessons;
    // The lessons each lesson's harness compiles in, its own aside.
    let needs: Vec<Vec<usize>> = (0..lessons.len())
        .map(|i| {
            let (mounted, _) = codegen::mount(app.course, i, Side::Student);
            let mut needs: Vec<usize> = mounted
                .iter()
                .filter_map(|m| m.lesson.filter(|&j| j != i))
                .collect();
            needs.sort_unstable();
            needs
        })
        .collect();
    let mut judged: Vec<Option<Result<Checked<'c>, usize>>> =
        lessons.iter().map(|_| None).collect();
    loop {
        let mut wave = Vec::new();
        let mut waiting = false;
        for (i, needs) in needs.iter().enumerate() {
            if judged[i].is_some() {
                continue;
            }
            let mut ready = true;
            for &j in needs {
                match &judged[j] {
                    Some(Ok(checked)) if checked.assessment.passed() => {}
                    Some(Ok(_)) => judged[i] = Some(Err(j)),
                    Some(Err(root)) => judged[i] = Some(Err(*root)),
                    None => ready = false,
                }
                if judged[i].is_some() {
                    waiting = true;
                    break;
                }
            }
            if ready && judged[i].is_none() {
                wave.push(i);
            }
        }
        if wave.is_empty() && !waiting {
            break;
        }
        if wave.is_empty() {
            continue;
        }
        let refs: Vec<&Lesson> = wave.iter().map(|&i| &lessons[i]).collect();
        for (i, checked) in wave.into_iter().zip(app.check_lessons(&refs)?) {
            judged[i] = Some(Ok(checked));
        }
    }
    // A lesson whose needs go round in a circle (the lessons' `uses` cannot) waits
    // for the first of them.
    Ok(judged
        .into_iter()
        .enumerate()
        .map(|(i, judged)| judged.unwrap_or_else(|| Err(needs[i].first().copied().unwrap_or(i))))
        .collect())
}
