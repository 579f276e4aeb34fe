//! Prints every name hit of a file, for tuning the recogniser:
//! `cargo run --example names_debug -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = crossread::text::sanitize(&std::fs::read_to_string(path).expect("read"));
    let lex = crossread::lexicon::Lexicon::get();
    let d = crossread::extract::extract(0, &text, lex);
    for h in &d.names.hits {
        println!("{:?}\t{:?}\t{:?}\t{:?}", h.kind, &text[h.span.range()], h.core, h.role.as_ref().map(|r| &r.title));
    }
    for b in &d.names.blanks {
        println!("BLANK {:?} {:?}", b.role, &text[b.span.range()]);
    }
}
