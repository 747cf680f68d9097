//! One pass over a page's tags before it is parsed, for three things the parser would do slowly.
//!
//! A bound on how deep a page nests its elements. The HTML5 tree builder looks
//! through the stack of open elements for many tags (is a `<p>` open in button scope?), so a page of
//! elements nested without end costs the square of its length; browsers cap the depth of the tree
//! for the same reason (Blink at 512). Tags past [`MAX_DEPTH`] are dropped here, their text kept, so
//! that the parse stays linear. The depth is counted from the tags as written: elements whose end
//! tag may be left out (`<p>`, `<li>`, `<td>`, ...) and void elements are not counted, and script,
//! style and comment contents are skipped.
//!
//! The contents of scripts and style sheets emptied: never shown, they are a third of a news page's
//! bytes, which the parser's tokenizer would read a character at a time. A JSON-LD script (the
//! page's metadata) is kept, and so is a script whose text holds `<!--` (where the HTML5 tokenizer's
//! escaped states could read its end elsewhere than at the first `</script`).
//!
//! The attributes nothing reads dropped from start tags ([`READ`] lists those kept): `href`, `src`,
//! `srcset` and `data-*` values are most of what is left of a page, and the tokenizer copies each
//! into the tree. Tags are read as the HTML5 tokenizer reads them (a quoted value may hold a `>`),
//! so a rewritten tag ends where the parser would end it.

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

/// Elements whose content is raw text, where a `<` opens no tag (`plaintext` runs to the end).
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noscript",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Elements whose raw text is never shown and is emptied (JSON-LD aside).
const EMPTIED: &[&str] = &["script", "style"];

/// The attributes anything reads: the renderer (`class`, `id`, `role`, `style`, `hidden`), the
/// metadata reader (`type`, `property`, `name`, `content`, `charset`) and the HTML5 tree builder
/// (`type` of an input, `encoding` of MathML's annotation, `color`/`face`/`size` of a font in
/// foreign content, `form`, `shadowrootmode`). The others are dropped from start tags.
const READ: &[&str] = &[
    "class",
    "id",
    "role",
    "style",
    "hidden",
    "type",
    "property",
    "name",
    "content",
    "charset",
    "encoding",
    "color",
    "face",
    "size",
    "form",
    "shadowrootmode",
];

/// The page as it is parsed: tags past [`MAX_DEPTH`] dropped, scripts and styles emptied and the
/// attributes nothing reads dropped (borrowed as it is when nothing is), and whether any tag was
/// dropped.
pub fn prepare(html: &str) -> (Cow<'_, str>, bool) {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut too_deep = false;
    let mut out = Rewrite::new(html);
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
            too_deep = true;
            out.replace(at..tag.end_at, "");
        } else if tag.unread {
            out.start_tag(at, &tag);
        }
        i = tag.end_at;
        if !tag.end && RAW.iter().any(|r| r.eq_ignore_ascii_case(tag.name)) {
            // past the raw text, to its end tag
            let end = if tag.name.eq_ignore_ascii_case("plaintext") {
                html.len()
            } else {
                raw_end(html, i, tag.name)
            };
            if emptied(html, at, &tag, end) {
                out.replace(i..end, "");
            }
            i = end;
        }
    }
    (out.finish(), too_deep)
}

/// The page being rewritten: a copy made from the first change on.
struct Rewrite<'a> {
    html: &'a str,
    out: Option<String>,
    /// The bytes of `html` before this are in `out`.
    copied: usize,
}

impl<'a> Rewrite<'a> {
    fn new(html: &'a str) -> Self {
        Rewrite {
            html,
            out: None,
            copied: 0,
        }
    }

    /// Writes `with` where `range` of the page was.
    fn replace(&mut self, range: std::ops::Range<usize>, with: &str) {
        let s = (self.out).get_or_insert_with(|| String::with_capacity(self.html.len()));
        s.push_str(&self.html[self.copied..range.start]);
        s.push_str(with);
        self.copied = range.end;
    }

    /// Writes the start tag at `at` with only the attributes something reads.
    fn start_tag(&mut self, at: usize, tag: &Tag<'_>) {
        self.replace(at..at, "");
        let html = self.html;
        let Some(s) = self.out.as_mut() else { return };
        s.push_str(&html[at..tag.name_end]);
        attributes(html.as_bytes(), tag.name_end, |attr| {
            if read(&html[attr.name]) {
                s.push(' ');
                s.push_str(&html[attr.whole]);
            }
        });
        s.push_str(if tag.self_closing { "/>" } else { ">" });
        self.copied = tag.end_at;
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            Some(mut s) => {
                s.push_str(&self.html[self.copied..]);
                Cow::Owned(s)
            }
            None => Cow::Borrowed(self.html),
        }
    }
}

/// Whether anything reads an attribute of this name.
fn read(name: &str) -> bool {
    READ.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// Whether the raw text of the element whose start tag `tag` opens at `at`, up to `end`, is emptied:
/// a script or style with text, no JSON in its start tag and no `<!--` in its text.
fn emptied(html: &str, at: usize, tag: &Tag<'_>, end: usize) -> bool {
    let start_tag = html.as_bytes()[at..tag.end_at].to_ascii_lowercase();
    end > tag.end_at
        && EMPTIED.iter().any(|e| e.eq_ignore_ascii_case(tag.name))
        && memmem::find(&start_tag, b"json").is_none()
        && memmem::find(&html.as_bytes()[tag.end_at..end], b"<!--").is_none()
}

/// A tag as written: its name (as written), whether it ends an element or closes itself, where
/// its name ends, the byte after its `>`, and whether it is a start tag with an attribute nothing
/// reads.
struct Tag<'a> {
    name: &'a str,
    end: bool,
    self_closing: bool,
    name_end: usize,
    end_at: usize,
    unread: bool,
}

impl Tag<'_> {
    /// A comment, doctype or processing instruction, ending at `end_at`.
    fn markup(end_at: usize) -> Self {
        Tag {
            name: "",
            end: true,
            self_closing: true,
            name_end: end_at,
            end_at,
            unread: false,
        }
    }
}

/// The tag that starts at `at` (a `<`), if one does; a comment or doctype is skipped whole.
fn tag_at(html: &str, at: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let rest = &bytes[at + 1..];
    if rest.starts_with(b"!--") {
        let end = memmem::find(&bytes[at + 4..], b"-->").map_or(html.len(), |e| at + 4 + e + 3);
        return Some(Tag::markup(end));
    }
    let (end, from) = match rest.first() {
        Some(b'/') => (true, at + 2),
        Some(c) if c.is_ascii_alphabetic() => (false, at + 1),
        Some(b'!' | b'?') => {
            let close = memchr(b'>', rest).map_or(html.len(), |e| at + 1 + e + 1);
            return Some(Tag::markup(close));
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
    // the tag name as the tokenizer reads it runs to a space, "/" or ">"
    let name_end = from
        + bytes[from..]
            .iter()
            .take_while(|&&b| !is_space(b) && b != b'/' && b != b'>')
            .count();
    let mut unread = false;
    let (end_at, self_closing) = attributes(bytes, name_end, |attr| {
        unread |= !read(&html[attr.name]);
    })
    .unwrap_or((html.len(), false));
    Some(Tag {
        name: &html[from..from + name_len],
        end,
        self_closing,
        name_end,
        end_at,
        unread: unread && !end,
    })
}

/// An attribute as written: its name, and its bytes from the name to the end of its value.
struct Attr {
    name: std::ops::Range<usize>,
    whole: std::ops::Range<usize>,
}

/// Reads a tag's attributes from `i` (past its name) to its `>` as the HTML5 tokenizer reads them
/// (quoted values may hold a `>`; a `/` not before the `>` is passed over), giving each to `each`.
/// The byte past the `>` and whether the tag closes itself (`/>`), or `None` when the page ends
/// inside the tag.
fn attributes(b: &[u8], mut i: usize, mut each: impl FnMut(Attr)) -> Option<(usize, bool)> {
    let spaces = |mut i: usize| {
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        i
    };
    loop {
        i = spaces(i);
        match b.get(i)? {
            b'>' => return Some((i + 1, false)),
            b'/' if b.get(i + 1) == Some(&b'>') => return Some((i + 2, true)),
            b'/' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        // the name: its first character may be "="
        let start = i;
        i += 1;
        while b
            .get(i)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'='))
        {
            i += 1;
        }
        let name = start..i;
        let after = spaces(i);
        if b.get(after) != Some(&b'=') {
            each(Attr {
                name: name.clone(),
                whole: name,
            });
            i = after;
            continue;
        }
        i = spaces(after + 1);
        match *b.get(i)? {
            q @ (b'"' | b'\'') => i += 1 + memchr(q, &b[i + 1..])? + 1,
            b'>' => {}
            _ => {
                while b.get(i).is_some_and(|&c| !is_space(c) && c != b'>') {
                    i += 1;
                }
            }
        }
        each(Attr {
            name,
            whole: start..i,
        });
    }
}

/// White space as the tokenizer reads it in a tag.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
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
        let page = "<html><body><div><p>One<p>Two<script></script><style></style></div>";
        let (out, cut) = prepare(page);
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
        let (out, cut) = prepare(&page);
        assert!(cut);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep"));
    }

    #[test]
    fn scripts_and_styles_are_emptied_but_json_ld() {
        let page = "<p>One<SCRIPT src=x>if (a<b) { x = '<div>'; }</script>\
                    <style>p{}</STYLE><script type=\"application/ld+json\">{}</script>";
        let (out, cut) = prepare(page);
        assert!(!cut);
        assert_eq!(
            out,
            "<p>One<SCRIPT></script><style></STYLE><script type=\"application/ld+json\">{}</script>"
        );
        // an escaped script is left to the parser; a script never closed is emptied to the end
        let escaped = "<script>a = '<!--<script>'; </script> b</script><p>Two";
        assert_eq!(prepare(escaped).0, escaped);
        assert_eq!(prepare("<p>One<script>x = 1").0, "<p>One<script>");
    }

    #[test]
    fn attributes_nothing_reads_are_dropped_as_the_tokenizer_reads_them() {
        let page = "<div data-x=\"a > b\" class=lead ID='m'><a href=/x/ title=t>x</a>\
                    <img src=a.jpg alt=\"\"/><p hidden data-y>y</p><br/><input type = hidden></div>";
        let (out, cut) = prepare(page);
        assert!(!cut);
        assert_eq!(
            out,
            "<div class=lead ID='m'><a>x</a><img/><p hidden>y</p><br/><input type = hidden></div>"
        );
        // a tag the page ends inside is left as it is
        assert_eq!(prepare("<p>x<a href=\"y").0, "<p>x<a href=\"y");
        // end tags, comments and raw text are left as they are
        let kept = "<p>x</p data-z=1><!-- <a href=y> --><xmp><a href=y></xmp>";
        assert_eq!(prepare(kept).0, kept);
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_are_not_counted() {
        let page = "<ul>".to_string() + &"<li><p>item".repeat(2 * MAX_DEPTH) + "</ul>";
        assert!(!prepare(&page).1);
    }
}
