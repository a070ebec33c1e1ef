//! Proving a course against a real interpreter, for authors: every
//! reference and alternative solution passes, every starter fails, every
//! mistake sample fires its detector, and every stated output is true.
//!
//! This is the authors' side of the application layer, as `session` is the
//! learners': every run goes through `session`, under the limits a learner's
//! run gets, so what verify proves is what a learner will see. The faces
//! (`pykata verify`, `pykata lint`) only parse, call this and print.

mod jobs;
mod prove;
mod schedule;

use crate::course::{Course, Kata, Problem};
use crate::mutants::{self, Mutant};
use crate::runner::{Interpreter, PythonVersion};
use crate::session;
use prove::{Found, MutantFate};
use serde::Serialize;
use std::collections::HashMap;
use std::time::Instant;

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

/// How many runs go side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Workers {
    /// Runs that compute.
    pub computing: usize,
    /// Runs of katas whose runs mostly wait (see `schedule`), besides.
    pub waiting: usize,
}

impl Workers {
    /// One computing run per core, and as many waiting ones: the default.
    pub fn per_core() -> Workers {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Workers {
            computing: cores,
            waiting: cores,
        }
    }

    /// Exactly `n` runs at a time, whatever they do (`verify --jobs N`).
    pub fn exactly(n: usize) -> Workers {
        Workers {
            computing: n.max(1),
            waiting: 0,
        }
    }
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

/// A located course problem as `verify` reports it.
pub(crate) fn finding_of(p: crate::course::Problem) -> Finding {
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

/// Proves the whole course with `workers` side by side runs of `python`, whose
/// version decides which katas are skipped; with `with_mutants`, runs the
/// solutions' mutants too.
pub fn verify_course(
    course: &Course,
    python: &Interpreter,
    version: &PythonVersion,
    workers: Workers,
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
    let jobs = jobs::jobs(course, selection, &made);
    // A kata's runs are measured together: its checks wait or they do not.
    let found = schedule::run_all(
        &jobs,
        |job| job.kata().map(|k| k.id.clone()),
        workers,
        schedule::WAITING,
        |job| {
            let mut cost = schedule::Cost::none_yet();
            let found = prove::prove(course, python, version, job, &mut cost);
            (found, cost)
        },
    );
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
    for f in found {
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
    /// "Python 3.11.7 (CPython)", naming a run for a person.
    pub fn label(&self) -> String {
        format!("Python {} ({})", self.version, self.implementation)
    }
}

/// Proves the course under each interpreter (with its version) in turn.
pub fn verify_under(
    course: &Course,
    interpreters: &[(Interpreter, PythonVersion)],
    workers: Workers,
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

/// What lint asks the interpreter, which only parses: check code that does
/// not compile, patterns `re` refuses, equivalence marks that match no mutant.
pub fn parse_problems(python: &Interpreter, course: &Course) -> Result<Vec<Problem>, String> {
    let mut problems = crate::syntax::problems(python, course)?;
    let version = python.probe_version()?;
    let katas: Vec<&Kata> = course
        .katas()
        .filter(|k| !k.equivalent_mutants.is_empty() && session::supported(k, &version).is_ok())
        .collect();
    if !katas.is_empty() {
        let made = mutants::make_all(python, &katas)?;
        problems.extend(mutants::stale_marks(&katas, &made));
    }
    Ok(problems)
}
