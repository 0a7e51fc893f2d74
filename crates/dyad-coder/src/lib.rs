//! The event coder: from parsed sentences and dictionaries to CAMEO events.
//!
//! (Being written; today it holds the validation-suite reader and scorer.)

pub mod suite;
pub mod tree;
