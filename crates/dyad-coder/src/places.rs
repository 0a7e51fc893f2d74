//! Event places: where did the coded event happen?
//!
//! This module sits beside [`crate::dates`] between the tree and the coder. It has two
//! parts:
//! - [`Gazetteer`]: names to places. The embedded one ([`Gazetteer::embedded`]) is
//!   generated from GeoNames data (CC BY 4.0) by `tools/gazetteer/regenerate.sh` into
//!   `data/gazetteer/gazetteer.tsv` and compiled into the binary, so dyad places events
//!   offline: 246 countries, 3,774 first-order regions (oblasts, provinces,
//!   governorates, states) and the 33,961 places of 15,000 people or more, with their
//!   Latin-script alternate names (Kiev = Kyiv, Zhdanov = Mariupol). Names are keyed
//!   through the same normaliser as actors (`dyad_dict::variants::normalize`: diacritics
//!   folded, lower case), and a name that several places share goes to the country it
//!   names, then to the one in a country the caller hints at (the countries of the
//!   sentence's actors), then to the most populous.
//! - [`event_place`]: which place phrase of a parsed sentence belongs to an event: one
//!   attached to the event's word ("fought in Mariupol", "an attack on the city of
//!   Sevastopol", "in the Kherson region"), then one on its object ("hit a school in
//!   Gaza"), then one on its subject ("the ministry in Moscow").

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use dyad_dict::variants::normalize;

use crate::dates::{clause_words, is_date_word};
use crate::tree::{Rel, Tree};

/// What kind of place a [`Location`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    /// A first-order administrative division: oblast, province, governorate, state.
    Region,
    /// A populated place: city, town.
    City,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
        }
    }
}

/// A place, as events carry it (`location` in dyad's JSON: name, country, lat, lon).
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// The gazetteer's name ("Kyiv" for "Kiev"; a region's GeoNames name, "Kherson").
    pub name: String,
    /// ISO 3166-1 alpha-3 code of the country GeoNames puts the place in.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
}

/// A line of the gazetteer file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for GazetteerError {}

/// One place of the gazetteer; names are byte ranges into the gazetteer's text, so the
/// embedded table costs no allocation per place.
#[derive(Debug, Clone)]
struct Entry {
    kind: PlaceKind,
    country: [u8; 3],
    admin1: (u32, u32),
    name: (u32, u32),
    population: u64,
    lat: f64,
    lon: f64,
}

/// Name → places, loaded from dyad's gazetteer format (see `data/gazetteer/README` and
/// the header of the file): tab-separated `kind country admin1 population lat lon name
/// alternates`, kind `C`, `R` or `P`, alternates separated by `|`.
pub struct Gazetteer {
    text: Cow<'static, str>,
    entries: Vec<Entry>,
    /// Every name, sorted by the hash of its key. Loading hashes keys into a flat
    /// table instead of building a map of owned strings: 129,000 names load without an
    /// allocation each (a lookup re-keys the few names that share its hash to confirm).
    names: Vec<Name>,
    regions: HashMap<([u8; 3], Box<str>), u32>,
    countries: HashMap<[u8; 3], u32>,
}

const ALTERNATE: u32 = 1 << 31;

/// One name of one place.
#[derive(Debug, Clone, Copy)]
struct Name {
    hash: u64,
    /// The entry; the high bit marks an alternate name.
    posting: u32,
    text: (u32, u32),
}

/// FNV-1a: a fixed, dependency-free hash of a key.
fn hash_key(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

static EMBEDDED_TEXT: &str = include_str!("../../../data/gazetteer/gazetteer.tsv");

/// The matching key of a name: `dyad_dict::variants::normalize`, with a fast path for
/// ASCII (all but a few of the gazetteer's 129,000 names) that gives the same result
/// without allocating a word list; a test checks the two agree on every name.
fn key_into(s: &str, out: &mut String) {
    out.clear();
    if !s.is_ascii() {
        out.push_str(&normalize(s));
        return;
    }
    let mut gap = false;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else if !matches!(b, b'.' | b'\'' | b'`') {
            gap = true;
        }
    }
}

fn key(s: &str) -> String {
    let mut out = String::new();
    key_into(s, &mut out);
    out
}

/// The three-letter country code a hint stands for: "UKR", or an actor code "UKRGOV".
fn hint_code(hint: &str) -> Option<[u8; 3]> {
    let b = hint.as_bytes();
    (b.len() >= 3 && b[..3].iter().all(u8::is_ascii_uppercase)).then(|| [b[0], b[1], b[2]])
}

impl Gazetteer {
    /// The gazetteer compiled into dyad, read once on first use.
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        // The embedded file is tested to parse; should it ever not, places are missing
        // from events rather than dyad stopping.
        EMBEDDED.get_or_init(|| Gazetteer::parse_static(EMBEDDED_TEXT).unwrap_or_else(|_| Gazetteer::empty()))
    }

    /// A fresh parse of the embedded table: what [`embedded`](Self::embedded) does once.
    /// For measuring load time, and for callers that want their own copy.
    pub fn parse_embedded() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::parse_static(EMBEDDED_TEXT)
    }

    /// A gazetteer with no places.
    pub fn empty() -> Gazetteer {
        Gazetteer {
            text: Cow::Borrowed(""),
            entries: Vec::new(),
            names: Vec::new(),
            regions: HashMap::new(),
            countries: HashMap::new(),
        }
    }

    /// Read a gazetteer file's text (for a gazetteer given by path instead of the
    /// embedded one).
    pub fn parse(text: String) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::build(Cow::Owned(text))
    }

    fn parse_static(text: &'static str) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::build(Cow::Borrowed(text))
    }

    fn build(text: Cow<'static, str>) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer { text: Cow::Borrowed(""), ..Gazetteer::empty() };
        let base = text.as_ptr() as usize;
        let range = |s: &str| -> (u32, u32) {
            let start = s.as_ptr() as usize - base;
            (start as u32, (start + s.len()) as u32)
        };
        let mut buf = String::new();
        g.names.reserve(text.len() / 18);
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| GazetteerError { line: n + 1, message: message.to_string() };
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 7 {
                return Err(err("expected 8 tab-separated fields"));
            }
            let kind = match f[0] {
                "C" => PlaceKind::Country,
                "R" => PlaceKind::Region,
                "P" => PlaceKind::City,
                _ => return Err(err("kind must be C, R or P")),
            };
            let country = hint_code(f[1]).filter(|_| f[1].len() == 3).ok_or_else(|| err("country must be ISO alpha-3"))?;
            let population: u64 = f[3].parse().map_err(|_| err("population is not a number"))?;
            let lat: f64 = f[4].parse().map_err(|_| err("latitude is not a number"))?;
            let lon: f64 = f[5].parse().map_err(|_| err("longitude is not a number"))?;
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(err("coordinates out of range"));
            }
            if f[6].is_empty() {
                return Err(err("empty name"));
            }
            let id = g.entries.len() as u32;
            g.entries.push(Entry { kind, country, admin1: range(f[2]), name: range(f[6]), population, lat, lon });
            match kind {
                PlaceKind::Country => {
                    g.countries.insert(country, id);
                }
                PlaceKind::Region => {
                    g.regions.insert((country, f[2].into()), id);
                }
                PlaceKind::City => {}
            }
            let alternates = f.get(7).copied().unwrap_or("");
            // A region's alternates are its name without "Oblast", "Province": as good as
            // its name.
            let alternate_flag = if kind == PlaceKind::City { ALTERNATE } else { 0 };
            for (name, flag) in std::iter::once((f[6], 0)).chain(alternates.split('|').map(|a| (a, alternate_flag))) {
                key_into(name, &mut buf);
                if !buf.is_empty() {
                    g.names.push(Name { hash: hash_key(&buf), posting: id | flag, text: range(name) });
                }
            }
        }
        g.names.sort_unstable_by_key(|n| (n.hash, n.posting));
        g.text = text;
        Ok(g)
    }

    /// How many places of each kind: (countries, regions, cities).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |k: PlaceKind| self.entries.iter().filter(|e| e.kind == k).count();
        (count(PlaceKind::Country), count(PlaceKind::Region), count(PlaceKind::City))
    }

    /// How many names (each place's own and its alternates).
    pub fn names(&self) -> usize {
        self.names.len()
    }

    fn str_at(&self, (s, e): (u32, u32)) -> &str {
        self.text.get(s as usize..e as usize).unwrap_or("")
    }

    fn location(&self, id: u32) -> Location {
        let e = &self.entries[id as usize];
        Location {
            name: self.str_at(e.name).to_string(),
            country: String::from_utf8_lossy(&e.country).into_owned(),
            lat: e.lat,
            lon: e.lon,
            kind: e.kind,
        }
    }

    /// The place a name most likely stands for; `country_hint` holds ISO alpha-3 codes
    /// (or actor codes, whose first three letters are read) of the countries the text is
    /// about.
    ///
    /// A country's name is the country ("Georgia"); otherwise a place in a hinted country
    /// is preferred, a city to a region of the same name ("Kherson"), and the more
    /// populous place, a place known by this name to one that has it as an alternate.
    pub fn lookup(&self, name: &str, country_hint: &[&str]) -> Option<Location> {
        self.find(name, country_hint, None).map(|id| self.location(id))
    }

    /// Like [`lookup`](Self::lookup), for a kind of place the text names: "the Kherson
    /// region" asks for a region, and when no region has that name, the region of the
    /// city of that name ("the Zaporizhia region" through the city's alternate names);
    /// "the city of Sevastopol" asks for a city, and takes any place of the name when no
    /// city has it.
    pub fn lookup_kind(&self, name: &str, country_hint: &[&str], kind: PlaceKind) -> Option<Location> {
        self.find(name, country_hint, Some(kind)).map(|id| self.location(id))
    }

    /// A place phrase as written: "in Sevastopol", "the city of Sevastopol", "the
    /// Kherson region", "Kherson oblast", "the outskirts of Kyiv". A leading preposition
    /// and "the" are dropped; a generic head says which kind of place to look for.
    pub fn lookup_phrase(&self, phrase: &str, country_hint: &[&str]) -> Option<Location> {
        let mut words: Vec<&str> = phrase.split_whitespace().collect();
        if words.first().is_some_and(|w| prep_rank(&w.to_lowercase()).is_some()) {
            words.remove(0);
        }
        if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            words.remove(0);
        }
        // A place is named with a capital: "the area" is no town called Area.
        if !words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            return None;
        }
        let generic = |w: &str| -> Option<Option<PlaceKind>> {
            let w = w.to_lowercase();
            if CITY_NOUNS.contains(&w.as_str()) {
                Some(Some(PlaceKind::City))
            } else if REGION_NOUNS.contains(&w.as_str()) {
                Some(Some(PlaceKind::Region))
            } else if AREA_NOUNS.contains(&w.as_str()) {
                Some(None)
            } else {
                None
            }
        };
        let ask = |name: &[&str], want: Option<PlaceKind>| -> Option<Location> {
            let name = name.join(" ");
            match want {
                Some(kind) => self.lookup_kind(&name, country_hint, kind),
                None => self.lookup(&name, country_hint),
            }
        };
        // The whole phrase first: "Gaza City", "Rivers State" are names.
        if let Some(loc) = ask(&words, None) {
            return Some(loc);
        }
        // "city of Sevastopol", "outskirts of Kyiv".
        if let Some(of) = words.iter().position(|w| w.eq_ignore_ascii_case("of")) {
            if let Some(want) = words[..of].last().and_then(|w| generic(w)) {
                return ask(&words[of + 1..], want);
            }
        }
        // "Kherson region", "Kherson oblast".
        let (last, rest) = words.split_last()?;
        let want = generic(last)?;
        if rest.is_empty() {
            return None;
        }
        ask(rest, want)
    }

    /// A country by its ISO alpha-3 code: for country names the gazetteer does not hold
    /// (the actor dictionary's "Britain", "the US").
    pub fn country(&self, iso3: &str) -> Option<Location> {
        let code = hint_code(iso3)?;
        self.countries.get(&code).map(|&id| self.location(id))
    }

    /// The entries a name key stands for (each once; the high bit set when only an
    /// alternate name matched).
    fn postings_of_key(&self, k: &str) -> Vec<u32> {
        if k.is_empty() {
            return Vec::new();
        }
        let h = hash_key(k);
        let from = self.names.partition_point(|n| n.hash < h);
        let mut out: Vec<u32> = Vec::new();
        let mut buf = String::new();
        for n in self.names[from..].iter().take_while(|n| n.hash == h) {
            key_into(self.str_at(n.text), &mut buf);
            if buf != k {
                continue; // a hash collision
            }
            let id = n.posting & !ALTERNATE;
            match out.iter_mut().find(|p| **p & !ALTERNATE == id) {
                Some(p) => *p &= n.posting, // its own name beats an alternate
                None => out.push(n.posting),
            }
        }
        out
    }

    fn postings(&self, name: &str) -> Vec<u32> {
        let k = key(name);
        let found = self.postings_of_key(&k);
        match k.strip_prefix("the ") {
            Some(bare) if found.is_empty() => self.postings_of_key(bare),
            _ => found,
        }
    }

    fn find(&self, name: &str, hint: &[&str], want: Option<PlaceKind>) -> Option<u32> {
        let hints: Vec<[u8; 3]> = hint.iter().filter_map(|h| hint_code(h)).collect();
        let postings = self.postings(name);
        let best_of = |kinds: &[PlaceKind]| -> Option<u32> {
            let mut best: Option<(u32, (u8, f64))> = None;
            for &p in &postings {
                let id = p & !ALTERNATE;
                let e = self.entries.get(id as usize)?;
                if !kinds.contains(&e.kind) {
                    continue;
                }
                // Cities before regions of the same name; within a kind, weight
                // population by the hint (x10) and by the name being the place's own (x2).
                let kind_rank = match e.kind {
                    PlaceKind::Country => 2,
                    PlaceKind::City => 1,
                    PlaceKind::Region => 0,
                };
                let mut weight = (e.population.max(1)) as f64;
                if hints.contains(&e.country) {
                    weight *= 10.0;
                }
                if p & ALTERNATE == 0 {
                    weight *= 2.0;
                }
                let score = (kind_rank, weight);
                if best.is_none_or(|(_, b)| score.0 > b.0 || (score.0 == b.0 && score.1 > b.1)) {
                    best = Some((id, score));
                }
            }
            best.map(|(id, _)| id)
        };
        match want {
            None => best_of(&[PlaceKind::Country]).or_else(|| best_of(&[PlaceKind::City, PlaceKind::Region])),
            Some(PlaceKind::Country) => best_of(&[PlaceKind::Country]),
            Some(PlaceKind::City) => best_of(&[PlaceKind::City]).or_else(|| best_of(&[PlaceKind::Region, PlaceKind::Country])),
            Some(PlaceKind::Region) => best_of(&[PlaceKind::Region]).or_else(|| {
                let city = self.entries.get(best_of(&[PlaceKind::City])? as usize)?;
                self.regions.get(&(city.country, self.str_at(city.admin1).into())).copied()
            }),
        }
    }
}

/// Heads that name a settlement: "the city of Sevastopol", "the port city Odesa".
const CITY_NOUNS: &[&str] = &["city", "town", "village", "port", "capital", "settlement", "suburb", "hamlet", "municipality"];

/// Heads that name a region: "the Kherson region", "the province of Idlib".
const REGION_NOUNS: &[&str] = &[
    "region", "regions", "oblast", "oblasts", "province", "provinces", "governorate", "governorates", "state", "district",
    "territory", "krai", "prefecture", "county", "republic",
];

/// Heads whose `of` phrase is the place: "the outskirts of Kyiv", "the peninsula of
/// Crimea", "the coast of Gaza".
const AREA_NOUNS: &[&str] = &[
    "outskirts", "area", "areas", "vicinity", "peninsula", "island", "coast", "center", "centre", "heart", "streets", "suburbs",
    "north", "south", "east", "west", "north-east", "northeast", "north-west", "northwest", "south-east", "southeast",
    "south-west", "southwest", "part", "parts", "border", "environs",
];

/// Prepositions that place an event, best first: where it happened, then where it went
/// to, then where it came from.
fn prep_rank(prep: &str) -> Option<u8> {
    match prep {
        "in" | "at" | "near" | "inside" | "outside" | "within" | "throughout" | "across" | "around" | "off" | "along"
        | "on" | "beside" | "outside of" | "near to" | "close to" => Some(0),
        "into" | "to" | "towards" | "toward" | "over" => Some(1),
        "from" => Some(2),
        _ => None,
    }
}

fn capitalized(tree: &Tree, i: usize) -> bool {
    let n = &tree.nodes[i];
    n.upos == "PROPN" || n.form.chars().next().is_some_and(char::is_uppercase)
}

/// The words of the name headed by `h`, as the contiguous run of words that contains
/// `h`: first with its compound, flat and capitalized adjective modifiers ("New York",
/// "Khan Yunis", "West Bank"), then without the adjectives ("Occupied Mariupol"). Never
/// the head alone when the name has more words: "White House" is not a "House".
fn name_candidates(tree: &Tree, h: usize) -> Vec<String> {
    let words = |with_adjectives: bool| -> Vec<usize> {
        let mut parts = vec![h];
        let mut k = 0;
        while k < parts.len() {
            let at = parts[k];
            for &c in &tree.nodes[at].children {
                let n = &tree.nodes[c];
                let take = matches!(n.rel, Rel::Compound | Rel::Flat) || (with_adjectives && n.rel == Rel::Amod);
                if take && capitalized(tree, c) && !is_date_word(&n.form) {
                    parts.push(c);
                }
            }
            k += 1;
        }
        parts.sort_unstable();
        // The contiguous run around h (a compound far away is another phrase's word).
        let pos = parts.iter().position(|&p| p == h).unwrap_or(0);
        let mut lo = pos;
        while lo > 0 && parts[lo - 1] + 1 == parts[lo] {
            lo -= 1;
        }
        let mut hi = pos;
        while hi + 1 < parts.len() && parts[hi] + 1 == parts[hi + 1] {
            hi += 1;
        }
        parts[lo..=hi].to_vec()
    };
    let text = |ws: Vec<usize>| ws.iter().map(|&w| tree.nodes[w].form).collect::<Vec<_>>().join(" ");
    let mut out = vec![text(words(true)), text(words(false))];
    out.dedup();
    out
}

/// A proper name headed by `h`, looked up as a place.
fn named(tree: &Tree, h: usize, gaz: &Gazetteer, hint: &[&str], want: Option<PlaceKind>) -> Option<Location> {
    if !capitalized(tree, h) || is_date_word(&tree.nodes[h].form) {
        return None;
    }
    name_candidates(tree, h).into_iter().find_map(|name| match want {
        Some(kind) => gaz.lookup_kind(&name, hint, kind),
        None => gaz.lookup(&name, hint),
    })
}

/// The place a place phrase headed by `p` names: through a generic head ("the city of
/// Sevastopol", "the Kherson region", "the outskirts of Kyiv") or by its own name.
fn phrase_place(tree: &Tree, p: usize, gaz: &Gazetteer, hint: &[&str]) -> Option<Location> {
    let lemma = tree.nodes[p].lemma.as_ref();
    let city = CITY_NOUNS.contains(&lemma);
    let region = REGION_NOUNS.contains(&lemma);
    if !(city || region || AREA_NOUNS.contains(&lemma)) {
        return named(tree, p, gaz, hint, None);
    }
    // A capitalized "City", "State" or "Region" with a name before it is one name
    // ("Gaza City", "Rivers State"); "the North" alone is not a place.
    let multiword = tree.nodes[p].children.iter().any(|&c| matches!(tree.nodes[c].rel, Rel::Compound | Rel::Flat));
    if (city || region) && multiword && tree.nodes[p].form.chars().next().is_some_and(char::is_uppercase) {
        if let Some(loc) = named(tree, p, gaz, hint, None) {
            return Some(loc);
        }
    }
    let want = if city {
        Some(PlaceKind::City)
    } else if region {
        Some(PlaceKind::Region)
    } else {
        None
    };
    let of = tree.children_with(p, Rel::Nmod).filter(|&c| tree.prep(c).as_deref() == Some("of"));
    let of: Vec<usize> = of.collect();
    if let Some(loc) = of.iter().find_map(|&c| named(tree, c, gaz, hint, want)) {
        return Some(loc);
    }
    // "the Kherson region", "Kherson and Donetsk regions", "the port city Odesa": a
    // capitalized modifier without a preposition; the first of several.
    let mut mods: Vec<usize> = tree.nodes[p]
        .children
        .iter()
        .copied()
        .filter(|&c| {
            matches!(tree.nodes[c].rel, Rel::Compound | Rel::Amod | Rel::Flat | Rel::Appos | Rel::Nmod)
                && tree.prep(c).is_none()
                && capitalized(tree, c)
        })
        .collect();
    mods.sort_unstable();
    mods.into_iter().find_map(|c| named(tree, c, gaz, hint, want))
}

/// A place phrase: a nominal with a locative preposition, with how good it is.
fn place_phrase(tree: &Tree, c: usize) -> Option<u8> {
    if !matches!(tree.nodes[c].rel, Rel::Obl | Rel::Nmod) {
        return None;
    }
    prep_rank(tree.prep(c)?)
}

/// The place of the event anchored on word `anchor`, among the place phrases attached
/// to it, then to its object, then to its subject; a verb conjoined with or controlled by
/// another, with no place of its own, takes that one's. `country_hint`: ISO alpha-3 or
/// actor codes of the sentence's actors.
pub fn event_place(tree: &Tree, anchor: usize, gazetteer: &Gazetteer, country_hint: &[&str]) -> Option<Location> {
    event_place_excluding(tree, anchor, gazetteer, country_hint, &[])
}

/// [`event_place`] without the phrases headed by the words in `exclude`: the coder
/// passes the event's source and target words, so "sent aid to Kyiv", where Kyiv is the
/// target actor (the Ukrainian government), does not also place the event in Kyiv.
pub fn event_place_excluding(
    tree: &Tree,
    anchor: usize,
    gazetteer: &Gazetteer,
    country_hint: &[&str],
    exclude: &[usize],
) -> Option<Location> {
    let mut v = anchor;
    for _ in 0..6 {
        if v >= tree.len() {
            return None;
        }
        if let Some(loc) = clause_place(tree, v, gazetteer, country_hint, exclude) {
            return Some(loc);
        }
        match (tree.nodes[v].rel, tree.nodes[v].head) {
            (Rel::Conj | Rel::Xcomp, Some(h)) => v = h,
            _ => return None,
        }
    }
    None
}

fn clause_place(tree: &Tree, v: usize, gaz: &Gazetteer, hint: &[&str], exclude: &[usize]) -> Option<Location> {
    // Only words of v's own clause: not relative clauses, not "after …" phrases.
    let owned = clause_words(tree, v);
    let mut candidates: Vec<(u8, u8, usize, usize)> = Vec::new();
    let consider = |tier: u8, holder: usize, candidates: &mut Vec<(u8, u8, usize, usize)>| {
        for &c in &tree.nodes[holder].children {
            if exclude.contains(&c) || owned.binary_search(&c).is_err() {
                continue;
            }
            if let Some(rank) = place_phrase(tree, c) {
                let distance = c.abs_diff(v);
                candidates.push((tier, rank, distance, c));
            }
        }
    };
    consider(0, v, &mut candidates);
    for &c in &tree.nodes[v].children {
        match tree.nodes[c].rel {
            // The object may be the target actor; its place phrases still place the event.
            // So do those of a prepositional phrase of the verb when the parse hangs the
            // place on its noun ("fought against the invasion in the Kherson region").
            Rel::Obj | Rel::Iobj => consider(1, c, &mut candidates),
            Rel::Obl if owned.binary_search(&c).is_ok() => consider(1, c, &mut candidates),
            Rel::Nsubj | Rel::NsubjPass | Rel::Agent => consider(2, c, &mut candidates),
            _ => {}
        }
    }
    candidates.sort_unstable();
    for (tier, _, _, c) in candidates {
        let prep = tree.prep(c).unwrap_or_default();
        // The subject's place is where it is, not where it acts, unless it says "in".
        if tier == 2 && !matches!(prep, "in" | "at") {
            continue;
        }
        if let Some(loc) = phrase_place(tree, c, gaz, hint) {
            // "called on Russia", "sanctions on Russia": "on" with a country is a target.
            if prep == "on" && loc.kind == PlaceKind::Country {
                continue;
            }
            return Some(loc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_key_agrees_with_the_actor_normaliser() {
        for s in ["Kyiv", "les Escaldes", "H'erson", "Washington D. C.", "Gaza-urbo", "  Ivano - Frankivsk ", "St.Petersburg", "Zürich", ""] {
            assert_eq!(key(s), normalize(s), "{s:?}");
        }
    }

    #[test]
    fn small_gazetteer_parses_and_ranks() {
        let text = "# test\n\
            C\tGEO\t\t3700000\t42.0\t43.5\tGeorgia\t\n\
            R\tUSA\tGA\t10000000\t32.7\t-83.4\tGeorgia\t\n\
            R\tUKR\t08\t572885\t46.58\t33.29\tKherson\t\n\
            P\tUKR\t08\t66000\t46.64\t32.61\tKherson\tCherson\n\
            P\tLBN\t09\t229398\t34.43\t35.84\tTripoli\tTarabulus\n\
            P\tLBY\t77\t1302947\t32.88\t13.19\tTripoli\tTarabulus\n"
            .to_string();
        let g = Gazetteer::parse(text).unwrap();
        assert_eq!(g.counts(), (1, 2, 3));
        assert_eq!(g.lookup("Georgia", &["USA"]).unwrap().kind, PlaceKind::Country);
        assert_eq!(g.lookup_kind("Georgia", &[], PlaceKind::Region).unwrap().country, "USA");
        assert_eq!(g.lookup("Kherson", &[]).unwrap().kind, PlaceKind::City);
        assert_eq!(g.lookup_kind("Cherson", &[], PlaceKind::Region).unwrap().name, "Kherson");
        assert_eq!(g.lookup("Tripoli", &[]).unwrap().country, "LBY");
        assert_eq!(g.lookup("Tripoli", &["LBNGOV"]).unwrap().country, "LBN");
        assert_eq!(g.lookup("the Tripoli", &[]).unwrap().country, "LBY");
        assert!(g.lookup("Atlantis", &[]).is_none());
        assert_eq!(g.country("UKR"), None);
        assert_eq!(g.country("GEO").unwrap().name, "Georgia");
    }

    #[test]
    fn every_embedded_name_keys_as_the_actor_normaliser_keys_it() {
        let mut n = 0;
        for line in EMBEDDED_TEXT.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            for name in std::iter::once(f[6]).chain(f[7].split('|').filter(|a| !a.is_empty())) {
                assert_eq!(key(name), normalize(name), "{name:?}");
                n += 1;
            }
        }
        assert!(n > 100_000, "{n} names");
    }

    #[test]
    fn random_trees_do_not_panic() {
        use dyad_model::{Sentence, Token};
        const VOCAB: &[&str] =
            &["", "in", "on", "of", "the", "city", "region", "Kyiv", "Kherson", "North", "White", "House", "Gaza", "City", "-", "Monday"];
        const RELS: &[&str] = &["obl", "nmod", "case", "compound", "flat", "amod", "conj", "obj", "nsubj", "xcomp", "acl:relcl"];
        let mut next = crate::test_random(0x2545_f491_4f6c_dd1d);
        let g = Gazetteer::embedded();
        for _ in 0..5_000 {
            let len = next(10);
            let tokens = (0..len)
                .map(|_| {
                    let w = VOCAB[next(VOCAB.len())];
                    Token {
                        form: w.into(),
                        lemma: Some(w.to_lowercase()),
                        upos: Some(["NOUN", "PROPN", "ADP", "VERB"][next(4)].into()),
                        head: Some(next(len + 2)),
                        deprel: Some(RELS[next(RELS.len())].into()),
                        ..Default::default()
                    }
                })
                .collect();
            let s = Sentence { tokens, ..Default::default() };
            let t = Tree::new(&s);
            for a in 0..=len {
                let _ = event_place_excluding(&t, a, g, &["UKR", "x", ""], &[0]);
            }
        }
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let e = Gazetteer::parse("# h\nP\tUKR\t08\tmany\t1\t2\tX\t\n".into()).err().unwrap();
        assert_eq!(e.line, 2);
        assert!(Gazetteer::parse("X\tUKR\t\t1\t1\t1\tX\n".into()).is_err());
        assert!(Gazetteer::parse("P\tUKR\t\t1\t91\t1\tX\n".into()).is_err());
        assert!(Gazetteer::parse("P\tukr\t\t1\t1\t1\tX\n".into()).is_err());
        assert!(Gazetteer::parse("P\tUKR\n".into()).is_err());
        assert_eq!(Gazetteer::parse(String::new()).unwrap().counts(), (0, 0, 0));
    }
}
