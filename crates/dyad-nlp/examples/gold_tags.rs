//! LAS with the tagger's tags and with gold tags: `gold_tags MODEL GOLD...`
use std::path::Path;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let m = dyad_nlp::Model::load(Path::new(&a[1])).unwrap();
    let mut sc = dyad_nlp::Scratch::default();
    for p in &a[2..] {
        let g = dyad_nlp::conllu::read_file(Path::new(p)).unwrap();
        let (mut n, mut u, mut l) = (0, 0, 0);
        for s in &g {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let tags: Vec<(&str, &str)> = s.words.iter().map(|w| (w.upos.as_str(), w.xpos.as_str())).collect();
            let (hs, ls) = m.attachment_with_tags(&forms, &tags, &mut sc);
            for (i, w) in s.words.iter().enumerate() {
                n += 1;
                if Some(hs[i] as usize) == w.head {
                    u += 1;
                    l += (ls[i].split(':').next() == w.deprel.split(':').next()) as usize;
                }
            }
        }
        let s = dyad_nlp::eval::evaluate(&m, &g);
        println!("{p}: predicted tags UAS {:.2} LAS {:.2}; gold tags UAS {:.2} LAS {:.2}", s.uas, s.las, 100.0 * u as f64 / n as f64, 100.0 * l as f64 / n as f64);
    }
}
