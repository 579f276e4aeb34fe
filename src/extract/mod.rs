//! Per-document extraction: tokens, names, figures and quotations.
//!
//! Everything here looks at one document at a time, so documents are processed
//! in parallel; linking across documents is the job of [`crate::resolve`] and
//! [`crate::pledge`].

pub mod figures;
pub mod names;
pub mod numbers;

use crate::lexicon::Lexicon;
use crate::token::{flag, tokenize, Kind, Tokens};

/// A quotation as found, before it is attributed.
#[derive(Debug, Clone)]
pub struct RawQuote {
    pub start: usize,
    pub end: usize,
    /// First and last token of the quoted words.
    pub toks: (usize, usize),
}

/// What one document yields.
#[derive(Debug, Clone, Default)]
pub struct DocExtract {
    pub tokens: Tokens,
    pub names: names::DocNames,
    pub figures: Vec<figures::RawFigure>,
    pub quotes: Vec<RawQuote>,
}

/// The countries that tokens `r` name, by their places and demonyms, as
/// (country, mentions, first token), the most named first and, between equals,
/// the first named.
pub fn countries_named(t: &Tokens, r: std::ops::Range<usize>, lex: &Lexicon) -> Vec<(usize, usize, usize)> {
    let mut counts: rustc_hash::FxHashMap<usize, (usize, usize)> = rustc_hash::FxHashMap::default();
    let mut k = r.start;
    while k < r.end {
        let tok = &t.toks[k];
        if tok.kind == Kind::Word && tok.has(flag::CAP) {
            let n = r.end - k;
            let hit = lex
                .place_names
                .longest_with(n, |j| t.key(k + j))
                .or_else(|| lex.demonyms.longest_with(n, |j| t.key(k + j)));
            if let Some((len, &idx)) = hit {
                if let Some(c) = lex.country_of.get(idx).copied().flatten() {
                    counts.entry(c).or_insert((0, k)).0 += 1;
                }
                k += len;
                continue;
            }
        }
        k += 1;
    }
    let mut v: Vec<(usize, usize, usize)> = counts.into_iter().map(|(c, (n, first))| (c, n, first)).collect();
    v.sort_unstable_by_key(|&(c, n, first)| (std::cmp::Reverse(n), first, c));
    v
}

/// Extracts everything from one document's text.
pub fn extract(doc: usize, text: &str, lex: &Lexicon) -> DocExtract {
    extract_tokens(doc, tokenize(text, lex), lex)
}

/// [`extract`] for a loaded document, whose text the tokens share.
pub fn extract_shared(doc: usize, text: &std::sync::Arc<str>, lex: &Lexicon) -> DocExtract {
    extract_tokens(doc, crate::token::tokenize_shared(text, lex), lex)
}

fn extract_tokens(doc: usize, tokens: crate::token::Tokens, lex: &Lexicon) -> DocExtract {
    let names = names::find(&tokens, doc, lex);
    let figures = figures::find(&tokens, lex);
    let quotes = quotes(&tokens);
    DocExtract { tokens, names, figures, quotes }
}

/// Quotations: maximal runs of quoted tokens within a paragraph, four words or more.
fn quotes(t: &Tokens) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let n = t.len();
    let mut i = 0;
    while i < n {
        if !t.toks[i].has(flag::QUOTED) {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = i;
        let mut j = i + 1;
        while j < n && !t.toks[j].has(flag::BREAK_BEFORE) {
            let tok = &t.toks[j];
            if tok.has(flag::QUOTED) {
                b = j;
            } else if tok.kind == Kind::Word || tok.kind == Kind::Number {
                break;
            }
            j += 1;
        }
        // Keep sentence punctuation that belongs to the quote, not a trailing comma.
        let words = (a..=b).filter(|&k| t.toks[k].kind == Kind::Word).count();
        if words >= 4 {
            let mut end = t.toks[b].end as usize;
            if t.is_punct(b + 1, '.') || t.is_punct(b + 1, '!') || t.is_punct(b + 1, '?') {
                end = t.toks[b + 1].end as usize;
            }
            out.push(RawQuote { start: t.toks[a].start as usize, end, toks: (a, b) });
        }
        i = j.max(b + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotations() {
        let lex = Lexicon::get();
        let text = "“We will not give up the fight for our town,” said the mayor. He left.\n\"Short one,\" she said.";
        let d = extract(0, text, lex);
        assert_eq!(d.quotes.len(), 1);
        assert_eq!(&text[d.quotes[0].start..d.quotes[0].end], "We will not give up the fight for our town");
    }
}
