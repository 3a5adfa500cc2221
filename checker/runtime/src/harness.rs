//! The runtime of a generated harness: reads inputs, calls the code under test, writes records.
//!
//! The harness only computes outputs. It never decides whether a test passed: the checker
//! does that, from the records written to the results file (never to stdout or stderr, which
//! belong to the code under test).

use crate::convert::Args;
use crate::value::Value;
use crate::wire;
use std::cell::{Cell, RefCell};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU32, Ordering};

/// One case to run: which entry of the generated dispatcher, with which arguments.
struct Case {
    id: usize,
    entry: usize,
    args: Vec<Value>,
}

fn read_inputs(text: &str) -> Result<Vec<Case>, String> {
    let mut lines = text.lines();
    if lines.next() != Some(wire::INPUTS_HEADER) {
        return Err("the inputs file has no header".into());
    }
    let mut cases = Vec::new();
    while let Some(line) = lines.next() {
        let words: Vec<&str> = line.split_ascii_whitespace().collect();
        let [kw, id, entry, nargs] = words[..] else {
            return Err(format!("bad case line `{line}`"));
        };
        let parse = |w: &str| w.parse::<usize>().map_err(|_| format!("bad number `{w}`"));
        if kw != "case" {
            return Err(format!("bad case line `{line}`"));
        }
        let mut args = Vec::new();
        for _ in 0..parse(nargs)? {
            args.push(wire::decode_value(
                lines.next().ok_or("a case ends early")?,
            )?);
        }
        cases.push(Case {
            id: parse(id)?,
            entry: parse(entry)?,
            args,
        });
    }
    Ok(cases)
}

/// What the panic hook saw of the last panic.
struct PanicSeen {
    message: String,
    location: String,
}

/// How many backtraces were symbolised in this run.
static BACKTRACES: AtomicU32 = AtomicU32::new(0);

thread_local! {
    static LAST_PANIC: RefCell<Option<PanicSeen>> = const { RefCell::new(None) };
    /// The entry (the test's code) whose case runs now, on the thread that runs cases.
    static ENTRY: Cell<Option<usize>> = const { Cell::new(None) };
    /// The entries whose first panic was already looked for in a backtrace.
    static TRACED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Whether this panic's backtrace is worth symbolising (slow): the first panic of each
/// entry, so that every failing test's report shows the student's line, and the first
/// few of a run otherwise (a panic on a thread of the student's own).
fn worth_tracing() -> bool {
    let first_of_entry = ENTRY.with(Cell::get).is_some_and(|entry| {
        TRACED.with(|traced| {
            let mut traced = traced.borrow_mut();
            let first = !traced.contains(&entry);
            if first {
                traced.push(entry);
            }
            first
        })
    });
    first_of_entry || BACKTRACES.fetch_add(1, Ordering::Relaxed) < 3
}

/// Where a panic happened, as the student would look for it: the panic's own location
/// when it is in the student's files, else the innermost frame in them, if any.
fn student_location(info: &panic::PanicHookInfo<'_>, student_files: &[&str]) -> String {
    let here = info
        .location()
        .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
    if let Some(here) = &here
        && student_files
            .iter()
            .any(|f| here.starts_with(&format!("{f}:")))
    {
        return here.clone();
    }
    // Symbolising a backtrace is slow; one for each test is enough to show the student where.
    if worth_tracing() {
        // `{:#}`: every file by its full path. The plain form writes the files under the
        // current folder as `./…`, and a harness runs in the workbook, so the student's
        // own frames would not match `student_files`, and a panic inside ndarray (a `dot`
        // of the wrong shapes) was put on ndarray's file instead of the student's line.
        let trace = format!("{:#}", std::backtrace::Backtrace::force_capture());
        for line in trace.lines() {
            let line = line.trim_start();
            let Some(at) = line.strip_prefix("at ") else {
                continue;
            };
            if student_files
                .iter()
                .any(|f| at.starts_with(&format!("{f}:")))
            {
                return at.to_string();
            }
        }
    }
    here.unwrap_or_default()
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(a panic without a message)".to_string()
    }
}

/// The harness's `main`: runs every case and writes one record per case.
pub fn run(
    call: fn(usize, &mut Args) -> Result<Value, String>,
    student_files: &'static [&'static str],
) {
    let (Some(inputs), Some(results), Some(token)) = (
        std::env::var_os("CNNLINGS_INPUTS"),
        std::env::var_os("CNNLINGS_RESULTS"),
        std::env::var("CNNLINGS_TOKEN").ok(),
    ) else {
        eprintln!("This program is run by the cnnlings checker: `cargo run -p checker -- next`.");
        std::process::exit(2);
    };
    // The code under test has no business with the token: take it out of its sight.
    // SAFETY: no other thread runs yet, so nothing reads the environment meanwhile.
    unsafe {
        std::env::remove_var("CNNLINGS_TOKEN");
    }
    let cases = match std::fs::read_to_string(&inputs)
        .map_err(|e| e.to_string())
        .and_then(|t| read_inputs(&t))
    {
        Ok(cases) => cases,
        Err(e) => {
            eprintln!("cnnlings harness: cannot read the inputs: {e}");
            std::process::exit(2);
        }
    };
    let file = match File::create(&results) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("cnnlings harness: cannot write the results: {e}");
            std::process::exit(2);
        }
    };
    let mut out = BufWriter::new(file);
    let mut record = move |text: String| {
        // A record that cannot be written is a missing result, which the checker reports.
        let _ = writeln!(out, "{token} {text}");
        let _ = out.flush();
    };

    panic::set_hook(Box::new(move |info| {
        let seen = PanicSeen {
            message: payload_text(info.payload()),
            location: student_location(info, student_files),
        };
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(seen));
    }));

    for case in cases {
        record(format!("start {}", case.id));
        let mut args = Args::new(case.args);
        ENTRY.with(|entry| entry.set(Some(case.entry)));
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| call(case.entry, &mut args)));
        let line = match outcome {
            Ok(Ok(value)) => {
                let mut line = format!("ok {} ", case.id);
                wire::encode_value(&value, &mut line);
                line
            }
            Ok(Err(message)) => format!("error {} {}", case.id, wire::escape(&message)),
            Err(payload) => {
                let seen = LAST_PANIC
                    .with(|last| last.borrow_mut().take())
                    .unwrap_or(PanicSeen {
                        message: payload_text(payload.as_ref()),
                        location: String::new(),
                    });
                format!(
                    "panic {} {} {}",
                    case.id,
                    wire::escape(&seen.location),
                    wire::escape(&seen.message)
                )
            }
        };
        record(line);
    }
    record("done".to_string());
}
