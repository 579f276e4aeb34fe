//! Layers over the view: popups that take the keys first.
//!
//! `App::layers` is a stack; the top layer sees each key first
//! (`keys::layer_key`) and either consumes it or passes it on, and is drawn last
//! (`draw::layer`). To add a popup (a fuzzy-search picker, a note editor, a
//! confirmation), add a variant holding its state, then its arms in
//! `keys::layer_key`, `keys::mouse_action`, [`Layer::scroll`]/[`Layer::clamp`] if
//! it scrolls, and `draw::layer`; push it from `update` with an action.

use ratatui::layout::Rect;

use super::app::Motion;
use super::keys::{Context, TABLE};
use super::layout;

/// A popup over the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layer {
    /// Every key of every pane.
    Help {
        /// The first help line shown.
        scroll: u16,
    },
}

impl Layer {
    /// Scrolls the layer (on a screen `height` lines tall).
    pub fn scroll(&mut self, m: Motion, height: u16) {
        match self {
            Layer::Help { scroll } => {
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
    }

    /// Keeps the scroll position within the content at this screen size.
    pub fn clamp(&mut self, area: Rect) {
        match self {
            Layer::Help { scroll } => {
                let view = usize::from(layout::inner(layout::help(area)).height);
                let max = help_len(area).saturating_sub(view);
                *scroll = (*scroll).min(max as u16);
            }
        }
    }
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
