// The built-in course and the harness are embedded with include_dir and
// include_str; rebuild when any of their files change.
#[allow(
    clippy::print_stdout,
    reason = "cargo reads a build script's instructions from its stdout"
)]
fn main() {
    for path in ["course.yaml", "lessons", "katas", "assets"] {
        println!("cargo:rerun-if-changed={path}");
    }
}
