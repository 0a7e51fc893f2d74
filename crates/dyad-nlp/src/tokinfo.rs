//! Per-word hashes computed once per sentence and shared by the tagger, lemmatizer
//! and parser, so that no string is touched inside their inner loops.

use crate::hash::{finish, hash_str, mix};

/// Hashes describing one word form.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokInfo {
    /// Lowercased form.
    pub lower: u64,
    /// The form as written (case kept).
    pub form: u64,
    /// Word shape: letters to X/x, digits to d, runs shortened ("Xxxx", "dd.dd").
    pub shape: u64,
    /// Suffixes of the lowercased form, 1 to 4 characters.
    pub suf: [u64; 4],
    /// Prefixes, 1 to 3 characters.
    pub pre: [u64; 3],
    /// Orthographic flags (digit, hyphen, capitals) as one value.
    pub flags: u64,
}

/// A stand-in for "no word here" (before the start or past the end).
pub const NONE: u64 = 0x6e6f_6e65;

impl TokInfo {
    pub const PAD: TokInfo = TokInfo { lower: NONE, form: NONE, shape: NONE, suf: [NONE; 4], pre: [NONE; 3], flags: NONE };

    pub fn new(form: &str) -> Self {
        let lower = form.to_lowercase();
        let chars: Vec<char> = lower.chars().collect();
        let n = chars.len();
        let mut suf = [NONE; 4];
        for (k, s) in suf.iter_mut().enumerate() {
            let len = k + 1;
            if len <= n {
                let start = chars[..n - len].iter().map(|c| c.len_utf8()).sum::<usize>();
                *s = mix(hash_str(&lower[start..]), len as u64);
            } else {
                *s = mix(hash_str(&lower), 100 + len as u64);
            }
        }
        let mut pre = [NONE; 3];
        for (k, p) in pre.iter_mut().enumerate() {
            let len = (k + 1).min(n);
            let end = chars[..len].iter().map(|c| c.len_utf8()).sum::<usize>();
            *p = mix(hash_str(&lower[..end]), 200 + k as u64);
        }
        let mut shape = String::new();
        let mut last = '\0';
        let mut run = 0;
        let (mut digit, mut hyphen, mut upper, mut lowerc, mut first_upper) = (false, false, false, false, false);
        for (i, c) in form.chars().enumerate() {
            let s = if c.is_uppercase() {
                upper = true;
                if i == 0 {
                    first_upper = true;
                }
                'X'
            } else if c.is_lowercase() {
                lowerc = true;
                'x'
            } else if c.is_ascii_digit() {
                digit = true;
                'd'
            } else {
                if c == '-' {
                    hyphen = true;
                }
                c
            };
            if s == last {
                run += 1;
            } else {
                run = 1;
                last = s;
            }
            if run <= 3 {
                shape.push(s);
            }
        }
        let flags = (digit as u64) | (hyphen as u64) << 1 | (upper as u64) << 2 | (lowerc as u64) << 3 | (first_upper as u64) << 4;
        TokInfo {
            lower: hash_str(&lower),
            form: finish(mix(hash_str(form), 7)),
            shape: finish(mix(hash_str(&shape), 11)),
            suf,
            pre,
            flags,
        }
    }
}
