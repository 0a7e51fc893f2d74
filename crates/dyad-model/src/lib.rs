//! The shared types of dyad — the one document that flows through every stage.
//!
//! dyad's pipeline moves data one way (see `DESIGN.md`): an [`Article`] is read by
//! ingest, segmented into [`Sentence`]s of [`Token`]s by `dyad-text`, the tokens gain
//! tags, lemmas and heads in `dyad-nlp`, and `dyad-coder` reads events off the trees.
//! Every stage enriches the same [`Document`] instead of inventing its own types, so a
//! parse from dyad's own parser and one read from a CoNLL-U file look the same to the
//! coder.
//!
//! This crate does no I/O; it only defines types and their serde forms.

use serde::{Deserialize, Serialize};

pub use jiff::civil::Date;

/// A half-open byte range `[start, end)` into the text that owns it (an article's
/// `text`, for spans held by sentences and tokens).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The slice of `text` this span covers.
    ///
    /// # Panics
    /// If the span does not lie on character boundaries of `text`; spans are only
    /// ever made by the code that owns the text, so this is a bug, not bad input.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// One news item as it arrives: what ingest knows before any language processing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: given by the input, or a hash of the content.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Publication date: the anchor for "on Monday", "yesterday" and the fallback
    /// date of every event in the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The body text, with the title (if any) and paragraphs separated by blank lines.
    pub text: String,
    /// A wire dateline ("KYIV, June 25 (Reuters) -"), kept as metadata once cleaning
    /// has lifted it out of the first sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
}

/// What kind of text unit a sentence belongs to. Headlines and captions are kept,
/// marked, so a coder can decide whether to trust them; debris (credits, agency
/// trailers) never becomes a unit at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// The article's title line(s) before the body.
    Title,
    /// A sub-heading between body paragraphs.
    Heading,
    /// A photo caption.
    Caption,
    /// Running text.
    #[default]
    Body,
}

/// A syntactic word, as Universal Dependencies defines it. Ingest and tokenization
/// fill `form` and `span`; tagging and parsing fill the rest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Token {
    pub form: String,
    /// Where the word stands in the article text. For words made by splitting one
    /// surface token ("do" + "n't" from "don't") each part has its own sub-span.
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upos: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xpos: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lemma: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feats: Option<String>,
    /// 1-based index of the head word in the sentence; 0 is the root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprel: Option<String>,
}

/// A surface token that stands for several syntactic words ("don't" = do + n't,
/// "Russia's" = Russia + 's), as CoNLL-U's `1-2` range lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Multiword {
    /// Index (0-based) of the first word of the group in `Sentence::tokens`.
    pub first: usize,
    /// Index (0-based) of the last word of the group, inclusive.
    pub last: usize,
    pub form: String,
    pub span: Span,
}

/// One sentence (or heading, or caption) of an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    pub span: Span,
    pub kind: UnitKind,
    /// 0-based paragraph number within the article.
    pub paragraph: usize,
    pub tokens: Vec<Token>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub multiwords: Vec<Multiword>,
}

/// Why a stretch of an article's text was left out of its sentences. Cleaning drops
/// wire-copy debris so the coder never reads a photo credit as news, but records what it
/// dropped, so nothing vanishes without a trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DebrisKind {
    /// A photo credit ("© Lisa Ferdinando / Imago Images").
    Credit,
    /// An author line ("By Jane Doe").
    Byline,
    /// A wire dateline ("KYIV, June 25 (Reuters) -"), kept in `Article::dateline`.
    Dateline,
    /// Agency trailers and editors' initials at the end ("cl", "DPA", "source site-30").
    Trailer,
}

/// A part of the article text that is not in any sentence, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debris {
    pub kind: DebrisKind,
    pub span: Span,
    pub text: String,
}

/// An article with its sentences: the value that flows from segmentation onwards.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub article: Article,
    pub sentences: Vec<Sentence>,
    /// What cleaning left out of `sentences`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub debris: Vec<Debris>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_slices_its_text() {
        let text = "Kyiv – Київ";
        let s = Span::new(9, text.len());
        assert_eq!(s.of(text), "Київ");
        assert_eq!(s.len(), 8);
    }

    #[test]
    fn article_round_trips_through_json_with_optional_fields_omitted() {
        let a = Article {
            id: "a1".into(),
            published: Some(jiff::civil::date(2024, 6, 26)),
            text: "Moscow threatened Washington.".into(),
            ..Default::default()
        };
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"published\":\"2024-06-26\""), "{json}");
        assert!(!json.contains("url"), "{json}");
        let back: Article = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn unknown_article_fields_are_ignored_and_missing_ones_default() {
        let a: Article =
            serde_json::from_str(r#"{"id":"x","text":"t","tags":["war"],"published":"2024-06-26"}"#)
                .unwrap();
        assert_eq!(a.published, Some(jiff::civil::date(2024, 6, 26)));
        assert_eq!(a.url, None);
    }
}

/// An actor as an event names it: the contract's `source` and `target` objects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    /// The CAMEO actor code ("USAGOV").
    pub code: String,
    /// ISO 3166-1 alpha-3 country of the actor, when the code starts with one.
    pub country: Option<String>,
    /// The first sector code after the country ("GOV"), if any.
    pub sector: Option<String>,
    /// The resolved actor ("Lloyd Austin"), when the text named a known actor.
    pub name: Option<String>,
    /// The words of the sentence that named the actor.
    pub text: String,
}

impl EventActor {
    /// Split a CAMEO actor code into country and first sector. IGO codes ("IGOEUREEC")
    /// have no country; their sector is "IGO". A role of unknown country ("---GOV") has
    /// no country and its role as sector.
    pub fn split_code(code: &str) -> (Option<String>, Option<String>) {
        if let Some(role) = code.strip_prefix("---") {
            return (None, role.get(..3).filter(|s| s.len() == 3).map(str::to_string));
        }
        let head = code.get(..3).unwrap_or("");
        let is_country = head.len() == 3 && head.chars().all(|c| c.is_ascii_uppercase()) && !matches!(head, "IGO" | "NGO" | "IMG" | "MNC");
        if is_country {
            (Some(head.to_string()), code.get(3..6).filter(|s| s.len() == 3).map(str::to_string))
        } else if head.len() == 3 {
            (None, Some(head.to_string()))
        } else {
            (None, None)
        }
    }
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
}

/// How exact an event's date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A date expression in the text ("on Monday", "March 15, 2023").
    Text,
    /// The article's publication date, for want of one in the text.
    Publication,
}

/// How an event was found: the pattern and the tree path, for `--explain`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    pub pattern: String,
    /// Dictionary file and line of the pattern.
    pub origin: String,
    pub path: String,
}

/// One coded event: the record `dyad code` writes, one JSON object per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub article_id: String,
    pub sentence_index: usize,
    pub sentence: String,
    /// The day the event happened (YYYY-MM-DD), or `None` when neither the text nor the
    /// article gives a date.
    pub date: Option<Date>,
    pub date_precision: Option<DatePrecision>,
    pub date_source: Option<DateSource>,
    /// CAMEO event code ("041").
    pub cameo: String,
    /// Its root ("04").
    pub root: String,
    pub quad_class: Option<u8>,
    pub goldstein: Option<f64>,
    /// PLOVER event type ("CONSULT").
    pub plover: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explanation>,
}

#[cfg(test)]
mod actor_code_tests {
    use super::EventActor;

    #[test]
    fn codes_split_into_country_and_sector() {
        let s = |c: &str| EventActor::split_code(c);
        assert_eq!(s("RUSGOV"), (Some("RUS".into()), Some("GOV".into())));
        assert_eq!(s("UKR"), (Some("UKR".into()), None));
        assert_eq!(s("IGOEUREEC"), (None, Some("IGO".into())));
        // A role whose country the text does not give.
        assert_eq!(s("---REB"), (None, Some("REB".into())));
        assert_eq!(s("---"), (None, None));
    }
}
