//! What both faces (the commands and the interface) are given: the global
//! options, resolved on demand into a course, a workspace and an
//! interpreter; how a face reports that it could not do its job; and the
//! exit codes. Below both faces, so neither imports the other: the binary
//! chooses the face.

pub mod style;

use crate::course::{self, Course, CourseSource};
use crate::runner::python::{self, Interpreter};
use crate::workspace::course_record::{self, Chosen};
use crate::workspace::{KeptTopic, Workspace};
use std::path::PathBuf;

/// Exit codes, as documented in README.md.
pub mod exit {
    /// Success; for `check`, the kata passed (or was skipped).
    pub const OK: u8 = 0;
    /// The kata did not pass, or `verify`/`lint` found problems.
    pub const NOT_PASSING: u8 = 1;
    /// A usage error: unknown kata, no workspace, bad arguments.
    pub const USAGE: u8 = 2;
    /// The environment: no Python, a course that does not load, a file that cannot be written.
    pub const ENVIRONMENT: u8 = 3;
}

/// A command that could not do its job, with what to do about it.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    pub help: Option<String>,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: exit::USAGE,
            message: message.into(),
            help: None,
        }
    }

    pub fn environment(message: impl Into<String>) -> Failure {
        Failure {
            code: exit::ENVIRONMENT,
            message: message.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Failure {
        self.help = Some(help.into());
        self
    }
}

impl From<crate::workspace::WorkspaceError> for Failure {
    fn from(e: crate::workspace::WorkspaceError) -> Self {
        use crate::workspace::WorkspaceError as E;
        let code = match e {
            E::Io { .. } | E::CourseGone { .. } | E::BadCourseRecord { .. } => exit::ENVIRONMENT,
            _ => exit::USAGE,
        };
        Failure {
            code,
            help: Some(e.help()),
            message: e.to_string(),
        }
    }
}

impl From<crate::session::SessionError> for Failure {
    fn from(e: crate::session::SessionError) -> Self {
        match e {
            crate::session::SessionError::Workspace(w) => w.into(),
            crate::session::SessionError::Unsupported(message) => {
                Failure::environment(message).help(python::INSTALL_HELP)
            }
            other => Failure::environment(other.to_string()),
        }
    }
}

pub type Outcome = Result<u8, Failure>;

/// What every command may need, resolved on demand from the global options.
pub struct Ctx {
    pub course_dir: Option<PathBuf>,
    pub workspace_dir: Option<PathBuf>,
    pub python_path: Option<PathBuf>,
    /// Whether loading the course brings the workspace up to it (see
    /// `Workspace::follow`): the learner's commands, not the author's.
    pub follow_workspace: bool,
}

impl Ctx {
    /// The context the global options give. The learner's commands and the
    /// interface bring the workspace up to its course; the author's do not.
    pub fn from_cli(cli: &crate::cli::Cli) -> Ctx {
        use crate::cli::Command;
        let follow_workspace = matches!(
            cli.command,
            None | Some(
                Command::List
                    | Command::Check { .. }
                    | Command::Watch { .. }
                    | Command::Hint { .. }
                    | Command::Hints { .. }
                    | Command::Solution { .. }
                    | Command::Reset { .. }
                    | Command::Restore { .. }
            )
        );
        Ctx {
            course_dir: cli.course.clone(),
            workspace_dir: cli.workspace.clone(),
            python_path: cli.python.last().cloned(),
            follow_workspace,
        }
    }

    /// The course the options name, else the built-in one, whatever the
    /// workspace follows (`lint`'s default).
    pub fn source(&self) -> CourseSource {
        match &self.course_dir {
            Some(path) => CourseSource::from_path(path),
            None => CourseSource::Embedded,
        }
    }

    /// The course to use: `--course` (or PYKATA_COURSE) if given, else the
    /// one the workspace follows, else the built-in one. A `--course` other
    /// than the workspace's own is said on stderr; a workspace whose course
    /// is gone is an error that says how to fix it.
    pub fn course(&self) -> Result<Course, Failure> {
        self.course_loaded_by(course::load, None)
    }

    /// [`Ctx::course`] for a command about kata `id` alone: only the
    /// topic that holds it is loaded (see `course::for_kata`), unless the
    /// workspace must first follow a changed course, which needs all of it.
    /// When the workspace kept that topic's stamp and the topic is
    /// unchanged, the rest of the course is not even stamped (see
    /// `CourseSource::topic_stamp`). Check `Course::partial` before judging
    /// the whole course.
    pub fn course_for_kata(&self, id: &str) -> Result<Course, Failure> {
        let kept = self.workspace_opt().and_then(|ws| ws.followed_topic_of(id));
        let hint = kept.as_ref().map(|k| k.topic.clone());
        self.course_loaded_by(
            |source| course::load_for_kata(source, id, hint.as_deref()),
            kept.as_ref(),
        )
    }

    fn course_loaded_by(
        &self,
        load: impl FnOnce(CourseSource) -> Result<Course, course::LoadError>,
        kept: Option<&KeptTopic>,
    ) -> Result<Course, Failure> {
        let ws = self.workspace_opt();
        let chosen = self.choose_course(ws.as_ref())?;
        if let Some(note) = &chosen.override_note {
            warn(note);
        }
        // A learner's command brings their workspace up to the course it
        // follows (a newer pykata, a newer course); never to a course named
        // for one run only. Only when the course changed since the last
        // time: following needs the whole course.
        let follow = match (self.follow_workspace, &chosen.override_note, ws) {
            (true, None, Some(ws)) => Some(ws),
            _ => None,
        };
        // The one topic a command needs is as it was when followed: the
        // rest of the course waits for a command that needs it.
        let topic_unchanged = kept
            .is_some_and(|k| k.stamp.is_some() && chosen.source.topic_stamp(&k.topic) == k.stamp);
        if follow.is_some() && topic_unchanged {
            return load(chosen.source).map_err(load_failure);
        }
        let stamp = follow.as_ref().and_then(|_| chosen.source.stamp());
        let up_to_date = |ws: &Workspace| stamp.is_some() && ws.followed_stamp() == stamp;
        let course = match &follow {
            Some(ws) if !up_to_date(ws) => Self::load(chosen.source)?,
            _ => load(chosen.source).map_err(load_failure)?,
        };
        if let Some(ws) = &follow {
            for line in crate::session::follow_course_stamped(ws, &course, stamp.as_deref()) {
                warn(&line);
            }
        }
        Ok(course)
    }

    /// The course to use with the workspace `ws` (see [`Ctx::course`]),
    /// without saying anything.
    pub fn choose_course(&self, ws: Option<&Workspace>) -> Result<Chosen, Failure> {
        Ok(course_record::choose(self.course_dir.as_deref(), ws)?)
    }

    /// Loads a course from a source already made (an archive is opened and
    /// read once, when its source is made).
    pub fn load(source: CourseSource) -> Result<Course, Failure> {
        course::load(source).map_err(load_failure)
    }

    /// The interpreter to run code on, refused before anything runs if
    /// pykata does not support its version.
    pub fn python(&self) -> Result<Interpreter, Failure> {
        let python = self.find_python()?;
        python
            .require_supported()
            .map_err(|message| Failure::environment(message).help(python::INSTALL_HELP))?;
        Ok(python)
    }

    /// The interpreter the options name, without asking its version (the
    /// interface asks off its thread, so the screen opens at once).
    pub fn find_python(&self) -> Result<Interpreter, Failure> {
        python::find(self.python_path.as_deref())
            .map_err(|e| Failure::environment(e.to_string()).help(e.help()))
    }

    pub fn workspace(&self) -> Result<Workspace, Failure> {
        let cwd = std::env::current_dir()
            .map_err(|e| Failure::environment(format!("cannot read the current folder: {e}")))?;
        Ok(Workspace::locate(self.workspace_dir.as_deref(), &cwd)?)
    }

    /// The workspace if there is one; its absence is not an error.
    pub fn workspace_opt(&self) -> Option<Workspace> {
        self.workspace().ok()
    }
}

/// What a learner reads when the course does not load.
fn load_failure(e: course::LoadError) -> Failure {
    Failure::environment(format!("the course does not load:\n{e}"))
        .help("`pykata lint DIR` lists the same problems; fix them in the files named")
}

/// Prints a warning on stderr, each line as `warning: ...`. A warning this
/// process has printed already is not printed again (`check --all` meets an
/// unwritable progress file once per kata; the learner reads it once).
#[allow(
    clippy::print_stderr,
    reason = "one of the two places a face's notes reach the user"
)]
pub fn warn(text: &str) {
    static SHOWN: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut shown = SHOWN.lock().unwrap_or_else(|p| p.into_inner());
    if shown.iter().any(|t| t == text) {
        return;
    }
    shown.push(text.to_string());
    let s = style::Style::stderr();
    for line in text.lines() {
        eprintln!("{} {line}", s.warn("warning:"));
    }
}

/// Whether stdin and stdout are both a terminal (the interface can run).
pub fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

/// Prints a face's failure on stderr (message, then what to do) and gives
/// the process exit code.
#[allow(
    clippy::print_stderr,
    reason = "one of the two places a face's notes reach the user"
)]
pub fn finish(outcome: Outcome) -> u8 {
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            let s = style::Style::stderr();
            eprintln!("{} {}", s.bad("error:"), failure.message);
            if let Some(help) = failure.help {
                eprintln!("  {} {help}", s.dim("help:"));
            }
            failure.code
        }
    }
}
