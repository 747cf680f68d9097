//! Which language the article is written in, and whether the stages that read English (entities,
//! quotes, reported speech) can read it.
//!
//! The article's prose (paragraphs of six words or more, the first 2 KB of them) is English when
//! English function words ("the", "of", "said": `data/lang/english-markers.txt`) are common in it.
//! Otherwise whatlang's character-trigram guess is taken, and a guess of another language is
//! followed only when whatlang calls it reliable and the sample is prose: a short or name-heavy
//! English text often trips a trigram guess, and leaving an English article's entities out would
//! cost more than guessing on a foreign one.

use whatlang::Lang;

use crate::kinds::{Warning, WarningKind};
use crate::lexicon;
use crate::text::Document;

/// How much prose the guess reads.
const SAMPLE_BYTES: usize = 2 * 1024;
/// A share of English function words above this says English whatever the trigrams say; English
/// prose runs at 30–40%, other languages written in Latin letters at a few percent.
const ENGLISH_SHARE: f64 = 0.12;
/// Below this share of lower-case words a text written with cases is not prose to judge.
const PROSE_LOWER_SHARE: f64 = 0.4;

/// The language an article reads as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detected {
    /// ISO 639-3 code ("eng", "deu").
    pub code: &'static str,
    /// The language's English name.
    pub name: &'static str,
    /// 0 to 1.
    pub confidence: f64,
}

impl Detected {
    /// The warning a report carries for a language the English stages do not read (none for
    /// English).
    pub fn warning(&self) -> Option<Warning> {
        (!self.is_english()).then(|| {
            Warning::new(
                WarningKind::Language,
                format!(
                    "the text reads as {} ({}, confidence {:.2}); entities, quotes and \
                         attributions are found in English only and are left empty",
                    self.name, self.code, self.confidence
                ),
                None,
            )
        })
    }

    /// Whether the English stages can read the article.
    pub fn is_english(&self) -> bool {
        self.code == Lang::Eng.code()
    }
}

/// The article's language, or None for a text without prose to judge (empty, or only numbers).
pub fn detect(doc: &Document) -> Option<Detected> {
    let sample = sample(doc);
    let words: Vec<&str> = sample
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let markers = words
        .iter()
        .filter(|w| lexicon::ENGLISH_MARKERS.contains_lower(w))
        .count();
    let share = markers as f64 / words.len() as f64;
    // prose in any language written with cases is mostly lower-case words; a results table or a
    // list of names is not, and trigrams guess wildly on it
    let lower = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let prose = lower as f64 / words.len() as f64 >= PROSE_LOWER_SHARE;
    let english = |confidence: f64| Detected {
        code: Lang::Eng.code(),
        name: Lang::Eng.eng_name(),
        confidence,
    };
    // the function words' own confidence: full at an ordinary English share
    let by_words = (share / (2.0 * ENGLISH_SHARE)).min(1.0);
    // English function words this common settle it: the trigram guess (a sixth of the whole
    // analysis's time) is only asked about texts that may be in another language
    if share >= ENGLISH_SHARE {
        return Some(english(by_words));
    }
    let info = whatlang::detect(&sample);
    Some(match info {
        Some(i) if i.lang() == Lang::Eng => english(i.confidence().max(by_words)),
        Some(i) if i.is_reliable() && share < ENGLISH_SHARE && (prose || !cased(&sample)) => {
            Detected {
                code: i.lang().code(),
                name: i.lang().eng_name(),
                confidence: i.confidence(),
            }
        }
        _ => english(by_words),
    })
}

/// Whether the text's script has cases (Latin, Cyrillic, Greek): Korean, Chinese or Arabic words
/// are neither upper nor lower case.
fn cased(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).take(200);
    let (mut cased, mut all) = (0, 0);
    for c in letters {
        all += 1;
        cased += usize::from(c.is_lowercase() || c.is_uppercase());
    }
    cased * 2 > all
}

/// The prose the guess reads: paragraphs of six words or more, up to [`SAMPLE_BYTES`]; the whole
/// text when it has no such paragraph.
fn sample(doc: &Document) -> String {
    let mut out = String::new();
    for p in &doc.paragraphs {
        let text = doc.slice(p.span);
        if text.split_whitespace().nth(5).is_none() {
            continue;
        }
        out.push_str(text);
        out.push('\n');
        if out.len() >= SAMPLE_BYTES {
            break;
        }
    }
    if out.is_empty() {
        let mut end = doc.text.len().min(SAMPLE_BYTES);
        while !doc.text.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&doc.text[..end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_text(text: &str) -> Option<Detected> {
        detect(&Document::new(text))
    }

    #[test]
    fn english_german_and_nothing() {
        let en = detect_text(
            "The president said on Monday that the government would not raise taxes this year.",
        );
        assert!(en.is_some_and(|d| d.is_english()), "{en:?}");
        let de = detect_text(
            "Der Präsident sagte am Montag, dass die Regierung in diesem Jahr die Steuern nicht \
             erhöhen werde. Wir haben uns zu einem Treffen verabredet, sagte sie.",
        );
        assert_eq!(de.map(|d| d.code), Some("deu"), "{de:?}");
        assert_eq!(detect_text("  \n 42 17 \n"), None);
    }

    #[test]
    fn names_and_numbers_do_not_make_english_foreign() {
        // a results table: few function words, few trigrams to go on
        let d = detect_text(
            "Weekend fixtures and scores in the northern league :\nAshford 3 Kelso 1\nDunmore 0 \
             Harwick 2\nAbandoned : Carrow v Elmstead , Riverton Athletic v Glenholm\n",
        );
        assert!(d.is_some_and(|d| d.is_english()), "{d:?}");
    }

    #[test]
    fn scripts_with_and_without_cases() {
        assert!(cased("Der Präsident sagte"));
        assert!(!cased("대통령은 월요일에 말했다"));
    }

    #[test]
    fn a_script_without_cases_is_judged_too() {
        let korean = detect_text(
            "대통령은 월요일에 정부가 올해 세금을 올리지 않을 것이라고 말했다. 그는 회의에 참석했다.",
        );
        assert_eq!(korean.map(|d| d.code), Some("kor"), "{korean:?}");
    }
}
