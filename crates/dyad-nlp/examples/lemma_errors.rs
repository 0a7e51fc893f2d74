//! Lemma error listing for analysis: `lemma_errors MODEL GOLD`
use std::collections::HashMap;
use std::path::Path;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let m = dyad_nlp::Model::load(Path::new(&a[1])).unwrap();
    let g = dyad_nlp::conllu::read_file(Path::new(&a[2])).unwrap();
    let mut sc = dyad_nlp::Scratch::default();
    let (mut n, mut wrong_tag, mut wrong_gold_tag) = (0, 0, 0);
    let mut errs: HashMap<String, usize> = HashMap::new();
    let mut tag_errs: HashMap<String, usize> = HashMap::new();
    for s in &g {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let an = m.analyse(&forms, &mut sc);
        let xp: Vec<String> = (0..an.len()).map(|i| an.xpos(i).to_string()).collect();
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            let l = m.lemma(&w.form, &xp[i]);
            if l != w.lemma {
                let lg = m.lemma(&w.form, &w.xpos);
                if lg == w.lemma { wrong_tag += 1; *tag_errs.entry(format!("{}\t{}->{}\t{}\t{}", w.form, w.xpos, xp[i], w.lemma, l)).or_default() += 1; } else { wrong_gold_tag += 1; *errs.entry(format!("{}\t{}\t{}\t{}", w.form, w.xpos, w.lemma, lg)).or_default() += 1; }
            }
        }
    }
    println!("words {n}; errors fixed by gold tag {wrong_tag}; errors even with gold tag {wrong_gold_tag}");
    let mut v: Vec<_> = errs.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    for (k, c) in v.iter().take(40) { println!("{c}\t{k}"); }
    println!("--- caused by tags (form, gold->predicted xpos, gold lemma, ours)");
    let mut v: Vec<_> = tag_errs.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    for (k, c) in v.iter().take(40) { println!("{c}\t{k}"); }
}
// (tag confusions are printed by the `confusions` example)
