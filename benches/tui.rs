//! Speed of the reader on a big corpus.
//!
//! The target of the reader issue: every keystroke answered within one frame
//! (16 ms) on 10,000 articles. The corpus is generated deterministically
//! (`crossread::synth`) and analysed once, outside the timing; what is measured
//! is taking over the finished analysis and drawing the first frame, drawing the side-by-side view of the most widely mentioned person into a
//! 200x50 test terminal, and key-to-frame round trips (map the key to an action,
//! update the state, draw the frame) in the panes and in the side-by-side view,
//! a letter typed into the fuzzy picker (the library's search is timed on its
//! own in `benches/search.rs`), and a letter typed into the find line of the
//! side-by-side view with all 10,000 documents as columns (every one searched).
//! Run: `cargo bench --bench tui`.

use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use crossread::analysis::{Analysis, Progress};
use crossread::corpus::Corpus;
use crossread::tui::app::{update, Action, App, Loaded, View};
use crossread::tui::draw;
use crossread::tui::keys::key_action;
use crossread::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const SIZE: (u16, u16) = (200, 50);

fn analysis(n: usize) -> Arc<Analysis> {
    let texts = crossread::synth::corpus(n, 3000, 7);
    Arc::new(Analysis::run(Corpus::from_texts(texts.iter().map(|(p, t)| (p.as_str(), t.as_str())))))
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("a test terminal")
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

/// One key as the event loop handles it: key map, update, frame.
fn round_trip(app: &mut App, term: &mut Terminal<TestBackend>, k: KeyEvent) {
    if let Some(a) = key_action(app, k) {
        update(app, a);
    }
    term.draw(|f| draw::draw(f, app)).expect("draw");
}

fn reader(c: &mut Criterion) {
    let a = analysis(10_000);
    let mut g = c.benchmark_group("reader_10k");
    g.sample_size(50).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_secs(1));

    // When loading ends: the rows of the panes are computed on the background
    // thread; the UI thread only takes them over and draws the first frame.
    let loaded = Loaded::new(Arc::clone(&a));
    let mut term = terminal();
    g.bench_function("loaded_to_first_frame", |b| {
        b.iter_batched(
            || loaded.clone(),
            |l| {
                let mut app = App::loading("gen", Arc::new(Progress::default()), Theme::COLOR, SIZE);
                update(&mut app, Action::Loaded(Arc::new(l)));
                term.draw(|f| draw::draw(f, &app)).expect("draw");
                app
            },
            BatchSize::LargeInput,
        );
    });

    // The side-by-side view of the person mentioned in the most documents.
    let mut side = App::new(Arc::clone(&a), Theme::COLOR, SIZE);
    update(&mut side, Action::Activate);
    assert_eq!(side.reader().map(|r| r.view), Some(View::SideBySide));
    let mut term = terminal();
    g.bench_function("draw_side_by_side_200x50", |b| {
        b.iter(|| {
            term.draw(|f| draw::draw(f, &side)).expect("draw");
        });
    });

    let mut term = terminal();
    g.bench_function("key_to_frame_side_n", |b| b.iter(|| round_trip(&mut side, &mut term, key(KeyCode::Char('n')))));
    g.bench_function("key_to_frame_side_l", |b| {
        b.iter(|| {
            round_trip(&mut side, &mut term, key(KeyCode::Char('l')));
            round_trip(&mut side, &mut term, key(KeyCode::Char('h')));
        });
    });

    // The panes: moving in the entity list (the article follows the selection),
    // opening and closing the side-by-side view.
    let mut main = App::new(Arc::clone(&a), Theme::COLOR, SIZE);
    g.bench_function("key_to_frame_entities_j", |b| {
        b.iter(|| {
            round_trip(&mut main, &mut term, key(KeyCode::Char('j')));
            round_trip(&mut main, &mut term, key(KeyCode::Char('k')));
        });
    });
    g.bench_function("key_to_frame_open_side_and_back", |b| {
        b.iter(|| {
            round_trip(&mut main, &mut term, key(KeyCode::Enter));
            round_trip(&mut main, &mut term, key(KeyCode::Esc));
        });
    });
    let mut docs = App::new(Arc::clone(&a), Theme::COLOR, SIZE);
    round_trip(&mut docs, &mut term, key(KeyCode::Char('1')));
    g.bench_function("key_to_frame_documents_pgdn", |b| {
        b.iter(|| round_trip(&mut docs, &mut term, key(KeyCode::PageDown)));
    });

    // The fuzzy picker: a letter typed and taken back, each with its frame.
    let mut pick = App::new(Arc::clone(&a), Theme::COLOR, SIZE);
    round_trip(&mut pick, &mut term, key(KeyCode::Char('/')));
    round_trip(&mut pick, &mut term, key(KeyCode::Char('k')));
    g.bench_function("key_to_frame_picker_letter", |b| {
        b.iter(|| {
            round_trip(&mut pick, &mut term, key(KeyCode::Char('a')));
            round_trip(&mut pick, &mut term, key(KeyCode::Backspace));
        });
    });

    // Find side by side: every column of the most widely mentioned person,
    // with the documents that do not mention him shown too (10,000 columns).
    let mut find = App::new(Arc::clone(&a), Theme::COLOR, SIZE);
    round_trip(&mut find, &mut term, key(KeyCode::Enter));
    round_trip(&mut find, &mut term, key(KeyCode::Char('o')));
    round_trip(&mut find, &mut term, key(KeyCode::Char('f')));
    round_trip(&mut find, &mut term, key(KeyCode::Char('t')));
    round_trip(&mut find, &mut term, key(KeyCode::Char('h')));
    let columns = find.reader().and_then(|r| r.side.as_ref()).map_or(0, crossread::tui::side::SideBySide::columns);
    assert!(columns > 1, "the side-by-side view has columns to search");
    g.bench_function("key_to_frame_find_side_letter", |b| {
        b.iter(|| {
            round_trip(&mut find, &mut term, key(KeyCode::Char('e')));
            round_trip(&mut find, &mut term, key(KeyCode::Backspace));
        });
    });
    g.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
