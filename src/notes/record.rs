//! What a line of the notes file holds: a note, or an entity correction.
//!
//! Anchors follow the W3C Web Annotation selectors: the exact quote with some
//! text before and after it (`TextQuoteSelector`) and the byte offsets
//! (`TextPositionSelector`, in bytes of the text as loaded), plus the document's
//! id, path and SHA-256, so a note can be re-attached after its document is moved
//! or edited.

use serde::{Deserialize, Serialize};

use super::Correction;

/// The kind of discrepancy a note records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    Figure,
    Name,
    Role,
    Quote,
    #[default]
    Other,
}

impl NoteKind {
    pub const ALL: [NoteKind; 5] = [NoteKind::Figure, NoteKind::Name, NoteKind::Role, NoteKind::Quote, NoteKind::Other];
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Figure => "figure",
            NoteKind::Name => "name",
            NoteKind::Role => "role",
            NoteKind::Quote => "quote",
            NoteKind::Other => "other",
        }
    }
    /// The next kind, for cycling in the editor.
    #[must_use]
    pub fn next(self) -> NoteKind {
        let i = NoteKind::ALL.iter().position(|k| *k == self).unwrap_or(0);
        NoteKind::ALL[(i + 1) % NoteKind::ALL.len()]
    }
}

/// Whether a note still needs work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Open,
    Resolved,
}

/// What a note is about: an entity or a pledge, by id, with its name at the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concerns {
    /// "person", "organisation", "place" or "pledge".
    pub kind: String,
    pub id: String,
    pub name: String,
}

/// The document an anchor points into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRef {
    pub id: String,
    pub path: String,
    pub sha256: String,
}

/// One quoted span of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub doc: DocRef,
    /// Byte offsets into the document's text as loaded.
    pub start: u32,
    pub end: u32,
    /// The quoted text, exactly.
    pub exact: String,
    /// Up to 32 characters before and after the quote.
    pub prefix: String,
    pub suffix: String,
}

/// A note on the discrepancies between documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    /// Revision: each save of a note writes a new line with a higher `rev`; the
    /// highest wins when the file is read.
    pub rev: u64,
    pub created: String,
    pub updated: String,
    pub text: String,
    #[serde(default)]
    pub kind: NoteKind,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concerns: Option<Concerns>,
    #[serde(default)]
    pub anchors: Vec<Anchor>,
    /// A deleted note is kept as a tombstone, so other processes learn of it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// An entity correction, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionRecord {
    pub id: String,
    pub rev: u64,
    pub created: String,
    #[serde(flatten)]
    pub correction: Correction,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// One line of the notes file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "crossread", rename_all = "lowercase")]
pub enum Record {
    Note(Note),
    Correction(CorrectionRecord),
}

impl Record {
    pub fn id(&self) -> &str {
        match self {
            Record::Note(n) => &n.id,
            Record::Correction(c) => &c.id,
        }
    }
    pub fn rev(&self) -> u64 {
        match self {
            Record::Note(n) => n.rev,
            Record::Correction(c) => c.rev,
        }
    }
}
