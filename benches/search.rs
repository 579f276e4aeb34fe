//! Speed of the fuzzy picker: every keystroke's results within one frame (16 ms)
//! on 50,000 names. Measures a first keystroke (a full scan of the index), and
//! one more letter on a growing query (which re-matches only the previous results).
//! Run: `cargo bench --bench search`.

use criterion::{criterion_group, criterion_main, Criterion};
use crossread::analysis::Selection;
use crossread::model::EntityKind;
use crossread::search::{Item, ItemKind, Searcher};
use crossread::synth::Rng;

const SYL: &[&str] = &[
    "ka", "lo", "mer", "vin", "dra", "sel", "tor", "bri", "an", "el", "gar", "ost", "rin", "vel", "mon", "tak", "zé",
    "per",
];

fn names(n: usize) -> Vec<Item> {
    let mut rng = Rng::new(11);
    let mut word = |k: usize| -> String {
        let s: String = (0..k).map(|_| *rng.pick(SYL)).collect();
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    };
    (0..n)
        .map(|i| {
            let name = format!("{} {}", word(2), word(3));
            let alias = format!("Mr {}", name.split(' ').nth(1).unwrap_or(""));
            Searcher::item(
                Selection::Entity(i),
                ItemKind::Entity(EntityKind::Person),
                &name,
                &[alias],
                1 + i % 7,
                1 + i % 13,
            )
        })
        .collect()
}

fn search(c: &mut Criterion) {
    let mut s = Searcher::from_items(names(50_000));
    for (from, to) in [("", "k"), ("", "zelo"), ("k", "ka"), ("kal", "kalo"), ("kalome", "kalomer")] {
        c.bench_function(&format!("search_50k_keystroke_{from:?}_to_{to:?}"), |b| {
            b.iter_custom(|iters| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iters {
                    s.search(from);
                    let t = std::time::Instant::now();
                    std::hint::black_box(s.search(to).len());
                    total += t.elapsed();
                }
                total
            });
        });
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
