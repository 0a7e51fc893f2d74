//! dyad's dictionaries: what words mean to the event coder.
//!
//! In dyad's flow (`DESIGN.md`) this crate sits beside the pipeline rather than in it:
//! `dyad-coder` takes parsed sentences from `dyad-nlp` and asks this crate who an actor is
//! (and what code they carried on the day of the event), what a role noun says about
//! sector, which verb and noun patterns yield which CAMEO event, and which phrases mean
//! the sentence is not political news at all. It never parses text; it only reads
//! dictionary files and answers lookups.
//!
//! What it holds:
//! - [`Ontology`]: the CAMEO 1.1b3 event codes with name, Goldstein weight, QuadClass
//!   and PLOVER type/mode (`dictionaries/cameo.txt`);
//! - actors with dated codes and roles, agents, verb blocks and patterns, noun patterns,
//!   synsets, discards ([`model`]), read from dyad's own format ([`dyad_format`],
//!   `docs/dictionaries.md`) or from PETRARCH-2/TABARI files ([`petrarch`]) into the same
//!   types;
//! - [`Dictionaries`]: every source merged in order (the embedded `dictionaries/*.txt`
//!   first, then `--dict DIR` files overriding or adding), with compiled matchers
//!   ([`Dictionaries::actors_at`], [`Dictionaries::agents_at`],
//!   [`Dictionaries::verb_patterns`], [`Dictionaries::noun_patterns`],
//!   [`Dictionaries::is_discard`], [`Dictionaries::cameo`]);
//! - [`variants`]: the spelling skeleton that lets "Selenskyj" match "Zelensky".
//!
//! Reading is lenient: a malformed line becomes a [`Diagnostic`] naming file and line
//! and is skipped; only a file that cannot be read at all is an error ([`LoadError`]).
//!
//! ```
//! use dyad_dict::Dictionaries;
//! let d = Dictionaries::builtin();
//! let e = d.cameo("042").unwrap();
//! assert_eq!((&*e.name, e.quad_class.number()), ("Make a visit", 1));
//! ```

// `usize::is_multiple_of` needs Rust 1.87; the workspace supports 1.85.
#![allow(clippy::manual_is_multiple_of)]

pub mod announced;
pub mod builtin;
mod check;
mod date;
mod diag;
mod dictionaries;
pub mod dyad_format;
mod load;
mod matcher;
pub mod model;
pub mod ontology;
pub mod petrarch;
mod text;
pub mod variants;

#[cfg(test)]
mod testdata;

pub use check::Conflict;
pub use date::DateRange;
pub use diag::{Diagnostic, FileId, FileTable, LoadError, Origin, Severity};
pub use dictionaries::{ActorMatch, AgentMatch, Counts, Dictionaries, DictionariesBuilder, SentenceWords, SourceFile};
pub use load::{detect, Format};
pub use model::*;
pub use announced::{announcement_code, Announcement};
pub use ontology::{CameoEntry, Ontology, QuadClass};
