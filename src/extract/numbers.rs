//! Numbers as written: digits, number words, scales, months, qualifiers.

use crate::lexicon::with_folded;
use crate::model::Qualifier;

/// The month a word names (capitalised full or abbreviated form), 1-12.
pub fn month_number(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let n = match w {
        "January" | "Jan" | "JANUARY" => 1,
        "February" | "Feb" | "FEBRUARY" => 2,
        "March" | "Mar" | "MARCH" => 3,
        "April" | "Apr" | "APRIL" => 4,
        "May" | "MAY" => 5,
        "June" | "Jun" | "JUNE" => 6,
        "July" | "Jul" | "JULY" => 7,
        "August" | "Aug" | "AUGUST" => 8,
        "September" | "Sep" | "Sept" | "SEPTEMBER" => 9,
        "October" | "Oct" | "OCTOBER" => 10,
        "November" | "Nov" | "NOVEMBER" => 11,
        "December" | "Dec" | "DECEMBER" => 12,
        _ => return None,
    };
    Some(n)
}

/// Parses digits with thousands separators and a decimal point ("4,500.5").
pub fn parse_digits(s: &str) -> Option<f64> {
    let s = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let cleaned: String = s.chars().filter(|&c| c != ',').collect();
    cleaned.parse::<f64>().ok()
}

/// The multiplier a scale word stands for ("billion", "bn", "m").
pub fn scale(w: &str) -> Option<f64> {
    with_folded(w, |l| scale_lower(l.trim_end_matches('.')))
}

fn scale_lower(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "thousands" | "k" => 1e3,
        "million" | "millions" | "m" | "mn" | "mln" | "mil" => 1e6,
        "billion" | "billions" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" | "t" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Whether a scale abbreviation is unambiguous on its own ("bn", not "m" or "k").
pub fn is_clear_scale(w: &str) -> bool {
    !matches!(w, "m" | "k" | "b" | "t" | "M" | "K" | "B" | "T")
}

/// Value of a simple number word ("five", "twenty", "hundred").
fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// A number word as a value: "five", "twenty-five", "Seventy".
pub fn word_value(w: &str) -> Option<f64> {
    let b = w.as_bytes();
    if b.len() < 3 || !matches!(b[0].to_ascii_lowercase(), b'z' | b'n' | b'o' | b't' | b'f' | b's' | b'e' | b'd') {
        return None;
    }
    with_folded(w, word_value_lower)
}

fn word_value_lower(lower: &str) -> Option<f64> {
    if let Some(v) = unit_word(lower) {
        return Some(v);
    }
    let (a, b) = lower.split_once('-')?;
    let (ta, ub) = (unit_word(a)?, unit_word(b)?);
    (ta >= 20.0 && ta % 10.0 == 0.0 && ub < 10.0 && ub > 0.0).then_some(ta + ub)
}

/// Whether a word is a number word or scale word that can continue a spelled number.
pub fn is_number_word(w: &str) -> bool {
    // Every number word is 3 to 17 letters long and starts with one of these.
    let b = w.as_bytes();
    if b.len() < 3
        || b.len() > 17
        || !matches!(
            b[0].to_ascii_lowercase(),
            b'z' | b'n' | b'o' | b't' | b'f' | b's' | b'e' | b'h' | b'm' | b'b' | b'd'
        )
    {
        return false;
    }
    word_value(w).is_some()
        || with_folded(w, |l| matches!(l, "hundred" | "thousand" | "million" | "billion" | "trillion"))
}

/// Value of a spelled ordinal that counts ("third" .. "twentieth", "31st" is digits).
pub fn ordinal_word(w: &str) -> Option<f64> {
    let b = w.as_bytes();
    if b.len() < 5 || !(w.ends_with("th") || w.ends_with("TH") || w.ends_with("rd") || w.ends_with("RD")) {
        return None;
    }
    with_folded(w, ordinal_lower)
}

fn ordinal_lower(w: &str) -> Option<f64> {
    Some(match w {
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "hundredth" => 100.0,
        _ => return None,
    })
}

/// Accumulates a sequence of number words ("two hundred and fifty thousand").
#[derive(Debug, Default)]
pub struct WordNumber {
    total: f64,
    current: f64,
    /// The previous word, if it was a plain number word ("twenty").
    last_small: Option<f64>,
    pub words: usize,
}

impl WordNumber {
    /// Feeds one word; false if it does not continue the number.
    pub fn push(&mut self, w: &str) -> bool {
        with_folded(w, |lower| self.push_lower(lower))
    }

    fn push_lower(&mut self, lower: &str) -> bool {
        if let Some(v) = word_value_lower(lower) {
            // "five six" is not one number; "twenty five" is.
            if let Some(prev) = self.last_small {
                if !(prev >= 20.0 && prev % 10.0 == 0.0 && v < 10.0) {
                    return false;
                }
            }
            self.current += v;
            self.last_small = Some(v);
        } else if lower == "hundred" {
            self.current = self.current.max(1.0) * 100.0;
            self.last_small = None;
        } else if let Some(s) = scale_lower(lower).filter(|_| lower.len() > 2) {
            self.total += self.current.max(1.0) * s;
            self.current = 0.0;
            self.last_small = None;
        } else {
            return false;
        }
        self.words += 1;
        true
    }

    pub fn value(&self) -> f64 {
        self.total + self.current
    }
}

/// Qualifier phrases, longest first, with what they mean.
pub const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::UpTo),
    (&["not", "more", "than"], Qualifier::UpTo),
    (&["at", "the", "least"], Qualifier::AtLeast),
    (&["at", "the", "most"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["as", "few", "as"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::UpTo),
    (&["up", "to"], Qualifier::UpTo),
    (&["less", "than"], Qualifier::Under),
    (&["fewer", "than"], Qualifier::Under),
    (&["close", "to"], Qualifier::Almost),
    (&["just", "over"], Qualifier::Over),
    (&["well", "over"], Qualifier::Over),
    (&["just", "under"], Qualifier::Almost),
    (&["an", "estimated"], Qualifier::Around),
    (&["roughly"], Qualifier::Around),
    (&["around"], Qualifier::Around),
    (&["about"], Qualifier::Around),
    (&["approximately"], Qualifier::Around),
    (&["approx"], Qualifier::Around),
    (&["circa"], Qualifier::Around),
    (&["some"], Qualifier::Around),
    (&["estimated"], Qualifier::Around),
    (&["nearly"], Qualifier::Almost),
    (&["almost"], Qualifier::Almost),
    (&["over"], Qualifier::Over),
    (&["above"], Qualifier::Over),
    (&["under"], Qualifier::Under),
    (&["below"], Qualifier::Under),
];

/// Whether a (lower-case) word names a unit of time, and which.
pub fn time_unit(w: &str) -> Option<&'static str> {
    with_folded(w, time_unit_lower)
}

fn time_unit_lower(w: &str) -> Option<&'static str> {
    Some(match w {
        "second" | "seconds" => "second",
        "minute" | "minutes" => "minute",
        "hour" | "hours" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "fortnight" | "fortnights" => "fortnight",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    })
}

/// The unit of length, area, weight or power a word names, as the plural the
/// lexicon's synonyms group it under ("kilometre" and "km": "kilometres").
pub fn measure_unit(w: &str) -> Option<&'static str> {
    with_folded(w, |w| {
        Some(match w {
            "kilometre" | "kilometres" | "kilometer" | "kilometers" | "km" => "kilometres",
            "mile" | "miles" => "miles",
            "metre" | "metres" | "meter" | "meters" => "metres",
            "tonne" | "tonnes" | "ton" | "tons" => "tonnes",
            "hectare" | "hectares" => "hectares",
            "megawatt" | "megawatts" | "mw" => "megawatts",
            "gigawatt" | "gigawatts" | "gw" => "gigawatts",
            _ => return None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_words() {
        assert_eq!(parse_digits("4,500.5"), Some(4500.5));
        assert_eq!(parse_digits("31st"), Some(31.0));
        assert_eq!(word_value("twenty-five"), Some(25.0));
        assert_eq!(word_value("five-point"), None);
        let mut w = WordNumber::default();
        for x in ["two", "hundred", "fifty", "thousand"] {
            assert!(w.push(x));
        }
        assert_eq!(w.value(), 250_000.0);
        let mut w = WordNumber::default();
        assert!(w.push("five") && w.push("thousand"));
        assert_eq!(w.value(), 5000.0);
        let mut w = WordNumber::default();
        assert!(w.push("twenty") && w.push("five") && !w.push("six"));
        assert_eq!(w.value(), 25.0);
    }

    #[test]
    fn months_need_capitals() {
        assert_eq!(month_number("Apr"), Some(4));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("march"), None);
        assert_eq!(scale("bn"), Some(1e9));
        assert_eq!(ordinal_word("third"), Some(3.0));
        assert_eq!(ordinal_word("first"), None);
    }
}
