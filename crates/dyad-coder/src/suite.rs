//! PETRARCH / UniversalPetrarch validation suites: reading and scoring.
//!
//! A suite file names its dictionaries in `<Environment>`, lists records as
//! `<Sentence>` elements with their expected `<EventCoding>`s, `<Text>` and `<Parse>`,
//! and may switch options with `<Config>` elements between records. The files are read
//! line by line, as their authors' `validation.py` does: `PETR2_GSR_validation.xml` is
//! not well-formed XML (self-closing `<Sentence/>` followed by its children, `#` header
//! lines outside comments), and a line reader takes all three suites alike.

use std::collections::HashMap;
use std::path::Path;

use dyad_model::Date;

/// The `<Environment>` of a suite: dictionary file names (relative to the suite) and the
/// categories that are scored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    pub verbs: Vec<String>,
    pub actors: Vec<String>,
    pub agents: Vec<String>,
    pub discards: Vec<String>,
    /// UniversalPetrarch's internal coding ontology (`PICOfile`).
    pub pico: Vec<String>,
    pub include: Vec<String>,
}

/// An expected coding: source, target and event code as the suite writes them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Triple {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// These events (a multiset).
    Events(Vec<Triple>),
    /// `noevents="True"`: nothing may be coded.
    NoEvents,
    /// `error="..."`: the record is expected to be rejected (e.g. a bad parse); coding
    /// nothing counts as right.
    Error(String),
}

/// One `<Sentence>` record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<Date>,
    /// `evaluate="true"` (UniversalPetrarch) or `sentence="true"` (PETRARCH).
    pub evaluate: bool,
    pub expected: Expected,
    pub text: String,
    /// The `<Parse>` content as given (CoNLL-U in UniversalPetrarch suites, a Penn
    /// Treebank bracketing in PETRARCH's).
    pub parse: String,
    /// `<Config>` options in force for this record.
    pub config: HashMap<String, String>,
    /// Line of the `<Sentence>` tag, for messages.
    pub line: usize,
}

/// A whole suite file.
#[derive(Debug, Clone, Default)]
pub struct Suite {
    pub environment: Environment,
    pub records: Vec<Record>,
}

impl Suite {
    /// Records that are scored: evaluated and of an included category.
    pub fn active(&self) -> impl Iterator<Item = &Record> {
        self.records.iter().filter(|r| r.evaluate && self.environment.include.iter().any(|c| c.eq_ignore_ascii_case(&r.category)))
    }
}

/// A problem in a suite file, with its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct SuiteError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Read a suite file.
pub fn read(path: &Path) -> Result<Suite, SuiteError> {
    let bytes = std::fs::read(path).map_err(|e| SuiteError { file: path.display().to_string(), line: 0, message: format!("cannot read: {e}") })?;
    parse(&String::from_utf8_lossy(&bytes), &path.display().to_string())
}

#[derive(PartialEq)]
enum Block {
    None,
    Environment,
    Text,
    Parse,
}

/// Parse suite text; `name` is used in messages.
pub fn parse(text: &str, name: &str) -> Result<Suite, SuiteError> {
    let mut suite = Suite::default();
    let mut config: HashMap<String, String> = HashMap::new();
    let mut current: Option<Record> = None;
    let mut block = Block::None;
    let mut in_comment = false;
    let err = |line: usize, message: String| SuiteError { file: name.to_string(), line, message };

    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        // Comments can open and close anywhere; drop their content first.
        let mut line = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(k) => {
                        rest = &rest[k + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(k) => {
                        line.push_str(&rest[..k]);
                        rest = &rest[k + 4..];
                        in_comment = true;
                    }
                    None => {
                        line.push_str(rest);
                        break;
                    }
                }
            }
        }
        let trimmed = line.trim();

        match block {
            Block::Text => {
                if let Some(k) = trimmed.find("</Text>") {
                    push_text(current.as_mut(), &trimmed[..k]);
                    block = Block::None;
                } else {
                    push_text(current.as_mut(), trimmed);
                }
                continue;
            }
            Block::Parse => {
                if let Some(k) = line.find("</Parse>") {
                    push_parse(current.as_mut(), &line[..k]);
                    block = Block::None;
                    if line[k..].contains("</Sentence>") {
                        if let Some(r) = current.take() {
                            suite.records.push(r);
                        }
                    }
                } else {
                    push_parse(current.as_mut(), &line);
                }
                continue;
            }
            _ => {}
        }
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("<Environment") {
            block = Block::Environment;
            continue;
        }
        if trimmed.starts_with("</Environment") {
            block = Block::None;
            continue;
        }
        if block == Block::Environment {
            for (tag, field) in [
                ("Verbfile", &mut suite.environment.verbs),
                ("Actorfile", &mut suite.environment.actors),
                ("Agentfile", &mut suite.environment.agents),
                ("Discardfile", &mut suite.environment.discards),
                ("PICOfile", &mut suite.environment.pico),
            ] {
                if let Some(value) = element_text(trimmed, tag) {
                    field.extend(value.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()));
                }
            }
            if let Some(value) = element_text(trimmed, "Include") {
                suite.environment.include = value.split_whitespace().map(str::to_string).collect();
            }
            continue;
        }
        if trimmed.starts_with("<Config") {
            let a = attributes(trimmed);
            if let (Some(option), Some(value)) = (a.get("option"), a.get("value")) {
                config.insert(option.clone(), value.clone());
            }
            continue;
        }
        if trimmed.starts_with("<Sentence ") || trimmed == "<Sentence>" {
            if let Some(r) = current.take() {
                suite.records.push(r);
            }
            let a = attributes(trimmed);
            let id = a.get("id").cloned().ok_or_else(|| err(line_no, "<Sentence> without an id".into()))?;
            let flag = a.get("evaluate").or_else(|| a.get("sentence")).map(|v| v.eq_ignore_ascii_case("true")).unwrap_or(false);
            let date = match a.get("date") {
                Some(d) => Some(parse_suite_date(d).ok_or_else(|| err(line_no, format!("date {d:?} is not YYYYMMDD or YYMMDD")))?),
                None => None,
            };
            current = Some(Record {
                id,
                category: a.get("category").or_else(|| a.get("source")).cloned().unwrap_or_default(),
                date,
                evaluate: flag,
                expected: Expected::Events(Vec::new()),
                text: String::new(),
                parse: String::new(),
                config: config.clone(),
                line: line_no,
            });
            continue;
        }
        if trimmed.starts_with("</Sentence") {
            if let Some(r) = current.take() {
                suite.records.push(r);
            }
            continue;
        }
        if trimmed.starts_with("<EventCoding") {
            let Some(record) = current.as_mut() else {
                return Err(err(line_no, "<EventCoding> outside a <Sentence>".into()));
            };
            let a = attributes(trimmed);
            if a.get("noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                record.expected = Expected::NoEvents;
            } else if let Some(e) = a.get("error") {
                record.expected = Expected::Error(e.clone());
            } else {
                let get = |k: &str| a.get(k).cloned().ok_or_else(|| err(line_no, format!("<EventCoding> without {k}")));
                let triple = Triple { source: get("sourcecode")?, target: get("targetcode")?, code: get("eventcode")? };
                match &mut record.expected {
                    Expected::Events(v) => v.push(triple),
                    other => *other = Expected::Events(vec![triple]),
                }
            }
            continue;
        }
        if let Some(after) = trimmed.strip_prefix("<Text>") {
            if let Some(k) = after.find("</Text>") {
                push_text(current.as_mut(), &after[..k]);
            } else {
                push_text(current.as_mut(), after);
                block = Block::Text;
            }
            continue;
        }
        if let Some(k) = line.find("<Parse>") {
            let after = &line[k + "<Parse>".len()..];
            if let Some(e) = after.find("</Parse>") {
                push_parse(current.as_mut(), &after[..e]);
            } else {
                push_parse(current.as_mut(), after);
                block = Block::Parse;
            }
            continue;
        }
        // Anything else (`#` header lines, <Sentences>, <Validation>) carries no record data.
    }
    if let Some(r) = current.take() {
        suite.records.push(r);
    }
    Ok(suite)
}

fn push_text(record: Option<&mut Record>, piece: &str) {
    if let Some(r) = record {
        let piece = piece.trim();
        if piece.is_empty() {
            return;
        }
        if !r.text.is_empty() {
            r.text.push(' ');
        }
        r.text.push_str(piece);
    }
}

fn push_parse(record: Option<&mut Record>, piece: &str) {
    if let Some(r) = record {
        if piece.trim().is_empty() {
            return;
        }
        r.parse.push_str(piece.trim_end());
        r.parse.push('\n');
    }
}

fn element_text<'a>(line: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = line.find(&open)? + open.len();
    let end = line[start..].find(&close).map(|k| start + k).unwrap_or(line.len());
    Some(line[start..end].trim())
}

/// `key="value"` and `key = 'value'` pairs of a tag.
fn attributes(tag: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let bytes = tag.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // key
        while i < bytes.len() && !(bytes[i].is_ascii_alphabetic()) {
            i += 1;
        }
        let ks = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        let key = &tag[ks..i];
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'=' {
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let quote = bytes[i];
        if quote != b'"' && quote != b'\'' {
            continue;
        }
        i += 1;
        let vs = i;
        while i < bytes.len() && bytes[i] != quote {
            i += 1;
        }
        out.insert(key.to_string(), tag[vs..i.min(bytes.len())].to_string());
        i += 1;
    }
    out
}

fn parse_suite_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y: i16 = s[..4].parse().ok()?;
        let m: i8 = s[4..6].parse().ok()?;
        let d: i8 = s[6..].parse().ok()?;
        return Date::new(y, m, d).ok();
    }
    // TABARI-era files also write YYMMDD.
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        let yy: i16 = s[..2].parse().ok()?;
        let y = if yy < 50 { 2000 + yy } else { 1900 + yy };
        return Date::new(y, s[2..4].parse().ok()?, s[4..].parse().ok()?).ok();
    }
    s.parse().ok()
}

/// Counts of a suite run, per category and in all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub records: usize,
    pub exact: usize,
    pub expected: usize,
    pub correct: usize,
    pub extra: usize,
    /// Events coded in all (correct + extra).
    pub found: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        if self.found == 0 { 0.0 } else { 100.0 * self.correct as f64 / self.found as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.expected == 0 { 0.0 } else { 100.0 * self.correct as f64 / self.expected as f64 }
    }
    pub fn add(&mut self, o: &Tally) {
        self.records += o.records;
        self.exact += o.exact;
        self.expected += o.expected;
        self.correct += o.correct;
        self.extra += o.extra;
        self.found += o.found;
    }
}

/// Score one record: exact when the multiset of coded triples equals the expected one
/// (`noevents` and `error` expect none).
pub fn score(expected: &Expected, coded: &[Triple]) -> Tally {
    let wanted: &[Triple] = match expected {
        Expected::Events(v) => v,
        Expected::NoEvents | Expected::Error(_) => &[],
    };
    let mut pool: Vec<&Triple> = wanted.iter().collect();
    let mut correct = 0;
    for t in coded {
        if let Some(k) = pool.iter().position(|w| *w == t) {
            pool.swap_remove(k);
            correct += 1;
        }
    }
    let extra = coded.len() - correct;
    Tally {
        records: 1,
        exact: (correct == wanted.len() && extra == 0) as usize,
        expected: wanted.len(),
        correct,
        extra,
        found: coded.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WELL_FORMED: &str = r#"<Validation>
<!-- a comment
spanning lines with <Sentence id="FAKE"> inside -->
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>a.txt,b.txt</Actorfile>
    <Include>DEMO ACTOR </Include>
</Environment>
<Sentences>
<Sentence category="DEMO" date="19950101" id="DEMO-01" evaluate="true">
<!-- note -->
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor is about to restore
full diplomatic ties with Gondor.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	0	root	_	_
</Parse></Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950102" id="ACTOR-9" category="ACTOR" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence category="OTHER" date="19950103" id="X-1" evaluate="false">
<EventCoding error="bad_input_parse"></EventCoding>
</Sentence>
</Validation>"#;

    #[test]
    fn reads_environment_records_config_and_skips_comments() {
        let suite = parse(WELL_FORMED, "t.xml").unwrap();
        assert_eq!(suite.environment.verbs, ["verbs.txt"]);
        assert_eq!(suite.environment.actors, ["a.txt", "b.txt"]);
        assert_eq!(suite.environment.include, ["DEMO", "ACTOR"]);
        let ids: Vec<_> = suite.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["DEMO-01", "ACTOR-9", "X-1"]);
        let r = &suite.records[0];
        assert_eq!(r.text, "Arnor is about to restore full diplomatic ties with Gondor.");
        assert_eq!(r.parse, "1\tArnor\tArnor\tPROPN\tNNP\t_\t0\troot\t_\t_\n");
        assert_eq!(r.expected, Expected::Events(vec![Triple { source: "ARN".into(), target: "GON".into(), code: "050".into() }]));
        assert_eq!(r.date.unwrap().to_string(), "1995-01-01");
        assert!(r.config.is_empty());
        assert_eq!(suite.records[1].expected, Expected::NoEvents);
        assert_eq!(suite.records[1].config.get("require_dyad").map(String::as_str), Some("false"));
        assert_eq!(suite.records[2].expected, Expected::Error("bad_input_parse".into()));
        assert_eq!(suite.active().count(), 2);
    }

    #[test]
    fn reads_the_gsr_layout_with_self_closing_sentences_and_hash_lines() {
        let text = "<Validation>\n#####\n# header outside any comment\n<Environment>\n<Include>valid AFP </Include>\n</Environment>\n<Sentences>\n<Sentence category=\"AFP\" date=\"20080806\" id=\"A_1\" evaluate=\"true\"/>\n<EventCoding eventcode=\"031\" sourcecode=\"BRA\" targetcode=\"USA\" />\n<EventCoding eventcode=\"031\" sourcecode=\"USA\" targetcode=\"BRA\" />\n<Text>\nBrazil and the United States\n</Text>\n<Parse>\n1\tBrazil\n</Parse>\n</Sentence>\n<Sentence category=\"AFP\" date=\"20080807\" id=\"A_2\" evaluate=\"true\"/>\n<EventCoding noevents=\"True\" />\n</Sentences>";
        let suite = parse(text, "gsr.xml").unwrap();
        assert_eq!(suite.records.len(), 2);
        assert_eq!(suite.records[0].text, "Brazil and the United States");
        assert!(matches!(&suite.records[0].expected, Expected::Events(v) if v.len() == 2));
        assert_eq!(suite.records[1].expected, Expected::NoEvents);
    }

    #[test]
    fn scoring_is_by_multiset() {
        let t = |s: &str, g: &str, c: &str| Triple { source: s.into(), target: g.into(), code: c.into() };
        let expected = Expected::Events(vec![t("A", "B", "042"), t("B", "A", "043")]);
        let s = score(&expected, &[t("B", "A", "043"), t("A", "B", "042")]);
        assert_eq!((s.exact, s.correct, s.extra), (1, 2, 0));
        let s = score(&expected, &[t("A", "B", "042"), t("A", "B", "042")]);
        assert_eq!((s.exact, s.correct, s.extra), (0, 1, 1));
        let s = score(&Expected::NoEvents, &[]);
        assert_eq!(s.exact, 1);
        let s = score(&Expected::Error("x".into()), &[t("A", "B", "010")]);
        assert_eq!((s.exact, s.extra), (0, 1));
    }
}
