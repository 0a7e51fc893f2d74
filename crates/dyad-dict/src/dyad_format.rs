//! dyad's own dictionary format (`docs/dictionaries.md`): one entry a line, fields
//! separated by `|`, alternatives inside a field by `;`, `#` comments.
//!
//! Each file kind has its own columns; all of them produce the same entry types as the
//! PETRARCH readers ([`crate::model`]), so the coder sees one dictionary.

use rustc_hash::FxHashMap;

use crate::date::parse_dyad_range;
use crate::diag::{FileId, Origin, Sink};
use crate::load::Part;
use crate::model::*;
use crate::ontology::Ontology;
use crate::text;
use crate::variants::normalize;

/// The files of dyad's format, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DyadKind {
    Countries,
    People,
    Organizations,
    Agents,
    Verbs,
    Nouns,
    Synsets,
    Cameo,
    Discards,
    Territories,
}

impl DyadKind {
    /// The kind of a dyad dictionary file, from its file name.
    pub fn from_file_name(name: &str) -> Option<DyadKind> {
        Some(match name {
            "countries.txt" => DyadKind::Countries,
            "people.txt" => DyadKind::People,
            "organizations.txt" => DyadKind::Organizations,
            "agents.txt" => DyadKind::Agents,
            "verbs.txt" => DyadKind::Verbs,
            "nouns.txt" => DyadKind::Nouns,
            "synsets.txt" => DyadKind::Synsets,
            "cameo.txt" => DyadKind::Cameo,
            "discards.txt" => DyadKind::Discards,
            "territories.txt" => DyadKind::Territories,
            _ => return None,
        })
    }
}

/// Sector codes of the format (docs/dictionaries.md, "Actor codes"); an agent whose code
/// is made only of these is a sector, anything else a complete actor code.
pub const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "LEG", "JUD", "COP", "SPY", "MED", "CVL", "BUS", "NGO", "IGO", "REF", "LAB", "EDU",
    "HLH", "ELI", "CRM", "INS", "UAF", "REL", "SEP", "ENV", "AGR", "MOD", "RAD", "PTY",
];

/// Words read as prepositions in patterns: one of these followed by another element
/// governs it (`with TGT`). A preposition at the end of a pattern, or followed by
/// another preposition, is a plain word (a particle: "hand over").
pub const PREPOSITIONS: &[&str] = &[
    "about", "above", "across", "after", "against", "along", "amid", "amidst", "among", "amongst", "around", "as",
    "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite",
    "down", "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto",
    "out", "outside", "over", "past", "per", "regarding", "since", "than", "through", "throughout", "till", "to",
    "toward", "towards", "under", "underneath", "unlike", "until", "up", "upon", "via", "with", "within",
    "without",
];

/// Reads one dyad-format file.
pub(crate) fn parse(kind: DyadKind, text: &str, file: FileId, file_name: &str, source: u16, sink: &mut Sink) -> Part {
    let mut part = Part::default();
    if kind == DyadKind::Cameo {
        let (o, d) = Ontology::parse(file_name, text);
        sink.out.extend(d);
        part.ontology = Some(o);
        return part;
    }
    let mut people: FxHashMap<String, usize> = FxHashMap::default();
    let mut blocks: FxHashMap<Box<str>, usize> = FxHashMap::default();
    for (n, raw) in text::lines(text) {
        let line = text::strip_hash_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let origin = Origin { file, line: n };
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let res = match kind {
            DyadKind::Countries => countries(&fields, origin, source, &mut part),
            DyadKind::People => person(&fields, origin, source, &mut part, &mut people),
            DyadKind::Organizations => organization(&fields, origin, source, &mut part),
            DyadKind::Agents => agent(&fields, origin, source, &mut part),
            DyadKind::Verbs => pattern_line(&fields, origin, false).map(|p| add_verb_pattern(p, &mut part, &mut blocks)),
            DyadKind::Nouns => pattern_line(&fields, origin, true).map(|p| part.nouns.push(p)),
            DyadKind::Synsets => synset(&fields, origin, &mut part),
            DyadKind::Discards => discard(&fields, origin, &mut part),
            DyadKind::Territories => territory(&fields, origin, &mut part),
            DyadKind::Cameo => unreachable!(),
        };
        if let Err(e) = res {
            sink.error(n, e);
        }
    }
    if kind == DyadKind::People {
        for a in &mut part.actors {
            add_former_office(a);
        }
    }
    part
}

/// CAMEO codes former government officials as elites (ELI) of their country: between a
/// state office that ended and the next one (or for good), a person is `CCCELI` — Donald
/// Trump in 2024 is USAELI, neither the president he was nor the one he would be again.
fn add_former_office(a: &mut Actor) {
    let mut former = Vec::new();
    for c in &a.codes {
        let (Some(end), Some(sector)) = (c.dates.to, c.code.as_str().get(3..6)) else { continue };
        if c.code.as_str().len() != 6 || !is_state_sector(sector) {
            continue;
        }
        let Ok(start) = end.tomorrow() else { continue };
        if a.codes.iter().any(|o| o.dates.contains(start)) {
            continue;
        }
        // Until the next office begins.
        let next = a.codes.iter().filter_map(|o| o.dates.from).filter(|&f| f > end).min();
        let to = next.and_then(|f| f.yesterday().ok());
        former.push(DatedCode { code: ActorCode::new(&format!("{}ELI", c.code.country())), dates: crate::date::DateRange { from: Some(start), to }, role: None, origin: c.origin });
    }
    a.codes.extend(former);
}

fn expect_fields(fields: &[&str], min: usize, max: usize, layout: &str) -> Result<(), String> {
    if fields.len() < min || fields.len() > max {
        return Err(format!("expected {layout}, found {} field{}", fields.len(), if fields.len() == 1 { "" } else { "s" }));
    }
    Ok(())
}

/// `a ; b ; c` → [a, b, c] (empty items dropped).
fn list(field: &str) -> Vec<&str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// A name's aliases: itself, and without a leading "the" ("the Kremlin" also matches
/// "Kremlin spokesman").
fn with_optional_the(names: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        out.push(n.to_string());
        let lower = n.to_lowercase();
        if let Some(rest) = lower.strip_prefix("the ") {
            if !rest.trim().is_empty() {
                out.push(n[4..].trim().to_string());
            }
        }
    }
    out
}

fn check_name(n: &str) -> Result<(), String> {
    if normalize(n).is_empty() {
        return Err(format!("name {n:?} has no letters or digits"));
    }
    Ok(())
}

/// An actor code: uppercase letters and digits in groups of three (`USAGOV`, `IGOUNOIAE`).
fn actor_code(s: &str) -> Result<ActorCode, String> {
    if s.len() < 3 || s.len() % 3 != 0 || !s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return Err(format!("bad actor code {s:?} (uppercase, in groups of three letters: USAGOV)"));
    }
    Ok(ActorCode::new(s))
}

fn countries(f: &[&str], origin: Origin, source: u16, part: &mut Part) -> Result<(), String> {
    expect_fields(f, 2, 4, "code | names | adjectives | seats")?;
    let code = f[0];
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("bad country code {code:?} (three uppercase letters)"));
    }
    let code = ActorCode::new(code);
    let names = list(f[1]);
    if names.is_empty() {
        return Err(format!("country {code} has no name"));
    }
    for n in &names {
        check_name(n)?;
    }
    let always = |c: &ActorCode| vec![DatedCode { code: c.clone(), dates: crate::date::DateRange::ALWAYS, role: None, origin }];
    let mk = |name: &str, aliases: Vec<String>, kind: ActorKind, c: &ActorCode| Actor {
        name: name.to_string(),
        aliases,
        kind,
        codes: always(c),
        fallback: Fallback::Nothing,
        origin,
        source,
    };
    let country_name = names[0].to_string();
    part.actors.push(mk(&country_name, with_optional_the(&names), ActorKind::Country, &code));
    part.countries += 1;
    if let Some(adj) = f.get(2) {
        let adj = list(adj);
        for a in &adj {
            check_name(a)?;
        }
        if !adj.is_empty() {
            part.actors.push(mk(&country_name, adj.iter().map(|s| s.to_string()).collect(), ActorKind::Demonym, &code));
        }
    }
    if let Some(seats) = f.get(3) {
        for s in list(seats) {
            let (phrase, c) = match s.split_once('=') {
                Some((p, c)) => (p.trim(), actor_code(c.trim())?),
                None => (s, ActorCode::new(&format!("{code}GOV"))),
            };
            check_name(phrase)?;
            part.actors.push(mk(phrase, with_optional_the(&[phrase]), ActorKind::Seat, &c));
        }
    }
    Ok(())
}

fn territory(f: &[&str], origin: Origin, part: &mut Part) -> Result<(), String> {
    expect_fields(f, 3, 3, "place ; other places | controller code | dates")?;
    let names = list(f[0]);
    if names.is_empty() {
        return Err("territory without a name".into());
    }
    for n in &names {
        check_name(n)?;
    }
    let code = actor_code(f[1])?;
    let dates = parse_dyad_range(f[2])?;
    part.territories.push(Territory { names: names.iter().map(|n| n.to_string()).collect(), code, dates, origin });
    Ok(())
}

fn person(
    f: &[&str],
    origin: Origin,
    source: u16,
    part: &mut Part,
    people: &mut FxHashMap<String, usize>,
) -> Result<(), String> {
    expect_fields(f, 3, 4, "name ; aliases | code | dates | role")?;
    let names = list(f[0]);
    if names.is_empty() {
        return Err("person without a name".into());
    }
    for n in &names {
        check_name(n)?;
    }
    let code = actor_code(f[1])?;
    let dates = parse_dyad_range(f[2])?;
    let role = match f.get(3).copied().filter(|r| !r.is_empty()) {
        Some(r) => Some(Role::parse(r).ok_or_else(|| format!("unknown role {r:?} (see docs/dictionaries.md for the list)"))?),
        None => None,
    };
    let dc = DatedCode { code, dates, role, origin };
    let key = normalize(names[0]);
    part.people_lines += 1;
    match people.get(&key) {
        Some(&i) => {
            let a = &mut part.actors[i];
            for n in &names {
                let nk = normalize(n);
                if !a.aliases.iter().any(|x| normalize(x) == nk) {
                    a.aliases.push(n.to_string());
                }
            }
            a.codes.push(dc);
        }
        None => {
            people.insert(key, part.actors.len());
            let mut aliases: Vec<String> = Vec::new();
            for n in &names {
                let nk = normalize(n);
                if !aliases.iter().any(|x| normalize(x) == nk) {
                    aliases.push(n.to_string());
                }
            }
            part.actors.push(Actor {
                name: names[0].to_string(),
                aliases,
                kind: ActorKind::Person,
                codes: vec![dc],
                fallback: Fallback::Nearest,
                origin,
                source,
            });
        }
    }
    Ok(())
}

fn organization(f: &[&str], origin: Origin, source: u16, part: &mut Part) -> Result<(), String> {
    expect_fields(f, 3, 3, "code | names | kind")?;
    let code = actor_code(f[0])?;
    let names = list(f[1]);
    if names.is_empty() {
        return Err(format!("organisation {code} has no name"));
    }
    for n in &names {
        check_name(n)?;
    }
    let kind = OrgKind::parse(f[2]).ok_or_else(|| {
        format!("unknown kind {:?} (igo, igo_organ, armed_group, ngo, party, company, media, other)", f[2])
    })?;
    part.actors.push(Actor {
        name: names[0].to_string(),
        aliases: with_optional_the(&names),
        kind: ActorKind::Organization(kind),
        codes: vec![DatedCode { code, dates: crate::date::DateRange::ALWAYS, role: None, origin }],
        fallback: Fallback::Nothing,
        origin,
        source,
    });
    Ok(())
}

/// English plural of a phrase's last word: -y after a consonant → -ies; -s, -x, -z,
/// -ch, -sh → -es; -man → -men; otherwise -s.
pub(crate) fn english_plural(phrase: &str) -> String {
    let (init, last) = match phrase.rsplit_once(' ') {
        Some((i, l)) => (format!("{i} "), l),
        None => (String::new(), phrase),
    };
    let b = last.as_bytes();
    let pl = if last.ends_with('y') && b.len() > 1 && !b"aeiou".contains(&b[b.len() - 2]) {
        format!("{}ies", &last[..last.len() - 1])
    } else if last.ends_with(['s', 'x', 'z']) || last.ends_with("ch") || last.ends_with("sh") {
        format!("{last}es")
    } else if let Some(stem) = last.strip_suffix("man") {
        format!("{stem}men")
    } else {
        format!("{last}s")
    };
    format!("{init}{pl}")
}

fn agent(f: &[&str], origin: Origin, source: u16, part: &mut Part) -> Result<(), String> {
    expect_fields(f, 2, 3, "noun ; other forms | sector | plural")?;
    let forms: Vec<String> = list(f[0]).iter().map(|s| normalize(s)).collect();
    if forms.is_empty() || forms.iter().any(|s| s.is_empty()) {
        return Err("agent without a noun".into());
    }
    let code = f[1].trim_start_matches('~');
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return Err(format!("bad sector {:?} (GOV, MIL, ... or a full actor code)", f[1]));
    }
    let chunks: Vec<&str> = (0..code.len() / 3).map(|i| &code[3 * i..3 * i + 3]).collect();
    let code = if code.len() % 3 == 0 && chunks.iter().all(|c| SECTORS.contains(c)) {
        AgentCode::Sector(code.into())
    } else {
        AgentCode::Actor(actor_code(code)?.0)
    };
    let mut plural: Vec<String> = Vec::new();
    match f.get(2).copied().filter(|p| !p.is_empty()) {
        None => plural.extend(forms.iter().map(|s| english_plural(s))),
        Some(p) => {
            for item in list(p) {
                match item {
                    "+s" | "+es" => {
                        let suffix = &item[1..];
                        plural.extend(forms.iter().map(|s| format!("{s}{suffix}")));
                    }
                    "-" => {}
                    _ => plural.push(normalize(item)),
                }
            }
        }
    }
    plural.retain(|p| !p.is_empty());
    part.agents.push(Agent { name: list(f[0])[0].to_string(), singular: forms, plural, code, origin, source });
    Ok(())
}

fn synset(f: &[&str], origin: Origin, part: &mut Part) -> Result<(), String> {
    expect_fields(f, 2, 2, "&NAME | members")?;
    let name = f[0].strip_prefix('&').ok_or_else(|| format!("synset name {:?} must start with `&`", f[0]))?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(format!("bad synset name {:?}", f[0]));
    }
    let mut members = Vec::new();
    for m in list(f[1]) {
        if let Some(inner) = m.strip_prefix('&') {
            members.push(SynsetMember::Synset(inner.to_ascii_uppercase().into()));
            continue;
        }
        let words: Vec<Box<str>> = m.split_whitespace().map(|w| w.to_lowercase().into()).collect();
        if words.is_empty() {
            continue;
        }
        members.push(SynsetMember::Phrase { words, plural: false });
    }
    if members.is_empty() {
        return Err(format!("synset {} has no members", f[0]));
    }
    part.synsets.push(Synset { name: name.to_ascii_uppercase().into(), members, origin });
    Ok(())
}

fn discard(f: &[&str], origin: Origin, part: &mut Part) -> Result<(), String> {
    expect_fields(f, 1, 2, "phrases | scope")?;
    let scope = match f.get(1).copied().unwrap_or("") {
        "" | "sentence" => DiscardScope::Sentence,
        "article" => DiscardScope::Article,
        s => return Err(format!("unknown scope {s:?} (sentence or article)")),
    };
    let phrases = list(f[0]);
    if phrases.is_empty() {
        return Err("no discard phrase".into());
    }
    for p in phrases {
        let key = normalize(p);
        if key.is_empty() {
            return Err(format!("discard phrase {p:?} has no letters or digits"));
        }
        part.discards.push(Discard { phrase: key, scope, stem: false, origin });
    }
    Ok(())
}

fn pattern_line(f: &[&str], origin: Origin, noun: bool) -> Result<Pattern, String> {
    expect_fields(f, 2, 2, "code | pattern")?;
    let code = f[0];
    // `---`: the phrase codes nothing ("took office"), whatever broader pattern matches.
    let null = code == "---";
    if !null && (!(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit())) {
        return Err(format!("bad CAMEO code {code:?} (a code of 2 to 4 digits, or --- for none)"));
    }
    let mut p = parse_pattern(f[1], origin).map_err(|e| format!("{e} in pattern {:?}", f[1]))?;
    p.code = (!null).then(|| EventCode::new(code));
    if noun && p.anchor.first().is_some_and(|a| a.starts_with('&')) {
        return Err("a noun pattern must be anchored on a noun, not a synset".into());
    }
    Ok(p)
}

fn add_verb_pattern(p: Pattern, part: &mut Part, blocks: &mut FxHashMap<Box<str>, usize>) {
    for lemma in p.anchor.clone() {
        let i = *blocks.entry(lemma.clone()).or_insert_with(|| {
            part.blocks.push(VerbBlock {
                name: lemma.clone(),
                code: None,
                reverse_code: None,
                verbs: if lemma.starts_with('&') {
                    Vec::new()
                } else {
                    vec![Verb {
                        lemma: lemma.clone(),
                        before: Vec::new(),
                        after: Vec::new(),
                        forms: vec![lemma.clone()],
                        code: None,
                        reverse_code: None,
                        origin: p.origin,
                    }]
                },
                patterns: Vec::new(),
                origin: p.origin,
            });
            part.blocks.len() - 1
        });
        part.blocks[i].patterns.push(p.clone());
    }
}

#[derive(Debug)]
enum Item {
    Src,
    Tgt,
    Words(Vec<Box<str>>),
    Synset(Box<str>),
}

/// Parses dyad's pattern language (see docs/dictionaries.md, `verbs.txt`): `SRC`, `TGT`,
/// words (lemmas), `(word)` optional, `a;b` alternatives, `&NAME` synsets; the first word
/// that is not a slot is the anchor (the verb, or the noun of a noun pattern).
pub(crate) fn parse_pattern(written: &str, origin: Origin) -> Result<Pattern, String> {
    // `{suicide bomber} SRC kill TGT`: words the source's phrase must have, its head last.
    let (source_words, text) = match written.trim_start().strip_prefix('{') {
        Some(rest) => {
            let (inside, after) = rest.split_once('}').ok_or("`{` without `}`")?;
            if !after.trim_start().starts_with("SRC") {
                return Err("`{words}` names the source's words and must stand right before SRC".into());
            }
            let terms = inside.split_whitespace().map(word_term).collect::<Result<Vec<Term>, String>>()?;
            if terms.is_empty() {
                return Err("empty `{}`".into());
            }
            (Some(terms), after)
        }
        None => (None, written),
    };
    let mut pattern = parse_items(text, origin)?;
    pattern.text = written.trim().into();
    if let Some(mut terms) = source_words {
        let head = terms.pop().expect("not empty");
        pattern.elements.insert(0, Element { side: Side::Before, prep: Vec::new(), term: head, modifiers: terms, optional: false, adjacent: false });
    }
    Ok(pattern)
}

/// One word of a `{…}` group: a word (with `;` alternatives) or a synset.
fn word_term(t: &str) -> Result<Term, String> {
    if let Some(name) = t.strip_prefix('&') {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(format!("bad synset name {t:?}"));
        }
        return Ok(Term::Synset(name.to_ascii_uppercase().into()));
    }
    let alts: Vec<Box<str>> = t.split(';').filter(|a| !a.is_empty()).map(|a| a.to_lowercase().into()).collect();
    if alts.is_empty() || alts.iter().any(|a| !a.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\'')) {
        return Err(format!("bad word {t:?} in `{{…}}`"));
    }
    Ok(Term::Words(alts))
}

fn parse_items(text: &str, origin: Origin) -> Result<Pattern, String> {
    // (item, optional)
    let mut items: Vec<(Item, bool)> = Vec::new();
    let mut in_optional = false;
    for tok in text.split_whitespace() {
        let mut t = tok;
        let mut opens = false;
        let mut closes = false;
        if let Some(r) = t.strip_prefix('(') {
            if in_optional {
                return Err("nested `(`".into());
            }
            opens = true;
            in_optional = true;
            t = r;
        }
        if let Some(r) = t.strip_suffix(')') {
            if !in_optional {
                return Err("`)` without `(`".into());
            }
            closes = true;
            t = r;
        }
        if t.is_empty() {
            return Err(if opens && closes { "empty `()`".into() } else { "a lone `(` or `)`: write `(word)`".into() });
        }
        if t.contains(['(', ')']) {
            return Err(format!("misplaced parenthesis in {tok:?}"));
        }
        let item = match t {
            "SRC" => Item::Src,
            "TGT" => Item::Tgt,
            _ if t.starts_with('&') => {
                let name = &t[1..];
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    return Err(format!("bad synset name {t:?}"));
                }
                Item::Synset(name.to_ascii_uppercase().into())
            }
            _ => {
                let alts: Vec<Box<str>> = t.split(';').filter(|a| !a.is_empty()).map(|a| a.to_lowercase().into()).collect();
                if alts.is_empty() {
                    return Err(format!("bad word {t:?}"));
                }
                for a in &alts {
                    if !a.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\'') {
                        return Err(format!("bad word {a:?} (slots are written SRC and TGT)"));
                    }
                }
                Item::Words(alts)
            }
        };
        items.push((item, in_optional));
        if closes {
            in_optional = false;
        }
    }
    if in_optional {
        return Err("`(` without `)`".into());
    }
    let anchor_at = items
        .iter()
        .position(|(i, _)| matches!(i, Item::Words(_) | Item::Synset(_)))
        .ok_or("no word: a pattern needs a verb or noun besides SRC and TGT")?;
    if items[anchor_at].1 {
        return Err("the anchor word (the first word that is not a slot) cannot be optional".into());
    }
    let anchor: Vec<Box<str>> = match &items[anchor_at].0 {
        Item::Words(w) => w.clone(),
        Item::Synset(s) => vec![format!("&{s}").into()],
        _ => unreachable!(),
    };
    let is_prep = |i: &Item| matches!(i, Item::Words(w) if w.iter().all(|x| PREPOSITIONS.contains(&&**x)));
    let is_conj = |i: &Item| matches!(i, Item::Words(w) if w.len() == 1 && matches!(&*w[0], "and" | "or"));
    let mut elements: Vec<Element> = Vec::new();
    let mut pending_prep: Option<Vec<Box<str>>> = None;
    let mut last_prep: Vec<Box<str>> = Vec::new();
    let mut coordinated = false;
    let n = items.len();
    for (k, (item, optional)) in items.iter().enumerate() {
        if k == anchor_at {
            if pending_prep.is_some() {
                return Err("a preposition cannot govern the anchor word".into());
            }
            last_prep.clear();
            continue;
        }
        let side = if k < anchor_at { Side::Before } else { Side::After };
        let next = items.get(k + 1).filter(|_| k + 1 != anchor_at).map(|(i, _)| i);
        // "between SRC and TGT": the second conjunct shares the first one's preposition.
        if is_conj(item) && k > 0 && k + 1 < n && next.is_some() && !elements.is_empty() && pending_prep.is_none() {
            coordinated = true;
            continue;
        }
        if is_prep(item) && next.is_some_and(|x| !is_prep(x) && !is_conj(x)) {
            if let Item::Words(w) = item {
                pending_prep = Some(w.clone());
            }
            continue;
        }
        let prep = match pending_prep.take() {
            Some(p) => p,
            None if coordinated => last_prep.clone(),
            None => Vec::new(),
        };
        coordinated = false;
        let term = match item {
            Item::Src => Term::Source,
            Item::Tgt => Term::Target,
            Item::Words(w) => Term::Words(w.clone()),
            Item::Synset(s) => Term::Synset(s.clone()),
        };
        last_prep = prep.clone();
        // `(by telephone)`: the element is optional when its head word is.
        elements.push(Element { side, prep, term, modifiers: Vec::new(), optional: *optional, adjacent: false });
    }
    let sources = elements.iter().filter(|e| e.term == Term::Source).count();
    let targets = elements.iter().filter(|e| e.term == Term::Target).count();
    if sources > 1 || targets > 1 {
        return Err("SRC and TGT may appear at most once each".into());
    }
    Ok(Pattern {
        code: None,
        reverse_code: None,
        anchor,
        elements,
        dialect: Dialect::Dyad,
        text: text.trim().into(),
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pat(s: &str) -> Pattern {
        parse_pattern(s, Origin::default()).unwrap()
    }

    fn summary(p: &Pattern) -> Vec<String> {
        p.elements
            .iter()
            .map(|e| {
                let t = match &e.term {
                    Term::Source => "SRC".to_string(),
                    Term::Target => "TGT".to_string(),
                    Term::Words(w) => w.join(";"),
                    Term::Synset(s) => format!("&{s}"),
                    other => format!("{other:?}"),
                };
                let side = if e.side == Side::Before { "<" } else { ">" };
                let prep = if e.prep.is_empty() { String::new() } else { format!("{}:", e.prep.join("/")) };
                format!("{side}{prep}{t}{}", if e.optional { "?" } else { "" })
            })
            .collect()
    }

    #[test]
    fn verb_patterns_from_the_doc() {
        let p = pat("SRC speak with TGT");
        assert_eq!(p.anchor, vec![Box::<str>::from("speak")]);
        assert_eq!(summary(&p), ["<SRC", ">with:TGT"]);
        let p = pat("SRC discuss TGT by telephone");
        assert_eq!(summary(&p), ["<SRC", ">TGT", ">by:telephone"]);
        assert_eq!(p.specificity(), 2);
        let p = pat("SRC sign agreement with TGT");
        assert_eq!(summary(&p), ["<SRC", ">agreement", ">with:TGT"]);
        let p = pat("SRC hand over TGT");
        assert_eq!(summary(&p), ["<SRC", ">over:TGT"]);
        let p = pat("SRC visit TGT");
        assert_eq!((p.specificity(), p.has_source(), p.has_target()), (0, true, true));
    }

    #[test]
    fn source_words_before_src() {
        let p = pat("{suicide bomber} SRC kill TGT");
        assert_eq!(&*p.anchor[0], "kill");
        assert_eq!(summary(&p), ["<bomber", "<SRC", ">TGT"]);
        assert_eq!(p.elements[0].modifiers, vec![Term::Words(vec!["suicide".into()])]);
        assert_eq!(p.specificity(), 2);
        let p = pat("{&AIRWEAPON} SRC strike TGT");
        assert_eq!(summary(&p), ["<&AIRWEAPON", "<SRC", ">TGT"]);
        for bad in ["{suicide bomber SRC kill TGT", "{suicide bomber} kill TGT", "{} SRC kill TGT"] {
            assert!(parse_pattern(bad, Origin::default()).is_err(), "{bad}");
        }
    }

    #[test]
    fn noun_patterns_from_the_doc() {
        let p = pat("exchange of prisoners between SRC and TGT");
        assert_eq!(&*p.anchor[0], "exchange");
        assert_eq!(summary(&p), [">of:prisoners", ">between:SRC", ">between:TGT"]);
        let p = pat("SRC attack on TGT");
        assert_eq!(summary(&p), ["<SRC", ">on:TGT"]);
        let p = pat("sanctions against TGT");
        assert_eq!(summary(&p), [">against:TGT"]);
    }

    #[test]
    fn optional_alternatives_synsets() {
        let p = pat("SRC fire;launch (a) &WEAPON at TGT");
        assert_eq!(p.anchor.iter().map(|a| &**a).collect::<Vec<_>>(), ["fire", "launch"]);
        assert_eq!(summary(&p), ["<SRC", ">a?", ">&WEAPON", ">at:TGT"]);
        let p = pat("SRC &ATTACK TGT");
        assert_eq!(&*p.anchor[0], "&ATTACK");
        let p = pat("SRC talk (by telephone) with TGT");
        assert_eq!(summary(&p), ["<SRC", ">by:telephone?", ">with:TGT"]);
    }

    #[test]
    fn malformed_patterns() {
        for bad in ["SRC TGT", "SRC (speak) TGT", "SRC speak (with TGT", "SRC speak with) TGT", "SRC speak () TGT", "SRC speak TGT TGT", "SRC spe@k TGT", "SRC speak & TGT", "(SRC speak TGT"] {
            assert!(parse_pattern(bad, Origin::default()).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn files_of_each_kind() {
        use crate::diag::{FileId, Sink};
        let mut sink = Sink::new("countries.txt");
        let p = parse(
            DyadKind::Countries,
            "# code | names | adj | seats\nUKR | Ukraine ; the Ukraine | Ukrainian ; Ukrainians | Kyiv ; Bankova\nUSA | United States | American | Washington ; the Pentagon=USAMIL\nukr | x\nRUS |  | Russian\n",
            FileId(0),
            "countries.txt",
            0,
            &mut sink,
        );
        let msgs: Vec<String> = sink.out.iter().map(|d| d.to_string()).collect();
        assert_eq!(msgs, ["countries.txt:4: error: bad country code \"ukr\" (three uppercase letters)", "countries.txt:5: error: country RUS has no name"]);
        let kinds: Vec<(ActorKind, &str, &str)> =
            p.actors.iter().map(|a| (a.kind, a.name.as_str(), a.codes[0].code.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (ActorKind::Country, "Ukraine", "UKR"),
                (ActorKind::Demonym, "Ukraine", "UKR"),
                (ActorKind::Seat, "Kyiv", "UKRGOV"),
                (ActorKind::Seat, "Bankova", "UKRGOV"),
                (ActorKind::Country, "United States", "USA"),
                (ActorKind::Demonym, "United States", "USA"),
                (ActorKind::Seat, "Washington", "USAGOV"),
                (ActorKind::Seat, "the Pentagon", "USAMIL"),
            ]
        );
        assert_eq!(p.actors[0].aliases, ["Ukraine", "the Ukraine", "Ukraine"]);
        assert_eq!(p.actors[7].aliases, ["the Pentagon", "Pentagon"]);

        let mut sink = Sink::new("people.txt");
        let p = parse(
            DyadKind::People,
            "Sergei Shoigu | RUSGOV | 2012-11-06..2024-05-12 | defence_minister\nSergei Shoigu ; Shoigu | RUSGOV | 2024-05-12.. | security_council_secretary\nX Y | RUSGOV | 2024.. | tsar\nZ | RUS-GOV | 2024.. | other\n",
            FileId(0),
            "people.txt",
            0,
            &mut sink,
        );
        let msgs: Vec<String> = sink.out.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "people.txt:3: error: unknown role \"tsar\" (see docs/dictionaries.md for the list)",
                "people.txt:4: error: bad actor code \"RUS-GOV\" (uppercase, in groups of three letters: USAGOV)"
            ]
        );
        assert_eq!(p.actors.len(), 1);
        assert_eq!(p.people_lines, 2);
        let s = &p.actors[0];
        assert_eq!((s.aliases.len(), s.codes.len()), (2, 2));
        assert_eq!(s.codes[1].role, Some(Role::SecurityCouncilSecretary));

        let mut sink = Sink::new("agents.txt");
        let p = parse(
            DyadKind::Agents,
            "soldier | MIL\npolice ; police officer ; policeman | COP | police ; police officers ; policemen\nUN peacekeepers | IGOUNOMIL\nminister | GOVFRM\nx | mil\n",
            FileId(0),
            "agents.txt",
            0,
            &mut sink,
        );
        assert_eq!(sink.out.len(), 1, "{:?}", sink.out);
        assert_eq!(sink.out[0].line, 5);
        assert_eq!(p.agents[0].plural, ["soldiers"]);
        assert_eq!(p.agents[1].singular, ["police", "police officer", "policeman"]);
        assert_eq!(p.agents[1].plural, ["police", "police officers", "policemen"]);
        assert_eq!(p.agents[2].code, AgentCode::Actor("IGOUNOMIL".into()));
        // FRM is not a sector of the format: the whole code is taken as an actor code.
        assert_eq!(p.agents[3].code, AgentCode::Actor("GOVFRM".into()));

        let mut sink = Sink::new("discards.txt");
        let p = parse(DyadKind::Discards, "soccer ; football match | sentence\nhoroscope | article\nx | week\n", FileId(0), "discards.txt", 0, &mut sink);
        assert_eq!(p.discards.len(), 3);
        assert_eq!(p.discards[2].scope, DiscardScope::Article);
        assert_eq!(sink.out[0].to_string(), "discards.txt:3: error: unknown scope \"week\" (sentence or article)");

        let mut sink = Sink::new("synsets.txt");
        let p = parse(DyadKind::Synsets, "&WEAPON | missile ; rocket ; drone\n&PRISONER | prisoner of war ; POW\nWEAPON | x\n", FileId(0), "synsets.txt", 0, &mut sink);
        assert_eq!(p.synsets.len(), 2);
        assert_eq!(p.synsets[1].members[0], SynsetMember::Phrase { words: vec!["prisoner".into(), "of".into(), "war".into()], plural: false });
        assert_eq!(sink.out[0].line, 3);
    }

    #[test]
    fn plurals() {
        assert_eq!(english_plural("soldier"), "soldiers");
        assert_eq!(english_plural("defence minister"), "defence ministers");
        assert_eq!(english_plural("policeman"), "policemen");
        assert_eq!(english_plural("authority"), "authorities");
        assert_eq!(english_plural("envoy"), "envoys");
        assert_eq!(english_plural("coach"), "coaches");
    }
}
