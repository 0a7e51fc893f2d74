//! Fuzzes the PETRARCH/TABARI readers: the first byte picks the format (or content
//! detection), the rest is the file. Reading, merging, indexing and a few lookups must
//! never panic, whatever the bytes.
#![no_main]

use dyad_dict::{Dictionaries, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else { return };
    let (name, format) = match sel % 7 {
        0 => ("CAMEO.2.0.txt", Some(Format::PetrarchVerbs)),
        1 => ("Phoenix.Countries.actors.txt", Some(Format::PetrarchActors)),
        2 => ("Phoenix.agents.txt", Some(Format::PetrarchAgents)),
        3 => ("Phoenix.discards.txt", Some(Format::PetrarchDiscards)),
        4 => ("PETR.Internal.Coding.Ontology.txt", Some(Format::Pico)),
        5 => ("dictionary.txt", None),
        _ => ("PETR.Validate.verbs.txt", Some(Format::PetrarchVerbs)),
    };
    let mut b = Dictionaries::builder();
    b.add_bytes_as(name, body, format);
    let d = b.build();
    exercise(&d, body);
});

fn exercise(d: &Dictionaries, body: &[u8]) {
    let text = String::from_utf8_lossy(body);
    let tokens: Vec<&str> = text.split_whitespace().take(64).collect();
    let day = jiff::civil::date(2014, 6, 8);
    for m in d.actors_at(&tokens) {
        assert!(m.start < m.end && m.end <= tokens.len());
        let _ = d.resolve(&m, day);
    }
    for m in d.agents_at(&tokens) {
        assert!(m.start < m.end && m.end <= tokens.len());
    }
    let _ = d.is_discard(&tokens);
    for t in tokens.iter().take(8) {
        let _ = d.verb_patterns(t).count();
        let _ = d.verb_lemmas_of_form(t);
    }
    let _ = d.counts();
    let _ = d.conflicts();
    for x in d.diagnostics() {
        let _ = x.to_string();
    }
}
