//! PETRARCH-2 and TABARI verb dictionaries.
//!
//! A file holds synsets (`&NAME` followed by `+WORD` lines), verb blocks (a `--- NAME
//! [CODE] ---` header, verb lines with optional irregular forms in `{...}` and an optional
//! own `[CODE]`, then `- pattern [CODE]` lines) and PETRARCH-2 transformations (`~ ...`).
//!
//! Patterns come in two generations, read by one grammar:
//! - PETRARCH-2 (`CAMEO.2.0.txt`): `- PRE-NOUNS (PRE-PREP ...) * POST-NOUNS (PREP NOUN)
//!   [CODE]`, where `(...)` is a prepositional phrase (first word the preposition), `{...}`
//!   a noun phrase whose last word is the head, `A/B` alternatives;
//! - TABARI/PETRARCH-1 (`PETR.Validate.verbs.txt`): a linear word sequence around `*`,
//!   with `_` joining words that must be consecutive (`IN_*`, `*_OUT`).
//!
//! In both, `$` is the source, `+` the target, `%` an actor that is both, `^` a skipped
//! noun phrase, `&NAME` a synset. Codes may be paired (`[042:043]`: the second is coded in
//! the other direction) and `---` is the null code.

use crate::diag::{FileId, Origin, Sink};
use crate::model::{Dialect, Element, EventCode, Pattern, Side, Synset, SynsetMember, Term, Transformation, Verb, VerbBlock};
use crate::petrarch::{phrase_words, regular_plural, significant_lines};

/// What a verb dictionary file holds.
#[derive(Debug, Default)]
pub struct VerbFile {
    pub synsets: Vec<Synset>,
    pub blocks: Vec<VerbBlock>,
    pub transformations: Vec<Transformation>,
}

enum Context {
    None,
    Synset,
    Block,
}

/// Reads a PETRARCH/TABARI verb dictionary. Malformed lines are reported to `sink` and
/// skipped.
pub(crate) fn parse(text: &str, file: FileId, sink: &mut Sink) -> VerbFile {
    let mut out = VerbFile::default();
    let mut ctx = Context::None;
    let mut label_plural = true;
    for (n, line) in significant_lines(text, true) {
        let origin = Origin { file, line: n };
        let t = line.trim();
        if t.starts_with("---") {
            match parse_header(t) {
                Ok((name, code, reverse_code)) => {
                    out.blocks.push(VerbBlock { name, code, reverse_code, verbs: Vec::new(), patterns: Vec::new(), origin });
                    ctx = Context::Block;
                }
                Err(e) => {
                    sink.error(n, e);
                    ctx = Context::None;
                }
            }
        } else if let Some(rest) = t.strip_prefix('&') {
            let (name, plural) = synset_name(rest);
            if name.is_empty() || rest.split_whitespace().count() != 1 {
                sink.error(n, format!("bad synset label {t:?}"));
                ctx = Context::None;
                continue;
            }
            out.synsets.push(Synset { name, members: Vec::new(), origin });
            // A label ending in `_` turns plurals off for all its members.
            label_plural = plural;
            ctx = Context::Synset;
        } else if t.starts_with('+') && matches!(ctx, Context::Synset) {
            let syn = out.synsets.last_mut().unwrap();
            match parse_member(&t[1..], !label_plural) {
                Some(m) => syn.members.push(m),
                None => sink.error(n, "empty synset member"),
            }
        } else if let Some(rest) = t.strip_prefix('~') {
            match parse_transformation(rest, origin) {
                Ok(tr) => out.transformations.push(tr),
                Err(e) => sink.error(n, e),
            }
        } else if let Some(rest) = t.strip_prefix('-') {
            let Some(block) = out.blocks.last_mut().filter(|_| matches!(ctx, Context::Block)) else {
                sink.error(n, "pattern outside a verb block (no `--- VERB [code] ---` header before it)");
                continue;
            };
            match parse_pattern_line(rest, origin, sink) {
                Ok(p) => block.patterns.push(p),
                Err(e) => sink.error(n, e),
            }
        } else if matches!(ctx, Context::Block) && t.split('[').next().is_some_and(|head| head.contains('*')) {
            // "* (TO QUESTION) [110]" under a verb: a pattern that lost its dash, as the
            // field's own readers take it.
            sink.warn(n, format!("{t:?} is a pattern without its leading `-`; read as a pattern"));
            match parse_pattern_line(t, origin, sink) {
                Ok(p) => out.blocks.last_mut().unwrap().patterns.push(p),
                Err(e) => sink.error(n, e),
            }
        } else if matches!(ctx, Context::Block) {
            let block = out.blocks.last_mut().unwrap();
            match parse_verb_line(t, (block.code.clone(), block.reverse_code.clone()), origin, sink) {
                Ok(v) => block.verbs.push(v),
                Err(e) => sink.error(n, e),
            }
        } else if matches!(ctx, Context::Synset) {
            sink.error(n, format!("expected a `+MEMBER` line in synset &{}", out.synsets.last().unwrap().name));
        } else {
            sink.error(n, format!("line outside any synset or verb block: {t:?}"));
        }
    }
    out
}

/// `--- NAME [CODE] ---` → (NAME, code, paired code). `[---]` or no code is the null code.
fn parse_header(t: &str) -> Result<(Box<str>, Option<EventCode>, Option<EventCode>), String> {
    let inner = t.trim_start_matches('-').trim_end_matches('-').trim();
    let (name, (code, reverse)) = match inner.find('[') {
        Some(i) => {
            let close = inner[i..].find(']').ok_or("block header has `[` without `]`")? + i;
            (inner[..i].trim(), parse_code(&inner[i + 1..close])?)
        }
        None => (inner, (None, None)),
    };
    if name.is_empty() {
        return Err("block header without a name".into());
    }
    Ok((name.trim_end_matches('_').into(), code, reverse))
}

/// A code field: `042`, `042:043`, `:054`, `---`, `080!`. Returns (code, reverse code).
fn parse_code(s: &str) -> Result<(Option<EventCode>, Option<EventCode>), String> {
    let s = s.trim();
    let one = |c: &str| -> Result<Option<EventCode>, String> {
        let c = c.trim().trim_end_matches('!');
        if c.is_empty() || c == "---" {
            return Ok(None);
        }
        if c.chars().any(|ch| ch.is_whitespace() || ch == '[' || ch == ']') {
            return Err(format!("bad code {s:?}"));
        }
        Ok(Some(EventCode::new(c)))
    };
    match s.split_once(':') {
        Some((a, b)) => Ok((one(a)?, one(b)?)),
        None => Ok((one(s)?, None)),
    }
}

fn synset_name(rest: &str) -> (Box<str>, bool) {
    let raw = rest.trim();
    let no_plural = raw.ends_with('_');
    (raw.trim_end_matches('_').to_ascii_uppercase().into(), !no_plural)
}

fn parse_member(s: &str, label_no_plural: bool) -> Option<SynsetMember> {
    let s = s.trim();
    if let Some(name) = s.strip_prefix('&') {
        return Some(SynsetMember::Synset(synset_name(name).0));
    }
    let plural = !label_no_plural && !s.ends_with('_');
    let words = phrase_words(s);
    if words.is_empty() {
        return None;
    }
    Some(SynsetMember::Phrase { words, plural })
}

/// A verb line: `SAY {SAID SAYING} [010]`, `+CORDON_OFF {+CORDONED_OFF ...}`, `WIRE_+TAP`.
fn parse_verb_line(t: &str, block_code: (Option<EventCode>, Option<EventCode>), origin: Origin, sink: &mut Sink) -> Result<Verb, String> {
    let (main, code) = match t.find('[') {
        Some(i) => {
            let close = t[i..].find(']').ok_or("verb has `[` without `]`")? + i;
            (&t[..i], Some(parse_code(&t[i + 1..close])?))
        }
        None => (t, None),
    };
    let (head, forms_text) = match main.find('{') {
        Some(i) => {
            let close = main[i..].find('}').ok_or("verb forms have `{` without `}`")? + i;
            (main[..i].trim(), Some(&main[i + 1..close]))
        }
        None => (main.trim(), None),
    };
    if head.is_empty() {
        return Err("verb line without a verb".into());
    }
    let joined;
    let head = if head.split_whitespace().count() > 1 {
        sink.warn(origin.line, format!("verb {head:?} has blanks; read as the multi-word verb {:?}", head.split_whitespace().collect::<Vec<_>>().join("_")));
        joined = head.split_whitespace().collect::<Vec<_>>().join("_");
        joined.as_str()
    } else {
        head
    };
    let (before, lemma, after) = split_multiword(head, origin.line, sink)?;
    let mut forms: Vec<Box<str>> = Vec::new();
    match forms_text {
        Some(ft) => {
            for f in ft.split_whitespace() {
                let (_, w, _) = split_multiword(f, origin.line, sink)?;
                if !forms.contains(&w) {
                    forms.push(w);
                }
            }
        }
        None => {
            for f in regular_verb_forms(&lemma) {
                forms.push(f.into());
            }
        }
    }
    let (code, reverse_code) = match code {
        Some(c) => c,
        None => block_code,
    };
    Ok(Verb { lemma, before, after, forms, code, reverse_code, origin })
}

/// Splits a multi-word verb on `_` around the `+`-marked word. Without `+`, the only
/// word is the verb (`ROUND_UP` without a `+` would be ambiguous: the first word is taken
/// and a warning given).
/// (words before the verb, the verb, words after it)
type MultiWord = (Vec<Box<str>>, Box<str>, Vec<Box<str>>);

fn split_multiword(s: &str, line: u32, sink: &mut Sink) -> Result<MultiWord, String> {
    let s = s.trim().trim_end_matches('_');
    let parts: Vec<&str> = s.split('_').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err(format!("empty verb {s:?}"));
    }
    let marked: Vec<usize> = parts.iter().enumerate().filter(|(_, p)| p.starts_with('+')).map(|(i, _)| i).collect();
    let at = match marked.as_slice() {
        [i] => *i,
        [] if parts.len() == 1 => 0,
        [] => {
            sink.warn(line, format!("multi-word verb {s:?} does not mark its verb with `+`; taking the first word"));
            0
        }
        _ => return Err(format!("multi-word verb {s:?} marks more than one word with `+`")),
    };
    let lw = |p: &str| -> Box<str> { p.trim_start_matches('+').to_lowercase().into() };
    let lemma = lw(parts[at]);
    if lemma.is_empty() {
        return Err(format!("empty verb in {s:?}"));
    }
    Ok((parts[..at].iter().map(|p| lw(p)).collect(), lemma, parts[at + 1..].iter().map(|p| lw(p)).collect()))
}

/// PETRARCH's regular forms: -S (-ES after s, x, z), -ED (-D after e), -ING (dropping a
/// final e).
pub(crate) fn regular_verb_forms(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    if lemma.ends_with(['s', 'x', 'z']) {
        v.push(format!("{lemma}es"));
    } else {
        v.push(format!("{lemma}s"));
    }
    if let Some(stem) = lemma.strip_suffix('e') {
        v.push(format!("{lemma}d"));
        v.push(format!("{stem}ing"));
    } else {
        v.push(format!("{lemma}ed"));
        v.push(format!("{lemma}ing"));
    }
    v
}

/// A pattern line after its leading `-`: `PATTERN [CODE] # comment`.
fn parse_pattern_line(rest: &str, origin: Origin, sink: &mut Sink) -> Result<Pattern, String> {
    let open = rest.rfind('[').ok_or("pattern without a `[code]`")?;
    let close = rest[open..].find(']').ok_or("pattern code has `[` without `]`")? + open;
    let body = rest[..open].trim();
    if !rest[close + 1..].trim().is_empty() {
        sink.warn(origin.line, format!("text after the code ignored: {:?}", rest[close + 1..].trim()));
    }
    let (code, reverse_code) = parse_code(&rest[open + 1..close])?;
    if rest[open + 1..close].trim().ends_with('!') {
        sink.warn(origin.line, format!("code {:?}: trailing `!` ignored", rest[open + 1..close].trim()));
    }
    let elements = parse_pattern_body(body)?;
    Ok(Pattern {
        code,
        reverse_code,
        anchor: Vec::new(),
        elements,
        dialect: Dialect::Petrarch,
        text: body.into(),
        origin,
    })
}

#[derive(Debug, PartialEq)]
enum Lex<'a> {
    Open,
    Close,
    OpenNp,
    CloseNp,
    Verb,
    Word(&'a str),
}

/// Splits a pattern body into lexemes; the bool says the lexeme was joined to the
/// previous one by `_` (must be consecutive). A synset name runs over underscores
/// (`&FIGHT_CRIM` is one name, as PETRARCH-2 reads it).
fn lex(body: &str) -> Vec<(Lex<'_>, bool)> {
    let mut out = Vec::new();
    for tok in body.split_whitespace() {
        let b = tok.as_bytes();
        let mut i = 0;
        let mut joined = false;
        while i < b.len() {
            let (lx, len) = match b[i] {
                b'_' => {
                    joined = true;
                    i += 1;
                    continue;
                }
                b'(' => (Lex::Open, 1),
                b')' => (Lex::Close, 1),
                b'{' => (Lex::OpenNp, 1),
                b'}' => (Lex::CloseNp, 1),
                b'*' => (Lex::Verb, 1),
                b'&' => {
                    let end = tok[i + 1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map_or(b.len(), |e| e + i + 1);
                    (Lex::Word(&tok[i..end]), end - i)
                }
                _ => {
                    let end = tok[i..].find(['(', ')', '{', '}', '*', '_']).map_or(b.len(), |e| e + i);
                    (Lex::Word(&tok[i..end]), end - i)
                }
            };
            out.push((lx, joined));
            joined = false;
            i += len;
        }
    }
    out
}

fn word_term(w: &str) -> Result<Term, String> {
    Ok(match w {
        "$" => Term::Source,
        "+" => Term::Target,
        "%" => Term::Both,
        "^" => Term::Skip,
        _ if w.starts_with('&') => {
            let name = w[1..].trim_end_matches('_').to_ascii_uppercase();
            if name.is_empty() {
                return Err("`&` without a synset name".into());
            }
            Term::Synset(name.into())
        }
        _ => {
            let alts: Vec<Box<str>> = w.split('/').filter(|a| !a.is_empty()).map(|a| a.to_lowercase().into()).collect();
            if alts.is_empty() {
                return Err(format!("bad word {w:?}"));
            }
            Term::Words(alts)
        }
    })
}

/// Parses the part of a pattern before its code into elements around the verb `*`.
pub(crate) fn parse_pattern_body(body: &str) -> Result<Vec<Element>, String> {
    let lexemes = lex(body);
    let mut side = Side::Before;
    let mut seen_verb = false;
    let mut elements: Vec<Element> = Vec::new();
    // Inside `( ... )`: the preposition, once read, and whether it governed anything.
    let mut prep: Option<(Vec<Box<str>>, bool)> = None;
    let mut expecting_prep = false;
    // Inside `{ ... }`: the words so far (the last one becomes the head).
    let mut np: Option<Vec<Term>> = None;
    let mut np_adjacent = false;
    let mut pending_adjacent = false;
    for (lx, adj) in lexemes {
        // `_` joins neighbours: before the verb it ties an element to the next one (or to
        // the verb), after the verb it ties the element to the previous one.
        if adj {
            if seen_verb {
                pending_adjacent = true;
            } else if let Some(last) = elements.last_mut() {
                last.adjacent = true;
            }
        }
        match lx {
            Lex::Verb => {
                if seen_verb {
                    return Err("pattern has more than one `*`".into());
                }
                if prep.is_some() || np.is_some() {
                    return Err("`*` inside a phrase".into());
                }
                seen_verb = true;
                side = Side::After;
                pending_adjacent = false;
            }
            Lex::Open => {
                if prep.is_some() || np.is_some() {
                    return Err("nested `(`".into());
                }
                prep = Some((Vec::new(), false));
                expecting_prep = true;
            }
            Lex::Close => {
                let Some((p, used)) = prep.take() else { return Err("`)` without `(`".into()) };
                if np.is_some() {
                    return Err("`)` inside `{...}`".into());
                }
                if p.is_empty() {
                    return Err("empty `()`".into());
                }
                if !used {
                    elements.push(Element { side, prep: p, term: Term::Any, modifiers: Vec::new(), optional: false, adjacent: false });
                }
                expecting_prep = false;
            }
            Lex::OpenNp => {
                if np.is_some() {
                    return Err("nested `{`".into());
                }
                if expecting_prep {
                    return Err("`(` must start with a preposition, not `{`".into());
                }
                np = Some(Vec::new());
                np_adjacent = pending_adjacent;
                pending_adjacent = false;
            }
            Lex::CloseNp => {
                let Some(mut words) = np.take() else { return Err("`}` without `{`".into()) };
                let Some(head) = words.pop() else { return Err("empty `{}`".into()) };
                let modifiers = words;
                let p = match &mut prep {
                    Some((p, used)) => {
                        *used = true;
                        p.clone()
                    }
                    None => Vec::new(),
                };
                elements.push(Element { side, prep: p, term: head, modifiers, optional: false, adjacent: np_adjacent });
            }
            Lex::Word(w) => {
                if expecting_prep {
                    let alts: Vec<Box<str>> = w.split('/').filter(|a| !a.is_empty()).map(|a| a.to_lowercase().into()).collect();
                    if alts.is_empty() {
                        return Err(format!("bad preposition {w:?}"));
                    }
                    prep.as_mut().unwrap().0 = alts;
                    expecting_prep = false;
                    continue;
                }
                let term = word_term(w)?;
                if let Some(words) = &mut np {
                    words.push(term);
                    continue;
                }
                let p = match &mut prep {
                    Some((p, used)) => {
                        *used = true;
                        p.clone()
                    }
                    None => Vec::new(),
                };
                let adjacent = pending_adjacent;
                pending_adjacent = false;
                elements.push(Element { side, prep: p, term, modifiers: Vec::new(), optional: false, adjacent });
            }
        }
    }
    if prep.is_some() {
        return Err("`(` without `)`".into());
    }
    if np.is_some() {
        return Err("`{` without `}`".into());
    }
    if !seen_verb {
        return Err("pattern without `*` (the verb's place)".into());
    }
    // "* THEIR ^ ABOUT +": a preposition written bare right before a slot governs it, as
    // if written "(ABOUT +)"; dictionaries use both spellings.
    let mut k = 0;
    while k + 1 < elements.len() {
        let (e, next) = (&elements[k], &elements[k + 1]);
        let bare_prep = match &e.term {
            Term::Words(w) => w.len() == 1 && e.prep.is_empty() && e.modifiers.is_empty() && PREPOSITIONS.contains(&&*w[0]),
            _ => false,
        };
        // Not in TABARI's linear patterns, where `IN_ $` asks for exactly those words in
        // a row (underscores mark them).
        let linear = body.contains('_') && !body.contains('&');
        if bare_prep && !linear && matches!(next.term, Term::Target | Term::Source) && next.prep.is_empty() && next.side == e.side {
            let Term::Words(w) = elements.remove(k).term else { unreachable!() };
            elements[k].prep = w;
        }
        k += 1;
    }
    Ok(elements)
}

/// Words that, written bare before a slot, are its preposition.
const PREPOSITIONS: &[&str] = &[
    "about", "against", "among", "at", "between", "by", "for", "from", "in", "into", "of", "on", "onto", "over",
    "to", "toward", "towards", "upon", "with", "within",
];

/// `a (a b ATTACK) SAY = a b 015` (after the `~`).
fn parse_transformation(rest: &str, origin: Origin) -> Result<Transformation, String> {
    let (lhs, rhs) = rest.split_once('=').ok_or("transformation without `=`")?;
    let lhs = lhs.replace(['(', ')'], " ");
    let l: Vec<&str> = lhs.split_whitespace().collect();
    let r: Vec<&str> = rhs.split_whitespace().collect();
    if l.len() != 5 || r.len() != 3 {
        return Err("transformation must read `~ a (b c VERB) VERB = x y CODE`".into());
    }
    let b = |s: &str| -> Box<str> { s.into() };
    Ok(Transformation {
        source: b(l[0]),
        inner_source: b(l[1]),
        inner_target: b(l[2]),
        inner_verb: l[3].split('_').map(|w| w.to_lowercase().into()).collect(),
        verb: l[4].to_lowercase().into(),
        result_source: b(r[0]),
        result_target: b(r[1]),
        result_code: b(r[2]),
        origin,
    })
}

/// The plural a synset member gets (PETRARCH adds one unless told not to).
pub(crate) fn member_forms(words: &[Box<str>], plural: bool) -> Vec<String> {
    let base = words.join(" ");
    let mut v = vec![base];
    if plural {
        if let Some((last, init)) = words.split_last() {
            let mut w: Vec<String> = init.iter().map(|s| s.to_string()).collect();
            w.push(regular_plural(last));
            v.push(w.join(" "));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Sink;

    fn parse_str(s: &str) -> (VerbFile, Vec<String>) {
        let mut sink = Sink::new("v.txt");
        let f = parse(s, FileId(0), &mut sink);
        (f, sink.out.iter().map(|d| d.to_string()).collect())
    }

    fn words(t: &Term) -> Vec<&str> {
        match t {
            Term::Words(w) => w.iter().map(|b| &**b).collect(),
            _ => panic!("not words: {t:?}"),
        }
    }

    #[test]
    fn petrarch2_patterns() {
        let els = parse_pattern_body("&MILITARY * (TO +) &STRONGHOLD (IN $)").unwrap();
        assert_eq!(els.len(), 4);
        assert_eq!((els[0].side, &els[0].term), (Side::Before, &Term::Synset("MILITARY".into())));
        assert_eq!(els[1].prep, vec![Box::<str>::from("to")]);
        assert_eq!((els[1].side, &els[1].term), (Side::After, &Term::Target));
        assert_eq!(els[2].term, Term::Synset("STRONGHOLD".into()));
        assert!(els[2].prep.is_empty());
        assert_eq!((&*els[3].prep[0], &els[3].term), ("in", &Term::Source));

        let els = parse_pattern_body("* &SECURITY (OVER {&WEAPON ATTACK})").unwrap();
        assert_eq!(els[1].prep[0].as_ref(), "over");
        assert_eq!(words(&els[1].term), ["attack"]);
        assert_eq!(els[1].modifiers, vec![Term::Synset("WEAPON".into())]);

        let els = parse_pattern_body("* (TO)").unwrap();
        assert_eq!((els[0].prep[0].as_ref(), &els[0].term), ("to", &Term::Any));

        let els = parse_pattern_body("* (IN AIR ATTACK/BOMBING/RAID/STRIKE)").unwrap();
        assert_eq!(els.len(), 2);
        assert_eq!(words(&els[1].term), ["attack", "bombing", "raid", "strike"]);
        let els = parse_pattern_body("* (TO/FOR PROTEST)").unwrap();
        assert_eq!(els[0].prep.iter().map(|p| &**p).collect::<Vec<_>>(), ["to", "for"]);
        let els = parse_pattern_body("PROTESTOR\t*").unwrap();
        assert_eq!((els[0].side, words(&els[0].term)), (Side::Before, vec!["protestor"]));
    }

    #[test]
    fn tabari_linear_patterns() {
        let els = parse_pattern_body("SO IN_AND_*_OUT_AGAIN NOW").unwrap();
        let got: Vec<(Side, &str, bool)> = els.iter().map(|e| (e.side, words(&e.term)[0], e.adjacent)).collect();
        assert_eq!(
            got,
            [
                (Side::Before, "so", false),
                (Side::Before, "in", true),
                (Side::Before, "and", true),
                (Side::After, "out", true),
                (Side::After, "again", true),
                (Side::After, "now", false)
            ]
        );
        let els = parse_pattern_body("+ KNOWN_ * IN_ $").unwrap();
        assert_eq!(els[0].term, Term::Target);
        assert_eq!(els[3].term, Term::Source);
    }

    #[test]
    fn a_bare_preposition_before_a_slot_governs_it() {
        let els = parse_pattern_body("* THEIR ^ ABOUT +").unwrap();
        assert_eq!(els.len(), 3, "{els:?}");
        assert_eq!(els[2].term, Term::Target);
        assert_eq!(els[2].prep, [Box::<str>::from("about")]);
        // A word that is not a preposition stays a word.
        let els = parse_pattern_body("* KIDNAP +").unwrap();
        assert_eq!(els.len(), 2);
        assert!(els[1].prep.is_empty());
    }

    #[test]
    fn malformed_patterns() {
        assert!(parse_pattern_body("* (TO").is_err());
        assert!(parse_pattern_body("* TO)").is_err());
        assert!(parse_pattern_body("* {A B").is_err());
        assert!(parse_pattern_body("A B").is_err());
        assert!(parse_pattern_body("* * X").is_err());
        assert!(parse_pattern_body("* ()").is_err());
    }

    #[test]
    fn a_pattern_without_its_dash_is_read_with_a_warning() {
        let (f, diags) = parse_str("--- BEGIN [---] ---\nBEGIN {BEGAN BEGUN}\n* (TO QUESTION) [110]\n");
        let block = &f.blocks[0];
        assert_eq!(block.verbs.len(), 1);
        assert_eq!(block.patterns.len(), 1, "{diags:?}");
        assert_eq!(block.patterns[0].code.as_ref().map(|c| c.as_str()), Some("110"));
        assert_eq!(diags.len(), 1);
        assert!(diags[0].contains("v.txt:3") && diags[0].contains("without its leading `-`"), "{diags:?}");
    }

    #[test]
    fn a_small_file() {
        let text = "\
&CURRENCY
+DOLLAR
+KRONER_
+AUSTRIAN_FLORIN

&AUXVERB3_
+HAVE

####### VERB PATTERNS #######
---  ACCELERATE   [---]  ---
ACCELERATE
HURRY {HURRIES HURRYING HURRIED }
+SPEED_UP [042]
WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED}
- * (TO)                                              [042:043]     # RUSH
- * &CURRENCY [:054]
- * (TO [042]
-   * X [080!]
ORPHAN {
---  GRANT [070] ---
GIVE
~ a (a b ATTACK) SAY = a b 015
";
        let (f, diags) = parse_str(text);
        assert_eq!(
            diags,
            [
                "v.txt:17: error: `(` without `)`",
                "v.txt:18: warning: code \"080!\": trailing `!` ignored",
                "v.txt:19: error: verb forms have `{` without `}`"
            ]
        );
        assert_eq!(f.synsets.len(), 2);
        assert_eq!(&*f.synsets[0].name, "CURRENCY");
        assert_eq!(
            f.synsets[0].members[1],
            SynsetMember::Phrase { words: vec!["kroner".into()], plural: false }
        );
        assert_eq!(f.synsets[0].members[2], SynsetMember::Phrase { words: vec!["austrian".into(), "florin".into()], plural: true });
        assert_eq!(&*f.synsets[1].name, "AUXVERB3");
        assert_eq!(f.synsets[1].members[0], SynsetMember::Phrase { words: vec!["have".into()], plural: false });

        assert_eq!(f.blocks.len(), 2);
        let b = &f.blocks[0];
        assert_eq!((&*b.name, &b.code), ("ACCELERATE", &None));
        assert_eq!(b.verbs.len(), 4);
        assert_eq!(b.verbs[0].forms.iter().map(|s| &**s).collect::<Vec<_>>(), ["accelerate", "accelerates", "accelerated", "accelerating"]);
        assert_eq!(b.verbs[1].forms.iter().map(|s| &**s).collect::<Vec<_>>(), ["hurries", "hurrying", "hurried"]);
        let speed = &b.verbs[2];
        assert_eq!((&*speed.lemma, speed.after.len(), speed.code.as_ref().map(|c| c.as_str())), ("speed", 1, Some("042")));
        let tap = &b.verbs[3];
        assert_eq!((&*tap.lemma, &*tap.before[0]), ("tap", "wire"));
        assert_eq!(tap.forms.iter().map(|s| &**s).collect::<Vec<_>>(), ["taps", "tapped"]);
        assert_eq!(b.patterns.len(), 3);
        assert_eq!(b.patterns[0].code.as_ref().unwrap().as_str(), "042");
        assert_eq!(b.patterns[0].reverse_code.as_ref().unwrap().as_str(), "043");
        assert_eq!(b.patterns[1].code, None);
        assert_eq!(b.patterns[1].reverse_code.as_ref().unwrap().as_str(), "054");
        assert_eq!(b.patterns[2].code.as_ref().unwrap().as_str(), "080");
        assert_eq!(b.patterns[0].origin.line, 15);
        assert_eq!(f.blocks[1].verbs[0].code.as_ref().unwrap().as_str(), "070");
        assert_eq!(f.transformations.len(), 1);
        assert_eq!(&*f.transformations[0].result_code, "015");
    }

    #[test]
    fn lines_outside_blocks_are_errors() {
        let (_, d) = parse_str("SAY\n- * X [010]\n&S\nWORD\n");
        assert_eq!(
            d,
            [
                "v.txt:1: error: line outside any synset or verb block: \"SAY\"",
                "v.txt:2: error: pattern outside a verb block (no `--- VERB [code] ---` header before it)",
                "v.txt:4: error: expected a `+MEMBER` line in synset &S"
            ]
        );
    }
}
