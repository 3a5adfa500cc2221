//! The runtime of a generated harness: reads inputs, calls the code under test, writes records.
//!
//! This file is copied into every generated harness crate; it is not part of the checker.
//! The harness only computes outputs. It never decides whether a test passed: the checker
//! does that, from the records written to the results file (never to stdout or stderr, which
//! belong to the code under test).

use crate::cnnlings_wire::{self as wire, WireValue};
use ndarray::{Array, Array1, Array2, Array3, Array4, Dimension, IxDyn};
use std::cell::RefCell;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU32, Ordering};

/// The arguments of one case, taken in order by the generated code.
pub struct Args(std::vec::IntoIter<WireValue>);

impl Args {
    pub fn take<T: FromWire>(&mut self) -> Result<T, String> {
        let value = self.0.next().ok_or("too few arguments")?;
        T::from_wire(value)
    }
}

pub trait FromWire: Sized {
    fn from_wire(value: WireValue) -> Result<Self, String>;
}

pub trait IntoWire {
    fn into_wire(self) -> WireValue;
}

/// What a value is, in words for a message (never its Debug form).
fn kind(value: &WireValue) -> String {
    match value {
        WireValue::F32(_) => "an f32".to_string(),
        WireValue::Usize(_) => "a usize".to_string(),
        WireValue::Array { shape, .. } => format!("an array of {} dimensions", shape.len()),
    }
}

impl FromWire for f32 {
    fn from_wire(value: WireValue) -> Result<Self, String> {
        match value {
            WireValue::F32(x) => Ok(x),
            other => Err(format!("expected an f32, got {}", kind(&other))),
        }
    }
}

impl FromWire for usize {
    fn from_wire(value: WireValue) -> Result<Self, String> {
        match value {
            WireValue::Usize(n) => Ok(n),
            other => Err(format!("expected a usize, got {}", kind(&other))),
        }
    }
}

fn array_from_wire<D: Dimension>(value: WireValue) -> Result<Array<f32, D>, String> {
    match value {
        WireValue::Array { shape, data } => Array::from_shape_vec(IxDyn(&shape), data)
            .map_err(|e| e.to_string())?
            .into_dimensionality::<D>()
            .map_err(|e| e.to_string()),
        other => Err(format!("expected an array, got {}", kind(&other))),
    }
}

fn array_into_wire<D: Dimension>(array: Array<f32, D>) -> WireValue {
    WireValue::Array {
        shape: array.shape().to_vec(),
        data: array.iter().copied().collect(),
    }
}

macro_rules! wire_arrays {
    ($($t:ty),*) => {$(
        impl FromWire for $t {
            fn from_wire(value: WireValue) -> Result<Self, String> {
                array_from_wire(value)
            }
        }
        impl IntoWire for $t {
            fn into_wire(self) -> WireValue {
                array_into_wire(self)
            }
        }
    )*};
}
wire_arrays!(Array1<f32>, Array2<f32>, Array3<f32>, Array4<f32>);

impl IntoWire for f32 {
    fn into_wire(self) -> WireValue {
        WireValue::F32(self)
    }
}

impl IntoWire for usize {
    fn into_wire(self) -> WireValue {
        WireValue::Usize(self)
    }
}

/// One case to run: which entry of the generated dispatcher, with which arguments.
struct Case {
    id: usize,
    entry: usize,
    args: Vec<WireValue>,
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
            args.push(wire::decode_value(lines.next().ok_or("a case ends early")?)?);
        }
        cases.push(Case { id: parse(id)?, entry: parse(entry)?, args });
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
}

/// Where a panic happened, as the student would look for it: the panic's own location
/// when it is in the student's files, else the innermost frame in them, if any.
fn student_location(info: &panic::PanicHookInfo<'_>, student_files: &[&str]) -> String {
    let here = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
    if let Some(here) = &here {
        if student_files.iter().any(|f| here.starts_with(&format!("{f}:"))) {
            return here.clone();
        }
    }
    // Symbolising a backtrace is slow; a few are enough to show the student where.
    if BACKTRACES.fetch_add(1, Ordering::Relaxed) < 3 {
        let trace = std::backtrace::Backtrace::force_capture().to_string();
        for line in trace.lines() {
            let line = line.trim_start();
            let Some(at) = line.strip_prefix("at ") else { continue };
            if student_files.iter().any(|f| at.starts_with(&format!("{f}:"))) {
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
pub fn run(call: fn(usize, &mut Args) -> Result<WireValue, String>, student_files: &'static [&'static str]) {
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
    let cases = match std::fs::read_to_string(&inputs).map_err(|e| e.to_string()).and_then(|t| read_inputs(&t)) {
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
        let mut args = Args(case.args.into_iter());
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| call(case.entry, &mut args)));
        let line = match outcome {
            Ok(Ok(value)) => {
                let mut line = format!("ok {} ", case.id);
                wire::encode_value(&value, &mut line);
                line
            }
            Ok(Err(message)) => format!("error {} {}", case.id, wire::escape(&message)),
            Err(payload) => {
                let seen = LAST_PANIC.with(|last| last.borrow_mut().take()).unwrap_or(PanicSeen {
                    message: payload_text(payload.as_ref()),
                    location: String::new(),
                });
                format!("panic {} {} {}", case.id, wire::escape(&seen.location), wire::escape(&seen.message))
            }
        };
        record(line);
    }
    record("done".to_string());
}
