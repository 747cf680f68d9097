//! A bound on how deep a page nests its elements before it is parsed. The HTML5 tree builder looks
//! through the stack of open elements for many tags (is a `<p>` open in button scope?), so a page of
//! elements nested without end costs the square of its length; browsers cap the depth of the tree
//! for the same reason (Blink at 512). Tags past [`MAX_DEPTH`] are dropped here, their text kept, so
//! that the parse stays linear. The depth is counted from the tags as written: elements whose end
//! tag may be left out (`<p>`, `<li>`, `<td>`, ...) and void elements are not counted, and script,
//! style and comment contents are skipped.

use std::borrow::Cow;

use memchr::{memchr, memmem};

/// The deepest nesting of elements a page keeps.
pub const MAX_DEPTH: usize = 512;

/// Elements that take no end tag, or whose end tag may be left out: not counted in the depth.
const UNCOUNTED: &[&str] = &[
    "area", "base", "body", "br", "col", "colgroup", "dd", "dt", "embed", "head", "hr", "html",
    "img", "input", "li", "link", "meta", "optgroup", "option", "p", "param", "rb", "rp", "rt",
    "rtc", "source", "tbody", "td", "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// Elements whose content is raw text, where a `<` opens no tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "iframe",
];

/// The page with the tags past [`MAX_DEPTH`] dropped (borrowed as it is when none is), and
/// whether any was.
pub fn bounded(html: &str) -> (Cow<'_, str>, bool) {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let at = i + off;
        let Some(tag) = tag_at(html, at) else {
            i = at + 1;
            continue;
        };
        let counted =
            !tag.self_closing && !UNCOUNTED.iter().any(|u| u.eq_ignore_ascii_case(tag.name));
        let over = counted
            && if tag.end {
                depth > MAX_DEPTH
            } else {
                depth >= MAX_DEPTH
            };
        if counted {
            depth = if tag.end {
                depth.saturating_sub(1)
            } else {
                depth + 1
            };
        }
        if over {
            let s = out.get_or_insert_with(|| String::with_capacity(html.len()));
            s.push_str(&html[copied..at]);
            copied = tag.end_at;
        }
        i = tag.end_at;
        if !tag.end && RAW.iter().any(|r| r.eq_ignore_ascii_case(tag.name)) {
            // past the raw text, to its end tag
            i = raw_end(html, i, tag.name);
        }
    }
    match out {
        Some(mut s) => {
            s.push_str(&html[copied..]);
            (Cow::Owned(s), true)
        }
        None => (Cow::Borrowed(html), false),
    }
}

/// A tag as written: its lower-cased name, whether it ends an element or closes itself, and the
/// byte after its `>`.
struct Tag<'a> {
    name: &'a str,
    end: bool,
    self_closing: bool,
    end_at: usize,
}

/// The tag that starts at `at` (a `<`), if one does; a comment or doctype is skipped whole.
fn tag_at(html: &str, at: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let rest = &bytes[at + 1..];
    if rest.starts_with(b"!--") {
        let end = memmem::find(&bytes[at + 4..], b"-->").map_or(html.len(), |e| at + 4 + e + 3);
        return Some(Tag {
            name: "",
            end: true,
            self_closing: true,
            end_at: end,
        });
    }
    let (end, from) = match rest.first() {
        Some(b'/') => (true, at + 2),
        Some(c) if c.is_ascii_alphabetic() => (false, at + 1),
        Some(b'!' | b'?') => {
            let close = memchr(b'>', rest).map_or(html.len(), |e| at + 1 + e + 1);
            return Some(Tag {
                name: "",
                end: true,
                self_closing: true,
                end_at: close,
            });
        }
        _ => return None,
    };
    let name_len = bytes[from..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    if name_len == 0 {
        return None;
    }
    let close = memchr(b'>', &bytes[from..]).map_or(html.len(), |e| from + e + 1);
    Some(Tag {
        name: &html[from..from + name_len],
        end,
        self_closing: close >= 2 && bytes.get(close - 2) == Some(&b'/'),
        end_at: close,
    })
}

/// Where the raw text of a `name` element that starts at `from` ends: at its end tag (`</name`,
/// in any case), or at the end of the page.
fn raw_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(off) = memmem::find(&bytes[i..], b"</") {
        let at = i + off;
        let after = at + 2;
        if bytes
            .get(after..after + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        {
            return at;
        }
        i = after;
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_page_is_borrowed_as_it_is() {
        let page = "<html><body><div><p>One<p>Two<script>if (a<b) { x = '<div>'; }</script></div>";
        let (out, cut) = bounded(page);
        assert!(!cut);
        assert!(matches!(out, Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_deepest_nesting_are_dropped_and_their_text_kept() {
        let page = format!(
            "{}deep{}",
            "<div>".repeat(MAX_DEPTH + 10),
            "</div>".repeat(MAX_DEPTH + 10)
        );
        let (out, cut) = bounded(&page);
        assert!(cut);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep"));
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_are_not_counted() {
        let page = "<ul>".to_string() + &"<li><p>item".repeat(2 * MAX_DEPTH) + "</ul>";
        assert!(!bounded(&page).1);
    }
}
