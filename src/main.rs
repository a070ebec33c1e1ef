//! The binary: parse the command line and hand over to the library.

use clap::Parser;

#[allow(
    clippy::print_stderr,
    reason = "said before any face runs, so it is said whichever face runs"
)]
fn main() -> std::process::ExitCode {
    // Before anything else: a sandbox helper must start single-threaded.
    pykata::runner::sandbox::main_hook();
    // `pykata doctor | head -1`: the reader went away; end quietly.
    pykata::commands::pipe::exit_quietly_on_broken_pipe();
    let cli = pykata::cli::Cli::parse();
    if cli.no_sandbox_extras {
        pykata::runner::sandbox::set_extras(false);
        // `doctor` says it in its list of layers.
        if !matches!(cli.command, Some(pykata::cli::Command::Doctor)) {
            eprintln!("pykata: {}", pykata::runner::sandbox::EXTRAS_OFF_WARNING);
        }
    }
    // A runner killed with -9 left its work dir (a copy of the learner's
    // file) in the temp folder: the next start clears it away, beside the
    // command (reading a busy temp folder cost `check` half a millisecond
    // before its run could start; a sweep cut short by the command's end
    // is finished by a later one).
    pykata::runner::workdir::sweep_stale_in_background();
    // The face: `pykata` alone in a terminal opens the interface; anything
    // else (a subcommand, or no terminal) is a command.
    let code = if cli.command.is_none() && pykata::context::interactive() {
        let ctx = pykata::context::Ctx::from_cli(&cli);
        let options = pykata::tui::Options {
            edit_cmd: cli.edit_cmd,
            poll: cli.poll,
        };
        pykata::context::finish(pykata::tui::run(&ctx, options))
    } else {
        pykata::commands::run(cli)
    };
    std::process::ExitCode::from(code)
}
