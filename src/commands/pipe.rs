//! A reader that stops early (`pykata doctor | head -1`) closes the pipe
//! under us. Rust ignores SIGPIPE, so the next `println!` fails and panics
//! with exit 101 and a message about a panic. Other command-line tools end
//! quietly there: whoever closed the pipe has read all they wanted. One
//! panic hook does that for every command, instead of every print site
//! handling the error on its own.

use std::any::Any;
use std::io::ErrorKind;

/// Ends the process quietly, with exit code 0, when printing to stdout or
/// stderr fails because the reader went away. Every other panic goes to the
/// hook that was there before.
#[allow(
    clippy::exit,
    reason = "a panic hook cannot return to main; the reader is gone, so end now"
)]
pub fn exit_quietly_on_broken_pipe() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if is_broken_pipe(info.payload()) {
            std::process::exit(i32::from(super::exit::OK));
        }
        previous(info);
    }));
}

/// Whether a panic is std's "failed printing to stdout: <error>" for an
/// error of kind BrokenPipe. The panic carries only the error's text, so
/// its OS error number is read back from it and its kind asked of std:
/// that holds on every platform (EPIPE on Unix, ERROR_NO_DATA on Windows).
fn is_broken_pipe(payload: &dyn Any) -> bool {
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("");
    if !text.starts_with("failed printing to std") {
        return false;
    }
    os_error_code(text)
        .is_some_and(|code| std::io::Error::from_raw_os_error(code).kind() == ErrorKind::BrokenPipe)
}

/// The `N` of a trailing "(os error N)".
fn os_error_code(text: &str) -> Option<i32> {
    let rest = text.trim_end().strip_suffix(')')?;
    let (_, number) = rest.rsplit_once("(os error ")?;
    number.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_failed_print_to_a_closed_pipe_counts() {
        // EPIPE as std reports it (ERROR_NO_DATA on Windows).
        let os = std::io::Error::from_raw_os_error(if cfg!(windows) { 232 } else { 32 });
        assert_eq!(os.kind(), ErrorKind::BrokenPipe);
        let broken = format!("failed printing to stdout: {os}");
        assert!(is_broken_pipe(&broken));
        let full = std::io::Error::from_raw_os_error(if cfg!(windows) { 112 } else { 28 });
        assert!(!is_broken_pipe(&format!(
            "failed printing to stdout: {full}"
        )));
        assert!(!is_broken_pipe(&format!("index out of bounds: {os}")));
        assert!(!is_broken_pipe(&42));
    }
}
