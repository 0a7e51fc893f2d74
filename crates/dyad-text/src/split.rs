//! Sentence splitting for news prose.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets that
//! follow) when the next word could start a sentence. What makes news hard is the period
//! that does not end anything: titles ("Gen. Belousov"), initials ("Lloyd J. Austin"),
//! dotted abbreviations ("the U.S. ambassador"), months ("Feb. 24"), decimals and
//! thousands ("1,348", "3.5"). Quotes that end in a comma ("… get everyone out," said
//! Zelensky.) never split, because only a terminal mark can end a sentence. Splitting
//! never crosses a paragraph: callers hand over one paragraph at a time.

use crate::abbrev::{is_abbreviation, never_ends_sentence};
use dyad_model::Span;

/// Sentences longer than this are cut at a space: no real sentence is this long, and
/// an unbounded one (a 200 MB line of garbage) must not make the tokenizer and parser
/// allocate without limit.
pub const MAX_SENTENCE_BYTES: usize = 4096;

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '}', '»'];

/// Words that, capitalized after an abbreviation's period, show that a new sentence
/// began ("… from the U.S. The ministry …").
const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On",
    "At", "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our",
    "Meanwhile", "However", "After", "Before", "When", "While", "As", "If", "According",
    "Some", "Many", "Both", "Other", "So", "Yet", "Still", "Also", "Since", "Earlier",
    "Later", "Last", "On", "For", "Now", "Then", "What", "Why", "How", "Who",
];

/// Split one paragraph (starting at byte `base` of the article) into sentence spans,
/// each trimmed of surrounding whitespace.
pub fn split_sentences(paragraph: &str, base: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let bytes = paragraph.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let is_terminal = matches!(b, b'.' | b'!' | b'?') || (b == 0xE2 && paragraph[i..].starts_with('…'));
        if !is_terminal {
            i += 1;
            continue;
        }
        // The run of terminal marks and closers that ends here.
        let mut j = i;
        let mut only_one_period = true;
        let mut marks = 0;
        while j < bytes.len() {
            let c = paragraph[j..].chars().next().unwrap();
            if matches!(c, '.' | '!' | '?' | '…') {
                marks += 1;
                if c != '.' || marks > 1 {
                    only_one_period = false;
                }
                j += c.len_utf8();
            } else {
                break;
            }
        }
        while j < bytes.len() {
            let c = paragraph[j..].chars().next().unwrap();
            if CLOSERS.contains(&c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let boundary = j;
        let next_word_start = paragraph[j..]
            .find(|c: char| !c.is_whitespace())
            .map(|k| j + k);
        let followed_by_space = j == bytes.len() || paragraph[j..].starts_with(char::is_whitespace);
        let ends = followed_by_space
            && match next_word_start {
                None => true,
                Some(k) => {
                    let next = &paragraph[k..];
                    let next_word = next.split(char::is_whitespace).next().unwrap_or("");
                    let first = next.chars().next().unwrap();
                    if first.is_lowercase() {
                        false
                    } else if only_one_period && b == b'.' {
                        let word = word_before(paragraph, i);
                        if word.is_empty() {
                            true
                        } else if never_ends_sentence(word) {
                            false
                        } else if is_abbreviation(word) {
                            let bare = next_word.trim_matches(|c: char| !c.is_alphanumeric());
                            SENTENCE_STARTERS.contains(&bare)
                                || next.starts_with(['"', '“', '‘'])
                        } else {
                            true
                        }
                    } else {
                        true
                    }
                }
            };
        if ends {
            push_trimmed(&mut spans, paragraph, base, start, boundary);
            start = boundary;
        }
        i = boundary.max(i + 1);
    }
    push_trimmed(&mut spans, paragraph, base, start, paragraph.len());
    spans
}

/// The word that a period at byte `dot` ends, without opening punctuation.
fn word_before(text: &str, dot: usize) -> &str {
    let before = &text[..dot];
    let start = before.rfind(char::is_whitespace).map(|k| k + 1).unwrap_or(0);
    before[start..].trim_start_matches(|c: char| !c.is_alphanumeric())
}

fn push_trimmed(spans: &mut Vec<Span>, text: &str, base: usize, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let (mut a, b) = (start + lead, end - trail);
    if a >= b {
        return;
    }
    // Cut overlong runs at the last space before the limit.
    while b - a > MAX_SENTENCE_BYTES {
        let mut cut = a + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[a..cut];
        let cut = match window.rfind(char::is_whitespace) {
            Some(k) if k > 0 => a + k,
            _ => cut,
        };
        spans.push(Span::new(base + a, base + cut));
        a = cut + text[cut..].len() - text[cut..].trim_start().len();
    }
    if a < b {
        spans.push(Span::new(base + a, base + b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, 0).into_iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn quotes_ending_in_a_comma_stay_whole() {
        let p = "“We are thinking of all our people in Russian captivity. We are continuing our work to get everyone out,” said Zelensky. Like the Russian Defense Ministry, he thanked the United Arab Emirates.";
        assert_eq!(
            split(p),
            [
                "“We are thinking of all our people in Russian captivity.",
                "We are continuing our work to get everyone out,” said Zelensky.",
                "Like the Russian Defense Ministry, he thanked the United Arab Emirates."
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_split() {
        assert_eq!(split("Gen. Valery Gerasimov met Lt. Col. J. Smith on Feb. 24 in the U.S. capital."), ["Gen. Valery Gerasimov met Lt. Col. J. Smith on Feb. 24 in the U.S. capital."]);
        assert_eq!(split("The number was 1,348. It rose 3.5 percent."), ["The number was 1,348.", "It rose 3.5 percent."]);
        assert_eq!(split("No. 10 said so."), ["No. 10 said so."]);
    }

    #[test]
    fn an_abbreviation_can_end_a_sentence_when_a_new_one_clearly_starts() {
        assert_eq!(split("Arms came from the U.S. The ministry said nothing."), ["Arms came from the U.S.", "The ministry said nothing."]);
    }

    #[test]
    fn question_and_exclamation_marks_and_closing_quotes() {
        assert_eq!(split("“Why?” he asked. “Now!” They left."), ["“Why?” he asked.", "“Now!”", "They left."]);
        assert_eq!(split("He said (in a letter.) Then left."), ["He said (in a letter.)", "Then left."]);
    }

    #[test]
    fn spans_are_offset_by_base_and_trimmed() {
        let spans = split_sentences("  One.  Two. ", 10);
        assert_eq!(spans, [Span::new(12, 16), Span::new(18, 22)]);
    }

    #[test]
    fn overlong_runs_are_cut_at_spaces() {
        let text = "word ".repeat(3000);
        let spans = split_sentences(&text, 0);
        assert!(spans.len() >= 3);
        assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        assert!(spans.iter().all(|s| !s.of(&text).starts_with(' ') && !s.of(&text).ends_with(' ')));
    }
}
