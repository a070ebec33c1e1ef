//! The ending: what a learner is told when a pass completes a topic, and
//! when it completes the whole course, with what to do next. Both faces
//! say it (the interface after the pass and on the map, `pykata check`
//! under the verdict); this module decides when and what.
//!
//! A topic is complete when each of its katas passes or is skipped (it
//! needs a newer Python than the one in use: it can never pass here, so it
//! does not hold the learner back), and the message says how many were
//! skipped.

use crate::course::{Course, Kata, Topic};
use crate::plural::count;
use crate::progress::Progress;
use crate::runner::PythonVersion;
use crate::session::{self, KataStatus};

/// How far a learner is through one topic's katas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TopicState {
    pub katas: usize,
    pub passed: usize,
    /// Katas this interpreter is too old for.
    pub skipped: usize,
}

impl TopicState {
    pub fn of(topic: &Topic, progress: &Progress, version: Option<&PythonVersion>) -> TopicState {
        let mut state = TopicState {
            katas: topic.katas.len(),
            ..TopicState::default()
        };
        for kata in &topic.katas {
            match session::kata_status(kata, progress, version) {
                KataStatus::Done => state.passed += 1,
                KataStatus::Unsupported(_) => state.skipped += 1,
                _ => {}
            }
        }
        state
    }

    /// Every kata passed or skipped, and at least one passed (a topic of
    /// skipped katas only was not completed by the learner).
    pub fn complete(&self) -> bool {
        self.passed > 0 && self.passed + self.skipped == self.katas
    }

    /// "All 3 of its katas pass", "2 of its 3 katas pass; 1 was skipped".
    fn summary(&self, whose: &str) -> String {
        let pass = if self.skipped == 0 {
            match self.katas {
                1 => format!("{whose} kata passes"),
                2 => format!("both of {whose} katas pass"),
                n => format!("all {n} of {whose} katas pass"),
            }
        } else {
            format!(
                "{} of {whose} {} pass; {} skipped",
                self.passed,
                count(self.katas, "kata"),
                if self.skipped == 1 {
                    "1 was".to_string()
                } else {
                    format!("{} were", self.skipped)
                }
            )
        };
        let mut chars = pass.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => pass,
        }
    }
}

/// Which face says the ending: they differ only in how to go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Interface,
    CommandLine,
}

/// A topic a pass just completed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    /// The topic's index in the course.
    pub topic: usize,
    pub state: TopicState,
    /// The topic to do next: the first one after it (then from the start)
    /// that is not complete. `None` when the course is complete.
    pub next: Option<usize>,
}

/// What became complete between `before` and `after` (the progress around
/// a pass): each topic that was not complete and now is, in course order.
/// The course is complete when the last of them has no `next`.
pub fn completed(
    course: &Course,
    before: &Progress,
    after: &Progress,
    version: Option<&PythonVersion>,
) -> Vec<Ending> {
    course
        .topics
        .iter()
        .enumerate()
        .filter_map(|(t, topic)| {
            let now = TopicState::of(topic, after, version);
            let was = TopicState::of(topic, before, version);
            (now.complete() && !was.complete()).then(|| Ending {
                topic: t,
                state: now,
                next: next_topic(course, t, after, version),
            })
        })
        .collect()
}

/// The first topic after `t` (wrapping round) whose katas are not all
/// passed or skipped.
pub fn next_topic(
    course: &Course,
    t: usize,
    progress: &Progress,
    version: Option<&PythonVersion>,
) -> Option<usize> {
    let n = course.topics.len();
    (1..n).map(|step| (t + step) % n).find(|&i| {
        let topic = &course.topics[i];
        !topic.katas.is_empty() && !TopicState::of(topic, progress, version).complete()
    })
}

/// Whether every topic with katas is complete.
pub fn course_complete(
    course: &Course,
    progress: &Progress,
    version: Option<&PythonVersion>,
) -> bool {
    course.topics.iter().any(|t| !t.katas.is_empty())
        && course
            .topics
            .iter()
            .filter(|t| !t.katas.is_empty())
            .all(|t| TopicState::of(t, progress, version).complete())
}

impl Ending {
    /// The course is complete with this topic.
    pub fn course_complete(&self) -> bool {
        self.next.is_none()
    }

    /// The title line: "Topic complete: Generators" or "Course complete:
    /// Advanced Python".
    pub fn title(&self, course: &Course) -> String {
        if self.course_complete() {
            format!("Course complete: {}", course.title)
        } else {
            format!("Topic complete: {}", course.topics[self.topic].title)
        }
    }

    /// The message under the title, as prose (inline `code`, `- ` lists),
    /// for the interface to draw and the command line to print.
    pub fn body(
        &self,
        course: &Course,
        progress: &Progress,
        version: Option<&PythonVersion>,
        face: Face,
    ) -> String {
        match self.next {
            Some(next) => self.topic_body(course, next, face),
            None => course_body(course, progress, version, face),
        }
    }

    fn topic_body(&self, course: &Course, next: usize, face: Face) -> String {
        let mut out = format!("{}.", self.state.summary("its"));
        if self.state.skipped > 0 {
            out.push_str(&format!(
                " {}",
                skipped_note(&course.topics[self.topic].katas)
            ));
        }
        let topic = &course.topics[next];
        out.push_str(&format!(
            "\n\nNext: topic {}, **{}**: its lesson, then {}.",
            next + 1,
            topic.title,
            count(topic.katas.len(), "kata")
        ));
        let first = topic.katas.first();
        let how = match (face, first) {
            (Face::Interface, _) => "Enter opens its lesson; Esc stays here.".to_string(),
            (Face::CommandLine, Some(k)) => format!(
                "Read the lesson in `pykata` (the course map has it), then edit `{}` and run `pykata check {}`.",
                k.workspace_path(),
                k.id
            ),
            (Face::CommandLine, None) => "Read the lesson in `pykata`.".to_string(),
        };
        out.push_str(&format!("\n\n{how}"));
        out
    }
}

/// The course ending: what was done, and what to do now.
fn course_body(
    course: &Course,
    progress: &Progress,
    version: Option<&PythonVersion>,
    face: Face,
) -> String {
    let mut total = TopicState::default();
    for topic in &course.topics {
        let s = TopicState::of(topic, progress, version);
        total.katas += s.katas;
        total.passed += s.passed;
        total.skipped += s.skipped;
    }
    let mut out = format!(
        "You have finished every topic. {}.",
        total.summary("the course's")
    );
    let skipped: Vec<&Kata> = course
        .katas()
        .filter(|k| {
            matches!(
                session::kata_status(k, progress, version),
                KataStatus::Unsupported(_)
            )
        })
        .collect();
    out.push_str("\n\n# What next\n");
    out.push_str(
        "- Send your report to your instructor: `pykata report` writes \
         `pykata-report-NAME.json` (the file to send) and a `.md` copy to read.\n",
    );
    let solution = match face {
        Face::Interface => "`s` on a kata, or `pykata solution KATA`",
        Face::CommandLine => "`pykata solution KATA`",
    };
    out.push_str(&format!(
        "- Compare your code with the reference solutions: {solution}.\n"
    ));
    let open: Vec<&str> = course
        .topics
        .iter()
        .filter(|t| {
            let (right, total) = predictions(t, progress);
            right < total
        })
        .map(|t| t.title.as_str())
        .collect();
    if !open.is_empty() {
        let missed: usize = course
            .topics
            .iter()
            .map(|t| {
                let (right, total) = predictions(t, progress);
                total - right
            })
            .sum();
        out.push_str(&format!(
            "- {} not answered right yet, in the lessons of {}: try them again.\n",
            count(missed, "prediction"),
            open.join(", ")
        ));
    }
    if let Some(first) = skipped.first() {
        let needs = skipped
            .iter()
            .filter_map(|k| k.min_python)
            .max()
            .map(|(a, b)| format!("{a}.{b}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "- Try the {} with Python {needs} or newer: \
             `pykata --python python{needs} check {}`.\n",
            match skipped.len() {
                1 => "skipped kata".to_string(),
                n => format!("{n} skipped katas"),
            },
            first.id
        ));
    }
    out.push_str("- Keep your workspace: every file you wrote stays as you left it.");
    if face == Face::Interface {
        out.push_str("\n\nAny key closes this.");
    }
    out
}

/// The note on a topic's skipped katas: which, and what they need.
fn skipped_note(katas: &[Kata]) -> String {
    let needs = katas
        .iter()
        .filter_map(|k| k.min_python)
        .max()
        .map(|(a, b)| format!("{a}.{b}"))
        .unwrap_or_default();
    format!("The skipped ones need Python {needs} or newer (`--python` picks another interpreter).")
}

/// A topic's predictions: answered right, and in all.
fn predictions(topic: &Topic, progress: &Progress) -> (usize, usize) {
    let keys: Vec<String> = topic.prediction_keys().map(|(_, k)| k).collect();
    let right = keys
        .iter()
        .filter(|k| {
            progress
                .predictions
                .get(*k)
                .is_some_and(|p| p.answered_correctly)
        })
        .count();
    (right, keys.len())
}
