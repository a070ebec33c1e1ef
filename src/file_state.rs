//! What a file looks like from outside, told by one `stat` without reading
//! it: enough to notice that it changed (course stamps, the remembered
//! facts of an interpreter).

use std::path::Path;
use std::time::SystemTime;

/// Size, modification time and inode of a file. The inode matters: a file
/// replaced by a rename gets a new one even within the clock's resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct FileState {
    pub len: u64,
    pub modified_ns: u64,
    pub inode: u64,
}

impl FileState {
    /// The file or link itself (a link is not followed).
    pub fn of_link(path: &Path) -> Option<FileState> {
        std::fs::symlink_metadata(path)
            .ok()
            .map(|m| FileState::of(&m))
    }

    /// The file a path leads to, through any links.
    pub fn of_target(path: &Path) -> Option<FileState> {
        std::fs::metadata(path).ok().map(|m| FileState::of(&m))
    }

    pub fn of(meta: &std::fs::Metadata) -> FileState {
        FileState {
            len: meta.len(),
            modified_ns: modified_ns(meta.modified().ok()),
            inode: inode(meta),
        }
    }
}

fn modified_ns(t: Option<SystemTime>) -> u64 {
    t.and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}
