//! Lemmatizer alone: train on gold, score on (form, predicted XPOS) against gold
//! lemmas, and list errors: `lemma_exp TRAIN.conllu GOLD.conllu PRED.conllu [N]`
//! (PRED: the same sentences as tagged by the model, e.g. `dyad parse --input conllu`).
use std::collections::HashMap;
use std::path::Path;

use dyad_nlp::conllu;
use dyad_nlp::lemma::{LemmaExample, Lemmatizer};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let train = conllu::read_file(Path::new(&a[1])).unwrap();
    let gold = conllu::read_file(Path::new(&a[2])).unwrap();
    let pred = conllu::read_file(Path::new(&a[3])).unwrap();
    let show: usize = a.get(4).map(|s| s.parse().unwrap()).unwrap_or(0);
    let lem = Lemmatizer::train(
        train.iter().flat_map(|s| s.words.iter().map(|w| LemmaExample { form: &w.form, xpos: &w.xpos, tag: 0, lemma: &w.lemma, feats: &w.feats })),
    );
    let (mut n, mut ok, mut ok_gold_tag) = (0usize, 0usize, 0usize);
    let mut errs: HashMap<String, usize> = HashMap::new();
    for (g, p) in gold.iter().zip(&pred) {
        assert_eq!(g.words.len(), p.words.len());
        for (gw, pw) in g.words.iter().zip(&p.words) {
            n += 1;
            let l = lem.lemma(&gw.form, &pw.xpos);
            let good = gw.lemma == "_" || l == gw.lemma;
            ok += good as usize;
            ok_gold_tag += (gw.lemma == "_" || lem.lemma(&gw.form, &gw.xpos) == gw.lemma) as usize;
            let only_gold = std::env::var_os("GOLD_TAG_ERRORS").is_some();
            let shown = if only_gold { lem.lemma(&gw.form, &gw.xpos) != gw.lemma && gw.lemma != "_" } else { !good };
            if shown {
                *errs.entry(format!("{}\t{}->{}\t{}\t{}", gw.form, gw.xpos, pw.xpos, gw.lemma, l)).or_default() += 1;
            }
        }
    }
    println!("lemma {:.2} (with gold tags {:.2}) over {n} words, {} errors", 100.0 * ok as f64 / n as f64, 100.0 * ok_gold_tag as f64 / n as f64, n - ok);
    let mut v: Vec<_> = errs.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (k, c) in v.iter().take(show) {
        println!("{c}\t{k}");
    }
}
