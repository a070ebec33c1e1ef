//! Proving one job: running it the way a learner's run would go, and
//! saying what is wrong with the course if the result is not the one the
//! author stated.

use super::jobs::{At, Job};
use super::schedule::Cost;
use super::Finding;
use crate::course::{Course, Kata};
use crate::judge::answer::Truth;
use crate::judge::matchers::normalize;
use crate::judge::{Status, Verdict};
use crate::mutants::Mutant;
use crate::runner::{script, Interpreter, PythonVersion};
use crate::session;

/// How much longer the second run of a snippet that hit the learners'
/// limit may take.
const SNIPPET_RETRY_FACTOR: u64 = 4;

/// Judges a solution that must pass. A loaded machine (verify runs jobs
/// side by side, CI runs tests side by side) can stretch correct code past
/// the kata's time limit: one that timed out gets a second run with twice
/// the time before it is called wrong, as a looping prediction does.
fn judge_with_second_chance(
    python: &Interpreter,
    kata: &Kata,
    text: &str,
    cost: &mut Cost,
) -> std::io::Result<crate::judge::Verdict> {
    let verdict = judge_counted(python, kata, text, cost)?;
    if verdict.status != Status::Timeout {
        return Ok(verdict);
    }
    let mut patient = kata.clone();
    patient.limits.wall_ms = kata.limits.wall_ms.saturating_mul(2);
    patient.limits.cpu_ms = kata.limits.cpu_ms.saturating_mul(2);
    judge_counted(python, &patient, text, cost)
}

/// Judges `text` as a learner's file, counting the run's CPU time in `cost`.
fn judge_counted(
    python: &Interpreter,
    kata: &Kata,
    text: &str,
    cost: &mut Cost,
) -> std::io::Result<Verdict> {
    let verdict = session::judge_source(python, kata, text, None);
    cost.add_run(verdict.as_ref().ok().and_then(|v| v.cpu_ms));
    verdict
}

/// What one job found: nothing, a skip note, or a problem.
pub(super) enum Found {
    Fine,
    Skipped(String),
    Problem(Finding),
    /// A mutant of this kata (by id) and what became of it.
    Mutant(String, MutantFate),
}

pub(super) enum MutantFate {
    Killed,
    Equivalent,
    Survived(Finding),
}

/// The kata's `id:` in its topic file.
fn kata_origin(kata: &Kata) -> (String, Option<u64>, Option<u64>) {
    let at = &kata.origin;
    (at.file.clone(), at.line(), at.column())
}

/// A problem located in one of a kata's Python files (`path` relative to
/// katas/), at `line` when the run named one.
fn in_py(
    course: &Course,
    kata: &Kata,
    path: &str,
    line: Option<u64>,
    subject: String,
    text: String,
) -> Found {
    let (_, kata_line, _) = kata_origin(kata);
    let text = match kata_line {
        Some(l) => format!(
            "{text}\n(kata `{}` is defined at line {l} of lessons/{}.yaml)",
            kata.id, kata.topic
        ),
        None => text,
    };
    Found::Problem(Finding {
        subject,
        problem: text,
        file: Some(course.source.display(&format!("katas/{path}"))),
        line,
        column: None,
    })
}

/// A problem located at the kata's `id:` in its topic file.
fn at_kata(kata: &Kata, subject: String, text: String) -> Found {
    let (file, line, column) = kata_origin(kata);
    Found::Problem(Finding {
        subject,
        problem: text,
        file: Some(file),
        line,
        column,
    })
}

fn at_step(at: &At, text: String) -> Found {
    Found::Problem(Finding {
        subject: at.subject.clone(),
        problem: text,
        file: Some(at.file.clone()),
        line: Some(at.line),
        column: Some(at.column),
    })
}

fn describe(v: &Verdict) -> String {
    let mut s = format!("{}: {}", v.status.label(), v.message);
    if let Some(tb) = &v.traceback {
        s.push_str(&format!("\n{tb}"));
    }
    s
}

/// Proves one job; the CPU time of the runs it makes is counted in `cost`.
pub(super) fn prove(
    course: &Course,
    python: &Interpreter,
    version: &PythonVersion,
    job: &Job<'_>,
    cost: &mut Cost,
) -> Found {
    if let Some(kata) = job.kata() {
        if let Err(why) = session::supported(kata, version) {
            return Found::Skipped(format!("{}: {why}", kata.id));
        }
    }
    match job {
        Job::Solution { kata, file, text } => {
            let subject = format!("{} ({file})", kata.id);
            match judge_with_second_chance(python, kata, text, cost) {
                Err(e) => at_kata(kata, subject, format!("could not run: {e}")),
                Ok(v) if v.status == Status::Pass => Found::Fine,
                Ok(v) => in_py(
                    course,
                    kata,
                    file,
                    v.line,
                    subject,
                    format!("this solution should pass but is judged {}", describe(&v)),
                ),
            }
        }
        Job::Starter { kata } => {
            let path = &kata.starter.path;
            let subject = format!("{} ({path})", kata.id);
            match judge_counted(python, kata, &kata.starter.text, cost) {
                Err(e) => at_kata(kata, subject, format!("could not run: {e}")),
                Ok(v) if v.status == Status::Pass => in_py(
                    course,
                    kata,
                    path,
                    None,
                    subject,
                    "the starter already passes every check; the kata teaches nothing".into(),
                ),
                Ok(v)
                    if v.line.is_some() && v.checks.iter().all(|c| c.status == Status::NotRun) =>
                {
                    in_py(
                        course,
                        kata,
                        path,
                        v.line,
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
            let path = &m.sample.path;
            match judge_counted(python, kata, &m.sample.text, cost) {
                Err(e) => at_kata(kata, subject, format!("could not run: {e}")),
                Ok(v) if v.status == Status::Pass => in_py(
                    course,
                    kata,
                    path,
                    None,
                    subject,
                    "the sample wrong answer passes the kata; the checks miss this mistake".into(),
                ),
                Ok(v) => match &v.mistake {
                    Some(hit) if hit.id == m.id => Found::Fine,
                    Some(hit) => in_py(
                        course,
                        kata,
                        path,
                        None,
                        subject,
                        format!(
                            "the sample fires detector `{}` instead (an earlier one)",
                            hit.id
                        ),
                    ),
                    None => in_py(
                        course,
                        kata,
                        path,
                        None,
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
            at,
            code,
            output,
            requires,
        } => prove_example(at, python, version, code, output, requires),
        Job::Mutant { kata, mutant } => {
            let fate = match judge_counted(python, kata, &mutant.source, cost) {
                Ok(v) if v.status == Status::Pass => {
                    match mutant.marked_by(&kata.equivalent_mutants) {
                        Some(_) => MutantFate::Equivalent,
                        None => MutantFate::Survived(survivor(course, kata, mutant)),
                    }
                }
                // A mutant that cannot even run is as good as killed.
                _ => MutantFate::Killed,
            };
            Found::Mutant(kata.id.clone(), fate)
        }
        Job::Predict { at, code, answer } => prove_prediction(at, python, code, answer),
    }
}

/// A surviving mutant, located at the line it changed, with its diff.
fn survivor(course: &Course, kata: &Kata, mutant: &Mutant) -> Finding {
    let original = std::iter::once(&kata.solution)
        .chain(&kata.alternatives)
        .find(|f| f.path == mutant.file)
        .map_or("", |f| f.text.as_str());
    Finding {
        subject: format!(
            "{} mutant `{}` of {} line {} survives",
            kata.id, mutant.operator, mutant.file, mutant.line
        ),
        problem: format!(
            "every check passes this wrong-looking rewrite; add a check or a mistake sample that fails it, \
             or mark it under `equivalent_mutants:` with the reason it is correct:\n{}",
            mutant.diff(original)
        ),
        file: Some(course.source.display(&format!("katas/{}", mutant.file))),
        line: Some(u64::from(mutant.line)),
        column: None,
    }
}

/// An example's stated output against a real run, under the limit a
/// learner's run of it gets. A loaded machine (verify runs jobs side by
/// side) can stretch a short example past it: one that was stopped gets a
/// longer second run, and is called slow only if that run too takes longer
/// than a learner's run may.
fn prove_example(
    at: &At,
    python: &Interpreter,
    version: &PythonVersion,
    code: &str,
    output: &str,
    requires: &[String],
) -> Found {
    let limit = std::time::Duration::from_millis(script::PREDICT_WALL_MS);
    let run = |wall_ms| session::example_output(python, code, requires, wall_ms, None);
    let outcome = match run(script::PREDICT_WALL_MS) {
        Ok(first) if first.timed_out => run(script::PREDICT_WALL_MS * SNIPPET_RETRY_FACTOR),
        other => other,
    };
    match outcome {
        Err(session::LessonRunError::MissingModules(missing)) => Found::Skipped(format!(
            "{}: needs {}, not installed for this Python",
            at.subject,
            missing.join(", ")
        )),
        Err(e) => at_step(at, format!("could not run: {e}")),
        Ok(run) if run.timed_out || run.elapsed > limit => at_step(
            at,
            format!(
                "the example runs for {}, and a learner's run of it is stopped after {:.1} s; \
                 make it finish sooner",
                if run.timed_out {
                    format!(
                        "more than {:.1} s",
                        (limit * SNIPPET_RETRY_FACTOR as u32).as_secs_f64()
                    )
                } else {
                    format!("{:.1} s", run.elapsed.as_secs_f64())
                },
                limit.as_secs_f64()
            ),
        ),
        Ok(run) if normalize(&run.shown) == normalize(output) => Found::Fine,
        Ok(run) => at_step(
            at,
            format!(
                "the example's stated `output:` differs from what Python printed:\n\
                 (lines marked - are in `output:` only, + were printed by Python {} only)\n{}",
                version,
                crate::judge::diff::render(&normalize(output), &normalize(&run.shown))
            ),
        ),
    }
}

/// A predict step's stated answer against a real run, judged by the rule a
/// learner's answer is judged by. Before a stated answer is called wrong
/// for looping, the snippet gets a longer second run (see `prove_example`).
fn prove_prediction(at: &At, python: &Interpreter, code: &str, answer: &str) -> Found {
    let judged = |wall_ms| session::answer_prediction_within(python, code, answer, wall_ms, None);
    let outcome = match judged(script::PREDICT_WALL_MS) {
        Ok(first) if !first.correct && first.truth == Truth::InfiniteLoop => {
            judged(script::PREDICT_WALL_MS * SNIPPET_RETRY_FACTOR)
        }
        other => other,
    };
    match outcome {
        Err(e) => at_step(at, format!("could not run: {e}")),
        Ok(o) if o.correct => Found::Fine,
        Ok(o) => at_step(
            at,
            format!(
                "the stated answer `{}` is wrong; a real run gives: {}",
                answer.trim(),
                o.truth.describe()
            ),
        ),
    }
}
