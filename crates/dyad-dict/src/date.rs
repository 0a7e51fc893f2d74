//! Date ranges on actor codes: dyad's `FROM..TO` and PETRARCH's `<d`, `>d`, `d-d`.

use jiff::civil::Date;

/// An inclusive range of days; `None` on a side means open (since forever / until now).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DateRange {
    /// The range with no bounds: valid on every date.
    pub const ALWAYS: DateRange = DateRange { from: None, to: None };

    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }

    pub fn is_always(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// True when some day lies in both ranges.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        let starts_before_other_ends = match (self.from, other.to) {
            (Some(f), Some(t)) => f <= t,
            _ => true,
        };
        let other_starts_before_self_ends = match (other.from, self.to) {
            (Some(f), Some(t)) => f <= t,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_self_ends
    }

    /// True when the ranges share more than a handover day. Ranges are inclusive, so a
    /// change of office written `..2019-08-21` then `2019-08-21..` shares that one day;
    /// that is how handovers are naturally written, not a contradiction.
    pub fn overlaps_beyond_handover(&self, other: &DateRange) -> bool {
        let handover = |a: &DateRange, b: &DateRange| a.to.is_some() && a.to == b.from;
        self.overlaps(other) && !handover(self, other) && !handover(other, self)
    }

    /// Days from `date` to the nearest day of the range (0 inside it); used to pick "the
    /// nearest role in time" for a date outside every role.
    pub fn distance_days(&self, date: Date) -> i64 {
        if let Some(f) = self.from {
            if date < f {
                return days_between(date, f);
            }
        }
        if let Some(t) = self.to {
            if date > t {
                return days_between(t, date);
            }
        }
        0
    }
}

impl std::fmt::Display for DateRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.from, self.to) {
            (None, None) => f.write_str(".."),
            (Some(a), None) => write!(f, "{a}.."),
            (None, Some(b)) => write!(f, "..{b}"),
            (Some(a), Some(b)) => write!(f, "{a}..{b}"),
        }
    }
}

fn days_between(a: Date, b: Date) -> i64 {
    // Dates here come from dictionary files (years 1000..9999), so the span always fits.
    a.until(b).map(|s| s.get_days() as i64).unwrap_or(i64::MAX)
}

/// Which end of a range a partial date stands for: `2024` means 2024-01-01 on the left
/// and 2024-12-31 on the right.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    Start,
    Finish,
}

/// Parses dyad's `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub(crate) fn parse_dyad_date(s: &str, end: End) -> Result<Date, String> {
    let bad = || format!("bad date {s:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    let parts: Vec<&str> = s.split('-').collect();
    if parts.is_empty() || parts.len() > 3 {
        return Err(bad());
    }
    let num = |p: &str, len: usize| -> Result<i32, String> {
        if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse::<i32>().map_err(|_| bad())
    };
    let year = num(parts[0], 4)?;
    if year == 0 {
        return Err(bad());
    }
    let month = if parts.len() > 1 { Some(num(parts[1], 2)?) } else { None };
    let day = if parts.len() > 2 { Some(num(parts[2], 2)?) } else { None };
    let y = year as i16;
    match (month, day) {
        (None, _) => {
            let (m, d) = if end == End::Start { (1, 1) } else { (12, 31) };
            Date::new(y, m, d).map_err(|_| bad())
        }
        (Some(m), None) => {
            if !(1..=12).contains(&m) {
                return Err(format!("bad month in date {s:?}"));
            }
            let first = Date::new(y, m as i8, 1).map_err(|_| bad())?;
            Ok(if end == End::Start { first } else { first.last_of_month() })
        }
        (Some(m), Some(d)) => {
            Date::new(y, m as i8, d as i8).map_err(|_| format!("no such day: {s:?}"))
        }
    }
}

/// Parses dyad's dates field: empty (always), a range `FROM..TO` with optional ends, or
/// a single date (the whole year, month or day it names).
pub(crate) fn parse_dyad_range(s: &str) -> Result<DateRange, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(DateRange::ALWAYS);
    }
    let (from, to) = match s.split_once("..") {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (s, s),
    };
    let from = if from.is_empty() { None } else { Some(parse_dyad_date(from, End::Start)?) };
    let to = if to.is_empty() { None } else { Some(parse_dyad_date(to, End::Finish)?) };
    if let (Some(a), Some(b)) = (from, to) {
        if b < a {
            return Err(format!("range {s:?} ends before it starts"));
        }
    }
    Ok(DateRange { from, to })
}

/// Parses a PETRARCH/TABARI date: `YYYYMMDD`, or `YYMMDD` where, as in KEDS and TABARI,
/// `00`–`30` are 20YY and the rest 19YY.
pub(crate) fn parse_petrarch_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("bad date {s:?}"));
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i16 = s[..2].parse().map_err(|_| format!("bad date {s:?}"))?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse::<i16>().map_err(|_| format!("bad date {s:?}"))?, &s[4..]),
        n => return Err(format!("date {s:?} has {n} digits (expected YYMMDD or YYYYMMDD)")),
    };
    let m: i8 = rest[..2].parse().map_err(|_| format!("bad date {s:?}"))?;
    let d: i8 = rest[2..].parse().map_err(|_| format!("bad date {s:?}"))?;
    Date::new(y, m, d).map_err(|_| format!("no such day: {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dyad_ranges() {
        let r = parse_dyad_range("2024-05-14..").unwrap();
        assert_eq!(r, DateRange { from: Some(date(2024, 5, 14)), to: None });
        let r = parse_dyad_range("2021..2022-02").unwrap();
        assert_eq!(r.from, Some(date(2021, 1, 1)));
        assert_eq!(r.to, Some(date(2022, 2, 28)));
        assert!(r.contains(date(2022, 2, 28)) && !r.contains(date(2022, 3, 1)));
        assert_eq!(parse_dyad_range("").unwrap(), DateRange::ALWAYS);
        assert_eq!(parse_dyad_range("2024").unwrap().to, Some(date(2024, 12, 31)));
        assert!(parse_dyad_range("2024-13").is_err());
        assert!(parse_dyad_range("2024-02-30").is_err());
        assert!(parse_dyad_range("2025..2024").is_err());
        assert!(parse_dyad_range("24-01-01").is_err());
    }

    #[test]
    fn petrarch_dates_pivot_at_30() {
        assert_eq!(parse_petrarch_date("140608").unwrap(), date(2014, 6, 8));
        assert_eq!(parse_petrarch_date("300101").unwrap(), date(2030, 1, 1));
        assert_eq!(parse_petrarch_date("310101").unwrap(), date(1931, 1, 1));
        assert_eq!(parse_petrarch_date("19270101").unwrap(), date(1927, 1, 1));
        assert!(parse_petrarch_date("2004017").is_err());
        assert!(parse_petrarch_date("100231").is_err());
    }

    #[test]
    fn overlap_and_distance() {
        let a = parse_dyad_range("2012-11-06..2024-05-12").unwrap();
        let b = parse_dyad_range("2024-05-12..").unwrap();
        let c = parse_dyad_range("2024-05-13..").unwrap();
        assert!(a.overlaps(&b) && b.overlaps(&a));
        assert!(!a.overlaps(&c));
        assert!(!a.overlaps_beyond_handover(&b) && !b.overlaps_beyond_handover(&a));
        let d = parse_dyad_range("2024-05-01..").unwrap();
        assert!(a.overlaps_beyond_handover(&d));
        assert!(DateRange::ALWAYS.overlaps(&a));
        assert_eq!(c.distance_days(date(2024, 5, 10)), 3);
        assert_eq!(a.distance_days(date(2024, 5, 14)), 2);
        assert_eq!(a.distance_days(date(2020, 1, 1)), 0);
    }
}
