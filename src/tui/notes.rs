//! The reader's side of the notes: what the notes pane lists (newest first,
//! filtered by status and kind), where each note's quotes are in this corpus,
//! which spans are annotated (marked in the article and side by side), drafting
//! a note from spans, and the note editor's state.
//!
//! The notes file itself ([`NotesFile`]) does the writing, locking and merging;
//! the reader keeps a snapshot of its notes here and refreshes it after every change.

use std::collections::HashMap;

use ratatui::style::{Modifier, Style};
use tui_textarea::TextArea;

use super::app::ListPos;
use super::theme::Theme;
use crate::analysis::{Analysis, Selection};
use crate::model::Span;
use crate::notes::anchor::{self, Found};
use crate::notes::{Anchor, Concerns, Note, NoteKind, NotesFile, Status};

/// Which notes the pane lists, by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    All,
    Open,
    Resolved,
}

impl StatusFilter {
    #[must_use]
    pub fn next(self) -> StatusFilter {
        match self {
            StatusFilter::All => StatusFilter::Open,
            StatusFilter::Open => StatusFilter::Resolved,
            StatusFilter::Resolved => StatusFilter::All,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Open => "open",
            StatusFilter::Resolved => "resolved",
        }
    }

    fn keeps(self, s: Status) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Open => s == Status::Open,
            StatusFilter::Resolved => s == Status::Resolved,
        }
    }
}

/// The next kind filter: all, then each kind, then all again.
pub fn next_kind(k: Option<NoteKind>) -> Option<NoteKind> {
    match k {
        None => Some(NoteKind::ALL[0]),
        Some(k) if k == NoteKind::ALL[NoteKind::ALL.len() - 1] => None,
        Some(k) => Some(k.next()),
    }
}

pub fn status_str(s: Status) -> &'static str {
    match s {
        Status::Open => "open",
        Status::Resolved => "resolved",
    }
}

/// The notes as the reader shows them.
#[derive(Debug, Clone, Default)]
pub struct NotesView {
    /// Every note, newest first.
    pub all: Vec<Note>,
    /// Where each anchor of each note is in this corpus (parallel to `all`).
    pub found: Vec<Vec<Found>>,
    /// The notes listed (indices into `all`), after the filters.
    pub rows: Vec<usize>,
    pub status: StatusFilter,
    pub kind: Option<NoteKind>,
    pub pos: ListPos,
    /// Annotated spans of each document (byte ranges), for the text views.
    pub by_doc: HashMap<usize, Vec<(u32, u32)>>,
    /// Where the notes go, for the pane and the status bar (`~` for the home folder).
    pub path: Option<String>,
    /// Some notes are only in memory: the file could not be written.
    pub unsaved: Option<String>,
}

impl NotesView {
    /// Takes a fresh snapshot of the notes file and finds every anchor in the corpus.
    pub fn refresh(&mut self, file: Option<&NotesFile>, a: &Analysis) {
        let keep = self.selected().map(|n| n.id.clone());
        self.all = file.map(|f| f.notes().into_iter().cloned().collect()).unwrap_or_default();
        self.found = self.all.iter().map(|n| n.anchors.iter().map(|x| anchor::find(x, &a.corpus)).collect()).collect();
        self.by_doc.clear();
        for spans in &self.found {
            for s in spans.iter().filter_map(Found::span) {
                self.by_doc.entry(s.doc()).or_default().push((s.start, s.end));
            }
        }
        self.path = file.map(|f| home_short(&f.path.display().to_string()));
        self.unsaved = file.filter(|f| f.has_unsaved()).map(|f| {
            f.last_error.as_ref().map_or_else(|| "some notes are not saved yet".to_string(), ToString::to_string)
        });
        self.filter(keep.as_deref());
    }

    /// Recomputes the rows after a filter changed, keeping the cursor on the same
    /// note if it is still listed.
    pub fn filter(&mut self, keep: Option<&str>) {
        self.rows = (0..self.all.len())
            .filter(|&i| {
                let n = &self.all[i];
                self.status.keeps(n.status) && self.kind.is_none_or(|k| k == n.kind)
            })
            .collect();
        if let Some(i) = keep.and_then(|id| self.rows.iter().position(|&r| self.all[r].id == id)) {
            self.pos.sel = i;
        }
        self.pos.sel = self.pos.sel.min(self.rows.len().saturating_sub(1));
    }

    /// The note under the cursor.
    pub fn selected(&self) -> Option<&Note> {
        self.rows.get(self.pos.sel).map(|&i| &self.all[i])
    }

    /// Where the note under the cursor quotes, as far as it is found.
    pub fn selected_found(&self) -> &[Found] {
        self.rows.get(self.pos.sel).map_or(&[], |&i| &self.found[i])
    }

    /// The annotated spans of a document.
    pub fn marks_in(&self, doc: usize) -> &[(u32, u32)] {
        self.by_doc.get(&doc).map_or(&[], Vec::as_slice)
    }
}

/// A path with the home folder written as `~`.
pub fn home_short(path: &str) -> String {
    match std::env::var("HOME") {
        Ok(h) if !h.is_empty() && path.starts_with(&h) && path[h.len()..].starts_with('/') => {
            format!("~{}", &path[h.len()..])
        }
        _ => path.to_string(),
    }
}

/// What a note on a selection is about: its entity or pledge (a discrepancy's,
/// for a discrepancy).
pub fn concerns(a: &Analysis, sel: Selection) -> Option<Concerns> {
    match sel {
        Selection::Entity(e) => a.entities.get(e).map(|e| Concerns {
            kind: e.kind.as_str().to_string(),
            id: e.id.clone(),
            name: e.name.clone(),
        }),
        Selection::Pledge(p) => {
            a.pledges.get(p).map(|p| Concerns { kind: "pledge".into(), id: p.id.clone(), name: p.label.clone() })
        }
        Selection::Discrepancy(d) => {
            let d = a.discrepancies.get(d)?;
            d.entity.map(Selection::Entity).or(d.pledge.map(Selection::Pledge)).and_then(|s| concerns(a, s))
        }
        Selection::Quantity(_) | Selection::Figure(_) => None,
    }
}

/// The kind a new note on a selection starts with (the editor can change it).
pub fn kind_for(a: &Analysis, sel: Option<Selection>) -> NoteKind {
    match sel {
        Some(Selection::Pledge(_) | Selection::Quantity(_) | Selection::Figure(_)) => NoteKind::Figure,
        Some(Selection::Discrepancy(d)) => {
            a.discrepancies.get(d).map_or(NoteKind::Other, |d| super::disc::note_kind(d.kind))
        }
        Some(Selection::Entity(_)) | None => NoteKind::Other,
    }
}

/// One anchor per span (spans sorted and without repeats).
pub fn anchors(a: &Analysis, spans: &[Span]) -> Vec<Anchor> {
    let mut spans = spans.to_vec();
    spans.sort_unstable();
    spans.dedup();
    spans
        .iter()
        .filter_map(|s| a.corpus.docs.get(s.doc()).map(|d| anchor::make(d, s.doc(), s.start as usize, s.end as usize)))
        .collect()
}

/// A new note on some spans, about a selection.
pub fn draft(a: &Analysis, sel: Option<Selection>, spans: &[Span], text: &str) -> Note {
    Note {
        id: crate::notes::new_id("n"),
        rev: 0,
        created: String::new(),
        updated: String::new(),
        text: text.to_string(),
        kind: kind_for(a, sel),
        status: Status::Open,
        concerns: sel.and_then(|s| concerns(a, s)),
        anchors: anchors(a, spans),
        deleted: false,
    }
}

/// A note's text as editor lines: each paragraph (line of the text) wrapped
/// at `width` columns.
pub fn fill(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        if super::wrap::width(para) <= width.max(1) {
            out.push(para.to_string());
        } else {
            out.extend(
                super::wrap::wrap(para, width.max(1))
                    .iter()
                    .map(|l| para[l.start as usize..l.end as usize].to_string()),
            );
        }
    }
    out
}

/// Editor lines back to a note's text: the lines of a paragraph are joined with
/// a space; a blank line, and a line that starts a list item ("- ", "* ",
/// "1. "), keep their line break.
pub fn unfill(lines: &[String]) -> String {
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            let prev = &lines[i - 1];
            if l.trim().is_empty() || prev.trim().is_empty() || starts_item(l) {
                out.push('\n');
            } else {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push(' ');
                out.push_str(l.trim_start());
                continue;
            }
        }
        out.push_str(l);
    }
    out
}

fn starts_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['-', '*', '•', '>'])
        || t.split_once(['.', ')']).is_some_and(|(n, rest)| {
            !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
        })
}

/// The note editor: the note being written and its text in a `tui-textarea`.
#[derive(Debug, Clone)]
pub struct Editor {
    pub area: TextArea<'static>,
    /// The note as it will be saved (its text is taken from `area`).
    pub note: Note,
    /// The text the editor opened with (a prefilled summary, the note's text), to
    /// know whether closing it would lose anything.
    pub original: String,
    /// A new note (not yet in the file).
    pub new: bool,
}

impl Editor {
    /// An editor on a note, its paragraphs filled to `width` columns, in the
    /// reader's styles (no colour with `NO_COLOR`).
    pub fn new(note: Note, new: bool, width: usize, theme: Theme) -> Editor {
        // The notes file is user data: whatever it holds is made terminal-safe.
        let text: Vec<String> = note.text.split('\n').map(|l| super::wrap::safe(l).into_owned()).collect();
        let lines = fill(&text.join("\n"), width);
        let original = unfill(&lines);
        let mut area = TextArea::new(lines);
        area.move_cursor(tui_textarea::CursorMove::Bottom);
        area.move_cursor(tui_textarea::CursorMove::End);
        area.set_cursor_line_style(Style::new());
        area.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        area.set_placeholder_style(theme.muted());
        area.set_selection_style(theme.mark(super::wrap::Mark::Visual));
        area.set_placeholder_text("What differs between the accounts, and what the evidence shows…");
        Editor { area, note, original, new }
    }

    /// The text written: the lines of each paragraph joined again, without
    /// trailing blank lines and spaces.
    pub fn text(&self) -> String {
        unfill(self.area.lines()).trim_end().to_string()
    }

    /// Breaks the line being typed at its last space once it is wider than
    /// `width` (typing at the end of a line only), as mail editors do.
    pub fn autofill(&mut self, width: usize) {
        let (row, col) = self.area.cursor();
        let Some(line) = self.area.lines().get(row).cloned() else { return };
        if super::wrap::width(&line) <= width || col != line.chars().count() {
            return;
        }
        let cut = line
            .char_indices()
            .rev()
            .find(|&(i, c)| c == ' ' && i > 0 && super::wrap::width(&line[..i]) <= width)
            .map(|(i, _)| i);
        let Some(i) = cut else { return };
        for _ in 0..line[i + 1..].chars().count() {
            self.area.move_cursor(tui_textarea::CursorMove::Back);
        }
        self.area.delete_char();
        self.area.insert_newline();
        self.area.move_cursor(tui_textarea::CursorMove::End);
    }

    /// Whether closing the editor now would lose text.
    pub fn changed(&self) -> bool {
        self.text() != self.original.trim_end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn file_with(dir: &std::path::Path, notes: &[(&str, NoteKind, Status)]) -> NotesFile {
        let mut f = NotesFile::open(dir.join("notes.jsonl"));
        let a = Analysis::run(Corpus::seeds());
        for (text, kind, status) in notes {
            let mut n = draft(&a, None, &[], text);
            n.kind = *kind;
            n.status = *status;
            f.save_note(n).unwrap();
        }
        f
    }

    #[test]
    fn the_pane_filters_by_status_and_kind() {
        let dir = tempfile::tempdir().unwrap();
        let f = file_with(
            dir.path(),
            &[
                ("a", NoteKind::Figure, Status::Open),
                ("b", NoteKind::Quote, Status::Resolved),
                ("c", NoteKind::Figure, Status::Resolved),
                ("d", NoteKind::Name, Status::Open),
            ],
        );
        let a = Analysis::run(Corpus::seeds());
        let mut v = NotesView::default();
        v.refresh(Some(&f), &a);
        let listed = |v: &NotesView| {
            let mut t: Vec<String> = v.rows.iter().map(|&i| v.all[i].text.clone()).collect();
            t.sort();
            t
        };
        assert_eq!(listed(&v), ["a", "b", "c", "d"]);
        v.status = v.status.next();
        v.filter(None);
        assert_eq!(listed(&v), ["a", "d"]);
        v.status = v.status.next();
        v.filter(None);
        assert_eq!(listed(&v), ["b", "c"]);
        v.kind = next_kind(v.kind);
        assert_eq!(v.kind, Some(NoteKind::Figure));
        v.filter(None);
        assert_eq!(listed(&v), ["c"]);
        v.status = StatusFilter::All;
        v.filter(None);
        assert_eq!(listed(&v), ["a", "c"]);
        // The kind filter runs through every kind and back to all.
        let mut k = Some(NoteKind::Figure);
        for _ in 0..NoteKind::ALL.len() - 1 {
            k = next_kind(k);
            assert!(k.is_some());
        }
        assert_eq!(next_kind(k), None);
        // The cursor stays on the same note when the filter still lists it.
        v.kind = None;
        v.filter(None);
        v.pos.sel = v.rows.iter().position(|&i| v.all[i].text == "c").unwrap();
        v.status = StatusFilter::Resolved;
        v.filter(Some(&v.selected().unwrap().id.clone()));
        assert_eq!(v.selected().unwrap().text, "c");
    }

    #[test]
    fn the_editor_knows_when_text_would_be_lost() {
        let a = Analysis::run(Corpus::seeds());
        let mut ed = Editor::new(draft(&a, None, &[], ""), true, 60, Theme::NO_COLOR);
        assert!(!ed.changed());
        ed.area.insert_str("Two accounts differ");
        assert!(ed.changed());
        let mut n = draft(&a, None, &[], "saved text");
        n.text = "saved \u{1b}[2J text\nsecond".into();
        let ed = Editor::new(n, false, 60, Theme::NO_COLOR);
        assert_eq!(ed.area.lines(), ["saved ␛[2J text", "second"]);
        assert!(!ed.changed());
    }

    #[test]
    fn long_lines_are_filled_as_typed_and_joined_when_saved() {
        let a = Analysis::run(Corpus::seeds());
        let mut ed = Editor::new(draft(&a, None, &[], ""), true, 20, Theme::NO_COLOR);
        for c in "One says will not, the other cannot; the third won't.".chars() {
            ed.area.insert_char(c);
            ed.autofill(20);
        }
        assert!(ed.area.lines().len() >= 3, "{:?}", ed.area.lines());
        assert!(ed.area.lines().iter().all(|l| super::super::wrap::width(l) <= 21), "{:?}", ed.area.lines());
        assert_eq!(ed.text(), "One says will not, the other cannot; the third won't.");
        // Paragraphs and list items keep their breaks.
        let lines: Vec<String> = ["A first", "paragraph.", "", "- one", "- two", "1. three"].map(String::from).to_vec();
        assert_eq!(unfill(&lines), "A first paragraph.\n\n- one\n- two\n1. three");
        // Opening a long note fills it; saving gives the same text back.
        let text = "A note long enough to be filled over several lines of the editor.\n\nSecond paragraph.";
        let ed = Editor::new(draft(&a, None, &[], text), false, 24, Theme::NO_COLOR);
        assert!(ed.area.lines().len() > 4);
        assert_eq!(ed.text(), text);
        assert!(!ed.changed());
    }
}
