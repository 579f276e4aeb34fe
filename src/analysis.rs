//! The whole analysis of a corpus, and the index the reader draws from.
//!
//! [`Analysis::run`] extracts every document in parallel, links entities and
//! figures across documents, attributes quotations, applies the user's entity
//! corrections and finds the discrepancies. The result is immutable: the reader,
//! the search, the notes and `analyze --json` all read the same structure.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::extract::{extract_shared, DocExtract};
use crate::lexicon::Lexicon;
use crate::model::{BlankRole, Discrepancy, Entity, EntityKind, Figure, FigureGroup, Quote, Span};
use crate::pledge::{self, FigRef};
use crate::resolve::{self, Resolved};
use crate::token::{flag, Kind};

/// What a marked span in a document refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Entity(usize),
    Figure(usize),
}

/// Per-document data the reader needs after the analysis.
#[derive(Debug, Clone, Default)]
pub struct DocView {
    /// The text with soft line breaks of hard-wrapped paragraphs as spaces (the
    /// loaded text itself, shared, when it has none).
    pub flat: std::sync::Arc<str>,
    /// Every entity and figure mention, sorted by start.
    pub marks: Vec<(Span, Target)>,
    /// Sentence byte ranges.
    pub sentences: Vec<(u32, u32)>,
}

/// The analysis of a corpus.
#[derive(Debug, Default)]
pub struct Analysis {
    pub corpus: Corpus,
    pub views: Vec<DocView>,
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
    pub pledges: Vec<FigureGroup>,
    pub quantities: Vec<FigureGroup>,
    pub quotes: Vec<Quote>,
    pub blanks: Vec<BlankRole>,
    pub discrepancies: Vec<Discrepancy>,
}

/// What the discrepancy finder and corrections get to look at: the analysis so far
/// and the per-document extraction (tokens).
pub struct Parts<'a> {
    pub analysis: &'a Analysis,
    pub docs: &'a [DocExtract],
}

impl Analysis {
    /// Analyses a corpus.
    pub fn run(corpus: Corpus) -> Analysis {
        Analysis::run_with(corpus, &crate::notes::Corrections::default())
    }

    /// Analyses a corpus, applying the user's entity corrections.
    pub fn run_with(corpus: Corpus, corrections: &crate::notes::Corrections) -> Analysis {
        Analysis::run_reporting(corpus, corrections, &Progress::default())
    }

    /// [`Analysis::run_with`], reporting how far it got in `progress` (read by the
    /// reader's loading screen from another thread).
    pub fn run_reporting(corpus: Corpus, corrections: &crate::notes::Corrections, progress: &Progress) -> Analysis {
        let lex = Lexicon::get();
        let timer = Timer::new();
        progress.total.store(corpus.docs.len(), Ordering::Relaxed);
        progress.set_stage(Stage::Extracting);
        let mut docs: Vec<DocExtract> = corpus
            .docs
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                let e = extract_shared(i, &d.text, lex);
                progress.done.fetch_add(1, Ordering::Relaxed);
                e
            })
            .collect();
        timer.lap("extract");
        progress.set_stage(Stage::Linking);
        let Resolved { entities, hit_entity } = resolve::resolve(&docs, lex);
        timer.lap("resolve");
        let mut a = Analysis { corpus, entities, ..Analysis::default() };
        a.quotes = attribute_quotes(&docs, &hit_entity, &a.entities);
        for de in &docs {
            a.blanks.extend(de.names.blanks.iter().cloned());
        }
        // The name hits have done their work; free them before linking figures.
        drop(hit_entity);
        docs.par_iter_mut().for_each(|de| de.names = crate::extract::names::DocNames::default());
        // The user's entity corrections, before anything is built on the entities.
        corrections.apply(&mut a);
        // Figures, in reading order.
        let mut refs: Vec<FigRef<'_>> = Vec::new();
        for (d, de) in docs.iter().enumerate() {
            for f in &de.figures {
                refs.push(FigRef { doc: d, raw: f });
            }
        }
        // Mentions by document: (start, end, entity, is a place).
        let mut mentions: Vec<Vec<(u32, u32, u32, bool)>> = vec![Vec::new(); docs.len()];
        for (e, ent) in a.entities.iter().enumerate() {
            for m in &ent.mentions {
                mentions[m.doc()].push((m.start, m.end, e as u32, ent.kind == EntityKind::Place));
            }
        }
        mentions.par_iter_mut().for_each(|v| v.sort_unstable());
        timer.lap("mentions");
        // Linking figures, and meanwhile the discrepancies that need no figures.
        let (linked, mut found) = rayon::join(
            || pledge::link(&docs, &refs, &mentions, lex),
            || crate::discrepancy::find_without_figures(&Parts { analysis: &a, docs: &docs }),
        );
        timer.lap("pledges, and discrepancies of people");
        // Each figure's number within its document, then the figures in parallel.
        let mut per_doc = vec![0usize; docs.len()];
        let nth: Vec<usize> = refs
            .iter()
            .map(|r| {
                per_doc[r.doc] += 1;
                per_doc[r.doc] - 1
            })
            .collect();
        a.figures = refs
            .par_iter()
            .zip(nth.par_iter())
            .enumerate()
            .map(|(g, (r, &n))| {
                let t = &docs[r.doc].tokens;
                let sr = t.sentence_of(r.raw.toks.0);
                let sentence = (t.toks[sr.start].start, t.toks[sr.end - 1].end);
                Figure {
                    id: format!("fig:{}:{}", a.corpus.docs[r.doc].id, n),
                    kind: r.raw.kind,
                    value: r.raw.value,
                    unit: r.raw.unit.clone(),
                    qualifier: r.raw.qualifier,
                    qualifier_text: r.raw.qualifier_text.clone(),
                    date: r.raw.date.clone(),
                    span: Span::new(r.doc, r.raw.start, r.raw.end),
                    sentence,
                    pledge: linked.fig_pledge[g],
                    quantity: linked.fig_quantity[g],
                }
            })
            .collect();
        a.pledges = linked.pledges;
        a.quantities = linked.quantities;
        // The figures as found have become the analysis' figures: free them
        // before the discrepancies are compared.
        drop(refs);
        docs.par_iter_mut().for_each(|de| de.figures = Vec::new());
        progress.set_stage(Stage::Comparing);
        found.extend(crate::discrepancy::find_with_figures(&Parts { analysis: &a, docs: &docs }));
        a.discrepancies = crate::discrepancy::rank(found);
        timer.lap("discrepancies of figures");
        // The extraction is done with: its flat texts become the views.
        a.views = docs
            .into_par_iter()
            .map(|de| {
                let sentences = de
                    .tokens
                    .sents
                    .iter()
                    .map(|r| (de.tokens.toks[r.start].start, de.tokens.toks[r.end - 1].end))
                    .collect();
                DocView { flat: de.tokens.flat, marks: Vec::new(), sentences }
            })
            .collect();
        a.index_marks();
        timer.lap("index");
        progress.set_stage(Stage::Done);
        a
    }

    /// Rebuilds the per-document mark lists from entities and figures.
    pub fn index_marks(&mut self) {
        for v in &mut self.views {
            v.marks.clear();
        }
        for (e, ent) in self.entities.iter().enumerate() {
            for m in &ent.mentions {
                if let Some(v) = self.views.get_mut(m.doc()) {
                    v.marks.push((*m, Target::Entity(e)));
                }
            }
        }
        for (f, fig) in self.figures.iter().enumerate() {
            if let Some(v) = self.views.get_mut(fig.span.doc()) {
                v.marks.push((fig.span, Target::Figure(f)));
            }
        }
        self.views.par_iter_mut().for_each(|v| v.marks.sort_by_key(|(s, _)| (s.start, s.end)));
    }

    /// Every mention of an entity or every figure of a pledge, by document, in reading order.
    pub fn spans_of(&self, sel: Selection) -> Vec<Span> {
        match sel {
            Selection::Entity(e) => self.entities.get(e).map(|e| e.mentions.clone()).unwrap_or_default(),
            Selection::Pledge(p) => self
                .pledges
                .get(p)
                .map(|p| p.figures.iter().map(|&f| self.figures[f].span).collect())
                .unwrap_or_default(),
            Selection::Quantity(q) => self
                .quantities
                .get(q)
                .map(|p| p.figures.iter().map(|&f| self.figures[f].span).collect())
                .unwrap_or_default(),
            Selection::Figure(f) => self.figures.get(f).map(|f| vec![f.span]).unwrap_or_default(),
            Selection::Discrepancy(d) => {
                let mut v = self.discrepancies.get(d).map(|d| d.spans.clone()).unwrap_or_default();
                v.sort();
                v.dedup();
                v
            }
        }
    }

    /// The text of a span (soft line breaks kept as written).
    pub fn span_text(&self, s: Span) -> &str {
        self.corpus.docs.get(s.doc()).and_then(|d| d.text.get(s.range())).unwrap_or("")
    }

    /// Entities of one kind, in display order (most widely mentioned first).
    pub fn entities_of(&self, kind: EntityKind) -> impl Iterator<Item = (usize, &Entity)> {
        self.entities.iter().enumerate().filter(move |(_, e)| e.kind == kind)
    }

    /// Number of documents mentioning a selection.
    pub fn doc_count(&self, sel: Selection) -> usize {
        let mut d: Vec<u32> = self.spans_of(sel).iter().map(|s| s.doc).collect();
        d.sort_unstable();
        d.dedup();
        d.len()
    }

    /// A short name for a selection.
    pub fn label(&self, sel: Selection) -> String {
        match sel {
            Selection::Entity(e) => self.entities.get(e).map(|e| e.name.clone()).unwrap_or_default(),
            Selection::Pledge(p) => self.pledges.get(p).map(|p| p.label.clone()).unwrap_or_default(),
            Selection::Quantity(q) => self.quantities.get(q).map(|p| p.label.clone()).unwrap_or_default(),
            Selection::Figure(f) => self.figures.get(f).map(|f| self.span_text(f.span).to_string()).unwrap_or_default(),
            Selection::Discrepancy(d) => self.discrepancies.get(d).map(|d| d.summary.clone()).unwrap_or_default(),
        }
    }
}

/// What the analysis is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Stage {
    Loading = 0,
    Extracting = 1,
    Linking = 2,
    Comparing = 3,
    Done = 4,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Loading => "reading files",
            Stage::Extracting => "finding names and figures",
            Stage::Linking => "linking documents",
            Stage::Comparing => "comparing accounts",
            Stage::Done => "done",
        }
    }
}

/// Progress of a running analysis, shared with the thread that shows it.
#[derive(Debug, Default)]
pub struct Progress {
    /// Documents extracted so far, and in all.
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    stage: AtomicU8,
}

impl Progress {
    pub fn set_stage(&self, s: Stage) {
        self.stage.store(s as u8, Ordering::Relaxed);
    }
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            1 => Stage::Extracting,
            2 => Stage::Linking,
            3 => Stage::Comparing,
            4 => Stage::Done,
            _ => Stage::Loading,
        }
    }
}

/// Prints the time each stage took to stderr when `CROSSREAD_TIMINGS` is set.
#[derive(Default)]
pub struct Timer(Option<std::cell::Cell<(std::time::Instant, f64)>>);

impl Timer {
    pub fn new() -> Timer {
        Timer(
            std::env::var_os("CROSSREAD_TIMINGS")
                .map(|_| std::cell::Cell::new((std::time::Instant::now(), cpu_seconds()))),
        )
    }
    /// Prints the wall time and the CPU time (both cores) since the last lap, and
    /// the resident memory now.
    pub fn lap(&self, what: &str) {
        if let Some(t) = &self.0 {
            let rss = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1).and_then(|p| p.parse::<u64>().ok()))
                .map_or(String::new(), |pages| format!(", {} MB resident", pages * 4096 / 1_000_000));
            let (then, cpu) = t.get();
            let now = cpu_seconds();
            eprintln!("crossread: {what}: {:.3}s ({:.3}s CPU){rss}", then.elapsed().as_secs_f64(), now - cpu);
            t.set((std::time::Instant::now(), now));
        }
    }
}

/// CPU time of the whole process so far (user and system), where `/proc` tells it.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat").ok().map_or(0.0, |s| {
        // Fields after the command name in parentheses: utime and stime are 14 and 15.
        let rest = s.rsplit_once(')').map_or("", |(_, r)| r);
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
        (ticks(11) + ticks(12)) / 100.0
    })
}

/// What the user has chosen to follow across documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Selection {
    Entity(usize),
    Pledge(usize),
    Quantity(usize),
    Figure(usize),
    /// The evidence of a discrepancy (index into `Analysis::discrepancies`).
    Discrepancy(usize),
}

/// Attributes each quotation to the person named next to it ("…,” said X;
/// X said: “…”), or, for a quotation that continues the previous paragraph's,
/// to that quotation's speaker.
fn attribute_quotes(docs: &[DocExtract], hit_entity: &[Vec<Option<usize>>], entities: &[Entity]) -> Vec<Quote> {
    let mut out = Vec::new();
    for (d, de) in docs.iter().enumerate() {
        let t = &de.tokens;
        let people: Vec<(usize, usize, usize)> = de
            .names
            .hits
            .iter()
            .enumerate()
            .filter_map(|(h, nh)| {
                let e = hit_entity[d][h]?;
                (entities[e].kind == EntityKind::Person).then_some((nh.span.start as usize, nh.span.end as usize, e))
            })
            .collect();
        let person_in = |a: usize, b: usize| -> Option<usize> {
            // The first person named in [a, b) who is not inside a quotation.
            people.iter().find(|(s, e, _)| *s >= a && *e <= b).map(|p| p.2)
        };
        let mut prev_speaker: Option<(usize, usize)> = None; // (entity, paragraph end token)
        for q in &de.quotes {
            let (qa, qb) = q.toks;
            let sr = t.sentence_of(qb);
            // After the quote, to the end of its sentence (or the next sentence if the quote ends one).
            let after_start = t.toks.get(qb + 1).map_or(q.end, |x| x.start as usize);
            let mut after_end = t.toks[sr.end - 1].end as usize;
            if sr.end - 1 <= qb + 2 && sr.end < t.len() && !t.toks[sr.end].has(flag::BREAK_BEFORE) {
                let next = t.sentence_of(sr.end);
                if t.toks[next.start].kind == Kind::Word {
                    after_end = t.toks[next.end - 1].end as usize;
                }
            }
            let before = t.sentence_of(qa);
            let before_start = t.toks[before.start].start as usize;
            // "…,” said , Vice-President": attributed to a name left out.
            let mut v = qb + 1;
            while v < t.len()
                && t.toks[v].kind == Kind::Punct
                && matches!(t.text(v), "”" | "\"" | "’" | "'" | "," | "." | "!" | "?")
            {
                v += 1;
            }
            let empty_slot = t.toks.get(v).is_some_and(|x| x.kind == Kind::Word)
                && Lexicon::get().is_speech_verb(t.key(v))
                && t.is_punct(v + 1, ',');
            if empty_slot {
                prev_speaker = None;
                out.push(Quote { span: Span::new(d, q.start, q.end), speaker: None });
                continue;
            }
            let speaker = person_in(after_start, after_end.min(after_start + 80))
                .or_else(|| person_in(before_start, q.start))
                .or_else(|| {
                    // A quotation paragraph without attribution continues the previous one.
                    let opens_paragraph =
                        qa > 0 && (t.toks[qa - 1].has(flag::BREAK_BEFORE) || t.toks[qa].has(flag::BREAK_BEFORE));
                    prev_speaker.filter(|(_, end)| opens_paragraph && qa.saturating_sub(*end) < 120).map(|p| p.0)
                })
                .or_else(|| {
                    // "…,” he said": the person last named before the quotation.
                    let after_words: Vec<&str> = (qb + 1..(qb + 6).min(t.len()))
                        .filter(|&i| t.toks[i].kind == Kind::Word)
                        .map(|i| t.key(i))
                        .collect();
                    let pronoun = after_words.iter().take(3).any(|w| matches!(*w, "he" | "she"));
                    let speech = after_words.iter().take(3).any(|w| Lexicon::get().is_speech_verb(w));
                    if !(pronoun && speech) {
                        return None;
                    }
                    let window_start = t.toks[t.sentence_of(qa).start.saturating_sub(1).min(qa)].start as usize;
                    let lookback = t
                        .sents
                        .get(t.sentence_index(qa).saturating_sub(2))
                        .map_or(window_start, |r| t.toks[r.start].start as usize);
                    people.iter().rev().find(|(s0, _, _)| *s0 >= lookback && *s0 < q.start).map(|p| p.2)
                });
            if let Some(s) = speaker {
                prev_speaker = Some((s, qb));
            }
            out.push(Quote { span: Span::new(d, q.start, q.end), speaker });
        }
    }
    out
}
