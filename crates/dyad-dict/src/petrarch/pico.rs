//! UniversalPetrarch's internal coding ontology (PICO): `CAMEO:VALUE` lines mapping each
//! CAMEO code to the hexadecimal code UniversalPetrarch composes verb meanings with
//! ("A will [help B]" = will 0x3000 + help 0x0040 = 0x3040 = 033). A value is a sum of
//! hex numbers with `+` and `-` (`1221:-0xFFFF+0x2045+0x300`).

use crate::diag::{FileId, Origin, Sink};
use crate::petrarch::significant_lines;

/// One PICO mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PicoEntry {
    pub code: Box<str>,
    pub value: i64,
    pub origin: Origin,
}

pub(crate) fn parse(text: &str, file: FileId, sink: &mut Sink) -> Vec<PicoEntry> {
    let mut out = Vec::new();
    for (n, line) in significant_lines(text, false) {
        let t = line.trim();
        let Some((code, expr)) = t.split_once(':') else {
            sink.error(n, format!("expected CODE:VALUE, found {t:?}"));
            continue;
        };
        let code = code.trim();
        // `---` is the null code (no event), which PICO maps too.
        if code.is_empty() || !(code == "---" || code.bytes().all(|b| b.is_ascii_digit())) {
            sink.error(n, format!("bad CAMEO code {code:?}"));
            continue;
        }
        match eval(expr.trim()) {
            Ok(value) => out.push(PicoEntry { code: code.into(), value, origin: Origin { file, line: n } }),
            Err(e) => sink.error(n, e),
        }
    }
    out
}

/// Evaluates `[-]0xHEX ([+-]0xHEX)*`.
fn eval(expr: &str) -> Result<i64, String> {
    if expr.is_empty() {
        return Err("empty value".into());
    }
    let mut total: i64 = 0;
    let mut sign: i64 = 1;
    let mut rest = expr;
    let mut expect_number = true;
    while !rest.is_empty() {
        rest = rest.trim_start();
        if expect_number {
            if let Some(r) = rest.strip_prefix('-') {
                sign = -sign;
                rest = r;
                continue;
            }
            if let Some(r) = rest.strip_prefix('+') {
                rest = r;
                continue;
            }
            // Hex as a rule (`0x1000`); `---:0` uses a plain decimal.
            let (r, radix) = match rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
                Some(r) => (r, 16),
                None => (rest, 10),
            };
            let end = r.find(|c: char| !c.is_digit(radix)).unwrap_or(r.len());
            if end == 0 || end > 15 {
                return Err(format!("bad value {expr:?}: expected a number like 0x1000"));
            }
            let v = i64::from_str_radix(&r[..end], radix).map_err(|_| format!("bad number in {expr:?}"))?;
            total = total.checked_add(sign * v).ok_or_else(|| format!("value {expr:?} overflows"))?;
            sign = 1;
            rest = &r[end..];
            expect_number = false;
        } else {
            match rest.as_bytes()[0] {
                b'+' => sign = 1,
                b'-' => sign = -1,
                _ => return Err(format!("bad value {expr:?}: expected + or -")),
            }
            rest = &rest[1..];
            expect_number = true;
        }
    }
    if expect_number {
        return Err(format!("value {expr:?} ends with an operator"));
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(eval("0x1000"), Ok(0x1000));
        assert_eq!(eval("0x1000-0xFFFF"), Ok(0x1000 - 0xFFFF));
        assert_eq!(eval("-0xFFFF+0x2045+0x300"), Ok(-0xFFFF + 0x2045 + 0x300));
        assert!(eval("0x").is_err());
        assert_eq!(eval("0"), Ok(0));
        assert!(eval("x12").is_err());
        assert!(eval("0x10+").is_err());
        assert!(eval("0x10*0x2").is_err());
    }

    #[test]
    fn file_with_comments_and_crlf() {
        let text = "# PICO -->\r\n\r\n010:0x1000#Make Public Statement\r\n011:0x1000-0xFFFF\r\n110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\r\nbad\r\n";
        let mut sink = Sink::new("p.txt");
        let e = parse(text, FileId(0), &mut sink);
        assert_eq!(e.len(), 3);
        assert_eq!((&*e[0].code, e[0].value), ("010", 0x1000));
        assert_eq!(e[2].value, 0x1007f);
        assert_eq!(sink.out[0].to_string(), "p.txt:6: error: expected CODE:VALUE, found \"bad\"");
    }
}
