//! Fuzzes the reader of dyad's own format: the first byte picks the file kind, the rest is
//! the file. Reading, merging, indexing, the conflict check and a few lookups must never
//! panic, whatever the bytes.
#![no_main]

use dyad_dict::Dictionaries;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 9] = [
    "countries.txt",
    "people.txt",
    "organizations.txt",
    "agents.txt",
    "verbs.txt",
    "nouns.txt",
    "synsets.txt",
    "cameo.txt",
    "discards.txt",
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else { return };
    let name = NAMES[sel as usize % NAMES.len()];
    let mut b = Dictionaries::builder();
    b.add_bytes(name, body);
    let d = b.build();
    let text = String::from_utf8_lossy(body);
    let tokens: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == '|' || c == ';').filter(|t| !t.is_empty()).take(64).collect();
    let day = jiff::civil::date(2024, 5, 12);
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
        let _ = d.noun_patterns(t).count();
        let _ = d.in_synset("WEAPON", t);
        let _ = dyad_dict::variants::variants(t, 16);
        let _ = dyad_dict::variants::skeleton(t);
    }
    let _ = d.counts();
    let _ = d.conflicts();
    for x in d.diagnostics() {
        let _ = x.to_string();
    }
});
