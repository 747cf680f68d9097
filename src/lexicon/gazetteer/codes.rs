//! The entity type codes packed into the compiled tables: written by the build script
//! (`build/gazetteer.rs`, which includes this file) and read by the gazetteer, so both agree.

/// A person.
pub const PERSON: u16 = 0;
/// An organisation.
pub const ORG: u16 = 1;
/// A country, city or state.
pub const GPE: u16 = 2;
/// A region, sea or other place that is not a state.
pub const LOC: u16 = 3;
/// A nationality or group.
pub const NORP: u16 = 4;
/// A building or structure.
pub const FAC: u16 = 5;
