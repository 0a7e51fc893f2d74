//! `dyad eval parser`: tagging, lemma and attachment scores with gold tokenization.

use std::path::PathBuf;

use serde_json::json;

#[derive(clap::Args, Debug)]
pub struct ParserEvalArgs {
    /// Gold CoNLL-U file; its words are re-annotated from their forms alone.
    #[arg(long, value_name = "FILE.conllu")]
    pub gold: PathBuf,

    /// A model file written by `dyad train parser` instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,

    /// Parse with this beam width instead of the model's (wider is slower and
    /// usually a little more accurate; 1 is greedy).
    #[arg(long, value_name = "K")]
    pub beam: Option<usize>,
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub fn run(args: ParserEvalArgs) -> anyhow::Result<()> {
    let load_start = std::time::Instant::now();
    let mut model = super::parse::load_model(args.model.as_deref())?;
    let load_ms = load_start.elapsed().as_secs_f64() * 1000.0;
    if let Some(k) = args.beam {
        model.set_beam(k);
    }
    let gold = dyad_nlp::conllu::read_file(&args.gold).map_err(|e| crate::user_error!("{e}"))?;
    if gold.is_empty() {
        return Err(crate::user_error!("{}: no sentences in the file", args.gold.display()));
    }
    let s = dyad_nlp::eval::evaluate(&model, &gold);
    println!("gold: {} ({} sentences, {} words)", args.gold.display(), s.sentences, s.words);
    println!(
        "model: {} (beam {})",
        args.model.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "built-in".into()),
        model.beam()
    );
    println!("{:<26} {:>7}", "metric", "score");
    for (name, v) in [
        ("UPOS", s.upos),
        ("XPOS", s.xpos),
        ("lemma", s.lemma),
        ("FEATS", s.feats),
        ("UAS", s.uas),
        ("LAS (universal relation)", s.las),
        ("LAS (with subtypes)", s.las_full),
    ] {
        println!("{name:<26} {v:>7.2}");
    }
    println!("{:<26} {:>7.0}  ({:.2} s tag+lemma+parse, one thread)", "tokens/second", s.tokens_per_second, s.seconds);
    if let Some(t) = s.tokens_per_cpu_second {
        println!("{:<26} {:>7.0}  (on-CPU time of the thread; differs from the above when the machine is busy)", "tokens/CPU-second", t);
    }
    println!("{:<26} {:>7.0}", "model load (ms)", load_ms);
    println!(
        "{}",
        json!({
            "gold": args.gold.display().to_string(),
            "sentences": s.sentences,
            "words": s.words,
            "upos": round(s.upos),
            "xpos": round(s.xpos),
            "lemma": round(s.lemma),
            "feats": round(s.feats),
            "uas": round(s.uas),
            "las": round(s.las),
            "las_full": round(s.las_full),
            "tokens_per_second": s.tokens_per_second.round(),
            "tokens_per_cpu_second": s.tokens_per_cpu_second.map(f64::round),
            "model_load_ms": round(load_ms),
        })
    );
    Ok(())
}
