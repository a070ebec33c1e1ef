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

mod templates;
mod yaml_edit;

use super::{exit, Ctx, Failure, Outcome};
use crate::course::model::TopicFile;
use crate::course::problem::suggestion;
use crate::course::source::{ReadError, MANIFEST};
use crate::course::{self, CourseSource};
use crate::plural::count;
use std::io::Write;
use std::path::{Path, PathBuf};
use templates::{manifest_text, topic_text, KataNames};
use yaml_edit::{add_topic_to_manifest, append_kata};

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
    let edited = append_kata(&text, &kata.id, |indent| {
        templates::kata_block(&kata, &title, indent)
    })
    .map_err(|e| {
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
