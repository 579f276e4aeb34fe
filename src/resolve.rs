//! Linking mentions across documents into entities: one entity per real-world
//! referent.
//!
//! People: full names ("John Healey") found with a cue form the clusters; spelling
//! variants of one name ("Zelensky", "Zelenskyy", "Zelenskiy") join one cluster.
//! A bare surname ("Healey", "Mr Healey") joins the person of that surname in the
//! same document first (the nearest one before it), then across the corpus. "Sir"
//! and "Dame" go with first names, so "Sir Keir" joins the Keir of the corpus.
//! Two people who share a surname but not a first name are never merged.
//!
//! Organisations: by name, and an acronym joins the organisation that defines it
//! in parentheses, or the only one whose initials it is ("MOD").
//! Places: by gazetteer entry, so "UK", "U.K." and "United Kingdom" are one.

use std::collections::{BTreeMap, HashMap};

use crate::extract::names::NameHit;
use crate::extract::DocExtract;
use crate::lexicon::Lexicon;
use crate::model::{Entity, EntityKind, RoleUse, Span};
use crate::text::{edit_distance, fold, slug};

/// The entities, and which entity each name hit became (`None`: rejected).
#[derive(Debug, Default)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    /// `hit_entity[doc][hit]`.
    pub hit_entity: Vec<Vec<Option<usize>>>,
}

/// A hit's identity: document and index in that document's hits.
type HitId = (usize, usize);

#[derive(Debug)]
struct Cluster {
    kind: EntityKind,
    given: Option<String>,
    surname: String,
    members: Vec<HitId>,
    /// Forced name (gazetteer places, expanded acronyms).
    name: Option<String>,
}

/// Splits a person's folded core into (given name, surname).
fn person_parts(core: &[String], lex: &Lexicon) -> (Option<String>, String) {
    let np: Vec<&String> = core.iter().filter(|w| !lex.particles.contains(w.as_str())).collect();
    match np.len() {
        0 => (None, core.last().cloned().unwrap_or_default()),
        1 => (None, np[0].clone()),
        2 if lex.surname_first.contains(np[0].as_str()) && !lex.first_names.contains(np[0].as_str()) => {
            (Some(np[1].clone()), np[0].clone())
        }
        _ => (Some(np[0].clone()), np[np.len() - 1].clone()),
    }
}

/// Whether two spellings of one name part are variants of each other
/// ("zelensky"/"zelenskyy"), not two different names ("mark"/"mary").
fn variant(a: &str, b: &str, lex: &Lexicon, first_names: bool) -> bool {
    if a == b {
        return true;
    }
    let len = a.chars().count().min(b.chars().count());
    if len < 5 {
        return false;
    }
    if first_names && lex.first_names.contains(a) && lex.first_names.contains(b) {
        return false;
    }
    let max = if len >= 9 { 2 } else { 1 };
    // The first letter is rarely what differs between spellings of one name.
    a.chars().next() == b.chars().next() && edit_distance(a, b, max) <= max
}

/// Links all documents' name hits into entities.
pub fn resolve(docs: &[DocExtract], lex: &Lexicon) -> Resolved {
    let mut hit_entity: Vec<Vec<Option<usize>>> = docs.iter().map(|d| vec![None; d.names.hits.len()]).collect();
    let hit = |(d, h): HitId| -> &NameHit { &docs[d].names.hits[h] };
    let mut clusters: Vec<Cluster> = Vec::new();

    // ---- Places.
    let mut place_key: HashMap<String, usize> = HashMap::new();
    // ---- Organisations.
    let mut org_key: HashMap<String, usize> = HashMap::new();
    let mut acronyms: Vec<HitId> = Vec::new();
    let mut defined: HashMap<String, String> = HashMap::new();
    // ---- People.
    let mut full: Vec<HitId> = Vec::new();
    let mut single: Vec<HitId> = Vec::new();
    let mut cand_full: Vec<HitId> = Vec::new();
    let mut cand_single: Vec<HitId> = Vec::new();

    for (d, de) in docs.iter().enumerate() {
        for (h, nh) in de.names.hits.iter().enumerate() {
            match nh.kind {
                Some(EntityKind::Place) => {
                    let key = nh.place.map_or_else(|| fold(&nh.display), |p| format!("#{p}"));
                    let c = *place_key.entry(key).or_insert_with(|| {
                        clusters.push(Cluster {
                            kind: EntityKind::Place,
                            given: None,
                            surname: String::new(),
                            members: Vec::new(),
                            name: nh.place.map(|p| lex.places[p].name.clone()),
                        });
                        clusters.len() - 1
                    });
                    clusters[c].members.push((d, h));
                }
                Some(EntityKind::Organisation) => {
                    if let Some(a) = &nh.defines {
                        defined.insert(a.clone(), org_name_key(&nh.display));
                    }
                    if nh.acronym {
                        acronyms.push((d, h));
                        continue;
                    }
                    let key = org_name_key(&nh.display);
                    let c = *org_key.entry(key).or_insert_with(|| {
                        clusters.push(Cluster {
                            kind: EntityKind::Organisation,
                            given: None,
                            surname: String::new(),
                            members: Vec::new(),
                            name: None,
                        });
                        clusters.len() - 1
                    });
                    clusters[c].members.push((d, h));
                }
                Some(EntityKind::Person) => {
                    let (given, _) = person_parts(&nh.core, lex);
                    let first_hon = nh.honorifics.iter().any(|x| lex.firstname_honorifics.contains(x));
                    if given.is_some() {
                        full.push((d, h));
                    } else if first_hon {
                        // "Sir Keir": decided after the full names are known.
                        single.push((d, h));
                    } else {
                        single.push((d, h));
                    }
                }
                None => {
                    if nh.core.len() >= 2 {
                        cand_full.push((d, h));
                    } else {
                        cand_single.push((d, h));
                    }
                }
            }
        }
    }

    // Acronyms: defined in parentheses, or the initials of exactly one organisation.
    for id in acronyms {
        let a = hit(id).display.trim_end_matches('.').replace('.', "");
        let target = defined.get(&a).and_then(|k| org_key.get(k).copied()).or_else(|| {
            let matches: Vec<usize> = org_key.iter().filter(|(k, _)| initials_match(&a, k)).map(|(_, &c)| c).collect();
            (matches.len() == 1).then(|| matches[0])
        });
        let c = match target {
            Some(c) => c,
            None => *org_key.entry(format!("acronym:{a}")).or_insert_with(|| {
                clusters.push(Cluster {
                    kind: EntityKind::Organisation,
                    given: None,
                    surname: String::new(),
                    members: Vec::new(),
                    name: Some(a.clone()),
                });
                clusters.len() - 1
            }),
        };
        clusters[c].members.push(id);
    }

    // People with full names.
    let person_start = clusters.len();
    let mut by_full: BTreeMap<(String, String), usize> = BTreeMap::new();
    for &id in &full {
        let (given, surname) = person_parts(&hit(id).core, lex);
        let given = given.unwrap_or_default();
        let c = *by_full.entry((given.clone(), surname.clone())).or_insert_with(|| {
            clusters.push(Cluster {
                kind: EntityKind::Person,
                given: Some(given),
                surname,
                members: Vec::new(),
                name: None,
            });
            clusters.len() - 1
        });
        clusters[c].members.push(id);
    }
    // Spelling variants of one full name.
    let mut alias_of: Vec<usize> = (0..clusters.len()).collect();
    let ids: Vec<usize> = (person_start..clusters.len()).collect();
    for (x, &a) in ids.iter().enumerate() {
        for &b in &ids[x + 1..] {
            let (ca, cb) = (&clusters[a], &clusters[b]);
            let ga = ca.given.as_deref().unwrap_or("");
            let gb = cb.given.as_deref().unwrap_or("");
            let same_given = ga == gb || variant(ga, gb, lex, true);
            let same_surname = ca.surname == cb.surname || variant(&ca.surname, &cb.surname, lex, false);
            if same_given && same_surname {
                let ra = find(&mut alias_of, a);
                let rb = find(&mut alias_of, b);
                if ra != rb {
                    alias_of[rb] = ra;
                }
            }
        }
    }
    for c in person_start..clusters.len() {
        let r = find(&mut alias_of, c);
        if r != c {
            let m = std::mem::take(&mut clusters[c].members);
            clusters[r].members.extend(m);
        }
    }
    // Candidates that spell out a known full name.
    for &id in &cand_full {
        let (given, surname) = person_parts(&hit(id).core, lex);
        let Some(given) = given else { continue };
        let found = (person_start..clusters.len()).find(|&c| {
            let cl = &clusters[c];
            !cl.members.is_empty()
                && cl.given.as_deref().is_some_and(|g| g == given || variant(g, &given, lex, true))
                && (cl.surname == surname || variant(&cl.surname, &surname, lex, false))
        });
        if let Some(c) = found {
            clusters[c].members.push(id);
        } else if let Some(&c) = org_key.get(&org_name_key(&hit(id).display)) {
            clusters[c].members.push(id);
        }
    }
    // Bare surnames and "Sir" + first name, then candidates.
    let person_end = clusters.len();
    let mut surname_only: HashMap<String, usize> = HashMap::new();
    for (pass, list) in [(0, &single), (1, &cand_single)] {
        for &id in list {
            let nh = hit(id);
            let (_, word) = person_parts(&nh.core, lex);
            let first_hon = nh.honorifics.iter().any(|x| lex.firstname_honorifics.contains(x));
            let doc = id.0;
            let pos = nh.span.start;
            let pick = |clusters: &Vec<Cluster>, by_given: bool, fuzzy: bool| -> Option<usize> {
                let matches = |c: &Cluster| -> bool {
                    if c.members.is_empty() {
                        return false;
                    }
                    let part = if by_given { c.given.as_deref().unwrap_or("") } else { c.surname.as_str() };
                    if fuzzy {
                        part != word && variant(part, &word, lex, by_given)
                    } else {
                        part == word
                    }
                };
                // Same document: the nearest full mention before, else after.
                let mut best: Option<(usize, u32, bool)> = None;
                for c in person_start..person_end {
                    if !matches(&clusters[c]) {
                        continue;
                    }
                    for &(d, h) in &clusters[c].members {
                        if d != doc {
                            continue;
                        }
                        let s = docs[d].names.hits[h].span.start;
                        let before = s <= pos as u32 || s <= pos;
                        let dist = s.abs_diff(pos);
                        let better = match best {
                            None => true,
                            Some((_, bd, bb)) => (before && !bb) || (before == bb && dist < bd),
                        };
                        if better {
                            best = Some((c, dist, before));
                        }
                    }
                }
                if let Some((c, _, _)) = best {
                    return Some(c);
                }
                // Across the corpus: the person of that name mentioned in most documents.
                (person_start..person_end)
                    .filter(|&c| matches(&clusters[c]))
                    .max_by_key(|&c| (doc_count(&clusters[c]), std::cmp::Reverse(c)))
            };
            let target = if first_hon {
                pick(&clusters, true, false).or_else(|| pick(&clusters, false, false))
            } else {
                pick(&clusters, false, false)
            }
            .or_else(|| (!nh.headline).then(|| pick(&clusters, false, true)).flatten())
            .or_else(|| surname_only.get(&word).copied())
            .or_else(|| {
                (!nh.headline && word.chars().count() >= 6)
                    .then(|| surname_only.iter().find(|(k, _)| variant(k, &word, lex, false)).map(|(_, &c)| c))
                    .flatten()
            });
            match target {
                Some(c) => clusters[c].members.push(id),
                None if pass == 0 => {
                    clusters.push(Cluster {
                        kind: EntityKind::Person,
                        given: None,
                        surname: word.clone(),
                        members: vec![id],
                        name: None,
                    });
                    surname_only.insert(word, clusters.len() - 1);
                }
                None => {
                    // An undecided single word that names a known organisation.
                    if let Some(&c) = org_key.get(&org_name_key(&nh.display)) {
                        clusters[c].members.push(id);
                    }
                }
            }
        }
    }

    // ---- Assemble entities.
    let mut entities: Vec<(Entity, Vec<HitId>)> = Vec::new();
    for cl in clusters.into_iter().filter(|c| !c.members.is_empty()) {
        let e = assemble(&cl, docs, lex);
        entities.push((e, cl.members));
    }
    entities.sort_by(|(a, _), (b, _)| {
        a.kind
            .cmp(&b.kind)
            .then(b.doc_count.cmp(&a.doc_count))
            .then(b.mentions.len().cmp(&a.mentions.len()))
            .then(a.name.cmp(&b.name))
    });
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(entities.len());
    for (idx, (mut e, members)) in entities.into_iter().enumerate() {
        let n = used.entry(e.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            e.id = format!("{}-{}", e.id, n);
        }
        for (d, h) in members {
            hit_entity[d][h] = Some(idx);
        }
        out.push(e);
    }
    Resolved { entities: out, hit_entity }
}

fn doc_count(c: &Cluster) -> usize {
    let mut d: Vec<usize> = c.members.iter().map(|m| m.0).collect();
    d.sort_unstable();
    d.dedup();
    d.len()
}

fn find(p: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while p[r] != r {
        r = p[r];
    }
    let mut y = x;
    while p[y] != r {
        let n = p[y];
        p[y] = r;
        y = n;
    }
    r
}

/// The key an organisation's name is compared by: folded, without a leading "the".
fn org_name_key(display: &str) -> String {
    let f = fold(display);
    let f = f.strip_prefix("the ").unwrap_or(&f);
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `acronym` ("MOD", "UDCG") is the initials of the folded name `key`,
/// with or without its small words.
fn initials_match(acronym: &str, key: &str) -> bool {
    let a = acronym.to_lowercase();
    if a.len() < 2 {
        return false;
    }
    let words: Vec<&str> = key.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return false;
    }
    let all: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let content: String = words
        .iter()
        .filter(|w| !matches!(**w, "of" | "the" | "and" | "for" | "on" | "&"))
        .filter_map(|w| w.chars().next())
        .collect();
    a == all || a == content
}

/// Builds the entity of one cluster: name, aliases, roles, mentions.
fn assemble(cl: &Cluster, docs: &[DocExtract], lex: &Lexicon) -> Entity {
    let mut mentions: Vec<Span> = Vec::with_capacity(cl.members.len());
    let mut forms: BTreeMap<String, usize> = BTreeMap::new();
    // Name forms without honorifics: (number of words, count).
    let mut full_forms: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut role_uses: Vec<RoleUse> = Vec::new();
    for &(d, h) in &cl.members {
        let nh = &docs[d].names.hits[h];
        mentions.push(nh.span);
        let surface = docs[d].tokens.flat[nh.span.range()].split_whitespace().collect::<Vec<_>>().join(" ");
        *forms.entry(surface).or_default() += 1;
        let display = nh.display.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = display.split(' ').count();
        let e = full_forms.entry(display).or_insert((words, 0));
        e.1 += 1;
        if let Some(r) = &nh.role {
            role_uses.push(r.clone());
        }
    }
    mentions.sort();
    mentions.dedup();
    role_uses.sort_by_key(|r| r.span);
    let name = cl.name.clone().unwrap_or_else(|| {
        // The most complete form, the most frequent among equally complete ones;
        // a form with capitals in the right places beats an all-capitals one.
        full_forms
            .iter()
            .max_by_key(|(k, &(words, count))| {
                (words, k.chars().any(char::is_lowercase), count, std::cmp::Reverse((*k).clone()))
            })
            .map(|(k, _)| k.clone())
            .unwrap_or_default()
    });
    let mut aliases: Vec<String> = forms.keys().filter(|f| **f != name).cloned().collect();
    aliases.sort();
    let mut role_count: BTreeMap<String, usize> = BTreeMap::new();
    for r in &role_uses {
        *role_count.entry(r.title.clone()).or_default() += 1;
    }
    let mut roles: Vec<(String, usize)> = role_count.into_iter().collect();
    roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut doc_ids: Vec<u32> = mentions.iter().map(|m| m.doc).collect();
    doc_ids.dedup();
    let _ = lex;
    Entity {
        id: format!("{}:{}", cl.kind.as_str(), slug(&name)),
        kind: cl.kind,
        name,
        aliases,
        roles: roles.into_iter().map(|r| r.0).collect(),
        role_uses,
        doc_count: doc_ids.len(),
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn run(texts: &[&str]) -> Resolved {
        let lex = Lexicon::get();
        let docs: Vec<DocExtract> = texts.iter().enumerate().map(|(i, t)| extract(i, t, lex)).collect();
        resolve(&docs, lex)
    }

    fn person<'a>(r: &'a Resolved, name: &str) -> &'a Entity {
        r.entities
            .iter()
            .find(|e| e.kind == EntityKind::Person && e.name == name)
            .unwrap_or_else(|| panic!("{name} not in {:?}", r.entities.iter().map(|e| &e.name).collect::<Vec<_>>()))
    }

    #[test]
    fn bare_surnames_join_the_full_name() {
        let r = run(&[
            "Finance Minister Carla Brandt presented the budget. “It is fair,” said Brandt.",
            "Ms Brandt defended the plan on Tuesday.",
        ]);
        let e = person(&r, "Carla Brandt");
        assert_eq!(e.mentions.len(), 3);
        assert_eq!(e.doc_count, 2);
        assert!(e.aliases.contains(&"Ms Brandt".to_string()));
        assert_eq!(e.roles, vec!["Finance Minister".to_string()]);
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let r = run(&[
            "Coach Rafael Okoye praised the team. Striker Daniel Okoye scored twice, and Okoye said he was proud.",
            "Rafael Okoye told reporters the season was long.",
        ]);
        let rafael = person(&r, "Rafael Okoye");
        let daniel = person(&r, "Daniel Okoye");
        assert_eq!(rafael.doc_count, 2);
        // "Okoye said" right after Daniel is Daniel.
        assert_eq!(daniel.mentions.len(), 2);
        assert_eq!(rafael.mentions.len(), 2);
    }

    #[test]
    fn spelling_variants_join() {
        let r = run(&[
            "President Volodar Kovalenkyy spoke on Monday.",
            "Ukrainian president Volodar Kovalenky said the talks were useful.",
            "Mr Kovalenkiy left early, said an aide named Tom Reyes.",
        ]);
        let e = r.entities.iter().find(|e| e.name.starts_with("Volodar")).unwrap();
        assert_eq!(e.doc_count, 3, "{e:?}");
    }

    #[test]
    fn sir_goes_with_the_first_name() {
        let r = run(&["Prime Minister Sir Alden Marsh met them.", "Sir Alden hosted a call in March."]);
        let e = person(&r, "Alden Marsh");
        assert_eq!(e.doc_count, 2);
    }

    #[test]
    fn acronyms_join_their_organisation() {
        let r = run(&[
            "The Ministry of Agriculture said prices rose.",
            "A MOA spokesman disagreed, and the Northern Grain Council (NGC) agreed. The NGC said so.",
        ]);
        let moa = r.entities.iter().find(|e| e.name == "Ministry of Agriculture").unwrap();
        assert_eq!(moa.mentions.len(), 2);
        let ngc = r.entities.iter().find(|e| e.name == "Northern Grain Council").unwrap();
        assert_eq!(ngc.mentions.len(), 3);
    }

    #[test]
    fn initials() {
        assert!(initials_match("MOD", "ministry of defence"));
        assert!(initials_match("UDCG", "ukraine defence contact group"));
        assert!(!initials_match("NATO", "ministry of defence"));
    }
}
