//! What the list panes list, computed once from the analysis: the rows of the
//! entity and figure panes, how the documents of a pledge compare, and how many
//! entities each document names.

use crate::analysis::{Analysis, Selection, Target};
use crate::model::{EntityKind, Figure, FigureGroup, FigureKind, Qualifier};

/// Which entities the entity pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindFilter {
    People,
    Organisations,
    Places,
    All,
}

impl KindFilter {
    /// The next filter (the key `t` cycles through them).
    #[must_use]
    pub fn next(self) -> KindFilter {
        match self {
            KindFilter::People => KindFilter::Organisations,
            KindFilter::Organisations => KindFilter::Places,
            KindFilter::Places => KindFilter::All,
            KindFilter::All => KindFilter::People,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            KindFilter::People => "People",
            KindFilter::Organisations => "Organisations",
            KindFilter::Places => "Places",
            KindFilter::All => "All",
        }
    }

    /// The kind of entity listed (`None`: every kind).
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            KindFilter::People => Some(EntityKind::Person),
            KindFilter::Organisations => Some(EntityKind::Organisation),
            KindFilter::Places => Some(EntityKind::Place),
            KindFilter::All => None,
        }
    }
}

/// The entities listed under a filter, most widely mentioned first (sorted
/// here: entity corrections change the counts after the analysis ordered them).
pub fn entity_rows(a: &Analysis, filter: KindFilter) -> Vec<usize> {
    let mut rows: Vec<usize> = match filter.kind() {
        Some(kind) => a.entities_of(kind).map(|(i, _)| i).collect(),
        None => (0..a.entities.len()).collect(),
    };
    rows.sort_by(|&x, &y| {
        let (ex, ey) = (&a.entities[x], &a.entities[y]);
        ey.doc_count.cmp(&ex.doc_count).then(ey.mentions.len().cmp(&ex.mentions.len())).then(x.cmp(&y))
    });
    rows
}

/// How the documents that state a pledge (or a shared quantity) compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Agreement {
    /// Stated in one document only.
    Single,
    /// Every document states the same values.
    Same,
    /// The same values, hedged differently ("over $2 billion" and "$2 billion").
    Hedged,
    /// Different values.
    Differs,
}

impl Agreement {
    /// The mark shown in front of the row.
    pub fn mark(self) -> &'static str {
        match self {
            Agreement::Single | Agreement::Same => " ",
            Agreement::Hedged => "~",
            Agreement::Differs => "≠",
        }
    }
}

/// A pledge or quantity as the figure pane shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupView {
    /// Each document that states it, with its figures there (reading order).
    pub per_doc: Vec<(usize, Vec<usize>)>,
    pub agreement: Agreement,
    /// Figures whose value or hedge is not the same in every document (sorted).
    pub differing: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hedge {
    Exact,
    AtLeast,
    Around,
    AtMost,
}

fn hedge(q: Option<Qualifier>) -> Hedge {
    match q {
        None => Hedge::Exact,
        Some(q) if q.is_lower_bound() => Hedge::AtLeast,
        Some(Qualifier::Around) => Hedge::Around,
        Some(_) => Hedge::AtMost,
    }
}

/// Compares the figures of a group across documents: figures are compared with
/// those of the same kind and unit (money with money in the same currency, counts
/// of the same thing, dates with dates).
pub fn group_view(a: &Analysis, g: &FigureGroup, has_discrepancy: bool) -> GroupView {
    // Figures are in reading order, so each document's figures are adjacent; sort
    // anyway (stably) so that a group in any order is read right.
    let mut figs = g.figures.clone();
    figs.sort_by_key(|&f| a.figures[f].span.doc());
    let mut per_doc: Vec<(usize, Vec<usize>)> = Vec::new();
    for f in figs {
        let d = a.figures[f].span.doc();
        match per_doc.last_mut() {
            Some((doc, v)) if *doc == d => v.push(f),
            _ => per_doc.push((d, vec![f])),
        }
    }
    let mut agreement = if per_doc.len() > 1 { Agreement::Same } else { Agreement::Single };
    let mut differing = Vec::new();
    if per_doc.len() > 1 {
        // Figures of one kind and unit, in order of first appearance.
        type KindUnit<'u> = (FigureKind, Option<&'u str>);
        let mut by_kind: Vec<(KindUnit<'_>, Vec<usize>)> = Vec::new();
        for &f in &g.figures {
            let x = &a.figures[f];
            let k = (x.kind, x.unit.as_deref());
            match by_kind.iter_mut().find(|(key, _)| *key == k) {
                Some((_, v)) => v.push(f),
                None => by_kind.push((k, vec![f])),
            }
        }
        for (_, figs) in by_kind {
            let first = &a.figures[figs[0]];
            if figs.iter().all(|&f| a.figures[f].span.doc == first.span.doc) {
                continue;
            }
            let values_differ = figs.iter().any(|&f| {
                let x = &a.figures[f];
                x.value != first.value || x.date != first.date
            });
            let hedges_differ = figs.iter().any(|&f| hedge(a.figures[f].qualifier) != hedge(first.qualifier));
            let this = if values_differ {
                Agreement::Differs
            } else if hedges_differ {
                Agreement::Hedged
            } else {
                Agreement::Same
            };
            if this > Agreement::Same {
                differing.extend(figs.iter().copied());
            }
            agreement = agreement.max(this);
        }
        if has_discrepancy && agreement < Agreement::Hedged {
            agreement = Agreement::Differs;
        }
    }
    differing.sort_unstable();
    GroupView { per_doc, agreement, differing }
}

/// A row of the figure pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigRow {
    /// A section heading; not selectable.
    Heading(String),
    Pledge(usize),
    Quantity(usize),
    Figure(usize),
}

impl FigRow {
    /// What choosing the row follows.
    pub fn selection(&self) -> Option<Selection> {
        match *self {
            FigRow::Heading(_) => None,
            FigRow::Pledge(p) => Some(Selection::Pledge(p)),
            FigRow::Quantity(q) => Some(Selection::Quantity(q)),
            FigRow::Figure(f) => Some(Selection::Figure(f)),
        }
    }
}

/// At most this many documents are listed under a pledge; the rest are counted.
pub const GROUP_DOC_LINES: usize = 4;

/// The figure pane's model: pledges first, then figures stated in several
/// documents, then every other figure in reading order.
#[derive(Debug, Clone, Default)]
pub struct FigureRows {
    pub rows: Vec<FigRow>,
    /// Screen lines each row takes.
    pub heights: Vec<u16>,
    pub pledges: Vec<GroupView>,
    pub quantities: Vec<GroupView>,
}

impl FigureRows {
    pub fn new(a: &Analysis) -> FigureRows {
        let mut disputed = vec![false; a.pledges.len()];
        for d in &a.discrepancies {
            if let (crate::model::DiscrepancyKind::Figure, Some(p)) = (d.kind, d.pledge) {
                if let Some(x) = disputed.get_mut(p) {
                    *x = true;
                }
            }
        }
        let pledges: Vec<GroupView> =
            a.pledges.iter().enumerate().map(|(i, g)| group_view(a, g, disputed[i])).collect();
        let quantities: Vec<GroupView> = a.quantities.iter().map(|g| group_view(a, g, false)).collect();
        let mut rows = Vec::new();
        let mut heights = Vec::new();
        let group_height = |v: &GroupView| {
            let shown = v.per_doc.len().min(GROUP_DOC_LINES);
            (1 + shown + usize::from(v.per_doc.len() > shown)) as u16
        };
        if !pledges.is_empty() {
            rows.push(FigRow::Heading(format!("Pledges ({})", thousands(pledges.len()))));
            heights.push(1);
            for p in widest_first(&pledges) {
                rows.push(FigRow::Pledge(p));
                heights.push(group_height(&pledges[p]));
            }
        }
        if !quantities.is_empty() {
            rows.push(FigRow::Heading(format!("Stated in several documents ({})", thousands(quantities.len()))));
            heights.push(1);
            for q in widest_first(&quantities) {
                rows.push(FigRow::Quantity(q));
                heights.push(group_height(&quantities[q]));
            }
        }
        let others: Vec<usize> = (0..a.figures.len())
            .filter(|&f| a.figures[f].pledge.is_none() && a.figures[f].quantity.is_none())
            .collect();
        if !others.is_empty() {
            rows.push(FigRow::Heading(format!("Other figures ({})", thousands(others.len()))));
            heights.push(1);
            for f in others {
                rows.push(FigRow::Figure(f));
                heights.push(1);
            }
        }
        FigureRows { rows, heights, pledges, quantities }
    }

    /// The row of the first selectable item.
    pub fn first_selectable(&self) -> usize {
        self.rows.iter().position(|r| !matches!(r, FigRow::Heading(_))).unwrap_or(0)
    }

    /// The row that lists a selection, if the pane lists it.
    pub fn row_of(&self, sel: Selection) -> Option<usize> {
        self.rows.iter().position(|r| r.selection() == Some(sel))
    }

    pub fn group(&self, row: &FigRow) -> Option<&GroupView> {
        match *row {
            FigRow::Pledge(p) => self.pledges.get(p),
            FigRow::Quantity(q) => self.quantities.get(q),
            _ => None,
        }
    }
}

/// Groups in the order the pane lists them: stated in the most documents first,
/// in analysis order among equals.
fn widest_first(groups: &[GroupView]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(groups[i].per_doc.len()));
    order
}

/// 10000 as "10,000".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many distinct entities each document names.
pub fn entities_per_doc(a: &Analysis) -> Vec<u32> {
    a.views
        .iter()
        .map(|v| {
            let mut e: Vec<usize> = v
                .marks
                .iter()
                .filter_map(|(_, t)| match t {
                    Target::Entity(e) => Some(*e),
                    Target::Figure(_) => None,
                })
                .collect();
            e.sort_unstable();
            e.dedup();
            e.len() as u32
        })
        .collect()
}

/// What selecting a mark of the text follows: the entity, or the pledge or
/// quantity the figure belongs to, or the figure itself.
pub fn selection_of(a: &Analysis, t: Target) -> Selection {
    match t {
        Target::Entity(e) => Selection::Entity(e),
        Target::Figure(f) => match a.figures.get(f) {
            Some(Figure { pledge: Some(p), .. }) => Selection::Pledge(*p),
            Some(Figure { quantity: Some(q), .. }) => Selection::Quantity(*q),
            _ => Selection::Figure(f),
        },
    }
}

/// A human size: "812 B", "2.9 kB", "1.2 MB".
pub fn human_size(bytes: usize) -> String {
    if bytes < 1000 {
        format!("{bytes} B")
    } else if bytes < 1_000_000 {
        format!("{:.1} kB", bytes as f64 / 1000.0)
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}

/// What kind of thing a selection is, in a word.
pub fn kind_word(a: &Analysis, sel: Selection) -> &'static str {
    match sel {
        Selection::Entity(e) => a.entities.get(e).map_or("entity", |e| e.kind.as_str()),
        Selection::Pledge(_) => "pledge",
        Selection::Quantity(_) => "figure in several documents",
        Selection::Figure(f) => a.figures.get(f).map_or("figure", |f| f.kind.as_str()),
        Selection::Discrepancy(d) => a.discrepancies.get(d).map_or("discrepancy", |d| d.kind.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn seeds() -> Analysis {
        Analysis::run(Corpus::seeds())
    }

    #[test]
    fn people_are_listed_most_widely_mentioned_first() {
        let a = seeds();
        let rows = entity_rows(&a, KindFilter::People);
        let counts: Vec<usize> = rows.iter().map(|&e| a.entities[e].doc_count).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        assert!(rows.iter().all(|&e| a.entities[e].kind == EntityKind::Person));
        let all = entity_rows(&a, KindFilter::All);
        assert_eq!(all.len(), a.entities.len());
        assert_eq!(a.entities[all[0]].name, "Ukraine");
    }

    #[test]
    fn counts_entities_per_document() {
        let a = seeds();
        let n = entities_per_doc(&a);
        assert_eq!(n.len(), 5);
        assert!(n.iter().all(|&c| c > 5), "{n:?}");
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(2933), "2.9 kB");
        assert_eq!(human_size(1_260_000), "1.3 MB");
        assert_eq!(thousands(5), "5");
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
