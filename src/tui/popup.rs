//! Drawing the layers: the help, the fuzzy picker, the note editor, questions,
//! choices, one-line inputs and the find line. Like the rest of the drawing,
//! functions of `&App` only; every popup clears what is under it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::app::{App, Reader};
use super::draw::{fit_line, quote_in_context, text_fit, wrap_styled};
use super::input::LineInput;
use super::layer::{self, HelpLine, Layer, PickFor, Picker};
use super::layout;
use super::notes::{status_str, Editor};
use super::rows::thousands;
use super::theme::Theme;
use super::wrap::{self, fit_left, safe};
use crate::report::one_line;

/// Draws one layer over what is already drawn.
pub fn draw_layer(app: &App, l: &Layer, area: Rect, buf: &mut Buffer) {
    match l {
        Layer::Help { scroll } => help(app, *scroll, area, buf),
        Layer::Picker(p) => {
            if let Some(r) = app.reader() {
                picker(app.theme, r, p, area, buf);
            }
        }
        Layer::Editor(e) => editor(app, e, area, buf),
        Layer::Confirm { question, .. } => confirm(app.theme, question, area, buf),
        Layer::Choose { title, options, pos, .. } => {
            let r = layer::choose_rect(area, options.len());
            let block = dialog_block(app.theme, " Choose ", " Enter chooses · Esc cancels ");
            let inner = block.inner(r);
            Clear.render(r, buf);
            block.render(r, buf);
            let t = app.theme;
            let w = usize::from(inner.width.saturating_sub(2));
            let text = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
            Line::from(text_fit(title, w, t.heading())).render(Rect { height: 1.min(text.height), ..text }, buf);
            let list = Rect { y: text.y + 2, height: text.height.saturating_sub(2), ..text };
            for (k, o) in options.iter().enumerate().skip(pos.offset).take(usize::from(list.height)) {
                let row = Rect { y: list.y + (k - pos.offset) as u16, height: 1, ..list };
                Line::from(text_fit(o, w, t.text())).render(row, buf);
                if k == pos.sel {
                    buf.set_style(row, t.row(true));
                }
            }
        }
        Layer::Input { title, input, .. } => {
            let r = layout::dialog(area, 3);
            let block = dialog_block(app.theme, " Rename ", " Enter done · Esc cancels ");
            let inner = block.inner(r);
            Clear.render(r, buf);
            block.render(r, buf);
            let text = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
            let w = usize::from(text.width);
            Line::from(text_fit(title, w, app.theme.heading()))
                .render(Rect { height: 1.min(text.height), ..text }, buf);
            if text.height >= 3 {
                input_line(app.theme, input, "", Rect { y: text.y + 2, height: 1, ..text }, buf);
            }
        }
        Layer::Find { input } => find_line(app, input, area, buf),
    }
}

fn dialog_block<'a>(t: Theme, title: &'a str, keys: &'a str) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border(true))
        .title(Line::styled(title, t.title(true)))
        .title_bottom(Line::styled(keys, t.muted().remove_modifier(Modifier::DIM)).alignment(Alignment::Right))
}

/// A one-line input with its cursor (a reversed cell), the end kept in view.
fn input_line(t: Theme, input: &LineInput, prompt: &str, row: Rect, buf: &mut Buffer) {
    let w = usize::from(row.width);
    let before = safe(&input.text[..input.cursor]).into_owned();
    let mut rest = input.text[input.cursor..].chars();
    let at = rest.next().map_or_else(|| " ".to_string(), |c| safe(&c.to_string()).into_owned());
    let after = safe(rest.as_str()).into_owned();
    let room = w.saturating_sub(wrap::width(prompt) + 1);
    let before = fit_left(&before, room).into_owned();
    let spans = vec![
        Span::styled(prompt.to_string(), t.key()),
        Span::styled(before, t.text()),
        Span::styled(at, t.text().add_modifier(Modifier::REVERSED)),
        Span::styled(after, t.text()),
    ];
    fit_line(spans, w).render(row, buf);
}

fn help(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let r = layout::help(area);
    Clear.render(r, buf);
    let inner = layout::inner(r);
    let lines = layer::help_lines(inner.width);
    let inner_h = usize::from(inner.height);
    let more = lines.len() > inner_h;
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border(true))
        .title(Line::styled(" Help: every key ", t.title(true)))
        .title_bottom(
            Line::styled(
                if more { " j/k scroll · Esc closes " } else { " Esc closes " },
                t.muted().remove_modifier(Modifier::DIM),
            )
            .alignment(Alignment::Right),
        );
    block.render(r, buf);
    let key_w = layer::key_column();
    for (k, l) in lines.iter().skip(usize::from(scroll)).take(inner_h).enumerate() {
        let y = inner.y + k as u16;
        let row = Rect { y, height: 1, x: inner.x + 1, width: inner.width.saturating_sub(1) };
        let line = match l {
            HelpLine::Title(s) => Line::styled(*s, t.heading()),
            HelpLine::Key(keys, what) => {
                let keys = keys.unwrap_or("");
                let pad = key_w.saturating_sub(wrap::width(keys));
                Line::from(vec![
                    Span::raw("  "),
                    Span::styled(keys, t.key()),
                    Span::raw(" ".repeat(pad)),
                    Span::raw(what.as_str()),
                ])
            }
            HelpLine::Blank => Line::raw(""),
        };
        line.render(row, buf);
    }
}

/// A form with its matched letters (char indices) in the matched style.
fn highlighted(s: &str, matched: &[usize], base: Style, hit: Style, max: usize) -> Vec<Span<'static>> {
    let safe = safe(s);
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut cur = String::new();
    let mut cur_hit = false;
    for (i, c) in safe.chars().enumerate() {
        let h = matched.binary_search(&i).is_ok();
        if h != cur_hit && !cur.is_empty() {
            out.push(Span::styled(std::mem::take(&mut cur), if cur_hit { base.patch(hit) } else { base }));
        }
        cur_hit = h;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(Span::styled(cur, if cur_hit { base.patch(hit) } else { base }));
    }
    fit_line(out, max).spans
}

fn picker(t: Theme, r: &Reader, p: &Picker, area: Rect, buf: &mut Buffer) {
    let rect = layout::picker(area);
    Clear.render(rect, buf);
    let s = &r.searcher;
    let title = match p.purpose {
        PickFor::Open => " Search names and pledges ".to_string(),
        PickFor::Merge(e) => {
            format!(" Merge “{}” into… ", r.a.entities.get(e).map(|e| one_line(&e.name)).unwrap_or_default())
        }
    };
    let count = format!(" {} of {} ", thousands(p.hits.len()), thousands(s.items.len()));
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border(true))
        .title(Line::from(text_fit(&title, usize::from(rect.width).saturating_sub(count.len() + 4), t.title(true))))
        .title(Line::styled(count, t.muted().remove_modifier(Modifier::DIM)).alignment(Alignment::Right))
        .title_bottom(
            Line::styled(" ↑↓ move · Enter open · Esc close ", t.muted().remove_modifier(Modifier::DIM))
                .alignment(Alignment::Right),
        );
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 3 {
        return;
    }
    let text = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    input_line(t, &p.input, "› ", Rect { height: 1, ..text }, buf);
    buf.set_string(inner.x, inner.y + 1, "─".repeat(usize::from(inner.width)), t.border(false));
    let list = Rect { y: text.y + 2, height: text.height - 2, ..text };
    let w = usize::from(list.width);
    if p.hits.is_empty() {
        Line::styled("Nothing matches.", t.muted()).render(Rect { height: 1, ..list }, buf);
        return;
    }
    for (k, hit) in p.hits.iter().enumerate().skip(p.pos.offset).take(usize::from(list.height)) {
        let item = &s.items[hit.item];
        let row = Rect { y: list.y + (k - p.pos.offset) as u16, height: 1, ..list };
        let docs = format!(" in {} doc{}", thousands(item.docs), if item.docs == 1 { "" } else { "s" });
        let kind = format!("  {}", item.kind.as_str());
        let form = s.form(hit);
        let room = w.saturating_sub(wrap::width(&docs) + kind.len());
        let mut spans: Vec<Span<'static>> = Vec::new();
        if form == item.name {
            spans.extend(highlighted(
                &item.name,
                &hit.matched,
                t.text().add_modifier(Modifier::BOLD),
                t.matched(),
                room,
            ));
            spans.push(Span::styled(kind, t.muted()));
        } else {
            let name_room = (room * 3 / 5).max(room.saturating_sub(wrap::width(form) + 6));
            spans.extend(fit_line(
                vec![Span::styled(safe(&one_line(&item.name)).into_owned(), t.text().add_modifier(Modifier::BOLD))],
                name_room,
            ));
            spans.push(Span::styled(kind, t.muted()));
            let used: usize = spans.iter().map(|x| wrap::width(&x.content)).sum();
            let alias_room = w.saturating_sub(used + wrap::width(&docs) + 6);
            if alias_room > 3 {
                spans.push(Span::styled("  as “", t.muted()));
                spans.extend(highlighted(form, &hit.matched, t.text(), t.matched(), alias_room));
                spans.push(Span::styled("”", t.muted()));
            }
        }
        let used: usize = spans.iter().map(|x| wrap::width(&x.content)).sum();
        spans.push(Span::raw(" ".repeat(w.saturating_sub(used + wrap::width(&docs)))));
        spans.push(Span::styled(docs, t.muted()));
        fit_line(spans, w).render(row, buf);
        if k == p.pos.sel {
            buf.set_style(row, t.row(true));
        }
    }
}

fn editor(app: &App, e: &Editor, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let rect = layout::editor(area);
    Clear.render(rect, buf);
    let title = if e.new { " New note " } else { " Edit note " };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(t.border(true))
        .title(Line::styled(title, t.title(true)))
        .title_bottom(
            Line::styled(" Ctrl-s save · Esc cancel ", t.muted().remove_modifier(Modifier::DIM))
                .alignment(Alignment::Right),
        );
    let inner = block.inner(rect);
    block.render(rect, buf);
    let text = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let w = usize::from(text.width);
    let n = &e.note;
    let mut head: Vec<Line<'static>> = Vec::new();
    let q = n.anchors.len();
    let about = match &n.concerns {
        Some(c) => format!("About {} ({}) · {q} quote{}", one_line(&c.name), c.kind, if q == 1 { "" } else { "s" }),
        None => format!("{q} quote{}", if q == 1 { "" } else { "s" }),
    };
    head.push(Line::from(text_fit(&about, w, t.heading())));
    if let Some(r) = app.reader() {
        for x in n.anchors.iter().take(2) {
            let doc = r.a.corpus.docs.iter().position(|d| d.id == x.doc.id).map_or("?".into(), |d| (d + 1).to_string());
            let mut spans = vec![Span::styled(format!("[{doc}] "), t.muted())];
            spans.extend(quote_in_context(t, x).into_iter().map(|(s, st)| Span::styled(safe(&s).into_owned(), st)));
            head.push(fit_line(spans, w));
        }
        if q > 2 {
            head.push(Line::styled(format!("… and {} more", q - 2), t.muted()));
        }
    }
    head.push(Line::from(vec![
        Span::styled("kind ", t.muted()),
        Span::styled(n.kind.as_str(), t.heading()),
        Span::styled(" (Ctrl-t) · status ", t.muted()),
        Span::styled(status_str(n.status), t.heading()),
        Span::styled(" (Ctrl-o)", t.muted()),
    ]));
    let head_h = (head.len() as u16).min(text.height.saturating_sub(3));
    Paragraph::new(head).render(Rect { height: head_h, ..text }, buf);
    if text.height > head_h + 1 {
        buf.set_string(inner.x, text.y + head_h, "─".repeat(usize::from(inner.width)), t.border(false));
        let area_rect = Rect { y: text.y + head_h + 1, height: text.height - head_h - 1, ..text };
        (&e.area).render(area_rect, buf);
    }
}

fn confirm(t: Theme, question: &str, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(4).min(72).saturating_sub(4);
    let lines = wrap_styled(&[(question.to_string(), t.text())], usize::from(w));
    let r = layout::dialog(area, lines.len() as u16 + 2);
    Clear.render(r, buf);
    let block = dialog_block(t, " Are you sure? ", "");
    let inner = block.inner(r);
    block.render(r, buf);
    let text = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let mut all = lines;
    all.push(Line::raw(""));
    all.push(Line::from(vec![
        Span::styled("y", t.key()),
        Span::styled(" yes   ", t.text()),
        Span::styled("n", t.key()),
        Span::styled(" / ", t.muted()),
        Span::styled("Esc", t.key()),
        Span::styled(" no", t.text()),
    ]));
    Paragraph::new(all).render(text, buf);
}

/// The find line, over the status bar.
fn find_line(app: &App, input: &LineInput, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let row = Rect { y: area.bottom().saturating_sub(1), height: 1.min(area.height), ..area };
    Clear.render(row, buf);
    let pos = app.reader().and_then(|r| r.find.as_ref()).map(super::find::Find::position).unwrap_or_default();
    let right = if input.text.trim().is_empty() {
        "  Enter done · Esc clear ".to_string()
    } else {
        format!("  {pos} · ↓↑ hits · Enter done · Esc clear ")
    };
    let rw = wrap::width(&right).min(usize::from(row.width) / 2);
    let left = Rect { width: row.width.saturating_sub(rw as u16), ..row };
    input_line(t, input, " Find: ", left, buf);
    let style = if pos == "no match" { t.warning() } else { t.muted() };
    Line::from(text_fit(&right, rw, style)).render(Rect { x: left.right(), width: rw as u16, ..row }, buf);
}
