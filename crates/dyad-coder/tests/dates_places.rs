//! Event dates and places on the seed story (austin-belousov-call.txt, published
//! Wednesday 2024-06-26): its sentences as hand-built parses, its text through the
//! string-level tagger, and the embedded gazetteer.

use std::time::Instant;

use dyad_coder::dates::{event_date, find_dates, DateSource, EventDate, Precision, Tense};
use dyad_coder::places::{event_place, Gazetteer, Location, PlaceKind};
use dyad_coder::tree::Tree;
use dyad_coder::tree::sentence_from_rows;
use dyad_model::Date;
use jiff::civil::date;

const PUBLISHED: Date = date(2024, 6, 26);

/// A hand-built parse; the tree borrows its sentence, which may live as long as the test
/// binary.
fn tree(rows: &[(&str, &str, &str, usize, &str)]) -> Tree<'static> {
    Tree::new(Box::leak(Box::new(sentence_from_rows(rows))))
}

fn word(t: &Tree, form: &str) -> usize {
    t.nodes.iter().position(|n| n.form == form).unwrap_or_else(|| panic!("no word {form}"))
}

fn day(t: &Tree, anchor: &str) -> EventDate {
    event_date(t, word(t, anchor), Some(PUBLISHED)).expect("a date")
}

fn place(t: &Tree, anchor: &str, hint: &[&str]) -> Option<Location> {
    event_place(t, word(t, anchor), Gazetteer::embedded(), hint)
}

#[test]
fn reported_clause_takes_the_date_of_its_report() {
    // "During the conversation, Austin stressed that it is important to maintain
    //  communication, Pentagon spokesman Pat Ryder said on Tuesday."
    let t = tree(&[
        ("During", "during", "ADP", 3, "case"),
        ("the", "the", "DET", 3, "det"),
        ("conversation", "conversation", "NOUN", 6, "obl"),
        (",", ",", "PUNCT", 6, "punct"),
        ("Austin", "Austin", "PROPN", 6, "nsubj"),
        ("stressed", "stress", "VERB", 0, "root"),
        ("that", "that", "SCONJ", 10, "mark"),
        ("it", "it", "PRON", 10, "expl"),
        ("is", "be", "AUX", 10, "cop"),
        ("important", "important", "ADJ", 6, "ccomp"),
        ("to", "to", "PART", 12, "mark"),
        ("maintain", "maintain", "VERB", 10, "csubj"),
        ("communication", "communication", "NOUN", 12, "obj"),
        (",", ",", "PUNCT", 19, "punct"),
        ("Pentagon", "Pentagon", "PROPN", 16, "compound"),
        ("spokesman", "spokesman", "NOUN", 18, "compound"),
        ("Pat", "Pat", "PROPN", 18, "compound"),
        ("Ryder", "Ryder", "PROPN", 19, "nsubj"),
        ("said", "say", "VERB", 6, "parataxis"),
        ("on", "on", "ADP", 21, "case"),
        ("Tuesday", "Tuesday", "PROPN", 19, "obl"),
        (".", ".", "PUNCT", 6, "punct"),
    ]);
    let said = day(&t, "said");
    assert_eq!(said, EventDate { date: date(2024, 6, 25), precision: Precision::Day, source: DateSource::Text });
    assert_eq!(day(&t, "stressed").date, date(2024, 6, 25));
}

/// "Moscow threatened Washington on Monday after a Ukrainian missile attack on the city of
/// Sevastopol on the Black Sea peninsula of Crimea, which was annexed by Russia in 2014."
fn threatened() -> Tree<'static> {
    tree(&[
        ("Moscow", "Moscow", "PROPN", 2, "nsubj"),
        ("threatened", "threaten", "VERB", 0, "root"),
        ("Washington", "Washington", "PROPN", 2, "obj"),
        ("on", "on", "ADP", 5, "case"),
        ("Monday", "Monday", "PROPN", 2, "obl"),
        ("after", "after", "ADP", 10, "case"),
        ("a", "a", "DET", 10, "det"),
        ("Ukrainian", "Ukrainian", "ADJ", 10, "amod"),
        ("missile", "missile", "NOUN", 10, "compound"),
        ("attack", "attack", "NOUN", 2, "obl"),
        ("on", "on", "ADP", 13, "case"),
        ("the", "the", "DET", 13, "det"),
        ("city", "city", "NOUN", 10, "nmod"),
        ("of", "of", "ADP", 15, "case"),
        ("Sevastopol", "Sevastopol", "PROPN", 13, "nmod"),
        ("on", "on", "ADP", 20, "case"),
        ("the", "the", "DET", 20, "det"),
        ("Black", "Black", "PROPN", 19, "compound"),
        ("Sea", "Sea", "PROPN", 20, "compound"),
        ("peninsula", "peninsula", "NOUN", 15, "nmod"),
        ("of", "of", "ADP", 22, "case"),
        ("Crimea", "Crimea", "PROPN", 20, "nmod"),
        (",", ",", "PUNCT", 26, "punct"),
        ("which", "which", "PRON", 26, "nsubj:pass"),
        ("was", "be", "AUX", 26, "aux:pass"),
        ("annexed", "annex", "VERB", 22, "acl:relcl"),
        ("by", "by", "ADP", 28, "case"),
        ("Russia", "Russia", "PROPN", 26, "obl:agent"),
        ("in", "in", "ADP", 30, "case"),
        ("2014", "2014", "NUM", 26, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    ])
}

#[test]
fn threat_on_monday_attack_on_sevastopol_annexation_in_2014() {
    let t = threatened();
    assert_eq!(day(&t, "threatened").date, date(2024, 6, 24));
    let annexed = day(&t, "annexed");
    assert_eq!((annexed.date, annexed.precision), (date(2014, 1, 1), Precision::Year));
    // The attack has no date of its own, and "on Monday" is the threat's.
    assert_eq!(day(&t, "attack").source, DateSource::Publication);

    let sevastopol = place(&t, "attack", &["UKR", "RUS"]).expect("the attack's place");
    assert_eq!((sevastopol.name.as_str(), sevastopol.country.as_str()), ("Sevastopol", "UKR"));
    assert!((sevastopol.lat - 44.6).abs() < 0.1 && (sevastopol.lon - 33.5).abs() < 0.1, "{sevastopol:?}");
    // The threat was not made in Sevastopol: the "after" phrase is about another event.
    assert_eq!(place(&t, "threatened", &["RUS", "USA"]), None);
}

#[test]
fn announcement_on_wednesday_night_dates_what_it_announces() {
    // "The Russian Defense Ministry announced on Wednesday night that both sides had
    //  exchanged views on the war in Ukraine."
    let t = tree(&[
        ("The", "the", "DET", 4, "det"),
        ("Russian", "Russian", "ADJ", 4, "amod"),
        ("Defense", "Defense", "PROPN", 4, "compound"),
        ("Ministry", "Ministry", "PROPN", 5, "nsubj"),
        ("announced", "announce", "VERB", 0, "root"),
        ("on", "on", "ADP", 8, "case"),
        ("Wednesday", "Wednesday", "PROPN", 8, "compound"),
        ("night", "night", "NOUN", 5, "obl"),
        ("that", "that", "SCONJ", 13, "mark"),
        ("both", "both", "DET", 11, "det"),
        ("sides", "side", "NOUN", 13, "nsubj"),
        ("had", "have", "AUX", 13, "aux"),
        ("exchanged", "exchange", "VERB", 5, "ccomp"),
        ("views", "view", "NOUN", 13, "obj"),
        ("on", "on", "ADP", 17, "case"),
        ("the", "the", "DET", 17, "det"),
        ("war", "war", "NOUN", 14, "nmod"),
        ("in", "in", "ADP", 19, "case"),
        ("Ukraine", "Ukraine", "PROPN", 17, "nmod"),
        (".", ".", "PUNCT", 5, "punct"),
    ]);
    assert_eq!(day(&t, "announced").date, date(2024, 6, 26));
    assert_eq!(day(&t, "exchanged").date, date(2024, 6, 26));
    // "views on the war in Ukraine" is a topic, not where the views were exchanged.
    assert_eq!(place(&t, "exchanged", &["RUS", "USA"]), None);
}

#[test]
fn last_spoke_on_an_explicit_date() {
    // "Austin last spoke to his Russian counterpart on March 15, 2023."
    let t = tree(&[
        ("Austin", "Austin", "PROPN", 3, "nsubj"),
        ("last", "last", "ADV", 3, "advmod"),
        ("spoke", "speak", "VERB", 0, "root"),
        ("to", "to", "ADP", 7, "case"),
        ("his", "his", "PRON", 7, "nmod:poss"),
        ("Russian", "Russian", "ADJ", 7, "amod"),
        ("counterpart", "counterpart", "NOUN", 3, "obl"),
        ("on", "on", "ADP", 9, "case"),
        ("March", "March", "PROPN", 3, "obl"),
        ("15", "15", "NUM", 9, "nummod"),
        (",", ",", "PUNCT", 12, "punct"),
        ("2023", "2023", "NUM", 9, "nmod:tmod"),
        (".", ".", "PUNCT", 3, "punct"),
    ]);
    let spoke = day(&t, "spoke");
    assert_eq!((spoke.date, spoke.precision, spoke.source), (date(2023, 3, 15), Precision::Day, DateSource::Text));
    assert_eq!(place(&t, "spoke", &["USA", "RUS"]), None);
}

#[test]
fn relative_clause_date_is_not_the_main_verbs() {
    // "Kremlin chief Vladimir Putin, who started the war more than two years ago on
    //  February 24, 2022, said the number was 1,348."
    let t = tree(&[
        ("Kremlin", "Kremlin", "PROPN", 2, "compound"),
        ("chief", "chief", "NOUN", 4, "compound"),
        ("Vladimir", "Vladimir", "PROPN", 4, "compound"),
        ("Putin", "Putin", "PROPN", 21, "nsubj"),
        (",", ",", "PUNCT", 7, "punct"),
        ("who", "who", "PRON", 7, "nsubj"),
        ("started", "start", "VERB", 4, "acl:relcl"),
        ("the", "the", "DET", 9, "det"),
        ("war", "war", "NOUN", 7, "obj"),
        ("more", "more", "ADJ", 12, "advmod"),
        ("than", "than", "ADP", 10, "fixed"),
        ("two", "two", "NUM", 13, "nummod"),
        ("years", "year", "NOUN", 14, "obl:npmod"),
        ("ago", "ago", "ADV", 7, "advmod"),
        ("on", "on", "ADP", 16, "case"),
        ("February", "February", "PROPN", 7, "obl"),
        ("24", "24", "NUM", 16, "nummod"),
        (",", ",", "PUNCT", 19, "punct"),
        ("2022", "2022", "NUM", 16, "nmod:tmod"),
        (",", ",", "PUNCT", 7, "punct"),
        ("said", "say", "VERB", 0, "root"),
        ("the", "the", "DET", 23, "det"),
        ("number", "number", "NOUN", 25, "nsubj"),
        ("was", "be", "AUX", 25, "cop"),
        ("1,348", "1,348", "NUM", 21, "ccomp"),
        (".", ".", "PUNCT", 21, "punct"),
    ]);
    let started = day(&t, "started");
    assert_eq!((started.date, started.precision), (date(2022, 2, 24), Precision::Day));
    assert_eq!(day(&t, "said"), EventDate::published(PUBLISHED));
}

#[test]
fn fighting_in_mariupol_and_in_the_kherson_region() {
    // "They fought in Mariupol before the Russians took the city."
    let t = tree(&[
        ("They", "they", "PRON", 2, "nsubj"),
        ("fought", "fight", "VERB", 0, "root"),
        ("in", "in", "ADP", 4, "case"),
        ("Mariupol", "Mariupol", "PROPN", 2, "obl"),
        ("before", "before", "SCONJ", 8, "mark"),
        ("the", "the", "DET", 7, "det"),
        ("Russians", "Russian", "PROPN", 8, "nsubj"),
        ("took", "take", "VERB", 2, "advcl"),
        ("the", "the", "DET", 10, "det"),
        ("city", "city", "NOUN", 8, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ]);
    let mariupol = place(&t, "fought", &["UKR", "RUS"]).unwrap();
    assert_eq!((mariupol.name.as_str(), mariupol.country.as_str(), mariupol.kind), ("Mariupol", "UKR", PlaceKind::City));
    assert!((mariupol.lat - 47.1).abs() < 0.1 && (mariupol.lon - 37.5).abs() < 0.1);
    assert_eq!(place(&t, "took", &["RUS"]), None);

    // "The returnees fought against the Russian invasion in the Kherson, Donetsk,
    //  Zaporizhia and Luhansk regions."
    let t = tree(&[
        ("The", "the", "DET", 2, "det"),
        ("returnees", "returnee", "NOUN", 3, "nsubj"),
        ("fought", "fight", "VERB", 0, "root"),
        ("against", "against", "ADP", 7, "case"),
        ("the", "the", "DET", 7, "det"),
        ("Russian", "Russian", "ADJ", 7, "amod"),
        ("invasion", "invasion", "NOUN", 3, "obl"),
        ("in", "in", "ADP", 17, "case"),
        ("the", "the", "DET", 17, "det"),
        ("Kherson", "Kherson", "PROPN", 17, "compound"),
        (",", ",", "PUNCT", 12, "punct"),
        ("Donetsk", "Donetsk", "PROPN", 10, "conj"),
        (",", ",", "PUNCT", 14, "punct"),
        ("Zaporizhia", "Zaporizhia", "PROPN", 10, "conj"),
        ("and", "and", "CCONJ", 16, "cc"),
        ("Luhansk", "Luhansk", "PROPN", 10, "conj"),
        ("regions", "region", "NOUN", 3, "obl"),
        (".", ".", "PUNCT", 3, "punct"),
    ]);
    let kherson = place(&t, "fought", &["UKR", "RUS"]).unwrap();
    assert_eq!((kherson.name.as_str(), kherson.country.as_str(), kherson.kind), ("Kherson", "UKR", PlaceKind::Region));
    // The region's centroid lies east of the city of Kherson, in the oblast.
    assert!((46.0..47.5).contains(&kherson.lat) && (32.5..35.0).contains(&kherson.lon), "{kherson:?}");
    // The same when the parse hangs the regions on "invasion".
    let rows: Vec<_> = [
        ("The", "the", "DET", 2, "det"),
        ("returnees", "returnee", "NOUN", 3, "nsubj"),
        ("fought", "fight", "VERB", 0, "root"),
        ("against", "against", "ADP", 5, "case"),
        ("invasion", "invasion", "NOUN", 3, "obl"),
        ("in", "in", "ADP", 9, "case"),
        ("the", "the", "DET", 9, "det"),
        ("Kherson", "Kherson", "PROPN", 9, "compound"),
        ("region", "region", "NOUN", 5, "nmod"),
    ]
    .to_vec();
    let t = tree(&rows);
    assert_eq!(place(&t, "fought", &[]).map(|l| (l.name, l.kind)), Some(("Kherson".to_string(), PlaceKind::Region)));
}

#[test]
fn strikes_in_gaza() {
    // "Israeli strikes killed 20 people in Gaza City on Sunday."
    let t = tree(&[
        ("Israeli", "Israeli", "ADJ", 2, "amod"),
        ("strikes", "strike", "NOUN", 3, "nsubj"),
        ("killed", "kill", "VERB", 0, "root"),
        ("20", "20", "NUM", 5, "nummod"),
        ("people", "people", "NOUN", 3, "obj"),
        ("in", "in", "ADP", 8, "case"),
        ("Gaza", "Gaza", "PROPN", 8, "compound"),
        ("City", "City", "PROPN", 3, "obl"),
        ("on", "on", "ADP", 10, "case"),
        ("Sunday", "Sunday", "PROPN", 3, "obl"),
        (".", ".", "PUNCT", 3, "punct"),
    ]);
    let gaza = place(&t, "killed", &["ISR"]).unwrap();
    assert_eq!((gaza.name.as_str(), gaza.country.as_str()), ("Gaza", "PSE"));
    assert_eq!(day(&t, "killed").date, date(2024, 6, 23));
}

#[test]
fn embedded_gazetteer_names() {
    let g = Gazetteer::embedded();
    let (countries, regions, cities) = g.counts();
    assert!(countries > 240 && regions > 3500 && cities > 33_000, "{:?}", g.counts());

    let kyiv = g.lookup("Kyiv", &[]).unwrap();
    assert_eq!((kyiv.name.as_str(), kyiv.country.as_str(), kyiv.kind), ("Kyiv", "UKR", PlaceKind::City));
    assert_eq!(g.lookup("Kiev", &[]), Some(kyiv.clone()));
    assert_eq!(g.lookup("KIEV", &[]), Some(kyiv.clone()));
    assert_eq!(g.lookup_phrase("in Kyiv", &[]), Some(kyiv));
    assert_eq!(g.lookup("Zhdanov", &[]).unwrap().name, "Mariupol");
    assert_eq!(g.lookup("Sevastopol", &[]).unwrap().country, "UKR");
    assert_eq!(g.lookup("Sébastopol", &[]).unwrap().name, "Sevastopol");
    assert_eq!(g.lookup("Gaza", &[]).unwrap().country, "PSE");
    assert_eq!(g.lookup_phrase("the Gaza Strip", &[]).unwrap().kind, PlaceKind::Region);
    assert_eq!(g.lookup("Ukraine", &[]).unwrap().kind, PlaceKind::Country);
    assert_eq!(g.lookup("Crimea", &[]).unwrap().kind, PlaceKind::Region);

    let region = g.lookup_phrase("the Kherson region", &["UKR"]).unwrap();
    assert_eq!((region.name.as_str(), region.kind), ("Kherson", PlaceKind::Region));
    assert_eq!(g.lookup_phrase("Kherson oblast", &[]), Some(region.clone()));
    assert_eq!(g.lookup_phrase("the city of Kherson", &[]).unwrap().kind, PlaceKind::City);
    assert_eq!(g.lookup_phrase("on the city of Sevastopol", &[]).unwrap().name, "Sevastopol");
    // A region named after a city that has another spelling: Kharkov → Kharkiv (city) →
    // its oblast.
    assert_eq!(g.lookup_phrase("the Kharkov region", &[]).unwrap().name, "Kharkiv");

    // Ambiguity: population, then the country hint.
    assert_eq!(g.lookup("Donetsk", &[]).unwrap().country, "UKR");
    assert_eq!(g.lookup("Tripoli", &[]).unwrap().country, "LBY");
    assert_eq!(g.lookup("Tripoli", &["LBN"]).unwrap().country, "LBN");
    assert_eq!(g.lookup("Washington", &[]).unwrap().country, "USA");
    assert_eq!(g.country("UKR").unwrap().name, "Ukraine");

    assert_eq!(g.lookup("", &[]), None);
    assert_eq!(g.lookup("Qwertyuiop", &[]), None);
    assert_eq!(g.lookup_phrase("the region", &[]), None);
}

#[test]
fn gazetteer_load_time() {
    // The cost of first use of the embedded table.
    let started = Instant::now();
    let g = Gazetteer::parse_embedded().unwrap();
    let took = started.elapsed();
    eprintln!("gazetteer: {:?} places, {} names, parsed in {:.1} ms", g.counts(), g.names(), took.as_secs_f64() * 1000.0);
    // Debug builds are several times slower than release; the release figure is in the
    // module's report (< 100 ms).
    assert!(took.as_secs_f64() < if cfg!(debug_assertions) { 3.0 } else { 0.1 }, "{took:?}");
    let names = ["Kyiv", "Kiev", "Sevastopol", "Mariupol", "Gaza", "Tripoli", "Donetsk", "Washington", "Nowhere", "Sébastopol"];
    let started = Instant::now();
    let mut found = 0;
    for i in 0..20_000 {
        found += usize::from(g.lookup(names[i % names.len()], &["UKR"]).is_some());
    }
    let per = started.elapsed().as_secs_f64() / 20_000.0;
    eprintln!("gazetteer: {:.2} µs a lookup ({found} of 20000 found)", per * 1e6);
}

#[test]
fn seed_story_text_dates() {
    let Some(path) = dyad_testdata::example("austin-belousov-call.txt") else { return };
    let text = std::fs::read_to_string(path).unwrap();
    // Each phrase is found in the story's own text and resolved against its publication
    // date; the expectations are the calendar facts, not the tagger's output.
    let cases: &[(&str, &str, Date, Precision)] = &[
        ("Pat Ryder said on Tuesday", "Tuesday", date(2024, 6, 25), Precision::Day),
        ("Moscow threatened Washington on Monday", "Monday", date(2024, 6, 24), Precision::Day),
        ("announced on Wednesday night", "Wednesday night", date(2024, 6, 26), Precision::Day),
        ("on March 15, 2023", "March 15, 2023", date(2023, 3, 15), Precision::Day),
        ("on February 24, 2022", "February 24, 2022", date(2022, 2, 24), Precision::Day),
        ("annexed by Russia in 2014", "2014", date(2014, 1, 1), Precision::Year),
        ("membership in June 2022", "June 2022", date(2022, 6, 1), Precision::Month),
        ("at the end of February 2022", "the end of February 2022", date(2022, 2, 28), Precision::Month),
        ("at the end of 2023", "the end of 2023", date(2023, 12, 31), Precision::Year),
        ("during the day on Tuesday", "Tuesday", date(2024, 6, 25), Precision::Day),
    ];
    for &(context, expr, want, precision) in cases {
        let at = text.find(context).unwrap_or_else(|| panic!("{context:?} is not in the story"));
        // The sentence around the phrase.
        let start = text[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
        let end = at + text[at..].find(". ").map_or(text.len() - at, |i| i + 1);
        let sentence = &text[start..end];
        let found = find_dates(sentence, Some(PUBLISHED), Tense::Past);
        let hit = found.iter().find(|f| f.text == expr).unwrap_or_else(|| panic!("{expr:?} not found in {sentence:?}: {found:?}"));
        assert_eq!((hit.date.date, hit.date.precision), (want, precision), "{expr:?} in {sentence:?}");
    }
    // Nothing in the story is read as a date that is not one.
    let all = find_dates(&text, Some(PUBLISHED), Tense::Past);
    let texts: Vec<&str> = all.iter().map(|f| f.text.as_str()).collect();
    for t in &texts {
        assert!(
            !t.chars().all(|c| c.is_ascii_digit() || c == ',') || t.len() == 4,
            "a bare number read as a date: {t:?} in {texts:?}"
        );
    }
    eprintln!("dates in the story: {texts:?}");
}

#[test]
fn institutions_are_not_places() {
    // "Austin spoke at the White House": GeoNames lists "White House" as a translation of
    // Casablanca; the generator drops such common-word alternates.
    let t = tree(&[
        ("Austin", "Austin", "PROPN", 2, "nsubj"),
        ("spoke", "speak", "VERB", 0, "root"),
        ("at", "at", "ADP", 6, "case"),
        ("the", "the", "DET", 6, "det"),
        ("White", "White", "PROPN", 6, "compound"),
        ("House", "House", "PROPN", 2, "obl"),
        ("in", "in", "ADP", 8, "case"),
        ("the", "the", "DET", 9, "det"),
        ("North", "north", "PROPN", 2, "obl"),
    ]);
    assert_eq!(place(&t, "spoke", &["USA"]), None);
    let g = Gazetteer::embedded();
    assert_eq!(g.lookup("White House", &[]), None);
    assert_eq!(g.lookup("Big Apple", &[]), None);
    assert_eq!(g.lookup("Mecca", &[]).unwrap().name, "Makkah");
}
