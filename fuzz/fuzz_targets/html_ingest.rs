//! Arbitrary bytes as an HTML page: extraction never panics and never hangs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let page = dyad_text::html::extract(&html);
    let _ = dyad_text::segment(dyad_text::ingest::plain_text(page.text, &dyad_text::Options::default()));
});
