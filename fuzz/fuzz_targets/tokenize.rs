//! The tokenizer and splitter on one paragraph: words are non-empty, in order, without
//! overlap, and their forms are the text they span.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for span in dyad_text::split::split_sentences(text, 0) {
        let tokens = dyad_text::tokenize::tokenize(span.of(text), span.start);
        let mut end = span.start;
        for w in &tokens.words {
            assert!(!w.form.is_empty());
            assert!(w.span.start >= end);
            assert_eq!(w.span.of(text), w.form);
            end = w.span.end;
        }
        for m in &tokens.multiwords {
            assert!(m.first <= m.last && m.last < tokens.words.len());
        }
    }
});
