//! What the learner has done, kept in the workspace as a versioned JSON file
//! written atomically under a file lock, so two processes (two terminals, the
//! interface and a command) never lose each other's records. An unreadable
//! file is moved aside and reported; it is never silently replaced.

pub mod report;

use crate::judge::Status;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const FORMAT_VERSION: u32 = 1;

/// A temporary file of a save older than this was left by a process that
/// died mid-save (a save takes milliseconds) and is removed.
pub const STALE_TEMP_AFTER: Duration = Duration::from_secs(10 * 60);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KataState {
    #[default]
    New,
    Started,
    Done,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KataProgress {
    pub state: KataState,
    /// Runs of the checks.
    pub attempts: u32,
    pub hints_used: u32,
    /// The status of the latest run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<RecordedStatus>,
    /// Unix seconds of the first run and of the first pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_attempt_at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<u64>,
    /// What the latest recorded run said, to show when the kata is opened
    /// again. Files written before it existed have none (and older
    /// versions of pykata ignore it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_verdict: Option<LastVerdict>,
}

/// A run's status as the progress file keeps it: the judge's statuses by
/// their labels (the file's format since the first version), and
/// `Unknown` for a label this pykata does not know (a newer one wrote it),
/// so such a file still loads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordedStatus {
    #[serde(rename = "pass")]
    Pass,
    #[serde(rename = "fail")]
    Fail,
    #[serde(rename = "error")]
    Error,
    #[serde(rename = "timeout")]
    Timeout,
    #[serde(rename = "killed")]
    Killed,
    #[serde(rename = "skipped")]
    Skipped,
    #[serde(rename = "not run")]
    NotRun,
    #[default]
    #[serde(rename = "unknown", other)]
    Unknown,
}

impl From<Status> for RecordedStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::Pass => RecordedStatus::Pass,
            Status::Fail => RecordedStatus::Fail,
            Status::Error => RecordedStatus::Error,
            Status::Timeout => RecordedStatus::Timeout,
            Status::Killed => RecordedStatus::Killed,
            Status::Skipped => RecordedStatus::Skipped,
            Status::NotRun => RecordedStatus::NotRun,
        }
    }
}

impl RecordedStatus {
    /// The judge's status, unless a newer pykata wrote one this one does
    /// not know.
    pub fn status(self) -> Option<Status> {
        Some(match self {
            RecordedStatus::Pass => Status::Pass,
            RecordedStatus::Fail => Status::Fail,
            RecordedStatus::Error => Status::Error,
            RecordedStatus::Timeout => Status::Timeout,
            RecordedStatus::Killed => Status::Killed,
            RecordedStatus::Skipped => Status::Skipped,
            RecordedStatus::NotRun => Status::NotRun,
            RecordedStatus::Unknown => return None,
        })
    }

    /// The word a report shows ("pass", "not run", "unknown").
    pub fn label(self) -> &'static str {
        self.status().map_or("unknown", Status::label)
    }
}

/// The summary of a verdict kept in progress: enough to say where the
/// learner stood, not the whole run (outputs and tracebacks can be long
/// and are the learner's; a new run gives them again).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastVerdict {
    pub status: RecordedStatus,
    /// The verdict's message, at most [`LastVerdict::MAX_MESSAGE`] bytes.
    pub message: String,
    /// The line of the learner's file it blamed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Each check's id and status, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<(String, RecordedStatus)>,
    /// Unix seconds of the run.
    pub at: u64,
}

impl LastVerdict {
    /// The most of a message kept (a message can quote a learner's value).
    pub const MAX_MESSAGE: usize = 2000;
}

impl KataProgress {
    /// How many of the kata's `available` hints have been shown. The count
    /// on file may be higher when a course update removed hints.
    pub fn hints_shown(&self, available: usize) -> u32 {
        self.hints_used
            .min(u32::try_from(available).unwrap_or(u32::MAX))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredictionProgress {
    pub attempts: u32,
    /// Whether the first answer was right.
    pub first_correct: bool,
    pub answered_correctly: bool,
    #[serde(default)]
    pub last_answer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub format: u32,
    #[serde(default)]
    pub katas: BTreeMap<String, KataProgress>,
    /// Keyed `topic/step-id` (see `course::step_id`); older files keyed
    /// them `topic/step-number` (1-based), moved to ids by
    /// `session::adopt_old_prediction_keys` (an application step above this module).
    #[serde(default)]
    pub predictions: BTreeMap<String, PredictionProgress>,
    /// Where the learner was, to continue there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_kata: Option<String>,
    /// Records of katas the course no longer has (a course update removed
    /// them), kept aside rather than shown as broken or dropped.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retired_katas: BTreeMap<String, KataProgress>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            format: FORMAT_VERSION,
            katas: BTreeMap::new(),
            predictions: BTreeMap::new(),
            last_kata: None,
            retired_katas: BTreeMap::new(),
        }
    }
}

/// Something the learner must be told about the progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub reason: String,
    /// Where the unreadable file is now: its new name, or where it was if it
    /// could not be moved.
    pub kept_as: PathBuf,
    /// Why it could not be moved aside. Such a file is never saved over.
    pub not_moved: Option<String>,
}

impl std::fmt::Display for SetAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.not_moved {
            None => write!(
                f,
                "the progress file could not be read ({}); it was kept as {} and a new one was started",
                self.reason,
                self.kept_as.display()
            ),
            Some(why) => write!(
                f,
                "the progress file {} could not be read ({}) nor moved aside ({why}); it is left as it is and nothing is recorded until it is fixed or moved",
                self.kept_as.display(),
                self.reason,
            ),
        }
    }
}

/// The result of a read-modify-write of the progress file.
#[derive(Debug)]
pub struct Updated<T> {
    /// What the change returned, saved or not.
    pub value: T,
    pub set_aside: Option<SetAside>,
    /// Why the change could not be saved: the file on disk is as it was.
    pub not_saved: Option<NotSaved>,
}

impl<T> Updated<T> {
    /// What the learner must be told, in one text: the file set aside, then
    /// the change not saved (`what`, e.g. "this run was not recorded").
    pub fn warning(&self, what: &str) -> Option<String> {
        let not_saved = match &self.set_aside {
            // The set-aside already says nothing is recorded.
            Some(SetAside {
                not_moved: Some(_), ..
            }) => None,
            _ => self.not_saved.as_ref().map(|e| format!("{what}: {e}")),
        };
        let parts: Vec<String> = self
            .set_aside
            .iter()
            .map(ToString::to_string)
            .chain(not_saved)
            .collect();
        (!parts.is_empty()).then(|| parts.join("\n"))
    }
}

/// A change to the progress that could not be written.
#[derive(Debug)]
pub struct NotSaved {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl std::fmt::Display for NotSaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} cannot be written ({}); check that it and its folder can be written (`ls -l`, and `lsattr` for an immutable flag)",
            self.path.display(),
            self.error
        )
    }
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The progress on file: `Err(None)` when there is no file, `Err(reason)`
/// when it cannot be read or is of another format.
fn parse(path: &Path) -> Result<Progress, Option<String>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(None),
        Err(e) => return Err(Some(e.to_string())),
    };
    match serde_json::from_slice::<Progress>(&bytes) {
        Ok(p) if p.format == FORMAT_VERSION => Ok(p),
        Ok(p) => Err(Some(format!(
            "it has format {}, this pykata reads {FORMAT_VERSION}",
            p.format
        ))),
        Err(e) => Err(Some(e.to_string())),
    }
}

/// The progress as read, and what the learner must be told when the file
/// could not be read. To use the progress, take the news too: destructure
/// it (`let ReadProgress { progress, unreadable } = ...`), so dropping the
/// warning has to be written out.
#[derive(Debug)]
#[must_use = "an unreadable progress file must be told to the learner"]
pub struct ReadProgress {
    pub progress: Progress,
    pub unreadable: Option<Unreadable>,
}

/// A progress file that could not be read; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the progress file {} cannot be read ({}); this shows no progress, and the next run that records something moves that file aside (it is kept) and starts a new one",
            self.path.display(),
            self.reason
        )
    }
}

impl Unreadable {
    /// The same news in one short line (the interface's status bar).
    pub fn short(&self, root: &Path) -> String {
        let shown = self.path.strip_prefix(root).unwrap_or(&self.path);
        format!(
            "progress file {} unreadable: it is kept aside at the next record",
            shown.display()
        )
    }
}

impl Progress {
    /// Reads the file, or starts afresh if there is none, and changes
    /// nothing: a file that cannot be read is reported in the result and
    /// set aside only by the next change (`update`). Read-only commands
    /// (`list`, `solution`, `doctor`, ...) leave the workspace as it was.
    pub fn read(path: &Path) -> ReadProgress {
        let (progress, reason) = match parse(path) {
            Ok(progress) => (progress, None),
            Err(reason) => (Progress::default(), reason),
        };
        ReadProgress {
            progress,
            unreadable: reason.map(|reason| Unreadable {
                path: path.to_path_buf(),
                reason,
            }),
        }
    }

    /// Reads the file for a change: one that cannot be read is renamed
    /// aside and reported in the second value. Takes no lock: `update`
    /// holds it.
    fn load(path: &Path) -> (Progress, Option<SetAside>) {
        match parse(path) {
            Ok(progress) => (progress, None),
            Err(None) => (Progress::default(), None),
            Err(Some(reason)) => (Progress::default(), Some(set_aside(path, reason))),
        }
    }

    /// The file as it is, to compare before and after a change: `None`
    /// when there is none or it cannot be read. Nothing is set aside: the
    /// next `update` does that, and says so where it is done.
    pub fn peek(path: &Path) -> Option<Progress> {
        parse(path).ok()
    }

    /// Reads, changes with `change` and saves the file, all under the lock,
    /// so a record made by another process meanwhile is never lost. A
    /// change that cannot be saved is reported in the result, never lost
    /// silently; the value of `change` is returned either way.
    pub fn update<T>(path: &Path, change: impl FnOnce(&mut Progress) -> T) -> Updated<T> {
        let _lock = lock(path);
        let (mut progress, set_aside) = Progress::load(path);
        let value = change(&mut progress);
        let saved = match &set_aside {
            // An unreadable file that could not be kept is not replaced.
            Some(SetAside {
                not_moved: Some(why),
                ..
            }) => Err(std::io::Error::other(format!(
                "the unreadable file is not replaced: {why}"
            ))),
            _ => progress.save(path),
        };
        Updated {
            value,
            set_aside,
            not_saved: saved.err().map(|error| NotSaved {
                path: path.to_path_buf(),
                error,
            }),
        }
    }

    /// Writes atomically: a temporary file beside it, flushed to disk, then
    /// renamed over the old one. The file keeps the mode it had (a new one
    /// gets the usual mode for new files). Takes no lock: use `update`.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut tmp = temp_file_beside(path)?;
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        tmp.write_all(&json)?;
        tmp.write_all(b"\n")?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        #[cfg(unix)]
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    pub fn kata(&self, id: &str) -> KataProgress {
        self.katas.get(id).cloned().unwrap_or_default()
    }

    /// Records one run of a kata's checks; a pass marks the kata done.
    pub fn record_attempt(&mut self, id: &str, status: Status) {
        let at = now();
        let k = self.katas.entry(id.to_string()).or_default();
        k.attempts = k.attempts.saturating_add(1);
        k.last_status = Some(status.into());
        k.first_attempt_at.get_or_insert(at);
        if status == Status::Pass {
            k.state = KataState::Done;
            k.done_at.get_or_insert(at);
        } else if k.state == KataState::New {
            k.state = KataState::Started;
        }
        self.last_kata = Some(id.to_string());
    }

    /// Keeps `summary` as the last verdict of kata `id` (its message cut
    /// to [`LastVerdict::MAX_MESSAGE`] bytes, on a character boundary).
    pub fn record_verdict(&mut self, id: &str, mut summary: LastVerdict) {
        if summary.message.len() > LastVerdict::MAX_MESSAGE {
            let mut end = LastVerdict::MAX_MESSAGE;
            while !summary.message.is_char_boundary(end) {
                end -= 1;
            }
            summary.message.truncate(end);
            summary.message.push('…');
        }
        let k = self.katas.entry(id.to_string()).or_default();
        k.last_verdict = Some(summary);
    }

    /// Counts one more hint shown; returns how many have been shown, never
    /// more than `available` (a count above it, after a course update
    /// removed hints, is brought down to it).
    pub fn use_hint(&mut self, id: &str, available: usize) -> u32 {
        let k = self.katas.entry(id.to_string()).or_default();
        let shown = k.hints_shown(available);
        k.hints_used = if (shown as usize) < available {
            shown + 1
        } else {
            shown
        };
        k.hints_used
    }

    /// Moves the record of a kata the course renamed from `old` to `new`.
    /// When both have one (the learner already worked under the new name),
    /// the new one stays and the old is retired, so neither is lost.
    pub fn rename_kata(&mut self, old: &str, new: &str) -> bool {
        let Some(record) = self.katas.remove(old) else {
            return false;
        };
        if self.katas.contains_key(new) {
            self.retired_katas.insert(old.to_string(), record);
        } else {
            self.katas.insert(new.to_string(), record);
        }
        if self.last_kata.as_deref() == Some(old) {
            self.last_kata = Some(new.to_string());
        }
        true
    }

    /// Sets aside the records of katas for which `known` is false; returns
    /// their ids. A record retired earlier comes back if the kata returns.
    pub fn retire_unknown_katas(&mut self, known: impl Fn(&str) -> bool) -> Vec<String> {
        let gone: Vec<String> = self.katas.keys().filter(|id| !known(id)).cloned().collect();
        for id in &gone {
            if let Some(record) = self.katas.remove(id) {
                self.retired_katas.insert(id.clone(), record);
            }
        }
        let back: Vec<String> = self
            .retired_katas
            .keys()
            .filter(|id| known(id) && !self.katas.contains_key(*id))
            .cloned()
            .collect();
        for id in back {
            if let Some(record) = self.retired_katas.remove(&id) {
                self.katas.insert(id, record);
            }
        }
        if self.last_kata.as_deref().is_some_and(|id| !known(id)) {
            self.last_kata = None;
        }
        gone
    }

    /// Brings a hint count recorded under an older course down to the
    /// hints the kata has now.
    pub fn clamp_hints(&mut self, id: &str, available: usize) {
        if let Some(k) = self.katas.get_mut(id) {
            k.hints_used = k.hints_shown(available);
        }
    }

    pub fn record_prediction(&mut self, key: &str, answer: &str, correct: bool) {
        let p = self.predictions.entry(key.to_string()).or_default();
        if p.attempts == 0 {
            p.first_correct = correct;
        }
        p.attempts = p.attempts.saturating_add(1);
        p.answered_correctly |= correct;
        p.last_answer = answer.to_string();
    }
}

/// Renames an unreadable file to a name of its own beside it.
fn set_aside(path: &Path, reason: String) -> SetAside {
    match move_to_unused_name(path, &format!("unreadable-{}", now())) {
        Ok(kept_as) => SetAside {
            reason,
            kept_as,
            not_moved: None,
        },
        Err(e) => SetAside {
            reason,
            kept_as: path.to_path_buf(),
            not_moved: Some(e.to_string()),
        },
    }
}

/// Moves `path` to its name with `.{tag}` added, and `-1`, `-2`, ... if
/// that is taken. The new name is claimed with a hard link, which fails
/// rather than replace a file, so two set-asides in one second (even by
/// two processes) never overwrite each other; where links are not
/// possible, a rename to a name that did not exist a moment ago.
fn move_to_unused_name(path: &Path, tag: &str) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "progress.json".into());
    for n in 0..10_000u32 {
        let candidate = match n {
            0 => path.with_file_name(format!("{name}.{tag}")),
            n => path.with_file_name(format!("{name}.{tag}-{n}")),
        };
        match std::fs::hard_link(path, &candidate) {
            Ok(()) => {
                std::fs::remove_file(path)?;
                return Ok(candidate);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(_) if std::fs::symlink_metadata(&candidate).is_err() => {
                std::fs::rename(path, &candidate)?;
                return Ok(candidate);
            }
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(
        "every name to keep it under is taken",
    ))
}

/// A new temporary file in the folder of `path`, with the mode `path` has.
fn temp_file_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    // tempfile makes its files private (0600); a progress file is an
    // ordinary file: the usual mode, less the umask, like any new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir)?;
    // An existing file keeps its mode exactly (the umask would change it).
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    Ok(tmp)
}

/// Holds the progress lock: between the threads of this process and, with
/// a lock on a file beside the progress file, between processes.
struct Lock {
    _file: Option<File>,
    _thread: MutexGuard<'static, ()>,
}

/// Takes the progress lock of the progress file at `path`, waiting for it.
/// Where the lock file cannot be made or locked (a read-only folder), goes
/// on without it: nothing can be saved there anyway. With the lock held,
/// temporary files left by a save that died are removed.
fn lock(path: &Path) -> Lock {
    // The file lock alone may not exclude threads of one process on every
    // platform, so they take this first.
    static THREADS: Mutex<()> = Mutex::new(());
    let thread = THREADS.lock().unwrap_or_else(|p| p.into_inner());
    let file = lock_file(path);
    if file.is_some() {
        sweep_stale_temps(path.parent().unwrap_or(Path::new(".")));
    }
    Lock {
        _file: file,
        _thread: thread,
    }
}

/// Opens and locks `progress.lock` beside `path`. The lock file is never
/// deleted: removing a lock file another process waits on breaks the lock.
fn lock_file(path: &Path) -> Option<File> {
    let lock_path = path.with_extension("lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .or_else(|_| File::open(&lock_path))
        .ok()?;
    file.lock().ok()?;
    Some(file)
}

/// Removes the temporary files (`.tmpXXXXXX`) a save leaves when its
/// process is killed before the rename. Called with the lock held, so no
/// live save owns them; the age bound guards against older pykata versions
/// that saved without the lock. Links and folders are left alone.
fn sweep_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(".tmp") {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMP_AFTER);
        if meta.is_file() && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_set_aside_under_one_tag_never_replace_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let mut kept = Vec::new();
        for text in ["first", "second", "third"] {
            std::fs::write(&path, text).unwrap();
            kept.push(super::move_to_unused_name(&path, "unreadable-1").unwrap());
        }
        let texts: Vec<String> = kept
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert_eq!(texts, ["first", "second", "third"]);
        assert!(!path.exists());
    }

    #[test]
    fn round_trips_and_sets_aside_a_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let mut p = Progress::default();
        p.record_attempt("mutable-default", Status::Fail);
        p.record_attempt("mutable-default", Status::Pass);
        p.save(&path).unwrap();
        let (back, warning) = Progress::load(&path);
        assert!(warning.is_none());
        assert_eq!(back.kata("mutable-default").state, KataState::Done);
        assert_eq!(back.kata("mutable-default").attempts, 2);

        std::fs::write(&path, "{ not json").unwrap();
        let (fresh, warning) = Progress::load(&path);
        let warning = warning.expect("a broken file is reported");
        assert_eq!(fresh, Progress::default());
        assert_eq!(
            std::fs::read_to_string(&warning.kept_as).unwrap(),
            "{ not json"
        );
        assert!(!path.exists());
    }

    #[test]
    fn the_last_verdict_is_kept_and_old_files_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        // A file as pykata wrote it before last verdicts were kept.
        let old = r#"{"format":1,"katas":{"late-binding":{"state":"started","attempts":2,"hints_used":1,"last_status":"fail","first_attempt_at":1700000000}},"predictions":{},"last_kata":"late-binding"}"#;
        std::fs::write(&path, old).unwrap();
        let (p, warning) = Progress::load(&path);
        assert!(warning.is_none(), "{warning:?}");
        let k = p.kata("late-binding");
        assert_eq!((k.attempts, k.last_verdict), (2, None));
        assert_eq!(k.last_status, Some(RecordedStatus::Fail));

        let mut p = p;
        p.record_verdict(
            "late-binding",
            LastVerdict {
                status: Status::Fail.into(),
                message: "é".repeat(LastVerdict::MAX_MESSAGE),
                line: Some(15),
                checks: vec![("own-metric".into(), Status::Fail.into())],
                at: 1_700_000_100,
            },
        );
        p.save(&path).unwrap();
        let (back, _) = Progress::load(&path);
        let last = back.kata("late-binding").last_verdict.unwrap();
        assert_eq!(last.line, Some(15));
        assert_eq!(
            last.checks,
            vec![("own-metric".to_string(), RecordedStatus::Fail)]
        );
        assert!(last.message.len() <= LastVerdict::MAX_MESSAGE + '…'.len_utf8());
        assert!(last.message.ends_with('…'));
        // A kata with no verdict writes no field: the file stays as small.
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches("last_verdict").count(), 1, "{text}");
    }

    #[test]
    fn statuses_are_kept_by_their_labels_and_unknown_ones_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let mut p = Progress::default();
        p.record_attempt("a", Status::NotRun);
        p.record_attempt("b", Status::Timeout);
        p.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(r#""last_status": "not run""#), "{text}");
        assert!(text.contains(r#""last_status": "timeout""#), "{text}");
        // A label a newer pykata wrote: the file loads, the status is unknown.
        std::fs::write(&path, text.replace(r#""timeout""#, r#""frobbed""#)).unwrap();
        let (back, warning) = Progress::load(&path);
        assert!(warning.is_none(), "{warning:?}");
        assert_eq!(back.kata("a").last_status, Some(RecordedStatus::NotRun));
        let unknown = back.kata("b").last_status.unwrap();
        assert_eq!(
            (unknown, unknown.status(), unknown.label()),
            (RecordedStatus::Unknown, None, "unknown")
        );
    }

    #[test]
    fn hints_are_counted_up_to_the_katas_hints() {
        let mut p = Progress::default();
        p.katas.insert(
            "k".into(),
            KataProgress {
                hints_used: 5,
                ..KataProgress::default()
            },
        );
        // A course update left 2 hints: the count comes down to them.
        assert_eq!(p.use_hint("k", 2), 2);
        assert_eq!(p.kata("k").hints_shown(2), 2);
        assert_eq!(p.use_hint("new", 2), 1);
        assert_eq!(p.use_hint("new", 2), 2);
        assert_eq!(p.use_hint("new", 2), 2);
    }

    #[test]
    fn two_files_set_aside_in_one_second_are_both_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        std::fs::write(&path, "first").unwrap();
        let a = Progress::load(&path).1.unwrap();
        std::fs::write(&path, "second").unwrap();
        let b = Progress::load(&path).1.unwrap();
        assert_ne!(a.kept_as, b.kept_as);
        assert_eq!(std::fs::read_to_string(&a.kept_as).unwrap(), "first");
        assert_eq!(std::fs::read_to_string(&b.kept_as).unwrap(), "second");
    }

    #[test]
    fn updates_saturate_and_report_what_was_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let mut p = Progress::default();
        p.record_attempt("k", Status::Fail);
        p.katas.get_mut("k").unwrap().attempts = u32::MAX;
        p.save(&path).unwrap();
        let u = Progress::update(&path, |p| p.record_attempt("k", Status::Fail));
        assert!(u.not_saved.is_none() && u.set_aside.is_none());
        assert_eq!(Progress::load(&path).0.kata("k").attempts, u32::MAX);
        // A file where its folder should be: it cannot be read nor moved,
        // and the change is reported unsaved, once.
        std::fs::write(dir.path().join("sub"), "").unwrap();
        let blocked = dir.path().join("sub").join("progress.json");
        let u = Progress::update(&blocked, |p| p.record_attempt("k", Status::Fail));
        assert!(u.not_saved.is_some());
        let w = u.warning("this run was not recorded").unwrap();
        assert!(w.contains("nor moved aside"), "{w}");
        assert_eq!(w.lines().count(), 1, "{w}");
    }
}
