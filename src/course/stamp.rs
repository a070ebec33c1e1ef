//! A course's stamp: a short text that changes whenever any file of the
//! course may have changed, found without reading or parsing the files.
//! A workspace keeps the stamp of the course it last followed, so a
//! learner's command brings it up to the course (`Workspace::follow`, which
//! needs the whole course) only when the course changed, and can otherwise
//! load just the topic it needs.

use super::source::CourseSource;
use crate::file_state::FileState;
use std::hash::{Hash, Hasher};
use std::path::Path;

/// How deep the walk of a course folder goes, as `source` lists it.
const MAX_DEPTH: usize = 16;
/// The most entries stamped; a larger course is followed on every command.
const MAX_STAMPED: usize = 50_000;

impl CourseSource {
    /// The stamp of the course as it is now; `None` when it cannot be told
    /// (the caller then treats the course as changed).
    pub fn stamp(&self) -> Option<String> {
        let mut hasher = Fnv::default();
        env!("CARGO_PKG_VERSION").hash(&mut hasher);
        match self {
            // The built-in course changes only with the binary: the
            // binary's size and time stand for it.
            CourseSource::Embedded => {
                let exe = std::env::current_exe().ok()?;
                "embedded".hash(&mut hasher);
                FileState::of_link(&exe)?.hash(&mut hasher);
            }
            CourseSource::Archive(a) => {
                "archive".hash(&mut hasher);
                a.path.hash(&mut hasher);
                FileState::of_link(&a.path)?.hash(&mut hasher);
            }
            CourseSource::Dir(root) => {
                "folder".hash(&mut hasher);
                root.hash(&mut hasher);
                FileState::of_link(&root.join(super::source::MANIFEST))?.hash(&mut hasher);
                let mut seen = 0;
                for top in ["lessons", "katas"] {
                    walk(&root.join(top), 0, &mut seen, &mut hasher)?;
                }
            }
        }
        Some(format!("{:016x}", hasher.finish()))
    }
}

impl CourseSource {
    /// The stamp of what judging one topic's katas reads from a course
    /// folder: the manifest, the topic's lesson file and its katas folder.
    /// `check KATA` compares it with the one the workspace kept when it
    /// last followed the course, instead of walking the whole course: a
    /// change elsewhere is followed by the next command that stamps the
    /// whole course (`list`, the interface, a check of that topic). `None`
    /// for the built-in course and an archive, whose whole stamp is one
    /// `stat`.
    pub fn topic_stamp(&self, topic: &str) -> Option<String> {
        let CourseSource::Dir(root) = self else {
            return None;
        };
        let mut hasher = Fnv::default();
        env!("CARGO_PKG_VERSION").hash(&mut hasher);
        "topic".hash(&mut hasher);
        root.hash(&mut hasher);
        topic.hash(&mut hasher);
        FileState::of_link(&root.join(super::source::MANIFEST))?.hash(&mut hasher);
        let lesson = root.join("lessons").join(format!("{topic}.yaml"));
        FileState::of_link(&lesson).hash(&mut hasher);
        let mut seen = 0;
        walk(&root.join("katas").join(topic), 0, &mut seen, &mut hasher)?;
        Some(format!("{:016x}", hasher.finish()))
    }
}

/// Hashes every entry below `dir` in name order, never through a link.
/// `None` past [`MAX_STAMPED`] entries: such a course is always followed.
fn walk(dir: &Path, depth: usize, seen: &mut usize, hasher: &mut Fnv) -> Option<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // No such folder is a state too (a course without katas/).
        "absent".hash(hasher);
        return Some(());
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        *seen += 1;
        if *seen > MAX_STAMPED {
            return None;
        }
        entry.file_name().hash(hasher);
        let meta = entry.metadata().ok()?;
        FileState::of(&meta).hash(hasher);
        if meta.is_dir() && depth < MAX_DEPTH {
            walk(&entry.path(), depth + 1, seen, hasher)?;
        }
    }
    Some(())
}

/// FNV-1a, 64 bits: stable across builds, unlike the standard hasher.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_stamp_changes_with_its_own_files_and_the_manifest_only() {
        let dir = course_dir();
        std::fs::create_dir_all(dir.path().join("katas/other")).unwrap();
        std::fs::write(dir.path().join("katas/other/b.py"), "y = 1\n").unwrap();
        let source = CourseSource::Dir(dir.path().to_path_buf());
        let first = source.topic_stamp("basics").unwrap();
        assert_ne!(source.topic_stamp("other").unwrap(), first);
        // Another topic's file: this topic's stamp stays.
        std::fs::write(dir.path().join("katas/other/b.py"), "y = 22\n").unwrap();
        assert_eq!(source.topic_stamp("basics").unwrap(), first);
        // Its kata file, its lesson, the manifest: a new stamp each.
        let mut seen = vec![first];
        for (file, text) in [
            ("katas/basics/a.py", "x = 22\n"),
            ("lessons/basics.yaml", "title: AB\n"),
            ("course.yaml", "format: 1 \n"),
        ] {
            std::fs::write(dir.path().join(file), text).unwrap();
            let now = source.topic_stamp("basics").unwrap();
            assert!(!seen.contains(&now), "{file} did not change the stamp");
            seen.push(now);
        }
        assert_eq!(CourseSource::Embedded.topic_stamp("basics"), None);
    }

    fn course_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("course.yaml"), "format: 1\n").unwrap();
        std::fs::create_dir_all(dir.path().join("katas/basics")).unwrap();
        std::fs::create_dir_all(dir.path().join("lessons")).unwrap();
        std::fs::write(dir.path().join("lessons/basics.yaml"), "title: A\n").unwrap();
        std::fs::write(dir.path().join("katas/basics/a.py"), "x = 1\n").unwrap();
        dir
    }

    #[test]
    fn a_course_folder_keeps_its_stamp_until_a_file_changes() {
        let dir = course_dir();
        let source = CourseSource::Dir(dir.path().to_path_buf());
        let first = source.stamp().unwrap();
        assert_eq!(source.stamp().unwrap(), first);
        // Same size, written again: a new time (or, renamed in place, a
        // new inode) changes the stamp.
        let tmp = dir.path().join("katas/basics/.a.py.new");
        std::fs::write(&tmp, "x = 2\n").unwrap();
        std::fs::rename(&tmp, dir.path().join("katas/basics/a.py")).unwrap();
        let second = source.stamp().unwrap();
        assert_ne!(second, first, "a kata file replaced");
        std::fs::write(dir.path().join("lessons/extra.yaml"), "").unwrap();
        assert_ne!(source.stamp().unwrap(), second, "a topic file added");
    }

    #[test]
    fn the_built_in_course_has_a_stamp() {
        let a = CourseSource::Embedded.stamp().unwrap();
        assert_eq!(CourseSource::Embedded.stamp().unwrap(), a);
    }
}
