//! Entity corrections made by hand: merge, split off an alias, rename, reject,
//! retype. Stored in the notes file and applied at every load, so the reader and
//! `analyze --json` show the corrected entities.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::model::{Entity, EntityKind};
use crate::text::slug;

/// One correction. Entities are named by id as the analysis gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Correction {
    /// `from` and `into` are one referent: fold `from` into `into`.
    Merge { from: String, into: String },
    /// The mentions written as `alias` are someone else: make them their own entity.
    Split { entity: String, alias: String },
    /// Call the entity `name`.
    Rename { entity: String, name: String },
    /// Not an entity at all ("not a person").
    Reject { entity: String },
    /// The entity is of another kind ("an organisation, not a person").
    Retype { entity: String, kind: EntityKind },
}

/// The corrections in force, in the order they were made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrections {
    pub list: Vec<Correction>,
}

impl Corrections {
    /// Applies every correction to the analysis' entities. A correction whose
    /// entity no longer exists is skipped (the corpus may have changed).
    pub fn apply(&self, a: &mut Analysis) {
        if self.list.is_empty() {
            return;
        }
        for c in &self.list {
            apply_one(a, c);
        }
        // Drop emptied entities, and renumber what refers to entities by index.
        let mut new_index = vec![None; a.entities.len()];
        let mut n = 0;
        for (i, e) in a.entities.iter().enumerate() {
            if !e.mentions.is_empty() {
                new_index[i] = Some(n);
                n += 1;
            }
        }
        a.entities.retain(|e| !e.mentions.is_empty());
        for q in &mut a.quotes {
            q.speaker = q.speaker.and_then(|s| new_index.get(s).copied().flatten());
        }
        for e in &mut a.entities {
            refresh(e, &a.corpus);
        }
    }
}

fn find(a: &Analysis, id: &str) -> Option<usize> {
    a.entities.iter().position(|e| e.id == id)
}

fn apply_one(a: &mut Analysis, c: &Correction) {
    match c {
        Correction::Merge { from, into } => {
            let (Some(f), Some(t)) = (find(a, from), find(a, into)) else {
                return;
            };
            if f == t {
                return;
            }
            let moved = std::mem::take(&mut a.entities[f].mentions);
            let roles = std::mem::take(&mut a.entities[f].role_uses);
            let old_name = a.entities[f].name.clone();
            let into = &mut a.entities[t];
            into.mentions.extend(moved);
            into.mentions.sort();
            into.mentions.dedup();
            into.role_uses.extend(roles);
            if !into.aliases.contains(&old_name) {
                into.aliases.push(old_name);
            }
            for q in &mut a.quotes {
                if q.speaker == Some(f) {
                    q.speaker = Some(t);
                }
            }
        }
        Correction::Split { entity, alias } => {
            let Some(e) = find(a, entity) else { return };
            let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let (moved, kept): (Vec<_>, Vec<_>) =
                a.entities[e].mentions.iter().partition(|m| norm(a.span_text(**m)) == norm(alias));
            if moved.is_empty() || kept.is_empty() {
                return;
            }
            let kind = a.entities[e].kind;
            a.entities[e].mentions = kept;
            a.entities[e].aliases.retain(|x| norm(x) != norm(alias));
            let mut id = format!("{}:{}", kind.as_str(), slug(alias));
            while a.entities.iter().any(|x| x.id == id) {
                id.push_str("-split");
            }
            a.entities.push(Entity {
                id,
                kind,
                name: norm(alias),
                aliases: Vec::new(),
                roles: Vec::new(),
                role_uses: Vec::new(),
                mentions: moved,
                doc_count: 0,
            });
        }
        Correction::Rename { entity, name } => {
            let Some(e) = find(a, entity) else { return };
            let old = std::mem::replace(&mut a.entities[e].name, name.clone());
            if !a.entities[e].aliases.contains(&old) {
                a.entities[e].aliases.push(old);
            }
            a.entities[e].aliases.retain(|x| x != name);
        }
        Correction::Reject { entity } => {
            let Some(e) = find(a, entity) else { return };
            a.entities[e].mentions.clear();
            for q in &mut a.quotes {
                if q.speaker == Some(e) {
                    q.speaker = None;
                }
            }
        }
        Correction::Retype { entity, kind } => {
            let Some(e) = find(a, entity) else { return };
            a.entities[e].kind = *kind;
            a.entities[e].id = format!("{}:{}", kind.as_str(), slug(&a.entities[e].name));
        }
    }
}

/// Recomputes what derives from the mentions.
fn refresh(e: &mut Entity, corpus: &crate::corpus::Corpus) {
    let mut docs: Vec<u32> = e.mentions.iter().map(|m| m.doc).collect();
    docs.dedup();
    e.doc_count = docs.len();
    for m in &e.mentions {
        if let Some(t) = corpus.docs.get(m.doc()).and_then(|d| d.text.get(m.range())) {
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if t != e.name && !e.aliases.contains(&t) {
                e.aliases.push(t);
            }
        }
    }
    e.aliases.sort();
    e.aliases.dedup();
}
