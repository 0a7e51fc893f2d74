//! Compiled phrase matchers: multi-word names, agents and discard phrases found in a
//! sentence's tokens, longest match first.
//!
//! A [`PhraseTrie`] is a trie over interned words: each dictionary phrase is a path of
//! word ids, and matching walks the sentence's words from each start position. This is
//! the same shape as an Aho-Corasick automaton over word symbols, but it needs no
//! word-boundary checks (it never sees characters) and building it over the ~140,000
//! PETRARCH actor phrases takes a few tens of milliseconds.
//!
//! Tokens are normalised the same way as dictionary phrases ([`crate::variants`]): one
//! token may give several words ("al-Qaeda" → `al qaeda`) and a punctuation token none;
//! [`TokenWords`] keeps the mapping back to token indices so a match always covers whole
//! tokens.

use rustc_hash::FxHashMap;

/// Interned word id.
type WordId = u32;
/// Trie node id; 0 is the root.
type NodeId = u32;

/// A trie over word sequences with values of type `T` at phrase ends.
#[derive(Debug, Clone)]
pub(crate) struct PhraseTrie<T> {
    words: FxHashMap<Box<str>, WordId>,
    edges: FxHashMap<(NodeId, WordId), NodeId>,
    nodes: u32,
    values: FxHashMap<NodeId, Vec<T>>,
    /// Stem entries: at a node, a last word given as a prefix (PETRARCH discards), keyed
    /// by that prefix so that a sentence word looks up its own prefixes instead of
    /// trying every stem; each value carries its insertion number, to keep their order.
    stems: FxHashMap<NodeId, FxHashMap<Box<str>, Vec<(u32, T)>>>,
    stem_count: u32,
}

impl<T> Default for PhraseTrie<T> {
    fn default() -> Self {
        PhraseTrie {
            words: FxHashMap::default(),
            edges: FxHashMap::default(),
            nodes: 1,
            values: FxHashMap::default(),
            stems: FxHashMap::default(),
            stem_count: 0,
        }
    }
}

impl<T> PhraseTrie<T> {
    fn intern(&mut self, w: &str) -> WordId {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.words.len() as WordId;
        self.words.insert(w.into(), id);
        id
    }

    fn node_for(&mut self, words: &[impl AsRef<str>]) -> NodeId {
        let mut node: NodeId = 0;
        for w in words {
            let id = self.intern(w.as_ref());
            node = match self.edges.get(&(node, id)) {
                Some(&n) => n,
                None => {
                    let n = self.nodes;
                    self.nodes += 1;
                    self.edges.insert((node, id), n);
                    n
                }
            };
        }
        node
    }

    /// Adds a phrase (its words, already normalised). Empty phrases are ignored.
    pub(crate) fn insert(&mut self, words: &[impl AsRef<str>], value: T) {
        if words.is_empty() {
            return;
        }
        let node = self.node_for(words);
        self.values.entry(node).or_default().push(value);
    }

    /// Adds a phrase whose last word matches as a prefix of a sentence word.
    pub(crate) fn insert_stem(&mut self, words: &[impl AsRef<str>], value: T) {
        let Some((last, init)) = words.split_last() else { return };
        let node = self.node_for(init);
        let n = self.stem_count;
        self.stem_count += 1;
        self.stems.entry(node).or_default().entry(last.as_ref().into()).or_default().push((n, value));
    }

    /// The id of a word, if any phrase uses it.
    pub(crate) fn word_id(&self, w: &str) -> Option<WordId> {
        self.words.get(w).copied()
    }

    /// Every phrase end reached from `start`: (index one past the last word, values),
    /// shortest first. `ids[i]` is the id of word `i` (None: a word no phrase has);
    /// `text[i]` the word itself, for stem entries.
    pub(crate) fn ends_from<'a>(
        &'a self,
        ids: &[Option<WordId>],
        text: &[String],
        start: usize,
        out: &mut Vec<(usize, &'a T)>,
    ) {
        let mut node: NodeId = 0;
        let mut i = start;
        let mut order: Vec<u32> = Vec::new();
        loop {
            if let Some(stems) = self.stems.get(&node) {
                if let Some(w) = text.get(i) {
                    let from = out.len();
                    for (k, _) in w.char_indices().skip(1).chain(std::iter::once((w.len(), ' '))) {
                        for (n, v) in stems.get(&w[..k]).into_iter().flatten() {
                            out.push((i + 1, v));
                            order.push(*n);
                        }
                    }
                    // Stems in the order they were written, as before the index.
                    if out.len() - from > 1 {
                        let mut found: Vec<(u32, (usize, &'a T))> = order.drain(..).zip(out.drain(from..)).collect();
                        found.sort_by_key(|f| f.0);
                        out.extend(found.into_iter().map(|f| f.1));
                    }
                    order.clear();
                }
            }
            let Some(Some(id)) = ids.get(i) else { break };
            let Some(&next) = self.edges.get(&(node, *id)) else { break };
            node = next;
            i += 1;
            if let Some(vs) = self.values.get(&node) {
                for v in vs {
                    out.push((i, v));
                }
            }
        }
    }

    /// The values of exactly this phrase.
    pub(crate) fn get(&self, words: &[impl AsRef<str>]) -> &[T] {
        let mut node: NodeId = 0;
        for w in words {
            let Some(id) = self.word_id(w.as_ref()) else { return &[] };
            let Some(&n) = self.edges.get(&(node, id)) else { return &[] };
            node = n;
        }
        self.values.get(&node).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Number of distinct words.
    pub(crate) fn vocabulary(&self) -> usize {
        self.words.len()
    }
}

/// A sentence's tokens as matching words.
#[derive(Debug, Default, Clone)]
pub(crate) struct TokenWords {
    /// Normalised words (exact form).
    pub(crate) exact: Vec<String>,
    /// Skeleton of each word (see [`crate::variants::skeleton_word`]), when asked for.
    pub(crate) skeleton: Vec<String>,
    /// Token index each word came from.
    pub(crate) token: Vec<usize>,
    /// Whether the token is capitalised (starts with an uppercase letter).
    pub(crate) capitalised: Vec<bool>,
    /// How each word is written, see [`crate::variants::words_with_case`].
    pub(crate) case: Vec<crate::variants::Case>,
}

impl TokenWords {
    pub(crate) fn new(tokens: &[&str], skeletons: bool) -> Self {
        let mut tw = TokenWords::default();
        for (t, tok) in tokens.iter().enumerate() {
            let cap = tok.chars().next().is_some_and(char::is_uppercase);
            for (w, case) in crate::variants::words_with_case(tok) {
                if skeletons {
                    tw.skeleton.push(crate::variants::skeleton_word(&w));
                }
                tw.exact.push(w);
                tw.token.push(t);
                tw.capitalised.push(cap);
                tw.case.push(case);
            }
        }
        tw
    }

    /// Whether word `i` is the first word of its token.
    pub(crate) fn starts_token(&self, i: usize) -> bool {
        i == 0 || self.token[i - 1] != self.token[i]
    }

    /// Whether word `end - 1` is the last word of its token.
    pub(crate) fn ends_token(&self, end: usize) -> bool {
        end == self.token.len() || self.token[end] != self.token[end - 1]
    }

    /// Token range `[start, end)` covered by words `[ws, we)`.
    pub(crate) fn token_span(&self, ws: usize, we: usize) -> (usize, usize) {
        (self.token[ws], self.token[we - 1] + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_and_stems() {
        let mut t: PhraseTrie<u32> = PhraseTrie::default();
        t.insert(&["new", "york"], 1);
        t.insert(&["new", "york", "times"], 2);
        t.insert(&["york"], 3);
        t.insert_stem(&["baseball"], 4);
        let words: Vec<String> = ["the", "new", "york", "times", "baseballs"].iter().map(|s| s.to_string()).collect();
        let ids: Vec<Option<u32>> = words.iter().map(|w| t.word_id(w)).collect();
        let mut out = Vec::new();
        t.ends_from(&ids, &words, 1, &mut out);
        assert_eq!(out, vec![(3, &1), (4, &2)]);
        out.clear();
        t.ends_from(&ids, &words, 4, &mut out);
        assert_eq!(out, vec![(5, &4)]);
        assert_eq!(t.get(&["new", "york"]), &[1]);
        assert!(t.get(&["new"]).is_empty());
    }

    #[test]
    fn token_words_map_back_to_tokens() {
        let tw = TokenWords::new(&["Al-Qaeda", ",", "U.S.", "forces"], true);
        assert_eq!(tw.exact, ["al", "qaeda", "us", "forces"]);
        assert_eq!(tw.token, [0, 0, 2, 3]);
        assert!(tw.starts_token(0) && !tw.starts_token(1) && tw.starts_token(2));
        assert!(!tw.ends_token(1) && tw.ends_token(2));
        assert_eq!(tw.token_span(0, 2), (0, 1));
        assert_eq!(tw.skeleton[1], "kaida");
    }
}
