//! Event dates: when did the coded event happen?
//!
//! News says when in words ("on Tuesday", "March 15, 2023", "last week", "two days ago")
//! that only mean a day once they are read against the article's publication date. This
//! module sits between the tree ([`crate::tree`]) and the coder ([`crate::code`]): it
//! finds date expressions in a sentence, resolves them with `jiff`, and picks the one
//! that belongs to an event's anchor word ([`event_date`]). With no date in the event's
//! clause the publication date stands in, marked [`DateSource::Publication`].
//!
//! Two layers:
//! - [`scan_words`] / [`find_dates`] / [`parse_date`]: a rule-based temporal tagger over
//!   words (no tree needed), usable on datelines, titles, or plain strings;
//! - [`event_date`]: the tree layer. It decides which of a sentence's dates is the
//!   event's: one attached to the anchor's own clause, not one in a relative clause about
//!   something else ("Putin, who started the war on February 24, 2022, said …" dates
//!   "started", not "said"), nor one in an "after …"/"since …" phrase (that dates the
//!   other thing). A verb with no date of its own takes the date of the clause it is
//!   conjoined with or reported by ("said on Tuesday that Austin stressed …").
//!
//! Resolution rules (news is written in the past tense):
//! - a bare weekday is the last such day on or before publication ("on Monday"), or the
//!   next on or after it in a future clause ("will meet on Monday");
//! - "last Monday" is strictly before, "next Monday" strictly after;
//! - a day and month without a year is the last such day on or before publication (the
//!   next one in a future clause); the same for a bare month;
//! - a period is given by its best single day and a [`Precision`]: a week, month or year
//!   by its first day ("last week" = that week's Monday, "in June 2022" = 2022-06-01),
//!   "the end of February 2022" by the last day of the month, "mid-June" by the 15th.

use std::ops::Range;

use dyad_model::Date;
use jiff::civil::Weekday;
use jiff::Span;

use crate::tree::{Rel, Tree};

/// How exactly an [`EventDate`] is known, and where it came from: the contract's own
/// types, so the coder and the output agree by construction.
pub use dyad_model::{DatePrecision as Precision, DateSource};

/// Day before week before month before year: the more precise date wins a tie.
fn rank(p: Precision) -> u8 {
    match p {
        Precision::Day => 0,
        Precision::Week => 1,
        Precision::Month => 2,
        Precision::Year => 3,
    }
}

/// The date of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventDate {
    pub date: Date,
    pub precision: Precision,
    pub source: DateSource,
}

impl EventDate {
    fn text(date: Date, precision: Precision) -> EventDate {
        EventDate { date, precision, source: DateSource::Text }
    }

    /// The publication date as the fallback date of an event.
    pub fn published(date: Date) -> EventDate {
        EventDate { date, precision: Precision::Day, source: DateSource::Publication }
    }
}

/// Which way an expression without a year or week points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    /// News reports what happened: "on Monday" is the last Monday.
    #[default]
    Past,
    /// "will meet on Monday": the next Monday.
    Future,
}

/// A date expression found among words: `start..end` are word indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: EventDate,
    /// The expression fixes its date without the publication date (it has a year).
    pub absolute: bool,
    /// The preposition just before the expression, lower-cased ("on", "since"), if any.
    pub prep: Option<String>,
}

/// A date expression found in a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte range in the string.
    pub span: Range<usize>,
    pub text: String,
    pub date: EventDate,
    pub prep: Option<String>,
}

/// Prepositions after which a date is not the date of the clause's event: it dates
/// something else ("after the attack on Sunday"), a state's start ("since 2014"), a
/// deadline ("by Friday") or a range's end.
const NOT_EVENT_PREPS: &[&str] = &[
    "after", "before", "since", "until", "till", "til", "following", "by", "from", "to", "through", "prior", "ahead",
    "pending", "between",
];

/// Of those, the ones that also introduce the people and places an event involves ("spoke
/// to his counterpart on March 15", "aid from Germany"): a phrase they head walls off its
/// dates only when it is itself a time ("from Monday to Friday", "by the end of June").
const RANGE_PREPS: &[&str] = &["by", "from", "to", "through", "between"];

/// Nouns that make a phrase a time rather than a participant.
const TIME_NOUNS: &[&str] = &["day", "week", "month", "year", "end", "time", "morning", "evening", "night", "weekend"];

const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "during", "of", "over", "throughout", "within", "around", "circa", "about", "after", "before",
    "since", "until", "till", "til", "following", "by", "from", "to", "through", "prior", "ahead", "pending", "between",
];

/// Words that make a bare month name or year read as a date ("in June", "since 2014"),
/// where without them "June" may be a name and "2014" a number.
const CONTEXT_WORDS: &[&str] = &[
    "in", "on", "since", "until", "till", "by", "during", "of", "last", "next", "this", "early", "late", "mid", "before",
    "after", "from", "to", "through", "between", "and", "or", "throughout", "around", "circa", "that", "same",
];

fn month_of(w: &str) -> Option<i8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// A word that only ever names a time: weekdays, month names (full), "yesterday",
/// "today", "tomorrow", "tonight". Place matching uses it to leave "in March" alone.
pub fn is_date_word(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    weekday_of(&w).is_some()
        || (w.len() > 3 && month_of(&w).is_some())
        || matches!(w.as_str(), "yesterday" | "today" | "tomorrow" | "tonight")
}

fn day_number(w: &str) -> Option<i8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: i8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(w: &str) -> Option<i16> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = w.parse().ok()?;
    (1000..=2999).contains(&y).then_some(y)
}

fn count_of(w: &str) -> Option<i64> {
    if !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    })
}

/// `ISO 8601` calendar date in one word: 2024-06-26.
fn iso_date(w: &str) -> Option<Date> {
    let b = w.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i16 = w.get(0..4)?.parse().ok()?;
    let m: i8 = w.get(5..7)?.parse().ok()?;
    let d: i8 = w.get(8..10)?.parse().ok()?;
    Date::new(y, m, d).ok()
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_months(n).ok()?).ok()
}

fn add_years(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_years(n).ok()?).ok()
}

fn monday_of(d: Date) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

/// Which occurrence of a weekday or month a word before it asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    /// None said: the tense decides, the publication day or month itself counting.
    Tense,
    /// "last": strictly before publication.
    Last,
    /// "next", "coming": strictly after.
    Next,
}

fn which_of(w: &str) -> Option<Which> {
    match w {
        "last" | "past" => Some(Which::Last),
        "next" | "coming" => Some(Which::Next),
        "this" => Some(Which::Tense),
        _ => None,
    }
}

fn resolve_weekday(published: Date, wd: Weekday, which: Which, tense: Tense) -> Option<Date> {
    let p = published.weekday();
    let back = i64::from(wd.until(p)); // days from the last `wd` to publication
    let ahead = i64::from(p.until(wd));
    match (which, tense) {
        (Which::Last, _) => add_days(published, -(if back == 0 { 7 } else { back })),
        (Which::Next, _) => add_days(published, if ahead == 0 { 7 } else { ahead }),
        (Which::Tense, Tense::Past) => add_days(published, -back),
        (Which::Tense, Tense::Future) => add_days(published, ahead),
    }
}

fn resolve_day_month(published: Date, month: i8, day: i8, tense: Tense) -> Option<Date> {
    let this = Date::new(published.year(), month, day).ok();
    match tense {
        Tense::Past => match this {
            Some(d) if d <= published => Some(d),
            _ => Date::new(published.year() - 1, month, day).ok(),
        },
        Tense::Future => match this {
            Some(d) if d >= published => Some(d),
            _ => Date::new(published.year() + 1, month, day).ok(),
        },
    }
}

fn resolve_month(published: Date, month: i8, which: Which, tense: Tense) -> Option<Date> {
    let y = published.year();
    let pm = published.month();
    let year = match (which, tense) {
        (Which::Last, _) => {
            if month < pm {
                y
            } else {
                y - 1
            }
        }
        (Which::Next, _) => {
            if month > pm {
                y
            } else {
                y + 1
            }
        }
        (Which::Tense, Tense::Past) => {
            if month <= pm {
                y
            } else {
                y - 1
            }
        }
        (Which::Tense, Tense::Future) => {
            if month >= pm {
                y
            } else {
                y + 1
            }
        }
    };
    Date::new(year, month, 1).ok()
}

/// The edge of a period that "the end of …", "early …", "mid-…" pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    Middle,
    End,
}

fn edge_of(w: &str) -> Option<Edge> {
    match w {
        "beginning" | "start" | "early" | "outset" => Some(Edge::Start),
        "middle" | "mid" => Some(Edge::Middle),
        "end" | "late" => Some(Edge::End),
        _ => None,
    }
}

fn apply_edge(date: Date, precision: Precision, edge: Edge) -> Option<Date> {
    match (precision, edge) {
        (_, Edge::Start) | (Precision::Day, _) => Some(date),
        (Precision::Week, Edge::Middle) => add_days(date, 3),
        (Precision::Week, Edge::End) => add_days(date, 6),
        (Precision::Month, Edge::Middle) => date.first_of_month().checked_add(Span::new().days(14)).ok(),
        (Precision::Month, Edge::End) => Some(date.last_of_month()),
        (Precision::Year, Edge::Middle) => Date::new(date.year(), 7, 1).ok(),
        (Precision::Year, Edge::End) => Date::new(date.year(), 12, 31).ok(),
    }
}

/// Words prepared for matching: lower-cased, a final "." dropped ("Feb." = "feb").
struct Words<'a> {
    raw: &'a [&'a str],
    low: Vec<String>,
}

impl<'a> Words<'a> {
    fn new(raw: &'a [&'a str]) -> Self {
        let low = raw
            .iter()
            .map(|w| {
                let l = w.to_lowercase();
                if l.len() > 1 {
                    l.trim_end_matches('.').to_string()
                } else {
                    l
                }
            })
            .collect();
        Words { raw, low }
    }

    fn w(&self, i: usize) -> &str {
        self.low.get(i).map(String::as_str).unwrap_or("")
    }

    fn capitalized(&self, i: usize) -> bool {
        self.raw.get(i).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase)
    }

    fn prev(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }
}

/// What one match yields: where it ends, its date, and whether it has a year of its own.
struct Hit {
    end: usize,
    date: Date,
    precision: Precision,
    absolute: bool,
}

struct Scanner<'a> {
    words: Words<'a>,
    published: Option<Date>,
    tense: Tense,
}

impl Scanner<'_> {
    fn hit(&self, end: usize, date: Date, precision: Precision, absolute: bool) -> Option<Hit> {
        // "9999 years ago" is arithmetic, not history.
        (date.year() >= 1).then_some(Hit { end, date, precision, absolute })
    }

    /// The longest date expression starting at word `i`.
    fn at(&self, i: usize) -> Option<Hit> {
        self.edge(i)
            .or_else(|| self.iso(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.day_first(i))
            .or_else(|| self.month_first(i, true))
            .or_else(|| self.year(i))
    }

    /// "the end of February 2022", "the beginning of the month", "early June",
    /// "mid-June", "late 2023".
    fn edge(&self, i: usize) -> Option<Hit> {
        let w = &self.words;
        let (edge, inner) = if w.w(i) == "the" && edge_of(w.w(i + 1)).is_some() && w.w(i + 2) == "of" {
            (edge_of(w.w(i + 1))?, i + 3)
        } else if matches!(w.w(i), "end" | "beginning" | "start" | "middle") && w.w(i + 1) == "of" {
            (edge_of(w.w(i))?, i + 2)
        } else if matches!(w.w(i), "early" | "late" | "mid") {
            let j = if w.w(i + 1) == "-" { i + 2 } else { i + 1 };
            (edge_of(w.w(i))?, j)
        } else if let Some(rest) = w.w(i).strip_prefix("mid-") {
            // One word "mid-June": the month is inside it.
            let m = month_of(rest)?;
            let (date, precision, absolute, end) = match year_number(w.w(i + 1)) {
                Some(y) => (Date::new(y, m, 1).ok()?, Precision::Month, true, i + 2),
                None => (resolve_month(self.published?, m, Which::Tense, self.tense)?, Precision::Month, false, i + 1),
            };
            return self.hit(end, apply_edge(date, precision, Edge::Middle)?, precision, absolute);
        } else {
            return None;
        };
        let inner_hit = self.period(inner)?;
        let date = apply_edge(inner_hit.date, inner_hit.precision, edge)?;
        self.hit(inner_hit.end, date, inner_hit.precision, inner_hit.absolute)
    }

    /// A period that an edge can apply to: a month, a year, "the month", "this week" …
    fn period(&self, i: usize) -> Option<Hit> {
        let w = &self.words;
        if w.w(i) == "the" {
            let published = self.published?;
            match w.w(i + 1) {
                "month" => return self.hit(i + 2, published.first_of_month(), Precision::Month, false),
                "year" => return self.hit(i + 2, Date::new(published.year(), 1, 1).ok()?, Precision::Year, false),
                "week" => return self.hit(i + 2, monday_of(published)?, Precision::Week, false),
                _ => {}
            }
        }
        let hit = self
            .relative(i)
            .or_else(|| self.month_first(i, false))
            .or_else(|| year_number(w.w(i)).and_then(|y| self.hit(i + 1, Date::new(y, 1, 1).ok()?, Precision::Year, true)))?;
        (hit.precision != Precision::Day).then_some(hit)
    }

    fn iso(&self, i: usize) -> Option<Hit> {
        let d = iso_date(self.words.w(i))?;
        self.hit(i + 1, d, Precision::Day, true)
    }

    /// "Monday", "on Wednesday night", "last Friday", "Tuesday last week",
    /// "Monday, June 24" (the explicit date wins).
    fn weekday(&self, i: usize) -> Option<Hit> {
        let w = &self.words;
        let (which, at) = match which_of(w.w(i)) {
            Some(which) if weekday_of(w.w(i + 1)).is_some() => (which, i + 1),
            _ => (Which::Tense, i),
        };
        let wd = weekday_of(w.w(at))?;
        let mut end = at + 1;
        if matches!(w.w(end), "night" | "morning" | "afternoon" | "evening" | "midday" | "noon") {
            end += 1;
        }
        // "Monday, June 24, 2024": the explicit date says it all.
        let explicit_at = if w.w(end) == "," { end + 1 } else { end };
        if let Some(hit) = self.month_first(explicit_at, false).or_else(|| self.day_first(explicit_at)) {
            if hit.precision == Precision::Day {
                return Some(hit);
            }
        }
        // "Tuesday last week", "Monday of next week".
        let week_at = if w.w(end) == "of" { end + 1 } else { end };
        if w.w(week_at + 1) == "week" {
            if let Some(shift) = match w.w(week_at) {
                "last" | "past" => Some(-7),
                "this" => Some(0),
                "next" => Some(7),
                _ => None,
            } {
                let monday = add_days(monday_of(self.published?)?, shift)?;
                let date = add_days(monday, i64::from(wd.to_monday_zero_offset()))?;
                return self.hit(week_at + 2, date, Precision::Day, false);
            }
        }
        let date = resolve_weekday(self.published?, wd, which, self.tense)?;
        self.hit(end, date, Precision::Day, false)
    }

    /// "yesterday", "today", "last night", "this morning", "last week", "earlier this
    /// month", "next year", "this weekend", "the day before yesterday".
    fn relative(&self, i: usize) -> Option<Hit> {
        let w = &self.words;
        let published = self.published?;
        if w.w(i) == "the" && w.w(i + 1) == "day" && w.w(i + 2) == "before" && w.w(i + 3) == "yesterday" {
            return self.hit(i + 4, add_days(published, -2)?, Precision::Day, false);
        }
        let start = if matches!(w.w(i), "earlier" | "later") { i + 1 } else { i };
        match w.w(start) {
            "yesterday" => return self.hit(start + 1, add_days(published, -1)?, Precision::Day, false),
            "today" | "tonight" => return self.hit(start + 1, published, Precision::Day, false),
            "tomorrow" => return self.hit(start + 1, add_days(published, 1)?, Precision::Day, false),
            _ => {}
        }
        let shift: i64 = match w.w(start) {
            "last" | "past" | "previous" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            _ => return None,
        };
        let end = start + 2;
        match w.w(start + 1) {
            "night" if shift == -1 => self.hit(end, add_days(published, -1)?, Precision::Day, false),
            "morning" | "afternoon" | "evening" | "night" if shift == 0 => self.hit(end, published, Precision::Day, false),
            "week" => self.hit(end, add_days(monday_of(published)?, 7 * shift)?, Precision::Week, false),
            "weekend" => {
                let saturday_this_week = add_days(monday_of(published)?, 5)?;
                let date = match (shift, self.tense) {
                    (-1, _) => add_days(saturday_this_week, -7)?,
                    (1, _) => add_days(saturday_this_week, 7)?,
                    (_, Tense::Past) if saturday_this_week > published => add_days(saturday_this_week, -7)?,
                    _ => saturday_this_week,
                };
                self.hit(end, date, Precision::Week, false)
            }
            "month" => self.hit(end, add_months(published.first_of_month(), shift)?, Precision::Month, false),
            "year" => self.hit(end, Date::new(published.year(), 1, 1).ok().and_then(|d| add_years(d, shift))?, Precision::Year, false),
            _ => None,
        }
    }

    /// "two days ago", "more than two years ago", "a week ago".
    fn ago(&self, i: usize) -> Option<Hit> {
        let w = &self.words;
        let mut j = i;
        // Hedges in front of the count do not change the best estimate.
        loop {
            match (w.w(j), w.w(j + 1)) {
                ("more" | "less" | "fewer", "than") => j += 2,
                ("about" | "nearly" | "almost" | "some" | "around" | "roughly" | "just" | "over" | "only" | "barely"
                | "approximately", _) => j += 1,
                _ => break,
            }
        }
        let n = count_of(w.w(j))?;
        let unit = w.w(j + 1);
        if w.w(j + 2) != "ago" {
            return None;
        }
        let published = self.published?;
        let end = j + 3;
        match unit {
            "day" | "days" => self.hit(end, add_days(published, -n)?, Precision::Day, false),
            "week" | "weeks" => self.hit(end, add_days(published, -7 * n)?, Precision::Week, false),
            "month" | "months" => self.hit(end, add_months(published, -n)?, Precision::Month, false),
            "year" | "years" => self.hit(end, add_years(published, -n)?, Precision::Year, false),
            "decade" | "decades" => self.hit(end, add_years(published, -10 * n)?, Precision::Year, false),
            _ => None,
        }
    }

    /// A month name the way dates write it: capitalized ("may" is a modal, "march" a
    /// verb); abbreviations only with a day after them ("Feb. 24").
    fn month(&self, i: usize) -> Option<i8> {
        let w = &self.words;
        if !w.capitalized(i) {
            return None;
        }
        let m = month_of(w.w(i))?;
        let full = w.w(i).len() > 3 || w.w(i) == "may";
        (full || day_number(w.w(i + 1)).is_some()).then_some(m)
    }

    /// The day-of-month suffix written as its own word ("15 th") is skipped.
    fn after_day(&self, j: usize) -> usize {
        if matches!(self.words.w(j), "st" | "nd" | "rd" | "th") {
            j + 1
        } else {
            j
        }
    }

    /// An optional year after a day or month, with or without a comma.
    fn year_after(&self, j: usize) -> Option<(i16, usize)> {
        let w = &self.words;
        if let Some(y) = year_number(w.w(j)) {
            return Some((y, j + 1));
        }
        if w.w(j) == "," {
            if let Some(y) = year_number(w.w(j + 1)) {
                return Some((y, j + 2));
            }
        }
        None
    }

    /// "March 15, 2023", "March 15", "June 2022", "in June", "last March".
    fn month_first(&self, i: usize, need_context: bool) -> Option<Hit> {
        let w = &self.words;
        let (which, at) = match which_of(w.w(i)) {
            Some(which) if self.month(i + 1).is_some() => (Some(which), i + 1),
            _ => (None, i),
        };
        let m = self.month(at)?;
        if let Some(d) = day_number(w.w(at + 1)) {
            let j = self.after_day(at + 2);
            // "June 2, 3 and 4" would still read as June 2: fine for an event's day.
            return match self.year_after(j) {
                Some((y, end)) => self.hit(end, Date::new(y, m, d).ok()?, Precision::Day, true),
                None => self.hit(j, resolve_day_month(self.published?, m, d, self.tense)?, Precision::Day, false),
            };
        }
        if let Some((y, end)) = self.year_after(at + 1) {
            return self.hit(end, Date::new(y, m, 1).ok()?, Precision::Month, true);
        }
        if need_context && which.is_none() && !CONTEXT_WORDS.contains(&w.prev(at)) {
            return None;
        }
        let date = resolve_month(self.published?, m, which.unwrap_or(Which::Tense), self.tense)?;
        self.hit(at + 1, date, Precision::Month, false)
    }

    /// "15 March 2023", "24th February", "the 24th of February".
    fn day_first(&self, i: usize) -> Option<Hit> {
        let w = &self.words;
        let start = if w.w(i) == "the" { i + 1 } else { i };
        let d = day_number(w.w(start))?;
        let mut j = self.after_day(start + 1);
        if w.w(j) == "of" {
            j += 1;
        }
        let m = self.month(j)?;
        match self.year_after(j + 1) {
            Some((y, end)) => self.hit(end, Date::new(y, m, d).ok()?, Precision::Day, true),
            None => self.hit(j + 1, resolve_day_month(self.published?, m, d, self.tense)?, Precision::Day, false),
        }
    }

    /// "in 2014", "since 2014": a year needs a word before it that makes it a time.
    fn year(&self, i: usize) -> Option<Hit> {
        let w = &self.words;
        let y = year_number(w.w(i))?;
        if !CONTEXT_WORDS.contains(&w.prev(i)) || !(1800..=2200).contains(&y) {
            return None;
        }
        self.hit(i + 1, Date::new(y, 1, 1).ok()?, Precision::Year, true)
    }
}

/// Find the date expressions among words (tokens of a sentence, in order).
///
/// Relative expressions need `published`; without it only dates with a year are found.
/// `tense` says which way undated weekdays and months point.
pub fn scan_words(words: &[&str], published: Option<Date>, tense: Tense) -> Vec<DateMention> {
    let scanner = Scanner { words: Words::new(words), published, tense };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match scanner.at(i) {
            Some(hit) if hit.end > i => {
                // The preposition in front; "the end of" belongs to the expression.
                let prev = scanner.words.prev(i);
                let prep = PREPOSITIONS.contains(&prev).then(|| prev.to_string());
                out.push(DateMention {
                    start: i,
                    end: hit.end.min(words.len()),
                    date: EventDate::text(hit.date, hit.precision),
                    absolute: hit.absolute,
                    prep,
                });
                i = hit.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Words of a plain string with their byte ranges: runs of letters, digits and inner
/// hyphens, dots and apostrophes ("mid-June", "2024-06-26", "Feb."); other punctuation
/// stands alone; a possessive "'s" is split off ("Tuesday's").
fn split_words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let is_word = |c: char| c.is_alphanumeric();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(pos, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let joins = matches!(c, '-' | '\'' | '\u{2019}') && start.is_some() && next.is_some_and(is_word);
        if is_word(c) || joins {
            if start.is_none() {
                start = Some(pos);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push(s..pos);
        }
        if c == '.' {
            // "Feb." keeps its dot (an abbreviation); a full stop after "ago" does not.
            if let Some(last) = out.last_mut() {
                let w = text[last.clone()].to_lowercase();
                if last.end == pos && w.len() <= 4 && month_of(&w).is_some() {
                    last.end = pos + 1;
                    continue;
                }
            }
        }
        if !c.is_whitespace() {
            out.push(pos..pos + c.len_utf8());
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    // Split possessives: "Tuesday's" -> "Tuesday" + "'s".
    let mut split = Vec::with_capacity(out.len());
    for r in out {
        let w = &text[r.clone()];
        let cut = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).map(str::len);
        match cut {
            Some(n) if n > 0 => {
                split.push(r.start..r.start + n);
                split.push(r.start + n..r.end);
            }
            _ => split.push(r),
        }
    }
    split
}

/// The date expressions of a plain string, with their byte spans.
pub fn find_dates(text: &str, published: Option<Date>, tense: Tense) -> Vec<FoundDate> {
    let ranges = split_words(text);
    let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    scan_words(&words, published, tense)
        .into_iter()
        .filter_map(|m| {
            let span = ranges.get(m.start)?.start..ranges.get(m.end.checked_sub(1)?)?.end;
            Some(FoundDate { text: text[span.clone()].to_string(), span, date: m.date, prep: m.prep })
        })
        .collect()
}

/// The first date expression in a phrase ("on Tuesday", "March 15, 2023", "last week").
pub fn parse_date(phrase: &str, published: Option<Date>, tense: Tense) -> Option<EventDate> {
    find_dates(phrase, published, tense).into_iter().next().map(|f| f.date)
}

// ---------------------------------------------------------------------------------------
// The tree layer.

/// Verbs that put their complement in the future: "plans to meet on Monday".
const FUTURE_CONTROLLERS: &[&str] =
    &["plan", "expect", "schedule", "set", "intend", "due", "go", "prepare", "aim", "hope", "want", "propose", "agree"];

/// Does the clause of `v` speak of the future: "will meet", "is going to meet",
/// "plans to meet", "talks (which will be held) next week"?
pub fn clause_tense(tree: &Tree, v: usize) -> Tense {
    let mut at = v;
    for _ in 0..8 {
        let Some(node) = tree.nodes.get(at) else { break };
        if tree.is_future(at) {
            return Tense::Future;
        }
        let Some(h) = node.head else { break };
        match node.rel {
            Rel::Xcomp => {
                if FUTURE_CONTROLLERS.contains(&tree.nodes[h].lemma.as_ref()) {
                    return Tense::Future;
                }
                at = h;
            }
            Rel::Conj => at = h,
            // A nominal event takes the tense of the verb it is an argument of.
            _ if !tree.is_verbal(at) && !tree.has_child(at, Rel::Aux) => at = h,
            _ => break,
        }
    }
    Tense::Past
}

/// The preposition of a nominal, its first word only ("prior to" → "prior").
fn first_prep(tree: &Tree, i: usize) -> Option<String> {
    tree.prep(i).map(|p| p.split(' ').next().unwrap_or("").to_string())
}

/// A dependent that starts another clause or dates another thing: its words are not the
/// clause's.
fn is_boundary(tree: &Tree, c: usize) -> bool {
    let n = &tree.nodes[c];
    let clausal = match n.rel {
        Rel::AclRelcl | Rel::Acl | Rel::Advcl | Rel::Ccomp | Rel::Xcomp | Rel::Parataxis => true,
        Rel::Conj | Rel::Nsubj => n.upos == "VERB" || tree.has_child(c, Rel::Nsubj) || tree.has_child(c, Rel::Cop),
        _ => false,
    };
    let walled = |p: &str| {
        NOT_EVENT_PREPS.contains(&p)
            && (!RANGE_PREPS.contains(&p)
                || n.upos == "NUM"
                || is_date_word(n.form)
                || TIME_NOUNS.contains(&n.lemma.to_lowercase().as_str()))
    };
    clausal || first_prep(tree, c).is_some_and(|p| walled(&p))
}

/// The words of the clause headed by `v`: its subtree without clausal dependents and
/// without "after …", "since …" phrases, in sentence order.
pub fn clause_words(tree: &Tree, v: usize) -> Vec<usize> {
    if v >= tree.len() {
        return Vec::new();
    }
    let mut out = vec![v];
    let mut k = 0;
    while k < out.len() {
        let at = out[k];
        for &c in &tree.nodes[at].children {
            if !is_boundary(tree, c) {
                out.push(c);
            }
        }
        k += 1;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Runs of consecutive word indices. Punctuation between two words of the set joins
/// them even when the parse hangs it elsewhere ("February 24 , 2022" with the comma on
/// the root).
fn runs(tree: &Tree, words: &[usize]) -> Vec<Range<usize>> {
    let is_punct = |i: usize| {
        let n = &tree.nodes[i];
        n.upos == "PUNCT" || (!n.form.is_empty() && n.form.chars().all(|c| c.is_ascii_punctuation()))
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    for &w in words {
        match out.last_mut() {
            Some(r) if r.end <= w && (r.end..w).all(is_punct) => r.end = w + 1,
            _ => out.push(w..w + 1),
        }
    }
    out
}

/// A date of the clause of `v`, as found in its words, with how it ranks.
struct Candidate {
    date: EventDate,
    key: (u8, u8, bool, usize),
}

/// The best date expression in the clause of `v`: one attached to `v` itself before one
/// deeper in the clause; a day before a week, month or year; a dated expression before a
/// relative one; the nearest to `v`.
fn clause_date_here(tree: &Tree, v: usize, published: Option<Date>) -> Option<EventDate> {
    let tense = clause_tense(tree, v);
    let owned = clause_words(tree, v);
    let mut best: Option<Candidate> = None;
    for run in runs(tree, &owned) {
        let forms: Vec<&str> = tree.nodes[run.clone()].iter().map(|n| n.form).collect();
        for m in scan_words(&forms, published, tense) {
            let (s, e) = (run.start + m.start, run.start + m.end);
            if m.prep.as_deref().is_some_and(|p| NOT_EVENT_PREPS.contains(&p)) {
                continue;
            }
            // The expression's head: its word whose head lies outside it.
            let heads: Vec<usize> = (s..e).filter(|&t| tree.nodes[t].head.is_none_or(|h| h < s || h >= e)).collect();
            if heads.iter().any(|&h| first_prep(tree, h).is_some_and(|p| NOT_EVENT_PREPS.contains(&p.as_str()))) {
                continue;
            }
            let direct = heads.iter().any(|&h| tree.nodes[h].head == Some(v));
            let distance = if v < s { s - v } else { v.saturating_sub(e) };
            let key = (u8::from(!direct), rank(m.date.precision), !m.absolute, distance);
            if best.as_ref().is_none_or(|b| key < b.key) {
                best = Some(Candidate { date: m.date, key });
            }
        }
    }
    best.map(|b| b.date)
}

/// Verbs that report another clause: "…, officials said on Tuesday".
pub(crate) const REPORT_VERBS: &[&str] = &[
    "say", "tell", "announce", "report", "add", "state", "confirm", "claim", "write", "declare", "note", "insist",
    "stress", "warn", "explain", "allege", "acknowledge", "admit", "deny", "reply", "respond", "tweet", "post",
];

/// Should a clause without a date of its own take the date of the word it depends on?
/// Conjoined verbs share a time ("threatened … and summoned"), as do a reported clause
/// and its report ("said on Tuesday that Austin stressed"), a controlled verb and its
/// controller, and a nominal event and the verb it is the subject or object of ("talks
/// were held on Monday"). Relative clauses and "after …" clauses do not: they are about
/// another time.
fn inherits(tree: &Tree, v: usize) -> bool {
    let n = &tree.nodes[v];
    match n.rel {
        Rel::Conj | Rel::Xcomp | Rel::Ccomp | Rel::Parataxis => true,
        Rel::Advcl => !tree.children_with(v, Rel::Mark).any(|m| {
            matches!(tree.nodes[m].lemma.as_ref(), "after" | "before" | "since" | "until" | "till" | "once" | "if" | "unless")
        }),
        Rel::Nsubj | Rel::NsubjPass | Rel::Obj => !tree.is_verbal(v),
        // "which Beijing suspended last year after a visit to Taiwan": an event named in
        // a phrase that dates a clause took place about when the clause did (before it,
        // for "after"), not on the day of publication.
        // (Its date is the clause's only to the clause's precision: see `event_date`.)
        Rel::Obl | Rel::Nmod => !tree.is_verbal(v) && matches!(tree.prep(v), Some("after" | "following" | "during" | "amid" | "since" | "in")),
        _ => false,
    }
}

/// "a day after", "two days after", "three days after …": the days an "after" clause at
/// `v` is measured in, read from the words right before its "after".
fn days_measured_after(tree: &Tree, v: usize) -> Option<i64> {
    let m = tree.children_with(v, Rel::Mark).find(|&m| tree.nodes[m].lemma.as_ref() == "after")?;
    let unit = tree.nodes.get(m.checked_sub(1)?)?;
    if !matches!(unit.lemma.as_ref(), "day") {
        return None;
    }
    count_of(&tree.nodes.get(m.checked_sub(2)?)?.form.to_lowercase()).filter(|k| (1..=31).contains(k))
}

/// The date of the event anchored on word `anchor`: the date expression of its clause,
/// or inherited along conjunction, reporting and control; else the publication date.
/// `None` only when the sentence says nothing and the publication date is unknown.
pub fn event_date(tree: &Tree, anchor: usize, published: Option<Date>) -> Option<EventDate> {
    let fallback = published.map(EventDate::published);
    if anchor >= tree.len() {
        return fallback;
    }
    let mut v = anchor;
    // Crossed an "after" phrase: the event came before the clause's date, which says
    // when it was only if coarser than a day ("last year after a visit", but not "on
    // Monday after an attack", which may have been on Sunday).
    let mut earlier = false;
    // "on Thursday, a day after Hezbollah fired rockets": an "after" clause measured in
    // days took place that many days before the clause it hangs on.
    let mut days_before: Option<i64> = None;
    for _ in 0..8 {
        if let Some(d) = clause_date_here(tree, v, published) {
            if let (Some(n), Precision::Day) = (days_before, d.precision) {
                return add_days(d.date, -n).map(|date| EventDate::text(date, Precision::Day)).or(fallback);
            }
            if earlier && d.precision == Precision::Day {
                return fallback;
            }
            return Some(d);
        }
        if days_before.is_none() && tree.nodes[v].rel == Rel::Advcl {
            if let Some(n) = days_measured_after(tree, v) {
                days_before = Some(n);
                if let Some(h) = tree.nodes[v].head {
                    v = h;
                    continue;
                }
            }
        }
        // "Austin stressed …, Ryder said on Tuesday": the report hangs on the reported
        // clause as parataxis, and lends it its date.
        let report = tree.children_with(v, Rel::Parataxis).filter(|&c| REPORT_VERBS.contains(&tree.nodes[c].lemma.as_ref()));
        if let Some(d) = report.into_iter().find_map(|c| clause_date_here(tree, c, published)) {
            return Some(d);
        }
        match tree.nodes[v].head {
            Some(h) if inherits(tree, v) => {
                earlier |= matches!(tree.nodes[v].rel, Rel::Obl | Rel::Nmod) && matches!(tree.prep(v), Some("after" | "following" | "since"));
                v = h;
            }
            _ => break,
        }
    }
    fallback
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const WED: Date = date(2024, 6, 26);

    fn d(phrase: &str) -> Option<(Date, Precision)> {
        parse_date(phrase, Some(WED), Tense::Past).map(|e| (e.date, e.precision))
    }

    #[test]
    fn weekdays_point_back_from_publication_and_count_the_day_itself() {
        assert_eq!(d("on Tuesday"), Some((date(2024, 6, 25), Precision::Day)));
        assert_eq!(d("on Monday"), Some((date(2024, 6, 24), Precision::Day)));
        assert_eq!(d("on Wednesday night"), Some((date(2024, 6, 26), Precision::Day)));
        assert_eq!(d("Monday night"), Some((date(2024, 6, 24), Precision::Day)));
        assert_eq!(d("on Thursday"), Some((date(2024, 6, 20), Precision::Day)));
        assert_eq!(d("last Wednesday"), Some((date(2024, 6, 19), Precision::Day)));
        assert_eq!(d("next Wednesday"), Some((date(2024, 7, 3), Precision::Day)));
        assert_eq!(d("Tuesday last week"), Some((date(2024, 6, 18), Precision::Day)));
        let future = parse_date("on Thursday", Some(WED), Tense::Future).unwrap();
        assert_eq!(future.date, date(2024, 6, 27));
        assert_eq!(parse_date("on Wednesday", Some(WED), Tense::Future).unwrap().date, WED);
    }

    #[test]
    fn explicit_dates_with_and_without_year() {
        assert_eq!(d("on March 15, 2023"), Some((date(2023, 3, 15), Precision::Day)));
        assert_eq!(d("on February 24, 2022"), Some((date(2022, 2, 24), Precision::Day)));
        assert_eq!(d("on 24 February 2022"), Some((date(2022, 2, 24), Precision::Day)));
        assert_eq!(d("15 March"), Some((date(2024, 3, 15), Precision::Day)));
        assert_eq!(d("March 15"), Some((date(2024, 3, 15), Precision::Day)));
        assert_eq!(d("on the 24th of February"), Some((date(2024, 2, 24), Precision::Day)));
        assert_eq!(d("Feb. 24"), Some((date(2024, 2, 24), Precision::Day)));
        // Past tense: a day later in the year than publication is last year's.
        assert_eq!(d("on July 4"), Some((date(2023, 7, 4), Precision::Day)));
        assert_eq!(parse_date("on July 4", Some(WED), Tense::Future).unwrap().date, date(2024, 7, 4));
        assert_eq!(d("in June 2022"), Some((date(2022, 6, 1), Precision::Month)));
        assert_eq!(d("in June"), Some((date(2024, 6, 1), Precision::Month)));
        assert_eq!(d("in September"), Some((date(2023, 9, 1), Precision::Month)));
        assert_eq!(d("in 2014"), Some((date(2014, 1, 1), Precision::Year)));
        assert_eq!(d("2024-06-20"), Some((date(2024, 6, 20), Precision::Day)));
        assert_eq!(d("Monday, June 17, 2024"), Some((date(2024, 6, 17), Precision::Day)));
    }

    #[test]
    fn period_edges() {
        assert_eq!(d("at the end of February 2022"), Some((date(2022, 2, 28), Precision::Month)));
        assert_eq!(d("at the end of 2023"), Some((date(2023, 12, 31), Precision::Year)));
        assert_eq!(d("at the beginning of the month"), Some((date(2024, 6, 1), Precision::Month)));
        assert_eq!(d("in mid-June"), Some((date(2024, 6, 15), Precision::Month)));
        assert_eq!(d("in early March 2023"), Some((date(2023, 3, 1), Precision::Month)));
        assert_eq!(d("in late 2023"), Some((date(2023, 12, 31), Precision::Year)));
    }

    #[test]
    fn relative_expressions() {
        assert_eq!(d("yesterday"), Some((date(2024, 6, 25), Precision::Day)));
        assert_eq!(d("today"), Some((WED, Precision::Day)));
        assert_eq!(d("last night"), Some((date(2024, 6, 25), Precision::Day)));
        assert_eq!(d("the day before yesterday"), Some((date(2024, 6, 24), Precision::Day)));
        assert_eq!(d("last week"), Some((date(2024, 6, 17), Precision::Week)));
        assert_eq!(d("this week"), Some((date(2024, 6, 24), Precision::Week)));
        assert_eq!(d("last month"), Some((date(2024, 5, 1), Precision::Month)));
        assert_eq!(d("earlier this month"), Some((date(2024, 6, 1), Precision::Month)));
        assert_eq!(d("last year"), Some((date(2023, 1, 1), Precision::Year)));
        assert_eq!(d("two days ago"), Some((date(2024, 6, 24), Precision::Day)));
        assert_eq!(d("a week ago"), Some((date(2024, 6, 19), Precision::Week)));
        assert_eq!(d("more than two years ago"), Some((date(2022, 6, 26), Precision::Year)));
        assert_eq!(d("last weekend"), Some((date(2024, 6, 22), Precision::Week)));
        // Month boundaries and leap days do not panic.
        let mar31 = date(2024, 3, 31);
        assert_eq!(parse_date("last month", Some(mar31), Tense::Past).unwrap().date, date(2024, 2, 1));
        assert_eq!(parse_date("a year ago", Some(date(2024, 2, 29)), Tense::Past).unwrap().date, date(2023, 2, 28));
    }

    #[test]
    fn words_that_are_not_dates() {
        assert_eq!(d("Kiev may demand aid"), None);
        assert_eq!(d("troops march on"), None);
        assert_eq!(d("June Carter sang"), None);
        assert_eq!(d("1,348 soldiers"), None);
        assert_eq!(d("the 2014 annexation"), None);
        assert_eq!(d("February 30, 2023"), None);
        assert_eq!(d(""), None);
        // Relative dates need a publication date; dated ones do not.
        assert_eq!(parse_date("on Monday", None, Tense::Past), None);
        assert_eq!(parse_date("on March 15, 2023", None, Tense::Past).unwrap().date, date(2023, 3, 15));
        // Absurd counts fail quietly.
        assert_eq!(d("9999 years ago"), None);
    }

    #[test]
    fn found_dates_carry_span_and_preposition() {
        let text = "Putin, who started the war on February 24, 2022, said the Crimea was annexed in 2014 and held since 2014.";
        let found = find_dates(text, Some(WED), Tense::Past);
        let texts: Vec<(&str, Option<&str>)> = found.iter().map(|f| (f.text.as_str(), f.prep.as_deref())).collect();
        assert_eq!(texts, [("February 24, 2022", Some("on")), ("2014", Some("in")), ("2014", Some("since"))]);
        assert_eq!(&text[found[0].span.clone()], "February 24, 2022");
        assert!(is_date_word("Tuesday") && is_date_word("March") && !is_date_word("may") && !is_date_word("Kyiv"));
    }

    // ---- the tree layer, on hand-built parses --------------------------------------

    use crate::tree::sentence_from_rows as sentence;
    use dyad_model::Sentence;

    #[test]
    fn relative_clause_dates_its_own_verb_not_the_main_one() {
        // "Putin, who started the war on February 24, 2022, said the number was 1,348."
        let s = sentence(&[
            ("Putin", "Putin", "PROPN", 12, "nsubj"),
            (",", ",", "PUNCT", 4, "punct"),
            ("who", "who", "PRON", 4, "nsubj"),
            ("started", "start", "VERB", 1, "acl:relcl"),
            ("the", "the", "DET", 6, "det"),
            ("war", "war", "NOUN", 4, "obj"),
            ("on", "on", "ADP", 8, "case"),
            ("February", "February", "PROPN", 4, "obl"),
            ("24", "24", "NUM", 8, "nummod"),
            // The comma hangs on the root, as parsers sometimes have it.
            (",", ",", "PUNCT", 12, "punct"),
            ("2022", "2022", "NUM", 8, "nmod:tmod"),
            ("said", "say", "VERB", 0, "root"),
            ("the", "the", "DET", 13, "det"),
            ("number", "number", "NOUN", 15, "nsubj"),
            ("was", "be", "AUX", 15, "cop"),
            ("1,348", "1,348", "NUM", 12, "ccomp"),
        ]);
        let t = Tree::new(&s);
        let started = event_date(&t, 3, Some(WED)).unwrap();
        assert_eq!((started.date, started.source), (date(2022, 2, 24), DateSource::Text));
        let said = event_date(&t, 11, Some(WED)).unwrap();
        assert_eq!((said.date, said.source), (WED, DateSource::Publication));
        assert_eq!(event_date(&t, 11, None), None);
    }

    #[test]
    fn reported_and_conjoined_clauses_inherit_but_after_phrases_do_not_lend() {
        // "Ryder said on Tuesday that Austin stressed dialogue after talks on Sunday and
        //  called for calm."
        let s = sentence(&[
            ("Ryder", "Ryder", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("on", "on", "ADP", 4, "case"),
            ("Tuesday", "Tuesday", "PROPN", 2, "obl"),
            ("that", "that", "SCONJ", 7, "mark"),
            ("Austin", "Austin", "PROPN", 7, "nsubj"),
            ("stressed", "stress", "VERB", 2, "ccomp"),
            ("dialogue", "dialogue", "NOUN", 7, "obj"),
            ("after", "after", "ADP", 10, "case"),
            ("talks", "talk", "NOUN", 7, "obl"),
            ("on", "on", "ADP", 12, "case"),
            ("Sunday", "Sunday", "PROPN", 10, "nmod"),
            ("and", "and", "CCONJ", 14, "cc"),
            ("called", "call", "VERB", 7, "conj"),
            ("for", "for", "ADP", 16, "case"),
            ("calm", "calm", "NOUN", 14, "obl"),
        ]);
        let t = Tree::new(&s);
        assert_eq!(event_date(&t, 1, Some(WED)).unwrap().date, date(2024, 6, 25));
        assert_eq!(event_date(&t, 6, Some(WED)).unwrap().date, date(2024, 6, 25));
        assert_eq!(event_date(&t, 13, Some(WED)).unwrap().date, date(2024, 6, 25));
        // The talks themselves are dated by their own phrase.
        assert_eq!(event_date(&t, 9, Some(WED)).unwrap().date, date(2024, 6, 23));
    }

    #[test]
    fn a_date_inside_the_target_phrase_dates_the_verb() {
        // "According to Ryder, Austin last spoke to his Russian counterpart on March 15,
        //  2023." as the parser has it: the verb hangs on "Ryder" as parataxis and the
        //  date on "counterpart".
        let s = sentence(&[
            ("According", "accord", "VERB", 3, "case"),
            ("to", "to", "ADP", 1, "fixed"),
            ("Ryder", "Ryder", "PROPN", 0, "root"),
            (",", ",", "PUNCT", 5, "punct"),
            ("Austin", "Austin", "PROPN", 3, "appos"),
            ("last", "last", "ADJ", 7, "advmod"),
            ("spoke", "speak", "VERB", 3, "parataxis"),
            ("to", "to", "ADP", 11, "case"),
            ("his", "his", "PRON", 11, "nmod:poss"),
            ("Russian", "Russian", "ADJ", 11, "amod"),
            ("counterpart", "counterpart", "NOUN", 7, "obl"),
            ("on", "on", "ADP", 14, "case"),
            ("March", "March", "PROPN", 14, "nmod:unmarked"),
            ("15", "15", "NUM", 11, "nmod"),
            (",", ",", "PUNCT", 14, "punct"),
            ("2023", "2023", "NUM", 14, "nmod:unmarked"),
            (".", ".", "PUNCT", 3, "punct"),
        ]);
        let t = Tree::new(&s);
        let spoke = event_date(&t, 6, Some(WED)).unwrap();
        assert_eq!((spoke.date, spoke.source), (date(2023, 3, 15), DateSource::Text));
    }

    #[test]
    fn future_clause_points_forward() {
        // "Austin will meet Belousov on Monday."
        let s = sentence(&[
            ("Austin", "Austin", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("meet", "meet", "VERB", 0, "root"),
            ("Belousov", "Belousov", "PROPN", 3, "obj"),
            ("on", "on", "ADP", 6, "case"),
            ("Monday", "Monday", "PROPN", 3, "obl"),
        ]);
        let t = Tree::new(&s);
        assert_eq!(clause_tense(&t, 2), Tense::Future);
        assert_eq!(event_date(&t, 2, Some(WED)).unwrap().date, date(2024, 7, 1));
    }

    #[test]
    fn random_word_salad_and_random_trees_do_not_panic() {
        const VOCAB: &[&str] = &[
            "", "-", ",", ".", "the", "of", "on", "in", "since", "end", "beginning", "mid", "mid-", "mid-June", "early",
            "late", "last", "next", "this", "earlier", "week", "weekend", "month", "year", "night", "ago", "more", "than",
            "a", "two", "0", "00", "31st", "32", "29", "99999", "2024", "0000", "9999", "February", "Feb.", "May", "may",
            "Monday", "monday", "yesterday", "tomorrow", "day", "before", "2024-02-30", "2024-13-01", "9999-12-31", "th",
        ];
        let mut next = crate::test_random(0x9e37_79b9_7f4a_7c15);
        let dates = [Date::MIN, Date::MAX, date(2024, 2, 29), WED, date(1, 1, 1)];
        for _ in 0..20_000 {
            let len = next(9);
            let words: Vec<&str> = (0..len).map(|_| VOCAB[next(VOCAB.len())]).collect();
            let published = dates[next(dates.len())];
            let tense = if next(2) == 0 { Tense::Past } else { Tense::Future };
            for m in scan_words(&words, Some(published), tense) {
                assert!(m.start < m.end && m.end <= words.len(), "{words:?}");
            }
            let rows: Vec<(&str, &str, &str, usize, &str)> =
                words.iter().map(|&w| (w, w, ["NOUN", "VERB", "PROPN", "ADP", ""][next(5)], next(len + 2), ["obl", "conj", "acl:relcl", "case", "ccomp", "parataxis", "nsubj"][next(7)])).collect();
            let s = sentence(&rows);
            let t = Tree::new(&s);
            for a in 0..=len {
                let _ = event_date(&t, a, Some(published));
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let none = Sentence::default();
        let empty = Tree::new(&none);
        assert_eq!(event_date(&empty, 0, Some(WED)).unwrap().source, DateSource::Publication);
        let s = sentence(&[("on", "", "", 99, ""), ("Monday", "", "", 1, "")]);
        let t = Tree::new(&s);
        assert!(event_date(&t, 1, Some(WED)).is_some());
        assert!(event_date(&t, 7, None).is_none());
        assert!(find_dates("’s 's - -- mid- the end of", Some(WED), Tense::Past).is_empty());
    }
}
