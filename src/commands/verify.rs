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
use crate::course::{Course, Kata, Step};
use crate::judge::answer::{self, Truth};
use crate::judge::matchers::normalize;
use crate::judge::{Status, Verdict};
use crate::mutants::{self, Mutant};
use crate::plural::count;
use crate::runner::{python, script, Interpreter, PythonVersion};
use crate::session;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// The version of the `--format json` output.
pub const JSON_FORMAT: u32 = 1;

/// How much longer the second run of a prediction that timed out may take.
const PREDICT_RETRY_FACTOR: u64 = 4;

/// Where a lesson step is written.
#[derive(Debug, Clone)]
struct At {
    subject: String,
    file: String,
    line: u64,
    column: u64,
}

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
        at: At,
        code: &'c str,
        output: &'c str,
        requires: Vec<String>,
    },
    Predict {
        at: At,
        code: &'c str,
        answer: &'c str,
    },
    Mutant {
        kata: &'c Kata,
        mutant: &'c Mutant,
    },
}

/// A problem `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Where, for a person: a kata id and file, or a lesson step.
    pub subject: String,
    pub problem: String,
    /// The file to open (as `lint` names files), for annotations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based line and column in `file`, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub runs: usize,
    pub skipped: Vec<String>,
    pub problems: Vec<Finding>,
    /// With `--mutants`: the mutation score of each kata proved.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mutation: Vec<KataScore>,
}

/// How one kata's checks fared against its mutants.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct KataScore {
    pub kata: String,
    pub topic: String,
    /// Mutants run (at most `mutants::PER_KATA`).
    pub mutants: usize,
    /// Failed by the checks, as they should be.
    pub killed: usize,
    /// Passed, but marked by the author as correct code.
    pub equivalent: usize,
    /// Passed and not marked: wrong answers the checks accept.
    pub survived: usize,
    /// Killed out of the mutants that are really wrong, in percent.
    pub score: f64,
}

/// Killed out of the mutants that are really wrong (all but the marked
/// ones), in percent; 100 when there are none.
pub fn mutation_score(mutants: usize, killed: usize, equivalent: usize) -> f64 {
    let wrong = mutants.saturating_sub(equivalent);
    if wrong == 0 {
        100.0
    } else {
        100.0 * killed as f64 / wrong as f64
    }
}

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

/// Which parts of the course a run proves.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    names: Vec<String>,
}

impl Selection {
    /// Only the named topics and katas; an unknown name is an error that
    /// says which names exist.
    pub fn of(course: &Course, names: &[String]) -> Result<Self, String> {
        for name in names {
            let known = course.topics.iter().any(|t| &t.id == name)
                || course.katas().any(|k| &k.id == name);
            if !known {
                return Err(format!(
                    "`{name}` is neither a topic nor a kata of this course (`pykata list` shows them)"
                ));
            }
        }
        Ok(Self {
            names: names.to_vec(),
        })
    }

    fn topic_lessons(&self, topic: &str) -> bool {
        self.names.is_empty() || self.names.iter().any(|n| n == topic)
    }

    pub fn kata(&self, kata: &Kata) -> bool {
        self.topic_lessons(&kata.topic) || self.names.iter().any(|n| n == &kata.id)
    }
}

fn jobs<'c>(
    course: &'c Course,
    selection: &Selection,
    mutants: &'c HashMap<String, Vec<Mutant>>,
) -> Vec<Job<'c>> {
    let mut jobs = Vec::new();
    for topic in &course.topics {
        let steps = if selection.topic_lessons(&topic.id) {
            &topic.steps[..]
        } else {
            &[]
        };
        for s in steps {
            let file = course.source.display(&format!("lessons/{}.yaml", topic.id));
            // Where what verify proves is written: an example's `output:`,
            // a predict step's `answer:`. The step is named by its id,
            // which inserting a step before it does not change.
            let (line, column) = s.stated;
            let at = || At {
                subject: format!("{file}:{line}:{column} (step `{}` of {})", s.id, topic.id),
                file: file.clone(),
                line,
                column,
            };
            match &s.step {
                Step::Example(e) => jobs.push(Job::Example {
                    at: at(),
                    code: &e.code,
                    output: &e.output.value,
                    requires: e.required_modules(),
                }),
                Step::Predict(p) => jobs.push(Job::Predict {
                    at: at(),
                    code: &p.code,
                    answer: &p.answer.value,
                }),
                Step::Read(_) => {}
            }
        }
        for kata in topic.katas.iter().filter(|k| selection.kata(k)) {
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
            let made = mutants.get(&kata.id).map_or(&[][..], Vec::as_slice);
            for mutant in mutants::choose(made, mutants::PER_KATA) {
                jobs.push(Job::Mutant { kata, mutant });
            }
        }
    }
    jobs
}

/// Judges a solution that must pass. A loaded machine (verify runs jobs
/// side by side, CI runs tests side by side) can stretch correct code past
/// the kata's time limit: one that timed out gets a second run with twice
/// the time before it is called wrong, as a looping prediction does.
fn judge_with_second_chance(
    python: &Interpreter,
    kata: &Kata,
    text: &str,
) -> std::io::Result<crate::judge::Verdict> {
    let verdict = session::judge_source(python, kata, text, None)?;
    if verdict.status != Status::Timeout {
        return Ok(verdict);
    }
    let mut patient = kata.clone();
    patient.limits.wall_ms = kata.limits.wall_ms.saturating_mul(2);
    patient.limits.cpu_ms = kata.limits.cpu_ms.saturating_mul(2);
    session::judge_source(python, &patient, text, None)
}

/// What one job found: nothing, a skip note, or a problem.
enum Found {
    Fine,
    Skipped(String),
    Problem(Finding),
    /// A mutant of this kata (by id) and what became of it.
    Mutant(String, MutantFate),
}

enum MutantFate {
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

fn prove(course: &Course, python: &Interpreter, version: &PythonVersion, job: &Job<'_>) -> Found {
    let kata = match job {
        Job::Solution { kata, .. }
        | Job::Starter { kata }
        | Job::Mistake { kata, .. }
        | Job::Mutant { kata, .. } => Some(*kata),
        _ => None,
    };
    if let Some(kata) = kata {
        if let Err(why) = session::supported(kata, version) {
            return Found::Skipped(format!("{}: {why}", kata.id));
        }
    }
    match job {
        Job::Solution { kata, file, text } => {
            let subject = format!("{} ({file})", kata.id);
            match judge_with_second_chance(python, kata, text) {
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
            match session::judge_source(python, kata, &kata.starter.text, None) {
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
            match session::judge_source(python, kata, &m.sample.text, None) {
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
        } => {
            match session::missing_modules(python, requires) {
                Err(e) => return at_step(at, format!("could not run: {e}")),
                Ok(missing) if !missing.is_empty() => {
                    return Found::Skipped(format!(
                        "{}: needs {}, not installed for this Python",
                        at.subject,
                        missing.join(", ")
                    ))
                }
                Ok(_) => {}
            }
            match crate::runner::run_script(python, code, crate::runner::Limits::default().wall_ms)
            {
                Err(e) => at_step(at, format!("could not run: {e}")),
                Ok(run) => {
                    let shown = run.shown_output();
                    if normalize(&shown) == normalize(output) {
                        Found::Fine
                    } else {
                        at_step(
                            at,
                            format!(
                                "the example's stated `output:` differs from what Python printed:\n\
                                 (lines marked - are in `output:` only, + were printed by Python {} only)\n{}",
                                version,
                                crate::judge::diff::render(&normalize(output), &normalize(&shown))
                            ),
                        )
                    }
                }
            }
        }
        Job::Mutant { kata, mutant } => {
            let fate = match session::judge_source(python, kata, &mutant.source, None) {
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
        Job::Predict { at, code, answer } => {
            match crate::runner::run_script(python, code, script::PREDICT_WALL_MS) {
                Err(e) => at_step(at, format!("could not run: {e}")),
                Ok(run) => {
                    let mut truth = Truth::of(&run);
                    // A loaded machine can stretch a short snippet past the
                    // learner's limit: before calling a stated answer wrong
                    // for looping, give the snippet a longer second chance.
                    if truth == Truth::InfiniteLoop && !answer::is_correct(answer, &truth) {
                        if let Ok(again) = crate::runner::run_script(
                            python,
                            code,
                            script::PREDICT_WALL_MS * PREDICT_RETRY_FACTOR,
                        ) {
                            truth = Truth::of(&again);
                        }
                    }
                    if answer::is_correct(answer, &truth) {
                        Found::Fine
                    } else {
                        at_step(
                            at,
                            format!(
                                "the stated answer `{}` is wrong; a real run gives: {}",
                                answer.trim(),
                                truth.describe()
                            ),
                        )
                    }
                }
            }
        }
    }
}

/// A located course problem as `verify` reports it.
fn finding_of(p: crate::course::Problem) -> Finding {
    let problem = match &p.hint {
        Some(h) => format!("{}\nhelp: {h}", p.message),
        None => p.message.clone(),
    };
    Finding {
        subject: format!("{}:{}:{}", p.file, p.line, p.column),
        problem,
        file: Some(p.file),
        line: Some(p.line),
        column: Some(p.column),
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

/// Makes the mutants of the selected katas that run on this interpreter,
/// and reports every equivalence mark that no longer matches a mutant.
fn make_mutants(
    course: &Course,
    python: &Interpreter,
    version: &PythonVersion,
    selection: &Selection,
) -> (HashMap<String, Vec<Mutant>>, Vec<Finding>) {
    let katas: Vec<&Kata> = course
        .katas()
        .filter(|k| selection.kata(k) && session::supported(k, version).is_ok())
        .collect();
    let made = match mutants::make_all(python, &katas) {
        Ok(made) => made,
        Err(e) => {
            let problem = Finding {
                subject: "verify --mutants".into(),
                problem: format!("could not make mutants: {e}"),
                file: None,
                line: None,
                column: None,
            };
            return (HashMap::new(), vec![problem]);
        }
    };
    let stale = mutants::stale_marks(&katas, &made)
        .into_iter()
        .map(finding_of)
        .collect();
    (made, stale)
}

/// Proves the whole course with `workers` parallel runs of `python`, whose
/// version decides which katas are skipped; with `with_mutants`, runs the
/// solutions' mutants too.
pub fn verify_course(
    course: &Course,
    python: &Interpreter,
    version: &PythonVersion,
    workers: usize,
    selection: &Selection,
    with_mutants: bool,
) -> Summary {
    // Check code that does not compile would fail every run and be blamed
    // on the solutions: report it where it is written instead.
    let mut early: Vec<Finding> = match crate::syntax::problems(python, course) {
        Ok(found) => found.into_iter().map(finding_of).collect(),
        Err(e) => vec![Finding {
            subject: "verify".into(),
            problem: format!("the check code's syntax could not be checked: {e}"),
            file: None,
            line: None,
            column: None,
        }],
    };
    let (made, stale) = if with_mutants {
        make_mutants(course, python, version, selection)
    } else {
        (HashMap::new(), Vec::new())
    };
    early.extend(stale);
    let jobs = jobs(course, selection, &made);
    let next = AtomicUsize::new(0);
    let found: Mutex<Vec<(usize, Found)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let f = prove(course, python, version, job);
                found.lock().unwrap_or_else(|e| e.into_inner()).push((i, f));
            });
        }
    });
    let mut found = found.into_inner().unwrap_or_else(|e| e.into_inner());
    found.sort_by_key(|(i, _)| *i);
    let mut summary = Summary {
        runs: jobs.len(),
        problems: early,
        ..Summary::default()
    };
    if with_mutants {
        summary.mutation = course
            .katas()
            .filter(|k| made.contains_key(&k.id))
            .map(|k| KataScore {
                kata: k.id.clone(),
                topic: k.topic.clone(),
                ..KataScore::default()
            })
            .collect();
    }
    for (_, f) in found {
        match f {
            Found::Mutant(kata, fate) => {
                let Some(score) = summary.mutation.iter_mut().find(|s| s.kata == kata) else {
                    continue;
                };
                score.mutants += 1;
                match fate {
                    MutantFate::Killed => score.killed += 1,
                    MutantFate::Equivalent => score.equivalent += 1,
                    MutantFate::Survived(finding) => {
                        score.survived += 1;
                        summary.problems.push(finding);
                    }
                }
            }
            Found::Fine => {}
            Found::Skipped(s) => {
                // A skipped job never started an interpreter.
                summary.runs -= 1;
                if !summary.skipped.contains(&s) {
                    summary.skipped.push(s)
                }
            }
            Found::Problem(p) => summary.problems.push(p),
        }
    }
    for s in &mut summary.mutation {
        s.score = mutation_score(s.mutants, s.killed, s.equivalent);
    }
    summary
}

/// The course proved under one interpreter.
#[derive(Debug, Serialize)]
pub struct ByInterpreter {
    /// The interpreter's path.
    pub python: String,
    /// "3.11.7", or why it could not be asked.
    pub version: String,
    pub implementation: String,
    pub ok: bool,
    pub seconds: f64,
    #[serde(flatten)]
    pub summary: Summary,
}

impl ByInterpreter {
    fn label(&self) -> String {
        format!("Python {} ({})", self.version, self.implementation)
    }
}

/// Proves the course under each interpreter (with its version) in turn.
pub fn verify_under(
    course: &Course,
    interpreters: &[(Interpreter, PythonVersion)],
    workers: usize,
    selection: &Selection,
    with_mutants: bool,
) -> Vec<ByInterpreter> {
    interpreters
        .iter()
        .map(|(python, version)| {
            let started = Instant::now();
            let summary = verify_course(course, python, version, workers, selection, with_mutants);
            ByInterpreter {
                python: python.program.display().to_string(),
                version: version.to_string(),
                implementation: version.implementation.clone(),
                ok: summary.problems.is_empty(),
                seconds: started.elapsed().as_secs_f64(),
                summary,
            }
        })
        .collect()
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
    let workers = jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
    });
    let results = verify_under(&course, &interpreters, workers, &selection, options.mutants);
    let ok = results.iter().all(|r| r.ok);
    let code = if ok { exit::OK } else { exit::NOT_PASSING };
    let several = results.len() > 1;
    match format {
        ProblemFormat::Json => print_json(&results, ok),
        ProblemFormat::Github => print_github(&results, several),
        ProblemFormat::Human => print_human(&course, &results, workers),
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
