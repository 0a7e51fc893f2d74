//! Cleaning: which paragraphs of an article are news, and which are wire-copy debris.
//!
//! Wire stories arrive with furniture around the text: kicker and headline lines, photo
//! captions and their credits ("© Lisa Ferdinando / Imago Images"), bylines, datelines
//! ("KYIV, June 25 (Reuters) -"), agency trailers and editors' initials ("cl", "DPA",
//! "source site-30"). A coder that reads a credit line as a sentence finds actors in it;
//! one that reads a headline as body text codes the story twice. Cleaning classifies
//! each paragraph into a [`Unit`] (title, heading, caption, body) or [`Debris`], by its
//! shape and its neighbours rather than by a list of outlets: a caption is the short
//! unpunctuated line next to a credit, a heading the unpunctuated line between body
//! paragraphs, a trailer the run of short unpunctuated lines after the last paragraph.

use std::sync::LazyLock;

use dyad_model::{Debris, DebrisKind, Span, UnitKind};
use regex::Regex;

/// A paragraph that survives cleaning, with what kind of text it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub kind: UnitKind,
    pub span: Span,
    /// 0-based paragraph number among all paragraphs of the text, debris included.
    pub paragraph: usize,
}

/// The result of cleaning an article's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub units: Vec<Unit>,
    pub debris: Vec<Debris>,
    /// The dateline lifted from the first body paragraph, if any.
    pub dateline: Option<String>,
}

/// Paragraphs: runs of lines separated by blank lines, as trimmed spans.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(Span::new(s, end));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Credit,
    Byline,
    /// Ends like a sentence.
    Prose,
    /// A short line that does not end like a sentence: title, heading, caption or trailer.
    Line,
}

/// Classify the paragraphs of `text`.
pub fn clean(text: &str) -> Layout {
    let paras = paragraphs(text);
    let shapes: Vec<Shape> = paras.iter().map(|p| shape(p.of(text))).collect();
    let mut layout = Layout::default();

    // The trailer: short unpunctuated lines (and credits, bylines) after the last prose.
    let last_prose = shapes.iter().rposition(|s| *s == Shape::Prose);
    let trailer_from = match last_prose {
        Some(i) => (i + 1..paras.len())
            .find(|&k| (k..paras.len()).all(|j| shapes[j] != Shape::Line || is_trailer_line(paras[j].of(text))))
            .unwrap_or(paras.len()),
        None => paras.len(),
    };
    let first_prose = shapes.iter().position(|s| *s == Shape::Prose);

    let mut dateline_done = false;
    for (i, (&span, &shape)) in paras.iter().zip(&shapes).enumerate() {
        let debris = |kind| Debris { kind, span, text: span.of(text).to_string() };
        if i >= trailer_from {
            layout.debris.push(debris(match shape {
                Shape::Credit => DebrisKind::Credit,
                Shape::Byline => DebrisKind::Byline,
                _ => DebrisKind::Trailer,
            }));
            continue;
        }
        let kind = match shape {
            Shape::Credit => {
                layout.debris.push(debris(DebrisKind::Credit));
                continue;
            }
            Shape::Byline => {
                layout.debris.push(debris(DebrisKind::Byline));
                continue;
            }
            Shape::Prose => UnitKind::Body,
            Shape::Line => {
                let next_is_credit = shapes.get(i + 1) == Some(&Shape::Credit);
                let prev_is_credit = i > 0 && shapes[i - 1] == Shape::Credit;
                if next_is_credit || prev_is_credit || starts_as_caption(span.of(text)) {
                    UnitKind::Caption
                } else if first_prose.is_none() && paras.len() == 1 {
                    // "The United States will supply arms to Israel": a text of one line and
                    // nothing else is what there is to read, not the headline of nothing.
                    UnitKind::Body
                } else if first_prose.is_none_or(|f| i < f) {
                    UnitKind::Title
                } else {
                    UnitKind::Heading
                }
            }
        };
        let mut span = span;
        if kind == UnitKind::Body && !dateline_done {
            dateline_done = true;
            if let Some(len) = dateline_len(span.of(text)) {
                let line = Span::new(span.start, span.start + len);
                let dateline = line.of(text).trim().to_string();
                layout.debris.push(Debris { kind: DebrisKind::Dateline, span: line, text: dateline.clone() });
                layout.dateline = Some(dateline);
                let rest = &text[line.end..span.end];
                span = Span::new(line.end + (rest.len() - rest.trim_start().len()), span.end);
                if span.is_empty() {
                    continue;
                }
            }
        }
        if kind == UnitKind::Body {
            layout.units.push(Unit { kind, span, paragraph: i });
        } else {
            // Each line of a headline block is its own unit: a kicker ("War in Ukraine")
            // above a headline is not one sentence with it.
            layout.units.extend(lines(text, span).map(|span| Unit { kind, span, paragraph: i }));
        }
    }
    layout
}

/// The non-blank lines of `span`, trimmed.
fn lines(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let mut pos = span.start;
    span.of(text).split_inclusive('\n').filter_map(move |line| {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        pos += line.len();
        (start < end).then(|| Span::new(start, end))
    })
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_like_prose(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn shape(p: &str) -> Shape {
    if is_credit(p) {
        Shape::Credit
    } else if is_byline(p) {
        Shape::Byline
    } else if ends_like_prose(p) || word_count(p) > 40 {
        Shape::Prose
    } else {
        Shape::Line
    }
}

static CREDIT_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[^.!?]{0,80}\s?/\s?(getty( images)?|afp|reuters|ap|dpa|imago( images)?|epa(-efe)?|picture alliance|shutterstock|anadolu|xinhua|sputnik|tass|bloomberg|ria novosti|ukrinform|efe|ansa|keystone|alamy)\b",
    )
    .unwrap()
});

fn is_credit(p: &str) -> bool {
    if word_count(p) > 16 {
        return false;
    }
    let lower = p.trim_start().to_lowercase();
    lower.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright")
        || ["photo:", "photo credit", "foto:", "image:", "picture:", "credit:", "photograph:", "bild:"]
            .iter()
            .any(|pre| lower.starts_with(pre))
        || (!ends_like_prose(p) && CREDIT_AGENCY.is_match(p))
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:By|BY|Von|From our correspondent|Written by|Reporting by)\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})*(?:\s*[,|/]\s*[\p{L} ]{1,40})?$",
    )
    .unwrap()
});

fn is_byline(p: &str) -> bool {
    word_count(p) <= 14 && BYLINE.is_match(p.trim())
}

fn starts_as_caption(p: &str) -> bool {
    let lower = p.trim_start().to_lowercase();
    lower.starts_with("caption:") || lower.starts_with("photo caption") || lower.starts_with("pictured:")
}

/// Lines that close a wire story: agency names, editors' initials ("cl", "jk/dpa"),
/// distribution codes ("source site-30"), "(Reporting by …; Editing by …)".
fn is_trailer_line(p: &str) -> bool {
    let t = p.trim();
    if t.starts_with('(') && t.ends_with(')') {
        let lower = t.to_lowercase();
        return lower.contains("reporting") || lower.contains("editing") || lower.contains("writing") || word_count(t) <= 4;
    }
    word_count(t) <= 5
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // "KYIV, June 25 (Reuters) -", "MOSCOW (AP) —", "Berlin (dpa) -", "WASHINGTON, March 3 --"
    Regex::new(
        r"^(?:\p{Lu}[\p{Lu}\p{Ll}.' -]{1,40}?)(?:,\s*\p{Lu}[\p{L}.']*(?:\s+\p{Lu}[\p{L}.']*)?)?(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\((?:[A-Za-z][A-Za-z .&/-]{0,30})\))?\s*(?:-{1,3}|–|—)\s+",
    )
    .unwrap()
});

/// Byte length of a dateline at the start of `p`, if it has one. Requires an agency in
/// brackets or an all-caps place, so that an ordinary sentence with a dash does not match.
fn dateline_len(p: &str) -> Option<usize> {
    let m = DATELINE.find(p)?;
    let head = &p[..m.end()];
    let place = head.split([',', '(', '-', '–', '—']).next().unwrap_or("").trim();
    let caps_place = place.len() >= 2 && place.chars().all(|c| !c.is_lowercase());
    let agency = head.contains('(') && head.contains(')');
    (caps_place || agency).then_some(m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(UnitKind, &str)> {
        clean(text).units.iter().map(|u| (u.kind, u.span.of(text))).collect()
    }

    #[test]
    fn title_caption_credit_heading_and_trailer() {
        let text = "Ukraine war: Austin talks\n\nWar in Ukraine\nRadio silence, then a call\n\nAustin makes a phone call at his desk\n\n© Lisa Ferdinando / Imago Images\n\nAustin spoke to Belousov. He said so.\n\nUkraine and Russia exchange prisoners\n\nUkraine released 90 soldiers.\n\ncl\nDPA\n\nsource site-30\n";
        assert_eq!(
            kinds(text),
            [
                (UnitKind::Title, "Ukraine war: Austin talks"),
                (UnitKind::Title, "War in Ukraine"),
                (UnitKind::Title, "Radio silence, then a call"),
                (UnitKind::Caption, "Austin makes a phone call at his desk"),
                (UnitKind::Body, "Austin spoke to Belousov. He said so."),
                (UnitKind::Heading, "Ukraine and Russia exchange prisoners"),
                (UnitKind::Body, "Ukraine released 90 soldiers."),
            ]
        );
        let debris: Vec<_> = clean(text).debris.into_iter().map(|d| (d.kind, d.text)).collect();
        assert_eq!(
            debris,
            [
                (DebrisKind::Credit, "© Lisa Ferdinando / Imago Images".to_string()),
                (DebrisKind::Trailer, "cl\nDPA".to_string()),
                (DebrisKind::Trailer, "source site-30".to_string()),
            ]
        );
    }

    #[test]
    fn datelines_become_metadata() {
        let text = "KYIV, June 25 (Reuters) - Ukraine said on Tuesday it had shot down drones.";
        let layout = clean(text);
        assert_eq!(layout.dateline.as_deref(), Some("KYIV, June 25 (Reuters) -"));
        assert_eq!(layout.units[0].span.of(text), "Ukraine said on Tuesday it had shot down drones.");
        let text = "MOSCOW (AP) — The Kremlin said nothing.";
        assert_eq!(clean(text).dateline.as_deref(), Some("MOSCOW (AP) —"));
        // An ordinary sentence with a dash is not a dateline.
        let text = "Russia and Ukraine - both at war - met.";
        assert_eq!(clean(text).dateline, None);
    }

    #[test]
    fn bylines_are_dropped() {
        let text = "By Jane Doe and John Smith\n\nThe talks began.";
        let layout = clean(text);
        assert_eq!(layout.units.len(), 1);
        assert_eq!(layout.debris[0].kind, DebrisKind::Byline);
    }

    #[test]
    fn empty_text_has_no_units() {
        assert_eq!(clean("").units, []);
        assert_eq!(clean("\n\n  \n").units, []);
    }
}
