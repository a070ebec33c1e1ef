//! Where a course's files come from: the copy embedded in the binary, or a
//! folder on disk. Everything else reads through this, so the two behave
//! the same and errors name the file the author would open.

use super::archive::{self, Archive};
use super::problem::Problem;
use include_dir::{include_dir, Dir};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

static EMBEDDED_LESSONS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/lessons");
static EMBEDDED_KATAS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/katas");
static EMBEDDED_MANIFEST: &str = include_str!("../../course.yaml");

/// The manifest's file name inside a course folder.
pub const MANIFEST: &str = "course.yaml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CourseSource {
    /// The built-in course, compiled into the binary.
    Embedded,
    /// A course folder on disk.
    Dir(PathBuf),
    /// A course archive (`.tar`, `.tar.gz`), read into memory when opened.
    Archive(Arc<Archive>),
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
    pub fn read(&self, rel: &str) -> Option<String> {
        match self {
            CourseSource::Embedded => {
                if rel == MANIFEST {
                    return Some(EMBEDDED_MANIFEST.to_string());
                }
                embedded_index().get(rel).map(|text| text.to_string())
            }
            CourseSource::Dir(root) => std::fs::read_to_string(root.join(rel)).ok(),
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

    /// Every file below a course folder (`lessons` or `katas`), as paths
    /// relative to that folder; used for "did you mean" suggestions.
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
            CourseSource::Dir(root) => {
                let base = root.join(top);
                let mut out = Vec::new();
                collect_disk(&base, &base, &mut out);
                out
            }
            CourseSource::Archive(a) => a.list(top),
        }
    }
}

/// The embedded files by their course-relative path. include_dir's own
/// lookup compares path components entry by entry, which made loading the
/// built-in course (some 250 lookups) cost more than parsing it.
fn embedded_index() -> &'static HashMap<String, &'static str> {
    static INDEX: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = HashMap::new();
        for (top, dir) in [("lessons", &EMBEDDED_LESSONS), ("katas", &EMBEDDED_KATAS)] {
            let mut stack = vec![dir];
            while let Some(d) = stack.pop() {
                for file in d.files() {
                    if let Some(text) = file.contents_utf8() {
                        let rel = file.path().to_string_lossy().replace('\\', "/");
                        index.insert(format!("{top}/{rel}"), text);
                    }
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

fn collect_disk(base: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_disk(base, &path, out);
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}
