//! SLA policies: the time allowed for each stage of a ticket.

pub mod list;
pub mod put;
