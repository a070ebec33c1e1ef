//! A located problem in a course file, written for the author who must fix it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file as the author would open it.
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: u64,
    pub column: u64,
    /// What is wrong.
    pub message: String,
    /// What would fix it, including any "did you mean".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(
        file: impl Into<String>,
        line: u64,
        column: u64,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.into(),
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )?;
        } else {
            write!(f, "{}: {}", self.file, self.message)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

/// The longest word or candidate compared for a suggestion, in characters.
/// Comparing costs the product of the two lengths; no name an author
/// misspells is longer.
const MAX_COMPARED: usize = 256;

/// The closest of `candidates` to `word`, if it is close enough to be a
/// plausible typo.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let length = word.chars().take(MAX_COMPARED + 1).count();
    if length > MAX_COMPARED {
        return None;
    }
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let other = candidate.chars().take(MAX_COMPARED + 1).count();
        if !could_be_close(length, other) {
            continue;
        }
        let score = strsim::jaro_winkler(word, candidate);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.8)
        .map(|(_, c)| c.to_string())
}

/// Whether words of these lengths (in characters) can score the 0.8 that
/// `did_you_mean` asks. Jaro similarity is at most (short/long + 2) / 3,
/// and Winkler's prefix bonus applies only above 0.7, so when one word is
/// more than ten times the other the score stays at 0.7 or below (at
/// exactly ten times, rounding can lift it just above).
fn could_be_close(a: usize, b: usize) -> bool {
    b <= MAX_COMPARED && a.min(b) * 10 >= a.max(b)
}

/// A name as shown in a message: whole up to a length, else its start and
/// end around an ellipsis, so that a name of a megabyte is not printed.
pub fn clip(name: &str) -> String {
    const KEEP: usize = 60;
    let count = name.chars().count();
    if count <= 2 * KEEP + 20 {
        return name.to_string();
    }
    let head: String = name.chars().take(KEEP).collect();
    let tail: String = name.chars().skip(count - KEEP).collect();
    format!("{head}…({} characters)…{tail}", count - 2 * KEEP)
}

/// "did you mean `x`?" or nothing.
pub fn suggestion<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    did_you_mean(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_close_name_and_never_a_far_one() {
        assert_eq!(
            did_you_mean("greet.py", ["greet.py.bak", "greeet.py", "order.py"]).as_deref(),
            Some("greeet.py")
        );
        assert_eq!(did_you_mean("x", ["xxxxxxxxxxxxxxxxxxxxxx"]), None);
        let long = "g".repeat(1_000_000);
        assert_eq!(did_you_mean(&long, ["g.py", long.as_str()]), None);
    }

    #[test]
    fn the_length_bound_never_drops_a_suggestion_jaro_winkler_would_make() {
        // Every pair of lengths the bound rejects scores below 0.8 even
        // when the shorter word is the longer one's prefix, the best case.
        for short in 1..40 {
            for long in short..=MAX_COMPARED {
                if could_be_close(short, long) {
                    continue;
                }
                let a = "a".repeat(short);
                let b = "a".repeat(long);
                assert!(strsim::jaro_winkler(&a, &b) < 0.8, "{short} {long}");
            }
        }
    }

    #[test]
    fn clips_long_names_in_the_middle() {
        assert_eq!(clip("greet.py"), "greet.py");
        let long = format!("{}.py", "g".repeat(1_000_000));
        let shown = clip(&long);
        assert!(shown.len() < 200, "{shown}");
        assert!(shown.ends_with("g.py") && shown.contains("characters"));
    }
}
