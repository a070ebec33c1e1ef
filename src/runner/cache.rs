//! pykata's cache folder: what it learnt of interpreters
//! (`python::facts`) and the harness each compiled (`compiled`). Nothing
//! there is needed: a file that is missing or cannot be written only means
//! asking or compiling again.

use std::path::{Path, PathBuf};

/// `$XDG_CACHE_HOME/pykata`, else `~/.cache/pykata`
/// (`%LOCALAPPDATA%\pykata` on Windows); `None` without those variables.
pub fn folder() -> Option<PathBuf> {
    let var = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        return var("LOCALAPPDATA").map(|d| d.join("pykata"));
    }
    var("XDG_CACHE_HOME")
        .filter(|d| d.is_absolute())
        .or_else(|| var("HOME").map(|h| h.join(".cache")))
        .map(|d| d.join("pykata"))
}

/// Writes `bytes` as `path`, beside it first and renamed over it, so a
/// command reading it at the same moment sees the old file or the new one,
/// never half of one. The folder is made if need be.
pub fn keep(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("a cache file needs a folder"))?;
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}
