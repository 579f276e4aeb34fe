//! Loading a corpus: files and folders from the command line, or the embedded seeds.
//!
//! Loading never fails as a whole because one input is bad: each bad input is
//! skipped with one sentence in [`Corpus::warnings`], and the rest is loaded.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::text;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// One article as loaded.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file stem, made unique within the corpus.
    pub id: String,
    /// The path as given on the command line (or `seeds/NAME` for the embedded corpus).
    pub path: String,
    /// The first line of the article, shortened.
    pub title: String,
    /// The sanitized text; every offset in the program points into it. Shared
    /// with the analysis, which reads it as is unless it is hard-wrapped.
    pub text: std::sync::Arc<str>,
    /// Size of the file in bytes.
    pub bytes: usize,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
}

/// A set of documents and what went wrong loading the others.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// A name for the corpus as a whole (the folder, or "seeds").
    pub name: String,
    pub docs: Vec<Document>,
    /// One sentence per skipped or repaired input, for stderr or the status bar.
    pub warnings: Vec<String>,
}

/// Why one input could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    #[error("{0}: not a .txt or .md file, skipped")]
    NotText(String),
    #[error("{0}: looks like a binary file (it contains NUL bytes), skipped")]
    Binary(String),
    #[error("{0}: empty, skipped")]
    Empty(String),
    #[error("{0}: cannot be read ({1}), skipped")]
    Unreadable(String, String),
    #[error("{0}: no such file or folder")]
    Missing(String),
}

/// The result of reading one input that was kept.
#[derive(Debug)]
struct Loaded {
    doc: Document,
    warning: Option<String>,
}

impl Corpus {
    /// The embedded seed corpus.
    pub fn seeds() -> Corpus {
        let docs = embedded::SEEDS
            .iter()
            .filter_map(|(name, bytes)| {
                decode(&format!("seeds/{name}"), stem(Path::new(name)), bytes).ok().map(|l| l.doc)
            })
            .collect();
        Corpus { name: "seeds".into(), docs, warnings: Vec::new() }
    }

    /// Builds a corpus from in-memory texts `(path, text)`, as if loaded from files.
    /// Used by tests, benchmarks and the notes re-anchoring.
    pub fn from_texts<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> Corpus {
        let mut c = Corpus { name: "memory".into(), ..Corpus::default() };
        for (path, t) in items {
            match decode(path, stem(Path::new(path)), t.as_bytes()) {
                Ok(l) => c.docs.push(l.doc),
                Err(e) => c.warnings.push(e.to_string()),
            }
        }
        c.make_ids_unique();
        c
    }

    /// Loads files and folders (folders recursively, `.txt` and `.md` only).
    pub fn load(paths: &[PathBuf]) -> Corpus {
        let mut warnings = Vec::new();
        let mut files = Vec::new();
        for p in paths {
            let shown = p.display().to_string();
            match fs::metadata(p) {
                Ok(m) if m.is_dir() => walk(p, &mut files, &mut warnings),
                Ok(_) => files.push(p.clone()),
                Err(_) => warnings.push(SkipReason::Missing(shown).to_string()),
            }
        }
        let loaded: Vec<Result<Loaded, SkipReason>> = files.par_iter().map(|f| load_file(f)).collect();
        let mut docs = Vec::with_capacity(loaded.len());
        for r in loaded {
            match r {
                Ok(l) => {
                    if let Some(w) = l.warning {
                        warnings.push(w);
                    }
                    docs.push(l.doc);
                }
                Err(e) => warnings.push(e.to_string()),
            }
        }
        let name = match paths {
            [one] => one.display().to_string(),
            [] => String::new(),
            _ => format!("{} inputs", paths.len()),
        };
        let mut c = Corpus { name, docs, warnings };
        c.make_ids_unique();
        c
    }

    /// Two files with the same stem in different folders get `~2`, `~3`... appended.
    fn make_ids_unique(&mut self) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for d in &mut self.docs {
            let n = seen.entry(d.id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                d.id = format!("{}~{}", d.id, n);
            }
        }
    }

    /// Finds a document by id.
    pub fn doc(&self, id: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.id == id)
    }

    /// Total size of the texts, in bytes.
    pub fn total_bytes(&self) -> usize {
        self.docs.iter().map(|d| d.text.len()).sum()
    }
}

impl fmt::Display for Corpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} documents)", self.name, self.docs.len())
    }
}

fn is_text_name(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("txt" | "md"))
}

/// Collects text files under `dir` in a stable (sorted) order.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, warnings: &mut Vec<String>) {
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => {
            warnings.push(SkipReason::Unreadable(dir.display().to_string(), e.kind().to_string()).to_string());
            return;
        }
    };
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, warnings);
        } else if is_text_name(&p) {
            files.push(p);
        } else {
            warnings.push(SkipReason::NotText(p.display().to_string()).to_string());
        }
    }
}

fn stem(p: &Path) -> String {
    p.file_stem().and_then(|s| s.to_str()).map_or_else(|| "doc".to_string(), str::to_string)
}

fn load_file(p: &Path) -> Result<Loaded, SkipReason> {
    let shown = p.display().to_string();
    if !is_text_name(p) {
        return Err(SkipReason::NotText(shown));
    }
    let bytes = fs::read(p).map_err(|e| SkipReason::Unreadable(shown.clone(), e.kind().to_string()))?;
    decode(&shown, stem(p), &bytes)
}

/// Turns a file's bytes into a [`Document`], or says why it cannot be one.
fn decode(path: &str, id: String, bytes: &[u8]) -> Result<Loaded, SkipReason> {
    if bytes.contains(&0) {
        return Err(SkipReason::Binary(path.to_string()));
    }
    let (raw, warning) = match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(_) => {
            (String::from_utf8_lossy(bytes), Some(format!("{path}: not valid UTF-8, read with replacement characters")))
        }
    };
    let text = text::sanitize(&raw);
    if text.trim().is_empty() {
        return Err(SkipReason::Empty(path.to_string()));
    }
    let sha256 = hex(&Sha256::digest(bytes));
    let title = title_of(&text);
    Ok(Loaded {
        doc: Document { id, path: path.to_string(), title, text: text.into(), bytes: bytes.len(), sha256 },
        warning,
    })
}

/// The first non-empty line, shortened to 80 characters.
fn title_of(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    text::ellipsize(line, 80)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// SHA-256 of some bytes, hex (also used to check notes against edited documents).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_embedded() {
        let c = Corpus::seeds();
        assert_eq!(c.docs.len(), 5);
        assert!(c.docs[0].path.starts_with("seeds/"));
        assert_eq!(c.docs[0].id, "000_615a17b2679902ae");
        assert_eq!(c.docs[0].bytes, 2933);
        assert_eq!(c.docs[0].sha256.len(), 64);
    }

    #[test]
    fn decode_rejects_binary_and_empty() {
        assert!(matches!(decode("a.txt", "a".into(), b"ab\0cd"), Err(SkipReason::Binary(_))));
        assert!(matches!(decode("a.txt", "a".into(), b" \n\r\n"), Err(SkipReason::Empty(_))));
    }

    #[test]
    fn decode_repairs_utf8_and_crlf() {
        let l = decode("a.txt", "a".into(), b"Caf\xe9 \r\nnext").unwrap();
        assert!(l.warning.unwrap().contains("not valid UTF-8"));
        assert_eq!(&*l.doc.text, "Caf\u{fffd} \nnext");
        assert_eq!(l.doc.bytes, 11);
    }

    #[test]
    fn duplicate_stems_get_unique_ids() {
        let c = Corpus::from_texts([("a/x.txt", "one"), ("b/x.txt", "two")]);
        assert_eq!(c.docs[0].id, "x");
        assert_eq!(c.docs[1].id, "x~2");
    }
}
