//! The discrepancies pane's model: discrepancies grouped by kind (the group of
//! the most significant one first, each group most significant first), and the
//! evidence lines taken apart into unchanged, removed and added words so they
//! can be drawn in different styles instead of as `[-..-]{+..+}` markup.

use std::collections::HashMap;

use super::wrap::Mark;
use crate::analysis::Analysis;
use crate::discrepancy::diff::lcs_pairs;
use crate::model::{DiscrepancyKind, Span};
use crate::notes::NoteKind;

/// A row of the discrepancies pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscRow {
    /// A kind's heading, with how many it holds; not selectable.
    Heading(DiscrepancyKind, usize),
    /// A discrepancy (index into `Analysis::discrepancies`).
    Item(usize),
}

/// Rows of the discrepancies pane.
pub fn rows(a: &Analysis) -> Vec<DiscRow> {
    let mut kinds: Vec<DiscrepancyKind> = Vec::new();
    for d in &a.discrepancies {
        if !kinds.contains(&d.kind) {
            kinds.push(d.kind);
        }
    }
    let mut out = Vec::with_capacity(a.discrepancies.len() + kinds.len());
    for k in kinds {
        let items: Vec<usize> = (0..a.discrepancies.len()).filter(|&i| a.discrepancies[i].kind == k).collect();
        out.push(DiscRow::Heading(k, items.len()));
        out.extend(items.into_iter().map(DiscRow::Item));
    }
    out
}

/// The heading of a kind of discrepancy.
pub fn title(k: DiscrepancyKind) -> &'static str {
    match k {
        DiscrepancyKind::Figure => "Figures that differ",
        DiscrepancyKind::Role => "Roles and titles",
        DiscrepancyKind::MissingName => "Names left out",
        DiscrepancyKind::Spelling => "Names spelt differently",
        DiscrepancyKind::SingleSource => "Stated by one document only",
        DiscrepancyKind::Quote => "Quotations worded differently",
        DiscrepancyKind::Reuse => "Copied or spun text",
    }
}

/// The kind of note a discrepancy becomes.
pub fn note_kind(k: DiscrepancyKind) -> NoteKind {
    match k {
        DiscrepancyKind::Figure => NoteKind::Figure,
        DiscrepancyKind::Role => NoteKind::Role,
        DiscrepancyKind::MissingName | DiscrepancyKind::Spelling => NoteKind::Name,
        DiscrepancyKind::Quote => NoteKind::Quote,
        DiscrepancyKind::SingleSource | DiscrepancyKind::Reuse => NoteKind::Other,
    }
}

/// A piece of an evidence line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Same(String),
    Removed(String),
    Added(String),
}

/// Takes an evidence line apart: a word diff (`We [-will not-]{+cannot+} go`)
/// or a list of swapped words (`swapped (001 -> 003): said -> mentioned, back ->
/// again`); any other line is one plain piece.
pub fn segments(line: &str) -> Vec<Seg> {
    if let Some((head, pairs)) = line.split_once("): ").filter(|(h, _)| h.starts_with("swapped")) {
        let mut out = vec![Seg::Same(format!("{head}): "))];
        for (i, pair) in pairs.split(", ").enumerate() {
            if i > 0 {
                out.push(Seg::Same(", ".into()));
            }
            match pair.split_once(" -> ") {
                Some((a, b)) => {
                    out.push(Seg::Removed(a.to_string()));
                    out.push(Seg::Same(" → ".into()));
                    out.push(Seg::Added(b.to_string()));
                }
                None => out.push(Seg::Same(pair.to_string())),
            }
        }
        return out;
    }
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = line;
    while !rest.is_empty() {
        let del = rest.find("[-").and_then(|i| rest[i + 2..].find("-]").map(|j| (i, i + 2 + j, false)));
        let ins = rest.find("{+").and_then(|i| rest[i + 2..].find("+}").map(|j| (i, i + 2 + j, true)));
        let next = match (del, ins) {
            (Some(d), Some(a)) => Some(if d.0 < a.0 { d } else { a }),
            (d, a) => d.or(a),
        };
        let Some((open, close, added)) = next else {
            plain.push_str(rest);
            break;
        };
        plain.push_str(&rest[..open]);
        if !plain.is_empty() {
            out.push(Seg::Same(std::mem::take(&mut plain)));
        }
        let words = rest[open + 2..close].to_string();
        if added && open == 0 && matches!(out.last(), Some(Seg::Removed(_))) {
            // "[-will not-]{+cannot+}": keep the two apart on screen.
            out.push(Seg::Same(" ".into()));
        }
        out.push(if added { Seg::Added(words) } else { Seg::Removed(words) });
        rest = &rest[close + 2..];
    }
    if !plain.is_empty() {
        out.push(Seg::Same(plain));
    }
    out
}

/// The words of a span with their byte ranges, and a key that ignores case,
/// accents and the punctuation around them.
fn words(text: &str, s: Span) -> Vec<(u32, u32, String)> {
    let Some(t) = text.get(s.range()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut at = 0;
    for w in t.split_whitespace() {
        let i = at + t[at..].find(w).unwrap_or(0);
        at = i + w.len();
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            continue;
        }
        let off = w.find(core).unwrap_or(0);
        let start = s.start + (i + off) as u32;
        out.push((start, start + core.len() as u32, crate::text::fold(core)));
    }
    out
}

/// The words that differ between the accounts a quote or reuse discrepancy
/// compares, per document: `Removed` for words only the first account has,
/// `Added` for words only the other has. A reworded quote compares every
/// document's quote with the first one; a spun copy compares its passages two
/// by two (the library lists them in pairs).
pub fn word_marks(a: &Analysis, d: usize) -> HashMap<usize, Vec<(u32, u32, Mark)>> {
    let mut out: HashMap<usize, Vec<(u32, u32, Mark)>> = HashMap::new();
    let Some(disc) = a.discrepancies.get(d) else { return out };
    let pairs: Vec<(Span, Span)> = match disc.kind {
        DiscrepancyKind::Quote => {
            let mut spans = disc.spans.clone();
            spans.sort_unstable();
            spans.dedup();
            spans.iter().skip(1).map(|&o| (spans[0], o)).collect()
        }
        DiscrepancyKind::Reuse => disc.spans.chunks(2).filter(|c| c.len() == 2).map(|c| (c[0], c[1])).collect(),
        _ => return out,
    };
    for (x, y) in pairs {
        let (Some(tx), Some(ty)) = (a.views.get(x.doc()), a.views.get(y.doc())) else { continue };
        let (wx, wy) = (words(&tx.flat, x), words(&ty.flat, y));
        let kx: Vec<&str> = wx.iter().map(|w| w.2.as_str()).collect();
        let ky: Vec<&str> = wy.iter().map(|w| w.2.as_str()).collect();
        let matched = lcs_pairs(&kx, &ky);
        let (mut in_x, mut in_y) = (vec![false; wx.len()], vec![false; wy.len()]);
        for (i, j) in matched {
            in_x[i] = true;
            in_y[j] = true;
        }
        let ex = out.entry(x.doc()).or_default();
        ex.extend(wx.iter().zip(&in_x).filter(|(_, m)| !**m).map(|(w, _)| (w.0, w.1, Mark::Removed)));
        let ey = out.entry(y.doc()).or_default();
        ey.extend(wy.iter().zip(&in_y).filter(|(_, m)| !**m).map(|(w, _)| (w.0, w.1, Mark::Added)));
    }
    for v in out.values_mut() {
        v.sort_unstable_by_key(|m| (m.0, m.1));
        v.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn the_words_a_reworded_quote_changes_are_marked_in_each_account() {
        let a = Analysis::run(Corpus::seeds());
        let q = a.discrepancies.iter().position(|d| d.kind == DiscrepancyKind::Quote).unwrap();
        let m = word_marks(&a, q);
        let text = |d: usize, marks: &[(u32, u32, Mark)], kind: Mark| -> Vec<String> {
            marks
                .iter()
                .filter(|x| x.2 == kind)
                .map(|x| a.views[d].flat[x.0 as usize..x.1 as usize].to_string())
                .collect()
        };
        // 003: "Nevertheless, we won’t jeopardise the peace by forgetting concerning the battle."
        let d3 = a.corpus.docs.iter().position(|d| d.id.starts_with("003")).unwrap();
        assert_eq!(text(d3, &m[&d3], Mark::Added), ["Nevertheless", "won’t", "concerning", "battle"]);
        let d0 = a.corpus.docs.iter().position(|d| d.id.starts_with("000")).unwrap();
        let removed = text(d0, &m[&d0], Mark::Removed);
        assert!(removed.contains(&"will".to_string()) && removed.contains(&"war".to_string()), "{removed:?}");
        // A spun copy: the swapped words on both sides.
        let r = a.discrepancies.iter().position(|d| d.summary.contains("spun")).unwrap();
        let m = word_marks(&a, r);
        let all: Vec<String> = m.iter().flat_map(|(&d, v)| text(d, v, Mark::Added)).collect();
        assert!(all.contains(&"mentioned".to_string()), "{all:?}");
    }

    #[test]
    fn diff_markup_becomes_segments() {
        let s = segments("002: We [-will not-]{+cannot+} jeopardise the peace {+so we must+}");
        assert_eq!(
            s,
            [
                Seg::Same("002: We ".into()),
                Seg::Removed("will not".into()),
                Seg::Same(" ".into()),
                Seg::Added("cannot".into()),
                Seg::Same(" jeopardise the peace ".into()),
                Seg::Added("so we must".into()),
            ]
        );
        assert_eq!(segments("plain [- line"), [Seg::Same("plain [- line".into())]);
        assert_eq!(segments(""), []);
    }

    #[test]
    fn swapped_words_become_pairs() {
        let s = segments("swapped (001 -> 003): said -> mentioned, countries expected -> nations anticipated");
        assert_eq!(s[0], Seg::Same("swapped (001 -> 003): ".into()));
        assert_eq!(s[1], Seg::Removed("said".into()));
        assert_eq!(s[3], Seg::Added("mentioned".into()));
        assert_eq!(s[5], Seg::Removed("countries expected".into()));
        assert_eq!(s[7], Seg::Added("nations anticipated".into()));
    }

    #[test]
    fn rows_group_by_kind_most_significant_first() {
        let a = Analysis::run(Corpus::seeds());
        let r = rows(&a);
        let DiscRow::Heading(first, _) = r[0] else { panic!("a heading first") };
        assert_eq!(first, a.discrepancies[0].kind);
        assert_eq!(r.iter().filter(|x| matches!(x, DiscRow::Item(_))).count(), a.discrepancies.len());
        // Within a group, in the analysis' order (most significant first).
        let mut last: Option<(DiscrepancyKind, usize)> = None;
        for row in &r {
            match *row {
                DiscRow::Heading(k, _) => last = Some((k, 0)),
                DiscRow::Item(i) => {
                    let (k, prev) = last.unwrap();
                    assert_eq!(a.discrepancies[i].kind, k);
                    assert!(i >= prev);
                    last = Some((k, i));
                }
            }
        }
    }
}
