//! Fuzzy search over every entity and pledge, by name and by every alias.
//!
//! Users know roughly whom they want ("kovalenko", "that French minister") but not
//! how each outlet spelled the name. Matching ignores case and accents
//! ("sebastien" finds "Sébastien"), uses `fuzzy-matcher`'s skim algorithm, and
//! ranks whole-word and prefix matches above scattered letters; ties go to the
//! entity mentioned in more documents.
//!
//! Speed: a query that only grows re-matches the previous results, a cheap
//! in-order letter check runs before the scorer, and large indexes are scored
//! on all cores.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use crate::analysis::{Analysis, Selection};
use crate::model::EntityKind;
use crate::text::push_folded;

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Entity(EntityKind),
    Pledge,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Entity(k) => k.as_str(),
            ItemKind::Pledge => "pledge",
        }
    }
}

/// A searchable form of an item: as shown, folded, and where each folded
/// character came from in the shown form.
#[derive(Debug, Clone)]
struct Form {
    shown: String,
    folded: String,
    /// For each char of `folded`, the index of the char of `shown` it came from.
    origin: Vec<usize>,
}

impl Form {
    fn new(shown: &str) -> Form {
        let mut folded = String::with_capacity(shown.len());
        let mut origin = Vec::with_capacity(shown.len());
        let mut buf = String::new();
        for (ci, c) in shown.chars().enumerate() {
            buf.clear();
            push_folded(c, &mut buf);
            for f in buf.chars() {
                folded.push(f);
                origin.push(ci);
            }
        }
        Form { shown: shown.to_string(), folded, origin }
    }
}

/// One searchable item.
#[derive(Debug, Clone)]
pub struct Item {
    pub selection: Selection,
    pub kind: ItemKind,
    pub name: String,
    pub docs: usize,
    pub mentions: usize,
    forms: Vec<Form>,
}

/// One result: the item, its score, the form that matched (see
/// [`Searcher::form`]) and the matched characters of that form (char indices).
#[derive(Debug, Clone)]
pub struct Hit {
    pub item: usize,
    pub score: i64,
    pub form: usize,
    pub matched: Vec<usize>,
}

/// The search index and the last query's results.
#[derive(Debug)]
pub struct Searcher {
    pub items: Vec<Item>,
    /// All items, most widely mentioned first (the empty query's answer).
    by_mentions: Vec<usize>,
    last_query: String,
    /// Items that matched the last query (candidates for a longer one).
    last_items: Vec<usize>,
    pub hits: Vec<Hit>,
}

impl Searcher {
    /// Builds the index of an analysis: every entity with its aliases, every
    /// pledge with its label and the figure texts of each document.
    pub fn new(a: &Analysis) -> Searcher {
        let mut items = Vec::with_capacity(a.entities.len() + a.pledges.len());
        for (i, e) in a.entities.iter().enumerate() {
            let mut forms = vec![Form::new(&e.name)];
            for al in &e.aliases {
                if al != &e.name {
                    forms.push(Form::new(al));
                }
            }
            items.push(Item {
                selection: Selection::Entity(i),
                kind: ItemKind::Entity(e.kind),
                name: e.name.clone(),
                docs: e.doc_count,
                mentions: e.mentions.len(),
                forms,
            });
        }
        for (i, p) in a.pledges.iter().enumerate() {
            let mut forms = vec![Form::new(&p.label)];
            let mut seen: Vec<String> = vec![p.label.clone()];
            for &f in &p.figures {
                let t = crate::report::one_line(a.span_text(a.figures[f].span));
                if !seen.contains(&t) {
                    forms.push(Form::new(&t));
                    seen.push(t);
                }
            }
            items.push(Item {
                selection: Selection::Pledge(i),
                kind: ItemKind::Pledge,
                name: p.label.clone(),
                docs: p.docs.len(),
                mentions: p.figures.len(),
                forms,
            });
        }
        Searcher::from_items(items)
    }

    /// An item with a name and aliases (for indexes built elsewhere: benchmarks, tests).
    pub fn item(
        selection: Selection,
        kind: ItemKind,
        name: &str,
        aliases: &[String],
        docs: usize,
        mentions: usize,
    ) -> Item {
        let mut forms = vec![Form::new(name)];
        forms.extend(aliases.iter().map(|a| Form::new(a)));
        Item { selection, kind, name: name.to_string(), docs, mentions, forms }
    }

    /// An index of items built elsewhere (tests, benchmarks).
    pub fn from_items(items: Vec<Item>) -> Searcher {
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| {
            items[b].docs.cmp(&items[a].docs).then(items[b].mentions.cmp(&items[a].mentions)).then(a.cmp(&b))
        });
        let mut s =
            Searcher { items, by_mentions: order, last_query: String::new(), last_items: Vec::new(), hits: Vec::new() };
        s.search("");
        s
    }

    /// The text of the form a hit matched, as shown.
    pub fn form(&self, h: &Hit) -> &str {
        self.items[h.item].forms.get(h.form).map_or("", |f| f.shown.as_str())
    }

    /// Runs a query; the results are in `self.hits`, best first.
    pub fn search(&mut self, query: &str) -> &[Hit] {
        let mut q = String::new();
        for c in query.trim().chars() {
            push_folded(c, &mut q);
        }
        if q.is_empty() {
            // Everything, most widely mentioned first.
            self.hits =
                self.by_mentions.iter().map(|&i| Hit { item: i, score: 0, form: 0, matched: Vec::new() }).collect();
            self.last_query.clear();
            self.last_items = (0..self.items.len()).collect();
            return &self.hits;
        }
        // A query that only grew can only match what the shorter one matched.
        let candidates: Vec<usize> = if !self.last_query.is_empty() && q.starts_with(&self.last_query) {
            std::mem::take(&mut self.last_items)
        } else {
            (0..self.items.len()).collect()
        };
        let matcher = SkimMatcherV2::default();
        let score_one = |&i: &usize| -> Option<Hit> {
            best_form(&matcher, &self.items[i], &q).map(|(score, form)| Hit {
                item: i,
                score,
                form,
                matched: Vec::new(),
            })
        };
        let mut hits: Vec<Hit> = if candidates.len() > 4000 {
            candidates.par_iter().filter_map(score_one).collect()
        } else {
            candidates.iter().filter_map(score_one).collect()
        };
        let items = &self.items;
        // The key looks into the items: computed once per hit, not per comparison.
        hits.par_sort_by_cached_key(|h| {
            (
                std::cmp::Reverse(h.score),
                std::cmp::Reverse(items[h.item].docs),
                std::cmp::Reverse(items[h.item].mentions),
                h.item,
            )
        });
        // The matched letters are only needed for what can be shown.
        for h in hits.iter_mut().take(SHOWN) {
            let f = &self.items[h.item].forms[h.form];
            if let Some((_, idx)) = matcher.fuzzy_indices(&f.folded, &q) {
                h.matched = idx.iter().filter_map(|&i| f.origin.get(i).copied()).collect();
                h.matched.dedup();
            }
        }
        self.last_items = hits.iter().map(|h| h.item).collect();
        self.last_items.par_sort_unstable();
        self.last_query = q;
        self.hits = hits;
        &self.hits
    }
}

/// Whether all chars of `q` appear in `s` in order (a fast filter before scoring).
fn in_order(s: &str, q: &str) -> bool {
    let mut it = s.chars();
    q.chars().filter(|c| !c.is_whitespace()).all(|c| it.any(|x| x == c))
}

/// How many results get their matched letters computed (more than a picker shows).
pub const SHOWN: usize = 300;

/// A quick score for one- and two-letter queries, which match nearly every name:
/// where the letters stand (start of the name, start of a word, anywhere).
fn short_score(folded: &str, q: &str) -> Option<i64> {
    if let Some(pos) = folded.find(q) {
        let word_start = pos == 0 || !folded[..pos].chars().next_back().is_some_and(char::is_alphanumeric);
        return Some(
            if pos == 0 {
                60
            } else if word_start {
                40
            } else {
                20
            } - (pos as i64).min(15),
        );
    }
    in_order(folded, q).then_some(5)
}

/// The best-scoring form of an item for a folded query: (score, form index).
fn best_form(m: &SkimMatcherV2, item: &Item, q: &str) -> Option<(i64, usize)> {
    let mut best: Option<(i64, usize)> = None;
    let short = q.chars().count() <= 2;
    for (fi, f) in item.forms.iter().enumerate() {
        if !in_order(&f.folded, q) {
            continue;
        }
        let scored = if short { short_score(&f.folded, q) } else { m.fuzzy_match(&f.folded, q) };
        let Some(score) = scored else { continue };
        let score = score + word_bonus(&f.folded, q);
        if best.is_none_or(|b| score > b.0) {
            best = Some((score, fi));
        }
    }
    best
}

/// Extra score for matches on word boundaries: the whole form, a whole word, a
/// word's start, in that order.
fn word_bonus(folded: &str, q: &str) -> i64 {
    if folded == q {
        return 400;
    }
    if folded.starts_with(q) {
        return 250;
    }
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect();
    let qwords: Vec<&str> = q.split_whitespace().collect();
    if qwords.iter().all(|qw| words.contains(qw)) {
        return 200;
    }
    if qwords.iter().all(|qw| words.iter().any(|w| w.starts_with(qw))) {
        return 120;
    }
    if folded.contains(q) {
        return 60;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn seeds() -> (Analysis, Searcher) {
        let a = Analysis::run(Corpus::seeds());
        let s = Searcher::new(&a);
        (a, s)
    }

    #[test]
    fn empty_query_lists_everything_most_mentioned_first() {
        let (a, mut s) = seeds();
        let n = s.search("").len();
        assert_eq!(n, a.entities.len() + a.pledges.len());
        let first = s.hits[0].item;
        assert!(s.items[first].docs >= s.items[s.hits[n - 1].item].docs);
    }

    fn item(name: &str, docs: usize) -> Item {
        Item {
            selection: Selection::Entity(0),
            kind: ItemKind::Entity(EntityKind::Person),
            name: name.into(),
            docs,
            mentions: docs,
            forms: vec![Form::new(name)],
        }
    }

    #[test]
    fn prefix_and_whole_words_beat_scattered_letters() {
        let mut s =
            Searcher::from_items(vec![item("Anna Marchetti", 1), item("Marta Chen", 1), item("Ramona Tchekhova", 5)]);
        s.search("mar");
        let names: Vec<String> = s.hits.iter().map(|h| s.items[h.item].name.clone()).collect();
        assert_eq!(names[0], "Marta Chen", "prefix of the whole name first: {names:?}");
        let mut s = Searcher::from_items(vec![item("Leo Kim", 1), item("Kimberly Lo", 1)]);
        s.search("kim");
        let names: Vec<String> = s.hits.iter().map(|h| s.items[h.item].name.clone()).collect();
        assert_eq!(names[0], "Kimberly Lo");
        assert_eq!(names[1], "Leo Kim");
    }

    #[test]
    fn ties_go_to_the_more_widely_mentioned() {
        let mut s = Searcher::from_items(vec![item("Jo Bell", 1), item("Jo Bell", 4)]);
        let h = s.search("bell")[0].clone();
        assert_eq!(s.items[h.item].docs, 4);
    }

    #[test]
    fn a_growing_query_reuses_the_last_results_and_stays_correct() {
        let (_, mut s) = seeds();
        let a: Vec<usize> = s.search("he").iter().map(|h| h.item).collect();
        let b: Vec<usize> = s.search("hea").iter().map(|h| h.item).collect();
        assert!(b.iter().all(|i| a.contains(i)));
        // Going back (shorter) starts again from everything.
        let c: Vec<usize> = s.search("h").iter().map(|h| h.item).collect();
        assert!(c.len() >= a.len());
    }
}
