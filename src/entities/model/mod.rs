//! The learned judge of candidate names: whether a run of capitalised words is a name, and of
//! which kind, decided from evidence ([`features`]) by a linear model (an averaged perceptron over
//! hashed features), not from a fallback type.
//!
//! The weights (`data/model/entities.bin`: a little-endian `f32` scale, then one row of [`CLASSES`]
//! little-endian `i16` per hashed feature, each weight the integer times the scale) are compiled in
//! and read in place, so loading them costs nothing. They are trained by
//! `cargo run --release --features train --bin train-entities` on openly licensed text only (see
//! `data/model/README.md`); the same data gives the same bytes.

pub mod features;
#[cfg(feature = "train")]
pub mod train;

use crate::kinds::EntityKind;

/// What a candidate can be judged to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Not a name of a kind the report lists.
    None,
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A country, city, region, sea, building: the lists say which.
    Place,
    /// Another named thing: a nationality, an event, a work, a product, a language.
    Misc,
}

impl Class {
    /// Every class, in the order of the weights' columns.
    pub const ALL: [Class; 5] = [
        Class::None,
        Class::Person,
        Class::Org,
        Class::Place,
        Class::Misc,
    ];

    /// The column of this class.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The class a kind of entity falls in.
    pub fn of(kind: EntityKind) -> Class {
        match kind {
            EntityKind::Person => Class::Person,
            EntityKind::Org => Class::Org,
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Fac => Class::Place,
            EntityKind::Norp | EntityKind::Misc => Class::Misc,
        }
    }
}

/// Number of classes.
pub const CLASSES: usize = Class::ALL.len();

/// The compiled-in weights.
static WEIGHTS: &[u8] = include_bytes!("../../../data/model/entities.bin");

/// Scores of each class for a candidate.
pub type Scores = [f32; CLASSES];

/// The model's scores for a candidate with hashed features `feats`. With no weights (a build without
/// the trained file) every score is zero.
pub fn scores(feats: &[u32]) -> Scores {
    let mut out = [0.0; CLASSES];
    let Some((scale, rows)) = WEIGHTS.split_first_chunk::<4>() else {
        return out;
    };
    if rows.len() != features::BUCKETS * CLASSES * 2 {
        return out;
    }
    let mut sums = [0i32; CLASSES];
    for &f in feats {
        let row = f as usize * CLASSES * 2;
        for (c, sum) in sums.iter_mut().enumerate() {
            let at = row + c * 2;
            *sum += i32::from(i16::from_le_bytes([rows[at], rows[at + 1]]));
        }
    }
    let scale = f32::from_le_bytes(*scale);
    for (score, sum) in out.iter_mut().zip(sums) {
        *score = sum as f32 * scale;
    }
    out
}

/// The weights as the compiled-in file stores them (see the module's comment): the largest weight
/// becomes `i16::MAX`, the others are rounded to the nearest step.
#[cfg(feature = "train")]
pub fn encode(weights: &[f32]) -> Vec<u8> {
    let largest = weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
    let scale = if largest > 0.0 {
        largest / f32::from(i16::MAX)
    } else {
        1.0
    };
    let mut out = Vec::with_capacity(4 + weights.len() * 2);
    out.extend(scale.to_le_bytes());
    for w in weights {
        out.extend(((w / scale).round() as i16).to_le_bytes());
    }
    out
}

/// The best class of `scores`, ties going to `prefer` (the rules' answer) and then to the earlier
/// class.
pub fn best(scores: &Scores, prefer: Class) -> Class {
    let mut best = prefer;
    for c in Class::ALL {
        if scores[c.index()] > scores[best.index()] {
            best = c;
        }
    }
    best
}
