//! Writing the checker's own files (generated harnesses, progress, caches, restored
//! stubs) so that a reader never sees half of one.

use anyhow::{Context, Result};
use std::fs;
use std::path::Path;

/// Writes a file only when its content differs, through a temporary file and a rename,
/// so that a second checker running at the same time never reads half a file.
pub fn write_if_changed(path: &Path, content: &str) -> Result<()> {
    if fs::read_to_string(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    let dir = path.parent().context("a generated file has no folder")?;
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        std::process::id()
    ));
    fs::write(&tmp, content).with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
