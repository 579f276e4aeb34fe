//! Quote drift: the same quotation worded differently in different documents,
//! with a word-level diff. Quotations that match word for word (punctuation and
//! case aside) agree; a short quotation that is an exact part of a longer one
//! agrees too.

use std::collections::{BTreeMap, BTreeSet};

type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;

use super::diff::{self, lcs_pairs};
use super::{doc_label, new};
use crate::analysis::Parts;
use crate::model::{Discrepancy, DiscrepancyKind, Span};
use crate::token::Kind;

struct Q<'a> {
    span: Span,
    speaker: Option<usize>,
    /// Folded words, and the words as written (a possessive with its word),
    /// borrowed from the document.
    keys: Vec<&'a str>,
    words: Vec<&'a str>,
    /// The sentence each word belongs to.
    sents: Vec<u32>,
    /// Whether a word opens a quotation inside this one, after a colon or a
    /// quotation mark ("..., stated: 'Our crews ...").
    opens: Vec<bool>,
}

type Words<'a> = (Vec<&'a str>, Vec<&'a str>, Vec<u32>, Vec<bool>);

fn words_of<'a>(p: &Parts<'a>, s: Span) -> Words<'a> {
    let t = &p.docs[s.doc()].tokens;
    let from = t.toks.partition_point(|x| x.start < s.start);
    let mut keys = Vec::new();
    let mut words = Vec::new();
    let mut sents = Vec::new();
    let mut opens = Vec::new();
    for i in from..t.len() {
        let tok = &t.toks[i];
        if tok.end > s.end {
            break;
        }
        if matches!(tok.kind, Kind::Word | Kind::Number) {
            keys.push(t.key(i));
            words.push(t.text(i));
            sents.push(t.sentence_index(i) as u32);
            opens.push(
                i > from && t.toks[i - 1].kind == Kind::Punct && matches!(t.text(i - 1), ":" | "'" | "‘" | "\"" | "“"),
            );
        } else if tok.kind == Kind::Possessive {
            // Shown as written ("today's"), compared without it.
            if let (Some(w), Some(&prev)) = (words.last_mut(), i.checked_sub(1).and_then(|k| t.toks.get(k))) {
                if prev.end == tok.start && matches!(prev.kind, Kind::Word | Kind::Number) {
                    *w = &t.flat[prev.start as usize..tok.end as usize];
                }
            }
        }
    }
    (keys, words, sents, opens)
}

/// The part of the longer quotation that the shorter one corresponds to: from
/// the first to the last matched word, widened to whole sentences, so words a
/// document added or cut at the end of a sentence show.
fn window(short: &Q, long: &Q, m: &[(usize, usize)]) -> (usize, usize) {
    let mut lo = m[0].1.saturating_sub(m[0].0);
    let mut hi = (m[m.len() - 1].1 + (short.keys.len() - 1 - m[m.len() - 1].0)).min(long.keys.len() - 1);
    while lo > 0 && long.sents[lo - 1] == long.sents[lo] {
        lo -= 1;
    }
    while hi + 1 < long.keys.len() && long.sents[hi + 1] == long.sents[hi] {
        hi += 1;
    }
    (lo, hi)
}

/// Quotations that nearly match across documents, grouped, with diffs.
pub fn find(p: &Parts<'_>, spins: &[super::reuse::Spin]) -> Vec<Discrepancy> {
    let spun = |x: usize, y: usize| spins.iter().any(|s| s.docs == (x.min(y), x.max(y)));
    let a = p.analysis;
    let qs: Vec<Q> = a
        .quotes
        .iter()
        .map(|q| {
            let (keys, words, sents, opens) = words_of(p, q.span);
            Q { span: q.span, speaker: q.speaker, keys, words, sents, opens }
        })
        .filter(|q| q.keys.len() >= 4)
        .collect();
    // Candidates: quotations of different documents sharing word pairs.
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    for (i, q) in qs.iter().enumerate() {
        for w in q.keys.windows(2) {
            let v = index.entry((w[0], w[1])).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::default();
    for list in index.values().filter(|l| l.len() <= 50) {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if qs[i].span.doc != qs[j].span.doc {
                    *shared.entry((i, j)).or_default() += 1;
                }
            }
        }
    }
    // Pairs that say the same thing, and whether they differ.
    let mut parent: Vec<usize> = (0..qs.len()).collect();
    let mut drift: Vec<(usize, usize)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = shared.into_iter().filter(|&(_, n)| n >= 2).map(|(k, _)| k).collect();
    pairs.sort_unstable();
    for (i, j) in pairs {
        let (short, long) = if qs[i].keys.len() <= qs[j].keys.len() { (i, j) } else { (j, i) };
        let m = lcs_pairs(&qs[short].keys, &qs[long].keys);
        // The same speaker may be paraphrased more freely and still be quoted.
        let same_speaker = qs[i].speaker.is_some() && qs[i].speaker == qs[j].speaker;
        let needed = if same_speaker { 5 } else { 6 };
        if m.len() < 4 || m.len() * 10 < qs[short].keys.len() * needed {
            continue;
        }
        let (lo, hi) = window(&qs[short], &qs[long], &m);
        let window = &qs[long].keys[lo..=hi];
        // A fragment quoted word for word ("the worst spill in 20 years") is an excerpt, not a rewording.
        // (A fragment starts in lower case: "called it “the worst spill in years”".)
        // So is a quotation cut where a clause of it ends ("We will not pay criminals."
        // of "We will not pay criminals, and we will not rest ...").
        let (sk, lk) = (&qs[short].keys, &qs[long].keys);
        let fragment = qs[short].words.first().and_then(|w| w.chars().next()).is_some_and(char::is_lowercase);
        let at = lk.windows(sk.len()).position(|w| w == sk.as_slice());
        let clause_cut = at.is_some_and(|a| {
            let end = a + sk.len();
            let starts = a == 0 || qs[long].sents[a - 1] != qs[long].sents[a] || qs[long].opens[a];
            let ends = end == lk.len()
                || qs[long].sents[end - 1] != qs[long].sents[end]
                || matches!(lk[end], "and" | "but" | "or" | "so" | "because" | "while" | "although");
            starts && ends
        });
        let excerpt = (fragment && at.is_some()) || clause_cut;
        // The same words given to two different people are a discrepancy too.
        // (Not for a fragment woven into a sentence: whose it is is the writer's paraphrase.)
        let two_speakers =
            !fragment && qs[i].speaker.is_some() && qs[j].speaker.is_some() && qs[i].speaker != qs[j].speaker;
        if (window != qs[short].keys.as_slice() && !excerpt) || two_speakers {
            drift.push((i, j));
        }
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        if ri != rj {
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    // A spun copy's quotation differs from its source's by the spinner's synonyms:
    // it stands aside when its source's quotation is in the same group.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for q in 0..qs.len() {
        let r = root(&mut parent, q);
        members.entry(r).or_default().push(q);
    }
    // (Not when one phrase alone is rewritten: "left to fend for itself" made
    // "left on its own" is a new wording, where a spinner swaps words throughout.)
    let mut aside = vec![false; qs.len()];
    for m in members.values() {
        for &q in m {
            aside[q] = m.iter().any(|&o| {
                qs[o].span.doc < qs[q].span.doc
                    && spun(qs[o].span.doc(), qs[q].span.doc())
                    && swapped_words(&qs[o], &qs[q])
            });
        }
    }
    // One discrepancy per group of quotations with at least one drifting pair
    // that no spin explains; the spun copies' versions are shown with it.
    let real: BTreeSet<usize> =
        drift.iter().filter(|&&(i, j)| !aside[i] && !aside[j]).map(|&(i, _)| root(&mut parent, i)).collect();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(i, j) in &drift {
        let r = root(&mut parent, i);
        if !real.contains(&r) {
            continue;
        }
        let g = groups.entry(r).or_default();
        for x in [i, j] {
            if !g.contains(&x) {
                g.push(x);
            }
        }
    }
    let mut out = Vec::new();
    for members in groups.values_mut() {
        members.sort_by_key(|&q| qs[q].span);
        let reference = members[0];
        // The speakers in the order the documents name them.
        let speakers: Vec<usize> = {
            let mut s: Vec<usize> = Vec::new();
            for sp in members.iter().filter_map(|&q| qs[q].speaker) {
                if !s.contains(&sp) {
                    s.push(sp);
                }
            }
            s
        };
        let who = match speakers.as_slice() {
            [] => "A quotation".to_string(),
            [s] => format!("{}'s quotation", a.entities[*s].name),
            many => {
                let names: Vec<&str> = many.iter().map(|&s| a.entities[s].name.as_str()).collect();
                format!("A quotation attributed to {}", names.join(" and "))
            }
        };
        let mut docs: Vec<String> = members.iter().map(|&q| doc_label(a, qs[q].span.doc())).collect();
        docs.dedup();
        let mut d = new(
            DiscrepancyKind::Quote,
            format!("{who} is worded differently in {}", docs.join(", ")),
            members.iter().map(|&q| qs[q].span).collect(),
            if speakers.len() > 1 { 0.75 } else { 0.7 },
        );
        let mut reworded = false;
        let rq = &qs[reference];
        d.details.push(format!("{}: {}", doc_label(a, rq.span.doc()), rq.words.join(" ")));
        for &q in &members[1..] {
            // Against the quotation of another document it shares most words
            // with: a report that joins two quotations into one matches each.
            let partner = members
                .iter()
                .copied()
                .filter(|&o| o != q && qs[o].span.doc != qs[q].span.doc)
                .max_by_key(|&o| (lcs_pairs(&qs[o].keys, &qs[q].keys).len(), o == reference))
                .unwrap_or(reference);
            let (x, y) = (&qs[partner], &qs[q]);
            // Diff the shorter against the part of the longer it matches.
            let (short, long, flip) = if x.keys.len() <= y.keys.len() { (x, y, false) } else { (y, x, true) };
            let m = lcs_pairs(&short.keys, &long.keys);
            if m.is_empty() {
                continue;
            }
            let (lo, hi) = window(short, long, &m);
            let sw: Vec<&str> = short.words.clone();
            let lw: Vec<&str> = long.words[lo..=hi].to_vec();
            let edits =
                if flip { diff::diff(&lw, &sw, crate::text::fold) } else { diff::diff(&sw, &lw, crate::text::fold) };
            let line = if diff::changes(&edits) {
                reworded = true;
                diff::render(&edits)
            } else if partner == reference {
                "(same words)".to_string()
            } else {
                format!("(same words as {})", doc_label(a, x.span.doc()))
            };
            d.details.push(format!("{}: {}", doc_label(a, y.span.doc()), line));
        }
        if speakers.len() > 1 {
            let names: Vec<&str> = speakers.iter().map(|&s| a.entities[s].name.as_str()).collect();
            d.details.push(format!("attributed to {}", names.join(" and ")));
            // Who says it is the evidence: each quotation's speaker where it is named.
            for &q in members.iter() {
                if let Some(m) = qs[q].speaker.and_then(|sp| speaker_near(&a.entities[sp], qs[q].span)) {
                    d.spans.push(m);
                }
            }
            if !reworded {
                let said: Vec<String> = speakers
                    .iter()
                    .map(|&sp| {
                        let mut by: Vec<String> = members
                            .iter()
                            .filter(|&&q| qs[q].speaker == Some(sp))
                            .map(|&q| doc_label(a, qs[q].span.doc()))
                            .collect();
                        by.dedup();
                        format!("{} ({})", a.entities[sp].name, by.join(", "))
                    })
                    .collect();
                d.summary = format!("The same words are attributed to {}", said.join(" and to "));
            }
        }
        d.entity = speakers.first().copied();
        out.push(d);
    }
    out
}

/// Whether quotation `y` differs from `x` as a spinner's synonyms make it, here
/// and there; not by one phrase of three words or more rewritten and nothing
/// else, which is a new wording.
fn swapped_words(x: &Q, y: &Q) -> bool {
    let (short, long, flip) = if x.keys.len() <= y.keys.len() { (x, y, false) } else { (y, x, true) };
    let m = lcs_pairs(&short.keys, &long.keys);
    if m.is_empty() {
        return false;
    }
    let (lo, hi) = window(short, long, &m);
    let (a, b) = (&short.keys[..], &long.keys[lo..=hi]);
    let edits = if flip { diff::diff(b, a, str::to_string) } else { diff::diff(a, b, str::to_string) };
    let changed: Vec<usize> = edits
        .iter()
        .filter_map(|e| match e {
            diff::Edit::Same(_) => None,
            diff::Edit::Swap(p, q) => Some(p.len().max(q.len())),
            diff::Edit::Del(p) | diff::Edit::Ins(p) => Some(p.len()),
        })
        .collect();
    !matches!(changed.as_slice(), [n] if *n >= 3)
}

/// The mention of a quotation's speaker nearest to it, within a few lines.
fn speaker_near(e: &crate::model::Entity, q: Span) -> Option<Span> {
    e.mentions
        .iter()
        .filter(|m| m.doc == q.doc)
        .map(|m| {
            let gap = if m.start >= q.end { m.start - q.end } else { q.start.saturating_sub(m.end) };
            (gap, *m)
        })
        .filter(|&(gap, _)| gap <= 300)
        .min_by_key(|&(gap, _)| gap)
        .map(|(_, m)| m)
}

fn root(p: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while p[r] != r {
        r = p[r];
    }
    p[x] = r;
    r
}
