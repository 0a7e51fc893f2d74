//! Loads dictionary files or folders (no built-ins) and prints the time, the counts and
//! the number of diagnostics: `cargo run --release -p dyad-dict --example load -- FILE...`.
//! Used for the load-time figures in BENCHMARKS.md (run it under `/usr/bin/time -v`).

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: load FILE_OR_DIR...");
        std::process::exit(1);
    }
    let t0 = Instant::now();
    let mut b = dyad_dict::Dictionaries::builder();
    for a in &args {
        let p = std::path::Path::new(a);
        let r = if p.is_dir() { b.add_dir(p).map(|_| ()) } else { b.add_file(p).map(|_| ()) };
        if let Err(e) = r {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
    let d = b.build();
    let elapsed = t0.elapsed();
    let c = d.counts();
    let warnings = d.diagnostics().len() - d.errors();
    println!("loaded {} files in {:.1} ms", c.files, elapsed.as_secs_f64() * 1e3);
    println!("{c:?}");
    println!("errors {} warnings {} actor vocabulary {}", d.errors(), warnings, d.actor_vocabulary());
    // MATCH=FILE.conllu: time actors_at + agents_at + is_discard over its `# text =`
    // sentences (split on blanks), for a matching throughput figure.
    if let Some(path) = std::env::var_os("MATCH") {
        let text = std::fs::read_to_string(path).expect("readable MATCH file");
        let sents: Vec<Vec<&str>> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# text = "))
            .map(|l| l.split_whitespace().collect())
            .collect();
        let tokens: usize = sents.iter().map(Vec::len).sum();
        let t = Instant::now();
        let (mut actors, mut agents, mut discards) = (0, 0, 0);
        for s in &sents {
            actors += d.actors_at(s).len();
            agents += d.agents_at(s).len();
            discards += d.is_discard(s).is_some() as usize;
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "matched {} sentences, {tokens} tokens in {:.1} ms ({:.0} tokens/s): {actors} actor names, {agents} agents, {discards} discarded",
            sents.len(),
            secs * 1e3,
            tokens as f64 / secs
        );
    }
    if std::env::var_os("SHOW").is_some() {
        for x in d.diagnostics() {
            println!("{x}");
        }
    }
}
