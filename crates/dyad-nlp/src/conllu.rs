//! CoNLL-U (UD v2) reading and writing.
//!
//! Written in-house because real treebanks carry lines that general readers reject:
//! multiword-token ranges (`3-4  don't`) and enhanced-graph empty nodes (`8.1`). Both are
//! kept so a file round-trips, but only the word lines form the basic tree that the
//! tagger and parser see. Comments (`# text = ...`, `# sent_id = ...`) and the MISC
//! column are kept verbatim. Every error names the file and the line.

use std::fmt;
use std::io::{BufRead, Write};
use std::path::Path;

use dyad_model::{Multiword, Sentence, Span, Token};

/// A reader or format error, with the file and 1-based line it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ConlluError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ConlluError {}

/// One syntactic word (an integer-ID line). Columns are kept as text so that writing
/// reproduces the input; `_` stands for "no value" as in the format.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// `None` when the column is `_` (untreed input).
    pub head: Option<usize>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// A multiword-token range line (`first-last`, 1-based, inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    pub first: usize,
    pub last: usize,
    pub form: String,
    /// The remaining eight columns, joined by tabs as they were read.
    pub rest: String,
}

/// An empty node (`after.k`), kept as its raw line; it plays no part in basic trees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmptyNode {
    /// The integer part of its ID: the word it follows (0 = before the first word).
    pub after: usize,
    pub line: String,
}

/// One sentence block.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// Comment lines without the leading `#` (so `" text = Hello"`).
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    pub ranges: Vec<Range>,
    pub empty: Vec<EmptyNode>,
    /// Line number of the block's first line, for messages about the sentence.
    pub line: usize,
}

impl ConlluSentence {
    /// The value of a `# key = value` comment.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let c = c.trim_start();
            let rest = c.strip_prefix(key)?;
            let rest = rest.trim_start();
            rest.strip_prefix('=').map(|v| v.trim())
        })
    }

    /// The sentence text: the `# text` comment, or the forms joined with the spacing
    /// that `SpaceAfter=No` (on range lines for words inside ranges) implies.
    pub fn text(&self) -> String {
        if let Some(t) = self.comment("text") {
            return t.to_string();
        }
        let mut out = String::new();
        for (form, misc) in self.surface_units() {
            out.push_str(form);
            if !misc_has(misc, "SpaceAfter=No") {
                out.push(' ');
            }
        }
        out.truncate(out.trim_end().len());
        out
    }

    /// Surface tokens in order: range lines stand for the words they cover.
    fn surface_units(&self) -> Vec<(&str, &str)> {
        let mut units = Vec::new();
        let mut i = 1;
        while i <= self.words.len() {
            if let Some(r) = self.ranges.iter().find(|r| r.first == i) {
                let misc = r.rest.rsplit('\t').next().unwrap_or("_");
                units.push((r.form.as_str(), misc));
                i = r.last + 1;
            } else {
                let w = &self.words[i - 1];
                units.push((w.form.as_str(), w.misc.as_str()));
                i += 1;
            }
        }
        units
    }
}

fn misc_has(misc: &str, item: &str) -> bool {
    misc.split('|').any(|m| m == item)
}

/// Streams sentences from a CoNLL-U source.
pub struct Reader<R> {
    input: R,
    name: String,
    line_no: usize,
    buf: String,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    /// `name` is what errors call the source (a path, or `<stdin>`).
    pub fn new(input: R, name: impl Into<String>) -> Self {
        Reader { input, name: name.into(), line_no: 0, buf: String::new(), done: false }
    }

    fn err(&self, line: usize, message: impl Into<String>) -> ConlluError {
        ConlluError { file: self.name.clone(), line, message: message.into() }
    }

    fn next_sentence(&mut self) -> Result<Option<ConlluSentence>, ConlluError> {
        let mut sent = ConlluSentence::default();
        let mut started = false;
        loop {
            self.buf.clear();
            let n = self
                .input
                .read_line(&mut self.buf)
                .map_err(|e| self.err(self.line_no + 1, format!("cannot read: {e}")))?;
            if n == 0 {
                self.done = true;
                break;
            }
            self.line_no += 1;
            let line = self.buf.trim_end_matches(['\n', '\r']);
            let line_no = self.line_no;
            if line.trim().is_empty() {
                if started {
                    break;
                }
                continue;
            }
            if !started {
                started = true;
                sent.line = line_no;
            }
            if let Some(c) = line.strip_prefix('#') {
                if !sent.words.is_empty() || !sent.ranges.is_empty() {
                    return Err(self.err(line_no, "comment line inside a sentence (a blank line is missing before it?)"));
                }
                sent.comments.push(c.to_string());
                continue;
            }
            let line = line.to_string();
            self.parse_line(&line, line_no, &mut sent)?;
        }
        if !started {
            return Ok(None);
        }
        if sent.words.is_empty() {
            return Err(self.err(sent.line, "sentence has no word lines"));
        }
        let n = sent.words.len();
        for (i, w) in sent.words.iter().enumerate() {
            if let Some(h) = w.head {
                if h > n {
                    return Err(self.err(sent.line, format!("word {} has head {h}, but the sentence has {n} words", i + 1)));
                }
                if h == i + 1 {
                    return Err(self.err(sent.line, format!("word {} is its own head", i + 1)));
                }
            }
        }
        for r in &sent.ranges {
            if r.last > n {
                return Err(self.err(sent.line, format!("range {}-{} goes past the last word {n}", r.first, r.last)));
            }
        }
        Ok(Some(sent))
    }

    fn parse_line(&self, line: &str, line_no: usize, sent: &mut ConlluSentence) -> Result<(), ConlluError> {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(self.err(line_no, format!("expected 10 tab-separated columns, found {}", cols.len())));
        }
        let id = cols[0];
        if let Some((a, b)) = id.split_once('-') {
            let first: usize = a.parse().map_err(|_| self.err(line_no, format!("bad range ID {id:?}")))?;
            let last: usize = b.parse().map_err(|_| self.err(line_no, format!("bad range ID {id:?}")))?;
            if first == 0 || last < first || first != sent.words.len() + 1 {
                return Err(self.err(line_no, format!("range {id} does not start at the next word ({})", sent.words.len() + 1)));
            }
            sent.ranges.push(Range { first, last, form: cols[1].to_string(), rest: cols[2..].join("\t") });
            return Ok(());
        }
        if let Some((a, _)) = id.split_once('.') {
            let after: usize = a.parse().map_err(|_| self.err(line_no, format!("bad empty-node ID {id:?}")))?;
            if after != sent.words.len() {
                return Err(self.err(line_no, format!("empty node {id} is out of order")));
            }
            sent.empty.push(EmptyNode { after, line: line.to_string() });
            return Ok(());
        }
        let n: usize = id.parse().map_err(|_| self.err(line_no, format!("bad word ID {id:?}")))?;
        if n != sent.words.len() + 1 {
            return Err(self.err(line_no, format!("word ID {n} where {} was expected", sent.words.len() + 1)));
        }
        if cols[1].is_empty() {
            return Err(self.err(line_no, "empty FORM column"));
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(h.parse().map_err(|_| self.err(line_no, format!("bad HEAD {h:?}")))?),
        };
        sent.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
        Ok(())
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<ConlluSentence, ConlluError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_sentence() {
            Ok(Some(s)) => Some(Ok(s)),
            Ok(None) => None,
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Read a whole CoNLL-U string (`name` is used in errors).
pub fn parse_str(text: &str, name: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    Reader::new(text.as_bytes(), name).collect()
}

/// Read a whole CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<ConlluSentence>, ConlluError> {
    let name = path.display().to_string();
    let f = std::fs::File::open(path)
        .map_err(|e| ConlluError { file: name.clone(), line: 0, message: format!("cannot open: {e}") })?;
    Reader::new(std::io::BufReader::new(f), name).collect()
}

/// Write one sentence block, followed by its blank line.
pub fn write_sentence<W: Write>(out: &mut W, s: &ConlluSentence) -> std::io::Result<()> {
    for c in &s.comments {
        writeln!(out, "#{c}")?;
    }
    for e in s.empty.iter().filter(|e| e.after == 0) {
        writeln!(out, "{}", e.line)?;
    }
    for (i, w) in s.words.iter().enumerate() {
        let id = i + 1;
        for r in s.ranges.iter().filter(|r| r.first == id) {
            writeln!(out, "{}-{}\t{}\t{}", r.first, r.last, r.form, r.rest)?;
        }
        let head = match w.head {
            Some(h) => h.to_string(),
            None => "_".to_string(),
        };
        writeln!(
            out,
            "{id}\t{}\t{}\t{}\t{}\t{}\t{head}\t{}\t{}\t{}",
            w.form, w.lemma, w.upos, w.xpos, w.feats, w.deprel, w.deps, w.misc
        )?;
        for e in s.empty.iter().filter(|e| e.after == id) {
            writeln!(out, "{}", e.line)?;
        }
    }
    writeln!(out)
}

/// Write sentences to a string (used by tests and small outputs).
pub fn to_string(sents: &[ConlluSentence]) -> String {
    let mut out = Vec::new();
    for s in sents {
        write_sentence(&mut out, s).expect("writing to a Vec cannot fail");
    }
    String::from_utf8(out).expect("CoNLL-U built from Strings is UTF-8")
}

fn opt(s: &str) -> Option<String> {
    if s == "_" || s.is_empty() {
        None
    } else {
        Some(s.to_string())
    }
}

fn or_blank(s: &Option<String>) -> String {
    match s {
        Some(v) if !v.is_empty() => v.clone(),
        _ => "_".to_string(),
    }
}

/// Convert to dyad's [`Sentence`]: tokens are the syntactic words, range lines become
/// [`Multiword`]s. Spans are byte offsets into the sentence's own text (the sentence
/// span is `0..text.len()`), found by matching forms left to right; a word whose form
/// cannot be found in the text gets an empty span at the current position.
pub fn to_sentence(cs: &ConlluSentence) -> Sentence {
    let text = cs.text();
    let mut tokens: Vec<Token> = cs
        .words
        .iter()
        .map(|w| Token {
            form: w.form.clone(),
            span: Span::default(),
            upos: opt(&w.upos),
            xpos: opt(&w.xpos),
            lemma: opt(&w.lemma),
            feats: opt(&w.feats),
            head: w.head,
            deprel: opt(&w.deprel),
        })
        .collect();
    let mut multiwords = Vec::new();
    let mut cursor = 0usize;
    let mut i = 1;
    while i <= cs.words.len() {
        if let Some(r) = cs.ranges.iter().find(|r| r.first == i) {
            let span = locate(&text, &r.form, &mut cursor);
            // Sub-spans when the words spell the range form ("do"+"n't"), else the
            // whole range span for each word ("won't" = "wo"+"n't" still spells it;
            // "del" = "de"+"el" does not).
            let mut sub = span.start;
            let mut spelled = true;
            for k in r.first..=r.last {
                let f = &cs.words[k - 1].form;
                if text.get(sub..).is_some_and(|t| t.starts_with(f.as_str())) && sub + f.len() <= span.end {
                    tokens[k - 1].span = Span::new(sub, sub + f.len());
                    sub += f.len();
                } else {
                    spelled = false;
                    break;
                }
            }
            if !spelled {
                for k in r.first..=r.last {
                    tokens[k - 1].span = span;
                }
            }
            multiwords.push(Multiword { first: r.first - 1, last: r.last - 1, form: r.form.clone(), span });
            i = r.last + 1;
        } else {
            tokens[i - 1].span = locate(&text, &cs.words[i - 1].form, &mut cursor);
            i += 1;
        }
    }
    Sentence { span: Span::new(0, text.len()), text, tokens, multiwords, ..Default::default() }
}

fn locate(text: &str, form: &str, cursor: &mut usize) -> Span {
    let rest = &text[*cursor..];
    let skipped = rest.len() - rest.trim_start().len();
    let at = *cursor + skipped;
    if text[at..].starts_with(form) {
        *cursor = at + form.len();
        return Span::new(at, *cursor);
    }
    // Forms can differ from the text (normalised quotes, typos fixed in the
    // treebank); look a little further before giving up.
    if let Some(off) = text[at..].find(form) {
        if off < 16 {
            let s = at + off;
            *cursor = s + form.len();
            return Span::new(s, *cursor);
        }
    }
    Span::new(at, at)
}

/// Convert a dyad [`Sentence`] to a CoNLL-U block. `SpaceAfter=No` is derived from the
/// spans; `comments` are written first (e.g. `sent_id`), then `# text`.
pub fn from_sentence(s: &Sentence, comments: Vec<String>) -> ConlluSentence {
    let mut cs = ConlluSentence { comments, ..Default::default() };
    cs.comments.push(format!(" text = {}", s.text.replace('\n', " ")));
    let n = s.tokens.len();
    // Ranges are surface tokens: the space after them is decided by the range.
    let in_range = |i: usize| s.multiwords.iter().find(|m| m.first <= i && i <= m.last);
    for (i, t) in s.tokens.iter().enumerate() {
        let mut misc = Vec::new();
        let next_start = s.tokens.get(i + 1).map(|t| t.span.start);
        let no_space = match in_range(i) {
            Some(_) => false,
            None => next_start.is_some_and(|ns| ns == t.span.end && !t.span.is_empty()),
        };
        if no_space && i + 1 < n {
            misc.push("SpaceAfter=No");
        }
        cs.words.push(Word {
            form: t.form.clone(),
            lemma: or_blank(&t.lemma),
            upos: or_blank(&t.upos),
            xpos: or_blank(&t.xpos),
            feats: or_blank(&t.feats),
            head: t.head,
            deprel: or_blank(&t.deprel),
            deps: "_".to_string(),
            misc: if misc.is_empty() { "_".to_string() } else { misc.join("|") },
        });
    }
    for m in &s.multiwords {
        let next_start = s.tokens.get(m.last + 1).map(|t| t.span.start);
        let no_space = next_start.is_some_and(|ns| ns == m.span.end && !m.span.is_empty());
        let misc = if no_space { "SpaceAfter=No" } else { "_" };
        cs.ranges.push(Range {
            first: m.first + 1,
            last: m.last + 1,
            form: m.form.clone(),
            rest: format!("_\t_\t_\t_\t_\t_\t_\t{misc}"),
        });
    }
    cs.ranges.sort_by_key(|r| r.first);
    cs
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n4.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\t_\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n\n# sent_id = s2\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\tSpaceAfter=No\n2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n\n";

    #[test]
    fn round_trips_ranges_empty_nodes_comments_and_misc() {
        let sents = parse_str(SAMPLE, "sample.conllu").unwrap();
        assert_eq!(sents.len(), 2);
        let s = &sents[0];
        assert_eq!(s.words.len(), 5, "empty node and range are not words");
        assert_eq!(s.ranges, vec![Range { first: 2, last: 3, form: "don't".into(), rest: "_\t_\t_\t_\t_\t_\t_\t_".into() }]);
        assert_eq!(s.empty.len(), 1);
        assert_eq!(s.words[3].misc, "SpaceAfter=No");
        assert_eq!(s.comment("sent_id"), Some("s1"));
        assert_eq!(to_string(&sents), SAMPLE);
    }

    #[test]
    fn text_is_rebuilt_from_space_after_when_comment_is_missing() {
        let sents = parse_str(SAMPLE, "x").unwrap();
        assert_eq!(sents[1].text(), "Hi!");
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad = "# a\n1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\tone\tdep\t_\t_\n";
        let e = parse_str(bad, "bad.conllu").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("bad.conllu", 3));
        assert!(e.to_string().starts_with("bad.conllu:3: bad HEAD"), "{e}");
        let e = parse_str("1\tA\ta\n", "short.conllu").unwrap_err();
        assert_eq!(e.to_string(), "short.conllu:1: expected 10 tab-separated columns, found 3");
        let e = parse_str("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", "gap").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse_str("1\tA\ta\tX\tX\t_\t7\troot\t_\t_\n", "far").unwrap_err();
        assert!(e.to_string().contains("head 7"), "{e}");
    }

    #[test]
    fn converts_to_dyad_sentence_with_spans_and_multiwords() {
        let sents = parse_str(SAMPLE, "x").unwrap();
        let s = to_sentence(&sents[0]);
        assert_eq!(s.text, "I don't know.");
        let spans: Vec<&str> = s.tokens.iter().map(|t| t.span.of(&s.text)).collect();
        assert_eq!(spans, ["I", "do", "n't", "know", "."]);
        assert_eq!(s.multiwords.len(), 1);
        assert_eq!((s.multiwords[0].first, s.multiwords[0].last), (1, 2));
        assert_eq!(s.tokens[2].lemma.as_deref(), Some("not"));
        assert_eq!(s.tokens[3].head, Some(0));
        // Back: SpaceAfter=No comes from the spans, the range from the multiword.
        let back = from_sentence(&s, vec![" sent_id = s1".into()]);
        assert_eq!(back.words[3].misc, "SpaceAfter=No");
        assert_eq!(back.ranges[0].form, "don't");
        assert_eq!(back.words.iter().map(|w| w.head).collect::<Vec<_>>(), sents[0].words.iter().map(|w| w.head).collect::<Vec<_>>());
        assert_eq!(back.text(), "I don't know.");
    }

    #[test]
    fn reads_real_treebank_when_present() {
        let Some(p) = dyad_testdata::data_file("ud/en_ewt-ud-dev.conllu") else { return };
        let sents = read_file(&p).unwrap();
        assert_eq!(sents.len(), 2001);
        assert_eq!(sents.iter().map(|s| s.words.len()).sum::<usize>(), 25147);
        assert_eq!(sents.iter().map(|s| s.ranges.len()).sum::<usize>(), 359);
        assert_eq!(sents.iter().map(|s| s.empty.len()).sum::<usize>(), 4);
        let text = std::fs::read_to_string(&p).unwrap();
        assert_eq!(to_string(&sents), text, "dev file round-trips byte for byte");
    }
}
