//! Layers over the view: popups that take the keys first.
//!
//! `App::layers` is a stack; the top layer sees each key first
//! (`keys::layer_key`) and either consumes it or passes it on, and is drawn last
//! (`popup::draw_layer`). To add a popup, add a variant holding its state, then
//! its arms in `keys::layer_key`, `keys::context`, `keys::mouse_action`,
//! [`Layer::scroll`]/[`Layer::clamp`] if it scrolls, `ops::update` for what its
//! actions do, and `popup::draw_layer`; push it from `update` with an action.

use ratatui::layout::Rect;

use super::app::{Action, ListPos, Motion};
use super::input::LineInput;
use super::keys::{Context, TABLE};
use super::layout;
use super::notes::Editor;
use crate::search::Hit;

/// A popup over the view.
#[derive(Debug, Clone)]
pub enum Layer {
    /// Every key of every pane.
    Help {
        /// The first help line shown.
        scroll: u16,
    },
    /// The fuzzy picker over every entity and pledge.
    Picker(Box<Picker>),
    /// The note editor.
    Editor(Box<Editor>),
    /// A yes/no question; `yes` is done on "y".
    Confirm { question: String, yes: Box<Action> },
    /// A choice among a few options (an alias to split off, a kind).
    Choose { title: String, options: Vec<String>, pos: ListPos, then: ChooseFor },
    /// A one-line input (a new name).
    Input { title: String, input: LineInput, then: InputFor },
    /// The find line of the plain-text find.
    Find { input: LineInput },
}

/// What the fuzzy picker is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// Open the choice side by side.
    Open,
    /// Merge this entity (index) into the choice.
    Merge(usize),
}

/// The fuzzy picker's state.
#[derive(Debug, Clone)]
pub struct Picker {
    pub input: LineInput,
    pub purpose: PickFor,
    /// The results listed, best first: all of the search's, or the entities
    /// that can be merged with.
    pub hits: Vec<Hit>,
    pub pos: ListPos,
    /// The results of the shorter queries typed before this one, so that
    /// Backspace shows them again without searching.
    pub earlier: Vec<(String, Vec<Hit>)>,
}

/// What a choice is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooseFor {
    /// Split the chosen alias off this entity.
    Split(usize),
    /// Give this entity the chosen kind.
    Retype(usize),
}

/// What a one-line input is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFor {
    /// A new name for this entity.
    Rename(usize),
}

impl Layer {
    /// Scrolls the layer (on a screen `height` lines tall).
    pub fn scroll(&mut self, m: Motion, height: u16) {
        if let Layer::Help { scroll } = self {
            let page = i32::from(height.saturating_sub(4)).max(1);
            let by = match m {
                Motion::Up => -1,
                Motion::Down => 1,
                Motion::Top => -i32::from(u16::MAX),
                Motion::Bottom => i32::from(u16::MAX),
                Motion::PageUp => -page,
                Motion::PageDown => page,
                Motion::HalfUp => -page / 2,
                Motion::HalfDown => page / 2,
                Motion::By(n) => n,
            };
            *scroll = (i32::from(*scroll) + by).clamp(0, i32::from(u16::MAX)) as u16;
        }
    }

    /// Keeps the scroll position within the content at this screen size.
    pub fn clamp(&mut self, area: Rect) {
        match self {
            Layer::Help { scroll } => {
                let view = usize::from(layout::inner(layout::help(area)).height);
                let max = help_len(area).saturating_sub(view);
                *scroll = (*scroll).min(max as u16);
            }
            Layer::Picker(p) => p.pos.show(p.hits.len(), picker_rows(area), &|_| 1),
            Layer::Choose { options, pos, .. } => pos.show(options.len(), choose_rows(area, options.len()), &|_| 1),
            _ => {}
        }
    }
}

/// Result rows the picker shows at this screen size (below the query line and a rule).
pub fn picker_rows(area: Rect) -> usize {
    usize::from(layout::inner(layout::picker(area)).height.saturating_sub(2))
}

/// The dialog of a choice among `n` options (a title line, a blank, the options).
pub fn choose_rect(area: Rect, n: usize) -> Rect {
    layout::dialog(area, (n as u16).saturating_add(2).min(area.height.saturating_sub(4)))
}

/// Options a choice shows at this screen size.
pub fn choose_rows(area: Rect, n: usize) -> usize {
    usize::from(layout::inner(choose_rect(area, n)).height.saturating_sub(2))
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Title(&'static str),
    /// A key and (part of) what it does; continuation lines have no key.
    Key(Option<&'static str>, String),
    Blank,
}

/// Width of the key column of the help (the longest key, plus a gap).
pub fn key_column() -> usize {
    TABLE.iter().flat_map(|(_, _, keys)| keys.iter()).map(|k| super::wrap::width(k.keys)).max().unwrap_or(0) + 2
}

/// The help overlay's content at an inner width: every context's keys, with
/// long descriptions wrapped under themselves.
pub fn help_lines(width: u16) -> Vec<HelpLine> {
    let text_w = usize::from(width).saturating_sub(3 + key_column()).max(10);
    let mut out = Vec::new();
    for (ctx, title, keys) in TABLE {
        if *ctx == Context::Loading {
            continue;
        }
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Title(title));
        for k in *keys {
            for (i, l) in super::wrap::wrap(k.what, text_w).iter().enumerate() {
                let part = k.what[l.start as usize..l.end as usize].to_string();
                out.push(HelpLine::Key((i == 0).then_some(k.keys), part));
            }
        }
    }
    out
}

/// Number of help lines on a screen of this size.
pub fn help_len(area: Rect) -> usize {
    help_lines(layout::inner(layout::help(area)).width).len()
}
