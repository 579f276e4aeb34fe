//! The notes file: JSON Lines, one record per line, appended and never lost.
//!
//! - Saving appends a new revision of the record and fsyncs before returning, so
//!   a note survives the process being killed right after the save.
//! - Every save takes an exclusive lock on the file, re-reads it and merges what
//!   other processes wrote, so two crossread processes on one file never lose each
//!   other's notes.
//! - A line that is not a record (corrupt, or from a newer version) is kept as it
//!   is and reported; a rewrite (compaction) copies it verbatim, through a
//!   temporary file and a rename.
//! - When the file cannot be written (read-only, disk full, missing folder), the
//!   record stays in memory as pending, the error is reported in one sentence, and
//!   the next save (or [`NotesFile::retry`]) tries again.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::record::{CorrectionRecord, Note, Record};
use super::{Correction, Corrections};

/// Why the notes file could not be read or written, in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotesError {
    #[error(
        "notes not saved: the folder {0} cannot be created ({1}); they are kept in memory and saving will be retried"
    )]
    Folder(String, String),
    #[error(
        "notes not saved: {0} cannot be opened for writing ({1}); they are kept in memory and saving will be retried"
    )]
    Open(String, String),
    #[error("notes not saved: writing {0} failed ({1}); they are kept in memory and saving will be retried")]
    Write(String, String),
    #[error("notes could not be read: {0} ({1})")]
    Read(String, String),
}

/// A notes file and what was read from it.
#[derive(Debug, Default)]
pub struct NotesFile {
    pub path: PathBuf,
    /// The latest revision of every record, in the order first seen.
    records: Vec<Record>,
    index: HashMap<String, usize>,
    /// Lines that are not records: (line number, text), kept as they are.
    pub unknown: Vec<(usize, String)>,
    /// Records saved by the user but not yet on disk.
    pending: Vec<Record>,
    /// The last error, for the status bar; cleared by a successful write.
    pub last_error: Option<NotesError>,
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "not found".into(),
        std::io::ErrorKind::StorageFull => "the disk is full".into(),
        std::io::ErrorKind::ReadOnlyFilesystem => "read-only file system".into(),
        std::io::ErrorKind::AlreadyExists | std::io::ErrorKind::NotADirectory => "a file is in the way".into(),
        _ => e.to_string(),
    }
}

impl NotesFile {
    /// Opens (reads) a notes file. A missing file is an empty one; a file that
    /// cannot be read is reported in `last_error` and treated as empty, and
    /// nothing is written over it until it can be read.
    pub fn open(path: impl Into<PathBuf>) -> NotesFile {
        let mut f = NotesFile { path: path.into(), ..NotesFile::default() };
        match fs::read(&f.path) {
            Ok(bytes) => f.merge(&String::from_utf8_lossy(&bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => f.last_error = Some(NotesError::Read(f.path.display().to_string(), io_reason(&e))),
        }
        f
    }

    /// Merges the text of the file into memory: a record replaces the one in
    /// memory when its revision is higher.
    fn merge(&mut self, text: &str) {
        self.unknown.clear();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Record>(line) {
                Ok(r) => self.put(r),
                Err(_) => self.unknown.push((n + 1, line.to_string())),
            }
        }
    }

    fn put(&mut self, r: Record) {
        if let Some(&i) = self.index.get(r.id()) {
            if r.rev() >= self.records[i].rev() {
                self.records[i] = r;
            }
        } else {
            self.index.insert(r.id().to_string(), self.records.len());
            self.records.push(r);
        }
    }

    /// Notes that are not deleted, newest first (pending ones included).
    pub fn notes(&self) -> Vec<&Note> {
        let mut v: Vec<&Note> = self
            .records
            .iter()
            .chain(self.pending.iter())
            .filter_map(|r| match r {
                Record::Note(n) => Some(n),
                Record::Correction(_) => None,
            })
            .collect();
        // A pending revision hides the saved one.
        let mut latest: HashMap<&str, &Note> = HashMap::new();
        for n in v.drain(..) {
            match latest.get(n.id.as_str()) {
                Some(o) if o.rev > n.rev => {}
                _ => {
                    latest.insert(&n.id, n);
                }
            }
        }
        let mut v: Vec<&Note> = latest.into_values().filter(|n| !n.deleted).collect();
        v.sort_by(|a, b| b.updated.cmp(&a.updated).then(b.id.cmp(&a.id)));
        v
    }

    /// A note by id.
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.notes().into_iter().find(|n| n.id == id)
    }

    /// The entity corrections in force, in the order they were made (the order of
    /// the file, then those not yet written).
    pub fn corrections(&self) -> Corrections {
        let v: Vec<&CorrectionRecord> = self
            .records
            .iter()
            .chain(self.pending.iter())
            .filter_map(|r| match r {
                Record::Correction(c) if !c.deleted => Some(c),
                _ => None,
            })
            .collect();
        Corrections { list: v.into_iter().map(|c| c.correction.clone()).collect() }
    }

    /// Whether some saved notes are not on disk yet.
    pub fn has_unsaved(&self) -> bool {
        !self.pending.is_empty()
    }

    /// One sentence per line of the file that is not a record.
    pub fn warnings(&self) -> Vec<String> {
        self.unknown
            .iter()
            .map(|(n, _)| {
                format!("line {n} of {} is not a note crossread can read; it is kept as it is", self.path.display())
            })
            .collect()
    }

    fn next_rev(&self, id: &str) -> u64 {
        let saved = self.index.get(id).map_or(0, |&i| self.records[i].rev());
        let pending = self.pending.iter().filter(|r| r.id() == id).map(Record::rev).max().unwrap_or(0);
        saved.max(pending) + 1
    }

    /// Saves a note (new or edited): a new revision, written and synced now, or
    /// kept in memory and retried when the file cannot be written.
    pub fn save_note(&mut self, mut note: Note) -> Result<(), NotesError> {
        note.rev = self.next_rev(&note.id);
        note.updated = super::now();
        if note.created.is_empty() {
            note.created.clone_from(&note.updated);
        }
        self.pending.push(Record::Note(note));
        self.flush()
    }

    /// Deletes a note (a tombstone revision, so other processes see it go).
    pub fn delete_note(&mut self, id: &str) -> Result<(), NotesError> {
        let Some(mut n) = self.note(id).cloned() else { return Ok(()) };
        n.deleted = true;
        self.save_note(n)
    }

    /// Records an entity correction.
    pub fn add_correction(&mut self, correction: Correction) -> Result<(), NotesError> {
        let id = super::new_id("c");
        let rec = CorrectionRecord { rev: 1, created: super::now(), id, correction, deleted: false };
        self.pending.push(Record::Correction(rec));
        self.flush()
    }

    /// Tries again to write what could not be written.
    pub fn retry(&mut self) -> Result<(), NotesError> {
        self.flush()
    }

    /// Re-reads the file (under the lock) and merges what other processes wrote.
    pub fn reload(&mut self) -> Result<(), NotesError> {
        match fs::read(&self.path) {
            Ok(bytes) => {
                self.merge(&String::from_utf8_lossy(&bytes));
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(NotesError::Read(self.path.display().to_string(), io_reason(&e))),
        }
    }

    fn flush(&mut self) -> Result<(), NotesError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let r = self.write_pending();
        match &r {
            Ok(()) => self.last_error = None,
            Err(e) => self.last_error = Some(e.clone()),
        }
        r
    }

    /// Opens the file for reading and appending (creating it and its folder),
    /// holding an exclusive lock until the file is dropped.
    fn open_locked(&self) -> Result<File, NotesError> {
        let shown = self.path.display().to_string();
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| NotesError::Folder(dir.display().to_string(), io_reason(&e)))?;
        }
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.path)
            .map_err(|e| NotesError::Open(shown.clone(), io_reason(&e)))?;
        file.lock().map_err(|e| NotesError::Open(shown, io_reason(&e)))?;
        Ok(file)
    }

    fn write_pending(&mut self) -> Result<(), NotesError> {
        let shown = self.path.display().to_string();
        let mut file = self.open_locked()?;
        // Under the lock: read what is there now, merge it, then append.
        let mut text = String::new();
        let mut bytes = Vec::new();
        file.seek(SeekFrom::Start(0))
            .and_then(|_| file.read_to_end(&mut bytes))
            .map_err(|e| NotesError::Write(shown.clone(), io_reason(&e)))?;
        text.push_str(&String::from_utf8_lossy(&bytes));
        self.merge(&text);
        let mut out = String::new();
        if !text.is_empty() && !text.ends_with('\n') {
            // The last line was cut short (a writer was killed mid-line): keep it
            // and start ours on a line of its own.
            out.push('\n');
        }
        let mut pending = std::mem::take(&mut self.pending);
        for r in &mut pending {
            // Another process may have written a revision meanwhile.
            let rev = self.index.get(r.id()).map_or(0, |&i| self.records[i].rev());
            if r.rev() <= rev {
                match r {
                    Record::Note(n) => n.rev = rev + 1,
                    Record::Correction(c) => c.rev = rev + 1,
                }
            }
            match serde_json::to_string(r) {
                Ok(line) => {
                    out.push_str(&line);
                    out.push('\n');
                }
                Err(e) => {
                    self.pending = pending.clone();
                    return Err(NotesError::Write(shown, e.to_string()));
                }
            }
        }
        let written = file.write_all(out.as_bytes()).and_then(|()| file.sync_data());
        if let Err(e) = written {
            self.pending = pending;
            return Err(NotesError::Write(shown, io_reason(&e)));
        }
        drop(file);
        for r in pending {
            self.put(r);
        }
        Ok(())
    }

    /// Rewrites the file with only the latest revision of each record (and every
    /// line it could not read, as it was), through a temporary file and a rename.
    pub fn compact(&mut self) -> Result<(), NotesError> {
        self.flush()?;
        let shown = self.path.display().to_string();
        let file = self.open_locked()?;
        let text = fs::read_to_string(&self.path).map_err(|e| NotesError::Read(shown.clone(), io_reason(&e)))?;
        self.merge(&text);
        let mut out = String::new();
        for (_, line) in &self.unknown {
            out.push_str(line);
            out.push('\n');
        }
        for r in &self.records {
            if let Ok(line) = serde_json::to_string(r) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        let tmp = temp_path(&self.path);
        let write = || -> std::io::Result<()> {
            let mut t = File::create(&tmp)?;
            t.write_all(out.as_bytes())?;
            t.sync_all()?;
            fs::rename(&tmp, &self.path)?;
            if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
                if let Ok(d) = File::open(dir) {
                    let _ = d.sync_all();
                }
            }
            Ok(())
        };
        let r = write().map_err(|e| NotesError::Write(shown, io_reason(&e)));
        if r.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        drop(file);
        r
    }
}

fn temp_path(p: &Path) -> PathBuf {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("notes.jsonl");
    p.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::record::{NoteKind, Status};

    fn note(text: &str) -> Note {
        Note {
            id: crate::notes::new_id("n"),
            rev: 0,
            created: String::new(),
            updated: String::new(),
            text: text.into(),
            kind: NoteKind::Figure,
            status: Status::Open,
            concerns: None,
            anchors: Vec::new(),
            deleted: false,
        }
    }

    #[test]
    fn save_and_reload() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/notes.jsonl");
        let mut f = NotesFile::open(&path);
        f.save_note(note("first")).unwrap();
        let mut n = note("second");
        f.save_note(n.clone()).unwrap();
        n.text = "second, edited".into();
        n.status = Status::Resolved;
        f.save_note(n.clone()).unwrap();
        let g = NotesFile::open(&path);
        let texts: Vec<&str> = g.notes().iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts.len(), 2);
        assert!(texts.contains(&"second, edited") && texts.contains(&"first"));
        assert_eq!(g.note(&n.id).unwrap().status, Status::Resolved);
        let mut g = g;
        g.delete_note(&n.id).unwrap();
        assert_eq!(NotesFile::open(&path).notes().len(), 1);
    }

    #[test]
    fn corrupt_lines_are_kept_through_saves_and_compaction() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.jsonl");
        fs::write(&path, "this is not json\n{\"crossread\":\"future\",\"x\":1}\n{\"half\": ").unwrap();
        let mut f = NotesFile::open(&path);
        assert_eq!(f.unknown.len(), 3);
        assert_eq!(f.warnings().len(), 3);
        f.save_note(note("kept")).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("this is not json\n{\"crossread\":\"future\",\"x\":1}\n{\"half\": \n"));
        f.compact().unwrap();
        let text = fs::read_to_string(&path).unwrap();
        for l in ["this is not json", "{\"crossread\":\"future\",\"x\":1}", "{\"half\": "] {
            assert!(text.lines().any(|x| x == l), "{l} lost:\n{text}");
        }
        assert_eq!(NotesFile::open(&path).notes().len(), 1);
    }

    #[test]
    fn two_writers_keep_each_others_notes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.jsonl");
        let mut a = NotesFile::open(&path);
        let mut b = NotesFile::open(&path);
        a.save_note(note("from a")).unwrap();
        b.save_note(note("from b")).unwrap();
        // b merged a's note on its save; a sees b's after a reload.
        assert_eq!(b.notes().len(), 2);
        a.reload().unwrap();
        assert_eq!(a.notes().len(), 2);
        assert_eq!(NotesFile::open(&path).notes().len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_file_keeps_the_note_in_memory_and_retries() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.jsonl");
        fs::write(&path, "").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        if OpenOptions::new().append(true).open(&path).is_ok() {
            // Running as root: permissions do not stop us; nothing to test here.
            return;
        }
        let mut f = NotesFile::open(&path);
        let err = f.save_note(note("precious")).unwrap_err();
        assert!(err.to_string().contains("kept in memory"), "{err}");
        assert!(f.has_unsaved());
        assert_eq!(f.notes().len(), 1);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        f.retry().unwrap();
        assert!(!f.has_unsaved());
        assert_eq!(NotesFile::open(&path).notes()[0].text, "precious");
    }

    #[test]
    fn a_missing_folder_that_cannot_be_made_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        fs::write(&blocker, "x").unwrap();
        // A folder cannot be created under a regular file.
        let mut f = NotesFile::open(blocker.join("notes.jsonl"));
        let err = f.save_note(note("x")).unwrap_err();
        assert!(matches!(err, NotesError::Folder(..)), "{err}");
        assert!(f.has_unsaved() && f.last_error.is_some());
    }

    #[test]
    fn corrections_are_stored_with_the_notes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.jsonl");
        let mut f = NotesFile::open(&path);
        f.add_correction(Correction::Reject { entity: "person:rayo-premium".into() }).unwrap();
        f.add_correction(Correction::Rename { entity: "person:x".into(), name: "Y".into() }).unwrap();
        let g = NotesFile::open(&path);
        assert_eq!(g.corrections().list.len(), 2);
        assert_eq!(g.corrections().list[0], Correction::Reject { entity: "person:rayo-premium".into() });
    }
}
