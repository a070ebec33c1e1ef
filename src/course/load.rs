//! Loading a course and validating it. Every problem found is collected and
//! returned together, each located at file:line:column with a fix.

use super::model::{self, CheckKind, MatchMode, Phase, FORMAT_VERSION};
use super::problem::{suggestion, Problem};
use super::source::{CourseSource, MANIFEST};
use super::{
    structure, Course, EquivalentMark, Kata, LessonStep, Mistake, PyFile, Topic, MUTANT_OPERATORS,
};
use crate::runner::Limits;
use serde_saphyr::{Location, Spanned};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The problems that kept a course from loading.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        let n = self.problems.len();
        write!(
            f,
            "{n} problem{} in the course",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for LoadError {}

/// Loads and validates a course. Either every file is sound and the course
/// is returned, or every problem found is.
pub fn load(source: CourseSource) -> Result<Course, LoadError> {
    let mut loader = Loader {
        source,
        problems: Vec::new(),
        kata_files: None,
    };
    let course = loader.course();
    if loader.problems.is_empty() {
        if let Some(course) = course {
            return Ok(course);
        }
    }
    Err(LoadError {
        problems: loader.problems,
    })
}

struct Loader {
    source: CourseSource,
    problems: Vec<Problem>,
    /// Files under katas/, listed once when a suggestion is needed.
    kata_files: Option<Vec<String>>,
}

/// The fields serde reports as unknown, turned into a "did you mean".
fn yaml_problem(file: &str, text: &str, err: &serde_saphyr::Error) -> Problem {
    let inner = err.without_snippet();
    let (line, column) = inner
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((0, 0));
    let hint = match inner {
        serde_saphyr::Error::SerdeUnknownField {
            field, expected, ..
        } => Some(
            suggestion(field, expected.iter().copied())
                .unwrap_or_else(|| format!("the fields allowed here are {}", expected.join(", "))),
        ),
        serde_saphyr::Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Some(
            suggestion(variant, expected.iter().copied())
                .unwrap_or_else(|| format!("the values allowed here are {}", expected.join(", "))),
        ),
        serde_saphyr::Error::SerdeMissingField { field, .. } => Some(format!(
            "add `{field}:`; docs/authoring.md describes every field"
        )),
        _ => None,
    };
    let message = inner.to_string();
    let hint = hint.or_else(|| {
        message.contains("expected sequence").then(|| {
            "this field takes a list: `[a, b]`, or one `- item` per line below it".to_string()
        })
    });
    let hint = hint.or_else(|| {
        message.contains("expected string").then(|| {
            "text that contains `: ` or ` #`, or starts with a backquote, `*`, `&`, `[` or `{`, \
             is read as YAML structure: put it in quotes or use a block (`|`)"
                .to_string()
        })
    });
    // The message repeats the location at its end; keep it short.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .trim()
        .to_string();
    // Type errors point at the value; name the field it belongs to.
    let message = match key_at(text, line, column) {
        Some(key) if !message.contains('`') => format!("`{key}`: {message}"),
        _ => message,
    };
    Problem::new(file, line, column, message).with_hint_opt(hint)
}

/// The mapping key written before `line`:`column` on the same line
/// (`hints` in `    hints: 5`), if there is one.
fn key_at(text: &str, line: u64, column: u64) -> Option<String> {
    let source = text.lines().nth((line as usize).checked_sub(1)?)?;
    let before: String = source
        .chars()
        .take((column as usize).saturating_sub(1))
        .collect();
    let (key, _) = before.rsplit_once(':')?;
    let key = key.trim().trim_start_matches("- ").trim();
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    plain.then(|| key.to_string())
}

fn at(loc: &Location) -> (u64, u64) {
    (loc.line(), loc.column())
}

impl Loader {
    fn problem(&mut self, file: &str, loc: &Location, message: impl Into<String>) -> &mut Problem {
        let (line, column) = at(loc);
        self.problems
            .push(Problem::new(file, line, column, message));
        self.problems.last_mut().expect("just pushed")
    }

    fn course(&mut self) -> Option<Course> {
        if let Some(problem) = self.source.unreadable() {
            self.problems.push(problem);
            return None;
        }
        let manifest_name = self.source.display(MANIFEST);
        let Some(text) = self.source.read(MANIFEST) else {
            self.problems.push(
                Problem::new(&manifest_name, 0, 0, "there is no course manifest here")
                    .with_hint("a course folder needs a course.yaml; `pykata new topic NAME` or docs/authoring.md show one"),
            );
            return None;
        };
        let manifest: model::Manifest = match serde_saphyr::from_str(&text) {
            Ok(m) => m,
            Err(e) => {
                self.problems.push(yaml_problem(&manifest_name, &text, &e));
                return None;
            }
        };
        if manifest.format.value != FORMAT_VERSION {
            self.problem(
                &manifest_name,
                &manifest.format.referenced,
                format!(
                    "course format {} is not one this pykata reads",
                    manifest.format.value
                ),
            )
            .hint = Some(format!(
                "this pykata reads format {FORMAT_VERSION}; upgrade pykata or rewrite the course"
            ));
            return None;
        }
        if manifest.topics.is_empty() {
            self.problems.push(
                Problem::new(&manifest_name, 0, 0, "the course lists no topics")
                    .with_hint("add `topics:` with the names of files under lessons/"),
            );
        }

        let lesson_files: Vec<String> = self
            .source
            .list("lessons")
            .into_iter()
            .filter_map(|f| f.strip_suffix(".yaml").map(str::to_string))
            .collect();
        // Parsing is most of loading: parse the topic files side by side.
        let texts: Vec<Option<String>> = manifest
            .topics
            .iter()
            .map(|t| self.source.read(&format!("lessons/{}.yaml", t.value)))
            .collect();
        let mut parsed: Vec<Option<Result<model::TopicFile, serde_saphyr::Error>>> =
            std::thread::scope(|scope| {
                let handles: Vec<_> = texts
                    .iter()
                    .map(|text| scope.spawn(move || text.as_deref().map(serde_saphyr::from_str)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or(None))
                    .collect()
            });
        let mut seen_topics = HashSet::new();
        let mut kata_ids: HashMap<String, String> = HashMap::new();
        let mut topics = Vec::new();
        for (index, topic_id) in manifest.topics.iter().enumerate() {
            if !seen_topics.insert(topic_id.value.clone()) {
                self.problem(
                    &manifest_name,
                    &topic_id.referenced,
                    format!("topic `{}` is listed twice", topic_id.value),
                )
                .hint = Some("remove one of the two entries".into());
                continue;
            }
            let rel = format!("lessons/{}.yaml", topic_id.value);
            let (Some(text), Some(raw)) = (&texts[index], parsed[index].take()) else {
                let hint = suggestion(&topic_id.value, lesson_files.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("create {rel}"));
                self.problem(
                    &manifest_name,
                    &topic_id.referenced,
                    format!("topic `{}` has no file {rel}", topic_id.value),
                )
                .hint = Some(hint);
                continue;
            };
            if let Some(topic) = self.topic(&topic_id.value, &rel, text, raw, &mut kata_ids) {
                topics.push(topic);
            }
        }
        Some(Course {
            title: manifest.title,
            description: manifest.description,
            topics,
            source: self.source.clone(),
        })
    }

    fn topic(
        &mut self,
        id: &str,
        rel: &str,
        text: &str,
        parsed: Result<model::TopicFile, serde_saphyr::Error>,
        kata_ids: &mut HashMap<String, String>,
    ) -> Option<Topic> {
        let file = self.source.display(rel);
        let raw = match parsed {
            Ok(t) => t,
            Err(e) => {
                // Serde stops at the first problem. Parse each kata and step
                // on its own to report the others in the same pass.
                if !self.salvage(id, &file, text, kata_ids) {
                    self.problems.push(yaml_problem(&file, text, &e));
                }
                return None;
            }
        };
        let steps = raw
            .lesson
            .into_iter()
            .map(|s| {
                self.step(&file, &s);
                let (line, column) = at(&s.referenced);
                LessonStep {
                    step: s.value,
                    line,
                    column,
                }
            })
            .collect();
        let mut file_names = HashSet::new();
        let mut katas = Vec::new();
        for kata in raw.katas {
            let where_ = format!("{file}:{}", kata.id.referenced.line());
            if let Some(previous) = kata_ids.insert(kata.id.value.clone(), where_.clone()) {
                self.problem(
                    &file,
                    &kata.id.referenced,
                    format!("kata id `{}` is already used at {previous}", kata.id.value),
                )
                .hint = Some("kata ids must be unique in the whole course".into());
            }
            if let Some(k) = self.kata(id, &file, kata) {
                if !file_names.insert(k.file_name.clone()) {
                    self.problems.push(
                        Problem::new(
                            &file,
                            0,
                            0,
                            format!(
                                "two katas of topic `{id}` give the learner the same file `{}`",
                                k.file_name
                            ),
                        )
                        .with_hint("give each kata's starter its own file name"),
                    );
                }
                katas.push(k);
            }
        }
        Some(Topic {
            id: id.to_string(),
            title: raw.title,
            summary: raw.summary,
            steps,
            katas,
        })
    }

    /// Reports every problem of a topic file that failed to parse as a
    /// whole, by parsing its head, each step and each kata separately and
    /// validating those that parse. Returns false when the file's structure
    /// is too broken to split.
    fn salvage(
        &mut self,
        topic: &str,
        file: &str,
        text: &str,
        kata_ids: &mut HashMap<String, String>,
    ) -> bool {
        let Ok(skeleton) = serde_saphyr::from_str::<Skeleton>(text) else {
            return false;
        };
        let before = self.problems.len();
        if let Err(e) = serde_saphyr::from_str::<Head>(text) {
            self.problems.push(yaml_problem(file, text, &e));
        }
        let lines: Vec<&str> = text.lines().collect();
        for (i, item) in skeleton.lesson.iter().enumerate() {
            let next = skeleton.lesson.get(i + 1);
            match serde_saphyr::from_str::<Spanned<model::Step>>(&node_text(&lines, item, next)) {
                Ok(step) => self.step(file, &step),
                Err(e) => self.problems.push(yaml_problem(file, text, &e)),
            }
        }
        for (i, item) in skeleton.katas.iter().enumerate() {
            let next = skeleton.katas.get(i + 1);
            match serde_saphyr::from_str::<model::Kata>(&node_text(&lines, item, next)) {
                Ok(kata) => {
                    if let Some(previous) = kata_ids.insert(kata.id.value.clone(), file.to_string())
                    {
                        self.problem(
                            file,
                            &kata.id.referenced,
                            format!("kata id `{}` is already used at {previous}", kata.id.value),
                        );
                    }
                    self.kata(topic, file, kata);
                }
                Err(e) => self.problems.push(yaml_problem(file, text, &e)),
            }
        }
        self.problems.len() > before
    }

    fn step(&mut self, file: &str, step: &Spanned<model::Step>) {
        if let model::Step::Predict(p) = &step.value {
            let answer = &p.answer.value;
            if answer.trim().is_empty() {
                self.problem(
                    file,
                    &p.answer.referenced,
                    "a predict step has an empty answer",
                )
                .hint = Some("write what the code prints, or Error, Nothing, Infinite loop".into());
            }
            if !p.choices.is_empty()
                && !p
                    .choices
                    .iter()
                    .any(|c| crate::judge::answer::same_answer(c, answer))
            {
                self.problem(
                    file,
                    &p.answer.referenced,
                    "the answer is not one of the choices",
                )
                .hint = Some("add the answer to `choices:` word for word".into());
            }
        }
    }

    fn py_file(&mut self, file: &str, path: &Spanned<String>) -> Option<PyFile> {
        let rel = format!("katas/{}", path.value);
        match self.source.read(&rel) {
            Some(text) => Some(PyFile {
                path: path.value.clone(),
                text,
            }),
            None => {
                let files = self
                    .kata_files
                    .get_or_insert_with(|| self.source.list("katas"))
                    .clone();
                let hint = suggestion(&path.value, files.iter().map(String::as_str))
                    .unwrap_or_else(|| "paths are relative to the course's katas/ folder".into());
                self.problem(
                    file,
                    &path.referenced,
                    format!("the file {} does not exist", self.source.display(&rel)),
                )
                .hint = Some(hint);
                None
            }
        }
    }

    fn kata(&mut self, topic: &str, file: &str, raw: model::Kata) -> Option<Kata> {
        let before = self.problems.len();
        let id = raw.id.value.clone();
        let id_loc = raw.id.referenced;
        if !is_kata_id(&id) {
            self.problem(file, &id_loc, format!("kata id `{id}` is not a plain name"))
                .hint =
                Some("use lowercase letters, digits and '-', like `mutable-default`".into());
        }

        let file_name = raw
            .starter
            .value
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        let stem = file_name.strip_suffix(".py");
        if !stem.is_some_and(is_identifier) {
            self.problem(
                file,
                &raw.starter.referenced,
                format!(
                    "the starter's file name `{file_name}` cannot be imported as a Python module"
                ),
            )
            .hint = Some(
                "name it like `mutable_default.py`: letters, digits and _, ending in .py".into(),
            );
        }

        let starter = self.py_file(file, &raw.starter);
        let solution = self.py_file(file, &raw.solution);
        let alternatives: Vec<PyFile> = raw
            .alternatives
            .iter()
            .filter_map(|a| self.py_file(file, a))
            .collect();
        if raw.alternatives.is_empty() {
            self.problem(file, &id_loc, format!("kata `{id}` has no alternative solution"))
                .hint = Some(
                "add `alternatives:` with a correct solution written another way, so `verify` proves the checks accept more than one wording".into(),
            );
        }

        let min_python = raw.min_python.as_ref().and_then(|v| {
            let parsed = parse_version(&v.value);
            if parsed.is_none() {
                self.problem(
                    file,
                    &v.referenced,
                    format!("`min_python: {}` is not a version", v.value),
                )
                .hint = Some("write it as \"3.12\" (quoted, major.minor)".into());
            }
            parsed
        });

        let limits = match &raw.limits {
            None => Limits::default(),
            Some(spec) => match Limits::from_spec(&spec.value) {
                Ok(l) => l,
                Err(e) => {
                    self.problem(file, &spec.referenced, e).hint =
                        Some("see the limits table in docs/authoring.md".into());
                    Limits::default()
                }
            },
        };

        if raw.checks.is_empty() {
            self.problem(file, &id_loc, format!("kata `{id}` has no checks"))
                .hint = Some("add `checks:`; without them any file would pass".into());
        }
        let mut check_ids = HashSet::new();
        for check in &raw.checks {
            if !check_ids.insert(check.value.id.clone()) {
                self.problem(
                    file,
                    &check.referenced,
                    format!("check id `{}` is used twice in kata `{id}`", check.value.id),
                );
            }
            self.check(file, check);
        }

        let mut mistake_ids = HashSet::new();
        let mut mistakes = Vec::new();
        for m in &raw.mistakes {
            if !mistake_ids.insert(m.id.value.clone()) {
                self.problem(
                    file,
                    &m.id.referenced,
                    format!("mistake id `{}` is used twice in kata `{id}`", m.id.value),
                );
            }
            if m.when.trim().is_empty() {
                self.problem(
                    file,
                    &m.id.referenced,
                    "a mistake detector has an empty `when`",
                );
            }
            if let Some(sample) = self.py_file(file, &m.sample) {
                mistakes.push(Mistake {
                    id: m.id.value.clone(),
                    origin: format!(
                        "{file}:{}:{}",
                        m.id.referenced.line(),
                        m.id.referenced.column()
                    ),
                    when: m.when.clone(),
                    message: m.message.clone(),
                    sample,
                });
            }
        }

        let equivalent_mutants = self.equivalent_marks(file, &raw, &id);

        if self.problems.len() > before {
            return None;
        }
        Some(Kata {
            id,
            topic: topic.to_string(),
            title: raw.title,
            task: raw.task,
            file_name,
            starter: starter?,
            solution: solution?,
            alternatives,
            hints: raw.hints,
            min_python,
            limits,
            stdin: raw.stdin,
            helpers: raw.helpers,
            check_origins: raw
                .checks
                .iter()
                .map(|c| format!("{file}:{}:{}", c.referenced.line(), c.referenced.column()))
                .collect(),
            checks: raw.checks.into_iter().map(|c| c.value).collect(),
            mistakes,
            equivalent_mutants,
            origin: format!("{file}:{}:{}", id_loc.line(), id_loc.column()),
        })
    }

    /// Equivalence marks must name one of the kata's solutions, a known
    /// operator, a line of that file and a reason. Whether a mutant still
    /// exists there is for `verify --mutants`, which makes them.
    fn equivalent_marks(&mut self, file: &str, raw: &model::Kata, id: &str) -> Vec<EquivalentMark> {
        let mut marks = Vec::new();
        for spanned in &raw.equivalent_mutants {
            let (mark, loc) = (&spanned.value, &spanned.referenced);
            let solutions: Vec<&Spanned<String>> = std::iter::once(&raw.solution)
                .chain(&raw.alternatives)
                .collect();
            let Some(target) = solutions.iter().find(|s| s.value == mark.file) else {
                let names: Vec<&str> = solutions.iter().map(|s| s.value.as_str()).collect();
                self.problem(
                    file,
                    loc,
                    format!(
                        "equivalent mutant of `{}`: kata `{id}` has no solution or alternative by that name",
                        mark.file
                    ),
                )
                .hint = Some(format!("name one of: {}", names.join(", ")));
                continue;
            };
            if !MUTANT_OPERATORS.contains(&mark.operator.as_str()) {
                let p = self.problem(
                    file,
                    loc,
                    format!("equivalent mutant: unknown operator `{}`", mark.operator),
                );
                p.hint = Some(
                    suggestion(&mark.operator, MUTANT_OPERATORS.iter().copied())
                        .unwrap_or_else(|| format!("operators: {}", MUTANT_OPERATORS.join(", "))),
                );
            }
            let lines = self
                .source
                .read(&format!("katas/{}", target.value))
                .map(|t| t.lines().count())
                .unwrap_or(usize::MAX);
            if mark.line == 0 || mark.line as usize > lines {
                self.problem(
                    file,
                    loc,
                    format!(
                        "equivalent mutant: {} has no line {} (it has {lines})",
                        mark.file, mark.line
                    ),
                );
            }
            if mark.reason.trim().is_empty() {
                self.problem(file, loc, "equivalent mutant without a reason").hint = Some(
                    "say why the mutant is correct code for the task as written; if it is not, add a check instead".into(),
                );
            }
            marks.push(EquivalentMark {
                file: mark.file.clone(),
                operator: mark.operator.clone(),
                line: mark.line,
                reason: mark.reason.clone(),
                origin: format!("{file}:{}:{}", loc.line(), loc.column()),
            });
        }
        marks
    }

    fn check(&mut self, file: &str, spanned: &Spanned<model::Check>) {
        let c = &spanned.value;
        let loc = &spanned.referenced;
        let kind = c.kind;
        let need = |present: bool, field: &str, this: &mut Self| {
            if !present {
                this.problem(
                    file,
                    loc,
                    format!("check `{}` of kind `{kind:?}` needs `{field}`", c.id).to_lowercase(),
                )
                .hint = Some(format!("add `{field}:` (see docs/authoring.md, Checks)"));
            }
        };
        let misplaced = |present: bool, field: &str, this: &mut Self| {
            if present {
                this.problem(
                    file,
                    loc,
                    format!("`{field}` has no effect in check `{}` of this kind", c.id),
                )
                .hint = Some(format!(
                    "remove `{field}:`, or change `kind:` to the kind it belongs to"
                ));
            }
        };
        match kind {
            CheckKind::Output => {
                need(c.expect.is_some(), "expect", self);
                misplaced(!c.lines.is_empty(), "lines", self);
            }
            CheckKind::Lines => {
                need(!c.lines.is_empty(), "lines", self);
                misplaced(c.expect.is_some(), "expect", self);
            }
            CheckKind::Raises => {
                need(c.exception.is_some(), "exception", self);
                if c.phase == Some(Phase::Import) {
                    misplaced(c.run.is_some(), "run", self);
                } else {
                    need(c.run.is_some(), "run", self);
                }
            }
            CheckKind::Assert => need(!c.asserts.is_empty(), "asserts", self),
            CheckKind::Structure => {
                need(
                    !c.require.is_empty() || !c.forbid.is_empty(),
                    "require` or `forbid",
                    self,
                );
                for construct in c.require.iter().chain(&c.forbid) {
                    if let Err(e) = structure::validate(construct) {
                        self.problem(file, loc, format!("check `{}`: {e}", c.id));
                    }
                }
            }
        }
        if !matches!(kind, CheckKind::Output | CheckKind::Lines) {
            misplaced(c.match_mode.is_some(), "match", self);
        }
        if kind != CheckKind::Lines {
            misplaced(c.only, "only", self);
        }
        if kind != CheckKind::Raises {
            misplaced(c.exception.is_some(), "exception", self);
            misplaced(c.pattern.is_some(), "pattern", self);
            misplaced(c.phase.is_some(), "phase", self);
        }
        if kind != CheckKind::Assert {
            misplaced(c.setup.is_some(), "setup", self);
            misplaced(!c.asserts.is_empty(), "asserts", self);
        }
        if kind == CheckKind::Structure {
            misplaced(c.run.is_some(), "run", self);
        } else {
            misplaced(!c.require.is_empty(), "require", self);
            misplaced(!c.forbid.is_empty(), "forbid", self);
        }
        if c.match_mode() == MatchMode::Regex {
            let patterns: Vec<&str> = match kind {
                CheckKind::Lines => c.lines.iter().map(String::as_str).collect(),
                _ => c.expect.iter().map(String::as_str).collect(),
            };
            for p in patterns {
                if let Err(e) = regex::Regex::new(p) {
                    self.problem(
                        file,
                        loc,
                        format!("check `{}`: bad regular expression: {e}", c.id),
                    );
                }
            }
        }
        if kind == CheckKind::Lines
            && !matches!(
                c.match_mode(),
                MatchMode::Exact | MatchMode::Regex | MatchMode::Normalized
            )
        {
            self.problem(
                file,
                loc,
                format!("check `{}`: `lines` compares with `exact` or `regex`", c.id),
            );
        }
    }
}

/// A kata id: lowercase letters, digits and '-' (`mutable-default`).
pub fn is_kata_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// "3.12" -> (3, 12).
pub fn parse_version(s: &str) -> Option<(u32, u32)> {
    let (major, minor) = s.trim().split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// The parts of a topic file that can be told apart before their contents
/// are read: where each step and kata starts.
#[derive(serde::Deserialize)]
struct Skeleton {
    #[serde(default)]
    lesson: Vec<Spanned<serde::de::IgnoredAny>>,
    #[serde(default)]
    katas: Vec<Spanned<serde::de::IgnoredAny>>,
}

/// The top-level fields of a topic, with the two lists left unread.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read only for its errors
struct Head {
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    lesson: serde::de::IgnoredAny,
    #[serde(default)]
    katas: serde::de::IgnoredAny,
}

/// The text of a block-sequence item, laid out so that it parses as a
/// document of its own at the same lines and columns: earlier lines left
/// blank, its dash blanked. It ends before the next item or at the first
/// line indented less than the item.
fn node_text(
    lines: &[&str],
    item: &Spanned<serde::de::IgnoredAny>,
    next: Option<&Spanned<serde::de::IgnoredAny>>,
) -> String {
    let line = item.referenced.line() as usize;
    let column = (item.referenced.column() as usize).max(1);
    let next = next.map(|n| n.referenced.line() as usize);
    let mut out = "\n".repeat(line.saturating_sub(1));
    for (n, text) in lines.iter().enumerate().skip(line.saturating_sub(1)) {
        let number = n + 1;
        if next.is_some_and(|next| number >= next) {
            break;
        }
        if number == line {
            let cut = text
                .char_indices()
                .nth(column - 1)
                .map_or(text.len(), |(i, _)| i);
            out.push_str(&" ".repeat(column - 1));
            out.push_str(&text[cut..]);
        } else {
            let indent = text.len() - text.trim_start().len();
            let blank = text.trim().is_empty() || text.trim_start().starts_with('#');
            if !blank && indent < column - 1 {
                break;
            }
            out.push_str(text);
        }
        out.push('\n');
    }
    out
}
