//! The headline's score: a linear model over general cues of a candidate line (its shape, its place
//! above the body, whether it talks about what the body talks about, what follows it), with weights
//! fitted by `train-headlines` (a softmax ranking over the development pages' gold headlines:
//! only the weights of these cues are learned, no word of the pages) and kept in
//! `data/model/headline.tsv`.

use std::sync::LazyLock;

/// The cues, in the order of [`Features`] and of [`NAMES`].
#[derive(Debug, Clone, Copy)]
pub enum Cue {
    Bias,
    ThreeWords,
    StartsUpper,
    BlankBefore,
    BlankAfter,
    InsideMenu,
    MostlyCapitalised,
    LongSentence,
    Numbered,
    NameOnly,
    BylineOrDateBelow,
    PrintedTwice,
    PrintedOften,
    TopicOverlap,
    NoTopicOverlap,
    Distance,
    RightAboveBody,
    Words,
    EndsQuestion,
    Separator,
    Colon,
    EndsSentence,
    SeveralSentences,
    TitleCase,
    CandidatesBelow,
    LongLine,
    FirstParagraph,
    AfterShortRun,
    InsideBody,
    DepthInBody,
    ProseShareAbove,
    ProseRightAbove,
    BylineBelowOnTopic,
}

/// The cues' names in the weights file, in the order of [`Cue`].
pub const NAMES: [&str; FEATURES] = [
    "bias",
    "three_words",
    "starts_upper",
    "blank_before",
    "blank_after",
    "inside_menu",
    "mostly_capitalised",
    "long_sentence",
    "numbered",
    "name_only",
    "byline_or_date_below",
    "printed_twice",
    "printed_often",
    "topic_overlap",
    "no_topic_overlap",
    "distance",
    "right_above_body",
    "words",
    "ends_question",
    "separator",
    "colon",
    "ends_sentence",
    "several_sentences",
    "title_case",
    "candidates_below",
    "long_line",
    "first_paragraph",
    "after_short_run",
    "inside_body",
    "depth_in_body",
    "prose_share_above",
    "prose_right_above",
    "byline_below_on_topic",
];

/// How many cues a candidate has.
pub const FEATURES: usize = 33;

/// A candidate's cues, each a number (most 0 or 1).
pub type Features = [f32; FEATURES];

/// The fitted weights (a missing or unknown line leaves a weight at 0).
static WEIGHTS: LazyLock<Features> =
    LazyLock::new(|| parse_weights(include_str!("../../data/model/headline.tsv")));

/// Weights from `name<TAB>weight` lines (`#` comments).
fn parse_weights(text: &str) -> Features {
    let mut w = [0.0; FEATURES];
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((name, value)) = line.split_once('\t') else {
            continue;
        };
        if let (Some(i), Ok(v)) = (NAMES.iter().position(|n| *n == name), value.trim().parse()) {
            w[i] = v;
        }
    }
    w
}

/// Weights from `name<TAB>weight` lines (`#` comments).
#[cfg(feature = "train")]
pub fn parse(text: &str) -> Features {
    parse_weights(text)
}

/// The weights as `parse` reads them.
#[cfg(feature = "train")]
pub fn format(w: &Features) -> String {
    let mut out = String::from(
        "# Headline ranking weights, fitted by `cargo run --release --features train --bin train-headlines`.\n",
    );
    for (name, v) in NAMES.iter().zip(w) {
        out.push_str(&format!("{name}\t{v:.4}\n"));
    }
    out
}

/// The score of a candidate with cues `f`.
pub fn score(f: &Features) -> f32 {
    dot(&WEIGHTS, f)
}

/// `w · f`.
pub fn dot(w: &Features, f: &Features) -> f32 {
    w.iter().zip(f).map(|(a, b)| a * b).sum()
}
