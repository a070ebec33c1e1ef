//! The line-based YAML editor `new` uses to add a topic to `course.yaml`
//! and a kata to a topic file. It edits text rather than re-serialising the
//! parsed file so the author's comments and layout survive, and parses the
//! result again to prove the edit reads back as intended.

use crate::course::model::{Manifest, TopicFile};

/// Whether `line` is a top-level mapping key (`katas:`, `title: x`).
fn is_top_level_key(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '"' || c == '\'')
        && line.contains(':')
}

/// The line index just past the last content line of the top-level block
/// that starts at `start`: trailing blank lines and column-0 comments stay
/// with whatever follows.
fn block_end(lines: &[&str], start: usize) -> usize {
    let mut end = start + 1;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if is_top_level_key(line) || line.starts_with("---") || line.starts_with("...") {
            break;
        }
        end = i + 1;
    }
    end
}

/// The value on a key's line, without a trailing comment.
fn inline_value<'a>(line: &'a str, key: &str) -> &'a str {
    let rest = line.strip_prefix(key).unwrap_or("");
    let rest = match rest.find(" #") {
        Some(i) => &rest[..i],
        None => rest,
    };
    rest.trim()
}

fn join(lines: &[&str]) -> String {
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// `topics:` gains `- NAME`, as text. Errs if the topic is there already or
/// the edit would not read back as intended.
pub(super) fn add_topic_to_manifest(text: &str, name: &str) -> Result<String, String> {
    keeping_line_ends(text, |text| add_topic_lf(text, name))
}

/// Runs an edit on the text with LF line ends and gives the result the
/// line ends the file had (CRLF files stay CRLF).
fn keeping_line_ends(
    text: &str,
    edit: impl FnOnce(&str) -> Result<String, String>,
) -> Result<String, String> {
    if text.contains("\r\n") {
        Ok(edit(&text.replace("\r\n", "\n"))?.replace('\n', "\r\n"))
    } else {
        edit(text)
    }
}

fn add_topic_lf(text: &str, name: &str) -> Result<String, String> {
    let before: Manifest = serde_saphyr::from_str(text)
        .map_err(|e| format!("it does not parse ({e}); `pykata lint` shows why"))?;
    if before.topics.iter().any(|t| t.value == name) {
        return Err(format!("topic `{name}` is listed already"));
    }
    let lines: Vec<&str> = text.lines().collect();
    let Some(at) = lines.iter().position(|l| l.starts_with("topics:")) else {
        return Err("it has no `topics:` line at the top level".into());
    };
    let value = inline_value(lines[at], "topics:");
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    if value.starts_with('[') && value.ends_with(']') {
        let inner = value[1..value.len() - 1].trim();
        let list = if inner.is_empty() {
            format!("[{name}]")
        } else {
            format!("[{inner}, {name}]")
        };
        out[at] = lines[at].replacen(value, &list, 1);
    } else if value.is_empty() {
        let end = block_end(&lines, at);
        let indent = lines[at + 1..end]
            .iter()
            .find_map(|l| {
                l.trim_start()
                    .starts_with('-')
                    .then(|| &l[..l.len() - l.trim_start().len()])
            })
            .unwrap_or("  ");
        out.insert(end, format!("{indent}- {name}"));
    } else {
        return Err(format!("`topics: {value}` is not a list pykata can add to"));
    }
    let refs: Vec<&str> = out.iter().map(String::as_str).collect();
    let edited = join(&refs);
    let after: Manifest =
        serde_saphyr::from_str(&edited).map_err(|e| format!("the edit would not parse ({e})"))?;
    let names: Vec<&str> = after.topics.iter().map(|t| t.value.as_str()).collect();
    let mut expected: Vec<&str> = before.topics.iter().map(|t| t.value.as_str()).collect();
    expected.push(name);
    if names != expected {
        return Err("the edit would not read back as intended".into());
    }
    Ok(edited)
}

/// The kata `id` appended to the topic file's `katas:` list, as text;
/// `entry` writes the kata's entry with the list's indent.
pub(super) fn append_kata(
    text: &str,
    id: &str,
    entry: impl Fn(&str) -> String,
) -> Result<String, String> {
    keeping_line_ends(text, |text| append_kata_lf(text, id, &entry))
}

fn append_kata_lf(text: &str, id: &str, entry: &dyn Fn(&str) -> String) -> Result<String, String> {
    // A file that does not parse yet may be one `katas:` short of it (an
    // empty `katas:`); the edited text must parse in any case.
    let before: Option<TopicFile> = serde_saphyr::from_str(text).ok();
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    match lines.iter().position(|l| l.starts_with("katas:")) {
        None => {
            while out.last().is_some_and(|l| l.trim().is_empty()) {
                out.pop();
            }
            out.push("katas:".into());
            out.push(entry("  ").trim_end().to_string());
        }
        Some(at) => {
            let value = inline_value(lines[at], "katas:");
            if value == "[]" || value == "[ ]" {
                out[at] = lines[at].replacen(value, "", 1).trim_end().to_string();
                out.insert(at + 1, entry("  ").trim_end().to_string());
            } else if value.is_empty() {
                let end = block_end(&lines, at);
                let indent = lines[at + 1..end]
                    .iter()
                    .find_map(|l| {
                        l.trim_start()
                            .starts_with("- ")
                            .then(|| &l[..l.len() - l.trim_start().len()])
                    })
                    .unwrap_or("  ");
                out.insert(end, entry(indent).trim_end().to_string());
            } else {
                return Err(format!(
                    "`katas: {value}` is written inline; write the list as a block (`katas:` then `- id: ...`)"
                ));
            }
        }
    }
    let refs: Vec<&str> = out.iter().map(String::as_str).collect();
    let edited = join(&refs);
    let after: TopicFile = serde_saphyr::from_str(&edited).map_err(|e| match &before {
        Some(_) => format!("the edit would not parse ({e})"),
        None => format!("it does not parse ({e})"),
    })?;
    let ids: Vec<&str> = after.katas.iter().map(|k| k.id.value.as_str()).collect();
    let (mut expected, lesson_steps) = match &before {
        Some(b) => (
            b.katas.iter().map(|k| k.id.value.as_str()).collect(),
            b.lesson.len(),
        ),
        None => (Vec::new(), after.lesson.len()),
    };
    expected.push(id);
    if ids != expected || after.lesson.len() != lesson_steps {
        return Err("the edit would not read back as intended".into());
    }
    Ok(edited)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal kata entry at the list's indent, as the scaffold writes one.
    fn entry(indent: &str) -> String {
        format!("{indent}- id: new-one\n{indent}  title: New one\n{indent}  task: x\n{indent}  starter: t/new_one.py\n{indent}  solution: t/new_one.solution.py\n")
    }

    #[test]
    fn a_kata_is_appended_keeping_comments_and_later_keys() {
        let text = "# top comment\ntitle: T   # keep me\nkatas:\n- id: old\n  title: Old\n  task: x\n  starter: t/old.py\n  solution: t/old.solution.py\n  # trailing note\n\n# about the summary\nsummary: later key\n";
        let out = append_kata(text, "new-one", entry).unwrap();
        assert!(out.starts_with("# top comment\ntitle: T   # keep me\n"));
        assert!(out.contains("  # trailing note\n- id: new-one"), "{out}");
        assert!(
            out.ends_with("\n# about the summary\nsummary: later key\n"),
            "{out}"
        );
        let topic: TopicFile = serde_saphyr::from_str(&out).unwrap();
        assert_eq!(topic.katas.len(), 2);
        assert_eq!(topic.summary, "later key");
    }

    #[test]
    fn a_kata_is_added_to_an_empty_or_missing_list() {
        for text in [
            "title: T\nkatas: []  # none yet\n",
            "title: T\n\n\n",
            "title: T\nkatas:\n",
        ] {
            let out = append_kata(text, "new-one", entry).unwrap();
            let topic: TopicFile = serde_saphyr::from_str(&out).unwrap();
            assert_eq!(topic.katas.len(), 1, "{out}");
        }
        assert!(append_kata("title: T\nkatas: [{id: x}]\n", "x", entry).is_err());
    }

    #[test]
    fn a_topic_is_added_to_block_and_flow_lists() {
        let block = "format: 1\ntitle: C\ntopics:   # order\n    - a   # first\n    - b\n# end\n";
        let out = add_topic_to_manifest(block, "c").unwrap();
        assert_eq!(
            out,
            "format: 1\ntitle: C\ntopics:   # order\n    - a   # first\n    - b\n    - c\n# end\n"
        );
        let flow = "format: 1\ntitle: C\ntopics: [a, b]  # order\n";
        let out = add_topic_to_manifest(flow, "c").unwrap();
        assert_eq!(out, "format: 1\ntitle: C\ntopics: [a, b, c]  # order\n");
        let crlf = "format: 1\r\ntitle: C\r\ntopics:\r\n  - a\r\n";
        assert_eq!(
            add_topic_to_manifest(crlf, "b").unwrap(),
            "format: 1\r\ntitle: C\r\ntopics:\r\n  - a\r\n  - b\r\n"
        );
        assert!(add_topic_to_manifest(flow, "a")
            .unwrap_err()
            .contains("already"));
    }
}
