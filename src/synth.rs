//! A deterministic generator of realistic-looking news corpora, for benchmarks and
//! scale tests: real sentence shapes, many distinct names, numbers and places.
//! The same seed always gives the same corpus.

use crate::lexicon::Lexicon;

/// A small, fast, deterministic random generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "vin", "dra", "sel", "tor", "bri", "an", "el", "gar", "ost", "rin", "vel", "mon", "tak", "zu",
    "per", "dal", "ish", "or", "ven", "kol", "sta", "ber", "gen", "ulf", "ram", "lis", "nor", "quin", "hal",
];
const TITLES: &[&str] = &[
    "Finance Minister",
    "Health Secretary",
    "Prime Minister",
    "Foreign Minister",
    "Chief Executive",
    "Mayor",
    "Judge",
    "President",
    "Defence Minister",
    "Governor",
];
const ORG_HEADS: &[&str] = &["Group", "Council", "Ministry", "Agency", "Corporation", "Party", "Institute", "Bank"];
const NOUNS: &[&str] =
    &["homes", "vehicles", "doses", "tanks", "jobs", "people", "schools", "turbines", "troops", "drones"];
const THINGS: &[&str] = &["contract", "package", "loan", "deal", "grant", "investment"];
const CUR: &[&str] = &["£", "$", "€", "US$", "AU$"];
const FILLER: &[&str] = &[
    "The talks are expected to continue later this week, officials said.",
    "Critics have questioned whether the plan goes far enough to address the concerns of residents.",
    "The decision follows months of negotiations between the parties, which have struggled to agree on the details.",
    "Opposition politicians said the {thing} was rushed and called for a full review before it is signed.",
    "Analysts said the move was widely expected and would have little immediate effect on markets.",
    "It was not immediately clear how the money would be spent or who would oversee it.",
    "Residents of {place} have long complained about delays and rising costs.",
    "The government has said it remains committed to the project despite the setbacks.",
    "A spokesperson declined to comment on the details of the {thing} when asked on Tuesday.",
    "Further meetings are planned in the coming weeks as both sides try to settle the remaining questions.",
    "The announcement was welcomed by business groups, although unions warned of job losses.",
    "Officials stressed that no final decision had been taken and that talks were at an early stage.",
];

fn word(rng: &mut Rng, parts: usize) -> String {
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// One generated article of about `target` bytes.
pub fn article(rng: &mut Rng, target: usize, first_names: &[&str], places: &[&str]) -> String {
    let mut people: Vec<(String, String, &str)> = (0..4)
        .map(|_| {
            let f = (*rng.pick(first_names)).to_string();
            let parts = 2 + rng.below(2);
            (f, word(rng, parts), *rng.pick(TITLES))
        })
        .collect();
    people.dedup_by(|a, b| a.1 == b.1);
    let org = format!("{} {}", word(rng, 2), rng.pick(ORG_HEADS));
    let place = *rng.pick(places);
    let mut s = format!("{} officials meet in {} to discuss {} plans\n\n", word(rng, 2), place, rng.pick(THINGS));
    let mut i = 0;
    while s.len() < target {
        let (f, l, t) = &people[i % people.len()];
        let n = 1 + rng.below(900);
        let m = 1 + rng.below(99);
        let cur = rng.pick(CUR);
        // Most sentences of real reports name no one and give no number.
        if rng.below(100) < 55 {
            let filler = FILLER[rng.below(FILLER.len())];
            s.push_str(&filler.replace("{place}", place).replace("{thing}", THINGS[rng.below(THINGS.len())]));
            s.push(if rng.below(3) == 0 { '\n' } else { ' ' });
            continue;
        }
        let sentence = match rng.below(8) {
            0 => format!(
                "{t} {f} {l} announced a {cur}{m}.{} billion {} to supply {} with over {n} {}.",
                rng.below(10),
                rng.pick(THINGS),
                place,
                rng.pick(NOUNS)
            ),
            1 => format!(
                "“We will not give up on the people of {place},” said {l}. “This is a {} moment for all of us.”",
                rng.pick(&["historic", "difficult", "serious"])
            ),
            2 => format!(
                "The {org} said at least {n} {} were affected on {m} March 2024, according to {f} {l}.",
                rng.pick(NOUNS)
            ),
            3 => format!(
                "Mr {l} told reporters in {place} that spending would rise to {}.{}% of GDP by 2027.",
                1 + rng.below(4),
                rng.below(10)
            ),
            4 => format!(
                "Around {n} {} are expected to take part, and {} {} of the {org} welcomed the {cur}{m} million {}.",
                rng.pick(NOUNS),
                f,
                l,
                rng.pick(THINGS)
            ),
            5 => format!(
                "Critics in {place} said the {} was too small, while {l} insisted it was the largest in {m} years.",
                rng.pick(THINGS)
            ),
            6 => format!("{} has said it will review the plans within a {}-day period.", org, 10 + rng.below(80)),
            _ => format!(
                "It comes after {} {} of the {} {} met {t} {l} last week.",
                rng.pick(first_names),
                word(rng, 3),
                word(rng, 2),
                rng.pick(ORG_HEADS)
            ),
        };
        s.push_str(&sentence);
        s.push(if rng.below(3) == 0 { '\n' } else { ' ' });
        i += 1;
        if rng.below(12) == 0 {
            people[0].1 = word(rng, 3);
        }
    }
    s
}

/// A corpus of `n` generated articles of about `size` bytes each, as (path, text).
pub fn corpus(n: usize, size: usize, seed: u64) -> Vec<(String, String)> {
    let lex = Lexicon::get();
    let mut first: Vec<&str> = lex.first_names.iter().map(String::as_str).collect();
    first.sort_unstable();
    let first: Vec<String> = first.iter().take(2000).map(|f| crate::resolve::capitalise(f)).collect();
    let first: Vec<&str> = first.iter().map(String::as_str).collect();
    let places: Vec<&str> = lex.places.iter().map(|p| p.name.as_str()).collect();
    let mut rng = Rng::new(seed);
    (0..n).map(|i| (format!("gen/{i:05}.txt"), article(&mut rng, size, &first, &places))).collect()
}
