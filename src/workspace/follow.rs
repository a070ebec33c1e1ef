//! How a workspace follows a newer course (a new pykata in a workshop's
//! second week): new katas get their starters, a kata whose task or starter
//! changed is marked while the learner's file is kept, a renamed kata keeps
//! its record and file, and the record of a removed kata is set aside.
//!
//! To tell what changed, the workspace remembers, per kata, the fingerprint
//! of the task and starter its file was made from (`.pykata/katas.json`).
//! Workspaces made before that file existed are compared with the built-in
//! course as it was then (`assets/course-history.json`).

use super::{io_err, Workspace, WorkspaceError, MARKER};
use crate::course::{Course, CourseSource, Kata};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What a kata's file was made from, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Made {
    /// The learner's file, relative to the workspace (`topic/name.py`).
    pub file: String,
    /// Fingerprints (see [`fingerprint`]) of the task text and the starter.
    pub task: String,
    pub starter: String,
    /// The learner has been told that the kata changed under their file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub told: bool,
}

impl Made {
    pub fn of(kata: &Kata) -> Made {
        Made {
            file: kata.workspace_path(),
            task: fingerprint(&kata.task),
            starter: fingerprint(&kata.starter.text),
            told: false,
        }
    }

    /// Whether the task and starter are the same (the file may have moved).
    fn same_kata(&self, other: &Made) -> bool {
        self.task == other.task && self.starter == other.starter
    }
}

/// `.pykata/katas.json`: what each kata's file was made from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub katas: BTreeMap<String, Made>,
    /// In the history only: the key each prediction had when progress kept
    /// them by step position (`gotchas/3`), and its step's id then
    /// (`gotchas/what-does-this-print`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub predictions: BTreeMap<String, String>,
}

/// The built-in course's katas as they were before workspaces kept a
/// record, keyed by kata id.
const HISTORY: &str = include_str!("../../assets/course-history.json");

/// The built-in course's history (see [`HISTORY`]).
fn history() -> Record {
    serde_json::from_str(HISTORY).unwrap_or_default()
}

/// What following the course changed, for the learner to be told once.
#[derive(Debug, Default, PartialEq, Eq)]
#[must_use = "the learner must be told what following the course changed (files moved aside)"]
pub struct Followed {
    /// Katas new since the workspace was made: their starters were written.
    pub new_starters: Vec<String>,
    /// Katas whose task or starter changed while the learner had not touched
    /// the old starter: the new starter replaced it.
    pub refreshed: Vec<String>,
    /// Katas whose task or starter changed under the learner's own code:
    /// the file is kept and the kata marked (see [`Workspace::changed`]).
    pub changed: Vec<String>,
    /// `(old id, new id)` of renamed katas whose record or file moved.
    pub renamed: Vec<(String, String)>,
    /// Katas the course no longer has: their records were set aside.
    pub retired: Vec<String>,
}

impl Followed {
    pub fn is_empty(&self) -> bool {
        *self == Followed::default()
    }

    /// One paragraph for the learner; empty when nothing happened that they
    /// need to know (new starters are said by `list` anyway).
    pub fn summary(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let list = |ids: &[String]| ids.join(", ");
        if !self.changed.is_empty() {
            lines.push(format!(
                "the course was updated: the task of {} changed. Your file is kept as you left it; `pykata reset KATA` gives you the new starter (your file is backed up first).",
                list(&self.changed)
            ));
        }
        if !self.refreshed.is_empty() {
            lines.push(format!(
                "the course was updated: {} had a new starter, and your untouched file was replaced by it.",
                list(&self.refreshed)
            ));
        }
        for (old, new) in &self.renamed {
            lines.push(format!(
                "the course was updated: kata `{old}` is now `{new}`; your progress and file moved with it."
            ));
        }
        if !self.retired.is_empty() {
            lines.push(format!(
                "the course was updated: {} left the course; your record of it is kept in the progress file.",
                list(&self.retired)
            ));
        }
        lines
    }
}

/// A text as it counts for "is it still the starter?": line endings and
/// trailing blank space, which an editor may rewrite on a plain save, do
/// not count as a change.
pub fn as_saved(text: &str) -> String {
    text.replace("\r\n", "\n").trim_end().to_string()
}

/// A fingerprint of a text [`as_saved`]. FNV-1a: stable across builds and
/// platforms, unlike `Hasher`.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in as_saved(text).bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

impl Workspace {
    fn record_path(&self) -> PathBuf {
        self.root.join(MARKER).join("katas.json")
    }

    /// The record of what each kata's file was made from; `None` for a
    /// workspace made before pykata kept one (or with an unreadable one).
    pub fn made_record(&self) -> Option<Record> {
        let bytes = std::fs::read(self.record_path()).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    fn save_record(&self, record: &Record) -> Result<(), WorkspaceError> {
        let path = self.record_path();
        let json = serde_json::to_vec_pretty(record).map_err(|e| io_err(&path)(e.into()))?;
        let dir = self.root.join(MARKER);
        let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(io_err(&dir))?;
        std::io::Write::write_all(&mut tmp, &json).map_err(io_err(&path))?;
        tmp.persist(&path).map_err(|e| io_err(&path)(e.error))?;
        Ok(())
    }

    /// Records every kata of `course` as made from its current task and
    /// starter (a workspace just made).
    pub fn record_made(&self, course: &Course) -> Result<(), WorkspaceError> {
        let record = Record {
            katas: course
                .katas()
                .map(|k| (k.id.clone(), Made::of(k)))
                .collect(),
            ..Record::default()
        };
        self.save_record(&record)
    }

    /// Notes that the learner's file of `kata` now answers the current task
    /// (they reset it, or passed it): the kata is no longer marked changed.
    pub fn note_current(&self, kata: &Kata) -> Result<(), WorkspaceError> {
        let mut record = self.made_record().unwrap_or_default();
        if record.katas.get(&kata.id) == Some(&Made::of(kata)) {
            return Ok(());
        }
        record.katas.insert(kata.id.clone(), Made::of(kata));
        self.save_record(&record)
    }

    /// Whether the task or starter of `kata` changed since the learner's
    /// file was made (and they have not reset or passed it since).
    pub fn changed(&self, kata: &Kata) -> bool {
        self.made_record()
            .and_then(|r| r.katas.get(&kata.id).cloned())
            .is_some_and(|made| !made.same_kata(&Made::of(kata)))
    }

    /// The ids of the katas of `course` that [`Workspace::changed`] marks,
    /// reading the record once.
    pub fn changed_katas(&self, course: &Course) -> std::collections::HashSet<String> {
        let Some(record) = self.made_record() else {
            return Default::default();
        };
        course
            .katas()
            .filter(|k| {
                record
                    .katas
                    .get(&k.id)
                    .is_some_and(|made| !made.same_kata(&Made::of(k)))
            })
            .map(|k| k.id.clone())
            .collect()
    }

    /// Brings the workspace up to `course` (see the module's comment).
    /// Nothing the learner wrote is overwritten: a file is replaced only
    /// when it is exactly the old starter, and moved only to a free name.
    pub fn follow(&self, course: &Course) -> Result<Followed, WorkspaceError> {
        let mut followed = Followed::default();
        let before = self.made_record();
        let baseline = match &before {
            Some(record) => record.clone(),
            None => self.baseline_without_record(course),
        };
        let mut record = Record::default();
        // Read only: an unreadable progress file is said by whoever reads it
        // next, and set aside by the next record, not swallowed here.
        let progress = crate::progress::Progress::peek(&self.progress_path()).unwrap_or_default();
        let mut renames = Vec::new();
        for kata in course.katas() {
            let old_id = kata
                .renamed_from
                .iter()
                .find(|old| baseline.katas.contains_key(*old) || progress.katas.contains_key(*old))
                .filter(|_| !baseline.katas.contains_key(&kata.id));
            let made = match old_id {
                Some(old) => {
                    renames.push((old.clone(), kata));
                    baseline.katas.get(old).cloned()
                }
                None => baseline.katas.get(&kata.id).cloned(),
            };
            if let Some(old) = old_id {
                let old_file = baseline.katas.get(old).map(|m| m.file.as_str());
                if self.move_renamed_file(old_file, kata)? {
                    followed.renamed.push((old.clone(), kata.id.clone()));
                }
            }
            let path = self.kata_path(kata);
            let now = Made::of(kata);
            let kept = match made {
                None => {
                    if self.ensure_kata_file(kata)? {
                        followed.new_starters.push(kata.id.clone());
                    }
                    now
                }
                Some(made) if made.same_kata(&now) => now,
                Some(made) => match std::fs::read(&path) {
                    Err(_) => {
                        self.ensure_kata_file(kata)?;
                        now
                    }
                    Ok(bytes) => {
                        let text = String::from_utf8_lossy(&bytes);
                        if fingerprint(&text) == made.starter {
                            std::fs::write(&path, &kata.starter.text).map_err(io_err(&path))?;
                            followed.refreshed.push(kata.id.clone());
                            now
                        } else if fingerprint(&text) == now.starter {
                            now
                        } else {
                            if !made.told {
                                followed.changed.push(kata.id.clone());
                            }
                            Made {
                                file: now.file,
                                told: true,
                                ..made
                            }
                        }
                    }
                },
            };
            record.katas.insert(kata.id.clone(), kept);
        }
        // A workspace from before records kept predictions by step
        // position; the built-in course's history knows which step each
        // position was, so a step inserted since takes no one's answer.
        let old_positions = match (&before, &course.source) {
            (None, CourseSource::Embedded) => history().predictions,
            _ => BTreeMap::new(),
        };
        let change = |p: &mut crate::progress::Progress| {
            for (position, id) in &old_positions {
                if let Some(record) = p.predictions.remove(position) {
                    let key = match p.predictions.contains_key(id) {
                        true => format!("{id}.earlier"),
                        false => id.clone(),
                    };
                    p.predictions.insert(key, record);
                }
            }
            let mut moved = Vec::new();
            for (old, kata) in &renames {
                if p.rename_kata(old, &kata.id) {
                    moved.push((old.clone(), kata.id.clone()));
                }
            }
            for kata in course.katas() {
                p.clamp_hints(&kata.id, kata.hints.len());
            }
            let retired = p.retire_unknown_katas(|id| course.kata(id).is_some());
            (moved, retired)
        };
        // The progress is written only when following changes it.
        let mut preview = progress.clone();
        change(&mut preview);
        let (moved, retired) = if preview == progress {
            (Vec::new(), Vec::new())
        } else {
            self.update_progress(change).value
        };
        for pair in moved {
            if !followed.renamed.contains(&pair) {
                followed.renamed.push(pair);
            }
        }
        followed.retired = retired;
        if before.as_ref() != Some(&record) {
            self.save_record(&record)?;
        }
        Ok(followed)
    }

    /// What a workspace without a record was made from: the built-in
    /// course's history where it has the kata (the workspace may predate a
    /// change), else the course as it is now.
    fn baseline_without_record(&self, course: &Course) -> Record {
        let history = match course.source {
            CourseSource::Embedded => history(),
            _ => Record::default(),
        };
        let mut baseline = Record::default();
        for kata in course.katas() {
            let made = history
                .katas
                .get(&kata.id)
                .cloned()
                .unwrap_or_else(|| Made::of(kata));
            // A kata whose file is not there yet is new to this workspace.
            if self.kata_path(kata).exists() || history.katas.contains_key(&kata.id) {
                baseline.katas.insert(kata.id.clone(), made);
            }
        }
        for (id, made) in history.katas {
            baseline.katas.entry(id).or_insert(made);
        }
        baseline
    }

    /// Moves the learner's file of a renamed kata from where the record
    /// says it was to its new name, when the new name is free or holds the
    /// untouched starter (which nothing is lost by replacing). Returns
    /// whether a file moved.
    fn move_renamed_file(
        &self,
        old_file: Option<&str>,
        kata: &Kata,
    ) -> Result<bool, WorkspaceError> {
        let Some(old_file) = old_file else {
            return Ok(false);
        };
        let old_path = self.root.join(old_file);
        let new_path = self.kata_path(kata);
        if old_path == new_path || !old_path.is_file() {
            return Ok(false);
        }
        if let Ok(bytes) = std::fs::read(&new_path) {
            if fingerprint(&String::from_utf8_lossy(&bytes)) != fingerprint(&kata.starter.text) {
                return Ok(false);
            }
        }
        if let Some(dir) = new_path.parent() {
            std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        std::fs::rename(&old_path, &new_path).map_err(io_err(&old_path))?;
        Ok(true)
    }
}
