//! dyad-format sources merged into one `Dictionaries`: dated roles, the nearest-role
//! fallback, role holders, spelling variants, later sources overriding earlier ones,
//! patterns and synsets across files.

use dyad_dict::{ActorKind, AgentCode, Dictionaries, Role, Severity, Term};
use jiff::civil::date;

const COUNTRIES: &str = "\
UKR | Ukraine ; the Ukraine | Ukrainian ; Ukrainians | Kyiv ; Bankova
RUS | Russia ; Russian Federation | Russian ; Russians | Moscow ; the Kremlin
USA | United States ; US | American | Washington ; the Pentagon=USAMIL
";

const PEOPLE: &str = "\
Volodymyr Zelensky ; Zelensky | UKRGOV | 2019-05-20.. | head_of_state
Ruslan Stefanchuk | UKRLEG | 2021-10-08.. | legislature_speaker
Sergei Shoigu ; Shoigu | RUSGOV | 2012-11-06..2024-05-12 | defence_minister
Sergei Shoigu | RUSGOV | 2024-05-12.. | security_council_secretary
Andrei Belousov | RUSGOV | 2024-05-14.. | defence_minister
Lloyd Austin ; Lloyd J. Austin | USAGOV | 2021-01-22..2025-01-20 | defence_minister
Lloyd Austin | USAMIL | 2013-03-22..2016-03-30 | military_commander
";

const AGENTS: &str = "\
defence minister ; defense minister | GOV
soldier | MIL
police ; police officer ; policeman | COP | police ; police officers ; policemen
UN peacekeepers | IGOUNOMIL
";

const SYNSETS: &str = "&WEAPON | missile ; rocket ; drone\n&PRISONER | prisoner of war ; POW ; prisoner\n";
const VERBS: &str = "\
040 | SRC speak with TGT
041 | SRC discuss TGT by telephone
042 | SRC visit TGT
190 | SRC attack;strike TGT
195 | SRC fire &WEAPON at TGT
";
const NOUNS: &str = "0841 | exchange of &PRISONER between SRC and TGT\n190 | SRC attack on TGT\n";
const DISCARDS: &str = "soccer ; football match | sentence\nhoroscope | article\n";

fn dicts(extra: &[(&str, &str)]) -> Dictionaries {
    let mut b = Dictionaries::builder();
    for (name, text) in [
        ("countries.txt", COUNTRIES),
        ("people.txt", PEOPLE),
        ("agents.txt", AGENTS),
        ("synsets.txt", SYNSETS),
        ("verbs.txt", VERBS),
        ("nouns.txt", NOUNS),
        ("discards.txt", DISCARDS),
    ] {
        b.add_bytes(name, text.as_bytes());
    }
    for (name, text) in extra {
        b.add_bytes(name, text.as_bytes());
    }
    b.build()
}

fn names(d: &Dictionaries, toks: &[&str]) -> Vec<(usize, usize, String)> {
    d.actors_at(toks).iter().map(|m| (m.start, m.end, d.actor(m.candidates[0]).name.clone())).collect()
}

#[test]
fn loads_clean() {
    let d = dicts(&[]);
    let errs: Vec<String> = d.diagnostics().iter().map(|x| x.to_string()).collect();
    assert!(errs.is_empty(), "{errs:#?}");
    let c = d.counts();
    assert_eq!((c.role_entries, c.people, c.countries, c.agents), (7, 5, 3, 4));
    assert_eq!((c.verb_patterns, c.noun_patterns, c.patterns, c.synsets, c.discards), (5, 2, 7, 2, 3));
    assert!(d.conflicts().is_empty());
}

#[test]
fn people_by_date_and_role() {
    let d = dicts(&[]);
    let m = d.actors_at(&["Sergei", "Shoigu", "said"]);
    assert_eq!((m[0].start, m[0].end), (0, 2));
    let id = m[0].candidates[0];
    let dc = d.actor(id).dated_code_on(date(2020, 1, 1)).unwrap();
    assert_eq!(dc.role, Some(Role::DefenceMinister));
    assert_eq!(d.actor(id).dated_code_on(date(2024, 6, 1)).unwrap().role, Some(Role::SecurityCouncilSecretary));
    // Between state offices, and after the last: a former official, an elite of the
    // country (CAMEO's ELI); before the first: the nearest role in time.
    let austin = d.actors_at(&["Lloyd", "J.", "Austin"]);
    let id = austin[0].candidates[0];
    assert_eq!(austin[0].end, 3);
    assert_eq!(d.actor_code_on(id, date(2018, 1, 1)).map(|c| c.as_str()), Some("USAELI"));
    assert_eq!(d.actor_code_on(id, date(2020, 12, 1)).map(|c| c.as_str()), Some("USAELI"));
    assert_eq!(d.actor_code_on(id, date(2010, 1, 1)).map(|c| c.as_str()), Some("USAMIL"));
    // "the Russian defence minister" on a date.
    let who = |y, m, dd| -> Vec<String> {
        d.role_holders("RUS", Role::DefenceMinister, date(y, m, dd)).iter().map(|&i| d.actor(i).name.clone()).collect()
    };
    assert_eq!(who(2023, 1, 1), ["Sergei Shoigu"]);
    assert_eq!(who(2024, 5, 13), Vec::<String>::new());
    assert_eq!(who(2024, 6, 1), ["Andrei Belousov"]);
}

#[test]
fn spelling_variants_and_countries() {
    let d = dicts(&[]);
    assert_eq!(names(&d, &["Wolodymyr", "Selenskyj", "in", "Kiew"]), [(0, 2, "Volodymyr Zelensky".to_string())]);
    assert_eq!(names(&d, &["President", "Zelenskyy"]), [(1, 2, "Volodymyr Zelensky".to_string())]);
    assert_eq!(names(&d, &["Speaker", "Ruslan", "Stefantschuk"]), [(1, 3, "Ruslan Stefanchuk".to_string())]);
    // Only listed names match: the surname alone is not an alias here, but it can be
    // looked up as a surname.
    assert!(names(&d, &["Stefantschuk"]).is_empty());
    let s = d.people_by_surname("Stefantschuk");
    assert_eq!(s.iter().map(|&i| d.actor(i).name.as_str()).collect::<Vec<_>>(), ["Ruslan Stefanchuk"]);
    assert_eq!(d.people_by_surname("Selenskyj").len(), 1);
    assert!(d.people_by_surname("stefanchuk").is_empty());
    assert!(d.people_by_surname("Kremlin").is_empty());
    // Seats, metonyms, demonyms; "the" is optional.
    let m = d.actors_at(&["The", "Kremlin", "and", "Kiev", "and", "Pentagon", "and", "Russians"]);
    let got: Vec<(usize, ActorKind, String)> = m
        .iter()
        .map(|m| (m.start, d.actor(m.candidates[0]).kind, d.actor_code_on(m.candidates[0], date(2024, 1, 1)).unwrap().to_string()))
        .collect();
    assert_eq!(
        got,
        [
            (0, ActorKind::Seat, "RUSGOV".to_string()),
            (3, ActorKind::Seat, "UKRGOV".to_string()),
            (5, ActorKind::Seat, "USAMIL".to_string()),
            (7, ActorKind::Demonym, "RUS".to_string())
        ]
    );
    // A name written with capitals only matches words with capitals.
    assert!(d.actors_at(&["kiew"]).is_empty());
    assert!(d.actors_at(&["kyiv"]).is_empty());
    assert_eq!(d.actors_at(&["KYIV"]).len(), 1);
    assert!(d.actors_at(&["Shmyhal"]).is_empty());
}

#[test]
fn acronyms_match_only_in_capitals() {
    let d = dicts(&[("organizations.txt", "IGOUNOWHO | World Health Organization ; WHO | igo\nPAKREBLET | Lashkar-e-Taiba ; LeT | armed_group\n")]);
    assert_eq!(names(&d, &["LeT", "militants"]).len(), 1);
    assert!(names(&d, &["let", "us", "go"]).is_empty());
    assert!(names(&d, &["russia", "said"]).is_empty());
    assert_eq!(names(&d, &["the", "WHO", "said"]), [(1, 2, "World Health Organization".to_string())]);
    assert!(names(&d, &["people", "who", "fled"]).is_empty());
    assert!(names(&d, &["Who", "fled", "?"]).is_empty());
    // US is an alias of the United States; "us" is a pronoun.
    assert_eq!(names(&d, &["US", "troops"]).len(), 1);
    assert_eq!(names(&d, &["U.S.", "troops"]).len(), 1);
    assert!(names(&d, &["told", "us"]).is_empty());
    let d = dicts(&[("organizations.txt", "IGONAT | NATO ; North Atlantic Treaty Organization | igo\n")]);
    assert_eq!(names(&d, &["Nato", "allies"]).len(), 1, "British style for longer acronyms");
    assert!(names(&d, &["nato"]).is_empty());
}

#[test]
fn agents_and_their_codes() {
    let d = dicts(&[]);
    let m = d.agents_at(&["Russian", "defense", "ministers", "and", "policemen"]);
    let got: Vec<(usize, usize, bool, String)> = m.iter().map(|m| (m.start, m.end, m.plural, d.agents[m.candidates[0].0 as usize].code.apply(Some("RUS")))).collect();
    assert_eq!(got, [(1, 3, true, "RUSGOV".into()), (4, 5, true, "RUSCOP".into())]);
    assert_eq!(d.agent(&["UN", "peacekeepers"]).map(|a| a.code.clone()), Some(AgentCode::Actor("IGOUNOMIL".into())));
    assert_eq!(d.agent(&["soldiers"]).map(|a| a.code.apply(Some("UKR"))), Some("UKRMIL".into()));
}

#[test]
fn verb_and_noun_patterns() {
    let d = dicts(&[]);
    let speak: Vec<&str> = d.verb_patterns("speak").map(|p| &*p.text).collect();
    assert_eq!(speak, ["SRC speak with TGT"]);
    assert_eq!(d.verb_patterns("strike").next().unwrap().code.as_ref().unwrap().as_str(), "190");
    assert_eq!(d.verb_patterns("Attack").count(), 1);
    let fire = d.verb_patterns("fire").next().unwrap();
    assert_eq!(fire.elements[1].term, Term::Synset("WEAPON".into()));
    assert!(d.in_synset("WEAPON", "drone") && !d.in_synset("WEAPON", "tank"));
    assert!(d.in_synset("&PRISONER", "prisoner of war"));
    let ex = d.noun_patterns("exchange").next().unwrap();
    assert_eq!(ex.code.as_ref().unwrap().as_str(), "0841");
    assert_eq!(d.cameo("0841").map(|e| e.quad_class.number()), Some(2));
    assert!(d.noun_patterns("attack").next().unwrap().has_source());
    assert_eq!(d.is_discard(&["a", "football", "match"]).map(|x| x.phrase.as_str()), Some("football match"));
    assert!(d.is_discard(&["football"]).is_none());
}

#[test]
fn later_sources_override_and_add() {
    let d = dicts(&[
        ("people.txt", "Sergei Shoigu | RUSMIL | 2012-11-06.. | defence_minister\n"),
        ("countries.txt", "UKR | Ukraine | Ukrainian | Kyiv ; Bankova=UKRGOVPRS\n"),
        ("agents.txt", "soldier | REB\n"),
        ("verbs.txt", "042 | SRC visit TGT on;for business\n"),
        ("cameo.txt", "042 | 1.9 | 1 | CONSULT | visit | Make a visit (local name)\n"),
    ]);
    let errs: Vec<String> = d.diagnostics().iter().map(|x| x.to_string()).collect();
    assert!(errs.is_empty(), "{errs:#?}");
    let m = d.actors_at(&["Sergei", "Shoigu"]);
    assert_eq!(m[0].candidates.len(), 1, "the earlier Shoigu entry is replaced");
    assert!(d.actors_at(&["Shoigu"]).is_empty(), "with the alias it listed");
    assert_eq!(d.actor_code_on(m[0].candidates[0], date(2024, 6, 1)).map(|c| c.as_str()), Some("RUSMIL"));
    let bankova = d.actors_at(&["Bankova"]);
    assert_eq!(d.actor_code_on(bankova[0].candidates[0], date(2024, 6, 1)).map(|c| c.as_str()), Some("UKRGOVPRS"));
    assert_eq!(d.agent(&["soldier"]).map(|a| a.code.clone()), Some(AgentCode::Sector("REB".into())));
    assert_eq!(d.verb_patterns("visit").count(), 2, "patterns add up");
    assert_eq!(d.cameo("042").map(|e| &*e.name), Some("Make a visit (local name)"));
}

#[test]
fn problems_across_files() {
    let d = dicts(&[
        ("verbs.txt", "999 | SRC frobnicate TGT\n040 | SRC speak with &NOSUCH\n"),
        ("people.txt", "Ann Example | XYZGOV | 2020.. | other\nBob Example | UKRGOV | 2020..2022 | minister\nBob Example | UKRMIL | 2021.. | minister\n"),
        ("organizations.txt", "IGOUNO | Ukraine ; UN | igo\n"),
    ]);
    let msgs: Vec<String> = d.diagnostics().iter().map(|x| format!("{} {}", x.severity == Severity::Error, x)).collect();
    assert!(msgs.contains(&"true verbs.txt:1: error: code 999 is not a CAMEO 1.1b3 event code".to_string()), "{msgs:#?}");
    assert!(msgs.contains(&"true verbs.txt:2: error: undefined synset &NOSUCH; pattern dropped".to_string()), "{msgs:#?}");
    assert!(msgs.contains(&"false people.txt:1: warning: code XYZGOV of Ann Example: XYZ is not a country in countries.txt".to_string()), "{msgs:#?}");
    let conflicts: Vec<String> = d.conflicts().iter().map(|c| format!("{}: {}", d.locate(c.origin), c.message)).collect();
    assert_eq!(
        conflicts,
        [
            "people.txt:3: Bob Example holds minister as UKRGOV (2020-01-01..2022-12-31) and as UKRMIL (2021-01-01..) at overlapping dates",
            "organizations.txt:1: the name \"Ukraine\" names Ukraine (UKR, ..) and Ukraine (IGOUNO, ..) at overlapping dates",
        ]
    );
}
