//! [`Dictionaries`]: every source merged into one dictionary, with the compiled indexes
//! the coder queries.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::diag::{Diagnostic, FileId, FileTable, LoadError, Origin, Severity, Sink};
use crate::load::{self, Format, Part};
use crate::matcher::{PhraseTrie, TokenWords};
use crate::model::*;
use crate::ontology::{CameoEntry, Ontology};
use crate::petrarch::verbs::member_forms;
use crate::variants::{normalize, normalize_words, skeleton_word, words_with_case, Case};

/// A sentence's tokens split into dictionary words and normalised once, for the several
/// lookups a coder makes in the same sentence (actors, agents, discards).
pub struct SentenceWords(TokenWords);

impl SentenceWords {
    pub fn new(tokens: &[&str]) -> SentenceWords {
        SentenceWords(TokenWords::new(tokens, true))
    }

    /// Without the spelling skeletons actor names are matched on: enough for agents and
    /// discards, and cheaper.
    pub fn without_spellings(tokens: &[&str]) -> SentenceWords {
        SentenceWords(TokenWords::new(tokens, false))
    }
}

/// Collects dictionary sources in order; later sources override earlier ones.
///
/// ```
/// let mut b = dyad_dict::Dictionaries::builder();
/// b.add_builtin();
/// // b.add_dir("my-dicts".as_ref())?;   // --dict DIR
/// let dicts = b.build();
/// assert!(dicts.cameo("040").is_some());
/// ```
#[derive(Debug, Default)]
pub struct DictionariesBuilder {
    files: FileTable,
    parts: Vec<(Format, Part)>,
    diagnostics: Vec<Diagnostic>,
}

/// One file that went into a [`Dictionaries`].
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub format: Format,
}

impl DictionariesBuilder {
    /// Adds the dictionaries embedded in the binary (`dictionaries/*.txt` at build time).
    pub fn add_builtin(&mut self) -> &mut Self {
        for (name, text) in crate::builtin::files() {
            self.add_bytes(&format!("dictionaries/{name}"), text.as_bytes());
        }
        self
    }

    /// Adds one file's contents; the format is detected from `name` and the content.
    pub fn add_bytes(&mut self, name: &str, bytes: &[u8]) -> Format {
        self.add_bytes_as(name, bytes, None)
    }

    /// Adds one file's contents, read as `format` (detected when `None`).
    pub fn add_bytes_as(&mut self, name: &str, bytes: &[u8], format: Option<Format>) -> Format {
        let file = self.files.add(name);
        let source = self.parts.len().min(u16::MAX as usize) as u16;
        let mut sink = Sink::new(name);
        let (format, part) = load::read(name, bytes, format, file, source, &mut sink);
        // Decoding warnings come first; show the file's problems in line order.
        sink.out.sort_by_key(|d| d.line);
        self.diagnostics.extend(sink.out);
        self.parts.push((format, part));
        format
    }

    /// Adds a file from disk. Only a file that cannot be read is an error.
    pub fn add_file(&mut self, path: &Path) -> Result<Format, LoadError> {
        let bytes = std::fs::read(path).map_err(|source| LoadError { path: path.display().to_string(), source })?;
        Ok(self.add_bytes(&path.display().to_string(), &bytes))
    }

    /// Adds every `*.txt` file of a directory, in name order.
    pub fn add_dir(&mut self, dir: &Path) -> Result<Vec<(PathBuf, Format)>, LoadError> {
        let err = |source| LoadError { path: dir.display().to_string(), source };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(err)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let mut out = Vec::new();
        for p in paths {
            let f = self.add_file(&p)?;
            out.push((p, f));
        }
        Ok(out)
    }

    /// Merges the sources and compiles the matchers.
    pub fn build(self) -> Dictionaries {
        Dictionaries::build(self)
    }
}

/// A span of tokens naming an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMatch {
    /// First token of the name.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The actors this name may refer to, best first: later sources first, then names
    /// spelled exactly as in the dictionary before names matched through their spelling
    /// variants, then dictionary order. Use [`Dictionaries::resolve`] to pick the one
    /// that has a code on a date.
    pub candidates: Vec<ActorId>,
    /// Whether the best candidate's name matched as spelled (not only as a variant).
    pub exact: bool,
}

/// A span of tokens naming an agent ("defence minister", "soldiers").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentMatch {
    pub start: usize,
    pub end: usize,
    /// Best first (later sources first).
    pub candidates: Vec<AgentId>,
    /// Whether the matched words are a plural form.
    pub plural: bool,
}

#[derive(Debug, Clone)]
struct ActorKey {
    id: ActorId,
    /// The alias's normalised words, to tell exact matches from variant matches.
    exact: Box<[Box<str>]>,
    /// Bit i set: word i of the alias is a short acronym (up to three letters, written in
    /// capitals in a dyad file), which only matches a word written in capitals ("WHO",
    /// not "who" or "Who").
    acronyms: u64,
    /// Bit i set: word i of the alias starts with a capital in a dyad file ("the West"),
    /// and only matches a word that does too.
    capitals: u64,
}

#[derive(Debug, Clone, Copy)]
struct AgentKey {
    id: AgentId,
    plural: bool,
}

/// Figures shown by `dyad dict check`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub files: usize,
    /// Lines of `people.txt` (one role each).
    pub role_entries: usize,
    /// Distinct people (`people.txt`).
    pub people: usize,
    /// Lines of `countries.txt`.
    pub countries: usize,
    /// Organisations of kind `igo` or `igo_organ`.
    pub igos: usize,
    pub armed_groups: usize,
    /// All actor entries, of every kind and source (PETRARCH included).
    pub actors: usize,
    /// All names actors are matched by.
    pub actor_names: usize,
    pub agents: usize,
    pub verb_blocks: usize,
    pub verbs: usize,
    pub verb_patterns: usize,
    pub noun_patterns: usize,
    pub patterns: usize,
    pub synsets: usize,
    pub discards: usize,
    /// Territory entries (`territories.txt`).
    pub territories: usize,
    pub cameo_codes: usize,
    pub transformations: usize,
    pub internal_codes: usize,
}

/// Every dictionary source merged, with compiled matchers. Built once, then shared
/// read-only (it is `Send + Sync`).
#[derive(Debug)]
pub struct Dictionaries {
    files: FileTable,
    sources: Vec<SourceFile>,
    diagnostics: Vec<Diagnostic>,
    ontology: Ontology,
    /// Actor entries (overridden ones removed). [`ActorId`] indexes this.
    pub actors: Vec<Actor>,
    /// Agent entries. [`AgentId`] indexes this.
    pub agents: Vec<Agent>,
    /// Verb blocks. [`BlockId`] indexes this.
    pub verb_blocks: Vec<VerbBlock>,
    /// Noun patterns.
    pub noun_patterns: Vec<Pattern>,
    pub synsets: Vec<Synset>,
    pub discards: Vec<Discard>,
    pub transformations: Vec<Transformation>,
    internal_coding: FxHashMap<Box<str>, i64>,
    /// PICO value → the first CAMEO code the file gave it (044 and 046 share 0xB010;
    /// the first, as written, names the value).
    internal_reverse: FxHashMap<i64, Box<str>>,
    counts_extra: (usize, usize),

    actor_index: PhraseTrie<ActorKey>,
    agent_index: PhraseTrie<AgentKey>,
    discard_index: PhraseTrie<u32>,
    /// lemma → (block, verb index in the block; `u32::MAX` for a synset-anchored block).
    verb_index: FxHashMap<Box<str>, Vec<(BlockId, u32)>>,
    verb_forms: FxHashMap<Box<str>, Vec<Box<str>>>,
    noun_index: FxHashMap<Box<str>, Vec<u32>>,
    synset_index: FxHashMap<Box<str>, u32>,
    synset_forms: FxHashMap<Box<str>, FxHashSet<Box<str>>>,
    /// Synsets with a member of several words ("SWISS FRANCS").
    /// For each synset with members of several words, the last words of those members.
    synset_phrases: FxHashMap<Box<str>, FxHashSet<Box<str>>>,
    role_index: FxHashMap<(Box<str>, Role), Vec<ActorId>>,
    surname_index: FxHashMap<Box<str>, Vec<ActorId>>,
    /// Territories with a controller of their own (`territories.txt`).
    pub territories: Vec<Territory>,
    /// Normalised name → territories of that name.
    territory_index: FxHashMap<String, Vec<usize>>,
}

impl Dictionaries {
    pub fn builder() -> DictionariesBuilder {
        DictionariesBuilder::default()
    }

    /// The embedded dictionaries alone.
    pub fn builtin() -> Dictionaries {
        let mut b = Self::builder();
        b.add_builtin();
        b.build()
    }

    fn build(b: DictionariesBuilder) -> Dictionaries {
        let DictionariesBuilder { files, parts, mut diagnostics } = b;
        let mut ontology = Ontology::builtin().clone();
        let mut sources = Vec::new();
        let mut actors = Vec::new();
        let mut agents = Vec::new();
        let mut blocks = Vec::new();
        let mut nouns = Vec::new();
        let mut synsets: Vec<Synset> = Vec::new();
        let mut discards = Vec::new();
        let mut transformations = Vec::new();
        let mut internal_coding = FxHashMap::default();
        let mut internal_reverse: FxHashMap<i64, Box<str>> = FxHashMap::default();
        let mut territories = Vec::new();
        let (mut people_lines, mut countries) = (0, 0);
        for (i, (format, part)) in parts.into_iter().enumerate() {
            sources.push(SourceFile { name: files.name(FileId(i as u32)).to_string(), format });
            if let Some(o) = &part.ontology {
                ontology.merge(o);
            }
            actors.extend(part.actors);
            agents.extend(part.agents);
            blocks.extend(part.blocks);
            nouns.extend(part.nouns);
            for s in part.synsets {
                // A later definition of a synset replaces an earlier one.
                synsets.retain(|x| x.name != s.name);
                synsets.push(s);
            }
            discards.extend(part.discards);
            transformations.extend(part.transformations);
            territories.extend(part.territories);
            for p in part.pico {
                internal_reverse.entry(p.value).or_insert_with(|| p.code.clone());
                internal_coding.insert(p.code, p.value);
            }
            people_lines += part.people_lines;
            countries += part.countries;
        }
        let actors = drop_overridden(actors, actor_key);
        let agents = drop_overridden(agents, |a: &Agent| (a.singular.first().cloned().unwrap_or_default(), a.source));

        let mut d = Dictionaries {
            files,
            sources,
            diagnostics: Vec::new(),
            ontology,
            actors,
            agents,
            verb_blocks: blocks,
            noun_patterns: nouns,
            synsets,
            discards,
            transformations,
            internal_coding,
            internal_reverse,
            counts_extra: (people_lines, countries),
            actor_index: PhraseTrie::default(),
            agent_index: PhraseTrie::default(),
            discard_index: PhraseTrie::default(),
            verb_index: FxHashMap::default(),
            verb_forms: FxHashMap::default(),
            noun_index: FxHashMap::default(),
            synset_index: FxHashMap::default(),
            synset_forms: FxHashMap::default(),
            synset_phrases: FxHashMap::default(),
            role_index: FxHashMap::default(),
            surname_index: FxHashMap::default(),
            territory_index: FxHashMap::default(),
            territories,
        };
        for (i, t) in d.territories.iter().enumerate() {
            for n in &t.names {
                d.territory_index.entry(normalize(n)).or_default().push(i);
            }
        }
        d.index_synsets(&mut diagnostics);
        d.split_glued_synsets(&mut diagnostics);
        d.check_patterns(&mut diagnostics);
        d.check_actor_codes(&mut diagnostics);
        d.index_actors();
        d.index_agents();
        d.index_discards();
        d.index_verbs();
        d.diagnostics = diagnostics;
        d
    }

    fn diag(&self, origin: Origin, severity: Severity, message: String) -> Diagnostic {
        Diagnostic { file: self.files.name(origin.file).into(), line: origin.line, severity, message }
    }

    fn index_synsets(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        for (i, s) in self.synsets.iter().enumerate() {
            self.synset_index.insert(s.name.clone(), i as u32);
        }
        for s in &self.synsets {
            let mut forms: FxHashSet<Box<str>> = FxHashSet::default();
            let mut seen: FxHashSet<Box<str>> = FxHashSet::default();
            let mut stack: Vec<&Synset> = vec![s];
            while let Some(cur) = stack.pop() {
                if !seen.insert(cur.name.clone()) {
                    continue;
                }
                for m in &cur.members {
                    match m {
                        SynsetMember::Phrase { words, plural } => {
                            for f in member_forms(words, *plural) {
                                forms.insert(normalize(&f).into());
                            }
                        }
                        SynsetMember::Synset(name) => match self.synset_index.get(name) {
                            Some(&j) => stack.push(&self.synsets[j as usize]),
                            None => diagnostics.push(self.diag(
                                cur.origin,
                                Severity::Warning,
                                format!("synset &{} includes &{name}, which is not defined", cur.name),
                            )),
                        },
                    }
                }
            }
            let last_words: FxHashSet<Box<str>> = forms.iter().filter_map(|f| f.rsplit_once(' ')).map(|(_, last)| last.into()).collect();
            if !last_words.is_empty() {
                self.synset_phrases.insert(s.name.clone(), last_words);
            }
            self.synset_forms.insert(s.name.clone(), forms);
        }
    }

    /// Codes must be CAMEO 1.1b3 codes and synsets must be defined; a pattern naming an
    /// undefined synset is dropped (as PETRARCH does). Problems in dyad's own files are
    /// errors; in PETRARCH files, which use codes outside 1.1b3 on purpose (176, WEIS
    /// codes in the validation suite), warnings.
    /// TABARI glues a synset to the words after it with `_` (`NEW_&TIETYPES_RELATIONS`);
    /// PETRARCH-2 reads `&TIETYPES_RELATIONS` as one (undefined) name. When such a name is
    /// undefined but starts with a defined synset, it is split into that synset and
    /// consecutive words.
    fn split_glued_synsets(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let synsets = &self.synset_index;
        let mut notes = Vec::new();
        let split = |name: &str| -> Option<(Box<str>, Vec<Box<str>>)> {
            let mut cut = name.len();
            while let Some(i) = name[..cut].rfind('_') {
                cut = i;
                if synsets.contains_key(&name[..cut]) {
                    let words = name[cut + 1..].split('_').filter(|w| !w.is_empty()).map(|w| w.to_lowercase().into()).collect();
                    return Some((name[..cut].into(), words));
                }
            }
            None
        };
        for b in &mut self.verb_blocks {
            for p in &mut b.patterns {
                if p.dialect != Dialect::Petrarch {
                    continue;
                }
                let mut k = 0;
                while k < p.elements.len() {
                    let fix = match &p.elements[k].term {
                        Term::Synset(name) if !synsets.contains_key(name) => split(name),
                        _ => None,
                    };
                    if let Some((syn, words)) = fix {
                        let e = p.elements[k].clone();
                        notes.push((p.origin, format!("&{} read as &{syn} followed by {}", match &e.term { Term::Synset(n) => n, _ => unreachable!() }, words.join(" ").to_uppercase())));
                        let before = e.side == Side::Before;
                        let mut new = vec![Element { term: Term::Synset(syn), adjacent: if before { true } else { e.adjacent }, ..e.clone() }];
                        let n = words.len();
                        for (j, w) in words.into_iter().enumerate() {
                            let adjacent = if before { j + 1 < n || e.adjacent } else { true };
                            new.push(Element { term: Term::Words(vec![w]), adjacent, modifiers: Vec::new(), ..e.clone() });
                        }
                        let added = new.len();
                        p.elements.splice(k..k + 1, new);
                        k += added;
                    } else {
                        k += 1;
                    }
                }
            }
        }
        for (origin, msg) in notes {
            diagnostics.push(self.diag(origin, Severity::Warning, msg));
        }
    }

    /// A code in dyad's own files should start with a country of `countries.txt` or one
    /// of CAMEO's non-state prefixes; anything else is likely a typo (`UKRGOV` written
    /// `UKGOV`). Only checked when a `countries.txt` was loaded.
    fn check_actor_codes(&self, diagnostics: &mut Vec<Diagnostic>) {
        const NON_STATE: [&str; 5] = ["IGO", "NGO", "IMG", "MNC", "UIS"];
        let countries: FxHashSet<&str> = self
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Country)
            .flat_map(|a| a.codes.iter().map(|c| c.code.as_str()))
            .collect();
        if countries.is_empty() {
            return;
        }
        let known = |c: &str| countries.contains(c) || NON_STATE.contains(&c);
        for a in &self.actors {
            if matches!(a.kind, ActorKind::Listed | ActorKind::Country | ActorKind::Demonym) {
                continue;
            }
            for dc in &a.codes {
                if !known(dc.code.country()) {
                    diagnostics.push(self.diag(
                        dc.origin,
                        Severity::Warning,
                        format!("code {} of {}: {} is not a country in countries.txt", dc.code, a.name, dc.code.country()),
                    ));
                }
            }
        }
        for g in &self.agents {
            if let AgentCode::Actor(c) = &g.code {
                let c = ActorCode(c.clone());
                if !known(c.country()) {
                    diagnostics.push(self.diag(
                        g.origin,
                        Severity::Warning,
                        format!("agent {} has code {c}, which is neither sectors nor a code starting with a country", g.name),
                    ));
                }
            }
        }
    }

    fn check_patterns(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let sev = |d: Dialect| if d == Dialect::Dyad { Severity::Error } else { Severity::Warning };
        let mut out = Vec::new();
        let ontology = &self.ontology;
        let synsets = &self.synset_index;
        let check_code = |c: &Option<EventCode>, origin: Origin, dialect: Dialect, out: &mut Vec<(Origin, Severity, String)>| {
            if let Some(c) = c {
                if !ontology.contains(c.as_str()) {
                    out.push((origin, sev(dialect), format!("code {c} is not a CAMEO 1.1b3 event code")));
                }
            }
        };
        let keep = |p: &Pattern, out: &mut Vec<(Origin, Severity, String)>| -> bool {
            check_code(&p.code, p.origin, p.dialect, out);
            check_code(&p.reverse_code, p.origin, p.dialect, out);
            let anchor_syn = p.anchor.iter().filter_map(|a| a.strip_prefix('&'));
            let missing: Vec<&str> = p.synsets().chain(anchor_syn).filter(|s| !synsets.contains_key(*s)).collect();
            if missing.is_empty() {
                return true;
            }
            let names: Vec<String> = missing.iter().map(|s| format!("&{s}")).collect();
            out.push((p.origin, sev(p.dialect), format!("undefined synset {}; pattern dropped", names.join(", "))));
            false
        };
        let mut seen_origins: FxHashSet<Origin> = FxHashSet::default();
        for b in &mut self.verb_blocks {
            if b.patterns.first().is_none_or(|p| p.dialect == Dialect::Petrarch) {
                check_code(&b.code, b.origin, Dialect::Petrarch, &mut out);
                for v in &b.verbs {
                    if v.code != b.code {
                        check_code(&v.code, v.origin, Dialect::Petrarch, &mut out);
                    }
                }
            }
            b.patterns.retain(|p| {
                // A dyad pattern with several anchors sits in several blocks: report once.
                let mut tmp = Vec::new();
                let k = keep(p, &mut tmp);
                if seen_origins.insert(p.origin) {
                    out.extend(tmp);
                }
                k
            });
        }
        self.noun_patterns.retain(|p| keep(p, &mut out));
        for (origin, severity, message) in out {
            diagnostics.push(self.diag(origin, severity, message));
        }
    }

    fn index_actors(&mut self) {
        let mut trie = PhraseTrie::default();
        for (i, a) in self.actors.iter().enumerate() {
            let id = ActorId(i as u32);
            let mut done: FxHashSet<Vec<String>> = FxHashSet::default();
            // PETRARCH files write every name in capitals, so capitals say nothing there.
            let case_matters = a.kind != ActorKind::Listed;
            for alias in &a.aliases {
                let words = words_with_case(alias);
                let exact: Vec<String> = words.iter().map(|(w, _)| w.clone()).collect();
                if exact.is_empty() || !done.insert(exact.clone()) {
                    continue;
                }
                let (mut acronyms, mut capitals) = (0u64, 0u64);
                if case_matters {
                    for (i, (w, case)) in words.iter().enumerate().take(64) {
                        // Longer acronyms are often written "Nato", "Opec" (British
                        // style); short ones are the ones that collide with words (WHO,
                        // US, IS).
                        acronyms |= ((*case == Case::Capitals && w.len() <= 3) as u64) << i;
                        capitals |= ((*case != Case::Lower) as u64) << i;
                    }
                }
                let skel: Vec<String> = exact.iter().map(|w| skeleton_word(w)).collect();
                let exact = exact.into_iter().map(String::into_boxed_str).collect();
                trie.insert(&skel, ActorKey { id, exact, acronyms, capitals });
            }
            if a.kind == ActorKind::Person {
                // The last word of every name of two words or more ("Zelensky"), for
                // surname-only mentions, which the coder resolves against the article;
                // the first where the family name comes first ("Wang" of "Wang Yi").
                let first_too = a.codes.iter().any(|dc| crate::model::family_name_first(dc.code.country()));
                for alias in &a.aliases {
                    let w = normalize_words(alias);
                    if w.len() >= 2 {
                        let family = if first_too { vec![&w[0], &w[w.len() - 1]] } else { vec![&w[w.len() - 1]] };
                        for word in family {
                            let key: Box<str> = skeleton_word(word).into();
                            let ids = self.surname_index.entry(key).or_default();
                            if !ids.contains(&id) {
                                ids.push(id);
                            }
                        }
                    }
                }
                for dc in &a.codes {
                    if let Some(role) = dc.role {
                        let ids = self.role_index.entry((dc.code.country().into(), role)).or_default();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
            }
        }
        self.actor_index = trie;
    }

    fn index_agents(&mut self) {
        let mut trie = PhraseTrie::default();
        for (i, a) in self.agents.iter().enumerate() {
            let id = AgentId(i as u32);
            for (forms, plural) in [(&a.singular, false), (&a.plural, true)] {
                for f in forms {
                    trie.insert(&normalize_words(f), AgentKey { id, plural });
                }
            }
        }
        self.agent_index = trie;
    }

    fn index_discards(&mut self) {
        let mut trie = PhraseTrie::default();
        for (i, d) in self.discards.iter().enumerate() {
            let words = normalize_words(&d.phrase);
            if d.stem {
                trie.insert_stem(&words, i as u32);
            } else {
                trie.insert(&words, i as u32);
            }
        }
        self.discard_index = trie;
    }

    fn index_verbs(&mut self) {
        for (bi, b) in self.verb_blocks.iter().enumerate() {
            let block = BlockId(bi as u32);
            for (vi, v) in b.verbs.iter().enumerate() {
                self.verb_index.entry(v.lemma.clone()).or_default().push((block, vi as u32));
                for f in &v.forms {
                    let lemmas = self.verb_forms.entry(f.clone()).or_default();
                    if !lemmas.contains(&v.lemma) {
                        lemmas.push(v.lemma.clone());
                    }
                }
            }
            if let Some(name) = b.name.strip_prefix('&') {
                // dyad patterns anchored on a synset: every one-word member is a verb.
                if let Some(forms) = self.synset_forms.get(name) {
                    for f in forms.iter().filter(|f| !f.contains(' ')) {
                        self.verb_index.entry(f.clone()).or_default().push((block, u32::MAX));
                    }
                }
            }
        }
        for (pi, p) in self.noun_patterns.iter().enumerate() {
            for a in &p.anchor {
                self.noun_index.entry(a.clone()).or_default().push(pi as u32);
            }
        }
    }

    // ----- the coder's API -----

    /// Actor names in a sentence's tokens, longest match first, left to right, not
    /// overlapping. Names match through their spelling variants ([`crate::variants`]); a
    /// word that differs from the dictionary's spelling only matches when the token is
    /// capitalised, so common words do not turn into names.
    pub fn actors_at(&self, tokens: &[&str]) -> Vec<ActorMatch> {
        self.actors_in(&SentenceWords::new(tokens))
    }

    /// [`Dictionaries::actors_at`] over words already split and normalised.
    pub fn actors_in(&self, words: &SentenceWords) -> Vec<ActorMatch> {
        // Words made without their spelling skeletons get them here.
        let filled;
        let tw = if words.0.skeleton.len() == words.0.exact.len() {
            &words.0
        } else {
            let mut tw = words.0.clone();
            tw.skeleton = tw.exact.iter().map(|w| skeleton_word(w)).collect();
            filled = tw;
            &filled
        };
        let ids: Vec<Option<u32>> = tw.skeleton.iter().map(|w| self.actor_index.word_id(w)).collect();
        let mut out = Vec::new();
        let mut ends = Vec::new();
        let mut i = 0;
        while i < tw.exact.len() {
            if !tw.starts_token(i) {
                i += 1;
                continue;
            }
            ends.clear();
            self.actor_index.ends_from(&ids, &tw.skeleton, i, &mut ends);
            let mut best: Option<(usize, Vec<(ActorId, bool)>)> = None;
            for &(end, key) in ends.iter().rev() {
                if !tw.ends_token(end) {
                    continue;
                }
                if best.as_ref().is_some_and(|(e, _)| *e != end) {
                    break;
                }
                let exact = key.exact.iter().zip(&tw.exact[i..end]).all(|(a, b)| **a == **b);
                let capitalised = (i..end).all(|k| tw.capitalised[k] || *key.exact[k - i] == *tw.exact[k]);
                // Case, where the dictionary wrote it: an acronym needs capitals, a
                // capitalised word a capital.
                let case_ok = (i..end).all(|k| {
                    let bit = 1u64.checked_shl((k - i) as u32).unwrap_or(0);
                    match tw.case[k] {
                        Case::Capitals => true,
                        Case::Capitalised => key.acronyms & bit == 0,
                        Case::Lower => key.capitals & bit == 0,
                    }
                });
                if (exact || capitalised) && case_ok {
                    best.get_or_insert_with(|| (end, Vec::new())).1.push((key.id, exact));
                }
            }
            match best {
                Some((end, mut cands)) => {
                    cands.sort_by_key(|&(id, exact)| (std::cmp::Reverse(self.actors[id.0 as usize].source), !exact, id));
                    cands.dedup_by_key(|c| c.0);
                    let (start, end_tok) = tw.token_span(i, end);
                    out.push(ActorMatch {
                        start,
                        end: end_tok,
                        exact: cands[0].1,
                        candidates: cands.into_iter().map(|c| c.0).collect(),
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.0 as usize]
    }

    /// The code `id` carries on `date`: the dated code covering it, else the fallback
    /// (PETRARCH's default code; for dyad people, the role nearest in time).
    pub fn actor_code_on(&self, id: ActorId, date: Date) -> Option<&ActorCode> {
        self.actor(id).code_on(date)
    }

    /// The first candidate of `m` whose dated codes cover `date`, else the first with a
    /// fallback code, and that code. A candidate whose dated codes all miss `date` and that
    /// has no fallback is passed over.
    pub fn resolve(&self, m: &ActorMatch, date: Date) -> Option<(ActorId, &ActorCode)> {
        // "President Bush" in 2008 is the Bush whose dated presidency covers 2008, not the
        // one whose undated default happens to be listed first.
        let dated = m.candidates.iter().find_map(|&id| {
            let d = self.actor(id).dated_code_on(date)?;
            (!d.code.is_null()).then_some((id, &d.code))
        });
        dated.or_else(|| m.candidates.iter().find_map(|&id| self.actor_code_on(id, date).map(|c| (id, c))))
    }

    /// People who held `role` for `country` (the first three letters of their code) on
    /// `date`: "the Russian defence minister" on 2024-06-01 → Andrei Belousov.
    pub fn role_holders(&self, country: &str, role: Role, date: Date) -> Vec<ActorId> {
        let Some(ids) = self.role_index.get(&(Box::<str>::from(country), role)) else { return Vec::new() };
        ids.iter()
            .copied()
            .filter(|&id| {
                self.actor(id)
                    .codes
                    .iter()
                    .any(|d| d.role == Some(role) && d.code.country() == country && d.dates.contains(date))
            })
            .collect()
    }

    /// People (from `people.txt`) whose name ends in `word`, up to spelling variants:
    /// "Zelensky", "Selenskyj" → Volodymyr Zelensky. Names are usually written in full
    /// only at first mention; the coder decides which of these (if any) a later surname
    /// means, from the article and the date. Only a capitalised `word` is looked up.
    pub fn people_by_surname(&self, word: &str) -> &[ActorId] {
        if self.surname_index.is_empty() || !word.chars().next().is_some_and(char::is_uppercase) {
            return &[];
        }
        let w = normalize_words(word);
        if w.len() != 1 {
            return &[];
        }
        self.surname_index.get(skeleton_word(&w[0]).as_str()).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Agent nouns in a sentence's tokens (or lemmas), longest first, not overlapping.
    pub fn agents_at(&self, tokens: &[&str]) -> Vec<AgentMatch> {
        self.agents_in(&SentenceWords::without_spellings(tokens))
    }

    /// [`Dictionaries::agents_at`] over words already split and normalised.
    pub fn agents_in(&self, words: &SentenceWords) -> Vec<AgentMatch> {
        let tw = &words.0;
        let ids: Vec<Option<u32>> = tw.exact.iter().map(|w| self.agent_index.word_id(w)).collect();
        let mut out = Vec::new();
        let mut ends = Vec::new();
        let mut i = 0;
        while i < tw.exact.len() {
            if !tw.starts_token(i) {
                i += 1;
                continue;
            }
            ends.clear();
            self.agent_index.ends_from(&ids, &tw.exact, i, &mut ends);
            let Some(end) = ends.iter().rev().map(|e| e.0).find(|&e| tw.ends_token(e)) else {
                i += 1;
                continue;
            };
            let mut cands: Vec<AgentKey> = ends.iter().filter(|e| e.0 == end).map(|e| *e.1).collect();
            cands.sort_by_key(|k| (std::cmp::Reverse(self.agents[k.id.0 as usize].source), k.id));
            let plural = cands[0].plural;
            cands.dedup_by_key(|k| k.id);
            let (start, end_tok) = tw.token_span(i, end);
            out.push(AgentMatch { start, end: end_tok, candidates: cands.into_iter().map(|k| k.id).collect(), plural });
            i = end;
        }
        out
    }

    /// The agent named by exactly these words (lemmas or forms): `["defence",
    /// "minister"]`, `["soldiers"]`. Later sources win.
    pub fn agent(&self, words: &[&str]) -> Option<&Agent> {
        let key: Vec<String> = words.iter().flat_map(|w| normalize_words(w)).collect();
        self.agent_index
            .get(&key)
            .iter()
            .max_by_key(|k| (self.agents[k.id.0 as usize].source, std::cmp::Reverse(k.id)))
            .map(|k| &self.agents[k.id.0 as usize])
    }

    /// The verb blocks `lemma` belongs to, with its entry there (`None` for a block
    /// anchored on a synset the lemma is a member of). Multi-word verbs ("cordon off") are
    /// included: check [`Verb::before`] and [`Verb::after`] against the sentence.
    pub fn verb_blocks(&self, lemma: &str) -> impl Iterator<Item = (&VerbBlock, Option<&Verb>)> {
        let key = lemma.to_lowercase();
        self.verb_index.get(key.as_str()).into_iter().flatten().map(move |&(b, v)| {
            let block = &self.verb_blocks[b.0 as usize];
            (block, block.verbs.get(v as usize))
        })
    }

    /// The patterns of every block in which `lemma` is a one-word verb (or a member of the
    /// synset a block is anchored on). The code of the verb alone is on its [`Verb`].
    pub fn verb_patterns(&self, lemma: &str) -> impl Iterator<Item = &Pattern> {
        let mut seen: Vec<u32> = Vec::new();
        let key = lemma.to_lowercase();
        let blocks: Vec<u32> = self
            .verb_index
            .get(key.as_str())
            .into_iter()
            .flatten()
            .filter(|(b, v)| {
                let block = &self.verb_blocks[b.0 as usize];
                block.verbs.get(*v as usize).is_none_or(|verb| !verb.is_multiword())
            })
            .map(|(b, _)| b.0)
            .filter(|b| {
                let new = !seen.contains(b);
                seen.push(*b);
                new
            })
            .collect();
        blocks.into_iter().flat_map(move |b| self.verb_blocks[b as usize].patterns.iter())
    }

    /// The lemmas whose listed or generated forms include `form` ("said" → say), for
    /// text whose lemmas are missing or wrong.
    pub fn verb_lemmas_of_form(&self, form: &str) -> &[Box<str>] {
        self.verb_forms.get(form.to_lowercase().as_str()).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Noun patterns anchored on `lemma` ("attack", "talks").
    pub fn noun_patterns(&self, lemma: &str) -> impl Iterator<Item = &Pattern> {
        let key = lemma.to_lowercase();
        self.noun_index.get(key.as_str()).into_iter().flatten().map(|&i| &self.noun_patterns[i as usize])
    }

    pub fn synset(&self, name: &str) -> Option<&Synset> {
        let n = name.trim_start_matches('&').to_ascii_uppercase();
        self.synset_index.get(n.as_str()).map(|&i| &self.synsets[i as usize])
    }

    /// Whether `phrase` (a word or words, lemmas or forms) is a member of synset `name`,
    /// nested synsets and generated plurals included.
    pub fn in_synset(&self, name: &str, phrase: &str) -> bool {
        // The coder asks this for every word of every pattern it tries: names from
        // patterns are already bare and uppercase, and most words already lowercase
        // letters, so skip the allocating normalisation for them.
        let forms = if !name.starts_with('&') && !name.bytes().any(|b| b.is_ascii_lowercase()) {
            self.synset_forms.get(name)
        } else {
            self.synset_forms.get(name.trim_start_matches('&').to_ascii_uppercase().as_str())
        };
        let Some(forms) = forms else { return false };
        // (Words joined by single blanks are as normalised as one word.)
        let plain = |b: u8| b.is_ascii_lowercase() || b == b' ';
        if !phrase.is_empty() && phrase.bytes().all(plain) && !phrase.starts_with(' ') && !phrase.ends_with(' ') && !phrase.contains("  ") {
            forms.contains(phrase)
        } else {
            forms.contains(normalize(phrase).as_str())
        }
    }

    /// Whether some member of several words of synset `name` (bare, uppercase) ends in
    /// `word`: the cheap test before a coder assembles the phrases that end there.
    pub fn synset_phrase_ends_in(&self, name: &str, word: &str) -> bool {
        let Some(ends) = self.synset_phrases.get(name) else { return false };
        if !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()) {
            ends.contains(word)
        } else {
            ends.contains(normalize(word).as_str())
        }
    }

    /// The first discard phrase found in the tokens, if any. A phrase with
    /// [`DiscardScope::Article`] stops the whole article.
    pub fn is_discard(&self, tokens: &[&str]) -> Option<&Discard> {
        self.discard_in(&SentenceWords::without_spellings(tokens))
    }

    /// [`Dictionaries::is_discard`] over words already split and normalised.
    pub fn discard_in(&self, words: &SentenceWords) -> Option<&Discard> {
        let tw = &words.0;
        let ids: Vec<Option<u32>> = tw.exact.iter().map(|w| self.discard_index.word_id(w)).collect();
        let mut ends = Vec::new();
        for i in 0..tw.exact.len() {
            if !tw.starts_token(i) {
                continue;
            }
            ends.clear();
            self.discard_index.ends_from(&ids, &tw.exact, i, &mut ends);
            let mut best: Option<&Discard> = None;
            for &(end, &di) in &ends {
                let d = &self.discards[di as usize];
                if d.stem || tw.ends_token(end) {
                    // An article-level phrase outranks a sentence-level one.
                    if best.is_none_or(|b| b.scope == DiscardScope::Sentence && d.scope == DiscardScope::Article) {
                        best = Some(d);
                    }
                }
            }
            if best.is_some() {
                return best;
            }
        }
        None
    }

    /// Who controls the territory or place `name` on `date`, when the dictionaries say it
    /// is controlled by another than the state it belongs to ("Sevastopol" on 2024-06-24:
    /// RUS). The latest matching entry wins.
    pub fn territory_controller(&self, name: &str, date: Date) -> Option<&ActorCode> {
        let ids = self.territory_index.get(&normalize(name))?;
        ids.iter().rev().map(|&i| &self.territories[i]).find(|t| t.dates.contains(date)).map(|t| &t.code)
    }

    /// The CAMEO 1.1b3 entry for an event code.
    pub fn cameo(&self, code: &str) -> Option<&CameoEntry> {
        self.ontology.get(code)
    }

    pub fn ontology(&self) -> &Ontology {
        &self.ontology
    }

    /// UniversalPetrarch's internal (PICO) value of a CAMEO code, if a PICO file was
    /// loaded.
    pub fn internal_code(&self, cameo: &str) -> Option<i64> {
        self.internal_coding.get(cameo).copied()
    }

    /// The CAMEO code of a PICO value (the inverse of [`Self::internal_code`]); `None`
    /// when no code has that value, or no PICO file was loaded.
    pub fn cameo_of_internal(&self, value: i64) -> Option<&str> {
        self.internal_reverse.get(&value).map(|c| &**c)
    }

    /// Whether a PICO file was loaded (UniversalPetrarch's suites name one).
    pub fn has_internal_codes(&self) -> bool {
        !self.internal_coding.is_empty()
    }

    /// Problems found while reading and merging, in file order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn files(&self) -> &FileTable {
        &self.files
    }

    /// The files read, in order, with the format each was read as.
    pub fn sources(&self) -> &[SourceFile] {
        &self.sources
    }

    /// `file:line` of an entry.
    pub fn locate(&self, origin: Origin) -> String {
        self.files.locate(origin)
    }

    pub fn counts(&self) -> Counts {
        let org = |k: OrgKind| {
            self.actors.iter().filter(|a| a.kind == ActorKind::Organization(k)).count()
        };
        let verb_patterns: usize = {
            // A dyad pattern with alternative anchors sits in several blocks; count it once.
            let mut seen: FxHashSet<Origin> = FxHashSet::default();
            let mut n = 0;
            for b in &self.verb_blocks {
                for p in &b.patterns {
                    if p.dialect == Dialect::Petrarch || seen.insert(p.origin) {
                        n += 1;
                    }
                }
            }
            n
        };
        Counts {
            files: self.sources.len(),
            role_entries: self.counts_extra.0,
            people: self.actors.iter().filter(|a| a.kind == ActorKind::Person).count(),
            countries: self.counts_extra.1,
            igos: org(OrgKind::Igo) + org(OrgKind::IgoOrgan),
            armed_groups: org(OrgKind::ArmedGroup),
            actors: self.actors.len(),
            actor_names: self.actors.iter().map(|a| a.aliases.len()).sum(),
            agents: self.agents.len(),
            verb_blocks: self.verb_blocks.iter().filter(|b| !b.patterns.is_empty() || !b.verbs.is_empty()).count(),
            verbs: self.verb_blocks.iter().map(|b| b.verbs.len()).sum(),
            verb_patterns,
            noun_patterns: self.noun_patterns.len(),
            patterns: verb_patterns + self.noun_patterns.len(),
            synsets: self.synsets.len(),
            discards: self.discards.len(),
            territories: self.territories.len(),
            cameo_codes: self.ontology.len(),
            transformations: self.transformations.len(),
            internal_codes: self.internal_coding.len(),
        }
    }

    /// Number of distinct normalised words across actor names (a size figure).
    pub fn actor_vocabulary(&self) -> usize {
        self.actor_index.vocabulary()
    }
}

/// Identity of an actor for overriding across sources: a later source's entry with the
/// same key replaces an earlier one (a person by name, a country by code).
fn actor_key(a: &Actor) -> (String, u16) {
    let k = match a.kind {
        ActorKind::Person => format!("person:{}", normalize(&a.name)),
        ActorKind::Country => format!("country:{}", a.codes.first().map(|c| c.code.as_str()).unwrap_or("")),
        ActorKind::Demonym => format!("demonym:{}", a.codes.first().map(|c| c.code.as_str()).unwrap_or("")),
        ActorKind::Seat => format!("seat:{}", normalize(&a.name)),
        ActorKind::Organization(_) => format!("org:{}", normalize(&a.name)),
        // PETRARCH entries have no identity beyond their line; they never override.
        ActorKind::Listed => String::new(),
    };
    (k, a.source)
}

fn drop_overridden<T>(items: Vec<T>, key: impl Fn(&T) -> (String, u16)) -> Vec<T> {
    let mut latest: FxHashMap<String, u16> = FxHashMap::default();
    for it in &items {
        let (k, s) = key(it);
        if !k.is_empty() {
            let e = latest.entry(k).or_insert(s);
            *e = (*e).max(s);
        }
    }
    items
        .into_iter()
        .filter(|it| {
            let (k, s) = key(it);
            k.is_empty() || latest.get(&k) == Some(&s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn dictionaries_can_be_shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<super::Dictionaries>();
    }
}

#[cfg(test)]
mod territory_tests {
    use super::*;

    #[test]
    fn territories_change_hands_on_their_dates() {
        let mut b = Dictionaries::builder();
        b.add_bytes(
            "territories.txt",
            b"Crimea ; Sevastopol | RUS | 2014-03-18..\nKherson | RUS | 2022-03-02..2022-11-10\nnot a line\n",
        );
        let d = b.build();
        let day = |y, m, dd| jiff::civil::date(y, m, dd);
        assert_eq!(d.territory_controller("Sevastopol", day(2024, 6, 24)).map(|c| c.as_str()), Some("RUS"));
        assert_eq!(d.territory_controller("sevastopol", day(2014, 3, 1)), None, "before the annexation");
        assert_eq!(d.territory_controller("Kherson", day(2022, 6, 1)).map(|c| c.as_str()), Some("RUS"));
        assert_eq!(d.territory_controller("Kherson", day(2023, 1, 1)), None, "after the recapture");
        assert_eq!(d.counts().territories, 2);
        assert!(d.diagnostics().iter().any(|x| x.line == 3), "the malformed line is reported with its number");
    }
}
