//! Figures: money, counts, percentages, dates, durations and ordinals, with
//! their values normalised and their qualifiers kept.

use super::numbers::{
    self, measure_unit, month_number, ordinal_word, parse_digits, scale, time_unit, WordNumber, QUALIFIERS,
};
use crate::lexicon::{CurrencyPos, Lexicon};
use crate::model::{FigureKind, Qualifier};
use crate::token::{flag, Kind, Tokens};

/// A figure found in one document, before ids and pledges are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFigure {
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub qualifier_text: Option<String>,
    pub date: Option<String>,
    pub start: usize,
    pub end: usize,
    /// First and last token of the figure (qualifier and noun included).
    pub toks: (usize, usize),
    /// Token index of the number itself.
    pub num_tok: usize,
}

/// A parsed number: its value and the tokens it covers.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    /// First token (inclusive) and end (exclusive).
    start: usize,
    end: usize,
    words: bool,
    ordinal: bool,
    /// Has a scale word or suffix ("billion", "bn").
    scaled: bool,
}

struct Ctx<'a> {
    t: &'a Tokens,
    lex: &'a Lexicon,
    out: Vec<RawFigure>,
    /// The countries the document names, as [`super::countries_named`] ranks
    /// them, worked out when a currency first needs them.
    countries: std::cell::OnceCell<Vec<(usize, usize, usize)>>,
}

/// Finds every figure of one document, in reading order.
pub fn find(t: &Tokens, lex: &Lexicon) -> Vec<RawFigure> {
    let mut cx = Ctx { t, lex, out: Vec::new(), countries: std::cell::OnceCell::new() };
    for r in t.sents.clone() {
        cx.sentence(r);
    }
    let mut out = std::mem::take(&mut cx.out);
    national_currency(&cx, &mut out);
    out
}

/// A currency word many countries use ("pesos", "dinars", "crowns") is the
/// currency of the country the document is about, when it says one clearly:
/// "15 million pesos" in a story from Chile is Chilean pesos.
fn national_currency(cx: &Ctx<'_>, out: &mut [RawFigure]) {
    let (t, lex) = (cx.t, cx.lex);
    let suffix = |f: &RawFigure| -> Option<String> {
        if f.kind != FigureKind::Money || f.toks.1 <= f.num_tok {
            return None;
        }
        let k = t.key(f.toks.1);
        let before = t.key(f.toks.1 - 1);
        let qualified = lex.demonyms.longest(&[before]).is_some();
        (!qualified && lex.currencies.longest(&[k]).is_some_and(|(n, _)| n == 1)).then(|| k.to_string())
    };
    // An abbreviation in letters before the amount ("Rs 50 million", "Sh650")
    // reads as the currency word of its code ("rupees", "shillings").
    let prefix = |f: &RawFigure| -> Option<String> {
        if f.kind != FigureKind::Money || f.num_tok == 0 || f.num_tok <= f.toks.0 {
            return None;
        }
        let p = f.num_tok - 1;
        if t.toks[p].kind != Kind::Word || !t.text(p).chars().all(char::is_alphabetic) {
            return None;
        }
        let (_, (code, pos)) = lex.currencies.longest(&[t.key(p)])?;
        if *pos != CurrencyPos::Prefix || f.unit.as_deref() != Some(code.as_str()) {
            return None;
        }
        lex.currencies
            .iter()
            .filter(|(w, (c, pos))| w.len() == 1 && c == code && *pos == CurrencyPos::Suffix && w[0].ends_with('s'))
            .map(|(w, _)| w[0].clone())
            .min()
    };
    let bare = |f: &RawFigure| suffix(f).or_else(|| prefix(f));
    if !out.iter().any(|f| bare(f).is_some()) {
        return;
    }
    // The currencies the document writes out ("US$41.5m"): a bare word that is
    // one of their names ("310 million dollars") is that currency, whatever
    // country the story names.
    let written: Vec<String> = out
        .iter()
        .filter(|f| f.kind == FigureKind::Money && bare(f).is_none())
        .filter_map(|f| f.unit.clone())
        .collect();
    // The most named country that has such a currency; between equals, the first
    // named (the dateline's). A story naming Finland twice and Chile once pays in Chilean pesos.
    let ranked = cx.countries_named();
    let code_in = |country: usize, form: &str| -> Option<String> {
        lex.demonyms.iter().filter(|(_, &idx)| idx == country).find_map(|(d, _)| {
            let mut words: Vec<&str> = d.iter().map(String::as_str).collect();
            words.push(form);
            lex.currencies.longest(&words).filter(|(n, _)| *n == words.len()).map(|(_, (code, _))| code.clone())
        })
    };
    for f in out.iter_mut() {
        let Some(form) = bare(f) else { continue };
        if f.unit.as_ref().is_some_and(|u| written.contains(u)) {
            continue;
        }
        if let Some(code) = ranked.iter().find_map(|&(c, _, _)| code_in(c, &form)) {
            f.unit = Some(code);
        }
    }
}

impl Ctx<'_> {
    fn countries_named(&self) -> &[(usize, usize, usize)] {
        self.countries.get_or_init(|| super::countries_named(self.t, 0..self.t.len(), self.lex))
    }

    fn key(&self, i: usize) -> &str {
        self.t.key(i)
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.t.len() && self.t.toks[i].kind == Kind::Word
    }

    fn sentence(&mut self, r: std::ops::Range<usize>) {
        let mut i = r.start;
        while i < r.end {
            let next = self.at(i, &r).unwrap_or(i + 1);
            i = next.max(i + 1);
        }
    }

    /// Tries to read a figure starting at token `i`; returns the token after it.
    fn at(&mut self, i: usize, r: &std::ops::Range<usize>) -> Option<usize> {
        let t = self.t;
        let tok = t.toks[i];
        // Month first: "April 7, 2025", "March 2025", "in February".
        if tok.kind == Kind::Word {
            if let Some(m) = month_number(t.text(i)) {
                return self.month_date(i, m, r);
            }
        }
        let num = self.number(i, r)?;
        // Dates: "12 February 2025", "5th Apr 2025", "10 July", ISO "2025-04-05".
        if let Some(end) = self.day_month_date(&num, r) {
            return Some(end);
        }
        if let Some(end) = self.iso_date(&num, r) {
            return Some(end);
        }
        if self.excluded(&num, r) {
            return Some(num.end);
        }
        let (qual, qstart) = self.qualifier_before(num.start, r);
        // Money: currency before or after.
        let mut cur_start = num.start;
        let mut currency = None;
        if let Some((n, code)) = self.currency_before(num.start, r) {
            // A single letter ("R" for rand) only before a sum that reads as money:
            // a scale, or thousands ("R1.9bn", "R5,000", not "the R2 motorway").
            let letter =
                n == 1 && t.text(num.start - 1).len() == 1 && t.text(num.start - 1).chars().all(char::is_alphabetic);
            let sum = num.scaled || num.value >= 1000.0 || (num.end < r.end && scale(t.text(num.end)).is_some());
            if !letter || sum {
                cur_start = num.start - n;
                currency = Some(code);
            }
        }
        let (qual, qstart) = if currency.is_some() { self.qualifier_before(cur_start, r) } else { (qual, qstart) };
        let mut end = num.end;
        let mut value = num.value;
        // Glued or spaced scale after a currency amount: "£5m", "$2 bn".
        let mut scaled = num.scaled;
        if !scaled && end < r.end && self.is_word(end) {
            if let Some(s) = scale(t.text(end)) {
                let clear = numbers::is_clear_scale(t.text(end));
                if clear || currency.is_some() || self.plural_noun_at(end + 1, r) {
                    value *= s;
                    end += 1;
                    scaled = true;
                }
            }
        }
        let _ = scaled;
        if currency.is_none() {
            if let Some((n, code)) = self.currency_after(end, r) {
                currency = Some(code);
                end += n;
            }
        }
        if let Some(code) = currency {
            self.push(FigureKind::Money, Some(value), Some(code), qual, qstart.min(cur_start), end, num.start);
            return Some(end);
        }
        // Percentages: "2.5%", "12.5 %", "7 percent", "2.5 per cent", "5pc".
        if t.is_punct(end, '%') {
            self.push(FigureKind::Percent, Some(value), Some("%".into()), qual, qstart, end + 1, num.start);
            return Some(end + 1);
        }
        if self.is_word(end) {
            let k = self.key(end);
            if matches!(k, "percent" | "pc" | "percentage") {
                let e = if k == "percentage" && self.key(end + 1).starts_with("point") { end + 2 } else { end + 1 };
                self.push(FigureKind::Percent, Some(value), Some("%".into()), qual, qstart, e, num.start);
                return Some(e);
            }
            if k == "per" && self.key(end + 1) == "cent" {
                self.push(FigureKind::Percent, Some(value), Some("%".into()), qual, qstart, end + 2, num.start);
                return Some(end + 2);
            }
        }
        // Ordinals that count: "31st meeting", "the fifth round".
        if num.ordinal {
            let (noun_end, unit) = self.noun_after(end, r, false);
            if let Some(u) = unit {
                self.push(FigureKind::Ordinal, Some(value), Some(u), None, num.start, noun_end, num.start);
                return Some(noun_end);
            }
            return Some(end);
        }
        // Durations: "60-day", "two years", "48 hours".
        if t.is_punct(end, '-') && t.toks[end].glued() && self.is_word(end + 1) && t.toks[end + 1].glued() {
            if let Some(u) = time_unit(t.text(end + 1)) {
                self.push(FigureKind::Duration, Some(value), Some(u.into()), qual, qstart, end + 2, num.start);
                return Some(end + 2);
            }
            // A measure ("a 445-kilometre pipeline"): a count of its unit.
            if let Some(u) = measure_unit(t.text(end + 1)) {
                self.push(FigureKind::Count, Some(value), Some(u.into()), qual, qstart, end + 2, num.start);
                return Some(end + 2);
            }
            // Another compound ("four-point plan", "2-1 win"): not a figure.
            return Some(end + 2);
        }
        if self.is_word(end) {
            if let Some(u) = time_unit(t.text(end)) {
                // "over two years" is "during", not "more than".
                let qual = qual.filter(|(q, _)| *q != Qualifier::Over);
                let qstart = if qual.is_some() { qstart } else { num.start };
                // "two years ago" is a duration too; "a couple of weeks" has no number.
                self.push(FigureKind::Duration, Some(value), Some(u.into()), qual, qstart, end + 1, num.start);
                return Some(end + 1);
            }
        }
        // A year on its own: "from 2027", "in 2022".
        if !num.words
            && !num.ordinal
            && (1800.0..=2100.0).contains(&value)
            && value.fract() == 0.0
            && !t.text(num.start).contains(',')
        {
            let prev = num.start.checked_sub(1).filter(|&p| p >= r.start).map(|p| self.key(p).to_string());
            let year_context = prev.as_deref().is_some_and(|p| {
                matches!(
                    p,
                    "in" | "since"
                        | "from"
                        | "by"
                        | "until"
                        | "till"
                        | "of"
                        | "before"
                        | "after"
                        | "during"
                        | "the"
                        | "early"
                        | "late"
                        | "mid"
                        | "through"
                        | "to"
                        | "for"
                        | "and"
                        | "between"
                )
            });
            if year_context && !self.plural_noun_at(end, r) {
                let y = format!("{value:.0}");
                self.push_date(y, num.start, end);
                return Some(end);
            }
        }
        // Counts: "over 3,000 field hospitals", "at least 19 people".
        let (noun_end, unit) = self.noun_after(end, r, value > 1.0);
        // A bare number after a verb of harm counts what the verb did: "killing 12",
        // "injured 52" count the killed and the injured, as "12 killed" does.
        let harmed = || {
            let v = qstart.checked_sub(1).filter(|&v| v >= r.start && self.is_word(v))?;
            let bare = !self.is_word(end) || self.lex.is_function_word(self.key(end));
            casualty_participle(self.key(v)).filter(|_| bare).map(|p| (v, p))
        };
        if unit.is_none() {
            if let Some((v, participle)) = harmed() {
                self.push(FigureKind::Count, Some(value), Some(participle.into()), qual, v, end, num.start);
                return Some(end);
            }
        }
        let unit = unit.or_else(|| {
            // "200 new jobs and supporting a further 700": the noun is understood.
            if num.words {
                return None;
            }
            self.out
                .iter()
                .rev()
                .find(|f| {
                    f.kind == FigureKind::Count
                        && f.toks.1 + 12 >= num.start
                        && f.toks.1 < num.start
                        && t.sentence_index(f.toks.1) == t.sentence_index(num.start)
                })
                .and_then(|f| f.unit.as_deref().and_then(|u| u.split_whitespace().last()).map(String::from))
        });
        // A number with nothing counted is no count ("aged 52", "Farrow, 52,").
        if unit.is_none() {
            return Some(end);
        }
        // "over two winters": "over" is "during" before a stretch of time.
        let period = unit.as_deref().and_then(|u| u.split_whitespace().last()).is_some_and(|h| {
            matches!(
                h,
                "seasons"
                    | "winters"
                    | "summers"
                    | "springs"
                    | "autumns"
                    | "weekends"
                    | "nights"
                    | "terms"
                    | "quarters"
                    | "generations"
                    | "rounds"
                    | "sessions"
                    | "campaigns"
            )
        });
        let (qual, qstart) = if period && qual.as_ref().is_some_and(|(q, _)| *q == Qualifier::Over) {
            (None, num.start)
        } else {
            (qual, qstart)
        };
        self.push(FigureKind::Count, Some(value), unit, qual, qstart, noun_end.max(end), num.start);
        Some(noun_end.max(end))
    }

    /// Reads a number at `i`: digits (with scale) or number words.
    fn number(&self, i: usize, r: &std::ops::Range<usize>) -> Option<Num> {
        let t = self.t;
        let tok = t.toks[i];
        match tok.kind {
            Kind::Number => {
                let v = parse_digits(t.text(i))?;
                let mut end = i + 1;
                let mut value = v;
                let mut scaled = false;
                if end < r.end && self.is_word(end) {
                    let w = t.text(end);
                    if let Some(s) = scale(w) {
                        let spelled = w.len() > 2 && !t.toks[end].glued();
                        let glued_clear = t.toks[end].glued() && numbers::is_clear_scale(w);
                        if spelled || glued_clear {
                            value *= s;
                            end += 1;
                            scaled = true;
                        }
                    }
                }
                Some(Num { value, start: i, end, words: false, ordinal: tok.has(flag::ORDINAL), scaled })
            }
            Kind::Word => {
                let w = self.key(i);
                if let Some(v) = ordinal_word(w) {
                    return Some(Num { value: v, start: i, end: i + 1, words: true, ordinal: true, scaled: false });
                }
                // "a million", "half a million".
                if matches!(w, "a" | "an")
                    && i + 1 < r.end
                    && scale(self.key(i + 1)).is_some_and(|_| self.key(i + 1).len() > 2)
                {
                    let s = scale(self.key(i + 1))?;
                    return Some(Num { value: s, start: i, end: i + 2, words: true, ordinal: false, scaled: true });
                }
                if w == "half"
                    && self.key(i + 1) == "a"
                    && scale(self.key(i + 2)).is_some_and(|_| self.key(i + 2).len() > 2)
                {
                    let s = scale(self.key(i + 2))?;
                    return Some(Num {
                        value: s / 2.0,
                        start: i,
                        end: i + 3,
                        words: true,
                        ordinal: false,
                        scaled: true,
                    });
                }
                if !numbers::is_number_word(w)
                    || matches!(w, "hundred" | "thousand" | "million" | "billion" | "trillion")
                {
                    return None;
                }
                let mut wn = WordNumber::default();
                let mut j = i;
                let mut last_ok = i;
                while j < r.end && self.is_word(j) {
                    let k = self.key(j);
                    if k == "and" && wn.words > 0 && j + 1 < r.end && numbers::is_number_word(self.key(j + 1)) {
                        j += 1;
                        continue;
                    }
                    if !wn.push(k) {
                        break;
                    }
                    last_ok = j;
                    j += 1;
                }
                if wn.words == 0 {
                    return None;
                }
                let scaled = (i..=last_ok).any(|k| scale(self.key(k)).is_some());
                Some(Num { value: wn.value(), start: i, end: last_ok + 1, words: true, ordinal: false, scaled })
            }
            _ => None,
        }
    }

    /// Numbers that are not figures: clock times, parts of names ("Windows 11",
    /// "Article 5", "FTSE 100"), list numbers, ranges, codes.
    fn excluded(&self, n: &Num, r: &std::ops::Range<usize>) -> bool {
        let t = self.t;
        let i = n.start;
        if n.words {
            return false;
        }
        // Clock time "0:44", "10.30am", "3pm", ratio "24/7", code "9/11".
        if (t.is_punct(i + 1, ':') || t.is_punct(i + 1, '/'))
            && t.toks.get(i + 2).is_some_and(|x| x.kind == Kind::Number && x.glued())
        {
            return true;
        }
        if i > r.start
            && (t.is_punct(i - 1, ':') || t.is_punct(i - 1, '/'))
            && t.toks[i].glued()
            && t.toks[i - 1].glued()
            && i >= 2
            && t.toks[i - 2].kind == Kind::Number
        {
            return true;
        }
        if self.is_word(n.end) {
            let k = self.key(n.end);
            if matches!(k, "am" | "pm" | "a.m" | "p.m" | "gmt" | "bst" | "utc" | "cet" | "est" | "hrs" | "bc" | "ad")
                && !t.text(i).contains(',')
            {
                return true;
            }
            // "at about 11 p.m." ending a paragraph, read as "p", ".", "m", ".".
            if matches!(k, "a" | "p")
                && t.is_punct(n.end + 1, '.')
                && self.is_word(n.end + 2)
                && self.key(n.end + 2) == "m"
            {
                return true;
            }
            // "3D", "5G", "4K": letters glued that are no scale.
            if t.toks[n.end].glued() && scale(t.text(n.end)).is_none() && !n.ordinal {
                return true;
            }
        }
        // Part of a name: a capitalised word right before ("Windows 11", "Article 5"),
        // unless that word is a month, a qualifier, a currency, or capitalised only
        // because it starts the sentence.
        if i > r.start {
            let p = i - 1;
            let pt = &t.toks[p];
            let headline = pt.has(flag::HEADLINE);
            let place = self.lex.place_names.longest_with(1, |_| self.key(p)).is_some()
                || self.lex.demonyms.longest_with(1, |_| self.key(p)).is_some();
            if pt.kind == Kind::Word && pt.has(flag::CAP) && month_number(t.text(p)).is_none() && !headline && !place {
                // "Exactly 30", "Only 30": an adverb, not a name.
                let initial_common = pt.has(flag::INITIAL) && self.key(p).ends_with("ly");
                let is_qual = QUALIFIERS.iter().any(|(q, _)| q.len() == 1 && q[0] == self.key(p));
                let is_cur =
                    self.lex.currencies.longest(&[self.key(p)]).is_some() || self.local_currency(i, r).is_some();
                // "Green Future 12.6%": a share a name won, not a name's number.
                let share =
                    t.is_punct(n.end, '%') || (self.is_word(n.end) && matches!(self.key(n.end), "percent" | "per"));
                // "fined Kanaalbank 48.6 million euros": a sum a name pays, not a name's number.
                let money = {
                    let k = if self.is_word(n.end) && scale(self.key(n.end)).is_some() { n.end + 1 } else { n.end };
                    self.is_word(k)
                        && self
                            .lex
                            .currencies
                            .longest_with(t.len().saturating_sub(k).min(3), |j| self.key(k + j))
                            .is_some_and(|(_, (_, pos))| *pos != CurrencyPos::Prefix)
                };
                if !initial_common && !is_qual && !is_cur && !share && !money && !self.lex.is_function_word(t.text(p)) {
                    return true;
                }
            }
            // An age: "Ann Lee, 52, said", "aged 71".
            if i > r.start && (self.key(i - 1) == "aged" || self.key(i - 1) == "age") {
                return true;
            }
            if i >= 2
                && t.is_punct(i - 1, ',')
                && t.is_punct(n.end, ',')
                && t.toks[i - 2].kind == Kind::Word
                && t.toks[i - 2].has(flag::CAP)
                && n.value < 130.0
            {
                return true;
            }
            // "No. 10", "#5".
            if t.is_punct(p, '#') {
                return true;
            }
        }
        // The second number of a range or score ("2-1").
        if i >= 2
            && t.is_punct(i - 1, '-')
            && t.toks[i].glued()
            && t.toks[i - 1].glued()
            && t.toks[i - 2].kind == Kind::Number
        {
            return true;
        }
        // Ranges and scores "2-1"; phone numbers "020 7946".
        if t.is_punct(n.end, '-')
            && t.toks.get(n.end + 1).is_some_and(|x| x.kind == Kind::Number && x.glued())
            && !self.is_iso_date_at(i)
        {
            return true;
        }
        // Two numbers in a row ("020 7946"), unless the first ends with its scale
        // word: "$832.9bn 5G spectrum" is an amount before another number.
        if t.toks.get(n.end).is_some_and(|x| x.kind == Kind::Number) && !n.scaled {
            return true;
        }
        // A list number at the start of a line: "1. The first point".
        if t.toks[i].has(flag::BREAK_BEFORE) && t.is_punct(i + 1, '.') {
            return true;
        }
        false
    }

    fn is_iso_date_at(&self, i: usize) -> bool {
        let t = self.t;
        t.text(i).len() == 4
            && t.is_punct(i + 1, '-')
            && t.toks.get(i + 2).is_some_and(|x| x.kind == Kind::Number && t.text(i + 2).len() == 2)
            && t.is_punct(i + 3, '-')
            && t.toks.get(i + 4).is_some_and(|x| x.kind == Kind::Number && t.text(i + 4).len() == 2)
    }

    fn iso_date(&mut self, n: &Num, _r: &std::ops::Range<usize>) -> Option<usize> {
        if n.words || !self.is_iso_date_at(n.start) {
            return None;
        }
        let i = n.start;
        let (y, m, d) = (self.t.text(i), self.t.text(i + 2), self.t.text(i + 4));
        let (mi, di): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        if !(1..=12).contains(&mi) || !(1..=31).contains(&di) {
            return None;
        }
        self.push_date(format!("{y}-{m}-{d}"), i, i + 5);
        Some(i + 5)
    }

    /// "12 February 2025", "5th Apr 2025", "10 July", "5th of April".
    fn day_month_date(&mut self, n: &Num, r: &std::ops::Range<usize>) -> Option<usize> {
        if n.words || n.scaled {
            return None;
        }
        let t = self.t;
        let day = n.value;
        if !(1.0..=31.0).contains(&day) || day.fract() != 0.0 {
            return None;
        }
        let mut j = n.end;
        if self.key(j) == "of" {
            j += 1;
        }
        if j >= r.end || !self.is_word(j) {
            return None;
        }
        let m = month_number(t.text(j))?;
        let mut end = j + 1;
        // The period of "Apr." is lexed apart.
        if t.is_punct(end, '.')
            && t.toks[end].glued()
            && t.text(j).len() <= 4
            && end + 1 < r.end
            && t.toks[end + 1].kind == Kind::Number
        {
            end += 1;
        }
        let date = match self.year_at(end, r) {
            Some(y) => {
                end += 1;
                format!("{y:04}-{m:02}-{day:02.0}")
            }
            None => format!("--{m:02}-{day:02.0}"),
        };
        self.push_date(date, n.start, end);
        Some(end)
    }

    fn year_at(&self, i: usize, r: &std::ops::Range<usize>) -> Option<u32> {
        let t = self.t;
        let i = if t.is_punct(i, ',') { i + 1 } else { i };
        if i >= r.end || t.toks[i].kind != Kind::Number || t.toks[i].has(flag::ORDINAL) {
            return None;
        }
        let s = t.text(i);
        if s.len() != 4 {
            return None;
        }
        let y: u32 = s.parse().ok()?;
        (1000..=2999).contains(&y).then_some(y)
    }

    /// Dates that start with the month: "April 7, 2025", "March 2025", "in February".
    fn month_date(&mut self, i: usize, m: u32, r: &std::ops::Range<usize>) -> Option<usize> {
        let t = self.t;
        let mut j = i + 1;
        if t.is_punct(j, '.') && t.toks[j].glued() {
            j += 1;
        }
        // "April 7, 2025" / "April 7".
        if j < r.end && t.toks[j].kind == Kind::Number && t.text(j).len() <= 4 {
            let v = parse_digits(t.text(j))?;
            if t.text(j).len() <= 2 || t.toks[j].has(flag::ORDINAL) {
                if (1.0..=31.0).contains(&v) && !t.is_punct(j + 1, '%') && scale(self.key(j + 1)).is_none() {
                    let mut end = j + 1;
                    let date = match self.year_at(end, r) {
                        Some(y) => {
                            end += if t.is_punct(end, ',') { 2 } else { 1 };
                            format!("{y:04}-{m:02}-{v:02.0}")
                        }
                        None => format!("--{m:02}-{v:02.0}"),
                    };
                    self.push_date(date, i, end);
                    return Some(end);
                }
                return None;
            }
            if let Some(y) = self.year_at(j, r) {
                self.push_date(format!("{y:04}-{m:02}"), i, j + 1);
                return Some(j + 1);
            }
        }
        // "in February", "since March", "last May".
        if i > r.start {
            let p = self.key(i - 1);
            let ok = matches!(
                p,
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "this"
                    | "of"
                    | "during"
                    | "before"
                    | "after"
                    | "through"
            );
            if ok && !(m == 5 && t.toks[i].has(flag::INITIAL)) {
                self.push_date(format!("--{m:02}"), i, i + 1);
                return Some(i + 1);
            }
        }
        None
    }

    fn qualifier_before(&self, i: usize, r: &std::ops::Range<usize>) -> (Option<(Qualifier, String)>, usize) {
        // Every qualifier ends with one of these words.
        if i <= r.start
            || !matches!(
                self.key(i - 1),
                "of" | "than"
                    | "least"
                    | "most"
                    | "as"
                    | "to"
                    | "over"
                    | "under"
                    | "estimated"
                    | "roughly"
                    | "around"
                    | "about"
                    | "approximately"
                    | "approx"
                    | "circa"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "above"
                    | "below"
            )
        {
            return (None, i);
        }
        // "jailed over £23m", "a row over $5bn": "over" as "about", not "more than".
        if i >= r.start + 2 && self.key(i - 1) == "over" && is_over_governor(self.key(i - 2)) {
            return (None, i);
        }
        for (words, q) in QUALIFIERS {
            let n = words.len();
            if i < r.start + n {
                continue;
            }
            let s = i - n;
            if (0..n).all(|k| self.is_word(s + k) && self.key(s + k) == words[k]) {
                let text = (s..i).map(|k| self.t.text(k)).collect::<Vec<_>>().join(" ");
                return (Some((*q, text)), s);
            }
        }
        (None, i)
    }

    fn currency_before(&self, i: usize, r: &std::ops::Range<usize>) -> Option<(usize, String)> {
        for n in (1..=3).rev() {
            if i < r.start + n {
                continue;
            }
            let s = i - n;
            let words: Vec<&str> = (s..i).map(|k| self.key(k)).collect();
            if let Some((m, (code, pos))) = self.lex.currencies.longest(&words) {
                let glued = (s + 1..i).all(|k| self.t.toks[k].glued());
                if m == n && *pos != CurrencyPos::Suffix && (n == 1 || glued) {
                    // A symbol must touch the number or be separated by one space;
                    // an ISO code ("USD 5m") must be upper case.
                    let last = &self.t.toks[i - 1];
                    let is_symbol = last.kind == Kind::Punct;
                    // An abbreviation ("Rp", "Rs") as written; an ISO code in capitals.
                    let written = self.t.text(i - 1);
                    let abbreviation =
                        *pos == CurrencyPos::Prefix && written.chars().next().is_some_and(char::is_uppercase);
                    if is_symbol || abbreviation || written.chars().all(char::is_uppercase) {
                        return Some((n, code.clone()));
                    }
                }
            }
        }
        self.local_currency(i, r).map(|code| (1, code))
    }

    /// A prefix that is a currency only where the story is ("N832.9bn" in a
    /// story naming Nigeria), written as listed and touching an amount: one with a
    /// scale word, a separator or four digits ("N1,480", not the mask "N95").
    fn local_currency(&self, i: usize, r: &std::ops::Range<usize>) -> Option<String> {
        let t = self.t;
        let s = i.checked_sub(1).filter(|&s| s >= r.start)?;
        let (code, country) = self.lex.local_currencies.get(t.text(s))?;
        let num = t.text(i);
        let scaled = self.is_word(i + 1) && scale(self.key(i + 1)).is_some();
        let amount = scaled || num.contains([',', '.']) || num.len() >= 4;
        if t.toks[i].kind != Kind::Number || !t.toks[i].glued() || !amount {
            return None;
        }
        self.countries_named().iter().any(|x| x.0 == *country).then(|| code.clone())
    }

    fn currency_after(&self, i: usize, r: &std::ops::Range<usize>) -> Option<(usize, String)> {
        if i >= r.end || !self.is_word(i) {
            return None;
        }
        let words: Vec<&str> = (i..(i + 3).min(r.end)).map(|k| self.key(k)).collect();
        let (n, (code, pos)) = self.lex.currencies.longest(&words)?;
        if *pos == CurrencyPos::Prefix {
            return None;
        }
        // ISO codes after the number must be upper case ("5 million USD").
        let s = self.t.text(i);
        if s.len() == 3
            && s.chars().all(|c| c.is_ascii_alphabetic())
            && !s.chars().all(|c| c.is_ascii_uppercase())
            && self.lex.currencies.longest(&[crate::text::fold(s)]).is_some_and(|(_, (c, _))| c.eq_ignore_ascii_case(s))
        {
            return None;
        }
        Some((n, code.clone()))
    }

    fn plural_noun_at(&self, i: usize, r: &std::ops::Range<usize>) -> bool {
        i < r.end && self.is_word(i) && !self.lex.is_function_word(self.t.text(i)) && is_plural(self.key(i))
    }

    /// The counted noun phrase after a number: "field hospital beds", "people".
    /// Returns the token after it and the phrase (folded), if any.
    fn noun_after(&self, i: usize, r: &std::ops::Range<usize>, plural_wanted: bool) -> (usize, Option<String>) {
        let t = self.t;
        let mut words: Vec<usize> = Vec::new();
        let mut j = i;
        // "three more bodies", "two further cases": the noun after the "more".
        if j + 1 < r.end && matches!(self.key(j), "more" | "further" | "additional" | "other") && self.is_word(j + 1) {
            j += 1;
        }
        while j < r.end && words.len() < 5 {
            let tok = &t.toks[j];
            if tok.kind != Kind::Word || tok.has(flag::BREAK_BEFORE) {
                break;
            }
            let k = self.key(j);
            // An adverb ends the phrase ("30 million annually"); a word in -ly
            // before a plural noun is an adjective or a noun that qualifies it
            // ("120 million monthly users", "two assembly lines").
            let qualifies = || {
                j + 1 < r.end
                    && self.is_word(j + 1)
                    && !t.toks[j + 1].has(flag::BREAK_BEFORE)
                    && is_plural(self.key(j + 1))
                    && !self.lex.is_function_word(self.key(j + 1))
            };
            // A verb of speech right after the number and before a plural noun
            // is an adjective ("271 stressed municipalities", "nine sworn affidavits").
            let adjective = words.is_empty() && self.lex.is_speech_verb(k) && qualifies();
            // Two adjectives of one noun ("five regional and international
            // banks"): the phrase goes on to the plural noun after "and".
            let joined = matches!(k, "and" | "or")
                && plural_wanted
                && !words.is_empty()
                && !words.iter().any(|&w| is_plural(self.key(w)))
                && (j + 1..(j + 3).min(r.end))
                    .take_while(|&n| self.is_word(n) && !t.toks[n].has(flag::CAP))
                    .any(|n| is_plural(self.key(n)) && !self.lex.is_function_word(self.key(n)));
            if joined {
                words.push(j);
                j += 1;
                continue;
            }
            if self.lex.is_function_word(k)
                || (self.lex.is_speech_verb(k) && !adjective)
                || month_number(t.text(j)).is_some()
            {
                break;
            }
            if !words.is_empty() && (k.ends_with("ed") || k.ends_with("ing") || k.ends_with("ly")) && !is_plural(k) {
                break;
            }
            if words.is_empty()
                && ((k.ends_with("ly") && !qualifies()) || numbers::is_number_word(k) || scale(k).is_some())
            {
                break;
            }
            words.push(j);
            j += 1;
        }
        if words.is_empty() {
            return (i, None);
        }
        // End the phrase at its last plural noun ("defence ministers set to attend").
        if plural_wanted {
            if let Some(p) = words.iter().rposition(|&w| is_plural(self.key(w))) {
                words.truncate(p + 1);
            } else {
                words.truncate(1);
            }
        } else {
            // A singular count noun is usually one word after adjectives: keep up to the first noun-like word.
            let keep = words.iter().position(|&w| !is_adjective_like(self.key(w))).map_or(words.len(), |p| p + 1);
            words.truncate(keep);
        }
        let phrase = words.iter().map(|&w| self.key(w)).collect::<Vec<_>>().join(" ");
        (words.last().map_or(i, |&w| w + 1), Some(phrase))
    }

    fn push_date(&mut self, date: String, a: usize, end: usize) {
        self.push_full(FigureKind::Date, None, None, None, a, end, a, Some(date));
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: FigureKind,
        value: Option<f64>,
        unit: Option<String>,
        qual: Option<(Qualifier, String)>,
        a: usize,
        end: usize,
        num_tok: usize,
    ) {
        self.push_full(kind, value, unit, qual, a, end, num_tok, None);
    }

    #[allow(clippy::too_many_arguments)]
    fn push_full(
        &mut self,
        kind: FigureKind,
        value: Option<f64>,
        unit: Option<String>,
        qual: Option<(Qualifier, String)>,
        a: usize,
        end: usize,
        num_tok: usize,
        date: Option<String>,
    ) {
        let t = self.t;
        let last = end.saturating_sub(1).max(a);
        let (qualifier, qualifier_text) = match qual {
            Some((q, s)) => (Some(q), Some(s)),
            None => (None, None),
        };
        self.out.push(RawFigure {
            kind,
            value,
            unit,
            qualifier,
            qualifier_text,
            date,
            start: t.toks[a].start as usize,
            end: t.toks[last].end as usize,
            toks: (a, last),
            num_tok,
        });
    }
}

/// The participle a verb of harm or rescue gives the bare number after it
/// ("killing 12", "injured 52", "rescued 40"): what the number counts.
fn casualty_participle(verb: &str) -> Option<&'static str> {
    Some(match verb {
        "killing" | "killed" => "killed",
        "injuring" | "injured" => "injured",
        "wounding" | "wounded" => "wounded",
        "hurting" => "hurt",
        "rescuing" | "rescued" => "rescued",
        "evacuating" | "evacuated" => "evacuated",
        "arresting" | "arrested" => "arrested",
        "detaining" | "detained" => "detained",
        _ => return None,
    })
}

/// Words after which "over" means "about" or "because of" ("jailed over", "row over").
fn is_over_governor(w: &str) -> bool {
    matches!(
        w,
        "jailed"
            | "sentenced"
            | "convicted"
            | "charged"
            | "arrested"
            | "sued"
            | "fined"
            | "row"
            | "rows"
            | "dispute"
            | "disputes"
            | "concern"
            | "concerns"
            | "fears"
            | "fear"
            | "talks"
            | "clash"
            | "clashes"
            | "probe"
            | "investigation"
            | "anger"
            | "outrage"
            | "protest"
            | "protests"
            | "questions"
            | "worries"
            | "battle"
            | "fight"
            | "feud"
            | "standoff"
            | "lawsuit"
            | "case"
            | "trial"
            | "quit"
            | "resigns"
            | "resigned"
            | "sacked"
            | "fired"
            | "ousted"
            | "jail"
    )
}

/// A rough plural test for English nouns.
pub fn is_plural(w: &str) -> bool {
    if w.ends_with("wards")
        || matches!(w, "always" | "perhaps" | "nevertheless" | "besides" | "sometimes" | "thus" | "afterwards")
    {
        return false;
    }
    matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "police"
            | "staff"
            | "personnel"
            | "troops"
            | "cattle"
            | "folk"
            | "sheep"
            | "fish"
            | "aircraft"
            | "equipment"
            | "livestock"
            | "data"
            | "media"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "crew"
            | "military"
            | "infantry"
            | "artillery"
    ) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

fn is_adjective_like(w: &str) -> bool {
    w.ends_with("al")
        || w.ends_with("ive")
        || w.ends_with("ous")
        || w.ends_with("ful")
        || w.ends_with("ic")
        || w.ends_with("new")
        || matches!(
            w,
            "new"
                | "big"
                | "small"
                | "large"
                | "major"
                | "further"
                | "additional"
                | "extra"
                | "other"
                | "different"
                | "key"
                | "main"
                | "single"
                | "only"
                | "full"
                | "high-level"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn figs(text: &str) -> Vec<RawFigure> {
        let lex = Lexicon::get();
        let t = tokenize(text, lex);
        find(&t, lex)
    }

    fn one(text: &str) -> RawFigure {
        let f = figs(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().unwrap()
    }

    fn money(text: &str) -> (f64, String) {
        let f = one(text);
        assert_eq!(f.kind, FigureKind::Money, "{text}");
        (f.value.unwrap(), f.unit.unwrap())
    }

    #[test]
    fn money_forms() {
        assert_eq!(money("It cost £2.7 billion."), (2.7e9, "GBP".into()));
        assert_eq!(money("It raised €3.5bn."), (3.5e9, "EUR".into()));
        assert_eq!(money("A $250m fund."), (250e6, "USD".into()));
        assert_eq!(money("It paid US$3 million."), (3e6, "USD".into()));
        assert_eq!(money("Worth AU$2 billion."), (2e9, "AUD".into()));
        assert_eq!(money("It raised 3.5 billion euros."), (3.5e9, "EUR".into()));
        assert_eq!(money("It raised 6.5bn pounds."), (6.5e9, "GBP".into()));
        assert_eq!(money("A fine of ¥300,000 was paid."), (300_000.0, "JPY".into()));
        // Shillings written the Kenyan way, glued to the amount.
        assert_eq!(money("A course now costs Sh650 at chemists."), (650.0, "KES".into()));
        assert_eq!(money("The county set aside KSh25 million."), (25e6, "KES".into()));
        assert_eq!(money("The ministry set aside Sh1.6 billion."), (1.6e9, "KES".into()));
        // After a name, a sum it pays.
        assert_eq!(money("The regulator fined Vestbank 48.6 million euros on Thursday."), (48.6e6, "EUR".into()));
        // Crowns in a story from a country that pays in them.
        assert_eq!(
            money("The Czech government in Prague agreed a 41.5 billion crown package."),
            (41.5e9, "CZK".into())
        );
        assert_eq!(money("Prague will spend 265 billion crowns, the Czech minister said."), (265e9, "CZK".into()));
        assert_eq!(money("In Lima, the airline said each day cost it S/ 12 million."), (12e6, "PEN".into()));
        assert_eq!(money("The Czech pension rise of Kč1,050 a month was agreed."), (1050.0, "CZK".into()));
    }

    #[test]
    fn abbreviations_and_word_like_iso_codes() {
        assert_eq!(money("an emergency fund of Rp 250 billion"), (250e9, "IDR".into()));
        assert_eq!(money("a pay offer worth R1.9bn was rejected"), (1.9e9, "ZAR".into()));
        assert_eq!(money("a one-off payment of R5,000 per worker"), (5000.0, "ZAR".into()));
        assert_eq!(money("the council set aside R12 million for repairs"), (12e6, "ZAR".into()));
        assert_eq!(money("shares closed at A$14.82 on Friday"), (14.82, "AUD".into()));
        for s in
            ["Traffic on the R2 motorway was stopped.", "The R 4 letter grade was dropped.", "She took the R5 bus."]
        {
            assert!(figs(s).iter().all(|f| f.kind != FigureKind::Money), "{s}");
        }
        assert_eq!(money("assets of MAD 9.5bn under management"), (9.5e9, "MAD".into()));
        assert!(figs("They were mad 9 times out of ten.").iter().all(|f| f.kind != FigureKind::Money));
    }

    #[test]
    fn a_letter_is_a_currency_only_where_the_story_is() {
        // A Lagos port concession; a Kano clinic; a Texas plant.
        assert_eq!(money("The Lagos port authority awarded the concession for N41.2bn."), (41.2e9, "NGN".into()));
        assert_eq!(money("Nigeria's central bank held the rate at N1,520 to the dollar."), (1520.0, "NGN".into()));
        assert!(figs("The clinic in Kano ran out of N95 masks.").iter().all(|f| f.kind != FigureKind::Money));
        assert!(figs("The Texas plant made N4,000 units of type N.").iter().all(|f| f.kind != FigureKind::Money));
        // An amount before a product's number, in a headline.
        assert_eq!(money("Senate panel to probe N832.9bn 5G sale in Abuja, Nigeria"), (832.9e9, "NGN".into()));
        assert_eq!(money("Regulator to review $1.2 billion 4K streaming deal"), (1.2e9, "USD".into()));
        // Pesos written "P" in Manila, dinars "JD" in Amman, riyals "QR" in Doha.
        assert_eq!(money("Manila's road agency said the Philippine levee cost P420 million."), (420e6, "PHP".into()));
        assert_eq!(money("Jordan will lend JD200 million for the pumping station."), (200e6, "JOD".into()));
        assert_eq!(money("The Qatari fund put in QR1.5 billion."), (1.5e9, "QAR".into()));
        assert_eq!(money("The Philippine senate saw Php545 billion in projects."), (545e9, "PHP".into()));
        assert!(figs("The Kenyan firm sold P420 million units.").iter().all(|f| f.kind != FigureKind::Money));
        // Rupees written "Rs" in a story from Nepal, shillings "Sh" in one from Tanzania.
        let f = figs("Floods hit Nepal. The Nepali government released Rs 50 million for relief.");
        assert_eq!(f[0].unit.as_deref(), Some("NPR"));
        let f = figs("In Tanzania, Tanzanian farmers were paid Sh650 a kilo.");
        assert_eq!(f[0].unit.as_deref(), Some("TZS"));
        assert_eq!(money("The Indian board earned Rs 152.2 million."), (152.2e6, "INR".into()));
        // Mongolian and Lao amounts.
        assert_eq!(money("The city added ₮3.2 billion for vaccines."), (3.2e9, "MNT".into()));
        assert_eq!(money("Damage was put at 1,850 billion kip."), (1.85e12, "LAK".into()));
    }

    #[test]
    fn a_currency_many_countries_use_is_the_one_of_the_story() {
        let f = figs("Flooding in Colombia has cut power to Medellín. Colombian officials pledged 40 million pesos.");
        assert_eq!(f.iter().find(|f| f.kind == FigureKind::Money).and_then(|f| f.unit.as_deref()), Some("COP"));
        // The most named country without pesos does not decide.
        let f = figs("The ship was built in Norway and refitted in Norway. Argentina's navy said the owner would pay 2 million pesos.");
        assert_eq!(f.iter().find(|f| f.kind == FigureKind::Money).and_then(|f| f.unit.as_deref()), Some("ARS"));
        // A story that writes the currency out elsewhere means it: a Taiwanese
        // shipowner owes a canal authority "US$41.5m" and "310 million dollars".
        let f = figs("Taiwan's Hsu Lines owes the canal US$41.5m in tolls. The canal will claim 310 million dollars.");
        let units: Vec<_> = f.iter().filter(|f| f.kind == FigureKind::Money).map(|f| f.unit.as_deref()).collect();
        assert_eq!(units, vec![Some("USD"), Some("USD")]);
        let f = figs("The club paid 40 million pesos for the striker.");
        assert_eq!(f[0].unit.as_deref(), Some("MXN"), "no country named: the table's default");
    }

    #[test]
    fn money_over_a_line_break_in_wrapped_text() {
        let text = "The country is fully committed to working with allies to step up\n\
                    support to ensure the region is in the strongest possible position\n\
                    to secure peace and is stepping up support, providing £7.5\n\
                    billion of military support this year, more than ever before.\n";
        let f = figs(text);
        let m = f.iter().find(|f| f.kind == FigureKind::Money).unwrap();
        assert_eq!(m.value, Some(7.5e9));
        assert_eq!(&text[m.start..m.end], "£7.5\nbillion");
    }

    #[test]
    fn counts_with_nouns_and_qualifiers() {
        let f = one("The firm will supply over 3,000 electric buses to the city.");
        assert_eq!(
            (f.kind, f.value, f.unit.as_deref(), f.qualifier),
            (FigureKind::Count, Some(3000.0), Some("electric buses"), Some(Qualifier::Over))
        );
        let f = one("It will provide more than three thousand electric buses for them.");
        assert_eq!(
            (f.value, f.unit.as_deref(), f.qualifier),
            (Some(3000.0), Some("electric buses"), Some(Qualifier::MoreThan))
        );
        let f = one("At least 19 people were killed in the flood.");
        assert_eq!((f.value, f.unit.as_deref(), f.qualifier), (Some(19.0), Some("people"), Some(Qualifier::AtLeast)));
        let f = one("Officials said 30 defence ministers set out to attend.");
        assert_eq!(f.unit.as_deref(), Some("defence ministers"));
        let f = one("Some 1,200 homes were flooded.");
        assert_eq!((f.value, f.qualifier), (Some(1200.0), Some(Qualifier::Around)));
        let f = one("Nearly two hundred and fifty workers lost their jobs.");
        assert_eq!((f.value, f.qualifier), (Some(250.0), Some(Qualifier::Almost)));
    }

    #[test]
    fn a_word_in_ly_before_a_plural_noun_is_part_of_the_noun() {
        let count = |s: &str| {
            let f = one(s);
            assert_eq!(f.kind, FigureKind::Count, "{s}");
            (f.value.unwrap(), f.unit.unwrap())
        };
        assert_eq!(count("The app has about 120 million monthly users."), (120e6, "monthly users".into()));
        // A participle that is also a verb of speech, before the counted noun.
        assert_eq!(count("The freeze covers 271 stressed municipalities."), (271.0, "stressed municipalities".into()));
        assert_eq!(count("He filed nine sworn affidavits with the court."), (9.0, "sworn affidavits".into()));
        // Two adjectives of one noun; but two nouns stay apart.
        assert_eq!(
            count("Five regional and international lenders signed."),
            (5.0, "regional and international lenders".into())
        );
        assert_eq!(count("It hired 30 men and women."), (30.0, "men".into()));
        // Not when it says something.
        let f = figs("Asked by the 40 tenants' groups, 12 stressed that rents were too high.");
        assert!(f.iter().all(|f| !f.unit.as_deref().unwrap_or("").contains("stressed")), "{f:?}");
        assert_eq!(count("The carmaker will shut two assembly lines in Győr."), (2.0, "assembly lines".into()));
        assert_eq!(count("Airlines cut 30 daily flights to the island."), (30.0, "daily flights".into()));
        // An adverb is no part of it.
        assert!(figs("Exports fell by 4,000 annually until 2020.")
            .iter()
            .all(|f| f.unit.as_deref() != Some("annually")));
    }

    #[test]
    fn elliptical_count_takes_the_noun_before() {
        let f = figs("It creates 200 new jobs and supports a further 700.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].unit.as_deref(), Some("jobs"));
    }

    #[test]
    fn percentages() {
        for (t, v) in [
            ("spending 2.5% of GDP.", 2.5),
            ("a rate of 12.5 % now.", 12.5),
            ("up 7 percent today.", 7.0),
            ("down 2.5 per cent.", 2.5),
            ("rose seven per cent.", 7.0),
        ] {
            let f = one(t);
            assert_eq!((f.kind, f.value), (FigureKind::Percent, Some(v)), "{t}");
        }
        // After a name: the share it won, not part of the name.
        let shares: Vec<Option<f64>> =
            figs("The Farmers' Union 12.6% and the Liberal Forum 6.1 per cent.").iter().map(|f| f.value).collect();
        assert_eq!(shares, vec![Some(12.6), Some(6.1)]);
    }

    #[test]
    fn dates() {
        let d = |t: &str| one(t).date.unwrap();
        assert_eq!(d("It was announced on 12 February 2025 by them."), "2025-02-12");
        assert_eq!(d("Published 5th Apr 2025"), "2025-04-05");
        assert_eq!(d("They met in Kyiv on 10 July with leaders."), "--07-10");
        assert_eq!(d("The summit in March 2025 was short."), "2025-03");
        assert_eq!(d("It opened on April 7, 2025 downtown."), "2025-04-07");
        assert_eq!(d("The rule applies from 2027 onwards."), "2027");
        assert_eq!(d("The release came on 2025-04-05 quietly."), "2025-04-05");
        assert_eq!(d("They chaired it in February for the first time."), "--02");
    }

    #[test]
    fn durations_and_ordinals() {
        let f = one("He accepted a 60-day interim ceasefire.");
        assert_eq!((f.kind, f.value, f.unit.as_deref()), (FigureKind::Duration, Some(60.0), Some("day")));
        // A measure written as a compound counts its unit, as "450 km" does.
        let f = one("Egypt will build a 380-kilometre canal to the lakes.");
        assert_eq!((f.kind, f.value, f.unit.as_deref()), (FigureKind::Count, Some(380.0), Some("kilometres")));
        assert!(figs("They signed a four-point plan and won 2-1.").is_empty());
        let f = one("They will chair the 31st meeting of the group.");
        assert_eq!((f.kind, f.value, f.unit.as_deref()), (FigureKind::Ordinal, Some(31.0), Some("meeting")));
        assert!(figs("This is the first time they met.").is_empty());
    }

    #[test]
    fn bare_numbers_after_verbs_of_harm_count_the_harmed() {
        // A mine collapse, reported twice: the same two counts either way round.
        let a = figs("The collapse killed 12 miners, injuring at least 30.");
        let b = figs("Twelve miners died and 30 injured were taken to hospital.");
        let inj_a = a.iter().find(|f| f.unit.as_deref() == Some("injured")).expect("injuring at least 30");
        assert_eq!((inj_a.value, inj_a.qualifier), (Some(30.0), Some(Qualifier::AtLeast)));
        assert!(b.iter().any(|f| f.unit.as_deref() == Some("injured") && f.value == Some(30.0)));
        let k = one("The blast killed 7 and wounded dozens.");
        let more = one("Divers recovered three more bodies on Monday.");
        assert_eq!((more.value, more.unit.as_deref()), (Some(3.0), Some("bodies")));
        assert_eq!((k.value, k.unit.as_deref()), (Some(7.0), Some("killed")));
        // Without such a verb a bare number is no count.
        assert!(figs("He was 52 when he retired.").is_empty());
        assert!(figs("The score was level at 52.").is_empty());
    }

    #[test]
    fn not_figures() {
        for t in [
            "Watch at 0:44 now.",
            "Windows 11 was released.",
            "The FTSE 100 fell.",
            "They upgraded to 5G networks.",
            "This work delivers on the four-point plan.",
            "The game ended 2-1 at home.",
            "Meet at 3pm sharp.",
            "Services came back at about 11 p.m.\n\nThe bank apologised.",
            "One of them left.",
            "He said it was the one that mattered.",
        ] {
            assert!(figs(t).is_empty(), "{t}: {:?}", figs(t));
        }
    }
}
