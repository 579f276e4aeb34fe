//! The `crossread` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    crossread::cli::main()
}
