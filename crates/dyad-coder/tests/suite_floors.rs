//! Coding quality can only go up: the validation suites run with the coder of this commit
//! and must reach at least the figures recorded when it was committed. Raise the floors
//! when the coder improves (`dyad eval suite FILE` prints the figures).

use dyad_coder::{suite, validate};

fn run(relative: &str) -> Option<suite::Tally> {
    let path = dyad_testdata::data_file(relative)?;
    let s = suite::read(&path).unwrap();
    let dict = validate::load_dictionaries(&path, &s).unwrap();
    Some(validate::run(&s, &dict, validate::Parses::Given, dyad_coder::Future::Act).total)
}

#[test]
fn universalpetrarch_2_02_floor() {
    let Some(t) = run("universalpetrarch/validate_2_02/PETR_Validate_records_2_02.xml") else { return };
    assert_eq!(t.records, 245);
    assert!(t.exact >= 226, "exact {} < 226", t.exact);
    assert!(t.correct >= 285, "correct {} < 285", t.correct);
    assert!(t.extra <= 16, "extra {} > 16", t.extra);
}

#[test]
fn gsr_floor() {
    let Some(t) = run("universalpetrarch/gsr/PETR2_GSR_validation.xml") else { return };
    assert_eq!(t.records, 78);
    assert!(t.exact >= 66, "exact {} < 66", t.exact);
}
