//! What the learner has done, kept in the workspace as a versioned JSON file
//! written atomically. An unreadable file is moved aside and reported; it is
//! never silently replaced.

pub mod report;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub const FORMAT_VERSION: u32 = 1;

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
    /// The status of the latest run (pass, fail, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<String>,
    /// Unix seconds of the first run and of the first pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_attempt_at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<u64>,
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
    /// Keyed `topic/step-number` (1-based).
    #[serde(default)]
    pub predictions: BTreeMap<String, PredictionProgress>,
    /// Where the learner was, to continue there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_kata: Option<String>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            format: FORMAT_VERSION,
            katas: BTreeMap::new(),
            predictions: BTreeMap::new(),
            last_kata: None,
        }
    }
}

/// Something the learner must be told about the progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub reason: String,
    pub kept_as: PathBuf,
}

impl std::fmt::Display for SetAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the progress file could not be read ({}); it was kept as {} and a new one was started",
            self.reason,
            self.kept_as.display()
        )
    }
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Progress {
    /// Reads the file, or starts afresh if there is none. A file that cannot
    /// be read is renamed aside and reported in the second value.
    pub fn load(path: &Path) -> (Progress, Option<SetAside>) {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Progress::default(), None)
            }
            Err(e) => return (Progress::default(), set_aside(path, e.to_string())),
        };
        match serde_json::from_slice::<Progress>(&bytes) {
            Ok(p) if p.format == FORMAT_VERSION => (p, None),
            Ok(p) => (
                Progress::default(),
                set_aside(
                    path,
                    format!(
                        "it has format {}, this pykata reads {FORMAT_VERSION}",
                        p.format
                    ),
                ),
            ),
            Err(e) => (Progress::default(), set_aside(path, e.to_string())),
        }
    }

    /// Writes atomically: a temporary file beside it, flushed to disk, then
    /// renamed over the old one.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        tmp.write_all(&json)?;
        tmp.write_all(b"\n")?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    pub fn kata(&self, id: &str) -> KataProgress {
        self.katas.get(id).cloned().unwrap_or_default()
    }

    /// Records one run of a kata's checks.
    pub fn record_attempt(&mut self, id: &str, status: &str, passed: bool) {
        let at = now();
        let k = self.katas.entry(id.to_string()).or_default();
        k.attempts += 1;
        k.last_status = Some(status.to_string());
        k.first_attempt_at.get_or_insert(at);
        if passed {
            k.state = KataState::Done;
            k.done_at.get_or_insert(at);
        } else if k.state == KataState::New {
            k.state = KataState::Started;
        }
        self.last_kata = Some(id.to_string());
    }

    /// Counts one more hint shown; returns how many have been shown.
    pub fn use_hint(&mut self, id: &str, available: usize) -> u32 {
        let k = self.katas.entry(id.to_string()).or_default();
        if (k.hints_used as usize) < available {
            k.hints_used += 1;
        }
        k.hints_used
    }

    pub fn record_prediction(&mut self, key: &str, answer: &str, correct: bool) {
        let p = self.predictions.entry(key.to_string()).or_default();
        if p.attempts == 0 {
            p.first_correct = correct;
        }
        p.attempts += 1;
        p.answered_correctly |= correct;
        p.last_answer = answer.to_string();
    }
}

fn set_aside(path: &Path, reason: String) -> Option<SetAside> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "progress.json".into());
    let kept_as = path.with_file_name(format!("{name}.unreadable-{}", now()));
    match std::fs::rename(path, &kept_as) {
        Ok(()) => Some(SetAside { reason, kept_as }),
        Err(e) => Some(SetAside {
            reason: format!("{reason}; moving it aside also failed: {e}"),
            kept_as: path.to_path_buf(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_sets_aside_a_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.json");
        let mut p = Progress::default();
        p.record_attempt("mutable-default", "fail", false);
        p.record_attempt("mutable-default", "pass", true);
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
}
