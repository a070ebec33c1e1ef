//! The calls both faces of pykata make (the commands and the interface):
//! judge a learner's file and record it, answer a prediction. Neither face
//! runs or judges anything on its own.

use crate::course::Course;
use crate::course::Kata;
use crate::judge::answer::{self, Truth};
use crate::judge::{self, Verdict};
use crate::progress::{KataState, LastVerdict, Progress, ReadProgress};
use crate::runner::{self, script, Interpreter, PythonVersion};
use crate::workspace::{Workspace, WorkspaceError};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error("could not prepare a run: {0}")]
    Io(#[from] std::io::Error),
    /// The interpreter is too old (or gave no version): nothing ran.
    #[error("{0}")]
    Unsupported(String),
}

/// Brings `ws` up to `course` (see `Workspace::follow`); what the learner
/// must be told, a line each. A failure to do so is one of them: it never
/// stops the command or the interface.
pub fn follow_course(ws: &Workspace, course: &Course) -> Vec<String> {
    follow_course_stamped(ws, course, None)
}

/// [`follow_course`], skipped when the workspace last followed a course
/// with `stamp` (taken before `course` was loaded, so a change while it
/// loaded is followed next time), and noting `stamp` once followed.
pub fn follow_course_stamped(ws: &Workspace, course: &Course, stamp: Option<&str>) -> Vec<String> {
    if course.partial {
        // Following a part would retire the records of the other topics.
        return Vec::new();
    }
    if stamp.is_some() && ws.followed_stamp().as_deref() == stamp {
        return Vec::new();
    }
    match ws.follow(course) {
        Ok(followed) => {
            match stamp {
                Some(stamp) => {
                    // Taken now, after loading: a topic changed while the
                    // course loaded is at worst followed by the next
                    // command that stamps the whole course.
                    let topic_stamps: Vec<Option<String>> = course
                        .topics
                        .iter()
                        .map(|t| course.source.topic_stamp(&t.id))
                        .collect();
                    let kata_topics =
                        course
                            .topics
                            .iter()
                            .zip(&topic_stamps)
                            .flat_map(|(t, topic_stamp)| {
                                t.katas.iter().map(move |k| {
                                    (k.id.as_str(), t.id.as_str(), topic_stamp.as_deref())
                                })
                            });
                    let _ = ws.set_followed_stamp(stamp, kata_topics);
                }
                None => ws.forget_followed_stamp(),
            }
            followed.summary()
        }
        Err(e) => vec![format!(
            "the workspace could not be brought up to the course: {e}"
        )],
    }
}

/// Judges `source` as the learner's file of `kata`. Touches no workspace.
pub fn judge_source(
    python: &Interpreter,
    kata: &Kata,
    source: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> std::io::Result<Verdict> {
    let run = runner::run_kata(python, kata, source, cancel)?;
    Ok(judge::judge(kata, &run))
}

/// Switches on, for this process, runs started ahead of time
/// (runner::warm), unless the learner switched them off
/// (`PYKATA_WARM_RUNNER=0`): for the faces that judge save after save.
/// They end when the returned guard is dropped, whether the face returns
/// or panics; a static is never dropped, and a run left waiting would
/// leave its work dir behind.
#[must_use = "runs kept ready end when the guard is dropped"]
pub fn keep_runs_ready() -> RunsReady {
    runner::warm::set_enabled(runner::warm::wanted());
    RunsReady(())
}

/// Ends the runs kept ready (see [`keep_runs_ready`]) when dropped.
pub struct RunsReady(());

impl Drop for RunsReady {
    fn drop(&mut self) {
        get_ready_no_more();
    }
}

/// Has a run of `kata` started ahead of time on `python`, when this
/// process keeps runs ready (runner::warm): opening the kata then judges
/// it without waiting for an interpreter to start.
pub fn get_ready(python: &Interpreter, kata: &Kata) {
    if runner::warm::enabled() {
        runner::warm::prepare(python, kata.limits);
    }
}

/// Ends the run kept ready by [`get_ready`] (and by every run), if any, and
/// one being started; none is started after. For a process about to exit
/// without dropping its [`RunsReady`] (ended by a signal).
pub fn get_ready_no_more() {
    runner::warm::discard();
}

/// Judges the learner's file of `kata` in the workspace and records the
/// attempt in their progress. Returns the verdict and any warning about the
/// progress file.
pub fn check_kata(
    python: &Interpreter,
    ws: &Workspace,
    kata: &Kata,
    cancel: Option<Arc<AtomicBool>>,
) -> Result<(Verdict, Option<String>), SessionError> {
    let source = ws.read_kata(kata)?;
    check_kata_source(python, ws, kata, &source, cancel)
}

/// [`check_kata`] of `source`, the text of the learner's file as the
/// caller read it: the verdict is then of that text, whatever the file
/// holds by the time the run starts.
pub fn check_kata_source(
    python: &Interpreter,
    ws: &Workspace,
    kata: &Kata,
    source: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> Result<(Verdict, Option<String>), SessionError> {
    python
        .require_supported()
        .map_err(SessionError::Unsupported)?;
    let verdict = judge_source(python, kata, source, cancel.clone())?;
    // A run the learner cancelled is not an attempt, nor is a skipped one,
    // nor a run of the starter they have not touched (`check --all` on a
    // fresh workspace would start the clock on every kata).
    if verdict.status == judge::Status::Skipped
        || was_cancelled(&cancel)
        || is_untouched_starter(kata, source)
    {
        let unreadable = ws.read_progress().unreadable;
        return Ok((verdict, unreadable.map(|w| w.to_string())));
    }
    // A record that cannot be saved is a warning after the verdict, never
    // in place of it.
    let updated = ws.update_progress(|progress| {
        progress.record_attempt(&kata.id, verdict.status);
        progress.record_verdict(&kata.id, last_verdict(&verdict));
    });
    let mut warning = updated.warning("this run was not recorded");
    // A pass answers the kata as it is now, even if its task changed since
    // the learner's file was made.
    if verdict.status == judge::Status::Pass {
        if let Err(e) = ws.note_current(kata) {
            warning.get_or_insert_with(|| format!("the pass could not be noted: {e}"));
        }
    }
    Ok((verdict, warning))
}

/// The summary of `verdict` kept in progress, so that opening the kata
/// again shows where the learner stood.
pub fn last_verdict(verdict: &Verdict) -> LastVerdict {
    LastVerdict {
        status: verdict.status.into(),
        message: verdict.message.clone(),
        line: verdict.line,
        checks: verdict
            .checks
            .iter()
            .map(|c| (c.id.clone(), c.status.into()))
            .collect(),
        at: crate::progress::now(),
    }
}

/// Whether `source` is still the starter pykata wrote for `kata`. Line
/// endings and trailing blank space do not count as a change: an editor
/// may rewrite them on a save the learner made without editing.
pub fn is_untouched_starter(kata: &Kata, source: &str) -> bool {
    crate::workspace::as_saved(source) == crate::workspace::as_saved(&kata.starter.text)
}

/// Whether `kata` can run on this interpreter: `Err` names both versions.
pub fn supported(kata: &Kata, version: &PythonVersion) -> Result<(), String> {
    match kata.min_python {
        Some(min) if !version.at_least(min) => Err(format!(
            "needs Python {}.{} or newer; this interpreter is Python {version}",
            min.0, min.1
        )),
        _ => Ok(()),
    }
}

/// The result of answering a predict step.
#[derive(Debug, Clone)]
pub struct PredictOutcome {
    pub correct: bool,
    pub truth: Truth,
}

/// Why a lesson run gave no answer.
#[derive(Debug, thiserror::Error)]
pub enum LessonRunError {
    #[error("the run was cancelled")]
    Cancelled,
    #[error("could not run the code: {0}")]
    Io(#[from] std::io::Error),
    /// The interpreter is too old (or gave no version): nothing ran.
    #[error("{0}")]
    Unsupported(String),
    /// The example imports modules this interpreter lacks: nothing ran.
    #[error("{}", missing_message(.0))]
    MissingModules(Vec<String>),
}

/// What a learner reads when an example needs modules their Python lacks.
pub fn missing_message(modules: &[String]) -> String {
    let names = modules.join(", ");
    let install = modules
        .iter()
        .map(|m| m.split('.').next().unwrap_or(m))
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "this example needs {names}, which is not installed for this Python \
         (the course itself needs only the standard library); \
         to run it, install it with `python -m pip install {install}`"
    )
}

/// Which of `modules` this interpreter cannot import, found with
/// `importlib.util.find_spec` (nothing is imported). An example's
/// `requires:` names modules outside the standard library.
pub fn missing_modules(python: &Interpreter, modules: &[String]) -> std::io::Result<Vec<String>> {
    if modules.is_empty() {
        return Ok(Vec::new());
    }
    // The names passed lint as dotted identifiers, so `{:?}` quotes them
    // as valid Python strings.
    let code = format!(
        "import importlib.util\n\
         for name in {modules:?}:\n\
         \x20   try:\n\
         \x20       found = importlib.util.find_spec(name) is not None\n\
         \x20   except (ImportError, ValueError):\n\
         \x20       found = False\n\
         \x20   print(name, found)\n"
    );
    // The probe only looks files up, but a loaded machine can stall an
    // interpreter's start: give it the kata default, not a snippet's 2 s.
    let run = runner::run_script(python, &code, runner::Limits::default().wall_ms)?;
    let out = run.process.stdout.display();
    let mut missing = Vec::new();
    for m in modules {
        // A probe that did not answer for a module (it was stopped, or
        // crashed) says nothing about it: that is an error, not "missing".
        if out.lines().any(|l| l == format!("{m} False")) {
            missing.push(m.clone());
        } else if !out.lines().any(|l| l == format!("{m} True")) {
            return Err(std::io::Error::other(format!(
                "could not find out whether {m} is installed: the interpreter did not answer"
            )));
        }
    }
    Ok(missing)
}

fn was_cancelled(cancel: &Option<Arc<AtomicBool>>) -> bool {
    cancel
        .as_ref()
        .is_some_and(|c| c.load(std::sync::atomic::Ordering::SeqCst))
}

/// Runs a predict step's code for real and compares the learner's answer,
/// under the learners' limit. A cancelled run gives no verdict (it would
/// look like an infinite loop).
pub fn answer_prediction(
    python: &Interpreter,
    code: &str,
    prediction: &str,
    cancel: Option<Arc<AtomicBool>>,
) -> Result<PredictOutcome, LessonRunError> {
    answer_prediction_within(python, code, prediction, script::PREDICT_WALL_MS, cancel)
}

/// `answer_prediction` with a time limit of the caller's (verify gives a
/// snippet stopped on a loaded machine a second, longer run).
pub fn answer_prediction_within(
    python: &Interpreter,
    code: &str,
    prediction: &str,
    wall_ms: u64,
    cancel: Option<Arc<AtomicBool>>,
) -> Result<PredictOutcome, LessonRunError> {
    python
        .require_supported()
        .map_err(LessonRunError::Unsupported)?;
    let run = runner::run_script_cancellable(python, code, wall_ms, cancel.clone())?;
    if was_cancelled(&cancel) {
        return Err(LessonRunError::Cancelled);
    }
    let truth = Truth::of(&run);
    Ok(PredictOutcome {
        correct: answer::is_correct(prediction, &truth),
        truth,
    })
}

/// The key older progress files used: `topic/N`, the step's position.
fn position_key(topic: &str, step_index: usize) -> String {
    format!("{topic}/{}", step_index + 1)
}

/// Moves predictions that older progress files keep by step position
/// (`topic/3`) to their step's id. A record moves only where it surely
/// belongs: the step at that position is a predict step with no record of
/// its own yet, and a right answer recorded there is right for it. Any
/// other record (the course changed since it was made) stays under its old
/// key, kept and shown by `report`, never given to another step. Returns
/// whether anything moved.
pub fn adopt_old_prediction_keys(progress: &mut Progress, course: &Course) -> bool {
    let mut moved = false;
    for topic in &course.topics {
        let keys: Vec<(usize, String)> = topic.prediction_keys().collect();
        for (index, key) in keys {
            let old = position_key(&topic.id, index);
            if progress.predictions.contains_key(&key) {
                continue;
            }
            let Some(record) = progress.predictions.get(&old) else {
                continue;
            };
            let crate::course::Step::Predict(p) = &topic.steps[index].step else {
                continue;
            };
            if record.answered_correctly
                && !answer::same_answer(&record.last_answer, &p.answer.value)
            {
                continue;
            }
            if let Some(record) = progress.predictions.remove(&old) {
                progress.predictions.insert(key, record);
                moved = true;
            }
        }
    }
    moved
}

/// Rewrites the workspace's progress file with its predictions under step
/// ids (see `adopt_old_prediction_keys`), when it has any by position.
/// Returns any warning about the progress file.
pub fn adopt_step_ids(ws: &Workspace, course: &Course) -> Option<String> {
    // Read only: an unreadable file is said by whoever reads the progress
    // next, and set aside by the next record, not swallowed here.
    let mut progress = Progress::peek(&ws.progress_path())?;
    if !adopt_old_prediction_keys(&mut progress, course) {
        return None;
    }
    ws.update_progress(|p| {
        adopt_old_prediction_keys(p, course);
    })
    .warning("the predictions could not be moved to their steps' ids")
}

/// Records an answer to a predict step in the learner's progress. Returns
/// any warning about the progress file (including an answer that could not
/// be saved: the learner still gets their answer judged).
pub fn record_prediction(ws: &Workspace, key: &str, answer: &str, correct: bool) -> Option<String> {
    ws.update_progress(|progress| progress.record_prediction(key, answer, correct))
        .warning("this answer was not recorded")
}

/// The hint to show after `next_hint`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextHint {
    /// Which hint to show (1-based, at most `total`) and how many there
    /// are; `None` if the kata has no hints.
    pub hint: Option<(u32, usize)>,
    /// Anything the learner must be told about the progress file.
    pub warning: Option<String>,
}

/// Counts one more hint of `kata` as shown and says which one to show. A
/// count that cannot be saved still gives the hint, with a warning.
/// How many of `kata`'s hints the learner has seen, and whether they have
/// passed it; reads the progress, changes nothing.
pub fn hints_seen(ws: &Workspace, kata: &Kata) -> (u32, bool, Option<String>) {
    let ReadProgress {
        progress,
        unreadable,
    } = ws.read_progress();
    let record = progress.kata(&kata.id);
    (
        record.hints_shown(kata.hints.len()),
        record.state == KataState::Done,
        unreadable.map(|w| w.to_string()),
    )
}

pub fn next_hint(ws: &Workspace, kata: &Kata) -> NextHint {
    if kata.hints.is_empty() {
        return NextHint {
            hint: None,
            warning: ws.read_progress().unreadable.map(|w| w.to_string()),
        };
    }
    let total = kata.hints.len();
    let updated = ws.update_progress(|progress| progress.use_hint(&kata.id, total));
    NextHint {
        hint: Some((updated.value, total)),
        warning: updated.warning("this hint was not recorded"),
    }
}

/// What a lesson example printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleRun {
    /// Its output, then the exception line if it raised (safe to display).
    pub shown: String,
    /// It was stopped at the time limit.
    pub timed_out: bool,
    /// How long it ran, the interpreter's start included.
    pub elapsed: std::time::Duration,
}

/// Runs a lesson example for real and returns what a reader sees: its
/// output, then the exception line if it raised (made safe to display),
/// and a note if it was stopped at the learners' limit.
pub fn run_example(
    python: &Interpreter,
    code: &str,
    requires: &[String],
    cancel: Option<Arc<AtomicBool>>,
) -> Result<String, LessonRunError> {
    let run = example_output(python, code, requires, script::PREDICT_WALL_MS, cancel)?;
    let mut shown = run.shown;
    if run.timed_out {
        shown.push_str(&format!(
            "(still running after {:.1} s: stopped)\n",
            script::PREDICT_WALL_MS as f64 / 1000.0
        ));
    }
    Ok(shown)
}

/// Runs a lesson example within `wall_ms`: nothing runs when the
/// interpreter is too old or lacks a module the example `requires`.
pub fn example_output(
    python: &Interpreter,
    code: &str,
    requires: &[String],
    wall_ms: u64,
    cancel: Option<Arc<AtomicBool>>,
) -> Result<ExampleRun, LessonRunError> {
    python
        .require_supported()
        .map_err(LessonRunError::Unsupported)?;
    let missing = missing_modules(python, requires)?;
    if !missing.is_empty() {
        return Err(LessonRunError::MissingModules(missing));
    }
    let run = runner::run_script_cancellable(python, code, wall_ms, cancel.clone())?;
    if was_cancelled(&cancel) {
        return Err(LessonRunError::Cancelled);
    }
    Ok(ExampleRun {
        shown: run.shown_output(),
        timed_out: run.timed_out(),
        elapsed: run.process.elapsed,
    })
}

/// Where a kata stands for a learner, including "skipped" when this
/// interpreter is too old for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KataStatus {
    New,
    Started {
        attempts: u32,
    },
    Done,
    /// Why it cannot run here (names both versions).
    Unsupported(String),
}

/// The status of `kata` given the learner's progress and, when known, the
/// interpreter's version.
pub fn kata_status(
    kata: &Kata,
    progress: &Progress,
    version: Option<&PythonVersion>,
) -> KataStatus {
    let p = progress.kata(&kata.id);
    match p.state {
        KataState::Done => KataStatus::Done,
        _ => match version.map(|v| supported(kata, v)) {
            Some(Err(why)) => KataStatus::Unsupported(why),
            _ if p.state == KataState::Started => KataStatus::Started {
                attempts: p.attempts,
            },
            _ => KataStatus::New,
        },
    }
}

/// Where to continue: the last kata worked on if it is not done yet, else
/// the first kata after it (then from the start) that is not done.
pub fn continue_target<'c>(course: &'c Course, progress: &Progress) -> Option<&'c Kata> {
    let katas: Vec<&Kata> = course.katas().collect();
    let start = progress
        .last_kata
        .as_deref()
        .and_then(|id| katas.iter().position(|k| k.id == id))
        .unwrap_or(0);
    let not_done = |k: &&&Kata| progress.kata(&k.id).state != KataState::Done;
    katas[start..]
        .iter()
        .find(not_done)
        .or_else(|| katas[..start].iter().find(not_done))
        .copied()
}

#[cfg(test)]
mod tests {
    //! The learners' calls on the fixture course and a real workspace in a
    //! temporary folder. Python runs are covered end to end (tests/); these
    //! are the rules in between: what counts, what is read, what is kept.
    use super::*;
    use crate::course::{self, CourseSource};
    use crate::judge::Status;

    fn fixture() -> Course {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
        course::load(CourseSource::from_path(&root)).expect("the fixture course loads")
    }

    fn workspace(course: &Course) -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let (ws, _) = Workspace::init(&dir.path().join("ws"), course).unwrap();
        (dir, ws)
    }

    fn kata<'c>(course: &'c Course, id: &str) -> &'c Kata {
        course.katas().find(|k| k.id == id).unwrap()
    }

    #[test]
    fn hints_are_counted_once_each_and_no_further_than_there_are() {
        let course = fixture();
        let (_dir, ws) = workspace(&course);
        let two = kata(&course, "fix-default");
        let shown: Vec<Option<(u32, usize)>> = (0..3).map(|_| next_hint(&ws, two).hint).collect();
        assert_eq!(shown, [Some((1, 2)), Some((2, 2)), Some((2, 2))]);
        assert_eq!(hints_seen(&ws, two), (2, false, None));
    }

    #[test]
    fn following_a_stamped_course_keeps_the_topic_of_every_kata() {
        let course = fixture();
        let (_dir, ws) = workspace(&course);
        assert_eq!(ws.followed_topic_of("fix-default"), None);
        let notes = follow_course_stamped(&ws, &course, Some("stamp-1"));
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(ws.followed_stamp().as_deref(), Some("stamp-1"));
        for k in course.katas() {
            let kept = ws.followed_topic_of(&k.id).unwrap();
            assert_eq!(kept.topic, k.topic);
            assert_eq!(kept.stamp, course.source.topic_stamp(&k.topic));
            assert!(kept.stamp.is_some(), "a course folder's topics have stamps");
        }

        assert_eq!(ws.followed_topic_of("no-such-kata"), None);
        // Unstamped, nothing is kept (the next command follows again).
        follow_course_stamped(&ws, &course, None);
        assert_eq!(ws.followed_stamp(), None);
        assert_eq!(ws.followed_topic_of("fix-default"), None);
    }

    #[test]
    fn the_untouched_starter_is_told_apart_from_an_edit() {
        let course = fixture();
        let k = kata(&course, "order");
        assert!(is_untouched_starter(k, &k.starter.text));
        assert!(!is_untouched_starter(
            k,
            &format!("{}\n# edited\n", k.starter.text)
        ));
    }

    #[test]
    fn continuing_starts_after_the_last_kata_worked_on_and_wraps() {
        let course = fixture();
        let ids: Vec<&str> = course.katas().map(|k| k.id.as_str()).collect();
        let mut progress = Progress::default();
        assert_eq!(continue_target(&course, &progress).unwrap().id, ids[0]);
        // The last kata is done: the next one not done after it.
        progress.record_attempt(ids[1], Status::Pass);
        assert_eq!(continue_target(&course, &progress).unwrap().id, ids[2]);
        // Everything after it is done: back to the first not done.
        for id in &ids[2..] {
            progress.record_attempt(id, Status::Pass);
        }
        assert_eq!(continue_target(&course, &progress).unwrap().id, ids[0]);
        progress.record_attempt(ids[0], Status::Pass);
        assert!(continue_target(&course, &progress).is_none());
    }

    #[test]
    fn a_kata_too_new_for_the_interpreter_is_skipped_unless_done() {
        let course = fixture();
        let future = kata(&course, "needs-future");
        let old = PythonVersion::parse("3.11.7").unwrap();
        let mut progress = Progress::default();
        assert!(matches!(
            kata_status(future, &progress, Some(&old)),
            KataStatus::Unsupported(why) if why.contains("3.99")
        ));
        assert_eq!(kata_status(future, &progress, None), KataStatus::New);
        progress.record_attempt(&future.id, Status::Fail);
        assert_eq!(
            kata_status(future, &progress, None),
            KataStatus::Started { attempts: 1 }
        );
        progress.record_attempt(&future.id, Status::Pass);
        assert_eq!(kata_status(future, &progress, Some(&old)), KataStatus::Done);
    }

    #[test]
    fn the_last_verdict_keeps_each_checks_status() {
        let verdict = Verdict {
            status: Status::Fail,
            message: "the list grows".into(),
            mistake: None,
            checks: vec![],
            traceback: None,
            line: Some(3),
            column: None,
            import_output: String::new(),
            stderr: String::new(),
            truncated: false,
            python: None,
            duration_ms: 5,
            cpu_ms: None,
        };
        let last = last_verdict(&verdict);
        assert_eq!(last.status, crate::progress::RecordedStatus::Fail);
        assert_eq!(
            (last.message.as_str(), last.line),
            ("the list grows", Some(3))
        );
    }

    #[test]
    fn a_progress_file_that_cannot_be_read_is_said_when_a_prediction_is_recorded() {
        let course = fixture();
        let (_dir, ws) = workspace(&course);
        assert_eq!(record_prediction(&ws, "basics/q1", "[1]", true), None);
        let progress = ws.read_progress().progress;
        assert_eq!(progress.predictions["basics/q1"].last_answer, "[1]");
        // The progress file's place is taken by a folder: it is moved
        // aside, the learner is told where, and the answer is recorded anew.
        std::fs::remove_file(ws.progress_path()).unwrap();
        std::fs::create_dir(ws.progress_path()).unwrap();
        let said = record_prediction(&ws, "basics/q2", "[2]", false).unwrap();
        assert!(
            said.contains("could not be read") && said.contains("kept as"),
            "{said}"
        );
        let progress = ws.read_progress().progress;
        assert_eq!(progress.predictions["basics/q2"].last_answer, "[2]");
    }
}
