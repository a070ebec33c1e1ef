//! What a course is, as authors write it in YAML. These types mirror
//! docs/authoring.md field for field; `Spanned` fields carry their source
//! location so validation can point at file:line:column.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// The course format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// `course.yaml`: title, topic order and format version.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: Spanned<u32>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub topics: Vec<Spanned<String>>,
}

/// `lessons/<id>.yaml`: one topic's lesson steps and katas.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicFile {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub lesson: Vec<Spanned<Step>>,
    #[serde(default)]
    pub katas: Vec<Kata>,
}

/// One lesson step; written as a one-key mapping (`- read: ...`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Read(String),
    Example(Example),
    Predict(Predict),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    #[serde(default)]
    pub title: Option<String>,
    pub code: String,
    /// What the code prints (and the traceback's last line if it raises).
    pub output: Spanned<String>,
    #[serde(default)]
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Predict {
    pub code: String,
    #[serde(default = "default_question")]
    pub question: String,
    pub answer: Spanned<String>,
    #[serde(default)]
    pub choices: Vec<String>,
    #[serde(default)]
    pub explanation: Option<String>,
}

fn default_question() -> String {
    "What does this print?".to_string()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kata {
    pub id: Spanned<String>,
    pub title: String,
    pub task: String,
    pub starter: Spanned<String>,
    pub solution: Spanned<String>,
    #[serde(default)]
    pub alternatives: Vec<Spanned<String>>,
    #[serde(default)]
    pub hints: Vec<String>,
    #[serde(default)]
    pub min_python: Option<Spanned<String>>,
    #[serde(default)]
    pub limits: Option<Spanned<LimitsSpec>>,
    #[serde(default)]
    pub stdin: Option<String>,
    #[serde(default)]
    pub checks: Vec<Spanned<Check>>,
    #[serde(default)]
    pub mistakes: Vec<Mistake>,
}

/// Limits a kata may raise, each within a ceiling (see runner::Limits).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsSpec {
    pub wall_ms: Option<u64>,
    pub cpu_ms: Option<u64>,
    pub memory_mb: Option<u64>,
    pub output_kb: Option<u64>,
    pub file_size_mb: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    Output,
    Lines,
    Raises,
    Assert,
    Structure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchMode {
    #[default]
    Normalized,
    Exact,
    Regex,
    Contains,
    Literal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    Call,
    Import,
}

/// One check. Which fields apply depends on `kind`; validation reports the
/// ones that are missing or out of place.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    pub kind: CheckKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<String>,
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_mode: Option<MatchMode>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asserts: Vec<Assertion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub require: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbid: Vec<String>,
}

impl Check {
    pub fn match_mode(&self) -> MatchMode {
        self.match_mode.unwrap_or_default()
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Assertion {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mistake {
    pub id: Spanned<String>,
    pub when: String,
    pub message: String,
    pub sample: Spanned<String>,
}
