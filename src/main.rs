//! The binary: parse the command line and hand over to the library.

use clap::Parser;

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
    std::process::ExitCode::from(pykata::commands::run(cli))
}
