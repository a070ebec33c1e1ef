//! Which course a workspace follows, kept in `.pykata/course.json` so that
//! `pykata --course my-course init ws` is said once: every later command
//! and the interface, run inside `ws`, use `my-course` again.
//!
//! A course folder or archive is stored by its absolute path (the workspace
//! may be opened from anywhere) and by its path from the workspace root (a
//! class repository holding both may be moved or cloned elsewhere). The
//! built-in course is stored by name. A workspace made before this record
//! existed has none and keeps the built-in course.

use super::{io_err, Workspace, WorkspaceError, MARKER};
use crate::course::{archive, CourseSource};
use serde::{Deserialize, Serialize};
use std::path::{Component, Path, PathBuf};

/// The record's file name inside `.pykata`.
pub const FILE: &str = "course.json";
/// The version of the record's layout.
pub const FORMAT: u32 = 1;

/// The course a workspace follows, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CourseRecord {
    /// The course compiled into pykata.
    BuiltIn,
    /// A course folder.
    Folder(Place),
    /// A course archive (`.tar`, `.tar.gz`).
    Archive(Place),
}

/// Where a course folder or archive is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Absolute, as it was when recorded.
    pub path: PathBuf,
    /// From the workspace root (`../my-course`), tried when `path` is gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_workspace: Option<PathBuf>,
}

/// The file as written: the record with a format number.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    #[serde(flatten)]
    course: CourseRecord,
}

/// The course to use, and whether the learner asked for another one than
/// the workspace's own.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub source: CourseSource,
    /// Said to the learner when `--course` (or PYKATA_COURSE) names a course
    /// other than the one the workspace follows.
    pub override_note: Option<String>,
}

impl CourseRecord {
    /// The record for a course loaded from `source`, as seen from the
    /// workspace at `root`.
    pub fn of(source: &CourseSource, root: &Path) -> CourseRecord {
        match source {
            CourseSource::Embedded => CourseRecord::BuiltIn,
            CourseSource::Dir(dir) => CourseRecord::Folder(Place::new(dir, root)),
            CourseSource::Archive(a) => CourseRecord::Archive(Place::new(&a.path, root)),
        }
    }

    /// The record for the course `--course PATH` names.
    pub fn of_path(path: &Path, root: &Path) -> CourseRecord {
        if archive::looks_like_archive(path) {
            CourseRecord::Archive(Place::new(path, root))
        } else {
            CourseRecord::Folder(Place::new(path, root))
        }
    }

    /// How a message names it.
    pub fn describe(&self) -> String {
        match self {
            CourseRecord::BuiltIn => "the built-in course".into(),
            CourseRecord::Folder(p) => format!("the course at {}", p.path.display()),
            CourseRecord::Archive(p) => format!("the course archive {}", p.path.display()),
        }
    }

    /// Whether both name the same course (the same file or folder, however
    /// the path was written).
    pub fn same_course(&self, other: &CourseRecord) -> bool {
        match (self, other) {
            (CourseRecord::BuiltIn, CourseRecord::BuiltIn) => true,
            (CourseRecord::Folder(a), CourseRecord::Folder(b))
            | (CourseRecord::Archive(a), CourseRecord::Archive(b)) => a.path == b.path,
            _ => false,
        }
    }

    /// Whether `asked` is where this record's course is found now, from
    /// the workspace at `root` (moved along with it).
    fn found_at(&self, asked: &CourseRecord, root: &Path) -> bool {
        let (CourseRecord::Folder(p) | CourseRecord::Archive(p)) = self else {
            return false;
        };
        let (CourseRecord::Folder(a) | CourseRecord::Archive(a)) = asked else {
            return false;
        };
        p.from_workspace
            .as_ref()
            .is_some_and(|rel| absolute(&root.join(rel)) == a.path)
    }

    /// The course source it names, found from the workspace at `root`; an
    /// error saying what happened if the course is gone.
    fn source(&self, root: &Path) -> Result<CourseSource, WorkspaceError> {
        let (place, wanted_file) = match self {
            CourseRecord::BuiltIn => return Ok(CourseSource::Embedded),
            CourseRecord::Folder(p) => (p, false),
            CourseRecord::Archive(p) => (p, true),
        };
        let fits = |path: &Path| {
            if wanted_file {
                path.is_file()
            } else {
                path.is_dir()
            }
        };
        let found = std::iter::once(place.path.clone())
            .chain(place.from_workspace.as_ref().map(|rel| root.join(rel)))
            .find(|p| fits(p))
            .ok_or_else(|| WorkspaceError::CourseGone {
                course: self.describe(),
                workspace: root.to_path_buf(),
            })?;
        Ok(CourseSource::from_path(&found))
    }
}

impl Place {
    fn new(path: &Path, root: &Path) -> Place {
        let path = absolute(path);
        let from_workspace = relative(&path, &absolute(root));
        Place {
            path,
            from_workspace,
        }
    }
}

impl Workspace {
    fn course_record_path(&self) -> PathBuf {
        self.root.join(MARKER).join(FILE)
    }

    /// The course this workspace follows; `None` for a workspace made
    /// before the record existed (it follows the built-in course).
    pub fn course_record(&self) -> Result<Option<CourseRecord>, WorkspaceError> {
        let path = self.course_record_path();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err(&path)(e)),
        };
        let stored: Stored =
            serde_json::from_str(&text).map_err(|e| WorkspaceError::BadCourseRecord {
                path: path.clone(),
                reason: e.to_string(),
            })?;
        if stored.format != FORMAT {
            return Err(WorkspaceError::BadCourseRecord {
                path,
                reason: format!(
                    "it has format {}, this pykata reads format {FORMAT}",
                    stored.format
                ),
            });
        }
        Ok(Some(stored.course))
    }

    /// Records the course this workspace follows from now on.
    pub fn record_course(&self, course: &CourseRecord) -> Result<(), WorkspaceError> {
        let path = self.course_record_path();
        let stored = Stored {
            format: FORMAT,
            course: course.clone(),
        };
        let text = serde_json::to_string_pretty(&stored).unwrap_or_default() + "\n";
        std::fs::write(&path, text).map_err(io_err(&path))
    }
}

/// The course to use: the one `explicit` names (`--course`, PYKATA_COURSE)
/// if any, else the one the workspace `ws` follows, else the built-in one.
pub fn choose(explicit: Option<&Path>, ws: Option<&Workspace>) -> Result<Chosen, WorkspaceError> {
    let recorded = match ws {
        Some(ws) => ws.course_record()?.map(|r| (ws, r)),
        None => None,
    };
    match (explicit, recorded) {
        (Some(path), recorded) => {
            let override_note = recorded.and_then(|(ws, record)| {
                let asked = CourseRecord::of_path(path, &ws.root);
                (!asked.same_course(&record) && !record.found_at(&asked, &ws.root)).then(|| {
                    format!(
                        "using {} (from --course or PYKATA_COURSE), not {}, which this workspace follows",
                        asked.describe(),
                        record.describe()
                    )
                })
            });
            Ok(Chosen {
                source: CourseSource::from_path(path),
                override_note,
            })
        }
        (None, Some((ws, record))) => Ok(Chosen {
            source: record.source(&ws.root)?,
            override_note: None,
        }),
        (None, None) => Ok(Chosen {
            source: CourseSource::Embedded,
            override_note: None,
        }),
    }
}

/// `path` made absolute and, where it exists, with links resolved.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let joined = match std::env::current_dir() {
        Ok(cwd) if path.is_relative() => cwd.join(path),
        _ => path.to_path_buf(),
    };
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `target` as a path from `base` (both absolute): `../course` from
/// `/a/ws` to `/a/course`. `None` when they share no root (Windows drives).
fn relative(target: &Path, base: &Path) -> Option<PathBuf> {
    let t: Vec<Component> = target.components().collect();
    let b: Vec<Component> = base.components().collect();
    if t.first() != b.first() {
        return None;
    }
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for part in &t[common..] {
        out.push(part.as_os_str());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_out_of_the_workspace() {
        assert_eq!(
            relative(Path::new("/a/course"), Path::new("/a/ws")),
            Some(PathBuf::from("../course"))
        );
        assert_eq!(
            relative(Path::new("/a/ws/course"), Path::new("/a/ws")),
            Some(PathBuf::from("course"))
        );
        assert_eq!(
            relative(Path::new("/c.tar"), Path::new("/x/y")),
            Some(PathBuf::from("../../c.tar"))
        );
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(MARKER)).unwrap();
        let ws = Workspace {
            root: dir.path().to_path_buf(),
        };
        assert_eq!(ws.course_record().unwrap(), None);
        let record = CourseRecord::of_path(&dir.path().join("course"), &ws.root);
        ws.record_course(&record).unwrap();
        assert_eq!(ws.course_record().unwrap(), Some(record));
        ws.record_course(&CourseRecord::BuiltIn).unwrap();
        assert_eq!(ws.course_record().unwrap(), Some(CourseRecord::BuiltIn));
    }
}
