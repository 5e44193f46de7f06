//! Hiện Trường's domain core: the rules of the platform as plain types and functions.
//!
//! Nothing here touches a database, HTTP or the clock of the machine: validation of what residents
//! send, the routing decision, the ticket state machine, the deadline clock, the access policy, notification
//! texts, tracking codes and the stable error codes all live here and are
//! unit-tested without any infrastructure. Storage and transport crates depend on this one, never
//! the other way round.

pub mod alert;
pub mod audit;
pub mod error;
pub mod limits;
pub mod login;
pub mod metrics;
pub mod notice;
pub mod open311;
pub mod pagination;
pub mod policy;
pub mod push;
pub mod report;
pub mod role;
pub mod routing;
pub mod search;
pub mod sla;
pub mod text;
pub mod ticket;
pub mod tracking;

pub use error::{Error, Lang};
