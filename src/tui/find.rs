//! Plain-text find in the article and the side-by-side view: every occurrence of
//! a word or phrase, ignoring case and accents ("sebastien" finds "Sébastien",
//! "won't" finds "won’t"), as byte spans of the documents.

use crate::model::Span;
use crate::text::push_folded;

/// Where a find looks: the article's document, or the documents shown side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Article(usize),
    Side(Vec<usize>),
}

impl Scope {
    pub fn docs(&self) -> &[usize] {
        match self {
            Scope::Article(d) => std::slice::from_ref(d),
            Scope::Side(v) => v,
        }
    }
}

/// An active find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Find {
    pub query: String,
    /// Every hit in the scope, in reading order (document order, then position).
    pub hits: Vec<Span>,
    /// The hit `n`/`N` are at.
    pub cur: Option<usize>,
    pub scope: Scope,
}

impl Find {
    /// Finds `query` in the documents of `scope`; `text(d)` is document `d`'s text.
    pub fn new<'t>(query: &str, scope: Scope, text: impl Fn(usize) -> &'t str) -> Find {
        let mut hits = Vec::new();
        let q = fold(query.trim());
        if !q.is_empty() {
            for &d in scope.docs() {
                hits.extend(find_in(text(d), &q).into_iter().map(|(s, e)| Span::new(d, s, e)));
            }
        }
        hits.sort_unstable_by_key(|s| (s.doc, s.start));
        Find { query: query.to_string(), hits, cur: None, scope }
    }

    /// The hit the cursor is on.
    pub fn current(&self) -> Option<Span> {
        self.cur.and_then(|i| self.hits.get(i)).copied()
    }

    /// Puts the cursor on the first hit at or after `(doc, byte)` (wrapping to the first).
    pub fn seek(&mut self, doc: usize, byte: u32) {
        if self.hits.is_empty() {
            self.cur = None;
            return;
        }
        let i = self.hits.partition_point(|s| (s.doc(), s.start) < (doc, byte));
        self.cur = Some(if i < self.hits.len() { i } else { 0 });
    }

    /// Steps to the next or previous hit; says so when it wraps around.
    pub fn step(&mut self, forward: bool) -> Option<String> {
        let n = self.hits.len();
        if n == 0 {
            return Some(format!("“{}” is not found here.", self.query));
        }
        let (next, wrapped) = match (self.cur, forward) {
            (None, true) => (0, false),
            (None, false) => (n - 1, false),
            (Some(i), true) if i + 1 >= n => (0, true),
            (Some(i), true) => (i + 1, false),
            (Some(0), false) => (n - 1, true),
            (Some(i), false) => (i - 1, false),
        };
        self.cur = Some(next);
        wrapped.then(|| if forward { "Back at the first hit." } else { "Back at the last hit." }.to_string())
    }

    /// The hits in one document (a slice of `hits`).
    pub fn in_doc(&self, doc: usize) -> &[Span] {
        let a = self.hits.partition_point(|s| s.doc() < doc);
        let b = self.hits.partition_point(|s| s.doc() <= doc);
        &self.hits[a..b]
    }

    /// "3 of 12", "no match".
    pub fn position(&self) -> String {
        match (self.cur, self.hits.len()) {
            (_, 0) => "no match".to_string(),
            (Some(i), n) => format!("{} of {n}", i + 1),
            (None, n) => format!("{n} hit{}", if n == 1 { "" } else { "s" }),
        }
    }
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Every occurrence of the folded query `q` in `text`, as byte ranges of `text`.
pub fn find_in(text: &str, q: &str) -> Vec<(usize, usize)> {
    if q.is_empty() {
        return Vec::new();
    }
    // Fold the text, remembering where each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<u32> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        push_folded(c, &mut folded);
        origin.extend(std::iter::repeat_n(i as u32, folded.len() - before));
    }
    let char_end = |i: usize| i + text[i..].chars().next().map_or(0, char::len_utf8);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (at, m) in folded.match_indices(q) {
        let s = origin[at] as usize;
        let e = char_end(origin[at + m.len() - 1] as usize);
        if out.last().is_none_or(|&(_, pe)| s >= pe) {
            out.push((s, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_case_and_accents_and_keeps_byte_offsets() {
        let t = "Sébastien LECORNU met sebastien; Zoë won’t go. ZOE";
        let hits = find_in(t, &fold("sebastien"));
        assert_eq!(hits.len(), 2);
        assert_eq!(&t[hits[0].0..hits[0].1], "Sébastien");
        assert_eq!(&t[hits[1].0..hits[1].1], "sebastien");
        let z: Vec<&str> = find_in(t, &fold("zoe")).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(z, ["Zoë", "ZOE"]);
        let w: Vec<&str> = find_in(t, &fold("won't")).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(w, ["won’t"]);
        assert!(find_in(t, "").is_empty());
    }

    #[test]
    fn steps_through_hits_in_reading_order() {
        let texts = ["a cat and a cat", "no", "cat"];
        let mut f = Find::new("CAT", Scope::Side(vec![0, 1, 2]), |d| texts[d]);
        assert_eq!(f.hits.len(), 3);
        assert_eq!(f.position(), "3 hits");
        f.seek(0, 5);
        assert_eq!(f.current(), Some(Span::new(0, 12, 15)));
        assert_eq!(f.step(true), None);
        assert_eq!(f.current(), Some(Span::new(2, 0, 3)));
        assert_eq!(f.position(), "3 of 3");
        assert!(f.step(true).unwrap().contains("first"));
        assert_eq!(f.cur, Some(0));
        assert!(f.step(false).unwrap().contains("last"));
        assert_eq!(f.in_doc(0).len(), 2);
        assert!(f.in_doc(1).is_empty());
        let none = Find::new("dog", Scope::Article(0), |d| texts[d]);
        assert_eq!(none.position(), "no match");
    }
}
