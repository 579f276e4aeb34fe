//! The user's notes and entity corrections, and the file they live in.
//!
//! Notes record discrepancies with their evidence (anchored quotes); corrections
//! fix entities by hand. Both are records of one JSON Lines file, by default one
//! per corpus under the user's data folder (`--notes PATH` chooses another).

pub mod anchor;
pub mod corrections;
pub mod export;
pub mod record;
pub mod store;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

pub use corrections::{Correction, Corrections};
pub use record::{Anchor, Concerns, Note, NoteKind, Status};
pub use store::{NotesError, NotesFile};

/// The current time as an RFC 3339 UTC timestamp with milliseconds
/// ("2026-11-21T23:48:05.123Z"), so notes saved in one second still sort in order.
pub fn now() -> String {
    let d = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let s = rfc3339(d.as_secs());
    format!("{}.{:03}Z", s.trim_end_matches('Z'), d.subsec_millis())
}

/// Formats seconds since 1970 as an RFC 3339 UTC timestamp.
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem / 60 % 60, rem % 60)
}

/// A new, unique record id with a prefix ("n" for notes, "c" for corrections).
pub fn new_id(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let seed = format!("{nanos}:{}:{n}", std::process::id());
    let hash = crate::corpus::sha256_hex(seed.as_bytes());
    format!("{prefix}{}", &hash[..12])
}

/// A name for a corpus that stays the same across runs: "seeds" for the embedded
/// corpus, else the last folder or file name and a hash of the full paths.
pub fn corpus_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "seeds".into();
    }
    let full: Vec<String> =
        paths.iter().map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()).display().to_string()).collect();
    let name = paths[0].file_name().and_then(|n| n.to_str()).map_or_else(|| "corpus".to_string(), crate::text::slug);
    let hash = crate::corpus::sha256_hex(full.join("\n").as_bytes());
    format!("{name}-{}", &hash[..8])
}

/// The default notes file of a corpus, under the user's data folder
/// (`$XDG_DATA_HOME/crossread/notes/KEY.jsonl` on Linux).
pub fn default_path(key: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "crossread").map(|d| d.data_dir().join("notes").join(format!("{key}.jsonl")))
}

/// The notes file to use: the one given, or the corpus's default.
pub fn resolve_path(given: Option<&Path>, corpus_paths: &[PathBuf]) -> Option<PathBuf> {
    given.map(Path::to_path_buf).or_else(|| default_path(&corpus_key(corpus_paths)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_305_600), "2026-11-22T00:00:00Z");
        assert_eq!(rfc3339(951_782_400 + 3661), "2000-02-29T01:01:01Z");
    }

    #[test]
    fn now_has_milliseconds() {
        let n = now();
        assert_eq!(n.len(), "2026-11-21T23:48:05.123Z".len(), "{n}");
        assert!(n.ends_with('Z') && n.as_bytes()[19] == b'.');
    }

    #[test]
    fn ids_are_unique() {
        let a = new_id("n");
        let b = new_id("n");
        assert_ne!(a, b);
        assert!(a.starts_with('n') && a.len() == 13);
    }

    #[test]
    fn corpus_keys() {
        assert_eq!(corpus_key(&[]), "seeds");
        let k = corpus_key(&[PathBuf::from("/tmp/My Articles")]);
        assert!(k.starts_with("my-articles-"));
    }
}
