//! Every screen of the interface, drawn on a TestBackend and compared with
//! the snapshots in tests/it/snapshots/ (review changes with `cargo insta
//! review`, or run once with INSTA_UPDATE=always and read the .snap diff).
//! Runs are not started here: verdicts and run results are handed to the
//! app as the worker would, so these tests need no Python.

use crate::common::fixture_course;
use pykata::course::{self, Course, CourseSource};
use pykata::judge::{CheckResult, Status, Verdict};
use pykata::runner::{Interpreter, PythonVersion};
use pykata::session::PredictOutcome;
use pykata::tui::app::{App, Effect, Msg, Screen, WelcomeFiles};
use pykata::tui::clock::Clock;
use pykata::tui::screens;
use pykata::tui::screens::kata::UNNOTICED_AFTER;
use pykata::tui::theme::Theme;
use pykata::workspace::Workspace;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use ratatui::Terminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn load() -> Course {
    course::load(CourseSource::Dir(fixture_course())).expect("the fixture course loads")
}

/// An app on the fixture course with a fresh workspace in a temp dir.
fn app_with(theme: Theme) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let course = load();
    let (ws, _) = Workspace::init(&dir.path().join("ws"), &course).unwrap();
    let mut app = App::new(course, Some(ws), theme);
    app.ws_display = "./pykata-workspace".into();
    app.python = Some(Interpreter {
        program: "python3".into(),
        pre_args: Vec::new(),
        found_by: "test",
    });
    app.version = PythonVersion::parse("3.11.7");
    (dir, app)
}

fn app() -> (tempfile::TempDir, App) {
    app_with(Theme::plain())
}

fn draw(app: &mut App, w: u16, h: u16) -> TestBackend {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| screens::render(f, app)).unwrap();
    term.backend().clone()
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn keys(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        key(app, *c);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Opens the kata with this id from the map.
fn open_kata(app: &mut App, id: &str) {
    let (t, i) = app.locate(id).expect("kata exists");
    app.open_kata(t, i);
}

/// The generation of the check an effect list starts.
fn check_gen(effects: &[Effect]) -> u64 {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Check { gen, .. } => Some(*gen),
            _ => None,
        })
        .expect("a check was started")
}

fn check(id: &str, status: Status) -> CheckResult {
    CheckResult {
        id: id.into(),
        status,
        message: None,
        detail: None,
        expected: None,
        actual: None,
        output: None,
        truncated: false,
        traceback: None,
    }
}

fn verdict(status: Status, message: &str, checks: Vec<CheckResult>) -> Verdict {
    Verdict {
        status,
        message: message.into(),
        mistake: None,
        checks,
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

fn deliver(app: &mut App, gen: u64, kata: &str, v: Verdict) {
    app.update(Msg::Checked {
        gen,
        kata: kata.into(),
        result: Ok((v, None)),
        elapsed: Duration::from_millis(50),
    });
}

#[test]
fn welcome_on_a_first_run() {
    let (_d, app) = app();
    let mut app = app.with_welcome(WelcomeFiles::Created { files: 6 });
    insta::assert_snapshot!("welcome_80x24", draw(&mut app, 80, 24));
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Map));
}

#[test]
fn welcome_when_the_folder_cannot_be_made() {
    let (_d, app) = app();
    let mut app = app.with_welcome(WelcomeFiles::Failed(
        "./pykata-workspace: Permission denied (os error 13)".into(),
    ));
    insta::assert_snapshot!("welcome_failed_80x24", draw(&mut app, 80, 24));
}

#[test]
fn course_map_fresh() {
    let (_d, mut app) = app();
    insta::assert_snapshot!("map_fresh_80x24", draw(&mut app, 80, 24));
}

#[test]
fn course_map_with_progress_search_and_filter() {
    let (_d, mut app) = app();
    let ws = app.ws.clone().unwrap();
    let mut p = ws.read_progress().progress;
    p.record_attempt("fix-default", pykata::judge::Status::Pass);
    p.record_attempt("order", pykata::judge::Status::Fail);
    p.record_attempt("order", pykata::judge::Status::Fail);
    p.record_prediction(
        "basics/what-does-this-print-print-v1-v1",
        "['v1', 'v1']",
        true,
    );
    ws.save_progress(&p).unwrap();
    app.reload_progress();
    app.map.select_continue(&app.course, &app.progress);
    insta::assert_snapshot!("map_progress_80x24", draw(&mut app, 80, 24));

    key(&mut app, KeyCode::Char('f'));
    insta::assert_snapshot!("map_left_only_80x24", draw(&mut app, 80, 24));
    key(&mut app, KeyCode::Char('f'));

    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "ord");
    insta::assert_snapshot!("map_search_80x24", draw(&mut app, 80, 24));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    match &app.screen {
        Screen::Kata(v) => assert_eq!(v.kata_id, "order"),
        other => panic!("expected the kata screen, got {other:?}"),
    }
}

#[test]
fn continue_opens_the_kata_left_off() {
    let (_d, mut app) = app();
    let ws = app.ws.clone().unwrap();
    let mut p = ws.read_progress().progress;
    p.record_attempt("validate", pykata::judge::Status::Fail);
    ws.save_progress(&p).unwrap();
    app.reload_progress();
    key(&mut app, KeyCode::Char('c'));
    match &app.screen {
        Screen::Kata(v) => assert_eq!(v.kata_id, "validate"),
        other => panic!("expected the kata screen, got {other:?}"),
    }
}

#[test]
fn lesson_steps() {
    let (_d, mut app) = app();
    app.open_lesson(0);
    insta::assert_snapshot!("lesson_read_80x24", draw(&mut app, 80, 24));

    // An example, run for real (the result arrives as the worker sends it).
    key(&mut app, KeyCode::Right);
    let effects = key(&mut app, KeyCode::Char('r'));
    let gen = match effects.first() {
        Some(Effect::Example {
            gen, step, code, ..
        }) => {
            assert_eq!(*step, 1);
            assert!(code.contains("print([1, 2])"));
            *gen
        }
        other => panic!("expected an example run, got {other:?}"),
    };
    insta::assert_snapshot!("lesson_example_running_80x24", draw(&mut app, 80, 24));
    app.update(Msg::ExampleRan {
        gen,
        step: 1,
        result: Ok("[1, 2]\n\\x1b[2J escaped\n".into()),
    });
    insta::assert_snapshot!("lesson_example_ran_80x24", draw(&mut app, 80, 24));
}

#[test]
fn esc_stops_a_lesson_run() {
    let (_d, mut app) = app();
    app.open_lesson(0);
    key(&mut app, KeyCode::Right);
    let effects = key(&mut app, KeyCode::Char('r'));
    let Some(Effect::Example { cancel, .. }) = effects.first() else {
        panic!("expected an example run, got {effects:?}");
    };
    assert!(!cancel.load(std::sync::atomic::Ordering::SeqCst));
    key(&mut app, KeyCode::Esc);
    assert!(
        cancel.load(std::sync::atomic::Ordering::SeqCst),
        "Esc must stop the run, not only stop waiting for it"
    );
    assert!(draw(&mut app, 80, 24).to_string().contains("run stopped"));
}

#[test]
fn lesson_predictions() {
    let (_d, mut app) = app();
    app.open_lesson(0);
    keys(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    // A free-text prediction takes keys at once.
    typed(&mut app, "['v1']");
    insta::assert_snapshot!("lesson_predict_typing_80x24", draw(&mut app, 80, 24));
    let effects = key(&mut app, KeyCode::Enter);
    let (gen, key_name) = match effects.first() {
        Some(Effect::Predict {
            gen, key, answer, ..
        }) => {
            assert_eq!(answer, "['v1']");
            (*gen, key.clone())
        }
        other => panic!("expected a prediction, got {other:?}"),
    };
    assert_eq!(key_name, "basics/what-does-this-print-print-v1-v1");
    // The worker records the attempt, then reports.
    let ws = app.ws.clone().unwrap();
    assert_eq!(
        pykata::session::record_prediction(&ws, &key_name, "['v1']", false),
        None
    );
    app.update(Msg::Predicted {
        gen,
        key: key_name,
        answer: "['v1']".into(),
        result: Ok((
            PredictOutcome {
                correct: false,
                truth: pykata::judge::answer::Truth::Output("['v1', 'v1']\n".into()),
            },
            None,
        )),
    });
    insta::assert_snapshot!("lesson_predict_wrong_80x24", draw(&mut app, 80, 24));

    // A choice list: the next step.
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!("lesson_predict_choices_80x24", draw(&mut app, 80, 24));
    let effects = key(&mut app, KeyCode::Enter);
    assert!(matches!(effects.first(), Some(Effect::Predict { answer, .. }) if answer == "Error"));
}

#[test]
fn lesson_tab_offers_the_special_answers() {
    let (_d, mut app) = app();
    app.open_lesson(0);
    keys(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    keys(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
    let effects = key(&mut app, KeyCode::Enter);
    assert!(
        matches!(effects.first(), Some(Effect::Predict { answer, .. }) if answer == "Infinite loop")
    );
}

#[test]
fn kata_before_the_first_run() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    insta::assert_snapshot!("kata_new_80x24", draw(&mut app, 80, 24));
}

#[test]
fn kata_running_then_failing_with_a_diff() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let effects = key(&mut app, KeyCode::Char('r'));
    let gen = check_gen(&effects);
    insta::assert_snapshot!("kata_running_80x24", draw(&mut app, 80, 24));

    let mut failing = check("two-calls", Status::Fail);
    failing.message = Some("Each call without a list must start from an empty one.".into());
    failing.expected = Some("['a']\n['b']\n".into());
    failing.actual = Some("['a']\n['a', 'b']\n".into());
    let v = verdict(
        Status::Fail,
        "Each call without a list must start from an empty one.",
        vec![
            failing,
            check("explicit", Status::Pass),
            check("no-mutable-default", Status::Fail),
        ],
    );
    deliver(&mut app, gen, "fix-default", v);
    insta::assert_snapshot!("kata_fail_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("kata_fail_120x40", draw(&mut app, 120, 40));
}

#[test]
fn kata_error_with_a_traceback_and_escaped_output() {
    let (_d, mut app) = app();
    open_kata(&mut app, "validate");
    let gen = check_gen(&key(&mut app, KeyCode::Char('r')));
    let mut v = verdict(
        Status::Error,
        "validate.py raised NameError while being imported",
        vec![check("zero", Status::NotRun)],
    );
    v.traceback = Some(
        "  File \"validate.py\", line 2, in <module>\n    retrun n\nNameError: name 'retrun' is not defined"
            .into(),
    );
    v.line = Some(2);
    v.import_output = "\x1b]0;pwned\x07clear\x1b[2J\n".into();
    deliver(&mut app, gen, "validate", v);
    insta::assert_snapshot!("kata_error_80x24", draw(&mut app, 80, 24));
    // The end of the result pane: what the file printed.
    key(&mut app, KeyCode::Char('G'));
    let shown = draw(&mut app, 80, 24);
    insta::assert_snapshot!("kata_error_end_80x24", shown);
    // The escape sequences are shown as text, never sent.
    let cells: String = shown
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol().to_string())
        .collect();
    assert!(!cells.contains('\x1b'));
    assert!(cells.contains("\\x1b]0;pwned"));
}

#[test]
fn kata_hints_then_a_pass_with_the_solution() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    key(&mut app, KeyCode::Char('h'));
    insta::assert_snapshot!("kata_hint_80x24", draw(&mut app, 80, 24));
    let gen = check_gen(&key(&mut app, KeyCode::Char('r')));
    // The worker's check_kata records the pass before it reports.
    let ws = app.ws.clone().unwrap();
    let mut p = ws.read_progress().progress;
    p.record_attempt("fix-default", pykata::judge::Status::Pass);
    ws.save_progress(&p).unwrap();
    deliver(
        &mut app,
        gen,
        "fix-default",
        verdict(
            Status::Pass,
            "all 3 checks pass",
            vec![
                check("two-calls", Status::Pass),
                check("explicit", Status::Pass),
                check("no-mutable-default", Status::Pass),
            ],
        ),
    );
    insta::assert_snapshot!("kata_pass_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("kata_pass_120x40", draw(&mut app, 120, 40));
    // `n` goes on to the next kata.
    key(&mut app, KeyCode::Char('n'));
    match &app.screen {
        Screen::Kata(v) => assert_eq!(v.kata_id, "order"),
        other => panic!("expected the next kata, got {other:?}"),
    }
}

#[test]
fn a_stale_verdict_is_ignored_and_esc_cancels() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let first = check_gen(&key(&mut app, KeyCode::Char('r')));
    let second = check_gen(&key(&mut app, KeyCode::Char('r')));
    assert!(second > first);
    deliver(
        &mut app,
        first,
        "fix-default",
        verdict(Status::Pass, "old", vec![]),
    );
    match &app.screen {
        Screen::Kata(v) => assert!(v.verdict.is_none() && v.running()),
        _ => unreachable!(),
    }
    key(&mut app, KeyCode::Esc);
    match &app.screen {
        Screen::Kata(v) => assert!(!v.running()),
        _ => panic!("Esc during a run cancels it and stays"),
    }
    insta::assert_snapshot!("kata_cancelled_80x24", draw(&mut app, 80, 24));
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Map));
}

#[test]
fn a_save_of_the_file_starts_a_run_once() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let path = match &app.screen {
        Screen::Kata(v) => v.path.clone().unwrap(),
        _ => unreachable!(),
    };
    std::fs::write(&path, "def add(item, items=None):\n    return [item]\n").unwrap();
    let effects = app.update(Msg::FilesChanged(vec![path.clone()]));
    check_gen(&effects);
    // The same text again (a second event for one save) is not run twice.
    assert!(app.update(Msg::FilesChanged(vec![path.clone()])).is_empty());
    // Another file's change is not this kata's business.
    assert!(app
        .update(Msg::FilesChanged(vec![path.with_file_name("order.py")]))
        .is_empty());
}

#[test]
fn help_overlay() {
    let (_d, mut app) = app();
    key(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!("help_80x24", draw(&mut app, 80, 24));
    key(&mut app, KeyCode::Esc);
    assert!(app.help.is_none());
}

#[test]
fn a_terminal_too_small() {
    let (_d, mut app) = app();
    insta::assert_snapshot!("too_small_30x8", draw(&mut app, 30, 8));
}

#[test]
fn no_python_is_explained() {
    let (_d, mut app) = app();
    app.python = None;
    app.python_error = Some("no Python interpreter found: tried python3 and python on PATH".into());
    app.version = None;
    open_kata(&mut app, "greet");
    key(&mut app, KeyCode::Char('r'));
    insta::assert_snapshot!("kata_no_python_80x24", draw(&mut app, 80, 24));
}

#[test]
fn colours_mark_the_diff_and_no_color_has_none() {
    for color in [true, false] {
        let (_d, mut app) = app_with(Theme { color });
        open_kata(&mut app, "fix-default");
        let gen = check_gen(&key(&mut app, KeyCode::Char('r')));
        let mut failing = check("two-calls", Status::Fail);
        failing.expected = Some("['a']\n".into());
        failing.actual = Some("['a', 'b']\n".into());
        deliver(
            &mut app,
            gen,
            "fix-default",
            verdict(Status::Fail, "no", vec![failing]),
        );
        let backend = draw(&mut app, 80, 24);
        let coloured = backend
            .buffer()
            .content()
            .iter()
            .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
            .count();
        if color {
            let red_minus = backend
                .buffer()
                .content()
                .iter()
                .any(|c| c.symbol() == "-" && c.fg == Color::Red);
            assert!(red_minus, "the expected side of the diff is red");
        } else {
            assert_eq!(coloured, 0, "NO_COLOR: no cell has a colour");
        }
    }
}

#[test]
fn every_screen_survives_any_size() {
    let (_d, mut app) = app();
    for (w, h) in [(1, 1), (40, 12), (41, 13), (80, 24), (200, 60)] {
        app.screen = Screen::Map;
        draw(&mut app, w, h);
        app.open_lesson(0);
        for _ in 0..6 {
            draw(&mut app, w, h);
            key(&mut app, KeyCode::Right);
        }
        open_kata(&mut app, "order");
        draw(&mut app, w, h);
        key(&mut app, KeyCode::Char('?'));
        draw(&mut app, w, h);
        key(&mut app, KeyCode::Esc);
    }
}

#[test]
fn a_save_no_file_event_reported_is_run_and_poll_suggested() {
    // Time is the subject: a clock that moves only when told, so a loaded
    // machine cannot stretch or shrink the wait.
    let (_d, mut app) = app();
    let clock = Clock::manual();
    app.clock = clock.clone();
    open_kata(&mut app, "fix-default");
    let path = match &app.screen {
        Screen::Kata(v) => v.path.clone().unwrap(),
        _ => unreachable!(),
    };
    assert!(app.update(Msg::Tick).is_empty());
    std::fs::write(
        &path,
        "def add(item, items=None):\n    return [item]  # saved\n",
    )
    .unwrap();
    // Seen by the tick's look at the file, but no event came: wait a bit.
    assert!(app.update(Msg::Tick).is_empty());
    clock.advance(UNNOTICED_AFTER - Duration::from_millis(1));
    assert!(
        app.update(Msg::Tick).is_empty(),
        "not yet: an event may still come"
    );
    assert!(app.notice.is_none());
    clock.advance(Duration::from_millis(1));
    let effects = app.update(Msg::Tick);
    check_gen(&effects);
    let notice = app.notice.clone().expect("a suggestion");
    assert!(notice.text.contains("--poll"), "{}", notice.text);
    // With --poll there is nothing to suggest.
    let (_d, mut app) = self::app();
    app.poll = true;
    app.clock = clock.clone();
    open_kata(&mut app, "fix-default");
    app.update(Msg::Tick);
    let path = match &app.screen {
        Screen::Kata(v) => v.path.clone().unwrap(),
        _ => unreachable!(),
    };
    std::fs::write(&path, "x = 1\n").unwrap();
    app.update(Msg::Tick);
    clock.advance(UNNOTICED_AFTER);
    check_gen(&app.update(Msg::Tick));
    assert!(app.notice.is_none());
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_it() {
    use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
    let (_d, mut app) = app();
    open_kata(&mut app, "order");
    draw(&mut app, 80, 24);
    let wheel = |kind, row| {
        Msg::Mouse(MouseEvent {
            kind,
            column: 10,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // The file pane starts below the title and the task.
    app.update(wheel(MouseEventKind::ScrollDown, 5));
    draw(&mut app, 80, 24);
    match &app.screen {
        Screen::Kata(v) => {
            assert!(v.file_scroll > 0, "the file scrolled");
            assert_eq!(v.result_scroll, 0, "the result did not");
        }
        _ => unreachable!(),
    }
    app.update(wheel(MouseEventKind::ScrollUp, 5));
    draw(&mut app, 80, 24);
    match &app.screen {
        Screen::Kata(v) => assert_eq!(v.file_scroll, 0),
        _ => unreachable!(),
    }
}

fn ctrl(app: &mut App, c: char) {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// The answer a prediction effect carries.
fn predicted_answer(effects: &[Effect]) -> (u64, String) {
    match effects.first() {
        Some(Effect::Predict { gen, answer, .. }) => (*gen, answer.clone()),
        other => panic!("expected a prediction, got {other:?}"),
    }
}

fn predicted(app: &mut App, gen: u64, answer: &str, correct: bool) {
    app.update(Msg::Predicted {
        gen,
        key: "basics/what-does-this-print-print-v1-v1".into(),
        answer: answer.into(),
        result: Ok((
            PredictOutcome {
                correct,
                truth: pykata::judge::answer::Truth::Output("['v1', 'v1']\n".into()),
            },
            None,
        )),
    });
}

#[test]
fn answer_again_starts_from_an_empty_box() {
    let (_d, mut app) = app();
    app.open_lesson(0);
    keys(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    typed(&mut app, "[\"v1\",\"v1\"]");
    let (gen, answer) = predicted_answer(&key(&mut app, KeyCode::Enter));
    assert_eq!(answer, "[\"v1\",\"v1\"]");
    predicted(&mut app, gen, &answer, false);
    // `a` answers again: the old answer is not left in the box.
    key(&mut app, KeyCode::Char('a'));
    typed(&mut app, "['v1','v1']");
    insta::assert_snapshot!("lesson_answer_again_80x24", draw(&mut app, 80, 24));
    let (gen, answer) = predicted_answer(&key(&mut app, KeyCode::Enter));
    assert_eq!(answer, "['v1','v1']");
    predicted(&mut app, gen, &answer, true);
    let shown = draw(&mut app, 80, 24).to_string();
    assert!(shown.contains("You answered: ['v1','v1']"), "{shown}");
}

#[test]
fn an_answer_stopped_by_esc_is_not_kept_in_the_box() {
    let (_d, mut app) = app();
    app.open_lesson(0);
    keys(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    keys(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
    let (_, answer) = predicted_answer(&key(&mut app, KeyCode::Enter));
    assert_eq!(answer, "Infinite loop");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('a'));
    typed(&mut app, "Nothing");
    let (_, answer) = predicted_answer(&key(&mut app, KeyCode::Enter));
    assert_eq!(answer, "Nothing");
}

#[test]
fn ctrl_u_clears_the_answer_and_ctrl_w_deletes_a_word() {
    let (_d, mut app) = app();
    app.open_lesson(0);
    keys(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    typed(&mut app, "first try");
    ctrl(&mut app, 'u');
    typed(&mut app, "['v1', 'oops'");
    ctrl(&mut app, 'w');
    typed(&mut app, "'v1']");
    let (_, answer) = predicted_answer(&key(&mut app, KeyCode::Enter));
    assert_eq!(answer, "['v1', 'v1']");
}

#[test]
fn a_new_verdict_replaces_run_cancelled() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    check_gen(&key(&mut app, KeyCode::Char('r')));
    key(&mut app, KeyCode::Esc);
    assert!(draw(&mut app, 80, 24).to_string().contains("run cancelled"));
    // A save starts a new run with no key pressed; its verdict arrives.
    let path = match &app.screen {
        Screen::Kata(v) => v.path.clone().unwrap(),
        _ => unreachable!(),
    };
    std::fs::write(&path, "def add(item, items=None):\n    return [item]\n").unwrap();
    let gen = check_gen(&app.update(Msg::FilesChanged(vec![path])));
    deliver(
        &mut app,
        gen,
        "fix-default",
        verdict(Status::Fail, "no", vec![check("two-calls", Status::Fail)]),
    );
    let shown = draw(&mut app, 80, 24).to_string();
    assert!(!shown.contains("run cancelled"), "{shown}");
}

#[test]
fn a_long_footer_error_is_wrapped_not_cut() {
    let (_d, mut app) = app();
    app.python = None;
    app.python_error = Some(
        "no Python interpreter found: tried python3 and python on PATH; install Python 3.10 or later, or pass --python".into(),
    );
    open_kata(&mut app, "greet");
    key(&mut app, KeyCode::Char('r'));
    let shown = draw(&mut app, 80, 24);
    insta::assert_snapshot!("kata_long_error_80x24", shown);
    // The footer's last line ends the message (the result pane says it
    // too, so look at the bottom row only).
    let buf = shown.buffer();
    let bottom: String = (0..80).map(|x| buf[(x, 23)].symbol().to_string()).collect();
    assert!(bottom.contains("or pass --python"), "{shown}");
    // The next key clears it: it was about the last action.
    key(&mut app, KeyCode::Char('j'));
    assert!(app.notice.is_none());
}

/// The top line of the screen.
fn top_line(backend: &TestBackend, w: u16) -> String {
    let buf = backend.buffer();
    (0..w).map(|x| buf[(x, 0)].symbol().to_string()).collect()
}

#[test]
fn lesson_marks_one_dot_per_step() {
    let (_d, mut app) = app();
    // Eleven steps: the fixture's six, then read steps repeated.
    let read = app.course.topics[0].steps[0].clone();
    while app.course.topics[0].steps.len() < 11 {
        app.course.topics[0].steps.push(read.clone());
    }
    app.open_lesson(0);
    for _ in 0..9 {
        // A free-text prediction takes keys as its answer: stop typing.
        if matches!(&app.screen, Screen::Lesson(v) if v.typing) {
            key(&mut app, KeyCode::Esc);
        }
        key(&mut app, KeyCode::Char('l'));
    }
    let tenth = top_line(&draw(&mut app, 80, 24), 80);
    assert!(tenth.contains("step 10 of 11"), "{tenth}");
    key(&mut app, KeyCode::Char('l'));
    let last = top_line(&draw(&mut app, 80, 24), 80);
    assert!(last.contains("step 11 of 11"), "{last}");
    assert!(tenth.contains("●●●●●●●●●●○"), "{tenth}");
    assert!(last.contains("●●●●●●●●●●●"), "{last}");
    insta::assert_snapshot!(
        "lesson_eleven_steps_80x24",
        top_line(&draw(&mut app, 80, 24), 80)
    );
    // Too many to mark at 40 columns: "step N of M" alone says it.
    let narrow = top_line(&draw(&mut app, 40, 24), 40);
    assert!(
        narrow.contains("step 11 of 11") && !narrow.contains('●'),
        "{narrow}"
    );
}

/// The rows of the screen as text.
fn rows(backend: &TestBackend) -> Vec<String> {
    let buf = backend.buffer();
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn tab_marks_the_focused_pane_without_colour() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let title_row = |shown: &[String], title: &str| {
        shown
            .iter()
            .find(|r| r.contains(title))
            .cloned()
            .unwrap_or_else(|| panic!("no {title} pane in {shown:#?}"))
    };
    let before = rows(&draw(&mut app, 80, 24));
    key(&mut app, KeyCode::Tab);
    let after = rows(&draw(&mut app, 80, 24));
    assert_ne!(before, after, "Tab changes nothing on a NO_COLOR screen");
    // The focused pane's border is thick: first the result, then the file.
    assert!(title_row(&before, " Result ").starts_with('┏'));
    assert!(title_row(&before, "fix_default.py").starts_with('┌'));
    assert!(title_row(&after, " Result ").starts_with('┌'));
    assert!(title_row(&after, "fix_default.py").starts_with('┏'));
    insta::assert_snapshot!("kata_file_focused_80x24", draw(&mut app, 80, 24));
}

#[test]
fn a_choice_moved_below_the_fold_is_scrolled_into_view() {
    let (_d, mut app) = app();
    // A choice question whose code fills most of an 80x24 screen.
    match &mut app.course.topics[0].steps[4].step {
        course::Step::Predict(p) => {
            p.code = (1..=16)
                .map(|i| format!("x{i} = {i}\n"))
                .collect::<String>()
                + "int(\"x\")\n";
        }
        other => panic!("step 5 of the fixture is a prediction, not {other:?}"),
    }
    app.open_lesson(0);
    keys(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Right);
    draw(&mut app, 80, 24);
    for n in 2..=3 {
        key(&mut app, KeyCode::Char('j'));
        let shown = rows(&draw(&mut app, 80, 24));
        let mark = format!("▶ {n}.");
        assert!(
            shown.iter().any(|r| r.contains(&mark)),
            "choice {n} is selected but not on screen: {shown:#?}"
        );
    }
    insta::assert_snapshot!("lesson_choice_scrolled_80x24", draw(&mut app, 80, 24));
    // Back up to the first: the view follows it up again.
    keys(&mut app, &[KeyCode::Char('k'), KeyCode::Char('k')]);
    let shown = rows(&draw(&mut app, 80, 24));
    assert!(shown.iter().any(|r| r.contains("▶ 1.")), "{shown:#?}");
}

#[test]
fn the_error_line_is_scrolled_into_view() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let path = match &app.screen {
        Screen::Kata(v) => v.path.clone().unwrap(),
        _ => unreachable!(),
    };
    let mut text: String = (1..=10).map(|i| format!("x{i} = {i}\n")).collect();
    text.push_str("def add(item, items=None)\n");
    text.extend((12..=20).map(|i| format!("y{i} = {i}\n")));
    std::fs::write(&path, text).unwrap();
    let gen = check_gen(&key(&mut app, KeyCode::Char('r')));
    draw(&mut app, 80, 24);
    let mut v = verdict(
        Status::Error,
        "fix_default.py has a SyntaxError on line 11",
        vec![check("two-calls", Status::NotRun)],
    );
    v.line = Some(11);
    deliver(&mut app, gen, "fix-default", v);
    let backend = draw(&mut app, 80, 24);
    let shown = rows(&backend);
    assert!(
        shown
            .iter()
            .any(|r| r.contains("11▶def add(item, items=None)")),
        "the error line is off-screen: {shown:#?}"
    );
    insta::assert_snapshot!("kata_error_line_scrolled_80x24", backend);
    // Scrolling away afterwards is the learner's choice: it stays.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('g'));
    draw(&mut app, 80, 24);
    match &app.screen {
        Screen::Kata(v) => assert_eq!(v.file_scroll, 0),
        _ => unreachable!(),
    }
}

#[test]
fn an_unsupported_interpreter_starts_no_run() {
    let old = Path::new(&std::env::var_os("HOME").unwrap_or_default())
        .join(".pyenv/versions/3.8.18/bin/python3.8");
    if !old.is_file() {
        eprintln!("skipping: {} is not installed", old.display());
        return;
    }
    let (_d, mut app) = app();
    let python = Interpreter {
        program: old.clone(),
        pre_args: Vec::new(),
        found_by: "--python",
    };
    // What the probe thread sends when the screen opens.
    app.update(Msg::PythonProbed(python.require_supported()));
    open_kata(&mut app, "fix-default");
    let effects = key(&mut app, KeyCode::Char('r'));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Check { .. })),
        "a check was started"
    );
    let why = app.cannot_run().expect("the interface says why");
    assert!(
        why.contains("is Python 3.8.18; pykata needs Python 3.10 or newer"),
        "{why}"
    );
}

/// An app on a one-topic course whose lesson is one example that needs
/// numpy (`requires:`).
fn app_with_required_module() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("course");
    std::fs::create_dir_all(root.join("lessons")).unwrap();
    std::fs::write(
        root.join("course.yaml"),
        "format: 1\ntitle: Extras\ntopics: [extras]\n",
    )
    .unwrap();
    std::fs::write(
        root.join("lessons/extras.yaml"),
        "title: Extras\nlesson:\n  - example:\n      title: Vectorised\n      code: |\n        import numpy as np\n        print(np.arange(3).sum())\n      output: \"3\"\n      requires: [numpy]\n",
    )
    .unwrap();
    let course = course::load(CourseSource::Dir(root)).expect("the course loads");
    let mut app = App::new(course, None, Theme::plain());
    app.python = Some(Interpreter {
        program: "python3".into(),
        pre_args: Vec::new(),
        found_by: "test",
    });
    app.version = PythonVersion::parse("3.11.7");
    (dir, app)
}

#[test]
fn an_example_that_needs_a_module_says_so_and_why_it_did_not_run() {
    let (_d, mut app) = app_with_required_module();
    app.open_lesson(0);
    let before = draw(&mut app, 80, 24).to_string();
    assert!(
        before.contains("Needs numpy (not in the standard library)"),
        "{before}"
    );
    let effects = key(&mut app, KeyCode::Char('r'));
    let gen = match effects.first() {
        Some(Effect::Example { gen, requires, .. }) => {
            assert_eq!(requires, &vec!["numpy".to_string()]);
            *gen
        }
        other => panic!("expected an example run, got {other:?}"),
    };
    app.update(Msg::ExampleRan {
        gen,
        step: 0,
        result: Err(pykata::session::missing_message(&["numpy".to_string()])),
    });
    // Wide enough that the message is on one line.
    let after = draw(&mut app, 220, 24).to_string();
    for part in [
        "could not run it: this example needs numpy",
        "install it with `python -m pip install numpy`",
    ] {
        assert!(after.contains(part), "missing `{part}` in:\n{after}");
    }
}

/// The text of the status bar and the screen, as one string.
fn screen_text(backend: &TestBackend) -> String {
    rows(backend).join("\n")
}

fn kata_path(app: &App) -> PathBuf {
    match &app.screen {
        Screen::Kata(v) => v.path.clone().unwrap(),
        _ => panic!("not on a kata"),
    }
}

fn hints_used(app: &App, id: &str) -> u32 {
    let p = app.ws.as_ref().unwrap().read_progress().progress;
    p.kata(id).hints_used
}

#[test]
fn h_after_a_pass_shows_every_hint_and_counts_none() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(hints_used(&app, "fix-default"), 1);
    // Again: the first hint is still there to read, with the second.
    key(&mut app, KeyCode::Char('h'));
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(
        shown.contains("Hint 1 of 2") && shown.contains("Hint 2 of 2"),
        "{shown}"
    );
    // A pass (recorded as the worker's check_kata does).
    let gen = check_gen(&key(&mut app, KeyCode::Char('r')));
    let ws = app.ws.clone().unwrap();
    let mut p = ws.read_progress().progress;
    p.record_attempt("fix-default", pykata::judge::Status::Pass);
    p.katas.get_mut("fix-default").unwrap().hints_used = 1;
    ws.save_progress(&p).unwrap();
    deliver(
        &mut app,
        gen,
        "fix-default",
        verdict(Status::Pass, "all 3 checks pass", vec![]),
    );
    key(&mut app, KeyCode::Char('h'));
    let backend = draw(&mut app, 80, 24);
    let shown = screen_text(&backend);
    assert!(
        shown.contains("Hint 1 of 2") && shown.contains("Hint 2 of 2"),
        "after a pass h shows every hint: {shown}"
    );
    assert!(shown.contains("none is counted"), "{shown}");
    assert!(!shown.contains("after a pass"), "{shown}");
    insta::assert_snapshot!("kata_hints_after_a_pass_80x24", backend);
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(hints_used(&app, "fix-default"), 1, "a hint was counted");
}

#[test]
fn messages_are_reflowed_to_the_pane() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let gen = check_gen(&key(&mut app, KeyCode::Char('r')));
    // A mistake message as YAML keeps it: broken at the author's width.
    let message = "Every reporter reports the last metric. A lambda or a nested `def`\n\
                   inside a loop looks `metric` up when it is *called*, after the loop\n\
                   has finished, so each one sees the metric the loop ended on.\n\n\
                   It printed:\n    f1=1\n    f1=1\n";
    deliver(
        &mut app,
        gen,
        "fix-default",
        verdict(
            Status::Fail,
            message,
            vec![check("two-calls", Status::Fail)],
        ),
    );
    let backend = draw(&mut app, 120, 40);
    let shown = rows(&backend);
    // The result pane is 57 columns inside: the paragraph is one flow,
    // with no line cut short where the YAML had a break.
    assert!(
        shown
            .iter()
            .any(|r| r.contains("nested def inside a loop looks metric up")),
        "{shown:#?}"
    );
    assert!(shown.iter().any(|r| r.contains("│ f1=1")), "{shown:#?}");
    insta::assert_snapshot!("kata_message_reflowed_120x40", backend);
}

#[test]
fn a_deleted_file_is_not_put_back_without_saying_so() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let path = kata_path(&app);
    let mine = "def add(item, items=None):\n    return 'my work'\n";
    std::fs::write(&path, mine).unwrap();
    app.update(Msg::FilesChanged(vec![path.clone()]));
    std::fs::remove_file(&path).unwrap();
    // The save's watcher event of the deletion: nothing runs.
    let effects = app.update(Msg::FilesChanged(vec![path.clone()]));
    assert!(effects.is_empty(), "a run was started for a deleted file");
    assert!(
        !path.exists(),
        "the starter was written behind the learner's back"
    );
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("is not there any more"), "{shown}");
    // `r` once the screen said so: the starter back, the last text kept.
    let effects = key(&mut app, KeyCode::Char('r'));
    let gen = check_gen(&effects);
    let starter = std::fs::read_to_string(&path).unwrap();
    assert!(starter.contains("items=[]"), "{starter}");
    let backups = app.ws.as_ref().unwrap().root.join(".pykata/backups/basics");
    let kept: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert_eq!(kept, vec![mine.to_string()]);
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("the starter is back"), "{shown}");
    // The run's verdict (at once, from a warm run) does not take away what
    // was done to the file and where the last text is: the next key does.
    deliver(
        &mut app,
        gen,
        "fix-default",
        verdict(
            Status::Fail,
            "still shared",
            vec![check("two-calls", Status::Fail)],
        ),
    );
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("still shared"), "{shown}");
    assert!(shown.contains("the starter is back"), "{shown}");
    assert!(shown.contains(".pykata/backups/basics"), "{shown}");
    key(&mut app, KeyCode::Tab);
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(!shown.contains("the starter is back"), "{shown}");
}

#[test]
fn r_on_a_file_deleted_unseen_asks_first() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let path = kata_path(&app);
    std::fs::remove_file(&path).unwrap();
    let effects = key(&mut app, KeyCode::Char('r'));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Check { .. })),
        "the first r ran a deleted file"
    );
    assert!(!path.exists());
    let backend = draw(&mut app, 80, 24);
    let shown = screen_text(&backend);
    assert!(shown.contains("r again puts the starter back"), "{shown}");
    insta::assert_snapshot!("kata_file_deleted_80x24", backend);
    check_gen(&key(&mut app, KeyCode::Char('r')));
    assert!(path.exists());
}

#[test]
fn a_skipped_kata_offers_no_hint() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let gen = check_gen(&key(&mut app, KeyCode::Char('r')));
    deliver(
        &mut app,
        gen,
        "fix-default",
        verdict(
            Status::Skipped,
            "needs Python 3.12 or newer; this interpreter is Python 3.11.7",
            vec![check("two-calls", Status::Skipped)],
        ),
    );
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("SKIPPED"), "{shown}");
    assert!(!shown.contains("Stuck?"), "{shown}");
}

/// An app on the course pykata ships (its real katas), with a workspace.
fn real_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let course = course::load(CourseSource::Dir(PathBuf::from(env!("CARGO_MANIFEST_DIR"))))
        .expect("the course loads");
    let (ws, _) = Workspace::init(&dir.path().join("ws"), &course).unwrap();
    let mut app = App::new(course, Some(ws), Theme::plain());
    app.python = Some(Interpreter {
        program: "python3".into(),
        pre_args: Vec::new(),
        found_by: "test",
    });
    app.version = PythonVersion::parse("3.11.7");
    (dir, app)
}

#[test]
fn long_lines_of_the_file_are_marked_and_scroll_sideways() {
    let (_d, mut app) = real_app();
    open_kata(&mut app, "late-binding");
    let shown = rows(&draw(&mut app, 120, 40));
    let buggy = shown
        .iter()
        .find(|r| r.contains("15│"))
        .unwrap_or_else(|| panic!("line 15 is not on screen: {shown:#?}"));
    // Cut at the pane's edge, and marked so.
    assert!(
        buggy.contains("format_metric(m…│"),
        "the cut line is not marked: {buggy}"
    );
    assert!(
        shown.iter().any(|r| r.contains("long lines: Tab, ←→")),
        "{shown:#?}"
    );
    // Tab to the file, → twice: the rest of the line, cut on the left.
    keys(&mut app, &[KeyCode::Tab, KeyCode::Right, KeyCode::Right]);
    let backend = draw(&mut app, 120, 40);
    let shown = rows(&backend);
    let buggy = shown.iter().find(|r| r.contains("15│")).unwrap();
    assert!(
        buggy.contains("15│…") && buggy.contains("format_metric(metric, value))"),
        "{buggy}"
    );
    insta::assert_snapshot!("kata_file_scrolled_sideways_120x40", backend);
    // ← goes back; on the result pane ← still leaves the kata.
    keys(&mut app, &[KeyCode::Left, KeyCode::Left, KeyCode::Left]);
    let shown = rows(&draw(&mut app, 120, 40));
    assert!(shown.iter().any(|r| r.contains("15│        reporters")));
    keys(&mut app, &[KeyCode::Tab, KeyCode::Left]);
    assert!(matches!(app.screen, Screen::Map));
}

#[test]
fn the_task_preview_does_not_stop_before_its_list() {
    let (_d, mut app) = real_app();
    open_kata(&mut app, "decorator-order");
    let backend = draw(&mut app, 80, 24);
    // The preview shows the introduction; the cut line says the steps of
    // the task are below it, not only that there is more.
    let shown = screen_text(&backend);
    assert!(
        shown.contains("with 3 numbered steps: t shows the whole task"),
        "{shown}"
    );
    insta::assert_snapshot!("kata_task_preview_80x24", backend);
    // `t`: the whole task, the steps included.
    key(&mut app, KeyCode::Char('t'));
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("1. Write audit"), "{shown}");
}

#[test]
fn an_example_run_below_the_fold_is_scrolled_into_view() {
    let (_d, mut app) = app();
    // An example whose code fills most of an 80x24 screen.
    match &mut app.course.topics[0].steps[1].step {
        course::Step::Example(e) => {
            e.code = (1..=18)
                .map(|i| format!("x{i} = {i}\n"))
                .collect::<String>()
                + "print(x18)\n";
        }
        other => panic!("step 2 of the fixture is an example, not {other:?}"),
    }
    app.open_lesson(0);
    key(&mut app, KeyCode::Right);
    draw(&mut app, 80, 24);
    let gen = match key(&mut app, KeyCode::Char('r')).first() {
        Some(Effect::Example { gen, .. }) => *gen,
        other => panic!("expected an example run, got {other:?}"),
    };
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("Running it"), "{shown}");
    app.update(Msg::ExampleRan {
        gen,
        step: 1,
        result: Ok("18\n".into()),
    });
    let backend = draw(&mut app, 80, 24);
    let shown = rows(&backend);
    let at = shown
        .iter()
        .position(|r| r.contains("Output (a real run):"))
        .unwrap_or_else(|| panic!("the output is below the fold: {shown:#?}"));
    assert!(shown[at + 1].contains("18"), "{shown:#?}");
    insta::assert_snapshot!("lesson_example_output_scrolled_80x24", backend);
}

#[test]
fn arrows_in_an_empty_answer_box_step_and_the_footer_agrees_with_help() {
    let (_d, mut app) = app();
    app.open_lesson(0);
    keys(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    let step = |app: &App| match &app.screen {
        Screen::Lesson(v) => (v.step, v.typing()),
        _ => panic!("not in the lesson"),
    };
    assert_eq!(step(&app), (3, true), "the prediction takes keys");
    let footer = rows(&draw(&mut app, 80, 24)).pop().unwrap();
    assert!(footer.contains("←→ step"), "{footer}");
    // Empty: → goes on, ← comes back, as on every other step.
    key(&mut app, KeyCode::Right);
    assert_eq!(step(&app).0, 4);
    key(&mut app, KeyCode::Left);
    assert_eq!(step(&app), (3, true));
    // With an answer typed, the arrows move the cursor in it.
    typed(&mut app, "ac");
    keys(&mut app, &[KeyCode::Left]);
    typed(&mut app, "b");
    key(&mut app, KeyCode::Right);
    assert_eq!(step(&app).0, 3);
    match &app.screen {
        Screen::Lesson(v) => assert_eq!(v.input.text, "abc"),
        _ => unreachable!(),
    }
    let footer = rows(&draw(&mut app, 80, 24)).pop().unwrap();
    assert!(footer.contains("←→ cursor"), "{footer}");
    // Not typing: the footer names the key the help names, Enter.
    key(&mut app, KeyCode::Esc);
    let footer = rows(&draw(&mut app, 80, 24)).pop().unwrap();
    assert!(footer.contains("Enter answer"), "{footer}");
    assert!(!footer.contains("i answer"), "{footer}");
    key(&mut app, KeyCode::Char('?'));
    let help = screen_text(&draw(&mut app, 80, 24));
    assert!(help.contains("Enter      answer a prediction"), "{help}");
}

#[test]
fn a_kata_opens_on_its_last_verdict() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let gen = check_gen(&key(&mut app, KeyCode::Char('r')));
    let mut v = verdict(
        Status::Fail,
        "Each call without a list must start from an empty one.",
        vec![
            check("two-calls", Status::Fail),
            check("explicit", Status::Pass),
        ],
    );
    v.line = Some(2);
    // What the worker's check_kata records with the attempt.
    let ws = app.ws.clone().unwrap();
    ws.update_progress(|p| {
        p.record_attempt("fix-default", pykata::judge::Status::Fail);
        p.record_verdict("fix-default", pykata::session::last_verdict(&v));
    });
    deliver(&mut app, gen, "fix-default", v);
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Map));

    // Opened again: the last verdict at once, marked as the last, with
    // its error line, before anything runs.
    app.reload_progress();
    open_kata(&mut app, "fix-default");
    let backend = draw(&mut app, 80, 24);
    let shown = screen_text(&backend);
    assert!(
        shown.contains("Your last result (just now): ✗ FAIL"),
        "{shown}"
    );
    assert!(shown.contains("must start from an empty one"), "{shown}");
    assert!(shown.contains("✗ two-calls  ✓ explicit"), "{shown}");
    assert!(shown.contains(" 2▶"), "{shown}");
    insta::assert_snapshot!("kata_last_verdict_80x24", backend);

    // A new run replaces it.
    let gen = check_gen(&key(&mut app, KeyCode::Char('r')));
    deliver(
        &mut app,
        gen,
        "fix-default",
        verdict(Status::Pass, "all 3 checks pass", vec![]),
    );
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(!shown.contains("Your last result"), "{shown}");
    assert!(shown.contains("✓ PASS"), "{shown}");
}

#[test]
fn a_pass_in_another_terminal_opens_the_solution_here() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    key(&mut app, KeyCode::Char('s'));
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("opens once you pass"), "{shown}");
    // `pykata check` passes it while the screen is open.
    let ws = app.ws.clone().unwrap();
    ws.update_progress(|p| p.record_attempt("fix-default", pykata::judge::Status::Pass));
    key(&mut app, KeyCode::Char('s'));
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(!shown.contains("opens once you pass"), "{shown}");
    assert!(shown.contains("The reference solution"), "{shown}");
    // And `h` shows every hint without counting one.
    key(&mut app, KeyCode::Char('h'));
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("Hint 2 of 2"), "{shown}");
    assert_eq!(hints_used(&app, "fix-default"), 0);
}

/// A course update changed a kata's task under the learner's own code:
/// the map marks it, with what to do, until a pass or a reset.
#[test]
fn the_map_marks_a_kata_whose_task_changed_under_the_learners_file() {
    let dir = tempfile::tempdir().unwrap();
    let course_dir = dir.path().join("course");
    std::fs::create_dir_all(&course_dir).unwrap();
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(fixture_course().join("."))
        .arg(&course_dir)
        .status()
        .unwrap();
    assert!(status.success());
    let (ws, _) = Workspace::init(
        &dir.path().join("ws"),
        &course::load(CourseSource::Dir(course_dir.clone())).unwrap(),
    )
    .unwrap();
    std::fs::write(ws.root.join("basics/fix_default.py"), "# mine\n").unwrap();
    let topic = course_dir.join("lessons/basics.yaml");
    let text = std::fs::read_to_string(&topic).unwrap();
    std::fs::write(
        &topic,
        text.replace(
            "task: Make `add(item, items=None)` return a new list each call.",
            "task: Make `add(item, items=None)` return a new list on every call.",
        ),
    )
    .unwrap();
    let course = course::load(CourseSource::Dir(course_dir)).unwrap();
    let _followed = ws.follow(&course).unwrap();
    let mut app = App::new(course, Some(ws), Theme::plain());
    let shown = format!("{}", draw(&mut app, 100, 20));
    assert!(
        shown.contains("task changed: pykata reset fix-default"),
        "{shown}"
    );
    assert!(
        !shown.contains("task changed: pykata reset order"),
        "{shown}"
    );
}

/// The interface runs the learner's file when a kata screen opens, once,
/// so the learner sees where they stand without saving first.
#[test]
fn a_kata_screen_runs_the_file_when_it_opens() {
    let (_d, mut app) = app();
    app.run_on_open = true;
    open_kata(&mut app, "fix-default");
    let effects = app.update(Msg::Tick);
    let ran: Vec<&str> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Check { kata, .. } => Some(kata.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(ran, ["fix-default"]);
    let again = app.update(Msg::Tick);
    assert!(
        !again.iter().any(|e| matches!(e, Effect::Check { .. })),
        "run once, not on every message: {again:?}"
    );
}

#[test]
fn a_run_judges_the_text_the_screen_read_not_what_the_file_holds_later() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let path = kata_path(&app);
    let saved = "def add(item, items=None):\n    return [item]\n";
    std::fs::write(&path, saved).unwrap();
    let effects = app.update(Msg::FilesChanged(vec![path.clone()]));
    // The worker gets the text read now: a quick next save (the file
    // changing before the worker reads it) cannot pair this run's verdict
    // with the screen's record of what was run.
    std::fs::write(&path, "def add(item, items=[]):\n    return items\n").unwrap();
    let sources: Vec<Option<String>> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Check { source, .. } => Some(source.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(sources, vec![Some(saved.to_string())]);
}

#[test]
fn the_error_marker_leaves_the_file_once_its_text_changes() {
    let (_d, mut app) = app();
    open_kata(&mut app, "fix-default");
    let path = kata_path(&app);
    std::fs::write(
        &path,
        "def add(item, items=None):\n    raise ValueError(item)\n",
    )
    .unwrap();
    let gen = check_gen(&app.update(Msg::FilesChanged(vec![path.clone()])));
    let mut failed = verdict(Status::Error, "add raised ValueError", vec![]);
    failed.line = Some(2);
    deliver(&mut app, gen, "fix-default", failed);
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("2▶    raise ValueError(item)"), "{shown}");
    // A new save: while its run goes, the old verdict is shown, but its
    // line no longer points into the new text.
    std::fs::write(
        &path,
        "import time\n\ndef add(item, items=None):\n    return [item]\n",
    )
    .unwrap();
    check_gen(&app.update(Msg::FilesChanged(vec![path.clone()])));
    let shown = screen_text(&draw(&mut app, 80, 24));
    assert!(shown.contains("add raised ValueError"), "{shown}");
    assert!(!shown.contains('▶'), "{shown}");
}
