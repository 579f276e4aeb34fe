//! The discrepancies pane's model: discrepancies grouped by kind (the group of
//! the most significant one first, each group most significant first), and the
//! evidence lines taken apart into unchanged, removed and added words so they
//! can be drawn in different styles instead of as `[-..-]{+..+}` markup.

use crate::analysis::Analysis;
use crate::model::DiscrepancyKind;
use crate::notes::NoteKind;

/// A row of the discrepancies pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscRow {
    /// A kind's heading, with how many it holds; not selectable.
    Heading(DiscrepancyKind, usize),
    /// A discrepancy (index into `Analysis::discrepancies`).
    Item(usize),
}

/// Rows of the discrepancies pane.
pub fn rows(a: &Analysis) -> Vec<DiscRow> {
    let mut kinds: Vec<DiscrepancyKind> = Vec::new();
    for d in &a.discrepancies {
        if !kinds.contains(&d.kind) {
            kinds.push(d.kind);
        }
    }
    let mut out = Vec::with_capacity(a.discrepancies.len() + kinds.len());
    for k in kinds {
        let items: Vec<usize> = (0..a.discrepancies.len()).filter(|&i| a.discrepancies[i].kind == k).collect();
        out.push(DiscRow::Heading(k, items.len()));
        out.extend(items.into_iter().map(DiscRow::Item));
    }
    out
}

/// The heading of a kind of discrepancy.
pub fn title(k: DiscrepancyKind) -> &'static str {
    match k {
        DiscrepancyKind::Figure => "Figures that differ",
        DiscrepancyKind::Role => "Roles and titles",
        DiscrepancyKind::MissingName => "Names left out",
        DiscrepancyKind::Spelling => "Names spelt differently",
        DiscrepancyKind::SingleSource => "Stated by one document only",
        DiscrepancyKind::Quote => "Quotations worded differently",
        DiscrepancyKind::Reuse => "Copied or spun text",
    }
}

/// The kind of note a discrepancy becomes.
pub fn note_kind(k: DiscrepancyKind) -> NoteKind {
    match k {
        DiscrepancyKind::Figure => NoteKind::Figure,
        DiscrepancyKind::Role => NoteKind::Role,
        DiscrepancyKind::MissingName | DiscrepancyKind::Spelling => NoteKind::Name,
        DiscrepancyKind::Quote => NoteKind::Quote,
        DiscrepancyKind::SingleSource | DiscrepancyKind::Reuse => NoteKind::Other,
    }
}

/// A piece of an evidence line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Same(String),
    Removed(String),
    Added(String),
}

/// Takes an evidence line apart: a word diff (`We [-will not-]{+cannot+} go`)
/// or a list of swapped words (`swapped (001 -> 003): said -> mentioned, back ->
/// again`); any other line is one plain piece.
pub fn segments(line: &str) -> Vec<Seg> {
    if let Some((head, pairs)) = line.split_once("): ").filter(|(h, _)| h.starts_with("swapped")) {
        let mut out = vec![Seg::Same(format!("{head}): "))];
        for (i, pair) in pairs.split(", ").enumerate() {
            if i > 0 {
                out.push(Seg::Same(", ".into()));
            }
            match pair.split_once(" -> ") {
                Some((a, b)) => {
                    out.push(Seg::Removed(a.to_string()));
                    out.push(Seg::Same(" → ".into()));
                    out.push(Seg::Added(b.to_string()));
                }
                None => out.push(Seg::Same(pair.to_string())),
            }
        }
        return out;
    }
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = line;
    while !rest.is_empty() {
        let del = rest.find("[-").and_then(|i| rest[i + 2..].find("-]").map(|j| (i, i + 2 + j, false)));
        let ins = rest.find("{+").and_then(|i| rest[i + 2..].find("+}").map(|j| (i, i + 2 + j, true)));
        let next = match (del, ins) {
            (Some(d), Some(a)) => Some(if d.0 < a.0 { d } else { a }),
            (d, a) => d.or(a),
        };
        let Some((open, close, added)) = next else {
            plain.push_str(rest);
            break;
        };
        plain.push_str(&rest[..open]);
        if !plain.is_empty() {
            out.push(Seg::Same(std::mem::take(&mut plain)));
        }
        let words = rest[open + 2..close].to_string();
        if added && open == 0 && matches!(out.last(), Some(Seg::Removed(_))) {
            // "[-will not-]{+cannot+}": keep the two apart on screen.
            out.push(Seg::Same(" ".into()));
        }
        out.push(if added { Seg::Added(words) } else { Seg::Removed(words) });
        rest = &rest[close + 2..];
    }
    if !plain.is_empty() {
        out.push(Seg::Same(plain));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn diff_markup_becomes_segments() {
        let s = segments("002: We [-will not-]{+cannot+} jeopardise the peace {+so we must+}");
        assert_eq!(
            s,
            [
                Seg::Same("002: We ".into()),
                Seg::Removed("will not".into()),
                Seg::Same(" ".into()),
                Seg::Added("cannot".into()),
                Seg::Same(" jeopardise the peace ".into()),
                Seg::Added("so we must".into()),
            ]
        );
        assert_eq!(segments("plain [- line"), [Seg::Same("plain [- line".into())]);
        assert_eq!(segments(""), []);
    }

    #[test]
    fn swapped_words_become_pairs() {
        let s = segments("swapped (001 -> 003): said -> mentioned, countries expected -> nations anticipated");
        assert_eq!(s[0], Seg::Same("swapped (001 -> 003): ".into()));
        assert_eq!(s[1], Seg::Removed("said".into()));
        assert_eq!(s[3], Seg::Added("mentioned".into()));
        assert_eq!(s[5], Seg::Removed("countries expected".into()));
        assert_eq!(s[7], Seg::Added("nations anticipated".into()));
    }

    #[test]
    fn rows_group_by_kind_most_significant_first() {
        let a = Analysis::run(Corpus::seeds());
        let r = rows(&a);
        let DiscRow::Heading(first, _) = r[0] else { panic!("a heading first") };
        assert_eq!(first, a.discrepancies[0].kind);
        assert_eq!(r.iter().filter(|x| matches!(x, DiscRow::Item(_))).count(), a.discrepancies.len());
        // Within a group, in the analysis' order (most significant first).
        let mut last: Option<(DiscrepancyKind, usize)> = None;
        for row in &r {
            match *row {
                DiscRow::Heading(k, _) => last = Some((k, 0)),
                DiscRow::Item(i) => {
                    let (k, prev) = last.unwrap();
                    assert_eq!(a.discrepancies[i].kind, k);
                    assert!(i >= prev);
                    last = Some((k, i));
                }
            }
        }
    }
}
