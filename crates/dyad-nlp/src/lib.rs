//! dyad-nlp: dyad's own part-of-speech tagger, lemmatizer and labelled dependency
//! parser, trained by dyad itself on Universal Dependencies, and the CoNLL-U reader
//! and writer they are trained and evaluated with.
//!
//! In dyad's flow (see `DESIGN.md`) this crate sits between segmentation and event
//! coding: it takes [`dyad_model::Sentence`]s whose tokens have forms and fills in
//! UPOS, XPOS (Penn Treebank tags), lemma, FEATS, head and UD v2 relation. It knows
//! nothing about events. A parse read from a CoNLL-U file made by another parser
//! reaches the coder as the same type, through [`conllu::to_sentence`].
//!
//! Everything is averaged perceptrons over hashed sparse features: a joint UPOS+XPOS
//! tagger run in both directions, an edit-rule lemmatizer learned from the treebank
//! (plus a table of irregular past forms), and an arc-eager beam-search parser
//! trained on jackknifed tags, which also sees each word's suffix class and the
//! tagger's runner-up tag with whether the two tagging directions agreed. No ML framework, no downloads, and one model file
//! (`models/en_ewt.dyadnlp`, built by `dyad train parser`, CC BY-SA 4.0 like the
//! treebank it comes from) embedded in the binary, with a versioned header and a
//! checksum.
//!
//! ```no_run
//! use dyad_nlp::{Model, Scratch};
//! let model = Model::embedded()?;
//! let mut scratch = Scratch::default();
//! let a = model.analyse(&["Rebels", "attacked", "the", "base", "."], &mut scratch);
//! assert_eq!(a.deprel(1), "root");
//! # Ok::<(), dyad_nlp::ModelError>(())
//! ```

pub mod conllu;
pub mod eval;
mod hash;
mod io;
pub mod lemma;
mod model;
pub mod parser;
mod perceptron;
pub mod tagger;
mod tokinfo;
pub mod train;

pub use model::{Annotation, Model, ModelError, Scratch, FORMAT_VERSION, MAGIC};

/// The shipped model's bytes, when it was present at build time.
#[cfg(dyad_embedded_model)]
pub(crate) const EMBEDDED_MODEL: Option<&[u8]> = Some(include_bytes!("../../../models/en_ewt.dyadnlp"));
#[cfg(not(dyad_embedded_model))]
pub(crate) const EMBEDDED_MODEL: Option<&[u8]> = None;

/// Whether this build carries a model.
pub fn has_embedded_model() -> bool {
    EMBEDDED_MODEL.is_some()
}

/// Index of the largest score (the first on ties).
pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

