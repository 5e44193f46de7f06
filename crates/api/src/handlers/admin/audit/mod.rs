//! The audit log: what staff changed and which personal data they saw (administrators read it).

pub mod list;
