//! Most frequent XPOS confusions: `confusions MODEL GOLD`
use std::collections::HashMap;
use std::path::Path;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let m = dyad_nlp::Model::load(Path::new(&a[1])).unwrap();
    let g = dyad_nlp::conllu::read_file(Path::new(&a[2])).unwrap();
    let mut sc = dyad_nlp::Scratch::default();
    let mut conf: HashMap<String, usize> = HashMap::new();
    let mut n = 0;
    for s in &g {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let an = m.analyse(&forms, &mut sc);
        for (i, w) in s.words.iter().enumerate() {
            if an.xpos(i) != w.xpos || an.upos(i) != w.upos { n += 1; *conf.entry(format!("{}/{} -> {}/{}", w.xpos, w.upos, an.xpos(i), an.upos(i))).or_default() += 1; }
        }
    }
    println!("{n} tag errors");
    let mut v: Vec<_> = conf.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    for (k, c) in v.iter().take(30) { println!("{c}\t{k}"); }
}
