//! Embeds dyad's own dictionaries (`dictionaries/*.txt` at the workspace root) in the
//! library. The directory is listed at build time, so a dictionary file that does not exist
//! yet simply is not embedded, instead of breaking the build.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dir = manifest.join("../../dictionaries");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") && path.is_file() {
                println!("cargo:rerun-if-changed={}", path.display());
                files.push((name, path.canonicalize().unwrap_or(path)));
            }
        }
    }
    files.sort();
    let mut out = String::from("/// dyad's own dictionary files, embedded at build time: (file name, contents).\n");
    out.push_str("pub(crate) static FILES: &[(&str, &str)] = &[\n");
    for (name, path) in &files {
        out.push_str(&format!("    ({name:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_files.rs");
    std::fs::write(dest, out).unwrap();
}
