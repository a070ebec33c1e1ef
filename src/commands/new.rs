//! `pykata new topic NAME` and `pykata new kata TOPIC NAME`: scaffold course
//! files that pass `lint` at once and whose kata `verify` proves (the starter
//! fails; the solution, the alternative and the mistake sample behave), with
//! a comment on every field, so an instructor starts from something that
//! works and edits it.
//!
//! Files are created in the course folder given by `--course`, or the
//! current folder. Nothing is ever overwritten: a file that exists stops the
//! command before anything is written. The two files that are changed
//! (`course.yaml` gains the topic, `lessons/TOPIC.yaml` gains the kata) are
//! edited as text, so the author's comments and layout survive; the result is
//! parsed again before it is written, atomically.

use super::{exit, Ctx, Failure, Outcome};
use crate::course::model::{Manifest, TopicFile};
use crate::course::problem::suggestion;
use crate::course::source::{ReadError, MANIFEST};
use crate::course::{self, CourseSource};
use crate::plural::count;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file `new` writes beside course.yaml for editors, when it starts a course.
pub const SCHEMA_FILE: &str = "course.schema.json";

pub fn topic(ctx: &Ctx, name: &str, title: Option<&str>) -> Outcome {
    let root = course_root(ctx)?;
    validate_topic_name(name)?;
    let plan = plan_topic(&root, name, title)?;
    let report = apply(&root, &plan)?;
    finish(&root, &report)
}

pub fn kata(ctx: &Ctx, topic: &str, name: &str, title: Option<&str>) -> Outcome {
    let root = course_root(ctx)?;
    validate_kata_name(name)?;
    let plan = plan_kata(&root, topic, name, title)?;
    let report = apply(&root, &plan)?;
    finish(&root, &report)
}

/// What a scaffold will do, worked out (and checked) before anything is written.
#[derive(Debug, Default)]
struct Plan {
    /// New files: path relative to the course root, text, what it is.
    create: Vec<(String, String, &'static str)>,
    /// Existing files replaced by an edited text, with what changed.
    edit: Vec<(String, String, String)>,
}

fn course_root(ctx: &Ctx) -> Result<PathBuf, Failure> {
    let root = match &ctx.course_dir {
        Some(dir) => dir.clone(),
        None => std::env::current_dir()
            .map_err(|e| Failure::environment(format!("cannot read the current folder: {e}")))?,
    };
    if root.is_file() {
        return Err(Failure::usage(format!(
            "{} is a file; `new` writes into a course folder",
            root.display()
        ))
        .help("scaffold in the course's folder, then pack it again with `tar czf course.tar.gz -C my-course .`"));
    }
    Ok(root)
}

fn validate_topic_name(name: &str) -> Result<(), Failure> {
    // A topic name is a kata id that may also hold '_'. New names also start
    // with a letter, so they make good file and module names.
    let ok = starts_with_letter(name) && crate::course::load::is_kata_id(&name.replace('_', "-"));
    if ok {
        Ok(())
    } else {
        Err(Failure::usage(format!("`{name}` is not a plain topic name"))
            .help("start with a lowercase letter; use lowercase letters, digits, '-' and '_', like `context-managers`"))
    }
}

fn validate_kata_name(name: &str) -> Result<(), Failure> {
    if starts_with_letter(name) && crate::course::load::is_kata_id(name) {
        Ok(())
    } else {
        Err(Failure::usage(format!("`{name}` is not a plain kata id"))
            .help("start with a lowercase letter; use lowercase letters, digits and '-', like `late-binding`"))
    }
}

fn starts_with_letter(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

/// "context-managers" -> "Context managers".
fn title_of(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A YAML scalar that reads back as exactly `s` (a JSON string is a valid
/// YAML double-quoted scalar).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A course file, read as the loader reads it: never outside the course
/// folder, never a pipe or a device, never past the size cap.
fn read(root: &Path, rel: &str) -> Result<Option<String>, Failure> {
    let source = CourseSource::Dir(root.to_path_buf());
    match source.read(rel) {
        Ok(text) => Ok(Some(text)),
        Err(ReadError::Missing) => Ok(None),
        Err(e) => {
            let failure = Failure::environment(e.message(&source.display(rel)));
            Err(match e.hint() {
                Some(hint) => failure.help(hint),
                None => failure,
            })
        }
    }
}

/// Every kata id in the course's topic files that parse, to keep a new id unique.
fn kata_ids(root: &Path) -> Vec<(String, String)> {
    let mut ids = Vec::new();
    let Ok(entries) = std::fs::read_dir(root.join("lessons")) else {
        return ids;
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    for file in files {
        let rel = format!(
            "lessons/{}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        let Ok(text) = CourseSource::Dir(root.to_path_buf()).read(&rel) else {
            continue;
        };
        if let Ok(topic) = serde_saphyr::from_str::<TopicFile>(&text) {
            for k in topic.katas {
                ids.push((k.id.value, file.display().to_string()));
            }
        }
    }
    ids
}

fn plan_topic(root: &Path, name: &str, title: Option<&str>) -> Result<Plan, Failure> {
    let mut plan = Plan::default();
    let manifest = read(root, MANIFEST)?;
    let new_course = manifest.is_none();
    let schema_exists = root.join(SCHEMA_FILE).exists();
    match &manifest {
        None => {
            let course_title = root
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .map(|n| title_of(&n))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "My course".into());
            plan.create.push((
                MANIFEST.into(),
                manifest_text(&course_title, name),
                "the course manifest",
            ));
            if !schema_exists {
                plan.create.push((
                    SCHEMA_FILE.into(),
                    crate::course::schema::course_schema_text(),
                    "the JSON Schema, for editors (refresh it with `pykata schema`)",
                ));
            }
        }
        Some(text) => {
            let edited = add_topic_to_manifest(text, name).map_err(|e| {
                Failure::usage(format!(
                    "cannot add topic `{name}` to {}: {e}",
                    root.join(MANIFEST).display()
                ))
                .help(format!("add `  - {name}` under `topics:` by hand"))
            })?;
            plan.edit.push((
                MANIFEST.into(),
                edited,
                format!("topic `{name}` added to `topics:`"),
            ));
        }
    }
    let lesson = format!("lessons/{name}.yaml");
    let kata_id = format!("{}-warmup", name.replace('_', "-"));
    if let Some((_, file)) = kata_ids(root).into_iter().find(|(id, _)| *id == kata_id) {
        return Err(Failure::usage(format!(
            "the course already has a kata `{kata_id}` (in {file})"
        ))
        .help("pick another topic name"));
    }
    let with_schema = new_course || schema_exists;
    let kata = KataNames::new(name, &kata_id, "warmup");
    let title = title.map(str::to_string).unwrap_or_else(|| title_of(name));
    plan.create.push((
        lesson,
        topic_text(&title, name, &kata, with_schema),
        "the topic: its lesson and first kata",
    ));
    plan.create.extend(kata.files());
    Ok(plan)
}

fn plan_kata(root: &Path, topic: &str, name: &str, title: Option<&str>) -> Result<Plan, Failure> {
    let mut plan = Plan::default();
    let lesson = format!("lessons/{topic}.yaml");
    let Some(text) = read(root, &lesson)? else {
        let topics: Vec<String> = std::fs::read_dir(root.join("lessons"))
            .map(|entries| {
                entries
                    .flatten()
                    .filter_map(|e| {
                        e.file_name()
                            .to_string_lossy()
                            .strip_suffix(".yaml")
                            .map(str::to_string)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let help = suggestion(topic, topics.iter().map(String::as_str))
            .unwrap_or_else(|| format!("`pykata new topic {topic}` creates it"));
        return Err(Failure::usage(format!(
            "there is no topic file {}",
            root.join(&lesson).display()
        ))
        .help(help));
    };
    if let Some((_, file)) = kata_ids(root).into_iter().find(|(id, _)| id == name) {
        return Err(Failure::usage(format!(
            "the course already has a kata `{name}` (in {file})"
        ))
        .help("kata ids are unique in the whole course; pick another name"));
    }
    let stem = name.replace('-', "_");
    let kata = KataNames::new(topic, name, &stem);
    let title = title.map(str::to_string).unwrap_or_else(|| title_of(name));
    let edited = append_kata(&text, &kata, &title).map_err(|e| {
        Failure::usage(format!("cannot add kata `{name}` to {}: {e}", root.join(&lesson).display()))
            .help("fix the file (`pykata lint` names the problem), or add the kata by hand from `pykata new topic` output")
    })?;
    plan.edit
        .push((lesson, edited, format!("kata `{name}` added to `katas:`")));
    plan.create.extend(kata.files());
    Ok(plan)
}

/// What was done, for the summary.
struct Done {
    lines: Vec<String>,
}

fn apply(root: &Path, plan: &Plan) -> Result<Done, Failure> {
    // Refuse before writing anything if any new file exists.
    for (rel, _, _) in &plan.create {
        if root.join(rel).exists() {
            return Err(Failure::usage(format!(
                "{} already exists; `new` never overwrites a file",
                root.join(rel).display()
            ))
            .help("pick another name, or move the file away"));
        }
    }
    let mut lines = Vec::new();
    for (rel, text, what) in &plan.create {
        let path = root.join(rel);
        create_new(&path, text)
            .map_err(|e| Failure::environment(format!("cannot write {}: {e}", path.display())))?;
        lines.push(format!("created {rel}: {what}"));
    }
    for (rel, text, what) in &plan.edit {
        let path = root.join(rel);
        replace_atomically(&path, text)
            .map_err(|e| Failure::environment(format!("cannot write {}: {e}", path.display())))?;
        lines.push(format!("edited  {rel}: {what}"));
    }
    Ok(Done { lines })
}

fn create_new(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

fn replace_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn finish(root: &Path, done: &Done) -> Outcome {
    let s = super::style::Style::stdout();
    for line in &done.lines {
        println!("{} {line}", s.good("✓"));
    }
    let shown = root.display();
    match course::load(CourseSource::Dir(root.to_path_buf())) {
        Ok(c) => println!(
            "lint: {}, {}: {}",
            count(c.topics.len(), "topic"),
            count(c.katas().count(), "kata"),
            s.good("no problems")
        ),
        Err(e) => {
            // The scaffold itself is sound; the course had problems before.
            println!(
                "{} the course has problems that are not in the new files:",
                s.warn("!")
            );
            for p in &e.problems {
                println!("  {p}");
            }
        }
    }
    println!(
        "next: edit the files (every field is commented), then `pykata --course {shown} verify` proves the kata"
    );
    Ok(exit::OK)
}

/// The names of one scaffolded kata's files.
struct KataNames {
    topic: String,
    id: String,
    stem: String,
}

impl KataNames {
    fn new(topic: &str, id: &str, stem: &str) -> KataNames {
        KataNames {
            topic: topic.into(),
            id: id.into(),
            stem: stem.into(),
        }
    }

    fn path(&self, suffix: &str) -> String {
        format!("{}/{}{suffix}", self.topic, self.stem)
    }

    fn files(&self) -> Vec<(String, String, &'static str)> {
        vec![
            (
                format!("katas/{}", self.path(".py")),
                STARTER.into(),
                "the starter the learner edits (it must fail)",
            ),
            (
                format!("katas/{}", self.path(".solution.py")),
                SOLUTION.into(),
                "the reference solution (it must pass)",
            ),
            (
                format!("katas/{}", self.path(".alt.py")),
                ALTERNATIVE.into(),
                "another correct solution (it must pass too)",
            ),
            (
                format!("katas/{}", self.path(".mistake-sorted.py")),
                MISTAKE.into(),
                "a wrong answer that must fire its mistake detector",
            ),
        ]
    }
}

const STARTER: &str = r#"# The learner's file. It must not pass: `pykata verify` checks that the
# starter fails, so the kata teaches something.


def unique(items):
    """Return the items without repeats, in the order they first appear."""
    return list(set(items))  # a set forgets the order: fix this
"#;

const SOLUTION: &str = r#"# The reference solution: `verify` proves it passes every check, and a
# learner sees it with `pykata solution` once they have passed.


def unique(items):
    """Return the items without repeats, in the order they first appear."""
    return list(dict.fromkeys(items))
"#;

const ALTERNATIVE: &str = r#"# Another correct solution, written differently: `verify` proves the checks
# accept it too, so they judge behaviour rather than one wording.


def unique(items):
    """Return the items without repeats, in the order they first appear."""
    seen = set()
    result = []
    for item in items:
        if item not in seen:
            seen.add(item)
            result.append(item)
    return result
"#;

const MISTAKE: &str = r#"# A wrong answer learners really write. `verify` proves it does not pass
# and that it fires the mistake detector `sorted-set`.


def unique(items):
    """Return the items without repeats, in the order they first appear."""
    return sorted(set(items))
"#;

fn manifest_text(title: &str, topic: &str) -> String {
    align_comments(&format!(
        r#"# yaml-language-server: $schema={SCHEMA_FILE}
# A pykata course: `pykata lint` checks it, `pykata verify` proves it.
# docs/authoring.md describes every field.
format: 1                      # the course format version
title: {title}   # shown on the course map
description: One line shown under the title on the course map.
topics:                        # the order learners see; each names lessons/<topic>.yaml
  - {topic}
"#,
        title = quoted(title),
    ))
}

fn topic_text(title: &str, topic: &str, kata: &KataNames, with_schema: bool) -> String {
    let modeline = if with_schema {
        format!("# yaml-language-server: $schema=../{SCHEMA_FILE}\n")
    } else {
        String::new()
    };
    align_comments(&format!(
        r#"{modeline}# A topic: its lesson steps, then its katas. `pykata lint` checks this file,
# `pykata verify` runs every example, predict step and kata in it.
title: {title}   # shown on the course map
summary: One or two sentences on what this topic teaches.
lesson:                        # the steps in order; each is `read`, `example` or `predict`
  - read: |                    # prose; fenced code is highlighted
      Say what the learner will meet, in their terms. Keep each step short.

      ```python
      print(list(dict.fromkeys([3, 1, 3, 2])))
      ```
  - example:                   # code and what it prints: `verify` runs it and compares
      title: Dict keys keep the order they were added in   # optional
      code: |
        print(list(dict.fromkeys([3, 1, 3, 2])))
      output: |                # if the code raises, end with the traceback's last line
        [3, 1, 2]
      explanation: A dict's keys are unique and remember insertion order.   # optional
  - predict:                   # the learner predicts, then sees a real run
      code: |
        print(len({{"a", "b", "a"}}))
      question: What does this print?   # optional; this is the default
      answer: "2"              # checked by `verify`; or Error, "Error: TypeError", Nothing, Infinite loop
      choices: ["2", "3", Error]   # optional: choices instead of free text; the answer must be one
      explanation: A set keeps one of each value.   # shown after the answer
katas:                         # `pykata new kata {topic} NAME` appends another
{kata}"#,
        title = quoted(title),
        kata = kata_block(kata, &title_of(&kata.stem), "  "),
    ))
}

/// One kata entry, every line indented by `indent` (the list's own indent).
fn kata_block(k: &KataNames, title: &str, indent: &str) -> String {
    let body = format!(
        r#"- id: {id}                 # unique in the course: lowercase letters, digits and '-'
  title: {title}   # shown on the course map
  task: |                      # what to do and what will be checked, shown to the learner
    `unique(items)` returns the items without repeats, in the order they
    first appear: `unique([3, 1, 3, 2, 1])` is `[3, 1, 2]`. It leaves the
    list it is given as it was.
  starter: {starter}   # the learner's file, relative to katas/; must fail
  solution: {solution}   # the reference solution; must pass
  alternatives:                # other correct solutions, written differently; each must pass
    - {alt}
  hints:                       # from a nudge to nearly the answer, shown one at a time
    - A set forgets the order things were added in. What remembers it?
    - Dict keys are unique and keep insertion order; so does a list you append to.
  # min_python: "3.12"         # optional: older interpreters skip the kata (never fail it)
  # limits:                    # optional: raise a limit, up to its ceiling (docs/authoring.md)
  #   wall_ms: 5000
  # stdin: "Ada\n"             # optional: what input() reads (default: nothing, EOF at once)
  checks:                      # each runs on a fresh import of the learner's file
    - id: first-seen-order
      kind: output             # what `run` prints must match `expect`
      run: print(unique([3, 1, 3, 2, 1]))
      expect: "[3, 1, 2]"
      match: literal           # compare as Python literals; also normalized, exact, regex, contains
      message: "unique([3, 1, 3, 2, 1]) must keep first-seen order: [3, 1, 2]."
    - id: each-once
      kind: lines              # these lines must appear in this order (others may come between)
      run: |
        for word in unique(["b", "a", "b", "c", "a"]):
            print(word)
      lines: [b, a, c]
      message: Each word once, in the order it first appears.
    - id: rejects-none
      kind: raises             # the code must raise this exception (or a subclass)
      run: unique(None)
      exception: TypeError
      pattern: "not iterable"  # a regular expression searched in the message (optional)
      message: unique(None) should fail as iterating over None does, with TypeError.
    - id: leaves-input-alone
      kind: assert             # every assertion must hold; messages may name variables in braces
      setup: |
        data = [2, 2, 1]
        result = unique(data)
      asserts:
        - code: data == [2, 2, 1]
          message: "unique() changed the list it was given: it is now {{data!r}}."
        - code: result == [2, 1]
          message: "unique([2, 2, 1]) returned {{result!r}}."
    - id: no-sorting
      kind: structure          # how the file is written: constructs required or forbidden
      require: ["def:unique"]
      forbid: ["call:sorted"]
      message: Sorting puts the items in value order, not the order they came in.
  mistakes:                    # wrong answers learners really write, each with a targeted message
    - id: sorted-set
      when: unique([3, 1, 2]) == [1, 2, 3]   # Python run like a check; fires when the last expression is true
      message: A set (or sorting) gives the items in value order; keep the order they came in.
      sample: {mistake}   # a wrong answer that must fire this detector
"#,
        id = k.id,
        title = quoted(title),
        starter = k.path(".py"),
        solution = k.path(".solution.py"),
        alt = k.path(".alt.py"),
        mistake = k.path(".mistake-sorted.py"),
    );
    let indented: String = body.lines().map(|l| format!("{indent}{l}\n")).collect();
    align_comments(&indented)
}

/// The column where scaffold comments start.
const COMMENT_COLUMN: usize = 36;

/// Lines with code and a comment (`code  # comment`) get their comments
/// lined up, so the scaffold reads as a commented form.
fn align_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    for line in text.lines() {
        let start = line.len() - line.trim_start().len() + 1;
        match line
            .get(start..)
            .and_then(|rest| rest.find("  # "))
            .map(|i| i + start)
        {
            Some(i) => {
                let code = line[..i].trim_end();
                let width = COMMENT_COLUMN.max(code.len() + 2);
                out.push_str(&format!("{code:<width$}{}", line[i..].trim_start()));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Whether `line` is a top-level mapping key (`katas:`, `title: x`).
fn is_top_level_key(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '"' || c == '\'')
        && line.contains(':')
}

/// The line index just past the last content line of the top-level block
/// that starts at `start`: trailing blank lines and column-0 comments stay
/// with whatever follows.
fn block_end(lines: &[&str], start: usize) -> usize {
    let mut end = start + 1;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if is_top_level_key(line) || line.starts_with("---") || line.starts_with("...") {
            break;
        }
        end = i + 1;
    }
    end
}

/// The value on a key's line, without a trailing comment.
fn inline_value<'a>(line: &'a str, key: &str) -> &'a str {
    let rest = line.strip_prefix(key).unwrap_or("");
    let rest = match rest.find(" #") {
        Some(i) => &rest[..i],
        None => rest,
    };
    rest.trim()
}

fn join(lines: &[&str]) -> String {
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// `topics:` gains `- NAME`, as text. Errs if the topic is there already or
/// the edit would not read back as intended.
fn add_topic_to_manifest(text: &str, name: &str) -> Result<String, String> {
    keeping_line_ends(text, |text| add_topic_lf(text, name))
}

/// Runs an edit on the text with LF line ends and gives the result the
/// line ends the file had (CRLF files stay CRLF).
fn keeping_line_ends(
    text: &str,
    edit: impl FnOnce(&str) -> Result<String, String>,
) -> Result<String, String> {
    if text.contains("\r\n") {
        Ok(edit(&text.replace("\r\n", "\n"))?.replace('\n', "\r\n"))
    } else {
        edit(text)
    }
}

fn add_topic_lf(text: &str, name: &str) -> Result<String, String> {
    let before: Manifest = serde_saphyr::from_str(text)
        .map_err(|e| format!("it does not parse ({e}); `pykata lint` shows why"))?;
    if before.topics.iter().any(|t| t.value == name) {
        return Err(format!("topic `{name}` is listed already"));
    }
    let lines: Vec<&str> = text.lines().collect();
    let Some(at) = lines.iter().position(|l| l.starts_with("topics:")) else {
        return Err("it has no `topics:` line at the top level".into());
    };
    let value = inline_value(lines[at], "topics:");
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    if value.starts_with('[') && value.ends_with(']') {
        let inner = value[1..value.len() - 1].trim();
        let list = if inner.is_empty() {
            format!("[{name}]")
        } else {
            format!("[{inner}, {name}]")
        };
        out[at] = lines[at].replacen(value, &list, 1);
    } else if value.is_empty() {
        let end = block_end(&lines, at);
        let indent = lines[at + 1..end]
            .iter()
            .find_map(|l| {
                l.trim_start()
                    .starts_with('-')
                    .then(|| &l[..l.len() - l.trim_start().len()])
            })
            .unwrap_or("  ");
        out.insert(end, format!("{indent}- {name}"));
    } else {
        return Err(format!("`topics: {value}` is not a list pykata can add to"));
    }
    let refs: Vec<&str> = out.iter().map(String::as_str).collect();
    let edited = join(&refs);
    let after: Manifest =
        serde_saphyr::from_str(&edited).map_err(|e| format!("the edit would not parse ({e})"))?;
    let names: Vec<&str> = after.topics.iter().map(|t| t.value.as_str()).collect();
    let mut expected: Vec<&str> = before.topics.iter().map(|t| t.value.as_str()).collect();
    expected.push(name);
    if names != expected {
        return Err("the edit would not read back as intended".into());
    }
    Ok(edited)
}

/// The kata appended to the topic file's `katas:` list, as text.
fn append_kata(text: &str, kata: &KataNames, title: &str) -> Result<String, String> {
    keeping_line_ends(text, |text| append_kata_lf(text, kata, title))
}

fn append_kata_lf(text: &str, kata: &KataNames, title: &str) -> Result<String, String> {
    // A file that does not parse yet may be one `katas:` short of it (an
    // empty `katas:`); the edited text must parse in any case.
    let before: Option<TopicFile> = serde_saphyr::from_str(text).ok();
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    match lines.iter().position(|l| l.starts_with("katas:")) {
        None => {
            while out.last().is_some_and(|l| l.trim().is_empty()) {
                out.pop();
            }
            out.push("katas:".into());
            out.push(kata_block(kata, title, "  ").trim_end().to_string());
        }
        Some(at) => {
            let value = inline_value(lines[at], "katas:");
            if value == "[]" || value == "[ ]" {
                out[at] = lines[at].replacen(value, "", 1).trim_end().to_string();
                out.insert(at + 1, kata_block(kata, title, "  ").trim_end().to_string());
            } else if value.is_empty() {
                let end = block_end(&lines, at);
                let indent = lines[at + 1..end]
                    .iter()
                    .find_map(|l| {
                        l.trim_start()
                            .starts_with("- ")
                            .then(|| &l[..l.len() - l.trim_start().len()])
                    })
                    .unwrap_or("  ");
                out.insert(end, kata_block(kata, title, indent).trim_end().to_string());
            } else {
                return Err(format!(
                    "`katas: {value}` is written inline; write the list as a block (`katas:` then `- id: ...`)"
                ));
            }
        }
    }
    let refs: Vec<&str> = out.iter().map(String::as_str).collect();
    let edited = join(&refs);
    let after: TopicFile = serde_saphyr::from_str(&edited).map_err(|e| match &before {
        Some(_) => format!("the edit would not parse ({e})"),
        None => format!("it does not parse ({e})"),
    })?;
    let ids: Vec<&str> = after.katas.iter().map(|k| k.id.value.as_str()).collect();
    let (mut expected, lesson_steps) = match &before {
        Some(b) => (
            b.katas.iter().map(|k| k.id.value.as_str()).collect(),
            b.lesson.len(),
        ),
        None => (Vec::new(), after.lesson.len()),
    };
    expected.push(&kata.id);
    if ids != expected || after.lesson.len() != lesson_steps {
        return Err("the edit would not read back as intended".into());
    }
    Ok(edited)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> KataNames {
        KataNames::new("t", "new-one", "new_one")
    }

    #[test]
    fn a_kata_is_appended_keeping_comments_and_later_keys() {
        let text = "# top comment\ntitle: T   # keep me\nkatas:\n- id: old\n  title: Old\n  task: x\n  starter: t/old.py\n  solution: t/old.solution.py\n  # trailing note\n\n# about the summary\nsummary: later key\n";
        let out = append_kata(text, &names(), "New one").unwrap();
        assert!(out.starts_with("# top comment\ntitle: T   # keep me\n"));
        assert!(out.contains("  # trailing note\n- id: new-one"), "{out}");
        assert!(
            out.ends_with("\n# about the summary\nsummary: later key\n"),
            "{out}"
        );
        let topic: TopicFile = serde_saphyr::from_str(&out).unwrap();
        assert_eq!(topic.katas.len(), 2);
        assert_eq!(topic.summary, "later key");
    }

    #[test]
    fn a_kata_is_added_to_an_empty_or_missing_list() {
        for text in [
            "title: T\nkatas: []  # none yet\n",
            "title: T\n\n\n",
            "title: T\nkatas:\n",
        ] {
            let out = append_kata(text, &names(), "New one").unwrap();
            let topic: TopicFile = serde_saphyr::from_str(&out).unwrap();
            assert_eq!(topic.katas.len(), 1, "{out}");
        }
        assert!(append_kata("title: T\nkatas: [{id: x}]\n", &names(), "x").is_err());
    }

    #[test]
    fn a_topic_is_added_to_block_and_flow_lists() {
        let block = "format: 1\ntitle: C\ntopics:   # order\n    - a   # first\n    - b\n# end\n";
        let out = add_topic_to_manifest(block, "c").unwrap();
        assert_eq!(
            out,
            "format: 1\ntitle: C\ntopics:   # order\n    - a   # first\n    - b\n    - c\n# end\n"
        );
        let flow = "format: 1\ntitle: C\ntopics: [a, b]  # order\n";
        let out = add_topic_to_manifest(flow, "c").unwrap();
        assert_eq!(out, "format: 1\ntitle: C\ntopics: [a, b, c]  # order\n");
        let crlf = "format: 1\r\ntitle: C\r\ntopics:\r\n  - a\r\n";
        assert_eq!(
            add_topic_to_manifest(crlf, "b").unwrap(),
            "format: 1\r\ntitle: C\r\ntopics:\r\n  - a\r\n  - b\r\n"
        );
        assert!(add_topic_to_manifest(flow, "a")
            .unwrap_err()
            .contains("already"));
    }

    #[test]
    fn scaffold_texts_parse() {
        let k = KataNames::new("intro", "intro-warmup", "warmup");
        let topic: TopicFile =
            serde_saphyr::from_str(&topic_text("Intro: \"x\"", "intro", &k, true)).unwrap();
        assert_eq!(topic.title, "Intro: \"x\"");
        assert_eq!(topic.katas[0].checks.len(), 5);
        let m: Manifest = serde_saphyr::from_str(&manifest_text("My: course", "intro")).unwrap();
        assert_eq!(m.title, "My: course");
    }
}
