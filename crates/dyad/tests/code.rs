//! `dyad code` as a user runs it on parses made elsewhere.

use assert_cmd::Command;
use serde_json::Value;

/// `dyad code --date DATE [EXTRA...]` on `text` from stdin: the events it writes.
fn code_text(date: &str, extra: &[&str], text: &str) -> Vec<Value> {
    let out = Command::cargo_bin("dyad").unwrap().args(["code", "--date", date]).args(extra).write_stdin(text).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn codes_a_conllu_parse_with_petrarch_dictionaries_and_explains_it() {
    let Some(verbs) = dyad_testdata::data_file("universalpetrarch/validate_2_02/PETR_Validate_verbs_2_02.txt") else { return };
    let Some(actors) = dyad_testdata::data_file("universalpetrarch/validate_2_02/PETR_Validate_actors_2_02.txt") else { return };
    // "Arnor is about to restore full diplomatic ties with Gondor." (UD v1, as UDPipe 2.0 wrote it)
    let conllu = "# newdoc id = demo\n\
1\tArnor\tArnor\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n\
2\tis\tbe\tVERB\tVBZ\t_\t3\tcop\t_\t_\n\
3\tabout\tabout\tADJ\tJJ\t_\t0\troot\t_\t_\n\
4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n\
5\trestore\trestore\tVERB\tVB\t_\t3\txcomp\t_\t_\n\
6\tfull\tfull\tADJ\tJJ\t_\t8\tamod\t_\t_\n\
7\tdiplomatic\tdiplomatic\tADJ\tJJ\t_\t8\tamod\t_\t_\n\
8\tties\ttie\tNOUN\tNNS\t_\t5\tdobj\t_\t_\n\
9\twith\twith\tADP\tIN\t_\t10\tcase\t_\t_\n\
10\tGondor\tGondor\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n\
11\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
    let dir = std::env::temp_dir().join(format!("dyad-code-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("demo.conllu");
    std::fs::write(&file, conllu).unwrap();

    let out = Command::cargo_bin("dyad")
        .unwrap()
        .args(["code", "--no-builtin", "--explain", "--date", "1995-01-01", "--conllu"])
        .arg(&file)
        .arg("--dict")
        .arg(&verbs)
        .arg("--dict")
        .arg(&actors)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events: Vec<Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    assert_eq!((e["source"]["code"].as_str(), e["target"]["code"].as_str(), e["cameo"].as_str()), (Some("ARN"), Some("GON"), Some("050")));
    assert_eq!(e["root"], "05");
    assert_eq!(e["quad_class"], 1);
    assert_eq!(e["plover"], "SUPPORT");
    assert_eq!(e["date"], "1995-01-01");
    assert_eq!(e["article_id"], "demo");
    assert_eq!(e["source"]["text"], "Arnor");
    let origin = e["explain"]["origin"].as_str().unwrap();
    assert!(origin.ends_with("PETR_Validate_verbs_2_02.txt:879"), "{origin}");
    assert!(e["explain"]["path"].as_str().unwrap().contains("nsubj:Arnor"));
}

/// Plain text through the built-in parser, dictionaries and gazetteer: a nominal event
/// carried by a light verb, a place standing for its country, a weekday dated from the
/// publication date.
#[test]
fn codes_an_attack_on_a_city_from_text() {
    if dyad_testdata::example("austin-belousov-call.txt").is_none() {
        return; // no shared data: the CI run has it
    }
    let events = code_text("2024-06-26", &[], "Russian forces launched a missile attack on Kharkiv on Tuesday.\n");
    assert_eq!(events.len(), 1, "one attack, not one per pattern: {events:?}");
    let e = &events[0];
    assert_eq!(e["source"]["code"], "RUSMIL");
    assert_eq!(e["target"]["code"], "UKR");
    assert_eq!(e["root"], "19");
    assert_eq!(e["date"], "2024-06-25");
    assert_eq!(e["date_source"], "text");
    assert_eq!(e["location"]["name"], "Kharkiv");
    let lat = e["location"]["lat"].as_f64().unwrap();
    assert!((49.0..51.0).contains(&lat), "{lat}");
}

/// Conjoined country modifiers distribute a role noun; a person resolves to their post on
/// the day; a weekday and a place of the clause date and locate the event.
#[test]
fn conjoined_countries_each_meet_a_person_in_a_place() {
    if dyad_testdata::example("austin-belousov-call.txt").is_none() {
        return;
    }
    let events = code_text("2024-06-26", &[], "French and German leaders met Vladimir Putin in Moscow on Friday.\n");
    let mut sources: Vec<&str> = events.iter().map(|e| e["source"]["code"].as_str().unwrap()).collect();
    sources.sort_unstable();
    assert_eq!(sources, ["DEUGOV", "FRAGOV"], "{events:?}");
    for e in &events {
        assert_eq!(e["target"]["code"], "RUSGOV");
        assert_eq!(e["target"]["name"], "Vladimir Putin");
        assert_eq!(e["root"], "04");
        assert_eq!(e["date"], "2024-06-21", "the Friday before a Wednesday publication");
        assert_eq!(e["location"]["name"], "Moscow");
    }
}

/// A statement with no addressee is no dyad: written only when asked for.
#[test]
fn one_sided_events_only_when_asked_for() {
    if dyad_testdata::example("austin-belousov-call.txt").is_none() {
        return;
    }
    let code = |extra: &[&str]| code_text("2024-06-26", extra, "Russian forces shelled the area overnight.
");
    assert!(code(&[]).is_empty());
    let events = code(&["--one-sided"]);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["source"]["code"], "RUSMIL");
    assert!(events[0]["target"].is_null(), "{events:?}");
    assert_eq!(events[0]["root"], "19");
}

/// What a clause elaborates is not a second event (nor is a complement the pattern
/// names: an agreement to lift sanctions lifts none yet); a place object stands for its
/// controller; half of a hyphenated modifier names no one.
#[test]
fn one_event_per_act_however_the_sentence_elaborates_it() {
    if dyad_testdata::example("austin-belousov-call.txt").is_none() {
        return;
    }
    let text = "Russian forces shelled Kharkiv overnight, killing at least eight people.\n\n\
                Ukraine's defence minister met his French counterpart in Paris to discuss air defence.\n\n\
                Exiled dissidents from military-ruled Myanmar met the US ambassador.\n\n\
                Biden has agreed to lift the sanctions on Iran.\n";
    let events = code_text("2024-06-26", &[], text);
    let triples: Vec<(String, String, String)> = events
        .iter()
        .map(|e| (e["source"]["code"].as_str().unwrap().to_string(), e["target"]["code"].as_str().unwrap_or("-").to_string(), e["cameo"].as_str().unwrap().to_string()))
        .collect();
    let want = [("RUSMIL", "UKR", "194"), ("UKRGOV", "FRAGOV", "040"), ("MMROPP", "USAGOV", "040"), ("USAGOV", "IRN", "0354")];
    let want: Vec<(String, String, String)> = want.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect();
    assert_eq!(triples, want, "{events:?}");
}

/// "The ministry" is the ministry an earlier sentence of the same article named; "a
/// ministry official" is nobody known.
#[test]
fn the_ministry_is_the_one_named_before() {
    if dyad_testdata::example("austin-belousov-call.txt").is_none() {
        return;
    }
    let text = "The Russian Foreign Ministry summoned the US ambassador on Monday. \
                The ministry accused Washington of escalating the conflict. \
                A ministry official criticised Kyiv.\n";
    let events = code_text("2024-06-26", &[], text);
    let accused = events.iter().find(|e| e["cameo"] == "112").expect("the accusation");
    assert_eq!(accused["source"]["code"], "RUSGOV", "{events:?}");
    assert_eq!(accused["target"]["code"], "USAGOV");
    let criticised = events.iter().find(|e| e["cameo"] == "111").expect("the criticism");
    assert_eq!(criticised["source"]["code"], "---GOV", "{events:?}");
}

/// "They" after "France and Germany" is both of them.
#[test]
fn they_after_a_conjoined_subject_is_all_of_it() {
    if dyad_testdata::example("austin-belousov-call.txt").is_none() {
        return;
    }
    let events = code_text("2024-06-26", &[], "France and Germany said they had sent troops to Mali.\n");
    let mut sources: Vec<&str> = events.iter().map(|e| e["source"]["code"].as_str().unwrap()).collect();
    sources.sort_unstable();
    assert_eq!(sources, ["DEU", "FRA"], "{events:?}");
    assert!(events.iter().all(|e| e["target"]["code"] == "MLI"), "{events:?}");
}

/// "Wang" after "Wang Yi" is Wang Yi (the family name comes first); "the two sides" are
/// the two parties of the article's last event between two; rejecting an accusation is
/// an act of its own beside the warning it is conjoined with.
#[test]
fn family_names_first_and_the_two_sides() {
    if dyad_testdata::example("austin-belousov-call.txt").is_none() {
        return;
    }
    let text = "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Monday.\n\n\
                Wang rejected the accusation and warned Washington against interfering in Taiwan.\n\n\
                The two sides agreed to resume talks on military communications.\n";
    let events = code_text("2024-06-03", &["--one-sided"], text);
    let triple = |e: &Value| (e["source"]["code"].as_str().unwrap_or("-").to_string(), e["target"]["code"].as_str().unwrap_or("-").to_string(), e["cameo"].as_str().unwrap().to_string());
    let got: Vec<_> = events.iter().map(triple).collect();
    let has = |s: &str, t: &str, c: &str| got.contains(&(s.to_string(), t.to_string(), c.to_string()));
    assert!(has("CHNGOV", "USAGOV", "130"), "{got:?}");
    assert!(has("CHNGOV", "-", "016"), "{got:?}");
    assert!(has("USAGOV", "CHNGOV", "036") && has("CHNGOV", "USAGOV", "036"), "{got:?}");
}

/// An event named in a phrase that dates another clause ("suspended last year after a
/// visit to Taiwan") is dated with that clause, not on the day of publication.
#[test]
fn an_event_in_a_dating_phrase_takes_its_clause_date() {
    if dyad_testdata::example("austin-belousov-call.txt").is_none() {
        return;
    }
    let text = "Beijing suspended military communications last year after a visit to Taiwan by then-House Speaker Nancy Pelosi.\n";
    let events = code_text("2024-06-03", &["--one-sided"], text);
    let visit = events.iter().find(|e| e["cameo"] == "042").expect("the visit");
    assert_eq!(visit["target"]["code"], "TWN", "{events:?}");
    assert_eq!((visit["date"].as_str(), visit["date_precision"].as_str()), (Some("2023-01-01"), Some("year")), "{events:?}");
}

/// (cameo, date) of each event.
fn codes_and_dates(events: &[Value]) -> Vec<(&str, &str)> {
    events.iter().map(|e| (e["cameo"].as_str().unwrap(), e["date"].as_str().unwrap())).collect()
}

#[test]
fn announced_acts_are_intents_or_threats_dated_when_announced() {
    // 2024-08-01 is a Thursday: "next week" is 5 August, "on Monday" 29 July.
    let text = "Putin will meet Erdogan in Ankara next week.\n\n\
                Putin said on Monday he would meet Zelensky only in Moscow.\n\n\
                The United States will impose new sanctions on Iran.\n\n\
                Kyiv could demand military assistance from the European Union.\n";
    let events = code_text("2024-08-01", &[], text);
    assert_eq!(codes_and_dates(&events), [("036", "2024-08-01"), ("036", "2024-07-29"), ("1312", "2024-08-01")], "{events:?}");

    // What others say an actor will do is a prediction, not the actor's announcement.
    assert!(code_text("2024-08-01", &[], "Analysts say China will invade Taiwan within a decade.\n").is_empty());

    // PETRARCH's convention: the meeting itself, when it is to be; "would" codes nothing.
    let events = code_text("2024-08-01", &["--future", "act"], text);
    assert_eq!(codes_and_dates(&events), [("040", "2024-08-05"), ("163", "2024-08-01")], "{events:?}");
}

#[test]
fn what_a_verb_that_did_not_happen_was_to_bring_about_is_not_coded() {
    let events = code_text("2024-08-01", &[], "Erdogan said Turkey would not allow Sweden to join NATO.\n\nRussia could force Ukraine to withdraw from Avdiivka.\n");
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn condemning_the_attack_condemns_whoever_the_article_said_attacked() {
    let text = "Ukrainian forces struck a Russian oil depot in the Belgorod region, the regional governor said.\n\n\
                The European Union condemned the attack.\n";
    let events = code_text("2024-05-17", &[], text);
    let triples: Vec<(&str, &str, &str)> = events.iter().map(|e| (e["source"]["code"].as_str().unwrap(), e["target"]["code"].as_str().unwrap(), e["cameo"].as_str().unwrap())).collect();
    assert_eq!(triples, [("UKRMIL", "RUS", "190"), ("IGOEUREEC", "UKRMIL", "111")], "{events:?}");
    assert_eq!(events[1]["target"]["text"], "the attack");
    // Without an attack before, "the attack" names no one.
    assert!(code_text("2024-05-17", &[], "The European Union condemned the attack.\n").is_empty());
}

#[test]
fn an_article_is_read_as_a_whole_dateline_owners_attacks_and_sides() {
    let text = "KHARTOUM, Sudan (Reuters) - Sudan's paramilitary Rapid Support Forces attacked the city of El Fasher on Saturday, killing at least 30 civilians, local activists said.\n\n\
                The RSF has besieged the city, the last major stronghold of the army in Darfur, for months. The army said its aircraft struck RSF positions east of the city.\n\n\
                The United States condemned the attack and urged both sides to return to talks in Jeddah. Saudi Arabia and the United States have mediated between the two sides since last year.\n";
    let events = code_text("2024-05-12", &[], text);
    let triples: Vec<(u64, &str, &str, &str)> = events
        .iter()
        .map(|e| (e["sentence_index"].as_u64().unwrap(), e["source"]["code"].as_str().unwrap(), e["target"]["code"].as_str().unwrap(), e["cameo"].as_str().unwrap()))
        .collect();
    // "The army" of a story filed from Khartoum is Sudan's, and "its aircraft" the army's.
    assert!(triples.contains(&(2, "SDNMIL", "SDNREBRSF", "195")), "{triples:?}");
    // "the attack" is the one told as an attack (the RSF's), not the army's strike after it.
    assert!(triples.contains(&(3, "USA", "SDNUAF", "111")), "{triples:?}");
    // "both sides" and "the two sides" are the two who fought, not the ones who spoke.
    for side in ["SDNMIL", "SDNREBRSF"] {
        assert!(triples.contains(&(3, "USA", side, "026")), "{triples:?}");
        assert!(triples.contains(&(4, "SAU", side, "045")), "{triples:?}");
    }
    assert!(!triples.iter().any(|t| t.1 == "SAU" && t.2 == "USA"), "{triples:?}");
}

#[test]
fn a_subject_owned_by_its_reporter_is_the_reporters() {
    let events = code_text("2024-05-12", &[], "Russia said its forces captured Avdiivka.\n");
    let e = &events[0];
    assert_eq!((e["source"]["code"].as_str(), e["target"]["code"].as_str(), e["cameo"].as_str()), (Some("RUSMIL"), Some("UKR"), Some("192")), "{events:?}");
}

#[test]
fn an_event_some_days_after_another_dates_the_other() {
    // 2024-01-19 is a Friday: Thursday is the 18th, two days before it the 16th.
    let events = code_text("2024-01-19", &[], "Pakistan carried out air strikes inside Iran on Thursday, two days after Iran struck targets in Pakistan.\n");
    let dated: Vec<(&str, &str)> = events.iter().map(|e| (e["cameo"].as_str().unwrap(), e["date"].as_str().unwrap())).collect();
    assert_eq!(dated, [("195", "2024-01-18"), ("190", "2024-01-16")], "{events:?}");
}

#[test]
fn the_group_is_the_armed_group_the_article_just_named() {
    let text = "Hamas fighters attacked an Israeli army post near the Gaza border on Sunday. The group said it had killed three soldiers.\n\n\
                The militant group also fired rockets at Sderot.\n";
    let events = code_text("2024-05-12", &[], text);
    let sources: Vec<&str> = events.iter().map(|e| e["source"]["code"].as_str().unwrap()).collect();
    assert_eq!(sources, ["PSEREBHMS"; 3], "{events:?}");
    // A group with a name of its own is that one: "the ELN rebel group".
    let events = code_text("2024-05-12", &[], "Hamas fighters attacked an Israeli army post. Colombia's government and the ELN rebel group agreed to extend a ceasefire.\n");
    assert!(events.iter().any(|e| e["target"]["code"] == "COLREBELN" || e["source"]["code"] == "COLREBELN"), "{events:?}");
}
