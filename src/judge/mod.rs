//! Turning a run into a verdict: the harness protocol's events, matchers,
//! literal equivalence, diffs, and predictions.

pub mod answer;
pub mod diff;
pub mod literal;
pub mod matchers;
pub mod verdict;

pub use verdict::{judge, CheckResult, MistakeHit, Status, Verdict};
