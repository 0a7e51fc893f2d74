//! Where tests find the third-party data that is never copied into the repository.
//!
//! The treebanks, PETRARCH dictionaries and validation suites live in `../shared/data`
//! beside the repository (or wherever `DYAD_DATA` points). A test that needs them calls
//! [`data_file`]: on a developer machine without the data it prints why it is skipped
//! and returns `None`; in CI (`CI` set) a missing file fails the test, so the suites can
//! never be skipped silently there.

use std::path::PathBuf;

/// The data folder: `DYAD_DATA`, or `../shared/data` beside the workspace. A relative
/// `DYAD_DATA` is read from the workspace root, where `cargo test` and `cargo bench` are
/// typed (cargo runs each test and bench in its own crate's folder).
pub fn data_dir() -> PathBuf {
    match std::env::var_os("DYAD_DATA") {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("../shared/data"),
    }
}

/// The workspace root (the folder with the top `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed story and other examples: `shared/examples`, beside the data folder.
pub fn example(name: &str) -> Option<PathBuf> {
    existing(data_dir().join("../examples").join(name))
}

/// A file under the data folder, or `None` (with a skip message) when it is missing
/// outside CI.
///
/// # Panics
/// When the file is missing and the `CI` environment variable is set.
pub fn data_file(relative: &str) -> Option<PathBuf> {
    existing(data_dir().join(relative))
}

fn existing(path: PathBuf) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    if std::env::var_os("CI").is_some() {
        panic!("{} is missing: CI must have ../shared beside the repository (or set DYAD_DATA)", path.display());
    }
    eprintln!("skipped: {} is missing (set DYAD_DATA to the shared data folder to run this test)", path.display());
    None
}
