//! From the coder's events to the records of dyad's output contract (`DESIGN.md`): CAMEO
//! names and weights from the ontology, actors split into country and sector, the words
//! that named them, and (with `--explain`) the pattern and tree path.

use dyad_dict::Dictionaries;
use dyad_model::{Event as Record, EventActor, Explanation, Location, Sentence};

use crate::actors::ActorRef;
use crate::code::Event;

/// Where a sentence stands: the article it belongs to and its position there.
pub struct SentenceRef<'a> {
    pub article_id: &'a str,
    pub index: usize,
    pub sentence: &'a Sentence,
}

/// The output record of one coded event.
pub fn to_record(event: &Event, at: &SentenceRef, dict: &Dictionaries, explain: bool) -> Record {
    let entry = dict.cameo(&event.code);
    Record {
        article_id: at.article_id.to_string(),
        sentence_index: at.index,
        sentence: at.sentence.text.clone(),
        date: event.date.map(|d| d.date),
        date_precision: event.date.map(|d| d.precision),
        date_source: event.date.map(|d| d.source),
        cameo: event.code.clone(),
        root: event.code.get(..2).unwrap_or(&event.code).to_string(),
        quad_class: entry.map(|e| e.quad_class.number()),
        goldstein: entry.map(|e| (e.goldstein as f64 * 10.0).round() / 10.0),
        plover: entry.and_then(|e| e.plover_type.as_deref().map(str::to_string)),
        plover_mode: entry.and_then(|e| e.plover_mode.as_deref().map(str::to_string)),
        source: event.source.as_ref().map(|a| actor(a, at.sentence)),
        target: event.target.as_ref().map(|a| actor(a, at.sentence)),
        location: event.place.as_ref().map(|p| Location { name: p.name.clone(), country: Some(p.country.clone()), lat: p.lat, lon: p.lon }),
        explain: explain.then(|| Explanation {
            pattern: event.pattern.clone(),
            origin: event.origin.map(|o| dict.locate(o)).unwrap_or_default(),
            path: event.path.clone(),
        }),
    }
}

fn actor(a: &ActorRef, sentence: &Sentence) -> EventActor {
    let (country, sector) = EventActor::split_code(&a.code);
    EventActor { code: a.code.clone(), country, sector, name: a.name.clone(), text: words(sentence, a.first, a.last) }
}

/// The sentence text from word `first` to word `last`, as written; the forms joined by
/// spaces when the spans do not point into the sentence.
fn words(sentence: &Sentence, first: usize, last: usize) -> String {
    let tokens = &sentence.tokens;
    if first > last || last >= tokens.len() {
        return String::new();
    }
    let base = sentence.span.start;
    let (a, b) = (tokens[first].span.start, tokens[last].span.end);
    if a >= base && b >= a && b - base <= sentence.text.len() {
        if let Some(s) = sentence.text.get(a - base..b - base) {
            if !s.is_empty() {
                return s.to_string();
            }
        }
    }
    tokens[first..=last].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ")
}
