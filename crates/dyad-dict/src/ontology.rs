//! The CAMEO event ontology, pinned to CAMEO 1.1b3 (2012): every event code with its
//! name, Goldstein weight, QuadClass and PLOVER equivalent.
//!
//! The table lives in `dictionaries/cameo.txt` (generated once from the codebook and the
//! PLOVER crosswalk, see the ignored test `generate_cameo_txt`) and is embedded in the
//! binary. Codes are strings: "010" and "10" are different codes, and "10" is not one.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::diag::{Diagnostic, Sink};
use crate::text;

/// Goldstein's four-way grouping of CAMEO roots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum QuadClass {
    /// Roots 01–05.
    VerbalCooperation = 1,
    /// Roots 06–09.
    MaterialCooperation = 2,
    /// Roots 10–14.
    VerbalConflict = 3,
    /// Roots 15–20.
    MaterialConflict = 4,
}

impl QuadClass {
    /// The class of a CAMEO root ("01".."20").
    pub fn of_root(root: &str) -> Option<QuadClass> {
        if root.len() != 2 || !root.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(match root.parse::<u8>().ok()? {
            1..=5 => QuadClass::VerbalCooperation,
            6..=9 => QuadClass::MaterialCooperation,
            10..=14 => QuadClass::VerbalConflict,
            15..=20 => QuadClass::MaterialConflict,
            _ => return None,
        })
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Option<QuadClass> {
        Some(match n {
            1 => QuadClass::VerbalCooperation,
            2 => QuadClass::MaterialCooperation,
            3 => QuadClass::VerbalConflict,
            4 => QuadClass::MaterialConflict,
            _ => return None,
        })
    }
}

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CameoEntry {
    /// "04", "040", "0412".
    pub code: Box<str>,
    pub name: Box<str>,
    pub goldstein: f32,
    pub quad_class: QuadClass,
    /// PLOVER event type ("CONSULT"); `None` where the crosswalk has none (the 01 and 02
    /// roots: PLOVER has no equivalent of "make public statement" and "appeal").
    pub plover_type: Option<Box<str>>,
    /// PLOVER mode ("visit"), if the crosswalk gives one.
    pub plover_mode: Option<Box<str>>,
}

impl CameoEntry {
    /// The two-digit root ("04" for "0412").
    pub fn root(&self) -> &str {
        &self.code[..2]
    }
}

/// The CAMEO table: lookups by code.
#[derive(Debug, Clone, Default)]
pub struct Ontology {
    entries: Vec<CameoEntry>,
    by_code: FxHashMap<Box<str>, usize>,
}

static BUILTIN: OnceLock<Ontology> = OnceLock::new();

impl Ontology {
    /// The embedded CAMEO 1.1b3 table (`dictionaries/cameo.txt`).
    pub fn builtin() -> &'static Ontology {
        BUILTIN.get_or_init(|| {
            let text = crate::builtin::file("cameo.txt").unwrap_or("");
            let (o, _) = Ontology::parse("builtin:cameo.txt", text);
            o
        })
    }

    /// Parses dyad's `cameo.txt` format: `code | goldstein | quad class | plover type |
    /// plover mode | name`.
    pub fn parse(file: &str, text: &str) -> (Ontology, Vec<Diagnostic>) {
        let mut sink = Sink::new(file);
        let mut o = Ontology::default();
        for (n, raw) in text::lines(text) {
            let line = text::strip_hash_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            match parse_line(line) {
                Ok(e) => {
                    if o.by_code.contains_key(&e.code) {
                        sink.error(n, format!("code {} is listed twice", e.code));
                        continue;
                    }
                    o.insert(e);
                }
                Err(msg) => sink.error(n, msg),
            }
        }
        (o, sink.out)
    }

    pub(crate) fn insert(&mut self, e: CameoEntry) {
        if let Some(&i) = self.by_code.get(&e.code) {
            self.entries[i] = e;
        } else {
            self.by_code.insert(e.code.clone(), self.entries.len());
            self.entries.push(e);
        }
    }

    /// Adds or replaces the entries of `other` (a later `cameo.txt` overrides).
    pub fn merge(&mut self, other: &Ontology) {
        for e in &other.entries {
            self.insert(e.clone());
        }
    }

    /// The entry for `code`, or `None` if it is not a CAMEO 1.1b3 code.
    pub fn get(&self, code: &str) -> Option<&CameoEntry> {
        self.by_code.get(code).map(|&i| &self.entries[i])
    }

    pub fn contains(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }

    pub fn entries(&self) -> &[CameoEntry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn parse_line(line: &str) -> Result<CameoEntry, String> {
    let f: Vec<&str> = line.split('|').map(str::trim).collect();
    if f.len() != 6 {
        return Err(format!(
            "expected 6 fields (code | goldstein | quad class | plover type | plover mode | name), found {}",
            f.len()
        ));
    }
    let code = f[0];
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("bad CAMEO code {code:?} (2 to 4 digits)"));
    }
    let root_class = QuadClass::of_root(&code[..2]).ok_or_else(|| format!("{code:?} has no CAMEO root 01-20"))?;
    let goldstein: f32 = f[1].parse().map_err(|_| format!("bad Goldstein weight {:?}", f[1]))?;
    if !(-10.0..=10.0).contains(&goldstein) {
        return Err(format!("Goldstein weight {goldstein} is outside -10..10"));
    }
    let quad = f[2]
        .parse::<u8>()
        .ok()
        .and_then(QuadClass::from_number)
        .ok_or_else(|| format!("bad quad class {:?} (1 to 4)", f[2]))?;
    if quad != root_class {
        return Err(format!("quad class {} does not match root {} (expected {})", f[2], &code[..2], root_class.number()));
    }
    let opt = |s: &str| if s.is_empty() { None } else { Some(Box::<str>::from(s)) };
    if f[5].is_empty() {
        return Err("empty name".into());
    }
    Ok(CameoEntry {
        code: code.into(),
        name: f[5].into(),
        goldstein,
        quad_class: quad,
        plover_type: opt(f[3]),
        plover_mode: opt(f[4]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_has_all_312_codes() {
        let o = Ontology::builtin();
        assert_eq!(o.len(), 312);
        assert_eq!(o.entries().iter().filter(|e| e.code.len() == 2).count(), 20);
        assert_eq!(o.entries().iter().filter(|e| e.code.len() == 3).count(), 147);
        assert_eq!(o.entries().iter().filter(|e| e.code.len() == 4).count(), 145);
    }

    #[test]
    fn code_name_goldstein_quad_plover() {
        let o = Ontology::builtin();
        let e = o.get("040").unwrap();
        assert_eq!((&*e.name, e.goldstein, e.quad_class), ("Consult", 1.0, QuadClass::VerbalCooperation));
        assert_eq!(e.plover_type.as_deref(), Some("CONSULT"));

        let e = o.get("042").unwrap();
        assert_eq!(&*e.name, "Make a visit");
        assert_eq!((e.goldstein, e.plover_type.as_deref(), e.plover_mode.as_deref()), (1.9, Some("CONSULT"), Some("visit")));

        let e = o.get("0841").unwrap();
        assert_eq!(&*e.name, "Return, release person(s)");
        assert_eq!((e.goldstein, e.quad_class), (7.0, QuadClass::MaterialCooperation));
        assert_eq!((e.plover_type.as_deref(), e.plover_mode.as_deref()), (Some("RETREAT"), Some("release")));

        let e = o.get("190").unwrap();
        assert_eq!(&*e.name, "Use conventional military force");
        assert_eq!((e.goldstein, e.quad_class, e.plover_type.as_deref()), (-10.0, QuadClass::MaterialConflict, Some("ASSAULT")));
        // The 01 and 02 roots have no PLOVER equivalent in the crosswalk.
        assert_eq!(o.get("010").map(|e| e.plover_type.is_none()), Some(true));
        assert_eq!(o.get("10").map(|e| (&*e.name, e.quad_class.number())), Some(("DEMAND", 3)));

        let e = o.get("138").unwrap();
        assert_eq!((&*e.name, e.goldstein, e.quad_class), ("Threaten with military force", -7.0, QuadClass::VerbalConflict));
        assert_eq!(e.plover_type.as_deref(), Some("THREATEN"));

        // Root codes are codes too, with the root's name.
        assert_eq!(o.get("19").map(|e| &*e.name), Some("FIGHT"));
    }

    #[test]
    fn codes_differing_between_numberings_follow_1_1b3() {
        let o = Ontology::builtin();
        // 1.1b3 splits 171 into 1711 (confiscate) and 1712 (destroy property).
        assert_eq!(o.get("1711").map(|e| (&*e.name, e.goldstein)), Some(("Confiscate property", -9.2)));
        assert_eq!(o.get("1712").map(|e| (&*e.name, e.goldstein)), Some(("Destroy property", -9.2)));
        // The crosswalk moves 1712 to ASSAULT.
        assert_eq!(o.get("1712").and_then(|e| e.plover_type.as_deref()), Some("ASSAULT"));
        assert_eq!(o.get("0874").map(|e| (&*e.name, e.goldstein)), Some(("Retreat or surrender militarily", 10.0)));
        assert_eq!(o.get("1044").map(|e| &*e.name), Some("Demand change in institutions, regime"));
        assert_eq!(o.get("1044").map(|e| e.quad_class), Some(QuadClass::VerbalConflict));
        // Not 1.1b3 codes: PETRARCH's cyber attack (176), the crosswalk's 1214, a code
        // without its leading zero, and three-digit codes never assigned.
        for c in ["176", "1214", "1952", "40", "42", "099", "2043", "21", "00", "", "0a0"] {
            assert!(o.get(c).is_none(), "{c} should not be a CAMEO 1.1b3 code");
        }
    }

    #[test]
    fn quad_class_by_root() {
        let expect = [("01", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3), ("14", 3), ("15", 4), ("20", 4)];
        for (root, q) in expect {
            assert_eq!(QuadClass::of_root(root).map(QuadClass::number), Some(q), "{root}");
        }
        assert_eq!(QuadClass::of_root("21"), None);
        assert_eq!(QuadClass::of_root("00"), None);
        // Every entry agrees with its root.
        for e in Ontology::builtin().entries() {
            assert_eq!(Some(e.quad_class), QuadClass::of_root(e.root()), "{}", e.code);
        }
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line() {
        let text = "# header\n040 | 1.0 | 1 | CONSULT | | Consult\n041 | x | 1 | | | Discuss\n\n150 | -7.2 | 2 | | | Posture\n040 | 1 | 1 | | | again\n";
        let (o, d) = Ontology::parse("c.txt", text);
        assert_eq!(o.len(), 1);
        let msgs: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            msgs,
            vec![
                "c.txt:3: error: bad Goldstein weight \"x\"",
                "c.txt:5: error: quad class 2 does not match root 15 (expected 4)",
                "c.txt:6: error: code 040 is listed twice",
            ]
        );
    }

    /// Regenerates `dictionaries/cameo.txt` from the codebook CSV and the PLOVER
    /// crosswalk in the shared data dir: `cargo test -p dyad-dict -- --ignored
    /// generate_cameo_txt`. Only codes, names, weights and the crosswalk are taken.
    #[test]
    #[ignore]
    fn generate_cameo_txt() {
        let Some(data) = crate::testdata::data_dir() else { return };
        let csv = std::fs::read_to_string(data.join("cameo/cameo-codes.csv")).unwrap();
        let crosswalk = std::fs::read_to_string(data.join("cameo/CAMEO2PLOVER-2021.txt")).unwrap();
        let mut plover: FxHashMap<String, (String, String)> = FxHashMap::default();
        for line in crosswalk.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((code, rest)) = line.split_once(':') else { continue };
            let mut f = rest.split(',').map(str::trim);
            let ty = f.next().unwrap_or("").to_string();
            let mode = f.next().unwrap_or("").to_string();
            // The first line for a code wins ("08" is listed under CONCEDE and RETREAT;
            // 080, the code events carry, is CONCEDE).
            plover.entry(code.trim().to_string()).or_insert((ty, mode));
        }
        let rows = crate::testdata::parse_csv(&csv);
        let header = &rows[0];
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (c_code, c_name, c_gold) = (col("code"), col("name"), col("goldstein"));
        let mut out = String::new();
        out.push_str("# CAMEO 1.1b3 (2012) event codes: code | goldstein | quad class | plover type | plover mode | name\n");
        out.push_str("# Format: docs/dictionaries.md, section \"cameo.txt\". Generated by the ignored test\n");
        out.push_str("# dyad-dict ontology::tests::generate_cameo_txt from the CAMEO 1.1b3 codebook (code, name,\n");
        out.push_str("# Goldstein weight) and the PLOVER draft 0.8 crosswalk CAMEO2PLOVER-2021.txt (type, mode).\n");
        out.push_str("# Quad class by root: 01-05 verbal cooperation (1), 06-09 material cooperation (2),\n");
        out.push_str("# 10-14 verbal conflict (3), 15-20 material conflict (4). The crosswalk has no PLOVER\n");
        out.push_str("# type for the 01 and 02 roots, so those are empty.\n");
        let mut n = 0;
        for r in &rows[1..] {
            let code = &r[c_code];
            let q = QuadClass::of_root(&code[..2]).unwrap().number();
            let (ty, mode) = plover.get(code.as_str()).cloned().unwrap_or_default();
            out.push_str(&format!("{code:<5}| {:<5} | {q} | {ty:<10} | {mode:<14} | {}\n", r[c_gold], r[c_name].trim()));
            n += 1;
        }
        assert_eq!(n, 312);
        let path = crate::testdata::workspace_root().join("dictionaries/cameo.txt");
        std::fs::write(&path, out).unwrap();
        eprintln!("wrote {} ({n} codes)", path.display());
    }

    /// The embedded table agrees with the codebook it was generated from.
    #[test]
    fn builtin_table_matches_codebook() {
        let Some(data) = crate::testdata::data_dir() else { return };
        let csv = std::fs::read_to_string(data.join("cameo/cameo-codes.csv")).unwrap();
        let rows = crate::testdata::parse_csv(&csv);
        let header = &rows[0];
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let o = Ontology::builtin();
        for r in &rows[1..] {
            let e = o.get(&r[col("code")]).unwrap_or_else(|| panic!("missing {}", r[col("code")]));
            assert_eq!(&*e.name, r[col("name")].trim());
            assert_eq!(e.goldstein, r[col("goldstein")].parse::<f32>().unwrap());
        }
        assert_eq!(rows.len() - 1, o.len());
    }
}
