//! The copies of a learner's file kept in `.pykata/backups/<topic>/`, made
//! by `reset` (and by `restore` itself), and putting one back. A file is
//! never overwritten without a copy of it being kept first.

use super::{io_err, Workspace, WorkspaceError, MARKER};
use crate::course::Kata;
use std::path::{Path, PathBuf};

/// One backup of a kata's file: `<module>.<stamp>.py`, or
/// `<module>.<stamp>-<n>.py` for a second one in the same second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    /// Unix seconds when it was made.
    pub made_at: u64,
    /// Which of the backups made in that second (0 for the first).
    pub n: u32,
}

/// What `restore` did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "the learner must be told where the text it replaced was kept"]
pub enum Restored {
    /// The file was put back; where its content before went, if it existed.
    Done { saved_current: Option<PathBuf> },
    /// The file already holds exactly this backup: nothing was written.
    AlreadyThere,
}

impl Workspace {
    fn backup_dir(&self, kata: &Kata) -> PathBuf {
        self.root.join(MARKER).join("backups").join(&kata.topic)
    }

    /// The backups of `kata`'s file, newest first.
    pub fn backups(&self, kata: &Kata) -> Result<Vec<Backup>, WorkspaceError> {
        let dir = self.backup_dir(kata);
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err(&dir)(e)),
        };
        let mut found: Vec<Backup> = entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let (made_at, n) = parse_name(&name, kata.module())?;
                Some(Backup {
                    path: entry.path(),
                    made_at,
                    n,
                })
            })
            .collect();
        found.sort_by_key(|b| std::cmp::Reverse((b.made_at, b.n)));
        Ok(found)
    }

    /// Puts `backup` back as `kata`'s file, keeping a backup of the file
    /// it replaces first.
    pub fn restore(&self, kata: &Kata, backup: &Backup) -> Result<Restored, WorkspaceError> {
        let path = self.kata_path(kata);
        let wanted = std::fs::read(&backup.path).map_err(io_err(&backup.path))?;
        let saved_current = match std::fs::read(&path) {
            Ok(current) if current == wanted => return Ok(Restored::AlreadyThere),
            Ok(_) => Some(self.backup(kata)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_err(&path)(e)),
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        write_replacing(&path, &wanted)?;
        Ok(Restored::Done { saved_current })
    }
}

/// Writes `bytes` to `path` through a file beside it renamed over it, as
/// editors save: the learner's file is never left half written.
fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), WorkspaceError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.pykata-restore"));
    std::fs::write(&tmp, bytes).map_err(io_err(&tmp))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_err(path)(e)
    })
}

/// `(stamp, n)` from `<module>.<stamp>.py` or `<module>.<stamp>-<n>.py`.
fn parse_name(name: &str, module: &str) -> Option<(u64, u32)> {
    let middle = name
        .strip_prefix(module)?
        .strip_prefix('.')?
        .strip_suffix(".py")?;
    match middle.split_once('-') {
        Some((stamp, n)) => Some((stamp.parse().ok()?, n.parse().ok()?)),
        None => Some((middle.parse().ok()?, 0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_are_read_back_and_others_ignored() {
        assert_eq!(
            parse_name("order.1700000000.py", "order"),
            Some((1700000000, 0))
        );
        assert_eq!(
            parse_name("order.1700000000-2.py", "order"),
            Some((1700000000, 2))
        );
        assert_eq!(parse_name("order_two.1700000000.py", "order"), None);
        assert_eq!(parse_name("order.py", "order"), None);
        assert_eq!(parse_name("order.x.py", "order"), None);
    }

    #[test]
    fn backups_are_listed_newest_first_and_restore_keeps_what_it_replaces() {
        let course = crate::workspace::tests::fixture_course();
        let dir = tempfile::tempdir().unwrap();
        let (ws, _) = Workspace::init(dir.path(), &course).unwrap();
        let order = course.kata("order").unwrap();
        let path = ws.kata_path(order);
        std::fs::write(&path, "# first\n").unwrap();
        ws.backup(order).unwrap();
        std::fs::write(&path, "# second\n").unwrap();
        ws.backup(order).unwrap();
        std::fs::write(&path, "# now\n").unwrap();

        let list = ws.backups(order).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            std::fs::read_to_string(&list[0].path).unwrap(),
            "# second\n"
        );
        assert_eq!(std::fs::read_to_string(&list[1].path).unwrap(), "# first\n");

        let oldest = list[1].clone();
        let Restored::Done { saved_current } = ws.restore(order, &oldest).unwrap() else {
            panic!("the file differs from the backup: it is restored");
        };
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# first\n");
        let kept = saved_current.expect("the replaced text is kept");
        assert_eq!(std::fs::read_to_string(kept).unwrap(), "# now\n");
        // Restoring it again changes nothing and keeps no further copy.
        assert_eq!(ws.restore(order, &oldest).unwrap(), Restored::AlreadyThere);
        assert_eq!(ws.backups(order).unwrap().len(), 3);
        // No temporary file is left beside the learner's.
        let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !names.iter().any(|n| n.contains("pykata-restore")),
            "{names:?}"
        );
    }

    #[test]
    fn a_kata_with_no_backups_has_an_empty_list() {
        let course = crate::workspace::tests::fixture_course();
        let dir = tempfile::tempdir().unwrap();
        let (ws, _) = Workspace::init(dir.path(), &course).unwrap();
        assert!(ws
            .backups(course.kata("order").unwrap())
            .unwrap()
            .is_empty());
    }
}
