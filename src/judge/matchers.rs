//! Comparing what a program printed with what a check expects.

pub use crate::answers::{literal_lines_match, normalize};
use crate::course::check::LinesMatch;
use crate::course::MatchMode;

/// Whether `actual` satisfies `expected` under `mode`.
pub fn output_matches(mode: MatchMode, expected: &str, actual: &str) -> bool {
    match mode {
        MatchMode::Exact => expected == actual,
        MatchMode::Normalized => normalize(expected) == normalize(actual),
        MatchMode::Contains => actual.contains(expected.trim_end_matches('\n')),
        MatchMode::Regex => {
            let pattern = format!("^(?:{})$", expected.trim_end_matches('\n'));
            regex::RegexBuilder::new(&pattern)
                .dot_matches_new_line(false)
                .multi_line(false)
                .build()
                .is_ok_and(|re| re.is_match(actual.trim_end_matches('\n')))
        }
        MatchMode::Literal => literal_lines_match(expected, actual),
    }
}

/// Where an ordered list of lines went wrong in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderProblem {
    /// The expected line never appears.
    Missing { index: usize, line: String },
    /// It appears, but only before the line that should precede it.
    OutOfPlace {
        index: usize,
        line: String,
        after: String,
    },
    /// The output has a line the stated trace does not (with `only`).
    Extra { position: usize, line: String },
}

impl OrderProblem {
    pub fn describe(&self) -> String {
        match self {
            OrderProblem::Missing { index, line } => {
                format!("line {} of the expected order, `{line}`, never appears", index + 1)
            }
            OrderProblem::OutOfPlace { index, line, after } => format!(
                "line {} of the expected order, `{line}`, is out of place: it should come after `{after}`",
                index + 1
            ),
            OrderProblem::Extra { position, line } => format!(
                "line {position} of the output, `{line}`, is not part of the expected trace; nothing else may be printed"
            ),
        }
    }
}

/// Checks that `expected` lines appear in this order among the output's
/// lines; with `only`, no other non-blank line may appear before, between or
/// after them. Names the first line out of place.
pub fn lines_in_order(
    expected: &[String],
    actual: &str,
    mode: LinesMatch,
    only: bool,
) -> Result<(), OrderProblem> {
    // `exact` compares each line as printed; `normalized` and `regex` see it
    // without the spaces around it.
    let out: Vec<&str> = actual
        .lines()
        .map(|l| match mode {
            LinesMatch::Exact => l,
            LinesMatch::Normalized | LinesMatch::Regex => l.trim(),
        })
        .collect();
    let matcher = |want: &str, got: &str| -> bool {
        match mode {
            LinesMatch::Regex => {
                regex::Regex::new(&format!("^(?:{want})$")).is_ok_and(|re| re.is_match(got))
            }
            LinesMatch::Exact => want == got,
            LinesMatch::Normalized => want.trim() == got,
        }
    };
    let mut pos = 0;
    // Where each expected line was found, to name an extra line with `only`.
    let mut matched = Vec::with_capacity(expected.len());
    for (index, want) in expected.iter().enumerate() {
        match out[pos..].iter().position(|got| matcher(want, got)) {
            Some(found) => {
                matched.push(pos + found);
                pos += found + 1;
            }
            None => {
                let anywhere = out.iter().any(|got| matcher(want, got));
                return Err(if anywhere && index > 0 {
                    OrderProblem::OutOfPlace {
                        index,
                        line: want.clone(),
                        after: expected[index - 1].clone(),
                    }
                } else {
                    OrderProblem::Missing {
                        index,
                        line: want.clone(),
                    }
                });
            }
        }
    }
    if only {
        let extra = out
            .iter()
            .enumerate()
            .find(|(i, got)| !got.trim().is_empty() && !matched.contains(i));
        if let Some((i, got)) = extra {
            return Err(OrderProblem::Extra {
                position: i + 1,
                line: got.to_string(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lines_modes_mean_what_they_say() {
        let want = lines(&["  step 1"]);
        let printed = "  step 1\n";
        assert!(lines_in_order(&want, printed, LinesMatch::Exact, false).is_ok());
        assert!(lines_in_order(&lines(&["step 1"]), printed, LinesMatch::Exact, false).is_err());
        assert!(
            lines_in_order(&lines(&["step 1"]), printed, LinesMatch::Normalized, false).is_ok()
        );
        assert!(lines_in_order(&lines(&[r"step \d"]), printed, LinesMatch::Regex, false).is_ok());
    }

    #[test]
    fn modes() {
        assert!(output_matches(
            MatchMode::Normalized,
            "a\nb\n",
            "a  \nb\n\n"
        ));
        assert!(!output_matches(MatchMode::Exact, "a\n", "a"));
        assert!(output_matches(
            MatchMode::Regex,
            r"took \d+ ms",
            "took 12 ms\n"
        ));
        assert!(!output_matches(
            MatchMode::Regex,
            r"took \d+ ms",
            "it took 12 ms"
        ));
        assert!(output_matches(MatchMode::Contains, "f1", "loss\nf1\n"));
        assert!(output_matches(
            MatchMode::Literal,
            "['v1']\n['v1']",
            "[\"v1\"]\n['v1']\n"
        ));
        assert!(!output_matches(
            MatchMode::Literal,
            "['v1']\n['v1']",
            "['v1']\n['v1', 'v1']"
        ));
    }

    #[test]
    fn order_names_the_first_line_out_of_place() {
        let want = lines(&["auth: enter", "timer: enter", "body"]);
        assert!(lines_in_order(
            &want,
            "auth: enter\nx\ntimer: enter\nbody\n",
            LinesMatch::Normalized,
            false
        )
        .is_ok());
        let err = lines_in_order(
            &want,
            "timer: enter\nauth: enter\nbody\n",
            LinesMatch::Normalized,
            false,
        )
        .unwrap_err();
        assert_eq!(
            err,
            OrderProblem::OutOfPlace {
                index: 1,
                line: "timer: enter".into(),
                after: "auth: enter".into()
            }
        );
        let err = lines_in_order(&want, "auth: enter\nbody\n", LinesMatch::Normalized, false)
            .unwrap_err();
        assert!(matches!(err, OrderProblem::Missing { index: 1, .. }));
    }

    #[test]
    fn only_refuses_a_line_the_trace_does_not_have() {
        let want = lines(&["auth: enter", "body"]);
        let extra = "auth: enter\nlog: enter\nbody\n";
        assert!(lines_in_order(&want, extra, LinesMatch::Normalized, false).is_ok());
        assert_eq!(
            lines_in_order(&want, extra, LinesMatch::Normalized, true).unwrap_err(),
            OrderProblem::Extra {
                position: 2,
                line: "log: enter".into()
            }
        );
        let trailing = "auth: enter\nbody\nlog: exit\n";
        assert!(matches!(
            lines_in_order(&want, trailing, LinesMatch::Normalized, true),
            Err(OrderProblem::Extra { position: 3, .. })
        ));
        assert!(lines_in_order(
            &want,
            "\nauth: enter\n\nbody\n\n",
            LinesMatch::Normalized,
            true
        )
        .is_ok());
    }
}
