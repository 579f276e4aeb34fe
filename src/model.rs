//! The data the analysis produces, shared by the JSON output, the reader, the
//! search, the notes and the discrepancy finder.

use serde::{Deserialize, Serialize};

/// A byte range of one document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Index of the document in the corpus.
    pub doc: u32,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(doc: usize, start: usize, end: usize) -> Span {
        Span { doc: doc as u32, start: start as u32, end: end as u32 }
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn doc(&self) -> usize {
        self.doc as usize
    }
    pub fn overlaps(&self, o: &Span) -> bool {
        self.doc == o.doc && self.start < o.end && o.start < self.end
    }
}

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
        }
    }
}

/// A role or title given to a person at one mention ("Defence Secretary").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleUse {
    /// The role as written, normalised to title case ("U.K. Defence Secretary").
    pub title: String,
    /// The role without any country qualifier ("Defence Secretary").
    pub base: String,
    /// Index of the country or demonym that qualified it, if any (gazetteer index).
    pub country: Option<usize>,
    /// The organisation that qualified it ("Corvane" in "Corvane Chief Executive"), folded.
    pub org: Option<String>,
    /// Where the role is written.
    pub span: Span,
}

/// One entity: a real-world referent, with all its mentions across documents.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Every distinct surface form, other than `name`, sorted.
    pub aliases: Vec<String>,
    /// Distinct roles (title case), most frequent first.
    pub roles: Vec<String>,
    /// Every role use, in reading order.
    pub role_uses: Vec<RoleUse>,
    /// Sorted by (doc, start).
    pub mentions: Vec<Span>,
    /// Number of distinct documents mentioning it.
    pub doc_count: usize,
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    Money,
    Count,
    Percent,
    Date,
    Duration,
    Ordinal,
}

impl FigureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Count => "count",
            FigureKind::Percent => "percent",
            FigureKind::Date => "date",
            FigureKind::Duration => "duration",
            FigureKind::Ordinal => "ordinal",
        }
    }
}

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    Over,
    MoreThan,
    Around,
    AtLeast,
    UpTo,
    Under,
    Almost,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::MoreThan => "more than",
            Qualifier::Around => "around",
            Qualifier::AtLeast => "at least",
            Qualifier::UpTo => "up to",
            Qualifier::Under => "under",
            Qualifier::Almost => "almost",
        }
    }

    /// Whether the qualifier claims "more than the number" (over, more than, at least).
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::Over | Qualifier::MoreThan | Qualifier::AtLeast)
    }
}

/// A number found in a document, normalised.
#[derive(Debug, Clone)]
pub struct Figure {
    pub id: String,
    pub kind: FigureKind,
    /// Normalised value; `None` for dates.
    pub value: Option<f64>,
    /// ISO 4217 code, "%", the counted noun phrase, or the duration unit.
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// The qualifier as written ("more than", "at the least").
    pub qualifier_text: Option<String>,
    /// "YYYY-MM-DD", "YYYY-MM", "--MM-DD", "--MM" or "YYYY", for dates.
    pub date: Option<String>,
    pub span: Span,
    /// The sentence that holds the figure, as a byte range of the same document.
    pub sentence: (u32, u32),
    /// Index into `Analysis::pledges`, if the figure states a commitment.
    pub pledge: Option<usize>,
    /// Index into `Analysis::quantities`, if the figure is linked to figures in other
    /// documents without being a commitment.
    pub quantity: Option<usize>,
}

/// A group of figures that state the same thing in one or more documents.
#[derive(Debug, Clone)]
pub struct FigureGroup {
    pub id: String,
    pub label: String,
    /// Indexes into `Analysis::figures`, in reading order.
    pub figures: Vec<usize>,
    /// Indexes of the documents that state it.
    pub docs: Vec<usize>,
}

/// Kinds of discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiscrepancyKind {
    Figure,
    Role,
    MissingName,
    Spelling,
    SingleSource,
    Quote,
    Reuse,
}

impl DiscrepancyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyKind::Figure => "figure",
            DiscrepancyKind::Role => "role",
            DiscrepancyKind::MissingName => "missing-name",
            DiscrepancyKind::Spelling => "spelling",
            DiscrepancyKind::SingleSource => "single-source",
            DiscrepancyKind::Quote => "quote",
            DiscrepancyKind::Reuse => "reuse",
        }
    }
    pub const ALL: [DiscrepancyKind; 7] = [
        DiscrepancyKind::Figure,
        DiscrepancyKind::Role,
        DiscrepancyKind::MissingName,
        DiscrepancyKind::Spelling,
        DiscrepancyKind::Quote,
        DiscrepancyKind::Reuse,
        DiscrepancyKind::SingleSource,
    ];
}

/// Something the documents disagree on, with the spans that show it.
#[derive(Debug, Clone)]
pub struct Discrepancy {
    pub id: String,
    pub kind: DiscrepancyKind,
    pub summary: String,
    /// Lines of evidence (a word diff, swapped word pairs, per-document values).
    pub details: Vec<String>,
    pub spans: Vec<Span>,
    /// Higher is more significant; used to order the list.
    pub score: f64,
    /// The entity this concerns, if any (index into `Analysis::entities`).
    pub entity: Option<usize>,
    /// The pledge this concerns, if any (index into `Analysis::pledges`).
    pub pledge: Option<usize>,
}

/// A quotation attributed (or not) to a speaker.
#[derive(Debug, Clone)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The person the quote is attributed to (index into entities), once resolved.
    pub speaker: Option<usize>,
}

/// A role written where a name should follow but none does ("The Defence Secretary, , and").
#[derive(Debug, Clone)]
pub struct BlankRole {
    pub role: String,
    pub base: String,
    pub country: Option<usize>,
    /// The role and the empty slot after it.
    pub span: Span,
}
