//! A check as loaded: what every check has (id, message, place) and what
//! its kind judges, one type per kind holding exactly that kind's fields.
//! An output check without `expect`, or a `raises` on import with a `run`,
//! cannot be built: the loader (load.rs) turns the author's YAML form
//! (`model::Check`, a flat bag of fields) into this and reports what does
//! not fit.
//!
//! These types also give the JSON schema its per-kind rules (schema.rs):
//! their serde names are the YAML names, and the schema derived from each
//! kind's type says which fields that kind needs and takes.

use super::location::Location;
use super::model::{Assertion, CheckKind, MatchMode, Phase};
use super::structure;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// Unique in the kata.
    pub id: String,
    /// Shown to the learner when the check fails.
    pub message: Option<String>,
    /// What the check judges, by kind.
    pub expects: Expect,
    /// Where the check is written.
    pub at: Location,
}

impl Check {
    /// A check that `code` holds, written at `at`: the smallest check a
    /// kata made in code (a benchmark, a sandbox test) needs.
    pub fn asserting(id: &str, code: &str, at: Location) -> Check {
        Check {
            id: id.to_string(),
            message: None,
            expects: Expect::Assert(AssertCheck {
                setup: None,
                asserts: vec![Assertion {
                    code: code.to_string(),
                    message: None,
                }],
            }),
            at,
        }
    }
}

/// What a check judges: one variant per kind, each with its own fields.
#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    Output(OutputCheck),
    Lines(LinesCheck),
    Raises(RaisesCheck),
    Assert(AssertCheck),
    Structure(StructureCheck),
}

impl Expect {
    /// The kind, as authors write it in `kind:`.
    pub fn kind(&self) -> CheckKind {
        match self {
            Expect::Output(_) => CheckKind::Output,
            Expect::Lines(_) => CheckKind::Lines,
            Expect::Raises(_) => CheckKind::Raises,
            Expect::Assert(_) => CheckKind::Assert,
            Expect::Structure(_) => CheckKind::Structure,
        }
    }

    /// The schema of a kind's own fields, as the YAML form writes them.
    pub fn schema_of(kind: CheckKind, generator: &mut SchemaGenerator) -> Schema {
        match kind {
            CheckKind::Output => OutputCheck::json_schema(generator),
            CheckKind::Lines => LinesCheck::json_schema(generator),
            CheckKind::Raises => RaisesCheck::json_schema(generator),
            CheckKind::Assert => AssertCheck::json_schema(generator),
            CheckKind::Structure => StructureCheck::json_schema(generator),
        }
    }
}

/// Compares what the code prints with `expect`.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct OutputCheck {
    /// Python to run; without it the learner's file runs as `__main__`.
    #[serde(default)]
    pub run: Option<String>,
    /// The expected output.
    pub expect: String,
    /// How the output is compared; default normalized.
    #[serde(default, rename = "match")]
    pub match_mode: MatchMode,
}

/// Finds lines in what the code prints, in order.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct LinesCheck {
    /// Python to run; without it the learner's file runs as `__main__`.
    #[serde(default)]
    pub run: Option<String>,
    /// Lines that must appear in this order; at least one.
    #[schemars(length(min = 1))]
    pub lines: Vec<String>,
    /// How each line is compared; default normalized.
    #[serde(default, rename = "match")]
    pub match_mode: LinesMatch,
    /// Nothing but `lines` (and blank lines) may be printed.
    #[serde(default)]
    pub only: bool,
}

/// How a `lines` check compares one line: the modes of `match` that make
/// sense line by line (`contains` and `literal` judge a whole output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinesMatch {
    #[default]
    Normalized,
    Exact,
    Regex,
}

impl LinesMatch {
    /// The mode as `match:` names it.
    pub fn of(mode: MatchMode) -> Option<LinesMatch> {
        match mode {
            MatchMode::Normalized => Some(LinesMatch::Normalized),
            MatchMode::Exact => Some(LinesMatch::Exact),
            MatchMode::Regex => Some(LinesMatch::Regex),
            MatchMode::Contains | MatchMode::Literal => None,
        }
    }
}

/// Expects an exception of a class (or a subclass of it).
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct RaisesCheck {
    /// The exception class expected, or a base class of it.
    pub exception: String,
    /// A regular expression the exception's message must match.
    #[serde(default)]
    pub pattern: Option<String>,
    /// When the exception is raised.
    #[serde(flatten)]
    pub raised: Raised,
}

/// When a `raises` check expects its exception: on import (no code of its
/// own) or when its `run` is run.
#[derive(Debug, Clone, PartialEq)]
pub enum Raised {
    OnImport,
    OnCall { run: String },
}

/// In YAML, `phase: import` takes no `run`; any other phase (`call`, the
/// default) needs one.
impl JsonSchema for Raised {
    fn schema_name() -> Cow<'static, str> {
        "Raised".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let phase = generator.subschema_for::<Option<Phase>>();
        json_schema!({
            "type": "object",
            "properties": {
                "phase": phase,
                "run": {"type": ["string", "null"], "description": "Python that should raise; not with `phase: import`."}
            },
            "if": {"required": ["phase"], "properties": {"phase": {"const": "import"}}},
            "then": {"properties": {"run": {"type": "null"}}},
            "else": {"required": ["run"]}
        })
    }
}

impl RaisesCheck {
    pub fn phase(&self) -> Phase {
        match self.raised {
            Raised::OnImport => Phase::Import,
            Raised::OnCall { .. } => Phase::Call,
        }
    }
}

/// Assertions about the learner's module.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct AssertCheck {
    /// Python run before the assertions.
    #[serde(default)]
    pub setup: Option<String>,
    /// Assertions that must hold; at least one.
    #[schemars(length(min = 1))]
    pub asserts: Vec<Assertion>,
}

/// Constructs the learner's file must or must not contain; at least one
/// of the two lists is not empty.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(extend("anyOf" = [
    {"required": ["require"], "properties": {"require": {"minItems": 1}}},
    {"required": ["forbid"], "properties": {"forbid": {"minItems": 1}}}
]))]
pub struct StructureCheck {
    /// Constructs the learner's file must contain.
    #[serde(default)]
    #[schemars(with = "Vec<Construct>")]
    pub require: Vec<String>,
    /// Constructs the learner's file must not contain.
    #[serde(default)]
    #[schemars(with = "Vec<Construct>")]
    pub forbid: Vec<String>,
}

/// A construct as `structure::validate` accepts it: one of
/// `structure::PLAIN`, or `prefix:name` with a prefix of
/// `structure::WITH_NAME`.
struct Construct;

impl JsonSchema for Construct {
    fn schema_name() -> Cow<'static, str> {
        "Construct".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                {"enum": structure::PLAIN},
                {"type": "string", "pattern": format!("^({}):.+$", structure::WITH_NAME.join("|"))}
            ]
        })
    }
}
