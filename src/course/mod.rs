//! What a course is once loaded: topics in order, each with its lesson steps
//! and katas, with every file a kata names read into memory.

pub mod archive;
pub mod check;
pub mod for_kata;
pub mod limits;
pub mod load;
pub mod location;
pub mod model;
pub mod problem;
mod repair;
mod roles;
pub mod schema;
pub mod source;
mod stamp;
pub mod step_id;
pub mod structure;
mod yaml_errors;

pub use check::{Check, Expect};
pub use for_kata::load_for_kata;
pub use load::{load, load_only, LoadError};
pub use location::Location;
pub use model::{CheckKind, MatchMode, Phase, Step};
pub use problem::Problem;
pub use source::CourseSource;

pub use limits::Limits;

#[derive(Debug, Clone)]
pub struct Course {
    pub title: String,
    pub description: String,
    pub topics: Vec<Topic>,
    pub source: CourseSource,
    /// Only some topics were loaded (`load_for_kata`): enough to judge a
    /// kata, never to follow a workspace or to tell the course complete.
    pub partial: bool,
}

#[derive(Debug, Clone)]
pub struct Topic {
    /// The manifest's name for it, also the file `lessons/<id>.yaml`.
    pub id: String,
    pub title: String,
    pub summary: String,
    pub steps: Vec<LessonStep>,
    pub katas: Vec<Kata>,
}

impl Topic {
    /// The predict steps: each step's index and progress key.
    pub fn prediction_keys(&self) -> impl Iterator<Item = (usize, String)> + '_ {
        self.steps
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s.step, Step::Predict(_)))
            .map(|(i, _)| (i, self.prediction_key(i)))
    }

    /// The key a prediction is stored under in progress: `topic/step-id`,
    /// the step's stable id (see `step_id`), which does not change when an
    /// author inserts a step before it.
    pub fn prediction_key(&self, step_index: usize) -> String {
        let id = self.steps.get(step_index).map_or("", |s| s.id.as_str());
        format!("{}/{id}", self.id)
    }
}

/// A lesson step with where it was written, for `verify` messages.
#[derive(Debug, Clone)]
pub struct LessonStep {
    /// Its stable name in the topic (see `step_id`).
    pub id: String,
    pub step: Step,
    pub line: u64,
    pub column: u64,
    /// Where the step states what `verify` proves: the line and column of
    /// an example's `output:` or a predict step's `answer:` (the step's own
    /// place for a `read`).
    pub stated: (u64, u64),
}

/// A Python file of the course: its path (relative to `katas/`) and text.
#[derive(Debug, Clone)]
pub struct PyFile {
    pub path: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Kata {
    pub id: String,
    pub topic: String,
    pub title: String,
    pub task: String,
    /// The name of the learner's file (the starter's file name).
    pub file_name: String,
    pub starter: PyFile,
    pub solution: PyFile,
    pub alternatives: Vec<PyFile>,
    pub hints: Vec<String>,
    pub min_python: Option<(u32, u32)>,
    pub limits: Limits,
    pub stdin: Option<String>,
    /// Code run before every check and detector (see model::Kata::helpers).
    pub helpers: Option<String>,
    pub checks: Vec<Check>,
    pub mistakes: Vec<Mistake>,
    /// Mutants the author marked as correct code (see `verify --mutants`).
    pub equivalent_mutants: Vec<EquivalentMark>,
    /// Ids the kata had in earlier versions of the course.
    pub renamed_from: Vec<String>,
    /// Where the kata's `id:` is written, for messages.
    pub origin: Location,
}

#[derive(Debug, Clone)]
pub struct Mistake {
    pub id: String,
    /// Where its `id:` is written.
    pub origin: Location,
    pub when: String,
    pub message: String,
    pub sample: PyFile,
}

/// The mutation operators `verify --mutants` applies, as assets/mutate.py
/// names them; an equivalence mark must name one.
pub const MUTANT_OPERATORS: &[&str] = &[
    "boundary",
    "eq-to-is",
    "is-to-eq",
    "not-compare",
    "isinstance-to-type",
    "except-narrow",
    "list-to-iter",
    "drop-finally",
    "drop-return-value",
    "drop-statement",
    "swap-statements",
    "to-class-attribute",
    "hoist-state",
    "constant",
    "deepcopy-to-copy",
    "drop-wraps",
    "in-to-substring",
    "casefold-to-lower",
    "drop-reversed",
    "drop-await",
    "and-or",
];

/// A mutant an author judged to be correct code, and where the mark is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EquivalentMark {
    pub file: String,
    pub operator: String,
    pub line: u32,
    pub reason: String,
    /// Where the mark is written in its topic file.
    pub origin: Location,
}

impl Kata {
    /// The Python module name the learner's file is imported as.
    pub fn module(&self) -> &str {
        self.file_name
            .strip_suffix(".py")
            .unwrap_or(&self.file_name)
    }

    /// The learner's file, relative to the workspace root.
    pub fn workspace_path(&self) -> String {
        format!("{}/{}", self.topic, self.file_name)
    }
}

impl Course {
    pub fn katas(&self) -> impl Iterator<Item = &Kata> {
        self.topics.iter().flat_map(|t| t.katas.iter())
    }

    pub fn kata(&self, id: &str) -> Option<&Kata> {
        self.katas().find(|k| k.id == id)
    }

    /// Where a kata is: its topic's index and its index in that topic.
    pub fn locate(&self, id: &str) -> Option<(usize, usize)> {
        self.topics
            .iter()
            .enumerate()
            .find_map(|(t, topic)| topic.katas.iter().position(|k| k.id == id).map(|i| (t, i)))
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The kata with this id, or an error that suggests the closest id.
    pub fn find_kata(&self, id: &str) -> Result<&Kata, String> {
        self.kata(id).ok_or_else(|| {
            let mut msg = format!("there is no kata `{id}` in this course");
            if let Some(s) = problem::suggestion(id, self.katas().map(|k| k.id.as_str())) {
                msg.push_str(&format!("; {s}"));
            } else {
                msg.push_str("; `pykata list` shows them all");
            }
            msg
        })
    }
}
