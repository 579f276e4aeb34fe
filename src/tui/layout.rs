//! Where everything goes on the screen. Pure functions of the terminal size (and
//! the focused pane), shared by `update` (paging, mouse hits, keeping things in
//! view) and by the draw functions, so the two never disagree.

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::Pane;

/// Below this size the reader shows one line asking for a bigger terminal.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Side-by-side columns are at least this wide (borders included).
pub const MIN_COLUMN: u16 = 36;

/// True when the reader can draw its panes at this size.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// The main view: the list panes stacked on the left, the article on the right,
/// the status bar at the bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Main {
    /// Every pane with its outer rectangle (border included), in [`Pane::ALL`] order.
    pub panes: Vec<(Pane, Rect)>,
    pub status: Rect,
}

impl Main {
    pub fn rect(&self, pane: Pane) -> Rect {
        self.panes.iter().find(|(p, _)| *p == pane).map_or(Rect::default(), |(_, r)| *r)
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        self.panes.iter().find(|(_, r)| contains(*r, x, y)).map(|(p, _)| *p)
    }
}

/// True if (x, y) lies in `r`.
pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect { x: r.x + 1, y: r.y + 1, width: r.width.saturating_sub(2), height: r.height.saturating_sub(2) }
}

/// Lays out the main view. `tall` is the list pane that gets more room on a short
/// terminal (the focused one, or the last list focused).
pub fn main(area: Rect, tall: Pane) -> Main {
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let left_w = (u32::from(body.width) * 38 / 100).clamp(34, 72) as u16;
    let [left, right] = Layout::horizontal([Constraint::Length(left_w), Constraint::Min(1)]).areas(body);
    let lists: Vec<Pane> = Pane::ALL.iter().copied().filter(|p| p.is_list()).collect();
    // On a tall terminal the list panes share the column in fixed proportions; on a
    // short one the pane in use takes what the others, folded to two lines, one
    // line or only their title, leave.
    let constraints: Vec<Constraint> = if left.height >= TALL {
        lists.iter().map(|p| Constraint::Fill(p.weight())).collect()
    } else {
        let others = (lists.len() as u16).saturating_sub(1).max(1);
        let folded = (left.height.saturating_sub(9) / others).clamp(2, 4);
        lists.iter().map(|&p| if p == tall { Constraint::Fill(1) } else { Constraint::Length(folded) }).collect()
    };
    let rects = Layout::vertical(constraints).split(left);
    let mut panes: Vec<(Pane, Rect)> = lists.iter().copied().zip(rects.iter().copied()).collect();
    panes.push((Pane::Article, right));
    panes.sort_by_key(|(p, _)| p.number());
    Main { panes, status }
}

/// From this height of the left column on, the list panes keep fixed proportions.
pub const TALL: u16 = 40;

/// Article lines are at most this wide: long lines are hard to read.
pub const MAX_TEXT: u16 = 100;

/// Where the article's text goes inside its pane: a column of margin on the
/// left, at most [`MAX_TEXT`] wide.
pub fn article_text(inner: Rect) -> Rect {
    let width = inner.width.saturating_sub(2).min(MAX_TEXT);
    Rect { x: inner.x + 1.min(inner.width), width, ..inner }
}

/// The entity pane's inside: the list, and below it two lines on the selected
/// entity (aliases, roles) when there is room.
pub fn entity_split(inner: Rect) -> (Rect, Rect) {
    if inner.height >= 7 {
        let [list, detail] = Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(inner);
        (list, detail)
    } else {
        (inner, Rect { y: inner.bottom(), height: 0, ..inner })
    }
}

/// The side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// One line: what is followed, which columns and which mention are shown.
    pub title: Rect,
    /// Evidence lines under the title (a discrepancy's diffs); may be empty.
    pub evidence: Rect,
    /// The visible columns, left to right.
    pub columns: Vec<Rect>,
    /// One line: the documents that do not mention the selection.
    pub footer: Rect,
    pub status: Rect,
}

/// How many side-by-side columns fit in `width` (at least one).
pub fn columns_that_fit(width: u16) -> usize {
    usize::from((width / MIN_COLUMN).max(1))
}

/// Lays out the side-by-side view with `shown` columns (those that fit, at most)
/// and `evidence` lines above them.
pub fn side(area: Rect, shown: usize, evidence: u16) -> Side {
    let [title, evidence, body, footer, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(evidence),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let n = shown.clamp(1, columns_that_fit(body.width));
    let columns = Layout::horizontal(vec![Constraint::Fill(1); n]).split(body).to_vec();
    Side { title, evidence, columns, footer, status }
}

/// The help overlay: centred, as large as useful.
pub fn help(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(96);
    let h = area.height.saturating_sub(2);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// The fuzzy picker: centred, wide enough for a name, its kind and an alias.
pub fn picker(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(4).min(26);
    centered(area, w, h)
}

/// The note editor: centred, a comfortable writing width.
pub fn editor(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(90);
    let h = area.height.saturating_sub(2).min(20);
    centered(area, w, h)
}

/// Columns the note editor's text fills (one is left for the cursor at a line's end).
pub fn editor_width(area: Rect) -> usize {
    usize::from(editor(area).width.saturating_sub(5)).max(10)
}

/// A small dialog (a question, a choice, a one-line input) with `lines` of content.
pub fn dialog(area: Rect, lines: u16) -> Rect {
    let w = area.width.saturating_sub(4).min(72);
    centered(area, w, lines.saturating_add(2).min(area.height))
}

/// A box of the given size centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_layout_covers_the_screen() {
        for (w, h) in [(60, 15), (80, 24), (120, 36), (200, 50)] {
            let area = Rect::new(0, 0, w, h);
            let m = main(area, Pane::Entities);
            assert_eq!(m.panes.len(), Pane::ALL.len());
            assert_eq!(m.status, Rect::new(0, h - 1, w, 1));
            let total: u32 = m.panes.iter().map(|(_, r)| u32::from(r.width) * u32::from(r.height)).sum();
            assert_eq!(total, u32::from(w) * u32::from(h - 1), "{w}x{h}");
            for (p, r) in &m.panes {
                // A folded pane shows at least its title.
                assert!(r.height >= 2, "{p:?} too small at {w}x{h}: {r:?}");
            }
            assert!(m.rect(Pane::Entities).height >= 6, "the pane in use has room at {w}x{h}");
            assert_eq!(m.pane_at(w - 1, 0), Some(Pane::Article));
        }
    }

    #[test]
    fn short_terminals_give_the_focused_list_the_room() {
        let m = main(Rect::new(0, 0, 80, 24), Pane::Figures);
        assert!(m.rect(Pane::Figures).height > m.rect(Pane::Documents).height);
    }

    #[test]
    fn side_columns_fit_the_width() {
        assert_eq!(columns_that_fit(80), 2);
        assert_eq!(columns_that_fit(200), 5);
        assert_eq!(columns_that_fit(20), 1);
        let s = side(Rect::new(0, 0, 200, 50), 3, 0);
        assert_eq!(s.columns.len(), 3);
        assert_eq!(s.columns.iter().map(|r| r.width).sum::<u16>(), 200);
        assert_eq!(s.evidence.height, 0);
        let s = side(Rect::new(0, 0, 80, 24), 9, 1);
        assert_eq!(s.columns.len(), 2);
        assert_eq!((s.evidence.y, s.evidence.height), (1, 1));
        assert_eq!(s.columns[0].y, 2);
    }
}
