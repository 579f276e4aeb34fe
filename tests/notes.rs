//! The notes file under stress: processes killed mid-save, two writers at once,
//! and corrections reflected in `analyze --json`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crossread::notes::{Correction, Note, NoteKind, NotesFile, Status};

fn note(text: &str) -> Note {
    Note {
        id: crossread::notes::new_id("n"),
        rev: 0,
        created: String::new(),
        updated: String::new(),
        text: text.into(),
        kind: NoteKind::Other,
        status: Status::Open,
        concerns: None,
        anchors: Vec::new(),
        deleted: false,
    }
}

/// Run as a child process (see the tests below): saves notes to the file named in
/// `CROSSREAD_NOTES_CHILD`, printing "saved N" after each save returns.
#[test]
fn child_writer() {
    let Ok(path) = std::env::var("CROSSREAD_NOTES_CHILD") else { return };
    let prefix = std::env::var("CROSSREAD_NOTES_PREFIX").unwrap_or_default();
    let mut f = NotesFile::open(path);
    for i in 0..200 {
        f.save_note(note(&format!("{prefix}{i}"))).expect("save");
        println!("saved {i}");
    }
}

fn spawn_writer(path: &Path, prefix: &str) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writer", "--nocapture", "--test-threads=1"])
        .env("CROSSREAD_NOTES_CHILD", path)
        .env("CROSSREAD_NOTES_PREFIX", prefix)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_writer_killed_mid_save_loses_nothing_saved_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut child = spawn_writer(&path, "k");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut saved = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(n) = line.strip_prefix("saved ") {
            saved.push(n.to_string());
            if saved.len() == 25 {
                break;
            }
        }
    }
    // Kill it while it is saving the next ones.
    child.kill().unwrap();
    child.wait().unwrap();
    let f = NotesFile::open(&path);
    let texts: Vec<String> = f.notes().iter().map(|n| n.text.clone()).collect();
    for n in &saved {
        assert!(texts.contains(&format!("k{n}")), "note k{n} was reported saved but is gone");
    }
    // Whatever the kill cut short is kept, not dropped, and the file still works.
    let mut f = f;
    f.save_note(note("after the kill")).unwrap();
    assert!(NotesFile::open(&path).notes().iter().any(|n| n.text == "after the kill"));
}

#[test]
fn two_processes_writing_at_once_keep_every_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let a = spawn_writer(&path, "a");
    let b = spawn_writer(&path, "b");
    for c in [a, b] {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success());
    }
    let f = NotesFile::open(&path);
    assert!(f.unknown.is_empty(), "interleaved writes broke lines: {:?}", f.unknown);
    let texts: Vec<String> = f.notes().iter().map(|n| n.text.clone()).collect();
    assert_eq!(texts.len(), 400);
    for p in ["a", "b"] {
        for i in 0..200 {
            assert!(texts.contains(&format!("{p}{i}")));
        }
    }
}

#[test]
fn corrections_reach_analyze_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let mut f = NotesFile::open(&path);
    f.add_correction(Correction::Reject { entity: "person:mike-toolan".into() }).unwrap();
    f.add_correction(Correction::Rename { entity: "person:tony-radakin".into(), name: "Sir Tony Radakin".into() })
        .unwrap();
    f.add_correction(Correction::Merge { from: "organisation:reutert".into(), into: "organisation:sky-news".into() })
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["analyze", "--json", "--notes", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = j["entities"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert!(!names.contains(&"Mike Toolan"));
    assert!(!names.contains(&"Reutert"));
    let radakin = j["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Sir Tony Radakin").expect("renamed");
    assert!(radakin["aliases"].as_array().unwrap().iter().any(|a| a == "Tony Radakin"));
    let sky = j["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Sky News").unwrap();
    assert!(sky["aliases"].as_array().unwrap().iter().any(|a| a == "Reutert"));
}

#[test]
fn export_writes_markdown_and_web_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jsonl");
    let corpus = crossread::corpus::Corpus::seeds();
    let d = &corpus.docs[2];
    let s = d.text.find("Defence Secretary, ,").unwrap();
    let mut n = note("The press release leaves the Defence Secretary's name out.");
    n.kind = NoteKind::Name;
    n.concerns = Some(crossread::notes::Concerns {
        kind: "person".into(),
        id: "person:john-healey".into(),
        name: "John Healey".into(),
    });
    n.anchors.push(crossread::notes::anchor::make(d, 2, s, s + "Defence Secretary, ,".len()));
    NotesFile::open(&path).save_note(n).unwrap();
    let md = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["notes", "export", "--format", "md", "--notes", path.to_str().unwrap()])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("## People: John Healey"), "{md}");
    assert!(md.contains("“Defence Secretary, ,” — 002_40181f53fce9e585"), "{md}");
    let ld = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["notes", "export", "--format", "jsonld", "--notes", path.to_str().unwrap()])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&ld.stdout).unwrap();
    assert_eq!(v["first"]["items"][0]["target"][0]["selector"][0]["exact"], "Defence Secretary, ,");
}
