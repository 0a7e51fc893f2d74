// Embed the shipped model when it exists. A fresh checkout without it (or the very
// first `dyad train`) still builds; `Model::embedded()` then says the model is missing.
fn main() {
    let model = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/en_ewt.dyadnlp");
    println!("cargo::rustc-check-cfg=cfg(dyad_embedded_model)");
    // Watch the folder too: a path that did not exist when the script last ran is
    // not reliably rechecked, and the first `cp` of a model must trigger a rebuild.
    println!("cargo::rerun-if-changed={}", model.display());
    println!("cargo::rerun-if-changed={}", model.parent().unwrap().display());
    if model.exists() {
        println!("cargo::rustc-cfg=dyad_embedded_model");
    }
}
