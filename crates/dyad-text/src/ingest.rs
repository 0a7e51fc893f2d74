//! Ingest: files, folders and stdin into [`Article`]s.
//!
//! Three input formats reach dyad: plain text (a first line followed by a blank line is
//! the title), JSON Lines (one article per line with `id`, `url`, `outlet`, `published`,
//! `title`, `text`; unknown fields ignored) and HTML pages (main text extracted, see
//! [`crate::html`]). A folder is read recursively, each file by its extension; a named
//! file or stdin with no telling extension is recognized by its first character.
//!
//! Bad input never stops a batch: each unreadable file, empty or binary file and
//! malformed JSON line becomes one [`IngestError`] naming the file (and line), and the
//! reader goes on with the next.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use dyad_model::{Article, Date};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// The input formats dyad reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonl,
    Html,
}

impl Format {
    /// The format a file extension stands for.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guess from content: HTML starts with `<`, JSON Lines with `{`.
    fn sniff(text: &str) -> Format {
        match text.trim_start().chars().next() {
            Some('<') => Format::Html,
            Some('{') => Format::Jsonl,
            _ => Format::Text,
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication date for articles whose input carries none.
    pub date: Option<Date>,
    /// Force a format instead of going by extension or content.
    pub format: Option<Format>,
}

/// One input that could not be read, or one record in it that could not.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct IngestError {
    /// The file path, or `<stdin>`.
    pub source_name: String,
    pub line: Option<usize>,
    pub message: String,
}

/// Where to read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

/// Reads every input in turn, yielding articles and errors in input order.
pub struct Reader {
    options: Options,
    inputs: VecDeque<Input>,
    pending: VecDeque<Result<Article, IngestError>>,
    jsonl: Option<JsonLines>,
}

struct JsonLines {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
}

/// Read `inputs` (stdin when empty).
pub fn read(inputs: &[PathBuf], options: Options) -> Reader {
    let inputs = if inputs.is_empty() {
        VecDeque::from([Input::Stdin])
    } else {
        inputs.iter().map(|p| if p.as_os_str() == "-" { Input::Stdin } else { Input::Path(p.clone()) }).collect()
    };
    Reader { options, inputs, pending: VecDeque::new(), jsonl: None }
}

impl Iterator for Reader {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some(jsonl) = &mut self.jsonl {
                match next_json_line(jsonl, &self.options) {
                    Some(item) => return Some(item),
                    None => {
                        self.jsonl = None;
                        continue;
                    }
                }
            }
            let input = self.inputs.pop_front()?;
            self.open(input);
        }
    }
}

impl Reader {
    fn open(&mut self, input: Input) {
        match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                    self.pending.push_back(Err(err("<stdin>", None, format!("cannot read: {e}"))));
                    return;
                }
                self.from_bytes("<stdin>", None, bytes);
            }
            Input::Path(path) if path.is_dir() => {
                let mut files = Vec::new();
                for entry in walkdir::WalkDir::new(&path).sort_by_file_name() {
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            let hidden = e.file_name().to_str().is_some_and(|n| n.starts_with('.'));
                            if !hidden {
                                files.push(e.into_path());
                            }
                        }
                        Ok(_) => {}
                        Err(e) => self.pending.push_back(Err(err(&path.display().to_string(), None, format!("cannot list: {e}")))),
                    }
                }
                for file in files.into_iter().rev() {
                    if Format::from_extension(&file).is_some() || self.options.format.is_some() {
                        self.inputs.push_front(Input::Path(file));
                    } else {
                        self.pending.push_back(Err(err(
                            &file.display().to_string(),
                            None,
                            "skipped: not a .txt, .jsonl or .html file (name it on the command line to read it anyway)".into(),
                        )));
                    }
                }
            }
            Input::Path(path) => {
                let name = path.display().to_string();
                let format = self.options.format.or_else(|| Format::from_extension(&path));
                if format == Some(Format::Jsonl) {
                    match File::open(&path) {
                        Ok(f) => self.jsonl = Some(JsonLines { name, reader: Box::new(BufReader::new(f)), line: 0 }),
                        Err(e) => self.pending.push_back(Err(err(&name, None, format!("cannot open: {e}")))),
                    }
                    return;
                }
                match std::fs::read(&path) {
                    Ok(bytes) => self.from_bytes(&name, format, bytes),
                    Err(e) => self.pending.push_back(Err(err(&name, None, format!("cannot read: {e}")))),
                }
            }
        }
    }

    fn from_bytes(&mut self, name: &str, format: Option<Format>, bytes: Vec<u8>) {
        let text = match decode(name, bytes) {
            Ok(t) => t,
            Err(e) => {
                self.pending.push_back(Err(e));
                return;
            }
        };
        let format = format.unwrap_or_else(|| Format::sniff(&text));
        match format {
            Format::Text => self.pending.push_back(Ok(plain_text(text, &self.options))),
            Format::Html => self.pending.push_back(html_article(name, &text, &self.options)),
            Format::Jsonl => {
                self.jsonl = Some(JsonLines {
                    name: name.to_string(),
                    reader: Box::new(std::io::Cursor::new(text.into_bytes())),
                    line: 0,
                })
            }
        }
    }
}

fn err(name: &str, line: Option<usize>, message: String) -> IngestError {
    IngestError { source_name: name.to_string(), line, message }
}

/// Bytes to text: empty and binary files are errors; text that is not UTF-8 is read as
/// Windows-1252, the usual encoding of older news archives.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err(name, None, "empty file".into()));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Err(err(name, None, "binary file (it contains NUL bytes); dyad reads text, JSON Lines and HTML".into()));
    }
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => encoding_rs::WINDOWS_1252.decode(e.as_bytes()).0.into_owned(),
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    // A stray NUL further in would end up in tokens; it carries no text.
    Ok(if text.contains('\0') { text.replace('\0', " ") } else { text })
}

/// A stable id for an article that has none: a hash of its text.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A plain-text article: a first line followed by a blank line is the title.
pub fn plain_text(text: String, options: &Options) -> Article {
    let mut lines = text.trim_start().lines();
    let first = lines.next().unwrap_or("").trim();
    let second = lines.next();
    let title = (second.is_some_and(|l| l.trim().is_empty()) && !first.is_empty() && first.len() < 300)
        .then(|| first.to_string());
    Article { id: content_id(&text), published: options.date, title, text, ..Default::default() }
}

fn html_article(name: &str, html: &str, options: &Options) -> Result<Article, IngestError> {
    let page = crate::html::extract(html);
    if page.text.trim().is_empty() {
        return Err(err(name, None, "no article text found in the HTML page".into()));
    }
    Ok(Article {
        id: content_id(&page.text),
        url: page.url,
        outlet: page.outlet,
        published: page.published.as_deref().and_then(parse_date).or(options.date),
        title: page.title,
        text: page.text,
        dateline: None,
    })
}

/// A date from the start of an ISO 8601 date or date-time ("2024-06-26T08:15:00Z").
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    s.get(..10).unwrap_or(s).parse().ok()
}

#[derive(Deserialize)]
struct JsonArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, alias = "source", alias = "site")]
    outlet: Option<String>,
    #[serde(default, alias = "date", alias = "publish_date", alias = "date_published")]
    published: Option<String>,
    #[serde(default, alias = "headline")]
    title: Option<String>,
    #[serde(default, alias = "body", alias = "content")]
    text: Option<String>,
}

fn next_json_line(src: &mut JsonLines, options: &Options) -> Option<Result<Article, IngestError>> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        src.line += 1;
        match src.reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => return Some(Err(err(&src.name, Some(src.line), format!("cannot read: {e}")))),
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line = src.line;
        let parsed: JsonArticle = match serde_json::from_slice(&buf) {
            Ok(a) => a,
            Err(e) => return Some(Err(err(&src.name, Some(line), format!("malformed JSON: {e}")))),
        };
        let Some(text) = parsed.text.filter(|t| !t.trim().is_empty()) else {
            return Some(Err(err(&src.name, Some(line), "no \"text\" field (or it is empty)".into())));
        };
        let published = match parsed.published.as_deref().filter(|p| !p.trim().is_empty()) {
            None => options.date,
            Some(p) => match parse_date(p) {
                Some(d) => Some(d),
                None => return Some(Err(err(&src.name, Some(line), format!("\"published\" is not a date (YYYY-MM-DD): {p:?}")))),
            },
        };
        let id = match parsed.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => content_id(&text),
        };
        return Some(Ok(Article { id, url: parsed.url, outlet: parsed.outlet, published, title: parsed.title, text, dateline: None }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn tmp(name: &str, content: &[u8]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dyad-ingest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::File::create(&p).unwrap().write_all(content).unwrap();
        p
    }

    #[test]
    fn plain_text_title_and_date() {
        let a = plain_text("Austin calls Belousov\n\nThe call lasted an hour.\n".into(), &Options { date: parse_date("2024-06-26"), format: None });
        assert_eq!(a.title.as_deref(), Some("Austin calls Belousov"));
        assert_eq!(a.published.unwrap().to_string(), "2024-06-26");
        assert_eq!(a.id.len(), 16);
        assert_eq!(a.id, plain_text("Austin calls Belousov\n\nThe call lasted an hour.\n".into(), &Options::default()).id, "ids are stable");
    }

    #[test]
    fn jsonl_bad_line_is_reported_and_the_rest_read() {
        let p = tmp("batch.jsonl", b"{\"id\":\"a\",\"text\":\"One.\",\"published\":\"2024-06-26T10:00:00Z\",\"extra\":1}\n\n{\"id\": broken\n{\"text\":\"Three.\"}\n{\"id\":\"b\"}\n");
        let items: Vec<_> = read(&[p.clone()], Options::default()).collect();
        assert_eq!(items.len(), 4);
        let a = items[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.published.unwrap().to_string().as_str()), ("a", "2024-06-26"));
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().starts_with(&format!("{}:3: malformed JSON", p.display())), "{e}");
        assert_eq!(items[2].as_ref().unwrap().text, "Three.");
        assert!(items[3].as_ref().unwrap_err().message.contains("no \"text\""));
    }

    #[test]
    fn empty_binary_missing_and_latin1_files() {
        let empty = tmp("empty.txt", b"");
        let binary = tmp("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0IHDR");
        let latin1 = tmp("old.txt", b"Caf\xe9 talks in K\xf6ln.");
        let missing = PathBuf::from("/nonexistent/story.txt");
        let items: Vec<_> = read(&[empty, binary, latin1, missing], Options::default()).collect();
        assert!(items[0].as_ref().unwrap_err().message.contains("empty"));
        assert!(items[1].as_ref().unwrap_err().message.contains("binary"));
        assert_eq!(items[2].as_ref().unwrap().text, "Café talks in Köln.");
        let e = items[3].as_ref().unwrap_err();
        assert!(e.to_string().starts_with("/nonexistent/story.txt: cannot read"), "{e}");
    }

    #[test]
    fn folders_are_read_recursively_by_extension() {
        let dir = std::env::temp_dir().join(format!("dyad-folder-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.txt"), "One story.").unwrap();
        std::fs::write(dir.join("sub/b.html"), "<html><body><p>Another story about talks.</p></body></html>").unwrap();
        std::fs::write(dir.join("sub/c.pdf"), "%PDF").unwrap();
        std::fs::write(dir.join(".hidden.txt"), "x").unwrap();
        let items: Vec<_> = read(&[dir], Options::default()).collect();
        let ok: Vec<_> = items.iter().filter_map(|r| r.as_ref().ok()).map(|a| a.text.as_str()).collect();
        assert_eq!(ok, ["One story.", "Another story about talks."]);
        let skipped: Vec<_> = items.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].source_name.ends_with("c.pdf"));
    }

    #[test]
    fn html_is_sniffed_without_extension() {
        let p = tmp("page", b"<html><head><title>T</title></head><body><p>Moscow threatened Washington on Monday.</p></body></html>");
        let a = read(&[p], Options::default()).next().unwrap().unwrap();
        assert!(a.text.contains("Moscow threatened Washington"));
    }
}
