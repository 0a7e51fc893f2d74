//! `dyad eval …`: measure a stage against gold data. Every evaluation prints a table for
//! people and, as its last line, one JSON object with its figures for scripts.

use std::path::PathBuf;

use dyad_model::{Sentence, Span};
use dyad_text::eval::{score, Counts, Scores};
use serde_json::json;

#[derive(clap::Subcommand, Debug)]
pub enum EvalCommand {
    /// Score sentence splitting and tokenization against a UD treebank.
    ///
    /// Rebuilds each document's raw text from the `# text =` lines (`# newdoc` and
    /// `# newpar` give document and paragraph breaks), runs dyad's splitter and tokenizer
    /// on it, and scores sentences, surface tokens and syntactic words by character spans
    /// as the CoNLL 2018 shared task does.
    ///
    /// Example: dyad eval segment --gold ../shared/data/ud/en_ewt-ud-test.conllu
    Segment(SegmentEvalArgs),
}

#[derive(clap::Args, Debug)]
pub struct SegmentEvalArgs {
    /// Gold CoNLL-U file.
    #[arg(long, value_name = "FILE.conllu")]
    pub gold: PathBuf,
}

pub fn run(cmd: EvalCommand) -> anyhow::Result<()> {
    match cmd {
        EvalCommand::Segment(args) => segment(args),
    }
}

fn segment(args: SegmentEvalArgs) -> anyhow::Result<()> {
    let gold_blocks = dyad_nlp::conllu::read_file(&args.gold).map_err(|e| crate::user_error!("{e}"))?;
    if gold_blocks.is_empty() {
        return Err(crate::user_error!("{}: no sentences in the file", args.gold.display()));
    }
    let (text, gold) = rebuild_text(&gold_blocks);
    let start = std::time::Instant::now();
    let system = dyad_text::segment_raw(&text);
    let seconds = start.elapsed().as_secs_f64();
    let scores: Scores = score(&gold, &system);

    println!("gold: {} ({} bytes of text)", args.gold.display(), text.len());
    println!("{:<10} {:>8} {:>8} {:>8} {:>9} {:>7} {:>7}", "", "gold", "system", "correct", "precision", "recall", "F1");
    for (name, c) in [("sentences", scores.sentences), ("tokens", scores.tokens), ("words", scores.words)] {
        println!(
            "{name:<10} {:>8} {:>8} {:>8} {:>9.2} {:>7.2} {:>7.2}",
            c.gold, c.system, c.correct, c.precision(), c.recall(), c.f1()
        );
    }
    let figures = |c: Counts| json!({"gold": c.gold, "system": c.system, "correct": c.correct, "precision": round(c.precision()), "recall": round(c.recall()), "f1": round(c.f1())});
    println!(
        "{}",
        json!({
            "gold": args.gold.display().to_string(),
            "sentence_f1": round(scores.sentences.f1()),
            "token_f1": round(scores.tokens.f1()),
            "word_f1": round(scores.words.f1()),
            "sentences": figures(scores.sentences),
            "tokens": figures(scores.tokens),
            "words": figures(scores.words),
            "mb_per_second": round(text.len() as f64 / 1e6 / seconds.max(1e-9)),
        })
    );
    Ok(())
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The raw text the treebank was made from, and its gold sentences with spans into it.
fn rebuild_text(blocks: &[dyad_nlp::conllu::ConlluSentence]) -> (String, Vec<Sentence>) {
    let mut text = String::new();
    let mut gold = Vec::with_capacity(blocks.len());
    for block in blocks {
        let new_par = block.comment("newdoc id").is_some()
            || block.comments.iter().any(|c| c.trim_start().starts_with("newdoc") || c.trim_start().starts_with("newpar"));
        if !text.is_empty() {
            text.push_str(if new_par { "\n\n" } else { " " });
        }
        let base = text.len();
        let mut sentence = dyad_nlp::conllu::to_sentence(block);
        text.push_str(&sentence.text);
        let shift = |s: Span| Span::new(s.start + base, s.end + base);
        sentence.span = shift(sentence.span);
        for t in &mut sentence.tokens {
            t.span = shift(t.span);
        }
        for m in &mut sentence.multiwords {
            m.span = shift(m.span);
        }
        gold.push(sentence);
    }
    (text, gold)
}

