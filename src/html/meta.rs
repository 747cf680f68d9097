//! The page's metadata, read during the same walk as its text: the `<title>`, the Open Graph and
//! Twitter card titles, `<meta name=author>`, and JSON-LD's `headline` and `author` (in any object
//! of the script, `@graph` lists included).

use scraper::node::{Element, Text};
use serde_json::Value;

/// What the metadata said so far.
#[derive(Debug, Default)]
pub struct Meta {
    title: String,
    in_title: bool,
    og: Option<String>,
    twitter: Option<String>,
    ld_headline: Option<String>,
    /// The text of the JSON-LD script being read, if one is open.
    ld: Option<String>,
    /// The authors named, as written, without repeats.
    pub authors: Vec<String>,
    /// When the story was published, as the metadata writes it (ISO 8601): JSON-LD's
    /// `datePublished` or `<meta property=article:published_time>`, the first given.
    pub published: Option<String>,
}

/// At most this many bytes of JSON-LD are read from one script (a page's data blob is no metadata).
const LD_LIMIT: usize = 256 * 1024;

impl Meta {
    /// An element opens.
    pub fn open(&mut self, e: &Element) {
        match e.name() {
            "title" if self.title.is_empty() => self.in_title = true,
            "meta" => self.meta(e),
            "script"
                if e.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                self.ld = Some(String::new());
            }
            _ => {}
        }
    }

    /// A text node, wherever it is.
    pub fn text(&mut self, t: &Text) {
        if self.in_title {
            self.title.push_str(t);
        }
        if let Some(ld) = self.ld.as_mut().filter(|ld| ld.len() + t.len() <= LD_LIMIT) {
            ld.push_str(t);
        }
    }

    /// An element closes.
    pub fn close(&mut self, e: &Element) {
        match e.name() {
            "title" => self.in_title = false,
            "script" => {
                if let Some(value) =
                    (self.ld.take()).and_then(|ld| serde_json::from_str::<Value>(&ld).ok())
                {
                    self.json_ld(&value);
                }
            }
            _ => {}
        }
    }

    fn meta(&mut self, e: &Element) {
        let key = e.attr("property").or_else(|| e.attr("name")).unwrap_or("");
        let Some(content) = e.attr("content").map(collapse).filter(|c| !c.is_empty()) else {
            return;
        };
        match key.to_ascii_lowercase().as_str() {
            "og:title" if self.og.is_none() => self.og = Some(content),
            "twitter:title" if self.twitter.is_none() => self.twitter = Some(content),
            "author" | "article:author" | "byl" => self.author(content),
            "article:published_time" | "datepublished" => self.published(&content),
            _ => {}
        }
    }

    fn author(&mut self, name: String) {
        // a profile's address is no name
        if !name.contains("://") && !name.starts_with("www.") && !self.authors.contains(&name) {
            self.authors.push(name);
        }
    }

    fn published(&mut self, date: &str) {
        if self.published.is_none() && !date.trim().is_empty() {
            self.published = Some(date.trim().to_string());
        }
    }

    /// Reads a JSON-LD value: objects, arrays and `@graph` lists, iteratively.
    fn json_ld(&mut self, value: &Value) {
        let mut stack = vec![(value, 0usize)];
        while let Some((v, depth)) = stack.pop() {
            if depth > 8 {
                continue;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev().map(|i| (i, depth + 1))),
                Value::Object(map) => {
                    if let Some(Value::String(h)) = map.get("headline")
                        && self.ld_headline.is_none()
                        && !h.trim().is_empty()
                    {
                        self.ld_headline = Some(collapse(h));
                    }
                    if let Some(Value::String(date)) = map.get("datePublished") {
                        self.published(date);
                    }
                    if let Some(author) = map.get("author") {
                        for name in names(author) {
                            self.author(name);
                        }
                    }
                    if let Some(graph) = map.get("@graph") {
                        stack.push((graph, depth + 1));
                    }
                }
                _ => {}
            }
        }
    }

    /// The titles, most trusted first, without repeats.
    pub fn titles(&self) -> Vec<String> {
        let title = collapse(&self.title);
        let mut out: Vec<String> = Vec::new();
        for t in [&self.ld_headline, &self.og, &self.twitter, &Some(title)]
            .into_iter()
            .flatten()
        {
            if !t.is_empty() && !out.contains(t) {
                out.push(t.clone());
            }
        }
        out
    }
}

/// The names in a JSON-LD `author`: a string, a person object's `name`, or a list of either.
fn names(author: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(collapse(s)),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(collapse),
        _ => None,
    };
    match author {
        Value::Array(items) => items.iter().filter_map(one).collect::<Vec<_>>(),
        v => one(v).into_iter().collect(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

/// White space collapsed to single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use crate::html::render;

    #[test]
    fn titles_and_authors_come_from_metadata() {
        let page = render(
            r#"<html><head><title>Storm hits coast | The Paper</title>
            <meta property="og:title" content="Storm hits  coast">
            <meta name="author" content="Jane Doe">
            <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",
              "headline": "Storm hits the coast", "author": [{"name": "Jane Doe"}, {"name": "John Roe"}]}]}</script>
            </head><body><p>x</p></body></html>"#,
        );
        assert_eq!(
            page.marks.titles,
            [
                "Storm hits the coast",
                "Storm hits coast",
                "Storm hits coast | The Paper"
            ]
        );
        assert_eq!(page.marks.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(page.marks.published, None);
    }

    #[test]
    fn the_published_date_comes_from_json_ld_or_a_meta_tag() {
        let ld = render(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-03-14T16:05:00Z"}</script>
            <meta property="article:published_time" content="2026-03-13"><p>x</p>"#,
        );
        assert_eq!(ld.marks.published.as_deref(), Some("2026-03-14T16:05:00Z"));
        let tag =
            render(r#"<meta property="article:published_time" content="2026-03-13"><p>x</p>"#);
        assert_eq!(tag.marks.published.as_deref(), Some("2026-03-13"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let page = render(r#"<script type="application/ld+json">{"headline": </script><p>x</p>"#);
        assert!(page.marks.titles.is_empty());
        assert_eq!(page.text, "x");
    }
}
