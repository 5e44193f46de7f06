//! The communes' populations, the engagement index's basis.

pub mod list;
pub mod put;
