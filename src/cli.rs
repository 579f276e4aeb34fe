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

    /// The notes file to read and write (JSON Lines), for example next to the
    /// articles. Default: one file per corpus in the user data folder
    /// (~/.local/share/crossread/notes/ on Linux; `crossread notes path` prints
    /// it, and the reader's status bar shows it).
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
    /// Work with the notes file.
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// Print the notes as a report: Markdown grouped by person and pledge, each note
    /// with the quotes from each document, or W3C Web Annotations (JSON-LD).
    ///
    /// With PATHs (the corpus the notes were taken on), quotes are checked against
    /// the documents and their positions given; without, the embedded seeds.
    Export {
        /// Files or folders of the corpus. Without any, the embedded seed corpus.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// md (a report to paste into a fact-check) or jsonld (Web Annotations).
        #[arg(long, value_name = "FORMAT", default_value = "md")]
        format: ExportFormat,
    },
    /// Print where the notes of a corpus are kept.
    Path {
        /// Files or folders of the corpus. Without any, the embedded seed corpus.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

/// Formats of `crossread notes export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Jsonld,
}

/// Opens the notes file of a corpus, printing what could not be read to stderr.
pub fn open_notes(given: Option<&std::path::Path>, corpus_paths: &[PathBuf]) -> Option<crate::notes::NotesFile> {
    let path = crate::notes::resolve_path(given, corpus_paths)?;
    let f = crate::notes::NotesFile::open(path);
    if let Some(e) = &f.last_error {
        eprintln!("crossread: {e}");
    }
    for w in f.warnings() {
        eprintln!("crossread: {w}");
    }
    Some(f)
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
            let timer = crate::analysis::Timer::new();
            let corpus = load(&paths);
            timer.lap("load");
            if corpus.docs.is_empty() {
                eprintln!("crossread: no input could be read");
                return ExitCode::from(1);
            }
            // The user's entity corrections, from the notes file of this corpus.
            let corrections = open_notes(cli.notes.as_deref(), &paths).map(|f| f.corrections()).unwrap_or_default();
            let analysis = Analysis::run_with(corpus, &corrections);
            let stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = if json {
                report::write_json(&analysis, stdout)
            } else {
                let mut stdout = stdout;
                write!(stdout, "{}", report::summary(&analysis))
            };
            timer.lap("output");
            // The process ends here; freeing millions of small strings one by
            // one would only delay the exit.
            std::mem::forget(analysis);
            ExitCode::SUCCESS
        }
        Some(Command::Notes { command: NotesCommand::Path { paths } }) => {
            let Some(p) = crate::notes::resolve_path(cli.notes.as_deref(), &paths) else {
                eprintln!("crossread: no data folder is known for this user; give --notes PATH");
                return ExitCode::from(1);
            };
            println!("{}", p.display());
            ExitCode::SUCCESS
        }
        Some(Command::Notes { command: NotesCommand::Export { paths, format } }) => {
            let Some(file) = open_notes(cli.notes.as_deref(), &paths) else {
                eprintln!("crossread: no data folder is known for this user; give --notes PATH");
                return ExitCode::from(1);
            };
            let corpus = load(&paths);
            let corpus = (!corpus.docs.is_empty()).then_some(corpus);
            let notes = file.notes();
            let out = match format {
                ExportFormat::Md => crate::notes::export::markdown(&notes, corpus.as_ref()),
                ExportFormat::Jsonld => {
                    serde_json::to_string_pretty(&crate::notes::export::jsonld(&notes, corpus.as_ref()))
                        .unwrap_or_default()
                }
            };
            let _ = writeln!(std::io::stdout().lock(), "{out}");
            ExitCode::SUCCESS
        }
        None => crate::tui::run(&cli.paths, cli.notes.as_deref()),
    }
}
