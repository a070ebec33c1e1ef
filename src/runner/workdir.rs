//! The fresh temporary folder each run gets, removed afterwards even if the
//! program took away its own permissions.

use std::path::Path;
use tempfile::TempDir;

/// The folder inside a work dir that runs get as TMPDIR.
pub const TMP: &str = "tmp";

pub struct WorkDir {
    dir: Option<TempDir>,
}

impl WorkDir {
    /// A new folder, with the `tmp` folder its runs get as TMPDIR.
    pub fn new() -> std::io::Result<WorkDir> {
        let dir = tempfile::Builder::new().prefix("pykata-run-").tempdir()?;
        std::fs::create_dir(dir.path().join(TMP))?;
        Ok(WorkDir { dir: Some(dir) })
    }

    pub fn path(&self) -> &Path {
        self.dir
            .as_ref()
            .map(TempDir::path)
            .expect("present until drop")
    }

    pub fn write(&self, name: &str, text: &str) -> std::io::Result<()> {
        std::fs::write(self.path().join(name), text)
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let Some(dir) = self.dir.take() else { return };
        let path = dir.path().to_path_buf();
        if dir.close().is_err() {
            // The program may have removed write or execute permission from
            // folders it made; give them back (never following links) and
            // try again.
            restore_permissions(&path);
            let _ = std::fs::remove_dir_all(&path);
        }
    }
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
