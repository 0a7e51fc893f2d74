//! Reading one dictionary file, whatever its format: dyad's own files are known by name
//! (`people.txt`, ...) and `|`-separated fields; PETRARCH/TABARI files are recognised by
//! their content, since their names vary (`CAMEO.2.0.txt`, `Phoenix.Countries.actors.txt`,
//! `PETR_Validate_verbs_2_02.txt`).

use crate::diag::{FileId, Sink};
use crate::dyad_format::{self, DyadKind};
use crate::model::*;
use crate::ontology::Ontology;
use crate::petrarch::{self, pico::PicoEntry};
use crate::text;

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Dyad(DyadKind),
    PetrarchVerbs,
    PetrarchActors,
    PetrarchAgents,
    PetrarchDiscards,
    /// UniversalPetrarch's internal coding ontology (`PETR.Internal.Coding.Ontology.txt`).
    Pico,
    /// PETRARCH issue coding (`Phoenix.IssueCoding.txt`): recognised, not used by dyad.
    Issues,
    /// Not a dictionary file.
    Unknown,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = match self {
            Format::Dyad(k) => return write!(f, "dyad {k:?}").map(|_| ()),
            Format::PetrarchVerbs => "PETRARCH verbs",
            Format::PetrarchActors => "PETRARCH actors",
            Format::PetrarchAgents => "PETRARCH agents",
            Format::PetrarchDiscards => "PETRARCH discards",
            Format::Pico => "PETRARCH internal coding ontology",
            Format::Issues => "PETRARCH issues (not used)",
            Format::Unknown => "not a dictionary",
        };
        f.write_str(s)
    }
}

/// The entries one file contributes.
#[derive(Debug, Default)]
pub(crate) struct Part {
    pub(crate) actors: Vec<Actor>,
    pub(crate) agents: Vec<Agent>,
    pub(crate) blocks: Vec<VerbBlock>,
    pub(crate) nouns: Vec<Pattern>,
    pub(crate) synsets: Vec<Synset>,
    pub(crate) discards: Vec<Discard>,
    pub(crate) transformations: Vec<Transformation>,
    pub(crate) pico: Vec<PicoEntry>,
    pub(crate) ontology: Option<Ontology>,
    pub(crate) territories: Vec<Territory>,
    /// Lines of `people.txt` (one role each).
    pub(crate) people_lines: usize,
    /// Lines of `countries.txt`.
    pub(crate) countries: usize,
}

/// Decides how to read a file from its name (the last path component) and its text.
pub fn detect(file_name: &str, text: &str) -> Format {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let mut xml = text::XmlComments::new();
    let sig: Vec<String> = text::lines(text)
        .map(|(_, l)| text::strip_hash_comment(&xml.strip(l)).trim().to_string())
        .filter(|l| !l.is_empty())
        .take(5000)
        .collect();
    if let Some(kind) = DyadKind::from_file_name(base) {
        if sig.is_empty() || sig.iter().any(|l| l.contains('|')) {
            return Format::Dyad(kind);
        }
    }
    if sig.iter().any(|l| l.starts_with("<ISSUE")) {
        return Format::Issues;
    }
    if sig.iter().any(|l| l.starts_with("---") && l.ends_with("---") && l.len() > 6) {
        return Format::PetrarchVerbs;
    }
    let is_pico = |l: &str| {
        l.split_once(':').is_some_and(|(c, v)| {
            !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()) && v.trim_start().trim_start_matches('-').starts_with("0x")
        })
    };
    if sig.iter().filter(|l| is_pico(l)).count() * 2 > sig.len() && !sig.is_empty() {
        return Format::Pico;
    }
    if sig.iter().any(|l| l.contains("[~") || l.contains("~]")) {
        return Format::PetrarchAgents;
    }
    if sig.iter().any(|l| l.contains('[') && l.contains(']')) {
        return Format::PetrarchActors;
    }
    if base.to_ascii_lowercase().contains("discard") {
        return Format::PetrarchDiscards;
    }
    Format::Unknown
}

/// Reads `bytes` as a dictionary file of `format` (detected when `None`).
pub(crate) fn read(
    file_name: &str,
    bytes: &[u8],
    format: Option<Format>,
    file: FileId,
    source: u16,
    sink: &mut Sink,
) -> (Format, Part) {
    let text = text::decode(bytes, sink);
    let format = format.unwrap_or_else(|| detect(file_name, &text));
    let mut part = Part::default();
    match format {
        Format::Dyad(kind) => part = dyad_format::parse(kind, &text, file, file_name, source, sink),
        Format::PetrarchVerbs => {
            let v = petrarch::verbs::parse(&text, file, sink);
            part.blocks = v.blocks;
            part.synsets = v.synsets;
            part.transformations = v.transformations;
        }
        Format::PetrarchActors => part.actors = petrarch::actors::parse(&text, file, source, sink),
        Format::PetrarchAgents => part.agents = petrarch::agents::parse(&text, file, source, sink),
        Format::PetrarchDiscards => part.discards = petrarch::discards::parse(&text, file, sink),
        Format::Pico => part.pico = petrarch::pico::parse(&text, file, sink),
        Format::Issues => sink.warn(1, "PETRARCH issue coding is not used by dyad; file skipped"),
        Format::Unknown => sink.warn(1, "not recognised as a dyad or PETRARCH dictionary; file skipped"),
    }
    (format, part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection() {
        assert_eq!(detect("people.txt", "# only a header\n"), Format::Dyad(DyadKind::People));
        assert_eq!(detect("x/verbs.txt", "040 | SRC speak with TGT\n"), Format::Dyad(DyadKind::Verbs));
        assert_eq!(detect("CAMEO.2.0.txt", "&X\n+A\n---  ADD   [---]  ---\nADD\n"), Format::PetrarchVerbs);
        assert_eq!(detect("verbs.txt", "--- ADD [---] ---\nADD\n"), Format::PetrarchVerbs);
        assert_eq!(detect("a.txt", "AFGHANISTAN_  [AFG]\n+AFGHAN_\n"), Format::PetrarchActors);
        assert_eq!(detect("Phoenix.agents.txt", "!P! = A, B\nFARMER [~AGR]\n"), Format::PetrarchAgents);
        assert_eq!(detect("Phoenix.discards.txt", "+ESPN\nBASEBALL\n"), Format::PetrarchDiscards);
        assert_eq!(detect("discards.txt", "+ESPN\nBASEBALL\n"), Format::PetrarchDiscards);
        assert_eq!(detect("p.txt", "# x -->\r\n010:0x1000#Make\r\n011:0x1000-0xFFFF\r\n"), Format::Pico);
        assert_eq!(detect("i.txt", "<ISSUE CATEGORY=\"X\">\nn:atrocity [X]\n"), Format::Issues);
        assert_eq!(detect("README.txt", "Some notes about this folder.\n"), Format::Unknown);
    }
}
