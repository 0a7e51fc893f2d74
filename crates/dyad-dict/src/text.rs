//! Turning the bytes of a dictionary file into lines, leniently.
//!
//! The PETRARCH dictionaries were edited on several systems over two decades: some use
//! CRLF line ends, some carry stray Latin-1 bytes, and UniversalPetrarch's copy of
//! `Phoenix.Countries.actors.txt` has a NUL byte in the middle of a name. None of that
//! should cost more than a warning, so decoding never fails.

use crate::diag::Sink;

/// Decodes `bytes` as UTF-8; bytes that are not valid UTF-8 are read as Latin-1 (the
/// most likely legacy encoding of these files) and NUL bytes are dropped, each with a
/// warning naming the line.
pub(crate) fn decode(bytes: &[u8], sink: &mut Sink) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = String::with_capacity(bytes.len());
    let mut line: u32 = 1;
    let mut bad_lines: Vec<u32> = Vec::new();
    let mut nul_lines: Vec<u32> = Vec::new();
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        for c in valid.chars() {
            match c {
                '\n' => {
                    line += 1;
                    out.push('\n');
                }
                '\0' => {
                    if nul_lines.last() != Some(&line) {
                        nul_lines.push(line);
                    }
                }
                _ => out.push(c),
            }
        }
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            if bad_lines.last() != Some(&line) {
                bad_lines.push(line);
            }
            for &b in invalid {
                out.push(b as char);
            }
        }
    }
    for l in bad_lines {
        sink.warn(l, "bytes that are not UTF-8 (read as Latin-1)");
    }
    for l in nul_lines {
        sink.warn(l, "NUL byte removed");
    }
    out
}

/// The lines of `text` with their 1-based numbers, without line terminators (`\n`,
/// `\r\n` or a lone `\r` at the end).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (u32, &str)> {
    text.split('\n').enumerate().map(|(i, l)| (i as u32 + 1, l.strip_suffix('\r').unwrap_or(l)))
}

/// Strips `<!-- ... -->` comments, which in PETRARCH files may span lines, keeping the
/// line numbering: a commented-out region becomes empty lines.
pub(crate) struct XmlComments {
    inside: bool,
}

impl XmlComments {
    pub(crate) fn new() -> Self {
        XmlComments { inside: false }
    }

    /// The part of `line` outside XML comments.
    pub(crate) fn strip<'a>(&mut self, line: &'a str) -> std::borrow::Cow<'a, str> {
        if !self.inside && !line.contains("<!--") {
            return std::borrow::Cow::Borrowed(line);
        }
        let mut out = String::new();
        let mut rest = line;
        loop {
            if self.inside {
                match rest.find("-->") {
                    Some(i) => {
                        rest = &rest[i + 3..];
                        self.inside = false;
                    }
                    None => return std::borrow::Cow::Owned(out),
                }
            } else {
                match rest.find("<!--") {
                    Some(i) => {
                        out.push_str(&rest[..i]);
                        rest = &rest[i + 4..];
                        self.inside = true;
                    }
                    None => {
                        out.push_str(rest);
                        return std::borrow::Cow::Owned(out);
                    }
                }
            }
        }
    }
}

/// `line` without a `#` comment. PETRARCH and dyad files both use `#` to the end of the
/// line; no dictionary word contains `#`.
pub(crate) fn strip_hash_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_latin1_nul_and_crlf_with_warnings() {
        let mut sink = Sink::new("t.txt");
        let text = decode(b"ok\r\nTIRUCHIR\0PPALLI\ncaf\xe9\n", &mut sink);
        let got: Vec<_> = lines(&text).collect();
        assert_eq!(got, vec![(1, "ok"), (2, "TIRUCHIRPPALLI"), (3, "café"), (4, "")]);
        let msgs: Vec<String> = sink.out.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            msgs,
            vec![
                "t.txt:3: warning: bytes that are not UTF-8 (read as Latin-1)",
                "t.txt:2: warning: NUL byte removed"
            ]
        );
    }

    #[test]
    fn xml_comments_span_lines() {
        let mut c = XmlComments::new();
        assert_eq!(c.strip("a <!-- b --> c"), "a  c");
        assert_eq!(c.strip("x <!-- start"), "x ");
        assert_eq!(c.strip("still inside"), "");
        assert_eq!(c.strip("end --> after"), " after");
        assert_eq!(c.strip("plain"), "plain");
    }
}
