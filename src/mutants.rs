//! Mutation testing for courses: the kata's own solutions, rewritten the way
//! learners get them wrong, must fail its checks. A mutant that passes every
//! check "survives" and shows a wrong answer the checks would accept (or, if
//! the author judges it correct code, is marked equivalent in the YAML).
//!
//! The rewriting is done by assets/mutate.py through the course's own
//! interpreter, since Python's `ast` module is the one parser that agrees
//! with every version the course runs on; the script only parses the files.

use crate::course::{EquivalentMark, Kata, Problem};
use crate::runner::Interpreter;
use serde::Deserialize;
use std::collections::HashMap;
use std::time::Duration;

/// The mutant maker, shipped in the binary.
pub const SCRIPT: &str = include_str!("../assets/mutate.py");

/// At most this many mutants run per kata, chosen across operators, so the
/// built-in course's mutation run stays within minutes on two cores.
pub const PER_KATA: usize = 30;

/// How long making the mutants of a whole course may take.
const MAKE_WAIT: Duration = Duration::from_secs(60);

/// One rewritten solution file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Mutant {
    /// The solution or alternative it was made from, relative to katas/.
    pub file: String,
    /// The operator's name (one of `course::MUTANT_OPERATORS`).
    pub operator: String,
    /// The first line of `file` the rewrite changes.
    pub line: u32,
    /// The whole rewritten file.
    pub source: String,
}

impl Mutant {
    /// Whether the author marked this mutant as correct code.
    pub fn marked_by<'k>(&self, marks: &'k [EquivalentMark]) -> Option<&'k EquivalentMark> {
        marks
            .iter()
            .find(|m| m.file == self.file && m.operator == self.operator && m.line == self.line)
    }

    /// The change as a small unified diff against `original`.
    pub fn diff(&self, original: &str) -> String {
        let diff = similar::TextDiff::from_lines(original, &self.source);
        let mut out = String::new();
        for hunk in diff.unified_diff().context_radius(1).iter_hunks() {
            out.push_str(&hunk.to_string());
        }
        out.trim_end().to_string()
    }
}

#[derive(Deserialize)]
struct Reply {
    mutants: Vec<Made>,
}

/// What the script says of one file: a mutant, or why it made none.
#[derive(Deserialize)]
#[serde(untagged)]
enum Made {
    Mutant(Mutant),
    Error { file: String, error: String },
}

/// The mutants of every solution and alternative of `katas`, all of them,
/// by kata id. One interpreter start for the lot.
pub fn make_all(
    python: &Interpreter,
    katas: &[&Kata],
) -> Result<HashMap<String, Vec<Mutant>>, String> {
    let mut owner = HashMap::new();
    let mut files = Vec::new();
    for kata in katas {
        for f in std::iter::once(&kata.solution).chain(&kata.alternatives) {
            owner.insert(f.path.clone(), kata.id.clone());
            files.push(serde_json::json!({ "name": f.path, "source": f.text }));
        }
    }
    let out = crate::syntax::ask_script(
        python,
        "_pykata_mutate.py",
        SCRIPT,
        &serde_json::json!({ "files": files }),
        MAKE_WAIT,
    )?;
    let reply: Reply = serde_json::from_slice(&out).map_err(|e| {
        format!(
            "the mutant maker gave no answer ({e}); is {} Python 3.10 or newer?",
            python.program.display()
        )
    })?;
    let mut by_kata: HashMap<String, Vec<Mutant>> = HashMap::new();
    for made in reply.mutants {
        match made {
            Made::Mutant(m) => {
                if let Some(kata) = owner.get(&m.file) {
                    by_kata.entry(kata.clone()).or_default().push(m);
                }
            }
            Made::Error { file, error } => return Err(format!("katas/{file}: {error}")),
        }
    }
    Ok(by_kata)
}

/// The equivalence marks of `katas` that match none of their mutants in
/// `made` (the file changed under them), located where they are written.
pub fn stale_marks(katas: &[&Kata], made: &HashMap<String, Vec<Mutant>>) -> Vec<Problem> {
    let mut stale = Vec::new();
    for kata in katas {
        let all = made.get(&kata.id).map_or(&[][..], Vec::as_slice);
        for mark in &kata.equivalent_mutants {
            if !all
                .iter()
                .any(|m| m.marked_by(std::slice::from_ref(mark)).is_some())
            {
                let crate::course::Location { file, line, column } = mark.origin.clone();
                stale.push(
                    Problem::new(
                        file,
                        line,
                        column,
                        format!(
                            "kata `{}`: no `{}` mutant of {} starts at line {} any more",
                            kata.id, mark.operator, mark.file, mark.line
                        ),
                    )
                    .with_hint(
                        "the file changed under the mark: remove it, or move it to the line `verify --mutants` names",
                    ),
                );
            }
        }
    }
    stale
}

/// Up to `limit` of `all`, taken in turn from each operator (in the order
/// operators first appear), so every kind of mistake gets its say. The same
/// files always give the same choice.
pub fn choose(all: &[Mutant], limit: usize) -> Vec<&Mutant> {
    let mut operators: Vec<&str> = Vec::new();
    for m in all {
        if !operators.contains(&m.operator.as_str()) {
            operators.push(&m.operator);
        }
    }
    let mut queues: Vec<std::collections::VecDeque<&Mutant>> = operators
        .iter()
        .map(|op| all.iter().filter(|m| m.operator == *op).collect())
        .collect();
    let mut chosen = Vec::new();
    while chosen.len() < limit && queues.iter().any(|q| !q.is_empty()) {
        for q in &mut queues {
            if chosen.len() == limit {
                break;
            }
            if let Some(m) = q.pop_front() {
                chosen.push(m);
            }
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mutant(operator: &str, line: u32) -> Mutant {
        Mutant {
            file: "t/a.solution.py".into(),
            operator: operator.into(),
            line,
            source: String::new(),
        }
    }

    #[test]
    fn choice_takes_every_operator_in_turn() {
        let all = vec![
            mutant("drop-statement", 1),
            mutant("drop-statement", 2),
            mutant("drop-statement", 3),
            mutant("boundary", 4),
            mutant("drop-wraps", 5),
        ];
        let chosen: Vec<(&str, u32)> = choose(&all, 4)
            .iter()
            .map(|m| (m.operator.as_str(), m.line))
            .collect();
        assert_eq!(
            chosen,
            vec![
                ("drop-statement", 1),
                ("boundary", 4),
                ("drop-wraps", 5),
                ("drop-statement", 2)
            ]
        );
        assert_eq!(choose(&all, 10).len(), 5);
    }

    #[test]
    fn a_mark_matches_file_operator_and_line() {
        let m = mutant("boundary", 4);
        let mark = |line| EquivalentMark {
            file: "t/a.solution.py".into(),
            operator: "boundary".into(),
            line,
            reason: "r".into(),
            origin: crate::course::Location::default(),
        };
        assert!(m.marked_by(&[mark(4)]).is_some());
        assert!(m.marked_by(&[mark(5)]).is_none());
    }

    #[test]
    fn the_script_and_the_course_format_name_the_same_operators() {
        // Lint checks marks against the Rust list without running Python;
        // the script is what makes the mutants. They must agree.
        let start = SCRIPT
            .find("OPERATORS = [")
            .expect("the script lists its operators");
        let end = start + SCRIPT[start..].find(']').expect("the list ends");
        let in_script: Vec<&str> = SCRIPT[start..end]
            .lines()
            .skip(1)
            .map(|l| l.trim().trim_end_matches(',').trim_matches('"'))
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(in_script, crate::course::MUTANT_OPERATORS);
    }

    #[test]
    fn the_diff_shows_only_the_change() {
        let mut m = mutant("boundary", 2);
        m.source = "a = 1\nif a <= 2:\n    pass\nb = 2\nc = 3\n".into();
        let d = m.diff("a = 1\nif a < 2:\n    pass\nb = 2\nc = 3\n");
        assert!(d.contains("-if a < 2:\n+if a <= 2:"), "{d}");
        assert!(!d.contains("c = 3"), "{d}");
    }
}
