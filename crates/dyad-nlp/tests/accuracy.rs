//! The shipped model must keep the EWT-dev scores it was committed with.
//!
//! The floors are the committed model's dev scores (`dyad eval parser --gold
//! en_ewt-ud-dev.conllu`, recorded in BENCHMARKS.md) minus 0.3. Reads the treebank from
//! `$DYAD_DATA/ud` (default `../shared/data` beside the workspace). Without the data the
//! test fails under CI (`CI` set) and is skipped with a message elsewhere.
//!
//! Slow in debug builds (beam search over 25k words): run with `--release` (about 2 s).

use dyad_nlp::{conllu, eval, Model};

// Committed model's EWT dev scores; floors are these minus 0.3.
// `dyad eval parser --gold ../shared/data/ud/en_ewt-ud-dev.conllu` with the model
// committed alongside this file.
const DEV_UPOS: f64 = 95.17;
const DEV_XPOS: f64 = 94.48;
const DEV_LEMMA: f64 = 97.22;
const DEV_UAS: f64 = 87.10;
const DEV_LAS: f64 = 84.17;
const MARGIN: f64 = 0.3;

#[test]
fn shipped_model_keeps_its_ewt_dev_scores() {
    let Some(dev) = dyad_testdata::data_file("ud/en_ewt-ud-dev.conllu") else { return };
    let model = Model::embedded().expect("the shipped model is embedded in this build");
    let gold = conllu::read_file(&dev).unwrap();
    let s = eval::evaluate(&model, &gold);
    eprintln!("EWT dev: {s:?}");
    for (name, got, committed) in [
        ("UPOS", s.upos, DEV_UPOS),
        ("XPOS", s.xpos, DEV_XPOS),
        ("lemma", s.lemma, DEV_LEMMA),
        ("UAS", s.uas, DEV_UAS),
        ("LAS", s.las, DEV_LAS),
    ] {
        assert!(got >= committed - MARGIN, "{name} {got:.2} is below the committed {committed:.2} - {MARGIN}");
    }
}
