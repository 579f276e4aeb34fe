//! Text reuse: how much of one document is another's, sentence by sentence.
//! Sentences copied word for word show a reprint (an article built on a press
//! release); sentences that match but for swapped words show a spun copy, and the
//! swapped pairs are listed ("staff" -> "workers").
//!
//! Candidate pairs of documents come from shared three-word sequences (in a large
//! corpus, a fixed sample of them), so the corpus is never compared pair by pair;
//! each document keeps only its strongest candidates.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::diff::{self, Edit};
use super::{doc_label, new};
use crate::analysis::Parts;
use crate::model::{Discrepancy, DiscrepancyKind, Span};
use crate::token::{Kind, Tokens};

struct Sent {
    span: Span,
    /// Hashes of the folded words, in order, and sorted and distinct.
    seq: Vec<u64>,
    set: Vec<u64>,
    /// Token range, to show the words as written when a diff is needed.
    toks: std::ops::Range<usize>,
}

fn hash_str(s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

fn sentences(t: &Tokens, d: usize) -> Vec<Sent> {
    t.sents
        .iter()
        .filter_map(|r| {
            let seq: Vec<u64> = r
                .clone()
                .filter(|&i| matches!(t.toks[i].kind, Kind::Word | Kind::Number))
                .map(|i| hash_str(t.key(i)))
                .collect();
            if seq.len() < 6 {
                return None;
            }
            let mut set = seq.clone();
            set.sort_unstable();
            set.dedup();
            Some(Sent {
                span: Span::new(d, t.toks[r.start].start as usize, t.toks[r.end - 1].end as usize),
                seq,
                set,
                toks: r.clone(),
            })
        })
        .collect()
}

/// Dice coefficient of two sorted, distinct hash lists.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut n) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * n as f64 / (a.len() + b.len()).max(1) as f64
}

/// A spun copy: two documents (by index), one with words swapped for synonyms.
#[derive(Debug, Clone, Copy)]
pub struct Spin {
    pub docs: (usize, usize),
}

/// Pairs of documents that share sentences, and the spun copies among them.
pub fn find(p: &Parts<'_>) -> (Vec<Discrepancy>, Vec<Spin>) {
    let a = p.analysis;
    let n = a.corpus.docs.len();
    if n < 2 {
        return (Vec::new(), Vec::new());
    }
    // In a large corpus, index a fixed quarter of the sequences: copies share
    // many, so they still meet, and the index stays small.
    let sample = if n > 1000 { 4 } else { 1 };
    let shingles: Vec<Vec<u64>> = (0..n)
        .into_par_iter()
        .map(|d| {
            let t = &p.docs[d].tokens;
            let words: Vec<u64> =
                (0..t.len()).filter(|&i| t.toks[i].kind == Kind::Word).map(|i| hash_str(t.key(i))).collect();
            let mut v: Vec<u64> = words
                .windows(3)
                .map(|w| w[0].rotate_left(21) ^ w[1].rotate_left(42) ^ w[2])
                .filter(|h| h % sample == 0)
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (d, v) in shingles.iter().enumerate() {
        for &h in v {
            index.entry(h).or_default().push(d as u32);
        }
    }
    // Sequences shared by many documents are boilerplate, not copying.
    let cap = 30;
    let mut shared: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for docs in index.values().filter(|l| l.len() >= 2 && l.len() <= cap) {
        for (x, &i) in docs.iter().enumerate() {
            for &j in &docs[x + 1..] {
                *shared.entry((i, j)).or_default() += 1;
            }
        }
    }
    let min_shared = (8 / sample).max(2) as u32;
    // Each document keeps its strongest few candidates.
    let mut per_doc: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
    for (&(i, j), &c) in &shared {
        // Enough shared sequences in absolute terms and for the shorter document.
        let smaller = shingles[i as usize].len().min(shingles[j as usize].len()) as u32;
        if c >= min_shared && c * 10 >= smaller {
            per_doc.entry(i).or_default().push((c, j));
            per_doc.entry(j).or_default().push((c, i));
        }
    }
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for (&d, list) in &mut per_doc {
        list.sort_unstable_by(|x, y| y.cmp(x));
        for &(_, o) in list.iter().take(3) {
            cands.push(((d.min(o)) as usize, (d.max(o)) as usize));
        }
    }
    cands.sort_unstable();
    cands.dedup();
    let found: Vec<(Discrepancy, Option<Spin>)> = cands
        .par_iter()
        .filter_map(|&(x, y)| {
            let (sx, sy) = (sentences(&p.docs[x].tokens, x), sentences(&p.docs[y].tokens, y));
            compare(p, &sx, &sy, x, y)
        })
        .collect();
    let (mut out, spins): (Vec<Discrepancy>, Vec<Option<Spin>>) = found.into_iter().unzip();
    out.sort_by_key(|d| d.spans.first().copied());
    (out, spins.into_iter().flatten().collect())
}

fn compare(p: &Parts<'_>, sa: &[Sent], sb: &[Sent], x: usize, y: usize) -> Option<(Discrepancy, Option<Spin>)> {
    let a = p.analysis;
    if sa.is_empty() || sb.is_empty() {
        return None;
    }
    let mut used = vec![false; sb.len()];
    let mut identical = 0usize;
    let mut reworded = 0usize;
    let mut shared_words = 0usize;
    let mut swaps: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut spans = Vec::new();
    let (ta, tb) = (&p.docs[x].tokens, &p.docs[y].tokens);
    let words = |t: &Tokens, s: &Sent| -> Vec<String> {
        s.toks
            .clone()
            .filter(|&i| matches!(t.toks[i].kind, Kind::Word | Kind::Number))
            .map(|i| t.text(i).to_string())
            .collect()
    };
    for s in sa {
        let best = sb
            .iter()
            .enumerate()
            .filter(|(j, _)| !used[*j])
            .map(|(j, t)| (j, dice(&s.set, &t.set)))
            .max_by(|p, q| p.1.total_cmp(&q.1));
        let Some((j, score)) = best else { continue };
        // Near-identical sentences only: two outlets paraphrasing one fact share
        // many words too, but not four in five.
        if score < 0.8 {
            continue;
        }
        used[j] = true;
        shared_words += s.seq.len().min(sb[j].seq.len());
        spans.push(s.span);
        spans.push(sb[j].span);
        if s.seq == sb[j].seq {
            identical += 1;
            continue;
        }
        let (wa, wb) = (words(ta, s), words(tb, &sb[j]));
        let wa: Vec<&str> = wa.iter().map(String::as_str).collect();
        let wb: Vec<&str> = wb.iter().map(String::as_str).collect();
        let edits = diff::diff(&wa, &wb, crate::text::fold);
        let mut any = false;
        for e in &edits {
            if let Edit::Swap(p, q) = e {
                if p.len() <= 3 && q.len() <= 3 {
                    *swaps.entry((p.join(" "), q.join(" "))).or_default() += 1;
                    any = true;
                }
            }
        }
        if any {
            reworded += 1;
        }
    }
    let matched = identical + reworded;
    let smaller = sa.len().min(sb.len());
    let count_words = |ss: &[Sent]| ss.iter().map(|s| s.seq.len()).sum::<usize>();
    let word_share = shared_words as f64 / count_words(sa).min(count_words(sb)).max(1) as f64;
    // A few long sentences copied word for word (a reprinted paragraph of a press
    // release) count as much as many short ones.
    let enough = (matched >= 3 && matched * 10 >= smaller * 3) || (matched >= 2 && word_share >= 0.15);
    if !enough {
        return None;
    }
    // Once one text is shown to copy the other, the sentences a spinner changed
    // more ("raised" -> "elevated", "round" -> "spherical") are aligned too: half
    // the words shared, about as long, and words swapped one for one.
    let mut more = 0usize;
    for (i, s) in sa.iter().enumerate() {
        if spans.contains(&s.span) {
            continue;
        }
        let best = sb
            .iter()
            .enumerate()
            .filter(|(j, t)| !used[*j] && t.seq.len() * 4 >= s.seq.len() * 3 && s.seq.len() * 4 >= t.seq.len() * 3)
            .map(|(j, t)| (j, dice(&s.set, &t.set)))
            .max_by(|p, q| p.1.total_cmp(&q.1));
        let Some((j, _)) = best.filter(|b| b.1 >= 0.4) else { continue };
        let (wa, wb) = (words(ta, s), words(tb, &sb[j]));
        let wa: Vec<&str> = wa.iter().map(String::as_str).collect();
        let wb: Vec<&str> = wb.iter().map(String::as_str).collect();
        let edits = diff::diff(&wa, &wb, crate::text::fold);
        // What one text adds before the copied words (a dateline, "ABUJA, 10
        // March 2026 (Wire) -") is no rewording.
        // (The place of a dateline may stand before it: "KATHMANDU, June 16
        // (Wire) -" against "KATHMANDU -".)
        let at = edits.iter().take(3).position(|e| !matches!(e, Edit::Same(_))).unwrap_or(0);
        let lead = match edits.get(at) {
            Some(Edit::Del(w)) => (w.len(), 0),
            Some(Edit::Ins(w)) => (0, w.len()),
            _ => (0, 0),
        };
        let body: Vec<&Edit> =
            edits.iter().enumerate().filter(|&(i, _)| lead == (0, 0) || i != at).map(|(_, e)| e).collect();
        // Swapped phrases next to each other run together ("telecoms regulator
        // sold" -> "telecommunications watchdog auctioned off").
        let one_for_one = body.iter().all(|e| match *e {
            Edit::Swap(p, q) => p.len() <= 4 && q.len() <= 4,
            Edit::Del(w) | Edit::Ins(w) => w.len() <= 2,
            Edit::Same(_) => true,
        });
        let same = body.iter().filter(|e| matches!(e, Edit::Same(_))).count();
        let score = 2.0 * same as f64 / (wa.len() - lead.0 + wb.len() - lead.1).max(1) as f64;
        // Headlines, which spinners rework hardest, with less in common.
        let headlines = i == 0 && j == 0;
        if !one_for_one || score < if headlines { 0.4 } else { 0.5 } {
            continue;
        }
        used[j] = true;
        spans.push(s.span);
        spans.push(sb[j].span);
        for e in &edits {
            if let Edit::Swap(p, q) = e {
                *swaps.entry((p.join(" "), q.join(" "))).or_default() += 1;
            }
        }
        more += 1;
    }
    let reworded = reworded + more;
    let matched = matched + more;
    // A line that says where the text came from ("Republished from X", "This
    // article is based on a company announcement.") is evidence too.
    for (t, d) in [(ta, x), (tb, y)] {
        for r in &t.sents {
            if is_reuse_notice(t, r.clone()) {
                spans.push(Span::new(d, t.toks[r.start].start as usize, t.toks[r.end - 1].end as usize));
            }
        }
    }
    let (lx, ly) = (doc_label(a, x), doc_label(a, y));
    let share = (word_share * 100.0).round() as usize;
    let spun = reworded >= 2 && reworded * 10 >= matched * 4 && swaps.len() >= 3;
    let summary = if spun {
        format!("{lx} and {ly}: {matched} sentences match, {reworded} of them with words swapped for synonyms (a spun copy)")
    } else {
        format!("{lx} and {ly}: {matched} sentences match, {identical} word for word ({share}% of the words of the shorter text)")
    };
    let mut d = new(DiscrepancyKind::Reuse, summary, spans, if spun { 0.65 } else { 0.6 });
    d.details.push(format!("{} of {} sentences in {lx} and {} in {ly} are shared", matched, sa.len(), sb.len()));
    if !swaps.is_empty() {
        let mut list: Vec<(&(String, String), &usize)> = swaps.iter().collect();
        list.sort_by(|p, q| q.1.cmp(p.1).then(p.0.cmp(q.0)));
        let pairs: Vec<String> = list.iter().take(30).map(|((p, q), _)| format!("{p} -> {q}")).collect();
        d.details.push(format!("swapped ({lx} -> {ly}): {}", pairs.join(", ")));
    }
    let spin = spun.then_some(Spin { docs: (x, y) });
    Some((d, spin))
}

/// Openings of a line that says a text is another's: a reprint notice.
const NOTICES: &[&[&str]] = &[
    &["republished", "from"],
    &["reprinted", "from"],
    &["reproduced", "from"],
    &["originally", "published"],
    &["first", "published", "by"],
    &["this", "article", "is", "based", "on"],
    &["this", "story", "is", "based", "on"],
    &["this", "article", "first", "appeared"],
    &["this", "article", "was", "first", "published"],
    &["it", "is", "reproduced", "in", "full"],
];

/// Whether the sentence `r` is a reprint notice, or holds one after a bar
/// ("Health Watch | Republished from X"), or is a bracketed "(Source: X)".
fn is_reuse_notice(t: &Tokens, r: std::ops::Range<usize>) -> bool {
    let bracketed_source =
        t.text(r.start) == "(" && t.key(r.start + 1) == "source" && r.end > r.start + 2 && t.text(r.start + 2) == ":";
    let opens = |from: usize| {
        let words: Vec<&str> =
            (from..r.end).filter(|&i| t.toks[i].kind == Kind::Word).take(5).map(|i| t.key(i)).collect();
        NOTICES.iter().any(|n| words.starts_with(n))
    };
    bracketed_source || opens(r.start) || (r.start..r.end).any(|i| matches!(t.text(i), "|" | "—") && opens(i + 1))
}
