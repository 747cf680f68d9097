//! Tokens: the words of a stretch of text with their punctuation, for the stages that read phrases
//! (who said what), and the form a word takes inside a name. Both are spans over the document's
//! text; the words themselves come from the document model, these only shape them.

use compact_str::CompactString;

use super::{Document, Span, abbreviations};
use crate::lexicon;

/// A word or a punctuation mark of a stretch of text: its bytes and lower-cased text (inline,
/// without a heap allocation, up to 24 bytes: frames are cut into tokens for every quotation).
#[derive(Debug, Clone)]
pub struct Token {
    /// Where it is in the document's text.
    pub span: Span,
    /// Its text, lower case.
    pub lower: CompactString,
    /// It starts with a capital.
    pub capitalised: bool,
    /// Two letters or more, all capitals ("WASHINGTON").
    pub shouting: bool,
}

/// The tokens of `text[range]`, with their byte spans in `text`: words (letters and digits, with
/// apostrophes, hyphens and dots inside), and `,` `;` `:` `.` `!` `?` `(` `)` and dashes as tokens of
/// their own, so that commas and stops can end a phrase. A word's final stop is a token of its own
/// (a sentence end) unless the word is an abbreviation by its shape ("Mr.", "Gov.", "U.S.") or the
/// stop comes before a closing bracket or a comma ("(D-Md.)", "R-Ky., said").
pub fn tokens(text: &str, range: Span) -> Vec<Token> {
    cut(text, range, false)
}

/// The tokens of `text[range]` up to its first sentence end (`.`, `!` or `?` as a token), that one
/// included, and whether [`tokens`] would give more after it: the same tokens as the first of
/// [`tokens`]'s, cut without reading further (the writer's text after a quotation runs to the
/// paragraph's end, and its attribution is in the first sentence).
pub fn tokens_to_sentence_end(text: &str, range: Span) -> (Vec<Token>, bool) {
    let ws = cut(text, range, true);
    let more = ws.last().is_some_and(|w| {
        text[w.span.end..range.end]
            .chars()
            .any(|c| c.is_alphanumeric() || TOKEN_MARKS.contains(&c))
    });
    (ws, more)
}

/// The punctuation that makes tokens of its own.
const TOKEN_MARKS: [char; 10] = [',', ';', ':', '.', '!', '?', '(', ')', '—', '–'];

/// Whether `c` is one of [`TOKEN_MARKS`] (asked of every character between words: a space is
/// turned away by one comparison).
fn is_token_mark(c: char) -> bool {
    if c == ' ' {
        return false;
    }
    TOKEN_MARKS.contains(&c)
}

fn cut(text: &str, range: Span, first_sentence: bool) -> Vec<Token> {
    let ended = |out: &Vec<Token>| {
        first_sentence
            && out
                .last()
                .is_some_and(|t| matches!(t.lower.as_str(), "." | "!" | "?"))
    };
    let mut out = Vec::with_capacity(if first_sentence { 16 } else { range.len() / 4 });
    let s = &text[range.start..range.end];
    let mut start: Option<usize> = None;
    let flush = |from: usize, to: usize, out: &mut Vec<Token>| push(s, range.start, from, to, out);
    // read byte by byte, a character decoded only where a byte is not ASCII
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let c = match b.is_ascii() {
            true => char::from(b),
            false => match s[i..].chars().next() {
                Some(c) => c,
                None => break,
            },
        };
        // a web address is one token, whatever its stops and question marks ("[Musk
        // posts](https://x.com/search?q=dojo) that …")
        if start.is_none()
            && matches!(b, b'h' | b'H' | b'w' | b'W')
            && let Some(n) = url_len(&s[i..])
        {
            flush(i, i + n, &mut out);
            if ended(&out) {
                return out;
            }
            i += n;
            continue;
        }
        let part = match b.is_ascii() {
            true => {
                b.is_ascii_alphanumeric() || (start.is_some() && matches!(b, b'\'' | b'-' | b'.'))
            }
            false => c.is_alphanumeric() || (start.is_some() && c == '’'),
        };
        if part {
            start.get_or_insert(i);
            i += c.len_utf8();
            continue;
        }
        if let Some(b) = start.take() {
            flush(b, i, &mut out);
        }
        if ended(&out) {
            return out;
        }
        if is_token_mark(c) {
            flush(i, i + c.len_utf8(), &mut out);
        }
        if ended(&out) {
            return out;
        }
        i += c.len_utf8();
    }
    if let Some(b) = start {
        flush(b, s.len(), &mut out);
    }
    out
}

/// Adds the token `s[from..to]` (offsets in the text `offset` more), and its final stop as a token
/// of its own when the stop ends a sentence: not an abbreviation's by its shape, nor one before a
/// closing bracket or a comma.
fn push(s: &str, offset: usize, from: usize, mut to: usize, out: &mut Vec<Token>) {
    let stop = to > from + 1
        && s[from..to].ends_with('.')
        && !abbreviations::by_shape(&s[from..to - 1])
        && !s[to..].starts_with([')', ',']);
    if stop {
        to -= 1;
    }
    let w = &s[from..to];
    let capitalised = w.chars().next().is_some_and(char::is_uppercase);
    out.push(Token {
        span: Span::new(offset + from, offset + to),
        lower: lower(w),
        capitalised,
        shouting: capitalised && w.chars().nth(1).is_some() && w.chars().all(char::is_uppercase),
    });
    if stop {
        out.push(Token {
            span: Span::new(offset + to, offset + to + 1),
            lower: CompactString::const_new("."),
            capitalised: false,
            shouting: false,
        });
    }
}

/// The length of the web address `s` opens with, if it opens with one: from "http://", "https://"
/// or "www." to the next space, closing bracket or quotation mark.
fn url_len(s: &str) -> Option<usize> {
    let opens = ["http://", "https://", "www."]
        .iter()
        .any(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
    opens.then(|| {
        s.find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"' | '”' | '“'))
            .unwrap_or(s.len())
    })
}

fn lower(w: &str) -> CompactString {
    if w.is_ascii() {
        let mut l = CompactString::from(w);
        // most words are written in lower case already
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            l.make_ascii_lowercase();
        }
        l
    } else {
        CompactString::from(w.to_lowercase())
    }
}

/// A word as part of a name: without a possessive ending, and with the final stop of an acronym
/// written with inner dots ("U.S" + "." is "U.S.").
#[derive(Debug, Clone, Copy)]
pub struct NameWord<'a> {
    /// Where it is.
    pub span: Span,
    /// Its text.
    pub text: &'a str,
    /// Bytes of a possessive 's cut from its end.
    pub possessive: usize,
}

impl<'a> Document<'a> {
    /// Word `w` (a span of [`Document::words`]) as part of a name.
    pub fn name_word(&self, w: Span) -> NameWord<'a> {
        let text = self.slice(w);
        let possessive = lexicon::POSSESSIVE_ENDINGS
            .iter()
            .find(|p| text.len() > p.len() + 1 && text.ends_with(*p))
            .map_or(0, |p| p.len());
        let mut span = Span::new(w.start, w.end - possessive);
        // "U.S" + "." : an acronym with inner dots takes its final stop
        let t = &self.text[span.start..span.end];
        let after_stop = self.text[span.end..].chars().nth(1);
        if possessive == 0
            && t.contains('.')
            && self.text[span.end..].starts_with('.')
            && after_stop.is_none_or(|c| !c.is_alphanumeric())
        {
            span.end += 1;
        }
        NameWord {
            span,
            text: &self.text[span.start..span.end],
            possessive,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokens(s, Span::new(0, s.len()))
            .iter()
            .map(|t| s[t.span.start..t.span.end].to_string())
            .collect()
    }

    #[test]
    fn punctuation_is_kept_and_abbreviations_keep_their_stop() {
        assert_eq!(
            texts("Mr. Kortunov, head of it, said. Then"),
            [
                "Mr.", "Kortunov", ",", "head", "of", "it", ",", "said", ".", "Then"
            ]
        );
        assert_eq!(texts("(D-Md.) said"), ["(", "D-Md.", ")", "said"]);
        assert_eq!(texts("R-Ky., said"), ["R-Ky.", ",", "said"]);
    }

    #[test]
    fn a_web_address_is_one_token() {
        assert_eq!(
            texts("[Musk posts](https://x.com/s?q=a.b) that"),
            ["Musk", "posts", "(", "https://x.com/s?q=a.b", ")", "that"]
        );
    }

    #[test]
    fn tokens_are_lower_cased_and_shaped() {
        let s = "WASHINGTON — Tokayev’s";
        let t = tokens(s, Span::new(0, s.len()));
        assert!(t[0].shouting && t[0].capitalised);
        assert_eq!(t[1].lower, "—");
        assert_eq!(t[2].lower, "tokayev’s");
    }

    #[test]
    fn name_words_drop_possessives_and_take_acronym_stops() {
        let doc = Document::new("Tokayev’s U.S. plan");
        let w: Vec<_> = doc.words.iter().map(|&w| doc.name_word(w)).collect();
        assert_eq!(w[0].text, "Tokayev");
        assert_eq!(w[0].possessive, "’s".len());
        assert_eq!(w[1].text, "U.S.");
    }
}
