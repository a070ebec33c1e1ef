//! Reports of progress: one learner's (JSON and Markdown, from their
//! progress file and the course), and a class's, merged from the learners'
//! JSON reports into one table (Markdown and CSV) that shows where people
//! got stuck.
//!
//! A learner's report lists every kata and predict step of the course, in
//! course order, touched or not, so merged reports line up and a kata
//! nobody reached still shows.
//!
//! One module per job: the learner's report (`learner`), the class's merge
//! (`class`), their Markdown (`markdown`) and CSV (`csv`) forms, and times
//! as people read them (`time`).

mod class;
mod csv;
mod learner;
mod markdown;
mod time;

pub use class::{ClassKata, ClassPrediction, ClassReport, GridCell};
pub use learner::{
    KataReport, LearnerReport, PredictionReport, Totals, REPORT_FORMAT, REPORT_KIND,
};
pub use time::{duration, utc};

/// A median or other count as a table shows it: whole numbers without a
/// decimal point, others with one.
fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

#[cfg(test)]
mod test_data {
    //! Reports made by hand, for the tests of merging and of each form.
    use super::{KataReport, LearnerReport, Totals, REPORT_FORMAT, REPORT_KIND};
    use crate::progress::KataState;

    pub fn kata(id: &str, state: KataState, attempts: u32, seconds: Option<u64>) -> KataReport {
        KataReport {
            id: id.into(),
            topic: "t".into(),
            title: format!("Kata {id}"),
            state,
            attempts,
            hints_used: 0,
            hints_available: 2,
            last_status: None,
            first_attempt_at: None,
            done_at: None,
            seconds,
        }
    }

    pub fn report(name: &str, katas: Vec<KataReport>) -> LearnerReport {
        LearnerReport {
            kind: REPORT_KIND.into(),
            format: REPORT_FORMAT,
            learner: name.into(),
            course: "C".into(),
            generated_at: 0,
            katas,
            predictions: vec![],
            totals: Totals::default(),
        }
    }
}
