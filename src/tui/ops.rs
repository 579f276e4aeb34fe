//! What the reader does beyond its own panes: the popups (fuzzy picker, note
//! editor, questions, choices, one-line inputs, the find line), the notes file
//! (annotating, editing, resolving, deleting, saving again after a failure),
//! entity corrections and the re-analysis they need, and quitting without
//! losing a note.
//!
//! [`update`] is called by `app::update` for every action first; it returns
//! whether it handled the action, else the reader's own `update` gets it.

use std::sync::Arc;

use super::app::{sorted_spans, Action, Annotate, App, Busy, Effect, ListPos, Loaded, Mode, Pane, Reader, View};
use super::input::LineInput;
use super::layer::{self, ChooseFor, InputFor, Layer, PickFor, Picker};
use super::layout;
use super::notes::{self, Editor};
use super::rows;
use crate::analysis::{Analysis, Progress, Selection};
use crate::model::{EntityKind, Span};
use crate::notes::{Correction, Status};
use crate::report::one_line;
use crate::search::{Hit, Searcher};

/// Applies the actions that concern layers, notes and corrections; returns
/// false for the others.
pub fn update(app: &mut App, action: &Action) -> bool {
    match action {
        Action::Quit => quit(app),
        Action::Confirmed => {
            if let Some(Layer::Confirm { yes, .. }) = app.layers.last() {
                let yes = (**yes).clone();
                app.layers.pop();
                super::app::update(app, yes);
            }
        }
        Action::OpenPicker => open_picker(app, PickFor::Open),
        Action::Edit(key) => edit(app, key),
        Action::Submit => submit(app),
        Action::LayerMove(m) => {
            let area = app.area();
            match app.layers.last_mut() {
                Some(Layer::Picker(p)) => p.pos.apply(*m, p.hits.len(), layer::picker_rows(area), &|_| 1, &|_| true),
                Some(Layer::Choose { options, pos, .. }) => {
                    pos.apply(*m, options.len(), layer::choose_rows(area, options.len()), &|_| 1, &|_| true);
                }
                _ => {}
            }
        }
        Action::OpenFind => {
            let query = app.reader().and_then(|r| r.find.as_ref()).map(|f| f.query.clone()).unwrap_or_default();
            if app.reader().is_some_and(Reader::in_text) {
                app.layers.push(Layer::Find { input: LineInput::new(&query) });
            }
        }
        Action::ClearFind => {
            if matches!(app.layers.last(), Some(Layer::Find { .. })) {
                app.layers.pop();
            }
            if let Some(r) = app.reader_mut() {
                r.find = None;
            }
        }
        Action::Annotate(what) => annotate(app, *what),
        Action::SaveNote => save_note(app),
        Action::CancelEdit => {
            if let Some(Layer::Editor(e)) = app.layers.last() {
                if e.changed() {
                    let question = if e.new {
                        "Discard this note? What you wrote will be lost."
                    } else {
                        "Discard your changes to this note? The note stays as it was."
                    };
                    app.layers.push(Layer::Confirm { question: question.into(), yes: Box::new(Action::DiscardEdit) });
                } else {
                    app.layers.pop();
                }
            }
        }
        Action::DiscardEdit => {
            if matches!(app.layers.last(), Some(Layer::Editor(_))) {
                app.layers.pop();
                app.message = Some("Discarded.".into());
            }
        }
        Action::NoteKindNext | Action::NoteStatusNext => {
            if let Some(Layer::Editor(e)) = app.layers.last_mut() {
                if *action == Action::NoteKindNext {
                    e.note.kind = e.note.kind.next();
                } else {
                    e.note.status = other_status(e.note.status);
                }
            }
        }
        Action::EditNote => {
            if let Some(n) = selected_note(app) {
                let width = layout::editor_width(app.area());
                app.layers.push(Layer::Editor(Box::new(Editor::new(n, false, width, app.theme))));
            }
        }
        Action::ResolveNote => {
            if let Some(mut n) = selected_note(app) {
                n.status = other_status(n.status);
                let done = if n.status == Status::Resolved { "Resolved." } else { "Open again." };
                let r = app.notes.as_mut().map(|f| f.save_note(n));
                finish_save(app, r, done);
            }
        }
        Action::DeleteNote => {
            if let Some(n) = selected_note(app) {
                let question = format!("Delete the note “{}”?", crate::text::ellipsize(&one_line(&n.text), 60));
                app.layers.push(Layer::Confirm { question, yes: Box::new(Action::DeleteNoteNow(n.id)) });
            }
        }
        Action::DeleteNoteNow(id) => {
            let r = app.notes.as_mut().map(|f| f.delete_note(id));
            finish_save(app, r, "Deleted.");
        }
        Action::Merge | Action::Split | Action::Rename | Action::Reject | Action::Retype => correction_ui(app, action),
        Action::Correct(c, select) => correct(app, c.clone(), select.clone()),
        Action::RetrySave => {
            if let Some(f) = app.notes.as_mut().filter(|f| f.has_unsaved()) {
                if f.retry().is_ok() {
                    let path = notes::home_short(&f.path.display().to_string());
                    app.message = Some(format!("The notes that were waiting are now saved to {path}."));
                }
                app.refresh_notes();
            }
        }
        _ => return false,
    }
    true
}

fn other_status(s: Status) -> Status {
    match s {
        Status::Open => Status::Resolved,
        Status::Resolved => Status::Open,
    }
}

/// Quits, unless a note would be lost: then asks.
fn quit(app: &mut App) {
    if matches!(app.layers.last(), Some(Layer::Confirm { yes, .. }) if **yes == Action::ForceQuit) {
        return;
    }
    let writing = app.layers.iter().any(|l| matches!(l, Layer::Editor(e) if e.changed()));
    if let Some(f) = app.notes.as_mut().filter(|f| f.has_unsaved()) {
        let _ = f.retry();
    }
    let unsaved = app.notes.as_ref().filter(|f| f.has_unsaved());
    let question = match (writing, unsaved) {
        (false, None) => {
            app.quit = true;
            return;
        }
        (true, None) => "The note you are writing is not saved. Quit and lose it?".to_string(),
        (w, Some(f)) => {
            let path = notes::home_short(&f.path.display().to_string());
            format!(
                "{}notes could not be written to {path}; they are only in memory. Quit and lose them?",
                if w { "The note you are writing is not saved, and other " } else { "Some " }
            )
        }
    };
    app.refresh_notes();
    app.layers.push(Layer::Confirm { question, yes: Box::new(Action::ForceQuit) });
}

/// The results the picker lists for a purpose.
fn picker_hits(s: &Searcher, purpose: PickFor) -> Vec<Hit> {
    match purpose {
        PickFor::Open => s.hits.clone(),
        PickFor::Merge(from) => s
            .hits
            .iter()
            .filter(|h| matches!(s.items[h.item].selection, Selection::Entity(e) if e != from))
            .cloned()
            .collect(),
    }
}

/// Runs the picker's query: the results of a shorter query typed before come
/// back from memory (Backspace), others are searched.
fn run_query(p: &mut Picker, s: &mut Searcher) {
    let q = p.input.text.clone();
    p.earlier.retain(|(e, _)| q.starts_with(e.as_str()));
    if let Some(i) = p.earlier.iter().position(|(e, _)| *e == q) {
        p.hits = p.earlier[i].1.clone();
    } else {
        s.search(&q);
        p.hits = picker_hits(s, p.purpose);
        p.earlier.push((q, p.hits.clone()));
    }
    p.pos = ListPos::default();
}

fn open_picker(app: &mut App, purpose: PickFor) {
    let Some(r) = app.reader_mut() else { return };
    let mut p =
        Picker { input: LineInput::default(), purpose, hits: Vec::new(), pos: ListPos::default(), earlier: Vec::new() };
    run_query(&mut p, &mut r.searcher);
    app.layers.push(Layer::Picker(Box::new(p)));
}

/// A key typed into the top layer.
fn edit(app: &mut App, key: &crossterm::event::KeyEvent) {
    let area = app.area();
    let App { layers, mode, .. } = app;
    let reader = match mode {
        Mode::Ready(r) => Some(r),
        Mode::Loading(_) => None,
    };
    match layers.last_mut() {
        Some(Layer::Picker(p)) => {
            let changed = p.input.edit(key);
            if let (true, Some(r)) = (changed, reader) {
                run_query(p, &mut r.searcher);
            }
        }
        Some(Layer::Editor(e)) => {
            e.area.input(*key);
            e.autofill(layout::editor_width(area));
        }
        Some(Layer::Input { input, .. }) => {
            input.edit(key);
        }
        Some(Layer::Find { input }) => {
            let changed = input.edit(key);
            if let (true, Some(r)) = (changed, reader) {
                r.set_find(&input.text);
            }
        }
        _ => {}
    }
}

/// Enter in the top layer.
fn submit(app: &mut App) {
    let area = app.area();
    match app.layers.last().cloned() {
        Some(Layer::Picker(p)) => {
            let Some(r) = app.reader_mut() else { return };
            let Some(hit) = p.hits.get(p.pos.sel) else {
                app.message = Some("Nothing matches; Esc closes the search.".into());
                return;
            };
            let sel = r.searcher.items[hit.item].selection;
            app.layers.pop();
            match (p.purpose, sel) {
                (PickFor::Open, sel) => {
                    if let Some(r) = app.reader_mut() {
                        r.open_chosen(sel, area);
                    }
                }
                (PickFor::Merge(from), Selection::Entity(into)) => {
                    let Some(r) = app.reader() else { return };
                    let (f, t) = (&r.a.entities[from], &r.a.entities[into]);
                    let c = Correction::Merge { from: f.id.clone(), into: t.id.clone() };
                    let select = Some(t.id.clone());
                    correct(app, c, select);
                }
                _ => {}
            }
        }
        Some(Layer::Choose { options, pos, then, .. }) => {
            let Some(choice) = options.get(pos.sel).cloned() else { return };
            app.layers.pop();
            let Some(r) = app.reader() else { return };
            let (c, select) = match then {
                ChooseFor::Split(e) => {
                    let id = r.a.entities[e].id.clone();
                    (Correction::Split { entity: id.clone(), alias: choice }, Some(id))
                }
                ChooseFor::Retype(e) => {
                    let ent = &r.a.entities[e];
                    let kind = kind_named(&choice).unwrap_or(ent.kind);
                    let new_id = format!("{}:{}", kind.as_str(), crate::text::slug(&ent.name));
                    (Correction::Retype { entity: ent.id.clone(), kind }, Some(new_id))
                }
            };
            correct(app, c, select);
        }
        Some(Layer::Input { input, then: InputFor::Rename(e), .. }) => {
            let name = one_line(&input.text);
            let Some(r) = app.reader() else { return };
            let ent = &r.a.entities[e];
            if name.is_empty() || name == ent.name {
                app.layers.pop();
                app.message = Some("The name is unchanged.".into());
                return;
            }
            let c = Correction::Rename { entity: ent.id.clone(), name };
            let select = Some(ent.id.clone());
            app.layers.pop();
            correct(app, c, select);
        }
        Some(Layer::Find { input }) => {
            app.layers.pop();
            let Some(r) = app.reader_mut() else { return };
            if input.text.trim().is_empty() {
                r.find = None;
            } else if let Some(f) = &r.find {
                app.message = Some(format!("“{}”: {} · n N step · Esc clears", f.query.trim(), f.position()));
            }
        }
        _ => {}
    }
}

fn kind_named(s: &str) -> Option<EntityKind> {
    [EntityKind::Person, EntityKind::Organisation, EntityKind::Place].into_iter().find(|k| k.as_str() == s)
}

/// The note under the cursor of the notes pane (when it is focused).
fn selected_note(app: &App) -> Option<crate::notes::Note> {
    let r = app.reader()?;
    (r.view == View::Main && r.focus == Pane::Notes).then(|| r.notes.selected().cloned())?
}

/// After a save: the snapshot refreshed and one sentence for the status bar.
fn finish_save(app: &mut App, r: Option<Result<(), crate::notes::NotesError>>, done: &str) {
    app.refresh_notes();
    app.message = Some(match r {
        Some(Ok(())) => done.to_string(),
        Some(Err(e)) => e.to_string(),
        None => NO_NOTES.to_string(),
    });
}

const NO_NOTES: &str = "Notes are off: no data folder is known for this user; start crossread with --notes PATH.";

/// Opens the editor on a new note about what `what` points at.
fn annotate(app: &mut App, what: Annotate) {
    let theme = app.theme;
    let area = app.area();
    if app.notes.is_none() {
        app.message = Some(NO_NOTES.into());
        return;
    }
    let Some(r) = app.reader_mut() else { return };
    let side = r.side.as_ref().filter(|_| r.view == View::SideBySide);
    let picked: Result<(Vec<Span>, Option<Selection>, String), &str> = match what {
        Annotate::Visual => match r.visual_span() {
            Some(s) => {
                let sel = match side {
                    Some(side) => side.sel,
                    None => r.selection.filter(|&sel| r.a.spans_of(sel).iter().any(|x| x.overlaps(&s))),
                };
                Ok((vec![s], sel, String::new()))
            }
            None => Err("Nothing is selected."),
        },
        Annotate::Here => match side {
            Some(side) => side
                .current()
                .map(|c| (vec![c], side.sel, String::new()))
                .ok_or("No mention to annotate here; v selects a passage."),
            None if r.focus == Pane::Discrepancies => match r.current_discrepancy() {
                Some(i) => {
                    let d = &r.a.discrepancies[i];
                    Ok((d.spans.clone(), Some(Selection::Discrepancy(i)), d.summary.clone()))
                }
                None => Err("No discrepancy to annotate."),
            },
            None => r
                .article
                .cursor
                .map(|c| (vec![c], r.selection, String::new()))
                .ok_or("Put the cursor on a name or figure first (] and [), or select a passage with v."),
        },
        Annotate::All => match side {
            Some(side) => Ok((side.spans.clone(), side.sel, String::new())),
            None => r
                .selection
                .map(|sel| (sorted_spans(&r.a, sel), Some(sel), String::new()))
                .ok_or("Nothing selected: choose a name or pledge first."),
        },
    };
    let (spans, sel, text) = match picked {
        Ok(p) => p,
        Err(why) => {
            app.message = Some(why.to_string());
            return;
        }
    };
    if spans.is_empty() {
        app.message = Some("There is nothing to quote here.".into());
        return;
    }
    r.visual = None;
    let note = notes::draft(&r.a, sel, &spans, &text);
    let width = layout::editor_width(area);
    app.layers.push(Layer::Editor(Box::new(Editor::new(note, true, width, theme))));
}

fn save_note(app: &mut App) {
    let Some(Layer::Editor(e)) = app.layers.last() else { return };
    let text = e.text();
    if text.is_empty() {
        app.message = Some("Write the note first (Esc cancels).".into());
        return;
    }
    let mut note = e.note.clone();
    note.text = text;
    let id = note.id.clone();
    let Some(file) = app.notes.as_mut() else {
        app.message = Some(NO_NOTES.into());
        return;
    };
    let path = notes::home_short(&file.path.display().to_string());
    let r = file.save_note(note);
    // Saved or not, the note is kept (in memory if need be): close the editor.
    app.layers.pop();
    finish_save(app, Some(r), &format!("Note saved to {path}."));
    // The notes pane's cursor goes to the note just saved.
    if let Some(r) = app.reader_mut() {
        if let Some(i) = r.notes.rows.iter().position(|&k| r.notes.all[k].id == id) {
            r.notes.pos.sel = i;
        }
    }
}

/// The entity under the cursor of the entity pane.
fn current_entity(r: &Reader) -> Option<usize> {
    (r.view == View::Main && r.focus == Pane::Entities).then(|| r.entity_rows.get(r.entities.sel).copied())?
}

/// Opens what a correction key needs: the picker, a choice, an input, a question.
fn correction_ui(app: &mut App, action: &Action) {
    if app.notes.is_none() {
        app.message = Some(NO_NOTES.into());
        return;
    }
    let Some(r) = app.reader() else { return };
    let Some(e) = current_entity(r) else { return };
    let ent = &r.a.entities[e];
    let name = one_line(&ent.name);
    let layer = match action {
        Action::Merge => {
            open_picker(app, PickFor::Merge(e));
            return;
        }
        Action::Split => {
            if ent.aliases.is_empty() {
                app.message = Some(format!("“{name}” has no other names to split off."));
                return;
            }
            Layer::Choose {
                title: format!("Split which name off “{name}” into an entity of its own?"),
                options: ent.aliases.clone(),
                pos: ListPos::default(),
                then: ChooseFor::Split(e),
            }
        }
        Action::Rename => Layer::Input {
            title: format!("A new name for “{name}”"),
            input: LineInput::new(&name),
            then: InputFor::Rename(e),
        },
        Action::Reject => Layer::Confirm {
            question: format!(
                "“{name}” is not a {}: remove it from the analysis? (Kept as a correction in the notes file.)",
                ent.kind.as_str()
            ),
            yes: Box::new(Action::Correct(Correction::Reject { entity: ent.id.clone() }, None)),
        },
        _ => Layer::Choose {
            title: format!("“{name}” is a {}; make it:", ent.kind.as_str()),
            options: [EntityKind::Person, EntityKind::Organisation, EntityKind::Place]
                .into_iter()
                .filter(|k| *k != ent.kind)
                .map(|k| k.as_str().to_string())
                .collect(),
            pos: ListPos::default(),
            then: ChooseFor::Retype(e),
        },
    };
    app.layers.push(layer);
}

/// Records a correction in the notes file and analyses the corpus again.
fn correct(app: &mut App, c: Correction, select: Option<String>) {
    if app.busy.is_some() {
        app.message = Some("Still applying the last correction; try again in a moment.".into());
        return;
    }
    let Some(r) = app.reader() else { return };
    let what = describe(&r.a, &c);
    let corpus = r.a.corpus.clone();
    let Some(file) = app.notes.as_mut() else {
        app.message = Some(NO_NOTES.into());
        return;
    };
    let saved = file.add_correction(c);
    let corrections = file.corrections();
    let progress = Arc::new(Progress::default());
    app.effects.push(Effect::Reanalyse { corpus, corrections, select, progress: Arc::clone(&progress) });
    app.refresh_notes();
    if let Err(e) = saved {
        app.message = Some(format!("{what}, but {e}"));
    }
    app.busy = Some(Busy { progress, ticks: 0, what });
}

/// A correction in words.
fn describe(a: &Analysis, c: &Correction) -> String {
    let name = |id: &str| a.entities.iter().find(|e| e.id == id).map_or_else(|| id.to_string(), |e| one_line(&e.name));
    match c {
        Correction::Merge { from, into } => format!("“{}” merged into “{}”", name(from), name(into)),
        Correction::Split { entity, alias } => format!("“{alias}” split off “{}”", name(entity)),
        Correction::Rename { entity, name: new } => format!("“{}” renamed “{new}”", name(entity)),
        Correction::Reject { entity } => format!("“{}” rejected", name(entity)),
        Correction::Retype { entity, kind } => format!("“{}” is now a {}", name(entity), kind.as_str()),
    }
}

/// Takes over a new analysis after a correction, keeping what the user was
/// looking at (panes, filters, the document, the entity corrected).
pub fn reanalysed(app: &mut App, l: Arc<Loaded>, select: Option<&str>) {
    let what = app.busy.take().map_or_else(|| "Corrected".to_string(), |b| b.what);
    // The event loop hands over the only reference: no copy (a copy rebuilds the search index).
    let l = Arc::try_unwrap(l).unwrap_or_else(|l| (*l).clone());
    let Mode::Ready(old) = &mut app.mode else { return };
    let mut r = Reader::new(l);
    r.focus = old.focus;
    r.last_list = old.last_list;
    r.kind = old.kind;
    r.entity_rows = rows::entity_rows(&r.a, r.kind);
    r.docs = old.docs;
    r.article.doc = old.article.doc.min(r.doc_count().saturating_sub(1));
    r.article.top = old.article.top;
    r.figures = old.figures;
    r.discs = ListPos { sel: old.discs.sel.min(r.disc_rows.len().saturating_sub(1)), offset: old.discs.offset };
    r.notes.status = old.notes.status;
    r.notes.kind = old.notes.kind;
    r.notes.pos = old.notes.pos;
    let chosen = select.and_then(|id| r.a.entities.iter().position(|e| e.id == id));
    r.entities.sel = chosen
        .and_then(|e| r.entity_rows.iter().position(|&x| x == e))
        .unwrap_or(old.entities.sel)
        .min(r.entity_rows.len().saturating_sub(1));
    r.selection = match chosen {
        Some(e) => Some(Selection::Entity(e)),
        None => r.entity_rows.get(r.entities.sel).map(|&e| Selection::Entity(e)),
    };
    if old.view == View::SideBySide {
        r.view = View::Main;
    }
    **old = r;
    app.refresh_notes();
    app.message = Some(format!("{what}; the panes show it."));
}
