//! PETRARCH/TABARI actor dictionaries (`Phoenix.*.actors.txt`, `PETR.Validate.actors.txt`).
//!
//! An entry is a primary phrase (words joined by `_` or blanks) with an optional default
//! code in `[...]`, then synonym lines starting with `+`, then date restrictions on
//! tab-indented lines: `[CODE <date]` (until the date), `[CODE >date]` (from the date),
//! `[CODE date-date]`, or `[CODE]` (a new default). Dates are YYMMDD or YYYYMMDD and limits
//! are inclusive. The first restriction covering a date gives the code; otherwise the
//! default; otherwise nothing.
//!
//! Two things PETRARCH reads wrongly are handled here: the old TABARI form with date
//! restrictions on the primary line (`JAVIER_DE_CUELLAR_ [IGOUNO 820101-911231] [ELI]`)
//! is read, and an indented line that holds a name is read as a new actor (with a
//! warning) instead of being glued onto the previous one.

use crate::date::{parse_petrarch_date, DateRange};
use crate::diag::{FileId, Origin, Sink};
use crate::model::{Actor, ActorCode, ActorKind, DatedCode, Fallback};
use crate::petrarch::{display_name, significant_lines};

/// Reads an actor dictionary into [`Actor`]s of kind [`ActorKind::Listed`].
pub(crate) fn parse(text: &str, file: FileId, source: u16, sink: &mut Sink) -> Vec<Actor> {
    let mut actors: Vec<Actor> = Vec::new();
    // Whether the current actor may still take synonyms and restrictions.
    let mut open = false;
    for (n, line) in significant_lines(text, true) {
        let origin = Origin { file, line: n };
        let indented = line.starts_with([' ', '\t']);
        let t = line.trim();
        if let Some(alias) = t.strip_prefix('+') {
            if !open {
                sink.error(n, "synonym `+...` before any actor");
                continue;
            }
            let alias = alias.split('[').next().unwrap_or("").trim();
            if alias.trim_matches('_').is_empty() {
                sink.error(n, "empty synonym");
                continue;
            }
            if alias.contains('+') {
                sink.warn(n, format!("`+` inside the synonym {alias:?} (two synonyms on one line?)"));
            }
            let a = actors.last_mut().unwrap();
            a.aliases.push(display_name(alias));
            if t.contains('[') {
                read_brackets(t, a, origin, sink);
            }
        } else if indented && t.starts_with('[') {
            if !open {
                sink.error(n, "date restriction before any actor");
                continue;
            }
            read_brackets(t, actors.last_mut().unwrap(), origin, sink);
        } else {
            if indented {
                sink.warn(n, format!("indented line {t:?} holds a name; read as a new actor"));
            }
            let phrase = t.split('[').next().unwrap_or("").trim();
            if phrase.trim_matches('_').is_empty() {
                sink.error(n, format!("actor line without a name: {t:?}"));
                open = false;
                continue;
            }
            let name = display_name(phrase);
            let mut a = Actor {
                name: name.clone(),
                aliases: vec![name],
                kind: ActorKind::Listed,
                codes: Vec::new(),
                fallback: Fallback::Nothing,
                origin,
                source,
            };
            if t.contains('[') {
                read_brackets(t, &mut a, origin, sink);
            }
            actors.push(a);
            open = true;
        }
    }
    actors
}

/// Reads every `[...]` group of a line into `actor`.
fn read_brackets(t: &str, actor: &mut Actor, origin: Origin, sink: &mut Sink) {
    let mut rest = t;
    while let Some(i) = rest.find('[') {
        let Some(len) = rest[i..].find(']') else {
            sink.error(origin.line, "`[` without `]`");
            return;
        };
        let inner = &rest[i + 1..i + len];
        match parse_restriction(inner) {
            Ok(Restriction::Default(c)) => actor.fallback = c.map_or(Fallback::Nothing, Fallback::Code),
            Ok(Restriction::Dated(code, dates)) => actor.codes.push(DatedCode { code, dates, role: None, origin }),
            Err(e) => sink.warn(origin.line, format!("{e}; restriction dropped")),
        }
        rest = &rest[i + len + 1..];
    }
}

enum Restriction {
    Default(Option<ActorCode>),
    Dated(ActorCode, DateRange),
}

fn parse_restriction(inner: &str) -> Result<Restriction, String> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(char::is_whitespace) {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => (inner, ""),
    };
    if code.is_empty() {
        return Err("empty code `[]`".into());
    }
    // TABARI codes may be several joined by `/` (ELR/GAL) or special (+++); they are kept
    // as written for the coder to interpret.
    if code.contains(['[', ']']) {
        return Err(format!("bad code {code:?}"));
    }
    if rest.is_empty() {
        return Ok(Restriction::Default(if code == "---" { None } else { Some(ActorCode::new(code)) }));
    }
    // A dated null code (`[--- <950630]`) means "no code over these dates".
    let code = ActorCode::new(code);
    let range = if let Some(d) = rest.strip_prefix('<') {
        DateRange { from: None, to: Some(parse_petrarch_date(d)?) }
    } else if let Some(d) = rest.strip_prefix('>') {
        DateRange { from: Some(parse_petrarch_date(d)?), to: None }
    } else if let Some((a, b)) = rest.split_once('-') {
        let (a, b) = (parse_petrarch_date(a)?, parse_petrarch_date(b)?);
        if b < a {
            return Err(format!("range {rest:?} ends before it starts"));
        }
        DateRange { from: Some(a), to: Some(b) }
    } else {
        return Err(format!("bad date restriction {rest:?} (expected <date, >date or date-date)"));
    };
    Ok(Restriction::Dated(code, range))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn parse_str(s: &str) -> (Vec<Actor>, Vec<String>) {
        let mut sink = Sink::new("a.txt");
        let a = parse(s, FileId(0), 0, &mut sink);
        (a, sink.out.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn dated_codes_and_defaults() {
        let text = "\
# comment
ADLY_MANSOUR_ # n.d for JUD
+ADLY_MAHMOUD_MANSOUR_
+PRESIDENT_MANSOUR_ # (acting)
\t[EGYGOVJUD 920101-130703]
\t[EGYGOV 130704-140608]
\t[EGYGOVJUD > 140608]
AFGHANISTAN_  [AFG]
+AFGHAN_
GOLLUM  ; pas 27 Apr 03
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[ELI]
JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]
";
        let (a, d) = parse_str(text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(a.len(), 4);
        let m = &a[0];
        assert_eq!(m.name, "Adly Mansour");
        assert_eq!(m.aliases, ["Adly Mansour", "Adly Mahmoud Mansour", "President Mansour"]);
        assert_eq!(m.code_on(date(2013, 7, 3)).map(|c| c.as_str()), Some("EGYGOVJUD"));
        assert_eq!(m.code_on(date(2013, 7, 4)).map(|c| c.as_str()), Some("EGYGOV"));
        // Both restrictions cover 2014-06-08: the first one listed wins.
        assert_eq!(m.code_on(date(2014, 6, 8)).map(|c| c.as_str()), Some("EGYGOV"));
        assert_eq!(m.code_on(date(2014, 6, 9)).map(|c| c.as_str()), Some("EGYGOVJUD"));
        assert_eq!(m.code_on(date(1980, 1, 1)), None);
        assert_eq!(a[1].code_on(date(2020, 1, 1)).map(|c| c.as_str()), Some("AFG"));
        let g = &a[2];
        assert_eq!(g.code_on(date(1995, 6, 1)).map(|c| c.as_str()), Some("HOB"));
        assert_eq!(g.code_on(date(1995, 6, 2)).map(|c| c.as_str()), Some("HOBGOV"));
        assert_eq!(g.code_on(date(2001, 1, 1)).map(|c| c.as_str()), Some("ELI"));
        let j = &a[3];
        assert_eq!(j.code_on(date(1990, 1, 1)).map(|c| c.as_str()), Some("IGOUNO"));
        assert_eq!(j.code_on(date(1995, 1, 1)).map(|c| c.as_str()), Some("ELI"));
    }

    #[test]
    fn tabari_special_codes() {
        let (a, d) = parse_str("PRINCE OF DOL AMROTH\n\t[--- <950630]\n\t[DOL]\nLORIEN  [ELR/GAL]\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(a[0].name, "Prince Of Dol Amroth");
        assert_eq!(a[0].code_on(date(1995, 6, 30)), None);
        assert_eq!(a[0].code_on(date(1995, 7, 1)).map(|c| c.as_str()), Some("DOL"));
        assert_eq!(a[1].code_on(date(2000, 1, 1)).map(|c| c.as_str()), Some("ELR/GAL"));
    }

    #[test]
    fn problems_are_reported_by_line() {
        let text = "\
+ORPHAN
BAN_KI-MOON
\t[IGOUNO >20070101]
\t[KORGOVBUS 2004017-20061201]
\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]
\t[XYZ 990101-980101]
\t[ABC ~123]
[]
";
        let (a, d) = parse_str(text);
        assert_eq!(
            d,
            [
                "a.txt:1: error: synonym `+...` before any actor",
                "a.txt:4: warning: date \"2004017\" has 7 digits (expected YYMMDD or YYYYMMDD); restriction dropped",
                "a.txt:5: warning: indented line \"JOHN_MCCLOY_\\t[IGOUNODEVWBK 470301-490630]\" holds a name; read as a new actor",
                "a.txt:6: warning: range \"990101-980101\" ends before it starts; restriction dropped",
                "a.txt:7: warning: bad date restriction \"~123\" (expected <date, >date or date-date); restriction dropped",
                "a.txt:8: error: actor line without a name: \"[]\"",
            ]
        );
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].codes.len(), 1);
        assert_eq!(a[1].name, "John Mccloy");
        assert_eq!(a[1].code_on(date(1948, 1, 1)).map(|c| c.as_str()), Some("IGOUNODEVWBK"));
    }
}
