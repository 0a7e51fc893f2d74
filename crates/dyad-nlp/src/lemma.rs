//! Lemmatizer and morphological features, both learned from the treebank.
//!
//! A lemma is produced by an edit rule applied to the form: optionally lowercase it,
//! strip some characters from the end, append a string ("said" -> strip 2, add "y").
//! Rules are looked up first in an exception table keyed on (form as written, XPOS)
//! where case matters ("al" vs "Al"), then on (lowercased form, XPOS), which covers
//! every word seen in training and so every frequent irregular verb, then by the
//! longest known suffix of the form for that XPOS, counted over word types so that
//! one frequent irregular ("is" -> "be") cannot become the rule for a whole suffix.
//! Of the suffix rules an unseen word matches (one per suffix length), the longest
//! whose result is a lemma seen in training wins ("cloaking" -> "cloak", not
//! "cloake"), else the longest. Features (FEATS) are the most frequent value for (form, tag), else
//! for the tag alone: in English they follow almost entirely from the PTB tag.

use std::collections::{HashMap, HashSet};

use crate::hash::{finish, hash_str, mix, IdentityBuild};
use crate::io::{ByteReader, ByteWriter, FormatError};

const MAX_SUFFIX: usize = 8;

/// One edit from form to lemma.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    case: Case,
    strip: u8,
    append: String,
}

/// How the form's case is changed before the edit. The order is the preference when
/// several give an equally short edit: lowercase first (common words, "The" -> "the"),
/// then an uppercased first letter (proper nouns, so an unseen "kerala" becomes "Kerala" as EWT
/// writes it), then the form as written ("US", "iPhone").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
enum Case {
    Lower = 0,
    Title = 1,
    Keep = 2,
    /// First letter upper, the rest lower: EWT's lemma for names written in
    /// capitals ("SOUTER" -> "Souter").
    Capital = 3,
}

fn recase(form: &str, case: Case) -> String {
    match case {
        Case::Lower => form.to_lowercase(),
        Case::Keep => form.to_string(),
        Case::Title => {
            let mut cs = form.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        }
        Case::Capital => {
            let mut cs = form.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs.flat_map(|c| c.to_lowercase())).collect(),
                None => String::new(),
            }
        }
    }
}

/// The case pattern of a form: 0 no capitals, 1 capitalised, 2 all capitals (two
/// letters or more), 3 anything else. Suffix rules are kept per pattern, since
/// "ALITO" and "alito" take different lemmas.
fn shape(form: &str) -> u8 {
    let (mut upper, mut lower, mut first_upper) = (0, 0, false);
    for (i, c) in form.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= i == 0;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    match (upper, lower) {
        (0, _) => 0,
        (u, 0) if u >= 2 => 2,
        (1, _) if first_upper => 1,
        _ => 3,
    }
}

/// "1,993,045" -> "1993045": EWT writes numbers' lemmas without thousands
/// separators. `None` when the form is not such a number.
fn without_separators(form: &str) -> Option<String> {
    let (int, frac) = match form.split_once('.') {
        Some((a, b)) if !b.is_empty() && b.bytes().all(|c| c.is_ascii_digit()) => (a, Some(b)),
        Some(_) => return None,
        None => (form, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let ok = groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| !g.is_empty() && g.bytes().all(|c| c.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    if !ok {
        return None;
    }
    let mut out = groups.concat();
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

impl Rule {
    /// The shortest rule that turns `form` into `lemma` (see [`Case`] for ties).
    pub fn learn(form: &str, lemma: &str) -> Rule {
        let mut best: Option<Rule> = None;
        for case in [Case::Lower, Case::Title, Case::Keep, Case::Capital] {
            let (strip, append) = edit(&recase(form, case), lemma);
            if best.as_ref().is_none_or(|b| strip < b.strip as usize) {
                best = Some(Rule { case, strip: strip.min(255) as u8, append });
            }
        }
        best.expect("three candidates")
    }

    /// `None` when the form is too short for the rule.
    pub fn apply(&self, form: &str) -> Option<String> {
        let base = recase(form, self.case);
        let n = base.chars().count();
        let strip = self.strip as usize;
        if strip > n || (strip == n && self.append.is_empty()) {
            return None;
        }
        let cut = base.char_indices().nth(n - strip).map(|(i, _)| i).unwrap_or(base.len());
        let mut out = base[..cut].to_string();
        out.push_str(&self.append);
        Some(out)
    }
}

/// The base form of an irregular past tense or participle ("fled" -> "flee").
pub(crate) fn irregular_past(lower: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut m = HashMap::new();
        for line in include_str!("irregular.txt").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split_whitespace();
            let base = cols.next().expect("base form");
            for form in cols.flat_map(|c| c.split('/')) {
                // The first verb listed wins ("lay" is lie's past and a verb itself).
                m.entry(form).or_insert(base);
            }
        }
        m
    });
    table.get(lower).copied()
}

/// Characters to strip from `from`'s end, and what to append, to reach `to`.
fn edit(from: &str, to: &str) -> (usize, String) {
    let common = from.chars().zip(to.chars()).take_while(|(a, b)| a == b).count();
    let strip = from.chars().count() - common;
    let append: String = to.chars().skip(common).collect();
    (strip, append)
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Lemmatizer {
    rules: Vec<Rule>,
    /// (lowercased form, XPOS) -> rule.
    exceptions: HashMap<u64, u32, IdentityBuild>,
    /// (form as written, XPOS) -> rule, where it differs from the lowercased form's
    /// rule: "al" is not "Al", "MSN" not "Msn", "Holocaust" not "holocaust".
    exact: HashMap<u64, u32, IdentityBuild>,
    /// Every lemma of the training data, lowercased: of the edits the suffix table
    /// offers an unseen word, one that yields a known lemma is preferred
    /// ("cloaking" -> "cloak", not "cloake"; "potatoes" -> "potato").
    known: HashSet<u64, IdentityBuild>,

    /// (suffix, its length, XPOS) -> rule; length 0 is the XPOS default.
    suffixes: HashMap<u64, u32, IdentityBuild>,
    feats: Vec<String>,
    /// (lowercased form, joint tag) -> FEATS.
    feats_by_form: HashMap<u64, u32, IdentityBuild>,
    /// joint tag -> FEATS.
    feats_by_tag: HashMap<u64, u32, IdentityBuild>,
    /// Numbers with thousands separators lose them in the lemma (set when the
    /// training data does so).
    strip_separators: bool,
}

fn exc_key(lower: &str, xpos: &str) -> u64 {
    finish(mix(mix(hash_str(lower), hash_str(xpos)), 1))
}
fn exact_key(form: &str, xpos: &str) -> u64 {
    finish(mix(mix(hash_str(form), hash_str(xpos)), 5))
}
fn suf_key(suffix: &str, len: usize, xpos: &str, shape: u8) -> u64 {
    finish(mix(mix(mix(mix(hash_str(suffix), len as u64), hash_str(xpos)), shape as u64), 2))
}
fn feat_key(lower: &str, tag: u16) -> u64 {
    finish(mix(mix(hash_str(lower), tag as u64), 3))
}
fn tag_key(tag: u16) -> u64 {
    finish(mix(tag as u64, 4))
}

/// Suffixes of `lower` shorter than the word itself, longest first, with their
/// length in characters.
fn suffixes(lower: &str) -> impl Iterator<Item = (usize, &str)> {
    let idx: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    let n = idx.len();
    (1..n.min(MAX_SUFFIX + 1)).rev().map(move |len| (len, &lower[idx[n - len]..]))
}

/// One training observation: form, XPOS, joint-tag index, gold lemma, gold FEATS.
pub struct LemmaExample<'a> {
    pub form: &'a str,
    pub xpos: &'a str,
    pub tag: u16,
    pub lemma: &'a str,
    pub feats: &'a str,
}

fn most_frequent<K: Ord + Clone>(counts: &HashMap<K, u32, crate::hash::FxBuild>) -> K {
    // Ties go to the smallest key, so the result does not depend on map order.
    let mut best: Option<(&K, u32)> = None;
    for (k, &c) in counts {
        if best.is_none_or(|(bk, bc)| c > bc || (c == bc && k < bk)) {
            best = Some((k, c));
        }
    }
    best.expect("non-empty counts").0.clone()
}

type Counts<K> = HashMap<K, u32, crate::hash::FxBuild>;

impl Lemmatizer {
    pub fn train<'a>(data: impl Iterator<Item = LemmaExample<'a>>) -> Lemmatizer {
        let mut exc: HashMap<(String, String), Counts<Rule>, crate::hash::FxBuild> = HashMap::default();
        let mut exact: HashMap<(String, String), Counts<Rule>, crate::hash::FxBuild> = HashMap::default();
        let mut known: HashSet<u64, IdentityBuild> = HashSet::default();
        let mut typed: HashMap<(String, String, u8), Counts<Rule>, crate::hash::FxBuild> = HashMap::default();
        let (mut numbers, mut numbers_stripped) = (0usize, 0usize);
        let mut feat_form: HashMap<(String, u16), Counts<String>, crate::hash::FxBuild> = HashMap::default();
        let mut feat_tag: HashMap<u16, Counts<String>, crate::hash::FxBuild> = HashMap::default();
        for ex in data {
            if ex.lemma == "_" {
                continue;
            }
            let lower = ex.form.to_lowercase();
            let rule = Rule::learn(ex.form, ex.lemma);
            if let Some(n) = without_separators(ex.form) {
                numbers += 1;
                numbers_stripped += (n == ex.lemma) as usize;
            }
            *typed.entry((lower.clone(), ex.xpos.to_string(), shape(ex.form))).or_default().entry(rule.clone()).or_default() += 1;
            *exact.entry((ex.form.to_string(), ex.xpos.to_string())).or_default().entry(rule.clone()).or_default() += 1;
            *exc.entry((lower.clone(), ex.xpos.to_string())).or_default().entry(rule).or_default() += 1;
            known.insert(hash_str(&ex.lemma.to_lowercase()));
            *feat_form.entry((lower, ex.tag)).or_default().entry(ex.feats.to_string()).or_default() += 1;
            *feat_tag.entry(ex.tag).or_default().entry(ex.feats.to_string()).or_default() += 1;
        }
        let mut lem = Lemmatizer::default();
        let mut rule_ids: HashMap<Rule, u32, crate::hash::FxBuild> = HashMap::default();
        let mut intern = |r: Rule, rules: &mut Vec<Rule>| -> u32 {
            *rule_ids.entry(r.clone()).or_insert_with(|| {
                rules.push(r);
                rules.len() as u32 - 1
            })
        };
        // Iterate in sorted order so rule numbering (and the model file) is stable.
        let mut exc: Vec<_> = exc.into_iter().collect();
        exc.sort_by(|a, b| a.0.cmp(&b.0));
        lem.strip_separators = numbers >= 5 && numbers_stripped * 10 >= numbers * 9;
        let mut by_lower: HashMap<(String, String), Rule, crate::hash::FxBuild> = HashMap::default();
        for ((lower, xpos), counts) in &exc {
            let rule = most_frequent(counts);
            by_lower.insert((lower.clone(), xpos.clone()), rule.clone());
            let id = intern(rule, &mut lem.rules);
            lem.exceptions.insert(exc_key(lower, xpos), id);
        }
        let mut exact: Vec<_> = exact.into_iter().collect();
        exact.sort_by(|a, b| a.0.cmp(&b.0));
        for ((form, xpos), counts) in &exact {
            let rule = most_frequent(counts);
            let lowered = &by_lower[&(form.to_lowercase(), xpos.clone())];
            if rule.apply(form) != lowered.apply(form) {
                let id = intern(rule, &mut lem.rules);
                lem.exact.insert(exact_key(form, xpos), id);
            }
        }
        lem.known = known;
        // Word types (per case pattern), not tokens, vote for suffix rules; each
        // votes both under its case pattern and under "any" (255).
        let mut typed: Vec<_> = typed.into_iter().collect();
        typed.sort_by(|a, b| a.0.cmp(&b.0));
        let mut suf: HashMap<(String, usize, String, u8), Counts<Rule>, crate::hash::FxBuild> = HashMap::default();
        for ((lower, xpos, sh), counts) in &typed {
            let rule = most_frequent(counts);
            for shape_key in [*sh, 255] {
                for (len, s) in suffixes(lower) {
                    if (rule.strip as usize) <= len {
                        *suf.entry((s.to_string(), len, xpos.clone(), shape_key)).or_default().entry(rule.clone()).or_default() += 1;
                    }
                }
                *suf.entry((String::new(), 0, xpos.clone(), shape_key)).or_default().entry(rule.clone()).or_default() += 1;
            }
        }
        let mut suf: Vec<_> = suf.into_iter().collect();
        suf.sort_by(|a, b| a.0.cmp(&b.0));
        for ((s, len, xpos, sh), counts) in suf {
            let rule = most_frequent(&counts);
            let id = intern(rule, &mut lem.rules);
            lem.suffixes.insert(suf_key(&s, len, &xpos, sh), id);
        }
        let mut feat_ids: HashMap<String, u32, crate::hash::FxBuild> = HashMap::default();
        let mut fintern = |f: String, feats: &mut Vec<String>| -> u32 {
            *feat_ids.entry(f.clone()).or_insert_with(|| {
                feats.push(f);
                feats.len() as u32 - 1
            })
        };
        let mut ff: Vec<_> = feat_form.into_iter().collect();
        ff.sort_by(|a, b| a.0.cmp(&b.0));
        for ((lower, tag), counts) in ff {
            let id = fintern(most_frequent(&counts), &mut lem.feats);
            lem.feats_by_form.insert(feat_key(&lower, tag), id);
        }
        let mut ft: Vec<_> = feat_tag.into_iter().collect();
        ft.sort_by_key(|a| a.0);
        for (tag, counts) in ft {
            let id = fintern(most_frequent(&counts), &mut lem.feats);
            lem.feats_by_tag.insert(tag_key(tag), id);
        }
        lem
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        let lower = form.to_lowercase();
        if let Some(&r) = self.exact.get(&exact_key(form, xpos)) {
            if let Some(l) = self.rules[r as usize].apply(form) {
                return l;
            }
        }
        if let Some(&r) = self.exceptions.get(&exc_key(&lower, xpos)) {
            if let Some(l) = self.rules[r as usize].apply(form) {
                return l;
            }
        }
        if self.strip_separators {
            if let Some(n) = without_separators(form) {
                return n;
            }
        }
        if matches!(xpos, "VBD" | "VBN") {
            if let Some(base) = irregular_past(&lower) {
                return base.to_string();
            }
        }

        // Candidates from the longest known suffix down; the first whose result is a
        // known lemma wins, else the longest suffix's.
        let mut first: Option<String> = None;
        for sh in [shape(form), 255] {
            for (len, s) in suffixes(&lower).chain(std::iter::once((0, ""))) {
                if let Some(&r) = self.suffixes.get(&suf_key(s, len, xpos, sh)) {
                    if let Some(l) = self.rules[r as usize].apply(form) {
                        if self.known.is_empty() || self.known.contains(&hash_str(&l.to_lowercase())) {
                            return l;
                        }
                        if first.is_none() {
                            first = Some(l);
                        }
                    }
                }
            }
        }
        first.unwrap_or_else(|| form.to_string())
    }

    /// FEATS for `form` with joint tag `tag` (`"_"` when none is known).
    pub fn feats(&self, form: &str, tag: u16) -> &str {
        let lower = form.to_lowercase();
        let id = self.feats_by_form.get(&feat_key(&lower, tag)).or_else(|| self.feats_by_tag.get(&tag_key(tag)));
        id.map(|&i| self.feats[i as usize].as_str()).unwrap_or("_")
    }

    pub fn write(&self, w: &mut ByteWriter) {
        w.varint(self.rules.len() as u64);
        for r in &self.rules {
            w.u8(r.case as u8);
            w.u8(r.strip);
            w.str(&r.append);
        }
        write_map(w, &self.exceptions);
        write_map(w, &self.exact);
        let mut known: Vec<u64> = self.known.iter().copied().collect();
        known.sort_unstable();
        w.varint(known.len() as u64);
        for k in known {
            w.u64(k);
        }
        write_map(w, &self.suffixes);
        w.strs(&self.feats);
        write_map(w, &self.feats_by_form);
        write_map(w, &self.feats_by_tag);
        w.u8(self.strip_separators as u8);
    }

    pub fn read(r: &mut ByteReader) -> Result<Self, FormatError> {
        let n = r.len_prefix(3)?;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let case = match r.u8()? {
                0 => Case::Lower,
                1 => Case::Title,
                2 => Case::Keep,
                3 => Case::Capital,
                _ => return Err(r.invalid("bad lemma rule")),
            };
            let strip = r.u8()?;
            rules.push(Rule { case, strip, append: r.str()? });
        }
        let exceptions = read_map(r, rules.len())?;
        let exact = read_map(r, rules.len())?;
        let nk = r.len_prefix(8)?;
        let mut known = HashSet::with_capacity_and_hasher(nk, IdentityBuild);
        for _ in 0..nk {
            known.insert(r.u64()?);
        }
        let suffixes = read_map(r, rules.len())?;
        let feats = r.strs()?;
        let feats_by_form = read_map(r, feats.len())?;
        let feats_by_tag = read_map(r, feats.len())?;
        let strip_separators = r.u8()? != 0;
        Ok(Lemmatizer { rules, exceptions, exact, known, suffixes, feats, feats_by_form, feats_by_tag, strip_separators })
    }
}

fn write_map(w: &mut ByteWriter, m: &HashMap<u64, u32, IdentityBuild>) {
    let mut v: Vec<(u64, u32)> = m.iter().map(|(&k, &v)| (k, v)).collect();
    v.sort_unstable();
    w.varint(v.len() as u64);
    for (k, x) in v {
        w.u64(k);
        w.varint(x as u64);
    }
}

fn read_map(r: &mut ByteReader, limit: usize) -> Result<HashMap<u64, u32, IdentityBuild>, FormatError> {
    let n = r.len_prefix(9)?;
    let mut m = HashMap::with_capacity_and_hasher(n, IdentityBuild);
    for _ in 0..n {
        let k = r.u64()?;
        let v = r.varint()?;
        if v as usize >= limit {
            return Err(r.invalid("table entry points past its list"));
        }
        m.insert(k, v as u32);
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex<'a>(form: &'a str, xpos: &'a str, lemma: &'a str) -> LemmaExample<'a> {
        LemmaExample { form, xpos, tag: 0, lemma, feats: "_" }
    }

    #[test]
    fn rules_learn_and_apply() {
        assert_eq!(Rule::learn("said", "say").apply("said").as_deref(), Some("say"));
        assert_eq!(Rule::learn("The", "the"), Rule { case: Case::Lower, strip: 0, append: String::new() });
        assert_eq!(Rule::learn("US", "US").apply("US").as_deref(), Some("US"));
        assert_eq!(Rule::learn("iPhone", "iPhone"), Rule { case: Case::Keep, strip: 0, append: String::new() });
        assert_eq!(Rule::learn("i", "I").apply("i").as_deref(), Some("I"));
        assert_eq!(Rule::learn("Bush", "Bush").apply("kerala").as_deref(), Some("Kerala"));
        // Multi-byte characters are stripped as characters.
        assert_eq!(Rule::learn("cafés", "café").apply("naïvetés").as_deref(), Some("naïveté"));
    }

    #[test]
    fn exceptions_then_suffix_rules() {
        let data = vec![
            ex("said", "VBD", "say"),
            ex("met", "VBD", "meet"),
            ex("met", "VBN", "meet"),
            ex("prisoners", "NNS", "prisoner"),
            ex("officers", "NNS", "officer"),
            ex("cities", "NNS", "city"),
            ex("ladies", "NNS", "lady"),
            ex("walked", "VBD", "walk"),
            ex("talked", "VBD", "talk"),
            ex("Bush", "NNP", "Bush"),
            ex("is", "VBZ", "be"),
            ex("runs", "VBZ", "run"),
            ex("takes", "VBZ", "take"),
        ];
        let lem = Lemmatizer::train(data.into_iter());
        assert_eq!(lem.lemma("said", "VBD"), "say");
        assert_eq!(lem.lemma("met", "VBD"), "meet");
        assert_eq!(lem.lemma("prisoners", "NNS"), "prisoner");
        // Unseen words go by suffix.
        assert_eq!(lem.lemma("Jailers", "NNS"), "jailer");
        assert_eq!(lem.lemma("babies", "NNS"), "baby");
        assert_eq!(lem.lemma("shouted", "VBD"), "shout");
        assert_eq!(lem.lemma("Putin", "NNP"), "Putin");
        assert_eq!(without_separators("1,993,045").as_deref(), Some("1993045"));
        assert_eq!(without_separators("3,40"), None);
        assert_eq!(without_separators("12,000.5").as_deref(), Some("12000.5"));
        assert_eq!(shape("ALITO"), 2);
        assert_eq!(shape("Alito"), 1);
        assert_eq!(shape("iPhone"), 3);
        // Irregular past forms never seen in training come from the built-in table.
        assert_eq!(lem.lemma("fled", "VBD"), "flee");
        assert_eq!(lem.lemma("Overthrown", "VBN"), "overthrow");
        // The irregular "is" must not teach "-s -> be".
        assert_eq!(lem.lemma("sits", "VBZ"), "sit");
        let mut w = ByteWriter::default();
        lem.write(&mut w);
        let b = w.into_inner();
        assert_eq!(Lemmatizer::read(&mut ByteReader::new(&b)).unwrap(), lem);
    }
}
