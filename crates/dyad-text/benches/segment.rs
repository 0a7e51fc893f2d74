//! Throughput of ingest + clean + split + tokenize on plain news text, one thread.
//!
//! The corpus: the seed story and the raw text of the UD English treebanks (news, wiki,
//! web), cut into articles of about 4 KB and repeated to 50 MB. Run with
//! `cargo bench -p dyad-text --bench segment`; it prints MB/s.

use std::time::Instant;

fn main() {
    let data = std::env::var("DYAD_DATA").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data").into());
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/examples/austin-belousov-call.txt");
    let mut articles: Vec<String> = Vec::new();
    if let Ok(story) = std::fs::read_to_string(example) {
        articles.push(story);
    }
    for file in ["ud/en_pud-ud-test.conllu", "ud/en_ewt-ud-train.conllu", "ud/en_gum-ud-test.wikinews.conllu"] {
        let Ok(conllu) = std::fs::read_to_string(format!("{data}/{file}")) else { continue };
        let mut article = String::new();
        for line in conllu.lines() {
            if let Some(text) = line.strip_prefix("# text = ") {
                article.push_str(text);
                article.push(' ');
                if article.len() > 4000 {
                    articles.push(std::mem::take(&mut article));
                }
            } else if line.starts_with("# newpar") && !article.is_empty() {
                article.push_str("\n\n");
            }
        }
    }
    if articles.is_empty() {
        eprintln!("no corpus: set DYAD_DATA to the shared data folder");
        std::process::exit(1);
    }
    let base: usize = articles.iter().map(String::len).sum();
    let repeat = (50_000_000 / base).max(1);
    let options = dyad_text::Options::default();
    let mut best = f64::MAX;
    let mut sentences = 0;
    for _round in 0..3 {
        let start = Instant::now();
        sentences = 0;
        for _ in 0..repeat {
            for text in &articles {
                let article = dyad_text::ingest::plain_text(text.clone(), &options);
                let doc = dyad_text::segment(article);
                sentences += doc.sentences.len();
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = (base * repeat) as f64 / 1e6;
    println!("segment: {mb:.1} MB, {sentences} sentences, best of 3: {best:.2} s = {:.1} MB/s (one thread)", mb / best);
}
