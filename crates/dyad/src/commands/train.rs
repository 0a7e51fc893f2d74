//! `dyad train`: build the models dyad ships, from data outside the repository.

use std::path::PathBuf;

use dyad_nlp::train::TrainOptions;
use serde_json::json;

#[derive(clap::Subcommand, Debug)]
pub enum TrainCommand {
    /// Train the tagger, lemmatizer and dependency parser on UD treebanks.
    ///
    /// Deterministic for a given --seed (and independent of --threads). Progress and
    /// per-epoch dev scores go to stderr; the dev scores of the written model are
    /// printed at the end, with a JSON last line.
    ///
    /// Example: dyad train parser --train ../shared/data/ud/en_ewt-ud-train.conllu
    /// --dev ../shared/data/ud/en_ewt-ud-dev.conllu --out models/en_ewt.dyadnlp
    Parser(TrainParserArgs),
}

#[derive(clap::Args, Debug)]
pub struct TrainParserArgs {
    /// Training treebank (CoNLL-U).
    #[arg(long, value_name = "FILE.conllu")]
    pub train: PathBuf,
    /// Development treebank, for early stopping and the reported scores.
    #[arg(long, value_name = "FILE.conllu")]
    pub dev: PathBuf,
    /// Where to write the model.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Maximum tagger epochs (training stops after 3 without dev gain).
    #[arg(long, default_value_t = 12)]
    pub tagger_epochs: usize,
    /// Maximum parser epochs (training stops after 3 without dev gain).
    #[arg(long, default_value_t = 30)]
    pub parser_epochs: usize,
    /// Parser beam width; 1 is greedy (trained with a dynamic oracle).
    #[arg(long, default_value_t = 8)]
    pub beam: usize,
    /// Beam width the written model parses with (0 = --beam). Narrower parses faster,
    /// wider a little more accurately: the shipped model is trained at 8 and parses at
    /// 10 (`--decode-beam 10`), chosen on EWT dev; BENCHMARKS.md has the speeds.
    #[arg(long, default_value_t = 0)]
    pub decode_beam: usize,
    /// Jackknife folds that tag the parser's training data.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Threads for the jackknife; the model does not depend on it.
    #[arg(long, default_value_t = 2)]
    pub threads: usize,
}

pub fn run(cmd: TrainCommand) -> anyhow::Result<()> {
    match cmd {
        TrainCommand::Parser(args) => parser(args),
    }
}

fn parser(args: TrainParserArgs) -> anyhow::Result<()> {
    if args.beam == 0 || args.beam > 256 {
        return Err(crate::user_error!("--beam must be between 1 and 256"));
    }
    let read = |p: &PathBuf| dyad_nlp::conllu::read_file(p).map_err(|e| crate::user_error!("{e}"));
    let train = read(&args.train)?;
    let dev = read(&args.dev)?;
    if train.is_empty() {
        return Err(crate::user_error!("{}: no sentences in the file", args.train.display()));
    }
    let opts = TrainOptions {
        seed: args.seed,
        tagger_epochs: args.tagger_epochs.max(1),
        parser_epochs: args.parser_epochs.max(1),
        folds: args.folds,
        beam: args.beam,
        decode_beam: args.decode_beam,
        threads: args.threads.max(1),
        ..TrainOptions::default()
    };
    let started = std::time::Instant::now();
    let (model, s) = dyad_nlp::train::train(&train, &dev, &opts, &mut |line| eprintln!("{line}"));
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).map_err(|e| crate::user_error!("{}: cannot write: {e}", args.out.display()))?;
    let secs = started.elapsed().as_secs_f64();
    println!("wrote {} ({:.1} MB) in {:.0} s", args.out.display(), bytes.len() as f64 / 1e6, secs);
    println!(
        "dev: UPOS {:.2}  XPOS {:.2}  lemma {:.2}  UAS {:.2}  LAS {:.2}  (LAS with subtypes {:.2})",
        s.upos, s.xpos, s.lemma, s.uas, s.las, s.las_full
    );
    let r = |x: f64| (x * 100.0).round() / 100.0;
    println!(
        "{}",
        json!({"out": args.out.display().to_string(), "bytes": bytes.len(), "seconds": secs.round(), "seed": args.seed,
               "dev": {"upos": r(s.upos), "xpos": r(s.xpos), "lemma": r(s.lemma), "uas": r(s.uas), "las": r(s.las), "las_full": r(s.las_full)}})
    );
    Ok(())
}
