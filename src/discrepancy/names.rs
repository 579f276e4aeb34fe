//! Names: a role left without its holder's name ("The Defence Secretary, , and"),
//! and one person's name spelled differently across documents.

use std::collections::BTreeMap;

use super::{doc_label, new, one_line};
use crate::analysis::Parts;
use crate::lexicon::{title, Lexicon};
use crate::model::{Discrepancy, DiscrepancyKind, EntityKind};

/// Blanked or dropped names, with the name other documents give for the role.
pub fn missing(p: &Parts<'_>) -> Vec<Discrepancy> {
    let a = p.analysis;
    let mut out = Vec::new();
    for b in &a.blanks {
        let doc = b.span.doc();
        // Who holds this role elsewhere (or earlier in the same document)?
        // The same office, or else one that a few more or fewer qualifying words
        // name ("Presiding Councillor" for "presiding councillor of the IEM").
        let holders_by = |same: &dyn Fn(&str) -> bool| {
            let mut holders: BTreeMap<usize, Vec<crate::model::Span>> = BTreeMap::new();
            for (e, ent) in a.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
                for r in &ent.role_uses {
                    if same(&r.base) && (b.country.is_none() || r.country.is_none() || r.country == b.country) {
                        holders.entry(e).or_default().push(r.span);
                    }
                }
            }
            holders
        };
        let mut holders = holders_by(&|base| base.eq_ignore_ascii_case(&b.base));
        if holders.is_empty() {
            holders = holders_by(&|base| same_office(base, &b.base));
        }
        // "PIPC chairman, ,": the chairman, where no report writes the acronym.
        if holders.is_empty() {
            if let Some((first, rest)) = b.base.split_once(' ') {
                if first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase()) {
                    holders = holders_by(&|base| base.eq_ignore_ascii_case(rest));
                }
            }
        }
        // "director of the Department of X, ,": the director whose organisation
        // is that department.
        if holders.is_empty() {
            let folded = crate::text::fold(&b.base);
            if let Some((head, rest)) = folded.split_once(" of ") {
                let rest = rest.strip_prefix("the ").unwrap_or(rest);
                for (e, ent) in a.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
                    for r in &ent.role_uses {
                        if crate::text::fold(&r.base) == head && r.org.as_deref() == Some(rest) {
                            holders.entry(e).or_default().push(r.span);
                        }
                    }
                }
            }
        }
        let names: Vec<String> = holders
            .iter()
            .map(|(&e, spans)| {
                let mut docs: Vec<String> = spans.iter().map(|s| doc_label(a, s.doc())).collect();
                docs.dedup();
                format!("{} ({})", a.entities[e].name, docs.join(", "))
            })
            .collect();
        let summary = if names.is_empty() {
            format!("{} without a name in {} (\"{}\")", b.role, doc_label(a, doc), one_line(a, b.span))
        } else {
            format!(
                "{} without a name in {} (\"{}\"); elsewhere: {}",
                b.role,
                doc_label(a, doc),
                one_line(a, b.span),
                names.join(", ")
            )
        };
        let mut spans = vec![b.span];
        for (&e, ss) in &holders {
            // One piece of evidence per document is enough: the role, and the
            // name written nearest to it.
            let mut seen = Vec::new();
            for s in ss {
                if !seen.contains(&s.doc) {
                    seen.push(s.doc);
                    spans.push(*s);
                    let gap = |m: &crate::model::Span| m.start.abs_diff(s.end).min(m.end.abs_diff(s.start));
                    if let Some(m) = a.entities[e].mentions.iter().filter(|m| m.doc == s.doc).min_by_key(|m| gap(m)) {
                        spans.push(*m);
                    }
                }
            }
        }
        let mut d = new(DiscrepancyKind::MissingName, summary, spans, if names.is_empty() { 0.7 } else { 0.8 });
        d.details.push(format!("\"{}\": a role where a name should stand", one_line(a, b.span)));
        d.entity = holders.keys().next().copied();
        out.push(d);
    }
    out
}

/// The words of a mention that are the name, without honorifics and ranks.
/// Whether two offices are one with more or fewer qualifying words: the same
/// head word, and every word of the shorter in the longer ("Country Manager" and
/// "Brazil Country Manager"; not "Manager" and "Country Manager" alone).
fn same_office(a: &str, b: &str) -> bool {
    let lex = Lexicon::get();
    // The head of an office is the word before its portfolio ("Minister of
    // Communications, Innovation and Digital Economy"), else its last word
    // ("Communications Minister"); the rest are the words that say which.
    let words = |s: &str| -> (Option<String>, Vec<String>) {
        let w: Vec<String> =
            s.split(|c: char| c.is_whitespace() || c == ',').filter(|x| !x.is_empty()).map(str::to_lowercase).collect();
        let head = match w.iter().position(|x| x == "of" || x == "for") {
            Some(k) if k > 0 => w.get(k - 1).cloned(),
            _ => w.last().cloned(),
        };
        (head, w.into_iter().filter(|x| !lex.function.contains(x.as_str())).collect())
    };
    let ((ha, wa), (hb, wb)) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    // Two offices with portfolios end alike ("Director of the Department of
    // Testing" is not every "Director of the Department").
    let portfolio =
        |s: &str| s.split_whitespace().any(|w| w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("for"));
    let heads = if portfolio(a) && portfolio(b) { short.last() == long.last() } else { ha.is_some() && ha == hb };
    short.len() >= 2 && heads && short.iter().all(|w| long.contains(w))
}

fn name_words(text: &str) -> Vec<String> {
    let lex = Lexicon::get();
    text.split_whitespace()
        .filter(|w| {
            let k = crate::text::fold(w.trim_end_matches('.'));
            lex.titles.longest(&[k.as_str()]).is_none_or(|(_, &c)| c & (title::HONORIFIC | title::RANK) == 0)
        })
        .map(String::from)
        .collect()
}

/// One person's name written differently across (or within) documents: a
/// transliteration ("Kovalenko", "Kovalenkko"), a typo, a dropped accent.
pub fn spelling(p: &Parts<'_>) -> Vec<Discrepancy> {
    let a = p.analysis;
    let mut out = Vec::new();
    for (e, ent) in a.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
        // Spelling of the surname and of the given name, each with its mentions.
        let mut surnames: BTreeMap<String, Vec<crate::model::Span>> = BTreeMap::new();
        let mut givens: BTreeMap<String, Vec<crate::model::Span>> = BTreeMap::new();
        let mut firsts: BTreeMap<String, Vec<crate::model::Span>> = BTreeMap::new();
        let mut bare: Vec<(String, crate::model::Span)> = Vec::new();
        let lex = Lexicon::get();
        for &m in &ent.mentions {
            let text = a.span_text(m);
            let words = name_words(text);
            // "Sir Alden" names the first name, not the surname.
            let first_name_only = words.len() == 1
                && text.split_whitespace().any(|w| lex.firstname_honorifics.contains(&crate::text::fold(w)));
            // The surname with its lower-case particles ("van der Laan", "de la Cruz"),
            // so "van de Laan" is another spelling of it.
            let mut from = words.len().saturating_sub(1);
            while from > 0 && words[from - 1].chars().next().is_some_and(char::is_lowercase) {
                from -= 1;
            }
            // A family name written first ("Yoon Tae-seok", "Nguyen Van Thanh").
            if (2..=3).contains(&words.len()) && lex.surname_first.contains(&crate::text::fold(&words[0])) {
                surnames.entry(words[0].clone()).or_default().push(m);
                givens.entry(words[1..].join(" ")).or_default().push(m);
                continue;
            }
            if !words.is_empty() && !first_name_only {
                surnames.entry(words[from..].join(" ")).or_default().push(m);
            }
            if from >= 1 && words.len() >= 2 {
                givens.entry(words[0].clone()).or_default().push(m);
            }
            // The first of two family names ("Salcedo" in "María Victoria Salcedo Ibáñez").
            if from >= 2 && words.len() >= 3 {
                firsts.entry(words[from - 1].clone()).or_default().push(m);
            }
            if words.len() == 1 && !first_name_only {
                bare.push((words[0].clone(), m));
            }
        }
        // A name said alone that is a spelling of the first family name ("Judge
        // Saucedo" for Salcedo) is compared with it.
        for (w, m) in bare {
            let near = |k: &String| crate::text::edit_distance(&crate::text::fold(k), &crate::text::fold(&w), 2) <= 2;
            if !surnames.keys().any(|k| *k != w && near(k)) && firsts.keys().any(near) {
                firsts.entry(w).or_default().push(m);
            }
        }
        // The first family name of the full name against the last word of a
        // shorter form ("Camila Errázuriz Vidal", "Camila Errazuriz"): the full
        // name's mentions are evidence of the spelling too.
        let firsts_spelt: Vec<String> = firsts
            .keys()
            .filter(|f| {
                // Not short words, which are near anything ("Thu", "Ha").
                f.chars().count() >= 5
                    && surnames.keys().any(|k| {
                        k != *f && crate::text::edit_distance(&crate::text::fold(k), &crate::text::fold(f), 2) <= 2
                    })
            })
            .cloned()
            .collect();
        for f in firsts_spelt {
            if let Some(spans) = firsts.remove(&f) {
                surnames.entry(f).or_default().extend(spans);
            }
        }
        for forms in [&surnames, &givens, &firsts] {
            // Only forms that are spellings of one another ("Kovalenko",
            // "Kowalenko"), not a given name against a family name.
            let keys: Vec<&String> = forms.keys().collect();
            let variant_of_another = |k: &String| {
                keys.iter().any(|o| {
                    *o != k && crate::text::edit_distance(&crate::text::fold(o), &crate::text::fold(k), 2) <= 2
                })
            };
            let forms: BTreeMap<&String, &Vec<crate::model::Span>> =
                forms.iter().filter(|(k, _)| variant_of_another(k)).collect();
            if forms.len() < 2 {
                continue;
            }
            // Forms that differ only in case are the same spelling.
            let folded: std::collections::BTreeSet<String> = forms.keys().map(|k| k.to_lowercase()).collect();
            if folded.len() < 2 {
                continue;
            }
            let accents_only =
                forms.keys().map(|k| crate::text::fold(k)).collect::<std::collections::BTreeSet<_>>().len() == 1;
            let parts: Vec<String> = forms
                .iter()
                .map(|(f, spans)| {
                    let mut docs: Vec<String> = spans.iter().map(|s| doc_label(a, s.doc())).collect();
                    docs.dedup();
                    format!("{f} ({})", docs.join(", "))
                })
                .collect();
            let spans: Vec<_> = forms.values().flat_map(|v| v.iter()).copied().collect();
            let mut d = new(
                DiscrepancyKind::Spelling,
                format!("{}: {}", ent.name, parts.join(" vs ")),
                spans,
                if accents_only { 0.4 } else { 0.55 },
            );
            d.details.push(if accents_only {
                "the same name with and without accents".to_string()
            } else {
                "spelling variants of one name".to_string()
            });
            d.entity = Some(e);
            out.push(d);
        }
    }
    out
}
