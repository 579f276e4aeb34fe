//! Keys and the mouse: pure functions from the state and an input event to an
//! [`Action`], testable without a terminal, and the key table that the help
//! overlay and the status bar show (one table, so they cannot disagree).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::app::{Action, App, Mode, Motion, Pane, View};
use super::layer::Layer;
use super::layout;

/// Where keys are being read: the top layer, or the view and focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Everywhere,
    Loading,
    Documents,
    Entities,
    Figures,
    Article,
    SideBySide,
    Help,
}

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct KeyDoc {
    pub keys: &'static str,
    pub what: &'static str,
    /// Shown in the status bar when the context is focused (short form).
    pub hint: Option<&'static str>,
}

const fn k(keys: &'static str, what: &'static str) -> KeyDoc {
    KeyDoc { keys, what, hint: None }
}

const fn h(keys: &'static str, what: &'static str, hint: &'static str) -> KeyDoc {
    KeyDoc { keys, what, hint: Some(hint) }
}

/// The keys of every context, in the order the help lists them.
pub const TABLE: &[(Context, &str, &[KeyDoc])] = &[
    (
        Context::Everywhere,
        "Everywhere",
        &[
            h("Tab / Shift-Tab", "next / previous pane", "pane"),
            k("1 2 3 4", "Documents, Entities, Figures, Article"),
            k("j k / ↓ ↑", "move down / up (scroll, in text)"),
            k("g G / Home End", "first / last"),
            k("PgDn PgUp / Ctrl-f Ctrl-b", "a page down / up"),
            k("Ctrl-d Ctrl-u", "half a page down / up"),
            k("Enter", "choose: open, or show side by side"),
            k("Esc", "back"),
            h("n N", "next / previous mention of the selection", "next mention"),
            h("? / F1", "this help", "help"),
            h("q / Ctrl-c", "quit", "quit"),
            k("mouse", "click to focus and select (again to open); wheel to scroll"),
        ],
    ),
    (
        Context::Documents,
        "Documents",
        &[
            h("j k", "choose a document (the article shows it)", "move"),
            h("Enter", "read it in the article pane", "read"),
        ],
    ),
    (
        Context::Entities,
        "Entities",
        &[
            h("j k", "choose a person, organisation or place (highlighted in the article)", "move"),
            h("Enter", "every mention of it, side by side", "side by side"),
            h("t", "people → organisations → places → all", "kind"),
        ],
    ),
    (
        Context::Figures,
        "Figures",
        &[
            h("j k", "choose a pledge or figure (≠ values differ, ~ hedged differently)", "move"),
            h("Enter", "a pledge side by side; a single figure in its article", "open"),
        ],
    ),
    (
        Context::Article,
        "Article",
        &[
            h("j k", "scroll", "scroll"),
            h("] [ / → ←", "next / previous name or figure (selects it)", "next name"),
            h("n N", "next / previous mention of the selection, on into other documents", "mention"),
            h("Enter", "the selection side by side", "side by side"),
            h("Esc", "back (to the side-by-side view, if it opened this)", "back"),
        ],
    ),
    (
        Context::SideBySide,
        "Side by side",
        &[
            h("n N", "next / previous mention, across all columns in reading order", "next mention"),
            h("h l / ← →", "column to the left / right (the columns scroll sideways)", "column"),
            h("j k g G PgDn PgUp", "scroll the focused column", "scroll"),
            h("a", "show / fold the documents that do not mention it", "all docs"),
            h("Enter", "open the focused column's document at that mention", "open"),
            h("Esc", "back to the panes", "back"),
        ],
    ),
    (Context::Help, "Help", &[h("j k PgDn PgUp", "scroll this help", "scroll"), h("Esc / ? / q", "close it", "close")]),
];

/// The keys of one context.
pub fn keys_of(ctx: Context) -> &'static [KeyDoc] {
    TABLE.iter().find(|(c, _, _)| *c == ctx).map_or(&[], |(_, _, k)| k)
}

/// The status-bar hints for a context: its own, then the global ones that matter.
pub fn hints(ctx: Context) -> Vec<(&'static str, &'static str)> {
    let own = keys_of(ctx).iter().filter_map(|k| k.hint.map(|h| (short_keys(k.keys), h)));
    let global = keys_of(Context::Everywhere)
        .iter()
        .filter(|k| ctx != Context::Loading || matches!(k.hint, Some("help" | "quit")))
        .filter_map(|k| k.hint.map(|h| (short_keys(k.keys), h)));
    let mut out: Vec<(&str, &str)> = own.collect();
    for g in global {
        if ctx == Context::Help {
            break;
        }
        if !out.iter().any(|o| o.1 == g.1 || o.0 == g.0) {
            out.push(g);
        }
    }
    out
}

/// The first spelling of a key ("? / F1" is "?").
fn short_keys(keys: &'static str) -> &'static str {
    keys.split(" / ").next().unwrap_or(keys)
}

/// What the keys go to now.
pub fn context(app: &App) -> Context {
    if let Some(Layer::Help { .. }) = app.layers.last() {
        return Context::Help;
    }
    match &app.mode {
        Mode::Loading(_) => Context::Loading,
        Mode::Ready(r) => match r.view {
            View::SideBySide => Context::SideBySide,
            View::Main => match r.focus {
                Pane::Documents => Context::Documents,
                Pane::Entities => Context::Entities,
                Pane::Figures => Context::Figures,
                Pane::Article => Context::Article,
            },
        },
    }
}

/// A motion key, in any context that moves or scrolls.
fn motion(key: &KeyEvent) -> Option<Motion> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('j') | KeyCode::Down if !ctrl => Motion::Down,
        KeyCode::Char('k') | KeyCode::Up if !ctrl => Motion::Up,
        KeyCode::Char('g') | KeyCode::Home if !ctrl => Motion::Top,
        KeyCode::Char('G') | KeyCode::End if !ctrl => Motion::Bottom,
        KeyCode::PageDown => Motion::PageDown,
        KeyCode::PageUp => Motion::PageUp,
        KeyCode::Char('f') if ctrl => Motion::PageDown,
        KeyCode::Char('b') if ctrl => Motion::PageUp,
        KeyCode::Char('d') if ctrl => Motion::HalfDown,
        KeyCode::Char('u') if ctrl => Motion::HalfUp,
        _ => return None,
    })
}

fn is_help(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('?') | KeyCode::F(1))
}

/// What a key does in the current state (None: nothing).
pub fn key_action(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    // The top layer sees the key first.
    if let Some(layer) = app.layers.last() {
        if let Handled::Consumed(action) = layer_key(layer, &key) {
            return action;
        }
    }
    if key.code == KeyCode::Char('q') && !ctrl {
        return Some(Action::Quit);
    }
    if is_help(&key) {
        return Some(Action::OpenHelp);
    }
    let Mode::Ready(r) = &app.mode else {
        return None;
    };
    if !layout::fits(app.area()) {
        return None;
    }
    if let Some(m) = motion(&key) {
        return Some(Action::Move(m));
    }
    let plain = !ctrl && !key.modifiers.contains(KeyModifiers::ALT);
    let common = match key.code {
        KeyCode::Enter => Some(Action::Activate),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Char('n') if plain => Some(Action::NextMention),
        KeyCode::Char('N') if plain => Some(Action::PrevMention),
        KeyCode::Char(c @ '1'..='9') if plain => {
            c.to_digit(10).and_then(|n| Pane::from_number(n as usize)).map(Action::Focus)
        }
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match r.view {
        View::SideBySide => match key.code {
            KeyCode::Char('h') | KeyCode::Left => Some(Action::ColumnLeft),
            KeyCode::Char('l') | KeyCode::Right | KeyCode::Tab => Some(Action::ColumnRight),
            KeyCode::BackTab => Some(Action::ColumnLeft),
            KeyCode::Char('a') if plain => Some(Action::ToggleUnmentioned),
            _ => None,
        },
        View::Main => match key.code {
            KeyCode::Tab => Some(Action::NextPane),
            KeyCode::BackTab => Some(Action::PrevPane),
            KeyCode::Char('t') if plain && r.focus == Pane::Entities => Some(Action::CycleKind),
            KeyCode::Char(']') | KeyCode::Right if r.focus == Pane::Article => Some(Action::NextMark),
            KeyCode::Char('[') | KeyCode::Left if r.focus == Pane::Article => Some(Action::PrevMark),
            _ => None,
        },
    }
}

/// What a layer did with a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Handled {
    /// The layer took the key (and maybe asks for an action); nothing below sees it.
    Consumed(Option<Action>),
    /// The layer has no use for the key; the view below gets it.
    Pass,
}

/// Offers a key to a layer.
pub fn layer_key(layer: &Layer, key: &KeyEvent) -> Handled {
    match layer {
        // The help is modal: it takes every key.
        Layer::Help { .. } => Handled::Consumed(match key.code {
            KeyCode::Esc | KeyCode::Char('q' | '?') | KeyCode::F(1) | KeyCode::Enter => Some(Action::CloseLayer),
            _ => motion(key).map(Action::LayerMove),
        }),
    }
}

/// Lines the mouse wheel scrolls per notch.
pub const WHEEL_LINES: i32 = 3;

/// What a mouse event does.
pub fn mouse_action(app: &App, ev: MouseEvent) -> Option<Action> {
    let wheel = match ev.kind {
        MouseEventKind::ScrollDown => Some(WHEEL_LINES),
        MouseEventKind::ScrollUp => Some(-WHEEL_LINES),
        _ => None,
    };
    if let Some(Layer::Help { .. }) = app.layers.last() {
        return match (ev.kind, wheel) {
            (_, Some(n)) => Some(Action::LayerMove(Motion::By(n))),
            (MouseEventKind::Down(MouseButton::Left), _) => Some(Action::CloseLayer),
            _ => None,
        };
    }
    match (ev.kind, wheel) {
        (_, Some(n)) => Some(Action::Wheel(ev.column, ev.row, n)),
        (MouseEventKind::Down(MouseButton::Left), _) => Some(Action::Click(ev.column, ev.row)),
        _ => None,
    }
}
