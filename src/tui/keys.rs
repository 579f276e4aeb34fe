//! Keys and the mouse: pure functions from the state and an input event to an
//! [`Action`], testable without a terminal, and the key table that the help
//! overlay and the status bar show (one table, so they cannot disagree).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::app::{Action, Annotate, App, Mode, Motion, Pane, Reader, View};
use super::layer::Layer;
use super::layout;
use super::visual::VMove;

/// Where keys are being read: the top layer, or the view and focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Everywhere,
    Loading,
    Documents,
    Entities,
    Figures,
    Article,
    Discrepancies,
    Notes,
    SideBySide,
    /// Selecting a passage (visual mode).
    Visual,
    /// A find is active in the article or side by side.
    Find,
    /// The find line is open.
    FindLine,
    Picker,
    Editor,
    Confirm,
    Choose,
    Input,
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
            k("1 2 3 4 5 6", "Documents, Entities, Figures, Article, Discrepancies, Notes"),
            k("j k / ↓ ↑", "move down / up (scroll, in text)"),
            k("g G / Home End", "first / last"),
            k("PgDn PgUp / Ctrl-f Ctrl-b", "a page down / up"),
            k("Ctrl-d Ctrl-u", "half a page down / up"),
            k("Enter", "choose: open, or show side by side"),
            k("Esc", "back"),
            h("n N", "next / previous mention of the selection", "next mention"),
            h("/", "fuzzy search: find any person, organisation, place or pledge as you type", "search"),
            h("? / F1", "this help", "help"),
            h("q / Ctrl-c", "quit (asks first when a note is not saved)", "quit"),
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
            h("m", "merge it into another entity (pick the other as you type)", "merge"),
            h("s", "split one of its names off into an entity of its own", "split"),
            h("R", "rename it", "rename"),
            h("x", "reject it: not a person, organisation or place (asks first)", "reject"),
            k("T", "change its kind: person, organisation or place"),
            k("m s R x T", "corrections are kept in the notes file and applied at every start and by analyze --json"),
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
            h("f", "find a word or phrase in the article", "find"),
            h("a", "annotate the name or figure under the cursor", "annotate"),
            k("A", "annotate every mention of the selection, in every document at once"),
            h("v", "select a passage to annotate (visual mode)", "select"),
            h("Esc", "back (to the side-by-side view, if it opened this)", "back"),
        ],
    ),
    (
        Context::Discrepancies,
        "Discrepancies",
        &[
            h(
                "j k",
                "choose one; its evidence shows on the right (removed words struck out, added underlined)",
                "move",
            ),
            h("Enter", "its passages side by side", "side by side"),
            h("a", "make it a note: kind, summary and quotes filled in", "note"),
        ],
    ),
    (
        Context::Notes,
        "Notes",
        &[
            h("j k", "choose a note; it shows on the right with where its quotes are now", "move"),
            h("Enter", "its quotes side by side", "side by side"),
            h("e", "edit it", "edit"),
            h("r", "resolve it (or open it again)", "resolve"),
            h("d", "delete it (asks first)", "delete"),
            h("s", "list all, open or resolved notes", "status"),
            h("t", "list notes of every kind, or of one kind", "kind"),
            k("notes export", "crossread notes export [--format md|jsonld] prints them as a report"),
        ],
    ),
    (
        Context::SideBySide,
        "Side by side",
        &[
            h("n N", "next / previous mention, across all columns in reading order", "next mention"),
            h("h l / ← →", "column to the left / right (the columns scroll sideways)", "column"),
            h("j k g G PgDn PgUp", "scroll the focused column", "scroll"),
            h("f", "find a word or phrase in every column", "find"),
            h("a", "annotate the mention under the cursor", "annotate"),
            k("A", "annotate every mention, in every document at once"),
            h("v", "select a passage of the focused column to annotate", "select"),
            h("o", "show / fold the documents that do not mention it", "other docs"),
            h("Enter", "open the focused column's document at that mention", "open"),
            h("Esc", "back to the panes", "back"),
        ],
    ),
    (
        Context::Visual,
        "Selecting a passage (v)",
        &[
            h("w l / →", "one more word", "word"),
            h("b h / ←", "one word less", "less"),
            h("j k / ↓ ↑", "to the line below / above", "line"),
            h(") (", "to the end of this sentence / the one before", "sentence"),
            h("o", "move the other end", "other end"),
            h("a / Enter", "annotate the passage", "annotate"),
            h("Esc", "cancel", "cancel"),
        ],
    ),
    (
        Context::Find,
        "Find (f)",
        &[
            h("n N", "next / previous hit (instead of mentions while a find is on)", "next hit"),
            h("f", "find something else", "find"),
            h("Esc", "clear the find", "clear"),
        ],
    ),
    (
        Context::FindLine,
        "Find line",
        &[
            k("type", "a word or phrase; case and accents are ignored, every hit is highlighted as you type"),
            h("Enter", "keep the hits and close the line (n N step through them)", "done"),
            h("↓ ↑", "next / previous hit", "hit"),
            h("Esc", "clear the find", "clear"),
        ],
    ),
    (
        Context::Picker,
        "Fuzzy search (/)",
        &[
            k("type", "part of a name, alias or figure: letters in order, case and accents ignored"),
            h("↓ ↑ / Ctrl-n Ctrl-p", "move", "move"),
            h("Enter", "open it side by side (when merging: merge into it)", "open"),
            h("Esc", "close", "close"),
        ],
    ),
    (
        Context::Editor,
        "Note editor",
        &[
            h("Ctrl-s", "save the note to the notes file", "save"),
            h("Esc", "cancel (asks first when text would be lost)", "cancel"),
            h("Ctrl-t", "kind: figure, name, role, quote, other", "kind"),
            h("Ctrl-o", "status: open or resolved", "status"),
            k("Enter", "a new line (twice: a new paragraph); long lines wrap as you type"),
            k("arrows, Ctrl-a Ctrl-e", "move; Ctrl-k Ctrl-w delete, Ctrl-u undo, Ctrl-r redo"),
        ],
    ),
    (Context::Confirm, "Questions", &[h("y", "yes", "yes"), h("n / Esc", "no", "no")]),
    (
        Context::Choose,
        "Choices",
        &[h("j k / ↓ ↑", "move", "move"), h("Enter", "choose", "choose"), h("Esc", "cancel", "cancel")],
    ),
    (Context::Input, "Input line", &[h("Enter", "done", "done"), h("Esc", "cancel", "cancel")]),
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
    let modal = matches!(
        ctx,
        Context::Help
            | Context::Picker
            | Context::Editor
            | Context::Confirm
            | Context::Choose
            | Context::Input
            | Context::FindLine
            | Context::Visual
    );
    for g in global {
        if modal {
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
    match app.layers.last() {
        Some(Layer::Help { .. }) => return Context::Help,
        Some(Layer::Picker(_)) => return Context::Picker,
        Some(Layer::Editor(_)) => return Context::Editor,
        Some(Layer::Confirm { .. }) => return Context::Confirm,
        Some(Layer::Choose { .. }) => return Context::Choose,
        Some(Layer::Input { .. }) => return Context::Input,
        Some(Layer::Find { .. }) => return Context::FindLine,
        None => {}
    }
    match &app.mode {
        Mode::Loading(_) => Context::Loading,
        Mode::Ready(r) if in_text(r) && r.visual.is_some() => Context::Visual,
        Mode::Ready(r) if in_text(r) && r.find.is_some() => Context::Find,
        Mode::Ready(r) => match r.view {
            View::SideBySide => Context::SideBySide,
            View::Main => match r.focus {
                Pane::Documents => Context::Documents,
                Pane::Entities => Context::Entities,
                Pane::Figures => Context::Figures,
                Pane::Article => Context::Article,
                Pane::Discrepancies => Context::Discrepancies,
                Pane::Notes => Context::Notes,
            },
        },
    }
}

fn in_text(r: &Reader) -> bool {
    r.in_text()
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
    let plain = !ctrl && !key.modifiers.contains(KeyModifiers::ALT);
    if in_text(r) && r.visual.is_some() {
        return visual_key(&key, plain);
    }
    if let Some(m) = motion(&key) {
        return Some(Action::Move(m));
    }
    let finding = in_text(r) && r.find.is_some();
    let common = match key.code {
        KeyCode::Enter => Some(Action::Activate),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Char('n') if plain && finding => Some(Action::FindStep(true)),
        KeyCode::Char('N') if plain && finding => Some(Action::FindStep(false)),
        KeyCode::Char('n') if plain => Some(Action::NextMention),
        KeyCode::Char('N') if plain => Some(Action::PrevMention),
        KeyCode::Char('/') if plain => Some(Action::OpenPicker),
        KeyCode::Char(c @ '1'..='9') if plain => {
            c.to_digit(10).and_then(|n| Pane::from_number(n as usize)).map(Action::Focus)
        }
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    let text_keys = |code: KeyCode| match code {
        KeyCode::Char('f') if plain => Some(Action::OpenFind),
        KeyCode::Char('a') if plain => Some(Action::Annotate(Annotate::Here)),
        KeyCode::Char('A') if plain => Some(Action::Annotate(Annotate::All)),
        KeyCode::Char('v') if plain => Some(Action::Visual),
        _ => None,
    };
    match r.view {
        View::SideBySide => match key.code {
            KeyCode::Char('h') | KeyCode::Left => Some(Action::ColumnLeft),
            KeyCode::Char('l') | KeyCode::Right | KeyCode::Tab => Some(Action::ColumnRight),
            KeyCode::BackTab => Some(Action::ColumnLeft),
            KeyCode::Char('o') if plain => Some(Action::ToggleUnmentioned),
            code => text_keys(code),
        },
        View::Main => match (r.focus, key.code) {
            (_, KeyCode::Tab) => Some(Action::NextPane),
            (_, KeyCode::BackTab) => Some(Action::PrevPane),
            (Pane::Entities, KeyCode::Char(c)) if plain => match c {
                't' => Some(Action::CycleKind),
                'm' => Some(Action::Merge),
                's' => Some(Action::Split),
                'R' => Some(Action::Rename),
                'x' => Some(Action::Reject),
                'T' => Some(Action::Retype),
                _ => None,
            },
            (Pane::Article, KeyCode::Char(']') | KeyCode::Right) => Some(Action::NextMark),
            (Pane::Article, KeyCode::Char('[') | KeyCode::Left) => Some(Action::PrevMark),
            (Pane::Article, code) => text_keys(code),
            (Pane::Discrepancies, KeyCode::Char('a')) if plain => Some(Action::Annotate(Annotate::Here)),
            (Pane::Notes, KeyCode::Char(c)) if plain => match c {
                'e' => Some(Action::EditNote),
                'r' => Some(Action::ResolveNote),
                'd' => Some(Action::DeleteNote),
                's' => Some(Action::CycleStatus),
                't' => Some(Action::CycleKind),
                _ => None,
            },
            _ => None,
        },
    }
}

/// Keys in visual mode: they move the passage's end, annotate it or cancel.
fn visual_key(key: &KeyEvent, plain: bool) -> Option<Action> {
    if !plain && !matches!(key.code, KeyCode::Left | KeyCode::Right | KeyCode::Up | KeyCode::Down) {
        return None;
    }
    Some(match key.code {
        KeyCode::Char('w' | 'l' | 'e') | KeyCode::Right => Action::VisualMove(VMove::WordNext),
        KeyCode::Char('b' | 'h') | KeyCode::Left => Action::VisualMove(VMove::WordPrev),
        KeyCode::Char('j') | KeyCode::Down => Action::VisualMove(VMove::LineNext),
        KeyCode::Char('k') | KeyCode::Up => Action::VisualMove(VMove::LinePrev),
        KeyCode::Char(')') => Action::VisualMove(VMove::SentenceNext),
        KeyCode::Char('(') => Action::VisualMove(VMove::SentencePrev),
        KeyCode::Char('o') => Action::VisualSwap,
        KeyCode::Char('a') | KeyCode::Enter => Action::Annotate(Annotate::Visual),
        KeyCode::Esc | KeyCode::Char('v') => Action::Back,
        _ => return None,
    })
}

/// What a layer did with a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Handled {
    /// The layer took the key (and maybe asks for an action); nothing below sees it.
    Consumed(Option<Action>),
    /// The layer has no use for the key; the view below gets it.
    Pass,
}

/// Offers a key to a layer. Every layer is modal: it takes every key.
pub fn layer_key(layer: &Layer, key: &KeyEvent) -> Handled {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let edit = Some(Action::Edit(*key));
    Handled::Consumed(match layer {
        Layer::Help { .. } => match key.code {
            KeyCode::Esc | KeyCode::Char('q' | '?') | KeyCode::F(1) | KeyCode::Enter => Some(Action::CloseLayer),
            _ => motion(key).map(Action::LayerMove),
        },
        Layer::Picker(_) => match key.code {
            KeyCode::Esc => Some(Action::CloseLayer),
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Up => Some(Action::LayerMove(Motion::Up)),
            KeyCode::Down => Some(Action::LayerMove(Motion::Down)),
            KeyCode::Char('p' | 'k') if ctrl => Some(Action::LayerMove(Motion::Up)),
            KeyCode::Char('n' | 'j') if ctrl => Some(Action::LayerMove(Motion::Down)),
            KeyCode::PageUp => Some(Action::LayerMove(Motion::PageUp)),
            KeyCode::PageDown => Some(Action::LayerMove(Motion::PageDown)),
            _ => edit,
        },
        Layer::Editor(_) => match key.code {
            KeyCode::Char('s') if ctrl => Some(Action::SaveNote),
            KeyCode::Char('t') if ctrl => Some(Action::NoteKindNext),
            KeyCode::Char('o') if ctrl => Some(Action::NoteStatusNext),
            KeyCode::Esc => Some(Action::CancelEdit),
            _ => edit,
        },
        Layer::Confirm { .. } => match key.code {
            KeyCode::Char('y' | 'Y') => Some(Action::Confirmed),
            KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => Some(Action::CloseLayer),
            _ => None,
        },
        Layer::Choose { .. } => match key.code {
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc | KeyCode::Char('q') => Some(Action::CloseLayer),
            KeyCode::Char('p') if ctrl => Some(Action::LayerMove(Motion::Up)),
            KeyCode::Char('n') if ctrl => Some(Action::LayerMove(Motion::Down)),
            _ => motion(key).map(Action::LayerMove),
        },
        Layer::Input { .. } => match key.code {
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc => Some(Action::CloseLayer),
            _ => edit,
        },
        Layer::Find { .. } => match key.code {
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc => Some(Action::ClearFind),
            KeyCode::Down => Some(Action::FindStep(true)),
            KeyCode::Up => Some(Action::FindStep(false)),
            _ => edit,
        },
    })
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
    match app.layers.last() {
        Some(Layer::Help { .. }) => {
            return match (ev.kind, wheel) {
                (_, Some(n)) => Some(Action::LayerMove(Motion::By(n))),
                (MouseEventKind::Down(MouseButton::Left), _) => Some(Action::CloseLayer),
                _ => None,
            };
        }
        // Lists in a popup scroll with the wheel; popups are modal otherwise.
        Some(Layer::Picker(_) | Layer::Choose { .. }) => {
            return wheel.map(|n| Action::LayerMove(Motion::By(n.signum())));
        }
        Some(_) => return None,
        None => {}
    }
    match (ev.kind, wheel) {
        (_, Some(n)) => Some(Action::Wheel(ev.column, ev.row, n)),
        (MouseEventKind::Down(MouseButton::Left), _) => Some(Action::Click(ev.column, ev.row)),
        _ => None,
    }
}
