//! Generic lexicons from `assets/`, compiled into the binary.
//!
//! Everything the recognisers know about a language lives here: titles, honorifics,
//! speech verbs, organisation and place heads, countries and cities, currencies,
//! commitment words, common words, first names. None of it names anyone in
//! particular; the recognisers find the people of a story from how they are
//! written about.

/// Lexicon lookups happen for every word of every document: a fast hash, not `SipHash`.
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
type HashSet<K> = rustc_hash::FxHashSet<K>;
use std::sync::OnceLock;

use crate::text::{fold, fold_into};

/// A set of (possibly multi-word) phrases, each with a payload, matched token by
/// token on folded text.
#[derive(Debug, Clone)]
pub struct PhraseMap<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for PhraseMap<T> {
    fn default() -> Self {
        PhraseMap { by_first: HashMap::default() }
    }
}

impl<T: Clone> PhraseMap<T> {
    pub fn insert(&mut self, phrase: &str, value: T) {
        self.insert_with(phrase, value, |_, _| {});
    }

    /// Inserts, or merges `value` into the existing value of the same phrase.
    pub fn insert_with(&mut self, phrase: &str, value: T, merge: impl FnOnce(&mut T, T)) {
        let words: Vec<String> = split_phrase(phrase);
        if words.is_empty() {
            return;
        }
        let v = self.by_first.entry(words[0].clone()).or_default();
        if let Some((_, old)) = v.iter_mut().find(|(w, _)| *w == words) {
            merge(old, value);
            return;
        }
        v.push((words, value));
        v.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    }

    /// The longest phrase that starts at `words[0]`: how many words it covers and its value.
    /// `words` are already folded.
    pub fn longest<S: AsRef<str>>(&self, words: &[S]) -> Option<(usize, &T)> {
        let first = words.first()?.as_ref();
        let cands = self.by_first.get(first)?;
        cands
            .iter()
            .find(|(p, _)| p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b.as_ref()))
            .map(|(p, v)| (p.len(), v))
    }

    /// [`PhraseMap::longest`] over `n` words given by a function, without
    /// collecting them first.
    pub fn longest_with<'s>(&self, n: usize, word: impl Fn(usize) -> &'s str) -> Option<(usize, &T)> {
        if n == 0 {
            return None;
        }
        let cands = self.by_first.get(word(0))?;
        cands
            .iter()
            .find(|(p, _)| p.len() <= n && p.iter().enumerate().all(|(k, a)| a == word(k)))
            .map(|(p, v)| (p.len(), v))
    }

    /// Whether some phrase starts with this (folded) word.
    pub fn contains_first(&self, w: &str) -> bool {
        self.by_first.contains_key(w)
    }

    pub fn contains_word(&self, w: &str) -> bool {
        self.by_first.get(w).is_some_and(|v| v.iter().any(|(p, _)| p.len() == 1))
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Vec<String>, &T)> {
        self.by_first.values().flatten().map(|(p, v)| (p, v))
    }
}

/// A folded role word without a modifier joined to it by a hyphen
/// ("vice-minister" -> "minister", "co-director" -> "director"): a deputy's
/// office is named by the office it deputises for.
pub fn without_hyphen_modifier(k: &str) -> &str {
    match k.split_once('-') {
        Some(("vice" | "deputy" | "assistant" | "under" | "co", rest)) => rest,
        _ => k,
    }
}

/// Whether a folded word is a regnal number ending a name ("Charles III",
/// "Adewale II"): no acronym, and no surname.
pub fn is_regnal(key: &str) -> bool {
    matches!(key, "ii" | "iii" | "iv" | "vi" | "vii" | "viii" | "ix" | "xi" | "xii")
}

/// Splits a lexicon phrase into folded words, keeping hyphenated words whole and
/// dropping a trailing period ("Mr." and "Mr" are one entry).
pub fn split_phrase(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| {
            let w = if w.len() > 1 { w.trim_end_matches('.') } else { w };
            fold(w)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// What a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Capital,
    City,
    Region,
    Continent,
    UsState,
}

/// A place of the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    pub kind: PlaceKind,
    pub name: String,
    pub aliases: Vec<String>,
}

/// Where a currency word stands relative to the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurrencyPos {
    Prefix,
    Suffix,
    Both,
}

/// Classes of a title-like phrase, as bit flags (a word may be several: "General").
pub mod title {
    /// Mr, Sir, Dr: part of the name as written.
    pub const HONORIFIC: u8 = 1;
    /// Admiral, General: part of the name as written, and a role.
    pub const RANK: u8 = 2;
    /// President, Prime Minister: a role, not part of the name.
    pub const HEAD: u8 = 4;
    /// Prime, Defence, Deputy: may precede a head.
    pub const MODIFIER: u8 = 8;
}

/// All lexicons.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub first_names: HashSet<String>,
    /// First names that are mostly men's, and mostly women's.
    pub male: HashSet<String>,
    pub female: HashSet<String>,
    pub common: HashSet<String>,
    pub function: HashSet<&'static str>,
    pub speech_verbs: HashSet<String>,
    /// Title-like phrases (honorifics, ranks, office heads, modifiers).
    pub titles: PhraseMap<u8>,
    /// Honorifics that go with a first name when used alone (Sir, Dame).
    pub firstname_honorifics: HashSet<String>,
    /// Lower-case role nouns that mark a following name as a person.
    pub lower_roles: PhraseMap<()>,
    /// Words that open a credit line ("Photo:", "Reporting by"), which names people.
    pub credits: PhraseMap<()>,
    pub org_heads: HashSet<String>,
    /// Companies' legal forms ("ltd", "gmbh", "s.a"), folded, without a final period.
    pub legal_forms: HashSet<String>,
    pub org_prefixes: HashSet<String>,
    /// Words that start an organisation's name without "of" ("Grupo X", "Naviera X").
    pub org_starts: HashSet<String>,
    pub org_connectors: HashSet<String>,
    /// Lower-case nouns that say what the name after them is ("the newspaper X",
    /// "the river X"): the kind they give.
    pub kind_nouns: HashMap<String, crate::model::EntityKind>,
    /// Words that start a place's name ("River X", "Lake X", "Mount X").
    pub place_prefixes: HashSet<String>,
    /// Words that start the name of a named thing ("Cyclone X", "Lifeboat X").
    pub thing_prefixes: HashSet<String>,
    /// Nouns of named things that are no entity ("the ferry X", "the storm X").
    pub thing_nouns: HashSet<String>,
    pub places: Vec<Place>,
    /// For each place, the country it is, is the capital of (the gazetteer lists
    /// each capital right after its country) or lies in (a city's, a region's or a
    /// state's fifth column).
    pub country_of: Vec<Option<usize>>,
    /// Place names and aliases -> index in `places`.
    pub place_names: PhraseMap<usize>,
    /// Demonyms ("French") -> index in `places`.
    pub demonyms: PhraseMap<usize>,
    /// Currency forms -> (ISO code, position).
    pub currencies: PhraseMap<(String, CurrencyPos)>,
    /// Prefixes that are a currency only in a story naming its country ("N5
    /// billion" in Nigeria): form as written -> (ISO code, country in `places`).
    pub local_currencies: HashMap<String, (String, usize)>,
    pub commitment_nouns: HashSet<String>,
    pub commitment_verbs: HashSet<String>,
    /// Word -> synonym group ("deal" -> "agreement", "nations" -> "country").
    pub synonyms: HashMap<String, String>,
    pub particles: HashSet<String>,
    pub surname_first: HashSet<String>,
    /// Family names written first whose bearers are called by their last name
    /// word (Vietnamese); a subset of `surname_first`.
    pub given_called: HashSet<String>,
    pub patronymics: Vec<String>,
    pub place_heads: HashSet<String>,
    pub event_heads: HashSet<String>,
    /// Capitalised words never taken as names, case-sensitive.
    pub not_entity: HashSet<String>,
}

const FIRST_NAMES: &str = include_str!("../assets/first_names.txt");
const FIRST_NAMES_INTL: &str = include_str!("../assets/first_names_intl.txt");
const COMMON: &str = include_str!("../assets/common_words.txt");
const SPEECH: &str = include_str!("../assets/speech_verbs.txt");
const TITLES: &str = include_str!("../assets/titles.tsv");
const ORG_HEADS: &str = include_str!("../assets/org_heads.tsv");
const GAZETTEER: &str = include_str!("../assets/gazetteer.tsv");
const CURRENCIES: &str = include_str!("../assets/currencies.tsv");
const COMMITMENT: &str = include_str!("../assets/commitment_words.tsv");
const NAME_RULES: &str = include_str!("../assets/name_rules.tsv");

/// Lines of an asset file that carry data (no comments, no blanks).
fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Function words: determiners, pronouns, prepositions, conjunctions and
/// auxiliaries. Grammar, not vocabulary, so they are written here.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "each",
    "every",
    "no",
    "all",
    "both",
    "either",
    "neither",
    "another",
    "other",
    "such",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "why",
    "how",
    "i",
    "me",
    "my",
    "mine",
    "we",
    "us",
    "our",
    "ours",
    "you",
    "your",
    "yours",
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "it",
    "its",
    "they",
    "them",
    "their",
    "theirs",
    "myself",
    "himself",
    "herself",
    "itself",
    "themselves",
    "ourselves",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "about",
    "against",
    "between",
    "into",
    "through",
    "during",
    "before",
    "after",
    "above",
    "below",
    "to",
    "from",
    "up",
    "down",
    "out",
    "off",
    "over",
    "under",
    "again",
    "further",
    "then",
    "once",
    "upon",
    "within",
    "without",
    "across",
    "along",
    "amid",
    "among",
    "around",
    "towards",
    "toward",
    "via",
    "per",
    "since",
    "until",
    "till",
    "despite",
    "than",
    "as",
    "like",
    "unlike",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "because",
    "while",
    "although",
    "though",
    "unless",
    "whether",
    "not",
    "be",
    "is",
    "am",
    "are",
    "was",
    "were",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "there",
    "here",
    "also",
    "only",
    "just",
    "very",
    "too",
    "more",
    "most",
    "less",
    "least",
    "much",
    "many",
    "few",
    "own",
    "same",
    "s",
    "t",
    "'s",
    "’s",
    "n't",
    "yes",
    "onto",
    "beyond",
    "whilst",
];

impl Lexicon {
    /// The compiled-in lexicon, parsed once.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut l = Lexicon::default();
        for line in data_lines(FIRST_NAMES).chain(data_lines(FIRST_NAMES_INTL)) {
            let mut f = line.split('\t');
            let name = fold(f.next().unwrap_or("").trim());
            match f.next().map(str::trim) {
                Some("M") => {
                    l.male.insert(name.clone());
                }
                Some("F") => {
                    l.female.insert(name.clone());
                }
                _ => {}
            }
            l.first_names.insert(name);
        }
        l.common = data_lines(COMMON).map(|w| fold(w.trim())).collect();
        for w in FUNCTION_WORDS {
            l.common.insert((*w).to_string());
            l.function.insert(w);
        }
        l.speech_verbs = data_lines(SPEECH).map(|w| fold(w.trim())).collect();
        for line in data_lines(TITLES) {
            let mut f = line.split('\t');
            let (Some(class), Some(phrase)) = (f.next(), f.next()) else {
                continue;
            };
            let phrase = phrase.trim();
            match class.trim() {
                "honorific" => l.titles.insert_with(phrase, title::HONORIFIC, |o, v| *o |= v),
                "firstname_honorific" => {
                    l.firstname_honorifics.insert(fold(phrase.trim_end_matches('.')));
                }
                "rank" => l.titles.insert_with(phrase, title::RANK, |o, v| *o |= v),
                "head" => l.titles.insert_with(phrase, title::HEAD, |o, v| *o |= v),
                "modifier" => l.titles.insert_with(phrase, title::MODIFIER, |o, v| *o |= v),
                "lower_role" => l.lower_roles.insert(phrase, ()),
                "credit" => l.credits.insert(phrase, ()),
                _ => {}
            }
        }
        for line in data_lines(ORG_HEADS) {
            let mut f = line.split('\t');
            let (Some(class), Some(w)) = (f.next(), f.next()) else {
                continue;
            };
            let w = w.trim();
            match class.trim() {
                "head" => {
                    // Multi-word heads ("Air Force") are matched by their last word.
                    if let Some(last) = w.split_whitespace().last() {
                        l.org_heads.insert(fold(last.trim_end_matches('.')));
                    }
                }
                "legal" => {
                    if let Some(last) = w.split_whitespace().last() {
                        l.org_heads.insert(fold(last.trim_end_matches('.')));
                    }
                    l.legal_forms.insert(fold(w.trim_end_matches('.')));
                }
                "prefix" => {
                    l.org_prefixes.insert(fold(w));
                }
                "start" => {
                    l.org_starts.insert(fold(w));
                }
                _ => {}
            }
        }
        for line in data_lines(GAZETTEER) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 2 {
                continue;
            }
            let kind = match f[0].trim() {
                "country" => PlaceKind::Country,
                "capital" => PlaceKind::Capital,
                "city" => PlaceKind::City,
                "region" => PlaceKind::Region,
                "continent" => PlaceKind::Continent,
                "us_state" => PlaceKind::UsState,
                _ => continue,
            };
            let name = f[1].trim().to_string();
            if name.is_empty() {
                continue;
            }
            let aliases: Vec<String> = f
                .get(2)
                .map(|a| a.split('|').map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect())
                .unwrap_or_default();
            // A city that shares its name with a country or capital is the same entry.
            let key = split_phrase(&name);
            if let Some((n, &idx)) = l.place_names.longest(&key) {
                if n == key.len() {
                    for a in &aliases {
                        l.place_names.insert(a, idx);
                    }
                    continue;
                }
            }
            let idx = l.places.len();
            l.place_names.insert(&name, idx);
            for a in &aliases {
                l.place_names.insert(a, idx);
            }
            if let Some(d) = f.get(3) {
                for dem in d.split('|').map(str::trim).filter(|d| !d.is_empty()) {
                    l.demonyms.insert(dem, idx);
                }
            }
            let country = match kind {
                PlaceKind::Country => Some(idx),
                PlaceKind::Capital => l.places.iter().rposition(|p| p.kind == PlaceKind::Country),
                // Cities, regions and states name their country in a fifth column.
                _ => f
                    .get(4)
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .and_then(|c| l.places.iter().position(|p| p.kind == PlaceKind::Country && p.name == c)),
            };
            l.country_of.push(country);
            l.places.push(Place { kind, name, aliases });
        }
        for line in data_lines(CURRENCIES) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            if f[2].trim() == "local" {
                let country = f
                    .get(3)
                    .and_then(|c| l.places.iter().position(|p| p.kind == PlaceKind::Country && p.name == c.trim()));
                if let Some(country) = country {
                    l.local_currencies.insert(f[0].trim().to_string(), (f[1].trim().to_string(), country));
                }
                continue;
            }
            let pos = match f[2].trim() {
                "prefix" => CurrencyPos::Prefix,
                "suffix" => CurrencyPos::Suffix,
                _ => CurrencyPos::Both,
            };
            let form = f[0].trim();
            // Symbols are single tokens: "US$" is lexed as "US" + "$", so keep the
            // phrase split between letters and symbols.
            l.currencies.insert(&split_symbol(form), (f[1].trim().to_string(), pos));
        }
        for line in data_lines(COMMITMENT) {
            let f: Vec<&str> = line.split('\t').collect();
            match (f.first().map(|s| s.trim()), f.get(1)) {
                (Some("noun"), Some(w)) => {
                    l.commitment_nouns.insert(fold(w.trim()));
                }
                (Some("verb"), Some(w)) => {
                    l.commitment_verbs.insert(fold(w.trim()));
                }
                (Some("synonym"), Some(w)) => {
                    if let Some(g) = f.get(2) {
                        l.synonyms.insert(fold(w.trim()), fold(g.trim()));
                    }
                }
                _ => {}
            }
        }
        for line in data_lines(NAME_RULES) {
            let mut f = line.split('\t');
            let (Some(class), Some(w)) = (f.next(), f.next()) else {
                continue;
            };
            let w = w.trim();
            match class {
                "particle" => {
                    l.particles.insert(fold(w));
                }
                "surname_first" => {
                    l.surname_first.insert(fold(w));
                }
                "given_called" => {
                    l.surname_first.insert(fold(w));
                    l.given_called.insert(fold(w));
                }
                "patronymic" => l.patronymics.push(fold(w)),
                "place_head" => {
                    l.place_heads.insert(fold(w));
                }
                "event_head" => {
                    l.event_heads.insert(fold(w));
                }
                "not_entity" => {
                    l.not_entity.insert(w.to_string());
                }
                "org_connector" => {
                    l.org_connectors.insert(fold(w));
                }
                "org_noun" => {
                    l.kind_nouns.insert(fold(w), crate::model::EntityKind::Organisation);
                }
                "place_noun" => {
                    l.kind_nouns.insert(fold(w), crate::model::EntityKind::Place);
                }
                "thing_prefix" => {
                    l.thing_prefixes.insert(fold(w));
                }
                "place_prefix" => {
                    l.place_prefixes.insert(fold(w));
                }
                "thing_noun" => {
                    l.thing_nouns.insert(fold(w));
                }
                _ => {}
            }
        }
        l
    }

    /// Is `w` (any case) a common English word?
    pub fn is_common(&self, w: &str) -> bool {
        with_folded(w, |f| self.common.contains(f))
    }

    /// Is `w` (any case) a function word (determiner, preposition, pronoun...)?
    pub fn is_function_word(&self, w: &str) -> bool {
        with_folded(w, |f| self.function.contains(f))
    }

    pub fn is_first_name(&self, w: &str) -> bool {
        with_folded(w, |f| self.first_names.contains(f))
    }

    pub fn is_speech_verb(&self, w: &str) -> bool {
        with_folded(w, |f| self.speech_verbs.contains(f))
    }

    pub fn is_org_head(&self, w: &str) -> bool {
        with_folded(w.trim_end_matches('.'), |f| self.org_heads.contains(f))
    }

    pub fn synonym_group<'a>(&'a self, w: &'a str) -> &'a str {
        self.synonyms.get(w).map_or(w, String::as_str)
    }

    /// The sex an honorific implies: `Some(true)` for a man ("Mr", "Sir"),
    /// `Some(false)` for a woman ("Mrs", "Ms", "Dame"), `None` otherwise.
    pub fn honorific_male(h: &str) -> Option<bool> {
        match h {
            "mr" | "mister" | "sir" | "lord" | "herr" | "senor" | "monsieur" | "baron" | "king" | "prince" => {
                Some(true)
            }
            "mrs" | "ms" | "miss" | "dame" | "lady" | "madam" | "mme" | "mlle" | "frau" | "senora" | "senorita"
            | "madame" | "baroness" | "queen" | "princess" => Some(false),
            _ => None,
        }
    }

    /// The sex a first name suggests, when it clearly does.
    pub fn name_male(&self, given: &str) -> Option<bool> {
        if self.male.contains(given) {
            Some(true)
        } else if self.female.contains(given) {
            Some(false)
        } else {
            None
        }
    }

    /// Is `w` a Slavic patronymic ("Vladimirovich", "Oleksandrivna")?
    pub fn is_patronymic(&self, w: &str) -> bool {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 7
            && with_folded(w, |f| self.patronymics.iter().any(|p| f.len() > p.len() + 3 && f.ends_with(p.as_str())))
    }
}

/// Splits a currency form so that letters and symbols are separate words ("US$" -> "US $").
fn split_symbol(form: &str) -> String {
    let mut out = String::new();
    let mut prev_alpha: Option<bool> = None;
    for c in form.chars() {
        if c.is_whitespace() {
            out.push(' ');
            prev_alpha = None;
            continue;
        }
        let a = c.is_alphanumeric() || c == '.';
        if prev_alpha.is_some_and(|p| p != a) {
            out.push(' ');
        }
        out.push(c);
        prev_alpha = Some(a);
    }
    out
}

/// Calls `f` with the folded form of `w`, without allocating for short ASCII words.
pub fn with_folded<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    // Already folded (the tokenizer's keys are): no copy at all.
    if w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'\'' || b == b'.') {
        return f(w);
    }
    if w.len() <= 32 && w.is_ascii() {
        let mut buf = [0u8; 32];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out.
        f(std::str::from_utf8(b).unwrap_or(""))
    } else {
        let mut s = String::new();
        fold_into(w, &mut s);
        f(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_every_asset() {
        let l = Lexicon::get();
        assert!(l.first_names.len() > 4000);
        assert!(l.is_first_name("John"));
        assert!(l.is_common("the") && l.is_common("However"));
        assert!(l.is_speech_verb("said"));
        assert!(l.is_org_head("Ministry"));
        assert!(l.places.len() > 300);
        assert!(!l.currencies.is_empty());
        assert!(l.commitment_nouns.contains("loan"));
        assert!(l.surname_first.contains("xi"));
    }

    #[test]
    fn phrase_map_prefers_longest() {
        let l = Lexicon::get();
        let w = split_phrase("Prime Minister Smith");
        let (n, c) = l.titles.longest(&w).unwrap();
        assert_eq!(n, 2);
        assert!(*c & title::HEAD != 0);
        let w = split_phrase("United Kingdom and");
        let (n, &i) = l.place_names.longest(&w).unwrap();
        assert_eq!(n, 2);
        assert_eq!(l.places[i].kind, PlaceKind::Country);
        let w = split_phrase("U.K. today");
        assert_eq!(l.place_names.longest(&w).map(|(_, &j)| j), Some(i));
    }

    #[test]
    fn currency_forms_split_symbols() {
        assert_eq!(split_symbol("US$"), "US $");
        assert_eq!(split_symbol("£"), "£");
        let l = Lexicon::get();
        let (_, (code, _)) = l.currencies.longest(&split_phrase("US $")).unwrap();
        assert_eq!(code, "USD");
    }

    #[test]
    fn patronymics() {
        let l = Lexicon::get();
        assert!(l.is_patronymic("Vladimirovich"));
        assert!(l.is_patronymic("Oleksandrivna"));
        assert!(!l.is_patronymic("Ivanov"));
        assert!(!l.is_patronymic("Rich"));
    }
}
