//! The model file: tagger, lemmatizer and parser in one versioned, checksummed blob.
//!
//! Layout: the 8-byte magic `DYADNLP\0`, a little-endian u32 format version, a u64
//! payload length, a u64 checksum of the payload, then the payload. A file that is not
//! a dyad model, is of another format version, is truncated or has been altered is
//! refused with a message saying which, before any of it is decoded.

use std::fmt;
use std::path::Path;

use dyad_model::Sentence;

use crate::conllu::ConlluSentence;
use crate::hash::checksum;
use crate::io::{ByteReader, ByteWriter, FormatError};
use crate::lemma::Lemmatizer;
use crate::parser::{ParseScratch, Parser};
use crate::tagger::{TagScratch, Tagger};
use crate::tokinfo::TokInfo;

pub const MAGIC: &[u8; 8] = b"DYADNLP\0";
/// Bump whenever the payload layout or the feature extraction changes: a model
/// trained for other features would load fine and then produce garbage.
pub const FORMAT_VERSION: u32 = 4;
const HEADER: usize = 8 + 4 + 8 + 8;
/// Longest run of words parsed as one tree.
const MAX_PARSE: usize = 4096;

#[derive(Debug)]
pub enum ModelError {
    Io { source_name: String, error: std::io::Error },
    NotAModel { source_name: String },
    Version { source_name: String, found: u32 },
    Truncated { source_name: String, expected: u64, found: u64 },
    Checksum { source_name: String },
    Format { source_name: String, error: FormatError },
    NotEmbedded,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Io { source_name, error } => write!(f, "{source_name}: cannot read model: {error}"),
            ModelError::NotAModel { source_name } => {
                write!(f, "{source_name}: not a dyad parser model (wrong magic bytes; expected a file written by `dyad train parser`)")
            }
            ModelError::Version { source_name, found } => write!(
                f,
                "{source_name}: model format version {found}, but this dyad reads version {FORMAT_VERSION}; retrain it with `dyad train parser`"
            ),
            ModelError::Truncated { source_name, expected, found } => {
                write!(f, "{source_name}: model is truncated or padded: payload should be {expected} bytes, found {found}")
            }
            ModelError::Checksum { source_name } => write!(f, "{source_name}: model checksum mismatch: the file is corrupt"),
            ModelError::Format { source_name, error } => write!(f, "{source_name}: malformed model: {error}"),
            ModelError::NotEmbedded => write!(
                f,
                "this dyad was built without a parser model (models/en_ewt.dyadnlp was missing at build time); pass --model PATH"
            ),
        }
    }
}

impl std::error::Error for ModelError {}

/// Tagger, lemmatizer and parser, plus free-form metadata (how it was trained, its
/// dev scores).
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub meta: Vec<(String, String)>,
    pub(crate) tagger: Tagger,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) parser: Parser,
}

/// Buffers reused across sentences; one per thread.
#[derive(Default)]
pub struct Scratch {
    info: Vec<TokInfo>,
    tags: Vec<u16>,
    alts: Vec<u32>,
    heads: Vec<usize>,
    labels: Vec<u8>,
    tag: TagScratch,
    parse: ParseScratch,
    piece_heads: Vec<u16>,
    piece_labels: Vec<u8>,
}

/// The annotation of one sentence, by index into the model's tables.
pub struct Annotation<'m> {
    model: &'m Model,
    scratch: &'m Scratch,
}

impl<'m> Annotation<'m> {
    pub fn len(&self) -> usize {
        self.scratch.tags.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn upos(&self, i: usize) -> &'m str {
        &self.model.tagger.tags[self.scratch.tags[i] as usize].0
    }
    pub fn xpos(&self, i: usize) -> &'m str {
        &self.model.tagger.tags[self.scratch.tags[i] as usize].1
    }
    pub fn tag(&self, i: usize) -> u16 {
        self.scratch.tags[i]
    }
    pub fn head(&self, i: usize) -> usize {
        self.scratch.heads[i]
    }
    pub fn deprel(&self, i: usize) -> &'m str {
        &self.model.parser.labels[self.scratch.labels[i] as usize]
    }
}

impl Model {
    pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Model, ModelError> {
        let name = || source_name.to_string();
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel { source_name: name() });
        }
        if bytes.len() < HEADER {
            return Err(ModelError::Truncated { source_name: name(), expected: HEADER as u64, found: bytes.len() as u64 });
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().unwrap());
        if version != FORMAT_VERSION {
            return Err(ModelError::Version { source_name: name(), found: version });
        }
        let len = u64::from_le_bytes(bytes[12..20].try_into().unwrap());
        let sum = u64::from_le_bytes(bytes[20..28].try_into().unwrap());
        let payload = &bytes[HEADER..];
        if payload.len() as u64 != len {
            return Err(ModelError::Truncated { source_name: name(), expected: len, found: payload.len() as u64 });
        }
        if checksum(payload) != sum {
            return Err(ModelError::Checksum { source_name: name() });
        }
        let fmt_err = |error| ModelError::Format { source_name: name(), error };
        let mut r = ByteReader::new(payload);
        let n = r.len_prefix(2).map_err(fmt_err)?;
        let mut meta = Vec::with_capacity(n);
        for _ in 0..n {
            meta.push((r.str().map_err(fmt_err)?, r.str().map_err(fmt_err)?));
        }
        let tagger = Tagger::read(&mut r).map_err(fmt_err)?;
        let lemmatizer = Lemmatizer::read(&mut r).map_err(fmt_err)?;
        let parser = Parser::read(&mut r).map_err(fmt_err)?;
        if !r.at_end() {
            return Err(fmt_err(r.invalid("trailing bytes after the parser")));
        }
        Ok(Model { meta, tagger, lemmatizer, parser })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::default();
        w.varint(self.meta.len() as u64);
        for (k, v) in &self.meta {
            w.str(k);
            w.str(v);
        }
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        let payload = w.into_inner();
        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    pub fn load(path: &Path) -> Result<Model, ModelError> {
        let source_name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|error| ModelError::Io { source_name: source_name.clone(), error })?;
        Model::from_bytes(&bytes, &source_name)
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        std::fs::write(path, self.to_bytes())
    }

    /// The model compiled into this binary (`models/en_ewt.dyadnlp`).
    pub fn embedded() -> Result<Model, ModelError> {
        match crate::EMBEDDED_MODEL {
            Some(b) => Model::from_bytes(b, "embedded model (models/en_ewt.dyadnlp)"),
            None => Err(ModelError::NotEmbedded),
        }
    }

    /// A copy whose parser lacks the weights smaller than `min` quantization steps:
    /// smaller file, fewer cache misses, and (for small `min`) the same decisions.
    /// The tagger is small and keeps all of its weights (pruning it cost tags, and
    /// every tag the parser is given matters).
    pub fn pruned(&self, min: i16) -> Model {
        let mut m = self.clone();
        m.parser.weights = m.parser.weights.prune(min);
        m
    }

    /// The parser's beam width (the one it was trained with, unless changed).
    pub fn beam(&self) -> usize {
        self.parser.beam
    }

    /// Decode with another beam width: narrower is faster and a little less accurate.
    pub fn set_beam(&mut self, k: usize) {
        self.parser.beam = k.max(1);
    }

    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// Sizes for a one-line description: (joint tags, tagger features, labels,
    /// parser features).
    pub fn sizes(&self) -> (usize, usize, usize, usize) {
        (self.tagger.n_tags(), self.tagger.weights.n_features(), self.parser.n_labels(), self.parser.weights.n_features())
    }

    /// Tag and parse a sequence of word forms. The result borrows `scratch`.
    pub fn analyse<'a, S: AsRef<str>>(&'a self, forms: &[S], scratch: &'a mut Scratch) -> Annotation<'a> {
        scratch.info.clear();
        scratch.info.extend(forms.iter().map(|f| TokInfo::new(f.as_ref())));
        self.tagger.tag_with_alternatives(&scratch.info, &mut scratch.tag, &mut scratch.tags, &mut scratch.alts);
        self.mend_tags(forms, &mut scratch.tags, &mut scratch.alts);
        scratch.heads.clear();
        scratch.labels.clear();
        // The parser indexes words with 16 bits. Runaway "sentences" (a table or a
        // list with no full stop) are parsed in pieces; each piece's root hangs from
        // the first piece's root.
        let (mut hs, mut ls) = (std::mem::take(&mut scratch.piece_heads), std::mem::take(&mut scratch.piece_labels));
        let mut first_root = 0usize;
        for start in (0..forms.len()).step_by(MAX_PARSE) {
            let end = (start + MAX_PARSE).min(forms.len());
            self.parser.parse(&scratch.info[start..end], &scratch.tags[start..end], &scratch.alts[start..end], &mut scratch.parse, &mut hs, &mut ls);
            for (&h, &l) in hs.iter().zip(&ls) {
                if h == 0 && start > 0 {
                    scratch.heads.push(first_root);
                    scratch.labels.push(self.parser.fallback);
                } else {
                    scratch.heads.push(if h == 0 { 0 } else { h as usize + start });
                    scratch.labels.push(l);
                }
            }
            if start == 0 {
                first_root = hs.iter().position(|&h| h == 0).map_or(1, |i| i + 1);
            }
        }
        scratch.piece_heads = hs;
        scratch.piece_labels = ls;
        Annotation { model: self, scratch }
    }

    /// Tags that grammar rules out, mended before parsing. The tagger reads few news
    /// sentences and the parser builds the sentence around whatever verb it is given, so a
    /// wrong verb tag costs the whole clause. Each rule's tagger choice is kept as the
    /// runner-up, which the parser sees:
    /// - "Israeli warplanes struck positions of a militia": a past participle right after
    ///   a noun, with no auxiliary before it and a noun phrase right after it, is a past
    ///   tense; a participle on a noun takes no object ("the warplanes struck by fire").
    ///   (Not verbs of naming: "a group called Hamas".)
    /// - "Russia, which backs Assad": after ", which" a plural noun the tagger nearly took
    ///   for a verb is the verb.
    /// - "discussed whether to open talks": after "whether to" comes a verb.
    /// - "fired two artillery shells": after a verb and a number, a present tense is a
    ///   plural noun.
    fn mend_tags<S: AsRef<str>>(&self, forms: &[S], tags: &mut [u16], alts: &mut [u32]) {
        let xpos = |t: u16| self.tagger.tags.get(t as usize).map_or("", |(_, x)| x.as_str());
        let Some(past) = self.tagger.tags.iter().position(|(u, x)| u == "VERB" && x == "VBD") else { return };
        // (Nor participles that work as conjunctions: "provided it", "given that".)
        const NAMING: &[&str] = &["called", "named", "dubbed", "titled", "labelled", "labeled", "termed", "nicknamed", "known", "entitled", "provided", "given", "granted", "assuming"];
        const AUX: &[&str] = &["be", "is", "are", "was", "were", "been", "being", "am", "has", "have", "had", "having", "'s", "'re", "'ve", "get", "got", "gets"];
        for i in 1..tags.len().saturating_sub(1) {
            if xpos(tags[i]) != "VBN" || !matches!(xpos(tags[i - 1]), "NNS" | "NNPS" | "NN" | "NNP") {
                continue;
            }
            let form = forms[i].as_ref().to_lowercase();
            let aux_before = (i.saturating_sub(4)..i).any(|k| AUX.contains(&forms[k].as_ref().to_lowercase().as_str()));
            let next = forms[i + 1].as_ref();
            let time_word = matches!(next, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday" | "January" | "February" | "March" | "April" | "May" | "June" | "July" | "August" | "September" | "October" | "November" | "December" | "last" | "this" | "next" | "yesterday" | "today" | "earlier" | "later");
            let noun_phrase_next = matches!(xpos(tags[i + 1]), "DT" | "CD" | "PRP$" | "NNS" | "NNPS" | "NN" | "NNP" | "PRP");
            // ("family owned company", "web based portals": a bare noun, a participle
            // and a bare noun make a compound adjective; a subject is plural, a name or
            // determined: "the storm threatened oil installations".)
            let bare_next = matches!(xpos(tags[i + 1]), "NN" | "NNS");
            // (A determined singular noun only as the sentence's first phrase: "a family
            // owned company" after a verb is an object.)
            let verb_before = tags[..i - 1].iter().any(|&t| xpos(t).starts_with("VB") || xpos(t) == "MD");
            // (Forces named in the singular act as a plural: "Bangladeshi police fired
            // rubber bullets".)
            let force = matches!(forms[i - 1].as_ref().to_lowercase().as_str(), "police" | "military" | "army" | "navy" | "junta");
            let determined = matches!(xpos(tags[i - 1]), "NNS" | "NNPS" | "NNP") || force || !verb_before && (i.saturating_sub(3)..i - 1).any(|k| matches!(xpos(tags[k]), "DT" | "PRP$" | "CD"));
            let adverb_next = matches!(next, "herein" | "here" | "there" | "above" | "below" | "hereby");
            if aux_before || time_word || adverb_next || !noun_phrase_next || (bare_next && !determined) || NAMING.contains(&form.as_str()) {
                continue;
            }
            alts[i] = (tags[i] as u32) << 2;
            tags[i] = past as u16;
        }
        // "Ukraine shot down 20 drones": an irregular past tense right after a name, with
        // no verb before it and a particle or the start of a noun phrase after it, is the
        // sentence's verb, though the tagger read a noun ("shot", "hit", "cut").
        let verb_tag = |t: u16| xpos(t).starts_with("VB") || xpos(t) == "MD";
        for i in 1..tags.len().saturating_sub(1) {
            if !matches!(xpos(tags[i]), "NN" | "NNS") || crate::lemma::irregular_past(&forms[i].as_ref().to_lowercase()).is_none() {
                continue;
            }
            // (Or after a noun whose phrase opens the sentence: "the mayor left yesterday".)
            let opening_noun = || matches!(xpos(tags[i - 1]), "NN" | "NNS") && (0..i - 1).all(|k| matches!(xpos(tags[k]), "DT" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "POS" | "PRP$"));
            let after_name = matches!(xpos(tags[i - 1]), "NNP" | "NNPS") || opening_noun();
            let next = forms[i + 1].as_ref();
            let object_next = matches!(next, "down" | "up" | "out" | "off" | "back" | "away" | "yesterday" | "today" | "for") || matches!(xpos(tags[i + 1]), "DT" | "CD" | "PRP$");
            if after_name && object_next && !tags[..i].iter().any(|&t| verb_tag(t)) {
                alts[i] = (tags[i] as u32) << 2;
                tags[i] = past as u16;
            }
        }
        // "against an Islamic State target": a base-form verb at the end of a noun phrase
        // that began with an article (nothing there can make it an infinitive) is the
        // phrase's head noun.
        if let Some(noun) = self.tagger.tags.iter().position(|(u, x)| u == "NOUN" && x == "NN") {
            for i in 2..tags.len() {
                if xpos(tags[i]) != "VB" || !matches!(xpos(tags[i - 1]), "NNP" | "NNPS" | "NN") {
                    continue;
                }
                let mut k = i - 1;
                while k > 0 && matches!(xpos(tags[k]), "NNP" | "NNPS" | "NN" | "JJ") {
                    k -= 1;
                }
                // (Not "let the people decide": a causative's object acts.)
                let causative = k > 0 && matches!(forms[k - 1].as_ref().to_lowercase().as_str(), "let" | "lets" | "make" | "makes" | "made" | "help" | "helps" | "helped" | "have" | "has" | "had" | "see" | "saw" | "watch" | "hear" | "heard" | "letting" | "making" | "helping");
                // (Nor with an object after it: "a large open hibachi cook your food".)
                let object_next = tags.get(i + 1).is_some_and(|&t| matches!(xpos(t), "DT" | "PRP$" | "PRP"));
                if matches!(forms[k].as_ref().to_lowercase().as_str(), "a" | "an") && !causative && !object_next {
                    alts[i] = (tags[i] as u32) << 2;
                    tags[i] = noun as u16;
                }
            }
        }
        // "Russia, which backs President Assad": right after a relative "which" or "who"
        // that follows a comma comes the relative clause's verb (or its subject's
        // determiner, "which the"); a plural noun there that the tagger nearly took for a
        // verb is the verb.
        if let Some(present) = self.tagger.tags.iter().position(|(u, x)| u == "VERB" && x == "VBZ") {
            for i in 2..tags.len().saturating_sub(1) {
                let relative = forms[i - 2].as_ref() == "," && matches!(forms[i - 1].as_ref(), "which" | "who");
                let runner_up = (alts[i] >> 2) as usize;
                if relative && xpos(tags[i]) == "NNS" && runner_up == present && !matches!(xpos(tags[i + 1]), "VBZ" | "VBP" | "VBD" | "MD") {
                    alts[i] = (tags[i] as u32) << 2;
                    tags[i] = present as u16;
                }
            }
            // "The United Nations plans to send peacekeepers": a plural noun right after a
            // name, with no verb before it and "to" after it, that the tagger nearly took
            // for a verb, is the sentence's verb.
            for i in 1..tags.len().saturating_sub(1) {
                let runner_up = (alts[i] >> 2) as usize;
                let after_name = matches!(xpos(tags[i - 1]), "NNP" | "NNPS");
                // (Or a preposition: "Ethiopia departs from Libya".)
                let complement_next = forms[i + 1].as_ref() == "to" || matches!(xpos(tags[i + 1]), "IN");
                if after_name && xpos(tags[i]) == "NNS" && runner_up == present && complement_next && !tags[..i].iter().any(|&t| verb_tag(t)) {
                    alts[i] = (tags[i] as u32) << 2;
                    tags[i] = present as u16;
                }
            }
        }
        // "discussed whether to open talks": after "whether to" (or "how to") comes a
        // verb; a word there the tagger nearly took for one is one.
        if let Some(base) = self.tagger.tags.iter().position(|(u, x)| u == "VERB" && x == "VB") {
            for i in 2..tags.len() {
                let wh = matches!(forms[i - 2].as_ref().to_lowercase().as_str(), "whether" | "how" | "where" | "when" | "what");
                let runner_up = (alts[i] >> 2) as usize;
                if wh && forms[i - 1].as_ref().eq_ignore_ascii_case("to") && xpos(tags[i]) != "VB" && runner_up == base {
                    alts[i] = (tags[i] as u32) << 2;
                    tags[i] = base as u16;
                    // ("to" before it is the infinitive's mark.)
                    if let Some(to) = self.tagger.tags.iter().position(|(u, x)| u == "PART" && x == "TO") {
                        tags[i - 1] = to as u16;
                    }
                }
            }
        }
        // "fired two artillery shells": after a verb and a number, the nouns that follow
        // are the object; a present-tense verb there ("shells") is a plural noun.
        let Some(plural) = self.tagger.tags.iter().position(|(u, x)| u == "NOUN" && x == "NNS") else { return };
        for i in 2..tags.len() {
            if xpos(tags[i]) != "VBZ" {
                continue;
            }
            let mut k = i - 1;
            while k > 0 && i - k <= 2 && matches!(xpos(tags[k]), "NN" | "JJ") {
                k -= 1;
            }
            if k >= 1 && xpos(tags[k]) == "CD" && xpos(tags[k - 1]).starts_with("VB") {
                alts[i] = (tags[i] as u32) << 2;
                tags[i] = plural as u16;
            }
        }
    }

    /// Parse with the tags given as (UPOS, XPOS) instead of the tagger's (for
    /// measuring how much tagging errors cost the parser). Tags the model does not
    /// know fall back to the tagger's.
    #[doc(hidden)]
    pub fn attachment_with_tags(&self, forms: &[&str], tags: &[(&str, &str)], scratch: &mut Scratch) -> (Vec<u16>, Vec<String>) {
        scratch.info.clear();
        scratch.info.extend(forms.iter().map(|f| TokInfo::new(f)));
        self.tagger.tag_with_alternatives(&scratch.info, &mut scratch.tag, &mut scratch.tags, &mut scratch.alts);
        for (t, (u, x)) in scratch.tags.iter_mut().zip(tags) {
            if let Some(i) = self.tagger.tags.iter().position(|(a, b)| a == u && b == x) {
                *t = i as u16;
            }
        }
        let (mut hs, mut ls) = (Vec::new(), Vec::new());
        self.parser.parse(&scratch.info, &scratch.tags, &scratch.alts, &mut scratch.parse, &mut hs, &mut ls);
        (hs, ls.iter().map(|&l| self.parser.labels[l as usize].clone()).collect())
    }

    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        self.lemmatizer.lemma(form, xpos)
    }

    pub fn feats(&self, form: &str, tag: u16) -> &str {
        self.lemmatizer.feats(form, tag)
    }

    /// Fill UPOS, XPOS, lemma, FEATS, head and relation of every token.
    pub fn annotate(&self, s: &mut Sentence, scratch: &mut Scratch) {
        let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        let a = self.analyse(&forms, scratch);
        let mut out = Vec::with_capacity(a.len());
        for i in 0..a.len() {
            let (upos, xpos) = (a.upos(i), a.xpos(i));
            out.push((
                upos.to_string(),
                xpos.to_string(),
                self.lemma(forms[i], xpos),
                self.feats(forms[i], a.tag(i)).to_string(),
                a.head(i),
                a.deprel(i).to_string(),
            ));
        }
        for (t, (upos, xpos, lemma, feats, head, deprel)) in s.tokens.iter_mut().zip(out) {
            t.upos = Some(upos);
            t.xpos = Some(xpos);
            t.lemma = Some(lemma);
            t.feats = if feats == "_" { None } else { Some(feats) };
            t.head = Some(head);
            t.deprel = Some(deprel);
        }
    }

    /// Overwrite the annotation columns of a CoNLL-U sentence (forms, comments,
    /// ranges, empty nodes and MISC are kept; DEPS is cleared since the basic tree it
    /// was derived from has changed).
    pub fn annotate_conllu(&self, s: &mut ConlluSentence, scratch: &mut Scratch) {
        let forms: Vec<String> = s.words.iter().map(|w| w.form.clone()).collect();
        let a = self.analyse(&forms, scratch);
        let mut out = Vec::with_capacity(a.len());
        for i in 0..a.len() {
            let (upos, xpos) = (a.upos(i), a.xpos(i));
            out.push((
                upos.to_string(),
                xpos.to_string(),
                self.lemma(&forms[i], xpos),
                self.feats(&forms[i], a.tag(i)).to_string(),
                a.head(i),
                a.deprel(i).to_string(),
            ));
        }
        for (w, (upos, xpos, lemma, feats, head, deprel)) in s.words.iter_mut().zip(out) {
            w.upos = upos;
            w.xpos = xpos;
            w.lemma = lemma;
            w.feats = feats;
            w.head = Some(head);
            w.deprel = deprel;
            w.deps = "_".to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model whose payload is altered and then re-signed, as a buggy writer could
    /// produce, must be refused or loaded, never crash the loader.
    #[test]
    fn resigned_garbage_never_panics() {
        let text = "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\t_\n\n";
        let sents = crate::conllu::parse_str(text, "t").unwrap();
        let opts = crate::train::TrainOptions { tagger_epochs: 1, parser_epochs: 1, folds: 0, ..Default::default() };
        let good = crate::train::train(&sents, &sents, &opts, &mut |_| {}).0.to_bytes();
        let resign = |mut b: Vec<u8>| {
            let payload_len = (b.len() - HEADER) as u64;
            b[12..20].copy_from_slice(&payload_len.to_le_bytes());
            let sum = checksum(&b[HEADER..]);
            b[20..28].copy_from_slice(&sum.to_le_bytes());
            b
        };
        let mut rng = crate::hash::Rng::new(3);
        let mut refused = 0;
        for i in 0..300 {
            let mut b = good.clone();
            match i % 3 {
                0 => {
                    let p = HEADER + rng.below(b.len() - HEADER);
                    b[p] = rng.next_u64() as u8;
                }
                1 => {
                    let keep = HEADER + rng.below(b.len() - HEADER);
                    b.truncate(keep);
                }
                _ => {
                    for _ in 0..8 {
                        let p = HEADER + rng.below(b.len() - HEADER);
                        b[p] = 0xff;
                    }
                }
            }
            if Model::from_bytes(&resign(b), "fuzzed").is_err() {
                refused += 1;
            }
        }
        assert!(refused > 100, "most damaged payloads are refused ({refused}/300)");
        let e = Model::from_bytes(&resign(good[..HEADER + 3].to_vec()), "short").unwrap_err();
        assert!(matches!(e, ModelError::Format { .. }), "{e}");
    }
}
