//! The instructor's path end to end, with the real binary and a real
//! CPython: scaffolds that lint and verify clean, the JSON Schema against the
//! loader, machine-readable lint and verify output, verify under several
//! interpreters, a course shipped as one archive, and reports from a learner
//! to a class table.
//!
//! Most tests use the small fixture course (tests/fixtures/course), never
//! the whole built-in course, to stay fast.

use crate::common::{fixture, python_available, root};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The binary with no colour, no course or interpreter from the environment.
fn bin() -> Command {
    let mut cmd = Command::cargo_bin("pykata").expect("binary builds");
    cmd.env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON");
    cmd
}

/// The binary on a given course.
fn on(course: &Path) -> Command {
    let mut cmd = bin();
    cmd.arg("--course").arg(course);
    cmd
}

fn stdout_of(cmd: &mut Command) -> (Option<i32>, String) {
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn json_of(cmd: &mut Command) -> (Option<i32>, Value) {
    let (code, text) = stdout_of(cmd);
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("no JSON ({e}):\n{text}"));
    (code, value)
}

// ---------------------------------------------------------------- scaffolds

#[test]
fn scaffolds_lint_and_verify_clean_and_keep_the_authors_comments() {
    if !python_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("my-course");
    on(&course)
        .args(["new", "topic", "iterators"])
        .assert()
        .success()
        .stdout(predicate::str::contains("created lessons/iterators.yaml"))
        .stdout(predicate::str::contains("no problems"));
    for file in [
        "course.yaml",
        "course.schema.json",
        "katas/iterators/warmup.py",
        "katas/iterators/warmup.solution.py",
        "katas/iterators/warmup.alt.py",
        "katas/iterators/warmup.mistake-sorted.py",
    ] {
        assert!(course.join(file).is_file(), "{file} was not created");
    }

    // The author adds their own comments; `new kata` must keep them.
    let lesson = course.join("lessons/iterators.yaml");
    let mut text = std::fs::read_to_string(&lesson).unwrap();
    text = text.replacen("summary:", "# MY NOTE: keep this\nsummary:", 1);
    text.push_str("  # MY TRAILING NOTE\n");
    std::fs::write(&lesson, &text).unwrap();

    // A second topic goes into the existing manifest; run from inside the folder.
    bin()
        .current_dir(&course)
        .args([
            "new",
            "topic",
            "closures",
            "--title",
            "Closures: late binding",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("edited  course.yaml"));
    on(&course)
        .args([
            "new",
            "kata",
            "iterators",
            "dedupe-words",
            "--title",
            "Words, once",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("kata `dedupe-words` added"))
        .stdout(predicate::str::contains("2 topics, 3 katas: no problems"));
    let after = std::fs::read_to_string(&lesson).unwrap();
    assert!(after.contains("# MY NOTE: keep this\nsummary:"), "{after}");
    assert!(
        after.contains("  # MY TRAILING NOTE\n  - id: dedupe-words"),
        "{after}"
    );
    assert!(after.starts_with(&text[..text.len() - "  # MY TRAILING NOTE\n".len()]));
    let manifest = std::fs::read_to_string(course.join("course.yaml")).unwrap();
    assert!(
        manifest.contains("  - iterators\n  - closures\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains("# the course format version"),
        "{manifest}"
    );

    // Every field is explained.
    for field in [
        "id:",
        "starter:",
        "solution:",
        "alternatives:",
        "hints:",
        "checks:",
        "mistakes:",
        "min_python",
        "limits",
        "stdin",
    ] {
        // Optional fields are written commented out (`# min_python: ...  # why`):
        // the comment that explains is the one after the field.
        let line = after.lines().find(|l| l.contains(field)).unwrap();
        let (_, rest) = line.split_once(field).unwrap();
        assert!(rest.contains('#'), "no comment on `{field}`: {line}");
    }

    bin().arg("lint").arg(&course).assert().success();
    on(&course)
        .arg("verify")
        .assert()
        .success()
        .stdout(predicate::str::contains("3 katas"))
        .stdout(predicate::str::contains("no problems"));

    // The starter really fails (verify proves it too) and is judged with the detector's message.
    let ws = dir.path().join("ws");
    on(&course).arg("init").arg(&ws).assert().success();
    on(&course)
        .current_dir(&ws)
        .args(["check", "dedupe-words"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("value order"));
}

#[test]
fn new_refuses_to_overwrite_or_to_take_bad_names() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path();
    on(course)
        .args(["new", "topic", "basics"])
        .assert()
        .success();
    let before = std::fs::read_to_string(course.join("lessons/basics.yaml")).unwrap();
    on(course)
        .args(["new", "topic", "basics"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("listed already"));
    on(course)
        .args(["new", "kata", "basics", "basics-warmup"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "already has a kata `basics-warmup`",
        ));
    on(course)
        .args(["new", "kata", "basic", "other"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `basics`?"));
    on(course)
        .args(["new", "kata", "basics", "Bad_Name"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a plain kata id"));
    // A file in the way stops everything before anything is written.
    std::fs::write(course.join("katas/basics/late.py"), "# mine\n").unwrap();
    on(course)
        .args(["new", "kata", "basics", "late"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("never overwrites"));
    assert_eq!(
        std::fs::read_to_string(course.join("katas/basics/late.py")).unwrap(),
        "# mine\n"
    );
    assert!(!course.join("katas/basics/late.solution.py").exists());
    assert_eq!(
        std::fs::read_to_string(course.join("lessons/basics.yaml")).unwrap(),
        before
    );
}

// ---------------------------------------------------------------- schema

fn schema() -> Value {
    let text = std::fs::read_to_string(root().join("docs/course.schema.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The schema's errors for one YAML file: (instance path, message).
fn schema_errors(validator: &jsonschema::Validator, file: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(file).unwrap();
    let instance: Value = serde_saphyr::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not YAML: {e}", file.display()));
    validator
        .iter_errors(&instance)
        .map(|e| (e.instance_path().as_str().to_string(), e.to_string()))
        .collect()
}

fn course_files(course: &Path) -> Vec<PathBuf> {
    let mut files = vec![course.join("course.yaml")];
    let mut lessons: Vec<PathBuf> = std::fs::read_dir(course.join("lessons"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    lessons.sort();
    files.extend(lessons);
    files
}

#[test]
fn the_shipped_schema_is_the_generated_one() {
    let (code, printed) = stdout_of(bin().arg("schema"));
    assert_eq!(code, Some(0));
    let shipped = std::fs::read_to_string(root().join("docs/course.schema.json")).unwrap();
    assert!(
        printed == shipped,
        "docs/course.schema.json is stale: run `cargo run -- schema > docs/course.schema.json`"
    );
}

#[test]
fn the_schema_accepts_the_built_in_and_fixture_courses() {
    let validator = jsonschema::validator_for(&schema()).expect("the schema is a valid schema");
    let mut checked = 0;
    for course in [root().to_path_buf(), fixture("course")] {
        for file in course_files(&course) {
            let errors = schema_errors(&validator, &file);
            assert!(
                errors.is_empty(),
                "{} rejected: {errors:#?}",
                file.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 3);
}

/// One broken topic file per problem, each with the word both `lint` and
/// the schema must name.
const BROKEN: &[(&str, &str, &str)] = &[
    ("unknown-field", "hnts", "  hnts: [typo]\n"),
    ("missing-field", "task", "REMOVE task"),
    (
        "bad-kind",
        "outptu",
        "CHECK    kind: outptu\n    expect: \"1\"\n",
    ),
    ("needs-expect", "expect", "CHECK    kind: output\n"),
    (
        "misplaced-expect",
        "expect",
        "CHECK    kind: lines\n    lines: [a]\n    expect: a\n",
    ),
    (
        "bad-construct",
        "mutable_defualt",
        "CHECK    kind: structure\n    forbid: [mutable_defualt]\n",
    ),
    ("bad-id", "Bad_Id", "ID Bad_Id"),
    ("wrong-type", "hints", "  hints: 5\n"),
    ("bad-version", "min_python", "  min_python: \"three\"\n"),
    (
        "over-ceiling",
        "wall_ms",
        "  limits:\n    wall_ms: 999999\n",
    ),
    ("no-alternative", "alternative", "REMOVE alternatives"),
    (
        "raises-needs-run",
        "run",
        "CHECK    kind: raises\n    exception: ValueError\n",
    ),
];

fn topic_file(id: &str, edit: &str) -> String {
    let mut kata = vec![
        format!("  - id: {id}"),
        "    title: T".to_string(),
        "    task: Do it.".to_string(),
        "    starter: t/x.py".to_string(),
        "    solution: t/x.solution.py".to_string(),
        "    alternatives: [t/x.alt.py]".to_string(),
    ];
    let mut check = "    kind: output\n    expect: \"1\"\n".to_string();
    if let Some(field) = edit.strip_prefix("REMOVE ") {
        kata.retain(|l| !l.trim_start().starts_with(&format!("{field}:")));
    } else if let Some(new_id) = edit.strip_prefix("ID ") {
        kata[0] = format!("  - id: {new_id}");
    } else if let Some(body) = edit.strip_prefix("CHECK") {
        check = body.to_string();
    } else {
        for line in edit.lines() {
            kata.push(format!("  {line}"));
        }
    }
    let check = check
        .lines()
        .map(|l| format!("    {l}\n"))
        .collect::<String>();
    format!(
        "title: Topic {id}\nkatas:\n{}\n    checks:\n      - id: c\n{check}",
        kata.join("\n")
    )
}

#[test]
fn the_schema_rejects_a_broken_file_with_the_problems_lint_reports() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path();
    std::fs::create_dir_all(course.join("lessons")).unwrap();
    std::fs::create_dir_all(course.join("katas/t")).unwrap();
    for f in ["x.py", "x.solution.py", "x.alt.py"] {
        std::fs::write(course.join("katas/t").join(f), "x = 1\n").unwrap();
    }
    let mut topics = vec!["good".to_string()];
    std::fs::write(course.join("lessons/good.yaml"), topic_file("good", "")).unwrap();
    for (name, _, edit) in BROKEN {
        std::fs::write(
            course.join(format!("lessons/{name}.yaml")),
            topic_file(name, edit),
        )
        .unwrap();
        topics.push(name.to_string());
    }
    let manifest = format!(
        "format: 1\ntitle: Broken on purpose\ntopics:\n{}",
        topics
            .iter()
            .map(|t| format!("  - {t}\n"))
            .collect::<String>()
    );
    std::fs::write(course.join("course.yaml"), manifest).unwrap();

    let (code, lint) = json_of(bin().arg("lint").arg(course).args(["--format", "json"]));
    assert_eq!(code, Some(1));
    let problems = lint["problems"].as_array().unwrap();
    let validator = jsonschema::validator_for(&schema()).unwrap();

    // The sound files pass both.
    for ok in ["course.yaml", "lessons/good.yaml"] {
        let file = course.join(ok);
        assert!(
            schema_errors(&validator, &file).is_empty(),
            "{ok} rejected by the schema"
        );
        let shown = file.display().to_string();
        assert!(
            !problems.iter().any(|p| p["file"] == shown.as_str()),
            "{ok} has lint problems: {problems:#?}"
        );
    }
    // Each broken file: lint names the problem, and so does the schema.
    let mut report = String::new();
    for (name, word, _) in BROKEN {
        let file = course.join(format!("lessons/{name}.yaml"));
        let shown = file.display().to_string();
        // Lint names the word, or points at the line where `word:` is written
        // (a YAML type error names the place, not the field).
        let text = std::fs::read_to_string(&file).unwrap();
        let word_line = text
            .lines()
            .position(|l| {
                l.trim_start()
                    .trim_start_matches("- ")
                    .starts_with(&format!("{word}:"))
            })
            .map(|i| i as u64 + 1);
        let lint_here: Vec<String> = problems
            .iter()
            .filter(|p| p["file"] == shown.as_str())
            .map(|p| {
                format!(
                    "{}:{} {} {}",
                    p["line"], p["column"], p["message"], p["hint"]
                )
            })
            .collect();
        let schema_here = schema_errors(&validator, &file);
        let lint_names_it = !lint_here.is_empty()
            && lint_here.iter().all(|p| {
                p.contains(word) || word_line.is_some_and(|l| p.starts_with(&format!("{l}:")))
            });
        let schema_names_it = schema_here
            .iter()
            .any(|(path, msg)| path.contains(word) || msg.contains(word));
        if !lint_names_it || !schema_names_it {
            report.push_str(&format!(
                "{name} (`{word}`):\n  lint:   {lint_here:?}\n  schema: {schema_here:?}\n"
            ));
        }
    }
    assert!(report.is_empty(), "lint and the schema disagree:\n{report}");
    // And no problem lint reports is in a file the schema accepts.
    for p in problems {
        let file = PathBuf::from(p["file"].as_str().unwrap());
        assert!(
            !schema_errors(&validator, &file).is_empty(),
            "lint reports {p} but the schema accepts the file"
        );
    }
}

// ---------------------------------------------------------------- output formats

#[test]
fn lint_writes_github_annotations() {
    let broken = fixture("broken");
    let (code, text) = stdout_of(bin().arg("lint").arg(&broken).args(["--format", "github"]));
    assert_eq!(code, Some(1));
    let one = broken.join("lessons/one.yaml").display().to_string();
    let expected = format!("::error file={one},line=11,col=5::unknown field `hnts`");
    assert!(
        text.lines().any(|l| l.starts_with(&expected)),
        "no `{expected}` in:\n{text}"
    );
    assert!(text.contains("%0Ahelp: did you mean `hints`?"), "{text}");
    // Every annotation is one line, and every problem is one annotation.
    let (_, json) = json_of(bin().arg("lint").arg(&broken).args(["--format", "json"]));
    let annotations = text.lines().filter(|l| l.starts_with("::error ")).count();
    assert_eq!(annotations, json["problems"].as_array().unwrap().len());
    // A sound course: no annotation, exit 0.
    let (code, text) = stdout_of(
        bin()
            .arg("lint")
            .arg(fixture("course"))
            .args(["--format", "github"]),
    );
    assert_eq!(code, Some(0));
    assert!(!text.contains("::error"), "{text}");
}

#[test]
fn verify_writes_json_and_github_annotations_with_locations() {
    if !python_available() {
        return;
    }
    let unsound = fixture("unsound");
    let (code, text) = stdout_of(on(&unsound).args(["verify", "--format", "github"]));
    assert_eq!(code, Some(1));
    let lesson = unsound.join("lessons/u.yaml").display().to_string();
    let starter = unsound.join("katas/u/easy.py").display().to_string();
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("::error ")).collect();
    assert_eq!(errors.len(), 5, "{text}");
    assert!(
        errors.iter().any(
            |l| l.starts_with(&format!("::error file={lesson},line=5,col=7::"))
                && l.contains("stated `output:` differs")
        ),
        "{text}"
    );
    assert!(
        errors
            .iter()
            .any(|l| l.starts_with(&format!("::error file={starter}"))
                && l.contains("the starter already passes")),
        "{text}"
    );

    let (code, json) = json_of(on(&unsound).args(["verify", "--format", "json"]));
    assert_eq!(code, Some(1));
    assert_eq!(json["format"], 1);
    assert_eq!(json["ok"], false);
    let p = &json["problems"][0];
    assert!(p["file"].as_str().unwrap().ends_with("u.yaml"), "{p}");
    assert!(p["line"].as_u64().unwrap() > 0);
    assert!(p["python"].as_str().unwrap().starts_with('3'), "{p}");
    assert_eq!(json["interpreters"].as_array().unwrap().len(), 1);
}

// ---------------------------------------------------------------- several interpreters

/// The interpreter `pykata` would pick, and another one of a different
/// version if this machine has one (3.10 or newer), else the same again.
fn two_interpreters() -> (PathBuf, PathBuf) {
    let first = which::which("python3")
        .or_else(|_| which::which("python"))
        .expect("python on PATH");
    let version = |p: &Path| -> Option<String> {
        let out = std::process::Command::new(p)
            .args([
                "-c",
                "import sys; print('%d.%d' % sys.version_info[:2], sys.implementation.name)",
            ])
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let (v, _) = text.split_once(' ')?;
        let minor: u32 = v.strip_prefix("3.")?.parse().ok()?;
        (out.status.success() && minor >= 10).then_some(text)
    };
    let mine = version(&first);
    let mut candidates: Vec<PathBuf> = [
        "pypy3",
        "python3.13",
        "python3.12",
        "python3.10",
        "python3.14",
        "python3.11",
    ]
    .iter()
    .filter_map(|n| which::which(n).ok())
    .collect();
    if let Some(pyenv) = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")))
    {
        if let Ok(entries) = std::fs::read_dir(pyenv.join("versions")) {
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path().join("bin/python3"))
                .collect();
            found.sort();
            candidates.extend(found);
        }
    }
    let second = candidates
        .into_iter()
        .find(|c| version(c).is_some_and(|v| Some(&v) != mine.as_ref()))
        .unwrap_or_else(|| first.clone());
    eprintln!("interpreters: {} and {}", first.display(), second.display());
    (first, second)
}

#[test]
fn verify_reports_by_interpreter() {
    if !python_available() {
        return;
    }
    let (a, b) = two_interpreters();
    let (code, json) = json_of(
        on(&fixture("course"))
            .arg("verify")
            .arg("--python")
            .arg(&a)
            .arg("--python")
            .arg(&b)
            .args(["--format", "json"]),
    );
    assert_eq!(code, Some(0), "{json:#}");
    let runs = json["interpreters"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    for (run, path) in runs.iter().zip([&a, &b]) {
        assert_eq!(run["python"], path.display().to_string());
        assert_eq!(run["ok"], true, "{run:#}");
        assert!(run["version"].as_str().unwrap().starts_with("3."), "{run}");
        assert!(run["runs"].as_u64().unwrap() > 10);
        // The kata for Python 3.99 is skipped, not failed, under each.
        assert!(
            run["skipped"][0].as_str().unwrap().contains("needs-future"),
            "{run}"
        );
    }
    assert_eq!(
        json["runs"].as_u64().unwrap(),
        runs.iter()
            .map(|r| r["runs"].as_u64().unwrap())
            .sum::<u64>()
    );

    // Human output: a section per interpreter and a table by version.
    let (code, text) = stdout_of(
        on(&fixture("unsound"))
            .arg("verify")
            .arg("--python")
            .arg(&a)
            .arg("--python")
            .arg(&b),
    );
    assert_eq!(code, Some(1));
    assert!(text.contains("By version:"), "{text}");
    assert_eq!(text.matches("✗ 5 problems").count(), 2, "{text}");
    // Only verify takes several.
    bin()
        .arg("--python")
        .arg(&a)
        .arg("--python")
        .arg(&b)
        .arg("doctor")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only `verify`"));
}

// ---------------------------------------------------------------- archives

fn pack(course: &Path, into: &Path, prefix: &str) {
    let file = std::fs::File::create(into).unwrap();
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    tar.append_dir_all(prefix, course).unwrap();
    tar.into_inner().unwrap().finish().unwrap();
}

#[test]
fn a_course_archive_works_like_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("workshop.tar.gz");
    pack(&fixture("course"), &archive, "fixture-course");
    bin()
        .arg("lint")
        .arg(&archive)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 topic, 6 katas: no problems"));
    on(&archive)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("fix-default"));
    if python_available() {
        on(&archive)
            .arg("doctor")
            .assert()
            .success()
            .stdout(predicate::str::contains("course: Fixture course (archive"))
            .stdout(predicate::str::contains("read offline"));
        let ws = dir.path().join("ws");
        on(&archive).arg("init").arg(&ws).assert().success();
        std::fs::copy(
            fixture("course/katas/basics/greet.solution.py"),
            ws.join("basics/greet.py"),
        )
        .unwrap();
        on(&archive)
            .current_dir(&ws)
            .args(["check", "greet"])
            .assert()
            .success();
    }
    // Problems inside an archive name the file inside it.
    let broken = dir.path().join("broken.tar");
    {
        let mut tar = tar::Builder::new(std::fs::File::create(&broken).unwrap());
        tar.append_dir_all(".", fixture("broken")).unwrap();
        tar.finish().unwrap();
    }
    let (code, text) = stdout_of(bin().arg("lint").arg(&broken));
    assert_eq!(code, Some(1));
    assert!(
        text.contains(&format!(
            "{}!/lessons/one.yaml:11:5: unknown field `hnts`",
            broken.display()
        )),
        "{text}"
    );
    // Not an archive at all: one clear problem, and doctor says the course is not ready.
    let junk = dir.path().join("notes.zip");
    std::fs::write(&junk, b"PK\x03\x04 not really").unwrap();
    bin()
        .arg("lint")
        .arg(&junk)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("zip archive"))
        .stdout(predicate::str::contains("tar czf"));
    on(&junk)
        .arg("doctor")
        .assert()
        .code(3)
        .stdout(predicate::str::contains("✗ course"));
}

// ---------------------------------------------------------------- reports

#[test]
fn a_learner_report_has_progress_in_json_and_markdown() {
    if !python_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let course = fixture("course");
    let ws = dir.path().join("ws");
    on(&course).arg("init").arg(&ws).assert().success();
    let in_ws = |args: &[&str]| {
        let mut cmd = on(&course);
        cmd.current_dir(&ws).args(args);
        cmd
    };
    // Edited files: an untouched starter is not an attempt.
    for file in ["basics/fix_default.py", "basics/order.py"] {
        let path = ws.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text + "\n# edited\n").unwrap();
    }
    in_ws(&["check", "fix-default"]).assert().code(1);
    in_ws(&["hint", "fix-default"]).assert().success();
    std::fs::copy(
        course.join("katas/basics/fix_default.solution.py"),
        ws.join("basics/fix_default.py"),
    )
    .unwrap();
    in_ws(&["check", "fix-default"]).assert().success();
    in_ws(&["check", "order"]).assert().code(1);
    let out = dir.path().join("out");
    in_ws(&["report", "--name", "Ada Lovelace", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "done 1 of 6 katas, 3 attempts, 1 hint,",
        ));
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("pykata-report-Ada-Lovelace.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["kind"], "pykata-report");
    assert_eq!(json["learner"], "Ada Lovelace");
    assert_eq!(json["course"], "Fixture course");
    let katas = json["katas"].as_array().unwrap();
    assert_eq!(katas.len(), 6);
    assert_eq!(katas[0]["id"], "fix-default");
    assert_eq!(katas[0]["state"], "done");
    assert_eq!(katas[0]["attempts"], 2);
    assert_eq!(katas[0]["hints_used"], 1);
    assert!(katas[0]["seconds"].as_u64().is_some());
    assert_eq!(katas[1]["state"], "started");
    assert_eq!(katas[2]["state"], "new");
    assert_eq!(json["predictions"].as_array().unwrap().len(), 3);
    assert_eq!(json["totals"]["done"], 1);
    let md = std::fs::read_to_string(out.join("pykata-report-Ada-Lovelace.md")).unwrap();
    assert!(md.starts_with("# pykata report: Ada Lovelace"), "{md}");
    assert!(
        md.contains("| basics | fix-default (Fresh list per call) | done | 2 | 1 of 2 |"),
        "{md}"
    );

    // The learner's own report merges like the fixtures.
    let class = dir.path().join("class");
    bin()
        .args(["report", "--out"])
        .arg(&class)
        .arg("--merge")
        .arg(out.join("pykata-report-Ada-Lovelace.json"))
        .arg(fixture("reports/bob.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("2 learners, 6 katas"));
}

#[test]
fn merged_reports_make_a_class_table_showing_where_people_got_stuck() {
    let dir = tempfile::tempdir().unwrap();
    let reports = fixture("reports");
    bin()
        .args(["report", "--out"])
        .arg(dir.path())
        .arg("--merge")
        .arg(reports.join("ada.json"))
        .arg(reports.join("bob.json"))
        .arg(reports.join("cy.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("3 learners, 6 katas"))
        .stdout(predicate::str::contains("order"))
        .stdout(predicate::str::contains(
            "2 stuck (bob, cy), up to 7 attempts",
        ));
    let csv = std::fs::read_to_string(dir.path().join("class-report.csv")).unwrap();
    assert_eq!(
        csv,
        "topic,kata,title,learners,done,stuck,not_started,median_attempts,max_attempts,hints_used,learners_using_hints,median_seconds_to_pass,stuck_learners\r\n\
         basics,fix-default,Fresh list per call,3,3,0,0,2,4,2,1,240,\r\n\
         basics,order,Enter and exit in order,3,1,2,0,5,7,3,3,540,bob; cy\r\n\
         basics,validate,Reject bad ports,3,1,1,1,1.5,2,1,1,60,bob\r\n\
         basics,import-guard,Refuse to import,3,1,0,2,2,2,0,0,300,\r\n\
         basics,greet,Read a name,3,0,1,2,1,1,0,0,,ada\r\n\
         basics,needs-future,From the future,3,0,0,3,,0,0,0,,\r\n"
    );
    let md = std::fs::read_to_string(dir.path().join("class-report.md")).unwrap();
    let stuck_section = md.split("## Katas").next().unwrap();
    let order_at = stuck_section
        .find("**order**")
        .expect("order is listed as stuck");
    let validate_at = stuck_section
        .find("**validate**")
        .expect("validate is listed as stuck");
    assert!(order_at < validate_at, "the worst kata comes first:\n{md}");
    assert!(
        md.contains(
            "| basics | order (Enter and exit in order) | 1/3 | 2 | 0 | 5 | 7 | 3 (3) | 9 min |"
        ),
        "{md}"
    );
    assert!(md.contains("| bob | ✓ 4 | ✗ 7 | ✗ 2 | · | · | · |"), "{md}");
    assert!(md.contains("| basics/5 | 3 | 2 | 2 |"), "{md}");

    // Anything but a learner's report is refused, naming the file.
    let not_a_report = dir.path().join("progress.json");
    std::fs::write(&not_a_report, "{\"format\": 1, \"katas\": {}}").unwrap();
    bin()
        .args(["report", "--merge"])
        .arg(&not_a_report)
        .arg("--out")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("progress.json cannot be merged"));
}

// ---------------------------------------------------------------- the walkthrough

/// The topic file and Python files of docs/authoring.md's walkthrough, as
/// the reader would copy them: (path relative to the course, text).
fn walkthrough_files() -> Vec<(String, String)> {
    let doc = std::fs::read_to_string(root().join("docs/authoring.md")).unwrap();
    let start = doc
        .find("### 3. Write the lesson")
        .expect("the walkthrough has a lesson step");
    let end = doc[start..]
        .find("The five checks")
        .map(|i| start + i)
        .expect("the walkthrough lists the checks");
    let mut files = Vec::new();
    let mut name: Option<String> = None;
    let mut block: Option<(String, String)> = None;
    for line in doc[start..end].lines() {
        if let Some((path, text)) = block.as_mut() {
            if line == "```" {
                files.push((path.clone(), std::mem::take(text)));
                block = None;
            } else {
                text.push_str(line);
                text.push('\n');
            }
        } else if line == "```yaml" {
            block = Some(("lessons/closures.yaml".into(), String::new()));
        } else if line == "```python" {
            let file = name.take().expect("a Python block follows its file name");
            block = Some((format!("katas/closures/{file}"), String::new()));
        } else if let Some(file) = line
            .strip_prefix('`')
            .and_then(|l| l.split('`').next())
            .filter(|f| f.ends_with(".py"))
        {
            name = Some(file.to_string());
        }
    }
    files
}

#[test]
fn the_authoring_walkthrough_lints_and_verifies_as_written() {
    if !python_available() {
        return;
    }
    let files = walkthrough_files();
    assert_eq!(files.len(), 5, "{files:#?}");
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("my-course");
    on(&course)
        .args([
            "new",
            "topic",
            "closures",
            "--title",
            "Closures and late binding",
        ])
        .assert()
        .success();
    for stale in [
        "warmup.py",
        "warmup.solution.py",
        "warmup.alt.py",
        "warmup.mistake-sorted.py",
    ] {
        std::fs::remove_file(course.join("katas/closures").join(stale)).unwrap();
    }
    for (path, text) in &files {
        std::fs::write(course.join(path), text).unwrap();
    }
    bin()
        .arg("lint")
        .arg(&course)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 topic, 1 kata: no problems"));
    on(&course)
        .arg("verify")
        .assert()
        .success()
        .stdout(predicate::str::contains("1 kata, 7 runs"))
        .stdout(predicate::str::contains("no problems"));
}

#[test]
fn verify_mutants_shows_survivors_scores_and_stale_marks() {
    if !python_available() {
        return;
    }
    let course = fixture("mutants");
    let (code, out) = stdout_of(on(&course).args(["verify", "--mutants"]));
    assert_eq!(code, Some(1), "{out}");
    // The weak kata's checks never try 0, so moving the boundary survives,
    // shown as the small diff of the line it changed.
    assert!(
        out.contains("weak mutant `boundary` of signs/weak.solution.py line 2 survives"),
        "{out}"
    );
    assert!(
        out.contains("-    return x > 0\n    +    return (x >= 0)"),
        "{out}"
    );
    // The marked mutant is not a survivor; the stale mark is a problem.
    assert!(
        !out.contains("`drop-statement` of signs/weak.alt.py line 3"),
        "{out}"
    );
    assert!(
        out.contains("no `boundary` mutant of signs/weak.alt.py starts at line 1 any more"),
        "{out}"
    );
    // lint, which only parses, finds the stale mark too.
    let (code, lint) = stdout_of(bin().arg("lint").arg(&course));
    assert_eq!(code, Some(1), "{lint}");
    assert!(
        lint.contains(
            "kata `weak`: no `boundary` mutant of signs/weak.alt.py starts at line 1 any more"
        ),
        "{lint}"
    );
    assert!(lint.contains("lint: 1 problem\n"), "{lint}");
    // The strong kata, checked at zero, kills every mutant.
    assert!(!out.contains("strong mutant"), "{out}");
    assert!(out.contains("mutation: 2 katas"), "{out}");

    let (_, json) =
        json_of(on(&course).args(["verify", "--mutants", "--format", "json", "strong"]));
    assert_eq!(json["ok"], true, "{json}");
    let scores = json["interpreters"][0]["mutation"].as_array().unwrap();
    assert_eq!(scores.len(), 1, "{json}");
    assert_eq!(scores[0]["kata"], "strong");
    assert_eq!(scores[0]["survived"], 0);
    assert_eq!(scores[0]["score"], 100.0);
    assert!(scores[0]["mutants"].as_u64().unwrap() >= 8, "{json}");

    let (code, weak) =
        json_of(on(&course).args(["verify", "--mutants", "--format", "json", "weak"]));
    assert_eq!(code, Some(1));
    let score = &weak["interpreters"][0]["mutation"][0];
    assert_eq!(score["equivalent"], 1, "{weak}");
    assert!(score["survived"].as_u64().unwrap() >= 1, "{weak}");
}

#[test]
fn lint_checks_equivalent_mutant_marks() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("mutants"), dir.path());
    let lessons = dir.path().join("lessons/signs.yaml");
    let text = std::fs::read_to_string(&lessons).unwrap();
    let text = text
        .replace("operator: drop-statement", "operator: drop-statment")
        .replace(
            "file: signs/weak.alt.py\n        operator: boundary\n        line: 1",
            "file: signs/other.py\n        operator: boundary\n        line: 1",
        );
    std::fs::write(&lessons, text).unwrap();
    let (code, out) = stdout_of(bin().args(["lint"]).arg(dir.path()));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("unknown operator `drop-statment`"), "{out}");
    assert!(out.contains("did you mean `drop-statement`?"), "{out}");
    assert!(
        out.contains("kata `weak` has no solution or alternative by that name"),
        "{out}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn lint_and_verify_reject_check_code_that_does_not_compile_and_bad_patterns() {
    if !python_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("mutants"), dir.path());
    let lessons = dir.path().join("lessons/signs.yaml");
    let text = std::fs::read_to_string(&lessons).unwrap();
    let text = text.replace(
        "      - id: around-zero\n",
        "      - id: bad-pattern\n        kind: raises\n        run: is_positive(None)\n        exception: TypeError\n        pattern: \"not (supported\"\n      - id: bad-code\n        kind: assert\n        setup: |\n          x = (1,\n        asserts:\n          - code: x\n      - id: around-zero\n",
    );
    std::fs::write(&lessons, text).unwrap();
    let (code, out) = stdout_of(bin().args(["lint"]).arg(dir.path()));
    assert_eq!(code, Some(1), "{out}");
    let file = dir.path().join("lessons/signs.yaml").display().to_string();
    assert!(
        out.contains(&format!("{file}:34:9: kata `strong`, check `bad-pattern`, `pattern`: bad regular expression: missing ), unterminated subpattern (at character 5)")),
        "{out}"
    );
    assert!(
        out.contains("kata `strong`, check `bad-code`, `setup`: Python syntax error: '(' was never closed (its line 1, column 5)"),
        "{out}"
    );
    let (code, out) = stdout_of(on(dir.path()).args(["verify", "strong"]));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("bad regular expression"), "{out}");
}

// ---------------------------------------------------------------- command line

#[test]
fn every_subcommand_help_lists_only_its_own_options_and_describes_its_arguments() {
    let help = |args: &[&str]| -> String {
        let (code, text) = stdout_of(bin().args(args));
        assert_eq!(code, Some(0), "{args:?}: {text}");
        text
    };
    // The interface's options are the interface's: listed where it opens.
    let top = help(&["--help"]);
    assert!(
        top.contains("--edit-cmd") && top.contains("--poll"),
        "{top}"
    );
    for command in [
        "list", "check", "hint", "hints", "solution", "reset", "init", "verify", "lint", "doctor",
        "schema", "report", "new",
    ] {
        let text = help(&[command, "--help"]);
        for option in ["--edit-cmd", "--poll"] {
            assert!(
                !text.contains(option),
                "`pykata {command} --help` lists the interface's {option}:\n{text}"
            );
        }
    }
    for command in ["hint", "hints", "solution", "reset"] {
        let text = help(&[command, "--help"]);
        assert!(
            text.contains("<KATA>  The kata's id or file (see `pykata list`)"),
            "`pykata {command} --help` leaves KATA undescribed:\n{text}"
        );
    }
    // `watch` waits for saves as the interface does: it has its own --poll.
    assert!(help(&["watch", "--help"]).contains("--poll"));
    // The interface still takes them before any subcommand.
    bin()
        .args(["--poll", "--edit-cmd", "true", "schema"])
        .assert()
        .success();
}

#[test]
fn verify_takes_a_course_folder_as_lint_does() {
    if !python_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("my-course");
    copy_dir(&fixture("course"), &course);
    // From inside the course, `.`; from beside it, `./my-course`; with
    // ids after it, only those are proved.
    bin()
        .current_dir(&course)
        .args(["verify", ".", "greet"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 runs"))
        .stdout(predicate::str::contains("no problems"));
    bin()
        .current_dir(dir.path())
        .args(["verify", "./my-course", "greet"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 runs"));
    // A plain name is an id; when it is a course folder here, the error
    // says how to name the folder.
    bin()
        .current_dir(dir.path())
        .args(["verify", "my-course"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("neither a topic nor a kata"))
        .stderr(predicate::str::contains("write `./my-course`"));
    bin()
        .current_dir(dir.path())
        .args(["verify", "./my-course", "./other"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("one course at a time"));
}

#[test]
fn verify_points_at_the_stated_output_with_a_legend_and_names_steps_by_a_stable_id() {
    if !python_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course");
    copy_dir(&fixture("course"), &course);
    let topic = course.join("lessons/basics.yaml");
    let text = std::fs::read_to_string(&topic).unwrap();
    // The first example states a wrong output; the last predict step,
    // given an id by its author, a wrong answer.
    let text = text
        .replacen("        [1, 2]\n", "        [1, 3]\n", 1)
        .replacen(
            "  - predict:\n      code: |\n        while True:",
            "  - predict:\n      id: endless\n      code: |\n        while True:",
            1,
        )
        .replacen("answer: Infinite loop", "answer: Nothing", 1);
    std::fs::write(&topic, &text).unwrap();
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let verify = || {
        let (code, out) = stdout_of(on(&course).args(["verify", "basics"]));
        assert_eq!(code, Some(1), "{out}");
        out
    };
    let out = verify();
    let output_line = line_of(&text, "output: |");
    let answer_line = line_of(&text, "answer: Nothing");
    let file = topic.display().to_string();
    assert!(
        out.contains(&format!(
            "{file}:{output_line}:7 (step `print-1-2` of basics)"
        )),
        "not at the example's `output:` line {output_line}:\n{out}"
    );
    assert!(
        out.contains("(lines marked - are in `output:` only, + were printed by Python 3.")
            && out.contains("- [1, 3]")
            && out.contains("+ [1, 2]"),
        "no legend for the diff:\n{out}"
    );
    assert!(
        out.contains(&format!(
            "{file}:{answer_line}:7 (step `endless` of basics)"
        )),
        "{out}"
    );

    // A step inserted before them changes neither name.
    let inserted = text.replacen("lesson:\n", "lesson:\n  - read: A new first step.\n", 1);
    std::fs::write(&topic, &inserted).unwrap();
    let out = verify();
    assert!(
        out.contains("(step `print-1-2` of basics)") && out.contains("(step `endless` of basics)"),
        "{out}"
    );

    // Step ids are plain names, each once in its topic.
    let twice = inserted
        .replacen("      id: endless\n", "      id: Endless\n", 1)
        .replacen(
            "  - predict:\n      code: |\n        int(\"x\")",
            "  - predict:\n      id: Endless\n      code: |\n        int(\"x\")",
            1,
        );
    std::fs::write(&topic, &twice).unwrap();
    let (code, out) = stdout_of(on(&course).arg("lint"));
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("step id `Endless` is not a plain name"),
        "{out}"
    );
    assert!(
        out.contains("step id `Endless` is already used on line"),
        "{out}"
    );
}

#[test]
fn predictions_kept_by_step_number_in_an_old_progress_file_move_to_their_steps_and_nowhere_else() {
    let dir = tempfile::tempdir().unwrap();
    let course = fixture("course");
    let ws = dir.path().join("ws");
    on(&course).arg("init").arg(&ws).assert().success();
    // An older pykata kept predictions by step position. The fixture's
    // predict steps are 4, 5 and 6; step 3 is an example now, and the
    // right answer recorded for step 6 is not right for the step there
    // now: both records were made for steps the course has since moved,
    // so they stay under their old keys, kept, given to no step.
    let old = serde_json::json!({
        "format": 1,
        "katas": {},
        "predictions": {
            "basics/4": {"attempts": 2, "first_correct": false, "answered_correctly": true, "last_answer": "['v1', 'v1']"},
            "basics/5": {"attempts": 1, "first_correct": false, "answered_correctly": false, "last_answer": "1"},
            "basics/6": {"attempts": 1, "first_correct": true, "answered_correctly": true, "last_answer": "Nothing"},
            "basics/3": {"attempts": 1, "first_correct": true, "answered_correctly": true, "last_answer": "x"}
        }
    });
    let progress_file = ws.join(".pykata/progress.json");
    std::fs::write(&progress_file, serde_json::to_string_pretty(&old).unwrap()).unwrap();
    let out = dir.path().join("out");
    on(&course)
        .current_dir(&ws)
        .args(["report", "--name", "Ada", "--out"])
        .arg(&out)
        .assert()
        .success();
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(&progress_file).unwrap()).unwrap();
    let predictions = saved["predictions"].as_object().unwrap();
    let mut keys: Vec<&str> = predictions.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "basics/3",
            "basics/6",
            "basics/what-does-this-print-int-x",
            "basics/what-does-this-print-print-v1-v1",
        ],
        "{saved:#}"
    );
    let moved = &predictions["basics/what-does-this-print-print-v1-v1"];
    assert_eq!(moved["attempts"], 2);
    assert_eq!(moved["answered_correctly"], true);
    assert_eq!(
        predictions["basics/what-does-this-print-int-x"]["last_answer"],
        "1"
    );
    assert_eq!(predictions["basics/6"]["last_answer"], "Nothing");

    // The report lists each step of the course once, by id and position,
    // with what was recorded for it; the records kept under old keys
    // follow, counted for no step.
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("pykata-report-Ada.json")).unwrap())
            .unwrap();
    let listed: Vec<(String, u64, u64)> = report["predictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["key"].as_str().unwrap().to_string(),
                p["step"].as_u64().unwrap(),
                p["attempts"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed[..3],
        [
            ("basics/what-does-this-print-print-v1-v1".to_string(), 4, 2),
            ("basics/what-does-this-print-int-x".to_string(), 5, 1),
            ("basics/what-does-this-print-while-true".to_string(), 6, 0),
        ],
        "{report:#}"
    );
    assert_eq!(report["totals"]["predictions"], 3);
    assert_eq!(report["totals"]["predictions_answered"], 2);
}

/// A correct solution that a loaded machine stretched past the kata's time
/// limit is run again with twice the time before verify calls it wrong.
#[test]
fn verify_gives_a_solution_that_timed_out_a_second_chance() {
    if !python_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course");
    copy_dir(&fixture("course"), &course);
    // validate's limit is 3 s: this solution needs about 3.5 s.
    let solution = course.join("katas/basics/validate.solution.py");
    let text = std::fs::read_to_string(&solution).unwrap();
    let slow = text.replacen(
        "def set_port(n):\n",
        "def set_port(n):\n    if n == 8080:\n        __import__('time').sleep(3.5)\n",
        1,
    );
    assert_ne!(slow, text);
    std::fs::write(&solution, slow).unwrap();
    let (code, out) = stdout_of(on(&course).args(["verify", "validate"]));
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("no problems"), "{out}");
}
