//! End-to-end tests of the reader: the real binary in a pseudo-terminal
//! (portable-pty), its output parsed by a terminal emulator (vt100).
//!
//! Waits poll the parsed screen until it shows what is expected (or a generous
//! timeout passes); nothing here measures speed.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

/// How long a wait may take before the test fails (the debug binary on a busy machine).
const TIMEOUT: Duration = Duration::from_secs(30);

struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// HOME and the data and config folders of the child (removed on drop).
    home: tempfile::TempDir,
}

impl Term {
    /// Starts `crossread ARGS` in a `cols`x`rows` pseudo-terminal, with data and
    /// config folders in a temporary directory.
    fn start(args: &[&Path], cols: u16, rows: u16, env: &[(&str, &str)]) -> Term {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("open a pty");
        let home = tempfile::tempdir().expect("temp dir");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_crossread"));
        for a in args {
            cmd.arg(a);
        }
        cmd.env("HOME", home.path());
        cmd.env("XDG_DATA_HOME", home.path().join("data"));
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn crossread");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        {
            let (parser, raw) = (Arc::clone(&parser), Arc::clone(&raw));
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    raw.lock().unwrap().extend_from_slice(&buf[..n]);
                    parser.lock().unwrap().process(&buf[..n]);
                }
            });
        }
        Term { parser, raw, writer, child, master: pair.master, home }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn row(&self, r: u16) -> String {
        let p = self.parser.lock().unwrap();
        let (_, cols) = p.screen().size();
        p.screen().contents_between(r, 0, r, cols)
    }

    fn last_row(&self) -> String {
        let (rows, _) = self.parser.lock().unwrap().screen().size();
        self.row(rows - 1)
    }

    fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until `pred` holds for the screen; panics with the screen if it never does.
    fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if pred(self.parser.lock().unwrap().screen()) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}; screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    /// Waits until the output has not changed for a moment.
    fn settle(&self) {
        let mut last = self.raw.lock().unwrap().len();
        let mut quiet_until = Instant::now() + Duration::from_millis(150);
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < quiet_until && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
            let now = self.raw.lock().unwrap().len();
            if now != last {
                last = now;
                quiet_until = Instant::now() + Duration::from_millis(150);
            }
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Sends one key and waits for the screen to answer it.
    fn key(&mut self, bytes: &[u8]) {
        let before = self.raw.lock().unwrap().len();
        self.send(bytes);
        let deadline = Instant::now() + Duration::from_secs(2);
        while self.raw.lock().unwrap().len() == before && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        self.settle();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        // Resize the parser first, holding it while the terminal changes size, so
        // the program's redraw for the new size is never read at the old one.
        let mut parser = self.parser.lock().unwrap();
        parser.set_size(rows, cols);
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize pty");
    }

    /// Waits for the program to exit; returns its exit code.
    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            assert!(Instant::now() < deadline, "crossread did not exit; screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Cells on screen showing `needle` (first occurrence), as (row, col).
    fn find(&self, needle: &str) -> Option<(u16, Vec<u16>)> {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        let (rows, cols) = s.size();
        for r in 0..rows {
            let mut line = String::new();
            let mut starts = Vec::new();
            for c in 0..cols {
                let cell = s.cell(r, c).unwrap();
                if cell.is_wide_continuation() {
                    continue;
                }
                starts.push((line.len(), c));
                // A cell never written since the screen was cleared is a space.
                let text = cell.contents();
                line.push_str(if text.is_empty() { " " } else { &text });
            }
            if let Some(i) = line.find(needle) {
                let cols: Vec<u16> =
                    starts.iter().filter(|(b, _)| *b >= i && *b < i + needle.len()).map(|(_, c)| *c).collect();
                return Some((r, cols));
            }
        }
        None
    }

    fn inverse_at(&self, row: u16, col: u16) -> bool {
        self.parser.lock().unwrap().screen().cell(row, col).is_some_and(vt100::Cell::inverse)
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Presses `j` in the focused list until the status bar names `what`.
fn move_to(t: &mut Term, what: &str) {
    for _ in 0..40 {
        let before = t.last_row();
        if before.contains(what) {
            return;
        }
        t.key(b"j");
        // Each j selects another row: wait for the status bar to say so.
        t.wait_for("the selection to move", |s| {
            let (rows, cols) = s.size();
            s.contents_between(rows - 1, 0, rows - 1, cols) != before
        });
    }
    panic!("never reached {what}; screen:\n{}", t.screen());
}

#[test]
fn choosing_a_person_shows_every_mention_side_by_side() {
    let mut t = Term::start(&[], 120, 36, &[]);
    t.wait_text("2 Entities");
    t.wait_text("John Healey");
    t.settle();
    t.key(b"2");
    t.key(b"g");
    move_to(&mut t, "John Healey ·");
    t.key(b"\r");
    t.wait_text("Side by side");
    let screen = t.screen();
    // One column per document that mentions him, with its title, count and forms.
    for header in ["[1] Senior military officials", "[2] Defence chiefs meet", "[4] Defence chiefs have met"] {
        assert!(screen.contains(header), "no column {header}:\n{screen}");
    }
    assert!(screen.contains("4 mentions: “John Healey”, “Healey”"), "{screen}");
    assert!(screen.contains("2 mentions: “John Healey”, “Mr Healey”"), "{screen}");
    assert!(screen.contains("Not mentioned in 2"), "{screen}");
    assert!(screen.contains("mention 1 of 8"), "{screen}");
    // His mentions are highlighted (reverse video), the text around them is not.
    let (row, cols) = t.find("Mr Healey said").expect("a mention in column 2");
    assert!(cols[..9].iter().all(|&c| t.inverse_at(row, c)), "Mr Healey is not highlighted:\n{screen}");
    assert!(!t.inverse_at(row, cols[10]), "'said' should not be highlighted");
    // The cursor marker is on the first mention; n moves it.
    let marker = |t: &Term| t.find("▶").map(|(r, c)| (r, c[0]));
    let first = marker(&t).expect("a cursor marker");
    t.key(b"n");
    t.wait_text("mention 2 of 8");
    let second = marker(&t).expect("a cursor marker");
    assert_ne!(first, second, "n did not move the cursor");
    for k in 3..=8 {
        t.key(b"n");
        t.wait_text(&format!("mention {k} of 8"));
    }
    // The last mention is in the third column: it is focused and shown.
    assert!(t.find("▶").is_some_and(|(_, c)| c[0] > 80), "cursor not in the third column:\n{}", t.screen());
    t.key(b"q");
    assert_eq!(t.wait_exit(), 0);
    let raw = t.raw();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).into_owned();
    assert!(tail.contains("\u{1b}[?1049l"), "the alternate screen was not left: {tail:?}");
    assert!(!t.parser.lock().unwrap().screen().alternate_screen());
    assert_eq!(t.parser.lock().unwrap().screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None);
}

#[test]
fn choosing_a_pledge_at_80x24() {
    let mut t = Term::start(&[], 80, 24, &[]);
    t.wait_text("3 Figures");
    t.settle();
    t.key(b"3");
    move_to(&mut t, "£1.6 billion contract");
    t.key(b"\r");
    t.wait_text("Side by side");
    let screen = t.screen();
    assert!(screen.contains("columns 1-2 of 2"), "{screen}");
    assert!(screen.contains("[1] Senior military"), "{screen}");
    assert!(screen.contains("[3] Operational"), "{screen}");
    assert!(screen.contains("2 figures: “£1.6 billion”"), "{screen}");
    t.key(b"n");
    t.wait_text("figure 2 of 4");
    t.key(b"n");
    t.wait_text("figure 3 of 4");
    // The third figure is in the second column: "£1.6 billion" there is highlighted.
    let (row, cols) = t.find("historic £1.6").unwrap_or_else(|| panic!("the pledge in column 2:\n{}", t.screen()));
    assert!(t.inverse_at(row, cols[9]), "£1.6 is not highlighted:\n{}", t.screen());
    t.key(b"\x1b");
    t.wait_for("the panes", |s| s.contents().contains("1 Documents"));
    t.key(b"q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn resizing_redraws_and_small_sizes_show_one_line() {
    let mut t = Term::start(&[], 100, 30, &[]);
    t.wait_text("2 Entities");
    t.resize(50, 12);
    t.wait_text("crossread needs at least 60x15 (now 50x12)");
    t.resize(120, 40);
    t.wait_text("2 Entities");
    t.wait_for("a full redraw at 120x40", |s| s.contents_between(39, 0, 39, 120).contains("seeds · 5 docs"));
    t.key(b"?");
    t.wait_text("Help: every key");
    t.key(b"\x1b");
    t.wait_for("the help to close", |s| !s.contents().contains("Help: every key"));
    t.key(b"q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_panic_restores_the_terminal() {
    let mut t = Term::start(&[], 100, 30, &[("CROSSREAD_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")]);
    let code = t.wait_exit();
    assert_ne!(code, 0);
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    let left = raw.rfind("\u{1b}[?1049l").expect("the alternate screen was left");
    let mouse_off = raw.rfind("\u{1b}[?1000l").expect("mouse capture was disabled");
    let message = raw.find("CROSSREAD_TEST_PANIC is set").expect("the panic message was printed");
    assert!(left < message && mouse_off < message, "restore before the message: {raw:?}");
    assert!(!t.parser.lock().unwrap().screen().alternate_screen());
}

#[test]
fn a_terminate_or_hangup_signal_restores_the_terminal() {
    for (signal, code) in [("-TERM", 143), ("-HUP", 129)] {
        let mut t = Term::start(&[], 100, 30, &[]);
        t.wait_text("Documents");
        assert!(t.parser.lock().unwrap().screen().alternate_screen());
        let pid = t.child.process_id().expect("the child's pid");
        let killed = std::process::Command::new("kill").arg(signal).arg(pid.to_string()).status().expect("run kill");
        assert!(killed.success());
        assert_eq!(t.wait_exit(), code, "exit status after {signal}");
        let raw = String::from_utf8_lossy(&t.raw()).into_owned();
        let entered = raw.find("\u{1b}[?1049h").expect("the alternate screen was entered");
        let left = raw.rfind("\u{1b}[?1049l").expect("the alternate screen was left");
        assert!(entered < left);
        assert!(raw.rfind("\u{1b}[?1000l").is_some_and(|off| off > entered), "mouse capture was disabled");
        assert!(!t.parser.lock().unwrap().screen().alternate_screen());
    }
}

#[test]
fn document_text_cannot_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "Hostile notes\n\
                   clip \u{1b}]52;c;SGVsbG8=\u{7} end.\n\
                   title \u{1b}]0;pwned\u{7} end.\n\
                   AAA\u{1b}[2JBBB and \u{1b}[31mred\u{1b}[0m.\n\
                   bidi \u{202e}desrever\u{202c} end, C1 \u{9b}2J end.\n\
                   Defence Secretary John Healey said so.\n";
    std::fs::write(dir.path().join("a_hostile.txt"), hostile).unwrap();
    std::fs::write(dir.path().join("b_plain.txt"), "Defence Secretary John Healey spoke in London.\n").unwrap();
    // A file name can hold escape sequences too.
    std::fs::write(dir.path().join("c_\u{1b}]0;fname\u{7}.txt"), "A third article about London.\n").unwrap();
    let mut t = Term::start(&[dir.path()], 120, 36, &[]);
    t.wait_text("Hostile notes");
    t.settle();
    // Visit every pane and the side-by-side view, so every string gets drawn.
    for k in [&b"1"[..], b"j", b"j", b"k", b"k", b"4", b"]", b"]", b"2", b"\r"] {
        t.key(k);
    }
    t.key(b"\x1b");
    t.key(b"1");
    t.wait_text("Hostile notes");
    let screen = t.screen();
    // Escapes are shown as visible symbols.
    assert!(screen.contains("␛]52;c;SGVsbG8=␇"), "{screen}");
    assert!(screen.contains("␛]0;pwned␇"), "{screen}");
    assert!(screen.contains("AAA␛[2JBBB"), "{screen}");
    assert!(screen.contains("c_␛]0;fname␇.txt"), "{screen}");
    t.key(b"q");
    assert_eq!(t.wait_exit(), 0);
    let raw = t.raw();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    // No operating-system command (title, clipboard) was written at all, no bell,
    // no C1 control, no bidi override, and none of the document's own sequences.
    assert!(!has(b"\x1b]"), "an OSC sequence reached the terminal");
    assert!(!has(b"\x07"), "a BEL reached the terminal");
    assert!(!has(b"]52;c;SGVsbG8=\x07"));
    assert!(!has(b"AAA\x1b[2J"));
    assert!(!has("\u{202e}".as_bytes()), "a bidi override reached the terminal");
    assert!(!has("\u{9b}".as_bytes()), "a C1 control reached the terminal");
    let p = t.parser.lock().unwrap();
    assert_eq!(p.screen().title(), "", "the title was changed");
}

#[test]
fn without_a_terminal_the_reader_says_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_crossread"))
            .args(args)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .output()
            .expect("run crossread")
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("crossread analyze"));
    assert!(out.stdout.is_empty());
    let out = run(&["/no/such/folder"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder: no such file or folder"));
}

/// Sends text one key at a time, each answered before the next.
fn type_text(t: &mut Term, s: &str) {
    for c in s.chars() {
        let mut b = [0u8; 4];
        t.key(c.encode_utf8(&mut b).as_bytes());
    }
}

#[test]
fn typing_into_the_picker_lands_in_the_side_by_side_view() {
    let mut t = Term::start(&[], 120, 36, &[]);
    t.wait_text("2 Entities");
    t.settle();
    t.key(b"/");
    t.wait_text("Search names and pledges");
    type_text(&mut t, "zelensky");
    t.wait_for("the first result", |s| {
        let text = s.contents();
        text.lines().find(|l| l.contains("› zelensky")).is_some()
            && text
                .lines()
                .skip_while(|l| !l.contains("› zelensky"))
                .nth(2)
                .is_some_and(|l| l.contains("Volodymyr Zelenskyy"))
    });
    t.key(b"\r");
    t.wait_text("Side by side");
    let title = t.row(0);
    assert!(title.contains("Volodymyr Zelenskyy · person"), "{title}");
    assert!(!t.screen().contains("Search names and pledges"), "the picker closed");
    t.key(b"q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_note_written_in_the_editor_is_saved_with_its_anchors() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("my notes.jsonl");
    let mut t = Term::start(&[Path::new("--notes"), &notes], 120, 36, &[]);
    t.wait_text("2 Entities");
    t.settle();
    // Where notes go is said in the notes pane's status bar.
    t.key(b"6");
    t.wait_for("the notes path", |s| s.contents().contains("notes go to") && s.contents().contains("my notes.jsonl"));
    t.key(b"2");
    t.key(b"g");
    move_to(&mut t, "John Healey ·");
    t.key(b"\r");
    t.wait_text("Side by side");
    t.key(b"n");
    t.wait_text("mention 2 of 8");
    t.key(b"a");
    t.wait_text("New note");
    type_text(&mut t, "Healey's quote: will not vs cannot");
    t.key(b"\x13"); // Ctrl-s
    t.wait_text("Note saved to");
    assert!(!t.screen().contains("New note"), "the editor closed");
    t.key(b"q");
    assert_eq!(t.wait_exit(), 0);
    let text = std::fs::read_to_string(&notes).expect("the notes file was written");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["crossread"], "note");
    assert_eq!(v["text"], "Healey's quote: will not vs cannot");
    assert_eq!(v["status"], "open");
    assert_eq!(v["concerns"]["name"], "John Healey");
    let a = &v["anchors"][0];
    assert_eq!(a["exact"], "Healey");
    assert!(a["doc"]["id"].as_str().unwrap().starts_with("000_"));
    assert_eq!(a["doc"]["sha256"].as_str().unwrap().len(), 64);
    assert!(a["end"].as_u64().unwrap() > a["start"].as_u64().unwrap());
    assert!(!a["prefix"].as_str().unwrap().is_empty());
}

#[test]
fn quitting_with_a_note_that_could_not_be_saved_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    // The notes file would be in a folder under a regular file: it cannot be made.
    let notes = blocker.join("notes.jsonl");
    let mut t = Term::start(&[Path::new("--notes"), &notes], 120, 36, &[]);
    t.wait_text("2 Entities");
    t.settle();
    t.key(b"\r");
    t.wait_text("Side by side");
    t.key(b"a");
    t.wait_text("New note");
    type_text(&mut t, "must not be lost");
    t.key(b"\x13");
    t.wait_text("notes not saved");
    t.key(b"q");
    t.wait_text("Are you sure?");
    assert!(t.screen().contains("lose them?"), "{}", t.screen());
    t.key(b"n");
    t.wait_for("the question to close", |s| !s.contents().contains("Are you sure?"));
    // Still running, still saying so.
    assert!(t.last_row().contains("notes not saved"), "{}", t.last_row());
    t.key(b"q");
    t.wait_text("Are you sure?");
    t.key(b"y");
    assert_eq!(t.wait_exit(), 0);
    assert!(!notes.exists());
    // The loss is reported once more after the terminal is restored.
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    assert!(raw.contains("some notes could not be written"), "{raw:?}");
}

#[test]
fn a_note_that_could_not_be_written_is_retried_until_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-yet-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let notes = blocker.join("notes.jsonl");
    let mut t = Term::start(&[Path::new("--notes"), &notes], 120, 36, &[]);
    t.wait_text("2 Entities");
    t.settle();
    t.key(b"\r");
    t.wait_text("Side by side");
    t.key(b"a");
    t.wait_text("New note");
    type_text(&mut t, "kept until written");
    t.key(b"\x13");
    t.wait_text("notes not saved");
    // The folder can be made now: the reader writes the note within seconds, unasked.
    std::fs::remove_file(&blocker).unwrap();
    t.wait_text("are now saved to");
    let text = std::fs::read_to_string(&notes).expect("the note was written");
    assert!(text.contains("kept until written"), "{text}");
    t.key(b"q");
    assert_eq!(t.wait_exit(), 0, "nothing to lose: no question");
}

#[test]
fn without_notes_flag_notes_go_to_the_data_folder() {
    let mut t = Term::start(&[], 120, 36, &[]);
    t.wait_text("2 Entities");
    t.settle();
    t.key(b"6");
    // HOME is the test's temp folder, shown as ~; XDG_DATA_HOME is ~/data.
    t.wait_text("notes go to ~/data/crossread/notes/seeds.jsonl");
    t.key(b"2");
    t.key(b"\r");
    t.wait_text("Side by side");
    t.key(b"a");
    t.wait_text("New note");
    type_text(&mut t, "in the data folder");
    t.key(b"\x13");
    t.wait_text("Note saved to ~/data/crossread/notes/seeds.jsonl");
    let file = t.home.path().join("data/crossread/notes/seeds.jsonl");
    let text = std::fs::read_to_string(&file).expect("the default notes file");
    assert!(text.contains("in the data folder"));
    t.key(b"q");
    assert_eq!(t.wait_exit(), 0);
}
