//! The stamp of the course the workspace last followed
//! (`.pykata/followed`, see `course::stamp`): while the course keeps that
//! stamp, following it again would change nothing, and a learner's command
//! can skip loading the whole course to follow it. Beside the stamp, which
//! topic holds each kata: `check KATA` then parses that topic's file alone
//! without searching every topic's text for the id (`course::for_kata`).

use super::{io_err, Workspace, WorkspaceError, MARKER};
use std::path::PathBuf;

/// Where the workspace last saw a kata (see [`Workspace::followed_topic_of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptTopic {
    pub topic: String,
    pub stamp: Option<String>,
}

impl Workspace {
    fn followed_path(&self) -> PathBuf {
        self.root.join(MARKER).join("followed")
    }

    /// The stamp of the course last followed, if the record of what each
    /// kata's file was made from is still there (without it, following
    /// rebuilds that record).
    pub fn followed_stamp(&self) -> Option<String> {
        let text = self.followed_text()?;
        let stamp = text.lines().next()?.trim();
        Some(stamp.to_string()).filter(|s| !s.is_empty())
    }

    /// The followed file's text, if the record of what each kata's file
    /// was made from is still there (without it, following is due).
    fn followed_text(&self) -> Option<String> {
        if !self.root.join(MARKER).join("katas.json").is_file() {
            return None;
        }
        std::fs::read_to_string(self.followed_path()).ok()
    }

    /// The topic that held kata `id` in the course last followed, and that
    /// topic's stamp then (`CourseSource::topic_stamp`), if it had one.
    pub fn followed_topic_of(&self, id: &str) -> Option<KeptTopic> {
        let text = self.followed_text()?;
        text.lines().skip(1).find_map(|line| {
            let mut parts = line.split(' ');
            (parts.next()? == id).then(|| KeptTopic {
                topic: parts.next().unwrap_or_default().to_string(),
                stamp: parts.next().filter(|s| !s.is_empty()).map(str::to_string),
            })
        })
    }

    /// Notes that the course with `stamp` was followed, and which topic
    /// holds each kata, with the topic's own stamp when it has one.
    pub fn set_followed_stamp<'a>(
        &self,
        stamp: &str,
        kata_topics: impl Iterator<Item = (&'a str, &'a str, Option<&'a str>)>,
    ) -> Result<(), WorkspaceError> {
        let path = self.followed_path();
        let mut text = format!("{stamp}\n");
        for (kata, topic, topic_stamp) in kata_topics {
            text.push_str(&format!("{kata} {topic} {}\n", topic_stamp.unwrap_or("")));
        }
        std::fs::write(&path, text).map_err(io_err(&path))
    }

    /// Forgets the stamp: the next learner's command follows the course.
    pub fn forget_followed_stamp(&self) {
        let _ = std::fs::remove_file(self.followed_path());
    }
}
