//! Test helpers: where the shared data lives, and a small CSV reader for the codebook.

use std::path::PathBuf;

/// The workspace root (`crates/dyad-dict/../..`).
pub(crate) fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared data dir: `$DYAD_DATA`, else `../shared/data` from the workspace root.
/// When it is missing a test fails loudly under CI (`$CI` set) and is skipped otherwise.
pub(crate) fn data_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("DYAD_DATA") {
        Some(d) => PathBuf::from(d),
        None => workspace_root().join("../shared/data"),
    };
    if dir.join("petrarch").is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("shared data not found at {} (set DYAD_DATA)", dir.display());
    }
    eprintln!("skipped: shared data not found at {} (set DYAD_DATA)", dir.display());
    None
}

/// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines.
pub(crate) fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
