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
    /// The same work measured in on-CPU time of the thread (Linux only).
    pub cpu_seconds: Option<f64>,
    pub tokens_per_cpu_second: Option<f64>,
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// On-CPU time of the calling thread, where the OS tells it (Linux): on a shared
/// machine, wall time also counts the time other processes held the core.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

struct Predicted {
    upos: Vec<String>,
    xpos: Vec<String>,
    lemma: Vec<String>,
    feats: Vec<String>,
    head: Vec<usize>,
    deprel: Vec<String>,
}

/// Re-annotate every sentence of `gold` from its forms alone and score the result.
/// Annotation (tagging, lemmas, features, parsing, and copying the results out as
/// strings, as `dyad parse` does) is timed; scoring is not.
pub fn evaluate(model: &Model, gold: &[ConlluSentence]) -> Scores {
    let mut scratch = Scratch::default();
    let mut forms: Vec<&str> = Vec::new();
    let mut predicted = Vec::with_capacity(gold.len());
    let cpu_start = thread_cpu_seconds();
    let start = Instant::now();
    for s in gold {
        forms.clear();
        forms.extend(s.words.iter().map(|w| w.form.as_str()));
        let a = model.analyse(&forms, &mut scratch);
        let n = a.len();
        predicted.push(Predicted {
            upos: (0..n).map(|i| a.upos(i).to_string()).collect(),
            xpos: (0..n).map(|i| a.xpos(i).to_string()).collect(),
            lemma: (0..n).map(|i| model.lemma(forms[i], a.xpos(i))).collect(),
            feats: (0..n).map(|i| model.feats(forms[i], a.tag(i)).to_string()).collect(),
            head: (0..n).map(|i| a.head(i)).collect(),
            deprel: (0..n).map(|i| a.deprel(i).to_string()).collect(),
        });
    }
    let seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = match (cpu_start, thread_cpu_seconds()) {
        (Some(a), Some(b)) if b > a => Some(b - a),
        _ => None,
    };
    let (mut n, mut upos, mut xpos, mut lemma, mut feats, mut uas, mut las, mut las_full) = (0usize, 0, 0, 0, 0, 0, 0, 0);
    for (s, p) in gold.iter().zip(&predicted) {
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            upos += (p.upos[i] == w.upos) as usize;
            xpos += (p.xpos[i] == w.xpos) as usize;
            lemma += (w.lemma == "_" || p.lemma[i] == w.lemma) as usize;
            feats += (p.feats[i] == w.feats) as usize;
            if Some(p.head[i]) == w.head {
                uas += 1;
                las += (universal(&p.deprel[i]) == universal(&w.deprel)) as usize;
                las_full += (p.deprel[i] == w.deprel) as usize;
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
        cpu_seconds,
        tokens_per_cpu_second: cpu_seconds.map(|c| n as f64 / c),
    }
}
