//! What a text is as a whole, before any stage reads it as an article: an HTML page or JSON Lines
//! records handed over as plain text. Each is said in the report's warnings (kind `format`), so that
//! a user who gave the wrong file, or forgot `--input-format jsonl`, learns it from the report.

/// A whole text that is not an article in plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// An HTML page (a doctype or an `<html>` element first): its markup would be read as words.
    HtmlPage,
    /// JSON Lines records (`{"id": ..., "text": ...}` on the first line): one article per line.
    JsonLines,
}

impl Shape {
    /// What the warning says.
    pub fn message(self) -> &'static str {
        match self {
            Shape::HtmlPage => {
                "the text is an HTML page given as text: its markup is not read as an article, so \
                 sections are all boilerplate and no entities, quotes or attributions are given; \
                 give it as a page (a file named *.html, --input-format html, or a JSON Lines \
                 record's \"html\")"
            }
            Shape::JsonLines => {
                "the text looks like JSON Lines records ({\"id\": ..., \"text\": ...} a line) but \
                 was read as one article: name the file *.jsonl or use --input-format jsonl"
            }
        }
    }
}

/// The shape of `text`, when it is one of the shapes above; `None` for ordinary text. Reads the
/// first line and the first kilobyte only.
pub fn of(text: &str) -> Option<Shape> {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let start: String = head
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    let html_first = ["<!doctype html", "<html", "<head>", "<head ", "<body"];
    if html_first.iter().any(|p| start.starts_with(p))
        || (start.starts_with("<?xml") && start.contains("<html"))
        || (start.starts_with("<!--") && start.contains("<html"))
    {
        return Some(Shape::HtmlPage);
    }
    let first_line = head.lines().next().unwrap_or("").trim();
    if first_line.starts_with('{') && first_line.ends_with('}') {
        let record: Result<serde_json::Map<String, serde_json::Value>, _> =
            serde_json::from_str(first_line);
        if record.is_ok_and(|r| r.get("text").is_some_and(serde_json::Value::is_string)) {
            return Some(Shape::JsonLines);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pages_are_told_by_their_start() {
        assert_eq!(
            of("<!DOCTYPE html>\n<html><body>x</body></html>"),
            Some(Shape::HtmlPage)
        );
        assert_eq!(of("\n  <HTML lang=\"en\">"), Some(Shape::HtmlPage));
        assert_eq!(of("<?xml version=\"1.0\"?>\n<html>"), Some(Shape::HtmlPage));
        // markup quoted inside an article is not a page
        assert_eq!(of("Headline\n\nThe <html> tag opens a page."), None);
    }

    #[test]
    fn json_lines_are_told_by_their_first_record() {
        assert_eq!(
            of("{\"id\": 1, \"text\": \"A story.\"}\n{\"id\": 2, \"text\": \"B.\"}"),
            Some(Shape::JsonLines)
        );
        assert_eq!(of("{\"id\": 1}"), None);
        assert_eq!(of("{ braces in a headline }"), None);
        assert_eq!(of("A plain story.\n{\"text\": \"x\"}"), None);
    }

    #[test]
    fn ordinary_text_has_no_shape() {
        assert_eq!(of(""), None);
        assert_eq!(of("News\n\nA headline\n\nBy Jane Doe"), None);
    }
}
