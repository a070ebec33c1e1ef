//! Expected against actual, as a line diff a learner can read.

use similar::{ChangeTag, TextDiff};

/// One line of a diff: `-` expected only, `+` actual only, ` ` both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    pub tag: char,
    pub text: String,
}

/// The line diff from `expected` to `actual`.
pub fn lines(expected: &str, actual: &str) -> Vec<DiffLine> {
    // A missing final newline is not a difference worth showing.
    let with_newline = |s: &str| {
        if s.is_empty() || s.ends_with('\n') {
            s.to_string()
        } else {
            format!("{s}\n")
        }
    };
    let (expected, actual) = (with_newline(expected), with_newline(actual));
    TextDiff::from_lines(&expected, &actual)
        .iter_all_changes()
        .map(|change| DiffLine {
            tag: match change.tag() {
                ChangeTag::Delete => '-',
                ChangeTag::Insert => '+',
                ChangeTag::Equal => ' ',
            },
            // Shown in a terminal: the learner's escape sequences escaped.
            text: crate::sanitize::escape_controls(change.value().trim_end_matches('\n')),
        })
        .collect()
}

/// The diff as text, one `-`/`+`/` ` prefixed line each.
pub fn render(expected: &str, actual: &str) -> String {
    lines(expected, actual)
        .iter()
        .map(|l| format!("{} {}\n", l.tag, l.text))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn marks_what_differs() {
        let d = super::render("['v1']\n['v1']\n", "['v1']\n['v1', 'v1']\n");
        assert_eq!(d, "  ['v1']\n- ['v1']\n+ ['v1', 'v1']\n");
        assert_eq!(super::render("a\nb", "a\nb\n"), "  a\n  b\n");
    }
}
