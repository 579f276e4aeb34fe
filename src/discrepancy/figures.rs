//! One pledge or quantity stated differently: in value ("41" vs "44"), or in
//! qualifier ("around 30" vs "over 30"). The same value in another form
//! ("€3.5 billion", "3.5 billion euros") is agreement, not a discrepancy. A
//! document that states one thing two ways contradicts itself, and is caught too.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::{doc_label, new, one_line};
use crate::analysis::Parts;
use crate::model::{Discrepancy, DiscrepancyKind, Figure, FigureGroup, FigureKind, Qualifier};
use crate::token::{flag, Kind, Tokens};

/// What a figure claims, for comparing: kind, value (dates by their text form),
/// unit class, qualifier.
#[derive(Debug, Clone, PartialEq)]
struct Claim {
    value: Option<f64>,
    date: Option<String>,
    qualifier: Option<Qualifier>,
    /// A converted amount, whose hedge (or its absence) is no claim.
    loose: bool,
}

fn claim(f: &Figure, headline: bool) -> Claim {
    // "over" and "more than" say the same thing; headlines drop hedges.
    let qualifier =
        if headline { None } else { f.qualifier.map(|q| if q == Qualifier::MoreThan { Qualifier::Over } else { q }) };
    Claim { value: f.value, date: f.date.clone(), qualifier, loose: false }
}

/// Whether figure `f` is an amount converted in brackets right after another
/// ("92 billion dong (about $3.6 million)"): an approximation by nature, whose
/// hedge says nothing against a report that leaves it out.
fn converted(a: &crate::analysis::Analysis, f: usize) -> bool {
    let fig = &a.figures[f];
    f > 0 && fig.kind == FigureKind::Money && {
        let prev = &a.figures[f - 1];
        prev.kind == FigureKind::Money
            && prev.span.doc() == fig.span.doc()
            && prev.span.end <= fig.span.start
            && a.corpus.docs[fig.span.doc()]
                .text
                .get(prev.span.end as usize..fig.span.start as usize)
                .is_some_and(|between| between.trim() == "(")
    }
}

/// Whether figure `f` ends a range ("a surge of 2 to 3 metres", "8-10
/// people", "between 40 and 50 homes"): its bound, which neither "up to 3
/// metres" nor a bare "3 metres" contradicts by its hedge.
fn range_end(a: &crate::analysis::Analysis, f: usize) -> bool {
    let fig = &a.figures[f];
    let Some(text) = a.corpus.docs.get(fig.span.doc()).map(|d| &*d.text) else { return false };
    let start = fig.span.start as usize;
    let mut from = start.saturating_sub(40);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..start).unwrap_or("").trim_end();
    let (rest, between) = if let Some(r) = before.strip_suffix(" to") {
        (r, false)
    } else if let Some(r) = before.strip_suffix(['-', '–']) {
        (r, false)
    } else if let Some(r) = before.strip_suffix(" and") {
        (r, true)
    } else {
        return false;
    };
    let rest = rest.trim_end();
    let low = rest.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let number = !low.is_empty() && low.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || crate::extract::numbers::word_value(&low.to_lowercase()).is_some();
    number && (!between || rest[..rest.len() - low.len()].trim_end().to_lowercase().ends_with("between"))
}

/// The place value of the last non-zero digit of a round number (45,000 -> 1,000).
fn precision(v: f64) -> f64 {
    let mut p = 1.0;
    while v != 0.0 && (v / (p * 10.0)).fract().abs() < 1e-9 && p < 1e15 {
        p *= 10.0;
    }
    if v.fract() != 0.0 {
        // 8.5 -> 0.1.
        let mut q = 1.0;
        while (v * q).fract().abs() > 1e-9 && q < 1e6 {
            q *= 10.0;
        }
        return 1.0 / q;
    }
    p
}

/// Whether two claims can both be true: the same value and hedging, or an
/// "about X" that the other value rounds to ("about 9 million" and "8.5 million"),
/// within a tenth of it ("around 10,000" is not "12,000").
fn consistent(x: &Claim, y: &Claim) -> bool {
    if x.date != y.date {
        return false;
    }
    match (x.value, y.value) {
        (Some(a), Some(b)) if a != b => {
            let rounded = |approx: &Claim, av: f64, exact: &Claim, ev: f64| {
                approx.qualifier == Some(Qualifier::Around)
                    && exact.qualifier.is_none()
                    && (av - ev).abs() <= precision(av) / 2.0 + 1e-9
                    && (av - ev).abs() <= av.abs().max(ev.abs()) / 10.0
            };
            rounded(x, a, y, b) || rounded(y, b, x, a)
        }
        _ => x.qualifier == y.qualifier || x.loose || y.loose,
    }
}

/// Compares the figures of each pledge and quantity, kind by kind.
pub fn find(p: &Parts<'_>) -> Vec<Discrepancy> {
    let a = p.analysis;
    let changes = stated_changes(p);
    let mut found: Vec<(Discrepancy, Vec<(u32, u64)>)> = Vec::new();
    let groups =
        a.pledges.iter().enumerate().map(|(gi, g)| (g, Some(gi))).chain(a.quantities.iter().map(|g| (g, None)));
    for (g, pledge) in groups {
        for d in compare(p, g, pledge, &changes) {
            // Each document's value among the spans shown.
            let mut values: Vec<(u32, u64)> = g
                .figures
                .iter()
                .map(|&f| &a.figures[f])
                .filter(|f| d.spans.contains(&f.span))
                .filter_map(|f| Some((f.span.doc, f.value?.to_bits())))
                .collect();
            values.sort_unstable();
            values.dedup();
            found.push((d, values));
        }
    }
    // A conflict that repeats a larger one goes: "DKK 412 (a, d) vs 406.60
    // crowns (b)" beside "DKK 412 (a, c, d) vs DKK 421 (b)", where a report
    // that gives one figure twice lends the second to another of b's numbers.
    // Its documents are among the larger one's, the value most of them give is
    // the same, and the documents that differ differ there too.
    let values: Vec<&[(u32, u64)]> = found.iter().map(|(_, v)| v.as_slice()).collect();
    let echo = echoes(&values);
    found.into_iter().zip(echo).filter(|(_, e)| !e).map(|((d, _), _)| d).collect()
}

/// For each conflict (its (document, value) pairs, sorted), whether it repeats
/// a larger one: see [`find`].
fn echoes(values: &[&[(u32, u64)]]) -> Vec<bool> {
    // Each conflict's documents and the value most of them give, and the
    // conflicts by (that value, document), to find the larger of two quickly.
    let shapes: Vec<(Vec<u32>, Option<u64>)> = values.iter().map(|v| (docs_of(v), majority(v))).collect();
    let mut by_value_doc: FxHashMap<(u64, u32), Vec<usize>> = FxHashMap::default();
    for (j, (docs, m)) in shapes.iter().enumerate() {
        if let Some(m) = m {
            for &d in docs {
                by_value_doc.entry((*m, d)).or_default().push(j);
            }
        }
    }
    (0..values.len())
        .map(|i| {
            let (mine, Some(m)) = &shapes[i] else { return false };
            let mine_values = values[i];
            by_value_doc.get(&(*m, mine[0])).into_iter().flatten().any(|&j| {
                let (theirs, _) = &shapes[j];
                let other = values[j];
                j != i
                    && theirs.len() > mine.len()
                    && mine.iter().all(|d| theirs.contains(d))
                    && mine_values
                        .iter()
                        .filter(|x| x.1 != *m)
                        .all(|x| other.iter().any(|o| o.0 == x.0 && o.1 != *m) && !other.contains(&(x.0, *m)))
            })
        })
        .collect()
}

/// The documents of (document, value) pairs sorted by document.
fn docs_of(v: &[(u32, u64)]) -> Vec<u32> {
    let mut d: Vec<u32> = v.iter().map(|x| x.0).collect();
    d.dedup();
    d
}

/// The value most documents give, when one does.
fn majority(v: &[(u32, u64)]) -> Option<u64> {
    let mut count: Vec<(u64, usize)> = Vec::new();
    for &(_, x) in v {
        match count.iter_mut().find(|c| c.0 == x) {
            Some(c) => c.1 += 1,
            None => count.push((x, 1)),
        }
    }
    count.sort_unstable_by_key(|c| std::cmp::Reverse(c.1));
    match count.as_slice() {
        [(x, n1), (_, n2), ..] if n1 > n2 => Some(*x),
        [(x, _)] => Some(*x),
        _ => None,
    }
}

/// Changes that a report states with bare numbers ("the number of people killed
/// has risen to 14 from 11", "rises to nine from seven"), as pairs of value
/// bits in both orders: the two values are one figure revised, wherever they
/// are stated with their noun.
fn stated_changes(p: &Parts<'_>) -> BTreeSet<(u64, u64)> {
    let value = |t: &Tokens, i: usize| -> Option<f64> {
        let tok = t.toks.get(i)?;
        match tok.kind {
            Kind::Number => crate::extract::numbers::parse_digits(t.text(i)),
            Kind::Word => crate::extract::numbers::word_value(t.key(i)),
            _ => None,
        }
    };
    let mut out = BTreeSet::new();
    for de in p.docs {
        let t = &de.tokens;
        for i in 2..t.len().saturating_sub(1) {
            if t.key(i) != "from" {
                continue;
            }
            // "to 14 from 11" and "from 11 to 14".
            let pair = if t.key(i - 2) == "to" {
                value(t, i - 1).zip(value(t, i + 1))
            } else if t.key(i + 2) == "to" {
                value(t, i + 3).zip(value(t, i + 1))
            } else {
                None
            };
            let Some((new, old)) = pair.filter(|(n, o)| n != o) else { continue };
            let r = t.sentence_of(i);
            let moved = (r.start..i).any(|k| CHANGE_WORDS.contains(&t.key(k)));
            if moved {
                out.insert((new.to_bits(), old.to_bits()));
                out.insert((old.to_bits(), new.to_bits()));
            }
        }
    }
    out
}

/// Whether two values are one figure revised, as a document says: it states
/// two values in one sentence that says which came before ("1,610 excess deaths, up
/// from the preliminary estimate of 1,240"), or calls its own value the revised
/// one ("the revised figure is 452").
fn revised(a: &crate::analysis::Analysis, fx: &[usize], fy: &[usize], marks: &RevisionMarks) -> bool {
    let says_earlier = |f: usize| marks.get(&f).is_some_and(|m| m.0);
    // The other values of its kind stated in a figure's sentence.
    let beside = |x: usize| -> Vec<Option<f64>> {
        let f0 = &a.figures[x];
        // Figures are in reading order: this document's are one run.
        let from = a.figures.partition_point(|f| f.span.doc < f0.span.doc);
        a.figures[from..]
            .iter()
            .take_while(|f| f.span.doc == f0.span.doc)
            .filter(|f| f.sentence == f0.sentence && f.kind == f0.kind && f.value != f0.value)
            .map(|f| f.value)
            .collect()
    };
    let (vx, vy) = (a.figures[fx[0]].value, a.figures[fy[0]].value);
    let both = if vx == vy {
        // The same number hedged differently, where one is the value an update replaced.
        fx.iter().chain(fy).any(|&x| says_earlier(x) && !beside(x).is_empty())
    } else {
        // A document that states both values, saying which came before.
        fx.iter().any(|&x| says_earlier(x) && beside(x).contains(&vy))
            || fy.iter().any(|&y| says_earlier(y) && beside(y).contains(&vx))
    };
    both || fx.iter().chain(fy).any(|f| marks.get(f).is_some_and(|m| m.1))
}

/// For the figures whose sentence says so: (it says which value came before, it
/// calls a value revised). Worked out once per set of figures compared.
type RevisionMarks = BTreeMap<usize, (bool, bool)>;

fn revision_marks(a: &crate::analysis::Analysis, figs: &[usize]) -> RevisionMarks {
    let says = |b: &[u8], words: &[&str]| {
        words.iter().any(|w| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w.as_bytes())))
    };
    figs.iter()
        .filter_map(|&f| {
            let fig = &a.figures[f];
            let text = a.corpus.docs[fig.span.doc()].text.get(fig.sentence.0 as usize..fig.sentence.1 as usize);
            let b = text.unwrap_or("").as_bytes();
            let earlier = says(
                b,
                &["up from", "down from", "preliminary", "compared with", "compared to", "initially", "revised"],
            ) || (says(b, &[" from "])
                // "would increase its fund to ₩60 billion from ₩45 billion": with
                // the other value in the sentence (see `revised`), a stated change.
                && says(
                    b,
                    &[
                        "increase", "raise", "raising", "lift", "boost", "cut ", "cutting", "reduce", "reducing",
                        "lower", "rose ", "risen", "rising", "fell ", "fallen", "grew", "grown", "climbed",
                    ],
                ));
            // A value that has grown since: "has now repaid a total of €5.3 million,
            // after a further transfer".
            let revised = says(b, &["revised", "updated figure", "updated estimate"])
                || says(b, &["has now ", "have now ", "now stands at", "now totals"]) && says(b, &["total", "further"]);
            (earlier || revised).then_some((f, (earlier, revised)))
        })
        .collect()
}

/// Whether a figure stands in a title-case headline.
fn in_headline(p: &Parts<'_>, f: &Figure) -> bool {
    let t = &p.docs[f.span.doc()].tokens;
    let i = t.toks.partition_point(|x| x.start < f.span.start);
    t.toks.get(i).is_some_and(|x| x.has(crate::token::flag::HEADLINE))
}

/// A figure's sentence on one line, shortened, as evidence.
fn sentence_line(a: &crate::analysis::Analysis, f: &Figure) -> String {
    let s = f.sentence;
    let text = a.corpus.docs[f.span.doc()].text.get(s.0 as usize..s.1 as usize).unwrap_or("");
    crate::text::ellipsize(&crate::report::one_line(text), 100)
}

/// The first and last token of a figure.
fn toks_of(t: &Tokens, f: &Figure) -> Option<(usize, usize)> {
    let first = t.toks.partition_point(|x| x.start < f.span.start);
    let end = t.toks.partition_point(|x| x.start < f.span.end);
    (first < end).then(|| (first, end - 1))
}

/// Whether a date at tokens `first..=last` is page furniture, not a claim: the
/// date of a dateline ("VALMORA, March 3 (Agency) - ...") or a line near the top
/// that only dates the article ("Published 4 May 2026, 09:14").
fn furniture_date(t: &Tokens, (first, last): (usize, usize)) -> bool {
    let line_start = (0..=first).rev().find(|&i| i == 0 || t.toks[i].has(flag::BREAK_BEFORE)).unwrap_or(0);
    let line_end = (last + 1..t.len()).find(|&i| t.toks[i].has(flag::BREAK_BEFORE)).unwrap_or(t.len());
    let dash_after = (last + 1..line_end.min(last + 12))
        .any(|j| matches!(t.text(j), "-" | "–" | "—") && t.toks[j].has(flag::SPACE_BEFORE));
    if first - line_start <= 6 && t.is_punct(first.wrapping_sub(1), ',') && dash_after {
        return true;
    }
    let lines_before = (0..line_start).filter(|&i| t.toks[i].has(flag::BREAK_BEFORE)).count();
    lines_before <= 6 && line_end - line_start <= 10 && !t.is_punct(line_end - 1, '.')
}

fn compare(p: &Parts<'_>, g: &FigureGroup, pledge: Option<usize>, changes: &BTreeSet<(u64, u64)>) -> Vec<Discrepancy> {
    let a = p.analysis;
    let mut out = Vec::new();
    let mut by_kind: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
    for &f in &g.figures {
        by_kind.entry(a.figures[f].kind.as_str()).or_default().push(f);
    }
    for (kind, figs) in by_kind {
        if figs.len() < 2 {
            continue;
        }
        // Counts in one group may count different things ("missiles" and "jobs"):
        // compare those with the same counted noun only.
        let mut sets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &f in &figs {
            let fig = &a.figures[f];
            let key = if fig.kind == FigureKind::Count {
                fig.unit.as_deref().and_then(|u| u.split_whitespace().last()).map(singular).unwrap_or_default()
            } else {
                fig.unit.clone().unwrap_or_default()
            };
            sets.entry(key).or_default().push(f);
        }
        for figs in sets.values().filter(|v| v.len() >= 2) {
            // Distinct claims, each with the figures that make it.
            let mut claims: Vec<(Claim, Vec<usize>)> = Vec::new();
            for &f in figs {
                let mut c = claim(&a.figures[f], in_headline(p, &a.figures[f]));
                c.loose = converted(a, f) || range_end(a, f);
                match claims.iter_mut().find(|(x, _)| *x == c) {
                    Some((_, v)) => v.push(f),
                    None => claims.push((c, vec![f])),
                }
            }
            if claims.len() < 2 {
                continue;
            }
            // Pairs of claims that cannot both be true, from different documents
            // (or within one document, when the numbers themselves differ).
            let mut conflict = false;
            let mut values_differ = false;
            let marks = revision_marks(a, figs);
            for (x, (cx, fx)) in claims.iter().enumerate() {
                for (cy, fy) in &claims[x + 1..] {
                    if consistent(cx, cy) {
                        continue;
                    }
                    let docs_x: Vec<usize> = fx.iter().map(|&f| a.figures[f].span.doc()).collect();
                    let cross = fy.iter().any(|&f| docs_x.iter().any(|&d| d != a.figures[f].span.doc()));
                    let numbers = cx.value != cy.value || cx.date != cy.date;
                    // Two values that the same reports all state are two parts of
                    // the thing ("a €475 million fine and the confiscation of €300
                    // million"), not two accounts of it.
                    let set = |fs: &[usize]| fs.iter().map(|&f| a.figures[f].span.doc()).collect::<BTreeSet<usize>>();
                    let parts = set(fx).len() >= 2 && set(fx) == set(fy);
                    let changed =
                        cx.value.zip(cy.value).is_some_and(|(x, y)| changes.contains(&(x.to_bits(), y.to_bits())));
                    // Two conversions of two different amounts ("¥25 billion (about
                    // US$167 million)", "¥32 billion ($213 million)") differ because
                    // the amounts do, which is the discrepancy to show.
                    let source = |fs: &[usize]| -> Option<f64> {
                        fs.iter().all(|&f| converted(a, f)).then(|| a.figures[fs[0] - 1].value).flatten()
                    };
                    let conversions = matches!((source(fx), source(fy)), (Some(x), Some(y)) if x != y);
                    // "The third day of the strike" is the fourth a day later: an
                    // ordinal count of days or weeks says when a report was written.
                    let running = |fs: &[usize]| fs.iter().all(|&f| ordinal_of_time(a, f));
                    let days_on = running(fx) && running(fy);
                    // One sentence that gives two values ("of the 3,112 members
                    // eligible, 2,740 members voted") states a part of a whole:
                    // no conflict when every statement of one value stands in a
                    // sentence that states the other.
                    let beside = |fs: &[usize], gs: &[usize]| {
                        fs.iter().all(|&f| {
                            let f = &a.figures[f];
                            gs.iter().any(|&g| {
                                let g = &a.figures[g];
                                g.span.doc() == f.span.doc() && g.sentence == f.sentence
                            })
                        })
                    };
                    let one_sentence = beside(fx, fy) || beside(fy, fx);
                    if (cross || numbers)
                        && !one_sentence
                        && !parts
                        && !changed
                        && !conversions
                        && !days_on
                        && !revised(a, fx, fy, &marks)
                    {
                        conflict = true;
                        values_differ |= numbers;
                    }
                }
            }
            if !conflict {
                continue;
            }
            // One representative text per claim, with the documents that make it.
            let variants: Vec<String> = claims
                .iter()
                .map(|(_, fs)| {
                    let mut docs: Vec<String> = fs.iter().map(|&f| doc_label(a, a.figures[f].span.doc())).collect();
                    docs.dedup();
                    format!("{} ({})", one_line(a, a.figures[fs[0]].span), docs.join(", "))
                })
                .collect();
            let mut d = new(
                DiscrepancyKind::Figure,
                variants.join(" vs "),
                figs.iter().map(|&f| a.figures[f].span).collect(),
                if values_differ { 0.9 } else { 0.6 },
            );
            d.pledge = pledge;
            d.details.push(format!("{}: {}", if pledge.is_some() { "pledge" } else { "figure" }, g.label));
            if values_differ {
                d.details.push(format!("the {kind} differs between documents"));
            } else {
                d.details.push("same number, different hedging (qualifier)".to_string());
            }
            // A document that states it two different ways.
            let mut per_doc: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
            for (c, fs) in &claims {
                for &f in fs {
                    per_doc.entry(a.figures[f].span.doc()).or_default().push(c);
                }
            }
            for (doc, cs) in per_doc {
                if cs.iter().any(|c| *c != cs[0]) {
                    d.details.push(format!("{} contradicts itself", doc_label(a, doc)));
                    d.score += 0.05;
                }
            }
            out.push(d);
        }
    }
    out
}

/// Whether figure `f` counts days or longer by an ordinal ("third day", "2nd
/// week"); not the minute of a match ("87th minute"), which is one moment.
fn ordinal_of_time(a: &crate::analysis::Analysis, f: usize) -> bool {
    let fig = &a.figures[f];
    fig.kind == FigureKind::Ordinal
        && matches!(
            fig.unit.as_deref().and_then(crate::extract::numbers::time_unit),
            Some("day" | "week" | "month" | "year")
        )
}

/// The counted noun's synonym group ("countries", "nations" -> "country").
fn singular(w: &str) -> String {
    let lex = crate::lexicon::Lexicon::get();
    let w = crate::text::fold(w);
    if let Some(g) = lex.synonyms.get(&w) {
        return g.clone();
    }
    let s = w.strip_suffix('s').unwrap_or(&w);
    lex.synonym_group(s).to_string()
}

/// (has a year, "MM-DD") of a date that names a day.
fn day_of(d: &str) -> Option<(bool, &str)> {
    let b = d.as_bytes();
    match b.len() {
        7 if d.starts_with("--") => Some((false, &d[2..])),
        10 if b[4] == b'-' && b[7] == b'-' => Some((true, &d[5..])),
        _ => None,
    }
}

/// The event words of a date: the content words that govern it ("arrested on
/// 21 March", "the outbreak was declared on 9 October", "last inspected the
/// plant in November 2024"), or that follow it in a clause that says what
/// happened then ("from 9 August, when he was first suspended"), as crude stems
/// ("suspension" and "suspended" are both "suspen").
fn event_words(t: &Tokens, (first, last): (usize, usize), lex: &crate::lexicon::Lexicon) -> Vec<String> {
    let r = t.sentence_of(first);
    let stem = |i: usize| -> Option<String> {
        let tok = &t.toks[i];
        let k = t.key(i);
        let generic = matches!(
            k,
            "year"
                | "years"
                | "month"
                | "months"
                | "week"
                | "weeks"
                | "day"
                | "days"
                | "last"
                | "first"
                | "next"
                | "earlier"
                | "later"
                | "date"
                | "time"
                | "since"
                | "from"
                | "until"
                | "after"
                | "before"
                | "when"
                // Verbs of timing say when, not what ("due to begin on").
                | "begin"
                | "begins"
                | "began"
                | "start"
                | "starts"
                | "started"
                | "due"
                | "expected"
                | "scheduled"
                | "held"
                | "take"
                | "takes"
                | "took"
                | "place"
                | "effect"
        );
        if tok.kind != Kind::Word
            || k.len() < 3
            || generic
            || tok.has(flag::CAP)
            || lex.function.contains(k)
            || matches!(k, "said" | "says" | "told" | "added" | "stated" | "according")
            || crate::extract::numbers::month_number(k).is_some()
            || crate::extract::numbers::is_number_word(k)
        {
            return None;
        }
        let mut w = k;
        for suf in ["ation", "ion", "ment", "ing", "ed", "es", "s", "e"] {
            if let Some(x) = w.strip_suffix(suf).filter(|x| x.len() >= 4) {
                w = x;
                break;
            }
        }
        Some(w.chars().take(6).collect())
    };
    let stop =
        |i: usize| t.toks[i].kind == Kind::Punct && matches!(t.text(i), ";" | ":" | "(" | ")" | "\"" | "“" | "”");
    let mut out = Vec::new();
    // "the next hearing on 12 June", "a second inspection in May": another
    // time the thing happens, which only the same word marks again ("the
    // previous record ... set in January 1996").
    let another = (r.start.max(first.saturating_sub(10))..first).map(|i| t.key(i)).find(|k| {
        matches!(*k, "next" | "previous" | "another" | "second" | "third" | "further" | "upcoming" | "new" | "final")
    });
    // Before: up to six content words back, within the clause ("arrested at a
    // rented flat in the old harbour district on"); a weekday written before the
    // date goes with it ("completed on Thursday, January 29").
    let mut i = first;
    let mut taken = 0;
    while i > r.start && taken < 6 && first - i < 13 {
        i -= 1;
        if t.is_punct(i, ',') && i == first - 1 && i > r.start && is_weekday(t.key(i - 1)) {
            i -= 1;
            continue;
        }
        // "The campaign, which began on March 23": the relative clause dates
        // what the noun before it names.
        if t.is_punct(i, ',') && matches!(t.key(i + 1), "which" | "that") && taken == 0 && i > r.start {
            continue;
        }
        if stop(i) || t.is_punct(i, ',') || t.is_punct(i, '.') {
            break;
        }
        // Another date before it dates what comes before it ("departed on 11
        // February and arrived on 2 March": "departed" is not the arrival's).
        let number = |k: usize| t.toks.get(k).is_some_and(|x| x.kind == Kind::Number);
        if crate::extract::numbers::month_number(t.text(i)).is_some() && (number(i + 1) || i > 0 && number(i - 1)) {
            break;
        }
        if let Some(w) = stem(i) {
            out.push(w);
            taken += 1;
        }
    }
    // After: the clause that follows, when the date opens its sentence or a
    // clause says what happened then.
    let opens = (r.start..first).all(|k| t.toks[k].kind == Kind::Word && lex.function.contains(t.key(k)));
    let mut j = last + 1;
    if t.is_punct(j, ',') {
        j += 1;
    }
    let relative = matches!(t.key(j), "when" | "the" | "after" | "as");
    if opens || relative {
        let mut taken = 0;
        while j < r.end && taken < 5 && j - last < 12 {
            if stop(j) || t.is_punct(j, '.') || (opens && t.is_punct(j, ',') && taken > 0) {
                break;
            }
            if let Some(w) = stem(j) {
                out.push(w);
                taken += 1;
            }
            j += 1;
        }
    }
    if let Some(m) = another {
        for w in &mut out {
            *w = format!("{m} {w}");
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A date as (year, month, day), each as written.
fn date_parts(d: &str) -> (Option<i32>, Option<u32>, Option<u32>) {
    let (year, rest) = match d.strip_prefix("--") {
        Some(r) => (None, r),
        None => (d.get(..4).and_then(|y| y.parse().ok()), d.get(5..).unwrap_or("")),
    };
    let mut it = rest.split('-');
    let month = it.next().and_then(|m| m.parse().ok());
    let day = it.next().and_then(|x| x.parse().ok());
    (year, month, day)
}

/// The year a day written without one stands for, among the dates of one
/// event: the year of the same day written with it ("14 March" beside "14
/// March 2019"), or else the one year all the others share.
fn with_years(dates: &[&str]) -> Vec<(Option<i32>, Option<u32>, Option<u32>)> {
    let parts: Vec<_> = dates.iter().map(|d| date_parts(d)).collect();
    let mut years: Vec<i32> = parts.iter().filter_map(|p| p.0).collect();
    years.sort_unstable();
    years.dedup();
    parts
        .iter()
        .map(|&(y, m, d)| {
            let same_day =
                parts.iter().find(|o| o.0.is_some() && o.1 == m && o.2 == d && d.is_some()).and_then(|o| o.0);
            (y.or(same_day).or(if years.len() == 1 { Some(years[0]) } else { None }), m, d)
        })
        .collect()
}

/// Whether two dates of one event cannot both be right, within four months of
/// each other: two different days, two different months of a year, or a month
/// and a day of another month.
fn dates_conflict(x: (Option<i32>, Option<u32>, Option<u32>), y: (Option<i32>, Option<u32>, Option<u32>)) -> bool {
    let ((yx, mx, dx), (yy, my, dy)) = (x, y);
    let (Some(mx), Some(my)) = (mx, my) else { return false };
    // A month and a day of another month ("March 2024", "21 May 2024") conflict;
    // a month and a day in it do not.
    if dx.is_some() != dy.is_some() {
        return match (yx, yy) {
            (Some(a), Some(b)) => {
                let (p, q) = (a * 12 + mx as i32, b * 12 + my as i32);
                p != q && (p - q).abs() <= 4
            }
            _ => false,
        };
    }
    if dx.is_none() && (yx.is_none() || yy.is_none()) {
        return false;
    }
    // The same month a year apart ("by July 2029", "by July 2028"): one
    // deadline, its year slipped.
    if dx.is_none() && dy.is_none() && mx == my && yx.zip(yy).is_some_and(|(a, b)| a.abs_diff(b) == 1) {
        return true;
    }
    // Without both years, the days of the year are compared.
    let both = yx.is_some() && yy.is_some();
    let days = |yr: Option<i32>, m: u32, d: Option<u32>| {
        let year = if both { yr.unwrap_or(0) } else { 0 };
        year * 372 + m as i32 * 31 + d.unwrap_or(1) as i32
    };
    let (a, b) = (days(yx, mx, dx), days(yy, my, dy));
    a != b && (a - b).abs() <= 124
}

fn is_weekday(k: &str) -> bool {
    matches!(k, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// One event dated differently: dates in two documents that the same event
/// word governs ("arrested on 21 March 2024", "after his arrest on 12 March"),
/// each the only date of that word in its document.
pub fn event_dates(p: &Parts<'_>) -> Vec<Discrepancy> {
    let a = p.analysis;
    let lex = crate::lexicon::Lexicon::get();
    // Event word -> document -> the dates it governs there.
    let mut by_word: BTreeMap<String, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
    for (i, f) in a.figures.iter().enumerate() {
        // A day, or a month of a year: a year alone dates no event.
        let Some((y, Some(_), d)) = f.date.as_deref().filter(|_| f.kind == FigureKind::Date).map(date_parts) else {
            continue;
        };
        if d.is_none() && y.is_none() {
            continue;
        }
        let t = &p.docs[f.span.doc()].tokens;
        let Some(r) = toks_of(t, f) else { continue };
        if in_headline(p, f) || furniture_date(t, r) {
            continue;
        }
        for w in event_words(t, r, lex) {
            by_word.entry(w).or_default().entry(f.span.doc()).or_default().push(i);
        }
    }
    // Candidate groups: the one date of each document that names the word.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for by_doc in by_word.values() {
        // Each document dates the event once; a word that dates many things is
        // no one event's.
        let date = |f: usize| a.figures[f].date.as_deref().unwrap_or("");
        let once: Vec<usize> =
            by_doc.values().filter_map(|fs| fs.iter().all(|&f| date(f) == date(fs[0])).then_some(fs[0])).collect();
        if once.len() < 2 || once.len() != by_doc.len() {
            continue;
        }
        let mut values: Vec<&str> = once.iter().map(|&f| date(f)).collect();
        values.sort_unstable();
        values.dedup();
        if values.len() > 4 {
            continue;
        }
        // Only the dates that conflict with another ("March 2024" does not
        // conflict with "12 March").
        let full = with_years(&once.iter().map(|&f| date(f)).collect::<Vec<_>>());
        let once: Vec<usize> = (0..once.len())
            .filter(|&x| {
                (0..once.len()).any(|y| {
                    // A month against a day of another month only with both years
                    // written ("until June 2028" gives "12 February" no year).
                    let (rx, ry) = (date_parts(date(once[x])), date_parts(date(once[y])));
                    dates_conflict(full[x], full[y])
                        && (rx.2.is_some() == ry.2.is_some() || (rx.0.is_some() && ry.0.is_some()))
                })
            })
            .map(|x| once[x])
            .collect();
        if once.len() >= 2 && !groups.contains(&once) {
            groups.push(once);
        }
    }
    // The word that dates the fewest different things first ("inspected" before
    // "plant"), then the one that more documents use; a date is in one group.
    let distinct = |g: &Vec<usize>| {
        let mut v: Vec<&str> = g.iter().map(|&f| a.figures[f].date.as_deref().unwrap_or("")).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    groups.sort_by_key(|g| (distinct(g), std::cmp::Reverse(g.len())));
    let mut used: BTreeSet<usize> = BTreeSet::new();
    let mut out = Vec::new();
    for once in groups {
        if once.iter().any(|f| used.contains(f)) {
            continue;
        }
        used.extend(once.iter().copied());
        out.push(dated_differently(a, &once, 0.7, "one event, dated differently"));
    }
    out.extend(days_apart(p, &used));
    out
}

/// The content words of a figure's sentence, stemmed (see [`event_words`]),
/// with the words of timing that say when something happened ("began").
fn sentence_stems(t: &Tokens, f: usize, lex: &crate::lexicon::Lexicon) -> BTreeSet<String> {
    let r = t.sentence_of(f);
    r.filter(|&i| {
        let k = t.key(i);
        t.toks[i].kind == Kind::Word
            && k.len() >= 3
            && !lex.function.contains(k)
            && !matches!(k, "said" | "says" | "told" | "added" | "stated" | "according")
            && crate::extract::numbers::month_number(t.text(i)).is_none()
            && !crate::extract::numbers::is_number_word(k)
            && !is_weekday(k)
    })
    .map(|i| {
        let mut w = t.key(i);
        for suf in ["ation", "ion", "ment", "ing", "ed", "es", "s", "e"] {
            if let Some(x) = w.strip_suffix(suf).filter(|x| x.len() >= 4) {
                w = x;
                break;
            }
        }
        w.chars().take(6).collect()
    })
    .collect()
}

/// The most documents that may give a day for [`days_apart`] to compare it.
const MAX_DOCS: usize = 12;

/// One event dated a day apart by two documents that share no word next to
/// the date ("The failure began at 8:47 a.m. on June 8", "The outage, which
/// began shortly before 9 a.m. on June 9"): neither document states the
/// other's day, and their two sentences share words.
fn days_apart(p: &Parts<'_>, used: &BTreeSet<usize>) -> Vec<Discrepancy> {
    let a = p.analysis;
    let lex = crate::lexicon::Lexicon::get();
    // The days each document states as claims: (doc, month, day) -> figures.
    let mut stated: BTreeMap<(usize, u32, u32), Vec<usize>> = BTreeMap::new();
    for (i, f) in a.figures.iter().enumerate() {
        let Some((_, Some(m), Some(d))) = f.date.as_deref().filter(|_| f.kind == FigureKind::Date).map(date_parts)
        else {
            continue;
        };
        let t = &p.docs[f.span.doc()].tokens;
        let Some(r) = toks_of(t, f) else { continue };
        if in_headline(p, f) || furniture_date(t, r) {
            continue;
        }
        stated.entry((f.span.doc(), m, d)).or_default().push(i);
    }
    // The documents giving each day; a day that many documents give is no one
    // event's date (and comparing them all would be quadratic in a large corpus).
    let mut by_day: BTreeMap<(u32, u32), Vec<usize>> = BTreeMap::new();
    for &(doc, m, d) in stated.keys() {
        by_day.entry((m, d)).or_default().push(doc);
    }
    let mut out = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut stems: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut stems_of = |f: usize| -> BTreeSet<String> {
        stems
            .entry(f)
            .or_insert_with(|| {
                let t = &p.docs[a.figures[f].span.doc()].tokens;
                toks_of(t, &a.figures[f]).map(|r| sentence_stems(t, r.0, lex)).unwrap_or_default()
            })
            .clone()
    };
    for (&(m, dx), docs_x) in &by_day {
        let Some(docs_y) = by_day.get(&(m, dx + 1)) else { continue };
        if docs_x.len() > MAX_DOCS || docs_y.len() > MAX_DOCS {
            continue;
        }
        let dy = dx + 1;
        for &da in docs_x {
            for &db in docs_y {
                if da == db || stated.contains_key(&(da, m, dy)) || stated.contains_key(&(db, m, dx)) {
                    continue;
                }
                let (fx, fy) = (stated[&(da, m, dx)][0], stated[&(db, m, dy)][0]);
                if used.contains(&fx) || used.contains(&fy) {
                    continue;
                }
                let year = |f: usize| date_parts(a.figures[f].date.as_deref().unwrap_or("")).0;
                if year(fx).is_some() && year(fy).is_some() && year(fx) != year(fy) {
                    continue;
                }
                if stems_of(fx).intersection(&stems_of(fy)).count() >= 2 {
                    pairs.push((fx, fy));
                }
            }
        }
    }
    // Pairs that share a date are one event's: "March 2" (a, c) vs "March 3" (b).
    let mut groups: Vec<BTreeSet<usize>> = Vec::new();
    for (fx, fy) in pairs {
        let hit: Vec<usize> =
            (0..groups.len()).filter(|&g| groups[g].contains(&fx) || groups[g].contains(&fy)).collect();
        let mut merged: BTreeSet<usize> = [fx, fy].into_iter().collect();
        for &g in hit.iter().rev() {
            merged.extend(groups.remove(g));
        }
        groups.push(merged);
    }
    for g in groups {
        let figs: Vec<usize> = g.into_iter().collect();
        out.push(dated_differently(a, &figs, 0.6, "one event dated a day apart: the sentences tell the same thing"));
    }
    out
}

/// A figure discrepancy for dates of one event: each way of writing it with the
/// documents that do ("9 August (a, b) vs 12 August (c)"), and each date's sentence.
fn dated_differently(a: &crate::analysis::Analysis, figs: &[usize], score: f64, why: &str) -> Discrepancy {
    let mut variants: Vec<(String, Vec<String>)> = Vec::new();
    for &f in figs {
        let text = one_line(a, a.figures[f].span);
        let doc = doc_label(a, a.figures[f].span.doc());
        match variants.iter_mut().find(|(v, _)| *v == text) {
            Some((_, docs)) => docs.push(doc),
            None => variants.push((text, vec![doc])),
        }
    }
    let summary: Vec<String> = variants.iter().map(|(v, docs)| format!("{v} ({})", docs.join(", "))).collect();
    let mut d =
        new(DiscrepancyKind::Figure, summary.join(" vs "), figs.iter().map(|&f| a.figures[f].span).collect(), score);
    d.details.push(why.to_string());
    for &f in figs {
        d.details.push(sentence_line(a, &a.figures[f]));
    }
    d
}

/// A pledge that only one document carries, when there are several documents.
pub fn single_source(p: &Parts<'_>) -> Vec<Discrepancy> {
    let a = p.analysis;
    if a.corpus.docs.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (gi, g) in a.pledges.iter().enumerate() {
        if g.docs.len() != 1 {
            continue;
        }
        let mut d = new(
            DiscrepancyKind::SingleSource,
            format!("only {} states: {}", doc_label(a, g.docs[0]), g.label),
            g.figures.iter().map(|&f| a.figures[f].span).collect(),
            0.2,
        );
        d.pledge = Some(gi);
        d.details.push(format!("no other of the {} documents mentions this commitment", a.corpus.docs.len()));
        out.push(d);
    }
    // Figures that no other document states, one discrepancy per sentence.
    let mut by_sentence: BTreeMap<(usize, u32), Vec<usize>> = BTreeMap::new();
    for (i, f) in a.figures.iter().enumerate() {
        if !matches!(f.kind, FigureKind::Money | FigureKind::Count | FigureKind::Percent | FigureKind::Duration)
            || f.pledge.is_some()
        {
            continue;
        }
        let alone = f.quantity.is_none_or(|q| a.quantities[q].docs.len() < 2);
        let t = &p.docs[f.span.doc()].tokens;
        // "down from 29" is last time's value, given for comparison.
        let earlier = toks_of(t, f).is_some_and(|r| crate::pledge::earlier_value(t, r));
        if alone && !earlier && !in_headline(p, f) {
            by_sentence.entry((f.span.doc(), f.sentence.0)).or_default().push(i);
        }
    }
    // A sentence that restates an earlier one of its document (a headline in
    // sentence case, then the first paragraph) adds its spans to that one.
    let mut said: BTreeMap<(usize, Vec<String>), usize> = BTreeMap::new();
    for ((doc, _), figs) in by_sentence {
        let texts: Vec<String> = figs.iter().map(|&f| one_line(a, a.figures[f].span)).collect();
        if let Some(&k) = said.get(&(doc, texts.clone())) {
            let d: &mut Discrepancy = &mut out[k];
            d.spans.extend(figs.iter().map(|&f| a.figures[f].span));
            continue;
        }
        said.insert((doc, texts.clone()), out.len());
        let sentence = sentence_line(a, &a.figures[figs[0]]);
        let mut d = new(
            DiscrepancyKind::SingleSource,
            format!("only {} states {}", doc_label(a, doc), texts.join(", ")),
            figs.iter().map(|&f| a.figures[f].span).collect(),
            0.1,
        );
        d.details.push(sentence);
        out.push(d);
    }
    // Dates that no other document gives ("a hearing set for October 6"). A
    // day without its year ("--10-06") is given by a document that writes it
    // with the year, and the other way round.
    let mut dates: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut days: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for f in a.figures.iter().filter(|f| f.kind == FigureKind::Date) {
        if let Some(d) = f.date.as_deref() {
            dates.entry(d).or_default().insert(f.span.doc());
            if let Some((_, md)) = day_of(d) {
                days.entry(md).or_default().insert(f.span.doc());
            }
        }
    }
    for f in a.figures.iter().filter(|f| f.kind == FigureKind::Date && f.pledge.is_none()) {
        let Some(date) = f.date.as_deref() else { continue };
        let givers = match day_of(date) {
            // Without a year: any document giving that day. With one: the same
            // date, or the day without a year.
            Some((false, md)) => days[md].len(),
            Some((true, md)) => {
                let mut g = dates[date].clone();
                if let Some(without_year) = dates.get(format!("--{md}").as_str()) {
                    g.extend(without_year);
                }
                g.len()
            }
            None => dates[date].len(),
        };
        let t = &p.docs[f.span.doc()].tokens;
        if givers != 1 || in_headline(p, f) || toks_of(t, f).is_some_and(|r| furniture_date(t, r)) {
            continue;
        }
        let doc = f.span.doc();
        let sentence = sentence_line(a, f);
        let mut d = new(
            DiscrepancyKind::SingleSource,
            format!("only {} gives the date {}", doc_label(a, doc), one_line(a, f.span)),
            vec![f.span],
            0.1,
        );
        d.details.push(sentence);
        out.push(d);
    }
    // People quoted in only one document.
    let mut by_speaker: BTreeMap<usize, Vec<&crate::model::Quote>> = BTreeMap::new();
    for q in &a.quotes {
        if let Some(s) = q.speaker {
            by_speaker.entry(s).or_default().push(q);
        }
    }
    for (&e, quotes) in &by_speaker {
        let ent = &a.entities[e];
        if ent.kind != crate::model::EntityKind::Person || ent.doc_count != 1 {
            continue;
        }
        let mut d = new(
            DiscrepancyKind::SingleSource,
            format!("only {} quotes {}", doc_label(a, ent.mentions[0].doc()), ent.name),
            quotes.iter().map(|q| q.span).collect(),
            0.15,
        );
        d.entity = Some(e);
        out.push(d);
    }
    out
}

/// Whether two counts are close enough to be one number misstated rather than
/// two things: within a fifth of each other ("1,150" and "1,250", "22" and
/// "24"), the same digits in another order ("3,200" and "2,300"), or, below
/// ten, within two ("seven" and "eight", "seven" and "nine").
fn near_miss(x: f64, y: f64) -> bool {
    let (lo, hi) = if x < y { (x, y) } else { (y, x) };
    if lo <= 0.0 || lo == hi || x.fract() != 0.0 || y.fract() != 0.0 {
        return false;
    }
    hi / lo <= 1.2 || crate::pledge::digits_swapped(lo, hi) || (hi < 10.0 && hi - lo <= 2.0)
}

/// Words that make a count a part, a change or another time's value, not the
/// document's figure for the whole: "the first six jets", "rose to 44" (and
/// the linker's part words, "another 40 workers").
const NOT_THE_WHOLE: &[&str] = &[
    "first", "last", "more", "new", "former", "previous", "of", "to", "from", "by", "only", "just", "each", "per",
    "every",
];

/// Whether "of" before token `i` makes the figure there a whole's part ("six of
/// 40 workers", "most of 14 batches"), not what is counted ("the recall of 14
/// batches", "a total of 41 people").
fn part_of(t: &Tokens, i: usize) -> bool {
    i >= 2 && {
        let k = t.key(i - 2);
        t.toks[i - 2].kind == Kind::Number
            || crate::extract::numbers::is_number_word(k)
            || matches!(k, "some" | "most" | "many" | "all" | "half" | "none" | "several" | "few" | "each" | "any")
    }
}

/// Words just before a figure that say it moved or belongs to another time:
/// "has since risen to", "was initially".
const CHANGE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "climbed",
    "increased",
    "grew",
    "grown",
    "fell",
    "fallen",
    "falls",
    "dropped",
    "declined",
    "reduced",
    "raised",
    "now",
    "later",
    "earlier",
    "initially",
    "originally",
    "previously",
    "since",
    "until",
    "planned",
    "target",
    "expected",
    "instead",
];

/// Whether figure `y` of a document can belong to the owner of figure `x`, the
/// one linked to other documents: the capitalised words of `y`'s clause before
/// it, weekdays and names that own nothing aside (`people`: byte ranges of this
/// document's people, places and main organisation), are none, or shared with
/// `x`'s ("The Civic Alliance ... 25 seats" and "The Social Democratic Union ...
/// 22 seats" are two owners; "Ottilie's 1,150 employees" and "her 1,250 staff"
/// may be one).
fn owners_agree(
    t: &Tokens,
    people: &[(u32, u32)],
    places: &BTreeSet<String>,
    x: Option<(usize, usize)>,
    y: Option<(usize, usize)>,
) -> bool {
    let named_person = |i: usize| {
        let at = t.toks[i].start;
        let k = people.partition_point(|p| p.1 <= at);
        people.get(k).is_some_and(|p| p.0 <= at)
    };
    let lex = crate::lexicon::Lexicon::get();
    let owners = |r: Option<(usize, usize)>| -> BTreeSet<&str> {
        let Some((first, _)) = r else { return BTreeSet::new() };
        let start = t.sentence_of(first).start;
        let clause_start = |mut from: usize| {
            while from > start && first - from < 20 && !matches!(t.text(from - 1), "," | ";" | ":" | "(" | ")") {
                from -= 1;
            }
            from
        };
        let mut from = clause_start(first);
        // A clause that describes the one before it ("The Pilots' Association,
        // with 4,800 members") belongs to that one's owner.
        if from > start + 1 && matches!(t.key(from), "with" | "which" | "who" | "whose") {
            from = clause_start(from - 1);
        }
        (from..first)
            .filter(|&i| {
                t.toks[i].kind == Kind::Word
                    && t.toks[i].has(flag::CAP)
                    && i != start
                    && !named_person(i)
                    && !lex.function.contains(t.key(i))
                    && crate::extract::numbers::month_number(t.text(i)).is_none()
                    && !is_weekday(t.key(i))
                    // Places and their peoples are background ("South Korea will
                    // scrap duties on 95%", "the Korean tariff cuts cover 90%").
                    && !lex.demonyms.contains_word(t.key(i))
                    && !lex.place_names.contains_word(t.key(i))
                    && !places.contains(t.key(i))
            })
            .map(|i| t.key(i))
            .collect()
    };
    let (ox, oy) = (owners(x), owners(y));
    oy.is_empty() || !ox.is_disjoint(&oy)
}

/// The content words within four tokens of a figure, in its sentence: what
/// the amount is for.
fn words_near(t: &Tokens, r: Option<(usize, usize)>) -> Vec<&str> {
    let Some((a, b)) = r else { return Vec::new() };
    let lex = crate::lexicon::Lexicon::get();
    let s = t.sentence_of(a);
    (a.saturating_sub(4).max(s.start)..(b + 5).min(s.end))
        .filter(|&k| (k < a || k > b) && t.toks[k].kind == Kind::Word && !t.toks[k].has(flag::CAP))
        .map(|k| t.key(k))
        .filter(|w| {
            w.len() >= 4
                && !lex.function.contains(*w)
                && !matches!(*w, "million" | "billion" | "trillion" | "about" | "some" | "around" | "said" | "would")
                && lex.currencies.longest_with(1, |_| *w).is_none()
        })
        .collect()
}

/// What a figure within one document states, to compare it with another.
enum Stated {
    /// The counted noun's words, each in its synonym group.
    Count(Vec<String>),
    /// The currency.
    Money(String),
    /// The two first words of what the percentage is a share of.
    Share(String),
}

impl Stated {
    fn same(&self, other: &Stated) -> bool {
        match (self, other) {
            // The same noun, or one noun the head of the other's ("22 crew",
            // "24 crew members").
            (Stated::Count(x), Stated::Count(y)) => {
                x.last() == y.last()
                    || (x.len() == 1 && y.first() == x.first())
                    || (y.len() == 1 && x.first() == y.first())
            }
            (Stated::Money(x), Stated::Money(y)) | (Stated::Share(x), Stated::Share(y)) => x == y,
            _ => false,
        }
    }
}

/// Two whole numbers written with the same digits but one, which is not the
/// first ("1,400" and "1,100"; "92" and "98"): a likely slip of one digit.
fn one_digit_changed(x: f64, y: f64) -> bool {
    if x.fract() != 0.0 || y.fract() != 0.0 || x == y || x < 10.0 || y < 10.0 || x > 1e15 || y > 1e15 {
        return false;
    }
    let (mut x, mut y) = (x as u64, y as u64);
    while x % 10 == 0 && y % 10 == 0 {
        x /= 10;
        y /= 10;
    }
    let (dx, dy) = (x.to_string(), y.to_string());
    dx.len() == dy.len()
        && dx.len() >= 2
        && dx.as_bytes()[0] == dy.as_bytes()[0]
        && dx.bytes().zip(dy.bytes()).filter(|(p, q)| p != q).count() == 1
}

/// A document that gives one count two different values, in two sentences
/// with no word of change between them: "Ottilie's 1,150 employees" and later
/// "her 1,250 staff". The linker puts one figure per document into a group,
/// so the second value is found here, within the document.
pub fn within_documents(p: &Parts<'_>) -> Vec<Discrepancy> {
    let a = p.analysis;
    let mut out = Vec::new();
    // What owns no amount of a document: the people and places it names
    // ("Officials in Khovd said the $570,000 grant"), and the organisation it
    // names most, which it is about ("Vantor must pay back €41.2 million").
    let mut people: Vec<Vec<(u32, u32)>> = vec![Vec::new(); a.corpus.docs.len()];
    let mut most: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); a.corpus.docs.len()];
    for (e, ent) in a.entities.iter().enumerate() {
        for m in &ent.mentions {
            match ent.kind {
                crate::model::EntityKind::Organisation => *most[m.doc()].entry(e).or_default() += 1,
                _ => people[m.doc()].push((m.start, m.end)),
            }
        }
    }
    for (d, counts) in most.iter().enumerate() {
        let top = counts.values().copied().max().unwrap_or(0);
        let mut tops = counts.iter().filter(|(_, &n)| n == top && n >= 2);
        if let (Some((&e, _)), None) = (tops.next(), tops.next()) {
            people[d].extend(a.entities[e].mentions.iter().filter(|m| m.doc() == d).map(|m| (m.start, m.end)));
        }
    }
    for v in &mut people {
        v.sort_unstable();
    }
    // The words of the places the corpus names, wherever they stand.
    let places: BTreeSet<String> = a
        .entities
        .iter()
        .filter(|e| e.kind == crate::model::EntityKind::Place)
        .flat_map(|e| e.name.split_whitespace().map(crate::text::fold).collect::<Vec<_>>())
        .collect();
    // Organisations and places by where their mentions end, per document, for
    // the owner of an amount ("the World Bank's $800 million").
    let mut owners: Vec<Vec<(u32, usize)>> = vec![Vec::new(); a.corpus.docs.len()];
    for (e, ent) in a.entities.iter().enumerate().filter(|(_, e)| e.kind != crate::model::EntityKind::Person) {
        for m in &ent.mentions {
            owners[m.doc()].push((m.end, e));
        }
    }
    for v in &mut owners {
        v.sort_unstable();
    }
    let owner_of = |f: &Figure| -> Option<usize> {
        let text = a.corpus.docs.get(f.span.doc())?.text.as_ref();
        let before = text.get(..f.span.start as usize)?;
        let rest = before.strip_suffix("'s ").or_else(|| before.strip_suffix("’s "))?;
        let v = &owners[f.span.doc()];
        let i = v.partition_point(|x| (x.0 as usize) < rest.len());
        v.get(i).filter(|x| x.0 as usize == rest.len()).map(|x| x.1)
    };
    let mut from = 0;
    while from < a.figures.len() {
        let doc = a.figures[from].span.doc();
        let to = from + a.figures[from..].partition_point(|f| f.span.doc() == doc);
        let t = &p.docs[doc].tokens;
        let group_of = |f: &Figure| f.pledge.map(|g| (true, g)).or(f.quantity.map(|g| (false, g)));
        // A word of change among the five before the figure, within its sentence.
        let changes = |r: (usize, usize)| {
            let s = t.sentence_of(r.0).start.max(r.0.saturating_sub(5));
            (s..r.0).any(|i| CHANGE_WORDS.contains(&t.key(i)))
        };
        // Linked to the same thing in another document.
        let shared = |f: &Figure| match group_of(f) {
            Some((true, g)) => a.pledges[g].docs.len() > 1,
            Some((false, g)) => a.quantities[g].docs.len() > 1,
            None => false,
        };
        // The counts that state a whole: not hedged upwards or downwards, not a
        // part or an earlier value, not in a headline.
        let counts: Vec<(usize, Stated)> = (from..to)
            .filter_map(|i| {
                let f = &a.figures[i];
                let r = toks_of(t, f)?;
                let before = t.key(r.0.checked_sub(1)?);
                let whole = f.value.is_some_and(|v| v >= if f.kind == FigureKind::Count { 3.0 } else { 1.0 })
                    && !matches!(f.qualifier, Some(Qualifier::UpTo | Qualifier::Under))
                    && !crate::pledge::PART_WORDS.contains(&before)
                    && (!NOT_THE_WHOLE.contains(&before) || (before == "of" && !part_of(t, r.0)))
                    && !crate::pledge::earlier_value(t, r)
                    && !in_headline(p, f)
                    && !changes(r);
                let stated = match f.kind {
                    FigureKind::Count => {
                        // A capitalised word after a number names something ("on 23 Level").
                        let words: Vec<String> = f.unit.as_deref()?.split_whitespace().map(singular).collect();
                        (!t.toks[r.1].has(flag::CAP)).then_some(Stated::Count(words))?
                    }
                    FigureKind::Money => Stated::Money(f.unit.clone()?),
                    // "95% of farm products": a share of what follows "of".
                    FigureKind::Percent if t.key(r.1 + 1) == "of" => {
                        let what: Vec<&str> = (r.1 + 2..r.1 + 6)
                            .filter(|&k| t.toks.get(k).is_some_and(|x| x.kind == Kind::Word))
                            .map(|k| t.key(k))
                            .filter(|w| !crate::lexicon::Lexicon::get().function.contains(*w))
                            .take(2)
                            .collect();
                        (what.len() == 2).then(|| Stated::Share(what.join(" ")))?
                    }
                    _ => return None,
                };
                whole.then_some((i, stated))
            })
            .collect();
        let mut seen: BTreeSet<(u64, u64)> = BTreeSet::new();
        for (x, (i, what)) in counts.iter().enumerate() {
            for (j, other) in &counts[x + 1..] {
                let (fi, fj) = (&a.figures[*i], &a.figures[*j]);
                let (Some(vi), Some(vj)) = (fi.value, fj.value) else { continue };
                // One of them is the document's figure for what the others state;
                // the other one the linker could not place, having one already.
                // (An amount the linker gave a group of its own, which no other
                // document states, counts as not placed when the words around it
                // are words around that group's amounts: "the ₩24.1 billion
                // penalty" beside "a penalty of ₩21.4 billion".)
                let other_says = |f: &Figure, v: f64| {
                    group_of(f).is_some_and(|(pledge, g)| {
                        let group = if pledge { &a.pledges[g] } else { &a.quantities[g] };
                        group.figures.iter().any(|&k| a.figures[k].span.doc() != doc && a.figures[k].value == Some(v))
                    })
                };
                let one_placed = || {
                    shared(fi) != shared(fj)
                        && (group_of(fi).is_none()
                            || group_of(fj).is_none()
                            // Amounts of one owner ("the World Bank's $800
                            // million", "the World Bank's $700 million").
                            || (matches!(what, Stated::Money(_))
                                && owner_of(fi).is_some()
                                && owner_of(fi) == owner_of(fj))
                            // The other reports state the value it gives apart
                            // for what it places ("€41.2 million" apart, where
                            // the others have 41.2 and it has 42.1).
                            || (if shared(fi) { other_says(fi, vj) } else { other_says(fj, vi) })
                            || (matches!(what, Stated::Money(_)) && {
                                let (placed, apart) = if shared(fi) { (fi, fj) } else { (fj, fi) };
                                group_of(placed).is_some_and(|(pledge, g)| {
                                    let group = if pledge { &a.pledges[g] } else { &a.quantities[g] };
                                    let own = words_near(t, toks_of(t, apart));
                                    // (A few of its amounts say what it is for.)
                                    group.figures.iter().take(16).any(|&k| {
                                        let f = &a.figures[k];
                                        let tk = &p.docs[f.span.doc()].tokens;
                                        words_near(tk, toks_of(tk, f)).iter().any(|w| own.contains(w))
                                    })
                                })
                            }))
                };
                // Both placed, in two groups, where another report states the
                // one value for what this report gives the other ("all 24 crew
                // members" with the others' 24, and "22 crew" where another
                // report has 24 crew).
                let crossed = || {
                    shared(fi)
                        && shared(fj)
                        && group_of(fi) != group_of(fj)
                        && (other_says(fj, vi) || other_says(fi, vj))
                };
                // Neither stated by another report, and said of one thing: the
                // words around them share one ("convicted 11 individuals", "the
                // 12 individuals convicted").
                let alone = || {
                    !shared(fi) && !shared(fj) && {
                        let near_j = words_near(t, toks_of(t, fj));
                        words_near(t, toks_of(t, fi)).iter().any(|w| near_j.contains(w))
                    }
                };
                // Two digits swapped ("86,000" and "68,000") is a slip of one
                // figure, wherever each is placed.
                // (Counts only: "a $2.1 billion contract" and "a $1.2 billion
                // loan" are two sums.)
                let swapped = || {
                    let (lo, hi) = if vi < vj { (vi, vj) } else { (vj, vi) };
                    matches!(what, Stated::Count(_)) && lo >= 10.0 && crate::pledge::digits_swapped(lo, hi)
                };
                // Neither stated elsewhere, and the only two of the document that
                // count this thing ("14 temporary camps", "the district's 11
                // camps"), each with its noun in the plural ("the No. 3 reactor"
                // is a name).
                let plural = |f: &Figure| {
                    f.unit.as_deref().and_then(|u| u.split_whitespace().last()).is_some_and(|w| singular(w) != w)
                };
                let only_two = || {
                    !shared(fi)
                        && !shared(fj)
                        && plural(fi)
                        && plural(fj)
                        && counts.iter().filter(|(_, w)| w.same(what)).count() == 2
                };
                // Lengths measure many things: two are one figure only when they
                // measure the same noun ("the 445-kilometre pipeline", "the 450 km
                // pipeline"), not "ash 11 km into the sky" and "a 10-kilometre radius".
                let measured = |f: &Figure| {
                    let r = toks_of(t, f)?;
                    let unit = f.unit.as_deref()?;
                    let length = crate::extract::numbers::measure_unit(unit.split_whitespace().last()?)
                        .is_some_and(|u| matches!(u, "kilometres" | "miles" | "metres"));
                    length.then(|| t.key(r.1 + 1))
                };
                let measures_differ = || match (measured(fi), measured(fj)) {
                    (None, None) => false,
                    (Some(x), Some(y)) => x != y || x.len() < 3 || crate::lexicon::Lexicon::get().function.contains(x),
                    _ => true,
                };
                if !what.same(other)
                    || fi.sentence == fj.sentence
                    || !(near_miss(vi, vj) || one_digit_changed(vi, vj))
                    || measures_differ()
                    || !(one_placed() || crossed() || alone() || swapped() || only_two())
                    || consistent(&claim(fi, false), &claim(fj, false))
                    || !if shared(fi) {
                        owners_agree(t, &people[doc], &places, toks_of(t, fi), toks_of(t, fj))
                    } else if shared(fj) {
                        owners_agree(t, &people[doc], &places, toks_of(t, fj), toks_of(t, fi))
                    } else {
                        // Neither linked: no side is the document's figure.
                        owners_agree(t, &people[doc], &places, toks_of(t, fj), toks_of(t, fi))
                            || owners_agree(t, &people[doc], &places, toks_of(t, fi), toks_of(t, fj))
                    }
                {
                    continue;
                }
                // The first contradiction of each pair of values is enough.
                if !seen.insert((vi.to_bits(), vj.to_bits())) {
                    continue;
                }
                let mut d = new(
                    DiscrepancyKind::Figure,
                    format!(
                        "{} ({}) vs {} ({})",
                        one_line(a, fi.span),
                        doc_label(a, doc),
                        one_line(a, fj.span),
                        doc_label(a, doc)
                    ),
                    vec![fi.span, fj.span],
                    0.85,
                );
                // Every place the document states either value ("₩21.4bn" in the
                // summary, "₩21.4 billion" in the body).
                // (A count by its noun: "540 post-primary schools" and "540 schools".)
                let head = |f: &Figure| f.unit.as_deref().and_then(|u| u.split_whitespace().last()).map(singular);
                for k in from..to {
                    let f = &a.figures[k];
                    if k != *i
                        && k != *j
                        && f.kind == fi.kind
                        && (f.unit == fi.unit || (f.kind == FigureKind::Count && head(f) == head(fi)))
                        && f.value.is_some_and(|v| v == vi || v == vj)
                    {
                        d.spans.push(f.span);
                    }
                }
                d.pledge = fi.pledge.or(fj.pledge);
                d.details.push(format!("{} contradicts itself", doc_label(a, doc)));
                d.details.push(sentence_line(a, fi));
                d.details.push(sentence_line(a, fj));
                out.push(d);
            }
        }
        from = to;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::echoes;

    #[test]
    fn a_conflict_inside_a_larger_one_with_the_same_dissenter_echoes_it() {
        let v = |x: f64| x.to_bits();
        // A takeover price: 412 in a, c, d and 421 in b; b's trading price of
        // 406.60 paired with a second 412 of a and d repeats that conflict.
        let larger = [(0, v(412.0)), (1, v(421.0)), (2, v(412.0)), (3, v(412.0))];
        let echo = [(0, v(412.0)), (1, v(406.6)), (3, v(412.0))];
        // A report the larger conflict does not hold is news, and so is a
        // report that agrees there.
        let other_doc = [(0, v(412.0)), (3, v(412.0)), (4, v(300.0))];
        let agrees_there = [(0, v(412.0)), (1, v(406.6)), (2, v(412.0))];
        let agreeing = [(0, v(412.0)), (1, v(412.0)), (2, v(412.0)), (3, v(412.0))];
        assert_eq!(echoes(&[&larger, &echo, &other_doc]), vec![false, true, false]);
        assert_eq!(echoes(&[&agreeing, &agrees_there]), vec![false, false]);
    }
}
