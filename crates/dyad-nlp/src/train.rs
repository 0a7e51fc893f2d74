//! Training the whole model from UD treebanks: what `dyad train parser` runs.
//!
//! Order matters. The tagger is trained first (early-stopped on dev). The parser
//! must learn from the kind of tags it will see at run time, so the training set is
//! re-tagged by jackknifing: k taggers, each trained without one fold, tag that
//! fold. The lemmatizer learns from gold tags. The parser is then trained on the
//! jackknifed tags and selected on dev tagged by the final tagger.

use std::collections::BTreeSet;

use crate::conllu::ConlluSentence;
use crate::eval::{evaluate, Scores};
use crate::lemma::{LemmaExample, Lemmatizer};
use crate::model::Model;
use crate::parser::{self, projectivize, ParseExample, ParserTraining};
use crate::tagger::{self, TagExample, TagScratch};
use crate::tokinfo::TokInfo;

#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Jackknife folds for the parser's training tags (0 or 1 = gold tags).
    pub folds: usize,
    pub explore: f64,
    /// Parser beam width (1 = greedy, trained with the dynamic oracle).
    pub beam: usize,
    /// Beam width the saved model decodes with (0 = the training width). A model
    /// trained with a beam of 8 parses about as well with 5 or 6, and faster.
    pub decode_beam: usize,
    /// Threads for the jackknife taggers (results do not depend on it).
    pub threads: usize,
    /// Largest model file to write, in bytes: the smallest weights are dropped until
    /// the model fits (the repository ships it, and smaller also loads faster).
    pub max_bytes: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { seed: 1, tagger_epochs: 12, parser_epochs: 15, folds: 5, explore: 0.9, beam: 1, decode_beam: 0, threads: 2, max_bytes: 29_500_000 }
    }
}

const UNKNOWN_TAG: u16 = u16::MAX;
/// One sentence's tags and the tagger's runner-up tags.
type Tagged = (Vec<u16>, Vec<u32>);
const UNKNOWN_LABEL: u8 = u8::MAX;

/// Train tagger, lemmatizer and parser. `log` receives progress lines.
pub fn train(train: &[ConlluSentence], dev: &[ConlluSentence], opts: &TrainOptions, log: &mut dyn FnMut(&str)) -> (Model, Scores) {
    let started = std::time::Instant::now();
    let joint: Vec<(String, String)> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| (w.upos.clone(), w.xpos.clone())))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let labels: Vec<String> = train.iter().flat_map(|s| s.words.iter().map(|w| w.deprel.clone())).collect::<BTreeSet<_>>().into_iter().collect();
    log(&format!(
        "{} training sentences ({} words), {} dev sentences; {} joint tags, {} relations",
        train.len(),
        train.iter().map(|s| s.words.len()).sum::<usize>(),
        dev.len(),
        joint.len(),
        labels.len()
    ));
    let tag_id = |w: &crate::conllu::Word| -> u16 {
        joint.binary_search_by(|(u, x)| (u.as_str(), x.as_str()).cmp(&(w.upos.as_str(), w.xpos.as_str()))).map(|i| i as u16).unwrap_or(UNKNOWN_TAG)
    };
    let label_id = |rel: &str| -> u8 { labels.binary_search_by(|l| l.as_str().cmp(rel)).map(|i| i as u8).unwrap_or(UNKNOWN_LABEL) };
    let tag_examples = |sents: &[ConlluSentence]| -> Vec<TagExample> {
        sents
            .iter()
            .map(|s| TagExample { info: s.words.iter().map(|w| TokInfo::new(&w.form)).collect(), gold: s.words.iter().map(tag_id).collect() })
            .collect()
    };
    let train_tags = tag_examples(train);
    let dev_tags = tag_examples(dev);

    // 1. The tagger that ships.
    log("training the tagger");
    let (final_tagger, best_epochs) = tagger::train(&train_tags, Some(&dev_tags), &joint, [opts.tagger_epochs; 2], opts.seed, log);

    // 2. Jackknifed tags for the parser's training data.
    let (predicted, predicted_alts): (Vec<Vec<u16>>, Vec<Vec<u32>>) = if opts.folds > 1 {
        log(&format!("jackknifing training tags: {} folds x {best_epochs:?} epochs (the shipped tagger's best)", opts.folds));
        jackknife(&train_tags, &joint, opts.folds, best_epochs, opts.seed, opts.threads, log).into_iter().unzip()
    } else {
        train_tags.iter().map(|e| (e.gold.clone(), e.gold.iter().map(|&t| (t as u32) << 2 | 3).collect())).unzip()
    };
    let jk_acc = {
        let (mut n, mut c) = (0usize, 0usize);
        for (p, e) in predicted.iter().zip(&train_tags) {
            n += p.len();
            c += p.iter().zip(&e.gold).filter(|(a, b)| a == b).count();
        }
        100.0 * c as f64 / n.max(1) as f64
    };
    log(&format!("jackknifed joint-tag accuracy on train: {jk_acc:.2}"));

    // 3. Lemmatizer and features from gold annotation.
    // Gold tags, not jackknifed ones: learning the lemma from the tags the tagger
    // would have given was tried and lost 0.2-0.7 points on dev.
    let lemmatizer = Lemmatizer::train(train.iter().flat_map(|s| {
        s.words.iter().map(|w| LemmaExample { form: &w.form, xpos: &w.xpos, tag: tag_id(w), lemma: &w.lemma, feats: &w.feats })
    }));

    // 4. The parser.
    let mut lifted = 0;
    let parse_train: Vec<ParseExample> = train
        .iter()
        .zip(train_tags)
        .zip(predicted.into_iter().zip(predicted_alts))
        .map(|((s, te), (tags, alts))| {
            let mut heads: Vec<u16> = s.words.iter().map(|w| w.head.unwrap_or(0) as u16).collect();
            lifted += projectivize(&mut heads);
            ParseExample { info: te.info, tags, alts, heads, labels: s.words.iter().map(|w| label_id(&w.deprel)).collect() }
        })
        .collect();
    log(&format!("lifted {lifted} non-projective arcs in training trees"));
    let mut scratch = TagScratch::default();
    let parse_dev: Vec<ParseExample> = dev
        .iter()
        .zip(dev_tags)
        .map(|(s, te)| {
            let (mut tags, mut alts) = (Vec::new(), Vec::new());
            final_tagger.tag_with_alternatives(&te.info, &mut scratch, &mut tags, &mut alts);
            ParseExample {
                info: te.info,
                tags,
                alts,
                heads: s.words.iter().map(|w| w.head.unwrap_or(0) as u16).collect(),
                labels: s.words.iter().map(|w| label_id(&w.deprel)).collect(),
            }
        })
        .collect();
    let popts = ParserTraining { epochs: opts.parser_epochs, seed: opts.seed ^ 0x7061_7273, explore: opts.explore, beam: opts.beam };
    log(&format!("training the parser (arc-eager, {})", if opts.beam > 1 { format!("beam {}, max-violation updates", opts.beam) } else { "greedy, dynamic oracle".to_string() }));
    let mut parser = parser::train(&parse_train, if dev.is_empty() { None } else { Some(&parse_dev) }, &labels, &popts, log);
    if opts.decode_beam > 0 {
        parser.beam = opts.decode_beam;
    }

    let mut model = Model {
        meta: vec![
            ("format".into(), "dyad-nlp tagger+lemmatizer+parser".into()),
            ("trained_on".into(), "UD English EWT (CC BY-SA 4.0)".into()),
            ("seed".into(), opts.seed.to_string()),
            ("options".into(), format!("{opts:?}")),
        ],
        tagger: final_tagger,
        lemmatizer,
        parser,
    };
    // Drop the smallest weights until the model fits: double the threshold until it
    // does, then bisect between the last two thresholds, so that no more is dropped
    // than needed.
    let size = model.to_bytes().len();
    if size > opts.max_bytes {
        let (mut lo, mut hi) = (0i16, 1i16);
        let mut fitted: Option<Model> = None;
        while hi < i16::MAX / 2 {
            let pruned = model.pruned(hi);
            let new_size = pruned.to_bytes().len();
            log(&format!("pruning weights below {hi} steps: {size} -> {new_size} bytes"));
            if new_size <= opts.max_bytes {
                fitted = Some(pruned);
                break;
            }
            lo = hi;
            hi *= 2;
        }
        while hi - lo > 1 && fitted.is_some() {
            let mid = lo + (hi - lo) / 2;
            let pruned = model.pruned(mid);
            let new_size = pruned.to_bytes().len();
            log(&format!("pruning weights below {mid} steps: {size} -> {new_size} bytes"));
            if new_size <= opts.max_bytes {
                fitted = Some(pruned);
                hi = mid;
            } else {
                lo = mid;
            }
        }
        if let Some(m) = fitted {
            model = m;
        }
    }
    let scores = evaluate(&model, dev);
    model.meta.push(("dev_scores".into(), format!(
        "upos={:.2} xpos={:.2} lemma={:.2} uas={:.2} las={:.2}",
        scores.upos, scores.xpos, scores.lemma, scores.uas, scores.las
    )));
    log(&format!("done in {:.0}s", started.elapsed().as_secs_f64()));
    (model, scores)
}

fn jackknife(
    data: &[TagExample],
    tags: &[(String, String)],
    folds: usize,
    epochs: [usize; 2],
    seed: u64,
    threads: usize,
    log: &mut dyn FnMut(&str),
) -> Vec<Tagged> {
    // Contiguous blocks, not every k-th sentence: neighbouring sentences share a
    // document's names and topic, and a tagger that has seen the neighbours tags
    // better than it will on new text, which would leave the parser trained on
    // unrealistically clean tags.
    let n = data.len().max(1);
    let fold_of = |i: usize| i * folds / n;
    let run_fold = |f: usize| -> (usize, Vec<(usize, Tagged)>) {
        let train: Vec<TagExample> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of(*i) != f)
            .map(|(_, e)| TagExample { info: e.info.clone(), gold: e.gold.clone() })
            .collect();
        let (t, _) = tagger::train(&train, None, tags, epochs, seed.wrapping_add(f as u64 + 1), &mut |_| {});
        let mut scratch = TagScratch::default();
        let mut out = Vec::new();
        for (i, e) in data.iter().enumerate().filter(|(i, _)| fold_of(*i) == f) {
            let (mut tagged, mut alts) = (Vec::new(), Vec::new());
            t.tag_with_alternatives(&e.info, &mut scratch, &mut tagged, &mut alts);
            out.push((i, (tagged, alts)));
        }
        (f, out)
    };
    let mut results: Vec<Tagged> = vec![(Vec::new(), Vec::new()); data.len()];
    let threads = threads.max(1);
    let mut next = 0;
    while next < folds {
        let batch: Vec<usize> = (next..(next + threads).min(folds)).collect();
        next += batch.len();
        let done: Vec<(usize, Vec<(usize, Tagged)>)> = std::thread::scope(|s| {
            let handles: Vec<_> = batch.iter().map(|&f| s.spawn(move || run_fold(f))).collect();
            handles.into_iter().map(|h| h.join().expect("jackknife thread panicked")).collect()
        });
        for (f, out) in done {
            log(&format!("  fold {} of {folds} tagged", f + 1));
            for (i, t) in out {
                results[i] = t;
            }
        }
    }
    results
}
