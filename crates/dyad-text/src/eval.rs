//! Scoring segmentation against gold sentences, the way the CoNLL 2018 shared task does.
//!
//! Gold and system segment the same raw text, so units are compared by their spans:
//! a sentence or surface token is correct when a gold one has exactly its span. A
//! multiword token ("don't") is one surface token. Syntactic words outside multiword
//! tokens are compared by span; inside one, when both sides cover exactly the same
//! characters with their surface tokens, words are aligned by the longest common
//! subsequence of their lower-cased forms (as the shared-task script does).

use std::collections::HashSet;

use dyad_model::{Sentence, Span};

/// Counts for one kind of unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.system += other.system;
        self.correct += other.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Sentence, token and word counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub sentences: Counts,
    pub tokens: Counts,
    pub words: Counts,
}

impl Scores {
    pub fn add(&mut self, other: Scores) {
        self.sentences.add(other.sentences);
        self.tokens.add(other.tokens);
        self.words.add(other.words);
    }
}

/// Compare system sentences with gold ones over the same text. All spans are article
/// offsets.
pub fn score(gold: &[Sentence], system: &[Sentence]) -> Scores {
    let gold_sents: HashSet<Span> = gold.iter().map(|s| s.span).collect();
    let sentences = Counts {
        gold: gold.len(),
        system: system.len(),
        correct: system.iter().filter(|s| gold_sents.contains(&s.span)).count(),
    };

    let gold_units = surface_units(gold);
    let sys_units = surface_units(system);
    let gold_token_spans: HashSet<Span> = gold_units.iter().map(|u| u.span).collect();
    let sys_token_spans: HashSet<Span> = sys_units.iter().map(|u| u.span).collect();
    let tokens = Counts {
        gold: gold_units.len(),
        system: sys_units.len(),
        correct: sys_units.iter().filter(|u| gold_token_spans.contains(&u.span)).count(),
    };

    let mut words = Counts {
        gold: gold_units.iter().map(|u| u.words.len()).sum(),
        system: sys_units.iter().map(|u| u.words.len()).sum(),
        correct: 0,
    };
    // A surface token present on both sides: its words align by LCS (a plain token has
    // one word, so this is a span match for it).
    let sys_by_span: std::collections::HashMap<Span, &Unit> = sys_units.iter().map(|u| (u.span, u)).collect();
    for g in &gold_units {
        if let Some(s) = sys_by_span.get(&g.span) {
            words.correct += lcs(&g.words, &s.words);
        } else if g.words.len() > 1 {
            // The system may have split a gold multiword token into plain tokens that
            // exactly cover it ("cannot" as can + not without a range).
            let inside: Vec<&Unit> = sys_units.iter().filter(|u| u.span.start >= g.span.start && u.span.end <= g.span.end).collect();
            let covered: usize = inside.iter().map(|u| u.span.len()).sum();
            if !inside.is_empty() && covered == g.span.len() && inside.iter().all(|u| !sys_token_spans.contains(&g.span) && u.words.len() == 1) {
                let forms: Vec<String> = inside.iter().flat_map(|u| u.words.iter().cloned()).collect();
                words.correct += lcs(&g.words, &forms);
            }
        }
    }
    Scores { sentences, tokens, words }
}

struct Unit {
    span: Span,
    words: Vec<String>,
}

fn surface_units(sentences: &[Sentence]) -> Vec<Unit> {
    let mut units = Vec::new();
    for s in sentences {
        let mut i = 0;
        while i < s.tokens.len() {
            if let Some(m) = s.multiwords.iter().find(|m| m.first == i) {
                let words = s.tokens[m.first..=m.last.min(s.tokens.len() - 1)].iter().map(|t| t.form.to_lowercase()).collect();
                units.push(Unit { span: m.span, words });
                i = m.last + 1;
            } else {
                let t = &s.tokens[i];
                units.push(Unit { span: t.span, words: vec![t.form.to_lowercase()] });
                i += 1;
            }
        }
    }
    units
}

fn lcs(a: &[String], b: &[String]) -> usize {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            table[i + 1][j + 1] = if a[i] == b[j] { table[i][j] + 1 } else { table[i][j + 1].max(table[i + 1][j]) };
        }
    }
    table[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment_raw;

    #[test]
    fn identical_segmentation_scores_100() {
        let text = "I don't know. He left.";
        let sys = segment_raw(text);
        let s = score(&sys, &sys);
        assert_eq!(s.sentences.f1(), 100.0);
        assert_eq!(s.tokens.f1(), 100.0);
        assert_eq!(s.words.f1(), 100.0);
        assert_eq!(s.tokens.gold, 7, "don't is one surface token");
        assert_eq!(s.words.gold, 8);
    }

    #[test]
    fn a_missed_split_costs_sentences_but_not_tokens() {
        let text = "He left. she came.";
        let system = segment_raw(text);
        assert_eq!(system.len(), 1, "no split before a lowercase word");
        let gold = [
            crate::sentence(text, Span::new(0, 8), dyad_model::UnitKind::Body, 0),
            crate::sentence(text, Span::new(9, text.len()), dyad_model::UnitKind::Body, 0),
        ];
        let s = score(&gold, &system);
        assert_eq!((s.sentences.gold, s.sentences.system, s.sentences.correct), (2, 1, 0));
        assert_eq!((s.tokens.gold, s.tokens.correct), (6, 6));
    }
}
