//! End-to-end tests of `crossread analyze`: the real binary on the embedded seeds
//! and on folders of awkward files.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn crossread(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_DATA_HOME", std::env::temp_dir().join("crossread-test-data"))
        .output()
        .expect("run crossread")
}

fn analyze_json(args: &[&str]) -> Value {
    let mut all = vec!["analyze", "--json"];
    all.extend_from_slice(args);
    let out = crossread(&all);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

fn entity<'a>(j: &'a Value, kind: &str, name: &str) -> &'a Value {
    j["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == kind && e["name"] == name)
        .unwrap_or_else(|| panic!("no {kind} {name}"))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect()
}

fn doc_ids(e: &Value) -> Vec<&str> {
    let mut d: Vec<&str> = e["mentions"].as_array().unwrap().iter().map(|m| m["doc"].as_str().unwrap()).collect();
    d.dedup();
    d
}

fn figure<'a>(j: &'a Value, doc_prefix: &str, text: &str) -> &'a Value {
    j["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["doc"].as_str().unwrap().starts_with(doc_prefix) && f["text"] == text)
        .unwrap_or_else(|| panic!("no figure {text:?} in {doc_prefix}"))
}

#[test]
fn seeds_documents_follow_the_contract() {
    let j = analyze_json(&[]);
    assert_eq!(j["version"], 1);
    let docs = j["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for d in docs {
        let id = d["id"].as_str().unwrap();
        assert_eq!(d["path"], format!("seeds/{id}.txt"));
        let bytes = std::fs::read(seeds.join(format!("{id}.txt"))).unwrap();
        assert_eq!(d["bytes"], bytes.len());
        assert_eq!(d["sha256"], crossread::corpus::sha256_hex(&bytes));
    }
    // Every mention's text is exactly its byte range of the document.
    let texts: std::collections::HashMap<&str, String> = docs
        .iter()
        .map(|d| {
            let id = d["id"].as_str().unwrap();
            (id, std::fs::read_to_string(seeds.join(format!("{id}.txt"))).unwrap())
        })
        .collect();
    for e in j["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let t = &texts[m["doc"].as_str().unwrap()];
            let (s, en) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(&t[s..en], m["text"].as_str().unwrap());
        }
    }
    for f in j["figures"].as_array().unwrap() {
        let t = &texts[f["doc"].as_str().unwrap()];
        let (s, en) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(&t[s..en], f["text"].as_str().unwrap());
    }
}

#[test]
fn seeds_people_are_linked_across_documents() {
    let j = analyze_json(&[]);
    let healey = entity(&j, "person", "John Healey");
    assert_eq!(healey["id"], "person:john-healey");
    let aliases = strings(&healey["aliases"]);
    assert!(aliases.contains(&"Healey") && aliases.contains(&"Mr Healey"), "{aliases:?}");
    assert!(strings(&healey["roles"]).contains(&"Defence Secretary"));
    assert_eq!(healey["mentions"].as_array().unwrap().len(), 8);

    let radakin = entity(&j, "person", "Tony Radakin");
    assert!(strings(&radakin["aliases"]).contains(&"Admiral Radakin"));
    assert_eq!(doc_ids(radakin).len(), 4);

    let starmer = entity(&j, "person", "Keir Starmer");
    assert!(strings(&starmer["aliases"]).contains(&"Sir Keir"));
    assert_eq!(doc_ids(starmer).len(), 3);

    let zelenskyy = entity(&j, "person", "Volodymyr Zelenskyy");
    assert!(strings(&zelenskyy["aliases"]).contains(&"Mr Zelenskyy"));
    assert_eq!(doc_ids(zelenskyy).len(), 3);

    let putin = entity(&j, "person", "Vladimir Putin");
    assert_eq!(putin["mentions"].as_array().unwrap().len(), 7);

    // A name broken over a line end in the hard-wrapped press release is one mention.
    let pistorius = entity(&j, "person", "Boris Pistorius");
    assert_eq!(pistorius["mentions"][0]["text"], "Boris\nPistorius");
    assert!(strings(&pistorius["roles"]).iter().any(|r| r.contains("Defence Minister")));

    // Bylines and photo credits name people; page furniture does not.
    entity(&j, "person", "Anatolii Stepanov");
    let people: Vec<&str> = j["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "person")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for not_person in ["Rayo Premium", "Prime Minister", "Defence Secretary", "NATO Force", "Clear Military Signal"] {
        assert!(!people.iter().any(|p| p.contains(not_person)), "{not_person} taken for a person: {people:?}");
    }
    // Organisations and places, with their acronyms and aliases.
    let udcg = entity(&j, "organisation", "Ukraine Defence Contact Group");
    assert!(strings(&udcg["aliases"]).contains(&"UDCG"));
    let uk = entity(&j, "place", "United Kingdom");
    let uk_aliases = strings(&uk["aliases"]);
    assert!(uk_aliases.contains(&"UK") && uk_aliases.contains(&"U.K."));
}

#[test]
fn seeds_figures_and_pledges() {
    let j = analyze_json(&[]);
    let wrapped = figure(&j, "002", "£4.5\nbillion");
    assert_eq!(
        (wrapped["kind"].as_str(), wrapped["value"].as_f64(), wrapped["unit"].as_str()),
        (Some("money"), Some(4.5e9), Some("GBP"))
    );
    let over = figure(&j, "000", "over £4.5 billion");
    assert_eq!(over["qualifier"], "over");
    assert_eq!(over["pledge"], wrapped["pledge"]);

    let eur_a = figure(&j, "000", "€1.5 billion");
    let eur_b = figure(&j, "002", "1.5 billion euros");
    assert_eq!(eur_a["value"], eur_b["value"]);
    assert_eq!((eur_a["unit"].as_str(), eur_b["unit"].as_str()), (Some("EUR"), Some("EUR")));
    assert!(!eur_a["pledge"].is_null());
    assert_eq!(eur_a["pledge"], eur_b["pledge"]);

    let words = figure(&j, "002", "more than five thousand air defence missiles");
    assert_eq!(
        (words["value"].as_f64(), words["unit"].as_str(), words["qualifier"].as_str()),
        (Some(5000.0), Some("air defence missiles"), Some("more than"))
    );
    let digits = figure(&j, "000", "over 5,000 air defence missiles");
    let deal_a = figure(&j, "000", "£1.6 billion");
    let deal_b = figure(&j, "002", "£1.6 billion");
    // "contract to supply over 5,000" and "deal to provide more than five thousand": one pledge.
    for f in [digits, deal_a, deal_b] {
        assert_eq!(f["pledge"], words["pledge"]);
    }
    let pledge = j["pledges"].as_array().unwrap().iter().find(|p| p["id"] == words["pledge"]).unwrap();
    assert_eq!(strings(&pledge["docs"]).len(), 2);

    assert_eq!(figure(&j, "002", "2.5%")["value"], 2.5);
    assert_eq!(figure(&j, "001", "5th Apr 2025")["date"], "2025-04-05");
    assert_eq!(figure(&j, "003", "30-day")["kind"], "duration");
    assert_eq!(figure(&j, "002", "27th meeting")["kind"], "ordinal");
    // No figures from clock times.
    assert!(!j["figures"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["text"].as_str().unwrap().contains("44") && f["doc"].as_str().unwrap().starts_with("003")));
}

#[test]
fn summary_lists_people_and_pledges() {
    let out = crossread(&["analyze"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("5 documents"));
    assert!(s.lines().any(|l| l.contains("John Healey") && l.contains("8 mentions in 3 of 5 docs")), "{s}");
    assert!(s.lines().any(|l| l.contains("Boris Pistorius") && l.contains(" 1 mention  in 1 of 5 docs")), "{s}");
    assert!(s.contains("Pledges ("));
    assert!(s.lines().any(|l| l.contains("more than five thousand air defence missiles")));
}

#[test]
fn bad_inputs_are_skipped_with_one_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("sub/deeper")).unwrap();
    std::fs::write(d.join("sub/deeper/one.txt"), "Finance Minister Carla Brandt said the budget of €2bn was fair.\n")
        .unwrap();
    std::fs::write(
        d.join("two.md"),
        "\u{feff}Carla Brandt told reporters on 3 May 2024 she was confident.\r\nMore text.\r\n",
    )
    .unwrap();
    std::fs::write(d.join("photo.jpg"), [0xff, 0xd8, 0xff]).unwrap();
    std::fs::write(d.join("blob.txt"), b"abc\0def").unwrap();
    std::fs::write(d.join("empty.txt"), "  \n").unwrap();
    std::fs::write(d.join("latin1.txt"), b"Mayor Ren\xe9 Dubois said 40 homes were flooded.\n").unwrap();
    let out = crossread(&["analyze", "--json", d.to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.lines().any(|l| l.contains("photo.jpg") && l.contains("not a .txt or .md")), "{err}");
    assert!(err.lines().any(|l| l.contains("blob.txt") && l.contains("binary")), "{err}");
    assert!(err.lines().any(|l| l.contains("empty.txt") && l.contains("empty")), "{err}");
    assert!(err.lines().any(|l| l.contains("latin1.txt") && l.contains("UTF-8")), "{err}");
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = j["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["latin1", "one", "two"]);
    let brandt = entity(&j, "person", "Carla Brandt");
    assert_eq!(doc_ids(brandt), vec!["one", "two"]);
    // The BOM and CRLF are gone from the text as loaded, so offsets start at the name.
    let two = brandt["mentions"].as_array().unwrap().iter().find(|m| m["doc"] == "two").unwrap();
    assert_eq!(two["start"], 0);
}

#[test]
fn exit_status_says_what_went_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let out = crossread(&["analyze", dir.path().join("missing").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file or folder"));
    let out = crossread(&["analyze", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_explains_every_subcommand_and_flag() {
    let out = crossread(&["--help"]);
    let s = String::from_utf8(out.stdout).unwrap();
    for needle in ["analyze", "--notes", "PATH"] {
        assert!(s.contains(needle), "{needle} missing from --help:\n{s}");
    }
    let out = crossread(&["analyze", "--help"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("--json") && s.contains("Exit status"), "{s}");
}

#[test]
fn seeds_discrepancies() {
    let j = analyze_json(&[]);
    let ds = j["discrepancies"].as_array().unwrap();
    let find = |kind: &str, needle: &str| {
        ds.iter().find(|d| d["kind"] == kind && d["summary"].as_str().unwrap().contains(needle))
    };
    // The blanked Defence Secretary of the press release, with the name the others give.
    let blank = find("missing-name", "Defence Secretary").expect("blanked name");
    assert!(blank["summary"].as_str().unwrap().contains("John Healey"));
    assert!(blank["mentions"].as_array().unwrap().iter().any(|m| m["doc"].as_str().unwrap().starts_with("002")));
    // One document names a different Prime Minister.
    let pm = find("role", "Prime Minister").expect("role conflict");
    assert!(
        pm["summary"].as_str().unwrap().contains("Rishi Sunak")
            && pm["summary"].as_str().unwrap().contains("Keir Starmer")
    );
    // "over £4.5 billion" against "£4.5 billion".
    assert!(find("figure", "over £4.5 billion").is_some());
    // The spun copy, with its swapped words.
    let spun = find("reuse", "spun").expect("spun copy");
    assert!(spun["summary"].as_str().unwrap().contains("001") && spun["summary"].as_str().unwrap().contains("003"));
    assert!(spun["details"].as_array().unwrap().iter().any(|d| d.as_str().unwrap().contains("said -> mentioned")));
    // The reworded quotation, with a word diff.
    let quote = find("quote", "John Healey").expect("quote drift");
    assert!(quote["details"].as_array().unwrap().iter().any(|d| d.as_str().unwrap().contains("{+cannot+}")));
    // "€1.5 billion" and "1.5 billion euros" agree: no figure discrepancy names them.
    assert!(!ds.iter().any(|d| d["kind"] == "figure" && d["summary"].as_str().unwrap().contains("1.5 billion euros")));
    // Every discrepancy shows its evidence.
    assert!(ds.iter().all(|d| !d["mentions"].as_array().unwrap().is_empty()));
}
