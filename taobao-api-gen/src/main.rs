//! `taobao-api-gen`: the maintainer's CLI. Inspect what the parser understood (`tree`, `ir`),
//! lint specs (`check`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
