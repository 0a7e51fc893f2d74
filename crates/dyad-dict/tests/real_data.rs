//! The real PETRARCH and UniversalPetrarch dictionaries from the shared data dir
//! (`DYAD_DATA`, default `../shared/data`): they load with no unreadable file, the
//! expected number of entries, problems at the right lines, and lookups that agree with
//! the files. Skipped (with a message) when the data is missing, except under CI.

use std::path::PathBuf;

use dyad_dict::{AgentCode, Dictionaries, DiscardScope, Format, Severity, Term};
use jiff::civil::date;

fn data(rel: &str) -> Option<PathBuf> {
    dyad_testdata::data_file(rel)
}

const PRODUCTION: [&str; 6] = [
    "petrarch/CAMEO.2.0.txt",
    "petrarch/Phoenix.Countries.actors.txt",
    "petrarch/Phoenix.International.actors.txt",
    "petrarch/Phoenix.MilNonState.actors.txt",
    "petrarch/Phoenix.agents.txt",
    "petrarch/Phoenix.discards.txt",
];

/// Loaded once for all tests that use it.
fn production() -> Option<&'static Dictionaries> {
    static D: std::sync::OnceLock<Option<Dictionaries>> = std::sync::OnceLock::new();
    D.get_or_init(|| {
        let mut b = Dictionaries::builder();
        for rel in PRODUCTION {
            let p = data(rel)?;
            b.add_file(&p).expect("readable");
        }
        Some(b.build())
    })
    .as_ref()
}

/// (file name, line) of the error diagnostics.
fn errors(d: &Dictionaries) -> Vec<(String, u32)> {
    d.diagnostics()
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .map(|x| (x.file.rsplit('/').next().unwrap().to_string(), x.line))
        .collect()
}

#[test]
fn production_set_loads_with_its_counts() {
    let Some(d) = production() else { return };
    let formats: Vec<Format> = d.sources().iter().map(|s| s.format).collect();
    assert_eq!(
        formats,
        [
            Format::PetrarchVerbs,
            Format::PetrarchActors,
            Format::PetrarchActors,
            Format::PetrarchActors,
            Format::PetrarchAgents,
            Format::PetrarchDiscards
        ]
    );
    let c = d.counts();
    // 4,668 pattern lines, less 2 unbalanced ones and 2 naming undefined synsets
    // (&WEATHER, &DEMONSTRATION).
    assert_eq!(c.verb_patterns, 4664);
    assert_eq!(c.verb_blocks, 397);
    assert_eq!(c.synsets, 40);
    assert_eq!(c.transformations, 8);
    assert_eq!(c.actors, 27252);
    assert_eq!(c.agents, 2243);
    assert_eq!(c.discards, 506);
    // The lines that are broken in the files themselves, and nothing else.
    assert_eq!(
        errors(d),
        [
            ("CAMEO.2.0.txt".to_string(), 2374),
            ("CAMEO.2.0.txt".to_string(), 7606),
            ("Phoenix.agents.txt".to_string(), 544),
            ("Phoenix.agents.txt".to_string(), 1927)
        ]
    );
    let msgs: Vec<String> = d.diagnostics().iter().map(|x| x.to_string()).collect();
    assert!(msgs.iter().any(|m| m.ends_with("CAMEO.2.0.txt:2374: error: `)` without `(`")), "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.ends_with("Phoenix.agents.txt:544: error: agent code has `[` without `]`")));
    assert!(msgs.iter().any(|m| m.ends_with("CAMEO.2.0.txt:2059: warning: code 176 is not a CAMEO 1.1b3 event code")));
    assert!(msgs.iter().any(|m| m.ends_with("Phoenix.Countries.actors.txt:14190: warning: range \"20121207-20120802\" ends before it starts; restriction dropped")));
}

#[test]
fn dated_actor_codes_resolve_by_date() {
    let Some(d) = production() else { return };
    // ABDEL_FATTAH_EL_SISI: [EGYMIL 770101-120812] [EGYGOVMIL 120812-140326]
    // [EGYGOV > 140608] [EGYELI] (the default).
    let toks = ["President", "Abdel", "Fattah", "el-Sisi", "met", "Kerry"];
    let m = d.actors_at(&toks);
    let sisi = m.iter().find(|m| m.start == 1).expect("Sisi found");
    assert_eq!(sisi.end, 4);
    let on = |y, mo, da| d.resolve(sisi, date(y, mo, da)).map(|(_, c)| c.to_string());
    assert_eq!(on(2000, 1, 1).as_deref(), Some("EGYMIL"));
    assert_eq!(on(2013, 1, 1).as_deref(), Some("EGYGOVMIL"));
    assert_eq!(on(2014, 6, 7).as_deref(), Some("EGYELI"));
    assert_eq!(on(2014, 6, 8).as_deref(), Some("EGYGOV"));
    assert_eq!(on(2020, 1, 1).as_deref(), Some("EGYGOV"));

    // PETRO_POROSHENKO: [UKRGOV 091201-100331] [UKRGOVMIL 050201-050930]
    // [UKRGOV > 20140607], no default.
    let m = d.actors_at(&["Petro", "Poroshenko"]);
    let id = m[0].candidates[0];
    assert_eq!(d.actor(id).name, "Petro Poroshenko");
    assert_eq!(d.actor_code_on(id, date(2005, 3, 1)).map(|c| c.as_str()), Some("UKRGOVMIL"));
    assert_eq!(d.actor_code_on(id, date(2014, 6, 6)), None);
    assert_eq!(d.actor_code_on(id, date(2014, 6, 7)).map(|c| c.as_str()), Some("UKRGOV"));

    // Countries by name and by adjective; spelling variants of names.
    let m = d.actors_at(&["Afghan", "forces", "in", "Kabul"]);
    assert_eq!(d.resolve(&m[0], date(2020, 1, 1)).map(|(_, c)| c.as_str()), Some("AFG"));
    let m = d.actors_at(&["Moammar", "Qadhafi"]);
    assert!(!m.is_empty(), "a spelling variant of Gaddafi is found");
}

#[test]
fn agents_with_plurals_markers_and_prefix_codes() {
    let Some(d) = production() else { return };
    let code = |w: &[&str]| d.agent(w).map(|a| a.code.clone());
    assert_eq!(code(&["farmer"]), Some(AgentCode::Sector("AGR".into())));
    assert_eq!(code(&["farmers"]), Some(AgentCode::Sector("AGR".into())));
    assert_eq!(code(&["chambers", "of", "commerce"]), Some(AgentCode::Sector("BUS".into())));
    assert_eq!(code(&["cattlemen"]), Some(AgentCode::Sector("AGR".into())));
    // POLICE {} has no plural; POLICE!PERSON! gives policemen.
    assert_eq!(code(&["policemen"]), Some(AgentCode::Sector("COP".into())));
    assert_eq!(code(&["peacekeeping", "troops"]), Some(AgentCode::Prefix("IGO".into())));
    assert!(d.agent(&["polices"]).is_none());
    let m = d.agents_at(&["Afghan", "police", "officers", "and", "farmers"]);
    let spans: Vec<(usize, usize, bool)> = m.iter().map(|m| (m.start, m.end, m.plural)).collect();
    assert_eq!(spans, [(1, 3, true), (4, 5, true)]);
}

#[test]
fn verb_patterns_are_found_under_their_verbs() {
    let Some(d) = production() else { return };
    // --- ACCELERATE [---] --- lists RUSH and HURRY {HURRIES HURRYING HURRIED}.
    let rush: Vec<&str> = d.verb_patterns("rush").map(|p| &*p.text).collect();
    assert!(rush.contains(&"* &FOOD"), "{rush:?}");
    assert!(rush.contains(&"* {ARMS SHIPMENT}"));
    let p = d.verb_patterns("hurry").find(|p| &*p.text == "* (TO)").unwrap();
    assert_eq!((p.code.as_ref().unwrap().as_str(), p.reverse_code.as_ref().unwrap().as_str()), ("042", "043"));
    assert_eq!(d.verb_lemmas_of_form("hurried"), [Box::<str>::from("hurry")]);
    // --- BLAME [112] --- : ACCUSE [112], CONDEMN [111].
    let blocks: Vec<_> = d.verb_blocks("condemn").collect();
    assert!(blocks.iter().any(|(b, v)| &*b.name == "BLAME" && v.unwrap().code.as_ref().unwrap().as_str() == "111"));
    let p = d.verb_patterns("accuse").find(|p| &*p.text == "* (FOR {&MILITARY INCURSION})").unwrap();
    assert_eq!(p.code.as_ref().unwrap().as_str(), "111");
    assert_eq!(&*p.elements[0].prep[0], "for");
    assert_eq!(p.elements[0].term, Term::Words(vec!["incursion".into()]));
    assert_eq!(p.elements[0].modifiers, vec![Term::Synset("MILITARY".into())]);
    assert!(d.in_synset("MILITARY", "troops") || d.in_synset("MILITARY", "troop"));
}

#[test]
fn discards_by_scope() {
    let Some(d) = production() else { return };
    let s = d.is_discard(&["They", "played", "baseball", "."]).unwrap();
    assert_eq!(s.scope, DiscardScope::Sentence);
    let a = d.is_discard(&["the", "World", "Cup", "final"]).unwrap();
    assert_eq!(a.scope, DiscardScope::Article);
    assert!(d.is_discard(&["Russia", "attacked", "Ukraine"]).is_none());
}

#[test]
fn validation_dictionaries_load() {
    let names = [
        "petrarch/PETR.Validate.verbs.txt",
        "petrarch/PETR.Validate.actors.txt",
        "petrarch/PETR.Validate.agents.txt",
        "petrarch/PETR.Validate.discards.txt",
    ];
    let mut b = Dictionaries::builder();
    for n in names {
        let Some(p) = data(n) else { return };
        b.add_file(&p).expect("readable");
    }
    let d = b.build();
    let c = d.counts();
    assert_eq!((c.actors, c.agents, c.discards, c.synsets), (129, 88, 9, 17));
    // 474 pattern lines, less line 992 whose `[###]` code is cut by the `#` comment.
    assert_eq!(c.verb_patterns, 473);
    assert_eq!(errors(&d), [("PETR.Validate.verbs.txt".to_string(), 992)]);
    // GOLLUM: [HOB < 950601] [HOBGOV 19950601 - 19990815]
    let m = d.actors_at(&["Gollum"]);
    assert_eq!(d.resolve(&m[0], date(1995, 5, 1)).map(|(_, c)| c.as_str()), Some("HOB"));
    assert_eq!(d.resolve(&m[0], date(1996, 1, 1)).map(|(_, c)| c.as_str()), Some("HOBGOV"));
}

#[test]
fn universal_petrarch_validation_and_pico() {
    let Some(dir) = data("universalpetrarch/validate_2_02") else { return };
    let mut b = Dictionaries::builder();
    let files = b.add_dir(&dir).expect("readable");
    let formats: Vec<Format> = files.iter().map(|f| f.1).collect();
    assert!(formats.contains(&Format::Pico));
    assert!(formats.contains(&Format::PetrarchVerbs));
    let d = b.build();
    assert_eq!(d.internal_code("010"), Some(0x1000));
    assert_eq!(d.internal_code("1221"), Some(-0xFFFF + 0x2045 + 0x300));
    assert_eq!(d.internal_code("---"), Some(0));
    assert_eq!(errors(&d), [("PETR_Validate_verbs_2_02.txt".to_string(), 880)]);
    // "* (TO QUESTION) [110]" without its dash is read, with a warning.
    assert!(d.diagnostics().iter().any(|x| x.severity == dyad_dict::Severity::Warning && x.to_string().contains("PETR_Validate_verbs_2_02.txt:463")));
    assert!(d.counts().internal_codes > 250);
}

#[test]
fn universal_petrarch_countries_with_nul_and_crlf() {
    let Some(p) = data("universalpetrarch/dictionaries/Phoenix.Countries.actors.txt") else { return };
    let mut b = Dictionaries::builder();
    b.add_file(&p).unwrap();
    let d = b.build();
    let nul: Vec<String> = d.diagnostics().iter().filter(|x| x.message.contains("NUL")).map(|x| x.to_string()).collect();
    assert_eq!(nul.len(), 1);
    assert!(nul[0].ends_with("Phoenix.Countries.actors.txt:21079: warning: NUL byte removed"), "{nul:?}");
    assert_eq!(d.errors(), 0);
    // CRLF file: the UP verbs 2.0 validation dictionary.
    let Some(v) = data("universalpetrarch/dictionaries/PETR.Validate.verbs.2.0.txt") else { return };
    let mut b = Dictionaries::builder();
    b.add_file(&v).unwrap();
    let d = b.build();
    assert!(d.counts().verb_patterns > 400);
    assert!(d.verb_blocks.iter().all(|b| !b.name.ends_with('\r')));
}

#[test]
fn builtin_dictionaries_have_no_errors() {
    let d = Dictionaries::builtin();
    let errs: Vec<String> = d.diagnostics().iter().filter(|x| x.severity == Severity::Error).map(|x| x.to_string()).collect();
    assert!(errs.is_empty(), "{errs:#?}");
    assert_eq!(d.ontology().len(), 312);
}
