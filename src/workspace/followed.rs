//! The stamp of the course the workspace last followed
//! (`.pykata/followed`, see `course::stamp`): while the course keeps that
//! stamp, following it again would change nothing, and a learner's command
//! can skip loading the whole course to follow it.

use super::{io_err, Workspace, WorkspaceError, MARKER};
use std::path::PathBuf;

impl Workspace {
    fn followed_path(&self) -> PathBuf {
        self.root.join(MARKER).join("followed")
    }

    /// The stamp of the course last followed, if the record of what each
    /// kata's file was made from is still there (without it, following
    /// rebuilds that record).
    pub fn followed_stamp(&self) -> Option<String> {
        if !self.root.join(MARKER).join("katas.json").is_file() {
            return None;
        }
        let text = std::fs::read_to_string(self.followed_path()).ok()?;
        Some(text.trim().to_string()).filter(|s| !s.is_empty())
    }

    /// Notes that the course with `stamp` was followed.
    pub fn set_followed_stamp(&self, stamp: &str) -> Result<(), WorkspaceError> {
        let path = self.followed_path();
        std::fs::write(&path, format!("{stamp}\n")).map_err(io_err(&path))
    }

    /// Forgets the stamp: the next learner's command follows the course.
    pub fn forget_followed_stamp(&self) {
        let _ = std::fs::remove_file(self.followed_path());
    }
}
