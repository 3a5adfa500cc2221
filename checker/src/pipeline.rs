//! The check pipeline as a value: a [`Checker`] (the course, the progress store, the UI)
//! takes lessons through fingerprint → judge → blame → diagnose → record and save, and
//! gives back each lesson's [`Assessment`] (verdict, blame, diagnosis). `check`, `next`,
//! `verify` and watch mode check through it; grading judges and diagnoses with it.

use crate::blame::{self, Blame, Reason};
use crate::course::Course;
use crate::diagnosis::{self, Diagnosis};
use crate::harness::{self, run::Outcome};
use crate::lesson::Lesson;
use crate::progress::Store;
use crate::ui::Ui;
use crate::verdict::{self, Verdict};
use anyhow::Result;
use std::collections::HashMap;
use std::path::PathBuf;

/// The course, the progress and how the checker speaks: what a check needs.
pub struct Checker<'a, 'c> {
    pub course: &'c Course,
    pub ui: Ui,
    pub store: &'a mut Store,
}

/// What a lesson's check found: the verdict, the earlier lesson at fault (if any) and the
/// known mistakes the failures match (only when no earlier lesson is at fault).
#[derive(Debug)]
pub struct Assessment {
    pub verdict: Verdict,
    /// The earlier lesson whose module makes this one fail, if any.
    pub blame: Option<Blame>,
    /// The known mistakes that the failures match: one, or one per function when the
    /// student made several at once, or those of some functions only.
    pub diagnosis: Diagnosis,
}

impl From<Verdict> for Assessment {
    /// A verdict alone: no earlier lesson blamed, no known mistake named.
    fn from(verdict: Verdict) -> Assessment {
        Assessment {
            verdict,
            blame: None,
            diagnosis: Diagnosis::default(),
        }
    }
}

impl Assessment {
    pub fn passed(&self) -> bool {
        self.verdict.passed()
    }

    /// Every failure is an untouched `todo!()` of the lesson's own: the student has not
    /// started (a `todo!()` of an earlier lesson's module is blamed on that lesson).
    pub fn not_started(&self) -> bool {
        self.blame.is_none() && self.verdict.only_todos()
    }
}

/// A lesson checked and recorded.
pub struct Checked<'c> {
    pub lesson: &'c Lesson,
    pub assessment: Assessment,
    /// Whether the lesson's points were awarded by this check (its first pass).
    pub awarded: bool,
}

/// A lesson's place among all the course's lessons (broken ones too), from 0.
pub fn position(course: &Course, lesson: &Lesson) -> usize {
    let index = course.lessons.iter().position(|l| l.id == lesson.id);
    index.map_or(0, |i| course.position_of(i))
}

/// The student's files a lesson's check reads: its module, the modules of the lessons
/// before it (a student may build on any of them) and the modules it uses.
pub fn lesson_files(course: &Course, lesson: &Lesson) -> Vec<PathBuf> {
    let position = position(course, lesson);
    let loaded =
        (course.lessons.iter().enumerate()).map(|(i, l)| (course.position_of(i), Some(&l.module)));
    // A broken lesson's module too, when it is known, in its place: a lesson
    // breaking or being fixed changes no fingerprint of the lessons after it.
    let broken = (course.broken.iter()).map(|b| (b.position, b.module.as_ref()));
    let mut earlier: Vec<(usize, &String)> = loaded
        .chain(broken)
        .filter(|(p, _)| *p < position)
        .filter_map(|(p, module)| Some((p, module?)))
        .collect();
    earlier.sort_by_key(|(p, _)| *p);
    let earlier = earlier.into_iter().map(|(_, module)| module);
    let mut modules: Vec<&String> = vec![&lesson.module];
    for module in earlier.chain(&lesson.uses) {
        if !modules.contains(&module) {
            modules.push(module);
        }
    }
    modules
        .into_iter()
        .map(|module| course.layout.exercise(module))
        .collect()
}

/// A fingerprint of a lesson and of the student's files its check reads, taken before
/// the check: a pass is remembered with it, so a later change is checked again. A
/// SHA-256 of the lesson's text, its helpers' and the files' workbook-relative paths
/// and contents: it stays when the workbook moves or Rust is updated.
pub fn fingerprint(course: &Course, lesson: &Lesson) -> String {
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    // Each part after its length, so that no two lists of parts hash alike.
    let mut part = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    part(lesson.source.as_bytes());
    for helper in &lesson.helpers {
        part(helper.name.as_bytes());
        part(helper.source.as_bytes());
    }
    for file in lesson_files(course, lesson) {
        part(course.layout.show(&file).as_bytes());
        // A missing file is not an empty one.
        match std::fs::read(&file) {
            Ok(bytes) => part(&[&[1], &bytes[..]].concat()),
            Err(_) => part(&[0]),
        }
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl<'c> Checker<'_, 'c> {
    /// Checks `lessons` as the student's: each one's fingerprint is taken, its tests run
    /// and judged, an earlier lesson blamed or a known mistake named, and the result
    /// recorded; the progress is saved before anything is printed, so a reader that goes
    /// away early loses none.
    pub fn check(
        &mut self,
        lessons: &[&'c Lesson],
        on_first_build: harness::OnFirstBuild,
    ) -> Result<Vec<Checked<'c>>> {
        let fingerprints: Vec<String> = lessons
            .iter()
            .map(|l| fingerprint(self.course, l))
            .collect();
        // Every lesson may be broken: then nothing is built.
        let assessments = match lessons.is_empty() {
            true => Vec::new(),
            false => self.assess(lessons, on_first_build)?,
        };
        let mut checked = Vec::new();
        for ((lesson, assessment), fingerprint) in lessons.iter().zip(assessments).zip(fingerprints)
        {
            let awarded = self.record(lesson, &assessment, &fingerprint);
            checked.push(Checked {
                lesson,
                assessment,
                awarded,
            });
        }
        self.store.save()?;
        crate::timings::mark("progress saved");
        Ok(checked)
    }

    /// Runs lessons' hidden tests and reaches their assessments, recording nothing.
    pub fn assess(
        &self,
        lessons: &[&Lesson],
        on_first_build: harness::OnFirstBuild,
    ) -> Result<Vec<Assessment>> {
        let runs = harness::run_lessons(self.course, lessons, self.ui.color, on_first_build)?;
        let (verdicts, references): (Vec<Verdict>, Vec<_>) = lessons
            .iter()
            .zip(runs)
            .map(|(lesson, run)| {
                // A failing check where the reference disagrees with the lesson's own
                // `expected` is the lesson's fault: the student's code may well be right.
                let wrong = verdict::expected_faults(lesson, &run.reference);
                let reference = run.reference.as_ref().ok().cloned();
                let verdict = verdict::judge(lesson, run);
                let verdict = match verdict {
                    Verdict::Ran { .. } if !wrong.is_empty() && !verdict.passed() => {
                        Verdict::LessonFault(wrong)
                    }
                    verdict => verdict,
                };
                (verdict, reference)
            })
            .unzip();
        crate::timings::mark("verdicts");
        // An earlier lesson to blame comes first; a known mistake of this one is named
        // only when none is.
        let blames = blame::assign(self.course, lessons, &verdicts, &mut |lessons, known| {
            self.passes(lessons, known)
        });
        let assessments = (lessons.iter().zip(verdicts).zip(references).zip(blames))
            .map(|(((lesson, verdict), reference), blame)| {
                let diagnosis = match blame {
                    None => self.diagnose(lesson, &verdict, reference.as_ref()),
                    Some(_) => Diagnosis::default(),
                };
                Assessment {
                    verdict,
                    blame,
                    diagnosis,
                }
            })
            .collect();
        Ok(assessments)
    }

    /// Names the known mistake a failing verdict matches, if any. The mistakes' outputs
    /// are computed (and cached) only when a student fails; a diagnosis that cannot be
    /// made only leaves the report without one.
    /// `reference`: the reference's outputs of the run, when there are any.
    pub fn diagnose(
        &self,
        lesson: &Lesson,
        verdict: &Verdict,
        reference: Option<&HashMap<usize, Outcome>>,
    ) -> Diagnosis {
        let ran = matches!(verdict, Verdict::Ran { .. });
        if !ran || lesson.mistakes.is_empty() || verdict.passed() || verdict.only_todos() {
            return Diagnosis::default();
        }
        let Ok(outputs) = harness::mistake_outputs(self.course, lesson, self.ui.color) else {
            return Diagnosis::default();
        };
        crate::timings::mark("known mistakes' outputs");
        diagnosis::diagnose(lesson, verdict, &outputs, reference)
    }

    /// Records an assessment in the progress (a failure takes a pass back); returns
    /// whether the lesson's points are awarded now, at its first pass.
    ///
    /// A failure caused by an earlier lesson's module (a blame) is that lesson's: it
    /// takes that lesson's pass back when the module surely fails there too, and leaves
    /// this lesson's record alone. Its pass, if any, no longer matches its files, so
    /// `list` says to check it again and `next` does; a slip in `unit` does not send the
    /// student back to redo every lesson built on it.
    fn record(&mut self, lesson: &Lesson, assessment: &Assessment, fingerprint: &str) -> bool {
        let passed = assessment.passed();
        // A panic in an earlier module that passes its own lesson is this lesson's doing.
        let theirs =
            (assessment.blame.as_ref()).filter(|b| b.reason != Reason::PanickedOnArguments);
        if let (false, Some(blame)) = (passed, theirs) {
            let fails_there = matches!(
                blame.reason,
                Reason::NotWritten | Reason::DoesNotCompile | Reason::FailsItsTests
            );
            if fails_there {
                self.store.record(&blame.lesson, false, "");
            }
            return false;
        }
        self.store.record(&lesson.id, passed, fingerprint)
    }

    /// Puts in `known` whether each of `lessons` passes: a lesson that passed with its
    /// files as they are now passes still; the others are checked (their builds and
    /// reference outputs are cached). `None` when that check cannot be made.
    fn passes(&self, lessons: &[&Lesson], known: &mut HashMap<String, bool>) -> Option<()> {
        for l in lessons {
            let unchanged = || self.store.passed_with(&l.id, &fingerprint(self.course, l));
            if !known.contains_key(&l.id) && unchanged() {
                known.insert(l.id.clone(), true);
            }
        }
        let unknown: Vec<&Lesson> = lessons
            .iter()
            .copied()
            .filter(|l| !known.contains_key(&l.id))
            .collect();
        if !unknown.is_empty() {
            let runs = harness::run_lessons(self.course, &unknown, self.ui.color, &|| {}).ok()?;
            for (used_lesson, run) in unknown.iter().zip(runs) {
                let passed = verdict::judge(used_lesson, run).passed();
                known.insert(used_lesson.id.clone(), passed);
            }
        }
        Some(())
    }
}
