//! Drawing: functions of `&App` that fill a frame. They never change the state;
//! whatever they need beyond it was prepared by `update`.
//!
//! Every string taken from a document, a file name or the analysis goes through
//! [`text`] (which makes it [`wrap::safe`]), and [`scrub`] checks the finished
//! frame, so nothing but printable text reaches the terminal.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use ratatui::Frame;

use super::app::{App, Loading, Mode, Pane, Reader, View};
use super::disc::{self, DiscRow, Seg};
use super::keys::{self, Context};
use super::layout;
use super::notes::status_str;
use super::rows::{self, thousands, FigRow, GROUP_DOC_LINES};
use super::side::{text_rect, Column};
use super::theme::Theme;
use super::wrap::{self, fit, fit_left, safe, WLine};
use crate::analysis::{Analysis, Selection, Stage};
use crate::notes::anchor::Found;
use crate::report::one_line;

/// Draws the whole screen.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let buf = f.buffer_mut();
    render(app, area, buf);
}

/// Draws the whole screen into a buffer (the frame's, or a test's).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if layout::fits(area) {
        match &app.mode {
            Mode::Loading(l) => loading(app, l, area, buf),
            Mode::Ready(r) => match r.view {
                View::Main => main_view(app, r, area, buf),
                View::SideBySide => side_view(app, r, area, buf),
            },
        }
        for l in &app.layers {
            super::popup::draw_layer(app, l, area, buf);
        }
    } else {
        too_small(area, buf);
    }
    scrub(buf);
}

/// The last guard before the terminal: any cell holding a control character or
/// a bidi control is replaced. Nothing should ever be found (all text went
/// through [`safe`]); debug builds say so loudly.
pub fn scrub(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if !cell.symbol().chars().all(wrap::is_safe_char) {
            debug_assert!(false, "unsafe text reached the draw edge: {:?}", cell.symbol());
            cell.set_char(wrap::PLACEHOLDER);
        }
    }
}

/// A span of untrusted text, made safe.
pub(super) fn text(s: &str, style: Style) -> Span<'_> {
    Span::styled(safe(s), style)
}

/// A span of untrusted text, made safe and shortened to `max` columns.
pub(super) fn text_fit(s: &str, max: usize, style: Style) -> Span<'static> {
    Span::styled(fit(&safe(s), max).into_owned(), style)
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let (need, now) =
        (format!("{}x{}", layout::MIN_WIDTH, layout::MIN_HEIGHT), format!("{}x{}", area.width, area.height));
    let w = usize::from(area.width);
    let msg = [
        format!("crossread needs at least {need} (now {now})"),
        format!("crossread needs {need} (now {now})"),
        format!("needs {need} (now {now})"),
        format!("needs {need}"),
    ]
    .into_iter()
    .find(|m| m.len() <= w)
    .unwrap_or_default();
    let y = area.y + area.height / 2;
    Line::from(msg).alignment(Alignment::Center).render(Rect { y, height: 1.min(area.height), ..area }, buf);
}

fn loading(app: &App, l: &Loading, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let [body, status] = [Rect { height: area.height - 1, ..area }, Rect { y: area.bottom() - 1, height: 1, ..area }];
    let r = layout::centered(body, 64, 8);
    let stage = l.progress.stage();
    let done = l.progress.done.load(std::sync::atomic::Ordering::Relaxed);
    let total = l.progress.total.load(std::sync::atomic::Ordering::Relaxed);
    let spin = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"][(l.ticks as usize) % 10];
    let inner_w = usize::from(r.width.saturating_sub(4));
    let mut lines = vec![
        Line::from(vec![Span::raw("Reading "), text_fit(&l.name, inner_w.saturating_sub(8), t.heading())]),
        Line::from(format!("{spin} {}", stage.as_str())),
    ];
    if total > 0 && stage == Stage::Extracting {
        let label = format!("{} of {} documents ", thousands(done), thousands(total));
        let bar_w = inner_w.saturating_sub(label.chars().count() + 2).max(4);
        let filled = (done * bar_w).checked_div(total).unwrap_or(0).min(bar_w);
        lines.push(Line::from(vec![
            Span::raw(label),
            Span::styled("█".repeat(filled), t.heading()),
            Span::styled("░".repeat(bar_w - filled), t.muted()),
        ]));
    } else if total > 0 {
        lines.push(Line::from(format!("{} documents", thousands(total))));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![Span::styled("q", t.key()), Span::styled(" quits", t.muted())]));
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(" crossread ")
                .border_style(t.border(true))
                .padding(ratatui::widgets::Padding::horizontal(1)),
        )
        .render(r, buf);
    status_bar(app, None, Context::Loading, status, buf);
}

fn pane_block(t: Theme, p: Pane, focused: bool, title: Vec<Span<'_>>) -> Block<'_> {
    let mut spans = vec![Span::styled(format!(" {} {} ", p.number(), p.name()), t.title(focused))];
    spans.extend(title);
    Block::bordered()
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(t.border(focused))
        .title(Line::from(spans))
}

fn main_view(app: &App, r: &Reader, area: Rect, buf: &mut Buffer) {
    let lay = r.main_layout(area);
    for (p, rect) in &lay.panes {
        let focused = r.focus == *p;
        match p {
            Pane::Documents => documents(app, r, *rect, focused, buf),
            Pane::Entities => entities(app, r, *rect, focused, buf),
            Pane::Figures => figures(app, r, *rect, focused, buf),
            Pane::Discrepancies => discrepancies(app, r, *rect, focused, buf),
            Pane::Notes => notes_pane(app, r, *rect, focused, buf),
            Pane::Article if r.previewing() => preview(app, r, *rect, buf),
            Pane::Article => article(app, r, *rect, focused, buf),
        }
    }
    status_bar(app, Some(r), keys::context(app), lay.status, buf);
}

/// Fills a row's rectangle with the selection style.
fn row_style(buf: &mut Buffer, rect: Rect, style: Style) {
    buf.set_style(rect, style);
}

fn documents(app: &App, r: &Reader, rect: Rect, focused: bool, buf: &mut Buffer) {
    let t = app.theme;
    let a = &r.a;
    let mut title = vec![Span::styled(format!("({}) ", thousands(a.corpus.docs.len())), t.muted())];
    let skipped = a.corpus.warnings.len();
    if skipped > 0 {
        title.push(Span::styled(format!("· {skipped} skipped or repaired "), t.warning()));
    }
    let block = pane_block(t, Pane::Documents, focused, title);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let w = usize::from(inner.width);
    let mut y = inner.y;
    for (i, d) in a.corpus.docs.iter().enumerate().skip(r.docs.offset) {
        if y >= inner.bottom() {
            break;
        }
        let row = Rect { y, height: 2.min(inner.bottom() - y), ..inner };
        let num = format!("[{}] ", i + 1);
        let line1 = Line::from(vec![
            Span::styled(num.clone(), t.muted()),
            text_fit(&one_line(&d.title), w.saturating_sub(num.len()), t.text()),
        ]);
        let line2 = Line::from(vec![
            Span::raw(" ".repeat(num.len())),
            Span::styled(
                doc_info(&d.path, d.bytes, r.doc_entities.get(i).copied().unwrap_or(0), w - num.len().min(w)),
                t.muted(),
            ),
        ]);
        line1.render(Rect { height: 1, ..row }, buf);
        if row.height > 1 {
            line2.render(Rect { y: y + 1, height: 1, ..row }, buf);
        }
        if i == r.docs.sel {
            row_style(buf, row, t.row(focused));
        } else if i == r.article.doc {
            buf.set_style(Rect { width: 1, ..row }, Style::new().add_modifier(Modifier::BOLD));
            buf[(row.x, row.y)].set_char('▌');
        }
        y += 2;
    }
}

/// A document's file, size and entity count in `w` columns: the path as given
/// if it fits, else the file name, shortened if need be; size and count always show.
fn doc_info(path: &str, bytes: usize, entities: u32, w: usize) -> String {
    let path = safe(path);
    let name = path.rsplit('/').next().unwrap_or(&path);
    let size = rows::human_size(bytes);
    let long = format!(" · {size} · {entities} {}", if entities == 1 { "entity" } else { "entities" });
    let short = format!(" · {size} · {entities} ent.");
    for info in [&long, &short] {
        for p in [&*path, name] {
            if wrap::width(p) + wrap::width(info) <= w {
                return format!("{p}{info}");
            }
        }
    }
    format!("{}{short}", fit(name, w.saturating_sub(wrap::width(&short))))
}

fn entities(app: &App, r: &Reader, rect: Rect, focused: bool, buf: &mut Buffer) {
    let t = app.theme;
    let a = &r.a;
    let title = vec![
        Span::styled(format!("{} ({}) ", r.kind.name(), thousands(r.entity_rows.len())), t.muted()),
        Span::styled("t ", t.key()),
        Span::styled("kind ", t.muted()),
    ];
    let block = pane_block(t, Pane::Entities, focused, title);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let (list, detail) = layout::entity_split(inner);
    let n = thousands(a.corpus.docs.len());
    let w = usize::from(list.width);
    let wide = w >= 44;
    for (k, &e) in r.entity_rows.iter().enumerate().skip(r.entities.offset).take(usize::from(list.height)) {
        let ent = &a.entities[e];
        let y = list.y + (k - r.entities.offset) as u16;
        let row = Rect { y, height: 1, ..list };
        let right = if wide {
            let m = ent.mentions.len();
            format!(" {m} mention{} · in {} of {n} docs", if m == 1 { "" } else { "s" }, ent.doc_count)
        } else {
            format!(" {}× in {} of {n} docs", ent.mentions.len(), ent.doc_count)
        };
        let kind = if r.kind == rows::KindFilter::All { format!("{} ", kind_letter(ent.kind)) } else { String::new() };
        let name_w = w.saturating_sub(right.chars().count() + kind.len());
        let name = text_fit(&ent.name, name_w, t.text());
        let pad = name_w.saturating_sub(wrap::width(&name.content));
        Line::from(vec![
            Span::styled(kind, t.muted()),
            name,
            Span::raw(" ".repeat(pad)),
            Span::styled(right, t.muted()),
        ])
        .render(row, buf);
        if k == r.entities.sel {
            row_style(buf, row, t.row(focused));
        }
    }
    if r.entity_rows.is_empty() {
        Line::styled(format!("No {} found.", r.kind.name().to_lowercase()), t.muted()).render(list, buf);
    }
    if detail.height > 0 {
        if let Some(ent) = r.entity_rows.get(r.entities.sel).map(|&e| &a.entities[e]) {
            let dw = usize::from(detail.width);
            let aka = if ent.aliases.is_empty() { "no other names".to_string() } else { ent.aliases.join(", ") };
            let roles = if ent.roles.is_empty() {
                format!("{}, no title given", ent.kind.as_str())
            } else {
                ent.roles.join("; ")
            };
            Line::from(vec![Span::styled("aka ", t.heading()), text_fit(&aka, dw.saturating_sub(4), t.text())])
                .render(Rect { height: 1, ..detail }, buf);
            Line::from(vec![Span::styled("is  ", t.heading()), text_fit(&roles, dw.saturating_sub(4), t.text())])
                .render(Rect { y: detail.y + 1, height: 1, ..detail }, buf);
        }
    }
}

fn kind_letter(k: crate::model::EntityKind) -> &'static str {
    match k {
        crate::model::EntityKind::Person => "P",
        crate::model::EntityKind::Organisation => "O",
        crate::model::EntityKind::Place => "L",
    }
}

fn figures(app: &App, r: &Reader, rect: Rect, focused: bool, buf: &mut Buffer) {
    let t = app.theme;
    let a = &r.a;
    let fr = &r.figure_rows;
    let title = vec![
        Span::styled("≠ ", t.differs()),
        Span::styled("values differ ", t.muted()),
        Span::styled("~ ", t.differs()),
        Span::styled("hedged ", t.muted()),
    ];
    let block = pane_block(t, Pane::Figures, focused, title);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let w = usize::from(inner.width);
    let mut y = inner.y;
    for (i, row) in fr.rows.iter().enumerate().skip(r.figures.offset) {
        if y >= inner.bottom() {
            break;
        }
        let h = fr.heights[i].min(inner.bottom() - y);
        let rr = Rect { y, height: h, ..inner };
        let mut lines: Vec<Line> = Vec::new();
        match row {
            FigRow::Heading(s) => lines.push(Line::styled(s.clone(), t.heading())),
            FigRow::Pledge(_) | FigRow::Quantity(_) => {
                let g = fr.group(row).expect("group rows have a group");
                let label = match row {
                    FigRow::Pledge(p) => a.pledges[*p].label.as_str(),
                    FigRow::Quantity(q) => a.quantities[*q].label.as_str(),
                    _ => "",
                };
                let nd = g.per_doc.len();
                let docs = format!(" {nd} doc{}", if nd == 1 { "" } else { "s" });
                let label = text_fit(&one_line(label), w.saturating_sub(2 + docs.len()), t.text());
                let pad = w.saturating_sub(2 + docs.len() + wrap::width(&label.content));
                lines.push(Line::from(vec![
                    Span::styled(format!("{} ", g.agreement.mark()), t.differs()),
                    label,
                    Span::raw(" ".repeat(pad)),
                    Span::styled(docs, t.muted()),
                ]));
                for (d, figs) in g.per_doc.iter().take(GROUP_DOC_LINES) {
                    let mut spans = vec![Span::styled(format!("   [{}] ", d + 1), t.muted())];
                    let mut first = true;
                    for &f in figs {
                        if !first {
                            spans.push(Span::styled(" · ", t.muted()));
                        }
                        first = false;
                        let style = if g.differing.binary_search(&f).is_ok() { t.differs() } else { t.text() };
                        spans.push(text(&one_line(a.span_text(a.figures[f].span)), style).into_owned_span());
                    }
                    lines.push(fit_line(spans, w));
                }
                if g.per_doc.len() > GROUP_DOC_LINES {
                    lines.push(Line::styled(
                        format!("   … and {} more documents", g.per_doc.len() - GROUP_DOC_LINES),
                        t.muted(),
                    ));
                }
            }
            FigRow::Figure(f) => {
                let fig = &a.figures[*f];
                let num = format!("  [{}] ", fig.span.doc() + 1);
                let kind = format!("  {}", fig.kind.as_str());
                lines.push(Line::from(vec![
                    Span::styled(num.clone(), t.muted()),
                    text_fit(&one_line(a.span_text(fig.span)), w.saturating_sub(num.len() + kind.len()), t.text()),
                    Span::styled(kind, t.muted()),
                ]));
            }
        }
        Paragraph::new(lines).render(rr, buf);
        if i == r.figures.sel {
            row_style(buf, rr, t.row(focused));
        }
        y += h;
    }
}

pub(super) trait OwnedSpan {
    fn into_owned_span(self) -> Span<'static>;
}

impl OwnedSpan for Span<'_> {
    fn into_owned_span(self) -> Span<'static> {
        Span::styled(self.content.into_owned(), self.style)
    }
}

/// Shortens a line of spans to `w` columns, ending in `…` when cut.
pub(super) fn fit_line(spans: Vec<Span<'static>>, w: usize) -> Line<'static> {
    let mut out = Vec::new();
    let mut used = 0;
    for s in spans {
        let sw = wrap::width(&s.content);
        if used + sw <= w {
            used += sw;
            out.push(s);
        } else {
            out.push(Span::styled(fit(&s.content, w - used).into_owned(), s.style));
            break;
        }
    }
    Line::from(out)
}

/// One wrapped line of a document, styled by its runs.
fn text_line<'t>(t: Theme, flat: &'t str, wl: WLine, runs: &[wrap::Run]) -> Line<'t> {
    Line::from(wrap::pieces(flat, wl, runs).into_iter().map(|(s, m)| text(s, t.marks(m))).collect::<Vec<_>>())
}

fn article(app: &App, r: &Reader, rect: Rect, focused: bool, buf: &mut Buffer) {
    let t = app.theme;
    let a = &r.a;
    let art = &r.article;
    let Some(doc) = a.corpus.docs.get(art.doc) else {
        pane_block(t, Pane::Article, focused, vec![]).render(rect, buf);
        return;
    };
    let flat = &a.views[art.doc].flat;
    let label = format!("[{}/{}] ", art.doc + 1, thousands(a.corpus.docs.len()));
    let name_w = usize::from(rect.width).saturating_sub(16 + label.len());
    let mut block = pane_block(
        t,
        Pane::Article,
        focused,
        vec![Span::styled(label, t.muted()), text_fit(&doc.id, name_w, t.muted()), Span::raw(" ")],
    );
    let inner = layout::article_text(block.inner(rect));
    let top = art.top_line();
    let h = usize::from(inner.height);
    let total = art.wrap.len();
    if total > 0 {
        let last = (top + h).min(total);
        let lines = format!("lines {}-{last} of {total}", top + 1);
        let room = usize::from(rect.width).saturating_sub(4);
        let label = [
            format!(" Esc back to side by side · {lines} "),
            format!(" Esc back · {lines} "),
            format!(" {lines} "),
            format!(" {}-{last}/{total} ", top + 1),
        ]
        .into_iter()
        .skip(if r.back_to_side { 0 } else { 2 })
        .find(|l| wrap::width(l) <= room)
        .unwrap_or_default();
        block = block.title_bottom(Line::styled(label, t.muted()).alignment(Alignment::Right));
    }
    block.render(rect, buf);
    for (k, wl) in art.wrap.lines.iter().skip(top).take(h).enumerate() {
        let row = Rect { y: inner.y + k as u16, height: 1, ..inner };
        if inner.x > rect.x + 1 && art.note_lines.binary_search(&(top + k)).is_ok() {
            buf.set_string(inner.x - 1, row.y, NOTE_GUTTER, t.mark(wrap::Mark::Note));
        }
        text_line(t, flat, *wl, &art.runs).render(row, buf);
    }
}

/// The margin mark of a line holding an annotated span.
const NOTE_GUTTER: &str = "✎";

/// Styled pieces of text wrapped to `width` columns (each piece made safe).
pub(super) fn wrap_styled(pieces: &[(String, Style)], width: usize) -> Vec<Line<'static>> {
    let mut all = String::new();
    let mut bounds: Vec<(usize, usize, Style)> = Vec::new();
    for (s, st) in pieces {
        let start = all.len();
        all.push_str(&safe(s));
        bounds.push((start, all.len(), *st));
    }
    wrap::wrap(&all, width.max(1))
        .into_iter()
        .map(|l| {
            let (a, b) = (l.start as usize, l.end as usize);
            let spans: Vec<Span<'static>> = bounds
                .iter()
                .filter(|(s, e, _)| *s < b && *e > a)
                .filter_map(|&(s, e, st)| {
                    let (s, e) = (s.max(a), e.min(b));
                    all.get(s..e).map(|x| Span::styled(x.to_string(), st))
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// An evidence line as styled pieces: removed words struck out, added ones underlined.
pub(super) fn evidence_pieces(t: Theme, line: &str) -> Vec<(String, Style)> {
    disc::segments(line)
        .into_iter()
        .map(|s| match s {
            Seg::Same(x) => (x, t.text()),
            Seg::Removed(x) => (x, t.removed()),
            Seg::Added(x) => (x, t.added()),
        })
        .collect()
}

fn discrepancies(app: &App, r: &Reader, rect: Rect, focused: bool, buf: &mut Buffer) {
    let t = app.theme;
    let a = &r.a;
    let title = vec![Span::styled(format!("({}) ", thousands(a.discrepancies.len())), t.muted())];
    let block = pane_block(t, Pane::Discrepancies, focused, title);
    let inner = block.inner(rect);
    block.render(rect, buf);
    if r.disc_rows.is_empty() && inner.height > 0 {
        Line::styled("The documents agree on everything compared.", t.muted()).render(inner, buf);
        return;
    }
    let w = usize::from(inner.width);
    for (k, row) in r.disc_rows.iter().enumerate().skip(r.discs.offset).take(usize::from(inner.height)) {
        let y = inner.y + (k - r.discs.offset) as u16;
        let rr = Rect { y, height: 1, ..inner };
        match *row {
            DiscRow::Heading(kind, n) => {
                Line::styled(format!("{} ({})", disc::title(kind), thousands(n)), t.heading()).render(rr, buf);
            }
            DiscRow::Item(i) => {
                let d = &a.discrepancies[i];
                Line::from(vec![Span::raw(" "), text_fit(&one_line(&d.summary), w.saturating_sub(1), t.text())])
                    .render(rr, buf);
                if k == r.discs.sel {
                    row_style(buf, rr, t.row(focused));
                }
            }
        }
    }
}

fn notes_pane(app: &App, r: &Reader, rect: Rect, focused: bool, buf: &mut Buffer) {
    let t = app.theme;
    let n = &r.notes;
    let mut title = vec![Span::styled(
        if n.rows.len() == n.all.len() {
            format!("({}) ", n.all.len())
        } else {
            format!("({} of {}) ", n.rows.len(), n.all.len())
        },
        t.muted(),
    )];
    if n.status != super::notes::StatusFilter::All {
        title.push(Span::styled(format!("{} ", n.status.name()), t.heading()));
    }
    if let Some(k) = n.kind {
        title.push(Span::styled(format!("{} ", k.as_str()), t.heading()));
    }
    if n.unsaved.is_some() {
        title.push(Span::styled("· not saved! ", t.warning()));
    }
    let mut block = pane_block(t, Pane::Notes, focused, title);
    if focused {
        if let Some(p) = &n.path {
            let room = usize::from(rect.width).saturating_sub(4);
            block = block.title_bottom(
                Line::styled(format!(" {} ", fit_left(&safe(p), room.saturating_sub(2))), t.muted())
                    .alignment(Alignment::Right),
            );
        }
    }
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    if n.rows.is_empty() {
        let msg = if n.path.is_none() {
            "Notes are off: start crossread with --notes PATH."
        } else if n.all.is_empty() {
            "No notes yet: a annotates a mention side by side or in the article."
        } else {
            "No notes of this status and kind (s and t change the filter)."
        };
        Paragraph::new(msg).style(t.muted()).wrap(ratatui::widgets::Wrap { trim: true }).render(inner, buf);
        return;
    }
    let mut y = inner.y;
    for (k, &i) in n.rows.iter().enumerate().skip(n.pos.offset) {
        if y >= inner.bottom() {
            break;
        }
        let note = &n.all[i];
        let found = &n.found[i];
        let row = Rect { y, height: 2.min(inner.bottom() - y), ..inner };
        let mark = if note.status == crate::notes::Status::Open { "● " } else { "✓ " };
        let first = note.text.lines().next().unwrap_or("");
        Line::from(vec![Span::styled(mark, t.heading()), text_fit(first, w.saturating_sub(2), t.text())])
            .render(Rect { height: 1, ..row }, buf);
        if row.height > 1 {
            let lost = found.iter().filter(|f| matches!(f, Found::Lost(_))).count();
            let mut info = format!("  {} · {}", note.kind.as_str(), status_str(note.status));
            if let Some(c) = &note.concerns {
                let _ = write!(info, " · {}", one_line(&c.name));
            }
            let q = note.anchors.len();
            let _ = write!(info, " · {q} quote{}", if q == 1 { "" } else { "s" });
            let mut spans = vec![text_fit(&info, w, t.muted())];
            if lost > 0 {
                spans.push(Span::styled(format!(" · {lost} not found"), t.warning()));
            }
            fit_line(spans, w).render(Rect { y: y + 1, height: 1, ..row }, buf);
        }
        if k == n.pos.sel {
            row_style(buf, row, t.row(focused));
        }
        y += 2;
    }
}

/// The right-hand pane while the discrepancies or notes pane is focused: the
/// evidence of the discrepancy, or the note, under the cursor.
fn preview(app: &App, r: &Reader, rect: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let (title, mut lines) = match r.focus {
        Pane::Notes => ("Note", note_lines(app, r, usize::from(layout::inner(rect).width.saturating_sub(2)))),
        _ => ("Evidence", evidence_lines(app, r, usize::from(layout::inner(rect).width.saturating_sub(2)))),
    };
    let block = Block::bordered().border_style(t.border(false)).title(Line::from(vec![
        Span::styled(format!(" {title} "), t.title(false)),
        Span::styled("Enter side by side · 4 article ", t.muted()),
    ]));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let text = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    if lines.len() > usize::from(text.height) {
        lines.truncate(usize::from(text.height).saturating_sub(1));
        lines.push(Line::styled("…", t.muted()));
    }
    Paragraph::new(lines).render(text, buf);
}

fn evidence_lines(app: &App, r: &Reader, w: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let a = &r.a;
    let Some(i) = r.current_discrepancy() else {
        return vec![Line::styled("No discrepancy here.", t.muted())];
    };
    let d = &a.discrepancies[i];
    let mut out = wrap_styled(&[(d.summary.clone(), t.heading())], w);
    out.push(Line::styled(format!("{} · {}", d.kind.as_str(), d.id), t.muted()));
    out.push(Line::raw(""));
    for line in &d.details {
        out.extend(wrap_styled(&evidence_pieces(t, line), w));
    }
    out.push(Line::raw(""));
    let mut spans = d.spans.clone();
    spans.sort_unstable();
    spans.dedup();
    out.push(Line::styled(format!("In the documents ({}):", spans.len()), t.heading()));
    for s in spans {
        let title = a.corpus.docs.get(s.doc()).map(|x| one_line(&x.title)).unwrap_or_default();
        out.push(Line::from(vec![
            Span::styled(format!("[{}] ", s.doc() + 1), t.muted()),
            text_fit(&title, w.saturating_sub(6), t.muted()),
        ]));
        out.extend(wrap_styled(&[(format!("“{}”", one_line(a.span_text(s))), t.text())], w));
    }
    out
}

/// A note's quote with a little of the text before and after it.
pub(super) fn quote_in_context(t: Theme, x: &crate::notes::Anchor) -> Vec<(String, Style)> {
    // Line breaks become spaces; the spaces at the quote's edges are the text's own.
    let flat = |s: &str| s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect::<String>();
    let before: String = {
        let tail: Vec<char> = flat(&x.prefix).chars().rev().take(24).collect();
        tail.into_iter().rev().collect()
    };
    let after: String = flat(&x.suffix).chars().take(32).collect();
    vec![
        (format!("…{}", before.trim_start()), t.muted()),
        (one_line(&x.exact), t.mark(wrap::Mark::Note).add_modifier(Modifier::BOLD)),
        (format!("{}…", after.trim_end()), t.muted()),
    ]
}

fn note_lines(app: &App, r: &Reader, w: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let a = &r.a;
    let Some(n) = r.notes.selected() else {
        return vec![Line::styled("No note here.", t.muted())];
    };
    let mut out = Vec::new();
    for para in n.text.split('\n') {
        out.extend(wrap_styled(&[(para.to_string(), t.text())], w));
    }
    out.push(Line::raw(""));
    let mut info = format!("{} · {}", n.kind.as_str(), status_str(n.status));
    if let Some(c) = &n.concerns {
        let _ = write!(info, " · about {} ({})", one_line(&c.name), c.kind);
    }
    out.extend(wrap_styled(&[(info, t.muted())], w));
    out.extend(wrap_styled(&[(format!("written {} · changed {}", n.created, n.updated), t.muted())], w));
    out.push(Line::raw(""));
    out.push(Line::styled(format!("Quotes ({}):", n.anchors.len()), t.heading()));
    for (x, found) in n.anchors.iter().zip(r.notes.selected_found()) {
        let (place, style, why) = match found {
            Found::Here(s) => (format!("[{}] ", s.doc() + 1), t.muted(), None),
            Found::Moved(s, why) => (format!("[{}] ", s.doc() + 1), t.muted(), Some((why.clone(), t.differs()))),
            Found::Lost(why) => ("[?] ".to_string(), t.warning(), Some((format!("not found: {why}"), t.warning()))),
        };
        let title = found
            .span()
            .and_then(|s| a.corpus.docs.get(s.doc()))
            .map_or_else(|| x.doc.path.clone(), |d| one_line(&d.title));
        out.push(Line::from(vec![Span::styled(place, style), text_fit(&title, w.saturating_sub(6), t.muted())]));
        out.extend(wrap_styled(&quote_in_context(t, x), w));
        if let Some((why, st)) = why {
            out.extend(wrap_styled(&[(why, st)], w));
        }
    }
    out
}

/// What the selection is, in one line.
fn describe(a: &Analysis, sel: Selection) -> String {
    let n = thousands(a.corpus.docs.len());
    let spans = a.spans_of(sel).len();
    let docs = a.doc_count(sel);
    let what = rows::kind_word(a, sel);
    let noun = match sel {
        Selection::Entity(_) => "mentions",
        Selection::Discrepancy(_) => "passages",
        _ => "figures",
    };
    let noun = if spans == 1 { noun.trim_end_matches('s') } else { noun };
    format!("{} · {what} · {} {noun} in {} of {n} docs", one_line(&a.label(sel)), thousands(spans), thousands(docs))
}

fn status_bar(app: &App, r: Option<&Reader>, ctx: Context, rect: Rect, buf: &mut Buffer) {
    let t = app.theme;
    buf.set_style(rect, t.status());
    let w = usize::from(rect.width);
    let corpus = match (&app.mode, r) {
        (_, Some(r)) => format!(" {} · {} docs ", r.a.corpus.name, thousands(r.a.corpus.docs.len())),
        (Mode::Loading(l), None) => format!(" {} · loading ", l.name),
        _ => String::new(),
    };
    let corpus = text_fit(&corpus, w / 3, t.status().add_modifier(Modifier::BOLD));
    let corpus_w = wrap::width(&corpus.content);
    let (middle, middle_style) = status_middle(app, r, ctx);
    let middle_full = wrap::width(&middle) + 3;
    let middle_min = middle_full.min((w * 2 / 3).saturating_sub(corpus_w));
    // The keys of the focused context, as many as fit.
    let hint_room = w.saturating_sub(corpus_w + middle_min);
    let mut right: Vec<Span> = Vec::new();
    let mut right_w = 0;
    for (key, what) in keys::hints(ctx) {
        let kw = wrap::width(key) + wrap::width(what) + 3;
        if right_w + kw > hint_room {
            break;
        }
        right.push(Span::styled(format!(" {key}"), t.status().patch(t.key())));
        right.push(Span::styled(format!(" {what} "), t.status()));
        right_w += kw;
    }
    let middle_room = w.saturating_sub(corpus_w + right_w + 3);
    let middle = text_fit(&middle, middle_room, middle_style);
    let pad = w.saturating_sub(corpus_w + 3 + wrap::width(&middle.content) + right_w);
    let mut spans = vec![corpus, Span::raw("│ "), middle, Span::raw(" ".repeat(pad + 1))];
    spans.extend(right);
    Line::from(spans).style(t.status()).render(rect, buf);
}

/// What the middle of the status bar says, most urgent first: the last
/// message, a re-analysis running, notes that could not be saved, the find,
/// where notes go (in the notes pane), what is selected.
fn status_middle(app: &App, r: Option<&Reader>, ctx: Context) -> (String, Style) {
    let t = app.theme;
    let warn = t.status().patch(t.warning());
    if let Some(m) = &app.message {
        return (m.clone(), warn);
    }
    if let Some(b) = &app.busy {
        let spin = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"][(b.ticks as usize) % 10];
        return (format!("{spin} {}: analysing again ({})", b.what, b.progress.stage().as_str()), t.status());
    }
    let Some(r) = r else { return (String::new(), t.status()) };
    if let Some(e) = &r.notes.unsaved {
        return (e.clone(), warn);
    }
    match (ctx, &r.find) {
        (Context::Find | Context::FindLine, Some(f)) => {
            return (format!("find “{}”: {}", f.query.trim(), f.position()), t.status());
        }
        (Context::Notes, _) => {
            let p = r.notes.path.as_deref().unwrap_or("nowhere (no data folder; use --notes PATH)");
            return (format!("notes go to {p}"), t.status());
        }
        _ => {}
    }
    match r.selection {
        Some(sel) => (describe(&r.a, sel), t.status()),
        None => (String::new(), t.status()),
    }
}

fn side_view(app: &App, r: &Reader, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let a = &r.a;
    let Some(side) = &r.side else { return };
    let lay = side.layout(area);
    let noun = side_noun(side.sel);
    // Title: what is followed, where we are.
    let n = side.columns();
    let cols = match (side.visible.first(), side.visible.last()) {
        (Some(f), Some(l)) if n > 1 => format!("columns {}-{} of {}", f.col + 1, l.col + 1, thousands(n)),
        _ => format!("{n} column{}", if n == 1 { "" } else { "s" }),
    };
    let mention = if side.spans.is_empty() {
        format!("no {noun}s")
    } else {
        format!("{noun} {} of {}", thousands(side.cursor + 1), thousands(side.spans.len()))
    };
    // Where we are goes right and always shows; what is followed gets the rest.
    let place = format!(" {cols} · {mention} ");
    let tw = usize::from(lay.title.width);
    let what = match (side.sel, &side.title) {
        (Some(sel), _) => describe(a, sel),
        (None, Some(title)) => one_line(title),
        (None, None) => String::new(),
    };
    let head =
        vec![Span::styled(" Side by side ", t.title(true)), Span::raw(" "), text(&what, t.heading()).into_owned_span()];
    let head = fit_line(head, tw.saturating_sub(place.chars().count() + 1));
    let pad = tw.saturating_sub(head.width() + place.chars().count());
    let mut spans = head.spans;
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(place, t.heading()));
    Line::from(spans).render(lay.title, buf);
    // A discrepancy's evidence: its word diffs, one line each.
    for (k, line) in side.shown_evidence(usize::from(lay.evidence.height)).into_iter().enumerate() {
        let row = Rect { y: lay.evidence.y + k as u16, height: 1, ..lay.evidence };
        let pieces: Vec<Span<'static>> = std::iter::once(Span::raw(" "))
            .chain(evidence_pieces(t, line).into_iter().map(|(x, st)| Span::styled(safe(&x).into_owned(), st)))
            .collect();
        fit_line(pieces, usize::from(row.width)).render(row, buf);
    }
    for c in &side.visible {
        column(app, r, c, c.col == side.focus, buf);
    }
    // Footer: the documents that do not mention it, and the key that shows them.
    let fw = usize::from(lay.footer.width);
    let (foot, key): (Vec<Span>, Vec<Span>) = if side.unmentioned.is_empty() {
        (vec![Span::styled(" Mentioned in every document.", t.muted())], vec![])
    } else if side.show_all {
        let n = thousands(side.unmentioned.len());
        (
            vec![Span::styled(format!(" The {n} documents that do not mention it follow the others."), t.muted())],
            vec![Span::styled("o", t.key()), Span::styled(" folds them ", t.muted())],
        )
    } else {
        let mut v =
            vec![Span::styled(format!(" Not mentioned in {}: ", thousands(side.unmentioned.len())), t.heading())];
        for (k, &d) in side.unmentioned.iter().take(12).enumerate() {
            if k > 0 {
                v.push(Span::styled(" · ", t.muted()));
            }
            let title = a.corpus.docs.get(d).map(|x| one_line(&x.title)).unwrap_or_default();
            v.push(Span::styled(format!("[{}] ", d + 1), t.muted()));
            v.push(text_fit(&title, 28, t.text()));
        }
        (v, vec![Span::styled(" o", t.key()), Span::styled(" shows them ", t.muted())])
    };
    let key_w: usize = key.iter().map(|s| wrap::width(&s.content)).sum();
    let foot = fit_line(foot, fw.saturating_sub(key_w + 1));
    let used = foot.width();
    let mut spans = foot.spans;
    spans.push(Span::raw(" ".repeat(fw.saturating_sub(used + key_w))));
    spans.extend(key);
    Line::from(spans).render(lay.footer, buf);
    status_bar(app, Some(r), keys::context(app), lay.status, buf);
}

fn column(app: &App, r: &Reader, c: &Column, focused: bool, buf: &mut Buffer) {
    let t = app.theme;
    let a = &r.a;
    let Some(doc) = a.corpus.docs.get(c.doc) else { return };
    let tw = usize::from(c.rect.width.saturating_sub(4));
    let num = format!("[{}] ", c.doc + 1);
    let title = Line::from(vec![
        Span::styled(format!(" {num}"), t.title(focused)),
        text_fit(&one_line(&doc.title), tw.saturating_sub(num.len() + 2), t.title(focused)),
        Span::styled(" ", t.title(focused)),
    ]);
    let block = Block::bordered()
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(t.border(focused))
        .title(title);
    let inner = block.inner(c.rect);
    block.render(c.rect, buf);
    if inner.height == 0 {
        return;
    }
    // Header: how often, and how it is written here.
    let iw = usize::from(inner.width);
    let header = if c.count == 0 {
        vec![Span::styled("not mentioned", t.muted())]
    } else {
        let noun = side_noun(r.side.as_ref().and_then(|s| s.sel));
        let plural = if c.count == 1 { "" } else { "s" };
        let forms: Vec<String> = c.forms.iter().map(|f| format!("“{f}”")).collect();
        vec![
            Span::styled(format!("{} {noun}{plural}: ", c.count), t.heading()),
            text(&forms.join(", "), t.text()).into_owned_span(),
        ]
    };
    fit_line(header, iw).render(Rect { height: 1, ..inner }, buf);
    buf.set_style(Rect { height: 1, ..inner }, Style::new().add_modifier(Modifier::UNDERLINED));
    let tr = text_rect(c.rect);
    let flat = &a.views[c.doc].flat;
    for (k, wl) in c.wrap.lines.iter().skip(c.top).take(usize::from(tr.height)).enumerate() {
        let line = c.top + k;
        let y = tr.y + k as u16;
        let (gutter, gs) = if c.cursor_line == Some(line) {
            ("▶", t.mark(wrap::Mark::Current))
        } else if c.note_lines.binary_search(&line).is_ok() {
            (NOTE_GUTTER, t.mark(wrap::Mark::Note))
        } else if c.marked_lines.binary_search(&line).is_ok() {
            ("•", t.heading())
        } else {
            (" ", t.heading())
        };
        buf.set_string(tr.x - 1, y, gutter, gs);
        text_line(t, flat, *wl, &c.runs).render(Rect { y, height: 1, ..tr }, buf);
    }
}

/// What the side-by-side view counts: mentions of an entity, figures of a
/// pledge, passages of a discrepancy, quotes of a note.
fn side_noun(sel: Option<Selection>) -> &'static str {
    match sel {
        Some(Selection::Entity(_)) => "mention",
        Some(Selection::Discrepancy(_)) => "passage",
        Some(_) => "figure",
        None => "quote",
    }
}

#[cfg(test)]
mod tests {
    use super::doc_info;

    #[test]
    fn document_info_gives_way_to_the_size_and_count() {
        assert_eq!(doc_info("seeds/a.txt", 2933, 17, 60), "seeds/a.txt · 2.9 kB · 17 entities");
        assert_eq!(doc_info("some/long/dir/a.txt", 2933, 17, 31), "a.txt · 2.9 kB · 17 entities");
        assert_eq!(doc_info("dir/abcdefghij.txt", 2933, 17, 33), "abcdefghij.txt · 2.9 kB · 17 ent.");
        assert_eq!(doc_info("dir/abcdefghij.txt", 2933, 17, 28), "abcdefgh… · 2.9 kB · 17 ent.");
        assert_eq!(doc_info("x/\u{1b}]0;t\u{7}.txt", 10, 1, 60), "x/␛]0;t␇.txt · 10 B · 1 entity");
    }
}
