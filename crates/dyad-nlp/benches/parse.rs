//! Tag + lemma + parse throughput of the shipped model on one thread, and its load
//! time: `cargo bench -p dyad-nlp --bench parse`. Reads EWT test from `$DYAD_DATA/ud`
//! (default `../shared/data`); three timed runs after a warm-up, median reported.

// The allocator of the `dyad` binary, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let model = match dyad_nlp::Model::embedded() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("bench skipped: {e}");
            return;
        }
    };
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let Some(path) = dyad_testdata::data_file("ud/en_ewt-ud-test.conllu") else { return };
    let gold = dyad_nlp::conllu::read_file(&path).expect("readable treebank");
    let _ = dyad_nlp::eval::evaluate(&model, &gold);
    let scores: Vec<_> = (0..3).map(|_| dyad_nlp::eval::evaluate(&model, &gold)).collect();
    let mut runs: Vec<f64> = scores.iter().map(|s| s.tokens_per_second).collect();
    runs.sort_by(f64::total_cmp);
    let mut cpu: Vec<f64> = scores.iter().filter_map(|s| s.tokens_per_cpu_second).collect();
    cpu.sort_by(f64::total_cmp);
    let words: usize = gold.iter().map(|s| s.words.len()).sum();
    println!("model load: {load_ms:.1} ms (embedded), parser beam {}", model.beam());
    println!("tag+lemma+parse, one thread, {} ({words} words): median {:.0} tokens/s (runs: {:.0} {:.0} {:.0})", path.display(), runs[1], runs[0], runs[1], runs[2]);
    if cpu.len() == 3 {
        println!("the same in on-CPU time of the thread: median {:.0} tokens/CPU-second", cpu[1]);
    }
}
