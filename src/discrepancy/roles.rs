//! Role conflicts: one office given to different people ("Prime Minister A" here,
//! "Prime Minister B" there), and one person given different titles.
//!
//! Only offices with one holder at a time are compared (a prime minister, a
//! finance minister, a chief executive; not "a minister", not an envoy). An office
//! is the role, its country and its organisation: "German Defence Minister" and
//! "Defence Minister" of another country are different offices. When a document
//! leaves the country out, it is read from the sentence (the one country its places
//! and demonyms point to), else from the rest of the corpus when every qualified
//! use of that role names the same country.

use std::collections::{BTreeMap, BTreeSet};

use super::reuse::Spin;
use super::{doc_label, new, one_line};
use crate::analysis::Parts;
use crate::lexicon::Lexicon;
use crate::model::{Discrepancy, DiscrepancyKind, EntityKind, RoleUse};

/// Whether a role has one holder at a time.
fn single_holder(base: &str) -> bool {
    let b = base.to_lowercase();
    let words: Vec<&str> = b.split_whitespace().collect();
    let Some(&last) = words.last() else { return false };
    if words.iter().any(|w| {
        matches!(*w, "former" | "ex" | "acting" | "interim" | "shadow" | "deputy" | "vice" | "junior" | "assistant")
    }) {
        return false;
    }
    // A portfolio: "Vice-President of Operations", "Director of Communications",
    // "Minister for Finance", "Head of Security".
    if let Some(k) = words.iter().position(|w| matches!(*w, "of" | "for")).filter(|&k| k >= 1 && k + 1 < words.len()) {
        let head = words[k - 1];
        if matches!(
            head,
            "vice-president" | "director" | "head" | "minister" | "secretary" | "officer" | "commissioner" | "chief"
        ) {
            return true;
        }
    }
    match last {
        "vice-chancellor" | "rector" | "provost" | "registrar" => true,
        "president" | "chancellor" | "premier" | "governor" | "mayor" | "ceo" | "chairman" | "chairwoman"
        | "chairperson" | "chair" | "king" | "queen" | "pope" | "speaker" | "secretary-general"
        | "director-general" | "coach" | "manager" => true,
        // "Prime Minister", "Finance Minister", "Defence Secretary"; not a bare "Minister".
        "minister" | "secretary" => words.len() >= 2,
        "executive" => words.len() >= 2 && words[words.len() - 2] == "chief",
        _ => words.first().is_some_and(|w| *w == "chief") && words.contains(&"of"),
    }
}

/// The country a sentence is about, when its places and demonyms name one clearly.
fn sentence_country(p: &Parts<'_>, doc: usize, pos: u32) -> Option<usize> {
    let t = &p.docs[doc].tokens;
    let i = t.toks.partition_point(|x| x.start <= pos).saturating_sub(1);
    let r = t.sentence_of(i.min(t.len().saturating_sub(1)));
    match crate::extract::countries_named(t, r, Lexicon::get()).as_slice() {
        [(c, _, _)] => Some(*c),
        [(c, n1, _), (_, n2, _), ..] if n1 > n2 => Some(*c),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Office {
    base: String,
    country: Option<usize>,
    org: Option<String>,
}

/// Both kinds of role conflict.
pub fn find(p: &Parts<'_>) -> Vec<Discrepancy> {
    let a = p.analysis;
    let lex = Lexicon::get();
    // Every use of a single-holder office: (office, person, role use).
    let mut uses: Vec<(Office, usize, &RoleUse)> = Vec::new();
    for (e, ent) in a.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
        for r in &ent.role_uses {
            let base = office_name(&r.base);
            if !single_holder(&base) {
                continue;
            }
            let country = r
                .country
                .and_then(|c| lex.country_of.get(c).copied().flatten().or(Some(c)))
                .or_else(|| sentence_country(p, r.span.doc(), r.span.start));
            uses.push((Office { base, country, org: r.org.clone() }, e, r));
        }
    }
    // A company's office that no document ties to a company ("said chief
    // executive X"): the organisation each document is mostly about stands in.
    let explicit: BTreeSet<String> =
        uses.iter().filter(|(o, _, _)| o.org.is_some()).map(|(o, _, _)| o.base.clone()).collect();
    let main_org = main_organisations(a);
    for (o, _, r) in &mut uses {
        if o.org.is_none() && needs_org(&o.base) && !explicit.contains(&o.base) {
            o.org = main_org.get(r.span.doc()).cloned().flatten();
        }
    }
    // An office written without a country takes the country every qualified use names.
    let mut countries: BTreeMap<(String, Option<String>), BTreeSet<usize>> = BTreeMap::new();
    for (o, _, _) in &uses {
        if let Some(c) = o.country {
            countries.entry((o.base.clone(), o.org.clone())).or_default().insert(c);
        }
    }
    for (o, _, _) in &mut uses {
        if o.country.is_none() {
            if let Some(cs) = countries.get(&(o.base.clone(), o.org.clone())) {
                if cs.len() == 1 {
                    o.country = cs.iter().next().copied();
                }
            }
        }
    }
    let mut out = Vec::new();
    // One office, several people.
    let mut by_office: BTreeMap<&Office, BTreeMap<usize, Vec<&RoleUse>>> = BTreeMap::new();
    for (o, e, r) in &uses {
        // A club's coach or a company's chief: only with the organisation named.
        if o.org.is_none() && needs_org(&o.base) {
            continue;
        }
        by_office.entry(o).or_default().entry(*e).or_default().push(r);
    }
    for (office, holders) in &by_office {
        if holders.len() < 2 {
            continue;
        }
        // One document naming two holders means two offices it tells apart
        // (two countries' transport ministers), not a conflict.
        let docs_of = |rs: &Vec<&RoleUse>| rs.iter().map(|r| r.span.doc).collect::<BTreeSet<u32>>();
        let sets: Vec<BTreeSet<u32>> = holders.values().map(docs_of).collect();
        if sets.iter().enumerate().any(|(i, x)| sets[i + 1..].iter().any(|y| !x.is_disjoint(y))) {
            continue;
        }
        let mut parts = Vec::new();
        let mut spans = Vec::new();
        for (&e, rs) in holders {
            let mut docs: Vec<String> = rs.iter().map(|r| doc_label(a, r.span.doc())).collect();
            docs.dedup();
            parts.push(format!("{} ({})", a.entities[e].name, docs.join(", ")));
            for r in rs {
                spans.push(r.span);
                // The name right after the role, so the evidence shows who holds it.
                if let Some(m) = a.entities[e]
                    .mentions
                    .iter()
                    .find(|m| m.doc == r.span.doc && m.start >= r.span.end && m.start <= r.span.end + 2)
                {
                    spans.push(*m);
                }
            }
        }
        let role =
            holders.values().next().and_then(|rs| rs.first()).map_or_else(|| office.base.clone(), |r| r.base.clone());
        let mut d = new(DiscrepancyKind::Role, format!("{role}: {}", parts.join(" vs ")), spans, 0.85);
        d.details.push(format!("one {role} at a time, but the documents name {} people", holders.len()));
        d.entity = holders.keys().next().copied();
        out.push(d);
    }
    out
}

/// One person given different titles (not a shorter form of the same title).
/// Titles that differ only by a word a spinner swapped in a copy of another
/// document ("coach" -> "trainer") are the spin, reported as reuse, not a claim.
pub fn titles(p: &Parts<'_>, spins: &[Spin]) -> Vec<Discrepancy> {
    let a = p.analysis;
    let mut out = ranks(a);
    for (e, ent) in a.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
        // A rank written in lower case is a post on board or on the team ("the
        // ferry's captain, X"), held against another post ("first officer, X").
        // Only in apposition: "Coastguard commander X" is a rank again.
        let post = |r: &RoleUse| {
            let before_name =
                ent.mentions.iter().any(|m| m.doc == r.span.doc && m.start >= r.span.end && m.start <= r.span.end + 1);
            is_rank(&r.base)
                && !before_name
                && a.span_text(r.span).trim_start_matches(|c: char| !c.is_alphabetic()).starts_with(char::is_lowercase)
        };
        // A post on board before the name ("Captain X") is held against one in
        // apposition ("the ship's first officer, X").
        let crew = |r: &RoleUse| {
            matches!(
                r.base.to_lowercase().as_str(),
                "captain" | "master" | "skipper" | "pilot" | "co-pilot" | "first officer" | "chief officer"
            )
        };
        let has_post = ent.role_uses.iter().any(|r| post(r) && crew(r));
        // So is the same rank with a lesser word before the name ("Deputy fire
        // commander X" against "X, commander of the fire service").
        let post_heads: BTreeSet<String> = ent
            .role_uses
            .iter()
            .filter(|r| post(r))
            .filter_map(|r| crate::lexicon::split_phrase(&r.base).pop())
            .collect();
        let same_post =
            |r: &RoleUse| crate::lexicon::split_phrase(&r.base).pop().is_some_and(|w| post_heads.contains(&w));
        let offices: Vec<&RoleUse> = ent
            .role_uses
            .iter()
            .filter(|r| is_office(&r.base) || post(r) || (has_post && crew(r)) || same_post(r))
            .collect();
        let mut distinct: Vec<&RoleUse> = Vec::new();
        for r in &offices {
            if !distinct.iter().any(|d| compatible(&d.base, &r.base)) {
                distinct.push(r);
            }
        }
        if distinct.len() < 2 || spun_titles(&offices, &distinct, spins) {
            continue;
        }
        let mut parts = Vec::new();
        for r in &distinct {
            let mut docs: Vec<String> =
                offices.iter().filter(|o| compatible(&o.base, &r.base)).map(|o| doc_label(a, o.span.doc())).collect();
            docs.dedup();
            parts.push(format!("{} ({})", one_line(a, r.span), docs.join(", ")));
        }
        // Each title with the name it stands before, so the evidence shows whose it is.
        let mut spans = Vec::new();
        for r in &offices {
            spans.push(r.span);
            if let Some(m) =
                ent.mentions.iter().find(|m| m.doc == r.span.doc && m.start >= r.span.end && m.start <= r.span.end + 2)
            {
                spans.push(*m);
            }
        }
        let mut d = new(DiscrepancyKind::Role, format!("{}: {}", ent.name, parts.join(" vs ")), spans, 0.75);
        d.details.push(format!("{} is given different titles", ent.name));
        d.entity = Some(e);
        out.push(d);
    }
    out
}

/// One person given two different military or police ranks by different
/// documents ("Brigadier Sipho Dlamini" here, "Colonel Sipho Dlamini" there).
/// A rank is part of the mention as written; a shorter form of the same rank
/// ("General" for "Lieutenant General") is no conflict.
fn ranks(a: &crate::analysis::Analysis) -> Vec<Discrepancy> {
    use crate::lexicon::title::{HONORIFIC, RANK};
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for (e, ent) in a.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
        // Each rank as written, with its mentions.
        let mut forms: Vec<(String, Vec<crate::model::Span>)> = Vec::new();
        for &m in &ent.mentions {
            let words = crate::lexicon::split_phrase(a.span_text(m));
            let Some((n, &c)) = lex.titles.longest(&words) else { continue };
            if c & RANK == 0 || c & HONORIFIC != 0 || n >= words.len() {
                continue;
            }
            let rank = words[..n].join(" ");
            match forms.iter_mut().find(|(r, _)| *r == rank) {
                Some((_, v)) => v.push(m),
                None => forms.push((rank, vec![m])),
            }
        }
        let conflicting: Vec<usize> = (0..forms.len())
            .filter(|&x| (0..forms.len()).any(|y| x != y && !compatible(&forms[x].0, &forms[y].0)))
            .collect();
        let docs = |v: &[crate::model::Span]| -> BTreeSet<usize> { v.iter().map(crate::model::Span::doc).collect() };
        // Given by different documents, not a promotion told within one.
        let across = conflicting.iter().any(|&x| {
            conflicting.iter().any(|&y| !compatible(&forms[x].0, &forms[y].0) && docs(&forms[x].1) != docs(&forms[y].1))
        });
        if conflicting.len() < 2 || !across {
            continue;
        }
        let parts: Vec<String> = conflicting
            .iter()
            .map(|&x| {
                let labels: Vec<String> = docs(&forms[x].1).into_iter().map(|d| doc_label(a, d)).collect();
                format!("{} ({})", one_line(a, forms[x].1[0]), labels.join(", "))
            })
            .collect();
        let spans = conflicting.iter().flat_map(|&x| forms[x].1.iter().copied()).collect();
        let mut d = new(DiscrepancyKind::Role, format!("{}: {}", ent.name, parts.join(" vs ")), spans, 0.7);
        d.details.push(format!("{} is given different ranks", ent.name));
        d.entity = Some(e);
        out.push(d);
    }
    out
}

/// Whether two distinct titles are explained by a spun copy: every document
/// giving one of them is a spun copy of (or the source of) a document giving the
/// other. A spinner's synonym ("coach" -> "trainer") is not a second claim.
fn spun_titles(offices: &[&RoleUse], distinct: &[&RoleUse], spins: &[Spin]) -> bool {
    if distinct.len() != 2 || spins.is_empty() {
        return false;
    }
    let docs_of = |d: &RoleUse| -> BTreeSet<usize> {
        offices.iter().filter(|o| compatible(&o.base, &d.base)).map(|o| o.span.doc()).collect()
    };
    let (d0, d1) = (docs_of(distinct[0]), docs_of(distinct[1]));
    let partners = |x: usize, other: &BTreeSet<usize>| {
        spins
            .iter()
            .any(|s| (s.docs.0 == x && other.contains(&s.docs.1)) || (s.docs.1 == x && other.contains(&s.docs.0)))
    };
    d0.iter().all(|&x| partners(x, &d1)) || d1.iter().all(|&x| partners(x, &d0))
}

/// The office a title names, lower-case, with the common forms of one office
/// made one ("CEO", "chief executive officer" -> "chief executive").
fn office_name(base: &str) -> String {
    let mut b = base.to_lowercase();
    // The holder now, however described: "outgoing", "incumbent" or "sitting" president.
    for w in ["outgoing ", "incumbent ", "current ", "currently ", "sitting ", "serving ", "now "] {
        if let Some(rest) = b.strip_prefix(w) {
            b = rest.to_string();
        }
    }
    // "Chairman", "chairwoman", "chairperson" and "chair" are one office.
    let b = b
        .split(' ')
        .map(|w| if matches!(w, "chairman" | "chairwoman" | "chairperson") { "chair" } else { w })
        .collect::<Vec<_>>()
        .join(" ");
    // Abbreviations and the newsroom's short forms of one office.
    match b.as_str() {
        "ceo" | "chief executive officer" | "boss" => "chief executive".to_string(),
        "pm" => "prime minister".to_string(),
        "cfo" | "finance chief" | "chief finance officer" => "chief financial officer".to_string(),
        "coo" | "operations chief" => "chief operating officer".to_string(),
        "cto" | "technology chief" => "chief technology officer".to_string(),
        "ciso" => "chief information security officer".to_string(),
        _ => b,
    }
}

/// For each document, the organisation it is mostly about: named at least twice,
/// and at least twice as often as any other, or as often as another that fewer
/// documents name (by entity id).
fn main_organisations(a: &crate::analysis::Analysis) -> Vec<Option<String>> {
    let mut counts: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); a.corpus.docs.len()];
    for (e, ent) in a.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Organisation) {
        for m in &ent.mentions {
            if let Some(c) = counts.get_mut(m.doc()) {
                *c.entry(e).or_default() += 1;
            }
        }
    }
    // Between two named equally often, the one more reports name: what the
    // story is about, not a parent company named in passing.
    let reach = |e: usize| a.entities[e].doc_count;
    counts
        .into_iter()
        .map(|c| {
            let mut v: Vec<(usize, usize, usize)> = c.into_iter().map(|(e, n)| (n, reach(e), e)).collect();
            v.sort_unstable_by(|x, y| y.cmp(x));
            match v.as_slice() {
                [(n, _, e)] if *n >= 2 => Some(a.entities[*e].id.clone()),
                [(n1, r1, e), (n2, r2, _), ..] if *n1 >= 2 && (*n1 >= 2 * *n2 || (n1 == n2 && r1 > r2)) => {
                    Some(a.entities[*e].id.clone())
                }
                _ => None,
            }
        })
        .collect()
}

/// Offices that exist once per organisation, not once per country.
fn needs_org(base: &str) -> bool {
    let b = base.to_lowercase();
    let last = b.split_whitespace().last().unwrap_or("");
    b.contains(" of ")
        || b.contains(" for ")
        || matches!(
            last,
            "coach"
                | "vice-chancellor"
                | "rector"
                | "provost"
                | "registrar"
                | "manager"
                | "ceo"
                | "chairman"
                | "chairwoman"
                | "chairperson"
                | "chair"
                | "executive"
                | "director-general"
        )
}

/// An office rather than a rank or a description: ranks ("Admiral") and honorific
/// styles are left out of the title comparison.
/// The class of the title that a role's words end with: all of them ("Defence
/// Secretary"), or the last few ("Regional President", "First Officer").
fn ending_title(words: &[String]) -> Option<u8> {
    let lex = Lexicon::get();
    (0..words.len())
        .find_map(|s| lex.titles.longest(&words[s..]).filter(|(n, _)| s + n == words.len()))
        .map(|(_, &c)| c)
}

/// Whether a role ends in a military or police rank ("Captain", "First Officer").
fn is_rank(base: &str) -> bool {
    ending_title(&crate::lexicon::split_phrase(base)).is_some_and(|c| c & crate::lexicon::title::RANK != 0)
}

fn is_office(base: &str) -> bool {
    use crate::lexicon::title::{HEAD, HONORIFIC, RANK};
    let mut words = without_portfolio(crate::lexicon::split_phrase(base));
    // "Head of real estate" heads something; "vice-minister" is a minister too.
    if words.len() >= 3 && words[0] == "head" && words[1] == "of" {
        return true;
    }
    // "Chief compliance officer": an executive office of one holder.
    if words.len() >= 3 && words[0] == "chief" && words[words.len() - 1] == "officer" {
        return true;
    }
    for w in &mut words {
        *w = crate::lexicon::without_hyphen_modifier(w).to_string();
    }
    // "Regional President" is an office if its last word is one; "environmental
    // engineer", "Finnish banker" are occupations, held by many at once.
    ending_title(&words).is_some_and(|c| c & HEAD != 0 && c & (RANK | HONORIFIC) == 0)
}

/// An office with its portfolio ("director-general for health", "principal
/// secretary for medical services", "president of the students' council") is the
/// office before "for" or "of"; "chief of staff" and "head of X" keep theirs.
fn without_portfolio(mut words: Vec<String>) -> Vec<String> {
    if let Some(k) = words.iter().position(|w| w == "for" || w == "of").filter(|&k| k > 0) {
        if !(words[0] == "chief" || words[..k].iter().any(|w| w == "head")) {
            words.truncate(k);
        }
    }
    words
}

/// Two titles are the same when one's words are all in the other ("Envoy",
/// "Special Envoy"; "President", "Ukrainian President"), portfolios aside.
fn compatible(a: &str, b: &str) -> bool {
    let words = |x: &str| -> BTreeSet<String> {
        without_portfolio(crate::lexicon::split_phrase(&office_name(x))).into_iter().collect()
    };
    let (wa, wb) = (words(a), words(b));
    // "Deputy Director General" is another office than "Director General".
    let lesser = |w: &BTreeSet<String>| -> BTreeSet<String> {
        w.iter()
            .filter(|x| {
                matches!(x.as_str(), "deputy" | "vice" | "assistant" | "associate" | "junior" | "shadow" | "former")
            })
            .cloned()
            .collect()
    };
    (wa.is_subset(&wb) || wb.is_subset(&wa)) && lesser(&wa) == lesser(&wb) && !other_portfolios(a, b)
}

/// Whether two titles name two portfolios with no word in common: "Deputy
/// Minister of Energy and Mines" and "Deputy Minister of Natural Resources and
/// Environment" are two offices.
fn other_portfolios(a: &str, b: &str) -> bool {
    let portfolio = |x: &str| -> Option<BTreeSet<String>> {
        let words = crate::lexicon::split_phrase(&office_name(x));
        let k = words.iter().position(|w| w == "for" || w == "of").filter(|&k| k > 0)?;
        let lex = crate::lexicon::Lexicon::get();
        Some(words[k + 1..].iter().filter(|w| !lex.function.contains(w.as_str())).cloned().collect())
    };
    match (portfolio(a), portfolio(b)) {
        (Some(x), Some(y)) => !x.is_empty() && !y.is_empty() && x.is_disjoint(&y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_holder_offices() {
        for r in [
            "Prime Minister",
            "Finance Minister",
            "Defence Secretary",
            "President",
            "Chief Executive",
            "Chief of the Defence Staff",
            "Mayor",
        ] {
            assert!(single_holder(r), "{r}");
        }
        for r in ["Vice-Chancellor", "Vice-President of Operations", "Director of Communications"] {
            assert!(single_holder(&office_name(r)), "{r}");
        }
        for r in
            ["Minister", "Envoy", "Deputy Prime Minister", "Former President", "Spokesman", "Admiral", "Vice-President"]
        {
            assert!(!single_holder(r), "{r}");
        }
    }

    #[test]
    fn compatible_titles() {
        assert!(compatible("Special Envoy", "Envoy"));
        assert!(compatible("Chairperson", "Branch Chair"));
        assert!(compatible("Chief Executive", "President and Chief Executive Officer"));
        assert!(!compatible("Vice-Chancellor", "Deputy Vice-Chancellor for Finance"));
        assert!(!compatible("Chief of the General Staff", "Chief of the General Workers"));
        assert!(compatible("President of the Students' Council", "Student Council President"));
        // Short forms, and descriptions of whoever leads.
        assert!(compatible("Prime Minister", "PM"));
        assert!(compatible("Currently Chief Financial Officer", "Finance Chief"));
        assert!(!compatible("Chief Investment Officer", "Head of Real Estate"));
        assert!(!compatible("Chief Compliance Officer", "Chief Risk Officer"));
        assert!(!compatible("Labour Minister", "Leader"));
        // Two portfolios with no word in common are two offices; one with and
        // one without a portfolio, or two sharing a word, may be one.
        assert!(!compatible("Deputy Minister of Mines and Energy", "Deputy Minister of Public Works and Transport"));
        assert!(compatible("Minister of Mines and Energy", "Mines Minister"));
        assert!(compatible("Director of Corporate Affairs", "Director of Public Affairs"));
    }
}
