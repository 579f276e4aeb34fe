//! Text hygiene shared by every part of the program.
//!
//! Document text is untrusted. It is made safe once, where it enters the program
//! ([`sanitize`]), so that nothing downstream (the analysis, the JSON output, the
//! reader, a notes export) can ever carry a terminal escape sequence or a bidi
//! override. Everything after that point works on the sanitized text, and all byte
//! offsets refer to it.

/// Makes raw document text safe and regular, keeping it readable.
///
/// - a leading byte-order mark is dropped;
/// - `\r\n` and a lone `\r` become `\n`;
/// - a tab becomes one space (same byte length, so nothing shifts);
/// - every other C0 control, DEL and every C1 control becomes its visible Unicode
///   "control picture" (`ESC` shows as `␛`), so an escape sequence is shown, never run;
/// - bidi embedding, override and isolate controls become `�`, so they cannot
///   reorder what the reader shows.
pub fn sanitize(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    // Runs of ordinary text are copied whole; only a byte that can start a
    // character needing a change stops the copy (C2 starts the C1 controls,
    // D8 and E2 the bidi controls; all three only ever begin a character).
    let stop = |b: u8| (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2;
    let mut rest = raw;
    while let Some(i) = rest.bytes().position(stop) {
        out.push_str(&rest[..i]);
        let Some(c) = rest[i..].chars().next() else { break };
        let mut next = i + c.len_utf8();
        match c {
            '\r' => {
                if rest.as_bytes().get(next) == Some(&b'\n') {
                    next += 1;
                }
                out.push('\n');
            }
            '\t' => out.push(' '),
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
            }
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            c if is_bidi_control(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
        rest = &rest[next..];
    }
    out.push_str(rest);
    out
}

/// True for characters that can reorder displayed text (Unicode bidi controls).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// True if `s` holds nothing that a terminal would interpret: no C0/C1 control
/// (other than newline) and no bidi control. Used by tests and as a debug check
/// before drawing.
pub fn is_terminal_safe(s: &str) -> bool {
    !s.chars().any(|c| (c.is_control() && c != '\n') || is_bidi_control(c) || ('\u{80}'..='\u{9f}').contains(&c))
}

/// Lower-cases `s` and removes diacritics from Latin letters, so that
/// "Sébastien", "SEBASTIEN" and "sebastien" compare equal. Used for matching
/// names and for the fuzzy search; never for display.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into an existing buffer (cleared first), to avoid allocation in hot loops.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars() {
        push_folded(c, out);
    }
}

/// Appends the folded form of one character.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(s) = fold_special(c) {
        out.push_str(s);
        return;
    }
    // Combining marks (U+0300..U+036F) carry only accents.
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return;
    }
    let lower = c.to_lowercase();
    for l in lower {
        match strip_accent(l) {
            Some(b) => out.push(b),
            None => out.push(l),
        }
    }
}

/// Letters that fold to more than one letter, or to a letter of another shape.
fn fold_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        'Ø' | 'ø' => "o",
        'Ł' | 'ł' => "l",
        'Đ' | 'đ' | 'Ð' | 'ð' => "d",
        'Þ' | 'þ' => "th",
        'ı' => "i",
        '’' | '‘' | 'ʼ' | '`' | '´' => "'",
        '“' | '”' | '„' => "\"",
        '–' | '—' | '‐' | '‑' => "-",
        _ => return None,
    })
}

/// Maps a lower-case accented Latin letter to its base letter.
fn strip_accent(c: char) -> Option<char> {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ'
        | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => {
            'e'
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ǐ' | 'ỉ' | 'ị' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ớ'
        | 'ờ' | 'ở' | 'ỡ' | 'ợ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ư' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử' | 'ữ'
        | 'ự' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    };
    Some(base)
}

/// A URL- and id-safe slug of a name: folded, letters and digits kept, everything
/// else collapsed to single hyphens ("Sébastien Morel" -> "sebastien-morel").
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// Levenshtein distance between two short strings, counted in characters,
/// stopping early once it exceeds `max` (returns `max + 1` then).
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    // Names are short: their letters and two rows fit on the stack.
    const N: usize = 48;
    let (mut ab, mut bb) = (['\0'; N], ['\0'; N]);
    let (mut la, mut lb) = (0, 0);
    for c in a.chars() {
        if la == N {
            return edit_distance_long(a, b, max);
        }
        ab[la] = c;
        la += 1;
    }
    for c in b.chars() {
        if lb == N {
            return edit_distance_long(a, b, max);
        }
        bb[lb] = c;
        lb += 1;
    }
    let mut prev = [0usize; N + 1];
    let mut cur = [0usize; N + 1];
    levenshtein_rows(&ab[..la], &bb[..lb], max, &mut prev, &mut cur)
}

fn edit_distance_long(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev = vec![0; b.len() + 1];
    let mut cur = vec![0; b.len() + 1];
    levenshtein_rows(&a, &b, max, &mut prev, &mut cur)
}

/// Levenshtein distance of `a` and `b`, capped at `max + 1`; `prev` and `cur`
/// hold at least `b.len() + 1` cells.
fn levenshtein_rows(a: &[char], b: &[char], max: usize, prev: &mut [usize], cur: &mut [usize]) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let (mut prev, mut cur) = (prev, cur);
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(max + 1)
}

/// Shortens `s` to at most `max` characters at a word boundary, adding "…".
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let trimmed = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", trimmed.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_makes_escape_sequences_visible() {
        let raw = "a\u{1b}]52;c;SGVsbG8=\u{7}b\u{1b}[2Jc\u{202e}d\u{9b}e";
        let clean = sanitize(raw);
        assert!(is_terminal_safe(&clean));
        assert_eq!(clean, "a␛]52;c;SGVsbG8=␇b␛[2Jc\u{fffd}d\u{fffd}e");
    }

    #[test]
    fn sanitize_normalises_line_ends_bom_and_tabs() {
        assert_eq!(sanitize("\u{feff}one\r\ntwo\rthree\tfour"), "one\ntwo\nthree four");
    }

    #[test]
    fn sanitize_keeps_ordinary_text_around_the_characters_it_changes() {
        // Curly quotes, dashes and Arabic letters share lead bytes with the
        // controls (E2, D8); they pass through, next to the ones replaced.
        let raw = "“Quoted” — ‘so’ \u{2066}x\u{2069} عربي\u{61c}ا ok\r\n\u{85}end\r";
        assert_eq!(sanitize(raw), "“Quoted” — ‘so’ \u{fffd}x\u{fffd} عربي\u{fffd}ا ok\n\u{fffd}end\n");
        assert_eq!(sanitize("é ü ß 北京 🙂"), "é ü ß 北京 🙂");
        assert_eq!(sanitize(""), "");
    }

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold("Sébastien"), "sebastien");
        assert_eq!(fold("ZÜRICH"), "zurich");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
    }

    #[test]
    fn slug_and_distance() {
        assert_eq!(slug("Jean-Luc Mélenchon"), "jean-luc-melenchon");
        assert_eq!(slug("  "), "x");
        assert_eq!(edit_distance("kovalenky", "kovalenkyy", 2), 1);
        assert_eq!(edit_distance("kovalenkyy", "kovalenkiy", 2), 1);
        assert_eq!(edit_distance("mark", "maria", 1), 2);
        assert_eq!(edit_distance("abc", "abc", 0), 0);
        // Past the stack buffer, the same answers.
        let long = "a".repeat(60);
        assert_eq!(edit_distance(&long, &format!("{long}b"), 2), 1);
        assert_eq!(edit_distance(&long, &"b".repeat(60), 2), 3);
        assert_eq!(edit_distance("kovalenky", &long, 2), 3);
    }

    #[test]
    fn ellipsize_cuts_at_words() {
        assert_eq!(ellipsize("short", 10), "short");
        assert_eq!(ellipsize("a somewhat longer headline here", 20), "a somewhat longer…");
    }
}
