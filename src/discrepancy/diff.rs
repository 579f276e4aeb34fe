//! Word-level alignment and diffs, for quotes that drift and copies that are spun.

/// One step of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Same(String),
    /// Words of the first text replaced by words of the second.
    Swap(Vec<String>, Vec<String>),
    Del(Vec<String>),
    Ins(Vec<String>),
}

/// Longest common subsequence table of two word lists, for backtracking.
fn lcs_table<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Vec<u16>> {
    let mut t = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            t[i][j] = if a[i] == b[j] { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
        }
    }
    t
}

/// Length of the longest common subsequence of two word lists.
pub fn lcs_len<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    // Two rows are enough for the length.
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as usize
}

/// The matched index pairs of an LCS alignment of `a` and `b`.
pub fn lcs_pairs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let t = lcs_table(a, b);
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// A word diff of `a` against `b`, comparing by `key` (folded words) but keeping
/// the words as written.
pub fn diff(a: &[&str], b: &[&str], key: impl Fn(&str) -> String) -> Vec<Edit> {
    let ka: Vec<String> = a.iter().map(|w| key(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| key(w)).collect();
    let pairs = lcs_pairs(&ka, &kb);
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let own = |ws: &[&str]| ws.iter().map(|w| (*w).to_string()).collect::<Vec<_>>();
    for (pi, pj) in pairs.into_iter().chain(std::iter::once((a.len(), b.len()))) {
        let (da, db) = (&a[i..pi], &b[j..pj]);
        match (da.is_empty(), db.is_empty()) {
            (false, false) => out.push(Edit::Swap(own(da), own(db))),
            (false, true) => out.push(Edit::Del(own(da))),
            (true, false) => out.push(Edit::Ins(own(db))),
            (true, true) => {}
        }
        if pi < a.len() {
            out.push(Edit::Same(a[pi].to_string()));
        }
        i = pi + 1;
        j = pj + 1;
    }
    out
}

/// A diff as one line: unchanged words plain, changes as `[-old-]{+new+}`.
pub fn render(edits: &[Edit]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for e in edits {
        match e {
            Edit::Same(w) => parts.push(w.clone()),
            Edit::Swap(x, y) => parts.push(format!("[-{}-]{{+{}+}}", x.join(" "), y.join(" "))),
            Edit::Del(x) => parts.push(format!("[-{}-]", x.join(" "))),
            Edit::Ins(y) => parts.push(format!("{{+{}+}}", y.join(" "))),
        }
    }
    parts.join(" ")
}

/// Whether a diff changes anything.
pub fn changes(edits: &[Edit]) -> bool {
    edits.iter().any(|e| !matches!(e, Edit::Same(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(w: &str) -> String {
        crate::text::fold(w.trim_matches(|c: char| !c.is_alphanumeric()))
    }

    #[test]
    fn word_diff_marks_swaps() {
        let a: Vec<&str> = "We will not jeopardise the peace".split(' ').collect();
        let b: Vec<&str> = "We cannot jeopardise the peace".split(' ').collect();
        let d = diff(&a, &b, k);
        assert_eq!(render(&d), "We [-will not-]{+cannot+} jeopardise the peace");
        assert!(changes(&d));
        let same = diff(&a, &a, k);
        assert!(!changes(&same));
    }

    #[test]
    fn lcs() {
        assert_eq!(lcs_len(&[1, 2, 3, 4], &[1, 3, 4, 5]), 3);
        assert_eq!(lcs_pairs(&["a", "b", "c"], &["b", "c"]), vec![(1, 0), (2, 1)]);
    }
}
