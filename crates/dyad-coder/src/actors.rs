//! Actor mentions: which noun phrases of a sentence name actors, and with what code on the
//! sentence's date.
//!
//! A noun phrase is coded from the words that belong to it in the tree — its head and the
//! compound, flat, adjectival, possessive, determiner and appositive words below it — never
//! from a prepositional phrase or clause that hangs from it ("the ambassador *to Moscow*"
//! does not make the ambassador Russian). A name in the phrase wins ("Kremlin spokesman
//! Dmitry Peskov" → Peskov's code); otherwise a country-like actor and an agent noun
//! combine ("Russian defence minister" → RUS + GOV).

use std::collections::HashMap;

use dyad_dict::{variants, ActorId, ActorKind, AgentCode, Dictionaries, SentenceWords};
use dyad_model::Date;

use crate::tree::{Rel, Tree};

/// An actor as the coder found it in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRef {
    /// The CAMEO actor code ("USAGOV").
    pub code: String,
    /// The resolved actor's canonical name, when a named actor was found.
    pub name: Option<String>,
    /// Dictionary id of the named actor, for coreference.
    pub id: Option<ActorId>,
    /// Word indices of the phrase that named it.
    pub first: usize,
    pub last: usize,
}

impl ActorRef {
    /// Named by a seat of government ("the Kremlin", "Khartoum").
    pub fn is_seat(&self, dict: &Dictionaries) -> bool {
        self.id.is_some_and(|id| dict.actor(id).kind == ActorKind::Seat)
    }

    /// Named by the name of a country or of a place in one ("Eriador", "Moscow"): a
    /// country, a seat, or a listed actor whose code is a bare country code.
    pub fn is_place_name(&self, dict: &Dictionaries) -> bool {
        self.id.is_some_and(|id| match dict.actor(id).kind {
            ActorKind::Country | ActorKind::Seat => true,
            ActorKind::Listed => self.code.len() == 3 && self.code.bytes().all(|b| b.is_ascii_uppercase()),
            _ => false,
        })
    }
}

/// What the coder remembers from earlier sentences of the same article, so that
/// "Zelensky" after "Volodymyr Zelenskyy", and "he" after "said Zelensky", name the same
/// person.
#[derive(Debug, Default, Clone)]
pub struct ArticleContext {
    /// Spelling skeleton of the surname of each person named in full so far.
    surnames: HashMap<String, ActorId>,
    /// The person who was last the subject of a clause: what "he" and "she" refer to.
    last_person: Option<ActorId>,
    /// For each role (the code after the country: "GOV", "MIL"), the last actor of known
    /// country that held it: what "the ministry" or "the army" refers to.
    roles: HashMap<String, String>,
    /// The two parties of the last event that had both: what "the two sides" means.
    last_pair: Option<(ActorRef, ActorRef)>,
    /// Who did each act of violence reported so far, with the word that told it
    /// ("attacked", "strike") and the country it was done to: whom "condemned the attack"
    /// condemns.
    attackers: Vec<(String, ActorRef, Option<String>)>,
    /// The country of the article's dateline ("KHARTOUM, Sudan (Reuters) -"): whose "the
    /// army" is when nothing else says.
    home: Option<String>,
    /// The last armed group the article named, and in which sentence: what "the group"
    /// or "the militants" are, a few sentences on.
    last_armed: Option<(ActorRef, usize)>,
    /// Sentences of the article coded so far.
    sentences: usize,
}

/// The roles of armed groups: rebels, insurgents, militias, separatists.
pub const ARMED_ROLES: [&str; 4] = ["REB", "INS", "UAF", "SEP"];

/// Whether an actor code is an armed group's.
pub fn is_armed_group(code: &str) -> bool {
    !code.starts_with(UNKNOWN_COUNTRY) && code.get(3..).is_some_and(|rest| rest.as_bytes().chunks(3).any(|c| ARMED_ROLES.iter().any(|r| r.as_bytes() == c)))
}

impl ArticleContext {
    /// A fresh context for an article with this dateline, whose place (the words before
    /// its first comma or parenthesis, else the next part) gives the article's country.
    pub fn with_dateline(dateline: Option<&str>) -> ArticleContext {
        let gazetteer = crate::places::Gazetteer::embedded();
        let home = dateline.and_then(|d| {
            // (Not on a hyphen inside a name, "PORT-AU-PRINCE"; the one that ends a dateline,
            // "GAZA CITY -", is trimmed.)
            d.split([',', '(', '\u{2013}', '\u{2014}'])
                .map(|part| part.trim().trim_end_matches('-').trim_end())
                .filter(|part| !part.is_empty())
                .take(2)
                .find_map(|part| gazetteer.lookup(part, &[]))
                .map(|place| place.country)
        });
        ArticleContext { home, ..ArticleContext::default() }
    }

    /// The dateline's country, if the article had one the gazetteer knows.
    pub fn home(&self) -> Option<&str> {
        self.home.as_deref()
    }

    /// Remember an actor of known country and role ("RUSGOV") for later definite
    /// descriptions of that role. Institutions only: "the ministry", "the army" are the
    /// ones named before, "the hostages" or "the protesters" need not be.
    pub fn note_role(&mut self, code: &str) {
        if let Some(role) = code.get(3..).filter(|r| dyad_dict::is_state_sector(r)) {
            if !code.starts_with(UNKNOWN_COUNTRY) {
                self.roles.insert(role.to_string(), code.to_string());
            }
        }
    }

    /// Remember the parties of an event that named both.
    pub fn note_pair(&mut self, source: &ActorRef, target: &ActorRef) {
        if source.code != target.code && !source.code.starts_with(UNKNOWN_COUNTRY) && !target.code.starts_with(UNKNOWN_COUNTRY) {
            self.last_pair = Some((source.clone(), target.clone()));
        }
    }

    /// Remember who did an act of violence the article reported, told by `word` (a
    /// lemma: "attack", "strike"), and to whom.
    pub fn note_attacker(&mut self, word: &str, source: &ActorRef, target: Option<&ActorRef>) {
        if !source.code.starts_with(UNKNOWN_COUNTRY) {
            let victim = target.and_then(|t| t.code.get(..3)).filter(|c| *c != UNKNOWN_COUNTRY).map(str::to_string);
            self.attackers.push((word.to_string(), source.clone(), victim));
        }
    }

    /// Who did the act of violence "the `noun`" that `speaker` condemns points back to:
    /// of the last five, the latest done to the speaker's own country ("Lebanon's prime
    /// minister condemned the strikes" on Lebanon); else of the last three, the latest
    /// told with that word ("the attack" after "the RSF attacked", though the army struck
    /// since); else the last one.
    pub fn attacker(&self, noun: &str, speaker: Option<&str>) -> Option<&ActorRef> {
        let home = speaker.and_then(|s| s.get(..3)).filter(|c| *c != UNKNOWN_COUNTRY);
        if let Some(hit) = self.attackers.iter().rev().take(5).find(|(_, a, victim)| home.is_some() && victim.as_deref() == home && a.code.get(..3) != home) {
            return Some(&hit.1);
        }
        let verb = match noun {
            "bombing" => "bomb",
            "shelling" => "shell",
            "killing" => "kill",
            "shooting" => "shoot",
            "invasion" => "invade",
            "airstrike" => "strike",
            other => other,
        };
        self.attackers.iter().rev().take(3).find(|(w, _, _)| w == noun || w == verb).or(self.attackers.last()).map(|(_, a, _)| a)
    }

    /// The two parties of the last event of the article that named both.
    pub fn last_pair(&self) -> Option<&(ActorRef, ActorRef)> {
        self.last_pair.as_ref()
    }

    /// Remember an armed group the article named.
    pub fn note_armed(&mut self, actor: &ActorRef) {
        if is_armed_group(&actor.code) {
            self.last_armed = Some((actor.clone(), self.sentences));
        }
    }

    /// The armed group the article named in this sentence or the three before, if any.
    pub fn last_armed(&self) -> Option<&ActorRef> {
        self.last_armed.as_ref().filter(|(_, at)| self.sentences - at <= 3).map(|(a, _)| a)
    }

    /// One more sentence of the article has been coded.
    pub fn end_sentence(&mut self) {
        self.sentences += 1;
    }

    /// Who "the ministry", "the army" (`role`, a state's) is when the sentence does not
    /// say: the holder an earlier sentence named, else the dateline country's.
    pub fn definite_holder(&self, role: &str) -> Option<String> {
        self.role_holder(role).map(str::to_string).or_else(|| self.home().filter(|_| dyad_dict::is_state_sector(role)).map(|h| format!("{h}{role}")))
    }

    /// The actor an earlier sentence named for `role`, if any.
    pub fn role_holder(&self, role: &str) -> Option<&str> {
        self.roles.get(role).map(String::as_str)
    }

    /// Remember who the subject of this sentence's clauses was.
    pub fn note_subject(&mut self, id: ActorId, dict: &Dictionaries) {
        if dict.actor(id).kind == ActorKind::Person {
            self.last_person = Some(id);
        }
    }
}

/// Names and agents found in one sentence, indexed by word.
pub struct Mentions {
    /// For each word, the named-actor match covering it: (code, id, first, last).
    names: Vec<Option<(String, ActorId, usize, usize)>>,
    /// For each word, the agent code covering it, and the match span.
    agents: Vec<Option<(AgentCode, usize, usize)>>,
    /// "they" that stands for several actors ("Obama and Putin said they …"), by word.
    groups: Vec<(usize, Vec<ActorRef>)>,
}

impl Mentions {
    /// The names and agents of a sentence whose words (its forms) are already
    /// normalised in `words`.
    pub fn find(tree: &Tree, words: &SentenceWords, dict: &Dictionaries, date: Date, context: &mut ArticleContext) -> Mentions {
        let n = tree.len();
        let forms: Vec<&str> = tree.nodes.iter().map(|t| t.form).collect();
        let mut names = vec![None; n];
        for m in dict.actors_in(words) {
            if let Some((id, code)) = dict.resolve(&m, date) {
                for slot in names.iter_mut().take(m.end.min(n)).skip(m.start) {
                    *slot = Some((code.as_str().to_string(), id, m.start, m.end - 1));
                }
                // A person named in full can be named by surname alone later on.
                if dict.actor(id).kind == ActorKind::Person && m.end >= m.start + 2 {
                    context.surnames.insert(variants::skeleton_word(forms[m.end - 1]), id);
                    if dyad_dict::family_name_first(code.country()) {
                        context.surnames.insert(variants::skeleton_word(forms[m.start]), id);
                    }
                }
            }
        }
        // Countries named where they name no actor: as the first half of a hyphenated
        // modifier of relation ("Iranian-backed militias", "Russian-held territory": who
        // backs or holds, not who the noun is; "a British-owned ship" is British), or in the
        // name of a sea ("the Gulf of Oman").
        const RELATIONS: &[&str] = &["backed", "led", "held", "occupied", "controlled", "allied", "aligned", "supported", "funded", "trained", "armed", "brokered", "sponsored", "linked", "friendly", "leaning", "made", "built", "designed", "supplied", "produced", "manufactured"];
        let relation_after = |last: usize| {
            let next = |k: usize| tree.nodes.get(k);
            let hyphen = next(last + 1).is_some_and(|t| t.form == "-" || t.form.starts_with('-') && t.form.len() > 1);
            let word = if next(last + 1).is_some_and(|t| t.form == "-") { last + 2 } else { last + 1 };
            hyphen && next(word).is_some_and(|w| RELATIONS.contains(&w.form.trim_start_matches('-').to_lowercase().as_str()))
        };
        // "the Malaysia Airlines Boeing 777", "an Airbus 320": a maker's name with a model
        // number names a type of machine, not its maker acting.
        // (The number in the name's own phrase: not "Ukraine 2 years ago".)
        let model_number = |last: usize| {
            let (name, number) = (&tree.nodes[last], tree.nodes.get(last + 1));
            let same_phrase = |t: &crate::tree::Node| t.head == name.head || t.head == Some(last) || name.head == Some(last + 1);
            number.is_some_and(|t| t.upos == "NUM" && t.form.starts_with(|c: char| c.is_ascii_digit()) && t.form.chars().all(|c| c.is_ascii_digit() || c == '-') && same_phrase(t))
                && name.upos == "PROPN"
        };
        for k in 0..n {
            let Some(m) = &names[k] else { continue };
            let (first, last) = (m.2, m.3.min(n - 1));
            let kind = dict.actor(m.1).kind;
            let describes = k == last && matches!(kind, ActorKind::Country | ActorKind::Demonym) && relation_after(last);
            let in_sea = matches!(kind, ActorKind::Country | ActorKind::Seat) && in_a_sea_name(tree, k);
            let model = k == last && matches!(kind, ActorKind::Organization(_) | ActorKind::Listed) && model_number(last);
            if describes || in_sea || model {
                for slot in &mut names[first..=last] {
                    *slot = None;
                }
            }
        }
        // "Ithilen state-run television" for ITHILEN_TELEVISION: a hyphenated modifier
        // inside a name describes the named thing; the name is read around it.
        // (Written as one token, "state-run", or as three, "state - run".)
        let hyphen = |k: usize| k < n && tree.nodes[k].form == "-";
        let described = |k: usize| {
            let node = &tree.nodes[k];
            let one_token = matches!(node.rel, Rel::Amod | Rel::Compound) && node.form.trim_matches('-').contains('-');
            let split = k > 0 && hyphen(k + 1) || hyphen(k) || k > 1 && hyphen(k - 1);
            one_token || split && k > 0 && k + 1 < n
        };
        // (Only after a name: "Ithilen", then what it runs.)
        let after_a_name = |k: usize| k > 0 && names[k - 1].as_ref().is_some_and(|m: &(String, ActorId, usize, usize)| m.3 == k - 1);
        if (0..n).any(|k| described(k) && after_a_name(k)) {
            let kept: Vec<usize> = (0..n).filter(|&k| !described(k)).collect();
            let reduced: Vec<&str> = kept.iter().map(|&k| forms[k]).collect();
            // (Without spelling variants: a name read around a modifier is written out.)
            for m in dict.actors_in(&SentenceWords::without_spellings(&reduced)) {
                let (first, last) = (kept[m.start], kept[m.end.min(kept.len()) - 1]);
                let spans_a_gap = last - first + 1 > m.end - m.start;
                let longer = |k: usize| names[k].as_ref().is_none_or(|c: &(String, ActorId, usize, usize)| c.3 - c.2 < last - first);
                if !spans_a_gap || !(first..=last).all(longer) {
                    continue;
                }
                if let Some((id, code)) = dict.resolve(&m, date) {
                    for slot in &mut names[first..=last] {
                        *slot = Some((code.as_str().to_string(), id, first, last));
                    }
                }
            }
        }
        for k in 0..n {
            if names[k].is_some() {
                continue;
            }
            let node = &tree.nodes[k];
            let id = if node.form.chars().next().is_some_and(char::is_uppercase) && matches!(node.upos, "PROPN" | "NOUN" | "X" | "") {
                context.surnames.get(&variants::skeleton_word(&node.form)).copied()
            } else if matches!(node.lemma.as_ref(), "he" | "she" | "him" | "her" | "his") && node.upos == "PRON" {
                context.last_person
            } else {
                None
            };
            if let Some(id) = id {
                if let Some(code) = dict.actor_code_on(id, date) {
                    names[k] = Some((code.as_str().to_string(), id, k, k));
                }
            }
        }
        let mut agents = vec![None; n];
        // Agents match on lemmas so that "ministers" and "minister" are one entry, and on
        // forms for entries written in the plural ("forces", whose lemma is "force").
        let lemmas: Vec<&str> = tree.nodes.iter().map(|t| t.lemma.as_ref()).collect();
        let by_lemma = SentenceWords::without_spellings(&lemmas);
        // "military-ruled Myanmar", "government-backed militia": the first half of a
        // hyphenated modifier describes, it names no one. (The hyphen is a token of its own
        // in dyad's tokenization, "government - held"; UDPipe writes "military -ruled".)
        let hyphen_next = |k: usize| tree.nodes.get(k).is_some_and(|t| t.form.starts_with('-') && (t.form.len() > 1 || tree.nodes.get(k + 1).is_some_and(|w| w.form.chars().next().is_some_and(char::is_alphabetic))));
        for sentence_words in [&by_lemma, words] {
            for m in dict.agents_in(sentence_words) {
                let Some(&id) = m.candidates.first() else { continue };
                if hyphen_next(m.end) || (m.start..m.end.min(n)).any(|k| tree.nodes[k].form == "-") {
                    continue;
                }
                let code = dict.agents[id.0 as usize].code.clone();
                for k in m.start..m.end.min(n) {
                    // A longer entry wins: "government forces" (MIL) over "government" (GOV).
                    let shorter = |a: &(AgentCode, usize, usize)| a.2 - a.1 < m.end - 1 - m.start;
                    if agents[k].as_ref().is_none_or(shorter) && names[k].is_none() {
                        agents[k] = Some((code.clone(), m.start, m.end - 1));
                    }
                }
            }
        }
        // "the American Friendship Medal", "the American Enterprise Institute": a demonym
        // opening a capitalised name the dictionaries do not know (no name or role word in
        // it) names that thing, not the country.
        for k in 0..n.saturating_sub(1) {
            let Some(m) = &names[k] else { continue };
            if m.2 != k || m.3 != k || dict.actor(m.1).kind != ActorKind::Demonym {
                continue;
            }
            let capital = |j: usize| tree.nodes[j].form.chars().next().is_some_and(char::is_uppercase) && matches!(tree.nodes[j].upos, "PROPN" | "NOUN" | "ADJ");
            let end = (k + 1..n).take_while(|&j| capital(j)).last();
            let Some(end) = end else { continue };
            let unknown = (k + 1..=end).all(|j| names[j].is_none() && agents[j].is_none());
            let modifies = tree.nodes[k].head.is_some_and(|h| (k + 1..=end).contains(&h));
            if unknown && modifies {
                names[k] = None;
            }
        }
        // "Putin met Xi": a well-known surname alone, never introduced in full, names the
        // one person of the dictionary by that surname who holds a post on the day.
        for k in 0..n {
            if names[k].is_some() || agents[k].is_some() || tree.nodes[k].upos != "PROPN" {
                continue;
            }
            // Part of a longer name the dictionary does not know ("Jill Biden", "Putin
            // Street"); a title before it ("President Putin") is an agent, not a name.
            let is_name_word = |j: usize| tree.nodes[j].upos == "PROPN" && agents[j].is_none();
            if (k > 0 && is_name_word(k - 1)) || (k + 1 < n && is_name_word(k + 1)) {
                continue;
            }
            let mut active: Vec<ActorId> = dict
                .people_by_surname(tree.nodes[k].form)
                .iter()
                .copied()
                .filter(|&id| dict.actor(id).codes.iter().any(|c| c.dates.contains(date)))
                .collect();
            // ("Modi" is Narendra Modi, not Salifou Mody, whose name only sounds the same:
            // among spellings of one sound, the one written wins.)
            if active.len() > 1 {
                let written = |id: &ActorId| dict.actor(*id).name.split_whitespace().last().is_some_and(|last| last.eq_ignore_ascii_case(tree.nodes[k].form));
                if active.iter().filter(|id| written(id)).count() == 1 {
                    active.retain(written);
                }
            }
            if let [id] = active[..] {
                if let Some(code) = dict.actor_code_on(id, date) {
                    names[k] = Some((code.as_str().to_string(), id, k, k));
                }
            }
        }
        Mentions { names, agents, groups: Vec::new() }
    }

    /// "Ethiopia indicated it deplored Libya": "it" or "they" as the subject of a later
    /// clause refers to the subject before it that names one country or organisation.
    pub fn refer_things(&mut self, tree: &Tree, actor: &ActorRef, after: usize) {
        let Some(id) = actor.id else { return };
        for k in after + 1..tree.len() {
            let node = &tree.nodes[k];
            // Only as a subject: a possessive "its embassy" is a thing of it, not it.
            let subject = matches!(node.rel, Rel::Nsubj | Rel::NsubjPass);
            // But the owner of a subject is the actor it names: "Russia said its forces
            // captured Avdiivka" (its forces are Russia's, RUSMIL).
            let owner_of_subject = owned_subject(tree, k).is_some();
            let pronoun = matches!(node.lemma.as_ref(), "it" | "they") || owner_of_subject;
            if (subject || owner_of_subject) && node.upos == "PRON" && pronoun && self.names[k].is_none() {
                self.names[k] = Some((actor.code.clone(), id, k, k));
            }
        }
    }

    /// "Obama and Putin said they will attack Iraq": "they" as the subject of a later
    /// clause refers to the conjoined subject before it, all of its actors; "the Israeli
    /// military said it had killed …": "it" (or "they") to an actor the dictionaries
    /// compose rather than name.
    pub fn refer_group(&mut self, tree: &Tree, actors: &[ActorRef], after: usize) {
        let pronouns: &[&str] = if actors.len() > 1 { &["they"] } else { &["it", "they"] };
        for k in after + 1..tree.len() {
            let node = &tree.nodes[k];
            let subject = matches!(node.rel, Rel::Nsubj | Rel::NsubjPass);
            if subject && node.upos == "PRON" && pronouns.contains(&node.lemma.as_ref()) && self.names[k].is_none() && !self.groups.iter().any(|(w, _)| *w == k) {
                self.groups.push((k, actors.to_vec()));
            }
            // "Sudan's army said its aircraft struck …": a subject owned by "its" or
            // "their" is the actor's own (with the role its noun names: "its soldiers").
            let Some(h) = owned_subject(tree, k) else { continue };
            if actors.len() != 1 || self.names[h].is_some() || self.groups.iter().any(|(w, _)| *w == h) {
                continue;
            }
            let role = phrase_words(tree, h).iter().filter_map(|&w| self.agents[w].as_ref()).map(|a| a.0.clone()).next();
            let code = match role {
                Some(r @ AgentCode::Sector(_)) => r.apply(Some(agent_base(&actors[0].code))),
                _ => actors[0].code.clone(),
            };
            self.groups.push((h, vec![ActorRef { code, name: None, id: None, first: tree.leftmost(h), last: tree.rightmost(h) }]));
        }
    }

    /// "The two sides agreed to resume talks": "the two sides", "both countries" and the
    /// like, naming no one themselves, are the two parties of the article's last event
    /// between two.
    pub fn refer_pairs(&mut self, tree: &Tree, pair: &(ActorRef, ActorRef)) {
        for k in 0..tree.len() {
            let node = &tree.nodes[k];
            let party = matches!(node.lemma.as_ref(), "side" | "country" | "nation" | "leader" | "government" | "party" | "neighbour" | "neighbor" | "capital");
            let two = node.children.iter().any(|&c| matches!(tree.nodes[c].lemma.as_ref(), "two" | "both"));
            if party && two && node.form.ends_with('s') && self.names[k].is_none() && !self.groups.iter().any(|(w, _)| *w == k) {
                self.groups.push((k, vec![pair.0.clone(), pair.1.clone()]));
            }
        }
    }

    /// "Hamas fighters attacked … The group said": "the group", "the movement" or "the
    /// militants", naming no one themselves, are the armed group the article last named.
    pub fn refer_armed(&mut self, tree: &Tree, armed: &ActorRef) {
        for k in 0..tree.len() {
            let node = &tree.nodes[k];
            let definite = tree.children_with(k, Rel::Det).any(|d| tree.nodes[d].lemma.as_ref() == "the");
            let group_noun = matches!(node.lemma.as_ref(), "group" | "movement" | "organisation" | "organization" | "militia");
            let armed_role = self.agents[k].as_ref().is_some_and(|a| matches!(&a.0, AgentCode::Sector(s) if ARMED_ROLES.contains(&&**s)));
            // (Not "the ELN rebel group", which names its own.)
            let unnamed = || phrase_words(tree, k).iter().all(|&w| self.names[w].is_none());
            if definite && (group_noun || armed_role) && !self.groups.iter().any(|(w, _)| *w == k) && unnamed() {
                self.groups.push((k, vec![ActorRef { first: tree.leftmost(k), last: tree.rightmost(k), ..armed.clone() }]));
            }
        }
    }

    /// Is word `k` itself (part of) a name the dictionaries know?
    pub fn is_named(&self, k: usize) -> bool {
        self.names.get(k).is_some_and(Option::is_some)
    }

    /// Personal pronouns after the subject of this sentence refer to it ("Austin has
    /// contacted his Russian counterpart"), not to the previous sentence's subject.
    pub fn refer_pronouns(&mut self, tree: &Tree, dict: &Dictionaries, date: Date, person: ActorId, after: usize) {
        let Some(code) = dict.actor_code_on(person, date) else { return };
        for k in after + 1..tree.len() {
            let node = &tree.nodes[k];
            if node.upos == "PRON" && matches!(node.lemma.as_ref(), "he" | "she" | "him" | "her" | "his") {
                self.names[k] = Some((code.as_str().to_string(), person, k, k));
            }
        }
    }

    /// The actors a noun phrase names: usually one, but a role noun placed in
    /// conjoined countries names one per country ("lawmakers in Arnor and Gondor").
    pub fn phrase_actors(&self, tree: &Tree, dict: &Dictionaries, head: usize) -> Vec<ActorRef> {
        if let Some((_, group)) = self.groups.iter().find(|(w, _)| *w == head) {
            return group.clone();
        }
        let Some(first) = self.phrase_actor(tree, dict, head) else { return Vec::new() };
        let mut out = vec![first];
        let agent = phrase_words(tree, head).iter().filter_map(|&w| self.agents[w].as_ref()).min_by_key(|a| a.1.abs_diff(head)).cloned();
        if agent.is_none() && self.names[head].is_none() {
            // "Eriadori and Calenardhon leaders", with no role the dictionary knows: each
            // conjoined name is an actor of its own.
            for &w in &phrase_words(tree, head) {
                if w != head && matches!(tree.nodes[w].rel, Rel::Amod | Rel::Compound) && self.names[w].is_some() {
                    for c in tree.conjuncts(w) {
                        if let Some(m) = &self.names[c] {
                            let r = self.actor_ref(dict, m);
                            if !out.iter().any(|o| o.code == r.code) {
                                out.push(r);
                            }
                        }
                    }
                }
            }
            // "the information ministry of Gondor and the Nasgul": a noun that names no
            // role stands for each actor its of-phrase lists.
            if tree.nodes[head].upos != "PROPN" {
                for place in place_nmods(tree, head) {
                    for c in tree.conjuncts(place) {
                        if let Some(r) = self.phrase_actor(tree, dict, c) {
                            if !out.iter().any(|o| o.code == r.code) {
                                out.push(r);
                            }
                        }
                    }
                }
            }
            return out;
        }
        let (Some(agent), None) = (agent, self.names[head].as_ref()) else { return out };
        // "US and British activists", "Russian and Chinese warships": conjoined modifiers
        // each give the role noun a country.
        for &w in &phrase_words(tree, head) {
            if w == head || !matches!(tree.nodes[w].rel, Rel::Amod | Rel::Compound) || self.names[w].is_none() {
                continue;
            }
            for c in tree.conjuncts(w) {
                if let Some(m) = &self.names[c] {
                    let r = ActorRef { code: with_role(&m.0, &agent.0), name: None, id: None, first: c.min(agent.1), last: agent.2.max(c) };
                    if !out.iter().any(|o| o.code == r.code) {
                        out.push(r);
                    }
                }
            }
        }
        for place in place_nmods(tree, head) {
            for c in tree.conjuncts(place) {
                if let Some(p) = self.phrase_actor(tree, dict, c) {
                    let country: String = p.code.chars().take(3).collect();
                    let r = ActorRef { code: agent.0.apply(Some(&country)), name: None, id: None, first: agent.1.min(p.first), last: agent.2.max(p.last) };
                    if !out.contains(&r) {
                        out.push(r);
                    }
                }
            }
        }
        out
    }

    /// The actor a noun phrase headed by `head` names, if any.
    pub fn phrase_actor(&self, tree: &Tree, dict: &Dictionaries, head: usize) -> Option<ActorRef> {
        // ("called on both sides": a phrase that stands for a group names its first
        // member here; [`Mentions::phrase_actors`] gives them all.)
        if let Some((_, group)) = self.groups.iter().find(|(w, _)| *w == head) {
            return group.first().cloned();
        }
        let words = phrase_words(tree, head);
        let mut actor = self.phrase_actor_unprefixed(tree, dict, head, &words)?;
        // "MSF Arnor", "an MSF Arnor diplomat": an agent written as a prefix (`NGO~`)
        // qualifies the whole actor (NGOARN, NGOARNGOV).
        for w in words {
            if let Some((AgentCode::Prefix(p), _, _)) = &self.agents[w] {
                if !actor.code.starts_with(&**p) {
                    actor.code = format!("{p}{}", actor.code);
                }
            }
        }
        Some(actor)
    }

    fn phrase_actor_unprefixed(&self, tree: &Tree, dict: &Dictionaries, head: usize, words: &[usize]) -> Option<ActorRef> {
        // A name anywhere in the phrase; the one nearest the head wins.
        let mut named: Option<&(String, ActorId, usize, usize)> = None;
        let mut best_distance = usize::MAX;
        for &w in words {
            // A possessive pronoun ("his message") does not make the phrase its actor; it
            // only lends its owner's country to a role noun (see `possessor`).
            if tree.nodes[w].rel == Rel::NmodPoss && w != head && tree.nodes[w].upos == "PRON" {
                continue;
            }
            if let Some(m) = &self.names[w] {
                let d = if (m.2..=m.3).contains(&head) { 0 } else { m.2.abs_diff(head).min(m.3.abs_diff(head)) };
                if d < best_distance {
                    best_distance = d;
                    named = Some(m);
                }
            }
        }
        let agent = words.iter().filter_map(|&w| self.agents[w].as_ref()).min_by_key(|a| a.1.abs_diff(head));
        // "his Russian counterpart": the same post as the possessor's, in another country.
        if matches!(tree.nodes[head].lemma.as_ref(), "counterpart" | "counterparts") {
            if let (Some(owner), Some(m)) = (self.possessor(tree, dict, head), named) {
                let country: String = m.0.chars().take(3).collect();
                let sector = owner.code.get(3..).unwrap_or("");
                if country != owner.code.get(..3).unwrap_or("") {
                    return Some(ActorRef { code: format!("{country}{sector}"), name: None, id: None, first: m.2, last: head });
                }
            }
        }
        // A person named inside the phrase's own clause-free subtree ("US Secretary of
        // Defense Lloyd Austin", "the US ambassador to Moscow, Lynne Tracy") is who the
        // phrase is about.
        if best_distance > 0 {
            if let Some(person) = self.person_in_subtree(tree, dict, head) {
                return Some(person);
            }
        }
        // Whose role it is, when the phrase has a role noun: "Gondor's government".
        let owner = agent.filter(|a| matches!(a.0, AgentCode::Sector(_))).and_then(|_| self.possessor(tree, dict, head));
        match (named, agent, owner) {
            // A person or organisation named at the head: their own code, sharpened by a
            // role noun when the dictionary gives only a country ("Bree President
            // Romendacil" with Romendacil = BRE → BREGOV).
            // "Ithilen's minister Calimehtar", "Gondor's government": the possessive names
            // the country the role belongs to, and wins over a person's own code.
            (_, Some(a), Some(owner)) => {
                let country: String = owner.code.chars().take(3).collect();
                Some(ActorRef { code: a.0.apply(Some(&country)), name: None, id: None, first: owner.first.min(a.1), last: owner.last.max(a.2) })
            }
            // "Iranian President Ebrahim Raisi" in a report dated after his presidency:
            // the title the text gives him is his role in it (not "former President …").
            (Some(m), Some(a), _) if best_distance == 0 && m.0.len() == 6 && m.0.ends_with("ELI") && matches!(a.0, AgentCode::Sector(_)) && !words.iter().any(|&w| matches!(tree.nodes[w].lemma.as_ref(), "former" | "ex" | "late")) => {
                let mut r = self.actor_ref(dict, m);
                r.code = a.0.apply(Some(&m.0[..3]));
                Some(r)
            }
            (Some(m), Some(a), _) if best_distance == 0 && m.0.len() == 3 && matches!(a.0, AgentCode::Sector(_)) => {
                let mut r = self.actor_ref(dict, m);
                r.code = a.0.apply(Some(&m.0));
                Some(r)
            }
            (Some(m), _, _) if best_distance == 0 => Some(self.actor_ref(dict, m)),
            // "Hamas militants", "Hezbollah fighters", "a Hezbollah commander": an armed
            // group's fighters and commanders are the group, not those of its country.
            (Some(m), Some(a), _)
                if matches!(dict.actor(m.1).kind, ActorKind::Organization(_))
                    && matches!(&a.0, AgentCode::Sector(s) if matches!(&**s, "UAF" | "REB" | "INS") || &**s == "MIL" && ["REB", "UAF", "INS"].iter().any(|r| m.0.contains(r))) =>
            {
                let mut r = self.actor_ref(dict, m);
                r.first = r.first.min(a.1);
                r.last = r.last.max(a.2);
                Some(r)
            }
            // "Russian defence minister", "Ukrainian soldiers": country + agent sector.
            (Some(m), Some(a), _) => {
                let mut r = self.actor_ref(dict, m);
                r.code = with_role(&m.0, &a.0);
                r.name = None;
                r.id = None;
                r.first = r.first.min(a.1);
                r.last = r.last.max(a.2);
                Some(r)
            }
            (Some(m), None, _) => Some(self.actor_ref(dict, m)),
            (None, Some(a), _) if matches!(a.0, AgentCode::Actor(_)) => Some(ActorRef { code: a.0.apply(None), name: None, id: None, first: a.1, last: a.2 }),
            // "lawmakers in Arnor", "officials of Gondor": the country is in a
            // prepositional phrase of the agent noun.
            (None, Some(a), _) => {
                // ("protesters in Tbilisi": a capital in which they are stands for its
                // country, not for its government as it does as a subject.)
                // (Not for an event: "a drone attack in Russia's Krasnodar region" is an
                // attack there, not by Russia's drones.)
                let event = !(a.1..=a.2).contains(&head) && dict.noun_patterns(&tree.nodes[head].lemma).next().is_some();
                let places = if event { Vec::new() } else { place_nmods(tree, head) };
                let (place, located) = match places.into_iter().find_map(|c| self.phrase_actor(tree, dict, c).map(|p| (c, p))) {
                    Some((c, p)) => (Some(p), tree.prep(c) != Some("of")),
                    None => (None, false),
                };
                match (place, &a.0) {
                    // "activists of Gonzo GMO" (an actor coded GONGMO): the role follows the
                    // actor's own code (GONGMOOPP), as PETRARCH composes codes. "exiled
                    // leaders of Egypt's Muslim Brotherhood" (Egypt + Muslim, EGYMUS): the
                    // roles come in the order read (EGYOPPMUS). A role the code already
                    // carries adds nothing.
                    (Some(place), AgentCode::Sector(s)) if place.code.len() > 3 && agent_base(&place.code).len() == 3 && !(located && place.is_seat(dict)) => {
                        let (country, rest) = place.code.split_at(3);
                        let code = if rest.contains(&**s) {
                            place.code.clone()
                        } else if place.id.is_some() {
                            format!("{}{s}", place.code)
                        } else {
                            format!("{country}{s}{rest}")
                        };
                        Some(ActorRef { code, name: None, id: None, first: a.1.min(place.first), last: a.2.max(place.last) })
                    }
                    (Some(place), _) => {
                        let country: String = place.code.chars().take(3).collect();
                        Some(ActorRef { code: a.0.apply(Some(&country)), name: None, id: None, first: a.1.min(place.first), last: a.2.max(place.last) })
                    }
                    (None, AgentCode::Sector(_)) => match self.first_conjunct_base(tree, dict, head) {
                        // "Danish media and government": the modifier of the first
                        // conjunct is the country of the others too.
                        Some(base) => Some(ActorRef { code: a.0.apply(Some(&base)), name: None, id: None, first: a.1, last: a.2 }),
                        // "Insurgents bombarded Aleppo": a role without a country is still
                        // an actor, of unknown nationality ("---REB"), as the field codes
                        // it. Only when the role noun is the phrase's head: "military
                        // support" is support, not the military.
                        None => (a.1..=a.2)
                            .contains(&head)
                            .then(|| ActorRef { code: a.0.apply(Some(UNKNOWN_COUNTRY)), name: None, id: None, first: a.1, last: a.2 }),
                    },
                    (None, _) => None,
                }
            }
            // "the Prince of Dol Amroth", "the population of Gondor": a noun that names no
            // actor stands for the one it belongs to.
            // "Eriador's death toll" stands for its owner too.
            // (Not an event noun's: "the expulsion of US diplomats" is not by them; its
            // possessor is its doer, "Russia's invasion".)
            (None, None, _) => tree.nodes[head]
                .children
                .iter()
                .copied()
                .filter(|&c| tree.nodes[c].rel == Rel::Nmod && tree.prep(c).as_deref() == Some("of") && dict.noun_patterns(&tree.nodes[head].lemma).next().is_none())
                .find_map(|c| self.phrase_actor(tree, dict, c))
                .or_else(|| self.possessor(tree, dict, head).filter(|p| p.id.is_none_or(|id| dict.actor(id).kind != ActorKind::Person))),
        }
    }

    /// The actor a first conjunct names, without its own role ("DNKMED" → "DNK"), for
    /// a later conjunct that names only a role.
    fn first_conjunct_base(&self, tree: &Tree, dict: &Dictionaries, head: usize) -> Option<String> {
        if tree.nodes[head].rel != Rel::Conj {
            return None;
        }
        let first = tree.nodes[head].head?;
        let actor = self.phrase_actor(tree, dict, first)?;
        if actor.code.starts_with(UNKNOWN_COUNTRY) {
            return None;
        }
        let base = match self.phrase_agent(tree, first) {
            Some(AgentCode::Sector(s)) if actor.code.len() > s.len() && actor.code.ends_with(&*s) => actor.code[..actor.code.len() - s.len()].to_string(),
            _ => agent_base(&actor.code).to_string(),
        };
        Some(base)
    }

    fn person_in_subtree(&self, tree: &Tree, dict: &Dictionaries, head: usize) -> Option<ActorRef> {
        let mut stack = vec![head];
        while let Some(at) = stack.pop() {
            if let Some(m) = &self.names[at] {
                if dict.actor(m.1).kind == ActorKind::Person && !matches!(tree.nodes[at].upos, "PRON") {
                    return Some(self.actor_ref(dict, m));
                }
            }
            for &c in &tree.nodes[at].children {
                if !matches!(tree.nodes[c].rel, Rel::AclRelcl | Rel::Acl | Rel::Advcl | Rel::Ccomp | Rel::Parataxis | Rel::Conj | Rel::Punct | Rel::Cc) {
                    stack.push(c);
                }
            }
        }
        None
    }

    /// The actor of a possessive in the phrase ("Ithilen's" in "Ithilen's minister").
    fn possessor(&self, tree: &Tree, dict: &Dictionaries, head: usize) -> Option<ActorRef> {
        let mut stack = vec![head];
        while let Some(at) = stack.pop() {
            for &c in &tree.nodes[at].children {
                match tree.nodes[c].rel {
                    Rel::NmodPoss => {
                        if let Some(a) = self.names[c].as_ref() {
                            return Some(self.actor_ref(dict, a));
                        }
                    }
                    Rel::Compound | Rel::Flat | Rel::Amod => stack.push(c),
                    _ => {}
                }
            }
        }
        None
    }

    fn actor_ref(&self, dict: &Dictionaries, m: &(String, ActorId, usize, usize)) -> ActorRef {
        ActorRef { code: m.0.clone(), name: Some(dict.actor(m.1).name.clone()), id: Some(m.1), first: m.2, last: m.3 }
    }

    /// The agent sector alone (e.g. "GOV" for "the ministry"), for coreference.
    pub fn phrase_agent(&self, tree: &Tree, head: usize) -> Option<AgentCode> {
        phrase_words(tree, head).iter().filter_map(|&w| self.agents[w].as_ref()).min_by_key(|a| a.1.abs_diff(head)).map(|a| a.0.clone())
    }
}

/// Prepositional phrases that place a role noun in a country ("officials in Gondor",
/// "ministers of Arnor"); a later conjunct without its own shares the first one's
/// ("lawmakers and officials in Arnor" is parsed with the place on "lawmakers").
fn place_nmods(tree: &Tree, head: usize) -> Vec<usize> {
    let of = |h: usize| -> Vec<usize> {
        tree.nodes[h].children.iter().copied().filter(|&c| tree.nodes[c].rel == Rel::Nmod && matches!(tree.prep(c), Some("in" | "of" | "from"))).collect()
    };
    let own = of(head);
    if !own.is_empty() {
        return own;
    }
    match tree.nodes[head].head {
        Some(first) if tree.nodes[head].rel == Rel::Conj => of(first).into_iter().filter(|&c| c > head).collect(),
        // ... or, parsed the other way, on the last conjunct.
        _ => match tree.children_with(head, Rel::Conj).last() {
            Some(last) => of(last),
            None => own,
        },
    }
}

/// The country part of an actor whose role is known but whose country is not.
pub const UNKNOWN_COUNTRY: &str = "---";

/// The subject word `k` owns, when `k` is "its" or "their" on a subject ("its forces
/// captured", "their fighters attacked").
fn owned_subject(tree: &Tree, k: usize) -> Option<usize> {
    let node = &tree.nodes[k];
    let owner = node.rel == Rel::NmodPoss && matches!(node.form.to_lowercase().as_str(), "its" | "their");
    node.head.filter(|&h| owner && matches!(tree.nodes[h].rel, Rel::Nsubj | Rel::NsubjPass))
}

/// CAMEO's primary roles: the state's and its challengers' organs. An actor holds one.
const PRIMARY_ROLES: [&str; 11] = ["COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF"];

/// The code of a named actor qualified by a role noun. A primary role takes the place of
/// the one the name carries ("Russian" + minister → RUSGOV, "Pentagon" + officials →
/// USAGOV); any other role (media, business, an ontology's own codes) is a further
/// qualification of the actor as named ("West German", GMWGOV, + world government →
/// GMWGOVWGO; "Kremlin" + newspaper → RUSGOVMED), and a role already in the code adds
/// nothing.
fn with_role(actor: &str, role: &AgentCode) -> String {
    match role {
        AgentCode::Sector(s) if actor.len() > 3 && agent_base(actor).len() == 3 && !s.get(..3).is_some_and(|r| PRIMARY_ROLES.contains(&r)) => {
            if actor[3..].as_bytes().chunks(3).any(|c| c == s.as_bytes()) {
                actor.to_string()
            } else {
                format!("{actor}{s}")
            }
        }
        _ => role.apply(Some(agent_base(actor))),
    }
}

/// What a role noun attaches to: the country of a state actor ("Russian" + minister →
/// RUS + GOV, never RUSGOV + GOV), the whole code of an international or non-state one
/// ("UN" + troops → IGOUNO + MIL).
fn agent_base(code: &str) -> &str {
    match code.get(..3) {
        Some("IGO" | "NGO" | "IMG" | "MNC") => code,
        Some(country) => country,
        None => code,
    }
}

/// Whether word `k` is the "of" part of the name of a sea ("the Gulf of Oman", "the Sea
/// of Japan"), which names no country.
pub fn in_a_sea_name(tree: &Tree, k: usize) -> bool {
    tree.nodes[k].head.filter(|_| tree.prep(k) == Some("of")).is_some_and(|h| {
        let head = &tree.nodes[h];
        head.form.chars().next().is_some_and(char::is_uppercase) && matches!(head.lemma.as_ref(), "gulf" | "sea" | "bay" | "strait" | "straits" | "ocean" | "lake" | "isle" | "isles")
    })
}

/// The words of the noun phrase headed by `head`: the head and, recursively, its
/// compound, flat, amod, nmod:poss, det and nummod dependents. Appositions are included
/// ("the US ambassador, Lynne Tracy"); prepositional modifiers and clauses are not.
pub fn phrase_words(tree: &Tree, head: usize) -> Vec<usize> {
    let mut out = vec![head];
    let mut k = 0;
    while k < out.len() {
        let at = out[k];
        for &c in &tree.nodes[at].children {
            if matches!(tree.nodes[c].rel, Rel::Compound | Rel::Flat | Rel::Amod | Rel::NmodPoss | Rel::Det | Rel::Appos | Rel::Nummod) {
                out.push(c);
            }
            // "a Greek-owned ship": the first half of a hyphenated participle in the phrase
            // is the phrase's, however the parse hung it on the participle.
            let hyphenated = tree.nodes[at].rel == Rel::Amod && at != head && c + 2 == at && tree.nodes[c + 1].form == "-";
            if hyphenated && !out.contains(&c) {
                out.push(c);
            }
            // "Dagolath's" hangs its "'s" as case; the possessor itself is in.
        }
        k += 1;
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(s: &str) -> AgentCode {
        AgentCode::Sector(s.into())
    }

    #[test]
    fn a_primary_role_replaces_the_role_a_name_carries() {
        assert_eq!(with_role("RUS", &role("GOV")), "RUSGOV");
        assert_eq!(with_role("RUSGOV", &role("GOV")), "RUSGOV");
        assert_eq!(with_role("USAMIL", &role("GOV")), "USAGOV");
        assert_eq!(with_role("HGWGOVMED", &role("GOVMED")), "HGWGOVMED");
    }

    #[test]
    fn other_roles_qualify_the_actor_as_named() {
        assert_eq!(with_role("GMWGOV", &role("WGO")), "GMWGOVWGO");
        assert_eq!(with_role("RUSGOV", &role("MED")), "RUSGOVMED");
        assert_eq!(with_role("RUSGOVMED", &role("MED")), "RUSGOVMED");
        assert_eq!(with_role("DNK", &role("MED")), "DNKMED");
        // International and non-state codes are kept whole whatever the role.
        assert_eq!(with_role("IGOUNO", &role("MIL")), "IGOUNOMIL");
    }
}
