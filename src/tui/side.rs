//! The side-by-side view: one column per document, following one selection.
//!
//! Documents that mention the selection come first, in corpus order; the others
//! are folded into one footer line until the user asks for them. Only the columns
//! on screen are wrapped and styled (in [`SideBySide::prepare`]), so the view
//! costs the same on five documents as on ten thousand.

use std::collections::HashMap;

use ratatui::layout::Rect;

use super::app::{byte_at_column, sorted_spans, Motion};
use super::find::Find;
use super::layout;
use super::notes::NotesView;
use super::visual::Visual;
use super::wrap::{self, Mark, Run, Wrapped};
use crate::analysis::{Analysis, Selection};
use crate::model::Span;

/// What is drawn over the mentions in a text: annotated spans, find hits, the
/// passage selected in visual mode.
#[derive(Debug, Clone, Copy)]
pub struct Overlay<'o> {
    pub notes: &'o NotesView,
    pub find: Option<&'o Find>,
    pub visual: Option<Visual>,
}

impl Overlay<'_> {
    /// Adds the overlay's marks in one document to `spans`.
    pub fn marks(&self, doc: usize, text: &str, spans: &mut Vec<(u32, u32, Mark)>) {
        spans.extend(self.notes.marks_in(doc).iter().map(|&(s, e)| (s, e, Mark::Note)));
        if let Some(f) = self.find {
            spans.extend(f.in_doc(doc).iter().map(|h| (h.start, h.end, Mark::Find)));
            if let Some(c) = f.current().filter(|c| c.doc() == doc) {
                spans.push((c.start, c.end, Mark::FindCurrent));
            }
        }
        if let Some(v) = self.visual.filter(|v| v.doc == doc) {
            let s = v.span(text);
            spans.push((s.start, s.end, Mark::Visual));
        }
    }

    /// The wrapped lines of a document that hold an annotated span, sorted.
    pub fn note_lines(&self, doc: usize, wrap: &Wrapped) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .notes
            .marks_in(doc)
            .iter()
            .flat_map(|&(s, e)| wrap.line_of(s)..=wrap.line_of(e.saturating_sub(1).max(s)))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Lines of text kept above a mention brought into view.
const CONTEXT: usize = 2;

/// One column on screen, ready to draw.
#[derive(Debug, Clone)]
pub struct Column {
    /// Its index among all columns.
    pub col: usize,
    pub doc: usize,
    /// Outer rectangle (border included).
    pub rect: Rect,
    pub wrap: Wrapped,
    pub runs: Vec<Run>,
    /// The first line shown.
    pub top: usize,
    /// Mentions of the selection in this document.
    pub count: usize,
    /// The distinct ways the document writes it ("Ms Okafor", "Okafor").
    pub forms: Vec<String>,
    /// Lines holding a mention, sorted.
    pub marked_lines: Vec<usize>,
    /// The line of the cursor's mention, when it is in this column.
    pub cursor_line: Option<usize>,
    /// Lines holding an annotated span, sorted.
    pub note_lines: Vec<usize>,
}

/// The state of the side-by-side view.
#[derive(Debug, Clone)]
pub struct SideBySide {
    /// What is followed (`None` for the quotes of a note).
    pub sel: Option<Selection>,
    /// What the view is headed with when it follows no selection.
    pub title: Option<String>,
    /// Evidence lines shown above the columns (a discrepancy's word diffs).
    pub evidence: Vec<String>,
    /// Words that differ between the accounts, per document (a reworded quote, a spun copy).
    pub word_marks: HashMap<usize, Vec<(u32, u32, Mark)>>,
    /// Every mention, in reading order (document, then position).
    pub spans: Vec<Span>,
    /// Documents that mention the selection, in corpus order.
    pub mentioned: Vec<usize>,
    /// The others, in corpus order.
    pub unmentioned: Vec<usize>,
    /// Show the documents that do not mention it as columns too.
    pub show_all: bool,
    /// The first column on screen.
    pub first: usize,
    /// The focused column.
    pub focus: usize,
    /// The mention `n`/`N` are at (index into `spans`).
    pub cursor: usize,
    /// The top line of each column seen so far, as a byte offset (survives re-wrapping).
    tops: HashMap<usize, u32>,
    /// Bring the cursor's mention into view at the next prepare.
    reveal: bool,
    /// Bring this span into view at the next prepare (a find hit, a visual end).
    reveal_at: Option<Span>,
    /// The columns on screen.
    pub visible: Vec<Column>,
}

impl SideBySide {
    pub fn new(a: &Analysis, sel: Selection) -> SideBySide {
        let mut s = SideBySide::of_spans(a, sorted_spans(a, sel), String::new());
        s.sel = Some(sel);
        s.title = None;
        if let Selection::Discrepancy(d) = sel {
            s.evidence = a.discrepancies.get(d).map(|d| d.details.clone()).unwrap_or_default();
            s.word_marks = super::disc::word_marks(a, d);
        }
        s
    }

    /// A view of any spans (the quotes of a note), headed by `title`.
    pub fn of_spans(a: &Analysis, mut spans: Vec<Span>, title: String) -> SideBySide {
        spans.sort_unstable_by_key(|s| (s.doc, s.start, s.end));
        spans.dedup();
        let mut mentioned: Vec<usize> = spans.iter().map(Span::doc).collect();
        mentioned.dedup();
        let unmentioned: Vec<usize> = {
            let mut it = mentioned.iter().peekable();
            (0..a.corpus.docs.len())
                .filter(|d| {
                    while it.peek().is_some_and(|&&m| m < *d) {
                        it.next();
                    }
                    it.peek() != Some(&d)
                })
                .collect()
        };
        SideBySide {
            sel: None,
            title: Some(title),
            evidence: Vec::new(),
            word_marks: HashMap::new(),
            reveal_at: None,
            show_all: mentioned.is_empty(),
            spans,
            mentioned,
            unmentioned,
            first: 0,
            focus: 0,
            cursor: 0,
            tops: HashMap::new(),
            reveal: true,
            visible: Vec::new(),
        }
    }

    /// Number of columns (the unmentioned documents count only when shown).
    pub fn columns(&self) -> usize {
        self.mentioned.len() + if self.show_all { self.unmentioned.len() } else { 0 }
    }

    /// The document of a column.
    pub fn doc_of(&self, col: usize) -> Option<usize> {
        self.mentioned.get(col).or_else(|| self.unmentioned.get(col - self.mentioned.len())).copied()
    }

    /// The column of a document that mentions the selection.
    fn col_of(&self, doc: usize) -> Option<usize> {
        self.mentioned.binary_search(&doc).ok()
    }

    /// The column of any document shown (the others only when they are shown).
    fn any_col_of(&self, doc: usize) -> Option<usize> {
        self.col_of(doc).or_else(|| {
            let i = self.unmentioned.binary_search(&doc).ok()?;
            self.show_all.then_some(self.mentioned.len() + i)
        })
    }

    /// The byte at the top of a document's column (its first mention before it was shown).
    pub fn top_byte(&self, doc: usize) -> u32 {
        self.tops.get(&doc).copied().unwrap_or_else(|| {
            let r = self.doc_range(doc);
            self.spans[r].first().map_or(0, |s| s.start)
        })
    }

    /// Focuses the column of a span's document and brings the span into view.
    pub fn show(&mut self, s: Span) {
        if let Some(c) = self.any_col_of(s.doc()) {
            self.focus = c;
            self.reveal_at = Some(s);
        }
    }

    /// The layout of the view at this size (with room for its evidence lines).
    pub fn layout(&self, area: Rect) -> layout::Side {
        layout::side(area, self.visible.len(), self.evidence_lines(area))
    }

    /// How many evidence lines are shown above the columns.
    pub fn evidence_lines(&self, area: Rect) -> u16 {
        let most = if area.height >= 30 { 4 } else { 1 };
        self.evidence.len().min(most) as u16
    }

    /// The evidence lines shown when only `n` fit: those that show a change
    /// (a word diff, swapped words) first, in their order.
    pub fn shown_evidence(&self, n: usize) -> Vec<&str> {
        let changes = |l: &str| l.contains("[-") || l.contains("{+") || l.contains(" -> ");
        let mut v: Vec<(bool, usize, &str)> =
            self.evidence.iter().enumerate().map(|(i, l)| (!changes(l), i, l.as_str())).collect();
        if v.len() > n {
            v.sort_by_key(|x| (x.0, x.1));
            v.truncate(n);
            v.sort_by_key(|x| x.1);
        }
        v.into_iter().map(|x| x.2).collect()
    }

    /// The mentions in one document, as a range of `spans`.
    fn doc_range(&self, doc: usize) -> std::ops::Range<usize> {
        let a = self.spans.partition_point(|s| s.doc() < doc);
        let b = self.spans.partition_point(|s| s.doc() <= doc);
        a..b
    }

    /// The span the cursor is on.
    pub fn current(&self) -> Option<Span> {
        self.spans.get(self.cursor).copied()
    }

    /// Steps the cursor to the next or previous mention in reading order and
    /// brings it into view; says so when it wraps around.
    pub fn step(&mut self, forward: bool) -> Option<String> {
        let n = self.spans.len();
        if n == 0 {
            return Some("Nothing to step through: no document mentions it.".into());
        }
        let mut msg = None;
        self.cursor = if forward {
            if self.cursor + 1 >= n {
                msg = Some("Back at the first mention.".to_string());
                0
            } else {
                self.cursor + 1
            }
        } else if self.cursor == 0 {
            msg = Some("Back at the last mention.".to_string());
            n - 1
        } else {
            self.cursor - 1
        };
        if let Some(c) = self.current().and_then(|s| self.col_of(s.doc())) {
            self.focus = c;
        }
        self.reveal = true;
        msg
    }

    /// Focuses the column `by` to the right (negative: left).
    pub fn focus_column(&mut self, by: isize) {
        let n = self.columns();
        if n > 0 {
            self.focus = (self.focus as isize + by).clamp(0, n as isize - 1) as usize;
        }
    }

    pub fn toggle_unmentioned(&mut self) {
        if self.mentioned.is_empty() {
            return;
        }
        self.show_all = !self.show_all;
        self.focus = self.focus.min(self.columns().saturating_sub(1));
    }

    /// Scrolls the focused column.
    pub fn scroll(&mut self, m: Motion) {
        let focus = self.focus;
        self.scroll_col(focus, m);
    }

    fn scroll_col(&mut self, col: usize, m: Motion) {
        let Some(c) = self.visible.iter().find(|c| c.col == col) else {
            return;
        };
        let h = usize::from(text_rect(c.rect).height).max(1);
        let last_top = c.wrap.len().saturating_sub(h);
        let top = c.top;
        let line = match m {
            Motion::Up => top.saturating_sub(1),
            Motion::Down => top + 1,
            Motion::Top => 0,
            Motion::Bottom => last_top,
            Motion::PageUp => top.saturating_sub(h.saturating_sub(1).max(1)),
            Motion::PageDown => top + h.saturating_sub(1).max(1),
            Motion::HalfUp => top.saturating_sub(h / 2),
            Motion::HalfDown => top + h / 2,
            Motion::By(n) => (top as i64 + i64::from(n)).max(0) as usize,
        };
        let byte = c.wrap.start_of(line.min(last_top));
        let doc = c.doc;
        self.tops.insert(doc, byte);
    }

    /// What Enter opens: the focused column's document, at the cursor's mention
    /// if it is there, else at its first mention in view, else its first mention.
    pub fn open_target(&self) -> Option<(usize, Option<Span>)> {
        let doc = self.doc_of(self.focus)?;
        if let Some(s) = self.current().filter(|s| s.doc() == doc) {
            return Some((doc, Some(s)));
        }
        let r = self.doc_range(doc);
        let spans = &self.spans[r];
        let top = self.tops.get(&doc).copied().unwrap_or(0);
        let at = spans.iter().find(|s| s.start >= top).or(spans.first()).copied();
        Some((doc, at))
    }

    /// A click: focuses the column; on a mention, puts the cursor there; on the
    /// footer, shows or folds the documents without a mention.
    pub fn click(&mut self, a: &Analysis, x: u16, y: u16, area: Rect) {
        let lay = self.layout(area);
        if layout::contains(lay.footer, x, y) {
            self.toggle_unmentioned();
            return;
        }
        let Some(c) = self.visible.iter().find(|c| layout::contains(c.rect, x, y)) else {
            return;
        };
        self.focus = c.col;
        let tr = text_rect(c.rect);
        if !layout::contains(tr, x, y) {
            return;
        }
        let Some(&wl) = c.wrap.lines.get(c.top + usize::from(y - tr.y)) else {
            return;
        };
        let Some(byte) = a.views.get(c.doc).and_then(|v| byte_at_column(&v.flat, wl, usize::from(x - tr.x))) else {
            return;
        };
        let r = self.doc_range(c.doc);
        if let Some(i) = self.spans[r.clone()].iter().position(|s| s.start <= byte && byte < s.end) {
            self.cursor = r.start + i;
        }
    }

    pub fn wheel(&mut self, x: u16, y: u16, n: i32) {
        if let Some(col) = self.visible.iter().find(|c| layout::contains(c.rect, x, y)).map(|c| c.col) {
            self.scroll_col(col, Motion::By(n));
        }
    }

    /// Wraps and styles the columns on screen; places each column at its first
    /// mention the first time it is shown; brings the cursor (or the span asked
    /// for) into view.
    pub fn prepare(&mut self, a: &Analysis, area: Rect, overlay: &Overlay<'_>) {
        let n = self.columns();
        if n == 0 {
            self.visible.clear();
            return;
        }
        let fit = layout::columns_that_fit(area.width).min(n);
        self.focus = self.focus.min(n - 1);
        if self.focus < self.first {
            self.first = self.focus;
        }
        if self.focus >= self.first + fit {
            self.first = self.focus + 1 - fit;
        }
        self.first = self.first.min(n - fit);
        let lay = layout::side(area, fit, self.evidence_lines(area));
        let mut old = std::mem::take(&mut self.visible);
        let reveal_at = self.reveal_at.take();
        let current = self.current();
        for (k, rect) in lay.columns.iter().enumerate() {
            let col = self.first + k;
            let Some(doc) = self.doc_of(col) else { continue };
            let Some(view) = a.views.get(doc) else { continue };
            let tr = text_rect(*rect);
            let wrap = match old.iter().position(|o| o.doc == doc && o.wrap.width == tr.width) {
                Some(i) => old.swap_remove(i).wrap,
                None => Wrapped::new(&view.flat, tr.width),
            };
            let range = self.doc_range(doc);
            let spans = &self.spans[range];
            let mut marks: Vec<(u32, u32, Mark)> = spans.iter().map(|s| (s.start, s.end, Mark::Selected)).collect();
            let cursor = current.filter(|s| s.doc() == doc);
            if let Some(c) = cursor {
                marks.push((c.start, c.end, Mark::Current));
            }
            if let Some(w) = self.word_marks.get(&doc) {
                marks.extend(w.iter().copied());
            }
            overlay.marks(doc, &view.flat, &mut marks);
            let h = usize::from(tr.height).max(1);
            let mut top = match self.tops.get(&doc) {
                Some(&b) => wrap.line_of(b),
                None => spans.first().map_or(0, |s| wrap.line_of(s.start).saturating_sub(CONTEXT)),
            };
            let cursor_line = cursor.map(|c| wrap.line_of(c.start));
            let wanted = match reveal_at {
                Some(s) if s.doc() == doc => Some(wrap.line_of(s.start)),
                Some(_) => None,
                None => cursor_line.filter(|_| self.reveal),
            };
            if let Some(line) = wanted {
                if line < top || line >= top + h {
                    top = line.saturating_sub(h / 3);
                }
            }
            top = top.min(wrap.len().saturating_sub(h));
            self.tops.insert(doc, wrap.start_of(top));
            let mut forms: Vec<String> = Vec::new();
            for s in spans {
                let f = crate::report::one_line(a.span_text(*s));
                if !forms.contains(&f) {
                    forms.push(f);
                }
            }
            let mut marked_lines: Vec<usize> =
                spans.iter().flat_map(|s| wrap.line_of(s.start)..=wrap.line_of(s.end.saturating_sub(1))).collect();
            marked_lines.sort_unstable();
            marked_lines.dedup();
            let note_lines = overlay.note_lines(doc, &wrap);
            self.visible.push(Column {
                note_lines,
                col,
                doc,
                rect: *rect,
                runs: wrap::runs(marks),
                top,
                count: spans.len(),
                forms,
                marked_lines,
                cursor_line,
                wrap,
            });
        }
        self.reveal = false;
    }
}

/// Where a column's text goes: inside the border, below the header line, right
/// of the one-column gutter.
pub fn text_rect(col: Rect) -> Rect {
    let i = layout::inner(col);
    Rect { x: i.x + 1, y: i.y + 1, width: i.width.saturating_sub(1), height: i.height.saturating_sub(1) }
}
