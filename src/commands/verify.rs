//! `pykata verify`: prove a course against a real interpreter. Every
//! reference and alternative solution passes, every starter fails, every
//! mistake sample fires its detector, and every stated output is true.

use super::style::Style;
use super::{exit, Ctx, Outcome};
use crate::cli::Format;
use crate::course::{Course, Kata, Step};
use crate::judge::answer::{self, Truth};
use crate::judge::matchers::normalize;
use crate::judge::{Status, Verdict};
use crate::runner::{script, Interpreter, PythonVersion};
use crate::session;
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// One thing to prove.
#[derive(Debug, Clone)]
enum Job<'c> {
    Solution {
        kata: &'c Kata,
        file: &'c str,
        text: &'c str,
    },
    Starter {
        kata: &'c Kata,
    },
    Mistake {
        kata: &'c Kata,
        index: usize,
    },
    Example {
        at: String,
        code: &'c str,
        output: &'c str,
    },
    Predict {
        at: String,
        code: &'c str,
        answer: &'c str,
    },
}

/// A problem `verify` found.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Where: a kata id and file, or a lesson step.
    pub subject: String,
    pub problem: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub runs: usize,
    pub skipped: Vec<String>,
    pub problems: Vec<Finding>,
}

fn jobs(course: &Course) -> Vec<Job<'_>> {
    let mut jobs = Vec::new();
    for topic in &course.topics {
        for (i, s) in topic.steps.iter().enumerate() {
            let file = course.source.display(&format!("lessons/{}.yaml", topic.id));
            let at = format!(
                "{file}:{}:{} (step {} of {})",
                s.line,
                s.column,
                i + 1,
                topic.id
            );
            match &s.step {
                Step::Example(e) => jobs.push(Job::Example {
                    at,
                    code: &e.code,
                    output: &e.output.value,
                }),
                Step::Predict(p) => jobs.push(Job::Predict {
                    at,
                    code: &p.code,
                    answer: &p.answer.value,
                }),
                Step::Read(_) => {}
            }
        }
        for kata in &topic.katas {
            jobs.push(Job::Solution {
                kata,
                file: &kata.solution.path,
                text: &kata.solution.text,
            });
            for alt in &kata.alternatives {
                jobs.push(Job::Solution {
                    kata,
                    file: &alt.path,
                    text: &alt.text,
                });
            }
            jobs.push(Job::Starter { kata });
            for index in 0..kata.mistakes.len() {
                jobs.push(Job::Mistake { kata, index });
            }
        }
    }
    jobs
}

/// What one job found: nothing, a skip note, or a problem.
enum Found {
    Fine,
    Skipped(String),
    Problem(Finding),
}

fn problem(subject: impl Into<String>, problem: impl Into<String>) -> Found {
    Found::Problem(Finding {
        subject: subject.into(),
        problem: problem.into(),
    })
}

fn describe(v: &Verdict) -> String {
    let mut s = format!("{}: {}", v.status.label(), v.message);
    if let Some(tb) = &v.traceback {
        s.push_str(&format!("\n{tb}"));
    }
    s
}

fn prove(python: &Interpreter, version: Option<&PythonVersion>, job: &Job<'_>) -> Found {
    let kata = match job {
        Job::Solution { kata, .. } | Job::Starter { kata } | Job::Mistake { kata, .. } => {
            Some(*kata)
        }
        _ => None,
    };
    if let (Some(kata), Some(version)) = (kata, version) {
        if let Err(why) = session::supported(kata, version) {
            return Found::Skipped(format!("{}: {why}", kata.id));
        }
    }
    match job {
        Job::Solution { kata, file, text } => match session::judge_source(python, kata, text, None)
        {
            Err(e) => problem(
                format!("{} ({file})", kata.id),
                format!("could not run: {e}"),
            ),
            Ok(v) if v.status == Status::Pass => Found::Fine,
            Ok(v) => problem(
                format!("{} ({file})", kata.id),
                format!("this solution should pass but is judged {}", describe(&v)),
            ),
        },
        Job::Starter { kata } => {
            let subject = format!("{} ({})", kata.id, kata.starter.path);
            match session::judge_source(python, kata, &kata.starter.text, None) {
                Err(e) => problem(subject, format!("could not run: {e}")),
                Ok(v) if v.status == Status::Pass => problem(
                    subject,
                    "the starter already passes every check; the kata teaches nothing",
                ),
                Ok(v)
                    if v.line.is_some() && v.checks.iter().all(|c| c.status == Status::NotRun) =>
                {
                    problem(
                        subject,
                        format!("the starter does not even run: {}", describe(&v)),
                    )
                }
                Ok(_) => Found::Fine,
            }
        }
        Job::Mistake { kata, index } => {
            let m = &kata.mistakes[*index];
            let subject = format!("{} mistake `{}` ({})", kata.id, m.id, m.sample.path);
            match session::judge_source(python, kata, &m.sample.text, None) {
                Err(e) => problem(subject, format!("could not run: {e}")),
                Ok(v) if v.status == Status::Pass => problem(
                    subject,
                    "the sample wrong answer passes the kata; the checks miss this mistake",
                ),
                Ok(v) => match &v.mistake {
                    Some(hit) if hit.id == m.id => Found::Fine,
                    Some(hit) => problem(
                        subject,
                        format!(
                            "the sample fires detector `{}` instead (an earlier one)",
                            hit.id
                        ),
                    ),
                    None => problem(
                        subject,
                        format!(
                            "the sample does not fire its detector; the run was {}",
                            describe(&v)
                        ),
                    ),
                },
            }
        }
        Job::Example {
            at, code, output, ..
        } => {
            match crate::runner::run_script(python, code, crate::runner::Limits::default().wall_ms)
            {
                Err(e) => problem(at.clone(), format!("could not run: {e}")),
                Ok(run) => {
                    let shown = run.shown_output();
                    if normalize(&shown) == normalize(output) {
                        Found::Fine
                    } else {
                        problem(
                            at.clone(),
                            format!(
                                "the example's stated output differs from a real run:\n{}",
                                crate::judge::diff::render(&normalize(output), &normalize(&shown))
                            ),
                        )
                    }
                }
            }
        }
        Job::Predict {
            at, code, answer, ..
        } => match crate::runner::run_script(python, code, script::PREDICT_WALL_MS) {
            Err(e) => problem(at.clone(), format!("could not run: {e}")),
            Ok(run) => {
                let truth = Truth::of(&run);
                if answer::is_correct(answer, &truth) {
                    Found::Fine
                } else {
                    problem(
                        at.clone(),
                        format!(
                            "the stated answer `{}` is wrong; a real run gives: {}",
                            answer.trim(),
                            truth.describe()
                        ),
                    )
                }
            }
        },
    }
}

/// Proves the whole course with `workers` parallel runs.
pub fn verify_course(course: &Course, python: &Interpreter, workers: usize) -> Summary {
    let version = python.probe_version().ok();
    let jobs = jobs(course);
    let next = AtomicUsize::new(0);
    let found: Mutex<Vec<(usize, Found)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let f = prove(python, version.as_ref(), job);
                found.lock().unwrap_or_else(|e| e.into_inner()).push((i, f));
            });
        }
    });
    let mut found = found.into_inner().unwrap_or_else(|e| e.into_inner());
    found.sort_by_key(|(i, _)| *i);
    let mut summary = Summary {
        runs: jobs.len(),
        ..Summary::default()
    };
    for (_, f) in found {
        match f {
            Found::Fine => {}
            Found::Skipped(s) => {
                if !summary.skipped.contains(&s) {
                    summary.skipped.push(s)
                }
            }
            Found::Problem(p) => summary.problems.push(p),
        }
    }
    summary
}

pub fn run(ctx: &Ctx, jobs: Option<usize>, format: Format) -> Outcome {
    let course = ctx.course()?;
    let python = ctx.python()?;
    let workers = jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
    });
    let started = Instant::now();
    let summary = verify_course(&course, &python, workers);
    let elapsed = started.elapsed().as_secs_f64();
    let code = if summary.problems.is_empty() {
        exit::OK
    } else {
        exit::NOT_PASSING
    };
    if format == Format::Json {
        let doc = serde_json::json!({
            "format": 1,
            "ok": summary.problems.is_empty(),
            "runs": summary.runs,
            "skipped": summary.skipped,
            "problems": summary.problems,
        });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        return Ok(code);
    }
    let s = Style::stdout();
    for p in &summary.problems {
        println!(
            "{} {}\n{}\n",
            s.bad("✗"),
            s.bold(&p.subject),
            indent(&p.problem)
        );
    }
    for skip in &summary.skipped {
        println!("{} skipped {skip}", s.dim("-"));
    }
    let katas = course.katas().count();
    println!(
        "verify: {} katas, {} runs in {elapsed:.1} s on {workers} workers: {}",
        katas,
        summary.runs,
        if summary.problems.is_empty() {
            s.good("no problems")
        } else {
            s.bad(&format!("{} problem(s)", summary.problems.len()))
        }
    );
    Ok(code)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
