//! Anchoring notes to text, and finding them again after documents change.
//!
//! An anchor is found in this order: the same document at the same offsets with
//! the same text; the same document, the quote found elsewhere in it (the
//! document was edited), the occurrence whose surrounding text matches best; the
//! quote with its context in another document (the document was moved or
//! renamed). When none works, the note says so plainly.

use super::record::{Anchor, DocRef};
use crate::corpus::{Corpus, Document};
use crate::model::Span;

/// Characters of context kept on each side of a quote.
const CONTEXT: usize = 32;

/// Makes an anchor for a span of a document.
pub fn make(doc: &Document, doc_index: usize, start: usize, end: usize) -> Anchor {
    let _ = doc_index;
    let text = &doc.text;
    let (start, end) = (floor(text, start.min(text.len())), floor(text, end.min(text.len())));
    let prefix: String = {
        let before = &text[..start];
        let chars: Vec<char> = before.chars().rev().take(CONTEXT).collect();
        chars.into_iter().rev().collect()
    };
    let suffix: String = text[end..].chars().take(CONTEXT).collect();
    Anchor {
        doc: DocRef { id: doc.id.clone(), path: doc.path.clone(), sha256: doc.sha256.clone() },
        start: start as u32,
        end: end as u32,
        exact: text[start..end].to_string(),
        prefix,
        suffix,
    }
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where an anchor is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Where it was.
    Here(Span),
    /// Found again after the document changed or moved; the sentence says how.
    Moved(Span, String),
    /// Not found; the sentence says why.
    Lost(String),
}

impl Found {
    pub fn span(&self) -> Option<Span> {
        match self {
            Found::Here(s) | Found::Moved(s, _) => Some(*s),
            Found::Lost(_) => None,
        }
    }
}

/// How well the text around `start..end` matches the anchor's context (characters in common).
fn context_score(text: &str, start: usize, end: usize, a: &Anchor) -> usize {
    let before: Vec<char> = text[..start].chars().rev().take(CONTEXT).collect();
    let after: Vec<char> = text[end..].chars().take(CONTEXT).collect();
    let p = a.prefix.chars().rev().zip(before).take_while(|(x, y)| x == y).count();
    let s = a.suffix.chars().zip(after).take_while(|(x, y)| x == y).count();
    p + s
}

/// The best occurrence of the quote in a text, by surrounding context.
fn best_in(text: &str, a: &Anchor) -> Option<(usize, usize)> {
    if a.exact.is_empty() {
        return None;
    }
    text.match_indices(&a.exact)
        .map(|(i, m)| (i, i + m.len()))
        .max_by_key(|&(s, e)| (context_score(text, s, e, a), std::cmp::Reverse(s.abs_diff(a.start as usize))))
}

/// Finds an anchor in a corpus.
pub fn find(a: &Anchor, corpus: &Corpus) -> Found {
    let by_id = corpus.docs.iter().position(|d| d.id == a.doc.id);
    if let Some(d) = by_id {
        let text = &corpus.docs[d].text;
        let (s, e) = (a.start as usize, a.end as usize);
        if text.get(s..e) == Some(a.exact.as_str()) {
            return Found::Here(Span::new(d, s, e));
        }
        if let Some((s, e)) = best_in(text, a) {
            return Found::Moved(
                Span::new(d, s, e),
                format!("{} was edited; the note was re-attached to the same words", a.doc.id),
            );
        }
    }
    // The document may have been moved or renamed: the same content, or the quote
    // with its context elsewhere.
    if let Some(d) = corpus.docs.iter().position(|d| d.sha256 == a.doc.sha256) {
        let text = &corpus.docs[d].text;
        if text.get(a.start as usize..a.end as usize) == Some(a.exact.as_str()) {
            return Found::Moved(
                Span::new(d, a.start as usize, a.end as usize),
                format!("{} is now {}", a.doc.path, corpus.docs[d].path),
            );
        }
    }
    let best = corpus
        .docs
        .iter()
        .enumerate()
        .filter_map(|(d, doc)| best_in(&doc.text, a).map(|(s, e)| (context_score(&doc.text, s, e, a), d, s, e)))
        .max_by_key(|x| x.0);
    if let Some((score, d, s, e)) = best {
        // The quote alone could be anywhere; ask for some of its context too.
        if score >= CONTEXT / 2 || a.exact.chars().count() >= 24 {
            return Found::Moved(
                Span::new(d, s, e),
                format!("the quoted words were found in {} instead of {}", corpus.docs[d].id, a.doc.id),
            );
        }
    }
    let quote = crate::text::ellipsize(&crate::report::one_line(&a.exact), 40);
    match by_id {
        Some(_) => Found::Lost(format!("the quoted words \"{quote}\" are no longer in {}", a.doc.id)),
        None => Found::Lost(format!(
            "{} is not in this corpus, and the quoted words \"{quote}\" were not found elsewhere",
            a.doc.id
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(items: &[(&str, &str)]) -> Corpus {
        Corpus::from_texts(items.iter().copied())
    }

    #[test]
    fn an_anchor_survives_an_edit_and_a_move() {
        let c = corpus(&[("a.txt", "The mayor said 41 people died in the flood on Sunday.")]);
        let start = c.docs[0].text.find("41 people").unwrap();
        let a = make(&c.docs[0], 0, start, start + 9);
        assert_eq!(find(&a, &c), Found::Here(Span::new(0, start, start + 9)));
        // Edited: text inserted before the quote.
        let edited = corpus(&[("a.txt", "Update: The mayor said 41 people died in the flood on Sunday.")]);
        let f = find(&a, &edited);
        let s = f.span().unwrap();
        assert_eq!(&edited.docs[0].text[s.range()], "41 people");
        assert!(matches!(f, Found::Moved(_, ref why) if why.contains("edited")));
        // Moved: renamed file, same words with their context.
        let moved = corpus(&[("b.txt", "Other text. The mayor said 41 people died in the flood on Sunday.")]);
        let f = find(&a, &moved);
        assert!(matches!(f, Found::Moved(_, ref why) if why.contains("instead of")), "{f:?}");
        // Gone.
        let gone = corpus(&[("a.txt", "The mayor said nobody was hurt.")]);
        assert!(matches!(find(&a, &gone), Found::Lost(ref why) if why.contains("no longer")));
    }

    #[test]
    fn the_best_occurrence_is_chosen_by_context() {
        let text = "He said yes. Later the minister said yes again.";
        let c = corpus(&[("a.txt", text)]);
        let second = text.rfind("said yes").unwrap();
        let a = make(&c.docs[0], 0, second, second + 8);
        let edited = corpus(&[("a.txt", &format!("Intro. {text}"))]);
        let s = find(&a, &edited).span().unwrap();
        assert_eq!(s.start as usize, second + 7);
    }
}
