//! Events from one parsed sentence: verb patterns matched along dependency paths.
//!
//! For every verb, the patterns of its dictionary blocks are tried against the verb's
//! dependents: the source slot binds the subject (the `by` agent of a passive), the target
//! slot the object or the noun of the preposition the pattern names, other words must
//! stand in the verb's phrase with their prepositions. The most specific matching pattern
//! gives the code; a verb with no matching pattern codes with its own code. Then:
//! - negated, modal and conditional clauses code nothing ("did not provide", "could
//!   demand", "if … attacked"), unless the dictionaries carry an internal coding ontology
//!   that gives the negation or the composition of a verb with its complement a code
//!   (`compose`);
//! - conjoined actors are distributed ("Ukraine and Russia released …" → two events);
//! - a verb without its own subject takes it from the verb it is conjoined with or
//!   controlled by ("agreed to restore ties").

use dyad_dict::{Dictionaries, Pattern, Side, Term};
use dyad_model::{Date, Sentence};

use crate::actors::{phrase_words, ActorRef, ArticleContext, Mentions};
use crate::tree::{Rel, Tree};
use dyad_dict::Announcement;

/// Negation and verb composition through the internal coding ontology (PICO).
mod compose;

/// Coding switches, as the validation suites' `<Config>` sets them.
#[derive(Debug, Clone)]
pub struct Options {
    /// Code only events with both a source and a target.
    pub require_dyad: bool,
    /// Look up where events happened in the gazetteer.
    pub places: bool,
    /// How acts spoken of before they happen are coded.
    pub future: Future,
}

impl Default for Options {
    fn default() -> Self {
        Options { require_dyad: true, places: true, future: Future::Announced }
    }
}

/// How acts spoken of before they happen ("will meet", "plans to send", "said it would
/// free", "threatened to impose") are coded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Future {
    /// As the CAMEO codebook says: the announcement is the event, an intent (03x) or a
    /// threat (13x), dated when it was made ("will meet next week" is 036 today). Acts
    /// whose announcement is no event (statements, appeals, demands) code nothing.
    Announced,
    /// As PETRARCH codes them, and as the field's validation suites expect: "will meet"
    /// is the meeting, dated when it is to be; "would", "plans to" and "threatened to"
    /// leave the act uncoded.
    Act,
}

/// One coded event, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub code: String,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    /// The word the event is anchored on (0-based).
    pub anchor: usize,
    /// The pattern as written, or `verb` for a verb's own code.
    pub pattern: String,
    /// Where the pattern (or the verb's own code) was read from.
    pub origin: Option<dyad_dict::Origin>,
    /// The dependency path that bound each slot, for `--explain`.
    pub path: String,
    /// When it happened: a date in the text attached to the anchor's clause, else the
    /// publication date.
    pub date: Option<crate::dates::EventDate>,
    /// Where it happened, from a place phrase of the anchor's clause.
    pub place: Option<crate::places::Location>,
    /// Which clause dates it.
    pub dated_by: DatedBy,
}

/// The clause whose date is the event's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatedBy {
    /// The anchor's own clause (or what it inherits from).
    Anchor,
    /// An announced act: the clause of the verb that announced it ("said on Monday it
    /// will meet …" is dated Monday).
    Word(usize),
    /// An announced act in the article's own voice ("will meet next week"): announced
    /// when published.
    Publication,
}

/// Code the events of one sentence.
///
/// `context` carries what earlier sentences of the same article named (surnames, the
/// referent of "he"); pass a fresh one for each article.
pub fn code_sentence(sentence: &Sentence, published: Option<Date>, dict: &Dictionaries, options: &Options, context: &mut ArticleContext) -> Vec<Event> {
    // Roles are looked up on the publication date; without one, on a fixed day so that
    // coding stays reproducible.
    let date = published.unwrap_or(Date::constant(2000, 1, 1));
    let tree = Tree::new(sentence);
    // A question asserts nothing: "Will Russia attack Kyiv?", "can children go to France?"
    if tree.is_empty() || tree.nodes.last().is_some_and(|n| n.form == "?") {
        return Vec::new();
    }
    let forms: Vec<&str> = tree.nodes.iter().map(|n| n.form).collect();
    // Normalised once for the discard, actor and agent lookups.
    let words = dyad_dict::SentenceWords::new(&forms);
    if dict.discard_in(&words).is_some() {
        return Vec::new();
    }
    let mut mentions = Mentions::find(&tree, &words, dict, date, context);
    // ("The two sides", "the group": who the article means, before pronouns are read.)
    if let Some(pair) = context.last_pair() {
        mentions.refer_pairs(&tree, pair);
    }
    if let Some(armed) = context.last_armed() {
        mentions.refer_armed(&tree, armed);
    }
    let mut events = Vec::new();
    // Who "he" and "she" mean: the last person who was the subject of a clause before
    // the pronoun, in this sentence or (for the first clauses) an earlier one.
    let mut person_subjects: Vec<(usize, dyad_dict::ActorId)> = Vec::new();
    let mut thing_subjects: Vec<(usize, ActorRef)> = Vec::new();
    let mut group_subjects: Vec<usize> = Vec::new();
    let mut composed_subjects: Vec<(usize, ActorRef)> = Vec::new();
    for v in 0..tree.len() {
        if !tree.is_verbal(v) {
            continue;
        }
        let mut subjects: Vec<usize> = tree.children_with(v, Rel::Nsubj).collect();
        if subjects.is_empty() && is_predicate(&tree, v) {
            subjects.extend(stranded_subject(&tree, &mentions, dict, v));
        }
        for s in subjects {
            if tree.nodes[s].upos == "PRON" {
                continue;
            }
            if !tree.conjuncts(s).is_empty() {
                group_subjects.push(s);
            }
            let Some(mut actor) = mentions.phrase_actor(&tree, dict, s) else { continue };
            // ("The army said its aircraft struck …": a definite role stands for the one the
            // article means, for what "its" refers to as for itself.)
            let definite = tree.children_with(s, Rel::Det).any(|d| tree.nodes[d].lemma.as_ref() == "the");
            if let Some(role) = actor.code.strip_prefix(crate::actors::UNKNOWN_COUNTRY).filter(|r| definite && dyad_dict::is_state_sector(r)) {
                if let Some(code) = context.definite_holder(role) {
                    actor.code = code;
                }
            }
            match actor.id {
                Some(id) if dict.actor(id).kind == dyad_dict::ActorKind::Person => person_subjects.push((s, id)),
                Some(_) if tree.conjuncts(s).is_empty() => thing_subjects.push((s, actor)),
                None if tree.conjuncts(s).is_empty() && is_known(&actor) => composed_subjects.push((s, actor)),
                _ => {}
            }
        }
    }
    // The nearest subject before a pronoun is what it means; later ones overwrite.
    thing_subjects.sort_by_key(|t| std::cmp::Reverse(t.0));
    for (at, actor) in &thing_subjects {
        mentions.refer_things(&tree, actor, *at);
    }
    // (The nearest subject before a pronoun claims it first.)
    let mut groups: Vec<(usize, Vec<ActorRef>)> = group_subjects
        .into_iter()
        .map(|s| (s, actors_of(&tree, &mentions, dict, &[s])))
        .filter(|(_, actors)| actors.len() >= 2 && actors.iter().all(is_known))
        .chain(composed_subjects.into_iter().map(|(s, a)| (s, vec![a])))
        .collect();
    groups.sort_unstable_by_key(|(s, _)| std::cmp::Reverse(*s));
    for (s, actors) in groups {
        mentions.refer_group(&tree, &actors, s);
    }
    person_subjects.sort_unstable();
    for &(at, id) in &person_subjects {
        mentions.refer_pronouns(&tree, dict, date, id, at);
    }
    if let Some(&(_, id)) = person_subjects.last() {
        context.note_subject(id, dict);
    }
    let mut nouns: Vec<Found> = (0..tree.len()).filter_map(|n| code_noun(&tree, &mentions, dict, n, options.places.then_some(date), options.future)).collect();
    let verbs = (0..tree.len()).filter(|&v| is_predicate(&tree, v)).filter_map(|v| code_verb(&tree, &mentions, dict, v, options.places.then_some(date))).collect();
    // Hypothetical verbs code nothing, unless negation or composition gives them a code.
    let mut verbs = compose::resolve(&tree, dict, verbs, options.future);
    subject_acts_take_the_verbs_target(&tree, &mut nouns, &mut verbs);
    if options.future == Future::Announced {
        nouns.retain_mut(|f| code_as_announced(&tree, &mentions, dict, f));
        verbs.retain_mut(|f| code_as_announced(&tree, &mentions, dict, f));
    }
    for mut found in nouns.into_iter().chain(verbs) {
        counterparts_share_the_post(&tree, &mut found);
        the_attack_named_before(&tree, context, &mut found);
        definite_roles(&tree, &mentions, dict, context, &mut found);
        emit(&mut events, found, options);
    }
    // "Arnor restored ties with Gondor, a Bree official said": the statement says
    // nothing of its own beyond the event it reports, which is coded already.
    // (Claiming or denying responsibility and symbolic acts are acts of their own:
    // "rejected the accusation and warned Washington" is two events.)
    let reports = |e: &Event| e.code.starts_with("01") && !matches!(e.code.get(..3), Some("015" | "016" | "017")) && e.target.is_none();
    // A reporting clause hung on what it reports ("…, a Bree official said today") says
    // nothing of its own even when the report codes nothing.
    let attributes = |e: &Event| reports(e) && tree.nodes[e.anchor].rel == Rel::Parataxis;
    if events.iter().any(|e| !reports(e)) {
        events.retain(|e| !reports(e));
    }
    events.retain(|e| !attributes(e));
    let commanded: Vec<usize> = events.iter().filter(|e| tree.nodes[e.anchor].rel == Rel::Obj).filter_map(|e| tree.nodes[e.anchor].head).filter(|&h| COMMAND_VERBS.contains(&tree.nodes[h].lemma.as_ref())).collect();
    events.retain(|e| !commanded.contains(&e.anchor));
    // "launched a missile attack on Kharkiv": the light verb's pattern and the noun's
    // both code the attack; keep one.
    let mut k = 0;
    while k < events.len() {
        let e = &events[k];
        // ("announced an aid package for Ukraine": the announcement of the aid is the
        // intent to give it (033), not its delivery (070).)
        let twin = events.iter().enumerate().any(|(j, o)| {
            j != k
                && (o.code == e.code || o.code.starts_with("03") && !e.code.starts_with("03"))
                && o.source.as_ref().map(|a| &a.code) == e.source.as_ref().map(|a| &a.code)
                && o.target.as_ref().map(|a| &a.code) == e.target.as_ref().map(|a| &a.code)
                && tree.nodes[e.anchor].head == Some(o.anchor)
        });
        if twin {
            events.remove(k);
        } else {
            k += 1;
        }
    }
    // (An actor resolved so may now stand on both sides.)
    events.retain(|e| !matches!((&e.source, &e.target), (Some(s), Some(t)) if s.code == t.code));
    // Who acted is the likelier antecedent than whom it was done to: noted last, it wins.
    let targets = events.iter().filter_map(|e| e.target.as_ref());
    let sources = events.iter().filter_map(|e| e.source.as_ref());
    for a in targets.chain(sources).chain(thing_subjects.iter().map(|(_, a)| a)) {
        context.note_role(&a.code);
    }
    // ("The US condemned the attack and urged both sides to return to talks. Saudi Arabia
    // mediated between the two sides": the sides are two who fight, negotiate or
    // cooperate, not whoever speaks to, criticises or mediates between them.)
    let between_sides = |e: &Event| matches!(e.code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "20")) && !matches!(e.code.get(..3), Some("045" | "039"));
    if let Some((s, t)) = events.iter().rev().filter(|e| between_sides(e)).find_map(|e| e.source.as_ref().zip(e.target.as_ref())) {
        context.note_pair(s, t);
    }
    for e in events.iter().filter(|e| is_violent(&e.code)) {
        if let Some(s) = &e.source {
            context.note_attacker(&tree.nodes[e.anchor].lemma, s, e.target.as_ref());
        }
    }
    for a in events.iter().flat_map(|e| e.target.iter().chain(e.source.iter())) {
        context.note_armed(a);
    }
    context.end_sentence();
    for e in &mut events {
        e.date = match e.dated_by {
            DatedBy::Anchor => crate::dates::event_date(&tree, e.anchor, published),
            DatedBy::Word(w) => crate::dates::event_date(&tree, w, published),
            DatedBy::Publication => published.map(crate::dates::EventDate::published),
        };
        if options.places {
            // The actors' own words are not where the event happened ("sent aid to Kyiv").
            let actors = [&e.source, &e.target];
            let hint: Vec<&str> = actors.iter().filter_map(|a| a.as_ref().map(|a| a.code.as_str())).collect();
            let exclude: Vec<usize> = actors.iter().filter_map(|a| a.as_ref()).flat_map(|a| a.first..=a.last).collect();
            if e.place.is_none() {
                e.place = crate::places::event_place_excluding(&tree, e.anchor, crate::places::Gazetteer::embedded(), &hint, &exclude);
            }
        }
    }
    events
}

/// Nouns of an act of violence that a definite article points back to.
const ATTACK_NOUNS: &[&str] = &[
    "attack", "strike", "airstrike", "bombing", "shelling", "assault", "raid", "killing", "massacre", "invasion", "incursion", "offensive", "shooting", "bombardment", "ambush",
];

/// Whether word `n` is a noun of an act of violence ("attack", "strike", "bombing").
fn is_attack_noun(tree: &Tree, dict: &Dictionaries, n: usize) -> bool {
    ATTACK_NOUNS.contains(&tree.nodes[n].lemma.as_ref()) || dict.in_synset("ATTACK", &tree.nodes[n].lemma)
}

/// "Ukrainian forces struck a depot … The EU condemned the attack": disapproving or
/// rejecting "the attack" (naming no one) is aimed at whoever the article last said
/// attacked.
fn the_attack_named_before(tree: &Tree, context: &ArticleContext, found: &mut Found) {
    if !found.targets.is_empty() || !matches!(found.code.get(..2), Some("11" | "12")) {
        return;
    }
    let v = found.anchor;
    let definite = |o: usize| tree.children_with(o, Rel::Det).any(|d| matches!(tree.nodes[d].lemma.as_ref(), "the" | "this" | "that" | "these" | "those"));
    let pointer = tree.children_with(v, Rel::Obj).find(|&o| ATTACK_NOUNS.contains(&tree.nodes[o].lemma.as_ref()) && definite(o));
    let speaker = found.sources.first().map(|s| s.code.as_str());
    let Some((o, attacker)) = pointer.and_then(|o| context.attacker(&tree.nodes[o].lemma, speaker).map(|a| (o, a))) else { return };
    if !found.sources.iter().any(|s| s.code == attacker.code) {
        // (The words are the ones that point back: "the attack".)
        found.targets.push(ActorRef { first: tree.leftmost(o), last: tree.rightmost(o), ..attacker.clone() });
        found.path = format!("{}; target: the attack reported before, by {}", found.path, attacker.code);
    }
}

/// "Austin contacted his Russian counterpart": when the pronoun could not be tied to a
/// person (a parse without a subject), the counterpart still holds the source's post in
/// the other country, so a bare country code takes the source's sector.
fn counterparts_share_the_post(tree: &Tree, found: &mut Found) {
    let [source] = found.sources.as_slice() else { return };
    let Some(sector) = source.code.get(3..).filter(|s| !s.is_empty()) else { return };
    for t in &mut found.targets {
        // The phrase may be only the adjective that named the country ("Russian").
        let words = (t.first..=t.last.min(tree.len().saturating_sub(1))).flat_map(|w| [Some(w), tree.nodes[w].head]).flatten();
        let is_counterpart = words.into_iter().any(|w| {
            matches!(tree.nodes[w].lemma.as_ref(), "counterpart" | "counterparts")
                && tree.children_with(w, Rel::NmodPoss).any(|c| tree.nodes[c].upos == "PRON")
        });
        if is_counterpart && t.code.len() == 3 && !source.code.starts_with(t.code.as_str()) {
            t.code.push_str(sector);
        }
    }
}

/// An actor whose country (or organisation) is known, unlike "---GOV".
fn is_known(a: &ActorRef) -> bool {
    !a.code.starts_with(crate::actors::UNKNOWN_COUNTRY)
}

/// Give an actor of unknown country (`---MIL`) the country the clause shows it is of.
fn give_country(a: &mut ActorRef, country: &str) {
    if let Some(role) = a.code.strip_prefix(crate::actors::UNKNOWN_COUNTRY) {
        a.code = format!("{country}{role}");
    }
}

/// An actor of a known state (not an IGO, NGO, company or transnational group), whose
/// first three letters are its country.
fn is_state_actor(a: &ActorRef) -> bool {
    is_known(a) && !matches!(a.code.get(..3), Some("IGO" | "NGO" | "MNC" | "IMG" | "UIS"))
}

/// Unconventional violence, conventional force, mass violence (18x, 19x, 20x).
fn is_violent(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19" | "20"))
}

fn is_predicate(tree: &Tree, v: usize) -> bool {
    let n = &tree.nodes[v];
    n.upos == "VERB" || (n.upos.is_empty() && n.xpos.starts_with('V'))
}

/// Verbs whose "to" complement is an act announced: "plans to visit", "pledged to send".
const INTENT_VERBS: &[&str] = &["plan", "intend", "promise", "pledge", "vow", "prepare", "agree"];

/// Verbs whose complement is an act threatened: "threatened to impose", "warned it would".
const THREAT_VERBS: &[&str] = &["threaten", "warn"];

/// Verbs that report an intent with "would": "said it would free", "announced it would".
const ANNOUNCING_VERBS: &[&str] =
    &["say", "tell", "announce", "state", "confirm", "declare", "insist", "indicate", "add", "stress", "reiterate", "write", "tweet", "note", "pledge", "promise", "vow"];

/// Whether the act at `v` is announced rather than done: in the future tense ("will
/// meet", "is going to meet"), the "to" complement of a plan, promise or threat, or a
/// "would" clause that someone said. With it, how it was announced and the verb that
/// announced it (`None` when the article itself speaks). Negated and conditional acts
/// are not announced.
fn announced(tree: &Tree, v: usize) -> Option<(Announcement, Option<usize>)> {
    // A noun's event ("will hold talks", "talks will be held") is announced with the verb
    // it hangs on.
    let c = tree.verb_above(v)?;
    if tree.is_negated(c) || tree.is_conditional(c) {
        return None;
    }
    let first = tree.first_conjunct(c);
    let aux_of = |x: usize, words: &[&str]| tree.children_with(x, Rel::Aux).any(|a| words.contains(&tree.nodes[a].lemma.as_ref()));
    let aux = |words: &[&str]| aux_of(c, words) || aux_of(first, words);
    let head = tree.nodes[first].head;
    let head_lemma = head.map(|h| tree.nodes[h].lemma.as_ref());
    // Who said it: a reporting verb the clause is the complement of.
    let reporter = |x: usize| tree.nodes[x].head.filter(|&h| tree.nodes[x].rel == Rel::Ccomp && (ANNOUNCING_VERBS.contains(&tree.nodes[h].lemma.as_ref()) || THREAT_VERBS.contains(&tree.nodes[h].lemma.as_ref())));
    let how = |lemma: &str| if THREAT_VERBS.contains(&lemma) { Announcement::Threat } else { Announcement::Intent };
    if tree.is_modal(c) || tree.is_modal(first) {
        // "said it would free prisoners"; not "could", "might", "should".
        let only_would = aux(&["would", "'d"]) && !aux(&["could", "might", "may", "should", "must", "can", "ca"]);
        return match reporter(first) {
            Some(r) if only_would => Some((how(&tree.nodes[r].lemma), Some(r))),
            _ => None,
        };
    }
    if tree.is_future(c) || tree.is_future(first) {
        // ("Germany will send tanks, Scholz said on Friday": the report hung on the clause.)
        let hung = || tree.children_with(first, Rel::Parataxis).find(|&p| ANNOUNCING_VERBS.contains(&tree.nodes[p].lemma.as_ref()));
        let r = reporter(first).or_else(hung);
        return Some((r.map_or(Announcement::Intent, |r| how(&tree.nodes[r].lemma)), r));
    }
    let h = head?;
    if tree.nodes[first].rel == Rel::Xcomp {
        // "is going to meet"
        if tree.is_going_to(h) {
            return Some((Announcement::Intent, reporter(h)));
        }
        // "Russia will continue to attack", "will seek to meet": the act itself is announced.
        let aspect = matches!(tree.nodes[h].lemma.as_ref(), "continue" | "keep" | "start" | "begin" | "resume" | "seek" | "try");
        if aspect && tree.is_future(h) && !tree.is_negated(h) {
            return Some((Announcement::Intent, reporter(h)));
        }
        let lemma = head_lemma?;
        if INTENT_VERBS.contains(&lemma) || THREAT_VERBS.contains(&lemma) {
            if tree.is_negated(h) || tree.is_conditional(h) || tree.is_modal(h) {
                return None;
            }
            return Some((how(lemma), Some(h)));
        }
    }
    None
}

/// "would not allow Sweden to join NATO", "could force Russia to withdraw": what a verb
/// that did not happen was to bring about did not happen either. (With an internal
/// coding ontology, composition decides what the outer verb makes of its complement:
/// "not allow" + "join" is one refusal.)
fn complement_of_unreal(tree: &Tree, v: usize) -> bool {
    // ("The new law will allow Ukraine to mobilise": nor what a future verb is to bring
    // about.)
    tree.nodes[v].rel == Rel::Xcomp && tree.nodes[v].head.is_some_and(|h| tree.is_negated(h) || tree.is_modal(h) || tree.is_conditional(h) || tree.is_future(h))
}

/// The first verb of the clause an event's anchor is in.
fn clause_of(tree: &Tree, anchor: usize) -> usize {
    tree.first_conjunct(tree.verb_above(anchor).unwrap_or(anchor))
}

/// Under `Future::Announced`, an act announced stands (as its announcement) although it
/// has not happened.
fn stands_announced(tree: &Tree, v: usize, future: Future) -> bool {
    future == Future::Announced && announced(tree, v).is_some()
}

/// Recode an announced act as its announcement (CAMEO's intents and threats); `false`
/// when announcing it is no event ("will say", "plans to ask").
fn code_as_announced(tree: &Tree, mentions: &Mentions, dict: &Dictionaries, f: &mut Found) -> bool {
    if f.settled {
        return true;
    }
    let Some((how, by)) = announced(tree, f.anchor) else { return true };
    // "Analysts say China will invade Taiwan": what someone else says an actor will do is
    // a prediction, not the actor's announcement. An actor announces for itself ("Russia
    // said it will …") or through its own state ("the White House said Biden will …").
    let clause = clause_of(tree, f.anchor);
    // (Not a plan's or a promise's complement: its subject is the planner's.)
    if let Some(r) = by.filter(|&r| tree.nodes[clause].rel != Rel::Xcomp || tree.nodes[clause].head != Some(r)) {
        let speaker = tree.subjects(r).into_iter().find_map(|s| mentions.phrase_actor(tree, dict, s)).filter(is_known);
        let doer = tree.subjects(clause).into_iter().find(|&s| tree.nodes[s].upos != "PRON").and_then(|s| mentions.phrase_actor(tree, dict, s)).filter(is_known);
        let country = |a: &ActorRef| a.code.get(..3).map(str::to_string);
        // (A clause whose subject names no one, "talks will resume", the speaker announces.)
        let own = match (&doer, &speaker) {
            (None, _) => true,
            (Some(d), Some(sp)) => country(d) == country(sp),
            (Some(_), None) => false,
        };
        if !own {
            return false;
        }
    }
    let Some(code) = dyad_dict::announcement_code(&f.code, how) else { return false };
    if code != f.code {
        f.path = format!("{}; announced: {} as {code}", f.path, f.code);
        f.code = code.to_string();
    }
    f.reverse = None;
    f.dated_by = by.map_or(DatedBy::Publication, DatedBy::Word);
    true
}

/// Negated, under a modal, a condition, or the complement of a threat, a warning or a
/// plan: nothing happened (yet).
fn is_hypothetical(tree: &Tree, v: usize) -> bool {
    if tree.is_negated(v) || tree.is_modal(v) || tree.is_conditional(v) {
        return true;
    }
    // "Sanctions will remain until Russia withdraws", "before Iran attacks": a temporal
    // clause in the present speaks of what has not happened yet.
    let prospective = tree.nodes[v].rel == Rel::Advcl
        && matches!(tree.nodes[v].xpos, "VBZ" | "VBP" | "VB")
        && tree.children_with(v, Rel::Mark).any(|m| matches!(tree.nodes[m].lemma.as_ref(), "until" | "till" | "before" | "once" | "when" | "unless"));
    if prospective {
        return true;
    }
    // "will have to work with him", "needs to withdraw": an obligation is not the act.
    let obligation = tree.nodes[v].rel == Rel::Xcomp
        && tree.children_with(v, Rel::Mark).any(|m| tree.nodes[m].lemma.as_ref() == "to")
        && tree.nodes[v].head.is_some_and(|h| matches!(tree.nodes[h].lemma.as_ref(), "have" | "need" | "ought"));
    if obligation {
        return true;
    }
    // "Sweden's bid to join NATO", "a plan to attack": an infinitive on a noun of intent
    // is no act yet.
    let intent_noun = tree.nodes[v].head.is_some_and(|n| {
        matches!(
            tree.nodes[n].lemma.as_ref(),
            "bid" | "plan" | "attempt" | "offer" | "request" | "proposal" | "effort" | "call" | "demand" | "threat" | "promise" | "pledge" | "intention" | "desire" | "readiness" | "willingness" | "push" | "appeal" | "plea" | "ambition" | "hope" | "wish" | "aim" | "goal" | "order"
        )
    });
    if tree.nodes[v].rel == Rel::Acl && intent_noun && tree.children_with(v, Rel::Mark).any(|m| tree.nodes[m].lemma.as_ref() == "to") {
        return true;
    }
    // "a UN resolution condemning its annexation": what a text says is its content, not
    // an act (the act is adopting, vetoing or issuing it).
    let document = tree.nodes[v].head.is_some_and(|n| {
        matches!(
            tree.nodes[n].lemma.as_ref(),
            "resolution" | "statement" | "declaration" | "letter" | "bill" | "law" | "motion" | "report" | "draft" | "proposal" | "communique" | "communiqué" | "decree" | "petition" | "text" | "document"
        )
    });
    if tree.nodes[v].rel == Rel::Acl && document && !tree.is_participle_on_noun(v) {
        return true;
    }
    // "Moscow denied that its forces had struck a hospital": what is denied is not
    // asserted to have happened (the denial itself is the event).
    let first = tree.first_conjunct(v);
    // ("Moscow denied attacking the hospital": a gerund complement too.)
    let reported_by = tree.nodes[first].head.filter(|_| matches!(tree.nodes[first].rel, Rel::Ccomp | Rel::Xcomp));
    if reported_by.is_some_and(|h| matches!(tree.nodes[h].lemma.as_ref(), "deny" | "dismiss" | "refute" | "rebut" | "reject")) {
        return true;
    }
    // "The EU demanded that Russia release the journalists": what is demanded, asked for
    // or proposed has not happened.
    let wished = tree.nodes[first].rel == Rel::Ccomp
        && reported_by.is_some_and(|h| matches!(tree.nodes[h].lemma.as_ref(), "demand" | "urge" | "ask" | "request" | "propose" | "suggest" | "recommend" | "require" | "want" | "hope" | "wish" | "plead" | "press" | "push"));
    if wished {
        return true;
    }
    // "threatened to attack" codes the threat, not an attack; also when the parse hangs
    // the infinitive on the object ("urged Eriador [to respond]" as acl of Eriador).
    let infinitive_on_object = tree.nodes[v].rel == Rel::Acl
        && tree.children_with(v, Rel::Mark).any(|m| tree.nodes[m].lemma.as_ref() == "to")
        && tree.nodes[v].head.is_some_and(|n| matches!(tree.nodes[n].rel, Rel::Obj | Rel::Iobj));
    let controller = if infinitive_on_object { tree.nodes[v].head.and_then(|n| tree.nodes[n].head) } else { None };
    // ("committed to leaving Iraq": an adjective's "to" complement parsed as an adjunct.)
    let adjective_complement = tree.nodes[v].rel == Rel::Advcl && tree.children_with(v, Rel::Mark).any(|m| tree.nodes[m].lemma.as_ref() == "to") && tree.nodes[v].head.is_some_and(|h| tree.nodes[h].upos == "ADJ");
    if tree.nodes[v].rel == Rel::Xcomp || controller.is_some() || adjective_complement {
        if let Some(h) = controller.or(tree.nodes[v].head) {
            if matches!(
                tree.nodes[h].lemma.as_ref(),
                "threaten" | "warn" | "plan" | "intend" | "want" | "hope" | "refuse" | "resist" | "avoid" | "decline" | "fail" | "back" | "support" | "favor" | "favour" | "oppose" | "advocate" | "commit" | "committed" | "determined" | "ready" | "willing" | "eager" | "keen" | "consider" | "apply" | "seek" | "aim" | "wish" | "prepare" | "expect" | "propose" | "recommend" | "suggest" | "promise" | "pledge" | "vow" | "ask" | "urge" | "call" | "demand" | "push" | "press" | "pressure" | "encourage" | "lobby"
            ) {
                return true;
            }
        }
    }
    false
}

/// "The Russian Foreign Ministry summoned the US ambassador. The ministry accused
/// Washington …": a role named with "the" and no country is the reporting speaker's own
/// ("Iranian state media said the navy seized a tanker": Iran's navy), else the one an
/// earlier sentence of the article named.
fn definite_roles(tree: &Tree, mentions: &Mentions, dict: &Dictionaries, context: &ArticleContext, found: &mut Found) {
    let definite = |a: &ActorRef| (a.first.saturating_sub(1)..=a.first).any(|w| tree.nodes.get(w).is_some_and(|n| n.lemma == "the" && n.upos == "DET"));
    let anchor = found.anchor;
    let mut speaker: Option<Option<String>> = None;
    // "Israel's defence minister ordered the army to prepare": a force one commands or
    // sends is one's own.
    let commands = matches!(tree.nodes[anchor].lemma.as_ref(), "order" | "instruct" | "command" | "direct" | "deploy" | "mobilize" | "mobilise" | "dispatch" | "send");
    let commander = found.sources.iter().find(|a| is_state_actor(a)).and_then(|a| a.code.get(..3)).map(str::to_string).filter(|_| commands);
    let sources = found.sources.len();
    for (i, a) in found.sources.iter_mut().chain(found.targets.iter_mut()).enumerate() {
        let Some(role) = a.code.strip_prefix(crate::actors::UNKNOWN_COUNTRY).filter(|r| !r.is_empty() && definite(a)) else { continue };
        // (Else the sentence's own speaker: "Ukraine said the army …" is Ukraine's army
        // whatever army the article named before.)
        let country = match (dyad_dict::is_state_sector(role), &commander) {
            (false, _) => None,
            (true, Some(c)) if i >= sources => Some(c.clone()),
            (true, _) => speaker.get_or_insert_with(|| reporting_country(tree, mentions, dict, anchor)).clone(),
        };
        if let Some(c) = country {
            a.code = format!("{c}{role}");
        } else if let Some(holder) = context.definite_holder(role) {
            // (Else the dateline's: "the army" in a story filed from Khartoum.)
            a.code = holder;
        }
    }
}

/// The country of the state actor that reports the clause of word `v` ("X said …", "…,
/// X said"), if any.
fn reporting_country(tree: &Tree, mentions: &Mentions, dict: &Dictionaries, mut v: usize) -> Option<String> {
    let report = |h: usize| crate::dates::REPORT_VERBS.contains(&tree.nodes[h].lemma.as_ref());
    let speaker_of = |h: usize| tree.subjects(h).into_iter().find_map(|s| mentions.phrase_actor(tree, dict, s)).filter(is_state_actor).and_then(|a| a.code.get(..3).map(str::to_string));
    for _ in 0..6 {
        if let Some(c) = tree.children_with(v, Rel::Parataxis).filter(|&c| report(c)).find_map(speaker_of) {
            return Some(c);
        }
        let head = tree.nodes[v].head?;
        match tree.nodes[v].rel {
            Rel::Ccomp if report(head) => return speaker_of(head),
            Rel::Conj | Rel::Xcomp | Rel::Ccomp | Rel::Obj | Rel::Nsubj | Rel::Advcl => v = head,
            _ => return None,
        }
    }
    None
}

/// "A suicide bomber killed 20 people at a mosque": the act a verb's subject names (a
/// suicide bombing) is the verb's act, coded more precisely; where the noun's own phrase
/// names no target it takes the verb's, and the verb's coding of the same act goes.
fn subject_acts_take_the_verbs_target(tree: &Tree, nouns: &mut [Found], verbs: &mut Vec<Found>) {
    let violent = |c: &str| is_violent(c) || c.starts_with("145");
    let codes = |actors: &[ActorRef]| actors.iter().map(|a| a.code.clone()).collect::<Vec<_>>();
    let mut merged: Vec<usize> = Vec::new();
    for noun in nouns.iter_mut() {
        let Some(h) = tree.nodes[noun.anchor].head.filter(|_| noun.targets.is_empty() && violent(&noun.code) && tree.nodes[noun.anchor].rel == Rel::Nsubj) else { continue };
        if let Some(verb) = verbs.iter().find(|f| f.anchor == h && !f.targets.is_empty() && violent(&f.code) && codes(&f.sources) == codes(&noun.sources)) {
            noun.targets = verb.targets.clone();
            noun.place = noun.place.clone().or_else(|| verb.place.clone());
            noun.path = format!("{}; target of {}", noun.path, tree.nodes[h].form);
            merged.push(h);
        }
    }
    verbs.retain(|f| !(merged.contains(&f.anchor) && violent(&f.code)));
}

/// What one verb codes before actors are distributed.
struct Found {
    code: String,
    reverse: Option<String>,
    sources: Vec<ActorRef>,
    targets: Vec<ActorRef>,
    anchor: usize,
    pattern: String,
    origin: Option<dyad_dict::Origin>,
    path: String,
    /// The place a target slot named, when it stood for its country.
    place: Option<crate::places::Location>,
    /// Complement verbs whose words the pattern named ("SRC agree to lift &SANCTION"
    /// names "lift"): their act is this event's, not one of their own.
    covers: Vec<usize>,
    /// Whether the code already says in what mood the act stands (a negation or a
    /// composition through the ontology did), so announcing it changes nothing.
    settled: bool,
    dated_by: DatedBy,
}

fn code_verb(tree: &Tree, mentions: &Mentions, dict: &Dictionaries, v: usize, places: Option<Date>) -> Option<Found> {
    // Dictionaries may list an inflected form as a verb of its own ("LEFT" = depart, apart
    // from "LEAVE" = leave behind): the form's entry, when there is one, is the sharper.
    let form = tree.nodes[v].form.to_lowercase();
    // A lemma the dictionaries do not know may be the parser's mistake ("jailed" → "jaile"):
    // then the dictionaries' own inflected forms say which verb the word is.
    let parsed: &str = tree.nodes[v].lemma.as_ref();
    // Not a form that only begins a multi-word verb absent here ("+ATTACKED_AND_STABBED").
    let form_is_verb = dict.verb_blocks(&form).any(|(_, verb)| verb.is_none_or(|w| !w.is_multiword() || multiword_present(tree, v, &w.after, &w.before)));
    let lemma = if form != parsed && form_is_verb {
        form.as_str()
    } else if dict.verb_blocks(parsed).next().is_none() {
        dict.verb_lemmas_of_form(&form).first().map(|l| &**l).unwrap_or(parsed)
    } else {
        parsed
    };
    if misspelt_inflection(&form, lemma) {
        return None;
    }
    // "is going to visit": the future, not a journey.
    if lemma == "go" && tree.is_going_to(v) {
        return None;
    }
    let passive = tree.is_passive(v);
    let subject_nodes: Vec<usize> = if passive {
        tree.children_with(v, Rel::Agent).collect()
    } else {
        let s = tree.subjects(v);
        if s.is_empty() { stranded_subject(tree, mentions, dict, v).into_iter().collect() } else { s }
    };
    let object_nodes: Vec<usize> = if passive {
        let mut t: Vec<usize> = tree.children_with(v, Rel::NsubjPass).collect();
        if t.is_empty() {
            // "soldiers killed in Ukraine": the noun a participle modifies is its patient.
            let on_noun = tree.is_participle_on_noun(v);
            t = tree.subjects(v).into_iter().filter(|&s| on_noun || tree.nodes[s].rel == Rel::NsubjPass).collect();
        }
        t
    } else {
        // ("warned [iobj Washington] not to interfere": a parse may call the only object
        // indirect.)
        let direct: Vec<usize> = tree.children_with(v, Rel::Obj).collect();
        let mut objects = if direct.is_empty() { tree.children_with(v, Rel::Iobj).collect() } else { direct };
        // "left Moscow after talks", "after leaving Eriador": the place a departure is
        // from is no party to it (leaving an alliance is another matter).
        if matches!(lemma, "leave" | "depart" | "exit" | "flee" | "quit") {
            objects.retain(|&o| !mentions.phrase_actor(tree, dict, o).is_some_and(|a| a.is_place_name(dict)));
        }
        objects
    };

    let surface_subjects: Vec<usize> = tree
        .nodes[v]
        .children
        .iter()
        .copied()
        .filter(|&c| matches!(tree.nodes[c].rel, Rel::Nsubj | Rel::NsubjPass))
        .collect();
    let surface_subjects = if surface_subjects.is_empty() { tree.subjects(v) } else { surface_subjects };
    // The subject of a passive is what was acted on: "a mortar bomb was fired" is no
    // weapon firing (`- &WEAPON *`); its words are the object's.
    let subject_words = surface_subjects.iter().filter(|s| !object_nodes.contains(s)).chain(&subject_nodes).flat_map(|&s| phrase_words(tree, s)).collect();
    // (Looked up only for an object that names no actor and is written with a capital.)
    let named_place_object = places.and_then(|day| {
        object_nodes.first().copied().filter(|&o| tree.nodes[o].upos == "PROPN" && mentions.phrase_actor(tree, dict, o).is_none() && place_actor(tree, dict, o, day).is_some())
    });
    let mut slots = Slots {
        logical_subjects: subject_nodes.clone(),
        named_place_object,
        logical_objects: object_nodes.clone(),
        surface_subjects,
        subject_words,
        fronted_object_words: Vec::new(),
    };
    slots.fronted_object_words = fronted_object_words(tree, v, &slots);

    // The best pattern: most specific first, then dictionary order.
    let mut best: Option<(&Pattern, Binding)> = None;
    let scope = Scope::of(tree, v);
    // ("Russian air defences shot down drones over the Belgorod region" is no `SRC shoot
    // down &WEAPON over TGT`, 074: a state guards others with aid, not itself.)
    let country_at = |n: usize| mentions.phrase_actor(tree, dict, n).filter(is_state_actor).and_then(|a| a.code.get(..3).map(str::to_string));
    let subject_country = || slots.logical_subjects.first().and_then(|&s| country_at(s));
    for p in dict.verb_patterns(lemma) {
        if let Some(b) = bind(tree, mentions, dict, v, p, &slots, &scope) {
            let aid = p.code.as_ref().is_some_and(|c| c.as_str().starts_with("07"));
            let place_country = || b.target.or(b.target_place).and_then(|t| country_at(t).or_else(|| places.and_then(|day| place_actor(tree, dict, t, day)).and_then(|(a, _)| a.code.get(..3).map(str::to_string))));
            let giver = || b.source.and_then(country_at).or_else(subject_country);
            if aid && giver().is_some_and(|g| place_country().is_some_and(|t| t == g)) {
                continue;
            }
            let better = match &best {
                None => true,
                Some((q, c)) => better_match(p, &b, q, c),
            };
            if better {
                best = Some((p, b));
            }
        }
    }
    // Multi-word verbs ("cordon off") and the verb's own code.
    let own_code = dict.verb_blocks(lemma).find_map(|(block, verb)| {
        let verb = verb?;
        if verb.is_multiword() && !multiword_present(tree, v, &verb.after, &verb.before) {
            return None;
        }
        let reverse = if verb.code.is_some() { verb.reverse_code.clone() } else { block.reverse_code.clone() };
        verb.code.clone().or_else(|| block.code.clone()).map(|c| (c, reverse, verb.origin))
    });

    // A dyad pattern says where its target is ("SRC fight TGT" takes the object only); a
    // PETRARCH pattern's slots are positions, and a verb alone names none, so for them the
    // target is searched for among the verb's other dependents.
    let mut search_target = true;
    let mut flipped = false;
    let target_place = best.as_ref().and_then(|(_, b)| b.target_place);
    // "* (FOR) [113]", "* (FOR ASYLUM)": a preposition the pattern names marks a
    // participant even where it usually does not ("called for a boycott against
    // Osgiliath", "bargain for asylum in Gondor").
    // "* ASYLUM [1033]" matched in "bargain for foreign asylum in Gondor": the phrase the
    // pattern's word is in holds the participant.
    // "expressed sorrow for the shootings in South Carolina" (`* SORROW`), the for-phrase
    // hung on the verb: a phrase right after the pattern's word is that word's.
    let pattern_phrases: Vec<usize> = best
        .as_ref()
        .map(|(_, b)| {
            // (The phrase begins with its preposition, right after the word.)
            let after_words = b.words.iter().filter_map(|&w| tree.nodes.get(w + 1).filter(|n| n.rel == Rel::Case).and_then(|n| n.head));
            let phrases = b.words.iter().copied().chain(after_words);
            let mut out: Vec<usize> = phrases.filter(|&c| tree.nodes[c].rel == Rel::Obl && tree.nodes[c].head == Some(v)).collect();
            out.sort_unstable();
            out.dedup();
            out
        })
        .unwrap_or_default();
    // "vowed to wage war on the Rohans" (`* WAR`): a complement the pattern reached into
    // holds the participants of the act the pattern names.
    let pattern_complements: Vec<usize> = best
        .as_ref()
        .map(|(_, b)| tree.children_with(v, Rel::Xcomp).filter(|&x| b.words.iter().any(|&w| w == x || tree.nodes[w].head == Some(x))).collect())
        .unwrap_or_default();
    let pattern_preps: Vec<Box<str>> = best.as_ref().map(|(p, _)| p.elements.iter().filter(|e| !matches!(e.term, Term::Target | Term::Source)).flat_map(|e| e.prep.iter().cloned()).collect()).unwrap_or_default();
    let pattern_words: Vec<usize> = best.as_ref().map(|(_, b)| b.words.clone()).unwrap_or_default();
    // A transitive pattern ("SRC leave TGT") used with no object: conjoined subjects are
    // doing it together, not to each other ("the Spanish and Thai contingents are
    // leaving").
    // (Meeting, talking, agreeing or clashing with no object are done to each other:
    // "the foreign ministers of Saudi Arabia and Iran met in Beijing".)
    let intransitive_use = object_nodes.is_empty() && best.as_ref().is_some_and(|(p, _)| p.elements.iter().any(|e| e.term == Term::Target && e.prep.is_empty() && e.side == Side::After));
    let mut source_after_verb = false;
    let (code, reverse, source_node, target_node, pattern, origin) = match best {
        Some((p, b)) => {
            // "* ASSURANCE [:030]" codes only the other way round: who gave the
            // assurance to the one who received it. A null-coded pattern blocks the verb.
            let (code, reverse) = match (&p.code, &p.reverse_code) {
                (Some(c), r) => (c.clone(), r.clone()),
                (None, Some(r)) => {
                    flipped = true;
                    (r.clone(), None)
                }
                (None, None) => return None,
            };
            // (Unless the phrase in its slot names nobody: then whom the act concerns is
            // looked for as for any pattern, "handed the prisoners over to the Red Cross".)
            search_target = !(p.dialect == dyad_dict::Dialect::Dyad && p.has_target()) || b.target_unnamed && places_unnamed(tree, dict, b.target_place, places);
            // "* AID FROM $": the source named after the verb acts on the subject.
            source_after_verb = b.source.is_some_and(|s| !subject_nodes.contains(&s)) && !p.has_target() && p.elements.iter().any(|e| e.term == Term::Source && e.side == Side::After);
            (code.as_str().to_string(), reverse.map(|c| c.as_str().to_string()), b.source, b.target, p.text.to_string(), Some(p.origin))
        }
        None => {
            let (code, reverse, origin) = own_code?;
            (code.as_str().to_string(), reverse.map(|r| r.as_str().to_string()), None, None, "verb".to_string(), Some(origin))
        }
    };
    // "Arnor is said to be about to restore ties": a passive statement verb raising its
    // subject is hearsay about that subject, no statement by anyone.
    if passive && subject_nodes.is_empty() && code.starts_with("01") && tree.has_child(v, Rel::Xcomp) {
        return None;
    }
    let grammatical_subjects = subject_nodes.clone();
    let subject_nodes = match source_node {
        Some(s) => vec![s],
        None => subject_nodes,
    };

    let actors_of = |nodes: &[usize]| actors_of(tree, mentions, dict, nodes);
    let mut sources = actors_of(&subject_nodes);
    if passive && sources.is_empty() {
        sources = actors_of(&instrument_agents(tree, &subject_nodes));
    }
    // "A report released in the Rwandan capital alleged …", "an attack carried out by
    // rebels killed …": a subject that names no one is by whom, or from where, the
    // participle on it says it came.
    if !passive && sources.is_empty() {
        // (Parses hang such a participle on the verb too, right after the subject.)
        let participle = |p: usize| tree.nodes[p].rel == Rel::Acl && matches!(tree.nodes[p].xpos, "VBN" | "VBD") && !tree.has_child(p, Rel::Nsubj) && !tree.has_child(p, Rel::Aux);
        let origins: Vec<usize> = subject_nodes
            .iter()
            .flat_map(|&s| tree.nodes[s].children.iter().chain(tree.nodes[v].children.iter().filter(move |&&p| p > s && p < v)).copied().filter(|&p| participle(p)).collect::<Vec<_>>())
            .flat_map(|p| tree.nodes[p].children.iter().copied().filter(|&c| tree.nodes[c].rel == Rel::Agent || matches!(tree.prep(c), Some("by" | "in" | "from"))).collect::<Vec<_>>())
            .collect();
        let known: Vec<usize> = origins.into_iter().filter(|&c| mentions.phrase_actor(tree, dict, c).is_some_and(|a| is_known(&a))).take(1).collect();
        sources = actors_of(&known);
    }
    // The party taken as the source is not also the target.
    let mut party: Option<usize> = None;
    // "killed in an attack carried out by rebels": without an agent, the agent of a
    // participle on one of the passive's obliques; or the by-phrase of the oblique's noun
    // itself ("killed in an air strike by government forces").
    if passive && sources.is_empty() && subject_nodes.is_empty() {
        let obliques: Vec<usize> = tree.nodes[v].children.iter().copied().filter(|&c| tree.nodes[c].rel == Rel::Obl).collect();
        sources = actors_of(&instrument_agents(tree, &obliques));
        if sources.is_empty() {
            let by_phrases: Vec<usize> = obliques.iter().flat_map(|&o| tree.children_with(o, Rel::Nmod).filter(|&n| tree.prep(n) == Some("by")).collect::<Vec<_>>()).collect();
            sources = actors_of(&by_phrases);
            party = by_phrases.first().copied();
        }
        // ("wounded in a PKK attack", "killed in an Israeli air strike": the doer the
        // event noun itself names.)
        if sources.is_empty() {
            let event_noun = |o: &usize| matches!(tree.prep(*o), Some("in" | "during" | "by")) && dict.noun_patterns(&tree.nodes[*o].lemma).next().is_some();
            let doers: Vec<usize> = obliques.iter().copied().filter(event_noun).filter(|&o| mentions.phrase_actor(tree, dict, o).is_some_and(|a| is_known(&a))).take(1).collect();
            sources = actors_of(&doers);
            party = doers.first().copied();
        }
    }
    // "The Philippines was criticized over its dispute with Eriador": a passive without
    // its agent takes, as the field's coders do, the other party the clause names.
    let has_by_phrase = tree.nodes[v].children.iter().any(|&c| tree.prep(c) == Some("by"));
    // (Not a participle on a noun: "people suspected of links to the Islamic State" are
    // suspected by someone unnamed, not by the group; unless the noun is all the clause
    // says there is, "there were 10 soldiers killed in Ukraine".)
    let existential = |n: usize| tree.nodes[n].head.is_some_and(|h| tree.nodes[h].lemma == "be" && tree.nodes[h].children.iter().any(|&c| tree.nodes[c].label == "expl"));
    let clause_like = !tree.is_participle_on_noun(v) || tree.nodes[v].head.is_some_and(existential);
    if passive && subject_nodes.is_empty() && sources.is_empty() && !has_by_phrase && clause_like {
        let known = |c: &usize| mentions.phrase_actor(tree, dict, *c).is_some_and(|a| is_known(&a));
        // (Not where an attack the clause names happened: "killed in an attack in northern
        // Mali" names no attacker; "killed in Ukraine", as the field codes it, does.)
        let attack_noun = |n: usize| is_attack_noun(tree, dict, n);
        let scene = |c: &usize| is_violent(&code) && is_locative(tree.prep(*c)) && tree.nodes[*c].head.is_some_and(attack_noun);
        let parties: Vec<usize> = participant_obliques(tree, v)
            .flat_map(|o| std::iter::once(o).chain(nominal_chain(tree, o)))
            .filter(|&c| !object_nodes.contains(&c))
            .filter(|c| !scene(c))
            .filter(known)
            .collect();
        // "a mortar bomb was fired at it from the Gaza Strip": where the act came from is
        // who did it, before any other party.
        party = parties.iter().copied().find(|&c| tree.prep(c) == Some("from")).or(parties.first().copied());
        sources = actors_of(&party.into_iter().collect::<Vec<_>>());
    }
    let target_nodes: Vec<usize> = match target_node {
        // "shot down 30 of 35 drones launched by Russia": a target of unknown country that
        // a participle says whose it is, is that one's; so is where it came from ("a drone
        // launched from Yemen").
        Some(t) if !mentions.phrase_actor(tree, dict, t).is_some_and(|a| is_known(&a)) => {
            let whose = |c: usize| tree.nodes[c].rel == Rel::Agent || matches!(tree.nodes[c].rel, Rel::Obl | Rel::Nmod) && tree.prep(c) == Some("from");
            let owner = std::iter::once(t)
                .chain(nominal_chain(tree, t))
                .flat_map(|n| tree.nodes[n].children.iter().copied().filter(|&c| tree.nodes[c].rel == Rel::Acl).collect::<Vec<_>>())
                .flat_map(|p| tree.nodes[p].children.iter().copied().filter(|&c| whose(c)).collect::<Vec<_>>())
                .find(|&a| mentions.phrase_actor(tree, dict, a).is_some_and(|x| is_known(&x)));
            vec![owner.unwrap_or(t)]
        }
        Some(t) => vec![t],
        None if source_after_verb && !grammatical_subjects.is_empty() => grammatical_subjects,
        // "endorsed an association agreement with the European Union", "condemned
        // allegations by Rwanda" (`SRC endorse TGT`): where the object the slot names is
        // no actor, the actor its phrase is with, against or by.
        None if !search_target => object_nodes
            .iter()
            .flat_map(|&o| nominal_chain(tree, o))
            .filter(|&c| matches!(tree.prep(c), Some("with" | "against" | "by" | "from" | "to" | "toward" | "towards" | "on" | "over")))
            .find(|&c| mentions.phrase_actor(tree, dict, c).is_some_and(|a| is_known(&a)))
            .into_iter()
            .collect(),
        None => {
            // No slot bound: the object, else the first oblique that names an actor, else
            // an actor in a prepositional phrase of the object ("restored ties with Gondor").
            // "received ministers from the Georgian government": an object whose
            // country is unknown gives way to an oblique that names a known actor.
            let mut t = object_nodes.clone();
            let unknown = actors_of(&t).iter().all(|a| !is_known(a));
            if unknown {
                // "resumed fighting in Khartoum": a seat of government the act happened in
                // is where, not whom.
                // (The verb's own place only: "an attack on a concert hall near Moscow" is on
                // a place in Russia.)
                // ("held a summit at Camp David": "at" a seat is where, except for force:
                // "fired at the Kremlin".)
                let at_seat = |c: usize| tree.prep(c) == Some("at") && !is_violent(&code);
                let where_it_happened = |c: usize, a: &ActorRef| (tree.nodes[c].head == Some(v) && is_locative(tree.prep(c)) || at_seat(c)) && a.is_seat(dict);
                let any_actor = |c: &usize| Some(*c) != party && mentions.phrase_actor(tree, dict, *c).is_some_and(|a| !where_it_happened(*c, &a));
                let names_actor = |c: &usize| Some(*c) != party && mentions.phrase_actor(tree, dict, *c).is_some_and(|a| is_known(&a) && !where_it_happened(*c, &a));
                // Where it happened ranks after whom it involved: "celebrated Iftar in
                // Osgiliath with the leaders of Gondor".
                // "issued arrest warrants for two Brazilian men": a for-phrase that itself
                // names the actor is the target (but "fight for a future in Europe" is not).
                let for_actor = tree.nodes[v].children.iter().copied().filter(|&c| tree.nodes[c].rel == Rel::Obl && tree.prep(c) == Some("for"));
                let complement_parties = pattern_complements.iter().flat_map(|&x| tree.children_with(x, Rel::Obj).chain(participant_obliques(tree, x)));
                let mut named: Vec<usize> = participant_obliques(tree, v).chain(for_actor).chain(complement_parties).filter(names_actor).collect();
                named.dedup();
                named.sort_by_key(|&c| matches!(tree.prep(c), Some("in" | "at" | "near" | "inside" | "across" | "throughout")));
                t = named.into_iter().take(1).collect();
                // "fired tear gas at protesters" (`SRC fire &RIOTCONTROL at;on &PROTESTER`):
                // the people a pattern names in a phrase of the verb are whom it was done to.
                if t.is_empty() {
                    t = pattern_words.iter().copied().filter(|&w| w > v && tree.nodes[w].rel == Rel::Obl).find(any_actor).into_iter().collect();
                }
                if t.is_empty() {
                    // Deeper: in the phrases of the object or of a participant oblique
                    // ("risen in the dispute with Osgiliath", "cordoned off the roads
                    // leading into Mordor").
                    let named_by_pattern = tree.nodes[v].children.iter().copied().filter(|&c| matches!(tree.nodes[c].rel, Rel::Obl) && prep_matches(tree, c, &pattern_preps));
                    // "appealed for peace in Ithilen", "called for sanctions against Russia":
                    // what an appeal or a demand is for names whom it concerns; so does
                    // what is arranged or worked for ("arranged for the reopening of guest
                    // houses in Bree").
                    let brings_about = matches!(lemma, "arrange" | "push" | "press" | "lobby" | "campaign" | "work" | "negotiate" | "prepare" | "plan" | "pave");
                    let requests = matches!(code.get(..2), Some("02" | "10")) || brings_about;
                    let requested = tree.nodes[v].children.iter().copied().filter(move |&c| requests && tree.nodes[c].rel == Rel::Obl && tree.prep(c) == Some("for"));
                    // ("begun to question whether he has a future with the Orcs": and in
                    // the objects of the complement's own clause.)
                    let complement_objects = pattern_complements.iter().flat_map(|&x| {
                        let clauses = std::iter::once(x).chain(tree.children_with(x, Rel::Ccomp));
                        clauses.flat_map(|c| tree.children_with(c, Rel::Obj).chain(participant_obliques(tree, c))).collect::<Vec<_>>()
                    });
                    let starts: Vec<usize> = object_nodes
                        .iter()
                        .copied()
                        .chain(participant_obliques(tree, v))
                        .chain(named_by_pattern)
                        .chain(requested)
                        .chain(pattern_phrases.iter().copied())
                        .chain(complement_objects)
                        .collect();
                    let deep: Vec<usize> = starts
                        .iter()
                        // (participles on the nouns of the chain too: "assurances on
                        // cultural issues sent from Bree")
                        .flat_map(|&o| {
                            let chain = nominal_chain(tree, o);
                            // A reversed pattern's other party acts on the subject: it is in
                            // the object's phrases ("pressure from Congress"), not in a clause
                            // on it ("to help Iran").
                            let clauses: Vec<usize> = if flipped { Vec::new() } else { std::iter::once(o).chain(chain.iter().copied()).flat_map(|n| clause_objects(tree, n)).collect() };
                            chain.into_iter().chain(clauses)
                        })
                        .filter(|&c| {
                            // Not the verb's own dependents, reached back through the noun
                            // it modifies ("an agreement forced on Qatar by Saudi Arabia":
                            // the agent is the source, not the target).
                            tree.nodes[c].head != Some(v) &&
                            // The object of a clause on the object: "abandoned efforts to
                            // stop an anti-Gondor parade".
                            (tree.nodes[c].rel == Rel::Obj
                                // ("welcomed memos about Bree" for `* {&TIETYPES MEMOS} (ABOUT)`:
                                // the preposition the pattern names marks the participant.)
                                || prep_matches(tree, c, &pattern_preps)
                                || matches!(tree.nodes[c].rel, Rel::Nmod | Rel::Obl | Rel::Agent)
                                && matches!(
                                    tree.prep(c).as_deref(),
                                    Some("with" | "between" | "to" | "on" | "against" | "for" | "from" | "at" | "by" | "of" | "toward" | "towards" | "into" | "over" | "near" | "in")
                                ))
                        })
                        .collect();
                    // "faces pressure from Congress": failing a known actor, one of unknown
                    // country (---LEG) still acts on a known subject.
                    // ("clashed with police": a participant of unknown country after the
                    // deeper known ones.)
                    t = deep
                        .iter()
                        .copied()
                        .find(names_actor)
                        .or_else(|| participant_obliques(tree, v).find(any_actor))
                        .or_else(|| deep.iter().copied().find(any_actor))
                        .into_iter()
                        .collect();
                }
                // "Russia denied that its forces had struck a hospital in Kyiv": a denial
                // concerns whom the denied act was done to (not who did it: "its forces" are
                // Moscow's own).
                if t.is_empty() && !passive && matches!(lemma, "deny" | "dismiss" | "refute" | "rebut" | "reject") {
                    t = tree
                        .nodes[v]
                        .children
                        .iter()
                        .copied()
                        .filter(|&c| matches!(tree.nodes[c].rel, Rel::Ccomp | Rel::Xcomp))
                        .flat_map(|c| tree.children_with(c, Rel::Obj).chain(participant_obliques(tree, c)).collect::<Vec<_>>())
                        .flat_map(|o| std::iter::once(o).chain(nominal_chain(tree, o)))
                        .filter(names_actor)
                        .take(1)
                        .collect();
                }
                // "Arnor believes Dagolath can cope": with no object, the clause's
                // subject is whom the verb is about.
                // ("expressed hopes that Osgiliath could be drawn into …": a that-clause
                // is the content of the act, whatever the parse hangs it on.)
                let that_clause = |c: usize| tree.children_with(c, Rel::Mark).any(|m| tree.nodes[m].lemma.as_ref() == "that");
                if t.is_empty() && !passive {
                    // ("said that an arms embargo against Mordor would not work": the
                    // subject's own phrases too.)
                    t = tree.nodes[v]
                        .children
                        .iter()
                        .copied()
                        .filter(|&c| match tree.nodes[c].rel {
                            Rel::Ccomp => object_nodes.is_empty() || that_clause(c),
                            Rel::Advcl => that_clause(c),
                            _ => false,
                        })
                        .flat_map(|c| tree.nodes[c].children.iter().copied().filter(|&s| matches!(tree.nodes[s].rel, Rel::Nsubj | Rel::NsubjPass)).collect::<Vec<_>>())
                        .flat_map(|s| std::iter::once(s).chain(nominal_chain(tree, s)))
                        .filter(names_actor)
                        .take(1)
                        .collect();
                }
                // "signed an accord to supply Gondor with wheat": the purpose clause
                // names whom the act is for.
                if t.is_empty() && !passive {
                    t = tree
                        .children_with(v, Rel::Advcl)
                        .filter(|&c| tree.children_with(c, Rel::Mark).any(|m| tree.nodes[m].lemma.as_ref() == "to") && !tree.has_child(c, Rel::Nsubj))
                        .flat_map(|c| tree.children_with(c, Rel::Obj).collect::<Vec<_>>())
                        .filter(names_actor)
                        .take(1)
                        .collect();
                }
                // ("fired a ballistic missile into the sea": a weapon of no known country
                // is what was fired, not at whom.)
                if t.is_empty() {
                    let instrument = |o: &usize| dict.in_synset("WEAPON", &tree.nodes[*o].lemma) && !mentions.phrase_actor(tree, dict, *o).is_some_and(|a| is_known(&a));
                    t = object_nodes.iter().copied().filter(|o| !instrument(o)).collect();
                }
            }
            t
        }
    };
    let mut targets = actors_of(&target_nodes);
    seats_as_places(tree, dict, &code, &mut targets);
    let mut place = None;
    if let (true, Some(day)) = (targets.is_empty(), places) {
        // ("shelled the town of Vovchansk" by `SRC shell &TOWN`: the object itself.)
        let object_place = || if search_target { object_nodes.first().copied() } else { None };
        if let Some((mut actor, location)) = target_place.or_else(object_place).and_then(|t| place_actor(tree, dict, t, day)) {
            // "Russian forces captured the town of Avdiivka": a place its controller on the
            // day took is not taken from itself; it was the country's it lies in.
            if sources.iter().any(|s| s.code.get(..3) == actor.code.get(..3)) {
                actor.code = location.country.clone();
            }
            targets.push(actor);
            place = Some(location);
        } else if let Some(o) = object_nodes.first().copied().filter(|&o| search_target && dict.in_synset("TOWN", &tree.nodes[o].lemma)) {
            // "captured the village of Novomykhailivka in the Donetsk region": a settlement
            // too small for the gazetteer lies in the country of the place the clause
            // names.
            let gazetteer = crate::places::Gazetteer::embedded();
            if let Some(location) = crate::places::event_place(tree, v, gazetteer, &[]) {
                let mut actor = ActorRef { code: location.country.clone(), name: Some(location.name.clone()), id: None, first: tree.leftmost(o), last: tree.rightmost(o) };
                if let Some(controller) = dict.territory_controller(&location.name, day) {
                    actor.code = controller.as_str().to_string();
                }
                if sources.iter().any(|s| s.code.get(..3) == actor.code.get(..3)) {
                    actor.code = location.country.clone();
                }
                targets.push(actor);
                place = Some(location);
            }
        }
    }
    // "used water cannon and tear gas to disperse protesters": force used on things to an
    // end is used on whom the end names.
    // So is violence against a thing whose participle names the victims: "stormed a hotel
    // in Mogadishu, killing at least 12 people".
    if matches!(code.get(..2), Some("17" | "18" | "19" | "20")) && !targets.iter().any(is_known) {
        let elaborating = |c: usize| {
            tree.nodes[c].rel == Rel::Advcl && tree.nodes[c].xpos == "VBG" && !tree.has_child(c, Rel::Mark) && !tree.has_child(c, Rel::Nsubj) && matches!(tree.nodes[c].lemma.as_ref(), "kill" | "wound" | "injure" | "maim")
        };
        let purpose = tree.nodes[v].children.iter().copied().filter(|&c| matches!(tree.nodes[c].rel, Rel::Advcl | Rel::Xcomp) && tree.children_with(c, Rel::Mark).any(|m| tree.nodes[m].lemma.as_ref() == "to") || elaborating(c));
        // (Through the noun's own phrases: "to break up a rally of opposition supporters".)
        let aimed: Vec<usize> = purpose.flat_map(|c| tree.children_with(c, Rel::Obj).collect::<Vec<_>>()).collect();
        let chain: Vec<usize> = aimed.iter().flat_map(|&o| std::iter::once(o).chain(nominal_chain(tree, o))).collect();
        let actors = chain.iter().map(|&o| actors_of(&[o])).find(|a| !a.is_empty()).unwrap_or_default();
        if !actors.is_empty() {
            targets = actors;
        }
    }
    // "Thousands of people protested in Belgrade": people of no stated country protesting
    // in a place are of its country. (Not forces striking there: "its forces struck a
    // hospital in Kyiv" are no Ukrainian forces.)
    // So are people of no stated country attacked, abducted or killed in a place ("gunmen
    // kidnapped 15 villagers in Zamfara state").
    let societal = |a: &ActorRef| matches!(a.code.get(3..6), Some("CVL" | "OPP" | "LAB" | "EDU" | "AGR" | "REL" | "MED" | "HLH"));
    let protest = code.starts_with("14") && sources.iter().any(|a| !is_known(a) && societal(a));
    // (Victims of violence of any role: "killed 15 soldiers in northern Burkina Faso" are
    // Burkina Faso's soldiers.)
    let victim = |a: &ActorRef| !is_known(a);
    let violence = is_violent(&code) && targets.iter().any(victim);
    if protest || violence {
        let country_of = |c: usize| {
            let named = mentions.phrase_actor(tree, dict, c).filter(is_known).map(|a| a.code);
            let placed = || places.and_then(|day| place_actor(tree, dict, c, day)).map(|(a, _)| a.code);
            named.or_else(placed).and_then(|code| code.get(..3).map(str::to_string))
        };
        // (The victims' own place too: "villagers in Zamfara state".)
        // (And the attack the clause names: "killed in a missile strike on Odesa".)
        let attacks: Vec<usize> = tree.nodes[v].children.iter().copied().filter(|&c| tree.nodes[c].rel == Rel::Obl && is_attack_noun(tree, dict, c)).collect();
        let holders = std::iter::once(v).chain(if violence { object_nodes.iter().copied().chain(attacks).collect() } else { Vec::new() });
        // ("abducted 200 schoolgirls from Chibok": where they were taken from.)
        // (Not "near the Chinese border", which two countries share.)
        let where_prep = |c: usize| !is_border(tree, c) && (is_locative(tree.prep(c)) || violence && matches!(tree.prep(c), Some("from" | "on")));
        // (A place, not an event: "killed in a Russian missile strike" is not in Russia.)
        let here = holders.flat_map(|h| tree.nodes[h].children.clone()).filter(|&c| matches!(tree.nodes[c].rel, Rel::Obl | Rel::Nmod) && where_prep(c) && !is_attack_noun(tree, dict, c)).find_map(country_of);
        if let Some(country) = here {
            let people = if protest { &mut sources } else { &mut targets };
            for a in people.iter_mut().filter(|a| if protest { !is_known(a) && societal(a) } else { victim(a) }) {
                give_country(a, &country);
            }
        }
    }
    // "Myanmar's resistance forces seized a military base": the state forces a country's
    // rebels fight, where nothing says whose, are that country's.
    if is_violent(&code) {
        // (Only rebels named by their country, "Rebels in eastern Congo", "Myanmar's
        // resistance forces": a named group may fight a foreign state, as Hamas does.)
        let insurgent = sources.iter().find(|a| a.id.is_none() && is_known(a) && a.code.get(3..6).is_some_and(|r| crate::actors::ARMED_ROLES.contains(&r))).and_then(|a| a.code.get(..3)).map(str::to_string);
        if let Some(country) = insurgent.filter(|c| !matches!(c.as_str(), "IGO" | "NGO" | "IMG" | "MNC" | "UIS")) {
            for a in targets.iter_mut().filter(|a| victim(a) && a.code.get(3..).is_some_and(dyad_dict::is_state_sector)) {
                give_country(a, &country);
            }
        }
    }
    // "The Taliban banned women from working", "Germany arrested three men": people of no
    // stated country whom a state arrests, bans or represses are its own.
    if code.starts_with("17") {
        let ruler = sources.iter().find(|a| is_state_actor(a));
        let state = ruler.and_then(|a| a.code.get(..3)).map(str::to_string);
        // (Whoever a state arrests or charges without a stated country is its own: "arrested
        // a former vice president"; but the soldiers an armed group holds are its enemy's.)
        let arrest = code.starts_with("173") && ruler.is_some_and(|a| !crate::actors::is_armed_group(&a.code));
        if let Some(country) = state {
            for a in targets.iter_mut().filter(|a| !is_known(a) && (societal(a) || arrest)) {
                give_country(a, &country);
            }
        }
        // ("Riot police fired rubber bullets at opposition supporters in Dhaka": the state
        // organ of no stated country that represses a country's people is that country's.)
        let repressed = targets.iter().find(|a| is_state_actor(a) && societal(a)).and_then(|a| a.code.get(..3)).map(str::to_string);
        if let Some(country) = repressed {
            for a in sources.iter_mut().filter(|a| !is_known(a) && a.code.get(3..6).is_some_and(dyad_dict::is_state_sector)) {
                give_country(a, &country);
            }
        }
    }
    // "declared martial law", "imposed a curfew": administrative sanctions naming no one
    // are imposed on the state's own country.
    let state_country = sources.iter().find(|a| is_state_actor(a) && matches!(a.code.get(3..), Some("" | "GOV" | "MIL" | "COP" | "JUD" | "LEG"))).and_then(|a| a.code.get(..3)).map(str::to_string);
    if code.starts_with("172") && targets.is_empty() {
        if let Some(country) = &state_country {
            let words = object_nodes.first().copied().unwrap_or(v);
            targets.push(ActorRef { code: country.clone(), name: None, id: None, first: tree.leftmost(words), last: tree.rightmost(words) });
        }
    }
    // "the junta bombed a village": a state's own bombing is its forces' (195), not the
    // "non-military bombing" of 183.
    let code = if code == "183" && state_country.is_some() { "195".to_string() } else { code };
    // "Protesters rallied in Nairobi against tax increases": a protest naming no one but a
    // law or a policy is against the government that makes it (the protesters' own).
    // (Rather than the country it happened in: "blocked roads in France over fuel prices".)
    if code.starts_with("14") {
        let policy = Term::Synset("POLICYISSUE".into());
        let against_policy = tree.nodes[v].children.iter().copied().find(|&c| {
            let about = tree.nodes[c].rel == Rel::Obj || tree.nodes[c].rel == Rel::Obl && matches!(tree.prep(c), Some("against" | "over"));
            about && term_matches(tree, dict, c, &policy)
        });
        // (The place may hang on the law's phrase: "against a tax bill in Nairobi".)
        let only_where = target_nodes.iter().all(|&t| (tree.nodes[t].head == Some(v) || tree.nodes[t].head.is_some() && tree.nodes[t].head == against_policy) && is_locative(tree.prep(t)));
        if let (Some(c), Some(country), true) = (against_policy, sources.iter().find(|a| is_state_actor(a)).and_then(|a| a.code.get(..3)), only_where) {
            targets = vec![ActorRef { code: format!("{country}GOV"), name: None, id: None, first: tree.leftmost(c), last: tree.rightmost(c) }];
        }
    }
    // "Gondor and Osgiliath renewed ties": conjoined subjects and no target of their own
    // act on each other.
    // Not for what one says, asks, condemns, threatens or protests: "Obama and Putin said
    // …" is two statements, not a conversation.
    let mutual = !matches!(code.get(..2), Some("01" | "02" | "11" | "13" | "14"));
    // "Ukraine and Russia released 90 soldiers each": soldiers of no stated country are
    // the other side's.
    let no_known_target = targets.iter().all(|t| !is_known(t));
    // ("The leaders of France and Germany discussed the war in Ukraine": an actor found
    // only deep in what they talked about is the topic; they talked to each other.)
    let topical = target_node.is_none()
        && !target_nodes.is_empty()
        && target_nodes.iter().all(|&t| tree.nodes[t].head != Some(v) && !object_nodes.contains(&t) && matches!(tree.prep(t), Some("in" | "of" | "about" | "on" | "over" | "regarding")));
    // (A passive too, when what was done names no one: "the agreement was signed by
    // Armenia and Azerbaijan".)
    // Only for what two do together (consulting, agreeing, cooperating): "an agreement
    // forced on Qatar by Saudi Arabia and the UAE" is not the two forcing each other.
    let together = matches!(code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08"));
    let passive_ok = !passive || together && object_nodes.iter().all(|&o| mentions.phrase_actor(tree, dict, o).is_none());
    let symmetric = matches!(code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08" | "19"));
    if (no_known_target || topical) && sources.len() >= 2 && passive_ok && mutual && (symmetric || !intransitive_use) {
        let path = format!("verb {} ({}); reciprocal among {}", tree.nodes[v].form, lemma, describe(tree, &subject_nodes));
        // Every ordered pair is already there: a paired code would double each event.
        return Some(Found { code, reverse: None, sources: sources.clone(), targets: sources, anchor: v, pattern, origin, path, place: None, covers: pattern_complements, settled: false, dated_by: DatedBy::Anchor });
    }
    let path = format!(
        "verb {} ({}){}; source {}; target {}{}",
        tree.nodes[v].form,
        lemma,
        if passive { ", passive" } else { "" },
        describe(tree, &subject_nodes),
        describe(tree, &target_nodes),
        if flipped { "; reversed" } else { "" }
    );
    if flipped {
        std::mem::swap(&mut sources, &mut targets);
    }
    // "attend a summit in Switzerland" ([042:043]): a paired code's other half says the
    // target received the visit; a place the object is only in received no one.
    // (However the parse attaches the place: "attend a summit [in Switzerland]" has the
    // summit for its object, and the place is where the summit is.)
    let located_only = target_nodes.iter().all(|&t| {
        let locative = matches!(tree.prep(t), Some("in" | "at" | "inside" | "near"));
        let on_object = tree.nodes[t].head != Some(v) && tree.nodes[t].rel == Rel::Nmod || !object_nodes.is_empty();
        locative && on_object
    });
    let reverse = if located_only && !target_nodes.is_empty() { None } else { reverse };
    Some(Found { code, reverse, sources, targets, anchor: v, pattern, origin, path, place, covers: pattern_complements, settled: false, dated_by: DatedBy::Anchor })
}

/// A seat of government named as a place ("a concert hall near Moscow", "a bus in Kabul")
/// is its country, not its government; but a visit to it (04x, "arrived in Cairo for
/// talks") is to its government.
/// So is a capital city struck or shelled ("Russia shelled Kyiv", "rockets at Tel Aviv"):
/// violence against a city falls on the country; against a building that stands for an
/// institution ("drones attacked the Kremlin") on the institution.
fn seats_as_places(tree: &Tree, dict: &Dictionaries, code: &str, targets: &mut [ActorRef]) {
    if code.starts_with("04") {
        return;
    }
    let gazetteer = crate::places::Gazetteer::embedded();
    for t in targets {
        let located = (t.first..=t.last).any(|w| is_locative(tree.prep(w)) || tree.prep(w) == Some("outside"));
        let city = || {
            let words: Vec<&str> = (t.first..=t.last).map(|w| tree.nodes[w].form).collect();
            gazetteer.lookup(&words.join(" "), &[]).is_some_and(|place| t.code.starts_with(place.country.as_str()))
        };
        if t.is_seat(dict) && (located || is_violent(code) && city()) {
            t.code.truncate(3);
        }
    }
}

/// A border, which two countries share: never one party's place.
fn is_border(tree: &Tree, c: usize) -> bool {
    matches!(tree.nodes[c].lemma.as_ref(), "border" | "frontier" | "boundary")
}

/// A preposition that says where: "in Khartoum", "near Moscow".
fn is_locative(prep: Option<&str>) -> bool {
    matches!(prep, Some("in" | "inside" | "near" | "across" | "throughout"))
}

/// Whether the place a target slot bound stands for no one either (no gazetteer place, or
/// places are off).
fn places_unnamed(tree: &Tree, dict: &Dictionaries, place: Option<usize>, day: Option<Date>) -> bool {
    match (place, day) {
        (Some(p), Some(day)) => place_actor(tree, dict, p, day).is_none(),
        _ => true,
    }
}

/// "departes": English adds "-es" only after a hiss or an "o" ("watches", "goes"); a
/// form that breaks the rule is no form of the verb, whatever lemma the parser guessed.
fn misspelt_inflection(form: &str, lemma: &str) -> bool {
    form.strip_suffix("es").is_some_and(|stem| stem == lemma) && !["s", "x", "z", "ch", "sh", "o"].iter().any(|end| lemma.ends_with(end))
}

/// "blown up by a missile fired by rebels": an agent that names no actor may be the
/// instrument of one, the agent of a participle on it (through "believed to be fired").
fn instrument_agents(tree: &Tree, agents: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for &a in agents {
        let mut clauses: Vec<usize> = tree.children_with(a, Rel::Acl).collect();
        while let Some(c) = clauses.pop() {
            out.extend(tree.children_with(c, Rel::Agent));
            clauses.extend(tree.children_with(c, Rel::Xcomp));
        }
    }
    out
}

/// A finite verb always has a subject in English; when the parse gives it none
/// ("According to Ryder, Austin last spoke …" parsed with "Austin" in apposition to
/// "Ryder"), the actor named right before it, with only adverbs between, is the subject.
fn stranded_subject(tree: &Tree, mentions: &Mentions, dict: &Dictionaries, v: usize) -> Option<usize> {
    let node = &tree.nodes[v];
    if !node.feats.contains("VerbForm=Fin") || node.feats.contains("Mood=Imp") {
        return None;
    }
    let mut k = v;
    while k > 0 {
        k -= 1;
        let w = &tree.nodes[k];
        if matches!(w.upos, "ADV") || (w.upos == "ADJ" && w.rel == Rel::Advmod) || w.upos == "AUX" {
            continue;
        }
        // Not a noun inside a prepositional phrase ("after Calenardhon crowds burned"):
        // that one cannot be a subject, however the parse attached the verb.
        let is_nominal = matches!(w.upos, "PROPN" | "NOUN") && !matches!(w.rel, Rel::Obl | Rel::Nmod | Rel::NmodPoss);
        return (is_nominal && mentions.phrase_actor(tree, dict, k).is_some()).then_some(k);
    }
    None
}

/// Whether pattern `p` with binding `b` beats the best so far: more named words win;
/// between equals, the one that found its target ("an attack on the city of Sevastopol"
/// is better read by "attack on TGT" than by "attack on &TOWN", which leaves the event
/// without a target).
fn better_match(p: &Pattern, b: &Binding, q: &Pattern, c: &Binding) -> bool {
    // A pattern written again later in the same block overrides the earlier one, as a
    // later dictionary line does in PETRARCH (CAMEO.2.0 merges verbs: "* &TREATY" is 031
    // for APPROVE and 057 for RATIFY, listed last).
    let (ps, qs) = (p.specificity(), q.specificity());
    if ps != qs {
        return ps > qs;
    }
    if b.span != c.span {
        return b.span > c.span;
    }
    if p.origin.file == q.origin.file && p.elements == q.elements {
        return true;
    }
    let found = |x: &Binding| x.target.is_some() || x.target_place.is_some();
    if found(b) != found(c) {
        return found(b);
    }
    // ("launched a drone attack on …" is `SRC launch &ATTACK` and `SRC launch &AIRWEAPON`
    // alike: of two codes of one root, the more precise one says more, 195 over 190.)
    let precision = |x: &Pattern| x.code.as_ref().map(|c| (c.as_str().len(), !c.as_str().ends_with('0')));
    let same_root = p.code.as_ref().zip(q.code.as_ref()).is_some_and(|(a, b)| a.as_str().get(..2) == b.as_str().get(..2));
    same_root && precision(p) > precision(q)
}

/// The actors the phrases headed by `nodes` name, their conjuncts included ("Ukraine and
/// Russia released …" names two), each once.
fn actors_of(tree: &Tree, mentions: &Mentions, dict: &Dictionaries, nodes: &[usize]) -> Vec<ActorRef> {
    let mut out = Vec::new();
    for &n in nodes {
        // "Evil Mordor, the awful Arnor, and good Gondor": a name in apposition to a name
        // is another member of the list (the parse cannot tell), with its own conjuncts.
        let listed: Vec<usize> = if mentions.is_named(n) {
            tree.children_with(n, Rel::Appos).filter(|&a| mentions.is_named(a)).flat_map(|a| std::iter::once(a).chain(tree.conjuncts(a))).collect()
        } else {
            Vec::new()
        };
        for c in std::iter::once(n).chain(tree.conjuncts(n)).chain(listed) {
            for a in mentions.phrase_actors(tree, dict, c) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
    }
    out
}

/// Prepositional phrases below a nominal, following nominal modifiers down a few levels:
/// "welcomed a resumption *of* formal ties *with* Osgiliath".
fn nominal_chain(tree: &Tree, start: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut frontier = vec![start];
    for _depth in 0..3 {
        let mut next = Vec::new();
        for at in frontier {
            for &c in &tree.nodes[at].children {
                // (Not into a phrase that dates the noun by another event: "agreements
                // signed during Lula's visit to Beijing" are not with Beijing.)
                let dating = tree.prep(c).is_some_and(|p| DATING_PREPS.contains(&p));
                if tree.nodes[c].rel == Rel::Nmod && !dating {
                    out.push(c);
                    next.push(c);
                    // "against besieged Osgiliath" parsed with the participle as the
                    // phrase's head and the noun its object: the noun is the phrase's.
                    if tree.nodes[c].upos == "VERB" {
                        out.extend(tree.children_with(c, Rel::Obj));
                    }
                }
            }
        }
        frontier = next;
    }
    out
}

/// Verbs whose object is an event they report or carry out rather than an event of their
/// own: "launched an attack", "held talks".
const LIGHT_VERBS: &[&str] = &[
    "launch", "carry", "conduct", "hold", "stage", "mount", "begin", "start", "make", "wage", "continue", "resume",
    "intensify", "escalate", "step", "announce", "report", "claim", "complete", "finish", "perform", "execute", "open",
    "order", "authorize", "authorise",
];

/// Light verbs of command: "ordered the expulsion of diplomats" is the expulsion, not an
/// order to someone (the verb's own event goes when its object codes one).
const COMMAND_VERBS: &[&str] = &["order", "authorize", "authorise"];

/// Verbs whose subject is an event that took place: "the clashes left 50 dead".
const EVENT_SUBJECT_VERBS: &[&str] = &[
    "begin", "start", "resume", "continue", "erupt", "break", "end", "take", "leave", "kill", "wound", "injure", "hit", "damage", "attack", "target",
    "destroy", "cause", "spark", "occur", "happen", "intensify", "escalate", "last", "claim", "set",
    // What an event did to others ("The visit angered Kyiv") says it took place.
    "anger", "infuriate", "irk", "upset", "alarm", "provoke", "prompt", "trigger", "draw", "follow", "mark", "come",
];

/// Verbs whose object is an event they brought about, done by someone else: "prompting
/// Israeli air strikes on southern Lebanon".
const CAUSAL_VERBS: &[&str] = &["prompt", "trigger", "spark", "provoke", "draw", "cause", "unleash", "precipitate"];

/// Prepositions of a phrase that dates something by another event ("after a missile
/// attack on …"): not part of the clause's own participants.
const DATING_PREPS: &[&str] = &["after", "following", "before", "since", "during", "amid", "until"];

/// Prepositions that place or date a clause by an event: "after a missile attack on …".
const EVENT_PREPS: &[&str] = &["after", "following", "during", "since", "before", "amid", "in", "despite"];

/// A nominal event: a noun pattern anchored on `n`, coded only where the noun reports an
/// event that took place — the object of a light verb, or a prepositional phrase that
/// dates the clause — and never under a negated, modal or conditional verb.
fn code_noun(tree: &Tree, mentions: &Mentions, dict: &Dictionaries, n: usize, places: Option<Date>, future: Future) -> Option<Found> {
    let node = &tree.nodes[n];
    if !matches!(node.upos, "NOUN" | "PROPN") {
        return None;
    }
    let mut patterns = dict.noun_patterns(&node.lemma).peekable();
    patterns.peek()?;
    let head = node.head?;
    let light_verb = node.rel == Rel::Obj && LIGHT_VERBS.contains(&tree.nodes[head].lemma.as_ref());
    // (Only with its doer named on the noun: "prompted Israeli air strikes", not
    // "prompted fears".)
    let caused = node.rel == Rel::Obj && CAUSAL_VERBS.contains(&tree.nodes[head].lemma.as_ref()) && mentions.phrase_actor(tree, dict, n).is_some();
    let dating = matches!(node.rel, Rel::Obl | Rel::Nmod) && tree.prep(n).is_some_and(|p| EVENT_PREPS.contains(&p)) && tree.is_verbal(head);
    // "Clashes between police and protesters left 50 dead", "talks between Armenia and
    // Azerbaijan will resume": the subject of a verb that says an event happened, went
    // on or did harm.
    let happened = node.rel == Rel::Nsubj && tree.is_verbal(head) && EVENT_SUBJECT_VERBS.contains(&tree.nodes[head].lemma.as_ref());
    if !(light_verb || caused || dating || happened) || is_hypothetical(tree, head) && !stands_announced(tree, head, future) {
        return None;
    }
    // Who acted: the noun's own modifiers ("a Ukrainian missile attack"), its "by"
    // phrase, or the subject of the light verb ("Russia launched an attack").
    let mut sources: Vec<usize> = Vec::new();
    if mentions.phrase_actor(tree, dict, n).is_some() {
        sources.push(n);
    }
    sources.extend(tree.nodes[n].children.iter().copied().filter(|&c| tree.nodes[c].rel == Rel::Nmod && tree.prep(c).as_deref() == Some("by")));
    // "during his visit to Kyiv": whose the event is, it is the doer of.
    if sources.is_empty() {
        sources.extend(tree.nodes[n].children.iter().copied().filter(|&c| tree.nodes[c].rel == Rel::NmodPoss && tree.nodes[c].upos == "PRON" && mentions.is_named(c)));
    }
    if sources.is_empty() && light_verb {
        sources = tree.subjects(head);
    }
    let objects: Vec<usize> = tree.nodes[n].children.iter().copied().filter(|&c| tree.nodes[c].rel == Rel::Nmod && tree.prep(c).as_deref() == Some("of")).collect();
    let subject_words = sources.iter().flat_map(|&s| phrase_words(tree, s)).collect();
    let slots = Slots { logical_subjects: sources.clone(), named_place_object: None, logical_objects: objects, surface_subjects: sources.clone(), subject_words, fronted_object_words: Vec::new() };
    let mut best: Option<(&Pattern, Binding)> = None;
    let scope = Scope::of(tree, n);
    for p in patterns {
        if let Some(b) = bind(tree, mentions, dict, n, p, &slots, &scope) {
            if best.as_ref().is_none_or(|(q, c)| better_match(p, &b, q, c)) {
                best = Some((p, b));
            }
        }
    }
    let (p, b) = best?;
    let code = p.code.clone()?;
    let actors_of = |nodes: &[usize]| actors_of(tree, mentions, dict, nodes);
    let source_nodes = b.source.map(|s| vec![s]).unwrap_or(sources);
    // "Three Turkish soldiers were wounded in a PKK attack": those the clause says were
    // harmed in it are whom the attack was on.
    let harmed = || {
        let harm = matches!(tree.nodes[head].lemma.as_ref(), "kill" | "wound" | "injure" | "hurt" | "die" | "dead" | "wounded" | "injured");
        let in_it = node.rel == Rel::Obl && matches!(tree.prep(n), Some("in" | "during" | "by"));
        if harm && in_it { tree.nodes[head].children.iter().copied().filter(|&c| matches!(tree.nodes[c].rel, Rel::Nsubj | Rel::NsubjPass)).collect() } else { Vec::new() }
    };
    let target_nodes = b.target.map(|t| vec![t]).unwrap_or_else(harmed);
    let path = format!("noun {} ({}) under {}:{}; source {}; target {}", node.form, node.lemma, node.label, tree.nodes[head].form, describe(tree, &source_nodes), describe(tree, &target_nodes));
    let mut targets = actors_of(&target_nodes);
    seats_as_places(tree, dict, code.as_str(), &mut targets);
    let mut place = None;
    if let (true, Some(day)) = (targets.is_empty(), places) {
        if let Some((actor, location)) = b.target_place.and_then(|t| place_actor(tree, dict, t, day)) {
            targets.push(actor);
            place = Some(location);
        }
    }
    Some(Found {
        code: code.as_str().to_string(),
        reverse: p.reverse_code.as_ref().map(|c| c.as_str().to_string()),
        sources: actors_of(&source_nodes),
        targets,
        anchor: n,
        pattern: p.text.to_string(),
        origin: Some(p.origin),
        path,
        place,
        covers: Vec::new(),
        settled: false,
        dated_by: DatedBy::Anchor,
    })
}

/// The country of a place a target slot names ("strikes on Kharkiv"), as the actor
/// attacked or visited: the news names places for the state they belong to — or for
/// whoever controls them on `day` ("an attack on the city of Sevastopol" in 2024: RUS).
fn place_actor(tree: &Tree, dict: &Dictionaries, node: usize, day: Date) -> Option<(ActorRef, crate::places::Location)> {
    if crate::actors::in_a_sea_name(tree, node) {
        return None;
    }
    // The noun's own phrase, and the "of" phrase that names a generic head ("the city of
    // Sevastopol"); not the other phrases that hang from it ("on the Black Sea").
    let mut words = phrase_words(tree, node);
    for &c in &tree.nodes[node].children {
        if tree.nodes[c].rel == Rel::Nmod && tree.prep(c) == Some("of") {
            words.extend(phrase_words(tree, c));
            words.extend(tree.children_with(c, Rel::Case));
        }
    }
    words.sort_unstable();
    words.dedup();
    let (first, last) = (*words.first()?, *words.last()?);
    let mut phrase: Vec<&str> = words.iter().map(|&w| tree.nodes[w].form).collect();
    let gazetteer = crate::places::Gazetteer::embedded();
    let place = match gazetteer.lookup_phrase(&phrase.join(" "), &[]) {
        Some(place) => place,
        None => {
            // "rebel-held areas of Idlib province": the of-phrase alone names the place.
            let of = tree.nodes[node].children.iter().copied().find(|&c| tree.nodes[c].rel == Rel::Nmod && tree.prep(c) == Some("of"))?;
            phrase = phrase_words(tree, of).iter().map(|&w| tree.nodes[w].form).collect();
            gazetteer.lookup_phrase(&phrase.join(" "), &[])?
        }
    };
    let controller = std::iter::once(place.name.as_str())
        .chain(phrase.iter().copied())
        .find_map(|name| dict.territory_controller(name, day))
        .map(|c| c.as_str().to_string());
    let code = controller.unwrap_or_else(|| place.country.clone());
    Some((ActorRef { code, name: Some(place.name.clone()), id: None, first, last }, place))
}

/// Obliques of `v` whose preposition marks a participant: "fight for a future in Europe"
/// does not make Europe the target, but "left for Beijing" names where a visit went.
fn participant_obliques<'t>(tree: &'t Tree, v: usize) -> impl Iterator<Item = usize> + 't {
    let departs = matches!(&*tree.nodes[v].lemma, "leave" | "left" | "depart" | "head" | "sail" | "fly" | "travel" | "set");
    // "marched very close to the border", "acting strangely with Libya": a phrase the parse
    // hung on the verb's adverb or predicative adjective is the verb's.
    let modifiers = tree.nodes[v].children.iter().copied().filter(|&m| match tree.nodes[m].rel {
        Rel::Advmod => true,
        Rel::Xcomp => matches!(tree.nodes[m].upos, "ADJ" | "ADV"),
        _ => false,
    });
    let phrases = tree.nodes[v].children.iter().copied().chain(modifiers.flat_map(|m| tree.nodes[m].children.iter().copied()));
    // ("In the Netherlands, authorities have taken …": a place set before the verb is the
    // scene, not a party.)
    // (Nor "near the Chinese border": a border is a place two countries share.)
    let border = move |c: usize| is_border(tree, c) && matches!(tree.prep(c), Some("near" | "along" | "across" | "at" | "on" | "by"));
    let scene = move |c: usize| c < v && is_locative(tree.prep(c)) || border(c);
    phrases.filter(move |&c| {
        matches!(tree.nodes[c].rel, Rel::Obl | Rel::Iobj)
            && !scene(c)
            && match tree.prep(c) {
                Some("for") => departs,
                Some("by" | "during" | "since" | "after" | "before" | "despite" | "amid" | "within" | "throughout" | "like" | "as" | "than" | "until" | "according to") => false,
                _ => true,
            }
    })
}

/// Objects and prepositional phrases of a participle on a nominal:
/// "boycotted the parade *supporting Gondor*", "the roads *leading into Mordor*".
fn clause_objects(tree: &Tree, nominal: usize) -> Vec<usize> {
    tree.nodes[nominal]
        .children
        .iter()
        .copied()
        // Participles only: a relative clause is another event ("the group that has
        // seized parts of Iraq").
        .filter(|&c| tree.nodes[c].rel == Rel::Acl)
        // (the agent of a passive one too: "memos sent by Bree")
        .flat_map(|c| tree.nodes[c].children.iter().copied().filter(|&a| matches!(tree.nodes[a].rel, Rel::Obj | Rel::Nmod | Rel::Obl | Rel::Agent)).collect::<Vec<_>>())
        .collect()
}

fn describe(tree: &Tree, nodes: &[usize]) -> String {
    if nodes.is_empty() {
        return "-".into();
    }
    nodes.iter().map(|&n| format!("{}:{}", tree.nodes[n].label, tree.nodes[n].form)).collect::<Vec<_>>().join(",")
}

fn multiword_present(tree: &Tree, v: usize, after: &[Box<str>], before: &[Box<str>]) -> bool {
    let n = tree.len();
    let after_ok = after.iter().enumerate().all(|(k, w)| {
        // Particles may hang from the verb anywhere after it ("cordoned the area off").
        v + 1 + k < n && *tree.nodes[v + 1 + k].lemma == **w
            || tree.nodes[v].children.iter().any(|&c| c > v && *tree.nodes[c].lemma == **w)
    });
    let before_ok = before.iter().rev().enumerate().all(|(k, w)| v > k && *tree.nodes[v - 1 - k].lemma == **w);
    after_ok && before_ok
}

/// How a pattern's slots were bound.
struct Binding {
    source: Option<usize>,
    target: Option<usize>,
    /// A target slot whose noun names no actor ("an attack on the city of Sevastopol"):
    /// the place it names may stand for its country.
    target_place: Option<usize>,
    /// The words the pattern's word elements matched.
    words: Vec<usize>,
    /// The target slot had phrases to bind but none named an actor or a place ("handed
    /// over the prisoners to the Red Cross": the prisoners are nobody known).
    target_unnamed: bool,
    /// How many words its word elements matched, a synset member of several words
    /// counting each: "austrian gold florin" in `&HYPERCURR` says more than "florin" in
    /// `&CURRENCY`.
    span: usize,
}

/// The verb's logical and surface arguments, computed once per verb.
struct Slots {
    /// Who acts: the subject, or the `by` agent of a passive.
    logical_subjects: Vec<usize>,
    /// The object, when it names a place the gazetteer knows (places on): a member of
    /// `&TOWN` whatever its name ("captured Avdiivka" for `SRC capture &TOWN`).
    named_place_object: Option<usize>,
    /// Who is acted on: the object, or the subject of a passive.
    logical_objects: Vec<usize>,
    /// The grammatical subject as written (active or passive).
    surface_subjects: Vec<usize>,
    /// The words of the subjects' phrases, written or logical (in the passive, the
    /// agent's: "- PROTESTOR *" for "was demolished by a protestor").
    subject_words: Vec<usize>,
    /// The words of an object written before the verb (a passive's subject, the noun a
    /// participle modifies), for pattern words after the verb.
    fronted_object_words: Vec<usize>,
}

/// Where a slot element may bind. A slot written with a preposition binds the noun of that
/// preposition; without one, a source before the verb and a target after it take the
/// logical roles (so "X was attacked by Y" reads as Y attacking X), while a target before
/// the verb takes the subject as written and a source after it the object, as in
/// "+ * (FROM $)": "X was freed from Y".
fn slot_candidates(tree: &Tree, v: usize, e: &dyad_dict::Element, scope: &[usize], slots: &Slots) -> Vec<usize> {
    // "hand over TGT": a preposition of the pattern may be the verb's particle
    // ("handed over the prisoners", "prisoners were handed over").
    let particle = !e.prep.is_empty() && tree.has_particle(v, &e.prep);
    if !e.prep.is_empty() && !particle {
        // (A phrase written after the verb is not one fronted before it: "In the
        // Netherlands, authorities have taken …" is no `SRC take in TGT`.)
        let placed = |c: usize| e.side != Side::After || c > v;
        return scope.iter().copied().filter(|&c| prep_matches(tree, c, &e.prep) && placed(c)).collect();
    }
    match (&e.term, e.side) {
        (Term::Source, Side::Before) => slots.logical_subjects.clone(),
        (Term::Target, Side::After) => slots.logical_objects.clone(),
        (Term::Target, Side::Before) => slots.surface_subjects.clone(),
        (Term::Source, Side::After) => tree.children_with(v, Rel::Obj).collect(),
        _ => Vec::new(),
    }
}

/// Try pattern `p` on verb `v`: every required word element must be found in the verb's
/// phrase with its preposition; a target slot binds an object or prepositional noun.
fn bind(tree: &Tree, mentions: &Mentions, dict: &Dictionaries, v: usize, p: &Pattern, slots: &Slots, scope: &Scope) -> Option<Binding> {
    let mut binding = Binding { source: None, target: None, target_place: None, target_unnamed: false, words: Vec::new(), span: 0 };
    // Words first, slots after: most patterns tried fail on a word, and a slot costs an
    // actor lookup. The word each element matched, for a slot written after it.
    let mut word_found = [None::<usize>; 16];
    let verb_phrase_with = |prep: &[Box<str>]| scope.words.iter().any(|&c| prep_matches(tree, c, prep));
    for (i, e) in p.elements.iter().enumerate() {
        match &e.term {
            Term::Both => continue,
            // "(IN ^)": whatever the phrase is, its preposition must be there.
            Term::Skip => {
                if !e.prep.is_empty() && !e.optional && !verb_phrase_with(&e.prep) {
                    return None;
                }
            }
            // A preposition with no object named ("* (TO)"): some dependent must carry it.
            Term::Any => {
                if !e.prep.is_empty() && !e.optional && !verb_phrase_with(&e.prep) {
                    return None;
                }
            }
            Term::Words(_) | Term::Synset(_) => {
                let side_ok = |c: usize| match e.side {
                    Side::After => c > v,
                    Side::Before => c < v,
                };
                // "{DEATH TOLL} *": words before the verb are the subject's, or in the
                // passive the agent's ("- PROTESTOR *" for "was demolished by a
                // protestor"); words after it may be a passive's fronted object's
                // ("Evidence ... was presented" for `- * EVIDENCE`). Both are computed once
                // per verb, in `Slots`.
                let extra_words: &[usize] = match e.side {
                    Side::Before => &slots.subject_words,
                    Side::After => &slots.fronted_object_words,
                };
                // Words before the verb are its actor's: "was heavily criticized" is no
                // `- HEAVILY *`, "recently allowed" no `- RECENTLY *` (an adverb of the verb).
                let adverb_before = |c: usize| e.side == Side::Before && c < v && tree.nodes[c].rel == Rel::Advmod && tree.nodes[c].head == Some(v);
                // "made his remarks at the start of a regional trip" is no `* TRIP`: a
                // word named without a preposition is the verb's, not one inside the
                // phrase of an adjunct's phrase.
                // ("broke off diplomatic relations" for `SRC break off diplomatic relation`: a
                // preposition of the pattern may be the verb's particle, and the word its
                // object.)
                let particle = !e.prep.is_empty() && tree.has_particle(v, &e.prep);
                let bare = e.prep.is_empty() || particle;
                let reach = if bare { &scope.direct } else { &scope.words };
                let found = reach.iter().copied().filter(|&c| (side_ok(c) && !adverb_before(c)) || e.side == Side::After && c < v && tree.nodes[c].rel != Rel::Nsubj).chain(extra_words.iter().copied()).find(|&c| {
                    if bare {
                        // (A dyad pattern's noun is no participle on another noun: "cancelled a
                        // planned visit" is no `SRC cancel plan`.)
                        let participle = p.dialect == dyad_dict::Dialect::Dyad && tree.nodes[c].rel == Rel::Amod && tree.nodes[c].upos == "VERB";
                        return !participle && term_matches(tree, dict, c, &e.term) && modifiers_match(tree, dict, c, &e.modifiers);
                    }
                    // "(ON &TIETYPES)" reads the word right after the preposition (and
                    // its article): "on economic issues" matches, "for foreign asylum" is
                    // not "(FOR ASYLUM)".
                    // (A dyad pattern's word after a preposition is the noun that preposition
                    // marks: "expulsion of &ENVOY" for "the expulsion of US diplomats".)
                    let head_word = p.dialect == dyad_dict::Dialect::Dyad && e.modifiers.is_empty() && term_matches(tree, dict, c, &e.term);
                    prep_matches(tree, c, &e.prep)
                        && if head_word {
                            true
                        } else if e.modifiers.is_empty() {
                            // (A quantity is no modifier: "for more air defence systems".)
                            let quantity = |w: usize| matches!(tree.nodes[w].lemma.as_ref(), "more" | "further" | "additional" | "extra" | "much" | "many" | "several" | "some" | "any");
                            let first = phrase_words(tree, c).into_iter().find(|&w| w <= c && !matches!(tree.nodes[w].upos, "DET" | "PUNCT" | "NUM") && !quantity(w));
                            // ("air defence systems" for `&MILAID` with member AIR DEFENCE
                            // SYSTEM: a member of several words from there to the head.)
                            let whole = |w: usize| w < c && matches!(&e.term, Term::Synset(name) if multiword_member(tree, dict, c, name) == Some(c + 1 - w));
                            first.is_some_and(|w| term_matches(tree, dict, w, &e.term) || whole(w))
                        } else {
                            term_matches(tree, dict, c, &e.term) && modifiers_match(tree, dict, c, &e.modifiers)
                        }
                });
                // "Russian forces captured Avdiivka": a named place is a town.
                let found = found.or_else(|| slots.named_place_object.filter(|_| e.prep.is_empty() && e.side == Side::After && matches!(&e.term, Term::Synset(name) if &**name == "TOWN")));
                if let Some(slot) = word_found.get_mut(i) {
                    *slot = found;
                }
                if found.is_none() && !e.optional {
                    return None;
                }
                binding.span += match (found, &e.term) {
                    (Some(c), Term::Synset(name)) => multiword_member(tree, dict, c, name).unwrap_or(1),
                    (Some(_), _) => 1,
                    (None, _) => 0,
                };
                binding.words.extend(found);
            }
            Term::Target | Term::Source => {}
        }
    }
    for (i, e) in p.elements.iter().enumerate() {
        if !matches!(e.term, Term::Target | Term::Source) {
            continue;
        }
        // The word a word element before this slot matched last.
        let last_word = word_found[..i.min(word_found.len())].iter().rev().find_map(|w| *w);
        match &e.term {
            Term::Target | Term::Source => {
                let candidates = slot_candidates(tree, v, e, &scope.words, slots);
                // "SRC move into TGT": the preposition is a word of the pattern and must be
                // there, even when the noun it governs names no actor.
                // ("Saudi Arabia and Iran agreed to restore relations" for `SRC restore
                // relation with TGT`: conjoined subjects are each other's target.)
                // (Only for a preposition of partners, "with" or "between": "Britain and the
                // US carried out strikes" is no `SRC carry off TGT`.)
                let partners = e.prep.iter().any(|p| ["with", "between", "among"].iter().any(|w| p.eq_ignore_ascii_case(w)));
                let mutual = || partners && e.term == Term::Target && slots.logical_subjects.iter().any(|&s| !tree.conjuncts(s).is_empty());
                if !e.prep.is_empty() && candidates.is_empty() && !e.optional && !mutual() {
                    return None;
                }
                // A known actor before a role of unknown country ("---GOV"); each
                // candidate's actor is looked up once.
                let actor_at = |c: usize| mentions.phrase_actor(tree, dict, c);
                let mut first_any = None;
                let known = candidates.iter().copied().find(|&c| match actor_at(c) {
                    Some(a) if is_known(&a) => true,
                    Some(_) => {
                        first_any = first_any.or(Some(c));
                        false
                    }
                    None => false,
                });
                let found = known
                    .or(first_any)
                    // "+ * MONEY $" for "received money from Osgiliath": a slot written
                    // after a word may be a noun of that word's prepositional phrases.
                    .or_else(|| match (e.prep.is_empty(), e.side, last_word) {
                        (true, Side::After, Some(w)) => nominal_chain(tree, w).into_iter().find(|&c| actor_at(c).is_some()).or_else(|| {
                            // "* {MAY DAY} $" for "celebrate May Day with Eriador": the slot
                            // is the next noun phrase after the words that names an actor,
                            // past as many noun phrases as the pattern skips (`^`) first.
                            // A phrase is skipped without the phrases hung on it: "* IFTAR
                            // (AT ^ ^) +" for "celebrated Iftar at Osgiliath with the
                            // parliament of Gondor" skips Osgiliath and the parliament, and
                            // its target is Gondor.
                            let at = word_found[..i.min(word_found.len())].iter().rposition(Option::is_some).unwrap_or(0);
                            let skips = p.elements[at + 1..i].iter().filter(|s| s.term == Term::Skip).count();
                            let mut phrases: Vec<usize> = scope.words.iter().copied().filter(|&c| c > w && is_noun_phrase(tree, c)).collect();
                            phrases.sort_unstable();
                            phrases.into_iter().skip(skips).find(|&c| actor_at(c).is_some())
                        }),
                        _ => None,
                    });
                // "shelled Kharkiv", "an attack on the city of Sevastopol": a place in the
                // target slot may stand for whoever controls it.
                if found.is_none() && e.term == Term::Target {
                    binding.target_place = candidates.first().copied();
                    binding.target_unnamed = !candidates.is_empty();
                }
                // A slot with no actor there still lets the pattern match when its words do
                // (PETRARCH codes the verb; the dyad check comes later).
                if let Some(node) = found {
                    if e.term == Term::Target {
                        binding.target = Some(node);
                    } else {
                        binding.source = Some(node);
                    }
                }
            }
            _ => {}
        }
    }
    Some(binding)
}

/// "Evidence against Russia was presented by the US" for `- * EVIDENCE`: a pattern's words
/// after the verb are its object's, and the object of a passive (or of a participle on a
/// noun, "the prisoners released") is written before the verb.
fn fronted_object_words(tree: &Tree, v: usize, slots: &Slots) -> Vec<usize> {
    slots.logical_objects.iter().filter(|&&o| o < v).flat_map(|&o| phrase_words(tree, o)).collect()
}

/// `{NEW &TIETYPES RELATIONS}`: the words of a braced phrase come before its head in
/// order, the last one right before it ("new global economic relations", but not
/// "cultural secret memos" for `{&TIETYPES MEMOS}`).
fn modifiers_match(tree: &Tree, dict: &Dictionaries, head: usize, modifiers: &[Term]) -> bool {
    let Some((last, earlier)) = modifiers.split_last() else { return true };
    if head == 0 {
        return false;
    }
    // "death and injury toll" for `{DEATH TOLL}`: conjoined modifiers each stand right
    // before the head.
    let next = head - 1;
    let conjoined = (tree.nodes[next].rel == Rel::Conj).then(|| tree.nodes[next].head).flatten().filter(|&f| f < next && tree.nodes[f].head == Some(head));
    let Some(mut at) = [Some(next), conjoined].into_iter().flatten().find(|&w| term_matches(tree, dict, w, last)) else {
        return false;
    };
    let start = phrase_words(tree, head).into_iter().min().unwrap_or(head);
    for m in earlier.iter().rev() {
        match (start..at).rev().find(|&w| term_matches(tree, dict, w, m)) {
            Some(w) => at = w,
            None => return false,
        }
    }
    true
}

/// The words a verb's pattern may refer to: its dependents (not other clauses), the words
/// of their phrases, and the nouns of prepositional phrases one level down ("ties *with*
/// Gondor", "note *of* protest").
/// The words a verb's pattern may refer to ([`verb_scope`]), and those of them that are
/// not inside an adjunct's phrase ("remarks at the start *of a regional trip*"), which a
/// word the pattern names without a preposition must be. Computed once per verb.
struct Scope {
    words: Vec<usize>,
    direct: Vec<usize>,
}

impl Scope {
    fn of(tree: &Tree, v: usize) -> Scope {
        let words = verb_scope(tree, v);
        let inside_adjunct = |c: usize| tree.nodes[c].rel == Rel::Nmod && tree.nodes[c].head.is_some_and(|h| tree.nodes[h].rel == Rel::Obl && tree.nodes[h].head == Some(v));
        let direct = words.iter().copied().filter(|&c| !inside_adjunct(c)).collect();
        Scope { words, direct }
    }
}

fn verb_scope(tree: &Tree, v: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // "launched a new bombing and shelling offensive": each conjoined object is an object.
    let conjoined_objects = tree.children_with(v, Rel::Obj).flat_map(|o| tree.children_with(o, Rel::Conj)).map(|c| (c, Rel::Obj));
    for (c, rel) in tree.nodes[v].children.iter().map(|&c| (c, tree.nodes[c].rel)).chain(conjoined_objects) {
        if matches!(rel, Rel::Punct | Rel::Ccomp | Rel::Parataxis | Rel::Conj | Rel::Advcl | Rel::Cc | Rel::Aux | Rel::AuxPass | Rel::Nsubj | Rel::NsubjPass | Rel::Agent) {
            continue;
        }
        // "threatened Washington after a missile attack on Sevastopol": a phrase that
        // dates the clause by another event is not part of this verb's pattern.
        if rel == Rel::Obl && tree.prep(c).is_some_and(|p| DATING_PREPS.contains(&p)) {
            continue;
        }
        out.push(c);
        let words = phrase_words(tree, c);
        // ("announced a new $300 million military aid package for Ukraine", parsed with
        // "$" as the object and the package in apposition: the apposition's phrases too.)
        let apposed: Vec<usize> = words.iter().copied().filter(|&w| w != c && tree.nodes[w].rel == Rel::Appos).collect();
        out.extend(words.into_iter().filter(|&w| w != c));
        // "vowed to wage war": the open complement's object is in the pattern's reach.
        let complement = rel == Rel::Xcomp;
        for &g in tree.nodes[c].children.iter().chain(apposed.iter().flat_map(|&a| tree.nodes[a].children.iter())) {
            if matches!(tree.nodes[g].rel, Rel::Nmod | Rel::Obl) || complement && tree.nodes[g].rel == Rel::Obj {
                out.push(g);
                out.extend(phrase_words(tree, g).into_iter().filter(|&w| w != g));
                // "mediated a new round of talks between Israel and Hamas": after a noun
                // of quantity the of-phrase is what the phrase is about, its phrases too.
                if is_partitive(tree, c) && tree.prep(g) == Some("of") {
                    for h in tree.children_with(g, Rel::Nmod) {
                        out.push(h);
                        out.extend(phrase_words(tree, h).into_iter().filter(|&w| w != h));
                    }
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A noun of quantity or kind, whose of-phrase says what there is: "a round of talks",
/// "a series of strikes".
fn is_partitive(tree: &Tree, c: usize) -> bool {
    matches!(
        tree.nodes[c].lemma.as_ref(),
        "round" | "series" | "wave" | "spate" | "string" | "set" | "phase" | "number" | "couple" | "kind" | "type" | "form" | "part" | "resumption" | "start" | "continuation"
    )
}

/// The head of a noun phrase that is an argument or a prepositional phrase (what a
/// PETRARCH `^` skips).
fn is_noun_phrase(tree: &Tree, c: usize) -> bool {
    matches!(tree.nodes[c].rel, Rel::Obj | Rel::Iobj | Rel::Obl | Rel::Nmod) && matches!(tree.nodes[c].upos, "NOUN" | "PROPN" | "PRON")
}

fn prep_matches(tree: &Tree, node: usize, preps: &[Box<str>]) -> bool {
    match tree.prep(node) {
        Some(p) => preps.iter().any(|q| same_words(q, p)),
        None => false,
    }
}

/// Case-insensitive equality where a dictionary's `_` joins words ("ACCORDING_TO").
fn same_words(dictionary: &str, text: &str) -> bool {
    dictionary.len() == text.len()
        && dictionary.bytes().zip(text.bytes()).all(|(a, b)| a.eq_ignore_ascii_case(&b) || (a == b'_' && b == b' '))
}

fn term_matches(tree: &Tree, dict: &Dictionaries, node: usize, term: &Term) -> bool {
    let n = &tree.nodes[node];
    match term {
        // Pattern words are written in any case; one word matches one token.
        Term::Words(words) => words.iter().any(|w| w.eq_ignore_ascii_case(&n.lemma) || w.eq_ignore_ascii_case(&n.form)),
        // The form only when it differs from the lemma: the lookup of a capitalised form
        // allocates, and this runs for every synset word of every pattern tried.
        Term::Synset(name) => {
            dict.in_synset(name, &n.lemma)
                || (!n.form.eq_ignore_ascii_case(&n.lemma) && dict.in_synset(name, &n.form))
                || multiword_member(tree, dict, node, name).is_some()
        }
        _ => false,
    }
}

/// "a million swiss francs" for `&CURRENCY` with member SWISS FRANCS: a member of
/// several words ends at the head, its first words modifying it.
/// Returns how many words the longest such member spans.
fn multiword_member(tree: &Tree, dict: &Dictionaries, node: usize, name: &str) -> Option<usize> {
    let modifies = |start: usize| start > 0 && start + 3 > node && tree.nodes[start - 1].head.is_some_and(|h| h == node || h == start);
    if !modifies(node) {
        return None;
    }
    // The head as written and as its lemma: "air defence systems" for AIR DEFENCE SYSTEM.
    let name = name.trim_start_matches('&');
    let lemma: &str = &tree.nodes[node].lemma;
    let form = &tree.nodes[node].form;
    if !dict.synset_phrase_ends_in(name, form) && !dict.synset_phrase_ends_in(name, lemma) {
        return None;
    }
    let mut start = node;
    let mut longest = None;
    let mut phrase = form.to_lowercase();
    let mut by_lemma = (lemma != phrase).then(|| lemma.to_string());
    while modifies(start) {
        start -= 1;
        let word = tree.nodes[start].form.to_lowercase();
        phrase = format!("{word} {phrase}");
        if let Some(l) = &mut by_lemma {
            *l = format!("{word} {l}");
        }
        if dict.in_synset(name, &phrase) || by_lemma.as_deref().is_some_and(|l| dict.in_synset(name, l)) {
            longest = Some(node + 1 - start);
        }
    }
    longest
}

fn emit(events: &mut Vec<Event>, f: Found, options: &Options) {
    let sources: Vec<Option<ActorRef>> = if f.sources.is_empty() { vec![None] } else { f.sources.into_iter().map(Some).collect() };
    let targets: Vec<Option<ActorRef>> = if f.targets.is_empty() { vec![None] } else { f.targets.into_iter().map(Some).collect() };
    for s in &sources {
        for t in &targets {
            // Without require_dyad one actor may be missing, never both.
            if (s.is_none() && t.is_none()) || (options.require_dyad && (s.is_none() || t.is_none())) {
                continue;
            }
            if let (Some(a), Some(b)) = (s, t) {
                if a.code == b.code {
                    continue; // an actor acting on itself is not an event between two
                }
            }
            // A role of unknown country ("---GOV") is worth coding only opposite an
            // actor that is known: "officials met rebels" says nothing about whom.
            let known = |a: &Option<ActorRef>| a.as_ref().is_some_and(is_known);
            if !known(s) && !known(t) {
                continue;
            }
            let event = |code: &str, source: &Option<ActorRef>, target: &Option<ActorRef>| Event {
                code: code.to_string(),
                source: source.clone(),
                target: target.clone(),
                anchor: f.anchor,
                pattern: f.pattern.clone(),
                origin: f.origin,
                path: f.path.clone(),
                date: None,
                place: f.place.clone(),
                dated_by: f.dated_by,
            };
            // "Four children and a man were killed": two phrases of one actor are one
            // event, not two.
            let code_of = |a: &Option<ActorRef>| a.as_ref().map(|a| a.code.clone());
            let mut push = |e: Event| {
                let again = events.iter().any(|o| o.anchor == e.anchor && o.code == e.code && code_of(&o.source) == code_of(&e.source) && code_of(&o.target) == code_of(&e.target));
                if !again {
                    events.push(e);
                }
            };
            push(event(&f.code, s, t));
            if let Some(r) = &f.reverse {
                push(event(r, t, s));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random trees over news words, with every relation and tag the mending of parses
    /// looks at: coding them must neither panic nor loop (a moved word must not make a
    /// cycle), and every event must be anchored in its sentence.
    #[test]
    fn random_trees_code_without_panics() {
        const WORDS: &[(&str, &str, &str)] = &[
            ("Russia", "PROPN", "NNP"), ("Ukraine", "PROPN", "NNP"), ("attacked", "VERB", "VBD"), ("taken", "VERB", "VBN"),
            ("leading", "VERB", "VBG"), ("had", "AUX", "VBD"), ("by", "SCONJ", "IN"), ("to", "PART", "TO"), ("that", "SCONJ", "IN"),
            ("forces", "NOUN", "NNS"), ("Kyiv", "PROPN", "NNP"), ("state", "NOUN", "NN"), ("-", "PUNCT", "HYPH"), ("run", "VERB", "VBN"),
            ("President", "PROPN", "NNP"), ("would", "AUX", "MD"), ("talks", "NOUN", "NNS"), ("with", "ADP", "IN"), ("in", "ADP", "IN"),
            ("met", "VERB", "VBD"), ("said", "VERB", "VBD"), ("killing", "VERB", "VBG"), ("not", "PART", "RB"), ("vowed", "VERB", "VBD"),
        ];
        const RELS: &[&str] = &[
            "nsubj", "obj", "iobj", "obl", "nmod", "advcl", "xcomp", "ccomp", "conj", "acl", "mark", "aux", "case", "compound", "amod",
            "nmod:desc", "nsubj:pass", "aux:pass", "parataxis", "appos", "punct", "advmod",
        ];
        let dict = Dictionaries::builtin();
        let mut next = crate::test_random(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let len = 1 + next(12);
            let picks: Vec<(&str, &str, &str)> = (0..len).map(|_| WORDS[next(WORDS.len())]).collect();
            let rows: Vec<(&str, &str, &str, usize, &str)> = picks.iter().map(|&(w, upos, _)| (w, w, upos, next(len + 1), RELS[next(RELS.len())])).collect();
            let mut sentence = crate::tree::sentence_from_rows(&rows);
            for (token, &(_, _, xpos)) in sentence.tokens.iter_mut().zip(&picks) {
                token.xpos = Some(xpos.into());
            }
            let mut context = ArticleContext::default();
            for e in code_sentence(&sentence, Some(Date::constant(2024, 6, 26)), &dict, &Options::default(), &mut context) {
                assert!(e.anchor < len, "{rows:?}");
            }
        }
    }

    #[test]
    fn es_only_after_a_hiss_or_an_o() {
        assert!(misspelt_inflection("departes", "depart"));
        assert!(misspelt_inflection("attackes", "attack"));
        for (form, lemma) in [("watches", "watch"), ("goes", "go"), ("fixes", "fix"), ("pushes", "push"), ("misses", "miss"), ("departs", "depart"), ("releases", "release")] {
            assert!(!misspelt_inflection(form, lemma), "{form}");
        }
    }
}
