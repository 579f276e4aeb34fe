//! The reader without a terminal: keys to actions, state changes, snapshots of
//! every view on the seeds (`TestBackend`), the style of highlighted cells, and the
//! text-safety and alignment guarantees of the draw edge.

use std::sync::{Arc, OnceLock};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

use crossread::analysis::{Analysis, Progress, Selection, Stage};
use crossread::corpus::Corpus;
use crossread::model::EntityKind;
use crossread::notes::NoteKind;
use crossread::tui::app::{update, Action, Annotate, App, Motion, Pane, View};
use crossread::tui::keys::{key_action, mouse_action};
use crossread::tui::layer::Layer;
use crossread::tui::notes::draft;
use crossread::tui::rows::{Agreement, FigRow, FigureRows};
use crossread::tui::theme::Theme;
use crossread::tui::{draw, keys};

fn seeds() -> Arc<Analysis> {
    static SEEDS: OnceLock<Arc<Analysis>> = OnceLock::new();
    Arc::clone(SEEDS.get_or_init(|| Arc::new(Analysis::run(Corpus::seeds()))))
}

fn app_at(w: u16, h: u16, theme: Theme) -> App {
    App::new(seeds(), theme, (w, h))
}

fn app() -> App {
    app_at(120, 36, Theme::COLOR)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    let m = if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
    KeyEvent::new(KeyCode::Char(c), m)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Feeds a key through the key map and update, as the event loop does.
fn press(app: &mut App, k: KeyEvent) {
    if let Some(a) = key_action(app, k) {
        update(app, a);
    }
}

fn keys_str(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, ch(c));
    }
}

fn buffer(app: &App) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test terminal");
    term.draw(|f| draw::draw(f, app)).expect("draw");
    term.backend().buffer().clone()
}

fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test terminal");
    term.draw(|f| draw::draw(f, app)).expect("draw");
    term.backend().to_string()
}

/// The rows of a buffer as plain strings.
fn rows_of(buf: &Buffer) -> Vec<String> {
    let w = usize::from(buf.area.width);
    buf.content
        .chunks(w)
        .map(|row| {
            let mut s = String::new();
            let mut skip = 0;
            for c in row {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                s.push_str(c.symbol());
                skip = unicode_width::UnicodeWidthStr::width(c.symbol()).saturating_sub(1);
            }
            s
        })
        .collect()
}

fn reader(app: &App) -> &crossread::tui::app::Reader {
    app.reader().expect("the analysis is loaded")
}

fn entity(name: &str) -> usize {
    seeds().entities.iter().position(|e| e.name == name).unwrap_or_else(|| panic!("no entity {name}"))
}

fn pledge(prefix: &str) -> usize {
    seeds().pledges.iter().position(|p| p.label.starts_with(prefix)).unwrap_or_else(|| panic!("no pledge {prefix}"))
}

/// Moves the entity cursor to a person with `j`, as a user would.
fn select_person(app: &mut App, name: &str) {
    press(app, ch('2'));
    press(app, ch('g'));
    for _ in 0..50 {
        if reader(app).selection == Some(Selection::Entity(entity(name))) {
            return;
        }
        press(app, ch('j'));
    }
    panic!("{name} not reached with j");
}

fn select_pledge(app: &mut App, prefix: &str) {
    press(app, ch('3'));
    press(app, ch('g'));
    for _ in 0..50 {
        if reader(app).selection == Some(Selection::Pledge(pledge(prefix))) {
            return;
        }
        press(app, ch('j'));
    }
    panic!("pledge {prefix} not reached with j");
}

// ---------------------------------------------------------------- keys

#[test]
fn keys_map_to_actions_by_context() {
    let mut app = app();
    assert_eq!(key_action(&app, ch('q')), Some(Action::Quit));
    assert_eq!(key_action(&app, ctrl('c')), Some(Action::Quit));
    assert_eq!(key_action(&app, ch('?')), Some(Action::OpenHelp));
    assert_eq!(key_action(&app, key(KeyCode::F(1))), Some(Action::OpenHelp));
    assert_eq!(key_action(&app, ch('j')), Some(Action::Move(Motion::Down)));
    assert_eq!(key_action(&app, key(KeyCode::Down)), Some(Action::Move(Motion::Down)));
    assert_eq!(key_action(&app, ch('k')), Some(Action::Move(Motion::Up)));
    assert_eq!(key_action(&app, key(KeyCode::Up)), Some(Action::Move(Motion::Up)));
    assert_eq!(key_action(&app, ch('g')), Some(Action::Move(Motion::Top)));
    assert_eq!(key_action(&app, ch('G')), Some(Action::Move(Motion::Bottom)));
    assert_eq!(key_action(&app, key(KeyCode::PageDown)), Some(Action::Move(Motion::PageDown)));
    assert_eq!(key_action(&app, key(KeyCode::PageUp)), Some(Action::Move(Motion::PageUp)));
    assert_eq!(key_action(&app, ctrl('d')), Some(Action::Move(Motion::HalfDown)));
    assert_eq!(key_action(&app, ctrl('u')), Some(Action::Move(Motion::HalfUp)));
    assert_eq!(key_action(&app, key(KeyCode::Tab)), Some(Action::NextPane));
    assert_eq!(key_action(&app, key(KeyCode::BackTab)), Some(Action::PrevPane));
    assert_eq!(key_action(&app, ch('1')), Some(Action::Focus(Pane::Documents)));
    assert_eq!(key_action(&app, ch('4')), Some(Action::Focus(Pane::Article)));
    assert_eq!(key_action(&app, ch('9')), None);
    assert_eq!(key_action(&app, key(KeyCode::Enter)), Some(Action::Activate));
    assert_eq!(key_action(&app, key(KeyCode::Esc)), Some(Action::Back));
    assert_eq!(key_action(&app, ch('t')), Some(Action::CycleKind));
    assert_eq!(key_action(&app, ch('n')), Some(Action::NextMention));
    assert_eq!(key_action(&app, ch('N')), Some(Action::PrevMention));
    // `t` only means something in the entity pane, `]` only in the article.
    press(&mut app, ch('4'));
    assert_eq!(key_action(&app, ch('t')), None);
    assert_eq!(key_action(&app, ch(']')), Some(Action::NextMark));
    assert_eq!(key_action(&app, key(KeyCode::Left)), Some(Action::PrevMark));
    // Side by side: h/l move between columns, a shows the other documents.
    press(&mut app, ch('2'));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(reader(&app).view, View::SideBySide);
    assert_eq!(key_action(&app, ch('h')), Some(Action::ColumnLeft));
    assert_eq!(key_action(&app, ch('l')), Some(Action::ColumnRight));
    assert_eq!(key_action(&app, key(KeyCode::Right)), Some(Action::ColumnRight));
    assert_eq!(key_action(&app, ch('o')), Some(Action::ToggleUnmentioned));
    assert_eq!(key_action(&app, ch('a')), Some(Action::Annotate(Annotate::Here)));
    assert_eq!(key_action(&app, ch('A')), Some(Action::Annotate(Annotate::All)));
    assert_eq!(key_action(&app, ch('v')), Some(Action::Visual));
    assert_eq!(key_action(&app, ch('f')), Some(Action::OpenFind));
    assert_eq!(key_action(&app, ch('n')), Some(Action::NextMention));
    assert_eq!(key_action(&app, ch('/')), Some(Action::OpenPicker));
}

#[test]
fn key_releases_are_ignored() {
    let app = app();
    let mut k = ch('q');
    k.kind = crossterm::event::KeyEventKind::Release;
    assert_eq!(key_action(&app, k), None);
}

#[test]
fn the_help_layer_takes_keys_first() {
    let mut app = app();
    press(&mut app, ch('?'));
    assert!(matches!(app.layers[..], [Layer::Help { scroll: 0 }]));
    // j scrolls the help, not the list below; q closes the help, not the reader.
    assert_eq!(key_action(&app, ch('j')), Some(Action::LayerMove(Motion::Down)));
    assert_eq!(key_action(&app, ch('t')), None);
    press(&mut app, ch('j'));
    assert_eq!(reader(&app).entities.sel, 0);
    press(&mut app, ch('q'));
    assert!(app.layers.is_empty());
    assert!(!app.quit);
    press(&mut app, key(KeyCode::F(1)));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.layers.is_empty());
    press(&mut app, ch('q'));
    assert!(app.quit);
}

#[test]
fn the_help_lists_every_key_of_every_pane() {
    let lines = crossread::tui::layer::help_lines(200);
    let text: String = lines
        .iter()
        .map(|l| match l {
            crossread::tui::layer::HelpLine::Title(t) => format!("{t}\n"),
            crossread::tui::layer::HelpLine::Key(k, w) => format!("{} {w}\n", k.unwrap_or("")),
            crossread::tui::layer::HelpLine::Blank => "\n".into(),
        })
        .collect();
    // Every entry of the key table is in the help, unwrapped at this width.
    for (_, _, ks) in keys::TABLE {
        for k in *ks {
            assert!(text.contains(&format!("{} {}", k.keys, k.what)), "{} missing", k.keys);
        }
    }
    // Narrow help wraps long descriptions instead of cutting them.
    let narrow = crossread::tui::layer::help_lines(60);
    assert!(narrow.len() > lines.len());
    for l in &narrow {
        if let crossread::tui::layer::HelpLine::Key(_, w) = l {
            assert!(crossread::tui::wrap::width(w) <= 60 - 3 - crossread::tui::layer::key_column(), "{w}");
        }
    }
    for needle in [
        "Documents",
        "Entities",
        "Figures",
        "Article",
        "Side by side",
        "Tab",
        "Enter",
        "Esc",
        "n N",
        "h l",
        "PgDn",
        "Ctrl-d",
        "? / F1",
        "q",
        "mouse",
        "t",
        "] [",
        " a ",
    ] {
        assert!(text.contains(needle), "help lacks {needle:?}");
    }
}

#[test]
fn the_mouse_clicks_and_scrolls() {
    let app = app();
    let ev = |kind| MouseEvent { kind, column: 10, row: 5, modifiers: KeyModifiers::NONE };
    assert_eq!(mouse_action(&app, ev(MouseEventKind::Down(MouseButton::Left))), Some(Action::Click(10, 5)));
    assert_eq!(mouse_action(&app, ev(MouseEventKind::ScrollDown)), Some(Action::Wheel(10, 5, keys::WHEEL_LINES)));
    assert_eq!(mouse_action(&app, ev(MouseEventKind::Moved)), None);
}

// ---------------------------------------------------------------- state

#[test]
fn starts_on_the_entity_pane_with_the_most_mentioned_person() {
    let app = app();
    let r = reader(&app);
    assert_eq!(r.focus, Pane::Entities);
    assert_eq!(r.view, View::Main);
    let first = r.entity_rows[0];
    assert_eq!(seeds().entities[first].kind, EntityKind::Person);
    assert_eq!(r.selection, Some(Selection::Entity(first)));
    assert_eq!(r.article.doc, 0);
}

#[test]
fn tab_and_numbers_move_between_panes() {
    let mut app = app();
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(reader(&app).focus, Pane::Figures);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(reader(&app).focus, Pane::Article);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(reader(&app).focus, Pane::Discrepancies);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(reader(&app).focus, Pane::Notes);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(reader(&app).focus, Pane::Documents);
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(reader(&app).focus, Pane::Notes);
    press(&mut app, ch('5'));
    assert_eq!(reader(&app).focus, Pane::Discrepancies);
    press(&mut app, ch('3'));
    assert_eq!(reader(&app).focus, Pane::Figures);
    // Esc in the article goes back to the list used last.
    press(&mut app, ch('4'));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(reader(&app).focus, Pane::Figures);
}

#[test]
fn lists_move_page_and_stay_in_view() {
    let mut app = app_at(80, 24, Theme::COLOR);
    press(&mut app, ch('2'));
    press(&mut app, ch('G'));
    let r = reader(&app);
    assert_eq!(r.entities.sel, r.entity_rows.len() - 1);
    assert!(r.entities.offset > 0);
    press(&mut app, ch('g'));
    assert_eq!(reader(&app).entities.sel, 0);
    assert_eq!(reader(&app).entities.offset, 0);
    press(&mut app, key(KeyCode::PageDown));
    let after_page = reader(&app).entities.sel;
    assert!(after_page > 1, "{after_page}");
    press(&mut app, ctrl('u'));
    assert!(reader(&app).entities.sel < after_page);
    // Past the end stays at the end.
    for _ in 0..100 {
        press(&mut app, ch('j'));
    }
    assert_eq!(reader(&app).entities.sel, reader(&app).entity_rows.len() - 1);
}

#[test]
fn long_lists_move_in_time_proportional_to_the_screen() {
    // 400,000 rows (the figures of 10,000 articles): the end, a page and back.
    let n = 400_000;
    let mut pos = crossread::tui::app::ListPos::default();
    let tall = |i: usize| if i.is_multiple_of(7) { 1 } else { 3 };
    pos.apply(Motion::Bottom, n, 30, &tall, &|i| !i.is_multiple_of(7));
    assert_eq!(pos.sel, n - 1);
    assert!(pos.offset > n - 12, "{pos:?}");
    pos.apply(Motion::PageUp, n, 30, &tall, &|i| !i.is_multiple_of(7));
    assert!(pos.sel < n - 5 && pos.sel > n - 15, "{pos:?}");
    pos.apply(Motion::Top, n, 30, &tall, &|i| !i.is_multiple_of(7));
    assert_eq!((pos.sel, pos.offset), (1, 0));
}

#[test]
fn the_figure_list_skips_headings() {
    let mut app = app();
    press(&mut app, ch('3'));
    let r = reader(&app);
    assert_eq!(r.figure_rows.rows[r.figures.sel], FigRow::Pledge(0));
    press(&mut app, ch('k'));
    assert_eq!(reader(&app).figures.sel, 1, "k at the first pledge stays there");
    press(&mut app, ch('G'));
    let r = reader(&app);
    assert!(matches!(r.figure_rows.rows[r.figures.sel], FigRow::Figure(_)));
    // Walk the whole list: never on a heading.
    press(&mut app, ch('g'));
    for _ in 0..reader(&app).figure_rows.rows.len() {
        let r = reader(&app);
        assert!(!matches!(r.figure_rows.rows[r.figures.sel], FigRow::Heading(_)));
        press(&mut app, ch('j'));
    }
}

#[test]
fn t_cycles_the_kind_of_entity() {
    let mut app = app();
    let kinds = |app: &App| {
        let r = reader(app);
        let a = seeds();
        r.entity_rows.iter().map(|&e| a.entities[e].kind).collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(kinds(&app).into_iter().collect::<Vec<_>>(), [EntityKind::Person]);
    press(&mut app, ch('t'));
    assert_eq!(kinds(&app).into_iter().collect::<Vec<_>>(), [EntityKind::Organisation]);
    press(&mut app, ch('t'));
    assert_eq!(kinds(&app).into_iter().collect::<Vec<_>>(), [EntityKind::Place]);
    press(&mut app, ch('t'));
    assert_eq!(kinds(&app).len(), 3);
    press(&mut app, ch('t'));
    assert_eq!(kinds(&app).into_iter().collect::<Vec<_>>(), [EntityKind::Person]);
}

#[test]
fn documents_open_in_the_article_pane() {
    let mut app = app();
    press(&mut app, ch('1'));
    press(&mut app, ch('j'));
    press(&mut app, ch('j'));
    assert_eq!(reader(&app).article.doc, 2);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(reader(&app).focus, Pane::Article);
    assert_eq!(reader(&app).article.doc, 2);
    let top = reader(&app).article.top;
    press(&mut app, ch('j'));
    assert!(reader(&app).article.top > top);
    press(&mut app, ch('G'));
    let r = reader(&app);
    let h = usize::from(crossread::tui::layout::inner(r.main_layout(app.area()).rect(Pane::Article)).height);
    assert_eq!(r.article.top_line(), r.article.wrap.len().saturating_sub(h));
    press(&mut app, ch('g'));
    assert_eq!(reader(&app).article.top, 0);
}

#[test]
fn side_by_side_for_a_person_visits_every_mention_in_order() {
    let mut app = app();
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    let r = reader(&app);
    assert_eq!(r.view, View::SideBySide);
    let side = r.side.as_ref().unwrap();
    let a = seeds();
    let e = &a.entities[entity("John Healey")];
    // Mentioning documents first, each column at its first mention.
    assert_eq!(side.mentioned, [0, 1, 3]);
    assert_eq!(side.unmentioned, [2, 4]);
    assert_eq!(side.visible.len(), 3);
    for c in &side.visible {
        let first = e.mentions.iter().find(|m| m.doc() == c.doc).unwrap();
        let line = c.wrap.line_of(first.start);
        let h = usize::from(crossread::tui::side::text_rect(c.rect).height);
        assert!(line >= c.top && line < c.top + h, "doc {} first mention not in view", c.doc);
    }
    assert_eq!(side.visible[1].forms, ["John Healey", "Mr Healey"]);
    // n visits every mention in reading order, each in view, and wraps around.
    let mut seen = vec![side.current().unwrap()];
    for _ in 1..e.mentions.len() {
        press(&mut app, ch('n'));
        let side = reader(&app).side.as_ref().unwrap();
        let cur = side.current().unwrap();
        let col = side.visible.iter().find(|c| c.doc == cur.doc()).expect("the cursor's column is on screen");
        assert_eq!(col.col, side.focus);
        let line = col.wrap.line_of(cur.start);
        let h = usize::from(crossread::tui::side::text_rect(col.rect).height);
        assert!(line >= col.top && line < col.top + h, "mention {cur:?} not in view");
        seen.push(cur);
    }
    assert_eq!(seen, e.mentions);
    press(&mut app, ch('n'));
    assert_eq!(reader(&app).side.as_ref().unwrap().cursor, 0);
    assert!(app.message.as_deref().unwrap_or("").contains("first mention"));
    press(&mut app, ch('N'));
    assert_eq!(reader(&app).side.as_ref().unwrap().cursor, e.mentions.len() - 1);
}

#[test]
fn side_by_side_for_a_pledge() {
    let mut app = app();
    let p = pledge("£1.6 billion");
    select_pledge(&mut app, "£1.6 billion");
    press(&mut app, key(KeyCode::Enter));
    let side = reader(&app).side.as_ref().unwrap();
    assert_eq!(side.sel, Some(Selection::Pledge(p)));
    assert_eq!(side.mentioned, [0, 2]);
    assert_eq!(side.spans.len(), seeds().pledges[p].figures.len());
    assert_eq!(side.visible[0].forms[0], "£1.6 billion");
    assert!(side.visible[1].forms.iter().any(|f| f == "more than five thousand air defence missiles"));
}

#[test]
fn columns_scroll_sideways_and_fold_the_unmentioned() {
    let mut app = app_at(80, 24, Theme::COLOR);
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    let side = |app: &App| reader(app).side.clone().unwrap();
    assert_eq!(side(&app).visible.len(), 2, "two columns fit in 80");
    assert!(rows_of(&buffer(&app))[0].contains("columns 1-2 of 3"));
    press(&mut app, ch('l'));
    press(&mut app, ch('l'));
    assert_eq!(side(&app).focus, 2);
    assert_eq!(side(&app).first, 1);
    assert!(rows_of(&buffer(&app))[0].contains("columns 2-3 of 3"));
    press(&mut app, ch('l'));
    assert_eq!(side(&app).focus, 2);
    press(&mut app, ch('o'));
    assert_eq!(side(&app).columns(), 5);
    press(&mut app, ch('l'));
    press(&mut app, ch('l'));
    assert_eq!(side(&app).visible.last().unwrap().doc, 4);
    assert_eq!(side(&app).visible.last().unwrap().count, 0);
    assert!(rows_of(&buffer(&app))[0].contains("columns 4-5 of 5"));
    press(&mut app, ch('o'));
    assert_eq!(side(&app).columns(), 3);
    assert_eq!(side(&app).focus, 2);
    // n brings the first column back into view.
    press(&mut app, ch('n'));
    press(&mut app, ch('N'));
    assert_eq!(side(&app).focus, 0);
    assert_eq!(side(&app).first, 0);
}

#[test]
fn enter_on_a_column_opens_the_article_at_that_mention_and_esc_returns() {
    let mut app = app();
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    for _ in 0..5 {
        press(&mut app, ch('n'));
    }
    let cur = reader(&app).side.as_ref().unwrap().current().unwrap();
    press(&mut app, key(KeyCode::Enter));
    let r = reader(&app);
    assert_eq!(r.view, View::Main);
    assert_eq!(r.focus, Pane::Article);
    assert_eq!(r.article.doc, cur.doc());
    assert_eq!(r.article.cursor, Some(cur));
    let line = r.article.wrap.line_of(cur.start);
    assert!(line >= r.article.top_line());
    press(&mut app, key(KeyCode::Esc));
    let r = reader(&app);
    assert_eq!(r.view, View::SideBySide);
    assert_eq!(r.side.as_ref().unwrap().current(), Some(cur), "the side-by-side view is as it was");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(reader(&app).view, View::Main);
}

#[test]
fn the_article_steps_through_marks_and_mentions() {
    let mut app = app();
    select_person(&mut app, "John Healey");
    press(&mut app, ch('4'));
    press(&mut app, ch(']'));
    let r = reader(&app);
    let first = seeds().views[0].marks[0];
    assert_eq!(r.article.cursor, Some(first.0));
    assert_eq!(r.selection, Some(crossread::tui::rows::selection_of(&seeds(), first.1)));
    // n follows the selection across documents.
    select_person(&mut app, "John Healey");
    press(&mut app, ch('4'));
    let e = seeds().entities[entity("John Healey")].mentions.clone();
    for m in &e {
        press(&mut app, ch('n'));
        assert_eq!(reader(&app).article.cursor, Some(*m));
        assert_eq!(reader(&app).article.doc, m.doc());
        assert_eq!(reader(&app).docs.sel, m.doc());
    }
    press(&mut app, ch('n'));
    assert_eq!(reader(&app).article.cursor, Some(e[0]));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(reader(&app).view, View::SideBySide);
}

#[test]
fn resizing_redraws_and_small_terminals_get_one_line() {
    let mut app = app();
    for (w, h, msg) in [
        (50, 12, "crossread needs at least 60x15 (now 50x12)"),
        (40, 10, "crossread needs 60x15 (now 40x10)"),
        (59, 30, "crossread needs at least 60x15 (now 59x30)"),
        (20, 5, "needs 60x15"),
    ] {
        update(&mut app, Action::Resize(w, h));
        let rows = rows_of(&buffer(&app));
        let text: Vec<&String> = rows.iter().filter(|r| !r.trim().is_empty()).collect();
        assert_eq!(text.len(), 1);
        assert_eq!(text[0].trim(), msg);
    }
    // Keys still quit; others do nothing.
    assert_eq!(key_action(&app, ch('j')), None);
    assert_eq!(key_action(&app, ch('q')), Some(Action::Quit));
    update(&mut app, Action::Resize(200, 50));
    let r = reader(&app);
    assert_eq!(r.article.wrap.width, crossread::tui::layout::MAX_TEXT, "long lines are capped");
    update(&mut app, Action::Resize(90, 30));
    let r = reader(&app);
    assert_eq!(r.article.wrap.width, r.article_view(app.area()).width);
    assert!(r.article.wrap.width < crossread::tui::layout::MAX_TEXT);
    update(&mut app, Action::Resize(200, 50));
    assert!(rows_of(&buffer(&app))[0].contains("1 Documents"));
    update(&mut app, Action::Resize(1, 1));
    let _ = buffer(&app);
    update(&mut app, Action::Resize(0, 0));
    let _ = buffer(&app);
}

#[test]
fn clicks_focus_select_and_open() {
    let mut app = app();
    let lay = reader(&app).main_layout(app.area());
    let fig = crossread::tui::layout::inner(lay.rect(Pane::Figures));
    // The second line of the figure pane is the first pledge.
    update(&mut app, Action::Click(fig.x + 3, fig.y + 1));
    assert_eq!(reader(&app).focus, Pane::Figures);
    assert_eq!(reader(&app).selection, Some(Selection::Pledge(0)));
    // Clicking it again opens it side by side (the focused pane may have grown).
    let fig = crossread::tui::layout::inner(reader(&app).main_layout(app.area()).rect(Pane::Figures));
    update(&mut app, Action::Click(fig.x + 3, fig.y + 1));
    assert_eq!(reader(&app).view, View::SideBySide);
    update(&mut app, Action::Back);
    // A click on a name in the article selects it.
    let healey = seeds().entities[entity("John Healey")].mentions[0];
    let art = reader(&app).article_view(app.area());
    update(&mut app, Action::Focus(Pane::Article));
    let line = reader(&app).article.wrap.line_of(healey.start);
    // Scroll until the line is on screen, then click it.
    update(&mut app, Action::Move(Motion::By(line as i32 - 2)));
    let r3 = reader(&app);
    let y = art.y + (line - r3.article.top_line()) as u16;
    let wl = r3.article.wrap.lines[line];
    let flat = &seeds().views[0].flat;
    let x = art.x + crossread::tui::wrap::width(&flat[wl.start as usize..healey.start as usize]) as u16 + 1;
    update(&mut app, Action::Click(x, y));
    assert_eq!(reader(&app).selection, Some(Selection::Entity(entity("John Healey"))));
    assert_eq!(reader(&app).article.cursor, Some(healey));
    // The wheel scrolls the pane under the mouse.
    let top = reader(&app).article.top_line();
    update(&mut app, Action::Wheel(x, y, -3));
    assert_eq!(reader(&app).article.top_line(), top.saturating_sub(3));
}

#[test]
fn loading_shows_progress_then_the_reader() {
    let progress = Arc::new(Progress::default());
    let mut app = App::loading("ARTICLES/", Arc::clone(&progress), Theme::COLOR, (120, 36));
    progress.total.store(10_000, std::sync::atomic::Ordering::Relaxed);
    progress.done.store(3_412, std::sync::atomic::Ordering::Relaxed);
    progress.set_stage(Stage::Extracting);
    update(&mut app, Action::Tick);
    insta::assert_snapshot!("loading", screen(&app));
    assert_eq!(key_action(&app, ch('j')), None);
    assert_eq!(key_action(&app, ch('q')), Some(Action::Quit));
    update(&mut app, Action::Loaded(Arc::new(crossread::tui::app::Loaded::new(seeds()))));
    assert!(app.reader().is_some());
}

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_main_entities() {
    let app = app();
    insta::assert_snapshot!("main_entities_120x36", screen(&app));
}

#[test]
fn snapshot_main_documents() {
    let mut app = app();
    keys_str(&mut app, "1j");
    insta::assert_snapshot!("main_documents_120x36", screen(&app));
}

#[test]
fn snapshot_main_figures() {
    let mut app = app();
    select_pledge(&mut app, "£1.6 billion");
    insta::assert_snapshot!("main_figures_120x36", screen(&app));
}

#[test]
fn snapshot_main_article() {
    let mut app = app();
    select_person(&mut app, "John Healey");
    keys_str(&mut app, "4nn");
    insta::assert_snapshot!("main_article_120x36", screen(&app));
}

#[test]
fn snapshot_main_places() {
    let mut app = app();
    keys_str(&mut app, "ttjj");
    insta::assert_snapshot!("main_places_120x36", screen(&app));
}

#[test]
fn snapshot_main_80x24() {
    let mut app = app_at(80, 24, Theme::COLOR);
    select_person(&mut app, "John Healey");
    insta::assert_snapshot!("main_entities_80x24", screen(&app));
}

#[test]
fn snapshot_side_by_side_person() {
    let mut app = app();
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    insta::assert_snapshot!("side_person_120x36", screen(&app));
    keys_str(&mut app, "nnnn");
    insta::assert_snapshot!("side_person_120x36_after_n", screen(&app));
}

#[test]
fn snapshot_side_by_side_80x24() {
    let mut app = app_at(80, 24, Theme::COLOR);
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    insta::assert_snapshot!("side_person_80x24", screen(&app));
    keys_str(&mut app, "ol");
    insta::assert_snapshot!("side_person_80x24_all_docs", screen(&app));
}

#[test]
fn snapshot_side_by_side_pledge() {
    let mut app = app();
    select_pledge(&mut app, "£1.6 billion");
    press(&mut app, key(KeyCode::Enter));
    insta::assert_snapshot!("side_pledge_120x36", screen(&app));
    let mut small = app_at(80, 24, Theme::COLOR);
    select_pledge(&mut small, "£1.6 billion");
    press(&mut small, key(KeyCode::Enter));
    insta::assert_snapshot!("side_pledge_80x24", screen(&small));
}

#[test]
fn snapshot_help() {
    let mut app = app();
    press(&mut app, ch('?'));
    insta::assert_snapshot!("help_120x36", screen(&app));
    let mut small = app_at(80, 24, Theme::COLOR);
    press(&mut small, ch('?'));
    press(&mut small, ch('G'));
    insta::assert_snapshot!("help_80x24_end", screen(&small));
}

#[test]
fn snapshot_too_small() {
    let app = app_at(50, 12, Theme::COLOR);
    insta::assert_snapshot!("too_small", screen(&app));
}

// ---------------------------------------------------------------- styles

/// The cells where `needle` is drawn on row `y` of a buffer.
fn cells_of(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let rows = rows_of(buf);
    for (y, row) in rows.iter().enumerate() {
        // Only plain ASCII rows are searched by column (borders are one column each).
        if let Some(i) = row.find(needle) {
            let x0 = unicode_width::UnicodeWidthStr::width(&row[..i]) as u16;
            return (0..needle.chars().count() as u16).map(|k| (x0 + k, y as u16)).collect();
        }
    }
    Vec::new()
}

#[test]
fn selected_mentions_are_reversed_and_bold() {
    let mut app = app();
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    let buf = buffer(&app);
    // The first column holds "John Healey" (the cursor) and several "Healey".
    let cells = cells_of(&buf, "Healey will co-host");
    assert!(!cells.is_empty(), "mention not on screen");
    for &(x, y) in &cells[..6] {
        let c = &buf[(x, y)];
        assert!(c.modifier.contains(Modifier::REVERSED | Modifier::BOLD), "{:?} at {x},{y}", c.modifier);
        assert_eq!(c.fg, Color::Yellow);
    }
    // The text after it is not highlighted.
    let (x, y) = cells[7];
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
    // The cursor's mention is also underlined.
    let cur = cells_of(&buf, "said U.K. Defence Secretary John");
    let c = &buf[cur[28]];
    assert!(c.modifier.contains(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED), "{:?}", c.modifier);
}

#[test]
fn no_color_shows_selection_by_modifiers_only() {
    let mut app = app_at(120, 36, Theme::NO_COLOR);
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    let buf = buffer(&app);
    let cells = cells_of(&buf, "Healey will co-host");
    for &(x, y) in &cells[..6] {
        let c = &buf[(x, y)];
        assert!(c.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
    }
    for c in &buf.content {
        assert_eq!(c.fg, Color::Reset, "a colour with NO_COLOR: {c:?}");
        assert_eq!(c.bg, Color::Reset, "a colour with NO_COLOR: {c:?}");
    }
    // The article marks every mention by underline, the selection by reverse.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('4'));
    press(&mut app, ch('n'));
    let buf = buffer(&app);
    let radakin = cells_of(&buf, "Radakin");
    assert!(buf[radakin[0]].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[radakin[0]].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_focused_list_row_is_reversed() {
    let app = app();
    let buf = buffer(&app);
    let cells = cells_of(&buf, "Vladimir Putin");
    assert!(buf[cells[0]].modifier.contains(Modifier::REVERSED));
    let cells = cells_of(&buf, "Tony Radakin");
    assert!(!buf[cells[0]].modifier.contains(Modifier::REVERSED));
}

// ---------------------------------------------------------------- untrusted text and alignment

fn analysis_of(docs: &[(&str, &str)]) -> Arc<Analysis> {
    Arc::new(Analysis::run(Corpus::from_texts(docs.iter().copied())))
}

#[test]
fn control_characters_never_reach_the_buffer() {
    let hostile = "Evil\u{1b}]52;c;SGVsbG8=\u{7} and \u{1b}]0;pwned\u{7} and \u{1b}[2J and \u{202e}reversed. \
                   John Healey said so. \u{9b}31m";
    let mut a = Analysis::run(Corpus::from_texts([("a.txt", hostile), ("b.txt", "John Healey again.")]));
    // File names are not sanitized at load: the draw edge must cope.
    a.corpus.docs[0].path = "dir/\u{1b}]0;title\u{7}.txt".into();
    a.corpus.docs[0].title = "raw \u{1b}[2J title".into();
    a.corpus.name = "\u{1b}[31mred".into();
    let mut app = App::new(Arc::new(a), Theme::COLOR, (120, 36));
    for k in ["1", "4", "]", "2"] {
        keys_str(&mut app, k);
        let buf = buffer(&app);
        for c in &buf.content {
            assert!(c.symbol().chars().all(crossread::tui::wrap::is_safe_char), "unsafe cell {:?}", c.symbol());
        }
    }
    press(&mut app, key(KeyCode::Enter));
    let rows = rows_of(&buffer(&app)).join("\n");
    assert!(rows.contains('\u{241b}'), "ESC is shown as a visible symbol");
    keys_str(&mut app, "1");
    let rows = rows_of(&buffer(&app)).join("\n");
    assert!(rows.contains("dir/␛]0;title␇.txt"), "{rows}");
}

#[test]
fn scrub_replaces_anything_unsafe() {
    let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
    buf[(1, 0)].set_symbol("\u{1b}");
    let r = std::panic::catch_unwind(move || {
        let mut b = buf;
        draw::scrub(&mut b);
        b
    });
    // Debug builds assert; release builds repair.
    if let Ok(b) = r {
        assert_eq!(b[(1, 0)].symbol(), "\u{fffd}");
    }
}

#[test]
fn wide_characters_and_combining_marks_keep_the_borders_aligned() {
    let text = "東京の記者会見で John Healey は語った。日本語の文章がここに続きます、とても長い行です。\n\
                Café Zürich: cafe\u{301} and n\u{303}o and e\u{301}\u{301} stacked marks.\n\
                Emoji 🎉🇬🇧👍🏽 and 👩\u{200d}🔬 in a line that goes on long enough to wrap around.";
    let text = format!("{text}\nThe visit to London was short, said Defence Secretary John Healey.");
    let a = analysis_of(&[("wide.txt", &text), ("other.txt", "In London, Defence Secretary John Healey spoke.")]);
    assert!(!a.entities.is_empty());
    for (w, h) in [(120u16, 36u16), (80, 24), (61, 15)] {
        let mut app = App::new(Arc::clone(&a), Theme::COLOR, (w, h));
        keys_str(&mut app, "4");
        for view in 0..2 {
            let buf = buffer(&app);
            let rows = rows_of(&buf);
            for (y, row) in rows.iter().enumerate() {
                let width = unicode_width::UnicodeWidthStr::width(row.as_str());
                assert_eq!(width, usize::from(w), "row {y} is {width} wide at {w}x{h} (view {view}): {row:?}");
            }
            // The right border of the article pane is in the last column on every body row.
            for y in 1..h - 2 {
                let s = buf[(w - 1, y)].symbol();
                assert!(["│", "┃", "┐", "┓", "┘", "┛"].contains(&s), "row {y}: {s:?} at {w}x{h}");
            }
            // Then the same side by side, on the first entity of the wide document.
            keys_str(&mut app, "2tttg");
            press(&mut app, key(KeyCode::Enter));
            assert_eq!(reader(&app).view, View::SideBySide);
        }
    }
}

// ---------------------------------------------------------------- fuzzy picker

/// Types text into whatever takes it (the picker, the find line, the editor).
fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn picker_names(app: &App) -> Vec<String> {
    let Some(Layer::Picker(p)) = app.layers.last() else { panic!("no picker open") };
    let s = &reader(app).searcher;
    p.hits.iter().map(|h| s.items[h.item].name.clone()).collect()
}

#[test]
fn the_picker_finds_names_as_they_are_typed_and_opens_the_choice() {
    let mut app = app();
    press(&mut app, ch('/'));
    assert!(matches!(app.layers.last(), Some(Layer::Picker(_))));
    // Empty: everything, most mentioned first.
    let all = picker_names(&app);
    assert_eq!(all.len(), seeds().entities.len() + seeds().pledges.len());
    // Arrows and Ctrl-n/Ctrl-p move.
    press(&mut app, ctrl('n'));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ctrl('p'));
    let Some(Layer::Picker(p)) = app.layers.last() else { panic!() };
    assert_eq!(p.pos.sel, 1);
    press(&mut app, key(KeyCode::Up));
    type_str(&mut app, "zelensky");
    assert_eq!(picker_names(&app)[0], "Volodymyr Zelenskyy");
    // q and j are text here, not quit and down.
    press(&mut app, key(KeyCode::Enter));
    assert!(app.layers.is_empty());
    let r = reader(&app);
    assert_eq!(r.view, View::SideBySide);
    assert_eq!(r.side.as_ref().unwrap().sel, Some(Selection::Entity(entity("Volodymyr Zelenskyy"))));
    assert_eq!(r.entity_rows[r.entities.sel], entity("Volodymyr Zelenskyy"), "the entity pane follows");
    // From the side-by-side view too; "sir keir" finds him by his alias.
    press(&mut app, ch('/'));
    type_str(&mut app, "sir keir");
    assert_eq!(picker_names(&app)[0], "Keir Starmer");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.layers.is_empty());
    assert!(!app.quit);
    // Figures of a pledge; results update on every key.
    press(&mut app, ch('/'));
    type_str(&mut app, "1.6");
    assert!(picker_names(&app)[0].starts_with("£1.6 billion"));
    type_str(&mut app, "qq");
    assert!(picker_names(&app).is_empty());
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Backspace));
    assert!(picker_names(&app)[0].starts_with("£1.6 billion"));
    // Backspace shows earlier results again from memory; typing on searches.
    let Some(Layer::Picker(p)) = app.layers.last() else { panic!() };
    assert_eq!(p.earlier.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(), ["", "1", "1.", "1.6"]);
    type_str(&mut app, " b");
    assert!(picker_names(&app)[0].starts_with("£1.6 billion"));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(reader(&app).side.as_ref().unwrap().sel, Some(Selection::Pledge(pledge("£1.6 billion"))));
    // An organisation: the entity pane switches to a kind that lists it.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('/'));
    type_str(&mut app, "ministry of defence");
    let first = picker_names(&app)[0].clone();
    press(&mut app, key(KeyCode::Enter));
    let r = reader(&app);
    assert_eq!(seeds().entities[r.entity_rows[r.entities.sel]].name, first);
}

#[test]
fn the_picker_shows_kind_alias_documents_and_highlights_matched_letters() {
    let mut app = app();
    press(&mut app, ch('/'));
    type_str(&mut app, "sir keir");
    let buf = buffer(&app);
    let rows = rows_of(&buf);
    let row = rows.iter().find(|r| r.contains("Keir Starmer")).expect("a result row");
    assert!(row.contains("person"), "{row}");
    assert!(row.contains("as “Sir Keir”"), "{row}");
    assert!(row.contains("in 3 docs"), "{row}");
    // The matched letters of the alias are bold and underlined (not only coloured).
    let cells = cells_of(&buf, "Sir Keir”");
    assert!(!cells.is_empty());
    for &c in &cells[..3] {
        assert!(buf[c].modifier.contains(Modifier::BOLD | Modifier::UNDERLINED), "{:?}", buf[c].modifier);
    }
    // The name itself is not highlighted when an alias matched.
    let name = cells_of(&buf, "Keir Starmer");
    assert!(!buf[name[0]].modifier.contains(Modifier::UNDERLINED));
    insta::assert_snapshot!("picker_120x36", screen(&app));
}

// ---------------------------------------------------------------- find

#[test]
fn find_in_the_article_highlights_every_hit_and_steps_through_them() {
    let mut app = app();
    press(&mut app, ch('4'));
    press(&mut app, ch('f'));
    assert!(matches!(app.layers.last(), Some(Layer::Find { .. })));
    type_str(&mut app, "ukraine");
    let f = reader(&app).find.clone().expect("a find");
    let text = &seeds().views[0].flat;
    let expected = text.to_lowercase().matches("ukraine").count();
    assert_eq!(f.hits.len(), expected);
    assert!(f.hits.iter().all(|h| text[h.range()].eq_ignore_ascii_case("ukraine")));
    // Backspace brings back the find of the shorter query, from memory.
    press(&mut app, key(KeyCode::Backspace));
    let shorter = reader(&app).find.clone().unwrap();
    assert_eq!(shorter.query, "ukrain");
    assert_eq!(shorter.hits.len(), text.to_lowercase().matches("ukrain").count());
    assert!(reader(&app).find_earlier.iter().any(|e| e.query == "ukrai"));
    type_str(&mut app, "e");
    assert_eq!(reader(&app).find.as_ref().unwrap().hits, f.hits);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.layers.is_empty());
    // n and N step through hits, not mentions, while the find is on.
    assert_eq!(key_action(&app, ch('n')), Some(Action::FindStep(true)));
    let first = reader(&app).find.as_ref().unwrap().cur;
    press(&mut app, ch('n'));
    assert_eq!(reader(&app).find.as_ref().unwrap().cur, first.map(|i| i + 1));
    press(&mut app, ch('N'));
    assert_eq!(reader(&app).find.as_ref().unwrap().cur, first);
    // Hits are bold and underlined, with a background colour; the current one
    // has another.
    let buf = buffer(&app);
    let hit_cells = |bg: Color| buf.content.iter().filter(|c| c.bg == bg).collect::<Vec<_>>();
    let current = hit_cells(Color::LightRed);
    assert_eq!(current.len(), "ukraine".len());
    let others = hit_cells(Color::LightGreen);
    assert!(others.len() >= "ukraine".len() * 2, "{}", others.len());
    assert!(others.iter().chain(&current).all(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED)));
    // The status bar says where we are.
    assert!(rows_of(&buf).last().unwrap().contains("find “ukraine”:"), "{:?}", rows_of(&buf).last());
    // Esc clears it; n steps mentions again.
    press(&mut app, key(KeyCode::Esc));
    assert!(reader(&app).find.is_none());
    assert_eq!(reader(&app).focus, Pane::Article);
    assert_eq!(key_action(&app, ch('n')), Some(Action::NextMention));
}

#[test]
fn find_side_by_side_covers_every_column() {
    let mut app = app();
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('f'));
    type_str(&mut app, "brussels");
    press(&mut app, key(KeyCode::Enter));
    let f = reader(&app).find.clone().unwrap();
    let docs: Vec<usize> = f.hits.iter().map(crossread::model::Span::doc).collect();
    assert!(docs.len() >= 2, "{docs:?}");
    // Stepping focuses the column of the hit and shows it.
    for _ in 0..f.hits.len() {
        press(&mut app, ch('n'));
        let r = reader(&app);
        let hit = r.find.as_ref().unwrap().current().unwrap();
        let side = r.side.as_ref().unwrap();
        let col = side.visible.iter().find(|c| c.doc == hit.doc()).expect("the hit's column is shown");
        assert_eq!(col.col, side.focus);
        let line = col.wrap.line_of(hit.start);
        let h = usize::from(crossread::tui::side::text_rect(col.rect).height);
        assert!(line >= col.top && line < col.top + h, "hit not in view");
    }
    // Showing the other documents looks there too.
    press(&mut app, ch('o'));
    let more = reader(&app).find.as_ref().unwrap().hits.len();
    assert!(more >= f.hits.len());
    // Esc in the find line clears it.
    press(&mut app, ch('f'));
    press(&mut app, key(KeyCode::Esc));
    assert!(reader(&app).find.is_none());
    assert!(app.layers.is_empty());
}

// ---------------------------------------------------------------- notes

fn notes_app(dir: &std::path::Path) -> App {
    let mut app = app();
    app.set_notes(crossread::notes::NotesFile::open(dir.join("notes.jsonl")));
    app
}

fn saved_notes(dir: &std::path::Path) -> Vec<crossread::notes::Note> {
    crossread::notes::NotesFile::open(dir.join("notes.jsonl")).notes().into_iter().cloned().collect()
}

/// Runs the work `update` asked for (re-analysis) as the event loop would.
fn run_effects(app: &mut App) {
    while let Some(e) = app.effects.pop() {
        let done = e.run();
        update(app, done);
    }
}

#[test]
fn a_annotates_the_mention_under_the_cursor_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_app(dir.path());
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    keys_str(&mut app, "n");
    let cur = reader(&app).side.as_ref().unwrap().current().unwrap();
    press(&mut app, ch('a'));
    let Some(Layer::Editor(e)) = app.layers.last() else { panic!("the editor is open") };
    assert_eq!(e.note.anchors.len(), 1);
    assert_eq!(e.note.concerns.as_ref().unwrap().name, "John Healey");
    insta::assert_snapshot!("editor_120x36", screen(&app));
    // q, j and n are text in the editor.
    type_str(&mut app, "quoted as Mr Healey here, Healey there");
    // other → figure → name; open → resolved → open.
    press(&mut app, ctrl('t'));
    press(&mut app, ctrl('t'));
    press(&mut app, ctrl('o'));
    press(&mut app, ctrl('o'));
    press(&mut app, ctrl('s'));
    assert!(app.layers.is_empty(), "the editor closes on save");
    assert!(app.message.as_deref().unwrap().starts_with("Note saved to"), "{:?}", app.message);
    let notes = saved_notes(dir.path());
    assert_eq!(notes.len(), 1);
    let n = &notes[0];
    assert_eq!(n.text, "quoted as Mr Healey here, Healey there");
    assert_eq!(n.kind, crossread::notes::NoteKind::Name);
    assert_eq!(n.status, crossread::notes::Status::Open);
    let a = &n.anchors[0];
    assert_eq!((a.start, a.end), (cur.start, cur.end));
    assert_eq!(a.exact, seeds().span_text(cur));
    assert_eq!(a.doc.id, seeds().corpus.docs[cur.doc()].id);
    assert!(!a.prefix.is_empty() && !a.suffix.is_empty());
    // The annotated span is marked: italic, with a ✎ in the gutter.
    let r = reader(&app);
    assert_eq!(r.notes.all.len(), 1);
    assert_eq!(r.notes.marks_in(cur.doc()), [(cur.start, cur.end)]);
    let col = r.side.as_ref().unwrap().visible.iter().find(|c| c.doc == cur.doc()).unwrap();
    assert_eq!(col.note_lines, [col.wrap.line_of(cur.start)]);
    // With the cursor elsewhere, the line shows ✎ in the gutter.
    press(&mut app, ch('N'));
    let buf = buffer(&app);
    assert!(rows_of(&buf).iter().any(|row| row.contains('✎')), "{}", rows_of(&buf).join("\n"));
}

#[test]
fn capital_a_annotates_every_mention_at_once_and_the_article_marks_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_app(dir.path());
    select_person(&mut app, "John Healey");
    press(&mut app, ch('4'));
    press(&mut app, ch('A'));
    type_str(&mut app, "every mention");
    press(&mut app, ctrl('s'));
    let n = &saved_notes(dir.path())[0];
    assert_eq!(n.anchors.len(), seeds().entities[entity("John Healey")].mentions.len());
    let r = reader(&app);
    assert!(!r.article.note_lines.is_empty(), "annotated lines are marked in the article");
    let first = seeds().entities[entity("John Healey")].mentions[0];
    let run = r.article.runs.iter().find(|x| x.start <= first.start && first.start < x.end).unwrap();
    assert!(run.marks.has(crossread::tui::wrap::Mark::Note));
    let buf = buffer(&app);
    let cells = cells_of(&buf, "John Healey.");
    assert!(buf[cells[0]].modifier.contains(Modifier::ITALIC));
}

#[test]
fn visual_mode_selects_a_passage_by_words_and_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_app(dir.path());
    press(&mut app, ch('4'));
    press(&mut app, ch(']'));
    let start = reader(&app).article.cursor.unwrap();
    press(&mut app, ch('v'));
    let text = &seeds().views[0].flat;
    let span = |app: &App| {
        let s = reader(app).visual_span().unwrap();
        text[s.range()].to_string()
    };
    assert_eq!(span(&app), text[start.range()]);
    keys_str(&mut app, "ww");
    let two = span(&app);
    assert!(two.starts_with(&text[start.range()]) && two.split_whitespace().count() > 2, "{two}");
    press(&mut app, ch('b'));
    assert!(span(&app).len() < two.len());
    press(&mut app, ch(')'));
    assert!(span(&app).ends_with('.'), "{}", span(&app));
    // The passage is drawn as a visual selection.
    let r = reader(&app);
    let v = r.visual_span().unwrap();
    assert!(r
        .article
        .runs
        .iter()
        .any(|x| x.start <= v.start && v.start < x.end && x.marks.has(crossread::tui::wrap::Mark::Visual)));
    assert_eq!(crossread::tui::keys::context(&app), crossread::tui::keys::Context::Visual);
    // a annotates it.
    let passage = span(&app);
    press(&mut app, ch('a'));
    assert!(reader(&app).visual.is_none());
    type_str(&mut app, "a passage");
    press(&mut app, ctrl('s'));
    let n = &saved_notes(dir.path())[0];
    assert_eq!(n.anchors.len(), 1);
    assert_eq!(n.anchors[0].exact, passage);
    // Esc cancels visual mode.
    press(&mut app, ch('v'));
    press(&mut app, key(KeyCode::Esc));
    assert!(reader(&app).visual.is_none());
    assert_eq!(reader(&app).focus, Pane::Article);
}

#[test]
fn the_editor_asks_before_losing_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_app(dir.path());
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    // Nothing written: Esc just closes.
    press(&mut app, ch('a'));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.layers.is_empty());
    press(&mut app, ch('a'));
    type_str(&mut app, "half a thought");
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(app.layers.last(), Some(Layer::Confirm { .. })));
    press(&mut app, ch('n'));
    assert!(matches!(app.layers.last(), Some(Layer::Editor(_))), "no: back to the editor");
    // Quitting asks too.
    press(&mut app, ctrl('c'));
    assert!(matches!(app.layers.last(), Some(Layer::Confirm { .. })));
    assert!(!app.quit);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('y'));
    assert!(app.layers.is_empty());
    assert!(saved_notes(dir.path()).is_empty());
    press(&mut app, ch('q'));
    assert!(app.quit);
}

#[test]
fn the_notes_pane_edits_resolves_deletes_and_jumps_to_the_spans() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_app(dir.path());
    select_pledge(&mut app, "£1.6 billion");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('A'));
    type_str(&mut app, "same figure in both");
    press(&mut app, ctrl('s'));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('6'));
    let r = reader(&app);
    assert_eq!(r.focus, Pane::Notes);
    assert_eq!(r.notes.rows.len(), 1);
    assert!(r.previewing());
    let rows = rows_of(&buffer(&app)).join("\n");
    assert!(rows.contains("same figure in both"), "{rows}");
    assert!(rows.contains("figure · open"), "{rows}");
    assert!(rows.contains("notes go to"), "the status bar says where notes go");
    // The snapshot without what changes from run to run (the path, the times).
    let n = reader(&app).notes.all[0].clone();
    let path = dir.path().join("notes.jsonl").display().to_string();
    let shown = screen(&app).replace(&n.created, "YYYY-MM-DDTHH:MM:SS.mmmZ").replace(&path, "NOTES.jsonl");
    insta::assert_snapshot!("notes_pane_120x36", shown);
    // Enter: its quotes side by side.
    press(&mut app, key(KeyCode::Enter));
    let side = reader(&app).side.clone().unwrap();
    assert_eq!(side.sel, None);
    assert_eq!(side.spans.len(), seeds().pledges[pledge("£1.6 billion")].figures.len());
    assert!(rows_of(&buffer(&app))[0].contains("Note: same figure in both"));
    press(&mut app, key(KeyCode::Esc));
    // e edits.
    press(&mut app, ch('e'));
    type_str(&mut app, ", checked");
    press(&mut app, ctrl('s'));
    assert_eq!(saved_notes(dir.path())[0].text, "same figure in both, checked");
    // r resolves; the status filter hides it from the open ones.
    press(&mut app, ch('r'));
    assert_eq!(saved_notes(dir.path())[0].status, crossread::notes::Status::Resolved);
    press(&mut app, ch('s'));
    assert_eq!(reader(&app).notes.status, crossread::tui::notes::StatusFilter::Open);
    assert!(reader(&app).notes.rows.is_empty());
    press(&mut app, ch('s'));
    assert_eq!(reader(&app).notes.rows.len(), 1);
    press(&mut app, ch('t'));
    assert_eq!(reader(&app).notes.kind, Some(crossread::notes::NoteKind::Figure));
    assert_eq!(reader(&app).notes.rows.len(), 1);
    press(&mut app, ch('t'));
    assert!(reader(&app).notes.rows.is_empty(), "no name notes");
    keys_str(&mut app, "tttts");
    assert_eq!(reader(&app).notes.rows.len(), 1);
    // d deletes, after asking.
    press(&mut app, ch('d'));
    assert!(matches!(app.layers.last(), Some(Layer::Confirm { .. })));
    press(&mut app, ch('n'));
    assert_eq!(saved_notes(dir.path()).len(), 1);
    press(&mut app, ch('d'));
    press(&mut app, ch('y'));
    assert!(saved_notes(dir.path()).is_empty());
    assert!(reader(&app).notes.rows.is_empty());
}

#[test]
fn unsaved_notes_are_kept_retried_and_asked_about_on_quit() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let mut app = app();
    // A folder cannot be made under a regular file.
    app.set_notes(crossread::notes::NotesFile::open(blocker.join("notes.jsonl")));
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('a'));
    type_str(&mut app, "precious");
    press(&mut app, ctrl('s'));
    assert!(app.message.as_deref().unwrap().contains("notes not saved"), "{:?}", app.message);
    assert!(app.notes.as_ref().unwrap().has_unsaved());
    assert_eq!(reader(&app).notes.all.len(), 1, "the note is kept in memory");
    // The status bar keeps saying so after the message is gone.
    press(&mut app, ch('n'));
    let status = rows_of(&buffer(&app)).last().unwrap().clone();
    assert!(status.contains("notes not saved"), "{status}");
    // Quitting asks.
    press(&mut app, ch('q'));
    assert!(!app.quit);
    let Some(Layer::Confirm { question, .. }) = app.layers.last() else { panic!("no question") };
    assert!(question.contains("could not be written"), "{question}");
    press(&mut app, ch('n'));
    assert!(!app.quit);
    // Once the folder can be made, the retry writes it.
    std::fs::remove_file(&blocker).unwrap();
    update(&mut app, Action::RetrySave);
    assert!(!app.notes.as_ref().unwrap().has_unsaved());
    assert!(reader(&app).notes.unsaved.is_none());
    let saved = crossread::notes::NotesFile::open(blocker.join("notes.jsonl"));
    assert_eq!(saved.notes()[0].text, "precious");
    press(&mut app, ch('q'));
    assert!(app.quit, "nothing to lose: no question");
}

#[test]
fn without_a_notes_file_annotating_says_how_to_get_one() {
    let mut app = app();
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('a'));
    assert!(app.layers.is_empty());
    assert!(app.message.as_deref().unwrap().contains("--notes PATH"));
}

// ---------------------------------------------------------------- discrepancies

#[test]
fn the_discrepancies_pane_shows_evidence_and_opens_it_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_app(dir.path());
    press(&mut app, ch('5'));
    let a = seeds();
    let quote = a.discrepancies.iter().position(|d| d.kind == crossread::model::DiscrepancyKind::Quote).unwrap();
    for _ in 0..40 {
        if reader(&app).current_discrepancy() == Some(quote) {
            break;
        }
        press(&mut app, ch('j'));
    }
    assert_eq!(reader(&app).selection, Some(Selection::Discrepancy(quote)));
    let buf = buffer(&app);
    let rows = rows_of(&buf).join("\n");
    assert!(rows.contains("Quotations worded differently"), "{rows}");
    assert!(rows.contains(" Evidence "), "{rows}");
    assert!(!rows.contains("[-will not-]"), "markup is rendered, not shown");
    // Removed words struck out, added ones underlined.
    let removed = cells_of(&buf, "will not cannot");
    assert!(!removed.is_empty(), "{rows}");
    assert!(buf[removed[0]].modifier.contains(Modifier::CROSSED_OUT));
    assert!(buf[removed[9]].modifier.contains(Modifier::UNDERLINED | Modifier::BOLD));
    insta::assert_snapshot!("discrepancies_120x36", screen(&app));
    // Enter: the passages side by side, with the evidence above.
    press(&mut app, key(KeyCode::Enter));
    let side = reader(&app).side.clone().unwrap();
    assert_eq!(side.sel, Some(Selection::Discrepancy(quote)));
    assert_eq!(side.mentioned.len(), 4);
    assert!(!side.evidence.is_empty());
    let rows = rows_of(&buffer(&app));
    assert!(rows[1].contains("000: We will not jeopardise"), "{}", rows[1]);
    assert!(rows[0].contains("passage 1 of"), "{}", rows[0]);
    // Short of room, the evidence lines that show a change come first.
    let mut small = app_at(80, 24, Theme::COLOR);
    small.set_notes(crossread::notes::NotesFile::open(dir.path().join("notes.jsonl")));
    update(&mut small, Action::Focus(Pane::Discrepancies));
    let area = small.area();
    small.reader_mut().unwrap().open_side(Selection::Discrepancy(quote), area);
    small.prepare();
    let line = rows_of(&buffer(&small))[1].clone();
    assert!(line.contains("001: However We will not"), "{line}");
    // In the columns, the words one account added are marked: "However" (001).
    assert!(side.word_marks.values().flatten().any(|m| m.2 == crossread::tui::wrap::Mark::Added));
    let buf = buffer(&app);
    // (The column's text, not its header, which quotes it with curly quotes.)
    let however = cells_of(&buf, "\"However, we");
    assert!(!however.is_empty());
    assert!(buf[however[1]].modifier.contains(Modifier::UNDERLINED | Modifier::BOLD), "{:?}", buf[however[1]]);
    assert!(!buf[however[8]].modifier.contains(Modifier::UNDERLINED), "the comma is not a word");
    assert!(!buf[however[10]].modifier.contains(Modifier::UNDERLINED), "\"we\" is in both");
    insta::assert_snapshot!("side_quote_120x36", screen(&app));
    press(&mut app, key(KeyCode::Esc));
    // a: a note with the kind mapped, the summary and the quotes.
    press(&mut app, ch('a'));
    let Some(Layer::Editor(e)) = app.layers.last() else { panic!("the editor is open") };
    assert_eq!(e.note.kind, crossread::notes::NoteKind::Quote);
    assert_eq!(e.text(), a.discrepancies[quote].summary);
    assert_eq!(e.note.anchors.len(), 4);
    assert_eq!(e.note.concerns.as_ref().unwrap().name, "John Healey");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.layers.is_empty(), "an untouched prefilled note closes without asking");
    press(&mut app, ch('a'));
    press(&mut app, ctrl('s'));
    assert_eq!(saved_notes(dir.path())[0].kind, crossread::notes::NoteKind::Quote);
}

#[test]
fn the_spun_copy_opens_side_by_side_with_its_swapped_words() {
    let mut app = app();
    let a = seeds();
    let reuse = a.discrepancies.iter().position(|d| d.summary.contains("spun")).unwrap();
    press(&mut app, ch('5'));
    for _ in 0..40 {
        if reader(&app).current_discrepancy() == Some(reuse) {
            break;
        }
        press(&mut app, ch('j'));
    }
    press(&mut app, key(KeyCode::Enter));
    let buf = buffer(&app);
    let rows = rows_of(&buf);
    let line = rows.iter().find(|r| r.contains("swapped (")).expect("the swapped words").clone();
    assert!(line.contains("said → mentioned"), "{line}");
    let cells = cells_of(&buf, "said → mentioned");
    assert!(buf[cells[0]].modifier.contains(Modifier::CROSSED_OUT));
    assert!(buf[cells[7]].modifier.contains(Modifier::UNDERLINED));
}

// ---------------------------------------------------------------- corrections

fn entity_named(app: &App, name: &str) -> Option<usize> {
    reader(app).a.entities.iter().position(|e| e.name == name)
}

/// Puts the entity pane (all kinds) on an entity of the current analysis.
fn select_entity(app: &mut App, name: &str) {
    press(app, ch('2'));
    while reader(app).kind != crossread::tui::rows::KindFilter::All {
        press(app, ch('t'));
    }
    let e = entity_named(app, name).unwrap_or_else(|| panic!("no {name}"));
    let row = reader(app).entity_rows.iter().position(|&x| x == e).unwrap();
    press(app, ch('g'));
    for _ in 0..row {
        press(app, ch('j'));
    }
    assert_eq!(reader(app).selection, Some(Selection::Entity(e)));
}

#[test]
fn entities_are_merged_split_renamed_rejected_and_retyped_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_app(dir.path());
    // Merge: m, then the other entity in the picker.
    select_entity(&mut app, "Trump");
    press(&mut app, ch('m'));
    assert!(rows_of(&buffer(&app)).iter().any(|r| r.contains("Merge “Trump” into")));
    type_str(&mut app, "witkoff");
    assert_eq!(picker_names(&app)[0], "Steve Witkoff");
    assert!(!picker_names(&app).iter().any(|n| n == "Trump"), "not into itself");
    assert!(!picker_names(&app).iter().any(|n| n.contains('£')), "only entities");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.busy.is_some());
    assert!(rows_of(&buffer(&app)).last().unwrap().contains("“Trump” merged into “Steve Witkoff”: analysing again"));
    run_effects(&mut app);
    assert!(app.busy.is_none());
    assert_eq!(app.message.as_deref(), Some("“Trump” merged into “Steve Witkoff”; the panes show it."));
    assert_eq!(entity_named(&app, "Trump"), None);
    let w = entity_named(&app, "Steve Witkoff").unwrap();
    assert!(reader(&app).a.entities[w].aliases.contains(&"Trump".to_string()));
    assert_eq!(reader(&app).selection, Some(Selection::Entity(w)), "the merged entity is selected");
    // It is listed by its new counts: Trump's documents are now Witkoff's.
    let r = reader(&app);
    let docs: Vec<usize> = r.entity_rows.iter().map(|&e| r.a.entities[e].doc_count).collect();
    assert!(docs.windows(2).all(|w| w[0] >= w[1]), "{docs:?}");
    assert_eq!(reader(&app).focus, Pane::Entities);
    // Split: s, then one of its names.
    select_entity(&mut app, "John Healey");
    press(&mut app, ch('s'));
    let Some(Layer::Choose { options, .. }) = app.layers.last() else { panic!("a choice") };
    let k = options.iter().position(|o| o == "Mr Healey").unwrap();
    for _ in 0..k {
        press(&mut app, ch('j'));
    }
    press(&mut app, key(KeyCode::Enter));
    run_effects(&mut app);
    assert!(entity_named(&app, "Mr Healey").is_some());
    // Rename: R, a new name.
    select_entity(&mut app, "John Healey");
    press(&mut app, ch('R'));
    press(&mut app, ctrl('u'));
    type_str(&mut app, "John Healey MP");
    press(&mut app, key(KeyCode::Enter));
    run_effects(&mut app);
    assert!(entity_named(&app, "John Healey MP").is_some());
    // Reject: x asks first.
    select_entity(&mut app, "Brooke Vincent");
    press(&mut app, ch('x'));
    press(&mut app, ch('n'));
    assert!(app.effects.is_empty());
    press(&mut app, ch('x'));
    press(&mut app, ch('y'));
    run_effects(&mut app);
    assert_eq!(entity_named(&app, "Brooke Vincent"), None);
    // Retype: T, a kind.
    select_entity(&mut app, "Mike Toolan");
    press(&mut app, ch('T'));
    press(&mut app, key(KeyCode::Enter));
    run_effects(&mut app);
    let m = entity_named(&app, "Mike Toolan").unwrap();
    assert_eq!(reader(&app).a.entities[m].kind, EntityKind::Organisation);
    // All five are in the notes file, and a new reader on it applies them.
    let file = crossread::notes::NotesFile::open(dir.path().join("notes.jsonl"));
    assert_eq!(file.corrections().list.len(), 5);
    let again = Analysis::run_with(Corpus::seeds(), &file.corrections());
    assert!(again.entities.iter().any(|e| e.name == "John Healey MP"));
    assert!(!again.entities.iter().any(|e| e.name == "Brooke Vincent"));
}

// ---------------------------------------------------------------- NO_COLOR, re-attached notes

fn assert_no_colour(app: &App, what: &str) {
    for c in &buffer(app).content {
        assert!(c.fg == Color::Reset && c.bg == Color::Reset, "a colour with NO_COLOR in {what}: {c:?}");
    }
}

#[test]
fn no_color_holds_in_every_new_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_at(120, 36, Theme::NO_COLOR);
    app.set_notes(crossread::notes::NotesFile::open(dir.path().join("notes.jsonl")));
    press(&mut app, ch('/'));
    type_str(&mut app, "sir keir");
    assert_no_colour(&app, "the picker");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('f'));
    type_str(&mut app, "keir");
    assert_no_colour(&app, "the find line and hits");
    press(&mut app, key(KeyCode::Enter));
    let buf = buffer(&app);
    assert!(buf.content.iter().any(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED)), "hits show");
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('v'));
    press(&mut app, ch('w'));
    assert_no_colour(&app, "a visual selection");
    press(&mut app, ch('a'));
    assert_no_colour(&app, "the editor (its placeholder)");
    type_str(&mut app, "x");
    press(&mut app, ctrl('s'));
    assert_no_colour(&app, "annotated text");
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('6'));
    assert_no_colour(&app, "the notes pane");
    press(&mut app, ch('5'));
    for _ in 0..6 {
        press(&mut app, ch('j'));
    }
    assert_no_colour(&app, "the discrepancies pane and its evidence");
    press(&mut app, key(KeyCode::Enter));
    assert_no_colour(&app, "a discrepancy side by side");
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, ch('d'));
    press(&mut app, ch('6'));
    press(&mut app, ch('d'));
    assert_no_colour(&app, "a question");
}

#[test]
fn a_note_says_where_its_quotes_are_after_the_documents_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let before = [
        ("a.txt", "The mayor said 41 people died in the flood on Sunday, officials confirmed."),
        ("b.txt", "Officials said 44 people died in the flood on Sunday."),
    ];
    let a = analysis_of(&before);
    let mut file = crossread::notes::NotesFile::open(&path);
    let spans: Vec<crossread::model::Span> = ["41 people", "44 people"]
        .iter()
        .enumerate()
        .map(|(d, q)| {
            let s = a.corpus.docs[d].text.find(q).unwrap();
            crossread::model::Span::new(d, s, s + q.len())
        })
        .collect();
    file.save_note(crossread::tui::notes::draft(&a, None, &spans, "41 or 44?")).unwrap();
    // a.txt was edited (text added before the quote); b.txt is gone.
    let after = analysis_of(&[(
        "a.txt",
        "Update: the toll was revised. The mayor said 41 people died in the flood on Sunday, officials confirmed.",
    )]);
    // Opening the reader says so at once.
    let mut app = App::loading("x", Arc::new(Progress::default()), Theme::COLOR, (120, 36));
    app.notes = Some(crossread::notes::NotesFile::open(&path));
    update(&mut app, Action::Loaded(Arc::new(crossread::tui::app::Loaded::new(after))));
    assert!(app.message.as_deref().unwrap().starts_with("One note quotes words no longer found"), "{:?}", app.message);
    press(&mut app, ch('6'));
    let rows = rows_of(&buffer(&app)).join("\n");
    assert!(rows.contains("1 not found"), "{rows}");
    assert!(rows.contains("a was edited; the note was re-attached to the same words"), "{rows}");
    assert!(rows.contains("not found: b is not in this corpus"), "{rows}");
    // The quote found again is marked in its new place.
    let r = reader(&app);
    let s = r.a.corpus.docs[0].text.find("41 people").unwrap() as u32;
    assert_eq!(r.notes.marks_in(0), [(s, s + 9)]);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(reader(&app).view, View::SideBySide);
    assert!(app.message.as_deref().unwrap().contains("One of its quotes is not found"), "{:?}", app.message);
}

#[test]
fn clicks_choose_discrepancies_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_app(dir.path());
    select_person(&mut app, "John Healey");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('A'));
    type_str(&mut app, "one");
    press(&mut app, ctrl('s'));
    press(&mut app, key(KeyCode::Esc));
    // A click focuses the discrepancies pane; a heading cannot be chosen, a row can.
    let lay = reader(&app).main_layout(app.area());
    let d = crossread::tui::layout::inner(lay.rect(Pane::Discrepancies));
    update(&mut app, Action::Click(d.x + 2, d.y + 1));
    assert_eq!(reader(&app).focus, Pane::Discrepancies);
    let d = crossread::tui::layout::inner(reader(&app).main_layout(app.area()).rect(Pane::Discrepancies));
    let heading = reader(&app).discs.offset;
    assert!(matches!(reader(&app).disc_rows[heading], crossread::tui::disc::DiscRow::Heading(..)));
    let before = reader(&app).discs.sel;
    update(&mut app, Action::Click(d.x + 2, d.y));
    assert_eq!(reader(&app).discs.sel, before, "a heading is not chosen");
    // The first group (roles) holds one row; the row after the next heading.
    update(&mut app, Action::Click(d.x + 2, d.y + 3));
    assert_eq!(reader(&app).discs.sel, heading + 3);
    // Clicking it again opens it side by side.
    update(&mut app, Action::Click(d.x + 2, d.y + 3));
    assert_eq!(reader(&app).view, View::SideBySide);
    press(&mut app, key(KeyCode::Esc));
    // The notes pane: two lines a note.
    let n = crossread::tui::layout::inner(reader(&app).main_layout(app.area()).rect(Pane::Notes));
    update(&mut app, Action::Click(n.x + 2, n.y + 1));
    assert_eq!(reader(&app).focus, Pane::Notes);
    assert_eq!(reader(&app).notes.pos.sel, 0);
}

#[test]
fn pledges_come_first_and_disagreements_are_marked() {
    let a = seeds();
    let a = &*a;
    let f = FigureRows::new(a);
    assert!(matches!(f.rows[0], FigRow::Heading(_)));
    assert_eq!(f.rows[1], FigRow::Pledge(0));
    // Stated in more documents first.
    let docs: Vec<usize> = f.rows.iter().filter_map(|r| f.group(r)).map(|g| g.per_doc.len()).collect();
    let pledges = &docs[..f.pledges.len()];
    assert!(pledges.windows(2).all(|w| w[0] >= w[1]), "{pledges:?}");
    assert_eq!(f.first_selectable(), 1);
    // "over £4.5 billion" in one document, "£4.5 billion" in another.
    let p1 = a.pledges.iter().position(|p| p.label.starts_with("over £4.5 billion")).unwrap();
    assert_eq!(f.pledges[p1].agreement, Agreement::Hedged);
    // "£1.6 billion" and "over 5,000 missiles" / "more than five thousand": the same.
    let p3 = a.pledges.iter().position(|p| p.label.starts_with("£1.6 billion")).unwrap();
    assert_eq!(f.pledges[p3].agreement, Agreement::Same);
    assert_eq!(f.pledges[p3].per_doc.len(), 2);
    assert_eq!(f.heights[f.row_of(Selection::Pledge(p3)).unwrap()], 3);
}

#[test]
fn drafts_anchor_their_spans_and_name_what_they_concern() {
    let a = Analysis::run(Corpus::seeds());
    let e = a.entities.iter().position(|e| e.name == "John Healey").unwrap();
    let spans = a.spans_of(Selection::Entity(e));
    let n = draft(&a, Some(Selection::Entity(e)), &spans, "");
    assert_eq!(n.anchors.len(), spans.len());
    assert_eq!(n.anchors[0].exact, a.span_text(spans[0]));
    assert_eq!(n.concerns.as_ref().unwrap().id, a.entities[e].id);
    assert_eq!(n.kind, NoteKind::Other);
    let q = a.discrepancies.iter().position(|d| d.kind == crossread::model::DiscrepancyKind::Quote).unwrap();
    let n = draft(&a, Some(Selection::Discrepancy(q)), &a.spans_of(Selection::Discrepancy(q)), "x");
    assert_eq!(n.kind, NoteKind::Quote);
    assert_eq!(n.concerns.unwrap().name, "John Healey");
}
