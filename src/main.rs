//! The `crossread` binary: everything lives in the library.

/// The analysis allocates many small strings; mimalloc handles that faster than
/// the system allocator, on both cores.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    crossread::cli::main()
}
