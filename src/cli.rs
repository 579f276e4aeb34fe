//! The command line: parsing and dispatch. `main.rs` only calls [`main`].

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crate::report;

/// Read news against other news.
///
/// crossread loads a folder of articles about one event, finds the people,
/// organisations, places and figures in them and the pledges those figures
/// describe, links every mention across the documents, and shows where the
/// accounts differ. With no PATH it opens the reader on the embedded seed corpus.
#[derive(Debug, Parser)]
#[command(name = "crossread", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Files or folders to read (.txt and .md; folders are read recursively).
    /// Without any, the embedded seed corpus is used.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The notes file to read and write (JSON Lines). Default: one file per corpus
    /// in the user data folder (shown in the reader's status bar).
    #[arg(long, value_name = "PATH", global = true)]
    pub notes: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse the documents and print what was found.
    ///
    /// Prints documents, people (with mention counts and documents), pledges (with
    /// their figure in each document) and discrepancies. With --json, prints the
    /// machine-readable contract described in README.md on stdout; warnings go to
    /// stderr. Exit status: 0 on success (also when some inputs were skipped),
    /// 2 on bad usage, 1 when no input could be read.
    Analyze {
        /// Files or folders to analyse. Without any, the embedded seed corpus.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print the JSON contract instead of the summary.
        #[arg(long)]
        json: bool,
    },
}

/// Loads the corpus the user named, or the seeds; prints warnings to stderr.
pub fn load(paths: &[PathBuf]) -> Corpus {
    let corpus = if paths.is_empty() { Corpus::seeds() } else { Corpus::load(paths) };
    for w in &corpus.warnings {
        eprintln!("crossread: {w}");
    }
    corpus
}

/// Runs the program; returns the process exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze { paths, json }) => {
            let corpus = load(&paths);
            if corpus.docs.is_empty() {
                eprintln!("crossread: no input could be read");
                return ExitCode::from(1);
            }
            let corrections = crate::notes::Corrections::default();
            let analysis = Analysis::run_with(corpus, &corrections);
            let stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = if json {
                report::write_json(&analysis, stdout)
            } else {
                let mut stdout = stdout;
                write!(stdout, "{}", report::summary(&analysis))
            };
            ExitCode::SUCCESS
        }
        None => crate::tui::run(&cli.paths),
    }
}
