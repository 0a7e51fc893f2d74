//! Coding speed with the production dictionaries, parses given, one thread.
//!
//! The sentences: every record of the GSR suite (real news, CoNLL-U parses as the suite
//! gives them), coded with the dictionaries its `<Environment>` names (CAMEO.2.0 and
//! the Phoenix files), repeated until about 50,000 sentences have been coded. Reading
//! the CoNLL-U and loading the dictionaries are not timed. Run with
//! `cargo bench -p dyad-coder --bench code`.

// The allocator of the `dyad` binary, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use dyad_coder::actors::ArticleContext;
use dyad_coder::{suite, validate, Options};

fn main() {
    let Some(path) = dyad_testdata::data_file("universalpetrarch/gsr/PETR2_GSR_validation.xml") else {
        std::process::exit(1)
    };
    let s = suite::read(&path).expect("the GSR suite reads");
    let dict = validate::load_dictionaries(&path, &s).expect("its dictionaries load");
    let records: Vec<_> = s.active().map(|r| (r.date, validate::given_parse(r))).collect();
    let sentences: usize = records.iter().map(|(_, v)| v.len()).sum();
    let options = Options { places: false, ..Options::default() };
    let rounds = (50_000 / sentences.max(1)).max(1);
    let mut best = f64::MAX;
    let mut events = 0;
    for _ in 0..3 {
        let start = Instant::now();
        events = 0;
        for _ in 0..rounds {
            for (date, parsed) in &records {
                let mut context = ArticleContext::default();
                for sentence in parsed {
                    events += dyad_coder::code_sentence(sentence, *date, &dict, &options, &mut context).len();
                }
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let n = sentences * rounds;
    println!("code: {n} sentences ({events} events), best of 3: {best:.3} s = {:.0} sentences/s (one thread)", n as f64 / best);
    let options = Options::default();
    let start = Instant::now();
    for (date, parsed) in &records {
        let mut context = ArticleContext::default();
        for sentence in parsed {
            let _ = dyad_coder::code_sentence(sentence, *date, &dict, &options, &mut context);
        }
    }
    println!("with places: {} sentences in {:.3} s (gazetteer loaded on first use)", sentences, start.elapsed().as_secs_f64());
}
