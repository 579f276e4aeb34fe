//! The reader's state and the one function that changes it.
//!
//! Elm architecture: [`App`] holds everything the screen shows, [`Action`] is
//! everything that can happen, [`update`] applies an action, and the draw
//! functions only read the state. Whatever drawing needs beyond the analysis
//! (wrapped lines, style runs, which side-by-side columns are visible) is
//! computed here, in [`App::prepare`], after every action and resize.

use std::sync::Arc;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::disc::{self, DiscRow};
use super::find::{Find, Scope};
use super::layer::Layer;
use super::layout::{self, Main};
use super::notes::NotesView;
use super::rows::{self, FigRow, FigureRows, KindFilter};
use super::side::{Overlay, SideBySide};
use super::theme::Theme;
use super::visual::{self, VMove, Visual};
use super::wrap::{self, Mark, Run, Wrapped};
use crate::analysis::{Analysis, Progress, Selection, Target};
use crate::corpus::Corpus;
use crate::model::Span;
use crate::notes::{Correction, Corrections, NotesFile};
use crate::search::Searcher;

/// The panes of the main view.
///
/// To add a pane: add a variant here and to [`Pane::ALL`] (its position gives its
/// number key and Tab order), give it a name, a weight and, if it is a list, its
/// rows and [`ListPos`] in `Reader` (moved in `Reader::move_in`, kept in view in
/// `Reader::prepare`, hit in `Reader::click`); [`layout::main`] stacks every list
/// pane in the left column, `draw::main_view` draws it, and the key table in
/// `keys` gets its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Documents,
    Entities,
    Figures,
    Article,
    Discrepancies,
    Notes,
}

impl Pane {
    /// Every pane, in Tab order; pane `n` is focused with the number key `n`.
    pub const ALL: [Pane; 6] =
        [Pane::Documents, Pane::Entities, Pane::Figures, Pane::Article, Pane::Discrepancies, Pane::Notes];

    /// The number key of the pane (1-based).
    pub fn number(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).map_or(0, |i| i + 1)
    }

    pub fn from_number(n: usize) -> Option<Pane> {
        Pane::ALL.get(n.checked_sub(1)?).copied()
    }

    pub fn name(self) -> &'static str {
        match self {
            Pane::Documents => "Documents",
            Pane::Entities => "Entities",
            Pane::Figures => "Figures",
            Pane::Article => "Article",
            Pane::Discrepancies => "Discrepancies",
            Pane::Notes => "Notes",
        }
    }

    /// List panes stack in the left column; the others fill the right.
    pub fn is_list(self) -> bool {
        !matches!(self, Pane::Article)
    }

    /// Share of the left column on a tall terminal.
    pub fn weight(self) -> u16 {
        match self {
            Pane::Documents | Pane::Discrepancies => 3,
            Pane::Entities | Pane::Figures => 4,
            Pane::Notes => 2,
            Pane::Article => 1,
        }
    }

    fn step(self, by: isize) -> Pane {
        let n = Pane::ALL.len() as isize;
        let i = (self.number() as isize - 1 + by).rem_euclid(n);
        Pane::ALL[i as usize]
    }
}

/// Which full-screen view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The panes.
    Main,
    /// One column per document, following the selection.
    SideBySide,
}

/// A movement of the cursor or of the text in the focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfUp,
    HalfDown,
    /// Lines (text) or rows (lists); negative is up. The mouse wheel.
    By(i32),
}

/// What `a` annotates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Annotate {
    /// The mention under the cursor (in the discrepancies pane: the discrepancy).
    Here,
    /// Every mention of the selection, in every document.
    All,
    /// The passage selected in visual mode.
    Visual,
}

/// Everything that can happen to the reader.
#[derive(Debug, Clone)]
pub enum Action {
    /// Quit, asking first when notes would be lost.
    Quit,
    /// Quit without asking (the user said yes).
    ForceQuit,
    Resize(u16, u16),
    /// Time passed (the loading screen shows progress).
    Tick,
    /// The background analysis finished (and the panes' rows were computed).
    Loaded(Arc<Loaded>),
    /// The analysis was run again after a correction; select this entity (by id).
    Reanalysed(Arc<Loaded>, Option<String>),
    Focus(Pane),
    NextPane,
    PrevPane,
    Move(Motion),
    /// Enter: open what is under the cursor.
    Activate,
    /// Esc: go back one step.
    Back,
    /// Switch the kind of entity (or, in the notes pane, of note) listed.
    CycleKind,
    /// Notes pane: switch the status of the notes listed.
    CycleStatus,
    /// Next and previous mention of the selection, across documents.
    NextMention,
    PrevMention,
    /// Next and previous marked name or figure in the article.
    NextMark,
    PrevMark,
    /// Side by side: focus the column to the left or right.
    ColumnLeft,
    ColumnRight,
    /// Side by side: show or fold the documents that do not mention the selection.
    ToggleUnmentioned,
    OpenHelp,
    /// The fuzzy picker over every name and pledge.
    OpenPicker,
    /// Close the top layer.
    CloseLayer,
    /// Scroll the top layer, or move its cursor.
    LayerMove(Motion),
    /// A key typed into the top layer's text (picker, find line, editor, input).
    Edit(KeyEvent),
    /// Enter in the top layer: choose, confirm the input.
    Submit,
    /// "y" to the question on top.
    Confirmed,
    /// Plain-text find in the article or side by side: open the find line.
    OpenFind,
    /// Next (true) or previous find hit.
    FindStep(bool),
    ClearFind,
    /// Start selecting a passage (visual mode).
    Visual,
    VisualMove(VMove),
    /// Visual mode: the other end moves.
    VisualSwap,
    /// Open the note editor on what `Annotate` says.
    Annotate(Annotate),
    /// The note editor: save, cancel (asks if text would be lost), discard,
    /// next kind, other status.
    SaveNote,
    CancelEdit,
    DiscardEdit,
    NoteKindNext,
    NoteStatusNext,
    /// Notes pane: edit, resolve (or reopen), delete (asks) the note under the cursor.
    EditNote,
    ResolveNote,
    DeleteNote,
    DeleteNoteNow(String),
    /// Entity pane: merge (pick the other), split off an alias, rename, reject, retype.
    Merge,
    Split,
    Rename,
    Reject,
    Retype,
    /// Record a correction and analyse again; then select this entity (by id).
    Correct(Correction, Option<String>),
    /// Try again to write notes that could not be written.
    RetrySave,
    /// A left click at a screen position.
    Click(u16, u16),
    /// The mouse wheel at a screen position (positive is down).
    Wheel(u16, u16, i32),
}

impl PartialEq for Action {
    fn eq(&self, other: &Action) -> bool {
        use Action as A;
        match (self, other) {
            (A::Loaded(a), A::Loaded(b)) => Arc::ptr_eq(a, b),
            (A::Reanalysed(a, x), A::Reanalysed(b, y)) => Arc::ptr_eq(a, b) && x == y,
            (A::Resize(a, b), A::Resize(c, d)) | (A::Click(a, b), A::Click(c, d)) => a == c && b == d,
            (A::Focus(a), A::Focus(b)) => a == b,
            (A::Move(a), A::Move(b)) | (A::LayerMove(a), A::LayerMove(b)) => a == b,
            (A::Wheel(a, b, c), A::Wheel(d, e, f)) => a == d && b == e && c == f,
            (A::Edit(a), A::Edit(b)) => a == b,
            (A::FindStep(a), A::FindStep(b)) => a == b,
            (A::VisualMove(a), A::VisualMove(b)) => a == b,
            (A::Annotate(a), A::Annotate(b)) => a == b,
            (A::DeleteNoteNow(a), A::DeleteNoteNow(b)) => a == b,
            (A::Correct(a, x), A::Correct(b, y)) => a == b && x == y,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

/// The cursor and scroll position of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListPos {
    /// The selected row.
    pub sel: usize,
    /// The first row shown.
    pub offset: usize,
}

impl ListPos {
    /// Moves the cursor. `height(i)` is the screen lines of row `i`, `pick(i)`
    /// whether row `i` can be selected (headings cannot); `view` is the pane height.
    pub fn apply(
        &mut self,
        m: Motion,
        len: usize,
        view: usize,
        height: &dyn Fn(usize) -> usize,
        pick: &dyn Fn(usize) -> bool,
    ) {
        if len == 0 {
            *self = ListPos::default();
            return;
        }
        let last = len - 1;
        let next = |from: usize, down: bool| -> Option<usize> {
            if down {
                (from + 1..len).find(|&i| pick(i))
            } else {
                (0..from).rev().find(|&i| pick(i))
            }
        };
        // The row reached by moving from `from` over rows filling `lines` screen lines.
        let span = |from: usize, lines: usize, down: bool| -> usize {
            let mut used = 0;
            let mut i = from;
            loop {
                let n = if down {
                    if i >= last {
                        return i;
                    }
                    i + 1
                } else {
                    if i == 0 {
                        return i;
                    }
                    i - 1
                };
                used += height(n);
                if used > lines.max(1) {
                    return if i == from { n } else { i };
                }
                i = n;
            }
        };
        let target = match m {
            Motion::Up => next(self.sel, false).unwrap_or(self.sel),
            Motion::Down => next(self.sel, true).unwrap_or(self.sel),
            Motion::Top => (0..len).find(|&i| pick(i)).unwrap_or(0),
            Motion::Bottom => (0..len).rev().find(|&i| pick(i)).unwrap_or(last),
            Motion::PageDown => span(self.sel, view, true),
            Motion::PageUp => span(self.sel, view, false),
            Motion::HalfDown => span(self.sel, view / 2, true),
            Motion::HalfUp => span(self.sel, view / 2, false),
            Motion::By(n) => {
                let mut s = self.sel;
                for _ in 0..n.unsigned_abs() {
                    s = next(s, n > 0).unwrap_or(s);
                }
                s
            }
        };
        self.sel = if pick(target) {
            target
        } else {
            let down = !matches!(m, Motion::Up | Motion::PageUp | Motion::HalfUp | Motion::Top)
                && !matches!(m, Motion::By(n) if n < 0);
            next(target, down).or_else(|| next(target, !down)).unwrap_or(self.sel)
        };
        self.show(len, view, height);
    }

    /// Scrolls so that the cursor is in view (with the heading above it, if any).
    pub fn show(&mut self, len: usize, view: usize, height: &dyn Fn(usize) -> usize) {
        if len == 0 {
            *self = ListPos::default();
            return;
        }
        self.sel = self.sel.min(len - 1);
        if self.sel < self.offset {
            self.offset = self.sel;
        }
        if self.offset == self.sel && self.sel > 0 && height(self.sel - 1) == 1 && view > height(self.sel) {
            // Keep a one-line row above in view (a heading, or context).
            self.offset = self.sel - 1;
        }
        // The lowest first row that still shows the cursor's row whole.
        let mut lowest = self.sel;
        let mut used = height(self.sel);
        while lowest > 0 && used + height(lowest - 1) <= view {
            lowest -= 1;
            used += height(lowest);
        }
        self.offset = self.offset.max(lowest);
    }

    /// The row at `line` screen lines below the top of the list, if any.
    fn row_at(&self, line: usize, len: usize, height: &dyn Fn(usize) -> usize) -> Option<usize> {
        let mut y = 0;
        for i in self.offset..len {
            y += height(i);
            if line < y {
                return Some(i);
            }
        }
        None
    }
}

/// The document shown in the article pane, wrapped at the pane's width.
#[derive(Debug, Clone, Default)]
pub struct Article {
    pub doc: usize,
    /// The byte the top line starts at (stable across re-wrapping).
    pub top: u32,
    /// The mark the cursor is on, if any.
    pub cursor: Option<Span>,
    pub wrap: Wrapped,
    /// The document `wrap` is of.
    wrapped_doc: Option<usize>,
    /// Styled stretches of the text: every mark, the selection, the cursor,
    /// annotated spans, find hits, the visual selection.
    pub runs: Vec<Run>,
    /// Wrapped lines holding an annotated span, sorted (marked in the margin).
    pub note_lines: Vec<usize>,
    /// A byte to bring into view at the next prepare.
    reveal: Option<u32>,
}

impl Article {
    /// The index of the first line shown.
    pub fn top_line(&self) -> usize {
        self.wrap.line_of(self.top)
    }
}

/// What the reader shows once the analysis is done.
#[derive(Debug)]
pub struct Reader {
    pub a: Arc<Analysis>,
    pub view: View,
    pub focus: Pane,
    /// The list pane focused last (it keeps its room when the article is focused).
    pub last_list: Pane,
    /// What is followed: highlighted in the article, opened side by side.
    pub selection: Option<Selection>,
    pub docs: ListPos,
    /// Distinct entities named in each document.
    pub doc_entities: Vec<u32>,
    pub kind: KindFilter,
    pub entity_rows: Vec<usize>,
    pub entities: ListPos,
    pub figure_rows: FigureRows,
    pub figures: ListPos,
    pub disc_rows: Vec<DiscRow>,
    pub discs: ListPos,
    /// The notes pane, and the annotated spans the text views mark.
    pub notes: NotesView,
    pub article: Article,
    pub side: Option<SideBySide>,
    /// The article was opened from the side-by-side view; Esc goes back there.
    pub back_to_side: bool,
    /// The fuzzy search index over every entity and pledge (and the last results).
    pub searcher: Searcher,
    /// The plain-text find of the article or side-by-side view, when active.
    pub find: Option<Find>,
    /// The finds of shorter queries typed before this one (Backspace shows them again).
    pub find_earlier: Vec<Find>,
    /// A passage being selected to annotate (visual mode).
    pub visual: Option<Visual>,
}

/// An analysis with what the panes list and the search index, computed once.
/// Building it takes a moment on a big corpus, so the reader does it on the
/// background thread too.
#[derive(Debug)]
pub struct Loaded {
    pub a: Arc<Analysis>,
    pub doc_entities: Vec<u32>,
    pub figure_rows: FigureRows,
    pub disc_rows: Vec<DiscRow>,
    pub searcher: Searcher,
}

impl Loaded {
    pub fn new(a: Arc<Analysis>) -> Loaded {
        Loaded {
            doc_entities: rows::entities_per_doc(&a),
            figure_rows: FigureRows::new(&a),
            disc_rows: disc::rows(&a),
            searcher: Searcher::new(&a),
            a,
        }
    }
}

impl Clone for Loaded {
    /// The search index keeps its last results; a copy starts from a fresh one.
    fn clone(&self) -> Loaded {
        Loaded {
            a: Arc::clone(&self.a),
            doc_entities: self.doc_entities.clone(),
            figure_rows: self.figure_rows.clone(),
            disc_rows: self.disc_rows.clone(),
            searcher: Searcher::new(&self.a),
        }
    }
}

/// The analysis is running in the background.
#[derive(Debug)]
pub struct Loading {
    /// What is being read, for the loading screen.
    pub name: String,
    pub progress: Arc<Progress>,
    /// Ticks since loading began (drives the spinner).
    pub ticks: u32,
}

/// Loading or reading.
#[derive(Debug)]
pub enum Mode {
    Loading(Loading),
    Ready(Box<Reader>),
}

/// Work that `update` asks the event loop to do off the UI thread.
#[derive(Debug)]
pub enum Effect {
    /// Analyse the corpus again with the user's corrections, then send
    /// [`Action::Reanalysed`] selecting `select`.
    Reanalyse { corpus: Corpus, corrections: Corrections, select: Option<String>, progress: Arc<Progress> },
}

impl Effect {
    /// Does the work (blocking) and returns the action that reports it.
    pub fn run(self) -> Action {
        match self {
            Effect::Reanalyse { corpus, corrections, select, progress } => {
                let a = Analysis::run_reporting(corpus, &corrections, &progress);
                Action::Reanalysed(Arc::new(Loaded::new(Arc::new(a))), select)
            }
        }
    }
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub theme: Theme,
    /// The terminal size.
    pub size: (u16, u16),
    /// Popups over the view, bottom first; the top one gets keys first.
    pub layers: Vec<Layer>,
    pub mode: Mode,
    /// One sentence for the status bar, cleared by the next key.
    pub message: Option<String>,
    pub quit: bool,
    /// The notes file; `None` when there is nowhere to keep notes.
    pub notes: Option<NotesFile>,
    /// Work for the event loop to start (see [`Effect`]).
    pub effects: Vec<Effect>,
    /// A re-analysis after a correction is running.
    pub busy: Option<Busy>,
}

/// A re-analysis running in the background after a correction.
#[derive(Debug)]
pub struct Busy {
    pub progress: Arc<Progress>,
    /// Ticks since it began (drives the spinner).
    pub ticks: u32,
    /// The correction, in words ("“Smith” merged into “Jane Smith”").
    pub what: String,
}

impl App {
    /// A reader waiting for its analysis.
    pub fn loading(name: &str, progress: Arc<Progress>, theme: Theme, size: (u16, u16)) -> App {
        App {
            theme,
            size,
            layers: Vec::new(),
            mode: Mode::Loading(Loading { name: name.to_string(), progress, ticks: 0 }),
            message: None,
            quit: false,
            notes: None,
            effects: Vec::new(),
            busy: None,
        }
    }

    /// A reader on a finished analysis.
    pub fn new(a: Arc<Analysis>, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App::loading("", Arc::new(Progress::default()), theme, size);
        update(&mut app, Action::Loaded(Arc::new(Loaded::new(a))));
        app
    }

    /// Uses a notes file from now on (the reader shows its notes).
    pub fn set_notes(&mut self, file: NotesFile) {
        self.notes = Some(file);
        self.refresh_notes();
    }

    /// Takes a fresh snapshot of the notes file for the panes and text views.
    pub fn refresh_notes(&mut self) {
        if let Mode::Ready(r) = &mut self.mode {
            r.notes.refresh(self.notes.as_ref(), &r.a);
        }
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    pub fn reader(&self) -> Option<&Reader> {
        match &self.mode {
            Mode::Ready(r) => Some(r),
            Mode::Loading(_) => None,
        }
    }

    pub fn reader_mut(&mut self) -> Option<&mut Reader> {
        match &mut self.mode {
            Mode::Ready(r) => Some(r),
            Mode::Loading(_) => None,
        }
    }

    /// Brings every cache the draw functions read up to date with the state and
    /// the terminal size.
    pub fn prepare(&mut self) {
        let area = self.area();
        if let Mode::Ready(r) = &mut self.mode {
            if layout::fits(area) {
                r.prepare(area);
            }
        }
        for l in &mut self.layers {
            l.clamp(area);
        }
    }
}

/// Applies an action to the state.
pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Tick | Action::Resize(..) | Action::Loaded(_) | Action::RetrySave) {
        app.message = None;
    }
    match action {
        Action::ForceQuit => app.quit = true,
        Action::Resize(w, h) => app.size = (w, h),
        Action::Tick => {
            if let Mode::Loading(l) = &mut app.mode {
                l.ticks = l.ticks.wrapping_add(1);
            }
            if let Some(b) = &mut app.busy {
                b.ticks = b.ticks.wrapping_add(1);
            }
        }
        Action::Loaded(l) => {
            let l = Arc::try_unwrap(l).unwrap_or_else(|l| (*l).clone());
            let mut warnings = l.a.corpus.warnings.clone();
            if let Some(f) = &app.notes {
                warnings.extend(f.last_error.iter().map(ToString::to_string));
                warnings.extend(f.warnings());
            }
            app.message = load_message(&warnings);
            app.mode = Mode::Ready(Box::new(Reader::new(l)));
            app.refresh_notes();
            if app.message.is_none() {
                app.message = app.reader().and_then(|r| lost_message(&r.notes));
            }
        }
        Action::Reanalysed(l, select) => super::ops::reanalysed(app, l, select.as_deref()),
        Action::OpenHelp => {
            if !app.layers.iter().any(|l| matches!(l, Layer::Help { .. })) {
                app.layers.push(Layer::Help { scroll: 0 });
            }
        }
        Action::CloseLayer => {
            app.layers.pop();
        }
        Action::LayerMove(m) if matches!(app.layers.last(), Some(Layer::Help { .. })) => {
            if let Some(l) = app.layers.last_mut() {
                l.scroll(m, app.size.1);
            }
        }
        other => {
            if !super::ops::update(app, &other) {
                let area = app.area();
                if let Mode::Ready(r) = &mut app.mode {
                    if layout::fits(area) {
                        if let Some(msg) = r.update(&other, area) {
                            app.message = Some(msg);
                        }
                    }
                }
            }
        }
    }
    app.prepare();
}

/// One sentence about notes whose quotes are not found in this corpus.
fn lost_message(notes: &NotesView) -> Option<String> {
    let lost = notes.found.iter().filter(|f| f.iter().any(|x| x.span().is_none())).count();
    match lost {
        0 => None,
        1 => Some("One note quotes words no longer found in these documents; the notes pane (6) says why.".into()),
        n => Some(format!("{n} notes quote words no longer found in these documents; the notes pane (6) says why.")),
    }
}

/// One sentence about the inputs that were skipped or repaired.
fn load_message(warnings: &[String]) -> Option<String> {
    match warnings {
        [] => None,
        [one] => Some(crate::report::one_line(one)),
        many => Some(format!("{} inputs skipped or repaired (listed when the reader closes)", many.len())),
    }
}

impl Reader {
    pub fn new(l: Loaded) -> Reader {
        let Loaded { a, doc_entities, figure_rows, disc_rows, searcher } = l;
        let kind = KindFilter::People;
        let entity_rows = rows::entity_rows(&a, kind);
        let figures = ListPos { sel: figure_rows.first_selectable(), offset: 0 };
        let discs =
            ListPos { sel: disc_rows.iter().position(|r| matches!(r, DiscRow::Item(_))).unwrap_or(0), offset: 0 };
        let mut r = Reader {
            disc_rows,
            discs,
            notes: NotesView::default(),
            searcher,
            find: None,
            find_earlier: Vec::new(),
            visual: None,
            doc_entities,
            view: View::Main,
            focus: Pane::Entities,
            last_list: Pane::Entities,
            selection: None,
            docs: ListPos::default(),
            kind,
            entity_rows,
            entities: ListPos::default(),
            figure_rows,
            figures,
            article: Article::default(),
            side: None,
            back_to_side: false,
            a,
        };
        r.selection = r.list_selection(Pane::Entities);
        r
    }

    /// The selection the cursor of a list pane points at.
    fn list_selection(&self, p: Pane) -> Option<Selection> {
        match p {
            Pane::Entities => self.entity_rows.get(self.entities.sel).map(|&e| Selection::Entity(e)),
            Pane::Figures => self.figure_rows.rows.get(self.figures.sel).and_then(FigRow::selection),
            Pane::Discrepancies => match self.disc_rows.get(self.discs.sel) {
                Some(DiscRow::Item(i)) => Some(Selection::Discrepancy(*i)),
                _ => None,
            },
            Pane::Documents | Pane::Article | Pane::Notes => None,
        }
    }

    /// The discrepancy under the cursor of its pane.
    pub fn current_discrepancy(&self) -> Option<usize> {
        match self.disc_rows.get(self.discs.sel) {
            Some(DiscRow::Item(i)) => Some(*i),
            _ => None,
        }
    }

    /// Whether keys go to a text: the article, or the side-by-side view.
    pub fn in_text(&self) -> bool {
        self.view == View::SideBySide || self.focus == Pane::Article
    }

    /// Whether the right-hand pane shows the evidence of the discrepancy or the
    /// note under the cursor instead of the article (while those panes are focused).
    pub fn previewing(&self) -> bool {
        matches!(self.focus, Pane::Discrepancies | Pane::Notes)
    }

    pub fn doc_count(&self) -> usize {
        self.a.corpus.docs.len()
    }

    /// The main layout at this size.
    pub fn main_layout(&self, area: Rect) -> Main {
        layout::main(area, if self.focus.is_list() { self.focus } else { self.last_list })
    }

    /// Screen lines a list pane shows.
    fn list_view(&self, p: Pane, area: Rect) -> usize {
        let inner = layout::inner(self.main_layout(area).rect(p));
        let inner = if p == Pane::Entities { layout::entity_split(inner).0 } else { inner };
        usize::from(inner.height)
    }

    /// Where the article's text is drawn.
    pub fn article_view(&self, area: Rect) -> Rect {
        layout::article_text(layout::inner(self.main_layout(area).rect(Pane::Article)))
    }

    /// Applies an action; returns a message for the status bar, if any.
    fn update(&mut self, action: &Action, area: Rect) -> Option<String> {
        match *action {
            Action::FindStep(forward) => return self.find_step(forward),
            Action::ClearFind => self.find = None,
            Action::Visual => return self.start_visual(),
            Action::VisualMove(m) => self.visual_move(m),
            Action::VisualSwap => {
                if let Some(v) = &mut self.visual {
                    v.swap();
                }
            }
            Action::Back if self.visual.is_some() => self.visual = None,
            Action::Back if self.find.is_some() && self.in_text() => self.find = None,
            _ if self.view == View::SideBySide => return self.update_side(action, area),
            _ => return self.update_main(action, area),
        }
        None
    }

    fn update_main(&mut self, action: &Action, area: Rect) -> Option<String> {
        match *action {
            Action::Focus(p) => self.focus(p),
            Action::NextPane => self.focus(self.focus.step(1)),
            Action::PrevPane => self.focus(self.focus.step(-1)),
            Action::Move(m) => self.move_in(self.focus, m, area),
            Action::Activate => return self.activate(area),
            Action::Back => {
                if self.back_to_side && self.side.is_some() {
                    self.back_to_side = false;
                    self.view = View::SideBySide;
                } else if self.focus == Pane::Article {
                    self.focus = self.last_list;
                }
            }
            Action::CycleKind if self.focus == Pane::Notes => {
                self.notes.kind = super::notes::next_kind(self.notes.kind);
                let keep = self.notes.selected().map(|n| n.id.clone());
                self.notes.filter(keep.as_deref());
            }
            Action::CycleStatus if self.focus == Pane::Notes => {
                self.notes.status = self.notes.status.next();
                let keep = self.notes.selected().map(|n| n.id.clone());
                self.notes.filter(keep.as_deref());
            }
            Action::CycleKind => self.cycle_kind(),
            Action::NextMention => return self.step_mention(true),
            Action::PrevMention => return self.step_mention(false),
            Action::NextMark => self.step_mark(true),
            Action::PrevMark => self.step_mark(false),
            Action::Click(x, y) => return self.click(x, y, area),
            Action::Wheel(x, y, n) => {
                if let Some(p) = self.main_layout(area).pane_at(x, y) {
                    self.move_in(p, Motion::By(n), area);
                }
            }
            _ => {}
        }
        None
    }

    fn focus(&mut self, p: Pane) {
        self.focus = p;
        if p.is_list() {
            self.last_list = p;
        }
        if let Some(s) = self.list_selection(p) {
            self.selection = Some(s);
            self.article.cursor = None;
        }
    }

    fn move_in(&mut self, p: Pane, m: Motion, area: Rect) {
        let view = self.list_view(p, area);
        match p {
            Pane::Documents => {
                self.docs.apply(m, self.doc_count(), view, &|_| 2, &|_| true);
                self.open_doc(self.docs.sel, None);
            }
            Pane::Entities => {
                self.entities.apply(m, self.entity_rows.len(), view, &|_| 1, &|_| true);
                if let Some(s) = self.list_selection(p) {
                    self.selection = Some(s);
                    self.article.cursor = None;
                }
            }
            Pane::Figures => {
                let (rows, heights) = (&self.figure_rows.rows, &self.figure_rows.heights);
                self.figures.apply(m, rows.len(), view, &|i| usize::from(heights[i]), &|i| {
                    !matches!(rows[i], FigRow::Heading(_))
                });
                if let Some(s) = self.list_selection(p) {
                    self.selection = Some(s);
                    self.article.cursor = None;
                }
            }
            Pane::Discrepancies => {
                let rows = &self.disc_rows;
                self.discs.apply(m, rows.len(), view, &|_| 1, &|i| matches!(rows[i], DiscRow::Item(_)));
                if let Some(s) = self.list_selection(p) {
                    self.selection = Some(s);
                    self.article.cursor = None;
                }
            }
            Pane::Notes => self.notes.pos.apply(m, self.notes.rows.len(), view, &|_| 2, &|_| true),
            Pane::Article => {
                let h = usize::from(self.article_view(area).height).max(1);
                let w = &self.article.wrap;
                let top = self.article.top_line();
                let last_top = w.len().saturating_sub(h);
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
                self.article.top = w.start_of(line.min(last_top));
            }
        }
    }

    /// Shows a document in the article pane, with the cursor on `at` (brought into view).
    fn open_doc(&mut self, doc: usize, at: Option<Span>) {
        if doc >= self.doc_count() {
            return;
        }
        if self.article.doc != doc || self.article.wrapped_doc.is_none() {
            self.article.doc = doc;
            self.article.top = 0;
        }
        self.docs.sel = doc;
        self.article.cursor = at;
        self.article.reveal = at.map(|s| s.start);
    }

    fn activate(&mut self, area: Rect) -> Option<String> {
        match self.focus {
            Pane::Documents => {
                self.open_doc(self.docs.sel, None);
                self.focus(Pane::Article);
            }
            Pane::Entities | Pane::Figures => {
                let sel = self.list_selection(self.focus)?;
                if let Selection::Figure(f) = sel {
                    // A figure of one document: read it there.
                    let span = self.a.figures[f].span;
                    self.open_doc(span.doc(), Some(span));
                    self.focus(Pane::Article);
                    self.selection = Some(sel);
                    self.article.cursor = Some(span);
                } else {
                    self.open_side(sel, area);
                }
            }
            Pane::Discrepancies => match self.current_discrepancy() {
                Some(i) => self.open_side(Selection::Discrepancy(i), area),
                None => return Some("No discrepancies were found between these documents.".into()),
            },
            Pane::Notes => return self.open_note(),
            Pane::Article => match self.selection {
                Some(Selection::Figure(_)) => {
                    return Some("This figure is stated in one document only; nothing to compare.".into());
                }
                Some(sel) => self.open_side(sel, area),
                None => return Some("Select a name or figure first (] and [ step through them).".into()),
            },
        }
        None
    }

    /// Opens the side-by-side view on a selection.
    pub fn open_side(&mut self, sel: Selection, _area: Rect) {
        self.selection = Some(sel);
        self.side = Some(SideBySide::new(&self.a, sel));
        self.back_to_side = false;
        self.visual = None;
        self.view = View::SideBySide;
    }

    /// Opens the side-by-side view on the spans of the note under the cursor.
    fn open_note(&mut self) -> Option<String> {
        let n = self.notes.selected()?;
        let found = self.notes.selected_found();
        let spans: Vec<Span> = found.iter().filter_map(crate::notes::anchor::Found::span).collect();
        if spans.is_empty() {
            if n.anchors.is_empty() {
                return Some("This note quotes nothing; e edits it.".into());
            }
            let why = found
                .iter()
                .find_map(|f| match f {
                    crate::notes::anchor::Found::Lost(w) => Some(w.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            return Some(format!("None of its quotes are found in this corpus: {why}."));
        }
        let title = format!("Note: {}", crate::report::one_line(&n.text));
        let lost = found.len() - spans.len();
        self.side = Some(SideBySide::of_spans(&self.a, spans, title));
        self.back_to_side = false;
        self.visual = None;
        self.view = View::SideBySide;
        match lost {
            0 => None,
            1 => Some("One of its quotes is not found in this corpus (the notes pane says why).".into()),
            n => Some(format!("{n} of its quotes are not found in this corpus (the notes pane says why).")),
        }
    }

    /// Opens what the fuzzy picker chose: side by side, with the entity pane
    /// pointed at it (listing its kind if need be).
    pub fn open_chosen(&mut self, sel: Selection, area: Rect) {
        if let Selection::Entity(e) = sel {
            if !self.entity_rows.contains(&e) {
                let kind = self.a.entities.get(e).map(|x| x.kind);
                while self.kind != KindFilter::All && self.kind.kind() != kind {
                    self.kind = self.kind.next();
                }
                self.entity_rows = rows::entity_rows(&self.a, self.kind);
            }
        }
        self.open_side(sel, area);
        self.sync_lists();
    }

    fn cycle_kind(&mut self) {
        let current = self.entity_rows.get(self.entities.sel).copied();
        self.kind = self.kind.next();
        self.entity_rows = rows::entity_rows(&self.a, self.kind);
        let sel = current.and_then(|e| self.entity_rows.iter().position(|&x| x == e)).unwrap_or(0);
        self.entities = ListPos { sel, offset: 0 };
        if self.focus == Pane::Entities {
            if let Some(s) = self.list_selection(Pane::Entities) {
                self.selection = Some(s);
            }
        }
    }

    /// Moves the article to the next (or previous) mention of the selection in
    /// reading order, going on to the next document that has one.
    fn step_mention(&mut self, forward: bool) -> Option<String> {
        let Some(sel) = self.selection else {
            return Some("Nothing selected: choose a name or figure first.".into());
        };
        let spans = sorted_spans(&self.a, sel);
        if spans.is_empty() {
            return Some("No mentions.".into());
        }
        let here = self.article.cursor.unwrap_or(Span::new(self.article.doc, self.article.top as usize, 0));
        let here = (here.doc, here.start);
        let (next, wrapped) = if forward {
            match spans.iter().find(|s| (s.doc, s.start) > here) {
                Some(s) => (*s, false),
                None => (spans[0], true),
            }
        } else {
            match spans.iter().rev().find(|s| (s.doc, s.start) < here) {
                Some(s) => (*s, false),
                None => (spans[spans.len() - 1], true),
            }
        };
        self.open_doc(next.doc(), Some(next));
        self.sync_lists();
        wrapped.then(|| if forward { "Back at the first mention." } else { "Back at the last mention." }.to_string())
    }

    /// Moves the article's cursor to the next (or previous) mark and selects what it marks.
    fn step_mark(&mut self, forward: bool) {
        let Some(view) = self.a.views.get(self.article.doc) else {
            return;
        };
        let here = self.article.cursor.map(|s| (s.start, s.end));
        let top = self.article.top;
        let mark = if forward {
            view.marks.iter().find(|(s, _)| here.map_or(s.start >= top, |h| (s.start, s.end) > h))
        } else {
            view.marks.iter().rev().find(|(s, _)| here.map_or(s.start < top, |h| (s.start, s.end) < h))
        };
        let mark = mark.or(if forward { view.marks.first() } else { view.marks.last() });
        if let Some(&(span, target)) = mark {
            self.select_mark(span, target);
        }
    }

    fn select_mark(&mut self, span: Span, target: Target) {
        self.article.cursor = Some(span);
        self.article.reveal = Some(span.start);
        self.selection = Some(rows::selection_of(&self.a, target));
        self.sync_lists();
    }

    /// Points the entity and figure lists at the selection, when they list it.
    fn sync_lists(&mut self) {
        match self.selection {
            Some(Selection::Entity(e)) => {
                if let Some(i) = self.entity_rows.iter().position(|&x| x == e) {
                    self.entities.sel = i;
                }
            }
            Some(s) => {
                if let Some(i) = self.figure_rows.row_of(s) {
                    self.figures.sel = i;
                }
            }
            None => {}
        }
    }

    fn click(&mut self, x: u16, y: u16, area: Rect) -> Option<String> {
        let lay = self.main_layout(area);
        let p = lay.pane_at(x, y)?;
        let was_focused = self.focus == p;
        if p != self.focus {
            self.focus(p);
        }
        let inner = layout::inner(lay.rect(p));
        if !layout::contains(inner, x, y) {
            return None;
        }
        let line = usize::from(y - inner.y);
        let (pos, len, height): (ListPos, usize, Box<dyn Fn(usize) -> usize + '_>) = match p {
            Pane::Documents => (self.docs, self.doc_count(), Box::new(|_| 2)),
            Pane::Entities => {
                if !layout::contains(layout::entity_split(inner).0, x, y) {
                    return None;
                }
                (self.entities, self.entity_rows.len(), Box::new(|_| 1))
            }
            Pane::Figures => {
                let h = &self.figure_rows.heights;
                (self.figures, self.figure_rows.rows.len(), Box::new(move |i| usize::from(h[i])))
            }
            Pane::Discrepancies => (self.discs, self.disc_rows.len(), Box::new(|_| 1)),
            Pane::Notes => (self.notes.pos, self.notes.rows.len(), Box::new(|_| 2)),
            Pane::Article => {
                let text = self.article_view(area);
                if !layout::contains(text, x, y) {
                    return None;
                }
                let at = self.article.top_line() + line;
                let wl = *self.article.wrap.lines.get(at)?;
                let flat = &self.a.views[self.article.doc].flat;
                let byte = byte_at_column(flat, wl, usize::from(x - text.x))?;
                let hit =
                    self.a.views[self.article.doc].marks.iter().find(|(s, _)| s.start <= byte && byte < s.end).copied();
                if let Some((span, target)) = hit {
                    self.select_mark(span, target);
                }
                return None;
            }
        };
        let row = pos.row_at(line, len, &*height)?;
        drop(height);
        if p == Pane::Figures && matches!(self.figure_rows.rows[row], FigRow::Heading(_)) {
            return None;
        }
        if p == Pane::Discrepancies && matches!(self.disc_rows[row], DiscRow::Heading(..)) {
            return None;
        }
        let again = was_focused && row == pos.sel;
        match p {
            Pane::Documents => {
                self.docs.sel = row;
                self.open_doc(row, None);
            }
            Pane::Entities => self.entities.sel = row,
            Pane::Discrepancies => self.discs.sel = row,
            Pane::Notes => self.notes.pos.sel = row,
            _ => self.figures.sel = row,
        }
        if let Some(s) = self.list_selection(p) {
            self.selection = Some(s);
            self.article.cursor = None;
        }
        if again {
            return self.activate(area);
        }
        None
    }

    fn update_side(&mut self, action: &Action, area: Rect) -> Option<String> {
        let Some(side) = self.side.as_mut() else {
            self.view = View::Main;
            return None;
        };
        match *action {
            Action::Move(m) => side.scroll(m),
            Action::ColumnLeft => side.focus_column(-1),
            Action::ColumnRight => side.focus_column(1),
            Action::NextMention => return side.step(true),
            Action::PrevMention => return side.step(false),
            Action::ToggleUnmentioned => side.toggle_unmentioned(),
            Action::Click(x, y) => side.click(&self.a, x, y, area),
            Action::Wheel(x, y, n) => side.wheel(x, y, n),
            Action::Back => self.view = View::Main,
            Action::Activate => {
                let sel = side.sel;
                let (doc, at) = side.open_target()?;
                self.view = View::Main;
                self.focus(Pane::Article);
                if sel.is_some() {
                    self.selection = sel;
                }
                self.open_doc(doc, at);
                self.back_to_side = true;
            }
            Action::Focus(p) => {
                self.view = View::Main;
                self.focus(p);
            }
            _ => {}
        }
        None
    }

    /// Brings caches up to date (wrapping, runs, visible rows and columns).
    fn prepare(&mut self, area: Rect) {
        // Lists: the cursor in view.
        for p in Pane::ALL.into_iter().filter(|p| p.is_list()) {
            let view = self.list_view(p, area);
            match p {
                Pane::Documents => self.docs.show(self.doc_count(), view, &|_| 2),
                Pane::Entities => self.entities.show(self.entity_rows.len(), view, &|_| 1),
                Pane::Figures => {
                    let h = &self.figure_rows.heights;
                    self.figures.show(self.figure_rows.rows.len(), view, &|i| usize::from(h[i]));
                }
                Pane::Discrepancies => self.discs.show(self.disc_rows.len(), view, &|_| 1),
                Pane::Notes => self.notes.pos.show(self.notes.rows.len(), view, &|_| 2),
                Pane::Article => {}
            }
        }
        // A find follows the view: the article's document, or the columns.
        if let Some(f) = &self.find {
            let scope = self.find_scope();
            if f.scope != scope {
                let query = f.query.clone();
                self.set_find(&query);
            }
        }
        if self.visual.is_some_and(|v| v.doc != self.visual_doc()) {
            self.visual = None;
        }
        self.prepare_article(self.article_view(area));
        if self.view == View::SideBySide {
            if let Some(side) = &mut self.side {
                let overlay = Overlay { notes: &self.notes, find: self.find.as_ref(), visual: self.visual };
                side.prepare(&self.a, area, &overlay);
            }
        }
    }

    fn prepare_article(&mut self, rect: Rect) {
        let Some(view) = self.a.views.get(self.article.doc) else {
            return;
        };
        let art = &mut self.article;
        if art.wrap.width != rect.width || art.wrapped_doc != Some(art.doc) {
            art.wrap = Wrapped::new(&view.flat, rect.width);
            art.wrapped_doc = Some(art.doc);
        }
        let h = usize::from(rect.height).max(1);
        let mut top = art.top_line();
        if let Some(at) = art.reveal.take() {
            let line = art.wrap.line_of(at);
            if line < top || line >= top + h {
                top = line.saturating_sub(h / 3);
            }
        }
        top = top.min(art.wrap.len().saturating_sub(h));
        art.top = art.wrap.start_of(top);
        // Marks: every mention subtly, the selection strongly, the cursor most;
        // annotated spans, find hits and the visual selection on top.
        let mut spans: Vec<(u32, u32, Mark)> = view
            .marks
            .iter()
            .map(|(s, t)| (s.start, s.end, if matches!(t, Target::Entity(_)) { Mark::Entity } else { Mark::Figure }))
            .collect();
        if let Some(sel) = self.selection {
            for s in self.a.spans_of(sel) {
                if s.doc() == art.doc {
                    spans.push((s.start, s.end, Mark::Selected));
                }
            }
        }
        if let Some(c) = art.cursor.filter(|c| c.doc() == art.doc) {
            spans.push((c.start, c.end, Mark::Current));
        }
        let overlay = Overlay { notes: &self.notes, find: self.find.as_ref(), visual: self.visual };
        overlay.marks(art.doc, &view.flat, &mut spans);
        art.note_lines = overlay.note_lines(art.doc, &art.wrap);
        art.runs = wrap::runs(spans);
    }

    /// Where a find looks now: the columns side by side, else the article.
    fn find_scope(&self) -> Scope {
        match (&self.side, self.view) {
            (Some(side), View::SideBySide) => Scope::Side((0..side.columns()).filter_map(|c| side.doc_of(c)).collect()),
            _ => Scope::Article(self.article.doc),
        }
    }

    /// Finds `query` in the current view and brings the first hit at or after
    /// the top of the view into it (an empty query finds nothing, but stays).
    pub fn set_find(&mut self, query: &str) {
        let views = &self.a.views;
        let text = |d: usize| views.get(d).map_or("", |v| &*v.flat);
        let scope = self.find_scope();
        // Finds of the shorter queries typed before stay, for Backspace.
        self.find_earlier.retain(|e| e.scope == scope && query.starts_with(e.query.as_str()));
        let mut f = if let Some(i) = self.find_earlier.iter().position(|e| e.query == query) {
            self.find_earlier.swap_remove(i)
        } else {
            match &self.find {
                Some(old) if old.scope == scope => old.refine(query, text),
                _ => Find::new(query, scope, text),
            }
        };
        if let Some(old) = self.find.take().filter(|o| o.scope == f.scope && query.starts_with(o.query.as_str())) {
            if old.query != query {
                self.find_earlier.push(old);
            }
        }
        let (doc, byte) = self.view_top();
        f.seek(doc, byte);
        self.find = Some(f);
        self.reveal_find();
    }

    /// The document and byte at the top of the focused text.
    fn view_top(&self) -> (usize, u32) {
        match (&self.side, self.view) {
            (Some(side), View::SideBySide) => {
                let doc = side.doc_of(side.focus).unwrap_or(0);
                (doc, side.top_byte(doc))
            }
            _ => (self.article.doc, self.article.top),
        }
    }

    fn find_step(&mut self, forward: bool) -> Option<String> {
        let f = self.find.as_mut()?;
        let msg = f.step(forward);
        self.reveal_find();
        msg
    }

    /// Brings the current find hit into view.
    fn reveal_find(&mut self) {
        let Some(hit) = self.find.as_ref().and_then(Find::current) else { return };
        match (&mut self.side, self.view) {
            (Some(side), View::SideBySide) => side.show(hit),
            _ => {
                if hit.doc() == self.article.doc {
                    self.article.reveal = Some(hit.start);
                }
            }
        }
    }

    /// The document visual mode works in: the focused column, or the article's.
    fn visual_doc(&self) -> usize {
        match (&self.side, self.view) {
            (Some(side), View::SideBySide) => side.doc_of(side.focus).unwrap_or(usize::MAX),
            _ => self.article.doc,
        }
    }

    /// Starts selecting a passage at the cursor's mention, or at the first word
    /// shown when the cursor is elsewhere.
    fn start_visual(&mut self) -> Option<String> {
        let doc = self.visual_doc();
        let text = &self.a.views.get(doc)?.flat;
        let cursor = match (&self.side, self.view) {
            (Some(side), View::SideBySide) => side.current(),
            _ => self.article.cursor,
        };
        let (start, end) = match cursor.filter(|c| c.doc() == doc) {
            Some(c) => (c.start as usize, c.end as usize),
            None => visual::word_at(text, self.view_top().1 as usize),
        };
        if start >= end {
            return Some("Nothing to select here.".into());
        }
        self.visual = Some(Visual::new(doc, start as u32, end as u32));
        None
    }

    fn visual_move(&mut self, m: VMove) {
        let Some(v) = &mut self.visual else { return };
        let Some(view) = self.a.views.get(v.doc) else { return };
        let wrap = match (&self.side, self.view) {
            (Some(side), View::SideBySide) => side.visible.iter().find(|c| c.doc == v.doc).map(|c| &c.wrap),
            _ => Some(&self.article.wrap),
        };
        v.apply(m, &view.flat, wrap, &view.sentences);
        let at = Span::new(v.doc, v.moving as usize, v.moving as usize);
        match (&mut self.side, self.view) {
            (Some(side), View::SideBySide) => side.show(at),
            _ => self.article.reveal = Some(at.start),
        }
    }

    /// The passage selected in visual mode.
    pub fn visual_span(&self) -> Option<Span> {
        let v = self.visual?;
        let text = &self.a.views.get(v.doc)?.flat;
        Some(v.span(text)).filter(|s| s.start < s.end)
    }
}

/// Every mention of a selection, in reading order.
pub fn sorted_spans(a: &Analysis, sel: Selection) -> Vec<Span> {
    let mut v = a.spans_of(sel);
    v.sort_unstable_by_key(|s| (s.doc, s.start, s.end));
    v.dedup();
    v
}

/// The byte of a wrapped line drawn at display column `col`.
pub fn byte_at_column(text: &str, line: wrap::WLine, col: usize) -> Option<u32> {
    let s = text.get(line.start as usize..line.end as usize)?;
    let mut x = 0;
    for (i, cl) in wrap::clusters(s) {
        x += wrap::width(cl);
        if col < x {
            return Some(line.start + i as u32);
        }
    }
    None
}
