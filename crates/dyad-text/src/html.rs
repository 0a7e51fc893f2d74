//! Main text and metadata from an HTML page.
//!
//! Readability-style extraction (`dom_smoothie`) finds the article body and drops
//! navigation, ads and scripts; it also reads the title and the publication date from
//! `<title>`, `og:`/`article:published_time` meta tags and JSON-LD `datePublished`.
//! Readability heuristics can reject a short wire story, so the fallback is the plain
//! text of every `<p>` on the page.

use dom_smoothie::{Config, Readability, TextMode};

/// What the page gives us.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    /// As written on the page (ISO 8601 usually); parsed by the caller.
    pub published: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Paragraphs separated by blank lines.
    pub text: String,
}

/// Extract the main text of `html`. Never fails: a page with no recognizable article
/// gives its paragraphs, and a page with none of those gives empty text.
pub fn extract(html: &str) -> Page {
    let config = Config { text_mode: TextMode::Formatted, ..Default::default() };
    let mut page = Page::default();
    // Readability scoring walks ancestors of every node, which on pathological nesting
    // (thousands of unclosed tags) takes minutes; such pages get the plain fallback.
    let readable = nesting_depth(html) <= MAX_READABILITY_DEPTH;
    if let Some(Ok(mut readability)) = readable.then(|| Readability::new(html, None, Some(config))) {
        if let Ok(article) = readability.parse() {
            page.title = non_empty(article.title);
            page.published = article.published_time.and_then(non_empty);
            page.url = article.url.and_then(non_empty);
            page.outlet = article.site_name.and_then(non_empty);
            page.text = normalize_paragraphs(&article.text_content);
        }
    }
    if page.text.trim().is_empty() {
        let doc = dom_query::Document::from(html);
        let paragraphs: Vec<String> = doc
            .select("p")
            .iter()
            .map(|p| collapse_spaces(&p.text()))
            .filter(|p| !p.is_empty())
            .collect();
        page.text = paragraphs.join("\n\n");
        if page.title.is_none() {
            page.title = non_empty(collapse_spaces(&doc.select("title").text()));
        }
    }
    page
}

const MAX_READABILITY_DEPTH: usize = 512;

/// The deepest element nesting in `html`, estimated from its tags (void and
/// self-closing tags do not nest). Cheap: one pass over the bytes, no allocation.
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&[u8]] = &[b"br", b"img", b"hr", b"meta", b"link", b"input", b"area", b"base", b"col", b"embed", b"source", b"track", b"wbr", b"param"];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    for i in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[i + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_start = if closing { 1 } else { 0 };
        let name_len = rest[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            continue;
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if closing {
            depth = depth.saturating_sub(1);
        } else if !VOID.contains(&name.as_slice()) {
            let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
            if !rest[..end].ends_with(b"/") {
                depth += 1;
                max = max.max(depth);
            }
        }
    }
    max
}

fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One paragraph per block, spaces collapsed inside, blank lines between.
fn normalize_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(collapse_spaces)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Austin speaks to Belousov | Example News</title>
<meta property="og:title" content="Austin speaks to Belousov">
<meta property="article:published_time" content="2024-06-26T08:15:00Z">
<script>var ads = "Moscow threatened nobody";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Austin speaks to Belousov</h1>
<p>US Secretary of Defense Lloyd Austin has spoken to his Russian counterpart Andrei Belousov in a rare exchange following threats from Moscow, the Pentagon said on Tuesday.</p>
<p>During the conversation, Austin stressed that in view of the war it is important to maintain lines of communication, Pentagon spokesman Pat Ryder said in a statement.</p>
<p>The Russian Defense Ministry announced on Wednesday night that both sides had exchanged views on the war in Ukraine and other issues of mutual concern.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>"#;

    #[test]
    fn extracts_main_text_title_and_date_and_drops_furniture() {
        let page = extract(PAGE);
        assert_eq!(page.title.as_deref(), Some("Austin speaks to Belousov"));
        assert_eq!(page.published.as_deref().map(|d| &d[..10]), Some("2024-06-26"));
        assert!(page.text.contains("Lloyd Austin has spoken"), "{}", page.text);
        assert!(page.text.contains("\n\n"), "paragraphs kept apart: {}", page.text);
        assert!(!page.text.contains("Subscribe"), "{}", page.text);
        assert!(!page.text.contains("threatened nobody"), "{}", page.text);
        assert!(!page.text.contains("Sport"), "{}", page.text);
    }

    #[test]
    fn json_ld_date_is_read() {
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks","datePublished":"2023-03-15T10:00:00+00:00"}</script></head><body><p>Short.</p></body></html>"#;
        let page = extract(html);
        assert_eq!(page.published.as_deref().map(|d| &d[..10]), Some("2023-03-15"));
    }

    #[test]
    fn broken_and_deeply_nested_html_does_not_panic() {
        const DEPTH: usize = 20_000;
        let nested = "<div>".repeat(DEPTH) + "<p>Deep text.</p>";
        let page = extract(&nested);
        assert!(page.text.contains("Deep text"));
        let broken = "<html><p>Unclosed <b>bold <i>mess</p></div></span>< / >";
        let _ = extract(broken);
        assert_eq!(extract("").text, "");
    }

    #[test]
    fn nesting_depth_counts_open_elements() {
        assert_eq!(nesting_depth("<html><body><p>a<br>b<img src=x/></p></body></html>"), 3);
        assert_eq!(nesting_depth(&"<div>".repeat(600)), 600);
    }
}
