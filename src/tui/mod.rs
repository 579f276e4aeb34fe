//! The terminal reader: article, entity and figure panes, and a side-by-side view
//! of every mention of a person or pledge in every document.
//!
//! A thin shell over the analysis, in the Elm architecture: [`app`] holds the
//! state, the [`app::Action`]s and `update`; [`keys`] maps keys and the mouse to
//! actions (pure, no terminal); [`draw`] reads the state and fills a frame;
//! [`layer`] holds popups; [`side`] the side-by-side columns; [`wrap`] wraps and
//! styles text by display width and keeps it terminal-safe. This module owns the
//! terminal: it sets it up, runs the event loop and restores it on every exit,
//! panics included. The corpus is loaded and analysed on a background thread, so
//! the first frame shows at once, with progress, even for 10,000 files.

pub mod app;
pub mod disc;
pub mod draw;
pub mod find;
pub mod input;
pub mod keys;
pub mod layer;
pub mod layout;
pub mod notes;
pub mod ops;
pub mod popup;
pub mod rows;
pub mod side;
pub mod theme;
pub mod visual;
pub mod wrap;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;

use crate::analysis::{Analysis, Progress};
use crate::corpus::Corpus;
use crate::notes::{Corrections, NotesFile};
use app::{update, Action, App, Loaded, Mode};
use theme::Theme;

/// How often the loading screen refreshes while the analysis runs.
const LOADING_TICK: Duration = Duration::from_millis(80);

/// How often notes that could not be written are tried again.
const RETRY_EVERY: Duration = Duration::from_secs(3);

/// The longest the event loop waits before looking for a signal.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);

/// The signals that end the reader; it restores the terminal first.
const STOP_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// Opens the reader on `paths` (the embedded seeds when empty), with the notes
/// file `notes` (else the corpus's default one), and runs it until the user
/// quits. Returns the process exit status.
pub fn run(paths: &[PathBuf], notes: Option<&Path>) -> ExitCode {
    if !paths.is_empty() && paths.iter().all(|p| std::fs::metadata(p).is_err()) {
        for p in paths {
            eprintln!("crossread: {}: no such file or folder", wrap::safe(&p.display().to_string()));
        }
        eprintln!("crossread: no input could be read");
        return ExitCode::from(1);
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("crossread: the reader needs a terminal; `crossread analyze` prints a summary instead");
        return ExitCode::from(2);
    }
    let name = if paths.is_empty() {
        "seeds".to_string()
    } else if let [one] = paths {
        one.display().to_string()
    } else {
        format!("{} inputs", paths.len())
    };
    // The notes file first: its corrections are applied by the analysis.
    let notes = crate::notes::resolve_path(notes, paths).map(NotesFile::open);
    let corrections = notes.as_ref().map(NotesFile::corrections).unwrap_or_default();
    let progress = Arc::new(Progress::default());
    let rx = spawn_analysis(paths.to_vec(), corrections, Arc::clone(&progress));

    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("crossread: cannot set up the terminal ({e})");
            return ExitCode::from(1);
        }
    };
    install_panic_hook();
    // A signal to end (kill, a closed terminal) is noted here; the event loop
    // then quits the normal way, restoring the terminal.
    let signal = Arc::new(AtomicUsize::new(0));
    for s in STOP_SIGNALS {
        let _ = signal_hook::flag::register_usize(s, Arc::clone(&signal), s as usize);
    }
    // Without mouse reports the reader still works; no need to fail.
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let size = terminal.size().map_or((80, 24), |s| (s.width, s.height));
    let mut app = App::loading(&name, progress, Theme::from_env(), size);
    app.notes = notes;
    let result = event_loop(&mut terminal, &mut app, &rx, &signal);
    restore();

    let mut code = ExitCode::SUCCESS;
    let signalled = signal.load(Ordering::Relaxed);
    if signalled != 0 {
        // The shell's convention: 128 + the signal's number.
        code = ExitCode::from(u8::try_from(128 + signalled).unwrap_or(u8::MAX));
    }
    if let Mode::Ready(r) = &app.mode {
        for w in &r.a.corpus.warnings {
            eprintln!("crossread: {}", wrap::safe(w));
        }
        if r.a.corpus.docs.is_empty() {
            eprintln!("crossread: no input could be read");
            code = ExitCode::from(1);
        }
    }
    if let Some(f) = app.notes.as_ref().filter(|f| f.has_unsaved()) {
        eprintln!(
            "crossread: some notes could not be written to {} and were lost ({})",
            wrap::safe(&f.path.display().to_string()),
            f.last_error.as_ref().map_or_else(String::new, ToString::to_string)
        );
    }
    if let Err(e) = result {
        eprintln!("crossread: the terminal failed ({e})");
        code = ExitCode::from(1);
    }
    code
}

/// Loads the corpus and analyses it off the UI thread.
fn spawn_analysis(paths: Vec<PathBuf>, corrections: Corrections, progress: Arc<Progress>) -> mpsc::Receiver<Loaded> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let corpus = if paths.is_empty() { Corpus::seeds() } else { Corpus::load(&paths) };
        let a = Analysis::run_reporting(corpus, &corrections, &progress);
        // The reader may have quit already; then nobody listens.
        let _ = tx.send(Loaded::new(Arc::new(a)));
    });
    rx
}

/// Disables mouse reports and restores the terminal (raw mode, alternate screen).
fn restore() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// On a panic, restore the terminal (mouse capture too) before the message is printed.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Reads events and redraws after each batch of them (and on a tick while an
/// analysis runs); starts the work `update` asks for; retries unsaved notes;
/// otherwise waits.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rx: &mpsc::Receiver<Loaded>,
    signal: &AtomicUsize,
) -> std::io::Result<()> {
    let mut dirty = true;
    let mut job: Option<mpsc::Receiver<Action>> = None;
    // When an unsaved note is next tried again.
    let mut next_retry = Instant::now() + RETRY_EVERY;
    loop {
        if dirty {
            terminal.draw(|f| draw::draw(f, app))?;
            dirty = false;
            // Lets the end-to-end tests prove that a panic restores the terminal.
            assert!(
                !(matches!(app.mode, Mode::Ready(_)) && std::env::var_os("CROSSREAD_TEST_PANIC").is_some()),
                "CROSSREAD_TEST_PANIC is set"
            );
        }
        if signal.load(Ordering::Relaxed) != 0 {
            // One last try for notes that could not be written yet.
            if app.notes.as_ref().is_some_and(NotesFile::has_unsaved) {
                update(app, Action::RetrySave);
            }
            return Ok(());
        }
        if app.quit {
            return Ok(());
        }
        for effect in app.effects.drain(..) {
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(effect.run());
            });
            job = Some(rx);
        }
        if let Some(done) = job.as_ref().and_then(|j| j.try_recv().ok()) {
            job = None;
            update(app, done);
            dirty = true;
            continue;
        }
        let loading = matches!(app.mode, Mode::Loading(_));
        if loading {
            if let Ok(l) = rx.try_recv() {
                let empty = l.a.corpus.docs.is_empty();
                update(app, Action::Loaded(Arc::new(l)));
                if empty {
                    return Ok(());
                }
                dirty = true;
                continue;
            }
        }
        let unsaved = app.notes.as_ref().is_some_and(NotesFile::has_unsaved);
        // Never longer than SIGNAL_CHECK, so a signal to end is seen promptly.
        let timeout = if loading || job.is_some() {
            LOADING_TICK
        } else if unsaved {
            next_retry.saturating_duration_since(Instant::now()).clamp(Duration::from_millis(10), SIGNAL_CHECK)
        } else {
            SIGNAL_CHECK
        };
        if event::poll(timeout)? {
            // Take every event already waiting before drawing again, so a burst of
            // keys (auto-repeat) costs one frame.
            loop {
                if let Some(action) = to_action(app, &event::read()?) {
                    update(app, action);
                    dirty = true;
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        } else if loading || job.is_some() {
            update(app, Action::Tick);
            dirty = true;
        }
        if unsaved && Instant::now() >= next_retry {
            next_retry = Instant::now() + RETRY_EVERY;
            update(app, Action::RetrySave);
            dirty = true;
        }
    }
}

fn to_action(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => keys::key_action(app, *k),
        Event::Mouse(m) => keys::mouse_action(app, *m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}
