//! What proving a course runs: one job per solution, starter, mistake
//! sample, lesson example, predict step and mutant.

use super::Selection;
use crate::course::{Course, Kata, Step};
use crate::mutants::{self, Mutant};
use std::collections::HashMap;

/// Where a lesson step is written.
#[derive(Debug, Clone)]
pub(super) struct At {
    pub(super) subject: String,
    pub(super) file: String,
    pub(super) line: u64,
    pub(super) column: u64,
}

/// One thing to prove.
#[derive(Debug, Clone)]
pub(super) enum Job<'c> {
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

impl<'c> Job<'c> {
    /// The kata the job runs, if it is one of a kata's files.
    pub(super) fn kata(&self) -> Option<&'c Kata> {
        match self {
            Job::Solution { kata, .. }
            | Job::Starter { kata }
            | Job::Mistake { kata, .. }
            | Job::Mutant { kata, .. } => Some(*kata),
            Job::Example { .. } | Job::Predict { .. } => None,
        }
    }
}

pub(super) fn jobs<'c>(
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
