//! Command-line front end: argument parsing and dispatch. Each subcommand lives in its own file.

mod check;
mod diff;
mod features;
mod files;
mod generate;
mod sweep;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "taobao-api-gen",
    version,
    about = "Read TOP API doc pages and generate Rust bindings"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the canonical parameter outline of each spec (warnings go to stderr).
    Tree {
        /// Spec files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Lint specs: print every diagnostic with FILE:LINE:COL, source line and hint.
    Check {
        /// Spec files or directories of specs.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Read every spec of a directory (e.g. the doc corpus): counts, each failure, the time.
    Sweep {
        /// Directories of specs (or spec files).
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Worker threads (default: one per core). The output does not depend on it.
        #[arg(long, short)]
        jobs: Option<std::num::NonZeroUsize>,
    },
    /// Print the generated Rust bindings of specs (prettyplease-formatted, `@generated` header).
    #[command(alias = "gen")]
    Generate {
        /// Spec files or directories of specs.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write to this file (only when the content changed) instead of stdout.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// What changed in the generated API, and the semver bump it needs.
    ///
    /// Compares two versions of one spec (two files) or two specs folders (APIs matched by
    /// method); each change is classified breaking, minor or patch, and the last line says
    /// `needed bump: major|minor|patch|none`. Exit 0 when compared, 1 when some spec could not
    /// be (diagnostics on stderr), 2 on usage errors.
    Diff {
        /// The old spec file or folder.
        old: PathBuf,
        /// The new spec file or folder.
        new: PathBuf,
        /// Print the changes as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the IR of a spec as JSON.
    Ir {
        /// A spec file.
        file: PathBuf,
    },
    /// The cargo feature table of the `taobao-api` crate (one feature per API family of its
    /// `specs/`, and `full`) and the README's family list: print, write or check them.
    Features {
        /// The crate whose `specs/` and `Cargo.toml` to use.
        #[arg(long, default_value = "taobao-api")]
        crate_dir: PathBuf,
        /// Write the tables between their markers in `Cargo.toml` and the README.
        #[arg(long, conflicts_with = "check")]
        write: bool,
        /// Exit 1 when `Cargo.toml` or the README disagree with the specs (CI).
        #[arg(long)]
        check: bool,
    },
}

/// Runs the CLI; exit code 1 when any spec has errors, 2 on usage or I/O errors.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Tree { files } => check::tree(&files),
        Command::Check { paths } => check::check(&paths),
        Command::Ir { file } => check::ir(&file),
        Command::Generate { paths, out } => generate::generate(&paths, out.as_deref()),
        Command::Sweep { dirs, jobs } => sweep::sweep(&dirs, jobs),
        Command::Diff { old, new, json } => diff::diff(&old, &new, json),
        Command::Features {
            crate_dir,
            write,
            check,
        } => {
            let mode = match (write, check) {
                (true, _) => features::Mode::Write,
                (_, true) => features::Mode::Check,
                _ => features::Mode::Print,
            };
            features::features(&crate_dir, None, mode)
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
