//! Negation and verb composition through UniversalPetrarch's internal coding ontology.
//!
//! A PICO file (`<PICOfile>` in UniversalPetrarch's suites) gives every CAMEO code a
//! number whose hexadecimal digits are features: the top digit says how the actor stands
//! to an act (1 say, 2 appeal, 3 intend, 4 demand, 6 threaten, …; B consult), the lower
//! digits what the act is (0x40 aid, 0x70 material cooperation, 0x80 diplomatic
//! cooperation, 0xA0 fight, …). `021` is 0x2070, "appeal for material cooperation". Two
//! mechanisms of PETRARCH-2 compute with these numbers, and dyad implements both when the
//! dictionaries carry such a table:
//!
//! - **negation**: a negated verb's value minus 0xFFFF, read back as a CAMEO code. The file
//!   writes the codes of refusal that way (`121:-0xFFFF+0x0070`, "not 060"; `124:
//!   -0xFFFF+0x0200`, "not 080"), and `110:0x1007f` is 0xFFFF + 0x0080, so "did not clash"
//!   (110) reads back as 050. A negated verb whose value reads back as no code still codes
//!   nothing.
//! - **composition**: a verb and the clause it governs (xcomp, ccomp) are one event. First
//!   the dictionary's transformations (`~ a (b . ATTACK) WANT = a b 021`: "a wants b to
//!   attack" is a → b 021); else, for an open complement (xcomp: "wants to help", "asks
//!   Obama to help"), PETRARCH-2's sum of the two values ([`combine`]): the outer actor
//!   acts on the controller of the complement when that is someone else ("Congress asks
//!   Obama to help Iran": ---LEG → USAGOV 0x2000 + 0x0040 = 023), else on the
//!   complement's target ("wants to help Israel": USAGOV → ISR 0x3000 + 0x0040 = 033).
//!   A reported clause (ccomp) with a subject of its own composes only through a
//!   transformation: otherwise the reported event keeps its own actors.
//!   When no rule gives a code, both verbs code as they would alone.
//!
//! dyad's own dictionaries carry no such table, and the coder keeps its plain rules there:
//! a negated verb codes nothing, and a complement under "want", "plan", "threaten" … is
//! dropped while the outer verb codes alone. That is a choice, not an omission: CAMEO has
//! no general "not X" code, and what a negated verb means depends on the verb — "did not
//! provide any further details" is no rejection of material cooperation (121), which is
//! what the PICO arithmetic would make of it. Negation mappings of our own would have to
//! be written verb by verb (as patterns), not as a blanket rule.

use dyad_dict::{Dictionaries, Transformation};

use super::{complement_of_unreal, is_hypothetical, stands_announced, Found, Future};
use crate::actors::ActorRef;
use crate::tree::{Rel, Tree};

/// What PETRARCH-2 subtracts from a negated verb's value.
pub const NEGATION: i64 = 0xFFFF;

/// The value of an act that is said, appealed for, intended, … : the first hexadecimal
/// digit of four.
const STANCE: i64 = 0x1000;

/// PETRARCH-2's combination of an outer verb's value with the value of the clause it
/// governs (`utilities.combine_code`): a negative inner value (a refusal) is added; of two
/// stances the inner one wins ("says it intends" is an intent, "intends to meet" a
/// meeting); an inner value at least as large as the outer one (a more specific act)
/// replaces it ("agreed [0x0080] to lift sanctions [0x0205]" is the lifting); otherwise
/// the outer stance is added to the inner act ("wants [0x3000] to help [0x0040]" is
/// 0x3040, intend to provide aid).
///
/// One case PETRARCH-2 never met is made explicit: an outer value below zero is itself a
/// refusal ("refused [-0xFFFF] to provide [0x0070]"), and a refusal negates what it
/// governs, so the two are added (0x0070 - 0xFFFF = 121) rather than letting the inner
/// act replace it.
pub fn combine(outer: i64, inner: i64) -> i64 {
    if inner < 0 || outer < 0 {
        return inner + outer;
    }
    if outer >= STANCE && inner >= STANCE {
        return inner;
    }
    if inner >= outer {
        return inner;
    }
    outer + inner
}

/// The PICO value of a CAMEO code; a code the table lacks takes its root's value, as
/// PETRARCH-2 converts codes (`cat[code[:2] + "0"]`). The null code is 0.
pub fn value_of(dict: &Dictionaries, code: Option<&str>) -> Option<i64> {
    let Some(code) = code else { return Some(0) };
    dict.internal_code(code).or_else(|| code.get(..2).and_then(|root| dict.internal_code(&format!("{root}0"))))
}

/// The code of a verb word alone in the dictionaries, the way PETRARCH-2 keys its
/// transformations on verb words: `None` when the word is no verb there, `Some(None)`
/// for a verb of a null-coded block.
fn word_code<'d>(dict: &'d Dictionaries, word: &str) -> Option<Option<&'d str>> {
    dict.verb_blocks(word).find_map(|(block, verb)| {
        let verb = verb.filter(|v| !v.is_multiword())?;
        Some(verb.code.as_ref().or(block.code.as_ref()).map(|c| c.as_str()))
    })
}

/// The dictionary word a verb token stands for (the lemma, or its form where the
/// dictionaries list the form apart), as `code_verb` reads it.
fn verb_word(tree: &Tree, dict: &Dictionaries, v: usize) -> String {
    let form = tree.nodes[v].form.to_lowercase();
    let lemma: &str = tree.nodes[v].lemma.as_ref();
    if form != lemma && word_code(dict, &form).is_some() {
        form
    } else if word_code(dict, lemma).is_none() {
        dict.verb_lemmas_of_form(&form).first().map(|l| l.to_string()).unwrap_or_else(|| lemma.to_string())
    } else {
        lemma.to_string()
    }
}

/// One coded verb while negation and composition are decided.
struct Verb {
    found: Found,
    /// The PICO value of `found.code` (after negation).
    value: Option<i64>,
    /// Whether its event stands on its own.
    stands: bool,
    /// Composed into the verb that governs it, or composed with its complement.
    consumed: bool,
}

/// Which verbs' events stand, after negation and composition. Without a PICO table this
/// is today's rule: hypothetical verbs code nothing.
pub(super) fn resolve(tree: &Tree, dict: &Dictionaries, found: Vec<Found>, future: Future) -> Vec<Found> {
    if !dict.has_internal_codes() {
        // "agreed to lift the sanctions" (`SRC agree to lift &SANCTION`): a complement the
        // outer verb's pattern names is part of that event.
        let covered: Vec<usize> = found.iter().flat_map(|f| f.covers.iter().copied()).collect();
        let real = |v: usize| !is_hypothetical(tree, v) && !complement_of_unreal(tree, v) || stands_announced(tree, v, future);
        return found.into_iter().filter(|f| real(f.anchor) && !covered.contains(&f.anchor)).collect();
    }
    let mut verbs: Vec<Verb> = found
        .into_iter()
        .map(|mut found| {
            let v = found.anchor;
            let mut value = value_of(dict, Some(&found.code));
            let mut stands = !is_hypothetical(tree, v) || stands_announced(tree, v, future);
            if tree.is_negated(v) {
                value = value.map(|x| x - NEGATION);
                match value.and_then(|x| dict.cameo_of_internal(x)) {
                    Some(code) => {
                        found.code = code.to_string();
                        found.reverse = None;
                        found.path = format!("{}; negated", found.path);
                        found.settled = true;
                        // A negated verb states what the actor does not (or will not, or
                        // cannot) do: a stance that holds whatever the modal, so only a
                        // condition keeps it from standing.
                        stands = !tree.is_conditional(v);
                    }
                    None => stands = false,
                }
            }
            Verb { found, value, stands, consumed: false }
        })
        .collect();

    // Innermost complements first, so that a composed clause composes again with the verb
    // above it ("said they want to attack").
    let mut order: Vec<usize> = (0..verbs.len()).filter(|&i| complement_head(tree, verbs[i].found.anchor).is_some()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(depth(tree, verbs[i].found.anchor)));
    let mut composed: Vec<Found> = Vec::new();
    // Outer verbs that conjoined complements composed with, consumed once all have.
    let mut framed: Vec<usize> = Vec::new();
    for i in order {
        let q = verbs[i].found.anchor;
        let Some(p) = complement_head(tree, q) else { continue };
        let Some(j) = verbs.iter().position(|o| o.found.anchor == p && !o.consumed) else { continue };
        // "alleged that France was aware …, and that its military took part in the
        // killing": a conjoined clause composes only along with a first one that codes;
        // otherwise the outer verb is about the first, and the later one codes alone.
        let first = tree.first_conjunct(q);
        if first != q && !verbs.iter().any(|o| o.found.anchor == first) {
            continue;
        }
        // The composed event is the outer actor's act: it is as hypothetical as the outer
        // verb ("might want Obama to head back" wants nothing yet).
        if verbs[i].consumed || tree.is_conditional(p) || tree.is_modal(p) {
            continue;
        }
        let Some(mut results) = compose(tree, dict, &verbs[j], &verbs[i]) else { continue };
        verbs[i].consumed = true;
        // The outer verb's negation is in the composed code; what else kept it from
        // standing still does ("plans to seek to deepen ties" is a plan).
        let stands = tree.is_negated(p) || !is_hypothetical(tree, p);
        // "scheduled to give a speech … and meet with dissidents": each conjoined
        // complement composes with the outer verb as it is; the results are final.
        let conjoined = tree.first_conjunct(q) != q || !tree.conjuncts(q).is_empty();
        if conjoined {
            framed.push(j);
            if stands {
                // ("claimed that ISIL attacked Iraq and took Mosul" is one claim.)
                for r in results {
                    push_new(&mut composed, r);
                }
            }
            continue;
        }
        // A single result stands in for the outer verb, so the verb above it can compose
        // with it in turn; several are final.
        if results.len() == 1 {
            let one = results.pop().expect("one result");
            let outer = &mut verbs[j];
            outer.value = value_of(dict, Some(&one.code));
            outer.found = one;
            outer.stands = stands;
        } else {
            verbs[j].consumed = true;
            if stands {
                composed.extend(results);
            }
        }
    }
    for j in framed {
        verbs[j].consumed = true;
    }
    verbs.into_iter().filter(|v| v.stands && !v.consumed).map(|v| v.found).chain(composed).collect()
}

/// The verb whose complement `v` is: its head when `v` is an xcomp or ccomp, or the
/// complement a conjunct verb is conjoined with ("claimed that ISIL attacked Iraq and
/// took Mosul").
fn complement_head(tree: &Tree, v: usize) -> Option<usize> {
    let first = tree.first_conjunct(v);
    matches!(tree.nodes[first].rel, Rel::Xcomp | Rel::Ccomp).then(|| tree.nodes[first].head).flatten()
}

fn depth(tree: &Tree, mut v: usize) -> usize {
    let mut d = 0;
    while let Some(h) = tree.nodes[v].head {
        v = h;
        d += 1;
    }
    d
}

/// An actor of the inner clause as a transformation sees it.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Slot<'a> {
    Absent,
    Actor(&'a ActorRef),
}

/// The events of outer verb `p` governing complement `q`, or `None` when no rule gives
/// a code (then both code as they would alone).
fn compose(tree: &Tree, dict: &Dictionaries, p: &Verb, q: &Verb) -> Option<Vec<Found>> {
    let (pv, qv) = (p.found.anchor, q.found.anchor);
    // The outer verb frames the clause with what the verb itself means (its word's code,
    // which is also what transformations name): its patterns describe it with nominal
    // objects, and one of them may have matched the complement's own verb ("WANT - * HELP").
    // A negated outer verb contributes nothing but the negation ("did not agree to lift").
    let outer_word = verb_word(tree, dict, pv);
    let outer_code = word_code(dict, &outer_word)?;
    let negated = tree.is_negated(pv);
    let outer = if negated { 0 } else { value_of(dict, outer_code)? };
    // A null-coded verb ("tried to", "hopes to") composes only where a transformation
    // names it: the sum would make its complement happen.
    let combinable = outer_code.is_some() || negated;
    let inner = q.value.map(|x| if negated { x - NEGATION } else { x })?;
    let open = tree.nodes[tree.first_conjunct(qv)].rel == Rel::Xcomp;
    // "Obama is scheduled to attend a summit": a passive without its agent frames what its
    // subject is to do; that subject is the one who acts.
    let sources = if p.found.sources.is_empty() && open && tree.is_passive(pv) { &q.found.sources } else { &p.found.sources };
    if sources.is_empty() {
        return None;
    }
    // Who does the inner act: an open complement's controller is the outer object when
    // there is one ("asks Obama to help"), else the outer subject itself, which a
    // transformation sees as no inner actor (`_`); a reported clause has its own subject,
    // and a pronoun there that names no one is the reporter ("the US claimed that they
    // had attacked Iraq").
    // (A parse may call that object indirect: "urged [iobj Eriador] to respond".)
    let head = tree.nodes[tree.first_conjunct(qv)].head?;
    let controlled_by_object = open && (tree.has_child(head, Rel::Obj) || tree.has_child(head, Rel::Iobj));
    let pronoun_subject = !open && q.found.sources.is_empty() && tree.subjects(qv).iter().any(|&s| tree.nodes[s].upos == "PRON");
    // "Obama and Putin said they will attack Iraq": each speaker speaks for themselves,
    // not of the other.
    let same_group = q.found.sources.len() > 1 && q.found.sources.iter().all(|b| sources.iter().any(|a| a.code == b.code));
    let mut out: Vec<Found> = Vec::new();
    for a in sources {
        let inner_sources: Vec<Slot> = if open && !controlled_by_object {
            vec![Slot::Absent]
        } else if pronoun_subject || same_group {
            vec![Slot::Actor(a)]
        } else if q.found.sources.is_empty() {
            vec![Slot::Absent]
        } else {
            q.found.sources.iter().map(Slot::Actor).collect()
        };
        let targets: Vec<Slot> = if q.found.targets.is_empty() { vec![Slot::Absent] } else { q.found.targets.iter().map(Slot::Actor).collect() };
        for &b in &inner_sources {
            for &c in &targets {
                let (x, y, code, rule, origin) = match transform(dict, outer, a, b, c, inner) {
                    Some((t, x, y, code)) => (x, y, code, format!("transformation {}", t_text(t)), Some(t.origin)),
                    // PETRARCH-2's sum, for an open complement only: a reported clause with
                    // its own subject is someone else's act, not the reporter's.
                    None if open => {
                        // "a wants b to Q": an appeal to b, which CAMEO has for acts only
                        // (PETRARCH-2: Q below 0x1000); "wants Obama to meet" is no
                        // meeting of a with Obama.
                        let target = match b {
                            Slot::Actor(b) if b.code != a.code && (0..STANCE).contains(&inner) => Slot::Actor(b),
                            Slot::Actor(_) => continue,
                            Slot::Absent => c,
                        };
                        if !combinable {
                            continue;
                        }
                        let Some(code) = dict.cameo_of_internal(combine(outer, inner)) else { continue };
                        (Slot::Actor(a), target, code.to_string(), format!("{} {:#x} + {} {:#x}", outer_word, outer, q.found.pattern, inner), q.found.origin)
                    }
                    None => continue,
                };
                let actor = |s: Slot| match s {
                    Slot::Actor(r) => vec![r.clone()],
                    Slot::Absent => Vec::new(),
                };
                let found = Found {
                    code,
                    reverse: None,
                    sources: actor(x),
                    targets: actor(y),
                    anchor: pv,
                    pattern: rule,
                    origin,
                    path: format!("composed: {}; with {}", p.found.path, q.found.path),
                    place: if y == c { q.found.place.clone() } else { None },
                    covers: Vec::new(),
                    settled: true,
                    dated_by: super::DatedBy::Anchor,
                };
                push_new(&mut out, found);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Adds `found` unless the same event (code, sources, targets) is there already.
fn push_new(out: &mut Vec<Found>, found: Found) {
    if !out.iter().any(|o| o.code == found.code && o.sources == found.sources && o.targets == found.targets) {
        out.push(found);
    }
}

fn t_text(t: &Transformation) -> String {
    format!(
        "~ {} ({} {} {}) {} = {} {} {}",
        t.source,
        t.inner_source,
        t.inner_target,
        t.inner_verb.join("_").to_uppercase(),
        t.verb.to_uppercase(),
        t.result_source,
        t.result_target,
        t.result_code
    )
}

/// The transformation that reads "`a` (`b` `c` inner) outer": the outer verb's value and
/// the inner value must be those of the verbs it names, or their kind ([`fit`]; `Q`: any
/// inner verb; joined words add up, WILL_ATTACK = 0x3000 + 0x00A0); a letter binds an
/// actor (one letter, one actor; two letters, two actors), `_` is no actor, `.` any. The
/// closest inner verb wins (`Q` last), then the closest outer verb, then the dictionary's
/// order. Gives the rule, the result's source and target, and its code.
fn transform<'a, 'd>(dict: &'d Dictionaries, outer: i64, a: &'a ActorRef, b: Slot<'a>, c: Slot<'a>, inner: i64) -> Option<(&'d Transformation, Slot<'a>, Slot<'a>, String)> {
    let verb_value = |word: &str| word_code(dict, word).and_then(|code| value_of(dict, code));
    let mut best: Option<((u8, u8), &Transformation, Slot, Slot, String)> = None;
    for t in &dict.transformations {
        let any_inner = t.inner_verb.len() == 1 && &*t.inner_verb[0] == "q";
        let Some(outer_fit) = verb_value(&t.verb).and_then(|key| fit(key, outer)) else { continue };
        let inner_fit = if any_inner {
            4
        } else {
            let sum: Option<i64> = t.inner_verb.iter().map(|w| verb_value(w)).sum();
            let Some(f) = sum.and_then(|key| fit(key, inner)) else { continue };
            f
        };
        let rank = (inner_fit, outer_fit);
        if best.as_ref().is_some_and(|(r, ..)| *r <= rank) {
            continue;
        }
        let Some(bound) = bind(&[(&*t.source, Slot::Actor(a)), (&*t.inner_source, b), (&*t.inner_target, c)]) else { continue };
        let lookup = |var: &str| bound.iter().find(|(n, _)| *n == var).map(|&(_, s)| s).unwrap_or(Slot::Absent);
        let code = if t.result_code.eq_ignore_ascii_case("q") {
            match dict.cameo_of_internal(inner) {
                Some(c) => c.to_string(),
                None => continue,
            }
        } else {
            t.result_code.to_string()
        };
        best = Some((rank, t, lookup(&t.result_source), lookup(&t.result_target), code));
    }
    best.map(|(_, t, x, y, code)| (t, x, y, code))
}

/// How closely a transformation's verb value `key` names `value`, as PETRARCH-2 matches
/// them: 0 for the value itself, 1 to 3 when `key` is the value with its last one to three
/// hexadecimal digits cleared (ATTACK, 0x00A0, names every kind of fighting, 0x00A1 …
/// 0x00AF); `None` otherwise. A null-coded verb (0) and refusals (below 0) name only
/// themselves.
fn fit(key: i64, value: i64) -> Option<u8> {
    if key == value {
        return Some(0);
    }
    if key <= 0 || value < 0 {
        return None;
    }
    (1..=3u8).find(|&digits| value & !((1i64 << (4 * digits)) - 1) == key)
}

/// Binds a transformation's actor names to slots: `_` wants no actor, `.` takes any, a
/// letter wants an actor, the same one each time it recurs and a different one from
/// every other letter. Gives the letters' actors.
fn bind<'a, 'n>(pairs: &[(&'n str, Slot<'a>)]) -> Option<Vec<(&'n str, Slot<'a>)>> {
    let mut bound: Vec<(&str, Slot)> = Vec::new();
    for &(name, slot) in pairs {
        match (name, slot) {
            ("_", Slot::Absent) | (".", _) => {}
            ("_", _) | (_, Slot::Absent) => return None,
            (_, Slot::Actor(r)) => {
                let same = |s: &Slot| matches!(s, Slot::Actor(o) if o.code == r.code);
                match bound.iter().find(|(n, _)| *n == name) {
                    Some((_, s)) if same(s) => {}
                    Some(_) => return None,
                    None if bound.iter().any(|(_, s)| same(s)) => return None,
                    None => bound.push((name, slot)),
                }
            }
        }
    }
    Some(bound)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values of the PICO file UniversalPetrarch ships.
    const SAY: i64 = 0x1000;
    const WANT: i64 = 0x3000; // 030
    const ASK: i64 = 0x2000; // 020
    const AGREE: i64 = 0x0080; // 050
    const HELP: i64 = 0x0040; // 070
    const LIFT_SANCTIONS: i64 = 0x0205; // 085
    const ATTACK: i64 = 0x00A0; // 190
    const MEET: i64 = 0xB000; // 040
    const INVESTIGATE: i64 = 0xA000; // 090

    #[test]
    fn negation_reads_back_as_the_ontologys_refusals() {
        // 110 is written 0x1007f = 0xFFFF + 0x0080: not clashing is diplomatic cooperation.
        assert_eq!(0x1007f - NEGATION, 0x0080);
        // 121 = -0xFFFF + 0x0070: not providing material cooperation.
        assert_eq!(0x0070 - NEGATION, -0xFFFF + 0x0070);
        // 124 = -0xFFFF + 0x0200: not yielding.
        assert_eq!(0x0200 - NEGATION, -0xFFFF + 0x0200);
    }

    #[test]
    fn stances_frame_acts() {
        assert_eq!(combine(WANT, HELP), 0x3040, "intend to provide aid: 033");
        assert_eq!(combine(ASK, HELP), 0x2040, "appeal for aid: 023");
        assert_eq!(combine(0x6000, ATTACK), 0x60A0, "threaten with force: 138");
    }

    #[test]
    fn of_two_stances_the_inner_wins() {
        assert_eq!(combine(SAY, WANT), WANT);
        assert_eq!(combine(WANT, MEET), MEET);
        assert_eq!(combine(WANT, INVESTIGATE), INVESTIGATE, "want to re-examine: 090");
    }

    #[test]
    fn a_more_specific_act_replaces_the_outer_one() {
        assert_eq!(combine(AGREE, LIFT_SANCTIONS), LIFT_SANCTIONS, "agreed to lift sanctions: 085");
        assert_eq!(combine(0, ATTACK), ATTACK, "a null-coded verb adds nothing");
    }

    #[test]
    fn refusals_add_up() {
        // "said he would not provide": the negated inner value is added to the outer.
        assert_eq!(combine(SAY, 0x0070 - NEGATION), 0x1000 + 0x0070 - 0xFFFF);
        // "refused [120] to provide [060]" is 121.
        assert_eq!(combine(-NEGATION, 0x0070), -0xFFFF + 0x0070);
        // "did not agree to lift sanctions": the outer contributes 0, the inner is negated.
        assert_eq!(combine(0, LIFT_SANCTIONS - NEGATION), -0xFFFF + 0x0205);
    }

    /// A small PETRARCH dictionary, with or without UniversalPetrarch's values.
    fn dictionaries(pico: bool) -> Dictionaries {
        use dyad_dict::Format;
        const VERBS: &str = "####### VERB PATTERNS #######
---  PHYSICAL_CONFLICT   [190]  ---
ATTACK
CLASH
- * (OVER EFFORTS) [110]
---  DEMAND   [100]  ---
WANT [030]
---  ASK   [020]  ---
ASK
---  GRANT   [060]  ---
PROVIDE
HELP [070]
- * SUPPORT [060]
---  EXPLAIN_VERBAL   [010]  ---
SAY {SAYS SAID SAYING}
~ a (b . ATTACK) WANT = a b 021
~ a (_ b ATTACK) WANT = a b 138
~ a (a b Q) SAY = a b Q
";
        const ACTORS: &str = "UNITED_STATES_ [USA]\nOBAMA_ [USAGOV]\nPUTIN_ [RUSGOV]\nCONGRESS_ [USALEG]\nSWITZERLAND_ [CHE]\nISRAEL_ [ISR]\nIRAN_ [IRN]\n";
        const PICO: &str = "010:0x1000\n020:0x2000\n021:0x2070\n023:0x2040\n030:0x3000\n033:0x3040\n050:0x0080\n060:0x0070\n070:0x0040\n100:0x4000\n110:0x1007f#0xFFFF+0x0080#0x7000\n120:-0xFFFF\n121:-0xFFFF+0x0070\n138:0x60A0\n190:0x00A0\n";
        let mut b = Dictionaries::builder();
        b.add_bytes_as("verbs.txt", VERBS.as_bytes(), Some(Format::PetrarchVerbs));
        b.add_bytes_as("actors.txt", ACTORS.as_bytes(), Some(Format::PetrarchActors));
        if pico {
            b.add_bytes_as("pico.txt", PICO.as_bytes(), Some(Format::Pico));
        }
        let d = b.build();
        assert_eq!(d.errors(), 0, "{:?}", d.diagnostics());
        d
    }

    /// The (source, target, code) triples of a sentence given as (form, lemma, upos, head,
    /// relation) rows.
    fn code(dict: &Dictionaries, rows: &[(&str, &str, &str, usize, &str)]) -> Vec<(String, String, String)> {
        let sentence = crate::tree::sentence_from_rows(rows);
        let options = super::super::Options { require_dyad: true, places: false, ..Default::default() };
        let mut context = crate::actors::ArticleContext::default();
        let events = super::super::code_sentence(&sentence, None, dict, &options, &mut context);
        events.into_iter().map(|e| (e.source.map(|a| a.code).unwrap_or_default(), e.target.map(|a| a.code).unwrap_or_default(), e.code)).collect()
    }

    fn triple(s: &str, t: &str, c: &str) -> (String, String, String) {
        (s.into(), t.into(), c.into())
    }

    const DID_NOT_CLASH: &[(&str, &str, &str, usize, &str)] = &[
        ("Obama", "Obama", "PROPN", 4, "nsubj"),
        ("did", "do", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "neg"),
        ("clash", "clash", "VERB", 0, "root"),
        ("over", "over", "ADP", 6, "case"),
        ("efforts", "effort", "NOUN", 4, "nmod"),
        ("of", "of", "ADP", 8, "case"),
        ("Israel", "Israel", "PROPN", 6, "nmod"),
    ];

    #[test]
    fn a_negated_verb_codes_its_negation_only_with_an_ontology() {
        assert_eq!(code(&dictionaries(true), DID_NOT_CLASH), vec![triple("USAGOV", "ISR", "050")]);
        assert_eq!(code(&dictionaries(false), DID_NOT_CLASH), vec![], "without PICO, negation codes nothing");
    }

    #[test]
    fn a_negation_without_a_code_codes_nothing() {
        // "Obama did not want Israel": 0x3000 - 0xFFFF names no code.
        let rows = [("Obama", "Obama", "PROPN", 4, "nsubj"), ("did", "do", "AUX", 4, "aux"), ("not", "not", "PART", 4, "neg"), ("want", "want", "VERB", 0, "root"), ("Israel", "Israel", "PROPN", 4, "dobj")];
        assert_eq!(code(&dictionaries(true), &rows), vec![]);
    }

    const WANTS_PUTIN_TO_ATTACK: &[(&str, &str, &str, usize, &str)] = &[
        ("Obama", "Obama", "PROPN", 2, "nsubj"),
        ("wants", "want", "VERB", 0, "root"),
        ("Putin", "Putin", "PROPN", 2, "dobj"),
        ("to", "to", "PART", 5, "mark"),
        ("attack", "attack", "VERB", 2, "xcomp"),
        ("Switzerland", "Switzerland", "PROPN", 5, "dobj"),
    ];

    #[test]
    fn transformations_rewrite_a_verb_and_its_complement() {
        let d = dictionaries(true);
        assert_eq!(code(&d, WANTS_PUTIN_TO_ATTACK), vec![triple("USAGOV", "RUSGOV", "021")]);
        let wants_to_attack = [("Obama", "Obama", "PROPN", 2, "nsubj"), ("wants", "want", "VERB", 0, "root"), ("to", "to", "PART", 4, "mark"), ("attack", "attack", "VERB", 2, "xcomp"), ("Switzerland", "Switzerland", "PROPN", 4, "dobj")];
        assert_eq!(code(&d, &wants_to_attack), vec![triple("USAGOV", "CHE", "138")]);
    }

    #[test]
    fn without_an_ontology_the_outer_verb_codes_alone() {
        // The complement of "want" is hypothetical; "want" codes with its own object.
        assert_eq!(code(&dictionaries(false), WANTS_PUTIN_TO_ATTACK), vec![triple("USAGOV", "RUSGOV", "030")]);
    }

    #[test]
    fn values_combine_where_no_transformation_applies() {
        let d = dictionaries(true);
        // "Obama wants to help Israel": 0x3000 + 0x0040 = 033.
        let wants_to_help = [("Obama", "Obama", "PROPN", 2, "nsubj"), ("wants", "want", "VERB", 0, "root"), ("to", "to", "PART", 4, "mark"), ("help", "help", "VERB", 2, "xcomp"), ("Israel", "Israel", "PROPN", 4, "dobj")];
        assert_eq!(code(&d, &wants_to_help), vec![triple("USAGOV", "ISR", "033")]);
        // "Congress asks Obama to help Iran": an appeal to Obama, 0x2000 + 0x0040 = 023.
        let asks_to_help = [("Congress", "Congress", "PROPN", 2, "nsubj"), ("asks", "ask", "VERB", 0, "root"), ("Obama", "Obama", "PROPN", 2, "dobj"), ("to", "to", "PART", 5, "mark"), ("help", "help", "VERB", 2, "xcomp"), ("Iran", "Iran", "PROPN", 5, "dobj")];
        assert_eq!(code(&d, &asks_to_help), vec![triple("USALEG", "USAGOV", "023")]);
    }

    #[test]
    fn a_reported_refusal_keeps_the_reporter() {
        // "Obama said he would not provide support to Israel": not 060 is 121, and
        // `~ a (a b Q) SAY = a b Q` keeps it Obama's.
        let rows = [
            ("Obama", "Obama", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("he", "he", "PRON", 6, "nsubj"),
            ("would", "would", "AUX", 6, "aux"),
            ("not", "not", "PART", 6, "neg"),
            ("provide", "provide", "VERB", 2, "ccomp"),
            ("support", "support", "NOUN", 6, "dobj"),
            ("to", "to", "ADP", 9, "case"),
            ("Israel", "Israel", "PROPN", 6, "nmod"),
        ];
        assert_eq!(code(&dictionaries(true), &rows), vec![triple("USAGOV", "ISR", "121")]);
        assert_eq!(code(&dictionaries(false), &rows), vec![]);
    }

    fn actor(code: &str) -> ActorRef {
        ActorRef { code: code.into(), name: None, id: None, first: 0, last: 0 }
    }

    #[test]
    fn transformation_verbs_name_their_kind() {
        assert_eq!(fit(ATTACK, ATTACK), Some(0));
        assert_eq!(fit(ATTACK, 0x00A2), Some(1), "192, occupy, is fighting");
        assert_eq!(fit(ATTACK, 0x0092), None, "182, assault, is not");
        assert_eq!(fit(SAY, 0x1003), Some(1));
        assert_eq!(fit(SAY, 0x10A0), Some(2));
        assert_eq!(fit(SAY, 0x1000), Some(0));
        assert_eq!(fit(WANT, 0x3040), Some(2));
        assert_eq!(fit(0, ATTACK), None, "a null-coded verb names only itself");
        assert_eq!(fit(0x0070 - NEGATION, 0x0070 - NEGATION), Some(0));
        assert_eq!(fit(0x0070, 0x0075 - NEGATION), None);
    }

    #[test]
    fn letters_bind_actors() {
        let (usa, rus, che) = (actor("USAGOV"), actor("RUSGOV"), actor("CHE"));
        let (u, r, c) = (Slot::Actor(&usa), Slot::Actor(&rus), Slot::Actor(&che));
        // ~ a (b . ATTACK) WANT: b is someone other than a, the target anything.
        let b = bind(&[("a", u), ("b", r), (".", c)]).unwrap();
        assert_eq!(b, vec![("a", u), ("b", r)]);
        assert!(bind(&[("a", u), ("b", u), (".", c)]).is_none(), "two letters, two actors");
        assert!(bind(&[("a", u), ("b", Slot::Absent), (".", c)]).is_none(), "a letter wants an actor");
        // ~ a (_ b ATTACK) WANT: no inner actor of its own.
        assert!(bind(&[("a", u), ("_", Slot::Absent), ("b", c)]).is_some());
        assert!(bind(&[("a", u), ("_", r), ("b", c)]).is_none());
        // ~ a (a b ATTACK) SAY: the same letter, the same actor.
        assert!(bind(&[("a", u), ("a", u), ("b", c)]).is_some());
        assert!(bind(&[("a", u), ("a", r), ("b", c)]).is_none());
        assert!(bind(&[("a", u), (".", Slot::Absent), ("b", c)]).is_some(), "`.` takes no actor too");
    }
}
