//! Where a course's files come from: the copy embedded in the binary, or a
//! folder on disk. Everything else reads through this, so the two behave
//! the same and errors name the file the author would open.
//!
//! A course folder is hostile input as much as a learner's program is: it
//! may come from anyone, and `init` copies what it names into the learner's
//! workspace. So a course never reads outside its own folder: a link is
//! followed only when it ends inside the folder, only regular files are
//! opened (never a named pipe or a device, which could block or never end),
//! every file is read up to a cap, and listing files for a "did you mean"
//! never follows a link and stops after a bounded number of entries.

use super::archive::{self, Archive};
use super::problem::Problem;
use include_dir::{include_dir, Dir};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

static EMBEDDED_LESSONS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/lessons");
static EMBEDDED_KATAS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/katas");
static EMBEDDED_MANIFEST: &str = include_str!("../../course.yaml");

/// The manifest's file name inside a course folder.
pub const MANIFEST: &str = "course.yaml";

/// The largest course file read (manifest, topic or Python file). The
/// biggest topic file of the built-in course is under 128 KiB.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The most files listed below `lessons/` or `katas/` for a suggestion.
pub const MAX_LISTED: usize = 5_000;

/// How deep the listing goes below `lessons/` or `katas/`.
const MAX_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CourseSource {
    /// The built-in course, compiled into the binary.
    Embedded,
    /// A course folder on disk.
    Dir(PathBuf),
    /// A course archive (`.tar`, `.tar.gz`), read into memory when opened.
    Archive(Arc<Archive>),
}

/// Why a course file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing by that name.
    Missing,
    /// A folder where a file was expected.
    Folder,
    /// A link, a path through one, or a `..` path, that ends outside the
    /// course folder.
    Outside { target: String },
    /// A link that cannot be followed: it points nowhere, or loops.
    BrokenLink { reason: String },
    /// A link, pipe or device entry in an archive, which is never followed.
    ArchiveSpecial,
    /// A named pipe, device or socket: reading it could block or never end.
    Special { kind: &'static str },
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not UTF-8 text; where the first bad byte is (1-based).
    NotUtf8 { line: u64, column: u64, byte: u8 },
    /// Anything else the system refused (permissions, ...).
    Io { reason: String },
    /// The course's files together are more than the loader reads.
    CourseTooLarge,
}

impl ReadError {
    /// What is wrong, about the file shown as `shown`.
    pub fn message(&self, shown: &str) -> String {
        match self {
            ReadError::Missing => format!("the file {shown} does not exist"),
            ReadError::Folder => format!("{shown} is a folder, not a file"),
            ReadError::Outside { target } => format!(
                "{shown} leads to {target}, outside the course folder; a course never reads outside its own folder"
            ),
            ReadError::BrokenLink { reason } => {
                format!("{shown} is a link that cannot be followed: {reason}")
            }
            ReadError::ArchiveSpecial => format!(
                "{shown} is a link or special file in the archive; pykata reads only regular files from an archive"
            ),
            ReadError::Special { kind } => {
                format!("{shown} is {kind}, not a regular file")
            }
            ReadError::TooLarge => format!(
                "{shown} is larger than {} MiB; a course file is text and far smaller",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ReadError::NotUtf8 { byte, .. } => format!(
                "{shown} is not UTF-8 text: byte 0x{byte:02X} here cannot be read"
            ),
            ReadError::Io { reason } => format!("{shown} cannot be read: {reason}"),
            ReadError::CourseTooLarge => format!(
                "{shown} was not read: the course's files together are over {} MiB",
                super::load::MAX_COURSE_BYTES / (1024 * 1024)
            ),
        }
    }

    /// What would fix it.
    pub fn hint(&self) -> Option<String> {
        let hint = match self {
            ReadError::Missing => return None,
            ReadError::Folder => "name a file, not a folder",
            ReadError::Outside { .. } => {
                "copy the file into the course folder instead of linking to it"
            }
            ReadError::BrokenLink { .. } => {
                "replace the link with the file itself, or point it at a file in the course folder"
            }
            ReadError::ArchiveSpecial => {
                "pack the file itself: `tar czhf` follows links while packing"
            }
            ReadError::Special { .. } => "replace it with a regular file",
            ReadError::TooLarge => "split the file, or check it is the file you meant",
            ReadError::NotUtf8 { .. } => {
                "save the file as UTF-8; pykata reads course files only as UTF-8"
            }
            ReadError::Io { .. } => "check the file's permissions",
            ReadError::CourseTooLarge => {
                "check that the course names each large file only once, or split the course"
            }
        };
        Some(hint.to_string())
    }

    /// The problem is in the file's own contents (at this line and column)
    /// rather than in whatever names it.
    pub fn inside(&self) -> Option<(u64, u64)> {
        match self {
            ReadError::NotUtf8 { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

impl CourseSource {
    /// The course at `path`: an archive if it is a file (or named like
    /// one), else a folder.
    pub fn from_path(path: &Path) -> CourseSource {
        if archive::looks_like_archive(path) {
            CourseSource::Archive(Arc::new(Archive::open(path)))
        } else {
            CourseSource::Dir(path.to_path_buf())
        }
    }

    /// Why the source cannot be read at all (an archive that is not one),
    /// as a problem for the loader to report.
    pub fn unreadable(&self) -> Option<Problem> {
        match self {
            CourseSource::Archive(a) => a.error().map(|e| {
                Problem::new(a.path.display().to_string(), 0, 0, e.to_string()).with_hint(a.hint())
            }),
            _ => None,
        }
    }

    /// Reads a file by its path relative to the course root
    /// (`course.yaml`, `lessons/x.yaml`, `katas/x/y.py`).
    pub fn read(&self, rel: &str) -> Result<String, ReadError> {
        match self {
            CourseSource::Embedded => {
                if rel == MANIFEST {
                    return Ok(EMBEDDED_MANIFEST.to_string());
                }
                embedded_index()
                    .get(rel)
                    .and_then(|bytes| std::str::from_utf8(bytes).ok())
                    .map(str::to_string)
                    .ok_or(ReadError::Missing)
            }
            CourseSource::Dir(root) => read_in_folder(root, rel),
            CourseSource::Archive(a) => a.read(rel),
        }
    }

    /// How to name a course file in a message: a real path for a folder,
    /// `<built-in>/...` for the embedded course.
    pub fn display(&self, rel: &str) -> String {
        match self {
            CourseSource::Embedded => format!("<built-in>/{rel}"),
            CourseSource::Dir(root) => root.join(rel).display().to_string(),
            CourseSource::Archive(a) => format!("{}!/{rel}", a.path.display()),
        }
    }

    /// Files below a course folder (`lessons` or `katas`), as paths
    /// relative to that folder; used for "did you mean" suggestions. At
    /// most [`MAX_LISTED`], never through a link.
    pub fn list(&self, top: &str) -> Vec<String> {
        match self {
            CourseSource::Embedded => {
                let dir = if top == "lessons" {
                    &EMBEDDED_LESSONS
                } else {
                    &EMBEDDED_KATAS
                };
                let mut out = Vec::new();
                collect_embedded(dir, &mut out);
                out
            }
            CourseSource::Dir(root) => list_in_folder(root, top),
            CourseSource::Archive(a) => a.list(top).into_iter().take(MAX_LISTED).collect(),
        }
    }
}

/// The embedded files by their course-relative path. include_dir's own
/// lookup compares path components entry by entry, which made loading the
/// built-in course (some 250 lookups) cost more than parsing it. Each file
/// is checked to be text when it is read: checking them all here (some
/// 3 MB) cost `check`, which reads one topic, more than the lookups.
fn embedded_index() -> &'static HashMap<String, &'static [u8]> {
    static INDEX: OnceLock<HashMap<String, &'static [u8]>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = HashMap::new();
        for (top, dir) in [("lessons", &EMBEDDED_LESSONS), ("katas", &EMBEDDED_KATAS)] {
            let mut stack = vec![dir];
            while let Some(d) = stack.pop() {
                for file in d.files() {
                    let rel = file.path().to_string_lossy().replace('\\', "/");
                    index.insert(format!("{top}/{rel}"), file.contents());
                }
                stack.extend(d.dirs());
            }
        }
        index
    })
}

fn collect_embedded(dir: &Dir<'_>, out: &mut Vec<String>) {
    for file in dir.files() {
        out.push(file.path().to_string_lossy().replace('\\', "/"));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// Reads `rel` below the course folder `root`, refusing whatever would read
/// outside it, block, or never end (see the module's comment).
fn read_in_folder(root: &Path, rel: &str) -> Result<String, ReadError> {
    let real = resolve_in_folder(root, rel)?;
    // Checked before opening: opening a named pipe blocks until a writer
    // comes, and a device may never end.
    let meta = std::fs::metadata(&real).map_err(io_error)?;
    regular_file(&meta)?;
    let file = open_no_follow(&real).map_err(io_error)?;
    // Checked again on what was opened, in case the file was swapped since.
    regular_file(&file.metadata().map_err(io_error)?)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    utf8(bytes)
}

/// Where `rel` really is, with every link resolved, if that is inside the
/// course folder.
fn resolve_in_folder(root: &Path, rel: &str) -> Result<PathBuf, ReadError> {
    let root = root.canonicalize().map_err(|_| ReadError::Missing)?;
    let path = root.join(rel);
    let own = match std::fs::symlink_metadata(&path).map_err(missing_or_io) {
        Ok(own) => own,
        Err(ReadError::Missing) => return Err(missing_in(&root, &path)),
        Err(e) => return Err(e),
    };
    let real = path.canonicalize().map_err(|e| {
        if own.file_type().is_symlink() {
            ReadError::BrokenLink {
                reason: e.to_string(),
            }
        } else {
            io_error(e)
        }
    })?;
    if real.starts_with(&root) {
        Ok(real)
    } else {
        Err(ReadError::Outside {
            target: real.display().to_string(),
        })
    }
}

/// Why `path` is missing: a folder on its way that leads out of the course
/// (`katas` linked to `/`) is said as such; else it is simply missing.
fn missing_in(root: &Path, path: &Path) -> ReadError {
    let outside = path
        .ancestors()
        .skip(1)
        .take_while(|p| p.starts_with(root) && *p != root)
        .find_map(|p| p.canonicalize().ok())
        .filter(|real| !real.starts_with(root));
    match outside {
        Some(real) => ReadError::Outside {
            target: real.display().to_string(),
        },
        None => ReadError::Missing,
    }
}

/// Only a regular file within the size cap may be read.
fn regular_file(meta: &std::fs::Metadata) -> Result<(), ReadError> {
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(ReadError::Folder);
    }
    if !kind.is_file() {
        return Err(ReadError::Special {
            kind: special_kind(&kind),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(())
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// Opens a file for reading without following a link in its last part and,
/// on Linux, without blocking if it has become a named pipe.
#[cfg(target_os = "linux")]
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(target_os = "linux"))]
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn io_error(e: std::io::Error) -> ReadError {
    ReadError::Io {
        reason: e.to_string(),
    }
}

/// A name that is not there, through a folder that is a file, or too long
/// to be a name, is missing; anything else the system says is passed on.
fn missing_or_io(e: std::io::Error) -> ReadError {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory | ErrorKind::InvalidFilename => {
            ReadError::Missing
        }
        _ => io_error(e),
    }
}

/// The text of a file, or where its first byte that is not UTF-8 is.
pub fn utf8(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = e.utf8_error().valid_up_to();
        let good = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let line_start = good.rfind('\n').map_or(0, |i| i + 1);
        ReadError::NotUtf8 {
            line: good.matches('\n').count() as u64 + 1,
            column: good[line_start..].chars().count() as u64 + 1,
            byte: bytes[valid],
        }
    })
}

/// The files below `root/top`, if that folder is inside the course folder.
fn list_in_folder(root: &Path, top: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (Ok(root), Ok(base)) = (root.canonicalize(), root.join(top).canonicalize()) else {
        return out;
    };
    if base.starts_with(&root) {
        collect_disk(&base, &base, 0, &mut out);
    }
    out
}

/// Walks a folder without following links (a link to `/` or to a parent
/// would make the walk endless), up to [`MAX_LISTED`] names.
fn collect_disk(base: &Path, dir: &Path, depth: usize, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if out.len() >= MAX_LISTED {
            return;
        }
        let path = entry.path();
        // The entry's own type: a link is a link, whatever it points to.
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            if depth < MAX_DEPTH {
                collect_disk(base, &path, depth + 1, out);
            }
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}
