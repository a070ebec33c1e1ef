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
    TextDiff::from_lines(expected, actual)
        .iter_all_changes()
        .map(|change| DiffLine {
            tag: match change.tag() {
                ChangeTag::Delete => '-',
                ChangeTag::Insert => '+',
                ChangeTag::Equal => ' ',
            },
            text: change.value().trim_end_matches('\n').to_string(),
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
    }
}
