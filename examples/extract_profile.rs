//! Runs only the per-document extraction over a generated corpus, on one thread,
//! for profiling: `cargo run --release --example extract_profile -- [N]`.
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(2000);
    let texts = crossread::synth::corpus(n, 3000, 7);
    let lex = crossread::lexicon::Lexicon::get();
    let t = std::time::Instant::now();
    let mut hits = 0;
    for (i, (_, text)) in texts.iter().enumerate() {
        let d = crossread::extract::extract(i, text, lex);
        hits += d.names.hits.len() + d.figures.len();
    }
    eprintln!("{n} docs, {hits} hits, {:.3}s", t.elapsed().as_secs_f64());
}
