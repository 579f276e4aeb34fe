//! The fuzzy search on the seeds: every spelling a user might type finds the
//! person or pledge, with the alias and letters that matched.

use crossread::analysis::Analysis;
use crossread::corpus::Corpus;
use crossread::search::Searcher;

fn seeds() -> (Analysis, Searcher) {
    let a = Analysis::run(Corpus::seeds());
    let s = Searcher::new(&a);
    (a, s)
}

fn top(s: &mut Searcher, q: &str) -> String {
    let h = s.search(q).first().cloned().expect("a result");
    s.items[h.item].name.clone()
}

#[test]
fn finds_names_however_they_are_typed() {
    let (_, mut s) = seeds();
    assert_eq!(top(&mut s, "sebastien"), "Sébastien Lecornu");
    assert_eq!(top(&mut s, "zelensky"), "Volodymyr Zelenskyy");
    assert_eq!(top(&mut s, "hely"), "John Healey");
    assert_eq!(top(&mut s, "sir keir"), "Keir Starmer");
    assert!(top(&mut s, "1.6").contains("£1.6 billion"));
}

#[test]
fn reports_the_matched_alias_and_letters() {
    let (_, mut s) = seeds();
    let h = s.search("sir keir")[0].clone();
    assert_eq!(s.form(&h), "Sir Keir");
    let chars: Vec<char> = s.form(&h).chars().collect();
    let picked: String = h.matched.iter().map(|&i| chars[i]).collect();
    assert_eq!(picked.to_lowercase().replace(' ', ""), "sirkeir");
    // Accents: the matched letters point into the form as shown.
    let h = s.search("sebastien")[0].clone();
    assert_eq!(s.form(&h), "Sébastien Lecornu");
    assert!(h.matched.contains(&1), "é is matched: {:?}", h.matched);
}
