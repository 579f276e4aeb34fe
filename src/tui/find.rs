//! Plain-text find in the article and the side-by-side view: every occurrence of
//! a word or phrase, ignoring case and accents ("sebastien" finds "Sébastien",
//! "won't" finds "won’t"), as byte spans of the documents.

use rayon::prelude::*;

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
    pub fn new<'t>(query: &str, scope: Scope, text: impl Fn(usize) -> &'t str + Sync) -> Find {
        let docs = scope.docs().to_vec();
        Find::within(query, scope, &docs, text)
    }

    /// The same find with a query typed on: a longer query can only start where
    /// the shorter one did, so only those places are looked at again.
    #[must_use]
    pub fn refine<'t>(&self, query: &str, text: impl Fn(usize) -> &'t str + Sync) -> Find {
        let (old, new) = (fold(self.query.trim()), fold(query.trim()));
        if old.is_empty() || !new.starts_with(&old) {
            return Find::new(query, self.scope.clone(), text);
        }
        let hits: Vec<Span> = self
            .hits
            .par_iter()
            .filter_map(|h| {
                let end = match_at(text(h.doc()), h.start as usize, &new)?;
                Some(Span::new(h.doc(), h.start as usize, end))
            })
            .collect();
        Find { query: query.to_string(), hits, cur: None, scope: self.scope.clone() }
    }

    fn within<'t>(query: &str, scope: Scope, docs: &[usize], text: impl Fn(usize) -> &'t str + Sync) -> Find {
        let q = fold(query.trim());
        let mut hits: Vec<Span> = if q.is_empty() {
            Vec::new()
        } else {
            let one = |&d: &usize| -> Vec<Span> {
                find_in(text(d), &q).into_iter().map(|(s, e)| Span::new(d, s, e)).collect()
            };
            if docs.len() > 64 {
                docs.par_iter().flat_map_iter(one).collect()
            } else {
                docs.iter().flat_map(one).collect()
            }
        };
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

/// Whether the folded query `q` starts at byte `at` of `text`; the end of the
/// match if it does.
fn match_at(text: &str, at: usize, q: &str) -> Option<usize> {
    let mut folded = String::new();
    for (i, c) in text.get(at..)?.char_indices() {
        push_folded(c, &mut folded);
        if folded.len() >= q.len() {
            return folded.starts_with(q).then_some(at + i + c.len_utf8());
        }
        if !q.starts_with(folded.as_str()) {
            return None;
        }
    }
    None
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Every occurrence of the folded query `q` in `text`, as byte ranges of `text`.
///
/// The text is folded once: runs of ASCII are lower-cased as they are (one
/// byte for one byte), and each other character is folded with a note of
/// where it came from, so a match maps back to the text's bytes.
pub fn find_in(text: &str, q: &str) -> Vec<(usize, usize)> {
    if q.is_empty() {
        return Vec::new();
    }
    // (folded start, folded end, source start, source end) of each non-ASCII character.
    let mut marks: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut folded: Vec<u8> = Vec::with_capacity(text.len());
    let mut one = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |k| i + k);
        if run > i {
            folded.extend(bytes[i..run].iter().map(u8::to_ascii_lowercase));
            i = run;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        one.clear();
        push_folded(c, &mut one);
        let f0 = folded.len();
        folded.extend_from_slice(one.as_bytes());
        marks.push((f0 as u32, folded.len() as u32, i as u32, (i + c.len_utf8()) as u32));
        i += c.len_utf8();
    }
    // Only whole characters were pushed: this cannot fail.
    let folded = String::from_utf8(folded).unwrap_or_default();
    // The source byte of a folded byte, and the end of the source character holding it.
    let source = |f: usize| -> (usize, usize) {
        let k = marks.partition_point(|m| m.0 as usize <= f);
        match k.checked_sub(1).map(|k| marks[k]) {
            Some((_, fe, ss, se)) if f < fe as usize => (ss as usize, se as usize),
            Some((_, fe, _, se)) => {
                let s = se as usize + (f - fe as usize);
                (s, s + 1)
            }
            None => (f, f + 1),
        }
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (at, m) in folded.match_indices(q) {
        let s = source(at).0;
        let e = source(at + m.len() - 1).1;
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
        let t = "Sébastien LAVAUD met sebastien; Zoë won’t go. ZOE";
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
        // Typing on looks only where the shorter query was found.
        let more = f.refine("cat a", |d| texts[d]);
        assert_eq!(more.hits, [Span::new(0, 2, 7)]);
        let changed = f.refine("cats", |d| ["a cats and a cat", "cats", "cats"][d]);
        assert_eq!(changed.hits, [Span::new(0, 2, 6), Span::new(2, 0, 4)], "document 1 is not looked at again");
        let other = f.refine("do", |d| ["do", "do", "do"][d]);
        assert_eq!(other.hits.len(), 3, "another query searches everything");
        // A refined find finds what a new one does, accents and case included.
        let t = ["Sébastien and SEBASTIEN and sebastian"];
        let a = Find::new("seb", Scope::Article(0), |d| t[d]).refine("sebastie", |d| t[d]);
        let b = Find::new("sebastie", Scope::Article(0), |d| t[d]);
        assert_eq!(a.hits, b.hits);
        assert_eq!(a.hits.len(), 2);
    }

    #[test]
    fn ascii_and_other_text_fold_alike() {
        for (t, q) in [("THE Minister", "minister"), ("Thé Minister", "minister"), ("ΑΘΗΝΑ and Athens", "athens")]
        {
            let hits = find_in(t, &fold(q));
            assert_eq!(hits.len(), 1, "{t}");
            assert_eq!(t[hits[0].0..hits[0].1].to_lowercase(), q);
        }
        // A query with an accent finds the unaccented word, in ASCII text too.
        assert_eq!(find_in("Cafe and cafe", &fold("café")), [(0, 4), (9, 13)]);
    }
}
