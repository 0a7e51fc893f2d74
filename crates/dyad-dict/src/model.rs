//! The in-memory dictionary entries. Every loader — dyad's own format and the
//! PETRARCH/TABARI formats — produces these same types, so the coder never needs to know
//! which file an entry came from (except for provenance, through [`Origin`]).
//!
//! Words are stored lowercased, as they appear in the file otherwise (matching keys are
//! computed separately, in [`crate::variants`]).

use std::fmt;

use jiff::civil::Date;

use crate::date::DateRange;
use crate::diag::Origin;

/// A CAMEO actor code: country (ISO alpha-3 or a CAMEO region/IGO code) plus sector codes,
/// e.g. `USAGOV`, `RUSMIL`, `IGOUNO`. Stored as written (uppercased); TABARI validation
/// files also use several codes joined by `/` (`ELR/GAL`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode(pub Box<str>);

impl ActorCode {
    pub fn new(s: &str) -> Self {
        ActorCode(s.trim().to_ascii_uppercase().into_boxed_str())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The first three letters: the country (or `IGO`, `NGO`, ...) part.
    pub fn country(&self) -> &str {
        self.0.get(..3).unwrap_or(&self.0)
    }
    /// PETRARCH's null code `---`: the actor has no code (over these dates).
    pub fn is_null(&self) -> bool {
        &*self.0 == "---"
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A CAMEO event code as written in a dictionary ("042", "0841"). It is a string: "010"
/// and "10" are different codes. Whether it exists in CAMEO 1.1b3 is checked against the
/// [`crate::Ontology`] when dictionaries are built.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventCode(pub Box<str>);

impl EventCode {
    pub fn new(s: &str) -> Self {
        EventCode(s.trim().into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Index of an [`Actor`] in [`crate::Dictionaries::actors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

/// Index of an [`Agent`] in [`crate::Dictionaries::agents`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgentId(pub u32);

/// Index of a [`VerbBlock`] in [`crate::Dictionaries::verb_blocks`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// What an actor entry is. PETRARCH actor files do not say, so their entries are
/// [`ActorKind::Listed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A state, by one of its names (`countries.txt` names column).
    Country,
    /// A seat of power standing for a government or another sector ("the Kremlin").
    Seat,
    /// A country adjective or demonym ("Ukrainian", "Russians"): codes as the country
    /// alone, or combines with a following agent ("Ukrainian soldiers" → UKRMIL).
    Demonym,
    /// A person with dated roles (`people.txt`).
    Person,
    /// An organisation (`organizations.txt`).
    Organization(OrgKind),
    /// An entry of a PETRARCH/TABARI actor file.
    Listed,
}

/// The `kind` column of `organizations.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    Igo,
    IgoOrgan,
    ArmedGroup,
    Ngo,
    Party,
    Company,
    Media,
    Other,
}

impl OrgKind {
    pub fn parse(s: &str) -> Option<OrgKind> {
        Some(match s {
            "igo" => OrgKind::Igo,
            "igo_organ" => OrgKind::IgoOrgan,
            "armed_group" => OrgKind::ArmedGroup,
            "ngo" => OrgKind::Ngo,
            "party" => OrgKind::Party,
            "company" => OrgKind::Company,
            "media" => OrgKind::Media,
            "other" => OrgKind::Other,
            _ => return None,
        })
    }
}

/// The role a person held (the `role` column of `people.txt`), so that "the Russian
/// defence minister" can be resolved to whoever held the post on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    DefenceMinister,
    InteriorMinister,
    FinanceMinister,
    Minister,
    ArmyChief,
    Spokesperson,
    LegislatureSpeaker,
    IntelligenceChief,
    SecurityCouncilSecretary,
    CentralBankGovernor,
    PartyLeader,
    OppositionLeader,
    RebelLeader,
    IgoLeader,
    Judge,
    Diplomat,
    MilitaryCommander,
    Other,
}

impl Role {
    pub const ALL: [(&'static str, Role); 21] = [
        ("head_of_state", Role::HeadOfState),
        ("head_of_government", Role::HeadOfGovernment),
        ("foreign_minister", Role::ForeignMinister),
        ("defence_minister", Role::DefenceMinister),
        ("interior_minister", Role::InteriorMinister),
        ("finance_minister", Role::FinanceMinister),
        ("minister", Role::Minister),
        ("army_chief", Role::ArmyChief),
        ("spokesperson", Role::Spokesperson),
        ("legislature_speaker", Role::LegislatureSpeaker),
        ("intelligence_chief", Role::IntelligenceChief),
        ("security_council_secretary", Role::SecurityCouncilSecretary),
        ("central_bank_governor", Role::CentralBankGovernor),
        ("party_leader", Role::PartyLeader),
        ("opposition_leader", Role::OppositionLeader),
        ("rebel_leader", Role::RebelLeader),
        ("igo_leader", Role::IgoLeader),
        ("judge", Role::Judge),
        ("diplomat", Role::Diplomat),
        ("military_commander", Role::MilitaryCommander),
        ("other", Role::Other),
    ];

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.iter().find(|(n, _)| *n == s).map(|&(_, r)| r)
    }

    pub fn as_str(self) -> &'static str {
        Role::ALL.iter().find(|(_, r)| *r == self).map(|&(n, _)| n).unwrap_or("other")
    }
}

/// One code an actor carries over a range of dates, optionally in a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: ActorCode,
    pub dates: DateRange,
    pub role: Option<Role>,
    pub origin: Origin,
}

/// What an actor codes as on a date that no [`DatedCode`] covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fallback {
    /// PETRARCH's default code (`NAME [CODE]`, or an undated `\t[CODE]` line).
    Code(ActorCode),
    /// dyad's rule for people: the code of the role nearest in time.
    Nearest,
    /// No code: PETRARCH entries whose date restrictions all miss.
    Nothing,
}

/// A named actor: a country, a seat of power, a person, an organisation.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The canonical name, shown as `name` in the output ("Lloyd Austin").
    pub name: String,
    /// Every name the actor is matched by, as written (the canonical name included).
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    /// Codes with their date ranges, in file order; the first one covering a date wins.
    pub codes: Vec<DatedCode>,
    pub fallback: Fallback,
    pub origin: Origin,
    /// Position of the source this entry came from (later sources take precedence).
    pub source: u16,
}

impl Actor {
    /// The code on `date`: the first dated code covering it, else the fallback.
    pub fn code_on(&self, date: Date) -> Option<&ActorCode> {
        if let Some(d) = self.dated_code_on(date) {
            return (!d.code.is_null()).then_some(&d.code);
        }
        match &self.fallback {
            Fallback::Code(c) => Some(c),
            Fallback::Nothing => None,
            Fallback::Nearest => self
                .codes
                .iter()
                .filter(|d| !d.code.is_null())
                .min_by_key(|d| d.dates.distance_days(date))
                .map(|d| &d.code),
        }
    }

    /// The dated code (with its role) covering `date`, if any.
    pub fn dated_code_on(&self, date: Date) -> Option<&DatedCode> {
        self.codes.iter().find(|d| d.dates.contains(date))
    }

    /// Every code the actor can carry, for listings and checks.
    pub fn all_codes(&self) -> impl Iterator<Item = &ActorCode> {
        let fb = match &self.fallback {
            Fallback::Code(c) => Some(c),
            _ => None,
        };
        self.codes.iter().map(|d| &d.code).chain(fb)
    }
}

/// How an agent's code combines with the actor it is attached to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AgentCode {
    /// Appended after the country: `~GOV` in PETRARCH, `GOV` in dyad ("Russian defence
    /// minister" → RUS + GOV).
    Sector(Box<str>),
    /// Put before the actor code: PETRARCH's `IGO~`, used for organisations.
    Prefix(Box<str>),
    /// A complete actor code: agents that are actors in their own right ("UN
    /// peacekeepers" → IGOUNOMIL).
    Actor(Box<str>),
}

impl AgentCode {
    pub fn as_str(&self) -> &str {
        match self {
            AgentCode::Sector(s) | AgentCode::Prefix(s) | AgentCode::Actor(s) => s,
        }
    }

    /// The code this agent gives when attached to `actor` (a country or actor code).
    pub fn apply(&self, actor: Option<&str>) -> String {
        match (self, actor) {
            (AgentCode::Sector(s), Some(a)) => format!("{a}{s}"),
            (AgentCode::Prefix(s), Some(a)) => format!("{s}{a}"),
            (AgentCode::Sector(s) | AgentCode::Prefix(s), None) => s.to_string(),
            (AgentCode::Actor(s), _) => s.to_string(),
        }
    }
}

/// A role noun: "president", "defence minister", "soldiers".
#[derive(Debug, Clone)]
pub struct Agent {
    /// The first singular form, as written.
    pub name: String,
    /// Singular forms (lowercase, words separated by single spaces).
    pub singular: Vec<String>,
    /// Plural forms (lowercase), explicit or generated.
    pub plural: Vec<String>,
    pub code: AgentCode,
    pub origin: Origin,
    pub source: u16,
}

/// Whether a discard phrase stops one sentence or the whole article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiscardScope {
    Sentence,
    Article,
}

/// A phrase that stops coding (sports and entertainment prose use the verbs of
/// diplomacy: "Russia beat Ukraine 2-1").
#[derive(Debug, Clone)]
pub struct Discard {
    /// The phrase, lowercased, as written.
    pub phrase: String,
    pub scope: DiscardScope,
    /// PETRARCH: a phrase not ending in `_` matches its last word as a stem
    /// ("BASEBALL" also stops "baseballs"). dyad phrases match whole words.
    pub stem: bool,
    pub origin: Origin,
}

/// One member of a synset: a word or consecutive words, or (TABARI legacy) another
/// synset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SynsetMember {
    /// Lowercase words; `plural` says whether regular plurals are generated.
    Phrase { words: Vec<Box<str>>, plural: bool },
    Synset(Box<str>),
}

/// A named word class (`&WEAPON`), used in patterns.
#[derive(Debug, Clone)]
pub struct Synset {
    /// The name without `&` and without PETRARCH's no-plural `_` suffix, uppercase.
    pub name: Box<str>,
    pub members: Vec<SynsetMember>,
    pub origin: Origin,
}

/// Which pattern language a pattern was written in; the coder may weigh word order
/// differently (TABARI patterns are linear, PETRARCH-2 and dyad patterns are syntactic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    Dyad,
    Petrarch,
}

/// Whether an actor code's sector (the letters after the country) is a state institution
/// (government, military, police, judiciary, legislature, intelligence): the roles "the
/// ministry" or "the army" stand for, and the offices a former official left.
pub fn is_state_sector(sector: &str) -> bool {
    matches!(sector.get(..3), Some("GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY"))
}

/// Whether people of a country (ISO alpha-3, as actor codes begin) write the family name
/// first, so that "Wang Yi" is "Wang" and "Yoon Suk Yeol" "Yoon" when named again.
pub fn family_name_first(country: &str) -> bool {
    matches!(country, "CHN" | "TWN" | "HKG" | "MAC" | "KOR" | "PRK" | "SGP")
}

/// Where an element stands relative to the verb (or noun) the pattern is anchored on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Before,
    After,
}

/// What one pattern element matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word (lemma), or one of several (`a;b` in dyad, `A/B` in PETRARCH).
    Words(Vec<Box<str>>),
    /// Any member of a synset (name without `&`, uppercase).
    Synset(Box<str>),
    /// The source actor slot (`SRC`, PETRARCH `$`).
    Source,
    /// The target actor slot (`TGT`, PETRARCH `+`).
    Target,
    /// PETRARCH `%`: an actor that is both source and target (compound actors).
    Both,
    /// PETRARCH `^`: skip a noun phrase.
    Skip,
    /// A preposition written without an object (PETRARCH `(TO)`): anything it governs.
    Any,
}

/// One element of a pattern besides its anchor word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub side: Side,
    /// The preposition(s) the element must be governed by (`with TGT`, `(TO/FOR
    /// PROTEST)`); empty when none.
    pub prep: Vec<Box<str>>,
    pub term: Term,
    /// Words that must modify the element's head (PETRARCH `{FINANCIAL AID}`: head AID,
    /// modifier FINANCIAL).
    pub modifiers: Vec<Term>,
    /// dyad `(word)`.
    pub optional: bool,
    /// TABARI `_`: no word may stand between this element and its neighbour on the
    /// verb's side (before the verb: the next element or the verb; after it: the previous
    /// element or the verb).
    pub adjacent: bool,
}

/// A verb or noun pattern with the event code it yields.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// `None` is PETRARCH's null code `---`: the pattern matches and yields no event.
    pub code: Option<EventCode>,
    /// TABARI's paired code (`[042:043]`): the event coded in the other direction,
    /// target → source, in addition.
    pub reverse_code: Option<EventCode>,
    /// The anchor lemma(s) of a dyad pattern ("speak"); empty for PETRARCH patterns,
    /// which apply to every verb of their [`VerbBlock`].
    pub anchor: Vec<Box<str>>,
    pub elements: Vec<Element>,
    pub dialect: Dialect,
    /// The pattern as written (without code and comment), for provenance.
    pub text: Box<str>,
    pub origin: Origin,
}

impl Pattern {
    /// How many words the pattern names besides its anchor: "a pattern that names more
    /// words wins over one that names fewer". Slots, optional words and skips do not
    /// count; prepositions and modifiers do.
    pub fn specificity(&self) -> usize {
        self.elements
            .iter()
            .filter(|e| !e.optional)
            .map(|e| {
                let head = matches!(e.term, Term::Words(_) | Term::Synset(_)) as usize;
                head + (!e.prep.is_empty()) as usize + e.modifiers.len()
            })
            .sum()
    }

    pub fn has_source(&self) -> bool {
        self.elements.iter().any(|e| matches!(e.term, Term::Source | Term::Both))
    }

    pub fn has_target(&self) -> bool {
        self.elements.iter().any(|e| matches!(e.term, Term::Target | Term::Both))
    }

    /// Synset names the pattern refers to.
    pub fn synsets(&self) -> impl Iterator<Item = &str> {
        self.elements.iter().flat_map(|e| std::iter::once(&e.term).chain(e.modifiers.iter())).filter_map(
            |t| match t {
                Term::Synset(s) => Some(&**s),
                _ => None,
            },
        )
    }
}

/// A verb of a verb block: its lemma, inflected forms and, for multi-word verbs
/// ("cordon off", "wire tap"), the words around it.
#[derive(Debug, Clone)]
pub struct Verb {
    /// Lowercase lemma of the word the parser sees as the verb ("cordon").
    pub lemma: Box<str>,
    /// Words that must precede the verb, consecutively ("wire" in "wire tap").
    pub before: Vec<Box<str>>,
    /// Words that must follow the verb, consecutively ("off" in "cordon off").
    pub after: Vec<Box<str>>,
    /// Inflected forms (lowercase), irregular ones as listed or regular ones generated.
    pub forms: Vec<Box<str>>,
    /// The code of the verb alone: its own `[code]`, else the block's.
    pub code: Option<EventCode>,
    /// The paired code of the verb alone (`LEFT [042:043]`): the event coded in the other
    /// direction as well.
    pub reverse_code: Option<EventCode>,
    pub origin: Origin,
}

impl Verb {
    pub fn is_multiword(&self) -> bool {
        !self.before.is_empty() || !self.after.is_empty()
    }
}

/// A group of verbs sharing patterns: a PETRARCH `--- NAME [code] ---` block, or all dyad
/// patterns of one verb lemma.
#[derive(Debug, Clone)]
pub struct VerbBlock {
    pub name: Box<str>,
    pub code: Option<EventCode>,
    /// The block's paired code (`--- MEET [040:040] ---`).
    pub reverse_code: Option<EventCode>,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
    pub origin: Origin,
}

/// A PETRARCH-2 verb transformation (`~ a (a b ATTACK) SAY = a b 015`): "a says a attacks
/// b" is coded a → b 015. Letters name actors; `.` is an unspecified actor, `_` an absent
/// one; `Q` any verb.
#[derive(Debug, Clone)]
pub struct Transformation {
    pub source: Box<str>,
    pub inner_source: Box<str>,
    pub inner_target: Box<str>,
    /// The inner verb(s), joined by `_` in the file (WILL_ATTACK), lowercased.
    pub inner_verb: Vec<Box<str>>,
    pub verb: Box<str>,
    pub result_source: Box<str>,
    pub result_target: Box<str>,
    pub result_code: Box<str>,
    pub origin: Origin,
}

/// A territory whose controller differs from the state it belongs to in a gazetteer or
/// in law (Crimea under Russia since 2014): who an attack on it, or a visit to it, is
/// aimed at on a given date.
#[derive(Debug, Clone)]
pub struct Territory {
    /// Names of the territory and of the places in it, as written.
    pub names: Vec<String>,
    /// The code of who controls it during `dates`.
    pub code: ActorCode,
    pub dates: crate::DateRange,
    pub origin: Origin,
}
