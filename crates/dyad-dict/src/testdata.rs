//! Test helpers: where the shared data lives, and a small CSV reader for the codebook.

use std::path::PathBuf;

/// The workspace root (`crates/dyad-dict/../..`).
pub(crate) fn workspace_root() -> PathBuf {
    dyad_testdata::workspace_root()
}

/// The shared data dir (`$DYAD_DATA`, else `../shared/data`), or `None` with a skip
/// message; under CI a missing dir fails the test (see `dyad-testdata`).
pub(crate) fn data_dir() -> Option<PathBuf> {
    dyad_testdata::data_file("cameo/cameo-codes.csv").map(|_| dyad_testdata::data_dir())
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
