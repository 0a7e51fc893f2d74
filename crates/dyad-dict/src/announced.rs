//! What announcing an act codes as: the CAMEO codebook's rule that cooperative actions
//! reported in the future tense are intentions (category 03: "will meet" is 036, "will
//! send aid" 033) and that conflictual ones announced or threatened are threats
//! (category 13: "will impose sanctions" is 1312, "vowed to retaliate" 138).
//!
//! The table is the codebook's own pairing of each act with its announcement, read off
//! the names of CAMEO 1.1b3 (030–039 and 130–139 against 04–08 and 14–20). Acts whose
//! announcement is no event of its own (a statement, an appeal, a demand, an
//! investigation, a rejection) have none.

/// How an act is spoken of before it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    /// "will meet", "plans to send", "pledged to release", "said it would free".
    Intent,
    /// "threatened to impose", "warned it would strike": only conflictual acts are threats.
    Threat,
}

/// The code of announcing the act coded `code`, or `None` when announcing it is no
/// event. Codes of intent (03x) and threats (13x) are announcements already.
pub fn announcement_code(code: &str, how: Announcement) -> Option<&str> {
    let cooperative = match code {
        "040" | "041" | "042" | "043" | "044" | "046" => Some("036"),
        "045" => Some("039"),
        "050" | "053" | "054" | "056" => Some("032"),
        "057" => Some("030"),
        "060" => Some("031"),
        "061" => Some("0311"),
        "062" => Some("0312"),
        "063" => Some("0313"),
        "064" => Some("0314"),
        "070" | "075" => Some("033"),
        "071" => Some("0331"),
        "072" => Some("0332"),
        "073" => Some("0333"),
        "074" => Some("0334"),
        "080" => Some("035"),
        "081" | "0811" | "0812" | "0813" | "0814" => Some("0351"),
        "082" => Some("0352"),
        "083" => Some("034"),
        "0831" => Some("0341"),
        "0832" => Some("0342"),
        "0833" => Some("0343"),
        "0834" => Some("0344"),
        "084" | "0841" | "0842" => Some("0353"),
        "085" => Some("0354"),
        "086" | "0861" | "0862" | "0863" => Some("0355"),
        "087" | "0871" | "0872" | "0873" | "0874" => Some("0356"),
        _ => None,
    };
    let conflictual = match code {
        "1621" | "1622" | "1623" | "162" => Some("1311"),
        "163" => Some("1312"),
        "161" => Some("1313"),
        "160" => Some("131"),
        "164" => Some("134"),
        "165" => Some("135"),
        "166" | "1661" | "1662" | "1663" => Some("136"),
        "172" => Some("132"),
        "1721" => Some("1321"),
        "1722" => Some("1322"),
        "1723" => Some("1323"),
        "1724" => Some("1324"),
        "170" | "171" | "1711" | "1712" | "173" | "174" | "175" => Some("137"),
        "191" => Some("1381"),
        "192" => Some("1382"),
        "190" | "193" | "194" | "195" | "196" => Some("1384"),
        "204" | "2041" | "2042" => Some("1385"),
        _ if matches!(code.get(..2), Some("14")) => Some("133"),
        _ if matches!(code.get(..2), Some("15")) => Some("138"),
        _ if matches!(code.get(..2), Some("18")) => Some("1383"),
        _ if matches!(code.get(..2), Some("20")) => Some("138"),
        _ => None,
    };
    let already = code.starts_with("03") || code.starts_with("13");
    match how {
        _ if already => Some(code),
        Announcement::Intent => cooperative.or(conflictual),
        Announcement::Threat => conflictual,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ontology::Ontology;

    #[test]
    fn cooperative_acts_announced_are_intents() {
        assert_eq!(announcement_code("040", Announcement::Intent), Some("036"));
        assert_eq!(announcement_code("073", Announcement::Intent), Some("0333"));
        assert_eq!(announcement_code("0841", Announcement::Intent), Some("0353"));
        assert_eq!(announcement_code("085", Announcement::Intent), Some("0354"));
        // A threat to meet is no threat.
        assert_eq!(announcement_code("040", Announcement::Threat), None);
    }

    #[test]
    fn conflictual_acts_announced_are_threats() {
        assert_eq!(announcement_code("163", Announcement::Threat), Some("1312"));
        assert_eq!(announcement_code("195", Announcement::Intent), Some("1384"));
        assert_eq!(announcement_code("1823", Announcement::Threat), Some("1383"));
        assert_eq!(announcement_code("1722", Announcement::Threat), Some("1322"));
    }

    #[test]
    fn statements_appeals_and_demands_announce_nothing() {
        for code in ["010", "020", "090", "100", "111", "120"] {
            assert_eq!(announcement_code(code, Announcement::Intent), None, "{code}");
        }
        assert_eq!(announcement_code("036", Announcement::Intent), Some("036"));
        assert_eq!(announcement_code("138", Announcement::Threat), Some("138"));
    }

    #[test]
    fn every_code_of_the_ontology_maps_to_an_intent_or_threat_of_it() {
        let cameo = Ontology::builtin();
        for e in cameo.entries() {
            for how in [Announcement::Intent, Announcement::Threat] {
                if let Some(to) = announcement_code(&e.code, how) {
                    assert!(cameo.contains(to), "{} -> {to}", e.code);
                    assert!(to.starts_with("03") || to.starts_with("13"), "{} -> {to}", e.code);
                }
            }
        }
    }
}
