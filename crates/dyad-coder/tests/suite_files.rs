//! The three validation suites of the field read with the counts their README gives.

use dyad_coder::suite::{self, Expected};

fn expected_events(s: &suite::Suite) -> usize {
    s.active().map(|r| match &r.expected { Expected::Events(v) => v.len(), _ => 0 }).sum()
}

#[test]
fn universalpetrarch_2_02_suite() {
    let Some(path) = dyad_testdata::data_file("universalpetrarch/validate_2_02/PETR_Validate_records_2_02.xml") else { return };
    let s = suite::read(&path).unwrap();
    assert_eq!(s.records.len(), 274);
    assert_eq!(s.active().count(), 245);
    assert_eq!(expected_events(&s), 305);
    assert_eq!(s.active().filter(|r| r.expected == Expected::NoEvents).count(), 8);
    assert!(s.active().all(|r| !r.parse.is_empty() && !r.text.is_empty()));
    assert_eq!(s.environment.verbs, ["PETR_Validate_verbs_2_02.txt"]);
}

#[test]
fn gsr_suite_read_line_by_line() {
    let Some(path) = dyad_testdata::data_file("universalpetrarch/gsr/PETR2_GSR_validation.xml") else { return };
    let s = suite::read(&path).unwrap();
    assert_eq!(s.records.len(), 78);
    assert_eq!(s.active().count(), 78);
    assert_eq!(s.active().filter(|r| r.expected == Expected::NoEvents).count(), 12);
    assert_eq!(s.environment.actors.len(), 3);
}

#[test]
fn petrarch_unit_test_suite_with_config_switches() {
    let Some(path) = dyad_testdata::data_file("petrarch/PETR.UnitTest.records.xml") else { return };
    let s = suite::read(&path).unwrap();
    assert_eq!(s.records.len(), 284);
    assert_eq!(s.active().count(), 278);
    assert_eq!(expected_events(&s), 350 - 0);
    assert!(s.records.iter().any(|r| r.config.get("require_dyad").map(String::as_str) == Some("false")));
}
