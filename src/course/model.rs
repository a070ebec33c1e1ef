//! What a course is, as authors write it in YAML. These types mirror
//! docs/authoring.md field for field; `Spanned` fields carry their source
//! location so validation can point at file:line:column.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// The course format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// `course.yaml`: title, topic order and format version.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The course format version; this pykata reads format 1.
    #[schemars(with = "u32", extend("const" = FORMAT_VERSION))]
    pub format: Spanned<u32>,
    /// The course's name, shown on the course map.
    pub title: String,
    /// One line shown under the title.
    #[serde(default)]
    pub description: String,
    /// The topics in the order learners see them; each names lessons/<topic>.yaml.
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub topics: Vec<Spanned<String>>,
}

/// `lessons/<id>.yaml`: one topic's lesson steps and katas.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicFile {
    /// The topic's name, shown on the course map.
    pub title: String,
    /// One or two sentences on what the topic teaches.
    #[serde(default)]
    pub summary: String,
    /// The lesson steps in order: `read`, `example` or `predict`.
    #[serde(default)]
    #[schemars(with = "Vec<Step>")]
    pub lesson: Vec<Spanned<Step>>,
    /// The topic's katas, in order.
    #[serde(default)]
    pub katas: Vec<Kata>,
}

/// One lesson step; written as a one-key mapping (`- read: ...`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Prose, Markdown-ish; fenced code is highlighted.
    Read(String),
    /// Code with the output it prints; `verify` runs it and compares.
    Example(Example),
    /// Code whose output the learner predicts before seeing it.
    Predict(Predict),
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The step's name, unique in the topic: lowercase letters, digits and '-', with a
    /// letter. Progress, `verify` and `lint` know the step by it, so inserting a step
    /// before it changes nothing. Default: made from the title, else the code's first line.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// An optional heading.
    #[serde(default)]
    pub title: Option<String>,
    /// The Python code shown and run.
    pub code: String,
    /// What the code prints (and the traceback's last line if it raises).
    #[schemars(with = "String")]
    pub output: Spanned<String>,
    /// Shown under the output.
    #[serde(default)]
    pub explanation: Option<String>,
    /// Modules outside the standard library the code imports (`numpy`).
    /// Where one is missing the example is not run: `verify` lists it as
    /// skipped and the learner is told which module to install.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub requires: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Predict {
    /// The step's name, unique in the topic: lowercase letters, digits and '-', with a
    /// letter. Progress, `verify` and `lint` know the step by it, so inserting a step
    /// before it changes nothing. Default: made from the question (and the code's first line when another step asks the same).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// The Python code whose result the learner predicts.
    pub code: String,
    /// The question asked.
    #[serde(default = "default_question")]
    pub question: String,
    /// What a real run prints, or `Error`, `Error: TypeName`, `Nothing`, `Infinite loop`; `verify` checks it.
    #[schemars(with = "String")]
    pub answer: Spanned<String>,
    /// Optional choices instead of free text; the answer must be one of them.
    #[serde(default)]
    pub choices: Vec<String>,
    /// Shown after the learner answers.
    #[serde(default)]
    pub explanation: Option<String>,
}

fn default_question() -> String {
    "What does this print?".to_string()
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kata {
    /// Unique in the course: lowercase letters, digits and '-'.
    #[schemars(with = "String", extend("pattern" = "^[a-z0-9-]+$"))]
    pub id: Spanned<String>,
    /// A short name shown on the course map.
    pub title: String,
    /// What to do and what will be checked.
    pub task: String,
    /// The file the learner edits, relative to katas/; its name is the module the checks import.
    #[schemars(
        with = "String",
        extend("pattern" = "^(.*/)?[A-Za-z_][A-Za-z0-9_]*\\.py$")
    )]
    pub starter: Spanned<String>,
    /// The reference solution, relative to katas/; `verify` proves it passes.
    #[schemars(with = "String")]
    pub solution: Spanned<String>,
    /// Other correct solutions written differently (at least one); `verify` proves each passes.
    #[serde(default)]
    #[schemars(with = "Vec<String>", length(min = 1))]
    pub alternatives: Vec<Spanned<String>>,
    /// From a nudge to nearly the answer; shown one at a time.
    #[serde(default)]
    pub hints: Vec<String>,
    /// The oldest Python the kata runs on, quoted: "3.12". Older interpreters skip it.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        extend("pattern" = "^\\s*[0-9]+\\.[0-9]+\\s*$")
    )]
    pub min_python: Option<Spanned<String>>,
    /// Raise the default limits, each within its ceiling.
    #[serde(default)]
    #[schemars(with = "Option<LimitsSpec>")]
    pub limits: Option<Spanned<LimitsSpec>>,
    /// Input for the program (default: empty, EOF at once).
    #[serde(default)]
    pub stdin: Option<String>,
    /// Python run before every check and detector of the kata, in its
    /// namespace: fakes and helpers several checks share (a fake clock).
    #[serde(default)]
    pub helpers: Option<String>,
    /// What the learner's file must do; at least one.
    #[serde(default)]
    #[schemars(with = "Vec<Check>", length(min = 1))]
    pub checks: Vec<Spanned<Check>>,
    /// Detectors of mistakes learners really make, each with a sample wrong answer.
    #[serde(default)]
    pub mistakes: Vec<Mistake>,
    /// Mutants of the solutions that are really correct for the task as
    /// written, each with the reason; `verify --mutants` does not count them.
    #[serde(default)]
    #[schemars(with = "Vec<EquivalentMutant>")]
    pub equivalent_mutants: Vec<Spanned<EquivalentMutant>>,
    /// Ids this kata had in earlier versions of the course: a learner's
    /// record and file under an old id follow it to the new one.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub renamed_from: Vec<Spanned<String>>,
}

/// A mutant an author has judged correct: the file it was made from, the
/// operator and the line `verify --mutants` printed, and why it is correct.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EquivalentMutant {
    /// The solution or alternative the mutant was made from, relative to katas/.
    pub file: String,
    /// The mutation operator, as `verify --mutants` names it.
    pub operator: String,
    /// The line of the file the mutation changes.
    pub line: u32,
    /// Why the mutant is correct code for the task as written.
    pub reason: String,
}

/// Limits a kata may raise, each within a ceiling (see course::Limits).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LimitsSpec {
    /// Wall-clock time of the whole run, in milliseconds.
    pub wall_ms: Option<u64>,
    /// CPU time, in milliseconds.
    pub cpu_ms: Option<u64>,
    /// Address space, in MiB.
    pub memory_mb: Option<u64>,
    /// Output per stream before the run is stopped, in KiB.
    pub output_kb: Option<u64>,
    /// The largest file the program may write, in MiB.
    pub file_size_mb: Option<u64>,
    /// Let the program start processes (subprocess, multiprocessing, os.fork); off by default.
    pub processes: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    Output,
    Lines,
    Raises,
    Assert,
    Structure,
}

impl CheckKind {
    pub const ALL: [CheckKind; 5] = [
        CheckKind::Output,
        CheckKind::Lines,
        CheckKind::Raises,
        CheckKind::Assert,
        CheckKind::Structure,
    ];

    /// The kind as authors write it in `kind:`.
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Output => "output",
            CheckKind::Lines => "lines",
            CheckKind::Raises => "raises",
            CheckKind::Assert => "assert",
            CheckKind::Structure => "structure",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchMode {
    #[default]
    Normalized,
    Exact,
    Regex,
    Contains,
    Literal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    Call,
    Import,
}

// The author's form of a check: every field any kind takes, all optional.
// The loader turns it into the typed `course::Check` of its kind. It
// serializes only the fields that are set, which is how the loader finds
// those the kind did not take (see `Check::set_fields`).
/// One check. Which fields apply depends on `kind`; `lint` reports the
/// ones that are missing or out of place.
#[derive(Debug, Clone, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Unique in the kata.
    pub id: String,
    /// What the check judges; decides which other fields apply.
    pub kind: CheckKind,
    /// Shown to the learner when the check fails; may name variables in {braces}.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Python to run (output, lines, raises); without it an output check runs the file as __main__.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
    /// Python run before the assertions (assert).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup: Option<String>,
    /// The expected output (output).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<String>,
    /// How output is compared (output, lines); default normalized.
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_mode: Option<MatchMode>,
    /// Lines that must appear in this order (lines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
    /// The output must be exactly `lines`: nothing before, between or after
    /// them except blank lines (lines). Use it where the task states a whole trace.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub only: bool,
    /// The exception class expected, or a base class of it (raises).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<String>,
    /// A regular expression the exception's message must match (raises).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// When the exception is raised: `call` (running `run`, default) or `import` (raises).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    /// Assertions that must hold (assert).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asserts: Vec<Assertion>,
    /// Constructs the learner's file must contain (structure).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub require: Vec<String>,
    /// Constructs the learner's file must not contain (structure).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbid: Vec<String>,
}

impl Check {
    /// The YAML names of the fields set here, other than `id`, `kind` and
    /// `message`, which every kind takes.
    pub fn set_fields(&self) -> Vec<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(fields)) => fields
                .keys()
                .filter(|k| !matches!(k.as_str(), "id" | "kind" | "message"))
                .cloned()
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assertion {
    /// An expression that must be true, or statements that must not raise AssertionError.
    pub code: String,
    /// Shown when it fails; may name variables in {braces}.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mistake {
    /// Unique in the kata.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Python run like a check; the last expression's truth decides whether it fires.
    pub when: String,
    /// Shown instead of the generic failure when it fires.
    pub message: String,
    /// A wrong answer (relative to katas/) that must fire this detector; `verify` proves it.
    #[schemars(with = "String")]
    pub sample: Spanned<String>,
}

impl Example {
    /// The module names of `requires`, as written.
    pub fn required_modules(&self) -> Vec<String> {
        self.requires.iter().map(|m| m.value.clone()).collect()
    }
}
