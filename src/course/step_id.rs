//! A lesson step's stable name. Progress keeps a learner's predictions by
//! it and `verify` and `lint` name steps by it, so an author who inserts a
//! step does not move every later step's record to its neighbour. An author
//! may give a step its own `id:`; else it is made from what the step asks:
//! a predict step's question, an example's title, or the first line of the
//! code or text where those are not enough to tell steps apart.

use super::model::Step;

/// The most words of a text a made-up id keeps.
const WORDS: usize = 6;

/// Whether `id` may name a step: lowercase letters, digits and '-', with at
/// least one letter (a number alone was a step's position in older
/// progress files, and would be read as one).
pub fn is_step_id(id: &str) -> bool {
    id.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && id.chars().any(|c| c.is_ascii_lowercase())
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// `What does this print?` -> `what-does-this-print`: the first words of a
/// text, lowercase ASCII letters and digits joined by '-'.
pub fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(WORDS)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// The author's id of a step, if written.
pub fn written(step: &Step) -> Option<&str> {
    match step {
        Step::Example(e) => e.id.as_ref().map(|i| i.value.as_str()),
        Step::Predict(p) => p.id.as_ref().map(|i| i.value.as_str()),
        Step::Read(_) => None,
    }
}

/// What a step's id is made from when the author gives none: its first
/// choice (the question or title), and what tells it apart from another
/// step of the same first choice (the code, or the text).
fn made_from(step: &Step) -> (String, String) {
    let first_line = |text: &str| {
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .unwrap_or_default()
            .to_string()
    };
    match step {
        Step::Predict(p) => (p.question.clone(), first_line(&p.code)),
        Step::Example(e) => match &e.title {
            Some(title) => (title.clone(), first_line(&e.code)),
            None => (first_line(&e.code), String::new()),
        },
        Step::Read(text) => (first_line(text), String::new()),
    }
}

/// The ids of a topic's steps, in order: the author's where written, else
/// made from the step. Made-up ids never repeat an id of the topic: the
/// question alone, then with the code's first line, then numbered.
pub fn assign(steps: &[&Step]) -> Vec<String> {
    let mut taken: Vec<String> = steps
        .iter()
        .filter_map(|s| written(s).map(str::to_string))
        .collect();
    let made: Vec<(String, String)> = steps.iter().map(|s| made_from(s)).collect();
    let kind = |s: &Step| match s {
        Step::Read(_) => "read",
        Step::Example(_) => "example",
        Step::Predict(_) => "predict",
    };
    let firsts: Vec<String> = steps
        .iter()
        .zip(&made)
        .map(|(s, (first, _))| letter_first(&slug(first), kind(s)))
        .collect();
    let mut ids = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        if let Some(id) = written(step) {
            ids.push(id.to_string());
            continue;
        }
        let first = &firsts[i];
        let shared = firsts.iter().filter(|f| *f == first).count() > 1;
        let mut id = if shared && !made[i].1.is_empty() {
            format!("{first}-{}", slug(&made[i].1))
        } else {
            first.clone()
        };
        id = id.trim_end_matches('-').to_string();
        if taken.contains(&id) {
            let base = id.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
        }
        taken.push(id.clone());
        ids.push(id);
    }
    ids
}

/// An id with a letter in it: a slug of digits alone (or nothing) is put
/// after the kind of step.
fn letter_first(slug: &str, kind: &str) -> String {
    if slug.chars().any(|c| c.is_ascii_lowercase()) {
        slug.to_string()
    } else if slug.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}-{slug}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_the_first_words() {
        assert_eq!(slug("What does this print?"), "what-does-this-print");
        assert_eq!(
            slug("Two runs, two different epoch counts. What does this print?"),
            "two-runs-two-different-epoch-counts"
        );
        assert!(is_step_id("late-binding-2"));
        assert!(!is_step_id("3"));
        assert!(!is_step_id("Late"));
    }
}
