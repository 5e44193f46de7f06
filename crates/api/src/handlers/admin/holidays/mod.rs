//! The holiday calendar of the working-time clock.

pub mod delete;
pub mod list;
pub mod put;
