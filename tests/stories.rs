//! Scores the analysis against hand-made gold annotations of eighteen stories from
//! other fields (business, disasters, sport, court, politics, health, labour, transport), so that no
//! rule is tuned to one corpus. See tests/fixtures/stories/README.md for the
//! annotation conventions. Run with `--nocapture` to see every miss.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crossread::analysis::Analysis;
use crossread::corpus::Corpus;
use crossread::model::{EntityKind, FigureKind, Qualifier};
use serde_json::Value;

fn stories() -> Vec<PathBuf> {
    // CROSSREAD_STORIES points the scoring at another folder of stories (new ones,
    // before they join the fixtures).
    let root = std::env::var_os("CROSSREAD_STORIES")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories"), PathBuf::from);
    let mut v: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("gold.json").exists())
        .collect();
    v.sort();
    v
}

/// Byte ranges where `sub` occurs in `text`.
/// Where `sub` stands in `text` as whole words (not glued to a letter or digit on
/// either side, as `check_gold.py` counts them): "Seo" is not in "Seorin".
fn occurrences(text: &str, sub: &str) -> Vec<(usize, usize)> {
    let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(sub)
        .map(|(i, s)| (i, i + s.len()))
        .filter(|&(i, j)| !glued(text[..i].chars().next_back()) && !glued(text[j..].chars().next()))
        .collect()
}

struct Story {
    analysis: Analysis,
    gold: Value,
    /// doc file name ("a.txt") -> index
    index: HashMap<String, usize>,
}

fn load(dir: &Path) -> Story {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let corpus = Corpus::load(&files);
    let index = corpus.docs.iter().enumerate().map(|(i, d)| (format!("{}.txt", d.id), i)).collect();
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    Story { analysis: Analysis::run(corpus), gold, index }
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    merged: usize,
    split: usize,
    found: BTreeMap<&'static str, (usize, usize)>,
    misses: Vec<String>,
}

fn score_story(st: &Story, s: &mut Score) {
    let a = &st.analysis;
    let text = |d: usize| &*a.corpus.docs[d].text;
    // Gold person mentions, longest first, each taking the first occurrence not inside one already placed.
    let mut gold_p: BTreeMap<(usize, usize, usize), String> = BTreeMap::new();
    let mut all: Vec<(String, usize, String)> = Vec::new();
    for p in st.gold["people"].as_array().unwrap() {
        for m in p["mentions"].as_array().unwrap() {
            all.push((
                p["name"].as_str().unwrap().into(),
                st.index[m["doc"].as_str().unwrap()],
                m["text"].as_str().unwrap().into(),
            ));
        }
    }
    all.sort_by_key(|x| std::cmp::Reverse(x.2.len()));
    for (name, d, t) in all {
        let free = occurrences(text(d), &t)
            .into_iter()
            .find(|&(s0, e0)| !gold_p.keys().any(|&(gd, gs, ge)| gd == d && gs < e0 && s0 < ge));
        if let Some((s0, e0)) = free {
            gold_p.insert((d, s0, e0), name);
        }
    }
    let mut sys_p: BTreeMap<(usize, usize, usize), usize> = BTreeMap::new();
    for (i, e) in a.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
        for m in &e.mentions {
            sys_p.insert((m.doc(), m.start as usize, m.end as usize), i);
        }
    }
    let mut by_gold: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut by_sys: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (k, name) in &gold_p {
        if let Some(&e) = sys_p.get(k) {
            s.tp += 1;
            by_gold.entry(name).or_default().insert(e);
            by_sys.entry(e).or_default().insert(name);
        } else {
            s.fn_ += 1;
            s.misses.push(format!("missed person {:?}", &text(k.0)[k.1..k.2]));
        }
    }
    for k in sys_p.keys().filter(|k| !gold_p.contains_key(k)) {
        s.fp += 1;
        s.misses.push(format!("false person {:?}", &text(k.0)[k.1..k.2]));
    }
    for (name, v) in by_gold.iter().filter(|(_, v)| v.len() > 1) {
        s.misses.push(format!("person {name:?} split over {} entities", v.len()));
    }
    for v in by_sys.values().filter(|v| v.len() > 1) {
        s.misses.push(format!("one entity holds {v:?}"));
    }
    s.split += by_gold.values().filter(|v| v.len() > 1).count();
    s.merged += by_sys.values().filter(|v| v.len() > 1).count();
    // Figures: a gold figure is found when a figure of the right kind and value overlaps it.
    let qual = |v: &Value| -> Option<Qualifier> {
        match v.as_str()? {
            "over" => Some(Qualifier::Over),
            "more than" => Some(Qualifier::MoreThan),
            "around" => Some(Qualifier::Around),
            "at least" => Some(Qualifier::AtLeast),
            "up to" => Some(Qualifier::UpTo),
            "under" => Some(Qualifier::Under),
            "almost" => Some(Qualifier::Almost),
            _ => None,
        }
    };
    for (cat, key) in [("money", "money"), ("counts", "counts"), ("percents", "percents"), ("dates", "dates")] {
        for g in st.gold[key].as_array().into_iter().flatten() {
            let d = st.index[g["doc"].as_str().unwrap()];
            let gt = g["text"].as_str().unwrap();
            let ok = occurrences(text(d), gt).iter().any(|&(gs, ge)| {
                a.figures.iter().any(|f| {
                    f.span.doc() == d
                        && (f.span.start as usize) < ge
                        && gs < f.span.end as usize
                        && match cat {
                            "money" => {
                                f.kind == FigureKind::Money
                                    && f.unit.as_deref() == g["currency"].as_str()
                                    && (f.value.unwrap_or(0.0) - g["value"].as_f64().unwrap()).abs()
                                        < 1e-6 * g["value"].as_f64().unwrap().max(1.0)
                            }
                            "counts" => {
                                matches!(f.kind, FigureKind::Count | FigureKind::Duration)
                                    && f.value == g["value"].as_f64()
                                    && f.qualifier == qual(&g["qualifier"])
                            }
                            "percents" => f.kind == FigureKind::Percent && f.value == g["value"].as_f64(),
                            _ => f.kind == FigureKind::Date && f.date.as_deref() == g["date"].as_str(),
                        }
                })
            });
            let e = s.found.entry(cat).or_default();
            e.1 += 1;
            if ok {
                e.0 += 1;
            } else {
                s.misses.push(format!("missed {cat} {gt:?}"));
            }
        }
    }
}

/// Whether a found discrepancy shows a gold one: same kind, and its spans cover
/// the gold evidence (at least two pieces, or the only one).
fn shows(st: &Story, d: &crossread::model::Discrepancy, g: &Value) -> bool {
    if d.kind.as_str() != g["kind"].as_str().unwrap() {
        return false;
    }
    let a = &st.analysis;
    let docs: Vec<usize> =
        g["docs"].as_array().unwrap().iter().filter_map(|x| st.index.get(x.as_str().unwrap()).copied()).collect();
    let evidence: Vec<&str> = g["evidence"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
    let covered = evidence
        .iter()
        .filter(|e| {
            docs.iter().any(|&doc| {
                occurrences(&a.corpus.docs[doc].text, e).iter().any(|&(s0, e0)| {
                    d.spans.iter().any(|sp| sp.doc() == doc && (sp.start as usize) < e0 && s0 < sp.end as usize)
                })
            })
        })
        .count();
    covered >= evidence.len().min(2)
}

#[test]
fn discrepancies_on_unseen_stories() {
    let (mut found, mut total, mut real, mut reported) = (0u32, 0u32, 0u32, 0u32);
    for dir in stories() {
        let st = load(&dir);
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let gold = st.gold["discrepancies"].as_array().unwrap();
        for g in gold {
            total += 1;
            if st.analysis.discrepancies.iter().any(|d| shows(&st, d, g)) {
                found += 1;
            } else {
                println!("{name}: missed {} {}", g["kind"], g["about"]);
            }
        }
        // Single-source claims are facts about the corpus; the gold lists only the
        // notable ones, so they are not counted against precision.
        for d in st.analysis.discrepancies.iter().filter(|d| d.kind != crossread::model::DiscrepancyKind::SingleSource)
        {
            reported += 1;
            if gold.iter().any(|g| shows(&st, d, g)) {
                real += 1;
            } else {
                println!("{name}: reported {} {}", d.kind.as_str(), d.summary);
            }
        }
    }
    let recall = f64::from(found) / f64::from(total.max(1));
    let precision = f64::from(real) / f64::from(reported.max(1));
    println!("discrepancies: found {found}/{total} ({recall:.2}), real {real}/{reported} ({precision:.2})");
    assert!(recall >= 0.9, "recall {recall:.2}");
    assert!(precision >= 0.8, "precision {precision:.2}");
}

#[test]
fn people_and_figures_on_unseen_stories() {
    let mut s = Score::default();
    for dir in stories() {
        let st = load(&dir);
        let before = s.misses.len();
        score_story(&st, &mut s);
        for m in &s.misses[before..] {
            println!("{}: {m}", dir.file_name().unwrap().to_string_lossy());
        }
    }
    let precision = s.tp as f64 / (s.tp + s.fp).max(1) as f64;
    let recall = s.tp as f64 / (s.tp + s.fn_).max(1) as f64;
    println!("people: precision {precision:.3}, recall {recall:.3}, split {}, merged {}", s.split, s.merged);
    for (cat, (ok, n)) in &s.found {
        println!("{cat}: {ok}/{n}");
    }
    assert!(s.tp > 200, "the gold has hundreds of person mentions");
    assert!(precision >= 0.95 && recall >= 0.95, "people precision {precision:.3} recall {recall:.3}");
    assert_eq!(s.merged, 0, "an entity holds two people");
    assert!(s.split <= 1, "{} people split over several entities", s.split);
    let (ok, n) = s.found["money"];
    assert_eq!(ok, n, "every amount of money, with value and currency");
    for cat in ["counts", "percents", "dates"] {
        let (ok, n) = s.found[cat];
        assert!(ok as f64 >= 0.95 * n as f64, "{cat}: {ok}/{n}");
    }
}
