//! A class's report: learners' reports merged kata by kata, to show where
//! people got stuck.

use super::learner::{KataReport, LearnerReport};
use crate::progress::KataState;
use serde::Serialize;
use std::collections::BTreeMap;

/// One kata across the class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassKata {
    pub id: String,
    pub topic: String,
    pub title: String,
    /// Learners whose report lists the kata.
    pub learners: u32,
    pub done: u32,
    /// Started and not done: where people got stuck.
    pub stuck: u32,
    pub not_started: u32,
    /// Over learners who ran the checks at least once.
    pub median_attempts: Option<f64>,
    pub max_attempts: u32,
    pub hints_used: u32,
    pub learners_using_hints: u32,
    /// Over learners who are done.
    pub median_seconds_to_pass: Option<u64>,
    pub stuck_learners: Vec<String>,
}

/// One predict step across the class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassPrediction {
    pub key: String,
    pub answered: u32,
    pub right_first_time: u32,
    pub wrong_answers: u32,
}

/// One learner's state and attempts on one kata; `None` if their report
/// does not list it.
pub type GridCell = Option<(KataState, u32)>;

/// A room's reports merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassReport {
    pub learners: Vec<String>,
    pub courses: Vec<String>,
    pub katas: Vec<ClassKata>,
    pub predictions: Vec<ClassPrediction>,
    /// Per learner, per kata (in `katas` order): state and attempts.
    pub grid: Vec<(String, Vec<GridCell>)>,
}

impl ClassReport {
    /// Merges learners' reports. Katas and predictions keep the order of
    /// the first report that lists them; learners with the same name are
    /// told apart by a number.
    pub fn merge(reports: &[LearnerReport]) -> ClassReport {
        let mut learners: Vec<String> = Vec::new();
        for r in reports {
            let mut name = r.learner.clone();
            let mut n = 2;
            while learners.contains(&name) {
                name = format!("{} ({n})", r.learner);
                n += 1;
            }
            learners.push(name);
        }
        let mut courses: Vec<String> = Vec::new();
        for r in reports {
            if !courses.contains(&r.course) {
                courses.push(r.course.clone());
            }
        }
        // Kata order: first seen.
        let mut order: Vec<(String, String, String)> = Vec::new();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        for r in reports {
            for k in &r.katas {
                if !index.contains_key(&k.id) {
                    index.insert(k.id.clone(), order.len());
                    order.push((k.id.clone(), k.topic.clone(), k.title.clone()));
                }
            }
        }
        let mut katas = Vec::new();
        for (id, topic, title) in &order {
            let entries: Vec<(&String, &KataReport)> = reports
                .iter()
                .zip(&learners)
                .filter_map(|(r, name)| r.katas.iter().find(|k| &k.id == id).map(|k| (name, k)))
                .collect();
            let count = |s: KataState| entries.iter().filter(|(_, k)| k.state == s).count() as u32;
            let mut attempts: Vec<f64> = entries
                .iter()
                .filter(|(_, k)| k.attempts > 0)
                .map(|(_, k)| f64::from(k.attempts))
                .collect();
            let mut times: Vec<f64> = entries
                .iter()
                .filter(|(_, k)| k.state == KataState::Done)
                .filter_map(|(_, k)| k.seconds.map(|s| s as f64))
                .collect();
            katas.push(ClassKata {
                id: id.clone(),
                topic: topic.clone(),
                title: title.clone(),
                learners: entries.len() as u32,
                done: count(KataState::Done),
                stuck: count(KataState::Started),
                not_started: count(KataState::New),
                median_attempts: median(&mut attempts),
                max_attempts: entries.iter().map(|(_, k)| k.attempts).max().unwrap_or(0),
                hints_used: entries
                    .iter()
                    .fold(0u32, |n, (_, k)| n.saturating_add(k.hints_used)),
                learners_using_hints: entries.iter().filter(|(_, k)| k.hints_used > 0).count()
                    as u32,
                median_seconds_to_pass: median(&mut times).map(|m| m.round() as u64),
                stuck_learners: entries
                    .iter()
                    .filter(|(_, k)| k.state == KataState::Started)
                    .map(|(name, _)| (*name).clone())
                    .collect(),
            });
        }
        let mut predictions: Vec<ClassPrediction> = Vec::new();
        for r in reports {
            for p in &r.predictions {
                let at = match predictions.iter().position(|c| c.key == p.key) {
                    Some(at) => at,
                    None => {
                        predictions.push(ClassPrediction {
                            key: p.key.clone(),
                            answered: 0,
                            right_first_time: 0,
                            wrong_answers: 0,
                        });
                        predictions.len() - 1
                    }
                };
                let c = &mut predictions[at];
                c.answered += u32::from(p.attempts > 0);
                c.right_first_time += u32::from(p.right_first_time);
                c.wrong_answers = c.wrong_answers.saturating_add(p.wrong_answers);
            }
        }
        let grid = reports
            .iter()
            .zip(&learners)
            .map(|(r, name)| {
                let row = order
                    .iter()
                    .map(|(id, _, _)| {
                        r.katas
                            .iter()
                            .find(|k| &k.id == id)
                            .map(|k| (k.state.clone(), k.attempts))
                    })
                    .collect();
                (name.clone(), row)
            })
            .collect();
        ClassReport {
            learners,
            courses,
            katas,
            predictions,
            grid,
        }
    }

    /// The katas where most people are stuck, most first (ties: more
    /// attempts first); katas nobody is stuck on are left out.
    pub fn stuck_ranking(&self) -> Vec<&ClassKata> {
        let mut stuck: Vec<&ClassKata> = self.katas.iter().filter(|k| k.stuck > 0).collect();
        stuck.sort_by(|a, b| {
            b.stuck
                .cmp(&a.stuck)
                .then(b.max_attempts.cmp(&a.max_attempts))
        });
        stuck
    }
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_data::{kata, report};
    use super::*;

    #[test]
    fn merging_counts_done_and_stuck_and_names_the_stuck() {
        let a = report(
            "ada",
            vec![
                kata("x", KataState::Done, 3, Some(120)),
                kata("y", KataState::Started, 9, Some(600)),
            ],
        );
        let b = report(
            "bob",
            vec![
                kata("x", KataState::Done, 1, Some(60)),
                kata("y", KataState::New, 0, None),
            ],
        );
        let c = report(
            "ada",
            vec![
                kata("x", KataState::Started, 4, Some(60)),
                kata("y", KataState::Started, 2, None),
            ],
        );
        let class = ClassReport::merge(&[a, b, c]);
        assert_eq!(class.learners, vec!["ada", "bob", "ada (2)"]);
        let x = &class.katas[0];
        assert_eq!((x.done, x.stuck, x.not_started), (2, 1, 0));
        assert_eq!(x.median_attempts, Some(3.0));
        assert_eq!(x.median_seconds_to_pass, Some(90));
        let y = &class.katas[1];
        assert_eq!(y.stuck_learners, vec!["ada", "ada (2)"]);
        assert_eq!(class.stuck_ranking()[0].id, "y");
        let csv = class.csv();
        assert!(
            csv.contains("\r\nt,y,Kata y,3,0,2,1,5.5,9,0,0,,ada; ada (2)\r\n"),
            "{csv}"
        );
    }
}
