//! The course loader against hostile and broken course folders, with the
//! real binary: links out of the course, loops, named pipes, devices, huge
//! files and names, files that are not UTF-8, and topic files large enough
//! to show a quadratic step. Every run has a timeout and a memory limit, so
//! a hang or a runaway read fails the test instead of the machine.
#![cfg(unix)]

use crate::common::fixture_course;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

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

/// A fresh copy of the fixture course in a temp dir: (dir, course folder).
fn fresh_course() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("course");
    copy_dir(&fixture_course(), &course);
    (dir, course)
}

/// What a run of the binary showed.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

const TIMEOUT: Duration = Duration::from_secs(30);

/// Runs pykata with `args` in `cwd`, under a 2 GiB address-space limit and
/// a timeout: a run that reads forever is killed and fails the test.
fn pykata(cwd: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(r#"ulimit -v 2097152; exec "$0" "$@""#)
        .arg(env!("CARGO_BIN_EXE_pykata"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("PYKATA_COURSE")
        .env_remove("PYKATA_PYTHON")
        .stdin(std::process::Stdio::null());
    let start = Instant::now();
    let mut cmd = assert_cmd::Command::from_std(cmd);
    let out = cmd.timeout(TIMEOUT).output().expect("the binary runs");
    let took = start.elapsed();
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took,
    };
    assert!(
        run.took < TIMEOUT && run.code.is_some(),
        "pykata {args:?} hung or was killed after {:?}\nstdout: {}\nstderr: {}",
        run.took,
        clip(&run.stdout),
        clip(&run.stderr)
    );
    run
}

fn lint(course: &Path) -> Run {
    let dir = course.parent().unwrap();
    pykata(dir, &["--course", course.to_str().unwrap(), "lint"])
}

fn clip(text: &str) -> String {
    text.chars().take(3000).collect()
}

/// Lint fails and says `expected`.
fn lint_refuses(course: &Path, expected: &str, case: &str) -> Run {
    let run = lint(course);
    assert_ne!(run.code, Some(0), "{case}: lint passed:\n{}", run.stdout);
    assert!(
        run.stdout.contains(expected),
        "{case}: lint does not say `{expected}`:\n{}",
        clip(&run.stdout)
    );
    run
}

fn mkfifo(path: &Path) {
    let _ = fs::remove_file(path);
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn replace_with_link(path: &Path, target: &str) {
    let _ = fs::remove_file(path);
    symlink(target, path).unwrap();
}

/// Every file below `dir`, read as text where it can be.
fn texts_below(dir: &Path) -> String {
    let mut out = String::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            out.push_str(&texts_below(&path));
        } else {
            out.push_str(&fs::read_to_string(&path).unwrap_or_default());
        }
    }
    out
}

const SECRET: &str = "TOP-SECRET-OUTSIDE-THE-COURSE";

#[test]
fn a_starter_linked_outside_the_course_never_lints_clean_nor_reaches_the_workspace() {
    let (dir, course) = fresh_course();
    let secret = dir.path().join("shadow");
    fs::write(&secret, format!("root:{SECRET}:19000::::::\n")).unwrap();
    let starter = course.join("katas/basics/greet.py");
    replace_with_link(&starter, secret.to_str().unwrap());

    let run = lint_refuses(&course, "outside the course folder", "starter link");
    assert!(run.stdout.contains("greet.py"), "{}", run.stdout);
    assert!(!run.stdout.contains(SECRET));

    let init = pykata(
        dir.path(),
        &["--course", course.to_str().unwrap(), "init", "ws"],
    );
    assert_ne!(init.code, Some(0), "init copied a course with a link out");
    let ws = dir.path().join("ws");
    if ws.exists() {
        assert!(!texts_below(&ws).contains(SECRET), "init copied the secret");
    }

    // A `..` path in the topic file is refused the same way.
    let (dir, course) = course_with_outside_path();
    let run = lint_refuses(&course, "outside the course folder", "`..` path");
    assert!(!run.stdout.contains(SECRET));
    drop(dir);
}

/// A course whose solution is named `../../../secret.py`, with that file
/// written just outside the course folder.
fn course_with_outside_path() -> (tempfile::TempDir, PathBuf) {
    let (dir, course) = fresh_course();
    fs::write(dir.path().join("secret.py"), format!("# {SECRET}\n")).unwrap();
    let topic = course.join("lessons/basics.yaml");
    let text = fs::read_to_string(&topic).unwrap();
    let text = text.replacen(
        "solution: basics/greet.solution.py",
        "solution: ../../secret.py",
        1,
    );
    assert!(text.contains("../../secret.py"));
    fs::write(&topic, text).unwrap();
    (dir, course)
}

#[test]
fn an_archive_never_follows_its_links() {
    let (dir, course) = fresh_course();
    let secret = dir.path().join("shadow");
    fs::write(&secret, format!("{SECRET}\n")).unwrap();
    replace_with_link(
        &course.join("katas/basics/greet.py"),
        secret.to_str().unwrap(),
    );
    let archive = dir.path().join("course.tar");
    let status = Command::new("tar")
        .arg("cf")
        .arg(&archive)
        .arg("-C")
        .arg(&course)
        .arg(".")
        .status()
        .unwrap();
    assert!(status.success());
    let run = lint_refuses(&archive, "link or special file in the archive", "archive");
    assert!(run.stdout.contains("greet.py"));
    assert!(!run.stdout.contains(SECRET));
    let init = pykata(
        dir.path(),
        &["--course", archive.to_str().unwrap(), "init", "ws"],
    );
    assert_ne!(init.code, Some(0));
}

#[test]
fn links_pipes_devices_and_huge_files_neither_hang_nor_fill_the_memory() {
    type Setup = fn(&Path);
    let cases: &[(&str, Setup, &str)] = &[
        (
            "kata file linked to /",
            |c| replace_with_link(&c.join("katas/basics/greet.py"), "/"),
            "outside the course folder",
        ),
        (
            "kata file in a loop of links",
            |c| {
                replace_with_link(&c.join("katas/basics/greet.py"), "loop.py");
                replace_with_link(&c.join("katas/basics/loop.py"), "greet.py");
            },
            "a link that cannot be followed",
        ),
        (
            "kata file that is a named pipe",
            |c| mkfifo(&c.join("katas/basics/greet.py")),
            "named pipe",
        ),
        (
            "kata file linked to /dev/zero",
            |c| replace_with_link(&c.join("katas/basics/greet.py"), "/dev/zero"),
            "outside the course folder",
        ),
        (
            "topic file that is a named pipe",
            |c| mkfifo(&c.join("lessons/basics.yaml")),
            "named pipe",
        ),
        (
            "topic file linked to /",
            |c| replace_with_link(&c.join("lessons/basics.yaml"), "/"),
            "outside the course folder",
        ),
        (
            "manifest that is a named pipe",
            |c| mkfifo(&c.join("course.yaml")),
            "named pipe",
        ),
        (
            "manifest linked to /dev/zero",
            |c| replace_with_link(&c.join("course.yaml"), "/dev/zero"),
            "outside the course folder",
        ),
        (
            // The "did you mean" walk must follow neither link.
            "missing kata file beside links to / and to a parent",
            |c| {
                fs::remove_file(c.join("katas/basics/greet.py")).unwrap();
                symlink("/", c.join("katas/basics/root")).unwrap();
                symlink("..", c.join("katas/basics/up")).unwrap();
                symlink("/", c.join("lessons/root")).unwrap();
            },
            "does not exist",
        ),
        (
            "kata file larger than the cap",
            |c| {
                let f = fs::File::create(c.join("katas/basics/greet.py")).unwrap();
                f.set_len(9 * 1024 * 1024).unwrap();
            },
            "larger than 8 MiB",
        ),
        (
            "katas folder linked to /",
            |c| {
                fs::rename(c.join("katas"), c.join("katas-real")).unwrap();
                symlink("/", c.join("katas")).unwrap();
            },
            "outside the course folder",
        ),
    ];
    for (case, setup, expected) in cases {
        let (_dir, course) = fresh_course();
        setup(&course);
        let run = lint_refuses(&course, expected, case);
        assert!(
            run.stdout.len() < 20_000,
            "{case}: {} bytes of output",
            run.stdout.len()
        );
    }
}

#[test]
fn a_link_that_stays_inside_the_course_is_followed() {
    let (_dir, course) = fresh_course();
    // The starter shared with the alternative's folder through a link.
    fs::create_dir(course.join("katas/shared")).unwrap();
    fs::rename(
        course.join("katas/basics/greet.py"),
        course.join("katas/shared/greet.py"),
    )
    .unwrap();
    replace_with_link(&course.join("katas/basics/greet.py"), "../shared/greet.py");
    let run = lint(&course);
    assert!(
        run.stdout.contains("no problems"),
        "{}\n{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn unreadable_files_say_what_is_really_wrong() {
    // A kata file with one byte that is not UTF-8, on its second line.
    let (_dir, course) = fresh_course();
    let starter = course.join("katas/basics/greet.py");
    let mut bytes = b"# fine\nname = '\xff'\n".to_vec();
    bytes.extend_from_slice(&fs::read(&starter).unwrap());
    fs::write(&starter, bytes).unwrap();
    let run = lint_refuses(&course, "is not UTF-8 text", "bad byte in a kata file");
    assert!(
        run.stdout.contains("greet.py:2:9:") && run.stdout.contains("0xFF"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("does not exist"), "{}", run.stdout);
    assert!(!run.stdout.contains("did you mean"), "{}", run.stdout);

    // A kata file that is a folder.
    let (_dir, course) = fresh_course();
    let starter = course.join("katas/basics/greet.py");
    fs::remove_file(&starter).unwrap();
    fs::create_dir(&starter).unwrap();
    fs::write(starter.join("inside.py"), "x = 1\n").unwrap();
    let run = lint_refuses(&course, "greet.py is a folder, not a file", "folder");
    assert!(!run.stdout.contains("does not exist"), "{}", run.stdout);
    assert!(!run.stdout.contains("did you mean"), "{}", run.stdout);

    // A topic file with one bad byte in its title.
    let (_dir, course) = fresh_course();
    let topic = course.join("lessons/basics.yaml");
    let text = fs::read(&topic).unwrap();
    let mut bytes = b"title: Basics \xe9\n".to_vec();
    bytes.extend(text.split(|b| *b == b'\n').skip(1).flat_map(|l| {
        let mut l = l.to_vec();
        l.push(b'\n');
        l
    }));
    fs::write(&topic, bytes).unwrap();
    let run = lint_refuses(&course, "is not UTF-8 text", "bad byte in a topic file");
    assert!(
        run.stdout.contains("basics.yaml:1:15:") && run.stdout.contains("0xE9"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("has no file"), "{}", run.stdout);
}

#[test]
fn a_megabyte_long_missing_file_name_is_answered_at_once_and_shown_clipped() {
    let (_dir, course) = fresh_course();
    let topic = course.join("lessons/basics.yaml");
    let text = fs::read_to_string(&topic).unwrap();
    let long = format!("basics/{}.py", "g".repeat(1_000_000));
    let text = text.replacen("starter: basics/greet.py", &format!("starter: {long}"), 1);
    fs::write(&topic, text).unwrap();
    let run = lint_refuses(&course, "does not exist", "long name");
    assert!(
        // A suggestion computed over the whole name would take minutes;
        // the bound leaves room for a loaded machine.
        run.took < Duration::from_secs(15),
        "a suggestion for a 1 MB name took {:?}",
        run.took
    );
    assert!(
        run.stdout.len() < 5_000,
        "the name was printed whole: {} bytes",
        run.stdout.len()
    );
    assert!(run.stdout.contains("characters)"), "{}", clip(&run.stdout));
}

#[test]
fn salvaging_a_broken_topic_file_is_linear_in_its_steps() {
    // 20,000 steps, each followed by blank lines, the last one broken: the
    // whole file fails to parse, so each step is parsed on its own to find
    // every problem. Each used to be parsed with every line before it left
    // blank: 10^10 lines here, minutes of work (it takes 3 s of CPU time in
    // a debug build now). The problem must still be at its real line.
    let (_dir, course) = fresh_course();
    let topic = course.join("lessons/basics.yaml");
    let text = fs::read_to_string(&topic).unwrap();
    let (head, rest) = text.split_once("lesson:\n").unwrap();
    let mut steps = String::new();
    for i in 0..20_000 {
        steps.push_str(&format!("  - read: Step {i}.\n"));
        steps.push_str(&"\n".repeat(49));
    }
    let broken_line = head.lines().count() + 1 + steps.lines().count() + 1;
    steps.push_str("  - read: [not, text]\n");
    fs::write(&topic, format!("{head}lesson:\n{steps}{rest}")).unwrap();
    let run = lint_refuses(&course, "expected string", "many steps");
    assert!(
        run.stdout.contains(&format!("basics.yaml:{broken_line}:")),
        "not at line {broken_line}:\n{}",
        run.stdout
    );
    assert!(
        // Time is a guard here (a quadratic salvage took minutes), with
        // room for a loaded machine.
        run.took < Duration::from_secs(60),
        "salvaging 20,000 steps took {:?}",
        run.took
    );
}

#[test]
fn new_never_waits_on_a_named_pipe() {
    let (dir, course) = fresh_course();
    mkfifo(&course.join("lessons/basics.yaml"));
    let run = pykata(
        dir.path(),
        &[
            "--course",
            course.to_str().unwrap(),
            "new",
            "kata",
            "basics",
            "another",
        ],
    );
    assert_ne!(run.code, Some(0));
    assert!(run.stderr.contains("named pipe"), "{}", run.stderr);
}

/// A topic id is joined into paths (lessons/<id>.yaml and the learner's
/// workspace folder): `../evil` once linted clean and made `init` write
/// outside the workspace.
#[test]
fn a_topic_id_that_is_a_path_is_refused_and_init_writes_nothing_outside() {
    let (dir, course) = fresh_course();
    fs::write(
        course.join("course.yaml"),
        "format: 1\ntitle: T\ndescription: D\ntopics:\n  - ../evil\n",
    )
    .unwrap();
    // The topic file it would name exists inside the course.
    fs::copy(course.join("lessons/basics.yaml"), course.join("evil.yaml")).unwrap();
    let run = lint_refuses(
        &course,
        "topic id `../evil` is not a plain name",
        "dotdot topic",
    );
    assert!(run.stdout.contains("course.yaml:5:"), "{}", run.stdout);
    let ws = dir.path().join("area/ws");
    fs::create_dir_all(&ws).unwrap();
    let run = pykata(
        dir.path(),
        &[
            "--course",
            course.to_str().unwrap(),
            "init",
            ws.to_str().unwrap(),
        ],
    );
    assert_ne!(run.code, Some(0));
    assert!(!dir.path().join("area/evil").exists());
}

/// A kata file named like a standard module would stand in for it in the
/// harness and in the learner's own imports.
#[test]
fn a_starter_named_like_a_standard_module_is_refused() {
    let (_dir, course) = fresh_course();
    let topic = course.join("lessons/basics.yaml");
    let text = fs::read_to_string(&topic).unwrap();
    fs::write(
        &topic,
        text.replace("starter: basics/greet.py", "starter: basics/json.py"),
    )
    .unwrap();
    fs::copy(
        course.join("katas/basics/greet.py"),
        course.join("katas/basics/json.py"),
    )
    .unwrap();
    let run = lint_refuses(
        &course,
        "is the name of the standard library module `json`",
        "json.py",
    );
    assert!(run.stdout.contains("json_config.py"), "{}", run.stdout);
}

/// `renamed_from:` must name plain ids that no kata uses now: another
/// kata's id would hand that kata's record to this one.
#[test]
fn renamed_from_must_not_take_another_katas_id() {
    let (_dir, course) = fresh_course();
    let topic = course.join("lessons/basics.yaml");
    let text = fs::read_to_string(&topic).unwrap();
    fs::write(
        &topic,
        text.replace(
            "  - id: greet\n",
            "  - id: greet\n    renamed_from: [order, Bad Id]\n",
        ),
    )
    .unwrap();
    let run = lint_refuses(
        &course,
        "was renamed from `order`, which is the id of the kata at",
        "taken",
    );
    assert!(
        run.stdout
            .contains("`renamed_from: Bad Id` is not an earlier id"),
        "{}",
        run.stdout
    );
}

/// Replaces the first `from` in the course file `rel` with `to`.
fn edit(course: &Path, rel: &str, from: &str, to: &str) {
    let path = course.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no `{from}`");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The 1-based line of `rel` that contains `needle`.
fn line_of(course: &Path, rel: &str, needle: &str) -> usize {
    let text = fs::read_to_string(course.join(rel)).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{rel} has no `{needle}`"))
        + 1
}

#[test]
fn lint_lists_every_bad_field_of_every_file_in_one_run() {
    // Bad fields in the manifest, at the head of two topic files, several
    // in one kata, and a check kind nobody knows: each used to hide what
    // came after it in its document (and the manifest's hid every topic).
    let (_dir, course) = fresh_course();
    let topic = "lessons/basics.yaml";
    edit(
        &course,
        "course.yaml",
        "title: Fixture course",
        "title: Fixture course\nauthr: me",
    );
    edit(
        &course,
        "course.yaml",
        "  - basics",
        "  - basics\n  - extra",
    );
    fs::write(
        course.join("lessons/extra.yaml"),
        "title: Extra\nsumary: misspelt\nlesson:\n  - read: Hi.\n  - reed: Typo.\n",
    )
    .unwrap();
    edit(
        &course,
        topic,
        "summary: Every check kind, once.",
        "summary: Every check kind, once.\nauthor: me\nlicence: MIT",
    );
    edit(
        &course,
        topic,
        "    hints:\n      - When is",
        "    hnts:\n      - When is",
    );
    edit(
        &course,
        topic,
        "        kind: assert\n",
        "        kind: asert\n",
    );
    edit(
        &course,
        topic,
        "        kind: structure\n        forbid: [mutable_default]",
        "        kind: wibble\n        forbid: [mutable_default]",
    );
    edit(
        &course,
        topic,
        "basics/fix_default.mistake-copied.py",
        "basics/fix_default.mistake-copy.py",
    );
    edit(&course, topic, "    stdin: \"Ada\\n\"", "    stdin: [Ada]");
    edit(&course, topic, "basics/greet.alt.py", "basics/gret.alt.py");
    // A required field left out, with a file that is not there after it.
    edit(
        &course,
        topic,
        "    task: Make `trace()` print outer enter, inner enter, body, inner exit, outer exit.\n",
        "",
    );
    edit(
        &course,
        topic,
        "starter: basics/order.py",
        "starter: basics/ordr.py",
    );
    let run = lint(&course);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let at = |rel: &str, needle: &str, column: usize| {
        format!(
            "{}:{}:{column}: ",
            course.join(rel).display(),
            line_of(&course, rel, needle)
        )
    };
    let expected = [
        (at("course.yaml", "authr:", 1), "unknown field `authr`"),
        (
            at("lessons/extra.yaml", "sumary:", 1),
            "unknown field `sumary`",
        ),
        (
            at("lessons/extra.yaml", "reed:", 5),
            "unknown variant `reed`",
        ),
        (at(topic, "author:", 1), "unknown field `author`"),
        (at(topic, "licence:", 1), "unknown field `licence`"),
        (at(topic, "hnts:", 5), "unknown field `hnts`"),
        (at(topic, "kind: asert", 15), "unknown variant `asert`"),
        (at(topic, "kind: wibble", 15), "unknown variant `wibble`"),
        (
            at(topic, "mistake-copy.py", 17),
            "mistake-copy.py does not exist",
        ),
        (at(topic, "stdin: [Ada]", 12), "`stdin`"),
        (at(topic, "gret.alt.py", 20), "gret.alt.py does not exist"),
        (at(topic, "ordr.py", 14), "ordr.py does not exist"),
        (
            format!("{}:", course.join(topic).display()),
            "missing field `task`",
        ),
    ];
    for (place, what) in &expected {
        assert!(
            run.stdout
                .lines()
                .any(|l| l.contains(place.as_str()) && l.contains(what)),
            "lint does not say `{place}{what}`:\n{}",
            run.stdout
        );
    }
    // Nothing made up by reading past the bad fields: the kata whose only
    // structure check was taken out is not said to lack checks, and the
    // misspelt fields, read as what they resemble, are not missing, and
    // the stand-in for the missing `task` is not reported as empty.
    assert!(
        run.stdout
            .contains(&format!("lint: {} problems", expected.len())),
        "{}",
        run.stdout
    );
}

#[test]
fn lint_says_what_to_do_about_common_yaml_mistakes() {
    // (what the author wrote instead of the fixture's text, the line it is
    // reported on, the column, what lint must say, what it must advise).
    let task = "    task: Make `add(item, items=None)` return a new list each call.";
    let title = "    title: Fresh list per call";
    let cases: &[(&str, &str, &str, usize, usize, &str, &str)] = &[
        (
            "colon-space",
            task,
            "    task: Make add return: a new list each call.",
            0,
            26,
            "contains `: `",
            "put the text in quotes: task: \"Make add return: a new list each call.\"",
        ),
        (
            "leading backquote",
            task,
            "    task: `add()` returns a new list each call.",
            0,
            11,
            "cannot start with a backquote",
            "task: \"`add()` returns a new list each call.\"",
        ),
        (
            "leading @",
            title,
            "    title: @home list",
            0,
            12,
            "cannot start with `@`",
            "title: \"@home list\"",
        ),
        (
            "leading %",
            title,
            "    title: %d list",
            0,
            12,
            "cannot start with `%`",
            "title: \"%d list\"",
        ),
        (
            "tab",
            title,
            "\ttitle: Fresh list per call",
            0,
            1,
            "indented with a tab",
            "spaces only",
        ),
        (
            "one space too far",
            title,
            "     title: Fresh list per call",
            0,
            6,
            "indented 5 spaces",
            "indent `title:` by 4 spaces, like `id:` on line",
        ),
        (
            "under the field above",
            task,
            "      task: Make add return a new list each call.",
            0,
            7,
            "indented 6 spaces",
            "indent `task:` by 4 spaces, like `title:` on line",
        ),
        (
            "unclosed quote",
            title,
            "    title: \"Fresh list per call",
            0,
            12,
            "quote that starts `title` is never closed",
            "end the text with `\"`",
        ),
        (
            "unclosed bracket",
            "    hints: [Decorators apply bottom-up.]",
            "    hints: [Decorators apply bottom-up.",
            0,
            12,
            "`[` that starts this list is never closed",
            "close it with `]`",
        ),
        (
            "key twice",
            title,
            "    title: Fresh list per call\n    title: Again",
            1,
            5,
            "`title` is written twice",
            "first written on line",
        ),
    ];
    let topic = "lessons/basics.yaml";
    for (case, from, to, below, column, says, advises) in cases {
        let (_dir, course) = fresh_course();
        let line = line_of(&course, topic, from.trim_start()) + below;
        edit(&course, topic, from, to);
        let run = lint(&course);
        let place = format!("{}:{line}:{column}: ", course.join(topic).display());
        let shown = run.stdout.lines().collect::<Vec<_>>();
        let at = shown
            .iter()
            .position(|l| l.contains(&place) && l.contains(says))
            .unwrap_or_else(|| {
                panic!(
                    "{case}: lint does not say `{place}... {says}`:\n{}",
                    run.stdout
                )
            });
        let help = shown.get(at + 1).copied().unwrap_or_default();
        assert!(
            help.trim_start().starts_with("help:") && help.contains(advises),
            "{case}: lint does not advise `{advises}`:\n{}",
            run.stdout
        );
    }
}

#[test]
fn a_missing_file_is_never_said_to_be_one_with_another_role() {
    // The alternative and the mistake sample are gone: the closest names
    // left are the kata's own starter and solution, which would pass lint
    // and then fail verify (a starter must fail, a sample must fire).
    let (_dir, course) = fresh_course();
    let katas = course.join("katas/basics");
    fs::remove_file(katas.join("fix_default.alt.py")).unwrap();
    fs::remove_file(katas.join("fix_default.mistake-copied.py")).unwrap();
    // Another kata's alternative is named as an alternative is, but a
    // missing solution must not be offered it.
    edit(
        &course,
        "lessons/basics.yaml",
        "solution: basics/order.solution.py",
        "solution: basics/order.solutoin.py",
    );
    let run = lint(&course);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let help_after = |what: &str| -> String {
        let at = lines
            .iter()
            .position(|l| l.contains(what) && l.contains("does not exist"))
            .unwrap_or_else(|| panic!("lint does not report {what}:\n{}", run.stdout));
        lines[at + 1].to_string()
    };
    let alt = help_after("fix_default.alt.py");
    for other in ["fix_default.py", "fix_default.solution.py", "mistake-"] {
        assert!(
            !alt.contains(other),
            "the missing alternative is offered {other}: {alt}"
        );
    }
    assert!(alt.contains("named like `topic/name.alt.py`"), "{alt}");
    let sample = help_after("fix_default.mistake-copied.py");
    for other in [
        "fix_default.py`",
        "fix_default.solution.py",
        "fix_default.alt",
    ] {
        assert!(
            !sample.contains(other),
            "the missing sample is offered {other}: {sample}"
        );
    }
    let solution = help_after("order.solutoin.py");
    assert!(
        solution.contains("did you mean `basics/order.solution.py`?"),
        "{solution}"
    );

    // A file named as its role is offered: the alternative renamed .alt2.py.
    fs::write(katas.join("fix_default.alt2.py"), "x = 1\n").unwrap();
    let run = lint(&course);
    assert!(
        run.stdout
            .contains("did you mean `basics/fix_default.alt2.py`?"),
        "{}",
        run.stdout
    );
}
