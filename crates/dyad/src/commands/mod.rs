//! One file per subcommand: argument parsing and wiring, no domain logic.

pub mod dict;
pub mod eval;
pub mod segment;
