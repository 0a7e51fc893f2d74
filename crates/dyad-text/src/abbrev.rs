//! Abbreviations that end in a period, shared by the sentence splitter (a period after
//! "Gen." does not end a sentence) and the tokenizer (the period stays on the word).

/// Words that, followed by a period, are abbreviations. Lower-cased, without the final
/// period. Titles come first because they are also never sentence-final in news.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
    "pvt", "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "reps", "rev", "hon", "pres",
    "supt", "insp", "amb", "atty", "fr", "sr", "jr", "st", "mt", "ft", "messrs", "mme",
    "mlle", "lieut", "gens", "sens", "sgts", "dept", "no", "nos", "art", "para", "vol",
    "fig", "pp",
];

/// Other abbreviations: months, weekdays, companies, Latin, US states as news writes them.
const OTHERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "thu", "thur", "thurs", "fri", "inc", "corp",
    "co", "ltd", "llc", "plc", "bros", "assn", "dept", "univ", "est", "approx", "etc", "vs",
    "cf", "al", "viz", "ca", "govt", "intl", "natl", "ave", "blvd", "rd",
    // US states, but not those that are also common words ("ill.", "miss.", "wash.").
    "hwy", "ariz", "calif", "colo", "conn", "fla", "kan", "kans", "mich", "minn", "mont",
    "neb", "nev", "okla", "penn", "tenn", "tex", "wis", "wyo",
    "attn", "tel", "ext", "dist", "div", "gov't", "yr", "yrs", "hr", "hrs", "mins", "sq",
    "km", "mi", "lb", "lbs", "oz", "pct",
];

/// Is `word` (without its final period) a known abbreviation?
///
/// Besides the lists, two shapes count: a single letter ("J." in "Lloyd J. Austin") and
/// letter-period runs ("U.S", "a.m", "e.g", "U.N").
pub fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() || word.len() > 12 {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap();
    if chars.next().is_none() {
        return first.is_alphabetic();
    }
    if is_dotted_initialism(word) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    TITLES.contains(&lower.as_str()) || OTHERS.contains(&lower.as_str())
}

/// Titles and a few others that are never the last word of a sentence: after "Gen." or
/// "No." a sentence always goes on.
pub fn never_ends_sentence(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    if lower.len() == 1 && lower.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_lowercase()) {
        return word.chars().all(|c| c.is_uppercase());
    }
    TITLES.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec" | "vs" | "cf" | "viz"
        )
}

/// "U.S", "a.m", "e.g", "Ph.D": single letters (or short groups) joined by periods.
fn is_dotted_initialism(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            !part.is_empty() && part.len() <= 2 && part.chars().all(|c| c.is_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_titles_initials_and_dotted_forms() {
        for w in ["Mr", "Gen", "Lt", "No", "Feb", "J", "U.S", "a.m", "e.g", "etc", "Inc"] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["Ukraine", "war", "said", "1,348", "out"] {
            assert!(!is_abbreviation(w), "{w}");
        }
    }

    #[test]
    fn titles_and_initials_never_end_a_sentence_but_us_may() {
        assert!(never_ends_sentence("Gen"));
        assert!(never_ends_sentence("J"));
        assert!(!never_ends_sentence("U.S"));
        assert!(!never_ends_sentence("etc"));
    }
}
