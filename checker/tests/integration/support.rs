//! A small harness for driving the checker binary on a copy of a workbook.

use std::borrow::BorrowMut;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

/// The repository's root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the checker lives in the workspace")
        .to_path_buf()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// Harness builds share a target folder (so dependencies compile once, and the outputs
/// of references and known mistakes, kept beside it, are computed once). Cargo names a
/// harness binary by its package alone there, so two checks must not build in one folder
/// at the same time: a test that builds takes one of these slots, each with a target
/// folder of its own, and two tests run at once.
const SLOTS: usize = 2;
static BUILDS: [Mutex<()>; SLOTS] = [const { Mutex::new(()) }; SLOTS];

thread_local! {
    /// The slot this test thread holds (meaningful while it holds one).
    static SLOT: Cell<usize> = const { Cell::new(0) };
}

/// Takes a free build slot, waiting for one; workbooks made while it is held build in
/// its target folder.
pub fn serial() -> MutexGuard<'static, ()> {
    loop {
        for (slot, lock) in BUILDS.iter().enumerate() {
            let guard = match lock.try_lock() {
                Ok(guard) => guard,
                Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
                Err(TryLockError::WouldBlock) => continue,
            };
            SLOT.set(slot);
            return guard;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// An environment variable that names the workbook, for a test to give a checker: the
/// harness and whatever it starts inherit it, so the test can tell its own processes from
/// those of other test runs on the machine.
pub const WORKBOOK_MARK: &str = "CNNLINGS_TEST_WORKBOOK";

/// A workbook in a temporary folder.
pub struct Workbook {
    dir: tempfile::TempDir,
    /// The build slot of the test that made it (see [`serial`]).
    slot: usize,
    /// A copy of the real course, whose lessons an instructor may add to or remove: its
    /// snapshots write a lesson's place in the course as placeholders.
    real: bool,
}

impl Workbook {
    /// The checker's own tiny course (lessons `scale` and `grid`).
    pub fn fixture() -> Workbook {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixtures().join("course"), dir.path());
        // Every workbook holds the harness runtime, which its harnesses build.
        copy_dir(
            &repo_root().join("checker/runtime"),
            &dir.path().join("checker/runtime"),
        );
        std::fs::copy(
            repo_root().join("Cargo.lock"),
            dir.path().join("Cargo.lock"),
        )
        .unwrap();
        Workbook {
            dir,
            slot: SLOT.get(),
            real: false,
        }
    }

    /// A copy of the real workbook as a new student gets it: lessons, solutions, data and the
    /// manifests, and in `exercises/src/` the pristine stubs of `lessons/stubs/`, whatever
    /// the repository's own exercises hold (they may be a student's solved ones).
    pub fn real() -> Workbook {
        let dir = tempfile::tempdir().unwrap();
        let root = repo_root();
        for folder in [
            "lessons",
            "exercises",
            "solutions",
            "checker/runtime",
            "data",
        ] {
            copy_dir(&root.join(folder), &dir.path().join(folder));
        }
        for file in ["Cargo.toml", "Cargo.lock"] {
            std::fs::copy(root.join(file), dir.path().join(file)).unwrap();
        }
        let wb = Workbook {
            dir,
            slot: SLOT.get(),
            real: true,
        };
        wb.install("lessons/stubs");
        wb
    }

    /// Copies every `<module>.rs` of a folder of the workbook over `exercises/src/`.
    pub fn install(&self, folder: &str) -> &Self {
        for entry in std::fs::read_dir(self.path().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".rs") && name != "lib.rs" {
                std::fs::copy(&path, self.path().join("exercises/src").join(name)).unwrap();
            }
        }
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The workbook copied to another temporary folder, progress and all, without its
    /// build folder: as a student moves or copies theirs. It builds in the same slot.
    pub fn moved(&self) -> Workbook {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(self.path(), dir.path());
        Workbook {
            dir,
            slot: self.slot,
            real: self.real,
        }
    }

    /// The harness target folder of this workbook's build slot.
    pub fn harness_target(&self) -> PathBuf {
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("harness-target-{}", self.slot))
    }

    /// Puts a student file from `tests/fixtures/students/` in place of a module.
    pub fn student(&self, module: &str, fixture: &str) -> &Self {
        let from = fixtures().join("students").join(format!("{fixture}.rs"));
        std::fs::copy(from, self.exercise(module)).unwrap();
        self
    }

    pub fn exercise(&self, module: &str) -> PathBuf {
        self.path()
            .join("exercises")
            .join("src")
            .join(format!("{module}.rs"))
    }

    pub fn write(&self, relative: &str, content: &str) -> &Self {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
        self
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path().join(relative)).unwrap()
    }

    /// The module of a known mistake written as edits (`name` and `replace`) in the
    /// lesson file `lesson`: its reference with each `find` (there exactly once) replaced,
    /// in order, as the checker writes it into the mistake's harness.
    pub fn mistake(&self, lesson: &str, name: &str) -> String {
        let file: toml::Table = toml::from_str(&self.read(lesson)).unwrap();
        let module = file["module"].as_str().unwrap();
        let mistake = file["mistakes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m.get("name").and_then(|n| n.as_str()) == Some(name))
            .unwrap_or_else(|| panic!("{lesson} has no known mistake `{name}`"));
        let mut text = self.read(&format!("solutions/src/{module}.rs"));
        for edit in mistake["replace"].as_array().unwrap() {
            let (find, with) = (
                edit["find"].as_str().unwrap(),
                edit["with"].as_str().unwrap(),
            );
            assert_eq!(text.matches(find).count(), 1, "{find:?} in {module}.rs");
            text = text.replacen(find, with, 1);
        }
        text
    }

    /// The checker, run in the workbook, with a clean language and colour setting.
    pub fn checker(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_checker"));
        command
            .args(args)
            .current_dir(self.path())
            .env("CNNLINGS_TARGET_DIR", self.harness_target())
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("CLICOLOR_FORCE")
            // Reports are fitted to COLUMNS when it is set: only tests that ask for a width get one.
            .env_remove("COLUMNS")
            .env("NO_COLOR", "1");
        command
    }

    /// Runs the checker and returns its output and how long it took.
    pub fn run(&self, args: &[&str]) -> (Output, Duration) {
        let start = Instant::now();
        let output = self.checker(args).output().unwrap();
        (output, start.elapsed())
    }

    /// Snapshot filters: the temporary folder and anything else that changes per run.
    pub fn settings(&self) -> insta::Settings {
        let mut settings = insta::Settings::clone_current();
        settings.add_filter(
            &regex_escape(&self.path().display().to_string()),
            "[WORKBOOK]",
        );
        settings.add_filter(r"thread '([^']+)' \(\d+\)", "thread '$1' ([TID])");
        // The first build of a test run says it is preparing; later ones do not.
        settings.add_filter(r"(Preparing the tests|初回の準備)[^\n]*\n\n?", "");
        // A time-out on a loaded machine is explained as crowding (the code got too little
        // of a processor); snapshots show what a quiet machine says of the same code.
        // (In a CSV field, its commas had it quoted, with what follows in the field.)
        settings.add_filter(
            r#""([^"\n]*)But the machine was busy:[^"]*?less busy\.([^",\n]*)""#,
            "${1}Look for a loop that never ends.${2}",
        );
        settings.add_filter(
            r"But the machine was busy:[\s\S]*?less busy\.",
            "Look for a loop that never ends.",
        );
        settings.add_filter(
            r"ただ、このときコンピュータは混み合っていて[\s\S]*?もう一度チェックしてください。",
            "終わらないループがないか確かめてください。",
        );
        if self.real {
            // The real course grows and shrinks as instructors add and remove lessons (the
            // id in the heading says which lesson it is): `Lesson 2/12` is `Lesson [N]/[LESSONS]`.
            settings.add_filter(r"(Lesson|レッスン) \d+/\d+(:|：)", "$1 [N]/[LESSONS]$2");
        }
        settings.set_prepend_module_to_snapshot(false);
        settings
    }
}

pub fn regex_escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '/' || c == '_' || c == '-' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts an exit status with the output in the message, so a failure explains itself.
#[track_caller]
pub fn assert_status(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit status\n--- stdout\n{}\n--- stderr\n{}",
        stdout(output),
        stderr(output)
    );
}

/// What a snapshot's header records of the command it ran: insta_cmd's program, arguments
/// and environment, except the harness folder, which names this machine's folders and
/// reads `[harness target]`.
#[derive(serde::Serialize)]
pub struct CommandInfo {
    program: String,
    args: Vec<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    env: BTreeMap<String, String>,
}

/// Runs a command for `assert_cmd_snapshot!`: its header and the text insta_cmd would
/// snapshot (success, exit code, stdout, stderr).
pub fn run_for_snapshot(mut command: impl BorrowMut<Command>) -> (CommandInfo, String) {
    let command = command.borrow_mut();
    let info = CommandInfo {
        program: Path::new(command.get_program())
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        args: command
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned())
            .collect(),
        env: command
            .get_envs()
            .filter_map(|(key, value)| {
                let key = key.to_string_lossy().into_owned();
                let value = if key == "CNNLINGS_TARGET_DIR" {
                    "[harness target]".to_owned()
                } else {
                    value?.to_string_lossy().into_owned()
                };
                Some((key, value))
            })
            .collect(),
    };
    let output = command.output().unwrap();
    let text = format!(
        "success: {:?}\nexit_code: {}\n----- stdout -----\n{}\n----- stderr -----\n{}",
        output.status.success(),
        output.status.code().unwrap_or(!0),
        stdout(&output),
        stderr(&output)
    );
    (info, text)
}

/// insta_cmd's `assert_cmd_snapshot!`, with a header that records no machine's folders
/// (`CommandInfo`): `grep -rl /work/ --include='*.snap'` stays empty when one is rewritten.
macro_rules! assert_cmd_snapshot {
    ($name:expr, $command:expr $(,)?) => {{
        let (info, text) = $crate::support::run_for_snapshot($command);
        let mut settings = insta::Settings::clone_current();
        settings.set_info(&info);
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!($name, text));
    }};
    ($command:expr $(,)?) => {{
        let (info, text) = $crate::support::run_for_snapshot($command);
        let mut settings = insta::Settings::clone_current();
        settings.set_info(&info);
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!(text));
    }};
}
pub(crate) use assert_cmd_snapshot;
