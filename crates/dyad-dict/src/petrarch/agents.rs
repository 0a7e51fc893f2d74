//! PETRARCH agent dictionaries (`Phoenix.agents.txt`, `PETR.Validate.agents.txt`).
//!
//! Lines are `PHRASE {PLURAL} [CODE]`. The code is `~XXX` (appended to the actor's code:
//! "Russian soldiers" → RUS + MIL) or `XXX~` (put before it, for organisations). Without
//! `{...}` a regular plural is formed; `{}` means none. Substitution markers are defined
//! as `!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON` and expand in place
//! (`CONGRESS!PERSON!` → CONGRESSMAN, CONGRESSMEN, ...), without further plurals.

use rustc_hash::FxHashMap;

use crate::diag::{FileId, Origin, Sink};
use crate::model::{Agent, AgentCode};
use crate::petrarch::{display_name, phrase_words, regular_plural, significant_lines};

pub(crate) fn parse(text: &str, file: FileId, source: u16, sink: &mut Sink) -> Vec<Agent> {
    let mut markers: FxHashMap<String, Vec<String>> = FxHashMap::default();
    let mut out = Vec::new();
    for (n, line) in significant_lines(text, false) {
        let origin = Origin { file, line: n };
        let t = line.trim();
        if t.starts_with('!') && t.contains('=') && !t.contains('[') {
            let (lhs, rhs) = t.split_once('=').unwrap();
            let name = lhs.trim().trim_matches('!');
            if name.is_empty() || name.contains('!') {
                sink.error(n, format!("bad substitution marker {:?}", lhs.trim()));
                continue;
            }
            let items: Vec<String> = rhs.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            if items.is_empty() {
                sink.error(n, format!("substitution marker !{name}! has no values"));
                continue;
            }
            markers.insert(name.to_string(), items);
            continue;
        }
        let Some(open) = t.find('[') else {
            sink.error(n, "agent without a `[code]`");
            continue;
        };
        let Some(close) = t[open..].find(']').map(|i| i + open) else {
            sink.error(n, "agent code has `[` without `]`");
            continue;
        };
        let code = match parse_agent_code(&t[open + 1..close]) {
            Ok(c) => c,
            Err(e) => {
                sink.error(n, e);
                continue;
            }
        };
        let mut phrase = t[..open].trim();
        let mut plural: Option<&str> = None;
        if let Some(b) = phrase.find('{') {
            let Some(e) = phrase[b..].find('}').map(|i| i + b) else {
                sink.error(n, "plural has `{` without `}`");
                continue;
            };
            plural = Some(phrase[b + 1..e].trim());
            phrase = phrase[..b].trim();
        }
        if phrase.trim_matches('_').is_empty() {
            sink.error(n, "agent without a phrase");
            continue;
        }
        if phrase.contains('!') {
            // A marker stands for its values, which are complete forms: no plurals.
            let Some((pre, marker, post)) = split_marker(phrase) else {
                sink.error(n, format!("bad substitution marker in {phrase:?}"));
                continue;
            };
            let Some(values) = markers.get(marker) else {
                sink.error(n, format!("substitution marker !{marker}! is not defined above"));
                continue;
            };
            let forms: Vec<String> = values.iter().map(|v| words_of(&format!("{pre}{v}{post}"))).collect();
            out.push(Agent {
                name: display_name(&format!("{pre}{}{post}", values[0])),
                singular: forms,
                plural: Vec::new(),
                code,
                origin,
                source,
            });
            continue;
        }
        let singular = words_of(phrase);
        let plural = match plural {
            Some("") => Vec::new(),
            Some(p) => vec![words_of(p)],
            None => vec![plural_of(&singular)],
        };
        out.push(Agent { name: display_name(phrase), singular: vec![singular], plural, code, origin, source });
    }
    out
}

fn words_of(s: &str) -> String {
    phrase_words(s).join(" ")
}

/// Regular plural of the last word of a phrase.
pub(crate) fn plural_of(phrase: &str) -> String {
    match phrase.rsplit_once(' ') {
        Some((init, last)) => format!("{init} {}", regular_plural(last)),
        None => regular_plural(phrase),
    }
}

fn split_marker(s: &str) -> Option<(&str, &str, &str)> {
    let a = s.find('!')?;
    let b = s[a + 1..].find('!')? + a + 1;
    Some((&s[..a], &s[a + 1..b], &s[b + 1..]))
}

fn parse_agent_code(s: &str) -> Result<AgentCode, String> {
    let s = s.trim();
    let ok = |c: &str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_alphanumeric());
    if let Some(c) = s.strip_prefix('~') {
        if ok(c) {
            return Ok(AgentCode::Sector(c.to_ascii_uppercase().into()));
        }
    } else if let Some(c) = s.strip_suffix('~') {
        if ok(c) {
            return Ok(AgentCode::Prefix(c.to_ascii_uppercase().into()));
        }
    }
    Err(format!("bad agent code {s:?} (expected ~XXX or XXX~)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_with_plurals_and_markers() {
        let text = "\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
PARLIAMENTARY_OPPOSITION {} [~OPP] #jap 11 Oct 2002
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
AUTHORITY [~GOV]
CONGRESS [~LEG]
CONGRESS!PERSON! [~LEG]
PEACEKEEPING_TROOPS {} [IGO~]
SOLDIER
BAD [GOV]
X!NOPE! [~GOV]
";
        let mut sink = Sink::new("g.txt");
        let a = parse(text, FileId(0), 0, &mut sink);
        let d: Vec<String> = sink.out.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            d,
            [
                "g.txt:8: error: agent without a `[code]`",
                "g.txt:9: error: bad agent code \"GOV\" (expected ~XXX or XXX~)",
                "g.txt:10: error: substitution marker !NOPE! is not defined above"
            ]
        );
        assert_eq!(a.len(), 6);
        assert_eq!((a[0].singular[0].as_str(), a[0].plural.len()), ("parliamentary opposition", 0));
        assert_eq!(a[0].code, AgentCode::Sector("OPP".into()));
        assert_eq!(a[1].plural, ["attorneys general"]);
        assert_eq!(a[2].plural, ["authorities"]);
        assert_eq!(a[3].plural, ["congresses"]);
        assert_eq!(a[4].singular, ["congressman", "congressmen", "congresswoman", "congresswomen", "congressperson"]);
        assert_eq!(a[5].code, AgentCode::Prefix("IGO".into()));
        assert_eq!(a[5].code.apply(Some("NGA")), "IGONGA");
        assert_eq!(a[2].code.apply(Some("RUS")), "RUSGOV");
    }
}
