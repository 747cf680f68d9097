//! The headline's score: a linear model over general cues of a candidate line (its shape, its place
//! above the body, whether it talks about what the body talks about, what follows it), with weights
//! fitted by `train-headlines` (a softmax ranking over the development pages' gold headlines:
//! only the weights of these cues are learned, no word of the pages) and kept in
//! `data/model/headline.tsv`.

use std::sync::LazyLock;

/// Declares the cues once: the `Cue` enum, their names in the weights file (`NAMES`, same order)
/// and how many there are (`FEATURES`).
macro_rules! cues {
    ($($cue:ident => $name:literal,)+) => {
        /// The cues, in the order of [`Features`] and of [`NAMES`].
        #[derive(Debug, Clone, Copy)]
        pub enum Cue {
            $($cue,)+
        }

        /// The cues' names in the weights file, in the order of [`Cue`].
        pub const NAMES: [&str; FEATURES] = [$($name,)+];

        /// How many cues a candidate has.
        pub const FEATURES: usize = [$($name,)+].len();
    };
}

cues! {
    Bias => "bias",
    ThreeWords => "three_words",
    StartsUpper => "starts_upper",
    BlankBefore => "blank_before",
    BlankAfter => "blank_after",
    InsideMenu => "inside_menu",
    MostlyCapitalised => "mostly_capitalised",
    LongSentence => "long_sentence",
    Numbered => "numbered",
    NameOnly => "name_only",
    BylineOrDateBelow => "byline_or_date_below",
    PrintedTwice => "printed_twice",
    PrintedOften => "printed_often",
    TopicOverlap => "topic_overlap",
    NoTopicOverlap => "no_topic_overlap",
    Distance => "distance",
    RightAboveBody => "right_above_body",
    Words => "words",
    EndsQuestion => "ends_question",
    Separator => "separator",
    Colon => "colon",
    EndsSentence => "ends_sentence",
    SeveralSentences => "several_sentences",
    TitleCase => "title_case",
    CandidatesBelow => "candidates_below",
    LongLine => "long_line",
    FirstParagraph => "first_paragraph",
    AfterShortRun => "after_short_run",
    InsideBody => "inside_body",
    DepthInBody => "depth_in_body",
    ProseShareAbove => "prose_share_above",
    ProseRightAbove => "prose_right_above",
    BylineBelowOnTopic => "byline_below_on_topic",
}

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
