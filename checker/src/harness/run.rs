//! Runs a built harness in a child process under a time and memory limit, and reads its records.
//!
//! The child gets its own process group, so a time-out kills everything it started, and
//! runs in the kernel's sandbox ([`super::sandbox`]) in a scratch folder of its own,
//! removed after the run. Its stdout and stderr are the student's output: captured,
//! capped, and never read for results. Results come only from the records file, each
//! line marked with a token that is new for every run.

use super::sandbox;
use crate::lesson::Lesson;
use anyhow::{Context, Result};
use cnnlings_runtime::{Value, wire};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{BuildHasher, Hasher};
use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use wait_timeout::ChildExt;

/// Limits on the process that runs the code.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub time: Duration,
    /// Bytes of address space.
    pub memory: u64,
}

/// How the child process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Exited(i32),
    Signaled(i32),
    TimedOut(TimeUse),
}

/// How code that ran out of time spent it, from the kernel's scheduler statistics of
/// its threads (`/proc/<pid>/task/*/schedstat`: time on a processor, time waiting for one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUse {
    /// It computed most of the time: a loop that never ends, or code too slow.
    Computing,
    /// It wanted a processor more than it had one: the machine was busy. It ran
    /// `percent` of the time it was ready to run.
    Crowded { percent: u8 },
    /// It mostly neither ran nor waited to run: asleep, or blocked on something.
    Waiting,
    /// The statistics could not be read.
    Unknown,
}

impl TimeUse {
    /// From nanoseconds on a processor and waiting for one, summed over the threads,
    /// within a time limit of `limit`.
    fn of(running: u64, ready: u64, limit: Duration) -> TimeUse {
        let wanted = running + ready;
        if (wanted as u128) < limit.as_nanos() / 2 {
            TimeUse::Waiting
        } else if running < ready {
            let percent = (running as u128 * 100 / wanted.max(1) as u128) as u8;
            TimeUse::Crowded { percent }
        } else {
            TimeUse::Computing
        }
    }

    /// Reads the statistics of every thread of a process that is still there.
    fn measure(pid: libc::pid_t, limit: Duration) -> TimeUse {
        match schedstat(pid) {
            Some((running, ready)) => TimeUse::of(running, ready, limit),
            None => TimeUse::Unknown,
        }
    }
}

/// Nanoseconds a process has spent on a processor and waiting for one, summed over
/// its threads, or `None` when the statistics cannot be read.
fn schedstat(pid: libc::pid_t) -> Option<(u64, u64)> {
    let threads = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let (mut running, mut ready) = (0u64, 0u64);
    for thread in threads.filter_map(Result::ok) {
        let text = std::fs::read_to_string(thread.path().join("schedstat")).ok()?;
        let mut fields = text.split_whitespace().map(str::parse::<u64>);
        match (fields.next(), fields.next()) {
            (Some(Ok(on)), Some(Ok(waiting))) => {
                running += on;
                ready += waiting;
            }
            _ => return None,
        }
    }
    Some((running, ready))
}

/// How long to wait for a harness before stopping it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Patience {
    /// The lesson's time limit, on the clock.
    TimeLimit,
    /// As long as the code wants a processor, however little of one it gets: it then
    /// ends by itself or at its CPU-time limit ([`cpu_seconds`]), whatever the load. Code
    /// that mostly neither runs nor waits to run (asleep, blocked) is stopped once
    /// `cpu_seconds` have passed on the clock. For a run again of code that a busy
    /// machine starved of a processor.
    WhileItWantsAProcessor,
}

/// The longest a [`Patience::WhileItWantsAProcessor`] run is waited for, as a multiple
/// of its CPU seconds: code that gets less than 1/50 of a processor still wants one,
/// but a grader cannot wait for ever.
const MOST_PATIENCE: u32 = 50;

/// Waits for `child` (whose pid is `pid`) as `patience` says; `None` when it was still
/// running when the waiting stopped.
fn wait_for(
    child: &mut std::process::Child,
    pid: libc::pid_t,
    limits: Limits,
    patience: Patience,
) -> std::io::Result<Option<std::process::ExitStatus>> {
    match patience {
        Patience::TimeLimit => child.wait_timeout(limits.time),
        Patience::WhileItWantsAProcessor => {
            let cpu = Duration::from_secs(cpu_seconds(limits));
            let start = std::time::Instant::now();
            loop {
                if let Some(status) = child.wait_timeout(Duration::from_millis(100))? {
                    return Ok(Some(status));
                }
                let elapsed = start.elapsed();
                if elapsed >= cpu * MOST_PATIENCE {
                    return Ok(None);
                }
                if elapsed >= cpu {
                    // It wanted a processor (ran, or was ready to) less than half the
                    // time: it is asleep or blocked, not crowded out.
                    let wanted = schedstat(pid).map_or(0, |(running, ready)| running + ready);
                    if u128::from(wanted) < elapsed.as_nanos() / 2 {
                        return Ok(None);
                    }
                }
            }
        }
    }
}

/// The first and last bytes of an output stream, and how many there were.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Captured {
    pub head: Vec<u8>,
    pub tail: Vec<u8>,
    pub total: u64,
}

const KEEP: usize = 4096;

/// The largest results file a harness may write.
pub const MAX_RESULTS_BYTES: u64 = 256 << 20;

impl Captured {
    fn push(&mut self, bytes: &[u8]) {
        self.total += bytes.len() as u64;
        let room = KEEP.saturating_sub(self.head.len());
        let (to_head, rest) = bytes.split_at(room.min(bytes.len()));
        self.head.extend_from_slice(to_head);
        self.tail.extend_from_slice(rest);
        if self.tail.len() > 2 * KEEP {
            self.tail.drain(..self.tail.len() - KEEP);
        }
    }

    /// Bytes that were neither in the head nor in the tail.
    pub fn cut(&self) -> u64 {
        self.total - self.head.len() as u64 - self.shown_tail().len() as u64
    }

    pub fn shown_tail(&self) -> &[u8] {
        &self.tail[self.tail.len().saturating_sub(KEEP)..]
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

/// What one case produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Value(Value),
    Panic {
        location: String,
        message: String,
    },
    /// The harness could not pass the inputs (a lesson error, never the student's).
    Error(String),
}

#[derive(Debug, Clone)]
pub struct RunResult {
    pub outcomes: HashMap<usize, Outcome>,
    /// The case that had started and not finished when the process ended, if any.
    pub unfinished: Option<usize>,
    /// Whether the harness wrote its last record.
    pub done: bool,
    pub ending: Ending,
    pub stdout: Captured,
    pub stderr: Captured,
}

impl RunResult {
    /// A run that finished, exited normally and printed nothing: its outcomes say all
    /// there is to say about it, so they may be kept and reused for the same files.
    pub fn is_quiet(&self) -> bool {
        self.done
            && self.ending == Ending::Exited(0)
            && self.unfinished.is_none()
            && self.stdout.total == 0
            && self.stderr.total == 0
            && !self
                .outcomes
                .values()
                .any(|o| matches!(o, Outcome::Error(_)))
    }

    /// A quiet run (see [`is_quiet`](Self::is_quiet)) with these outcomes.
    pub fn quiet(outcomes: HashMap<usize, Outcome>) -> RunResult {
        RunResult {
            outcomes,
            unfinished: None,
            done: true,
            ending: Ending::Exited(0),
            stdout: Captured::default(),
            stderr: Captured::default(),
        }
    }
}

/// Writes the inputs file for every case of a lesson.
pub fn inputs_text(lesson: &Lesson) -> String {
    inputs_text_where(lesson, |_| true)
}

/// As [`inputs_text`], with only the cases whose ids `wanted` says.
pub fn inputs_text_where(lesson: &Lesson, wanted: impl Fn(usize) -> bool) -> String {
    let mut out = String::from(wire::INPUTS_HEADER);
    out.push('\n');
    for (id, test, case) in lesson.cases().filter(|(id, ..)| wanted(*id)) {
        let _ = writeln!(out, "case {id} {} {}", test.entry, case.args.len());
        for arg in &case.args {
            wire::encode_value(arg, &mut out);
            out.push('\n');
        }
    }
    out
}

/// A token no output of the student's can guess by chance.
fn new_token() -> String {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}

/// Reads the records file; lines without the token are ignored.
pub fn parse_records(text: &str, token: &str) -> (HashMap<usize, Outcome>, Option<usize>, bool) {
    let mut outcomes = HashMap::new();
    let mut started = None;
    let mut done = false;
    for line in text.lines() {
        let Some(record) = line.strip_prefix(token).and_then(|r| r.strip_prefix(' ')) else {
            continue;
        };
        let (kind, rest) = record.split_once(' ').unwrap_or((record, ""));
        let (id, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        let id = id.parse::<usize>().ok();
        match (kind, id) {
            ("done", _) => done = true,
            ("start", Some(id)) => started = Some(id),
            ("ok", Some(id)) => {
                let outcome = match wire::decode_value(rest) {
                    Ok(value) => Outcome::Value(value),
                    Err(e) => Outcome::Error(format!("an unreadable result: {e}")),
                };
                outcomes.insert(id, outcome);
            }
            ("panic", Some(id)) => {
                let (location, message) = rest.split_once(' ').unwrap_or((rest, ""));
                outcomes.insert(
                    id,
                    Outcome::Panic {
                        location: wire::unescape(location),
                        message: wire::unescape(message),
                    },
                );
            }
            ("error", Some(id)) => {
                outcomes.insert(id, Outcome::Error(wire::unescape(rest)));
            }
            _ => {}
        }
    }
    let unfinished = started.filter(|id| !outcomes.contains_key(id));
    (outcomes, unfinished, done)
}

fn capture(mut stream: impl Read + Send + 'static) -> mpsc::Receiver<Captured> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut captured = Captured::default();
        let mut buffer = [0u8; 8192];
        loop {
            match stream.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => captured.push(&buffer[..n]),
            }
        }
        let _ = send.send(captured);
    });
    receive
}

/// Runs `executable` on `inputs` under `limits`. `scratch` is a folder for the runs'
/// files: each run has a folder of its own in it.
pub fn run(executable: &Path, inputs: &str, limits: Limits, scratch: &Path) -> Result<RunResult> {
    run_waiting(executable, inputs, limits, Patience::TimeLimit, scratch)
}

/// As [`run`], but a time-out while crowded out, which says nothing of the code, is run
/// again and waited for as long as it wants a processor (the CPU limit still stops a
/// loop): the result does not depend on the machine's load.
pub fn run_fairly(
    executable: &Path,
    inputs: &str,
    limits: Limits,
    scratch: &Path,
) -> Result<RunResult> {
    let result = run(executable, inputs, limits, scratch)?;
    match result.ending {
        Ending::TimedOut(TimeUse::Crowded { .. }) => run_waiting(
            executable,
            inputs,
            limits,
            Patience::WhileItWantsAProcessor,
            scratch,
        ),
        _ => Ok(result),
    }
}

/// The CPU seconds a run under `limits` may use: a backstop, a little above the time limit.
pub fn cpu_seconds(limits: Limits) -> u64 {
    limits.time.as_secs() + 2
}

/// As [`run`], but waits as `patience` says before stopping the process; the code
/// never gets more processor time than [`cpu_seconds`].
pub fn run_waiting(
    executable: &Path,
    inputs: &str,
    limits: Limits,
    patience: Patience,
    scratch: &Path,
) -> Result<RunResult> {
    run_confined(executable, inputs, limits, patience, scratch, true)
}

/// [`run_waiting`], `sandboxed` or with the limits alone (for the tests of patience
/// only, whose shell scripts need their interpreter: every harness is sandboxed).
fn run_confined(
    executable: &Path,
    inputs: &str,
    limits: Limits,
    patience: Patience,
    scratch: &Path,
    sandboxed: bool,
) -> Result<RunResult> {
    let token = new_token();
    // The run's own folder: the only one its code may write, and its current folder.
    let own = scratch.join(&token);
    std::fs::create_dir_all(&own).with_context(|| format!("cannot create {}", own.display()))?;
    crate::interrupt::track_folder(&own);
    let rules = match sandboxed {
        true => sandbox::Rules::new(executable, &own),
        false => Ok(sandbox::Rules::none()),
    };
    let result =
        rules.and_then(|rules| run_in(executable, inputs, limits, patience, &own, &token, rules));
    let _ = std::fs::remove_dir_all(&own);
    crate::interrupt::untrack_folder(&own);
    result
}

/// [`run_waiting`] in the run's own folder `own`, under `rules` (made here, in the
/// checker; the child only enforces them).
fn run_in(
    executable: &Path,
    inputs: &str,
    limits: Limits,
    patience: Patience,
    own: &Path,
    token: &str,
    rules: sandbox::Rules,
) -> Result<RunResult> {
    let inputs_path = own.join("inputs");
    let records_path = own.join("records");
    std::fs::write(&inputs_path, inputs)
        .with_context(|| format!("cannot write {}", inputs_path.display()))?;
    let enforce = rules.enforce();

    let mut command = Command::new(executable);
    command
        .current_dir(own)
        .env("CNNLINGS_INPUTS", &inputs_path)
        .env("CNNLINGS_RESULTS", &records_path)
        .env("CNNLINGS_TOKEN", token)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let memory = limits.memory;
    let cpu_seconds = cpu_seconds(limits);
    // SAFETY: the closure runs in the child between fork and exec and only makes
    // async-signal-safe system calls (setrlimit, prctl, landlock_restrict_self).
    unsafe {
        command.pre_exec(move || {
            let limit_to = |resource, soft: u64, hard: u64| {
                let rlim = libc::rlimit {
                    rlim_cur: soft as libc::rlim_t,
                    rlim_max: hard as libc::rlim_t,
                };
                if libc::setrlimit(resource, &rlim) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            };
            let limit = |resource, value: u64| limit_to(resource, value, value);
            limit(libc::RLIMIT_AS, memory)?;
            limit(libc::RLIMIT_CORE, 0)?;
            // Results travel through a file: an output far larger than any test needs
            // ends the process (SIGXFSZ) instead of filling the disk.
            limit(libc::RLIMIT_FSIZE, MAX_RESULTS_BYTES)?;
            // A backstop: the checker kills the child at the time limit itself. At the
            // soft limit the kernel sends SIGXCPU, which ends the process and is read as
            // a time-out; at a hard limit equal to it, a bare SIGKILL ('ended by signal 9').
            limit_to(libc::RLIMIT_CPU, cpu_seconds, cpu_seconds + 1)?;
            // Last: from here on, the process reaches only what the rules allow.
            enforce.apply()
        });
    }
    let mut child = command
        .spawn()
        .with_context(|| format!("cannot run {}", executable.display()))?;
    drop(rules);
    let pid = child.id() as libc::pid_t;
    crate::interrupt::track(pid);
    let stdout = capture(child.stdout.take().context("no stdout pipe")?);
    let stderr = capture(child.stderr.take().context("no stderr pipe")?);
    let started = std::time::Instant::now();
    let status =
        wait_for(&mut child, pid, limits, patience).context("cannot wait for the harness")?;
    // How the time went, while the process is still there to ask.
    let time_use = match status {
        None => TimeUse::measure(pid, started.elapsed()),
        Some(_) => TimeUse::Unknown,
    };
    // Whatever happened, nothing the student's code started may outlive the check.
    // SAFETY: killpg only sends a signal to the process group we created.
    unsafe {
        libc::killpg(pid, libc::SIGKILL);
    }
    let ending = match status {
        Some(status) => match (status.code(), status.signal()) {
            (Some(code), _) => Ending::Exited(code),
            (None, Some(signal)) => Ending::Signaled(signal),
            (None, None) => Ending::Exited(-1),
        },
        None => {
            let _ = child.wait();
            Ending::TimedOut(time_use)
        }
    };
    crate::interrupt::untrack(pid);
    // A grandchild that left the process group could hold the pipes open: do not wait forever.
    let collect =
        |r: mpsc::Receiver<Captured>| r.recv_timeout(Duration::from_secs(1)).unwrap_or_default();
    let (stdout, stderr) = (collect(stdout), collect(stderr));
    let records = std::fs::read(&records_path).unwrap_or_default();
    let (outcomes, unfinished, done) = parse_records(&String::from_utf8_lossy(&records), token);
    Ok(RunResult {
        outcomes,
        unfinished,
        done,
        ending,
        stdout,
        stderr,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_is_computing_crowded_or_waiting() {
        let limit = Duration::from_secs(5);
        let s = 1_000_000_000;
        assert_eq!(TimeUse::of(5 * s, 0, limit), TimeUse::Computing);
        assert_eq!(TimeUse::of(3 * s, 2 * s, limit), TimeUse::Computing);
        assert_eq!(
            TimeUse::of(s, 4 * s, limit),
            TimeUse::Crowded { percent: 20 }
        );
        assert_eq!(TimeUse::of(s / 100, 0, limit), TimeUse::Waiting);
        // Two threads, each computing all the time.
        assert_eq!(TimeUse::of(10 * s, s, limit), TimeUse::Computing);
    }

    #[test]
    fn a_sleeping_process_is_waiting_and_a_spinning_one_computing() {
        let sleeper = Command::new("sleep").arg("5").spawn().unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let limit = Duration::from_millis(300);
        let pid = sleeper.id() as libc::pid_t;
        assert_eq!(TimeUse::measure(pid, limit), TimeUse::Waiting);
        let mut sleeper = sleeper;
        let _ = sleeper.kill();
        let _ = sleeper.wait();
        let mut spinner = Command::new("sh")
            .args(["-c", "while :; do :; done"])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let measured = TimeUse::measure(spinner.id() as libc::pid_t, limit);
        let _ = spinner.kill();
        let _ = spinner.wait();
        // On a busy machine the spinner may have been crowded; it never waits.
        assert!(
            matches!(measured, TimeUse::Computing | TimeUse::Crowded { .. }),
            "{measured:?}"
        );
    }

    /// Run again with patience, a loop ends at its CPU-time limit and sleeping code when
    /// the CPU seconds have passed on the clock, however busy the machine is: a loop gets
    /// SIGXCPU (read as a time-out while computing), a sleeper is found waiting.
    #[test]
    fn patience_waits_for_a_loop_to_use_its_cpu_time_and_not_for_a_sleeper() {
        let scratch = tempfile::tempdir().unwrap();
        let limits = Limits {
            time: Duration::ZERO,
            memory: 1 << 30,
        };
        let shell = |script: &str| {
            let path = scratch.path().join(format!("{}.sh", script.len()));
            std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
            std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755))
                .unwrap();
            path
        };
        let (spinner, sleeper) = (shell("while :; do :; done"), shell("sleep 300"));
        // A file just written may be 'busy' while another test's fork still holds it open.
        let run = |script: &Path| {
            let mut tries = 0;
            loop {
                match run_confined(
                    script,
                    "",
                    limits,
                    Patience::WhileItWantsAProcessor,
                    scratch.path(),
                    false,
                ) {
                    Err(_) if tries < 20 => {
                        tries += 1;
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    result => break result.unwrap(),
                }
            }
        };
        assert_eq!(run(&spinner).ending, Ending::Signaled(libc::SIGXCPU));
        assert_eq!(run(&sleeper).ending, Ending::TimedOut(TimeUse::Waiting));
    }

    #[test]
    fn keeps_head_and_tail_of_long_output() {
        let mut c = Captured::default();
        for _ in 0..1000 {
            c.push(&[b'x'; 100]);
        }
        assert_eq!(c.total, 100_000);
        assert_eq!(c.head.len(), KEEP);
        assert_eq!(c.shown_tail().len(), KEEP);
        assert_eq!(c.cut(), 100_000 - 2 * KEEP as u64);
    }

    #[test]
    fn ignores_records_without_the_token() {
        let text = "tok start 0\ntok ok 0 f32 40800000\nfake ok 1 f32 40800000\ntok ok 1x\ntok start 2\ntok panic 2 src/a.rs:1:2 boom\\sbig\ntok start 3\n";
        let (outcomes, unfinished, done) = parse_records(text, "tok");
        assert_eq!(
            outcomes.get(&0),
            Some(&Outcome::Value(Value::scalar(4.0f32)))
        );
        assert!(!outcomes.contains_key(&1));
        assert_eq!(
            outcomes.get(&2),
            Some(&Outcome::Panic {
                location: "src/a.rs:1:2".into(),
                message: "boom big".into()
            })
        );
        assert_eq!(unfinished, Some(3));
        assert!(!done);
    }
}
