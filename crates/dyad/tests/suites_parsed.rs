//! The validation suites coded from dyad's own parses (`dyad eval suite --parse`): the
//! parser and the coder together. Floors are the figures of the commit that set them;
//! raise them as either improves.

use assert_cmd::Command;
use serde_json::Value;

fn run(relative: &str) -> Option<Value> {
    let suite = dyad_testdata::data_file(relative)?;
    let out = Command::cargo_bin("dyad").unwrap().args(["eval", "suite", "--parse"]).arg(&suite).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    Some(serde_json::from_str(stdout.lines().last().unwrap()).unwrap())
}

#[test]
fn petrarch_unit_tests_from_dyads_own_parses() {
    let Some(f) = run("petrarch/PETR.UnitTest.records.xml") else { return };
    assert_eq!(f["records"], 278);
    let exact = f["exact"].as_u64().unwrap();
    assert!(exact >= 175, "exact {exact} < 175 (PETRARCH2 codes 89 of these)");
}

#[test]
fn universalpetrarch_suite_from_dyads_own_parses() {
    let Some(f) = run("universalpetrarch/validate_2_02/PETR_Validate_records_2_02.xml") else { return };
    let exact = f["exact"].as_u64().unwrap();
    assert!(exact >= 219, "exact {exact} < 219");
}

#[test]
fn gsr_news_from_dyads_own_parses() {
    let Some(f) = run("universalpetrarch/gsr/PETR2_GSR_validation.xml") else { return };
    assert_eq!(f["records"], 78);
    let exact = f["exact"].as_u64().unwrap();
    assert!(exact >= 62, "exact {exact} < 62 (UniversalPetrarch, with the suite's parses, 55)");
}
