//! A day of wire copy (sentences written for this test, in the style of the agencies)
//! coded end to end with the built-in model and dictionaries, against the events a
//! careful coder would write down. A change that codes one of them differently shows
//! here as a diff; when the new coding is the better one, rewrite
//! `tests/data/wire.expected` with what the failure prints.

use assert_cmd::Command;
use serde_json::Value;

#[test]
fn a_day_of_wire_copy_codes_as_expected() {
    if dyad_testdata::example("austin-belousov-call.txt").is_none() {
        return; // no shared data: the CI run has it
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let out = Command::cargo_bin("dyad").unwrap().args(["code", "--date", "2024-08-01"]).arg(dir.join("wire.txt")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: String = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let e: Value = serde_json::from_str(l).unwrap();
            let code = |a: &Value| a["code"].as_str().unwrap_or("-").to_string();
            format!("{} {} {} {} | {}\n", e["sentence_index"], code(&e["source"]), code(&e["target"]), e["cameo"].as_str().unwrap(), e["sentence"].as_str().unwrap())
        })
        .collect();
    let want = std::fs::read_to_string(dir.join("wire.expected")).unwrap();
    assert!(got == want, "coded:\n{got}\nexpected (tests/data/wire.expected):\n{want}");
}
