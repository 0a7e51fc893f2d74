//! Train and score outside the CLI, for quick experiments:
//! `cargo run --release -p dyad-nlp --example experiment -- TRAIN DEV OUT [tagger_epochs parser_epochs folds]`
use std::path::Path;

use dyad_nlp::{conllu, eval, train};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let train_s = conllu::read_file(Path::new(&a[1])).unwrap();
    let dev_s = conllu::read_file(Path::new(&a[2])).unwrap();
    let mut opts = train::TrainOptions::default();
    if a.len() > 4 {
        opts.tagger_epochs = a[4].parse().unwrap();
        opts.parser_epochs = a[5].parse().unwrap();
        opts.folds = a[6].parse().unwrap();
    }
    if let Ok(b) = std::env::var("BEAM") {
        opts.beam = b.parse().unwrap();
    }
    let (model, scores) = train::train(&train_s, &dev_s, &opts, &mut |l| eprintln!("{l}"));
    eprintln!("dev: {scores:?}");
    let bytes = model.to_bytes();
    std::fs::write(&a[3], &bytes).unwrap();
    eprintln!("wrote {} bytes", bytes.len());
    let t = std::time::Instant::now();
    let m = dyad_nlp::Model::from_bytes(&bytes, "x").unwrap();
    eprintln!("load {:?}", t.elapsed());
    for p in a.iter().skip(7) {
        let g = conllu::read_file(Path::new(p)).unwrap();
        eprintln!("{p}: {:?}", eval::evaluate(&m, &g));
    }
}
