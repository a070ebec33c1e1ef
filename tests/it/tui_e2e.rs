//! The interface end to end, in a real terminal: tmux runs a shell, the
//! test types the command and keys into it and reads the screen back. The
//! learner's file is written from the test as an editor saves (a new file
//! renamed over the old one), and the verdict must change with no key
//! pressed. Every test ends by checking that the terminal was given back:
//! the shell runs again, the alternate screen is off, the tty is in
//! canonical mode with echo.
//!
//! Needs tmux and a Python 3; without them the tests say so and pass.

use crate::common::{self, fixture_course};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

fn have(program: &str) -> bool {
    which::which(program).is_ok()
}

fn ready() -> bool {
    if !have("tmux") {
        common::skip("tmux is not installed (the end-to-end interface tests need it)");
        return false;
    }
    if !have("python3") && !have("python") {
        common::skip("no python3 or python on PATH (CI installs one)");
        return false;
    }
    true
}

/// A tmux server of our own (its own socket) with one 80x24 shell.
struct Tmux {
    dir: tempfile::TempDir,
    socket: PathBuf,
}

impl Tmux {
    /// `pykata --course FIXTURE init NAME` in the test's folder, as a
    /// learner's first step.
    fn init_workspace(&self, name: &str) {
        let made = Command::new(env!("CARGO_BIN_EXE_pykata"))
            .current_dir(self.work())
            .env_remove("PYKATA_COURSE")
            .arg("--course")
            .arg(fixture_course())
            .args(["init", name])
            .output()
            .unwrap();
        assert!(made.status.success(), "{made:?}");
    }

    fn start() -> Tmux {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("tmux.sock");
        let t = Tmux { dir, socket };
        let work = t.work();
        std::fs::create_dir_all(&work).unwrap();
        let out = t.tmux(&[
            "new-session",
            "-d",
            "-s",
            "pk",
            "-x",
            "80",
            "-y",
            "24",
            "-c",
            work.to_str().unwrap(),
            "env",
            "PS1=$ ",
            "TERM=xterm-256color",
            "sh",
        ]);
        assert!(out.status.success(), "tmux did not start: {out:?}");
        t
    }

    /// The folder the shell starts in.
    fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "pk"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    fn type_text(&self, text: &str) {
        assert!(self
            .tmux(&["send-keys", "-t", "pk", "-l", text])
            .status
            .success());
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "pk"]).stdout).into_owned()
    }

    fn format(&self, f: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["display-message", "-p", "-t", "pk", f]).stdout)
            .trim()
            .to_string()
    }

    /// Waits until the screen shows `text`; fails with the screen if not.
    fn wait_for(&self, text: &str) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if started.elapsed() > WAIT {
                panic!("waited {WAIT:?} for {text:?}; the screen is:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts pykata in the shell, with a line after it that reports how
    /// it ended and the tty's modes: `EXIT:0 TTY:icanon echo`.
    fn run_pykata(&self, extra_env: &str) {
        self.run_pykata_with(extra_env, "")
    }

    fn run_pykata_with(&self, extra_env: &str, extra_args: &str) {
        let cmd = format!(
            "{extra_env} {} --course {} {extra_args}; s=$?; printf 'EXIT:%s TTY:%s\\n' \"$s\" \"$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')\"",
            env!("CARGO_BIN_EXE_pykata"),
            fixture_course().display()
        );
        self.type_text(&cmd);
        self.keys(&["Enter"]);
    }

    /// From the welcome of a fresh workspace to the first kata's screen
    /// (a fresh learner starts on the first lesson; the kata is one row down).
    fn open_first_kata(&self) {
        self.wait_for("Welcome to pykata");
        self.keys(&["Enter"]);
        self.wait_for("fix-default");
        self.keys(&["Down", "Enter"]);
        self.wait_for("fix_default.py (basics/fix_default.py)");
    }

    /// The `EXIT:` line printed after pykata ended, once it is there.
    fn wait_for_exit(&self) -> (String, String) {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            let line = screen.lines().find(|l| {
                l.split("EXIT:")
                    .nth(1)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|c| c.is_ascii_digit())
            });
            if let Some(line) = line {
                return (line.to_string(), screen);
            }
            if started.elapsed() > WAIT {
                panic!("pykata did not end within {WAIT:?}; the screen is:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// pykata's process id: the shell's child.
    fn pykata_pid(&self) -> Option<u32> {
        let shell = self.format("#{pane_pid}");
        let started = Instant::now();
        while started.elapsed() < WAIT {
            let out = Command::new("pgrep").args(["-P", &shell]).output().ok()?;
            let text = String::from_utf8_lossy(&out.stdout);
            if let Some(pid) = text.split_whitespace().next().and_then(|p| p.parse().ok()) {
                return Some(pid);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// After pykata ended: the shell is back and the terminal as it was.
    /// Returns the `EXIT:` line and the screen.
    fn assert_restored(&self) -> (String, String) {
        let (line, screen) = self.wait_for_exit();
        let tty = line.split("TTY:").nth(1).unwrap_or("");
        let modes: Vec<&str> = tty.split_whitespace().collect();
        assert!(
            modes.contains(&"icanon") && modes.contains(&"echo"),
            "the tty is not back in canonical mode with echo ({line}):\n{screen}"
        );
        assert_eq!(
            self.format("#{alternate_on}"),
            "0",
            "the alternate screen is still on"
        );
        assert_eq!(
            self.format("#{cursor_flag}"),
            "1",
            "the cursor is still hidden"
        );
        // The interface's frame is gone: the shell's screen is back (every
        // screen of the interface has "? help" in its status bar).
        assert!(
            !screen.contains("? help"),
            "the interface is still on screen:\n{screen}"
        );
        (line, screen)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// Writes `text` to `path` the way many editors save: a temporary file
/// beside it, renamed over it.
fn save_as_an_editor(path: &Path, text: &str) {
    let tmp = path.with_file_name(format!(
        ".{}.swp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn a_learner_session_end_to_end() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    t.run_pykata("");

    // First run: the welcome says where the files are.
    t.wait_for("Welcome to pykata");
    t.wait_for("./pykata-workspace");
    let ws = t.work().join("pykata-workspace");
    let file = ws.join("basics/fix_default.py");
    assert!(
        file.is_file(),
        "the workspace was created with the kata files"
    );

    // The map, then the first kata (selected: where to continue).
    t.keys(&["Enter"]);
    t.wait_for("fix-default");
    // A fresh learner starts on the first lesson; the kata is one row down.
    t.keys(&["Down", "Enter"]);
    t.wait_for("fix_default.py (basics/fix_default.py)");

    // A wrong save, then a right one: the verdict follows with no key.
    save_as_an_editor(
        &file,
        "def add(item, items=[]):\n    items = items + [item]\n    return items\n",
    );
    // Read (the kata's first verdict, of the starter, may come first).
    t.wait_for("items = items + [item]");
    t.wait_for("✗ FAIL");
    let solution =
        std::fs::read_to_string(fixture_course().join("katas/basics/fix_default.solution.py"))
            .unwrap();
    save_as_an_editor(&file, &solution);
    let screen = t.wait_for("✓ PASS");
    assert!(screen.contains("reference solution"), "{screen}");

    // The lesson: its first free-text prediction, answered right.
    t.keys(&["Escape"]);
    t.wait_for("≡ lesson");
    t.keys(&["Up", "Enter"]);
    t.wait_for("step 1 of 6");
    t.keys(&["Right", "Right", "Right"]);
    t.wait_for("Your answer");
    t.type_text(r#"["v1","v1"]"#);
    t.keys(&["Enter"]);
    t.wait_for("Right!");

    t.keys(&["q"]);
    let (line, _) = t.assert_restored();
    assert!(line.contains("EXIT:0"), "{line}");

    // The progress file has the pass and the prediction.
    let progress: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ws.join(".pykata/progress.json")).unwrap())
            .unwrap();
    assert_eq!(progress["katas"]["fix-default"]["state"], "done");
    assert_eq!(
        progress["predictions"]["basics/what-does-this-print-print-v1-v1"]["answered_correctly"],
        true
    );

    // A second start finds the workspace and opens on the course map.
    t.run_pykata("");
    t.wait_for("1/6 katas done");
    t.keys(&["C-c"]);
    t.assert_restored();
}

#[test]
fn sigterm_gives_the_terminal_back() {
    if !ready() {
        return;
    }
    if !have("pgrep") {
        common::skip("pgrep is not installed (it finds pykata's process id)");
        return;
    }
    let t = Tmux::start();
    t.run_pykata("");
    t.wait_for("Welcome to pykata");
    let pid = t.pykata_pid().expect("pykata runs under the shell");
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let (line, _) = t.assert_restored();
    // Stopped, not a success: the shell's status for SIGTERM.
    assert!(line.contains("EXIT:143"), "{line}");
}

#[test]
fn workspace_dot_welcome_names_the_folder_and_says_it_was_set_up() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    t.run_pykata_with("", "--workspace .");
    t.wait_for("Welcome to pykata");
    let screen = t.wait_for("kata files");
    let work = t.work().canonicalize().unwrap();
    let flat = screen
        .lines()
        .flat_map(|l| l.split_whitespace())
        .filter(|w| *w != "│")
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains(&format!(
            "Your files are in {} (this folder), a folder that was already there",
            work.display()
        )),
        "{screen}"
    );
    assert!(!flat.contains("created just now"), "{screen}");
    assert!(work.join(".pykata").is_dir());
    t.keys(&["q"]);
    t.assert_restored();
}

#[test]
fn a_panic_gives_the_terminal_back() {
    if !ready() {
        return;
    }
    if !cfg!(debug_assertions) {
        eprintln!("skipping: the test panic exists in debug builds only");
        return;
    }
    let t = Tmux::start();
    let temp = tempfile::tempdir().unwrap();
    t.run_pykata(&format!(
        "TMPDIR='{}' PYKATA_TUI_TEST_PANIC=1",
        temp.path().display()
    ));
    let (line, screen) = t.assert_restored();
    assert!(
        screen.contains("a test panic"),
        "the panic message is readable:\n{screen}"
    );
    assert!(!line.contains("EXIT:0"), "a panic is not a success: {line}");
    // The run kept ready for the first save ended with it, work dir and all.
    let left = common::run_dirs_in(temp.path());
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn the_editor_gets_the_terminal_and_gives_it_back() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    // An "editor" that says it ran, saves the right solution as editors
    // do, and takes a moment before it exits.
    let script = t.dir.path().join("editor.sh");
    let solution = fixture_course().join("katas/basics/fix_default.solution.py");
    std::fs::write(
        &script,
        format!(
            "echo \"EDITOR-RAN on $(basename \"$1\")\"\ncp '{}' \"$1.tmp\" && mv \"$1.tmp\" \"$1\"\nsleep 1\n",
            solution.display()
        ),
    )
    .unwrap();
    t.run_pykata_with("", &format!("--edit-cmd 'sh {} {{}}'", script.display()));
    t.wait_for("Welcome to pykata");
    t.keys(&["Enter"]);
    t.wait_for("fix-default");
    // A fresh learner starts on the first lesson; the kata is one row down.
    t.keys(&["Down", "Enter"]);
    t.wait_for("fix_default.py (basics/fix_default.py)");
    t.keys(&["e"]);
    t.wait_for("EDITOR-RAN on fix_default.py");
    // Back in the interface, the save is judged.
    t.wait_for("✓ PASS");
    t.keys(&["q"]);
    let (line, _) = t.assert_restored();
    assert!(line.contains("EXIT:0"), "{line}");
}

#[test]
fn an_unreadable_progress_file_is_said_and_left_until_a_record() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    t.init_workspace("pykata-workspace");
    let marker = t.work().join("pykata-workspace/.pykata");
    std::fs::write(marker.join("progress.json"), "{ not json").unwrap();
    // Another warning at start (sandbox extras off) must not hide it.
    t.run_pykata_with("", "--no-sandbox-extras");
    // Opening the interface only reads: the file is named and left as it
    // is until something is recorded.
    let screen = t.wait_for("unreadable: it is kept aside");
    assert!(
        screen.contains(".pykata/progress.json"),
        "the status bar names the file:\n{screen}"
    );
    let kept = || -> Vec<String> {
        std::fs::read_dir(&marker)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("unreadable"))
            .collect()
    };
    assert!(kept().is_empty(), "{:?}", kept());
    t.keys(&["q"]);
    t.assert_restored();
}

#[test]
fn the_interface_opens_the_course_the_workspace_follows() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    t.init_workspace("ws");
    // As the learner does next: into the workspace, pykata with no --course.
    let cmd = format!(
        "cd ws && env -u PYKATA_COURSE {}; printf 'EXIT:%s TTY:%s\\n' \"$?\" \"$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')\"",
        env!("CARGO_BIN_EXE_pykata")
    );
    t.type_text(&cmd);
    t.keys(&["Enter"]);
    // The fixture course's kata, not the built-in course.
    let screen = t.wait_for("fix-default");
    assert!(!screen.contains("Advanced Python"), "{screen}");
    t.keys(&["q"]);
    let (line, _) = t.assert_restored();
    assert!(line.contains("EXIT:0"), "{line}");
}

#[test]
fn watch_quits_on_one_key_and_gives_the_terminal_back() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    t.init_workspace("ws");
    // `q` alone, no Enter: the keys count one by one while watching.
    t.run_pykata_with("", "--workspace ws watch");
    t.wait_for("Watching basics/fix_default.py (fix-default).");
    t.keys(&["q"]);
    let (line, screen) = t.assert_restored();
    assert!(line.contains("EXIT:0"), "{line}");
    assert!(screen.contains("Stopped watching."), "{screen}");
    // Ctrl-C the same, with the next kata named by its file.
    t.type_text("clear");
    t.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    t.run_pykata_with("", "--workspace ws watch ws/basics/order.py");
    t.wait_for("Watching basics/order.py (order).");
    t.keys(&["C-c"]);
    let (line, _) = t.assert_restored();
    assert!(line.contains("EXIT:0"), "{line}");
}

#[test]
fn e_opens_the_editor_at_the_error_line() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    // A "vim" that records the arguments it was given, one a line.
    let bin = t.dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let argv = t.dir.path().join("argv.txt");
    let vim = bin.join("vim");
    std::fs::write(
        &vim,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\necho EDITOR-RAN\nsleep 1\n",
            argv.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&vim, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    t.run_pykata(&format!("EDITOR='{}'", vim.display()));
    t.open_first_kata();
    let file = t.work().join("pykata-workspace/basics/fix_default.py");
    save_as_an_editor(
        &file,
        "def add(item, items=None):\n    items = []\n    return items +\n",
    );
    t.wait_for("3▶");
    t.keys(&["e"]);
    t.wait_for("EDITOR-RAN");
    let started = Instant::now();
    while !argv.exists() && started.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(50));
    }
    let args = std::fs::read_to_string(&argv).unwrap();
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(args.len(), 2, "{args:?}");
    assert_eq!(args[0], "+3", "vim is told the line: {args:?}");
    assert!(args[1].ends_with("basics/fix_default.py"), "{args:?}");
    t.wait_for("? help");
    t.keys(&["q"]);
    let (line, _) = t.assert_restored();
    assert!(line.contains("EXIT:0"), "{line}");
}

#[test]
fn a_deleted_kata_file_is_said_and_put_back_only_by_r() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    t.run_pykata("");
    t.open_first_kata();
    let file = t.work().join("pykata-workspace/basics/fix_default.py");
    let mine = "def add(item, items=None):\n    return ['mine']\n";
    save_as_an_editor(&file, mine);
    // The screen has read the save (the kata's first verdict, of the
    // starter, may come before: with a run waiting, in milliseconds).
    t.wait_for("return ['mine']");
    t.wait_for("✗ FAIL");
    std::fs::remove_file(&file).unwrap();
    t.wait_for("is not there any more");
    // Nothing runs and nothing is written behind the learner's back.
    std::thread::sleep(Duration::from_millis(500));
    assert!(!file.exists(), "the starter came back without a key");
    t.keys(&["r"]);
    t.wait_for("the starter is back");
    assert!(file.exists());
    let backups = t.work().join("pykata-workspace/.pykata/backups/basics");
    let kept: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert_eq!(
        kept,
        vec![mine.to_string()],
        "the learner's last text is kept"
    );
    t.keys(&["q"]);
    let (line, _) = t.assert_restored();
    assert!(line.contains("EXIT:0"), "{line}");
}

/// The runs started by `pid` or its descendants that wait, ahead of time,
/// for the learner's file (runner::warm): their harness holds the FIFO it
/// waits on (`_pykata_go`) on its command line.
fn waiting_runs_below(pid: u32) -> Vec<u32> {
    let mut family = vec![pid];
    let mut waiting = Vec::new();
    // Parents come before their children often enough; a few passes find
    // every descendant however /proc lists them.
    for _ in 0..6 {
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Some(p) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // The parent is the second field after the command's ")".
            let parent = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|p| p.parse::<u32>().ok());
            if parent.is_some_and(|pp| family.contains(&pp)) && !family.contains(&p) {
                family.push(p);
            }
        }
    }
    for p in family {
        let cmdline = std::fs::read(format!("/proc/{p}/cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline).contains("_pykata_go") {
            waiting.push(p);
        }
    }
    waiting
}

/// Waits until every process of `pids` has ended.
fn wait_gone(what: &str, pids: &[u32]) {
    wait_until(what, || {
        pids.iter()
            .all(|p| !Path::new(&format!("/proc/{p}")).exists())
    });
}

/// The runs waiting below `pid`, once there is one.
fn waiting_runs_once_there(pid: u32, what: &str) -> Vec<u32> {
    wait_until(what, || !waiting_runs_below(pid).is_empty());
    waiting_runs_below(pid)
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < WAIT, "waited {WAIT:?} for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_interface_keeps_a_run_waiting_for_the_next_save_and_ends_it_on_quit() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    t.run_pykata("");
    t.wait_for("Welcome to pykata");
    // Before any kata is opened, a run waits for the one the map continues
    // at, so that opening it judges it at once.
    let pid = t.pykata_pid().expect("pykata runs");
    let before_opening = waiting_runs_once_there(pid, "a run waiting before a kata is opened");
    t.open_first_kata();
    t.wait_for("✗ FAIL");
    wait_gone("opening the kata to use the waiting run", &before_opening);
    // After that run, the next save's run is started.
    let waiting = waiting_runs_once_there(pid, "a run waiting for the next save");
    // A save is judged by it: the learner's verdict, and a new one waits.
    let file = t.work().join("pykata-workspace/basics/fix_default.py");
    let solution =
        std::fs::read_to_string(fixture_course().join("katas/basics/fix_default.solution.py"))
            .unwrap();
    save_as_an_editor(&file, &solution);
    t.wait_for("✓ PASS");
    wait_gone("the waiting run to be used", &waiting);
    let last = waiting_runs_once_there(pid, "a new run waiting");
    t.keys(&["q"]);
    let (line, _) = t.assert_restored();
    assert!(line.contains("EXIT:0"), "{line}");
    // Nothing is left waiting once the interface has quit.
    wait_gone("the waiting run to end with the interface", &last);
}

#[test]
fn with_warm_runs_switched_off_no_run_waits() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    t.run_pykata("PYKATA_WARM_RUNNER=0");
    t.open_first_kata();
    t.wait_for("✗ FAIL");
    let pid = t.pykata_pid().expect("pykata runs");
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(waiting_runs_below(pid), Vec::<u32>::new());
    t.keys(&["q"]);
    t.assert_restored();
}

/// The work dir of a waiting run, read from its command line (the harness
/// file's folder).
fn work_dir_of(pid: u32) -> Option<PathBuf> {
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    String::from_utf8_lossy(&cmdline)
        .split('\0')
        .find(|a| a.contains("_pykata_harness"))
        .and_then(|a| Path::new(a).parent().map(Path::to_path_buf))
}

#[test]
fn closing_the_terminal_ends_the_waiting_run_and_removes_its_folder() {
    if !ready() {
        return;
    }
    let t = Tmux::start();
    t.run_pykata("");
    t.wait_for("Welcome to pykata");
    let pid = t.pykata_pid().expect("pykata runs");
    let waiting = waiting_runs_once_there(pid, "a run waiting");
    let dir = work_dir_of(waiting[0]).expect("the waiting run names its work dir");
    assert!(dir.is_dir(), "{}", dir.display());
    // The terminal goes away: SIGHUP to the interface.
    let _ = t.tmux(&["kill-server"]);
    wait_until("the waiting run's folder to be removed", || !dir.exists());
    wait_gone("the waiting run to end", &waiting);
}
