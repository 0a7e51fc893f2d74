//! Plain text and JSON Lines through ingest, cleaning, splitting and tokenization: no
//! input may panic, and every span must point back into the article text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = dyad_text::ingest::plain_text(text, &dyad_text::Options::default());
    let doc = dyad_text::segment(article);
    for s in &doc.sentences {
        assert_eq!(s.span.of(&doc.article.text), s.text);
        for t in &s.tokens {
            assert_eq!(t.span.of(&doc.article.text), t.form);
        }
    }
});
