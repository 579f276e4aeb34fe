//! Runs only the per-document extraction over a generated corpus, on one thread,
//! and prints the time of each step: `cargo run --release --example extract_profile -- [N]`.
fn main() {
    use std::time::{Duration, Instant};
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(2000);
    let texts = crossread::synth::corpus(n, 3000, 7);
    let lex = crossread::lexicon::Lexicon::get();
    let (mut tok, mut names, mut figs) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut hits = 0;
    let all = Instant::now();
    for (i, (_, text)) in texts.iter().enumerate() {
        let t = Instant::now();
        let tokens = crossread::token::tokenize(text, lex);
        tok += t.elapsed();
        let t = Instant::now();
        let nh = crossread::extract::names::find(&tokens, i, lex);
        names += t.elapsed();
        let t = Instant::now();
        let fg = crossread::extract::figures::find(&tokens, lex);
        figs += t.elapsed();
        hits += nh.hits.len() + fg.len();
    }
    eprintln!(
        "{n} docs, {hits} hits, {:.3}s: tokenize {:.3}s, names {:.3}s, figures {:.3}s",
        all.elapsed().as_secs_f64(),
        tok.as_secs_f64(),
        names.as_secs_f64(),
        figs.as_secs_f64()
    );
}
