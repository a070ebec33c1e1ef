//! The interface's ending (a topic, then the whole course, completed by a
//! pass: what the learner is told and where they can go next) and the
//! rough edges of issue 11 item 16 (the welcome's folder, the too-small
//! screen, predict questions and choices, the map's search), drawn on a
//! TestBackend. As in tui_screens.rs, no Python runs here: the worker's
//! results and progress records are handed to the app as the worker would.

use crate::common::fixture_course;
use pykata::course::{self, Course, CourseSource};
use pykata::judge::{Status, Verdict};
use pykata::runner::{Interpreter, PythonVersion};
use pykata::tui::app::{App, Effect, Msg, Screen, WelcomeFiles};
use pykata::tui::screens;
use pykata::tui::theme::Theme;
use pykata::workspace::Workspace;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::path::Path;
use std::time::Duration;

/// An app on `course` with a fresh workspace in a temp dir, Python 3.11.
fn app_on(course: Course) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let (ws, _) = Workspace::init(&dir.path().join("ws"), &course).unwrap();
    let mut app = App::new(course, Some(ws), Theme::plain());
    app.ws_display = "./pykata-workspace".into();
    app.python = Some(Interpreter {
        program: "python3".into(),
        pre_args: Vec::new(),
        found_by: "test",
    });
    app.version = PythonVersion::parse("3.11.7");
    (dir, app)
}

fn draw(app: &mut App, w: u16, h: u16) -> TestBackend {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| screens::render(f, app)).unwrap();
    term.backend().clone()
}

fn rows(backend: &TestBackend) -> Vec<String> {
    let buf = backend.buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

fn screen(backend: &TestBackend) -> String {
    rows(backend).join("\n")
}

/// The words on the screen, in reading order, without borders: a
/// sentence wrapped over lines reads as one (draw popups at their own
/// width, so no screen beside them is read with them).
fn flat(backend: &TestBackend) -> String {
    rows(backend)
        .iter()
        .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !w.chars().all(|c| "│─┌┐└┘".contains(c)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn passed(message: &str) -> Verdict {
    Verdict {
        status: Status::Pass,
        message: message.into(),
        mistake: None,
        checks: Vec::new(),
        traceback: None,
        line: None,
        column: None,
        import_output: String::new(),
        stderr: String::new(),
        truncated: false,
        python: Some("3.11.7".into()),
        duration_ms: 42,
        cpu_ms: None,
    }
}

/// Marks these katas passed in the workspace's progress file, as `pykata
/// check` or an earlier session would have, and has the app read it.
fn mark_passed(app: &mut App, ids: &[&str]) {
    let ws = app.ws.clone().unwrap();
    ws.update_progress(|p| {
        for id in ids {
            p.record_attempt(id, pykata::judge::Status::Pass);
        }
    });
    app.reload_progress();
}

/// Opens kata `id`, runs its checks (`r`) and hands back a pass, recorded
/// in the progress file first as the worker does.
fn pass_kata(app: &mut App, id: &str) {
    let (t, i) = app.locate(id).expect("kata exists");
    app.open_kata(t, i);
    let effects = key(app, KeyCode::Char('r'));
    let gen = effects
        .iter()
        .find_map(|e| match e {
            Effect::Check { gen, .. } => Some(*gen),
            _ => None,
        })
        .expect("r starts a check");
    let ws = app.ws.clone().unwrap();
    ws.update_progress(|p| p.record_attempt(id, pykata::judge::Status::Pass));
    app.update(Msg::Checked {
        gen,
        kata: id.into(),
        result: Ok((passed("all 3 checks pass"), None)),
        elapsed: Duration::from_millis(50),
    });
}

fn kata_ids(course: &Course, topic: usize) -> Vec<String> {
    course.topics[topic]
        .katas
        .iter()
        .map(|k| k.id.clone())
        .collect()
}

#[test]
fn the_pass_that_completes_a_topic_names_the_next_topic_and_enter_opens_it() {
    let course = course::load(CourseSource::Embedded).expect("the built-in course loads");
    let first = kata_ids(&course, 0);
    let next_title = course.topics[1].title.clone();
    let (_d, mut app) = app_on(course);
    let (last, others) = first.split_last().unwrap();
    let others: Vec<&str> = others.iter().map(String::as_str).collect();
    mark_passed(&mut app, &others);

    pass_kata(&mut app, last);
    let text = flat(&draw(&mut app, 72, 24));
    assert!(
        text.contains("Topic complete: Gotchas that fail silently"),
        "{text}"
    );
    assert!(
        text.contains(&format!("Next: topic 2, {next_title}")),
        "{text}"
    );
    assert!(text.contains("Enter opens its lesson"), "{text}");
    insta::assert_snapshot!("topic_complete_80x24", draw(&mut app, 80, 24));

    // Enter goes on to the next topic's lesson.
    key(&mut app, KeyCode::Enter);
    assert!(app.ending.is_none());
    match &app.screen {
        Screen::Lesson(view) => assert_eq!(view.topic, 1),
        other => panic!("Enter opened {other:?}, not the next lesson"),
    }

    // On the map the topic is marked complete.
    app.back_to_map();
    let map = screen(&draw(&mut app, 80, 24));
    let row = map
        .lines()
        .find(|l| l.contains("Gotchas that fail silently"))
        .unwrap();
    assert!(row.contains("✓ complete"), "{map}");
}

#[test]
fn passing_a_kata_again_in_a_complete_topic_says_nothing_more() {
    let course = course::load(CourseSource::Embedded).unwrap();
    let first = kata_ids(&course, 0);
    let (_d, mut app) = app_on(course);
    let ids: Vec<&str> = first.iter().map(String::as_str).collect();
    mark_passed(&mut app, &ids);
    pass_kata(&mut app, ids[0]);
    assert!(app.ending.is_none(), "{:?}", app.ending);
}

#[test]
fn the_pass_that_completes_the_course_says_what_next_with_the_skipped_kata() {
    let course = course::load(CourseSource::Dir(fixture_course())).unwrap();
    let (_d, mut app) = app_on(course);
    // `needs-future` needs Python 3.99: it is skipped under 3.11.
    mark_passed(
        &mut app,
        &["fix-default", "order", "validate", "import-guard"],
    );
    pass_kata(&mut app, "greet");
    let text = flat(&draw(&mut app, 72, 24));
    assert!(text.contains("Course complete: Fixture course"), "{text}");
    assert!(
        text.contains("5 of the course's 6 katas pass; 1 was"),
        "{text}"
    );
    assert!(text.contains("pykata report"), "{text}");
    assert!(text.contains("pykata --python python3.99 check"), "{text}");
    insta::assert_snapshot!("course_complete_80x24", draw(&mut app, 80, 24));

    // Any key closes it; the map then says the course is complete, and
    // `c` (nothing is left to continue) shows the ending again.
    key(&mut app, KeyCode::Esc);
    assert!(app.ending.is_none());
    app.back_to_map();
    let map = screen(&draw(&mut app, 80, 24));
    assert!(map.contains("✓ Course complete"), "{map}");
    assert!(map.contains("✓ complete, 1 skipped"), "{map}");
    key(&mut app, KeyCode::Char('c'));
    assert!(
        app.ending.as_ref().is_some_and(|e| e.course_complete()),
        "{:?}",
        app.ending
    );
}

#[test]
fn welcome_in_a_folder_that_was_there_says_it_was_set_up_not_created() {
    let course = course::load(CourseSource::Dir(fixture_course())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path().join("mine");
    std::fs::create_dir(&here).unwrap();
    std::fs::write(here.join("notes.txt"), "mine").unwrap();

    // `--workspace .` in a folder that exists.
    let (ws, welcome) = pykata::tui::resolve_workspace(Some(Path::new(".")), &here, &course);
    assert_eq!(welcome, Some(WelcomeFiles::SetUp { added: 6, kept: 0 }));
    let ws = ws.unwrap();
    assert_eq!(ws.root, here.canonicalize().unwrap());

    // A folder that was not there is created.
    let (_, welcome) = pykata::tui::resolve_workspace(Some(Path::new("new")), &here, &course);
    assert_eq!(welcome, Some(WelcomeFiles::Created { files: 6 }));

    let (_d, app) = app_on(course);
    let mut app = app.with_welcome(WelcomeFiles::SetUp { added: 4, kept: 2 });
    app.ws_display = "/home/ada/python-course".into();
    let text = flat(&draw(&mut app, 80, 24));
    assert!(!text.contains("created just now"), "{text}");
    assert!(!text.contains(".."), "{text}");
    assert!(
        text.contains(
            "Your files are in /home/ada/python-course, a folder that was already there: \
             pykata made it your workspace just now, adding 4 kata files and keeping the 2 \
             kata files already there as they were."
        ),
        "{text}"
    );
    insta::assert_snapshot!("welcome_set_up_80x24", draw(&mut app, 80, 24));
}

#[test]
fn the_too_small_screen_wraps_at_words() {
    let course = course::load(CourseSource::Dir(fixture_course())).unwrap();
    let (_d, mut app) = app_on(course);
    for (w, h) in [(30, 8), (24, 5), (39, 11)] {
        let lines = rows(&draw(&mut app, w, h));
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        let size = format!("{w}x{h}.");
        for whole in ["pykata", "40x12", "(80x24", "terminal", &size, "quits."] {
            assert!(
                words.contains(&whole),
                "{whole:?} is cut at {w}x{h}: {lines:#?}"
            );
        }
    }
}

/// The fixture course in a temp folder, its lesson's choice question
/// given inline code and a two-line choice.
fn course_with_a_question_in_code() -> (tempfile::TempDir, Course) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&fixture_course(), dir.path());
    let lesson = dir.path().join("lessons/basics.yaml");
    let yaml = std::fs::read_to_string(&lesson).unwrap();
    let yaml = yaml.replace(
        "      answer: Error\n      choices: [\"1\", \"Error\", \"Nothing\"]",
        "      question: What does `int(\"x\")` do when the text is not a number, for **every** string like it?\n      answer: Error\n      choices: [\"1\\n2\", \"Error\", \"Nothing\"]",
    );
    assert!(yaml.contains("`int"), "the fixture's choice step moved");
    std::fs::write(&lesson, yaml).unwrap();
    let course = course::load(CourseSource::Dir(dir.path().to_path_buf())).unwrap();
    (dir, course)
}

#[test]
fn a_predict_question_shows_inline_code_and_choices_hang_their_lines() {
    let (_c, course) = course_with_a_question_in_code();
    let (_d, mut app) = app_on(course);
    app.open_lesson(0);
    // The choice step is the fifth; the free-text one before it takes
    // keys until Esc.
    for code in [
        KeyCode::Right,
        KeyCode::Right,
        KeyCode::Right,
        KeyCode::Esc,
        KeyCode::Right,
    ] {
        key(&mut app, code);
    }
    let lines = rows(&draw(&mut app, 60, 24));
    let text = lines.join("\n");
    assert!(!text.contains('`') && !text.contains("**"), "{text}");
    assert!(text.contains("Predict: What does int(\"x\") do"), "{text}");
    // The question wraps at words, under its own start.
    let at = lines.iter().position(|l| l.contains("Predict: ")).unwrap();
    assert!(lines[at + 1].starts_with("          "), "{text}");
    // The choice "1\n2": its second line under its first, not at the margin.
    let one = lines
        .iter()
        .position(|l| l.trim_start().starts_with("▶ 1. 1"))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(lines[one + 1].trim_end(), "      2", "{text}");
    insta::assert_snapshot!("predict_question_in_code_60x24", draw(&mut app, 60, 24));
}

#[test]
fn slash_on_a_kept_search_starts_a_new_one() {
    let course = course::load(CourseSource::Dir(fixture_course())).unwrap();
    let (_d, mut app) = app_on(course);
    app.back_to_map();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "fix");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.map.search, "fix");

    // `/` again: typing replaces the kept search, not appends to it.
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "ord");
    assert_eq!(app.map.search, "ord");
    let text = screen(&draw(&mut app, 80, 24));
    assert!(text.contains(" / ord"), "{text}");
    assert!(text.contains("order"), "{text}");

    // Enter right after `/` keeps it; Backspace right after `/` clears it.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.map.search, "ord");
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.map.search, "");
}
