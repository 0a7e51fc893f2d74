//! Re-save a model with another decode beam, as `dyad train parser --decode-beam K`
//! would have written it (same weights; the options and dev-score metadata are
//! rewritten): `rebeam IN OUT K DEV.conllu`. For experiments and quick checks; the
//! shipped model comes from `dyad train parser`.
use std::path::Path;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let mut m = dyad_nlp::Model::load(Path::new(&a[1])).unwrap();
    let k: usize = a[3].parse().unwrap();
    // 0 means "the training width", as in `dyad train parser --decode-beam 0`.
    let options = m.meta("options").unwrap().to_string();
    let trained: usize = options.split("beam: ").nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
    m.set_beam(if k == 0 { trained } else { k });
    let dev = dyad_nlp::conllu::read_file(Path::new(&a[4])).unwrap();
    let s = dyad_nlp::eval::evaluate(&m, &dev);
    for (key, v) in m.meta.iter_mut() {
        if key == "options" {
            let start = v.find("decode_beam: ").unwrap() + "decode_beam: ".len();
            let end = start + v[start..].find(',').unwrap();
            v.replace_range(start..end, &k.to_string());
        }
        if key == "dev_scores" {
            *v = format!("upos={:.2} xpos={:.2} lemma={:.2} uas={:.2} las={:.2}", s.upos, s.xpos, s.lemma, s.uas, s.las);
        }
    }
    m.save(Path::new(&a[2])).unwrap();
    eprintln!("{:?}", m.meta);
}
