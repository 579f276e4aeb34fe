//! Tokens, sentences and hard-wrapped paragraphs.
//!
//! A press release hard-wrapped at 65 columns breaks names and amounts over line
//! ends ("Klaus\nBergmann", "£4.5\nbillion"). [`flatten`] decides, for every
//! newline, whether it is a *soft* break (part of a wrapped paragraph: read as a
//! space) or a *hard* one (a paragraph or headline ends). It returns a copy of the
//! text with soft newlines replaced by spaces: the same length, so every byte offset
//! is valid in both. The tokenizer then works on that copy, where every remaining
//! newline ends a sentence.

use std::sync::Arc;

use crate::lexicon::Lexicon;

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with inner apostrophes, hyphens, digits, and dotted acronyms like "U.K.").
    Word,
    /// Digits with thousands separators and decimals ("7,500", "3.5"), or an ordinal ("31st").
    Number,
    /// A possessive ending ("'s", "’s", or a lone "'" after a plural).
    Possessive,
    /// Any other single character.
    Punct,
}

/// Token flags (bit set).
pub mod flag {
    /// First character is upper case.
    pub const CAP: u16 = 1;
    /// All letters upper case and at least two of them ("NATO", "U.K.").
    pub const ALL_CAPS: u16 = 1 << 1;
    /// Whitespace stands before the token.
    pub const SPACE_BEFORE: u16 = 1 << 2;
    /// A hard line break stands before the token.
    pub const BREAK_BEFORE: u16 = 1 << 3;
    /// A blank line stands before the token.
    pub const PARA_BEFORE: u16 = 1 << 4;
    /// First word of a sentence or of a quotation (capitalised by rule, not by name).
    pub const INITIAL: u16 = 1 << 5;
    /// A number written as an ordinal ("31st").
    pub const ORDINAL: u16 = 1 << 6;
    /// Contains a digit.
    pub const DIGIT: u16 = 1 << 7;
    /// Part of a title-case headline line.
    pub const HEADLINE: u16 = 1 << 8;
    /// Inside a quotation.
    pub const QUOTED: u16 = 1 << 9;
}

/// One token: a byte range of the document text and what it is.
#[derive(Debug, Clone, Copy)]
///
/// Sixteen bytes: a corpus of 30 MB has about six million of them, held from
/// extraction to the end of the analysis. The folded key lives beside the text in
/// [`Tokens`]; the sentence is found from [`Tokens::sents`].
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// Where the folded key starts in [`Tokens`]' key text; `u32::MAX`: the key is
    /// the token's own text.
    key: u32,
    pub flags: u16,
    pub kind: Kind,
    /// Length of the folded key in bytes.
    key_len: u8,
}

impl Token {
    fn new(start: usize, end: usize, kind: Kind, flags: u16) -> Token {
        Token { start: start as u32, end: end as u32, key: u32::MAX, flags, kind, key_len: 0 }
    }
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_cap_word(&self) -> bool {
        self.kind == Kind::Word && self.has(flag::CAP)
    }
    /// True if nothing (no space) separates this token from the previous one.
    pub fn glued(&self) -> bool {
        !self.has(flag::SPACE_BEFORE) && !self.has(flag::BREAK_BEFORE)
    }
}

/// A tokenized document.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// The text with soft line breaks replaced by spaces (same byte length as the
    /// original); the loaded text itself, shared, when nothing was replaced.
    pub flat: Arc<str>,
    pub toks: Vec<Token>,
    /// Folded keys of word tokens that differ from their text, concatenated.
    keys: String,
    /// Sentence boundaries as token index ranges.
    pub sents: Vec<std::ops::Range<usize>>,
}

impl Tokens {
    pub fn text(&self, i: usize) -> &str {
        &self.flat[self.toks[i].range()]
    }
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
    /// The folded form of token `i` (lower case, no accents, no trailing period);
    /// for punctuation, its text. Empty past the end.
    pub fn key(&self, i: usize) -> &str {
        match self.toks.get(i) {
            None => "",
            Some(t) if t.key == u32::MAX => &self.flat[t.range()],
            Some(t) => &self.keys[t.key as usize..t.key as usize + t.key_len as usize],
        }
    }

    /// Computes the folded keys of all tokens once, so the recognisers compare
    /// words without allocating. A word longer than 255 bytes once folded (no name
    /// or number is) keeps its own text as its key.
    fn build_keys(&mut self) {
        let mut keys = String::new();
        for t in &mut self.toks {
            let s = &self.flat[t.range()];
            let bare = if t.kind == Kind::Word && s.len() > 1 { s.trim_end_matches('.') } else { s };
            let plain = t.kind != Kind::Word
                || (bare.len() == s.len() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
            if !plain {
                let start = keys.len();
                for c in bare.chars() {
                    crate::text::push_folded(c, &mut keys);
                }
                match u8::try_from(keys.len() - start) {
                    Ok(len) => {
                        t.key = start as u32;
                        t.key_len = len;
                    }
                    Err(_) => keys.truncate(start),
                }
            }
        }
        keys.shrink_to_fit();
        self.keys = keys;
    }

    /// Text of the token with a trailing abbreviation period removed ("Mr." -> "Mr").
    pub fn bare(&self, i: usize) -> &str {
        self.text(i).trim_end_matches('.')
    }
    /// True if token `i` is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && self.toks[i].kind == Kind::Punct && self.text(i).starts_with(c)
    }
    /// The sentence range holding token `i`.
    pub fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        self.sents[self.sentence_index(i)].clone()
    }
    /// The index in [`Tokens::sents`] of the sentence holding token `i`.
    pub fn sentence_index(&self, i: usize) -> usize {
        self.sents.partition_point(|r| r.end <= i).min(self.sents.len().saturating_sub(1))
    }
}

/// Replaces the soft line breaks of hard-wrapped paragraphs with spaces.
///
/// A document is hard-wrapped when its lines are short (at most 100 characters)
/// and many of them end mid-sentence. In such a document a newline is soft unless
/// the next line is blank, starts a list item, or the line is a short line
/// without final punctuation (a headline), or a short line that ends a sentence
/// (a paragraph end).
pub fn flatten(text: &str) -> String {
    flattened(text).unwrap_or_else(|| text.to_string())
}

/// [`flatten`], or `None` when the text is not hard-wrapped and stays as it is.
fn flattened(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    if lines.len() < 3 {
        return None;
    }
    let widths: Vec<usize> = lines.iter().map(|l| l.trim_end().chars().count()).collect();
    let max_w = widths.iter().copied().max().unwrap_or(0);
    if !(30..=100).contains(&max_w) {
        return None;
    }
    let mut followed = 0usize;
    let mut mid = 0usize;
    for i in 0..lines.len() - 1 {
        if widths[i] == 0 || widths[i + 1] == 0 {
            continue;
        }
        followed += 1;
        if !ends_sentence(lines[i]) {
            mid += 1;
        }
    }
    if followed < 2 || mid * 5 < followed * 2 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if i + 1 == lines.len() {
            break;
        }
        // A short line is a headline (no final stop) or the end of a paragraph.
        let ends = ends_sentence(lines[i]);
        let short = if ends { widths[i] * 10 < max_w * 8 } else { widths[i] * 10 < max_w * 6 };
        // A line that goes on in lower case continues the sentence, however short
        // the line before it.
        let continues = lines[i + 1].trim_start().chars().next().is_some_and(char::is_lowercase);
        let soft = widths[i] > 0 && widths[i + 1] > 0 && !starts_list_item(lines[i + 1]) && (!short || continues);
        out.push(if soft { ' ' } else { '\n' });
    }
    Some(out)
}

fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    t.ends_with(['.', '!', '?', ':'])
}

fn starts_list_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['-', '*', '•', '–', '#', '>'])
        || t.split_once(['.', ')']).is_some_and(|(n, rest)| {
            !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
        })
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Splits the flat text into tokens. `break` and `para` flags come from newlines.
fn lex(flat: &str) -> Vec<Token> {
    let b = flat.as_bytes();
    let mut toks = Vec::with_capacity(flat.len() / 5);
    let mut space = false;
    let mut brk = false;
    let mut newlines = 0u8;
    let mut it = flat.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let mut flags = 0u16;
        if space {
            flags |= flag::SPACE_BEFORE;
        }
        if brk {
            flags |= flag::BREAK_BEFORE;
        }
        if newlines >= 2 {
            flags |= flag::PARA_BEFORE;
        }
        if c == '\n' {
            brk = true;
            newlines = newlines.saturating_add(1);
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        space = false;
        brk = false;
        newlines = 0;
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            let mut upper = usize::from(c.is_uppercase());
            let mut lower = usize::from(c.is_lowercase());
            let mut digit = false;
            let mut letters_since_dot = 1usize;
            let mut dotted = false;
            while let Some(&(j, d)) = it.peek() {
                // A plain lower-case letter goes on the word without further checks.
                if d.is_ascii_lowercase() {
                    lower += 1;
                    letters_since_dot += 1;
                    it.next();
                    end = j + 1;
                    continue;
                }
                let next = flat[j + d.len_utf8()..].chars().next();
                // "RMB8.5", "USD5m", "Sh650", "KSh25": a currency code or symbol
                // word glued to its amount.
                if d.is_ascii_digit()
                    && !digit
                    && c.is_uppercase()
                    && end - i <= 3
                    && flat[i..end].chars().all(char::is_alphabetic)
                {
                    break;
                }
                if d.is_alphanumeric() || is_mark(d) {
                    upper += usize::from(d.is_uppercase());
                    lower += usize::from(d.is_lowercase());
                    digit |= d.is_ascii_digit();
                    letters_since_dot += 1;
                } else if is_apostrophe(d) && next.is_some_and(char::is_alphabetic) {
                    // Possessive 's stays apart: "UK's" -> "UK" + "'s".
                    let after = flat[j + d.len_utf8()..].chars().nth(1);
                    if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                        break;
                    }
                } else if is_hyphen(d) && next.is_some_and(char::is_alphanumeric) {
                    letters_since_dot = 0;
                } else if d == '.'
                    && letters_since_dot == 1
                    && c.is_uppercase()
                    && lower == 0
                    && (next.is_some_and(char::is_uppercase) && flat[j + 1..].chars().nth(1) == Some('.') || dotted)
                {
                    // Dotted acronym: "U.K.", "U.S.A.".
                    dotted = true;
                    letters_since_dot = 0;
                    it.next();
                    end = j + 1;
                    if !next.is_some_and(char::is_uppercase) {
                        break;
                    }
                    continue;
                } else {
                    break;
                }
                it.next();
                end = j + d.len_utf8();
            }
            if c.is_uppercase() {
                flags |= flag::CAP;
            }
            if upper >= 2 && lower == 0 || dotted {
                flags |= flag::ALL_CAPS;
            }
            if digit {
                flags |= flag::DIGIT;
            }
            toks.push(Token::new(i, end, Kind::Word, flags));
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while end < b.len() {
                let d = b[end];
                if d.is_ascii_digit() {
                    end += 1;
                } else if d == b','
                    && b.get(end + 1..end + 4).is_some_and(|s| s.iter().all(u8::is_ascii_digit))
                    && !b.get(end + 4).is_some_and(u8::is_ascii_digit)
                {
                    end += 4;
                } else if d == b'.' && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
                    end += 1;
                } else {
                    break;
                }
            }
            flags |= flag::DIGIT;
            // Ordinal suffix: 1st 2nd 3rd 31st.
            if let Some(suf) = flat.get(end..end + 2) {
                let sl = suf.to_ascii_lowercase();
                if matches!(sl.as_str(), "st" | "nd" | "rd" | "th")
                    && !flat[end + 2..].chars().next().is_some_and(char::is_alphanumeric)
                {
                    end += 2;
                    flags |= flag::ORDINAL;
                }
            }
            while it.peek().is_some_and(|&(j, _)| j < end) {
                it.next();
            }
            toks.push(Token::new(i, end, Kind::Number, flags));
        } else if is_apostrophe(c) && toks.last().is_some_and(|t: &Token| t.end as usize == i && t.kind == Kind::Word) {
            // "'s" after a word, or a lone apostrophe after a plural ("nations'").
            let next = flat[i + c.len_utf8()..].chars().next();
            let after = flat[i + c.len_utf8()..].chars().nth(1);
            if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                let end = i + c.len_utf8() + 1;
                it.next();
                toks.push(Token::new(i, end, Kind::Possessive, flags));
            } else if !next.is_some_and(char::is_alphanumeric) && flat[..i].ends_with(['s', 'S']) {
                toks.push(Token::new(i, i + c.len_utf8(), Kind::Possessive, flags));
            } else {
                toks.push(Token::new(i, i + c.len_utf8(), Kind::Punct, flags));
            }
        } else {
            toks.push(Token::new(i, i + c.len_utf8(), Kind::Punct, flags));
        }
    }
    toks
}

/// Abbreviations after which a period does not end a sentence.
fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Md"
            | "Mohd"
            | "Dr"
            | "Prof"
            | "St"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Cpl"
            | "Rev"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Ltd"
            | "Co"
            | "Corp"
            | "vs"
            | "etc"
            | "No"
            | "Nos"
            | "approx"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Adm"
            | "Maj"
            | "Cdr"
            | "Brig"
            | "Fr"
            | "Mt"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mme"
            | "Mlle"
            | "Messrs"
            | "Hon"
            | "Pres"
            | "Supt"
            | "Insp"
            | "Det"
            | "Cllr"
            | "e.g"
            | "i.e"
            | "cf"
            | "al"
    ) || is_initial(w)
}

/// Whether a word before a glued period is the initial of a name: one capital
/// letter, or a Cyrillic letter romanised in two ("Ts", "Ch", "Sh", "Kh", "Zh").
pub(crate) fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    match (c.next(), c.next(), c.next()) {
        (Some(a), None, _) => a.is_uppercase(),
        (Some(_), Some(_), None) => matches!(w, "Ts" | "Ch" | "Sh" | "Kh" | "Zh"),
        _ => false,
    }
}

/// A short honorific or rank of the lexicon, capitalised ("Ing.", "Mgr."), after
/// which a period ends no sentence.
fn is_honorific(w: &str, lex: &Lexicon) -> bool {
    use crate::lexicon::title;
    w.len() <= 4
        && w.starts_with(char::is_uppercase)
        && lex.titles.longest(&[crate::text::fold(w)]).is_some_and(|(_, &c)| c & (title::HONORIFIC | title::RANK) != 0)
}

/// Words that, after a dotted acronym ending in a period, show that a new sentence began.
fn is_sentence_starter(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "But"
            | "And"
            | "In"
            | "On"
            | "At"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "There"
            | "Its"
            | "As"
            | "If"
            | "When"
            | "While"
            | "However"
            | "Meanwhile"
    )
}

fn is_open_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "'" | "«" | "„")
}

/// Tokenizes a document: flattens soft breaks, lexes, splits sentences, marks
/// sentence-initial words, quotations and title-case headlines.
pub fn tokenize(text: &str, lex_: &Lexicon) -> Tokens {
    tokenize_flat(flatten(text).into(), lex_)
}

/// [`tokenize`] for a loaded document: the tokens share its text unless it is
/// hard-wrapped.
pub fn tokenize_shared(text: &Arc<str>, lex_: &Lexicon) -> Tokens {
    tokenize_flat(flattened(text).map_or_else(|| Arc::clone(text), Arc::from), lex_)
}

fn tokenize_flat(flat: Arc<str>, lex_: &Lexicon) -> Tokens {
    let mut toks = lex(&flat);
    let n = toks.len();
    let mut sents = Vec::new();
    let mut start = 0usize;
    let tx = |t: &Token| &flat[t.range()];
    for i in 0..n {
        let boundary = if i == 0 {
            false
        } else if toks[i].has(flag::BREAK_BEFORE) {
            true
        } else {
            // Look back over closing quotes and brackets to the real last character.
            let mut j = i - 1;
            while j > start
                && toks[j].kind == Kind::Punct
                && matches!(tx(&toks[j]), "\"" | "”" | "’" | "'" | ")" | "]" | "»")
            {
                j -= 1;
            }
            let p = &toks[j];
            let ptx = tx(p);
            let cur = tx(&toks[i]);
            let cur_starts_upper = cur.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || is_open_quote(cur)
                || matches!(cur, "(" | "[");
            if p.kind == Kind::Punct && matches!(ptx, "." | "!" | "?" | "…") {
                let before = if j > start { Some(&toks[j - 1]) } else { None };
                let abbrev = ptx == "."
                    && before.is_some_and(|b| {
                        b.kind == Kind::Word
                            && b.end == p.start
                            && (is_abbreviation(tx(b)) || is_honorific(tx(b), lex_))
                    });
                cur_starts_upper && !abbrev
            } else if p.kind == Kind::Word && ptx.ends_with('.') && p.has(flag::ALL_CAPS) {
                is_sentence_starter(cur)
            } else {
                false
            }
        };
        if boundary && i > start {
            sents.push(start..i);
            start = i;
        }
    }
    if start < n {
        sents.push(start..n);
    }
    // Sentence indexes, initial words, quotations.
    let mut in_quote = false;
    for r in &sents {
        let mut seen_word = false;
        let mut after_open_quote = false;
        for i in r.clone() {
            let t = toks[i];
            let s = &flat[t.range()];
            if t.kind == Kind::Punct {
                match s {
                    "“" | "«" => {
                        in_quote = true;
                        after_open_quote = true;
                    }
                    "”" | "»" => in_quote = false,
                    "\"" => {
                        // Straight quotes alternate; a new paragraph starts outside.
                        let opening = !in_quote || t.has(flag::BREAK_BEFORE);
                        in_quote = opening;
                        after_open_quote = opening;
                    }
                    _ => {}
                }
                if t.has(flag::BREAK_BEFORE) && !matches!(s, "“" | "\"" | "«") {
                    in_quote = false;
                }
                continue;
            }
            if in_quote {
                toks[i].flags |= flag::QUOTED;
            }
            if t.kind == Kind::Word || t.kind == Kind::Number {
                if !seen_word || after_open_quote {
                    toks[i].flags |= flag::INITIAL;
                }
                seen_word = true;
                after_open_quote = false;
            }
        }
    }
    mark_headlines(&flat, &mut toks, lex_);
    let mut t = Tokens { flat, toks, sents, keys: String::new() };
    t.build_keys();
    t
}

/// Marks the tokens of title-case headline lines ("Not a NATO Force, But a Clear
/// Military Signal"), where capital letters say nothing about names.
fn mark_headlines(flat: &str, toks: &mut [Token], lex: &Lexicon) {
    let mut i = 0;
    while i < toks.len() {
        let mut j = i + 1;
        while j < toks.len() && !toks[j].has(flag::BREAK_BEFORE) {
            j += 1;
        }
        let line = &toks[i..j];
        let words: Vec<&Token> = line.iter().filter(|t| t.kind == Kind::Word).collect();
        let last = &flat[line[line.len() - 1].range()];
        let ends_punct = matches!(last, "." | "!" | "?" | "”" | "\"" | ":");
        // Bylines and credit lines ("By Ann Lee, Health Reporter", "Photo:
        // Agency/Name") are title case too, but they name people.
        let first_words: Vec<String> = words.iter().take(3).map(|t| crate::text::fold(&flat[t.range()])).collect();
        let credit = lex.credits.longest(&first_words).is_some() || line.iter().any(|t| &flat[t.range()] == "/");
        // A contact line: a name, a comma, a title ("Ann Lee, Head of Communications").
        let contact = line.iter().position(|t| t.kind == Kind::Punct && &flat[t.range()] == ",").is_some_and(|c| {
            let after: Vec<String> = line[c + 1..]
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .take(4)
                .map(|t| crate::text::fold(&flat[t.range()]))
                .collect();
            lex.titles.longest(&after).is_some() || lex.lower_roles.longest(&after).is_some()
        });
        let credit = credit || contact;
        if words.len() >= 3 && !ends_punct && !credit {
            // Title case: every word that is not a short function word ("a", "of",
            // "and") is capitalised.
            let content: Vec<&&Token> = words.iter().filter(|t| !lex.is_function_word(&flat[t.range()])).collect();
            let caps = content.iter().filter(|t| t.has(flag::CAP)).count();
            let cap_common = words
                .iter()
                .skip(1)
                .filter(|t| t.has(flag::CAP) && !t.has(flag::ALL_CAPS) && lex.is_common(&flat[t.range()]))
                .count();
            // Or all capitals ("FIRM RECALLS 310,000 BATTERIES").
            let shouting = content.iter().all(|t| t.has(flag::ALL_CAPS))
                && content.iter().any(|t| lex.is_common(&flat[t.range()]));
            if content.len() >= 3 && caps == content.len() && (cap_common >= 1 || shouting) {
                for t in &mut toks[i..j] {
                    t.flags |= flag::HEADLINE;
                }
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn words(t: &Tokens) -> Vec<&str> {
        (0..t.len()).map(|i| t.text(i)).collect()
    }

    #[test]
    fn flatten_joins_wrapped_paragraphs_only() {
        let text = "Operational talks to plan for a multinational peacekeeping\n\
                    force to support the country in securing a lasting peace will\n\
                    progress today with thirty ministers set to attend the\n\
                    meeting in the capital.\n\
                    \n\
                    Short Headline Here\n\
                    The minister and German Finance Minister Klara\n\
                    Hoffmann will chair the meeting of the group, bringing\n\
                    together about fifty nations to drive forward support.\n";
        let flat = flatten(text);
        assert_eq!(flat.len(), text.len());
        assert!(flat.contains("Klara Hoffmann"));
        assert!(flat.contains("peacekeeping force"));
        assert!(flat.contains("capital.\n\nShort Headline Here\nThe minister"));
        // "2.5%" at the start of a line is no list item.
        let text = "These latest meetings come after the country set the path to spending\n\
                    2.5% of GDP on defence from 2027, and a boost to defence spending\n\
                    of five billion for this financial year, delivering on the plan.\n";
        assert!(flatten(text).contains("spending 2.5%"));
        // A short line that goes on in lower case is no headline.
        let text = "The regional authority confirmed that the repair programme will go ahead\n\
                    as planned in the spring, with work on the two northern spans first.\n\
                    \n\
                    The government's emergency fund of €25\n\
                    million has so far paid out to sixty families and small businesses, it said.\n";
        assert!(flatten(text).contains("of €25 million"), "{}", flatten(text));
    }

    #[test]
    fn flatten_keeps_unwrapped_text() {
        let text = "A long paragraph that is not wrapped at all and goes on and on and on and on and on and on and on and on and on past one hundred columns.\nNext paragraph.\nThird one.\n";
        assert_eq!(flatten(text), text);
    }

    #[test]
    fn lexes_acronyms_possessives_numbers() {
        let lex = Lexicon::get();
        let t =
            tokenize("The U.K.'s £6.5bn deal, 31st time, 7,000 buses at 3.5% of GDP; Jean-Luc O'Brien's co-host.", lex);
        assert_eq!(
            words(&t),
            vec![
                "The", "U.K.", "'s", "£", "6.5", "bn", "deal", ",", "31st", "time", ",", "7,000", "buses", "at", "3.5",
                "%", "of", "GDP", ";", "Jean-Luc", "O'Brien", "'s", "co-host", "."
            ]
        );
        assert!(t.toks[1].has(flag::ALL_CAPS));
        assert!(t.toks[8].has(flag::ORDINAL));
        assert!(t.toks[5].glued());
        // A currency glued to its amount comes apart; a model number does not.
        let t = tokenize("It costs Sh650, not RMB8.5 billion, for 24 HT-7 jets.", lex);
        assert_eq!(words(&t)[2..4], ["Sh", "650"]);
        assert!(words(&t).contains(&"HT-7"));
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let lex = Lexicon::get();
        let t = tokenize("Mr. Smith arrived. “We will stay,” said Dr. Jones. The U.S. Army left.\nNew line", lex);
        assert_eq!(t.sents.len(), 4);
        let initial: Vec<&str> = (0..t.len()).filter(|&i| t.toks[i].has(flag::INITIAL)).map(|i| t.text(i)).collect();
        assert_eq!(initial, vec!["Mr", "We", "The", "New"]);
        let quoted: Vec<&str> = (0..t.len()).filter(|&i| t.toks[i].has(flag::QUOTED)).map(|i| t.text(i)).collect();
        assert_eq!(quoted, vec!["We", "will", "stay"]);
    }

    #[test]
    fn headline_lines_are_marked() {
        let lex = Lexicon::get();
        let t = tokenize("Not a Force, But a Clear Military Signal\nThe minister said nothing new.", lex);
        assert!(t.toks[0].has(flag::HEADLINE));
        let the = (0..t.len()).find(|&i| t.text(i) == "The").unwrap();
        assert!(!t.toks[the].has(flag::HEADLINE));
        // A headline in capitals; a line of acronyms is not one.
        let t = tokenize("FIRM RECALLS 310,000 E-BIKE BATTERIES\n\nIMF OECD NATO\n\nText.", lex);
        assert!(t.toks[0].has(flag::HEADLINE));
        let nato = (0..t.len()).find(|&i| t.text(i) == "NATO").unwrap();
        assert!(!t.toks[nato].has(flag::HEADLINE));
        // A contact line is no headline.
        let t = tokenize("Media contact\nAma Mensah, Head of Communications\n+233 30 255 0100", lex);
        assert!(!t.toks.iter().any(|x| x.has(flag::HEADLINE)));
    }
}
