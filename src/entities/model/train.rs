//! Training the entity model: the candidates the rules find in openly licensed annotated text,
//! labelled by the annotation, judged by an averaged perceptron over their hashed features.
//!
//! Deterministic: documents are read in the order given, examples visited in an order fixed by a
//! seeded generator, and the weights written as little-endian `f32`, so the same data gives the
//! same bytes. A candidate is labelled with the class of the annotated name it is, or, when it is
//! the first part of a longer annotated name ("Raymond Chan" of "Raymond Chan of People Power"),
//! of that name; one that touches no annotated name is not a name ([`Class::None`]). Candidates the
//! annotation cannot speak for are left out: those overlapping a span the annotation ignores, those
//! overlapping a name they are not the start of, and nationalities in text whose annotation has no
//! such type (GUM annotates people, organisations and places only).

use std::io;
use std::path::Path;

use serde::Deserialize;

use super::features::{BUCKETS, Evidence, features};
use super::{CLASSES, Class, best};
use crate::entities::{candidates, mentions::Mention};
use crate::kinds::EntityKind;
use crate::text::{Document, Span};

/// One annotated document (the records of `../shared/data/ner/train/`).
#[derive(Debug, Deserialize)]
pub struct Annotated {
    /// The document's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// The names annotated in it.
    pub entities: Vec<Annotation>,
    /// Named things of types the annotation leaves out.
    #[serde(default)]
    pub ignore: Vec<Annotation>,
    /// The types the document annotates, when it does not annotate them all.
    #[serde(default)]
    pub types: Option<Vec<String>>,
}

/// An annotated span, in Unicode scalar offsets.
#[derive(Debug, Deserialize)]
pub struct Annotation {
    /// Where it starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// Its type (PERSON, ORG, GPE; PER, LOC, MISC).
    #[serde(default, rename = "type")]
    pub ty: Option<String>,
}

/// One training example: a candidate's features and its label.
#[derive(Clone)]
pub struct Example {
    /// Its hashed features.
    pub features: Vec<u32>,
    /// What the annotation says it is.
    pub label: Class,
    /// The rules' class for it (the model's tie-break).
    pub rule: Class,
    /// The candidate's words.
    pub text: String,
}

/// How training went.
#[derive(Debug, Default)]
pub struct Summary {
    /// Documents read.
    pub documents: usize,
    /// Candidates labelled.
    pub examples: usize,
    /// Examples per label, in the order of [`Class::ALL`].
    pub by_label: [usize; CLASSES],
    /// Training examples the final weights get right.
    pub right: usize,
}

/// Reads JSON Lines of annotated documents.
pub fn read(path: &Path) -> io::Result<Vec<Annotated>> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(io::Error::other))
        .collect()
}

/// The class of an annotation's type, if it is one the model learns.
fn class_of(ty: &str) -> Option<Class> {
    Some(match ty {
        "PER" | "PERSON" => Class::Person,
        "ORG" => Class::Org,
        "LOC" | "GPE" | "FAC" => Class::Place,
        "MISC" | "NORP" => Class::Misc,
        _ => return None,
    })
}

/// The byte offset of each Unicode scalar offset of `text` (and of its end).
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The examples of one document.
pub fn examples(a: &Annotated) -> Vec<Example> {
    let doc = Document::new(&a.text);
    let ms = candidates(&doc, &[]);
    let evidence = Evidence::of(&doc, &ms);
    let bytes = byte_offsets(&a.text);
    let span = |x: &Annotation| -> Option<Span> {
        Some(Span::new(*bytes.get(x.start)?, *bytes.get(x.end)?))
    };
    let gold: Vec<(Span, Class)> = a
        .entities
        .iter()
        .filter_map(|e| Some((span(e)?, class_of(e.ty.as_deref()?)?)))
        .collect();
    let ignored: Vec<Span> = a.ignore.iter().filter_map(span).collect();
    let all_types = a.types.is_none();
    let mut out = Vec::new();
    for m in &ms {
        let Some(label) = label(m, &gold, &ignored, all_types) else {
            continue;
        };
        let mut feats = Vec::with_capacity(64);
        features(&doc, m, &evidence, &mut feats);
        out.push(Example {
            features: feats,
            label,
            rule: m.ty.map_or(Class::None, Class::of),
            text: doc.slice(m.span).to_string(),
        });
    }
    out
}

/// The label of candidate `m`, or none when the annotation cannot speak for it.
fn label(m: &Mention, gold: &[(Span, Class)], ignored: &[Span], all_types: bool) -> Option<Class> {
    let overlaps = |s: &Span| s.start < m.span.end && m.span.start < s.end;
    if let Some(&(g, class)) = gold.iter().find(|(g, _)| overlaps(g)) {
        let inside = g.contains(m.span);
        return (inside && m.span.start == g.start).then_some(class);
    }
    if ignored.iter().any(overlaps) {
        return None;
    }
    if !all_types && matches!(m.ty, Some(EntityKind::Norp)) {
        return None;
    }
    Some(Class::None)
}

/// A small deterministic generator (SplitMix64), for the order examples are visited in.
struct Order(u64);

impl Order {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// `v` shuffled (Fisher-Yates).
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// An averaged perceptron: the weights, and what averaging needs (each weight's sum over the
/// updates so far, weighted by when it changed).
struct Perceptron {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
}

impl Perceptron {
    fn new() -> Perceptron {
        Perceptron {
            weights: vec![0.0; BUCKETS * CLASSES],
            totals: vec![0.0; BUCKETS * CLASSES],
            stamps: vec![0; BUCKETS * CLASSES],
            step: 0,
        }
    }

    fn predict(&self, e: &Example) -> Class {
        let mut s = [0.0f32; CLASSES];
        for &f in &e.features {
            for (c, v) in s.iter_mut().enumerate() {
                *v += self.weights[f as usize * CLASSES + c];
            }
        }
        best(&s, e.rule)
    }

    fn update(&mut self, e: &Example) {
        self.step += 1;
        let guess = self.predict(e);
        if guess == e.label {
            return;
        }
        for &f in &e.features {
            for (class, delta) in [(e.label, 1.0f32), (guess, -1.0)] {
                let i = f as usize * CLASSES + class.index();
                self.totals[i] +=
                    f64::from(self.step - self.stamps[i]) * f64::from(self.weights[i]);
                self.stamps[i] = self.step;
                self.weights[i] += delta;
            }
        }
    }

    /// The averaged weights.
    fn averaged(mut self) -> Vec<f32> {
        let step = self.step.max(1);
        for i in 0..self.weights.len() {
            self.totals[i] += f64::from(step - self.stamps[i]) * f64::from(self.weights[i]);
            self.weights[i] = (self.totals[i] / f64::from(step)) as f32;
        }
        self.weights
    }
}

/// Held-out figures for a cross-validation: per fold, the candidates the rules' sure types and the
/// model's judgement get right, against the rules alone, over the annotated names.
#[derive(Debug, Default)]
pub struct Validation {
    /// Annotated names (of the types each document annotates).
    pub gold: usize,
    /// Candidates given a type: by the rules alone, with the model judging what the rules are not
    /// sure of, and with the model judging all.
    pub predicted: [usize; 4],
    /// Candidates whose span and class are an annotated name's: the same three ways, and a perfect
    /// judge of the candidates (which only boundaries limit).
    pub right: [usize; 4],
    /// Labelled held-out examples: rows the label, columns the model's class.
    pub confusion: [[usize; CLASSES]; CLASSES],
}

impl Validation {
    /// Span-and-class F1 of the rules alone (0) or with the model (1).
    pub fn f1(&self, which: usize) -> f64 {
        let p = self.right[which] as f64 / self.predicted[which].max(1) as f64;
        let r = self.right[which] as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `folds`-fold cross-validation by document over all of `sets`: each fold trained on the others
/// and judged on its own documents.
pub fn cross_validate(sets: &[Vec<Annotated>], epochs: usize, folds: usize) -> Validation {
    let docs: Vec<&Annotated> = sets.iter().flatten().collect();
    let mut v = Validation::default();
    for fold in 0..folds {
        let train_docs: Vec<&Annotated> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, d)| *d)
            .collect();
        let examples: Vec<Example> = train_docs.iter().flat_map(|d| examples(d)).collect();
        let model = fit_perceptron(&examples, epochs);
        for (_, d) in docs.iter().enumerate().filter(|(i, _)| i % folds == fold) {
            judge(d, &model, &mut v);
            for e in self::examples(d) {
                let p = model.predict(&e);
                v.confusion[e.label.index()][p.index()] += 1;
            }
        }
    }
    v
}

/// Adds the held-out figures of one document to `v`.
fn judge(a: &Annotated, model: &Perceptron, v: &mut Validation) {
    let doc = Document::new(&a.text);
    let ms = candidates(&doc, &[]);
    let evidence = Evidence::of(&doc, &ms);
    let bytes = byte_offsets(&a.text);
    let span = |x: &Annotation| -> Option<Span> {
        Some(Span::new(*bytes.get(x.start)?, *bytes.get(x.end)?))
    };
    let annotated = |c: Class| a.types.is_none() || c != Class::Misc;
    let gold: Vec<(Span, Class)> = a
        .entities
        .iter()
        .filter_map(|e| Some((span(e)?, class_of(e.ty.as_deref()?)?)))
        .filter(|&(_, c)| annotated(c))
        .collect();
    let ignored: Vec<Span> = a.ignore.iter().filter_map(span).collect();
    v.gold += gold.len();
    for m in &ms {
        if ignored
            .iter()
            .any(|s| s.start < m.span.end && m.span.start < s.end)
        {
            continue;
        }
        let rule = m.ty.map_or(Class::None, Class::of);
        let mut feats = Vec::new();
        features(&doc, m, &evidence, &mut feats);
        let e = Example {
            features: feats,
            label: Class::None,
            rule,
            text: String::new(),
        };
        let model_class = model.predict(&e);
        let judged = if m.sure && m.rank == 0 {
            rule
        } else {
            model_class
        };
        let oracle = gold
            .iter()
            .find(|(g, _)| *g == m.span)
            .map_or(Class::None, |&(_, c)| c);
        for (which, class) in [(0, rule), (1, judged), (2, model_class), (3, oracle)] {
            if class == Class::None || !annotated(class) {
                continue;
            }
            v.predicted[which] += 1;
            v.right[which] += usize::from(gold.contains(&(m.span, class)));
        }
    }
}

/// How many perceptrons, each visiting the examples in its own order, are averaged into one: a
/// single order makes the weights hang on it, so that one example more or less (a new rule's
/// candidate) moves figures by more than the rule does. Sixteen still left that: a rule splitting
/// a dozen training runs moved a person's type in a development text and CoNLL untyped F1 by 0.0007
/// from the draw alone; 64 halves that spread and trains in under 20 seconds.
const ORDERS: u64 = 64;

/// The mean of [`ORDERS`] averaged perceptrons trained on `examples` for `epochs` passes, each in
/// its own fixed order.
fn fit_perceptron(examples: &[Example], epochs: usize) -> Perceptron {
    let mut mean = vec![0.0f32; BUCKETS * CLASSES];
    for seed in 0..ORDERS {
        let mut model = Perceptron::new();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = Order(0x5eed + seed);
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                model.update(&examples[i]);
            }
        }
        for (m, w) in mean.iter_mut().zip(model.averaged()) {
            *m += w / ORDERS as f32;
        }
    }
    Perceptron {
        weights: mean,
        totals: Vec::new(),
        stamps: Vec::new(),
        step: 0,
    }
}

/// Trains on the documents of `sets` for `epochs` passes; the weights as bytes, and a summary.
pub fn train(sets: &[Vec<Annotated>], epochs: usize) -> (Vec<u8>, Summary) {
    let mut summary = Summary::default();
    let mut examples: Vec<Example> = Vec::new();
    for doc in sets.iter().flatten() {
        summary.documents += 1;
        examples.extend(self::examples(doc));
    }
    summary.examples = examples.len();
    for e in &examples {
        summary.by_label[e.label.index()] += 1;
    }
    let check = fit_perceptron(&examples, epochs);
    summary.right = examples
        .iter()
        .filter(|e| check.predict(e) == e.label)
        .count();
    (super::encode(&check.weights), summary)
}
