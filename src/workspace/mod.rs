//! The learner's folder: one Python file per kata, grouped by topic, and a
//! `.pykata` folder with progress and backups. pykata never overwrites a
//! learner's file without keeping a copy.

pub mod backups;
pub mod course_record;
mod follow;
mod followed;
pub mod watch;

pub use follow::{as_saved, fingerprint, Followed, Made, Record};
pub use followed::KeptTopic;

use crate::course::{Course, Kata};
use crate::progress::{self, Progress, ReadProgress, Updated};
use course_record::CourseRecord;
use std::path::{Path, PathBuf};

/// The folder that marks a workspace, as `.git` marks a repository.
pub const MARKER: &str = ".pykata";
/// The folder `pykata init` creates when given none.
pub const DEFAULT_DIR: &str = "pykata-workspace";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    pub root: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("no pykata workspace here or in any parent folder of {0}")]
    NotFound(PathBuf),
    #[error("{0} is not a pykata workspace (it has no {MARKER} folder)")]
    NotAWorkspace(PathBuf),
    /// The course the workspace follows is no longer where it was.
    #[error("this workspace follows {course}, which is gone")]
    CourseGone { course: String, workspace: PathBuf },
    /// `.pykata/course.json` is not a record pykata can read.
    #[error("{path} does not say which course this workspace follows: {reason}")]
    BadCourseRecord { path: PathBuf, reason: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl WorkspaceError {
    pub fn help(&self) -> String {
        match self {
            WorkspaceError::NotFound(_) | WorkspaceError::NotAWorkspace(_) => format!(
                "create one with `pykata init` (it makes ./{DEFAULT_DIR}), then run commands inside it or pass --workspace DIR"
            ),
            WorkspaceError::CourseGone { workspace, .. } => format!(
                "put the course back where it was, or pass --course DIR (or set PYKATA_COURSE) for this run; `pykata --course DIR init {}` makes the workspace follow DIR from now on",
                workspace.display()
            ),
            WorkspaceError::BadCourseRecord { path, .. } => {
                let ws = path.parent().and_then(Path::parent).unwrap_or(path);
                format!(
                    "`pykata --course DIR init {}` writes it again (leave out --course for the built-in course)",
                    ws.display()
                )
            }
            WorkspaceError::Io { .. } => "check the folder's permissions and free space".into(),
        }
    }
}

pub(crate) fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> WorkspaceError + '_ {
    move |source| WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What `init` did to each kata file.
#[derive(Debug, Default)]
#[must_use = "the learner must be told which files were created and which kept"]
pub struct InitReport {
    pub created: Vec<PathBuf>,
    pub kept: Vec<PathBuf>,
    /// The course the workspace followed before, when `init` changed it
    /// (`None` inside: a workspace made before courses were recorded).
    pub course_was: Option<Option<CourseRecord>>,
}

impl Workspace {
    /// The workspace at `explicit`, or the nearest one from `start` upward.
    pub fn locate(explicit: Option<&Path>, start: &Path) -> Result<Workspace, WorkspaceError> {
        if let Some(dir) = explicit {
            return if dir.join(MARKER).is_dir() {
                Ok(Workspace {
                    root: dir.to_path_buf(),
                })
            } else {
                Err(WorkspaceError::NotAWorkspace(dir.to_path_buf()))
            };
        }
        start
            .ancestors()
            .find(|d| d.join(MARKER).is_dir())
            .map(|d| Workspace {
                root: d.to_path_buf(),
            })
            .ok_or_else(|| WorkspaceError::NotFound(start.to_path_buf()))
    }

    /// Creates the workspace and every kata file that does not exist yet,
    /// and records `course` as the one it follows. Existing files are never
    /// touched.
    pub fn init(root: &Path, course: &Course) -> Result<(Workspace, InitReport), WorkspaceError> {
        let existed = root.join(MARKER).is_dir();
        std::fs::create_dir_all(root.join(MARKER)).map_err(io_err(root))?;
        let ws = Workspace {
            root: root.to_path_buf(),
        };
        let mut report = InitReport::default();
        let record = CourseRecord::of(&course.source, root);
        // An unreadable record is replaced: init is how the help says to fix it.
        let before = ws.course_record().ok().flatten();
        if !before.as_ref().is_some_and(|b| b.same_course(&record)) {
            ws.record_course(&record)?;
            if existed {
                report.course_was = Some(before);
            }
        }
        for kata in course.katas() {
            let path = ws.kata_path(kata);
            if ws.ensure_kata_file(kata)? {
                report.created.push(path);
            } else {
                report.kept.push(path);
            }
        }
        ws.record_made(course)?;
        let readme = root.join("README.txt");
        if !readme.exists() {
            std::fs::write(&readme, README).map_err(io_err(&readme))?;
        }
        Ok((ws, report))
    }

    pub fn kata_path(&self, kata: &Kata) -> PathBuf {
        self.root.join(&kata.topic).join(&kata.file_name)
    }

    /// Writes the starter if the learner's file does not exist. Returns
    /// whether it was created.
    pub fn ensure_kata_file(&self, kata: &Kata) -> Result<bool, WorkspaceError> {
        let path = self.kata_path(kata);
        if path.exists() {
            return Ok(false);
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        // create_new: if the file appeared meanwhile, it is the learner's.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                use std::io::Write;
                f.write_all(kata.starter.text.as_bytes())
                    .map_err(io_err(&path))?;
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(io_err(&path)(e)),
        }
    }

    /// The learner's current code for a kata, creating it from the starter
    /// first if needed.
    pub fn read_kata(&self, kata: &Kata) -> Result<String, WorkspaceError> {
        self.ensure_kata_file(kata)?;
        let path = self.kata_path(kata);
        let bytes = std::fs::read(&path).map_err(io_err(&path))?;
        // Invalid UTF-8 is passed on as is (lossily) and reported by Python.
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Copies the learner's file into `.pykata/backups/` and puts the
    /// starter back. Returns where the copy is.
    pub fn reset(&self, kata: &Kata) -> Result<Option<PathBuf>, WorkspaceError> {
        let path = self.kata_path(kata);
        let backup = if path.exists() {
            Some(self.backup(kata)?)
        } else {
            None
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        std::fs::write(&path, &kata.starter.text).map_err(io_err(&path))?;
        self.note_current(kata)?;
        Ok(backup)
    }

    /// Copies the learner's file to a new, timestamped backup.
    pub fn backup(&self, kata: &Kata) -> Result<PathBuf, WorkspaceError> {
        let path = self.kata_path(kata);
        let dir = self.root.join(MARKER).join("backups").join(&kata.topic);
        std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        let stem = kata.module();
        let stamp = progress::now();
        let mut target = dir.join(format!("{stem}.{stamp}.py"));
        let mut n = 1;
        while target.exists() {
            target = dir.join(format!("{stem}.{stamp}-{n}.py"));
            n += 1;
        }
        std::fs::copy(&path, &target).map_err(io_err(&path))?;
        Ok(target)
    }

    pub fn progress_path(&self) -> PathBuf {
        self.root.join(MARKER).join("progress.json")
    }

    /// The learner's progress, read without changing anything; see
    /// `Progress::read`.
    pub fn read_progress(&self) -> ReadProgress {
        Progress::read(&self.progress_path())
    }

    /// Reads, changes and saves the progress under the progress lock; see
    /// `Progress::update`.
    pub fn update_progress<T>(&self, change: impl FnOnce(&mut Progress) -> T) -> Updated<T> {
        Progress::update(&self.progress_path(), change)
    }

    /// Replaces the progress with `progress` (under the lock).
    pub fn save_progress(&self, progress: &Progress) -> Result<(), WorkspaceError> {
        let path = self.progress_path();
        let updated = self.update_progress(|p| *p = progress.clone());
        match updated.not_saved {
            Some(e) => Err(io_err(&path)(e.error)),
            None => Ok(()),
        }
    }
}

const README: &str = "\
This is your pykata workspace.

Each folder is a topic and each .py file a kata. Open a file in your editor,
fix or write the code the task asks for, and save. pykata judges the file:

    pykata             the interface: lessons, katas, verdicts on every save
    pykata list        the course map and your progress
    pykata check ID    run the checks of one kata
    pykata hint ID     the next hint
    pykata reset ID    start a kata again (your file is backed up first)
    pykata restore ID  bring back the file reset backed up

Your progress is in .pykata/progress.json; backups are in .pykata/backups/.
";

#[cfg(test)]
mod tests {
    //! On real folders with the test fixture course (tests/fixtures/course).
    use super::*;
    use crate::course::CourseSource;

    pub(crate) fn fixture_course() -> Course {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
        crate::course::load(CourseSource::Dir(dir)).expect("the fixture course loads")
    }

    fn kata<'c>(course: &'c Course, id: &str) -> &'c Kata {
        course.kata(id).expect("a kata of the fixture course")
    }

    #[test]
    fn a_workspace_is_found_upward_or_the_error_says_which_case() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ws");
        let deep = root.join("basics/deeper");
        std::fs::create_dir_all(root.join(MARKER)).unwrap();
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(Workspace::locate(None, &deep).unwrap().root, root);
        assert_eq!(
            Workspace::locate(Some(&root), dir.path()).unwrap().root,
            root
        );
        assert!(matches!(
            Workspace::locate(Some(dir.path()), &deep),
            Err(WorkspaceError::NotAWorkspace(p)) if p == dir.path()
        ));
        let elsewhere = tempfile::tempdir().unwrap();
        let err = Workspace::locate(None, elsewhere.path()).unwrap_err();
        assert!(matches!(err, WorkspaceError::NotFound(_)), "{err}");
        assert!(err.help().contains("pykata init"), "{}", err.help());
    }

    #[test]
    fn init_creates_every_kata_file_and_never_overwrites_one() {
        let course = fixture_course();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ws");
        let order = kata(&course, "order");
        let mine = root.join(&order.topic).join(&order.file_name);
        std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
        std::fs::write(&mine, "# mine\n").unwrap();

        let (ws, report) = Workspace::init(&root, &course).unwrap();
        let katas = course.katas().count();
        assert_eq!(report.created.len(), katas - 1);
        assert_eq!(report.kept, vec![mine.clone()]);
        assert_eq!(std::fs::read_to_string(&mine).unwrap(), "# mine\n");
        for k in course.katas().filter(|k| k.id != "order") {
            assert_eq!(
                std::fs::read_to_string(ws.kata_path(k)).unwrap(),
                k.starter.text
            );
        }
        assert!(root.join("README.txt").is_file());

        // Again: everything is kept, nothing written.
        let (_, again) = Workspace::init(&root, &course).unwrap();
        assert!(again.created.is_empty());
        assert_eq!(again.kept.len(), katas);
        assert!(again.course_was.is_none(), "same course, no change said");
    }

    #[test]
    fn a_deleted_kata_file_is_read_as_its_starter_again() {
        let course = fixture_course();
        let dir = tempfile::tempdir().unwrap();
        let (ws, _) = Workspace::init(dir.path(), &course).unwrap();
        let order = kata(&course, "order");
        std::fs::remove_file(ws.kata_path(order)).unwrap();
        assert_eq!(ws.read_kata(order).unwrap(), order.starter.text);
        assert!(ws.kata_path(order).is_file());
        assert!(!ws.ensure_kata_file(order).unwrap(), "there already");
    }

    #[test]
    fn reset_keeps_the_learners_text_and_puts_the_starter_back() {
        let course = fixture_course();
        let dir = tempfile::tempdir().unwrap();
        let (ws, _) = Workspace::init(dir.path(), &course).unwrap();
        let order = kata(&course, "order");
        let path = ws.kata_path(order);
        std::fs::write(&path, "# my work\n").unwrap();
        let backup = ws
            .reset(order)
            .unwrap()
            .expect("a backup of the learner's file");
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), "# my work\n");
        assert!(backup.starts_with(dir.path().join(MARKER).join("backups")));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), order.starter.text);
        // No file to keep: no backup, the starter is written all the same.
        std::fs::remove_file(&path).unwrap();
        assert_eq!(ws.reset(order).unwrap(), None);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), order.starter.text);
    }

    #[test]
    fn backups_in_the_same_second_do_not_overwrite_each_other() {
        let course = fixture_course();
        let dir = tempfile::tempdir().unwrap();
        let (ws, _) = Workspace::init(dir.path(), &course).unwrap();
        let order = kata(&course, "order");
        let mut made = Vec::new();
        for i in 0..3 {
            std::fs::write(ws.kata_path(order), format!("# version {i}\n")).unwrap();
            made.push(ws.backup(order).unwrap());
        }
        made.sort();
        made.dedup();
        assert_eq!(made.len(), 3, "{made:?}");
        for (i, path) in made.iter().enumerate() {
            let text = std::fs::read_to_string(path).unwrap();
            assert!(text.starts_with("# version"), "{i}: {text}");
        }
    }
}
