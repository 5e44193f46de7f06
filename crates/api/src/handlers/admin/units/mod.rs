//! Handling units.

pub mod list;
pub mod put;
