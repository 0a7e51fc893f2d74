//! The event coder: from parsed sentences and dictionaries to CAMEO events.
//!
//! `dyad-coder` sits after parsing in dyad's flow. It takes a [`dyad_model::Sentence`]
//! whose tokens carry lemmas, tags and a dependency tree (from `dyad-nlp`, from a CoNLL-U
//! file, or from a validation suite's `<Parse>`), finds the actors the sentence names
//! ([`actors`]), matches verb patterns along the tree ([`code`], over the [`tree`] view)
//! and returns events with the pattern and path that produced them. [`suite`] and
//! [`validate`] read and run the PETRARCH / UniversalPetrarch validation suites.

pub mod actors;
pub mod code;
pub mod dates;
pub mod places;
pub mod record;
pub mod suite;
pub mod tree;
pub mod validate;

pub use code::{code_sentence, DatedBy, Event, Future, Options};

/// A small reproducible random source for the tests that feed odd trees to the coder:
/// `next(n)` draws in `0..n`.
#[cfg(test)]
pub(crate) fn test_random(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}
