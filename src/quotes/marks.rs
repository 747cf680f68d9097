//! Quotation marks, paired: the quoted stretches of each paragraph, and quotations that run on over
//! several paragraphs.
//!
//! Marks are curly double quotes, straight double quotes, guillemets, and doubled single quotes ('' and
//! ``, as some wire and NYT text has them). A straight mark opens after a space or the paragraph's
//! start and closes after a word. In an article that quotes with single marks instead ([`single`]),
//! those are read, apostrophes told apart; elsewhere a single mark is never a mark. A paragraph that opens a quote and never closes it ends that
//! quote's piece; when the next paragraph opens again, the quotation goes on there (the convention for
//! quotations over several paragraphs). Work is one pass over each paragraph.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::single::{self, Style};
use crate::text::{Document, Span, trim_span};

/// What a mark does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    Open,
    Close,
    Either,
}

/// One quotation: its pieces (one per paragraph, quote marks excluded), in order.
#[derive(Debug, Clone)]
pub struct Quoted {
    pub pieces: Vec<Piece>,
}

/// A quoted stretch of one paragraph.
#[derive(Debug, Clone, Copy)]
pub struct Piece {
    pub span: Span,
    /// The paragraph's index.
    pub paragraph: usize,
    /// Bytes of the opening and closing marks (the closing one absent for a piece left open).
    pub open: Span,
    pub close: Option<Span>,
}

impl Quoted {
    /// From the first piece's start to the last piece's end.
    pub fn span(&self) -> Span {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::new(0, 0),
        }
    }
}

/// The marks, longest first where one begins another; searched with aho-corasick's SIMD prefilter,
/// which skips the (mostly mark-free) text far faster than a byte loop. Other languages' marks are
/// read too (German „…“, French «…», Japanese 「…」 and 『…』): the report of an article in another
/// language keeps no quotes, but an English article quoting in them does.
const MARKS: [(&str, Dir); 12] = [
    ("``", Dir::Open),
    ("''", Dir::Either),
    ("\"", Dir::Either),
    ("“", Dir::Open),
    ("«", Dir::Open),
    ("„", Dir::Open),
    ("”", Dir::Close),
    ("»", Dir::Close),
    ("「", Dir::Open),
    ("」", Dir::Close),
    ("『", Dir::Open),
    ("』", Dir::Close),
];

static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(MARKS.iter().map(|(m, _)| m))
        .expect("twelve fixed marks build")
});

fn marks(text: &str, para: Span) -> Vec<(Span, Dir)> {
    FINDER
        .find_iter(&text[para.start..para.end])
        .map(|m| {
            let span = Span::new(para.start + m.start(), para.start + m.end());
            (span, MARKS[m.pattern().as_usize()].1)
        })
        .collect()
}

/// Whether an ambiguous mark at `m` opens: after whitespace, an opening bracket or dash, or the
/// paragraph's start, and before something that is not whitespace.
fn opens(text: &str, para: Span, m: Span) -> bool {
    let before = text[para.start..m.start].chars().next_back();
    let after = text[m.end..para.end].chars().next();
    let open_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c));
    let word_after = after.is_some_and(|c| !c.is_whitespace());
    open_before && word_after
}

/// Every quotation of the document, in order.
pub fn quoted_stretches(doc: &Document) -> Vec<Quoted> {
    let text = doc.text;
    let mut out: Vec<Quoted> = Vec::new();
    // a quotation left open at the end of the previous paragraph
    let mut running: Option<Quoted> = None;
    let style = single::style(doc);
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let ms = match style {
            Style::Double => marks(text, p.span),
            Style::Single => {
                let runs_on = doc
                    .paragraphs
                    .get(pi + 1)
                    .is_some_and(|n| single::opens_with_mark(text, n.span));
                single::marks(text, p.span, runs_on)
            }
        };
        let mut open: Option<Span> = None;
        let mut first_mark = true;
        for (m, dir) in ms {
            let dir = match dir {
                // „…“: the German closing mark is the English opening one
                Dir::Open
                    if open.is_some_and(|o| &text[o.start..o.end] == "„")
                        && &text[m.start..m.end] == "“" =>
                {
                    Dir::Close
                }
                Dir::Either if open.is_some() => Dir::Close,
                Dir::Either if opens(text, p.span, m) => Dir::Open,
                Dir::Either => Dir::Close,
                d => d,
            };
            match (dir, open) {
                (Dir::Open, None) => {
                    // a paragraph that begins by opening a quote goes on with a quotation left open
                    let continues = first_mark
                        && running.is_some()
                        && text[p.span.start..m.start].trim().is_empty();
                    if !continues && let Some(q) = running.take() {
                        out.push(q);
                    }
                    open = Some(m);
                }
                (Dir::Open, Some(o)) => {
                    // opened again without closing: the first ran to here
                    piece(doc, pi, o, None, m.start, &mut running, &mut out);
                    flush(&mut running, &mut out);
                    open = Some(m);
                }
                (Dir::Close, Some(o)) => {
                    piece(doc, pi, o, Some(m), m.start, &mut running, &mut out);
                    flush(&mut running, &mut out);
                    open = None;
                }
                (Dir::Close, None)
                    if first_mark && runs_on_unmarked(text, running.as_ref(), pi, p.span, m) =>
                {
                    // the quotation left open goes on without a new opening mark (a paragraph
                    // broken mid-sentence, a hard-wrapped line) and closes here
                    let start = Span::new(p.span.start, p.span.start);
                    piece(doc, pi, start, Some(m), m.start, &mut running, &mut out);
                    flush(&mut running, &mut out);
                }
                (Dir::Close, None) => {}
                (Dir::Either, _) => {}
            }
            first_mark = false;
        }
        if running.is_some() && open.is_none() && first_mark {
            flush(&mut running, &mut out);
        }
        if let Some(o) = open {
            // left open: the piece runs to the paragraph's end and may go on in the next
            piece(doc, pi, o, None, p.span.end, &mut running, &mut out);
        }
    }
    flush(&mut running, &mut out);
    out
}

/// Whether the quotation `running`, left open in the paragraph before `paragraph` (`para`), goes on
/// in it up to the closing mark `close`, without a new opening mark: when its piece there broke
/// off mid-sentence, or when the writer's words follow the mark (", she says."). A pull quote's
/// credit line set under it and closed ("Jane Doe, economist.\"") does neither.
fn runs_on_unmarked(
    text: &str,
    running: Option<&Quoted>,
    paragraph: usize,
    para: Span,
    close: Span,
) -> bool {
    let Some(last) = running.and_then(|q| q.pieces.last()) else {
        return false;
    };
    let broke_off = !text[last.span.start..last.span.end]
        .trim_end()
        .ends_with(['.', '!', '?', '…']);
    let followed = text[close.end..para.end].chars().any(char::is_alphanumeric);
    last.close.is_none() && last.paragraph + 1 == paragraph && (broke_off || followed)
}

fn flush(running: &mut Option<Quoted>, out: &mut Vec<Quoted>) {
    if let Some(q) = running.take() {
        out.push(q);
    }
}

/// Adds the piece from after mark `open` to `end` to the running quotation.
fn piece(
    doc: &Document,
    paragraph: usize,
    open: Span,
    close: Option<Span>,
    end: usize,
    running: &mut Option<Quoted>,
    out: &mut Vec<Quoted>,
) {
    let span = trim_span(doc.text, Span::new(open.end, end.max(open.end)));
    if span.is_empty() {
        return;
    }
    let p = Piece {
        span,
        paragraph,
        open,
        close,
    };
    match running {
        Some(q)
            if q.pieces
                .last()
                .is_some_and(|l| l.close.is_none() && l.paragraph < paragraph) =>
        {
            q.pieces.push(p)
        }
        _ => {
            flush(running, out);
            *running = Some(Quoted { pieces: vec![p] });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<Vec<String>> {
        let doc = Document::new(text);
        quoted_stretches(&doc)
            .iter()
            .map(|q| {
                q.pieces
                    .iter()
                    .map(|p| doc.slice(p.span).to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn curly_straight_and_doubled_single_marks() {
        assert_eq!(
            quoted("He said “yes.” She said \"no,\" firmly. ``Maybe,'' they said."),
            [vec!["yes."], vec!["no,"], vec!["Maybe,"]]
        );
    }

    #[test]
    fn guillemets_and_a_lone_backtick() {
        assert_eq!(
            quoted("Il a dit «oui» et `non` puis \"fin\"."),
            [vec!["oui"], vec!["fin"]]
        );
    }

    #[test]
    fn german_and_japanese_marks() {
        assert_eq!(
            quoted("Er sagte: „Ja“, und dann „Nein”. 彼は「はい」と言った。"),
            [vec!["Ja"], vec!["Nein"], vec!["はい"]]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quoted("Tokayev’s plan, the people’s “choice”."),
            [vec!["choice"]]
        );
    }

    #[test]
    fn a_quotation_over_two_paragraphs_is_one() {
        let q = quoted("“First part, never closed.\n\n“Second part,” he said.\n\nThen “another”.");
        assert_eq!(
            q,
            [
                vec!["First part, never closed.", "Second part,"],
                vec!["another"]
            ]
        );
    }

    #[test]
    fn an_unclosed_mark_runs_to_the_paragraph_end_only() {
        let q = quoted("He said “it never ends\n\nNew paragraph without marks.");
        assert_eq!(q, [vec!["it never ends"]]);
    }

    #[test]
    fn a_quotation_broken_over_a_paragraph_closes_where_its_mark_does() {
        let q = quoted(
            "“It has not agreed since the flood of\n\n2009. It will now,” Quill says.\n\n“We win,” she adds.",
        );
        assert_eq!(
            q,
            [
                vec!["It has not agreed since the flood of", "2009. It will now,"],
                vec!["We win,"]
            ]
        );
        // a closing mark two paragraphs on is no continuation, nor a pull quote's credit line
        let q = quoted("“Left open\n\nNo marks here.\n\nA stray” mark.");
        assert_eq!(q, [vec!["Left open"]]);
        let q = quoted("“We will win.\nJane Doe, economist.”\n\nThen more.");
        assert_eq!(q, [vec!["We will win."]]);
    }
}
