//! The kernel sandbox of a harness process: Landlock (Linux 5.13 and later), made by the
//! checker before the child is forked and enforced in the child before it executes the
//! harness, with `no_new_privs`. The checker itself is never restricted.
//!
//! A sandboxed harness may execute and read its own binary, read and map the shared
//! libraries it loads (the folders the checker's own libraries come from, and the
//! loader's cache), and read, write, create and remove files in its scratch folder (its
//! inputs and results are there, and it is its current folder); nothing else. Landlock
//! ABI 4 and later also forbids every TCP connection and bind; ABI 6 and later keeps it
//! from signalling processes outside the sandbox and from abstract UNIX sockets. What the
//! kernel offers is asked once ([`protection`]); where it offers nothing (another Unix, a
//! Linux without Landlock) or `CNNLINGS_SANDBOX=off` says so, harnesses run with their
//! limits alone, and the commands say once what is missing.
//!
//! Data files are never opened by a harness: the checker reads what a lesson declares and
//! passes the values in the inputs file, so no data folder is granted.

use anyhow::Result;
use std::path::Path;
use std::sync::OnceLock;

/// The environment variable that turns the sandbox off (`CNNLINGS_SANDBOX=off`), so that
/// the fallback can be seen and tested on a kernel that has Landlock.
pub const SWITCH: &str = "CNNLINGS_SANDBOX";

/// What the kernel enforces on a harness process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Protection {
    /// Landlock, of this ABI version.
    Landlock { abi: i32 },
    /// No Landlock: only the time and memory limits (and, in grading, the token scan).
    Absent(Absent),
}

/// Why there is no Landlock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Absent {
    /// `CNNLINGS_SANDBOX=off`.
    SwitchedOff,
    /// The kernel has Landlock but it was not enabled at boot (`lsm=`).
    NotEnabled,
    /// The kernel has no Landlock (Linux before 5.13, WSL1, or not built in).
    NotInKernel,
    /// Not Linux (macOS, a BSD): Landlock is Linux's.
    #[cfg_attr(
        target_os = "linux",
        allow(dead_code, reason = "made on other systems")
    )]
    NotLinux,
}

/// Something the sandbox does not keep a harness from, on this system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Files and folders outside its own: no Landlock at all.
    Files,
    /// TCP connections and binds (Landlock before ABI 4).
    Network,
    /// Signals to other processes and abstract UNIX sockets (Landlock before ABI 6).
    Signals,
}

impl Protection {
    /// What a harness is not kept from here, most important first; empty when nothing of
    /// what the sandbox promises is missing.
    pub fn gaps(self) -> Vec<Gap> {
        match self {
            Protection::Absent(_) => vec![Gap::Files, Gap::Network, Gap::Signals],
            Protection::Landlock { abi } => {
                let mut gaps = Vec::new();
                if abi < 4 {
                    gaps.push(Gap::Network);
                }
                if abi < 6 {
                    gaps.push(Gap::Signals);
                }
                gaps
            }
        }
    }

    /// Whether a harness's files are out of its reach: a denied open is the sandbox's.
    pub fn guards_files(self) -> bool {
        matches!(self, Protection::Landlock { .. })
    }
}

/// What this system's kernel enforces on a harness, asked once.
pub fn protection() -> Protection {
    static PROTECTION: OnceLock<Protection> = OnceLock::new();
    *PROTECTION.get_or_init(|| {
        if std::env::var_os(SWITCH).is_some_and(|v| v == "off") {
            return Protection::Absent(Absent::SwitchedOff);
        }
        kernel::landlock_abi()
    })
}

/// What the sandbox stopped, as the report tells a student.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    pub attempt: Attempt,
    /// The file, folder or address the code named, when the line names it as a string.
    pub target: Option<String>,
}

/// What code the sandbox stopped was doing, from the line its panic points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    File,
    /// Listing a folder (`read_dir`).
    Folder,
    Connection,
    Program,
    /// The line does not say (the error was kept and unwrapped elsewhere).
    Unknown,
}

/// Whether a panic's `message` is the sandbox's refusal: an operating-system error
/// `EACCES` (`Permission denied (os error 13)`, or as `{:?}` prints it), which a denied
/// open, connection or program start returns; and, if so, what `line` (the source line
/// the panic points at, if read) tried. `None` without Landlock: the refusal is then the
/// file's own permissions, not the sandbox's.
pub fn stopped(message: &str, line: Option<&str>) -> Option<Stopped> {
    let denied = message.contains("(os error 13)")
        || message.contains("Os { code: 13, kind: PermissionDenied");
    if !denied || !protection().guards_files() {
        return None;
    }
    let line = line.unwrap_or_default();
    let code = line.split("//").next().unwrap_or_default();
    let names = |words: &[&str]| words.iter().any(|w| code.contains(w));
    let attempt = if names(&["Command", "process::"]) {
        Attempt::Program
    } else if names(&[
        "TcpStream",
        "TcpListener",
        "UdpSocket",
        "net::",
        "connect",
        "bind",
    ]) {
        Attempt::Connection
    } else if names(&["read_dir"]) {
        Attempt::Folder
    } else if names(&[
        "fs::", "File", "read_dir", "write", "read", "open", "create", "remove", "copy", "rename",
    ]) {
        Attempt::File
    } else {
        Attempt::Unknown
    };
    Some(Stopped {
        attempt,
        target: first_string(code).filter(|s| !s.is_empty() && !s.contains('{')),
    })
}

/// The first string literal of a line of Rust, as written between its quotes.
fn first_string(code: &str) -> Option<String> {
    let start = code.find('"')? + 1;
    let mut text = String::new();
    let mut chars = code[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(text),
            '\\' => text.push(chars.next()?),
            c => text.push(c),
        }
    }
    None
}

/// The rules of one harness run, made in the checker: kept until the child is spawned.
pub struct Rules {
    #[cfg(target_os = "linux")]
    ruleset: Option<std::os::fd::OwnedFd>,
}

impl Rules {
    /// The rules for running `executable` with `scratch` as its own folder, or none when
    /// the kernel has no Landlock (see [`protection`]).
    pub fn new(executable: &Path, scratch: &Path) -> Result<Rules> {
        #[cfg(target_os = "linux")]
        {
            let ruleset = match protection() {
                Protection::Landlock { .. } => Some(kernel::ruleset(executable, scratch)?),
                Protection::Absent(_) => None,
            };
            Ok(Rules { ruleset })
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = (executable, scratch);
            Ok(Rules {})
        }
    }

    /// No rules: the limits alone (and `no_new_privs`).
    pub fn none() -> Rules {
        Rules {
            #[cfg(target_os = "linux")]
            ruleset: None,
        }
    }

    /// What the child, between fork and exec, must do: [`Enforce::apply`].
    pub fn enforce(&self) -> Enforce {
        #[cfg(target_os = "linux")]
        {
            use std::os::fd::AsRawFd;
            Enforce {
                ruleset: self.ruleset.as_ref().map_or(-1, |fd| fd.as_raw_fd()),
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            Enforce {}
        }
    }
}

/// The part of [`Rules`] a forked child uses: a file descriptor, copied into the
/// `pre_exec` closure; the [`Rules`] it came from must live until the child is spawned.
#[derive(Debug, Clone, Copy)]
pub struct Enforce {
    #[cfg(target_os = "linux")]
    ruleset: std::os::fd::RawFd,
}

impl Enforce {
    /// Restricts the calling process (a child between fork and exec) for good: sets
    /// `no_new_privs` and, with Landlock, enforces the ruleset. Only async-signal-safe
    /// system calls: nothing is allocated.
    pub fn apply(self) -> std::io::Result<()> {
        #[cfg(target_os = "linux")]
        {
            // SAFETY: plain system calls on integers; the ruleset's descriptor is open in
            // the child (it was in the parent at fork, and is closed only on exec).
            unsafe {
                if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if self.ruleset >= 0 {
                    kernel::allow_own_proc(self.ruleset);
                    if libc::syscall(libc::SYS_landlock_restrict_self, self.ruleset, 0) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(target_os = "linux")]
mod kernel {
    use super::{Absent, Protection};
    use anyhow::{Context, Result};
    use landlock::{
        ABI, Access, AccessFs, AccessNet, PathBeneath, PathFd, Ruleset, RulesetAttr,
        RulesetCreatedAttr, Scope,
    };
    use std::os::fd::OwnedFd;
    use std::path::{Path, PathBuf};
    use std::sync::OnceLock;

    /// The newest ABI whose rights are asked for; the crate leaves out, on an older
    /// kernel, what it lacks (its best effort), and [`Protection::gaps`] says what.
    const ASKED: ABI = ABI::V9;

    /// `LANDLOCK_CREATE_RULESET_VERSION`: asks the kernel its ABI instead of a ruleset.
    const VERSION: libc::c_uint = 1;

    pub fn landlock_abi() -> Protection {
        // SAFETY: with a null attribute and the version flag, the call only answers.
        let abi = unsafe {
            libc::syscall(
                libc::SYS_landlock_create_ruleset,
                std::ptr::null::<libc::c_void>(),
                0usize,
                VERSION,
            )
        };
        if abi > 0 {
            return Protection::Landlock { abi: abi as i32 };
        }
        match std::io::Error::last_os_error().raw_os_error() {
            Some(libc::EOPNOTSUPP) => Protection::Absent(Absent::NotEnabled),
            _ => Protection::Absent(Absent::NotInKernel),
        }
    }

    /// In the child, between fork and exec: lets it read its own `/proc/<pid>` (its pid is
    /// only known now, and stays the harness's). The Rust runtime reads its stack's place
    /// in `/proc/self/maps`, to tell a stack overflow from any other crash. No other
    /// process's entries: a `/proc/<pid>/cmdline` could name the grader's folders. Only
    /// async-signal-safe system calls; should one fail, a stack overflow is a crash.
    ///
    /// # Safety
    ///
    /// `ruleset` is a Landlock ruleset's descriptor.
    pub unsafe fn allow_own_proc(ruleset: libc::c_int) {
        /// `struct landlock_path_beneath_attr`, packed as the kernel's.
        #[repr(C, packed)]
        struct PathBeneathAttr {
            allowed_access: u64,
            parent_fd: i32,
        }
        /// `LANDLOCK_RULE_PATH_BENEATH`.
        const PATH_BENEATH: libc::c_int = 1;
        // SAFETY: a NUL-terminated path; the attribute lives on this stack for the call.
        unsafe {
            let own = libc::open(
                c"/proc/self".as_ptr(),
                libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC,
            );
            if own < 0 {
                return;
            }
            let attr = PathBeneathAttr {
                allowed_access: AccessFs::ReadFile as u64,
                parent_fd: own,
            };
            libc::syscall(
                libc::SYS_landlock_add_rule,
                ruleset,
                PATH_BENEATH,
                &raw const attr,
                0,
            );
            libc::close(own);
        }
    }

    /// The ruleset of one run, ready for `landlock_restrict_self`.
    pub fn ruleset(executable: &Path, scratch: &Path) -> Result<OwnedFd> {
        let fs = AccessFs::from_all(ASKED);
        let read = AccessFs::ReadFile | AccessFs::Execute;
        // Its own folder: files and folders in it, read, written and removed; no
        // devices, pipes, sockets or links, and nothing executed.
        let own = AccessFs::ReadFile
            | AccessFs::ReadDir
            | AccessFs::WriteFile
            | AccessFs::Truncate
            | AccessFs::MakeReg
            | AccessFs::MakeDir
            | AccessFs::RemoveFile
            | AccessFs::RemoveDir;
        let beneath = |path: &Path, access| -> Result<PathBeneath<PathFd>> {
            let fd = PathFd::new(path)
                .with_context(|| format!("cannot open {} for the sandbox", path.display()))?;
            Ok(PathBeneath::new(fd, access))
        };
        let mut rules = vec![beneath(executable, read)?, beneath(scratch, own)?];
        for path in system_paths() {
            rules.push(beneath(path, read)?);
        }
        let mut created = Ruleset::default()
            .handle_access(fs)?
            .handle_access(AccessNet::from_all(ASKED))?
            .scope(Scope::from_all(ASKED))?
            .create()?;
        for rule in rules {
            created = created.add_rule(rule)?;
        }
        let fd: Option<OwnedFd> = created.into();
        fd.context("the kernel gave no Landlock ruleset")
    }

    /// What every harness reads to start: the folders of the shared libraries the
    /// checker itself has mapped (the same toolchain links the harness to the same
    /// libc, libm, libgcc_s and loader), else the usual library folders, and the
    /// loader's cache. Only those that exist; found once.
    fn system_paths() -> &'static [PathBuf] {
        static PATHS: OnceLock<Vec<PathBuf>> = OnceLock::new();
        PATHS.get_or_init(|| {
            let mut folders: Vec<PathBuf> = std::fs::read_to_string("/proc/self/maps")
                .map(|maps| library_folders(&maps))
                .unwrap_or_default();
            if folders.is_empty() {
                folders = ["/lib", "/lib64", "/usr/lib", "/usr/lib64"]
                    .iter()
                    .map(PathBuf::from)
                    .collect();
            }
            folders.push(PathBuf::from("/etc/ld.so.cache"));
            folders.retain(|p| p.exists());
            folders
        })
    }

    /// The folders of the shared libraries in a `/proc/<pid>/maps`, each once.
    pub(super) fn library_folders(maps: &str) -> Vec<PathBuf> {
        let mut folders: Vec<PathBuf> = Vec::new();
        for line in maps.lines() {
            // address perms offset dev inode path
            let Some(path) = line.split_whitespace().nth(5) else {
                continue;
            };
            let file = Path::new(path);
            let is_library = file
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".so") || n.contains(".so."));
            if let (true, Some(folder)) = (is_library && path.starts_with('/'), file.parent())
                && !folders.iter().any(|f| f == folder)
            {
                folders.push(folder.to_path_buf());
            }
        }
        folders
    }
}

#[cfg(not(target_os = "linux"))]
mod kernel {
    use super::{Absent, Protection};

    pub fn landlock_abi() -> Protection {
        Protection::Absent(Absent::NotLinux)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_landlock_names_what_it_cannot_restrict() {
        assert!(Protection::Landlock { abi: 7 }.gaps().is_empty());
        assert!(Protection::Landlock { abi: 6 }.gaps().is_empty());
        assert_eq!(Protection::Landlock { abi: 5 }.gaps(), [Gap::Signals]);
        assert_eq!(
            Protection::Landlock { abi: 3 }.gaps(),
            [Gap::Network, Gap::Signals]
        );
        assert_eq!(
            Protection::Absent(Absent::NotInKernel).gaps(),
            [Gap::Files, Gap::Network, Gap::Signals]
        );
    }

    /// A denied open, connection or program start is told from its panic's message and
    /// the line the panic points at; any other panic is not the sandbox's.
    #[test]
    fn a_refusal_is_read_from_its_panic_and_its_line() {
        if !protection().guards_files() {
            return;
        }
        let unwrapped = "called `Result::unwrap()` on an `Err` value: Os { code: 13, kind: PermissionDenied, message: \"Permission denied\" }";
        let stopped_by = |line: &str| stopped(unwrapped, Some(line));
        let stop = |attempt, target: Option<&str>| {
            Some(Stopped {
                attempt,
                target: target.map(str::to_string),
            })
        };
        assert_eq!(
            stopped_by(r#"    std::fs::write("/tmp/x", "out").unwrap(); // "not this""#),
            stop(Attempt::File, Some("/tmp/x"))
        );
        assert_eq!(
            stopped_by(r#"let s = TcpStream::connect("127.0.0.1:9").unwrap();"#),
            stop(Attempt::Connection, Some("127.0.0.1:9"))
        );
        assert_eq!(
            stopped_by(r#"let names = Path::new("/srv/lessons").read_dir().unwrap();"#),
            stop(Attempt::Folder, Some("/srv/lessons"))
        );
        assert_eq!(
            stopped_by(r#"Command::new("ls").output().unwrap();"#),
            stop(Attempt::Program, Some("ls"))
        );
        assert_eq!(
            stopped_by(r#"File::open(format!("{dir}/a")).unwrap();"#),
            stop(Attempt::File, None)
        );
        assert_eq!(
            stopped_by("    result.unwrap();"),
            stop(Attempt::Unknown, None)
        );
        assert_eq!(
            stopped(
                "cannot write: Permission denied (os error 13)",
                Some("let _ = w;")
            ),
            stop(Attempt::Unknown, None)
        );
        assert_eq!(stopped("boom", Some(r#"fs::write("/x", "")"#)), None);
        assert_eq!(
            stopped("No such file or directory (os error 2)", None),
            None
        );
    }

    /// Runs `program -c script` in `own` under the rules of a harness that is `program`:
    /// whether it succeeded, and what it printed. `None` without Landlock.
    #[cfg(target_os = "linux")]
    fn confined(program: &str, script: &str, own: &Path) -> Option<(bool, String)> {
        use std::os::unix::process::CommandExt;
        if !protection().guards_files() {
            eprintln!("no Landlock here: the sandbox is not tested");
            return None;
        }
        let rules = Rules::new(Path::new(program), own).unwrap();
        let enforce = rules.enforce();
        let mut command = std::process::Command::new(program);
        command.args(["-c", script]).current_dir(own);
        // SAFETY: `apply` makes only async-signal-safe system calls.
        unsafe {
            command.pre_exec(move || enforce.apply());
        }
        let output = command.output().unwrap();
        drop(rules);
        Some((
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        ))
    }

    /// Its own folder is its own; a file elsewhere cannot be written, nor a folder
    /// listed (`echo /*` stays as it is written when `/` cannot be read), nor another
    /// process signalled or read in `/proc`; its own `/proc` entries can be read.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_harness_writes_only_its_own_folder_and_lists_no_other() {
        let own = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let escaped = outside.path().join("escaped.txt");
        let script = format!(
            "echo kept > kept.txt && read line < kept.txt && echo \"$line\"; \
             echo out > {escaped} || echo refused; \
             echo /*; echo {outside}/*; echo *; \
             kill -0 {parent} || echo no-signal; \
             read line < /proc/self/maps && echo own-maps; \
             read line < /proc/{parent}/cmdline || echo no-other-cmdline",
            escaped = escaped.display(),
            outside = outside.path().display(),
            parent = std::process::id(),
        );
        let Some((_, printed)) = confined("/bin/sh", &script, own.path()) else {
            return;
        };
        let lines: Vec<&str> = printed.lines().collect();
        assert_eq!(
            lines,
            [
                "kept",
                "refused",
                "/*",
                &format!("{}/*", outside.path().display()),
                "kept.txt",
                "no-signal",
                "own-maps",
                "no-other-cmdline"
            ],
            "{printed}"
        );
        assert!(!escaped.exists());
    }

    /// No TCP connection, not even to this machine, and no other program started.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_harness_connects_nowhere_and_starts_no_program() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let own = tempfile::tempdir().unwrap();
        let script = format!(
            "echo hello > /dev/tcp/127.0.0.1/{port} && echo connected; /bin/true && echo started; echo done"
        );
        let Some((_, printed)) = confined("/bin/bash", &script, own.path()) else {
            return;
        };
        assert_eq!(printed, "done\n");
        listener.set_nonblocking(true).unwrap();
        assert_eq!(
            listener.accept().map(|_| ()).map_err(|e| e.kind()),
            Err(std::io::ErrorKind::WouldBlock)
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_library_folders_are_those_of_mapped_shared_libraries() {
        let maps = "\
5581c0a00000-5581c0a2a000 r--p 00000000 08:01 1 /work/target/debug/checker
7f0e1c000000-7f0e1c021000 rw-p 00000000 00:00 0
7f0e1c400000-7f0e1c428000 r--p 00000000 08:01 2 /usr/lib/x86_64-linux-gnu/libc.so.6
7f0e1c600000-7f0e1c610000 r-xp 00000000 08:01 3 /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7f0e1c800000-7f0e1c82a000 r--p 00000000 08:01 4 /usr/lib64/ld-linux-x86-64.so.2
7ffd2a1f0000-7ffd2a211000 rw-p 00000000 00:00 0 [stack]
";
        assert_eq!(
            kernel::library_folders(maps),
            [
                std::path::PathBuf::from("/usr/lib/x86_64-linux-gnu"),
                std::path::PathBuf::from("/usr/lib64")
            ]
        );
    }
}
