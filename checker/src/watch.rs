//! Watch mode's machinery: file events, keys, and a terminal that is always given back.
//!
//! Saves and keys arrive as [`Event`]s on one channel, each from a thread of its own, so
//! a key pressed while a check runs waits in the channel, in order, until the check is
//! done. The screens themselves are drawn by `commands/watch.rs`.

use crate::terminal::{enter_raw_mode, in_raw_mode, leave_raw_mode};
use crossterm::event::{self as term_event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal::{self, ClearType};
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long the files must be quiet before a check: one save, even by a temporary file
/// and a rename, is one event (editors finish those within a few milliseconds). A save
/// whose end the system reports (the file closed after writing, or renamed into place)
/// is checked at once instead; this wait is for the others (other systems, other ways
/// of writing). It is kept short: Rustlings waits 200 ms. A check that starts too early
/// only finds the same contents again (see `check_if_changed`) or is followed by the
/// next event's check.
const DEBOUNCE: Duration = Duration::from_millis(50);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A watched file was written, created, renamed or deleted.
    Saved,
    /// A key, lowercased.
    Key(char),
    /// The file watcher reports a problem; watching goes on.
    WatchError(String),
}

/// The exercise folder, watched for the files of the lesson on screen.
///
/// Two watchers look at it. One sends a save the moment it is finished: the file was
/// closed after writing, or renamed into place (on Linux, which reports both). The
/// other waits until the folder has been quiet for [`DEBOUNCE`] and catches every
/// other change. One save can thus arrive twice; the second finds the same contents
/// and checks nothing.
pub struct Files {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    _finished: Option<RecommendedWatcher>,
    names: Arc<Mutex<Vec<OsString>>>,
}

impl Files {
    /// Watches `dir` (not its subfolders): an editor that saves by writing a new file and
    /// renaming it over the old one replaces the file, so the folder is watched, not the file.
    pub fn watch(dir: &Path, events: Sender<Event>) -> notify::Result<Files> {
        let names: Arc<Mutex<Vec<OsString>>> = Arc::default();
        let wanted = Arc::clone(&names);
        let events_now = events.clone();
        let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let event = match result {
                Ok(found) => {
                    let Ok(wanted) = wanted.lock() else { return };
                    let saved = (found.iter())
                        .any(|e| matters(&e.event.kind) && names_one_of(&e.event.paths, &wanted));
                    if !saved {
                        return;
                    }
                    Event::Saved
                }
                Err(errors) => Event::WatchError(
                    errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            };
            let _ = events.send(event);
        })?;
        debouncer.watch(dir, RecursiveMode::NonRecursive)?;
        // Only a speed-up: without it every save still arrives, after the quiet time.
        let finished = watch_finished(dir, Arc::clone(&names), events_now).ok();
        Ok(Files {
            _debouncer: debouncer,
            _finished: finished,
            names,
        })
    }

    /// Only these files (of the watched folder) count from now on.
    pub fn only(&self, files: &[&Path]) {
        if let Ok(mut names) = self.names.lock() {
            *names = files
                .iter()
                .filter_map(|f| f.file_name().map(OsString::from))
                .collect();
        }
    }
}

/// A watcher that sends [`Event::Saved`] as soon as one of the `wanted` files has been
/// written completely.
fn watch_finished(
    dir: &Path,
    wanted: Arc<Mutex<Vec<OsString>>>,
    events: Sender<Event>,
) -> notify::Result<RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let Ok(event) = result else { return };
        if !finished(&event.kind) {
            return;
        }
        let Ok(wanted) = wanted.lock() else { return };
        let ours = names_one_of(&event.paths, &wanted);
        drop(wanted);
        if ours {
            let _ = events.send(Event::Saved);
        }
    })?;
    watcher.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// Whether one of the `paths` an event is about has one of the `wanted` file names.
fn names_one_of(paths: &[std::path::PathBuf], wanted: &[OsString]) -> bool {
    (paths.iter()).any(|p| p.file_name().is_some_and(|n| wanted.iter().any(|w| w == n)))
}

/// Whether an event says a file is complete: closed by a writer, or renamed into place
/// (an editor that writes a temporary file first). A file just created is not: its
/// contents come next.
fn finished(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    )
}

/// Whether a file event can change what a check sees (reading a file cannot).
fn matters(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// The terminal of watch mode: keys when standard input is one, and output that stays
/// readable in raw mode. Dropping it gives the terminal back as it was.
pub struct Terminal {
    keys: bool,
    clears: bool,
}

impl Terminal {
    /// Takes the keys if standard input is a terminal: raw mode, and a thread that sends
    /// each key to `events`. Without a terminal, keys are off and nothing changes.
    pub fn start(events: Sender<Event>) -> Terminal {
        let clears = std::io::stdout().is_terminal();
        // A panic must not leave the student's terminal in raw mode: it is given back.
        if !std::io::stdin().is_terminal() || !enter_raw_mode() {
            return Terminal {
                keys: false,
                clears,
            };
        }
        std::thread::spawn(move || read_keys(&events));
        Terminal { keys: true, clears }
    }

    pub fn keys(&self) -> bool {
        self.keys
    }

    /// Writes text; in raw mode a line feed no longer returns the cursor, so it is added.
    pub fn show(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        let _ = if in_raw_mode() {
            out.write_all(text.replace('\n', "\r\n").as_bytes())
        } else {
            out.write_all(text.as_bytes())
        };
        let _ = out.flush();
    }

    /// The window's size in columns and rows, when the output goes to a terminal.
    pub fn size(&self) -> Option<(usize, usize)> {
        if !self.clears {
            return None;
        }
        let (columns, rows) = terminal::size().ok()?;
        (columns > 0 && rows > 0).then(|| (usize::from(columns), usize::from(rows)))
    }

    /// A fresh screen on a terminal; elsewhere a blank line between screens.
    pub fn clear(&self) {
        let mut out = std::io::stdout().lock();
        let _ = if self.clears {
            crossterm::execute!(
                out,
                terminal::Clear(ClearType::All),
                crossterm::cursor::MoveTo(0, 0)
            )
        } else {
            writeln!(out)
        };
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        leave_raw_mode();
    }
}

/// How many rows of a terminal `width` columns wide a text takes: each line at least
/// one, a longer one as many as it wraps to. Colour codes take no room.
pub fn rows(text: &str, width: usize) -> usize {
    let width = width.max(1);
    text.split_terminator('\n')
        .map(|line| crate::text::visible_width(line).div_ceil(width).max(1))
        .sum()
}

/// The key thread: every key press, in order, until the terminal or the channel closes.
fn read_keys(events: &Sender<Event>) {
    loop {
        let key = match term_event::read() {
            Ok(term_event::Event::Key(key)) if key.kind != KeyEventKind::Release => key,
            Ok(_) => continue,
            Err(_) => return,
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let sent = match key.code {
            // Raw mode turns Ctrl-C into a key: give the terminal back, then let the
            // checker's own handler stop any running check and exit as usual.
            KeyCode::Char('c') if ctrl => {
                leave_raw_mode();
                // SAFETY: sends SIGINT to this very process; the handler is installed at start.
                unsafe {
                    libc::kill(libc::getpid(), libc::SIGINT);
                }
                return;
            }
            KeyCode::Char(c) if !ctrl => events.send(Event::Key(c.to_ascii_lowercase())),
            _ => Ok(()),
        };
        if sent.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_count_wrapped_lines_by_display_width() {
        assert_eq!(rows("", 80), 0);
        assert_eq!(rows("a\n\nb\n", 80), 3);
        assert_eq!(rows(&"x".repeat(81), 80), 2);
        // Forty Japanese characters fill 80 columns; colour codes take none.
        assert_eq!(rows(&"あ".repeat(40), 80), 1);
        assert_eq!(
            rows(&format!("\u{1b}[32m{}\u{1b}[0m", "x".repeat(80)), 80),
            1
        );
    }

    #[test]
    fn reading_a_file_is_no_save() {
        assert!(!matters(&EventKind::Access(AccessKind::Open(
            notify::event::AccessMode::Any
        ))));
        assert!(matters(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(matters(&EventKind::Remove(notify::event::RemoveKind::File)));
    }

    #[test]
    fn a_save_is_finished_when_closed_after_writing_or_renamed_into_place() {
        use notify::event::{CreateKind, DataChange, RemoveKind};
        assert!(finished(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(finished(&EventKind::Modify(ModifyKind::Name(
            RenameMode::To
        ))));
        assert!(finished(&EventKind::Modify(ModifyKind::Name(
            RenameMode::Both
        ))));
        // Still being written, or gone: wait for the folder to be quiet.
        assert!(!finished(&EventKind::Create(CreateKind::File)));
        assert!(!finished(&EventKind::Modify(ModifyKind::Data(
            DataChange::Any
        ))));
        assert!(!finished(&EventKind::Modify(ModifyKind::Name(
            RenameMode::From
        ))));
        assert!(!finished(&EventKind::Remove(RemoveKind::File)));
        assert!(!finished(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
    }

    /// Linux reports a file closed after writing; the debounced watcher is not involved.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_written_file_is_a_save_at_once_and_only_if_watched() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (events, rx) = std::sync::mpsc::channel();
        let wanted = Arc::new(Mutex::new(vec![OsString::from("conv.rs")]));
        let _watcher = watch_finished(dir.path(), wanted, events).expect("watching the folder");
        std::fs::write(dir.path().join("pool.rs"), "fn pool() {}").expect("writing");
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
        std::fs::write(dir.path().join("conv.rs"), "fn conv() {}").expect("writing");
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)), Ok(Event::Saved));
        // Saved by a temporary file renamed into place.
        let temporary = dir.path().join(".conv.rs.tmp");
        std::fs::write(&temporary, "fn conv() { }").expect("writing");
        while rx.try_recv().is_ok() {}
        std::fs::rename(&temporary, dir.path().join("conv.rs")).expect("renaming");
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)), Ok(Event::Saved));
    }
}
