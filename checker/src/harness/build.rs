//! Builds harness crates with one cargo call and collects rustc's diagnostics per crate.

use crate::course::Layout;
use crate::lesson::Profile;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One message of rustc about a harness crate.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub message: String,
    /// The label of the primary span: "expected `f32`, found `f64`".
    pub label: Option<String>,
    /// As rustc renders it (with colours when asked for).
    pub rendered: String,
    /// The file, line and column of the primary span, if any.
    pub primary: Option<(PathBuf, usize, usize)>,
    /// rustc's error code (`E0308`), if the error has one.
    pub code: Option<String>,
    /// The source line of the primary span, split where the span starts and ends:
    /// (before, the span, after).
    pub source: Option<(String, String, String)>,
    /// The replacements rustc suggests (`.0`, `&`), in order.
    pub suggestions: Vec<String>,
}

#[derive(Debug, Default)]
pub struct BuildOutput {
    /// The executable of each package that built.
    pub executables: HashMap<String, PathBuf>,
    /// The errors of each package that did not.
    pub errors: HashMap<String, Vec<Diagnostic>>,
    /// What cargo itself said, for failures that are not rustc's.
    pub cargo_stderr: String,
}

#[derive(Deserialize)]
struct Message {
    reason: String,
    manifest_path: Option<PathBuf>,
    executable: Option<PathBuf>,
    message: Option<RustcMessage>,
}

#[derive(Deserialize)]
struct RustcMessage {
    level: String,
    message: String,
    rendered: Option<String>,
    code: Option<Code>,
    #[serde(default)]
    spans: Vec<Span>,
    #[serde(default)]
    children: Vec<RustcMessage>,
}

#[derive(Deserialize)]
struct Code {
    code: String,
}

#[derive(Deserialize)]
struct Span {
    file_name: PathBuf,
    label: Option<String>,
    is_primary: bool,
    line_start: usize,
    column_start: usize,
    #[serde(default)]
    text: Vec<SpanLine>,
    suggested_replacement: Option<String>,
}

/// A source line of a span, with the span's columns in it (1-based, in characters).
#[derive(Deserialize)]
struct SpanLine {
    text: String,
    highlight_start: usize,
    highlight_end: usize,
}

impl SpanLine {
    /// (before, the highlighted part, after); `None` when the columns do not fit the line.
    fn split(&self) -> Option<(String, String, String)> {
        let chars: Vec<char> = self.text.chars().collect();
        let start = self.highlight_start.checked_sub(1)?;
        let end = self.highlight_end.checked_sub(1)?;
        if start > end || end > chars.len() {
            return None;
        }
        let part = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
        Some((part(0..start), part(start..end), part(end..chars.len())))
    }
}

/// Linking is a third of rebuilding a harness after an edit, and much of the linker's
/// time goes to merging the debug strings of the standard library and the dependencies.
/// Without that (`-O0`) rustc on `conv`'s harness after an edit took 122 ms instead of
/// 129 (medians of 21, alternating), and the line tables that name the student's line
/// in a panic stay. GNU ld, gold, lld and mold all
/// accept `-O0`; elsewhere nothing is added. A `RUSTFLAGS` of the student's own wins
/// over this, as cargo's own rules say.
const LINK_FLAGS: Option<&str> = if cfg!(target_os = "linux") {
    Some(r#"build.rustflags=["-C", "link-arg=-Wl,-O0"]"#)
} else {
    None
};

/// The target folder of the harness builds (`CNNLINGS_TARGET_DIR` moves it; tests share one).
pub fn target_dir(layout: &Layout) -> PathBuf {
    match std::env::var_os("CNNLINGS_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => layout.work_dir().join("target"),
    }
}

/// Where the harnesses of a lesson built in `profile` are built (cargo's folder of the
/// profile in the target folder).
pub fn profile_dir(layout: &Layout, profile: Profile) -> PathBuf {
    target_dir(layout).join(super::codegen::profile_dir(profile))
}

/// Whether a build of `packages` will compile the dependencies first: nothing has been
/// built yet in the profile of one of them (the optimised lessons' is another build).
pub fn is_first_build(layout: &Layout, packages: &[(String, Profile)]) -> bool {
    packages
        .iter()
        .any(|(_, profile)| !profile_dir(layout, *profile).join("deps").is_dir())
}

/// Builds `packages` of the harness workspace, each in its lesson's profile: one cargo
/// call for each profile among them (the debug lessons' first); a package that fails
/// does not stop the others. A package whose build only needs its mounted modules
/// compiled again, alone, is built by rustc directly (see [`super::direct`]).
pub fn build(
    layout: &Layout,
    workspace: &Path,
    packages: &[(String, Profile)],
    color: bool,
) -> Result<BuildOutput> {
    let mut out = BuildOutput::default();
    for profile in [Profile::Debug, Profile::Release] {
        let group: Vec<String> = packages
            .iter()
            .filter(|(_, p)| *p == profile)
            .map(|(package, _)| package.clone())
            .collect();
        if group.is_empty() {
            continue;
        }
        let built = build_in(layout, workspace, &group, profile, color)?;
        out.executables.extend(built.executables);
        out.errors.extend(built.errors);
        out.cargo_stderr.push_str(&built.cargo_stderr);
    }
    Ok(out)
}

/// Builds `packages`, all of lessons built in `profile`, as [`build`] does.
fn build_in(
    layout: &Layout,
    workspace: &Path,
    packages: &[String],
    profile: Profile,
    color: bool,
) -> Result<BuildOutput> {
    // Nothing to build when every package is as at its last good build: cargo would
    // only say so, after ~70 ms of reading the workspace (most re-checks are these).
    let contexts: Vec<Option<(u64, u64)>> = packages
        .iter()
        .map(|package| keys(layout, workspace, package, profile))
        .collect();
    let stamps = target_dir(layout).join("cnnlings-stamps");
    let fresh: HashMap<String, PathBuf> = packages
        .iter()
        .zip(&contexts)
        .filter_map(|(package, keys)| {
            let executable = stamped(&stamps.join(package), (*keys)?.1)?;
            Some((package.clone(), executable))
        })
        .collect();
    if fresh.len() == packages.len() {
        return Ok(BuildOutput {
            executables: fresh,
            ..BuildOutput::default()
        });
    }
    let records = records_dir(workspace);
    let stale: Vec<(&String, &Option<(u64, u64)>)> = packages
        .iter()
        .zip(&contexts)
        .filter(|(package, _)| !fresh.contains_key(*package))
        .collect();
    if let [(package, Some((context, key)))] = stale[..]
        && let Some(invocation) = super::direct::recorded(&records, package, *context)
        && let Some(mut result) = rebuild(layout, workspace, package, profile, &invocation, color)
    {
        if let Some(executable) = result.executables.get(package.as_str()) {
            stamp(&stamps.join(package), *key, executable);
        }
        result.executables.extend(fresh);
        return Ok(result);
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let format = if color {
        "json-diagnostic-rendered-ansi"
    } else {
        "json"
    };
    let mut command = Command::new(&cargo);
    command
        .arg("build")
        .arg("--manifest-path")
        .arg(workspace.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir(layout))
        .arg("--profile")
        .arg(super::codegen::cargo_profile(profile))
        .arg("--message-format")
        .arg(format)
        .arg("--keep-going")
        .arg("--quiet");
    if let Some(flags) = LINK_FLAGS {
        command.arg("--config").arg(flags);
    }
    // The harness crates' rustc goes through this checker, which writes down how
    // cargo called it (not needed to build, so left out if the checker cannot be found).
    if let Ok(checker) = std::env::current_exe() {
        command
            .env("RUSTC_WORKSPACE_WRAPPER", checker)
            .env(super::direct::RECORD_DIR, &records);
    }
    for package in packages {
        command.arg("-p").arg(package);
        super::direct::forget(&records, package);
    }
    let started = std::time::SystemTime::now() - super::direct::FILE_CLOCK_SLACK;
    let output = command
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("cannot run cargo ({})", Path::new(&cargo).display()))?;
    let mut result = BuildOutput {
        cargo_stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        ..BuildOutput::default()
    };
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Message>(line) else {
            continue;
        };
        let Some(package) = message
            .manifest_path
            .as_deref()
            .and_then(|m| m.parent()?.file_name()?.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        match (message.reason.as_str(), message.executable, message.message) {
            ("compiler-artifact", Some(executable), _) => {
                result.executables.insert(package, executable);
            }
            ("compiler-message", _, Some(m)) if m.level == "error" => {
                let diagnostic = diagnostic(m, workspace);
                result.errors.entry(package).or_default().push(diagnostic);
            }
            _ => {}
        }
    }
    for (package, keys) in packages.iter().zip(contexts) {
        let Some((context, key)) = keys else {
            continue;
        };
        super::direct::confirm(&records, package, context, started);
        if let Some(executable) = result.executables.get(package) {
            stamp(&stamps.join(package), key, executable);
        }
    }
    Ok(result)
}

/// Where the rustc invocations of a workspace's harness crates are written down.
fn records_dir(workspace: &Path) -> PathBuf {
    workspace.join(".rustc-calls")
}

/// Builds `package` with rustc from its recorded invocation. `None` if that did not
/// work in a way that is not the student's (rustc could not start, or failed without a
/// message): then cargo builds it.
fn rebuild(
    layout: &Layout,
    workspace: &Path,
    package: &str,
    profile: Profile,
    invocation: &super::direct::Invocation,
    color: bool,
) -> Option<BuildOutput> {
    let output = super::direct::rebuild(invocation, &profile_dir(layout, profile), color).ok()?;
    let mut result = BuildOutput {
        cargo_stderr: String::new(),
        ..BuildOutput::default()
    };
    let mut executable = None;
    let mut errors = Vec::new();
    for line in String::from_utf8_lossy(&output.stderr).lines() {
        let Ok(message) = serde_json::from_str::<DirectMessage>(line) else {
            continue;
        };
        match message {
            DirectMessage::Artifact { artifact, emit } if emit == "link" => {
                executable = Some(artifact)
            }
            DirectMessage::Diagnostic(m) if m.level == "error" => {
                errors.push(diagnostic(m, workspace))
            }
            _ => {}
        }
    }
    match (output.status.success(), executable) {
        (true, Some(executable)) if executable.is_file() => {
            result.executables.insert(package.to_string(), executable);
        }
        (false, _) if !errors.is_empty() => {
            result.errors.insert(package.to_string(), errors);
        }
        _ => return None,
    }
    Some(result)
}

/// What rustc writes on stderr with `--error-format=json --json=artifacts`.
#[derive(Deserialize)]
#[serde(tag = "$message_type", rename_all = "lowercase")]
enum DirectMessage {
    Diagnostic(RustcMessage),
    Artifact {
        artifact: PathBuf,
        emit: String,
    },
    #[serde(other)]
    Other,
}

/// Our form of one of rustc's error messages; rustc names files relative to `workspace`.
fn diagnostic(m: RustcMessage, workspace: &Path) -> Diagnostic {
    let primary_span = m.spans.iter().find(|s| s.is_primary);
    let primary =
        primary_span.map(|s| (workspace.join(&s.file_name), s.line_start, s.column_start));
    let label = primary_span.and_then(|s| s.label.clone());
    let source = primary_span
        .and_then(|s| s.text.first())
        .and_then(SpanLine::split);
    let suggestions = m
        .children
        .iter()
        .flat_map(|c| &c.spans)
        .filter_map(|s| s.suggested_replacement.clone())
        .collect();
    Diagnostic {
        label,
        rendered: m.rendered.unwrap_or_else(|| m.message.clone()),
        message: m.message,
        primary,
        code: m.code.map(|c| c.code),
        source,
        suggestions,
    }
}

/// Two keys over what a harness package's build reads: its context (the workspace's
/// manifest and lock file, the package's own files, the runtime crate, the profile and
/// the compiler flags cargo is given), and that
/// with the module files its `main.rs` mounts with `#[path]`. `None` if a file cannot
/// be read (then cargo decides).
fn keys(layout: &Layout, workspace: &Path, package: &str, profile: Profile) -> Option<(u64, u64)> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    super::codegen::runtime_fingerprint(layout)?.hash(&mut hasher);
    super::codegen::cargo_profile(profile).hash(&mut hasher);
    // What cargo is told besides the files: another flag means another build.
    LINK_FLAGS.hash(&mut hasher);
    for flags in [
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
    ] {
        std::env::var_os(flags).hash(&mut hasher);
    }
    let dir = workspace.join(package);
    for file in [
        workspace.join("Cargo.toml"),
        workspace.join("Cargo.lock"),
        dir.join("Cargo.toml"),
    ] {
        std::fs::read(file).ok()?.hash(&mut hasher);
    }
    let main = std::fs::read_to_string(dir.join("src").join("main.rs")).ok()?;
    main.hash(&mut hasher);
    let context = hasher.finish();
    for line in main.lines() {
        // `#[path = "/abs/file.rs"]`, as codegen writes it.
        if let Some(path) = line
            .trim()
            .strip_prefix("#[path = ")
            .and_then(|rest| rest.strip_suffix(']'))
        {
            let path: String = serde_json::from_str(path).ok()?;
            std::fs::read(path).ok()?.hash(&mut hasher);
        }
    }
    Some((context, hasher.finish()))
}

/// The executable a stamp names, if the stamp holds `key` and the executable is there,
/// as it was built (another workbook sharing the target folder may have built over it).
fn stamped(stamp: &Path, key: u64) -> Option<PathBuf> {
    let text = std::fs::read_to_string(stamp).ok()?;
    let mut lines = text.lines();
    let (written, executable, modified) = (lines.next()?, lines.next()?, lines.next()?);
    let executable = PathBuf::from(executable);
    let fresh = written == format!("{key:016x}") && modified == modified_nanos(&executable)?;
    fresh.then_some(executable)
}

/// When a file was last written, in nanoseconds, as text.
fn modified_nanos(file: &Path) -> Option<String> {
    let modified = std::fs::metadata(file).ok()?.modified().ok()?;
    let nanos = modified
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(nanos.to_string())
}

/// Remembers that the package with inputs `key` built `executable`. A stamp that cannot
/// be written only costs a build next time.
fn stamp(stamp: &Path, key: u64, executable: &Path) {
    let Some(modified) = modified_nanos(executable) else {
        return;
    };
    if let Some(dir) = stamp.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let text = format!("{key:016x}\n{}\n{modified}", executable.display());
    let _ = std::fs::write(stamp, text);
}
