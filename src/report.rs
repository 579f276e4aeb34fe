//! `crossread analyze` output: the JSON contract (`--json`) and the readable summary.
//!
//! The JSON shape is a contract with scripts and other tools (see README.md):
//! fields may be added, none renamed or removed without raising [`VERSION`].

use std::fmt::Write as _;
use std::io::Write as _;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::model::{EntityKind, FigureKind, Span};

/// Version of the JSON contract.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct DocOut<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    bytes: usize,
    sha256: &'a str,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    doc: &'a str,
    start: u32,
    end: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    aliases: &'a [String],
    roles: &'a [String],
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct FigureOut<'a> {
    id: &'a str,
    kind: &'static str,
    value: Option<f64>,
    unit: Option<&'a str>,
    qualifier: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    doc: &'a str,
    start: u32,
    end: u32,
    text: &'a str,
    pledge: Option<&'a str>,
    quantity: Option<&'a str>,
}

#[derive(Serialize)]
struct GroupOut<'a> {
    id: &'a str,
    label: &'a str,
    figures: Vec<&'a str>,
    docs: Vec<&'a str>,
}

#[derive(Serialize)]
struct DiscOut<'a> {
    id: &'a str,
    kind: &'static str,
    summary: &'a str,
    details: &'a [String],
    entity: Option<&'a str>,
    pledge: Option<&'a str>,
    mentions: Vec<MentionOut<'a>>,
}

fn mention(a: &Analysis, s: Span) -> MentionOut<'_> {
    MentionOut {
        doc: a.corpus.docs.get(s.doc()).map_or("", |d| d.id.as_str()),
        start: s.start,
        end: s.end,
        text: a.span_text(s),
    }
}

/// Writes the JSON contract as one compact line, streaming (a 10,000-article
/// corpus gives a very large object; it is never held in memory as text).
///
/// The object's fields, in order: `version`, `documents`, `entities`, `figures`,
/// `pledges`, `quantities`, `discrepancies`. Items are converted and serialised
/// in parallel, a batch at a time, and written in order.
pub fn write_json(a: &Analysis, w: impl std::io::Write) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    write!(w, "{{\"version\":{VERSION}")?;
    array(&mut w, "documents", &a.corpus.docs, doc_out)?;
    array(&mut w, "entities", &a.entities, |e| entity_out(a, e))?;
    array(&mut w, "figures", &a.figures, |f| figure_out(a, f))?;
    array(&mut w, "pledges", &a.pledges, |g| group(a, g))?;
    array(&mut w, "quantities", &a.quantities, |g| group(a, g))?;
    array(&mut w, "discrepancies", &a.discrepancies, |d| disc_out(a, d))?;
    w.write_all(b"}\n")?;
    w.flush()
}

/// `,"name":[...]`: each item converted by `out` and serialised compactly,
/// in parallel chunks, a bounded batch in memory at a time.
fn array<'a, T: Sync, O: Serialize>(
    w: &mut impl std::io::Write,
    name: &str,
    items: &'a [T],
    out: impl Fn(&'a T) -> O + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 256;
    write!(w, ",\"{name}\":[")?;
    for (b, batch) in items.chunks(CHUNK * 64).enumerate() {
        let chunks: Vec<Result<Vec<u8>, serde_json::Error>> = batch
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::new();
                for (i, item) in chunk.iter().enumerate() {
                    if i > 0 {
                        buf.push(b',');
                    }
                    serde_json::to_writer(&mut buf, &out(item))?;
                }
                Ok(buf)
            })
            .collect();
        for (i, chunk) in chunks.into_iter().enumerate() {
            if b > 0 || i > 0 {
                w.write_all(b",")?;
            }
            w.write_all(&chunk.map_err(std::io::Error::from)?)?;
        }
    }
    w.write_all(b"]")
}

fn doc_out(d: &crate::corpus::Document) -> DocOut<'_> {
    DocOut { id: &d.id, path: &d.path, title: &d.title, bytes: d.bytes, sha256: &d.sha256 }
}

fn entity_out<'a>(a: &'a Analysis, e: &'a crate::model::Entity) -> EntityOut<'a> {
    EntityOut {
        id: &e.id,
        kind: e.kind.as_str(),
        name: &e.name,
        aliases: &e.aliases,
        roles: &e.roles,
        mentions: e.mentions.iter().map(|&m| mention(a, m)).collect(),
    }
}

fn figure_out<'a>(a: &'a Analysis, f: &'a crate::model::Figure) -> FigureOut<'a> {
    let m = mention(a, f.span);
    FigureOut {
        id: &f.id,
        kind: f.kind.as_str(),
        value: f.value,
        unit: f.unit.as_deref(),
        qualifier: f.qualifier.map(crate::model::Qualifier::as_str),
        date: f.date.as_deref(),
        doc: m.doc,
        start: m.start,
        end: m.end,
        text: m.text,
        pledge: f.pledge.map(|p| a.pledges[p].id.as_str()),
        quantity: f.quantity.map(|q| a.quantities[q].id.as_str()),
    }
}

fn disc_out<'a>(a: &'a Analysis, d: &'a crate::model::Discrepancy) -> DiscOut<'a> {
    DiscOut {
        id: &d.id,
        kind: d.kind.as_str(),
        summary: &d.summary,
        details: &d.details,
        entity: d.entity.and_then(|e| a.entities.get(e)).map(|e| e.id.as_str()),
        pledge: d.pledge.and_then(|p| a.pledges.get(p)).map(|p| p.id.as_str()),
        mentions: d.spans.iter().map(|&s| mention(a, s)).collect(),
    }
}

fn group<'a>(a: &'a Analysis, g: &'a crate::model::FigureGroup) -> GroupOut<'a> {
    GroupOut {
        id: &g.id,
        label: &g.label,
        figures: g.figures.iter().map(|&f| a.figures[f].id.as_str()).collect(),
        docs: g.docs.iter().map(|&d| a.corpus.docs[d].id.as_str()).collect(),
    }
}

/// One line for a text cell: newlines and runs of spaces collapsed.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The readable summary of `crossread analyze`.
pub fn summary(a: &Analysis) -> String {
    let mut s = String::new();
    let n = a.corpus.docs.len();
    let _ = writeln!(s, "{n} documents");
    for (i, d) in a.corpus.docs.iter().enumerate() {
        let _ = writeln!(s, "  [{}] {}  {}  ({} bytes)", i + 1, d.id, one_line(&d.title), d.bytes);
    }
    for (kind, title) in
        [(EntityKind::Person, "People"), (EntityKind::Organisation, "Organisations"), (EntityKind::Place, "Places")]
    {
        let list: Vec<_> = a.entities_of(kind).collect();
        let _ = writeln!(s, "\n{title} ({})", list.len());
        for (_, e) in list {
            let docs: Vec<String> = {
                let mut d: Vec<usize> = e.mentions.iter().map(|m| m.doc() + 1).collect();
                d.dedup();
                d.iter().map(ToString::to_string).collect()
            };
            let mentions = if e.mentions.len() == 1 { "mention " } else { "mentions" };
            let mut line = format!(
                "  {:<28} {:>3} {mentions} in {} of {} docs [{}]",
                e.name,
                e.mentions.len(),
                e.doc_count,
                n,
                docs.join(",")
            );
            if !e.roles.is_empty() {
                let _ = write!(line, "  {}", e.roles.join("; "));
            }
            if kind == EntityKind::Person && !e.aliases.is_empty() {
                let _ = write!(line, "  aka {}", e.aliases.join(", "));
            }
            let _ = writeln!(s, "{line}");
        }
    }
    let _ = writeln!(s, "\nPledges ({})", a.pledges.len());
    for p in &a.pledges {
        let _ = writeln!(s, "  {}  {}", p.id, p.label);
        for &f in &p.figures {
            let fig = &a.figures[f];
            if fig.kind == FigureKind::Date {
                continue;
            }
            let _ = writeln!(s, "      [{}] {}", fig.span.doc() + 1, one_line(a.span_text(fig.span)));
        }
    }
    if !a.quantities.is_empty() {
        let _ = writeln!(s, "\nFigures stated in several documents ({})", a.quantities.len());
        for q in &a.quantities {
            let vals: Vec<String> = q
                .figures
                .iter()
                .map(|&f| format!("[{}] {}", a.figures[f].span.doc() + 1, one_line(a.span_text(a.figures[f].span))))
                .collect();
            let _ = writeln!(s, "  {}", vals.join("  |  "));
        }
    }
    let _ = writeln!(s, "\nDiscrepancies ({})", a.discrepancies.len());
    for d in &a.discrepancies {
        let _ = writeln!(s, "  {:<13} {}", d.kind.as_str(), d.summary);
    }
    s
}
