//! Text for the screen: word wrapping by display width, style runs over byte
//! ranges, and the last filter before anything reaches the terminal.
//!
//! Wrapping keeps byte offsets into the source text, so that the marks of the
//! analysis (byte spans) can be styled on whatever line they land. Widths are
//! measured per character cluster (a character with the zero-width characters
//! that follow it: combining marks, variation selectors, joined emoji), the way
//! the terminal draws them, so wide characters and combining marks never break
//! alignment and a line is never cut inside a character.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// One display line: the byte range `start..end` of the source text, without the
/// spaces at which it was broken and without the newline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WLine {
    pub start: u32,
    pub end: u32,
}

/// A text wrapped at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub width: u16,
    pub lines: Vec<WLine>,
}

impl Wrapped {
    /// Wraps `text` at `width` columns. A text whose paragraphs are not
    /// separated by blank lines (one line per paragraph) gets an empty line between
    /// them on screen, so paragraphs stay apart when wrapped.
    pub fn new(text: &str, width: u16) -> Wrapped {
        let spaced = !text.contains("\n\n");
        Wrapped { width, lines: wrap_with(text, usize::from(width.max(1)), spaced) }
    }

    /// The index of the line holding byte `at` (the last line starting at or before it).
    pub fn line_of(&self, at: u32) -> usize {
        self.lines.partition_point(|l| l.start <= at).saturating_sub(1)
    }

    /// The byte offset a line starts at (the last line's start for any index past the end).
    pub fn start_of(&self, line: usize) -> u32 {
        self.lines.get(line.min(self.lines.len().saturating_sub(1))).map_or(0, |l| l.start)
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Splits `s` into character clusters: each character with the zero-width
/// characters after it (and the character after a zero-width joiner).
pub fn clusters(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.next()?;
        let mut joined = first == '\u{200d}';
        // A flag is two regional indicators.
        let mut flag_open = is_regional(first);
        while let Some(&(_, c)) = chars.peek() {
            let modifier = ('\u{1f3fb}'..='\u{1f3ff}').contains(&c);
            let flag = flag_open && is_regional(c);
            if joined || modifier || flag || (c.width() == Some(0) && c != '\n') {
                joined = c == '\u{200d}';
                flag_open = false;
                chars.next();
            } else {
                break;
            }
        }
        let end = chars.peek().map_or(s.len(), |&(i, _)| i);
        Some((start, &s[start..end]))
    })
}

fn is_regional(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

/// The display width of a cluster or string, as the terminal draws it.
pub fn width(s: &str) -> usize {
    s.width()
}

/// Wraps `text` at word boundaries so that no line is wider than `width` columns.
///
/// Each `\n` ends a line (an empty line stays one empty line). Lines are broken at
/// spaces, which are dropped at the break; a word wider than the whole line is
/// broken between clusters. The first line of a paragraph keeps its indentation.
pub fn wrap(text: &str, width: usize) -> Vec<WLine> {
    wrap_with(text, width, false)
}

/// [`wrap`], with an empty line between two non-empty paragraphs when `spaced`
/// (it starts and ends at the newline between them).
pub fn wrap_with(text: &str, width: usize, spaced: bool) -> Vec<WLine> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut para_start = 0usize;
    let mut prev_empty = true;
    for para in text.split('\n') {
        let empty = para.trim().is_empty();
        if spaced && !empty && !prev_empty {
            let nl = (para_start - 1) as u32;
            out.push(WLine { start: nl, end: nl });
        }
        wrap_paragraph(para, para_start, width, &mut out);
        para_start += para.len() + 1;
        prev_empty = empty;
    }
    out
}

fn wrap_paragraph(para: &str, base: usize, width: usize, out: &mut Vec<WLine>) {
    let push = |out: &mut Vec<WLine>, a: usize, b: usize| {
        out.push(WLine { start: (base + a) as u32, end: (base + b) as u32 });
    };
    let pushed = out.len();
    // The line being filled: where it starts, where its last word ends, its width.
    let mut line_start = 0usize;
    let mut line_end = 0usize;
    let mut w = 0usize;
    let mut has_word = false;
    // Spaces seen since the last word: (width). At the start of the paragraph they
    // are its indentation; between words they are where a line may break.
    let mut spaces = 0usize;
    for (start, end, is_space) in tokens(para) {
        if is_space {
            spaces += end - start;
            continue;
        }
        let ww = width_of_str(&para[start..end]);
        let gap = if has_word || out.len() == pushed { spaces } else { 0 };
        spaces = 0;
        if w + gap + ww <= width {
            if !has_word && out.len() > pushed {
                line_start = start;
            }
            w += gap + ww;
            line_end = end;
            has_word = true;
            continue;
        }
        if has_word {
            push(out, line_start, line_end);
        }
        line_start = start;
        w = 0;
        if ww <= width {
            w = ww;
            line_end = end;
            has_word = true;
            continue;
        }
        // A word wider than the line: break it between clusters.
        for (i, cl) in clusters(&para[start..end]) {
            let cw = width_of_cluster(cl);
            if w + cw > width && w > 0 {
                push(out, line_start, start + i);
                line_start = start + i;
                w = 0;
            }
            w += cw;
        }
        line_end = end;
        has_word = true;
    }
    if has_word {
        push(out, line_start, line_end);
    } else if out.len() == pushed {
        push(out, 0, 0);
    }
}

/// Words and runs of spaces of a paragraph, as `(start, end, is_space)`.
fn tokens(para: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let b = para.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let start = i;
        let space = b[i] == b' ';
        while i < b.len() && (b[i] == b' ') == space {
            i += 1;
        }
        Some((start, i, space))
    })
}

fn width_of_cluster(cl: &str) -> usize {
    width(cl)
}

fn width_of_str(s: &str) -> usize {
    clusters(s).map(|(_, c)| width_of_cluster(c)).sum()
}

/// How a stretch of text is marked. The first four are levels (the strongest
/// wins where they overlap); the others are layered on top of whatever level
/// the text has, so an annotated mention that is also a find hit shows both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mark {
    /// A mention of some entity (subtle).
    Entity,
    /// A figure (subtle).
    Figure,
    /// A mention of the current selection (strong).
    Selected,
    /// The one mention the cursor is on (strongest).
    Current,
    /// A span some note quotes.
    Note,
    /// The span being selected in visual mode.
    Visual,
    /// A hit of the plain-text find.
    Find,
    /// The find hit the cursor is on.
    FindCurrent,
    /// Words one account has that the other does not (a reworded quote, a spun copy).
    Removed,
    Added,
}

impl Mark {
    const LEVELS: [Mark; 4] = [Mark::Current, Mark::Selected, Mark::Figure, Mark::Entity];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// The set of marks on a stretch of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Marks(u16);

impl Marks {
    pub const NONE: Marks = Marks(0);

    pub fn of(m: Mark) -> Marks {
        Marks(m.bit())
    }

    #[must_use]
    pub fn with(self, m: Mark) -> Marks {
        Marks(self.0 | m.bit())
    }

    pub fn has(self, m: Mark) -> bool {
        self.0 & m.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The strongest level mark (entity, figure, selected, current), if any.
    pub fn level(self) -> Option<Mark> {
        Mark::LEVELS.into_iter().find(|m| self.has(*m))
    }
}

/// A styled stretch of one document: `start..end` bytes, non-overlapping, sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub start: u32,
    pub end: u32,
    pub marks: Marks,
}

/// Flattens possibly overlapping marked spans into sorted, non-overlapping runs,
/// each carrying every mark of the spans that cover it.
pub fn runs(mut spans: Vec<(u32, u32, Mark)>) -> Vec<Run> {
    spans.retain(|s| s.0 < s.1);
    if spans.is_empty() {
        return Vec::new();
    }
    let mut cuts: Vec<u32> = spans.iter().flat_map(|s| [s.0, s.1]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    spans.sort_unstable_by_key(|s| (s.0, s.1));
    let mut out: Vec<Run> = Vec::new();
    // Spans are short and few per document; a sweep over the cut points with the
    // spans still open is plenty.
    let mut open: Vec<(u32, u32, Mark)> = Vec::new();
    let mut next = 0usize;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        open.retain(|s| s.1 > a);
        while next < spans.len() && spans[next].0 <= a {
            if spans[next].1 > a {
                open.push(spans[next]);
            }
            next += 1;
        }
        let marks = open.iter().fold(Marks::NONE, |m, s| m.with(s.2));
        if !marks.is_empty() {
            match out.last_mut() {
                Some(r) if r.end == a && r.marks == marks => r.end = b,
                _ => out.push(Run { start: a, end: b, marks }),
            }
        }
    }
    out
}

/// Splits the byte range `start..end` of `text` into pieces with the marks each
/// piece carries ([`Marks::NONE`] for plain text), for drawing one line.
pub fn pieces<'t>(text: &'t str, line: WLine, runs: &[Run]) -> Vec<(&'t str, Marks)> {
    let (a, b) = (line.start, line.end);
    let mut out = Vec::new();
    let mut at = a;
    let first = runs.partition_point(|r| r.end <= a);
    for r in &runs[first..] {
        if r.start >= b {
            break;
        }
        let (s, e) = (r.start.max(a), r.end.min(b));
        if s > at {
            push_piece(text, at, s, Marks::NONE, &mut out);
        }
        push_piece(text, s, e, r.marks, &mut out);
        at = e;
    }
    if at < b {
        push_piece(text, at, b, Marks::NONE, &mut out);
    }
    out
}

fn push_piece<'t>(text: &'t str, a: u32, b: u32, m: Marks, out: &mut Vec<(&'t str, Marks)>) {
    // Offsets come from the analysis of this very text; never slice inside a char.
    let (mut a, mut b) = (a as usize, (b as usize).min(text.len()));
    while a < b && !text.is_char_boundary(a) {
        a += 1;
    }
    while b > a && !text.is_char_boundary(b) {
        b -= 1;
    }
    if a < b {
        out.push((&text[a..b], m));
    }
}

/// The character shown for anything that must not reach the terminal.
pub const PLACEHOLDER: char = '\u{fffd}';

/// Text as it may be written to the terminal: control characters become their
/// visible symbols (`ESC` as `␛`), other C1 and bidi controls `�`, and a newline a
/// space. Document text is already sanitized where it is loaded; this is the last
/// guard at the draw edge for everything else (file names, labels), and costs
/// nothing for safe text.
pub fn safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_safe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(safe_char).collect())
}

/// True if the terminal may be given `c` as is.
pub fn is_safe_char(c: char) -> bool {
    !(c.is_control() || crate::text::is_bidi_control(c))
}

fn safe_char(c: char) -> char {
    match c {
        '\n' | '\t' | '\r' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or(PLACEHOLDER),
        '\u{7f}' => '\u{2421}',
        c if is_safe_char(c) => c,
        _ => PLACEHOLDER,
    }
}

/// Shortens `s` to at most `max` display columns, ending with `…` when cut.
pub fn fit(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut w = 0;
    for (_, cl) in clusters(s) {
        let cw = width(cl);
        if w + cw + 1 > max {
            break;
        }
        out.push_str(cl);
        w += cw;
    }
    out.push('…');
    Cow::Owned(out)
}

/// Shortens `s` to at most `max` display columns by cutting its start, beginning
/// with `…` when cut (for paths, whose end matters most).
pub fn fit_left(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let cl: Vec<&str> = clusters(s).map(|(_, c)| c).collect();
    let mut w = 0;
    let mut first = cl.len();
    while first > 0 && w + width(cl[first - 1]) < max {
        first -= 1;
        w += width(cl[first]);
    }
    Cow::Owned(format!("…{}", cl[first..].concat()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).iter().map(|l| &text[l.start as usize..l.end as usize]).collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(lines("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"]);
        assert_eq!(lines("abc def", 7), ["abc def"]);
        assert_eq!(lines("abc def", 6), ["abc", "def"]);
    }

    #[test]
    fn keeps_paragraphs_and_blank_lines() {
        assert_eq!(lines("one\n\ntwo three", 5), ["one", "", "two", "three"]);
        assert_eq!(lines("", 5), [""]);
        assert_eq!(lines("a\n", 5), ["a", ""]);
    }

    #[test]
    fn breaks_long_words_between_characters() {
        assert_eq!(lines("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn drops_spaces_at_breaks_only() {
        assert_eq!(lines("ab   cd", 3), ["ab", "cd"]);
        assert_eq!(lines("  indented text", 20), ["  indented text"]);
        assert_eq!(lines("ab cd   ", 20), ["ab cd"]);
    }

    #[test]
    fn measures_wide_and_combining_characters() {
        // Each CJK character is two columns; "e\u{301}" is one.
        assert_eq!(lines("日本語 日本", 6), ["日本語", "日本"]);
        assert_eq!(lines("日本語日本", 5), ["日本", "語日", "本"]);
        let t = "cafe\u{301} cafe\u{301}";
        assert_eq!(lines(t, 5), ["cafe\u{301}", "cafe\u{301}"]);
        // Never cut between a letter and its combining mark.
        assert_eq!(lines("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"]);
        assert_eq!(lines("👍🏽 ok", 3), ["👍🏽", "ok"]);
        assert_eq!(clusters("🇬🇧🇫🇷").count(), 2);
    }

    #[test]
    fn no_line_is_wider_than_the_width() {
        let text =
            "Kovalenko said 日本語テキスト and «quotes», emoji 🎉🎉🎉 and cafe\u{301}s, a verylongwordthatmustbreak.";
        for w in 1..30 {
            for l in wrap(text, w) {
                let s = &text[l.start as usize..l.end as usize];
                assert!(width(s) <= w.max(2), "{s:?} wider than {w}");
            }
        }
    }

    #[test]
    fn spaces_paragraphs_that_have_no_blank_line_between() {
        let text = "one two\nthree\n";
        let w = Wrapped::new(text, 20);
        let shown: Vec<&str> = w.lines.iter().map(|l| &text[l.start as usize..l.end as usize]).collect();
        assert_eq!(shown, ["one two", "", "three", ""]);
        assert_eq!(w.line_of(8), 2);
        let text = "one\n\ntwo";
        assert_eq!(Wrapped::new(text, 20).len(), 3);
    }

    #[test]
    fn line_of_finds_the_line_of_a_byte() {
        let w = Wrapped::new("the quick brown fox", 10);
        assert_eq!(w.len(), 2);
        assert_eq!(w.line_of(0), 0);
        assert_eq!(w.line_of(9), 0);
        assert_eq!(w.line_of(10), 1);
        assert_eq!(w.line_of(100), 1);
        assert_eq!(w.start_of(5), 10);
    }

    #[test]
    fn runs_take_the_strongest_mark() {
        let r = runs(vec![(0, 10, Mark::Entity), (5, 8, Mark::Selected), (8, 12, Mark::Figure)]);
        let e = Marks::of(Mark::Entity);
        assert_eq!(
            r,
            [
                Run { start: 0, end: 5, marks: e },
                Run { start: 5, end: 8, marks: e.with(Mark::Selected) },
                Run { start: 8, end: 10, marks: e.with(Mark::Figure) },
                Run { start: 10, end: 12, marks: Marks::of(Mark::Figure) },
            ]
        );
        assert_eq!(r[1].marks.level(), Some(Mark::Selected));
        assert_eq!(r[2].marks.level(), Some(Mark::Figure));
        assert!(runs(vec![]).is_empty());
    }

    #[test]
    fn layered_marks_keep_the_level_below() {
        let r = runs(vec![(0, 10, Mark::Selected), (2, 4, Mark::Find), (3, 12, Mark::Note)]);
        assert_eq!(r.len(), 5);
        assert!(r[1].marks.has(Mark::Find) && r[1].marks.level() == Some(Mark::Selected));
        assert!(r[2].marks.has(Mark::Find) && r[2].marks.has(Mark::Note));
        assert_eq!(r[4], Run { start: 10, end: 12, marks: Marks::of(Mark::Note) });
        assert_eq!(r[4].marks.level(), None);
    }

    #[test]
    fn pieces_split_a_line_by_runs() {
        let text = "said Ruth Okafor today";
        let r = runs(vec![(5, 16, Mark::Selected)]);
        let p = pieces(text, WLine { start: 0, end: 22 }, &r);
        let sel = Marks::of(Mark::Selected);
        assert_eq!(p, [("said ", Marks::NONE), ("Ruth Okafor", sel), (" today", Marks::NONE)]);
        // A mention broken over two lines is marked on both.
        let p = pieces(text, WLine { start: 10, end: 22 }, &r);
        assert_eq!(p, [("Okafor", sel), (" today", Marks::NONE)]);
    }

    #[test]
    fn safe_replaces_controls_and_bidi() {
        assert_eq!(safe("plain"), Cow::Borrowed("plain"));
        assert_eq!(safe("a\x1b]0;x\x07b"), "a\u{241b}]0;x\u{2407}b");
        assert_eq!(safe("x\u{202e}y\u{9b}z"), "x\u{fffd}y\u{fffd}z");
        assert_eq!(safe("two\nlines"), "two lines");
    }

    #[test]
    fn fit_shortens_by_width() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit_left("/long/path/file.txt", 9), "…file.txt");
        assert_eq!(fit_left("a.txt", 9), "a.txt");
    }
}
