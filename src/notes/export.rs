//! Exporting notes: a Markdown report for a fact-check, grouped by person and
//! pledge, and W3C Web Annotations (JSON-LD) for other tools.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::{json, Value};

use super::anchor::{self, Found};
use super::record::Note;
use crate::corpus::Corpus;

fn group_title(kind: &str) -> &'static str {
    match kind {
        "person" => "People",
        "organisation" => "Organisations",
        "place" => "Places",
        "pledge" => "Pledges",
        _ => "Other notes",
    }
}

/// A Markdown report: one section per person, organisation, place and pledge,
/// each note with its status and kind and the quotes from each document.
pub fn markdown(notes: &[&Note], corpus: Option<&Corpus>) -> String {
    let mut groups: BTreeMap<(u8, String), Vec<&Note>> = BTreeMap::new();
    for n in notes {
        let (order, title) = match &n.concerns {
            Some(c) => {
                let order = match c.kind.as_str() {
                    "person" => 0,
                    "pledge" => 1,
                    "organisation" => 2,
                    "place" => 3,
                    _ => 4,
                };
                (order, format!("{}: {}", group_title(&c.kind), c.name))
            }
            None => (5, "Other notes".to_string()),
        };
        groups.entry((order, title)).or_default().push(n);
    }
    let mut s = String::from("# Discrepancy notes\n");
    for ((_, title), list) in &mut groups {
        list.sort_by(|a, b| a.created.cmp(&b.created));
        let _ = write!(s, "\n## {title}\n");
        for n in list.iter() {
            let _ = writeln!(s, "\n- **{}** ({}, {}, {})", one_line(&n.text), n.kind.as_str(), status(n), n.updated);
            for a in &n.anchors {
                let place = match corpus.map(|c| anchor::find(a, c)) {
                    Some(Found::Lost(why)) => format!(" — not found now: {why}"),
                    Some(Found::Moved(_, why)) => format!(" — {why}"),
                    _ => String::new(),
                };
                let _ = writeln!(s, "  > “{}” — {} ({}){place}", one_line(&a.exact), a.doc.id, a.doc.path);
            }
        }
    }
    if notes.is_empty() {
        s.push_str("\nNo notes yet.\n");
    }
    s
}

fn status(n: &Note) -> &'static str {
    match n.status {
        super::record::Status::Open => "open",
        super::record::Status::Resolved => "resolved",
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte offset to character offset in a text.
fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |t| t.chars().count())
}

/// W3C Web Annotations, as one `AnnotationCollection` in JSON-LD. Positions
/// (`TextPositionSelector`) are in characters, as the standard asks, and are
/// given when the quote is found in the corpus.
pub fn jsonld(notes: &[&Note], corpus: Option<&Corpus>) -> Value {
    let items: Vec<Value> = notes
        .iter()
        .map(|n| {
            let targets: Vec<Value> = n
                .anchors
                .iter()
                .map(|a| {
                    let mut selectors = vec![
                        json!({"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix}),
                    ];
                    if let Some(span) = corpus.and_then(|c| anchor::find(a, c).span().map(|s| (c, s))) {
                        let (c, s) = span;
                        let text = &c.docs[s.doc()].text;
                        selectors.push(json!({
                            "type": "TextPositionSelector",
                            "start": char_offset(text, s.start as usize),
                            "end": char_offset(text, s.end as usize),
                        }));
                    }
                    json!({
                        "source": a.doc.path,
                        "crossread:document": a.doc.id,
                        "crossread:sha256": a.doc.sha256,
                        "selector": selectors,
                    })
                })
                .collect();
            let mut item = json!({
                "id": format!("urn:crossread:note:{}", n.id),
                "type": "Annotation",
                "motivation": "commenting",
                "created": n.created,
                "modified": n.updated,
                "body": [
                    {"type": "TextualBody", "value": n.text, "format": "text/plain", "purpose": "commenting"},
                    {"type": "TextualBody", "value": n.kind.as_str(), "purpose": "classifying"},
                    {"type": "TextualBody", "value": status(n), "purpose": "tagging"},
                ],
                "target": targets,
            });
            if let Some(c) = &n.concerns {
                item["crossread:concerns"] = json!({"kind": c.kind, "id": c.id, "name": c.name});
            }
            item
        })
        .collect();
    json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"crossread": "urn:crossread:"}],
        "type": "AnnotationCollection",
        "label": "crossread notes",
        "total": items.len(),
        "first": {"type": "AnnotationPage", "items": items},
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::record::{Concerns, NoteKind, Status};

    fn sample(corpus: &Corpus) -> Note {
        let t = &corpus.docs[0].text;
        let s = t.find("$7 billion").unwrap();
        Note {
            id: "n1".into(),
            rev: 1,
            created: "2026-11-21T10:00:00Z".into(),
            updated: "2026-11-21T10:00:00Z".into(),
            text: "One says over, one does not.".into(),
            kind: NoteKind::Figure,
            status: Status::Open,
            concerns: Some(Concerns {
                kind: "pledge".into(),
                id: "pledge:1".into(),
                name: "$7 billion support".into(),
            }),
            anchors: vec![anchor::make(&corpus.docs[0], 0, s, s + "$7 billion".len())],
            deleted: false,
        }
    }

    #[test]
    fn markdown_groups_by_pledge_and_quotes() {
        let c = Corpus::from_texts([("a.txt", "It gave over $7 billion this year.")]);
        let n = sample(&c);
        let md = markdown(&[&n], Some(&c));
        assert!(md.contains("## Pledges: $7 billion support"));
        assert!(md.contains("> “$7 billion” — a (a.txt)"));
        assert!(md.contains("(figure, open,"));
    }

    #[test]
    fn jsonld_is_a_web_annotation_collection() {
        let c = Corpus::from_texts([("a.txt", "Déjà: over $7 billion this year.")]);
        let n = sample(&c);
        let v = jsonld(&[&n], Some(&c));
        assert_eq!(v["type"], "AnnotationCollection");
        let item = &v["first"]["items"][0];
        assert_eq!(item["type"], "Annotation");
        let sel = &item["target"][0]["selector"];
        assert_eq!(sel[0]["type"], "TextQuoteSelector");
        assert_eq!(sel[0]["exact"], "$7 billion");
        // Characters, not bytes: "Déjà: over " is 11 characters.
        assert_eq!(sel[1]["start"], 11);
        assert_eq!(sel[1]["end"], 21);
    }
}
