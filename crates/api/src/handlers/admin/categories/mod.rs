//! Categories.

pub mod list;
pub mod put;
