//! Text reuse: how much of one document is another's, sentence by sentence.
//! Sentences copied word for word show a reprint (an article built on a press
//! release); sentences that match but for swapped words show a spun copy, and the
//! swapped pairs are listed ("staff" -> "workers").
//!
//! Candidate pairs of documents come from shared three-word sequences, so a large
//! corpus is not compared pair by pair.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::diff::{self, Edit};
use super::{doc_label, new};
use crate::analysis::Parts;
use crate::model::{Discrepancy, DiscrepancyKind, Span};
use crate::token::Kind;

struct Sent {
    span: Span,
    keys: Vec<String>,
    words: Vec<String>,
}

fn sentences(p: &Parts<'_>, d: usize) -> Vec<Sent> {
    let t = &p.docs[d].tokens;
    t.sents
        .iter()
        .filter_map(|r| {
            let mut keys = Vec::new();
            let mut words = Vec::new();
            for i in r.clone() {
                if matches!(t.toks[i].kind, Kind::Word | Kind::Number) {
                    keys.push(t.key(i).to_string());
                    words.push(t.text(i).to_string());
                }
            }
            (keys.len() >= 6).then(|| Sent {
                span: Span::new(d, t.toks[r.start].start as usize, t.toks[r.end - 1].end as usize),
                keys,
                words,
            })
        })
        .collect()
}

fn dice(a: &[String], b: &[String]) -> f64 {
    let sa: HashSet<&String> = a.iter().collect();
    let sb: HashSet<&String> = b.iter().collect();
    2.0 * sa.intersection(&sb).count() as f64 / (sa.len() + sb.len()).max(1) as f64
}

fn shingle_hash(w: &[String]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    w.hash(&mut h);
    h.finish()
}

/// Pairs of documents that share sentences.
pub fn find(p: &Parts<'_>) -> Vec<Discrepancy> {
    let a = p.analysis;
    let n = a.corpus.docs.len();
    if n < 2 {
        return Vec::new();
    }
    // Shared three-word sequences, ignoring those too common to say anything.
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for d in 0..n {
        let t = &p.docs[d].tokens;
        let keys: Vec<String> =
            (0..t.len()).filter(|&i| t.toks[i].kind == Kind::Word).map(|i| t.key(i).to_string()).collect();
        let mut seen = HashSet::new();
        for w in keys.windows(3) {
            let h = shingle_hash(w);
            if seen.insert(h) {
                index.entry(h).or_default().push(d as u32);
            }
        }
    }
    let cap = 30.max(n / 200);
    let mut shared: HashMap<(u32, u32), u32> = HashMap::new();
    for docs in index.values().filter(|l| l.len() >= 2 && l.len() <= cap) {
        for (x, &i) in docs.iter().enumerate() {
            for &j in &docs[x + 1..] {
                *shared.entry((i, j)).or_default() += 1;
            }
        }
    }
    let mut cands: Vec<(u32, u32)> = shared.into_iter().filter(|&(_, c)| c >= 8).map(|(k, _)| k).collect();
    cands.sort_unstable();
    let mut cache: HashMap<usize, Vec<Sent>> = HashMap::new();
    let mut out = Vec::new();
    for (x, y) in cands {
        let (x, y) = (x as usize, y as usize);
        for d in [x, y] {
            cache.entry(d).or_insert_with(|| sentences(p, d));
        }
        if let Some(d) = compare(a, &cache[&x], &cache[&y], x, y) {
            out.push(d);
        }
    }
    out
}

fn compare(a: &crate::analysis::Analysis, sa: &[Sent], sb: &[Sent], x: usize, y: usize) -> Option<Discrepancy> {
    if sa.is_empty() || sb.is_empty() {
        return None;
    }
    let mut used = vec![false; sb.len()];
    let mut identical = 0usize;
    let mut reworded = 0usize;
    let mut shared_words = 0usize;
    let mut swaps: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut spans = Vec::new();
    for s in sa {
        let best = sb
            .iter()
            .enumerate()
            .filter(|(j, _)| !used[*j])
            .map(|(j, t)| (j, dice(&s.keys, &t.keys)))
            .max_by(|p, q| p.1.total_cmp(&q.1));
        let Some((j, score)) = best else { continue };
        // Near-identical sentences only: two outlets paraphrasing one fact share
        // many words too, but not four in five.
        if score < 0.8 {
            continue;
        }
        used[j] = true;
        shared_words += s.keys.len().min(sb[j].keys.len());
        spans.push(s.span);
        spans.push(sb[j].span);
        if s.keys == sb[j].keys {
            identical += 1;
            continue;
        }
        let wa: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let wb: Vec<&str> = sb[j].words.iter().map(String::as_str).collect();
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
    let words = |ss: &[Sent]| ss.iter().map(|s| s.keys.len()).sum::<usize>();
    let word_share = shared_words as f64 / words(sa).min(words(sb)).max(1) as f64;
    // A few long sentences copied word for word (a reprinted paragraph of a press
    // release) count as much as many short ones.
    let enough = (matched >= 3 && matched * 10 >= smaller * 3) || (matched >= 2 && word_share >= 0.15);
    if !enough {
        return None;
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
    Some(d)
}
