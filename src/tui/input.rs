//! A one-line text input (the picker's query, the find line, a new name): the
//! keys every shell line editor has, and nothing else.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The text typed so far and where the cursor is (a byte offset, always on a
/// character boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub text: String,
    pub cursor: usize,
}

impl LineInput {
    pub fn new(text: &str) -> LineInput {
        LineInput { text: text.to_string(), cursor: text.len() }
    }

    /// Applies an editing key; returns whether the text changed.
    pub fn edit(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let before = self.text.len();
        match key.code {
            KeyCode::Char('u') if ctrl => {
                self.text.drain(..self.cursor);
                self.cursor = 0;
            }
            KeyCode::Char('k') if ctrl => self.text.truncate(self.cursor),
            KeyCode::Char('w') if ctrl => {
                let start = self.word_start();
                self.text.drain(start..self.cursor);
                self.cursor = start;
            }
            KeyCode::Backspace if ctrl || alt => {
                let start = self.word_start();
                self.text.drain(start..self.cursor);
                self.cursor = start;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.text.len(),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.len(),
            KeyCode::Left => self.cursor = self.prev(self.cursor),
            KeyCode::Right => self.cursor = self.next(self.cursor),
            KeyCode::Backspace => {
                let p = self.prev(self.cursor);
                self.text.drain(p..self.cursor);
                self.cursor = p;
            }
            KeyCode::Delete => {
                let n = self.next(self.cursor);
                self.text.drain(self.cursor..n);
            }
            KeyCode::Char(c) if !ctrl && !alt && !c.is_control() => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            _ => return false,
        }
        self.text.len() != before
    }

    fn prev(&self, at: usize) -> usize {
        self.text[..at].char_indices().next_back().map_or(0, |(i, _)| i)
    }

    fn next(&self, at: usize) -> usize {
        self.text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
    }

    /// Where the word before the cursor starts (spaces before it included).
    fn word_start(&self) -> usize {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        trimmed.rfind(' ').map_or(0, |i| i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn typing_and_deleting() {
        let mut i = LineInput::default();
        for c in "sir keïr".chars() {
            assert!(i.edit(&k(KeyCode::Char(c))));
        }
        assert_eq!(i.text, "sir keïr");
        i.edit(&k(KeyCode::Backspace));
        i.edit(&k(KeyCode::Left));
        i.edit(&k(KeyCode::Backspace));
        assert_eq!(i.text, "sir kï");
        assert_eq!(i.cursor, "sir k".len());
        i.edit(&k(KeyCode::Home));
        i.edit(&k(KeyCode::Delete));
        assert_eq!(i.text, "ir kï");
        i.edit(&k(KeyCode::End));
        i.edit(&ctrl('w'));
        assert_eq!(i.text, "ir ");
        i.edit(&ctrl('u'));
        assert_eq!(i, LineInput::default());
        // Control characters are never typed in.
        assert!(!i.edit(&k(KeyCode::Char('\u{1b}'))));
        assert!(!i.edit(&ctrl('x')));
    }
}
