//! Learners who upgrade keep their work: a workspace made with one version
//! of a course, opened with a newer one, keeps every file the learner wrote
//! and every record they earned (issue 12, "Learners who upgrade").

use pykata::course::{self, Course, CourseSource};
use pykata::progress::KataState;
use pykata::workspace::{Made, Record, Workspace};
use std::fs;
use std::path::{Path, PathBuf};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The built-in course as it was before workspaces kept a record of what
/// their files were made from (commit 98fd15e, `git archive`).
fn course_before_records() -> Course {
    let archive = manifest_dir().join("tests/fixtures/course-2026-11.tar.gz");
    course::load(CourseSource::from_path(&archive)).expect("the old course loads")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn load_dir(dir: &Path) -> Course {
    course::load(CourseSource::Dir(dir.to_path_buf())).expect("the course loads")
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// assets/course-history.json must be exactly what the old course's files
/// were made from, or an old workspace would be judged against the wrong
/// starters. `PYKATA_WRITE_HISTORY=1` writes it.
#[test]
fn the_history_is_the_builtin_course_before_records() {
    let old = course_before_records();
    let mut predictions = std::collections::BTreeMap::new();
    for topic in &old.topics {
        for (index, key) in topic.prediction_keys() {
            predictions.insert(format!("{}/{}", topic.id, index + 1), key);
        }
    }
    let history = Record {
        katas: old.katas().map(|k| (k.id.clone(), Made::of(k))).collect(),
        predictions,
    };
    let path = manifest_dir().join("assets/course-history.json");
    let json = serde_json::to_string_pretty(&history).unwrap() + "\n";
    if std::env::var_os("PYKATA_WRITE_HISTORY").is_some() {
        fs::write(&path, &json).unwrap();
    }
    let on_file: Record = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        on_file, history,
        "run with PYKATA_WRITE_HISTORY=1 to rewrite it"
    );
    assert_eq!(history.katas.len(), 44);
}

struct Scenario {
    _dir: tempfile::TempDir,
    course_dir: PathBuf,
    ws: Workspace,
}

/// A workspace made from the fixture course, in which the learner has
/// written their own code for some katas and earned records.
fn worked_workspace() -> Scenario {
    let dir = tempfile::tempdir().unwrap();
    let course_dir = dir.path().join("course");
    copy_dir(&manifest_dir().join("tests/fixtures/course"), &course_dir);
    let course = load_dir(&course_dir);
    let (ws, _) = Workspace::init(&dir.path().join("ws"), &course).unwrap();
    fs::write(ws.root.join("basics/fix_default.py"), "# my own try\n").unwrap();
    fs::write(ws.root.join("basics/validate.py"), "# my validate\n").unwrap();
    let updated = ws.update_progress(|p| {
        p.record_attempt("fix-default", pykata::judge::Status::Fail);
        p.use_hint("fix-default", 2);
        p.use_hint("fix-default", 2);
        p.record_attempt("validate", pykata::judge::Status::Pass);
        p.record_attempt("import-guard", pykata::judge::Status::Pass);
    });
    assert!(updated.not_saved.is_none());
    Scenario {
        _dir: dir,
        course_dir,
        ws,
    }
}

/// The next version of the fixture course: fix-default's task changed and
/// lost a hint, order's starter changed, validate was renamed (and its file
/// with it), import-guard was removed, greet-again is new.
fn update_course(course_dir: &Path) {
    let topic = course_dir.join("lessons/basics.yaml");
    edit(
        &topic,
        "task: Make `add(item, items=None)` return a new list each call.",
        "task: Make `add(item, items=None)` return a new list on every call, and use a list passed in.",
    );
    edit(&topic, "      - When is a default value evaluated?\n", "");
    let katas = course_dir.join("katas/basics");
    let order = fs::read_to_string(katas.join("order.py")).unwrap();
    fs::write(
        katas.join("order.py"),
        format!("# Stack them in order.\n{order}"),
    )
    .unwrap();
    edit(
        &topic,
        "  - id: validate\n",
        "  - id: validate-port\n    renamed_from: [validate]\n",
    );
    for role in ["", ".solution", ".alt"] {
        fs::rename(
            katas.join(format!("validate{role}.py")),
            katas.join(format!("validate_port{role}.py")),
        )
        .unwrap();
    }
    let text = fs::read_to_string(&topic)
        .unwrap()
        .replace("basics/validate", "basics/validate_port");
    // import-guard goes; greet-again comes.
    let start = text.find("  - id: import-guard").unwrap();
    let end = text.find("  - id: greet\n").unwrap();
    let mut text = format!("{}{}", &text[..start], &text[end..]);
    text.push_str(
        "  - id: greet-again
    title: Read a name twice
    task: Read a name from input and print \"hello NAME\".
    starter: basics/greet_again.py
    solution: basics/greet.solution.py
    alternatives: [basics/greet.alt.py]
    stdin: \"Ada\\n\"
    checks:
      - id: main
        kind: output
        expect: hello Ada
        match: contains
",
    );
    fs::write(&topic, text).unwrap();
    fs::copy(katas.join("greet.py"), katas.join("greet_again.py")).unwrap();
}

#[test]
fn a_workspace_follows_an_updated_course_and_loses_nothing() {
    let s = worked_workspace();
    let order_before = fs::read_to_string(s.ws.root.join("basics/order.py")).unwrap();
    update_course(&s.course_dir);
    let course = load_dir(&s.course_dir);

    let followed = s.ws.follow(&course).unwrap();

    // The learner's own code under a changed task is kept and the kata marked.
    assert_eq!(followed.changed, ["fix-default"]);
    let fix_default = course.kata("fix-default").unwrap();
    assert_eq!(
        fs::read_to_string(s.ws.kata_path(fix_default)).unwrap(),
        "# my own try\n"
    );
    assert!(s.ws.changed(fix_default));
    // An untouched old starter is replaced by the new one.
    assert_eq!(followed.refreshed, ["order"]);
    let order = fs::read_to_string(s.ws.root.join("basics/order.py")).unwrap();
    assert_ne!(order, order_before);
    assert!(order.starts_with("# Stack them in order.\n"));
    assert!(!s.ws.changed(course.kata("order").unwrap()));
    // The renamed kata took its file and record along.
    assert_eq!(
        followed.renamed,
        [("validate".to_string(), "validate-port".to_string())]
    );
    assert_eq!(
        fs::read_to_string(s.ws.root.join("basics/validate_port.py")).unwrap(),
        "# my validate\n"
    );
    assert!(!s.ws.root.join("basics/validate.py").exists());
    let progress = s.ws.read_progress().progress;
    assert_eq!(progress.kata("validate-port").state, KataState::Done);
    // The removed kata's record is set aside, not dropped nor shown.
    assert_eq!(followed.retired, ["import-guard"]);
    assert!(!progress.katas.contains_key("import-guard"));
    assert_eq!(
        progress.retired_katas["import-guard"].state,
        KataState::Done
    );
    // The new kata has its starter.
    assert_eq!(followed.new_starters, ["greet-again"]);
    assert!(s.ws.root.join("basics/greet_again.py").is_file());
    // Hints recorded never point past the hints the kata has now.
    assert_eq!(progress.kata("fix-default").hints_used, 1);

    // Following again changes nothing and says nothing.
    let again = s.ws.follow(&course).unwrap();
    assert!(again.is_empty(), "{again:?}");
    assert!(
        s.ws.changed(fix_default),
        "the mark stays until a reset or a pass"
    );

    // A reset gives the new starter, keeps a backup, and clears the mark.
    let backup = s.ws.reset(fix_default).unwrap().unwrap();
    assert_eq!(fs::read_to_string(backup).unwrap(), "# my own try\n");
    assert!(!s.ws.changed(fix_default));
}

#[test]
fn a_kata_that_comes_back_gets_its_record_back() {
    let s = worked_workspace();
    update_course(&s.course_dir);
    let _followed = s.ws.follow(&load_dir(&s.course_dir)).unwrap();
    let original = load_dir(&manifest_dir().join("tests/fixtures/course"));
    let _followed = s.ws.follow(&original).unwrap();
    let progress = s.ws.read_progress().progress;
    assert_eq!(progress.kata("import-guard").state, KataState::Done);
}

/// A workspace made by pykata before it kept a record (no katas.json),
/// with the built-in course of that time, opened with today's course.
#[test]
fn a_workspace_from_before_records_keeps_everything_under_the_new_course() {
    let dir = tempfile::tempdir().unwrap();
    let old = course_before_records();
    let (ws, _) = Workspace::init(&dir.path().join("ws"), &old).unwrap();
    fs::remove_file(ws.root.join(".pykata/katas.json")).unwrap();
    // The learner solved the first kata of every topic with the reference
    // and wrote something of their own in the second.
    let mut own = Vec::new();
    for topic in &old.topics {
        let first = &topic.katas[0];
        fs::write(ws.kata_path(first), &first.solution.text).unwrap();
        ws.update_progress(|p| p.record_attempt(&first.id, pykata::judge::Status::Pass));
        if let Some(second) = topic.katas.get(1) {
            let mine = format!("# {} by me\n", second.id);
            fs::write(ws.kata_path(second), &mine).unwrap();
            ws.update_progress(|p| {
                p.record_attempt(&second.id, pykata::judge::Status::Fail);
                p.use_hint(&second.id, second.hints.len());
            });
            own.push((second.id.clone(), mine));
        }
    }
    // And answered every prediction of the old course, as that pykata kept
    // them: by step position.
    let mut answered = Vec::new();
    for topic in &old.topics {
        for (index, key) in topic.prediction_keys() {
            let position = format!("{}/{}", topic.id, index + 1);
            ws.update_progress(|p| {
                p.record_prediction(&position, &format!("answer to {key}"), false)
            });
            answered.push((position, key));
        }
    }
    let new = course::load(CourseSource::Embedded).unwrap();
    let _followed = ws.follow(&new).unwrap();
    // The interface and `report` then move what is left by position.
    pykata::session::adopt_step_ids(&ws, &new);

    for kata in new.katas() {
        let path = ws.kata_path(kata);
        assert!(path.is_file(), "{} has no file", kata.id);
    }
    let progress = ws.read_progress().progress;
    for topic in &old.topics {
        let first = &topic.katas[0];
        let record = progress
            .katas
            .get(&first.id)
            .or_else(|| progress.retired_katas.get(&first.id))
            .unwrap_or_else(|| panic!("the pass of {} was lost", first.id));
        assert_eq!(record.state, KataState::Done);
    }
    for (id, mine) in &own {
        let kata = new.kata(id);
        let place = match kata {
            Some(k) => ws.kata_path(k),
            None => ws.root.join(old.kata(id).unwrap().workspace_path()),
        };
        assert_eq!(&fs::read_to_string(&place).unwrap(), mine, "{id}");
        if let Some(k) = kata {
            assert!(progress.kata(id).hints_used as usize <= k.hints.len());
        }
    }
    // Each answer is under its own step's id, whatever steps were
    // inserted before it since; none was given to another step.
    for (position, key) in &answered {
        let record = progress
            .predictions
            .get(key)
            .unwrap_or_else(|| panic!("the answer kept as {position} is not under {key}"));
        assert_eq!(record.last_answer, format!("answer to {key}"));
        assert!(
            !progress.predictions.contains_key(position),
            "{position} left behind"
        );
    }
    // What changed in the course is said, once.
    assert!(ws.follow(&new).unwrap().is_empty());
}

fn pykata(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("pykata").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON");
    cmd
}

/// What the learner sees: the first command after the update says what
/// changed, once; the map keeps marking the changed kata until a reset.
#[test]
fn the_learner_is_told_once_and_the_map_marks_the_changed_kata() {
    let dir = tempfile::tempdir().unwrap();
    let course_dir = dir.path().join("course");
    copy_dir(&manifest_dir().join("tests/fixtures/course"), &course_dir);
    pykata(dir.path())
        .args(["--course", course_dir.to_str().unwrap(), "init", "ws"])
        .assert()
        .success();
    let ws = dir.path().join("ws");
    fs::write(ws.join("basics/fix_default.py"), "# my own try\n").unwrap();
    update_course(&course_dir);

    let out = pykata(&ws).arg("list").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stderr.contains("the task of fix-default changed. Your file is kept"),
        "{stderr}"
    );
    assert!(
        stderr.contains("kata `validate` is now `validate-port`"),
        "{stderr}"
    );
    assert!(
        stdout.contains("task changed since your file was made: `pykata reset fix-default`"),
        "{stdout}"
    );
    assert!(stdout.contains("greet-again"), "{stdout}");

    let again = pykata(&ws).arg("list").output().unwrap();
    assert!(
        !String::from_utf8_lossy(&again.stderr).contains("the course was updated"),
        "said twice: {}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(String::from_utf8_lossy(&again.stdout).contains("task changed"));
    assert_eq!(
        fs::read_to_string(ws.join("basics/fix_default.py")).unwrap(),
        "# my own try\n"
    );

    pykata(&ws)
        .args(["reset", "fix-default"])
        .assert()
        .success();
    let after = pykata(&ws).arg("list").output().unwrap();
    assert!(!String::from_utf8_lossy(&after.stdout).contains("task changed"));
}
