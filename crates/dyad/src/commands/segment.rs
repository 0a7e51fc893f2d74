//! `dyad segment`: ingest, clean, split and tokenize, and show the result.

use std::io::Write;

use anyhow::Context;
use dyad_model::{Document, UnitKind};
use serde::Serialize;

use crate::input::{for_each_article, InputArgs};

#[derive(clap::Args, Debug)]
pub struct SegmentArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output: `jsonl` (a sentence a line, with tokens and spans), `conllu`, or `text`
    /// (one unit a line, with its kind, plus the dropped debris).
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: SegmentFormat,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentFormat {
    Jsonl,
    Conllu,
    Text,
}

#[derive(Serialize)]
struct SentenceLine<'a> {
    article_id: &'a str,
    sentence_index: usize,
    #[serde(flatten)]
    sentence: &'a dyad_model::Sentence,
}

pub fn run(args: SegmentArgs) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let summary = for_each_article(&args.input, |article| {
        let doc = dyad_text::segment(article);
        write_document(&mut out, &doc, args.format)?;
        Ok(!doc.sentences.is_empty())
    })?;
    out.flush().context("writing output")?;
    summary.report("segmented", "with no text to segment");
    summary.into_result()
}

fn write_document(out: &mut impl Write, doc: &Document, format: SegmentFormat) -> anyhow::Result<()> {
    let id = doc.article.id.as_str();
    match format {
        SegmentFormat::Jsonl => {
            for (i, s) in doc.sentences.iter().enumerate() {
                serde_json::to_writer(&mut *out, &SentenceLine { article_id: id, sentence_index: i, sentence: s })?;
                out.write_all(b"\n")?;
            }
        }
        SegmentFormat::Conllu => {
            writeln!(out, "# newdoc id = {id}")?;
            let mut paragraph = usize::MAX;
            for (i, s) in doc.sentences.iter().enumerate() {
                let mut comments = Vec::new();
                if s.paragraph != paragraph {
                    paragraph = s.paragraph;
                    comments.push(format!(" newpar id = {id}-p{}", paragraph + 1));
                }
                comments.push(format!(" sent_id = {id}-{}", i + 1));
                if s.kind != UnitKind::Body {
                    comments.push(format!(" unit = {}", kind_name(s.kind)));
                }
                let block = dyad_nlp::conllu::from_sentence(s, comments);
                dyad_nlp::conllu::write_sentence(&mut *out, &block)?;
            }
        }
        SegmentFormat::Text => {
            writeln!(out, "# article {id}{}", doc.article.published.map(|d| format!(" published {d}")).unwrap_or_default())?;
            if let Some(d) = &doc.article.dateline {
                writeln!(out, "dateline\t{d}")?;
            }
            for s in &doc.sentences {
                writeln!(out, "{}\t{}", kind_name(s.kind), s.text.replace('\n', " "))?;
            }
            for d in &doc.debris {
                let kind = serde_json::to_value(d.kind)?;
                writeln!(out, "dropped {}\t{}", kind.as_str().unwrap_or("debris"), d.text.replace('\n', " | "))?;
            }
        }
    }
    Ok(())
}

fn kind_name(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Title => "title",
        UnitKind::Heading => "heading",
        UnitKind::Caption => "caption",
        UnitKind::Body => "body",
    }
}
