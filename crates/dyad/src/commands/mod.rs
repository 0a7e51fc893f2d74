//! One file per subcommand: argument parsing and wiring, no domain logic.

pub mod code;
pub mod dict;
pub mod eval;
pub mod eval_parser;
pub mod parse;
pub mod segment;
pub mod train;
