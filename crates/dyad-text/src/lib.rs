//! Text in, sentences out: the first two stages of dyad's flow.
//!
//! ```text
//! files, folders, stdin --ingest--> Article --clean--> units --split--> sentences --tokenize--> tokens
//! ```
//!
//! - [`ingest`] reads plain text, JSON Lines and HTML ([`html`]) into
//!   [`dyad_model::Article`]s, reporting each bad input by name and going on.
//! - [`clean`] sorts paragraphs into title, heading, caption and body units, and drops
//!   wire-copy debris (credits, bylines, trailers; datelines become metadata).
//! - [`split`] cuts units into sentences; [`tokenize`] cuts sentences into words in the
//!   conventions of UD English, which the parser in `dyad-nlp` is trained on.
//!
//! This crate knows nothing about parsing or events. Its output, a
//! [`dyad_model::Document`], is what every later stage enriches.

pub mod abbrev;
pub mod clean;
pub mod eval;
pub mod html;
pub mod ingest;
pub mod split;
pub mod tokenize;

use dyad_model::{Article, Document, Sentence, Span, UnitKind};

pub use clean::{clean, Layout, Unit};
pub use ingest::{read, Format, IngestError, Options};

/// Clean, split and tokenize an article into a [`Document`].
pub fn segment(mut article: Article) -> Document {
    let layout = clean(&article.text);
    let sentences: Vec<Sentence> = sentences(&article.text, &layout.units).collect();
    if article.dateline.is_none() {
        article.dateline = layout.dateline;
    }
    Document { article, sentences, debris: layout.debris }
}

/// The sentences of `units` of `text`, lazily, so that a caller that only prints them
/// holds one sentence at a time.
pub fn sentences<'a>(text: &'a str, units: &'a [Unit]) -> impl Iterator<Item = Sentence> + 'a {
    units.iter().flat_map(move |unit| {
        // A title, heading or caption is one unit even when it holds a period.
        let spans = if unit.kind == UnitKind::Body {
            split::split_sentences(unit.span.of(text), unit.span.start)
        } else {
            vec![unit.span]
        };
        spans.into_iter().map(move |span| sentence(text, span, unit.kind, unit.paragraph))
    })
}

/// Split and tokenize text without cleaning it: every paragraph is body text. This is
/// what the segmentation evaluation measures, since gold treebanks have no debris.
pub fn segment_raw(text: &str) -> Vec<Sentence> {
    clean::paragraphs(text)
        .into_iter()
        .enumerate()
        .flat_map(|(i, p)| {
            split::split_sentences(p.of(text), p.start)
                .into_iter()
                .map(move |span| sentence(text, span, UnitKind::Body, i))
        })
        .collect()
}

fn sentence(text: &str, span: Span, kind: UnitKind, paragraph: usize) -> Sentence {
    let tokens = tokenize::tokenize(span.of(text), span.start);
    Sentence {
        text: span.of(text).to_string(),
        span,
        kind,
        paragraph,
        tokens: tokens.words,
        multiwords: tokens.multiwords,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_keeps_spans_consistent_with_the_article_text() {
        let article = ingest::plain_text(
            "Title line here\n\nKYIV, June 25 (Reuters) - Zelensky said Ukraine’s army held. It's over.\n\n“We are home,” he said.\n".into(),
            &Options::default(),
        );
        let doc = segment(article);
        assert_eq!(doc.article.dateline.as_deref(), Some("KYIV, June 25 (Reuters) -"));
        let texts: Vec<_> = doc.sentences.iter().map(|s| (s.kind, s.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (UnitKind::Title, "Title line here"),
                (UnitKind::Body, "Zelensky said Ukraine’s army held."),
                (UnitKind::Body, "It's over."),
                (UnitKind::Body, "“We are home,” he said."),
            ]
        );
        for s in &doc.sentences {
            assert_eq!(s.span.of(&doc.article.text), s.text);
            for t in &s.tokens {
                assert_eq!(t.span.of(&doc.article.text), t.form);
            }
        }
    }
}
