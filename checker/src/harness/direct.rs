//! Rebuilds a harness with rustc alone, the way cargo last built it.
//!
//! After a student's edit only their module files have changed. cargo would read the
//! harness workspace, check the fingerprints of every dependency and then run rustc on
//! the harness crate: ~60 ms of its own before rustc starts, on every check. So each
//! cargo build runs the harness crates' rustc through this checker (cargo's
//! `RUSTC_WORKSPACE_WRAPPER`), which writes down the command line, the folder and
//! cargo's variables ([`wrap`]). The next build of that package, if nothing but the
//! mounted module files changed, runs that command itself ([`rebuild`]).
//!
//! cargo's own fingerprint of the package is then out of date, which only makes cargo
//! build the package again the next time it is asked to; the build lock cargo takes is
//! taken here too, so two checks sharing a target folder never write the same file.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Set by the checker on its cargo calls: the folder where the wrapper writes down the
/// rustc invocations of harness crates.
pub const RECORD_DIR: &str = "CNNLINGS_RECORD_RUSTC";

/// A rustc invocation as cargo made it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Invocation {
    pub rustc: PathBuf,
    pub args: Vec<String>,
    pub cwd: PathBuf,
    /// cargo's variables (`CARGO_PKG_NAME`, `CARGO_MANIFEST_DIR`, ...).
    pub env: BTreeMap<String, String>,
    /// Which compiler `rustc` was (see [`compiler_identity`]); a record without one is
    /// never run again.
    #[serde(default)]
    pub compiler: Option<String>,
}

/// The checker as cargo's `RUSTC_WORKSPACE_WRAPPER`: writes down the invocation of a
/// harness binary in `dir`, then becomes rustc with the same arguments. Returns only if
/// rustc cannot be started.
pub fn wrap(dir: &Path) -> std::process::ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(rustc) = args.next() else {
        eprintln!("cnnlings: rustc wrapper called without rustc");
        return std::process::ExitCode::from(101);
    };
    let args: Vec<OsString> = args.collect();
    if let Some(invocation) = invocation(&rustc, &args) {
        record(dir, &invocation);
    }
    let error = Command::new(&rustc).args(&args).exec();
    eprintln!(
        "cnnlings: cannot run {}: {error}",
        Path::new(&rustc).display()
    );
    std::process::ExitCode::from(101)
}

/// The invocation to write down: a binary crate's, with arguments that are text.
fn invocation(rustc: &OsString, args: &[OsString]) -> Option<Invocation> {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_str().map(str::to_string))
        .collect::<Option<_>>()?;
    let is_bin = args
        .windows(2)
        .any(|w| w[0] == "--crate-type" && w[1] == "bin");
    // cargo also asks rustc what it can build (`--crate-name ___ --print=...`).
    let links = args
        .iter()
        .any(|a| a.starts_with("--emit=") && a.contains("link"));
    if !is_bin || !links || crate_name(&args).is_none() {
        return None;
    }
    let env = std::env::vars().filter(|(k, _)| is_cargos(k)).collect();
    Some(Invocation {
        compiler: compiler_identity(Path::new(rustc)),
        rustc: PathBuf::from(rustc),
        args,
        cwd: std::env::current_dir().ok()?,
        env,
    })
}

/// The compiler at `rustc` as its file's size and time: `rustup update` replaces the
/// file in place, and the new compiler cannot use libraries the old one built (it would
/// say so as a compile error, in the student's check). `None` if it cannot be read.
fn compiler_identity(rustc: &Path) -> Option<String> {
    let metadata = std::fs::metadata(rustc).ok()?;
    let modified = metadata
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("{} {modified}", metadata.len()))
}

/// How far behind the clock a file's time may be: the kernel stamps files with a coarse
/// clock, a tick (1–10 ms) behind. A build's start is taken this much earlier.
pub const FILE_CLOCK_SLACK: std::time::Duration = std::time::Duration::from_millis(50);

/// A variable cargo sets for rustc (not its jobserver, which will be gone).
fn is_cargos(name: &str) -> bool {
    (name == "CARGO" || name.starts_with("CARGO_")) && name != "CARGO_MAKEFLAGS"
}

fn crate_name(args: &[String]) -> Option<&str> {
    args.windows(2)
        .find(|w| w[0] == "--crate-name")
        .map(|w| w[1].as_str())
}

fn record_path(dir: &Path, crate_name: &str) -> PathBuf {
    dir.join(format!("{crate_name}.json"))
}

/// A record that cannot be written only costs a cargo call next time.
fn record(dir: &Path, invocation: &Invocation) {
    let Some(name) = crate_name(&invocation.args) else {
        return;
    };
    let Ok(text) = serde_json::to_string(invocation) else {
        return;
    };
    let _ = std::fs::create_dir_all(dir);
    // Written even when unchanged: its time tells [`confirm`] it is this build's.
    let _ = std::fs::write(record_path(dir, name), text);
}

/// The invocation cargo last used for `package`, if it was recorded for the build
/// whose context (everything but the mounted modules) is `context`.
pub fn recorded(dir: &Path, package: &str, context: u64) -> Option<Invocation> {
    let name = package.replace('-', "_");
    let stamp = std::fs::read_to_string(dir.join(format!("{name}.context"))).ok()?;
    if stamp != format!("{context:016x}") {
        return None;
    }
    let text = std::fs::read_to_string(record_path(dir, &name)).ok()?;
    let invocation: Invocation = serde_json::from_str(&text).ok()?;
    // Another compiler since (`rustup update`): cargo builds the dependencies again.
    if invocation.compiler.is_none() || invocation.compiler != compiler_identity(&invocation.rustc)
    {
        return None;
    }
    // A dependency removed since (`cargo clean`): cargo must build it again.
    let externs_exist = invocation
        .args
        .iter()
        .filter_map(|a| a.split_once('=').map(|(_, path)| path))
        .filter(|path| path.ends_with(".rlib"))
        .all(|path| Path::new(path).is_file());
    externs_exist.then_some(invocation)
}

/// Before a cargo build of `package`: its record no longer applies.
pub fn forget(dir: &Path, package: &str) {
    let name = package.replace('-', "_");
    let _ = std::fs::remove_file(dir.join(format!("{name}.context")));
}

/// After a cargo build that started at `since`: the record of `package` belongs to
/// `context` if cargo ran rustc on it in that build (and so wrote it down again).
pub fn confirm(dir: &Path, package: &str, context: u64, since: std::time::SystemTime) {
    let name = package.replace('-', "_");
    let written = std::fs::metadata(record_path(dir, &name)).and_then(|m| m.modified());
    if written.is_ok_and(|time| time >= since) {
        let _ = std::fs::write(
            dir.join(format!("{name}.context")),
            format!("{context:016x}"),
        );
    }
}

/// Runs a recorded invocation again, holding cargo's build lock of `profile_dir` (the
/// folder of the profile it was built in, `debug/` or `optimised/` of the target
/// folder). `color` decides whether rustc's rendered messages carry colours. rustc's
/// JSON messages are on stderr of the output.
pub fn rebuild(
    invocation: &Invocation,
    profile_dir: &Path,
    color: bool,
) -> std::io::Result<Output> {
    let _lock = BuildLock::take(&profile_dir.join(".cargo-lock"))?;
    let json = match color {
        true => "--json=diagnostic-rendered-ansi,artifacts,future-incompat",
        false => "--json=artifacts,future-incompat",
    };
    let args = invocation
        .args
        .iter()
        .map(|a| match a.starts_with("--json=") {
            true => json,
            false => a.as_str(),
        });
    let mut command = Command::new(&invocation.rustc);
    command.args(args).current_dir(&invocation.cwd);
    // The checker's own cargo variables (under `cargo run`) are not the harness's.
    for (name, _) in std::env::vars_os() {
        if name.to_str().is_some_and(is_cargos) {
            command.env_remove(name);
        }
    }
    command.envs(&invocation.env).stdin(Stdio::null()).output()
}

/// An exclusive `flock` on cargo's lock file of a build folder, released when dropped.
struct BuildLock(std::fs::File);

impl BuildLock {
    fn take(path: &Path) -> std::io::Result<BuildLock> {
        use std::os::fd::AsRawFd;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)?;
        // SAFETY: flock on a descriptor this function owns; it blocks until granted.
        let result = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
        if result != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(BuildLock(file))
    }
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        use std::os::fd::AsRawFd;
        // SAFETY: unlocks the descriptor this value owns; closing it would too.
        unsafe {
            libc::flock(self.0.as_raw_fd(), libc::LOCK_UN);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn only_binary_crates_are_written_down() {
        let rustc = OsString::from("rustc");
        let bin = strings(&[
            "--crate-name",
            "conv_student",
            "--crate-type",
            "bin",
            "--emit=dep-info,link",
        ]);
        let lib = strings(&[
            "--crate-name",
            "ndarray",
            "--crate-type",
            "lib",
            "--emit=link",
        ]);
        let query = strings(&["-vV"]);
        let probe = strings(&[
            "--crate-name",
            "___",
            "--crate-type",
            "bin",
            "--print=file-names",
        ]);
        assert!(invocation(&rustc, &probe).is_none());
        let recorded = invocation(&rustc, &bin).map(|i| i.args);
        assert_eq!(
            recorded.as_deref().and_then(crate_name),
            Some("conv_student")
        );
        assert!(invocation(&rustc, &lib).is_none());
        assert!(invocation(&rustc, &query).is_none());
    }

    #[test]
    fn cargos_jobserver_is_not_kept() {
        assert!(is_cargos("CARGO_PKG_NAME"));
        assert!(is_cargos("CARGO"));
        assert!(!is_cargos("CARGO_MAKEFLAGS"));
        assert!(!is_cargos("CARGOX"));
    }

    #[test]
    fn a_record_serves_only_its_context_and_while_its_libraries_exist() {
        let dir = std::env::temp_dir().join(format!("cnnlings-direct-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let rlib = dir.join("libdep.rlib");
        std::fs::write(&rlib, "").unwrap();
        let rustc = dir.join("rustc");
        std::fs::write(&rustc, "").unwrap();
        let invocation = Invocation {
            compiler: compiler_identity(&rustc),
            rustc: rustc.clone(),
            args: vec![
                "--crate-name".into(),
                "conv_student".into(),
                "--extern".into(),
                format!("dep={}", rlib.display()),
            ],
            cwd: dir.clone(),
            env: BTreeMap::new(),
        };
        record(&dir, &invocation);
        // The same invocation again, as cargo makes it on every build of the package:
        // written anew, so that it counts as that build's.
        std::thread::sleep(3 * FILE_CLOCK_SLACK);
        let before = std::time::SystemTime::now() - FILE_CLOCK_SLACK;
        record(&dir, &invocation);
        assert!(
            recorded(&dir, "conv-student", 7).is_none(),
            "not confirmed yet"
        );
        confirm(
            &dir,
            "conv-student",
            7,
            std::time::SystemTime::now() + std::time::Duration::from_secs(60),
        );
        assert!(
            recorded(&dir, "conv-student", 7).is_none(),
            "written before that build"
        );
        confirm(&dir, "conv-student", 7, before);
        assert!(recorded(&dir, "conv-student", 7).is_some());
        assert!(
            recorded(&dir, "conv-student", 8).is_none(),
            "another context"
        );
        std::fs::remove_file(&rlib).unwrap();
        assert!(
            recorded(&dir, "conv-student", 7).is_none(),
            "a library is gone"
        );
        std::fs::write(&rlib, "").unwrap();
        assert!(recorded(&dir, "conv-student", 7).is_some());
        // The compiler updated in place.
        std::fs::write(&rustc, "a newer rustc").unwrap();
        assert!(
            recorded(&dir, "conv-student", 7).is_none(),
            "another compiler"
        );
        forget(&dir, "conv-student");
        assert!(recorded(&dir, "conv-student", 7).is_none(), "forgotten");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
