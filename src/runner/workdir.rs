//! The fresh temporary folder each run gets, removed afterwards even if the
//! program took away its own permissions. A run killed with its runner
//! (`kill -9`) leaves its folder, with a copy of the learner's file; the
//! next pykata to start sweeps such folders away (`sweep_stale`).

use std::fs::File;
use std::path::Path;
use std::time::Duration;
use tempfile::TempDir;

/// The folder inside a work dir that runs get as TMPDIR.
pub const TMP: &str = "tmp";

/// How a work dir's name starts, in the system's temp folder.
pub const PREFIX: &str = "pykata-run-";

/// A work dir untouched for this long, and held by no live process, is
/// left over from a runner that was killed. Runs last 30 s at most; the
/// margin covers a pykata that does not lock its work dirs (older ones).
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

pub struct WorkDir {
    dir: Option<TempDir>,
    /// A lock on the folder itself, held while this run lives: the sweep of
    /// another pykata leaves a locked folder alone. The lock goes with the
    /// process, however it ends.
    _held: Option<File>,
}

impl WorkDir {
    /// A new folder, with the `tmp` folder its runs get as TMPDIR.
    pub fn new() -> std::io::Result<WorkDir> {
        sweep_stale_in_background();
        let dir = tempfile::Builder::new().prefix(PREFIX).tempdir()?;
        let held = hold(dir.path());
        std::fs::create_dir(dir.path().join(TMP))?;
        Ok(WorkDir {
            dir: Some(dir),
            _held: held,
        })
    }

    pub fn path(&self) -> &Path {
        self.dir
            .as_ref()
            .map(TempDir::path)
            .expect("present until drop")
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> std::io::Result<()> {
        std::fs::write(self.path().join(name), contents)
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let Some(dir) = self.dir.take() else { return };
        let path = dir.path().to_path_buf();
        if dir.close().is_err() {
            remove(&path);
        }
    }
}

/// Removes a work dir whose program may have removed write or execute
/// permission from folders it made: gives them back (never following
/// links) and tries again.
fn remove(path: &Path) {
    if std::fs::remove_dir_all(path).is_err() {
        restore_permissions(path);
        let _ = std::fs::remove_dir_all(path);
    }
}

/// Locks the folder at `path` for as long as the returned file is open.
/// Descriptors are closed on exec, so only this process holds it.
#[cfg(unix)]
fn hold(path: &Path) -> Option<File> {
    let file = File::open(path).ok()?;
    file.try_lock().ok()?;
    Some(file)
}

#[cfg(not(unix))]
fn hold(_path: &Path) -> Option<File> {
    None
}

/// Sweeps stale work dirs, once per process (at the start of every command,
/// or before the first run), on a thread of its own: nothing waits for it.
pub fn sweep_stale_in_background() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::thread::spawn(|| sweep_stale(&std::env::temp_dir()));
    });
}

/// Removes the work dirs in `tmp` that runners killed before they could
/// clean up left behind: only folders of ours (not links, owned by this
/// user), untouched for `STALE_AFTER` and locked by no live process.
pub fn sweep_stale(tmp: &Path) {
    let Ok(entries) = std::fs::read_dir(tmp) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(PREFIX) {
            continue;
        }
        let path = entry.path();
        // Held open (and locked) while it is removed, so the check stands.
        if let Some(_lock) = stale(&path) {
            remove(&path);
        }
    }
}

/// Whether the folder at `path` is a stale work dir; if so, its lock.
#[cfg(unix)]
fn stale(path: &Path) -> Option<File> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(path).ok()?;
    let ours = meta.is_dir() && meta.uid() == nix::unistd::geteuid().as_raw();
    let old = meta
        .modified()
        .ok()
        .and_then(|m| m.elapsed().ok())
        .is_some_and(|age| age > STALE_AFTER);
    if !(ours && old) {
        return None;
    }
    hold(path)
}

/// Without a lock to tell a live run's folder, nothing is swept (the
/// system's own temp cleanup takes them).
#[cfg(not(unix))]
fn stale(_path: &Path) -> Option<File> {
    None
}

#[cfg(unix)]
fn restore_permissions(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if !meta.is_dir() {
        return;
    }
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700));
    if let Ok(entries) = std::fs::read_dir(path) {
        for entry in entries.flatten() {
            restore_permissions(&entry.path());
        }
    }
}

#[cfg(not(unix))]
fn restore_permissions(_path: &Path) {}
