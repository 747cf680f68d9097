//! The learned judge of candidate names: whether a run of capitalised words is a name, and of
//! which kind, decided from evidence ([`features`]) by a linear model (an averaged perceptron over
//! hashed features), not from a fallback type.
//!
//! The weights (`data/model/entities.bin`, little-endian `f32`, one row of [`CLASSES`] per hashed
//! feature) are compiled in and read in place, so loading them costs nothing. They are trained by
//! `cargo run --release --features train --bin train-entities` on openly licensed text only (see
//! `data/model/README.md`); the same data gives the same bytes.

pub mod features;
#[cfg(feature = "train")]
pub mod train;

use crate::report::EntityKind;

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
    pub const ALL: [Class; 5] = [Class::None, Class::Person, Class::Org, Class::Place, Class::Misc];

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
    if WEIGHTS.len() != features::BUCKETS * CLASSES * 4 {
        return out;
    }
    for &f in feats {
        let row = f as usize * CLASSES * 4;
        for (c, score) in out.iter_mut().enumerate() {
            let at = row + c * 4;
            let w = [
                WEIGHTS[at],
                WEIGHTS[at + 1],
                WEIGHTS[at + 2],
                WEIGHTS[at + 3],
            ];
            *score += f32::from_le_bytes(w);
        }
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
