//! Turning a run into a verdict: the harness protocol's events, matchers,
//! diffs, and predictions (compared by the rules in `answers`).

pub mod answer;
pub mod diff;
pub mod matchers;
pub mod verdict;

pub use verdict::{judge, CheckResult, MistakeHit, Status, Verdict};
