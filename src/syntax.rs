//! The Python a course holds outside its files (check code, detectors'
//! conditions, `raises` patterns) checked by the course's own interpreter
//! before anything runs, so a typo is the author's located problem and never
//! a run-time error blamed on the learner. Nothing is run: the code is only
//! compiled and the patterns only given to `re.compile`.

use crate::course::check::Raised;
use crate::course::{Course, Expect, Location, Problem};
use crate::runner::process::{stdout_within, AskError};
use crate::runner::Interpreter;
use serde::Deserialize;
use std::time::Duration;

/// The checker, shipped in the binary.
pub const SCRIPT: &str = include_str!("../assets/syntax_check.py");

const WAIT: Duration = Duration::from_secs(30);

/// One piece of Python and where its YAML is.
struct Item {
    /// Where the check or detector is written.
    origin: Location,
    /// What it is, for the message: "check `x`, `setup`".
    what: String,
    regex: bool,
    text: String,
}

#[derive(Deserialize)]
struct Reply {
    problems: Vec<Found>,
}

#[derive(Deserialize)]
struct Found {
    key: usize,
    message: String,
    line: Option<u64>,
    column: Option<u64>,
}

fn items(course: &Course) -> Vec<Item> {
    let mut items = Vec::new();
    for kata in course.katas() {
        if let (Some(helpers), Some(origin)) = (&kata.helpers, Some(&kata.origin)) {
            items.push(Item {
                origin: origin.clone(),
                what: format!("kata `{}`, `helpers`", kata.id),
                regex: false,
                text: helpers.clone(),
            });
        }
        for check in &kata.checks {
            let mut add = |field: &str, regex: bool, text: &str| {
                items.push(Item {
                    origin: check.at.clone(),
                    what: format!("kata `{}`, check `{}`, `{field}`", kata.id, check.id),
                    regex,
                    text: text.to_string(),
                });
            };
            match &check.expects {
                Expect::Output(c) => c.run.iter().for_each(|run| add("run", false, run)),
                Expect::Lines(c) => c.run.iter().for_each(|run| add("run", false, run)),
                Expect::Raises(c) => {
                    if let Raised::OnCall { run } = &c.raised {
                        add("run", false, run);
                    }
                    if let Some(pattern) = &c.pattern {
                        add("pattern", true, pattern);
                    }
                }
                Expect::Assert(c) => {
                    if let Some(setup) = &c.setup {
                        add("setup", false, setup);
                    }
                    for (i, a) in c.asserts.iter().enumerate() {
                        add(&format!("asserts[{}].code", i + 1), false, &a.code);
                    }
                }
                Expect::Structure(_) => {}
            }
        }
        for m in &kata.mistakes {
            items.push(Item {
                origin: m.origin.clone(),
                what: format!("kata `{}`, mistake `{}`, `when`", kata.id, m.id),
                regex: false,
                text: m.when.clone(),
            });
        }
    }
    items
}

/// Every piece of check code that does not compile and every `raises`
/// pattern `re` refuses, located at its check or detector.
pub fn problems(python: &Interpreter, course: &Course) -> Result<Vec<Problem>, String> {
    let items = items(course);
    let request: Vec<serde_json::Value> = items
        .iter()
        .enumerate()
        .map(|(key, i)| {
            serde_json::json!({
                "key": key,
                "kind": if i.regex { "regex" } else { "code" },
                "text": i.text,
            })
        })
        .collect();
    let out = ask_script(
        python,
        "_pykata_syntax.py",
        SCRIPT,
        &serde_json::json!({ "items": request }),
        WAIT,
    )?;
    let reply: Reply = serde_json::from_slice(&out)
        .map_err(|e| format!("the syntax checker gave no answer ({e})"))?;
    Ok(reply
        .problems
        .into_iter()
        .filter_map(|f| {
            let item = items.get(f.key)?;
            let Location { file, line, column } = item.origin.clone();
            let place = match (f.line, f.column) {
                (Some(l), Some(c)) => format!(" (its line {l}, column {c})"),
                (Some(l), None) => format!(" (its line {l})"),
                (None, Some(c)) => format!(" (at character {c})"),
                _ => String::new(),
            };
            let hint = if item.regex {
                "the pattern is a Python regular expression (`re`); in YAML, quote it with single quotes so backslashes stay as written"
            } else {
                "this code runs in the harness against the learner's module; fix it so it compiles"
            };
            Some(
                Problem::new(
                    file,
                    line,
                    column,
                    format!("{}: {}{place}", item.what, f.message),
                )
                .with_hint(hint),
            )
        })
        .collect())
}

/// Runs one of pykata's own helper scripts (shipped in assets/) with the
/// interpreter: the script and its JSON `input` go in a temporary folder,
/// the answer is what it prints. The scripts only parse, never run course
/// code, so no sandbox is needed; `-I` keeps the user's site out. A shim
/// is replaced by the interpreter it picks, as for a run: a pyenv shim is
/// some twenty processes of its own.
pub fn ask_script(
    python: &Interpreter,
    name: &str,
    script: &str,
    input: &serde_json::Value,
    wait: Duration,
) -> Result<Vec<u8>, String> {
    let dir = tempfile::tempdir().map_err(|e| format!("could not make a temp folder: {e}"))?;
    let script_path = dir.path().join(name);
    let input_path = dir.path().join("input.json");
    std::fs::write(&script_path, script)
        .and_then(|()| std::fs::write(&input_path, input.to_string()))
        .map_err(|e| format!("could not write {name}: {e}"))?;
    let mut cmd = python.command();
    cmd.arg("-I").arg(&script_path).arg(&input_path);
    let mut cmd = crate::runner::python::facts::without_shim(cmd);
    stdout_within(&mut cmd, wait).map_err(|e| match e {
        AskError::Spawn(e) => format!("could not start {}: {e}", python.program.display()),
        AskError::TimedOut => format!("{name} took longer than {} s", wait.as_secs()),
    })
}
