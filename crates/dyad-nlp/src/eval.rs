//! Scoring against gold CoNLL-U with gold tokenization: the figures `dyad eval parser`
//! prints and the accuracy test checks.
//!
//! Definitions follow the CoNLL 2018 shared task's evaluation script: every word
//! counts, punctuation included; LAS compares only the universal part of the
//! relation (`nmod:poss` counts as `nmod`), and a gold lemma of `_` counts as
//! matched. `las_full` also requires the subtype to match.

use std::time::Instant;

use crate::conllu::ConlluSentence;
use crate::model::{Model, Scratch};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub sentences: usize,
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub feats: f64,
    pub uas: f64,
    pub las: f64,
    pub las_full: f64,
    /// Wall time of tagging, lemmatizing and parsing only (no file reading).
    pub seconds: f64,
    pub tokens_per_second: f64,
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Re-annotate every sentence of `gold` from its forms alone and score the result.
pub fn evaluate(model: &Model, gold: &[ConlluSentence]) -> Scores {
    let mut scratch = Scratch::default();
    let mut forms: Vec<&str> = Vec::new();
    let (mut n, mut upos, mut xpos, mut lemma, mut feats, mut uas, mut las, mut las_full) = (0usize, 0, 0, 0, 0, 0, 0, 0);
    let mut lemmas = Vec::new();
    let mut tagged: Vec<u16> = Vec::new();
    let mut seconds = 0.0;
    for s in gold {
        forms.clear();
        forms.extend(s.words.iter().map(|w| w.form.as_str()));
        let start = Instant::now();
        let a = model.analyse(&forms, &mut scratch);
        // Lemmas and features are part of the timed work, as they are in `dyad parse`.
        lemmas.clear();
        tagged.clear();
        for i in 0..a.len() {
            lemmas.push(model.lemma(forms[i], a.xpos(i)));
            tagged.push(a.tag(i));
        }
        let feats_pred: Vec<&str> = (0..a.len()).map(|i| model.feats(forms[i], tagged[i])).collect();
        seconds += start.elapsed().as_secs_f64();
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            upos += (a.upos(i) == w.upos) as usize;
            xpos += (a.xpos(i) == w.xpos) as usize;
            lemma += (w.lemma == "_" || lemmas[i] == w.lemma) as usize;
            feats += (feats_pred[i] == w.feats) as usize;
            if Some(a.head(i)) == w.head {
                uas += 1;
                las += (universal(a.deprel(i)) == universal(&w.deprel)) as usize;
                las_full += (a.deprel(i) == w.deprel) as usize;
            }
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
    Scores {
        sentences: gold.len(),
        words: n,
        upos: pct(upos),
        xpos: pct(xpos),
        lemma: pct(lemma),
        feats: pct(feats),
        uas: pct(uas),
        las: pct(las),
        las_full: pct(las_full),
        seconds,
        tokens_per_second: if seconds > 0.0 { n as f64 / seconds } else { 0.0 },
    }
}
