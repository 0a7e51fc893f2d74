//! PETRARCH discard lists (`Phoenix.discards.txt`): one phrase a line; a leading `+`
//! discards the whole story, otherwise only the sentence. A phrase ending in `_` must
//! end at a word boundary; otherwise its last word is a stem.

use crate::diag::{FileId, Origin, Sink};
use crate::model::{Discard, DiscardScope};
use crate::petrarch::{phrase_words, significant_lines};

pub(crate) fn parse(text: &str, file: FileId, sink: &mut Sink) -> Vec<Discard> {
    let mut out = Vec::new();
    for (n, line) in significant_lines(text, true) {
        let t = line.trim();
        let (scope, body) = match t.strip_prefix('+') {
            Some(b) => (DiscardScope::Article, b.trim()),
            None => (DiscardScope::Sentence, t),
        };
        let words = phrase_words(body);
        if words.is_empty() {
            sink.error(n, "empty discard phrase");
            continue;
        }
        if body.contains('[') {
            sink.warn(n, format!("discard phrase {body:?} contains `[`: is this an actor or agent line?"));
        }
        out.push(Discard {
            phrase: words.join(" "),
            scope,
            stem: !body.ends_with('_'),
            origin: Origin { file, line: n },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_and_stems() {
        let mut sink = Sink::new("d.txt");
        let d = parse("# c\n+World Golf Championships   # pas\nBASEBALL\nWORLD_CUP_\n+\n", FileId(0), &mut sink);
        assert_eq!(d.len(), 3);
        assert_eq!((d[0].phrase.as_str(), d[0].scope, d[0].stem), ("world golf championships", DiscardScope::Article, true));
        assert_eq!((d[1].phrase.as_str(), d[1].scope), ("baseball", DiscardScope::Sentence));
        assert!(!d[2].stem);
        assert_eq!(sink.out[0].to_string(), "d.txt:5: error: empty discard phrase");
    }
}
