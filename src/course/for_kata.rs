//! Loading only the topics a command about one kata needs. Parsing the
//! topic files is most of loading a course, and `check KATA` needs one
//! topic: the topics whose file mentions the kata's id are found in the
//! raw text and only those are parsed and validated, with every problem
//! located as in a full load. A kata named by its file (`topic/name.py`,
//! relative to where the learner stands) is looked up in the whole course.
//! When the text names no such topic, or the kata is not in those found,
//! the whole course is loaded, so a wrong id gets the full course's "did
//! you mean".

use super::load::{load, load_only, LoadError};
use super::source::{CourseSource, MANIFEST};
use super::Course;
use std::collections::HashSet;

/// The course with at least the topic of kata `id`. Partial
/// (`Course::partial`) unless the whole course had to be loaded. `hint`
/// names the topic that held the kata last time (the workspace keeps it):
/// tried first, as any topic it is validated in full, and when the kata is
/// not there the texts are searched as without it.
pub fn load_for_kata(
    source: CourseSource,
    id: &str,
    hint: Option<&str>,
) -> Result<Course, LoadError> {
    if !super::load::is_kata_id(id) {
        return load(source);
    }
    if let Some(topic) = hint.filter(|t| is_listed(&source, t)) {
        // A hint from another course (`--course`) may name a topic that
        // does not hold the kata, or one that does not load: searched then.
        let only = HashSet::from([topic.to_string()]);
        if let Ok(course) = load_only(source.clone(), Some(&only)) {
            if course.kata(id).is_some() {
                return Ok(course);
            }
        }
    }
    let Some(topics) = topics_mentioning(&source, id) else {
        return load(source);
    };
    let course = load_only(source.clone(), Some(&topics))?;
    if course.kata(id).is_some() {
        Ok(course)
    } else {
        load(source)
    }
}

/// The manifest's topics whose file may hold `kata`: a superset is fine
/// (each is validated in full), a miss falls back to the whole course.
/// `None` when the manifest cannot be read this simply.
fn topics_mentioning(source: &CourseSource, kata: &str) -> Option<HashSet<String>> {
    let manifest = source.read(MANIFEST).ok()?;
    let topics = manifest_topics(&manifest)?;
    let found: HashSet<String> = topics
        .into_iter()
        .filter(|t| {
            source
                .read(&format!("lessons/{t}.yaml"))
                .is_ok_and(|text| mentions_id(&text, kata))
        })
        .collect();
    (!found.is_empty()).then_some(found)
}

/// Whether the manifest lists `topic` (in its usual block form).
fn is_listed(source: &CourseSource, topic: &str) -> bool {
    source
        .read(MANIFEST)
        .ok()
        .and_then(|m| manifest_topics(&m))
        .is_some_and(|topics| topics.iter().any(|t| t == topic))
}

/// The `topics:` list of a manifest in its usual block form (`- name` a
/// line); `None` for any other form, which the full load reads.
fn manifest_topics(text: &str) -> Option<Vec<String>> {
    let mut lines = text.lines().skip_while(|l| l.trim_end() != "topics:");
    lines.next()?;
    let topics: Vec<String> = lines
        .take_while(|l| l.starts_with(' ') || l.starts_with('-') || l.trim().is_empty())
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|t| t.trim().trim_matches(['"', '\'']).to_string())
        .collect();
    (!topics.is_empty()).then_some(topics)
}

/// Whether `text` has `id: KATA` (quoted or not) anywhere.
fn mentions_id(text: &str, kata: &str) -> bool {
    text.match_indices(kata).any(|(at, _)| {
        let before = text[..at].trim_end_matches(['"', '\'']).trim_end();
        let after = text[at + kata.len()..].chars().next();
        before.ends_with("id:")
            && after.is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '}' | '#'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_found_quoted_or_not_and_not_as_a_prefix() {
        assert!(mentions_id("katas:\n  - id: add\n", "add"));
        assert!(mentions_id("katas:\n  - id: \"add\"\n", "add"));
        assert!(mentions_id("katas: [{id: add, title: A}]", "add"));
        assert!(!mentions_id("katas:\n  - id: add-more\n", "add"));
        assert!(!mentions_id("the add function\n", "add"));
    }

    #[test]
    fn the_manifest_topics_are_read_in_block_form_only() {
        let text = "format: 1\ntopics:\n  - one\n  - \"two\"\nkatas: x\n";
        assert_eq!(
            manifest_topics(text),
            Some(vec!["one".into(), "two".into()])
        );
        assert_eq!(manifest_topics("topics: [one, two]\n"), None);
    }

    #[test]
    fn the_built_in_course_loads_one_topic_for_a_kata() {
        let whole = load(CourseSource::Embedded).unwrap();
        let kata = whole.katas().last().unwrap();
        let part = load_for_kata(CourseSource::Embedded, &kata.id, None).unwrap();
        assert!(part.partial);
        assert_eq!(part.topics.len(), 1);
        assert_eq!(part.topics[0].id, kata.topic);
        let by_file = load_for_kata(CourseSource::Embedded, &kata.workspace_path(), None).unwrap();
        assert!(!by_file.partial, "a file is found in the whole course");
        // A wrong id is looked up in the whole course, for its suggestion.
        let wrong = load_for_kata(CourseSource::Embedded, "no-such-kata", None).unwrap();
        assert!(!wrong.partial);
        assert_eq!(wrong.topics.len(), whole.topics.len());
    }

    #[test]
    fn the_topic_kept_by_the_workspace_is_tried_first_and_a_wrong_one_is_searched_past() {
        let whole = load(CourseSource::Embedded).unwrap();
        let kata = whole.katas().last().unwrap();
        let right = load_for_kata(CourseSource::Embedded, &kata.id, Some(&kata.topic)).unwrap();
        assert_eq!(right.topics.len(), 1);
        assert_eq!(right.topics[0].id, kata.topic);
        let other = &whole.topics[0].id;
        assert_ne!(other, &kata.topic);
        for hint in [other.as_str(), "no-such-topic"] {
            let part = load_for_kata(CourseSource::Embedded, &kata.id, Some(hint)).unwrap();
            assert!(part.kata(&kata.id).is_some(), "hint {hint}");
            assert!(part.partial, "hint {hint}");
        }
    }

    /// The fixture course with a second topic whose file is broken.
    fn course_with_a_broken_topic() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let fixture =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
        let copy = |from: &std::path::Path, to: &std::path::Path| {
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(from, to).unwrap();
        };
        let topic = "lessons/basics.yaml";
        copy(&fixture.join(topic), &dir.path().join(topic));
        let katas = fixture.join("katas/basics");
        for f in std::fs::read_dir(&katas).unwrap().flatten() {
            copy(
                &f.path(),
                &dir.path().join("katas/basics").join(f.file_name()),
            );
        }
        let manifest = std::fs::read_to_string(fixture.join("course.yaml")).unwrap();
        std::fs::write(
            dir.path().join("course.yaml"),
            format!("{manifest}  - broken\n"),
        )
        .unwrap();
        std::fs::write(dir.path().join("lessons/broken.yaml"), "title: [unclosed\n").unwrap();
        dir
    }

    #[test]
    fn a_kata_loads_with_its_topic_while_another_topic_is_broken() {
        let dir = course_with_a_broken_topic();
        let source = CourseSource::Dir(dir.path().to_path_buf());
        let whole = load(source.clone()).unwrap_err().to_string();
        assert!(whole.contains("broken.yaml:1:"), "located: {whole}");
        let part = load_for_kata(source.clone(), "fix-default", None).unwrap();
        assert!(part.partial);
        assert_eq!(part.kata("fix-default").unwrap().topic, "basics");
        // A hint naming the broken topic is searched past, not an error.
        let hinted = load_for_kata(source.clone(), "fix-default", Some("broken")).unwrap();
        assert_eq!(hinted.kata("fix-default").unwrap().topic, "basics");
        // A kata the texts do not name is looked for in the whole course,
        // whose problems are all said, located.
        let err = load_for_kata(source, "no-such-kata", None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("broken.yaml:1:"), "{err}");
    }
}
