//! The binary: parse the command line and hand over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = pykata::cli::Cli::parse();
    std::process::ExitCode::from(pykata::commands::run(cli))
}
