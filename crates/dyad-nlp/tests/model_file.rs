//! The model file: deterministic training, exact round trip, and refusal of corrupt or
//! foreign files with a message that says what is wrong. Trains on a tiny inline
//! treebank, so it needs no external data and runs fast in debug builds.

use dyad_nlp::train::{train, TrainOptions};
use dyad_nlp::{conllu, Model, ModelError, Scratch};

const TINY: &str = "\
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_
2\tpresident\tpresident\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_
3\tsaid\tsay\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
4\the\the\tPRON\tPRP\tCase=Nom\t5\tnsubj\t_\t_
5\tmet\tmeet\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t3\tccomp\t_\t_
6\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t7\tdet\t_\t_
7\tprisoners\tprisoner\tNOUN\tNNS\tNumber=Plur\t5\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tRebels\trebel\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t4\tdet\t_\t_
4\tbase\tbase\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tPolice\tpolice\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tarrested\tarrest\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
3\ttwo\ttwo\tNUM\tCD\tNumType=Card\t4\tnummod\t_\t_
4\tmen\tman\tNOUN\tNNS\tNumber=Plur\t2\tobj\t_\t_
5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
6\tKyiv\tKyiv\tPROPN\tNNP\tNumber=Sing\t2\tobl\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tShe\tshe\tPRON\tPRP\tCase=Nom\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t4\tdet\t_\t_
4\tminister\tminister\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\t_
5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_
6\tsaid\tsay\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t2\tconj\t_\t_
7\tnothing\tnothing\tPRON\tNN\tNumber=Sing\t6\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

";

fn tiny_model(seed: u64, beam: usize) -> Model {
    let sents = conllu::parse_str(TINY, "tiny").unwrap();
    let opts = TrainOptions { seed, tagger_epochs: 3, parser_epochs: 3, folds: 2, beam, threads: 2, ..TrainOptions::default() };
    train(&sents, &sents, &opts, &mut |_| {}).0
}

#[test]
fn training_is_deterministic_for_a_seed_and_round_trips_exactly() {
    for beam in [1, 3] {
        let a = tiny_model(7, beam).to_bytes();
        let b = tiny_model(7, beam).to_bytes();
        assert_eq!(a, b, "same seed, same bytes (beam {beam})");
        let m = Model::from_bytes(&a, "tiny").unwrap();
        assert_eq!(m.to_bytes(), a, "load then save is the identity");
        // It learned the data it was given.
        let mut scratch = Scratch::default();
        let an = m.analyse(&["The", "president", "said", "he", "met", "the", "prisoners", "."], &mut scratch);
        assert_eq!(an.xpos(2), "VBD");
        assert_eq!(an.deprel(2), "root");
        assert_eq!(m.lemma("said", "VBD"), "say");
        assert_eq!(m.lemma("met", "VBD"), "meet");
        assert_eq!(m.lemma("prisoners", "NNS"), "prisoner");
    }
}

#[test]
fn corrupt_truncated_and_foreign_files_are_refused_with_a_reason() {
    let good = tiny_model(1, 1).to_bytes();
    assert!(Model::from_bytes(&good, "m").is_ok());

    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x40;
    let e = Model::from_bytes(&flipped, "flipped.dyadnlp").unwrap_err();
    assert!(matches!(e, ModelError::Checksum { .. }), "{e}");
    assert_eq!(e.to_string(), "flipped.dyadnlp: model checksum mismatch: the file is corrupt");

    let e = Model::from_bytes(&good[..good.len() - 10], "cut.dyadnlp").unwrap_err();
    assert!(matches!(e, ModelError::Truncated { .. }), "{e}");
    assert!(e.to_string().contains("truncated"), "{e}");

    let e = Model::from_bytes(&good[..5], "tiny.bin").unwrap_err();
    assert!(matches!(e, ModelError::NotAModel { .. }), "{e}");

    let e = Model::from_bytes(b"\x89PNG\r\n\x1a\n0000000000000000000000000000", "picture.png").unwrap_err();
    assert!(e.to_string().starts_with("picture.png: not a dyad parser model"), "{e}");

    let mut other_version = good.clone();
    other_version[8] = 99;
    let e = Model::from_bytes(&other_version, "old.dyadnlp").unwrap_err();
    assert!(matches!(e, ModelError::Version { found: 99, .. }), "{e}");
    assert!(e.to_string().contains("retrain"), "{e}");

    let e = Model::load(std::path::Path::new("/nonexistent/model.dyadnlp")).unwrap_err();
    assert!(e.to_string().starts_with("/nonexistent/model.dyadnlp: cannot read model"), "{e}");
}

/// The shipped model, or `None` with a note when this build has none.
fn shipped_model() -> Option<Model> {
    if !dyad_nlp::has_embedded_model() {
        eprintln!("skipped: this build has no embedded model (models/en_ewt.dyadnlp)");
        return None;
    }
    Some(Model::embedded().unwrap())
}

#[test]
fn embedded_model_loads_and_lemmatizes_verbs_for_the_dictionaries() {
    let Some(m) = shipped_model() else { return };
    assert_eq!(m.lemma("said", "VBD"), "say");
    assert_eq!(m.lemma("met", "VBD"), "meet");
    assert_eq!(m.lemma("met", "VBN"), "meet");
    assert_eq!(m.lemma("prisoners", "NNS"), "prisoner");
    assert_eq!(m.lemma("Prisoners", "NNS"), "prisoner");
    assert_eq!(m.lemma("accused", "VBD"), "accuse");
    assert_eq!(m.lemma("fled", "VBD"), "flee");
    let mut scratch = Scratch::default();
    let forms = ["Rebels", "attacked", "the", "army", "base", "near", "Kyiv", "on", "Monday", "."];
    let a = m.analyse(&forms, &mut scratch);
    // The tagger alone says VBN here (EWT has few sentence-initial plural subjects); a
    // participle with a noun phrase after it and no auxiliary is mended to a past tense.
    assert_eq!((a.upos(1), a.xpos(1)), ("VERB", "VBD"));
    assert_eq!(m.lemma(forms[1], a.xpos(1)), "attack");
    assert_eq!(a.deprel(1), "root");
    assert_eq!((a.head(0), a.deprel(0)), (2, "nsubj"));
    assert_eq!((a.head(4), a.deprel(4)), (2, "obj"));
}

#[test]
fn news_verbs_the_tagger_confuses_are_mended_before_parsing() {
    let Some(m) = shipped_model() else { return };
    let mut scratch = Scratch::default();
    let tags = |forms: &[&str], scratch: &mut Scratch| {
        let a = m.analyse(forms, scratch);
        (0..forms.len()).map(|i| (a.xpos(i).to_string(), a.head(i), a.deprel(i).to_string())).collect::<Vec<_>>()
    };
    // A past tense, not a participle on "warplanes".
    let t = tags(&["Israeli", "warplanes", "struck", "positions", "near", "Damascus", "."], &mut scratch);
    assert_eq!((t[2].0.as_str(), t[2].2.as_str()), ("VBD", "root"), "{t:?}");
    // A participle stays one where it is one: "a family owned company", "the cartoons
    // printed in 2005".
    let t = tags(&["They", "own", "a", "family", "owned", "company", "."], &mut scratch);
    assert_eq!(t[4].0, "VBN", "{t:?}");
    // "discussed whether to open talks": a verb after "whether to".
    let t = tags(&["Leaders", "discussed", "whether", "to", "open", "membership", "talks", "."], &mut scratch);
    assert_eq!(t[4].0, "VB", "{t:?}");
    // "fired two artillery shells": the nouns after a verb and a number are its object.
    let t = tags(&["North", "Korea", "fired", "two", "artillery", "shells", "near", "a", "vessel", "."], &mut scratch);
    assert_eq!((t[5].0.as_str(), t[5].1, t[5].2.as_str()), ("NNS", 3, "obj"), "{t:?}");
    // "The United Nations plans to send": the verb after a name, before "to".
    let t = tags(&["The", "United", "Nations", "plans", "to", "send", "peacekeepers", "to", "Haiti", "."], &mut scratch);
    assert_eq!((t[3].0.as_str(), t[3].2.as_str()), ("VBZ", "root"), "{t:?}");
    // "Ukraine shot down 20 Russian drones": an irregular past after a name.
    let t = tags(&["Ukraine", "shot", "down", "20", "Russian", "drones", "overnight", "."], &mut scratch);
    assert_eq!((t[1].0.as_str(), t[1].2.as_str()), ("VBD", "root"), "{t:?}");
    // "against an Islamic State target": no infinitive ends a phrase begun with "an".
    let t = tags(&["The", "US", "struck", "an", "Islamic", "State", "target", "southwest", "of", "Baghdad", "."], &mut scratch);
    assert_eq!(t[6].0, "NN", "{t:?}");
    // "Bangladeshi police fired rubber bullets": forces named in the singular are a subject.
    let t = tags(&["Bangladeshi", "police", "fired", "rubber", "bullets", "at", "protesters", "."], &mut scratch);
    assert_eq!((t[2].0.as_str(), t[2].2.as_str()), ("VBD", "root"), "{t:?}");
    // "Ethiopia departs from Libya", "the new mayor left yesterday for Minas Tirith".
    let t = tags(&["Ethiopia", "departs", "from", "Libya", "."], &mut scratch);
    assert_eq!((t[1].0.as_str(), t[1].2.as_str()), ("VBZ", "root"), "{t:?}");
    let t = tags(&["The", "new", "mayor", "left", "yesterday", "for", "Minas", "Tirith", "."], &mut scratch);
    assert_eq!((t[3].0.as_str(), t[3].2.as_str()), ("VBD", "root"), "{t:?}");
    // Not where a verb came before: "Biden discussed Pentagon plans to deploy troops".
    let t = tags(&["Biden", "discussed", "Pentagon", "plans", "to", "deploy", "troops", "."], &mut scratch);
    assert_eq!(t[3].0, "NNS", "{t:?}");
}

#[test]
fn empty_and_runaway_sentences_get_valid_trees() {
    let m = tiny_model(2, 2);
    let mut scratch = Scratch::default();
    let empty: [&str; 0] = [];
    assert!(m.analyse(&empty, &mut scratch).is_empty());
    let long: Vec<&str> = ["the", "men", "met", ","].iter().copied().cycle().take(9000).collect();
    let a = m.analyse(&long, &mut scratch);
    assert_eq!(a.len(), 9000);
    let roots = (0..a.len()).filter(|&i| a.head(i) == 0).count();
    assert_eq!(roots, 1, "one root");
    assert!((0..a.len()).all(|i| a.head(i) <= 9000 && a.head(i) != i + 1));
    // Every word reaches the root: no cycles.
    for i in 0..a.len() {
        let (mut at, mut steps) = (i + 1, 0);
        while at != 0 {
            at = a.head(at - 1);
            steps += 1;
            assert!(steps <= 9000, "cycle through word {}", i + 1);
        }
    }
}
