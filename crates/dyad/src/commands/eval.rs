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
    /// Run a PETRARCH / UniversalPetrarch validation suite through the coder.
    ///
    /// The suite's `<Environment>` names its dictionaries (found beside the file or in a
    /// `dictionaries` folder beside its folder); `<Config>` switches between records
    /// apply; records marked evaluate="true" (or sentence="true") whose category is in
    /// `<Include>` are scored. A record is exact when the multiset of coded
    /// (source, target, code) triples equals the expected one.
    ///
    /// Example: dyad eval suite ../shared/data/universalpetrarch/validate_2_02/PETR_Validate_records_2_02.xml
    Suite(SuiteEvalArgs),
    /// Score the tagger, lemmatizer and parser with gold tokenization (UPOS, XPOS,
    /// lemma, UAS, LAS as in CoNLL 2018, punctuation included) and their speed.
    ///
    /// Example: dyad eval parser --gold ../shared/data/ud/en_ewt-ud-test.conllu
    Parser(super::eval_parser::ParserEvalArgs),
}

#[derive(clap::Args, Debug)]
pub struct SuiteEvalArgs {
    /// The suite file (.xml).
    pub suite: PathBuf,

    /// Print every record that is not exact, with what was expected and what was coded.
    #[arg(long)]
    pub misses: bool,

    /// Parse each record's <Text> with dyad's own tokenizer and parser instead of using
    /// the <Parse> the suite gives (needed for suites whose parses are not CoNLL-U).
    #[arg(long)]
    pub parse: bool,

    /// A parser model written by `dyad train parser`, for --parse.
    #[arg(long, value_name = "PATH", requires = "parse")]
    pub model: Option<PathBuf>,

    /// How acts announced before they happen are coded. The suites were coded by
    /// PETRARCH's convention (`act`: "will meet" is a meeting); `announced` scores dyad's
    /// default, CAMEO's (an intent or a threat), against them.
    #[arg(long, value_enum, default_value = "act")]
    pub future: super::code::FutureArg,
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
        EvalCommand::Suite(args) => suite(args),
        EvalCommand::Parser(args) => super::eval_parser::run(args),
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


fn suite(args: SuiteEvalArgs) -> anyhow::Result<()> {
    use dyad_coder::{suite, validate};
    let parsed = suite::read(&args.suite).map_err(|e| crate::user_error!("{e}"))?;
    let load_start = std::time::Instant::now();
    let dict = validate::load_dictionaries(&args.suite, &parsed).map_err(|e| crate::user_error!("{e}"))?;
    let load_seconds = load_start.elapsed().as_secs_f64();
    let report = if args.parse {
        let model = super::parse::load_model(args.model.as_deref())?;
        let scratch = std::cell::RefCell::new(dyad_nlp::Scratch::default());
        let parse = |text: &str| -> Vec<dyad_model::Sentence> {
            let mut sentences = dyad_text::segment_raw(text);
            for s in &mut sentences {
                model.annotate(s, &mut scratch.borrow_mut());
            }
            sentences
        };
        validate::run(&parsed, &dict, validate::Parses::Parser(&parse), args.future.into())
    } else {
        validate::run(&parsed, &dict, validate::Parses::Given, args.future.into())
    };

    if args.misses {
        for r in report.records.iter().filter(|r| r.tally.exact == 0) {
            let record = parsed.records.iter().find(|x| x.id == r.id).unwrap();
            println!("MISS {} [{}]: {}", r.id, r.category, record.text);
            println!("  expected: {:?}", record.expected);
            for e in &r.events {
                println!(
                    "  coded:    {} -> {} {}  (pattern `{}`; {})",
                    e.source.as_ref().map(|a| a.code.as_str()).unwrap_or("---"),
                    e.target.as_ref().map(|a| a.code.as_str()).unwrap_or("---"),
                    e.code,
                    e.pattern,
                    e.path
                );
            }
        }
    }
    println!("suite: {} ({} dictionary warnings; dictionaries loaded in {:.2} s)", args.suite.display(), report.dictionary_warnings, load_seconds);
    println!("{:<12} {:>8} {:>6} {:>9} {:>6} {:>6}", "category", "records", "exact", "expected", "found", "extra");
    for (cat, t) in report.by_category.iter().chain(std::iter::once((&"ALL".to_string(), &report.total))) {
        println!("{cat:<12} {:>8} {:>6} {:>9} {:>6} {:>6}", t.records, t.exact, t.expected, t.correct, t.extra);
    }
    let t = report.total;
    println!(
        "{}",
        json!({
            "suite": args.suite.display().to_string(),
            "records": t.records,
            "exact": t.exact,
            "expected": t.expected,
            "correct": t.correct,
            "extra": t.extra,
            "precision": round(t.precision()),
            "recall": round(t.recall()),
            "sentences_per_second": round(t.records as f64 / report.seconds_coding.max(1e-9)),
        })
    );
    Ok(())
}
