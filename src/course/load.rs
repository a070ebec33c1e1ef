//! Loading a course and validating it. Every problem found is collected and
//! returned together, each located at file:line:column with a fix.

use super::check::{
    AssertCheck, Check, Expect, LinesCheck, LinesMatch, OutputCheck, Raised, RaisesCheck,
    StructureCheck,
};
use super::model::{self, CheckKind, MatchMode, Phase, FORMAT_VERSION};
use super::problem::{clip, did_you_mean, suggestion, Problem};
use super::repair::Repair;
use super::roles::{closest_file, Role};
use super::source::{CourseSource, ReadError, MANIFEST};
use super::step_id;
use super::yaml_errors;
use super::{
    structure, Course, EquivalentMark, Kata, LessonStep, Mistake, PyFile, Topic, MUTANT_OPERATORS,
};
use crate::course::Limits;
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
        write!(f, "{} in the course", crate::plural::count(n, "problem"))
    }
}

impl std::error::Error for LoadError {}

/// Loads and validates a course. Either every file is sound and the course
/// is returned, or every problem found is.
pub fn load(source: CourseSource) -> Result<Course, LoadError> {
    load_only(source, None)
}

/// Loads and validates the manifest and, of its topics, only those in
/// `only` (all of them when `None`): a command about one kata needs one
/// topic, and parsing the others is most of its cost on a large course.
/// The course returned says it is partial (`Course::partial`).
pub fn load_only(
    source: CourseSource,
    only: Option<&HashSet<String>>,
) -> Result<Course, LoadError> {
    let mut loader = Loader::new(source);
    loader.only = only.cloned();
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
    /// The topics to load, if not all (see `load_only`).
    only: Option<HashSet<String>>,
    problems: Vec<Problem>,
    /// Files under katas/, listed once when a suggestion is needed.
    kata_files: Option<Vec<String>>,
    /// The text read so far, against [`MAX_COURSE_BYTES`].
    bytes_read: u64,
    /// Added to the line of every located problem: while a topic file is
    /// salvaged, each item is parsed as a document of its own that starts
    /// at its first line (see `salvage`).
    line_offset: u64,
    /// Every `renamed_from:` id with its kata and place, checked against
    /// the whole course's ids once all topics are read.
    old_ids: Vec<OldId>,
    /// The kata being validated was read from a text with fields taken out
    /// (see `parse_reporting`): a list it lacks may be one taken out, so
    /// its absence is not reported.
    repaired: bool,
}

struct OldId {
    old: String,
    kata: String,
    file: String,
    line: u64,
    column: u64,
}

/// How a text was repaired to be read (see `Loader::parse_reporting`).
#[derive(Debug, Clone, Copy, Default)]
struct Repaired {
    /// Something the author wrote was taken out.
    took_out: bool,
    /// The first line (of the file) of stand-ins for missing fields, if
    /// any: nothing found there is the author's.
    filled_from: Option<u64>,
}

/// The most bad fields reported in one document; past it the document is
/// surely not a course file.
const MAX_REPAIRS: usize = 100;

/// Edits `repair` past the problem `err` reports: a misspelt field or value
/// renamed to the one it resembles, anything else taken out. False when
/// nothing can be done (a missing field, broken YAML).
fn repair_past(repair: &mut Repair, err: &serde_saphyr::Error) -> bool {
    use serde_saphyr::Error as E;
    let inner = err.without_snippet();
    let Some(loc) = inner.location() else {
        return false;
    };
    let (line, column) = (loc.line(), loc.column());
    match inner {
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            if let Some(close) = did_you_mean(field, expected.iter().copied()) {
                if !repair.mapping_has(line, column, &close)
                    && repair.rename(line, column, field, &close)
                {
                    return true;
                }
            }
            repair.remove_key(line, column)
        }
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => match did_you_mean(variant, expected.iter().copied()) {
            Some(close) if repair.rename(line, column, variant, &close) => true,
            _ => repair.remove_item(line, column),
        },
        E::DuplicateMappingKey { .. } => repair.remove_key(line, column),
        E::SerdeMissingField { field, .. } => repair.fill_missing(line, column, field),
        E::SerdeInvalidType { .. }
        | E::SerdeInvalidValue { .. }
        | E::SerdeInvalidLength { .. }
        | E::InvalidScalar { .. }
        | E::NullIntoString { .. }
        | E::Unexpected { .. } => repair.remove_value_at(line, column),
        _ => false,
    }
}

/// The most text a course may hold in all: the same as an archive's limit,
/// so that a manifest naming one large file a thousand times cannot fill
/// the memory.
pub const MAX_COURSE_BYTES: u64 = super::archive::MAX_BYTES;

/// The fields serde reports as unknown, turned into a "did you mean".
/// `line_offset` is added to the error's line (see `Loader::line_offset`).
fn yaml_problem(file: &str, text: &str, err: &serde_saphyr::Error, line_offset: u64) -> Problem {
    let inner = err.without_snippet();
    let (line, column) = inner
        .location()
        .map(|l| (l.line() + line_offset, l.column()))
        .unwrap_or((0, 0));
    if let Some(explained) = explain_syntax(text, line, column, inner) {
        return Problem::new(file, explained.line, explained.column, explained.message)
            .with_hint(explained.hint);
    }
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
        serde_saphyr::Error::SerdeMissingField { field, .. } => Some(
            match yaml_errors::misplaced_key(
                text,
                line,
                field,
                (column as usize).saturating_sub(1),
            ) {
                Some((at, indent)) => format!(
                    "`{field}:` on line {at} is indented {indent} spaces: indent it {} spaces, like the other fields here",
                    column.saturating_sub(1)
                ),
                None => format!("add `{field}:`; docs/authoring.md describes every field"),
            },
        ),
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

/// A YAML mistake (not a field serde did not expect) said as what to do.
fn explain_syntax(
    text: &str,
    line: u64,
    column: u64,
    err: &serde_saphyr::Error,
) -> Option<yaml_errors::Explained> {
    use serde_saphyr::Error as E;
    let twice = match err {
        E::DuplicateMappingKey { key, .. } => Some(key.clone().unwrap_or_default()),
        E::SerdeUnknownField { .. }
        | E::SerdeUnknownVariant { .. }
        | E::SerdeMissingField { .. }
        | E::SerdeInvalidType { .. }
        | E::SerdeInvalidValue { .. }
        | E::Unexpected { .. } => return None,
        _ => None,
    };
    if line == 0 {
        return None;
    }
    let complaint = err.to_string();
    let complaint = complaint.split(" at line ").next().unwrap_or(&complaint);
    yaml_errors::explain(text, line, column, complaint, twice.as_deref())
}

/// Where `key:` is written for the value at `value`: on the value's line,
/// or above it for a block (`output: |` and the text below).
fn key_before(text: &str, value: &Location, key: &str) -> Option<(u64, u64)> {
    let line = usize::try_from(value.line()).ok()?.checked_sub(1)?;
    let lines: Vec<&str> = text.lines().take(line + 1).collect();
    (line.saturating_sub(3)..=line).rev().find_map(|n| {
        let source = lines.get(n)?;
        let start = source.len() - source.trim_start_matches([' ', '-']).len();
        source[start..]
            .strip_prefix(key)
            .filter(|rest| rest.starts_with(':'))
            .map(|_| (n as u64 + 1, source[..start].chars().count() as u64 + 1))
    })
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
    fn new(source: CourseSource) -> Loader {
        Loader {
            source,
            only: None,
            problems: Vec::new(),
            kata_files: None,
            bytes_read: 0,
            line_offset: 0,
            old_ids: Vec::new(),
            repaired: false,
        }
    }

    fn problem(&mut self, file: &str, loc: &Location, message: impl Into<String>) -> &mut Problem {
        let (line, column) = at(loc);
        self.problems
            .push(Problem::new(file, line + self.line_offset, column, message));
        self.problems.last_mut().expect("just pushed")
    }

    /// Where `loc` is in `file`, for the loaded course.
    fn place(&self, file: &str, loc: &Location) -> super::Location {
        let (line, column) = at(loc);
        super::Location::new(file, line + self.line_offset, column)
    }

    /// A course file's text, within the course's total budget.
    fn read(&mut self, rel: &str) -> Result<String, ReadError> {
        if self.bytes_read > MAX_COURSE_BYTES {
            return Err(ReadError::CourseTooLarge);
        }
        let text = self.source.read(rel)?;
        self.bytes_read += text.len() as u64;
        Ok(text)
    }

    /// Reports a course file that could not be read. A problem with its
    /// contents (not UTF-8) is located in the file itself; any other at
    /// `named_at`, where the file is named, if given.
    fn unreadable(&mut self, rel: &str, err: &ReadError, named_at: Option<(&str, &Location)>) {
        let shown = clip(&self.source.display(rel));
        let named_at = named_at.map(|(file, loc)| {
            let (line, column) = at(loc);
            (file, line + self.line_offset, column)
        });
        let problem = match (err.inside(), named_at) {
            (Some((line, column)), named_at) => {
                let mut hint = err.hint().unwrap_or_default();
                if let Some((file, l, c)) = named_at {
                    hint.push_str(&format!(" (it is named at {file}:{l}:{c})"));
                }
                Problem::new(&shown, line, column, err.message("this file")).with_hint(hint)
            }
            (None, Some((file, line, column))) => {
                Problem::new(file, line, column, err.message(&shown)).with_hint_opt(err.hint())
            }
            (None, None) => {
                Problem::new(&shown, 0, 0, err.message(&shown)).with_hint_opt(err.hint())
            }
        };
        self.problems.push(problem);
    }

    /// Whether topic `id` is to be loaded.
    fn wanted(&self, id: &str) -> bool {
        self.only.as_ref().is_none_or(|only| only.contains(id))
    }

    fn course(&mut self) -> Option<Course> {
        if let Some(problem) = self.source.unreadable() {
            self.problems.push(problem);
            return None;
        }
        let manifest_name = self.source.display(MANIFEST);
        let text = match self.read(MANIFEST) {
            Ok(text) => text,
            Err(ReadError::Missing) => {
                self.problems.push(
                    Problem::new(&manifest_name, 0, 0, "there is no course manifest here")
                        .with_hint("a course folder needs a course.yaml; `pykata new topic NAME` or docs/authoring.md show one"),
                );
                return None;
            }
            Err(e) => {
                self.unreadable(MANIFEST, &e, None);
                return None;
            }
        };
        let (manifest, _) =
            self.parse_reporting::<model::Manifest>(&manifest_name, &text, &text, 0)?;
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
        // A topic id names a file under lessons/ and a folder of the
        // learner's workspace: `../x` would reach outside both.
        let texts: Vec<Result<String, ReadError>> = manifest
            .topics
            .iter()
            .map(|t| match is_kata_id(&t.value) && self.wanted(&t.value) {
                true => self.read(&format!("lessons/{}.yaml", t.value)),
                false => Err(ReadError::Missing),
            })
            .collect();
        let mut parsed = parse_side_by_side(&texts);
        let mut seen_topics = HashSet::new();
        let mut kata_ids: HashMap<String, String> = HashMap::new();
        let mut topics = Vec::new();
        for (index, topic_id) in manifest.topics.iter().enumerate() {
            if !is_kata_id(&topic_id.value) {
                self.problem(
                    &manifest_name,
                    &topic_id.referenced,
                    format!("topic id `{}` is not a plain name", clip(&topic_id.value)),
                )
                .hint = Some(
                    "use lowercase letters, digits and '-', like `context-managers`: it names lessons/<id>.yaml and a folder of the learner's workspace".into(),
                );
                continue;
            }
            if !seen_topics.insert(topic_id.value.clone()) {
                self.problem(
                    &manifest_name,
                    &topic_id.referenced,
                    format!("topic `{}` is listed twice", topic_id.value),
                )
                .hint = Some("remove one of the two entries".into());
                continue;
            }
            if !self.wanted(&topic_id.value) {
                continue;
            }
            let rel = format!("lessons/{}.yaml", topic_id.value);
            let (Ok(text), Some(raw)) = (&texts[index], parsed[index].take()) else {
                match &texts[index] {
                    Err(ReadError::Missing) => {
                        let hint =
                            suggestion(&topic_id.value, lesson_files.iter().map(String::as_str))
                                .unwrap_or_else(|| format!("create {}", clip(&rel)));
                        self.problem(
                            &manifest_name,
                            &topic_id.referenced,
                            format!(
                                "topic `{}` has no file {}",
                                clip(&topic_id.value),
                                clip(&rel)
                            ),
                        )
                        .hint = Some(hint);
                    }
                    Err(e) => {
                        let e = e.clone();
                        self.unreadable(&rel, &e, Some((&manifest_name, &topic_id.referenced)));
                    }
                    Ok(_) => self.problems.push(
                        Problem::new(
                            self.source.display(&rel),
                            0,
                            0,
                            "the YAML parser failed on this file",
                        )
                        .with_hint("please report it, with the file, as a bug in pykata"),
                    ),
                }
                continue;
            };
            if let Some(topic) = self.topic(&topic_id.value, &rel, text, raw, &mut kata_ids) {
                topics.push(topic);
            }
        }
        // An old id that is another kata's id now would hand that kata's
        // record to this one.
        for old in std::mem::take(&mut self.old_ids) {
            if let Some(owner) = kata_ids.get(&old.old) {
                self.problems.push(
                    Problem::new(
                        old.file,
                        old.line,
                        old.column,
                        format!(
                            "kata `{}` says it was renamed from `{}`, which is the id of the kata at {owner}",
                            old.kata, old.old
                        ),
                    )
                    .with_hint("an id in `renamed_from:` must not be in use; remove it or rename the other kata"),
                );
            }
        }
        Some(Course {
            title: manifest.title,
            description: manifest.description,
            topics,
            source: self.source.clone(),
            partial: self.only.is_some(),
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
                    self.problems.push(yaml_problem(&file, text, &e, 0));
                }
                return None;
            }
        };
        let ids = step_id::assign(&raw.lesson.iter().map(|s| &s.value).collect::<Vec<_>>());
        self.step_ids(&file, &raw.lesson);
        let steps = raw
            .lesson
            .into_iter()
            .zip(ids)
            .map(|(s, id)| {
                self.step(&file, &s, &id);
                let (line, column) = at(&s.referenced);
                let stated = match &s.value {
                    model::Step::Example(e) => key_before(text, &e.output.referenced, "output"),
                    model::Step::Predict(p) => key_before(text, &p.answer.referenced, "answer"),
                    model::Step::Read(_) => None,
                };
                LessonStep {
                    id,
                    step: s.value,
                    line,
                    column,
                    stated: stated.unwrap_or((line, column)),
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
        self.parse_reporting::<Head>(file, text, text, 0);
        let lines: Vec<&str> = text.lines().collect();
        for (i, item) in skeleton.lesson.iter().enumerate() {
            let next = skeleton.lesson.get(i + 1);
            let (offset, item_text) = node_text(&lines, item, next);
            self.line_offset = offset;
            if let Some((step, repaired)) =
                self.parse_reporting::<Spanned<model::Step>>(file, text, &item_text, offset)
            {
                let mark = self.problems.len();
                let id = step_id::written(&step.value).unwrap_or("").to_string();
                self.step(file, &step, &id);
                self.forget_stand_ins(mark, file, repaired);
            }
        }
        for (i, item) in skeleton.katas.iter().enumerate() {
            let next = skeleton.katas.get(i + 1);
            let (offset, item_text) = node_text(&lines, item, next);
            self.line_offset = offset;
            if let Some((kata, repaired)) =
                self.parse_reporting::<model::Kata>(file, text, &item_text, offset)
            {
                let mark = self.problems.len();
                if let Some(previous) = kata_ids.insert(kata.id.value.clone(), file.to_string()) {
                    self.problem(
                        file,
                        &kata.id.referenced,
                        format!("kata id `{}` is already used at {previous}", kata.id.value),
                    );
                }
                self.repaired = repaired.took_out;
                self.kata(topic, file, kata);
                self.repaired = false;
                self.forget_stand_ins(mark, file, repaired);
            }
        }
        self.line_offset = 0;
        self.problems.len() > before
    }

    /// Parses `text`, the part of `whole` (the file `file`) that starts
    /// after its line `offset`. When a bad field stops the parse, reports
    /// it, repairs the text past it (see `repair_past`) and parses again, so
    /// that one bad field does not hide the next. Returns what could be
    /// read, and whether fields were taken out to read it; None when the
    /// text could not be repaired far enough (every problem met is
    /// reported).
    fn parse_reporting<T: serde::de::DeserializeOwned>(
        &mut self,
        file: &str,
        whole: &str,
        text: &str,
        offset: u64,
    ) -> Option<(T, Repaired)> {
        // Made at the first problem only: most texts parse at once.
        let mut repair: Option<Repair> = None;
        let mut current = text.to_string();
        for _ in 0..MAX_REPAIRS {
            match serde_saphyr::from_str::<T>(&current) {
                Ok(value) => {
                    let repaired = Repaired {
                        took_out: repair.as_ref().is_some_and(|r| r.took_out),
                        filled_from: repair
                            .as_ref()
                            .and_then(Repair::filled_from)
                            .map(|l| l + offset),
                    };
                    return Some((value, repaired));
                }
                Err(e) => {
                    let problem = yaml_problem(file, whole, &e, offset);
                    let on_stand_in = repair
                        .as_ref()
                        .and_then(Repair::filled_from)
                        .is_some_and(|l| problem.line >= l + offset);
                    if !on_stand_in && !self.problems.contains(&problem) {
                        self.problems.push(problem);
                    }
                    let repair = repair.get_or_insert_with(|| Repair::new(text));
                    if !repair_past(repair, &e) {
                        return None;
                    }
                    let next = repair.text();
                    // Nothing left to read is no finding of its own.
                    if next == current || next.trim().is_empty() {
                        return None;
                    }
                    current = next;
                }
            }
        }
        None
    }

    /// Drops the problems found since `mark` on stand-ins for missing
    /// fields (an empty `starter: ""` is no file): they are not the
    /// author's, whose problem, the missing field, is reported.
    fn forget_stand_ins(&mut self, mark: usize, file: &str, repaired: Repaired) {
        let Some(from) = repaired.filled_from else {
            return;
        };
        let mut index = 0;
        self.problems.retain(|p| {
            index += 1;
            index <= mark || p.file != file || p.line < from
        });
    }

    /// The ids authors gave steps: plain names, each once in the topic.
    fn step_ids(&mut self, file: &str, steps: &[Spanned<model::Step>]) {
        let mut seen: HashMap<String, u64> = HashMap::new();
        for step in steps {
            let id = match &step.value {
                model::Step::Example(e) => e.id.as_ref(),
                model::Step::Predict(p) => p.id.as_ref(),
                model::Step::Read(_) => None,
            };
            let Some(id) = id else { continue };
            if !step_id::is_step_id(&id.value) {
                self.problem(
                    file,
                    &id.referenced,
                    format!("step id `{}` is not a plain name", clip(&id.value)),
                )
                .hint = Some(
                    "use lowercase letters, digits and '-', with at least one letter, like `late-binding`".into(),
                );
            }
            let line = id.referenced.line();
            if let Some(first) = seen.insert(id.value.clone(), line) {
                self.problem(
                    file,
                    &id.referenced,
                    format!("step id `{}` is already used on line {first}", id.value),
                )
                .hint = Some("give each step of a topic its own id".into());
            }
        }
    }

    /// Checks a step; `id` names it in messages (empty when not known).
    fn step(&mut self, file: &str, step: &Spanned<model::Step>, id: &str) {
        let named = if id.is_empty() {
            String::new()
        } else {
            format!(" `{id}`")
        };
        if let model::Step::Example(e) = &step.value {
            for module in &e.requires {
                if !is_module_name(&module.value) {
                    self.problem(
                        file,
                        &module.referenced,
                        format!("`requires: {}` is not a module name", module.value.trim()),
                    )
                    .hint = Some(
                        "name the module as `import` does: `numpy`, `polars`, `msgspec.json`"
                            .into(),
                    );
                }
            }
        }
        if let model::Step::Predict(p) = &step.value {
            let answer = &p.answer.value;
            if answer.trim().is_empty() {
                self.problem(
                    file,
                    &p.answer.referenced,
                    format!("predict step{named} has an empty answer"),
                )
                .hint = Some("write what the code prints, or Error, Nothing, Infinite loop".into());
            }
            if !p.choices.is_empty()
                && !p
                    .choices
                    .iter()
                    .any(|c| crate::answers::same_answer(c, answer))
            {
                self.problem(
                    file,
                    &p.answer.referenced,
                    format!("the answer of predict step{named} is not one of the choices"),
                )
                .hint = Some("add the answer to `choices:` word for word".into());
            }
        }
    }

    /// Reads a Python file the kata names as `role`. A missing one is
    /// answered with the closest file named as that role is (never a file
    /// the kata names already: the starter offered for a missing
    /// alternative would then fail `verify`).
    fn py_file(
        &mut self,
        file: &str,
        path: &Spanned<String>,
        role: Role,
        named: &[String],
    ) -> Option<PyFile> {
        let rel = format!("katas/{}", path.value);
        match self.read(&rel) {
            Ok(text) => Some(PyFile {
                path: path.value.clone(),
                text,
            }),
            Err(ReadError::Missing) => {
                let files = self
                    .kata_files
                    .get_or_insert_with(|| self.source.list("katas"));
                // A file that is listed but cannot be read is not missing;
                // never suggest the name the author already wrote.
                let others: Vec<&str> = files
                    .iter()
                    .map(String::as_str)
                    .filter(|f| *f != path.value && !named.iter().any(|n| n == f))
                    .filter(|f| Role::of_name(f) == role)
                    .collect();
                let hint = closest_file(&path.value, &others).unwrap_or_else(|| {
                    format!(
                        "paths are relative to the course's katas/ folder; {}",
                        role.naming()
                    )
                });
                let shown = clip(&self.source.display(&rel));
                self.problem(
                    file,
                    &path.referenced,
                    format!("the file {shown} does not exist"),
                )
                .hint = Some(hint);
                None
            }
            Err(e) => {
                self.unreadable(&rel, &e, Some((file, &path.referenced)));
                None
            }
        }
    }

    fn kata(&mut self, topic: &str, file: &str, mut raw: model::Kata) -> Option<Kata> {
        let before = self.problems.len();
        let id = raw.id.value.clone();
        let id_loc = raw.id.referenced;
        if !is_kata_id(&id) {
            self.problem(
                file,
                &id_loc,
                format!("kata id `{}` is not a plain name", clip(&id)),
            )
            .hint = Some("use lowercase letters, digits and '-', like `mutable-default`".into());
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
                    "the starter's file name `{}` cannot be imported as a Python module",
                    clip(&file_name)
                ),
            )
            .hint = Some(
                "name it like `mutable_default.py`: letters, digits and _, ending in .py".into(),
            );
        } else if let Some(module) = stem.filter(|m| shadows_stdlib(m)) {
            self.problem(
                file,
                &raw.starter.referenced,
                format!(
                    "the starter's file name `{}` is the name of the standard library module `{module}`: the learner's file would stand in for it wherever it is imported",
                    clip(&file_name)
                ),
            )
            .hint = Some(format!("name it for what the kata is about, like `{module}_config.py`"));
        }

        // A missing file is never said to be one the kata uses otherwise.
        let named: Vec<String> = std::iter::once(&raw.starter)
            .chain(std::iter::once(&raw.solution))
            .chain(&raw.alternatives)
            .chain(raw.mistakes.iter().map(|m| &m.sample))
            .map(|s| s.value.clone())
            .collect();
        let starter = self.py_file(file, &raw.starter, Role::Starter, &named);
        let solution = self.py_file(file, &raw.solution, Role::Solution, &named);
        let alternatives: Vec<PyFile> = raw
            .alternatives
            .iter()
            .filter_map(|a| self.py_file(file, a, Role::Alternative, &named))
            .collect();
        if raw.alternatives.is_empty() && !self.repaired {
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

        if raw.checks.is_empty() && !self.repaired {
            self.problem(file, &id_loc, format!("kata `{id}` has no checks"))
                .hint = Some("add `checks:`; without them any file would pass".into());
        }
        let mut check_ids = HashSet::new();
        let mut checks = Vec::new();
        for check in std::mem::take(&mut raw.checks) {
            if !check_ids.insert(check.value.id.clone()) {
                self.problem(
                    file,
                    &check.referenced,
                    format!("check id `{}` is used twice in kata `{id}`", check.value.id),
                );
            }
            checks.extend(self.check(file, check));
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
            if let Some(sample) = self.py_file(file, &m.sample, Role::Mistake, &named) {
                mistakes.push(Mistake {
                    id: m.id.value.clone(),
                    origin: self.place(file, &m.id.referenced),
                    when: m.when.clone(),
                    message: m.message.clone(),
                    sample,
                });
            }
        }

        let read: Vec<&PyFile> = solution.iter().chain(&alternatives).collect();
        let equivalent_mutants = self.equivalent_marks(file, &raw, &id, &read);
        for old in &raw.renamed_from {
            let (line, column) = at(&old.referenced);
            self.old_ids.push(OldId {
                old: old.value.clone(),
                kata: id.clone(),
                file: file.to_string(),
                line: line + self.line_offset,
                column,
            });
            if !is_kata_id(&old.value) || old.value == id {
                self.problem(
                    file,
                    &old.referenced,
                    format!(
                        "`renamed_from: {}` is not an earlier id of this kata",
                        clip(&old.value)
                    ),
                )
                .hint = Some(
                    "list the ids the kata had before, like `renamed_from: [mutable-defaults]`"
                        .into(),
                );
            }
        }

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
            checks,
            mistakes,
            equivalent_mutants,
            renamed_from: raw.renamed_from.into_iter().map(|r| r.value).collect(),
            origin: self.place(file, &id_loc),
        })
    }

    /// Equivalence marks must name one of the kata's solutions, a known
    /// operator, a line of that file and a reason. Whether a mutant still
    /// exists there is for `verify --mutants`, which makes them.
    /// `read` holds the solutions that could be read (an unreadable one is
    /// reported already).
    fn equivalent_marks(
        &mut self,
        file: &str,
        raw: &model::Kata,
        id: &str,
        read: &[&PyFile],
    ) -> Vec<EquivalentMark> {
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
            let lines = read
                .iter()
                .find(|f| f.path == target.value)
                .map_or(usize::MAX, |f| f.text.lines().count());
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
                origin: self.place(file, loc),
            });
        }
        marks
    }

    /// Turns a check as written into the typed check of its kind: the
    /// fields the kind needs are taken out of the written form, and any
    /// field left over has no effect in that kind. Reports every problem;
    /// None when the check cannot be built.
    fn check(&mut self, file: &str, spanned: Spanned<model::Check>) -> Option<Check> {
        let loc = spanned.referenced;
        let mut c = spanned.value;
        let kind = c.kind;
        let id = c.id.clone();
        // Fields the kind needs that are missing, and values it cannot
        // use (a pattern that does not compile), reported in that order.
        let mut missing: Vec<String> = Vec::new();
        let mut need = |present: bool, field: &str| {
            if !present {
                missing.push(field.to_string());
            }
        };
        let bad_regexes = |patterns: &mut dyn Iterator<Item = &String>| -> Vec<String> {
            patterns
                .filter_map(|p| regex::Regex::new(p).err())
                .map(|e| format!("check `{id}`: bad regular expression: {e}"))
                .collect()
        };
        let mut invalid: Vec<String> = Vec::new();
        let expects = match kind {
            CheckKind::Output => {
                let expect = c.expect.take();
                need(expect.is_some(), "expect");
                let match_mode = c.match_mode.take().unwrap_or_default();
                if match_mode == MatchMode::Regex {
                    invalid.extend(bad_regexes(&mut expect.iter()));
                }
                let run = c.run.take();
                expect.map(|expect| {
                    Expect::Output(OutputCheck {
                        run,
                        expect,
                        match_mode,
                    })
                })
            }
            CheckKind::Lines => {
                let lines = non_empty(std::mem::take(&mut c.lines));
                need(lines.is_some(), "lines");
                let written = c.match_mode.take().unwrap_or_default();
                let match_mode = LinesMatch::of(written);
                if match_mode.is_none() {
                    invalid.push(format!(
                        "check `{id}`: `lines` compares each line with `normalized` (the default), `exact` or `regex`"
                    ));
                }
                if match_mode == Some(LinesMatch::Regex) {
                    invalid.extend(bad_regexes(&mut lines.iter().flatten()));
                }
                let only = std::mem::take(&mut c.only);
                let run = c.run.take();
                lines.zip(match_mode).map(|(lines, match_mode)| {
                    Expect::Lines(LinesCheck {
                        run,
                        lines,
                        match_mode,
                        only,
                    })
                })
            }
            CheckKind::Raises => {
                let exception = c.exception.take();
                need(exception.is_some(), "exception");
                let raised = match c.phase.take().unwrap_or_default() {
                    // A `run` left here has no effect, and is reported so.
                    Phase::Import => Some(Raised::OnImport),
                    Phase::Call => {
                        let run = c.run.take();
                        need(run.is_some(), "run");
                        run.map(|run| Raised::OnCall { run })
                    }
                };
                let pattern = c.pattern.take();
                exception.zip(raised).map(|(exception, raised)| {
                    Expect::Raises(RaisesCheck {
                        exception,
                        pattern,
                        raised,
                    })
                })
            }
            CheckKind::Assert => {
                let asserts = non_empty(std::mem::take(&mut c.asserts));
                need(asserts.is_some(), "asserts");
                let setup = c.setup.take();
                asserts.map(|asserts| Expect::Assert(AssertCheck { setup, asserts }))
            }
            CheckKind::Structure => {
                let require = std::mem::take(&mut c.require);
                let forbid = std::mem::take(&mut c.forbid);
                let some = !require.is_empty() || !forbid.is_empty();
                need(some, "require` or `forbid");
                for construct in require.iter().chain(&forbid) {
                    if let Err(e) = structure::validate(construct) {
                        invalid.push(format!("check `{id}`: {e}"));
                    }
                }
                some.then_some(Expect::Structure(StructureCheck { require, forbid }))
            }
        };
        let mut ok = expects.is_some() && invalid.is_empty();
        for field in missing {
            self.problem(
                file,
                &loc,
                format!("check `{id}` of kind `{}` needs `{field}`", kind.name()),
            )
            .hint = Some(format!("add `{field}:` (see docs/authoring.md, Checks)"));
        }
        // What the kind did not take has no effect in it.
        for field in c.set_fields() {
            ok = false;
            self.problem(
                file,
                &loc,
                format!("`{field}` has no effect in check `{}` of this kind", c.id),
            )
            .hint = Some(format!(
                "remove `{field}:`, or change `kind:` to the kind it belongs to"
            ));
        }
        for message in invalid {
            self.problem(file, &loc, message);
        }
        Some(Check {
            id: c.id,
            message: c.message,
            expects: expects.filter(|_| ok)?,
            at: self.place(file, &loc),
        })
    }
}

/// A list the author wrote, when it has anything in it.
fn non_empty<T>(list: Vec<T>) -> Option<Vec<T>> {
    (!list.is_empty()).then_some(list)
}

type Parsed = Option<Result<model::TopicFile, serde_saphyr::Error>>;

/// Parses the topic files that could be read. Parsing is most of loading,
/// so the files are parsed side by side, on as many threads as there are
/// cores: not one thread per topic, which a manifest listing thousands of
/// topics would turn into a failure to start threads.
fn parse_side_by_side(texts: &[Result<String, ReadError>]) -> Vec<Parsed> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = texts.len().div_ceil(threads).max(1);
    let parse = |part: &[Result<String, ReadError>]| -> Vec<Parsed> {
        part.iter()
            .map(|text| text.as_deref().ok().map(serde_saphyr::from_str))
            .collect()
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| (part.len(), scope.spawn(move || parse(part))))
            .collect();
        handles
            .into_iter()
            .flat_map(|(len, h)| {
                h.join()
                    .unwrap_or_else(|_| (0..len).map(|_| None).collect())
            })
            .collect()
    })
}

/// Top-level modules of the standard library (3.10 to 3.13), one a line.
const STDLIB_MODULES: &str = include_str!("../../assets/stdlib-modules.txt");

/// Whether a module named `name` would shadow one of the standard library.
fn shadows_stdlib(name: &str) -> bool {
    STDLIB_MODULES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|m| m == name)
}

/// A kata or topic id: lowercase letters, digits and '-' (`mutable-default`).
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

/// A module name as `import` takes it: identifiers joined by dots.
pub fn is_module_name(s: &str) -> bool {
    !s.is_empty() && s.split('.').all(is_identifier)
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
/// document of its own at the same columns, its dash blanked, and the number
/// of lines before it, to add to the lines of what it reports. It ends
/// before the next item or at the first line indented less than the item.
///
/// The lines before the item are not repeated as blank lines: that made
/// salvaging a file quadratic in its number of items.
fn node_text(
    lines: &[&str],
    item: &Spanned<serde::de::IgnoredAny>,
    next: Option<&Spanned<serde::de::IgnoredAny>>,
) -> (u64, String) {
    let line = (item.referenced.line() as usize).max(1);
    let column = (item.referenced.column() as usize).max(1);
    let next = next.map(|n| n.referenced.line() as usize);
    let mut out = String::new();
    let first = (line - 1).min(lines.len());
    for (n, text) in lines[first..].iter().enumerate() {
        let number = first + n + 1;
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
    (first as u64, out)
}

/// One check read from `yaml` (a check's mapping, as written in a kata's
/// `checks:`) as the loader reads it: the loaded check, or every problem.
#[cfg(test)]
pub(crate) fn check_from_yaml(yaml: &str) -> Result<Check, Vec<Problem>> {
    let mut loader = Loader::new(CourseSource::Dir(".".into()));
    let written: Spanned<model::Check> =
        serde_saphyr::from_str(yaml).map_err(|e| vec![yaml_problem("t.yaml", yaml, &e, 0)])?;
    match loader.check("t.yaml", written) {
        Some(check) if loader.problems.is_empty() => Ok(check),
        _ => Err(loader.problems),
    }
}

#[cfg(test)]
mod tests {
    use super::check_from_yaml;
    use crate::course::check::{
        AssertCheck, Expect, LinesCheck, LinesMatch, OutputCheck, Raised, RaisesCheck,
        StructureCheck,
    };
    use crate::course::model::Assertion;
    use crate::course::{Location, MatchMode};

    #[test]
    fn each_kind_loads_into_its_own_type_with_its_defaults() {
        let at = Location::new("t.yaml", 2, 1);
        let table: Vec<(&str, Expect)> = vec![
            (
                "kind: output\nexpect: \"1\"",
                Expect::Output(OutputCheck {
                    run: None,
                    expect: "1".into(),
                    match_mode: MatchMode::Normalized,
                }),
            ),
            (
                "kind: output\nrun: f()\nexpect: a.*\nmatch: regex",
                Expect::Output(OutputCheck {
                    run: Some("f()".into()),
                    expect: "a.*".into(),
                    match_mode: MatchMode::Regex,
                }),
            ),
            (
                "kind: lines\nlines: [a, b]\nmatch: exact\nonly: true",
                Expect::Lines(LinesCheck {
                    run: None,
                    lines: vec!["a".into(), "b".into()],
                    match_mode: LinesMatch::Exact,
                    only: true,
                }),
            ),
            (
                "kind: raises\nexception: ValueError\nrun: f()",
                Expect::Raises(RaisesCheck {
                    exception: "ValueError".into(),
                    pattern: None,
                    raised: Raised::OnCall { run: "f()".into() },
                }),
            ),
            (
                "kind: raises\nexception: ImportError\npattern: no\nphase: import",
                Expect::Raises(RaisesCheck {
                    exception: "ImportError".into(),
                    pattern: Some("no".into()),
                    raised: Raised::OnImport,
                }),
            ),
            (
                "kind: assert\nsetup: x = f()\nasserts:\n  - code: x == 1\n    message: got {x}",
                Expect::Assert(AssertCheck {
                    setup: Some("x = f()".into()),
                    asserts: vec![Assertion {
                        code: "x == 1".into(),
                        message: Some("got {x}".into()),
                    }],
                }),
            ),
            (
                "kind: structure\nforbid: [mutable_default, \"call:eval\"]",
                Expect::Structure(StructureCheck {
                    require: Vec::new(),
                    forbid: vec!["mutable_default".into(), "call:eval".into()],
                }),
            ),
        ];
        for (body, expects) in table {
            // A comment first, so the check's place is not the file's start.
            let yaml = format!("# the check\nid: c\nmessage: m\n{body}\n");
            let check = check_from_yaml(&yaml).unwrap_or_else(|p| panic!("{body}: {p:#?}"));
            assert_eq!(check.expects, expects, "{body}");
            assert_eq!(check.expects.kind(), expects.kind());
            assert_eq!(
                (check.id.as_str(), check.message.as_deref()),
                ("c", Some("m"))
            );
            assert_eq!(check.at, at, "{body}");
        }
    }

    #[test]
    fn a_field_a_kind_needs_or_does_not_take_is_a_located_problem() {
        let table: &[(&str, &[&str])] = &[
            ("kind: output", &["check `c` of kind `output` needs `expect`"]),
            ("kind: lines\nlines: []", &["check `c` of kind `lines` needs `lines`"]),
            (
                "kind: lines\nlines: [a]\nexpect: a",
                &["`expect` has no effect in check `c` of this kind"],
            ),
            (
                "kind: lines\nlines: [a]\nmatch: contains",
                &["check `c`: `lines` compares each line with `normalized` (the default), `exact` or `regex`"],
            ),
            ("kind: raises\nrun: f()", &["check `c` of kind `raises` needs `exception`"]),
            (
                "kind: raises\nexception: E",
                &["check `c` of kind `raises` needs `run`"],
            ),
            (
                "kind: raises\nexception: E\nphase: import\nrun: f()",
                &["`run` has no effect in check `c` of this kind"],
            ),
            // The harness never ran an assert check's `run`: saying so.
            (
                "kind: assert\nrun: f()\nasserts: [{code: \"True\"}]",
                &["`run` has no effect in check `c` of this kind"],
            ),
            ("kind: assert\nsetup: x = 1", &["check `c` of kind `assert` needs `asserts`"]),
            (
                "kind: structure",
                &["check `c` of kind `structure` needs `require` or `forbid`"],
            ),
            (
                "kind: structure\nforbid: [mutable_defualt]\nrun: f()",
                &[
                    "`run` has no effect in check `c` of this kind",
                    "check `c`: unknown construct `mutable_defualt`",
                ],
            ),
            (
                "kind: output\nexpect: \"(\"\nmatch: regex",
                &["check `c`: bad regular expression"],
            ),
            // Every problem of one check, in one pass.
            (
                "kind: output\nlines: [a]\nphase: call\nonly: true",
                &[
                    "check `c` of kind `output` needs `expect`",
                    "`lines` has no effect",
                    "`only` has no effect",
                    "`phase` has no effect",
                ],
            ),
        ];
        for (body, wanted) in table {
            let yaml = format!("\nid: c\n{body}\n");
            let problems = check_from_yaml(&yaml).expect_err(body);
            assert_eq!(problems.len(), wanted.len(), "{body}: {problems:#?}");
            for (problem, wanted) in problems.iter().zip(wanted.iter()) {
                assert!(problem.message.contains(wanted), "{body}: {problem:#?}");
                assert_eq!(
                    (problem.file.as_str(), problem.line, problem.column),
                    ("t.yaml", 2, 1),
                    "{body}"
                );
            }
        }
    }
}
