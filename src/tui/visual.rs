//! Visual mode: selecting a passage of a document to annotate, by words, lines
//! and sentences, as in vim. One end stays, the other moves; `o` swaps them.
//!
//! Positions are byte offsets into the document's text, always on a word
//! boundary: the end of a word when the moving end is the right one, the start
//! of a word when it is the left one.

use super::wrap::Wrapped;
use crate::model::Span;

/// A passage being selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visual {
    pub doc: usize,
    /// The end that stays.
    pub fixed: u32,
    /// The end that moves.
    pub moving: u32,
}

/// How the moving end moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VMove {
    WordNext,
    WordPrev,
    LineNext,
    LinePrev,
    SentenceNext,
    SentencePrev,
}

impl Visual {
    /// A selection of `start..end` (a mention, or a word).
    pub fn new(doc: usize, start: u32, end: u32) -> Visual {
        Visual { doc, fixed: start, moving: end }
    }

    /// The selected span, without the spaces at its ends.
    pub fn span(&self, text: &str) -> Span {
        let (a, b) = (self.fixed.min(self.moving) as usize, self.fixed.max(self.moving) as usize);
        let (a, b) = (a.min(text.len()), b.min(text.len()));
        let s = &text[a..b];
        let start = a + (s.len() - s.trim_start().len());
        let end = (a + s.trim_end().len()).max(start);
        Span::new(self.doc, start, end)
    }

    pub fn swap(&mut self) {
        std::mem::swap(&mut self.fixed, &mut self.moving);
    }

    /// Moves the moving end; it never crosses the fixed end (the passage keeps at
    /// least the word it started with).
    pub fn apply(&mut self, m: VMove, text: &str, wrap: Option<&Wrapped>, sentences: &[(u32, u32)]) {
        let right = self.moving >= self.fixed;
        let p = self.moving as usize;
        let forward = matches!(m, VMove::WordNext | VMove::LineNext | VMove::SentenceNext);
        let to = match m {
            VMove::WordNext | VMove::WordPrev => {
                if right {
                    if forward {
                        next_word_end(text, p)
                    } else {
                        prev_word_end(text, p)
                    }
                } else if forward {
                    next_word_start(text, p)
                } else {
                    prev_word_start(text, p)
                }
            }
            VMove::LineNext | VMove::LinePrev => {
                let Some(w) = wrap.filter(|w| !w.is_empty()) else { return };
                let line = w.line_of(self.moving.saturating_sub(u32::from(right && self.moving > 0)));
                let target = if forward { (line + 1).min(w.len() - 1) } else { line.saturating_sub(1) };
                let l = w.lines[target];
                if right {
                    l.end as usize
                } else {
                    l.start as usize
                }
            }
            VMove::SentenceNext | VMove::SentencePrev => {
                let b = p as u32;
                let found = match (right, forward) {
                    (true, true) => sentences.iter().map(|s| s.1).find(|&e| e > b),
                    (true, false) => sentences.iter().map(|s| s.1).rev().find(|&e| e < b),
                    (false, true) => sentences.iter().map(|s| s.0).find(|&s| s > b),
                    (false, false) => sentences.iter().map(|s| s.0).rev().find(|&s| s < b),
                };
                match found {
                    Some(x) => x as usize,
                    None => return,
                }
            }
        };
        let to = to as u32;
        // Never cross (or reach) the fixed end.
        let ok = if right { to > self.fixed } else { to < self.fixed };
        if ok {
            self.moving = to;
        }
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The end of the next word after `p`.
pub fn next_word_end(t: &str, p: usize) -> usize {
    let rest = &t[p..];
    let skip = rest.len() - rest.trim_start_matches(is_space).len();
    let word = &rest[skip..];
    let len = word.find(is_space).unwrap_or(word.len());
    p + skip + len
}

/// The end of the word before the one ending at (or holding) `p`.
pub fn prev_word_end(t: &str, p: usize) -> usize {
    let before = &t[..p];
    let start = before.trim_end_matches(|c: char| !is_space(c));
    start.trim_end_matches(is_space).len()
}

/// The start of the word after the one starting at (or holding) `p`.
pub fn next_word_start(t: &str, p: usize) -> usize {
    let rest = &t[p..];
    let after_word = rest.trim_start_matches(|c: char| !is_space(c));
    let next = after_word.trim_start_matches(is_space);
    t.len() - next.len()
}

/// The start of the word before `p`.
pub fn prev_word_start(t: &str, p: usize) -> usize {
    let before = t[..p].trim_end_matches(is_space);
    before.trim_end_matches(|c: char| !is_space(c)).len()
}

/// The first word at or after `p` (for a selection that starts where no mention is).
pub fn word_at(t: &str, p: usize) -> (usize, usize) {
    let p = p.min(t.len());
    let rest = &t[p..];
    let start = p + (rest.len() - rest.trim_start_matches(is_space).len());
    (start, next_word_end(t, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "The minister said: We will not jeopardise the peace. Then he left the room.";

    fn text(v: &Visual) -> &'static str {
        let s = v.span(T);
        &T[s.range()]
    }

    #[test]
    fn words_extend_and_shrink_the_passage() {
        let we = T.find("We").unwrap();
        let mut v = Visual::new(0, we as u32, (we + 2) as u32);
        assert_eq!(text(&v), "We");
        v.apply(VMove::WordNext, T, None, &[]);
        v.apply(VMove::WordNext, T, None, &[]);
        assert_eq!(text(&v), "We will not");
        v.apply(VMove::WordPrev, T, None, &[]);
        assert_eq!(text(&v), "We will");
        v.apply(VMove::WordPrev, T, None, &[]);
        v.apply(VMove::WordPrev, T, None, &[]);
        assert_eq!(text(&v), "We", "the first word stays");
        // o: the other end moves, left, by word starts.
        v.swap();
        v.apply(VMove::WordPrev, T, None, &[]);
        assert_eq!(text(&v), "said: We");
        v.apply(VMove::WordNext, T, None, &[]);
        assert_eq!(text(&v), "We");
    }

    #[test]
    fn sentences_take_the_passage_to_a_sentence_end() {
        let sentences = [(0u32, 52u32), (53, T.len() as u32)];
        assert_eq!(&T[..52], "The minister said: We will not jeopardise the peace.");
        let we = T.find("We").unwrap();
        let mut v = Visual::new(0, we as u32, (we + 2) as u32);
        v.apply(VMove::SentenceNext, T, None, &sentences);
        assert_eq!(text(&v), "We will not jeopardise the peace.");
        v.apply(VMove::SentenceNext, T, None, &sentences);
        assert!(text(&v).ends_with("the room."));
        v.apply(VMove::SentencePrev, T, None, &sentences);
        assert_eq!(text(&v), "We will not jeopardise the peace.");
        v.swap();
        v.apply(VMove::SentencePrev, T, None, &sentences);
        assert_eq!(text(&v), T[..52].to_string());
    }

    #[test]
    fn lines_follow_the_wrapping() {
        let w = Wrapped::new(T, 20);
        let mut v = Visual::new(0, 0, 3);
        v.apply(VMove::LineNext, T, Some(&w), &[]);
        let end = w.lines[1].end as usize;
        assert_eq!(v.span(T).end as usize, end);
        v.apply(VMove::LinePrev, T, Some(&w), &[]);
        assert_eq!(v.span(T).end as usize, w.lines[0].end as usize);
    }

    #[test]
    fn word_helpers() {
        assert_eq!(word_at(T, 3), (4, 12));
        assert_eq!(next_word_end("a  bc d", 1), 5);
        assert_eq!(prev_word_end("a  bc d", 5), 1);
        assert_eq!(next_word_start("a  bc d", 0), 3);
        assert_eq!(prev_word_start("a  bc d", 3), 0);
    }
}
