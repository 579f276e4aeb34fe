//! Speed of the core analysis.
//!
//! `analyze_10k` is the target of the core issue: `crossread analyze --json` over
//! 10,000 generated articles (about 30 MB, realistic sentence shapes, many distinct
//! names and numbers) in under 2 s on a 2-core machine, using both cores. The
//! corpus is generated deterministically (`crossread::synth`), so runs compare.
//! Run: `cargo bench --bench analyze`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use crossread::analysis::Analysis;
use crossread::corpus::Corpus;

/// The allocator the binary ships with, so the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus(n: usize) -> Corpus {
    let texts = crossread::synth::corpus(n, 3000, 7);
    Corpus::from_texts(texts.iter().map(|(p, t)| (p.as_str(), t.as_str())))
}

fn analyze(c: &mut Criterion) {
    let mut g = c.benchmark_group("analyze");
    g.sample_size(10).measurement_time(Duration::from_secs(40)).warm_up_time(Duration::from_secs(5));
    for n in [1_000usize, 10_000] {
        let base = corpus(n);
        g.throughput(Throughput::Bytes(base.total_bytes() as u64));
        g.bench_function(format!("analyze_json_{n}"), |b| {
            b.iter_batched(
                || base.clone(),
                |corpus| {
                    let a = Analysis::run(corpus);
                    crossread::report::write_json(&a, std::io::sink()).expect("sink never fails");
                    a
                },
                BatchSize::LargeInput,
            );
        });
    }
    g.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
