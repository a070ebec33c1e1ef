//! How pykata compares what people write: a learner's prediction, an
//! author's answer and choices, and printed output read as Python literals
//! (`["v1","v1"]` is `['v1', 'v1']`). It depends on nothing else in pykata,
//! so the course loader (an answer must be one of the choices) and the
//! judge use the same rules without importing each other.

pub mod literal;

/// Trailing spaces on each line and blank lines at the end removed.
pub fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines[..end].join("\n")
}

/// Line by line, and in each line token by token: literals equal as Python
/// literals, the text between them equal as written (see
/// `literal::line_equivalent`).
pub fn literal_lines_match(expected: &str, actual: &str) -> bool {
    let e = normalize(expected);
    let a = normalize(actual);
    let el: Vec<&str> = e.lines().collect();
    let al: Vec<&str> = a.lines().collect();
    el.len() == al.len()
        && el
            .iter()
            .zip(&al)
            .all(|(x, y)| literal::line_equivalent(x, y))
}

/// The three answers that are not output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Special {
    /// An uncaught exception, optionally of a named type.
    Error(Option<String>),
    Nothing,
    InfiniteLoop,
}

pub fn special(answer: &str) -> Option<Special> {
    let a = answer.trim();
    let lower = a.to_ascii_lowercase();
    match lower.as_str() {
        "nothing" => return Some(Special::Nothing),
        "infinite loop" | "infinite-loop" | "loops forever" => return Some(Special::InfiniteLoop),
        "error" | "an error" | "exception" => return Some(Special::Error(None)),
        _ => {}
    }
    if let Some(rest) = lower.strip_prefix("error:") {
        let name = a[a.len() - rest.len()..].trim();
        return Some(Special::Error(Some(name.to_string())));
    }
    None
}

/// Two named errors are the same, in any case (`Error: stopiteration` is
/// `Error: StopIteration`).
fn same_error(a: &Special, b: &Special) -> bool {
    match (a, b) {
        (Special::Error(Some(x)), Special::Error(Some(y))) => x.eq_ignore_ascii_case(y),
        _ => a == b,
    }
}

/// Two answers written by people (an author's answer and a choice) are the
/// same: both special and equal, or the same output.
pub fn same_answer(a: &str, b: &str) -> bool {
    match (special(a), special(b)) {
        (Some(x), Some(y)) => same_error(&x, &y),
        (None, None) => literal_lines_match(a, b),
        _ => false,
    }
}
