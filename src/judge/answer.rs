//! Matching a learner's prediction with what the code really did.

use crate::answers::{literal_lines_match, normalize};
pub use crate::answers::{same_answer, special, Special};
use crate::runner::ScriptRun;

/// The true answer of a run, in the same terms as a prediction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Truth {
    Output(String),
    Error { kind: String, line: String },
    Nothing,
    InfiniteLoop,
}

impl Truth {
    pub fn of(run: &ScriptRun) -> Truth {
        if run.timed_out() {
            return Truth::InfiniteLoop;
        }
        if let Some(line) = &run.exception {
            let kind = line.split(':').next().unwrap_or("").trim().to_string();
            return Truth::Error {
                kind,
                line: line.clone(),
            };
        }
        let out = run.process.stdout.display();
        if normalize(&out).is_empty() {
            Truth::Nothing
        } else {
            Truth::Output(out)
        }
    }

    /// How to show the true answer to a learner.
    pub fn describe(&self) -> String {
        match self {
            Truth::Output(out) => normalize(out),
            Truth::Error { line, .. } => format!("Error ({line})"),
            Truth::Nothing => "Nothing (it prints nothing)".into(),
            Truth::InfiniteLoop => "Infinite loop (it never finishes)".into(),
        }
    }
}

/// Whether a prediction matches the true answer.
pub fn is_correct(prediction: &str, truth: &Truth) -> bool {
    match (special(prediction), truth) {
        (Some(Special::Nothing), Truth::Nothing) => true,
        (Some(Special::InfiniteLoop), Truth::InfiniteLoop) => true,
        (Some(Special::Error(None)), Truth::Error { .. }) => true,
        (Some(Special::Error(Some(name))), Truth::Error { kind, line }) => {
            names_error(&name, kind, line)
        }
        (Some(_), _) => false,
        (None, Truth::Output(out)) => literal_lines_match(prediction, out),
        (None, Truth::Error { kind, line }) => names_error(prediction, kind, line),
        (None, _) => false,
    }
}

/// Whether a learner's answer names the exception that was raised: its
/// type (`StopIteration`, or the last part of a dotted name as in
/// `json.decoder.JSONDecodeError`) or its whole line, in any case. Every
/// way of naming it is then accepted alike: `error`, `StopIteration`,
/// `Error: StopIteration` and `error: stopiteration`.
fn names_error(answer: &str, kind: &str, line: &str) -> bool {
    let answer = answer.trim();
    let short = kind.rsplit('.').next().unwrap_or(kind);
    [kind, short, line.trim()]
        .iter()
        .any(|name| !name.is_empty() && answer.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_case_insensitive() {
        assert_eq!(special("ERROR"), Some(Special::Error(None)));
        assert_eq!(special(" nothing "), Some(Special::Nothing));
        assert_eq!(special("Infinite Loop"), Some(Special::InfiniteLoop));
        assert_eq!(
            special("Error: ValueError"),
            Some(Special::Error(Some("ValueError".into())))
        );
        assert_eq!(special("f1"), None);
    }

    #[test]
    fn outputs_match_as_literals() {
        let truth = Truth::Output("['v1', 'v1']\n".into());
        assert!(is_correct(r#"["v1","v1"]"#, &truth));
        assert!(!is_correct("['v1']", &truth));
        assert!(!is_correct("Error", &truth));
        let err = Truth::Error {
            kind: "TypeError".into(),
            line: "TypeError: boom".into(),
        };
        assert!(is_correct("error", &err));
        assert!(is_correct("Error: TypeError", &err));
        assert!(!is_correct("Error: ValueError", &err));
        assert!(is_correct("TypeError", &err));
    }

    #[test]
    fn every_way_of_naming_the_error_is_accepted() {
        // `next(iter([]))`: the line is the bare type.
        let stop = Truth::Error {
            kind: "StopIteration".into(),
            line: "StopIteration".into(),
        };
        for answer in [
            "error",
            "Error",
            "StopIteration",
            "stopiteration",
            "error: stopiteration",
            "Error: StopIteration",
            "ERROR:StopIteration",
        ] {
            assert!(is_correct(answer, &stop), "{answer}");
        }
        for answer in ["Error: ValueError", "ValueError", "Stop", "error: "] {
            assert!(!is_correct(answer, &stop), "{answer}");
        }
        let dotted = Truth::Error {
            kind: "json.decoder.JSONDecodeError".into(),
            line: "json.decoder.JSONDecodeError: Expecting value".into(),
        };
        assert!(is_correct("Error: JSONDecodeError", &dotted));
        assert!(is_correct("json.decoder.JSONDecodeError", &dotted));
        assert!(is_correct(
            "json.decoder.JSONDecodeError: Expecting value",
            &dotted
        ));
        assert!(same_answer("Error: StopIteration", "error: stopiteration"));
        assert!(!same_answer("Error: StopIteration", "Error: ValueError"));
    }

    #[test]
    fn outputs_match_line_by_line_and_token_by_token() {
        let truth = Truth::Output("[0.9, 0.5, 0.2] 4\ndone\n".into());
        assert!(is_correct("[0.9,0.5,0.2] 4\ndone", &truth));
        assert!(!is_correct("[0.9,0.5,0.2] 4", &truth));
        assert!(!is_correct("[0.9,0.5] 4\ndone", &truth));
    }
}
