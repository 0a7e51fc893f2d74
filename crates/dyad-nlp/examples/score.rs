//! Score a model file on gold CoNLL-U files: `score MODEL GOLD...`
use std::path::Path;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let t = std::time::Instant::now();
    let m = dyad_nlp::Model::load(Path::new(&a[1])).unwrap();
    eprintln!("load {:?} sizes {:?}", t.elapsed(), m.sizes());
    let prune: i16 = std::env::var("PRUNE").ok().map(|v| v.parse().unwrap()).unwrap_or(0);
    let mut m = m;
    if let Ok(b) = std::env::var("BEAM") { m.set_beam(b.parse().unwrap()); }
    let m = if prune > 0 { let p = m.pruned(prune); eprintln!("pruned: {} bytes, sizes {:?}", p.to_bytes().len(), p.sizes()); p } else { m };
    for p in &a[2..] {
        let g = dyad_nlp::conllu::read_file(Path::new(p)).unwrap();
        let s = dyad_nlp::eval::evaluate(&m, &g);
        eprintln!("{p}: upos {:.2} xpos {:.2} lemma {:.2} uas {:.2} las {:.2} las_full {:.2} tok/s {:.0} tok/cpu-s {:.0}", s.upos, s.xpos, s.lemma, s.uas, s.las, s.las_full, s.tokens_per_second, s.tokens_per_cpu_second.unwrap_or(0.0));
    }
}
