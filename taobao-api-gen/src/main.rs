//! `taobao-api-gen`: the maintainer's CLI. Inspect what the parser understood (`tree`, `ir`),
//! lint specs (`check`).

mod cli;

/// mimalloc rather than the system allocator: generating and syn-checking token streams is
/// mostly small allocations, and the corpus sweep takes about a quarter less CPU time with it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
