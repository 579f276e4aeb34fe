//! Pledges: figures that state a commitment, grouped with what they buy and when,
//! and linked across documents however they are worded.
//!
//! Within a document, a money figure and the counts and date of the same clause
//! ("a $2.4 billion contract to supply ... over 3,000 electric buses",
//! "announced on 3 March 2026") form one pledge. Across documents, two pledges
//! are the same commitment when their amounts, counted nouns, dates and the
//! rarer words around them agree; each pledge links to at most one pledge per
//! other document (the best match), so "£150 million package ... 12 February" and
//! "£225 million package ... 19 December" never swap. Figures that are not
//! commitments ("around 40 countries") are linked the same way into quantities,
//! which is what the discrepancy finder compares.

type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::extract::figures::{is_plural, RawFigure};
use crate::extract::DocExtract;
use crate::lexicon::Lexicon;
use crate::model::{FigureGroup, FigureKind};
use crate::token::{Kind, Tokens};

/// A global figure: its document and the figure as found.
#[derive(Debug, Clone)]
pub struct FigRef<'a> {
    pub doc: usize,
    pub raw: &'a RawFigure,
}

/// The result of linking.
#[derive(Debug, Default)]
pub struct Linked {
    pub pledges: Vec<FigureGroup>,
    pub quantities: Vec<FigureGroup>,
    pub fig_pledge: Vec<Option<usize>>,
    pub fig_quantity: Vec<Option<usize>>,
}

/// Short strings (currency codes, counted nouns, dates) as small numbers, so a
/// unit holds no strings of its own; compared only for equality.
#[derive(Debug, Default)]
struct Symbols {
    ids: std::sync::Mutex<FxHashMap<String, u32>>,
}

impl Symbols {
    fn id(&self, s: &str) -> u32 {
        let mut m = self.ids.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(&i) = m.get(s) {
            return i;
        }
        let i = m.len() as u32;
        m.insert(s.to_string(), i);
        i
    }
    fn find(&self, s: &str) -> Option<u32> {
        self.ids.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(s).copied()
    }
}

/// A unit to link: one document's pledge (several figures) or one figure.
///
/// About 150,000 of these are alive at once on a corpus of 10,000 articles, so
/// they hold symbols and boxed slices, not strings and vectors.
#[derive(Debug)]
struct Unit {
    doc: u32,
    commitment: bool,
    /// The only count of its kind of thing in its document ("passengers"), so
    /// the counted noun itself says which quantity it is.
    sole: bool,
    /// The only amount of its document with its commitment noun ("a compensation
    /// fund of US$50 million"), so the noun says which commitment it is.
    sole_noun: bool,
    /// The earlier value its sentence gives for it ("to 5% from 20%": 20).
    from: Option<f64>,
    /// A count of what is left or added ("the remaining 76,800 tonnes"), not of the whole.
    part: bool,
    figs: Box<[u32]>,
    /// Currency and amount.
    money: Option<(u32, f64)>,
    /// Counted noun (synonym group) and value.
    count: Option<(u32, f64)>,
    percent: Option<f64>,
    /// The date as a symbol, and the length of its text (which says how much of
    /// it is known: "2025-04" against "2025-04-05").
    date: Option<(u32, u8)>,
    /// The commitment noun's synonym group ("agreement" for deal/contract).
    noun: Option<u32>,
    /// Hashes of the normalised context words, sorted and distinct.
    words: Box<[u64]>,
    /// Hashes of the words right next to the figure (four on each side).
    tight: Box<[u64]>,
    /// People and organisations named in the clause around the figure.
    ents: Box<[u32]>,
    /// For a money commitment: the people and organisations its sentence names
    /// before it, the one that commits among them ("X, the parent, pledged ₩25bn").
    parties: Box<[u32]>,
    /// The place its clause names last before it ("in Madrid they rose 14.5% to
    /// €21.10"): two values of two places are two figures, however close.
    place: Option<u32>,
    /// For a count or a percentage: the capitalised words of its clause before it
    /// (back to the last figure of the same thing), hashed: whose figure it is
    /// ("Green Future 12.6% and 10 seats").
    owners: Box<[u64]>,
}

/// A value from before, given for comparison: "down from 29", "up from 12 in
/// 2022", "from C$10 million to C$15m".
pub fn earlier_value(t: &Tokens, toks: (usize, usize)) -> bool {
    let a = toks.0;
    let before = |k: usize| if a >= k { t.key(a - k) } else { "" };
    let from = before(1) == "from"
        && matches!(
            before(2),
            "down" | "up" | "rose" | "fell" | "rising" | "falling" | "increased" | "decreased" | "dropped" | "climbed"
        );
    let after = |k: usize| if toks.1 + k < t.len() { t.key(toks.1 + k) } else { "" };
    let then = (after(1) == "in" && t.toks.get(toks.1 + 2).is_some_and(|x| x.kind == Kind::Number))
        || (after(1) == "a" && after(2) == "year" && after(3) == "earlier")
        || (after(1) == "last" && after(2) == "year");
    // "raised the fund from C$10 million to C$15m"; "cut it to 5% from 20%".
    let from_to = before(1) == "from" && after(1) == "to";
    let to_from = before(1) == "from" && (2..=5).any(|k| before(k) == "to");
    from || from_to || to_from || (then && before(1) == "from")
}

fn is_weekday(k: &str) -> bool {
    matches!(k, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// The capitalised words of a figure's clause before it, back to the previous
/// figure of the same thing: the party, club or company the figure belongs to.
/// Places are background, not owners ("Rescuers on Portugal's coast").
///
/// The owner of what is committed may be a place, though: the place named
/// last before it in its sentence, when its clause names no other owner
/// ("Kenya, which will command the force, put forward 1,200 troops, while
/// Nigeria promised 1,000").
fn owners(
    t: &Tokens,
    list: &[usize],
    figs: &[FigRef<'_>],
    x: usize,
    ents: &[(u32, u32, u32, bool)],
    lex: &Lexicon,
) -> Vec<u64> {
    let f = figs[list[x]].raw;
    // The clause before the count; brackets do not end it ("The Farmers' Union (FU) won").
    let r = t.sentence_of(f.toks.0);
    let mut from = f.toks.0;
    while from > r.start && f.toks.0 - from < 12 {
        let i = from - 1;
        if is_clause_break(t, i) && !t.is_punct(i, '(') && !t.is_punct(i, ')') {
            break;
        }
        from = i;
    }
    let noun = |g: &RawFigure| g.unit.as_deref().and_then(|u| u.split_whitespace().last()).map(String::from);
    // Where the previous figure of the same thing in the sentence ends.
    let mut since = r.start;
    for &g in list[..x].iter().rev() {
        let o = figs[g].raw;
        if o.toks.1 < r.start {
            break;
        }
        if o.kind == f.kind && (f.kind != FigureKind::Count || noun(o) == noun(f)) {
            since = o.toks.1 + 1;
            break;
        }
    }
    from = from.max(since);
    let mut out: Vec<u64> = (from..f.toks.0)
        .filter(|&i| {
            let tok = &t.toks[i];
            let k = t.key(i);
            tok.kind == Kind::Word
                && tok.has(crate::token::flag::CAP)
                && !(tok.has(crate::token::flag::INITIAL) && lex.is_common(k))
                && !lex.function.contains(k)
                && crate::extract::numbers::month_number(t.text(i)).is_none()
                && !is_weekday(k)
                && !in_place(ents, tok.start)
        })
        .map(|i| norm_hash(t.key(i), lex))
        .collect();
    // (What is committed: troops, helicopters, doses; not hikers a town took in.)
    let committed = || {
        f.unit
            .as_deref()
            .and_then(|u| u.split_whitespace().last())
            .is_some_and(|h| lex.commitment_nouns.contains(crate::text::fold(h).as_str()))
    };
    if out.is_empty() && f.kind == FigureKind::Count && since < f.toks.0 && committed() {
        let (lo, hi) = (t.toks[since].start, t.toks[f.toks.0].start);
        // (A place after a preposition is where, not who: "signed in Bucharest".)
        let after_preposition = |pos: u32| {
            let i = t.toks.partition_point(|x| x.start < pos);
            i > 0 && matches!(t.key(i - 1), "in" | "at" | "on" | "from" | "to" | "near" | "across" | "of" | "into")
        };
        if let Some(place) = ents.iter().rev().find(|m| m.3 && m.0 >= lo && m.1 <= hi) {
            if !after_preposition(place.0) {
                out.push(u64::from(place.2) | 1 << 63);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Words before a count that make it a part left or added, not the whole:
/// "the remaining 76,800 tonnes", "another 40 workers".
pub(crate) const PART_WORDS: &[&str] = &["remaining", "another", "additional", "further", "extra", "other"];

/// The value of the earlier figure of the same kind that the sentence of
/// `list[x]` gives ("to 5% from 20%": 20). `list` is in reading order, so
/// only the figures of that sentence, on either side, are read.
fn earlier_in_sentence(t: &Tokens, list: &[usize], figs: &[FigRef<'_>], x: usize) -> Option<f64> {
    let f = figs[list[x]].raw;
    let r = t.sentence_of(f.toks.0);
    let in_sentence = |&&g: &&usize| r.contains(&figs[g].raw.toks.0);
    let before = list[..x].iter().rev().take_while(in_sentence);
    let after = list[x + 1..].iter().take_while(in_sentence);
    before
        .chain(after)
        .map(|&g| figs[g].raw)
        .find(|o| o.kind == f.kind && earlier_value(t, o.toks))
        .and_then(|o| o.value)
}

/// Whether byte `pos` lies in a place's mention (`ents` sorted by start).
fn in_place(ents: &[(u32, u32, u32, bool)], pos: u32) -> bool {
    let k = ents.partition_point(|m| m.0 <= pos);
    k > 0 && ents[k - 1].3 && ents[k - 1].1 > pos
}

/// Hash of the normalised form of an already folded word (see [`norm_word`]).
fn norm_hash(key: &str, lex: &Lexicon) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    if let Some(g) = lex.synonyms.get(key) {
        g.as_str().hash(&mut h);
    } else {
        let s = if is_plural(key) && key.ends_with('s') && !key.ends_with("ies") { &key[..key.len() - 1] } else { key };
        lex.synonyms.get(s).map_or(s, String::as_str).hash(&mut h);
    }
    h.finish()
}

/// Folded, crudely singular form of a word, mapped through the synonym lexicon.
fn norm_word(w: &str, lex: &Lexicon) -> String {
    let f = crate::text::fold(w);
    if let Some(g) = lex.synonyms.get(&f) {
        return g.clone();
    }
    let s = if is_plural(&f) && f.ends_with('s') && !f.ends_with("ies") { f[..f.len() - 1].to_string() } else { f };
    lex.synonyms.get(&s).cloned().unwrap_or(s)
}

/// The head noun of a counted phrase, as a synonym group ("field hospitals" -> "hospital").
fn unit_class(unit: &str, lex: &Lexicon) -> String {
    unit.split_whitespace().last().map(|w| norm_word(w, lex)).unwrap_or_default()
}

/// Token range of the clause around tokens `a..=b`: to the nearest ',', ';', dash
/// or sentence end on each side, but at least `min` words wide.
fn clause(t: &Tokens, a: usize, b: usize) -> (usize, usize) {
    let r = t.sentence_of(a);
    let is_break = |i: usize| is_clause_break(t, i);
    let mut s = a;
    while s > r.start && !is_break(s - 1) && a - s < 12 {
        s -= 1;
    }
    let mut e = b;
    while e + 1 < r.end && !is_break(e + 1) && e - b < 14 {
        e += 1;
    }
    (s, e)
}

/// Punctuation that ends a clause: comma, semicolon, colon, brackets, and a dash
/// standing between spaces ("missiles - creating jobs").
fn is_clause_break(t: &Tokens, i: usize) -> bool {
    let tok = &t.toks[i];
    tok.kind == Kind::Punct
        && (matches!(t.text(i), "," | ";" | "–" | "—" | "(" | ")" | ":")
            || t.text(i) == "-"
                && tok.has(crate::token::flag::SPACE_BEFORE)
                && t.toks.get(i + 1).is_some_and(|n| !n.glued()))
}

fn is_commitment(t: &Tokens, f: &RawFigure, lex: &Lexicon) -> (bool, Option<String>) {
    let (s, e) = clause(t, f.toks.0, f.toks.1);
    let mut noun = None;
    let mut verb = false;
    for i in s..=e {
        if t.toks[i].kind != Kind::Word || (f.toks.0..=f.toks.1).contains(&i) && f.kind != FigureKind::Money {
            continue;
        }
        let k = t.key(i);
        if noun.is_none() && lex.commitment_nouns.contains(k) {
            noun = Some(lex.synonyms.get(k).cloned().unwrap_or_else(|| k.to_string()));
        }
        if lex.commitment_verbs.contains(k) {
            verb = true;
        }
    }
    let yes = match f.kind {
        FigureKind::Money => noun.is_some() || verb,
        FigureKind::Count => {
            let head = f.unit.as_deref().and_then(|u| u.split_whitespace().last()).map(crate::text::fold);
            let equipment = head.as_ref().is_some_and(|h| lex.commitment_nouns.contains(h));
            equipment && (verb || noun.is_some())
        }
        FigureKind::Percent => {
            noun.as_deref().is_some_and(|n| matches!(n, "spending" | "target" | "budget" | "spend")) || {
                (s..=e).any(|i| matches!(t.key(i), "spending" | "spend" | "target" | "budget"))
            }
        }
        _ => false,
    };
    (yes, noun)
}

/// Hashes of the content words within four tokens of a figure.
fn tight_words(t: &Tokens, a: usize, b: usize, ents: &[(u32, u32, u32, bool)], hashes: &[u64]) -> Vec<u64> {
    let r = t.sentence_of(a);
    // Five words on each side, not counting punctuation.
    let mut s = a;
    let mut n = 0;
    while s > r.start && n < 5 {
        s -= 1;
        n += usize::from(t.toks[s].kind == Kind::Word);
    }
    let mut e = b;
    n = 0;
    while e + 1 < r.end && n < 5 {
        e += 1;
        n += usize::from(t.toks[e].kind == Kind::Word);
    }
    window_words(t, a, s, e, ents, hashes)
}

/// The word hashes of tokens `s..=e` (but the figure's first token `a`) and of
/// the entities named there, sorted and distinct.
fn window_words(t: &Tokens, a: usize, s: usize, e: usize, ents: &[(u32, u32, u32, bool)], hashes: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = (s..=e).filter(|&i| i != a && hashes[i] != 0).map(|i| hashes[i]).collect();
    // The people, organisations and places named around the figure say most
    // about what it counts.
    let (from, to) = (t.toks[s].start, t.toks[e].end);
    let first = ents.partition_point(|m| m.0 < from);
    for m in ents[first..].iter().take_while(|m| m.1 <= to) {
        let mut h = rustc_hash::FxHasher::default();
        ("@entity", m.2).hash(&mut h);
        out.push(h.finish());
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The people and organisations, and the place named last before the figure
/// at token `a`, of the figure's clause `(s, e)` (see [`clause`]).
fn clause_entities(
    t: &Tokens,
    (s, e): (usize, usize),
    a: usize,
    ents: &[(u32, u32, u32, bool)],
) -> (Vec<u32>, Option<u32>) {
    let (from, to) = (t.toks[s].start, t.toks[a].start);
    let first = ents.partition_point(|m| m.0 < from);
    let place = ents[first..].iter().take_while(|m| m.1 <= to).filter(|m| m.3).map(|m| m.2).last();
    (entities_between(ents, from, t.toks[e].end), place)
}

/// The people and organisations mentioned within bytes `from..to`, sorted and
/// distinct; places are shared background.
fn entities_between(ents: &[(u32, u32, u32, bool)], from: u32, to: u32) -> Vec<u32> {
    let first = ents.partition_point(|m| m.0 < from);
    let mut out: Vec<u32> = ents[first..].iter().take_while(|m| m.1 <= to).filter(|m| !m.3).map(|m| m.2).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The people and organisations named in the sentence of token `a` before it,
/// sorted and distinct.
fn sentence_parties(t: &Tokens, a: usize, ents: &[(u32, u32, u32, bool)]) -> Vec<u32> {
    entities_between(ents, t.toks[t.sentence_of(a).start].start, t.toks[a].start)
}

/// Hashes of the content words around a figure, normalised, sorted, distinct.
fn context_words(t: &Tokens, a: usize, b: usize, ents: &[(u32, u32, u32, bool)], hashes: &[u64]) -> Vec<u64> {
    let r = t.sentence_of(a);
    let s = a.saturating_sub(15).max(r.start);
    let e = (b + 15).min(r.end.saturating_sub(1));
    window_words(t, a, s, e, ents, hashes)
}

/// Links all figures of the corpus. `figs` are in reading order.
/// The units of one document: its pledges (a commitment figure with the counts
/// and date of its clause) and its other linkable figures.
fn doc_units(
    d: usize,
    list: &[usize],
    t: &Tokens,
    ents: &[(u32, u32, u32, bool)],
    figs: &[FigRef<'_>],
    lex: &Lexicon,
    syms: &Symbols,
) -> Vec<Unit> {
    let mut units = Vec::new();
    if list.is_empty() {
        return units;
    }
    let mut taken = vec![false; list.len()];
    // The normalised hash of every content word, once per document (0: not a
    // content word). Only the sentences that hold a figure are read: the
    // context windows never leave the sentence of their figure.
    let mut hashes = vec![0u64; t.len()];
    let mut last_sentence = usize::MAX;
    for &g in list {
        let first = figs[g].raw.toks.0;
        if first >= t.len() {
            continue;
        }
        let si = t.sentence_index(first);
        if si == last_sentence {
            continue;
        }
        last_sentence = si;
        for i in t.sents[si].clone() {
            let k = t.key(i);
            let content = t.toks[i].kind == Kind::Word
                && k.len() >= 3
                && !lex.function.contains(k)
                && crate::extract::numbers::scale(k).is_none()
                && !crate::extract::numbers::is_number_word(k);
            if content && hashes[i] == 0 {
                hashes[i] = norm_hash(k, lex).max(1);
            }
        }
    }
    for (x, &g) in list.iter().enumerate() {
        if taken[x] {
            continue;
        }
        let f = figs[g].raw;
        let (commit, noun) = is_commitment(t, f, lex);
        let linkable = matches!(
            f.kind,
            FigureKind::Money | FigureKind::Count | FigureKind::Percent | FigureKind::Duration | FigureKind::Ordinal
        );
        if !linkable || earlier_value(t, f.toks) {
            continue;
        }
        taken[x] = true;
        let mut sig = Sig { noun: noun.map(|n| syms.id(&n)), ..Sig::default() };
        sig.add(f, lex, syms);
        let mut fig_ids = vec![g as u32];
        let mut words = context_words(t, f.toks.0, f.toks.1, ents, &hashes);
        if commit && matches!(f.kind, FigureKind::Money | FigureKind::Count) {
            // Counts and a date of the same clause belong to this pledge.
            for (y, &h) in list.iter().enumerate().skip(x + 1) {
                let o = figs[h].raw;
                if o.toks.0 > f.toks.1 + 16 || t.sentence_index(o.toks.0) != t.sentence_index(f.toks.0) {
                    break;
                }
                let between = (f.toks.1 + 1..o.toks.0).any(|i| {
                    is_clause_break(t, i) && !t.is_punct(i, ',') || t.is_punct(i, ',') && t.text(i + 1) == "and"
                });
                let money_between = list[x + 1..y].iter().any(|&m| figs[m].raw.kind == FigureKind::Money);
                if between || money_between || o.kind == FigureKind::Money {
                    break;
                }
                let (oc, _) = is_commitment(t, o, lex);
                let attach = match o.kind {
                    FigureKind::Count if f.kind == FigureKind::Money => {
                        oc || o.unit.as_deref().is_some_and(|u| {
                            lex.commitment_nouns.contains(&unit_class(u, lex))
                                || lex.commitment_nouns.contains(u.split_whitespace().last().unwrap_or(""))
                        })
                    }
                    FigureKind::Date => sig.date.is_none(),
                    _ => false,
                };
                if attach {
                    taken[y] = true;
                    fig_ids.push(h as u32);
                    sig.add(o, lex, syms);
                    words.extend(context_words(t, o.toks.0, o.toks.1, ents, &hashes));
                    words.sort_unstable();
                    words.dedup();
                }
            }
        }
        let (clause_ents, place) = clause_entities(t, clause(t, f.toks.0, f.toks.1), f.toks.0, ents);
        let unit = Unit {
            doc: d as u32,
            commitment: commit,
            sole: false,
            sole_noun: false,
            from: earlier_in_sentence(t, list, figs, x),
            part: f.kind == FigureKind::Count && f.toks.0 > 0 && PART_WORDS.contains(&t.key(f.toks.0 - 1)),
            figs: fig_ids.into_boxed_slice(),
            money: sig.money,
            count: sig.count,
            percent: sig.percent,
            date: sig.date,
            noun: sig.noun,
            words: words.into_boxed_slice(),
            tight: tight_words(t, f.toks.0, f.toks.1, ents, &hashes).into_boxed_slice(),
            ents: clause_ents.into_boxed_slice(),
            place,
            parties: if commit && f.kind == FigureKind::Money {
                sentence_parties(t, f.toks.0, ents).into_boxed_slice()
            } else {
                Box::default()
            },
            owners: if matches!(f.kind, FigureKind::Count | FigureKind::Percent) {
                owners(t, list, figs, x, ents, lex).into_boxed_slice()
            } else {
                Box::default()
            },
        };
        units.push(unit);
    }
    units
}

/// A figure group before it is numbered: (commitment, figures, documents, label).
type Built = (bool, Vec<usize>, Vec<usize>, String);

/// `entities[doc]` are the (start, end, entity) mentions of each document, sorted.
pub fn link(
    docs: &[DocExtract],
    figs: &[FigRef<'_>],
    entities: &[Vec<(u32, u32, u32, bool)>],
    lex: &Lexicon,
) -> Linked {
    let mut by_doc: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (g, f) in figs.iter().enumerate() {
        by_doc[f.doc].push(g);
    }
    let timer = crate::analysis::Timer::new();
    let syms = Symbols::default();
    let mut units: Vec<Unit> = by_doc
        .par_iter()
        .enumerate()
        .flat_map_iter(|(d, list)| {
            doc_units(d, list, &docs[d].tokens, entities.get(d).map_or(&[][..], Vec::as_slice), figs, lex, &syms)
        })
        .collect();
    timer.lap("  pledges, units");
    // Counts that are the only ones of their noun in their document (people
    // aside: a report counts the dead, the injured and the evacuated). Spans
    // of time never are: "two days" says nothing of which two days.
    let sole: Vec<bool> = {
        fn class(u: &Unit) -> Option<u32> {
            u.count.filter(|_| u.money.is_none()).map(|(c, _)| c)
        }
        let time: Vec<Option<u32>> = ["second", "minute", "hour", "day", "week", "month", "year"]
            .iter()
            .flat_map(|w| [syms.find(w), syms.find(&format!("{w}s")), syms.find(&format!("duration:{w}"))])
            .collect();
        let person = syms.find("person");
        let mut per: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for u in &units {
            if let Some(c) = class(u) {
                *per.entry((u.doc, c)).or_default() += 1;
            }
        }
        units
            .iter()
            .map(|u| class(u).is_some_and(|c| Some(c) != person && !time.contains(&Some(c)) && per[&(u.doc, c)] == 1))
            .collect()
    };
    for (u, s) in units.iter_mut().zip(sole) {
        u.sole = s;
    }
    {
        let mut per: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for u in units.iter().filter(|u| u.money.is_some()) {
            if let Some(n) = u.noun {
                *per.entry((u.doc, n)).or_default() += 1;
            }
        }
        for u in units.iter_mut().filter(|u| u.money.is_some()) {
            u.sole_noun = u.noun.is_some_and(|n| per[&(u.doc, n)] == 1);
        }
    }
    // Word weights: rare words say more. Each word gets a number in the order
    // of its hash, so a unit's words, sorted by hash, are sorted by number too
    // and overlaps stay a merge.
    let mut df: FxHashMap<u64, u32> = FxHashMap::default();
    for u in &units {
        for &w in &u.words {
            *df.entry(w).or_default() += 1;
        }
    }
    let mut vocab: Vec<u64> = df.keys().copied().collect();
    vocab.par_sort_unstable();
    let n_units = units.len().max(1) as f64;
    let counts: Vec<u32> = vocab.iter().map(|w| df[w]).collect();
    let idf: Vec<f64> = counts.iter().map(|&c| (n_units / (1.0 + f64::from(c))).ln().max(0.1)).collect();
    for (i, w) in vocab.iter().enumerate() {
        df.insert(*w, i as u32);
    }
    let word_id = df;
    // Each unit's words become their numbers (and its hashes are freed).
    let unit_words: Vec<Box<[u32]>> =
        units.par_iter_mut().map(|u| std::mem::take(&mut u.words).iter().map(|w| word_id[w]).collect()).collect();
    drop(word_id);
    let weight: Vec<f64> = unit_words.iter().map(|ws| ws.iter().map(|&w| idf[w as usize]).sum()).collect();
    let dfw = |w: u32| counts[w as usize];
    // Candidate pairs: same kind, unit and magnitude. A small block is compared
    // in full; a large one only through the rarer words its units share.
    timer.lap("  pledges, df");
    let mut blocks: FxHashMap<(u8, u32, i32), Vec<usize>> = FxHashMap::default();
    for (i, u) in units.iter().enumerate() {
        let (k, c, v) = if let Some((c, v)) = u.money {
            (0u8, c, v.log10().floor() as i32)
        } else if let Some((c, v)) = u.count {
            (1, c, v.max(1.0).log10().floor() as i32)
        } else if let Some(v) = u.percent {
            (2, u32::MAX, v.max(0.1).log10().floor() as i32)
        } else {
            continue;
        };
        blocks.entry((k, c, v)).or_default().push(i);
    }
    timer.lap("  pledges, blocks");
    // Each block gives its candidate pairs on its own, so blocks run in parallel.
    let mut cands: Vec<(usize, usize)> = blocks
        .par_iter()
        .flat_map_iter(|(_, members)| {
            let mut out: Vec<(usize, usize)> = Vec::new();
            if members.len() <= 48 {
                for (x, &a) in members.iter().enumerate() {
                    for &b in &members[x + 1..] {
                        out.push((a.min(b), a.max(b)));
                    }
                }
                return out;
            }
            let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
            for &i in members {
                let mut rare: Vec<u32> = unit_words[i].iter().copied().filter(|&w| dfw(w) >= 2).collect();
                rare.sort_by_key(|&w| (dfw(w), w));
                for w in rare.into_iter().take(4) {
                    index.entry(w).or_default().push(i);
                }
            }
            for list in index.values() {
                let list = &list[..list.len().min(32)];
                for (x, &a) in list.iter().enumerate() {
                    for &b in &list[x + 1..] {
                        out.push((a.min(b), a.max(b)));
                    }
                }
            }
            out
        })
        .collect();
    cands.par_sort_unstable();
    cands.dedup();
    if std::env::var_os("CROSSREAD_TIMINGS").is_some() {
        eprintln!("crossread: {} figure units, {} candidate pairs", units.len(), cands.len());
    }
    timer.lap("  pledges, cands");
    let debug = std::env::var_os("CROSSREAD_DEBUG_LINK").is_some();
    let mut pairs: Vec<(f64, usize, usize)> = cands
        .into_par_iter()
        .filter_map(|(a, b)| {
            let shared = shared_weight(&unit_words[a], &unit_words[b], &idf);
            let min = weight[a].min(weight[b]);
            let overlap = if min > 0.0 { shared / min } else { 0.0 };
            let (s, worst) = score(&units[a], &units[b], overlap);
            if debug {
                let txt = |u: usize| {
                    let f = figs[units[u].figs[0] as usize].raw;
                    format!("{}:{}", units[u].doc, &docs[units[u].doc as usize].tokens.flat[f.start..f.end])
                };
                eprintln!(
                    "link {:?} {:?} overlap {overlap:.2} tight {} -> {s:.2} {worst:?}",
                    txt(a),
                    txt(b),
                    shares(&units[a].tight, &units[b].tight)
                );
            }
            // A document restating its own figure (headline and body) links easily
            // when the value is the same; a different value there needs much more.
            let threshold = match (units[a].doc == units[b].doc, worst) {
                (false, _) => 0.5,
                (true, Closeness::Equal) => 3.0,
                (true, _) => 8.5,
            };
            (s >= threshold).then_some((s, a, b))
        })
        .collect();
    drop(unit_words);
    timer.lap("  pledges, scored");
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // Greedy: best links first, one unit per other document in a group.
    timer.lap("  pledges, sorted");
    let mut parent: Vec<usize> = (0..units.len()).collect();
    // Documents of each group, filled only once a group has two units (empty:
    // just the unit's own document); the smaller group is checked against and
    // merged into the larger, so growing a big group stays cheap.
    let mut group_docs: Vec<rustc_hash::FxHashSet<u32>> = vec![rustc_hash::FxHashSet::default(); units.len()];
    for (_, a, b) in pairs {
        let ra = root(&mut parent, a);
        let rb = root(&mut parent, b);
        if ra == rb {
            continue;
        }
        for r in [ra, rb] {
            if group_docs[r].is_empty() {
                group_docs[r].insert(units[r].doc);
            }
        }
        let (big, small) = if group_docs[ra].len() >= group_docs[rb].len() { (ra, rb) } else { (rb, ra) };
        let cross = units[a].doc != units[b].doc;
        if cross && group_docs[small].iter().any(|d| group_docs[big].contains(d)) {
            continue;
        }
        parent[small] = big;
        let moved = std::mem::take(&mut group_docs[small]);
        group_docs[big].extend(moved);
    }
    drop(group_docs);
    timer.lap("  pledges, greedy");
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..units.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    timer.lap("  pledges, grouped");
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    // Sorted by first figure, read from one dense array (not through each unit).
    let first_fig: Vec<u32> = units.iter().map(|u| u.figs[0]).collect();
    groups.par_iter_mut().for_each(|g| g.sort_unstable_by_key(|&u| first_fig[u]));
    groups.par_sort_unstable_by_key(|g| first_fig[g[0]]);
    timer.lap("  pledges, group sort");
    // Each group's figures, documents and label, worked out in parallel; the
    // numbering follows in reading order.
    let built: Vec<Option<Built>> = groups
        .par_iter()
        .map(|g| {
            let commitment = g.iter().any(|&u| units[u].commitment);
            if !commitment && g.len() < 2 {
                return None;
            }
            let mut fig_ids: Vec<usize> = g.iter().flat_map(|&u| units[u].figs.iter().map(|&f| f as usize)).collect();
            fig_ids.sort_unstable();
            let mut doc_ids: Vec<usize> = g.iter().map(|&u| units[u].doc as usize).collect();
            doc_ids.sort_unstable();
            doc_ids.dedup();
            let first = &units[g[0]];
            let label = label(
                &docs[first.doc as usize].tokens,
                figs[first.figs[0] as usize].raw,
                first.figs.iter().map(|&f| figs[f as usize].raw.toks.1).max().unwrap_or(0),
            );
            Some((commitment, fig_ids, doc_ids, label))
        })
        .collect();
    timer.lap("  pledges, built");
    let mut out =
        Linked { fig_pledge: vec![None; figs.len()], fig_quantity: vec![None; figs.len()], ..Linked::default() };
    for (commitment, fig_ids, doc_ids, label) in built.into_iter().flatten() {
        let target = if commitment { &mut out.pledges } else { &mut out.quantities };
        let idx = target.len();
        let id = if commitment { format!("pledge:{}", idx + 1) } else { format!("quantity:{}", idx + 1) };
        for &f in &fig_ids {
            if commitment {
                out.fig_pledge[f] = Some(idx);
            } else {
                out.fig_quantity[f] = Some(idx);
            }
        }
        target.push(FigureGroup { id, label, figures: fig_ids, docs: doc_ids });
    }
    out
}

/// What a unit's figures say: its amount, count, percentage and date.
#[derive(Default)]
struct Sig {
    money: Option<(u32, f64)>,
    count: Option<(u32, f64)>,
    percent: Option<f64>,
    date: Option<(u32, u8)>,
    noun: Option<u32>,
}

impl Sig {
    fn add(&mut self, f: &RawFigure, lex: &Lexicon, syms: &Symbols) {
        match f.kind {
            FigureKind::Money if self.money.is_none() => {
                self.money = f.value.zip(f.unit.as_deref()).map(|(v, c)| (syms.id(c), v));
            }
            FigureKind::Count if self.count.is_none() => {
                if let (Some(v), Some(unit)) = (f.value, f.unit.as_deref()) {
                    self.count = Some((syms.id(&unit_class(unit, lex)), v));
                }
            }
            // Durations and ordinals compare like counts of their unit ("years", "minute").
            FigureKind::Duration | FigureKind::Ordinal if self.count.is_none() => {
                if let (Some(v), Some(unit)) = (f.value, f.unit.as_deref()) {
                    self.count = Some((syms.id(&format!("{}:{}", f.kind.as_str(), unit_class(unit, lex))), v));
                }
            }
            FigureKind::Percent => self.percent = self.percent.or(f.value),
            FigureKind::Date if self.date.is_none() => {
                self.date = f.date.as_deref().map(|d| (syms.id(d), d.len().min(255) as u8));
            }
            _ => {}
        }
    }
}

fn root(p: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while p[r] != r {
        r = p[r];
    }
    p[x] = r;
    r
}

/// Whether two sorted lists share an element.
fn shares(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

fn shares32(a: &[u32], b: &[u32]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Sum of the weights of the words two sorted lists of word numbers share.
fn shared_weight(a: &[u32], b: &[u32], idf: &[f64]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += idf[a[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// How likely two units state the same thing, given the weighted overlap of
/// their context words.
/// How two values compare: equal, close (within about a third), or at most
/// twice apart; `None` when they cannot be the same figure.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Closeness {
    Far,
    Close,
    Equal,
}

/// Two whole numbers of two or more digits written with the same digits in
/// another order ("23" and "32", "3,480" and "3,840"): the commonest slip.
pub(crate) fn digits_swapped(x: f64, y: f64) -> bool {
    if x.fract() != 0.0 || y.fract() != 0.0 || x < 10.0 || x == y || x > 1e15 || y > 1e15 {
        return false;
    }
    // How many of each digit, counted without formatting (this runs for every
    // pair of figures the linker compares).
    let digits = |v: f64| {
        let mut n = v as u64;
        let mut count = [0u8; 10];
        while n > 0 {
            count[(n % 10) as usize] += 1;
            n /= 10;
        }
        count
    };
    digits(x) == digits(y)
}

fn closeness(x: f64, y: f64) -> Option<Closeness> {
    if (x - y).abs() <= x.abs().max(y.abs()) * 1e-9 {
        return Some(Closeness::Equal);
    }
    let (lo, hi) = (x.abs().min(y.abs()), x.abs().max(y.abs()));
    if lo <= 0.0 {
        return None;
    }
    // Small numbers one apart ("two weeks", "three weeks") are close.
    let small_step = hi <= 12.0 && hi - lo <= 1.0 && hi.fract() == 0.0 && lo.fract() == 0.0;
    match hi / lo {
        r if small_step || r <= 1.35 => Some(Closeness::Close),
        _ if digits_swapped(lo, hi) => Some(Closeness::Close),
        r if r <= 2.0 => Some(Closeness::Far),
        _ => None,
    }
}

/// A count of more than twelve.
fn big_count(u: &Unit) -> bool {
    u.count.is_some_and(|(_, v)| v > 12.0)
}

fn score(a: &Unit, b: &Unit, overlap: f64) -> (f64, Closeness) {
    let mut s = 0.0;
    let mut distant = false;
    // The weakest agreement of the values decides how much context is needed.
    let mut worst = Closeness::Equal;
    let mut note = |c: Option<Closeness>, equal_bonus: f64| -> Option<f64> {
        let c = c?;
        if c < worst {
            worst = c;
        }
        Some(match c {
            Closeness::Equal => equal_bonus,
            Closeness::Close => 1.0,
            Closeness::Far => 0.0,
        })
    };
    match (&a.money, &b.money) {
        (Some((ca, va)), Some((cb, vb))) => {
            if ca != cb {
                return (0.0, Closeness::Far);
            }
            // Amounts far apart are one commitment only when each is the one
            // amount of its report with that noun ("a $15 million compensation
            // fund", "a compensation fund of US$50 million").
            let close = closeness(*va, *vb);
            distant = close.is_none();
            if distant && !(a.sole_noun && b.sole_noun && a.noun == b.noun) {
                return (0.0, Closeness::Far);
            }
            s += note(close.or(Some(Closeness::Far)), 4.0).unwrap_or(0.0);
        }
        (Some(_), None) | (None, Some(_)) => return (0.0, Closeness::Far),
        _ => {}
    }
    if a.money.is_none() && b.money.is_none() && a.part != b.part {
        return (0.0, Closeness::Far);
    }
    match (&a.count, &b.count) {
        (Some((ua, va)), Some((ub, vb))) => {
            if ua == ub {
                match note(closeness(*va, *vb), 3.0) {
                    Some(v) => s += v,
                    None if a.money.is_none() => return (0.0, Closeness::Far),
                    None => {}
                }
            } else if a.money.is_none() {
                return (0.0, Closeness::Far);
            }
        }
        (Some(_), None) | (None, Some(_)) if a.money.is_none() => return (0.0, Closeness::Far),
        _ => {}
    }
    match (a.percent, b.percent) {
        (Some(x), Some(y)) => {
            let Some(v) = note(closeness(x, y), 3.0) else { return (0.0, Closeness::Far) };
            s += v;
        }
        (Some(_), None) | (None, Some(_)) if a.money.is_none() && a.count.is_none() => return (0.0, Closeness::Far),
        _ => {}
    }
    // How much shared context the values need: a word right next to both
    // numbers ("prize money", "minute") and the words of their sentences.
    let tight = shares(&a.tight, &b.tight);
    let other_owners = a.money.is_none()
        && b.money.is_none()
        && !a.owners.is_empty()
        && !b.owners.is_empty()
        && !shares(&a.owners, &b.owners);
    let other_parties = (!a.ents.is_empty() && !b.ents.is_empty() && !shares32(&a.ents, &b.ents)) || other_owners;
    let dates_differ = matches!((&a.date, &b.date), (Some(x), Some(y)) if x.0 != y.0 && x.1 == y.1);
    let places_differ = matches!((a.place, b.place), (Some(x), Some(y)) if x != y);
    // Two changes from one earlier value ("to 5% from 20%", "from 20 per cent
    // to 8 per cent") are one change told two ways.
    let same_change = a.from.is_some() && a.from == b.from;
    let enough = match worst {
        _ if dates_differ => false,
        _ if places_differ && worst != Closeness::Equal => false,
        _ if distant => !other_parties && tight && overlap >= 0.3,
        _ if same_change && !other_parties && overlap >= 0.1 => true,
        Closeness::Equal => (tight || overlap >= 0.15) && (!other_parties || overlap >= 0.3),
        // Close sums one named party commits to in both ("X said it would
        // contribute 20 billion won", "X pledged ₩25bn") are one pledge told twice.
        Closeness::Close => {
            let same_party = shares32(&a.parties, &b.parties) && overlap >= 0.2;
            // Sums of money, and counts past the small numbers, need less context
            // to differ: "US$250 million" and "$205 million" insured, "17" and
            // "at least 19" dead. Shares are often close by chance ("5.1 percent",
            // "5.2 percent"), and so are small counts ("two days", "three days").
            let (tight_min, loose_min) = if a.percent.is_none() && (a.money.is_some() || big_count(a) && big_count(b)) {
                (0.08, 0.35)
            } else {
                (0.15, 0.45)
            };
            !other_parties
                && ((tight && (overlap >= tight_min || a.sole && b.sole)) || overlap >= loose_min || same_party)
        }
        Closeness::Far => !other_parties && tight && overlap >= 0.6,
    };
    if !enough {
        return (0.0, worst);
    }
    if matches!((&a.date, &b.date), (Some(x), Some(y)) if x == y) {
        s += 2.0;
    }
    if a.noun.is_some() && a.noun == b.noun {
        s += 1.0;
    }
    if tight {
        s += 1.0;
    }
    // Linked pairs always score above zero; the ranking prefers equal values
    // and more shared context.
    (1.0 + s + overlap * 6.0, worst)
}

/// A short label for a pledge: the clause from its first figure.
fn label(t: &Tokens, f: &RawFigure, last_tok: usize) -> String {
    let r = t.sentence_of(f.toks.0);
    let mut e = f.toks.1.max(last_tok);
    let stop = |i: usize| {
        t.toks[i].kind == Kind::Punct && matches!(t.text(i), "," | ";" | "." | "–" | "—" | "(" | ":" | "-" | "“" | "\"")
    };
    let mut words = 0;
    while e + 1 < r.end && !stop(e + 1) && words < 8 {
        e += 1;
        words += 1;
    }
    let s = t.toks[f.toks.0].start as usize;
    let end = t.toks[e].end as usize;
    let text = t.flat[s..end].split_whitespace().collect::<Vec<_>>().join(" ");
    crate::text::ellipsize(&text, 90)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    #[test]
    fn spending_target_is_a_pledge() {
        let lex = Lexicon::get();
        let d = extract(0, "These latest meetings come after the country set the path to spending 2.5% of GDP on defence from 2027, and a boost.", lex);
        let f = d.figures.iter().find(|f| f.kind == FigureKind::Percent).unwrap();
        assert!(is_commitment(&d.tokens, f, lex).0);
    }
}
