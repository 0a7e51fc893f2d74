//! Tokenization in the conventions of Universal Dependencies English (EWT).
//!
//! The parser is trained on EWT, so the tokenizer must cut words where EWT's annotators
//! did, or the parser sees tokens it never learned: clitics split off as separate
//! syntactic words of one surface token ("don't" = do + n't, "Russia's" = Russia + 's,
//! "cannot" = can + not), hyphenated compounds split ("search-engine" = search - engine)
//! except after bound prefixes ("e-mail", "non-profit", "post-war"), punctuation split
//! off, but numbers ("1,348", "3.5", "9/11", "5:00"), URLs, e-mail addresses and
//! abbreviations ("Gen.", "U.S.") kept whole.
//!
//! Every word keeps its byte span in the article; a clitic split also records a
//! [`Multiword`] group so CoNLL-U output and evaluation see one surface token.

use crate::abbrev::is_abbreviation;
use dyad_model::{Multiword, Span, Token};

/// The words of one sentence and the multiword groups among them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tokens {
    pub words: Vec<Token>,
    pub multiwords: Vec<Multiword>,
}

/// Tokenize `text`, whose first byte stands at `base` in the article.
pub fn tokenize(text: &str, base: usize) -> Tokens {
    let mut out = Tokens::default();
    let chunks: Vec<(usize, &str)> = whitespace_chunks(text).collect();
    let last = chunks.len().saturating_sub(1);
    for (i, &(offset, chunk)) in chunks.iter().enumerate() {
        let mut t = Tokenizer { out: &mut out, base: base + offset, chunk };
        t.chunk(i == last);
    }
    out
}

/// Maximal runs of non-whitespace with their byte offsets.
fn whitespace_chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &text[pos..];
        let start = pos + rest.find(|c: char| !c.is_whitespace())?;
        let len = text[start..].find(char::is_whitespace).unwrap_or(text.len() - start);
        pos = start + len;
        Some((start, &text[start..pos]))
    })
}

struct Tokenizer<'a> {
    out: &'a mut Tokens,
    /// Byte offset of `chunk` in the article.
    base: usize,
    chunk: &'a str,
}

const OPENING: &[char] = &['"', '“', '‘', '(', '[', '{', '«', '‹', '<', '`', '„', '‚', '*'];
const CLOSING: &[char] =
    &['"', '”', '’', ')', ']', '}', '»', '›', '>', ',', ';', ':', '!', '?', '*', '\''];
const CURRENCY: &[char] = &['$', '€', '£', '¥', '₴', '₽', '₹', '#'];

impl Tokenizer<'_> {
    fn push(&mut self, start: usize, end: usize) {
        let form = self.chunk[start..end].to_string();
        self.out.words.push(Token {
            form,
            span: Span::new(self.base + start, self.base + end),
            ..Default::default()
        });
    }

    fn chunk(&mut self, sentence_final: bool) {
        let s = self.chunk;
        if is_url_or_email(s) {
            // Keep the address whole, but not the punctuation a sentence put after it.
            let end = s.trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '”', '\'']).len();
            self.push(0, end);
            self.trailing(end, s.len());
            return;
        }
        // Leading punctuation, one token each (but runs of the same char are one: "``").
        let mut start = 0;
        while start < s.len() {
            let c = s[start..].chars().next().unwrap();
            let is_open = OPENING.contains(&c) || c == '\'' || c == '’' || c == '-' || c == '–' || c == '—';
            // An apostrophe that starts a clitic or a year ("'s", "'90s") is not a quote.
            if !is_open || starts_clitic(&s[start..]) || is_elided_year(&s[start..]) {
                break;
            }
            // "--", "---", "..." and "-5" stay as units.
            if c == '-' && s[start + 1..].starts_with(|d: char| d.is_ascii_digit()) {
                break;
            }
            let run = run_len(&s[start..], c);
            self.push(start, start + run);
            start += run;
        }
        if start >= s.len() {
            return;
        }
        // Trailing punctuation, collected from the right, then pushed in order.
        let mut end = s.len();
        let mut tail: Vec<(usize, usize)> = Vec::new();
        loop {
            let core = &s[start..end];
            let Some(c) = core.chars().next_back() else { break };
            if c == '.' {
                let dots = core.len() - core.trim_end_matches('.').len();
                let word = &core[..core.len() - dots];
                if dots == 1 && !word.is_empty() && is_abbreviation(word) && !(sentence_final && tail.is_empty()) {
                    break; // "Gen." keeps its period
                }
                if word.is_empty() {
                    break;
                }
                tail.push((end - dots, end));
                end -= dots;
                continue;
            }
            if c == '…' {
                tail.push((end - c.len_utf8(), end));
                end -= c.len_utf8();
                continue;
            }
            if (c == '\'' || c == '’') && core.len() > 2 {
                // A plural possessive ("soldiers'") is a clitic, handled below.
                let before = core[..core.len() - c.len_utf8()].chars().next_back();
                if matches!(before, Some('s') | Some('S')) && !has_opening_single_quote(s) {
                    break;
                }
            }
            if CLOSING.contains(&c) || c == '-' || c == '–' || c == '—' {
                // ":)" and similar are rare in news; a run of the same mark is one token.
                let run = if c == '!' || c == '?' {
                    core.len() - core.trim_end_matches(['!', '?']).len()
                } else {
                    core.len() - core.trim_end_matches(c).len()
                };
                let run_start = end - run;
                if run_start == start {
                    break; // the whole core is punctuation: keep it as one token below
                }
                if c == '-' && !core[..core.len() - run].ends_with(char::is_alphanumeric) {
                    break;
                }
                tail.push((run_start, end));
                end = run_start;
                continue;
            }
            if c == '%' && end - start > 1 {
                tail.push((end - 1, end));
                end -= 1;
                continue;
            }
            break;
        }
        if start < end {
            self.core(start, end);
        }
        for &(a, b) in tail.iter().rev() {
            self.push(a, b);
        }
    }

    fn trailing(&mut self, from: usize, to: usize) {
        let mut pos = from;
        while pos < to {
            let c = self.chunk[pos..].chars().next().unwrap();
            let run = run_len(&self.chunk[pos..to], c);
            self.push(pos, pos + run);
            pos += run;
        }
    }

    /// A word without its surrounding punctuation: currency signs, clitics, hyphens,
    /// slashes and internal punctuation.
    fn core(&mut self, mut start: usize, end: usize) {
        let s = self.chunk;
        // "$100", "€5bn": the sign is its own token.
        if let Some(c) = s[start..end].chars().next() {
            if CURRENCY.contains(&c) && s[start + c.len_utf8()..end].starts_with(|d: char| d.is_ascii_digit()) {
                self.push(start, start + c.len_utf8());
                start += c.len_utf8();
            }
        }
        if let Some(parts) = clitic_split(&s[start..end]) {
            let first = self.out.words.len();
            let mut pos = start;
            for &len in parts.iter() {
                self.push(pos, pos + len);
                pos += len;
            }
            self.out.multiwords.push(Multiword {
                first,
                last: self.out.words.len() - 1,
                form: s[start..end].to_string(),
                span: Span::new(self.base + start, self.base + end),
            });
            return;
        }
        self.split_inner(start, end);
    }

    /// Split at hyphens, dashes, slashes and other marks between letters.
    fn split_inner(&mut self, start: usize, end: usize) {
        let s = &self.chunk[start..end];
        if s.chars().all(|c| c.is_alphanumeric()) || is_number_like(s) {
            self.push(start, end);
            return;
        }
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut piece_start = 0;
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map(|&(_, d)| d);
            let prev_piece = &s[piece_start..i];
            let splits = match c {
                '-' => hyphen_splits(prev_piece, &s[i + 1..]),
                '–' | '—' => true,
                '/' => {
                    let right = s[i + 1..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                    prev_piece.chars().count() >= 2
                        && prev_piece.chars().all(char::is_alphabetic)
                        && right.chars().count() >= 2
                }
                ',' | ';' | '!' | '?' | '"' | '“' | '”' | '(' | ')' => {
                    // "1,348" stays; "words,glued" splits.
                    !(c == ',' && prev_piece.ends_with(|d: char| d.is_ascii_digit())
                        && next.is_some_and(|d| d.is_ascii_digit()))
                }
                _ => false,
            };
            if splits {
                if piece_start < i {
                    pieces.push((piece_start, i));
                }
                pieces.push((i, i + c.len_utf8()));
                piece_start = i + c.len_utf8();
            }
        }
        if piece_start < s.len() {
            pieces.push((piece_start, s.len()));
        }
        for (a, b) in pieces {
            self.push(start + a, start + b);
        }
    }
}

/// Bound prefixes that EWT keeps attached to the hyphen ("e-mail", "non-profit").
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro", "multi", "ex", "sub",
    "semi", "cross", "neo", "psycho", "socio", "counter", "intra", "inter", "vice", "micro",
    "un", "ultra", "bi", "tri", "pan", "trans", "mini", "macro", "quasi", "pseudo", "extra",
    "geo", "euro", "afro", "infra", "hyper", "mega", "para", "meta",
];

fn hyphen_splits(left: &str, right: &str) -> bool {
    if left.is_empty() || right.is_empty() {
        return false;
    }
    let left_num = left.chars().all(|c| c.is_ascii_digit());
    let right_num = right.starts_with(|c: char| c.is_ascii_digit());
    if left_num && right_num {
        return false; // "4-12", "713-853-3989"
    }
    let lower = left.to_lowercase();
    !HYPHEN_PREFIXES.contains(&lower.as_str())
}

/// The clitic splits of EWT, as byte lengths of the parts; `None` when the word is not
/// split.
fn clitic_split(word: &str) -> Option<Vec<usize>> {
    let lower = word.to_lowercase();
    // Whole-word contractions written without an apostrophe split at fixed places.
    let fixed: Option<&[usize]> = match lower.as_str() {
        "cannot" => Some(&[3, 3]),
        "gonna" | "wanna" => Some(&[3, 2]),
        "gotta" => Some(&[3, 2]),
        "dont" => Some(&[2, 2]),
        "didnt" => Some(&[3, 2]),
        "doesnt" => Some(&[4, 2]),
        "isnt" => Some(&[2, 2]),
        "wasnt" => Some(&[3, 2]),
        "cant" => Some(&[2, 2]),
        "im" if word == "Im" || word == "im" => Some(&[1, 1]),
        _ => None,
    };
    if let Some(parts) = fixed {
        if lower.is_ascii() {
            return Some(parts.to_vec());
        }
    }
    // n't (also with a curly apostrophe): "can't" = ca + n't, "won't" = wo + n't.
    for apos in ["n't", "n’t"] {
        if lower.len() > apos.len() && lower.ends_with(apos) {
            let cut = word.len() - apos.len();
            return Some(vec![cut, apos.len()]);
        }
    }
    for suffix in ["'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m", "`s"] {
        if lower.len() > suffix.len() && lower.ends_with(suffix) {
            let cut = word.len() - suffix.len();
            let stem = &word[..cut];
            // "rock'n'roll", "Sha'lan": an apostrophe inside the stem means a name.
            if stem.contains(['\'', '’']) || !stem.chars().next_back().is_some_and(char::is_alphanumeric) {
                return None;
            }
            return Some(vec![cut, suffix.len()]);
        }
    }
    // Plural possessive: "soldiers'" = soldiers + '.
    for apos in ['\'', '’'] {
        if let Some(stem) = word.strip_suffix(apos) {
            if stem.len() > 1 && stem.ends_with(['s', 'S']) && stem.chars().all(char::is_alphabetic) {
                return Some(vec![stem.len(), apos.len_utf8()]);
            }
        }
    }
    None
}

fn starts_clitic(s: &str) -> bool {
    let lower = s.to_lowercase();
    ["'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m", "n't"]
        .iter()
        .any(|c| lower == *c)
}

fn is_elided_year(s: &str) -> bool {
    let rest = s.trim_start_matches(['\'', '’']);
    // "'90s": an apostrophe, then two digits (byte-safe: the text may be any Unicode).
    rest.len() < s.len() && rest.bytes().take(2).filter(u8::is_ascii_digit).count() == 2
}

fn has_opening_single_quote(s: &str) -> bool {
    s.starts_with(['\'', '‘'])
}

fn run_len(s: &str, c: char) -> usize {
    s.len() - s.trim_start_matches(c).len()
}

/// "1,348", "3.5", "9/11", "5:00", "11/28/2000", "2-1": digits joined by marks.
fn is_number_like(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-')
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | '/' | ':' | '-' | '+'))
        && !s.chars().filter(|c| c.is_ascii_alphabetic()).nth(4).is_some()
}

fn is_url_or_email(s: &str) -> bool {
    let lower = s.trim_start_matches(OPENING).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") || lower.starts_with("mailto:") {
        return true;
    }
    if let Some(at) = lower.find('@') {
        let domain = &lower[at + 1..];
        return at > 0 && domain.contains('.') && !domain.starts_with('.');
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        tokenize(text, 0).words.into_iter().map(|t| t.form).collect()
    }

    #[test]
    fn splits_clitics_as_multiword_tokens() {
        let t = tokenize("I don't think Russia's army can't", 0);
        let f: Vec<_> = t.words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(f, ["I", "do", "n't", "think", "Russia", "'s", "army", "ca", "n't"]);
        assert_eq!(t.multiwords.len(), 3);
        assert_eq!(t.multiwords[0].form, "don't");
        assert_eq!((t.multiwords[0].first, t.multiwords[0].last), (1, 2));
        assert_eq!(t.multiwords[1].form, "Russia's");
    }

    #[test]
    fn curly_apostrophes_and_plural_possessives() {
        assert_eq!(forms("Ukraine’s soldiers' families"), ["Ukraine", "’s", "soldiers", "'", "families"]);
        assert_eq!(forms("cannot"), ["can", "not"]);
    }

    #[test]
    fn punctuation_and_quotes_split_off() {
        assert_eq!(
            forms("“We are continuing our work to get everyone out,” said Zelensky."),
            ["“", "We", "are", "continuing", "our", "work", "to", "get", "everyone", "out", ",", "”", "said", "Zelensky", "."]
        );
        assert_eq!(forms("(Reuters) -"), ["(", "Reuters", ")", "-"]);
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(forms("was 1,348 and 3.5% on 9/11 at 5:00"), ["was", "1,348", "and", "3.5", "%", "on", "9/11", "at", "5:00"]);
        assert_eq!(forms("$100"), ["$", "100"]);
    }

    #[test]
    fn abbreviations_keep_their_period_except_at_sentence_end() {
        assert_eq!(forms("Gen. Lloyd J. Austin of the U.S. Army"), ["Gen.", "Lloyd", "J.", "Austin", "of", "the", "U.S.", "Army"]);
        assert_eq!(forms("arms from the U.S."), ["arms", "from", "the", "U.S", "."]);
        assert_eq!(forms("He left."), ["He", "left", "."]);
    }

    #[test]
    fn hyphens_split_except_after_bound_prefixes() {
        assert_eq!(forms("a search-engine"), ["a", "search", "-", "engine"]);
        assert_eq!(forms("e-mail post-war"), ["e-mail", "post-war"]);
        assert_eq!(forms("call 713-853-3989"), ["call", "713-853-3989"]);
        assert_eq!(forms("Kharkiv – Kyiv"), ["Kharkiv", "–", "Kyiv"]);
        assert_eq!(forms("and/or"), ["and", "/", "or"]);
    }

    #[test]
    fn urls_and_emails_stay_whole() {
        assert_eq!(forms("see https://example.org/a-b."), ["see", "https://example.org/a-b", "."]);
        assert_eq!(forms("mail carol.st.clair@enron.com,"), ["mail", "carol.st.clair@enron.com", ","]);
    }

    #[test]
    fn spans_point_back_into_the_text() {
        let text = "Moscow threatened Washington’s envoy.";
        let t = tokenize(text, 100);
        for w in &t.words {
            assert_eq!(&text[w.span.start - 100..w.span.end - 100], w.form);
        }
    }

    #[test]
    fn a_quote_before_multibyte_text_does_not_panic() {
        // Found by the html_ingest fuzz target: a byte slice inside a multibyte character.
        assert_eq!(forms("'\u{FFFD}x"), ["'", "\u{FFFD}x"]);
        assert_eq!(forms("the '90s"), ["the", "'90s"]);
    }

    #[test]
    fn ellipses_and_mark_runs_are_one_token() {
        assert_eq!(forms("wait... what?!"), ["wait", "...", "what", "?!"]);
    }
}
