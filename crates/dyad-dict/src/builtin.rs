//! The dictionaries compiled into the binary: every `dictionaries/*.txt` file present at
//! build time (see `build.rs`), so `cargo install` gives a working coder with no files
//! beside it.

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The embedded files as (name, contents), sorted by name.
pub fn files() -> &'static [(&'static str, &'static str)] {
    FILES
}

/// The contents of one embedded file, by name (`"cameo.txt"`).
pub fn file(name: &str) -> Option<&'static str> {
    FILES.iter().find(|(n, _)| *n == name).map(|&(_, t)| t)
}
