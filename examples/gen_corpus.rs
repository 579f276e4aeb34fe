//! Writes a generated corpus to a folder: `cargo run --release --example gen_corpus -- DIR [N] [SIZE]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "gen".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let size: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3000);
    for (path, text) in crossread::synth::corpus(n, size, 7) {
        let p = std::path::Path::new(&dir).join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}
