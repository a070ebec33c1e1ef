//! What `new` writes: the scaffold's files, kept as files under
//! `assets/new/` so they read (and diff) as the YAML and Python they are,
//! filled in here. Placeholders are `{name}`; any other brace (a Python set,
//! an assertion message's `{data!r}`) is the scaffold's own text.

use super::{title_of, SCHEMA_FILE};

const STARTER: &str = include_str!("../../../assets/new/starter.py");
const SOLUTION: &str = include_str!("../../../assets/new/solution.py");
const ALTERNATIVE: &str = include_str!("../../../assets/new/alternative.py");
const MISTAKE: &str = include_str!("../../../assets/new/mistake.py");
const MANIFEST: &str = include_str!("../../../assets/new/course.yaml");
const TOPIC: &str = include_str!("../../../assets/new/topic.yaml");
const KATA: &str = include_str!("../../../assets/new/kata.yaml");

/// The names of one scaffolded kata's files.
pub(super) struct KataNames {
    pub(super) topic: String,
    pub(super) id: String,
    pub(super) stem: String,
}

impl KataNames {
    pub(super) fn new(topic: &str, id: &str, stem: &str) -> KataNames {
        KataNames {
            topic: topic.into(),
            id: id.into(),
            stem: stem.into(),
        }
    }

    fn path(&self, suffix: &str) -> String {
        format!("{}/{}{suffix}", self.topic, self.stem)
    }

    /// The kata's Python files: path relative to the course root, text, what it is.
    pub(super) fn files(&self) -> Vec<(String, String, &'static str)> {
        vec![
            (
                format!("katas/{}", self.path(".py")),
                STARTER.into(),
                "the starter the learner edits (it must fail)",
            ),
            (
                format!("katas/{}", self.path(".solution.py")),
                SOLUTION.into(),
                "the reference solution (it must pass)",
            ),
            (
                format!("katas/{}", self.path(".alt.py")),
                ALTERNATIVE.into(),
                "another correct solution (it must pass too)",
            ),
            (
                format!("katas/{}", self.path(".mistake-sorted.py")),
                MISTAKE.into(),
                "a wrong answer that must fire its mistake detector",
            ),
        ]
    }
}

/// A new course's `course.yaml`, listing its first topic.
pub(super) fn manifest_text(title: &str, topic: &str) -> String {
    align_comments(&fill(
        MANIFEST,
        &[
            ("schema", SCHEMA_FILE),
            ("title", &quoted(title)),
            ("topic", topic),
        ],
    ))
}

/// A new topic file with its lesson and first kata; `with_schema` adds the
/// editor modeline that points at the course's schema file.
pub(super) fn topic_text(title: &str, topic: &str, kata: &KataNames, with_schema: bool) -> String {
    let modeline = if with_schema {
        format!("# yaml-language-server: $schema=../{SCHEMA_FILE}\n")
    } else {
        String::new()
    };
    align_comments(&fill(
        TOPIC,
        &[
            ("modeline", &modeline),
            ("title", &quoted(title)),
            ("topic", topic),
            ("kata", &kata_block(kata, &title_of(&kata.stem), "  ")),
        ],
    ))
}

/// One kata entry, every line indented by `indent` (the list's own indent).
pub(super) fn kata_block(k: &KataNames, title: &str, indent: &str) -> String {
    let body = fill(
        KATA,
        &[
            ("id", &k.id),
            ("title", &quoted(title)),
            ("starter", &k.path(".py")),
            ("solution", &k.path(".solution.py")),
            ("alt", &k.path(".alt.py")),
            ("mistake", &k.path(".mistake-sorted.py")),
        ],
    );
    let indented: String = body.lines().map(|l| format!("{indent}{l}\n")).collect();
    align_comments(&indented)
}

/// `template` with each `{name}` of `values` replaced, in one pass: a value
/// that itself holds `{title}` (a title may) is not filled again.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|(name, value)| (name.len(), *value))
        });
        match value {
            Some((len, value)) => {
                out.push_str(value);
                rest = &after[len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A YAML scalar that reads back as exactly `s` (a JSON string is a valid
/// YAML double-quoted scalar).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The column where scaffold comments start.
const COMMENT_COLUMN: usize = 36;

/// Lines with code and a comment (`code  # comment`) get their comments
/// lined up, so the scaffold reads as a commented form.
fn align_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    for line in text.lines() {
        let start = line.len() - line.trim_start().len() + 1;
        match line
            .get(start..)
            .and_then(|rest| rest.find("  # "))
            .map(|i| i + start)
        {
            Some(i) => {
                let code = line[..i].trim_end();
                let width = COMMENT_COLUMN.max(code.len() + 2);
                out.push_str(&format!("{code:<width$}{}", line[i..].trim_start()));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::model::{Manifest, TopicFile};

    #[test]
    fn scaffold_texts_parse() {
        let k = KataNames::new("intro", "intro-warmup", "warmup");
        let topic: TopicFile =
            serde_saphyr::from_str(&topic_text("Intro: \"x\"", "intro", &k, true)).unwrap();
        assert_eq!(topic.title, "Intro: \"x\"");
        assert_eq!(topic.katas[0].checks.len(), 5);
        let m: Manifest = serde_saphyr::from_str(&manifest_text("My: course", "intro")).unwrap();
        assert_eq!(m.title, "My: course");
    }

    #[test]
    fn a_title_that_looks_like_a_placeholder_is_written_as_given() {
        let k = KataNames::new("intro", "intro-warmup", "warmup");
        let text = topic_text("{topic} {kata}", "intro", &k, false);
        let topic: TopicFile = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(topic.title, "{topic} {kata}");
    }

    #[test]
    fn only_named_placeholders_are_filled() {
        assert_eq!(
            fill("{a} {b} {{x}} {", &[("a", "{b}"), ("b", "2")]),
            "{b} 2 {{x}} {"
        );
    }

    #[test]
    fn the_scaffold_keeps_its_own_braces() {
        let k = KataNames::new("intro", "intro-warmup", "warmup");
        let text = topic_text("Intro", "intro", &k, false);
        assert!(text.contains(r#"print(len({"a", "b", "a"}))"#), "{text}");
        assert!(text.contains("it is now {data!r}."), "{text}");
        assert!(
            !text.contains("{title}") && !text.contains("{id}"),
            "{text}"
        );
    }
}
