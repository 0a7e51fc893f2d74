//! Readers for the PETRARCH-2 / TABARI dictionary formats: verb patterns (`CAMEO.2.0.txt`
//! and the older linear `PETR.Validate.verbs.txt`), actors with dated codes, agents,
//! discards, and UniversalPetrarch's internal coding ontology (PICO).
//!
//! The formats are described in PETRARCH-2's `docs/source/dictionaries.rst` and in the
//! headers of the files themselves; the readers here follow those descriptions, but where
//! PETRARCH silently drops or misreads a line (a 7-digit date, a name indented like a
//! date line) they say so, with file and line.
//!
//! Comment conventions shared by all of them: `<!-- ... -->` (possibly over several lines),
//! `#` to the end of the line, and the KEDS/TABARI `;` to the end of the line.

pub mod actors;
pub mod agents;
pub mod discards;
pub mod pico;
pub mod verbs;

use crate::text::{self, XmlComments};

/// The significant part of each line: comments removed, trailing whitespace trimmed.
/// Leading whitespace is kept (a leading tab marks an actor's date restriction).
pub(crate) fn significant_lines(text: &str, semicolon_comments: bool) -> Vec<(u32, String)> {
    let mut xml = XmlComments::new();
    let mut out = Vec::new();
    for (n, raw) in text::lines(text) {
        let s = xml.strip(raw);
        let mut s: &str = text::strip_hash_comment(&s);
        if semicolon_comments {
            if let Some(i) = s.find(';') {
                s = &s[..i];
            }
        }
        let s = s.trim_end();
        if s.trim_start().is_empty() {
            continue;
        }
        if s.contains("---STOP---") {
            break;
        }
        out.push((n, s.to_string()));
    }
    out
}

/// Lowercase words of a PETRARCH phrase: words are separated by `_` or blanks, and a
/// trailing `_` (TABARI's "no stemming" mark) is dropped.
pub(crate) fn phrase_words(s: &str) -> Vec<Box<str>> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().into_boxed_str())
        .collect()
}

/// A PETRARCH phrase as a display name: "ABDEL_FATTAH_EL-SISI_" → "Abdel Fattah El-Sisi".
pub(crate) fn display_name(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(title_case)
        .collect();
    words.join(" ")
}

fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'';
    }
    out
}

/// English regular plural as PETRARCH forms it: -Y → -IES, -S → -SES, else -S.
pub(crate) fn regular_plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y') {
        format!("{stem}ies")
    } else if word.ends_with('s') {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_words() {
        assert_eq!(display_name("ABDEL_FATTAH_EL-SISI_"), "Abdel Fattah El-Sisi");
        assert_eq!(display_name("MOHAMED_ELBARADEI_ "), "Mohamed Elbaradei");
        let w = phrase_words("SECURITY SERVICE_");
        assert_eq!(w.iter().map(|b| &**b).collect::<Vec<_>>(), ["security", "service"]);
        assert_eq!(regular_plural("authority"), "authorities");
        assert_eq!(regular_plural("boss"), "bosses");
        assert_eq!(regular_plural("soldier"), "soldiers");
    }
}
