//! Lists the anchor words of noun and verb patterns with how many patterns each has
//! (`cargo run -p dyad-dict --example anchors -- DIR`), to review dictionaries.
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "dictionaries".into());
    let mut b = dyad_dict::Dictionaries::builder();
    b.add_dir(std::path::Path::new(&dir)).unwrap();
    let d = b.build();
    let mut nouns: std::collections::BTreeMap<String, usize> = Default::default();
    for p in &d.noun_patterns {
        for a in &p.anchor {
            *nouns.entry(a.to_string()).or_default() += 1;
        }
    }
    println!("noun anchors ({}):", nouns.len());
    for (a, n) in &nouns {
        println!("  {a} {n}");
    }
    let mut verbs: std::collections::BTreeMap<String, usize> = Default::default();
    for b in &d.verb_blocks {
        *verbs.entry(b.name.to_string()).or_default() += b.patterns.len();
    }
    println!("verb anchors ({}):", verbs.len());
    for (a, n) in &verbs {
        println!("  {a} {n}");
    }
}
