//! `pykata verify`: prove a course against a real interpreter. Every
//! reference and alternative solution passes, every starter fails, every
//! mistake sample fires its detector, and every stated output is true.
//!
//! With `--python` given several times the course is proved under each
//! interpreter in turn and the findings are reported by version, so an
//! author sees what breaks on 3.10 or 3.13.

use super::lint::github_annotation;
use super::style::{self, Style};
use super::{exit, Ctx, Outcome};
use crate::cli::ProblemFormat;
use crate::course::Course;
use crate::plural::count;
use crate::proof::{mutation_score, verify_under, ByInterpreter, KataScore, Selection, Workers};
use crate::runner::python;
use std::path::PathBuf;

/// The version of the `--format json` output.
pub const JSON_FORMAT: u32 = 1;

/// What `pykata verify` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Topic or kata ids to prove; empty proves the whole course.
    pub only: Vec<String>,
    /// Also run mutants of every solution.
    pub mutants: bool,
    pub jobs: Option<usize>,
    pub format: ProblemFormat,
}

/// Whether an argument of `verify` is a path to a course rather than a
/// topic or kata id, which is a plain name (`gotchas`, `late-binding`).
fn is_course_path(arg: &str) -> bool {
    arg == "."
        || arg == ".."
        || arg.contains('/')
        || arg.contains(std::path::MAIN_SEPARATOR)
        || crate::course::archive::named_like_archive(std::path::Path::new(arg))
}

/// The course a path among the arguments names (at most one), and the
/// topic and kata ids among them.
fn course_and_ids(args: &[String]) -> Result<(Option<PathBuf>, Vec<String>), super::Failure> {
    let (paths, ids): (Vec<&String>, Vec<&String>) = args.iter().partition(|a| is_course_path(a));
    if let [first, second, ..] = paths[..] {
        return Err(super::Failure::usage(format!(
            "`{first}` and `{second}` are both course paths; verify proves one course at a time"
        )));
    }
    Ok((
        paths.first().map(PathBuf::from),
        ids.into_iter().cloned().collect(),
    ))
}

pub fn run(ctx: &Ctx, options: &Options, pythons: &[PathBuf]) -> Outcome {
    // `verify .` proves the course in this folder, as `lint .` checks it.
    let (path, only) = course_and_ids(&options.only)?;
    let course = match path {
        Some(path) => Ctx::load(crate::course::CourseSource::from_path(&path))?,
        None => ctx.course()?,
    };
    let selection = Selection::of(&course, &only).map_err(|e| {
        // A plain name that is a course folder here: say how to name it.
        let folder = only.iter().find(|n| {
            std::path::Path::new(n)
                .join(crate::course::source::MANIFEST)
                .is_file()
        });
        match folder {
            Some(f) => super::Failure::usage(e).help(format!(
                "to prove the course in the folder `{f}`, write `./{f}`"
            )),
            None => super::Failure::usage(e),
        }
    })?;
    let (jobs, format) = (options.jobs, options.format);
    let interpreters = if pythons.is_empty() {
        vec![ctx.python()?]
    } else {
        pythons
            .iter()
            .map(|p| {
                python::find(Some(p))
                    .map_err(|e| super::Failure::environment(e.to_string()).help(e.help()))
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    // An interpreter that cannot say its version, or one too old, would
    // fail every run; say so once instead, before anything runs.
    let interpreters = interpreters
        .into_iter()
        .map(|python| match python.require_supported() {
            Ok(version) => Ok((python, version)),
            Err(e) => Err(super::Failure::environment(e).help(python::INSTALL_HELP)),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let workers = jobs.map_or_else(Workers::per_core, Workers::exactly);
    let results = verify_under(&course, &interpreters, workers, &selection, options.mutants);
    let ok = results.iter().all(|r| r.ok);
    let code = if ok { exit::OK } else { exit::NOT_PASSING };
    let several = results.len() > 1;
    match format {
        ProblemFormat::Json => print_json(&results, ok),
        ProblemFormat::Github => print_github(&results, several),
        ProblemFormat::Human => print_human(&course, &results, workers.computing),
    }
    Ok(code)
}

fn print_json(results: &[ByInterpreter], ok: bool) {
    // The top-level fields are those of a single interpreter's run (all
    // interpreters together when there are several); `interpreters` has them
    // one by one.
    let mut skipped: Vec<&String> = Vec::new();
    for s in results.iter().flat_map(|r| &r.summary.skipped) {
        if !skipped.contains(&s) {
            skipped.push(s);
        }
    }
    let problems: Vec<serde_json::Value> = results
        .iter()
        .flat_map(|r| {
            r.summary.problems.iter().map(move |p| {
                let mut v = serde_json::to_value(p).unwrap_or_default();
                v["python"] = serde_json::json!(r.version);
                v
            })
        })
        .collect();
    let doc = serde_json::json!({
        "format": JSON_FORMAT,
        "ok": ok,
        "runs": results.iter().map(|r| r.summary.runs).sum::<usize>(),
        "skipped": skipped,
        "problems": problems,
        "interpreters": results,
    });
    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
}

fn print_github(results: &[ByInterpreter], several: bool) {
    for r in results {
        let prefix = if several {
            format!("[Python {}] ", r.version)
        } else {
            String::new()
        };
        for p in &r.summary.problems {
            // The annotation carries the place; do not repeat it in the text.
            let place = match (&p.file, p.line, p.column) {
                (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c} "),
                _ => String::new(),
            };
            let subject = p.subject.strip_prefix(&place).unwrap_or(&p.subject);
            let message = format!("{prefix}{subject}: {}", p.problem);
            println!(
                "{}",
                github_annotation("error", p.file.as_deref(), p.line, p.column, &message)
            );
        }
        for s in &r.summary.skipped {
            println!(
                "{}",
                github_annotation("notice", None, None, None, &format!("{prefix}skipped {s}"))
            );
        }
    }
    for r in results {
        println!(
            "verify: {}: {}: {}",
            r.label(),
            count(r.summary.runs, "run"),
            if r.ok {
                "no problems".to_string()
            } else {
                count(r.summary.problems.len(), "problem")
            }
        );
    }
}

/// The mutation scores: the course, then each topic with its katas that
/// let mutants through.
fn print_mutation(s: &Style, scores: &[KataScore]) {
    if scores.is_empty() {
        return;
    }
    let total = |of: &[&KataScore]| {
        let sum = |f: fn(&KataScore) -> usize| of.iter().map(|k| f(k)).sum::<usize>();
        (
            sum(|k| k.mutants),
            sum(|k| k.killed),
            sum(|k| k.equivalent),
            sum(|k| k.survived),
        )
    };
    let all: Vec<&KataScore> = scores.iter().collect();
    let (mutants, killed, equivalent, survived) = total(&all);
    println!(
        "{} {}, {}: {killed} killed, {equivalent} equivalent (marked), {survived} survived; score {:.1}%",
        s.bold("mutation:"),
        count(scores.len(), "kata"),
        count(mutants, "mutant"),
        mutation_score(mutants, killed, equivalent)
    );
    let mut topics: Vec<&str> = Vec::new();
    for k in scores {
        if !topics.contains(&k.topic.as_str()) {
            topics.push(&k.topic);
        }
    }
    let width = topics.iter().map(|t| t.len()).max().unwrap_or(0);
    for topic in topics {
        let of: Vec<&KataScore> = scores.iter().filter(|k| k.topic == topic).collect();
        let (mutants, killed, equivalent, survived) = total(&of);
        let weak: Vec<String> = of
            .iter()
            .filter(|k| k.survived > 0)
            .map(|k| format!("{} {:.0}%", k.kata, k.score))
            .collect();
        let mark = if survived == 0 {
            s.good("✓")
        } else {
            s.bad("✗")
        };
        println!(
            "  {mark} {topic:<width$}  {:>5.1}%  {killed}/{} killed{}{}",
            mutation_score(mutants, killed, equivalent),
            mutants - equivalent,
            if equivalent > 0 {
                format!(", {equivalent} equivalent")
            } else {
                String::new()
            },
            if weak.is_empty() {
                String::new()
            } else {
                format!("  ({})", weak.join(", "))
            }
        );
    }
}

fn print_human(course: &Course, results: &[ByInterpreter], workers: usize) {
    let s = Style::stdout();
    let katas = course.katas().count();
    let several = results.len() > 1;
    for r in results {
        if several {
            println!("{}", s.bold(&format!("── {} · {} ──", r.label(), r.python)));
        }
        for p in &r.summary.problems {
            println!(
                "{} {}\n{}",
                s.bad("✗"),
                s.bold(&p.subject),
                style::indent(&p.problem, 4)
            );
        }
        for skip in &r.summary.skipped {
            println!("{} skipped {skip}", s.dim("-"));
        }
        print_mutation(&s, &r.summary.mutation);
        let on = if several {
            format!(" under Python {}", r.version)
        } else {
            String::new()
        };
        println!(
            "verify: {}, {}{on} in {:.1} s on {}: {}",
            count(katas, "kata"),
            count(r.summary.runs, "run"),
            r.seconds,
            count(workers, "worker"),
            if r.ok {
                s.good("no problems")
            } else {
                s.bad(&count(r.summary.problems.len(), "problem"))
            }
        );
        if several {
            println!();
        }
    }
    if several {
        println!("{}", s.bold("By version:"));
        let width = results.iter().map(|r| r.label().len()).max().unwrap_or(0);
        for r in results {
            let verdict = if r.ok {
                s.good("✓ no problems")
            } else {
                s.bad(&format!("✗ {}", count(r.summary.problems.len(), "problem")))
            };
            let skipped = if r.summary.skipped.is_empty() {
                String::new()
            } else {
                format!(", {} skipped", r.summary.skipped.len())
            };
            println!(
                "  {:<width$}  {verdict}{skipped}  {}",
                r.label(),
                s.dim(&r.python)
            );
        }
    }
}
