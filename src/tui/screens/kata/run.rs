//! Running the checks on the learner's file and taking in the verdict;
//! a file deleted under the screen gets its starter back first.
use super::*;

impl App {
    /// Runs the learner's file once when its kata screen has just opened
    /// (see `App::run_on_open`); a run that cannot start says nothing here,
    /// the screen already shows why (no Python, a missing file).
    pub(crate) fn run_opened_kata(&mut self) -> Vec<Effect> {
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        if std::mem::replace(&mut view.opened_run, true) {
            return Vec::new();
        }
        let missing = view.path.as_deref().is_some_and(|p| !p.exists());
        if self.cannot_run().is_some() || self.ws.is_none() || missing {
            return Vec::new();
        }
        self.start_check(false)
    }

    /// Starts the checks on the learner's file. Without `manual`, a file
    /// whose text is the same as at the last run is not run again.
    pub(crate) fn start_check(&mut self, manual: bool) -> Vec<Effect> {
        if let Some(why) = self.cannot_run() {
            self.error(format!("cannot run the checks: {why}"));
            return Vec::new();
        }
        if self.ws.is_none() {
            self.error(
                "there is no workspace to run from; restart pykata in a folder you can write to",
            );
            return Vec::new();
        }
        if !self.file_there_to_run(manual) {
            return Vec::new();
        }
        let hl = self.hl.clone();
        let theme = self.theme;
        let gen = self.next_gen();
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        let h = view.reload(hl.as_deref(), &theme);
        if !manual
            && h.is_some()
            && h == view.last_run_hash
            && !matches!(view.run, RunState::Cancelled)
        {
            return Vec::new();
        }
        let Some(kata) = self
            .course
            .topics
            .get(view.topic)
            .and_then(|t| t.katas.get(view.index))
        else {
            return Vec::new();
        };
        view.cancel();
        let cancel = Arc::new(AtomicBool::new(false));
        view.run = RunState::Running {
            gen,
            cancel: cancel.clone(),
        };
        view.last_run_hash = h;
        view.invalidate();
        self.dirty = true;
        let source = h.and(view.last_read.clone());
        vec![Effect::Check {
            gen,
            kata: Box::new(kata.clone()),
            source,
            cancel,
        }]
    }

    /// Whether the learner's file is there to run. A file that is gone
    /// (deleted, moved, renamed) is never put back behind the learner's
    /// back, since a run would write the starter in its place: the file
    /// pane says so, and only an `r` pressed after that puts the starter
    /// back (never over a file that has appeared meanwhile) and runs it.
    fn file_there_to_run(&mut self, manual: bool) -> bool {
        let Some(ws) = self.ws.clone() else {
            return true;
        };
        let Screen::Kata(view) = &mut self.screen else {
            return true;
        };
        let Some(path) = view.path.clone() else {
            return true;
        };
        if path.exists() {
            view.file_missing = false;
            return true;
        }
        let told = view.file_missing;
        view.file_missing = true;
        view.cancel();
        view.invalidate();
        self.dirty = true;
        let rel = view.rel_path.clone();
        let (topic, index) = (view.topic, view.index);
        let last_read = view.last_read.clone();
        if !manual {
            return false;
        }
        if !told {
            self.warn(format!(
                "{rel} is not there any more (deleted or moved?); nothing was run. \
                 r again puts the starter back in its place and runs it"
            ));
            return false;
        }
        let Some(kata) = self.kata(topic, index).cloned() else {
            return false;
        };
        match restore_starter(&ws, &kata, &path, last_read.as_deref()) {
            Ok(Restored::Starter(None)) => {
                self.done(format!("the starter is back in {rel}; running it"));
                true
            }
            Ok(Restored::Starter(Some(kept))) => {
                let kept = kept
                    .strip_prefix(&ws.root)
                    .unwrap_or(&kept)
                    .display()
                    .to_string();
                self.done(format!(
                    "the starter is back in {rel}, running it; what the file held when last read is kept in {kept}"
                ));
                true
            }
            // It came back meanwhile: the learner's, run as it is.
            Ok(Restored::AlreadyThere) => true,
            Err(e) => {
                self.error(format!("could not put the starter back in {rel}: {e}"));
                false
            }
        }
    }

    pub(crate) fn on_checked(
        &mut self,
        gen: u64,
        kata_id: &str,
        result: Result<(crate::judge::Verdict, Option<String>), String>,
    ) -> Vec<Effect> {
        self.reload_progress();
        self.dirty = true;
        let hl = self.hl.clone();
        let theme = self.theme;
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        let current = matches!(&view.run, RunState::Running { gen: g, .. } if *g == gen);
        if !current || view.kata_id != kata_id {
            return Vec::new();
        }
        view.run = RunState::Idle;
        view.invalidate();
        // A new verdict replaces what was said about the run before it
        // ("run cancelled", "cannot run the checks").
        self.clear_stale_notice();
        let Screen::Kata(view) = &mut self.screen else {
            return Vec::new();
        };
        match result {
            Ok((verdict, warning)) => {
                view.progress_warning = warning;
                view.run_error = None;
                let passed = verdict.status == Status::Pass;
                view.follow_error = verdict.line.is_some();
                // The run this verdict is of is the last one started.
                view.verdict_hash = view.last_run_hash;
                view.verdict = Some(verdict);
                view.result_scroll = 0;
                if passed {
                    let first = !view.done;
                    view.done = true;
                    if view.solution.is_none() {
                        view.solution =
                            Some(Highlighted::new(&view.solution_src, hl.as_deref(), &theme));
                    }
                    if first {
                        self.info("kata done: progress saved. n goes to the next kata");
                    }
                }
            }
            Err(e) => view.run_error = Some(e),
        }
        Vec::new()
    }
}

/// What `restore_starter` did.
enum Restored {
    /// The starter is in place; the learner's last text was kept there.
    Starter(Option<PathBuf>),
    /// A file appeared at the path meanwhile: left as it is.
    AlreadyThere,
}

/// Puts the starter back where the learner's file was. The text the file
/// held when last read, if the learner had changed the starter, goes to a
/// backup first (as `reset` keeps one), so a deleted file's work is not
/// lost; a file that appeared meanwhile is never written over.
fn restore_starter(
    ws: &crate::workspace::Workspace,
    kata: &Kata,
    path: &Path,
    last_read: Option<&str>,
) -> Result<Restored, String> {
    let worth_keeping = last_read.filter(|t| !session::is_untouched_starter(kata, t));
    let Some(text) = worth_keeping else {
        return match ws.ensure_kata_file(kata) {
            Ok(true) => Ok(Restored::Starter(None)),
            Ok(false) => Ok(Restored::AlreadyThere),
            Err(e) => Err(e.to_string()),
        };
    };
    // The last text back in place (never over a file that appeared), then
    // `reset`: a backup of it and the starter.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| {
            use std::io::Write;
            f.write_all(text.as_bytes())
        });
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Ok(Restored::AlreadyThere)
        }
        Err(e) => return Err(format!("{}: {e}", path.display())),
    }
    ws.reset(kata)
        .map(Restored::Starter)
        .map_err(|e| e.to_string())
}
