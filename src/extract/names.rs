//! People, organisations and places, recognised from how they are written.
//!
//! The recogniser reads runs of capitalised words and decides what each run is
//! from the language around it: a title or honorific in front ("Defence Secretary",
//! "Admiral Sir"), a lower-case role ("Ukrainian president"), a speech verb
//! ("said X", "X told"), a first name, a patronymic, a credit line ("Photo:
//! Agency/Name"), an organisation head ("Ministry of ...", "... Group"), the
//! gazetteer. Runs it cannot decide are kept as candidates: the resolver later
//! accepts them when they match a name established elsewhere ("Okafor" after
//! "Grace Okafor has said").

use crate::lexicon::{title, Lexicon};
use crate::model::{BlankRole, EntityKind, RoleUse, Span};
use crate::token::{flag, is_initial, Kind, Tokens};

/// One recognised (or candidate) name in a document.
#[derive(Debug, Clone)]
pub struct NameHit {
    /// `None` for a candidate that only the resolver can decide.
    pub kind: Option<EntityKind>,
    /// The mention as written, honorifics included ("Mr Okafor").
    pub span: Span,
    /// The first and last token of the name without honorifics or titles
    /// (see [`NameHit::core_keys`] and [`NameHit::display`]).
    pub core: (u32, u32),
    /// "Sir" or "Dame" in front: the single name after it is a first name.
    pub first_name_honorific: bool,
    /// The sex an honorific in front implies ("Mr": `Some(true)`, "Mrs": `Some(false)`).
    pub male: Option<bool>,
    /// A title or role in front ("Defence Secretary"); most names have none.
    pub role: Option<Box<RoleUse>>,
    /// Gazetteer index, for places.
    pub place: Option<usize>,
    /// An all-capitals abbreviation ("NATO").
    pub acronym: bool,
    /// The acronym this organisation defines in parentheses right after it.
    pub defines: Option<String>,
    /// Inside a title-case headline, where capitals say nothing.
    pub headline: bool,
    /// A person only because the first word is a common first name: the
    /// resolver gives it to an organisation whose name starts the same way.
    pub weak: bool,
    /// A lone word that "said it would ...": an organisation unless a person has that name.
    pub neuter: bool,
}

impl NameHit {
    /// The folded words of the name, without honorifics or titles.
    pub fn core_keys<'a>(&self, t: &'a Tokens) -> Vec<&'a str> {
        (self.core.0 as usize..=self.core.1 as usize)
            .filter(|&i| t.toks[i].kind == Kind::Word)
            .map(|i| t.key(i))
            .collect()
    }

    /// The name without honorifics, as written (soft line breaks as spaces).
    pub fn display<'a>(&self, t: &'a Tokens) -> &'a str {
        &t.flat[t.toks[self.core.0 as usize].start as usize..t.toks[self.core.1 as usize].end as usize]
    }
}

/// Everything the name recogniser finds in one document.
#[derive(Debug, Clone, Default)]
pub struct DocNames {
    pub hits: Vec<NameHit>,
    pub blanks: Vec<BlankRole>,
}

/// Whether tokens `i` and `i + 1` are two commas: a slot where a name was cut out.
fn is_slot(t: &Tokens, i: usize) -> bool {
    t.is_punct(i, ',') && t.is_punct(i + 1, ',')
}

/// Words that follow a name as post-nominal letters ("John Smith MP").
fn is_post_nominal(w: &str) -> bool {
    matches!(
        w,
        "MP" | "MEP"
            | "MSP"
            | "MS"
            | "AM"
            | "QC"
            | "KC"
            | "OBE"
            | "CBE"
            | "MBE"
            | "KBE"
            | "DBE"
            | "PhD"
            | "MD"
            | "Jr"
            | "Sr"
    )
}

fn is_month(w: &str) -> bool {
    crate::extract::numbers::month_number(w).is_some()
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Mon"
            | "Tue"
            | "Tues"
            | "Wed"
            | "Thu"
            | "Thur"
            | "Thurs"
            | "Fri"
            | "Sat"
            | "Sun"
    )
}

/// Lower-case words after which a capitalised name is the subject of a statement
/// about a government or campaign ("the X administration"): a person's surname.
fn is_leader_noun(w: &str) -> bool {
    matches!(
        w,
        "administration"
            | "presidency"
            | "government"
            | "campaign"
            | "cabinet"
            | "premiership"
            | "era"
            | "regime"
            | "White"
    )
}

struct Ctx<'a> {
    lex: &'a Lexicon,
    t: &'a Tokens,
    doc: usize,
    out: DocNames,
    /// The organisation in front of the title being read ("Corvane" Chief Executive ...).
    role_org: Option<String>,
    /// Per token: can it be part of a capitalised name?
    capish: Vec<bool>,
    /// The names of named things ("Cyclone Orun", "the ferry X"), folded
    /// words joined by spaces: said alone later, they name no person either.
    things: Vec<String>,
    /// Places named before their kind, as written with any title ("Doña
    /// Isabel" of "the Doña Isabel mine"): said alone later, the same place.
    named_places: Vec<String>,
}

/// Finds the names of one document.
pub fn find(t: &Tokens, doc: usize, lex: &Lexicon) -> DocNames {
    let mut cx = Ctx {
        lex,
        t,
        doc,
        out: DocNames::default(),
        role_org: None,
        capish: Vec::new(),
        things: Vec::new(),
        named_places: Vec::new(),
    };
    cx.capish = (0..t.len()).map(|i| cx.compute_capish(i)).collect();
    for si in 0..t.sents.len() {
        let r = t.sents[si].clone();
        cx.sentence(r);
    }
    cx.lower_role_blanks();
    if !cx.things.is_empty() {
        // "Orun came ashore" after "Cyclone Orun": the storm again, no person.
        let things = std::mem::take(&mut cx.things);
        // A person only by a given name ("the Adelina Ferro left Rotterdam"
        // after "the cruise ship Adelina Ferro") is the thing again too.
        cx.out.hits.retain(|h| {
            (h.kind.is_some() && !(h.kind == Some(EntityKind::Person) && h.weak))
                || h.role.is_some()
                || h.male.is_some()
                || {
                    let k = h.core_keys(t).join(" ");
                    !things.contains(&k)
                }
        });
    }
    if !cx.named_places.is_empty() {
        // "Doña Isabel produced 118,000 tonnes" after "the Doña Isabel copper
        // mine": the mine again, written the same way.
        let places = std::mem::take(&mut cx.named_places);
        for h in &mut cx.out.hits {
            if h.kind == Some(EntityKind::Person)
                && h.role.is_none()
                && places.iter().any(|p| *p == t.flat[h.span.range()])
            {
                h.kind = Some(EntityKind::Place);
                h.male = None;
                // The place's name is the whole of it, title and all.
                while h.core.0 > 0 && t.toks[h.core.0 as usize - 1].start >= h.span.start {
                    h.core.0 -= 1;
                }
            }
        }
    }
    cx.out
}

impl Ctx<'_> {
    fn text(&self, i: usize) -> &str {
        self.t.text(i)
    }

    /// A token that can be part of a capitalised name (computed once per token).
    fn capish(&self, i: usize) -> bool {
        self.capish.get(i).copied().unwrap_or(false)
    }

    fn compute_capish(&self, i: usize) -> bool {
        let tok = &self.t.toks[i];
        if tok.kind != Kind::Word || tok.has(flag::DIGIT) {
            return false;
        }
        let s = self.text(i);
        let joined = s.contains(['-', '\'', '’']);
        if !tok.has(flag::CAP) {
            // "al-Sisi", "bin-Salman", "d'Estaing": a particle glued to a capital.
            return joined
                && s.split_once(['-', '\'', '’'])
                    .is_some_and(|(p, rest)| p.len() <= 3 && rest.chars().next().is_some_and(char::is_uppercase));
        }
        // "I'll", "We're": a pronoun with a contraction.
        if joined {
            if let Some((head, _)) = self.t.key(i).split_once(['\'', '’']) {
                if self.lex.function.contains(head) {
                    return false;
                }
            }
        }
        // "AU$", "US$": part of a currency, not a name; nor are letters glued
        // to a number ("P8.9bn" in pesos, "JD200 million").
        let next_glued = |k: Kind| self.t.toks.get(i + 1).is_some_and(|n| n.kind == k && n.glued());
        if self.t.is_punct(i + 1, '$') && next_glued(Kind::Punct) || next_glued(Kind::Number) {
            return false;
        }
        s.len() > 9
            || !(is_month(s) || is_weekday(s))
            || self.month_as_first_name(i)
            || self.month_as_given_name_last(i)
            || self.weekday_in_name(i)
    }

    /// "Plant manager Ishikawa Jun said": a month that is a given name, right
    /// after a family name written first, and before no number ("Jun 5", "Jun.
    /// 5"), is part of the name.
    fn month_as_given_name_last(&self, i: usize) -> bool {
        let t = self.t;
        let s = t.text(i);
        if i == 0 || !is_month(s) || !self.lex.first_names.contains(t.key(i)) {
            return false;
        }
        let p = &t.toks[i - 1];
        let family = p.is_cap_word()
            && !p.has(flag::ALL_CAPS)
            && !t.toks[i].has(flag::BREAK_BEFORE)
            && !is_month(t.text(i - 1))
            && !is_weekday(t.text(i - 1))
            && !self.lex.is_common(t.key(i - 1))
            && !self.lex.function.contains(t.key(i - 1))
            && !self.lex.place_names.contains_word(t.key(i - 1))
            && !self.lex.org_heads.contains(t.key(i - 1));
        let number_at = |j: usize| t.toks.get(j).is_some_and(|x| x.kind == Kind::Number);
        family && !number_at(i + 1) && !(t.is_punct(i + 1, '.') && number_at(i + 2))
    }

    /// "Đặng Thu Trang": a short weekday ("Thu", "Sat") without its period,
    /// between two capitalised words that are no dates, is part of a name.
    fn weekday_in_name(&self, i: usize) -> bool {
        let t = self.t;
        let s = t.text(i);
        let name_word = |j: usize| {
            t.toks.get(j).is_some_and(|x| x.is_cap_word() && !x.has(flag::ALL_CAPS) && !x.has(flag::BREAK_BEFORE))
                && !is_month(t.text(j))
                && !is_weekday(t.text(j))
        };
        s.len() <= 4
            && is_weekday(s)
            && !t.is_punct(i + 1, '.')
            && i > 0
            && name_word(i - 1)
            && !self.lex.is_common(t.key(i - 1))
            && !t.toks[i].has(flag::BREAK_BEFORE)
            && name_word(i + 1)
    }

    /// "Jan de Vries", "June Okafor": a month that is a first name, before a
    /// surname and after no number or preposition ("12 May", "in May Parliament").
    fn month_as_first_name(&self, i: usize) -> bool {
        let t = self.t;
        if !is_month(t.text(i)) || !self.lex.first_names.contains(t.key(i)) {
            return false;
        }
        let after_date_word = i > 0
            && (t.toks[i - 1].kind == Kind::Number
                || matches!(
                    t.key(i - 1),
                    "in" | "on"
                        | "since"
                        | "until"
                        | "of"
                        | "from"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "through"
                        | "before"
                        | "after"
                        | "during"
                ));
        let mut j = i + 1;
        if j < t.len()
            && t.toks[j].kind == Kind::Word
            && !t.toks[j].has(flag::CAP)
            && self.lex.particles.contains(t.key(j))
        {
            j += 1;
        }
        let surname = j < t.len()
            && t.toks[j].is_cap_word()
            && !is_month(t.text(j))
            && !self.lex.is_common(t.text(j))
            && !self.lex.org_heads.contains(t.key(j));
        !after_date_word && surname && t.toks.get(j + 1).is_none_or(|x| x.kind != Kind::Number)
    }

    /// Whether tokens `j..j + 3` are a nickname in quotes between a given name
    /// (`j - 1`) and the rest of the name (`j + 3`): `"Rey"`, `“Pinky”`.
    fn quoted_nickname(&self, j: usize) -> bool {
        let t = self.t;
        let quote = |k: usize| {
            t.toks.get(k).is_some_and(|x| x.kind == Kind::Punct)
                && matches!(t.text(k), "\"" | "“" | "”" | "‘" | "’" | "'")
        };
        // The name goes on with an initial ("D. Santiago"), or the word before
        // is a given name; a nickname may be a weekday's abbreviation ("Mon").
        let initial = |k: usize| is_initial(t.text(k)) && t.is_punct(k + 1, '.');
        j > 0
            && quote(j)
            && quote(j + 2)
            && t.toks[j + 1].is_cap_word()
            && j + 3 < t.len()
            && self.capish(j + 3)
            && !t.toks[j + 3].has(flag::BREAK_BEFORE)
            && (initial(j + 3) || self.lex.first_names.contains(t.key(j - 1)))
    }

    fn is_connector(&self, i: usize) -> bool {
        let tok = &self.t.toks[i];
        let k = self.t.key(i);
        match tok.kind {
            Kind::Word => {
                !tok.has(flag::CAP) && (self.lex.particles.contains(k) || self.lex.org_connectors.contains(k))
            }
            Kind::Punct => k == "&",
            _ => false,
        }
    }

    fn sentence(&mut self, r: std::ops::Range<usize>) {
        let mut i = r.start;
        while i < r.end {
            if !self.capish(i) {
                i += 1;
                continue;
            }
            let mut run = vec![i];
            // "von der Leyen", "de Gaulle": lower-case particles before a surname.
            let mut b = i;
            while b > r.start
                && i - b < 3
                && self.t.toks[b - 1].kind == Kind::Word
                && !self.t.toks[b - 1].has(flag::CAP)
                && self.lex.particles.contains(self.t.key(b - 1))
                && (!matches!(self.t.key(b - 1), "y" | "st" | "la" | "le" | "el")
                    // "de la Garza": an article after "de" is part of the name.
                    || (b >= r.start + 2 && matches!(self.t.key(b - 1), "la" | "le") && self.t.key(b - 2) == "de"))
            {
                b -= 1;
            }
            if b < i && (i + 1 >= r.end || !self.capish(i + 1)) {
                run = (b..=i).collect();
            }
            let mut j = i + 1;
            while j < r.end {
                let tok = &self.t.toks[j];
                if tok.has(flag::BREAK_BEFORE) {
                    break;
                }
                if self.capish(j) {
                    run.push(j);
                    j += 1;
                    continue;
                }
                // "Mr." / "Dr.": a period glued to an abbreviation inside a name.
                if self.t.is_punct(j, '.') && tok.start == self.t.toks[j - 1].end && j + 1 < r.end {
                    let prev = self.text(j - 1);
                    let capital_after = self.capish(j + 1);
                    if capital_after && self.lex.titles.longest(&[self.t.key(j - 1)]).is_some() && prev.len() <= 5 {
                        j += 1;
                        continue;
                    }
                    // An initial: "John F. Kennedy", "K. S. Raghavan", the Cyrillic
                    // letters romanised in two ("Ts. Batzorig"), and one before a
                    // particle ("Ramon S. de Guzman").
                    let particle_after = || {
                        j + 2 < r.end
                            && self.is_connector(j + 1)
                            && self.lex.particles.contains(self.t.key(j + 1))
                            && (self.capish(j + 2) || self.is_connector(j + 2) && j + 3 < r.end && self.capish(j + 3))
                    };
                    if is_initial(prev) && (capital_after || particle_after()) {
                        j += 1;
                        continue;
                    }
                }
                // A nickname in quotes after a given name: `Reynaldo "Rey" T.
                // Agbayani`. The nickname is in the mention, not in the name.
                if j + 3 < r.end && self.quoted_nickname(j) {
                    j += 3;
                    continue;
                }
                // Connectors: "of the", "von der", "&", followed by a capital.
                if self.is_connector(j) {
                    let mut k = j;
                    while k < r.end && k < j + 3 && self.is_connector(k) && !self.t.toks[k].has(flag::BREAK_BEFORE) {
                        k += 1;
                    }
                    if k < r.end && k > j && self.capish(k) && !self.t.toks[k].has(flag::BREAK_BEFORE) {
                        run.extend(j..k);
                        j = k;
                        continue;
                    }
                }
                break;
            }
            self.split_and_process(&run, r.clone());
            i = j;
        }
    }

    /// Splits a run at "and" / "&" unless the whole run names one organisation.
    fn split_and_process(&mut self, run: &[usize], sent: std::ops::Range<usize>) {
        // An "and" inside an office's portfolio ("Minister of Industry and Trade
        // X") joins two words of the title, not two names.
        let ands: Vec<usize> = run
            .iter()
            .enumerate()
            .filter(|&(p, &i)| matches!(self.t.key(i), "and" | "&") && !self.in_portfolio(run, p))
            .map(|(p, _)| p)
            .collect();
        // One organisation ("Department for Business and Trade") unless what follows
        // the "and" is an organisation of its own ("... and the Federal Reserve").
        let one_org = self.looks_like_org(run)
            && ands.iter().all(|&a| {
                let mut right = &run[a + 1..];
                while right.first().is_some_and(|&i| self.lex.is_function_word(self.t.key(i))) {
                    right = &right[1..];
                }
                right.len() == run.len() - a - 1 && !(right.len() >= 2 && self.looks_like_org(right))
            });
        // "Dr Ana Ruiz of the University of X": a person, then an organisation.
        // "Trade Minister Ana Ruiz for the Republic of X": a person, then whom
        // she acts for.
        if let Some(of) = self.person_then_for(run) {
            self.split_and_process(&run[..of], sent.clone());
            let right: Vec<usize> = run[of + 1..].iter().copied().skip_while(|&i| self.is_connector(i)).collect();
            if !right.is_empty() {
                self.split_and_process(&right, sent);
            }
            return;
        }
        if let Some(of) = run.iter().position(|&i| self.t.key(i) == "of") {
            let left = &run[..of];
            let last_left = left.last().map_or("", |&i| self.t.key(i));
            // "Chief of ...", "Ministry of ...", "Bank of ..." stay whole; so does a
            // whole organisation name.
            let whole = self.lex.org_prefixes.contains(last_left)
                || self.lex.is_org_head(last_left)
                || self.lex.titles.contains_word(last_left)
                || left.len() < 2;
            let personish = !whole
                && !self.lex.org_prefixes.contains(last_left)
                && !self.lex.is_org_head(last_left)
                && !self.lex.titles.contains_word(last_left);
            // "the People's Party of Ana Ruiz": an organisation, then its person (a
            // first name and a surname after the "of", no organisation word).
            let right: Vec<usize> = run[of + 1..].iter().copied().skip_while(|&i| self.is_connector(i)).collect();
            let owner = (self.lex.is_org_head(last_left) || self.lex.org_prefixes.contains(last_left))
                && right.len() >= 2
                && right.len() == run.len() - of - 1
                && self.lex.is_first_name(self.t.key(right[0]))
                && right.iter().all(|&i| !self.lex.is_org_head(self.t.key(i)) && self.t.toks[i].has(flag::CAP));
            let personish = personish || owner;
            if personish {
                self.split_and_process(left, sent.clone());
                let mut right = &run[of + 1..];
                while right.first().is_some_and(|&i| self.is_connector(i)) {
                    right = &right[1..];
                }
                if !right.is_empty() {
                    self.split_and_process(right, sent);
                }
                return;
            }
        }
        if ands.is_empty() || one_org {
            self.process(run, sent);
            return;
        }
        let mut start = 0;
        for &a in &ands {
            if a > start {
                self.process(&run[start..a], sent.clone());
            }
            start = a + 1;
        }
        if start < run.len() {
            self.process(&run[start..], sent);
        }
    }

    /// Whether the "and" at `run[a]` stands inside the portfolio of an office
    /// ("Minister of Industry and Trade X"): a title, "of" or "for", common
    /// words before it, common words after it and then a name or an empty slot.
    fn in_portfolio(&self, run: &[usize], a: usize) -> bool {
        // Common words and the words of offices ("Fisheries", "Defence").
        let common = |q: usize| {
            self.t.toks[run[q]].has(flag::CAP)
                && (self.lex.is_common(self.t.key(run[q]))
                    || self.title_at(run, q).is_some_and(|(n, c)| n == 1 && c & title::MODIFIER != 0))
                && !self.lex.is_first_name(self.t.key(run[q]))
        };
        let mut q = a;
        while q > 0 && (common(q - 1) || self.t.key(run[q - 1]) == "the") {
            q -= 1;
        }
        let opened = q >= 2
            && q < a
            && matches!(self.t.key(run[q - 1]), "of" | "for")
            && self.lex.titles.contains_word(self.t.key(run[q - 2]));
        let mut r = a + 1;
        while r < run.len() && common(r) {
            r += 1;
        }
        // A name after the portfolio, or the empty slot of a blanked one.
        opened && r > a + 1 && (r < run.len() || is_slot(self.t, run[r - 1] + 1))
    }

    /// Where a person's name is followed by "for" and whom the person acts for
    /// ("Trade Minister Ana Ruiz for the Republic of X"): the position of the
    /// "for", when the word before it is a name (no common word, title or
    /// organisation word) and two capitalised words or more stand before it.
    fn person_then_for(&self, run: &[usize]) -> Option<usize> {
        let f = run.iter().position(|&i| self.t.key(i) == "for")?;
        let k = self.t.key(*run.get(f.checked_sub(1)?)?);
        let named = run[..f].iter().filter(|&&i| self.t.toks[i].has(flag::CAP)).count() >= 2;
        (named
            && self.t.toks[run[f - 1]].has(flag::CAP)
            && !self.lex.is_common(k)
            && !self.lex.is_org_head(k)
            && !self.lex.org_prefixes.contains(k)
            && !self.lex.titles.contains_word(k)
            && self.place_at(run, f - 1).is_none())
        .then_some(f)
    }

    fn looks_like_org(&self, run: &[usize]) -> bool {
        let Some(&last) = run.last() else {
            return false;
        };
        // "Bank of X", and after words that qualify it, "Superior Court of Justice".
        self.lex.is_org_head(self.t.key(last))
            || (0..run.len().min(3)).any(|p| {
                p + 2 < run.len()
                    && self.lex.org_prefixes.contains(self.t.key(run[p]))
                    && is_of(self.t.key(run[p + 1]))
                    && run[..p].iter().all(|&i| self.t.toks[i].is_cap_word())
            })
    }

    /// Matches the title-like phrase starting at `run[p]`.
    fn title_at(&self, run: &[usize], p: usize) -> Option<(usize, u8)> {
        if p >= run.len() {
            return None;
        }
        // Post-nominal letters after a title ("Secretary MP") are no title of their own;
        // a lower-case particle is no abbreviated title ("del" is not "Del.").
        if (p > 0 && is_post_nominal(self.text(run[p]))) || !self.t.toks[run[p]].has(flag::CAP) {
            return None;
        }
        let rest = &run[p..];
        let word = |k: usize| self.t.key(rest[k]);
        self.lex.titles.longest_with(rest.len(), word).map(|(n, &c)| (n, c)).or_else(|| {
            // A role noun capitalised at the start of a sentence ("Striker Ana Ruiz").
            (self.t.toks[run[p]].has(flag::INITIAL))
                .then(|| self.lex.lower_roles.longest_with(rest.len(), word))
                .flatten()
                .filter(|(n, ())| *n < rest.len())
                .map(|(n, ())| (n, title::HEAD))
        })
    }

    fn place_at(&self, run: &[usize], p: usize) -> Option<(usize, usize)> {
        let rest = &run[p..];
        let (n, &idx) = self.lex.place_names.longest_with(rest.len(), |k| self.t.key(rest[k]))?;
        let first_key = self.t.key(run[p]);
        // Short all-capital aliases ("US", "UK") only match in capitals, so "us" is no place.
        let s = self.text(run[p]);
        let alias_caps = self.lex.places[idx].aliases.iter().any(|a| {
            a.len() <= 4 && a.chars().all(|c| c.is_uppercase() || c == '.') && crate::text::fold(a) == first_key
        });
        if alias_caps && !s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            return None;
        }
        Some((n, idx))
    }

    /// How many words at `run[p..]` are a place or demonym ("European" in
    /// "European Commission President ..."), 0 if none.
    fn geo_len(&self, run: &[usize], p: usize) -> usize {
        self.place_at(run, p).or_else(|| self.demonym_at(run, p)).map_or(0, |(n, _)| n)
    }

    fn demonym_at(&self, run: &[usize], p: usize) -> Option<(usize, usize)> {
        let rest = &run[p..];
        let (n, &i) = self.lex.demonyms.longest_with(rest.len(), |k| self.t.key(rest[k]))?;
        // A people ("Thais", "Germans") qualifies no title or name; "Thaís
        // Nogueira" and "Thais Nogueira" are a woman's name.
        let key = self.t.key(rest[n - 1]);
        let people = key.strip_suffix('s').is_some_and(|one| self.lex.demonyms.contains_word(one));
        (!people).then_some((n, i))
    }

    /// The organisation named right before token `end` ("Kuo Hai" of "Kuo Hai
    /// chief executive", or of "Kuo Hai's chief executive"): up to three
    /// capitalised words after `start`, no place, people or title, folded.
    fn owner_before(&self, end: usize, start: usize) -> Option<String> {
        let t = self.t;
        let mut j = end;
        if j > start && t.toks[j - 1].kind == Kind::Possessive {
            j -= 1;
        }
        let mut k = j;
        while k > start
            && j - k < 3
            && t.toks[k - 1].is_cap_word()
            && !(t.toks[k - 1].has(flag::INITIAL) && self.lex.is_common(t.key(k - 1)))
            && !self.lex.is_function_word(t.key(k - 1))
            && self.lex.titles.longest_with(1, |_| t.key(k - 1)).is_none()
        {
            k -= 1;
        }
        let run: Vec<usize> = (k..j).collect();
        (k < j && (k == start || !t.toks[k - 1].is_cap_word()) && self.geo_len(&run, 0) == 0)
            .then(|| crate::text::fold(&self.flat_text(k, j - 1)))
    }

    /// Text of tokens `a..=b` of the document, as in the flat text (soft breaks as spaces).
    fn flat_text(&self, a: usize, b: usize) -> String {
        let s = self.t.toks[a].start as usize;
        let e = self.t.toks[b].end as usize;
        self.t.flat[s..e].to_string()
    }

    /// How many words open `run` that end a portfolio listed with commas
    /// ("Minister of Industry, Trade and Investment Adaeze Nwankwo": the run
    /// "Investment Adaeze Nwankwo" -> 1): capitalised common words after
    /// "of <Word>, <Word> and", with two words left for the name.
    fn listed_portfolio(&self, run: &[usize]) -> Option<(usize, usize)> {
        let t = self.t;
        let common =
            |i: usize| t.toks[i].has(flag::CAP) && self.lex.is_common(t.key(i)) && !self.lex.is_first_name(t.key(i));
        let mut first = run[0];
        // "... and the Creative Economy X"
        if first >= 5 && t.key(first - 1) == "the" {
            first -= 1;
        }
        if first < 4 || t.key(first - 1) != "and" {
            return None;
        }
        let mut i = first - 1;
        let mut comma = false;
        while i > 0 {
            i -= 1;
            if t.is_punct(i, ',') {
                comma = true;
            } else if !t.toks[i].has(flag::CAP) {
                // (Words of the portfolio before may be any: "Art", "Fisheries".)
                break;
            }
        }
        if !comma || !matches!(t.key(i), "of" | "for") {
            return None;
        }
        let k = run.iter().take_while(|&&x| common(x)).count();
        (k >= 1 && run.len() >= k + 2).then_some((k, i))
    }

    /// "Minister of Art, Culture and the Creative Economy, , said": after the
    /// comma at `comma`, the rest of a portfolio listed with commas, "and" (and
    /// "the"), ending before a comma. Its last word.
    fn listed_portfolio_end(&self, comma: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let (mut j, mut and, mut last) = (comma + 1, false, None);
        while j < end {
            let k = t.key(j);
            if t.is_punct(j, ',') && !and {
                j += 1;
            } else if k == "and" && last.is_some() {
                and = true;
                j += 1;
            } else if k == "the" && and && t.key(j - 1) == "and" {
                j += 1;
            } else if t.toks[j].has(flag::CAP) && self.lex.is_common(k) {
                last = Some(j);
                j += 1;
            } else {
                break;
            }
        }
        last.filter(|&l| and && t.is_punct(l + 1, ','))
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.doc, self.t.toks[a].start as usize, self.t.toks[b].end as usize)
    }

    fn process(&mut self, run: &[usize], sent: std::ops::Range<usize>) {
        if run.is_empty() {
            return;
        }
        let headline = run.iter().any(|&i| self.t.toks[i].has(flag::HEADLINE));
        // A whole run that names an organisation keeps its first word even at the
        // start of a sentence ("Sky News", "Coalition of the ...").
        let org_run =
            !headline && run.len() >= 2 && self.looks_like_org(run) && !self.lex.is_function_word(self.t.key(run[0]));
        let mut p = 0;
        // Sentence-initial or function words: capitalised by rule, not by name.
        while p < run.len() {
            let i = run[p];
            let k = self.t.key(i);
            // Leading "of", "the", "&" go; particles stay ("von der Leyen").
            if self.is_connector(i) && !self.lex.particles.contains(self.t.key(i)) {
                p += 1;
                continue;
            }
            let initial = self.t.toks[i].has(flag::INITIAL) || headline;
            let is_title = self.title_at(run, p).is_some();
            // A first name, or a family name written first ("Park Ji-hoon"),
            // before a word that is no common word.
            let keep_first_name = (self.lex.first_names.contains(k) || self.lex.surname_first.contains(k))
                && run.len() > p + 1
                && !self.lex.is_common(self.t.key(run[p + 1]))
                && !self.t.toks[run[p + 1]].has(flag::ALL_CAPS);
            let keep_place = self.place_at(run, p).is_some_and(|(_, idx)| {
                !self.lex.is_common(k)
                    || matches!(
                        self.lex.places[idx].kind,
                        crate::lexicon::PlaceKind::Country | crate::lexicon::PlaceKind::Capital
                    )
            });
            // "Đỗ" folds to a function word; a word with accents is none.
            // An initial ("A. P. Sharma", "S. Padmanabhan") is none either.
            let initial_of_name =
                run.get(p + 1) == Some(&(i + 2)) && is_initial(self.text(i)) && self.t.is_punct(i + 1, '.');
            let function_word = self.lex.is_function_word(k) && self.text(i).is_ascii();
            if (function_word
                || (initial && self.lex.is_common(k) && !is_title && !keep_first_name && !(org_run && p == 0)))
                && !keep_place
                && !initial_of_name
                && !self.t.toks[i].has(flag::ALL_CAPS)
            {
                p += 1;
                continue;
            }
            break;
        }
        if p >= run.len() {
            return;
        }
        let mut run = &run[p..];
        // "Minister of Industry, Trade and Investment Adaeze Nwankwo": the rest
        // of a portfolio listed after a comma is no part of the name, and the
        // whole office is the person's role.
        let mut listed_role = None;
        if let Some((k, of)) = self.listed_portfolio(run) {
            if of >= 1 && self.title_at(&[of - 1], 0).is_some() {
                let title = title_case(&self.flat_text(of - 1, run[k - 1]));
                let span = self.span(of - 1, run[k - 1]);
                listed_role = Some(RoleUse { base: title.clone(), title, country: None, org: None, span });
            }
            run = &run[k..];
        }
        // A structure named after someone ("General Ana Ruiz Bridge") is a place.
        if !headline
            && run.len() >= 3
            && self.lex.place_heads.contains(self.t.key(run[run.len() - 1]))
            && self.title_at(run, 0).is_some()
        {
            let core: Vec<usize> = run.to_vec();
            self.push(EntityKind::Place, run[0], run[run.len() - 1], &core, &[], None, None, headline);
            return;
        }
        // "Calloway CEO Ana Ruiz", "Acme Chief Executive Jo Bell": an organisation
        // in front of a title; the organisation is mentioned, the rest is a person.
        let org_then_title = (1..run.len().min(4)).find(|&k| {
            // ("Court of Justice of X", "Ministry of Justice": a title word after
            // "of" is part of the organisation's name.)
            !matches!(self.t.key(run[k - 1]), "of" | "for" | "and" | "&")
                && self.title_at(run, k).is_some_and(|(n, c)| {
                    // (A portfolio may follow: "EU Commissioner for Trade X".)
                    let after =
                        k + n + usize::from(k + n < run.len() && matches!(self.t.key(run[k + n]), "for" | "of"));
                    c & title::HEAD != 0 && after < run.len() && self.t.toks[run[after]].has(flag::CAP)
                })
                && self.geo_len(run, 0) < k
                && ((0..k).all(|q| self.title_at(run, q).is_none())
                    // "Financial Oversight Service Governor X": words that can
                    // qualify a title, in an organisation's name.
                    || (self.looks_like_org(&run[..k])
                        && (0..k).all(|q| {
                            self.title_at(run, q).is_none_or(|(_, c)| {
                                c & (title::HEAD | title::HONORIFIC | title::RANK) == 0
                            })
                        })))
        });
        if let Some(k) = org_then_title {
            let prefix = &run[..k];
            if !headline {
                // ("EU Commissioner X": an acronym, which joins its organisation.)
                let acronym = k == 1 && self.t.toks[prefix[0]].has(flag::ALL_CAPS);
                self.push_org(prefix[0], prefix[k - 1], prefix, acronym, headline);
            }
            self.role_org = Some(crate::text::fold(&self.flat_text(prefix[0], prefix[k - 1])));
            self.process(&run[k..], sent);
            self.role_org = None;
            return;
        }
        // "Mineral Resources Minister X": a portfolio whose first words no list
        // has, joined to the head by words that qualify titles.
        // A rank after common words is such an office too ("Management Officer
        // Edgardo Panganiban", "Information Officer X").
        let common = |q: usize| self.lex.is_common(self.t.key(run[q])) && self.title_at(run, q).is_none();
        let rank_only =
            |k: usize| self.title_at(run, k).is_some_and(|(_, c)| c & title::RANK != 0 && c & title::HEAD == 0);
        let modifier = |q: usize| self.title_at(run, q).is_some_and(|(_, c)| c & title::MODIFIER != 0);
        // A word that qualifies offices before common words ("Chief District
        // Officer X", "Senior Planning Officer X").
        let qualified = |k: usize| {
            k >= 2
                && self.title_at(run, 0).is_some_and(|(n, c)| {
                    n == 1 && c & title::MODIFIER != 0 && c & (title::RANK | title::HONORIFIC) == 0
                })
                && (1..k).all(|q| common(q) || modifier(q))
        };
        let portfolio = (1..run.len().min(4)).find(|&k| {
            let office_rank = rank_only(k);
            self.title_at(run, k).is_some_and(|(n, c)| {
                (c & title::HEAD != 0 || office_rank)
                    && c & title::HONORIFIC == 0
                    && (c & title::RANK == 0 || office_rank)
                    && k + n + 1 < run.len()
                    && self.t.toks[run[k + n]].has(flag::CAP)
            }) && (qualified(k)
                || self.title_at(run, 0).is_none_or(|(_, c)| {
                    // (A word of offices may open it: "Disaster Management Secretary".)
                    c & (title::HEAD | title::RANK | title::HONORIFIC) == 0 && !(1..k).any(modifier)
                }))
                && (qualified(k)
                    || (1..k).any(modifier)
                    || (office_rank && (0..k).all(common))
                    // Or words of offices and common words ("Disaster Management
                    // Secretary X", "Water Management Minister X").
                    || (!office_rank && (0..k).all(|q| common(q) || modifier(q))))
                && (0..k).all(|q| !self.lex.is_first_name(self.t.key(run[q])))
        });
        let office_rank = portfolio.filter(|&k| rank_only(k));
        // Titles, honorifics, ranks, with an optional country in front.
        let mut p = portfolio.unwrap_or(0);
        let mut role_start: Option<usize> = portfolio.map(|_| 0);
        let mut role_end: Option<usize> = None;
        let mut country: Option<usize> = None;
        let mut country_len = 0;
        let mut name_start: Option<usize> = None;
        let mut honorifics = Vec::new();
        let mut rank_words: Vec<usize> = Vec::new();
        let mut rank_opened = false;
        loop {
            if p >= run.len() {
                break;
            }
            // A country or demonym qualifying a title: "U.K. Defence Secretary", "German Defence Minister".
            if role_start.is_none() && name_start.is_none() {
                let geo = self.place_at(run, p).or_else(|| self.demonym_at(run, p));
                if let Some((n, idx)) = geo {
                    if p + n < run.len()
                        && self
                            .title_at(run, p + n)
                            .is_some_and(|(_, c)| c & (title::HEAD | title::MODIFIER | title::RANK) != 0)
                    {
                        country = Some(idx);
                        country_len = n;
                        role_start = Some(p);
                        p += n;
                        continue;
                    }
                }
            }
            let Some((n, mut class)) = self.title_at(run, p) else {
                break;
            };
            // The rank of an office of common words ("Management Officer") heads it.
            if office_rank == Some(p) {
                class = title::HEAD;
            }
            // After a rank that started an office, a head is the office's.
            if rank_opened && class & title::HEAD != 0 {
                class &= !title::RANK;
            }
            // A rank that starts an office ("Deputy Chief" + "Prosecutor") is part
            // of the office; the head is read next. So is a rank that is also an
            // office's modifier before a head that is a rank too ("General
            // Superintendent X": an office, where "General X" is a rank).
            if class & title::RANK != 0
                && class & title::HEAD == 0
                && name_start.is_none()
                && self.title_at(run, p + n).is_some_and(|(_, c)| {
                    c & title::HEAD != 0
                        && c & title::HONORIFIC == 0
                        && (c & title::RANK == 0 || class & title::MODIFIER != 0)
                })
            {
                rank_opened = true;
                role_start.get_or_insert(p);
                p += n;
                continue;
            }
            // "The Honourable Minister of Finance": a style of the office, not
            // the start of a name.
            if class == title::HONORIFIC
                && name_start.is_none()
                && role_start.is_none()
                && self
                    .title_at(run, p + n)
                    .is_some_and(|(_, c)| c & title::HEAD != 0 && c & (title::HONORIFIC | title::RANK) == 0)
            {
                p += n;
                continue;
            }
            if class & (title::HONORIFIC | title::RANK) != 0
                && !(class & title::HEAD != 0 && name_start.is_none() && self.head_then_title(run, p + n))
            {
                if p + n >= run.len() {
                    // "Sir" with nothing after it; or a role ("General") on its own.
                    if class & title::HEAD != 0 {
                        role_start.get_or_insert(p);
                        role_end = Some(p + n);
                        p += n;
                    }
                    break;
                }
                name_start.get_or_insert(p);
                for q in p..p + n {
                    honorifics.push(self.t.key(run[q]).to_string());
                }
                if class & title::RANK != 0 {
                    rank_words.extend(&run[p..p + n]);
                }
                p += n;
                continue;
            }
            if name_start.is_some() {
                break;
            }
            if class & title::HEAD != 0 {
                role_start.get_or_insert(p);
                p += n;
                // "Chief of the Defence Staff", "Minister of Foreign Affairs".
                if p < run.len() && matches!(self.t.key(run[p]), "of" | "for") {
                    let mut q = p + 1;
                    // A portfolio that opens with a word no list has ("Minister of
                    // Mineral Resources Thabo Ngcobo"), while two words are left for
                    // the name and it is no known first name.
                    let portfolio_word = |q: usize| {
                        matches!(self.t.key(run[q - 1]), "of" | "for" | "the" | "and")
                            && run.len() - q > 2
                            && !self.lex.is_first_name(self.t.key(run[q]))
                    };
                    while q < run.len()
                        && (matches!(self.t.key(run[q]), "the" | "and" | "of")
                            || (self.lex.is_common(self.t.key(run[q]))
                                && self.title_at(run, q).is_none_or(|(_, c)| c & title::MODIFIER != 0))
                            || portfolio_word(q))
                    {
                        q += 1;
                    }
                    if q > p + 1 {
                        p = q;
                    }
                }
                role_end = Some(p);
                continue;
            }
            if class & title::MODIFIER != 0 {
                // Modifiers count only when a head follows: "Defence" + "Secretary".
                let mut q = p;
                while let Some((m, c)) = self.title_at(run, q) {
                    if c & title::HEAD != 0 && c & title::MODIFIER == 0 {
                        break;
                    }
                    if c & title::MODIFIER == 0 {
                        break;
                    }
                    // A word that is both modifier and head ends the title if no head follows it.
                    if c & title::HEAD != 0 && self.title_at(run, q + m).is_none() {
                        break;
                    }
                    q += m;
                }
                if let Some((m, c)) = self.title_at(run, q) {
                    if c & title::HEAD != 0 {
                        role_start.get_or_insert(p);
                        p = q + m;
                        role_end = Some(p);
                        continue;
                    }
                }
                break;
            }
            break;
        }
        if country.is_some() && role_end.is_none() && name_start.is_none() {
            // The country was not followed by a title after all.
            role_start = None;
            country = None;
            p = 0;
        }
        let _ = country_len;
        // Post-nominal right after a role: a name was left out ("Defence Secretary MP is").
        let role = role_start.zip(role_end).map(|(a, b)| self.role_use(run, a, b, country));
        let core_start = p;
        let mut core_end = run.len();
        while core_end > core_start && is_post_nominal(self.text(run[core_end - 1])) {
            core_end -= 1;
        }
        let core: &[usize] = &run[core_start..core_end];
        // "The Selayar Islands Regent, , said": an office after names no list
        // has, then an empty slot. The office is the head title; the words before
        // it say which one.
        let last = *run.last().unwrap_or(&run[0]);
        if role.is_none() && name_start.is_none() && run.len() >= 2 && is_slot(self.t, last + 1) {
            let head = (1..run.len()).find(|&s| {
                self.title_at(run, s).is_some_and(|(n, c)| {
                    s + n == run.len() && c & title::HEAD != 0 && c & (title::HONORIFIC | title::RANK) == 0
                })
            });
            if let Some(s) = head {
                let title = title_case(&self.flat_text(run[0], last));
                let base = title_case(&self.flat_text(run[s], last));
                let role = RoleUse { title, base, country: None, org: None, span: self.span(run[0], last) };
                self.check_blank(run, 0, role, false, sent);
                return;
            }
        }
        // "The Minister of Fisheries, Ports and the Blue Economy, , said": a
        // portfolio word no list has, listed on after a comma to an empty slot.
        if let Some(r) = &role {
            let t = self.t;
            if name_start.is_none()
                && core.len() >= 2
                && matches!(t.key(core[0]), "of" | "for")
                && core[1..].iter().all(|&i| t.toks[i].is_cap_word())
                && t.is_punct(last + 1, ',')
                && self.listed_portfolio_end(last + 1, sent.end).is_some_and(|l| is_slot(t, l + 1))
            {
                let portfolio = self.flat_text(core[0], last);
                let span = Span::new(self.doc, r.span.start as usize, t.toks[last].end as usize);
                let role = RoleUse {
                    title: format!("{} {portfolio}", r.title),
                    base: format!("{} {portfolio}", r.base),
                    country: r.country,
                    org: r.org.clone(),
                    span,
                };
                self.check_blank(run, role_start.unwrap_or(0), role, false, sent);
                return;
            }
        }
        if core.is_empty() {
            if let Some(role) = role {
                if name_start.is_none() {
                    self.check_blank(run, role_start.unwrap_or(0), role, core_end < run.len(), sent);
                }
            }
            return;
        }
        let lead = name_start.unwrap_or(core_start);
        let cues = Cues {
            title: name_start.is_some() || role.is_some(),
            ..self.context_cues(run[0], *core.last().unwrap_or(&run[0]), sent.clone())
        };
        // A rank is how the person is addressed; an office in apposition ("The
        // Provincial Commissioner, Lieutenant General X,") is the role.
        let rank_only = role.as_ref().is_some_and(|r| {
            let words = crate::lexicon::split_phrase(&r.base);
            self.lex.titles.longest(&words).is_some_and(|(n, &c)| n == words.len() && c & title::RANK != 0)
        });
        let role = if rank_only && cues.appositive_role.is_some() { cues.appositive_role.clone() } else { role };
        let role = role.or(listed_role);
        let role = role.or_else(|| cues.lower_role.clone()).or_else(|| cues.appositive_role.clone()).or_else(|| {
            (!rank_words.is_empty()).then(|| {
                let a = rank_words[0];
                let b = *rank_words.last().unwrap_or(&a);
                let title = self.flat_text(a, b);
                RoleUse { base: title.clone(), title, country: None, org: None, span: self.span(a, b) }
            })
        });
        // "Governor Kwon Hye-rin of the Financial Oversight Service": the
        // organisation named after the name is the office's.
        let role = role.map(|mut r| {
            if r.org.is_none() {
                r.org = self.org_after(*core.last().unwrap_or(&run[0]), sent.end);
            }
            r
        });
        self.classify(run, lead, core, role, &honorifics, &cues, headline);
    }

    /// The organisation named right after token `last` ("... of the Financial
    /// Oversight Service"), folded, when its last word is an organisation head.
    fn org_after(&self, last: usize, end: usize) -> Option<String> {
        let t = self.t;
        if self.t.key(last + 1) != "of" {
            return None;
        }
        let mut j = last + 2;
        if self.t.key(j) == "the" {
            j += 1;
        }
        let from = j;
        while j < end && j < from + 6 && (t.toks[j].is_cap_word() || (j > from && self.is_connector(j))) {
            j += 1;
        }
        while j > from && !t.toks[j - 1].is_cap_word() {
            j -= 1;
        }
        (j > from && self.lex.is_org_head(self.t.key(j - 1))).then(|| crate::text::fold(&self.flat_text(from, j - 1)))
    }

    /// Whether a head word at `p` is followed by another title word (so the head is a role).
    fn head_then_title(&self, run: &[usize], p: usize) -> bool {
        p < run.len() && self.title_at(run, p).is_some()
    }

    fn role_use(&self, run: &[usize], a: usize, b: usize, country: Option<usize>) -> RoleUse {
        let title = title_case(&self.flat_text(run[a], run[b - 1]));
        let mut base_start = a;
        if country.is_some() {
            // Skip the country words.
            while base_start < b
                && (self.place_at(run, base_start).is_some() || self.demonym_at(run, base_start).is_some())
                && self.title_at(run, base_start).is_none()
            {
                base_start += 1;
            }
        }
        let base =
            if base_start < b { title_case(&self.flat_text(run[base_start], run[b - 1])) } else { title.clone() };
        RoleUse { title, base, country, org: self.role_org.clone(), span: self.span(run[a], run[b - 1]) }
    }

    /// A role with no name after it: an empty appositive (", ,"), a post-nominal
    /// with nothing before it ("Defence Secretary MP is"), or a bare title as the
    /// subject of a verb.
    fn check_blank(
        &mut self,
        run: &[usize],
        role_start: usize,
        role: RoleUse,
        post_nominal: bool,
        sent: std::ops::Range<usize>,
    ) {
        let last = *run.last().unwrap_or(&run[0]);
        let next = last + 1;
        let t = self.t;
        let first = run[role_start];
        let prev_word =
            (sent.start..first).rev().find(|&i| t.toks[i].kind != Kind::Punct || matches!(t.text(i), "," | ":" | ";"));
        let determiner = first > 0
            && (sent.start..first).contains(&(first - 1))
            && matches!(
                self.t.key(first - 1),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "that"
                    | "former"
                    | "and"
                    | "or"
                    | "new"
                    | "next"
                    | "'s"
                    | "’s"
            );
        let stripped_the = role_start == 0 && first > sent.start && matches!(self.t.key(first - 1), "the");
        let empty_appositive = is_slot(t, next);
        // The slot after a portfolio listed with commas: the office takes it in.
        let listed = (!empty_appositive && t.is_punct(next, ','))
            .then(|| self.listed_portfolio_end(next, sent.end))
            .flatten()
            .filter(|&l| is_slot(t, l + 1));
        if let Some(l) = listed {
            let rest = title_case(&self.flat_text(next + 1, l));
            let span = Span::new(self.doc, role.span.start as usize, t.toks[l + 2].end as usize);
            self.out.blanks.push(BlankRole {
                role: format!("{}, {rest}", role.title),
                base: format!("{}, {rest}", role.base),
                country: role.country,
                span,
            });
            return;
        }
        let after_word = next < sent.end && t.toks[next].kind == Kind::Word && !t.toks[next].has(flag::CAP);
        // (A headline's bare title is its style: "Finance Minister announces
        // cuts", a line that no full stop ends.)
        let headline = t.toks[first].has(flag::HEADLINE)
            || !matches!(t.text(sent.end - 1), "." | "!" | "?" | "\"" | "”" | "'" | "’" | ")");
        let aux = after_word
            && (matches!(self.t.key(next), "is" | "was" | "will" | "has" | "had" | "would")
                || (self.lex.is_speech_verb(self.t.key(next)) && !headline));
        let bare_subject =
            aux && !determiner && !stripped_the && prev_word.is_none_or(|i| matches!(t.text(i), "," | ":" | ";"));
        // "thanked Labour Minister , who visited": a comma set apart from the
        // title, where the name stood, before a relative clause or a verb of speech.
        let cut_before_clause = !determiner
            && !stripped_the
            && t.is_punct(next, ',')
            && t.toks[next].has(flag::SPACE_BEFORE)
            && (matches!(self.t.key(next + 1), "who" | "whose")
                // Or before its verb ("Ombudsman , stated his office had").
                || next + 1 < sent.end
                    && !t.toks[next + 1].has(flag::CAP)
                    && self.lex.is_speech_verb(self.t.key(next + 1)));
        let slot_end = if empty_appositive {
            t.toks[next + 1].end as usize
        } else if cut_before_clause {
            t.toks[next].end as usize
        } else if (post_nominal && (after_word || next >= sent.end)) || bare_subject {
            t.toks[last].end as usize
        } else {
            return;
        };
        let span = Span::new(self.doc, role.span.start as usize, slot_end);
        self.out.blanks.push(BlankRole { role: role.title, base: role.base, country: role.country, span });
    }

    /// A lower-case role with an empty slot after it ("a spokesperson, , declined"):
    /// the capitalised roles are checked with their runs.
    fn lower_role_blanks(&mut self) {
        let t = self.t;
        // An office written in lower case ("the university's registrar, ,").
        let office = |k: usize| {
            t.toks[k].kind == Kind::Word
                && !t.toks[k].has(flag::CAP)
                && self.lex.titles.longest_with(1, |_| t.key(k)).is_some_and(|(_, &f)| f & title::HEAD != 0)
        };
        for i in 1..t.len().saturating_sub(1) {
            // "said , Vice-President of Operations": the speaker's name left out
            // before the title in apposition.
            if t.is_punct(i, ',')
                && t.toks[i - 1].kind == Kind::Word
                && !t.toks[i - 1].has(flag::CAP)
                && matches!(t.key(i - 1), "said" | "says" | "added" | "told")
                && t.toks[i + 1].has(flag::CAP)
            {
                let n = t.len() - (i + 1);
                if let Some((len, &f)) = self.lex.titles.longest_with(n.min(4), |j| t.key(i + 1 + j)) {
                    if f & title::HEAD != 0 {
                        // The title runs on over "of"/"for" and capitalised words.
                        let mut end = i + len;
                        while end + 2 < t.len()
                            && matches!(t.key(end + 1), "of" | "for")
                            && t.toks[end + 2].has(flag::CAP)
                            && !t.toks[end + 2].has(flag::INITIAL)
                        {
                            end += 2;
                            while end + 1 < t.len() && t.toks[end + 1].is_cap_word() {
                                end += 1;
                            }
                        }
                        let role = t.flat[t.toks[i + 1].start as usize..t.toks[end].end as usize].to_string();
                        let span = Span::new(self.doc, t.toks[i - 1].start as usize, t.toks[end].end as usize);
                        self.out.blanks.push(BlankRole { base: title_case(&role), role, country: None, span });
                        continue;
                    }
                }
            }
            // "BFA spokeswoman  told": a double space where the name was cut out.
            let gap = t.flat.get(t.toks[i - 1].end as usize..t.toks[i].start as usize).unwrap_or("");
            if gap.len() >= 2
                && gap.chars().all(|c| c == ' ')
                && (self.lower_role_at(i - 1) || office(i - 1))
                && t.toks[i].kind == Kind::Word
                && !t.toks[i].has(flag::CAP)
                && (self.lex.is_speech_verb(t.key(i))
                    || matches!(t.key(i), "is" | "was" | "has" | "had" | "will" | "would" | "declined" | "confirmed"))
            {
                let span = Span::new(self.doc, t.toks[i - 1].start as usize, t.toks[i].start as usize);
                let role = t.text(i - 1).to_string();
                self.out.blanks.push(BlankRole { base: title_case(&role), role, country: None, span });
                continue;
            }
            if !is_slot(t, i) {
                continue;
            }
            // The role right before the slot, or a role with what it heads ("the
            // agency's director of programmes, ,", "the head of the Ambulance
            // Service, ,", "the director of the Department of Testing and
            // Quality Assessment, ,").
            let role_at = |k: usize| self.lower_role_at(k) || office(k);
            let mut role_end = i - 1;
            let start = if role_at(i - 1) {
                i - 1
            } else {
                let from = i.saturating_sub(10).max(1);
                match (from..i - 1).find(|&j| {
                    // (Or where the post is: "the agency's representative in Greece, ,".)
                    (matches!(t.key(j), "of" | "for")
                        || (t.key(j) == "in" && (j + 1..i).all(|k| t.toks[k].is_cap_word())))
                        && role_at(j - 1)
                        && (j + 1..i).all(|k| t.toks[k].kind == Kind::Word || t.is_punct(k, '-'))
                }) {
                    Some(j) => {
                        // The post without where it is ("Representative").
                        if t.key(j) == "in" {
                            role_end = j - 1;
                        }
                        j - 1
                    }
                    None => continue,
                }
            };
            // With the words that make the office ("the finance minister, ,",
            // "the bank's chief technology officer, ,").
            let lower = |k: usize| t.toks[k].kind == Kind::Word && !t.toks[k].has(flag::CAP);
            let mut start = (start.saturating_sub(3)..start)
                .find(|&k| {
                    (k..=start).all(lower)
                        && self
                            .lex
                            .titles
                            .longest_with(start + 1 - k, |j| t.key(k + j))
                            .is_some_and(|(len, &f)| len == start + 1 - k && f & title::HEAD != 0)
                })
                .unwrap_or(start);
            while start > 0
                && t.toks[start - 1].kind == Kind::Word
                && !t.toks[start - 1].has(flag::CAP)
                && self.lex.titles.longest_with(1, |_| t.key(start - 1)).is_some_and(|(_, &f)| f & title::MODIFIER != 0)
            {
                start -= 1;
            }
            // And up to two lower-case words that qualify it ("the company's Brazil
            // country manager, ,", "the institute's presiding councillor, ,").
            let mut added = 0;
            while added < 2
                && start > 0
                && lower(start - 1)
                && !self.lex.function.contains(t.key(start - 1))
                && !self.lex.is_speech_verb(t.key(start - 1))
                && !crate::extract::numbers::is_number_word(t.key(start - 1))
            {
                start -= 1;
                added += 1;
            }
            // And the acronym of the organisation it serves ("the UNHCR
            // representative in Greece, ,").
            if start > 0 && t.toks[start - 1].kind == Kind::Word && t.toks[start - 1].has(flag::ALL_CAPS) {
                start -= 1;
            }
            let span = Span::new(self.doc, t.toks[start].start as usize, t.toks[i + 1].end as usize);
            if self
                .out
                .blanks
                .iter()
                .any(|b| b.span.doc == span.doc && b.span.start < span.end && span.start < b.span.end)
            {
                continue;
            }
            let role = t.flat[t.toks[start].start as usize..t.toks[role_end].end as usize].to_string();
            self.out.blanks.push(BlankRole { base: title_case(&role), role, country: None, span });
        }
    }

    /// Person cues in the words around a run.
    fn context_cues(&self, first: usize, last: usize, sent: std::ops::Range<usize>) -> Cues {
        let t = self.t;
        let mut c = Cues::default();
        // After: "X said", "X, 45, said", "X has said", "X told", "X administration".
        let mut j = last + 1;
        while j < sent.end && t.toks[j].kind == Kind::Punct && matches!(t.text(j), "”" | "\"" | "’") {
            j += 1;
        }
        // "X, 45, said".
        if t.is_punct(j, ',') && t.toks.get(j + 1).is_some_and(|x| x.kind == Kind::Number) && t.is_punct(j + 2, ',') {
            j += 3;
        }
        if j < sent.end && t.toks[j].kind == Kind::Word {
            let k = self.t.key(j);
            let aux_then_speech = matches!(
                k,
                "has"
                    | "had"
                    | "have"
                    | "was"
                    | "is"
                    | "also"
                    | "later"
                    | "then"
                    | "previously"
                    | "recently"
                    | "reportedly"
                    | "once"
                    | "will"
                    | "would"
            ) && j + 1 < sent.end
                && self.lex.speech_verbs.contains(self.t.key(j + 1));
            // "X reported revenue of ...", "X posted a loss": a company's accounts, not speech.
            let accounts = matches!(
                k,
                "reported"
                    | "reports"
                    | "announced"
                    | "posted"
                    | "recorded"
                    | "disclosed"
                    | "published"
                    | "issued"
                    | "released"
            ) && t.toks.get(j + 1).is_some_and(|x| x.kind == Kind::Word)
                && !matches!(self.t.key(j + 1), "that" | "on" | "in" | "yesterday" | "today" | "he" | "she");
            if (self.lex.speech_verbs.contains(k) && !accounts) || aux_then_speech {
                c.speech = true;
            } else if is_leader_noun(k) && !t.toks[j].has(flag::CAP) {
                c.leader = true;
            }
        }
        // "X of the Red Cross said": the speech verb after an affiliation.
        if !c.speech && self.t.key(last + 1) == "of" {
            let mut k = last + 2;
            if self.t.key(k) == "the" {
                k += 1;
            }
            let caps_start = k;
            while k < sent.end && (self.capish(k) || self.is_connector(k) || t.is_punct(k, '-')) {
                k += 1;
            }
            // "... Institute for Regional Trade (IRT) said".
            if t.is_punct(k, '(') && t.is_punct(k + 2, ')') {
                k += 3;
            }
            if k > caps_start && k < sent.end && self.lex.speech_verbs.contains(self.t.key(k)) {
                c.speech = true;
            }
        }
        if t.is_punct(last + 1, ',') {
            // "X, 45, said"; "X, who ..."; "X, director of ..."; "X, the club's captain, ...".
            if last + 3 < sent.end && t.toks[last + 2].kind == Kind::Number && t.is_punct(last + 3, ',') {
                c.age = true;
            }
            let mut k = last + 2;
            if self.t.key(k) == "which" {
                // "X, which has 11 million subscribers, said": a thing, not a person.
                c.neuter = true;
            }
            if matches!(self.t.key(k), "who" | "whose") {
                c.who = true;
            }
            let mut steps = 0;
            while k < sent.end
                && steps < 4
                && (self.lex.function.contains(self.t.key(k))
                    || t.toks[k].kind == Kind::Possessive
                    || (t.toks[k].has(flag::CAP) && !self.lower_role_at(k)))
            {
                k += 1;
                steps += 1;
            }
            // "X, a former field ranger at ...": a few words that qualify the role.
            let mut q = k;
            while q < sent.end
                && q < k + 3
                && t.toks[q].kind == Kind::Word
                && !t.toks[q].has(flag::CAP)
                && !self.lower_role_at(q)
            {
                q += 1;
            }
            // "X, whose candidate, Y,": the role is Y's, X is whoever has one.
            let relative = matches!(self.t.key(last + 2), "whose" | "which");
            // "Y, director of X, said talks with employee representatives ...":
            // the comma closes the apposition; what follows is no role of X.
            let closes = self.lex.speech_verbs.contains(self.t.key(last + 2));
            // "In Moraville, the mayor of Phaistos, X": the mayor is X.
            // "X, a hydrologist at ...": a noun of a person's field or trade,
            // after an article ("-ologist", "-ician", "-orian": epidemiologist,
            // technician, historian; not "a specialist in pumps", which a firm is).
            let article = matches!(self.t.key(last + 2), "a" | "an");
            let agent = |j: usize| {
                let w = self.t.key(j);
                j < sent.end
                    && t.toks[j].kind == Kind::Word
                    && !t.toks[j].has(flag::CAP)
                    && (w.ends_with("ologist") || w.ends_with("ician") || w.ends_with("orian"))
            };
            if !relative
                && !closes
                && !self.located(first, sent.start)
                && (self.lower_role_at(k)
                    || (q > k && self.lower_role_at(q))
                    || (article && (k..=q.min(sent.end.saturating_sub(1))).any(agent)))
            {
                c.appositive = true;
            }
            // "X, a 44-year-old Vietnamese national": an age in apposition.
            let age_at = |n: usize| {
                let one_token = n < sent.end && {
                    let k = self.t.key(n);
                    k.starts_with(|ch: char| ch.is_ascii_digit()) && k.ends_with("-old") && k.contains("year")
                };
                let old = |m: usize| matches!(self.t.key(m), "old" | "year-old" | "years-old");
                one_token
                    || (t.toks.get(n).is_some_and(|x| x.kind == Kind::Number)
                        && (n + 1..(n + 5).min(sent.end)).any(old)
                        && (n + 1..(n + 4).min(sent.end)).any(|m| self.t.key(m).starts_with("year")))
            };
            if age_at(last + 2) || (matches!(self.t.key(last + 2), "a" | "an") && age_at(last + 3)) {
                c.age = true;
            }
        }
        // A personal pronoun right after the speech verb ("X said he ...") or a
        // neuter one ("X said it ...").
        if c.speech {
            let verb = (last + 1..sent.end).find(|&k| self.lex.speech_verbs.contains(self.t.key(k))).unwrap_or(last);
            for k in verb + 1..(verb + 5).min(sent.end) {
                match self.t.key(k) {
                    "he" | "she" | "his" | "her" | "him" | "himself" | "herself" => {
                        c.personal = true;
                        break;
                    }
                    // "X said it would cut jobs" (an organisation); not "X said it was a disgrace".
                    "it" | "its" | "itself" => {
                        c.neuter = matches!(
                            self.t.key(k + 1),
                            "would"
                                | "will"
                                | "had"
                                | "has"
                                | "plans"
                                | "planned"
                                | "expects"
                                | "expected"
                                | "intends"
                                | "aims"
                                | "could"
                                | "might"
                                | "may"
                        ) || self.t.key(k) != "it";
                        break;
                    }
                    _ => {}
                }
            }
        }
        // Before: "said X", "according to X", a lower-case role ("president X").
        if first > sent.start {
            let b = first - 1;
            let kb = self.t.key(b);
            // "said X" names the speaker; "said X had hit ..." reports what X did.
            let clause_follows = t.toks.get(last + 1).is_some_and(|x| x.kind == Kind::Word && !x.has(flag::CAP))
                && !matches!(self.t.key(last + 1), "of" | "who" | "on" | "in" | "at" | "yesterday" | "today");
            if t.toks[b].kind == Kind::Word
                && (self.lex.speech_verbs.contains(kb) && !t.toks[b].has(flag::CAP))
                && !clause_follows
            {
                c.speech = true;
            }
            if kb == "to" && b > sent.start && self.t.key(b - 1) == "according" {
                c.speech = true;
            }
            c.lower_role = self.lower_role_before(first, sent.start);
            let credit = self.is_credit_sentence(first, sent.start);
            if kb == "/" || kb == ":" || kb == "|" || credit {
                c.credit = credit;
                // "Photo: Agency/Name"; but "Photo: Name / The Chronicle" names
                // the photographer first.
                let outlet_after = self.t.key(last + 2) == "the" || self.lex.is_first_name(self.t.key(first));
                // "Photo: Eirik Brun/Fjordbilder": after the photographer, the agency.
                let mut s0 = b;
                while s0 > sent.start && t.toks[s0 - 1].is_cap_word() {
                    s0 -= 1;
                }
                let after_person = kb == "/" && b >= s0 + 2 && self.lex.is_first_name(self.t.key(s0));
                c.agency = c.credit && (t.is_punct(last + 1, '/') && !outlet_after || after_person);
            }
            let lower = t.toks[b].kind == Kind::Word && !t.toks[b].has(flag::CAP);
            if lower && credit && matches!(kb, "in" | "from") {
                // "Additional reporting by Y in X": where Y reported from.
                c.credit = false;
                c.kind_before = Some(EntityKind::Place);
            } else if lower && kb == "aboard" {
                // "aboard X": a ship, train or aircraft.
                c.thing_before = true;
            } else if lower && kb == "itself" {
                // "a group calling itself X".
                c.kind_before = Some(EntityKind::Organisation);
            } else if lower && kb == "of" && b > sent.start && self.place_noun(b - 1) {
                // "the city of X", "the province of X".
                c.kind_before = Some(EntityKind::Place);
            } else if matches!(kb, "," | "and") && self.listed_after_place_noun(b, sent.start) {
                // "the villages of A, B and C".
                c.kind_before = Some(EntityKind::Place);
            } else if lower {
                // "the newspaper X", "the aid group X": a determiner, at most two
                // lower-case words, and the noun.
                let det = (1..=3).filter(|&k| b >= sent.start + k).find(|&k| {
                    matches!(self.t.key(b - k), "the" | "a" | "an" | "its" | "their")
                        && (b - k + 1..b).all(|i| {
                            (t.toks[i].kind == Kind::Word && !t.toks[i].has(flag::CAP))
                                || t.toks[i].kind == Kind::Possessive
                                || t.is_punct(i, '\'')
                                || t.is_punct(i, '’')
                        })
                });
                if det.is_some() {
                    c.kind_before = self.lex.kind_nouns.get(kb).copied();
                    c.thing_before = self.lex.thing_nouns.contains(kb);
                }
            }
        }
        // "Thanh Hoa province", "Kerry county", "the X copper mine": a place,
        // named before its kind (and at most one word that says what kind).
        if c.kind_before.is_none() {
            let lower = |j: usize| {
                j < sent.end && t.toks[j].kind == Kind::Word && !t.toks[j].has(flag::CAP) && !t.toks[j].glued()
            };
            let kind = |j: usize| lower(j) && self.place_noun(j);
            let qualifier = |j: usize| {
                let k = self.t.key(j);
                lower(j)
                    && !self.lex.is_function_word(k)
                    && !self.lex.is_speech_verb(k)
                    && !k.ends_with("ed")
                    && !k.ends_with("ing")
                    && !k.ends_with("ly")
                    && !k.ends_with('s')
            };
            // The word between only after an article ("the X copper mine", not
            // "X left town").
            let article = first > sent.start
                && (matches!(self.t.key(first - 1), "the" | "its" | "their")
                    || t.toks[first - 1].kind == Kind::Possessive);
            if kind(last + 1) || (article && qualifier(last + 1) && kind(last + 2)) {
                c.kind_before = Some(EntityKind::Place);
                c.kind_after = true;
            }
        }
        // A signature: a name alone on its line, over a line that opens with an
        // office ("Joint Secretary and Spokesperson").
        if !c.credit
            && t.toks[first].has(flag::BREAK_BEFORE)
            && t.toks.get(last + 1).is_some_and(|x| x.has(flag::BREAK_BEFORE) && x.is_cap_word())
        {
            let next: Vec<&str> = (last + 1..(last + 4).min(t.len()))
                .take_while(|&j| j == last + 1 || !t.toks[j].has(flag::BREAK_BEFORE))
                .map(|j| self.t.key(j))
                .collect();
            c.credit = (0..next.len())
                .any(|s| self.lex.titles.longest(&next[s..]).is_some_and(|(_, &k)| k & title::HEAD != 0));
        }
        c.appositive_role = self.appositive_role(first, last, sent.clone());
        if c.lower_role.is_none() && c.appositive_role.is_none() {
            c.lower_role = self.role_before_comma(first, sent.start);
        }
        // After: "X, the Berlin start-up whose ...", "X, a wing-parts maker,": a
        // noun that says what X is, at most three words after the article.
        if c.kind_before.is_none() && c.appositive_role.is_none() && t.is_punct(last + 1, ',') {
            let a = last + 2;
            if matches!(self.t.key(a), "the" | "a" | "an") {
                let noun = (a + 1..(a + 5).min(sent.end)).take_while(|&j| t.toks[j].kind == Kind::Word).find(|&j| {
                    !t.toks[j].has(flag::CAP)
                        && self.lex.kind_nouns.get(self.t.key(j)) == Some(&EntityKind::Organisation)
                });
                let ends = noun.is_some_and(|j| {
                    j + 1 >= sent.end
                        || t.toks[j + 1].kind == Kind::Punct
                        || matches!(self.t.key(j + 1), "whose" | "which" | "that" | "based" | "behind" | "founded")
                });
                if ends {
                    c.kind_before = Some(EntityKind::Organisation);
                }
            }
        }
        c
    }

    /// A name after a preposition of place ("in X", "at X"), which an
    /// apposition after it does not make a person.
    fn located(&self, first: usize, start: usize) -> bool {
        first > start && matches!(self.t.key(first - 1), "in" | "at" | "near" | "outside" | "across")
    }

    /// A sentence that starts with credit-line words ("Photo:", "File pic:", "By").
    fn is_credit_sentence(&self, first: usize, start: usize) -> bool {
        // Credit lines start with a capitalised credit word ("UPDATE" or "Share" is not one); most sentences have none.
        if !(start..first).any(|i| self.t.toks[i].has(flag::CAP) && self.lex.credits.contains_first(self.t.key(i))) {
            return false;
        }
        let words: Vec<&str> = (start..first).map(|i| self.t.key(i)).collect();
        (0..words.len()).any(|p| {
            let i = start + p;
            let tok = &self.t.toks[i];
            let after_break =
                p == 0 || tok.has(flag::INITIAL) || matches!(self.t.text(i - 1), "(" | ";" | "|" | "—" | "–" | "[");
            // "Photo caption:", "Caption:" open a caption, which names no photographer.
            after_break
                && tok.has(flag::CAP)
                && self
                    .lex
                    .credits
                    .longest(&words[p..])
                    .is_some_and(|(n, ())| !words[p + n - 1..].iter().take(2).any(|w| *w == "caption"))
        })
    }

    /// A lower-case role noun at token `k` ("director", "spokeswoman").
    fn lower_role_at(&self, k: usize) -> bool {
        k < self.t.len()
            && self.t.toks[k].kind == Kind::Word
            && !self.t.toks[k].has(flag::CAP)
            && self.lex.lower_roles.longest_with(1, |_| self.t.key(k)).is_some()
    }

    /// A lower-case role right before a name: "Ukrainian president", "US special
    /// envoy", "chief of the defence staff". Returns it as the person's role.
    fn lower_role_before(&self, first: usize, start: usize) -> Option<RoleUse> {
        let t = self.t;
        let mut a = first;
        while a > start {
            let i = a - 1;
            let tok = &t.toks[i];
            if tok.kind != Kind::Word || first - i > 6 {
                break;
            }
            let k = self.t.key(i);
            if tok.has(flag::CAP) && !tok.has(flag::ALL_CAPS) && self.lex.demonyms.contains_word(k) {
                a = i;
                break;
            }
            if tok.has(flag::CAP) {
                // A role capitalised only because it opens the sentence ("Chief executive X").
                if tok.has(flag::INITIAL) && self.lex.lower_roles.contains_first(k) {
                    a = i;
                }
                break;
            }
            if self.lex.is_function_word(k) && !matches!(k, "of" | "the" | "for") {
                break;
            }
            a = i;
        }
        if a >= first {
            return None;
        }
        let words: Vec<&str> = (a..first).map(|i| self.t.key(i)).collect();
        // "head of the Maren fishermen's cooperative": a name after "the" qualifies
        // what follows it; no one is named.
        if matches!(words.last(), Some(&("the" | "of"))) {
            return None;
        }
        for s in 0..words.len() {
            if let Some((n, ())) = self.lex.lower_roles.longest(&words[s..]) {
                let end = s + n;
                // "chief of the defence staff X" is a role; "mayor of X" names a place.
                let ok = end == words.len() || (words[end] == "of" && end + 1 < words.len());
                if !ok {
                    continue;
                }
                // "Chief compliance officer X" opening a sentence: the words between
                // the capitalised first word and the role noun name the office.
                let mut s = s;
                if s > 0
                    && t.toks[a].has(flag::INITIAL)
                    && t.toks[a].has(flag::CAP)
                    && self.lex.lower_roles.contains_first(words[0])
                    && words[1..s].iter().all(|w| !self.lex.is_function_word(w) && !self.lex.is_speech_verb(w))
                {
                    s = 0;
                }
                // A modifier in front makes another office ("deputy director general").
                while s > 0
                    && matches!(
                        words[s - 1],
                        "deputy" | "vice" | "acting" | "interim" | "assistant" | "associate" | "junior"
                    )
                {
                    s -= 1;
                }
                // Keep a qualifying demonym or country in front ("Ukrainian president").
                let mut from = s;
                if s > 0 && (self.lex.demonyms.contains_word(words[s - 1]) || t.toks[a + s - 1].has(flag::CAP)) {
                    from = s - 1;
                }
                // Trim leading function words ("the chief").
                while from < s && self.lex.is_function_word(words[from]) {
                    from += 1;
                }
                let title = title_case(&self.flat_text(a + from, first - 1));
                let base = title_case(&self.flat_text(a + s, first - 1));
                let country = if from < s {
                    self.lex
                        .demonyms
                        .longest(&words[from..=from])
                        .or_else(|| self.lex.place_names.longest(&words[from..=from]))
                        .map(|(_, &i)| i)
                } else {
                    None
                };
                let org = (from < s && country.is_none()).then(|| words[from].to_string()).or_else(|| {
                    if from == 0 {
                        self.owner_before(a, start)
                    } else {
                        None
                    }
                });
                return Some(RoleUse { title, base, country, org, span: self.span(a + from, first - 1) });
            }
        }
        None
    }

    /// A noun of places, singular or plural ("village", "villages").
    fn place_noun(&self, i: usize) -> bool {
        let k = self.t.key(i);
        let place = |w: &str| self.lex.kind_nouns.get(w) == Some(&EntityKind::Place);
        self.t.toks[i].kind == Kind::Word && (place(k) || k.strip_suffix('s').is_some_and(place))
    }

    /// Whether the list the name ends ("A, B and" before it) follows "of" and a
    /// noun of places: "the villages of A, B and C".
    fn listed_after_place_noun(&self, b: usize, start: usize) -> bool {
        let t = self.t;
        let mut j = b;
        while j > start && b - j < 12 {
            let k = t.key(j);
            if k == "of" {
                return j > start && j + 1 < b && self.place_noun(j - 1);
            }
            if !(t.toks[j].is_cap_word() || k == "," || k == "and") {
                return false;
            }
            j -= 1;
        }
        false
    }

    /// A role whose place or organisation stands between it and the name, in
    /// apposition: "India's ambassador to Nepal, X,", "the mayor of Lund, X".
    fn role_before_comma(&self, first: usize, start: usize) -> Option<RoleUse> {
        let t = self.t;
        if first < start + 4 || !t.is_punct(first - 1, ',') {
            return None;
        }
        let mut j = first - 2;
        while j > start && t.toks[j].is_cap_word() && first - 2 - j < 4 {
            j -= 1;
        }
        if j + 2 == first || !matches!(t.key(j), "to" | "of" | "in" | "at" | "for") || t.toks[j].has(flag::CAP) {
            return None;
        }
        let r =
            j.checked_sub(1).filter(|&r| r >= start && t.toks[r].kind == Kind::Word && !t.toks[r].has(flag::CAP))?;
        // The role noun, with a word before it when the two are one role ("high commissioner").
        let two = (r > start).then(|| [t.key(r - 1), t.key(r)]);
        let a = match two {
            Some(w) if self.lex.lower_roles.longest(&w).is_some_and(|(n, ())| n == 2) => r - 1,
            _ if self.lex.lower_roles.longest(&[t.key(r)]).is_some() => r,
            _ => return None,
        };
        // "the former mayor of X, Y": the role as the report gives it.
        let from = if a > start && matches!(t.key(a - 1), "former" | "deputy" | "acting" | "interim" | "vice") {
            a - 1
        } else {
            a
        };
        let title = title_case(&self.flat_text(from, r));
        let base = title_case(&self.flat_text(a, r));
        Some(RoleUse { base, title, country: None, org: None, span: self.span(from, r) })
    }

    /// Whether tokens `a..=b` are a role: modifiers ("deputy", "acting") and then
    /// a role noun or office title ("director general", "Chief Executive").
    fn role_phrase(&self, a: usize, b: usize) -> bool {
        let t = self.t;
        let mut s = a;
        while s < b
            && matches!(
                t.key(s),
                "deputy"
                    | "vice"
                    | "acting"
                    | "interim"
                    | "assistant"
                    | "senior"
                    | "former"
                    | "outgoing"
                    | "incumbent"
                    | "new"
                    | "associate"
                    | "joint"
                    | "regional"
                    | "national"
                    | "general"
            )
        {
            s += 1;
        }
        if (a..=b).any(|i| t.toks[i].kind != Kind::Word) || b + 1 - a > 4 {
            return false;
        }
        // A modifier joined by a hyphen ("vice-minister", "deputy-director") makes
        // another office of the role after it.
        let key = |i: usize| crate::lexicon::without_hyphen_modifier(t.key(i));
        // The role noun ends the phrase; words before it say of what ("Communications Manager").
        (s..=b).any(|s| {
            let n = b + 1 - s;
            self.lex.lower_roles.longest_with(n, |j| key(s + j)).is_some_and(|(m, ())| m == n)
                || self
                    .lex
                    .titles
                    .longest_with(n, |j| key(s + j))
                    .is_some_and(|(m, &c)| m == n && c & title::HEAD != 0 && c & title::HONORIFIC == 0)
        })
    }

    /// A role in apposition to a name: after it ("X, director general of the
    /// agency, said") or before it ("the agency's deputy director general, X,").
    fn appositive_role(&self, first: usize, last: usize, sent: std::ops::Range<usize>) -> Option<RoleUse> {
        let found = self.appositive_role_from(first, last, sent.clone(), true);
        // "Its chief executive, X, the founder's daughter, said": an office
        // before the name says more than a relation after it.
        if found.as_ref().is_some_and(|r| !self.is_office_title(&r.base)) {
            if let Some(before) = self.appositive_role_from(first, last, sent, false) {
                if self.is_office_title(&before.base) {
                    return Some(before);
                }
            }
        }
        found
    }

    /// Whether a role ends in an office title of the lexicon ("Chief Executive",
    /// "Minister of X"), not a relation or a description ("Daughter").
    fn is_office_title(&self, base: &str) -> bool {
        let words = crate::lexicon::split_phrase(&crate::text::fold(base));
        let words = match words.iter().position(|w| w == "of" || w == "for") {
            Some(k) if k > 0 => &words[..k],
            _ => &words[..],
        };
        (0..words.len()).any(|k| {
            self.lex.titles.longest(&words[k..]).is_some_and(|(n, &c)| n == words.len() - k && c & title::HEAD != 0)
        })
    }

    /// [`Self::appositive_role`], looking after the name too when `after`.
    fn appositive_role_from(
        &self,
        first: usize,
        last: usize,
        sent: std::ops::Range<usize>,
        after: bool,
    ) -> Option<RoleUse> {
        let t = self.t;
        let role = |a: usize, b: usize, org: Option<String>| {
            let title = title_case(&self.flat_text(a, b));
            RoleUse { base: title.clone(), title, country: None, org, span: self.span(a, b) }
        };
        // After: ", [the|a] ROLE [of|at ORG] ,|." — the role ends where "of", "at" or punctuation comes.
        // Not a relative clause: in "filed by Halvard, whose candidate, Ann Lee,"
        // the candidate is Ann Lee.
        // Not a place: in "In Moraville, the mayor of Phaistos, Manolis
        // Kokkinakis, said" the mayor is the name after the role.
        if after
            && t.is_punct(last + 1, ',')
            && !self.located(first, sent.start)
            && !matches!(t.key(last + 2), "whose" | "which" | "who" | "whom" | "where")
            // ", and the Minister of Finance, Y": the next item of a list.
            && !matches!(t.key(last + 2), "and" | "or")
        {
            let mut a = last + 2;
            if matches!(t.key(a), "the" | "a" | "an") {
                a += 1;
            }
            // ", the university's vice-chancellor": the owner, then the role.
            let owner = (a..(a + 3).min(sent.end)).find(|&i| t.toks[i].kind == Kind::Possessive);
            let owner = owner.filter(|&p| p > a && (a..p).all(|i| t.toks[i].kind == Kind::Word));
            // A named owner is the organisation; "the university's" is the one
            // the report is about.
            let owner_org =
                owner.filter(|&p| t.toks[p - 1].has(flag::CAP)).map(|p| crate::text::fold(&self.flat_text(a, p - 1)));
            if let Some(p) = owner {
                a = p + 1;
            }
            let mut b = a;
            while b + 1 < sent.end
                && b - a < 5
                && t.toks[b + 1].kind == Kind::Word
                && !matches!(t.key(b + 1), "of" | "at" | "for" | "in" | "and" | "who")
            {
                b += 1;
            }
            while b >= a && b < sent.end {
                if self.role_phrase(a, b) {
                    let mut b = b;
                    let mut next = b + 1;
                    let ends = next >= sent.end
                        || t.toks[next].kind == Kind::Punct
                        || matches!(t.key(next), "of" | "at" | "for" | "in" | "and" | "who");
                    if !ends {
                        break;
                    }
                    // "President and Chief Executive Officer": both offices.
                    if t.key(next) == "and" {
                        if let Some(e) =
                            (next + 1..(next + 5).min(sent.end)).rev().find(|&e| self.role_phrase(next + 1, e))
                        {
                            b = e;
                            next = b + 1;
                        }
                    }
                    // "Vice-President of Operations": a portfolio of common words is
                    // part of the office; "of Brandt Midstream" names its organisation.
                    if matches!(t.key(next), "of" | "for") {
                        let mut e = next + 1;
                        // A participle starts a clause of its own ("candidate of the
                        // coalition headed by X").
                        // So does a relative pronoun ("director of the department
                        // that sets the papers").
                        while e < sent.end
                            && t.toks[e].kind == Kind::Word
                            && self.lex.is_common(t.text(e))
                            && e - next <= 3
                            && !(e > next + 1 && t.key(e).ends_with("ed"))
                            && !matches!(t.key(e), "that" | "which" | "who" | "whose" | "where")
                        {
                            e += 1;
                        }
                        let ended = e >= sent.end || t.toks[e].kind == Kind::Punct || !t.toks[e].has(flag::CAP);
                        if e > next + 1 && ended && t.toks[next + 1].has(flag::CAP) == t.toks[a].has(flag::CAP) {
                            b = e - 1;
                            next = e;
                        }
                    }
                    if owner.is_some() {
                        return Some(role(a, b, owner_org));
                    }
                    let org = (matches!(t.key(next), "of" | "at") && next + 1 < sent.end).then(|| {
                        let mut e = next + 1;
                        if t.key(e) == "the" {
                            e += 1;
                        }
                        let s0 = e;
                        // The whole name, over "of" and "and" ("the Department of
                        // Testing and Quality Assessment").
                        while e < sent.end
                            && (t.toks[e].has(flag::CAP)
                                || (e > s0
                                    && self.is_connector(e)
                                    && t.toks.get(e + 1).is_some_and(|x| x.has(flag::CAP))
                                    && e + 1 < sent.end))
                        {
                            e += 1;
                        }
                        (e > s0).then(|| crate::text::fold(&self.flat_text(s0, e - 1)))
                    });
                    return Some(role(a, b, org.flatten()));
                }
                if b == a {
                    break;
                }
                b -= 1;
            }
        }
        // Before: "[the|its|X's] ROLE, NAME," — the role runs back from the comma.
        if first >= sent.start + 2 && t.is_punct(first - 1, ',') {
            let b = first - 2;
            for a in (sent.start..=b).rev().take(8) {
                let det = a > sent.start
                    && (matches!(t.key(a - 1), "the" | "its" | "his" | "her" | "their")
                        || t.toks[a - 1].kind == Kind::Possessive);
                // In lower case, or an office title as written ("the Fund's Chief
                // Investment Officer, Dr X,").
                let office = self.lex.titles.longest_with(b + 1 - a, |j| t.key(a + j)).is_some_and(|(m, &c)| {
                    m == b + 1 - a && c & title::HEAD != 0 && c & (title::HONORIFIC | title::RANK) == 0
                }) || self.capitalised_office(a, b);
                let lower = (a..=b).all(|i| !t.toks[i].has(flag::CAP) || i == a) || office;
                if det && self.role_phrase(a, b) && lower {
                    return Some(role(a, b, self.owner_before(a, sent.start)));
                }
                // "its vice-president of operations, X": with a portfolio; "The
                // Provincial Commissioner of KwaZulu-Natal, X": with its place.
                let portfolio = (a..b.saturating_sub(1)).find(|&k| {
                    let common = (k + 2..=b).all(|i| t.toks[i].kind == Kind::Word && self.lex.is_common(t.text(i)));
                    let named = (k + 2..=b).all(|i| t.toks[i].is_cap_word() || t.is_punct(i, '-'));
                    matches!(t.key(k + 1), "of" | "for")
                        && (common || (named && self.capitalised_office(a, k)))
                        && self.role_phrase(a, k)
                });
                if let Some(k) = portfolio.filter(|&k| det && (lower || self.capitalised_office(a, k))) {
                    return Some(role(a, if self.capitalised_office(a, k) { k } else { b }, None));
                }
                // "The presiding councillor of the IEM, X": a lower-case office of
                // a named organisation.
                let of_named = (a..b).find(|&k| {
                    let s0 = if t.key(k + 2) == "the" { k + 3 } else { k + 2 };
                    matches!(t.key(k + 1), "of" | "at")
                        && s0 <= b
                        && self.named_org(s0, b)
                        && (a + 1..=k).all(|i| !t.toks[i].has(flag::CAP))
                        && self.role_phrase(a, k)
                });
                if let Some(k) = of_named.filter(|_| det) {
                    let s0 = if t.key(k + 2) == "the" { k + 3 } else { k + 2 };
                    return Some(role(a, k, Some(self.body_owner(s0, b))));
                }
            }
        }
        None
    }

    /// Whether tokens `a..=b` name an organisation an office is of: capitalised
    /// words ("the IEM"), joined by "of" or "the" ("the Board of Servel"), or
    /// a named owner's body ("Servel's board").
    fn named_org(&self, a: usize, b: usize) -> bool {
        let t = self.t;
        if !t.toks[a].is_cap_word() {
            return false;
        }
        if let Some(p) = (a + 1..=b).find(|&i| t.toks[i].kind == Kind::Possessive) {
            // "Servel's board": the owner, then one or two words of its body.
            return p < b
                && b - p <= 2
                && (a..p).all(|i| t.toks[i].is_cap_word())
                && (p + 1..=b).all(|i| t.toks[i].kind == Kind::Word && !t.toks[i].has(flag::CAP));
        }
        t.toks[b].is_cap_word()
            && (a..=b).all(|i| t.toks[i].is_cap_word() || t.is_punct(i, '-') || matches!(t.key(i), "of" | "the"))
    }

    /// The organisation of [`Ctx::named_org`] tokens, folded: the owner of a
    /// body ("Servel" of "Servel's board" and of "the Board of Servel"). Those
    /// tokens end in a capitalised word or the body's words after the owner, so
    /// `from <= to`.
    fn body_owner(&self, a: usize, b: usize) -> String {
        let t = self.t;
        let (from, to) = if let Some(p) = (a..=b).find(|&i| t.toks[i].kind == Kind::Possessive) {
            (a, p - 1)
        } else {
            let after_of = (a..=b).rev().find(|&i| t.key(i) == "of").map_or(a, |o| o + 1);
            (if t.key(after_of) == "the" { after_of + 1 } else { after_of }, b)
        };
        crate::text::fold(&self.flat_text(from, to))
    }

    /// Whether tokens `a..=b` are an office written in capitals: words that
    /// qualify titles, then a title's head ("Provincial Commissioner").
    fn capitalised_office(&self, a: usize, b: usize) -> bool {
        let t = self.t;
        let class = |i: usize| self.lex.titles.longest_with(1, |_| t.key(i)).map_or(0, |(_, &c)| c);
        b > a
            && (a..=b).all(|i| t.toks[i].has(flag::CAP))
            && (a..b).all(|i| class(i) & title::MODIFIER != 0)
            && class(b) & title::HEAD != 0
            && class(b) & (title::HONORIFIC | title::RANK) == 0
    }

    /// Whether the capitals at tokens `i..=j` open a dateline: the first words of
    /// a line, then a comma or a bracket ("VALMORA, 3 March -", "LONDON (Agency) -"),
    /// and a spaced dash soon after on the same line.
    fn is_dateline(&self, i: usize, j: usize) -> bool {
        let t = self.t;
        let starts_line = i == 0 || t.toks[i].has(flag::BREAK_BEFORE);
        let letters: usize = (i..=j).map(|k| t.text(k).chars().filter(|c| c.is_alphabetic()).count()).sum();
        if !starts_line || letters < 3 || !(t.is_punct(j + 1, ',') || t.is_punct(j + 1, '(')) {
            return false;
        }
        (j + 2..t.len().min(j + 12))
            .take_while(|&j| !t.toks[j].has(flag::BREAK_BEFORE))
            .any(|j| matches!(t.text(j), "-" | "–" | "—") && t.toks[j].has(flag::SPACE_BEFORE))
    }

    #[allow(clippy::too_many_arguments)]
    fn classify(
        &mut self,
        run: &[usize],
        lead: usize,
        core: &[usize],
        role: Option<RoleUse>,
        honorifics: &[String],
        cues: &Cues,
        headline: bool,
    ) {
        let lex = self.lex;
        let t = self.t;
        // "Germany-based", "Hong Kong-based", "Oslo-listed", "Brazilian-born": where
        // a name is from, not part of it.
        let located = |i: usize| {
            let k = self.t.key(i);
            k.contains('-')
                && ["-based", "-listed", "-owned", "-registered", "-headquartered", "-born"]
                    .iter()
                    .any(|x| k.ends_with(x))
        };
        let (core, lead) = match core.iter().take(3).position(|&i| located(i)) {
            Some(p) if p + 1 < core.len() => (&core[p + 1..], lead.max(core_index(run, core[p + 1]))),
            // "the Hong Kong-based insurer": an adjective, no name.
            Some(_) => return,
            None => (core, lead),
        };
        let first = core[0];
        let last = *core.last().unwrap_or(&first);
        let n = core.len();
        // A dateline ("PORTREE, 4 May -", "SIERRA VISTA (Agency) -") names a place.
        if core.iter().all(|&i| t.toks[i].has(flag::ALL_CAPS)) && self.is_dateline(first, last) {
            let idx = self.place_at(core, 0).filter(|&(m, _)| m == n).map(|(_, i)| i);
            self.push(EntityKind::Place, first, last, core, &[], None, idx, headline);
            return;
        }
        // Acronyms.
        if n == 1 && t.toks[first].has(flag::ALL_CAPS) {
            let s = t.text(first);
            if lex.not_entity.contains(s.trim_end_matches('.')) || lex.titles.longest(&[self.t.key(first)]).is_some() {
                return;
            }
            // A currency code before an amount ("NOK 450 million") is part of the figure.
            let before_number = t.toks.get(first + 1).is_some_and(|x| x.kind == Kind::Number);
            if before_number && lex.currencies.longest_with(1, |_| self.t.key(first)).is_some() {
                return;
            }
            if let Some((_, idx)) = self.place_at(core, 0) {
                self.push(EntityKind::Place, first, last, core, &[], None, Some(idx), headline);
                return;
            }
            if s.trim_end_matches('.').chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                self.push_org(first, last, core, true, headline);
            }
            return;
        }
        // Places, whole or as the start of a longer name.
        if let Some((m, idx)) = self.place_at(core, 0) {
            if m == n {
                self.push(EntityKind::Place, first, last, core, &[], None, Some(idx), headline);
                return;
            }
            let rest = &core[m..];
            if rest.len() == 1 && t.toks[rest[0]].has(flag::ALL_CAPS) && !lex.is_org_head(self.t.key(rest[0])) {
                self.push(EntityKind::Place, first, core[m - 1], &core[..m], &[], None, Some(idx), headline);
                self.classify(run, rest[0], rest, None, &[], &Cues::default(), headline);
                return;
            }
        }
        // A lone demonym ("French") is an adjective, not an entity.
        if let Some((m, _)) = self.demonym_at(core, 0) {
            if m == n {
                return;
            }
        }
        // Organisations: "... Group", "Ministry of ...", "X & Y Ltd".
        let last_key = self.t.key(last);
        let org_prefix = n >= 3 && self.looks_like_org(core);
        let has_amp = core.iter().any(|&i| self.t.key(i) == "&");
        if headline {
            // Capitals say nothing in a title-case headline: only names known
            // from elsewhere count, and the resolver decides that. Offer every
            // uncommon word, and pairs of them, as candidates.
            let mut q = 0;
            while q < n {
                let uncommon = |i: usize| !lex.is_common(self.t.key(core[i])) && t.toks[core[i]].kind == Kind::Word;
                if !uncommon(q) {
                    q += 1;
                    continue;
                }
                let end = if q + 1 < n && uncommon(q + 1) { q + 2 } else { q + 1 };
                self.push_candidate(core[q], core[end - 1], &core[q..end], &[], true);
                q = end;
            }
            return;
        }
        // "English Premier League": a title word inside an organisation's name.
        if n == 1 && lex.is_org_head(self.t.key(first)) && run.len() > 1 {
            self.push_org(run[0], last, run, false, headline);
            return;
        }
        if n >= 2 && lex.event_heads.contains(last_key) {
            // "X Summit": the organisation before the event, if there is one.
            let before = &core[..n - 1];
            let before_org = before.len() >= 2
                && (lex.is_org_head(self.t.key(before[before.len() - 1]))
                    || (before.len() >= 3
                        && lex.org_prefixes.contains(self.t.key(before[0]))
                        && is_of(self.t.key(before[1]))));
            if before_org {
                self.push_org(before[0], before[before.len() - 1], before, false, headline);
            }
            return;
        }
        if (n >= 2 && lex.is_org_head(last_key)) || org_prefix || (has_amp && n >= 3) {
            self.push_org(first, last, core, false, headline);
            return;
        }
        if n >= 2 && lex.place_heads.contains(last_key) {
            self.push(EntityKind::Place, first, last, core, &[], None, None, headline);
            return;
        }
        // Named things: "the ferry X", a name with a number ("X 2" is a model or a
        // vessel), a genus before its species ("Klebsiella pneumoniae").
        let numbered = n >= 2
            && t.toks.get(last + 1).is_some_and(|x| x.kind == Kind::Number && !x.glued() && !x.has(flag::BREAK_BEFORE))
            && !(t.is_punct(last + 2, '%') || t.is_punct(last + 2, ':'));
        let species = n == 1 && t.toks.get(last + 1).is_some_and(|x| x.kind == Kind::Word && !x.has(flag::CAP)) && {
            let k = self.t.key(last + 1);
            !lex.is_common(k)
                && ["ae", "ii", "us", "um", "is", "oides", "ensis", "coli", "difficile"].iter().any(|e| k.ends_with(e))
        };
        let prefixed = n == 1
            && self.t.key(first).split_once('-').is_some_and(|(p, rest)| {
                matches!(
                    p,
                    "anti"
                        | "pro"
                        | "non"
                        | "pre"
                        | "post"
                        | "co"
                        | "counter"
                        | "multi"
                        | "inter"
                        | "ex"
                        | "self"
                        | "semi"
                        | "sub"
                        | "super"
                        | "ultra"
                        | "mid"
                ) || matches!(rest, "born" | "based" | "owned" | "led" | "backed" | "made" | "speaking" | "funded")
            });
        // "Cyclone Orun", "Tropical Storm Alberto", "Lifeboat Europa": a named thing.
        let prefix = core.iter().take_while(|&&i| lex.thing_prefixes.contains(self.t.key(i))).count();
        let thing_prefixed = prefix > 0 && prefix < n;
        if (cues.thing_before || thing_prefixed || numbered || species || prefixed)
            && !cues.title
            && honorifics.is_empty()
        {
            if cues.thing_before || thing_prefixed {
                let name: Vec<&str> = core[prefix..].iter().map(|&i| self.t.key(i)).collect();
                self.things.push(name.join(" "));
            }
            return;
        }
        if n >= 2 && lex.org_starts.contains(self.t.key(first)) {
            self.push_org(first, last, core, false, headline);
            return;
        }
        if cues.credit && matches!(self.t.key(last + 1), "staff" | "reporters" | "correspondents" | "team" | "desk") {
            // "Posted by X staff": the outlet.
            self.push_org(first, last, core, false, headline);
            return;
        }
        if n >= 2 && lex.place_prefixes.contains(self.t.key(first)) && cues.kind_before.is_none() {
            self.push(EntityKind::Place, first, last, core, &[], None, None, headline);
            return;
        }
        // "By X, Banking Correspondent": the writer's beat, no second writer.
        // ("Media contact: Nasrin Sultana" is a name that ends in a title word.)
        if cues.credit
            && n >= 2
            && lex.titles.contains_word(last_key)
            && !t.toks[last].has(flag::ALL_CAPS)
            && !lex.is_first_name(self.t.key(first))
        {
            return;
        }
        if cues.credit && cues.agency {
            self.push_org(first, last, core, false, headline);
            return;
        }
        match cues.kind_before {
            Some(EntityKind::Organisation) if !cues.title => {
                self.push_org(first, last, core, false, headline);
                return;
            }
            // A place named before its kind keeps a title of its name ("the
            // Doña Isabel mine", "King Hamad airport").
            Some(EntityKind::Place) if !cues.title => {
                self.push(EntityKind::Place, first, last, core, &[], None, None, headline);
                return;
            }
            Some(EntityKind::Place) if cues.kind_after && role.is_none() => {
                let lead = if lead < core_index(run, first) { run[lead] } else { first };
                let whole: Vec<usize> = (lead..=last).filter(|&i| t.toks[i].kind == Kind::Word).collect();
                self.push(EntityKind::Place, lead, last, &whole, &[], None, None, headline);
                self.named_places.push(self.flat_text(lead, last));
                return;
            }
            _ => {}
        }
        // People.
        let words: Vec<&str> = core.iter().map(|&i| self.t.key(i)).collect();
        let has_connector = core.iter().any(|&i| {
            !t.toks[i].has(flag::CAP)
                && lex.org_connectors.contains(self.t.key(i))
                && !lex.particles.contains(self.t.key(i))
        });
        // A regnal number ends a name ("Adekunle Olaosebikan III"); it is no acronym.
        let regnal = |i: usize| i == last && (n >= 3 || cues.title) && crate::lexicon::is_regnal(t.key(i));
        // A byline in capitals ("By MERCY CHEBET") names a person, not acronyms.
        let caps_byline = cues.credit
            && n >= 2
            && core.iter().all(|&i| t.toks[i].has(flag::ALL_CAPS))
            && lex.first_names.contains(self.t.key(first));
        let has_acronym = !caps_byline && core.iter().any(|&i| t.toks[i].has(flag::ALL_CAPS) && !regnal(i));
        // Lower-case particles do not make a name longer ("María Fernanda de la
        // Garza Quiroga" has four names).
        let name_words =
            core.iter().filter(|&&i| t.toks[i].has(flag::CAP) || !lex.particles.contains(self.t.key(i))).count();
        let all_common = words.iter().all(|w| lex.common.contains(*w) && !lex.first_names.contains(*w));
        let patronymic = core.iter().any(|&i| lex.is_patronymic(t.text(i)));
        // Or a family name first and a given name after it ("Takahashi Kenji").
        let family_first = (2..=3).contains(&n)
            && lex.surname_first.contains(words[0])
            && lex.first_names.contains(words[n - 1])
            && !lex.common.contains(words[n - 1]);
        let first_name = family_first
            || (n >= 2
                && lex.first_names.contains(words[0])
                && !lex.common.contains(words[1])
                && !lex.org_heads.contains(words[1]));
        let demonym_first = self.demonym_at(core, 0).is_some();
        let mostly_common = n >= 2
            && words.iter().filter(|w| lex.common.contains(**w) && !lex.first_names.contains(**w)).count() * 2 > n;
        let not_a_name = has_connector
            || has_acronym
            || name_words > 5
            || headline
            || demonym_first
            || (mostly_common && !first_name);
        // A lone word that "said" something may be a company; it counts as a
        // person only with more evidence ("said he", a title, a role, an appositive).
        let speech = cues.speech && (n >= 2 || cues.personal) && !cues.neuter;
        let strong = cues.title
            || speech
            || cues.appositive
            || cues.appositive_role.is_some()
            || (cues.who && n >= 2)
            || cues.lower_role.is_some()
            || cues.credit
            || cues.age
            || cues.leader
            || patronymic;
        if demonym_first && n >= 2 && (cues.speech || cues.appositive) {
            // "Peruvian Red Cross said": an organisation named after its country.
            self.push_org(first, last, core, false, headline);
            return;
        }
        if n == 1 && cues.neuter && !cues.title {
            // Probably an organisation ("Corvex said it would"), unless the
            // resolver knows a person of that name.
            self.push_candidate(first, last, core, &[], headline);
            if let Some(h) = self.out.hits.last_mut() {
                h.neuter = true;
            }
            return;
        }
        // "the Adelina Ferro", "the Mary Rose": an article before a name that
        // only a given name makes a person's names a ship, a house or a gem.
        let article = first > 0 && self.t.key(first - 1) == "the" && honorifics.is_empty();
        if !not_a_name && (cues.title || !all_common) && (strong || (first_name && !cues.neuter && !article)) {
            let lead = if lead < core_index(run, first) { run[lead] } else { first };
            self.push(EntityKind::Person, lead, last, core, honorifics, role, None, headline);
            if !strong {
                if let Some(h) = self.out.hits.last_mut() {
                    h.weak = true;
                }
            }
            return;
        }
        if has_connector || has_acronym || name_words > 4 {
            return;
        }
        // Undecided: the resolver accepts it if the name is known from elsewhere.
        if !all_common || n == 1 {
            let lead = if !honorifics.is_empty() && lead < core_index(run, first) { run[lead] } else { first };
            self.push_candidate(lead, last, core, honorifics, headline);
        }
    }

    fn push_org(&mut self, first: usize, last: usize, core: &[usize], acronym: bool, headline: bool) {
        // "Chief Executive Officer of Vandermeer Line": the organisation starts
        // after the "of" that tied it to the title.
        let lead = core.iter().take_while(|&&i| i < last && matches!(self.t.key(i), "of" | "for")).count();
        let (first, core) = if lead > 0 { (core[lead], &core[lead..]) } else { (first, core) };
        // "North Sea Fisheries Council (NSFC)": remember the acronym it defines.
        let t = self.t;
        let defines = (t.is_punct(last + 1, '(')
            && last + 3 < t.len()
            && t.is_punct(last + 3, ')')
            && (t.toks[last + 2].has(flag::ALL_CAPS)
                // Or a short name ("the Electoral Service (Servel)").
                || (t.toks[last + 2].is_cap_word()
                    && !self.lex.is_common(t.key(last + 2))
                    && !self.lex.is_first_name(t.key(last + 2)))))
        .then(|| t.text(last + 2).trim_end_matches('.').to_string());
        let start = self.hits_len();
        self.push(EntityKind::Organisation, first, last, core, &[], None, None, headline);
        if let Some(h) = self.out.hits.get_mut(start) {
            h.acronym = acronym;
            h.defines = defines;
        }
    }

    fn hits_len(&self) -> usize {
        self.out.hits.len()
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: EntityKind,
        lead: usize,
        last: usize,
        core: &[usize],
        honorifics: &[String],
        role: Option<RoleUse>,
        place: Option<usize>,
        headline: bool,
    ) {
        // "Chairman of the Board of Directors of Nordvig": an office that ends
        // in "of" is the office of what follows, one word that names no person.
        if kind == EntityKind::Person
            && core.len() == 1
            && honorifics.is_empty()
            && role.as_ref().is_some_and(|r| r.title.ends_with(" of") || r.title.ends_with(" for"))
        {
            self.push_candidate(core[0], last, core, &[], headline);
            return;
        }
        let hit = self.hit(Some(kind), lead, last, core, honorifics, role, place, headline);
        self.out.hits.push(hit);
    }

    fn push_candidate(&mut self, lead: usize, last: usize, core: &[usize], honorifics: &[String], headline: bool) {
        let hit = self.hit(None, lead, last, core, honorifics, None, None, headline);
        self.out.hits.push(hit);
    }

    #[allow(clippy::too_many_arguments)]
    fn hit(
        &self,
        kind: Option<EntityKind>,
        lead: usize,
        last: usize,
        core: &[usize],
        honorifics: &[String],
        role: Option<RoleUse>,
        place: Option<usize>,
        headline: bool,
    ) -> NameHit {
        let first = core[0];
        NameHit {
            kind,
            span: self.span(lead, last),
            core: (first as u32, last as u32),
            first_name_honorific: honorifics.iter().any(|h| self.lex.firstname_honorifics.contains(h)),
            male: honorifics.iter().find_map(|h| Lexicon::honorific_male(h)),
            role: role.map(Box::new),
            place,
            acronym: false,
            defines: None,
            headline,
            weak: false,
            neuter: false,
        }
    }
}

/// Position of token `tok` in `run` (or `run.len()`).
fn core_index(run: &[usize], tok: usize) -> usize {
    run.iter().position(|&i| i == tok).unwrap_or(run.len())
}

#[derive(Debug, Default, Clone)]
struct Cues {
    title: bool,
    speech: bool,
    /// An appositive that describes a person: ", director of", ", who".
    appositive: bool,
    /// ", who ...": a person, or a club or firm in British usage.
    who: bool,
    /// "he"/"she" follows the speech verb.
    personal: bool,
    /// "it" follows the speech verb: an organisation speaking.
    neuter: bool,
    age: bool,
    leader: bool,
    credit: bool,
    agency: bool,
    lower_role: Option<RoleUse>,
    /// What a noun in front says the name is ("the newspaper X", "the river X",
    /// "Reporting by Y in X").
    kind_before: Option<EntityKind>,
    /// The kind is said by a noun after the name ("X province", "the X mine").
    kind_after: bool,
    /// A role in apposition ("X, director general of the agency,").
    appositive_role: Option<RoleUse>,
    /// A noun in front names a vehicle or other thing ("the ferry X").
    thing_before: bool,
}

/// "of" after an organisation's first word, in English and the languages whose
/// names the news quotes as written ("Universidad del ...", "Banque de ...").
fn is_of(k: &str) -> bool {
    matches!(k, "of" | "for" | "de" | "del" | "della" | "di" | "da" | "do" | "dos" | "das" | "des" | "du" | "der")
}

/// "defence secretary" -> "Defence Secretary"; small words stay lower case;
/// words already capitalised ("U.K.") are kept.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, w) in s.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let small = n > 0 && matches!(w, "of" | "the" | "for" | "and" | "on" | "in" | "to" | "a");
        let mut cs = w.chars();
        match cs.next() {
            Some(c) if !small => {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
            _ => out.push_str(w),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn names(text: &str) -> Vec<(String, Option<EntityKind>)> {
        let lex = Lexicon::get();
        let t = tokenize(text, lex);
        find(&t, 0, lex).hits.into_iter().map(|h| (text[h.span.range()].to_string(), h.kind)).collect()
    }

    fn people(text: &str) -> Vec<String> {
        names(text).into_iter().filter(|(_, k)| *k == Some(EntityKind::Person)).map(|(s, _)| s).collect()
    }

    fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
        names(text).into_iter().find(|(s, _)| s == name).and_then(|(_, k)| k)
    }

    #[test]
    fn a_letter_glued_to_a_number_is_no_name() {
        // A Manila levee scandal in pesos, a Kano clinic's masks.
        let n = names("Senator Ana Reyes said the P8.9bn contracts and P96 million in fees went to one firm.");
        assert!(!n.iter().any(|(s, _)| s == "P"), "{n:?}");
        assert!(n.iter().any(|(s, _)| s == "Ana Reyes"), "{n:?}");
        assert!(!names("The clinic ran short of N95 masks, Dr Musa Bello said.").iter().any(|(s, _)| s == "N"));
    }

    #[test]
    fn a_ship_named_like_a_woman_stays_a_ship() {
        // A tanker fire off Santos: named once as a ship, then alone, after
        // "aboard", after "the", and in a caption.
        let t = "The tanker Maria Helena caught fire off Santos. Two days after the Maria Helena left Rio, \
                 Maria Helena lost power. Captain Joao Lima said 20 crew were aboard Maria Helena.";
        assert_eq!(people(t), vec!["Captain Joao Lima"]);
        assert!(people("Inspectors said eight crew were aboard Maria Helena on Monday.").is_empty());
        assert!(people("Divers reached the Maria Helena at noon on Sunday.").is_empty());
        assert!(people("[Photo caption: The Maria Helena alongside at Santos]").is_empty());
        // A credit still names the photographer.
        assert_eq!(people("Photo: Maria Helena Duarte/Reuters"), vec!["Maria Helena Duarte"]);
    }

    #[test]
    fn a_noun_in_front_says_what_the_name_is() {
        // A regional paper and a river, neither in any list.
        let t = "Figures published by the newspaper Le Messager de Brionne show the cuts.";
        assert_eq!(kind_of(t, "Le Messager de Brionne"), Some(EntityKind::Organisation));
        assert_eq!(
            kind_of("Dead fish were found in the River Odelle on Monday.", "River Odelle"),
            Some(EntityKind::Place)
        );
        // A port authority, a regulator and an institute, named after the noun.
        let t = "The ship was cleared by the port authority Vestfjord Havn and the regulator Sjotrygg Tilsyn.";
        assert_eq!(kind_of(t, "Vestfjord Havn"), Some(EntityKind::Organisation));
        assert_eq!(kind_of(t, "Sjotrygg Tilsyn"), Some(EntityKind::Organisation));
        // A vessel is no one; a fashion model is someone.
        assert!(people("Divers reached the ferry Santa Lucia Norte on Sunday.").is_empty());
        assert_eq!(people("Photographs of the model Ines Varga were shown."), vec!["Ines Varga"]);
        // A reporter's town in a credit line is a place, the reporter a person.
        let t = "(Reporting by Ines Tavares; additional reporting by Kofi Mensah in Tarrow)";
        assert_eq!(kind_of(t, "Tarrow"), Some(EntityKind::Place));
        assert_eq!(kind_of(t, "Kofi Mensah"), Some(EntityKind::Person));
        // "head of the X cooperative": X qualifies the cooperative, no one is named.
        assert!(
            people("Aylin Demir, head of the Maribel growers' union, said prices had fallen.") == vec!["Aylin Demir"]
        );
        // An age, or a role with words that qualify it, in apposition.
        assert_eq!(
            people("Police held Quach Duc Loi, a 51-year-old Vietnamese national, at the port."),
            vec!["Quach Duc Loi"]
        );
        assert_eq!(
            people("Police also held Themba Zulu, a former game ranger at a private reserve, on Friday."),
            vec!["Themba Zulu"]
        );
        assert!(people("Police raided Kestrel Freight, a former state haulier, on Friday.").is_empty());
    }

    #[test]
    fn titles_ranks_and_birthplaces_before_a_name() {
        // A rank that starts an office ("Deputy Chief" + "Prosecutor").
        assert_eq!(people("Deputy Chief Prosecutor Mehmet Aydin told the court."), vec!["Mehmet Aydin"]);
        // An office in apposition before the name, as written or hyphenated.
        let roles = |text: &str| -> Vec<String> {
            let lex = Lexicon::get();
            let t = tokenize(text, lex);
            find(&t, 0, lex).hits.into_iter().filter_map(|h| h.role.map(|r| r.title)).collect()
        };
        assert_eq!(
            roles("The Fund's Chief Investment Officer, Dr Tomas Vik, said the fund would recover."),
            vec!["Chief Investment Officer"]
        );
        assert_eq!(
            roles("The vice-minister for labour, Ana Quispe Rojas, said talks would go on."),
            vec!["Vice-minister for Labour"]
        );
        // An office in capitals with its place, before a ranked name: the office is the role.
        assert_eq!(
            roles("The Regional Commissioner of Mbeya-Rungwe, Brigadier Amina Juma, praised the rescuers."),
            vec!["Regional Commissioner"]
        );
        assert_eq!(
            roles("The Regional Commissioner, Amina Juma, praised the rescuers."),
            vec!["Regional Commissioner"]
        );
        // A portfolio before the office, or after it.
        assert_eq!(
            people("Deputy Minister of Mineral Resources Thabo Ngcobo, who arrived on Tuesday, said the same."),
            vec!["Thabo Ngcobo"]
        );
        assert_eq!(people("Minister of Finance Wang Lei said the budget was balanced."), vec!["Wang Lei"]);
        assert_eq!(
            people("Minister of Health Ama Kofi Mensah said the clinics would stay open."),
            vec!["Ama Kofi Mensah"]
        );
        assert_eq!(
            people("On Monday, Mineral Resources Minister Thabo Ngcobo said the mine would close."),
            vec!["Thabo Ngcobo"]
        );
        // An organisation whose words can qualify a title, before the title.
        assert_eq!(
            people("Financial Oversight Service Governor Ana Ruiz said the bank had failed its customers."),
            vec!["Ana Ruiz"]
        );
        // A portfolio listed with commas, and an office of common words before a rank.
        assert_eq!(
            people("Minister of Industry, Trade and Investment Adaeze Nwankwo said the chain would be sold."),
            vec!["Adaeze Nwankwo"]
        );
        assert_eq!(
            people("Disaster Risk Reduction and Management Officer Edgardo Panganiban said three had died."),
            vec!["Edgardo Panganiban"]
        );
        assert_eq!(people("Police Officer John Reyes said he saw it."), vec!["Police Officer John Reyes"]);
        assert_eq!(roles("Liquidator Ruth Amankwah said the chain's stores would close."), vec!["Liquidator"]);
        // A participle after the portfolio starts a clause of its own.
        assert_eq!(
            roles("Ines Calderon Vidal, candidate of the alliance led by the Greens, conceded on Monday."),
            vec!["Candidate of the Alliance"]
        );
        // Where someone was born, or a firm is based, is no part of a name.
        assert_eq!(people("Kenyan-born Amara Wanjiru Otieno said she founded the bank."), vec!["Amara Wanjiru Otieno"]);
        assert_eq!(
            people("Its finance chief, Brazilian-born Luciana Ferraz Barbosa, pleaded guilty."),
            vec!["Luciana Ferraz Barbosa"]
        );
        assert!(people("The Hong Kong-based insurer said it would pay.").is_empty());
        assert!(people("The Hong Kong-based Pacific Harbour Mutual said it would pay.").is_empty());
        // An organisation joined by "and" is one name.
        assert!(people("The Forestry and Wildlife Service (FWS) said it would appeal.").is_empty());
        assert!(people("Brightwater Advisory said the sale would take months.").is_empty());
    }

    #[test]
    fn heads_of_buildings_firms_and_funds_and_saints_towns() {
        let t = "Officials at Afya House said supplies had arrived. Dorvik Structural Engineering said it \
                 would cooperate. Vestland Pensjonskasse said the loss was painful. Residents of Santa \
                 Lucinda said the bridge shook.";
        assert!(people(t).is_empty(), "{:?}", people(t));
        assert_eq!(kind_of(t, "Santa Lucinda"), Some(EntityKind::Place));
        assert_eq!(kind_of(t, "Dorvik Structural Engineering"), Some(EntityKind::Organisation));
        // A ferry operator, a wind developer and a paper named after their
        // founders and town, and a South African province.
        let t = "Marta Lindqvist Line said the crossing was cancelled. Johan Botha Renewables said it would \
                 bid again. Readers of the Harare Ledger and Kisumu Daily wrote in. Farmers in the Northern \
                 Cape said rain had not come.";
        assert!(people(t).is_empty(), "{:?}", people(t));
        assert_eq!(kind_of(t, "Northern Cape"), Some(EntityKind::Place));
    }

    #[test]
    fn things_towns_and_companies_that_look_like_people() {
        // A gang, a town, a bridge named after a general, a fans' group, a company's accounts.
        let t = "A gang calling itself Rustam Wolf claimed the theft.";
        assert_eq!(kind_of(t, "Rustam Wolf"), Some(EntityKind::Organisation));
        let t = "The former mayor of the northern city of Ostravia was jailed.";
        assert_eq!(kind_of(t, "Ostravia"), Some(EntityKind::Place));
        let t = "Work on the General Tomas Varga Bridge ran two years late.";
        assert_eq!(kind_of(t, "General Tomas Varga Bridge"), Some(EntityKind::Place));
        let t = "The supporters' group Zapad Vatra said it would march on Saturday.";
        assert_eq!(kind_of(t, "Zapad Vatra"), Some(EntityKind::Organisation));
        assert!(people("Zentrix Okoro reported revenue of $2bn last year.").is_empty());
        assert!(people("Zentrix Okoro, which has 3 million subscribers, said it would refund them.").is_empty());
        assert!(people("The Italian-born architect designed it.").is_empty());
        // A speaker is still one.
        assert_eq!(people("Zentrix Okoro reported that sales had fallen."), vec!["Zentrix Okoro"]);
    }

    #[test]
    fn organisations_named_in_other_languages() {
        let t = "Professor Ana Ruiz, an expert at the\nUniversidad del Norte Grande, said the loss was painful.";
        assert_eq!(kind_of(t, "Universidad del Norte Grande"), Some(EntityKind::Organisation));
        assert_eq!(people(t), vec!["Professor Ana Ruiz"]);
        // An organisation "of" its leader: the organisation, then the person.
        let t = "The Farmers' Party of Maria Jansen took 14.8 percent.";
        assert_eq!(people(t), vec!["Maria Jansen"]);
    }

    #[test]
    fn a_portfolio_with_and_and_whom_a_minister_signs_for() {
        // A fisheries accord in West Africa: the "and" of a portfolio joins two
        // words of the office, and "for" after a name says whom the signer acts for.
        let t = "The accord was signed by Minister of Fisheries and Agriculture Adaeze Nwankwo for Nigeria and by \
                 Deputy Minister Kwame Asante-Mensah for the Republic of Ghana.";
        assert_eq!(people(t), vec!["Adaeze Nwankwo", "Kwame Asante-Mensah"]);
        let lex = Lexicon::get();
        let tk = tokenize(t, lex);
        let roles: Vec<String> =
            find(&tk, 0, lex).hits.iter().filter_map(|h| h.role.as_ref().map(|r| r.title.clone())).collect();
        assert_eq!(roles, vec!["Minister of Fisheries and Agriculture", "Deputy Minister"]);
        // Offices and bodies named with "for" stay whole.
        assert_eq!(
            kind_of("The Department for Education said so.", "Department for Education"),
            Some(EntityKind::Organisation)
        );
        assert_eq!(people("Minister for Europe Hana Dvorak said no."), vec!["Hana Dvorak"]);
        // A blanked holder of such an office.
        let lex = Lexicon::get();
        let tk = tokenize("Ghana's Minister of Fisheries and Agriculture, , told reporters the deal was fair.", lex);
        let blanks = find(&tk, 0, lex).blanks;
        assert_eq!(blanks.len(), 1);
        assert_eq!(blanks[0].role, "Minister of Fisheries and Agriculture");
    }

    #[test]
    fn east_asian_names_that_open_with_a_common_word() {
        // "Park" and "Moon" are common words; before a given name they are family names.
        assert_eq!(people("Park Ji-hoon told reporters the pact was good."), vec!["Park Ji-hoon"]);
        assert_eq!(people("Moon Hye-won said the vote would be held."), vec!["Moon Hye-won"]);
        assert!(people("Park Avenue was closed on Monday.").is_empty());
        // "Thu" inside a Vietnamese name is no Thursday; "Đỗ" is no "do".
        assert_eq!(people("By Hannah Lyle and Đặng Thu Trang"), vec!["Hannah Lyle", "Đặng Thu Trang"]);
        assert_eq!(people("Acting director Đỗ Minh Tuấn said the paper leaked."), vec!["Đỗ Minh Tuấn"]);
        assert!(people("The market opens Mon Thu Sat. On Thu Jones Ltd said it would close.").is_empty());
    }

    #[test]
    fn general_before_an_office_is_the_office_s_not_a_rank() {
        // A competition authority's officials, in Lisbon.
        let t = "General Superintendent Mariana Falcão said the probe would go on.";
        assert_eq!(people(t), vec!["Mariana Falcão"]);
        let t = "The case was opened by the General Superintendence in March.";
        assert_eq!(kind_of(t, "General Superintendence"), Some(EntityKind::Organisation));
        // The rank itself is still part of the name.
        assert_eq!(people("General Ruslan Petrenko said the line held."), vec!["General Ruslan Petrenko"]);
    }

    #[test]
    fn a_name_before_airport_or_stadium_is_a_place() {
        let t = "Flights out of Jorge Chávez airport were cancelled, and the Estadio Nacional match at Lloyd Kent stadium too.";
        assert!(people(t).is_empty(), "{:?}", people(t));
        assert_eq!(kind_of(t, "Jorge Chávez"), Some(EntityKind::Place));
    }

    fn roles(text: &str) -> Vec<(String, Option<String>)> {
        let lex = Lexicon::get();
        let t = tokenize(text, lex);
        find(&t, 0, lex)
            .hits
            .into_iter()
            .filter(|h| h.kind == Some(EntityKind::Person))
            .map(|h| (text[h.span.range()].to_string(), h.role.map(|r| r.title)))
            .collect()
    }

    #[test]
    fn the_organisation_after_a_title_starts_after_its_of() {
        // A Bergen ferry operator's chief, in apposition.
        let t = "\"We are sorry,\" said Maarten Smit, Chief Executive Officer of Fjordlinjen Shipping.";
        assert_eq!(kind_of(t, "Fjordlinjen Shipping"), Some(EntityKind::Organisation));
        assert!(kind_of(t, "of Fjordlinjen Shipping").is_none(), "{:?}", names(t));
    }

    #[test]
    fn the_next_item_of_a_list_is_no_apposition() {
        // A Jordanian signing: the office after ", and" is the next signatory's.
        let t = "It was signed by the Minister of Water and Irrigation, Ayman Haddad, and the Minister of \
                 Finance, Omar Nasser.";
        let r = roles(t);
        assert_eq!(r[0].0, "Ayman Haddad");
        assert_ne!(r[0].1.as_deref(), Some("And the Minister"), "{r:?}");
        assert_eq!(r[1], ("Omar Nasser".to_string(), Some("Minister of Finance".to_string())));
    }

    #[test]
    fn courts_and_ministries_named_with_a_title_word_after_of() {
        // A Chilean appeal, a Kenyan ministry.
        let t = "The miner appealed to the Superior Court of Justice of Santiago on Friday.";
        assert_eq!(kind_of(t, "Superior Court of Justice of Santiago"), Some(EntityKind::Organisation));
        let t = "The Ministry of Justice of Kenya said the High Court of Appeal would sit in Nairobi.";
        assert_eq!(kind_of(t, "Ministry of Justice of Kenya"), Some(EntityKind::Organisation));
        assert_eq!(kind_of(t, "High Court of Appeal"), Some(EntityKind::Organisation));
        assert!(people(t).is_empty());
    }

    #[test]
    fn offices_and_signatures_of_local_government() {
        // A district official in Sri Lanka, with words of offices before the rank.
        assert_eq!(
            roles("Roads were cut, Chief District Officer Anura Perera said on Monday."),
            vec![("Anura Perera".to_string(), Some("Chief District Officer".to_string()))]
        );
        // An envoy with the country between the role and the name.
        assert_eq!(
            roles("Japan's ambassador to Kenya, Hiroshi Tanabe, visited the camp."),
            vec![("Hiroshi Tanabe".to_string(), Some("Ambassador".to_string()))]
        );
        // A photographer before the slash, the outlet after it.
        assert_eq!(people("Photo: Lakshmi Menon / The Colombo Courier"), vec!["Lakshmi Menon"]);
        assert_eq!(people("Photo: Ramesh Dahal / Himal Post"), vec!["Ramesh Dahal"]);
        // A scientist in apposition, with a given name no list has.
        let t = "The court ruled.\n\nMarleny Ccopa Huarcaya, a hydrologist at the water institute, said flows fell.";
        assert_eq!(people(t), vec!["Marleny Ccopa Huarcaya"]);
        assert!(people("Florex Kenya, a florist chain in Nairobi, said it would hire.").is_empty());
        // A byline in capitals.
        assert_eq!(
            people("Locusts return\n\nBy AMINA YUSUF and PETER OTIENO\n\nSwarms came back."),
            vec!["AMINA YUSUF", "PETER OTIENO"]
        );
        // Villages in a list after their noun.
        let t = "Water swept through the villages of Tarkeghyang, Kiul and Melamchi on Tuesday.";
        assert_eq!(kind_of(t, "Kiul"), Some(EntityKind::Place));
        assert_eq!(kind_of(t, "Melamchi"), Some(EntityKind::Place));
        assert!(people("Photo: Agence Lumière/Lakshmi Menon").iter().all(|p| p != "Agence Lumière"));
        // A portfolio of common words before the name, and left blank; an Irish county.
        assert_eq!(
            roles("The Minister for Public Expenditure Nuala Ó Ceallaigh agreed."),
            vec![("Nuala Ó Ceallaigh".to_string(), Some("Minister for Public Expenditure".to_string()))]
        );
        assert!(people("The Minister for Public Expenditure, , said the deal was fair.").is_empty());
        assert_eq!(kind_of("She has taught in Mallow, Co Cork, since 2010.", "Co Cork"), Some(EntityKind::Place));
        // A local council named by its kind.
        assert_eq!(
            people("\"We ran,\" said Mingma Lama, chairman of Dhunche Rural Municipality, who escaped with his wife."),
            vec!["Mingma Lama"]
        );
        // A press release signed by an official, name over office.
        let t = "Relief will reach all districts.\n\nAnura Kumara Perera\nAdditional Secretary and Spokesperson\nMinistry of Disaster Management\n";
        assert_eq!(people(t), vec!["Anura Kumara Perera"]);
    }

    #[test]
    fn a_place_named_before_its_kind_keeps_its_title() {
        // A copper mine in Chile, then named alone.
        let t = "Regulators closed Minera Sur's Doña Inés copper mine on Monday. Doña Inés produced 90,000 tonnes last year.";
        assert!(people(t).is_empty(), "{:?}", people(t));
        assert_eq!(kind_of(t, "Doña Inés"), Some(EntityKind::Place));
        // A person who leaves town is still a person; so is one named before a mine elsewhere.
        assert_eq!(people("Ms Grace Obi left town on Monday."), vec!["Ms Grace Obi"]);
        assert_eq!(people("Sir Alan Reed said the gold mine was safe."), vec!["Sir Alan Reed"]);
    }

    #[test]
    fn an_administrative_area_after_a_name_is_a_place() {
        let t = "A teacher in Thanh Hoa province and a clerk in Kildare county were detained.";
        assert!(people(t).is_empty());
        assert_eq!(kind_of(t, "Thanh Hoa"), Some(EntityKind::Place));
    }

    #[test]
    fn a_beat_in_a_byline_is_no_second_writer() {
        assert_eq!(people("By Lotte Kramer, Banking Correspondent\n\nThe bank was fined."), vec!["Lotte Kramer"]);
    }

    #[test]
    fn titles_and_honorifics_mark_people() {
        assert_eq!(
            people("The talks were led by U.K. Defence Secretary Jane Ashworth on Monday."),
            vec!["Jane Ashworth"]
        );
        assert_eq!(
            people("Chief of the Defence Staff Admiral Sir Tom Greaves met them."),
            vec!["Admiral Sir Tom Greaves"]
        );
        assert_eq!(people("Later, Mr Okonkwo left."), vec!["Mr Okonkwo"]);
        assert_eq!(people("It was hosted by Prime Minister Dame Alva Reyes."), vec!["Dame Alva Reyes"]);
    }

    #[test]
    fn offices_of_organisations_and_named_things_are_no_people() {
        // A robotics takeover: the office ends in "of", so what follows is the
        // organisation, not the chair's name.
        let n = names("Lena Berg, Chair of the Supervisory Board of Halvex, said the offer was fair.");
        assert!(!n.contains(&("Halvex".to_string(), Some(EntityKind::Person))), "{n:?}");
        assert!(n.contains(&("Lena Berg".to_string(), Some(EntityKind::Person))), "{n:?}");
        // A hurricane and a lifeboat charity: named things, here and said alone.
        let n = names("Hurricane Delphine struck Jamaica on Monday. Delphine weakened overnight, forecasters said.");
        assert!(!n.iter().any(|(s, _)| s.contains("Delphine")), "{n:?}");
        let n = names("Rescuers from Lifeboat Aurora said they had picked up 40 people. Aurora then sailed north.");
        assert!(!n.iter().any(|(s, _)| s.contains("Aurora")), "{n:?}");
        // "In X, the mayor of Y, Z, said": the mayor is Z, not X.
        let n = names("In Ravensholm, the mayor of Ostend, Pieter Claes, said the hall was open.");
        assert!(!n.contains(&("Ravensholm".to_string(), Some(EntityKind::Person))), "{n:?}");
        assert!(n.contains(&("Pieter Claes".to_string(), Some(EntityKind::Person))), "{n:?}");
        // Greek saints' names start villages.
        assert_eq!(
            kind_of("Survivors were taken to Agios Kirykos by ferry.", "Agios Kirykos"),
            Some(EntityKind::Place)
        );
    }

    #[test]
    fn abbreviated_given_names_particles_and_portfolios() {
        // A Dhaka flood, a Manila ferry and an Athens ministry.
        assert_eq!(
            people("Md. Shafiqul Islam, the relief secretary, said 40 shelters were open."),
            vec!["Md. Shafiqul Islam"]
        );
        assert_eq!(
            people("The ship's master, Captain Jose dela Rosa, said the crew were safe."),
            vec!["Captain Jose dela Rosa"]
        );
        // Common words and words of offices before the head make the portfolio.
        assert_eq!(people("Water Management Minister Tomasz Wrona said the dykes would hold."), vec!["Tomasz Wrona"]);
        assert_eq!(people("Maritime Affairs Minister Eleni Stavrou said the fines would rise."), vec!["Eleni Stavrou"]);
        // A family name first, in apposition after a role.
        assert_eq!(
            people("Japan's ambassador in Lusaka, Fujita Kenta, announced a grant of 2 billion yen."),
            vec!["Fujita Kenta"]
        );
        // A contact line names a person whose family name is also a title.
        let n = names("The shelters stay open.\n\nMedia contact: Shirin Sultana, 01711 555 010");
        assert!(n.contains(&("Shirin Sultana".to_string(), Some(EntityKind::Person))), "{n:?}");
    }

    #[test]
    fn initials_are_part_of_the_name() {
        // A Chennai court, a Darkhan mine and a Boston trial.
        assert_eq!(people("The prosecutor, R. K. Menon, said the bail was revoked."), vec!["R. K. Menon"]);
        assert_eq!(people("Governor Ts. Batbold said the mine would stay shut."), vec!["Ts. Batbold"]);
        assert_eq!(people("S. Lakshmi said the hearing would resume."), vec!["S. Lakshmi"]);
        assert_eq!(people("Judge Mary T. Walsh adjourned the trial."), vec!["Mary T. Walsh"]);
        // A short honorific of the lexicon ends no sentence either.
        assert_eq!(people("\"We will appeal,\" said Ing. Pavol Kuba, the plant's director."), vec!["Ing. Pavol Kuba"]);
        // A Cebu ferry inquiry: an initial before a particle, and nicknames in
        // quotes (one of them a weekday's abbreviation) inside the name.
        assert_eq!(people("The owner, Antonio R. de Castro, declined to comment."), vec!["Antonio R. de Castro"]);
        assert_eq!(
            people("Port manager Ramon \"Mon\" S. de Castro said the ferry was overloaded."),
            vec!["Ramon \"Mon\" S. de Castro"]
        );
        assert_eq!(
            people("Maricel \"Cel\" D. Abaya, 52, a vendor, lost her stall; William \"Bill\" Okafor said he saw it."),
            vec!["Maricel \"Cel\" D. Abaya", "William \"Bill\" Okafor"]
        );
    }

    #[test]
    fn a_given_name_spelt_like_a_people_is_a_name() {
        // A Recife shipyard: "Thaís" and "Thais" are no people of Thailand.
        assert_eq!(people("Shipyard chief executive Thaís Moreira said the order was safe."), vec!["Thaís Moreira"]);
        assert_eq!(people("Shipyard CEO Thais Moreira said the order was safe."), vec!["Thais Moreira"]);
        // A demonym still qualifies a title.
        assert_eq!(people("Thai Finance Minister Somchai Rattana said so."), vec!["Somchai Rattana"]);
    }

    #[test]
    fn an_office_before_a_name_outweighs_a_relation_after_it() {
        // A Kumasi cocoa trader run by its founder's family.
        let lex = Lexicon::get();
        let text = "Its chief executive, Ama Owusu, the founder's daughter, said the firm would pay.";
        let t = tokenize(text, lex);
        let roles: Vec<Option<String>> = find(&t, 0, lex).hits.into_iter().map(|h| h.role.map(|r| r.base)).collect();
        assert_eq!(roles, vec![Some("Chief Executive".to_string())]);
        // A relation alone is still what the text says of the person.
        let t = tokenize("The mill was founded by her father, Kwame Owusu, in 1961.", lex);
        let roles: Vec<Option<String>> = find(&t, 0, lex).hits.into_iter().map(|h| h.role.map(|r| r.base)).collect();
        assert_eq!(roles, vec![Some("Father".to_string())]);
    }

    #[test]
    fn a_comma_before_said_closes_an_apposition() {
        // A Žilina tyre plant.
        assert_eq!(
            people("Pavol Kuba, managing director of Vantor Mobility, said talks with employee representatives began."),
            vec!["Pavol Kuba"]
        );
    }

    #[test]
    fn rulers_commissioners_and_listed_portfolios() {
        // A Benin palace, a Brussels grant and a Lagos ministry: a regnal number
        // ends a name, a commissioner's portfolio follows "for", and a portfolio
        // listed with "and the" is no part of the minister's name.
        let p = people("The Ojomu of Ajiran, Oba Babatunde Adewale II, received the gift.");
        assert_eq!(p, vec!["Babatunde Adewale II"]);
        assert_eq!(
            people("It was opened by King Harald V and King Carl XII, the curators said."),
            vec!["Harald V", "Carl XII"]
        );
        let n = names("The grant is final, EU Commissioner for Health and Food Safety Margit Lindqvist said.");
        assert!(n.contains(&("Margit Lindqvist".to_string(), Some(EntityKind::Person))), "{n:?}");
        let p = people("Minister of Art, Tourism and the Digital Economy Chiamaka Obi-Nwosu said the hall was ready.");
        assert_eq!(p, vec!["Chiamaka Obi-Nwosu"]);
        // A given name after the family name, with a role in apposition.
        let p =
            people("Few agree. Nakamura Aiko, a paper conservator who repaired the scrolls, said they were fragile.");
        assert_eq!(p, vec!["Nakamura Aiko"]);
    }

    #[test]
    fn particles_of_portuguese_faroese_and_catalan_names() {
        // A Lisbon court, a Faroese fishery and a Barcelona council: "do", "í"
        // and "i" stand inside names as "de" does.
        let p = people("Judge Maria do Carmo Vieira ruled. Minister Jógvan á Lakjuni and Marta Puig i Ferrer spoke.");
        assert_eq!(p, vec!["Maria do Carmo Vieira", "Jógvan á Lakjuni", "Marta Puig i Ferrer"]);
        assert_eq!(people("\"We will go on,\" said Mr í Dali."), vec!["Mr í Dali"]);
        // Not between words that name no person.
        assert!(people("Why Voters do Not Trust the Council").is_empty());
    }

    #[test]
    fn speech_verbs_and_lower_roles_mark_people() {
        assert_eq!(people("Okafor said he was ready."), vec!["Okafor"]);
        // A lone word that speaks may be a company: it needs more evidence.
        assert!(people("“We are ready,” said Okafor.").is_empty());
        let lex = Lexicon::get();
        let t = tokenize("Corvex said it would cut 300 jobs.", lex);
        let d = find(&t, 0, lex);
        assert!(d.hits.len() == 1 && d.hits[0].kind.is_none() && d.hits[0].neuter, "{:?}", d.hits);
        // But a person commenting is still a person.
        assert!(!find(&tokenize("Dubois said it was a disgrace.", lex), 0, lex).hits[0].neuter);
        assert_eq!(people("Kowalczyk told reporters she would stay."), vec!["Kowalczyk"]);
        assert_eq!(people("It angered Brazilian president Ilse Varga and others."), vec!["Ilse Varga"]);
        assert_eq!(people("The club's striker Tiago Mendes scored twice."), vec!["Tiago Mendes"]);
    }

    #[test]
    fn a_role_that_opens_the_sentence_keeps_its_first_word() {
        let lex = Lexicon::get();
        let t = tokenize("Chief executive Henrik Olsen said the company remained open to talks.", lex);
        let d = find(&t, 0, lex);
        let olsen = d.hits.iter().find(|h| h.display(&t) == "Henrik Olsen").expect("a person");
        assert_eq!(olsen.role.as_ref().map(|r| r.base.as_str()), Some("Chief Executive"));
        // An office title is the role, not part of the name as written.
        assert_eq!(people("Fire Chief Daniel Okonkwo said three firefighters were hurt."), vec!["Daniel Okonkwo"]);
    }

    #[test]
    fn not_people() {
        assert!(people("Not a Trade Deal, But a Clear Political Signal").is_empty());
        assert!(people("The Prime Minister arrived late.").is_empty());
        assert!(people("Defence chiefs met in Warsaw.").is_empty());
        let n = names("The Ministry of Agriculture and the Federal Reserve said on Friday.");
        assert!(n.contains(&("Ministry of Agriculture".to_string(), Some(EntityKind::Organisation))));
    }

    #[test]
    fn wrapped_name_is_one_mention() {
        let text = "Tomorrow, the Finance Secretary and German Finance Minister Klaus\nBergmann will chair the meeting of the group, bringing together around fifty\nnations to agree support for the region in the face of the ongoing crisis there.\nThe meeting will be long and hard and will go on well past the deadline set.";
        assert!(people(text).contains(&"Klaus\nBergmann".to_string()));
    }

    #[test]
    fn a_noun_in_apposition_says_what_a_name_is() {
        assert_eq!(
            kind_of("Greta, the Oslo start-up whose app tracks invoices, raised money.", "Greta"),
            Some(EntityKind::Organisation)
        );
        assert_eq!(
            kind_of("Greta Lund, the start-up's founder, raised money.", "Greta Lund"),
            Some(EntityKind::Person)
        );
    }

    #[test]
    fn where_a_company_is_based_is_no_part_of_its_name() {
        let n = names("Germany-based Kessler Aerospace built the aircraft.");
        assert!(n.contains(&("Kessler Aerospace".to_string(), Some(EntityKind::Organisation))), "{n:?}");
    }

    #[test]
    fn a_month_that_is_a_first_name() {
        assert!(people("(Reporting by Ann Lee; Editing by Jan de Vries)").contains(&"Jan de Vries".to_string()));
        assert!(people("The ward's head nurse, June Okafor, said beds were full.").contains(&"June Okafor".to_string()));
        // A given name written after the family name, at the end of a sentence too.
        let p = people("Plant manager Ishikawa Jun said the staff had left. The foreman was Mr Okada Jun.");
        assert!(p.contains(&"Ishikawa Jun".to_string()) && p.contains(&"Mr Okada Jun".to_string()), "{p:?}");
        for text in [
            "In May Parliament voted against the plan.",
            "On 12 May Reuters reported the sale.",
            "The Tokyo Jun 5 meeting was cancelled.",
            "The Tokyo Jun. 5 meeting was cancelled.",
        ] {
            assert!(!names(text).iter().any(|(s, _)| s.starts_with("May")), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn credits_name_people_and_agencies() {
        let n = names("Flood waters rose. Photo: Reuters/Anna Kowalska");
        assert!(n.contains(&("Anna Kowalska".to_string(), Some(EntityKind::Person))));
        assert!(n.contains(&("Reuters".to_string(), Some(EntityKind::Organisation))));
        // A contact line names the press officer.
        let n = names("The union said the strike would go on.\n\nMedia enquiries: Nomvula Khumalo, 082 555 0199");
        assert!(n.contains(&("Nomvula Khumalo".to_string(), Some(EntityKind::Person))), "{n:?}");
        // A wire headline's "UPDATE 2-" is page furniture, not a credit: the
        // company in it is no person.
        let n = names("UPDATE 2-Watchdog moves to block Nimbus's\nbid for Harlow\n\nThe bureau said it would act.");
        assert!(!n.contains(&("Nimbus".to_string(), Some(EntityKind::Person))), "{n:?}");
    }

    #[test]
    fn a_regulator_in_apposition_is_no_person() {
        // A regulator is an institution ("the health regulator, Medivra,"); a
        // broadcaster may be a person.
        let n = names("LIMA – Peru's health regulator, Medivra, on Thursday ordered the recall.");
        assert!(!n.contains(&("Medivra".to_string(), Some(EntityKind::Person))), "{n:?}");
        assert!(people("The veteran broadcaster, Osric Penhallow, said he would retire.")
            .contains(&"Osric Penhallow".to_string()));
    }

    #[test]
    fn public_bodies_named_kind_first_are_organisations() {
        // Dutch, German and Spanish public bodies put the kind of body first; a
        // speech verb after them does not make them people.
        for (text, org) in [
            ("Stichting Groene Haven said on Monday it would appeal.", "Stichting Groene Haven"),
            (
                "The fine was set by the Autoriteit Energie Toezicht, which said it was final.",
                "Autoriteit Energie Toezicht",
            ),
            ("Bundesamt Wasserschutz told reporters the dam held.", "Bundesamt Wasserschutz"),
            ("Coordinación Estatal Norte said the count would resume.", "Coordinación Estatal Norte"),
        ] {
            let n = names(text);
            assert!(n.contains(&(org.to_string(), Some(EntityKind::Organisation))), "{text}: {n:?}");
        }
    }

    #[test]
    fn a_relative_clause_is_no_apposition() {
        // "Vestra, whose candidate, ..." gives the role to the name after it.
        let n = names(
            "The court threw out a challenge filed by Vestra, whose candidate, Tomas Iriarte, had led the count.",
        );
        assert!(!n.contains(&("Vestra".to_string(), Some(EntityKind::Person))), "{n:?}");
        assert!(n.contains(&("Tomas Iriarte".to_string(), Some(EntityKind::Person))), "{n:?}");
    }

    #[test]
    fn blank_roles_are_found() {
        let lex = Lexicon::get();
        for text in [
            "The Health Secretary, , and her deputy will visit.",
            "Addressing the meeting, Health Secretary MP is expected to say more.",
        ] {
            let t = tokenize(text, lex);
            let d = find(&t, 0, lex);
            assert_eq!(d.blanks.len(), 1, "{text}");
            assert_eq!(d.blanks[0].base, "Health Secretary");
        }
        let t = tokenize("The Health Secretary is expected to say more.", lex);
        assert!(find(&t, 0, lex).blanks.is_empty());
        // A bare title before any speech verb, where a reprint dropped the name;
        // not in a headline, whose style it is.
        let t = tokenize("Icelandic Fisheries Minister  announced a quota of 80,000 tonnes.", lex);
        assert_eq!(find(&t, 0, lex).blanks.len(), 1);
        let t = tokenize("Fisheries Minister announces quota\n\nThe quota was set on Monday.", lex);
        assert!(find(&t, 0, lex).blanks.is_empty());
        // An office after names no list has: the head title is the office.
        let t = tokenize("The Karoo Hills Mayor, , said the water would return by Friday.", lex);
        let d = find(&t, 0, lex);
        assert_eq!(d.blanks.len(), 1);
        assert_eq!((d.blanks[0].role.as_str(), d.blanks[0].base.as_str()), ("Karoo Hills Mayor", "Mayor"));
        assert!(d.hits.is_empty(), "{:?}", d.hits.iter().map(|h| h.span).collect::<Vec<_>>());
        // A comma set apart where the name stood, before the verb of speech
        // (a Sri Lankan audit); a comma after a name is no slot.
        let t = tokenize("Auditor General , stated that the office had opened a review.", lex);
        assert_eq!(find(&t, 0, lex).blanks.len(), 1);
        let t = tokenize("Auditor General Nimal Perera, stated in a letter that a review was open.", lex);
        assert!(find(&t, 0, lex).blanks.is_empty());
    }

    #[test]
    fn acronym_definitions() {
        let lex = Lexicon::get();
        let t = tokenize("The North Atlantic Fisheries Council (NAFC) met. NAFC said no.", lex);
        let d = find(&t, 0, lex);
        let org = d.hits.iter().find(|h| h.display(&t) == "North Atlantic Fisheries Council").unwrap();
        assert_eq!(org.defines.as_deref(), Some("NAFC"));
        assert!(d.hits.iter().any(|h| h.display(&t) == "NAFC" && h.acronym));
    }

    #[test]
    fn a_lower_case_role_with_an_empty_slot_is_a_blank() {
        let lex = Lexicon::get();
        let t = tokenize("A spokesperson, , declined to comment on the recall.", lex);
        let blanks = find(&t, 0, lex).blanks;
        assert_eq!(blanks.len(), 1, "{blanks:?}");
        assert_eq!(&t.flat[blanks[0].span.range()], "spokesperson, ,");
        assert!(find(&tokenize("A spokesperson, Ann Lee, declined.", lex), 0, lex).blanks.is_empty());
        // An office in lower case, and a speaker left out before the title.
        for (text, slot) in [
            ("Exams were postponed, the university's registrar, , said on Monday.", "registrar, ,"),
            // A role with what it heads.
            ("The agency's director of programmes, , said the launch failed.", "director of programmes, ,"),
            ("The head of the Ambulance Service, , said calls had doubled.", "head of the Ambulance Service, ,"),
            // With the words that make the office.
            ("The port's chief operating officer, , said cranes were idle.", "chief operating officer, ,"),
            ("The energy minister, , told parliament the grid held.", "energy minister, ,"),
            (
                "\"We are on site,\" said , Vice-President of Operations. \"We will stay.\"",
                "said , Vice-President of Operations",
            ),
        ] {
            let t = tokenize(text, lex);
            let blanks = find(&t, 0, lex).blanks;
            assert_eq!(blanks.iter().map(|b| &t.flat[b.span.range()]).collect::<Vec<_>>(), [slot], "{text}");
        }
        let t = tokenize("A ministry spokeswoman  told reporters the fine was paid.", lex);
        let blanks = find(&t, 0, lex).blanks;
        assert_eq!(blanks.iter().map(|b| &t.flat[b.span.range()]).collect::<Vec<_>>(), ["spokeswoman  "]);
        for text in [
            "A ministry spokeswoman told reporters the fine was paid.",
            "The registrar, Ann Lee, said so.",
            "\"We are on site,\" said Ann Lee, Vice-President of Operations.",
        ] {
            assert!(find(&tokenize(text, lex), 0, lex).blanks.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_dateline_names_a_place() {
        let found = names("PORTREE, 4 May 2026 - Ferries were cancelled.\n\nSIERRA VISTA (Agency) - Crews stood by.");
        assert!(found.contains(&("PORTREE".to_string(), Some(EntityKind::Place))), "{found:?}");
        assert!(found.contains(&("SIERRA VISTA".to_string(), Some(EntityKind::Place))), "{found:?}");
        // A currency code before an amount is part of the figure, not a name.
        assert!(names("The recall will cost NOK 450 million, or CHF 40m.").is_empty());
        // Capitals opening a paragraph without a dateline's dash stay an acronym.
        let found = names("NAFC, the fisheries council, said quotas would fall.");
        assert!(found.contains(&("NAFC".to_string(), Some(EntityKind::Organisation))), "{found:?}");
    }
}
