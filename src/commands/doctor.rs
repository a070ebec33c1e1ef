//! `pykata doctor`: is this machine ready? Interpreter, version, sandbox
//! layers, workspace and course.

use super::style::Style;
use super::{exit, Ctx, Outcome};
use crate::plural::count;
use crate::runner::python;
use crate::runner::sandbox::{self, LayerState};

pub fn run(ctx: &Ctx) -> Outcome {
    let s = Style::stdout();
    let mut healthy = true;
    let ok = |t: &str| s.good(t);
    let bad = |t: &str| s.bad(t);

    // Which interpreter, found where, and why that one when it is the
    // venv fallback (README.md, Install).
    match python::choose(ctx.python_path.as_deref()) {
        Ok(choice) => {
            let py = &choice.interpreter;
            match py.require_supported_as(python::Ask::Fresh) {
                Ok(v) => println!(
                    "{} python: {} ({} {v}, found by {})",
                    ok("✓"),
                    py.program.display(),
                    v.implementation,
                    py.found_by
                ),
                Err(message) => {
                    healthy = false;
                    println!(
                        "{} python: {message}\n    {}",
                        bad("✗"),
                        python::INSTALL_HELP
                    );
                }
            }
            if let Some(why) = choice.why {
                println!("    chosen because {why}");
            }
            // A shim is asked which interpreter it starts, where the learner
            // is, and runs start that one directly (runner::python::facts).
            if let Ok(facts) = py.facts(python::Ask::Remembered) {
                if let (true, Some(exe)) = (facts.is_script, &facts.executable) {
                    println!(
                        "    a shim (a script) that starts {}; runs start that directly",
                        exe.display()
                    );
                    println!(
                        "    (picked here, as `python3` would pick here: `pyenv local`, `pyenv shell` and asdf's version files and variables count; --python picks another)"
                    );
                }
                // Runs start without `site` and put its folders back
                // themselves (Interpreter::site_path): say where from.
                if !facts.site_path.is_empty() {
                    let folders: Vec<String> = facts
                        .site_path
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect();
                    println!(
                        "    installed packages import from {} (runs start without `site`, so the import lines of .pth files there are not run)",
                        folders.join(", ")
                    );
                }
            }
            match crate::runner::cache::folder() {
                Some(cache) if std::fs::create_dir_all(&cache).is_ok() => println!(
                    "    what pykata learnt of it, and its compiled harness, are kept in {} (safe to delete)",
                    cache.display()
                ),
                Some(cache) => println!(
                    "{} cache: {} cannot be made, so every command asks the interpreter again (slower, never wrong); set XDG_CACHE_HOME to a folder you can write",
                    s.warn("!"),
                    cache.display()
                ),
                None => {}
            }
        }
        Err(e) => {
            healthy = false;
            println!("{} python: {e}\n    {}", bad("✗"), e.help());
        }
    }

    for layer in sandbox::layers() {
        let mark = match layer.state {
            LayerState::Active => ok("✓"),
            LayerState::Unavailable => s.warn("!"),
            LayerState::NotApplicable => s.dim("-"),
        };
        let state = match layer.state {
            LayerState::Active => "active",
            LayerState::Unavailable => "unavailable",
            LayerState::NotApplicable => "not applicable",
        };
        println!("{mark} sandbox {}: {state}: {}", layer.name, layer.detail);
    }
    if !sandbox::extras_enabled() {
        println!("{} {}", s.warn("!"), sandbox::EXTRAS_OFF_WARNING);
    }
    // Said, never unhealthy: without warm runs every run starts cold.
    let switch = crate::runner::warm::SWITCH;
    let wanted = crate::runner::warm::wanted();
    if !wanted {
        println!(
            "{} warm runner: switched off by {switch}; every run starts when you save",
            s.dim("-")
        );
    }
    match ctx
        .find_python()
        .ok()
        .filter(|_| wanted)
        .map(|py| crate::runner::warm::can_start(&py))
    {
        Some(Ok(())) => println!(
            "{} warm runner: a run can be started ahead of time, so a save costs only the checks (the interface and watch; {switch}=0 turns it off)",
            ok("✓")
        ),
        Some(Err(why)) => println!(
            "{} warm runner: cannot start ({why}); every run starts cold",
            s.warn("!")
        ),
        None => {}
    }

    match ctx.workspace() {
        Ok(ws) => {
            let warning = ws.read_progress().unreadable;
            println!("{} workspace: {}", ok("✓"), ws.root.display());
            if let Some(w) = warning {
                println!("{} progress: {w}", s.warn("!"));
            }
        }
        Err(f) => println!(
            "{} workspace: none here ({})",
            s.dim("-"),
            f.help.unwrap_or_default()
        ),
    }

    let source = match ctx.choose_course(ctx.workspace_opt().as_ref()) {
        Ok(chosen) => {
            if let Some(note) = chosen.override_note {
                println!("{} course: {note}", s.warn("!"));
            }
            chosen.source
        }
        Err(f) => {
            println!("{} course: {}", bad("✗"), f.message);
            if let Some(help) = f.help {
                println!("  {help}");
            }
            return Ok(exit::ENVIRONMENT);
        }
    };
    let origin = match &source {
        crate::course::CourseSource::Embedded => "built-in".to_string(),
        crate::course::CourseSource::Dir(d) => d.display().to_string(),
        crate::course::CourseSource::Archive(a) => {
            format!("archive {}, read offline", a.path.display())
        }
    };
    match Ctx::load(source) {
        Ok(c) => println!(
            "{} course: {} ({origin}): {}, {}",
            ok("✓"),
            c.title,
            count(c.topics.len(), "topic"),
            count(c.katas().count(), "kata")
        ),
        Err(f) => {
            healthy = false;
            println!("{} course ({origin}): {}", bad("✗"), f.message);
        }
    }
    Ok(if healthy { exit::OK } else { exit::ENVIRONMENT })
}
