//! Running a validation suite: its dictionaries, its records, the coder, the score.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dyad_dict::Dictionaries;
use dyad_model::Sentence;

use crate::code::{code_sentence, Event, Future, Options};
use crate::suite::{self, Record, Suite, Tally, Triple};

/// One record's outcome.
#[derive(Debug, Clone)]
pub struct RecordResult {
    pub id: String,
    pub category: String,
    pub tally: Tally,
    pub coded: Vec<Triple>,
    pub events: Vec<Event>,
}

/// A whole run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub records: Vec<RecordResult>,
    pub by_category: BTreeMap<String, Tally>,
    pub total: Tally,
    /// Dictionary warnings (malformed lines) while loading.
    pub dictionary_warnings: usize,
    pub seconds_coding: f64,
}

/// How to get a record's parse.
pub enum Parses<'a> {
    /// Use the record's `<Parse>` as given (CoNLL-U).
    Given,
    /// Parse the record's `<Text>` with this function (dyad's own parser), so this crate
    /// need not know how the parser is loaded.
    Parser(&'a dyn Fn(&str) -> Vec<Sentence>),
}

/// Find a dictionary file a suite names: next to the suite, else in a `dictionaries`
/// folder beside the suite's folder (the layout of UniversalPetrarch's repository).
pub fn locate(suite_path: &Path, name: &str) -> Option<PathBuf> {
    let dir = suite_path.parent().unwrap_or(Path::new("."));
    [dir.join(name), dir.join("../dictionaries").join(name), dir.join("dictionaries").join(name)].into_iter().find(|p| p.exists())
}

/// Load the dictionaries of a suite's environment.
pub fn load_dictionaries(suite_path: &Path, suite: &Suite) -> Result<Dictionaries, String> {
    let mut builder = Dictionaries::builder();
    let env = &suite.environment;
    // The PICO file maps CAMEO codes to the internal values negation and verb composition
    // compute with (see `code::compose`).
    for name in env.verbs.iter().chain(&env.actors).chain(&env.agents).chain(&env.discards).chain(&env.pico) {
        let path = locate(suite_path, name).ok_or_else(|| format!("{}: dictionary {name} not found beside the suite or in ../dictionaries", suite_path.display()))?;
        builder.add_file(&path).map_err(|e| e.to_string())?;
    }
    Ok(builder.build())
}

/// Run the active records of `suite` through the coder. The suites were written for
/// PETRARCH, which codes announced acts as the acts (`Future::Act`); `future` chooses.
pub fn run(suite: &Suite, dict: &Dictionaries, parses: Parses, future: Future) -> Report {
    let mut report = Report { dictionary_warnings: dict.diagnostics().len(), ..Default::default() };
    let mut coding = std::time::Duration::ZERO;
    for record in suite.active() {
        let sentences = match &parses {
            Parses::Given => given_parse(record),
            Parses::Parser(f) => f(&record.text),
        };
        let options = Options { future, ..options_for(record) };
        let mut events = Vec::new();
        let mut context = crate::actors::ArticleContext::default();
        // Only coding is timed: reading CoNLL-U or parsing is another stage's cost.
        let start = std::time::Instant::now();
        for s in &sentences {
            events.extend(code_sentence(s, record.date, dict, &options, &mut context));
        }
        coding += start.elapsed();
        let coded: Vec<Triple> = events
            .iter()
            .map(|e| Triple {
                source: e.source.as_ref().map(|a| a.code.clone()).unwrap_or_else(|| "---".into()),
                target: e.target.as_ref().map(|a| a.code.clone()).unwrap_or_else(|| "---".into()),
                code: e.code.clone(),
            })
            .collect();
        let tally = suite::score(&record.expected, &coded);
        report.total.add(&tally);
        report.by_category.entry(record.category.clone()).or_default().add(&tally);
        report.records.push(RecordResult { id: record.id.clone(), category: record.category.clone(), tally, coded, events });
    }
    report.seconds_coding = coding.as_secs_f64();
    report
}

fn options_for(record: &Record) -> Options {
    // The suites score actors and codes only; places would cost a gazetteer lookup each.
    let mut o = Options { places: false, ..Options::default() };
    if let Some(v) = record.config.get("require_dyad") {
        o.require_dyad = !v.eq_ignore_ascii_case("false");
    }
    o
}

/// A record's CoNLL-U parse as sentences; a parse that cannot be read codes nothing
/// (the suites mark such records as expected errors).
pub fn given_parse(record: &Record) -> Vec<Sentence> {
    match dyad_nlp::conllu::parse_str(&record.parse, &record.id) {
        Ok(blocks) => blocks.iter().map(dyad_nlp::conllu::to_sentence).collect(),
        Err(_) => Vec::new(),
    }
}
